/* names.h: the symbol names of every arch of a tree, and their cache file
 * (valid while the stamps of the files read hold). */
#include "unit.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kconfig/arch.h"
#include "kconfig/names.h"
#include "util/srccache.h"

static const char *const root_kconfig =
	"mainmenu \"test\"\n"
	"config COMMON\n"
	"\tbool \"common\"\n"
	"\tdepends on UNDEFINED_ELSEWHERE\n"
	"\thelp\n"
	"\t  config NOT_A_SYMBOL is help text\n"
	"choice\n"
	"\tprompt \"pick\"\n"
	"config PICK_A\n"
	"\tbool \"a\"\n"
	"endchoice\n"
	"source \"arch/$(SRCARCH)/Kconfig\"\n";

static void make_tree(struct fx *fx)
{
	fx_mkdtemp(fx);
	fx_write(fx, "Kconfig", root_kconfig);
	fx_write(fx, "arch", NULL);
	fx_write(fx, "arch/alpha", NULL);
	fx_write(fx, "arch/alpha/Kconfig", "config ALPHA_ONLY\n\tbool\nmenuconfig SHARED\n\tbool \"s\"\n");
	fx_write(fx, "arch/beta", NULL);
	fx_write(fx, "arch/beta/Kconfig", "config BETA_ONLY\n\tint\nconfig SHARED\n\tbool\n");
}

static char *path_in(struct fx *fx, const char *rel)
{
	struct strbuf sb = STRBUF_INIT;

	sb_addf(&sb, "%s/%s", fx->tmpdir, rel);
	return fx_keep(fx, sb_detach(&sb));
}

/* kc_names_get on the fixture tree, every arch, cache in tmpdir/cache/d. */
static enum names_source get(struct fx *fx, const char *identity, const char *cache,
			     struct kc_names *out)
{
	struct load_config c;
	enum names_source src;

	load_config_init(&c);
	c.srctree = fx->tmpdir;
	assert_true(arch_select(fx->tmpdir, "all", &c.arches));
	c.cache = srccache_new();
	src = kc_names_get(&c, cache ? cache : path_in(fx, "cache/d"), identity, out);
	load_config_release(&c);
	return src;
}

/* The one file of a cache directory. */
static char *cache_file(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	struct strbuf sb = STRBUF_INIT;

	assert_non_null(d);
	while ((e = readdir(d)))
		if (e->d_name[0] != '.') {
			assert_int_equal(sb_str(&sb)[0], '\0');	/* only one */
			sb_addf(&sb, "%s/%s", dir, e->d_name);
		}
	closedir(d);
	assert_true(sb_str(&sb)[0] != '\0');
	return sb_detach(&sb);
}

static void assert_names(const struct kc_names *n, const char *const *want, size_t nwant)
{
	assert_int_equal(n->n, nwant);
	for (size_t i = 0; i < nwant; i++)
		assert_string_equal(n->v[i], want[i]);
}

static const char *const fixture_names[] = {
	"ALPHA_ONLY", "BETA_ONLY", "COMMON", "PICK_A", "SHARED",
};
#define NFIXTURE (sizeof(fixture_names) / sizeof(fixture_names[0]))

static void test_union_of_arches_then_cached(void **state)
{
	struct fx *fx = *state;
	struct kc_names n = { 0 };
	struct stat st;

	make_tree(fx);
	/* sorted, once each; no choice, no help text, no undefined reference */
	assert_int_equal(get(fx, "id 1", NULL, &n), NAMES_LOADED);
	assert_names(&n, fixture_names, NFIXTURE);
	kc_names_release(&n);
	assert_int_equal(stat(path_in(fx, "cache/d"), &st), 0);
	assert_true(S_ISDIR(st.st_mode));
	assert_int_equal(st.st_mode & 0777, 0700);

	assert_int_equal(get(fx, "id 1", NULL, &n), NAMES_CACHED);
	assert_names(&n, fixture_names, NFIXTURE);
	kc_names_release(&n);
	assert_int_equal(diag_error_count(), 0);
}

static void test_edited_file_reloads(void **state)
{
	struct fx *fx = *state;
	struct kc_names n = { 0 };
	static const char *const want[] = {
		"ALPHA_ONLY", "BETA_NEW", "BETA_ONLY", "COMMON", "PICK_A", "SHARED",
	};

	make_tree(fx);
	assert_int_equal(get(fx, "id 1", NULL, &n), NAMES_LOADED);
	kc_names_release(&n);
	fx_write(fx, "arch/beta/Kconfig", "config BETA_ONLY\n\tint\nconfig SHARED\n\tbool\n"
					  "config BETA_NEW\n\tbool\n");
	assert_int_equal(get(fx, "id 1", NULL, &n), NAMES_LOADED);
	assert_names(&n, want, 6);
	kc_names_release(&n);
	assert_int_equal(get(fx, "id 1", NULL, &n), NAMES_CACHED);
	assert_names(&n, want, 6);
	kc_names_release(&n);
}

