/* patch.h: unified diffs (git, format-patch, diff -u) applied in memory
 * through the srccache overlay; every error path with its exact message. */
#include "unit.h"

#include <errno.h>
#include <stdbool.h>
#include <unistd.h>

#include "check/patch.h"
#include "util/srccache.h"

#define PCI_KCONFIG							\
	"config PCI\n"							\
	"\tbool \"PCI support\"\n"					\
	"\n"								\
	"config PCI_P2PDMA\n"						\
	"\tbool \"PCI peer-to-peer transfer support\"\n"		\
	"\tdepends on ZONE_DEVICE\n"					\
	"\tdepends on 64BIT\n"						\
	"\tselect GENERIC_ALLOCATOR\n"					\
	"\thelp\n"							\
	"\t  Enables drivers to do PCI peer-to-peer transactions.\n"	\
	"\n"								\
	"config PCI_IOV\n"						\
	"\tbool \"PCI IOV support\"\n"

#define DRIVERS_KCONFIG							\
	"menu \"Device Drivers\"\n"					\
	"source \"drivers/pci/Kconfig\"\n"				\
	"endmenu\n"

/* PCI_KCONFIG without the 64BIT line. */
#define PCI_NO64							\
	"config PCI\n"							\
	"\tbool \"PCI support\"\n"					\
	"\n"								\
	"config PCI_P2PDMA\n"						\
	"\tbool \"PCI peer-to-peer transfer support\"\n"		\
	"\tdepends on ZONE_DEVICE\n"					\
	"\tselect GENERIC_ALLOCATOR\n"					\
	"\thelp\n"							\
	"\t  Enables drivers to do PCI peer-to-peer transactions.\n"	\
	"\n"								\
	"config PCI_IOV\n"						\
	"\tbool \"PCI IOV support\"\n"

#define HUNK_NO64							\
	"@@ -4,7 +4,6 @@ config PCI\n"					\
	" config PCI_P2PDMA\n"						\
	" \tbool \"PCI peer-to-peer transfer support\"\n"		\
	" \tdepends on ZONE_DEVICE\n"					\
	"-\tdepends on 64BIT\n"						\
	" \tselect GENERIC_ALLOCATOR\n"					\
	" \thelp\n"							\
	" \t  Enables drivers to do PCI peer-to-peer transactions.\n"

#define GIT_NO64							\
	"diff --git a/drivers/pci/Kconfig b/drivers/pci/Kconfig\n"	\
	"index 1111111..2222222 100644\n"				\
	"--- a/drivers/pci/Kconfig\n"					\
	"+++ b/drivers/pci/Kconfig\n"					\
	HUNK_NO64

static const char format_patch[] =
	"From 0123456789abcdef0123456789abcdef01234567 Mon Sep 17 00:00:00 2001\n"
	"From: A U Thor <author@example.org>\n"
	"Date: Mon, 1 Jan 2024 00:00:00 +0000\n"
	"Subject: [PATCH] PCI/P2PDMA: drop the 64BIT dependency\n"
	"\n"
	"The flag works on 32-bit too.\n"
	"--- not a file header\n"
	"\n"
	"Signed-off-by: A U Thor <author@example.org>\n"
	"---\n"
	" drivers/pci/Kconfig | 1 -\n"
	" 1 file changed, 1 deletion(-)\n"
	"\n"
	GIT_NO64
	"-- \n"
	"2.39.5\n"
	"\n";

/* The tree: a temporary directory with the Kconfig files above; patches
 * apply through cache, never to the directory. */
struct pt {
	struct fx *fx;
	struct srccache *cache;
	struct patch *p;
	struct patch_stats st;
	char path[512];
};

static int setup(void **state)
{
	struct pt *t = calloc(1, sizeof(*t));

	if (!t || fx_setup((void **)&t->fx))
		return -1;
	fx_mkdtemp(t->fx);
	fx_write(t->fx, "Kconfig", "source \"drivers/Kconfig\"\n");
	fx_write(t->fx, "drivers", NULL);
	fx_write(t->fx, "drivers/pci", NULL);
	fx_write(t->fx, "drivers/Kconfig", DRIVERS_KCONFIG);
	fx_write(t->fx, "drivers/pci/Kconfig", PCI_KCONFIG);
	t->cache = srccache_new();
	*state = t;
	return 0;
}

static int teardown(void **state)
{
	struct pt *t = *state;

	patch_free(t->p);
	srccache_free(t->cache);
	fx_teardown((void **)&t->fx);
	free(t);
	return 0;
}

#define PT_TEST(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

static struct patch *parse_p(struct pt *t, const char *text, int strip)
{
	patch_free(t->p);
	t->p = patch_parse("t.patch", text, strlen(text), strip);
	return t->p;
}

/* Parse (-p1) and apply to the temporary tree. */
static bool apply(struct pt *t, const char *text)
{
	if (!parse_p(t, text, 1))
		return false;
	return patch_apply(t->p, t->fx->tmpdir, t->cache, &t->st);
}

/* What the tree's file rel reads as through the cache (NULL: missing). */
static const char *rd(struct pt *t, const char *rel)
{
	size_t len;

	return srccache_read_in(t->cache, t->fx->tmpdir, rel, &len);
}

/* The file on disk, which a patch never changes. */
static char *disk(struct pt *t, const char *rel)
{
	size_t len;

	snprintf(t->path, sizeof(t->path), "%s/%s", t->fx->tmpdir, rel);
	return fx_keep(t->fx, read_whole_file(t->path, &len));
}

static const char *errors(struct pt *t)
{
	return cap_text(&t->fx->cap);
}

static void assert_range(const struct patch_range *r, unsigned ol, unsigned oc, unsigned nl,
			 unsigned nc)
{
	char got[96], want[96];

	snprintf(got, sizeof(got), "-%u,%u +%u,%u", r->old_line, r->old_count, r->new_line,
		 r->new_count);
	snprintf(want, sizeof(want), "-%u,%u +%u,%u", ol, oc, nl, nc);
	assert_string_equal(got, want);
}

/* ---- formats ---- */

