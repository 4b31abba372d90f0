/* kcsat sat EXPR: can EXPR hold (be other than n), per arch and bitness?
 * On SAT, a witness .config that the kernel's conf reproduces. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cli.h"
#include "cmd/cmd.h"
#include "sat/witness.h"
#include "util/diag.h"
#include "util/json.h"
#include "kconfig/kconfig.h"
#include "sat/model.h"
#include "kconfig/parse.h"
#include "sat/query.h"
#include "sat/sat.h"
#include "util/outfile.h"
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

/* A name an EXPR reads, with the arches that do not define it. */
struct undef_name {
	char *name;
	char suggest[128];
	size_t arches;
};

struct satq {
	char **exprs;
	int nexpr, bits;
	const char *witness;
	bool *anywhere;		/* per EXPR, merged over arches */
	bool any_case;		/* some arch had a case for bits */
	VEC(struct undef_name) undef;
};

/* One arch: answers for every EXPR; result: '1' per EXPR that held. */
static int sat_arch(const struct tree_opts *o, size_t i, void *ctx, FILE *out, struct strbuf *result)
{
	struct satq *sc = ctx;
	struct strbuf sb = STRBUF_INIT;
	char *hit = xcalloc((size_t)sc->nexpr + 1, 1);
	struct json j;
	int rc = EXIT_OK;
	bool has_case = false;
	struct strbuf undefs = STRBUF_INIT;

	json_init_seq(&j, out);
	memset(hit, '0', (size_t)sc->nexpr);
	do {
	struct arch_ctx a;
	struct bitness b[2];
	struct expr **ex = xcalloc((size_t)sc->nexpr, sizeof(*ex));
	int nb;

	if (!arch_ctx_load(&a, &o->load, i)) {
		free(ex);
		rc = EXIT_ERROR;
		goto out;
	}
	for (int x = 0; x < sc->nexpr; x++) {
		symvec undef = { 0 };

		if (!(ex[x] = parse_expr_string(a.t, sc->exprs[x]))) {
			rc = EXIT_ERROR;
			continue;
		}
		/* names this arch does not define, for the typo check */
		query_undefined_syms(ex[x], &undef);
		for (size_t u = 0; u < undef.n; u++) {
			char sugg[128];

			query_suggest(a.t, undef.v[u]->name, sugg, sizeof(sugg));
			sb_addf(&undefs, "\nu %s %s", undef.v[u]->name, sugg);
		}
		vec_release(undef);
	}
	if (rc == EXIT_ERROR) {
		free(ex);
		arch_ctx_close(&a);
		goto out;
	}
	arch_ctx_encode(&a);
	if (sc->witness)
		model_encode_all(a.m);
	nb = query_bitness(&a, sc->bits, b);
	if (!nb)
		cli_no_case(o, &a, sc->bits, out, &j);
	else
		has_case = true;
	for (int x = 0; x < sc->nexpr && rc != EXIT_ERROR; x++) {
		const char *text = sc->exprs[x];
		int lit = model_expr_lit(a.m, ex[x], false);

		for (int k = 0; k < nb; k++) {
			enum sat_result r;

			sat_assume(a.s, b[k].lit);
			sat_assume(a.s, lit);
			r = sat_solve(a.s);
			if (r == SAT_SAT)
				hit[x] = '1';
			if (o->format == FMT_JSON) {
				json_object(&j);
				json_kstring(&j, "expr", text);
				json_kstring(&j, "arch", a.arch);
				json_kint(&j, "bits", b[k].bits);
				json_kbool(&j, "satisfiable", r == SAT_SAT);
			} else {
				if (sc->nexpr > 1)
					fprintf(out, "%s: ", text);
				fprintf(out, "%s%s%s: %s\n", a.arch ? a.arch : "tree", *b[k].label ? " " : "",
				       b[k].label, r == SAT_SAT ? "SAT" : "UNSAT");
			}
			if (r == SAT_SAT && sc->witness) {
				struct outfile of;

				witness_name(&sb, sc->witness, sc->nexpr > 1 ? x + 1 : 0, a.arch, &b[k],
					     o->load.arches.n > 1, nb > 1);
				if (!outfile_open(&of, sb_str(&sb))) {
					rc = EXIT_ERROR;
				} else {
					struct strbuf h = STRBUF_INIT;

					sb_addf(&h, "# kcsat witness: %s holds on %s%s%s\n", text,
						a.arch ? a.arch : "tree", *b[k].label ? " " : "",
						b[k].label);
					config_write(of.f, a.m, a.s, sb_str(&h));
					sb_release(&h);
					if (!outfile_commit(&of))
						rc = EXIT_ERROR;
				}
				if (o->format == FMT_JSON)
					json_kstring(&j, "witness", sb_str(&sb));
			}
			if (o->format == FMT_JSON)
				json_end(&j);
		}
	}
	free(ex);
	arch_ctx_close(&a);
	} while (0);
out:
	json_finish(&j);
	sb_adds(result, hit);
	if (has_case)
		sb_addc(result, '+');	/* --bits selected a case here */
	sb_adds(result, sb_str(&undefs));
	sb_release(&undefs);
	free(hit);
	sb_release(&sb);
	return rc;
}

static void sat_merge(void *ctx, size_t i, const char *result)
{
	struct satq *sc = ctx;

	(void)i;
	for (size_t x = 0; x < (size_t)sc->nexpr && result[x]; x++)
		if (result[x] == '1')
			sc->anywhere[x] = true;
	if (memchr(result, '+', strcspn(result, "\n")))
		sc->any_case = true;
	/* "u NAME SUGGESTION" lines: a name this arch does not define */
	for (const char *l = strchr(result, '\n'); l; l = strchr(l + 1, '\n')) {
		char name[256] = "", sugg[128] = "";
		bool seen = false;

		if (sscanf(l + 1, "u %255s %127s", name, sugg) < 1)
			continue;
		for (size_t k = 0; k < sc->undef.n; k++)
			if (!strcmp(sc->undef.v[k].name, name)) {
				sc->undef.v[k].arches++;
				if (!*sc->undef.v[k].suggest)
					snprintf(sc->undef.v[k].suggest, sizeof(sc->undef.v[k].suggest), "%s", sugg);
				seen = true;
			}
		if (!seen) {
			struct undef_name u = { xstrdup(name), "", 1 };

			snprintf(u.suggest, sizeof(u.suggest), "%s", sugg);
			vec_push(sc->undef, u);
		}
	}
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
