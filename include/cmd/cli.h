/* The command line's side of the library: the options every tree-reading
 * subcommand shares (--tree, --arch, --shell, --env, --format, --kernel,
 * --jobs, --sat-budget)
 * turned into the library's load configuration (struct load_config,
 * kconfig.h), and the per-arch loop as the commands see it.  Nothing in
 * the library includes this header. */
#ifndef KCSAT_CLI_H
#define KCSAT_CLI_H

#include <getopt.h>
#include <stdio.h>
#include <stdbool.h>

#include "kconfig/arch.h"
#include "kconfig/kconfig.h"
#include "util/vec.h"

enum out_format { FMT_TEXT, FMT_JSON };

struct tree_opts {
	struct load_config load;	/* what the library loads with */
	const char *arch_arg;		/* NULL, "all" or a comma list */
	enum out_format format;
	bool all_arches;		/* no --arch means every arch, not x86 */
	/* Found by cli_resolve_arches() when --tree is not given: the kernel
	 * tree above the working directory (owned), and the O= build
	 * directory the working directory is in (owned; NULL if none): its
	 * .config is the configuration of that build. */
	char *found_tree;
	char *builddir;
	char *build_config;	/* cli_build_config()'s answer */
	/* no --arch on a tree with arch/ means this one (a .config's heading),
	 * not x86 */
	const char *default_arch;
	/* The configuration a query answers for (--config FILE, or found by
	 * cli_resolve_arches() when the command wants one: the O= build
	 * directory's .config); NULL: the whole Kconfig space. */
	const char *config;
	bool config_wanted;	/* the command takes --config */
	bool config_off;	/* --no-config: not even the build directory's */
	bool config_found;	/* config is the build directory's, not given */
	char *config_arch;	/* config's heading arch (owned) */
};

/* getopt_long entries for the shared options; a subcommand appends its
 * own.  The values are >= 0x100 so they never clash with short options. */
enum { OPT_TREE = 0x100, OPT_ARCH, OPT_SHELL, OPT_FORMAT, OPT_KERNEL, OPT_HELP, OPT_JOBS,
       OPT_SAT_BUDGET, OPT_ENV, OPT_SAT_STATS };
#define CLI_TREE_OPTIONS						\
	{ "tree", required_argument, NULL, OPT_TREE },			\
	{ "arch", required_argument, NULL, OPT_ARCH },			\
	{ "shell", required_argument, NULL, OPT_SHELL },		\
	{ "format", required_argument, NULL, OPT_FORMAT },		\
	{ "kernel", required_argument, NULL, OPT_KERNEL },		\
	{ "help", no_argument, NULL, OPT_HELP },			\
	{ "jobs", required_argument, NULL, OPT_JOBS },			\
	{ "sat-budget", required_argument, NULL, OPT_SAT_BUDGET },	\
	{ "sat-stats", no_argument, NULL, OPT_SAT_STATS },		\
	{ "env", required_argument, NULL, OPT_ENV }

/* The library's defaults, with --jobs the number of CPUs and progress on
 * when stderr is a terminal. */
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
/* getopt_long entries of a command that answers for a configuration
 * (why, why-not, implies, show); cli_config_option() handles them. */
enum { OPT_CONFIG = 0x180, OPT_NO_CONFIG };
#define CLI_CONFIG_OPTIONS						\
	{ "config", required_argument, NULL, OPT_CONFIG },		\
	{ "no-config", no_argument, NULL, OPT_NO_CONFIG }
/* Handle --config FILE or --no-config (and set o->config_wanted); returns
 * 1 if c is one of them, else 0. */
int cli_config_option(struct tree_opts *o, int c, const char *arg);
/* A command's own option was bad: usage on stderr; returns EXIT_ERROR. */
int cli_usage_error(const char *usage);
/* The one SYM operand left after the options, or NULL after a diagnostic
 * naming the command (none, or more than one). */
const char *cli_one_sym(int argc, char **argv, const char *cmd);
/* No operand is left after the options; false after a diagnostic. */
bool cli_no_operands(int argc, char **argv, const char *cmd);

