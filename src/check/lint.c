/* kcsat lint, one architecture at a time: see include/lint.h.
 *
 * Round 1 builds one model of the arch (every symbol encoded, no line
 * selectors) and a literal per question: "X can be y", "this default is
 * the one in effect", "this select can raise X above X's dependencies",
 * "the entry's other dependencies hold while this term does not"...
 * Random solutions of that model answer most of them at once; the rest go
 * to cone models (settle()), where a solve costs a few milliseconds
 * instead of a hundred.  Facts leave as tab-separated lines:
 *
 *   files  F...            every Kconfig file this arch reads
 *   defs   S...            every symbol it defines
 *   pragma ENTRY TEXT      a `# kcsat:` comment, with the entry it sits in
 *   cycle  LOC TEXT        a dependency loop, in the kernel's words
 *   undef  SYM LOC ENTRY   a reference to a symbol this arch does not define
 *   nonbool LOC SYM TARGET ENTRY WHY
 *   unmet  LOC SYM TARGET ENTRY BITS WITNESS EVIDENCE
 *   dead   SYM VALUE LOC   SYM never has VALUE here ("any": never y or m)
 *   prop   LOC KIND STATUS SYM ENTRY TEXT   a line never in effect here
 *   redund LOC K STATUS SYM ENTRY TEXT      conjunct K adds nothing here
 *   selvis LOC SYM TARGET ENTRY PROMPTLOC
 *   bits   SYM ONLY LOC                     reachable with 64BIT=ONLY only
 *   time   CHECK MS
 *
 * Round 2 answers the requests lint_merge() leaves ("dead SYM VALUE",
 * "redund LOC K", "bits SYM ONLY") with chains of lines from a model that
 * has a selector per line, as why-not does. */
#include "check/lint.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "sat/cnf.h"
#include "sat/witness.h"
#include "sat/implied.h"
#include "kconfig/kconfig.h"
#include "sat/model.h"
#include "sat/query.h"
#include "sat/sat.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

const struct check_doc lint_checks[LC_COUNT] = {
	[LC_BITNESS_ONLY] = { "bitness-only",
		"a symbol reachable with only one value of 64BIT on an arch where both exist, "
		"while nothing in its own entry says so" },
	[LC_DEAD_DEFAULT] = { "dead-default",
		"a default that never takes effect: its condition never holds, or an earlier "
		"default always applies first" },
	[LC_DEAD_PROMPT] = { "dead-prompt", "a prompt that is never visible" },
	[LC_DEAD_SELECT] = { "dead-select", "a select (or imply) that is never active" },
	[LC_DEAD_SYMBOL] = { "dead-symbol",
		"a symbol, or one of its values (y or m), that no configuration reaches" },
	[LC_RECURSIVE_DEP] = { "recursive-dependency",
		"a dependency loop, which scripts/kconfig rejects" },
	[LC_REDUNDANT_DEP] = { "redundant-dependency",
		"a `depends on` term that the entry's other dependencies already imply" },
	[LC_SELECT_NONBOOL] = { "select-nonbool",
		"a select of a symbol that is not bool or tristate, or by one that is not" },
	[LC_SELECT_VISIBLE] = { "select-visible",
		"a select of a symbol whose prompt can be visible while the select is active" },
	[LC_UNDEFINED_SYM] = { "undefined-symbol",
		"a symbol referenced but defined on no arch (a note: defined only on arches "
		"that never read the line)" },
	[LC_UNMET_SELECT] = { "unmet-select",
		"a select that can force a symbol while the symbol's direct dependencies are "
		"not met (conf: \"unmet direct dependencies detected\")" },
};

int lint_check_by_name(const char *name)
{
	for (int i = 0; i < LC_COUNT; i++)
		if (!strcmp(lint_checks[i].name, name))
			return i;
	return -1;
}

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* ---- facts ---- */

static void put_field(struct strbuf *r, const char *s)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '\\': sb_adds(r, "\\\\"); break;
		case '\t': sb_adds(r, "\\t"); break;
		case '\n': sb_adds(r, "\\n"); break;
		default: sb_addc(r, *s);
		}
	}
}

/* One fact: kind, then the NULL-terminated fields. */
static void fact(struct strbuf *r, const char *kind, ...)
{
	va_list ap;
	const char *f;

	sb_adds(r, kind);
	va_start(ap, kind);
	while ((f = va_arg(ap, const char *))) {
		sb_addc(r, '\t');
		put_field(r, f);
	}
	va_end(ap);
	sb_addc(r, '\n');
}

static const char *locs(struct loc at, char *buf, size_t n)
{
	return loc_str(at, buf, n);
}

static bool on(const struct lint_run *L, enum lint_check c)
{
	return L->enabled & (1u << c);
}

static bool numeric(const char *s)
{
	if (*s == '-')
		s++;
	return *s >= '0' && *s <= '9';
}

/* ---- static facts: files, definitions, comments, loops, references ---- */

struct entry_line {
	uint32_t file, line;
	struct loc entry;
};

static int entry_cmp(const void *a, const void *b)
{
	const struct entry_line *x = a, *y = b;

	if (x->file != y->file)
		return x->file < y->file ? -1 : 1;
	return x->line < y->line ? -1 : x->line > y->line;
}

static bool is_entry(const struct menu *m)
{
	return m->kind == M_CONFIG || m->kind == M_MENUCONFIG || m->kind == M_CHOICE ||
	       m->kind == M_MENU || m->kind == M_COMMENT || m->kind == M_IF;
}

/* A `# kcsat: disable=...` comment belongs to the entry that starts on
 * the next line, else to the entry it sits in. */
