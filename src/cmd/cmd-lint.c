/* kcsat lint: semantic checks of a whole tree on every arch, each finding
 * as `file:line: warning: message [check]` with its evidence. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cli.h"
#include "cmd/cmd.h"
#include "util/diag.h"
#include "check/findings.h"
#include "check/lint.h"

static const char usage[] =
	"usage: kcsat lint [--tree DIR] [--arch A|all] [-W CHECK] [-Wno-CHECK]\n"
	"                  [--format text|json|sarif|github] [--baseline FILE]\n"
	"                  [--witness-dir DIR] [--jobs N] [--times] [--shell=off|run]\n"
	"\n"
	"Checks every Kconfig line of the tree on every arch (default: all of them\n"
	"for a kernel tree) and prints each finding as `file:line: warning: ...\n"
	"[check]` with its evidence: a witness or a chain of lines.  A line is\n"
	"dead when no arch that reads it gives it an effect.  -W CHECK enables a\n"
	"check, -Wno-CHECK disables one, -Wall and -Wno-all all of them; a\n"
	"`# kcsat: disable=CHECK[,CHECK]` comment in an entry silences it there.\n"
	"select-visible is off unless asked for (-Wselect-visible or -Wall).\n"
	"--witness-dir writes a .config per unmet-select finding and arch.\n"
	"Checks: bitness-only, dead-default, dead-prompt, dead-select, dead-symbol,\n"
	"recursive-dependency, redundant-dependency, select-nonbool, select-visible,\n"
	"undefined-symbol, unmet-select (see kcsat(1), LINT CHECKS).\n"
	"Exit status: 0 no warnings (notes allowed), 1 warnings, 2 error.\n";

/* -W CHECK, -Wno-CHECK, -Wall, -Wno-all */
bool lint_w_option(const char *arg, unsigned *enabled)
{
	bool no = !strncmp(arg, "no-", 3);
	const char *name = no ? arg + 3 : arg;
	int c;

	if (!strcmp(name, "all")) {
		*enabled = no ? 0 : (1u << LC_COUNT) - 1;
		return true;
	}
	c = lint_check_by_name(name);
	if (c < 0) {
		diag_fatal("unknown check '%s' (see 'kcsat help lint')", name);
		return false;
	}
	if (no)
		*enabled &= ~(1u << c);
	else
		*enabled |= 1u << c;
	return true;
}

bool lint_format_option(const char *arg, enum findings_format *fmt)
{
	static const char *const names[] = { "text", "json", "sarif", "github" };

	for (int i = 0; i < 4; i++)
		if (!strcmp(arg, names[i])) {
			*fmt = (enum findings_format)i;
			return true;
		}
	diag_fatal("unknown format '%s' (text, json, sarif or github)", arg);
	return false;
}

void lint_print_times(const struct lint_run *L)
{
	fprintf(stderr, "kcsat lint: load %.0f ms, encode %.0f ms (all arches, CPU time of the jobs)\n",
		L->load_ms, L->encode_ms);
	fprintf(stderr, "kcsat lint: %-22s %8.0f ms  (dead-*, redundant-dependency, select-visible, bitness-only)\n",
		"one shared cover", L->ms[LC_COUNT]);
	fprintf(stderr, "kcsat lint: answers from random solutions of whole arches %.0f ms, from cone models %.0f ms\n",
		L->sample_ms, L->cone_ms);
	fprintf(stderr, "kcsat lint: %-22s %8s %8s\n", "check", "answers", "evidence");
	for (int c = 0; c < LC_COUNT; c++)
		if (L->ms[c] > 0 || L->evidence_ms[c] > 0)
			fprintf(stderr, "kcsat lint: %-22s %8.0f %8.0f ms\n", lint_checks[c].name, L->ms[c],
				L->evidence_ms[c]);
}

int cmd_lint(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "baseline", required_argument, NULL, 'b' },
		{ "witness-dir", required_argument, NULL, 'w' },
		{ "times", no_argument, NULL, 't' },
		CLI_TREE_OPTIONS,
		{ NULL, 0, NULL, 0 },
	};
	struct tree_opts o;
	struct lint_run L = { .enabled = LINT_DEFAULT_CHECKS };
	struct findings fs = { 0 };
	enum findings_format fmt = FF_TEXT;
	const char *baseline = NULL;
	bool times = false;
	int c, done, rc;

	cli_tree_opts_init(&o);
	o.load.keep_cycles = true;
	o.all_arches = true;
	optind = 1;
	while ((c = cli_next_option(&o, argc, argv, "W:", longopts, usage, &done)) != -1) {
		switch (c) {
		case 'W':
			if (!lint_w_option(optarg, &L.enabled))
				return EXIT_ERROR;
			continue;
		case 'f':
			if (!lint_format_option(optarg, &fmt))
				return EXIT_ERROR;
			continue;
		case 'b':
			baseline = optarg;
			continue;
		case 'w':
			L.witness_dir = optarg;
			continue;
		case 't':
			times = true;
			continue;
		}
		return cli_usage_error(usage);
	}
	if (done >= 0)
		return done;
	if (!cli_no_operands(argc, argv, "lint"))
		return EXIT_ERROR;
	if (!cli_resolve_arches(&o))
		return EXIT_ERROR;
	rc = lint_tree(&o.load, &L, &fs);
	if (rc == EXIT_OK && baseline && findings_apply_baseline(&fs, baseline) < 0)
		rc = EXIT_ERROR;
	if (rc == EXIT_OK) {
		findings_print(stdout, &fs, fmt, lint_checks, LC_COUNT, o.load.srctree);
		if (times)
			lint_print_times(&L);
		rc = findings_count(&fs, LEVEL_WARNING) ? EXIT_NO : EXIT_OK;
	}
	findings_release(&fs);
	lint_run_release(&L);
	cli_tree_opts_release(&o);
	return rc;
}
