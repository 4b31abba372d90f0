/* The semantic model: one CNF per tree (architecture) whose solutions are
 * the configurations the kernel's conf can produce, following
 * scripts/kconfig/symbol.c sym_calc_value() of the tree's kernel version.
 *
 * Values: a bool/tristate symbol is a pair of threshold literals (value >= m,
 * value >= y), so && is min, || is max and ! swaps and negates; a bool's two
 * literals are one variable.  int/hex/string symbols (and unexecuted
 * $(shell,...) results) range over a finite domain: the constants they are
 * compared with, defaulted to or bounded by, plus one representative of
 * every gap between them ("any other value").  See kcsat(1), MODEL.
 *
 * Each Kconfig line that constrains values (depends on, if, visible if,
 * prompt, default, select, imply, range) is guarded by a selector literal
 * (cnf.h), so a solver that assumes selectors can name the lines behind an
 * UNSAT answer. */
#ifndef KCSAT_MODEL_H
#define KCSAT_MODEL_H

#include <stdbool.h>
#include <stddef.h>

#include "kconfig/kconfig.h"

struct kctree;
struct symbol;
struct expr;
struct cnf;
struct sat;

struct model;

struct model_stats {
	int vars;
	size_t clauses, selectors;
	double encode_ms;
};

/* Encode t (which must outlive the model).  Without selectors every line
 * is simply there, which folds away their guards: the fast model for
 * satisfiability and witnesses; with them, the model for explanations.
 * lazy: encode only the cone of influence of what is asked (every literal
 * requested through this API pulls in the constraints it depends on);
 * otherwise everything at once. */
struct model *model_build(struct kctree *t, bool selectors, bool lazy);
/* Name each value variable in the CNF ("FOO=y", "FOO>=m", "BAR=\"4\""). */
void model_name_vars(struct model *m);
/* Encode every symbol: needed before reading a whole solution (witness). */
void model_encode_all(struct model *m);
/* Is s encoded so far (in the cone of what was asked, for a lazy model)? */
bool model_encoded(const struct model *m, const struct symbol *s);
void model_free(struct model *m);
struct cnf *model_cnf(struct model *m);
struct kctree *model_tree(struct model *m);
void model_get_stats(const struct model *m, struct model_stats *st);

/* Literal for "s has value v" where v is 'n', 'm' or 'y' (bool/tristate),
 * CNF_FALSE if s can never hold it. */
int model_sym_is(struct model *m, const struct symbol *s, char v);
/* Literal for "e's tristate value >= y" (need_y) or ">= m", encoding e on
 * first use; clauses go to model_cnf() and reach solvers by sat_sync(). */
int model_expr_lit(struct model *m, const struct expr *e, bool need_y);

/* The $(shell,...) results (SYM_SHELL) read as a tristate in m so far, the
 * free inputs of a toolchain (model_sym_is() gives their values). */
void model_shell_tris(const struct model *m, symvec *out);
/* Is s (SYM_SHELL) an equality test on a command's one output, `$(success,
 * test "$(X)" = W)`?  Those of one X exclude each other in every model
 * (the compiler is gcc or clang, not both). */
bool model_shell_is_eq(const struct symbol *s);
/* For such a test on the name a toolchain script prints (`"$(ld-name)" =
 * LLD`), the one other name it can print ("BFD"); else NULL. */
const char *model_shell_other_name(struct model *m, const struct symbol *s);
/* Does the model give s a value of its own (defined bool/tristate/int/hex/
 * string symbol that is not a 6.11+ choice)? */
bool model_has_value(const struct model *m, const struct symbol *s);
/* Values in a solution: 'n'/'m'/'y' for bool/tristate ... */
char model_tri_value(struct model *M, struct sat *S, const struct symbol *s);
/* ... the string value of an int/hex/string symbol (valid while M lives). */
const char *model_str_value(struct model *M, struct sat *S, const struct symbol *s);
/* Literal for "int/hex/string symbol sym has exactly value v"; CNF_FALSE if
 * v is not one its domain can tell apart (see model_domain_other). */
int model_str_is(struct model *m, const struct symbol *sym, const char *v);

/* The value domain of int/hex/string s (NULL, 0: none): its constants,
 * vals[0..*nconst), then one representative per gap between them ("any
 * other value": every value in a gap is alike to every line of the tree).
 * Valid while m lives. */
const char *const *model_domain(const struct model *m, const struct symbol *s, size_t *n,
				size_t *nconst);

/* ---- what lint asks (each literal: the tristate value >= m) ---- */
struct menu;
struct dep_item;
struct property;
/* Entry m's dependencies with its `depends on` line d read as instead
 * (NULL: y): the rest of what the entry requires, to ask whether d adds
 * anything to it. */
int model_dep_without(struct model *M, const struct menu *m, const struct dep_item *d,
		      struct expr *instead, bool need_y);
/* The line p is in effect: a prompt is visible, a default is the one
 * sym_get_default_prop() picks, a select or imply is active (its symbol
 * and condition not n).  Needs a model without selectors. */
int model_prop_lit(struct model *m, const struct property *p);
/* The select p raises its target above the target's direct dependencies:
 * conf's "unmet direct dependencies detected" (dir_dep.tri < the select's
 * share of rev_dep.tri, both rounded as sym_calc_visibility() does). */
int model_unmet_lit(struct model *m, const struct property *p);
/* The target's direct dependencies (dir_dep), rounded like conf does. */
int model_dir_lit(struct model *m, const struct symbol *s, bool need_y);

#endif
