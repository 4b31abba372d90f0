#include "kconfig/confsim.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "kconfig/confdata.h"
#include "kconfig/dialect.h"
#include "kconfig/eval.h"
#include "kconfig/kconfig.h"
#include "kconfig/value.h"
#include "util/xalloc.h"

struct confsim {
	struct kctree *t;
	struct eval *ev;	/* computed from user[] */
	const char **user;	/* by symbol id: user value or NULL */
	unsigned *rank;		/* choice priority (eval_source.rank), 0: none */
	const char **pin;	/* by symbol id: pinned value or NULL */
	uint32_t *read;		/* == gen: user value consulted since the last change */
	uint32_t gen;
};

/* The evaluator asks for a user value only where sym_calc_value() reads
 * one: that is what "read" means. */
static const char *user_of(void *ctx, const struct symbol *s)
{
	struct confsim *cs = ctx;

	cs->read[s->id] = cs->gen;
	return cs->user[s->id];
}

static unsigned rank_of(void *ctx, const struct symbol *s)
{
	const struct confsim *cs = ctx;

	return cs->rank[s->id];
}

static const char *pin_of(void *ctx, const struct symbol *s)
{
	const struct confsim *cs = ctx;

	return cs->pin[s->id];
}

struct confsim *confsim_new(struct kctree *t)
{
	struct confsim *cs;
	size_t n = t->syms.n ? t->syms.n : 1;

	cs = xcalloc(1, sizeof(*cs));
	cs->t = t;
	cs->user = xcalloc(n, sizeof(*cs->user));
	cs->rank = xcalloc(n, sizeof(*cs->rank));
	cs->read = xcalloc(n, sizeof(*cs->read));
	cs->pin = xcalloc(n, sizeof(*cs->pin));
	cs->gen = 1;
	cs->ev = eval_new_computed(t, &(struct eval_source){ .user = user_of, .rank = rank_of,
							     .pin = pin_of, .ctx = cs });
	return cs;
}

void confsim_free(struct confsim *cs)
{
	if (!cs)
		return;
	eval_free(cs->ev);
	free(cs->user);
	free(cs->rank);
	free(cs->read);
	free(cs->pin);
	free(cs);
}

void confsim_user(struct confsim *cs, const struct symbol *s, const char *v)
{
	cs->user[s->id] = v;
	eval_forget(cs->ev);
	if (++cs->gen == 0) {
		memset(cs->read, 0, cs->t->syms.n * sizeof(*cs->read));
		cs->gen = 1;
	}
}

void confsim_clear(struct confsim *cs)
{
	size_t n = cs->t->syms.n;

	memset(cs->user, 0, n * sizeof(*cs->user));
	memset(cs->rank, 0, n * sizeof(*cs->rank));
	eval_forget(cs->ev);
	if (++cs->gen == 0) {
		memset(cs->read, 0, n * sizeof(*cs->read));
		cs->gen = 1;
	}
}

void confsim_pin(struct confsim *cs, const struct symbol *s, const char *v)
{
	cs->pin[s->id] = v;
	eval_forget(cs->ev);
}

bool confsim_pinned(const struct confsim *cs, const struct symbol *s)
{
	return cs->pin[s->id] != NULL;
}

struct eval *confsim_eval(struct confsim *cs)
{
	return cs->ev;
}

unsigned long long confsim_work(const struct confsim *cs)
{
	return eval_work(cs->ev);
}

bool confsim_read(const struct confsim *cs, const struct symbol *s)
{
	return cs->read[s->id] == cs->gen;
}

enum tristate confsim_tri(struct confsim *cs, const struct symbol *s)
{
	return eval_sym_tri(cs->ev, s);
}

enum tristate confsim_expr(struct confsim *cs, const struct expr *e)
{
	return eval_expr(cs->ev, e);
}

enum tristate confsim_rev_one(struct confsim *cs, const struct property *p)
{
	return eval_rev_one(cs->ev, p);
}

const char *confsim_str(struct confsim *cs, const struct symbol *s)
{
	return eval_sym_str(cs->ev, s);
}

bool confsim_written(struct confsim *cs, const struct symbol *s)
{
	return eval_written(cs->ev, s);
}

/* confdata.c conf_set_sym_val(): the user value conf takes from e (for a
 * bool or tristate, spelled as y, m or n), NULL if none. */
static const char *accepted(const struct symbol *s, const struct config_entry *e)
{
	if (e->is_string && s->type != S_STRING)
		return NULL;	/* '"y"' is no y */
	switch (s->type) {
	case S_TRISTATE:
		if (e->value[0] == 'm')
			return "m";
		/* fall through */
	case S_BOOLEAN:
		return e->value[0] == 'y' ? "y" : e->value[0] == 'n' ? "n" : NULL;
	case S_STRING:
		return e->is_string ? e->value : NULL;
	case S_INT:
	case S_HEX:
		return value_valid(s->type, e->value) ? e->value : NULL;
	default:
		return NULL;
	}
}

bool confsim_valid(const struct symbol *s, const struct config_entry *e)
{
	return accepted(s, e) != NULL;
}

