#include "sat/implied.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "kconfig/dialect.h"
#include "kconfig/kconfig.h"
#include "util/vec.h"
#include "util/xalloc.h"

/* Past this many known facts a select is left to the solver: real trees
 * need a few hundred (everything `config X86` selects). */
#define MAX_FACTS 2048

enum { AY_UNKNOWN, AY_YES, AY_NO, AY_BUSY };

/* How much is known of an expression e, given the subject (a select's share
 * of rev_dep, or an entry's dependencies without one conjunct): nothing,
 * e is nonzero whenever the subject is, or e >= the subject. */
enum strength { KNOWN_NOT, KNOWN_NZ, KNOWN_GE };

struct implied {
	struct kctree *t;
	bool modern_choice;	/* 6.11+: a choice member's dependencies are the choice's */
	uint8_t *ally;		/* by symbol id: always y? */
	size_t nsyms;
	/* the facts about the last subject asked: expressions in the order
	 * learnt (again when strengthened), their strength by expression id
	 * (valid where mark is gen) */
	exprvec have;
	uint32_t *mark, gen;
	uint8_t *str;
	size_t nmark;
	const void *key[3];
};

struct implied *implied_new(struct kctree *t)
{
	struct implied *I = xcalloc(1, sizeof(*I));

	I->t = t;
	I->modern_choice = dialect_has(t, DR_CHOICE_VALUES);
	I->nsyms = t->syms.n;
	I->ally = xcalloc(I->nsyms + 1, 1);
	return I;
}

void implied_free(struct implied *I)
{
	if (!I)
		return;
	free(I->ally);
	free(I->mark);
	free(I->str);
	vec_release(I->have);
	free(I);
}

/* The conjuncts menu.c ANDs into m's dependencies: its own lines and its
 * ancestors'.  Up to 6.10 a choice member's chain ends in the choice symbol
 * instead: with whole set that is "unknown" (false), else the chain just
 * stops there, which only loses facts. */
static bool dep_conjuncts(const struct implied *I, const struct menu *m, exprvec *out, bool whole)
{
	for (; m && m->kind != M_ROOT; m = m->parent) {
		for (const struct dep_item *d = m->deps; d; d = d->next)
			expr_conjuncts(d->expr, out);
		if (!I->modern_choice && m->parent && m->parent->kind == M_CHOICE)
			return !whole;
	}
	return true;
}

/* A plain bool or tristate symbol whose value follows sym_calc_value()'s
 * common path (no choice, no special role). */
static bool plain(const struct implied *I, const struct symbol *s)
{
	return s->id < I->nsyms && sym_is_bool_like(s) && !s->env &&
	       !(s->flags & (SYM_CONST | SYM_CHOICE | SYM_CHOICEVAL | SYM_TRANSITIONAL | SYM_SHELL));
}

static bool always_y(struct implied *I, const struct symbol *s);

/* One select of an always-y symbol, from an entry without dependencies
 * and with no `if`, keeps its target at y. */
static bool selected_always(struct implied *I, const struct symbol *s)
{
	for (const struct property *q = s->selected_by; q; q = q->rev_next) {
		const struct menu *m = q->menu;

		if (q->cond || !m->sym)
			continue;
		for (; m && m->kind != M_ROOT && !m->deps && m->kind != M_CHOICE; m = m->parent)
			;
		if ((!m || m->kind == M_ROOT) && always_y(I, q->menu->sym))
			return true;
	}
	return false;
}

/* s is y in every configuration: `def_bool y` with no prompt and no
 * dependency anywhere, or selected as above. */
