/* lint's round 2, the evidence (see include/check/lint.h): the merge asks
 * an arch about the findings that survived it (lint_request(): why a
 * symbol or value is dead, why it needs one bitness, what implies a
 * redundant term), the arch answers with chains of Kconfig lines from a
 * model with a selector per line, as why-not does (lint_round2()), and
 * the answers become the findings' evidence (lint_add_evidence()). */
#include "lint-int.h"

#include <stdlib.h>
#include <string.h>

#include "kconfig/kconfig.h"
#include "sat/cnf.h"
#include "sat/model.h"
#include "sat/query.h"
#include "sat/sat.h"
#include "util/xalloc.h"

void lint_request(struct lint *L, size_t arch, enum lint_ask ask, const struct record *fact,
		  struct finding *f)
{
	struct lint_pending q = { .arch = arch, .ask = ask, .f = f };
	struct record_writer w;
	uint32_t n;

	while (L->requests.n <= arch) {
		vec_push(L->requests, ((struct strbuf)STRBUF_INIT));
		vec_push(L->nrequests, 0);
	}
	q.seq = L->nrequests.v[arch]++;
	rec_begin(&w, &L->requests.v[arch], &lint_requests[ask]);
	rec_uint(&w, "seq", q.seq);
	switch (ask) {
	case LQ_DEAD:
		rec_str(&w, "sym", rec_get(fact, "sym"));
		rec_str(&w, "value", rec_get(fact, "value"));
		break;
	case LQ_BITS:
		rec_str(&w, "sym", rec_get(fact, "sym"));
		rec_str(&w, "only", rec_get(fact, "only"));
		if (!rec_get_int(fact, "only", &q.only))
			L->bad++;
		break;
	case LQ_REDUND:
		rec_str(&w, "menu", rec_get(fact, "menu"));
		rec_str(&w, "dep", rec_get(fact, "dep"));
		rec_str(&w, "conj", rec_get(fact, "conj"));
		if (!rec_get_u32(fact, "menu", &n) || !rec_get_u32(fact, "dep", &n))
			L->bad++;
		break;
	case LQ_COUNT:
		break;
	}
	rec_end(&w);
	vec_push(L->pending, q);
}

/* ---- the worker's side ---- */

/* Assume lit unless it is a constant: returns false when lit is false
 * (nothing to solve: the question is impossible by construction). */
static bool assume(struct sat *S, int lit)
{
	if (lit != CNF_TRUE && lit != CNF_FALSE)
		sat_assume(S, lit);
	return lit != CNF_FALSE;
}

/* Solve what was assumed: UNSAT with a core to read, or not. */
static bool blocked(struct sat *S, bool possible)
{
	if (!possible) {
		sat_solve(S);	/* drop the assumptions */
		return false;
	}
	return sat_solve(S) == SAT_UNSAT;
}

/* Round 2's cone models have selectors, and a core is minimised by one
 * solve per selector in it, each assuming every selector of the model:
 * they are rebuilt sooner than round 1's. */
#define CHAIN_GROWTH 12000

struct chains {
	struct kctree *t;
	const char *arch;
	struct model *m;
	struct sat *S;
	struct bitness b[2];
	int nb, base;
	struct menu **menus;	/* by id, built on first use */
};

/* The model for the next question: the current one until it has grown
 * by CHAIN_GROWTH variables. */
static void chains_model(struct chains *C)
{
	struct arch_ctx a;

	if (C->m && cnf_nvars(model_cnf(C->m)) - C->base > CHAIN_GROWTH) {
		sat_free(C->S);
		model_free(C->m);
		C->m = NULL;
	}
	if (C->m)
		return;
	C->m = model_build(C->t, true, true);
	C->S = sat_new(model_cnf(C->m), true);
	a = (struct arch_ctx){ C->arch, C->t, C->m, C->S };
	C->nb = query_bitness(&a, 0, C->b);
	C->base = cnf_nvars(model_cnf(C->m));
}

/* Why sym cannot have the value (LQ_DEAD), or cannot be set with the
 * other bitness (LQ_BITS). */
