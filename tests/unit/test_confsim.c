/* confsim: olddefconfig simulated on concrete user values (sym_calc_value
 * of Linux 6.11+), as kcsat why uses it to shrink witnesses. */
#include "unit.h"

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

static void test_old_kernels_not_simulated(void **state)
{
	struct vfile files[] = { { "Kconfig", "config A\n\tbool \"A\"\n" }, { NULL, NULL } };
	struct load_config o = { .srctree = ".", .kversion = 601, .vfs = vfs_lookup, .vfs_ctx = files };
	struct kctree *t = kctree_load(&o, NULL);

	(void)state;
	assert_non_null(t);
	assert_null(confsim_new(t));
	kctree_free(t);
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
		cmocka_unit_test(test_old_kernels_not_simulated),
		cmocka_unit_test(test_load_and_result),
		cmocka_unit_test(test_pinned_choice_member),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
