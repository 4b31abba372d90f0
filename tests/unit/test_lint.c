/* lint.  Round 1: the answers settled on cone models (what random
 * solutions of the whole model leave open) must be the answers of the
 * whole model (random acyclic trees, every check on, facts compared line
 * by line).  The merge: facts of two arches' trees into findings, "never"
 * meaning on every arch that reads the line, "undefined" on no arch, a
 * class that holds on some arches only a note; suppressions. */
#include "unit.h"

#include <stdlib.h>
#include <string.h>

#include "check/findings.h"
#include "check/lint.h"
#include "util/strbuf.h"

#define NSYM 60

static struct kctree *load(const char *text)
{
	struct vfile files[] = { { "Kconfig", text }, { NULL, NULL } };
	struct load_config o = { .srctree = ".", .kversion = 612, .vfs = vfs_lookup, .vfs_ctx = files };

	return kctree_load(&o, NULL);
}

static unsigned next(unsigned *seed)
{
	*seed = *seed * 1103515245u + 12345u;
	return (*seed >> 16) & 0x7fff;
}

/* A random expression over symbols below `below` (deps point down, selects
 * point up: no loops). */
static void expr(struct strbuf *sb, unsigned *seed, int below, int depth)
{
	int k = (int)(next(seed) % 6);

	if (below < 1 || (depth > 1 && k < 4) || k < 2) {
		if (below < 1 || next(seed) % 8 == 0)
			sb_adds(sb, next(seed) % 2 ? "64BIT" : "MODULES");
		else
			sb_addf(sb, "S%d", (int)(next(seed) % (unsigned)below));
		return;
	}
	if (k == 2) {
		sb_adds(sb, "!");
		expr(sb, seed, below, depth + 1);
		return;
	}
	sb_adds(sb, "(");
	expr(sb, seed, below, depth + 1);
	sb_adds(sb, k == 3 ? " || " : " && ");
	expr(sb, seed, below, depth + 1);
	sb_adds(sb, ")");
}

static void random_tree(struct strbuf *sb, unsigned seed)
{
	sb_adds(sb, "config MODULES\n\tbool \"modules\"\n\tmodules\n"
		    "config 64BIT\n\tbool \"64-bit\"\n");
	for (int i = 0; i < NSYM; i++) {
		bool tri = next(&seed) % 2;

		sb_addf(sb, "config S%d\n\t%s", i, tri ? "tristate" : "bool");
		if (next(&seed) % 3)
			sb_addf(sb, " \"S%d\"", i);
		sb_adds(sb, "\n");
		for (int d = (int)(next(&seed) % 3); d > 0; d--) {
			sb_adds(sb, "\tdepends on ");
			expr(sb, &seed, i, 0);
			if (next(&seed) % 3 == 0) {	/* a conjunction, for redundancy */
				sb_adds(sb, " && ");
				expr(sb, &seed, i, 1);
			}
			sb_adds(sb, "\n");
		}
		if (next(&seed) % 2) {
			sb_adds(sb, "\tdefault ");
			if (next(&seed) % 2)
				sb_adds(sb, next(&seed) % 2 ? "y" : "m");
			else
				expr(sb, &seed, i, 1);
			if (next(&seed) % 2) {
				sb_adds(sb, " if ");
				expr(sb, &seed, i, 1);
			}
			sb_adds(sb, "\n");
		}
		for (int k = (int)(next(&seed) % 3); k > 0 && i + 1 < NSYM; k--) {
			int to = i + 1 + (int)(next(&seed) % (unsigned)(NSYM - i - 1));

			sb_addf(sb, "\t%s S%d", next(&seed) % 4 ? "select" : "imply", to);
			if (next(&seed) % 3 == 0) {
				sb_adds(sb, " if ");
				expr(sb, &seed, i, 1);
			}
			sb_adds(sb, "\n");
		}
	}
}

/* Facts without times, and (unless exact) unmet selects without the
 * solution they were read from (two solvers may show the same select with
 * different values). */
static void normalise(const char *in, bool exact, struct strbuf *out)
{
	const char *line = in;

	while (*line) {
		const char *end = strchr(line, '\n');
		size_t len = end ? (size_t)(end - line) : strlen(line), n = len;

		if (strncmp(line, "time\t", 5)) {
			if (!exact && !strncmp(line, "unmet\t", 6)) {
				const char *p = line;

				/* kind, file, line, sym, target, efile, eline */
				for (int f = 0; f < 7 && p; f++)
					p = memchr(p + 1, '\t', len - (size_t)(p + 1 - line));
				if (p)
					n = (size_t)(p - line);
			}
			sb_addf(out, "%.*s\n", (int)n, line);
		}
		line += len + (end ? 1 : 0);
	}
}