static void chain_of_symbol(struct chains *C, const struct record *r, struct strbuf *ev)
{
	const struct symbol *s = sym_find(C->t, rec_get(r, "sym"));
	bool ok = true;

	if (!s || !model_has_value(C->m, s))
		return;
	if (r->kind == &lint_requests[LQ_BITS]) {
		int only, want;

		if (!rec_get_int(r, "only", &only))
			return;
		want = only == 64 ? 32 : 64;	/* the missing one */
		for (int k = 0; k < C->nb; k++)
			if (C->b[k].bits == want)
				ok = assume(C->S, C->b[k].lit) && ok;
		ok = assume(C->S, -model_sym_is(C->m, s, 'n')) && ok;
	} else {
		const char *v = rec_get(r, "value");

		ok = assume(C->S, !strcmp(v, "any") ? -model_sym_is(C->m, s, 'n')
						    : model_sym_is(C->m, s, v[0]));
	}
	if (blocked(C->S, ok)) {
		query_core_chain_text(ev, model_cnf(C->m), C->S, s);
		if (!ev->len)
			sb_adds(ev, "-");
	} else if (!ok) {
		sb_adds(ev, "-");
	}
}

/* The depends-on line dep (an index into menu's items), or NULL. */
static const struct dep_item *find_dep(struct chains *C, uint32_t menu, uint32_t dep,
				       const struct menu **in)
{
	const struct dep_item *d;

	if (!C->menus) {
		struct menu *m;

		C->menus = xcalloc(C->t->nmenus + 1, sizeof(*C->menus));
		menu_for_each(C->t, m)
			if (m->id < C->t->nmenus)
				C->menus[m->id] = m;
	}
	if (menu >= C->t->nmenus || !C->menus[menu])
		return NULL;
	*in = C->menus[menu];
	for (d = (*in)->deps; d && dep; d = d->next)
		dep--;
	return d && d->kind == DEP_DEPENDS ? d : NULL;
}

/* What implies conjunct conj of a depends-on line. */
static void chain_of_conjunct(struct chains *C, const struct record *r, struct strbuf *ev)
{
	const struct menu *mn = NULL;
	const struct dep_item *d;
	exprvec cs = { 0 };
	uint32_t menu, dep;
	int k;

	if (!rec_get_u32(r, "menu", &menu) || !rec_get_u32(r, "dep", &dep) ||
	    !rec_get_int(r, "conj", &k) || !(d = find_dep(C, menu, dep, &mn)))
		return;
	expr_conjuncts(d->expr, &cs);
	if (k >= 0 && k < (int)cs.n) {
		struct expr *rest = expr_and_but(C->t, &cs, (size_t)k);
		struct expr *conj = expr_rewrite_m(C->t, (struct expr *)cs.v[k]);

		for (int y = 0; y < 2 && !ev->len; y++) {
			bool ok = assume(C->S, model_dep_without(C->m, mn, d, rest, y));

			ok = assume(C->S, -model_expr_lit(C->m, conj, y)) && ok;
			if (!ok) {
				sat_solve(C->S);
				sb_adds(ev, "-");
				break;
			}
			if (sat_solve(C->S) != SAT_UNSAT)
				continue;
			query_core_chain_text(ev, model_cnf(C->m), C->S, mn->sym);
			if (!ev->len)
				sb_adds(ev, "-");
		}
	}
	vec_release(cs);
}

void lint_round2(const struct lint *L, struct kctree *t, const char *arch, char *requests,
		 struct strbuf *out)
{
	struct chains C = { .t = t, .arch = arch };
	struct record_reader rd;
	struct record r;
	double ms[LC_COUNT] = { 0 };

	(void)L;
	rec_reader_init(&rd, requests, lint_requests, LQ_COUNT);
	while (rec_read(&rd, &r)) {
		struct strbuf ev = STRBUF_INIT;
		enum lint_ask ask = (enum lint_ask)(r.kind - lint_requests);
		double t0 = lint_now_ms();

		chains_model(&C);
		if (ask == LQ_REDUND)
			chain_of_conjunct(&C, &r, &ev);
		else
			chain_of_symbol(&C, &r, &ev);
		if (ev.len) {
			struct record_writer w;

			rec_begin(&w, out, &lint_answers[LA_EV]);
			rec_str(&w, "seq", rec_get(&r, "seq"));
			rec_str(&w, "chain", sb_str(&ev));
			rec_end(&w);
		}
		sb_release(&ev);
		ms[ask == LQ_REDUND ? LC_REDUNDANT_DEP : ask == LQ_BITS ? LC_BITNESS_ONLY
									: LC_DEAD_SYMBOL] += lint_now_ms() - t0;
	}
	for (int c = 0; c < LC_COUNT; c++)
		if (ms[c] > 0)
			lint_put_time(out, &lint_answers[LA_TIME], lint_checks[c].doc.name, ms[c]);
	free(C.menus);
	sat_free(C.S);
	model_free(C.m);
}

