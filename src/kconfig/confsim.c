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

struct confsim *confsim_new(struct kctree *t)
{
	struct confsim *cs;
	size_t n = t->syms.n ? t->syms.n : 1;

	if (!dialect_has(t, DR_CHOICE_VALUES))
		return NULL;
	cs = xcalloc(1, sizeof(*cs));
	cs->t = t;
	cs->user = xcalloc(n, sizeof(*cs->user));
	cs->rank = xcalloc(n, sizeof(*cs->rank));
	cs->read = xcalloc(n, sizeof(*cs->read));
	cs->gen = 1;
	cs->ev = eval_new_computed(t, &(struct eval_source){ .user = user_of, .rank = rank_of,
							     .ctx = cs });
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
