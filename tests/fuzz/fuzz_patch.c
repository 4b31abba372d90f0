/* libFuzzer target for the patch reader (check/patch.h): one input is a
 * patch and the tree it applies to, all in memory.
 *
 * Input format (every byte sequence is valid):
 *   - an optional first line "%%strip N" (-p, default 1);
 *   - the patch text, up to the first "%%file PATH" line;
 *   - each line "%%file PATH" starts a file of the tree before the patch
 *     (up to MAX_FILES), put in the cache's overlay: the tree's root is an
 *     empty temporary directory, so nothing else is read from the disk.
 * The patch is parsed; if it parses it is applied; if it applies and the
 * tree has a "Kconfig", the patched tree is loaded through the cache as
 * `kcsat patch` loads it (shell off).
 *
 * Checked beyond crashes, leaks and undefined behaviour:
 *   - parsing, applying and loading each fail exactly when they printed an
 *     error;
 *   - a parsed patch has files, each with the paths its kind says, its
 *     "kconfig" flag as its names say, and no more hunks applied than it has;
 *   - a failed apply leaves every tree file as it was (all or nothing); a
 *     successful one makes a deleted Kconfig file read as missing unless a
 *     later file of the patch brings it back. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check/patch.h"
#include "fuzz.h"
#include "kconfig/kconfig.h"
#include "util/srccache.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_INPUT (256u * 1024u)
#define MAX_FILES 16

struct tfile {
	char path[128];
	const char *text;
	size_t len;
};

static char root[4096];

static void remove_root(void)
{
	rmdir(root);
}

static const char *tree_root(void)
{
	if (!root[0]) {
		const char *dir = getenv("TMPDIR");

		snprintf(root, sizeof(root), "%s/kcsat-fuzz-tree-XXXXXX", dir && *dir ? dir : "/tmp");
		if (!mkdtemp(root)) {
			perror("fuzz_patch: mkdtemp");
			abort();
		}
		atexit(remove_root);
	}
	return root;
}

static bool starts_with(const char *p, const char *end, const char *prefix)
{
	size_t n = strlen(prefix);

	return (size_t)(end - p) >= n && !memcmp(p, prefix, n);
}

/* Split the input; returns the number of tree files. */
static size_t split(const char *p, const char *end, int *strip, const char **patch,
		    size_t *patch_len, struct tfile *files)
{
	size_t n = 0;
	struct tfile *cur = NULL;

	*strip = 1;
	if (starts_with(p, end, "%%strip ")) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));

		if (p + 8 < end && p[8] >= '0' && p[8] <= '9')
			*strip = p[8] - '0';
		p = eol ? eol + 1 : end;
	}
	*patch = p;
	while (p < end) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		const char *next = eol ? eol + 1 : end;

		if (!eol)
			eol = end;
		if (starts_with(p, eol, "%%file ") && n < MAX_FILES) {
			size_t len = (size_t)(eol - (p + 7));

			if (cur)
				cur->len = (size_t)(p - cur->text);
			else
				*patch_len = (size_t)(p - *patch);
			cur = &files[n++];
			if (len >= sizeof(cur->path))
				len = sizeof(cur->path) - 1;
			memcpy(cur->path, p + 7, len);
			cur->path[len] = '\0';
			cur->text = next;
		}
		p = next;
	}
	if (cur)
		cur->len = (size_t)(end - cur->text);
	else
		*patch_len = (size_t)(end - *patch);
	return n;
}

static void check_files(const struct patch *p)
{
	size_t n = patch_nfiles(p);

	if (!n)
		abort();
	for (size_t i = 0; i < n; i++) {
		const struct patch_file *f = patch_file(p, i);
		bool kc = (f->old_path && strstr(f->old_path, "Kconfig")) ||
			  (f->new_path && strstr(f->new_path, "Kconfig"));

		if ((f->kind == PATCH_CREATE) != !f->old_path || (f->kind == PATCH_DELETE) != !f->new_path)
			abort();
		if (f->kconfig != kc || (f->nranges && !f->ranges) || !f->line)
			abort();
	}
}

