/* The parse tree: symbols, properties, menu entries and hash-consed
 * expressions of one Kconfig tree loaded for one architecture.  Every later
 * stage walks it, so (unlike the model, CNF and solver) its fields are
 * public.  Everything here lives in the tree's arena and dies with
 * kctree_free().
 *
 * Two things differ on purpose from scripts/kconfig:
 *  - each `depends on`, enclosing `if`, menu dependency and `visible if` stays
 *    a separate located item (struct dep_item), so later stages can cite the
 *    exact line that blocks or forces a symbol; the folded expressions the
 *    kernel computes in menu.c are also kept, for evaluation;
 *  - `$(shell,...)` results are not executed by default: such tokens become
 *    constant symbols flagged SYM_SHELL whose value later stages leave free.
 */
#ifndef KCSAT_KCONFIG_H
#define KCSAT_KCONFIG_H

#include <stdbool.h>
#include <stdint.h>

#include "kconfig/arch.h"
#include "util/arena.h"
#include "util/diag.h"
#include "util/vec.h"

enum sym_type { S_UNKNOWN, S_BOOLEAN, S_TRISTATE, S_INT, S_HEX, S_STRING };

/* A bool or tristate value, ordered as the kernel's expr.h orders it: && is
 * the minimum, || the maximum, ! is yes - v. */
enum tristate { no, mod, yes };

static inline enum tristate tri_and(enum tristate a, enum tristate b)
{
	return a < b ? a : b;
}
static inline enum tristate tri_or(enum tristate a, enum tristate b)
{
	return a > b ? a : b;
}
static inline enum tristate tri_not(enum tristate a)
{
	return (enum tristate)(yes - a);
}
/* 'n', 'm' or 'y'; tri_str() gives it as a string. */
static inline char tri_char(enum tristate v)
{
	return "nmy"[v];
}
static inline const char *tri_str(enum tristate v)
{
	return v == yes ? "y" : v == mod ? "m" : "n";
}
/* What "y", "m" or "n" in a .config spells; anything else is no. */
static inline enum tristate tri_value(const char *v)
{
	return v[0] && !v[1] ? (v[0] == 'y' ? yes : v[0] == 'm' ? mod : no) : no;
}

enum sym_flags {
	SYM_CONST = 1u << 0,		/* quoted constant, or y/m/n */
	SYM_SHELL = 1u << 1,		/* value of an unexecuted $(shell,...) */
	SYM_CHOICE = 1u << 2,		/* the symbol of a choice block */
	SYM_DEFINED = 1u << 3,		/* has at least one config entry */
	SYM_CHOICEVAL = 1u << 4,	/* member of some choice */
	SYM_ALLNOCONFIG_Y = 1u << 5,	/* legacy `option allnoconfig_y` */
	SYM_DEFCONFIG_LIST = 1u << 6,	/* legacy `option defconfig_list` */
	SYM_TRANSITIONAL = 1u << 7,	/* `transitional` (Linux 6.18+) */
	SYM_OPTIONAL = 1u << 8,		/* `optional` choice (Linux <= 6.10) */
};

enum expr_type {
	E_SYMBOL, E_NOT, E_AND, E_OR,
	E_EQUAL, E_UNEQUAL, E_LTH, E_LEQ, E_GTH, E_GEQ,
};

/* Hash-consed: structurally equal expressions are the same pointer, so a
 * later stage may cache per-node results (one Tseitin variable per node). */
struct expr {
	enum expr_type type;
	uint32_t hash;
	struct expr *left, *right;	/* E_NOT (left), E_AND, E_OR */
	struct symbol *sym, *rsym;	/* E_SYMBOL (sym); comparisons */
	struct expr *hnext;		/* hash chain */
	struct expr *rw;		/* expr_rewrite_m() of it, once computed */
	uint32_t id;			/* dense, creation order */
};

enum prop_type { P_PROMPT, P_DEFAULT, P_SELECT, P_IMPLY, P_RANGE, P_MENU, P_COMMENT };