static void pragma_facts(struct kctree *t, struct strbuf *r)
{
	VEC(struct entry_line) ents = { 0 };
	struct menu *m;
	char l[300];

	if (!t->pragmas.n)
		return;
	menu_for_each(t, m)
		if (is_entry(m))
			vec_push(ents, ((struct entry_line){ m->loc.file, m->loc.line, m->loc }));
	qsort(ents.v, ents.n, sizeof(*ents.v), entry_cmp);
	for (size_t i = 0; i < t->pragmas.n; i++) {
		struct loc at = t->pragmas.v[i].at;
		const struct entry_line *best = NULL;

		for (size_t k = 0; k < ents.n; k++) {
			if (ents.v[k].file != at.file)
				continue;
			if (ents.v[k].line == at.line + 1) {
				best = &ents.v[k];
				break;
			}
			if (ents.v[k].line <= at.line)
				best = &ents.v[k];
		}
		if (best)
			fact(r, "pragma", locs(best->entry, l, sizeof(l)), t->pragmas.v[i].text, NULL);
	}
	vec_release(ents);
}

static void undef_expr(const struct expr *e, struct loc at, struct loc entry, struct strbuf *r);

static void undef_sym(const struct symbol *s, struct loc at, struct loc entry, struct strbuf *r)
{
	char l[300], e[300];

	if (!s || !s->name || (s->flags & (SYM_CONST | SYM_SHELL | SYM_DEFINED)) || numeric(s->name))
		return;
	fact(r, "undef", s->name, locs(at, l, sizeof(l)), locs(entry, e, sizeof(e)), NULL);
}

static void undef_expr(const struct expr *e, struct loc at, struct loc entry, struct strbuf *r)
{
	if (!e)
		return;
	switch (e->type) {
	case E_NOT:
		undef_expr(e->left, at, entry, r);
		return;
	case E_AND:
	case E_OR:
		undef_expr(e->left, at, entry, r);
		undef_expr(e->right, at, entry, r);
		return;
	default:
		undef_sym(e->sym, at, entry, r);
		if (e->type != E_SYMBOL)
			undef_sym(e->rsym, at, entry, r);
	}
}

static int strp_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool in_focus(const struct lint_run *L, const struct symbol *s)
{
	return !L->focus ||
	       (s && s->name && L->nfocus &&
		bsearch(&s->name, L->focus, L->nfocus, sizeof(char *), strp_cmp));
}

static void static_facts(const struct lint_run *L, struct kctree *t, struct strbuf *r)
{
	struct strbuf sb = STRBUF_INIT;
	struct menu *m;
	size_t i;
	const struct symbol *s;
	char l[300], e[300];

	for (i = 0; i < t->files.n; i++) {
		sb_addc(&sb, '\t');
		sb_adds(&sb, t->files.v[i]);
	}
	sb_addf(r, "files%s\n", sb_str(&sb));
	sb_reset(&sb);
	tree_for_each_sym(t, s, i)
		if ((s->flags & SYM_DEFINED) && !(s->flags & SYM_CONST) && s->name) {
			sb_addc(&sb, '\t');
			sb_adds(&sb, s->name);
		}
	sb_addf(r, "defs%s\n", sb_str(&sb));
	sb_release(&sb);
	pragma_facts(t, r);
	if (on(L, LC_RECURSIVE_DEP))
		for (i = 0; i < t->cycles.n; i++)
			fact(r, "cycle", locs(t->cycles.v[i].at, l, sizeof(l)), t->cycles.v[i].text, NULL);
	menu_for_each(t, m) {
		struct loc entry = m->loc;

		if (L->focus && !in_focus(L, m->sym))
			continue;
		if (on(L, LC_UNDEFINED_SYM)) {
			for (const struct dep_item *d = m->deps; d; d = d->next)
				undef_expr(d->expr, d->loc, entry, r);
			for (const struct dep_item *d = m->visibility; d; d = d->next)
				undef_expr(d->expr, d->loc, entry, r);
		}
		for (const struct property *p = m->props; p; p = p->menu_next) {
			if (on(L, LC_UNDEFINED_SYM)) {
				undef_expr(p->cond, p->loc, entry, r);
				if (p->type == P_DEFAULT)
					undef_expr(p->expr, p->loc, entry, r);
				if (p->type == P_SELECT || p->type == P_IMPLY)
					undef_sym(p->target, p->loc, entry, r);
				if (p->type == P_RANGE) {
					undef_sym(p->lo, p->loc, entry, r);
					undef_sym(p->hi, p->loc, entry, r);
				}
			}
			if (on(L, LC_SELECT_NONBOOL) && (p->type == P_SELECT || p->type == P_IMPLY) &&
			    m->sym && (p->target->flags & SYM_DEFINED)) {
				const char *kw = p->type == P_SELECT ? "select" : "imply";
				struct strbuf why = STRBUF_INIT;

				if (!sym_is_bool_like(p->target))
					sb_addf(&why, "%s %s: %s is %s; '%s' only accepts bool and tristate symbols",
						kw, p->target->name, p->target->name,
						sym_type_name(p->target->type), kw);
				else if (!sym_is_bool_like(m->sym))
					sb_addf(&why, "%s %s: %s is %s; only bool and tristate symbols can %s",
						kw, p->target->name, m->sym->name, sym_type_name(m->sym->type), kw);
				if (why.len)
					fact(r, "nonbool", locs(p->loc, l, sizeof(l)), m->sym->name,
					     p->target->name, locs(entry, e, sizeof(e)), sb_str(&why), NULL);
				sb_release(&why);
			}
		}
	}
}

