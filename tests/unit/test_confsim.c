/* confsim: olddefconfig simulated on concrete user values (sym_calc_value
 * of Linux 6.11+, and of 6.1 with its choices), as kcsat why uses it to
 * shrink witnesses and kcsat verify to list what conf changes. */
#include "unit.h"

#include <unistd.h>

#include "kconfig/confdata.h"
#include "kconfig/confsim.h"

static struct kctree *load(const char *text)
{
	struct vfile files[] = { { "Kconfig", text }, { NULL, NULL } };
	struct load_config o = { .srctree = ".", .kversion = 612, .vfs = vfs_lookup, .vfs_ctx = files };

	return kctree_load(&o, NULL);
}

static const char tree[] =
	"config MODULES\n\tbool \"modules\"\n\tmodules\n"
	"config A\n\tbool \"A\"\n"
	"config B\n\tbool\n\tdefault A\n"
	"config T\n\ttristate \"T\"\n\tdepends on A\n"
	"config SEL\n\tbool \"SEL\"\n\tselect HIDDEN\n"
	"config HIDDEN\n\tbool\n"
	"config N\n\tint \"N\"\n\trange 1 10\n\tdefault 20\n"
	"config BIG\n\tdef_bool N > 5\n"
	"choice\n\tprompt \"pick\"\n\tdefault C2\n"
	"config C1\n\tbool \"C1\"\nconfig C2\n\tbool \"C2\"\nendchoice\n";

static void test_defaults_and_user_values(void **state)
{
	struct kctree *t = load(tree);
	struct confsim *cs;

	(void)state;
	assert_non_null(t);
	cs = confsim_new(t);
	assert_non_null(cs);
	/* nothing set: A is n, so B's default is n */
	assert_int_equal(confsim_tri(cs, sym_find(t, "A")), 0);
	assert_int_equal(confsim_tri(cs, sym_find(t, "B")), 0);
	/* the user sets A: B follows its default, and A was read */
	confsim_user(cs, sym_find(t, "A"), "y");
	assert_int_equal(confsim_tri(cs, sym_find(t, "B")), 2);
	assert_true(confsim_read(cs, sym_find(t, "A")));
	assert_false(confsim_read(cs, sym_find(t, "SEL")));
	confsim_free(cs);
	kctree_free(t);
}

static void test_tristate_m_needs_modules(void **state)
{
	struct kctree *t = load(tree);
	struct confsim *cs = confsim_new(t);

	(void)state;
	confsim_user(cs, sym_find(t, "A"), "y");
	confsim_user(cs, sym_find(t, "T"), "m");
	/* without MODULES=y an m rounds up to y (sym_get_type: bool) */
	assert_int_equal(confsim_tri(cs, sym_find(t, "T")), 2);
	confsim_user(cs, sym_find(t, "MODULES"), "y");
	assert_int_equal(confsim_tri(cs, sym_find(t, "T")), 1);
	/* a user value of an invisible symbol is ignored */
	confsim_user(cs, sym_find(t, "A"), "n");
	assert_int_equal(confsim_tri(cs, sym_find(t, "T")), 0);
	confsim_free(cs);
	kctree_free(t);
}

static void test_select_and_range(void **state)
{
	struct kctree *t = load(tree);
	struct confsim *cs = confsim_new(t);

	(void)state;
	assert_int_equal(confsim_tri(cs, sym_find(t, "HIDDEN")), 0);
	confsim_user(cs, sym_find(t, "SEL"), "y");
	assert_int_equal(confsim_tri(cs, sym_find(t, "HIDDEN")), 2);
	/* N's default 20 is clamped to 10 by its range: N > 5 */
	assert_int_equal(confsim_tri(cs, sym_find(t, "BIG")), 2);
	confsim_user(cs, sym_find(t, "N"), "3");
	assert_int_equal(confsim_tri(cs, sym_find(t, "BIG")), 0);
	confsim_free(cs);
	kctree_free(t);
}

static void test_choice_default_and_user_pick(void **state)
{
	struct kctree *t = load(tree);
	struct confsim *cs = confsim_new(t);

	(void)state;
	/* sym_calc_choice(): the choice default when no member is y */
	assert_int_equal(confsim_tri(cs, sym_find(t, "C2")), 2);
	assert_int_equal(confsim_tri(cs, sym_find(t, "C1")), 0);
	confsim_user(cs, sym_find(t, "C1"), "y");
	assert_int_equal(confsim_tri(cs, sym_find(t, "C1")), 2);
	assert_int_equal(confsim_tri(cs, sym_find(t, "C2")), 0);
	confsim_free(cs);
	kctree_free(t);
}