static void test_format_patch(void **state)
{
	struct pt *t = *state;
	const struct patch_file *f;

	assert_true(apply(t, format_patch));
	assert_string_equal(errors(t), "");
	assert_string_equal(rd(t, "drivers/pci/Kconfig"), PCI_NO64);
	assert_string_equal(disk(t, "drivers/pci/Kconfig"), PCI_KCONFIG);
	assert_string_equal(rd(t, "drivers/Kconfig"), DRIVERS_KCONFIG);
	assert_int_equal(patch_nfiles(t->p), 1);
	f = patch_file(t->p, 0);
	assert_string_equal(f->old_path, "drivers/pci/Kconfig");
	assert_string_equal(f->new_path, "drivers/pci/Kconfig");
	assert_int_equal(f->kind, PATCH_MODIFY);
	assert_true(f->kconfig);
	assert_false(f->binary);
	assert_int_equal(f->line, 14);
	assert_int_equal(f->nranges, 1);
	assert_range(&f->ranges[0], 7, 1, 6, 0);
	assert_int_equal(t->st.files_patched, 1);
	assert_int_equal(t->st.files_skipped, 0);
	assert_int_equal(t->st.hunks, 1);
	assert_int_equal(t->st.hunks_offset, 0);
	assert_null(patch_file(t->p, 1));
}

static void test_diff_u_timestamps(void **state)
{
	struct pt *t = *state;

	assert_true(apply(t,
		"diff -u linux.orig/drivers/pci/Kconfig linux/drivers/pci/Kconfig\n"
		"--- linux.orig/drivers/pci/Kconfig\t2024-01-01 00:00:00.000000000 +0000\n"
		"+++ linux/drivers/pci/Kconfig\t2024-01-02 00:00:00.000000000 +0000\n"
		HUNK_NO64));
	assert_string_equal(rd(t, "drivers/pci/Kconfig"), PCI_NO64);
	assert_int_equal(patch_file(t->p, 0)->line, 2);
}

static void test_diff_u_p0_orig_name(void **state)
{
	struct pt *t = *state;
	const char *text =
		"--- drivers/pci/Kconfig.orig\n"
		"+++ drivers/pci/Kconfig\n"
		HUNK_NO64;

	assert_true(parse_p(t, text, 0));
	assert_string_equal(patch_file(t->p, 0)->old_path, "drivers/pci/Kconfig");
	assert_true(patch_apply(t->p, t->fx->tmpdir, t->cache, NULL));
	assert_string_equal(rd(t, "drivers/pci/Kconfig"), PCI_NO64);
}

static void test_strip_too_deep(void **state)
{
	struct pt *t = *state;

	assert_null(parse_p(t, "--- Kconfig.orig\n+++ Kconfig\n@@ -1 +1 @@\n-a\n+b\n", 1));
	assert_string_equal(errors(t),
		"t.patch:1: error: can't strip 1 leading directory from 'Kconfig.orig'\n");
}

static void test_several_files_and_hunks(void **state)
{
	struct pt *t = *state;

	assert_true(apply(t,
		"diff --git a/Makefile b/Makefile\n"
		"--- a/Makefile\n"
		"+++ b/Makefile\n"
		"@@ -1 +1 @@\n"
		"-VERSION = 6\n"
		"+VERSION = 7\n"
		"diff --git a/drivers/Kconfig b/drivers/Kconfig\n"
		"--- a/drivers/Kconfig\n"
		"+++ b/drivers/Kconfig\n"
		"@@ -1,3 +1,4 @@\n"
		" menu \"Device Drivers\"\n"
		" source \"drivers/pci/Kconfig\"\n"
		"+source \"drivers/usb/Kconfig\"\n"
		" endmenu\n"
		"diff --git a/drivers/pci/Kconfig b/drivers/pci/Kconfig\n"
		"--- a/drivers/pci/Kconfig\n"
		"+++ b/drivers/pci/Kconfig\n"
		"@@ -1,5 +1,5 @@\n"
		" config PCI\n"
		"-\tbool \"PCI support\"\n"
		"+\tbool \"PCI bus support\"\n"
		" \n"
		" config PCI_P2PDMA\n"
		" \tbool \"PCI peer-to-peer transfer support\"\n"
		"@@ -10,4 +10,5 @@ config PCI_P2PDMA\n"
		" \t  Enables drivers to do PCI peer-to-peer transactions.\n"
		" \n"
		" config PCI_IOV\n"
		" \tbool \"PCI IOV support\"\n"
		"+\tdepends on PCI\n"));
	assert_string_equal(errors(t), "");
	assert_string_equal(rd(t, "drivers/Kconfig"),
		"menu \"Device Drivers\"\n"
		"source \"drivers/pci/Kconfig\"\n"
		"source \"drivers/usb/Kconfig\"\n"
		"endmenu\n");
	assert_string_equal(rd(t, "drivers/pci/Kconfig"),
		"config PCI\n"
		"\tbool \"PCI bus support\"\n"
		"\n"
		"config PCI_P2PDMA\n"
		"\tbool \"PCI peer-to-peer transfer support\"\n"
		"\tdepends on ZONE_DEVICE\n"
		"\tdepends on 64BIT\n"
		"\tselect GENERIC_ALLOCATOR\n"
		"\thelp\n"
		"\t  Enables drivers to do PCI peer-to-peer transactions.\n"
		"\n"
		"config PCI_IOV\n"
		"\tbool \"PCI IOV support\"\n"
		"\tdepends on PCI\n");
	assert_int_equal(patch_nfiles(t->p), 3);
	assert_false(patch_file(t->p, 0)->kconfig);
	assert_true(patch_file(t->p, 1)->kconfig);
	assert_int_equal(t->st.files_patched, 2);
	assert_int_equal(t->st.files_skipped, 1);
	assert_int_equal(t->st.hunks, 3);
	assert_int_equal(patch_file(t->p, 2)->nranges, 2);
	assert_range(&patch_file(t->p, 2)->ranges[0], 2, 1, 2, 1);
	assert_range(&patch_file(t->p, 2)->ranges[1], 13, 0, 14, 1);
	assert_range(&patch_file(t->p, 1)->ranges[0], 2, 0, 3, 1);
}

static void test_omitted_counts(void **state)
{
	struct pt *t = *state;

	assert_true(apply(t,
		"--- a/drivers/pci/Kconfig\n"
		"+++ b/drivers/pci/Kconfig\n"
		"@@ -7 +7,2 @@\n"
		"-\tdepends on 64BIT\n"
		"+\tdepends on 64BIT || COMPILE_TEST\n"
		"+\tdepends on MMU\n"));
	assert_contains(rd(t, "drivers/pci/Kconfig"),
		"\tdepends on ZONE_DEVICE\n"
		"\tdepends on 64BIT || COMPILE_TEST\n"
		"\tdepends on MMU\n"
		"\tselect GENERIC_ALLOCATOR\n");
	assert_range(&patch_file(t->p, 0)->ranges[0], 7, 1, 7, 2);
}

