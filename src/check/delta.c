/* kcsat diff / patch: the configuration space before and after a change,
 * compared per arch and bitness (see include/delta.h).  A job loads both
 * trees of one arch and leaves the records of records[] below; a chain is
 * its Kconfig lines, one per line. */
#include "check/delta.h"

#include <stdlib.h>
#include <string.h>

#include "sat/cnf.h"
#include "util/diag.h"
#include "check/findings.h"
#include "util/json.h"
#include "util/record.h"
#include "kconfig/kconfig.h"
#include "check/lint.h"
#include "sat/model.h"
#include "sat/query.h"
#include "sat/sat.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

/* What a job leaves, one record each (util/record.h). */
enum { D_CASE, D_CHANGED, D_TOOMANY, D_REACH, D_IMPLIED, D_LINT, D_UNKNOWN, D_COUNT };
static const struct record_kind records[D_COUNT] = {
	/* a bitness case of the new tree ("x86 64-bit") */
	[D_CASE] = { "case", { "label", NULL } },
	/* a symbol compared */
	[D_CHANGED] = { "changed", { "sym", NULL } },
	/* so many symbols changed that it is two versions, not a patch */
	[D_TOOMANY] = { "toomany", { "count", NULL } },
	/* the whole result of an arch whose solves ran out of budget */
	[D_UNKNOWN] = { "unknown", { "arch", NULL } },
	/* sym's values differ in the case: old and new ("nmy" letters, "-"
	 * undefined); via: the changed symbol it depends on; chain: why-not
	 * of a lost value in the new tree */
	[D_REACH] = { "reach", { "sym", "case", "old", "new", "via", "chain", NULL } },
	/* what sym's value requires (req: X=v=w, X=v required by sym=w):
	 * kind gained, lost, or kept (no longer written in sym's entry),
	 * with the chain that still requires it */
	[D_IMPLIED] = { "implied", { "sym", "case", "kind", "req", "chain", NULL } },
	/* lint's facts (its own records) of the old or the new tree */
	[D_LINT] = { "lint", { "tree", "facts", NULL } },
};

/* The chains' lines are split at newlines when printed. */
#define SEP '\n'

static void add_name(strvec *v, const char *name)
{
	if (name)
		strvec_push_dup(v, name);
}

/* ---- which symbols changed ---- */

static void sig_expr(struct strbuf *sb, const char *what, const struct expr *e)
{
	if (!e)
		return;
	sb_addf(sb, "|%s ", what);
	expr_print(sb, e);
}

/* A symbol's definition without its locations: equal signatures, equal
 * semantics (the model reads nothing else of a symbol). */
static void signature(struct strbuf *sb, const struct symbol *s)
{
	sb_addf(sb, "%s %x", sym_type_name(s->type), s->flags & (SYM_CHOICEVAL | SYM_DEFINED));
	if (s->choice && s->choice->sym)
		sig_expr(sb, "choice", s->choice->sym->dir_dep);
	for (const struct property *p = s->props; p; p = p->sym_next) {
		sb_addf(sb, "|p%d %s", (int)p->type, p->text ? p->text : "");
		if (p->target)
			sb_addf(sb, " %s", p->target->name ? p->target->name : "<choice>");
		if (p->lo && p->hi)
			sb_addf(sb, " %s %s", p->lo->name, p->hi->name);
		sig_expr(sb, "e", p->expr);
		sig_expr(sb, "if", p->cond);
		sig_expr(sb, "vis", p->visible);
	}
	sig_expr(sb, "dep", s->dir_dep);
	sig_expr(sb, "rev", s->rev_dep);
	sig_expr(sb, "imp", s->implied);
}

static bool same_definition(const struct symbol *a, const struct symbol *b)
{
	struct strbuf x = STRBUF_INIT, y = STRBUF_INIT;
	bool same;

	if (!a || !b)
		return !a && !b;
	signature(&x, a);
	signature(&y, b);
	same = !strcmp(sb_str(&x), sb_str(&y));
	sb_release(&x);
	sb_release(&y);
	return same;
}

static bool defined(const struct symbol *s)
{
	return s && (s->flags & SYM_DEFINED) && !(s->flags & SYM_CONST);
}

static void changed_symbols(struct kctree *a, struct kctree *b, strvec *out)
{
	const struct symbol *s;
	size_t i;

	tree_for_each_sym(a, s, i)
		if (s->name && defined(s) && !same_definition(s, sym_find(b, s->name)))
			add_name(out, s->name);
	tree_for_each_sym(b, s, i)
		if (s->name && defined(s) && !defined(sym_find(a, s->name)))
			add_name(out, s->name);
	strvec_sort_unique(out);
}

/* ---- one tree of one arch ---- */

