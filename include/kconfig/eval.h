/* Kconfig's concrete semantics, once: what scripts/kconfig/symbol.c
 * computes on concrete values (expr_calc_value, sym_calc_visibility,
 * sym_calc_value with its defaults, selects, implies and rounding of m,
 * sym_calc_choice of the tree's dialect, sym_validate_range), over symbol
 * values that
 * come from one of three places:
 *
 *   eval_new_config()    a .config as written: every symbol has the value
 *                        the file gives it (kcsat verify asks whether each
 *                        agrees with what conf computes from the others);
 *   eval_new_computed()  values computed from user values, as conf
 *                        computes them (the olddefconfig simulation,
 *                        confsim.h): each symbol on demand, once, in the
 *                        order sym_calc_value() recursion would take, but on
 *                        an explicit stack, so a dependency chain of any
 *                        length costs heap, not C stack;
 *   eval_new_source()    a callback.
 *
 * The evaluator reads the tree (and may add m-rewritten expressions to it,
 * eval_cond()); it owns nothing else.  Strings it returns live as long as
 * the tree, the config or the source they come from. */
#ifndef KCSAT_EVAL_H
#define KCSAT_EVAL_H

#include <stdbool.h>

#include "kconfig/kconfig.h"

struct config;
struct eval;

/* Where values come from.  For eval_new_source(), tri and str give the
 * value of a defined, named, non-constant symbol (tri for bool and
 * tristate ones, str for the others); for eval_new_computed() they are
 * unused.  user (may be NULL) gives a symbol's user value ("y", "123",
 * ...; NULL: none), read by eval_calc_tri()/eval_calc_str() only where
 * sym_calc_value() reads it: a user value consulted is one that matters. */
struct eval_source {
	enum tristate (*tri)(void *ctx, const struct symbol *s);
	const char *(*str)(void *ctx, const struct symbol *s);
	const char *(*user)(void *ctx, const struct symbol *s);
	/* May be NULL.  The priority of a choice member (6.11+ conf_read()
	 * moves each member a .config mentions to the head of its choice, so
	 * the last one in the file comes first): members of rank > 0 come
	 * first, highest rank first, then the others in source order.  Up to
	 * 6.10 the ranks give the order of the members' lines, from which
	 * conf_read() builds the choice's own user value. */
	unsigned (*rank)(void *ctx, const struct symbol *s);
	/* May be NULL.  Computed evaluators: a value s has whatever Kconfig
	 * would compute ("y", "123", ...; NULL: none), and conf writes it:
	 * kcsat verify holds the symbols that read an unexecuted $(shell,...)
	 * at the value the .config gives them. */
	const char *(*pin)(void *ctx, const struct symbol *s);
	void *ctx;
};

/* Values as c writes them: a bool or tristate it does not mention is n, an
 * int, hex or string one has the empty value of its type; the user value of
 * a symbol is its entry in c.  c must outlive the evaluator. */
struct eval *eval_new_config(struct kctree *t, const struct config *c);
/* Values computed by sym_calc_value() from the user values users->user
 * gives, by the rules of the tree's dialect (up to 6.10 a choice symbol
 * has a value of its own: see eval.c).  After a user value changes,
 * eval_forget(). */
struct eval *eval_new_computed(struct kctree *t, const struct eval_source *users);
struct eval *eval_new_source(struct kctree *t, const struct eval_source *src);
void eval_free(struct eval *ev);
struct kctree *eval_tree(const struct eval *ev);
/* Computed evaluators: how many symbol computations ran so far (a
 * measure of work, for callers that bound theirs). */
unsigned long long eval_work(const struct eval *ev);
/* Computed evaluators: drop every computed value (O(1)). */
void eval_forget(struct eval *ev);
/* Computed evaluators: compute every symbol, MODULES first, as conf_read()
 * does before conf writes a .config: the configuration olddefconfig
 * writes is then eval_sym_tri()/eval_sym_str() of every symbol eval_written()
 * says conf writes.  Up to 6.7 (range-reset) an int or hex whose user
 * value is out of its range is then computed again without it. */
void eval_all(struct eval *ev);
/* Computed evaluators: does conf write s to .config (SYMBOL_WRITE)? */
bool eval_written(struct eval *ev, const struct symbol *s);

/* A symbol's value: n for anything but a bool or tristate (constants y, m
 * and n included; a choice symbol has its members' highest value). */
enum tristate eval_sym_tri(struct eval *ev, const struct symbol *s);
/* Its value as a string: "n"/"m"/"y" for bool and tristate, the name of a
 * constant or undefined symbol, else the value. */
const char *eval_sym_str(struct eval *ev, const struct symbol *s);

/* expr_calc_value(); NULL is y.  Iterative: any depth. */
enum tristate eval_expr(struct eval *ev, const struct expr *e);
/* An expression as written (a `depends on`, an `if`): m rewritten first. */
enum tristate eval_cond(struct eval *ev, struct expr *e);
/* Is s a bool now (a bool, or a tristate while MODULES is not y)? */
bool eval_bool_now(struct eval *ev, const struct symbol *s);
/* v, with m raised to y if s is a bool now. */
enum tristate eval_round(struct eval *ev, const struct symbol *s, enum tristate v);
/* sym_calc_visibility(): the highest visibility of s's prompts, m raised
 * to y unless s is a tristate and MODULES is y. */
enum tristate eval_visibility(struct eval *ev, const struct symbol *s);
/* One select or imply p: its symbol's value && its condition. */
enum tristate eval_rev_one(struct eval *ev, const struct property *p);
/* The strongest of a selected_by or implied_by list (not rounded). */
enum tristate eval_rev(struct eval *ev, const struct property *list);
/* The first default (range) of s whose condition holds; NULL: none. */
const struct property *eval_active_default(struct eval *ev, const struct symbol *s);
const struct property *eval_active_range(struct eval *ev, const struct symbol *s);
/* sym_validate_range(): v clamped into range r (v itself when inside). */
const char *eval_clamp(struct eval *ev, const struct symbol *s, const struct property *r,
		       const char *v);
/* sym_calc_value() of s from the others' values and s's own user value:
 * for a bool or tristate, and for an int, hex or string symbol. */
enum tristate eval_calc_tri(struct eval *ev, const struct symbol *s);
const char *eval_calc_str(struct eval *ev, const struct symbol *s);

/* A symbol the evaluator gives a value of its own (defined, named or a
 * choice, not a constant). */
bool eval_has_value(const struct symbol *s);
/* The first symbol with a value of its own that e reads outside a
 * negation and that is set (m or y), left to right through && and ||: who
 * a default `X` or `X && Y` (or its `if`) takes its value from; NULL if
 * none. */
const struct symbol *eval_first_set(struct eval *ev, const struct expr *e);

#endif
