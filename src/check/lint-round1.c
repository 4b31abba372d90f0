/* lint's round 1 on one arch (see include/check/lint.h): one model of the
 * arch (every symbol encoded, no line selectors) and a literal per
 * question: "X can be y", "this default is the one in effect", "this
 * select can raise X above X's dependencies", "the entry's other
 * dependencies hold while this term does not"...  Random solutions of
 * that model answer most of them at once; the rest go to cone models
 * (settle()), where a solve costs a few milliseconds instead of a
 * hundred.  The answers leave as fact records (lint-int.h). */
#include "lint-int.h"

#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kconfig/confdata.h"
#include "kconfig/eval.h"
#include "kconfig/kconfig.h"
#include "sat/cnf.h"
#include "sat/implied.h"
#include "sat/model.h"
#include "sat/query.h"
#include "sat/sat.h"
#include "sat/witness.h"
#include "util/helper.h"
#include "util/outfile.h"
#include "util/xalloc.h"

enum tkind {
	T_SYM_M, T_SYM_Y, T_SYM_MM, T_MODULES, T_ENTRY, T_PROP, T_DEF_ACT, T_UNMET,
	T_RED_OTH, T_RED_VIOL, T_SELVIS, T_BIT_SAME, T_BIT_OPP, T_SYM_64, T_SYM_32,
};

struct redund {
	const struct menu *m;
	const struct dep_item *d;
	struct expr *conj, *rest;	/* conjunct k, and the others */
	int k;
	uint32_t dep;		/* d's index in m->deps: round 2 finds it again */
	size_t oth, viol;	/* target indexes */
};

struct split;

struct job {
	const struct lint *L;
	const char *arch;
	struct kctree *t;
	struct model *m;
	struct sat *S;
	struct sat *sampler;	/* m before the targets: sat_sample() */
	struct implied *implied;	/* NULL: every select goes to the solver */
	/* targets: what each asks, its literal in m */
	intvec lits;
	VEC(uint8_t) kind;
	VEC(const void *) what;	/* symbol, menu or property; NULL for T_RED_* */
	u32vec red_of;	/* T_RED_*: index into red */
	unsigned char *live;
	size_t *sym_m, *sym_y, *sym_mm, *sym_64, *entry;	/* by symbol / menu id: index + 1 */
	VEC(struct redund) red;
	size_t modules;		/* index + 1 */
	int b64;		/* 64BIT=y literal, 0 if it is fixed */
	int bits;		/* then the arch's one bitness (0: a plain tree) */
	struct strbuf *r;
	bool write_failed;	/* a witness could not be written: exit 2 */
	double encode_ms, ms[LC_COUNT + 1], sample_ms, cone_ms;
	struct split *sp;	/* a helper shares the cover (NULL: alone) */
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
		struct expr *c = expr_rewrite_m(J->t, rd->conj);
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
	const struct lint *L = J->L;
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
		if (!tri_valued(m, s) || !lint_in_focus(L, s))
			continue;
		J->sym_m[i] = target(J, T_SYM_M, s, 0);
		J->sym_y[i] = target(J, T_SYM_Y, s, 0);
		if (s->type == S_TRISTATE)
			J->sym_mm[i] = target(J, T_SYM_MM, s, 0);
		if (J->b64 && lint_on(L, LC_BITNESS_ONLY)) {
			J->sym_64[i] = target(J, T_SYM_64, s, 0);	/* T_SYM_32 next */
			target(J, T_SYM_32, s, 0);
		}
		if (J->b64 && s->type == S_BOOLEAN && lint_on(L, LC_BITNESS_ONLY)) {
			target(J, T_BIT_SAME, s, 0);
			target(J, T_BIT_OPP, s, 0);
		}
	}
	menu_for_each(t, mn) {
		uint32_t dep = 0;

		if (mn->kind != M_CONFIG && mn->kind != M_MENUCONFIG && mn->kind != M_CHOICE &&
		    mn->kind != M_MENU)
			continue;
		if (!lint_in_focus(L, mn->sym)) {
			/* outside the focus only whether its selects of the
			 * focus symbols can be unmet */
			for (const struct property *p = mn->props; p && mn->sym; p = p->menu_next)
				if (p->type == P_SELECT && p->target && lint_in_focus(L, p->target) &&
				    lint_on(L, LC_UNMET_SELECT) && !p->target->choice &&
				    tri_valued(m, p->target) && tri_valued(m, mn->sym) &&
				    !statically_met(J, p))
					target(J, T_UNMET, p, 0);
			continue;
		}
		J->entry[mn->id] = target(J, T_ENTRY, mn, 0);
		if (lint_on(L, LC_REDUNDANT_DEP))
			for (const struct dep_item *d = mn->deps; d; d = d->next, dep++) {
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
					vec_push(J->red, ((struct redund){ mn, d, cs.v[k], rest, (int)k, dep, 0, 0 }));
					J->red.v[at].oth = target(J, T_RED_OTH, NULL, at);
					J->red.v[at].viol = target(J, T_RED_VIOL, NULL, at);
					if (J->implied && implied_dep_redundant(J->implied, mn, d, rest, cs.v[k]))
						J->lits.v[J->red.v[at].viol - 1] = CNF_FALSE;
				}
				vec_release(cs);
			}
		for (const struct property *p = mn->props; p; p = p->menu_next) {
			const struct symbol *x = p->target;

			if ((p->type == P_DEFAULT && lint_on(L, LC_DEAD_DEFAULT)) ||
			    (p->type == P_PROMPT && mn->sym && lint_on(L, LC_DEAD_PROMPT)) ||
			    ((p->type == P_SELECT || p->type == P_IMPLY) && lint_on(L, LC_DEAD_SELECT))) {
				if (mn->sym) {
					target(J, T_PROP, p, 0);
					if (p->type == P_DEFAULT)
						target(J, T_DEF_ACT, p, 0);
				}
			}
			if (p->type != P_SELECT || !mn->sym || !x || !tri_valued(m, x) || !tri_valued(m, mn->sym))
				continue;
			if (lint_on(L, LC_UNMET_SELECT) && !x->choice && !statically_met(J, p))
				target(J, T_UNMET, p, 0);
			if (lint_on(L, LC_SELECT_VISIBLE))
				target(J, T_SELVIS, p, 0);
		}
	}
}

/* The solution's values, for the concrete evaluator (kconfig/eval.h):
 * the kernel's warning prints each symbol's value and the value of each
 * selecting term. */
struct solution {
	struct model *m;
	struct sat *S;
};

static enum tristate solution_tri(void *ctx, const struct symbol *s)
{
	struct solution *x = ctx;

	return model_has_value(x->m, s) ? tri_value((char[2]){ model_tri_value(x->m, x->S, s), 0 })
					: no;
}