/* Questions go to a model without selectors (fast); chains, rarely
 * needed, to one with them, built on first use. */
struct reach_memo {
	const struct symbol *s;
	const struct bitness *b;
	char v[4];
};

struct side {
	VEC(struct reach_memo) memo;
	struct kctree *t;
	const char *arch;
	struct model *m, *xm;
	struct sat *S, *xS;
	struct bitness b[2], xb[2];
	int nb;
};

static void side_open(struct side *sd, struct kctree *t, const char *arch)
{
	struct arch_ctx a;

	sd->t = t;
	sd->arch = arch;
	sd->m = model_build(t, false, true);
	sd->S = sat_new(model_cnf(sd->m), false);
	a = (struct arch_ctx){ arch, t, sd->m, sd->S };
	sd->nb = query_bitness(&a, 0, sd->b);
}

/* The explaining model; *b (a case of the fast one) becomes its twin. */
static void side_explain(struct side *sd, const struct bitness **b)
{
	if (!sd->xm) {
		struct arch_ctx a;

		sd->xm = model_build(sd->t, true, true);
		sd->xS = sat_new(model_cnf(sd->xm), true);
		a = (struct arch_ctx){ sd->arch, sd->t, sd->xm, sd->xS };
		query_bitness(&a, 0, sd->xb);
	}
	if (*b && *b >= sd->b && *b < sd->b + 2)
		*b = &sd->xb[*b - sd->b];
}

static void side_close(struct side *sd)
{
	sat_free(sd->S);
	model_free(sd->m);
	sat_free(sd->xS);
	model_free(sd->xm);
	kctree_free(sd->t);
	vec_release(sd->memo);
}

/* The side's bitness case matching b (the same 64BIT value), or NULL. */
static const struct bitness *match_bits(const struct side *sd, const struct bitness *b)
{
	for (int k = 0; k < sd->nb; k++)
		if (sd->b[k].bits == b->bits || !sd->b[k].bits || !b->bits)
			return &sd->b[k];
	return NULL;
}

static bool solve_in(struct sat *S, const struct bitness *b, const int *lits, int n)
{
	for (int i = 0; i < n; i++) {
		if (lits[i] == CNF_FALSE) {
			sat_solve(S);	/* drop what was assumed */
			return false;
		}
		if (lits[i] != CNF_TRUE)
			sat_assume(S, lits[i]);
	}
	if (b && b->lit != CNF_TRUE)
		sat_assume(S, b->lit);
	return sat_solve(S) == SAT_SAT;
}

static bool solve_with(struct side *sd, const struct bitness *b, const int *lits, int n)
{
	return solve_in(sd->S, b, lits, n);
}

/* The values s can take in the case ("nmy" letters), "-" if undefined;
 * asked once per side, case and symbol. */
static void reach(struct side *sd, const struct bitness *b, const char *name, char out[4])
{
	const struct symbol *s = sym_find(sd->t, name);
	int k = 0;

	for (size_t i = 0; i < sd->memo.n; i++)
		if (sd->memo.v[i].b == b && sd->memo.v[i].s == s && s) {
			memcpy(out, sd->memo.v[i].v, 4);
			return;
		}
	if (!b || !defined(s) || !model_has_value(sd->m, s) || !sym_is_bool_like(s)) {
		strcpy(out, "-");
		return;
	}
	for (const char *v = "nmy"; *v; v++) {
		int lit = model_sym_is(sd->m, s, *v);

		if (solve_with(sd, b, &lit, 1))
			out[k++] = *v;
	}
	out[k] = 0;
	{
		struct reach_memo rm = { s, b, { 0 } };

		memcpy(rm.v, out, 4);
		vec_push(sd->memo, rm);
	}
}

/* A chain's tabs read as spaces: it is printed indented, a line each. */
static void put_chain(struct strbuf *r, const struct strbuf *chain)
{
	for (const char *c = sb_str(chain); *c; c++)
		sb_addc(r, *c == '\t' ? ' ' : *c);
}

/* "x86 64-bit": an arch and a bitness case of it */
static void case_label(struct strbuf *sb, const char *arch, const struct bitness *b)
{
	sb_addf(sb, "%s%s%s", arch, *b->label ? " " : "", b->label);
}

/* Why s cannot be v in the case: the chain, into r. */
static void why_not(struct strbuf *r, struct side *sd, const struct bitness *b, const char *name,
		    char v)
{
	const struct symbol *s = sym_find(sd->t, name);
	struct strbuf ch = STRBUF_INIT;
	int lit;

	if (!defined(s) || !model_has_value(sd->m, s))
		return;
	side_explain(sd, &b);
	lit = model_sym_is(sd->xm, s, v);
	if (lit == CNF_FALSE || solve_in(sd->xS, b, &lit, 1))
		return;
	query_core_chain_text(&ch, model_cnf(sd->xm), sd->xS, s);
	put_chain(r, &ch);
	sb_release(&ch);
}

