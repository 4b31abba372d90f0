#include "kconfig/eval.h"

#include <stdlib.h>
#include <string.h>

#include "kconfig/confdata.h"
#include "kconfig/dialect.h"
#include "kconfig/kconfig.h"
#include "util/strbuf.h"
#include "kconfig/value.h"
#include "util/xalloc.h"

struct eval {
	struct kctree *t;
	const struct config *c;
	signed char *tri;	/* by symbol id; -1: not looked up */
	const char **str;
};

struct eval *eval_new(struct kctree *t, const struct config *c)
{
	struct eval *ev = xcalloc(1, sizeof(*ev));

	ev->t = t;
	ev->c = c;
	ev->tri = xmalloc(t->syms.n);
	memset(ev->tri, -1, t->syms.n);
	ev->str = xcalloc(t->syms.n, sizeof(*ev->str));
	return ev;
}

void eval_free(struct eval *ev)
{
	if (!ev)
		return;
	free(ev->tri);
	free(ev->str);
	free(ev);
}

static int tri_of(const char *v)
{
	return !strcmp(v, "y") ? 2 : !strcmp(v, "m") ? 1 : 0;
}

/* A pre-6.11 choice symbol is not written to .config: read it off its
 * members (y if one is y, m if one is m). */
static int choice_value(struct eval *ev, const struct symbol *c)
{
	int v = 0;

	for (const struct menu *cm = c->menus; cm; cm = cm->sym_next)
		for (const struct menu *k = cm->list; k; k = menu_next((struct menu *)k, (struct menu *)cm))
			if (k->sym && k->sym->choice == cm && eval_sym_tri(ev, k->sym) > v)
				v = eval_sym_tri(ev, k->sym);
	return v;
}

int eval_sym_tri(struct eval *ev, const struct symbol *s)
{
	const struct config_entry *e;

	if (s == &ev->t->sym_y)
		return 2;
	if (s == &ev->t->sym_m)
		return 1;
	if (sym_is_choice(s) && s->id < ev->t->syms.n) {
		if (ev->tri[s->id] < 0)
			ev->tri[s->id] = (signed char)choice_value(ev, s);
		return ev->tri[s->id];
	}
	if (s == &ev->t->sym_n || !sym_is_bool_like(s) || !(s->flags & SYM_DEFINED) ||
	    (s->flags & SYM_CONST) || !s->name)
		return 0;
	if (ev->tri[s->id] < 0) {
		e = config_find(ev->c, s->name);
		ev->tri[s->id] = (signed char)(e ? tri_of(e->value) : 0);
	}
	return ev->tri[s->id];
}

const char *eval_sym_str(struct eval *ev, const struct symbol *s)
{
	const struct config_entry *e;

	static const char *const names[] = { "n", "m", "y" };

	if (sym_is_bool_like(s) && ((s->flags & SYM_DEFINED) || s->flags & SYM_CONST))
		return names[eval_sym_tri(ev, s)];
	if (!(s->flags & SYM_DEFINED) || (s->flags & SYM_CONST) || !s->name)
		return s->name ? s->name : "";
	if (!ev->str[s->id]) {
		e = config_find(ev->c, s->name);
		ev->str[s->id] = e ? e->value : value_empty(s->type, ev->t->kversion);
	}
	return ev->str[s->id];
}

static int eval_expr(struct eval *ev, const struct expr *e)
{
	int a, b;

	if (!e)
		return 2;
	switch (e->type) {
	case E_SYMBOL:
		return eval_sym_tri(ev, e->sym);
	case E_NOT:
		return 2 - eval_expr(ev, e->left);
	case E_AND:
		a = eval_expr(ev, e->left);
		b = eval_expr(ev, e->right);
		return a < b ? a : b;
	case E_OR:
		a = eval_expr(ev, e->left);
		b = eval_expr(ev, e->right);
		return a > b ? a : b;
	default:
		return value_compare(e->type, eval_sym_str(ev, e->sym),
				     e->sym->flags & SYM_CONST ? S_UNKNOWN : e->sym->type,
				     eval_sym_str(ev, e->rsym),
				     e->rsym->flags & SYM_CONST ? S_UNKNOWN : e->rsym->type);
	}
}

