/* srccache.h: containment below the tree root, regular files only, the
 * overlay and globs over the patched file set. */
#include "unit.h"

#include <errno.h>
#include <unistd.h>

#include "util/srccache.h"
#include "util/xalloc.h"

struct sc {
	struct fx *fx;
	struct srccache *c;
	char root[300], out[300];	/* the tree, and a directory beside it */
};

static int setup(void **state)
{
	struct sc *t = calloc(1, sizeof(*t));

	if (!t || fx_setup((void **)&t->fx))
		return -1;
	fx_mkdtemp(t->fx);
	fx_write(t->fx, "tree", NULL);
	fx_write(t->fx, "tree/sub", NULL);
	fx_write(t->fx, "tree/Kconfig", "config A\n");
	fx_write(t->fx, "tree/sub/Kconfig", "config B\n");
	fx_write(t->fx, "out", NULL);
	fx_write(t->fx, "out/secret", "root:x:0:0\n");
	snprintf(t->root, sizeof(t->root), "%s/tree", t->fx->tmpdir);
	snprintf(t->out, sizeof(t->out), "%s/out", t->fx->tmpdir);
	t->c = srccache_new();
	*state = t;
	return 0;
}

static int teardown(void **state)
{
	struct sc *t = *state;

	srccache_free(t->c);
	fx_teardown((void **)&t->fx);
	free(t);
	return 0;
}

#define SC_TEST(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

/* errno after reading rel (0 when it reads). */
static int read_err(struct sc *t, const char *rel)
{
	size_t len;

	errno = 0;
	return srccache_read_in(t->c, t->root, rel, &len) ? 0 : errno;
}

static void in_tree(struct sc *t, const char *rel, const char *target)
{
	char p[700];

	snprintf(p, sizeof(p), "%s/%s", t->root, rel);
	assert_int_equal(symlink(target, p), 0);
}

static void test_inside(void **state)
{
	struct sc *t = *state;
	size_t len;

	assert_string_equal(srccache_read_in(t->c, t->root, "sub/Kconfig", &len), "config B\n");
	assert_int_equal(len, 9);
	assert_int_equal(read_err(t, "./sub/../Kconfig"), 0);
	assert_int_equal(read_err(t, "missing"), ENOENT);
	/* a symlink that stays inside is followed */
	in_tree(t, "link", "sub/Kconfig");
	assert_int_equal(read_err(t, "link"), 0);
	/* uncached: the caller owns the copy */
	{
		char *d = srccache_read_copy(t->root, "Kconfig", &len);

		assert_string_equal(d, "config A\n");
		free(d);
	}
}

static void test_outside(void **state)
{
	struct sc *t = *state;
	char p[700];

	assert_int_equal(read_err(t, "/etc/passwd"), SRC_EOUTSIDE);
	assert_int_equal(read_err(t, "../out/secret"), SRC_EOUTSIDE);
	assert_int_equal(read_err(t, "sub/../../out/secret"), SRC_EOUTSIDE);
	snprintf(p, sizeof(p), "%s/secret", t->out);
	in_tree(t, "file", p);			/* a file outside */
	assert_int_equal(read_err(t, "file"), SRC_EOUTSIDE);
	in_tree(t, "dir", "../out");		/* a directory outside */
	assert_int_equal(read_err(t, "dir/secret"), SRC_EOUTSIDE);
	in_tree(t, "loop", "loop");
	assert_int_equal(read_err(t, "loop"), ELOOP);
	assert_string_equal(src_strerror(SRC_EOUTSIDE), "outside the tree");
	/* uncached too */
	{
		size_t len;

		errno = 0;
		assert_null(srccache_read_in(NULL, t->root, "dir/secret", &len));
		assert_int_equal(errno, SRC_EOUTSIDE);
	}
}

/* A directory's real path is resolved once and shared by its files: the
 * name of each is still checked (a symlink among plain files resolves
 * whole), and so is every other directory. */
