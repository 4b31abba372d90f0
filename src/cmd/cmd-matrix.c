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
#include "sat/answers.h"
#include "sat/query.h"
#include "util/record.h"
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

struct matrix {
	char **syms;
	int nsyms;
	cellvec cells;		/* every arch's, merged */
	strvec cols;		/* in order */
};

/* What an arch's job leaves for matrix_merge(): its cells. */
static const struct record_kind cell_record = {
	/* SYM (its index) can take vals in column col; undef 1 if the arch
	 * does not define it, suggest then the closest name it defines */
	"cell", { "col", "sym", "vals", "undef", "suggest", NULL }
};

static int matrix_arch(const struct tree_opts *o, size_t i, void *ctx, FILE *out, struct strbuf *result)
{
	struct matrix *mx = ctx;
	cellvec cells = { 0 };
	bool ok = matrix_cells_compute(&o->load, i, mx->syms, (size_t)mx->nsyms, &cells);

	(void)out;
	for (size_t k = 0; k < cells.n; k++) {
		struct record_writer w;

		if (ok) {
			rec_begin(&w, result, &cell_record);
			rec_str(&w, "col", cells.v[k].col);
			rec_uint(&w, "sym", cells.v[k].sym);
			rec_str(&w, "vals", cells.v[k].vals);
			rec_uint(&w, "undef", cells.v[k].undef);
			rec_str(&w, "suggest", cells.v[k].suggest);
			rec_end(&w);
		}
		matrix_cell_release(&cells.v[k]);
	}
	vec_release(cells);
	return ok ? EXIT_OK : EXIT_ERROR;
}

static void matrix_merge(void *ctx, size_t i, const char *result)
{
	struct matrix *mx = ctx;
	char *text = xstrdup(result);
	struct record_reader rd;
	struct record r;

	(void)i;
	rec_reader_init(&rd, text, &cell_record, 1);
	while (rec_read(&rd, &r)) {
		uint32_t sym, undef;
		struct matrix_cell c;

		if (!rec_get_u32(&r, "sym", &sym) || sym >= (uint32_t)mx->nsyms ||
		    !rec_get_u32(&r, "undef", &undef))
			continue;
		c = (struct matrix_cell){ xstrdup(rec_get(&r, "col")), sym, xstrdup(rec_get(&r, "vals")),
					  undef != 0, xstrdup(rec_get(&r, "suggest")) };
		vec_push(mx->cells, c);
		if (!strvec_contains(&mx->cols, c.col))
			strvec_push_dup(&mx->cols, c.col);
	}
	free(text);
}

static const char *lookup(const struct matrix *mx, const char *col, int sym)
{
	for (size_t k = 0; k < mx->cells.n; k++)
		if (mx->cells.v[k].sym == (size_t)sym && !strcmp(mx->cells.v[k].col, col))
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
			if (strlen(lookup(mx, mx->cols.v[k], x)) > w)
				w = strlen(lookup(mx, mx->cols.v[k], x));
		vec_push(sw, w);
	}
	printf("%-*s", (int)aw, "ARCH");
	for (size_t x = 0; x < sw.n; x++)	/* sw.n == mx->nsyms */
		printf("  %-*s", (int)sw.v[x], mx->syms[x]);
	putchar('\n');
	for (size_t k = 0; k < mx->cols.n; k++) {
		printf("%-*s", (int)aw, mx->cols.v[k]);
		for (size_t x = 0; x < sw.n; x++)
			printf("  %-*s", (int)sw.v[x], lookup(mx, mx->cols.v[k], (int)x));
		putchar('\n');
	}
	vec_release(sw);
}

static void matrix_print_json(const struct matrix *mx)
{
	struct json j;

	json_init(&j, stdout);
	json_object(&j);
	json_key(&j, "columns");
	json_strings(&j, mx->cols.v, mx->cols.n);
	json_kobject(&j, "symbols");
	for (int x = 0; x < mx->nsyms; x++) {
		json_kobject(&j, mx->syms[x]);
		for (size_t k = 0; k < mx->cols.n; k++)
			json_kstring(&j, mx->cols.v[k], lookup(mx, mx->cols.v[k], x));
		json_end(&j);
	}
	json_end(&j);
	json_end(&j);
	json_finish(&j);
	putchar('\n');
}

