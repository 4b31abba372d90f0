/* kcsat: answer questions about the Linux kernel's configuration space.
 * The pipeline: lex -> preprocess -> parse -> menu/symbols (front-end),
 * then one subcommand from the table below. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/rules.h"
#include "cmd/cmd.h"
#include "kconfig/dialect.h"
#include "sat/sat.h"
#include "util/cleanup.h"
#include "util/diag.h"
#include "util/textout.h"

/* MUST stay sorted by name: looked up with bsearch (tests check it).  A
 * row: name, function, summary, its exit statuses 0 to 2, whether it can
 * exit 3 (a solve of it ran out of --sat-budget). */
const struct command commands[] = {
	{ "check", cmd_check, "CI gate: lint and YAML rules, with a baseline; exit 1 on new findings",
	  "0 no finding outside the baseline, 1 findings, 2 error", true },
	{ "cnf", cmd_cnf, "write an arch's model as DIMACS CNF with a symbol map",
	  "0, or 2 on error", false },
	{ "complete", cmd_complete, "shell completion: the candidates for a command line's last word",
	  "0, or 2 on bad usage", false },
	{ "cover", cmd_cover, "which configurations compile each hunk of a patch, per arch and bitness",
	  "0 if every hunk is compiled somewhere, 1 if one is dead code, 2 on error", true },
	{ "diff", cmd_diff, "what changed between two trees, per arch and bitness",
	  "0, 1 if NEW adds lint warnings, 2 on error", true },
	{ "dump", cmd_dump, "print every symbol of a tree with its dependencies",
	  "0, or 2 on error", false },
	{ "help", cmd_help, "show usage, or a command's usage",
	  "0, or 2 for an unknown COMMAND", false },
	{ "implies", cmd_implies, "what a symbol's value silently requires; redundant depends",
	  "0, 1 if SYM can have the value nowhere (with --config: no configuration gives SYM the "
	  "other value), 2 on error", true },
	{ "lint", cmd_lint, "semantic checks of a whole tree on every arch, with evidence",
	  "0 no warnings (notes allowed), 1 warnings, 2 error", true },
	{ "matrix", cmd_matrix, "the values symbols can take, per arch and bitness",
	  "0, or 2 on error", true },
	{ "patch", cmd_patch, "what a Kconfig patch changes on every arch, before sending it",
	  "0, 1 if the patch adds lint warnings, 2 on error (a patch that does not apply included)",
	  true },
	{ "sat", cmd_sat, "can an expression hold? per arch and bitness, with a witness",
	  "0 if every EXPR can hold somewhere, 1 if one cannot, 2 on error", true },
	{ "show", cmd_show, "what menuconfig's help says of a symbol, with a .config's values",
	  "0 if SYM is defined on an arch asked for, 2 if not", false },
	{ "verify", cmd_verify, "the settings olddefconfig changes in a .config or fragment, and why",
	  "0 if every file is consistent, 1 if one is not, 2 on error", true },
	{ "version", cmd_version, "print kcsat's version",
	  "0", false },
	{ "why", cmd_why, "why a symbol can have a value: the chain of lines, a witness",
	  "0 if SYM can have the value somewhere (with --config: has it in FILE), 1 if nowhere "
	  "(has not), 2 on error", true },
	{ "why-not", cmd_whynot, "the Kconfig lines that keep a symbol from a value",
	  "0 if SYM is blocked in every case (with --config: does not have the value in FILE), "
	  "1 if it is reachable somewhere (has it), 2 on error", true },
};
const unsigned ncommands = sizeof(commands) / sizeof(commands[0]);

static int cmdcmp(const void *key, const void *elem)
{
	return strcmp(key, ((const struct command *)elem)->name);
}

int cmd_version(int argc, char **argv)
{
	if (argc > 1 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
		cmd_print_usage(stdout, "usage: kcsat version\n"
				"\n"
				"Prints kcsat's version, the SAT solver and libyaml it is linked with,\n"
				"and the Kconfig dialect rules it knows (see kcsat(1), KCONFIG DIALECTS).\n");
		return EXIT_OK;
	}
	printf("kcsat %s\n", KCSAT_VERSION);
	printf("linked with %s and %s\n", sat_solver_version(), rules_yaml_version());
	dialect_print(stdout);
	return EXIT_OK;
}

int main(int argc, char **argv)
{
	const struct command *c;
	int rc;

	char help[] = "help", version[] = "version";

	cleanup_install();	/* temporaries removed, workers killed on ^C */
	textout_install();	/* no raw control byte of a tree on stdout */
	if (argc < 2) {
		cmd_usage(stderr);
		return EXIT_ERROR;
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))
		argv[1] = help;
	else if (!strcmp(argv[1], "--version"))
		argv[1] = version;
	c = bsearch(argv[1], commands, ncommands, sizeof(commands[0]), cmdcmp);
	if (!c) {
		diag_fatal("unknown command '%s' (see 'kcsat help')", argv[1]);
		return EXIT_ERROR;
	}
	cmd_current = c;
	rc = c->fn(argc - 1, argv + 1);
	diag_files_release();
	if (!textout_finish() || ferror(stdout)) {
		diag_fatal("error writing output");
		rc = EXIT_ERROR;
	}
	return rc;
}
