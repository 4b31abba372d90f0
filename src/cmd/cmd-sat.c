/* kcsat sat EXPR: can EXPR hold (be other than n), per arch and bitness?
 * On SAT, a witness .config that the kernel's conf reproduces. */
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cli.h"
#include "cmd/cmd.h"
#include "sat/answers.h"
#include "util/diag.h"
#include "util/json.h"
#include "kconfig/kconfig.h"
#include "sat/model.h"
#include "sat/query.h"
#include "sat/sat.h"
#include "util/outfile.h"
#include "util/record.h"
#include "util/strbuf.h"
#include "util/vec.h"
#include "util/xalloc.h"

static const char usage[] =
	"usage: kcsat sat EXPR... [--tree DIR] [--arch A|all] [--bits 32|64]\n"
	"                 [--witness FILE] [--format text|json] [--shell=off|run]\n"
	"\n"
	"Is there a configuration where the Kconfig expression EXPR holds (its\n"
	"value is not n)?  Answers per architecture, and per bitness where 64BIT\n"
	"is free.  Write SYM=y to require y.  --witness FILE writes a .config for\n"
	"each satisfiable case: FILE itself for a single case, else FILE.N (the\n"
	"N-th EXPR, from 1), .ARCH and -BITS suffixes as needed.\n";

/* A name an EXPR reads, with the number of arches that do not define it. */
struct undef_count {
	char *name;
	char *suggest;
	size_t arches;
};

/* One case of an arch's answers as the parent prints it. */
struct answered {
	uint32_t expr;
	int bits;			/* 64, 32, or 0 for a plain tree */
	bool satisfiable;
};

/* One arch's answers as its job left them (all the parent prints). */
struct arch_answers {
	bool answered;			/* its job's records came */
	int nb;				/* the bitness cases --bits selected */
	char *no_case;			/* nb == 0: why */
	VEC(struct answered) cases;
};

struct satq {
	const struct tree_opts *o;
	char **exprs;
	int nexpr, bits;
	const char *witness;
	bool *anywhere;			/* per EXPR, merged over arches */
	bool any_case;			/* some arch had a case for bits */
	VEC(struct undef_count) undef;
	struct arch_answers *arch;	/* per arch, in arch order */
};

/* What an arch's job leaves for sat_merge(): its answers. */
enum { R_SAT, R_CASE, R_UNDEF };
static const struct record_kind records[] = {
	/* first: nb the number of bitness cases --bits selected here, and if
	 * it is 0 why (no_case) */
	[R_SAT] = { "sat", { "nb", "no_case", NULL } },
	/* EXPR number expr holds (satisfiable 1) or not in the bits case */
	[R_CASE] = { "case", { "expr", "bits", "satisfiable", NULL } },
	/* an EXPR reads name, which this arch does not define */
	[R_UNDEF] = { "undef", { "name", "suggest", NULL } },
};

/* A bitness case's label, as query_bitness() gives it. */
static const char *bits_label(int bits)
{
	return bits == 64 ? "64-bit" : bits == 32 ? "32-bit" : "";
}

/* Where a SAT case's witness goes: FILE, FILE.N (the N-th EXPR), .ARCH and
 * -BITS suffixes as needed (nb: the arch's number of bitness cases). */
static const char *witness_path(struct strbuf *sb, const struct satq *sc, const char *arch,
				size_t expr, int bits, int nb)
{
	sb_reset(sb);
	sb_adds(sb, sc->witness);
	if (sc->nexpr > 1)
		sb_addf(sb, ".%zu", expr + 1);
	if (sc->o->load.arches.n > 1)
		sb_addf(sb, ".%s", arch ? arch : "tree");
	if (nb > 1 && bits)
		sb_addf(sb, "-%d", bits);
	return sb_str(sb);
}

static void sat_print_text(FILE *out, const struct satq *sc, const char *arch,
			   const struct answered *c)
{
	const char *label = bits_label(c->bits);

	if (sc->nexpr > 1)
		fprintf(out, "%s: ", sc->exprs[c->expr]);
	fprintf(out, "%s%s%s: %s\n", arch ? arch : "tree", *label ? " " : "", label,
		c->satisfiable ? "SAT" : "UNSAT");
}

static void sat_print_json(struct json *j, const struct satq *sc, const char *arch,
			   const struct answered *c, const char *witness)
{
	json_object(j);
	json_kstring(j, "expr", sc->exprs[c->expr]);
	json_kstring(j, "arch", arch);
	json_kint(j, "bits", c->bits);
	json_kbool(j, "satisfiable", c->satisfiable);
	if (witness)
		json_kstring(j, "witness", witness);
	json_end(j);
}

