/* rules.c and rules-check.c: YAML rules loaded with their locations (1-based
 * line and column), every malformed input reported as file:line:col, and
 * rules evaluated on a small plain tree into findings. */
#include "unit.h"

#include "check/findings.h"
#include "check/rules.h"

struct rfx {
	struct fx *fx;
	struct rule_set rs;
	struct findings fs;
	struct load_config o;
	bool have_o;
};

static int rfx_setup(void **state)
{
	struct rfx *r = calloc(1, sizeof(*r));
	void *fx;

	if (!r || fx_setup(&fx)) {
		free(r);
		return -1;
	}
	r->fx = fx;
	fx_mkdtemp(r->fx);
	*state = r;
	return 0;
}

static int rfx_teardown(void **state)
{
	struct rfx *r = *state;
	void *fx = r->fx;

	findings_release(&r->fs);
	rules_release(&r->rs);
	if (r->have_o)
		load_config_release(&r->o);
	free(r);
	return fx_teardown(&fx);
}

#define RTEST(fn) cmocka_unit_test_setup_teardown(fn, rfx_setup, rfx_teardown)

/* Write rel in the temp dir and load it; returns rules_load()'s answer. */
static bool load(struct rfx *r, const char *rel, const char *text)
{
	char path[512];

	fx_write(r->fx, rel, text);
	snprintf(path, sizeof(path), "%s/%s", r->fx->tmpdir, rel);
	return rules_load(&r->rs, path);
}

static const char all_kinds[] =
	"# one rule of each kind\n"
	"- id: a1\n"
	"  description: an assert\n"
	"  assert: \"!A || B\"\n"
	"- id: r.2\n"
	"  description: a reachable\n"
	"  arches: [x86, arm64]\n"
	"  reachable: A && !B\n"
	"- id: i_3\n"
	"  description: an implies\n"
	"  arches: all\n"
	"  implies: {symbol: A, requires: [B, C=y]}\n"
	"- id: f-4\n"
	"  description: a forbids\n"
	"  arches: s390\n"
	"  forbids:\n"
	"    symbol: A\n"
	"    excludes: B\n";

static void test_load_every_kind(void **state)
{
	struct rfx *r = *state;
	const struct rule *v;

	assert_true(load(r, "k.yaml", all_kinds));
	assert_int_equal(r->rs.v.n, 4);
	v = r->rs.v.v;
	assert_string_equal(v[0].id.text, "a1");
	assert_int_equal(v[0].kind, RULE_ASSERT);
	assert_string_equal(v[0].subject.text, "!A || B");
	assert_int_equal(v[0].subject.loc.line, 4);
	assert_int_equal(v[0].subject.col, 11);
	assert_int_equal(v[0].loc.line, 2);	/* the mapping, after "- " */
	assert_int_equal(v[0].col, 3);
	assert_int_equal(v[0].arches.n, 0);
	assert_int_equal(v[1].kind, RULE_REACHABLE);
	assert_int_equal(v[1].arches.n, 2);
	assert_string_equal(v[1].arches.v[1].text, "arm64");
	assert_int_equal(v[1].arches.v[1].col, 17);
	assert_int_equal(v[2].kind, RULE_IMPLIES);
	assert_int_equal(v[2].arches.n, 0);	/* "all" */
	assert_string_equal(v[2].subject.text, "A");
	assert_int_equal(v[2].items.n, 2);
	assert_string_equal(v[2].items.v[1].text, "C=y");
	assert_int_equal(v[3].kind, RULE_FORBIDS);
	assert_int_equal(v[3].items.n, 1);	/* a single expression */
	assert_string_equal(v[3].items.v[0].text, "B");
	assert_int_equal(v[3].items.v[0].loc.line, 18);
	assert_string_equal(v[3].description, "a forbids");
	assert_string_equal(rule_kind_name(v[3].kind), "forbids");
	assert_string_equal(cap_text(&r->fx->cap), "");
}

static void test_rule_applies(void **state)
{
	struct rfx *r = *state;

	assert_true(load(r, "k.yaml", all_kinds));
	assert_true(rule_applies(&r->rs.v.v[0], "x86"));	/* every arch */
	assert_true(rule_applies(&r->rs.v.v[1], "arm64"));
	assert_false(rule_applies(&r->rs.v.v[1], "s390"));
	assert_true(rule_applies(&r->rs.v.v[1], NULL));	/* a plain tree */
}

