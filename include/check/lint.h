/* kcsat lint: semantic checks of a Kconfig tree on every architecture.
 *
 * A run (struct lint, opaque: lint_new, lint_run, lint_free) has two
 * rounds of per-arch jobs (arch_for_each, so --jobs forks) around a merge:
 *  1. each arch loads the tree, writes its static facts (files read,
 *     symbols defined, suppressions, loops, references to undefined
 *     symbols, non-bool selects; lint-static.c), encodes one model and
 *     puts every check's question to it at once (lint-round1.c), and
 *     leaves its answers as fact records (util/record.h);
 *  2. the merge (lint-merge.c) reads every arch's facts into findings:
 *     "dead" means dead on every arch that reads the line, "undefined"
 *     means defined on no arch; it also leaves requests for the evidence
 *     the surviving findings need;
 *  3. a second, smaller round per arch answers those requests with chains
 *     of Kconfig lines from a model with a selector per line, as why-not
 *     does, and the answers become the findings' evidence (lint-evidence.c).
 * lint.c is the driver (the jobs, the rounds, the checks table, times).
 *
 * The checks are one table, LINT_CHECKS below: name, default on or off,
 * severity, one-line summary, SARIF help.  The help text of kcsat lint,
 * the default set, SARIF's rules and the man page cross-check
 * (tests/check-docs.sh) are made from it. */
#ifndef KCSAT_LINT_H
#define KCSAT_LINT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "check/findings.h"

struct kctree;
struct load_config;
struct strbuf;

/* X(ID, name, on by default, severity, summary).  In name order; the
 * names are stable (baselines and suppressions name them).  SARIF's help
 * for each is its entry in kcsat(1), LINT CHECKS.  select-visible is off:
 * the kernel's own tree breaks it thousands of times (kconfig-language.rst
 * only advises against it), so it would bury the findings a gate is for.
 * The severity is that of a finding without a class; a check with classes
 * (LINT_CLASSES below) takes each finding's from its class. */
#define LINT_CHECKS(X)								\
	X(BITNESS_ONLY, "bitness-only", true, LEVEL_NOTE,			\
	  "a symbol reachable with only one value of 64BIT on an arch where both exist, " \
	  "while nothing in its own entry says so")				\
	X(DEAD_DEFAULT, "dead-default", true, LEVEL_WARNING,			\
	  "a default that never takes effect: its condition never holds, or an earlier " \
	  "default always applies first")					\
	X(DEAD_PROMPT, "dead-prompt", true, LEVEL_WARNING,			\
	  "a prompt that is never visible")					\
	X(DEAD_SELECT, "dead-select", true, LEVEL_WARNING,			\
	  "a select (or imply) that is never active")				\
	X(DEAD_SYMBOL, "dead-symbol", true, LEVEL_WARNING,			\
	  "a symbol, or one of its values (y or m), that no configuration reaches") \
	X(INT_AS_COND, "int-as-condition", true, LEVEL_WARNING,		\
	  "a condition that reads an int, hex or string symbol as a bool, which is always n") \
	X(RECURSIVE_DEP, "recursive-dependency", true, LEVEL_WARNING,		\
	  "a dependency loop, which scripts/kconfig rejects")			\
	X(REDUNDANT_DEP, "redundant-dependency", true, LEVEL_NOTE,		\
	  "a `depends on` term that the entry's other dependencies already imply") \
	X(SELECT_NONBOOL, "select-nonbool", true, LEVEL_WARNING,		\
	  "a select of a symbol that is not bool or tristate, or by one that is not") \
	X(SELECT_VISIBLE, "select-visible", false, LEVEL_WARNING,		\
	  "a select of a symbol whose prompt can be visible while the select is active") \
	X(TRANSITIONAL_REF, "transitional-reference", true, LEVEL_WARNING,	\
	  "a `depends on`, `select`, `if`, `visible if` or other expression but a default " \
	  "that reads a transitional symbol, which is never saved: after one save it reads n") \
	X(UNDEF_CONFIG_REF, "undefined-config-reference", false, LEVEL_WARNING,	\
	  "a CONFIG_ reference in C code or a Makefile (an #if line, IS_ENABLED() and " \
	  "friends, $(CONFIG_X)) that autoconf.h never defines: its symbol is defined on " \
	  "no arch, is transitional, or (IS_MODULE, CONFIG_X_MODULE) is never tristate") \
	X(UNDEFINED_SYM, "undefined-symbol", true, LEVEL_WARNING,		\
	  "a symbol referenced but defined on no arch (a note: defined only on arches " \
	  "that never read the line)")						\
	X(UNMET_SELECT, "unmet-select", true, LEVEL_WARNING,			\
	  "a select that can force a symbol while the symbol's direct dependencies are " \
	  "not met (conf: \"unmet direct dependencies detected\")")

