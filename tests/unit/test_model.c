/* model.c: the CNF encoding of scripts/kconfig/symbol.c sym_calc_value(),
 * one test per semantic rule, on small in-memory trees.
 *
 * Every expectation below was reasoned out from the kernel's own sources
 * (linux-6.12 and linux-6.1 scripts/kconfig/{symbol,menu,expr}.c), cited
 * next to the test, never from what kcsat happens to answer.  Each query is
 * asked of three encodings of the same tree (model_build(): everything up
 * front without selectors; with selectors, fixed true by sat_new(cnf,
 * false); lazily, only the cone of what is asked) and all three must give
 * the kernel's answer.
 *
 * Queries are lists of items separated by commas:
 *   NAME=V / NAME!=V   a symbol's value (n/m/y for bool and tristate; any
 *                      string for int/hex/string: model_str_is())
 *   anything else      a Kconfig expression that must be y
 *                      (parse_expr_string() + model_expr_lit()). */
#include "unit.h"

#include <ctype.h>

#include "kconfig/confdata.h"
#include "kconfig/confsim.h"
#include "sat/cnf.h"
#include "sat/model.h"
#include "kconfig/parse.h"
#include "sat/sat.h"
#include "sat/witness.h"

#define NMODELS 3

static const char *const model_names[NMODELS] = { "plain", "selectors", "lazy" };

/* struct fx first: fx_teardown() frees the whole block through it. */
struct mfx {
	struct fx fx;
	struct model *m[NMODELS];
	struct sat *s[NMODELS];
};

static int mfx_setup(void **state)
{
	struct mfx *mf = calloc(1, sizeof(*mf));

	if (!mf)
		return -1;
	diag_reset_counts();
	diag_set_prefix(NULL);
	diag_set_quiet_warnings(0);
	cap_start(&mf->fx.cap);
	*state = &mf->fx;
	return 0;
}

static void mfx_drop_models(struct mfx *mf)
{
	for (int k = 0; k < NMODELS; k++) {
		sat_free(mf->s[k]);
		model_free(mf->m[k]);
		mf->s[k] = NULL;
		mf->m[k] = NULL;
	}
}

static int mfx_teardown(void **state)
{
	struct mfx *mf = *state;

	if (!mf)
		return 0;
	mfx_drop_models(mf);
	return fx_teardown(state);
}

#define MTEST(f) cmocka_unit_test_setup_teardown(f, mfx_setup, mfx_teardown)

/* Load text as the root Kconfig (kversion 0: the 6.12 rules; 601: the 6.1
 * rules) and build both encodings. */
static struct mfx *load_kv(void **state, const char *text, int kversion)
{
	struct mfx *mf = *state;
	struct vfile files[2] = { { "Kconfig", text }, { NULL, NULL } };

	mfx_drop_models(mf);
	if (!fx_load_opts(&mf->fx, files, kversion))
		fail_msg("fixture did not load:\n%s", cap_text(&mf->fx.cap));
	if (diag_error_count())
		fail_msg("fixture has errors:\n%s", cap_text(&mf->fx.cap));
	for (int k = 0; k < NMODELS; k++) {
		mf->m[k] = model_build(mf->fx.t, k == 1, k == 2);
		assert_non_null(mf->m[k]);
		mf->s[k] = sat_new(model_cnf(mf->m[k]), false);
		assert_non_null(mf->s[k]);
	}
	return mf;
}

static struct mfx *load(void **state, const char *text)
{
	return load_kv(state, text, 0);
}

static const struct symbol *sym(struct mfx *mf, const char *name)
{
	const struct symbol *s = sym_find(mf->fx.t, name);

	if (!s)
		fail_msg("no symbol %s in the fixture", name);
	return s;
}

/* The literal of one query item in model k. */
static int item_lit(struct mfx *mf, int k, const char *item)
{
	char name[128];
	const char *p = item, *v;
	bool neg = false;
	size_t n;
	int lit;

	while (isalnum((unsigned char)*p) || *p == '_')
		p++;
	n = (size_t)(p - item);
	if (n && n < sizeof(name) && (p[0] == '=' || (p[0] == '!' && p[1] == '=')) &&
	    !strchr(p, ' ') && !strchr(p, '"')) {
		const struct symbol *s;

		memcpy(name, item, n);
		name[n] = '\0';
		neg = p[0] == '!';
		v = p + (neg ? 2 : 1);
		s = sym(mf, name);
		if (sym_is_bool_like(s)) {
			if (strlen(v) != 1 || !strchr("nmy", v[0]))
				fail_msg("bad tristate value in '%s'", item);
			lit = model_sym_is(mf->m[k], s, v[0]);
		} else {
			lit = model_str_is(mf->m[k], s, v);
		}
		return neg ? -lit : lit;
	}
	{
		struct expr *e = parse_expr_string(mf->fx.t, item);

		if (!e)
			fail_msg("bad expression '%s':\n%s", item, cap_text(&mf->fx.cap));
		return model_expr_lit(mf->m[k], e, true);
	}
}

/* Assume every item of q in model k and solve. */
static enum sat_result solve_k(struct mfx *mf, int k, const char *q)
{
	char *copy = strdup(q ? q : ""), *save = NULL;

	assert_non_null(copy);
	for (char *it = strtok_r(copy, ",", &save); it; it = strtok_r(NULL, ",", &save)) {
		while (*it == ' ')
			it++;
		if (*it)
			sat_assume(mf->s[k], item_lit(mf, k, it));
	}
	free(copy);
	return sat_solve(mf->s[k]);
}

static const char *res_name(enum sat_result r)
{
	return r == SAT_SAT ? "SAT" : r == SAT_UNSAT ? "UNSAT" : "UNKNOWN";
}

static void check(struct mfx *mf, const char *q, enum sat_result want,
		  const char *file, int line)
{
	for (int k = 0; k < NMODELS; k++) {
		enum sat_result r = solve_k(mf, k, q);

		if (r != want) {
			print_error("%s:%d: [%s] expected %s, got %s (%s model)\n",
				    file, line, q, res_name(want), res_name(r), model_names[k]);
			_fail(file, line);
		}
	}
}

#define expect_sat(mf, q) check((mf), (q), SAT_SAT, __FILE__, __LINE__)
#define expect_unsat(mf, q) check((mf), (q), SAT_UNSAT, __FILE__, __LINE__)

/* Under q, symbol name always has value v: q is SAT, a solution gives
 * name exactly v, and q with name != v is UNSAT. */
