#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kconfig/dialect.h"
#include "kconfig/kconfig.h"
#include "util/strbuf.h"
#include "util/strindex.h"
#include "util/xalloc.h"

static void symhash_grow(struct kctree *t)
{
	uint32_t n = t->symhash_size ? t->symhash_size * 2 : 4096;
	struct symbol **h = xcalloc(n, sizeof(*h));

	for (uint32_t i = 0; i < t->symhash_size; i++) {
		struct symbol *s = t->symhash[i], *next;

		for (; s; s = next) {
			uint32_t b = s->hash & (n - 1);

			next = s->hnext;
			s->hnext = h[b];
			h[b] = s;
		}
	}
	free(t->symhash);
	t->symhash = h;
	t->symhash_size = n;
}

void sym_init(struct kctree *t, struct symbol *s, const char *name, unsigned flags)
{
	s->name = name;
	s->flags = flags;
	s->id = (uint32_t)t->syms.n;
	s->props_tail = &s->props;
	s->menus_tail = &s->menus;
	s->selected_by_tail = &s->selected_by;
	s->implied_by_tail = &s->implied_by;
	vec_push(t->syms, s);
}

static struct symbol *sym_new(struct kctree *t, const char *name, unsigned flags)
{
	struct symbol *s = arena_alloc(&t->arena, sizeof(*s));

	sym_init(t, s, name ? arena_strdup(&t->arena, name) : NULL, flags);
	return s;
}

struct symbol *sym_lookup(struct kctree *t, const char *name, bool is_const)
{
	struct symbol *s;
	uint32_t b, h;

	if (!name)
		return sym_new(t, NULL, SYM_CHOICE);
	/* y, m and n are the same three symbols however they are written. */
	if (name[0] && !name[1]) {
		switch (name[0]) {
		case 'y': return &t->sym_y;
		case 'm': return &t->sym_m;
		case 'n': return &t->sym_n;
		}
	}
	if (!t->symhash_size || t->syms.n > t->symhash_size)
		symhash_grow(t);
	h = str_hash(name);
	b = h & (t->symhash_size - 1);
	for (s = t->symhash[b]; s; s = s->hnext)
		if (s->hash == h && !(s->flags & SYM_CONST) == !is_const && !strcmp(s->name, name))
			return s;
	s = sym_new(t, name, is_const ? SYM_CONST : 0);
	s->hash = h;
	s->hnext = t->symhash[b];
	t->symhash[b] = s;
	return s;
}

struct symbol *sym_find(const struct kctree *t, const char *name)
{
	if (name[0] && !name[1]) {
		switch (name[0]) {
		case 'y': return t->sym_const[yes];
		case 'm': return t->sym_const[mod];
		case 'n': return t->sym_const[no];
		}
	}
	if (!t->symhash_size)
		return NULL;
	uint32_t h = str_hash(name);

	for (struct symbol *s = t->symhash[h & (t->symhash_size - 1)]; s; s = s->hnext)
		if (s->hash == h && !(s->flags & SYM_CONST) && !strcmp(s->name, name))
			return s;
	return NULL;
}

const char *sym_type_name(enum sym_type type)
{
	switch (type) {
	case S_BOOLEAN: return "bool";
	case S_TRISTATE: return "tristate";
	case S_INT: return "int";
	case S_HEX: return "hex";
	case S_STRING: return "string";
	case S_UNKNOWN: break;
	}
	return "unknown";
}

const char *sym_display_name(const struct symbol *s, char *buf, size_t size)
{
	char where[256];

	if (s->name)
		return s->name;
	if (s->menus)
		snprintf(buf, size, "<choice@%s>", loc_str(s->menus->loc, where, sizeof(where)));
	else
		snprintf(buf, size, "<choice>");
	return buf;
}

/* ---- what scripts/kconfig rejects after parsing ---- */

/* How one symbol reaches the next in a loop: the kinds of edge
 * sym_check_print_recursive() tells apart. */
enum step_kind {
	STEP_DEPENDS, STEP_SELECTED, STEP_IMPLIED, STEP_PROMPT_VIS, STEP_DEFAULT_VIS,
	STEP_RANGE_VIS, STEP_DEFAULT_VALUE,
};

/* One step of a dependency chain, for the message. */
struct dep_step {
	const struct symbol *sym;
	enum step_kind how;
	struct loc at;
};

/* An edge out of the symbol being walked: where the walk goes next. */
struct dep_edge {
	const struct symbol *sym;
	enum step_kind how;
	struct loc at;
};

/* The walk's own stack: a frame per symbol on the path, with its edges
 * [next, end) still to take in w->edges.  Iterative, so a 50,000-long
 * chain or loop costs heap, not C stack. */
struct dep_frame {
	size_t first, next, end;
};

struct dep_walk {
	struct kctree *t;
	uint8_t *state;		/* by symbol id: 0 new, 1 on stack, 2 done */
	VEC(struct dep_step) stack;
	VEC(struct dep_frame) frames;
	VEC(struct dep_edge) edges;
	unsigned errors;
	bool keep;		/* record loops in t->cycles, not as errors */
};

