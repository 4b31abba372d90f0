/* check/findings.c: the order of findings, fingerprints that survive line
 * shifts, baselines written and applied (a malformed one is an error at
 * its line), and the four output formats, SARIF's rules from the docs
 * passed in. */
#include "unit.h"

#include "check/findings.h"
#include "util/srccache.h"
#include "util/xalloc.h"

struct ffx {
	struct fx *fx;
	struct findings a, b;
};

static int ffx_setup(void **state)
{
	struct ffx *f = calloc(1, sizeof(*f));
	void *fx;

	if (!f || fx_setup(&fx)) {
		free(f);
		return -1;
	}
	f->fx = fx;
	*state = f;
	return 0;
}

static int ffx_teardown(void **state)
{
	struct ffx *f = *state;
	void *fx = f->fx;

	findings_release(&f->a);
	findings_release(&f->b);
	free(f);
	return fx_teardown(&fx);
}

#define FTEST(fn) cmocka_unit_test_setup_teardown(fn, ffx_setup, ffx_teardown)

/* A small set; shift moves every line (as an edit above them would). */
static void fill(struct findings *fs, unsigned shift, bool extra)
{
	struct finding *f;

	f = finding_add(fs, "unmet-select", LEVEL_WARNING, "drivers/Kconfig", 20 + shift, "B", "A>B");
	finding_set_message(f, "A selects B while B's direct dependencies can be unmet");
	finding_add_evidence(f, "x86: A=y selects B\nB: depends on C  (drivers/Kconfig:9) is n");
	finding_add_arch(f, "x86");
	finding_add_arch(f, "arm64");
	finding_add_arch(f, "x86");
	f->selector = xstrdup("A");
	vec_push(f->witnesses, ((struct witness_ref){ xstrdup("x86"), 64, xstrdup("w/x86.config"), NULL }));
	f = finding_add(fs, "dead-symbol", LEVEL_WARNING, "drivers/Kconfig", 5 + shift, "D", "D=any");
	finding_set_message(f, "D can never be set (n on every arch that defines it)");
	f = finding_add(fs, "undefined-symbol", LEVEL_NOTE, "arch/Kconfig", 7 + shift, "U", "U");
	finding_set_message(f, "U is defined only on s390, which never reads this line");
	f = finding_add(fs, "my-rule", LEVEL_WARNING, NULL, 0, NULL, "my-rule");
	finding_set_message(f, "'X' can be n: a rule without a file");
	if (extra) {
		f = finding_add(fs, "dead-symbol", LEVEL_WARNING, "drivers/Kconfig", 6 + shift, "E",
				"E=any");
		finding_set_message(f, "E can never be set");
	}
	findings_finish(fs);
}

static void test_order_evidence_arches(void **state)
{
	struct ffx *F = *state;
	const struct finding *f;

	fill(&F->a, 0, false);
	assert_int_equal(F->a.v.n, 4);
	/* by file, then line */
	assert_string_equal(F->a.v.v[0]->file, "arch/Kconfig");
	assert_string_equal(F->a.v.v[1]->check, "dead-symbol");
	assert_string_equal(F->a.v.v[2]->check, "unmet-select");
	assert_null(F->a.v.v[3]->file);		/* no location: last */
	f = F->a.v.v[2];
	assert_int_equal(f->evidence.n, 2);	/* one entry per line */
	assert_string_equal(f->evidence.v[1], "B: depends on C  (drivers/Kconfig:9) is n");
	assert_int_equal(f->arches.n, 2);	/* x86 once */
	assert_int_equal(findings_count(&F->a, LEVEL_WARNING), 3);
	assert_int_equal(findings_count(&F->a, LEVEL_NOTE), 1);
}

static void test_fingerprints_survive_line_shifts(void **state)
{
	struct ffx *F = *state;

	fill(&F->a, 0, false);
	fill(&F->b, 40, false);
	for (size_t i = 0; i < F->a.v.n; i++) {
		assert_int_equal(strlen(F->a.v.v[i]->fingerprint), 16);
		assert_int_equal(strspn(F->a.v.v[i]->fingerprint, "0123456789abcdef"), 16);
		assert_string_equal(F->a.v.v[i]->fingerprint, F->b.v.v[i]->fingerprint);
		for (size_t k = 0; k < i; k++)
			assert_string_not_equal(F->a.v.v[i]->fingerprint, F->a.v.v[k]->fingerprint);
	}
	/* the same finding in another file is another finding */
	{
		struct findings c = { 0 };
		struct finding *f = finding_add(&c, "dead-symbol", LEVEL_WARNING, "other/Kconfig", 5,
						"D", "D=any");

		finding_set_message(f, "D can never be set");
		findings_finish(&c);
		assert_string_not_equal(c.v.v[0]->fingerprint, F->a.v.v[1]->fingerprint);
		findings_release(&c);
	}
}

static void test_baseline_round_trip(void **state)
{
	struct ffx *F = *state;
	char path[512], *text;
	size_t len;

	fx_mkdtemp(F->fx);
	snprintf(path, sizeof(path), "%s/baseline", F->fx->tmpdir);
	fill(&F->a, 0, false);
	assert_true(findings_write_baseline(&F->a, path));
	text = read_whole_file(path, &len);
	assert_non_null(text);
	assert_true(!strncmp(text, "# kcsat baseline:", 17));
	assert_contains(text, " unmet-select drivers/Kconfig: A selects B");
	assert_contains(text, " my-rule -: 'X' can be n");
	free(text);
	/* later: lines moved and one new finding; only that one stays */
	fill(&F->b, 3, true);
	assert_int_equal(findings_apply_baseline(&F->b, path), 4);
	assert_int_equal(F->b.v.n, 1);
	assert_string_equal(F->b.v.v[0]->symbol, "E");
	assert_int_equal(F->b.v.v[0]->line, 9);
	/* the file written is named, and nothing else is said */
	{
		char want[600];

		snprintf(want, sizeof(want), "kcsat: note: wrote %s\n", path);
		assert_string_equal(cap_text(&F->fx->cap), want);
	}
}