static const char *solution_str(void *ctx, const struct symbol *s)
{
	struct solution *x = ctx;
	const char *v = model_has_value(x->m, s) ? model_str_value(x->m, x->S, s) : NULL;

	return v ? v : "";
}

static void value_hook(void *ctx, struct strbuf *sb, const struct symbol *s)
{
	struct eval *ev = ctx;

	if (s->type != S_UNKNOWN)
		sb_addf(sb, " [=%s]", eval_sym_str(ev, s));
}

/* conf's own words (symbol.c, sym_warn_unmet_dep): the direct dependency
 * with its value, then the selects that are y, then those that are m. */
static void kernel_wording(struct job *J, struct eval *ev, const struct symbol *x,
			   struct strbuf *out)
{
	enum tristate dir = eval_expr(ev, x->dir_dep);

	sb_addf(out, "\nconf: unmet direct dependencies detected for %s", x->name);
	sb_addf(out, "\n  Depends on [%c]: ", dir == mod ? 'm' : 'n');
	expr_print_values(out, x->dir_dep, value_hook, ev);
	for (int v = yes; v >= mod; v--) {
		bool title = false;

		for (const struct property *q = x->selected_by; q; q = q->rev_next) {
			if (eval_rev_one(ev, q) != (enum tristate)v)
				continue;
			if (!title)
				sb_addf(out, "\n  Selected by [%c]:", tri_char((enum tristate)v));
			title = true;
			sb_adds(out, "\n  - ");
			expr_print_values(out, expr_sym(J->t, q->menu->sym), value_hook, ev);
			if (q->visible) {
				sb_adds(out, " && ");
				expr_print_values(out, q->visible, value_hook, ev);
			}
		}
	}
}

/* How a needed shell result reads: `$(success,test "$(cc-name)" = Clang)`
 * at y as "$(cc-name) is Clang", at n as "$(cc-name) is GCC" (a toolchain
 * script prints one of two names) or "$(X) is not W"; a probe as
 * "$(cc-option,-mpcrel) is y". */
static const char eq_head[] = "$(success,test \"";

/* An equality test's command as shown ("$(cc-name)"), its length; 0 if
 * its display is not of that form. */
static int eq_command(const struct symbol *s, const char **x)
{
	const char *d = s->shell_display ? s->shell_display : s->name, *eq;

	if (!model_shell_is_eq(s) || strncmp(d, eq_head, sizeof(eq_head) - 1) ||
	    !(eq = strstr(d, "\" = ")) || d[strlen(d) - 1] != ')')
		return 0;
	*x = d + sizeof(eq_head) - 1;
	return (int)(eq - *x);
}

static void shell_need_text(struct model *m, struct strbuf *out, const struct symbol *s, char v)
{
	const char *d = s->shell_display ? s->shell_display : s->name, *x;
	const char *other = v == 'n' ? model_shell_other_name(m, s) : NULL;
	int xl = eq_command(s, &x);

	if (xl && other) {
		sb_addf(out, "%.*s is %s", xl, x, other);
		return;
	}
	if (xl) {
		const char *w = x + xl + 4;

		sb_addf(out, "%.*s is %s%.*s", xl, x, v == 'y' ? "" : "not ",
			(int)(strlen(w) - 1), w);
		return;
	}
	sb_addf(out, "%s is %c", d, v);
}

/* The $(shell,...) results that unmet select p needs: each one whose value
 * is the same in every configuration showing it (a solve each, on a cone
 * model of p's question), as "$(cc-option,-mpcrel) is y and ... is n"
 * into out; nothing when p holds whatever the toolchain answers.  *probe:
 * whether it needs probes (a flag accepted, a program found; not which
 * compiler, assembler or linker it is) both ways, one y and one n: probes
 * are free, and such a pair may need answers no real toolchain gives
 * together (FINEIBT -> CALL_PADDING on 6.12 needs endbr64 accepted and
 * -fpatchable-function-entry refused).  Probes all y are what a compiler
 * new enough gives (ISCSI_TARGET -> CRYPTO_CRC32C_INTEL: clang with
 * KMSAN), all n an old one: no such doubt. */
static void shell_needs(struct job *J, const struct property *p, struct strbuf *out, bool *probe)
{
	struct model *cm = model_build(J->t, false, true);
	int lit = model_unmet_lit(cm, p);
	struct sat *cs = sat_new(model_cnf(cm), false);
	symvec sh = { 0 };
	VEC(char) val = { 0 };
	size_t n = 0;
	unsigned probes = 0;	/* 1: one needed at y, 2: one at n */

	sat_assume(cs, lit);
	if (lit != CNF_FALSE && sat_solve(cs) == SAT_SAT) {
		model_shell_tris(cm, &sh);
		for (size_t k = 0; k < sh.n; k++)
			vec_push(val, model_tri_value(cm, cs, sh.v[k]) == 'n' ? 'n' : 'y');
	}
	*probe = false;
	for (size_t k = 0; k < sh.n; k++) {
		/* y: anything but n (m is no answer $(success,...) gives) */
		int is = model_sym_is(cm, sh.v[k], 'n') * (val.v[k] == 'n' ? 1 : -1);

		/* a name no toolchain script prints is n in every model:
		 * nothing a finding rests on */
		if (is == CNF_TRUE || is == CNF_FALSE) {
			val.v[k] = 0;
			continue;
		}
		sat_assume(cs, lit);
		sat_assume(cs, -is);
		if (sat_solve(cs) != SAT_UNSAT)
			val.v[k] = 0;	/* free: not needed */
	}
	for (size_t k = 0; k < sh.n; k++) {
		const char *x, *y;
		int xl = eq_command(sh.v[k], &x);
		bool implied = false;

		if (!val.v[k])
			continue;
		/* "is not GCC" says nothing once "is Clang" is needed */
		for (size_t j = 0; xl && val.v[k] == 'n' && j < sh.n; j++)
			implied |= val.v[j] == 'y' && eq_command(sh.v[j], &y) == xl &&
				   !strncmp(x, y, (size_t)xl);
		if (implied)
			continue;
		if (n++)
			sb_adds(out, " and ");
		shell_need_text(cm, out, sh.v[k], val.v[k]);
		if (!model_shell_is_eq(sh.v[k]))
			probes |= val.v[k] == 'y' ? 1 : 2;
	}
	*probe = probes == 3;
	vec_release(sh);
	vec_release(val);
	sat_free(cs);
	model_free(cm);
}

/* Write text to path; false after a diagnostic. */
static bool write_file(const char *path, const char *text)
{
	struct outfile of;

	if (!outfile_open(&of, path))
		return false;
	fputs(text, of.f);
	return outfile_commit(&of);
}