static void check_forced(struct mfx *mf, const char *q, const char *name, const char *v,
			 const char *file, int line)
{
	const struct symbol *s = sym(mf, name);
	char buf[512];

	snprintf(buf, sizeof(buf), "%s=%s", name, v);
	for (int k = 0; k < NMODELS; k++) {
		enum sat_result r;
		const char *got;
		char tri[2] = { 0, 0 };

		/* encode name's constraints first (the lazy model's cone) */
		item_lit(mf, k, buf);
		r = solve_k(mf, k, q);
		if (r != SAT_SAT) {
			print_error("%s:%d: [%s] expected SAT, got %s (%s model)\n",
				    file, line, q, res_name(r), model_names[k]);
			_fail(file, line);
		}
		if (sym_is_bool_like(s)) {
			tri[0] = model_tri_value(mf->m[k], mf->s[k], s);
			got = tri;
		} else {
			got = model_str_value(mf->m[k], mf->s[k], s);
		}
		/* a value outside the domain reads back as its representative */
		if (got && strcmp(got, v) && !sym_is_bool_like(s) &&
		    model_str_is(mf->m[k], s, v) == model_str_is(mf->m[k], s, got))
			got = v;
		if (!got || strcmp(got, v)) {
			print_error("%s:%d: [%s] expected %s=%s in the solution, got %s (%s model)\n",
				    file, line, q, name, v, got ? got : "(none)", model_names[k]);
			_fail(file, line);
		}
	}
	snprintf(buf, sizeof(buf), "%s%s%s!=%s", q, *q ? ", " : "", name, v);
	check(mf, buf, SAT_UNSAT, file, line);
}

#define expect_forced(mf, q, name, v) check_forced((mf), (q), (name), (v), __FILE__, __LINE__)

/* Under q, Kconfig expression e always evaluates to v (n, m or y), as
 * model_expr_lit() encodes it: both of its threshold literals are fixed. */
static void check_expr(struct mfx *mf, const char *q, const char *e, char v,
		       const char *file, int line)
{
	struct expr *x = parse_expr_string(mf->fx.t, e);

	if (!x)
		fail_msg("bad expression '%s':\n%s", e, cap_text(&mf->fx.cap));
	check(mf, q, SAT_SAT, file, line);
	for (int k = 0; k < NMODELS; k++)
		for (int need_y = 0; need_y < 2; need_y++) {
			int lit = model_expr_lit(mf->m[k], x, need_y);
			bool want = need_y ? v == 'y' : v != 'n';
			enum sat_result r;

			r = solve_k(mf, k, q);
			if (r == SAT_SAT && sat_value(mf->s[k], lit) != (want ? 1 : -1)) {
				print_error("%s:%d: [%s] expected %s = %c, but its >= %c literal is %s (%s model)\n",
					    file, line, q, e, v, need_y ? 'y' : 'm',
					    want ? "false" : "true", model_names[k]);
				_fail(file, line);
			}
			/* and no solution of q has it the other way */
			sat_assume(mf->s[k], want ? -lit : lit);
			r = solve_k(mf, k, q);
			if (r != SAT_UNSAT) {
				print_error("%s:%d: [%s] expected %s = %c always, but not in every solution (%s model)\n",
					    file, line, q, e, v, model_names[k]);
				_fail(file, line);
			}
		}
}

#define expect_expr(mf, q, e, v) check_expr((mf), (q), (e), (v), __FILE__, __LINE__)

/* The loadable-module switch most fixtures need. */
#define MODULES_SYM "config MODULES\n\tbool \"modules\"\n\tmodules\n"

/* ================= visible and invisible symbols ================= */

/* symbol.c sym_calc_value(): a visible symbol (sym->visible != no) takes
 * the user's value, so both values of a bool with an unconditional prompt
 * are reachable whatever its default says. */
static void test_visible_bool_takes_any_user_value(void **state)
{
	struct mfx *mf = load(state,
		"config A\n\tbool \"A\"\n\tdefault y\n"
		"config B\n\tbool \"B\"\n");

	expect_sat(mf, "A=y");
	expect_sat(mf, "A=n");
	expect_sat(mf, "A=n, B=y");
	expect_sat(mf, "A=y, B=n");
	expect_unsat(mf, "A=m");	/* a bool never holds m */
}

/* sym_calc_value(): newval = EXPR_AND(user, sym->visible); the visibility
 * is the prompt's (sym_calc_visibility()), here `depends on D` with D=m,
 * so T is at most m. */
static void test_visible_tristate_clamped_by_visibility(void **state)
{
	struct mfx *mf = load(state, MODULES_SYM
		"config D\n\ttristate \"D\"\n"
		"config T\n\ttristate \"T\"\n\tdepends on D\n");

	expect_sat(mf, "MODULES=y, D=m, T=m");
	expect_sat(mf, "MODULES=y, D=m, T=n");
	expect_unsat(mf, "MODULES=y, D=m, T=y");
	expect_sat(mf, "MODULES=y, D=y, T=y");
	expect_forced(mf, "MODULES=y, D=n", "T", "n");
}

/* sym_calc_visibility(): `bool "A" if P` is visible only while P is; when
 * it is not, the default path applies (sym_get_default_prop(): the
 * default's visibility is the entry's dependencies, not the prompt's `if`). */
static void test_prompt_condition_hides_symbol(void **state)
{
	struct mfx *mf = load(state,
		"config P\n\tbool \"P\"\n"
		"config A\n\tbool \"A\" if P\n\tdefault y\n");

	expect_forced(mf, "P=n", "A", "y");
	expect_sat(mf, "P=y, A=n");
	expect_sat(mf, "P=y, A=y");
}

/* menu.c: `visible if` of an enclosing menu is ANDed into the prompts'
 * visibility only; the default below it still applies (menu->dep does not
 * include it). */
static void test_menu_visible_if_hides_prompts(void **state)
{
	struct mfx *mf = load(state,
		"config V\n\tbool \"V\"\n"
		"menu \"M\"\n\tvisible if V\n"
		"config A\n\tbool \"A\"\n\tdefault y\n"
		"config B\n\tbool \"B\"\n"
		"endmenu\n");

	expect_forced(mf, "V=n", "A", "y");
	expect_forced(mf, "V=n", "B", "n");
	expect_sat(mf, "V=y, A=n, B=y");
}

/* sym_calc_value(): select raises a visible symbol: newval =
 * EXPR_OR(EXPR_AND(user, visible), rev_dep), so a selected A cannot be n. */
static void test_visible_raised_by_select(void **state)
{
	struct mfx *mf = load(state,
		"config A\n\tbool \"A\"\n"
		"config S\n\tbool \"S\"\n\tselect A\n");

	expect_forced(mf, "S=y", "A", "y");
	expect_sat(mf, "S=n, A=n");
	expect_sat(mf, "S=n, A=y");
}

/* sym_get_default_prop(): the first default whose condition is not n is
 * the one used; later ones are ignored.  `default n if B` before
 * `default y`: B=y gives n, B=n gives y. */
static void test_invisible_first_active_default(void **state)
{
	struct mfx *mf = load(state,
		"config B\n\tbool \"B\"\n"
		"config A\n\tbool\n\tdefault n if B\n\tdefault y\n");

	expect_forced(mf, "B=y", "A", "n");
	expect_forced(mf, "B=n", "A", "y");
}

/* Same rule, order reversed: the unconditional `default y` comes first,
 * so `default n if B` is never reached. */
static void test_invisible_default_order_matters(void **state)
{
	struct mfx *mf = load(state,
		"config B\n\tbool \"B\"\n"
		"config A\n\tbool\n\tdefault y\n\tdefault n if B\n");

	expect_forced(mf, "B=y", "A", "y");
	expect_forced(mf, "B=n", "A", "y");
}

/* sym_calc_value(): newval = EXPR_AND(expr_calc_value(prop->expr),
 * prop->visible.tri) where the default's visibility is the entry's
 * dependencies (menu.c): `depends on D` limits the default. */
