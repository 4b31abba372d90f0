/* kcsat patch FILE.patch: what a Kconfig patch does to the configuration
 * space on every arch, before it is sent.  The patch is applied in memory
 * (patch.c); delta.c compares the trees before and after. */
#include <getopt.h>
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cli.h"
#include "cmd/cmd.h"
#include "check/delta.h"
#include "util/diag.h"
#include "check/lint.h"
#include "cmd/lintopt.h"
#include "check/patch.h"
#include "util/srccache.h"

static const char usage[] =
	"usage: kcsat patch FILE.patch [--tree DIR] [--arch A|all] [-p N] [-W CHECK]\n"
	"                   [--format text|json] [--jobs N] [--shell=off|run]\n"
	"\n"
	"Applies the Kconfig files of a unified diff (git diff, git format-patch,\n"
	"diff -u) to the tree in memory (nothing is written) and reports, per arch\n"
	"and bitness (default: every arch), what the patch changes: the values the\n"
	"changed symbols (and what depends on them) can take, what their values\n"
	"silently require, and the lint findings on their entries that the patch\n"
	"adds or fixes, unmet selects included.  -p N strips N leading path\n"
	"components (default 1, as git apply); -W CHECK / -Wno-CHECK choose the\n"
	"lint checks compared (see kcsat lint).\n";

/* Whether a tree of o reads one of p's files whose name lacks "Kconfig"
 * (none in Linux, but `source` takes any name): only then can a patch that
 * changes no Kconfig file change the space.  A tree that fails to load
 * counts as reading them, so the full comparison reports why. */
static bool sources_any(const struct load_config *o, const struct patch *p)
{
	size_t n = load_config_count(o);
	bool any = false, other = false;

	for (size_t k = 0; k < patch_nfiles(p); k++)
		other |= !patch_file(p, k)->kconfig;
	for (size_t i = 0; i < n && other && !any; i++) {
		struct kctree *t = kctree_load_arch(o, i);

		any = !t;
		for (size_t j = 0; t && j < t->files.n && !any; j++)
			for (size_t k = 0; k < patch_nfiles(p) && !any; k++) {
				const struct patch_file *f = patch_file(p, k);
				const char *r = t->files.v[j];

				while (r[0] == '.' && r[1] == '/')
					r += 2;
				any = !f->kconfig && f->old_path && !strcmp(f->old_path, r);
			}
		kctree_free(t);
	}
	return any;
}

int cmd_patch(int argc, char **argv)
{
	static const struct option longopts[] = {
		CLI_TREE_OPTIONS,
		{ NULL, 0, NULL, 0 },
	};
	struct tree_opts o, n;
	struct delta d = { .lint = LINT_DEFAULT_CHECKS };
	struct patch *p = NULL;
	struct patch_stats st = { 0 };
	int c, done, rc = EXIT_ERROR, strip = 1;
	bool wseen = false;
	char *text = NULL;

	cli_tree_opts_init(&o);
	o.load.keep_cycles = true;
	o.all_arches = true;
	optind = 1;
	while ((c = cli_next_option(&o, argc, argv, "p:W:", longopts, usage, &done)) != -1) {
		switch (c) {
		case 'p':
			if (!cli_strip_option(optarg, &strip))
				return EXIT_ERROR;
			continue;
		case 'W':
			if (!lintopt_w(optarg, &d.lint, &wseen))
				return EXIT_ERROR;
			continue;
		}
		return cli_usage_error(usage);
	}
	if (done >= 0)
		return done;
	if ((rc = cli_patch_operand(argc, argv, "patch", usage, strip, &text, &p)) != EXIT_OK)
		goto out;
	rc = EXIT_ERROR;
	if (!cli_resolve_arches(&o))
		goto out;
	n = o;
	n.load.cache = srccache_new();
	if (patch_apply(p, o.load.srctree, n.load.cache, &st)) {
		if (o.format == FMT_TEXT)
			printf("%s: %zu Kconfig file%s patched in memory (%zu hunk%s), %zu other file%s skipped\n",
			       argv[optind], st.files_patched, st.files_patched == 1 ? "" : "s", st.hunks,
			       st.hunks == 1 ? "" : "s", st.files_other + st.files_skipped,
			       st.files_other + st.files_skipped == 1 ? "" : "s");
		d.old = &o.load;
		d.new = &n.load;
		d.json = o.format == FMT_JSON;
		if (!st.files_patched && !sources_any(&o.load, p)) {	/* nothing the configuration reads */
			size_t na = o.load.arches.n ? o.load.arches.n : 1;

			if (o.format == FMT_TEXT)
				printf("no change in the configuration space on any of %zu arch%s\n", na,
				       na == 1 ? "" : "es");
			else
				delta_print_empty_json(stdout, na);
			rc = EXIT_OK;
		} else {
			rc = delta_report(&d, stdout);
			delta_release(&d);
		}
	}
	srccache_free(n.load.cache);
out:
	patch_free(p);
	free(text);
	cli_tree_opts_release(&o);
	return rc;
}
