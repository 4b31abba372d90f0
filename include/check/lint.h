/* kcsat lint: semantic checks of a Kconfig tree on every architecture.
 *
 * Each arch is one job (arch_for_each, so --jobs forks): it loads the
 * tree, encodes one model and puts every check's question to it at once
 * with sat_cover(), then leaves its answers as facts, one text line each.
 * lint_merge() reads the facts of every arch into findings: "dead" means
 * dead on every arch that reads the line, "undefined" means defined on no
 * arch.  A second, smaller round per arch computes the evidence (chains
 * of Kconfig lines) for the findings that survive the merge. */
#ifndef KCSAT_LINT_H
#define KCSAT_LINT_H

#include <stdbool.h>
#include <stdio.h>

#include "check/findings.h"
#include "util/strbuf.h"

/* In name order; the names are stable (baselines and suppressions). */
enum lint_check {
	LC_BITNESS_ONLY, LC_DEAD_DEFAULT, LC_DEAD_PROMPT, LC_DEAD_SELECT, LC_DEAD_SYMBOL,
	LC_RECURSIVE_DEP, LC_REDUNDANT_DEP, LC_SELECT_NONBOOL, LC_SELECT_VISIBLE,
	LC_UNDEFINED_SYM, LC_UNMET_SELECT, LC_COUNT
};

extern const struct check_doc lint_checks[LC_COUNT];
/* What runs without -W options: all but select-visible, which the kernel's
 * own tree breaks thousands of times (kconfig-language.rst only advises
 * against it), so it would bury the findings a gate is for. */
#define LINT_DEFAULT_CHECKS (((1u << LC_COUNT) - 1) & ~(1u << LC_SELECT_VISIBLE))
/* -1 if no check has that name. */
int lint_check_by_name(const char *name);

struct lint_request {
	size_t arch;
	char *kind, *a, *b;
	struct finding *f;
};

struct lint_run {
	unsigned enabled;		/* bit per enum lint_check */
	const char *witness_dir;	/* unmet-select witnesses, or NULL */
	int round;			/* 1: facts, 2: evidence */
	size_t narch;
	VEC(char *) facts;		/* by arch: round 1's facts */
	VEC(struct strbuf) requests;	/* by arch: round 2's questions */
	VEC(char *) answers;		/* by arch: round 2's answers */
	VEC(struct lint_request) pending;	/* what each request is for */
	/* CPU time over all arches: round 1 per check, [LC_COUNT] the one
	 * cover the checks share; round 2 (evidence) per check */
	double ms[LC_COUNT + 1], evidence_ms[LC_COUNT];
	double load_ms, encode_ms;
	/* Answer every round 1 question on the whole arch's model, without
	 * cone models: slower, for tests that cross-check the two. */
	bool whole_model;
	/* of all round 1 answers: random solutions of whole arches, cone models */
	double sample_ms, cone_ms;
	/* Only the entries of these symbols (sorted names; NULL: every
	 * entry), and whether the selects of them elsewhere can be unmet, on a
	 * lazily encoded model: what a patch can change. */
	char **focus;
	size_t nfocus;
};

struct kctree;
struct load_config;

/* The per-arch job and its merge, for arch_for_each(). */
int lint_arch(const struct load_config *c, size_t i, void *ctx, FILE *out, struct strbuf *result);
void lint_collect(void *ctx, size_t i, const char *result);
/* Round 1 of one arch on a tree already loaded: its facts into facts. */
void lint_tree_facts(const struct lint_run *L, struct kctree *t, const char *arch,
		     struct strbuf *facts);

/* Round 1 facts -> findings, and the round 2 requests they need; after
 * round 2, lint_add_evidence() completes them. */
void lint_merge(struct lint_run *L, const struct load_config *c, struct findings *out);
void lint_add_evidence(struct lint_run *L, const struct load_config *c, struct findings *fs);
void lint_run_release(struct lint_run *L);
/* Both rounds and the merge: fs gets the sorted findings.  Returns
 * EXIT_OK, or EXIT_ERROR after a diagnostic. */
int lint_tree(const struct load_config *c, struct lint_run *L, struct findings *fs);

/* Shared with kcsat check: -W values, --format values, --times. */
bool lint_w_option(const char *arg, unsigned *enabled);
bool lint_format_option(const char *arg, enum findings_format *fmt);
void lint_print_times(const struct lint_run *L);

#endif