static void test_dir_shared(void **state)
{
	struct sc *t = *state;
	char p[700];

	assert_int_equal(read_err(t, "sub/Kconfig"), 0);	/* sub resolved */
	snprintf(p, sizeof(p), "%s/secret", t->out);
	in_tree(t, "sub/out", p);
	assert_int_equal(read_err(t, "sub/out"), SRC_EOUTSIDE);
	in_tree(t, "sub/hop", "out");				/* to a symlink out */
	assert_int_equal(read_err(t, "sub/hop"), SRC_EOUTSIDE);
	in_tree(t, "sub/up", "../Kconfig");			/* inside: followed */
	assert_int_equal(read_err(t, "sub/up"), 0);
	in_tree(t, "sub/dangling", "none");
	assert_int_equal(read_err(t, "sub/dangling"), ENOENT);
	assert_int_equal(read_err(t, "sub/none"), ENOENT);
	assert_int_equal(read_err(t, "sub/none/Kconfig"), ENOENT);
	assert_int_equal(read_err(t, "sub/Kconfig/x"), ENOTDIR);
	assert_int_equal(read_err(t, "sub/."), EISDIR);
	/* a symlinked directory inside, then one outside beside it */
	in_tree(t, "alias", "sub");
	assert_int_equal(read_err(t, "alias/Kconfig"), 0);
	assert_int_equal(read_err(t, "alias/out"), SRC_EOUTSIDE);
	in_tree(t, "away", "../out");
	assert_int_equal(read_err(t, "away/secret"), SRC_EOUTSIDE);
	assert_int_equal(read_err(t, "alias/../away/secret"), SRC_EOUTSIDE);
	/* the tree root itself through a symlink: files inside still read */
	snprintf(p, sizeof(p), "%s/root-link", t->fx->tmpdir);
	assert_int_equal(symlink(t->root, p), 0);
	{
		size_t len;

		assert_non_null(srccache_read_in(t->c, p, "sub/Kconfig", &len));
		errno = 0;
		assert_null(srccache_read_in(t->c, p, "sub/out", &len));
		assert_int_equal(errno, SRC_EOUTSIDE);
	}
}

static void test_not_regular(void **state)
{
	struct sc *t = *state;
	char p[700];
	size_t len;

	snprintf(p, sizeof(p), "%s/fifo", t->root);
	assert_int_equal(mkfifo(p, 0600), 0);
	assert_int_equal(read_err(t, "fifo"), SRC_ENOTREG);	/* and no hang */
	assert_int_equal(read_err(t, "sub"), EISDIR);
	errno = 0;
	assert_null(read_whole_file(p, &len));
	assert_int_equal(errno, SRC_ENOTREG);
	errno = 0;
	assert_null(read_whole_file("/dev/zero", &len));
	assert_int_equal(errno, SRC_ENOTREG);
	errno = 0;
	assert_null(src_fopen(t->root));
	assert_int_equal(errno, EISDIR);
	snprintf(p, sizeof(p), "%s/Kconfig", t->root);
	errno = 0;
	assert_null(read_file_max(p, 4, &len));
	assert_int_equal(errno, SRC_ETOOBIG);
}

/* The names a glob gives, joined by spaces. */
static const char *globbed(struct sc *t, const char *pat)
{
	char **names;
	size_t n;

	sb_reset(&t->fx->sb);
	if (srccache_glob(t->c, t->root, pat, &names, &n))
		return "ERR";
	for (size_t i = 0; i < n; i++)
		sb_addf(&t->fx->sb, "%s%s", i ? " " : "", names[i]);
	src_names_free(names, n);
	return sb_str(&t->fx->sb);
}

static void test_glob_overlay(void **state)
{
	struct sc *t = *state;

	fx_write(t->fx, "tree/a", NULL);
	fx_write(t->fx, "tree/a/Kconfig", "config C\n");
	assert_string_equal(globbed(t, "*/Kconfig"), "a/Kconfig sub/Kconfig");
	/* a patch creates d3/Kconfig and deletes a/Kconfig */
	srccache_put(t->c, t->root, "d3/Kconfig", xstrdup("config D\n"), 9);
	srccache_put(t->c, t->root, "a/Kconfig", NULL, 0);
	assert_string_equal(globbed(t, "*/Kconfig"), "d3/Kconfig sub/Kconfig");
	assert_string_equal(globbed(t, "./*/Kconfig"), "d3/Kconfig sub/Kconfig");
	/* modified on disk and in the overlay: once */
	srccache_put(t->c, t->root, "sub/Kconfig", xstrdup("config E\n"), 9);
	assert_string_equal(globbed(t, "s*/Kconfig"), "sub/Kconfig");
	assert_string_equal(globbed(t, "*/none"), "");
	assert_string_equal(globbed(t, "../*/secret"), "ERR");
	assert_string_equal(globbed(t, "/etc/*"), "ERR");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		SC_TEST(test_inside),
		SC_TEST(test_outside),
		SC_TEST(test_dir_shared),
		SC_TEST(test_not_regular),
		SC_TEST(test_glob_overlay),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