static void test_invisible_default_limited_by_depends(void **state)
{
	struct mfx *mf = load(state, MODULES_SYM
		"config D\n\ttristate \"D\"\n"
		"config A\n\ttristate\n\tdefault y\n\tdepends on D\n");

	expect_forced(mf, "MODULES=y, D=y", "A", "y");
	expect_forced(mf, "MODULES=y, D=m", "A", "m");
	expect_forced(mf, "MODULES=y, D=n", "A", "n");
}

/* sym_calc_value(): an invisible symbol with no active default (and no
 * select or imply) keeps newval.tri = no. */
static void test_invisible_without_default_is_n(void **state)
{
	struct mfx *mf = load(state,
		"config C\n\tbool \"C\"\n"
		"config A\n\tbool\n"
		"config B\n\tbool\n\tdefault y if C\n");

	expect_forced(mf, "", "A", "n");
	expect_forced(mf, "C=n", "B", "n");
	expect_forced(mf, "C=y", "B", "y");
}

/* A default's own `if` is ANDed with its value (prop->visible = dep &&
 * cond), so `default y if D` with D=m gives m, not y. */
static void test_default_condition_limits_value(void **state)
{
	struct mfx *mf = load(state, MODULES_SYM
		"config D\n\ttristate \"D\"\n"
		"config A\n\ttristate\n\tdefault y if D\n");

	expect_forced(mf, "MODULES=y, D=m", "A", "m");
	expect_forced(mf, "MODULES=y, D=y", "A", "y");
}

/* A symbol defined by two entries: visible when either prompt is
 * (sym_calc_visibility() ORs all prompts); each default carries its own
 * entry's dependencies (prop->visible = that menu's dep). */
static void test_multiple_definitions(void **state)
{
	struct mfx *mf = load(state,
		"config X\n\tbool \"X\"\n"
		"config Y\n\tbool \"Y\"\n"
		"config A\n\tbool \"A\"\n\tdepends on X\n"
		"config A\n\tbool\n\tdefault y\n\tdepends on Y\n");

	expect_forced(mf, "X=n, Y=y", "A", "y");
	expect_forced(mf, "X=n, Y=n", "A", "n");
	expect_sat(mf, "X=y, Y=y, A=n");
	expect_sat(mf, "X=y, Y=n, A=y");
}

/* expr_calc_value() on a symbol nobody defines: sym_calc_value() gives
 * an S_UNKNOWN symbol tri = no, so `depends on UNDEF` hides a symbol and
 * `!UNDEF` is y. */
static void test_undefined_symbol_is_n(void **state)
{
	struct mfx *mf = load(state,
		"config A\n\tbool \"A\"\n\tdepends on UNDEF\n"
		"config B\n\tdef_bool !UNDEF\n");

	expect_forced(mf, "", "A", "n");
	expect_forced(mf, "", "B", "y");
}

/* A comparison is y or n, never m (__expr_calc_value() returns yes/no):
 * `T != n` with T=m is y, `T = y` with T=m is n. */
static void test_comparison_of_tristate_is_y_or_n(void **state)
{
	struct mfx *mf = load(state, MODULES_SYM
		"config T\n\ttristate \"T\"\n"
		"config X\n\ttristate\n\tdefault T != n\n"
		"config Z\n\tbool \"Z\"\n\tdepends on T = y\n");

	expect_forced(mf, "MODULES=y, T=m", "X", "y");
	expect_forced(mf, "MODULES=y, T=m", "Z", "n");
	expect_expr(mf, "MODULES=y, T=m", "T != n", 'y');
	expect_expr(mf, "MODULES=y, T=m", "T = m", 'y');
	expect_expr(mf, "MODULES=y, T=m", "T = y", 'n');
	expect_sat(mf, "MODULES=y, T=y, Z=y");
}

/* int/string defaults are limited by the entry's dependencies too
 * (sym_get_default_prop()): with D=n no default is active and the value
 * stays at its start, "0" / "" in 6.12. */
static void test_value_defaults_limited_by_depends(void **state)
{
	struct mfx *mf = load(state,
		"config D\n\tbool \"D\"\n"
		"config N\n\tint\n\tdefault 5\n\tdepends on D\n"
		"config S\n\tstring \"S\"\n\tdefault \"abc\"\n\tdepends on D\n");

	expect_forced(mf, "D=n", "N", "0");
	expect_forced(mf, "D=n", "S", "");
	expect_forced(mf, "D=y", "N", "5");
	expect_sat(mf, "D=y, S=abc");
	expect_sat(mf, "D=y, S=other");
}

/* ================= select and imply ================= */

/* sym_calc_value(): calc_newval: EXPR_OR(newval, rev_dep) is applied after
 * the dependencies; an unmet `depends on` only warns
 * (sym_warn_unmet_dep()), the select still wins.  SAT, not UNSAT. */
static void test_select_forces_target_against_depends(void **state)
{
	struct mfx *mf = load(state,
		"config D\n\tbool \"D\"\n"
		"config A\n\tbool \"A\"\n\tdepends on D\n"
		"config I\n\tbool\n\tdepends on D\n"
		"config S\n\tbool \"S\"\n\tselect A\n\tselect I\n");

	expect_sat(mf, "D=n, S=y");
	expect_forced(mf, "D=n, S=y", "A", "y");
	expect_forced(mf, "D=n, S=y", "I", "y");
	expect_forced(mf, "D=n, S=n", "A", "n");
	expect_forced(mf, "D=n, S=n", "I", "n");
}

/* rev_dep is `S && <select's visibility>`: a tristate selector at m
 * raises the target to at least m, and the user may still take it to y. */
static void test_select_from_m_raises_to_m(void **state)
{
	struct mfx *mf = load(state, MODULES_SYM
		"config A\n\ttristate \"A\"\n"
		"config B\n\ttristate\n"
		"config S\n\ttristate \"S\"\n\tselect A\n\tselect B\n");

	expect_unsat(mf, "MODULES=y, S=m, A=n");
	expect_sat(mf, "MODULES=y, S=m, A=m");
	expect_sat(mf, "MODULES=y, S=m, A=y");
	expect_forced(mf, "MODULES=y, S=m", "B", "m");
	expect_forced(mf, "MODULES=y, S=y", "B", "y");
}

/* menu.c: `select A if C` contributes S && C to A's rev_dep. */
static void test_select_condition(void **state)
{
	struct mfx *mf = load(state,
		"config C\n\tbool \"C\"\n"
		"config A\n\tbool\n"
		"config S\n\tbool \"S\"\n\tselect A if C\n");

	expect_forced(mf, "S=y, C=y", "A", "y");
	expect_forced(mf, "S=y, C=n", "A", "n");
}

/* sym_calc_value(): for an invisible symbol, newval = EXPR_AND(
 * EXPR_OR(default, implied), dir_dep): imply raises it only as far as its
 * own dependencies allow (unlike select). */
