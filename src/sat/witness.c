#include "sat/witness.h"

#include <string.h>

#include "kconfig/kconfig.h"
#include "sat/model.h"
#include "util/xalloc.h"

void config_from_solution(struct config *c, struct model *m, struct sat *s)
{
	struct kctree *t = model_tree(m);
	const struct symbol *sym;
	size_t i;

	memset(c, 0, sizeof(*c));
	tree_for_each_sym(t, sym, i) {
		struct config_entry e = { 0 };
		const char *v;

		if (!sym->name || !model_has_value(m, sym))
			continue;
		if (sym_is_bool_like(sym)) {
			char tv[2] = { model_tri_value(m, s, sym), 0 };

			e.value = xstrdup(tv);
		} else if ((v = model_str_value(m, s, sym))) {
			e.value = xstrdup(v);
			e.is_string = sym->type == S_STRING;
		} else {
			continue;
		}
		e.name = xstrdup(sym->name);
		e.unwritten = sym->flags & SYM_TRANSITIONAL;
		vec_push(c->v, e);
	}
	config_index(c);
}

void config_write(FILE *f, struct model *m, struct sat *s, const char *header)
{
	struct config c;

	config_from_solution(&c, m, s);
	config_write_file(f, &c, header);
	config_release(&c);
}
