/* util/record.c: fields survive any text (tabs, newlines, backslashes,
 * whole nested records), are read by name, numbers only through checked
 * parsing; malformed lines are reported, counted and skipped; a writer
 * that leaves the table's order is a bug that stops kcsat. */
#include "unit.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "util/record.h"

enum { K_PAIR, K_NUM, K_NEST };
static const struct record_kind kinds[] = {
	[K_PAIR] = { "pair", { "a", "b", NULL } },
	[K_NUM] = { "num", { "u", "i", "d", NULL } },
	[K_NEST] = { "nest", { "side", "records", NULL } },
};
#define NKINDS (sizeof(kinds) / sizeof(kinds[0]))

static void pair(struct strbuf *sb, const char *a, const char *b)
{
	struct record_writer w;

	rec_begin(&w, sb, &kinds[K_PAIR]);
	rec_str(&w, "a", a);
	rec_str(&w, "b", b);
	rec_end(&w);
}

static void test_round_trip(void **state)
{
	struct fx *fx = *state;
	static const char *const texts[] = {
		"", "plain", "tab\there", "two\nlines\n", "back\\slash", "\\t not a tab",
		"ends with \\", "\t\n\\", "x\\\\ty",
	};
	size_t n = sizeof(texts) / sizeof(texts[0]);
	struct strbuf sb = STRBUF_INIT;
	struct record_reader rd;
	struct record r;
	char *text;
	size_t got = 0;

	for (size_t i = 0; i < n; i++)
		pair(&sb, texts[i], texts[n - 1 - i]);
	pair(&sb, NULL, "null reads as empty");
	/* one line per record, whatever the fields hold */
	{
		size_t lines = 0;

		for (const char *c = sb_str(&sb); *c; c++)
			lines += *c == '\n';
		assert_int_equal(lines, n + 1);
	}
	text = sb_detach(&sb);
	rec_reader_init(&rd, text, kinds, NKINDS);
	while (rec_read(&rd, &r)) {
		assert_ptr_equal(r.kind, &kinds[K_PAIR]);
		if (got < n) {
			assert_string_equal(rec_get(&r, "a"), texts[got]);
			assert_string_equal(rec_get(&r, "b"), texts[n - 1 - got]);
		} else {
			assert_string_equal(rec_get(&r, "a"), "");
		}
		got++;
	}
	assert_int_equal(got, n + 1);
	assert_int_equal(rd.bad, 0);
	free(text);
	assert_string_equal(cap_text(&fx->cap), "");
}

/* A field can hold records of another kind: nesting is escaping. */
static void test_nested(void **state)
{
	struct strbuf inner = STRBUF_INIT, outer = STRBUF_INIT;
	struct record_writer w;
	struct record_reader rd, rd2;
	struct record r, r2;
	char *text, *copy;

	(void)state;
	pair(&inner, "x\ty", "1");
	pair(&inner, "z", "two\nlines");
	rec_begin(&w, &outer, &kinds[K_NEST]);
	rec_str(&w, "side", "old");
	rec_str(&w, "records", sb_str(&inner));
	rec_end(&w);
	pair(&outer, "after", "it");
	text = sb_detach(&outer);
	rec_reader_init(&rd, text, kinds, NKINDS);
	assert_true(rec_read(&rd, &r));
	assert_ptr_equal(r.kind, &kinds[K_NEST]);
	assert_string_equal(rec_get(&r, "records"), sb_str(&inner));
	copy = strdup(rec_get(&r, "records"));
	rec_reader_init(&rd2, copy, kinds, NKINDS);
	assert_true(rec_read(&rd2, &r2));
	assert_string_equal(rec_get(&r2, "a"), "x\ty");
	assert_true(rec_read(&rd2, &r2));
	assert_string_equal(rec_get(&r2, "b"), "two\nlines");
	assert_false(rec_read(&rd2, &r2));
	assert_true(rec_read(&rd, &r));
	assert_string_equal(rec_get(&r, "a"), "after");
	assert_false(rec_read(&rd, &r));
	free(copy);
	free(text);
	sb_release(&inner);
}