/* ---- Linux 6.1: a choice has a value of its own ----
 * Every expected configuration below is what the 6.1 tree's own conf
 * --olddefconfig writes from the same lines (checked by hand with
 * tests/conf/build-conf.sh 6.1). */

static const char tree61[] =
	"config MODULES\n\tbool \"modules\"\n\tmodules\n"
	"config A\n\tbool \"A\"\n"
	"choice\n\tprompt \"bool choice\"\n\tdefault B1\n"
	"config B0\n\tbool \"B0\"\n"
	"config B1\n\tbool \"B1\"\n"
	"config B2\n\tbool \"B2\"\n\tdepends on A\n"
	"endchoice\n"
	"choice\n\tprompt \"optional choice\"\n\toptional\n"
	"config O0\n\tbool \"O0\"\n"
	"config O1\n\tbool \"O1\"\n"
	"endchoice\n"
	"config DEP\n\ttristate\n\tdefault m\n"
	"choice\n\tprompt \"tristate choice\"\n"
	"config T0\n\ttristate \"T0\"\n"
	"config T1\n\ttristate \"T1\"\n\tdepends on DEP\n"
	"config TB\n\tbool \"TB\"\n"
	"endchoice\n"
	"choice NAMED\n\tprompt \"named choice\"\n\tdepends on A\n"
	"config N0\n\tbool \"N0\"\n"
	"config N1\n\tbool \"N1\"\n"
	"endchoice\n"
	"config NR\n\tint \"NR\"\n\trange 1 10\n\tdefault 4\n"
	"config NR_BIG\n\tdef_bool NR > 5\n";

/* What conf --olddefconfig of Linux 6.1 writes from the .config text in
 * (its lines), with conf_read()'s warnings in *warnings (kept by fx). */
static const char *olddef61(struct fx *fx, const char *in, const char **warnings)
{
	struct vfile files[] = { { "Kconfig", tree61 }, { NULL, NULL } };
	struct load_config o = { .srctree = ".", .kversion = 601, .vfs = vfs_lookup, .vfs_ctx = files };
	char path[] = "/tmp/kcsat-confsim-XXXXXX";
	struct config c = { 0 }, out = { 0 };
	struct confsim *cs;
	char *text = NULL;
	size_t len = 0;
	int fd = mkstemp(path);
	FILE *f;

	assert_true(fd >= 0);
	assert_int_equal(write(fd, in, strlen(in)), (ssize_t)strlen(in));
	close(fd);
	if (!fx->t)
		fx->t = kctree_load(&o, NULL);
	assert_non_null(fx->t);
	assert_true(config_read(path, &c));
	cap_end(&fx->cap);
	cap_start(&fx->cap);
	confsim_warnings(fx->t, &c);
	*warnings = fx_keep(fx, strdup(cap_text(&fx->cap)));
	cs = confsim_new(fx->t);
	assert_non_null(cs);
	confsim_load(cs, &c);
	confsim_result(cs, &out);
	f = open_memstream(&text, &len);
	config_write_file(f, &out, NULL);
	fclose(f);
	unlink(path);
	config_release(&c);
	config_release(&out);
	confsim_free(cs);
	return fx_keep(fx, text);
}

/* The choice is y while visible (not optional: menu.c raises it to m, a
 * bool to y), and picks its default with nothing in the file, even where
 * the file says n to every member (6.11+ would take a member left unset);
 * a named choice is a choice like another, here off with A. */
static void test_old_bool_choice_default(void **state)
{
	struct fx *fx = *state;
	const char *w;

	assert_string_equal(olddef61(fx, "CONFIG_A=y\n", &w),
			    "# CONFIG_MODULES is not set\nCONFIG_A=y\n# CONFIG_B0 is not set\n"
			    "CONFIG_B1=y\n# CONFIG_B2 is not set\nCONFIG_DEP=y\nCONFIG_T0=y\n"
			    "# CONFIG_T1 is not set\n# CONFIG_TB is not set\nCONFIG_N0=y\n"
			    "# CONFIG_N1 is not set\nCONFIG_NR=4\n");
	assert_string_equal(olddef61(fx, "CONFIG_A=y\n# CONFIG_B0 is not set\n"
				     "# CONFIG_B1 is not set\n# CONFIG_B2 is not set\n", &w),
			    "# CONFIG_MODULES is not set\nCONFIG_A=y\n# CONFIG_B0 is not set\n"
			    "CONFIG_B1=y\n# CONFIG_B2 is not set\nCONFIG_DEP=y\nCONFIG_T0=y\n"
			    "# CONFIG_T1 is not set\n# CONFIG_TB is not set\nCONFIG_N0=y\n"
			    "# CONFIG_N1 is not set\nCONFIG_NR=4\n");
	assert_string_equal(w, "");
}

