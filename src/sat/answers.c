/* The answers of kcsat sat and kcsat matrix for one arch: see
 * include/sat/answers.h. */
#include "sat/answers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kconfig/kconfig.h"
#include "kconfig/parse.h"
#include "sat/model.h"
#include "sat/sat.h"
#include "sat/witness.h"
#include "util/xalloc.h"

/* The names e reads that a's tree does not define, each with its closest
 * defined name, appended to out. */
static void push_undefined(struct arch_ctx *a, const struct expr *e, undefvec *out)
{
	symvec undef = { 0 };

	query_undefined_syms(e, &undef);
	for (size_t u = 0; u < undef.n; u++) {
		char sugg[128];

		query_suggest(a->t, undef.v[u]->name, sugg, sizeof(sugg));
		vec_push(*out, ((struct undef_name){ xstrdup(undef.v[u]->name), xstrdup(sugg) }));
	}
	vec_release(undef);
}

bool sat_answer_compute(const struct load_config *c, size_t i, char *const *exprs, size_t nexpr,
			int bits, bool witness, struct sat_answer *out)
{
	struct arch_ctx a;
	struct expr **ex;
	bool ok = true;

	memset(out, 0, sizeof(*out));
	out->arch = load_config_arch(c, i);
	if (!arch_ctx_load(&a, c, i))
		return false;
	ex = xcalloc(nexpr ? nexpr : 1, sizeof(*ex));
	for (size_t x = 0; x < nexpr; x++) {
		if (!(ex[x] = parse_expr_string(a.t, exprs[x]))) {
			ok = false;	/* every expression's diagnostics, then stop */
			continue;
		}
		/* names this arch does not define, for the typo check */
		push_undefined(&a, ex[x], &out->undef);
	}
	if (!ok) {
		free(ex);
		arch_ctx_close(&a);
		return false;
	}
	arch_ctx_encode(&a);
	if (witness)
		model_encode_all(a.m);
	{
		struct bitness b[2];

		out->nb = query_bitness(&a, bits, b);
		if (!out->nb)
			query_no_case_reason(&a, bits, &out->no_case);
		for (size_t x = 0; x < nexpr; x++) {
			int lit = model_expr_lit(a.m, ex[x], false);

			for (int k = 0; k < out->nb; k++) {
				struct sat_case sc = { .expr = x, .b = b[k] };

				sat_assume(a.s, b[k].lit);
				sat_assume(a.s, lit);
				sc.satisfiable = sat_solve(a.s) == SAT_SAT;
				if (sc.satisfiable && witness)
					config_from_solution(&sc.witness, a.m, a.s);
				vec_push(out->cases, sc);
			}
		}
	}
	free(ex);
	arch_ctx_close(&a);
	return true;
}

void sat_answer_release(struct sat_answer *a)
{
	sb_release(&a->no_case);
	for (size_t k = 0; k < a->cases.n; k++)
		config_release(&a->cases.v[k].witness);
	vec_release(a->cases);
	for (size_t k = 0; k < a->undef.n; k++) {
		free(a->undef.v[k].name);
		free(a->undef.v[k].suggest);
	}
	vec_release(a->undef);
}

/* The values s can take in the case lit: "nmy" and the like for a bool
 * or tristate, intervals and constants for an int, hex or string. */
static void cell_values(struct arch_ctx *a, const struct symbol *s, int lit, struct strbuf *vals)
{
	if (!sym_is_bool_like(s)) {
		strvec items = { 0 };

		query_values(a, s, lit, &items);
		query_values_text(vals, &items, true);
		strvec_free_all(&items);
		for (char *p = vals->buf; p && *p; p++)
			if (*p == '\t' || *p == '\n')
				*p = ' ';	/* a table cell is one line */
		return;
	}
	for (const char *v = "nmy"; *v; v++) {
		sat_assume(a->s, lit);
		sat_assume(a->s, model_sym_is(a->m, s, *v));
		if (sat_solve(a->s) == SAT_SAT)
			sb_addc(vals, *v);
	}
}

bool matrix_cells_compute(const struct load_config *c, size_t i, char *const *syms, size_t nsyms,
			  cellvec *out)
{
	struct arch_ctx a;
	struct bitness b[2];
	const char *arch = load_config_arch(c, i);
	int nb;

	if (!arch_ctx_open(&a, c, i))
		return false;
	nb = query_bitness(&a, 0, b);
	for (int k = 0; k < nb; k++) {
		struct strbuf col = STRBUF_INIT;

		sb_adds(&col, arch ? arch : "tree");
		if (b[k].bits)
			sb_addf(&col, "/%d", b[k].bits);
		for (size_t x = 0; x < nsyms; x++) {
			const struct symbol *s;
			char val, *str, sugg[128] = "";
			struct strbuf vals = STRBUF_INIT;
			int found = query_symbol(a.t, syms[x], &s, &val, &str, sugg, sizeof(sugg));

			free(str);
			if (found < 0) {
				sb_release(&col);
				arch_ctx_close(&a);
				return false;
			}
			if (!found || !model_has_value(a.m, s))
				sb_adds(&vals, "-");
			else
				cell_values(&a, s, b[k].lit, &vals);
			vec_push(*out, ((struct matrix_cell){ xstrdup(sb_str(&col)), x, sb_detach(&vals),
							      !found, xstrdup(found ? "" : sugg) }));
		}
		sb_release(&col);
	}
	arch_ctx_close(&a);
	return true;
}

void matrix_cell_release(struct matrix_cell *cell)
{
	free(cell->col);
	free(cell->vals);
	free(cell->suggest);
}
