#include "kconfig/eval.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "kconfig/confdata.h"
#include "kconfig/dialect.h"
#include "kconfig/value.h"
#include "util/vec.h"
#include "util/xalloc.h"

enum ev_kind { EV_CONFIG, EV_COMPUTED, EV_SOURCE };

/* Computed evaluators: a symbol's state is NEW unless stamp[id] == gen. */
enum { ST_NEW, ST_BUSY, ST_DONE };

/* One node of eval_expr()'s explicit stack. */
struct frame {
	const struct expr *e;
	unsigned stage;		/* operands pushed so far */
};

struct eval {
	struct kctree *t;
	enum ev_kind kind;
	const struct config *c;		/* EV_CONFIG */
	struct eval_source src;		/* EV_SOURCE; EV_COMPUTED: user values */
	signed char *tri;		/* by id; EV_CONFIG: -1 not looked up yet */
	const char **str;
	/* EV_COMPUTED */
	uint32_t *stamp, gen;
	unsigned char *state, *write;
	symvec todo;	/* BUSY symbols, innermost last */
	const struct symbol *missing;	/* first NEW symbol the running calc read */
	bool running;
	VEC(struct frame) frames;
	VEC(unsigned char) vals;
	unsigned long long calcs;	/* calc_sym() runs, for work budgets */
	/* EV_COMPUTED, Linux 6.10 and older (no choice-values rule) */
	bool old_choices;
	const struct symbol **pick;	/* by choice symbol id: its pick, once DONE */
	uint32_t *nouser;		/* == gen: user value dropped (range-reset) */
	uint32_t reset_gen;		/* == gen: range-reset done */
};

static struct eval *eval_alloc(struct kctree *t, enum ev_kind kind)
{
	struct eval *ev = xcalloc(1, sizeof(*ev));
	size_t n = t->syms.n;

	ev->t = t;
	ev->kind = kind;
	ev->tri = xmalloc(n ? n : 1);
	memset(ev->tri, -1, n);
	ev->str = xcalloc(n ? n : 1, sizeof(*ev->str));
	return ev;
}

struct eval *eval_new_config(struct kctree *t, const struct config *c)
{
	struct eval *ev = eval_alloc(t, EV_CONFIG);

	ev->c = c;
	return ev;
}

struct eval *eval_new_computed(struct kctree *t, const struct eval_source *users)
{
	struct eval *ev = eval_alloc(t, EV_COMPUTED);
	size_t n = t->syms.n ? t->syms.n : 1;

	ev->src = *users;
	ev->stamp = xcalloc(n, sizeof(*ev->stamp));
	ev->state = xcalloc(n, 1);
	ev->write = xcalloc(n, 1);
	ev->gen = 1;
	ev->old_choices = !dialect_has(t, DR_CHOICE_VALUES);
	ev->pick = xcalloc(n, sizeof(*ev->pick));
	ev->nouser = xcalloc(n, sizeof(*ev->nouser));
	return ev;
}

struct eval *eval_new_source(struct kctree *t, const struct eval_source *src)
{
	struct eval *ev = eval_alloc(t, EV_SOURCE);

	ev->src = *src;
	return ev;
}

void eval_free(struct eval *ev)
{
	if (!ev)
		return;
	free(ev->tri);
	free(ev->str);
	free(ev->stamp);
	free(ev->state);
	free(ev->write);
	free(ev->pick);
	free(ev->nouser);
	vec_release(ev->todo);
	vec_release(ev->frames);
	vec_release(ev->vals);
	free(ev);
}

struct kctree *eval_tree(const struct eval *ev)
{
	return ev->t;
}

unsigned long long eval_work(const struct eval *ev)
{
	return ev->calcs;
}

void eval_forget(struct eval *ev)
{
	if (ev->kind != EV_COMPUTED)
		return;
	if (++ev->gen == 0) {	/* wrapped: every stamp is stale for real */
		memset(ev->stamp, 0, ev->t->syms.n * sizeof(*ev->stamp));
		memset(ev->nouser, 0, ev->t->syms.n * sizeof(*ev->nouser));
		ev->reset_gen = 0;
		ev->gen = 1;
	}
}

