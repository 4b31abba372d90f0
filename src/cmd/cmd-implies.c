/* kcsat implies SYM[=y|m]: the hidden dependencies of a value: every
 * symbol value forced whenever SYM has it (the backbone of the model under
 * that assumption, over the symbols SYM reaches), split into those SYM's
 * own entry writes and those that come from further away, and each of
 * SYM's own `depends on` lines that the others already imply. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cli.h"
#include "cmd/cmd.h"
#include "sat/cnf.h"
#include "util/diag.h"
#include "util/json.h"
#include "kconfig/kconfig.h"
#include "sat/model.h"
#include "sat/query.h"
#include "sat/sat.h"
#include "util/strbuf.h"
#include "util/vec.h"
#include "util/xalloc.h"

static const char usage[] =
	"usage: kcsat implies SYM[=y|m] [--tree DIR] [--arch A|all] [--bits 32|64]\n"
	"                     [--format text|json] [--shell=off|run] [--jobs N]\n"
	"\n"
	"Per arch and bitness where SYM can have the value (default: y), the\n"
	"values it forces: direct (named in SYM's own entry) and transitive; and\n"
	"each `depends on` of SYM that its other lines already imply (redundant),\n"
	"with the lines that imply it.  Ends with a summary over every case.\n"
	"Exit status: 0, or 2 on error (1 if SYM can have the value nowhere).\n";

struct implies {
	const char *arg;
	int bits;
	int cases;		/* where SYM had the value */
	bool defined, any_case;
	char suggest[128];
	strvec facts;	/* "X=v" or "redundant FILE:LINE TEXT", one per case */
};

static bool in_own_entry(const struct symbol *s, const struct symbol *x)
{
	for (const struct menu *m = s->menus; m; m = m->sym_next) {
		for (const struct dep_item *d = m->deps; d; d = d->next)
			if (expr_contains_sym(d->expr, x))
				return true;
		if (m->prompt && expr_contains_sym(m->prompt->cond, x))
			return true;
	}
	for (const struct property *p = s->props; p; p = p->sym_next)
		if ((p->type == P_SELECT || p->type == P_IMPLY) && p->target == x)
			return true;
	return false;
}

static void print_chain(FILE *out, struct json *j, const struct cnf *cnf, struct sat *S,
			const struct symbol *s, const char *indent, bool json)
{
	struct selvec chain = { 0 };

	query_core_chain(cnf, S, s, &chain);
	for (size_t k = 0; k < chain.n; k++) {
		struct strbuf t = STRBUF_INIT;

		if (json) {
			json_object(j);
			query_chain_item_json(j, chain.v[k]);
			json_end(j);
		} else {
			query_chain_item_text(&t, chain.v[k]);
			fprintf(out, "%s%s\n", indent, sb_str(&t));
		}
		sb_release(&t);
	}
	vec_release(chain);
}

static int implies_arch(const struct tree_opts *o, size_t i, void *ctx, FILE *out,
			struct strbuf *result)
{
	struct implies *im = ctx;
	const char *arch = o->load.arches.n ? o->load.arches.v[i] : "tree";
	const struct symbol *s, *x;
	struct kctree *t = kctree_load_arch(&o->load, i);
	struct model *m;
	struct sat *S;
	struct bitness b[2];
	char val;
	int nb, found, want;
	size_t j;
	symvec cand = { 0 };
	VEC(char) candv = { 0 };
	bool json = o->format == FMT_JSON;
	struct json J;

