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
#include "kconfig/because.h"
#include "kconfig/confdata.h"
#include "kconfig/confsim.h"
#include "kconfig/dialect.h"
#include "kconfig/eval.h"
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
	"usage: kcsat implies SYM[=y|m] [--tree DIR] [--arch A|all] [--bits 32|64]\n"
	"                     [--config FILE] [--no-config] [--format text|json]\n"
	"                     [--shell=off|run] [--jobs N]\n"
	"\n"
	"Per arch and bitness where SYM can have the value (default: y; for an\n"
	"int, hex or string symbol a value such as NR_CPUS=64, or none: set), the\n"
	"values it forces: direct (named in SYM's own entry) and transitive; and\n"
	"each `depends on` of SYM that its other lines already imply (redundant),\n"
	"with the lines that imply it.  Ends with a summary over every case.\n"
	"With --config FILE (default: in an O= build directory, its .config;\n"
	"--no-config: none), a bool or tristate SYM: what follows from it in that\n"
	"configuration: the settings olddefconfig (simulated) changes when SYM is\n"
	"turned off (or, where it is n, on) with the fewest changes to FILE, each\n"
	"with the line that ties it to SYM.\n";

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

/* A restriction SYM's value puts on another symbol: the values it can
 * take where SYM has the value, fewer than the arch alone allows. */
struct implied_fact {
	const struct symbol *sym;
	char vals[4];		/* allowed under SYM's value, "nmy" order */
	char excluded[4];	/* what the arch allows but SYM's value rules out */
	bool direct;		/* named in SYM's own entry */
	bool modules;		/* MODULES for the value m: no line, Kconfig's rule */
	struct selvec chain;	/* transitive ones: the lines behind it */
};

struct redundant_dep {
	const struct dep_item *d;
	struct selvec chain;	/* the lines that imply it */
};

/* One arch and bitness where SYM can have the value. */
struct implies_case {
	const char *arch;
	const struct bitness *b;
	VEC(struct implied_fact) facts;
	VEC(struct redundant_dep) redundant;
	const char *want;	/* "SYM=y", "NR_CPUS=64", "NR_CPUS" (set) */
	const char *value;	/* "y", "64", "set" */
};

/* "X=y" for one allowed value, else "X!=n" for the one ruled out. */
static void fact_text(struct strbuf *sb, const struct implied_fact *f)
{
	if (strlen(f->vals) == 1)
		sb_addf(sb, "%s=%s", f->sym->name, f->vals);
	else
		sb_addf(sb, "%s!=%s", f->sym->name, f->excluded);
}

/* The literal "x is outside f's allowed values". */
static int fact_violation(struct model *m, const struct implied_fact *f)
{
	if (strlen(f->vals) == 1)
		return -model_sym_is(m, f->sym, f->vals[0]);
	return model_sym_is(m, f->sym, f->excluded[0]);
}

static unsigned val_bit(char v)
{
	return v == 'n' ? 1u : v == 'm' ? 2u : 4u;
}

/* The values of every candidate in the current solution, into poss. */
static void record_values(struct model *m, struct sat *S, const symvec *cand, unsigned *poss)
{
	for (size_t j = 0; j < cand->n; j++)
		poss[j] |= val_bit(model_tri_value(m, S, cand->v[j]));
}

/* Compute one case: the restrictions on the candidates, with chains for
 * the transitive ones, and SYM's redundant `depends on` lines. */
static void implies_compute(struct kctree *t, struct model *m, struct sat *S,
			    const struct symbol *s, char val, int want, const symvec *cand,
			    struct implies_case *c)
{
	unsigned *poss = xcalloc(cand->n + 1, sizeof(unsigned));
	const struct bitness *b = c->b;
	bool need_y = val == 'y' && s->type == S_TRISTATE;