struct job {
	struct delta *d;
	const char *arch;
	struct side old, new;
	strvec focus;		/* the symbols asked about */
	struct strbuf *r;
};

static void reach_facts(struct job *J, const char *name, const char *via, strvec *moved)
{
	for (int k = 0; k < J->new.nb; k++) {
		const struct bitness *nb = &J->new.b[k], *ob = match_bits(&J->old, nb);
		char a[4], b[4];
		struct strbuf label = STRBUF_INIT, chain = STRBUF_INIT;
		struct record_writer w;

		reach(&J->old, ob, name, a);
		reach(&J->new, nb, name, b);
		if (!strcmp(a, b))
			continue;
		if (moved)
			add_name(moved, name);
		for (const char *v = a; *v && *v != '-'; v++)
			if (!strchr(b, *v)) {	/* the first value lost */
				why_not(&chain, &J->new, nb, name, *v);
				break;
			}
		case_label(&label, J->arch, nb);
		rec_begin(&w, J->r, &records[D_REACH]);
		rec_str(&w, "sym", name);
		rec_str(&w, "case", sb_str(&label));
		rec_str(&w, "old", a);
		rec_str(&w, "new", b);
		rec_str(&w, "via", via);
		rec_str(&w, "chain", sb_str(&chain));
		rec_end(&w);
		sb_release(&label);
		sb_release(&chain);
	}
}

/* Symbols whose own entry names x (dependencies, conditions, selects). */
static bool names_in_entry(const struct symbol *s, const struct symbol *x)
{
	for (const struct menu *m = s->menus; m; m = m->sym_next)
		for (const struct dep_item *d = m->deps; d; d = d->next)
			if (expr_contains_sym(d->expr, x))
				return true;
	for (const struct property *p = s->props; p; p = p->sym_next)
		if (p->target == x || expr_contains_sym(p->cond, x) || expr_contains_sym(p->expr, x))
			return true;
	return false;
}

/* The candidates for what name's value requires: what its entry or its
 * effective dependencies name, in either tree, and 64BIT. */
static void candidates(struct job *J, const char *name, strvec *out)
{
	struct kctree *ts[2] = { J->old.t, J->new.t };

	for (int k = 0; k < 2; k++) {
		const struct symbol *s = sym_find(ts[k], name), *x;
		size_t i;

		if (!defined(s))
			continue;
		tree_for_each_sym(ts[k], x, i)
			if (x != s && x->name && defined(x) && sym_is_bool_like(x) &&
			    (expr_contains_sym(s->dir_dep, x) || names_in_entry(s, x)))
				add_name(out, x->name);
	}
	add_name(out, "64BIT");
	strvec_sort_unique(out);
}

/* The candidates' values forced when name has value v: "X=v" strings. */
static void backbone(struct side *sd, const struct bitness *b, const char *name, char v,
		     const strvec *cand, strvec *out)
{
	const struct symbol *s = sym_find(sd->t, name);
	int want, lits[2];
	signed char *val;

	if (!b || !defined(s) || !model_has_value(sd->m, s))
		return;
	want = model_sym_is(sd->m, s, v);
	val = xcalloc(cand->n + 1, 1);
	for (size_t i = 0; i < cand->n; i++) {
		const struct symbol *x = sym_find(sd->t, cand->v[i]);

		if (defined(x) && model_has_value(sd->m, x))
			model_sym_is(sd->m, x, 'y');	/* encode before the solve */
	}
	if (!solve_with(sd, b, &want, 1)) {
		free(val);
		return;
	}
	for (size_t i = 0; i < cand->n; i++) {
		const struct symbol *x = sym_find(sd->t, cand->v[i]);

		if (defined(x) && model_has_value(sd->m, x))
			val[i] = (signed char)model_tri_value(sd->m, sd->S, x);
	}
	/* a solution that flips one candidate drops every other it flips:
	 * they are not forced either */
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < cand->n; i++) {
			const struct symbol *x = sym_find(sd->t, cand->v[i]);

			if (val[i] <= 0)
				continue;
			lits[0] = pass ? CNF_TRUE : want;
			lits[1] = -model_sym_is(sd->m, x, val[i]);
			if (!solve_with(sd, b, lits, 2)) {
				if (pass)	/* forced by the arch alone */
					val[i] = 0;
				continue;
			}
			for (size_t j = i; j < cand->n; j++) {
				const struct symbol *y = sym_find(sd->t, cand->v[j]);

				if (val[j] > 0 && model_tri_value(sd->m, sd->S, y) != val[j])
					val[j] = pass ? -val[j] : 0;
			}
		}
	/* pass 0 left the values name forces; pass 1 negated those that
	 * something other than the arch can change */
	for (size_t i = 0; i < cand->n; i++) {
		char one[300];

		if (val[i] >= 0)
			continue;
		snprintf(one, sizeof(one), "%s=%c", cand->v[i], -val[i]);
		add_name(out, one);
	}
	free(val);
	strvec_sort_unique(out);
}