size_t confsim_warnings(const struct kctree *t, const struct config *c)
{
	uint8_t *set = xcalloc(t->syms.n ? t->syms.n : 1, 1);
	/* up to 6.10: the value each choice has from the lines so far */
	uint8_t *chosen = xcalloc(t->syms.n ? t->syms.n : 1, 1);
	bool old_choices = !dialect_has(t, DR_CHOICE_VALUES);
	size_t unknown = 0;

	for (size_t i = 0; i < c->v.n; i++) {
		const struct config_entry *e = &c->v.v[i];
		const struct symbol *s = sym_find(t, e->name);

		if (!s || (s->flags & SYM_CONST) || !(s->flags & SYM_DEFINED)) {
			unknown++;
			continue;
		}
		if (set[s->id])
			diag_warning(e->loc, "override: reassigning to symbol %s", s->name);
		if (accepted(s, e))
			set[s->id] = 1;
		else if (s->type != S_STRING)	/* an unquoted string: dropped silently */
			diag_warning(e->loc, "symbol value '%s%s%s' invalid for %s",
				     e->is_string ? "\"" : "", e->value, e->is_string ? "\"" : "",
				     s->name);
		if (old_choices && s->choice && s->choice->sym && accepted(s, e)) {
			enum tristate v = tri_value(accepted(s, e));
			uint8_t *cv = &chosen[s->choice->sym->id];

			if (v == mod && *cv == yes)
				diag_warning(e->loc, "%s creates inconsistent choice state", s->name);
			else if (v == yes && *cv != no)
				diag_warning(e->loc, "override: %s changes choice state", s->name);
			*cv = (uint8_t)tri_or((enum tristate)*cv, v);
		}
	}
	free(set);
	free(chosen);
	return unknown;
}

void confsim_load(struct confsim *cs, const struct config *c)
{
	for (size_t i = 0; i < c->v.n; i++) {
		const struct config_entry *e = &c->v.v[i];
		const struct symbol *s = sym_find(cs->t, e->name);
		const char *v;

		if (!s || (s->flags & SYM_CONST) || !(s->flags & SYM_DEFINED) || !(v = accepted(s, e)))
			continue;
		confsim_user(cs, s, v);
		if (s->choice)
			cs->rank[s->id] = (unsigned)i + 1;
	}
}

void confsim_pin_shell(struct confsim *cs, const struct config *c)
{
	const struct symbol *s;
	size_t i;

	tree_for_each_sym(cs->t, s, i) {
		const struct config_entry *e;
		const char *v;

		if (s->name && (s->flags & SYM_DEFINED) && !(s->flags & SYM_CONST) &&
		    sym_reads_shell(s) && (e = config_find(c, s->name)) && (v = accepted(s, e)))
			confsim_pin(cs, s, v);
	}
}

void confsim_result(struct confsim *cs, struct config *out)
{
	uint8_t *done = xcalloc(cs->t->syms.n ? cs->t->syms.n : 1, 1);
	const struct menu *m;

	eval_all(cs->ev);
	for (m = cs->t->root.list; m; m = menu_next_const(m, &cs->t->root)) {
		const struct symbol *s = m->sym;
		struct config_entry e = { 0 };

		if (!s || sym_is_choice(s) || done[s->id] || !confsim_written(cs, s))
			continue;
		done[s->id] = 1;
		e.name = xstrdup(s->name);
		e.value = xstrdup(confsim_str(cs, s));
		e.is_string = s->type == S_STRING;
		e.loc = m->loc;
		vec_push(out->v, e);
	}
	free(done);
	config_index(out);
}

/* Does conf write v for s where the file says e (textually: "yes" read as
 * y is written "y")? */
static bool same_text(const struct config_entry *e, const char *v)
{
	return !strcmp(e->value, v);
}

void confsim_changes(struct confsim *cs, const struct config *c, bool full, conf_changevec *out)
{
	uint8_t *done = xcalloc(cs->t->syms.n ? cs->t->syms.n : 1, 1);
	const struct menu *m;

	eval_all(cs->ev);
	for (m = cs->t->root.list; m; m = menu_next_const(m, &cs->t->root)) {
		const struct symbol *s = m->sym;
		struct conf_change ch = { 0 };

		if (!s || !s->name || sym_is_choice(s) || done[s->id] || (s->flags & SYM_CONST))
			continue;
		done[s->id] = 1;
		if (cs->pin[s->id] || (s->flags & SYM_TRANSITIONAL) || sym_reads_shell(s))
			continue;	/* conf reads a transitional one and never writes
					 * it; an unexecuted $(shell,...) is unknown */
		ch.sym = s;
		ch.entry = config_find(c, s->name);
		ch.new = confsim_str(cs, s);
		ch.written = confsim_written(cs, s);
		if (ch.entry) {
			ch.invalid = !accepted(s, ch.entry);
			if (!ch.invalid && same_text(ch.entry, ch.new))
				continue;
			ch.old = ch.entry->value;
		} else {
			/* not in the file: a change only if conf writes a value
			 * (a bool or tristate at n is what absence says) */
			if (!full || !confsim_written(cs, s) ||
			    (sym_is_bool_like(s) && !strcmp(ch.new, "n")))
				continue;
		}
		vec_push(*out, ch);
	}
	free(done);
}