	record_values(m, S, cand, poss);	/* the solve that found the case */
	for (size_t j = 0; j < cand->n; j++) {
		const struct symbol *x = cand->v[j];
		struct implied_fact f = { .sym = x };
		size_t nv = 0, ne = 0;

		for (const char *v = "nmy"; *v; v++) {
			int lit = model_sym_is(m, x, *v);

			if (lit == CNF_FALSE)
				continue;
			if (!(poss[j] & val_bit(*v))) {
				sat_assume(S, b->lit);
				sat_assume(S, want);
				sat_assume(S, lit);
				if (sat_solve(S) == SAT_SAT)
					record_values(m, S, cand, poss);
			}
			if (poss[j] & val_bit(*v)) {
				f.vals[nv++] = *v;
				continue;
			}
			/* ruled out by SYM, not by the arch alone (either
			 * bitness: 64BIT=y counts where 64BIT is free) */
			sat_assume(S, lit);
			if (sat_solve(S) == SAT_SAT)
				f.excluded[ne++] = *v;
		}
		if (!ne || !nv)
			continue;
		f.direct = in_own_entry(s, x);
		f.modules = x == t->modules;
		if (!f.direct) {
			sat_assume(S, b->lit);
			sat_assume(S, want);
			sat_assume(S, fact_violation(m, &f));
			if (sat_solve(S) != SAT_SAT)
				query_core_chain(model_cnf(m), S, s, &f.chain);
		}
		vec_push(c->facts, f);
	}
	free(poss);
	/* SYM's own `depends on` lines that the rest already implies: without
	 * the line, and over both bitnesses, SYM's value still stays within
	 * the line's value (y for a tristate's y: `KUNIT || !KUNIT` is m when
	 * KUNIT=m and keeps SYM at m) */
	for (const struct menu *mm = s->menus; mm; mm = mm->sym_next)
		for (struct dep_item *d = mm->deps; d; d = d->next) {
			struct redundant_dep r = { .d = d };
			int sel = 0, dlit;

			for (size_t q = 0; q < cnf_nselectors(model_cnf(m)); q++)
				if (cnf_selector_at(model_cnf(m), q)->item == d)
					sel = cnf_selector_at(model_cnf(m), q)->var;
			if (!sel)
				continue;
			dlit = model_expr_lit(m, expr_rewrite_m(t, d->expr), need_y);
			sat_drop_selector(S, sel);
			sat_assume(S, want);
			sat_assume(S, -dlit);
			if (sat_solve(S) == SAT_SAT)
				continue;
			query_core_chain(model_cnf(m), S, s, &r.chain);
			vec_push(c->redundant, r);
		}
}

static void implies_case_release(struct implies_case *c)
{
	for (size_t k = 0; k < c->facts.n; k++)
		vec_release(c->facts.v[k].chain);
	for (size_t k = 0; k < c->redundant.n; k++)
		vec_release(c->redundant.v[k].chain);
	vec_release(c->facts);
	vec_release(c->redundant);
}

static void chain_text(FILE *out, const struct selvec *chain, const char *indent)
{
	for (size_t k = 0; k < chain->n; k++) {
		struct strbuf t = STRBUF_INIT;

		query_chain_item_text(&t, chain->v[k]);
		sb_addc(&t, '\n');
		query_chain_links_text(&t, chain, k, indent);
		fprintf(out, "%s%s", indent, sb_str(&t));
		sb_release(&t);
	}
}

static void chain_json(struct json *j, const struct selvec *chain)
{
	for (size_t k = 0; k < chain->n; k++) {
		json_object(j);
		query_chain_item_json(j, chain->v[k]);
		query_chain_links_json(j, chain, k);
		json_end(j);
	}
}

static void dep_text(struct strbuf *sb, const struct dep_item *d, char *l, size_t lsize)
{
	sb_adds(sb, "depends on ");
	expr_print(sb, d->expr);
	loc_str(d->loc, l, lsize);
}

static void implies_print_text(FILE *out, const struct implies_case *c)
{
	fprintf(out, "%s%s%s: %s implies\n", c->arch, *c->b->label ? " " : "", c->b->label, c->want);
	for (int direct = 1; direct >= 0; direct--) {
		bool any = false;

		fprintf(out, "\t%s:", direct ? "direct" : "transitive");
		for (size_t k = 0; k < c->facts.n; k++)
			if (c->facts.v[k].direct == direct) {
				struct strbuf t = STRBUF_INIT;

				fact_text(&t, &c->facts.v[k]);
				fprintf(out, " %s", sb_str(&t));
				sb_release(&t);
				any = true;
			}
		fprintf(out, "%s\n", any ? "" : " (none)");
	}
	for (size_t k = 0; k < c->facts.n; k++) {
		struct strbuf t = STRBUF_INIT;

		if (c->facts.v[k].direct)
			continue;
		fact_text(&t, &c->facts.v[k]);
		fprintf(out, "\t    %s because:\n", sb_str(&t));
		chain_text(out, &c->facts.v[k].chain, "\t\t");
		if (!c->facts.v[k].chain.n && c->facts.v[k].modules)
			fprintf(out, "\t\t(no line: Kconfig allows m only with %s=y)\n",
				c->facts.v[k].sym->name);
		sb_release(&t);
	}
	for (size_t k = 0; k < c->redundant.n; k++) {
		struct strbuf e = STRBUF_INIT;
		char l[300];

		dep_text(&e, c->redundant.v[k].d, l, sizeof(l));
		fprintf(out, "\tredundant: %s (%s), implied by:\n", sb_str(&e), l);
		chain_text(out, &c->redundant.v[k].chain, "\t\t");
		sb_release(&e);
	}
}