static void implied_record(struct job *J, const char *name, const struct bitness *nb,
			   const char *kind, const char *req, char v, const struct strbuf *chain)
{
	struct strbuf label = STRBUF_INIT, rq = STRBUF_INIT, ch = STRBUF_INIT;
	struct record_writer w;

	case_label(&label, J->arch, nb);
	sb_addf(&rq, "%s=%c", req, v);
	if (chain)
		put_chain(&ch, chain);
	rec_begin(&w, J->r, &records[D_IMPLIED]);
	rec_str(&w, "sym", name);
	rec_str(&w, "case", sb_str(&label));
	rec_str(&w, "kind", kind);
	rec_str(&w, "req", sb_str(&rq));
	rec_str(&w, "chain", sb_str(&ch));
	rec_end(&w);
	sb_release(&label);
	sb_release(&rq);
	sb_release(&ch);
}

static void implied_facts(struct job *J, const char *name)
{
	strvec cand = { 0 };
	const struct symbol *so = sym_find(J->old.t, name), *sn = sym_find(J->new.t, name);

	if (!defined(so) || !defined(sn) || !sym_is_bool_like(sn))
		return;
	candidates(J, name, &cand);
	/* per bitness, and where 64BIT is free, once more for 64BIT itself
	 * over both bitnesses (within one it is fixed, never "required") */
	for (int k = 0; k <= J->new.nb; k++) {
		static const struct bitness any = { "", CNF_TRUE, 0 };
		strvec only64 = { 0 }, *cv = &cand;
		const struct bitness *nb = k < J->new.nb ? &J->new.b[k] : &any;
		const struct bitness *ob = k < J->new.nb ? match_bits(&J->old, nb) : &any;
		char ro[4], rn[4], v;
		strvec a = { 0 }, b = { 0 };

		if (k == J->new.nb) {
			if (J->new.nb < 2)
				break;
			add_name(&only64, "64BIT");
			cv = &only64;
		}

		reach(&J->old, ob, name, ro);
		reach(&J->new, nb, name, rn);
		v = strchr(rn, 'y') && strchr(ro, 'y') ? 'y' : strchr(rn, 'm') && strchr(ro, 'm') ? 'm' : 0;
		if (v) {
			backbone(&J->old, ob, name, v, cv, &a);
			backbone(&J->new, nb, name, v, cv, &b);
		}
		strvec_free_all(&only64);
		for (int side = 0; side < 2; side++) {
			strvec *mine = side ? &b : &a, *other = side ? &a : &b;

			for (size_t i = 0; i < mine->n; i++) {
				const char *f = mine->v[i];
				char xname[300];
				const struct symbol *xo, *xn;

				snprintf(xname, sizeof(xname), "%.*s", (int)(strchr(f, '=') - f), f);
				xo = sym_find(J->old.t, xname);
				xn = sym_find(J->new.t, xname);
				if (!strvec_has_sorted(other, f)) {
					implied_record(J, name, nb, side ? "gained" : "lost", f, v, NULL);
				} else if (side && xo && xn && names_in_entry(so, xo) && !names_in_entry(sn, xn)) {
					/* still required, no longer written: the chain */
					struct strbuf ch = STRBUF_INIT;
					char xv = f[strlen(f) - 1];
					const struct bitness *xb = nb;
					int lits[2];

					side_explain(&J->new, &xb);
					lits[0] = model_sym_is(J->new.xm, sn, v);
					lits[1] = -model_sym_is(J->new.xm, xn, xv);
					if (!solve_in(J->new.xS, xb, lits, 2))
						query_core_chain_text(&ch, model_cnf(J->new.xm), J->new.xS, sn);
					implied_record(J, name, nb, "kept", f, v, &ch);
					sb_release(&ch);
				}
			}
		}
		strvec_free_all(&a);
		strvec_free_all(&b);
	}
	strvec_free_all(&cand);
}

/* What depends on or is selected by one of moved (one step). */
static void dependents(struct kctree *t, const strvec *moved, const strvec *done, strvec *out)
{
	const struct symbol *s;
	size_t i;

	tree_for_each_sym(t, s, i) {
		if (!s->name || !defined(s) || !sym_is_bool_like(s) || strvec_has_sorted(done, s->name))
			continue;
		for (size_t k = 0; k < moved->n; k++) {
			const struct symbol *x = sym_find(t, moved->v[k]);

			if (x && (expr_contains_sym(s->dir_dep, x) || expr_contains_sym(s->rev_dep, x))) {
				add_name(out, s->name);
				break;
			}
		}
	}
	strvec_sort_unique(out);
}