static void test_offset(void **state)
{
	struct pt *t = *state;

	fx_write(t->fx, "drivers/pci/Kconfig", "# SPDX\n#\n\n" PCI_KCONFIG);
	assert_range(&patch_file(parse_p(t, GIT_NO64, 1), 0)->ranges[0], 7, 1, 6, 0);
	assert_true(apply(t, GIT_NO64));
	assert_string_equal(rd(t, "drivers/pci/Kconfig"), "# SPDX\n#\n\n" PCI_NO64);
	assert_int_equal(t->st.hunks_offset, 1);
	assert_int_equal(t->st.max_offset, 3);
	assert_range(&patch_file(t->p, 0)->ranges[0], 10, 1, 9, 0);
}

static void test_nearest_match(void **state)
{
	struct pt *t = *state;
	const char *file = "k\nx\nk\nf\nf\nf\nf\nf\nf\nk\nx\nk\n";

	fx_write(t->fx, "Kconfig.test", file);
	assert_true(apply(t, "--- a/Kconfig.test\n+++ b/Kconfig.test\n"
			  "@@ -8,3 +8,3 @@\n k\n-x\n+X\n k\n"));
	assert_string_equal(rd(t, "Kconfig.test"), "k\nx\nk\nf\nf\nf\nf\nf\nf\nk\nX\nk\n");
	assert_int_equal(t->st.max_offset, 2);

	srccache_free(t->cache);
	t->cache = srccache_new();
	assert_true(apply(t, "--- a/Kconfig.test\n+++ b/Kconfig.test\n"
			  "@@ -3,3 +3,3 @@\n k\n-x\n+X\n k\n"));
	assert_string_equal(rd(t, "Kconfig.test"), "k\nX\nk\nf\nf\nf\nf\nf\nf\nk\nx\nk\n");
	assert_int_equal(t->st.max_offset, -2);
	assert_range(&patch_file(t->p, 0)->ranges[0], 2, 1, 2, 1);
}

static void test_end_anchor(void **state)
{
	struct pt *t = *state;

	/* No trailing context: the hunk ends the file, although its lines
	 * match at the header's line too. */
	fx_write(t->fx, "Kconfig.test", "x\ny\nz\nx\ny\n");
	assert_true(apply(t, "--- a/Kconfig.test\n+++ b/Kconfig.test\n"
			  "@@ -1,2 +1,3 @@\n x\n y\n+w\n"));
	assert_string_equal(rd(t, "Kconfig.test"), "x\ny\nz\nx\ny\nw\n");
	assert_int_equal(t->st.max_offset, 3);
	assert_range(&patch_file(t->p, 0)->ranges[0], 5, 0, 6, 1);
}

static void test_crlf_patch_lf_file(void **state)
{
	struct pt *t = *state;

	assert_true(apply(t,
		"diff --git a/drivers/Kconfig b/drivers/Kconfig\r\n"
		"--- a/drivers/Kconfig\r\n"
		"+++ b/drivers/Kconfig\r\n"
		"@@ -1,3 +1,4 @@\r\n"
		" menu \"Device Drivers\"\r\n"
		" source \"drivers/pci/Kconfig\"\r\n"
		"+source \"drivers/usb/Kconfig\"\r\n"
		" endmenu\r\n"));
	assert_string_equal(rd(t, "drivers/Kconfig"),
		"menu \"Device Drivers\"\n"
		"source \"drivers/pci/Kconfig\"\n"
		"source \"drivers/usb/Kconfig\"\n"
		"endmenu\n");
}

static void test_crlf_file(void **state)
{
	struct pt *t = *state;

	fx_write(t->fx, "drivers/Kconfig", "menu \"D\"\r\nsource \"a/Kconfig\"\r\nendmenu\r\n");
	assert_true(apply(t,
		"--- a/drivers/Kconfig\n"
		"+++ b/drivers/Kconfig\n"
		"@@ -1,3 +1,4 @@\n"
		" menu \"D\"\n"
		" source \"a/Kconfig\"\n"
		"+source \"b/Kconfig\"\n"
		" endmenu\n"));
	assert_string_equal(rd(t, "drivers/Kconfig"),
		"menu \"D\"\r\nsource \"a/Kconfig\"\r\nsource \"b/Kconfig\"\r\nendmenu\r\n");
}

/* ---- created, deleted, renamed files ---- */

static void test_create(void **state)
{
	struct pt *t = *state;
	const struct patch_file *f;

	assert_null(rd(t, "drivers/usb/Kconfig"));
	assert_true(apply(t,
		"diff --git a/drivers/usb/Kconfig b/drivers/usb/Kconfig\n"
		"new file mode 100644\n"
		"index 0000000..1234567\n"
		"--- /dev/null\n"
		"+++ b/drivers/usb/Kconfig\n"
		"@@ -0,0 +1,2 @@\n"
		"+config USB\n"
		"+\tbool \"USB\"\n"));
	assert_string_equal(rd(t, "drivers/usb/Kconfig"), "config USB\n\tbool \"USB\"\n");
	f = patch_file(t->p, 0);
	assert_int_equal(f->kind, PATCH_CREATE);
	assert_null(f->old_path);
	assert_string_equal(f->new_path, "drivers/usb/Kconfig");
	assert_range(&f->ranges[0], 0, 0, 1, 2);
}

static void test_create_plain_diff(void **state)
{
	struct pt *t = *state;

	assert_true(apply(t, "--- /dev/null\n+++ b/Kconfig.new\n@@ -0,0 +1 @@\n+config NEW\n"));
	assert_string_equal(rd(t, "Kconfig.new"), "config NEW\n");
	assert_int_equal(patch_file(t->p, 0)->kind, PATCH_CREATE);
}

static void test_create_existing(void **state)
{
	struct pt *t = *state;

	assert_false(apply(t, "--- /dev/null\n+++ b/drivers/Kconfig\n@@ -0,0 +1 @@\n+x\n"));
	snprintf(t->path, sizeof(t->path),
		 "t.patch:1: error: can't create 'drivers/Kconfig': it exists in '%s'\n",
		 t->fx->tmpdir);
	assert_string_equal(errors(t), t->path);
}

