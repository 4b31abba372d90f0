#include "kconfig/because.h"

#include <stdlib.h>
#include <string.h>

#include "kconfig/confdata.h"
#include "kconfig/confsim.h"
#include "kconfig/eval.h"
#include "kconfig/kconfig.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

/* How far the causes are followed, and how many of them a step names: a
 * developer reads the first few; the rest follow by asking about them. */
#define BECAUSE_DEPTH 12
#define BECAUSE_FANOUT 3

struct walk {
	struct confsim *cs;
	struct eval *ev;
	const struct config *c;
	becausevec *out;
	symvec seen;
};

static void value_of(void *ctx, struct strbuf *sb, const struct symbol *s)
{
	sb_addf(sb, " [=%s]", eval_sym_str(ctx, s));
}

static void add_expr(struct walk *w, struct strbuf *sb, const struct expr *e)
{
	expr_print_values(sb, e, value_of, w->ev);
}

static void push_sym(symvec *v, const struct symbol *s)
{
	if (v->n >= BECAUSE_FANOUT || !s->name || (s->flags & SYM_CONST) || !eval_has_value(s))
		return;
	for (size_t i = 0; i < v->n; i++)
		if (v->v[i] == s)
			return;
	vec_push(*v, s);
}

/* The symbols that keep e below need (low) or above cap (!low): for a
 * `depends on A && B` that is n, the operands that are n, for !A that is n,
 * A. */
static void culprits(struct eval *ev, const struct expr *e, bool low, enum tristate lim, symvec *out)
{
	enum tristate v;

	if (!e)
		return;
	v = eval_expr(ev, e);
	if (low ? v >= lim : v <= lim)
		return;
	switch (e->type) {
	case E_SYMBOL:
		push_sym(out, e->sym);
		break;
	case E_NOT:
		/* !X < lim: X > y - lim; !X > lim: X < y - lim */
		culprits(ev, e->left, !low, tri_not(lim), out);
		break;
	case E_AND:
	case E_OR:
		culprits(ev, e->left, low, lim, out);
		culprits(ev, e->right, low, lim, out);
		break;
	default:
		if (e->sym)
			push_sym(out, e->sym);
		if (e->rsym)
			push_sym(out, e->rsym);
		break;
	}
}

/* The file's line for s (the last), and whether conf takes its value. */
static const struct config_entry *line_of(const struct walk *w, const struct symbol *s, bool *valid)
{
	const struct config_entry *e = s->name ? config_find(w->c, s->name) : NULL;

	*valid = e && confsim_valid(s, e);
	return e;
}

/* "not visible: " and what keeps every prompt of s below need: its
 * entry's and the enclosing `depends on`, `if` and `visible if` lines, and
 * the prompt's own `if`; their culprits into next.  "no prompt" if it has
 * none. */
static void hidden_by(struct walk *w, const struct symbol *s, enum tristate need, struct strbuf *t,
		      struct strbuf *brief, symvec *next)
{
	char l[300];
	unsigned shown = 0;
	bool any = false;

	for (const struct property *p = s->props; p; p = p->sym_next) {
		if (p->type != P_PROMPT)
			continue;
		if (!any)
			sb_adds(t, need == mod ? "not visible: " : "");
		any = true;
		for (const struct menu *m = p->menu; m && m->kind != M_ROOT; m = m->parent)
			for (int pass = 0; pass < 2; pass++)
				for (const struct dep_item *d = pass ? m->visibility : m->deps; d;
				     d = d->next) {
					if (eval_cond(w->ev, d->expr) >= need)
						continue;
					if (shown++ < BECAUSE_FANOUT) {
						sb_addf(t, "%s%s ", shown > 1 ? ", " : "",
							d->kind == DEP_IF ? "if" : d->kind == DEP_VISIBLE ?
							"visible if" : "depends on");
						add_expr(w, t, d->expr);
						sb_addf(t, "  (%s)", loc_str(d->loc, l, sizeof(l)));
						if (!brief->len) {
							sb_addf(brief, "%s, ", loc_str(d->loc, l, sizeof(l)));
							sb_adds(brief, d->kind == DEP_IF ? "if " :
								d->kind == DEP_VISIBLE ? "visible if " :
								"depends on ");
							expr_print(brief, d->expr);
						}
					}
					culprits(w->ev, d->expr, true, need, next);
				}
		if (p->cond && eval_cond(w->ev, p->cond) < need) {
			if (shown++ < BECAUSE_FANOUT) {
				sb_addf(t, "%sprompt \"%s\" if ", shown > 1 ? ", " : "", p->text);
				add_expr(w, t, p->cond);
				sb_addf(t, "  (%s)", loc_str(p->loc, l, sizeof(l)));
				if (!brief->len)
					sb_addf(brief, "%s, its prompt's if", loc_str(p->loc, l, sizeof(l)));
			}
			culprits(w->ev, p->cond, true, need, next);
		}
	}
	if (!any) {
		/* the brief is left to what computes it */
		sb_adds(t, "no prompt");
	} else if (!shown) {
		/* m: a tristate's prompt while MODULES is n, a bool's m */
		sb_addf(t, "its prompt is visible only as m, and %s",
			s->type == S_BOOLEAN ? "it is a bool" : "MODULES is not y");
		sb_adds(brief, "its prompt allows only m");
	} else if (shown > BECAUSE_FANOUT) {
		sb_addf(t, ", and %u more", shown - BECAUSE_FANOUT);
	}
}

