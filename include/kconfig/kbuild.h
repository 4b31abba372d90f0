/* The Kbuild reader: which object files of a tree one architecture's build
 * compiles, and under which Kconfig condition (a presence condition per
 * .o file), read from the tree's Kbuild and Makefile files the way
 * scripts/Makefile.build and Makefile.lib read them:
 *
 *  - the top-level Kbuild (or Makefile) with arch/$(SRCARCH)/Makefile's
 *    core-y, libs-y and drivers-y/-m (ARCH_CORE, ARCH_LIB, ARCH_DRIVERS)
 *    and the top Makefile's `libs-y := lib/`;
 *  - in each directory its Kbuild file, else its Makefile: obj-y, obj-m,
 *    obj-$(CONFIG_X), lib-y/lib-m, subdir-y/-m, `dir/` entries (descent),
 *    composite objects (foo-objs, foo-y, foo-m, foo-$(CONFIG_Y)), `:=`,
 *    `=`, `+=`, `?=`, $(VAR) of the same file, $(subst m,y,$(CONFIG_X)),
 *    ifdef/ifndef/ifeq/ifneq on $(CONFIG_X) and $(SRCARCH)/$(ARCH), else.
 *
 * A construct it does not model (an unknown variable or function in an
 * object list, a comparison of something else, an include) is never a
 * silent wrong answer: a condition it cannot decide becomes an *unknown*
 * atom that later stages leave free (a SYM_SHELL symbol named
 * "$(kbuild,FILE:LINE)"), a word it cannot expand is dropped, and each is
 * counted (struct kbuild_stats) with its location (kbuild->unknowns).
 *
 * Conditions are Kconfig expressions of the tree the reader was given,
 * built from comparisons only (`X = y`, `X = m`, `X = n`), so each is y or
 * n: a symbol the arch does not define reads as n, as $(CONFIG_X) is
 * empty then.  Object files get two: `y` (compiled into the kernel, no
 * -DMODULE) and `m` (compiled as part of a module, with -DMODULE), kept
 * apart so IS_BUILTIN, IS_MODULE and IS_REACHABLE are exact.
 *
 * Containment is the Kconfig reader's (util/srccache.h): files are read
 * only inside the tree, no FIFO or device is opened, a file above
 * KBUILD_MAX_FILE or more than KBUILD_MAX_DIRS directories is a
 * file:line error.  Everything lives in the struct kbuild and the tree's
 * arena; free the kbuild before the tree. */
#ifndef KCSAT_KBUILD_H
#define KCSAT_KBUILD_H

#include <stdbool.h>
#include <stddef.h>

#include "util/arena.h"
#include "util/diag.h"
#include "util/strindex.h"
#include "util/vec.h"

struct expr;
struct kctree;
struct load_config;

#define KBUILD_MAX_FILE ((size_t)8 << 20)
#define KBUILD_MAX_DIRS 100000
/* list entries of one Makefile, after conditional assignments */
#define KBUILD_MAX_ENTRIES 200000

/* A directory kbuild descends into. */
struct kbuild_dir {
	const char *path;		/* "drivers/pci/", "" for the root */
	const char *file;		/* its Kbuild or Makefile, NULL: none */
	struct expr *visit;		/* make descends into it */
	struct expr *builtin;		/* ... with need-builtin (its obj-y built) */
	struct loc at;			/* the line of its parent that names it */
	int parent;			/* index in kbuild->dirs, -1 for the root */
};

/* An object file the build can compile. */
struct kbuild_obj {
	const char *path;		/* "drivers/pci/p2pdma.o" */
	struct expr *y;			/* compiled built-in */
	struct expr *m;			/* compiled as (part of) a module */
	struct loc at;			/* the line that lists it */
	struct loc composite_at;	/* the composite's line, {0,0}: none */
	int dir;			/* the directory whose Makefile lists it */
};

/* A construct the reader did not model. */
struct kbuild_unknown {
	struct loc at;
	const char *what;		/* "variable $(BITS)", "include" ... */
};

/* An assignment to a list that decides objects (obj-y, foo-m, lib-y ...):
 * the condition under which it takes effect (its ifeq blocks, the CONFIG_
 * value its name expands with), one per name it expands to. */
struct kbuild_line {
	struct loc at;			/* its first line */
	uint32_t last;			/* its last line (continuations) */
	struct expr *cond;
};

struct kbuild_stats {
	size_t makefiles;		/* read */
	size_t missing;			/* directories without Kbuild/Makefile */
	size_t unknown_conds;		/* conditions left free */
	size_t unknown_words;		/* words of object lists not expanded */
	size_t other;			/* include, $(eval), ... not followed */
};

struct kbuild {
	struct arena arena;
	const char *srcarch;		/* NULL: a plain tree */
	VEC(struct kbuild_dir) dirs;	/* parents before children */
	VEC(struct kbuild_obj) objs;	/* in directory order, then as listed */
	VEC(struct kbuild_unknown) unknowns;
	VEC(struct kbuild_line) lines;	/* in reading order */
	struct kbuild_stats stats;
	struct strindex obj_index;	/* path -> index into objs */
	struct strindex dir_index;	/* path -> index into dirs */
};

/* Read the Kbuild files of c's tree for t's arch (t->arch; NULL: only the
 * root Kbuild or Makefile), building conditions in t.  Call before the
 * tree is encoded (a model ignores symbols made after it).  NULL after a
 * diagnostic (a refused or oversized file, too many directories). */
struct kbuild *kbuild_read(struct kctree *t, const struct load_config *c);
void kbuild_free(struct kbuild *kb);

/* The object "dir/name.o" (NULL: no Makefile lists it). */
const struct kbuild_obj *kbuild_find(const struct kbuild *kb, const char *path);
/* The object a source file compiles to: "a/b.c" or "a/b.S" -> "a/b.o". */
const struct kbuild_obj *kbuild_find_source(const struct kbuild *kb, const char *src);
/* The condition under which the object is compiled at all (y || m). */
struct expr *kbuild_obj_cond(struct kctree *t, const struct kbuild_obj *o);

/* A file of c's tree as the reader reads it (through c->vfs or c->cache,
 * contained, at most KBUILD_MAX_FILE bytes): a malloc'ed copy, or NULL
 * with *err 0 when it does not exist, else the reason (src_strerror()). */
char *kbuild_read_file(const struct load_config *c, const char *rel, size_t *len, int *err);

/* Is s one of the reader's unknown atoms? */
bool kbuild_is_unknown(const struct expr *e);

#endif
