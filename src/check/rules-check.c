/* Rules evaluated on a tree: one job per arch (arch_for_each) puts each
 * rule's question to the arch's model, per bitness, and leaves what it
 * found as records (util/record.h); the merge turns them into one finding
 * per violated rule.  See include/rules.h. */
#include "check/rules.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sat/cnf.h"
#include "sat/witness.h"
#include "kconfig/eval.h"
#include "check/findings.h"
#include "kconfig/kconfig.h"
#include "sat/model.h"
#include "kconfig/parse.h"
#include "sat/query.h"
#include "sat/sat.h"
#include "util/record.h"
#include "util/outfile.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

/* ---- one arch ---- */

/* The records a job leaves (rule: the rule's index in the set). */
enum { R_CHECKED, R_UNDEF, R_VIOLATED, R_EVIDENCE, R_WITNESS, R_UNKNOWN };
static const struct record_kind records[] = {
	/* the rule was checked on this arch */
	[R_CHECKED] = { "checked", { "rule", NULL } },
	/* the whole result of an arch whose solves ran out of budget */
	[R_UNKNOWN] = { "unknown", { "arch", NULL } },
	/* its text-th expression (0: the subject) names sym, which this
	 * arch does not define */
	[R_UNDEF] = { "undef", { "rule", "text", "sym", NULL } },
	/* it is violated on arch (once per arch) */
	[R_VIOLATED] = { "violated", { "rule", "arch", NULL } },
	/* a line of evidence */
	[R_EVIDENCE] = { "evidence", { "rule", "line", NULL } },
	/* a witness .config for arch and bitness (0: 64BIT fixed) */
	[R_WITNESS] = { "witness", { "rule", "arch", "bits", "path", NULL } },
};

struct job {
	const struct rule_set *rs;
	const char *witness_dir;
	struct arch_ctx a;
	const char *arch;		/* "tree" for a plain tree */
	struct bitness b[2];
	int nb;
	bool encoded_all;
	bool rule_violated;		/* the current rule, on this arch */
	bool case_witnessed;		/* the current rule and bitness */
	struct strbuf *res;
	int rc;
};

/* The parsed expressions of one rule: [0] subject, then the items. */
struct rule_exprs {
	struct expr **v;
	size_t n;
};

static bool is_number(const char *s)
{
	if (*s == '-')
		s++;
	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
		return s[2] && strspn(s + 2, "0123456789abcdefABCDEF") == strlen(s + 2);
	return *s && strspn(s, "0123456789") == strlen(s);
}

/* A symbol a rule's expression names: not a constant or a number. */
static bool named_sym(const struct symbol *s)
{
	return s->name && !(s->flags & SYM_CONST) && !is_number(s->name);
}

static bool parse_rule(struct job *J, size_t idx, const struct rule *r, struct rule_exprs *x)
{
	x->n = 1 + r->items.n;
	x->v = xcalloc(x->n, sizeof(*x->v));
	for (size_t k = 0; k < x->n; k++) {
		const char *text = k ? r->items.v[k - 1].text : r->subject.text;
		symvec syms = { 0 };

		if (!(x->v[k] = parse_expr_string(J->a.t, text)))
			return false;
		expr_symbols(x->v[k], named_sym, &syms);
		for (size_t i = 0; i < syms.n; i++)
			if (!(syms.v[i]->flags & SYM_DEFINED)) {
				struct record_writer w;

				rec_begin(&w, J->res, &records[R_UNDEF]);
				rec_uint(&w, "rule", idx);
				rec_uint(&w, "text", k);
				rec_str(&w, "sym", syms.v[i]->name);
				rec_end(&w);
			}
		vec_release(syms);
	}
	return true;
}

static void case_name(const struct job *J, const struct bitness *b, struct strbuf *sb)
{
	sb_addf(sb, "%s%s%s", J->arch, b && *b->label ? " " : "", b ? b->label : "");
}

/* One line of evidence: tabs and newlines in it read as spaces. */
static void evidence(struct job *J, size_t idx, const char *text)
{
	struct record_writer w;
	char *line = xstrdup(text);

	for (char *c = line; *c; c++)
		if (*c == '\n' || *c == '\t')
			*c = ' ';
	rec_begin(&w, J->res, &records[R_EVIDENCE]);
	rec_uint(&w, "rule", idx);
	rec_str(&w, "line", line);
	rec_end(&w);
	free(line);
}