#define LINT_CHECK_ID(id, name, on, level, summary) LC_##id,
enum lint_check { LINT_CHECKS(LINT_CHECK_ID) LC_COUNT };
#undef LINT_CHECK_ID

struct lint_check_info {
	struct check_doc doc;		/* name, summary, SARIF help */
	bool on_by_default;
	enum finding_level level;	/* of its findings (some classes are notes) */
};
extern const struct lint_check_info lint_checks[LC_COUNT];

#define LINT_CHECK_BIT(id, name, on, level, summary) | ((on) ? 1u << LC_##id : 0u)
/* What runs without -W options: a bit per enum lint_check. */
#define LINT_DEFAULT_CHECKS (0u LINT_CHECKS(LINT_CHECK_BIT))
#define LINT_ALL_CHECKS ((1u << LC_COUNT) - 1)

/* The classes of findings inside a check: X(name, checks (a bit per enum
 * lint_check), severity, summary).  A finding names its class after its
 * check (`[redundant-dependency:enclosing]`, "class" in JSON and SARIF's
 * properties), so users can filter.  The severities come from judging
 * the findings of Linux 6.12 one by one (tests/precision/): a class is a
 * warning only when its findings are defects a maintainer takes a patch
 * for.  A dead line or symbol that is dead only because it reads a symbol
 * defined nowhere is no finding at all: undefined-symbol reports it. */
#define LC_DEAD_PROPS (1u << LC_DEAD_DEFAULT | 1u << LC_DEAD_PROMPT | 1u << LC_DEAD_SELECT)
#define LINT_CLASSES(X)								\
	X("and-n", LC_DEAD_PROPS | 1u << LC_DEAD_SYMBOL, LEVEL_NOTE,		\
	  "its dependencies or condition say n (`depends on n`, `&& n`): off on purpose") \
	X("arch-guard", 1u << LC_REDUNDANT_DEP, LEVEL_NOTE,			\
	  "the term names an arch's own symbol, or the entry is one of arch/'s") \
	X("bitness", 1u << LC_REDUNDANT_DEP, LEVEL_NOTE,			\
	  "the term states a bitness (64BIT) that the other dependencies imply: documentation") \
	X("broken", LC_DEAD_PROPS | 1u << LC_DEAD_SYMBOL, LEVEL_NOTE,		\
	  "it depends on BROKEN (or on a symbol that does), on purpose")	\
	X("compile-test", 1u << LC_REDUNDANT_DEP, LEVEL_NOTE,			\
	  "implied through COMPILE_TEST's own dependencies (HAS_IOMEM...)")	\
	X("dead-dependency", LC_DEAD_PROPS | 1u << LC_DEAD_SYMBOL, LEVEL_NOTE,	\
	  "it reads (depends on, or its condition reads) a dead symbol that dead-symbol " \
	  "reports") \
	X("disabled", 1u << LC_UNDEF_CONFIG_REF, LEVEL_NOTE,			\
	  "the name says the code is off on purpose (CONFIG_X__disabled, CONFIG_X_FIXME)") \
	X("duplicate", 1u << LC_REDUNDANT_DEP, LEVEL_WARNING,			\
	  "the entry states the same term twice")				\
	X("elsewhere", 1u << LC_UNDEFINED_SYM, LEVEL_NOTE,			\
	  "defined, but only on arches that never read the line")		\
	X("enclosing", 1u << LC_REDUNDANT_DEP, LEVEL_NOTE,			\
	  "the term repeats (or is implied by) an enclosing `if`, menu or choice dependency") \
	X("fallback", 1u << LC_DEAD_DEFAULT, LEVEL_NOTE,			\
	  "an unconditional last default after conditional ones that cover every case, " \
	  "or a `default n`, which changes nothing") \
	X("implied", 1u << LC_REDUNDANT_DEP, LEVEL_NOTE,			\
	  "implied through a chain of other entries' dependencies: documentation") \
	X("int-condition", LC_DEAD_PROPS, LEVEL_NOTE,				\
	  "its condition reads an int, hex or string symbol, which int-as-condition reports") \
	X("module-only", LC_DEAD_PROPS | 1u << LC_DEAD_SYMBOL, LEVEL_NOTE,	\
	  "never y by design: `depends on m`, or on a symbol that is never y") \
	X("never", LC_DEAD_PROPS, LEVEL_WARNING,				\
	  "its condition never holds while the entry's dependencies do")	\
	X("never-m", 1u << LC_DEAD_SYMBOL, LEVEL_NOTE,				\
	  "never m: a tristate helper with no prompt, set by bool symbols only") \
	X("not-tristate", 1u << LC_UNDEF_CONFIG_REF, LEVEL_WARNING,		\
	  "IS_MODULE(CONFIG_X) or CONFIG_X_MODULE of a symbol that is not tristate on any " \
	  "arch: never true") \
	X("partial", 1u << LC_REDUNDANT_DEP, LEVEL_NOTE,			\
	  "implied only on some of the arches that read the line")		\
	X("shadowed", 1u << LC_DEAD_DEFAULT, LEVEL_WARNING,			\
	  "an earlier default always applies first")				\
	X("toolchain-dependent", 1u << LC_UNMET_SELECT, LEVEL_NOTE,		\
	  "it holds only if $(shell,...) probes give answers (a flag accepted, another " \
	  "refused) that no real toolchain may give together") \
	X("transitional", 1u << LC_UNDEF_CONFIG_REF, LEVEL_WARNING,		\
	  "the symbol is transitional on every arch that defines it: never written, so " \
	  "never in autoconf.h") \
	X("unreachable", 1u << LC_DEAD_SYMBOL, LEVEL_WARNING,			\
	  "nothing in the tree can set it (or give it that value), for no stated reason")

