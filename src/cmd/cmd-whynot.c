/* kcsat why-not SYM[=y|m]: where SYM cannot take the value, the Kconfig
 * lines that prevent it: a minimal unsatisfiable core over the selector of
 * every line (sat_core()), printed as a chain from SYM
 * outwards.  Minimal: take out any one printed line and SYM can have it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cli.h"
#include "cmd/cmd.h"
#include "kconfig/because.h"
#include "kconfig/confdata.h"
#include "kconfig/confsim.h"
#include "kconfig/dialect.h"
#include "sat/cnf.h"
#include "sat/fix.h"
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
	"usage: kcsat why-not SYM[=y|m] [--tree DIR] [--arch A|all] [--bits 32|64]\n"
	"                     [--config FILE] [--no-config] [--format text|json]\n"
	"                     [--shell=off|run]\n"
	"\n"
	"For each arch and bitness where SYM cannot have the value (y, m or n;\n"
	"for an int, hex or string symbol its value, e.g. NR_CPUS=10000; default:\n"
	"not n, or for an int, hex or string: set at all), prints the Kconfig lines that block it, file:line each, as a\n"
	"chain from SYM outwards: a minimal set (without any one of these lines,\n"
	"the others no longer block it), then any block independent of it.  With\n"
	"one block, taking out any line makes SYM reachable.  Where SYM can have\n"
	"the value, says so (see kcsat sat).\n"
	"With --config FILE (default: in an O= build directory, its .config;\n"
	"--no-config: none), answers for that configuration: why SYM has its\n"
	"value there (the line of FILE, or the default, select or dependency of\n"
	"Kconfig that decides, file:line each, down to what decides those), and\n"
	"the smallest set of changes to FILE that gives SYM the value, as\n"
	"scripts/config commands and as a fragment: olddefconfig of FILE with\n"
	"them (simulated) gives it, without any one of them it does not.\n"
	"With FILE:LINE instead of SYM: whether that line of the tree is compiled\n"
	"(kcsat why-not FILE:LINE --help says more; see kcsat cover).\n";

static bool in_chain(const struct selvec *chain, int var)
{
	for (size_t j = 0; j < chain->n; j++)
		if (chain->v[j]->var == var)
			return true;
	return false;
}

/* One block: a minimal set of lines that keeps SYM from the value. */
struct whynot_block {
	struct selvec chain;
	boolvec needed;		/* by chain line: without it alone, SYM is reachable */
	bool bits_used;		/* the bitness is part of the block */
};

/* One arch and bitness. */
struct whynot_case {
	const char *arch;
	const struct bitness *b;
	bool reachable;
	VEC(struct whynot_block) blocks;	/* the first, then independent ones */
	/* SYM is 64BIT, which the arch fixes: its definition ("" otherwise) */
	char fixed_at[300];
};

struct whynot_query {
	const struct symbol *s;
	char val;
	const char *str;
	struct strbuf want;	/* "SYM=y", "NR_CPUS=64" */
};

static void whynot_case_release(struct whynot_case *c)
{
	for (size_t k = 0; k < c->blocks.n; k++) {
		vec_release(c->blocks.v[k].chain);
		vec_release(c->blocks.v[k].needed);
	}
	vec_release(c->blocks);
}

/* Compute one case: reachable, or one minimal block, then, with its lines
 * taken out, any other block that is independent of it (a symbol may be
 * kept off in several ways: taking out one line undoes only its own
 * block). */