static void test_delete(void **state)
{
	struct pt *t = *state;

	assert_true(apply(t,
		"diff --git a/drivers/Kconfig b/drivers/Kconfig\n"
		"deleted file mode 100644\n"
		"index 1234567..0000000\n"
		"--- a/drivers/Kconfig\n"
		"+++ /dev/null\n"
		"@@ -1,3 +0,0 @@\n"
		"-menu \"Device Drivers\"\n"
		"-source \"drivers/pci/Kconfig\"\n"
		"-endmenu\n"));
	errno = 0;
	assert_null(rd(t, "drivers/Kconfig"));
	assert_int_equal(errno, ENOENT);
	assert_int_equal(patch_file(t->p, 0)->kind, PATCH_DELETE);
	assert_null(patch_file(t->p, 0)->new_path);
	assert_string_equal(disk(t, "drivers/Kconfig"), DRIVERS_KCONFIG);
}

static void test_delete_without_hunks(void **state)
{
	struct pt *t = *state;

	/* git diff -D (--irreversible-delete) */
	assert_true(apply(t,
		"diff --git a/drivers/Kconfig b/drivers/Kconfig\n"
		"deleted file mode 100644\n"
		"index 1234567..0000000\n"));
	assert_null(rd(t, "drivers/Kconfig"));
}

static void test_delete_leaves_lines(void **state)
{
	struct pt *t = *state;

	assert_false(apply(t,
		"--- a/drivers/Kconfig\n"
		"+++ /dev/null\n"
		"@@ -1,2 +0,0 @@\n"
		"-menu \"Device Drivers\"\n"
		"-source \"drivers/pci/Kconfig\"\n"));
	assert_string_equal(errors(t),
		"t.patch:1: error: deleting 'drivers/Kconfig' would leave lines the patch does not remove\n");
	assert_string_equal(rd(t, "drivers/Kconfig"), DRIVERS_KCONFIG);
}

static void test_rename_without_hunks(void **state)
{
	struct pt *t = *state;
	const struct patch_file *f;

	assert_true(apply(t,
		"diff --git a/drivers/pci/Kconfig b/drivers/pcie/Kconfig\n"
		"similarity index 100%\n"
		"rename from drivers/pci/Kconfig\n"
		"rename to drivers/pcie/Kconfig\n"));
	assert_null(rd(t, "drivers/pci/Kconfig"));
	assert_string_equal(rd(t, "drivers/pcie/Kconfig"), PCI_KCONFIG);
	f = patch_file(t->p, 0);
	assert_int_equal(f->kind, PATCH_RENAME);
	assert_string_equal(f->old_path, "drivers/pci/Kconfig");
	assert_string_equal(f->new_path, "drivers/pcie/Kconfig");
	assert_int_equal(f->nranges, 0);
	assert_int_equal(t->st.files_patched, 1);
}

static void test_rename_with_hunks(void **state)
{
	struct pt *t = *state;

	assert_true(apply(t,
		"diff --git a/drivers/pci/Kconfig b/drivers/pcie/Kconfig\n"
		"similarity index 90%\n"
		"rename from drivers/pci/Kconfig\n"
		"rename to drivers/pcie/Kconfig\n"
		"index 1111111..2222222 100644\n"
		"--- a/drivers/pci/Kconfig\n"
		"+++ b/drivers/pcie/Kconfig\n"
		HUNK_NO64
		"diff --git a/drivers/Kconfig b/drivers/Kconfig\n"
		"--- a/drivers/Kconfig\n"
		"+++ b/drivers/Kconfig\n"
		"@@ -1,3 +1,3 @@\n"
		" menu \"Device Drivers\"\n"
		"-source \"drivers/pci/Kconfig\"\n"
		"+source \"drivers/pcie/Kconfig\"\n"
		" endmenu\n"));
	assert_null(rd(t, "drivers/pci/Kconfig"));
	assert_string_equal(rd(t, "drivers/pcie/Kconfig"), PCI_NO64);
	assert_contains(rd(t, "drivers/Kconfig"), "source \"drivers/pcie/Kconfig\"\n");
}

static void test_rename_to_non_kconfig_name(void **state)
{
	struct pt *t = *state;

	/* The old name is a Kconfig file: it must disappear. */
	assert_true(apply(t,
		"diff --git a/drivers/pci/Kconfig b/drivers/pci/old-options\n"
		"similarity index 100%\n"
		"rename from drivers/pci/Kconfig\n"
		"rename to drivers/pci/old-options\n"));
	assert_true(patch_file(t->p, 0)->kconfig);
	assert_null(rd(t, "drivers/pci/Kconfig"));
}

/* Found by fuzz_patch: a rename whose 'rename to' line is missing (and
 * whose 'diff --git' names differ) has no new name; it is an error, not a
 * rename to nowhere. */
static void test_rename_without_new_name(void **state)
{
	struct pt *t = *state;

	assert_null(parse_p(t,
		"diff --git a/drivers/pci/Kconfig b/drivers/pcie/Kconfig\n"
		"similarity index 90%\n"
		"rename from drivers/pci/Kconfig\n", 1));
	assert_string_equal(errors(t),
		"t.patch:1: error: can't tell both file names of a rename: 'rename from' or 'rename to' is missing\n");
	assert_null(parse_p(t,
		"diff --git a/drivers/pci/Kconfig b/drivers/pcie/Kconfig\n"
		"copy to drivers/pcie/Kconfig\n", 1));
	assert_contains(errors(t),
		"t.patch:1: error: can't tell both file names of a copy: 'copy from' or 'copy to' is missing\n");
}

/* Found by fuzz_patch (UBSan: a zero offset applied to the NULL body): a
 * hunk with no lines changes nothing, and the hunks around it apply. */
static void test_empty_hunk(void **state)
{
	struct pt *t = *state;

	assert_true(apply(t,
		"--- a/drivers/Kconfig\n"
		"+++ b/drivers/Kconfig\n"
		"@@ -0,0 +1,0 @@\n"
		"@@ -1,3 +1,3 @@\n"
		"-menu \"Device Drivers\"\n"
		"+menu \"Drivers\"\n"
		" source \"drivers/pci/Kconfig\"\n"
		" endmenu\n"));
	assert_string_equal(errors(t), "");
	assert_int_equal(patch_file(t->p, 0)->nranges, 2);
	assert_string_equal(rd(t, "drivers/Kconfig"),
			    "menu \"Drivers\"\nsource \"drivers/pci/Kconfig\"\nendmenu\n");
}