	if (!t)
		return EXIT_ERROR;
	json_init_seq(&J, out);
	found = query_symbol(t, im->arg, &s, &val, im->suggest, sizeof(im->suggest));
	if (found <= 0) {
		kctree_free(t);
		if (found < 0)
			return EXIT_ERROR;
		sb_addf(result, "undefined\t%s\n", im->suggest);
		return EXIT_OK;
	}
	sb_adds(result, "defined\n");
	if (!val)
		val = 'y';
	m = model_build(t, true, true);
	S = sat_new(model_cnf(m), true);
	want = model_sym_is(m, s, val);
	{
		struct arch_ctx a = { .arch = arch, .t = t, .m = m, .s = S };

		nb = query_bitness(&a, im->bits, b);
		if (nb)
			sb_adds(result, "bitcase\n");
		else
			cli_no_case(o, &a, im->bits, out, &J);
	}
	for (int k = 0; k < nb; k++) {
		char label[64];

		snprintf(label, sizeof(label), "%s%s%s", arch, *b[k].label ? " " : "", b[k].label);
		/* candidates: the symbols SYM's entry and dependencies name, and
		 * those it selects; encoded before the first solve */
		tree_for_each_sym(t, x, j) {
			if (x == s || !x->name || !model_has_value(m, x) || !sym_is_bool_like(x))
				continue;
			if (!expr_contains_sym(s->dir_dep, x) && !in_own_entry(s, x) &&
			    !expr_contains_sym(x->rev_dep, s))
				continue;
			model_sym_is(m, x, 'y');
			vec_push(cand, x);
		}
		sat_assume(S, b[k].lit);
		sat_assume(S, want);
		if (sat_solve(S) != SAT_SAT) {
			cand.n = 0;
			continue;
		}
		for (j = 0; j < cand.n; j++)
			vec_push(candv, model_tri_value(m, S, cand.v[j]));
		sb_adds(result, "case\n");
		if (json) {
			json_object(&J);
			json_kstring(&J, "arch", arch);
			json_kint(&J, "bits", b[k].bits);
			json_kstring(&J, "symbol", s->name);
			json_kstring(&J, "value", (char[]){ val, 0 });
		} else {
			fprintf(out, "%s: %s=%c implies\n", label, s->name, val);
		}
		{
			const struct symbol *forced[4096];
			char fval[4096];
			size_t nforced = 0;

			for (j = 0; j < cand.n; j++) {
				char v = candv.v[j];

				x = cand.v[j];
				sat_assume(S, b[k].lit);
				sat_assume(S, want);
				sat_assume(S, -model_sym_is(m, x, v));
				if (sat_solve(S) == SAT_SAT)
					continue;
				/* forced by SYM, not by the arch alone (either
				 * bitness: 64BIT=y counts where 64BIT is free) */
				sat_assume(S, -model_sym_is(m, x, v));
				if (sat_solve(S) != SAT_SAT)
					continue;
				if (nforced < 4096) {
					forced[nforced] = x;
					fval[nforced++] = v;
				}
				sb_addf(result, "fact\t%s=%c\n", x->name, v);
			}
			for (int direct = 1; direct >= 0; direct--) {
				bool any = false;

				if (json)
					json_karray(&J, direct ? "direct" : "transitive");
				else
					fprintf(out, "\t%s:", direct ? "direct" : "transitive");
				for (size_t f = 0; f < nforced; f++)
					if (in_own_entry(s, forced[f]) == direct) {
						if (json) {
							char kv[300];

							snprintf(kv, sizeof(kv), "%s=%c", forced[f]->name, fval[f]);
							json_string(&J, kv);
						} else
							fprintf(out, " %s=%c", forced[f]->name, fval[f]);
						any = true;
					}
				if (json)
					json_end(&J);
				else
					fprintf(out, "%s\n", any ? "" : " (none)");
			}
			/* the chain behind each transitive one */
			if (json)
				json_kobject(&J, "transitive_chains");
			for (size_t f = 0; f < nforced; f++) {
				if (in_own_entry(s, forced[f]))
					continue;
				sat_assume(S, b[k].lit);
				sat_assume(S, want);
				sat_assume(S, -model_sym_is(m, forced[f], fval[f]));
				if (sat_solve(S) == SAT_SAT)
					continue;	/* cannot happen: it was forced */
				if (json) {
					char kv[300];

					snprintf(kv, sizeof(kv), "%s=%c", forced[f]->name, fval[f]);
					json_karray(&J, kv);
					print_chain(out, &J, model_cnf(m), S, s, "", true);
					json_end(&J);
				} else {
					fprintf(out, "\t    %s=%c because:\n", forced[f]->name, fval[f]);
					print_chain(out, &J, model_cnf(m), S, s, "\t\t", false);
				}
			}
			if (json) {
				json_end(&J);
				json_karray(&J, "redundant");
			}
		}
		cand.n = 0;
		candv.n = 0;
		/* redundant own `depends on` lines */
		for (const struct menu *mm = s->menus; mm; mm = mm->sym_next)
			for (const struct dep_item *d = mm->deps; d; d = d->next) {
				int sel = 0, dlit;
				char l[300];

				for (size_t q = 0; q < cnf_nselectors(model_cnf(m)); q++)
					if (cnf_selector_at(model_cnf(m), q)->item == d)
						sel = cnf_selector_at(model_cnf(m), q)->var;
				if (!sel)
					continue;
				dlit = model_expr_lit(m, expr_rewrite_m(t, d->expr), false);
				/* without the line, and over both bitnesses: does
				 * SYM's value still force what the line says? */
				sat_drop_selector(S, sel);
				sat_assume(S, want);
				sat_assume(S, -dlit);
				if (sat_solve(S) == SAT_SAT)
					continue;
				{
					struct strbuf e = STRBUF_INIT;

					expr_print(&e, d->expr);
					loc_str(d->loc, l, sizeof(l));
					if (json) {
						struct strbuf lt = STRBUF_INIT;

						sb_addf(&lt, "depends on %s", sb_str(&e));
						json_object(&J);
						json_kstring(&J, "line", sb_str(&lt));
						json_kstring(&J, "loc", l);
						sb_release(&lt);
						json_karray(&J, "implied_by");
					} else {
						fprintf(out, "\tredundant: depends on %s (%s), implied by:\n",
							sb_str(&e), l);
					}
					sb_addf(result, "redundant\t%s\tdepends on %s\n", l, sb_str(&e));
					sb_release(&e);
				}
				print_chain(out, &J, model_cnf(m), S, s, "\t\t", json);
				if (json) {
					json_end(&J);
					json_end(&J);
				}
			}
		if (json) {
			json_end(&J);	/* redundant */
			json_end(&J);
		}
	}
	json_finish(&J);
	vec_release(cand);
	vec_release(candv);
	sat_free(S);
	model_free(m);
	kctree_free(t);
	return EXIT_OK;
}

