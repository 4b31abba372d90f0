/* The SAT solver.  This module is the only one that includes
 * <picosat/picosat.h>; everything else talks in DIMACS literals of a
 * struct cnf.  Solving is incremental: clauses added to the cnf after a
 * solve are picked up by sat_sync() before the next one. */
#ifndef KCSAT_SAT_H
#define KCSAT_SAT_H

#include <stdbool.h>
#include <stddef.h>

struct cnf;
struct sat;

enum sat_result { SAT_UNKNOWN = 0, SAT_SAT = 10, SAT_UNSAT = 20 };

/* The solver budget: each solve may visit this many clauses (PicoSAT's
 * count, close to linear in time), then it gives up with SAT_UNKNOWN.  The
 * default is well above what any query on a real kernel needs (the most
 * one solve of `kcsat lint` on every arch of Linux 6.12 visits is 7.5
 * million, of 6.1 4.7 million) and stops a hostile formula (a pigeonhole)
 * in seconds.  Process-wide:
 * set once, before the first solve (--sat-budget); 0 means none. */
#define SAT_BUDGET_DEFAULT 50000000ull
void sat_set_budget(unsigned long long props);
unsigned long long sat_budget(void);
/* Solves in this process that ran out of budget: callers compare the
 * count before and after a piece of work, and an answer resting on an
 * exhausted solve is "unknown: solver budget exhausted", never a yes, a no
 * or a finding. */
unsigned long long sat_exhausted(void);
/* After a solve ran out, every later one gives up at once (and counts as
 * exhausted) until this is called: at the start of each job (an arch). */
void sat_renew(void);
/* The most clause visits one solve of this process used. */
unsigned long long sat_peak(void);
/* --sat-stats: at the end of each job (an arch; sat_renew() starts one),
 * sat_job_stats("arch", NAME) prints on stderr
 *     kcsat: note: arch NAME: sat: N solves, the largest M clause visits
 *     (P% of the budget B)
 * so the default budget can be checked against real trees; it prints
 * nothing unless sat_set_stats(true). */
void sat_set_stats(bool on);
void sat_job_stats(const char *what, const char *name);
/* A helper process's solves (util/helper.h) counted as this process's: n
 * that ran out of budget (then later ones here give up too, as after its
 * own), and the most one of its solves used. */
void sat_add_exhausted(unsigned long long n, unsigned long long helper_peak);

/* A solver over c.  Selectors (Kconfig lines) are fixed true as unit
 * clauses unless selectors_assumed, in which case sat_solve() assumes each
 * one, so an UNSAT answer can name the lines it used (why-not). */
struct sat *sat_new(const struct cnf *c, bool selectors_assumed);
/* A solver for sat_cover() and sat_sample() (no selectors): it branches
 * where its own heuristics say instead of on symbol values first, so the
 * targets sat_prefer() marks are the ones decided first, and a cover takes
 * fewer and cheaper solves (lint's cone stage on x86 of Linux 6.12: 51
 * million clause visits instead of 80).  Its solutions are other
 * configurations than sat_new()'s: a witness shown to the user comes from
 * a sat_new() solver, whose choices the golden outputs record. */
struct sat *sat_new_cover(const struct cnf *c);
/* The linked solver and its version, e.g. "picosat 965" (kcsat --version). */
const char *sat_solver_version(void);
void sat_free(struct sat *s);

/* Add the clauses c gained since the last sync (sat_solve does it too). */
void sat_sync(struct sat *s);
/* Assumptions hold for the next sat_solve() only. */
void sat_assume(struct sat *s, int lit);
/* Leave out one selector's assumption in the next solve (MUS checks). */
void sat_drop_selector(struct sat *s, int var);
enum sat_result sat_solve(struct sat *s);
/* A solve with only the selectors sels[0..n) assumed (every other line
 * free: the solver may keep or drop it) besides the assumptions, giving up
 * (SAT_UNKNOWN, not an exhausted budget) after decisions decisions (-1:
 * none): UNSAT says those lines alone block what was assumed. */
enum sat_result sat_solve_lines(struct sat *s, const int *sels, size_t n, int decisions);
/* After SAT: 1 if lit is true, -1 if false. */
int sat_value(struct sat *s, int lit);
/* After UNSAT with selectors assumed: a minimal set of selector vars (and
 * other assumptions) that is still UNSAT; zero-terminated, owned by s. */
const int *sat_core(struct sat *s, bool minimal);
unsigned long long sat_calls(const struct sat *s);
/* Decide lit early and true when the solver has the choice: steers
 * solutions towards the targets of sat_cover(). */
void sat_prefer(struct sat *s, int lit);

/* How sat_cover() goes about its targets. */
enum sat_cover_mode {
	COVER_ALL,	/* random solutions, then the rest steered, in groups */
	COVER_EACH,	/* one target at a time (most expected impossible) */
};

/* Which of n target literals can be true (live[i] set to 1), under the
 * assumptions in assume[0..nassume): every solution marks each target it
 * makes true, and a solve that must make one of the rest true and cannot
 * proves them all impossible at once, so the calls grow with the number of
 * solutions needed, not of targets.  COVER_EACH asks one at a time instead:
 * one impossible target is cheap to refute, many at once can be hard.
 * on_live(ctx, i), if given, sees each target in the solution that
 * first made it true (read it with sat_value()).  Returns the number of
 * solves. */
unsigned sat_cover(struct sat *s, struct cnf *c, const int *targets, size_t n,
		   const int *assume, size_t nassume, unsigned char *live, enum sat_cover_mode mode,
		   void (*on_live)(void *ctx, size_t i), void *ctx);

/* Stop picking up the cnf's new clauses: s keeps solving the clauses it
 * has, and sat_sample() reads what the later ones force. */
void sat_freeze(struct sat *s);
/* Random solutions only, while they keep settling many targets, for a
 * frozen solver whose cnf gained the targets' gates after the freeze: each
 * solution of the smaller frozen formula is extended to the gates by
 * propagation, and a target is marked only when its value follows.  The
 * rest stay open (live 0), for a caller that finishes them on smaller
 * models.  Returns the number of solves. */
unsigned sat_sample(struct sat *s, const int *targets, size_t n, unsigned char *live);

#endif