static void test_patch_then_load(void **state)
{
	struct pt *t = *state;
	struct load_config o = { .srctree = t->fx->tmpdir, .cache = t->cache };

	assert_true(apply(t,
		"diff --git a/drivers/Kconfig b/drivers/Kconfig\n"
		"--- a/drivers/Kconfig\n"
		"+++ b/drivers/Kconfig\n"
		"@@ -1,3 +1,4 @@\n"
		" menu \"Device Drivers\"\n"
		" source \"drivers/pci/Kconfig\"\n"
		"+source \"drivers/usb/Kconfig\"\n"
		" endmenu\n"
		"diff --git a/drivers/usb/Kconfig b/drivers/usb/Kconfig\n"
		"new file mode 100644\n"
		"--- /dev/null\n"
		"+++ b/drivers/usb/Kconfig\n"
		"@@ -0,0 +1,2 @@\n"
		"+config USB\n"
		"+\tbool \"USB\"\n"));
	t->fx->t = kctree_load(&o, NULL);
	assert_string_equal(errors(t), "");
	assert_non_null(t->fx->t);
	assert_int_equal(t->fx->t->nfiles, 4);
}

/* What a patched copy would read: a glob sees the files a patch creates and
 * not those it deletes; a sourced file of any name is patched; one that
 * does not apply fails only the load that reads it. */
static void test_patch_glob_and_any_name(void **state)
{
	struct pt *t = *state;
	struct load_config o = { .srctree = t->fx->tmpdir, .cache = t->cache };

	fx_write(t->fx, "Kconfig", "source \"*/Kconfig\"\n");
	fx_write(t->fx, "gone", NULL);
	fx_write(t->fx, "gone/Kconfig", "config GONE\n\tbool \"g\"\n");
	assert_true(apply(t,
		"diff --git a/d3/Kconfig b/d3/Kconfig\n"
		"new file mode 100644\n"
		"--- /dev/null\n"
		"+++ b/d3/Kconfig\n"
		"@@ -0,0 +1,3 @@\n"
		"+config D3\n"
		"+\tbool \"d3\"\n"
		"+source \"d3/options.inc\"\n"
		"diff --git a/d3/options.inc b/d3/options.inc\n"
		"new file mode 100644\n"
		"--- /dev/null\n"
		"+++ b/d3/options.inc\n"
		"@@ -0,0 +1,2 @@\n"
		"+config D3_OPT\n"
		"+\tbool \"opt\"\n"
		"diff --git a/gone/Kconfig b/gone/Kconfig\n"
		"deleted file mode 100644\n"
		"--- a/gone/Kconfig\n"
		"+++ /dev/null\n"
		"@@ -1,2 +0,0 @@\n"
		"-config GONE\n"
		"-\tbool \"g\"\n"
		"diff --git a/lib/absent.c b/lib/absent.c\n"
		"--- a/lib/absent.c\n"
		"+++ b/lib/absent.c\n"
		"@@ -1 +1 @@\n"
		"-int x;\n"
		"+int y;\n"));
	assert_int_equal(t->st.files_patched, 2);
	assert_int_equal(t->st.files_other, 1);
	assert_int_equal(t->st.files_skipped, 1);
	t->fx->t = kctree_load(&o, NULL);
	assert_string_equal(errors(t), "");
	assert_non_null(t->fx->t);
	assert_non_null(sym_find(t->fx->t, "D3"));
	assert_non_null(sym_find(t->fx->t, "D3_OPT"));
	assert_null(sym_find(t->fx->t, "GONE"));
	assert_non_null(sym_find(t->fx->t, "PCI"));
	/* a tree that sources the file the patch could not apply to */
	fx_write(t->fx, "Kconfig", "source \"lib/absent.c\"\n");
	srccache_free(t->cache);
	t->cache = srccache_new();
	o.cache = t->cache;
	assert_true(patch_apply(t->p, t->fx->tmpdir, t->cache, &t->st));
	kctree_free(t->fx->t);
	t->fx->t = kctree_load(&o, NULL);
	assert_null(t->fx->t);
	assert_string_equal(errors(t),
			    "Kconfig:1: error: can't open file \"lib/absent.c\": the patch does not apply to it\n");
}

/* ---- newline at end of file ---- */

static void test_no_newline_old(void **state)
{
	struct pt *t = *state;

	fx_write(t->fx, "Kconfig.a", "config A\n\tbool \"a\"");
	assert_true(apply(t,
		"--- a/Kconfig.a\n"
		"+++ b/Kconfig.a\n"
		"@@ -1,2 +1,3 @@\n"
		" config A\n"
		"-\tbool \"a\"\n"
		"\\ No newline at end of file\n"
		"+\tbool \"a\"\n"
		"+\tdefault y\n"));
	assert_string_equal(rd(t, "Kconfig.a"), "config A\n\tbool \"a\"\n\tdefault y\n");
}

static void test_no_newline_new(void **state)
{
	struct pt *t = *state;

	fx_write(t->fx, "Kconfig.a", "config A\n\tbool \"a\"\n");
	assert_true(apply(t,
		"--- a/Kconfig.a\n"
		"+++ b/Kconfig.a\n"
		"@@ -1,2 +1,2 @@\n"
		" config A\n"
		"-\tbool \"a\"\n"
		"+\tbool \"b\"\n"
		"\\ No newline at end of file\n"));
	assert_string_equal(rd(t, "Kconfig.a"), "config A\n\tbool \"b\"");
}

static void test_no_newline_context(void **state)
{
	struct pt *t = *state;

	fx_write(t->fx, "Kconfig.a", "config A\n\tbool \"a\"");
	assert_true(apply(t,
		"--- a/Kconfig.a\n"
		"+++ b/Kconfig.a\n"
		"@@ -1,2 +1,3 @@\n"
		"+# a\n"
		" config A\n"
		" \tbool \"a\"\n"
		"\\ No newline at end of file\n"));
	assert_string_equal(rd(t, "Kconfig.a"), "# a\nconfig A\n\tbool \"a\"");
}