/* A SAT case's witness .config, at path. */
static bool sat_write_witness(const struct satq *sc, const struct sat_answer *r,
			      const struct sat_case *c, const char *path)
{
	struct outfile of;
	struct strbuf h = STRBUF_INIT;

	if (!outfile_open(&of, path))
		return false;
	sb_addf(&h, "# kcsat witness: %s holds on %s%s%s\n", sc->exprs[c->expr],
		r->arch ? r->arch : "tree", *c->b.label ? " " : "", c->b.label);
	config_write_file(of.f, &c->witness, sb_str(&h));
	sb_release(&h);
	return outfile_commit(&of);
}

/* One arch: the answers for every EXPR, computed, their witnesses
 * written; the result holds what the parent prints (nothing goes to out). */
static int sat_arch(const struct tree_opts *o, size_t i, void *ctx, FILE *out, struct strbuf *result)
{
	struct satq *sc = ctx;
	struct sat_answer r;
	struct record_writer w;
	struct strbuf name = STRBUF_INIT;
	int rc = EXIT_OK;

	(void)o;
	(void)out;
	if (!sat_answer_compute(&o->load, i, sc->exprs, (size_t)sc->nexpr, sc->bits,
				sc->witness != NULL, &r)) {
		sat_answer_release(&r);
		return EXIT_ERROR;
	}
	rec_begin(&w, result, &records[R_SAT]);
	rec_uint(&w, "nb", (unsigned)r.nb);
	rec_str(&w, "no_case", sb_str(&r.no_case));
	rec_end(&w);
	/* a witness that cannot be written ends the arch's answers there */
	for (size_t k = 0; rc == EXIT_OK && k < r.cases.n; k++) {
		const struct sat_case *c = &r.cases.v[k];

		rec_begin(&w, result, &records[R_CASE]);
		rec_uint(&w, "expr", c->expr);
		rec_uint(&w, "bits", (unsigned)c->b.bits);
		rec_uint(&w, "satisfiable", c->satisfiable);
		rec_end(&w);
		if (c->satisfiable && sc->witness &&
		    !sat_write_witness(sc, &r, c,
				       witness_path(&name, sc, r.arch, c->expr, c->b.bits, r.nb)))
			rc = EXIT_ERROR;
	}
	for (size_t u = 0; u < r.undef.n; u++) {
		rec_begin(&w, result, &records[R_UNDEF]);
		rec_str(&w, "name", r.undef.v[u].name);
		rec_str(&w, "suggest", r.undef.v[u].suggest);
		rec_end(&w);
	}
	sat_answer_release(&r);
	sb_release(&name);
	return rc;
}

static void merge_undef(struct satq *sc, const char *name, const char *suggest)
{
	for (size_t k = 0; k < sc->undef.n; k++)
		if (!strcmp(sc->undef.v[k].name, name)) {
			sc->undef.v[k].arches++;
			if (!*sc->undef.v[k].suggest) {
				free(sc->undef.v[k].suggest);
				sc->undef.v[k].suggest = xstrdup(suggest);
			}
			return;
		}
	vec_push(sc->undef, ((struct undef_count){ xstrdup(name), xstrdup(suggest), 1 }));
}

static void sat_merge(void *ctx, size_t i, const char *result)
{
	struct satq *sc = ctx;
	struct arch_answers *a = &sc->arch[i];
	char *text = xstrdup(result);
	struct record_reader rd;
	struct record r;

	rec_reader_init(&rd, text, records, sizeof(records) / sizeof(records[0]));
	while (rec_read(&rd, &r)) {
		uint32_t nb, expr, bits, sat;

		if (r.kind == &records[R_SAT]) {
			if (!rec_get_u32(&r, "nb", &nb))
				continue;
			a->answered = true;
			a->nb = (int)nb;
			a->no_case = xstrdup(rec_get(&r, "no_case"));
			if (nb)
				sc->any_case = true;
		} else if (r.kind == &records[R_CASE]) {
			if (!rec_get_u32(&r, "expr", &expr) || expr >= (uint32_t)sc->nexpr ||
			    !rec_get_u32(&r, "bits", &bits) || !rec_get_u32(&r, "satisfiable", &sat))
				continue;
			vec_push(a->cases, ((struct answered){ expr, (int)bits, sat != 0 }));
			if (sat)
				sc->anywhere[expr] = true;
		} else {
			merge_undef(sc, rec_get(&r, "name"), rec_get(&r, "suggest"));
		}
	}
	free(text);
}

