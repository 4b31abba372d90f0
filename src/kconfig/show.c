#include "kconfig/show.h"

#include <stdlib.h>
#include <string.h>

#include "kconfig/eval.h"
#include "util/strbuf.h"

static void value_of(void *ctx, struct strbuf *sb, const struct symbol *s)
{
	sb_addf(sb, " [=%s]", eval_sym_str(ctx, s));
}

static void add_expr(struct strbuf *sb, const struct expr *e, struct eval *ev)
{
	if (ev)
		expr_print_values(sb, e, value_of, ev);
	else
		expr_print(sb, e);
}

static void push(show_itemvec *v, struct strbuf *sb, struct loc at)
{
	struct show_item it = { sb_detach(sb), at };

	vec_push(*v, it);
}

/* " if COND" of a property, with values. */
static void add_cond(struct strbuf *sb, const struct property *p, struct eval *ev)
{
	if (!p->cond)
		return;
	sb_adds(sb, " if ");
	add_expr(sb, p->cond, ev);
}

static void add_sym(struct strbuf *sb, const struct symbol *s, struct eval *ev)
{
	expr_print_sym(sb, s);
	if (ev && eval_has_value(s))
		value_of(ev, sb, s);
}

/* The entry m is shown under in menuconfig: its menu, or the nearest
 * earlier entry of the same menu that every entry from it to m depends
 * on (menu.c menu_finalize() nests those under it). */
static const struct menu *shown_parent(const struct menu *m)
{
	const struct menu *best = m->parent;

	if (!m->parent)
		return NULL;
	for (const struct menu *p = m->parent->list; p && p != m; p = p->next) {
		bool all = p->sym && p->sym->name && !sym_is_choice(p->sym);

		for (const struct menu *q = p->next; all && q; q = q->next) {
			all = q->dep && expr_contains_sym(q->dep, p->sym);
			if (q == m)
				break;
		}
		if (all)
			best = p;
	}
	return best;
}

static void location(struct show_info *out, const struct menu *m, struct eval *ev)
{
	VEC(const struct menu *) path = { 0 };
	struct strbuf sb = STRBUF_INIT;

	for (const struct menu *p = m; p && p->kind != M_ROOT; p = shown_parent(p))
		if (p->prompt || p->kind == M_MENU)
			vec_push(path, p);
	for (size_t i = path.n; i-- > 0;) {
		const struct menu *p = path.v[i];

		sb_adds(&sb, p->prompt ? p->prompt->text : "");
		if (p->sym && p->sym->name) {
			sb_addf(&sb, " (%s", p->sym->name);
			if (ev)
				sb_addf(&sb, " [=%s]", eval_sym_str(ev, p->sym));
			sb_addc(&sb, ')');
		}
		push(&out->location, &sb, p->loc);
	}
	vec_release(path);
}

void show_compute(struct kctree *t, const struct symbol *s, struct eval *ev,
		  struct show_info *out)
{
	struct strbuf sb = STRBUF_INIT;
	char buf[64];

	(void)t;
	out->sym = s;
	out->value = ev ? eval_sym_str(ev, s) : NULL;
	for (const struct menu *m = s->menus; m; m = m->sym_next) {
		sb_adds(&sb, sym_display_name(s, buf, sizeof(buf)));
		push(&out->defined, &sb, m->loc);
		if (!out->help && m->help)
			out->help = m->help;
		for (const struct dep_item *d = m->deps; d; d = d->next) {
			if (d->kind == DEP_IF)
				sb_adds(&sb, "if ");
			add_expr(&sb, d->expr, ev);
			push(&out->depends, &sb, d->loc);
		}
		for (const struct menu *p = m->parent; p; p = p->parent) {
			for (const struct dep_item *d = p->visibility; d; d = d->next) {
				add_expr(&sb, d->expr, ev);
				push(&out->visible, &sb, d->loc);
			}
			if (p->kind == M_MENU || p->kind == M_CHOICE || p->kind == M_IF)
				for (const struct dep_item *d = p->deps; d; d = d->next) {
					sb_adds(&sb, p->kind == M_IF ? "if " : "");
					add_expr(&sb, d->expr, ev);
					if (p->kind != M_IF)
						sb_addf(&sb, "  (of the %s \"%s\")",
							p->kind == M_MENU ? "menu" : "choice",
							p->prompt ? p->prompt->text : "");
					push(&out->depends, &sb, d->loc);
				}
		}
		if (m == s->menus || !out->location.n)
			location(out, m, ev);
	}
	for (const struct property *p = s->props; p; p = p->sym_next) {
		switch (p->type) {
		case P_PROMPT:
			sb_adds(&sb, p->text);
			add_cond(&sb, p, ev);
			push(&out->prompts, &sb, p->loc);
			break;
		case P_DEFAULT:
			if (p->target)
				add_sym(&sb, p->target, ev);
			else
				add_expr(&sb, p->expr, ev);
			add_cond(&sb, p, ev);
			push(&out->defaults, &sb, p->loc);
			break;
		case P_SELECT:
		case P_IMPLY:
			add_sym(&sb, p->target, ev);
			add_cond(&sb, p, ev);
			push(p->type == P_SELECT ? &out->selects : &out->implies, &sb, p->loc);
			break;
		case P_RANGE:
			add_sym(&sb, p->lo, ev);
			sb_addc(&sb, ' ');
			add_sym(&sb, p->hi, ev);
			add_cond(&sb, p, ev);
			push(&out->ranges, &sb, p->loc);
			break;
		default:
			break;
		}
	}
	for (int k = 0; k < 2; k++)
		for (const struct property *p = k ? s->implied_by : s->selected_by; p; p = p->rev_next) {
			add_sym(&sb, p->menu->sym, ev);
			if (p->cond) {
				sb_adds(&sb, " && ");
				add_expr(&sb, p->cond, ev);
			}
			push(k ? &out->implied_by : &out->selected_by, &sb, p->loc);
		}
	sb_release(&sb);
}

static void release(show_itemvec *v)
{
	for (size_t i = 0; i < v->n; i++)
		free(v->v[i].text);
	vec_release(*v);
}

void show_release(struct show_info *info)
{
	release(&info->prompts);
	release(&info->defined);
	release(&info->location);
	release(&info->depends);
	release(&info->visible);
	release(&info->selects);
	release(&info->implies);
	release(&info->selected_by);
	release(&info->implied_by);
	release(&info->defaults);
	release(&info->ranges);
}