static size_t total_hunks(const struct patch *p)
{
	size_t h = 0;

	for (size_t i = 0; i < patch_nfiles(p); i++)
		h += patch_file(p, i)->nranges;
	return h;
}

/* A file deleted by p, and not created again by a later file of p. */
static bool stays_deleted(const struct patch *p, size_t i)
{
	const char *gone = patch_file(p, i)->old_path;

	for (size_t j = i + 1; j < patch_nfiles(p); j++)
		if (patch_file(p, j)->new_path && !strcmp(patch_file(p, j)->new_path, gone))
			return false;
	return true;
}

static void load(struct srccache *cache)
{
	struct load_config o = { 0 };
	struct diag_scope s = { 0 };
	struct kctree *t;

	o.srctree = tree_root();
	o.shell = SHELL_OFF;
	o.kversion = 612;
	o.cache = cache;
	diag_scope_enter(&s);
	t = kctree_load(&o, NULL);
	diag_scope_leave(&s);
	fuzz_agree(t != NULL, &s);
	kctree_free(t);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct tfile files[MAX_FILES];
	char *before[MAX_FILES];
	struct diag_scope s = { 0 };
	struct patch_stats st = { 0 };
	struct srccache *cache;
	const char *text, *dir;
	size_t text_len = 0, n, len;
	struct patch *p;
	bool ok, has_root = false;
	int strip;

	if (size > MAX_INPUT)
		return 0;
	fuzz_quiet();
	dir = tree_root();
	n = split((const char *)data, (const char *)data + size, &strip, &text, &text_len, files);

	diag_scope_enter(&s);
	p = patch_parse("fuzz.patch", text, text_len, strip);
	diag_scope_leave(&s);
	fuzz_agree(p != NULL, &s);
	if (!p)
		goto out;
	check_files(p);

	cache = srccache_new();
	for (size_t i = 0; i < n; i++) {
		char *copy = malloc(files[i].len + 1);

		if (!copy)
			abort();
		memcpy(copy, files[i].text, files[i].len);
		copy[files[i].len] = '\0';
		srccache_put(cache, dir, files[i].path, copy, files[i].len);
		has_root |= !strcmp(files[i].path, "Kconfig");
	}
	/* What each file reads before the patch, to compare after a failure. */
	for (size_t i = 0; i < n; i++) {
		const char *was = srccache_read_in(cache, dir, files[i].path, &len);

		before[i] = NULL;
		if (was) {
			before[i] = malloc(len + 1);
			if (!before[i])
				abort();
			memcpy(before[i], was, len + 1);
		}
	}
	memset(&s, 0, sizeof(s));
	diag_scope_enter(&s);
	ok = patch_apply(p, dir, cache, &st);
	diag_scope_leave(&s);
	fuzz_agree(ok, &s);
	if (!ok) {
		/* All or nothing: every tree file reads as it did. */
		for (size_t i = 0; i < n; i++) {
			const char *now = srccache_read_in(cache, dir, files[i].path, &len);

			if (!now != !before[i] || (now && strcmp(now, before[i])))
				abort();
		}
	} else {
		if (st.hunks > total_hunks(p) || st.hunks_offset > st.hunks)
			abort();
		for (size_t i = 0; i < patch_nfiles(p); i++) {
			const struct patch_file *f = patch_file(p, i);

			if (f->kind == PATCH_DELETE && f->kconfig && stays_deleted(p, i) &&
			    srccache_read_in(cache, dir, f->old_path, &len))
				abort();
		}
		if (has_root)
			load(cache);
	}
	for (size_t i = 0; i < n; i++)
		free(before[i]);
	srccache_free(cache);
	patch_free(p);
out:
	fuzz_reset();
	return 0;
}
