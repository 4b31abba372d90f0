/* What the expressions of a tree imply on their own, before any SAT solve.
 *
 * Most selects of a real tree sit inside the very dependencies of their
 * target (`config X86_32 ... depends on !64BIT ... select
 * ARCH_32BIT_OFF_T`, itself `depends on !64BIT`), so asking the solver
 * whether each one can be unmet is wasted work.  This module answers
 * "never" where the structure alone shows it: tristate && is min and || is
 * max, a symbol that nobody selects never exceeds its own dependencies, and
 * a select lifts its target at least to the select's condition.  The same
 * reasoning shows most redundant `depends on` terms.  It only ever proves;
 * "false" means "ask the solver", never "unmet" or "needed". */
#ifndef KCSAT_IMPLIED_H
#define KCSAT_IMPLIED_H

#include <stdbool.h>

struct dep_item;
struct expr;
struct kctree;
struct menu;
struct property;
struct implied;

struct implied *implied_new(struct kctree *t);
void implied_free(struct implied *I);

/* The select p can never raise its target above the target's direct
 * dependencies (conf's "unmet direct dependencies detected" cannot come
 * from it), in any configuration.  May add expression nodes to the tree. */
bool implied_select_met(struct implied *I, const struct property *p);

/* The conjunct conj of m's dependency line d (rest: d's other conjuncts)
 * is >= the rest of m's dependencies in every configuration: dropping it
 * changes nothing (lint's redundant-dependency). */
bool implied_dep_redundant(struct implied *I, const struct menu *m, const struct dep_item *d,
			   struct expr *rest, struct expr *conj);

#endif
