#include "kconfig/confsim.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "kconfig/dialect.h"
#include "kconfig/kconfig.h"
#include "kconfig/value.h"
#include "util/xalloc.h"

enum { S_NEW, S_BUSY, S_DONE };

struct confsim {
	struct kctree *t;
	const char **user;	/* by symbol id: user value or NULL */
	unsigned char *state;
	unsigned char *tri;	/* computed */
	const char **str;	/* computed, int/hex/string */
	unsigned char *read;	/* user value consulted */
};

struct confsim *confsim_new(struct kctree *t)
{
	struct confsim *cs;
	size_t n = t->syms.n;

	if (!dialect_has(t, DR_CHOICE_VALUES))
		return NULL;
	cs = xcalloc(1, sizeof(*cs));
	cs->t = t;
	cs->user = xcalloc(n, sizeof(*cs->user));
	cs->state = xcalloc(n, 1);
	cs->tri = xcalloc(n, 1);
	cs->str = xcalloc(n, sizeof(*cs->str));
	cs->read = xcalloc(n, 1);
	return cs;
}

void confsim_free(struct confsim *cs)
{
	if (!cs)
		return;
	free(cs->user);
	free(cs->state);
	free(cs->tri);
	free(cs->str);
	free(cs->read);
	free(cs);
}

void confsim_user(struct confsim *cs, const struct symbol *s, const char *v)
{
	cs->user[s->id] = v;
	memset(cs->state, S_NEW, cs->t->syms.n);
	memset(cs->read, 0, cs->t->syms.n);
}

bool confsim_read(const struct confsim *cs, const struct symbol *s)
{
	return cs->read[s->id];
}

static void calc(struct confsim *cs, const struct symbol *s);

static int sym_tri(struct confsim *cs, const struct symbol *s)
{
	if (s == &cs->t->sym_y)
		return 2;
	if (s == &cs->t->sym_m)
		return 1;
	if (!(s->flags & SYM_DEFINED) || (s->flags & SYM_CONST) || !sym_is_bool_like(s) ||
	    sym_is_choice(s))
		return 0;
	calc(cs, s);
	return cs->tri[s->id];
}

static const char *sym_str(struct confsim *cs, const struct symbol *s)
{
	static const char *const names[] = { "n", "m", "y" };

	if (sym_is_bool_like(s) && ((s->flags & SYM_DEFINED) || (s->flags & SYM_CONST)))
		return names[sym_tri(cs, s)];
	if (!(s->flags & SYM_DEFINED) || (s->flags & SYM_CONST))
		return s->name ? s->name : "";
	calc(cs, s);
	return cs->str[s->id] ? cs->str[s->id] : "";
}

static int expr_val(struct confsim *cs, const struct expr *e)
{
	int a, b;

	if (!e)
		return 2;
	switch (e->type) {
	case E_SYMBOL:
		return sym_tri(cs, e->sym);
	case E_NOT:
		return 2 - expr_val(cs, e->left);
	case E_AND:
		a = expr_val(cs, e->left);
		b = expr_val(cs, e->right);
		return a < b ? a : b;
	case E_OR:
		a = expr_val(cs, e->left);
		b = expr_val(cs, e->right);
		return a > b ? a : b;
	default:
		return value_compare(e->type, sym_str(cs, e->sym),
				     e->sym->flags & SYM_CONST ? S_UNKNOWN : e->sym->type,
				     sym_str(cs, e->rsym),
				     e->rsym->flags & SYM_CONST ? S_UNKNOWN : e->rsym->type);
	}
}

static bool bool_now(struct confsim *cs, const struct symbol *s)
{
	return s->type == S_BOOLEAN || sym_tri(cs, cs->t->modules) != 2;
}

static int rnd(struct confsim *cs, const struct symbol *s, int v)
{
	return v == 1 && bool_now(cs, s) ? 2 : v;
}

static int visibility(struct confsim *cs, const struct symbol *s)
{
	int vis = 0;

	if (s->flags & SYM_TRANSITIONAL)
		return 2;	/* 6.18 sym_calc_visibility(): its user value counts */
	for (const struct property *p = s->props; p; p = p->sym_next)
		if (p->type == P_PROMPT) {
			int v = expr_val(cs, p->visible);

			vis = v > vis ? v : vis;
		}
	return vis == 1 && (s->type != S_TRISTATE || sym_tri(cs, cs->t->modules) != 2) ? 2 : vis;
}

