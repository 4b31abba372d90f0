/* The answers of kcsat sat and kcsat matrix for one arch, computed into a
 * result struct that the commands print (as text or JSON) or carry across
 * the job boundary; nothing here prints an answer or knows the command
 * line.  Growable vectors throughout: any number of expressions, symbols
 * and cases. */
#ifndef KCSAT_ANSWERS_H
#define KCSAT_ANSWERS_H

#include <stdbool.h>
#include <stddef.h>

#include "kconfig/confdata.h"
#include "sat/query.h"
#include "util/strbuf.h"
#include "util/vec.h"

struct load_config;

/* A name an expression (or a SYM of matrix) reads that the arch does not
 * define, with the closest name it does define ("" if none). */
struct undef_name {
	char *name;
	char *suggest;
};
typedef VEC(struct undef_name) undefvec;

/* ---- sat: can each expression hold, per bitness case ---- */

struct sat_case {
	size_t expr;			/* index of the expression */
	struct bitness b;
	bool satisfiable;
	struct config witness;		/* the solution, if asked for and SAT */
};
typedef VEC(struct sat_case) satcasevec;

struct sat_answer {
	const char *arch;		/* NULL for a plain tree (owned by the config) */
	int nb;				/* the bitness cases --bits selected */
	struct strbuf no_case;		/* nb == 0: why (query_no_case_reason()) */
	satcasevec cases;		/* expression by expression, case by case */
	undefvec undef;			/* names the expressions read, undefined here */
};

/* Load arch i of c, parse exprs[0..nexpr) in its tree and solve each in
 * each bitness case bits selects (0: every case); with witness, a SAT
 * case keeps the solution's values (the whole model encoded).  Returns
 * false after a diagnostic (the tree or an expression does not load);
 * out is filled as far as it got and must be released either way. */
bool sat_answer_compute(const struct load_config *c, size_t i, char *const *exprs, size_t nexpr,
			int bits, bool witness, struct sat_answer *out);
void sat_answer_release(struct sat_answer *a);

/* ---- matrix: which values each symbol can take, per bitness case ---- */

struct matrix_cell {
	char *col;		/* "x86/64", "arm/32", "m68k", "tree" */
	size_t sym;		/* index of the symbol */
	char *vals;		/* "nmy", "2..512,8192", "-" where not defined */
	bool undef;		/* the arch does not define SYM */
	char *suggest;		/* then the closest name it does define, or "" */
};
typedef VEC(struct matrix_cell) cellvec;

/* Load and encode arch i of c and push a cell per bitness case and symbol
 * (case by case, symbols in order) to out.  A cell's text is one line (a
 * tab or newline of a string constant shows as a space).  Returns false
 * after a diagnostic (the tree does not load, a SYM is malformed). */
bool matrix_cells_compute(const struct load_config *c, size_t i, char *const *syms, size_t nsyms,
			  cellvec *out);
void matrix_cell_release(struct matrix_cell *cell);

#endif
