#include "sat/sat.h"

#include <picosat/picosat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sat/cnf.h"
#include "util/diag.h"
#include "util/vec.h"
#include "util/xalloc.h"

struct sat {
	PicoSAT *ps;
	const struct cnf *cnf;
	size_t synced;		/* clauses already added */
	size_t sels_synced;	/* selectors already fixed (units mode) */
	size_t inputs_synced;
	bool assumed;
	bool frozen;		/* sat_freeze(): no more clauses from the cnf */
	bool cover;		/* sat_new_cover(): no branching on inputs first */
	intvec assumptions;	/* of the next solve */
	intvec dropped;
	intvec core;
	intvec last;		/* the last solve's own assumptions */
	intvec last_dropped;	/* and its dropped selectors */
	intvec unassumed;	/* selectors left free in the next solve */
	unsigned long long calls;
	unsigned long long visits0;	/* at the start of the running solve */
	int res;		/* of the last solve (PICOSAT_*) */
};

const char *sat_solver_version(void)
{
	static char v[64];

	if (!v[0])
		snprintf(v, sizeof(v), "picosat %s", picosat_version());
	return v;
}

/* The budget of every solve, in clause visits (0: none), and what the
 * process spent: solves that ran out, the most one solve used. */
static unsigned long long budget = SAT_BUDGET_DEFAULT, nexhausted, peak;
/* Once a solve has run out, the rest of the job's answer is unknown
 * anyway: later solves give up at once (a lint of a hostile arch would
 * otherwise spend the budget thousands of times), until sat_renew(). */
static bool spent;
/* --sat-stats: this job's solves and the most clause visits one used. */
static bool stats;
static unsigned long long job_solves, job_peak;

void sat_renew(void)
{
	spent = false;
	job_solves = job_peak = 0;
}

void sat_set_stats(bool on)
{
	stats = on;
}

void sat_job_stats(const char *what, const char *name)
{
	if (!stats)
		return;
	if (budget)
		diag_note((struct loc){ 0, 0 },
			  "%s %s: sat: %llu solves, the largest %llu clause visits (%.4f%% of the budget %llu)",
			  what, name, job_solves, job_peak, 100.0 * (double)job_peak / (double)budget,
			  budget);
	else
		diag_note((struct loc){ 0, 0 },
			  "%s %s: sat: %llu solves, the largest %llu clause visits (no budget)", what,
			  name, job_solves, job_peak);
}

void sat_set_budget(unsigned long long props)
{
	budget = props;
}

unsigned long long sat_budget(void)
{
	return budget;
}

unsigned long long sat_exhausted(void)
{
	return nexhausted;
}

unsigned long long sat_peak(void)
{
	return peak;
}

void sat_add_exhausted(unsigned long long n, unsigned long long helper_peak)
{
	nexhausted += n;
	if (n)
		spent = true;
	if (helper_peak > peak)
		peak = helper_peak;
	if (helper_peak > job_peak)	/* --sat-stats: the helper's solves are the job's */
		job_peak = helper_peak;
}

/* PicoSAT's interrupt hook, checked as it searches: the solve gives up
 * once it has visited its budget of clauses.  Clause visits, not
 * propagations (PicoSAT's own limit): on a pigeonhole formula the cost of
 * one propagation grows twentyfold as learned clauses pile up, while the
 * cost of a visit stays within a factor of two. */
static int over_budget(void *ctx)
{
	struct sat *s = ctx;

	return budget && picosat_visits(s->ps) - s->visits0 > budget;
}

/* Every picosat_sat() of this file.  An UNKNOWN past the budget is an
 * exhausted solve (a decision limit of the sampling gives UNKNOWN too,
 * within it). */