/* ---- round 1: every question as one target literal ---- */

enum tkind {
	T_SYM_M, T_SYM_Y, T_SYM_MM, T_MODULES, T_ENTRY, T_PROP, T_DEF_ACT, T_UNMET,
	T_RED_OTH, T_RED_VIOL, T_SELVIS, T_BIT_SAME, T_BIT_OPP, T_SYM_64, T_SYM_32,
};

struct redund {
	const struct menu *m;
	const struct dep_item *d;
	const struct expr *conj, *rest;	/* conjunct k, and the others */
	int k;
	size_t oth, viol;	/* target indexes */
};

struct job {
	const struct lint_run *L;
	const char *arch;
	struct kctree *t;
	struct model *m;
	struct sat *S;
	struct sat *sampler;	/* m before the targets: sat_sample() */
	struct implied *implied;	/* NULL: every select goes to the solver */
	/* targets: what each asks, its literal in m */
	VEC(int) lits;
	VEC(uint8_t) kind;
	VEC(const void *) what;	/* symbol, menu or property; NULL for T_RED_* */
	VEC(uint32_t) red_of;	/* T_RED_*: index into red */
	unsigned char *live;
	size_t *sym_m, *sym_y, *sym_mm, *sym_64, *entry;	/* by symbol / menu id: index + 1 */
	VEC(struct redund) red;
	size_t modules;		/* index + 1 */
	int b64;		/* 64BIT=y literal, 0 if it is fixed */
	struct strbuf *r;
	double encode_ms, ms[LC_COUNT + 1], sample_ms, cone_ms;
};

static bool tri_valued(const struct model *m, const struct symbol *s)
{
	return model_has_value(m, s) && sym_is_bool_like(s);
}

/* Target k's literal in model m (the job's own or a cone model of the same
 * tree), with b64 m's 64BIT=y literal. */
static int target_lit(struct job *J, struct model *m, int b64, size_t k)
{
	struct cnf *C = model_cnf(m);
	const void *w = J->what.v[k];
	const struct symbol *s = w;
	const struct property *p = w;

	switch ((enum tkind)J->kind.v[k]) {
	case T_MODULES:
	case T_SYM_Y:
		return model_sym_is(m, s, 'y');
	case T_SYM_M:
		return -model_sym_is(m, s, 'n');
	case T_SYM_MM:
		return model_sym_is(m, s, 'm');
	case T_BIT_SAME:
		return -cnf_iff(C, model_sym_is(m, s, 'y'), b64);	/* differs from 64BIT */
	case T_BIT_OPP:
		return cnf_iff(C, model_sym_is(m, s, 'y'), b64);	/* differs from !64BIT */
	case T_SYM_64:
		return cnf_and(C, -model_sym_is(m, s, 'n'), b64);
	case T_SYM_32:
		return cnf_and(C, -model_sym_is(m, s, 'n'), -b64);
	case T_ENTRY:
		return model_dep_without(m, w, NULL, NULL, false);
	case T_PROP:
		return model_prop_lit(m, p);
	case T_DEF_ACT: {
		int dep = model_dep_without(m, p->menu, NULL, NULL, false);

		return dep == CNF_FALSE ? CNF_FALSE
					: cnf_and(C, dep, model_expr_lit(m, expr_rewrite_m(J->t, p->cond), false));
	}
	case T_UNMET:
		return model_unmet_lit(m, p);
	case T_SELVIS: {
		int vis = CNF_FALSE;

		for (const struct property *q = p->target->props; q; q = q->sym_next)
			if (q->type == P_PROMPT)
				vis = cnf_or(C, vis, model_prop_lit(m, q));
		return vis == CNF_FALSE ? CNF_FALSE : cnf_and(C, vis, model_prop_lit(m, p));
	}
	case T_RED_OTH:
	case T_RED_VIOL: {
		const struct redund *rd = &J->red.v[J->red_of.v[k]];
		struct expr *c = expr_rewrite_m(J->t, (struct expr *)rd->conj);
		int om = model_dep_without(m, rd->m, rd->d, rd->rest, false), oy;

		if (J->kind.v[k] == T_RED_OTH)
			return om;
		oy = model_dep_without(m, rd->m, rd->d, rd->rest, true);
		return cnf_or(C, cnf_and(C, om, -model_expr_lit(m, c, false)),
			      cnf_and(C, oy, -model_expr_lit(m, c, true)));
	}
	}
	return CNF_FALSE;
}

static size_t target(struct job *J, enum tkind k, const void *what, uint32_t red)
{
	vec_push(J->kind, (uint8_t)k);
	vec_push(J->what, what);
	vec_push(J->red_of, red);
	vec_push(J->lits, 0);
	J->lits.v[J->lits.n - 1] = target_lit(J, J->m, J->b64, J->lits.n - 1);
	return J->lits.n;	/* index + 1 */
}

/* Most selects sit inside the very dependencies of their target: no
 * question for the solver (the whole-model mode still asks, for tests). */
static bool statically_met(struct job *J, const struct property *p)
{
	return J->implied && implied_select_met(J->implied, p);
}

