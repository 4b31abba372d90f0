/* diag.h: the file table, locations, message formats and counters. */
#include "unit.h"

static void test_file_intern(void **state)
{
	uint32_t a, b, c;

	(void)state;
	a = diag_file_intern("Kconfig");
	b = diag_file_intern("arch/x86/Kconfig");
	assert_int_equal(a, 1);		/* ids start at 1 after a release */
	assert_int_equal(b, 2);
	c = diag_file_intern("Kconfig");
	assert_int_equal(c, a);		/* same name, same id */
	assert_int_equal(diag_file_intern("arch/x86/Kconfig"), b);
	assert_string_equal(diag_file_name(a), "Kconfig");
	assert_string_equal(diag_file_name(b), "arch/x86/Kconfig");
}

static void test_file_intern_copies_name(void **state)
{
	char name[] = "drivers/Kconfig";
	uint32_t id;

	(void)state;
	id = diag_file_intern(name);
	name[0] = 'X';
	assert_string_equal(diag_file_name(id), "drivers/Kconfig");
	/* the mutated buffer is a different name */
	assert_int_not_equal(diag_file_intern(name), id);
}

static void test_file_name_out_of_range(void **state)
{
	(void)state;
	diag_file_intern("a");
	assert_string_equal(diag_file_name(0), "<unknown>");
	assert_string_equal(diag_file_name(2), "<unknown>");
	assert_string_equal(diag_file_name(1000), "<unknown>");
}

static void test_files_release_restarts_ids(void **state)
{
	(void)state;
	diag_file_intern("one");
	diag_file_intern("two");
	diag_files_release();
	assert_string_equal(diag_file_name(1), "<unknown>");
	assert_int_equal(diag_file_intern("two"), 1);
}

static void test_loc_str(void **state)
{
	char buf[64], tiny[8];
	uint32_t f;

	(void)state;
	f = diag_file_intern("init/Kconfig");
	assert_string_equal(loc_str((struct loc){ f, 42 }, buf, sizeof(buf)), "init/Kconfig:42");
	assert_ptr_equal(loc_str((struct loc){ f, 1 }, buf, sizeof(buf)), buf);
	assert_string_equal(loc_str((struct loc){ 0, 0 }, buf, sizeof(buf)), "<builtin>");
	/* truncated, still terminated */
	loc_str((struct loc){ f, 42 }, tiny, sizeof(tiny));
	assert_string_equal(tiny, "init/Kc");
}

static void test_error_format_and_count(void **state)
{
	struct fx *fx = *state;
	uint32_t f = diag_file_intern("Kconfig");

	diag_error((struct loc){ f, 7 }, "bad %s %d", "thing", 3);
	assert_string_equal(cap_text(&fx->cap), "Kconfig:7: error: bad thing 3\n");
	assert_int_equal(diag_error_count(), 1);
	assert_int_equal(diag_warning_count(), 0);
}

static void test_warning_note_fatal_formats(void **state)
{
	struct fx *fx = *state;
	uint32_t f = diag_file_intern("lib/Kconfig");

	diag_warning((struct loc){ f, 3 }, "w%d", 1);
	diag_note((struct loc){ f, 4 }, "n%d", 2);
	diag_fatal("usage %s", "oops");
	diag_error((struct loc){ 0, 0 }, "no location");
	assert_string_equal(cap_text(&fx->cap),
			    "lib/Kconfig:3: warning: w1\n"
			    "lib/Kconfig:4: note: n2\n"
			    "kcsat: error: usage oops\n"
			    "kcsat: error: no location\n");
	/* notes are not counted; fatal counts as an error */
	assert_int_equal(diag_error_count(), 2);
	assert_int_equal(diag_warning_count(), 1);
}

static void test_prefix(void **state)
{
	struct fx *fx = *state;
	uint32_t f = diag_file_intern("Kconfig");

	diag_set_prefix("x86: ");
	diag_error((struct loc){ f, 1 }, "e");
	diag_fatal("f");
	diag_set_prefix(NULL);
	diag_warning((struct loc){ f, 2 }, "w");
	assert_string_equal(cap_text(&fx->cap),
			    "x86: Kconfig:1: error: e\n"
			    "x86: kcsat: error: f\n"
			    "Kconfig:2: warning: w\n");
}