/* Round 1's facts on the whole model, or on cone models with or without
 * a helper process (spare), normalised unless exact. */
static void facts(struct kctree *t, bool whole, int spare, bool exact, struct strbuf *out)
{
	struct lint_options lo = { .enabled = LINT_ALL_CHECKS, .whole_model = whole, .spare = spare };
	struct lint *L = lint_new(&lo);
	struct strbuf raw = STRBUF_INIT;

	lint_tree_facts(L, t, "tree", &raw);
	lint_free(L);
	normalise(sb_str(&raw), exact, out);
	sb_release(&raw);
}

static void test_cones_answer_like_the_whole_model(void **state)
{
	unsigned checked = 0, lines = 0;

	(void)state;
	for (unsigned seed = 1; seed <= 100; seed++) {
		struct strbuf text = STRBUF_INIT, a = STRBUF_INIT, b = STRBUF_INIT;
		struct kctree *t;

		random_tree(&text, seed);
		t = load(sb_str(&text));
		assert_non_null(t);
		facts(t, false, 0, false, &a);
		facts(t, true, 0, false, &b);
		if (strcmp(sb_str(&a), sb_str(&b)) && getenv("KCSAT_TEST_DUMP")) {
			FILE *f = fopen(getenv("KCSAT_TEST_DUMP"), "w");

			fprintf(f, "--- cones\n%s--- whole\n%s--- tree\n%s", sb_str(&a), sb_str(&b),
				sb_str(&text));
			fclose(f);
		}
		if (strcmp(sb_str(&a), sb_str(&b)))
			fail_msg("seed %u: cone answers differ\n--- cones\n%s--- whole\n%s\n--- tree\n%s",
				 seed, sb_str(&a), sb_str(&b), sb_str(&text));
		for (const char *p = sb_str(&a); (p = strchr(p, '\n')); p++)
			lines++;
		checked++;
		kctree_free(t);
		sb_release(&text);
		sb_release(&a);
		sb_release(&b);
	}
	assert_int_equal(checked, 100);
	assert_true(lines > 100 * 3);	/* the trees do have findings */
}

/* A helper process sharing the cover (--jobs with a core to spare) gives
 * the very facts of the job alone, byte for byte (but the times), unmet
 * evidence included, on trees with every kind of finding. */
static void test_helper_answers_like_the_job_alone(void **state)
{
	unsigned unmet = 0;

	(void)state;
	for (unsigned seed = 1; seed <= 40; seed++) {
		struct strbuf text = STRBUF_INIT, a = STRBUF_INIT, b = STRBUF_INIT;
		struct kctree *t;

		random_tree(&text, seed);
		t = load(sb_str(&text));
		assert_non_null(t);
		facts(t, false, 0, true, &a);
		facts(t, false, 1, true, &b);
		if (strcmp(sb_str(&a), sb_str(&b)))
			fail_msg("seed %u: the helper's facts differ\n--- alone\n%s--- helper\n%s\n"
				 "--- tree\n%s", seed, sb_str(&a), sb_str(&b), sb_str(&text));
		for (const char *p = sb_str(&a); (p = strstr(p, "\nunmet\t")); p++)
			unmet++;
		kctree_free(t);
		sb_release(&text);
		sb_release(&a);
		sb_release(&b);
	}
	assert_true(unmet > 0);	/* the helper's own records were compared too */
}

/* ---- the merge ---- */

static const char common[] =
	"config BASE\n\tbool \"base\"\n"
	"config MID\n\tbool \"mid\"\n\tdepends on BASE\n"
	/* redundant on both arches */
	"config RED\n\tbool \"red\"\n\tdepends on MID && BASE\n"
	/* redundant on a only (MID2 depends on BASE there) */
	"config RED2\n\tbool \"red2\"\n\tdepends on MID2 && BASE\n"
	"config NEVER_SET\n\tbool\n"
	"config DEAD_EVERYWHERE\n\tbool \"dead\"\n\tdepends on NEVER_SET\n"
	/* dead on a, where ARCH_B is not defined, but not on b */
	"config DEAD_ON_A\n\tbool \"dead on a\"\n\tdepends on ARCH_B\n"
	"config USES_NOWHERE\n\tbool \"uses\"\n\tdepends on BASE || NOWHERE_SYM\n"
	"# kcsat: disable=dead-symbol\n"
	"config SILENCED\n\tbool \"silenced\"\n\tdepends on NEVER_SET\n"
	"config TARGET\n\tbool\n\tdepends on BASE\n"
	"config SELECTOR\n\tbool \"selector\"\n\tselect TARGET\n";

