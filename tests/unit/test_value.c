/* value.c: comparisons and range clamping on concrete values, against the
 * kernel's rules: scripts/kconfig/expr.c expr_parse_string() and
 * __expr_calc_value() (numeric when both sides parse as numbers of their
 * declared type, strcmp() otherwise; hex is strtoull base 16, int strtoll
 * base 10, untyped constants strtoll base 0; bool/tristate n < m < y), and
 * symbol.c sym_validate_range() / sym_get_range_val(). */
#include "unit.h"

#include "kconfig/value.h"

#define Y 2
#define N 0

static int cmp(enum expr_type op, const char *a, enum sym_type ta, const char *b,
	       enum sym_type tb)
{
	return value_compare(op, a, ta, b, tb);
}

/* Two S_STRING sides are never parsed: strcmp() decides, so "9" > "10". */
static void test_strings_compare_with_strcmp(void **state)
{
	(void)state;
	assert_int_equal(cmp(E_LTH, "9", S_STRING, "10", S_STRING), N);
	assert_int_equal(cmp(E_GTH, "9", S_STRING, "10", S_STRING), Y);
	assert_int_equal(cmp(E_EQUAL, "10", S_STRING, "010", S_STRING), N);
	assert_int_equal(cmp(E_EQUAL, "bar", S_STRING, "bar", S_STRING), Y);
	assert_int_equal(cmp(E_UNEQUAL, "bar", S_STRING, "baz", S_STRING), Y);
	assert_int_equal(cmp(E_LTH, "bar", S_STRING, "baz", S_STRING), Y);
	assert_int_equal(cmp(E_EQUAL, "", S_STRING, "", S_STRING), Y);
	assert_int_equal(cmp(E_LTH, "", S_STRING, "a", S_STRING), Y);
}

/* One side not S_STRING: both are parsed (an S_STRING side with strtoll
 * base 0); numbers compare as numbers. */
static void test_numbers_compare_numerically(void **state)
{
	(void)state;
	assert_int_equal(cmp(E_LTH, "9", S_INT, "10", S_INT), Y);
	assert_int_equal(cmp(E_GTH, "9", S_INT, "10", S_UNKNOWN), N);
	assert_int_equal(cmp(E_LTH, "9", S_STRING, "10", S_UNKNOWN), Y);
	assert_int_equal(cmp(E_LTH, "-5", S_INT, "3", S_INT), Y);
	assert_int_equal(cmp(E_GEQ, "7", S_INT, "7", S_UNKNOWN), Y);
	assert_int_equal(cmp(E_LEQ, "7", S_INT, "7", S_UNKNOWN), Y);
	assert_int_equal(cmp(E_GTH, "7", S_INT, "7", S_UNKNOWN), N);
	assert_int_equal(cmp(E_LTH, "7", S_INT, "7", S_UNKNOWN), N);
	assert_int_equal(cmp(E_UNEQUAL, "7", S_INT, "7", S_UNKNOWN), N);
	/* "+5" parses (the last character read is a digit) */
	assert_int_equal(cmp(E_EQUAL, "+5", S_INT, "5", S_UNKNOWN), Y);
}

/* An int is read base 10 (010 is ten); an untyped constant base 0 (010 is
 * eight, 0x10 sixteen). */
static void test_int_is_base_10(void **state)
{
	(void)state;
	assert_int_equal(cmp(E_EQUAL, "010", S_INT, "10", S_UNKNOWN), Y);
	assert_int_equal(cmp(E_EQUAL, "010", S_INT, "8", S_UNKNOWN), N);
	assert_int_equal(cmp(E_EQUAL, "010", S_UNKNOWN, "8", S_UNKNOWN), Y);
	assert_int_equal(cmp(E_EQUAL, "16", S_INT, "0x10", S_UNKNOWN), Y);
	/* an int against a string-typed "010": the string side is read
	 * base 0, 8 */
	assert_int_equal(cmp(E_EQUAL, "8", S_INT, "010", S_STRING), Y);
	/* "0x10" is not an int (strtoll base 10 stops at 'x'): strcmp */
	assert_int_equal(cmp(E_EQUAL, "0x10", S_INT, "16", S_UNKNOWN), N);
	assert_int_equal(cmp(E_LTH, "0x10", S_INT, "16", S_UNKNOWN), Y);
}

