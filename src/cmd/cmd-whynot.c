/* kcsat why-not SYM[=y|m]: where SYM cannot take the value, the Kconfig
 * lines that prevent it: a minimal unsatisfiable core over the selector of
 * every line (sat_core()), printed as a chain from SYM
 * outwards.  Minimal: take out any one printed line and SYM can have it. */
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

static const char usage[] =
	"usage: kcsat why-not SYM[=y|m] [--tree DIR] [--arch A|all] [--bits 32|64]\n"
	"                     [--format text|json] [--shell=off|run]\n"
	"\n"
	"For each arch and bitness where SYM cannot have the value (default: any\n"
	"value but n), prints the Kconfig lines that block it, file:line each, as a\n"
	"chain from SYM outwards: a minimal set (without any one of these lines,\n"
	"the others no longer block it), then any block independent of it.  With\n"
	"one block, taking out any line makes SYM reachable.  Where SYM can have\n"
	"the value, says so (see kcsat sat).\n"
	"Exit status: 0 if SYM is blocked in every case, 1 if it is reachable\n"
	"somewhere, 2 on error.\n";

static bool in_chain(const struct selvec *chain, int var)
{
	for (size_t j = 0; j < chain->n; j++)
		if (chain->v[j]->var == var)
			return true;
	return false;
}