static void whynot_compute(struct model *m, struct sat *S, const struct whynot_query *q, int want,
			   int case_lit, struct whynot_case *c)
{
	intvec dropped = { 0 };

	sat_assume(S, case_lit);
	sat_assume(S, want);
	if (sat_solve(S) == SAT_SAT) {
		c->reachable = true;
		return;
	}
	for (int blk = 0; blk < 4; blk++) {
		struct whynot_block bl = { 0 };
		struct selvec core = { 0 };

		if (blk) {
			for (size_t k = 0; k < dropped.n; k++)
				sat_drop_selector(S, dropped.v[k]);
			sat_assume(S, case_lit);
			sat_assume(S, want);
			if (sat_solve(S) == SAT_SAT)
				break;
		}
		for (const int *l = sat_core(S, true); *l; l++) {
			const struct selector *sel = cnf_selector_of(model_cnf(m), *l);

			if (sel) {
				vec_push(core, sel);
				vec_push(dropped, sel->var);
			} else if (*l == case_lit && c->b->bits) {
				bl.bits_used = true;
			}
		}
		query_order_chain(q->s, &core, &bl.chain);
		vec_release(core);
		/* is each line needed alone?  Take it out of the tree (and
		 * the blocks before) and see whether SYM stays blocked */
		for (size_t ci = 0; ci < bl.chain.n; ci++) {
			for (size_t k = 0; k < dropped.n; k++)
				if (dropped.v[k] != bl.chain.v[ci]->var && !in_chain(&bl.chain, dropped.v[k]))
					sat_drop_selector(S, dropped.v[k]);
			sat_drop_selector(S, bl.chain.v[ci]->var);
			sat_assume(S, case_lit);
			sat_assume(S, want);
			vec_push(bl.needed, sat_solve(S) == SAT_SAT);
		}
		vec_push(c->blocks, bl);
		if (!bl.chain.n)
			break;	/* nothing left to take out */
	}
	vec_release(dropped);
}

static void whynot_print_text(FILE *out, const struct whynot_case *c, const struct whynot_query *q)
{
	const char *label = c->b->label;

	if (c->reachable) {
		fprintf(out, "%s%s%s: %s is reachable (see kcsat why)\n", c->arch, *label ? " " : "",
			label, sb_str(&q->want));
		return;
	}
	for (size_t k = 0; k < c->blocks.n; k++) {
		const struct whynot_block *bl = &c->blocks.v[k];

		if (!k)
			fprintf(out, "%s%s%s: %s is blocked by:\n", c->arch, *label ? " " : "", label,
				sb_str(&q->want));
		else
			fprintf(out, "    and, independently, by:\n");
		for (size_t ci = 0; ci < bl->chain.n; ci++) {
			struct strbuf t = STRBUF_INIT;

			query_chain_item_text(&t, bl->chain.v[ci]);
			fprintf(out, "\t%s%s\n", sb_str(&t),
				ci < bl->needed.n && !bl->needed.v[ci] ?
				"  [not alone: blocked without it too]" : "");
			sb_reset(&t);
			query_chain_links_text(&t, &bl->chain, ci, "\t");
			fputs(sb_str(&t), out);
			sb_release(&t);
		}
		if (bl->bits_used)
			fprintf(out, "\twith 64BIT=%c\n", c->b->bits == 64 ? 'y' : 'n');
		if (!k && *c->fixed_at)
			fprintf(out, "\t(64BIT is fixed by the arch: %s is always %d-bit, %s)\n",
				c->arch, c->b->bits, c->fixed_at);
		else if (!bl->chain.n && !bl->bits_used)
			fprintf(out, "\t(no line: the value is outside the symbol's type)\n");
	}
}

static void whynot_print_json(struct json *j, const struct whynot_case *c,
			      const struct whynot_query *q)
{
	json_object(j);
	json_kstring(j, "arch", c->arch);
	json_kint(j, "bits", c->b->bits);
	json_kstring(j, "symbol", q->s->name);
	json_kstring(j, "value", q->str ? q->str : q->val ? (char[]){ q->val, 0 } :
		     sym_is_bool_like(q->s) ? "y|m" : "set");
	json_kbool(j, "reachable", c->reachable);
	for (size_t k = 0; k < c->blocks.n; k++) {
		const struct whynot_block *bl = &c->blocks.v[k];

		/* the first block in the case's object, the others in "also" */
		if (k)
			json_object(j);
		json_karray(j, "chain");
		for (size_t ci = 0; ci < bl->chain.n; ci++) {
			json_object(j);
			query_chain_item_json(j, bl->chain.v[ci]);
			json_kbool(j, "needed_alone", ci < bl->needed.n && bl->needed.v[ci]);
			query_chain_links_json(j, &bl->chain, ci);
			json_end(j);
		}
		json_end(j);
		json_kstring(j, "assumes", bl->bits_used ? (c->b->bits == 64 ? "64BIT=y" : "64BIT=n") :
			     NULL);
		if (!k && *c->fixed_at)
			json_kstring(j, "fixed_by_arch", c->fixed_at);
		if (k)
			json_end(j);
		else
			json_karray(j, "also");
	}
	if (c->blocks.n)
		json_end(j);	/* also */
	json_end(j);
}

