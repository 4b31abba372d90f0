/* An unmet select's minimal fragment: the few settings with which
 * `make KCONFIG_ALLCONFIG=FRAG allnoconfig` shows the kernel's warning, cut
 * down from the finding's witness on the olddefconfig simulation
 * (kconfig/confsim.h).  allnoconfig reads the fragment as user values and
 * gives every other bool or tristate symbol with a prompt, choice members
 * and choices aside, the user value n (conf.c, conf_set_all_new_symbols). */
#include "lint-int.h"

#include <stdlib.h>
#include <string.h>

#include "kconfig/confdata.h"
#include "kconfig/confsim.h"
#include "kconfig/dialect.h"
#include "kconfig/kconfig.h"
#include "util/xalloc.h"

static bool has_prompt(const struct symbol *s)
{
	for (const struct menu *m = s->menus; m; m = m->sym_next)
		if (m->prompt)
			return true;
	return false;
}

/* Does allnoconfig with the fragment (the entries of frag whose keep is
 * set) raise p's target above its direct dependencies through p?  With
 * read, marks the fragment entries the evaluation consulted. */
static bool holds(struct kctree *t, const struct property *p, const struct config *c,
		  const unsigned char *keep, unsigned char *read)
{
	struct confsim *cs;
	struct config frag = { 0 };
	const struct symbol *s;
	size_t i;
	bool ok;

	/* the 6.11+ dialects only: the fragments are checked against
	 * allnoconfig of 6.12 (tests/integration/lint-unmet.sh), not of 6.1 */
	if (!dialect_has(t, DR_CHOICE_VALUES))
		return false;
	cs = confsim_new(t);
	for (i = 0; i < c->v.n; i++)
		if (keep[i])
			vec_push(frag.v, c->v.v[i]);
	config_index(&frag);
	confsim_load(cs, &frag);
	tree_for_each_sym(t, s, i)
		if (s->name && (s->flags & SYM_DEFINED) && !(s->flags & SYM_CONST) &&
		    sym_is_bool_like(s) && !sym_is_choice(s) && !s->choice && has_prompt(s) &&
		    !config_find(&frag, s->name))
			confsim_user(cs, s, "n");
	ok = confsim_rev_one(cs, p) > confsim_expr(cs, p->target->dir_dep);
	for (i = 0; read && i < c->v.n; i++)
		read[i] = keep[i] && confsim_read(cs, sym_find(t, c->v.v[i].name));
	vec_release(frag.v);
	strindex_release(&frag.index);
	confsim_free(cs);
	return ok;
}

bool lint_unmet_fragment(struct kctree *t, const struct config *c, const struct property *p,
			 struct strbuf *out)
{
	unsigned char *keep = xcalloc(c->v.n + 1, 1), *read = xcalloc(c->v.n + 1, 1);
	bool ok;

	/* the witness's settings that allnoconfig would not make itself */
	for (size_t i = 0; i < c->v.n; i++) {
		const struct config_entry *e = &c->v.v[i];
		const struct symbol *s = sym_find(t, e->name);

		keep[i] = s && !e->unwritten && has_prompt(s) &&
			  (!sym_is_bool_like(s) || strcmp(e->value, "n"));
	}
	ok = holds(t, p, c, keep, read);
	if (ok) {
		/* what the evaluation did not read does not matter */
		memcpy(keep, read, c->v.n);
		ok = holds(t, p, c, keep, NULL);
	}
	for (size_t i = 0; ok && i < c->v.n; i++) {
		if (!keep[i])
			continue;
		keep[i] = 0;
		if (!holds(t, p, c, keep, NULL))
			keep[i] = 1;
	}
	for (size_t i = 0; ok && i < c->v.n; i++)
		if (keep[i]) {
			const struct config_entry *e = &c->v.v[i];

			sb_addf(out, "CONFIG_%s=%s%s%s\n", e->name, e->is_string ? "\"" : "", e->value,
				e->is_string ? "\"" : "");
		}
	free(keep);
	free(read);
	return ok;
}
