#include "sat/fix.h"

#include <stdlib.h>
#include <string.h>

#include "kconfig/confdata.h"
#include "kconfig/confsim.h"
#include "kconfig/kconfig.h"
#include "sat/cnf.h"
#include "sat/model.h"
#include "sat/query.h"
#include "sat/sat.h"
#include "util/strbuf.h"
#include "util/vec.h"
#include "util/xalloc.h"

/* Symbol computations the drop loop may spend (each try simulates
 * olddefconfig of the symbol's cone again); past it the changes not tried
 * yet are kept and the set is not said to be minimal. */
#define FIX_WORK 40000000ull

struct cand {
	const struct symbol *sym;
	char *name, *value;	/* the line it becomes (owned) */
	bool on;		/* part of the change set */
};

struct search {
	struct kctree *t;
	struct arch_ctx *a;
	struct confsim *cs;	/* the file's pins; user values loaded per check */
	const struct config *c;
	const struct symbol *s;	/* the goal: s has (val, str) */
	char val;
	const char *str;
	const struct expr *const *conds;	/* or: each of these is not n */
	size_t nconds;
	const struct symbol *bits;		/* and 64BIT is bits_val (or NULL) */
	char bits_val;
	VEC(struct cand) cands;
	unsigned checks;
	unsigned long long work;
	bool any_choice;	/* a candidate is a choice member: the order of lines matters */
};

/* The file with the changes that are on: in place (each line of a changed
 * symbol edited, a symbol without one appended) or appended after it.
 * The entries borrow their strings: view_release() frees only the arrays. */
static void view_make(const struct search *q, bool in_place, struct config *out)
{
	memset(out, 0, sizeof(*out));
	for (size_t i = 0; i < q->c->v.n; i++) {
		struct config_entry e = q->c->v.v[i];

		for (size_t k = 0; in_place && k < q->cands.n; k++)
			if (q->cands.v[k].on && !strcmp(q->cands.v[k].name, e.name)) {
				e.value = NULL;	/* edited below */
				break;
			}
		vec_push(out->v, e);
	}
	for (size_t k = 0; k < q->cands.n; k++) {
		const struct cand *cd = &q->cands.v[k];
		struct config_entry e = { 0 };
		bool edited = false;

		if (!cd->on)
			continue;
		for (size_t i = 0; in_place && i < out->v.n; i++)
			if (!out->v.v[i].value && !strcmp(out->v.v[i].name, cd->name)) {
				out->v.v[i].value = cd->value;
				out->v.v[i].is_string = cd->sym->type == S_STRING;
				edited = true;
			}
		if (edited)
			continue;
		e.name = cd->name;
		e.value = cd->value;
		e.is_string = cd->sym->type == S_STRING;
		e.loc = q->c->v.n ? q->c->v.v[q->c->v.n - 1].loc : e.loc;
		vec_push(out->v, e);
	}
	config_index(out);
}

static void view_release(struct config *v)
{
	vec_release(v->v);
	strindex_release(&v->index);
}

/* One side of a comparison: an unknown atom (an unexecuted $(shell,...),
 * or the Makefile or #if reader's) has the value the solution gave it,
 * what the build would have to agree with; a constant its own. */
static char side_value(struct search *q, const struct symbol *s)
{
	if (s->flags & SYM_SHELL)
		return model_tri_value(q->a->m, q->a->s, s);
	if (s->flags & SYM_CONST)
		return tri_char(tri_value(s->name));
	return tri_char(confsim_tri(q->cs, s));
}

/* A condition on the simulated values, its unknown atoms as solved. */
static enum tristate cond_value(struct search *q, const struct expr *e)
{
	enum tristate l, r;

	if (!expr_reads_shell(e))
		return confsim_expr(q->cs, e);
	switch (e->type) {
	case E_NOT:
		return (enum tristate)(yes - cond_value(q, e->left));
	case E_AND:
		l = cond_value(q, e->left);
		r = cond_value(q, e->right);
		return l < r ? l : r;
	case E_OR:
		l = cond_value(q, e->left);
		r = cond_value(q, e->right);
		return l > r ? l : r;
	case E_EQUAL:
	case E_UNEQUAL:
		if (sym_is_bool_like(e->sym) || (e->sym->flags & SYM_SHELL)) {
			bool eq = side_value(q, e->sym) == side_value(q, e->rsym);

			return (e->type == E_EQUAL) == eq ? yes : no;
		}
		break;
	default:
		break;
	}
	return confsim_expr(q->cs, e);
}

static bool holds_in(struct search *q, const struct config *v)
{
	struct confsim *cs = q->cs;
	unsigned long long w0 = confsim_work(cs);
	bool ok;

	confsim_clear(cs);
	confsim_load(cs, v);
	if (!q->s) {	/* fix_find_conds(): the conditions are the goal */
		ok = !q->bits || tri_char(confsim_tri(cs, q->bits)) == q->bits_val;
		for (size_t i = 0; i < q->nconds && ok; i++)
			ok = cond_value(q, q->conds[i]) != no;
	} else if (!sym_is_bool_like(q->s))
		ok = q->str ? !strcmp(confsim_str(cs, q->s), q->str) : confsim_written(cs, q->s);
	else if (q->val)
		ok = tri_char(confsim_tri(cs, q->s)) == q->val;
	else
		ok = confsim_tri(cs, q->s) != no;
	q->checks++;
	q->work += confsim_work(cs) - w0;
	return ok;
}

