/* Concrete evaluation of sym_calc_value() on the values of one .config:
 * for each symbol, does its value agree with what the kernel's conf would
 * compute from the others?  This explains a failed `kcsat verify` in
 * Kconfig's own words, with the file:line of each line involved. */
#ifndef KCSAT_EVAL_H
#define KCSAT_EVAL_H

#include <stdbool.h>

struct kctree;
struct config;
struct symbol;
struct strbuf;
struct eval;

struct eval *eval_new(struct kctree *t, const struct config *c);
void eval_free(struct eval *ev);

/* Value of a symbol in the config: 0/1/2 for n/m/y, or its string. */
int eval_sym_tri(struct eval *ev, const struct symbol *s);
const char *eval_sym_str(struct eval *ev, const struct symbol *s);

/* false if s's value is not one conf could give it; why gets the reasons,
 * one line each, starting with a tab. */
bool eval_check(struct eval *ev, const struct symbol *s, struct strbuf *why);

struct expr;
struct property;
/* Pieces of sym_calc_value() on the config's values, for explanations:
 * a condition (m rewritten), an expression, a symbol's prompt visibility
 * (rounded as the kernel does), its first active default (NULL: none). */
int eval_cond(struct eval *ev, struct expr *e);
int eval_expr_value(struct eval *ev, const struct expr *e);
int eval_visibility(struct eval *ev, const struct symbol *s);
const struct property *eval_active_default(struct eval *ev, const struct symbol *s);

#endif