static bool is_constant(const struct expr *e)
{
	return e && e->type == E_SYMBOL && (e->sym->flags & SYM_CONST);
}

/* The default s computes (no user value counts): the default line, an
 * imply, or none; its source symbol into next; brief (if not NULL and
 * still empty) says it in a few words.  Returns true if nothing further
 * decides it. */
static bool computed(struct walk *w, const struct symbol *s, struct strbuf *t, struct strbuf *brief,
		     symvec *next)
{
	const struct property *d = eval_active_default(w->ev, s);
	char l[300];

	if (sym_is_bool_like(s) && eval_rev(w->ev, s->implied_by) && eval_sym_tri(w->ev, s)) {
		for (const struct property *p = s->implied_by; p; p = p->rev_next)
			if (eval_rev_one(w->ev, p)) {
				sb_addf(t, "imply %s, by %s=%s  (%s)", s->name, p->menu->sym->name,
					eval_sym_str(w->ev, p->menu->sym), loc_str(p->loc, l, sizeof(l)));
				if (brief && !brief->len)
					sb_addf(brief, "%s, implied by %s", loc_str(p->loc, l, sizeof(l)),
						p->menu->sym->name);
				push_sym(next, p->menu->sym);
				return false;
			}
	}
	if (!d) {
		unsigned shown = 0;

		const struct menu *last = NULL;
		bool prompt = false;

		/* a hidden prompt's dependencies are said already */
		for (const struct property *p = s->props; p && !prompt; p = p->sym_next)
			prompt = p->type == P_PROMPT;
		sb_adds(t, "no default applies");
		if (brief && !brief->len)
			sb_adds(brief, s->selected_by ? "no default or select applies" :
				"no default applies");
		/* what keeps each default off: its `if`, or its entry's
		 * dependencies (each entry once) */
		for (const struct property *p = s->props; p && shown < BECAUSE_FANOUT; p = p->sym_next) {
			if (p->type != P_DEFAULT)
				continue;
			if (p->cond && eval_cond(w->ev, p->cond) == no) {
				sb_addf(t, "%sdefault ", shown++ ? ", " : ": ");
				add_expr(w, t, p->expr);
				sb_adds(t, " if ");
				add_expr(w, t, p->cond);
				sb_addf(t, "  (%s)", loc_str(p->loc, l, sizeof(l)));
				culprits(w->ev, p->cond, true, mod, next);
			} else if (p->menu != last && (!prompt || eval_visibility(w->ev, s) > no)) {
				for (const struct menu *m = p->menu; m && m->kind != M_ROOT; m = m->parent)
					for (const struct dep_item *di = m->deps; di; di = di->next) {
						if (eval_cond(w->ev, di->expr) > no)
							continue;
						sb_addf(t, "%s%s ", shown++ ? ", " : ": ",
							di->kind == DEP_IF ? "if" : "depends on");
						add_expr(w, t, di->expr);
						sb_addf(t, "  (%s)", loc_str(di->loc, l, sizeof(l)));
						culprits(w->ev, di->expr, true, mod, next);
					}
			}
			last = p->menu;
		}
		shown = 0;
		/* n: the selects that do not apply, and who they wait for */
		for (const struct property *p = s->selected_by; p && sym_is_bool_like(s);
		     p = p->rev_next) {
			if (eval_rev_one(w->ev, p))
				continue;
			if (shown++ >= BECAUSE_FANOUT) {
				sb_adds(t, ", ...");
				break;
			}
			sb_addf(t, "%sselect %s", shown > 1 ? ", " : "; no select applies: ", s->name);
			if (p->cond) {
				sb_adds(t, " if ");
				add_expr(w, t, p->cond);
			}
			sb_addf(t, ", by %s=%s  (%s)", p->menu->sym->name,
				eval_sym_str(w->ev, p->menu->sym), loc_str(p->loc, l, sizeof(l)));
			if (eval_sym_tri(w->ev, p->menu->sym) == no)
				push_sym(next, p->menu->sym);
			else
				culprits(w->ev, p->cond, true, mod, next);
		}
		return !next->n;
	}
	sb_adds(t, "default ");
	add_expr(w, t, d->expr);
	if (d->cond) {
		sb_adds(t, " if ");
		add_expr(w, t, d->cond);
	}
	sb_addf(t, "  (%s)", loc_str(d->loc, l, sizeof(l)));
	if (brief && !brief->len)
		sb_addf(brief, "%s, a default", loc_str(d->loc, l, sizeof(l)));
	if (d->cond) {
		/* a default that applies: what its `if` reads decides */
		const struct symbol *f = eval_first_set(w->ev, d->cond);

		if (f)
			push_sym(next, f);
	}
	if (is_constant(d->expr))
		return !next->n;
	if (sym_is_bool_like(s)) {
		const struct symbol *f = eval_first_set(w->ev, d->expr);

		if (f)
			push_sym(next, f);
		else
			culprits(w->ev, d->expr, true, yes, next);
	} else if (d->expr->type == E_SYMBOL) {
		push_sym(next, d->expr->sym);
	}
	return !next->n;
}