static void implies_print_json(struct json *j, const struct implies_case *c,
			       const struct symbol *s)
{
	json_object(j);
	json_kstring(j, "arch", c->arch);
	json_kint(j, "bits", c->b->bits);
	json_kstring(j, "symbol", s->name);
	json_kstring(j, "value", c->value);
	for (int direct = 1; direct >= 0; direct--) {
		json_karray(j, direct ? "direct" : "transitive");
		for (size_t k = 0; k < c->facts.n; k++)
			if (c->facts.v[k].direct == direct) {
				struct strbuf t = STRBUF_INIT;

				fact_text(&t, &c->facts.v[k]);
				json_string(j, sb_str(&t));
				sb_release(&t);
			}
		json_end(j);
	}
	json_kobject(j, "transitive_chains");
	for (size_t k = 0; k < c->facts.n; k++) {
		struct strbuf t = STRBUF_INIT;

		if (c->facts.v[k].direct)
			continue;
		fact_text(&t, &c->facts.v[k]);
		json_karray(j, sb_str(&t));
		chain_json(j, &c->facts.v[k].chain);
		json_end(j);
		sb_release(&t);
	}
	json_end(j);
	json_karray(j, "redundant");
	for (size_t k = 0; k < c->redundant.n; k++) {
		struct strbuf e = STRBUF_INIT;
		char l[300];

		dep_text(&e, c->redundant.v[k].d, l, sizeof(l));
		json_object(j);
		json_kstring(j, "line", sb_str(&e));
		json_kstring(j, "loc", l);
		json_karray(j, "implied_by");
		chain_json(j, &c->redundant.v[k].chain);
		json_end(j);
		json_end(j);
		sb_release(&e);
	}
	json_end(j);
	json_end(j);
}