/* Unmet select target i's evidence, read off the job's solution that shows
 * it: a summary line, the kernel's warning, the dependency lines that do
 * not hold, and the minimal allnoconfig fragment. */
static void unmet_found(struct job *J, size_t i)
{
	const struct property *p;
	const struct symbol *x, *s;
	struct strbuf ev = STRBUF_INIT, path = STRBUF_INIT, cond = STRBUF_INIT;
	struct strbuf frag = STRBUF_INIT, fpath = STRBUF_INIT, shell = STRBUF_INIT;
	bool probe;
	struct solution sol = { J->m, J->S };
	struct eval *e = eval_new_source(J->t, &(struct eval_source){
		.tri = solution_tri, .str = solution_str, .ctx = &sol });
	struct config witness;
	struct record_writer w;
	char l[300];
	int bits = J->bits;	/* labels carry the bitness even where it is fixed */
	char sv, xv;

	p = J->what.v[i];
	x = p->target;
	s = p->menu->sym;
	sv = model_tri_value(J->m, J->S, s);
	xv = model_tri_value(J->m, J->S, x);
	if (J->b64)
		bits = sat_value(J->S, J->b64) > 0 ? 64 : 32;
	if (p->cond) {
		expr_print(&cond, p->cond);
		sb_addf(&ev, "%s=%c selects %s (if %s) while %s's dependencies are %c; %s ends up %c",
			s->name, sv, x->name, sb_str(&cond), x->name,
			tri_char(eval_expr(e, x->dir_dep)), x->name, xv);
	} else {
		sb_addf(&ev, "%s=%c selects %s while %s's dependencies are %c; %s ends up %c",
			s->name, sv, x->name, x->name, tri_char(eval_expr(e, x->dir_dep)), x->name, xv);
	}
	kernel_wording(J, e, x, &ev);
	shell_needs(J, p, &shell, &probe);
	/* the dependency lines of x that do not hold */
	for (const struct menu *mn = x->menus; mn; mn = mn->sym_next)
		for (const struct menu *a = mn; a && a->kind != M_ROOT; a = a->parent)
			for (const struct dep_item *d = a->deps; d; d = d->next) {
				enum tristate v = eval_cond(e, d->expr);
				struct strbuf dt = STRBUF_INIT;

				if (v == yes)
					continue;
				expr_print(&dt, d->expr);
				sb_addf(&ev, "\n%s: %s %s  (%s) is %c", x->name,
					d->kind == DEP_IF ? "if" : "depends on", sb_str(&dt),
					loc_str(d->loc, l, sizeof(l)), tri_char(v));
				sb_release(&dt);
			}
	config_from_solution(&witness, J->m, J->S);
	if (lint_unmet_fragment(J->t, &witness, p, &frag)) {
		sb_adds(&ev, "\nfragment for make KCONFIG_ALLCONFIG=FRAG allnoconfig:");
		for (const char *c = sb_str(&frag); *c;) {
			const char *nl = strchr(c, '\n');

			sb_addf(&ev, " %.*s", (int)(nl - c), c);
			c = nl + 1;
		}
	}
	if (J->L->o.witness_dir) {
		struct outfile of;

		sb_addf(&path, "%s/unmet-select-%s-by-%s-%s", J->L->o.witness_dir, x->name, s->name,
			J->arch);
		if (J->b64)
			sb_addf(&path, "-%d", bits);
		if (frag.len) {
			struct strbuf text = STRBUF_INIT;

			sb_addf(&fpath, "%s.fragment", sb_str(&path));
			sb_addf(&text, "# kcsat lint fragment: make KCONFIG_ALLCONFIG=THIS allnoconfig warns "
				"that %s selects %s with its dependencies unmet (%s)\n%s", s->name, x->name,
				loc_str(p->loc, l, sizeof(l)), sb_str(&frag));
			if (!write_file(sb_str(&fpath), sb_str(&text))) {
				J->write_failed = true;
				sb_reset(&fpath);
			}
			sb_release(&text);
		}
		sb_adds(&path, ".config");
		if (outfile_open(&of, sb_str(&path))) {
			struct strbuf h = STRBUF_INIT;

			sb_addf(&h, "# kcsat lint witness: %s selects %s with its dependencies unmet (%s)\n",
				s->name, x->name, loc_str(p->loc, l, sizeof(l)));
			config_write_file(of.f, &witness, sb_str(&h));
			sb_release(&h);
			if (!outfile_commit(&of)) {
				J->write_failed = true;
				sb_reset(&path);
			}
		} else {
			J->write_failed = true;
			sb_reset(&path);
		}
	}
	rec_begin(&w, J->r, &lint_facts[LF_UNMET]);
	lint_put_loc(&w, "file", "line", p->loc);
	rec_str(&w, "sym", s->name);
	rec_str(&w, "target", x->name);
	lint_put_loc(&w, "efile", "eline", p->menu->loc);
	rec_int(&w, "bits", bits);
	rec_str(&w, "witness", path.len ? sb_str(&path) : "-");
	rec_str(&w, "fragment", fpath.len ? sb_str(&fpath) : "-");
	rec_str(&w, "evidence", sb_str(&ev));
	rec_str(&w, "shell", sb_str(&shell));
	rec_int(&w, "probe", probe);
	rec_end(&w);
	config_release(&witness);
	eval_free(e);
	sb_release(&ev);
	sb_release(&path);
	sb_release(&cond);
	sb_release(&frag);
	sb_release(&fpath);
	sb_release(&shell);
}

/* The target that target k implies (index + 1; 0: none): a value of a
 * symbol implies that it is set at all, a default in effect that its
 * entry's dependencies hold, a term that can fail while the others hold
 * that the others can hold.  When the premise is never true, neither is
 * k: no solve. */
static size_t premise(const struct job *J, size_t k)
{
	const struct symbol *s = J->what.v[k];
	const struct property *p = J->what.v[k];

	switch ((enum tkind)J->kind.v[k]) {
	case T_SYM_Y:
	case T_SYM_MM:
	case T_SYM_64:
	case T_SYM_32:
		return J->sym_m[s->id];
	case T_DEF_ACT:
		return J->entry[p->menu->id];
	case T_RED_VIOL:
		return J->red.v[J->red_of.v[k]].oth;
	default:
		return 0;
	}
}

/* Cone models for the targets idx[open[0..nopen)] (see settle()). */
#define CONE_WINDOW 256
#define CONE_GROWTH 20000
/* Windows are taken CONE_CLAIM at a time: neighbours share a cone model */
#define CONE_CLAIM 2

