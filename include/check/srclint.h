/* Lint over a kernel tree's sources: the CONFIG_ references of its C,
 * header, assembly and Makefile/Kbuild files, for kcsat lint's
 * undefined-config-reference check (include/check/lint.h).
 *
 * Only code counts, never a comment or a string:
 *  - in C, headers and .S files: every CONFIG_X of an #if, #ifdef, #ifndef,
 *    #elif, #elifdef or #elifndef line, and IS_ENABLED, IS_BUILTIN,
 *    IS_MODULE or IS_REACHABLE of a literal CONFIG_X in code or in a
 *    #define's body;
 *  - in a Makefile or Kbuild file (Makefile*, Kbuild*): $(CONFIG_X),
 *    ${CONFIG_X} and `ifdef`/`ifndef CONFIG_X` outside comments.
 * A token-pasted name (CONFIG_##x, $(CONFIG_$(X))) is no reference.  A name
 * the tree defines itself is kept apart (struct srcscan's local): `#define
 * CONFIG_X` or `#undef CONFIG_X` in C, `CONFIG_X := ...` or -DCONFIG_X in a
 * Makefile.  tools/, scripts/ and Documentation/ are not read (they do not
 * use the kernel's autoconf.h), nor any name starting with a dot.
 *
 * The tree is untrusted: directories are walked without following
 * symlinks (a symlink is skipped), files are read contained
 * (util/srccache.h: regular files inside the tree, at most
 * SRCLINT_MAX_FILE bytes each, SRCLINT_MAX_FILES in all). */
#ifndef KCSAT_SRCLINT_H
#define KCSAT_SRCLINT_H

#include <stdbool.h>
#include <stddef.h>

#include "util/vec.h"

#define SRCLINT_MAX_FILE ((size_t)16 << 20)
#define SRCLINT_MAX_FILES 500000

enum srcref_how {
	SR_IF,				/* #if, #elif */
	SR_IFDEF,			/* #ifdef, #ifndef, #elifdef, #elifndef */
	SR_MACRO,			/* IS_ENABLED(CONFIG_X) and friends, in code */
	SR_MAKE,			/* $(CONFIG_X), ifdef CONFIG_X in a Makefile */
};

/* One reference: CONFIG_name at file:line. */
struct srcref {
	const char *file;		/* tree-relative, owned by the scan */
	unsigned line;
	char *name;			/* without CONFIG_ */
	enum srcref_how how;
	const char *macro;		/* SR_MACRO and an #if's IS_*(): which; else NULL */
	const char *where;		/* how the line reads it: "#elif", "IS_ENABLED", "ifdef",
					 * "$(...)" (static) */
	char *text;			/* the line as written (squeezed, at most 120 bytes) */
};

/* Decides which references to keep (the others are only counted): called
 * with the name without CONFIG_ and the macro (NULL: none). */
typedef bool (*srcref_filter)(void *ctx, const char *name, const char *macro);

struct srcscan {
	srcref_filter keep;
	void *ctx;
	VEC(struct srcref) refs;	/* the kept ones, in reading order */
	strvec local;			/* names the tree defines itself (sorted after srcscan_tree) */
	strvec files;			/* owned file names */
	size_t nfiles, nsources;	/* files read; of them .c, .h, .S */
	size_t nrefs;			/* references seen */
	size_t skipped;			/* files refused (too big, not regular...) */
};

/* Read every source and Makefile below root (tree-relative names).  false
 * after a diagnostic (too many files, a directory that cannot be read). */
bool srcscan_tree(struct srcscan *S, const char *root);
/* One file's text (len bytes, NUL after them), as srcscan_tree reads it:
 * C-like for .c, .h, .S, else Makefile. */
void srcscan_text(struct srcscan *S, const char *path, const char *text, size_t len);
void srcscan_release(struct srcscan *S);

#endif