bool eval_has_value(const struct symbol *s)
{
	return sym_is_choice(s) || ((s->flags & SYM_DEFINED) && !(s->flags & SYM_CONST) && s->name);
}

/* ---- computed values: sym_calc_value() on demand, without recursion ----
 *
 * The kernel computes a symbol's value recursively, reading n (or the
 * empty value of its type) for a symbol whose computation is under way.
 * Here a computation (calc_sym()) that reads a symbol not computed yet
 * stops reading (every later read gives n and is ignored), and the symbol
 * it needed is computed first; then the computation runs again from the
 * start.  Everything it read before the stop had its final value, so it
 * follows the path the recursion would, reads the same user values and
 * meets a symbol under way exactly where the recursion would. */

static unsigned char state_of(const struct eval *ev, const struct symbol *s)
{
	return ev->stamp[s->id] == ev->gen ? ev->state[s->id] : ST_NEW;
}

struct result {
	enum tristate tri;
	const char *str;
	bool write;
	const struct symbol *pick;	/* a choice up to 6.10: its pick */
};

static void calc_sym(struct eval *ev, const struct symbol *s, struct result *r);

static void begin(struct eval *ev, const struct symbol *s)
{
	ev->stamp[s->id] = ev->gen;
	ev->state[s->id] = ST_BUSY;
	ev->tri[s->id] = no;
	ev->str[s->id] = value_empty(s->type, ev->t->kversion);
	ev->write[s->id] = 0;
	vec_push(ev->todo, s);
}

static void compute(struct eval *ev, const struct symbol *s)
{
	size_t base = ev->todo.n;

	begin(ev, s);
	while (ev->todo.n > base) {
		const struct symbol *x = vec_last(ev->todo);
		struct result r;

		ev->missing = NULL;
		ev->running = true;
		ev->calcs++;
		calc_sym(ev, x, &r);
		ev->running = false;
		if (ev->missing) {
			begin(ev, ev->missing);
			continue;
		}
		ev->tri[x->id] = (signed char)r.tri;
		ev->str[x->id] = r.str;
		ev->write[x->id] = r.write;
		if (ev->pick)
			ev->pick[x->id] = r.pick;
		ev->state[x->id] = ST_DONE;
		ev->todo.n--;
	}
}

/* Make s's value available; false in a computation that must first wait
 * for it (the caller then reads a placeholder, never a stale value). */
static bool computed(struct eval *ev, const struct symbol *s)
{
	if (state_of(ev, s) != ST_NEW)
		return true;	/* done, or under way: the kernel reads n too */
	if (ev->running) {
		if (!ev->missing)
			ev->missing = s;
		return false;
	}
	compute(ev, s);
	return true;
}

/* ---- values ---- */

static enum tristate choice_value(struct eval *ev, const struct symbol *c)
{
	enum tristate v = no;

	/* a pre-6.11 choice symbol is not written to .config: read it off its
	 * members (y if one is y, m if one is m) */
	for (const struct menu *cm = c->menus; cm; cm = cm->sym_next)
		for (const struct menu *k = cm->list; k; k = menu_next_const(k, cm))
			if (k->sym && k->sym->choice == cm)
				v = tri_or(v, eval_sym_tri(ev, k->sym));
	return v;
}

static bool bool_valued(const struct symbol *s)
{
	return sym_is_bool_like(s) && (s->flags & SYM_DEFINED) && !(s->flags & SYM_CONST) && s->name;
}

enum tristate eval_sym_tri(struct eval *ev, const struct symbol *s)
{
	const struct config_entry *e;