/* ---- the helper (util/helper.h): with a core to spare, a fork of the
 * job answers the unmet selects while the job samples, then both take the
 * windows of the cone stage from one counter.  Whatever process settles a
 * window, its answers are the same facts (which target can be true); the
 * helper's records (the unmet selects) take their usual place, after the
 * shared cover, and its CPU time is added to the job's. ---- */

/* Shared by the job and its helper (helper_shared()). */
struct split_shm {
	atomic_size_t next;	/* the next claim of windows */
	size_t nopen;		/* of the first cone stage (open[], from the job) */
	/* the helper's share of the times, its exhausted solves */
	double ms[LC_COUNT + 1], sample_ms, cone_ms;
	unsigned long long exhausted, peak;
	bool write_failed;
	/* then: size_t open[n], unsigned char live[n], done[n / CONE_WINDOW + 1] */
};

struct split {
	struct helper *h;
	struct split_shm *shm;
	size_t size, n;		/* of shm; the shared cover's targets */
	sizevec idx;		/* those targets (J->lits indexes) */
	size_t *open;		/* in shm */
	unsigned char *live, *done;	/* in shm */
	struct strbuf result;	/* the helper's records */
	bool ok;		/* the helper handed them back */
};

/* The start of the next window of open[0..nopen) this process settles
 * (nopen: none left); *chunk and *left track the process's own claim. */
static size_t next_window(struct split_shm *shm, size_t *chunk, size_t *left, size_t at,
			  size_t nopen)
{
	if (*left) {
		(*left)--;
		return at + CONE_WINDOW < nopen ? at + CONE_WINDOW : nopen;
	}
	at = (shm ? atomic_fetch_add(&shm->next, 1) : (*chunk)++) * CONE_CLAIM * CONE_WINDOW;
	*left = CONE_CLAIM - 1;
	return at < nopen ? at : nopen;
}

static void settle_cones(struct job *J, const size_t *idx, const size_t *open, size_t nopen,
			 enum sat_cover_mode mode, unsigned char *live, struct split *sp)
{
	const struct symbol *s64 = J->b64 ? sym_find(J->t, "64BIT") : NULL;
	struct model *cm = NULL;
	struct sat *cs = NULL;
	int base = 0, cb64 = 0;
	size_t chunk = 0, left = 0, i = 0;

	for (i = next_window(sp ? sp->shm : NULL, &chunk, &left, i, nopen); i < nopen;
	     i = next_window(sp ? sp->shm : NULL, &chunk, &left, i, nopen)) {
		size_t w = nopen - i < CONE_WINDOW ? nopen - i : CONE_WINDOW;
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
			cs = sat_new_cover(model_cnf(cm));
		}
		for (size_t j = 0; j < w; j++)
			wl[j] = target_lit(J, cm, cb64, idx[open[i + j]]);
		sat_cover(cs, model_cnf(cm), wl, w, NULL, 0, wlive, mode, NULL, NULL);
		for (size_t j = 0; j < w; j++)
			if (wlive[j])
				live[open[i + j]] = 1;
		if (sp)
			sp->done[i / CONE_WINDOW] = 1;
	}
	sat_free(cs);
	model_free(cm);
}

static void cover_kinds(struct job *J, unsigned kinds, enum lint_check c, enum sat_cover_mode mode);

/* The helper: the unmet selects (their records into result), then, once
 * the job has sampled, windows of the first cone stage. */
static void split_helper(struct helper *h, void *ctx, struct strbuf *result)
{
	struct job *J = ctx;
	struct split *sp = J->sp;
	unsigned long long e0 = sat_exhausted();
	double t0;

	J->r = result;
	memset(J->ms, 0, sizeof(J->ms));
	J->sample_ms = J->cone_ms = 0;
	cover_kinds(J, 1u << T_UNMET, LC_UNMET_SELECT, COVER_EACH);
	if (helper_wait(h)) {
		t0 = lint_now_ms();
		settle_cones(J, sp->idx.v, sp->open, sp->shm->nopen, COVER_ALL, sp->live, sp);
		J->cone_ms += lint_now_ms() - t0;
		J->ms[LC_COUNT] += lint_now_ms() - t0;
	}
	memcpy(sp->shm->ms, J->ms, sizeof(J->ms));
	sp->shm->sample_ms = J->sample_ms;
	sp->shm->cone_ms = J->cone_ms;
	sp->shm->exhausted = sat_exhausted() - e0;
	sp->shm->peak = sat_peak();
	sp->shm->write_failed = J->write_failed;
}

/* Start the helper for the shared cover's targets (those of kinds); false:
 * the job works alone. */
static bool split_start(struct job *J, unsigned kinds)
{
	struct split *sp = xcalloc(1, sizeof(*sp));
	size_t nwin;

	for (size_t k = 0; k < J->lits.n; k++)
		if (kinds & (1u << J->kind.v[k]))
			vec_push(sp->idx, k);
	sp->n = sp->idx.n;
	nwin = sp->n / CONE_WINDOW + 1;
	sp->size = sizeof(struct split_shm) + sp->n * sizeof(size_t) + sp->n + nwin;
	sp->shm = helper_shared(sp->size);
	if (sp->shm) {
		sp->open = (size_t *)(void *)(sp->shm + 1);
		sp->live = (unsigned char *)(sp->open + sp->n);
		sp->done = sp->live + sp->n;
		J->sp = sp;
		sp->h = helper_start(split_helper, J);
	}
	if (!sp->shm || !sp->h) {
		J->sp = NULL;
		helper_unshare(sp->shm, sp->size);
		vec_release(sp->idx);
		free(sp);
		return false;
	}
	return true;
}

/* The job's end of the first cone stage: the helper's share joined, or
 * (a helper that died) done here. */
static void split_join(struct job *J, const size_t *idx, const size_t *open, size_t nopen,
		       unsigned char *live)
{
	struct split *sp = J->sp;
	sizevec rest = { 0 };

	sp->ok = helper_join(sp->h, &sp->result);
	sp->h = NULL;
	if (sp->ok) {
		for (int c = 0; c <= LC_COUNT; c++)
			J->ms[c] += sp->shm->ms[c];
		J->sample_ms += sp->shm->sample_ms;
		J->cone_ms += sp->shm->cone_ms;
		J->write_failed |= sp->shm->write_failed;
		sat_add_exhausted(sp->shm->exhausted, sp->shm->peak);
		return;
	}
	for (size_t i = 0; i < nopen; i++)
		if (!sp->done[i / CONE_WINDOW])
			vec_push(rest, open[i]);
	settle_cones(J, idx, rest.v, rest.n, COVER_ALL, live, NULL);
	vec_release(rest);
}

static void split_free(struct split *sp)
{
	if (!sp)
		return;
	helper_unshare(sp->shm, sp->size);
	vec_release(sp->idx);
	sb_release(&sp->result);
	free(sp);
}