/* One row per SYM, one column per arch and bitness; turned (print_rows())
 * with rows or when wider than the terminal. */
static void matrix_print_text(const struct matrix *mx, bool rows)
{
	sizevec cw = { 0 };
	size_t width = 6, total;

	for (int x = 0; x < mx->nsyms; x++)
		if (strlen(mx->syms[x]) > width)
			width = strlen(mx->syms[x]);
	total = width;
	/* a column as wide as its name or its widest cell */
	for (size_t k = 0; k < mx->cols.n; k++) {
		size_t w = strlen(mx->cols.v[k]) > 3 ? strlen(mx->cols.v[k]) : 3;

		for (int x = 0; x < mx->nsyms; x++)
			if (strlen(lookup(mx, mx->cols.v[k], x)) > w)
				w = strlen(lookup(mx, mx->cols.v[k], x));
		vec_push(cw, w);
		total += 2 + w;
	}
	if (rows || total > terminal_width()) {
		print_rows(mx);
		vec_release(cw);
		return;
	}
	printf("%-*s", (int)width, "SYMBOL");
	for (size_t k = 0; k < cw.n; k++)	/* cw.n == mx->cols.n */
		printf("  %-*s", (int)cw.v[k], mx->cols.v[k]);
	putchar('\n');
	for (int x = 0; x < mx->nsyms; x++) {
		printf("%-*s", (int)width, mx->syms[x]);
		for (size_t k = 0; k < cw.n; k++)
			printf("  %-*s", (int)cw.v[k], lookup(mx, mx->cols.v[k], x));
		putchar('\n');
	}
	vec_release(cw);
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
	const char *rows = NULL;
	sizevec unknown = { 0 };
	int done, rc;

	if ((done = cli_own_option(&o, argc, argv, longopts, 'r', usage, &rows)) >= 0)
		return done;
	if (optind == argc) {
		diag_fatal("missing SYM (see 'kcsat help matrix')");
		cli_tree_opts_release(&o);
		return EXIT_ERROR;
	}
	mx.syms = argv + optind;
	mx.nsyms = argc - optind;
	if (!cli_resolve_arches(&o)) {
		cli_tree_opts_release(&o);
		return EXIT_ERROR;
	}
	rc = cli_compute_each_arch(&o, matrix_arch, matrix_merge, &mx, &unknown);
	/* a SYM no column defines: a typo (an error) or a wrong --arch (a
	 * note: the row says '-'); an arch whose answers are unknown has no
	 * column, and may define it */
	for (int x = 0; rc != EXIT_ERROR && x < mx.nsyms; x++) {
		const char *sugg = "";
		bool everywhere = rc != EXIT_UNKNOWN;

		for (size_t k = 0; k < mx.cells.n; k++)
			if (mx.cells.v[k].sym == (size_t)x) {
				everywhere &= mx.cells.v[k].undef;
				if (!*sugg)
					sugg = mx.cells.v[k].suggest;
			}
		if (everywhere && query_undefined_name(&o.load, mx.syms[x], sugg, true) == EXIT_ERROR)
			rc = EXIT_ERROR;
	}
	if (rc != EXIT_ERROR && o.format == FMT_JSON) {
		matrix_print_json(&mx);
	} else if (rc != EXIT_ERROR) {
		/* the arches without a column, first */
		for (size_t i = 0; i < unknown.n; i++)
			if (unknown.v[i])
				cli_unknown_print(o.load.arches.n ? o.load.arches.v[i] : "tree",
						  unknown.v[i], stdout, NULL);
		matrix_print_text(&mx, rows != NULL);
	}
	vec_release(unknown);
	for (size_t k = 0; k < mx.cells.n; k++)
		matrix_cell_release(&mx.cells.v[k]);
	vec_release(mx.cells);
	strvec_free_all(&mx.cols);
	cli_tree_opts_release(&o);
	return rc;
}