static const struct vfile tree_a[] = {
	{ "Kconfig", "config ARCH_A\n\tdef_bool y\n"
		     "config MID2\n\tbool \"mid2\"\n\tdepends on BASE\n"
		     "source \"common/Kconfig\"\nsource \"onlya/Kconfig\"\n" },
	{ "common/Kconfig", common },
	/* read on a only: BONLY is b's */
	{ "onlya/Kconfig", "config USES_B\n\tbool \"uses b\"\n\tdepends on BASE || BONLY\n" },
	{ NULL, NULL },
};

static const struct vfile tree_b[] = {
	{ "Kconfig", "config ARCH_B\n\tdef_bool y\n"
		     "config BONLY\n\tbool \"b only\"\n"
		     "config MID2\n\tbool \"mid2\"\n"
		     "source \"common/Kconfig\"\n" },
	{ "common/Kconfig", common },
	{ NULL, NULL },
};

struct mfx {
	struct fx *fx;
	struct findings fs;
};

static int mfx_setup(void **state)
{
	struct mfx *m = calloc(1, sizeof(*m));
	void *fx;

	if (!m || fx_setup(&fx)) {
		free(m);
		return -1;
	}
	m->fx = fx;
	*state = m;
	return 0;
}

static int mfx_teardown(void **state)
{
	struct mfx *m = *state;
	void *fx = m->fx;

	findings_release(&m->fs);
	free(m);
	return fx_teardown(&fx);
}

/* Round 1 on each tree as arch a and b, then the merge. */
static void lint_two(struct mfx *m, unsigned enabled)
{
	static char na[] = "a", nb[] = "b";
	char *names[] = { na, nb };
	const struct vfile *trees[] = { tree_a, tree_b };
	struct lint_options lo = { .enabled = enabled };
	struct lint *L = lint_new(&lo);
	struct load_config c;

	load_config_init(&c);
	c.arches.v = names;	/* not released: not ours */
	c.arches.n = 2;
	for (size_t i = 0; i < 2; i++) {
		struct load_config tc = { .srctree = ".", .kversion = 612, .vfs = vfs_lookup,
					  .vfs_ctx = trees[i] };
		struct kctree *t = kctree_load(&tc, NULL);
		struct strbuf facts = STRBUF_INIT;

		if (!t)
			fail_msg("tree %s does not load:\n%s", names[i], cap_text(&m->fx->cap));
		lint_tree_facts(L, t, names[i], &facts);
		lint_add_facts(L, i, sb_str(&facts));
		sb_release(&facts);
		kctree_free(t);
	}
	assert_int_equal(lint_merge_facts(L, &c, &m->fs), EXIT_OK);
	lint_free(L);
}

static const struct finding *find(const struct findings *fs, const char *check, const char *msg)
{
	for (size_t i = 0; i < fs->v.n; i++)
		if (!strcmp(fs->v.v[i]->check, check) && strstr(fs->v.v[i]->message, msg))
			return fs->v.v[i];
	return NULL;
}

static void dump(const struct findings *fs)
{
	for (size_t i = 0; i < fs->v.n; i++)
		fprintf(stderr, "%s:%u: %s [%s]\n", fs->v.v[i]->file, fs->v.v[i]->line,
			fs->v.v[i]->message, fs->v.v[i]->check);
}

static const struct finding *must_find(const struct findings *fs, const char *check,
				       const char *msg)
{
	const struct finding *f = find(fs, check, msg);

	if (!f) {
		dump(fs);
		fail_msg("no %s finding with '%s'", check, msg);
	}
	return f;
}

