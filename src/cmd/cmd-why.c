/* kcsat why SYM[=y|m]: where SYM can have the value, a configuration that
 * has it and the chain of Kconfig lines that brings it there: each select,
 * default or prompt that sets a symbol, with its file:line, back to the
 * values a user chooses. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cli.h"
#include "cmd/cmd.h"
#include "sat/witness.h"
#include "kconfig/because.h"
#include "kconfig/confdata.h"
#include "kconfig/confsim.h"
#include "kconfig/dialect.h"
#include "util/diag.h"
#include "kconfig/eval.h"
#include "util/json.h"
#include "kconfig/kconfig.h"
#include "sat/model.h"
#include "sat/query.h"
#include "sat/sat.h"
#include "util/outfile.h"
#include "util/strbuf.h"
#include "util/vec.h"
#include "util/xalloc.h"

static const char usage[] =
	"usage: kcsat why SYM[=y|m] [--tree DIR] [--arch A|all] [--bits 32|64]\n"
	"                 [--witness FILE] [--config FILE] [--no-config]\n"
	"                 [--format text|json] [--shell=off|run]\n"
	"\n"
	"For each arch and bitness where SYM can have the value (y, m, n; for an\n"
	"int, hex or string symbol its value, e.g. NR_CPUS=64, and the values it\n"
	"can take; default: not n, or set at all), shows a configuration that has it as the chain of Kconfig\n"
	"lines that sets it (select, default, or the user through a prompt), each\n"
	"with its file:line, and the user choices the chain starts from.\n"
	"`minimal:` lists the user choices that matter; --witness FILE writes them\n"
	"as a .config on which make olddefconfig gives SYM the value (the whole\n"
	"configuration for a 6.10 or older tree); FILE.ARCH-BITS when several.\n"
	"With --config FILE (default: in an O= build directory, its .config;\n"
	"--no-config: none), answers for that configuration: SYM's value there\n"
	"as olddefconfig computes it from FILE, and the lines that set it: the\n"
	"user's line in FILE, the default, select or choice of Kconfig, file:line\n"
	"each, and what sets those in turn.\n"
	"With FILE:LINE instead of SYM: whether that line of the tree is compiled\n"
	"(kcsat why FILE:LINE --help says more; see kcsat cover).\n";

struct why {
	struct sym_answer a;	/* first: query_merge_answer() reads it */
	const char *witness;
	struct config cf;	/* --config */
};

static const char tri_ch[] = "nmy";

/* One step of the chain for s (value v): what sets it.  Returns the next
 * symbol to explain, or NULL at a user choice or a constant. */
static const struct symbol *step(struct eval *ev, const struct symbol *s, struct strbuf *line,
				 const struct symbol **user)
{
	int v = eval_sym_tri(ev, s);
	const struct property *best = NULL;
	int bestv = 0;
	char l[300];

	*user = NULL;
	for (const struct property *p = s->selected_by; p; p = p->rev_next) {
		int sv = eval_sym_tri(ev, p->menu->sym), c = eval_cond(ev, p->visible);
		int pv = sv < c ? sv : c;

		if (pv > bestv) {
			bestv = pv;
			best = p;
		}
	}
	if (best && bestv >= v) {
		sb_addf(line, "%s=%c  select %s", s->name, tri_ch[v], s->name);
		if (best->cond) {
			sb_adds(line, " if ");
			expr_print(line, best->cond);
		}
		sb_addf(line, ", by %s  (%s)", best->menu->sym->name, loc_str(best->loc, l, sizeof(l)));
		return best->menu->sym;
	}
	if (eval_visibility(ev, s) > 0) {
		const struct property *pr = NULL;

		for (const struct property *p = s->props; p && !pr; p = p->sym_next)
			if (p->type == P_PROMPT && eval_cond(ev, p->visible) > 0)
				pr = p;
		sb_addf(line, "%s=%c  set by the user: prompt \"%s\"  (%s)", s->name, tri_ch[v],
			pr ? pr->text : "", pr ? loc_str(pr->loc, l, sizeof(l)) : "?");
		*user = s;
		return NULL;
	}
	{
		const struct property *d = eval_active_default(ev, s);

		if (d) {
			const struct symbol *next = NULL;

			sb_addf(line, "%s=%c  default ", s->name, tri_ch[v]);
			expr_print(line, d->expr);
			if (d->cond) {
				sb_adds(line, " if ");
				expr_print(line, d->cond);
			}
			sb_addf(line, "  (%s)", loc_str(d->loc, l, sizeof(l)));
			/* the first symbol of the default's value that is set */
			next = eval_first_set(ev, d->expr);
			return next && next != s && eval_sym_tri(ev, next) > 0 ? next : NULL;
		}
	}
	/* A prompt behind an unexecuted $(shell,...) (cc-option): the model
	 * left the probe free, so the user's choice stands on that result. */
	for (const struct property *p = s->props; p; p = p->sym_next)
		if (p->type == P_PROMPT && expr_reads_shell(p->visible)) {
			sb_addf(line, "%s=%c  set by the user: prompt \"%s\"  (%s), where $(shell,...) lets it",
				s->name, tri_ch[v], p->text, loc_str(p->loc, l, sizeof(l)));
			*user = s;
			return NULL;
		}
	sb_addf(line, "%s=%c", s->name, tri_ch[v]);
	return NULL;
}