static void test_imply_raises_invisible_within_dependencies(void **state)
{
	struct mfx *mf = load(state, MODULES_SYM
		"config D\n\ttristate \"D\"\n"
		"config A\n\ttristate\n\tdepends on D\n"
		"config I\n\ttristate \"I\"\n\timply A\n");

	expect_forced(mf, "MODULES=y, I=y, D=y", "A", "y");
	expect_forced(mf, "MODULES=y, I=y, D=m", "A", "m");
	expect_forced(mf, "MODULES=y, I=y, D=n", "A", "n");
	expect_forced(mf, "MODULES=y, I=m, D=y", "A", "m");
	expect_forced(mf, "MODULES=y, I=n, D=y", "A", "n");
}

/* sym_calc_value(): a visible symbol with a user value takes it
 * (goto calc_newval skips `implied`), so an implied symbol can be n. */
static void test_imply_visible_target_can_be_off(void **state)
{
	struct mfx *mf = load(state,
		"config A\n\tbool \"A\"\n"
		"config I\n\tbool \"I\"\n\timply A\n");

	expect_sat(mf, "I=y, A=n");
	expect_sat(mf, "I=y, A=y");
	expect_sat(mf, "I=n, A=y");
}

/* sym_calc_visibility() rounds implied.tri and dir_dep.tri of a bool up
 * to y (sym_get_type() == S_BOOLEAN), so a bool implied by I=m, with its
 * dependency D=m, is y. */
static void test_imply_bool_rounds_up(void **state)
{
	struct mfx *mf = load(state, MODULES_SYM
		"config D\n\ttristate \"D\"\n"
		"config A\n\tbool\n\tdepends on D\n"
		"config I\n\ttristate \"I\"\n\timply A\n");

	expect_forced(mf, "MODULES=y, I=m, D=m", "A", "y");
	expect_forced(mf, "MODULES=y, I=m, D=n", "A", "n");
}

/* ================= tristate arithmetic ================= */

/* expr.c expr_calc_value(): E_AND is EXPR_AND = min. */
static void test_tristate_and_is_min(void **state)
{
	struct mfx *mf = load(state, MODULES_SYM
		"config A\n\ttristate \"A\"\n"
		"config B\n\ttristate \"B\"\n"
		"config X\n\ttristate\n\tdefault A && B\n");

	expect_forced(mf, "MODULES=y, A=y, B=m", "X", "m");
	expect_forced(mf, "MODULES=y, A=m, B=y", "X", "m");
	expect_forced(mf, "MODULES=y, A=y, B=y", "X", "y");
	expect_forced(mf, "MODULES=y, A=y, B=n", "X", "n");
	expect_expr(mf, "MODULES=y, A=y, B=m", "A && B", 'm');
	expect_expr(mf, "MODULES=y, A=m, B=m", "A && B", 'm');
	expect_expr(mf, "MODULES=y, A=m, B=n", "A && B", 'n');
}

/* E_OR is EXPR_OR = max. */
static void test_tristate_or_is_max(void **state)
{
	struct mfx *mf = load(state, MODULES_SYM
		"config A\n\ttristate \"A\"\n"
		"config B\n\ttristate \"B\"\n"
		"config X\n\ttristate\n\tdefault A || B\n");

	expect_forced(mf, "MODULES=y, A=n, B=m", "X", "m");
	expect_forced(mf, "MODULES=y, A=m, B=y", "X", "y");
	expect_forced(mf, "MODULES=y, A=n, B=n", "X", "n");
	expect_expr(mf, "MODULES=y, A=n, B=m", "A || B", 'm');
	expect_expr(mf, "MODULES=y, A=m, B=y", "A || B", 'y');
	expect_expr(mf, "MODULES=y, A=m, B=m", "A || !B", 'm');
}

/* E_NOT is EXPR_NOT = 2 - x: !m is m. */
static void test_tristate_not_is_two_minus(void **state)
{
	struct mfx *mf = load(state, MODULES_SYM
		"config A\n\ttristate \"A\"\n"
		"config X\n\ttristate\n\tdefault !A\n");

	expect_forced(mf, "MODULES=y, A=m", "X", "m");
	expect_forced(mf, "MODULES=y, A=y", "X", "n");
	expect_forced(mf, "MODULES=y, A=n", "X", "y");
	/* the same through model_expr_lit() */
	expect_expr(mf, "MODULES=y, A=m", "!A", 'm');
	expect_expr(mf, "MODULES=y, A=y", "!A", 'n');
	expect_expr(mf, "MODULES=y, A=n", "!A", 'y');
	expect_expr(mf, "MODULES=y, A=m", "!!A", 'm');
}

/* menu.c rewrite_m() (6.12; menu_check_dep() in 6.1): `m` in a dependency
 * means `m && MODULES`.  With MODULES=n, `depends on m` is n, so T is
 * invisible and n; with MODULES=y, T is visible at most m. */
static void test_m_in_depends_means_m_and_modules(void **state)
{
	struct mfx *mf = load(state, MODULES_SYM
		"config T\n\ttristate \"T\"\n\tdepends on m\n"
		"config B\n\tbool \"B\"\n\tdepends on m\n");

	expect_forced(mf, "MODULES=n", "T", "n");
	expect_forced(mf, "MODULES=n", "B", "n");
	expect_sat(mf, "MODULES=y, T=m");
	expect_unsat(mf, "MODULES=y, T=y");
	/* sym_calc_visibility(): visibility m of a bool rounds up to y */
	expect_sat(mf, "MODULES=y, B=y");
}

/* sym_get_type(): a tristate is a bool while MODULES is n, so no value
 * (user, default or select) stays m; with no `modules` symbol at all,
 * modules_val is n forever. */
static void test_no_modules_means_no_m(void **state)
{
	struct mfx *mf = load(state, MODULES_SYM
		"config T\n\ttristate \"T\"\n"
		"config S\n\ttristate \"S\"\n\tselect U\n"
		"config U\n\ttristate\n");

	expect_unsat(mf, "MODULES=n, T=m");
	expect_unsat(mf, "MODULES=n, S=m");
	expect_forced(mf, "MODULES=n, S=y", "U", "y");
	expect_sat(mf, "MODULES=y, T=m");

	mf = load(state,
		"config T\n\ttristate \"T\"\n"
		"config D\n\ttristate\n\tdefault m\n");
	expect_unsat(mf, "T=m");
	expect_sat(mf, "T=y");
	expect_forced(mf, "", "D", "y");
}

/* sym_calc_value(): `if (newval.tri == mod && sym_get_type(sym) ==
 * S_BOOLEAN) newval.tri = yes;`: `def_bool m` is y, and a bool selected by
 * a tristate at m is y. */
static void test_bool_never_holds_m(void **state)
{
	struct mfx *mf = load(state, MODULES_SYM
		"config B\n\tdef_bool m\n"
		"config C\n\tbool\n"
		"config D\n\tbool\n\tdefault T\n"
		"config T\n\ttristate \"T\"\n\tselect C\n");

	expect_forced(mf, "MODULES=y", "B", "y");
	expect_forced(mf, "MODULES=n", "B", "y");
	expect_forced(mf, "MODULES=y, T=m", "C", "y");
	expect_forced(mf, "MODULES=y, T=m", "D", "y");
	expect_unsat(mf, "B=m");
	expect_unsat(mf, "C=m");
}

/* sym_get_type() again: `default m` for a tristate while MODULES=n gives
 * y (m rounds up), and m while MODULES=y. */