struct property {
	enum prop_type type;
	struct loc loc;
	struct menu *menu;		/* the entry that wrote it */
	const char *text;		/* P_PROMPT, P_MENU, P_COMMENT */
	struct expr *expr;		/* P_DEFAULT value; P_SELECT/P_IMPLY target */
	struct symbol *target;		/* P_SELECT/P_IMPLY; P_DEFAULT of a choice */
	struct symbol *lo, *hi;		/* P_RANGE */
	struct expr *cond;		/* its own `if`, as written (NULL: none) */
	/* Finalized: `m` rewritten to `m && MODULES`, ANDed with the entry's
	 * effective dependency and, for prompts, every enclosing `visible if`.
	 * NULL means y.  */
	struct expr *visible;
	struct property *sym_next;	/* in sym->props */
	struct property *menu_next;	/* in menu->props */
	struct property *rev_next;	/* in target->selected_by / implied_by */
};

enum dep_kind { DEP_DEPENDS, DEP_IF, DEP_VISIBLE };

/* One `depends on`, `if` or `visible if` line. */
struct dep_item {
	enum dep_kind kind;
	struct loc loc;
	struct expr *expr;		/* as written */
	struct dep_item *next;
};

enum menu_kind { M_ROOT, M_CONFIG, M_MENUCONFIG, M_CHOICE, M_MENU, M_COMMENT, M_IF };

struct menu {
	enum menu_kind kind;
	struct loc loc;
	struct menu *parent, *list, *next;	/* the tree as written */
	struct menu **list_tail;
	struct symbol *sym;		/* config, menuconfig, choice */
	struct property *prompt;
	struct property *props, **props_tail;
	struct dep_item *deps, **deps_tail;	/* `depends on` / the `if` */
	struct dep_item *visibility;	/* `visible if` of a menu */
	const char *help;
	struct menu *sym_next;		/* next entry of the same symbol */
	uint32_t id;			/* dense, creation order (root is 0) */
	/* Finalized: this entry's dependencies (m rewritten) ANDed with every
	 * enclosing entry's, as menu.c computes menu->dep.  NULL means y. */
	struct expr *dep;
	/* Finalized: every enclosing menu's `visible if`, for prompts. */
	struct expr *visif;
};

struct symbol {
	const char *name;		/* NULL for an unnamed choice */
	enum sym_type type;
	unsigned flags;
	uint32_t id;			/* dense, creation order */
	struct property *props, **props_tail;	/* every entry's, in order */
	struct menu *menus, **menus_tail;	/* every entry defining it */
	struct menu *choice;		/* choice entry it belongs to, if any */
	const char *env;		/* legacy `option env="NAME"` */
	const char *shell_display;	/* SYM_SHELL: as written, pp_display() */
	/* Finalized (NULL means n for rev_dep/implied, y for dir_dep): */
	struct expr *dir_dep;		/* OR of menu->dep over its entries */
	struct expr *rev_dep;		/* OR of SEL && select->visible */
	struct expr *implied;		/* same for imply */
	struct property *selected_by, *implied_by;
	struct property **selected_by_tail, **implied_by_tail;
	struct symbol *hnext;
	uint32_t hash;			/* of name */
};

/* A dependency loop: where it starts and its steps in the kernel's words,
 * one "symbol A depends on B (file:line)" per line. */
struct kc_cycle {
	struct loc at;
	const char *text;
};

/* A `# kcsat: ...` comment (suppressions), as written after "kcsat:". */
struct kc_pragma {
	struct loc at;
	const char *text;
};

/* One loaded tree.  Symbol ids and expression ids are dense so later stages
 * can use plain arrays indexed by them. */
