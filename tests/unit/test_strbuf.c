/* strbuf.h: appending, formatting, detach/reset/release. */
#include "unit.h"

static int setup(void **state)
{
	struct strbuf *sb = calloc(1, sizeof(*sb));

	if (!sb)
		return -1;
	*state = sb;
	return 0;
}

static int teardown(void **state)
{
	struct strbuf *sb = *state;

	sb_release(sb);
	free(sb);
	return 0;
}

#define SB_TEST(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

static void test_empty_is_empty_string(void **state)
{
	struct strbuf *sb = *state;
	struct strbuf init = STRBUF_INIT;

	assert_null(init.buf);
	assert_int_equal(init.len, 0);
	assert_string_equal(sb_str(sb), "");
	assert_int_equal(sb->len, 0);
}

static void test_add_variants(void **state)
{
	struct strbuf *sb = *state;

	sb_add(sb, "abcdef", 3);
	assert_string_equal(sb_str(sb), "abc");
	sb_adds(sb, "-def");
	sb_addc(sb, '!');
	assert_string_equal(sb_str(sb), "abc-def!");
	assert_int_equal(sb->len, 8);
	assert_true(sb->cap > sb->len);
	sb_add(sb, "zzz", 0);
	assert_string_equal(sb_str(sb), "abc-def!");
}

static void test_add_embedded_nul(void **state)
{
	struct strbuf *sb = *state;

	sb_add(sb, "a\0b", 3);
	assert_int_equal(sb->len, 3);
	assert_memory_equal(sb->buf, "a\0b\0", 4);
}

static void test_growth_keeps_content(void **state)
{
	struct strbuf *sb = *state;

	for (int i = 0; i < 10000; i++)
		sb_addc(sb, (char)('a' + i % 26));
	assert_int_equal(sb->len, 10000);
	assert_int_equal(strlen(sb_str(sb)), 10000);
	for (int i = 0; i < 10000; i++)
		assert_int_equal(sb->buf[i], 'a' + i % 26);
	assert_true(sb->cap >= 10001);
}

static void test_addf(void **state)
{
	struct strbuf *sb = *state;
	char big[300];

	sb_addf(sb, "%s=%d", "x", 42);
	sb_addf(sb, ",%05u,%c", 7u, 'q');
	assert_string_equal(sb_str(sb), "x=42,00007,q");
	/* longer than the initial capacity in one call */
	memset(big, 'b', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	sb_addf(sb, "[%s]", big);
	assert_int_equal(sb->len, 12 + 2 + 299);
	assert_int_equal(sb->buf[13], 'b');
	assert_int_equal(sb->buf[sb->len - 1], ']');
	assert_int_equal(sb->buf[sb->len], '\0');
}

/* a text that just fits the room left, then one that is a byte over it */
static void test_addf_at_the_edge(void **state)
{
	struct strbuf *sb = *state;
	char fill[200];

	sb_addc(sb, 'a');
	memset(fill, 'f', sizeof(fill));
	fill[sb->cap - sb->len - 1] = '\0';
	sb_addf(sb, "%s", fill);
	assert_int_equal(sb->len, sb->cap - 1);
	sb_addf(sb, "%d", 7);
	assert_int_equal(sb->buf[sb->len - 1], '7');
	assert_int_equal(sb->buf[sb->len - 2], 'f');
	assert_int_equal(sb->buf[0], 'a');
	assert_int_equal(strlen(sb_str(sb)), sb->len);
}

static void test_addf_empty(void **state)
{
	struct strbuf *sb = *state;

	sb_adds(sb, "k");
	sb_addf(sb, "%s", "");
	assert_string_equal(sb_str(sb), "k");
	assert_int_equal(sb->len, 1);
}

static void test_detach(void **state)
{
	struct strbuf *sb = *state;
	char *s;

	sb_adds(sb, "owned");
	s = sb_detach(sb);
	assert_string_equal(s, "owned");
	assert_null(sb->buf);
	assert_int_equal(sb->len, 0);
	assert_int_equal(sb->cap, 0);
	assert_string_equal(sb_str(sb), "");
	free(s);

	/* detaching an empty buffer still gives a malloc'ed "" */
	s = sb_detach(sb);
	assert_non_null(s);
	assert_string_equal(s, "");
	free(s);

	/* the buffer is reusable after a detach */
	sb_adds(sb, "more");
	assert_string_equal(sb_str(sb), "more");
}

static void test_reset_keeps_capacity(void **state)
{
	struct strbuf *sb = *state;
	size_t cap;

	sb_adds(sb, "some text that is here");
	cap = sb->cap;
	sb_reset(sb);
	assert_int_equal(sb->len, 0);
	assert_int_equal(sb->cap, cap);
	assert_string_equal(sb_str(sb), "");
	sb_adds(sb, "x");
	assert_string_equal(sb_str(sb), "x");

	/* reset of a never-used buffer */
	{
		struct strbuf e = STRBUF_INIT;

		sb_reset(&e);
		assert_string_equal(sb_str(&e), "");
		sb_release(&e);
	}
}

static void test_release(void **state)
{
	struct strbuf *sb = *state;

	sb_adds(sb, "gone");
	sb_release(sb);
	assert_null(sb->buf);
	assert_int_equal(sb->len, 0);
	assert_int_equal(sb->cap, 0);
	assert_string_equal(sb_str(sb), "");
	sb_release(sb);		/* twice is harmless */
	assert_null(sb->buf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		SB_TEST(test_empty_is_empty_string),
		SB_TEST(test_add_variants),
		SB_TEST(test_add_embedded_nul),
		SB_TEST(test_growth_keeps_content),
		SB_TEST(test_addf),
		SB_TEST(test_addf_at_the_edge),
		SB_TEST(test_addf_empty),
		SB_TEST(test_detach),
		SB_TEST(test_reset_keeps_capacity),
		SB_TEST(test_release),
	};

	unit_init();
	return cmocka_run_group_tests_name("strbuf", tests, NULL, NULL);
}