static void test_default_m_without_modules_gives_y(void **state)
{
	struct mfx *mf = load(state, MODULES_SYM
		"config T\n\ttristate\n\tdefault m\n");

	expect_forced(mf, "MODULES=n", "T", "y");
	expect_forced(mf, "MODULES=y", "T", "m");
}

/* ================= choices, Linux 6.12 rules ================= */

/* symbol.c sym_calc_choice() (6.11+): exactly one visible member is y:
 * the user's pick, else the default, else the first visible one; the
 * others are n. */
static void test_choice_exactly_one_visible_member(void **state)
{
	struct mfx *mf = load(state,
		"choice\n\tprompt \"pick\"\n"
		"config A\n\tbool \"A\"\n"
		"config B\n\tbool \"B\"\n"
		"config C\n\tbool \"C\"\n"
		"endchoice\n");

	expect_sat(mf, "A=y, B=n, C=n");
	expect_sat(mf, "A=n, B=y, C=n");
	expect_sat(mf, "A=n, B=n, C=y");
	expect_unsat(mf, "A=n, B=n, C=n");
	expect_unsat(mf, "A=y, B=y");
	expect_unsat(mf, "B=y, C=y");
}

/* sym_calc_choice() skips members with sym->visible == no, and
 * sym_calc_value() leaves such a member at newval = n. */
static void test_choice_invisible_member_is_n(void **state)
{
	struct mfx *mf = load(state,
		"config D\n\tbool \"D\"\n"
		"choice\n\tprompt \"pick\"\n"
		"config A\n\tbool \"A\"\n"
		"config B\n\tbool \"B\"\n\tdepends on D\n"
		"endchoice\n");

	expect_forced(mf, "D=n", "B", "n");
	expect_forced(mf, "D=n", "A", "y");
	expect_sat(mf, "D=y, B=y, A=n");
}

/* sym_calc_choice() with no visible member picks nothing: every member
 * stays n (and this is SAT, not a contradiction). */
static void test_choice_all_members_invisible(void **state)
{
	struct mfx *mf = load(state,
		"config D\n\tbool \"D\"\n"
		"choice\n\tprompt \"pick\"\n\tdepends on D\n"
		"config A\n\tbool \"A\"\n"
		"config B\n\tbool \"B\"\n"
		"endchoice\n");

	expect_sat(mf, "D=n");
	expect_forced(mf, "D=n", "A", "n");
	expect_forced(mf, "D=n", "B", "n");
	expect_unsat(mf, "D=y, A=n, B=n");
}

/* 6.12 sym_calc_value(): a member's value comes from sym_calc_choice()
 * alone (the choice_menu branch never reads rev_dep), so a select does
 * not force a choice member. */
static void test_choice_member_ignores_select(void **state)
{
	struct mfx *mf = load(state,
		"choice\n\tprompt \"pick\"\n"
		"config A\n\tbool \"A\"\n"
		"config B\n\tbool \"B\"\n"
		"endchoice\n"
		"config S\n\tbool \"S\"\n\tselect B\n");

	expect_sat(mf, "S=y, A=y, B=n");
}

/* ================= choices, Linux 6.1 rules ================= */

/* 6.1 menu.c: a non-optional choice gets rev_dep |= <prompt visible> && m,
 * so a visible bool choice is y and sym_calc_choice() picks one visible
 * member; members compare with the choice's pick. */
static void test_choice_61_exactly_one(void **state)
{
	struct mfx *mf = load_kv(state,
		"choice\n\tprompt \"pick\"\n"
		"config A\n\tbool \"A\"\n"
		"config B\n\tbool \"B\"\n"
		"endchoice\n", 601);

	expect_sat(mf, "A=y, B=n");
	expect_sat(mf, "A=n, B=y");
	expect_unsat(mf, "A=n, B=n");
	expect_unsat(mf, "A=y, B=y");
}

/* 6.1: an `optional` choice has no rev_dep, so its user value may be n;
 * the members' visibility is ANDed with the choice (menu.c: parentdep =
 * the choice symbol), so all of them are n. */
static void test_choice_61_optional_allows_none(void **state)
{
	struct mfx *mf = load_kv(state,
		"choice\n\tprompt \"pick\"\n\toptional\n"
		"config A\n\tbool \"A\"\n"
		"config B\n\tbool \"B\"\n"
		"endchoice\n", 601);

	expect_sat(mf, "A=n, B=n");
	expect_sat(mf, "A=y, B=n");
	expect_unsat(mf, "A=y, B=y");
}

/* 6.1: a tristate choice set to m ("m mode") makes every member visible
 * at most m (parentdep = choice); members are then ordinary visible
 * tristates (sym_calc_value() only uses the pick when visible == yes), so
 * several can be m.  In y mode exactly one is y and the rest n. */
static void test_choice_61_tristate_m_mode(void **state)
{
	struct mfx *mf = load_kv(state, MODULES_SYM
		"choice\n\tprompt \"pick\"\n\ttristate\n"
		"config A\n\ttristate \"A\"\n"
		"config B\n\ttristate \"B\"\n"
		"endchoice\n", 601);

	expect_sat(mf, "MODULES=y, A=m, B=m");
	expect_sat(mf, "MODULES=y, A=y, B=n");
	expect_unsat(mf, "MODULES=y, A=y, B=m");
	expect_unsat(mf, "MODULES=y, A=y, B=y");
	/* without modules the choice is a bool one: exactly one y */
	expect_sat(mf, "MODULES=n, A=y, B=n");
	expect_unsat(mf, "MODULES=n, A=m");
	expect_unsat(mf, "MODULES=n, A=n, B=n");
}

/* 6.1 menu.c menu_finalize(): an entry that depends on the previous
 * member goes into a submenu below it and is not a choice value
 * (SYMBOL_CHOICEVAL is set only on entries left directly in the choice),
 * so B is an ordinary bool under A and can be y together with A. */
static void test_choice_61_dependent_member_not_choice_value(void **state)
{
	struct mfx *mf = load_kv(state,
		"choice\n\tprompt \"pick\"\n"
		"config A\n\tbool \"A\"\n"
		"config B\n\tbool \"B\"\n\tdepends on A\n"
		"config C\n\tbool \"C\"\n"
		"endchoice\n", 601);

	expect_sat(mf, "A=y, B=y");
	expect_sat(mf, "A=y, B=n");
	expect_forced(mf, "C=y", "B", "n");
	expect_unsat(mf, "A=y, C=y");
}

/* 6.1 sym_calc_visibility() returns for a choice value before it
 * computes rev_dep.tri (and implied.tri), which so stay no: a select never
 * raises a choice member.  With an optional choice set to n every member
 * is n even while S selects A. */
static void test_choice_61_member_ignores_select(void **state)
{
	struct mfx *mf = load_kv(state,
		"choice\n\tprompt \"pick\"\n\toptional\n"
		"config A\n\tbool \"A\"\n"
		"config B\n\tbool \"B\"\n"
		"endchoice\n"
		"config S\n\tbool \"S\"\n\tselect A\n", 601);

	expect_sat(mf, "S=y, A=n, B=n");
	expect_sat(mf, "S=y, A=n, B=y");
}

/* 6.1 menu.c menu_finalize(): a bool member of a tristate choice gets
 * `depends on <choice> = y`, so in m mode it is invisible: n, and (as
 * above) its select does not raise it. */