struct kctree {
	struct arena arena;
	const char *srctree;		/* as given */
	const char *arch;		/* SRCARCH, or NULL for a plain tree */
	int kversion;			/* its dialect (dialect.h): 612 for 6.12,
					 * 0 for the newest */
	const char *kernelversion;	/* the Makefile's, "6.12.117" ("": none) */
	struct menu root;
	struct symbol sym_y, sym_m, sym_n;
	/* the same three, indexed by enum tristate: sym_find() on a const
	 * tree hands them out without casting const away */
	struct symbol *sym_const[3];
	struct symbol *modules;		/* `modules` symbol, or &sym_n */
	VEC(struct symbol *) syms;	/* every symbol, by id */
	VEC(struct expr *) exprs;	/* every expression, by id */
	uint32_t nmenus;		/* menu ids are <= nmenus */
	struct symbol **symhash;
	uint32_t symhash_size;
	struct expr **exprhash;
	uint32_t exprhash_size;
	unsigned nfiles, nlines, nshell;	/* statistics */
	VEC(struct kc_cycle) cycles;	/* with load_config.keep_cycles */
	VEC(struct kc_pragma) pragmas;
	cstrvec files;	/* every file read, in order */
};

/* How the library loads trees and runs per-arch work: the one load
 * configuration, owned by tree.c (init, release, loading) and arch.c (the
 * arches, the per-arch runner).  The command line only fills it in
 * (cmd/cli.c); tests and the fuzzer fill it in directly. */
enum shell_mode { SHELL_OFF, SHELL_RUN };

struct load_config {
	const char *srctree;		/* the tree; NULL: "." */
	const char *kconfig;		/* root file, default "Kconfig" */
	/* SRCARCH names (arch_select()); none: a plain tree, loaded once with
	 * none of kbuild's variables set (fixture trees) */
	strvec arches;
	enum shell_mode shell;
	/* Environment variables $(NAME) reads besides kbuild's (owned);
	 * env_all: every one, as SHELL_RUN does (preprocess.h) */
	strvec env;
	bool env_all;
	int kversion;			/* override, e.g. 601; 0: read Makefile */
	struct srccache *cache;		/* file contents shared across loads */
	/* In-memory files for the fuzzer and unit tests: when set, every
	 * `source` is looked up here instead of the file system. */
	const char *(*vfs)(const void *ctx, const char *path, size_t *len);
	const void *vfs_ctx;
	bool keep_cycles;		/* dependency loops are findings, not errors */
	int jobs;			/* processes for several arches (1: none) */
	bool progress;			/* "loading ARCH (i/n)" on stderr */
};

/* Defaults: plain tree ".", shell off, one process, no cache. */
void load_config_init(struct load_config *c);
/* Frees the arches and the cache (both owned by c). */
void load_config_release(struct load_config *c);
/* How many loads a run makes: one per arch, or 1 for a plain tree. */
size_t load_config_count(const struct load_config *c);
/* Arch i's name, or NULL for a plain tree. */
const char *load_config_arch(const struct load_config *c, size_t i);

/* Load and finalize the tree for SRCARCH arch (NULL: no arch).  Returns
 * NULL after printing diagnostics on any error.  The tree owns all its
 * memory. */
struct kctree *kctree_load(const struct load_config *c, const char *arch);
/* The same for load i of c (load_config_arch()), with progress on a
 * terminal and, for an arch, a diagnostic naming it on failure. */
struct kctree *kctree_load_arch(const struct load_config *c, size_t i);
/* The dialect a load of c reads (dialect_select() of its version), or -1
 * after an error.  Called once before loading every arch, it gives the
 * version's note or error once. */
int kctree_dialect(const struct load_config *c);
void kctree_free(struct kctree *t);

/* ---- symbol.c ---- */
/* Give a zeroed s its name (kept as is), flags and the next id in t. */
void sym_init(struct kctree *t, struct symbol *s, const char *name, unsigned flags);
struct symbol *sym_lookup(struct kctree *t, const char *name, bool is_const);
struct symbol *sym_find(const struct kctree *t, const char *name);
const char *sym_type_name(enum sym_type type);
static inline bool sym_is_choice(const struct symbol *s)
{
	return s->flags & SYM_CHOICE;
}
static inline bool sym_is_bool_like(const struct symbol *s)
{
	return s->type == S_BOOLEAN || s->type == S_TRISTATE;
}
/* What scripts/kconfig rejects after parsing: dependency loops (symbol.c
 * sym_check_deps) and, with 6.11+ rules, defaults and outside prompts of
 * choice members.  Returns the number of errors reported; with
 * keep_cycles, loops go to t->cycles instead (lint reports them). */
