/* dialect.c: the table of version-dependent Kconfig rules, the versions it
 * accepts, and which dialect a tree of a given version is read with. */
#include "unit.h"

#include "kconfig/dialect.h"

/* Only "X.Y" with digits: what --kernel and nothing else accepts. */
static void test_parse_version(void **state)
{
	int v = -1;

	(void)state;
	assert_true(dialect_parse_version("6.1", &v));
	assert_int_equal(v, 601);
	assert_true(dialect_parse_version("6.12", &v));
	assert_int_equal(v, 612);
	assert_true(dialect_parse_version("7.0", &v));
	assert_int_equal(v, 700);
	v = -1;
	assert_false(dialect_parse_version("6.1x", &v));
	assert_false(dialect_parse_version("6", &v));
	assert_false(dialect_parse_version("6.", &v));
	assert_false(dialect_parse_version(".1", &v));
	assert_false(dialect_parse_version("6.1.3", &v));
	assert_false(dialect_parse_version("6.100", &v));
	assert_false(dialect_parse_version("-6.1", &v));
	assert_false(dialect_parse_version(" 6.1", &v));
	assert_false(dialect_parse_version("", &v));
	assert_int_equal(v, -1);
}

/* Rows are sorted by the version of their change, no row is newer than
 * DIALECT_NEWEST (but for next), and names are unique. */
static void test_table_is_consistent(void **state)
{
	int last = 0;

	(void)state;
	for (size_t i = 0; i < DR_COUNT; i++) {
		const struct dialect_row *r = &dialect_rows[i];
		int at = r->removed ? r->removed : r->added;

		assert_int_equal(r->rule, (int)i);
		assert_true(at >= last);
		last = at;
		assert_true(r->added == DIALECT_NEXT || r->added <= DIALECT_NEWEST);
		assert_true(r->removed <= DIALECT_NEWEST);
		assert_true(!r->removed || r->added < r->removed);
		assert_true(r->desc[0] && !strchr(r->desc, '\n'));
		for (size_t j = 0; j < i; j++)
			assert_string_not_equal(r->name, dialect_rows[j].name);
	}
}

/* A rule holds from its first release on, until the one that drops it;
 * the newest dialect (0) has every rule still there. */
static void test_rules_by_version(void **state)
{
	(void)state;
	assert_false(dialect_at(608, DR_INT_HEX_ZERO));
	assert_true(dialect_at(609, DR_INT_HEX_ZERO));
	assert_true(dialect_at(610, DR_NAMED_CHOICE));
	assert_false(dialect_at(611, DR_NAMED_CHOICE));
	assert_false(dialect_at(610, DR_CHOICE_STRICT));
	assert_true(dialect_at(612, DR_CHOICE_STRICT));
	assert_true(dialect_at(0, DR_CHOICE_VALUES));
	assert_false(dialect_at(0, DR_CHOICE_SUBMENU));
}

/* Known versions are themselves; newer ones the newest dialect, with one
 * note; older than 6.1 an error. */
static void test_select(void **state)
{
	struct fx *fx = *state;

	assert_int_equal(dialect_select(601), 601);
	assert_int_equal(dialect_select(612), 612);
	assert_int_equal(dialect_select(0), 0);
	assert_string_equal(cap_text(&fx->cap), "");
	assert_int_equal(dialect_select(DIALECT_NEWEST + 1), 0);
	assert_int_equal(dialect_select(DIALECT_NEWEST + 5), 0);
	assert_int_equal(count_of(cap_text(&fx->cap), "note: "), 1);
	assert_contains(cap_text(&fx->cap), "is newer than kcsat's newest dialect");
	assert_int_equal(dialect_select(600), -1);
	assert_contains(cap_text(&fx->cap), "error: Linux 6.0 is too old");
}

/* The tree's Makefile decides, --kernel overrides it. */
static void test_tree_version(void **state)
{
	struct fx *fx = *state;
	struct vfile old[] = {
		{ "Kconfig", "choice NAMED\n\tprompt \"p\"\nconfig A\n\tbool \"a\"\nendchoice\n" },
		{ "Makefile", "VERSION = 6\nPATCHLEVEL = 1\nSUBLEVEL = 0\nEXTRAVERSION =\n" },
		{ NULL, NULL },
	};
	struct vfile ancient[] = {
		{ "Kconfig", "config A\n\tbool \"a\"\n" },
		{ "Makefile", "VERSION = 5\nPATCHLEVEL = 15\nSUBLEVEL = 0\nEXTRAVERSION =\n" },
		{ NULL, NULL },
	};

	assert_non_null(fx_load_opts(fx, old, 0));
	assert_int_equal(fx->t->kversion, 601);
	assert_true(dialect_has(fx->t, DR_NAMED_CHOICE));
	assert_null(fx_load_opts(fx, old, 612));
	assert_contains(cap_text(&fx->cap), "named choices were removed");
	assert_null(fx_load_opts(fx, ancient, 0));
	assert_contains(cap_text(&fx->cap), "Linux 5.15 is too old");
	assert_non_null(fx_load_opts(fx, ancient, 612));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_version),
		cmocka_unit_test(test_table_is_consistent),
		cmocka_unit_test(test_rules_by_version),
		FX_TEST(test_select),
		FX_TEST(test_tree_version),
	};

	unit_init();
	return cmocka_run_group_tests_name("dialect", tests, NULL, NULL);
}
