/* lint's static facts: what one arch's tree says without a model (see
 * include/check/lint.h): the files it reads and the symbols it defines
 * (the merge's "every arch that reads the line", "defined on no arch"),
 * the `# kcsat:` suppressions, dependency loops, references to symbols it
 * does not define, and selects of (or by) symbols that are not bool or
 * tristate. */
#include "lint-int.h"

#include <stdlib.h>
#include <string.h>

#include "kconfig/kconfig.h"
#include "kconfig/value.h"

static bool numeric(const char *s)
{
	if (*s == '-')
		s++;
	return *s >= '0' && *s <= '9';
}

static void names_fact(struct strbuf *out, enum lint_fact kind, struct strbuf *names)
{
	struct record_writer w;

	rec_begin(&w, out, &lint_facts[kind]);
	rec_str(&w, "names", sb_str(names));
	rec_end(&w);
}

void lint_static_names(const struct kctree *t, struct strbuf *out)
{
	struct strbuf sb = STRBUF_INIT;
	const struct symbol *s;
	size_t i;

	for (i = 0; i < t->files.n; i++)
		sb_addf(&sb, "%s%s", i ? "\n" : "", t->files.v[i]);
	names_fact(out, LF_FILES, &sb);
	sb_reset(&sb);
	tree_for_each_sym(t, s, i)
		if ((s->flags & SYM_DEFINED) && !(s->flags & SYM_CONST) && s->name)
			sb_addf(&sb, "%s%s", sb.len ? "\n" : "", s->name);
	names_fact(out, LF_DEFS, &sb);
	sb_reset(&sb);
	tree_for_each_sym(t, s, i)
		if ((s->flags & SYM_DEFINED) && !(s->flags & SYM_CONST) && s->name &&
		    s->type == S_TRISTATE)
			sb_addf(&sb, "%s%s", sb.len ? "\n" : "", s->name);
	names_fact(out, LF_TRIS, &sb);
	sb_reset(&sb);
	tree_for_each_sym(t, s, i)
		if ((s->flags & SYM_DEFINED) && (s->flags & SYM_TRANSITIONAL) && s->name)
			sb_addf(&sb, "%s%s", sb.len ? "\n" : "", s->name);
	names_fact(out, LF_TRANS, &sb);
	sb_release(&sb);
}

struct entry_line {
	uint32_t file, line;
	struct loc entry;
};

static int entry_cmp(const void *a, const void *b)
{
	const struct entry_line *x = a, *y = b;

	if (x->file != y->file)
		return x->file < y->file ? -1 : 1;
	return x->line < y->line ? -1 : x->line > y->line;
}

static bool is_entry(const struct menu *m)
{
	return m->kind == M_CONFIG || m->kind == M_MENUCONFIG || m->kind == M_CHOICE ||
	       m->kind == M_MENU || m->kind == M_COMMENT || m->kind == M_IF;
}

/* A `# kcsat: disable=...` comment belongs to the entry that starts on
 * the next line, else to the entry it sits in. */
static void pragma_facts(struct kctree *t, struct strbuf *out)
{
	VEC(struct entry_line) ents = { 0 };
	struct menu *m;

	if (!t->pragmas.n)
		return;
	menu_for_each(t, m)
		if (is_entry(m))
			vec_push(ents, ((struct entry_line){ m->loc.file, m->loc.line, m->loc }));
	if (ents.n)	/* qsort's base must not be NULL, even for 0 items */
		qsort(ents.v, ents.n, sizeof(*ents.v), entry_cmp);
	for (size_t i = 0; i < t->pragmas.n; i++) {
		struct loc at = t->pragmas.v[i].at;
		const struct entry_line *best = NULL;
		struct record_writer w;

		for (size_t k = 0; k < ents.n; k++) {
			if (ents.v[k].file != at.file)
				continue;
			if (ents.v[k].line == at.line + 1) {
				best = &ents.v[k];
				break;
			}
			if (ents.v[k].line <= at.line)
				best = &ents.v[k];
		}
		if (!best)
			continue;
		rec_begin(&w, out, &lint_facts[LF_PRAGMA]);
		lint_put_loc(&w, "efile", "eline", best->entry);
		rec_str(&w, "text", t->pragmas.v[i].text);
		rec_end(&w);
	}
	vec_release(ents);
}

