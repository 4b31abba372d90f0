/* kcsat matrix SYM...: which values each symbol can take, per arch and
 * bitness, as one table (text or JSON). */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "cmd/cli.h"
#include "cmd/cmd.h"
#include "util/diag.h"
#include "util/json.h"
#include "kconfig/kconfig.h"
#include "sat/model.h"
#include "sat/query.h"
#include "sat/sat.h"
#include "util/strbuf.h"
#include "util/vec.h"
#include "util/xalloc.h"

static const char usage[] =
	"usage: kcsat matrix SYM... [--tree DIR] [--arch A|all] [--format text|json]\n"
	"                    [--rows] [--shell=off|run] [--jobs N]\n"
	"\n"
	"A table of the values each SYM can take (n, m, y) on each arch, and on\n"
	"each bitness where 64BIT is free (columns ARCH/32 and ARCH/64); for an\n"
	"int or hex SYM its values as intervals (2..512,8192), for a string its\n"
	"quoted constants and 'any other string'; '-' where SYM is not defined.\n"
	"--rows (or a table wider than the terminal): one row per arch and\n"
	"bitness, one column per SYM.\n";

struct cell {
	char *col, *sym, *vals;
	bool undef;		/* SYM is not defined in the column */
	char *suggest;		/* then the closest name there, or "" */
};

struct matrix {
	char **syms;
	int nsyms;
	VEC(struct cell) cells;
	strvec cols;
};

static int matrix_arch(const struct tree_opts *o, size_t i, void *ctx, FILE *out, struct strbuf *result)
{
	struct matrix *mx = ctx;
	struct arch_ctx a;
	struct bitness b[2];
	const char *arch = o->load.arches.n ? o->load.arches.v[i] : "tree";
	int nb;

	(void)out;
	if (!arch_ctx_open(&a, &o->load, i))
		return EXIT_ERROR;
	nb = query_bitness(&a, 0, b);
	for (int k = 0; k < nb; k++) {
		char col[64];

		snprintf(col, sizeof(col), "%s%s%s", arch, b[k].bits ? "/" : "",
			 b[k].bits ? (b[k].bits == 64 ? "64" : "32") : "");
		for (int x = 0; x < mx->nsyms; x++) {
			const struct symbol *s;
			char val, *str, sugg[128] = "";
			struct strbuf vals = STRBUF_INIT;
			int found = query_symbol(a.t, mx->syms[x], &s, &val, &str, sugg, sizeof(sugg));

			free(str);
			if (found < 0) {
				arch_ctx_close(&a);
				return EXIT_ERROR;
			}
			if (!found || !model_has_value(a.m, s)) {
				sb_adds(&vals, "-");
			} else if (!sym_is_bool_like(s)) {
				/* int, hex, string: the values, as intervals */
				strvec items = { 0 };

				query_values(&a, s, b[k].lit, &items);
				query_values_text(&vals, &items, true);
				strvec_free_all(&items);
				for (char *p = vals.buf; *p; p++)
					if (*p == '\t' || *p == '\n')
						*p = ' ';	/* the result's separators */
			} else {
				for (const char *v = "nmy"; *v; v++) {
					int lit = model_sym_is(a.m, s, *v);

					sat_assume(a.s, b[k].lit);
					sat_assume(a.s, lit);
					if (sat_solve(a.s) == SAT_SAT)
						sb_addc(&vals, *v);
				}
			}
			sb_addf(result, "%s\t%s\t%s", col, mx->syms[x], sb_str(&vals));
			sb_release(&vals);
			if (!found)	/* not defined here, and the closest name */
				sb_addf(result, "\tundefined %s", sugg);
			sb_addc(result, '\n');
		}
	}
	arch_ctx_close(&a);
	return EXIT_OK;
}

static void matrix_merge(void *ctx, size_t i, const char *result)
{
	struct matrix *mx = ctx;
	char *copy = xstrdup(result), *save = NULL;

	(void)i;
	for (char *line = strtok_r(copy, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		char *t1 = strchr(line, '\t'), *t2 = t1 ? strchr(t1 + 1, '\t') : NULL;
		struct cell c;
		bool seen = false;

		if (!t2)
			continue;
		*t1 = *t2 = '\0';
		{
			char *t3 = strchr(t2 + 1, '\t');

			/* "undefined SUGGESTION": SYM is not defined in this column */
			c.undef = t3 && !strncmp(t3 + 1, "undefined ", 10);
			c.suggest = xstrdup(c.undef ? t3 + 11 : "");
			if (t3)
				*t3 = '\0';
		}
		c.col = xstrdup(line);
		c.sym = xstrdup(t1 + 1);
		c.vals = xstrdup(t2 + 1);
		vec_push(mx->cells, c);
		for (size_t k = 0; k < mx->cols.n; k++)
			seen |= !strcmp(mx->cols.v[k], c.col);
		if (!seen)
			vec_push(mx->cols, xstrdup(c.col));
	}
	free(copy);
}

static const char *lookup(const struct matrix *mx, const char *col, const char *sym)
{
	for (size_t k = 0; k < mx->cells.n; k++)
		if (!strcmp(mx->cells.v[k].col, col) && !strcmp(mx->cells.v[k].sym, sym))
			return mx->cells.v[k].vals;
	return "-";
}

/* The columns of a terminal on stdout; none (no limit) otherwise. */
static size_t terminal_width(void)
{
	struct winsize ws;

	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 20)
		return ws.ws_col;
	return (size_t)-1;
}