static int solve_budgeted(struct sat *s, int decisions)
{
	unsigned long long used;
	int r;

	if (spent) {
		nexhausted++;
		return s->res = PICOSAT_UNKNOWN;
	}
	s->visits0 = picosat_visits(s->ps);
	r = picosat_sat(s->ps, decisions);
	used = picosat_visits(s->ps) - s->visits0;
	if (used > peak)
		peak = used;
	if (used > job_peak)
		job_peak = used;
	job_solves++;
	if (r == PICOSAT_UNKNOWN && budget && used > budget) {
		nexhausted++;
		spent = true;
	}
	return s->res = r;
}

static struct sat *make(const struct cnf *c, bool selectors_assumed, bool cover)
{
	struct sat *s = xcalloc(1, sizeof(*s));

	s->ps = picosat_init();
	picosat_set_interrupt(s->ps, s, over_budget);
	s->cnf = c;
	s->assumed = selectors_assumed;
	s->cover = cover;
	sat_sync(s);
	return s;
}

struct sat *sat_new(const struct cnf *c, bool selectors_assumed)
{
	return make(c, selectors_assumed, false);
}

struct sat *sat_new_cover(const struct cnf *c)
{
	return make(c, false, true);
}

void sat_free(struct sat *s)
{
	if (!s)
		return;
	picosat_reset(s->ps);
	vec_release(s->assumptions);
	vec_release(s->dropped);
	vec_release(s->last);
	vec_release(s->last_dropped);
	vec_release(s->unassumed);
	vec_release(s->core);
	free(s);
}

void sat_sync(struct sat *s)
{
	size_t nlits, n = cnf_nclauses(s->cnf);
	const int *lits = cnf_lits(s->cnf, &nlits);
	const size_t *starts = cnf_clause_starts(s->cnf);

	if (s->frozen)
		return;
	picosat_adjust(s->ps, cnf_nvars(s->cnf));
	{
		size_t ni;
		const int *in = cnf_inputs(s->cnf, &ni);

		/* Branch on symbol values; gates follow by propagation (a
		 * cover's solver decides its targets first instead). */
		for (; s->inputs_synced < ni && !s->cover; s->inputs_synced++)
			picosat_set_more_important_lit(s->ps, in[s->inputs_synced]);
	}
	for (; s->synced < n; s->synced++) {
		for (size_t j = starts[s->synced]; j < starts[s->synced + 1]; j++)
			picosat_add(s->ps, lits[j]);
		picosat_add(s->ps, 0);
	}
	if (!s->assumed)
		for (; s->sels_synced < cnf_nselectors(s->cnf); s->sels_synced++) {
			picosat_add(s->ps, cnf_selector_at(s->cnf, s->sels_synced)->var);
			picosat_add(s->ps, 0);
		}
}

void sat_assume(struct sat *s, int lit)
{
	vec_push(s->assumptions, lit);
}

void sat_drop_selector(struct sat *s, int var)
{
	vec_push(s->dropped, var);
}

static bool has(const int *v, size_t n, int x)
{
	for (size_t i = 0; i < n; i++)
		if (v[i] == x)
			return true;
	return false;
}

static bool dropped(const struct sat *s, int var)
{
	for (size_t i = 0; i < s->dropped.n; i++)
		if (s->dropped.v[i] == var)
			return true;
	return false;
}

enum sat_result sat_solve(struct sat *s)
{
	int r;

	sat_sync(s);
	if (s->assumed)
		for (size_t i = 0; i < cnf_nselectors(s->cnf); i++) {
			int v = cnf_selector_at(s->cnf, i)->var;

			if (!has(s->unassumed.v, s->unassumed.n, v))
				picosat_assume(s->ps, dropped(s, v) ? -v : v);
		}
	s->last.n = 0;
	for (size_t i = 0; i < s->assumptions.n; i++) {
		picosat_assume(s->ps, s->assumptions.v[i]);
		vec_push(s->last, s->assumptions.v[i]);
	}
	s->assumptions.n = 0;
	s->last_dropped.n = 0;
	for (size_t i = 0; i < s->dropped.n; i++)
		vec_push(s->last_dropped, s->dropped.v[i]);
	s->dropped.n = 0;
	s->unassumed.n = 0;
	s->calls++;
	r = solve_budgeted(s, -1);
	return r == PICOSAT_SATISFIABLE ? SAT_SAT : r == PICOSAT_UNSATISFIABLE ? SAT_UNSAT : SAT_UNKNOWN;
}