/* The case's facts for the summary over cases (implies_merge()). */
static void implies_result(struct strbuf *result, const struct implies_case *c)
{
	sb_adds(result, "case\n");
	for (size_t k = 0; k < c->facts.n; k++) {
		sb_adds(result, "fact\t");
		fact_text(result, &c->facts.v[k]);
		sb_addc(result, '\n');
	}
	for (size_t k = 0; k < c->redundant.n; k++) {
		struct strbuf e = STRBUF_INIT;
		char l[300];

		dep_text(&e, c->redundant.v[k].d, l, sizeof(l));
		sb_addf(result, "redundant\t%s\t%s\n", l, sb_str(&e));
		sb_release(&e);
	}
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
	char val, *str;
	int nb, found, want;
	size_t j;
	symvec cand = { 0 };
	struct json J;
	struct strbuf wtext = STRBUF_INIT;

	if (!t)
		return EXIT_ERROR;
	json_init_seq(&J, out);
	found = query_symbol(t, im->arg, &s, &val, &str, im->suggest, sizeof(im->suggest));
	if (found <= 0) {
		kctree_free(t);
		if (found < 0)
			return EXIT_ERROR;
		sb_addf(result, "undefined\t%s\n", im->suggest);
		return EXIT_OK;
	}
	sb_adds(result, "defined\n");
	if (!val && sym_is_bool_like(s))
		val = 'y';
	query_want_text(&wtext, s, val, str);
	if ((nb = cli_selector_cases(o, arch, t, im->bits, s, val, str, &m, &S, &want, b, out, &J)))
		sb_adds(result, "bitcase\n");
	/* candidates: the symbols SYM's entry and dependencies name, those
	 * that select it, and MODULES for m; encoded before the first solve */
	tree_for_each_sym(t, x, j) {
		if (x == s || !x->name || !model_has_value(m, x) || !sym_is_bool_like(x))
			continue;
		if (!expr_contains_sym(s->dir_dep, x) && !in_own_entry(s, x) &&
		    !expr_contains_sym(x->rev_dep, s) && !(val == 'm' && x == t->modules))
			continue;
		for (const char *v = "nmy"; *v; v++)
			model_sym_is(m, x, *v);
		vec_push(cand, x);
	}
	for (int k = 0; k < nb; k++) {
		struct implies_case c = { .arch = arch, .b = &b[k], .want = sb_str(&wtext),
					  .value = str ? str : val ? (char[]){ val, 0 } : "set" };

		sat_assume(S, b[k].lit);
		sat_assume(S, want);
		if (sat_solve(S) != SAT_SAT)
			continue;
		implies_compute(t, m, S, s, val, want, &cand, &c);
		implies_result(result, &c);
		if (o->format == FMT_JSON)
			implies_print_json(&J, &c, s);
		else
			implies_print_text(out, &c);
		implies_case_release(&c);
	}
	json_finish(&J);
	sb_release(&wtext);
	free(str);
	vec_release(cand);
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

/* implies SYM --config FILE: the file, and it with the fewest changes that
 * turn SYM off (on where it is n). */
struct implies_config {
	struct sym_answer a;	/* first: query_merge_answer() reads it */
	struct config cf;
};

/* c with the changes appended, as a fragment merged after it. */
static void config_with(const struct config *c, const struct fix_result *fx, struct config *out)
{
	memset(out, 0, sizeof(*out));
	for (size_t i = 0; i < c->v.n; i++) {
		struct config_entry e = c->v.v[i];

		e.name = xstrdup(e.name);
		e.value = xstrdup(e.value);
		vec_push(out->v, e);
	}
	fix_changes_config(fx, out);
}

/* " (by A=y B=n, the fewest changes)" when the changes are more than s's own */
static void fix_text(FILE *out, const struct fix_result *fx, const struct symbol *s)
{
	if (fx->changes.n == 1 && fx->changes.v[0].sym == s)
		return;
	fprintf(out, " (by ");
	for (size_t c = 0; c < fx->changes.n; c++)
		fprintf(out, "%s%s=%s", c ? " " : "", fx->changes.v[c].sym->name, fx->changes.v[c].value);
	fprintf(out, ", the fewest changes)");
}

static bool changed_by_fix(const struct fix_result *fx, const struct symbol *s)
{
	for (size_t k = 0; k < fx->changes.n; k++)
		if (fx->changes.v[k].sym == s)
			return true;
	return false;
}

static int implies_config_arch(const struct tree_opts *o, size_t i, void *ctx, FILE *out,
			       struct strbuf *result)
{
	struct implies_config *ic = ctx;
	const char *arch = o->load.arches.n ? o->load.arches.v[i] : "tree";
	struct arch_ctx a;
	const struct symbol *s, *x;
	struct confsim *was, *now = NULL;
	struct config other = { 0 };
	struct fix_result fx;
	const char *label = "";
	char val, *str, to;
	int found;
	size_t k, n = 0;
	struct json j;

	if (!arch_ctx_load(&a, &o->load, i))
		return EXIT_ERROR;
	found = query_symbol(a.t, ic->a.arg, &s, &val, &str, ic->a.suggest, sizeof(ic->a.suggest));
	free(str);
	if (found <= 0) {
		if (!found)
			sb_addf(result, "undefined %s", ic->a.suggest);
		arch_ctx_close(&a);
		return found < 0 ? EXIT_ERROR : EXIT_OK;
	}
	if (!sym_is_bool_like(s)) {
		diag_fatal("implies --config takes a bool or tristate symbol, not %s '%s'",
			   sym_type_name(s->type), s->name);
		arch_ctx_close(&a);
		return EXIT_ERROR;
	}
	/* as why and why-not --config: checked on the 6.11+ choices only */
	if (!dialect_has(a.t, DR_CHOICE_VALUES)) {
		diag_fatal("--config needs a Linux 6.11 or newer tree (olddefconfig simulation)");
		arch_ctx_close(&a);
		return EXIT_ERROR;
	}
	was = cli_config_sim(o->load.arches.n ? arch : NULL, a.t, &ic->cf, &label);
	sb_adds(result, "defined bitcase ");
	/* the other value: off where it is set, else the one asked (y) */
	to = confsim_tri(was, s) != no ? 'n' : val && val != 'n' ? val : 'y';
	arch_ctx_encode(&a);
	fix_find(&a, &ic->cf, s, model_sym_is(a.m, s, to), to, NULL, &fx);
	if (fx.status == FIX_FOUND && fx.changes.n) {
		sb_adds(result, "reachable ");
		config_with(&ic->cf, &fx, &other);
		now = confsim_new(a.t);
		confsim_pin_shell(now, &ic->cf);
		confsim_load(now, &other);
		eval_all(confsim_eval(was));
		eval_all(confsim_eval(now));
	}
	if (o->format == FMT_JSON) {
		json_init_seq(&j, out);
		json_object(&j);
		json_kstring(&j, "arch", arch);
		json_kstring(&j, "config", o->config);
		json_kstring(&j, "symbol", s->name);
		json_kstring(&j, "value", confsim_str(was, s));
		json_kstring(&j, "with", (char[]){ to, 0 });
		json_kstring(&j, "status", now ? "found" : fx.status == FIX_IMPOSSIBLE ? "impossible" :
			     fx.status == FIX_BUDGET ? "unknown" : "no-simulation");
		json_karray(&j, "changes");
		for (k = 0; k < fx.changes.n; k++) {
			json_object(&j);
			json_kstring(&j, "symbol", fx.changes.v[k].sym->name);
			json_kstring(&j, "from", fx.changes.v[k].before);
			json_kstring(&j, "to", fx.changes.v[k].value);
			json_end(&j);
		}
		json_end(&j);
		json_karray(&j, "follows");
	} else {
		fprintf(out, "%s%s: %s is %s in %s", arch, label, s->name, confsim_str(was, s),
			o->config);
	}
	tree_for_each_sym(a.t, x, k) {
		const char *v0, *v1;
		becausevec bv = { 0 };

		if (!now || !x->name || !(x->flags & SYM_DEFINED) || (x->flags & SYM_CONST) ||
		    sym_is_choice(x) || x == s || changed_by_fix(&fx, x))
			continue;
		/* a bool or tristate conf does not write is n as Kconfig reads it */
		v0 = confsim_written(was, x) || sym_is_bool_like(x) ? confsim_str(was, x) : NULL;
		v1 = confsim_written(now, x) || sym_is_bool_like(x) ? confsim_str(now, x) : NULL;
		if (!v0 && !v1)
			continue;
		if (v0 && v1 && !strcmp(v0, v1))
			continue;
		if (!n++ && o->format != FMT_JSON) {
			fprintf(out, "; with %s=%c", s->name, to);
			fix_text(out, &fx, s);
			fprintf(out, ", olddefconfig (simulated) also changes:\n");
		}
		/* the reason where SYM is n: the line that ties x to it */
		because_value(to == 'n' ? now : was, to == 'n' ? &other : &ic->cf, x, &bv);
		if (o->format == FMT_JSON) {
			json_object(&j);
			json_kstring(&j, "symbol", x->name);
			json_kstring(&j, "from", v0);
			json_kstring(&j, "to", v1);
			json_kstring(&j, "why", bv.n ? bv.v[0].text : NULL);
			json_end(&j);
		} else {
			fprintf(out, "\t%s: %s -> %s  %s\n", x->name, v0 ? v0 : "(not written)",
				v1 ? v1 : "(not written)", bv.n ? bv.v[0].text : "");
		}
		because_release(&bv);
	}
	if (o->format == FMT_JSON) {
		json_end(&j);
		json_end(&j);
		json_finish(&j);
	} else if (!now) {
		if (fx.toolchain)
			fprintf(out, ": nothing follows from it here: the other value needs %s changed, "
				"which the toolchain decides ($(shell,...))\n", fx.toolchain->name);
		else
			fprintf(out, ": nothing follows from it here: %s\n",
				fx.status == FIX_IMPOSSIBLE ? "no configuration gives it the other value" :
				fx.status == FIX_BUDGET ? "unknown: solver budget exhausted" :
				"no changes found (olddefconfig simulated)");
	} else if (!n) {
		fprintf(out, "; with %s=%c", s->name, to);
		fix_text(out, &fx, s);
		fprintf(out, ", olddefconfig (simulated) changes nothing else\n");
	}
	config_release(&other);
	fix_release(&fx);
	confsim_free(now);
	confsim_free(was);
	arch_ctx_close(&a);
	return EXIT_OK;
}

int cmd_implies(int argc, char **argv)
{
	struct tree_opts o;
	struct implies im = { 0 };
	struct json j;
	int rc = cli_sym_command(&o, argc, argv, usage, "implies", &im.bits, &im.arg);

	if (rc >= 0)
		return rc;
	if (o.config) {
		struct implies_config ic = { .a = { .arg = im.arg, .bits = im.bits } };

		if (!config_read(o.config, &ic.cf)) {
			cli_tree_opts_release(&o);
			return EXIT_ERROR;
		}
		rc = cli_run_query(&o, implies_config_arch, query_merge_answer, &ic);
		config_release(&ic.cf);
		return cli_sym_answer_status(&o, rc, &ic.a, EXIT_OK);
	}
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
	if (rc == EXIT_ERROR || rc == EXIT_UNKNOWN)
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
