/* The smallest set of changes to a developer's .config that gives a symbol
 * a value: the settings to make (as `scripts/config --enable A` and as a
 * fragment line `CONFIG_A=y`), read off a SAT solution that keeps as many
 * of the file's olddefconfig values as the solver's phases steer it to,
 * then shrunk on the olddefconfig simulation (confsim.h) until no change
 * can be dropped.  Each check reads the file with the changes made both
 * ways a developer makes them: in place (scripts/config edits the line or
 * appends one) and appended (merge_config.sh and `cat frag >> .config`
 * put the fragment last), since the order of a choice's members in the
 * file decides conf's pick.  Linux 6.11+ rules only (the simulation). */
#ifndef KCSAT_FIX_H
#define KCSAT_FIX_H

#include <stdbool.h>

#include "util/vec.h"

struct arch_ctx;
struct config;
struct expr;
struct strbuf;
struct symbol;

struct fix_change {
	const struct symbol *sym;
	char *value;		/* "y", "m", "n", or the int/hex/string value (owned) */
	char *before;		/* its olddefconfig value from the file (owned) */
};

enum fix_status {
	FIX_FOUND,		/* changes (none: the file already gives the value) */
	FIX_IMPOSSIBLE,		/* no configuration of the arch has the value */
	FIX_BUDGET,		/* the solver's budget ran out */
	FIX_NO_SIM,		/* the simulation does not reproduce the solution */
};

struct fix_result {
	enum fix_status status;
	VEC(struct fix_change) changes;	/* in definition order */
	bool minimal;		/* the drop loop ran to its end */
	/* FIX_NO_SIM: a symbol without a prompt whose value reads an
	 * unexecuted $(shell,...) (the toolchain decides it) and that the
	 * solution needed changed, or NULL */
	const struct symbol *toolchain;
	unsigned checks;	/* olddefconfig simulations run */
};

/* a: loaded and encoded (lazily: only the cone of want_lit is used).  want_lit:
 * query_want_lit() of s and (val, str) as query_symbol() gives them; the
 * file c read with config_read(). */
void fix_find(struct arch_ctx *a, const struct config *c, const struct symbol *s, int want_lit,
	      char val, const char *str, struct fix_result *out);
/* The same for conditions (kcsat cover: the presence conditions of hunks
 * to compile together): olddefconfig of c with the changes gives each of
 * conds[0..n) a value other than n and, with bits non-NULL, 64BIT the
 * value bits_val ('y' or 'n').  An unknown atom of a condition (a
 * SYM_SHELL symbol: an unexecuted $(shell,...), an #if or Makefile
 * construct not modelled) takes the value the solution gives it.  want:
 * the nwant literals whose assumption gives the same in the model (a
 * encoded whole: model_encode_all()). */
void fix_find_conds(struct arch_ctx *a, const struct config *c, const struct expr *const *conds,
		    size_t n, const struct symbol *bits, char bits_val, const int *want,
		    size_t nwant, struct fix_result *out);
void fix_release(struct fix_result *r);
/* One change as scripts/config arguments, appended to sb with a leading
 * space: " --enable A" (--module, --disable), " --set-val N 64",
 * " --set-str S 'a b'" (quoted for the shell). */
void fix_config_command(struct strbuf *sb, const struct fix_change *ch);
/* The changes as .config entries, appended to c (zeroed, or a config to
 * add to) and indexed; config_release() it. */
void fix_changes_config(const struct fix_result *fx, struct config *c);
/* The status as JSON names it: "found", "impossible", "unknown" (budget),
 * "no-simulation". */
const char *fix_status_name(enum fix_status st);

#endif