/* Same size, other contents: the modification time decides. */
static void test_touched_file_reloads(void **state)
{
	struct fx *fx = *state;
	struct kc_names n = { 0 };
	struct timespec ts[2] = { { 1000000000, 0 }, { 1000000000, 0 } };

	make_tree(fx);
	assert_int_equal(get(fx, "id 1", NULL, &n), NAMES_LOADED);
	kc_names_release(&n);
	fx_write(fx, "arch/beta/Kconfig", "config BETA_ONLZ\n\tint\nconfig SHARED\n\tbool\n");
	assert_int_equal(utimensat(AT_FDCWD, path_in(fx, "arch/beta/Kconfig"), ts, 0), 0);
	assert_int_equal(get(fx, "id 1", NULL, &n), NAMES_LOADED);
	assert_int_equal(n.n, NFIXTURE);
	assert_string_equal(n.v[1], "BETA_ONLZ");
	kc_names_release(&n);
}

/* A new arch directory changes the arch list, hence the load. */
static void test_new_arch_reloads(void **state)
{
	struct fx *fx = *state;
	struct kc_names n = { 0 };

	make_tree(fx);
	assert_int_equal(get(fx, "id 1", NULL, &n), NAMES_LOADED);
	kc_names_release(&n);
	fx_write(fx, "arch/gamma", NULL);
	fx_write(fx, "arch/gamma/Kconfig", "config GAMMA_ONLY\n\tbool\n");
	assert_int_equal(get(fx, "id 1", NULL, &n), NAMES_LOADED);
	assert_int_equal(n.n, NFIXTURE + 1);
	assert_string_equal(n.v[3], "GAMMA_ONLY");
	kc_names_release(&n);
}

static void test_other_identity_reloads(void **state)
{
	struct fx *fx = *state;
	struct kc_names n = { 0 };

	make_tree(fx);
	assert_int_equal(get(fx, "kcsat 1", NULL, &n), NAMES_LOADED);
	kc_names_release(&n);
	assert_int_equal(get(fx, "kcsat 2", NULL, &n), NAMES_LOADED);
	kc_names_release(&n);
	assert_int_equal(get(fx, "kcsat 2", NULL, &n), NAMES_CACHED);
	kc_names_release(&n);
}

/* A cut-off or foreign cache file is reloaded, never trusted. */
static void test_damaged_cache_reloads(void **state)
{
	struct fx *fx = *state;
	struct kc_names n = { 0 };
	static const char *const damage[] = {
		"",						/* empty */
		"garbage\n",					/* not ours */
		NULL,						/* cut mid-line */
		NULL,						/* unknown line kind */
	};
	char *dir;

	make_tree(fx);
	dir = path_in(fx, "cache/d");
	for (size_t k = 0; k < sizeof(damage) / sizeof(damage[0]); k++) {
		char *file, *text;
		size_t len;
		FILE *f;

		/* the previous round left a good file */
		assert_int_equal(get(fx, "id", NULL, &n), k ? NAMES_CACHED : NAMES_LOADED);
		kc_names_release(&n);
		file = cache_file(dir);
		text = read_whole_file(file, &len);
		assert_non_null(text);
		f = fopen(file, "w");
		assert_non_null(f);
		if (damage[k])
			fputs(damage[k], f);
		else if (k == 2)
			fwrite(text, 1, len - 3, f);	/* "n SHAR" */
		else
			fprintf(f, "%sx what\n", text);
		fclose(f);
		free(text);
		assert_int_equal(get(fx, "id", NULL, &n), NAMES_LOADED);
		assert_names(&n, fixture_names, NFIXTURE);
		kc_names_release(&n);
		free(file);
	}
}

/* No place for the cache: the names all the same. */
static void test_unwritable_cache(void **state)
{
	struct fx *fx = *state;
	struct kc_names n = { 0 };

	make_tree(fx);
	fx_write(fx, "blocker", "a file where the cache directory would go\n");
	assert_int_equal(get(fx, "id", path_in(fx, "blocker/d"), &n), NAMES_UNCACHED);
	assert_names(&n, fixture_names, NFIXTURE);
	kc_names_release(&n);
}

/* An arch that does not load is left out; none loading is an error. */
static void test_broken_arches(void **state)
{
	struct fx *fx = *state;
	struct kc_names n = { 0 };

	make_tree(fx);
	fx_write(fx, "arch/beta/Kconfig", "config BETA_ONLY\n\tbool\nendif\n");
	assert_int_equal(get(fx, "id", NULL, &n), NAMES_LOADED);
	assert_int_equal(n.n, 4);	/* COMMON, PICK_A and alpha's */
	kc_names_release(&n);
	assert_true(diag_error_count() > 0);
	fx_write(fx, "Kconfig", "endif\n");
	assert_int_equal(get(fx, "id", NULL, &n), NAMES_ERROR);
	assert_int_equal(n.n, 0);
	assert_null(n.v);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		FX_TEST(test_union_of_arches_then_cached),
		FX_TEST(test_edited_file_reloads),
		FX_TEST(test_touched_file_reloads),
		FX_TEST(test_new_arch_reloads),
		FX_TEST(test_other_identity_reloads),
		FX_TEST(test_damaged_cache_reloads),
		FX_TEST(test_unwritable_cache),
		FX_TEST(test_broken_arches),
	};

	unit_init();
	return cmocka_run_group_tests_name("names", tests, NULL, NULL);
}