enum sat_result sat_solve_lines(struct sat *s, const int *sels, size_t n, int decisions)
{
	int r;

	sat_sync(s);
	for (size_t i = 0; i < n; i++)
		picosat_assume(s->ps, sels[i]);
	s->last.n = 0;
	for (size_t i = 0; i < s->assumptions.n; i++) {
		picosat_assume(s->ps, s->assumptions.v[i]);
		vec_push(s->last, s->assumptions.v[i]);
	}
	s->assumptions.n = 0;
	s->last_dropped.n = 0;
	s->dropped.n = 0;
	s->unassumed.n = 0;
	s->calls++;
	r = solve_budgeted(s, decisions);
	return r == PICOSAT_SATISFIABLE ? SAT_SAT : r == PICOSAT_UNSATISFIABLE ? SAT_UNSAT : SAT_UNKNOWN;
}

/* After an exhausted solve (SAT_UNKNOWN) there is neither a solution nor
 * a core; PicoSAT aborts when asked for one, so both read as empty (0, no
 * lines): the caller's answer is discarded as unknown anyway. */
int sat_value(struct sat *s, int lit)
{
	if (s->res != PICOSAT_SATISFIABLE)
		return 0;
	return picosat_deref(s->ps, lit);
}

static void read_failed(struct sat *s)
{
	s->core.n = 0;
	if (s->res != PICOSAT_UNSATISFIABLE)
		return;
	for (const int *f = picosat_failed_assumptions(s->ps); f && *f; f++)
		vec_push(s->core, *f);
}

static bool is_selector(const struct sat *s, int lit)
{
	return lit > 0 && cnf_selector_of(s->cnf, lit);
}

/* The core's selectors but c, and the question's own assumptions (its
 * dropped selectors false); every other selector free. */
static bool core_alone_unsat(struct sat *s, int c, const int *ask, size_t nask,
			     const int *drop, size_t ndrop)
{
	for (size_t i = 0; i < s->core.n; i++)
		if (is_selector(s, s->core.v[i]) && s->core.v[i] != c)
			picosat_assume(s->ps, s->core.v[i]);
	for (size_t i = 0; i < nask; i++)
		picosat_assume(s->ps, ask[i]);
	for (size_t i = 0; i < ndrop; i++)
		picosat_assume(s->ps, -drop[i]);
	s->calls++;
	return solve_budgeted(s, -1) == PICOSAT_UNSATISFIABLE;
}

/* Deletion over the selectors of the core: c goes when the core without it
 * is still UNSAT with every other selector free, as in PicoSAT's own MUS.
 * With thousands of lines free, though, such a solve costs milliseconds,
 * so each c is first tried with every other selector still assumed: SAT
 * there means c is in every core of what is left (fewer lines only relax
 * the formula further), and an UNSAT whose failed assumptions stay inside
 * the core is a smaller core.  Only an UNSAT leaning on lines outside the
 * core needs the solve with the others free: taking those lines in would
 * trade the chain for another, usually longer, one. */