/* The same for an int, hex or string s: the prompt a user sets it through
 * or the default it takes, with the range that bounds it. */
static const struct symbol *step_val(struct eval *ev, const struct symbol *s, struct strbuf *line,
				     const struct symbol **user)
{
	const char *v = eval_sym_str(ev, s);
	const struct property *r = eval_active_range(ev, s), *d;
	const struct symbol *next = NULL;
	char l[300];

	*user = NULL;
	sb_addf(line, s->type == S_STRING ? "%s=\"%s\"  " : "%s=%s  ", s->name, v);
	if (eval_visibility(ev, s) > 0) {
		const struct property *pr = NULL;

		for (const struct property *p = s->props; p && !pr; p = p->sym_next)
			if (p->type == P_PROMPT && eval_cond(ev, p->visible) > 0)
				pr = p;
		sb_addf(line, "set by the user: prompt \"%s\"  (%s)", pr ? pr->text : "",
			pr ? loc_str(pr->loc, l, sizeof(l)) : "?");
		*user = s;
	} else if ((d = eval_active_default(ev, s))) {
		sb_adds(line, "default ");
		expr_print(line, d->expr);
		if (d->cond) {
			sb_adds(line, " if ");
			expr_print(line, d->cond);
		}
		sb_addf(line, "  (%s)", loc_str(d->loc, l, sizeof(l)));
		/* a default that is another symbol's value: explain that one */
		if (d->expr->type == E_SYMBOL && eval_has_value(d->expr->sym) &&
		    !sym_is_bool_like(d->expr->sym) && d->expr->sym != s)
			next = d->expr->sym;
	} else {
		sb_adds(line, "no default applies: the empty value");
	}
	if (r) {
		sb_adds(line, ", within range ");
		expr_print_sym(line, r->lo);
		sb_addc(line, ' ');
		expr_print_sym(line, r->hi);
		if (r->cond) {
			sb_adds(line, " if ");
			expr_print(line, r->cond);
		}
		sb_addf(line, "  (%s)", loc_str(r->loc, l, sizeof(l)));
	}
	return next;
}

/* Symbol computations the drop loop of minimal_choices() may spend: each
 * try re-evaluates SYM, so a chain of n choices costs n * n; past this
 * (a 30,000-long chain; a real kernel's largest query needs well under a
 * tenth of it) the choices not tried yet are kept, and the list is no
 * longer minimal. */
#define WHY_MIN_WORK 20000000ull

/* The user choices that matter (olddefconfig simulated, confsim.c): set
 * every value of the solution as a user value, keep only those the
 * evaluation of SYM (and 64BIT) reads, then drop each one whose absence
 * (its default instead) leaves them as they are, until no single one can
 * be dropped.  false if the simulation
 * does not reproduce the solution (then the full witness is used);
 * *minimal false if the work budget stopped the drop loop (the list still
 * gives SYM its value). */
static bool minimal_choices(struct kctree *t, const struct config *c, const struct symbol *s,
			    enum tristate want, const char *want_str, const struct symbol *s64, int bits,
			    struct config *out, bool *minimal)
{
	struct confsim *cs = confsim_new(t);
	symvec keep = { 0 };
	const struct symbol *x;
	unsigned long long w0;
	size_t i;
	bool ok;

