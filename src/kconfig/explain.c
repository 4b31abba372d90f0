#include "kconfig/explain.h"

#include <stdlib.h>
#include <string.h>

#include "kconfig/confdata.h"
#include "kconfig/confsim.h"
#include "kconfig/dialect.h"
#include "kconfig/eval.h"
#include "kconfig/kconfig.h"
#include "util/strbuf.h"

/* The `depends on` and `if` lines of m and its parents that are below
 * need. */
static void why_items(struct eval *ev, const struct menu *m, enum tristate need, struct strbuf *why)
{
	char l[300];

	for (; m && m->kind != M_ROOT; m = m->parent)
		for (const struct dep_item *d = m->deps; d; d = d->next) {
			enum tristate v = eval_cond(ev, d->expr);

			if (v >= need)
				continue;
			sb_addf(why, "\t%s: %s ", loc_str(d->loc, l, sizeof(l)),
				d->kind == DEP_IF ? "if" : "depends on");
			expr_print(why, d->expr);
			sb_addf(why, " (is %c)\n", tri_char(v));
		}
}

/* The selects or implies of list that give at least need. */
static void why_revs(struct eval *ev, const struct property *list, enum tristate need,
		     struct strbuf *why)
{
	char l[300];

	for (const struct property *p = list; p; p = p->rev_next)
		if (eval_rev_one(ev, p) >= need)
			sb_addf(why, "\t%s: %s %s, by %s=%c\n", loc_str(p->loc, l, sizeof(l)),
				p->type == P_SELECT ? "select" : "imply", p->target->name,
				p->menu->sym->name, tri_char(eval_sym_tri(ev, p->menu->sym)));
}

/* The default that applies, "FILE:LINE: default EXPR (is y)", or that none
 * does; from (NULL: nothing) names what gives the value when no default
 * applies ("a select"), for the lines that follow. */
static void why_default(struct eval *ev, const struct symbol *s, const struct property *d,
			const char *from, struct strbuf *why)
{
	char l[300];

	if (d) {
		sb_addf(why, "\t%s: default ", loc_str(d->loc, l, sizeof(l)));
		expr_print(why, d->expr);
		sb_addf(why, " (is %c)\n", tri_char(eval_expr(ev, d->expr)));
	} else if (from) {
		sb_addf(why, "\tno default applies; the %c comes from %s:\n",
			tri_char(eval_sym_tri(ev, s)), from);
	} else {
		sb_addf(why, "\tno default applies\n");
	}
}

static void why_prompts(struct eval *ev, const struct symbol *s, enum tristate need,
			struct strbuf *why)
{
	char l[300];
	bool any = false;

	for (const struct property *p = s->props; p; p = p->sym_next) {
		if (p->type != P_PROMPT)
			continue;
		any = true;
		why_items(ev, p->menu, need, why);
		if (p->cond && eval_cond(ev, p->cond) < need) {
			sb_addf(why, "\t%s: prompt \"%s\" if ", loc_str(p->loc, l, sizeof(l)), p->text);
			expr_print(why, p->cond);
			sb_addf(why, " (is %c)\n", tri_char(eval_cond(ev, p->cond)));
		}
	}
	if (!any)
		sb_addf(why, "\t%s has no prompt: its value comes from defaults and selects\n", s->name);
}

/* A visible symbol keeps what the user gave it, between what selects force
 * and what its prompt allows; an invisible one has what sym_calc_value()
 * computes. */
static bool check_tri(struct eval *ev, const struct symbol *s, struct strbuf *why)
{
	enum tristate v = eval_sym_tri(ev, s), vis = eval_visibility(ev, s), want;
	enum tristate rev = eval_round(ev, s, eval_rev(ev, s->selected_by));
	const struct property *d;

	if (vis > no) {
		enum tristate hi = tri_or(vis, rev);

		if (v == mod && eval_bool_now(ev, s)) {
			sb_addf(why, "\t%s cannot be m: %s\n", s->name, s->type == S_BOOLEAN ?
				"it is a bool" : "MODULES is not enabled");
			return false;
		}
		if (v < rev) {
			sb_addf(why, "\tselected to %c by:\n", tri_char(rev));
			why_revs(ev, s->selected_by, rev, why);
			return false;
		}
		if (v > hi) {
			sb_addf(why, "\tits prompt allows at most %c:\n", tri_char(hi));
			why_prompts(ev, s, v, why);
			return false;
		}
		return true;
	}
	if (v == (want = eval_calc_tri(ev, s)))
		return true;
	d = eval_active_default(ev, s);
	sb_addf(why, "\t%s is not visible, so Kconfig computes %c:\n", s->name, tri_char(want));
	why_prompts(ev, s, mod, why);
	why_default(ev, s, d, rev ? "a select" : NULL, why);
	if (rev)
		why_revs(ev, s->selected_by, rev, why);
	return false;
}

