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

/* A solver over c.  Selectors (Kconfig lines) are fixed true as unit
 * clauses unless selectors_assumed, in which case sat_solve() assumes each
 * one, so an UNSAT answer can name the lines it used (why-not). */
struct sat *sat_new(const struct cnf *c, bool selectors_assumed);
void sat_free(struct sat *s);

/* Add the clauses c gained since the last sync (sat_solve does it too). */
void sat_sync(struct sat *s);
/* Assumptions hold for the next sat_solve() only. */
void sat_assume(struct sat *s, int lit);
/* Leave out one selector's assumption in the next solve (MUS checks). */
void sat_drop_selector(struct sat *s, int var);
enum sat_result sat_solve(struct sat *s);
/* After SAT: 1 if lit is true, -1 if false. */
int sat_value(struct sat *s, int lit);
/* After UNSAT with selectors assumed: a minimal set of selector vars (and
 * other assumptions) that is still UNSAT; zero-terminated, owned by s. */
const int *sat_core(struct sat *s, bool minimal);
unsigned long long sat_calls(const struct sat *s);

#endif