static int cond(struct eval *ev, struct expr *e)
{
	return eval_expr(ev, expr_rewrite_m(ev->t, e));
}

static bool bool_like_now(struct eval *ev, const struct symbol *s)
{
	return s->type == S_BOOLEAN || eval_sym_tri(ev, ev->t->modules) != 2;
}

static int round_tri(struct eval *ev, const struct symbol *s, int v)
{
	return v == 1 && bool_like_now(ev, s) ? 2 : v;
}

static const char tri_ch[] = "nmy";

static void why_items(struct eval *ev, const struct menu *m, int need, struct strbuf *why)
{
	char l[300];

	for (; m && m->kind != M_ROOT; m = m->parent)
		for (const struct dep_item *d = m->deps; d; d = d->next) {
			int v = cond(ev, d->expr);

			if (v >= need)
				continue;
			sb_addf(why, "\t%s: %s ", loc_str(d->loc, l, sizeof(l)),
				d->kind == DEP_IF ? "if" : "depends on");
			expr_print(why, d->expr);
			sb_addf(why, " (is %c)\n", tri_ch[v]);
		}
}

static int prompt_visibility(struct eval *ev, const struct symbol *s)
{
	int vis = 0;

	if (s->flags & SYM_TRANSITIONAL)
		return 2;	/* 6.18 sym_calc_visibility(): always visible */
	for (const struct property *p = s->props; p; p = p->sym_next) {
		int v;

		if (p->type != P_PROMPT)
			continue;
		v = cond(ev, p->menu->dep);
		if (p->cond && cond(ev, p->cond) < v)
			v = cond(ev, p->cond);
		for (const struct menu *a = p->menu->parent; a; a = a->parent)
			for (const struct dep_item *d = a->visibility; d; d = d->next)
				if (cond(ev, d->expr) < v)
					v = cond(ev, d->expr);
		if (v > vis)
			vis = v;
	}
	return vis;
}

static int rev_value(struct eval *ev, const struct property *list)
{
	int r = 0;

	for (const struct property *p = list; p; p = p->rev_next) {
		int v = eval_sym_tri(ev, p->menu->sym), c = cond(ev, p->visible);

		v = v < c ? v : c;
		if (v > r)
			r = v;
	}
	return r;
}

static void why_revs(struct eval *ev, const struct property *list, int need, struct strbuf *why)
{
	char l[300];

	for (const struct property *p = list; p; p = p->rev_next) {
		int v = eval_sym_tri(ev, p->menu->sym), c = cond(ev, p->visible);

		if ((v < c ? v : c) >= need)
			sb_addf(why, "\t%s: %s %s, by %s=%c\n", loc_str(p->loc, l, sizeof(l)),
				p->type == P_SELECT ? "select" : "imply", p->target->name,
				p->menu->sym->name, tri_ch[v]);
	}
}

static void why_prompts(struct eval *ev, const struct symbol *s, int need, struct strbuf *why)
{
	char l[300];
	bool any = false;

	for (const struct property *p = s->props; p; p = p->sym_next) {
		if (p->type != P_PROMPT)
			continue;
		any = true;
		why_items(ev, p->menu, need, why);
		if (p->cond && cond(ev, p->cond) < need) {
			sb_addf(why, "\t%s: prompt \"%s\" if ", loc_str(p->loc, l, sizeof(l)), p->text);
			expr_print(why, p->cond);
			sb_addf(why, " (is %c)\n", tri_ch[cond(ev, p->cond)]);
		}
	}
	if (!any)
		sb_addf(why, "\t%s has no prompt: its value comes from defaults and selects\n", s->name);
}

