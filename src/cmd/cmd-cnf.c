/* kcsat cnf: the model of one arch in DIMACS, for other solvers, with the
 * symbol map and the Kconfig line of every selector as comments. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "cmd/cli.h"
#include "cmd/cmd.h"
#include "sat/cnf.h"
#include "util/diag.h"
#include "sat/model.h"
#include "sat/query.h"
#include "util/outfile.h"
#include "util/vec.h"

static const char usage[] =
	"usage: kcsat cnf [--tree DIR] [--arch A] [--selectors] [--shell=off|run]\n"
	"                 [-o FILE]\n"
	"\n"
	"Writes the arch's whole model as DIMACS CNF.  Comment lines map variables\n"
	"to symbol values (\"c var 17 FOO=y\", \"FOO>=m\" for tristates, \"BAR=\\\"4\\\"\")\n"
	"and, with --selectors, selector variables to Kconfig lines (\"c sel 9\n"
	"depends on drivers/pci/Kconfig:178\"); the selectors are then asserted by\n"
	"unit clauses at the end, so the CNF is the plain model until you drop them.\n"
	"Variable 1 is the constant true.\n";

int cmd_cnf(int argc, char **argv)
{
	static const struct option longopts[] = {
		CLI_TREE_OPTIONS,
		{ "selectors", no_argument, NULL, 's' },
		{ "output", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 },
	};
	struct tree_opts o;
	int done;
	bool selectors = false;
	const char *out = NULL;
	struct kctree *t;
	struct model *m;
	FILE *f = stdout;
	struct outfile of;
	bool ok;
	int c;

	cli_tree_opts_init(&o);
	optind = 1;
	while ((c = cli_next_option(&o, argc, argv, "o:", longopts, usage, &done)) != -1) {
		if (c == 's')
			selectors = true;
		else if (c == 'o')
			out = optarg;
		else
			return cli_usage_error(usage);
	}
	if (done >= 0)
		return done;
	if (!cli_no_operands(argc, argv, "cnf"))
		return EXIT_ERROR;
	if (!cli_resolve_arches(&o))
		return EXIT_ERROR;
	if (o.load.arches.n > 1) {
		diag_fatal("cnf writes one arch at a time (--arch NAME)");
		cli_tree_opts_release(&o);
		return EXIT_ERROR;
	}
	t = kctree_load_arch(&o.load, 0);
	if (!t) {
		cli_tree_opts_release(&o);
		return EXIT_ERROR;
	}
	m = model_build(t, selectors, false);
	model_name_vars(m);
	ok = !out || outfile_open(&of, out);
	if (ok) {
		intvec units = { 0 };
		struct cnf *cnf = model_cnf(m);

		if (out)
			f = of.f;
		for (size_t i = 0; i < cnf_nselectors(cnf); i++)
			vec_push(units, cnf_selector_at(cnf, i)->var);
		cnf_write_dimacs(cnf, f, units.v, units.n);
		vec_release(units);
		if (out)
			ok = outfile_commit(&of);
	}
	model_free(m);
	kctree_free(t);
	cli_tree_opts_release(&o);
	return ok ? EXIT_OK : EXIT_ERROR;
}
