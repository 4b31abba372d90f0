/* kcsat verify CONFIG...: is each full .config inside the modelled space of
 * the arch?  If not, which settings Kconfig would not keep, and why, with
 * the file:line of every line involved. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cli.h"
#include "cmd/cmd.h"
#include "sat/cnf.h"
#include "kconfig/confdata.h"
#include "util/diag.h"
#include "kconfig/eval.h"
#include "kconfig/explain.h"
#include "util/json.h"
#include "kconfig/kconfig.h"
#include "sat/model.h"
#include "sat/query.h"
#include "sat/sat.h"
#include "util/strbuf.h"
#include "util/vec.h"

static const char usage[] =
	"usage: kcsat verify CONFIG... [--tree DIR] [--arch A] [--format text|json]\n"
	"                    [--shell=off|run]\n"
	"\n"
	"Checks that each full .config (as conf writes it) is a configuration\n"
	"the kernel's Kconfig semantics can produce on the arch.  For one that is\n"
	"not, prints each setting Kconfig would change, with the lines that\n"
	"decide it: the answer to \"why did olddefconfig change my setting?\".\n"
	"Exit status: 0 if every file is consistent, 1 if one is not, 2 on error.\n";

/* The assumption literal for s's value in the config, or 0 to leave free
 * (an int/hex/string the file does not mention). */
static int value_lit(struct model *m, const struct config *c, const struct symbol *s)
{
	const struct config_entry *e = config_find(c, s->name);

	if (sym_is_bool_like(s)) {
		const char *v = e ? e->value : "n";

		return model_sym_is(m, s, !strcmp(v, "y") ? 'y' : !strcmp(v, "m") ? 'm' : 'n');
	}
	return e ? model_str_is(m, s, e->value) : 0;
}

static bool verify_one(struct arch_ctx *a, const char *path, enum out_format fmt, struct json *j, bool *unknown)
{
	struct config c;
	const struct symbol *s;
	size_t i;
	enum sat_result r;
	unsigned bad = 0;
	struct strbuf why = STRBUF_INIT;
	struct eval *ev;

	if (!config_read(path, &c))
		return false;
	model_encode_all(a->m);
	tree_for_each_sym(a->t, s, i) {
		int lit;

		if (!s->name || !model_has_value(a->m, s))
			continue;
		lit = value_lit(a->m, &c, s);
		if (lit)
			sat_assume(a->s, lit);
	}
	r = sat_solve(a->s);
	ev = eval_new_config(a->t, &c);
	/* The model is an over-approximation where int/hex/string values meet
	 * in one gap of their domain; eval.c re-checks every symbol with the
	 * real values, so the verdict is exact. */
	{
		struct strbuf tmp = STRBUF_INIT;

		tree_for_each_sym(a->t, s, i)
			if (r == SAT_SAT && s->name && model_has_value(a->m, s) &&
			    !explain_symbol(ev, &c, s, &tmp))
				r = SAT_UNSAT;
		/* out of budget: a setting the evaluator rejects still makes
		 * the verdict (it is exact); without one it is unknown */
		if (r == SAT_UNKNOWN)
			tree_for_each_sym(a->t, s, i)
				if (r == SAT_UNKNOWN && s->name && model_has_value(a->m, s) &&
				    !explain_symbol(ev, &c, s, &tmp))
					r = SAT_UNSAT;
		sb_release(&tmp);
	}
	*unknown = r == SAT_UNKNOWN;
	if (*unknown) {
		if (fmt == FMT_JSON) {
			json_object(j);
			json_kstring(j, "config", path);
			json_kstring(j, "arch", a->arch);
			json_kstring(j, "unknown", "solver budget exhausted");
			json_end(j);
		} else {
			printf("%s: unknown: solver budget exhausted (%s; see --sat-budget)\n", path,
			       a->arch ? a->arch : "tree");
		}
		eval_free(ev);
		sb_release(&why);
		config_release(&c);
		return false;
	}
	if (fmt == FMT_JSON) {
		json_object(j);
		json_kstring(j, "config", path);
		json_kstring(j, "arch", a->arch);
		json_kbool(j, "consistent", r == SAT_SAT);
		json_karray(j, "violations");
	}
	if (r != SAT_SAT) {
		tree_for_each_sym(a->t, s, i) {
			const struct config_entry *e;
			char l[300];

			if (!s->name || !model_has_value(a->m, s))
				continue;
			sb_reset(&why);
			if (explain_symbol(ev, &c, s, &why))
				continue;
			e = config_find(&c, s->name);
			if (fmt == FMT_JSON) {
				json_object(j);
				json_kstring(j, "symbol", s->name);
				json_kstring(j, "value", eval_sym_str(ev, s));
				json_kstring(j, "loc", e ? loc_str(e->loc, l, sizeof(l)) : NULL);
				json_kstring(j, "why", sb_str(&why));
				json_end(j);
			} else {
				if (e)
					printf("%s: ", loc_str(e->loc, l, sizeof(l)));
				else
					printf("%s: (not set) ", path);
				printf("CONFIG_%s=%s cannot stay:\n%s", s->name, eval_sym_str(ev, s), sb_str(&why));
			}
			bad++;
		}
		if (!bad && fmt != FMT_JSON)
			printf("%s: inconsistent with the model of %s, but no single setting explains it\n",
			       path, a->arch ? a->arch : "the tree");
	}
	if (fmt == FMT_JSON) {
		json_end(j);
		json_end(j);
	} else if (r == SAT_SAT)
		printf("%s: consistent (%s)\n", path, a->arch ? a->arch : "tree");
	eval_free(ev);
	sb_release(&why);
	config_release(&c);
	return r == SAT_SAT;
}

