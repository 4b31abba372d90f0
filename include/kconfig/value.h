/* Kconfig's string semantics, exactly as scripts/kconfig/expr.c and
 * symbol.c compute them on concrete values: comparisons between symbol
 * values (numeric when both sides parse as numbers of their type, strcmp
 * otherwise) and clamping into a `range`. */
#ifndef KCSAT_VALUE_H
#define KCSAT_VALUE_H

#include <stdbool.h>

#include "kconfig/kconfig.h"

/* The tristate result (0 = n, 2 = y) of `s1 OP s2` where t1/t2 are the
 * symbols' declared types (S_UNKNOWN for constants). */
int value_compare(enum expr_type op, const char *s1, enum sym_type t1,
		  const char *s2, enum sym_type t2);
/* sym_validate_range(): the value v of a symbol of type `type` (int or
 * hex) clamped into [lo, hi]; returns v, lo or hi (not a copy). */
const char *value_clamp(const char *v, enum sym_type type,
			const char *lo, enum sym_type lo_type,
			const char *hi, enum sym_type hi_type);
/* symbol.c sym_string_valid(): may a user (a .config) give this value?
 * conf ignores an invalid one and computes the symbol instead. */
bool value_valid(enum sym_type type, const char *v);
/* The value an int/hex/string symbol takes with no active default. */
const char *value_empty(enum sym_type type, int kversion);

#endif