static int whynot_arch(const struct tree_opts *o, size_t i, void *ctx, FILE *out, struct strbuf *result)
{
	struct sym_answer *w = ctx;
	const char *arch = o->load.arches.n ? o->load.arches.v[i] : "tree";
	const struct symbol *s;
	struct kctree *t = kctree_load_arch(&o->load, i);
	struct model *m;
	struct sat *S;
	struct bitness b[2];
	char val;
	int nb, found, want;
	struct json j;

	if (!t)
		return EXIT_ERROR;
	json_init_seq(&j, out);
	found = query_symbol(t, w->arg, &s, &val, w->suggest, sizeof(w->suggest));
	if (found < 0) {
		kctree_free(t);
		return EXIT_ERROR;
	}
	if (!found) {
		sb_addf(result, "undefined %s", w->suggest);
		if (o->format == FMT_JSON) {
			json_object(&j);
			json_kstring(&j, "arch", arch);
			json_kbool(&j, "defined", false);
			json_end(&j);
		} else {
			fprintf(out, "%s: %s is not defined\n", arch, s ? s->name : w->arg);
		}
		kctree_free(t);
		return EXIT_OK;
	}
	m = model_build(t, true, true);
	S = sat_new(model_cnf(m), true);
	want = val ? model_sym_is(m, s, val) : -model_sym_is(m, s, 'n');
	{
		struct arch_ctx a = { .arch = arch, .t = t, .m = m, .s = S };

		nb = query_bitness(&a, w->bits, b);
		if (nb)
			sb_adds(result, "bitcase ");
		else
			cli_no_case(o, &a, w->bits, out, &j);
	}
	for (int k = 0; k < nb; k++) {
		const char *label = *b[k].label ? b[k].label : "";
		struct selvec core = { 0 }, chain = { 0 };
		intvec dropped = { 0 };
		VEC(bool) needed = { 0 };
		bool bits_used = false;

		sat_assume(S, b[k].lit);
		sat_assume(S, want);
		if (o->format == FMT_JSON) {
			json_object(&j);
			json_kstring(&j, "arch", arch);
			json_kint(&j, "bits", b[k].bits);
			json_kstring(&j, "symbol", s->name);
			json_kstring(&j, "value", val ? (char[]){ val, 0 } : "y|m");
		}
		if (sat_solve(S) == SAT_SAT) {
			sb_adds(result, "reachable ");
			if (o->format == FMT_JSON) {
				json_kbool(&j, "reachable", true);
				json_end(&j);
			} else {
				fprintf(out, "%s%s%s: %s%s%s is reachable (see kcsat why)\n", arch,
					*label ? " " : "", label, s->name, val ? "=" : "",
					val ? (char[]){ val, 0 } : "");
			}
			continue;
		}
		/* One minimal block, then, with its lines taken out, any other
		 * block that is independent of it (a symbol may be kept off in
		 * several ways: taking out one line undoes only its own block). */
		for (int blk = 0; blk < 4; blk++) {
			if (blk) {
				for (size_t q = 0; q < dropped.n; q++)
					sat_drop_selector(S, dropped.v[q]);
				sat_assume(S, b[k].lit);
				sat_assume(S, want);
				if (sat_solve(S) == SAT_SAT)
					break;
			}
			core.n = chain.n = 0;
			bits_used = false;
			for (const int *c = sat_core(S, true); *c; c++) {
				const struct selector *sel = cnf_selector_of(model_cnf(m), *c);

				if (sel) {
					vec_push(core, sel);
					vec_push(dropped, sel->var);
				} else if (*c == b[k].lit && b[k].bits) {
					bits_used = true;
				}
			}
			query_order_chain(s, &core, &chain);
			/* is each line needed alone?  Take it out of the tree (and
			 * the blocks before) and see whether SYM stays blocked */
			needed.n = 0;
			for (size_t ci = 0; ci < chain.n; ci++) {
				for (size_t q = 0; q < dropped.n; q++)
					if (dropped.v[q] != chain.v[ci]->var && !in_chain(&chain, dropped.v[q]))
						sat_drop_selector(S, dropped.v[q]);
				sat_drop_selector(S, chain.v[ci]->var);
				sat_assume(S, b[k].lit);
				sat_assume(S, want);
				vec_push(needed, sat_solve(S) == SAT_SAT);
			}
			if (o->format == FMT_JSON) {
				/* the first block in the case's object, the others in "also" */
				if (blk)
					json_object(&j);
				else
					json_kbool(&j, "reachable", false);
				json_karray(&j, "chain");
				for (size_t q = 0; q < chain.n; q++) {
					json_object(&j);
					query_chain_item_json(&j, chain.v[q]);
					json_kbool(&j, "needed_alone", q < needed.n && needed.v[q]);
					json_end(&j);
				}
				json_end(&j);
				json_kstring(&j, "assumes", bits_used ? (b[k].bits == 64 ? "64BIT=y" : "64BIT=n") : NULL);
				if (blk)
					json_end(&j);
				else
					json_karray(&j, "also");
			} else {
				if (!blk)
					fprintf(out, "%s%s%s: %s%s%s is blocked by:\n", arch, *label ? " " : "", label,
						s->name, val ? "=" : "", val ? (char[]){ val, 0 } : "");
				else
					fprintf(out, "    and, independently, by:\n");
				for (size_t ci = 0; ci < chain.n; ci++) {
					struct strbuf t2 = STRBUF_INIT;

					query_chain_item_text(&t2, chain.v[ci]);
					fprintf(out, "\t%s%s\n", sb_str(&t2),
						ci < needed.n && !needed.v[ci] ? "  [not alone: blocked without it too]" : "");
					sb_release(&t2);
				}
				if (bits_used)
					fprintf(out, "\twith 64BIT=%c\n", b[k].bits == 64 ? 'y' : 'n');
				if (!chain.n && !bits_used)
					fprintf(out, "\t(no line: the value is outside the symbol's type)\n");
			}
			if (!core.n)
				break;	/* nothing left to take out */
		}
		if (o->format == FMT_JSON) {
			json_end(&j);	/* also */
			json_end(&j);
		}
		dropped.n = 0;
		vec_release(core);
		vec_release(chain);
		vec_release(dropped);
		vec_release(needed);
	}
	json_finish(&j);
	sat_free(S);
	model_free(m);
	kctree_free(t);
	return EXIT_OK;
}

int cmd_whynot(int argc, char **argv)
{
	struct tree_opts o;
	struct sym_answer w = { 0 };
	int rc = cli_sym_command(&o, argc, argv, usage, "why-not", &w.bits, &w.arg);

	if (rc >= 0)
		return rc;
	rc = cli_run_query(&o, whynot_arch, query_merge_answer, &w);
	return cli_sym_answer_status(&o, rc, &w, EXIT_NO);
}