/* Every arch's answers, in arch order, once all are merged. */
static void sat_print(const struct satq *sc, const sizevec *unknown)
{
	const struct tree_opts *o = sc->o;
	struct strbuf name = STRBUF_INIT;
	struct json j, *jp = NULL;

	if (o->format == FMT_JSON) {
		jp = &j;
		json_init(&j, stdout);
		json_object(&j);
		json_karray(&j, "results");
	}
	for (size_t i = 0; i < unknown->n; i++) {
		const struct arch_answers *a = &sc->arch[i];
		const char *arch = load_config_arch(&o->load, i);

		if (unknown->v[i]) {
			cli_unknown_print(arch ? arch : "tree", unknown->v[i], stdout, jp);
			continue;
		}
		if (!a->answered)
			continue;
		if (!a->nb)
			cli_no_case_print(o, arch, sc->bits, a->no_case, stdout, jp);
		for (size_t k = 0; k < a->cases.n; k++) {
			const struct answered *c = &a->cases.v[k];
			const char *path = NULL;

			if (c->satisfiable && sc->witness)
				path = witness_path(&name, sc, arch, c->expr, c->bits, a->nb);
			if (jp)
				sat_print_json(jp, sc, arch, c, path);
			else
				sat_print_text(stdout, sc, arch, c);
		}
	}
	if (jp) {
		json_end(&j);
		json_end(&j);
		json_finish(&j);
		fputc('\n', stdout);
	}
	sb_release(&name);
}

int cmd_sat(int argc, char **argv)
{
	static const struct option longopts[] = {
		CLI_TREE_OPTIONS,
		{ "witness", required_argument, NULL, 'w' },
		{ "bits", required_argument, NULL, 'b' },
		{ NULL, 0, NULL, 0 },
	};
	struct tree_opts o;
	int done;
	const char *witness = NULL;
	int c, bits = 0, nexpr, rc = EXIT_OK;
	bool *sat_anywhere;

	cli_tree_opts_init(&o);
	optind = 1;
	while ((c = cli_next_option(&o, argc, argv, "", longopts, usage, &done)) != -1) {
		if (c == 'w') {
			witness = optarg;
		} else if (c == 'b') {
			if (!cli_bits_option(optarg, &bits))
				return EXIT_ERROR;
		} else {
			return cli_usage_error(usage);
		}
	}
	if (done >= 0)
		return done;
	if (optind == argc) {
		diag_fatal("missing EXPR (see 'kcsat help sat')");
		return EXIT_ERROR;
	}
	nexpr = argc - optind;
	if (!cli_resolve_arches(&o))
		return EXIT_ERROR;
	sat_anywhere = xcalloc((size_t)nexpr, sizeof(bool));
	{
		size_t n = load_config_count(&o.load);
		struct satq sc = { &o, argv + optind, nexpr, bits, witness, sat_anywhere, false,
				   { 0 }, xcalloc(n, sizeof(struct arch_answers)) };
		sizevec unknown = { 0 };
		int run = rc = cli_compute_each_arch(&o, sat_arch, sat_merge, &sc, &unknown);
		bool typo = false;

		/* a name no arch asked for defines is a typo or a wrong --arch,
		 * not an UNSAT answer: an error before any answer is printed */
		for (size_t k = 0; k < sc.undef.n; k++) {
			if (run != EXIT_ERROR && sc.undef.v[k].arches == n &&
			    query_undefined_name(&o.load, sc.undef.v[k].name, sc.undef.v[k].suggest,
						 true) == EXIT_ERROR)
				typo = true;
			free(sc.undef.v[k].name);
			free(sc.undef.v[k].suggest);
		}
		vec_release(sc.undef);
		if (typo)
			rc = EXIT_ERROR;
		else
			sat_print(&sc, &unknown);
		for (size_t i = 0; i < n; i++) {
			free(sc.arch[i].no_case);
			vec_release(sc.arch[i].cases);
		}
		free(sc.arch);
		vec_release(unknown);
		if (rc != EXIT_ERROR && rc != EXIT_UNKNOWN && !sc.any_case) {
			cli_tree_opts_release(&o);
			free(sat_anywhere);
			return cli_no_case_error(bits);
		}
	}
	cli_tree_opts_release(&o);
	/* "holds somewhere" stands on any arch that answered; "nowhere" needs
	 * every arch to have answered */
	if (rc != EXIT_ERROR)
		for (int x = 0; x < nexpr; x++)
			if (!sat_anywhere[x] && rc != EXIT_UNKNOWN)
				rc = EXIT_NO;
	free(sat_anywhere);
	return rc;
}
