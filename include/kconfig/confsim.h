/* The kernel's olddefconfig, simulated on concrete values: given the user
 * values of a partial .config, what sym_calc_value() computes for a symbol,
 * evaluating only what that symbol reads (eval.h's computed values), and
 * which user values that evaluation read.  kcsat why uses it to shrink a
 * witness to the user choices that matter, kcsat verify to list what conf
 * changes.  The rules are the tree's dialect's (choices of 6.11+, or the
 * older ones with a value of the choice's own; eval.h). */
#ifndef KCSAT_CONFSIM_H
#define KCSAT_CONFSIM_H

#include <stdbool.h>

#include "kconfig/kconfig.h"
#include "util/vec.h"

struct confsim;

struct confsim *confsim_new(struct kctree *t);
void confsim_free(struct confsim *cs);
/* Set (v non-NULL, kept by reference) or clear the user value of s;
 * forgets computed values (O(1)). */
void confsim_user(struct confsim *cs, const struct symbol *s, const char *v);
/* Forget every user value and choice priority (pins stay), to load
 * another version of a file into the same simulator. */
void confsim_clear(struct confsim *cs);
/* s's value (n for anything but a bool or tristate). */
enum tristate confsim_tri(struct confsim *cs, const struct symbol *s);
/* Symbol computations run so far (eval_work()). */
unsigned long long confsim_work(const struct confsim *cs);
/* expr_calc_value() of e, and the value of one select or imply p (its
 * symbol && its condition), on the simulated values. */
enum tristate confsim_expr(struct confsim *cs, const struct expr *e);
enum tristate confsim_rev_one(struct confsim *cs, const struct property *p);
/* Was s's user value read since the last confsim_user()? */
bool confsim_read(const struct confsim *cs, const struct symbol *s);
/* Hold s at v (kept by reference; NULL: computed again) whatever Kconfig
 * would compute, and written: kcsat verify pins what reads an unexecuted
 * $(shell,...) at the .config's value. */
void confsim_pin(struct confsim *cs, const struct symbol *s, const char *v);
bool confsim_pinned(const struct confsim *cs, const struct symbol *s);
/* The evaluator of the simulated values (explain.h reads it). */
struct eval *confsim_eval(struct confsim *cs);

/* ---- a whole .config, as conf --olddefconfig reads and writes it ---- */
struct config;
struct config_entry;
/* Would conf_read() take e as s's user value?  y, m, n by their first
 * letter (m only for a tristate), a string only quoted, an int or hex only
 * well-formed; conf warns "symbol value '...' invalid for S" otherwise
 * (an unquoted string it drops silently). */
bool confsim_valid(const struct symbol *s, const struct config_entry *e);
/* conf_read()'s warnings on c, each at its line: "symbol value 'm'
 * invalid for PCI", "override: reassigning to symbol X" (and up to 6.10,
 * "override: X changes choice state" for a second member set to y, "X
 * creates inconsistent choice state" for an m after a y).  Returns the
 * number of lines naming a symbol t does not define (conf drops them). */
size_t confsim_warnings(const struct kctree *t, const struct config *c);
/* The user values of every entry of c that confsim_valid() takes, later
 * lines over earlier ones, and each choice member c mentions given the
 * priority conf_read() gives it (the last one in c first).  c must outlive
 * the simulator's use of them. */
void confsim_load(struct confsim *cs, const struct config *c);
/* Pin every symbol whose value reads an unexecuted $(shell,...) (none
 * with --shell=run) at the value c gives it, where c gives one conf takes:
 * what the toolchain answered when the file was written. */
void confsim_pin_shell(struct confsim *cs, const struct config *c);
/* s's value as a string ("n"/"m"/"y" for bool and tristate). */
const char *confsim_str(struct confsim *cs, const struct symbol *s);
/* Does conf write s to .config? */
bool confsim_written(struct confsim *cs, const struct symbol *s);
/* The configuration conf writes (conf_write(): every symbol it writes, in
 * menu order, each once; menu comments left out), into a zeroed out
 * (config_release() it).  Checked against conf --olddefconfig on real
 * trees by tests/integration/olddefconfig-sim.sh. */
void confsim_result(struct confsim *cs, struct config *out);

/* One setting conf --olddefconfig changes: what the file says of sym
 * against what conf writes, in the form of conf's KCONFIG_WARN_CHANGED_INPUT
 * (Linux 7.2), "CONFIG_A: old -> new". */
struct conf_change {
	const struct symbol *sym;
	const struct config_entry *entry;	/* its line (the last); NULL: none */
	const char *old;	/* entry->value; NULL: not in the file */
	const char *new;	/* the value conf computes (confsim_str()) */
	bool invalid;		/* conf rejects the line's value (confsim_valid()) */
	bool written;		/* conf writes it (else its line goes) */
};
typedef VEC(struct conf_change) conf_changevec;
/* After confsim_load(cs, c): every symbol whose line in c conf does not
 * write back as it is (its value changes, or conf rejects it), in the
 * order conf_write() visits them; with full (c is a whole .config), also
 * the symbols c does not mention that conf writes with a value other than
 * n.  Pinned and transitional symbols, and those whose value reads an
 * unexecuted $(shell,...), are never listed.  Entries point
 * into c and the simulator. */
void confsim_changes(struct confsim *cs, const struct config *c, bool full, conf_changevec *out);

#endif
