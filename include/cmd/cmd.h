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

struct command {
	const char *name;
	int (*fn)(int argc, char **argv);
	const char *summary;
};

#include <stdbool.h>
#include <stdio.h>

extern const struct command commands[];
extern const unsigned ncommands;

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