/* Does olddefconfig of the file with the changes that are on give s the
 * value, both ways the changes can be made?  With read, the candidates
 * whose user value the simulation did not consult are marked there. */
static bool holds(struct search *q, unsigned char *read)
{
	struct config v;
	bool ok;

	view_make(q, true, &v);
	ok = holds_in(q, &v);
	for (size_t k = 0; read && k < q->cands.n; k++)
		read[k] = confsim_read(q->cs, q->cands.v[k].sym);
	view_release(&v);
	if (ok && q->any_choice) {
		view_make(q, false, &v);
		ok = holds_in(q, &v);
		view_release(&v);
	}
	return ok;
}

static bool has_prompt(const struct symbol *s)
{
	for (const struct property *p = s->props; p; p = p->sym_next)
		if (p->type == P_PROMPT)
			return true;
	return false;
}

/* The candidates: every symbol a user can set whose value in the solution
 * differs from before[] (its olddefconfig value) or, with against_file,
 * from the file's line. */
static void cands_clear(struct search *q)
{
	for (size_t k = 0; k < q->cands.n; k++) {
		free(q->cands.v[k].name);
		free(q->cands.v[k].value);
	}
	q->cands.n = 0;
}

static void collect(struct search *q, struct arch_ctx *a, char **before, bool against_file)
{
	const struct symbol *x;
	size_t i;

	cands_clear(q);
	q->any_choice = false;
	tree_for_each_sym(q->t, x, i) {
		const char *v;
		char tv[2] = { 0, 0 };
		const struct config_entry *e;

		if (!before[x->id] || !has_prompt(x))
			continue;
		if (sym_is_bool_like(x)) {
			tv[0] = model_tri_value(a->m, a->s, x);
			v = tv;
		} else if (!(v = model_str_value(a->m, a->s, x))) {
			continue;
		}
		if (x == q->s && q->str)
			v = q->str;	/* the value asked for, not its gap's representative */
		e = config_find(q->c, x->name);
		if (!strcmp(v, before[x->id]) && (!against_file || (e && !strcmp(e->value, v))))
			continue;
		{
			struct cand cd = { x, xstrdup(x->name), xstrdup(v), true };

			vec_push(q->cands, cd);
			q->any_choice |= x->choice != NULL;
		}
	}
}

/* The search of both goals: want[0..nwant) assumed give the goal in the
 * model. */
static void find(struct search *q, struct arch_ctx *a, const int *want, size_t nwant,
		 struct fix_result *out)
{
	const struct config *c = q->c;
	char **before;
	const struct symbol *x;
	size_t i;
	unsigned char *read;
	enum sat_result r;

