/* sat.c: incremental solving over a growing cnf, one-shot assumptions,
 * selectors fixed as units or assumed, and UNSAT cores naming the
 * selectors (Kconfig lines) that failed. */
#include "unit.h"

#include <string.h>

#include "sat/cnf.h"
#include "sat/sat.h"

struct sfx {
	struct cnf *c;
	struct sat *s;
};

static int sfx_setup(void **state)
{
	struct sfx *f = calloc(1, sizeof(*f));

	if (!f)
		return -1;
	f->c = cnf_new();
	*state = f;
	return 0;
}

static int sfx_teardown(void **state)
{
	struct sfx *f = *state;

	sat_free(f->s);
	cnf_free(f->c);
	free(f);
	return 0;
}

#define STEST(fn) cmocka_unit_test_setup_teardown(fn, sfx_setup, sfx_teardown)

static bool core_has(const int *core, int lit)
{
	for (; *core; core++)
		if (*core == lit)
			return true;
	return false;
}

static size_t core_len(const int *core)
{
	size_t n = 0;

	while (core[n])
		n++;
	return n;
}

/* A model of (x || y) && (!x || z); the constant var 1 is true. */
static void test_solve_and_values(void **state)
{
	struct sfx *f = *state;
	int x = cnf_new_var(f->c), y = cnf_new_var(f->c), z = cnf_new_var(f->c);

	cnf_clause2(f->c, x, y);
	cnf_clause2(f->c, -x, z);
	f->s = sat_new(f->c, false);
	assert_int_equal(sat_solve(f->s), SAT_SAT);
	assert_true(sat_value(f->s, x) > 0 || sat_value(f->s, y) > 0);
	assert_true(sat_value(f->s, x) < 0 || sat_value(f->s, z) > 0);
	assert_int_equal(sat_value(f->s, x), -sat_value(f->s, -x));
	assert_int_equal(sat_value(f->s, CNF_TRUE), 1);
	assert_int_equal(sat_value(f->s, CNF_FALSE), -1);
	assert_int_equal(sat_calls(f->s), 1);
}

/* Assumptions hold for the next solve only. */
static void test_assumptions_are_one_shot(void **state)
{
	struct sfx *f = *state;
	int x = cnf_new_var(f->c), y = cnf_new_var(f->c);

	cnf_clause2(f->c, x, y);
	f->s = sat_new(f->c, false);
	sat_assume(f->s, -x);
	assert_int_equal(sat_solve(f->s), SAT_SAT);
	assert_int_equal(sat_value(f->s, x), -1);
	assert_int_equal(sat_value(f->s, y), 1);
	sat_assume(f->s, -x);
	sat_assume(f->s, -y);
	assert_int_equal(sat_solve(f->s), SAT_UNSAT);
	/* nothing assumed any more */
	assert_int_equal(sat_solve(f->s), SAT_SAT);
	sat_assume(f->s, -y);
	assert_int_equal(sat_solve(f->s), SAT_SAT);
	assert_int_equal(sat_value(f->s, x), 1);
	assert_int_equal(sat_calls(f->s), 4);
}

/* Clauses added to the cnf after a solve reach the solver by sat_sync()
 * (or by the next sat_solve()), as do new variables and gates. */
static void test_sync_after_new_clauses(void **state)
{
	struct sfx *f = *state;
	int x = cnf_new_var(f->c), y = cnf_new_var(f->c), g;

	cnf_clause2(f->c, x, y);
	f->s = sat_new(f->c, false);
	assert_int_equal(sat_solve(f->s), SAT_SAT);
	cnf_clause1(f->c, -x);
	sat_sync(f->s);
	assert_int_equal(sat_solve(f->s), SAT_SAT);
	assert_int_equal(sat_value(f->s, x), -1);
	assert_int_equal(sat_value(f->s, y), 1);
	/* a gate over a new variable, added without an explicit sync */
	g = cnf_and(f->c, y, cnf_new_var(f->c));
	sat_assume(f->s, g);
	assert_int_equal(sat_solve(f->s), SAT_SAT);
	assert_int_equal(sat_value(f->s, g), 1);
	cnf_clause1(f->c, -y);
	assert_int_equal(sat_solve(f->s), SAT_UNSAT);
	/* syncing twice adds nothing twice, and UNSAT stays UNSAT */
	sat_sync(f->s);
	sat_sync(f->s);
	assert_int_equal(sat_solve(f->s), SAT_UNSAT);
}

/* Without selectors_assumed every selector is a unit clause: the line is
 * simply there, also for selectors created after the solver. */