static void mark_violated(struct job *J, size_t idx)
{
	if (!J->rule_violated) {
		struct record_writer w;

		rec_begin(&w, J->res, &records[R_VIOLATED]);
		rec_uint(&w, "rule", idx);
		rec_str(&w, "arch", J->arch);
		rec_end(&w);
	}
	J->rule_violated = true;
}

/* SYM=VALUE of a solution, as .config writes it. */
static void add_value(struct strbuf *sb, struct eval *ev, const struct symbol *s)
{
	if (sym_is_bool_like(s))
		sb_addf(sb, "%s=%c", s->name, "nmy"[eval_sym_tri(ev, s)]);
	else
		sb_addf(sb, "%s=%s", s->name, eval_sym_str(ev, s));
}

/* Why a named symbol is set: the selects in effect (up to three). */
static void add_selects(struct job *J, size_t idx, struct eval *ev, const struct symbol *s)
{
	int n = 0;

	if (!sym_is_bool_like(s) || !eval_sym_tri(ev, s))
		return;
	for (const struct property *p = s->selected_by; p && n < 3; p = p->rev_next) {
		const struct symbol *by = p->menu ? p->menu->sym : NULL;
		struct strbuf sb = STRBUF_INIT;
		char l[300];

		if (!by || !eval_sym_tri(ev, by) || (p->cond && !eval_cond(ev, p->cond)))
			continue;
		sb_addf(&sb, "    %s=%c: %s=%c has `select %s", s->name, "nmy"[eval_sym_tri(ev, s)],
			by->name ? by->name : "<choice>", "nmy"[eval_sym_tri(ev, by)], s->name);
		if (p->cond) {
			sb_adds(&sb, " if ");
			expr_print(&sb, p->cond);
		}
		sb_addf(&sb, "`  (%s)", loc_str(p->loc, l, sizeof(l)));
		evidence(J, idx, sb_str(&sb));
		sb_release(&sb);
		n++;
	}
}

static void write_witness(struct job *J, size_t idx, const struct rule *r, const struct bitness *b,
			  const char *what)
{
	struct strbuf path = STRBUF_INIT, head = STRBUF_INIT;
	struct outfile of;

	sb_addf(&path, "%s/%s-%s%s%.0d.config", J->witness_dir, r->id.text, J->arch, b->bits ? "-" : "",
		b->bits);
	if (!outfile_open(&of, sb_str(&path))) {
		J->rc = EXIT_ERROR;
	} else {
		sb_addf(&head, "# kcsat check witness: rule '%s' (%s:%u) is violated on ", r->id.text,
			diag_file_name(r->loc.file), r->loc.line);
		case_name(J, b, &head);
		sb_addf(&head, ": %s\n", what);
		config_write(of.f, J->a.m, J->a.s, sb_str(&head));
		if (!outfile_commit(&of))
			J->rc = EXIT_ERROR;
		struct record_writer w;

		rec_begin(&w, J->res, &records[R_WITNESS]);
		rec_uint(&w, "rule", idx);
		rec_str(&w, "arch", J->arch);
		rec_int(&w, "bits", b->bits);
		rec_str(&w, "path", sb_str(&path));
		rec_end(&w);
	}
	sb_release(&path);
	sb_release(&head);
}

static enum sat_result solve_case(struct job *J, const struct bitness *b, const int *lits, size_t n)
{
	sat_assume(J->a.s, b->lit);
	for (size_t i = 0; i < n; i++)
		sat_assume(J->a.s, lits[i]);
	return sat_solve(J->a.s);
}

/* The case (bitness b, assumptions lits) breaks rule idx: evidence with
 * the values of the symbols the expressions ex name, and a witness. */
