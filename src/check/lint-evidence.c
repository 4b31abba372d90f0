/* lint's round 2, the evidence (see include/check/lint.h): the merge asks
 * an arch about the findings that survived it (lint_request(): why a
 * symbol or value is dead, why it needs one bitness, what implies a
 * redundant term), the arch answers with chains of Kconfig lines from a
 * model with a selector per line, as why-not does (lint_round2()), and
 * the answers become the findings' evidence (lint_add_evidence()).
 *
 * A term redundant on many arches is asked of its first arch only; round
 * 3 hands that chain to the others, each of which checks it with the
 * chain's lines alone (a solve of a few decisions: a chain of depends-on
 * lines blocks by propagation) and computes a chain of its own only where
 * it does not hold, so the finding cites, per group of arches, a chain
 * that holds on each of them. */
#include "lint-int.h"

#include <stdlib.h>
#include <string.h>

#include "kconfig/kconfig.h"
#include "sat/cnf.h"
#include "sat/model.h"
#include "sat/query.h"
#include "sat/sat.h"
#include "util/xalloc.h"

static void request(struct lint *L, size_t arch, enum lint_ask ask, const struct record *fact,
		    const char *value, struct finding *f)
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
		rec_str(&w, "value", value ? value : rec_get(fact, "value"));
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
	case LQ_CHECK:
	case LQ_COUNT:
		break;
	}
	rec_end(&w);
	vec_push(L->pending, q);
}

void lint_request(struct lint *L, size_t arch, enum lint_ask ask, const struct record *fact,
		  struct finding *f)
{
	request(L, arch, ask, fact, NULL, f);
}

void lint_request_dead(struct lint *L, size_t arch, const struct record *fact, const char *value,
		       struct finding *f)
{
	request(L, arch, LQ_DEAD, fact, value, f);
}

void lint_request_later(struct lint *L, size_t arch, const struct record *fact)
{
	struct lint_later lt = { .arch = arch, .first = L->pending.n - 1 };

	vec_last(L->pending).wide = true;
	lt.menu = xstrdup(rec_get(fact, "menu"));
	lt.dep = xstrdup(rec_get(fact, "dep"));
	lt.conj = xstrdup(rec_get(fact, "conj"));
	vec_push(L->later, lt);
}

/* Round 3's request: does the chain of done[lt->first] hold on lt's arch? */
static void request_check(struct lint *L, const struct lint_later *lt, const char *chain)
{
	struct lint_pending q = { .arch = lt->arch, .ask = LQ_CHECK, .first = lt->first,
				  .f = L->done.v[lt->first].f };
	struct record_writer w;

	while (L->requests.n <= lt->arch) {
		vec_push(L->requests, ((struct strbuf)STRBUF_INIT));
		vec_push(L->nrequests, 0);
	}
	q.seq = L->nrequests.v[lt->arch]++;
	rec_begin(&w, &L->requests.v[lt->arch], &lint_requests[LQ_CHECK]);
	rec_uint(&w, "seq", q.seq);
	rec_str(&w, "menu", lt->menu);
	rec_str(&w, "dep", lt->dep);
	rec_str(&w, "conj", lt->conj);
	rec_str(&w, "chain", chain);
	rec_end(&w);
	vec_push(L->pending, q);
}

static void release_later(struct lint *L)
{
	for (size_t i = 0; i < L->later.n; i++) {
		free(L->later.v[i].menu);
		free(L->later.v[i].dep);
		free(L->later.v[i].conj);
	}
	vec_release(L->later);
}

static void release_pending(lint_pendings *v)
{
	for (size_t i = 0; i < v->n; i++)
		free(v->v[i].text);
	vec_release(*v);
}

