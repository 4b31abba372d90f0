#include "query.h"

#include "cnf.h"
#include "kconfig.h"
#include "model.h"
#include "sat.h"

bool arch_ctx_load(struct arch_ctx *a, const struct tree_opts *o, size_t i)
{
	a->arch = o->arches.n ? o->arches.v[i] : NULL;
	a->t = cli_load(o, i);
	a->m = NULL;
	a->s = NULL;
	return a->t != NULL;
}

void arch_ctx_encode(struct arch_ctx *a)
{
	a->m = model_build(a->t, false, true);
	a->s = sat_new(model_cnf(a->m), false);
}

bool arch_ctx_open(struct arch_ctx *a, const struct tree_opts *o, size_t i)
{
	if (!arch_ctx_load(a, o, i))
		return false;
	arch_ctx_encode(a);
	return true;
}

void arch_ctx_close(struct arch_ctx *a)
{
	sat_free(a->s);
	model_free(a->m);
	kctree_free(a->t);
	a->s = NULL;
	a->m = NULL;
	a->t = NULL;
}

int query_bitness(struct arch_ctx *a, int want, struct bitness out[2])
{
	const struct symbol *s64 = sym_find(a->t, "64BIT");
	int n = 0;

	if (!s64 || !model_has_value(a->m, s64)) {
		out[0] = (struct bitness){ "", CNF_TRUE, 0 };
		return want ? 0 : 1;
	}
	for (int b = 0; b < 2; b++) {
		int bits = b ? 32 : 64;
		int lit = model_sym_is(a->m, s64, b ? 'n' : 'y');

		if (want && want != bits)
			continue;
		sat_assume(a->s, lit);
		if (sat_solve(a->s) != SAT_SAT)
			continue;
		out[n++] = (struct bitness){ b ? "32-bit" : "64-bit", lit, bits };
	}
	return n;
}