/* Which of the targets idx[0..n) can be true (live[i]).  Random solutions
 * of the whole arch (sat_sample(), the model without its targets) settle
 * most of them; what they leave open goes to cone models, which
 * encode only what their targets read, so a solve there costs a few
 * milliseconds where one of the whole arch costs a hundred.  A cone model
 * serves consecutive windows of targets (neighbours in the tree share most
 * of their cones) until it has grown by CONE_GROWTH variables.  Targets
 * whose premise (premise()) is open too wait for it: a dead premise
 * settles them without a solve. */
static void settle(struct job *J, const size_t *idx, size_t n, enum sat_cover_mode mode,
		   unsigned char *live, struct split *sp)
{
	intvec lits = { 0 };
	sizevec open = { 0 }, later = { 0 };
	size_t *pos = NULL;
	double t0 = lint_now_ms(), t1;

	for (size_t k = 0; k < n; k++)
		vec_push(lits, J->lits.v[idx[k]]);
	if (J->L->o.focus || J->L->o.whole_model) {
		/* a focus: the job's model is a cone model already */
		sat_cover(J->S, model_cnf(J->m), lits.v, n, NULL, 0, live, mode, NULL, NULL);
	} else {
		if (mode != COVER_EACH)
			sat_sample(J->sampler, lits.v, n, live);
		pos = xcalloc(J->lits.n, sizeof(*pos));
		for (size_t k = 0; k < n; k++)
			pos[idx[k]] = k + 1;
		for (size_t k = 0; k < n; k++) {
			size_t pk = premise(J, idx[k]);

			if (live[k] || lits.v[k] == CNF_FALSE)
				continue;
			if (pk && pos[pk - 1] && !live[pos[pk - 1] - 1])
				vec_push(later, k);
			else
				vec_push(open, k);
		}
	}
	t1 = lint_now_ms();
	J->sample_ms += t1 - t0;
	if (sp) {
		/* the helper (done with the unmet selects) takes windows too */
		memcpy(sp->open, open.v, open.n * sizeof(*open.v));
		sp->shm->nopen = open.n;
		helper_go(sp->h);
		settle_cones(J, idx, sp->open, open.n, mode, live, sp);
		split_join(J, idx, open.v, open.n, live);
	} else {
		settle_cones(J, idx, open.v, open.n, mode, live, NULL);
	}
	open.n = 0;
	for (size_t i = 0; i < later.n; i++) {
		size_t k = later.v[i], pk = pos[premise(J, idx[k]) - 1] - 1;

		if (live[pk])
			vec_push(open, k);
	}
	settle_cones(J, idx, open.v, open.n, mode, live, NULL);
	J->cone_ms += lint_now_ms() - t1;
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
	free(pos);
	vec_release(lits);
	vec_release(open);
	vec_release(later);
}

/* One check's targets, settled on their own so each check has its time
 * (the shared cover's with the helper, if there is one). */
static void cover_kinds(struct job *J, unsigned kinds, enum lint_check c, enum sat_cover_mode mode)
{
	sizevec idx = { 0 };
	unsigned char *live;
	double t0 = lint_now_ms();
	struct split *sp = c == LC_COUNT ? J->sp : NULL;

	for (size_t k = 0; k < J->lits.n; k++)
		if (kinds & (1u << J->kind.v[k]))
			vec_push(idx, k);
	live = sp ? sp->live : xcalloc(idx.n + 1, 1);
	settle(J, idx.v, idx.n, mode, live, sp);
	for (size_t k = 0; k < idx.n; k++)
		J->live[idx.v[k]] = live[k];
	J->ms[c] += lint_now_ms() - t0;
	if (!sp)
		free(live);
	vec_release(idx);
}