struct lint_class_info {
	const char *name;
	unsigned checks;		/* a bit per enum lint_check */
	enum finding_level level;
	const char *summary;
};
extern const struct lint_class_info lint_classes[];
extern const size_t lint_nclasses;
/* The severity of a finding of check c in class cls (NULL: none): the
 * class's, else the check's. */
enum finding_level lint_class_level(enum lint_check c, const char *cls);

/* -1 if no check has that name. */
int lint_check_by_name(const char *name);
/* The docs of the checks in enabled (SARIF's rules), in table order, into
 * out (LC_COUNT entries); returns how many. */
size_t lint_check_docs(unsigned enabled, struct check_doc *out);

struct lint_options {
	unsigned enabled;		/* bit per enum lint_check */
	const char *witness_dir;	/* unmet-select witnesses, or NULL */
	/* Only the entries of these symbols (sorted names; NULL: every
	 * entry), and whether the selects of them elsewhere can be unmet, on
	 * a lazily encoded model: what a patch can change.  Not copied. */
	char **focus;
	size_t nfocus;
	/* Answer every round 1 question on the whole arch's model, without
	 * cone models: slower, for tests that cross-check the two. */
	bool whole_model;
	/* Processes round 1 may add beside an arch's job (util/helper.h): 1
	 * lets a helper share the arch's cover, for a core --jobs would leave
	 * idle.  lint_run() sets it (1 when --jobs is more than the arches it
	 * loads, else 0); callers of lint_tree_facts() set it themselves
	 * (diff and patch leave it 0).  The findings never depend on it. */
	int spare;
};

struct lint;

/* A run with these options (copied, but not the focus names). */
struct lint *lint_new(const struct lint_options *o);
void lint_free(struct lint *L);

/* Both rounds and the merge on every arch of c: fs gets the sorted
 * findings.  Returns EXIT_OK, or EXIT_ERROR after a diagnostic. */
int lint_run(struct lint *L, const struct load_config *c, struct findings *fs);

/* For callers that load the trees themselves (kcsat diff and patch load
 * both trees of an arch in one job): round 1 on tree t of arch (NULL for
 * a plain tree), its facts appended to facts (records to hand back to
 * lint_add_facts, through a job result if need be); false when a witness
 * could not be written (after the diagnostic)... */
bool lint_tree_facts(const struct lint *L, struct kctree *t, const char *arch,
		     struct strbuf *facts);
/* ...the facts of arch i of c (the text is copied)... */
void lint_add_facts(struct lint *L, size_t i, const char *facts);
/* ...and their merge into fs (no evidence round); returns EXIT_OK, or
 * EXIT_ERROR after a diagnostic for malformed facts. */
int lint_merge_facts(struct lint *L, const struct load_config *c, struct findings *fs);

/* CPU time of the jobs, per check (kcsat lint --times). */
void lint_print_times(const struct lint *L, FILE *out);
/* The line that ends every kcsat lint run: findings by severity and check,
 * the arches (of how many the tree has), the time, e.g.
 *   kcsat lint: 2 warnings (dead-symbol 1, undefined-symbol 1), 1 note
 *   (redundant-dependency 1) on 1 of 3 arches (x86) in 0.1 s
 * (one line), with the wall time of lint_run(). */
void lint_print_summary(const struct lint *L, const struct load_config *c,
			const struct findings *fs, FILE *out);

#endif