static void implies_merge(void *ctx, size_t i, const char *result)
{
	struct implies *im = ctx;
	char *copy = xstrdup(result), *save = NULL;

	(void)i;
	for (char *line = strtok_r(copy, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		if (!strncmp(line, "undefined\t", 10)) {
			if (!*im->suggest)
				snprintf(im->suggest, sizeof(im->suggest), "%s", line + 10);
		} else if (!strcmp(line, "defined")) {
			im->defined = true;
		} else if (!strcmp(line, "bitcase")) {
			im->any_case = true;
		} else if (!strcmp(line, "case")) {
			im->cases++;
		} else {
			vec_push(im->facts, xstrdup(line));
		}
	}
	free(copy);
}

int cmd_implies(int argc, char **argv)
{
	struct tree_opts o;
	struct implies im = { 0 };
	struct json j;
	int rc = cli_sym_command(&o, argc, argv, usage, "implies", &im.bits, &im.arg);

	if (rc >= 0)
		return rc;
	if (o.format == FMT_JSON) {
		json_init(&j, stdout);
		json_object(&j);
		json_karray(&j, "results");
	}
	fflush(stdout);
	/* the jobs write the elements of "results", joined by commas */
	rc = cli_for_each_arch(&o, implies_arch, implies_merge, &im, o.format == FMT_JSON ? "," : NULL);
	if (o.format == FMT_JSON) {
		strvec_sort(&im.facts);
		json_end(&j);
		json_kint(&j, "cases", im.cases);
		json_karray(&j, "summary");
		for (size_t k = 0; k < im.facts.n;) {
			size_t e = k;

			while (e < im.facts.n && !strcmp(im.facts.v[e], im.facts.v[k]))
				e++;
			char *f = im.facts.v[k], *t1 = strchr(f, '\t'), *t2 = t1 ? strchr(t1 + 1, '\t') : NULL;

			json_object(&j);
			if (!strncmp(f, "fact\t", 5)) {
				json_kstring(&j, "requires", f + 5);
			} else if (t2) {
				*t2 = '\0';
				json_kstring(&j, "redundant", t2 + 1);
				json_kstring(&j, "loc", t1 + 1);
				*t2 = '\t';
			} else {
				json_kstring(&j, "fact", f);
			}
			json_kuint(&j, "cases", e - k);
			json_end(&j);
			k = e;
		}
		json_end(&j);
		json_end(&j);
		json_finish(&j);
		fputc('\n', stdout);
	} else if (rc != EXIT_ERROR && im.defined && im.cases) {
		/* the summary: how many cases each fact holds in */
		strvec_sort(&im.facts);
		printf("summary over the %d arch/bitness cases where %s is reachable:\n", im.cases, im.arg);
		for (size_t k = 0; k < im.facts.n;) {
			size_t e = k;
			char *tab = strchr(im.facts.v[k], '\t');

			while (e < im.facts.n && !strcmp(im.facts.v[e], im.facts.v[k]))
				e++;
			if (!strncmp(im.facts.v[k], "fact\t", 5))
				printf("\t%s in %zu of %d\n", tab + 1, e - k, im.cases);
			else if (tab && strchr(tab + 1, '\t')) {
				char *t2 = strchr(tab + 1, '\t');

				printf("\t%s (%.*s) redundant in %zu of %d\n", t2 + 1,
				       (int)(t2 - tab - 1), tab + 1, e - k, im.cases);
			}
			k = e;
		}
	}
	for (size_t k = 0; k < im.facts.n; k++)
		free(im.facts.v[k]);
	vec_release(im.facts);
	if (rc == EXIT_ERROR)
		;
	else if (!im.defined)
		rc = query_unknown_symbol(&o.load, im.arg, im.suggest);
	else if (!im.any_case)
		rc = cli_no_case_error(im.bits);
	else
		rc = im.cases ? EXIT_OK : EXIT_NO;
	cli_tree_opts_release(&o);
	return rc;
}