/* Fill o->load.arches from --arch (and the file cache); a tree without
 * arch/ loads as a plain tree (one pass with no arch).  Without --tree,
 * the tree is found as git finds its repository: the working directory or
 * the nearest directory above it that is a kernel tree (Kconfig with arch/
 * or scripts/kconfig/ beside it), or the source tree that the Makefile of
 * an O= build directory includes.  A command that wants a configuration
 * and was given none gets the O= build directory's .config (unless
 * --no-config); a configuration's heading names the arch when --arch is
 * not given, and a configuration answers for one arch only.  Returns false
 * after a diagnostic. */
bool cli_resolve_arches(struct tree_opts *o);
void cli_tree_opts_release(struct tree_opts *o);
/* The .config of the build the command runs in: BUILDDIR/.config in an O=
 * build directory, else TREE/.config; NULL if there is none (owned by o). */
const char *cli_build_config(struct tree_opts *o);

struct strbuf;
/* One arch's share of a command (arch_for_each() with the command's
 * options): print to out, leave a short result for merge. */
typedef int (*cli_job_fn)(const struct tree_opts *o, size_t i, void *ctx, FILE *out,
			  struct strbuf *result);
/* arch_for_each() for a command: job gets o.  Returns the worst exit code. */
int cli_for_each_arch(const struct tree_opts *o, cli_job_fn job, arch_merge_fn merge, void *ctx,
		      const char *sep);
/* The same with the output wrapped as {"results":[...]} in JSON (the
 * query commands; each job writes its elements with json_init_seq()). */
int cli_run_query(const struct tree_opts *o, cli_job_fn job, arch_merge_fn merge, void *ctx);
/* arch_for_each() for a command whose jobs only compute: a job prints
 * nothing to out and leaves its answers in its result, and the command
 * prints them once every arch is merged (so that an error the merged
 * answers give, such as a name no arch defines, comes before any answer
 * is printed).  An arch whose solves ran out of --sat-budget is not
 * merged: unknown (one entry per arch, filled here) holds how many ran
 * out, 0 for the others; cli_unknown_print() says so where that arch's
 * answers go.  Returns the worst exit code. */
int cli_compute_each_arch(const struct tree_opts *o, cli_job_fn job, arch_merge_fn merge, void *ctx,
			  sizevec *unknown);
struct json;
/* An arch whose answers are unknown, solves of them out of budget: the
 * line "ARCH: unknown: solver budget exhausted (N solves; see
 * --sat-budget)" on out, or with j the object {"arch", "unknown",
 * "solves"}. */
void cli_unknown_print(const char *arch, size_t solves, FILE *out, struct json *j);

/* --bits 32|64|all (all is 0); false after a diagnostic. */
bool cli_bits_option(const char *arg, int *bits);
/* -p N of patch and cover: the leading components a patch's file names
 * drop (0 to 1000); false after a diagnostic. */
bool cli_strip_option(const char *arg, int *strip);
struct patch;
/* The one PATCH operand of `kcsat cmd` (argv[optind], after the options),
 * read and parsed with strip: EXIT_OK with *text and *p set (the caller
 * frees them, free() and patch_free()), else the exit status after a
 * diagnostic or the usage message. */
int cli_patch_operand(int argc, char **argv, const char *cmd, const char *usage, int strip,
		      char **text, struct patch **p);
/* The options of a command with one option of its own, the longopts entry
 * whose value is opt: o initialised, *arg its argument ("" for a flag),
 * left alone when it is not given.  Returns -1 to go on, else the exit
 * status to return now (o released). */
int cli_own_option(struct tree_opts *o, int argc, char **argv, const struct option *longopts,
		   int opt, const char *usage, const char **arg);
/* Without --arch, the arch the heading of the .config at path names
 * ("# Linux/x86_64 6.12.0 Kernel Configuration") is o's default. */
void cli_config_arch(struct tree_opts *o, const char *path);
struct config;
struct confsim;
struct kctree;
/* The .config c against the arch it is answered for (arch: NULL for a plain
 * tree), once cs has read it: a warning at the file's heading when it names
 * another arch or kernel version, and at its 64BIT line when olddefconfig
 * gives 64BIT the other value (a 32-bit file answered as x86_64).  cause
 * (if not NULL) gets the likelier of the two in a few words ("" if
 * neither), for verify to name as the cause of its changes. */
void cli_config_check(const char *arch, const struct kctree *t, struct confsim *cs,
		      const struct config *c, struct strbuf *cause);