static void cycle_facts(struct kctree *t, struct strbuf *out)
{
	for (size_t i = 0; i < t->cycles.n; i++) {
		struct record_writer w;

		rec_begin(&w, out, &lint_facts[LF_CYCLE]);
		lint_put_loc(&w, "file", "line", t->cycles.v[i].at);
		rec_str(&w, "text", t->cycles.v[i].text);
		rec_end(&w);
	}
}

static void undef_sym(const struct symbol *s, struct loc at, struct loc entry, struct strbuf *out)
{
	struct record_writer w;

	if (!s || !s->name || (s->flags & (SYM_CONST | SYM_SHELL | SYM_DEFINED)) || numeric(s->name))
		return;
	rec_begin(&w, out, &lint_facts[LF_UNDEF]);
	rec_str(&w, "sym", s->name);
	lint_put_loc(&w, "file", "line", at);
	lint_put_loc(&w, "efile", "eline", entry);
	rec_end(&w);
}

static void undef_expr(const struct expr *e, struct loc at, struct loc entry, struct strbuf *out)
{
	if (!e)
		return;
	switch (e->type) {
	case E_NOT:
		undef_expr(e->left, at, entry, out);
		return;
	case E_AND:
	case E_OR:
		undef_expr(e->left, at, entry, out);
		undef_expr(e->right, at, entry, out);
		return;
	default:
		undef_sym(e->sym, at, entry, out);
		if (e->type != E_SYMBOL)
			undef_sym(e->rsym, at, entry, out);
	}
}

static void undef_facts(const struct menu *m, struct strbuf *out)
{
	for (const struct dep_item *d = m->deps; d; d = d->next)
		undef_expr(d->expr, d->loc, m->loc, out);
	for (const struct dep_item *d = m->visibility; d; d = d->next)
		undef_expr(d->expr, d->loc, m->loc, out);
	for (const struct property *p = m->props; p; p = p->menu_next) {
		undef_expr(p->cond, p->loc, m->loc, out);
		if (p->type == P_DEFAULT)
			undef_expr(p->expr, p->loc, m->loc, out);
		if (p->type == P_SELECT || p->type == P_IMPLY)
			undef_sym(p->target, p->loc, m->loc, out);
		if (p->type == P_RANGE) {
			undef_sym(p->lo, p->loc, m->loc, out);
			undef_sym(p->hi, p->loc, m->loc, out);
		}
	}
}

static void nonbool_fact(const struct menu *m, const struct property *p, struct strbuf *out)
{
	const char *kw = p->type == P_SELECT ? "select" : "imply";
	struct strbuf why = STRBUF_INIT;
	struct record_writer w;

	if (!sym_is_bool_like(p->target))
		sb_addf(&why, "%s %s: %s is %s; '%s' only accepts bool and tristate symbols", kw,
			p->target->name, p->target->name, sym_type_name(p->target->type), kw);
	else if (!sym_is_bool_like(m->sym))
		sb_addf(&why, "%s %s: %s is %s; only bool and tristate symbols can %s", kw,
			p->target->name, m->sym->name, sym_type_name(m->sym->type), kw);
	if (why.len) {
		rec_begin(&w, out, &lint_facts[LF_NONBOOL]);
		lint_put_loc(&w, "file", "line", p->loc);
		rec_str(&w, "sym", m->sym->name);
		rec_str(&w, "target", p->target->name);
		lint_put_loc(&w, "efile", "eline", m->loc);
		rec_str(&w, "why", sb_str(&why));
		rec_end(&w);
	}
	sb_release(&why);
}