static void add_targets(struct job *J)
{
	struct kctree *t = J->t;
	struct model *m = J->m;
	const struct lint_run *L = J->L;
	const struct symbol *s;
	struct menu *mn;
	size_t i;

	J->sym_m = xcalloc(t->syms.n, sizeof(size_t));
	J->sym_y = xcalloc(t->syms.n, sizeof(size_t));
	J->sym_mm = xcalloc(t->syms.n, sizeof(size_t));
	J->sym_64 = xcalloc(t->syms.n, sizeof(size_t));
	J->entry = xcalloc(t->nmenus + 1, sizeof(size_t));
	if (t->modules && tri_valued(m, t->modules))
		J->modules = target(J, T_MODULES, t->modules, 0);
	tree_for_each_sym(t, s, i) {
		if (!tri_valued(m, s) || !in_focus(L, s))
			continue;
		J->sym_m[i] = target(J, T_SYM_M, s, 0);
		J->sym_y[i] = target(J, T_SYM_Y, s, 0);
		if (s->type == S_TRISTATE)
			J->sym_mm[i] = target(J, T_SYM_MM, s, 0);
		if (J->b64 && on(L, LC_BITNESS_ONLY)) {
			J->sym_64[i] = target(J, T_SYM_64, s, 0);	/* T_SYM_32 next */
			target(J, T_SYM_32, s, 0);
		}
		if (J->b64 && s->type == S_BOOLEAN && on(L, LC_BITNESS_ONLY)) {
			target(J, T_BIT_SAME, s, 0);
			target(J, T_BIT_OPP, s, 0);
		}
	}
	menu_for_each(t, mn) {
		if (mn->kind != M_CONFIG && mn->kind != M_MENUCONFIG && mn->kind != M_CHOICE &&
		    mn->kind != M_MENU)
			continue;
		if (!in_focus(L, mn->sym)) {
			/* outside the focus only whether its selects of the
			 * focus symbols can be unmet */
			for (const struct property *p = mn->props; p && mn->sym; p = p->menu_next)
				if (p->type == P_SELECT && p->target && in_focus(L, p->target) &&
				    on(L, LC_UNMET_SELECT) && !p->target->choice &&
				    tri_valued(m, p->target) && tri_valued(m, mn->sym) &&
				    !statically_met(J, p))
					target(J, T_UNMET, p, 0);
			continue;
		}
		J->entry[mn->id] = target(J, T_ENTRY, mn, 0);
		if (on(L, LC_REDUNDANT_DEP))
			for (const struct dep_item *d = mn->deps; d; d = d->next) {
				exprvec cs = { 0 };

				if (d->kind != DEP_DEPENDS)
					continue;
				expr_conjuncts(d->expr, &cs);
				for (size_t k = 0; k < cs.n; k++) {
					struct expr *rest;
					uint32_t at = (uint32_t)J->red.n;

					if (cs.v[k]->type == E_SYMBOL && (cs.v[k]->sym->flags & SYM_CONST))
						continue;
					rest = expr_and_but(t, &cs, k);
					vec_push(J->red, ((struct redund){ mn, d, cs.v[k], rest, (int)k, 0, 0 }));
					J->red.v[at].oth = target(J, T_RED_OTH, NULL, at);
					J->red.v[at].viol = target(J, T_RED_VIOL, NULL, at);
					if (J->implied && implied_dep_redundant(J->implied, mn, d, rest, cs.v[k]))
						J->lits.v[J->red.v[at].viol - 1] = CNF_FALSE;
				}
				vec_release(cs);
			}
		for (const struct property *p = mn->props; p; p = p->menu_next) {
			const struct symbol *x = p->target;

			if ((p->type == P_DEFAULT && on(L, LC_DEAD_DEFAULT)) ||
			    (p->type == P_PROMPT && mn->sym && on(L, LC_DEAD_PROMPT)) ||
			    ((p->type == P_SELECT || p->type == P_IMPLY) && on(L, LC_DEAD_SELECT))) {
				if (mn->sym) {
					target(J, T_PROP, p, 0);
					if (p->type == P_DEFAULT)
						target(J, T_DEF_ACT, p, 0);
				}
			}
			if (p->type != P_SELECT || !mn->sym || !x || !tri_valued(m, x) || !tri_valued(m, mn->sym))
				continue;
			if (on(L, LC_UNMET_SELECT) && !x->choice && !statically_met(J, p))
				target(J, T_UNMET, p, 0);
			if (on(L, LC_SELECT_VISIBLE))
				target(J, T_SELVIS, p, 0);
		}
	}
}

/* Unmet select target i's evidence, read off the job's solution that shows
 * it. */