/* The member of choice c that is y, if any. */
static const struct symbol *picked(struct eval *ev, const struct menu *c)
{
	for (const struct menu *k = c->list; k; k = menu_next_const(k, c))
		if (k->sym && k->sym->choice == c && eval_sym_tri(ev, k->sym) == yes)
			return k->sym;
	return NULL;
}

static bool step_member(struct walk *w, const struct symbol *s, struct strbuf *t,
			struct strbuf *brief, symvec *next)
{
	const struct menu *ch = s->choice;
	const struct symbol *pick;
	const struct config_entry *e;
	bool valid;
	char l[300], cl[300];

	loc_str(ch->loc, cl, sizeof(cl));
	if (!eval_visibility(w->ev, s)) {
		hidden_by(w, s, mod, t, brief, next);
		return !next->n;
	}
	pick = picked(w->ev, ch);
	e = line_of(w, s, &valid);
	if (pick != s) {
		sb_addf(t, "the choice at %s picks %s", cl, pick ? pick->name : "none of its members");
		sb_addf(brief, "%s, the choice picks %s", cl, pick ? pick->name : "none");
		if (pick)
			push_sym(next, pick);
		return !pick;
	}
	if (e && valid && tri_value(e->value) == yes) {
		sb_addf(t, "the choice at %s picks it: set by you  (%s)", cl,
			loc_str(e->loc, l, sizeof(l)));
		sb_addf(brief, "%s, set by you", l);
		return true;
	}
	for (const struct property *p = ch->sym->props; p; p = p->sym_next)
		if (p->type == P_DEFAULT && p->target == s && eval_expr(w->ev, p->visible)) {
			sb_addf(t, "the choice at %s picks it: its default  (%s)", cl,
				loc_str(p->loc, l, sizeof(l)));
			sb_addf(brief, "%s, the choice's default", l);
			return true;
		}
	sb_addf(t, "the choice at %s picks it: its first visible member the file does not set", cl);
	sb_addf(brief, "%s, the choice's first visible member", cl);
	return true;
}

static bool step_tri(struct walk *w, const struct symbol *s, struct strbuf *t, struct strbuf *brief,
		     symvec *next)
{
	enum tristate v = eval_sym_tri(w->ev, s), vis = eval_visibility(w->ev, s);
	enum tristate rev = eval_round(w->ev, s, eval_rev(w->ev, s->selected_by));
	bool valid;
	const struct config_entry *e = line_of(w, s, &valid);
	char l[300];

	if (s->choice)
		return step_member(w, s, t, brief, next);
	if (rev > no && rev >= v) {
		for (const struct property *p = s->selected_by; p; p = p->rev_next) {
			if (eval_round(w->ev, s, eval_rev_one(w->ev, p)) < v)
				continue;
			sb_addf(t, "select %s", s->name);
			if (p->cond) {
				sb_adds(t, " if ");
				add_expr(w, t, p->cond);
			}
			sb_addf(t, ", by %s=%s  (%s)", p->menu->sym->name,
				eval_sym_str(w->ev, p->menu->sym), loc_str(p->loc, l, sizeof(l)));
			sb_addf(brief, "%s, selected by %s", l, p->menu->sym->name);
			push_sym(next, p->menu->sym);
			return false;
		}
	}
	if (vis > no && e && valid) {
		enum tristate u = tri_value(e->value);

		loc_str(e->loc, l, sizeof(l));
		if (u == v || (u == mod && v == yes && eval_bool_now(w->ev, s))) {
			sb_addf(t, u == v ? "set by you  (%s)" : "set to m by you  (%s), which %s",
				l, s->type == S_BOOLEAN ? "a bool takes as y" :
				"is y while MODULES is not y");
			sb_addf(brief, "%s, set by you", l);
			return true;
		}
		sb_addf(t, "set to %c by you  (%s), but its prompt allows at most %c: ", tri_char(u), l,
			tri_char(vis));
		sb_addf(brief, "%s, set by you to %c, limited by its dependencies", l, tri_char(u));
		hidden_by(w, s, u, t, brief, next);
		return !next->n;
	}
	if (vis == no) {
		hidden_by(w, s, mod, t, brief, next);
		if (e)
			sb_addf(t, ", so its line %s is not read", loc_str(e->loc, l, sizeof(l)));
		sb_adds(t, "; ");
		/* the brief names what hides it (without a prompt: what
		 * computes it); the default is in the text */
		computed(w, s, t, brief->len ? NULL : brief, next);
		return !next->n;
	}
	if (e && !valid) {
		sb_addf(t, "its line %s ('%s') is not one conf takes; ", loc_str(e->loc, l, sizeof(l)),
			e->value);
		sb_addf(brief, "%s, a value conf does not take", l);
	} else
		sb_adds(t, "not in the file; ");
	return computed(w, s, t, brief, next);
}