	if (s == &ev->t->sym_y)
		return yes;
	if (s == &ev->t->sym_m)
		return mod;
	if (sym_is_choice(s) && s->id < ev->t->syms.n) {
		switch (ev->kind) {
		case EV_CONFIG:
			if (ev->tri[s->id] < 0)
				ev->tri[s->id] = (signed char)choice_value(ev, s);
			return (enum tristate)ev->tri[s->id];
		case EV_SOURCE:
			return choice_value(ev, s);
		case EV_COMPUTED:
			return computed(ev, s) ? (enum tristate)ev->tri[s->id] : no;
		}
	}
	if (!bool_valued(s))
		return no;
	switch (ev->kind) {
	case EV_CONFIG:
		if (ev->tri[s->id] < 0) {
			e = config_find(ev->c, s->name);
			ev->tri[s->id] = (signed char)(e ? tri_value(e->value) : no);
		}
		return (enum tristate)ev->tri[s->id];
	case EV_SOURCE:
		return ev->src.tri(ev->src.ctx, s);
	case EV_COMPUTED:
		return computed(ev, s) ? (enum tristate)ev->tri[s->id] : no;
	}
	return no;
}

const char *eval_sym_str(struct eval *ev, const struct symbol *s)
{
	const struct config_entry *e;

	if (sym_is_bool_like(s) && ((s->flags & SYM_DEFINED) || (s->flags & SYM_CONST)))
		return tri_str(eval_sym_tri(ev, s));
	if (!(s->flags & SYM_DEFINED) || (s->flags & SYM_CONST) || !s->name)
		return s->name ? s->name : "";
	switch (ev->kind) {
	case EV_CONFIG:
		if (!ev->str[s->id]) {
			e = config_find(ev->c, s->name);
			ev->str[s->id] = e ? e->value : value_empty(s->type, ev->t->kversion);
		}
		return ev->str[s->id];
	case EV_SOURCE:
		return ev->src.str(ev->src.ctx, s);
	case EV_COMPUTED:
		return computed(ev, s) && ev->str[s->id] ? ev->str[s->id] : "";
	}
	return "";
}

/* s's user value, where sym_calc_value() reads it. */
static const char *user_value(struct eval *ev, const struct symbol *s)
{
	const struct config_entry *e;

	if (ev->missing)	/* a computation about to run again */
		return NULL;
	if (ev->nouser && ev->nouser[s->id] == ev->gen)
		return NULL;	/* range-reset: conf_read() took it away */
	if (ev->kind == EV_CONFIG) {
		e = config_find(ev->c, s->name);
		return e ? e->value : NULL;
	}
	return ev->src.user ? ev->src.user(ev->src.ctx, s) : NULL;
}

/* ---- expressions ---- */

static enum tristate compare(struct eval *ev, const struct expr *e)
{
	return (enum tristate)value_compare(e->type, eval_sym_str(ev, e->sym),
					    e->sym->flags & SYM_CONST ? S_UNKNOWN : e->sym->type,
					    eval_sym_str(ev, e->rsym),
					    e->rsym->flags & SYM_CONST ? S_UNKNOWN : e->rsym->type);
}

/* Operands left to right, as the recursion in expr.c reads them; on
 * explicit stacks (their bottoms kept: a value read here may start a
 * computation that evaluates expressions of its own). */
enum tristate eval_expr(struct eval *ev, const struct expr *e)
{
	size_t fbase = ev->frames.n, vbase = ev->vals.n;
	enum tristate v;

