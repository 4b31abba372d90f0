/* json.h: commas and nesting kept by the writer, layouts, sequences,
 * escaping (control bytes, C1 ones too, quotes, UTF-8 kept, stray bytes as
 * \u00XX). */
#include "unit.h"

#include "util/json.h"

struct jfx {
	char *buf;
	size_t len;
	FILE *f;
	struct json j;
};

static int setup(void **state)
{
	struct jfx *x = calloc(1, sizeof(*x));

	if (!x || !(x->f = open_memstream(&x->buf, &x->len)))
		return -1;
	json_init(&x->j, x->f);
	*state = x;
	return 0;
}

static int teardown(void **state)
{
	struct jfx *x = *state;

	if (x->f)
		fclose(x->f);
	free(x->buf);
	free(x);
	return 0;
}

/* What the writer wrote so far. */
static const char *text(struct jfx *x)
{
	fflush(x->f);
	return x->buf;
}

#define J_TEST(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

static void test_scalars_and_commas(void **state)
{
	struct jfx *x = *state;

	json_object(&x->j);
	json_kstring(&x->j, "s", "a");
	json_kstring(&x->j, "null", NULL);
	json_kint(&x->j, "neg", -3);
	json_kuint(&x->j, "big", 18446744073709551615ULL);
	json_kbool(&x->j, "t", true);
	json_kbool(&x->j, "f", false);
	json_key(&x->j, "n");
	json_null(&x->j);
	json_end(&x->j);
	json_finish(&x->j);
	assert_string_equal(text(x), "{\"s\":\"a\",\"null\":null,\"neg\":-3,"
			    "\"big\":18446744073709551615,\"t\":true,\"f\":false,\"n\":null}");
}

static void test_nesting(void **state)
{
	struct jfx *x = *state;
	char x1[] = "x", y1[] = "y", *v[] = { x1, y1 };

	json_array(&x->j);
	json_object(&x->j);
	json_karray(&x->j, "empty");
	json_end(&x->j);
	json_kobject(&x->j, "o");
	json_end(&x->j);
	json_key(&x->j, "list");
	json_strings(&x->j, v, 2);
	json_end(&x->j);
	json_array(&x->j);
	json_int(&x->j, 1);
	json_array(&x->j);
	json_end(&x->j);
	json_end(&x->j);
	json_string(&x->j, "");
	json_end(&x->j);
	json_finish(&x->j);
	assert_string_equal(text(x), "[{\"empty\":[],\"o\":{},\"list\":[\"x\",\"y\"]},[1,[]],\"\"]");
}

/* The third element of "also" gets its comma like the second (the bug of
 * why-not's hand-written JSON was a comma before the first). */
static void test_array_of_objects(void **state)
{
	struct jfx *x = *state;

	json_object(&x->j);
	json_karray(&x->j, "also");
	for (int i = 0; i < 3; i++) {
		json_object(&x->j);
		json_kint(&x->j, "i", i);
		json_end(&x->j);
	}
	json_end(&x->j);
	json_end(&x->j);
	json_finish(&x->j);
	assert_string_equal(text(x), "{\"also\":[{\"i\":0},{\"i\":1},{\"i\":2}]}");
}

static void test_layouts(void **state)
{
	struct jfx *x = *state;

	json_object(&x->j);
	json_key(&x->j, "a");
	json_array_layout(&x->j, JSON_LINES | JSON_LINES_END);
	json_int(&x->j, 1);
	json_int(&x->j, 2);
	json_end(&x->j);
	json_key(&x->j, "b");
	json_array_layout(&x->j, JSON_LINES | JSON_LINES_END);
	json_end(&x->j);	/* empty: no newline */
	json_key(&x->j, "c");
	json_array_layout(&x->j, JSON_LINES);
	json_int(&x->j, 3);
	json_end(&x->j);
	json_end(&x->j);
	json_finish(&x->j);
	assert_string_equal(text(x), "{\"a\":[\n1,\n2\n],\"b\":[],\"c\":[\n3]}");
}

static void test_sequence(void **state)
{
	struct jfx *x = *state;

	json_init_seq(&x->j, x->f);
	json_object(&x->j);
	json_end(&x->j);
	json_int(&x->j, 7);
	json_string(&x->j, "z");
	json_finish(&x->j);
	assert_string_equal(text(x), "{},7,\"z\"");
}

static void test_escaping(void **state)
{
	struct jfx *x = *state;

	json_array(&x->j);
	json_string(&x->j, "q\"b\\n\nt\tr\r\x01\x1f");
	json_string(&x->j, "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80");
	json_string(&x->j, "latin1 \xe9 \xc0\xaf \xed\xa0\x80");	/* stray, overlong, surrogate */
	json_string(&x->j, "c1 \xc2\x85\xc2\x9b\x9b \xc2\xa0");	/* C1 in UTF-8, raw; NBSP kept */
	json_end(&x->j);
	json_finish(&x->j);
	assert_string_equal(text(x),
			    "[\"q\\\"b\\\\n\\nt\\tr\\r\\u0001\\u001f\","
			    "\"caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80\","
			    "\"latin1 \\u00e9 \\u00c0\\u00af \\u00ed\\u00a0\\u0080\","
			    "\"c1 \\u0085\\u009b\\u009b \xc2\xa0\"]");
}

static void test_keys_escaped(void **state)
{
	struct jfx *x = *state;

	json_object(&x->j);
	json_kstring(&x->j, "a\"b", "v");
	json_end(&x->j);
	json_finish(&x->j);
	assert_string_equal(text(x), "{\"a\\\"b\":\"v\"}");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		J_TEST(test_scalars_and_commas),
		J_TEST(test_nesting),
		J_TEST(test_array_of_objects),
		J_TEST(test_layouts),
		J_TEST(test_sequence),
		J_TEST(test_escaping),
		J_TEST(test_keys_escaped),
	};

	unit_init();
	return cmocka_run_group_tests_name("json", tests, NULL, NULL);
}