static void violation(struct job *J, size_t idx, const struct rule *r, const struct bitness *b,
		      const int *lits, size_t nlits, struct expr *const *ex, size_t nex, const char *what)
{
	symvec syms = { 0 };
	const struct symbol *s64 = sym_find(J->a.t, "64BIT");
	struct strbuf line = STRBUF_INIT;
	struct config c = { 0 };
	struct eval *ev;

	if (!J->encoded_all) {
		/* the whole model, for the witness and the evaluation */
		model_encode_all(J->a.m);
		J->encoded_all = true;
		if (solve_case(J, b, lits, nlits) != SAT_SAT)
			return;	/* cannot happen: more clauses, same answers */
	}
	mark_violated(J, idx);
	for (size_t i = 0; i < nex; i++)
		expr_symbols(ex[i], named_sym, &syms);
	if (s64 && (s64->flags & SYM_DEFINED) && b->bits) {
		bool seen = false;

		for (size_t i = 0; i < syms.n; i++)
			seen |= syms.v[i] == s64;
		if (!seen)
			vec_push(syms, s64);
	}
	config_from_solution(&c, J->a.m, J->a.s);
	ev = eval_new_config(J->a.t, &c);
	case_name(J, b, &line);
	sb_addf(&line, ": %s, with", what);
	for (size_t i = 0; i < syms.n; i++)
		if (syms.v[i]->flags & SYM_DEFINED) {
			sb_addc(&line, ' ');
			add_value(&line, ev, syms.v[i]);
		}
	evidence(J, idx, sb_str(&line));
	for (size_t i = 0; i < syms.n; i++)
		if (syms.v[i]->flags & SYM_DEFINED)
			add_selects(J, idx, ev, syms.v[i]);
	if (J->witness_dir && !J->case_witnessed)
		write_witness(J, idx, r, b, what);
	J->case_witnessed = true;
	eval_free(ev);
	config_release(&c);
	sb_release(&line);
	vec_release(syms);
}

/* assert, implies, forbids: the questions whose solutions break the rule. */
static void check_always(struct job *J, size_t idx, const struct rule *r, const struct rule_exprs *x)
{
	struct model *m = J->a.m;
	int subject = model_expr_lit(m, x->v[0], false);

	for (int k = 0; k < J->nb; k++) {
		J->case_witnessed = false;
		if (r->kind == RULE_ASSERT) {
			int lit = -subject;
			struct strbuf what = STRBUF_INIT;

			sb_addf(&what, "'%s' is n", r->subject.text);
			if (solve_case(J, &J->b[k], &lit, 1) == SAT_SAT)
				violation(J, idx, r, &J->b[k], &lit, 1, x->v, 1, sb_str(&what));
			sb_release(&what);
			continue;
		}
		for (size_t i = 1; i < x->n; i++) {
			int item = model_expr_lit(m, x->v[i], false);
			int lits[2] = { subject, r->kind == RULE_IMPLIES ? -item : item };
			struct expr *pair[2] = { x->v[0], x->v[i] };
			struct strbuf what = STRBUF_INIT;

			sb_addf(&what, "'%s' %s '%s'", r->subject.text,
				r->kind == RULE_IMPLIES ? "without" : "together with", r->items.v[i - 1].text);
			if (solve_case(J, &J->b[k], lits, 2) == SAT_SAT)
				violation(J, idx, r, &J->b[k], lits, 2, pair, 2, sb_str(&what));
			sb_release(&what);
		}
	}
}

/* reachable: where the expression cannot hold, the lines that block it
 * (a minimal core over the selector of every Kconfig line). */
static void check_reachable(struct job *J, size_t idx, const struct rule *r, const struct rule_exprs *x)
{
	symvec roots = { 0 };
	struct selvec core = { 0 }, chain = { 0 };
	struct strbuf line = STRBUF_INIT;
	struct model *m;
	struct sat *S;

	sat_assume(J->a.s, model_expr_lit(J->a.m, x->v[0], false));
	if (sat_solve(J->a.s) == SAT_SAT)
		return;
	mark_violated(J, idx);
	sb_addf(&line, "%s: '%s' can never hold; blocked by:", J->arch, r->subject.text);
	evidence(J, idx, sb_str(&line));
	m = model_build(J->a.t, true, true);
	S = sat_new(model_cnf(m), true);
	sat_assume(S, model_expr_lit(m, x->v[0], false));
	if (sat_solve(S) == SAT_UNSAT)
		for (const int *c = sat_core(S, true); *c; c++) {
			const struct selector *sel = cnf_selector_of(model_cnf(m), *c);

			if (sel)
				vec_push(core, sel);
		}
	expr_symbols(x->v[0], named_sym, &roots);
	query_order_chain_from(roots.v, roots.n, &core, &chain);
	for (size_t j = 0; j < chain.n; j++) {
		sb_reset(&line);
		sb_adds(&line, "    ");
		query_chain_item_text(&line, chain.v[j]);
		evidence(J, idx, sb_str(&line));
	}
	if (!chain.n)
		evidence(J, idx, "    (no line: the expression cannot hold by itself)");
	vec_release(roots);
	vec_release(core);
	vec_release(chain);
	sb_release(&line);
	sat_free(S);
	model_free(m);
}

