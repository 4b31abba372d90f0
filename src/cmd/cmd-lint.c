/* kcsat lint: semantic checks of a whole tree on every arch, each finding
 * as `file:line: warning: message [check]` with its evidence. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/findings.h"
#include "check/lint.h"
#include "cmd/cli.h"
#include "cmd/cmd.h"
#include "cmd/lintopt.h"
#include "util/diag.h"
#include "util/strbuf.h"

static const char usage_head[] =
	"usage: kcsat lint [--tree DIR] [--arch A|all] [-W CHECK] [-Wno-CHECK]\n"
	"                  [--format text|json|sarif|github] [--baseline FILE]\n"
	"                  [--witness-dir DIR] [--jobs N] [--times] [--shell=off|run]\n"
	"\n"
	"Checks every Kconfig line of the tree on every arch (default: all of them\n"
	"for a kernel tree) and prints each finding as `file:line: warning: ...\n"
	"[check]` with its evidence: a witness or a chain of lines.  A line is\n"
	"dead when no arch that reads it gives it an effect.  -W CHECK enables a\n"
	"check (a first -W CHECK runs only the checks named), -Wno-CHECK disables\n"
	"one, -Wall and -Wno-all all of them; a `# kcsat: disable=CHECK[,CHECK]`\n"
	"comment in an entry silences it there.  With --arch naming some arches,\n"
	"the others are read for their files and symbols only, and what no finding\n"
	"can claim of them makes a note (\"on the loaded arches\").  A summary line\n"
	"on stderr ends the run.\n";
static const char usage_witness[] =
	"--witness-dir writes a .config per unmet-select finding and arch.\n";

struct lint_cmd {
	struct tree_opts o;
	struct lint_options lo;
	enum findings_format fmt;
	const char *baseline;
	bool times;
};

static int parse(struct lint_cmd *lc, int argc, char **argv, const char *usage)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "baseline", required_argument, NULL, 'b' },
		{ "witness-dir", required_argument, NULL, 'w' },
		{ "times", no_argument, NULL, 't' },
		CLI_TREE_OPTIONS,
		{ NULL, 0, NULL, 0 },
	};
	int c, done;
	bool wseen = false;

	optind = 1;
	while ((c = cli_next_option(&lc->o, argc, argv, "W:", longopts, usage, &done)) != -1) {
		if (c == 'W' && !lintopt_w(optarg, &lc->lo.enabled, &wseen))
			return EXIT_ERROR;
		else if (c == 'f' && !lintopt_format(optarg, &lc->fmt))
			return EXIT_ERROR;
		else if (c == 'b')
			lc->baseline = optarg;
		else if (c == 'w')
			lc->lo.witness_dir = optarg;
		else if (c == 't')
			lc->times = true;
		else if (c != 'W' && c != 'f')
			return cli_usage_error(usage);
	}
	if (done >= 0)
		return done;
	if (!cli_no_operands(argc, argv, "lint") || !cli_resolve_arches(&lc->o))
		return EXIT_ERROR;
	return -1;
}

static int run(struct lint_cmd *lc)
{
	struct lint *L = lint_new(&lc->lo);
	struct findings fs = { 0 };
	struct check_doc docs[LC_COUNT];
	int rc = lintopt_witness_dir(lc->lo.witness_dir) ? lint_run(L, &lc->o.load, &fs) : EXIT_ERROR;

	if (rc == EXIT_OK && lc->baseline && findings_apply_baseline(&fs, lc->baseline) < 0)
		rc = EXIT_ERROR;
	if (rc == EXIT_OK || rc == EXIT_UNKNOWN) {
		findings_print(stdout, &fs, lc->fmt, docs, lint_check_docs(LINT_ALL_CHECKS, docs),
			       lc->o.load.srctree);
		if (lc->times)
			lint_print_times(L, stderr);
		lint_print_summary(L, &lc->o.load, &fs, stderr);
		if (rc == EXIT_OK)
			rc = findings_count(&fs, LEVEL_WARNING) ? EXIT_NO : EXIT_OK;
	}
	findings_release(&fs);
	lint_free(L);
	return rc;
}

int cmd_lint(int argc, char **argv)
{
	struct lint_cmd lc = { .lo.enabled = LINT_DEFAULT_CHECKS, .fmt = FF_TEXT };
	struct strbuf usage = STRBUF_INIT;
	int rc;

	sb_adds(&usage, usage_head);
	lintopt_usage_off(&usage);
	sb_adds(&usage, usage_witness);
	lintopt_usage_list(&usage);
	cli_tree_opts_init(&lc.o);
	lc.o.load.keep_cycles = true;
	lc.o.all_arches = true;
	rc = parse(&lc, argc, argv, sb_str(&usage));
	if (rc < 0)
		rc = run(&lc);
	cli_tree_opts_release(&lc.o);
	sb_release(&usage);
	return rc;
}
