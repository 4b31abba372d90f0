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
#include "kconfig/confsim.h"
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
	"                 [--witness FILE] [--format text|json] [--shell=off|run]\n"
	"\n"
	"For each arch and bitness where SYM can have the value (default: any\n"
	"value but n), shows a configuration that has it as the chain of Kconfig\n"
	"lines that sets it (select, default, or the user through a prompt), each\n"
	"with its file:line, and the user choices the chain starts from.\n"
	"`minimal:` lists the user choices that matter; --witness FILE writes them\n"
	"as a .config on which make olddefconfig gives SYM the value (the whole\n"
	"configuration for a 6.10 or older tree); FILE.ARCH-BITS when several.\n"
	"Exit status: 0 if SYM can have the value somewhere, 1 if nowhere.\n";

struct why {
	struct sym_answer a;	/* first: query_merge_answer() reads it */
	const char *witness;
};

static const char tri_ch[] = "nmy";

static const struct symbol *first_set(struct eval *ev, const struct expr *e)
{
	const struct symbol *r;

	if (!e)
		return NULL;
	switch (e->type) {
	case E_SYMBOL:
		return !(e->sym->flags & SYM_CONST) && eval_sym_tri(ev, e->sym) > 0 ? e->sym : NULL;
	case E_AND:
	case E_OR:
		r = first_set(ev, e->left);
		return r ? r : first_set(ev, e->right);
	default:
		return NULL;
	}
}

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
			next = first_set(ev, d->expr);
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

/* Symbol computations the drop loop of minimal_choices() may spend: each
 * try re-evaluates SYM, so a chain of n choices costs n * n; past this
 * (a 30,000-long chain; a real kernel's largest query needs well under a
 * tenth of it) the choices not tried yet are kept, and the list is no
 * longer minimal. */
#define WHY_MIN_WORK 20000000ull

/* The user choices that matter (olddefconfig simulated, confsim.c): set
 * every value of the solution as a user value, keep only those the
 * evaluation of SYM (and 64BIT) reads, then drop each one whose absence
 * (its default instead) leaves them as they are.  false if the simulation
 * does not reproduce the solution (then the full witness is used);
 * *minimal false if the work budget stopped the drop loop (the list still
 * gives SYM its value). */
static bool minimal_choices(struct kctree *t, const struct config *c, const struct symbol *s,
			    enum tristate want, const struct symbol *s64, int bits, struct strbuf *out,
			    bool *minimal)
{
	struct confsim *cs = confsim_new(t);
	symvec keep = { 0 };
	const struct symbol *x;
	unsigned long long w0;
	size_t i;
	bool ok;

	if (!cs)
		return false;
	tree_for_each_sym(t, x, i) {
		const struct config_entry *e = x->name ? config_find(c, x->name) : NULL;

		if (e)
			confsim_user(cs, x, e->value);
	}
#define HOLDS() (confsim_tri(cs, s) == want && \
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
		for (size_t k = 0; ok && k < keep.n; k++) {
			if (confsim_work(cs) - w0 > WHY_MIN_WORK) {
				*minimal = false;
				break;
			}
			confsim_user(cs, keep.v[k], NULL);
			if (HOLDS())
				keep.v[k] = NULL;
			else
				confsim_user(cs, keep.v[k], config_find(c, keep.v[k]->name)->value);
		}
		ok = ok && HOLDS();
		/* write what olddefconfig will keep: a choice whose value the
		 * others now change (m without MODULES) is written as it ends up */
		for (size_t k = 0; ok && k < keep.n; k++)
			if (keep.v[k]) {
				const char *v = config_find(c, keep.v[k]->name)->value;

				if (sym_is_bool_like(keep.v[k]))
					v = tri_str(confsim_tri(cs, keep.v[k]));
				sb_addf(out, "%s%s=%s", out->len ? " " : "", keep.v[k]->name, v);
			}
	}
#undef HOLDS
	vec_release(keep);
	confsim_free(cs);
	return ok;
}

/* Only the user choices that matter when known (conf --olddefconfig fills
 * in the rest with the defaults), else the whole configuration. */
static bool write_witness(const struct why *w, const struct tree_opts *o, const char *arch,
			  const char *label, int bits, struct arch_ctx *a, const char *minimal)
{
	struct strbuf name = STRBUF_INIT;
	struct outfile of;
	FILE *f;
	bool ok;

	sb_adds(&name, w->witness);
	if (o->load.arches.n > 1)
		sb_addf(&name, ".%s", arch);
	if (bits)
		sb_addf(&name, "-%d", bits);
	ok = outfile_open(&of, sb_str(&name));
	sb_release(&name);
	if (!ok)
		return false;
	f = of.f;
	fprintf(f, "# kcsat witness: %s on %s%s%s\n", w->a.arg, arch, *label ? " " : "", label);
	if (minimal) {
		char *list = xstrdup(minimal), *save = NULL;
		struct config c = { 0 };

		fprintf(f, "# the user choices that matter; make olddefconfig sets the rest\n");
		for (char *kv = strtok_r(list, " ", &save); kv; kv = strtok_r(NULL, " ", &save)) {
			char *eq = strchr(kv, '=');
			const struct symbol *ks;
			struct config_entry e = { 0 };

			if (!eq)
				continue;
			*eq = '\0';
			ks = sym_find(a->t, kv);
			e.name = xstrdup(kv);
			e.value = xstrdup(eq + 1);
			e.is_string = ks && ks->type == S_STRING;	/* quoted, escaped */
			vec_push(c.v, e);
		}
		free(list);
		config_write_file(f, &c, NULL);
		config_release(&c);
	} else {
		config_write(f, a->m, a->s, NULL);
	}
	return outfile_commit(&of);
}