	memset(out, 0, sizeof(*out));
	out->status = FIX_NO_SIM;
	q->a = a;
	q->cs = confsim_new(a->t);
	confsim_pin_shell(q->cs, c);
	before = xcalloc(a->t->syms.n ? a->t->syms.n : 1, sizeof(*before));
	/* (a condition's unknown atoms take the solution's values: checked
	 * after the solve; the file's values are read below) */
	confsim_load(q->cs, c);
	if (!q->conds && holds_in(q, c)) {
		out->status = FIX_FOUND;
		out->minimal = true;
		goto done;
	}
	/* a choice member in the cone brings its choice's other members: a
	 * user picks one by setting another (until no new member comes) */
	for (bool more = true; more;) {
		more = false;
		tree_for_each_sym(a->t, x, i) {
			if (!x->choice || !model_encoded(a->m, x))
				continue;
			for (const struct menu *k = x->choice->list; k;
			     k = menu_next_const(k, x->choice))
				if (k->sym && k->sym->choice == x->choice &&
				    !model_encoded(a->m, k->sym)) {
					model_sym_is(a->m, k->sym, 'y');
					more = true;
				}
		}
	}
	/* the file's olddefconfig values in the cone of what is asked (the
	 * model encodes no more: nothing outside it can change s), which the
	 * solution should keep */
	tree_for_each_sym(a->t, x, i)
		if (x->name && (x->flags & SYM_DEFINED) && !(x->flags & SYM_CONST) &&
		    !sym_is_choice(x) && model_encoded(a->m, x) && model_has_value(a->m, x))
			before[x->id] = xstrdup(confsim_str(q->cs, x));
	tree_for_each_sym(a->t, x, i) {
		int lit;

		if (!before[x->id])
			continue;
		lit = sym_is_bool_like(x) ? model_sym_is(a->m, x, before[x->id][0]) :
		      model_str_is(a->m, x, before[x->id]);
		if (lit != CNF_TRUE && lit != CNF_FALSE && lit)
			sat_prefer(a->s, lit);
	}
	for (size_t k = 0; k < nwant; k++)
		sat_assume(a->s, want[k]);
	r = sat_solve(a->s);
	if (r != SAT_SAT) {
		out->status = r == SAT_UNSAT ? FIX_IMPOSSIBLE : FIX_BUDGET;
		goto done;
	}
	if (q->conds && holds_in(q, c)) {
		out->status = FIX_FOUND;
		out->minimal = true;
		goto done;
	}
	/* what the solution changes; failing that, every line of it pinned */
	collect(q, a, before, false);
	if (!holds(q, NULL)) {
		collect(q, a, before, true);
		if (!holds(q, NULL)) {
			/* what no line of the file can change: a toolchain probe */
			tree_for_each_sym(a->t, x, i)
				if (before[x->id] && !has_prompt(x) && sym_is_bool_like(x) &&
				    sym_reads_shell(x) && !out->toolchain &&
				    model_tri_value(a->m, a->s, x) != before[x->id][0])
					out->toolchain = x;
			goto done;
		}
	}
	out->status = FIX_FOUND;
	out->minimal = true;
	/* what the simulation did not read does not matter */
	read = xcalloc(q->cands.n ? q->cands.n : 1, 1);
	holds(q, read);
	for (size_t k = 0; k < q->cands.n; k++)
		q->cands.v[k].on = read[k];
	if (!holds(q, NULL))
		for (size_t k = 0; k < q->cands.n; k++)
			q->cands.v[k].on = true;
	free(read);
	/* then each change on its own, until none can be dropped: dropping one
	 * may make an earlier one unneeded */
	for (bool dropped = true; dropped && out->minimal;) {
		dropped = false;
		for (size_t k = 0; k < q->cands.n; k++) {
			if (!q->cands.v[k].on)
				continue;
			if (q->work > FIX_WORK) {
				out->minimal = false;
				break;
			}
			q->cands.v[k].on = false;
			if (holds(q, NULL))
				dropped = true;
			else
				q->cands.v[k].on = true;
		}
	}
	for (size_t k = 0; k < q->cands.n; k++)
		if (q->cands.v[k].on) {
			struct fix_change ch = { q->cands.v[k].sym, xstrdup(q->cands.v[k].value),
						 xstrdup(before[q->cands.v[k].sym->id]) };

			vec_push(out->changes, ch);
		}
done:
	out->checks = q->checks;
	cands_clear(q);
	vec_release(q->cands);
	confsim_free(q->cs);
	tree_for_each_sym(a->t, x, i)
		free(before[x->id]);
	free(before);
}

void fix_find(struct arch_ctx *a, const struct config *c, const struct symbol *s, int want_lit,
	      char val, const char *str, struct fix_result *out)
{
	struct search q = { .t = a->t, .c = c, .s = s, .val = val, .str = str };

	find(&q, a, &want_lit, 1, out);
}

void fix_find_conds(struct arch_ctx *a, const struct config *c, const struct expr *const *conds,
		    size_t n, const struct symbol *bits, char bits_val, const int *want,
		    size_t nwant, struct fix_result *out)
{
	struct search q = { .t = a->t, .c = c, .conds = conds, .nconds = conds ? n : 0,
			    .bits = bits, .bits_val = bits_val };

	find(&q, a, want, nwant, out);
}

void fix_release(struct fix_result *r)
{
	for (size_t k = 0; k < r->changes.n; k++) {
		free(r->changes.v[k].value);
		free(r->changes.v[k].before);
	}
	vec_release(r->changes);
}

void fix_config_command(struct strbuf *sb, const struct fix_change *ch)
{
	const struct symbol *s = ch->sym;

	if (sym_is_bool_like(s)) {
		sb_addf(sb, " --%s %s", ch->value[0] == 'y' ? "enable" : ch->value[0] == 'm' ?
			"module" : "disable", s->name);
		return;
	}
	if (s->type != S_STRING) {
		sb_addf(sb, " --set-val %s %s", s->name, ch->value);
		return;
	}
	sb_addf(sb, " --set-str %s '", s->name);
	for (const char *p = ch->value; *p; p++)
		if (*p == '\'')
			sb_adds(sb, "'\\''");
		else
			sb_addc(sb, *p);
	sb_addc(sb, '\'');
}

void fix_changes_config(const struct fix_result *fx, struct config *c)
{
	for (size_t k = 0; k < fx->changes.n; k++) {
		struct config_entry e = { 0 };

		e.name = xstrdup(fx->changes.v[k].sym->name);
		e.value = xstrdup(fx->changes.v[k].value);
		e.is_string = fx->changes.v[k].sym->type == S_STRING;
		vec_push(c->v, e);
	}
	config_index(c);
}

const char *fix_status_name(enum fix_status st)
{
	switch (st) {
	case FIX_FOUND:
		return "found";
	case FIX_IMPOSSIBLE:
		return "impossible";
	case FIX_BUDGET:
		return "unknown";
	case FIX_NO_SIM:
		break;
	}
	return "no-simulation";
}