static void minimise(struct sat *s)
{
	intvec need = { 0 }, gone = { 0 }, ask = { 0 }, drop = { 0 }, prev = { 0 };

	/* the question is asked again as it was: its assumptions, and the
	 * lines it took out (sat_drop_selector) out again */
	for (size_t i = 0; i < s->last.n; i++)
		vec_push(ask, s->last.v[i]);
	for (size_t i = 0; i < s->last_dropped.n; i++)
		vec_push(drop, s->last_dropped.v[i]);
	for (;;) {
		int c = 0;
		bool inside = true;

		for (size_t i = 0; i < s->core.n && !c; i++)
			if (is_selector(s, s->core.v[i]) && !has(need.v, need.n, s->core.v[i]))
				c = s->core.v[i];
		if (!c)
			break;
		prev.n = 0;
		for (size_t i = 0; i < s->core.n; i++)
			vec_push(prev, s->core.v[i]);
		for (size_t i = 0; i < gone.n; i++)
			vec_push(s->unassumed, gone.v[i]);
		vec_push(s->unassumed, c);
		for (size_t i = 0; i < ask.n; i++)
			sat_assume(s, ask.v[i]);
		for (size_t i = 0; i < drop.n; i++)
			sat_drop_selector(s, drop.v[i]);
		if (sat_solve(s) != SAT_UNSAT) {
			vec_push(need, c);
			continue;
		}
		read_failed(s);
		for (size_t i = 0; i < s->core.n && inside; i++)
			inside = !is_selector(s, s->core.v[i]) || has(prev.v, prev.n, s->core.v[i]);
		if (inside) {
			vec_push(gone, c);
			continue;
		}
		s->core.n = 0;
		for (size_t i = 0; i < prev.n; i++)
			vec_push(s->core, prev.v[i]);
		if (core_alone_unsat(s, c, ask.v, ask.n, drop.v, drop.n)) {
			vec_push(gone, c);
			read_failed(s);
		} else {
			vec_push(need, c);
		}
	}
	vec_release(need);
	vec_release(gone);
	vec_release(ask);
	vec_release(drop);
	vec_release(prev);
}

const int *sat_core(struct sat *s, bool minimal)
{
	if (s->res != PICOSAT_UNSATISFIABLE) {
		s->core.n = 0;
	} else if (minimal && !s->assumed) {
		const int *f;

		/* PicoSAT's MUS re-solves on its own, from an UNSAT answer
		 * found within the budget; unbounded (an interrupted MUS would
		 * not be one) */
		unsigned long long keep = budget;

		budget = 0;
		f = picosat_mus_assumptions(s->ps, NULL, NULL, 0);
		budget = keep;

		s->core.n = 0;
		for (; f && *f; f++)
			vec_push(s->core, *f);
	} else {
		read_failed(s);
		if (minimal)
			minimise(s);
	}
	vec_push(s->core, 0);
	return s->core.v;
}

unsigned long long sat_calls(const struct sat *s)
{
	return s->calls;
}

void sat_prefer(struct sat *s, int lit)
{
	sat_sync(s);
	picosat_set_more_important_lit(s->ps, lit);
	picosat_set_default_phase_lit(s->ps, lit, 1);
}

static enum sat_result solve_limited(struct sat *s, int decisions)
{
	int r;

	sat_sync(s);
	s->last.n = 0;
	for (size_t i = 0; i < s->assumptions.n; i++) {
		picosat_assume(s->ps, s->assumptions.v[i]);
		vec_push(s->last, s->assumptions.v[i]);
	}
	s->assumptions.n = 0;
	s->calls++;
	r = solve_budgeted(s, decisions);
	return r == PICOSAT_SATISFIABLE ? SAT_SAT : r == PICOSAT_UNSATISFIABLE ? SAT_UNSAT : SAT_UNKNOWN;
}

/* Marks the open targets true in the current solution; returns how many
 * stay open (compacted to the front). */
static size_t harvest(struct sat *s, const int *targets, size_t *open, size_t n,
		      unsigned char *live, void (*on_live)(void *ctx, size_t i), void *ctx)
{
	size_t keep = 0;

	for (size_t i = 0; i < n; i++) {
		size_t t = open[i];

		if (sat_value(s, targets[t]) > 0) {
			live[t] = 1;
			if (on_live)
				on_live(ctx, t);
		} else {
			open[keep++] = t;
		}
	}
	return keep;
}