	if (!e)
		return yes;
	vec_push(ev->frames, ((struct frame){ e, 0 }));
	while (ev->frames.n > fbase) {
		struct frame *f = &vec_last(ev->frames);
		const struct expr *x = f->e;
		unsigned arity = x->type == E_NOT ? 1 : x->type == E_AND || x->type == E_OR ? 2 : 0;

		if (f->stage < arity) {
			const struct expr *next = f->stage++ ? x->right : x->left;

			if (next) {
				vec_push(ev->frames, ((struct frame){ next, 0 }));
			} else {
				vec_push(ev->vals, yes);
			}
			continue;
		}
		switch (x->type) {
		case E_SYMBOL:
			v = eval_sym_tri(ev, x->sym);
			break;
		case E_NOT:
			v = tri_not((enum tristate)vec_pop(ev->vals));
			break;
		case E_AND:
		case E_OR:
			v = (enum tristate)vec_pop(ev->vals);
			v = x->type == E_AND ? tri_and((enum tristate)vec_pop(ev->vals), v)
					     : tri_or((enum tristate)vec_pop(ev->vals), v);
			break;
		default:
			v = compare(ev, x);
			break;
		}
		ev->frames.n--;
		vec_push(ev->vals, (unsigned char)v);
	}
	v = (enum tristate)vec_pop(ev->vals);
	ev->vals.n = vbase;
	return v;
}

enum tristate eval_cond(struct eval *ev, struct expr *e)
{
	return eval_expr(ev, expr_rewrite_m(ev->t, e));
}

/* ---- the pieces of sym_calc_value() ---- */

bool eval_bool_now(struct eval *ev, const struct symbol *s)
{
	return s->type == S_BOOLEAN || eval_sym_tri(ev, ev->t->modules) != yes;
}

enum tristate eval_round(struct eval *ev, const struct symbol *s, enum tristate v)
{
	return v == mod && eval_bool_now(ev, s) ? yes : v;
}

/* Up to 6.10, is s a member of a choice whose symbol is y? */
static bool in_y_choice(struct eval *ev, const struct symbol *s)
{
	return s->choice && s->choice->sym && !dialect_has(ev->t, DR_CHOICE_VALUES) &&
	       eval_sym_tri(ev, s->choice->sym) == yes;
}

enum tristate eval_visibility(struct eval *ev, const struct symbol *s)
{
	enum tristate vis = no;
	int ychoice = -1;	/* in_y_choice(), once asked */

	if (s->flags & SYM_TRANSITIONAL)
		return yes;	/* 6.18 sym_calc_visibility(): its user value counts */
	for (const struct property *p = s->props; p; p = p->sym_next)
		if (p->type == P_PROMPT) {
			enum tristate pv = eval_expr(ev, p->visible);

			/* up to 6.10: a tristate member's prompt visible as m
			 * is hidden while its choice is y */
			if (pv == mod && s->type == S_TRISTATE && s->choice && ychoice < 0)
				ychoice = in_y_choice(ev, s);
			if (pv == mod && s->type == S_TRISTATE && ychoice > 0)
				pv = no;
			vis = tri_or(vis, pv);
		}
	/* up to 6.10, menu.c: a member of a tristate choice that is no
	 * tristate depends on the choice being y */
	if (vis && s->choice && s->choice->sym && s->choice->sym->type == S_TRISTATE &&
	    s->type != S_TRISTATE && !dialect_has(ev->t, DR_CHOICE_VALUES) && !in_y_choice(ev, s))
		vis = no;
	if (vis == mod && (s->type != S_TRISTATE || eval_sym_tri(ev, ev->t->modules) != yes))
		vis = yes;
	return vis;
}

enum tristate eval_rev_one(struct eval *ev, const struct property *p)
{
	enum tristate v = eval_sym_tri(ev, p->menu->sym);

	return tri_and(v, eval_expr(ev, p->visible));
}

enum tristate eval_rev(struct eval *ev, const struct property *list)
{
	enum tristate r = no;

	for (const struct property *p = list; p; p = p->rev_next)
		r = tri_or(r, eval_rev_one(ev, p));
	return r;
}

static const struct property *first_active(struct eval *ev, const struct symbol *s,
					   enum prop_type type)
{
	for (const struct property *p = s->props; p; p = p->sym_next)
		if (p->type == type && eval_expr(ev, p->visible) != no)
			return p;
	return NULL;
}

const struct property *eval_active_default(struct eval *ev, const struct symbol *s)
{
	return first_active(ev, s, P_DEFAULT);
}

