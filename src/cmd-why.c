/* kcsat why SYM[=y|m]: where SYM can have the value, a configuration that
 * has it and the chain of Kconfig lines that brings it there: each select,
 * default or prompt that sets a symbol, with its file:line, back to the
 * values a user chooses. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cmd.h"
#include "config.h"
#include "diag.h"
#include "eval.h"
#include "json.h"
#include "kconfig.h"
#include "model.h"
#include "query.h"
#include "sat.h"
#include "strbuf.h"
#include "vec.h"
#include "xalloc.h"

static const char usage[] =
	"usage: kcsat why SYM[=y|m] [--tree DIR] [--arch A|all] [--bits 32|64]\n"
	"                 [--witness FILE] [--format text|json] [--shell=off|run]\n"
	"\n"
	"For each arch and bitness where SYM can have the value (default: any\n"
	"value but n), shows a configuration that has it as the chain of Kconfig\n"
	"lines that sets it (select, default, or the user through a prompt), each\n"
	"with its file:line, and the user choices the chain starts from.\n"
	"--witness FILE writes that configuration as a .config the kernel's conf\n"
	"keeps (FILE.ARCH-BITS when there are several).\n"
	"Exit status: 0 if SYM can have the value somewhere, 1 if nowhere.\n";

struct why {
	const char *arg;
	const char *witness;
	int bits;
	bool reachable, defined;
	char suggest[128];
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
	sb_addf(line, "%s=%c", s->name, tri_ch[v]);
	return NULL;
}

static int why_arch(const struct tree_opts *o, size_t i, void *ctx, FILE *out, struct strbuf *result)
{
	struct why *w = ctx;
	const char *arch = o->arches.n ? o->arches.v[i] : "tree";
	const struct symbol *s;
	struct arch_ctx a;
	struct bitness b[2];
	char val;
	int nb, found, want;
	bool first = true;

	if (!arch_ctx_load(&a, o, i))
		return EXIT_ERROR;
	found = query_symbol(a.t, w->arg, &s, &val, w->suggest, sizeof(w->suggest));
	if (found <= 0) {
		if (found == 0)
			sb_addf(result, "undefined %s", w->suggest);
		arch_ctx_close(&a);
		return found < 0 ? EXIT_ERROR : EXIT_OK;
	}
	sb_adds(result, "defined ");
	arch_ctx_encode(&a);
	model_encode_all(a.m);
	want = val ? model_sym_is(a.m, s, val) : -model_sym_is(a.m, s, 'n');
	nb = query_bitness(&a, w->bits, b);
	for (int k = 0; k < nb; k++) {
		const char *label = b[k].label;
		struct config c;
		struct eval *ev;
		VEC(const struct symbol *) users = { 0 }, seen = { 0 };
		const struct symbol *cur = s;

		sat_assume(a.s, b[k].lit);
		sat_assume(a.s, want);
		if (o->format == FMT_JSON) {
			fprintf(out, "%s{\"arch\":", first ? "" : ",");
			json_str(out, arch);
			fprintf(out, ",\"bits\":%d,\"symbol\":", b[k].bits);
			json_str(out, s->name);
		}
		first = false;
		if (sat_solve(a.s) != SAT_SAT) {
			if (o->format == FMT_JSON)
				fputs(",\"reachable\":false}", out);
			else
				fprintf(out, "%s%s%s: %s%s%s is not reachable (see kcsat why-not)\n", arch,
					*label ? " " : "", label, s->name, val ? "=" : "",
					val ? (char[]){ val, 0 } : "");
			continue;
		}
		sb_adds(result, "reachable ");
		if (w->witness) {
			struct strbuf name = STRBUF_INIT;
			FILE *f;

			sb_adds(&name, w->witness);
			if (o->arches.n > 1)
				sb_addf(&name, ".%s", arch);
			if (nb > 1 && b[k].bits)
				sb_addf(&name, "-%d", b[k].bits);
			if ((f = fopen(sb_str(&name), "w"))) {
				struct strbuf h = STRBUF_INIT;

				sb_addf(&h, "# kcsat witness: %s on %s%s%s\n", w->arg, arch,
					*label ? " " : "", label);
				config_write(f, a.m, a.s, sb_str(&h));
				sb_release(&h);
				fclose(f);
			} else {
				diag_fatal("cannot write '%s'", sb_str(&name));
			}
			sb_release(&name);
		}
		config_from_solution(&c, a.m, a.s);
		ev = eval_new(a.t, &c);
		if (o->format == FMT_JSON)
			fputs(",\"reachable\":true,\"chain\":[", out);
		else
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
				fputs(depth ? "," : "", out);
				json_str(out, sb_str(&line));
			} else {
				fprintf(out, "\t%s\n", sb_str(&line));
			}
			sb_release(&line);
			cur = next;
		}
		if (o->format == FMT_JSON) {
			fputs("],\"user_choices\":[", out);
			for (size_t q = 0; q < users.n; q++) {
				fputs(q ? "," : "", out);
				json_str(out, users.v[q]->name);
			}
			fputs("]}", out);
		} else if (b[k].bits) {
			fprintf(out, "\twith 64BIT=%c\n", b[k].bits == 64 ? 'y' : 'n');
		}
		vec_release(users);
		vec_release(seen);
		eval_free(ev);
		config_release(&c);
	}
	arch_ctx_close(&a);
	return EXIT_OK;
}

static void why_merge(void *ctx, size_t i, const char *result)
{
	struct why *w = ctx;

	(void)i;
	if (strstr(result, "reachable"))
		w->reachable = true;
	if (strncmp(result, "undefined", 9))
		w->defined = true;
	else if (result[9] == ' ' && result[10] && !*w->suggest)
		snprintf(w->suggest, sizeof(w->suggest), "%s", result + 10);
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
			if (!query_bits_option(optarg, &w.bits))
				return EXIT_ERROR;
			continue;
		}
		return cli_usage_error(usage);
	}
	if (done >= 0)
		return done;
	if (optind + 1 != argc) {
		diag_fatal("%s (see 'kcsat help why')", optind == argc ? "missing SYM" : "one SYM at a time");
		return EXIT_ERROR;
	}
	w.arg = argv[optind];
	if (!cli_resolve_arches(&o))
		return EXIT_ERROR;
	if (o.format == FMT_JSON)
		fputs("{\"results\":[", stdout);
	fflush(stdout);
	rc = cli_for_each_arch(&o, why_arch, why_merge, &w, o.format == FMT_JSON ? "," : NULL);
	if (o.format == FMT_JSON)
		fputs("]}\n", stdout);
	cli_tree_opts_release(&o);
	if (rc == EXIT_ERROR)
		return rc;
	if (!w.defined) {
		return query_unknown_symbol(w.arg, w.suggest);
	}
	return w.reachable ? EXIT_OK : EXIT_NO;
}
