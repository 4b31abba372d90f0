/* Options every tree-reading subcommand shares (--tree, --arch, --shell,
 * --format, --kernel) and the loop over architectures. */
#ifndef KCSAT_CLI_H
#define KCSAT_CLI_H

#include <getopt.h>
#include <stdbool.h>

#include "arch.h"
#include "kconfig.h"

enum out_format { FMT_TEXT, FMT_JSON };

struct tree_opts {
	const char *tree;		/* default: "." if it has a Kconfig */
	const char *arch_arg;		/* NULL, "all" or a comma list */
	enum shell_mode shell;
	enum out_format format;
	int kversion;
	struct arch_names arches;	/* resolved by cli_resolve_arches() */
	bool progress;			/* stderr is a terminal */
};

/* getopt_long entries for the shared options; a subcommand appends its
 * own.  The values are >= 0x100 so they never clash with short options. */
enum { OPT_TREE = 0x100, OPT_ARCH, OPT_SHELL, OPT_FORMAT, OPT_KERNEL, OPT_HELP };
#define CLI_TREE_OPTIONS						\
	{ "tree", required_argument, NULL, OPT_TREE },			\
	{ "arch", required_argument, NULL, OPT_ARCH },			\
	{ "shell", required_argument, NULL, OPT_SHELL },		\
	{ "format", required_argument, NULL, OPT_FORMAT },		\
	{ "kernel", required_argument, NULL, OPT_KERNEL },		\
	{ "help", no_argument, NULL, OPT_HELP }

void cli_tree_opts_init(struct tree_opts *o);
/* Handle one shared option; returns 1 if handled, -1 on a bad value (after
 * a diagnostic), 0 if c is not a shared option. */
int cli_tree_option(struct tree_opts *o, int c, const char *arg);
/* Fill o->arches from --arch; a tree without arch/ loads as a plain tree
 * (one pass with no arch).  Returns false after a diagnostic. */
bool cli_resolve_arches(struct tree_opts *o);
void cli_tree_opts_release(struct tree_opts *o);

/* Load arch i (NULL arch for a plain tree), with progress on a terminal. */
struct kctree *cli_load(const struct tree_opts *o, size_t i);

#endif
