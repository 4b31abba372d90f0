/* kcsat sat EXPR: can EXPR hold (be other than n), per arch and bitness?
 * On SAT, a witness .config that the kernel's conf reproduces. */
#include <getopt.h>
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

static void witness_name(struct strbuf *sb, const char *base, int expr_no, const char *arch,
			 const struct bitness *b, bool several_arches, bool several_bits)
{
	sb_reset(sb);
	sb_adds(sb, base);
	if (expr_no)
		sb_addf(sb, ".%d", expr_no);
	if (several_arches)
		sb_addf(sb, ".%s", arch ? arch : "tree");
	if (several_bits && b->bits)
		sb_addf(sb, "-%d", b->bits);
}

/* A name an EXPR reads, with the number of arches that do not define it. */
struct undef_count {
	char *name;
	char *suggest;
	size_t arches;
};

struct satq {
	char **exprs;
	int nexpr, bits;
	const char *witness;
	bool *anywhere;		/* per EXPR, merged over arches */
	bool any_case;		/* some arch had a case for bits */
	VEC(struct undef_count) undef;
};

/* What an arch's job leaves for sat_merge(). */
enum { R_SAT, R_UNDEF };
static const struct record_kind records[] = {
	/* held: '1' or '0' per EXPR (it holds in some case here); bitcase:
	 * 1 if --bits selected a case here */
	[R_SAT] = { "sat", { "held", "bitcase", NULL } },
	/* an EXPR reads name, which this arch does not define */
	[R_UNDEF] = { "undef", { "name", "suggest", NULL } },
};

static void sat_print_text(FILE *out, const struct satq *sc, const struct sat_answer *r,
			   const struct sat_case *c)
{
	if (sc->nexpr > 1)
		fprintf(out, "%s: ", sc->exprs[c->expr]);
	fprintf(out, "%s%s%s: %s\n", r->arch ? r->arch : "tree", *c->b.label ? " " : "", c->b.label,
		c->satisfiable ? "SAT" : "UNSAT");
}

static void sat_print_json(struct json *j, const struct satq *sc, const struct sat_answer *r,
			   const struct sat_case *c, const char *witness)
{
	json_object(j);
	json_kstring(j, "expr", sc->exprs[c->expr]);
	json_kstring(j, "arch", r->arch);
	json_kint(j, "bits", c->b.bits);
	json_kbool(j, "satisfiable", c->satisfiable);
	if (witness)
		json_kstring(j, "witness", witness);
	json_end(j);
}

/* A SAT case's witness .config, at the name witness_name() gives. */
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

/* One arch: the answers for every EXPR, computed, then printed to out;
 * the result holds what sat_merge() needs. */
static int sat_arch(const struct tree_opts *o, size_t i, void *ctx, FILE *out, struct strbuf *result)
{
	struct satq *sc = ctx;
	struct sat_answer r;
	struct record_writer w;
	struct strbuf held = STRBUF_INIT, name = STRBUF_INIT;
	struct json j;
	int rc = EXIT_OK;

	for (int x = 0; x < sc->nexpr; x++)
		sb_addc(&held, '0');
	if (!sat_answer_compute(&o->load, i, sc->exprs, (size_t)sc->nexpr, sc->bits,
				sc->witness != NULL, &r))
		rc = EXIT_ERROR;
	json_init_seq(&j, out);
	if (rc == EXIT_OK && !r.nb)
		cli_no_case_print(o, r.arch, sc->bits, sb_str(&r.no_case), out, &j);
	for (size_t k = 0; rc == EXIT_OK && k < r.cases.n; k++) {
		const struct sat_case *c = &r.cases.v[k];
		const char *path = NULL;

		if (c->satisfiable) {
			held.buf[c->expr] = '1';
			if (sc->witness) {
				witness_name(&name, sc->witness, sc->nexpr > 1 ? (int)c->expr + 1 : 0,
					     r.arch, &c->b, o->load.arches.n > 1, r.nb > 1);
				path = sb_str(&name);
			}
		}
		if (o->format == FMT_JSON)
			sat_print_json(&j, sc, &r, c, path);
		else
			sat_print_text(out, sc, &r, c);
		if (path && !sat_write_witness(sc, &r, c, path))
			rc = EXIT_ERROR;
	}
	json_finish(&j);
	rec_begin(&w, result, &records[R_SAT]);
	rec_str(&w, "held", sb_str(&held));
	rec_uint(&w, "bitcase", r.nb > 0);
	rec_end(&w);
	for (size_t u = 0; u < r.undef.n; u++) {
		rec_begin(&w, result, &records[R_UNDEF]);
		rec_str(&w, "name", r.undef.v[u].name);
		rec_str(&w, "suggest", r.undef.v[u].suggest);
		rec_end(&w);
	}
	sat_answer_release(&r);
	sb_release(&held);
	sb_release(&name);
	return rc;
}

static void sat_merge(void *ctx, size_t i, const char *result)
{
	struct satq *sc = ctx;
	char *text = xstrdup(result);
	struct record_reader rd;
	struct record r;

	(void)i;
	rec_reader_init(&rd, text, records, sizeof(records) / sizeof(records[0]));
	while (rec_read(&rd, &r)) {
		const char *name = rec_get(&r, r.kind == &records[R_SAT] ? "held" : "name");
		bool seen = false;

		if (r.kind == &records[R_SAT]) {
			for (size_t x = 0; x < (size_t)sc->nexpr && name[x]; x++)
				if (name[x] == '1')
					sc->anywhere[x] = true;
			if (!strcmp(rec_get(&r, "bitcase"), "1"))
				sc->any_case = true;
			continue;
		}
		for (size_t k = 0; k < sc->undef.n; k++)
			if (!strcmp(sc->undef.v[k].name, name)) {
				sc->undef.v[k].arches++;
				if (!*sc->undef.v[k].suggest) {
					free(sc->undef.v[k].suggest);
					sc->undef.v[k].suggest = xstrdup(rec_get(&r, "suggest"));
				}
				seen = true;
			}
		if (!seen)
			vec_push(sc->undef, ((struct undef_count){ xstrdup(name),
								   xstrdup(rec_get(&r, "suggest")), 1 }));
	}
	free(text);
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
		struct satq sc = { argv + optind, nexpr, bits, witness, sat_anywhere, false, { 0 } };

		int run = rc = cli_run_query(&o, sat_arch, sat_merge, &sc);

		/* a name no arch asked for defines is a typo or a wrong --arch,
		 * not an UNSAT answer */
		for (size_t k = 0; k < sc.undef.n; k++) {
			if (run != EXIT_ERROR && sc.undef.v[k].arches == load_config_count(&o.load) &&
			    query_undefined_name(&o.load, sc.undef.v[k].name, sc.undef.v[k].suggest,
						 true) == EXIT_ERROR)
				rc = EXIT_ERROR;
			free(sc.undef.v[k].name);
			free(sc.undef.v[k].suggest);
		}
		vec_release(sc.undef);
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