enum { DEPENDENTS_MAX = 400, DELTA_MAX_CHANGED = 1000 };

static void one_field(struct strbuf *out, int kind, const char *field, const char *value)
{
	struct record_writer w;

	rec_begin(&w, out, &records[kind]);
	rec_str(&w, field, value);
	rec_end(&w);
}

static int delta_arch(const struct load_config *c, size_t i, void *ctx, FILE *out,
		      struct strbuf *result)
{
	struct delta *d = ctx;
	struct job J = { .d = d, .r = result };
	struct record_writer w;
	struct kctree *told, *tnew;
	strvec moved = { 0 }, wave = { 0 };
	unsigned long long e0 = (sat_renew(), sat_exhausted());

	(void)out;
	J.arch = c->arches.n ? c->arches.v[i] : "tree";
	told = kctree_load_arch(d->old, i);
	tnew = told ? kctree_load_arch(d->new, i) : NULL;
	if (!tnew) {
		kctree_free(told);
		return EXIT_ERROR;
	}
	side_open(&J.old, told, J.arch);
	side_open(&J.new, tnew, J.arch);
	for (int k = 0; k < J.new.nb; k++) {
		struct strbuf label = STRBUF_INIT;

		case_label(&label, J.arch, &J.new.b[k]);
		one_field(result, D_CASE, "label", sb_str(&label));
		sb_release(&label);
	}
	if (d->only) {
		for (size_t k = 0; k < d->nonly; k++)
			add_name(&J.focus, d->only[k]);
	} else {
		changed_symbols(told, tnew, &J.focus);
		if (J.focus.n > DELTA_MAX_CHANGED) {	/* two versions, not a patch */
			rec_begin(&w, result, &records[D_TOOMANY]);
			rec_uint(&w, "count", J.focus.n);
			rec_end(&w);
			strvec_free_all(&J.focus);
		}
	}
	for (size_t k = 0; k < J.focus.n; k++) {
		one_field(result, D_CHANGED, "sym", J.focus.v[k]);
		reach_facts(&J, J.focus.v[k], NULL, &moved);
		implied_facts(&J, J.focus.v[k]);
	}
	/* one step downstream of the symbols whose values moved */
	strvec_sort_unique(&moved);
	dependents(tnew, &moved, &J.focus, &wave);
	for (size_t k = 0; k < wave.n && k < DEPENDENTS_MAX; k++) {
		const struct symbol *s = sym_find(tnew, wave.v[k]);
		const char *via = NULL;

		for (size_t q = 0; q < moved.n && !via; q++) {
			const struct symbol *x = sym_find(tnew, moved.v[q]);

			if (x && (expr_contains_sym(s->dir_dep, x) || expr_contains_sym(s->rev_dep, x)))
				via = moved.v[q];
		}
		reach_facts(&J, wave.v[k], via, NULL);
	}
	if (d->lint && J.focus.n) {
		/* the focus: lint also asks the selects of them */
		struct lint_options lo = { .enabled = d->lint, .focus = J.focus.v, .nfocus = J.focus.n };
		struct lint *L = lint_new(&lo);

		for (int side = 0; side < 2; side++) {
			struct strbuf facts = STRBUF_INIT;

			lint_tree_facts(L, side ? tnew : told, J.arch, &facts);
			rec_begin(&w, result, &records[D_LINT]);
			rec_str(&w, "tree", side ? "new" : "old");
			rec_str(&w, "facts", sb_str(&facts));
			rec_end(&w);
			sb_release(&facts);
		}
		lint_free(L);
	}
	strvec_free_all(&moved);
	strvec_free_all(&wave);
	strvec_free_all(&J.focus);
	side_close(&J.old);
	side_close(&J.new);
	sat_job_stats("arch", J.arch);
	if (sat_exhausted() > e0) {
		sb_reset(result);
		one_field(result, D_UNKNOWN, "arch", J.arch);
	}
	return EXIT_OK;
}

static void delta_collect(void *ctx, size_t i, const char *result)
{
	struct delta *d = ctx;

	while (d->results.n <= i)
		vec_push(d->results, NULL);
	free(d->results.v[i]);
	d->results.v[i] = xstrdup(result);
}

/* ---- the report ---- */

struct line {
	size_t arch;
	struct record r;
};

struct report {
	struct delta *d;
	VEC(struct line) lines;
	strvec changed;
	size_t ncases, toomany;
	struct lint *lo, *ln;
	unsigned bad;		/* malformed records (reported) */
};