static int why_arch(const struct tree_opts *o, size_t i, void *ctx, FILE *out, struct strbuf *result)
{
	struct why *w = ctx;
	const char *arch = o->load.arches.n ? o->load.arches.v[i] : "tree";
	const struct symbol *s;
	struct arch_ctx a;
	struct bitness b[2];
	char val;
	int nb, found, want, rc = EXIT_OK;
	struct json j;

	if (!arch_ctx_load(&a, &o->load, i))
		return EXIT_ERROR;
	json_init_seq(&j, out);
	found = query_symbol(a.t, w->a.arg, &s, &val, w->a.suggest, sizeof(w->a.suggest));
	if (found <= 0) {
		if (found == 0)
			sb_addf(result, "undefined %s", w->a.suggest);
		arch_ctx_close(&a);
		return found < 0 ? EXIT_ERROR : EXIT_OK;
	}
	sb_adds(result, "defined ");
	arch_ctx_encode(&a);
	model_encode_all(a.m);
	want = val ? model_sym_is(a.m, s, val) : -model_sym_is(a.m, s, 'n');
	nb = query_bitness(&a, w->a.bits, b);
	if (nb)
		sb_adds(result, "bitcase ");
	else
		cli_no_case(o, &a, w->a.bits, out, &j);
	for (int k = 0; k < nb; k++) {
		const char *label = b[k].label;
		struct config c;
		struct eval *ev;
		symvec users = { 0 }, seen = { 0 };
		const struct symbol *cur = s;

		sat_assume(a.s, b[k].lit);
		sat_assume(a.s, want);
		if (o->format == FMT_JSON) {
			json_object(&j);
			json_kstring(&j, "arch", arch);
			json_kint(&j, "bits", b[k].bits);
			json_kstring(&j, "symbol", s->name);
		}
		if (sat_solve(a.s) != SAT_SAT) {
			if (o->format == FMT_JSON) {
				json_kbool(&j, "reachable", false);
				json_end(&j);
			} else {
				fprintf(out, "%s%s%s: %s%s%s is not reachable (see kcsat why-not)\n", arch,
					*label ? " " : "", label, s->name, val ? "=" : "",
					val ? (char[]){ val, 0 } : "");
			}
			continue;
		}
		sb_adds(result, "reachable ");
		config_from_solution(&c, a.m, a.s);
		ev = eval_new_config(a.t, &c);
		if (o->format == FMT_JSON) {
			json_kbool(&j, "reachable", true);
			json_karray(&j, "chain");
		} else
			fprintf(out, "%s%s%s: %s=%c because\n", arch, *label ? " " : "", label, s->name,
				"nmy"[eval_sym_tri(ev, s)]);
		for (int depth = 0; cur && depth < 32; depth++) {
			struct strbuf line = STRBUF_INIT;
			const struct symbol *user, *next;
			bool again = false;

			for (size_t q = 0; q < seen.n; q++)
				again |= seen.v[q] == cur;
			if (again)
				break;
			vec_push(seen, cur);
			next = step(ev, cur, &line, &user);
			if (user)
				vec_push(users, user);
			if (o->format == FMT_JSON) {
				json_string(&j, sb_str(&line));
			} else {
				fprintf(out, "\t%s\n", sb_str(&line));
			}
			sb_release(&line);
			cur = next;
		}
		{
			struct strbuf min = STRBUF_INIT;
			bool minimal = true;
			bool have = minimal_choices(a.t, &c, s, eval_sym_tri(ev, s), sym_find(a.t, "64BIT"),
						    b[k].bits, &min, &minimal);

			if (o->format == FMT_JSON) {
				json_end(&j);	/* chain */
				json_karray(&j, "user_choices");
				for (size_t q = 0; q < users.n; q++)
					json_string(&j, users.v[q]->name);
				json_end(&j);
				json_kstring(&j, "minimal", have && minimal ? sb_str(&min) : NULL);
				if (have && !minimal)
					json_kstring(&j, "choices", sb_str(&min));
				json_end(&j);
			} else {
				if (b[k].bits)
					fprintf(out, "\twith 64BIT=%c\n", b[k].bits == 64 ? 'y' : 'n');
				if (have && minimal)
					fprintf(out, "\tminimal: %s\n", min.len ? sb_str(&min) : "(the defaults)");
				else if (have)
					fprintf(out, "\tchoices (not minimized, work budget spent): %s\n",
						sb_str(&min));
			}
			if (w->witness && !write_witness(w, o, arch, label, nb > 1 ? b[k].bits : 0, &a,
							 have ? sb_str(&min) : NULL))
				rc = EXIT_ERROR;
			sb_release(&min);
		}
		vec_release(users);
		vec_release(seen);
		eval_free(ev);
		config_release(&c);
	}
	json_finish(&j);
	arch_ctx_close(&a);
	return rc;
}

int cmd_why(int argc, char **argv)
{
	static const struct option longopts[] = {
		CLI_TREE_OPTIONS,
		{ "bits", required_argument, NULL, 'b' },
		{ "witness", required_argument, NULL, 'w' },
		{ NULL, 0, NULL, 0 },
	};
	struct tree_opts o;
	struct why w = { 0 };
	int c, done, rc;

	cli_tree_opts_init(&o);
	optind = 1;
	while ((c = cli_next_option(&o, argc, argv, "", longopts, usage, &done)) != -1) {
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
	rc = cli_run_query(&o, why_arch, query_merge_answer, &w);
	return cli_sym_answer_status(&o, rc, &w.a, EXIT_OK);
}