/* ---- the answers into the findings ---- */


static const char *answer(const cstrvec *by_arch, const struct lint_pending *q)
{
	const cstrvec *a = &by_arch[q->arch];

	return q->seq < a->n ? a->v[q->seq] : NULL;
}

static void add_block(struct finding *f, const struct lint_pending *q, const char *archs,
		      const char *text)
{
	if (q->ask == LQ_REDUND)
		finding_add_evidence(f, "implied by (%s):", archs);
	else if (q->ask == LQ_BITS)
		finding_add_evidence(f, "blocked with 64BIT=%s (%s) by:", q->only == 64 ? "n" : "y",
				     archs);
	else
		finding_add_evidence(f, "blocked (%s) by:", archs);
	if (strcmp(text, "-") && strcmp(text, "")) {
		struct strbuf ind = STRBUF_INIT;

		sb_adds(&ind, "  ");
		for (const char *c = text; *c; c++) {
			sb_addc(&ind, *c);
			if (*c == '\n')
				sb_adds(&ind, "  ");
		}
		finding_add_evidence(f, "%s", sb_str(&ind));
		sb_release(&ind);
	} else if (q->ask == LQ_REDUND) {
		finding_add_evidence(f, "  (the entry's other dependencies, as written)");
	} else {
		finding_add_evidence(f, "  (no line: nothing in the tree can give it that value)");
	}
}

/* Round 2's chains into the findings that asked, one block per distinct
 * chain with the arches that share it. */
void lint_add_evidence(struct lint *L, const struct load_config *c)
{
	cstrvec *by_arch = xcalloc(L->answers.n + 1, sizeof(*by_arch));

	for (size_t a = 0; a < L->answers.n; a++) {
		struct record_reader rd;
		struct record r;
		double ms;
		uint32_t seq;
		int k;

		if (!L->answers.v[a])
			continue;
		rec_reader_init(&rd, L->answers.v[a], lint_answers, LA_COUNT);
		while (rec_read(&rd, &r)) {
			if (r.kind == &lint_answers[LA_EV] && rec_get_u32(&r, "seq", &seq)) {
				while (by_arch[a].n <= seq)
					vec_push(by_arch[a], NULL);
				by_arch[a].v[seq] = rec_get(&r, "chain");
			} else if (r.kind == &lint_answers[LA_TIME] &&
				   (k = lint_check_by_name(rec_get(&r, "what"))) >= 0 &&
				   rec_get_double(&r, "ms", &ms)) {
				L->evidence_ms[k] += ms;
			}
		}
		L->bad += rd.bad;
	}
	for (size_t i = 0; i < L->pending.n; i++) {
		struct lint_pending *q = &L->pending.v[i];
		struct strbuf archs = STRBUF_INIT;
		const char *text;

		if (q->joined || q->arch >= L->answers.n || !(text = answer(by_arch, q)))
			continue;
		/* the arches of later requests of this finding with the same
		 * chain join this block (a finding's requests are made one
		 * after the other) */
		sb_adds(&archs, lint_arch_name(c, q->arch));
		for (size_t j = i + 1; j < L->pending.n && L->pending.v[j].f == q->f; j++) {
			struct lint_pending *q2 = &L->pending.v[j];
			const char *t2 = q2->joined || q2->arch >= L->answers.n ? NULL : answer(by_arch, q2);

			if (t2 && !strcmp(t2, text)) {
				sb_addf(&archs, ", %s", lint_arch_name(c, q2->arch));
				q2->joined = true;
			}
		}
		add_block(q->f, q, sb_str(&archs), text);
		sb_release(&archs);
	}
	for (size_t a = 0; a < L->answers.n; a++)
		vec_release(by_arch[a]);
	free(by_arch);
}