/* The jobs' records: lines to group, the symbols compared, lint's facts
 * to its two runs.  The lines point into d->results. */
static void split_results(struct report *R)
{
	for (size_t a = 0; a < R->d->results.n; a++) {
		struct record_reader rd;
		struct line l = { .arch = a };
		uint32_t n;

		if (!R->d->results.v[a])
			continue;
		rec_reader_init(&rd, R->d->results.v[a], records, D_COUNT);
		while (rec_read(&rd, &l.r)) {
			switch (l.r.kind - records) {
			case D_CASE:
				R->ncases++;
				break;
			case D_CHANGED:
				add_name(&R->changed, rec_get(&l.r, "sym"));
				break;
			case D_TOOMANY:
				if (rec_get_u32(&l.r, "count", &n))
					R->toomany = n;
				else
					R->bad++;
				break;
			case D_LINT:
				lint_add_facts(!strcmp(rec_get(&l.r, "tree"), "new") ? R->ln : R->lo, a,
					       rec_get(&l.r, "facts"));
				break;
			default:
				vec_push(R->lines, l);
			}
		}
		R->bad += rd.bad;
	}
	strvec_sort_unique(&R->changed);
}

static void print_chain(FILE *out, const char *chain, const char *indent)
{
	for (const char *c = chain; *c;) {
		const char *e = strchr(c, SEP);
		size_t n = e ? (size_t)(e - c) : strlen(c);

		fprintf(out, "%s%.*s\n", indent, (int)n, c);
		c += n + (e != NULL);
	}
}

static void json_chain(struct json *j, const char *chain)
{
	json_array(j);
	for (const char *c = chain; *c;) {
		const char *e = strchr(c, SEP);
		size_t n = e ? (size_t)(e - c) : strlen(c);
		char *one = xstrndup(c, n);

		json_string(j, one);
		free(one);
		c += n + (e != NULL);
	}
	json_end(j);
}

/* One group: lines with the same key fields, their cases listed once and
 * the first non-empty chain shown. */
struct group {
	char *key, *what, *chain, *sym;
	strvec cases;
};
typedef VEC(struct group) groupvec;
typedef VEC(struct finding *) findingvec;

static int group_cmp(const void *a, const void *b)
{
	return strcmp(((const struct group *)a)->key, ((const struct group *)b)->key);
}

static void add_group(groupvec *gs, const char *sym, const char *what, const char *label,
		      const char *chain)
{
	struct strbuf k = STRBUF_INIT;
	struct group *g = NULL;

	sb_addf(&k, "%s\t%s", sym, what);
	for (size_t i = 0; i < gs->n && !g; i++)
		if (!strcmp(gs->v[i].key, sb_str(&k)))
			g = &gs->v[i];
	if (!g) {
		struct group ng = { sb_detach(&k), xstrdup(what), xstrdup(""), xstrdup(sym), { 0 } };

		vec_push(*gs, ng);
		g = &gs->v[gs->n - 1];
	}
	sb_release(&k);
	add_name(&g->cases, label);
	if (!*g->chain && chain && *chain) {
		free(g->chain);
		g->chain = xstrdup(chain);
	}
}

static void groups(struct report *R, groupvec *gs)
{
	for (size_t i = 0; i < R->lines.n; i++) {
		const struct record *r = &R->lines.v[i].r;
		const char *sym = rec_get(r, "sym"), *label = rec_get(r, "case");
		char what[400];

		if (r->kind == &records[D_REACH]) {
			const char *a = rec_get(r, "old"), *b = rec_get(r, "new"), *via = rec_get(r, "via");

			for (const char *v = "nmy"; *v; v++) {
				bool was = strchr(a, *v) != NULL, now = strchr(b, *v) != NULL;

				if (was == now)
					continue;
				snprintf(what, sizeof(what), "%s can %s be %c%s%s%s", sym,
					 now ? "now" : "no longer", *v, *via ? " (through " : "",
					 via, *via ? ")" : "");
				if (!strcmp(a, "-") || !strcmp(b, "-"))
					snprintf(what, sizeof(what), "%s is %s", sym,
						 !strcmp(a, "-") ? "newly defined" : "no longer defined");
				add_group(gs, sym, what, label, now ? "" : rec_get(r, "chain"));
				if (!strcmp(a, "-") || !strcmp(b, "-"))
					break;
			}
		} else if (r->kind == &records[D_IMPLIED]) {
			const char *kind = rec_get(r, "kind");
			const char *x = rec_get(r, "req"), *eq = strrchr(x, '=');
			char xv[300];

			/* "X=v=w": X=v required by SYM=w */
			snprintf(xv, sizeof(xv), "%.*s", eq ? (int)(eq - x) : (int)strlen(x), x);
			snprintf(what, sizeof(what), "%s=%s %s %s%s", sym, eq ? eq + 1 : "?",
				 !strcmp(kind, "gained") ? "now requires" : !strcmp(kind, "lost")
				 ? "no longer requires" : "still requires", xv,
				 !strcmp(kind, "kept") ? " (no longer written in its entry)" : "");
			add_group(gs, sym, what, label, rec_get(r, "chain"));
		}
	}
	if (gs->n)
		qsort(gs->v, gs->n, sizeof(*gs->v), group_cmp);
}