static void unmet_found(struct job *J, size_t i)
{
	const struct property *p;
	const struct symbol *x, *s;
	struct strbuf ev = STRBUF_INIT, path = STRBUF_INIT, cond = STRBUF_INIT;
	char l[300], e[300], bits[8] = "0";
	char sv, xv;

	p = J->what.v[i];
	x = p->target;
	s = p->menu->sym;
	sv = model_tri_value(J->m, J->S, s);
	xv = model_tri_value(J->m, J->S, x);
	if (J->b64)
		snprintf(bits, sizeof(bits), "%d", sat_value(J->S, J->b64) > 0 ? 64 : 32);
	if (p->cond) {
		expr_print(&cond, p->cond);
		sb_addf(&ev, "%s=%c selects %s (if %s) while %s's dependencies are %c; %s ends up %c",
			s->name, sv, x->name, sb_str(&cond), x->name,
			sat_value(J->S, model_dir_lit(J->m, x, false)) > 0 ? 'm' : 'n', x->name, xv);
	} else {
		sb_addf(&ev, "%s=%c selects %s while %s's dependencies are %c; %s ends up %c",
			s->name, sv, x->name, x->name,
			sat_value(J->S, model_dir_lit(J->m, x, false)) > 0 ? 'm' : 'n', x->name, xv);
	}
	/* the dependency lines of x that do not hold */
	for (const struct menu *mn = x->menus; mn; mn = mn->sym_next)
		for (const struct menu *a = mn; a && a->kind != M_ROOT; a = a->parent)
			for (const struct dep_item *d = a->deps; d; d = d->next) {
				int lit = model_expr_lit(J->m, expr_rewrite_m(J->t, d->expr), true);
				struct strbuf dt = STRBUF_INIT;

				if (sat_value(J->S, lit) > 0)
					continue;
				expr_print(&dt, d->expr);
				sb_addf(&ev, "\n%s: %s %s  (%s) is %c", x->name,
					d->kind == DEP_IF ? "if" : "depends on", sb_str(&dt),
					locs(d->loc, l, sizeof(l)),
					sat_value(J->S, model_expr_lit(J->m, expr_rewrite_m(J->t, d->expr), false)) > 0 ? 'm' : 'n');
				sb_release(&dt);
			}
	if (J->L->witness_dir) {
		FILE *f;

		sb_addf(&path, "%s/unmet-select-%s-by-%s-%s%s%s.config", J->L->witness_dir, x->name, s->name,
			J->arch, J->b64 ? "-" : "", J->b64 ? bits : "");
		if ((f = fopen(sb_str(&path), "w"))) {
			struct strbuf h = STRBUF_INIT;

			sb_addf(&h, "kcsat lint witness: %s selects %s with its dependencies unmet (%s)",
				s->name, x->name, locs(p->loc, l, sizeof(l)));
			config_write(f, J->m, J->S, sb_str(&h));
			fclose(f);
			sb_release(&h);
		} else {
			diag_fatal("cannot write %s", sb_str(&path));
			sb_reset(&path);
		}
	}
	fact(J->r, "unmet", locs(p->loc, l, sizeof(l)), s->name, x->name, locs(p->menu->loc, e, sizeof(e)),
	     bits, path.len ? sb_str(&path) : "-", sb_str(&ev), NULL);
	sb_release(&ev);
	sb_release(&path);
	sb_release(&cond);
}

/* Which of the targets idx[0..n) can be true (live[i]).  Random solutions
 * of the whole arch (sat_sample(), the model without its targets) settle
 * most of them; what they leave open goes to cone models, which
 * encode only what their targets read, so a solve there costs a few
 * milliseconds where one of the whole arch costs a hundred.  A cone model
 * serves consecutive windows of targets (neighbours in the tree share most
 * of their cones) until it has grown by CONE_GROWTH variables. */
#define CONE_WINDOW 256
#define CONE_GROWTH 5000

static void settle(struct job *J, const size_t *idx, size_t n, enum sat_cover_mode mode,
		   unsigned char *live)
{
	VEC(int) lits = { 0 };
	VEC(size_t) open = { 0 };
	const struct symbol *s64 = J->b64 ? sym_find(J->t, "64BIT") : NULL;
	struct model *cm = NULL;
	struct sat *cs = NULL;
	int base = 0, cb64 = 0;
	double t0 = now_ms(), t1;

	for (size_t k = 0; k < n; k++)
		vec_push(lits, J->lits.v[idx[k]]);
	if (J->L->focus || J->L->whole_model) {
		/* a focus: the job's model is a cone model already */
		sat_cover(J->S, model_cnf(J->m), lits.v, n, NULL, 0, live, mode, NULL, NULL);
	} else {
		if (mode != COVER_EACH)
			sat_sample(J->sampler, lits.v, n, live);
		for (size_t k = 0; k < n; k++)
			if (!live[k] && lits.v[k] != CNF_FALSE)
				vec_push(open, k);
	}
	t1 = now_ms();
	J->sample_ms += t1 - t0;
	for (size_t i = 0; i < open.n; i += CONE_WINDOW) {
		size_t w = open.n - i < CONE_WINDOW ? open.n - i : CONE_WINDOW;
		int wl[CONE_WINDOW];
		unsigned char wlive[CONE_WINDOW] = { 0 };

		if (cm && cnf_nvars(model_cnf(cm)) - base > CONE_GROWTH) {
			sat_free(cs);
			model_free(cm);
			cm = NULL;
		}
		if (!cm) {
			cm = model_build(J->t, false, true);
			cb64 = s64 ? model_sym_is(cm, s64, 'y') : 0;
			base = cnf_nvars(model_cnf(cm));
			cs = sat_new(model_cnf(cm), false);
		}
		for (size_t j = 0; j < w; j++)
			wl[j] = target_lit(J, cm, cb64, idx[open.v[i + j]]);
		sat_cover(cs, model_cnf(cm), wl, w, NULL, 0, wlive, mode, NULL, NULL);
		for (size_t j = 0; j < w; j++)
			if (wlive[j])
				live[open.v[i + j]] = 1;
	}
	sat_free(cs);
	model_free(cm);
	J->cone_ms += now_ms() - t1;
	/* an unmet select's evidence is a whole configuration */
	for (size_t k = 0; k < n; k++) {
		if (!live[k] || J->kind.v[idx[k]] != T_UNMET)
			continue;
		if (!J->S)
			J->S = sat_new(model_cnf(J->m), false);
		sat_assume(J->S, lits.v[k]);
		if (sat_solve(J->S) == SAT_SAT)
			unmet_found(J, idx[k]);
		else
			live[k] = 0;
	}
	vec_release(lits);
	vec_release(open);
}

/* One check's targets, settled on their own so each check has its time. */
static void cover_kinds(struct job *J, unsigned kinds, enum lint_check c, enum sat_cover_mode mode)
{
	VEC(size_t) idx = { 0 };
	unsigned char *live;
	double t0 = now_ms();

	for (size_t k = 0; k < J->lits.n; k++)
		if (kinds & (1u << J->kind.v[k]))
			vec_push(idx, k);
	live = xcalloc(idx.n + 1, 1);
	settle(J, idx.v, idx.n, mode, live);
	for (size_t k = 0; k < idx.n; k++)
		J->live[idx.v[k]] = live[k];
	J->ms[c] += now_ms() - t0;
	free(live);
	vec_release(idx);
}