static void test_selectors_fixed_as_units(void **state)
{
	struct sfx *f = *state;
	int x = cnf_new_var(f->c), y = cnf_new_var(f->c);
	int s1 = cnf_selector(f->c, ITEM_DEPENDS, (struct loc){ 1, 1 }, NULL, NULL);
	int s2;

	cnf_clause2(f->c, -s1, x);
	f->s = sat_new(f->c, false);
	sat_assume(f->s, -x);
	assert_int_equal(sat_solve(f->s), SAT_UNSAT);
	assert_int_equal(sat_solve(f->s), SAT_SAT);
	assert_int_equal(sat_value(f->s, s1), 1);
	s2 = cnf_selector(f->c, ITEM_SELECT, (struct loc){ 1, 2 }, NULL, NULL);
	cnf_clause2(f->c, -s2, y);
	sat_assume(f->s, -y);
	assert_int_equal(sat_solve(f->s), SAT_UNSAT);
}

/* With selectors_assumed, each selector is assumed at every solve; an
 * UNSAT core names the selector whose line is at fault and not the
 * others. */
static void test_core_names_failed_selector(void **state)
{
	struct sfx *f = *state;
	int x = cnf_new_var(f->c), y = cnf_new_var(f->c), z = cnf_new_var(f->c);
	int s1 = cnf_selector(f->c, ITEM_DEPENDS, (struct loc){ 1, 1 }, NULL, NULL);
	int s2 = cnf_selector(f->c, ITEM_SELECT, (struct loc){ 1, 2 }, NULL, NULL);
	int s3 = cnf_selector(f->c, ITEM_DEFAULT, (struct loc){ 1, 3 }, NULL, NULL);
	const int *core;

	cnf_clause2(f->c, -s1, x);		/* line 1: x */
	cnf_clause2(f->c, -s2, y);		/* line 2: y */
	cnf_clause3(f->c, -s3, -y, z);		/* line 3: y -> z */
	f->s = sat_new(f->c, true);
	assert_int_equal(sat_solve(f->s), SAT_SAT);
	assert_int_equal(sat_value(f->s, x), 1);
	assert_int_equal(sat_value(f->s, z), 1);

	sat_assume(f->s, -x);
	assert_int_equal(sat_solve(f->s), SAT_UNSAT);
	core = sat_core(f->s, true);
	assert_true(core_has(core, s1));
	assert_false(core_has(core, s2));
	assert_false(core_has(core, s3));
	assert_true(core_len(core) <= 2);	/* s1 and at most the assumption -x */

	sat_assume(f->s, -z);
	assert_int_equal(sat_solve(f->s), SAT_UNSAT);
	core = sat_core(f->s, true);
	assert_true(core_has(core, s2));
	assert_true(core_has(core, s3));
	assert_false(core_has(core, s1));
	/* the non-minimal core still contains the failed selectors */
	sat_assume(f->s, -z);
	assert_int_equal(sat_solve(f->s), SAT_UNSAT);
	core = sat_core(f->s, false);
	assert_true(core_has(core, s2));
	assert_true(core_has(core, s3));
}

/* Dropping a selector takes its line out for one solve (why-not with that
 * line removed), then it is assumed again. */
static void test_drop_selector(void **state)
{
	struct sfx *f = *state;
	int x = cnf_new_var(f->c);
	int s1 = cnf_selector(f->c, ITEM_DEPENDS, (struct loc){ 1, 1 }, NULL, NULL);

	cnf_clause2(f->c, -s1, x);
	f->s = sat_new(f->c, true);
	sat_assume(f->s, -x);
	sat_drop_selector(f->s, s1);
	assert_int_equal(sat_solve(f->s), SAT_SAT);
	assert_int_equal(sat_value(f->s, s1), -1);
	sat_assume(f->s, -x);
	assert_int_equal(sat_solve(f->s), SAT_UNSAT);
	assert_true(core_has(sat_core(f->s, true), s1));
}

/* sat_core(minimal) on random guarded formulas, checked by enumerating
 * every assignment: the core's selectors (every other selector free) with
 * the assumptions are UNSAT, and each of them is needed.  The last RB
 * clauses hold when their line is taken out (sel || lits), as a Kconfig
 * line can: relaxing a `depends on` lets a default through.  So a line
 * taken out (sat_drop_selector) is not the same as a free one. */
#define RV 5		/* plain variables */
#define RS 12		/* selectors, one guarded clause each: many alternative cores */
#define RB 3

struct rform {
	int var[RV], sel[RS];
	int lits[RS][4], n[RS];	/* clause k: !sel[k] || lits[k]; from RS - RB on sel[k] || lits[k] */
	int ask[2];
	int drop;		/* taken out, 0 if none */
};

static bool lit_true(int lit, const int *val)
{
	return lit > 0 ? val[lit] : !val[-lit];
}

/* Some assignment with the given selectors true, the one taken out false
 * and the assumptions true satisfies every clause (other selectors free:
 * best left false before RS - RB, true from there on). */