static void test_merge_dead_means_every_arch(void **state)
{
	struct mfx *m = *state;
	const struct finding *f;

	lint_two(m, 1u << LC_DEAD_SYMBOL);
	/* dead only because NEVER_SET is, which is the warning */
	f = must_find(&m->fs, "dead-symbol", "DEAD_EVERYWHERE can never be set (n on every arch");
	assert_int_equal(f->level, LEVEL_NOTE);
	assert_string_equal(f->cls, "dead-dependency");
	assert_string_equal(f->file, "common/Kconfig");
	assert_int_equal(f->line, 14);
	assert_int_equal(f->arches.n, 2);
	f = must_find(&m->fs, "dead-symbol", "NEVER_SET can never be set (n on every arch");
	assert_int_equal(f->level, LEVEL_WARNING);
	assert_string_equal(f->cls, "unreachable");
	assert_null(find(&m->fs, "dead-symbol", "DEAD_ON_A"));	/* reachable on b */
	assert_null(find(&m->fs, "dead-symbol", "SILENCED"));	/* the comment */
	assert_null(find(&m->fs, "dead-symbol", "BASE"));
}

static void test_merge_undefined_and_notes(void **state)
{
	struct mfx *m = *state;
	const struct finding *f;

	lint_two(m, 1u << LC_UNDEFINED_SYM);
	f = must_find(&m->fs, "undefined-symbol", "NOWHERE_SYM is referenced but defined on no arch");
	assert_int_equal(f->level, LEVEL_WARNING);
	assert_int_equal(f->arches.n, 2);
	/* BONLY is b's, and only a reads onlya/Kconfig */
	f = must_find(&m->fs, "undefined-symbol", "BONLY is defined only on b, which never reads this line");
	assert_int_equal(f->level, LEVEL_NOTE);
	assert_string_equal(f->file, "onlya/Kconfig");
	/* ARCH_B is b's too, but b reads common/Kconfig: nothing to say */
	assert_null(find(&m->fs, "undefined-symbol", "ARCH_B"));
}

static void test_merge_redundant_warning_or_note(void **state)
{
	struct mfx *m = *state;
	const struct finding *f;

	lint_two(m, 1u << LC_REDUNDANT_DEP);
	f = must_find(&m->fs, "redundant-dependency",
		      "RED: `depends on BASE` is implied by its other dependencies, on all 2 arches");
	assert_int_equal(f->level, LEVEL_NOTE);	/* documentation: class implied */
	assert_string_equal(f->cls, "implied");
	f = must_find(&m->fs, "redundant-dependency",
		      "RED2: `depends on BASE` is implied by its other dependencies only on a");
	assert_int_equal(f->level, LEVEL_NOTE);
	assert_int_equal(f->arches.n, 1);
	assert_string_equal(f->arches.v[0], "a");
}

static void test_merge_unmet_select_per_arch(void **state)
{
	struct mfx *m = *state;
	const struct finding *f;

	lint_two(m, 1u << LC_UNMET_SELECT);
	f = must_find(&m->fs, "unmet-select",
		      "SELECTOR selects TARGET while TARGET's direct dependencies can be unmet, on all 2 arches");
	assert_string_equal(f->selector, "SELECTOR");
	assert_string_equal(f->symbol, "TARGET");
	/* both arches give the same line: one block naming both, then the
	 * whole story of the first (and no line of b's alone) */
	assert_true(f->evidence.n >= 6);
	assert_true(!strncmp(f->evidence.v[0], "on a, b: SELECTOR=y selects TARGET", 34));
	assert_string_equal(f->evidence.v[1], "conf: unmet direct dependencies detected for TARGET");
	assert_true(!strncmp(f->evidence.v[2], "  Depends on [n]: ", 18));
	assert_string_equal(f->evidence.v[3], "  Selected by [y]:");
	assert_true(!strncmp(f->evidence.v[4], "  - SELECTOR [=y]", 17));
	assert_true(!strncmp(f->evidence.v[5], "TARGET: depends on BASE", 23));
	for (size_t k = 1; k < f->evidence.n; k++)
		assert_null(strstr(f->evidence.v[k], "SELECTOR=y selects TARGET"));
}

/* Checks that are off find nothing. */
static void test_merge_only_enabled_checks(void **state)
{
	struct mfx *m = *state;

	lint_two(m, 0);
	assert_int_equal(m->fs.v.n, 0);
}

#define MTEST(fn) cmocka_unit_test_setup_teardown(fn, mfx_setup, mfx_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cones_answer_like_the_whole_model),
		cmocka_unit_test(test_helper_answers_like_the_job_alone),
		MTEST(test_merge_dead_means_every_arch),
		MTEST(test_merge_undefined_and_notes),
		MTEST(test_merge_redundant_warning_or_note),
		MTEST(test_merge_unmet_select_per_arch),
		MTEST(test_merge_only_enabled_checks),
	};

	unit_init();
	return cmocka_run_group_tests_name("lint", tests, NULL, NULL);
}