/* The kernel's words for one step, then where the step is written. */
static void step_text(struct strbuf *sb, const struct dep_step *d, const struct symbol *next)
{
	static const char *const how[] = {
		[STEP_DEPENDS] = "depends on", [STEP_SELECTED] = "is selected by",
		[STEP_IMPLIED] = "is implied by", [STEP_PROMPT_VIS] = "prompt is visible depending on",
		[STEP_DEFAULT_VIS] = "default is visible depending on",
		[STEP_RANGE_VIS] = "range is visible depending on",
		[STEP_DEFAULT_VALUE] = "default value contains",
	};
	char l[300];
	const char *name = d->sym->name ? d->sym->name : "<choice>";

	if (sym_is_choice(next) && next->menus)
		sb_addf(sb, "symbol %s is part of choice block at %s", name,
			loc_str(next->menus->loc, l, sizeof(l)));
	else
		sb_addf(sb, "symbol %s %s %s (%s)", name, how[d->how],
			next->name ? next->name : "<choice>", loc_str(d->at, l, sizeof(l)));
}

static void report_cycle(struct dep_walk *w, const struct symbol *back)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i = 0;

	while (i < w->stack.n && w->stack.v[i].sym != back)
		i++;
	for (size_t j = i; j < w->stack.n; j++) {
		const struct symbol *next = j + 1 < w->stack.n ? w->stack.v[j + 1].sym : back;

		sb_adds(&sb, "\n\t");
		step_text(&sb, &w->stack.v[j], next);
	}
	if (w->keep) {
		struct kc_cycle c = { w->stack.v[i].at, arena_strdup(&w->t->arena, sb_str(&sb) + 2) };

		vec_push(w->t->cycles, c);
	} else {
		diag_error(w->stack.v[i].at, "recursive dependency detected!%s", sb_str(&sb));
		w->errors++;
	}
	sb_release(&sb);
}

static void add_edge(struct dep_walk *w, const struct symbol *s, enum step_kind how, struct loc at)
{
	vec_push(w->edges, ((struct dep_edge){ s, how, at }));
}

/* Every symbol e reads, each a possible step of a cycle (recursion over one
 * expression only: the parser bounds its size and nesting). */
static void expr_edges(struct dep_walk *w, const struct expr *e, enum step_kind how, struct loc at)
{
	if (!e)
		return;
	switch (e->type) {
	case E_NOT:
		expr_edges(w, e->left, how, at);
		return;
	case E_AND:
	case E_OR:
		expr_edges(w, e->left, how, at);
		expr_edges(w, e->right, how, at);
		return;
	default:
		add_edge(w, e->sym, how, at);
		if (e->type != E_SYMBOL)
			add_edge(w, e->rsym, how, at);
		return;
	}
}

static void menu_dep_edges(struct dep_walk *w, const struct menu *m)
{
	for (; m && m->kind != M_ROOT; m = m->parent)
		for (const struct dep_item *d = m->deps; d; d = d->next)
			expr_edges(w, d->expr, STEP_DEPENDS, d->loc);
}

/* The edges of symbol.c sym_check_sym_deps(), in the order the kernel
 * follows them: direct dependencies, selects and implies pointing at it, and
 * each property's condition and default value. */
static void sym_edges(struct dep_walk *w, const struct symbol *s)
{
	for (const struct menu *m = s->menus; m; m = m->sym_next)
		menu_dep_edges(w, m);
	for (int imply = 0; imply < 2; imply++)
		for (const struct property *p = imply ? s->implied_by : s->selected_by; p; p = p->rev_next) {
			enum step_kind how = imply ? STEP_IMPLIED : STEP_SELECTED;

			add_edge(w, p->menu->sym, how, p->loc);
			expr_edges(w, p->cond, how, p->loc);
		}
	for (const struct property *p = s->props; p; p = p->sym_next) {
		if (p->type == P_SELECT || p->type == P_IMPLY)
			continue;
		expr_edges(w, p->cond, p->type == P_PROMPT ? STEP_PROMPT_VIS :
			   p->type == P_DEFAULT ? STEP_DEFAULT_VIS : STEP_RANGE_VIS, p->loc);
		if (p->type == P_DEFAULT && !sym_is_choice(s))
			expr_edges(w, p->expr, STEP_DEFAULT_VALUE, p->loc);
	}
}

/* The node the walk visits for s (a 6.11+ choice checks as one node), or
 * NULL for a constant or undefined symbol. */
static const struct symbol *walk_node(const struct dep_walk *w, const struct symbol *s)
{
	if ((s->flags & SYM_CONST) || !(s->flags & SYM_DEFINED))
		return NULL;
	if (s->choice && dialect_has(w->t, DR_CHOICE_VALUES))
		return s->choice->sym;
	return s;
}