unsigned sym_check_tree(struct kctree *t, bool keep_cycles);
/* Does s's value read an unexecuted $(shell,...) (a prompt, default,
 * range, select of it or dependency that does)? */
bool sym_reads_shell(const struct symbol *s);
/* A choice has no name in the kernel since 6.11; name it by location. */
const char *sym_display_name(const struct symbol *s, char *buf, size_t size);

#define tree_for_each_sym(t, s, i) \
	for ((i) = 0; (i) < (t)->syms.n && (((s) = (t)->syms.v[(i)]), 1); (i)++)

/* ---- expr.c ---- */
struct expr *expr_sym(struct kctree *t, struct symbol *s);
struct expr *expr_not(struct kctree *t, struct expr *e);
/* NULL operands mean "no condition": and(NULL, e) == e, or(NULL, e) == e */
struct expr *expr_and(struct kctree *t, struct expr *a, struct expr *b);
struct expr *expr_or(struct kctree *t, struct expr *a, struct expr *b);
/* No simplification: the parser's constructor, for expressions as written. */
struct expr *expr_make(struct kctree *t, enum expr_type type, struct expr *l, struct expr *r);
struct expr *expr_cmp(struct kctree *t, enum expr_type type,
		      struct symbol *l, struct symbol *r);
/* "e = n" as the kernel's expr_trans_compare(e, E_EQUAL, &symbol_no) spells
 * it: e's comparisons with n, for `depends on A if B` (7.0). */
struct expr *expr_is_n(struct kctree *t, struct expr *e);
bool expr_contains_sym(const struct expr *e, const struct symbol *s);
/* Does e read the result of an unexecuted $(shell,...) (SYM_SHELL)? */
bool expr_reads_shell(const struct expr *e);
typedef VEC(struct expr *) exprvec;
typedef VEC(const struct symbol *) symvec;
/* Append the symbols e reads (its comparisons' operands, left to right)
 * that keep accepts (NULL: all) to out, each once: one already in out is
 * not appended again. */
typedef bool expr_sym_filter(const struct symbol *s);
void expr_symbols(const struct expr *e, expr_sym_filter *keep, symvec *out);
/* Append the operands of e's top-level && chain (e itself if it is no &&). */
void expr_conjuncts(struct expr *e, exprvec *out);
/* The && of every conjunct but cs->v[k] (NULL: none left). */
struct expr *expr_and_but(struct kctree *t, const exprvec *cs, size_t k);
/* `m` in a dependency means "m if modules are enabled": menu.c's rewrite_m,
 * turning m into m && MODULES (t->modules). */
struct expr *expr_rewrite_m(struct kctree *t, struct expr *e);
struct strbuf;
/* Kconfig syntax with minimal parentheses; NULL prints as "y". */
void expr_print(struct strbuf *sb, const struct expr *e);
/* The same, with fn called after each defined, non-constant symbol (to add
 * its value, as the kernel's warnings print " [=y]"). */
typedef void expr_value_fn(void *ctx, struct strbuf *sb, const struct symbol *s);
void expr_print_values(struct strbuf *sb, const struct expr *e, expr_value_fn *fn, void *ctx);
void expr_print_sym(struct strbuf *sb, const struct symbol *s);

/* ---- menu.c ---- */
const char *menu_kind_name(enum menu_kind k);
/* Depth-first, in source order; menu_next_const() for a walk that only
 * reads. */
struct menu *menu_next(struct menu *m, struct menu *root);
const struct menu *menu_next_const(const struct menu *m, const struct menu *root);
#define menu_for_each(t, m) \
	for ((m) = (t)->root.list; (m); (m) = menu_next((m), &(t)->root))

#endif