static void check_rule(struct job *J, size_t idx, const struct rule *r, const struct rule_exprs *x)
{
	struct record_writer w;

	J->rule_violated = false;
	rec_begin(&w, J->res, &records[R_CHECKED]);
	rec_uint(&w, "rule", idx);
	rec_end(&w);
	if (r->kind == RULE_REACHABLE)
		check_reachable(J, idx, r, x);
	else
		check_always(J, idx, r, x);
}

/* What the jobs read and the merge fills: one ctx for both. */
struct undef {
	size_t rule, text;
	char *sym;
	unsigned n;			/* arches without it */
};

struct run {
	const struct rule_set *rs;
	const char *witness_dir;
	unsigned *checked;		/* by rule: arches it was checked on */
	struct finding **f;		/* by rule, once violated */
	VEC(struct undef) undef;
	struct findings *fs;
	unsigned bad;			/* malformed records (reported) */
};

static int rules_arch(const struct load_config *o, size_t i, void *ctx, FILE *out,
		      struct strbuf *result)
{
	const struct run *R = ctx;
	struct job J = { .rs = R->rs, .witness_dir = R->witness_dir, .res = result, .rc = EXIT_OK };
	struct rule_exprs *x;
	size_t n = J.rs->v.n;
	unsigned long long e0;

	(void)out;
	if (!arch_ctx_load(&J.a, o, i))
		return EXIT_ERROR;
	sat_renew();
	e0 = sat_exhausted();
	J.arch = J.a.arch ? J.a.arch : "tree";
	x = xcalloc(n, sizeof(*x));
	/* every expression before encoding: its constants join the domains */
	for (size_t r = 0; r < n && J.rc == EXIT_OK; r++)
		if (rule_applies(&J.rs->v.v[r], J.a.arch) && !parse_rule(&J, r, &J.rs->v.v[r], &x[r]))
			J.rc = EXIT_ERROR;
	if (J.rc == EXIT_OK) {
		arch_ctx_encode(&J.a);
		J.nb = query_bitness(&J.a, 0, J.b);
		for (size_t r = 0; r < n; r++)
			if (x[r].v)
				check_rule(&J, r, &J.rs->v.v[r], &x[r]);
	}
	for (size_t r = 0; r < n; r++)
		free(x[r].v);
	free(x);
	sat_job_stats("arch", J.arch);
	if (J.rc != EXIT_ERROR && sat_exhausted() > e0) {
		struct record_writer w;

		sb_reset(result);
		rec_begin(&w, result, &records[R_UNKNOWN]);
		rec_str(&w, "arch", J.arch);
		rec_end(&w);
	}
	arch_ctx_close(&J.a);
	return J.rc;
}

/* ---- the merge ---- */

static const char *summary(enum rule_kind k)
{
	static const char *const s[] = {
		"can be n", "can never hold", "can hold without what it requires",
		"can hold with what it excludes",
	};
	return s[k];
}

static struct finding *rule_finding(struct run *M, size_t idx)
{
	const struct rule *r = &M->rs->v.v[idx];

	if (!M->f[idx]) {
		M->f[idx] = finding_add(M->fs, r->id.text, LEVEL_WARNING, diag_file_name(r->loc.file),
					r->loc.line,
					r->kind >= RULE_IMPLIES ? r->subject.text : NULL, r->id.text);
		finding_set_message(M->f[idx], "'%s' %s: %s", r->subject.text, summary(r->kind),
				    r->description);
	}
	return M->f[idx];
}

static void add_undef(struct run *M, size_t rule, size_t text, const char *sym)
{
	for (size_t i = 0; i < M->undef.n; i++) {
		struct undef *u = &M->undef.v[i];

		if (u->rule == rule && u->text == text && !strcmp(u->sym, sym)) {
			u->n++;
			return;
		}
	}
	vec_push(M->undef, ((struct undef){ rule, text, xstrdup(sym), 1 }));
}