struct whynot {
	struct sym_answer a;	/* first: query_merge_answer() reads it */
	struct config cf;	/* --config */
};

/* The fix as a fragment, the lines conf reads. */
static void fragment_text(struct strbuf *sb, const struct fix_result *fx)
{
	struct config c = { 0 };
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	fix_changes_config(fx, &c);
	if (f) {
		config_write_file(f, &c, NULL);
		fclose(f);
		sb_adds(sb, buf ? buf : "");
	}
	free(buf);
	config_release(&c);
}

/* why-not SYM --config FILE on one arch: why SYM has its value in FILE, and
 * the changes that give it the one asked for. */
static int whynot_config(const struct tree_opts *o, size_t i, struct whynot *w, FILE *out,
			 struct strbuf *result)
{
	struct config_query q;
	struct arch_ctx a;
	struct fix_result fx;
	struct strbuf cmd = STRBUF_INIT, frag = STRBUF_INIT;
	const char *arch, *wtext;
	const struct symbol *s;
	bool has;
	struct json j;
	int rc = cli_config_query_open(o, i, &w->a, &w->cf, true, &q, result);

	if (rc >= 0)
		return rc;
	arch = q.arch;
	s = q.s;
	wtext = sb_str(q.want);
	a = (struct arch_ctx){ .arch = load_config_arch(&o->load, i), .t = q.t };
	arch_ctx_encode(&a);
	fix_find(&a, &w->cf, s, query_want_lit(a.m, s, q.val, q.str), q.val, q.str, &fx);
	has = fx.status == FIX_FOUND && !fx.changes.n;
	if (has)
		sb_adds(result, "reachable ");
	sb_addf(&cmd, "scripts/config --file %s", o->config);
	for (size_t k = 0; k < fx.changes.n; k++)
		fix_config_command(&cmd, &fx.changes.v[k]);
	fragment_text(&frag, &fx);
	if (o->format == FMT_JSON) {
		json_init_seq(&j, out);
		json_object(&j);
		cli_config_query_json(&j, o, &q, has);
		json_kstring(&j, "status", fix_status_name(fx.status));
		json_kstring(&j, "toolchain", fx.toolchain ? fx.toolchain->name : NULL);
		json_kbool(&j, "minimal", fx.minimal);
		json_karray(&j, "changes");
		for (size_t k = 0; k < fx.changes.n; k++) {
			json_object(&j);
			json_kstring(&j, "symbol", fx.changes.v[k].sym->name);
			json_kstring(&j, "from", fx.changes.v[k].before);
			json_kstring(&j, "to", fx.changes.v[k].value);
			json_end(&j);
		}
		json_end(&j);
		json_kstring(&j, "scripts_config", fx.changes.n ? sb_str(&cmd) : NULL);
		json_kstring(&j, "fragment", fx.changes.n ? sb_str(&frag) : NULL);
		json_end(&j);
		json_finish(&j);
	} else {
		cli_because_heading(out, arch, q.label, s, q.bv, q.root, o->config);
		cli_because_text(out, q.bv, "\t");
		switch (fx.status) {
		case FIX_FOUND:
			if (has) {
				fprintf(out, "  %s holds already: nothing to change\n", wtext);
				break;
			}
			fprintf(out, "  to make %s, change (olddefconfig simulated from %s: %s):\n",
				wtext, o->config, fx.minimal ? "none of these can be dropped" :
				"work budget spent, not minimized");
			for (size_t k = 0; k < fx.changes.n; k++)
				fprintf(out, "\t%s: %s -> %s\n", fx.changes.v[k].sym->name,
					fx.changes.v[k].before, fx.changes.v[k].value);
			fprintf(out, "  with scripts/config, then make olddefconfig:\n\t%s\n", sb_str(&cmd));
			fprintf(out, "  or as a fragment (scripts/kconfig/merge_config.sh -m %s FRAGMENT,"
				" then make olddefconfig):\n", o->config);
			for (const char *p = sb_str(&frag); *p;) {
				size_t n = strcspn(p, "\n");

				fprintf(out, "\t%.*s\n", (int)n, p);
				p += n + (p[n] == '\n');
			}
			break;
		case FIX_IMPOSSIBLE:
			fprintf(out, "  no configuration%s%s has %s: see kcsat why-not %s --no-config\n",
				o->load.arches.n ? " of " : "", o->load.arches.n ? arch : "",
				wtext, w->a.arg);
			break;
		case FIX_BUDGET:
			fprintf(out, "  changes: unknown: solver budget exhausted (see --sat-budget)\n");
			break;
		case FIX_NO_SIM:
			if (fx.toolchain) {
				char l[300];

				fprintf(out, "  changes: none found: %s needs %s changed, which the "
					"toolchain decides, not %s ($(shell,...), %s)\n", wtext,
					fx.toolchain->name, o->config, fx.toolchain->menus ?
					loc_str(fx.toolchain->menus->loc, l, sizeof(l)) : "?");
				break;
			}
			fprintf(out, "  changes: none found: olddefconfig (simulated) from %s with a"
				" configuration's values does not give %s\n", o->config, wtext);
			break;
		}
	}
	fix_release(&fx);
	sb_release(&cmd);
	sb_release(&frag);
	sat_free(a.s);
	model_free(a.m);
	cli_config_query_close(&q);	/* and the tree */
	return EXIT_OK;
}