const struct property *eval_active_range(struct eval *ev, const struct symbol *s)
{
	return first_active(ev, s, P_RANGE);
}

const char *eval_clamp(struct eval *ev, const struct symbol *s, const struct property *r,
		       const char *v)
{
	return value_clamp(v, s->type, eval_sym_str(ev, r->lo), r->lo->type,
			   eval_sym_str(ev, r->hi), r->hi->type);
}

/* A member's user value as a tristate; -1: none. */
static int user_tri(struct eval *ev, const struct symbol *s)
{
	const char *u = user_value(ev, s);

	return u ? (int)tri_value(u) : -1;
}

struct member {
	const struct symbol *sym;
	unsigned rank, pos;
};
typedef VEC(struct member) membervec;

static int by_priority(const void *a, const void *b)
{
	const struct member *x = a, *y = b;

	if (x->rank != y->rank)
		return x->rank > y->rank ? -1 : 1;
	return (x->pos > y->pos) - (x->pos < y->pos);
}

/* The members of c in conf's priority order (eval_source.rank). */
static void members(struct eval *ev, const struct menu *c, struct member **out, size_t *n)
{
	VEC(struct member) v = { 0 };

	for (const struct menu *k = c->list; k; k = menu_next_const(k, c))
		if (k->sym && k->sym->choice == c) {
			struct member m = { k->sym, ev->src.rank ? ev->src.rank(ev->src.ctx, k->sym) : 0,
					    (unsigned)v.n };

			vec_push(v, m);
		}
	if (ev->src.rank && v.n > 1)
		qsort(v.v, v.n, sizeof(*v.v), by_priority);
	*out = v.v;
	*n = v.n;
}

/* sym_calc_choice() of 6.11+: the chosen member of choice c. */
static const struct symbol *choice_pick(struct eval *ev, const struct menu *c)
{
	const struct symbol *res = NULL;
	struct member *m;
	size_t n;

	members(ev, c, &m, &n);
	/* a member pinned at y (its visibility reads an unexecuted $(shell):
	 * the file's value stands) is the pick, so no other member is y beside
	 * it (DEBUG_INFO_COMPRESSED_ZSTD's $(cc-option,-gz=zstd)) */
	for (size_t i = 0; i < n && !res && ev->src.pin; i++) {
		const char *pinned = ev->src.pin(ev->src.ctx, m[i].sym);

		if (pinned && tri_value(pinned) == yes)
			res = m[i].sym;
	}
	/* the first visible member the user set to y, in priority order */
	for (size_t i = 0; i < n && !res; i++)
		if (eval_visibility(ev, m[i].sym) && user_tri(ev, m[i].sym) == yes)
			res = m[i].sym;
	if (!res) {
		/* sym_choice_default(), unless the user said n to it */
		for (const struct property *p = c->sym->props; p && !res; p = p->sym_next)
			if (p->type == P_DEFAULT && eval_expr(ev, p->visible) && p->target &&
			    eval_visibility(ev, p->target))
				res = p->target;
		for (const struct menu *k = c->list; k && !res; k = menu_next_const(k, c))
			if (k->sym && k->sym->choice == c && eval_visibility(ev, k->sym))
				res = k->sym;
		if (res && user_tri(ev, res) == no)
			res = NULL;
	}
	/* the first visible one the user left unset, in source order */
	for (const struct menu *k = c->list; k && !res; k = menu_next_const(k, c))
		if (k->sym && k->sym->choice == c && eval_visibility(ev, k->sym) &&
		    user_tri(ev, k->sym) < 0)
			res = k->sym;
	/* the least prioritized visible one */
	for (size_t i = n; i-- > 0 && !res;)
		if (eval_visibility(ev, m[i].sym))
			res = m[i].sym;
	free(m);
	return res;
}