static void test_choice_61_bool_member_of_tristate_choice(void **state)
{
	struct mfx *mf = load_kv(state, MODULES_SYM
		"choice\n\tprompt \"pick\"\n\ttristate\n"
		"config A\n\ttristate \"A\"\n"
		"config B\n\tbool \"B\"\n"
		"endchoice\n"
		"config S\n\tbool \"S\"\n\tselect B\n", 601);

	expect_forced(mf, "MODULES=y, A=m, S=n", "B", "n");
	expect_forced(mf, "MODULES=y, A=m, S=y", "B", "n");
	expect_sat(mf, "MODULES=y, S=y, B=y");
}

/* 6.1 sym_calc_visibility(): "Tristate choice_values with visibility 'mod'
 * are not visible if the corresponding choice's value is 'yes'": with D=m
 * and the choice in y mode, A is invisible (so n) and cannot be the pick. */
static void test_choice_61_m_visible_member_hidden_in_y_mode(void **state)
{
	struct mfx *mf = load_kv(state, MODULES_SYM
		"config D\n\ttristate \"D\"\n"
		"choice\n\tprompt \"pick\"\n\ttristate\n"
		"config A\n\ttristate \"A\"\n\tdepends on D\n"
		"config B\n\ttristate \"B\"\n"
		"endchoice\n", 601);

	expect_forced(mf, "MODULES=y, D=m, B=y", "A", "n");
	expect_sat(mf, "MODULES=y, D=m, A=m, B=m");
}

/* ================= int, hex and string ================= */

/* expr.c: `S = "bar"` on two strings is strcmp(). */
static void test_string_equals_constant(void **state)
{
	struct mfx *mf = load(state,
		"config S\n\tstring \"S\"\n"
		"config X\n\tdef_bool S = \"bar\"\n"
		"config Y\n\tdef_bool S != \"bar\"\n");

	expect_forced(mf, "S=bar", "X", "y");
	expect_forced(mf, "S=bar", "Y", "n");
	expect_forced(mf, "S=something", "X", "n");
	expect_forced(mf, "S=something", "Y", "y");
	expect_forced(mf, "S=", "X", "n");
}

/* expr.c: an int symbol against a constant compares as numbers
 * (expr_parse_string(), base 10), not as strings: 10 > 4 although "10" <
 * "4" by strcmp. */
static void test_int_compared_numerically(void **state)
{
	struct mfx *mf = load(state,
		"config NR\n\tint \"NR\"\n"
		"config BIG\n\tdef_bool NR > 4\n");

	expect_forced(mf, "NR=5", "BIG", "y");
	expect_forced(mf, "NR=10", "BIG", "y");
	expect_forced(mf, "NR=4", "BIG", "n");
	expect_forced(mf, "NR=-3", "BIG", "n");
	expect_forced(mf, "NR=100000", "BIG", "y");
}

/* expr.c: hex is strtoull(base 16) on both sides: 0x9 < 0x10, and 0x010
 * equals 0x10. */
static void test_hex_compared_numerically(void **state)
{
	struct mfx *mf = load(state,
		"config H\n\thex \"H\"\n"
		"config BIG\n\tdef_bool H > 0x10\n"
		"config EQ\n\tdef_bool H = 0x10\n");

	expect_forced(mf, "H=0x9", "BIG", "n");
	expect_forced(mf, "H=0x20", "BIG", "y");
	expect_forced(mf, "H=0x10", "BIG", "n");
	expect_forced(mf, "H=0x010", "EQ", "y");
	expect_forced(mf, "H=0x11", "EQ", "n");
}

/* symbol.c sym_validate_range(): after the default, the first active
 * range clamps an int to its bounds. */
static void test_range_clamps_invisible_default(void **state)
{
	struct mfx *mf = load(state,
		"config HI\n\tint\n\tdefault 100\n\trange 1 10\n"
		"config LO\n\tint\n\tdefault 0\n\trange 1 10\n"
		"config IN\n\tint\n\tdefault 7\n\trange 1 10\n"
		"config XH\n\thex\n\tdefault 0x100\n\trange 0x10 0x20\n");

	expect_forced(mf, "", "HI", "10");
	expect_forced(mf, "", "LO", "1");
	expect_forced(mf, "", "IN", "7");
	expect_forced(mf, "", "XH", "0x20");
}

/* sym_validate_range(), also for user values: a visible int takes any
 * value inside its range and nothing outside it. */
static void test_visible_int_restricted_to_range(void **state)
{
	struct mfx *mf = load(state,
		"config N\n\tint \"N\"\n\trange 1 10\n\tdefault 5\n");

	expect_sat(mf, "N=5");
	expect_sat(mf, "N=1");
	expect_sat(mf, "N=10");
	expect_sat(mf, "N=7");
	expect_unsat(mf, "N=11");
	expect_unsat(mf, "N=0");
	expect_unsat(mf, "N=-4");
	expect_unsat(mf, "N=1000");
}

/* The first range whose condition holds is the one used
 * (sym_get_range_prop()). */
static void test_first_active_range_wins(void **state)
{
	struct mfx *mf = load(state,
		"config W\n\tbool \"W\"\n"
		"config N\n\tint\n\tdefault 50\n\trange 1 8 if W\n\trange 1 64\n");

	expect_forced(mf, "W=y", "N", "8");
	expect_forced(mf, "W=n", "N", "50");
}

/* sym_calc_value(): `default OTHER` takes OTHER's current value
 * (prop_get_symbol(); sym_calc_value(ds); newval.val = ds->curr.val). */
static void test_default_names_other_symbol(void **state)
{
	struct mfx *mf = load(state,
		"config A\n\tint \"A\"\n"
		"config B\n\tint\n\tdefault A\n"
		"config S\n\tstring \"S\"\n"
		"config T\n\tstring\n\tdefault S\n");

	expect_forced(mf, "A=42", "B", "42");
	expect_forced(mf, "A=0", "B", "0");
	expect_forced(mf, "S=hello", "T", "hello");
	expect_forced(mf, "S=", "T", "");
}

/* model_str_is(): a value outside the finite domain is the gap
 * representative that every comparison of the domain treats alike.  NR is
 * compared with 4 and 10: 7 lies between them (MID is y for it, by
 * expr.c's numeric comparison), 123 above 10, -50 below 0. */
static void test_str_is_int_gap_representative(void **state)
{
	struct mfx *mf = load(state,
		"config NR\n\tint \"NR\"\n"
		"config MID\n\tdef_bool NR > 4 && NR < 10\n");
	const struct symbol *nr = sym(mf, "NR");

	expect_forced(mf, "NR=7", "MID", "y");
	expect_forced(mf, "NR=123", "MID", "n");
	expect_forced(mf, "NR=-50", "MID", "n");
	expect_forced(mf, "NR=10", "MID", "n");
	expect_forced(mf, "NR=4", "MID", "n");
	for (int k = 0; k < NMODELS; k++) {
		struct model *m = mf->m[k];

		assert_int_not_equal(model_str_is(m, nr, "7"), CNF_FALSE);
		assert_int_equal(model_str_is(m, nr, "7"), model_str_is(m, nr, "8"));
		assert_int_equal(model_str_is(m, nr, "123"), model_str_is(m, nr, "11"));
		assert_int_equal(model_str_is(m, nr, "-50"), model_str_is(m, nr, "-1"));
		assert_int_not_equal(model_str_is(m, nr, "7"), model_str_is(m, nr, "4"));
		assert_int_not_equal(model_str_is(m, nr, "7"), model_str_is(m, nr, "10"));
		assert_int_not_equal(model_str_is(m, nr, "123"), model_str_is(m, nr, "10"));
	}
}