static void test_series_same_file(void **state)
{
	struct pt *t = *state;

	/* Two mails of a series: the second applies on top of the first. */
	assert_true(apply(t,
		"From 1 Mon Sep 17 00:00:00 2001\n"
		"Subject: [PATCH 1/2] one\n"
		"\n"
		GIT_NO64
		"-- \n"
		"2.39.5\n"
		"\n"
		"From 2 Mon Sep 17 00:00:00 2001\n"
		"Subject: [PATCH 2/2] two\n"
		"\n"
		"diff --git a/drivers/pci/Kconfig b/drivers/pci/Kconfig\n"
		"--- a/drivers/pci/Kconfig\n"
		"+++ b/drivers/pci/Kconfig\n"
		"@@ -5,3 +5,4 @@ config PCI_P2PDMA\n"
		" \tbool \"PCI peer-to-peer transfer support\"\n"
		" \tdepends on ZONE_DEVICE\n"
		"+\tdepends on MMU\n"
		" \tselect GENERIC_ALLOCATOR\n"
		"-- \n"
		"2.39.5\n"));
	assert_string_equal(errors(t), "");
	assert_contains(rd(t, "drivers/pci/Kconfig"),
		"\tdepends on ZONE_DEVICE\n"
		"\tdepends on MMU\n"
		"\tselect GENERIC_ALLOCATOR\n");
	assert_int_equal(t->st.files_patched, 2);
	assert_int_equal(t->st.hunks_offset, 0);
}

/* ---- errors ---- */

static void test_binary(void **state)
{
	struct pt *t = *state;

	assert_false(apply(t,
		"diff --git a/drivers/pci/Kconfig b/drivers/pci/Kconfig\n"
		"index 1111111..2222222 100644\n"
		"Binary files a/drivers/pci/Kconfig and b/drivers/pci/Kconfig differ\n"));
	assert_string_equal(errors(t),
		"t.patch:1: error: 'drivers/pci/Kconfig' has a binary patch, which can't be applied\n");
	assert_true(patch_file(t->p, 0)->binary);
}

static void test_binary_other_file_skipped(void **state)
{
	struct pt *t = *state;

	assert_true(apply(t,
		"diff --git a/Documentation/logo.gif b/Documentation/logo.gif\n"
		"index 1111111..2222222 100644\n"
		"GIT binary patch\n"
		"literal 4\n"
		"LcmZQzU|;|M00aO5\n"
		"\n"
		"literal 0\n"
		"HcmV?d00001\n"
		"\n"
		GIT_NO64));
	assert_string_equal(rd(t, "drivers/pci/Kconfig"), PCI_NO64);
	assert_int_equal(t->st.files_skipped, 1);
	assert_true(patch_file(t->p, 0)->binary);
}

static void test_hunk_does_not_apply(void **state)
{
	struct pt *t = *state;

	assert_false(apply(t,
		"diff --git a/drivers/Kconfig b/drivers/Kconfig\n"
		"--- a/drivers/Kconfig\n"
		"+++ b/drivers/Kconfig\n"
		"@@ -1,3 +1,3 @@\n"
		" menu \"Device Drivers\"\n"
		"-source \"drivers/pci/Kconfig\"\n"
		"+source \"drivers/pcie/Kconfig\"\n"
		" endmenu\n"
		"diff --git a/drivers/pci/Kconfig b/drivers/pci/Kconfig\n"
		"--- a/drivers/pci/Kconfig\n"
		"+++ b/drivers/pci/Kconfig\n"
		"@@ -1,4 +1,4 @@\n"
		" config PCI\n"
		"-\tbool \"PCI support\"\n"
		"+\tbool \"PCI bus\"\n"
		" \n"
		" config PCI_P2PDMA\n"
		"@@ -10,4 +10,4 @@\n"
		" \t  Enables drivers to do PCI peer-to-peer transactions.\n"
		" \n"
		"-config PCI_IOV_X\n"
		"+config PCI_IOV\n"
		" \tbool \"PCI IOV support\"\n"));
	assert_string_equal(errors(t),
		"t.patch:18: error: hunk #2 of 'drivers/pci/Kconfig' does not apply "
		"(line 12 differs: expected 'config PCI_IOV_X', found 'config PCI_IOV')\n");
	/* All or nothing: the first file is not patched either. */
	assert_string_equal(rd(t, "drivers/Kconfig"), DRIVERS_KCONFIG);
	assert_string_equal(rd(t, "drivers/pci/Kconfig"), PCI_KCONFIG);
	/* The ranges are the header's again. */
	assert_range(&patch_file(t->p, 1)->ranges[1], 12, 1, 12, 1);
}

static void test_hunk_past_end(void **state)
{
	struct pt *t = *state;

	assert_false(apply(t,
		"--- a/drivers/Kconfig\n"
		"+++ b/drivers/Kconfig\n"
		"@@ -3,3 +3,4 @@\n"
		" endmenu\n"
		"+# end\n"
		" x\n"
		" y\n"));
	assert_string_equal(errors(t),
		"t.patch:3: error: hunk #1 of 'drivers/Kconfig' does not apply "
		"(expected 'x' at line 4, the file has 3 lines)\n");
}

static void test_hunk_white_space(void **state)
{
	struct pt *t = *state;

	assert_false(apply(t,
		"--- a/drivers/pci/Kconfig\n"
		"+++ b/drivers/pci/Kconfig\n"
		"@@ -7 +7 @@\n"
		"-    depends on 64BIT\n"
		"+\tdepends on 32BIT\n"));
	assert_string_equal(errors(t),
		"t.patch:3: error: hunk #1 of 'drivers/pci/Kconfig' does not apply "
		"(line 7 differs in white space from 'depends on 64BIT')\n");
}

static void test_file_missing(void **state)
{
	struct pt *t = *state;

	assert_false(apply(t,
		"From: someone\n"
		"\n"
		"diff --git a/drivers/gone/Kconfig b/drivers/gone/Kconfig\n"
		"--- a/drivers/gone/Kconfig\n"
		"+++ b/drivers/gone/Kconfig\n"
		"@@ -1 +1 @@\n"
		"-a\n"
		"+b\n"));
	snprintf(t->path, sizeof(t->path),
		 "t.patch:3: error: can't patch 'drivers/gone/Kconfig': no such file in '%s'\n",
		 t->fx->tmpdir);
	assert_string_equal(errors(t), t->path);
}

