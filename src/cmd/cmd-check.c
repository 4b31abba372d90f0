/* kcsat check: the CI gate.  Lint and the rules of --rules together, one
 * list of findings, filtered by a baseline; exit 1 only for findings the
 * baseline does not hold. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/findings.h"
#include "check/lint.h"
#include "check/rules.h"
#include "cmd/cli.h"
#include "cmd/cmd.h"
#include "cmd/lintopt.h"
#include "util/diag.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

static const char usage[] =
	"usage: kcsat check [--tree DIR] [--arch A|all] [--rules DIR|FILE]...\n"
	"                   [-W CHECK] [-Wno-CHECK] [--format text|json|sarif|github]\n"
	"                   [--baseline FILE] [--write-baseline FILE]\n"
	"                   [--witness-dir DIR] [--jobs N] [--times] [--shell=off|run]\n"
	"\n"
	"Runs lint (every check unless -W options say otherwise; -Wno-all for\n"
	"none) and the rules of each --rules file or directory of *.yaml files\n"
	"(see kcsat(1), RULES) on every arch, and prints the findings together:\n"
	"a violated rule as `rules.yaml:LINE: warning: ... [RULE-ID]` with its\n"
	"evidence (key values and, with --witness-dir, a .config; for reachable,\n"
	"the Kconfig lines that block it).  --baseline FILE drops the findings it\n"
	"records; --write-baseline FILE records the current ones (fingerprints\n"
	"that survive line shifts).  --format github prints workflow annotations.\n";

struct check_opts {
	struct lint_options lo;
	enum findings_format fmt;
	const char *baseline, *write_baseline;
	bool times;
	struct rule_set rules;
	bool rules_ok;
};

static int parse_options(struct check_opts *c, struct tree_opts *o, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "rules", required_argument, NULL, 'r' },
		{ "baseline", required_argument, NULL, 'b' },
		{ "write-baseline", required_argument, NULL, 'B' },
		{ "witness-dir", required_argument, NULL, 'w' },
		{ "times", no_argument, NULL, 't' },
		CLI_TREE_OPTIONS,
		{ NULL, 0, NULL, 0 },
	};
	int ch, done;
	bool wseen = false;

	optind = 1;
	while ((ch = cli_next_option(o, argc, argv, "W:", longopts, usage, &done)) != -1) {
		if (ch == 'W' && !lintopt_w(optarg, &c->lo.enabled, &wseen))
			return EXIT_ERROR;
		else if (ch == 'f' && !lintopt_format(optarg, &c->fmt))
			return EXIT_ERROR;
		else if (ch == 'r')
			c->rules_ok &= rules_load(&c->rules, optarg);
		else if (ch == 'b')
			c->baseline = optarg;
		else if (ch == 'B')
			c->write_baseline = optarg;
		else if (ch == 'w')
			c->lo.witness_dir = optarg;
		else if (ch == 't')
			c->times = true;
		else if (ch != 'W' && ch != 'f')
			return cli_usage_error(usage);
	}
	if (done >= 0)
		return done;
	if (!c->rules_ok)
		return EXIT_ERROR;
	if (!cli_no_operands(argc, argv, "check"))
		return EXIT_ERROR;
	if (!c->lo.enabled && !c->rules.v.n) {
		diag_fatal("nothing to check: no lint check enabled and no --rules");
		return EXIT_ERROR;
	}
	return -1;
}

/* SARIF's rules: the enabled lint checks, then every rule by id (helps[]
 * gets the rules' help texts, for the caller to free). */
static struct check_doc *docs(const struct check_opts *c, size_t *n, char **helps)
{
	struct check_doc *d = xcalloc(LC_COUNT + c->rules.v.n + 1, sizeof(*d));

	*n = lint_check_docs(c->lo.enabled, d);
	for (size_t i = 0; i < c->rules.v.n; i++) {
		struct strbuf h = STRBUF_INIT;

		sb_addf(&h, "kcsat(1), RULES: rule %s of the --rules files", c->rules.v.v[i].id.text);
		helps[i] = sb_detach(&h);
		d[(*n)++] = (struct check_doc){ c->rules.v.v[i].id.text, c->rules.v.v[i].description,
						helps[i] };
	}
	return d;
}

