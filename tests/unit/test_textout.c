/* textout.h: C0, DEL and C1 controls escaped (U+0080..U+009F in UTF-8,
 * stray 0x80..0x9f bytes), other UTF-8 and stray bytes kept; the stream
 * holds a UTF-8 sequence cut at a write's end until the rest comes. */
#include "unit.h"

#include <unistd.h>

#include "util/textout.h"

static void assert_escaped(const char *in, size_t n, const char *want)
{
	struct strbuf sb = STRBUF_INIT;

	textout_escape(&sb, in, n);
	assert_string_equal(sb_str(&sb), want);
	sb_release(&sb);
}

static void test_c0_and_del(void **state)
{
	(void)state;
	assert_escaped("a\033[2J\a\r\x7f\n\tb", 11, "a\\033[2J\\007\\015\\177\n\tb");
}

static void test_c1_utf8(void **state)
{
	(void)state;
	/* U+0085 NEL, U+009B CSI, U+009F; U+00A0 and U+00E9 are not controls */
	assert_escaped("x\xc2\x85y\xc2\x9b" "1m\xc2\x9f\xc2\xa0\xc3\xa9", 14,
		       "x\\302\\205y\\302\\2331m\\302\\237\xc2\xa0\xc3\xa9");
	/* a continuation byte 0x80..0x9f inside a longer sequence is no control */
	assert_escaped("\xe2\x80\x9c\xe2\x82\xac\xf0\x9f\x98\x80", 10,
		       "\xe2\x80\x9c\xe2\x82\xac\xf0\x9f\x98\x80");
}

static void test_c1_stray(void **state)
{
	(void)state;
	/* raw C1 bytes; an overlong or cut sequence leaves its bytes stray;
	 * a stray byte from 0xa0 up (Latin-1 text) is kept */
	assert_escaped("\x9b" "31m\x80\xc0\x9b\xe2\x80", 9, "\\23331m\\200\xc0\\233\xe2\\200");
	assert_escaped("\xe9t\xe9\xff", 4, "\xe9t\xe9\xff");
}

/* What the stream wrote to a file, written in pieces with a flush after
 * each (so each piece is one write of the stream). */
static char *stream_of(const char *const *pieces, size_t npieces)
{
	FILE *tmp = tmpfile(), *f;
	static char buf[256];
	size_t n;

	assert_non_null(tmp);
	f = textout_fdopen(fileno(tmp));
	assert_non_null(f);
	for (size_t i = 0; i < npieces; i++) {
		fputs(pieces[i], f);
		assert_int_equal(fflush(f), 0);
	}
	assert_int_equal(fclose(f), 0);
	rewind(tmp);
	n = fread(buf, 1, sizeof(buf) - 1, tmp);
	buf[n] = 0;
	fclose(tmp);
	return buf;
}

static void test_stream_split_sequences(void **state)
{
	const char *csi[] = { "a\xc2", "\x9b" "2J" };
	const char *euro[] = { "\xe2", "\x82", "\xac!" };
	const char *cut[] = { "\xe2\x80", "x" };
	const char *end[] = { "z\xf0\x9f" };

	(void)state;
	assert_string_equal(stream_of(csi, 2), "a\\302\\2332J");
	assert_string_equal(stream_of(euro, 3), "\xe2\x82\xac!");
	/* a cut sequence: its bytes are stray ones, 0x80 a C1 control */
	assert_string_equal(stream_of(cut, 2), "\xe2\\200x");
	/* held at the end of the output: written at fclose() */
	assert_string_equal(stream_of(end, 1), "z\xf0\\237");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_c0_and_del),
		cmocka_unit_test(test_c1_utf8),
		cmocka_unit_test(test_c1_stray),
		cmocka_unit_test(test_stream_split_sequences),
	};

	return cmocka_run_group_tests_name("textout", tests, NULL, NULL);
}
