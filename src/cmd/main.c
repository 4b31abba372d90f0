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

/* MUST stay sorted by name: looked up with bsearch (tests check it). */
const struct command commands[] = {
	{ "check", cmd_check, "CI gate: lint and YAML rules, with a baseline; exit 1 on new findings" },
	{ "cnf", cmd_cnf, "write an arch's model as DIMACS CNF with a symbol map" },
	{ "complete", cmd_complete, "shell completion: the candidates for a command line's last word" },
	{ "cover", cmd_cover, "which configurations compile each hunk of a patch, per arch and bitness" },
	{ "diff", cmd_diff, "what changed between two trees, per arch and bitness" },
	{ "dump", cmd_dump, "print every symbol of a tree with its dependencies" },
	{ "help", cmd_help, "show usage, or a command's usage" },
	{ "implies", cmd_implies, "what a symbol's value silently requires; redundant depends" },
	{ "lint", cmd_lint, "semantic checks of a whole tree on every arch, with evidence" },
	{ "matrix", cmd_matrix, "the values symbols can take, per arch and bitness" },
	{ "patch", cmd_patch, "what a Kconfig patch changes on every arch, before sending it" },
	{ "sat", cmd_sat, "can an expression hold? per arch and bitness, with a witness" },
	{ "show", cmd_show, "what menuconfig's help says of a symbol, with a .config's values" },
	{ "verify", cmd_verify, "the settings olddefconfig changes in a .config or fragment, and why" },
	{ "version", cmd_version, "print kcsat's version" },
	{ "why", cmd_why, "why a symbol can have a value: the chain of lines, a witness" },
	{ "why-not", cmd_whynot, "the Kconfig lines that keep a symbol from a value" },
};
const unsigned ncommands = sizeof(commands) / sizeof(commands[0]);

static int cmdcmp(const void *key, const void *elem)
{
	return strcmp(key, ((const struct command *)elem)->name);
}

int cmd_version(int argc, char **argv)
{
	(void)argc, (void)argv;
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
	rc = c->fn(argc - 1, argv + 1);
	diag_files_release();
	if (!textout_finish() || ferror(stdout)) {
		diag_fatal("error writing output");
		rc = EXIT_ERROR;
	}
	return rc;
}
