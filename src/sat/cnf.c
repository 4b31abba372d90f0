#include "sat/cnf.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "util/vec.h"
#include "util/xalloc.h"

struct gate {
	int a, b, out;
};

struct cnf {
	int nvars;
	intvec lits;
	sizevec starts;	/* one past each clause's end */
	/* open-addressing cache of AND gates keyed by (a, b), a < b */
	struct gate *gates;
	size_t ngates, gcap;
	VEC(struct selector) sels;
	int *sel_index;		/* var -> selector index + 1, or 0 */
	size_t sel_index_cap;
	strvec names;	/* var -> name (sparse) */
	intvec inputs;
};

struct cnf *cnf_new(void)
{
	struct cnf *c = xcalloc(1, sizeof(*c));

	vec_push(c->starts, (size_t)0);
	c->nvars = 1;		/* var 1 is true */
	vec_push(c->lits, CNF_TRUE);
	vec_push(c->starts, c->lits.n);
	return c;
}

void cnf_free(struct cnf *c)
{
	if (!c)
		return;
	strvec_free_all(&c->names);
	vec_release(c->inputs);
	vec_release(c->lits);
	vec_release(c->starts);
	vec_release(c->sels);
	free(c->sel_index);
	free(c->gates);
	free(c);
}

void cnf_mark_input(struct cnf *c, int var)
{
	vec_push(c->inputs, var);
}

const int *cnf_inputs(const struct cnf *c, size_t *n)
{
	*n = c->inputs.n;
	return c->inputs.v;
}

int cnf_new_var(struct cnf *c)
{
	return ++c->nvars;
}

int cnf_nvars(const struct cnf *c)
{
	return c->nvars;
}

size_t cnf_nclauses(const struct cnf *c)
{
	return c->starts.n - 1;
}

const int *cnf_lits(const struct cnf *c, size_t *nlits)
{
	*nlits = c->lits.n;
	return c->lits.v;
}

const size_t *cnf_clause_starts(const struct cnf *c)
{
	return c->starts.v;
}

void cnf_clause(struct cnf *c, const int *lits, int n)
{
	size_t start = c->lits.n;

	for (int i = 0; i < n; i++) {
		int l = lits[i];

		if (l == CNF_TRUE) {		/* satisfied */
			c->lits.n = start;
			return;
		}
		if (l == CNF_FALSE)
			continue;
		vec_push(c->lits, l);
	}
	vec_push(c->starts, c->lits.n);
}

void cnf_clause1(struct cnf *c, int a)
{
	cnf_clause(c, &a, 1);
}

void cnf_clause2(struct cnf *c, int a, int b)
{
	cnf_clause(c, (int[]){ a, b }, 2);
}

void cnf_clause3(struct cnf *c, int a, int b, int d)
{
	cnf_clause(c, (int[]){ a, b, d }, 3);
}

static uint64_t gate_hash(int a, int b)
{
	uint64_t h = (uint64_t)(uint32_t)a * 0x9e3779b97f4a7c15ull;

	return (h ^ (uint64_t)(uint32_t)b) * 0xbf58476d1ce4e5b9ull;
}

static void gates_grow(struct cnf *c)
{
	size_t cap = c->gcap ? c->gcap * 2 : 1 << 16;
	struct gate *g = xcalloc(cap, sizeof(*g));

	for (size_t i = 0; i < c->gcap; i++) {
		struct gate *o = &c->gates[i];
		size_t j;

		if (!o->out)
			continue;
		for (j = gate_hash(o->a, o->b) & (cap - 1); g[j].out; j = (j + 1) & (cap - 1))
			;
		g[j] = *o;
	}
	free(c->gates);
	c->gates = g;
	c->gcap = cap;
}

int cnf_and(struct cnf *c, int a, int b)
{
	size_t j;
	int g;

	if (a == CNF_FALSE || b == CNF_FALSE || a == -b)
		return CNF_FALSE;
	if (a == CNF_TRUE || a == b)
		return b;
	if (b == CNF_TRUE)
		return a;
	if (a > b) {
		int t = a;

		a = b;
		b = t;
	}
	if (2 * (c->ngates + 1) > c->gcap)
		gates_grow(c);
	for (j = gate_hash(a, b) & (c->gcap - 1); c->gates[j].out; j = (j + 1) & (c->gcap - 1))
		if (c->gates[j].a == a && c->gates[j].b == b)
			return c->gates[j].out;
	g = cnf_new_var(c);
	c->gates[j] = (struct gate){ a, b, g };
	c->ngates++;
	cnf_clause2(c, -g, a);
	cnf_clause2(c, -g, b);
	cnf_clause3(c, g, -a, -b);
	return g;
}

