#include "kconfig/menu.h"

#include "kconfig/dialect.h"
#include "util/strbuf.h"

const char *menu_kind_name(enum menu_kind k)
{
	switch (k) {
	case M_ROOT: return "mainmenu";
	case M_CONFIG: return "config";
	case M_MENUCONFIG: return "menuconfig";
	case M_CHOICE: return "choice";
	case M_MENU: return "menu";
	case M_COMMENT: return "comment";
	case M_IF: return "if";
	}
	return "?";
}

struct menu *menu_next(struct menu *m, struct menu *root)
{
	if (m->list)
		return m->list;
	while (m != root && !m->next)
		m = m->parent;
	return m == root ? NULL : m->next;
}

const struct menu *menu_next_const(const struct menu *m, const struct menu *root)
{
	if (m->list)
		return m->list;
	while (m != root && !m->next)
		m = m->parent;
	return m == root ? NULL : m->next;
}

struct menu *menu_add_entry(struct kctree *t, struct menu *parent,
			    enum menu_kind kind, struct symbol *sym, struct loc at)
{
	struct menu *m = arena_alloc(&t->arena, sizeof(*m));

	m->kind = kind;
	m->id = ++t->nmenus;
	m->loc = at;
	m->parent = parent;
	m->sym = sym;
	m->props_tail = &m->props;
	m->deps_tail = &m->deps;
	m->list_tail = &m->list;
	*parent->list_tail = m;
	parent->list_tail = &m->next;
	if (sym) {
		*sym->menus_tail = m;
		sym->menus_tail = &m->sym_next;
	}
	return m;
}

void menu_add_dep(struct kctree *t, struct menu *m, enum dep_kind kind,
		  struct expr *e, struct loc at)
{
	struct dep_item *d = arena_alloc(&t->arena, sizeof(*d));

	d->kind = kind;
	d->loc = at;
	d->expr = e;
	if (kind == DEP_VISIBLE) {
		struct dep_item **pp = &m->visibility;

		while (*pp)
			pp = &(*pp)->next;
		*pp = d;
		return;
	}
	*m->deps_tail = d;
	m->deps_tail = &d->next;
}

struct property *menu_add_prop(struct kctree *t, struct menu *m,
			       enum prop_type type, struct loc at)
{
	struct property *p = arena_alloc(&t->arena, sizeof(*p));

	p->type = type;
	p->loc = at;
	p->menu = m;
	*m->props_tail = p;
	m->props_tail = &p->menu_next;
	if (m->sym) {
		*m->sym->props_tail = p;
		m->sym->props_tail = &p->sym_next;
	}
	return p;
}

static bool has_term(const struct expr *acc, const struct expr *term)
{
	if (!acc)
		return false;
	if (acc == term)
		return true;
	return acc->type == E_AND && (has_term(acc->left, term) || has_term(acc->right, term));
}

/* acc && e, leaving out terms of e that acc already has (the kernel's
 * expr_eliminate_dups for conjunctions). */
static struct expr *and_unique(struct kctree *t, struct expr *acc, struct expr *e)
{
	if (!e)
		return acc;
	if (e->type == E_AND)
		return and_unique(t, and_unique(t, acc, e->left), e->right);
	return has_term(acc, e) ? acc : expr_and(t, acc, e);
}

static struct expr *items_and(struct kctree *t, const struct dep_item *d)
{
	struct expr *e = NULL;

	for (; d; d = d->next)
		e = and_unique(t, e, expr_rewrite_m(t, d->expr));
	return e;
}

static void finalize_props(struct kctree *t, struct menu *m)
{
	for (struct property *p = m->props; p; p = p->menu_next) {
		struct expr *vis = expr_and(t, m->dep, expr_rewrite_m(t, p->cond));
		struct property **pp;

		if (p->type == P_PROMPT)
			vis = expr_and(t, vis, m->visif);
		p->visible = vis;
		if (p->type != P_SELECT && p->type != P_IMPLY)
			continue;
		if (p->type == P_SELECT) {
			p->target->rev_dep = expr_or(t, p->target->rev_dep,
				expr_and(t, expr_sym(t, m->sym), vis));
			pp = p->target->selected_by_tail;
			p->target->selected_by_tail = &p->rev_next;
		} else {
			p->target->implied = expr_or(t, p->target->implied,
				expr_and(t, expr_sym(t, m->sym), vis));
			pp = p->target->implied_by_tail;
			p->target->implied_by_tail = &p->rev_next;
		}
		*pp = p;
	}
}