/* The file's pick is the last member it sets to y (conf warns "override:
 * B0 changes choice state"); a pick that is not visible gives way to the
 * default, not to another member the file sets to y. */
static void test_old_choice_file_pick(void **state)
{
	struct fx *fx = *state;
	const char *w;

	assert_string_equal(olddef61(fx, "CONFIG_A=y\nCONFIG_B2=y\nCONFIG_B0=y\n", &w),
			    "# CONFIG_MODULES is not set\nCONFIG_A=y\nCONFIG_B0=y\n"
			    "# CONFIG_B1 is not set\n# CONFIG_B2 is not set\nCONFIG_DEP=y\n"
			    "CONFIG_T0=y\n# CONFIG_T1 is not set\n# CONFIG_TB is not set\n"
			    "CONFIG_N0=y\n# CONFIG_N1 is not set\nCONFIG_NR=4\n");
	assert_contains(w, ":3: warning: override: B0 changes choice state");
	assert_string_equal(olddef61(fx, "CONFIG_B0=y\nCONFIG_B2=y\n", &w),
			    "# CONFIG_MODULES is not set\n# CONFIG_A is not set\n"
			    "# CONFIG_B0 is not set\nCONFIG_B1=y\nCONFIG_DEP=y\nCONFIG_T0=y\n"
			    "# CONFIG_T1 is not set\n# CONFIG_TB is not set\nCONFIG_NR=4\n");
}

/* An optional choice is n (every member off) unless the file sets a
 * member to y: conf_read() gives each choice a user value, n where no
 * member line says y. */
static void test_old_optional_choice(void **state)
{
	struct fx *fx = *state;
	const char *w;

	assert_not_contains(olddef61(fx, "CONFIG_A=y\n# CONFIG_O0 is not set\n", &w), "O0");
	assert_contains(olddef61(fx, "CONFIG_A=y\nCONFIG_O1=y\n", &w),
			       "\n# CONFIG_O0 is not set\nCONFIG_O1=y\n");
}

/* With MODULES, a tristate choice the file says nothing of is m (its
 * members then each m or n: here n, no default) and its bool member is
 * hidden; members at m stay m. */
static void test_old_tristate_choice_m(void **state)
{
	struct fx *fx = *state;
	const char *w;

	assert_string_equal(olddef61(fx, "CONFIG_MODULES=y\nCONFIG_A=y\n", &w),
			    "CONFIG_MODULES=y\nCONFIG_A=y\n# CONFIG_B0 is not set\nCONFIG_B1=y\n"
			    "# CONFIG_B2 is not set\nCONFIG_DEP=m\n# CONFIG_T0 is not set\n"
			    "# CONFIG_T1 is not set\nCONFIG_N0=y\n# CONFIG_N1 is not set\n"
			    "CONFIG_NR=4\n");
	assert_string_equal(olddef61(fx, "CONFIG_MODULES=y\nCONFIG_T0=m\nCONFIG_T1=m\n", &w),
			    "CONFIG_MODULES=y\n# CONFIG_A is not set\n# CONFIG_B0 is not set\n"
			    "CONFIG_B1=y\nCONFIG_DEP=m\nCONFIG_T0=m\nCONFIG_T1=m\nCONFIG_NR=4\n");
}

/* A tristate choice at y picks one member; a tristate member visible only
 * as m (T1 depends on DEP=m) is hidden, so not written; an m after a y
 * "creates inconsistent choice state": the choice loses its user value
 * and stays m, so T1's y is cut to m. */
static void test_old_tristate_choice_y(void **state)
{
	struct fx *fx = *state;
	const char *w;

	assert_string_equal(olddef61(fx, "CONFIG_MODULES=y\nCONFIG_T0=y\n", &w),
			    "CONFIG_MODULES=y\n# CONFIG_A is not set\n# CONFIG_B0 is not set\n"
			    "CONFIG_B1=y\nCONFIG_DEP=m\nCONFIG_T0=y\n# CONFIG_TB is not set\n"
			    "CONFIG_NR=4\n");
	assert_string_equal(olddef61(fx, "CONFIG_MODULES=y\nCONFIG_T1=y\nCONFIG_T0=m\n", &w),
			    "CONFIG_MODULES=y\n# CONFIG_A is not set\n# CONFIG_B0 is not set\n"
			    "CONFIG_B1=y\nCONFIG_DEP=m\nCONFIG_T0=m\nCONFIG_T1=m\nCONFIG_NR=4\n");
	assert_contains(w, ":3: warning: T0 creates inconsistent choice state");
}

