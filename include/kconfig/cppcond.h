/* Preprocessor conditions of a C source or header: for each line, the
 * #if/#ifdef/#ifndef/#elif/#else branches around it, each as a Kconfig
 * expression of the tree (y or n valued, like kbuild.h's), so that "is this
 * line compiled" is the object's presence condition && the branches'.
 *
 * Modelled, as include/linux/kconfig.h and autoconf.h define them:
 * defined(CONFIG_X) and #ifdef CONFIG_X (X = y for a bool or tristate, X
 * set for an int, hex or string), CONFIG_X_MODULE (X = m), IS_ENABLED,
 * IS_BUILTIN, IS_MODULE, IS_REACHABLE (X = y, or X = m in a file built as
 * a module: MODULE), the value of CONFIG_X in comparisons with a number
 * (`#if CONFIG_NR_CPUS > 1`), integer constants, !, &&, ||, parentheses,
 * MODULE, __KERNEL__ (defined) and an include guard (#ifndef X, #define X
 * first: no condition).  Any other macro is an unknown atom
 * ("$(cpp,FILE:NAME)", a SYM_SHELL symbol later stages leave free) and is
 * counted; arithmetic and ?: make the whole condition unknown.
 *
 * Each condition is kept twice, for the file compiled without and with
 * -DMODULE, so IS_REACHABLE and #ifdef MODULE are exact.
 *
 * Input is untrusted: bounded nesting (CPP_MAX_DEPTH), an unbalanced
 * #else/#elif/#endif or an #if left open is a file:line error. */
#ifndef KCSAT_CPPCOND_H
#define KCSAT_CPPCOND_H

#include <stdbool.h>
#include <stddef.h>

#include "util/arena.h"
#include "util/diag.h"
#include "util/vec.h"

struct expr;
struct kctree;

#define CPP_MAX_DEPTH 256

/* One branch of a conditional: the lines between its directive and the
 * next #elif/#else/#endif of the same level. */
struct cpp_branch {
	struct loc at;			/* its #if, #elif or #else line */
	const char *text;		/* that directive as written (one line) */
	unsigned first, last;		/* the lines of its body */
	/* this branch is taken (the earlier ones of its chain are not),
	 * [0] without MODULE, [1] with it; NULL never */
	struct expr *cond[2];
	int parent;			/* the enclosing branch, -1: none */
	bool unknown;			/* its directive reads something not modelled */
};

struct cpp_unknown {
	struct loc at;
	const char *what;
};

struct cppfile {
	struct arena arena;
	const char *path;
	unsigned nlines;
	VEC(struct cpp_branch) br;	/* in source order */
	VEC(struct cpp_unknown) unknowns;
	size_t nconds;			/* directives read */
};

/* Read text (len bytes; path for locations, as the tree names it), building
 * conditions in t.  NULL after a diagnostic. */
struct cppfile *cpp_read(struct kctree *t, const char *path, const char *text, size_t len);
void cpp_free(struct cppfile *f);

/* The innermost branch around line (1-based), or -1: none. */
int cpp_line_branch(const struct cppfile *f, unsigned line);
/* Is line compiled, as far as the preprocessor decides: the AND of the
 * branches around it (y when none), for a file built with or without
 * MODULE. */
struct expr *cpp_line_cond(struct kctree *t, const struct cppfile *f, unsigned line, bool module);

#endif