/* A visible int/hex/string keeps its value inside its range (verify does
 * not check the value's syntax: conf would drop a malformed one); an
 * invisible one has the computed value. */
static bool check_val(struct eval *ev, const struct symbol *s, struct strbuf *why)
{
	const char *v = eval_sym_str(ev, s), *want;
	const struct property *d, *r = eval_active_range(ev, s);
	char l[300];

	if (eval_visibility(ev, s) > no) {
		if (!r || eval_clamp(ev, s, r, v) == v)
			return true;
		sb_addf(why, "\t%s: range %s %s excludes %s\n", loc_str(r->loc, l, sizeof(l)),
			eval_sym_str(ev, r->lo), eval_sym_str(ev, r->hi), v);
		return false;
	}
	if (!strcmp(v, want = eval_calc_str(ev, s)))
		return true;
	d = eval_active_default(ev, s);
	sb_addf(why, "\t%s is not visible, so Kconfig computes \"%s\"", s->name, want);
	if (d)
		sb_addf(why, " from the default at %s", loc_str(d->loc, l, sizeof(l)));
	sb_addc(why, '\n');
	why_prompts(ev, s, mod, why);
	return false;
}

static bool check_choice_member(struct eval *ev, const struct symbol *s, struct strbuf *why)
{
	const struct menu *c = s->choice;
	enum tristate v = eval_sym_tri(ev, s), vis = eval_visibility(ev, s);
	int ny = 0;
	char l[300];

	if (v && !vis) {
		sb_addf(why, "\t%s is a choice member whose prompt is not visible:\n", s->name);
		why_prompts(ev, s, mod, why);
		return false;
	}
	/* a member may be defined twice in its choice (powerpc's
	 * POWERPC64_CPU): count symbols, not entries */
	for (const struct menu *k = c->list; k; k = menu_next_const(k, c)) {
		bool seen = false;

		if (!k->sym || k->sym->choice != c || eval_sym_tri(ev, k->sym) != yes)
			continue;
		for (const struct menu *j = c->list; j != k; j = menu_next_const(j, c))
			seen |= j->sym == k->sym;
		ny += !seen;
	}
	if (ny > 1 && v == yes) {
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

bool explain_symbol(struct eval *ev, const struct config *c, const struct symbol *s,
		    struct strbuf *why)
{
	if (sym_reads_shell(s))
		return true;
	if (!(s->flags & SYM_DEFINED) || (s->flags & SYM_CONST) || !s->name)
		return true;
	/* Whatever an old .config says of a transitional symbol is its value:
	 * conf reads it and never writes it. */
	if (s->flags & SYM_TRANSITIONAL)
		return true;
	if (sym_is_bool_like(s)) {
		if (s->choice && dialect_has(eval_tree(ev), DR_CHOICE_VALUES))
			return check_choice_member(ev, s, why);
		if (s->choice)
			return true;	/* pre-6.11 choices: the SAT check decides */
		return check_tri(ev, s, why);
	}
	if (s->type == S_INT || s->type == S_HEX || s->type == S_STRING)
		/* conf leaves out what it does not write: nothing to check */
		return !config_find(c, s->name) || check_val(ev, s, why);
	return true;
}

/* ---- the settings olddefconfig changes, on the simulated values ---- */

/* What keeps each default of s off: its `if`, or the dependencies of its
 * entry (each entry once). */
static void why_defaults(struct eval *ev, const struct symbol *s, struct strbuf *why)
{
	const struct menu *last = NULL;
	char l[300];

	for (const struct property *p = s->props; p; p = p->sym_next) {
		if (p->type != P_DEFAULT)
			continue;
		if (p->cond && eval_cond(ev, p->cond) == no) {
			sb_addf(why, "\t%s: default ", loc_str(p->loc, l, sizeof(l)));
			expr_print(why, p->expr);
			sb_adds(why, " if ");
			expr_print(why, p->cond);
			sb_adds(why, " (is n)\n");
		} else if (p->menu != last) {
			why_items(ev, p->menu, mod, why);
		}
		last = p->menu;
	}
}

/* Why conf computes s's value from defaults and selects (no user value
 * counts). */
static void why_computed(struct eval *ev, const struct symbol *s, struct strbuf *why)
{
	const struct property *d = eval_active_default(ev, s);
	enum tristate sel, imp;
	char l[300];
	unsigned shown = 0;

	if (!sym_is_bool_like(s)) {
		if (d && d->expr->type == E_SYMBOL)
			sb_addf(why, s->type == S_STRING ? "\t%s: default \"%s\"\n" : "\t%s: default %s\n",
				loc_str(d->loc, l, sizeof(l)), eval_sym_str(ev, d->expr->sym));
		else
			sb_addf(why, "\tno default applies\n");
		return;
	}
	if (s->choice) {
		sb_addf(why, "\tthe choice at %s picks its first visible member\n",
			loc_str(s->choice->loc, l, sizeof(l)));
		return;
	}
	sel = eval_rev(ev, s->selected_by);
	imp = eval_rev(ev, s->implied_by);
	if (!d && (sel || imp)) {
		/* what keeps each default off, then where the value comes from */
		why_defaults(ev, s, why);
		why_default(ev, s, d, sel ? "a select" : "an imply", why);
	} else {
		why_default(ev, s, d, NULL, why);
		if (!d)
			why_defaults(ev, s, why);
	}
	if (sel || imp) {
		why_revs(ev, s->selected_by, mod, why);
		why_revs(ev, s->implied_by, mod, why);
		return;
	}
	/* n: the selects that no longer apply */
	for (const struct property *p = s->selected_by; p; p = p->rev_next) {
		if (++shown > 4) {
			sb_addf(why, "\t... and more selects, none of which applies\n");
			break;
		}
		sb_addf(why, "\t%s: select %s", loc_str(p->loc, l, sizeof(l)), s->name);
		if (p->cond) {
			sb_adds(why, " if ");
			expr_print(why, p->cond);
		}
		sb_addf(why, ", by %s=%c\n", p->menu->sym->name,
			tri_char(eval_sym_tri(ev, p->menu->sym)));
	}
}

/* The member of choice c that is y, if any. */
static const struct symbol *chosen(struct eval *ev, const struct menu *c)
{
	for (const struct menu *k = c->list; k; k = menu_next_const(k, c))
		if (k->sym && k->sym->choice == c && eval_sym_tri(ev, k->sym) == yes)
			return k->sym;
	return NULL;
}

/* Up to 6.10: why choice symbol cs is not y (its members then each m or
 * n, or all n). */
static void why_old_choice(struct eval *ev, const struct symbol *cs, const struct config *c,
			   struct strbuf *why)
{
	const struct config_entry *y = NULL, *bad = NULL;
	enum tristate v = eval_sym_tri(ev, cs);
	char l[300], l2[300];

	/* conf_read_simple(): an m after a y leaves the choice no value */
	for (size_t i = 0; c && i < c->v.n && !bad; i++) {
		const struct symbol *m = sym_find(eval_tree(ev), c->v.v[i].name);

		if (!m || !m->choice || m->choice->sym != cs || !confsim_valid(m, &c->v.v[i]))
			continue;
		if (c->v.v[i].value[0] == 'y')
			y = &c->v.v[i];
		else if (c->v.v[i].value[0] == 'm' && y)
			bad = &c->v.v[i];
	}
	sb_addf(why, "	the choice at %s is %c", loc_str(cs->menus->loc, l, sizeof(l)), tri_char(v));
	if (bad)
		sb_addf(why, ": %s sets a member to m after %s set one to y, which conf calls an "
			"inconsistent choice state", loc_str(bad->loc, l, sizeof(l)),
			loc_str(y->loc, l2, sizeof(l2)));
	sb_adds(why, v == mod ? ", so each member is m or n\n" : ", so every member is n\n");
}

/* Up to 6.10: the member the file sets to y last, when it is not pick:
 * not visible, so the choice takes its default. */
static void why_lost_pick(struct eval *ev, const struct symbol *cs, const struct symbol *pick,
			  const struct config *c, struct strbuf *why)
{
	const struct config_entry *y = NULL;
	const struct symbol *ys = NULL;
	char l[300];

	for (size_t i = 0; i < c->v.n; i++) {
		const struct symbol *m = sym_find(eval_tree(ev), c->v.v[i].name);

		if (m && m->choice && m->choice->sym == cs && confsim_valid(m, &c->v.v[i]) &&
		    c->v.v[i].value[0] == 'y') {
			y = &c->v.v[i];
			ys = m;
		}
	}
	if (ys && ys != pick && !eval_visibility(ev, ys))
		sb_addf(why, ", as %s, set to y at %s, is not visible", ys->name,
			loc_str(y->loc, l, sizeof(l)));
}

static void why_member(struct eval *ev, const struct conf_change *ch, const struct config *c,
		       struct strbuf *why)
{
	const struct config_entry *pickline;
	const struct symbol *s = ch->sym, *pick;
	char l[300];

	if (!eval_visibility(ev, s)) {
		sb_addf(why, "\t%s is a choice member whose prompt is not visible:\n", s->name);
		why_prompts(ev, s, mod, why);
		return;
	}
	if (!dialect_has(eval_tree(ev), DR_CHOICE_VALUES) && s->choice->sym &&
	    eval_sym_tri(ev, s->choice->sym) != yes) {
		why_old_choice(ev, s->choice->sym, c, why);
		return;
	}
	pick = chosen(ev, s->choice);
	pickline = pick && c ? config_find(c, pick->name) : NULL;
	sb_addf(why, "\tthe choice at %s picks %s", loc_str(s->choice->loc, l, sizeof(l)),
		pick ? pick->name : "none of its members");
	if (pick && pick != s && ch->entry && ch->entry->value[0] == 'y' && pickline &&
	    pickline->value[0] == 'y')
		sb_addf(why, ", set to y later in the file (%s): the last one wins",
			loc_str(pickline->loc, l, sizeof(l)));
	else if (pick && c && !dialect_has(eval_tree(ev), DR_CHOICE_VALUES))
		why_lost_pick(ev, s->choice->sym, pick, c, why);
	sb_addc(why, '\n');
}

static void why_tri(struct eval *ev, const struct conf_change *ch, const struct config *c,
		    struct strbuf *why)
{
	const struct symbol *s = ch->sym;
	enum tristate u = ch->entry->value[0] == 'y' ? yes : ch->entry->value[0] == 'm' ? mod : no;
	enum tristate v = eval_sym_tri(ev, s), vis = eval_visibility(ev, s);
	enum tristate rev = eval_round(ev, s, eval_rev(ev, s->selected_by));

	if (u == v) {
		sb_addf(why, "\tconf reads '%s' as %c\n", ch->entry->value, tri_char(v));
		return;
	}
	if (s->choice) {
		why_member(ev, ch, c, why);
		return;
	}
	if (vis == no) {
		sb_addf(why, "\t%s is not visible, so Kconfig computes %c:\n", s->name, tri_char(v));
		why_prompts(ev, s, mod, why);
		why_computed(ev, s, why);
		return;
	}
	if (u == mod && eval_bool_now(ev, s) && v == yes && rev < yes) {
		sb_addf(why, "\t%s cannot be m (%s), so conf takes y\n", s->name,
			s->type == S_BOOLEAN ? "it is a bool" : "MODULES is not enabled");
		return;
	}
	if (v > u) {
		sb_addf(why, "\tselected to %c by:\n", tri_char(rev));
		why_revs(ev, s->selected_by, rev, why);
		return;
	}
	sb_addf(why, "\tits prompt allows at most %c:\n", tri_char(vis));
	why_prompts(ev, s, u, why);
}

static void why_val(struct eval *ev, const struct conf_change *ch, struct strbuf *why)
{
	const struct symbol *s = ch->sym;
	const struct property *r = eval_active_range(ev, s);
	char l[300];

	if (eval_visibility(ev, s) == no) {
		sb_addf(why, "\t%s is not visible, so Kconfig computes \"%s\":\n", s->name, ch->new);
		why_prompts(ev, s, mod, why);
		why_computed(ev, s, why);
		return;
	}
	if (r && strcmp(ch->old, ch->new)) {
		sb_addf(why, "\t%s: range %s %s excludes %s\n", loc_str(r->loc, l, sizeof(l)),
			eval_sym_str(ev, r->lo), eval_sym_str(ev, r->hi), ch->old);
		if (dialect_has(eval_tree(ev), DR_RANGE_RESET)) {
			sb_addf(why, "\tconf drops a value outside the range (range-reset), so Kconfig "
				"computes \"%s\":\n", ch->new);
			why_computed(ev, s, why);
		}
	}
}

void explain_change(struct eval *ev, const struct conf_change *ch, const struct config *c,
		    struct strbuf *why)
{
	const struct symbol *s = ch->sym;
	char l[300];

	if (!ch->entry) {
		sb_addf(why, "\tnot in the file, so Kconfig computes %s:\n", ch->new);
		why_computed(ev, s, why);
		return;
	}
	if (ch->invalid) {
		if (s->type == S_STRING)
			sb_addf(why, "\t%s: an unquoted string value, which conf ignores:\n",
				loc_str(ch->entry->loc, l, sizeof(l)));
		else
			sb_addf(why, "\t%s: symbol value '%s%s%s' invalid for %s, which conf ignores:\n",
				loc_str(ch->entry->loc, l, sizeof(l)), ch->entry->is_string ? "\"" : "",
				ch->old, ch->entry->is_string ? "\"" : "", s->name);
		if (sym_is_bool_like(s) && !s->choice && eval_visibility(ev, s) == no) {
			sb_addf(why, "\t%s is not visible:\n", s->name);
			why_prompts(ev, s, mod, why);
		}
		why_computed(ev, s, why);
		return;
	}
	if (sym_is_bool_like(s))
		why_tri(ev, ch, c, why);
	else
		why_val(ev, ch, why);
}