static void test_quiet_warnings_still_counted(void **state)
{
	struct fx *fx = *state;
	uint32_t f = diag_file_intern("Kconfig");

	diag_set_quiet_warnings(1);
	diag_warning((struct loc){ f, 1 }, "hidden");
	diag_error((struct loc){ f, 2 }, "shown");
	assert_string_equal(cap_text(&fx->cap), "Kconfig:2: error: shown\n");
	assert_int_equal(diag_warning_count(), 1);
	assert_int_equal(diag_error_count(), 1);
	diag_set_quiet_warnings(0);
	diag_warning((struct loc){ f, 3 }, "visible");
	assert_contains(cap_text(&fx->cap), "Kconfig:3: warning: visible\n");
	assert_int_equal(diag_warning_count(), 2);
}

static void test_reset_counts(void **state)
{
	(void)state;
	diag_error((struct loc){ 0, 0 }, "a");
	diag_warning((struct loc){ 0, 0 }, "b");
	assert_int_equal(diag_error_count(), 1);
	assert_int_equal(diag_warning_count(), 1);
	diag_reset_counts();
	assert_int_equal(diag_error_count(), 0);
	assert_int_equal(diag_warning_count(), 0);
}

static void test_set_stream_switches(void **state)
{
	struct fx *fx = *state;
	struct capture other;

	diag_error((struct loc){ 0, 0 }, "first");
	cap_start(&other);		/* redirects */
	diag_error((struct loc){ 0, 0 }, "second");
	assert_string_equal(cap_text(&other), "kcsat: error: second\n");
	cap_end(&other);
	diag_set_stream(fx->cap.f);
	diag_error((struct loc){ 0, 0 }, "third");
	assert_string_equal(cap_text(&fx->cap),
			    "kcsat: error: first\nkcsat: error: third\n");
}

static void test_long_message_not_truncated(void **state)
{
	struct fx *fx = *state;
	char msg[3000];

	memset(msg, 'm', sizeof(msg) - 1);
	msg[sizeof(msg) - 1] = '\0';
	diag_error((struct loc){ 0, 0 }, "%s", msg);
	assert_int_equal(strlen(cap_text(&fx->cap)), strlen("kcsat: error: \n") + 2999);
}

/* A scope counts its own messages; the enclosing scopes count them too. */
static void test_scope_counts_nest(void **state)
{
	struct fx *fx = *state;
	struct diag_scope a = { 0 }, b = { 0 };

	diag_error((struct loc){ 0, 0 }, "before");
	diag_scope_enter(&a);
	diag_warning((struct loc){ 0, 0 }, "wa");
	diag_scope_enter(&b);
	diag_error((struct loc){ 0, 0 }, "eb");
	diag_fatal("fb");
	diag_scope_leave(&b);
	diag_error((struct loc){ 0, 0 }, "ea");
	diag_scope_leave(&a);
	assert_int_equal(b.nerrors, 2);
	assert_int_equal(b.nwarnings, 0);
	assert_int_equal(a.nerrors, 3);
	assert_int_equal(a.nwarnings, 1);
	assert_int_equal(diag_error_count(), 4);
	assert_int_equal(diag_warning_count(), 1);
	/* no stream set: inner scopes print where the outermost prints */
	assert_contains(cap_text(&fx->cap), "kcsat: error: eb\n");
	assert_ptr_equal(b.outer, NULL);
}

/* Relocation: a message from a lower layer is reported at the scope's
 * file:line:col after its lead text, whatever location it carried. */
static void test_scope_relocates(void **state)
{
	struct fx *fx = *state;
	uint32_t y = diag_file_intern("rules.yaml"), k = diag_file_intern("<expression>");
	struct diag_scope s = { .at = { y, 3 }, .col = 11, .lead = "bad expression 'A ||': " };
	struct diag_scope noc = { .at = { y, 7 } };

	diag_scope_enter(&s);
	diag_error((struct loc){ k, 1 }, "expected a symbol");
	diag_warning((struct loc){ 0, 0 }, "w");
	diag_scope_leave(&s);
	diag_scope_enter(&noc);
	diag_error((struct loc){ k, 1 }, "e");
	diag_scope_leave(&noc);
	diag_error((struct loc){ k, 1 }, "after");
	assert_string_equal(cap_text(&fx->cap),
			    "rules.yaml:3:11: error: bad expression 'A ||': expected a symbol\n"
			    "rules.yaml:3:11: warning: bad expression 'A ||': w\n"
			    "rules.yaml:7: error: e\n"
			    "<expression>:1: error: after\n");
	assert_int_equal(s.nerrors, 1);
	assert_int_equal(s.nwarnings, 1);
}