/* One solve that must make one of the open targets true: UNSAT settles
 * them all.  Returns the result; on SAT the covered ones are harvested. */
static enum sat_result cover_round(struct sat *s, struct cnf *c, const int *targets, size_t *open,
				   size_t *nopen, const int *assume, size_t nassume, int limit,
				   unsigned char *live, void (*on_live)(void *ctx, size_t i), void *ctx)
{
	intvec clause = { 0 };
	int act = cnf_new_var(c);
	enum sat_result r;

	vec_push(clause, -act);
	for (size_t i = 0; i < *nopen; i++)
		vec_push(clause, targets[open[i]]);
	cnf_clause(c, clause.v, (int)clause.n);
	vec_release(clause);
	for (size_t i = 0; i < nassume; i++)
		sat_assume(s, assume[i]);
	sat_assume(s, act);
	r = solve_limited(s, limit);
	cnf_clause1(c, -act);	/* retire the clause */
	if (r == SAT_UNSAT)
		*nopen = 0;
	else if (r == SAT_SAT)
		*nopen = harvest(s, targets, open, *nopen, live, on_live, ctx);
	return r;
}

/* Settle the targets open[0..n) (a group of the open list): OR rounds
 * while they answer within the budget; a group that does not is split in
 * two, down to single targets, which are cheap to refute one by one. */
static unsigned cover_group(struct sat *s, struct cnf *c, const int *targets, size_t *open, size_t n,
			    const int *assume, size_t nassume, unsigned char *live,
			    void (*on_live)(void *ctx, size_t i), void *ctx)
{
	unsigned solves = 0;

	while (n > 1) {
		size_t before = n;
		enum sat_result r = cover_round(s, c, targets, open, &n, assume, nassume,
						2 * cnf_nvars(c), live, on_live, ctx);

		solves++;
		if (r == SAT_UNKNOWN && spent)
			return solves;	/* out of budget: the answer is unknown anyway */
		if (r == SAT_UNKNOWN) {
			size_t half = n / 2;

			solves += cover_group(s, c, targets, open, half, assume, nassume, live, on_live, ctx);
			solves += cover_group(s, c, targets, open + half, n - half, assume, nassume, live,
					      on_live, ctx);
			return solves;
		}
		if (r == SAT_UNSAT || n == before)
			return solves;
	}
	if (n == 1) {
		for (size_t i = 0; i < nassume; i++)
			sat_assume(s, assume[i]);
		sat_assume(s, targets[open[0]]);
		solves++;
		if (sat_solve(s) == SAT_SAT)
			harvest(s, targets, open, 1, live, on_live, ctx);
	}
	return solves;
}

unsigned sat_cover(struct sat *s, struct cnf *c, const int *targets, size_t n,
		   const int *assume, size_t nassume, unsigned char *live, enum sat_cover_mode mode,
		   void (*on_live)(void *ctx, size_t i), void *ctx)
{
	sizevec open = { 0 };
	unsigned solves = 0;

	for (size_t i = 0; i < n; i++)
		if (!live[i] && targets[i] != CNF_FALSE)
			vec_push(open, i);
	if (mode == COVER_EACH) {
		/* one at a time: refuting one target is usually a few
		 * propagations, many at once can be a hard proof */
		while (open.n) {
			size_t t = open.v[--open.n];

			for (size_t i = 0; i < nassume; i++)
				sat_assume(s, assume[i]);
			sat_assume(s, targets[t]);
			solves++;
			if (sat_solve(s) == SAT_SAT) {
				open.v[open.n++] = t;
				open.n = harvest(s, targets, open.v, open.n, live, on_live, ctx);
			}
		}
		vec_release(open);
		return solves;
	}
	/* 1: random solutions, each making one open target true, while each
	 * covers many (a solve costs about the same however many it covers) */
	sat_sync(s);
	while (open.n) {
		size_t before = open.n;
		enum sat_result r;

		picosat_reset_phases(s->ps);
		picosat_set_global_default_phase(s->ps, solves ? 3 : 1);
		r = cover_round(s, c, targets, open.v, &open.n, assume, nassume, 2 * cnf_nvars(c),
				live, on_live, ctx);
		solves++;
		if (r != SAT_SAT || before - open.n < 200 + before / 50)
			break;
	}
	/* 2: the rest steered towards the open targets, in groups that answer
	 * within a budget */
	if (open.n) {
		picosat_set_global_default_phase(s->ps, 1);
		for (size_t i = 0; i < open.n; i++)
			if (targets[open.v[i]] != CNF_TRUE)
				sat_prefer(s, targets[open.v[i]]);
		solves += cover_group(s, c, targets, open.v, open.n, assume, nassume, live, on_live, ctx);
	}
	vec_release(open);
	return solves;
}