	/* no_minimal_reason(): the 6.11+ choices only (the older ones are
	 * checked against conf for verify, not for this drop loop) */
	if (!dialect_has(t, DR_CHOICE_VALUES)) {
		confsim_free(cs);
		return false;
	}
	tree_for_each_sym(t, x, i) {
		const struct config_entry *e = x->name ? config_find(c, x->name) : NULL;

		if (e)
			confsim_user(cs, x, e->value);
	}
#define HOLDS() ((want_str ? !strcmp(confsim_str(cs, s), want_str) : confsim_tri(cs, s) == want) && \
		 (!bits || !s64 || confsim_tri(cs, s64) == (bits == 64 ? yes : no)))
	ok = HOLDS();
	if (ok) {
		tree_for_each_sym(t, x, i)
			if (confsim_read(cs, x))
				vec_push(keep, x);
		/* what was not read does not matter: clear it all */
		tree_for_each_sym(t, x, i)
			if (!confsim_read(cs, x))
				confsim_user(cs, x, NULL);
		for (size_t k = 0; k < keep.n; k++)
			confsim_user(cs, keep.v[k], config_find(c, keep.v[k]->name)->value);
		ok = HOLDS();
		w0 = confsim_work(cs);
		/* until no choice left can be dropped: one dropped later may
		 * make an earlier one unneeded (a choice member that only the
		 * other's value required) */
		for (bool dropped = true; ok && dropped && *minimal;) {
			dropped = false;
			for (size_t k = 0; k < keep.n; k++) {
				if (!keep.v[k])
					continue;
				if (confsim_work(cs) - w0 > WHY_MIN_WORK) {
					*minimal = false;
					break;
				}
				confsim_user(cs, keep.v[k], NULL);
				if (HOLDS()) {
					keep.v[k] = NULL;
					dropped = true;
				} else {
					confsim_user(cs, keep.v[k], config_find(c, keep.v[k]->name)->value);
				}
			}
		}
		ok = ok && HOLDS();
		/* write what olddefconfig will keep: a choice whose value the
		 * others now change (m without MODULES) is written as it ends up */
		for (size_t k = 0; ok && k < keep.n; k++)
			if (keep.v[k]) {
				const char *v = config_find(c, keep.v[k]->name)->value;

				if (sym_is_bool_like(keep.v[k]))
					v = tri_str(confsim_tri(cs, keep.v[k]));
				struct config_entry e = { 0 };

				e.name = xstrdup(keep.v[k]->name);
				e.value = xstrdup(v);
				e.is_string = keep.v[k]->type == S_STRING;	/* quoted, escaped */
				vec_push(out->v, e);
			}
	}
#undef HOLDS
	vec_release(keep);
	confsim_free(cs);
	return ok;
}

/* One arch and bitness: the answer, computed before it is printed. */
struct why_case {
	const char *arch;
	const struct bitness *b;
	bool reachable;
	char *value;		/* SYM's value in the configuration found */
	strvec values;		/* int/hex/string: every value it can take here (owned) */
	strvec chain;		/* the lines that set it, from SYM outwards */
	cstrvec users;		/* the user choices the chain starts from */
	bool have_min, minimal;	/* minimal_choices() */
	struct config min;	/* the choices, as a .config holds them */
	struct strbuf min_text;	/* "SMP=y NR_CPUS=100 CMDLINE=\"a b\"" */
	const char *no_min;	/* why there is no minimal list */
	struct config witness;	/* the solution's values */
};

struct why_query {
	const struct symbol *s;
	char val;
	const char *str;
	struct strbuf want;	/* "SYM=y", "NR_CPUS=64" */
};

static void why_case_release(struct why_case *c)
{
	free(c->value);
	strvec_free_all(&c->values);
	strvec_free_all(&c->chain);
	vec_release(c->users);
	config_release(&c->min);
	sb_release(&c->min_text);
	config_release(&c->witness);
}

/* Why olddefconfig from the user choices cannot be simulated here. */
static const char *no_minimal_reason(const struct kctree *t)
{
	const struct symbol *x;
	size_t i;

	if (!dialect_has(t, DR_CHOICE_VALUES))
		return "no minimal list for a 6.10 or older tree (verify simulates its choices, why "
		       "does not yet); --witness writes the whole configuration";
	tree_for_each_sym(t, x, i)
		if (x->flags & SYM_SHELL)
			return "the value rests on $(shell,...) results kcsat did not run (see --shell), "
			       "so olddefconfig cannot be simulated from the user choices; --witness "
			       "writes the whole configuration";
	return "olddefconfig from the user choices does not give this value in the simulation; "
	       "--witness writes the whole configuration";
}

