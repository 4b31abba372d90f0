/* What menuconfig's help screen says of a symbol (menu.c get_symbol_str()),
 * computed into a result for kcsat show's text and JSON printers: type,
 * prompts, where it is defined, the menu location, every depends on /
 * visible if / select / imply / default / range line and those that
 * select or imply it, each at its file:line, and the help text; with an
 * evaluator, every symbol an expression reads carries its value ([=y]). */
#ifndef KCSAT_SHOW_H
#define KCSAT_SHOW_H

#include "kconfig/kconfig.h"
#include "util/vec.h"

struct eval;

struct show_item {
	char *text;		/* owned */
	struct loc loc;
};
typedef VEC(struct show_item) show_itemvec;

struct show_info {
	const struct symbol *sym;
	const char *value;	/* NULL: no values (no evaluator) */
	show_itemvec prompts, defined, location, depends, visible, selects, implies, selected_by,
		implied_by, defaults, ranges;
	const char *help;	/* the first entry's help text, NULL: none */
};

/* Fill a zeroed out for s of t; ev (may be NULL) gives the values. */
void show_compute(struct kctree *t, const struct symbol *s, struct eval *ev,
		  struct show_info *out);
void show_release(struct show_info *info);

#endif