static bool step_val(struct walk *w, const struct symbol *s, struct strbuf *t, struct strbuf *brief,
		     symvec *next)
{
	const char *v = eval_sym_str(w->ev, s);
	const struct property *r = eval_active_range(w->ev, s);
	bool valid, leaf;
	const struct config_entry *e = line_of(w, s, &valid);
	char l[300];

	if (eval_visibility(w->ev, s) == no) {
		hidden_by(w, s, mod, t, brief, next);
		if (e)
			sb_addf(t, ", so its line %s is not read", loc_str(e->loc, l, sizeof(l)));
		sb_adds(t, "; ");
		leaf = computed(w, s, t, brief->len ? NULL : brief, next) && !next->n;
	} else if (e && valid) {
		loc_str(e->loc, l, sizeof(l));
		if (r && strcmp(e->value, v))
			sb_addf(t, "set to %s by you  (%s), clamped by ", e->value, l);
		else
			sb_addf(t, "set by you  (%s)", l);
		sb_addf(brief, "%s, set by you", l);
		leaf = true;
	} else {
		if (e) {
			sb_addf(t, "its line %s is not one conf takes; ", loc_str(e->loc, l, sizeof(l)));
			sb_addf(brief, "%s, a value conf does not take", l);
		} else
			sb_adds(t, "not in the file; ");
		leaf = computed(w, s, t, brief, next);
	}
	if (r && (!e || !valid || strcmp(e->value, v))) {
		sb_adds(t, e && valid && eval_visibility(w->ev, s) ? "range " : ", within range ");
		expr_print_sym(t, r->lo);
		sb_addc(t, ' ');
		expr_print_sym(t, r->hi);
		sb_addf(t, "  (%s)", loc_str(r->loc, l, sizeof(l)));
	}
	return leaf;
}

static void walk_sym(struct walk *w, const struct symbol *s, unsigned depth)
{
	struct strbuf t = STRBUF_INIT, brief = STRBUF_INIT;
	symvec next = { 0 };
	struct because b = { .sym = s, .depth = depth };
	bool valid;
	const struct config_entry *e = line_of(w, s, &valid);
	char l[300];

	vec_push(w->seen, s);
	b.value = confsim_str(w->cs, s);
	if (confsim_pinned(w->cs, s)) {
		sb_addf(&t, "reads $(shell,...) kcsat did not run (--shell): the file's value stands"
			"  (%s)", e ? loc_str(e->loc, l, sizeof(l)) : "?");
		sb_addf(&brief, "%s, the file's value", e ? l : "?");
		b.leaf = true;
	} else if (sym_is_bool_like(s)) {
		b.leaf = step_tri(w, s, &t, &brief, &next);
	} else {
		b.leaf = step_val(w, s, &t, &brief, &next);
	}
	b.text = sb_detach(&t);
	b.brief = sb_detach(&brief);
	vec_push(*w->out, b);
	for (size_t i = 0; i < next.n && depth + 1 < BECAUSE_DEPTH; i++) {
		bool seen = false;

		for (size_t k = 0; k < w->seen.n; k++)
			seen |= w->seen.v[k] == next.v[i];
		if (!seen)
			walk_sym(w, next.v[i], depth + 1);
	}
	vec_release(next);
}

void because_value(struct confsim *cs, const struct config *c, const struct symbol *s,
		   becausevec *out)
{
	struct walk w = { cs, confsim_eval(cs), c, out, { 0 } };

	walk_sym(&w, s, 0);
	vec_release(w.seen);
}

const struct because *because_root(const becausevec *v)
{
	for (size_t i = 1; i < v->n; i++)
		if (v->v[i].leaf)
			return &v->v[i];
	return v->n ? &v->v[0] : NULL;
}

void because_release(becausevec *v)
{
	for (size_t i = 0; i < v->n; i++) {
		free(v->v[i].text);
		free(v->v[i].brief);
	}
	vec_release(*v);
}