/* Compute one case, with the case's assumptions (bitness, want) solved. */
static void why_compute(struct arch_ctx *a, const struct why_query *q, int want, struct why_case *c)
{
	const struct symbol *s = q->s, *cur = s;
	struct eval *ev;
	symvec seen = { 0 };
	const char *want_str = NULL;

	sat_assume(a->s, c->b->lit);
	sat_assume(a->s, want);
	if (sat_solve(a->s) != SAT_SAT)
		return;
	c->reachable = true;
	config_from_solution(&c->witness, a->m, a->s);
	if (!sym_is_bool_like(s)) {
		/* the value asked for, not its gap's representative: every
		 * line of the tree treats the two alike */
		for (size_t k = 0; q->str && k < c->witness.v.n; k++) {
			struct config_entry *e = &c->witness.v.v[k];

			if (!strcmp(e->name, s->name) && strcmp(e->value, q->str)) {
				free(e->value);
				e->value = xstrdup(q->str);
			}
		}
	}
	ev = eval_new_config(a->t, &c->witness);
	c->value = xstrdup(eval_sym_str(ev, s));
	if (!sym_is_bool_like(s))
		want_str = c->value;
	for (int depth = 0; cur && depth < 32; depth++) {
		struct strbuf line = STRBUF_INIT;
		const struct symbol *user, *next;
		bool again = false;

		for (size_t k = 0; k < seen.n; k++)
			again |= seen.v[k] == cur;
		if (again)
			break;
		vec_push(seen, cur);
		next = sym_is_bool_like(cur) ? step(ev, cur, &line, &user) : step_val(ev, cur, &line, &user);
		if (user)
			vec_push(c->users, user->name);
		vec_push(c->chain, sb_detach(&line));
		cur = next;
	}
	c->minimal = true;
	c->have_min = minimal_choices(a->t, &c->witness, s, eval_sym_tri(ev, s), want_str,
				      sym_find(a->t, "64BIT"), c->b->bits, &c->min, &c->minimal);
	if (!c->have_min)
		c->no_min = no_minimal_reason(a->t);
	for (size_t k = 0; k < c->min.v.n; k++) {
		const struct config_entry *e = &c->min.v.v[k];

		sb_addf(&c->min_text, e->is_string ? "%s%s=\"%s\"" : "%s%s=%s", k ? " " : "", e->name,
			e->value);
	}
	vec_release(seen);
	eval_free(ev);
}

static void why_print_text(FILE *out, const struct why_case *c, const struct why_query *q)
{
	const char *label = c->b->label;

	if (!c->reachable) {
		fprintf(out, "%s%s%s: %s is not reachable (see kcsat why-not)\n", c->arch,
			*label ? " " : "", label, sb_str(&q->want));
		return;
	}
	if (sym_is_bool_like(q->s))
		fprintf(out, "%s%s%s: %s=%s because\n", c->arch, *label ? " " : "", label, q->s->name,
			c->value);
	else {
		struct strbuf v = STRBUF_INIT;

		query_values_text(&v, &c->values, false);
		fprintf(out, "%s%s%s: %s can be %s; %s=%s%s%s because\n", c->arch, *label ? " " : "",
			label, q->s->name, sb_str(&v), q->s->name, q->s->type == S_STRING ? "\"" : "",
			c->value, q->s->type == S_STRING ? "\"" : "");
		sb_release(&v);
	}
	for (size_t k = 0; k < c->chain.n; k++)
		fprintf(out, "\t%s\n", c->chain.v[k]);
	if (c->b->bits)
		fprintf(out, "\twith 64BIT=%c\n", c->b->bits == 64 ? 'y' : 'n');
	if (c->have_min && c->minimal)
		fprintf(out, "\tminimal: %s\n", c->min.v.n ? sb_str(&c->min_text) : "(the defaults)");
	else if (c->have_min)
		fprintf(out, "\tchoices (not minimized, work budget spent): %s\n", sb_str(&c->min_text));
	else
		fprintf(out, "\t(no minimal list: %s)\n", c->no_min);
}