/* ---- choices up to Linux 6.10 ----
 *
 * The choice symbol has a value of its own, computed as a symbol's: its
 * prompt's visibility and the user value conf_read() builds from the
 * members' lines (the highest of their values; the last member set to y is
 * its pick; an m after a y leaves it none, "creates inconsistent choice
 * state"), raised to m while its prompt is visible unless it is `optional`
 * (menu.c adds that as a reverse dependency).  Only y picks a member,
 * sym_calc_choice() as the choice is computed: the pick of the file if
 * visible, else the first default whose condition holds and whose member is
 * visible, else the first visible member; with none visible the choice is
 * n.  A member shown as y is y if picked; one shown as m (a tristate member
 * of a choice at m) takes its own user value, or its default. */

struct choice_user {
	enum tristate tri;
	bool has;		/* SYMBOL_DEF_USER */
	const struct symbol *pick;
};

static int by_file_order(const void *a, const void *b)
{
	const struct member *x = a, *y = b;

	if (x->rank != y->rank)
		return x->rank < y->rank ? -1 : 1;
	return (x->pos > y->pos) - (x->pos < y->pos);
}

/* Every member of choice symbol c, each of its entries in turn. */
static void all_members(const struct symbol *c, membervec *v)
{
	for (const struct menu *cm = c->menus; cm; cm = cm->sym_next)
		for (const struct menu *k = cm->list; k; k = menu_next_const(k, cm))
			if (k->sym && k->sym->choice == cm) {
				struct member m = { k->sym, 0, (unsigned)v->n };

				vec_push(*v, m);
			}
}

/* conf_read_simple(): the user value of choice c from its members' lines,
 * in the file's order (eval_source.rank). */
static void choice_user(struct eval *ev, const struct symbol *c, struct choice_user *u)
{
	membervec v = { 0 };

	u->tri = no;
	u->has = true;
	u->pick = NULL;
	all_members(c, &v);
	for (size_t i = 0; i < v.n && ev->src.rank; i++)
		v.v[i].rank = ev->src.rank(ev->src.ctx, v.v[i].sym);
	if (ev->src.rank && v.n > 1)
		qsort(v.v, v.n, sizeof(*v.v), by_file_order);
	for (size_t i = 0; i < v.n; i++) {
		int t = user_tri(ev, v.v[i].sym);

		if (t < 0)
			continue;
		if (t == mod && u->tri == yes)
			u->has = false;
		if (t == yes)
			u->pick = v.v[i].sym;
		u->tri = tri_or(u->tri, (enum tristate)t);
	}
	vec_release(v);
}

/* sym_calc_choice(): the member choice c at y picks, NULL for none. */
static const struct symbol *choice_pick_old(struct eval *ev, const struct symbol *c,
					    const struct symbol *user)
{
	membervec v = { 0 };
	const struct symbol *res = NULL;

	all_members(c, &v);
	/* a member pinned at y (an unexecuted $(shell) in its visibility:
	 * the file's value stands) is the pick, as in 6.11+ */
	for (size_t i = 0; i < v.n && !res && ev->src.pin; i++) {
		const char *pinned = ev->src.pin(ev->src.ctx, v.v[i].sym);

		if (pinned && tri_value(pinned) == yes)
			res = v.v[i].sym;
	}
	if (!res && user && eval_visibility(ev, user))
		res = user;
	for (const struct property *p = c->props; p && !res; p = p->sym_next)
		if (p->type == P_DEFAULT && eval_expr(ev, p->visible) && p->target &&
		    eval_visibility(ev, p->target))
			res = p->target;
	for (size_t i = 0; i < v.n && !res; i++)
		if (eval_visibility(ev, v.v[i].sym))
			res = v.v[i].sym;
	vec_release(v);
	return res;
}