/* menu.c expr_depends_symbol(): dep requires sym to be set. */
static bool depends_on_sym(const struct kctree *t, const struct expr *e, const struct symbol *s)
{
	if (!e)
		return false;
	switch (e->type) {
	case E_AND:
		return depends_on_sym(t, e->left, s) || depends_on_sym(t, e->right, s);
	case E_SYMBOL:
		return e->sym == s;
	case E_EQUAL:
		return e->sym == s && (e->rsym == &t->sym_y || e->rsym == &t->sym_m);
	case E_UNEQUAL:
		return e->sym == s && e->rsym == &t->sym_n;
	default:
		return false;
	}
}

static const struct expr *menu_cond(const struct menu *m)
{
	return m->prompt ? m->prompt->visible : m->dep;
}

/* Before Linux 6.11, menu_finalize() first moved the entries that follow a
 * choice member and depend on it below that member (an automatic submenu),
 * and only the entries still directly in the choice (if blocks flattened)
 * became choice values.  Mark exactly those. */
static void mark_choice_values(struct kctree *t, struct menu *c, struct menu *list)
{
	struct menu *m = list;

	while (m) {
		struct menu *n;

		if (m->kind == M_IF) {
			mark_choice_values(t, c, m->list);
			m = m->next;
			continue;
		}
		if (!m->sym) {
			m = m->next;
			continue;
		}
		if (!m->sym->choice) {
			m->sym->choice = c;
			m->sym->flags |= SYM_CHOICEVAL;
		}
		/* A captures B when B depends on A; B in turn captures what
		 * depends on B, and so on. */
		n = m->next;
		{
			const struct symbol *capt[64];
			size_t ncapt = 0;

			capt[ncapt++] = m->sym;
			while (n) {
				const struct expr *e = menu_cond(n);
				bool dep = false;

				for (size_t i = 0; i < ncapt && !dep; i++)
					dep = depends_on_sym(t, e, capt[i]);
				if (!dep)
					break;
				if (n->sym && ncapt < 64)
					capt[ncapt++] = n->sym;
				n = n->next;
			}
		}
		m = n;
	}
}

static void choice_values_pre611(struct kctree *t)
{
	struct menu *m;

	menu_for_each(t, m)
		if (m->kind == M_CHOICE)
			for (struct menu *k = m->list; k; k = menu_next(k, m))
				if (k->sym && k->sym->choice == m) {
					k->sym->choice = NULL;
					k->sym->flags &= ~SYM_CHOICEVAL;
				}
	menu_for_each(t, m)
		if (m->kind == M_CHOICE)
			mark_choice_values(t, m, m->list);
}

void menu_finalize(struct kctree *t)
{
	struct menu *m;

	menu_for_each(t, m) {
		/* Up to 6.10 a choice's children depend on the choice symbol
		 * (menu.c: "Use the choice itself as the parent dependency"). */
		if (dialect_has(t, DR_CHOICE_SUBMENU) && m->parent->kind == M_CHOICE)
			m->dep = and_unique(t, expr_sym(t, m->parent->sym), items_and(t, m->deps));
		else
			m->dep = and_unique(t, m->parent->dep, items_and(t, m->deps));
		m->visif = expr_and(t, m->parent->visif, items_and(t, m->parent->visibility));
		finalize_props(t, m);
		if (m->sym) {
			/* NULL is y here, but n to expr_or(): spell it out */
			struct expr *d = m->dep ? m->dep : expr_sym(t, &t->sym_y);

			m->sym->dir_dep = m->sym->dir_dep ? expr_or(t, m->sym->dir_dep, d) : d;
		}
	}
	for (size_t i = 0; i < t->syms.n; i++) {
		struct symbol *s = t->syms.v[i];

		if (s->dir_dep && s->dir_dep->type == E_SYMBOL && s->dir_dep->sym == &t->sym_y)
			s->dir_dep = NULL;
	}
	if (dialect_has(t, DR_CHOICE_SUBMENU))
		choice_values_pre611(t);
	/* A choice member takes the choice's type when it has none (6.1);
	 * an untyped choice takes its first typed member's. */
	menu_for_each(t, m) {
		struct symbol *c = m->sym;

		if (m->kind != M_CHOICE || !c)
			continue;
		for (struct menu *k = m->list; k; k = menu_next(k, m))
			if (c->type == S_UNKNOWN && k->sym && k->sym->choice == m &&
			    k->sym->type != S_UNKNOWN)
				c->type = k->sym->type;
		if (c->type == S_UNKNOWN)
			c->type = S_BOOLEAN;
		for (struct menu *k = m->list; k; k = menu_next(k, m))
			if (k->sym && k->sym->choice == m && k->sym->type == S_UNKNOWN)
				k->sym->type = c->type;
	}
	/* menu.c menu_finalize(): once per symbol, at its first entry */
	for (size_t i = 0; i < t->syms.n; i++) {
		const struct symbol *s = t->syms.v[i];

		if (s->type == S_UNKNOWN && s->menus && !sym_is_choice(s))
			diag_warning(s->menus->loc, "config symbol defined without type");
	}
}