static void test_check_arches(void **state)
{
	struct rfx *r = *state;
	char a[] = "arm64", x[] = "x86", *have[] = { a, x };

	assert_true(load(r, "k.yaml", all_kinds));
	assert_false(rules_check_arches(&r->rs, have, 2));
	assert_non_null(strstr(cap_text(&r->fx->cap), "k.yaml:15:11: error: unknown arch 's390' in rule 'f-4'"));
	assert_int_equal(diag_error_count(), 1);
}

static void test_empty_documents(void **state)
{
	struct rfx *r = *state;

	assert_true(load(r, "empty.yaml", ""));
	assert_true(load(r, "comments.yaml", "# nothing yet\n"));
	assert_true(load(r, "dashes.yaml", "---\n"));
	assert_int_equal(r->rs.v.n, 0);
	assert_int_equal(diag_error_count(), 0);
}

/* A directory: *.yaml and *.yml in name order, nothing else. */
static void test_load_directory(void **state)
{
	struct rfx *r = *state;
	char path[512];

	fx_write(r->fx, "d", NULL);
	fx_write(r->fx, "d/b.yaml", "- {id: b, description: x, assert: B}\n");
	fx_write(r->fx, "d/a.yml", "- {id: a, description: x, assert: A}\n");
	fx_write(r->fx, "d/c.txt", "not yaml: [\n");
	fx_write(r->fx, "d/.hidden.yaml", "not yaml: [\n");
	snprintf(path, sizeof(path), "%s/./d//", r->fx->tmpdir);
	assert_true(rules_load(&r->rs, path));
	assert_int_equal(r->rs.v.n, 2);
	assert_string_equal(r->rs.v.v[0].id.text, "a");
	assert_string_equal(r->rs.v.v[1].id.text, "b");
	/* the path findings name has "./" and doubled slashes left out */
	snprintf(path, sizeof(path), "%s/d/b.yaml", r->fx->tmpdir);
	assert_string_equal(diag_file_name(r->rs.v.v[1].loc.file), path);
}

static void test_duplicate_id_across_files(void **state)
{
	struct rfx *r = *state;

	assert_true(load(r, "one.yaml", "- {id: x, description: d, assert: A}\n"));
	assert_false(load(r, "two.yaml", "\n- {id: y, description: d, assert: A}\n- {id: x, description: d, assert: B}\n"));
	assert_non_null(strstr(cap_text(&r->fx->cap), "two.yaml:3:8: error: duplicate rule id 'x' (first at "));
	assert_non_null(strstr(cap_text(&r->fx->cap), "one.yaml:1:8)"));
	assert_int_equal(r->rs.v.n, 2);	/* y loaded, the second x not */
}

struct bad_case {
	const char *text, *diag;
};

