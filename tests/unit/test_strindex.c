/* util/strindex.c: every key put is found with its id (through many
 * growths), a key put again takes the new id, absent keys (prefixes,
 * extensions, the empty string) are not found, keys are compared by
 * content, not address, and a released index is empty and usable. */
#include "unit.h"

#include <stdio.h>

#include "util/strindex.h"
#include "util/vec.h"

static void test_empty(void **state)
{
	struct strindex x = STRINDEX_INIT;
	uint32_t id = 7;

	(void)state;
	assert_false(strindex_find(&x, "a", &id));
	assert_false(strindex_find(&x, "", NULL));
	assert_int_equal(id, 7);
	strindex_release(&x);
	assert_null(x.slot);
}

/* 20,000 keys (the index grows nine times), looked up by copies */
static void test_many_keys(void **state)
{
	struct strindex x = STRINDEX_INIT;
	strvec keys = { 0 };
	char buf[64];
	uint32_t id;

	(void)state;
	for (unsigned i = 0; i < 20000; i++) {
		snprintf(buf, sizeof(buf), "arch/x86/dir%u/Kconfig", i);
		strvec_push_dup(&keys, buf);
		strindex_put(&x, keys.v[i], i);
		assert_int_equal(x.n, i + 1);
		assert_true(2 * x.n <= x.cap);
	}
	for (unsigned i = 0; i < 20000; i++) {
		snprintf(buf, sizeof(buf), "arch/x86/dir%u/Kconfig", i);
		id = UINT32_MAX;
		assert_true(strindex_find(&x, buf, &id));
		assert_int_equal(id, i);
	}
	/* near misses */
	assert_false(strindex_find(&x, "arch/x86/dir1/Kconfi", NULL));
	assert_false(strindex_find(&x, "arch/x86/dir1/Kconfig.", NULL));
	assert_false(strindex_find(&x, "arch/x86/dir20000/Kconfig", NULL));
	assert_false(strindex_find(&x, "", NULL));
	strindex_release(&x);
	strvec_free_all(&keys);
}

static void test_put_again_overrides(void **state)
{
	struct strindex x = STRINDEX_INIT;
	char first[] = "CONFIG_FOO", second[] = "CONFIG_FOO";
	uint32_t id;

	(void)state;
	strindex_put(&x, first, 1);
	strindex_put(&x, "CONFIG_BAR", 2);
	strindex_put(&x, second, 3);	/* a later line of a .config */
	assert_int_equal(x.n, 2);
	assert_true(strindex_find(&x, "CONFIG_FOO", &id));
	assert_int_equal(id, 3);
	assert_true(strindex_find(&x, "CONFIG_BAR", &id));
	assert_int_equal(id, 2);
	/* the key now borrowed is the last one put */
	first[0] = 'X';
	assert_true(strindex_find(&x, "CONFIG_FOO", &id));
	assert_int_equal(id, 3);
	strindex_release(&x);
}

static void test_empty_string_key(void **state)
{
	struct strindex x = STRINDEX_INIT;
	uint32_t id;

	(void)state;
	strindex_put(&x, "", 0);	/* kbuild's root directory */
	strindex_put(&x, "drivers/", 1);
	assert_true(strindex_find(&x, "", &id));
	assert_int_equal(id, 0);
	assert_true(strindex_find(&x, "drivers/", &id));
	assert_int_equal(id, 1);
	assert_false(strindex_find(&x, "drivers", NULL));
	strindex_release(&x);
}

static void test_release_then_reuse(void **state)
{
	struct strindex x = STRINDEX_INIT;
	uint32_t id;

	(void)state;
	strindex_put(&x, "a", 1);
	strindex_release(&x);
	assert_int_equal(x.n, 0);
	assert_int_equal(x.cap, 0);
	assert_false(strindex_find(&x, "a", NULL));
	strindex_put(&x, "b", 2);
	assert_true(strindex_find(&x, "b", &id));
	assert_int_equal(id, 2);
	assert_false(strindex_find(&x, "a", NULL));
	strindex_release(&x);
}

/* FNV-1a, as the symbol table's buckets have always been laid out */
static void test_hash(void **state)
{
	(void)state;
	assert_int_equal(str_hash(""), 2166136261u);
	assert_int_equal(str_hash("a"), 0xe40c292cu);
	assert_int_equal(str_hash("foobar"), 0xbf9cf968u);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_many_keys),
		cmocka_unit_test(test_put_again_overrides),
		cmocka_unit_test(test_empty_string_key),
		cmocka_unit_test(test_release_then_reuse),
		cmocka_unit_test(test_hash),
	};

	unit_init();
	return cmocka_run_group_tests_name("strindex", tests, NULL, NULL);
}
