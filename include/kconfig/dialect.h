/* The Kconfig dialects: every rule of the language that differs between the
 * kernel versions kcsat reads (Linux 6.1 and later) is one row of the table
 * below, and the lexer, parser, menu, symbol checks and model ask the table
 * by name (dialect_has(t, DR_TRANSITIONAL)) instead of comparing versions.
 *
 * A version is MAJOR * 100 + MINOR (612 for 6.12, 700 for 7.0), the
 * VERSION/PATCHLEVEL of the tree's top Makefile or --kernel X.Y.  A row's
 * version is that of the first release whose scripts/kconfig has the rule
 * (a change merged in a merge window is in the tree that window opens for:
 * the -rc1 and later).  DIALECT_NEXT marks a rule of kbuild's tree for a
 * release not yet known here: only the newest dialect has it (a version
 * newer than every row, or a tree whose version cannot be read). */
#ifndef KCSAT_DIALECT_H
#define KCSAT_DIALECT_H

#include <stdbool.h>
#include <stdio.h>

#define DIALECT_OLDEST 601	/* older trees are refused */
/* The newest release whose changes are all rows of the table: a newer
 * version is read with the newest dialect, and says so. */
#define DIALECT_NEWEST 701
#define DIALECT_NEXT 9999	/* not yet in a known release */

/* X(ID, name, added, removed, description): added 0 means "before 6.1",
 * removed 0 "still there".  Sorted by the version of the change. */
#define DIALECT_RULES(X)						\
	X(RANGE_RESET, "range-reset", 0, 608,				\
	  "an int or hex value of a .config outside its range is dropped once all is computed: conf writes the default") \
	X(INT_HEX_ZERO, "int-hex-zero", 609, 0,				\
	  "an int starts at 0 and a hex at 0x0 before its defaults, not at \"\"") \
	X(NAMED_CHOICE, "named-choice", 0, 611,				\
	  "`choice NAME`: a choice may be given a symbol name")		\
	X(TRISTATE_CHOICE, "tristate-choice", 0, 611,			\
	  "a choice may be tristate, its members m together")		\
	X(OPTIONAL_CHOICE, "optional-choice", 0, 611,			\
	  "`optional`: a choice may be left with no member set")	\
	X(CHOICE_SUBMENU, "choice-submenu", 0, 611,			\
	  "entries after a choice member that depend on it are its submenu, not members; members depend on the choice") \
	X(CHOICE_STRICT, "choice-strict", 611, 0,			\
	  "a choice and its members need a prompt, members are bool with no default (errors, were warnings)") \
	X(CHOICE_VALUES, "choice-values", 611, 0,			\
	  "a visible choice always has one member y, the user's pick or the first visible default; it is one node in loops") \
	X(CHOICE_BOOL_PROMPT, "choice-bool-prompt", 0, 613,		\
	  "`bool \"prompt\"` in a choice header gives the choice its prompt") \
	X(PARSE_WARNINGS_FATAL, "parse-warnings-fatal", 613, 0,	\
	  "a menuconfig without a prompt, a second help text and a blank help text are errors") \
	X(TRANSITIONAL, "transitional", 618, 0,				\
	  "`transitional`: a symbol with only help, its value read from an old .config, never written") \
	X(CONDITIONAL_DEP, "conditional-dep", 700, 0,			\
	  "`depends on A if B`: the one dependency A || (B = n)") \
	X(REPEATED_SOURCE, "repeated-source", 701, 0,			\
	  "sourcing a file that was already sourced, from anywhere, is an error") \
	X(CHOICE_ONE_ENTRY, "choice-one-entry", 701, 0,		\
	  "a choice member's prompt in any other entry is an error: no member defined twice in a choice") \
	X(DEF_INT, "def-int", DIALECT_NEXT, 0,				\
	  "`def_int`, `def_hex`, `def_string`: a type and a default in one line, like def_bool")

enum dialect_rule {
#define DIALECT_ENUM(id, name, added, removed, desc) DR_##id,
	DIALECT_RULES(DIALECT_ENUM)
#undef DIALECT_ENUM
	DR_COUNT
};

struct dialect_row {
	enum dialect_rule rule;
	const char *name;
	int added, removed;
	const char *desc;
};

extern const struct dialect_row dialect_rows[DR_COUNT];

/* Does the dialect of version v (0: the newest) have rule r? */
bool dialect_at(int v, enum dialect_rule r);
/* The same for a loaded tree (its t->kversion). */
struct kctree;
bool dialect_has(const struct kctree *t, enum dialect_rule r);

/* "X.Y" (digits only) into *v; false on anything else ("6.1x", "6", "6.1.3"). */
bool dialect_parse_version(const char *s, int *v);

/* The dialect to read a tree of version v (0: unknown) with: v itself, or
 * 0 (the newest) for an unknown version or one newer than every row, which
 * says so once per process in a note.  -1 after an error for a version
 * older than DIALECT_OLDEST. */
int dialect_select(int v);

/* "6.12", "7.0", "next" (buf of at least 16 bytes). */
const char *dialect_version_str(int v, char *buf, size_t size);

/* One line per row, for `kcsat --version`. */
void dialect_print(FILE *f);

#endif
