/* Clauses over integer literals (DIMACS style: var > 0, -var its negation),
 * hash-consed AND gates (Tseitin: one variable per distinct gate), and the
 * selector variables that name the Kconfig line behind a group of clauses.
 *
 * Literal 1 is the constant true (cnf_new() adds the unit clause), so
 * CNF_TRUE/CNF_FALSE can be used like any literal and gates fold them. */
#ifndef KCSAT_CNF_H
#define KCSAT_CNF_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "util/diag.h"

#define CNF_TRUE 1
#define CNF_FALSE (-1)

struct cnf;
struct menu;
struct symbol;

/* What a selector stands for: one Kconfig line of one kind. */
enum item_kind {
	ITEM_DEPENDS, ITEM_IF, ITEM_VISIBLE, ITEM_PROMPT, ITEM_DEFAULT,
	ITEM_SELECT, ITEM_IMPLY, ITEM_RANGE, ITEM_CHOICE, ITEM_ASSUME,
};

struct selector {
	int var;
	enum item_kind kind;
	struct loc loc;
	const struct symbol *sym;	/* the entry's symbol, if any */
	const void *item;		/* dep_item or property */
	/* the entry the line belongs to, if known: for a line of no symbol,
	 * the `if` block or the menu that encloses what the chain is about */
	const struct menu *menu;
};

struct cnf *cnf_new(void);
void cnf_free(struct cnf *c);

int cnf_new_var(struct cnf *c);
int cnf_nvars(const struct cnf *c);
size_t cnf_nclauses(const struct cnf *c);

void cnf_clause(struct cnf *c, const int *lits, int n);
void cnf_clause1(struct cnf *c, int a);
void cnf_clause2(struct cnf *c, int a, int b);
void cnf_clause3(struct cnf *c, int a, int b, int d);

/* Gates, folded and cached: AND(a, b) for the same (a, b) is one var. */
int cnf_and(struct cnf *c, int a, int b);
int cnf_or(struct cnf *c, int a, int b);
int cnf_ite(struct cnf *c, int cond, int then, int otherwise);
int cnf_iff(struct cnf *c, int a, int b);

/* A fresh selector for a Kconfig item; true means "the line is there". */
int cnf_selector(struct cnf *c, enum item_kind kind, struct loc at,
		 const struct symbol *sym, const void *item);
/* The same, naming the entry (menu) of the line; sym is menu's symbol. */
int cnf_selector_in(struct cnf *c, enum item_kind kind, struct loc at,
		    const struct symbol *sym, const struct menu *menu, const void *item);
size_t cnf_nselectors(const struct cnf *c);
const struct selector *cnf_selector_at(const struct cnf *c, size_t i);
/* The selector record of a variable, or NULL. */
const struct selector *cnf_selector_of(const struct cnf *c, int var);
const char *item_kind_name(enum item_kind k);

/* Decision variables: the free inputs (symbol values); every other
 * variable is a gate the solver derives from them.  Solvers branch on these
 * first. */
void cnf_mark_input(struct cnf *c, int var);
const int *cnf_inputs(const struct cnf *c, size_t *n);

/* Clause storage, for the solver layer and export: clause i is
 * lits[start(i) .. start(i+1)). */
const int *cnf_lits(const struct cnf *c, size_t *nlits);
const size_t *cnf_clause_starts(const struct cnf *c);

/* Name a variable for the DIMACS symbol map ("c var 17 FOO=y"). */
void cnf_name(struct cnf *c, int var, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void cnf_write_dimacs(const struct cnf *c, FILE *f, const int *units, size_t nunits);

#endif
