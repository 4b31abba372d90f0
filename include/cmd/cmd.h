/* Subcommands.  To add one:
 *  1. write src/cmd-NAME.c with `int cmd_NAME(int argc, char **argv)`,
 *     parsing its own options with getopt_long (argv[0] is "NAME");
 *  2. declare it below;
 *  3. add a row to commands[] in main.c, keeping the table sorted;
 *  4. document it in man/kcsat.1 and tests/cli (a test checks all three).
 * Return an enum kcsat_exit value; only main() exits. */
#ifndef KCSAT_CMD_H
#define KCSAT_CMD_H

/* kcsat's version: --version, man/kcsat.1's .TH and debian/changelog say
 * the same (tests/dist/deb.sh). */
#define KCSAT_VERSION "0.1.0"

#include <stdbool.h>
#include <stdio.h>

/* A row of commands[]: `kcsat help`, a command's usage (its exit status
 * line), completion and tests/check-docs.sh (the man page) read it. */
struct command {
	const char *name;
	int (*fn)(int argc, char **argv);
	const char *summary;
	const char *exits;	/* exit statuses 0 to 2, as the usage says them */
	bool budget;		/* can exit 3: a SAT solve ran out of --sat-budget */
};

extern const struct command commands[];
extern const unsigned ncommands;
/* The command running (main(), `kcsat help NAME`, completion set it). */
extern const struct command *cmd_current;
/* usage, then the running command's exit statuses from its row. */
void cmd_print_usage(FILE *f, const char *usage);

int cmd_check(int argc, char **argv);
int cmd_cnf(int argc, char **argv);
int cmd_complete(int argc, char **argv);
int cmd_cover(int argc, char **argv);
int cmd_diff(int argc, char **argv);
int cmd_dump(int argc, char **argv);
int cmd_help(int argc, char **argv);
/* kcsat's usage: the commands and the common options (kcsat help; on
 * stderr for `kcsat` alone, which exits 2). */
void cmd_usage(FILE *f);
int cmd_implies(int argc, char **argv);
int cmd_lint(int argc, char **argv);
int cmd_matrix(int argc, char **argv);
int cmd_patch(int argc, char **argv);
int cmd_sat(int argc, char **argv);
int cmd_show(int argc, char **argv);
int cmd_verify(int argc, char **argv);
int cmd_version(int argc, char **argv);
int cmd_why(int argc, char **argv);
int cmd_whynot(int argc, char **argv);
/* why and why-not of a FILE:LINE operand (cmd-cover.c): is the line
 * compiled, per arch and bitness. */
bool cmd_is_file_line(const char *arg);
int cmd_cover_line(int argc, char **argv, bool why_not);

#endif