static void walk_push(struct dep_walk *w, const struct symbol *s)
{
	size_t first = w->edges.n;

	w->state[s->id] = 1;
	vec_push(w->stack, ((struct dep_step){ s, STEP_DEPENDS, { 0, 0 } }));
	if (sym_is_choice(s) && dialect_has(w->t, DR_CHOICE_VALUES)) {
		for (const struct menu *k = s->menus; k; k = k->sym_next) {
			for (const struct menu *m = k->list; m; m = menu_next_const(m, k))
				if (m->sym && m->sym->choice == k)
					sym_edges(w, m->sym);
			menu_dep_edges(w, k);
		}
	} else {
		sym_edges(w, s);
	}
	vec_push(w->frames, ((struct dep_frame){ first, first, w->edges.n }));
}

static void walk_pop(struct dep_walk *w)
{
	const struct symbol *s = vec_last(w->stack).sym;

	w->state[s->id] = 2;	/* a loop through s is reported once */
	w->edges.n = vec_last(w->frames).first;
	w->stack.n--;
	w->frames.n--;
}

/* Depth-first from s, reporting the first loop met; a loop ends the walk
 * (as in the kernel, every symbol on the path is then done). */
static void walk_sym(struct dep_walk *w, const struct symbol *s)
{
	s = walk_node(w, s);
	if (!s || w->state[s->id])
		return;
	walk_push(w, s);
	while (w->frames.n) {
		struct dep_frame *f = &vec_last(w->frames);
		const struct dep_edge *e;
		const struct symbol *next;

		if (f->next == f->end) {
			walk_pop(w);
			continue;
		}
		e = &w->edges.v[f->next++];
		vec_last(w->stack).how = e->how;
		vec_last(w->stack).at = e->at;
		next = walk_node(w, e->sym);
		if (!next || w->state[next->id] == 2)
			continue;
		if (w->state[next->id] == 1) {
			report_cycle(w, next);
			while (w->frames.n)
				walk_pop(w);
			return;
		}
		walk_push(w, next);
	}
}

/* 6.11+ parser.y choice_check_sanity(). */
static unsigned check_choice_members(struct kctree *t)
{
	unsigned errors = 0;
	struct menu *c;

	menu_for_each(t, c) {
		if (c->kind != M_CHOICE)
			continue;
		for (struct menu *m = c->list; m; m = menu_next(m, c)) {
			if (!m->sym || m->sym->choice != c)
				continue;
			for (const struct property *p = m->sym->props; p; p = p->sym_next) {
				if (p->type == P_DEFAULT && p->menu == m) {
					diag_error(p->loc, "defaults for choice values not supported");
					errors++;
				}
				if (p->type != P_PROMPT || p->menu == m)
					continue;
				if (dialect_has(t, DR_CHOICE_ONE_ENTRY)) {
					/* 7.1: any other entry, even in the same group */
					diag_error(p->loc, "choice value must not have a prompt in another entry");
					errors++;
				} else if (p->menu->parent != m->parent) {
					diag_error(p->loc, "choice value has a prompt outside its choice group");
					errors++;
				}
			}
		}
	}
	return errors;
}

/* 6.18+ parser.y transitional_check_sanity(): only help may accompany
 * `transitional`.  An entry with any dependency (its own `depends on` or an
 * enclosing if/menu's, folded by menu_finalize()) is an error at the entry,
 * each property one at its line.  The kernel stops at the first error of an
 * entry; every one is reported here. */
static unsigned check_transitional(struct kctree *t)
{
	static const char msg[] = "transitional symbols can only have help sections";
	unsigned errors = 0;
	struct menu *m;

	menu_for_each(t, m) {
		if (!m->sym || !(m->sym->flags & SYM_TRANSITIONAL))
			continue;
		if (m->dep) {
			diag_error(m->loc, "%s", msg);
			errors++;
		}
		for (const struct property *p = m->props; p; p = p->menu_next) {
			diag_error(p->loc, "%s", msg);
			errors++;
		}
	}
	return errors;
}

unsigned sym_check_tree(struct kctree *t, bool keep_cycles)
{
	struct dep_walk w = { .t = t, .keep = keep_cycles };
	unsigned errors = 0;

	if (dialect_has(t, DR_TRANSITIONAL))
		errors += check_transitional(t);

	if (dialect_has(t, DR_CHOICE_STRICT))
		errors += check_choice_members(t);
	w.state = xcalloc(t->syms.n, 1);
	for (size_t i = 0; i < t->syms.n; i++)
		walk_sym(&w, t->syms.v[i]);	/* on to the next loop, if any */
	free(w.state);
	vec_release(w.stack);
	vec_release(w.frames);
	vec_release(w.edges);
	return errors + w.errors;
}

static bool sym_shell(const struct symbol *s)
{
	return s && (s->flags & SYM_SHELL);
}

bool sym_reads_shell(const struct symbol *s)
{
	for (const struct property *p = s->props; p; p = p->sym_next)
		if (expr_reads_shell(p->expr) || expr_reads_shell(p->visible) ||
		    sym_shell(p->lo) || sym_shell(p->hi))
			return true;
	for (const struct property *p = s->selected_by; p; p = p->rev_next)
		if (expr_reads_shell(p->visible))
			return true;
	return expr_reads_shell(s->dir_dep);
}
