#include "implied.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "kconfig.h"
#include "vec.h"
#include "xalloc.h"

/* Past this many known facts a select is left to the solver: real trees
 * need a few hundred (everything `config X86` selects). */
#define MAX_FACTS 2048

typedef VEC(const struct expr *) exprvec;

enum { AY_UNKNOWN, AY_YES, AY_NO, AY_BUSY };

struct implied {
	struct kctree *t;
	bool modern_choice;	/* 6.11+: a choice member's dependencies are the choice's */
	uint8_t *ally;		/* by symbol id: always y? */
	size_t nsyms;
	/* facts: expressions known >= the select's share of rev_dep, for the
	 * last (entry, condition, exactness) asked, marked by expression id */
	exprvec have;
	uint32_t *mark, gen;
	size_t nmark;
	const struct menu *key_menu;
	const struct expr *key_cond;
	int key_exact;
};

struct implied *implied_new(struct kctree *t)
{
	struct implied *I = xcalloc(1, sizeof(*I));

	I->t = t;
	I->modern_choice = t->kversion == 0 || t->kversion >= 611;
	I->nsyms = t->syms.n;
	I->ally = xcalloc(I->nsyms + 1, 1);
	I->key_exact = -1;
	return I;
}

void implied_free(struct implied *I)
{
	if (!I)
		return;
	free(I->ally);
	free(I->mark);
	vec_release(I->have);
	free(I);
}

static void push_conjuncts(const struct expr *e, exprvec *out)
{
	if (e && e->type == E_AND) {
		push_conjuncts(e->left, out);
		push_conjuncts(e->right, out);
	} else if (e) {
		vec_push(*out, e);
	}
}

/* The conjuncts menu.c ANDs into m's dependencies: its own lines and its
 * ancestors'.  Up to 6.10 a choice member's chain ends in the choice symbol
 * instead: with whole set that is "unknown" (false), else the chain just
 * stops there, which only loses facts. */
static bool dep_conjuncts(const struct implied *I, const struct menu *m, exprvec *out, bool whole)
{
	for (; m && m->kind != M_ROOT; m = m->parent) {
		for (const struct dep_item *d = m->deps; d; d = d->next)
			push_conjuncts(d->expr, out);
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
	for (const struct property *p = s->props; p && free_of_deps; p = p->sym_next) {
		if (p->type == P_PROMPT)
			break;
		if (p->type == P_DEFAULT) {
			if (!p->cond && p->expr && p->expr->type == E_SYMBOL && p->expr->sym == &I->t->sym_y)
				r = AY_YES;
			break;
		}
	}
	if (r != AY_YES && selected_always(I, s))
		r = AY_YES;
	I->ally[s->id] = r;
	return r == AY_YES;
}

static bool known(const struct implied *I, const struct expr *e)
{
	return e->id < I->nmark && I->mark[e->id] == I->gen;
}

static void learn(struct implied *I, const struct expr *e)
{
	if (known(I, e) || I->have.n >= MAX_FACTS)
		return;
	if (e->id >= I->nmark) {
		size_t n = I->t->exprs.n > e->id ? I->t->exprs.n : (size_t)e->id + 1;

		I->mark = xrealloc(I->mark, n * 2 * sizeof(*I->mark));
		memset(I->mark + I->nmark, 0, (n * 2 - I->nmark) * sizeof(*I->mark));
		I->nmark = n * 2;
	}
	I->mark[e->id] = I->gen;
	vec_push(I->have, e);
}

/* Defined nowhere on this arch, and raised by nothing: n (`depends on
 * !STACK_GROWSUP` on an arch without it). */
static bool undefined(const struct implied *I, const struct symbol *s)
{
	return s->id < I->nsyms && !s->menus && !s->selected_by && !s->implied_by &&
	       !(s->flags & (SYM_CONST | SYM_DEFINED | SYM_SHELL)) && !s->env;
}

/* e >= the select's share, read off the facts: one of them, an || with
 * such a side, always y, or the negation of an undefined symbol. */
static bool covered(struct implied *I, const struct expr *e)
{
	if (e->type == E_OR)
		return covered(I, e->left) || covered(I, e->right);
	if (e->type == E_SYMBOL && (e->sym == &I->t->sym_y || always_y(I, e->sym)))
		return true;
	if (e->type == E_NOT && e->left->type == E_SYMBOL &&
	    (e->left->sym == &I->t->sym_n || undefined(I, e->left->sym)))
		return true;
	return known(I, e);
}

/* Every conjunct of q's condition (its entry's dependencies and its `if`)
 * is covered. */
static bool cond_covered(struct implied *I, const struct property *q)
{
	exprvec c = { 0 };
	bool ok = dep_conjuncts(I, q->menu, &c, true);

	push_conjuncts(q->cond, &c);
	for (size_t i = 0; i < c.n && ok; i++)
		ok = covered(I, c.v[i]);
	vec_release(c);
	return ok;
}

/* Close the facts under what a known symbol a brings along:
 * - its own dependencies, when it can never exceed them: nobody selects
 *   it and it has one entry.  For an exact (tristate) target a must also be
 *   a tristate nobody implies, since a bool's visibility and an implied y
 *   round m up to y; for a bool target "nonzero implies nonzero" is
 *   enough, the target's dependencies being rounded up the same way;
 * - the targets of its selects whose conditions are covered: rev_dep lifts
 *   them to at least the select's share. */
static void close_facts(struct implied *I, bool exact)
{
	for (size_t i = 0; i < I->have.n; i++) {
		const struct symbol *a = I->have.v[i]->type == E_SYMBOL ? I->have.v[i]->sym : NULL;

		if (!a || !plain(I, a))
			continue;
		if (!a->selected_by && a->menus && !a->menus->sym_next &&
		    (!exact || (a->type == S_TRISTATE && !a->implied_by))) {
			exprvec more = { 0 };

			dep_conjuncts(I, a->menus, &more, false);
			for (size_t k = 0; k < more.n; k++)
				learn(I, more.v[k]);
			vec_release(more);
		}
		for (const struct property *q = a->props; q; q = q->sym_next)
			if (q->type == P_SELECT && q->target && plain(I, q->target) &&
			    !known(I, expr_sym(I->t, q->target)) && cond_covered(I, q))
				learn(I, expr_sym(I->t, q->target));
	}
}

bool implied_select_met(struct implied *I, const struct property *p)
{
	const struct symbol *x = p->target;
	int exact = x && x->type == S_TRISTATE;
	exprvec need = { 0 };
	bool met = false;

	if (p->type != P_SELECT || !x || !plain(I, x) || !p->menu->sym)
		return false;
	if (I->key_menu != p->menu || I->key_cond != p->cond || I->key_exact != exact) {
		exprvec own = { 0 };

		I->key_menu = p->menu;
		I->key_cond = p->cond;
		I->key_exact = exact;
		I->gen++;
		I->have.n = 0;
		dep_conjuncts(I, p->menu, &own, false);
		push_conjuncts(p->cond, &own);
		vec_push(own, expr_sym(I->t, p->menu->sym));
		for (size_t i = 0; i < own.n; i++)
			learn(I, own.v[i]);
		vec_release(own);
		close_facts(I, exact);
	}
	/* dir_dep is the || of the entries' dependencies: one covered entry
	 * is enough */
	for (const struct menu *m = x->menus; m && !met; m = m->sym_next) {
		need.n = 0;
		if (!dep_conjuncts(I, m, &need, true))
			continue;
		met = true;
		for (size_t i = 0; i < need.n && met; i++)
			met = covered(I, need.v[i]);
	}
	vec_release(need);
	return met;
}