int cnf_or(struct cnf *c, int a, int b)
{
	return -cnf_and(c, -a, -b);
}

int cnf_ite(struct cnf *c, int cond, int then, int otherwise)
{
	if (cond == CNF_TRUE || then == otherwise)
		return then;
	if (cond == CNF_FALSE)
		return otherwise;
	return cnf_or(c, cnf_and(c, cond, then), cnf_and(c, -cond, otherwise));
}

int cnf_iff(struct cnf *c, int a, int b)
{
	return cnf_or(c, cnf_and(c, a, b), cnf_and(c, -a, -b));
}

int cnf_selector(struct cnf *c, enum item_kind kind, struct loc at,
		 const struct symbol *sym, const void *item)
{
	return cnf_selector_in(c, kind, at, sym, NULL, item);
}

int cnf_selector_in(struct cnf *c, enum item_kind kind, struct loc at,
		    const struct symbol *sym, const struct menu *menu, const void *item)
{
	int v = cnf_new_var(c);

	vec_push(c->sels, ((struct selector){ v, kind, at, sym, item, menu }));
	if ((size_t)v >= c->sel_index_cap) {
		size_t cap = c->sel_index_cap ? c->sel_index_cap : 1024;

		while (cap <= (size_t)v)
			cap *= 2;
		c->sel_index = xrealloc(c->sel_index, cap * sizeof(int));
		memset(c->sel_index + c->sel_index_cap, 0, (cap - c->sel_index_cap) * sizeof(int));
		c->sel_index_cap = cap;
	}
	c->sel_index[v] = (int)c->sels.n;
	return v;
}

size_t cnf_nselectors(const struct cnf *c)
{
	return c->sels.n;
}

const struct selector *cnf_selector_at(const struct cnf *c, size_t i)
{
	return &c->sels.v[i];
}

const struct selector *cnf_selector_of(const struct cnf *c, int var)
{
	if (var < 0)
		var = -var;
	if ((size_t)var >= c->sel_index_cap || !c->sel_index[var])
		return NULL;
	return &c->sels.v[c->sel_index[var] - 1];
}

const char *item_kind_name(enum item_kind k)
{
	switch (k) {
	case ITEM_DEPENDS: return "depends on";
	case ITEM_IF: return "if";
	case ITEM_VISIBLE: return "visible if";
	case ITEM_PROMPT: return "prompt";
	case ITEM_DEFAULT: return "default";
	case ITEM_SELECT: return "select";
	case ITEM_IMPLY: return "imply";
	case ITEM_RANGE: return "range";
	case ITEM_CHOICE: return "choice";
	case ITEM_ASSUME: return "assumption";
	}
	return "?";
}

void cnf_name(struct cnf *c, int var, const char *fmt, ...)
{
	char buf[512];
	va_list ap;

	if (var < 0)
		var = -var;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	while (c->names.n <= (size_t)var)
		vec_push(c->names, (char *)NULL);
	free(c->names.v[var]);
	c->names.v[var] = xstrdup(buf);
}

void cnf_write_dimacs(const struct cnf *c, FILE *f, const int *units, size_t nunits)
{
	char where[300];

	fprintf(f, "c kcsat CNF: var 1 is true; selectors name Kconfig lines\n");
	for (size_t v = 0; v < c->names.n; v++)
		if (c->names.v[v])
			fprintf(f, "c var %zu %s\n", v, c->names.v[v]);
	for (size_t i = 0; i < c->sels.n; i++)
		fprintf(f, "c sel %d %s %s\n", c->sels.v[i].var, item_kind_name(c->sels.v[i].kind),
			loc_str(c->sels.v[i].loc, where, sizeof(where)));
	fprintf(f, "p cnf %d %zu\n", c->nvars, cnf_nclauses(c) + nunits);
	for (size_t i = 0; i + 1 < c->starts.n; i++) {
		for (size_t j = c->starts.v[i]; j < c->starts.v[i + 1]; j++)
			fprintf(f, "%d ", c->lits.v[j]);
		fputs("0\n", f);
	}
	for (size_t i = 0; i < nunits; i++)
		fprintf(f, "%d 0\n", units[i]);
}