static void free_groups(groupvec *gs)
{
	for (size_t i = 0; i < gs->n; i++) {
		free(gs->v[i].key);
		free(gs->v[i].what);
		free(gs->v[i].chain);
		free(gs->v[i].sym);
		strvec_free_all(&gs->v[i].cases);
	}
	vec_release(*gs);
}

/* Findings of a not in b, by fingerprint. */
static void only_in(const struct findings *a, const struct findings *b, findingvec *out)
{
	for (size_t i = 0; i < a->v.n; i++) {
		bool found = false;

		for (size_t k = 0; k < b->v.n && !found; k++)
			found = !strcmp(a->v.v[i]->fingerprint, b->v.v[k]->fingerprint);
		if (!found)
			vec_push(*out, a->v.v[i]);
	}
}

static void print_finding(FILE *out, const struct finding *f, const char *prefix)
{
	fprintf(out, "%s%s:%u: %s: %s [%s%s%s]\n", prefix, f->file ? f->file : "", f->line,
		f->level == LEVEL_WARNING ? "warning" : "note", f->message, f->check,
		f->cls ? ":" : "", f->cls ? f->cls : "");
	for (size_t e = 0; e < f->evidence.n; e++)
		fprintf(out, "\t%s\n", f->evidence.v[e]);
}

static void json_finding(struct json *j, const struct finding *f)
{
	json_object(j);
	json_kstring(j, "check", f->check);
	if (f->cls)
		json_kstring(j, "class", f->cls);
	json_kstring(j, "level", f->level == LEVEL_WARNING ? "warning" : "note");
	json_kstring(j, "file", f->file);
	json_kuint(j, "line", f->line);
	json_kstring(j, "message", f->message);
	json_kstring(j, "fingerprint", f->fingerprint);
	json_end(j);
}

/* The report as JSON: the symbols compared, the effects, lint's changes. */
static void print_json(FILE *out, size_t narch, size_t ncases, const strvec *changed,
		       const groupvec *gs, const findingvec *added, const findingvec *removed)
{
	struct json j;

	json_init(&j, out);
	json_object(&j);
	json_kuint(&j, "arches", narch);
	json_kuint(&j, "cases", ncases);
	json_key(&j, "changed");
	json_strings(&j, changed->v, changed->n);
	json_key(&j, "effects");
	json_array_layout(&j, JSON_LINES);
	for (size_t i = 0; i < gs->n; i++) {
		json_object(&j);
		json_kstring(&j, "symbol", gs->v[i].sym);
		json_kstring(&j, "effect", gs->v[i].what);
		json_key(&j, "cases");
		json_strings(&j, gs->v[i].cases.v, gs->v[i].cases.n);
		json_key(&j, "chain");
		json_chain(&j, gs->v[i].chain);
		json_end(&j);
	}
	json_end(&j);
	for (int k = 0; k < 2; k++) {
		const findingvec *v = k ? removed : added;

		json_key(&j, k ? "lint_removed" : "lint_added");
		json_array_layout(&j, JSON_LINES);
		for (size_t i = 0; i < v->n; i++)
			json_finding(&j, v->v[i]);
		json_end(&j);
	}
	json_end(&j);
	json_finish(&j);
	fputc('\n', out);
}

static void print_cases(FILE *out, const strvec *cases, size_t ncases)
{
	if (cases->n == ncases && ncases > 3) {
		fprintf(out, "every arch and bitness (%zu cases)", ncases);
		return;
	}
	for (size_t c = 0; c < cases->n; c++)
		fprintf(out, "%s%s", c ? ", " : "", cases->v[c]);
}