static void why_print_json(struct json *j, const struct why_case *c, const struct why_query *q)
{
	json_object(j);
	json_kstring(j, "arch", c->arch);
	json_kint(j, "bits", c->b->bits);
	json_kstring(j, "symbol", q->s->name);
	json_kbool(j, "reachable", c->reachable);
	if (!c->reachable) {
		json_end(j);
		return;
	}
	if (!sym_is_bool_like(q->s)) {
		json_kstring(j, "value", c->value);
		json_key(j, "values");
		json_strings(j, c->values.v, c->values.n);
	}
	json_key(j, "chain");
	json_strings(j, c->chain.v, c->chain.n);
	json_karray(j, "user_choices");
	for (size_t k = 0; k < c->users.n; k++)
		json_string(j, c->users.v[k]);
	json_end(j);
	json_kstring(j, "minimal", c->have_min && c->minimal ? sb_str(&c->min_text) : NULL);
	if (c->have_min && !c->minimal)
		json_kstring(j, "choices", sb_str(&c->min_text));
	if (!c->have_min)
		json_kstring(j, "no_minimal", c->no_min);
	json_end(j);
}

/* Only the user choices that matter when known (conf --olddefconfig fills
 * in the rest with the defaults), else the whole configuration. */
static bool write_witness(const struct why *w, const struct tree_opts *o, const struct why_case *c,
			  int bits)
{
	struct strbuf name = STRBUF_INIT;
	struct outfile of;
	FILE *f;
	bool ok;

	sb_adds(&name, w->witness);
	if (o->load.arches.n > 1)
		sb_addf(&name, ".%s", c->arch);
	if (bits)
		sb_addf(&name, "-%d", bits);
	ok = outfile_open(&of, sb_str(&name));
	sb_release(&name);
	if (!ok)
		return false;
	f = of.f;
	fprintf(f, "# kcsat witness: %s on %s%s%s\n", w->a.arg, c->arch, *c->b->label ? " " : "",
		c->b->label);
	if (c->have_min) {
		fprintf(f, "# the user choices that matter; make olddefconfig sets the rest\n");
		config_write_file(f, &c->min, NULL);
	} else {
		config_write_file(f, &c->witness, NULL);
	}
	return outfile_commit(&of);
}

/* why SYM --config FILE on one arch: SYM's value in FILE and what sets it. */
static int why_config(const struct tree_opts *o, size_t i, struct why *w, FILE *out,
		      struct strbuf *result)
{
	struct config_query q;
	int rc = cli_config_query_open(o, i, &w->a, &w->cf, false, &q, result);
	bool has;

	if (rc >= 0)
		return rc;
	if (!sym_is_bool_like(q.s))
		has = q.str ? !strcmp(confsim_str(q.cs, q.s), q.str) : confsim_written(q.cs, q.s);
	else if (q.val)
		has = tri_char(confsim_tri(q.cs, q.s)) == q.val;
	else
		has = confsim_tri(q.cs, q.s) != no;
	if (has)
		sb_adds(result, "reachable ");
	if (o->format == FMT_JSON) {
		struct json j;

		json_init_seq(&j, out);
		json_object(&j);
		cli_config_query_json(&j, o, &q, has);
		json_end(&j);
		json_finish(&j);
	} else {
		cli_because_heading(out, q.arch, q.label, q.s, q.bv, q.root, o->config);
		cli_because_text(out, q.bv, "\t");
		if (!has)
			fprintf(out, "  not %s: see kcsat why-not %s --config %s\n", sb_str(q.want),
				w->a.arg, o->config);
	}
	cli_config_query_close(&q);
	return EXIT_OK;
}

/* The last case that can have the value (-1: none), asked of the model as
 * encoded so far (SYM's cone and 64BIT's, which decide it) by a solver of
 * its own: a->s stays untouched for the witness.  Most cases of --arch all
 * are not reachable, and those need no whole model. */
static int why_probe(struct arch_ctx *a, const struct bitness *b, int nb, int want)
{
	struct sat *p = sat_new(model_cnf(a->m), false);
	int last = -1;

	for (int k = 0; k < nb; k++) {
		sat_assume(p, b[k].lit);
		sat_assume(p, want);
		if (sat_solve(p) != SAT_UNSAT)
			last = k;
	}
	sat_free(p);
	return last;
}