static bool rform_sat(const struct rform *F, const int *core, int skip)
{
	int val[RV + RS + 2] = { 0 };

	for (unsigned bits = 0; bits < 1u << RV; bits++) {
		bool ok = true;

		for (int i = 0; i < RV; i++)
			val[F->var[i]] = (bits >> i) & 1;
		for (int k = 0; k < 2 && ok; k++)
			ok = lit_true(F->ask[k], val);
		for (int k = 0; k < RS && ok; k++) {
			bool on = k < RS - RB ? F->sel[k] != skip && core_has(core, F->sel[k])
					      : F->sel[k] == F->drop,
			     any = false;

			for (int j = 0; j < F->n[k] && on; j++)
				any = any || lit_true(F->lits[k][j], val);
			ok = !on || any;
		}
		if (ok)
			return true;
	}
	return false;
}

static void test_minimal_core_random(void **state)
{
	unsigned seed = 7, unsat = 0;

	(void)state;
	for (int round = 0; round < 400; round++) {
		struct cnf *c = cnf_new();
		struct sat *S;
		struct rform F;
		const int *core;

		for (int i = 0; i < RV; i++)
			F.var[i] = cnf_new_var(c);
		for (int k = 0; k < RS; k++) {
			int cl[4];

			F.sel[k] = cnf_selector(c, ITEM_DEPENDS, (struct loc){ 1, (uint32_t)k + 1 }, NULL, NULL);
			F.n[k] = 1 + (int)((seed = seed * 1103515245u + 12345u) >> 16) % 2;
			cl[0] = k < RS - RB ? -F.sel[k] : F.sel[k];
			for (int j = 0; j < F.n[k]; j++) {
				unsigned r = (seed = seed * 1103515245u + 12345u) >> 16;

				F.lits[k][j] = (r & 1 ? 1 : -1) * F.var[(r >> 1) % RV];
				cl[j + 1] = F.lits[k][j];
			}
			cnf_clause(c, cl, F.n[k] + 1);
		}
		for (int k = 0; k < 2; k++) {
			unsigned r = (seed = seed * 1103515245u + 12345u) >> 16;

			F.ask[k] = (r & 1 ? 1 : -1) * F.var[(r >> 1) % RV];
		}
		S = sat_new(c, true);
		sat_assume(S, F.ask[0]);
		sat_assume(S, F.ask[1]);
		/* some rounds take a line out first (why-not's later blocks):
		 * the core must do without it */
		F.drop = round % 2 ? 0 : F.sel[((seed = seed * 1103515245u + 12345u) >> 16) % RS];
		if (F.drop)
			sat_drop_selector(S, F.drop);
		if (sat_solve(S) == SAT_UNSAT) {
			unsat++;
			core = sat_core(S, true);
			assert_false(F.drop && core_has(core, F.drop));
			assert_false(rform_sat(&F, core, 0));
			for (const int *p = core; *p; p++)
				if (*p > 0 && cnf_selector_of(c, *p))
					assert_true(rform_sat(&F, core, *p));
		}
		sat_free(S);
		cnf_free(c);
	}
	assert_true(unsat > 50);
}

/* Selectors created after the solver, in assumed mode, are assumed too. */
static void test_assumed_selectors_added_later(void **state)
{
	struct sfx *f = *state;
	int x = cnf_new_var(f->c);
	int s1, s2;

	f->s = sat_new(f->c, true);
	assert_int_equal(sat_solve(f->s), SAT_SAT);
	s1 = cnf_selector(f->c, ITEM_IMPLY, (struct loc){ 2, 7 }, NULL, NULL);
	s2 = cnf_selector(f->c, ITEM_RANGE, (struct loc){ 2, 8 }, NULL, NULL);
	cnf_clause2(f->c, -s1, x);
	cnf_clause2(f->c, -s2, -x);
	assert_int_equal(sat_solve(f->s), SAT_UNSAT);
	{
		const int *core = sat_core(f->s, true);

		assert_true(core_has(core, s1));
		assert_true(core_has(core, s2));
		assert_int_equal(core_len(core), 2);
	}
	sat_drop_selector(f->s, s2);
	assert_int_equal(sat_solve(f->s), SAT_SAT);
	assert_int_equal(sat_value(f->s, x), 1);
}


/* sat_cover: which of several literals can be true.  x -> !y, z is never
 * true; targets x, y, x&&y (impossible), z (impossible), x||y. */