/* Is this line in arch/ (an arch, CPU or platform entry)? */
static bool under_arch(struct loc at)
{
	const char *f = at.file ? diag_file_name(at.file) : NULL;

	return f && !strncmp(f, "arch/", 5);
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

/* Does anything of s's entry (its dependencies and enclosing ones, its
 * properties' values and conditions, what selects or implies it) read a
 * symbol with tag bit 8? */
static bool entry_reads_tagged(const struct symbol *s, const uint8_t *tag)
{
	return entry_says_bits(s, tag, 8);
}

/* The symbols derived from 64BIT, tag bit 8: 64BIT, and every symbol whose
 * entry reads one (PHYS_ADDR_T_64BIT defaults to 64BIT; X86_64 depends on
 * it; ARCH_HAS_PTE_DEVMAP is selected `if X86_64`...), to a fixpoint.  A
 * bitness-only finding about a symbol that reads one would demand a term
 * its chain states already (redundant-dependency calls it removable).
 * Static, so it holds for the symbols a focus leaves out of the model. */
static void derive_bits(const struct kctree *t, uint8_t *tag)
{
	const struct symbol *s = sym_find(t, "64BIT");
	bool changed = s != NULL;
	size_t i;

	if (s)
		tag[s->id] |= 8;
	while (changed) {
		changed = false;
		tree_for_each_sym(t, s, i)
			if (!(tag[i] & 8) && s->menus && entry_reads_tagged(s, tag)) {
				tag[i] |= 8;
				changed = true;
			}
	}
}

static void bitness(struct job *J)
{
	struct kctree *t = J->t;
	size_t n = t->syms.n, i;
	unsigned char *live64 = xcalloc(n, 1), *live32 = xcalloc(n, 1);
	/* 1: carries the bitness; 2: 64 only; 4: 32 only; 8: derived from 64BIT */
	uint8_t *tag = xcalloc(n, 1);
	const struct symbol *s;
	struct record_writer w;

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
	derive_bits(t, tag);
	tree_for_each_sym(t, s, i) {
		int only = tag[i] & 6;

		/* arch, CPU and platform entries are the arch's own business */
		if (!only || (tag[i] & 9) || !s->menus || under_arch(s->menus->loc) ||
		    entry_says_bits(s, tag, only | 8))
			continue;
		rec_begin(&w, J->r, &lint_facts[LF_BITS]);
		rec_str(&w, "sym", s->name);
		rec_int(&w, "only", only == 2 ? 64 : 32);
		lint_put_loc(&w, "file", "line", s->menus->loc);
		rec_end(&w);
	}
	free(live64);
	free(live32);
	free(tag);
}

/* ---- classes (include/check/lint.h, LINT_CLASSES): why a finding is
 * what it is, read off the entry's text and this arch's answers ---- */

/* A symbol this arch does not define: the kernel reads it n. */
static bool undefined(const struct symbol *s)
{
	return s && s->name && !(s->flags & (SYM_CONST | SYM_SHELL | SYM_DEFINED)) &&
	       !(s->name[0] == '-' || (s->name[0] >= '0' && s->name[0] <= '9'));
}

/* Is conjunct e n because it reads symbols this arch does not define? */
static bool reads_undefined(const struct expr *e)
{
	switch (e->type) {
	case E_SYMBOL:
		return undefined(e->sym);
	case E_OR:
		return reads_undefined(e->left) && reads_undefined(e->right);
	case E_AND:
		return reads_undefined(e->left) || reads_undefined(e->right);
	default:
		return false;
	}
}

static bool not_bool(const struct symbol *s)
{
	return (s->flags & SYM_DEFINED) &&
	       (s->type == S_INT || s->type == S_HEX || s->type == S_STRING);
}

/* The first int, hex or string symbol e reads as a bool (not compared),
 * or NULL. */
static const struct symbol *reads_int(const struct expr *e)
{
	const struct symbol *s;

	if (!e)
		return NULL;
	switch (e->type) {
	case E_SYMBOL:
		return not_bool(e->sym) ? e->sym : NULL;
	case E_NOT:
		return reads_int(e->left);
	case E_AND:
	case E_OR:
		return (s = reads_int(e->left)) ? s : reads_int(e->right);
	default:
		return NULL;
	}
}

static bool mentions(const struct expr *e, const struct symbol *s)
{
	if (!e || !s)
		return false;
	switch (e->type) {
	case E_NOT:
		return mentions(e->left, s);
	case E_AND:
	case E_OR:
		return mentions(e->left, s) || mentions(e->right, s);
	default:
		return e->sym == s || (e->type != E_SYMBOL && e->rsym == s);
	}
}

/* Does e hold whenever c does, as written: c itself, or an || with c in it? */
static bool weaker_than(const struct expr *e, const struct expr *c)
{
	return e == c || (e->type == E_OR && (weaker_than(e->left, c) || weaker_than(e->right, c)));
}

static bool dead_any(const struct job *J, const struct symbol *s)
{
	return J->sym_m[s->id] && !J->live[J->sym_m[s->id] - 1];
}

static bool dead_y(const struct job *J, const struct symbol *s)
{
	return J->sym_y[s->id] && !J->live[J->sym_y[s->id] - 1];
}

static bool has_prompt(const struct symbol *s)
{
	for (const struct property *p = s->props; p; p = p->sym_next)
		if (p->type == P_PROMPT)
			return true;
	return false;
}

struct classes {
	const char **any, **y;	/* by symbol id: dead_class() so far */
};

static const char in_progress[] = "";

static const char *dead_class(const struct job *J, struct classes *K, const struct symbol *s,
			      bool y);

/* The class conjunct c gives an entry that is dead (never y, if y) because
 * of it, or NULL. */
static const char *conjunct_class(const struct job *J, struct classes *K, const struct expr *c,
				  bool y)
{
	const struct symbol *t = c->type == E_SYMBOL ? c->sym : NULL;

	if (reads_undefined(c))
		return "undefined";
	if (!t)
		return NULL;
	if (t == &J->t->sym_n)
		return "and-n";
	if (t == &J->t->sym_m && y)
		return "module-only";
	if (t->flags & SYM_CONST)
		return NULL;
	if (dead_any(J, t))
		return dead_class(J, K, t, false);
	if (y && dead_y(J, t))
		return dead_class(J, K, t, true);
	return NULL;
}

/* Why s is never set (never y, if y) on this arch. */
static const char *dead_class(const struct job *J, struct classes *K, const struct symbol *s,
			      bool y)
{
	const char **memo = &(y ? K->y : K->any)[s->id];
	const char *best = NULL;

	if (*memo)
		return *memo == in_progress ? NULL : *memo;
	*memo = in_progress;
	if (s->name && !strcmp(s->name, "BROKEN"))
		best = "broken";
	for (const struct menu *mn = s->menus; mn && !best; mn = mn->sym_next)
		for (const struct menu *a = mn; a && a->kind != M_ROOT && !best; a = a->parent)
			for (const struct dep_item *d = a->deps; d && !best; d = d->next) {
				exprvec cs = { 0 };

				expr_conjuncts(d->expr, &cs);
				for (size_t k = 0; k < cs.n && !best; k++) {
					const char *c = conjunct_class(J, K, cs.v[k], y);

					/* a dead dependency that is itself a
					 * finding: this one only repeats it */
					if (c && !strcmp(c, "unreachable"))
						c = "dead-dependency";
					best = c;
				}
				vec_release(cs);
			}
	*memo = best ? best : "unreachable";
	return *memo;
}

/* Why m is never reached. */
static const char *dead_m_class(const struct symbol *s)
{
	return has_prompt(s) ? "unreachable" : "never-m";
}

/* Why p never takes effect, and its evidence lines into why. */
static const char *prop_class(const struct job *J, struct classes *K, const struct property *p,
			      const char *status, struct strbuf *why)
{
	const struct symbol *s = p->menu->sym;
	const char *cls = NULL;
	char l[300];
	exprvec cs = { 0 };

	if (!strcmp(status, "shadowed")) {
		const struct property *first = NULL;

		for (const struct property *q = s->props; q && q != p; q = q->sym_next)
			if (q->type == P_DEFAULT && !q->cond) {
				first = q;
				break;
			}
		if (!p->cond && p->expr && p->expr->type == E_SYMBOL && p->expr->sym == &J->t->sym_n) {
			sb_adds(why, "`default n` is what the symbol has without any default");
			return "fallback";
		}
		if (!first && !p->cond) {
			/* a catch-all after defaults that cover every case */
			sb_adds(why, "a catch-all: the earlier defaults cover every case:");
			for (const struct property *q = s->props; q && q != p; q = q->sym_next)
				if (q->type == P_DEFAULT && q->cond) {
					sb_adds(why, "\n  default ");
					expr_print(why, q->expr);
					sb_adds(why, " if ");
					expr_print(why, q->cond);
					sb_addf(why, "  (%s)", loc_str(q->loc, l, sizeof(l)));
				}
			return "fallback";
		}
		if (first) {
			sb_addf(why, "the earlier `default ");
			expr_print(why, first->expr);
			sb_addf(why, "` (%s) always applies first", loc_str(first->loc, l, sizeof(l)));
		} else {
			sb_adds(why, "the earlier defaults apply first wherever its condition holds:");
			for (const struct property *q = s->props; q && q != p; q = q->sym_next)
				if (q->type == P_DEFAULT) {
					sb_adds(why, "\n  default ");
					expr_print(why, q->expr);
					if (q->cond) {
						sb_adds(why, " if ");
						expr_print(why, q->cond);
					}
					sb_addf(why, "  (%s)", loc_str(q->loc, l, sizeof(l)));
				}
		}
		return "shadowed";
	}
	if (p->cond)
		expr_conjuncts(p->cond, &cs);
	for (size_t k = 0; k < cs.n && !cls; k++) {
		const struct symbol *t = cs.v[k]->type == E_SYMBOL ? cs.v[k]->sym : NULL;
		const struct symbol *n = reads_int(cs.v[k]);

		if (n) {
			cls = "int-condition";
			sb_addf(why, "its condition reads %s, which is %s: as a condition it is always n",
				n->name, sym_type_name(n->type));
		} else if ((cls = conjunct_class(J, K, cs.v[k], false))) {
			if (!strcmp(cls, "unreachable"))
				cls = "dead-dependency";
			if (t && t->menus)
				sb_addf(why, "its condition needs %s, which can never be set (%s)", t->name,
					loc_str(t->menus->loc, l, sizeof(l)));
			else if (t)
				sb_addf(why, "its condition needs %s, which is never set", t->name);
		}
	}
	vec_release(cs);
	if (cls)
		return cls;
	/* the condition and the entry's dependencies exclude each other */
	if (p->cond) {
		sb_adds(why, "`");
		expr_print(why, p->cond);
		sb_addf(why, "` (%s) never holds while ", loc_str(p->loc, l, sizeof(l)));
	} else {
		sb_addf(why, "it (%s) never holds while ", loc_str(p->loc, l, sizeof(l)));
	}
	if (p->type == P_SELECT || p->type == P_IMPLY)
		sb_addf(why, "%s is set", s->name ? s->name : "the entry");
	else
		sb_adds(why, "the entry's dependencies hold");
	for (const struct menu *a = p->menu; a && a->kind != M_ROOT; a = a->parent)
		for (const struct dep_item *d = a->deps; d; d = d->next) {
			sb_addf(why, "\n  %s ", d->kind == DEP_IF ? "if" : "depends on");
			expr_print(why, d->expr);
			sb_addf(why, "  (%s)", loc_str(d->loc, l, sizeof(l)));
		}
	for (const struct menu *a = p->menu; a && a->kind != M_ROOT; a = a->parent)
		for (const struct dep_item *d = a->visibility; d; d = d->next) {
			sb_adds(why, "\n  visible if ");
			expr_print(why, d->expr);
			sb_addf(why, "  (%s)", loc_str(d->loc, l, sizeof(l)));
		}
	return "never";
}

/* What kind of redundant term rd is; for a repeat (duplicate, enclosing),
 * the line it repeats into via, as evidence that needs no solver. */
static const char *redund_class(const struct job *J, const struct redund *rd, struct strbuf *via)
{
	char l[300];
	const struct symbol *b64 = sym_find(J->t, "64BIT");
	const struct symbol *ct = sym_find(J->t, "COMPILE_TEST");
	struct expr *c = rd->conj;
	bool own = false, arch = true;
	uint32_t dep = 0;

	for (const struct dep_item *d = rd->m->deps; d; d = d->next, dep++) {
		exprvec cs = { 0 };

		expr_conjuncts(d->expr, &cs);
		for (size_t k = 0; k < cs.n && !own; k++)
			if (cs.v[k] == c && (dep != rd->dep || (int)k != rd->k)) {
				own = true;
				lint_entry_label(via, rd->m);
				sb_adds(via, ": depends on ");
				expr_print(via, d->expr);
				sb_addf(via, "  (%s)", loc_str(d->loc, l, sizeof(l)));
			}
		vec_release(cs);
	}
	if (own)
		return "duplicate";
	for (const struct menu *a = rd->m->parent; a && a->kind != M_ROOT; a = a->parent)
		for (const struct dep_item *d = a->deps; d; d = d->next) {
			exprvec cs = { 0 };
			bool hit = false;

			expr_conjuncts(d->expr, &cs);
			for (size_t k = 0; k < cs.n && !hit; k++)
				hit = weaker_than(c, cs.v[k]);
			vec_release(cs);
			if (hit) {
				if (a->kind != M_IF) {
					lint_entry_label(via, a);
					sb_adds(via, ": ");
				}
				sb_addf(via, "%s ", d->kind == DEP_IF ? "if" : "depends on");
				expr_print(via, d->expr);
				sb_addf(via, "  (%s)", loc_str(d->loc, l, sizeof(l)));
				return "enclosing";
			}
		}
	if (mentions(c, b64))
		return "bitness";
	/* every symbol the term reads is an arch's own (defined in arch/) */
	{
		exprvec stack = { 0 };

		vec_push(stack, c);
		while (stack.n && arch) {
			struct expr *e = stack.v[--stack.n];

			if (e->type == E_NOT || e->type == E_AND || e->type == E_OR) {
				vec_push(stack, e->left);
				if (e->right)
					vec_push(stack, e->right);
				continue;
			}
			arch = e->sym->menus && under_arch(e->sym->menus->loc);
		}
		vec_release(stack);
	}
	if (arch || under_arch(rd->m->loc))
		return "arch-guard";
	if (mentions(rd->rest, ct))
		return "compile-test";
	return "implied";
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
	struct record_writer w;
	bool modules = J->modules && J->live[J->modules - 1];
	struct strbuf label = STRBUF_INIT;
	struct classes K = { xcalloc(t->syms.n, sizeof(char *)), xcalloc(t->syms.n, sizeof(char *)) };

	if (lint_on(J->L, LC_DEAD_SYMBOL))
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
			if (!what)
				continue;
			rec_begin(&w, J->r, &lint_facts[LF_DEAD]);
			rec_str(&w, "sym", s->name);
			rec_str(&w, "value", what);
			lint_put_loc(&w, "file", "line", s->menus->loc);
			rec_str(&w, "class", what[0] == 'm' ? dead_m_class(s)
							    : dead_class(J, &K, s, what[0] == 'y'));
			rec_end(&w);
		}
	for (size_t k = 0; k < J->lits.n; k++) {
		const struct property *p = J->what.v[k];
		const char *status, *cls = "";
		struct strbuf tx = STRBUF_INIT, why = STRBUF_INIT;

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
		lint_entry_label(&label, p->menu);
		if (strcmp(status, "void"))
			cls = prop_class(J, &K, p, status, &why);
		rec_begin(&w, J->r, &lint_facts[LF_PROP]);
		lint_put_loc(&w, "file", "line", p->loc);
		rec_str(&w, "kind", p->type == P_DEFAULT ? "default" : p->type == P_PROMPT ? "prompt" : "select");
		rec_str(&w, "status", status);
		rec_str(&w, "sym", p->menu->sym->name ? p->menu->sym->name : "");
		rec_str(&w, "label", sb_str(&label));
		lint_put_loc(&w, "efile", "eline", p->menu->loc);
		rec_str(&w, "text", sb_str(&tx));
		rec_str(&w, "class", cls);
		rec_str(&w, "why", sb_str(&why));
		rec_end(&w);
		sb_release(&tx);
		sb_release(&why);
		sb_reset(&label);
	}
	for (size_t k = 0; k < J->red.n; k++) {
		const struct redund *rd = &J->red.v[k];
		struct strbuf tx = STRBUF_INIT, via = STRBUF_INIT;
		const char *cls;

		if (J->live[rd->viol - 1])
			continue;
		cls = redund_class(J, rd, &via);
		expr_print(&tx, rd->conj);
		lint_entry_label(&label, rd->m);
		rec_begin(&w, J->r, &lint_facts[LF_REDUND]);
		lint_put_loc(&w, "file", "line", rd->d->loc);
		rec_int(&w, "conj", rd->k);
		rec_str(&w, "status", J->live[rd->oth - 1] ? "redundant" : "void");
		rec_str(&w, "sym", rd->m->sym && rd->m->sym->name ? rd->m->sym->name : "");
		rec_str(&w, "label", sb_str(&label));
		lint_put_loc(&w, "efile", "eline", rd->m->loc);
		rec_str(&w, "text", sb_str(&tx));
		rec_uint(&w, "menu", rd->m->id);
		rec_uint(&w, "dep", rd->dep);
		rec_str(&w, "class", cls);
		rec_str(&w, "via", sb_str(&via));
		rec_end(&w);
		sb_release(&tx);
		sb_release(&via);
		sb_reset(&label);
	}
	for (size_t k = 0; k < J->lits.n; k++) {
		const struct property *p = J->what.v[k];
		char pl[300] = "";

		if (J->kind.v[k] != T_SELVIS || !J->live[k])
			continue;
		for (const struct property *q = p->target->props; q; q = q->sym_next)
			if (q->type == P_PROMPT) {
				loc_str(q->loc, pl, sizeof(pl));
				break;
			}
		rec_begin(&w, J->r, &lint_facts[LF_SELVIS]);
		lint_put_loc(&w, "file", "line", p->loc);
		rec_str(&w, "sym", p->menu->sym->name);
		rec_str(&w, "target", p->target->name);
		lint_put_loc(&w, "efile", "eline", p->menu->loc);
		rec_str(&w, "prompt", pl);
		rec_end(&w);
	}
	sb_release(&label);
	free(K.any);
	free(K.y);
}

