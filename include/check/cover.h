/* Patch coverage: which configurations compile given lines of the tree's
 * sources, on one arch.  A target is a range of lines of one file (a hunk
 * of a patch, or one line for `kcsat why FILE:LINE`); its condition is
 *
 *   (object built in && the #if branches around the lines without MODULE)
 *   || (object built as a module && the branches with MODULE)
 *
 * for a .c file (kconfig/kbuild.h, kconfig/cppcond.h), the #if branches
 * alone for a header (its includers are not traced: said in the answer),
 * and the directory's visit condition for a Makefile or Kbuild file.
 *
 * Conditions are built in the arch's tree before it is encoded
 * (cover_prepare() between arch_ctx_load() and arch_ctx_encode()); the
 * caller solves them with the SAT layer. */
#ifndef KCSAT_COVER_H
#define KCSAT_COVER_H

#include <stdbool.h>
#include <stddef.h>

#include "util/vec.h"

struct cppfile;
struct expr;
struct kbuild;
struct kbuild_obj;
struct kctree;
struct load_config;

struct cover_target {
	const char *path;		/* relative to the tree */
	unsigned first, last;		/* lines, 1-based, first <= last */
};

enum cover_kind {
	CK_SOURCE,			/* .c or .S: through its object */
	CK_HEADER,			/* .h: through includers not traced */
	CK_MAKEFILE,			/* Makefile, Kbuild: read when its directory is */
	CK_OTHER,			/* anything else: not compiled */
};

enum cover_why_not {
	CW_NONE,
	CW_NOT_LISTED,			/* no Makefile read lists its object */
	CW_NO_FILE,			/* the file is not in the tree */
	CW_NOT_BUILT,			/* not a file the build compiles (.txt, Kconfig) */
	CW_NO_DIR,			/* a Makefile of a directory kbuild never visits */
};

struct cover_item {
	enum cover_kind kind;
	enum cover_why_not why_not;	/* a reason without solving: cond is n */
	const struct kbuild_obj *obj;	/* CK_SOURCE */
	int dir;			/* CK_MAKEFILE: its kbuild directory, -1 none */
	struct cppfile *cpp;		/* CK_SOURCE, CK_HEADER (owned) */
	intvec branches;		/* the innermost #if branches of the lines (-1: none) */
	struct expr *cond;		/* compiled (y or n valued) */
	struct expr *cond_y, *cond_m;	/* CK_SOURCE: built in, as a module */
};

struct cover_arch {
	struct kbuild *kb;
	VEC(struct cover_item) items;	/* one per target */
};

/* Read the tree's Kbuild files and each target's file for t's arch and
 * build the conditions.  false after a diagnostic (a refused file, a
 * malformed #if nesting). */
bool cover_prepare(struct cover_arch *ca, struct kctree *t, const struct load_config *c,
		   const struct cover_target *tg, size_t n);
void cover_release(struct cover_arch *ca);

/* The Makefile lines through which an item is built, innermost first,
 * each "FILE:LINE: text as written" (the directory chain up to the root),
 * appended to out (owned strings). */
void cover_makefile_chain(const struct cover_arch *ca, const struct cover_item *it,
			  const struct load_config *c, strvec *out);
/* The #if lines around an item's lines, outermost first, each
 * "FILE:LINE: #if ..." (every branch of it). */
void cover_if_chain(const struct cover_item *it, strvec *out);
/* A short reason for an item's why_not ("no Makefile lists its object"). */
const char *cover_why_not_text(enum cover_why_not w);

#endif