static int revs(struct confsim *cs, const struct property *list)
{
	int r = 0;

	for (const struct property *p = list; p; p = p->rev_next) {
		int a = sym_tri(cs, p->menu->sym), c = expr_val(cs, p->visible);

		a = a < c ? a : c;
		r = a > r ? a : r;
	}
	return r;
}

static int user_tri(struct confsim *cs, const struct symbol *s)
{
	const char *u = cs->user[s->id];

	cs->read[s->id] = 1;
	if (!u)
		return -1;
	return !strcmp(u, "y") ? 2 : !strcmp(u, "m") ? 1 : 0;
}

#define for_each_member(k, c) \
	for (const struct menu *k = (c)->list; k; k = menu_next((struct menu *)k, (struct menu *)(c))) \
		if (k->sym && k->sym->choice == (c))

/* sym_calc_choice() of 6.11+: the chosen member of choice c. */
static const struct symbol *choice_pick(struct confsim *cs, const struct menu *c)
{
	const struct symbol *res = NULL;

	for_each_member(k, c)
		if (!res && visibility(cs, k->sym) && user_tri(cs, k->sym) == 2)
			res = k->sym;
	if (!res) {
		for (const struct property *p = c->sym->props; p && !res; p = p->sym_next)
			if (p->type == P_DEFAULT && expr_val(cs, p->visible) && p->target &&
			    visibility(cs, p->target))
				res = p->target;
		if (!res)
			for_each_member(k, c)
				if (!res && visibility(cs, k->sym))
					res = k->sym;
		if (res && user_tri(cs, res) == 0)
			res = NULL;
	}
	if (!res)
		for_each_member(k, c)
			if (!res && visibility(cs, k->sym) && user_tri(cs, k->sym) < 0)
				res = k->sym;
	if (!res)	/* the least prioritized visible one */
		for_each_member(k, c)
			if (visibility(cs, k->sym))
				res = k->sym;
	return res;
}

static void calc(struct confsim *cs, const struct symbol *s)
{
	uint32_t id = s->id;

	if (cs->state[id] != S_NEW)
		return;		/* done, or a recursion: the kernel reads n too */
	cs->state[id] = S_BUSY;
	cs->tri[id] = 0;
	cs->str[id] = value_empty(s->type, cs->t->kversion);
	if (sym_is_bool_like(s)) {
		int vis = visibility(cs, s), v = 0, u;

		if (s->choice) {
			v = vis && choice_pick(cs, s->choice) == s ? 2 : 0;
		} else {
			int rev = rnd(cs, s, revs(cs, s->selected_by));

			u = vis ? user_tri(cs, s) : -1;
			if (u >= 0) {
				v = u < vis ? u : vis;
			} else {
				for (const struct property *p = s->props; p; p = p->sym_next)
					if (p->type == P_DEFAULT && expr_val(cs, p->visible)) {
						int dv = expr_val(cs, p->expr), dc = expr_val(cs, p->visible);

						v = dv < dc ? dv : dc;
						break;
					}
				if (s->implied_by) {
					int imp = rnd(cs, s, revs(cs, s->implied_by));

					if (imp) {
						int dir = rnd(cs, s, expr_val(cs, s->dir_dep));

						v = v > imp ? v : imp;
						v = v < dir ? v : dir;
					}
				}
			}
			v = v > rev ? v : rev;
		}
		cs->tri[id] = (unsigned char)rnd(cs, s, v);
	} else {
		const char *u = visibility(cs, s) ? cs->user[id] : NULL;
		const struct property *r = NULL;

		if (visibility(cs, s))
			cs->read[id] = 1;
		if (u && value_valid(s->type, u)) {
			cs->str[id] = u;
		} else {
			for (const struct property *p = s->props; p; p = p->sym_next)
				if (p->type == P_DEFAULT && expr_val(cs, p->visible)) {
					if (p->expr->type == E_SYMBOL)
						cs->str[id] = sym_str(cs, p->expr->sym);
					break;
				}
		}
		for (const struct property *p = s->props; p && !r; p = p->sym_next)
			if (p->type == P_RANGE && expr_val(cs, p->visible))
				r = p;
		if (r)
			cs->str[id] = value_clamp(cs->str[id], s->type, sym_str(cs, r->lo), r->lo->type,
						  sym_str(cs, r->hi), r->hi->type);
	}
	cs->state[id] = S_DONE;
}

int confsim_tri(struct confsim *cs, const struct symbol *s)
{
	return sym_tri(cs, s);
}