/* An inner scope with its own stream and prefix; the rest inherited. */
static void test_scope_stream_and_prefix(void **state)
{
	struct fx *fx = *state;
	struct capture inner;
	struct diag_scope s = { 0 }, t = { .prefix = "arm64: " };

	cap_start(&inner);		/* sets the outermost stream */
	s.out = inner.f;
	diag_set_stream(fx->cap.f);
	diag_set_prefix("x86: ");
	diag_scope_enter(&s);
	diag_scope_enter(&t);
	diag_fatal("one");
	diag_scope_leave(&t);
	diag_fatal("two");
	diag_scope_leave(&s);
	diag_fatal("three");
	diag_set_prefix(NULL);
	assert_string_equal(cap_text(&inner), "arm64: kcsat: error: one\nx86: kcsat: error: two\n");
	cap_end(&inner);
	diag_set_stream(fx->cap.f);
	assert_string_equal(cap_text(&fx->cap), "x86: kcsat: error: three\n");
}

/* At most DIAG_MAX_SHOWN errors, warnings and located notes each are
 * printed, then one "too many" line; all are still counted, kcsat's own
 * notes and fatal errors are never capped, and a reset starts over. */
static void test_cap_per_severity(void **state)
{
	struct fx *fx = *state;
	uint32_t f = diag_file_intern("Kconfig");
	struct diag_scope s = { .at = { f, 9 }, .col = 2 };
	const char *text, *p;
	unsigned lines = 0;

	for (unsigned i = 1; i <= DIAG_MAX_SHOWN + 10; i++) {
		diag_error((struct loc){ f, i }, "e%u", i);
		diag_warning((struct loc){ f, i }, "w%u", i);
		diag_note((struct loc){ f, i }, "n%u", i);
	}
	assert_true(diag_errors_capped());
	diag_scope_enter(&s);		/* the "too many" line is never relocated */
	diag_error((struct loc){ f, 1 }, "hidden");
	diag_scope_leave(&s);
	diag_note((struct loc){ 0, 0 }, "wrote out");
	diag_fatal("still shown");
	assert_int_equal(diag_error_count(), DIAG_MAX_SHOWN + 12);
	assert_int_equal(diag_warning_count(), DIAG_MAX_SHOWN + 10);
	text = cap_text(&fx->cap);
	for (p = text; *p; p++)
		lines += *p == '\n';
	assert_int_equal(lines, 3 * DIAG_MAX_SHOWN + 3 + 2);
	assert_contains(text, "Kconfig:50: error: e50\nKconfig:50: warning: w50\nKconfig:50: note: n50\n"
			"kcsat: error: too many errors (50); the rest are not shown\n"
			"kcsat: warning: too many warnings (50); the rest are not shown\n"
			"kcsat: note: too many notes (50); the rest are not shown\n"
			"kcsat: note: wrote out\nkcsat: error: still shown\n");
	assert_null(strstr(text, "e51"));
	assert_null(strstr(text, "hidden"));
	diag_reset_counts();
	assert_false(diag_errors_capped());
	diag_error((struct loc){ f, 1 }, "again");
	assert_contains(cap_text(&fx->cap), "Kconfig:1: error: again\n");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		FX_TEST(test_file_intern),
		FX_TEST(test_file_intern_copies_name),
		FX_TEST(test_file_name_out_of_range),
		FX_TEST(test_files_release_restarts_ids),
		FX_TEST(test_loc_str),
		FX_TEST(test_error_format_and_count),
		FX_TEST(test_warning_note_fatal_formats),
		FX_TEST(test_prefix),
		FX_TEST(test_quiet_warnings_still_counted),
		FX_TEST(test_reset_counts),
		FX_TEST(test_set_stream_switches),
		FX_TEST(test_long_message_not_truncated),
		FX_TEST(test_scope_counts_nest),
		FX_TEST(test_scope_relocates),
		FX_TEST(test_scope_stream_and_prefix),
		FX_TEST(test_cap_per_severity),
	};

	unit_init();
	return cmocka_run_group_tests_name("diag", tests, NULL, NULL);
}