static void test_truncated_hunk(void **state)
{
	struct pt *t = *state;

	assert_null(parse_p(t,
		"diff --git a/drivers/pci/Kconfig b/drivers/pci/Kconfig\n"
		"--- a/drivers/pci/Kconfig\n"
		"+++ b/drivers/pci/Kconfig\n"
		"@@ -4,7 +4,6 @@ config PCI\n"
		" config PCI_P2PDMA\n"
		" \tbool \"PCI peer-to-peer transfer support\"\n"
		" \tdepends on ZONE_DEVICE\n"
		"-\tdepends on 64BIT\n"
		"-- \n"
		"2.39.5\n", 1));
	assert_string_equal(errors(t),
		"t.patch:4: error: hunk #1 of 'drivers/pci/Kconfig' is truncated "
		"(its header promises 7 old and 6 new lines, it has 5 and 3)\n");
}

static void test_truncated_at_eof(void **state)
{
	struct pt *t = *state;

	assert_null(parse_p(t, "--- a/Kconfig\n+++ b/Kconfig\n@@ -1,3 +1,3 @@\n a\n", 1));
	assert_string_equal(errors(t),
		"t.patch:3: error: hunk #1 of 'Kconfig' is truncated "
		"(its header promises 3 old and 3 new lines, it has 1 and 1)\n");
}

static void test_garbage(void **state)
{
	struct pt *t = *state;

	assert_null(parse_p(t, "Hello,\n\nthis is not a patch.\n@@ -1 +1 @@\n-a\n+b\n", 1));
	assert_string_equal(errors(t), "kcsat: error: no patch found in 't.patch'\n");
	cap_end(&t->fx->cap);
	cap_start(&t->fx->cap);
	assert_null(parse_p(t, "", 1));
	assert_string_equal(errors(t), "kcsat: error: no patch found in 't.patch'\n");
}

static void test_malformed_hunk_header(void **state)
{
	struct pt *t = *state;

	assert_null(parse_p(t, "--- a/Kconfig\n+++ b/Kconfig\n@@ -1,x +1 @@\n-a\n+b\n", 1));
	assert_string_equal(errors(t), "t.patch:3: error: malformed hunk header\n");
}

static void test_header_without_hunks(void **state)
{
	struct pt *t = *state;

	assert_null(parse_p(t, "--- a/Kconfig\n+++ b/Kconfig\nmore text\n", 1));
	assert_string_equal(errors(t), "t.patch:1: error: no hunks for 'Kconfig'\n");
}

static void test_outside_tree(void **state)
{
	struct pt *t = *state;

	assert_null(parse_p(t, "--- a/../Kconfig\n+++ b/../Kconfig\n@@ -1 +1 @@\n-a\n+b\n", 1));
	assert_string_equal(errors(t), "t.patch:1: error: file name '../Kconfig' is outside the tree\n");
}

static void test_quoted_names(void **state)
{
	struct pt *t = *state;

	fx_write(t->fx, "Kconfig two", "a\n");
	assert_true(apply(t,
		"diff --git \"a/Kconfig two\" \"b/Kconfig two\"\n"
		"--- \"a/Kconfig two\"\n"
		"+++ \"b/Kconfig two\"\n"
		"@@ -1 +1 @@\n"
		"-a\n"
		"+b\n"));
	assert_string_equal(rd(t, "Kconfig two"), "b\n");
}

/* ---- the cache overlay ---- */

static void test_cache_keys(void **state)
{
	struct pt *t = *state;
	char dir[600], cwd[4096];
	size_t len;

	/* srctree with a trailing slash, then "." as the lexer forms keys. */
	snprintf(dir, sizeof(dir), "%s/", t->fx->tmpdir);
	assert_true(parse_p(t, GIT_NO64, 1));
	assert_true(patch_apply(t->p, dir, t->cache, NULL));
	assert_string_equal(srccache_read_in(t->cache, t->fx->tmpdir, "/drivers/./pci/Kconfig" + 1, &len),
			    PCI_NO64);
	assert_string_equal(srccache_read_in(t->cache, dir, "drivers//pci/Kconfig", &len), PCI_NO64);
	assert_int_equal(len, strlen(PCI_NO64));

	assert_non_null(getcwd(cwd, sizeof(cwd)));
	assert_int_equal(chdir(t->fx->tmpdir), 0);
	srccache_free(t->cache);
	t->cache = srccache_new();
	assert_true(patch_apply(t->p, ".", t->cache, NULL));
	assert_string_equal(srccache_read_in(t->cache, ".", "./drivers/pci/Kconfig", &len), PCI_NO64);
	assert_string_equal(srccache_read_in(t->cache, "./", "drivers/pci/Kconfig", &len), PCI_NO64);
	assert_int_equal(chdir(cwd), 0);
}

static void test_cache_put(void **state)
{
	struct pt *t = *state;
	size_t len;

	srccache_put(t->cache, ".", "x//y/./K", xstrdup("abc"), 3);
	assert_string_equal(srccache_read_in(t->cache, ".", "./x/y/K", &len), "abc");
	assert_int_equal(len, 3);
	srccache_put(t->cache, ".", "x/y/K", xstrdup("de\0f"), 4);	/* a NUL ends it */
	assert_string_equal(srccache_read_in(t->cache, ".", "x/y/K", &len), "de");
	assert_int_equal(len, 2);
	srccache_put(t->cache, ".", "x/y/K", NULL, 0);
	errno = 0;
	assert_null(srccache_read_in(t->cache, ".", "x/y/K", &len));
	assert_int_equal(errno, ENOENT);
	/* the overlay is contained too */
	assert_null(srccache_read_in(t->cache, ".", "../K", &len));
	assert_int_equal(errno, SRC_EOUTSIDE);
}

static void test_apply_twice(void **state)
{
	struct pt *t = *state;

	assert_true(apply(t, GIT_NO64));
	assert_false(patch_apply(t->p, t->fx->tmpdir, t->cache, &t->st));
	assert_string_equal(errors(t),
		"t.patch:5: error: hunk #1 of 'drivers/pci/Kconfig' does not apply "
		"(line 7 differs: expected 'depends on 64BIT', found 'select GENERIC_ALLOCATOR')\n");
	assert_string_equal(rd(t, "drivers/pci/Kconfig"), PCI_NO64);
}

/* ---- robustness: every prefix and many mutations of a valid patch ---- */

static void try_one(struct pt *t, const char *text, size_t len)
{
	unsigned errs = diag_error_count();
	struct patch *p = patch_parse("m.patch", text, len, 1);
	struct srccache *c;

	if (!p) {
		if (diag_error_count() == errs)
			fail_msg("patch_parse failed silently on:\n%.*s", (int)len, text);
		return;
	}
	assert_true(patch_nfiles(p) > 0);
	c = srccache_new();
	if (!patch_apply(p, t->fx->tmpdir, c, NULL) && diag_error_count() == errs) {
		srccache_free(c);
		patch_free(p);
		fail_msg("patch_apply failed silently on:\n%.*s", (int)len, text);
	}
	srccache_free(c);
	patch_free(p);
}