/* The kinds of the shared cover (settled together: solutions found for
 * one check settle the others' targets too). */
static const unsigned shared = 1u << T_SYM_M | 1u << T_SYM_Y | 1u << T_SYM_MM | 1u << T_MODULES |
			       1u << T_ENTRY | 1u << T_PROP | 1u << T_DEF_ACT | 1u << T_RED_OTH |
			       1u << T_RED_VIOL | 1u << T_SELVIS | 1u << T_BIT_SAME |
			       1u << T_BIT_OPP | 1u << T_SYM_64 | 1u << T_SYM_32;

static void round1(struct job *J)
{
	double t0 = lint_now_ms();
	struct arch_ctx a;
	struct bitness b[2];
	int nb;

	J->m = model_build(J->t, false, J->L->o.focus != NULL);
	/* a focus (or the whole model) solves for witnesses too; else this is
	 * the sampler, a cover's solver */
	a = (struct arch_ctx){ J->arch, J->t, J->m,
			       J->L->o.focus || J->L->o.whole_model ? sat_new(model_cnf(J->m), false)
								   : sat_new_cover(model_cnf(J->m)) };
	nb = query_bitness(&a, 0, b);
	J->b64 = nb == 2 ? b[0].lit : 0;
	J->bits = nb == 1 ? b[0].bits : 0;
	if (J->L->o.focus || J->L->o.whole_model) {
		J->S = a.s;
	} else {
		/* the whole model (with its targets) is solved only for unmet
		 * witnesses, in J->S made then */
		J->sampler = a.s;
		sat_freeze(J->sampler);
	}
	if (!J->L->o.whole_model)
		J->implied = implied_new(J->t);
	add_targets(J);
	implied_free(J->implied);
	J->implied = NULL;
	J->encode_ms = lint_now_ms() - t0;
	J->live = xcalloc(J->lits.n, 1);
	/* a core to spare: a helper answers the unmet selects meanwhile (their
	 * J->live bits stay in it: nothing after them reads those) */
	if (J->L->o.spare > 0 && J->sampler)
		split_start(J, shared);
	/* symbols and entries first: the other checks read them */
	/* one cover for every question that a random configuration answers
	 * (solutions found for one check settle the others' targets too) */
	cover_kinds(J, shared, LC_COUNT, COVER_ALL);
	if (J->sp && J->sp->ok)
		sb_add(J->r, sb_str(&J->sp->result), J->sp->result.len);
	else
		cover_kinds(J, 1u << T_UNMET, LC_UNMET_SELECT, COVER_EACH);
	split_free(J->sp);
	J->sp = NULL;
	verdict_facts(J);
	if (J->b64 && lint_on(J->L, LC_BITNESS_ONLY)) {
		double t1 = lint_now_ms();

		bitness(J);
		J->ms[LC_BITNESS_ONLY] += lint_now_ms() - t1;
	}
	lint_put_time(J->r, &lint_facts[LF_TIME], "encode", J->encode_ms);
	lint_put_time(J->r, &lint_facts[LF_TIME], "sample", J->sample_ms);
	lint_put_time(J->r, &lint_facts[LF_TIME], "cones", J->cone_ms);
	for (int c = 0; c <= LC_COUNT; c++)
		if (J->ms[c] > 0)
			lint_put_time(J->r, &lint_facts[LF_TIME],
				      c == LC_COUNT ? "cover" : lint_checks[c].doc.name, J->ms[c]);
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

/* The checks that lint-static.c answers from the tree alone (and the
 * source checks, from its names: lint-source.c). */
#define STATIC_CHECKS (1u << LC_RECURSIVE_DEP | 1u << LC_UNDEFINED_SYM | \
		       1u << LC_SELECT_NONBOOL | 1u << LC_TRANSITIONAL_REF | 1u << LC_INT_AS_COND | \
		       1u << LC_UNDEF_CONFIG_REF)

bool lint_round1(const struct lint *L, struct kctree *t, const char *arch, struct strbuf *out)
{
	struct job J = { .L = L, .r = out, .t = t, .arch = arch };

	if (!(L->o.enabled & ~STATIC_CHECKS))
		return true;	/* no question for a model */
	round1(&J);
	job_release(&J);
	return !J.write_failed;
}