/* Does any symbol in e carry the bitness (64BIT itself, one equivalent to
 * it or its negation, or one reachable with `only` alone)? */
static bool says_bits(const struct expr *e, const uint8_t *tag, int only)
{
	if (!e)
		return false;
	switch (e->type) {
	case E_NOT:
		return says_bits(e->left, tag, only);
	case E_AND:
	case E_OR:
		return says_bits(e->left, tag, only) || says_bits(e->right, tag, only);
	default:
		return (tag[e->sym->id] & (1 | only)) ||
		       (e->type != E_SYMBOL && (tag[e->rsym->id] & (1 | only)));
	}
}

static bool entry_says_bits(const struct symbol *s, const uint8_t *tag, int only)
{
	for (const struct menu *mn = s->menus; mn; mn = mn->sym_next)
		for (const struct menu *a = mn; a && a->kind != M_ROOT; a = a->parent)
			for (const struct dep_item *d = a->deps; d; d = d->next)
				if (says_bits(d->expr, tag, only))
					return true;
	for (const struct property *p = s->props; p; p = p->sym_next)
		if (says_bits(p->cond, tag, only) || (p->type == P_DEFAULT && says_bits(p->expr, tag, only)))
			return true;
	for (int k = 0; k < 2; k++)
		for (const struct property *p = k ? s->implied_by : s->selected_by; p; p = p->rev_next)
			if ((tag[p->menu->sym->id] & (1 | only)) || says_bits(p->cond, tag, only))
				return true;
	return false;
}

static void bitness(struct job *J)
{
	struct kctree *t = J->t;
	size_t n = t->syms.n, i;
	unsigned char *live64 = xcalloc(n, 1), *live32 = xcalloc(n, 1);
	uint8_t *tag = xcalloc(n, 1);	/* 1: carries the bitness; 2: 64 only; 4: 32 only */
	const struct symbol *s;
	char l[300];

	tree_for_each_sym(t, s, i)
		if (J->sym_64[i]) {
			live64[i] = J->live[J->sym_64[i] - 1];
			live32[i] = J->live[J->sym_64[i]];
		}
	for (size_t k = 0; k < J->lits.n; k++)
		if ((J->kind.v[k] == T_BIT_SAME || J->kind.v[k] == T_BIT_OPP) && !J->live[k])
			tag[((const struct symbol *)J->what.v[k])->id] |= 1;
	s = sym_find(t, "64BIT");
	if (s)
		tag[s->id] |= 1;
	for (i = 0; i < n; i++) {
		if (live64[i] && !live32[i])
			tag[i] |= 2;
		if (live32[i] && !live64[i])
			tag[i] |= 4;
	}
	tree_for_each_sym(t, s, i) {
		int only = tag[i] & 6;

		if (!only || (tag[i] & 1) || !s->menus || entry_says_bits(s, tag, only))
			continue;
		fact(J->r, "bits", s->name, only == 2 ? "64" : "32", locs(s->menus->loc, l, sizeof(l)), NULL);
	}
	free(live64);
	free(live32);
	free(tag);
}

static void prop_text(struct strbuf *sb, const struct property *p)
{
	static const char *const kw[] = { [P_PROMPT] = "prompt", [P_DEFAULT] = "default",
					  [P_SELECT] = "select", [P_IMPLY] = "imply" };

	sb_addf(sb, "%s ", kw[p->type]);
	if (p->type == P_PROMPT) {
		sb_addf(sb, "\"%s\"", p->text ? p->text : "");
	} else if (p->type == P_DEFAULT) {
		expr_print(sb, p->expr);
	} else {
		sb_adds(sb, p->target->name);
	}
	if (p->cond) {
		sb_adds(sb, " if ");
		expr_print(sb, p->cond);
	}
}