/* ---- transitional-reference ---- */

struct transref {
	const struct kctree *t;
	symvec seen;		/* the transitional symbols of this line so far */
	struct strbuf *out;
};

/* What s reads with no value from a .config: n, or its type's start. */
static const char *unsaved_value(const struct kctree *t, const struct symbol *s)
{
	const char *v;

	if (sym_is_bool_like(s))
		return "n";
	v = value_empty(s->type, t->kversion);
	return *v ? v : "\"\"";
}

static void transref_sym(const struct menu *m, const struct symbol *s, const char *what,
			 struct loc at, struct transref *tr)
{
	char buf[64];
	struct record_writer w;
	symvec *seen = &tr->seen;

	if (!s || !(s->flags & SYM_TRANSITIONAL))
		return;
	for (size_t i = 0; i < seen->n; i++)
		if (seen->v[i] == s)
			return;
	vec_push(*seen, s);
	rec_begin(&w, tr->out, &lint_facts[LF_TRANSREF]);
	lint_put_loc(&w, "file", "line", at);
	rec_str(&w, "sym", m->sym ? sym_display_name(m->sym, buf, sizeof(buf)) : "");
	rec_str(&w, "target", s->name);
	lint_put_loc(&w, "efile", "eline", m->loc);
	rec_str(&w, "what", what);
	rec_str(&w, "value", unsaved_value(tr->t, s));
	rec_end(&w);
}

static void transref_expr(const struct menu *m, const struct expr *e, const char *what,
			  struct loc at, struct transref *tr)
{
	if (!e)
		return;
	switch (e->type) {
	case E_NOT:
		transref_expr(m, e->left, what, at, tr);
		return;
	case E_AND:
	case E_OR:
		transref_expr(m, e->left, what, at, tr);
		transref_expr(m, e->right, what, at, tr);
		return;
	default:
		transref_sym(m, e->sym, what, at, tr);
		if (e->type != E_SYMBOL)
			transref_sym(m, e->rsym, what, at, tr);
	}
}

static const char *dep_kind_word(enum dep_kind k)
{
	return k == DEP_IF ? "`if` reads" : k == DEP_VISIBLE ? "`visible if` reads"
							    : "`depends on` reads";
}

static const char *prop_word(enum prop_type p)
{
	switch (p) {
	case P_PROMPT:
	case P_MENU:
	case P_COMMENT:
		return "the condition of its prompt reads";
	case P_SELECT:
		return "the condition of `select` reads";
	case P_IMPLY:
		return "the condition of `imply` reads";
	case P_RANGE:
		return "`range` reads";
	case P_DEFAULT:
		break;
	}
	return "`default` reads";
}

/* Every line of m but its defaults that reads a transitional symbol:
 * such a symbol is never written to a .config, so once a configuration
 * has been saved it reads n there (the kernel's documentation allows it
 * only in the defaults of the symbols that replace it).  The target of a
 * select or imply is no read: the select sets it again after a save.  One
 * fact per line and transitional symbol. */
static void transref_facts(const struct kctree *t, const struct menu *m, struct strbuf *out)
{
	struct transref tr = { .t = t, .out = out };

	for (const struct dep_item *d = m->deps; d; d = d->next, tr.seen.n = 0)
		transref_expr(m, d->expr, dep_kind_word(d->kind), d->loc, &tr);
	for (const struct dep_item *d = m->visibility; d; d = d->next, tr.seen.n = 0)
		transref_expr(m, d->expr, dep_kind_word(d->kind), d->loc, &tr);
	for (const struct property *p = m->props; p; p = p->menu_next, tr.seen.n = 0) {
		const char *what = prop_word(p->type);

		if (p->type == P_DEFAULT)
			continue;
		if (p->type == P_RANGE) {
			transref_sym(m, p->lo, what, p->loc, &tr);
			transref_sym(m, p->hi, what, p->loc, &tr);
		}
		transref_expr(m, p->cond, what, p->loc, &tr);
	}
	vec_release(tr.seen);
}