/* The table turned: one row per arch and bitness, one column per SYM. */
static void print_rows(const struct matrix *mx)
{
	size_t aw = 4;
	sizevec sw = { 0 };

	for (size_t k = 0; k < mx->cols.n; k++)
		if (strlen(mx->cols.v[k]) > aw)
			aw = strlen(mx->cols.v[k]);
	for (int x = 0; x < mx->nsyms; x++) {
		size_t w = strlen(mx->syms[x]);

		for (size_t k = 0; k < mx->cols.n; k++)
			if (strlen(lookup(mx, mx->cols.v[k], mx->syms[x])) > w)
				w = strlen(lookup(mx, mx->cols.v[k], mx->syms[x]));
		vec_push(sw, w);
	}
	printf("%-*s", (int)aw, "ARCH");
	for (int x = 0; x < mx->nsyms; x++)
		printf("  %-*s", (int)sw.v[x], mx->syms[x]);
	putchar('\n');
	for (size_t k = 0; k < mx->cols.n; k++) {
		printf("%-*s", (int)aw, mx->cols.v[k]);
		for (int x = 0; x < mx->nsyms; x++)
			printf("  %-*s", (int)sw.v[x], lookup(mx, mx->cols.v[k], mx->syms[x]));
		putchar('\n');
	}
	vec_release(sw);
}

int cmd_matrix(int argc, char **argv)
{
	static const struct option longopts[] = {
		CLI_TREE_OPTIONS,
		{ "rows", no_argument, NULL, 'r' },
		{ NULL, 0, NULL, 0 },
	};
	struct tree_opts o;
	struct matrix mx = { 0 };
	int c, done, rc;
	size_t width = 6;
	bool rows = false;

	cli_tree_opts_init(&o);
	optind = 1;
	while ((c = cli_next_option(&o, argc, argv, "", longopts, usage, &done)) != -1) {
		if (c != 'r')
			return cli_usage_error(usage);
		rows = true;
	}
	if (done >= 0)
		return done;
	if (optind == argc) {
		diag_fatal("missing SYM (see 'kcsat help matrix')");
		return EXIT_ERROR;
	}
	mx.syms = argv + optind;
	mx.nsyms = argc - optind;
	if (!cli_resolve_arches(&o))
		return EXIT_ERROR;
	fflush(stdout);
	rc = cli_for_each_arch(&o, matrix_arch, matrix_merge, &mx, NULL);
	/* a SYM no column defines: a typo (an error) or a wrong --arch (a
	 * note: the row says '-'); an arch whose answers are unknown has no
	 * column, and may define it */
	for (int x = 0; rc != EXIT_ERROR && x < mx.nsyms; x++) {
		const char *sugg = "";
		bool everywhere = rc != EXIT_UNKNOWN;

		for (size_t k = 0; k < mx.cells.n; k++)
			if (!strcmp(mx.cells.v[k].sym, mx.syms[x])) {
				everywhere &= mx.cells.v[k].undef;
				if (!*sugg)
					sugg = mx.cells.v[k].suggest;
			}
		if (everywhere && query_undefined_name(&o.load, mx.syms[x], sugg, true) == EXIT_ERROR)
			rc = EXIT_ERROR;
	}
	if (rc != EXIT_ERROR) {
		for (int x = 0; x < mx.nsyms; x++)
			if (strlen(mx.syms[x]) > width)
				width = strlen(mx.syms[x]);
		if (o.format == FMT_JSON) {
			struct json j;

			json_init(&j, stdout);
			json_object(&j);
			json_key(&j, "columns");
			json_strings(&j, mx.cols.v, mx.cols.n);
			json_kobject(&j, "symbols");
			for (int x = 0; x < mx.nsyms; x++) {
				json_kobject(&j, mx.syms[x]);
				for (size_t k = 0; k < mx.cols.n; k++)
					json_kstring(&j, mx.cols.v[k], lookup(&mx, mx.cols.v[k], mx.syms[x]));
				json_end(&j);
			}
			json_end(&j);
			json_end(&j);
			json_finish(&j);
			putchar('\n');
		} else {
			sizevec cw = { 0 };
			size_t total = width;

			/* a column as wide as its name or its widest cell */
			for (size_t k = 0; k < mx.cols.n; k++) {
				size_t w = strlen(mx.cols.v[k]) > 3 ? strlen(mx.cols.v[k]) : 3;

				for (int x = 0; x < mx.nsyms; x++)
					if (strlen(lookup(&mx, mx.cols.v[k], mx.syms[x])) > w)
						w = strlen(lookup(&mx, mx.cols.v[k], mx.syms[x]));
				vec_push(cw, w);
				total += 2 + w;
			}
			if (!rows && total > terminal_width())
				rows = true;	/* too wide for the terminal: turned */
			if (rows) {
				print_rows(&mx);
				vec_release(cw);
				goto done;
			}
			printf("%-*s", (int)width, "SYMBOL");
			for (size_t k = 0; k < mx.cols.n; k++)
				printf("  %-*s", (int)cw.v[k], mx.cols.v[k]);
			putchar('\n');
			for (int x = 0; x < mx.nsyms; x++) {
				printf("%-*s", (int)width, mx.syms[x]);
				for (size_t k = 0; k < mx.cols.n; k++)
					printf("  %-*s", (int)cw.v[k], lookup(&mx, mx.cols.v[k], mx.syms[x]));
				putchar('\n');
			}
			vec_release(cw);
		}
	}
done:
	for (size_t k = 0; k < mx.cells.n; k++) {
		free(mx.cells.v[k].col);
		free(mx.cells.v[k].sym);
		free(mx.cells.v[k].vals);
		free(mx.cells.v[k].suggest);
	}
	vec_release(mx.cells);
	for (size_t k = 0; k < mx.cols.n; k++)
		free(mx.cols.v[k]);
	vec_release(mx.cols);
	cli_tree_opts_release(&o);
	return rc;
}