void lint_evidence_free(struct lint *L)
{
	release_later(L);
	release_pending(&L->pending);
	release_pending(&L->done);
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

/* Round 3's check, and a dead symbol's own lines, get this many decisions:
 * lines that block a value do so by propagation, and lines that need a
 * search to block it are left to the core (never wrongly cited). */
#define CHECK_DECISIONS 200

/* When s's own lines alone keep it from lit (a symbol that is only `m`,
 * or `depends on n`), they are the chain, not a core through whatever else
 * happens to be dead on this arch: those of them that are needed (each
 * taken out in turn, as why-not's minimal loop does) into ev, as a chain.
 * False when they do not block it alone. */
static bool own_lines_chain(struct chains *C, const struct symbol *s, int lit, struct strbuf *ev)
{
	struct cnf *cnf = model_cnf(C->m);
	struct selvec in = { 0 }, out = { 0 };
	intvec own = { 0 }, rest = { 0 };
	bool blocks;

	for (size_t i = 0; i < cnf_nselectors(cnf); i++)
		if (cnf_selector_at(cnf, i)->sym == s)
			vec_push(own, cnf_selector_at(cnf, i)->var);
	assume(C->S, lit);
	blocks = own.n && sat_solve_lines(C->S, own.v, own.n, CHECK_DECISIONS) == SAT_UNSAT;
	for (size_t k = 0; blocks && k < own.n;) {
		rest.n = 0;
		for (size_t j = 0; j < own.n; j++)
			if (j != k)
				vec_push(rest, own.v[j]);
		assume(C->S, lit);
		if (sat_solve_lines(C->S, rest.v, rest.n, CHECK_DECISIONS) == SAT_UNSAT)
			own.v[k] = own.v[--own.n];	/* blocked without it too */
		else
			k++;
	}
	for (size_t k = 0; blocks && k < own.n; k++)
		vec_push(in, cnf_selector_of(cnf, own.v[k]));
	query_order_chain(s, &in, &out);
	for (size_t j = 0; j < out.n; j++) {
		if (ev->len)
			sb_adds(ev, "\n");
		query_chain_item_text(ev, out.v[j]);
	}
	vec_release(in);
	vec_release(out);
	vec_release(own);
	vec_release(rest);
	return blocks && ev->len;
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
		int lit = !strcmp(v, "any") ? -model_sym_is(C->m, s, 'n') : model_sym_is(C->m, s, v[0]);

		if (lit != CNF_FALSE && lit != CNF_TRUE && own_lines_chain(C, s, lit, ev))
			return;
		ok = assume(C->S, lit);
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
			if (m->id <= C->t->nmenus)	/* ids run to nmenus */
				C->menus[m->id] = m;
	}
	if (menu > C->t->nmenus || !C->menus[menu])
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

/* The selectors of this arch's model at the locations the chain's lines
 * cite ("SYM: line  (FILE:LINE)" each), into sels; false when a line is
 * not in the model (this arch does not read it, or it is outside the
 * question's cone). */
static bool chain_selectors(struct chains *C, const char *chain, intvec *sels)
{
	struct cnf *cnf = model_cnf(C->m);
	strvec locs = { 0 };
	u32vec lines = { 0 };
	boolvec found = { 0 };
	bool all = true;

	/* "-": no line */
	for (const char *p = strcmp(chain, "-") ? chain : ""; *p;) {
		const char *nl = strchr(p, '\n'), *end = nl ? nl : p + strlen(p), *open = NULL;
		char *loc;

		for (const char *q = p; q + 3 <= end; q++)
			if (!strncmp(q, "  (", 3))
				open = q + 3;
		if (!open || end[-1] != ')')
			all = false;
		if (open && end[-1] == ')') {
			const char *colon;

			loc = xstrndup(open, (size_t)(end - 1 - open));
			colon = strrchr(loc, ':');
			vec_push(locs, loc);
			vec_push(lines, colon ? (uint32_t)strtoul(colon + 1, NULL, 10) : 0);
			vec_push(found, false);
		}
		p = nl ? nl + 1 : end;
	}
	for (size_t i = 0; all && i < cnf_nselectors(cnf); i++) {
		const struct selector *sel = cnf_selector_at(cnf, i);
		char l[300];
		bool text = false;

		for (size_t k = 0; k < lines.n; k++) {
			if (sel->loc.line != lines.v[k])
				continue;
			if (!text)
				loc_str(sel->loc, l, sizeof(l));
			text = true;
			if (!strcmp(l, locs.v[k])) {
				vec_push(*sels, sel->var);
				found.v[k] = true;
			}
		}
	}
	for (size_t k = 0; k < found.n; k++)
		all = all && found.v[k];
	strvec_free_all(&locs);
	vec_release(lines);
	vec_release(found);
	return all;
}

/* Does the chain another arch gave for a redundant term (LQ_CHECK) block
 * it here?  "=" if so, else this arch's own chain. */
static void chain_check(struct chains *C, const struct record *r, struct strbuf *ev)
{
	const struct menu *mn = NULL;
	const struct dep_item *d;
	const char *chain = rec_get(r, "chain");
	exprvec cs = { 0 };
	uint32_t menu, dep;
	int k;
	bool holds = false;

	if (!rec_get_u32(r, "menu", &menu) || !rec_get_u32(r, "dep", &dep) ||
	    !rec_get_int(r, "conj", &k) || !(d = find_dep(C, menu, dep, &mn)))
		return;
	expr_conjuncts(d->expr, &cs);
	if (k >= 0 && k < (int)cs.n) {
		struct expr *rest = expr_and_but(C->t, &cs, (size_t)k);
		struct expr *conj = expr_rewrite_m(C->t, (struct expr *)cs.v[k]);

		for (int y = 0; y < 2 && !holds; y++) {
			int a = model_dep_without(C->m, mn, d, rest, y);
			int b = -model_expr_lit(C->m, conj, y);
			intvec sels = { 0 };

			if (a == CNF_FALSE || b == CNF_FALSE)
				break;	/* none: the question is impossible as written */
			if (chain_selectors(C, chain, &sels)) {
				assume(C->S, a);
				assume(C->S, b);
				holds = sat_solve_lines(C->S, sels.v, sels.n, CHECK_DECISIONS) ==
					SAT_UNSAT;
			}
			vec_release(sels);
		}
	}
	vec_release(cs);
	if (holds)
		sb_adds(ev, "=");
	else
		chain_of_conjunct(C, r, ev);
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
		else if (ask == LQ_CHECK)
			chain_check(&C, &r, &ev);
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
		ms[ask == LQ_REDUND || ask == LQ_CHECK ? LC_REDUNDANT_DEP :
		   ask == LQ_BITS ? LC_BITNESS_ONLY : LC_DEAD_SYMBOL] += lint_now_ms() - t0;
	}
	for (int c = 0; c < LC_COUNT; c++)
		if (ms[c] > 0)
			lint_put_time(out, &lint_answers[LA_TIME], lint_checks[c].doc.name, ms[c]);
	free(C.menus);
	sat_free(C.S);
	model_free(C.m);
}