static void test_baseline_errors(void **state)
{
	struct ffx *F = *state;
	char path[512];

	fx_mkdtemp(F->fx);
	fill(&F->a, 0, false);
	fx_write(F->fx, "bad", "# a comment\n\n0123456789abcdef ok\nnot a fingerprint\n");
	snprintf(path, sizeof(path), "%s/bad", F->fx->tmpdir);
	assert_int_equal(findings_apply_baseline(&F->a, path), -1);
	assert_contains(cap_text(&F->fx->cap), "/bad:4: error: not a baseline line (16 hex digits first)");
	snprintf(path, sizeof(path), "%s/missing", F->fx->tmpdir);
	assert_int_equal(findings_apply_baseline(&F->a, path), -1);
	assert_contains(cap_text(&F->fx->cap), "cannot read baseline");
	assert_int_equal(F->a.v.n, 4);	/* nothing dropped */
}

static char *print(const struct findings *fs, enum findings_format fmt)
{
	static const struct check_doc docs[] = {
		{ "dead-symbol", "a symbol no configuration reaches", "kcsat(1), LINT CHECKS: dead-symbol" },
		{ "unmet-select", "a select that can be unmet", "kcsat(1), LINT CHECKS: unmet-select" },
		{ "my-rule", "a rule", "rule help" },
	};
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	findings_print(f, fs, fmt, docs, 3, ".");
	fclose(f);
	return buf;
}

static void test_formats(void **state)
{
	struct ffx *F = *state;
	char *t;

	fill(&F->a, 0, false);
	t = print(&F->a, FF_TEXT);
	assert_contains(t, "drivers/Kconfig:20: warning: A selects B while B's direct dependencies "
			   "can be unmet [unmet-select]\n\tx86: A=y selects B\n\tB: depends on C");
	assert_contains(t, "\twitness (x86 64-bit): w/x86.config\n");
	assert_contains(t, "arch/Kconfig:7: note: U is defined only on s390");
	assert_contains(t, "\nwarning: 'X' can be n: a rule without a file [my-rule]\n");
	free(t);

	t = print(&F->a, FF_JSON);
	assert_contains(t, "\"check\":\"unmet-select\",\"level\":\"warning\",\"file\":\"drivers/Kconfig\","
			   "\"line\":20,\"symbol\":\"B\",\"selector\":\"A\"");
	assert_contains(t, "\"arches\":[\"x86\",\"arm64\"]");
	assert_contains(t, "\"witnesses\":[{\"arch\":\"x86\",\"bits\":64,\"config\":\"w/x86.config\"}]");
	assert_contains(t, "\"warnings\":3,\"notes\":1}");
	free(t);

	t = print(&F->a, FF_SARIF);
	assert_contains(t, "\"version\":\"2.1.0\"");
	assert_contains(t, "{\"id\":\"unmet-select\",\"shortDescription\":{\"text\":\"a select that can be unmet\"}");
	assert_contains(t, "\"help\":{\"text\":\"kcsat(1), LINT CHECKS: unmet-select\"}");
	assert_contains(t, "\"help\":{\"text\":\"rule help\"}");
	assert_contains(t, "{\"ruleId\":\"unmet-select\",\"ruleIndex\":1,\"level\":\"warning\"");
	assert_contains(t, "{\"ruleId\":\"my-rule\",\"ruleIndex\":2,");
	/* undefined-symbol has no doc here: no ruleIndex */
	assert_contains(t, "{\"ruleId\":\"undefined-symbol\",\"level\":\"note\"");
	assert_contains(t, "\"region\":{\"startLine\":20}");
	assert_contains(t, "\"partialFingerprints\":{\"kcsat/v1\":\"");
	free(t);

	t = print(&F->a, FF_GITHUB);
	assert_contains(t, "::warning file=drivers/Kconfig,line=20,title=kcsat unmet-select::A selects B "
			   "while B's direct dependencies can be unmet%0A  x86: A=y selects B%0A  B: depends on C");
	assert_contains(t, "::notice file=arch/Kconfig,line=7,title=kcsat undefined-symbol::");
	assert_contains(t, "::warning title=kcsat my-rule::'X' can be n");
	free(t);
}

/* GitHub's workflow commands: %, CR, LF escaped; in properties : and , */
static void test_github_escapes(void **state)
{
	struct ffx *F = *state;
	struct finding *f = finding_add(&F->a, "c", LEVEL_WARNING, "a:b,c.txt", 1, NULL, "k");
	char *t;

	finding_set_message(f, "100%% sure\r");
	findings_finish(&F->a);
	t = print(&F->a, FF_GITHUB);
	assert_string_equal(t, "::warning file=a%3Ab%2Cc.txt,line=1,title=kcsat c::100%25 sure%0D\n");
	free(t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		FTEST(test_order_evidence_arches),
		FTEST(test_fingerprints_survive_line_shifts),
		FTEST(test_baseline_round_trip),
		FTEST(test_baseline_errors),
		FTEST(test_formats),
		FTEST(test_github_escapes),
	};

	unit_init();
	return cmocka_run_group_tests_name("findings", tests, NULL, NULL);
}