static void check_cover(struct sfx *f, enum sat_cover_mode mode)
{
	int x = cnf_new_var(f->c), y = cnf_new_var(f->c), z = cnf_new_var(f->c);
	int t[5];
	unsigned char live[5] = { 0 };
	unsigned solves;

	cnf_clause2(f->c, -x, -y);
	cnf_clause1(f->c, -z);
	t[0] = x;
	t[1] = y;
	t[2] = cnf_and(f->c, x, y);
	t[3] = z;
	t[4] = cnf_or(f->c, x, y);
	f->s = sat_new(f->c, false);
	solves = sat_cover(f->s, f->c, t, 5, NULL, 0, live, mode, NULL, NULL);
	assert_true(live[0] && live[1] && live[4]);
	assert_false(live[2] || live[3]);
	assert_true(solves >= 2);	/* x and y never hold together */
	/* under an assumption: with y assumed, x cannot be true */
	memset(live, 0, sizeof(live));
	sat_cover(f->s, f->c, t, 5, (int[]){ y }, 1, live, mode, NULL, NULL);
	assert_false(live[0]);
	assert_true(live[1] && live[4]);
}

static void test_cover_groups(void **state)
{
	check_cover(*state, COVER_ALL);
}

static void test_cover_one_by_one(void **state)
{
	check_cover(*state, COVER_EACH);
}

/* sat_sample: solutions of the clauses before the freeze, extended to the
 * gates added after it; marks only what a solution shows, never an
 * impossible target. */
static void test_sample_after_freeze(void **state)
{
	struct sfx *f = *state;
	int x = cnf_new_var(f->c), y = cnf_new_var(f->c), z = cnf_new_var(f->c);
	int t[5];
	unsigned char live[5] = { 0 };

	cnf_clause2(f->c, -x, -y);
	cnf_clause1(f->c, -z);
	f->s = sat_new(f->c, false);
	sat_freeze(f->s);
	t[0] = cnf_or(f->c, x, y);	/* gates the solver never sees */
	t[1] = cnf_and(f->c, x, y);
	t[2] = z;
	t[3] = cnf_and(f->c, -x, -z);
	t[4] = CNF_FALSE;
	assert_true(sat_sample(f->s, t, 5, live) >= 1);
	assert_false(live[1] || live[2] || live[4]);
	/* z is never true: a solution with x shows x || y, one without x
	 * shows !x && !z */
	assert_true(live[0] || live[3]);
	/* the frozen solver ignores later clauses */
	cnf_clause1(f->c, z);
	assert_int_equal(sat_solve(f->s), SAT_SAT);
}

/* Pigeonhole: P pigeons, H holes, each pigeon somewhere, no hole twice;
 * UNSAT for P > H and hard for resolution. */
static void pigeonhole(struct cnf *c, int P, int H)
{
	int v[12][12];

	for (int p = 0; p < P; p++)
		for (int h = 0; h < H; h++)
			v[p][h] = cnf_new_var(c);
	for (int p = 0; p < P; p++)
		cnf_clause(c, v[p], H);
	for (int h = 0; h < H; h++)
		for (int a = 0; a < P; a++)
			for (int b = a + 1; b < P; b++) {
				int cl[2] = { -v[a][h], -v[b][h] };

				cnf_clause(c, cl, 2);
			}
}

/* A solve past its budget is SAT_UNKNOWN and counted; later solves give up
 * at once until sat_renew(); without a budget the same formula is UNSAT. */
static void test_budget_exhausted(void **state)
{
	struct sfx *f = *state;
	unsigned long long e0 = sat_exhausted();
	int x = cnf_new_var(f->c);

	pigeonhole(f->c, 8, 7);
	f->s = sat_new(f->c, false);
	sat_renew();
	sat_set_budget(20000);
	assert_int_equal(sat_solve(f->s), SAT_UNKNOWN);
	assert_int_equal(sat_exhausted(), e0 + 1);
	assert_true(sat_peak() > 20000);
	/* spent: even a trivial question now gives up */
	sat_assume(f->s, x);
	assert_int_equal(sat_solve(f->s), SAT_UNKNOWN);
	assert_int_equal(sat_exhausted(), e0 + 2);
	sat_renew();
	sat_set_budget(0);
	assert_int_equal(sat_solve(f->s), SAT_UNSAT);
	assert_int_equal(sat_exhausted(), e0 + 2);
	sat_set_budget(SAT_BUDGET_DEFAULT);
	assert_int_equal(sat_budget(), SAT_BUDGET_DEFAULT);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		STEST(test_cover_groups),
		STEST(test_cover_one_by_one),
		STEST(test_sample_after_freeze),
		STEST(test_solve_and_values),
		STEST(test_assumptions_are_one_shot),
		STEST(test_sync_after_new_clauses),
		STEST(test_selectors_fixed_as_units),
		STEST(test_core_names_failed_selector),
		STEST(test_drop_selector),
		cmocka_unit_test(test_minimal_core_random),
		STEST(test_assumed_selectors_added_later),
		STEST(test_budget_exhausted),
	};

	unit_init();
	return cmocka_run_group_tests_name("sat", tests, NULL, NULL);
}