static int whynot_arch(const struct tree_opts *o, size_t i, void *ctx, FILE *out, struct strbuf *result)
{
	struct sym_answer *w = ctx;
	const char *arch = o->load.arches.n ? o->load.arches.v[i] : "tree";
	struct whynot_query q = { 0 };
	struct kctree *t;
	struct model *m;
	struct sat *S;
	struct bitness b[2];
	char *str;
	int nb, found, want;
	struct json j;

	if (o->config)
		return whynot_config(o, i, ctx, out, result);
	if (!(t = kctree_load_arch(&o->load, i)))
		return EXIT_ERROR;
	json_init_seq(&j, out);
	found = query_symbol(t, w->arg, &q.s, &q.val, &str, w->suggest, sizeof(w->suggest));
	q.str = str;
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
			fprintf(out, "%s: %s is not defined\n", arch, w->arg);
		}
		kctree_free(t);
		return EXIT_OK;
	}
	query_want_text(&q.want, q.s, q.val, q.str);
	nb = cli_selector_cases(o, arch, t, w->bits, q.s, q.val, q.str, &m, &S, &want, b, out, &j);
	if (nb)
		sb_adds(result, "bitcase ");
	for (int k = 0; k < nb; k++) {
		struct whynot_case c = { .arch = arch, .b = &b[k] };
		/* asking about 64BIT itself: the case's own assumption would be
		 * the answer; ask the tree instead, whose lines fix it */
		bool self = q.s->name && !strcmp(q.s->name, "64BIT") && b[k].bits;

		whynot_compute(m, S, &q, want, self ? CNF_TRUE : b[k].lit, &c);
		if (self && !c.reachable && nb == 1 && q.s->menus)
			loc_str(q.s->menus->loc, c.fixed_at, sizeof(c.fixed_at));
		if (c.reachable)
			sb_adds(result, "reachable ");
		if (o->format == FMT_JSON)
			whynot_print_json(&j, &c, &q);
		else
			whynot_print_text(out, &c, &q);
		whynot_case_release(&c);
	}
	json_finish(&j);
	sb_release(&q.want);
	free(str);
	sat_free(S);
	model_free(m);
	kctree_free(t);
	return EXIT_OK;
}

int cmd_whynot(int argc, char **argv)
{
	struct tree_opts o;
	struct whynot w = { 0 };
	int rc;

	for (int a = 1; a < argc; a++)
		if (argv[a][0] != '-' && cmd_is_file_line(argv[a]))
			return cmd_cover_line(argc, argv, true);
	rc = cli_sym_command(&o, argc, argv, usage, "why-not", &w.a.bits, &w.a.arg);
	if (rc >= 0)
		return rc;
	if (o.config && !config_read(o.config, &w.cf)) {
		cli_tree_opts_release(&o);
		return EXIT_ERROR;
	}
	rc = cli_run_query(&o, whynot_arch, query_merge_answer, &w);
	config_release(&w.cf);
	return cli_sym_answer_status(&o, rc, &w.a, EXIT_NO);
}
