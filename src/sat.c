#include "sat.h"

#include <picosat/picosat.h>
#include <stdlib.h>
#include <string.h>

#include "cnf.h"
#include "vec.h"
#include "xalloc.h"

struct sat {
	PicoSAT *ps;
	const struct cnf *cnf;
	size_t synced;		/* clauses already added */
	size_t sels_synced;	/* selectors already fixed (units mode) */
	size_t inputs_synced;
	bool assumed;
	VEC(int) assumptions;	/* of the next solve */
	VEC(int) dropped;
	VEC(int) core;
	unsigned long long calls;
};

struct sat *sat_new(const struct cnf *c, bool selectors_assumed)
{
	struct sat *s = xcalloc(1, sizeof(*s));

	s->ps = picosat_init();
	s->cnf = c;
	s->assumed = selectors_assumed;
	sat_sync(s);
	return s;
}

void sat_free(struct sat *s)
{
	if (!s)
		return;
	picosat_reset(s->ps);
	vec_release(s->assumptions);
	vec_release(s->dropped);
	vec_release(s->core);
	free(s);
}

void sat_sync(struct sat *s)
{
	size_t nlits, n = cnf_nclauses(s->cnf);
	const int *lits = cnf_lits(s->cnf, &nlits);
	const size_t *starts = cnf_clause_starts(s->cnf);

	picosat_adjust(s->ps, cnf_nvars(s->cnf));
	{
		size_t ni;
		const int *in = cnf_inputs(s->cnf, &ni);

		/* Branch on symbol values; gates follow by propagation. */
		for (; s->inputs_synced < ni; s->inputs_synced++)
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

			picosat_assume(s->ps, dropped(s, v) ? -v : v);
		}
	for (size_t i = 0; i < s->assumptions.n; i++)
		picosat_assume(s->ps, s->assumptions.v[i]);
	s->assumptions.n = 0;
	s->dropped.n = 0;
	s->calls++;
	r = picosat_sat(s->ps, -1);
	return r == PICOSAT_SATISFIABLE ? SAT_SAT : r == PICOSAT_UNSATISFIABLE ? SAT_UNSAT : SAT_UNKNOWN;
}

int sat_value(struct sat *s, int lit)
{
	return picosat_deref(s->ps, lit);
}

const int *sat_core(struct sat *s, bool minimal)
{
	const int *f = minimal ? picosat_mus_assumptions(s->ps, NULL, NULL, 0)
			       : picosat_failed_assumptions(s->ps);

	s->core.n = 0;
	for (; f && *f; f++)
		vec_push(s->core, *f);
	vec_push(s->core, 0);
	return s->core.v;
}

unsigned long long sat_calls(const struct sat *s)
{
	return s->calls;
}