static int gate(struct check_opts *c, const struct tree_opts *o, struct lint *L,
		struct findings *fs)
{
	size_t ndocs;
	struct check_doc *d;
	char **helps;
	int known = -1;	/* findings the baseline holds back */

	if (!lintopt_witness_dir(c->lo.witness_dir))
		return EXIT_ERROR;
	if (L && lint_run(L, &o->load, fs) == EXIT_ERROR)
		return EXIT_ERROR;
	if (c->rules.v.n && rules_check(&o->load, &c->rules, c->lo.witness_dir, fs) == EXIT_ERROR)
		return EXIT_ERROR;
	findings_finish(fs);
	if (fs->unknown.n) {
		/* no findings, and no baseline, from a run with unknown answers */
		strvec unknown = fs->unknown;

		fs->unknown = (strvec){ 0 };
		findings_release(fs);
		*fs = (struct findings){ .unknown = unknown };
		strvec_sort_unique(&fs->unknown);
		findings_print(stdout, fs, c->fmt, NULL, 0, o->load.srctree);
		return EXIT_UNKNOWN;
	}
	if (c->write_baseline && !findings_write_baseline(fs, c->write_baseline))
		return EXIT_ERROR;
	if (!c->write_baseline && c->baseline && (known = findings_apply_baseline(fs, c->baseline)) < 0)
		return EXIT_ERROR;
	helps = xcalloc(c->rules.v.n + 1, sizeof(*helps));
	d = docs(c, &ndocs, helps);
	findings_print(stdout, fs, c->fmt, d, ndocs, o->load.srctree);
	free(d);
	for (size_t i = 0; i < c->rules.v.n; i++)
		free(helps[i]);
	free(helps);
	if (c->times && L)
		lint_print_times(L, stderr);
	if (known >= 0) {
		size_t nw = findings_count(fs, LEVEL_WARNING), nn = findings_count(fs, LEVEL_NOTE);

		/* what the baseline let through, and what it held back */
		fprintf(stderr, "kcsat check: %zu new warning%s, %zu new note%s; %d finding%s held "
			"back by the baseline %s\n", nw, nw == 1 ? "" : "s", nn, nn == 1 ? "" : "s", known,
			known == 1 ? "" : "s", c->baseline);
	} else {
		size_t nw = findings_count(fs, LEVEL_WARNING), nn = findings_count(fs, LEVEL_NOTE);
		size_t nr = c->rules.v.n;

		/* the gate's own summary line, as lint ends with one */
		fprintf(stderr, "kcsat check: %zu warning%s, %zu note%s from %s", nw, nw == 1 ? "" : "s",
			nn, nn == 1 ? "" : "s", L ? "lint" : "");
		if (nr)
			fprintf(stderr, "%s%zu rule%s", L ? " and " : "", nr, nr == 1 ? "" : "s");
		fputc('\n', stderr);
	}
	if (c->write_baseline)
		return EXIT_OK;
	return findings_count(fs, LEVEL_WARNING) ? EXIT_NO : EXIT_OK;
}

int cmd_check(int argc, char **argv)
{
	struct check_opts c = { .lo.enabled = LINT_DEFAULT_CHECKS, .fmt = FF_TEXT, .rules_ok = true };
	struct findings fs = { 0 };
	struct tree_opts o;
	int rc;

	cli_tree_opts_init(&o);
	o.load.keep_cycles = true;
	o.all_arches = true;
	rc = parse_options(&c, &o, argc, argv);
	if (rc < 0 && cli_resolve_arches(&o)) {
		struct lint *L = c.lo.enabled ? lint_new(&c.lo) : NULL;

		rc = gate(&c, &o, L, &fs);
		lint_free(L);
	} else if (rc < 0) {
		rc = EXIT_ERROR;
	}
	findings_release(&fs);
	rules_release(&c.rules);
	cli_tree_opts_release(&o);
	return rc;
}