/* Every error path: its message at file:line:col, and false. */
static void test_errors(void **state)
{
	static const struct bad_case cases[] = {
		{ "- id: a\n  description: d\n  assert: [A\n",
		  "e.yaml:4:1: error: malformed YAML: did not find expected ',' or ']'" },
		{ "- id: a\n  description: d\n  asert: A\n",
		  "e.yaml:3:3: error: unknown key 'asert' in a rule (expected id, description, arches, assert, reachable, implies or forbids)" },
		{ "- description: d\n  assert: A\n", "e.yaml:1:3: error: rule has no 'id'" },
		{ "- id: a\n  assert: A\n", "e.yaml:1:3: error: rule 'a' has no 'description'" },
		{ "- id: a\n  description: d\n", "e.yaml:1:3: error: rule 'a' has none of assert, reachable, implies, forbids" },
		{ "- id: a\n  description: d\n  assert: A ||\n",
		  "e.yaml:3:11: error: bad expression 'A ||' in rule 'a': " },
		{ "- id: a\n  description: d\n  assert: \"\"\n", "e.yaml:3:11: error: bad expression '' in rule 'a'" },
		{ "- id: a\n  description: d\n  implies: {symbol: A, requires: [\"B ==\"]}\n",
		  "e.yaml:3:35: error: bad expression 'B ==' in rule 'a'" },
		{ "- id: a\n  description: d\n  assert: !A\n",
		  "e.yaml:3:11: error: 'assert': unexpected YAML tag '!A' (quote an expression that starts with '!')" },
		{ "- id: a\n  description: d\n  assert: A\n  reachable: A\n",
		  "e.yaml:4:14: error: rule 'a' has both 'assert' and 'reachable' (one kind per rule)" },
		{ "- id: a\n  id: b\n", "e.yaml:2:3: error: duplicate key 'id' in a rule" },
		{ "- id: 'x y'\n  description: d\n  assert: A\n", "e.yaml:1:7: error: bad rule id 'x y'" },
		{ "- id: -x\n  description: d\n  assert: A\n", "e.yaml:1:7: error: bad rule id '-x'" },
		{ "- id: unmet-select\n  description: d\n  assert: A\n",
		  "e.yaml:1:7: error: rule id 'unmet-select' is the name of a lint check" },
		{ "- id: [a]\n  description: d\n  assert: A\n", "e.yaml:1:7: error: 'id' must be a string" },
		{ "- id: a\n  description: d\n  arches: {x86: y}\n  assert: A\n",
		  "e.yaml:3:11: error: 'arches' must be an arch name or a list of them" },
		{ "- id: a\n  description: d\n  arches: []\n  assert: A\n", "e.yaml:3:11: error: 'arches' is an empty list" },
		{ "- id: a\n  description: d\n  implies: A\n",
		  "e.yaml:3:12: error: 'implies' must be a mapping with 'symbol' and 'requires'" },
		{ "- id: a\n  description: d\n  forbids: {symbol: A}\n", "e.yaml:3:12: error: 'forbids' has no 'excludes'" },
		{ "- id: a\n  description: d\n  forbids: {excludes: A}\n", "e.yaml:3:12: error: 'forbids' has no 'symbol'" },
		{ "- id: a\n  description: d\n  forbids: {symbol: A, requires: B}\n",
		  "e.yaml:3:24: error: unknown key 'requires' in 'forbids' (expected symbol or excludes)" },
		{ "- id: a\n  description: d\n  implies: {symbol: A, requires: [[B]]}\n",
		  "e.yaml:3:35: error: 'requires' must be a string" },
		{ "- id: a\n  description: d\n  ? [k]\n  : v\n", "e.yaml:3:5: error: keys of a rule must be strings" },
		{ "id: a\n", "e.yaml:1:1: error: expected a list of rules ('- id: ...')" },
		{ "- just a string\n", "e.yaml:1:3: error: expected a rule (a mapping with id, description and a kind)" },
		{ "- id: a\n  description: *nope\n", "e.yaml:2:16: error: malformed YAML: found undefined alias" },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct rfx *r = *state;
		const char *text;

		cap_end(&r->fx->cap);
		cap_start(&r->fx->cap);
		diag_reset_counts();
		if (load(r, "e.yaml", cases[i].text))
			fail_msg("case %zu loads: %s", i, cases[i].text);
		text = cap_text(&r->fx->cap);
		if (!strstr(text, cases[i].diag))
			fail_msg("case %zu: expected \"%s\" in \"%s\"", i, cases[i].diag, text);
		if (diag_error_count() < 1)
			fail_msg("case %zu: no error counted", i);
		rules_release(&r->rs);
	}
}

static void test_missing_paths(void **state)
{
	struct rfx *r = *state;
	char path[512];

	snprintf(path, sizeof(path), "%s/none", r->fx->tmpdir);
	assert_false(rules_load(&r->rs, path));
	assert_non_null(strstr(cap_text(&r->fx->cap), "kcsat: error: cannot read rules '"));
	fx_write(r->fx, "emptydir", NULL);
	snprintf(path, sizeof(path), "%s/emptydir", r->fx->tmpdir);
	assert_false(rules_load(&r->rs, path));
	assert_non_null(strstr(cap_text(&r->fx->cap), "(*.yaml or *.yml files)"));
	assert_false(rules_load(&r->rs, ""));
}

/* ---- rules_check on a plain tree ---- */

static const char tree[] =
	"config A\n"
	"\tbool \"a\"\n"
	"\tselect C\n"
	"config B\n"
	"\tbool \"b\"\n"
	"\tdepends on !A\n"
	"config C\n"
	"\tbool\n"
	"config D\n"
	"\tbool \"d\"\n"
	"\tdepends on A\n";

static int check(struct rfx *r, const char *rules, const char *witness_dir)
{
	int rc;

	fx_write(r->fx, "Kconfig", tree);
	assert_true(load(r, "r.yaml", rules));
	load_config_init(&r->o);
	r->have_o = true;
	r->o.srctree = r->fx->tmpdir;	/* a plain tree: no arches */
	rc = rules_check(&r->o, &r->rs, witness_dir, &r->fs);
	findings_finish(&r->fs);
	return rc;
}