static void test_numbers(void **state)
{
	struct fx *fx = *state;
	struct strbuf sb = STRBUF_INIT;
	struct record_writer w;
	struct record_reader rd;
	struct record r;
	uint32_t u;
	int i;
	double d;
	char *text;

	rec_begin(&w, &sb, &kinds[K_NUM]);
	rec_uint(&w, "u", 4294967295u);
	rec_int(&w, "i", -12);
	rec_double(&w, "d", 2.5);
	rec_end(&w);
	/* by hand: what a checked parse refuses */
	sb_adds(&sb, "num\t4294967296\t12x\tnan\n");
	sb_adds(&sb, "num\t-1\t\t1e999\n");
	sb_adds(&sb, "num\t 7\t99999999999\t\n");
	text = sb_detach(&sb);
	rec_reader_init(&rd, text, kinds, NKINDS);
	assert_true(rec_read(&rd, &r));
	assert_true(rec_get_u32(&r, "u", &u));
	assert_int_equal(u, 4294967295u);
	assert_true(rec_get_int(&r, "i", &i));
	assert_int_equal(i, -12);
	assert_true(rec_get_double(&r, "d", &d));
	assert_true(d == 2.5);
	assert_string_equal(cap_text(&fx->cap), "");
	for (int k = 0; k < 3; k++) {
		assert_true(rec_read(&rd, &r));
		assert_false(rec_get_u32(&r, "u", &u));
		assert_false(rec_get_int(&r, "i", &i));
		assert_false(rec_get_double(&r, "d", &d));
	}
	assert_false(rec_read(&rd, &r));
	assert_contains(cap_text(&fx->cap), "job record 'num': field 'u' is not a number: '4294967296'");
	assert_contains(cap_text(&fx->cap), "field 'i' is not a number: '12x'");
	assert_contains(cap_text(&fx->cap), "field 'd' is not a number: 'nan'");
	assert_contains(cap_text(&fx->cap), "field 'u' is not a number: ' 7'");
	free(text);
}

static void test_malformed_lines_skipped(void **state)
{
	struct fx *fx = *state;
	char text[] = "pair\t1\t2\n"
		      "pair\tonly one\n"
		      "pair\t1\t2\t3\n"
		      "what\t1\n"
		      "\n"
		      "pair\tlast\tone";	/* no final newline */
	struct record_reader rd;
	struct record r;

	rec_reader_init(&rd, text, kinds, NKINDS);
	assert_true(rec_read(&rd, &r));
	assert_string_equal(rec_get(&r, "a"), "1");
	assert_true(rec_read(&rd, &r));
	assert_string_equal(rec_get(&r, "a"), "last");
	assert_string_equal(rec_get(&r, "b"), "one");
	assert_false(rec_read(&rd, &r));
	assert_int_equal(rd.bad, 4);
	assert_contains(cap_text(&fx->cap), "malformed job record (wrong number of fields)");
	assert_contains(cap_text(&fx->cap), "malformed job record (too many fields)");
	assert_contains(cap_text(&fx->cap), "malformed job record (unknown kind): 'what'");
}

/* Writing a field out of order, or not at all, aborts. */
static void test_writer_misuse_aborts(void **state)
{
	(void)state;
	for (int k = 0; k < 3; k++) {
		pid_t pid;
		int status;

		fflush(NULL);
		pid = fork();
		assert_true(pid >= 0);
		if (pid == 0) {
			struct strbuf sb = STRBUF_INIT;
			struct record_writer w;

			if (!freopen("/dev/null", "w", stderr))
				_exit(3);
			rec_begin(&w, &sb, &kinds[K_PAIR]);
			if (k == 0)
				rec_str(&w, "b", "x");		/* out of order */
			else if (k == 1)
				rec_str(&w, "a", "x");		/* b missing */
			else
				rec_get(&(struct record){ &kinds[K_PAIR], { 0 } }, "c");
			rec_end(&w);
			_exit(0);
		}
		assert_int_equal(waitpid(pid, &status, 0), pid);
		assert_true(WIFSIGNALED(status));
		assert_int_equal(WTERMSIG(status), SIGABRT);
	}
}

/* rec_is(): the kind of a text's first record, by its whole name */
static void test_first_kind(void **state)
{
	struct strbuf sb = STRBUF_INIT;

	(void)state;
	pair(&sb, "x", "y");
	pair(&sb, "z", "w");
	assert_true(rec_is(sb_str(&sb), &kinds[K_PAIR]));
	assert_false(rec_is(sb_str(&sb), &kinds[K_NUM]));
	assert_true(rec_is("pair", &kinds[K_PAIR]));
	assert_false(rec_is("pairs\ta\tb\n", &kinds[K_PAIR]));
	assert_false(rec_is("pai", &kinds[K_PAIR]));
	assert_false(rec_is("", &kinds[K_PAIR]));
	sb_release(&sb);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		FX_TEST(test_round_trip),
		FX_TEST(test_nested),
		FX_TEST(test_numbers),
		FX_TEST(test_malformed_lines_skipped),
		FX_TEST(test_writer_misuse_aborts),
		cmocka_unit_test(test_first_kind),
	};

	unit_init();
	return cmocka_run_group_tests_name("record", tests, NULL, NULL);
}
