/* Rules: invariants of the configuration space that a project states in
 * YAML (the *.yaml files of rules/) and kcsat check enforces on every arch and bitness.
 *
 *   - id: sg-dma-flags-needs-64bit          # [A-Za-z0-9_.-], unique
 *     description: the scatterlist DMA flag is a 64-bit feature
 *     arches: [x86]                         # optional; "all" by default
 *     implies: {symbol: NEED_SG_DMA_FLAGS, requires: [64BIT]}
 *
 * A rule has exactly one of
 *   assert: EXPR       EXPR is not n in every configuration;
 *   reachable: EXPR    some configuration has EXPR not n;
 *   implies: {symbol: EXPR, requires: [EXPR...]}
 *                      whenever symbol is not n, each of requires is not n;
 *   forbids: {symbol: EXPR, excludes: [EXPR...]}
 *                      symbol and any one of excludes are never both not n.
 * Every EXPR is a Kconfig expression (`!A || B`, `A=y`, `X >= 4`); YAML
 * reads a leading `!` as a tag, so such expressions are quoted.
 *
 * This module owns every libyaml call: loading gives each rule and
 * expression its file:line:col, or reports `file:line:col: error: ...`.
 * rules_check() (rules-check.c) evaluates a set on a tree into findings. */
#ifndef KCSAT_RULES_H
#define KCSAT_RULES_H

#include <stdbool.h>

#include "util/diag.h"
#include "util/vec.h"

struct findings;
struct load_config;

enum rule_kind { RULE_ASSERT, RULE_REACHABLE, RULE_IMPLIES, RULE_FORBIDS };

/* A YAML scalar where it was written (col is 1-based, like line). */
struct rule_text {
	char *text;
	struct loc loc;
	unsigned col;
};

struct rule_texts {
	struct rule_text *v;
	size_t n, cap;
};

struct rule {
	struct rule_text id;
	char *description;
	enum rule_kind kind;
	struct loc loc;			/* the rule's mapping */
	unsigned col;
	struct rule_texts arches;	/* empty: every arch */
	struct rule_text subject;	/* assert/reachable EXPR; symbol */
	struct rule_texts items;	/* requires / excludes */
};

struct rule_set {
	VEC(struct rule) v;
};

/* Add the rules of path: a YAML file, or a directory whose *.yaml and
 * *.yml files are read in name order.  Every expression's syntax is
 * checked here (before any tree loads).  false after diagnostics; rs then
 * keeps what loaded before the error and must still be released. */
bool rules_load(struct rule_set *rs, const char *path);
/* The linked YAML library and its version, e.g. "libyaml 0.2.5". */
const char *rules_yaml_version(void);
void rules_release(struct rule_set *rs);
const char *rule_kind_name(enum rule_kind k);
/* Does r apply to arch (NULL: a tree without arch/, where every rule does)? */
bool rule_applies(const struct rule *r, const char *arch);
/* Every arch a rule names must be one of the tree's (all, n of them);
 * false after a diagnostic at the unknown name. */
bool rules_check_arches(const struct rule_set *rs, char *const *all, size_t n);

/* Evaluate every rule on every arch of o (arch_for_each, so --jobs
 * forks); each violated rule becomes one finding (check: the rule's id,
 * file/line: where the rule is written) with the evidence of every arch
 * and bitness that breaks it: the key assignments and, when witness_dir is
 * set, a .config there (ID-ARCH[-BITS].config); for `reachable`, the chain
 * of Kconfig lines that blocks it.  A rule naming a symbol that no arch it
 * was checked on defines is an error: a typo would pass silently.
 * Returns EXIT_OK, or EXIT_ERROR after a diagnostic. */
int rules_check(const struct load_config *o, const struct rule_set *rs, const char *witness_dir,
		struct findings *fs);

#endif