static bool has_evidence(const struct finding *f, const char *text)
{
	for (size_t i = 0; i < f->evidence.n; i++)
		if (strstr(f->evidence.v[i], text))
			return true;
	return false;
}

static void test_check_holds_and_violations(void **state)
{
	struct rfx *r = *state;
	const struct finding *f;
	char w[512];

	snprintf(w, sizeof(w), "%s/w", r->fx->tmpdir);
	fx_write(r->fx, "w", NULL);
	assert_int_equal(check(r,
		"- {id: held, description: A selects C, implies: {symbol: A, requires: C}}\n"
		"- {id: excl, description: A and B exclude each other, forbids: {symbol: A, excludes: B}}\n"
		"- {id: d-reach, description: D with A, reachable: D && A}\n"
		"- {id: broken, description: B needs C, implies: {symbol: B, requires: [C]}}\n"
		"- {id: blocked, description: D without A, reachable: D && !A}\n"
		"- {id: always-a, description: A always, assert: A}\n", w), EXIT_OK);
	assert_int_equal(r->fs.v.n, 3);	/* sorted by line */
	f = r->fs.v.v[0];
	assert_string_equal(f->check, "broken");
	assert_int_equal(f->line, 4);
	assert_string_equal(f->symbol, "B");
	assert_string_equal(f->key, "broken");
	assert_string_equal(f->message, "'B' can hold without what it requires: B needs C");
	assert_true(has_evidence(f, "tree: 'B' without 'C', with B=y C=n"));
	assert_int_equal(f->witnesses.n, 1);
	assert_non_null(strstr(f->witnesses.v[0].path, "/w/broken-tree.config"));
	assert_string_equal(f->arches.v[0], "tree");
	f = r->fs.v.v[1];
	assert_string_equal(f->check, "blocked");
	assert_true(has_evidence(f, "tree: 'D && !A' can never hold; blocked by:"));
	assert_true(has_evidence(f, "    D: depends on A  (Kconfig:11)"));
	assert_int_equal(f->witnesses.n, 0);
	f = r->fs.v.v[2];
	assert_string_equal(f->check, "always-a");
	assert_true(has_evidence(f, "tree: 'A' is n, with A=n"));
	assert_int_equal(strlen(f->fingerprint), 16);
}

static void test_check_select_evidence(void **state)
{
	struct rfx *r = *state;

	assert_int_equal(check(r, "- {id: no-c, description: C is off, assert: \"!C\"}\n", NULL), EXIT_OK);
	assert_int_equal(r->fs.v.n, 1);
	assert_true(has_evidence(r->fs.v.v[0], "tree: '!C' is n, with C=y"));
	assert_true(has_evidence(r->fs.v.v[0], "    C=y: A=y has `select C`  (Kconfig:3)"));
}

static void test_check_undefined_symbol(void **state)
{
	struct rfx *r = *state;

	assert_int_equal(check(r, "- id: typo\n  description: d\n  implies: {symbol: A, requires: [X && Y]}\n", NULL),
			 EXIT_ERROR);
	assert_non_null(strstr(cap_text(&r->fx->cap),
			       "r.yaml:3:35: error: rule 'typo' names 'X', which the tree does not define"));
	assert_non_null(strstr(cap_text(&r->fx->cap), "names 'Y'"));
}

/* Numbers and y/m/n constants are not symbols a tree must define. */
static void test_check_constants(void **state)
{
	struct rfx *r = *state;

	assert_int_equal(check(r, "- {id: c, description: d, assert: \"A || !A || 4 = 0x4 || m\"}\n", NULL), EXIT_OK);
	assert_int_equal(r->fs.v.n, 0);
	assert_int_equal(diag_error_count(), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		RTEST(test_load_every_kind),
		RTEST(test_rule_applies),
		RTEST(test_check_arches),
		RTEST(test_empty_documents),
		RTEST(test_load_directory),
		RTEST(test_duplicate_id_across_files),
		RTEST(test_errors),
		RTEST(test_missing_paths),
		RTEST(test_check_holds_and_violations),
		RTEST(test_check_select_evidence),
		RTEST(test_check_undefined_symbol),
		RTEST(test_check_constants),
	};

	return cmocka_run_group_tests_name("rules", tests, NULL, NULL);
}
