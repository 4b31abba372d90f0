/* Options every tree-reading subcommand shares (--tree, --arch, --shell,
 * --format, --kernel) and the loop over architectures. */
#ifndef KCSAT_CLI_H
#define KCSAT_CLI_H

#include <getopt.h>
#include <stdio.h>
#include <stdbool.h>

#include "kconfig/arch.h"
#include "kconfig/kconfig.h"

enum out_format { FMT_TEXT, FMT_JSON };

struct tree_opts {
	const char *tree;		/* default: "." if it has a Kconfig */
	const char *arch_arg;		/* NULL, "all" or a comma list */
	enum shell_mode shell;
	enum out_format format;
	int kversion;
	struct arch_names arches;	/* resolved by cli_resolve_arches() */
	bool progress;			/* stderr is a terminal */
	struct srccache *cache;		/* files read once for every arch */
	int jobs;			/* processes for several arches */
	bool keep_cycles;		/* load trees with loops (lint reports them) */
	bool all_arches;		/* no --arch means every arch, not x86 */
};

/* getopt_long entries for the shared options; a subcommand appends its
 * own.  The values are >= 0x100 so they never clash with short options. */
enum { OPT_TREE = 0x100, OPT_ARCH, OPT_SHELL, OPT_FORMAT, OPT_KERNEL, OPT_HELP, OPT_JOBS };
#define CLI_TREE_OPTIONS						\
	{ "tree", required_argument, NULL, OPT_TREE },			\
	{ "arch", required_argument, NULL, OPT_ARCH },			\
	{ "shell", required_argument, NULL, OPT_SHELL },		\
	{ "format", required_argument, NULL, OPT_FORMAT },		\
	{ "kernel", required_argument, NULL, OPT_KERNEL },		\
	{ "help", no_argument, NULL, OPT_HELP },			\
	{ "jobs", required_argument, NULL, OPT_JOBS }

void cli_tree_opts_init(struct tree_opts *o);
/* Handle one shared option; returns 1 if handled, -1 on a bad value (after
 * a diagnostic), 0 if c is not a shared option. */
int cli_tree_option(struct tree_opts *o, int c, const char *arg);
/* The option loop every command shares: returns the next option that is
 * the command's own, or -1 when the options are over.  Shared options are
 * handled on the way; for --help or a bad option it sets *done to the exit
 * status the command returns at once (usage printed). */
int cli_next_option(struct tree_opts *o, int argc, char **argv, const char *shortopts,
		    const struct option *longopts, const char *usage, int *done);
/* A command's own option was bad: usage on stderr; returns EXIT_ERROR. */
int cli_usage_error(const char *usage);
/* The one SYM operand left after the options, or NULL after a diagnostic
 * naming the command (none, or more than one). */
const char *cli_one_sym(int argc, char **argv, const char *cmd);
/* No operand is left after the options; false after a diagnostic. */
bool cli_no_operands(int argc, char **argv, const char *cmd);

/* Fill o->arches from --arch; a tree without arch/ loads as a plain tree
 * (one pass with no arch).  Returns false after a diagnostic. */
bool cli_resolve_arches(struct tree_opts *o);
void cli_tree_opts_release(struct tree_opts *o);

/* Load arch i (NULL arch for a plain tree), with progress on a terminal. */
struct kctree *cli_load(const struct tree_opts *o, size_t i);

struct strbuf;
/* One arch's share of a command: print to out, leave a short result for
 * merge (results cross process boundaries as text), return an exit code. */
typedef int (*arch_job_fn)(const struct tree_opts *o, size_t i, void *ctx, FILE *out,
			   struct strbuf *result);
typedef void (*arch_merge_fn)(void *ctx, size_t i, const char *result);

/* Run job for every selected arch (once for a plain tree), in o->jobs
 * processes when there are several arches.  Output appears in arch order,
 * non-empty outputs joined by sep.  Returns the worst exit code. */
int cli_for_each_arch(const struct tree_opts *o, arch_job_fn job, arch_merge_fn merge,
		      void *ctx, const char *sep);

#endif