static void merge_record(struct run *M, const struct record *r)
{
	uint32_t idx, text;
	int bits;

	if (r->kind == &records[R_UNKNOWN]) {
		if (!strvec_contains(&M->fs->unknown, r->f[0]))
			strvec_push_dup(&M->fs->unknown, r->f[0]);
		return;
	}
	if (!rec_get_u32(r, "rule", &idx) || idx >= M->rs->v.n)
		return;
	switch (r->kind - records) {
	case R_CHECKED:
		M->checked[idx]++;
		break;
	case R_UNDEF:
		if (rec_get_u32(r, "text", &text))
			add_undef(M, idx, text, rec_get(r, "sym"));
		break;
	case R_VIOLATED:
		finding_add_arch(rule_finding(M, idx), rec_get(r, "arch"));
		break;
	case R_EVIDENCE:
		finding_add_evidence(rule_finding(M, idx), "%s", rec_get(r, "line"));
		break;
	case R_WITNESS:
		if (rec_get_int(r, "bits", &bits)) {
			struct finding *x = rule_finding(M, idx);
			struct witness_ref wr = { xstrdup(rec_get(r, "arch")), bits,
						  xstrdup(rec_get(r, "path")), NULL };

			vec_push(x->witnesses, wr);
		}
		break;
	}
}

static void rules_merge(void *ctx, size_t i, const char *result)
{
	struct run *M = ctx;
	char *copy = xstrdup(result);
	struct record_reader rd;
	struct record r;

	(void)i;
	rec_reader_init(&rd, copy, records, sizeof(records) / sizeof(records[0]));
	while (rec_read(&rd, &r))
		merge_record(M, &r);
	M->bad += rd.bad;
	free(copy);
}

/* Did the run check every arch the rule names (no --arch narrowing)? */
static bool covered(const struct rule *r, const struct load_config *o, size_t nall)
{
	if (!o->arches.n)
		return true;
	if (!r->arches.n)
		return o->arches.n == nall;
	for (size_t i = 0; i < r->arches.n; i++) {
		size_t k;

		for (k = 0; k < o->arches.n && strcmp(o->arches.v[k], r->arches.v[i].text); k++)
			;
		if (k == o->arches.n)
			return false;
	}
	return true;
}

/* A symbol missing on every arch a rule was checked on: a typo. */
static bool report_undefined(const struct run *M, const struct load_config *o, size_t nall)
{
	bool ok = true;

	for (size_t i = 0; i < M->undef.n; i++) {
		const struct undef *u = &M->undef.v[i];
		const struct rule *r = &M->rs->v.v[u->rule];
		const struct rule_text *x = u->text ? &r->items.v[u->text - 1] : &r->subject;

		if (u->n < M->checked[u->rule] || !covered(r, o, nall))
			continue;
		diag_error_col(x->loc, x->col, "rule '%s' names '%s', which %s", r->id.text, u->sym,
			       o->arches.n ? "no arch it applies to defines" : "the tree does not define");
		ok = false;
	}
	return ok;
}

int rules_check(const struct load_config *o, const struct rule_set *rs, const char *witness_dir,
		struct findings *fs)
{
	struct run M = { .rs = rs, .witness_dir = witness_dir, .fs = fs };
	strvec all = { 0 };
	int rc;

	if (o->arches.n) {
		if (arch_list(o->srctree ? o->srctree : ".", &all) < 0)
			return EXIT_ERROR;
		if (!rules_check_arches(rs, all.v, all.n)) {
			strvec_free_all(&all);
			return EXIT_ERROR;
		}
	}
	M.checked = xcalloc(rs->v.n + 1, sizeof(*M.checked));
	M.f = xcalloc(rs->v.n + 1, sizeof(*M.f));
	rc = arch_for_each(o, rules_arch, rules_merge, &M, NULL);
	if (M.bad)
		rc = EXIT_ERROR;
	if (rc != EXIT_ERROR && !report_undefined(&M, o, all.n))
		rc = EXIT_ERROR;
	for (size_t i = 0; i < M.undef.n; i++)
		free(M.undef.v[i].sym);
	vec_release(M.undef);
	free(M.checked);
	free(M.f);
	strvec_free_all(&all);
	return rc == EXIT_ERROR ? EXIT_ERROR : fs->unknown.n ? EXIT_UNKNOWN : EXIT_OK;
}