int cmd_verify(int argc, char **argv)
{
	static const struct option longopts[] = {
		CLI_TREE_OPTIONS,
		{ NULL, 0, NULL, 0 },
	};
	struct tree_opts o;
	int done;
	struct arch_ctx a;
	struct json j;
	int c, rc = EXIT_OK;

	cli_tree_opts_init(&o);
	optind = 1;
	if ((c = cli_next_option(&o, argc, argv, "", longopts, usage, &done)) != -1)
		return cli_usage_error(usage);	/* verify has no options of its own */
	if (done >= 0)
		return done;
	if (optind == argc) {
		diag_fatal("missing CONFIG file (see 'kcsat help verify')");
		return EXIT_ERROR;
	}
	if (!cli_resolve_arches(&o))
		return EXIT_ERROR;
	if (o.load.arches.n > 1) {
		diag_fatal("verify checks one arch at a time (--arch NAME)");
		cli_tree_opts_release(&o);
		return EXIT_ERROR;
	}
	if (!arch_ctx_open(&a, &o.load, 0)) {
		cli_tree_opts_release(&o);
		return EXIT_ERROR;
	}
	json_init(&j, stdout);
	if (o.format == FMT_JSON) {
		json_object(&j);
		json_karray(&j, "results");
	}
	for (int i = optind; i < argc; i++) {
		struct diag_scope scope = { 0 };
		bool ok, unknown = false;

		sat_renew();
		diag_scope_enter(&scope);
		ok = verify_one(&a, argv[i], o.format, &j, &unknown);
		diag_scope_leave(&scope);
		if (!ok)
			rc = scope.nerrors || rc == EXIT_ERROR ? EXIT_ERROR :
			     unknown || rc == EXIT_UNKNOWN ? EXIT_UNKNOWN : EXIT_NO;
	}
	if (o.format == FMT_JSON) {
		json_end(&j);
		json_end(&j);
		json_finish(&j);
		putchar('\n');
	}
	arch_ctx_close(&a);
	cli_tree_opts_release(&o);
	return rc;
}