/* --config's simulation on one arch: olddefconfig of c on t (confsim.h),
 * checked by cli_config_check(); *label (if not NULL) the case's " 64-bit"
 * or " 32-bit" ("" without 64BIT).  The caller frees it (confsim_free). */
struct confsim *cli_config_sim(const char *arch, struct kctree *t, const struct config *c,
			       const char **label);
/* The command line of a one-symbol query with the shared options and
 * --bits (implies, why-not): o initialised, *bits and *sym set, arches
 * resolved.  Returns -1 to go on, else the exit status to return now. */
int cli_sym_command(struct tree_opts *o, int argc, char **argv, const char *usage,
		    const char *cmd, int *bits, const char **sym);

struct arch_ctx;
struct json;
/* A query's arch a where --bits (bits) selects no case: says so, as the
 * line "ARCH: no 32-bit build: REASON" or the JSON object {"arch", "bits",
 * "no_case": REASON}, so that no arch is left out silently. */
void cli_no_case(const struct tree_opts *o, struct arch_ctx *a, int bits, FILE *out,
		 struct json *j);
struct bitness;
struct model;
struct sat;
/* why-not's and implies' model of t on arch: every line behind a selector
 * (model_build(t, true, true)) and its solver, into *m and *S, the literal
 * of s having the value asked (val, str: query_want_lit()) into *want, and
 * the cases --bits (bits) selects into b[0..1]; returns their number,
 * after cli_no_case() when there is none. */
int cli_selector_cases(const struct tree_opts *o, const char *arch, struct kctree *t, int bits,
		       const struct symbol *s, char val, const char *str, struct model **m,
		       struct sat **S, int *want, struct bitness *b, FILE *out, struct json *j);
/* The same with the reason known (query_no_case_reason()'s text). */
void cli_no_case_print(const struct tree_opts *o, const char *arch, int bits, const char *why,
		       FILE *out, struct json *j);
struct sym_answer;
/* The exit status of a one-symbol query after its run (rc): the error for
 * a symbol no arch asked for defines (query_unknown_symbol()) or for a
 * --bits with no case, else if_reachable when a case reached SYM and the
 * other answer if not.  Releases o. */
int cli_sym_answer_status(struct tree_opts *o, int rc, const struct sym_answer *a,
			  int if_reachable);
struct because;
struct becausevec;
/* Why SYM has its value in the configuration (kconfig/because.h), one
 * step a line, each "SYM=V  what sets it" indented by its depth under
 * lead, and as a JSON array of {"symbol", "value", "depth", "text"}. */
void cli_because_text(FILE *out, const struct becausevec *v, const char *lead);
/* The heading line above it: "ARCHLABEL: SYM is V in CONFIG because ROOT
 * is W (what sets it)", or "(what sets it)" when SYM itself is the root. */
void cli_because_heading(FILE *out, const char *arch, const char *label, const struct symbol *s,
			 const struct becausevec *v, const struct because *root,
			 const char *config);
void cli_because_json(struct json *j, const struct becausevec *v);

/* One arch's answer about SYM in a .config (why and why-not --config):
 * the tree, SYM as asked, the file's simulation (cli_config_sim()) and
 * why SYM has its value there. */
struct config_query {
	const char *arch;	/* "tree" for a plain tree */
	struct kctree *t;
	const struct symbol *s;
	char val;		/* as asked; y for a bool or tristate if y_by_default */
	char *str;
	struct confsim *cs;
	struct becausevec *bv;
	const struct because *root;
	struct strbuf *want;	/* "SYM=y" */
	const char *label;	/* " 64-bit", " 32-bit" or "" */
};
/* Set q up for load i of o from cf: -1 to go on (q to close), else the
 * exit status to return (a symbol the arch does not define leaves
 * "undefined SUGGEST" in result; a tree older than 6.11 is an error). */
int cli_config_query_open(const struct tree_opts *o, size_t i, struct sym_answer *a,
			  const struct config *cf, bool y_by_default, struct config_query *q,
			  struct strbuf *result);
void cli_config_query_close(struct config_query *q);
/* The members both JSON answers start with, in j's open object: arch,
 * config, symbol, want, value, has, because and chain. */
void cli_config_query_json(struct json *j, const struct tree_opts *o,
			   const struct config_query *q, bool has);

/* The error for a --bits that selected no case on any arch asked for;
 * returns EXIT_ERROR. */
int cli_no_case_error(int bits);

#endif
