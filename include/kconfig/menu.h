/* Building the menu tree while parsing, and finalizing it the way
 * scripts/kconfig/menu.c does: dependencies of enclosing if/menu/choice
 * entries folded into each entry, `m` rewritten to `m && MODULES` in
 * conditions, reverse dependencies from select and imply. */
#ifndef KCSAT_MENU_H
#define KCSAT_MENU_H

#include "kconfig/kconfig.h"

/* Append a new entry as the last child of parent. */
struct menu *menu_add_entry(struct kctree *t, struct menu *parent,
			    enum menu_kind kind, struct symbol *sym, struct loc at);
void menu_add_dep(struct kctree *t, struct menu *m, enum dep_kind kind,
		  struct expr *e, struct loc at);
/* A property of m (and of m->sym, if any). */
struct property *menu_add_prop(struct kctree *t, struct menu *m,
			       enum prop_type type, struct loc at);
/* After parsing: compute menu->dep, prop->visible, dir/rev deps. */
void menu_finalize(struct kctree *t);

#endif