/* The default path: returns the property used (NULL: none). */
static const struct property *active_default(struct eval *ev, const struct symbol *s)
{
	for (const struct property *p = s->props; p; p = p->sym_next)
		if (p->type == P_DEFAULT && cond(ev, p->visible) > 0)
			return p;
	return NULL;
}

static bool check_tri(struct eval *ev, const struct symbol *s, struct strbuf *why)
{
	int v = eval_sym_tri(ev, s), vis = round_tri(ev, s, prompt_visibility(ev, s));
	int rev = round_tri(ev, s, rev_value(ev, s->selected_by)), want;
	const struct property *d;
	char l[300];

	if (vis > 0) {
		int hi = vis > rev ? vis : rev;

		if (v == 1 && bool_like_now(ev, s)) {
			sb_addf(why, "\t%s cannot be m: %s\n", s->name, s->type == S_BOOLEAN ?
				"it is a bool" : "MODULES is not enabled");
			return false;
		}
		if (v < rev) {
			sb_addf(why, "\tselected to %c by:\n", tri_ch[rev]);
			why_revs(ev, s->selected_by, rev, why);
			return false;
		}
		if (v > hi) {
			sb_addf(why, "\tits prompt allows at most %c:\n", tri_ch[hi]);
			why_prompts(ev, s, v, why);
			return false;
		}
		return true;
	}
	/* invisible: default, imply, select */
	d = active_default(ev, s);
	want = 0;
	if (d) {
		int dv = eval_expr(ev, d->expr), dc = cond(ev, d->visible);

		want = dv < dc ? dv : dc;
	}
	if (s->implied_by) {
		int imp = round_tri(ev, s, rev_value(ev, s->implied_by));

		if (imp) {
			int dir = round_tri(ev, s, cond(ev, s->dir_dep));

			want = want > imp ? want : imp;
			want = want < dir ? want : dir;
		}
	}
	want = want > rev ? want : rev;
	want = round_tri(ev, s, want);
	if (v == want)
		return true;
	sb_addf(why, "\t%s is not visible, so Kconfig computes %c:\n", s->name, tri_ch[want]);
	why_prompts(ev, s, 1, why);
	if (d) {
		sb_addf(why, "\t%s: default ", loc_str(d->loc, l, sizeof(l)));
		expr_print(why, d->expr);
		sb_addf(why, " (is %c)\n", tri_ch[eval_expr(ev, d->expr)]);
	} else {
		sb_addf(why, "\tno default applies\n");
	}
	if (rev)
		why_revs(ev, s->selected_by, rev, why);
	return false;
}

static bool check_val(struct eval *ev, const struct symbol *s, struct strbuf *why)
{
	const char *v = eval_sym_str(ev, s), *want;
	const struct property *d, *r = NULL;
	char l[300];

	for (const struct property *p = s->props; p; p = p->sym_next)
		if (p->type == P_RANGE && !r && cond(ev, p->visible) > 0)
			r = p;
	if (prompt_visibility(ev, s) > 0) {
		if (!r || value_clamp(v, s->type, eval_sym_str(ev, r->lo), r->lo->type,
				      eval_sym_str(ev, r->hi), r->hi->type) == v)
			return true;
		sb_addf(why, "\t%s: range %s %s excludes %s\n", loc_str(r->loc, l, sizeof(l)),
			eval_sym_str(ev, r->lo), eval_sym_str(ev, r->hi), v);
		return false;
	}
	d = active_default(ev, s);
	want = value_empty(s->type, ev->t->kversion);
	if (d && d->expr->type == E_SYMBOL)
		want = eval_sym_str(ev, d->expr->sym);
	if (r)
		want = value_clamp(want, s->type, eval_sym_str(ev, r->lo), r->lo->type,
				   eval_sym_str(ev, r->hi), r->hi->type);
	if (!strcmp(v, want))
		return true;
	sb_addf(why, "\t%s is not visible, so Kconfig computes \"%s\"", s->name, want);
	if (d)
		sb_addf(why, " from the default at %s", loc_str(d->loc, l, sizeof(l)));
	sb_addc(why, '\n');
	why_prompts(ev, s, 1, why);
	return false;
}

