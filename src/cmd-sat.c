/* kcsat sat EXPR: can EXPR hold (be other than n), per arch and bitness?
 * On SAT, a witness .config that the kernel's conf reproduces. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cmd.h"
#include "config.h"
#include "diag.h"
#include "json.h"
#include "kconfig.h"
#include "model.h"
#include "parse.h"
#include "query.h"
#include "sat.h"
#include "strbuf.h"

static const char usage[] =
	"usage: kcsat sat EXPR... [--tree DIR] [--arch A|all] [--bits 32|64]\n"
	"                 [--witness FILE] [--format text|json] [--shell=off|run]\n"
	"\n"
	"Is there a configuration where the Kconfig expression EXPR holds (its\n"
	"value is not n)?  Answers per architecture, and per bitness where 64BIT\n"
	"is free.  Write SYM=y to require y.  --witness FILE writes a .config for\n"
	"each satisfiable case: FILE itself for a single case, else FILE.N (the\n"
	"N-th EXPR, from 1), .ARCH and -BITS suffixes as needed.\n"
	"Exit status: 0 if every EXPR can hold somewhere, 1 if one cannot, 2 on error.\n";

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
	size_t n;
	bool first = true, *sat_anywhere;
	struct strbuf sb = STRBUF_INIT;

	cli_tree_opts_init(&o);
	optind = 1;
	while ((c = cli_next_option(&o, argc, argv, "", longopts, usage, &done)) != -1) {
		if (c == 'w') {
			witness = optarg;
		} else if (c == 'b') {
			bits = atoi(optarg);
			if (bits != 32 && bits != 64) {
				diag_fatal("--bits takes 32 or 64, not '%s'", optarg);
				return EXIT_ERROR;
			}
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
	n = o.arches.n ? o.arches.n : 1;
	sat_anywhere = calloc((size_t)nexpr, sizeof(bool));
	if (o.format == FMT_JSON)
		fputs("{\"results\":[", stdout);
	for (size_t i = 0; i < n && rc != EXIT_ERROR; i++) {
		struct arch_ctx a;
		struct bitness b[2];
		struct expr **ex = calloc((size_t)nexpr, sizeof(*ex));
		int nb;

		if (!arch_ctx_load(&a, &o, i)) {
			free(ex);
			rc = EXIT_ERROR;
			break;
		}
		for (int x = 0; x < nexpr; x++)
			if (!(ex[x] = parse_expr_string(a.t, argv[optind + x])))
				rc = EXIT_ERROR;
		if (rc == EXIT_ERROR) {
			free(ex);
			arch_ctx_close(&a);
			break;
		}
		arch_ctx_encode(&a);
		if (witness)
			model_encode_all(a.m);
		nb = query_bitness(&a, bits, b);
		for (int x = 0; x < nexpr && rc != EXIT_ERROR; x++) {
			const char *text = argv[optind + x];
			int lit = model_expr_lit(a.m, ex[x], false);

			for (int k = 0; k < nb; k++) {
				enum sat_result r;

				sat_assume(a.s, b[k].lit);
				sat_assume(a.s, lit);
				r = sat_solve(a.s);
				if (r == SAT_SAT)
					sat_anywhere[x] = true;
				if (o.format == FMT_JSON) {
					fprintf(stdout, "%s{\"expr\":", first ? "" : ",");
					json_str(stdout, text);
					fputs(",\"arch\":", stdout);
					json_str(stdout, a.arch);
					fprintf(stdout, ",\"bits\":%d,\"satisfiable\":%s", b[k].bits,
						r == SAT_SAT ? "true" : "false");
				} else {
					if (nexpr > 1)
						printf("%s: ", text);
					printf("%s%s%s: %s\n", a.arch ? a.arch : "tree", *b[k].label ? " " : "",
					       b[k].label, r == SAT_SAT ? "SAT" : "UNSAT");
				}
				if (r == SAT_SAT && witness) {
					FILE *f;

					witness_name(&sb, witness, nexpr > 1 ? x + 1 : 0, a.arch, &b[k],
						     n > 1, nb > 1);
					f = fopen(sb_str(&sb), "w");
					if (!f) {
						diag_fatal("cannot write '%s'", sb_str(&sb));
						rc = EXIT_ERROR;
					} else {
						struct strbuf h = STRBUF_INIT;

						sb_addf(&h, "# kcsat witness: %s holds on %s%s%s\n", text,
							a.arch ? a.arch : "tree", *b[k].label ? " " : "",
							b[k].label);
						config_write(f, a.m, a.s, sb_str(&h));
						sb_release(&h);
						fclose(f);
					}
					if (o.format == FMT_JSON)
						fputs(",\"witness\":", stdout), json_str(stdout, sb_str(&sb));
				}
				if (o.format == FMT_JSON)
					fputc('}', stdout);
				first = false;
			}
		}
		free(ex);
		arch_ctx_close(&a);
	}
	if (o.format == FMT_JSON)
		fputs("]}\n", stdout);
	sb_release(&sb);
	cli_tree_opts_release(&o);
	if (rc != EXIT_ERROR)
		for (int x = 0; x < nexpr; x++)
			if (!sat_anywhere[x])
				rc = EXIT_NO;
	free(sat_anywhere);
	return rc;
}