/* ---- the answers into the findings ---- */


static const char *answer(const struct lint *L, const cstrvec *by_arch,
			  const struct lint_pending *q)
{
	const cstrvec *a;

	if (q->arch >= L->answers.n)
		return NULL;
	a = &by_arch[q->arch];
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

/* Each answer of arch a, by seq, into by_arch[a] (pointing into
 * L->answers); the evidence times into L. */
static void read_answers(struct lint *L, cstrvec *by_arch)
{
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
}

/* Round 2's chains into the findings that asked, one block per distinct
 * chain with the arches that share it; a chain to be checked on more
 * arches is kept for round 3. */
static void add_round2(struct lint *L, const struct load_config *c, const cstrvec *by_arch)
{
	for (size_t i = 0; i < L->pending.n; i++) {
		struct lint_pending *q = &L->pending.v[i];
		struct strbuf archs = STRBUF_INIT;
		const char *text;

		if (q->joined || !(text = answer(L, by_arch, q)))
			continue;
		if (q->wide) {
			q->text = xstrdup(text);
			continue;
		}
		/* the arches of later requests of this finding with the same
		 * chain join this block (a finding's requests are made one
		 * after the other) */
		sb_adds(&archs, lint_arch_name(c, q->arch));
		for (size_t j = i + 1; j < L->pending.n && L->pending.v[j].f == q->f; j++) {
			struct lint_pending *q2 = &L->pending.v[j];
			const char *t2 = q2->joined ? NULL : answer(L, by_arch, q2);

			if (t2 && !strcmp(t2, text)) {
				sb_addf(&archs, ", %s", lint_arch_name(c, q2->arch));
				q2->joined = true;
			}
		}
		add_block(q->f, q, sb_str(&archs), text);
		sb_release(&archs);
	}
}

/* A wide request's chain, with the arches where it holds, then a block
 * per other chain of round 3 with the arches that gave it. */
static void add_round3(struct lint *L, const struct load_config *c, const cstrvec *by_arch)
{
	size_t j = 0;

	for (size_t i = 0; i < L->done.n; i++) {
		struct lint_pending *w = &L->done.v[i];
		struct strbuf archs = STRBUF_INIT;
		size_t from;

		if (!w->wide || !w->text)
			continue;
		while (j < L->pending.n && L->pending.v[j].first < i)
			j++;
		from = j;
		sb_adds(&archs, lint_arch_name(c, w->arch));
		for (; j < L->pending.n && L->pending.v[j].first == i; j++) {
			const char *t = answer(L, by_arch, &L->pending.v[j]);

			if (t && !strcmp(t, "=")) {
				sb_addf(&archs, ", %s", lint_arch_name(c, L->pending.v[j].arch));
				L->pending.v[j].joined = true;
			}
		}
		add_block(w->f, w, sb_str(&archs), w->text);
		for (size_t k = from; k < j; k++) {
			struct lint_pending *q = &L->pending.v[k];
			const char *t = answer(L, by_arch, q);

			if (q->joined || !t)
				continue;
			sb_reset(&archs);
			sb_adds(&archs, lint_arch_name(c, q->arch));
			for (size_t k2 = k + 1; k2 < j; k2++) {
				struct lint_pending *q2 = &L->pending.v[k2];
				const char *t2 = q2->joined ? NULL : answer(L, by_arch, q2);

				if (t2 && !strcmp(t2, t)) {
					sb_addf(&archs, ", %s", lint_arch_name(c, q2->arch));
					q2->joined = true;
				}
			}
			add_block(w->f, w, sb_str(&archs), t);
		}
		sb_release(&archs);
	}
}

/* Round 3's requests: each later arch of a wide request that has a chain. */
static void make_round3(struct lint *L)
{
	for (size_t i = 0; i < L->requests.n; i++)
		sb_release(&L->requests.v[i]);
	L->requests.n = 0;
	L->nrequests.n = 0;
	L->done = L->pending;
	L->pending = (lint_pendings){ 0 };
	for (size_t i = 0; i < L->later.n; i++) {
		const struct lint_later *lt = &L->later.v[i];

		if (L->done.v[lt->first].text)
			request_check(L, lt, L->done.v[lt->first].text);
	}
	release_later(L);
}

void lint_add_evidence(struct lint *L, const struct load_config *c)
{
	cstrvec *by_arch = xcalloc(L->answers.n + 1, sizeof(*by_arch));

	read_answers(L, by_arch);
	if (L->round == 3)
		add_round3(L, c, by_arch);
	else
		add_round2(L, c, by_arch);
	for (size_t a = 0; a < L->answers.n; a++)
		vec_release(by_arch[a]);
	free(by_arch);
	/* the next round's answers come into a clean list: an arch without
	 * requests answers nothing */
	for (size_t a = 0; a < L->answers.n; a++)
		free(L->answers.v[a]);
	L->answers.n = 0;
	if (L->round == 2)
		make_round3(L);
	else
		for (size_t i = 0; i < L->requests.n; i++)
			sb_release(&L->requests.v[i]);
	if (L->round != 2)
		L->requests.n = 0;
}