static bool always_y(struct implied *I, const struct symbol *s)
{
	uint8_t r = AY_NO;
	bool free_of_deps = true;

	if (!plain(I, s))
		return false;
	if (I->ally[s->id] != AY_UNKNOWN)
		return I->ally[s->id] == AY_YES;
	I->ally[s->id] = AY_BUSY;	/* a select cycle proves nothing */
	for (const struct menu *m = s->menus; m && free_of_deps; m = m->sym_next)
		for (const struct menu *a = m; a && a->kind != M_ROOT; a = a->parent)
			if (a->deps || a->kind == M_CHOICE)
				free_of_deps = false;
	for (const struct property *p = s->props; p && free_of_deps; p = p->sym_next)
		if (p->type == P_DEFAULT) {
			if (!p->cond && p->expr && p->expr->type == E_SYMBOL && p->expr->sym == &I->t->sym_y)
				r = AY_YES;
			break;
		}
	for (const struct property *p = s->props; p && r == AY_YES; p = p->sym_next)
		if (p->type == P_PROMPT)	/* `def_bool y` then `prompt "..." if EXPERT` */
			r = AY_NO;
	if (r != AY_YES && selected_always(I, s))
		r = AY_YES;
	I->ally[s->id] = r;
	return r == AY_YES;
}

static enum strength known(const struct implied *I, const struct expr *e)
{
	return e->id < I->nmark && I->mark[e->id] == I->gen ? I->str[e->id] : KNOWN_NOT;
}

static void learn(struct implied *I, struct expr *e, enum strength st)
{
	if (known(I, e) >= st || I->have.n >= MAX_FACTS)
		return;
	if (e->id >= I->nmark) {
		size_t n = 2 * (I->t->exprs.n > e->id ? I->t->exprs.n : (size_t)e->id + 1);

		I->mark = xrealloc(I->mark, n * sizeof(*I->mark));
		I->str = xrealloc(I->str, n);
		memset(I->mark + I->nmark, 0, (n - I->nmark) * sizeof(*I->mark));
		I->nmark = n;
	}
	I->mark[e->id] = I->gen;
	I->str[e->id] = (uint8_t)st;
	vec_push(I->have, e);
}

/* Defined nowhere on this arch, and raised by nothing: n (`depends on
 * !STACK_GROWSUP` on an arch without it). */
static bool undefined(const struct implied *I, const struct symbol *s)
{
	return s->id < I->nsyms && !s->menus && !s->selected_by && !s->implied_by &&
	       !(s->flags & (SYM_CONST | SYM_DEFINED | SYM_SHELL)) && !s->env;
}

static enum strength min_st(enum strength a, enum strength b)
{
	return a < b ? a : b;
}

static enum strength max_st(enum strength a, enum strength b)
{
	return a > b ? a : b;
}

/* What the facts say of e: one of them, && and || of them (min and max),
 * always y, or the negation of an undefined symbol. */
static enum strength covered(struct implied *I, const struct expr *e)
{
	switch (e->type) {
	case E_OR:	/* `depends on X86 || COMPILE_TEST` on both sides, too */
		return max_st(known(I, e), max_st(covered(I, e->left), covered(I, e->right)));
	case E_AND:
		return max_st(known(I, e), min_st(covered(I, e->left), covered(I, e->right)));
	case E_SYMBOL:
		if (e->sym == &I->t->sym_y || always_y(I, e->sym))
			return KNOWN_GE;
		break;
	case E_NOT:
		if (e->left->type == E_SYMBOL &&
		    (e->left->sym == &I->t->sym_n || undefined(I, e->left->sym)))
			return KNOWN_GE;
		break;
	default:
		break;
	}
	return known(I, e);
}

/* e is n or y, never m: nonzero then means y, which is >= anything. */
static bool two_valued(const struct implied *I, const struct expr *e)
{
	switch (e->type) {
	case E_SYMBOL:
		return e->sym->type == S_BOOLEAN || e->sym == &I->t->sym_y || e->sym == &I->t->sym_n;
	case E_NOT:
		return two_valued(I, e->left);
	case E_AND:
	case E_OR:
		return two_valued(I, e->left) && two_valued(I, e->right);
	default:
		return true;	/* comparisons */
	}
}

/* e >= the subject, in every configuration. */
static bool proves(struct implied *I, const struct expr *e, bool nz_enough)
{
	enum strength st = covered(I, e);

	return st == KNOWN_GE || (st == KNOWN_NZ && (nz_enough || two_valued(I, e)));
}

/* How strongly q's share (its symbol, its entry's dependencies and its
 * `if`) is known, given a's strength. */
static enum strength share_known(struct implied *I, const struct property *q, enum strength a)
{
	exprvec c = { 0 };
	enum strength st = dep_conjuncts(I, q->menu, &c, true) ? a : KNOWN_NOT;