static bool check_choice_member(struct eval *ev, const struct symbol *s, struct strbuf *why)
{
	const struct menu *c = s->choice;
	int v = eval_sym_tri(ev, s), ny = 0, vis = prompt_visibility(ev, s);
	char l[300];

	if (v && !vis) {
		sb_addf(why, "\t%s is a choice member whose prompt is not visible:\n", s->name);
		why_prompts(ev, s, 1, why);
		return false;
	}
	/* a member may be defined twice in its choice (powerpc's
	 * POWERPC64_CPU): count symbols, not entries */
	for (const struct menu *k = c->list; k; k = menu_next((struct menu *)k, (struct menu *)c)) {
		bool seen = false;

		if (!k->sym || k->sym->choice != c || eval_sym_tri(ev, k->sym) != 2)
			continue;
		for (const struct menu *j = c->list; j != k; j = menu_next((struct menu *)j, (struct menu *)c))
			seen |= j->sym == k->sym;
		ny += !seen;
	}
	if (ny > 1 && v == 2) {
		sb_addf(why, "\tthe choice at %s has %d members set to y\n",
			loc_str(c->loc, l, sizeof(l)), ny);
		return false;
	}
	if (ny == 0 && vis) {
		sb_addf(why, "\tthe choice at %s has visible members but none is y\n",
			loc_str(c->loc, l, sizeof(l)));
		return false;
	}
	return true;
}

/* A value that comes from an unexecuted $(shell,...) cannot be judged
 * here: the SAT model leaves it free, and so does this check. */
static bool reads_shell(const struct symbol *s)
{
	for (const struct property *p = s->props; p; p = p->sym_next)
		if (expr_reads_shell(p->expr) || expr_reads_shell(p->visible) ||
		    (p->lo && (p->lo->flags & SYM_SHELL)) || (p->hi && (p->hi->flags & SYM_SHELL)))
			return true;
	for (const struct property *p = s->selected_by; p; p = p->rev_next)
		if (expr_reads_shell(p->visible))
			return true;
	return expr_reads_shell(s->dir_dep);
}

bool eval_check(struct eval *ev, const struct symbol *s, struct strbuf *why)
{
	if (reads_shell(s))
		return true;
	bool modern = dialect_has(ev->t, DR_CHOICE_VALUES);

	if (!(s->flags & SYM_DEFINED) || (s->flags & SYM_CONST) || !s->name)
		return true;
	/* Whatever an old .config says of a transitional symbol is its value:
	 * conf reads it and never writes it. */
	if (s->flags & SYM_TRANSITIONAL)
		return true;
	if (sym_is_bool_like(s)) {
		if (s->choice && modern)
			return check_choice_member(ev, s, why);
		if (s->choice)
			return true;	/* pre-6.11 choices: the SAT check decides */
		return check_tri(ev, s, why);
	}
	if (s->type == S_INT || s->type == S_HEX || s->type == S_STRING)
		/* conf leaves out what it does not write: nothing to check */
		return !config_find(ev->c, s->name) || check_val(ev, s, why);
	return true;
}

int eval_cond(struct eval *ev, struct expr *e)
{
	return cond(ev, e);
}

int eval_expr_value(struct eval *ev, const struct expr *e)
{
	return eval_expr(ev, e);
}

int eval_visibility(struct eval *ev, const struct symbol *s)
{
	return round_tri(ev, s, prompt_visibility(ev, s));
}

const struct property *eval_active_default(struct eval *ev, const struct symbol *s)
{
	return active_default(ev, s);
}