void sat_freeze(struct sat *s)
{
	sat_sync(s);
	s->frozen = true;
}

/* The values the clauses added after the freeze force, given a solution of
 * the frozen ones: unit propagation to a fixpoint.  val[v] is 1, -1 or 0
 * (not forced).  Returns true only if every clause ends up satisfied, so
 * the values are part of a solution of the whole cnf (gates, defined by
 * their inputs, always are). */
static bool extend(struct sat *s, signed char *val)
{
	size_t nlits, n = cnf_nclauses(s->cnf), open_clauses = 1;
	const int *lits = cnf_lits(s->cnf, &nlits);
	const size_t *starts = cnf_clause_starts(s->cnf);
	int nv = picosat_variables(s->ps);
	bool changed = true;

	for (int v = 1; v <= nv; v++)
		val[v] = (signed char)picosat_deref(s->ps, v);
	memset(val + nv + 1, 0, (size_t)(cnf_nvars(s->cnf) - nv));
	while (changed && open_clauses) {
		changed = false;
		open_clauses = 0;
		for (size_t i = s->synced; i < n; i++) {
			int open = 0, last = 0;
			bool sat = false;

			for (size_t j = starts[i]; j < starts[i + 1] && !sat; j++) {
				int l = lits[j], x = val[abs(l)];

				if (!x) {
					open++;
					last = l;
				} else if ((l > 0) == (x > 0)) {
					sat = true;
				}
			}
			if (sat)
				continue;
			if (!open)
				return false;
			if (open == 1) {
				val[abs(last)] = last > 0 ? 1 : -1;
				changed = true;
			} else {
				open_clauses++;
			}
		}
	}
	return !open_clauses;
}

unsigned sat_sample(struct sat *s, const int *targets, size_t n, unsigned char *live)
{
	sizevec open = { 0 };
	signed char *val = NULL;
	unsigned solves = 0;

	for (size_t i = 0; i < n; i++)
		if (!live[i] && targets[i] != CNF_FALSE)
			vec_push(open, i);
	val = xcalloc((size_t)cnf_nvars(s->cnf) + 1, 1);
	while (open.n && solves < 200) {
		size_t before = open.n, keep = 0;

		picosat_reset_phases(s->ps);
		picosat_set_global_default_phase(s->ps, solves ? 3 : 1);
		solves++;
		s->calls++;
		if (solve_budgeted(s, -1) != PICOSAT_SATISFIABLE)
			break;
		if (!extend(s, val))
			continue;
		for (size_t i = 0; i < open.n; i++) {
			int l = targets[open.v[i]];

			if (val[abs(l)] && (l > 0) == (val[abs(l)] > 0))
				live[open.v[i]] = 1;
			else
				open.v[keep++] = open.v[i];
		}
		open.n = keep;
		/* a round costs half a solve with sat_cover()'s OR clause over
		 * the targets: worth going on longer */
		if (before - open.n < 50 + before / 400)
			break;
	}
	free(val);
	vec_release(open);
	return solves;
}