/* The same for a string compared with "foo": any other non-empty string
 * is neither "foo" nor "" (S != "" is y for it). */
static void test_str_is_string_gap_representative(void **state)
{
	struct mfx *mf = load(state,
		"config S\n\tstring \"S\"\n"
		"config FOO\n\tdef_bool S = \"foo\"\n"
		"config SET\n\tdef_bool S != \"\"\n");
	const struct symbol *s = sym(mf, "S");

	expect_forced(mf, "S=foo", "FOO", "y");
	expect_forced(mf, "S=anything", "FOO", "n");
	expect_forced(mf, "S=anything", "SET", "y");
	expect_forced(mf, "S=", "SET", "n");
	for (int k = 0; k < NMODELS; k++) {
		struct model *m = mf->m[k];

		assert_int_equal(model_str_is(m, s, "anything"), model_str_is(m, s, "else"));
		assert_int_not_equal(model_str_is(m, s, "anything"), model_str_is(m, s, "foo"));
		assert_int_not_equal(model_str_is(m, s, "anything"), model_str_is(m, s, ""));
	}
}

/* sym_validate_range() with a bound that is a symbol reads its current
 * value (sym_get_range_val()): N is clamped to MAXN. */
static void test_range_bound_is_symbol(void **state)
{
	struct mfx *mf = load(state,
		"config MAXN\n\tint \"MAXN\"\n\tdefault 8\n"
		"config N\n\tint \"N\"\n\trange 1 MAXN\n\tdefault 5\n"
		"config M\n\tint\n\tdefault 5\n\trange 1 MAXN\n");

	expect_sat(mf, "MAXN=8, N=5");
	expect_sat(mf, "MAXN=8, N=8");
	expect_unsat(mf, "MAXN=1, N=5");
	expect_forced(mf, "MAXN=1", "N", "1");
	expect_forced(mf, "MAXN=1", "M", "1");
	expect_forced(mf, "MAXN=8", "M", "5");
}

/* Two user values in the same gap of the domain compared with each other.
 * expr.c compares the values themselves (3 < 4), and sym_validate_range()
 * clamps N=4 to MAXN=3.  The model keeps one representative per gap, so it
 * cannot order two values that fall in the same gap: this is the documented
 * approximation of kcsat(1) (MODEL), an over-approximation: both answers
 * stay possible, nothing the kernel allows is lost.  `kcsat verify`
 * re-evaluates every symbol concretely (eval.c) and rejects N=4, MAXN=3
 * (tests/cli/verify-same-gap). */
static void test_two_values_in_one_gap(void **state)
{
	struct mfx *mf = load(state,
		"config A\n\tint \"A\"\n"
		"config B\n\tint \"B\"\n"
		"config LT\n\tdef_bool A < B\n"
		"config MAXN\n\tint \"MAXN\"\n"
		"config N\n\tint \"N\"\n\trange 1 MAXN\n");

	expect_sat(mf, "A=3, B=4, LT=y");
	expect_sat(mf, "A=4, B=3, LT=n");
	expect_sat(mf, "MAXN=3, N=3");
	/* distinct gaps are still told apart exactly: B below 1 < A */
	expect_forced(mf, "A=0, B=5", "LT", "y");
}

/* 6.12 sym_calc_value() starts int at "0" and hex at "0x0"; 6.1 starts
 * every value at symbol_empty's "" (no default, invisible). */
static void test_empty_value_by_version(void **state)
{
	struct mfx *mf = load(state,
		"config N\n\tint\n"
		"config H\n\thex\n"
		"config S\n\tstring\n");

	expect_forced(mf, "", "N", "0");
	expect_forced(mf, "", "H", "0x0");
	expect_forced(mf, "", "S", "");
	mf = load_kv(state,
		"config N\n\tint\n"
		"config H\n\thex\n", 601);
	expect_forced(mf, "", "N", "");
	expect_forced(mf, "", "H", "");
}

/* ================= $(shell,...) with shell execution off ================= */

/* A `def_bool $(shell,...)` reads a value kcsat did not compute: both y
 * and n must stay possible. */
static void test_shell_def_bool_is_free(void **state)
{
	struct mfx *mf = load(state,
		"config CC_HAS_X\n\tdef_bool $(shell,echo y)\n");

	expect_sat(mf, "CC_HAS_X=y");
	expect_sat(mf, "CC_HAS_X=n");
}

/* An int default from a shell may be anything: N > 4 and N <= 4 are both
 * possible. */
static void test_shell_int_default_is_free(void **state)
{
	struct mfx *mf = load(state,
		"config N\n\tint\n\tdefault $(shell,echo 5)\n"
		"config BIG\n\tdef_bool N > 4\n");

	expect_sat(mf, "BIG=y");
	expect_sat(mf, "BIG=n");
	expect_sat(mf, "N=5");
	expect_sat(mf, "N=0");
}

/* ================= queries after the build ================= */

/* A query expression may name a constant the tree never mentions
 * (`kcsat sat 'NR = 12345'`): NR is visible, so the user can set 12345
 * and the expression is satisfiable; 12345 is out of the domain built from
 * the tree, and comparisons must still treat it by value. */
static void test_query_with_new_constant(void **state)
{
	struct mfx *mf = load(state,
		"config NR\n\tint \"NR\"\n\trange 1 100000\n");

	expect_sat(mf, "NR = 12345");
	expect_unsat(mf, "NR = 200000");
	expect_sat(mf, "NR > 12345");
}

/* 6.18 transitional (symbol.c): always visible, so an old .config's value
 * is its value, of any type; a symbol whose default names it follows. */
static const char transitional_tree[] =
	"config MODULES\n\tbool \"modules\"\n\tmodules\n"
	"config NEW\n\tbool \"NEW\"\n\tdefault OLD\n"
	"config OLD\n\tbool\n\ttransitional\n\thelp\n\t  The old name of NEW.\n"
	"config RECV\n\ttristate\n\tdefault OLD_TRI\n"
	"config OLD_TRI\n\ttristate\n\ttransitional\n"
	"config NEW_INT\n\tint\n\tdefault OLD_INT\n"
	"config OLD_INT\n\tint\n\ttransitional\n"
	"config NEW_STR\n\tstring\n\tdefault OLD_STR\n"
	"config OLD_STR\n\tstring\n\ttransitional\n";