static int why_arch(const struct tree_opts *o, size_t i, void *ctx, FILE *out, struct strbuf *result)
{
	struct why *w = ctx;
	const char *arch = o->load.arches.n ? o->load.arches.v[i] : "tree";
	struct why_query q = { 0 };
	struct arch_ctx a;
	struct bitness b[2];
	char *str;
	int nb, found, want, last, rc = EXIT_OK;
	struct json j;
	strvec values[2] = { { 0 }, { 0 } };

	if (o->config)
		return why_config(o, i, w, out, result);
	if (!arch_ctx_load(&a, &o->load, i))
		return EXIT_ERROR;
	json_init_seq(&j, out);
	found = query_symbol(a.t, w->a.arg, &q.s, &q.val, &str, w->a.suggest, sizeof(w->a.suggest));
	q.str = str;
	if (found <= 0) {
		if (found == 0)
			sb_addf(result, "undefined %s", w->a.suggest);
		arch_ctx_close(&a);
		return found < 0 ? EXIT_ERROR : EXIT_OK;
	}
	sb_adds(result, "defined ");
	query_want_text(&q.want, q.s, q.val, q.str);
	arch_ctx_encode(&a);
	want = query_want_lit(a.m, q.s, q.val, q.str);
	nb = query_bitness(&a, w->a.bits, b);
	if (nb)
		sb_adds(result, "bitcase ");
	else
		cli_no_case(o, &a, w->a.bits, out, &j);
	/* the values, while the model holds only their cone: each solve is
	 * then over a few symbols, not the whole tree the witness needs */
	for (int k = 0; k < nb && !sym_is_bool_like(q.s); k++)
		query_values(&a, q.s, b[k].lit, &values[k]);
	/* the whole model only up to the last case the cone cannot rule
	 * out; every case before it is still solved, in order, so that the
	 * solver's state, and its witness, are what they always were */
	last = why_probe(&a, b, nb, want);
	if (last >= 0)
		model_encode_all(a.m);
	for (int k = 0; k < nb; k++) {
		struct why_case c = { .arch = arch, .b = &b[k], .values = values[k] };

		if (k <= last)
			why_compute(&a, &q, want, &c);
		if (c.reachable)
			sb_adds(result, "reachable ");
		if (o->format == FMT_JSON)
			why_print_json(&j, &c, &q);
		else
			why_print_text(out, &c, &q);
		if (c.reachable && w->witness && !write_witness(w, o, &c, nb > 1 ? b[k].bits : 0))
			rc = EXIT_ERROR;
		why_case_release(&c);
	}
	json_finish(&j);
	sb_release(&q.want);
	free(str);
	arch_ctx_close(&a);
	return rc;
}

int cmd_why(int argc, char **argv)
{
	static const struct option longopts[] = {
		CLI_TREE_OPTIONS,
		CLI_CONFIG_OPTIONS,
		{ "bits", required_argument, NULL, 'b' },
		{ "witness", required_argument, NULL, 'w' },
		{ NULL, 0, NULL, 0 },
	};
	struct tree_opts o;
	struct why w = { 0 };
	int c, done, rc;

	for (int a = 1; a < argc; a++)
		if (argv[a][0] != '-' && cmd_is_file_line(argv[a]))
			return cmd_cover_line(argc, argv, false);
	cli_tree_opts_init(&o);
	o.config_wanted = true;
	optind = 1;
	while ((c = cli_next_option(&o, argc, argv, "", longopts, usage, &done)) != -1) {
		if (cli_config_option(&o, c, optarg))
			continue;
		if (c == 'w') {
			w.witness = optarg;
			continue;
		}
		if (c == 'b') {
			if (!cli_bits_option(optarg, &w.a.bits))
				return EXIT_ERROR;
			continue;
		}
		return cli_usage_error(usage);
	}
	if (done >= 0)
		return done;
	if (!(w.a.arg = cli_one_sym(argc, argv, "why")) || !cli_resolve_arches(&o))
		return EXIT_ERROR;
	if (o.config_found && w.witness)
		o.config = NULL;	/* a witness answers for the whole space */
	if (o.config && w.witness) {
		diag_fatal("--witness writes a configuration from scratch: not with --config %s",
			   o.config);
		cli_tree_opts_release(&o);
		return EXIT_ERROR;
	}
	if (o.config && !config_read(o.config, &w.cf)) {
		cli_tree_opts_release(&o);
		return EXIT_ERROR;
	}
	rc = cli_run_query(&o, why_arch, query_merge_answer, &w);
	config_release(&w.cf);
	return cli_sym_answer_status(&o, rc, &w.a, EXIT_OK);
}