/* sym_calc_value() of choice symbol c. */
static enum tristate calc_choice_old(struct eval *ev, const struct symbol *c,
				     const struct symbol **pick)
{
	enum tristate vis, v = no, rev = no;
	struct choice_user u = { no, false, NULL };
	bool known = false;

	*pick = NULL;
	ev->tri[c->id] = no;	/* what a read of c gives while it computes */
	vis = eval_visibility(ev, c);
	if (!(c->flags & SYM_OPTIONAL))
		for (const struct menu *cm = c->menus; cm; cm = cm->sym_next)
			if (cm->prompt)
				rev = tri_or(rev, tri_and(eval_expr(ev, cm->prompt->visible), mod));
	rev = eval_round(ev, c, rev);
	if (vis) {
		choice_user(ev, c, &u);
		known = true;
		if (u.has)
			v = tri_and(u.tri, vis);
	}
	v = eval_round(ev, c, tri_or(v, rev));
	if (v != yes)
		return v;
	if (!known)
		choice_user(ev, c, &u);
	/* its members' visibility reads it at y (sym_calc_value() sets the
	 * value before it calls sym_calc_choice()) */
	ev->tri[c->id] = yes;
	*pick = choice_pick_old(ev, c, u.pick);
	return *pick ? yes : no;
}

/* The pick of choice symbol c, once computed (NULL while it computes). */
static const struct symbol *picked(struct eval *ev, const struct symbol *c)
{
	if (!computed(ev, c) || state_of(ev, c) != ST_DONE)
		return NULL;
	return ev->pick[c->id];
}

/* sym_calc_value() of member s up to 6.10, visible as vis. */
static enum tristate calc_member_old(struct eval *ev, const struct symbol *s, enum tristate vis,
				     bool *write)
{
	const struct property *d;
	enum tristate v = no;
	int u;

	if (vis == yes)
		return picked(ev, s->choice->sym) == s ? yes : no;
	/* sym_calc_visibility() returns early for a member: no select or
	 * imply counts */
	u = vis ? user_tri(ev, s) : -1;
	if (u >= 0) {
		v = tri_and((enum tristate)u, vis);
	} else if ((d = eval_active_default(ev, s))) {
		v = tri_and(eval_expr(ev, d->expr), eval_expr(ev, d->visible));
		*write |= v != no;
	}
	return eval_round(ev, s, v);
}

static enum tristate calc_tri(struct eval *ev, const struct symbol *s, bool *write)
{
	enum tristate vis = eval_visibility(ev, s), v = no, rev;
	const struct property *d;
	int u;

	*write = vis != no;
	if (s->choice && ev->old_choices && s->choice->sym)
		return calc_member_old(ev, s, vis, write);
	if (s->choice)
		return vis && choice_pick(ev, s->choice) == s ? yes : no;
	rev = eval_round(ev, s, eval_rev(ev, s->selected_by));
	u = vis ? user_tri(ev, s) : -1;
	if (u >= 0) {
		v = tri_and((enum tristate)u, vis);
	} else {
		*write |= rev != no;
		if ((d = eval_active_default(ev, s))) {
			v = tri_and(eval_expr(ev, d->expr), eval_expr(ev, d->visible));
			*write |= v != no;
		}
		if (s->implied_by) {
			enum tristate imp = eval_round(ev, s, eval_rev(ev, s->implied_by));

			if (imp) {
				*write = true;
				v = tri_and(tri_or(v, imp), eval_round(ev, s, eval_expr(ev, s->dir_dep)));
			}
		}
	}
	return eval_round(ev, s, tri_or(v, rev));
}

static const char *calc_str(struct eval *ev, const struct symbol *s, bool *write)
{
	bool vis = eval_visibility(ev, s) != no;
	const char *u = vis ? user_value(ev, s) : NULL, *v = value_empty(s->type, ev->t->kversion);
	const struct property *d, *r;

	*write = vis;
	if (u && value_valid(s->type, u)) {
		v = u;
	} else if ((d = eval_active_default(ev, s)) && d->expr->type == E_SYMBOL) {
		v = eval_sym_str(ev, d->expr->sym);
		*write = true;
	}
	if ((r = eval_active_range(ev, s)))
		v = eval_clamp(ev, s, r, v);
	return v;
}

