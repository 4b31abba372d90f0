/* The kernel's olddefconfig, simulated on concrete values: given the user
 * values of a partial .config, what sym_calc_value() computes for a symbol,
 * evaluating only what that symbol reads.  kcsat why uses it to shrink a
 * witness to the user choices that matter.  Linux 6.11+ rules only
 * (confsim_new() returns NULL for an older tree). */
#ifndef KCSAT_CONFSIM_H
#define KCSAT_CONFSIM_H

#include <stdbool.h>

struct kctree;
struct symbol;
struct confsim;

struct confsim *confsim_new(struct kctree *t);
void confsim_free(struct confsim *cs);
/* Set (v non-NULL) or clear the user value of s; forgets computed values. */
void confsim_user(struct confsim *cs, const struct symbol *s, const char *v);
/* s's value: 0/1/2 for n/m/y. */
int confsim_tri(struct confsim *cs, const struct symbol *s);
/* Was s's user value read since the last confsim_user()? */
bool confsim_read(const struct confsim *cs, const struct symbol *s);

#endif