/* range-reset (up to 6.7): NR=100 is out of its range, so conf writes
 * NR's default, while NR_BIG, computed before the reset, read the value
 * clamped to 10. */
static void test_old_range_reset(void **state)
{
	struct fx *fx = *state;
	const char *w;

	assert_contains(olddef61(fx, "CONFIG_NR=100\n", &w),
			       "\nCONFIG_NR=4\nCONFIG_NR_BIG=y\n");
}

static void add(struct config *c, const char *name, const char *value, bool is_string)
{
	struct config_entry e = { .name = strdup(name), .value = strdup(value), .is_string = is_string };

	vec_push(c->v, e);
}

/* conf_read(): what it takes from a .config, and the configuration conf
 * --olddefconfig then writes. */
/* A choice member whose dependency is an unexecuted $(shell) is pinned at
 * the file's value (verify, --shell=off); pinned at y it is the choice's
 * pick, so the member the choice would fall back to is not y beside it. */
static void test_pinned_choice_member(void **state)
{
	struct kctree *t = load("choice\n\tprompt \"compress\"\n"
				"config NONE\n\tbool \"none\"\n"
				"config ZSTD\n\tbool \"zstd\"\n\tdepends on $(shell,probe)\n"
				"endchoice\n");
	struct confsim *cs;

	(void)state;
	assert_non_null(t);
	cs = confsim_new(t);
	confsim_user(cs, sym_find(t, "NONE"), "n");
	confsim_pin(cs, sym_find(t, "ZSTD"), "y");
	assert_int_equal(confsim_tri(cs, sym_find(t, "ZSTD")), 2);
	assert_int_equal(confsim_tri(cs, sym_find(t, "NONE")), 0);
	confsim_free(cs);
	kctree_free(t);
}

static void test_load_and_result(void **state)
{
	struct kctree *t = load("config MODULES\n\tbool \"modules\"\n\tmodules\n"
				"config B\n\tbool \"B\"\n\tdefault y\n"
				"config T\n\ttristate \"T\"\n"
				"config H\n\thex \"H\"\n\tdefault 0x10\n"
				"config S\n\tstring \"S\"\n\tdefault \"d\"\n"
				"config I\n\tint\n"
				"choice\n\tprompt \"pick\"\n"
				"config C1\n\tbool \"C1\"\nconfig C2\n\tbool \"C2\"\nendchoice\n");
	struct confsim *cs = confsim_new(t);
	struct config c = { 0 }, out = { 0 };
	char *text = NULL;
	size_t len = 0;
	FILE *f;

	(void)state;
	add(&c, "B", "m", false);	/* m for a bool: invalid, B keeps its default */
	add(&c, "T", "yes", false);	/* the first letter counts */
	add(&c, "H", "0xZZ", false);	/* malformed: the default */
	add(&c, "S", "plain", false);	/* unquoted: dropped */
	add(&c, "C2", "y", false);
	add(&c, "C1", "y", false);	/* the last member named wins */
	add(&c, "UNKNOWN", "y", false);
	config_index(&c);
	assert_false(confsim_valid(sym_find(t, "B"), &c.v.v[0]));
	assert_true(confsim_valid(sym_find(t, "T"), &c.v.v[1]));
	assert_false(confsim_valid(sym_find(t, "H"), &c.v.v[2]));
	assert_false(confsim_valid(sym_find(t, "S"), &c.v.v[3]));
	confsim_load(cs, &c);
	confsim_result(cs, &out);
	f = open_memstream(&text, &len);
	config_write_file(f, &out, NULL);
	fclose(f);
	/* I: invisible without a default, not written */
	assert_string_equal(text, "# CONFIG_MODULES is not set\nCONFIG_B=y\nCONFIG_T=y\n"
			    "CONFIG_H=0x10\nCONFIG_S=\"d\"\nCONFIG_C1=y\n# CONFIG_C2 is not set\n");
	assert_string_equal(confsim_str(cs, sym_find(t, "I")), "0");
	free(text);
	config_release(&c);
	config_release(&out);
	confsim_free(cs);
	kctree_free(t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults_and_user_values),
		cmocka_unit_test(test_tristate_m_needs_modules),
		cmocka_unit_test(test_select_and_range),
		cmocka_unit_test(test_choice_default_and_user_pick),
		FX_TEST(test_old_bool_choice_default),
		FX_TEST(test_old_choice_file_pick),
		FX_TEST(test_old_optional_choice),
		FX_TEST(test_old_tristate_choice_m),
		FX_TEST(test_old_tristate_choice_y),
		FX_TEST(test_old_range_reset),
		cmocka_unit_test(test_load_and_result),
		cmocka_unit_test(test_pinned_choice_member),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