/* Hex is strtoull base 16, with or without 0x, compared unsigned. */
static void test_hex_is_unsigned_base_16(void **state)
{
	(void)state;
	assert_int_equal(cmp(E_GTH, "0x10", S_HEX, "0xf", S_HEX), Y);
	assert_int_equal(cmp(E_EQUAL, "0x10", S_HEX, "10", S_HEX), Y);
	assert_int_equal(cmp(E_EQUAL, "0x010", S_HEX, "0x10", S_HEX), Y);
	assert_int_equal(cmp(E_EQUAL, "0xABC", S_HEX, "0xabc", S_HEX), Y);
	assert_int_equal(cmp(E_LTH, "0x9", S_HEX, "0x10", S_HEX), Y);
	/* against an untyped constant (base 0): 0x10 > 15 */
	assert_int_equal(cmp(E_GTH, "0x10", S_HEX, "15", S_UNKNOWN), Y);
	/* unsigned: the top of the range is the largest, not -1 */
	assert_int_equal(cmp(E_GTH, "0xffffffffffffffff", S_HEX, "0x1", S_HEX), Y);
	assert_int_equal(cmp(E_GTH, "0x8000000000000000", S_HEX, "0x7fffffffffffffff", S_HEX), Y);
	/* not hex: strcmp ("0xg" > "0x1") */
	assert_int_equal(cmp(E_GTH, "0xg", S_HEX, "0x1", S_HEX), Y);
	assert_int_equal(cmp(E_LTH, "0xg", S_HEX, "0x100", S_HEX), N);
}

/* expr_parse_string() accepts a number only if it was read whole, is not
 * empty, did not overflow and ends in a hex digit; anything else falls
 * back to strcmp. */
static void test_non_numbers_fall_back_to_strcmp(void **state)
{
	(void)state;
	/* "" is not a number: strcmp("", "0") < 0 */
	assert_int_equal(cmp(E_EQUAL, "", S_INT, "0", S_UNKNOWN), N);
	assert_int_equal(cmp(E_LTH, "", S_INT, "0", S_UNKNOWN), Y);
	/* trailing text */
	assert_int_equal(cmp(E_GTH, "12abc", S_INT, "9", S_UNKNOWN), N);
	assert_int_equal(cmp(E_EQUAL, "5 ", S_INT, "5", S_UNKNOWN), N);
	/* overflow (errno ERANGE): both would be LLONG_MAX, but strcmp
	 * tells them apart */
	assert_int_equal(cmp(E_EQUAL, "99999999999999999999", S_INT,
			     "99999999999999999998", S_INT), N);
	assert_int_equal(cmp(E_GTH, "99999999999999999999", S_INT,
			     "99999999999999999998", S_INT), Y);
	/* a lone sign */
	assert_int_equal(cmp(E_EQUAL, "-", S_INT, "-", S_INT), Y);
	assert_int_equal(cmp(E_LTH, "-", S_INT, "0", S_INT), Y);
	/* "0x" is not a hex number */
	assert_int_equal(cmp(E_EQUAL, "0x", S_HEX, "0x0", S_HEX), N);
}

/* Bool and tristate values parse as n=0, m=1, y=2, so n < m < y. */
static void test_tristate_order(void **state)
{
	(void)state;
	assert_int_equal(cmp(E_LTH, "n", S_TRISTATE, "m", S_TRISTATE), Y);
	assert_int_equal(cmp(E_LTH, "m", S_TRISTATE, "y", S_TRISTATE), Y);
	assert_int_equal(cmp(E_LTH, "n", S_BOOLEAN, "y", S_TRISTATE), Y);
	assert_int_equal(cmp(E_GTH, "n", S_TRISTATE, "m", S_TRISTATE), N);
	assert_int_equal(cmp(E_GEQ, "y", S_TRISTATE, "m", S_TRISTATE), Y);
	assert_int_equal(cmp(E_EQUAL, "m", S_TRISTATE, "m", S_TRISTATE), Y);
	assert_int_equal(cmp(E_UNEQUAL, "m", S_TRISTATE, "y", S_BOOLEAN), Y);
	/* y/m/n constants are tristate-typed in the tree; an untyped "y"
	 * is not a number: strcmp("m", "y") < 0 gives the same order */
	assert_int_equal(cmp(E_LTH, "m", S_TRISTATE, "y", S_UNKNOWN), Y);
	assert_int_equal(cmp(E_EQUAL, "y", S_TRISTATE, "y", S_UNKNOWN), Y);
	/* an unknown word against a tristate: -1 (below n) vs string -> strcmp */
	assert_int_equal(cmp(E_EQUAL, "y", S_BOOLEAN, "foo", S_UNKNOWN), N);
}

/* sym_validate_range(): below lo gives lo, above hi gives hi, else the
 * value itself; the same pointers come back. */