	expr_conjuncts(q->cond, &c);
	for (size_t i = 0; i < c.n && st != KNOWN_NOT; i++)
		st = min_st(st, covered(I, c.v[i]));
	vec_release(c);
	return st;
}

/* Close the facts under what a known symbol a brings along:
 * - its own dependencies, when it can never exceed them: nobody selects
 *   it and it has one entry.  Nonzero implies nonzero; >= carries over
 *   only from a tristate nobody implies (a bool's visibility and an
 *   implied y round m up to y);
 * - the targets of its selects, as strongly as the select's share is
 *   known: rev_dep lifts a target to at least that share. */
static void close_facts(struct implied *I)
{
	for (size_t i = 0; i < I->have.n; i++) {
		const struct symbol *a = I->have.v[i]->type == E_SYMBOL ? I->have.v[i]->sym : NULL;
		enum strength st;

		if (!a || !plain(I, a))
			continue;
		st = known(I, I->have.v[i]);
		if (!a->selected_by && a->menus && !a->menus->sym_next) {
			exprvec more = { 0 };
			enum strength to = st == KNOWN_GE && a->type == S_TRISTATE && !a->implied_by ?
						   KNOWN_GE : KNOWN_NZ;

			dep_conjuncts(I, a->menus, &more, false);
			for (size_t k = 0; k < more.n; k++)
				learn(I, more.v[k], to);
			vec_release(more);
		}
		for (const struct property *q = a->props; q; q = q->sym_next) {
			struct expr *x;
			enum strength to;

			if (q->type != P_SELECT || !q->target || !plain(I, q->target))
				continue;
			x = expr_sym(I->t, q->target);
			if (known(I, x) < st && (to = share_known(I, q, st)) != KNOWN_NOT)
				learn(I, x, to);
		}
	}
}

/* Start over with a new subject, unless it is the last one. */
static bool new_subject(struct implied *I, const void *a, const void *b, const void *c)
{
	if (I->gen && I->key[0] == a && I->key[1] == b && I->key[2] == c)
		return false;
	I->key[0] = a;
	I->key[1] = b;
	I->key[2] = c;
	I->gen++;
	I->have.n = 0;
	return true;
}

static void learn_all(struct implied *I, const exprvec *v)
{
	for (size_t i = 0; i < v->n; i++)
		learn(I, v->v[i], KNOWN_GE);
}

bool implied_select_met(struct implied *I, const struct property *p)
{
	const struct symbol *x = p->target;
	exprvec need = { 0 };
	bool met = false;

	if (p->type != P_SELECT || !x || !plain(I, x) || !p->menu->sym)
		return false;
	if (new_subject(I, p->menu, p->cond, NULL)) {
		exprvec own = { 0 };

		dep_conjuncts(I, p->menu, &own, false);
		expr_conjuncts(p->cond, &own);
		vec_push(own, expr_sym(I->t, p->menu->sym));
		learn_all(I, &own);
		vec_release(own);
		close_facts(I);
	}
	/* dir_dep is the || of the entries' dependencies: one entry whose
	 * every conjunct is >= the share is enough.  Both sides are rounded
	 * up for a bool target, so nonzero is enough there. */
	for (const struct menu *m = x->menus; m && !met; m = m->sym_next) {
		need.n = 0;
		if (!dep_conjuncts(I, m, &need, true))
			continue;
		met = true;
		for (size_t i = 0; i < need.n && met; i++)
			met = proves(I, need.v[i], x->type != S_TRISTATE);
	}
	vec_release(need);
	return met;
}

bool implied_dep_redundant(struct implied *I, const struct menu *m, const struct dep_item *d,
			   struct expr *rest, struct expr *conj)
{
	if (new_subject(I, m, d, rest)) {
		exprvec own = { 0 };

		for (const struct dep_item *o = m->deps; o; o = o->next)
			expr_conjuncts(o == d ? rest : o->expr, &own);
		if (I->modern_choice || !m->parent || m->parent->kind != M_CHOICE)
			dep_conjuncts(I, m->parent, &own, false);
		learn_all(I, &own);
		vec_release(own);
		close_facts(I);
	}
	return proves(I, conj, false);
}