static void test_transitional_is_a_free_input(void **state)
{
	struct mfx *mf = load(state, transitional_tree);

	expect_sat(mf, "OLD=y");
	expect_sat(mf, "OLD=n");
	expect_sat(mf, "OLD_TRI=m,MODULES=y");
	expect_unsat(mf, "OLD_TRI=m,MODULES=n");	/* m is y without modules */
	/* the invisible receiver is exactly the old value */
	expect_sat(mf, "RECV=y");
	expect_sat(mf, "RECV=m,MODULES=y");
	expect_unsat(mf, "RECV=y,OLD_TRI!=y");
	expect_forced(mf, "OLD_INT=42", "NEW_INT", "42");
	expect_forced(mf, "OLD_STR=hello", "NEW_STR", "hello");
	/* the visible one takes the user's value, defaulting to the old */
	expect_sat(mf, "NEW=n,OLD=y");
	expect_sat(mf, "NEW=y,OLD=n");
}

/* A witness leaves the transitional symbol out (conf never writes it) but
 * names the old value it comes from; olddefconfig simulated from that old
 * value gives the witness's values. */
static void test_transitional_witness(void **state)
{
	struct mfx *mf = load(state, transitional_tree);
	struct config c;
	struct confsim *cs;
	char *buf = NULL;
	size_t len = 0;
	FILE *f;

	model_encode_all(mf->m[0]);
	sat_sync(mf->s[0]);
	sat_assume(mf->s[0], model_sym_is(mf->m[0], sym(mf, "RECV"), 'y'));
	assert_int_equal(sat_solve(mf->s[0]), SAT_SAT);
	config_from_solution(&c, mf->m[0], mf->s[0]);
	f = open_memstream(&buf, &len);
	config_write_file(f, &c, NULL);
	fclose(f);
	fx_keep(&mf->fx, buf);
	assert_contains(buf, "CONFIG_RECV=y\n");
	assert_contains(buf, "#   CONFIG_OLD_TRI=y\n");
	assert_null(strstr(buf, "\nCONFIG_OLD"));
	assert_null(strstr(buf, "# CONFIG_OLD"));
	cs = confsim_new(mf->fx.t);
	for (size_t i = 0; i < c.v.n; i++)
		confsim_user(cs, sym(mf, c.v.v[i].name), c.v.v[i].value);
	assert_int_equal(confsim_tri(cs, sym(mf, "RECV")), 2);
	/* without the old value the receiver goes to n: the rename's trap */
	confsim_user(cs, sym(mf, "OLD_TRI"), NULL);
	assert_int_equal(confsim_tri(cs, sym(mf, "RECV")), 0);
	confsim_free(cs);
	config_release(&c);
}

/* 7.0 menu.c menu_add_dep(): "depends on A if B" is A || (B = n), a
 * comparison with n, so B=m counts as B set. */
static void test_conditional_dependency(void **state)
{
	struct mfx *mf = load(state,
		"config MODULES\n\tbool \"modules\"\n\tmodules\n"
		"config A\n\tbool \"A\"\nconfig B\n\tbool \"B\"\n"
		"config T\n\tbool \"T\"\n\tdepends on A if B\n"
		"config TA\n\ttristate \"TA\"\nconfig TB\n\ttristate \"TB\"\n"
		"config TT\n\ttristate \"TT\"\n\tdepends on TA if TB\n"
		"config TOR\n\ttristate \"TOR\"\n\tdepends on !TB || TA\n"
		"config C\n\tbool \"C\"\n\tdepends on A if !(B || TB)\n\tdepends on MODULES\n");

	expect_unsat(mf, "T=y,B=y,A=n");
	expect_sat(mf, "T=y,B=n,A=n");
	expect_sat(mf, "T=y,B=y,A=y");
	expect_unsat(mf, "TT!=n,TB=m,TA=n");
	expect_sat(mf, "TOR=m,TB=m,TA=n,MODULES=y");	/* what !TB || TA would allow */
	expect_sat(mf, "TT=m,TB=m,TA=m,MODULES=y");
	expect_unsat(mf, "TT=y,TB=m,TA=m");	/* TA=m caps TT at m */
	/* expr_trans_compare() reads !(B || TB) = n as (B || TB) != n, so
	 * TB=m lifts the condition although !(B || TB) is m there */
	expect_unsat(mf, "C=y,B=n,TB=n,A=n");
	expect_sat(mf, "C=y,B=y,A=n,MODULES=y");
	expect_sat(mf, "C=y,B=n,TB=m,A=n,MODULES=y");
	expect_unsat(mf, "C=y,MODULES=n");	/* plain lines still && */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		MTEST(test_visible_bool_takes_any_user_value),
		MTEST(test_visible_tristate_clamped_by_visibility),
		MTEST(test_prompt_condition_hides_symbol),
		MTEST(test_menu_visible_if_hides_prompts),
		MTEST(test_visible_raised_by_select),
		MTEST(test_invisible_first_active_default),
		MTEST(test_invisible_default_order_matters),
		MTEST(test_invisible_default_limited_by_depends),
		MTEST(test_invisible_without_default_is_n),
		MTEST(test_default_condition_limits_value),
		MTEST(test_multiple_definitions),
		MTEST(test_undefined_symbol_is_n),
		MTEST(test_comparison_of_tristate_is_y_or_n),
		MTEST(test_value_defaults_limited_by_depends),
		MTEST(test_select_forces_target_against_depends),
		MTEST(test_select_from_m_raises_to_m),
		MTEST(test_select_condition),
		MTEST(test_imply_raises_invisible_within_dependencies),
		MTEST(test_imply_visible_target_can_be_off),
		MTEST(test_imply_bool_rounds_up),
		MTEST(test_tristate_and_is_min),
		MTEST(test_tristate_or_is_max),
		MTEST(test_tristate_not_is_two_minus),
		MTEST(test_m_in_depends_means_m_and_modules),
		MTEST(test_no_modules_means_no_m),
		MTEST(test_bool_never_holds_m),
		MTEST(test_default_m_without_modules_gives_y),
		MTEST(test_choice_exactly_one_visible_member),
		MTEST(test_choice_invisible_member_is_n),
		MTEST(test_choice_all_members_invisible),
		MTEST(test_choice_member_ignores_select),
		MTEST(test_choice_61_exactly_one),
		MTEST(test_choice_61_optional_allows_none),
		MTEST(test_choice_61_tristate_m_mode),
		MTEST(test_choice_61_dependent_member_not_choice_value),
		MTEST(test_choice_61_member_ignores_select),
		MTEST(test_choice_61_bool_member_of_tristate_choice),
		MTEST(test_choice_61_m_visible_member_hidden_in_y_mode),
		MTEST(test_string_equals_constant),
		MTEST(test_int_compared_numerically),
		MTEST(test_hex_compared_numerically),
		MTEST(test_range_clamps_invisible_default),
		MTEST(test_visible_int_restricted_to_range),
		MTEST(test_first_active_range_wins),
		MTEST(test_default_names_other_symbol),
		MTEST(test_str_is_int_gap_representative),
		MTEST(test_str_is_string_gap_representative),
		MTEST(test_range_bound_is_symbol),
		MTEST(test_two_values_in_one_gap),
		MTEST(test_empty_value_by_version),
		MTEST(test_shell_def_bool_is_free),
		MTEST(test_shell_int_default_is_free),
		MTEST(test_query_with_new_constant),
		MTEST(test_transitional_is_a_free_input),
		MTEST(test_transitional_witness),
		MTEST(test_conditional_dependency),
	};

	unit_init();
	return cmocka_run_group_tests_name("model", tests, NULL, NULL);
}