static void verdict_facts(struct job *J)
{
	struct kctree *t = J->t;
	const struct symbol *s;
	size_t i;
	char l[300], e[300];
	bool modules = J->modules && J->live[J->modules - 1];

	if (on(J->L, LC_DEAD_SYMBOL))
		tree_for_each_sym(t, s, i) {
			const char *what = NULL;

			if (!J->sym_m[i] || !s->name)
				continue;
			if (!J->live[J->sym_m[i] - 1])
				what = "any";
			else if (!J->live[J->sym_y[i] - 1])
				what = "y";
			else if (J->sym_mm[i] && modules && !J->live[J->sym_mm[i] - 1])
				what = "m";
			if (what)
				fact(J->r, "dead", s->name, what, locs(s->menus->loc, l, sizeof(l)), NULL);
		}
	for (size_t k = 0; k < J->lits.n; k++) {
		const struct property *p = J->what.v[k];
		const char *status;
		struct strbuf tx = STRBUF_INIT;

		if (J->kind.v[k] != T_PROP || J->live[k])
			continue;
		if (!J->live[J->entry[p->menu->id] - 1] ||
		    (p->type != P_PROMPT && p->type != P_DEFAULT && J->sym_m[p->menu->sym->id] &&
		     !J->live[J->sym_m[p->menu->sym->id] - 1]))
			status = "void";	/* the whole entry is dead here */
		else if (p->type == P_DEFAULT && J->live[k + 1])
			status = "shadowed";
		else
			status = "dead";
		prop_text(&tx, p);
		fact(J->r, "prop", locs(p->loc, l, sizeof(l)),
		     p->type == P_DEFAULT ? "default" : p->type == P_PROMPT ? "prompt" : "select",
		     status, p->menu->sym->name ? p->menu->sym->name : "", locs(p->menu->loc, e, sizeof(e)),
		     sb_str(&tx), NULL);
		sb_release(&tx);
	}
	for (size_t k = 0; k < J->red.n; k++) {
		const struct redund *rd = &J->red.v[k];
		struct strbuf tx = STRBUF_INIT;
		char kk[16];

		if (J->live[rd->viol - 1])
			continue;
		expr_print(&tx, rd->conj);
		snprintf(kk, sizeof(kk), "%d", rd->k);
		fact(J->r, "redund", locs(rd->d->loc, l, sizeof(l)), kk,
		     J->live[rd->oth - 1] ? "redundant" : "void",
		     rd->m->sym && rd->m->sym->name ? rd->m->sym->name : "", locs(rd->m->loc, e, sizeof(e)),
		     sb_str(&tx), NULL);
		sb_release(&tx);
	}
	for (size_t k = 0; k < J->lits.n; k++) {
		const struct property *p = J->what.v[k];
		char pl[300] = "";

		if (J->kind.v[k] != T_SELVIS || !J->live[k])
			continue;
		for (const struct property *q = p->target->props; q; q = q->sym_next)
			if (q->type == P_PROMPT) {
				locs(q->loc, pl, sizeof(pl));
				break;
			}
		fact(J->r, "selvis", locs(p->loc, l, sizeof(l)), p->menu->sym->name, p->target->name,
		     locs(p->menu->loc, e, sizeof(e)), pl, NULL);
	}
}

static void time_fact(struct strbuf *r, enum lint_check c, double ms)
{
	char b[32];

	snprintf(b, sizeof(b), "%.1f", ms);
	fact(r, "time", c == LC_COUNT ? "cover" : lint_checks[c].name, b, NULL);
}

static void round1(struct job *J)
{
	double t0 = now_ms();
	struct arch_ctx a;
	struct bitness b[2];
	int nb;

	J->m = model_build(J->t, false, J->L->focus != NULL);
	a = (struct arch_ctx){ J->arch, J->t, J->m, sat_new(model_cnf(J->m), false) };
	nb = query_bitness(&a, 0, b);
	J->b64 = nb == 2 ? b[0].lit : 0;
	if (J->L->focus || J->L->whole_model) {
		J->S = a.s;
	} else {
		/* the whole model (with its targets) is solved only for unmet
		 * witnesses, in J->S made then */
		J->sampler = a.s;
		sat_freeze(J->sampler);
	}
	if (!J->L->whole_model)
		J->implied = implied_new(J->t);
	add_targets(J);
	implied_free(J->implied);
	J->implied = NULL;
	J->encode_ms = now_ms() - t0;
	J->live = xcalloc(J->lits.n, 1);
	/* symbols and entries first: the other checks read them */
	/* one cover for every question that a random configuration answers
	 * (solutions found for one check settle the others' targets too) */
	cover_kinds(J, 1u << T_SYM_M | 1u << T_SYM_Y | 1u << T_SYM_MM | 1u << T_MODULES |
		    1u << T_ENTRY | 1u << T_PROP | 1u << T_DEF_ACT | 1u << T_RED_OTH |
		    1u << T_RED_VIOL | 1u << T_SELVIS | 1u << T_BIT_SAME | 1u << T_BIT_OPP |
		    1u << T_SYM_64 | 1u << T_SYM_32,
		    LC_COUNT, COVER_ALL);
	cover_kinds(J, 1u << T_UNMET, LC_UNMET_SELECT, COVER_EACH);
	verdict_facts(J);
	if (J->b64 && on(J->L, LC_BITNESS_ONLY)) {
		double t1 = now_ms();

		bitness(J);
		J->ms[LC_BITNESS_ONLY] += now_ms() - t1;
	}
	{
		char b1[32];

		snprintf(b1, sizeof(b1), "%.1f", J->encode_ms);
		fact(J->r, "time", "encode", b1, NULL);
		snprintf(b1, sizeof(b1), "%.1f", J->sample_ms);
		fact(J->r, "time", "sample", b1, NULL);
		snprintf(b1, sizeof(b1), "%.1f", J->cone_ms);
		fact(J->r, "time", "cones", b1, NULL);
		for (int c = 0; c <= LC_COUNT; c++)
			if (J->ms[c] > 0)
				time_fact(J->r, (enum lint_check)c, J->ms[c]);
	}
}

/* ---- round 2: chains ---- */

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

static const struct dep_item *find_dep(struct kctree *t, const char *loc, const struct menu **in)
{
	const char *colon = strrchr(loc, ':');
	unsigned long line = colon ? strtoul(colon + 1, NULL, 10) : 0;
	struct menu *m;
	char l[300];

	menu_for_each(t, m)
		for (const struct dep_item *d = m->deps; d; d = d->next)
			if (d->kind == DEP_DEPENDS && d->loc.line == line &&	/* formatting is the cost */
			    !strcmp(locs(d->loc, l, sizeof(l)), loc)) {
				*in = m;
				return d;
			}
	return NULL;
}

/* Round 2's cone models have selectors, and a core is minimised by one
 * solve per selector in it, each assuming every selector of the model:
 * they are rebuilt sooner than round 1's. */
#define CHAIN_GROWTH 12000