/* ---- int-as-condition ---- */

/* Each int, hex or string symbol that e reads as a bool (not compared):
 * the kernel gives such a symbol the tristate n (symbol.c,
 * sym_calc_value()), so the condition is always n.  One fact per line and
 * symbol. */
static void intcond_expr(const struct menu *m, const struct expr *e, const char *what,
			 struct loc at, symvec *seen, struct strbuf *out)
{
	struct record_writer w;
	struct strbuf label = STRBUF_INIT;

	if (!e)
		return;
	switch (e->type) {
	case E_NOT:
		intcond_expr(m, e->left, what, at, seen, out);
		return;
	case E_AND:
	case E_OR:
		intcond_expr(m, e->left, what, at, seen, out);
		intcond_expr(m, e->right, what, at, seen, out);
		return;
	case E_SYMBOL:
		break;
	default:
		return;
	}
	if (!(e->sym->flags & SYM_DEFINED) || (e->sym->flags & SYM_CONST) ||
	    (e->sym->type != S_INT && e->sym->type != S_HEX && e->sym->type != S_STRING))
		return;
	for (size_t i = 0; i < seen->n; i++)
		if (seen->v[i] == e->sym)
			return;
	vec_push(*seen, e->sym);
	lint_entry_label(&label, m);
	rec_begin(&w, out, &lint_facts[LF_INTCOND]);
	lint_put_loc(&w, "file", "line", at);
	rec_str(&w, "label", sb_str(&label));
	rec_str(&w, "target", e->sym->name);
	rec_str(&w, "type", sym_type_name(e->sym->type));
	lint_put_loc(&w, "efile", "eline", m->loc);
	rec_str(&w, "what", what);
	rec_end(&w);
	sb_release(&label);
}

/* Every condition of m: its dependencies, `visible if`, the `if` of each
 * property, and the value of a default of a bool or tristate symbol. */
static void intcond_facts(const struct menu *m, struct strbuf *out)
{
	symvec seen = { 0 };

	for (const struct dep_item *d = m->deps; d; d = d->next, seen.n = 0)
		intcond_expr(m, d->expr, dep_kind_word(d->kind), d->loc, &seen, out);
	for (const struct dep_item *d = m->visibility; d; d = d->next, seen.n = 0)
		intcond_expr(m, d->expr, dep_kind_word(d->kind), d->loc, &seen, out);
	for (const struct property *p = m->props; p; p = p->menu_next, seen.n = 0) {
		intcond_expr(m, p->cond, p->type == P_DEFAULT ? "the condition of `default` reads"
							   : prop_word(p->type), p->loc, &seen, out);
		if (p->type == P_DEFAULT && m->sym && sym_is_bool_like(m->sym))
			intcond_expr(m, p->expr, "the `default` of a bool reads", p->loc, &seen, out);
	}
	vec_release(seen);
}

void lint_static_facts(const struct lint *L, struct kctree *t, struct strbuf *out)
{
	struct menu *m;

	lint_static_names(t, out);
	pragma_facts(t, out);
	if (lint_on(L, LC_RECURSIVE_DEP))
		cycle_facts(t, out);
	menu_for_each(t, m) {
		if (L->o.focus && !lint_in_focus(L, m->sym))
			continue;
		if (lint_on(L, LC_UNDEFINED_SYM))
			undef_facts(m, out);
		if (lint_on(L, LC_TRANSITIONAL_REF))
			transref_facts(t, m, out);
		if (lint_on(L, LC_INT_AS_COND))
			intcond_facts(m, out);
		if (!lint_on(L, LC_SELECT_NONBOOL) || !m->sym)
			continue;
		for (const struct property *p = m->props; p; p = p->menu_next)
			if ((p->type == P_SELECT || p->type == P_IMPLY) &&
			    (p->target->flags & SYM_DEFINED))
				nonbool_fact(m, p, out);
	}
}
