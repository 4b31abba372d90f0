/* kcsat diff OLD NEW [SYM...]: what changed in the configuration space
 * between two trees (two kernel versions, or a tree and its edited copy),
 * per arch and bitness, for the symbols whose definitions differ or those
 * named (delta.c). */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cli.h"
#include "cmd/cmd.h"
#include "check/delta.h"
#include "util/diag.h"
#include "check/lint.h"
#include "cmd/lintopt.h"
#include "util/vec.h"
#include "util/xalloc.h"

static const char usage[] =
	"usage: kcsat diff OLD_TREE NEW_TREE [SYM...] [--arch A|all] [-W CHECK]\n"
	"                  [--format text|json] [--jobs N] [--shell=off|run]\n"
	"\n"
	"Compares two trees per arch and bitness (default: every arch both have):\n"
	"the values the symbols whose definitions differ (or the SYMs named) can\n"
	"take, what their values silently require, and the lint findings on their\n"
	"entries that appear or go away.  -W CHECK / -Wno-CHECK choose the lint\n"
	"checks compared (see kcsat lint).\n";

/* Keep the arches both trees have, in n's order, and give o the same list
 * (the jobs index both by position). */
static void common_arches(struct tree_opts *o, struct tree_opts *n)
{
	size_t k = 0;

	for (size_t i = 0; i < n->load.arches.n; i++) {
		bool both = false;

		for (size_t j = 0; j < o->load.arches.n && !both; j++)
			both = !strcmp(o->load.arches.v[j], n->load.arches.v[i]);
		if (both) {
			n->load.arches.v[k++] = n->load.arches.v[i];
			continue;
		}
		diag_note((struct loc){ 0, 0 }, "diff: arch %s is only in %s: skipped", n->load.arches.v[i],
			  n->load.srctree);
		free(n->load.arches.v[i]);
	}
	n->load.arches.n = k;
	strvec_free_all(&o->load.arches);
	o->load.arches.v = xcalloc(k + 1, sizeof(char *));
	for (size_t i = 0; i < k; i++)
		o->load.arches.v[i] = xstrdup(n->load.arches.v[i]);
	o->load.arches.n = k;
}

int cmd_diff(int argc, char **argv)
{
	static const struct option longopts[] = {
		CLI_TREE_OPTIONS,
		{ NULL, 0, NULL, 0 },
	};
	struct tree_opts o, n;
	struct delta d = { .lint = LINT_DEFAULT_CHECKS };
	int c, done, rc = EXIT_ERROR;
	bool wseen = false;

	cli_tree_opts_init(&n);
	n.load.keep_cycles = true;
	n.all_arches = true;
	optind = 1;
	while ((c = cli_next_option(&n, argc, argv, "W:", longopts, usage, &done)) != -1) {
		if (c == 'W') {
			if (!lintopt_w(optarg, &d.lint, &wseen))
				return EXIT_ERROR;
			continue;
		}
		return cli_usage_error(usage);
	}
	if (done >= 0)
		return done;
	if (argc - optind < 2)
		return cli_usage_error(usage);
	if (n.load.srctree) {
		diag_fatal("diff takes the trees as arguments, not --tree");
		return EXIT_ERROR;
	}
	o = n;
	o.load.srctree = argv[optind];
	n.load.srctree = argv[optind + 1];
	if (argc - optind > 2) {
		d.only = argv + optind + 2;
		d.nonly = (size_t)(argc - optind - 2);
		qsort(d.only, d.nonly, sizeof(char *), strp_cmp);
	}
	if (!cli_resolve_arches(&o)) {
		cli_tree_opts_release(&o);
		return EXIT_ERROR;
	}
	if (cli_resolve_arches(&n)) {
		if ((o.load.arches.n == 0) != (n.load.arches.n == 0)) {
			diag_fatal("'%s' and '%s' are not both kernel trees (arch/)", o.load.srctree, n.load.srctree);
		} else {
			common_arches(&o, &n);
			d.old = &o.load;
			d.new = &n.load;
			d.json = n.format == FMT_JSON;
			rc = delta_report(&d, stdout);
			delta_release(&d);
		}
	}
	cli_tree_opts_release(&o);
	cli_tree_opts_release(&n);
	return rc;
}