static void calc_sym(struct eval *ev, const struct symbol *s, struct result *r)
{
	const char *pinned;

	r->write = false;
	r->str = NULL;
	r->pick = NULL;
	if (ev->src.pin && !sym_is_choice(s) && (pinned = ev->src.pin(ev->src.ctx, s))) {
		r->tri = sym_is_bool_like(s) ? tri_value(pinned) : no;
		r->str = sym_is_bool_like(s) ? tri_str(r->tri) : pinned;
		r->write = true;
	} else if (sym_is_choice(s)) {
		r->tri = ev->old_choices ? calc_choice_old(ev, s, &r->pick) : choice_value(ev, s);
		r->str = tri_str(r->tri);
	} else if (sym_is_bool_like(s)) {
		r->tri = calc_tri(ev, s, &r->write);
		r->str = tri_str(r->tri);
	} else {
		r->tri = no;
		r->str = calc_str(ev, s, &r->write);
	}
	if (s->flags & SYM_TRANSITIONAL)
		r->write = false;	/* 6.18: read from an old .config, never written */
}

enum tristate eval_calc_tri(struct eval *ev, const struct symbol *s)
{
	bool write;

	return calc_tri(ev, s, &write);
}

const char *eval_calc_str(struct eval *ev, const struct symbol *s)
{
	bool write;

	return calc_str(ev, s, &write);
}

/* ---- whole configurations ---- */

/* range-reset (up to 6.7): conf_read() takes the user value away from each
 * int or hex symbol whose user value lies outside its active range, once
 * every symbol is computed, and conf_write() computes those alone again
 * (each reading the others' new values); every other symbol keeps what it
 * computed from the clamped value. */
static void range_reset(struct eval *ev)
{
	symvec reset = { 0 };
	const struct symbol *s;
	size_t i;

	ev->reset_gen = ev->gen;
	tree_for_each_sym(ev->t, s, i) {
		const struct property *r;
		const char *u;

		if ((s->type != S_INT && s->type != S_HEX) || !eval_has_value(s) || !ev->src.user)
			continue;
		u = ev->src.user(ev->src.ctx, s);
		if (u && value_valid(s->type, u) && (r = eval_active_range(ev, s)) &&
		    eval_clamp(ev, s, r, u) != u)
			vec_push(reset, s);
	}
	for (i = 0; i < reset.n; i++) {
		ev->nouser[reset.v[i]->id] = ev->gen;
		ev->state[reset.v[i]->id] = ST_NEW;
	}
	for (i = 0; i < reset.n; i++)
		computed(ev, reset.v[i]);
	vec_release(reset);
}

void eval_all(struct eval *ev)
{
	const struct symbol *s;
	size_t i;

	if (ev->kind != EV_COMPUTED)
		return;
	if (eval_has_value(ev->t->modules))
		computed(ev, ev->t->modules);
	tree_for_each_sym(ev->t, s, i)
		if (eval_has_value(s))
			computed(ev, s);
	if (dialect_has(ev->t, DR_RANGE_RESET) && ev->reset_gen != ev->gen)
		range_reset(ev);
}

bool eval_written(struct eval *ev, const struct symbol *s)
{
	if (ev->kind != EV_COMPUTED || !eval_has_value(s) || sym_is_choice(s))
		return false;
	return computed(ev, s) && ev->write[s->id];
}

const struct symbol *eval_first_set(struct eval *ev, const struct expr *e)
{
	const struct symbol *r;

	if (!e)
		return NULL;
	switch (e->type) {
	case E_SYMBOL:
		return e->sym->name && !(e->sym->flags & SYM_CONST) && eval_has_value(e->sym) &&
		       eval_sym_tri(ev, e->sym) > no ? e->sym : NULL;
	case E_AND:
	case E_OR:
		r = eval_first_set(ev, e->left);
		return r ? r : eval_first_set(ev, e->right);
	default:
		return NULL;
	}
}