static void round2(struct job *J, const char *requests)
{
	struct model *m = NULL;
	struct sat *S = NULL;
	struct bitness b[2];
	int nb = 0, base = 0;
	char *copy = xstrdup(requests), *save = NULL;
	double ms[LC_COUNT] = { 0 };

	for (char *line = strtok_r(copy, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		char *f[4] = { 0 }, *p = line;
		struct strbuf ev = STRBUF_INIT;
		const struct symbol *s = NULL;
		int n = 0;
		double t0 = now_ms();

		if (m && cnf_nvars(model_cnf(m)) - base > CHAIN_GROWTH) {
			sat_free(S);
			model_free(m);
			m = NULL;
		}
		if (!m) {
			struct arch_ctx a;

			m = model_build(J->t, true, true);
			S = sat_new(model_cnf(m), true);
			a = (struct arch_ctx){ J->arch, J->t, m, S };
			nb = query_bitness(&a, 0, b);
			base = cnf_nvars(model_cnf(m));
		}

		while (n < 4 && (f[n++] = strsep(&p, "\t")))
			;
		if (!f[1] || !f[2])
			continue;
		if (!strcmp(f[0], "dead") || !strcmp(f[0], "bits")) {
			s = sym_find(J->t, f[1]);
			if (!s || !model_has_value(m, s))
				continue;
			bool ok = true;

			if (!strcmp(f[0], "bits")) {
				int want = strcmp(f[2], "64") ? 64 : 32;	/* the missing one */

				for (int k = 0; k < nb; k++)
					if (b[k].bits == want)
						ok = assume(S, b[k].lit) && ok;
				ok = assume(S, -model_sym_is(m, s, 'n')) && ok;
			} else {
				ok = assume(S, !strcmp(f[2], "any") ? -model_sym_is(m, s, 'n')
								    : model_sym_is(m, s, f[2][0]));
			}
			if (blocked(S, ok)) {
				query_core_chain_text(&ev, model_cnf(m), S, s);
				if (!ev.len)
					sb_adds(&ev, "-");
			} else if (!ok) {
				sb_adds(&ev, "-");
			}
		} else if (!strcmp(f[0], "redund")) {
			const struct menu *mn = NULL;
			const struct dep_item *d = find_dep(J->t, f[1], &mn);
			exprvec cs = { 0 };
			int k = atoi(f[2]);

			if (!d)
				continue;
			expr_conjuncts(d->expr, &cs);
			if (k >= 0 && k < (int)cs.n) {
				struct expr *rest = expr_and_but(J->t, &cs, (size_t)k);

				for (int y = 0; y < 2 && !ev.len; y++) {
					bool ok = assume(S, model_dep_without(m, mn, d, rest, y));

					ok = assume(S, -model_expr_lit(m, expr_rewrite_m(J->t, (struct expr *)cs.v[k]), y)) && ok;
					if (!ok) {
						sat_solve(S);
						sb_adds(&ev, "-");
						break;
					}
					if (sat_solve(S) != SAT_UNSAT)
						continue;
					query_core_chain_text(&ev, model_cnf(m), S, mn->sym);
					if (!ev.len)
						sb_adds(&ev, "-");
				}
			}
			vec_release(cs);
		}
		if (ev.len)
			fact(J->r, "ev", f[0], f[1], f[2], sb_str(&ev), NULL);
		sb_release(&ev);
		ms[!strcmp(f[0], "redund") ? LC_REDUNDANT_DEP : !strcmp(f[0], "bits") ? LC_BITNESS_ONLY
										: LC_DEAD_SYMBOL] += now_ms() - t0;
	}
	for (int c = 0; c < LC_COUNT; c++)
		if (ms[c] > 0)
			time_fact(J->r, (enum lint_check)c, ms[c]);
	free(copy);
	sat_free(S);
	model_free(m);
}

static void job_release(struct job *J)
{
	sat_free(J->S);
	sat_free(J->sampler);
	model_free(J->m);
	vec_release(J->lits);
	vec_release(J->kind);
	vec_release(J->what);
	vec_release(J->red_of);
	vec_release(J->red);
	free(J->live);
	free(J->sym_m);
	free(J->sym_y);
	free(J->sym_mm);
	free(J->sym_64);
	free(J->entry);
}

void lint_tree_facts(const struct lint_run *L, struct kctree *t, const char *arch,
		     struct strbuf *facts)
{
	struct job J = { .L = L, .r = facts, .t = t, .arch = arch };

	static_facts(L, t, facts);
	round1(&J);
	job_release(&J);
}

int lint_arch(const struct load_config *c, size_t i, void *ctx, FILE *out, struct strbuf *result)
{
	struct lint_run *L = ctx;
	const char *arch = c->arches.n ? c->arches.v[i] : "tree";
	struct kctree *t;
	double t0 = now_ms();

	(void)out;
	if (L->round == 2 && (i >= L->requests.n || !L->requests.v[i].len))
		return EXIT_OK;
	t = kctree_load_arch(c, i);
	if (!t)
		return EXIT_ERROR;
	{
		char b[32];

		snprintf(b, sizeof(b), "%.1f", now_ms() - t0);
		fact(result, "load", b, NULL);
	}
	if (L->round == 2) {
		struct job J = { .L = L, .r = result, .t = t, .arch = arch };

		round2(&J, sb_str(&L->requests.v[i]));
		job_release(&J);
	} else {
		lint_tree_facts(L, t, arch, result);
	}
	kctree_free(t);
	return EXIT_OK;
}

void lint_collect(void *ctx, size_t i, const char *result)
{
	struct lint_run *L = ctx;
	VEC(char *) *dst = L->round == 2 ? (void *)&L->answers : (void *)&L->facts;

	while (dst->n <= i)
		vec_push(*dst, NULL);
	free(dst->v[i]);
	dst->v[i] = xstrdup(result);
}