int delta_report(struct delta *d, FILE *out)
{
	struct report R = { .d = d };
	struct findings fo = { 0 }, fn = { 0 };
	findingvec added = { 0 }, removed = { 0 };
	groupvec gs = { 0 };
	bool json = d->json;
	size_t narch = load_config_count(d->new), nwarn = 0;
	int rc;

	rc = arch_for_each(d->new, delta_arch, delta_collect, d, NULL);
	if (rc == EXIT_ERROR)
		return rc;
	/* an arch whose answers are unknown: no report at all (a change
	 * "on every arch", or none, could rest on it), only the arches */
	{
		strvec unknown = { 0 };

		for (size_t i = 0; i < d->results.n; i++)
			if (d->results.v[i] && !strncmp(d->results.v[i], "unknown\t", 8))
				strvec_push_dup(&unknown, d->new->arches.n ? d->new->arches.v[i] : "tree");
		if (unknown.n) {
			if (json) {
				struct json j;

				json_init(&j, out);
				json_object(&j);
				json_key(&j, "unknown");
				json_strings(&j, unknown.v, unknown.n);
				json_end(&j);
				json_finish(&j);
				fputc('\n', out);
			} else {
				for (size_t i = 0; i < unknown.n; i++)
					fprintf(out, "%s: unknown: solver budget exhausted (see --sat-budget)\n",
						unknown.v[i]);
			}
			strvec_free_all(&unknown);
			return EXIT_UNKNOWN;
		}
	}
	{
		struct lint_options lo = { .enabled = d->lint };

		R.lo = lint_new(&lo);
		R.ln = lint_new(&lo);
	}
	split_results(&R);
	if (R.bad)
		rc = EXIT_ERROR;
	if (R.toomany) {
		diag_fatal("%zu symbols changed; name the ones to compare (kcsat diff OLD NEW SYM...)",
			   R.toomany);
		vec_release(R.lines);
		strvec_free_all(&R.changed);
		lint_free(R.lo);
		lint_free(R.ln);
		return EXIT_ERROR;
	}
	if (d->lint) {
		if (lint_merge_facts(R.lo, d->old, &fo) || lint_merge_facts(R.ln, d->new, &fn))
			rc = EXIT_ERROR;
		only_in(&fn, &fo, &added);
		only_in(&fo, &fn, &removed);
		for (size_t i = 0; i < added.n; i++)
			nwarn += added.v[i]->level == LEVEL_WARNING;
	}
	groups(&R, &gs);
	if (json) {
		print_json(out, narch, R.ncases, &R.changed, &gs, &added, &removed);
	} else if (!gs.n && !added.n && !removed.n) {
		fprintf(out, "no change in the configuration space on any of %zu arch%s", narch,
			narch == 1 ? "" : "es");
		if (R.changed.n)
			fprintf(out, " (%zu symbol%s checked)", R.changed.n, R.changed.n == 1 ? "" : "s");
		fputc('\n', out);
	} else {
		fprintf(out, "symbols checked: ");
		for (size_t i = 0; i < R.changed.n; i++)
			fprintf(out, "%s%s", i ? ", " : "", R.changed.v[i]);
		fprintf(out, "%s\n", R.changed.n ? "" : "none");
		for (size_t i = 0; i < R.changed.n; i++) {
			bool moved = false;

			for (size_t g = 0; g < gs.n && !moved; g++)
				moved = !strcmp(gs.v[g].sym, R.changed.v[i]) &&
					(strstr(gs.v[g].what, " can ") || strstr(gs.v[g].what, " is "));
			if (!moved && narch == 1)
				fprintf(out, "%s: reachable values unchanged on the one arch checked, "
					     "every bitness\n", R.changed.v[i]);
			else if (!moved)
				fprintf(out, "%s: reachable values unchanged on all %zu arches checked, "
					     "every bitness\n", R.changed.v[i], narch);
		}
		for (size_t i = 0; i < gs.n; i++) {
			fprintf(out, "%s, on ", gs.v[i].what);
			print_cases(out, &gs.v[i].cases, R.ncases);
			fputc('\n', out);
			if (*gs.v[i].chain) {
				fprintf(out, "\t%s:\n", strstr(gs.v[i].what, "still requires") ? "through" : "blocked by");
				print_chain(out, gs.v[i].chain, "\t  ");
			}
		}
		for (size_t i = 0; i < removed.n; i++)
			print_finding(out, removed.v[i], "fixed: ");
		for (size_t i = 0; i < added.n; i++)
			print_finding(out, added.v[i], "new: ");
	}
	free_groups(&gs);
	vec_release(added);
	vec_release(removed);
	findings_release(&fo);
	findings_release(&fn);
	lint_free(R.lo);
	lint_free(R.ln);
	vec_release(R.lines);
	strvec_free_all(&R.changed);
	return rc != EXIT_OK ? rc : nwarn ? EXIT_NO : EXIT_OK;
}

void delta_print_empty_json(FILE *out, size_t narch)
{
	const strvec none = { 0 };
	const groupvec nogroup = { 0 };
	const findingvec nofinding = { 0 };

	print_json(out, narch, 0, &none, &nogroup, &nofinding, &nofinding);
}

void delta_release(struct delta *d)
{
	strvec_free_all(&d->results);
}