static void test_clamp_int(void **state)
{
	const char *lo = "1", *hi = "10";
	const char *v5 = "5", *v0 = "0", *v15 = "15", *vneg = "-3";

	(void)state;
	assert_ptr_equal(value_clamp(v5, S_INT, lo, S_UNKNOWN, hi, S_UNKNOWN), v5);
	assert_ptr_equal(value_clamp(v0, S_INT, lo, S_UNKNOWN, hi, S_UNKNOWN), lo);
	assert_ptr_equal(value_clamp(v15, S_INT, lo, S_UNKNOWN, hi, S_UNKNOWN), hi);
	assert_ptr_equal(value_clamp(vneg, S_INT, lo, S_UNKNOWN, hi, S_UNKNOWN), lo);
	assert_ptr_equal(value_clamp(lo, S_INT, lo, S_UNKNOWN, hi, S_UNKNOWN), lo);
	assert_ptr_equal(value_clamp(hi, S_INT, lo, S_UNKNOWN, hi, S_UNKNOWN), hi);
}

/* An int is read base 10 for the range check too: "010" is 10, inside
 * [9, 20] (base 0 would make it 8, below 9). */
static void test_clamp_int_base_10(void **state)
{
	const char *v = "010", *lo = "9", *hi = "20";

	(void)state;
	assert_ptr_equal(value_clamp(v, S_INT, lo, S_UNKNOWN, hi, S_UNKNOWN), v);
}

/* Hex values and untyped bounds of a hex symbol are base 16
 * (sym_get_range_val() keeps the symbol's base for constants); a bound
 * that is an int symbol is read base 10. */
static void test_clamp_hex(void **state)
{
	const char *v20 = "0x20", *v18 = "0x18", *v1 = "0x1", *lo = "0x10", *hi = "0x1f";
	const char *ulo = "10", *uhi = "1f", *ilo = "16", *ihi = "31";

	(void)state;
	assert_ptr_equal(value_clamp(v20, S_HEX, lo, S_UNKNOWN, hi, S_UNKNOWN), hi);
	assert_ptr_equal(value_clamp(v1, S_HEX, lo, S_UNKNOWN, hi, S_UNKNOWN), lo);
	assert_ptr_equal(value_clamp(v18, S_HEX, lo, S_UNKNOWN, hi, S_UNKNOWN), v18);
	/* "10" and "1f" as untyped bounds of a hex symbol: 16 and 31 */
	assert_ptr_equal(value_clamp(v18, S_HEX, ulo, S_UNKNOWN, uhi, S_UNKNOWN), v18);
	assert_ptr_equal(value_clamp(v20, S_HEX, ulo, S_UNKNOWN, uhi, S_UNKNOWN), uhi);
	/* bounds that are int symbols' values: 16 and 31 in base 10 */
	assert_ptr_equal(value_clamp(v18, S_HEX, ilo, S_INT, ihi, S_INT), v18);
	assert_ptr_equal(value_clamp(v20, S_HEX, ilo, S_INT, ihi, S_INT), ihi);
	assert_ptr_equal(value_clamp(v1, S_HEX, ilo, S_INT, ihi, S_INT), ilo);
}

/* Only int and hex have ranges (sym_validate_range() returns early). */
static void test_clamp_other_types_untouched(void **state)
{
	const char *v = "zzz", *b = "100";

	(void)state;
	assert_ptr_equal(value_clamp(v, S_STRING, "a", S_UNKNOWN, "b", S_UNKNOWN), v);
	assert_ptr_equal(value_clamp(b, S_STRING, "1", S_UNKNOWN, "10", S_UNKNOWN), b);
}

/* The value with no default: 6.12 sym_calc_value() starts int at "0",
 * hex at "0x0", string at ""; 6.1 uses symbol_empty ("") for all three. */
static void test_empty_value(void **state)
{
	(void)state;
	assert_string_equal(value_empty(S_INT, 612), "0");
	assert_string_equal(value_empty(S_HEX, 612), "0x0");
	assert_string_equal(value_empty(S_STRING, 612), "");
	assert_string_equal(value_empty(S_INT, 601), "");
	assert_string_equal(value_empty(S_HEX, 601), "");
	assert_string_equal(value_empty(S_STRING, 601), "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_strings_compare_with_strcmp),
		cmocka_unit_test(test_numbers_compare_numerically),
		cmocka_unit_test(test_int_is_base_10),
		cmocka_unit_test(test_hex_is_unsigned_base_16),
		cmocka_unit_test(test_non_numbers_fall_back_to_strcmp),
		cmocka_unit_test(test_tristate_order),
		cmocka_unit_test(test_clamp_int),
		cmocka_unit_test(test_clamp_int_base_10),
		cmocka_unit_test(test_clamp_hex),
		cmocka_unit_test(test_clamp_other_types_untouched),
		cmocka_unit_test(test_empty_value),
	};

	unit_init();
	return cmocka_run_group_tests_name("value", tests, NULL, NULL);
}