static void test_mutations(void **state)
{
	struct pt *t = *state;
	static const char subst[] = "\n -+@\\0,9\r\"/";
	size_t len = sizeof(format_patch) - 1;
	char *buf = malloc(2 * len + 2);
	unsigned runs = 0;

	assert_non_null(buf);
	fx_keep(t->fx, buf);
	for (size_t n = 0; n <= len; n++, runs++) {	/* every prefix */
		memcpy(buf, format_patch, n);
		try_one(t, buf, n);
	}
	for (size_t i = 0; i < len; i++)		/* every byte changed */
		for (size_t k = 0; k < sizeof(subst); k++, runs++) {	/* incl. NUL */
			memcpy(buf, format_patch, len);
			buf[i] = subst[k];
			try_one(t, buf, len);
		}
	for (size_t i = 0; i < len; i++) {		/* a byte deleted or doubled */
		memcpy(buf, format_patch, i);
		memcpy(buf + i, format_patch + i + 1, len - i - 1);
		try_one(t, buf, len - 1);
		memcpy(buf, format_patch, i + 1);
		memcpy(buf + i + 1, format_patch + i, len - i);
		try_one(t, buf, len + 1);
		runs += 2;
	}
	assert_true(runs > 10000);
}

/* ---- the real tree ---- */

/* tests/patches/pci-p2pdma-64bit.patch, made with diff -u on Linux 6.12's
 * drivers/pci/Kconfig, applied to ~/.cache/kcsat/linux-6.12 when present
 * (tests/kernel-tree.sh 6.12 creates it). */
static void test_real_tree(void **state)
{
	struct pt *t = *state;
	const char *home = getenv("HOME"), *cache = getenv("KCSAT_CACHE");
	static const char removed[] =
		"\t#\n"
		"\t# The need for the scatterlist DMA bus address flag means PCI P2PDMA\n"
		"\t# requires 64bit\n"
		"\t#\n"
		"\tdepends on 64BIT\n";
	char tree[1024], file[1100];
	char *patch, *orig, *want, *at;
	const char *got;
	const struct patch_file *f;
	size_t len, olen;

	if (cache && *cache)
		snprintf(tree, sizeof(tree), "%s/linux-6.12", cache);
	else
		snprintf(tree, sizeof(tree), "%s/.cache/kcsat/linux-6.12", home ? home : "");
	snprintf(file, sizeof(file), "%s/drivers/pci/Kconfig", tree);
	if (!(orig = read_whole_file(file, &olen))) {
		printf("skipped: no %s (tests/kernel-tree.sh 6.12)\n", file);
		skip();
	}
	fx_keep(t->fx, orig);
	patch = fx_keep(t->fx, read_whole_file("tests/patches/pci-p2pdma-64bit.patch", &len));
	assert_non_null(patch);
	t->p = patch_parse("pci-p2pdma-64bit.patch", patch, len, 1);
	assert_non_null(t->p);
	assert_true(patch_apply(t->p, tree, t->cache, &t->st));
	assert_string_equal(errors(t), "");

	at = strstr(orig, "config PCI_P2PDMA\n");
	assert_non_null(at);
	at = strstr(at, removed);
	assert_non_null(at);
	want = fx_keep(t->fx, malloc(olen + 1));
	memcpy(want, orig, (size_t)(at - orig));
	strcpy(want + (at - orig), at + strlen(removed));
	got = srccache_read_in(t->cache, tree, "drivers/pci/Kconfig", &len);
	assert_string_equal(got, want);
	assert_int_equal(len, olen - strlen(removed));

	f = patch_file(t->p, 0);
	assert_int_equal(patch_nfiles(t->p), 1);
	assert_string_equal(f->new_path, "drivers/pci/Kconfig");
	assert_int_equal(f->line, 12);
	assert_range(&f->ranges[0], 179, 5, 178, 0);
	assert_int_equal(t->st.hunks, 1);
	assert_int_equal(t->st.hunks_offset, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		PT_TEST(test_format_patch),
		PT_TEST(test_diff_u_timestamps),
		PT_TEST(test_diff_u_p0_orig_name),
		PT_TEST(test_strip_too_deep),
		PT_TEST(test_several_files_and_hunks),
		PT_TEST(test_omitted_counts),
		PT_TEST(test_offset),
		PT_TEST(test_nearest_match),
		PT_TEST(test_end_anchor),
		PT_TEST(test_crlf_patch_lf_file),
		PT_TEST(test_crlf_file),
		PT_TEST(test_create),
		PT_TEST(test_create_plain_diff),
		PT_TEST(test_create_existing),
		PT_TEST(test_delete),
		PT_TEST(test_delete_without_hunks),
		PT_TEST(test_delete_leaves_lines),
		PT_TEST(test_rename_without_hunks),
		PT_TEST(test_rename_with_hunks),
		PT_TEST(test_rename_to_non_kconfig_name),
		PT_TEST(test_rename_without_new_name),
		PT_TEST(test_empty_hunk),
		PT_TEST(test_patch_then_load),
		PT_TEST(test_patch_glob_and_any_name),
		PT_TEST(test_no_newline_old),
		PT_TEST(test_no_newline_new),
		PT_TEST(test_no_newline_context),
		PT_TEST(test_series_same_file),
		PT_TEST(test_binary),
		PT_TEST(test_binary_other_file_skipped),
		PT_TEST(test_hunk_does_not_apply),
		PT_TEST(test_hunk_past_end),
		PT_TEST(test_hunk_white_space),
		PT_TEST(test_file_missing),
		PT_TEST(test_truncated_hunk),
		PT_TEST(test_truncated_at_eof),
		PT_TEST(test_garbage),
		PT_TEST(test_malformed_hunk_header),
		PT_TEST(test_header_without_hunks),
		PT_TEST(test_outside_tree),
		PT_TEST(test_quoted_names),
		PT_TEST(test_cache_keys),
		PT_TEST(test_cache_put),
		PT_TEST(test_apply_twice),
		PT_TEST(test_mutations),
		PT_TEST(test_real_tree),
	};

	unit_init();
	return cmocka_run_group_tests_name("patch", tests, NULL, NULL);
}
