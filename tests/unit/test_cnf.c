/* cnf.c: clause storage, constant folding and hash-consing of gates,
 * selectors with their locations, DIMACS output.  Gate semantics are
 * checked by solving (sat.c) over every assignment of the inputs. */
#include "unit.h"

#include "sat/cnf.h"
#include "sat/sat.h"

struct cfx {
	struct cnf *c;
	struct sat *s;
	char *buf;
	size_t len;
};

static int cfx_setup(void **state)
{
	struct cfx *f = calloc(1, sizeof(*f));

	if (!f)
		return -1;
	f->c = cnf_new();
	*state = f;
	return 0;
}

static int cfx_teardown(void **state)
{
	struct cfx *f = *state;

	sat_free(f->s);
	cnf_free(f->c);
	free(f->buf);
	free(f);
	return 0;
}

#define CTEST(fn) cmocka_unit_test_setup_teardown(fn, cfx_setup, cfx_teardown)

/* Clause i as a vector (for comparisons). */
static size_t clause_at(const struct cnf *c, size_t i, const int **lits)
{
	size_t n;
	const int *all = cnf_lits(c, &n);
	const size_t *st = cnf_clause_starts(c);

	*lits = all + st[i];
	return st[i + 1] - st[i];
}

/* The value of lit under the assignment of vars to bits of mask. */
static int solve_under(struct cfx *f, const int *vars, int n, unsigned mask, int lit)
{
	if (!f->s)
		f->s = sat_new(f->c, false);
	for (int i = 0; i < n; i++)
		sat_assume(f->s, (mask >> i) & 1 ? vars[i] : -vars[i]);
	assert_int_equal(sat_solve(f->s), SAT_SAT);
	return sat_value(f->s, lit) > 0;
}

/* cnf_new(): variable 1 is true, by a unit clause. */
static void test_new_has_true(void **state)
{
	struct cfx *f = *state;
	const int *l;

	assert_int_equal(cnf_nvars(f->c), 1);
	assert_int_equal(cnf_nclauses(f->c), 1);
	assert_int_equal(clause_at(f->c, 0, &l), 1);
	assert_int_equal(l[0], CNF_TRUE);
	assert_int_equal(cnf_new_var(f->c), 2);
	assert_int_equal(cnf_new_var(f->c), 3);
	assert_int_equal(cnf_nvars(f->c), 3);
	assert_int_equal(cnf_nselectors(f->c), 0);
}

/* cnf_clause(): a true literal drops the clause, false literals drop out. */
static void test_clause_folding(void **state)
{
	struct cfx *f = *state;
	int a = cnf_new_var(f->c), b = cnf_new_var(f->c);
	const int *l;

	cnf_clause3(f->c, a, CNF_FALSE, -b);
	assert_int_equal(cnf_nclauses(f->c), 2);
	assert_int_equal(clause_at(f->c, 1, &l), 2);
	assert_int_equal(l[0], a);
	assert_int_equal(l[1], -b);
	cnf_clause2(f->c, a, CNF_TRUE);
	cnf_clause3(f->c, CNF_FALSE, CNF_TRUE, b);
	assert_int_equal(cnf_nclauses(f->c), 2);
	cnf_clause(f->c, (int[]){ a, b, -a, CNF_FALSE }, 4);
	assert_int_equal(cnf_nclauses(f->c), 3);
	assert_int_equal(clause_at(f->c, 2, &l), 3);
	/* only false literals: the empty clause, unsatisfiable */
	cnf_clause1(f->c, CNF_FALSE);
	assert_int_equal(cnf_nclauses(f->c), 4);
	assert_int_equal(clause_at(f->c, 3, &l), 0);
	f->s = sat_new(f->c, false);
	assert_int_equal(sat_solve(f->s), SAT_UNSAT);
}

/* AND folds constants, repeats and complements without new variables. */
static void test_and_folding(void **state)
{
	struct cfx *f = *state;
	int x = cnf_new_var(f->c), nv, nc;

	nv = cnf_nvars(f->c);
	nc = (int)cnf_nclauses(f->c);
	assert_int_equal(cnf_and(f->c, CNF_TRUE, x), x);
	assert_int_equal(cnf_and(f->c, x, CNF_TRUE), x);
	assert_int_equal(cnf_and(f->c, CNF_FALSE, x), CNF_FALSE);
	assert_int_equal(cnf_and(f->c, x, CNF_FALSE), CNF_FALSE);
	assert_int_equal(cnf_and(f->c, x, x), x);
	assert_int_equal(cnf_and(f->c, x, -x), CNF_FALSE);
	assert_int_equal(cnf_and(f->c, -x, x), CNF_FALSE);
	assert_int_equal(cnf_and(f->c, CNF_TRUE, CNF_TRUE), CNF_TRUE);
	assert_int_equal(cnf_nvars(f->c), nv);
	assert_int_equal((int)cnf_nclauses(f->c), nc);
}

/* OR is the dual: true absorbs, false is neutral, x || !x is true. */
static void test_or_folding(void **state)
{
	struct cfx *f = *state;
	int x = cnf_new_var(f->c), nv = cnf_nvars(f->c);

	assert_int_equal(cnf_or(f->c, CNF_TRUE, x), CNF_TRUE);
	assert_int_equal(cnf_or(f->c, x, CNF_TRUE), CNF_TRUE);
	assert_int_equal(cnf_or(f->c, CNF_FALSE, x), x);
	assert_int_equal(cnf_or(f->c, x, CNF_FALSE), x);
	assert_int_equal(cnf_or(f->c, x, x), x);
	assert_int_equal(cnf_or(f->c, x, -x), CNF_TRUE);
	assert_int_equal(cnf_or(f->c, CNF_FALSE, CNF_FALSE), CNF_FALSE);
	assert_int_equal(cnf_nvars(f->c), nv);
}

/* ITE and IFF fold on constant or equal arguments. */
static void test_ite_iff_folding(void **state)
{
	struct cfx *f = *state;
	int c = cnf_new_var(f->c), a = cnf_new_var(f->c), b = cnf_new_var(f->c);
	int nv = cnf_nvars(f->c);

	assert_int_equal(cnf_ite(f->c, CNF_TRUE, a, b), a);
	assert_int_equal(cnf_ite(f->c, CNF_FALSE, a, b), b);
	assert_int_equal(cnf_ite(f->c, c, a, a), a);
	assert_int_equal(cnf_iff(f->c, a, a), CNF_TRUE);
	assert_int_equal(cnf_iff(f->c, a, -a), CNF_FALSE);
	assert_int_equal(cnf_iff(f->c, a, CNF_TRUE), a);
	assert_int_equal(cnf_iff(f->c, a, CNF_FALSE), -a);
	assert_int_equal(cnf_nvars(f->c), nv);
}

/* Hash-consing: the same AND twice (in either order) is the same
 * variable, and OR of the negations is its negation (De Morgan). */
static void test_and_hash_consed(void **state)
{
	struct cfx *f = *state;
	int x = cnf_new_var(f->c), y = cnf_new_var(f->c), z = cnf_new_var(f->c);
	int g = cnf_and(f->c, x, y), nv, nc;

	assert_true(g > z);
	nv = cnf_nvars(f->c);
	nc = (int)cnf_nclauses(f->c);
	assert_int_equal(cnf_and(f->c, x, y), g);
	assert_int_equal(cnf_and(f->c, y, x), g);
	assert_int_equal(cnf_or(f->c, -x, -y), -g);
	assert_int_equal(cnf_nvars(f->c), nv);
	assert_int_equal((int)cnf_nclauses(f->c), nc);
	/* different operands, different gates */
	assert_int_not_equal(cnf_and(f->c, x, -y), g);
	assert_int_not_equal(cnf_and(f->c, x, z), g);
	assert_int_not_equal(cnf_and(f->c, x, z), cnf_and(f->c, x, -y));
	assert_int_equal(cnf_and(f->c, z, x), cnf_and(f->c, x, z));
}

/* Many distinct gates (past the first table growth) stay distinct and
 * each is still found again. */
static void test_many_gates(void **state)
{
	struct cfx *f = *state;
	enum { NV = 400 };	/* 53067 gates: the table grows past 1 << 16 */
	int v[NV];
	static int g[NV][NV / 3];

	for (int i = 0; i < NV; i++)
		v[i] = cnf_new_var(f->c);
	for (int i = 0; i < NV; i++)
		for (int j = 0; j < NV / 3; j++)
			g[i][j] = cnf_and(f->c, v[i], -v[j]);
	for (int i = 0; i < NV; i++)
		for (int j = 0; j < NV / 3; j++) {
			if (i == j)
				assert_int_equal(g[i][j], CNF_FALSE);
			else
				assert_int_equal(cnf_and(f->c, -v[j], v[i]), g[i][j]);
		}
	assert_int_equal(cnf_nvars(f->c), 1 + NV + NV * (NV / 3) - NV / 3);
}

/* The gates mean what they say, for every assignment of their inputs. */
static void test_gate_semantics(void **state)
{
	struct cfx *f = *state;
	int v[3], and_, or_, ite, iff, nand;

	for (int i = 0; i < 3; i++)
		v[i] = cnf_new_var(f->c);
	and_ = cnf_and(f->c, v[0], v[1]);
	or_ = cnf_or(f->c, v[0], v[1]);
	ite = cnf_ite(f->c, v[2], v[0], v[1]);
	iff = cnf_iff(f->c, v[0], v[1]);
	nand = cnf_and(f->c, -v[0], v[1]);
	for (unsigned m = 0; m < 8; m++) {
		int a = m & 1, b = (m >> 1) & 1, c = (m >> 2) & 1;

		assert_int_equal(solve_under(f, v, 3, m, and_), a && b);
		assert_int_equal(solve_under(f, v, 3, m, or_), a || b);
		assert_int_equal(solve_under(f, v, 3, m, ite), c ? a : b);
		assert_int_equal(solve_under(f, v, 3, m, iff), a == b);
		assert_int_equal(solve_under(f, v, 3, m, nand), !a && b);
	}
}

/* A selector is a fresh variable recorded with its kind, location,
 * symbol and item, found again by index and by variable (either sign). */
static void test_selectors_recorded(void **state)
{
	struct cfx *f = *state;
	static const int item1 = 1, item2 = 2;
	struct symbol sym = { .name = "FOO" };
	int x = cnf_new_var(f->c);
	int s1 = cnf_selector(f->c, ITEM_DEPENDS, (struct loc){ 3, 14 }, &sym, &item1);
	int s2 = cnf_selector(f->c, ITEM_SELECT, (struct loc){ 4, 2 }, NULL, &item2);
	const struct selector *r;

	assert_int_equal(cnf_nselectors(f->c), 2);
	assert_true(s1 > x);
	assert_int_equal(s2, s1 + 1);
	r = cnf_selector_at(f->c, 0);
	assert_int_equal(r->var, s1);
	assert_int_equal(r->kind, ITEM_DEPENDS);
	assert_int_equal(r->loc.file, 3);
	assert_int_equal(r->loc.line, 14);
	assert_ptr_equal(r->sym, &sym);
	assert_ptr_equal(r->item, &item1);
	r = cnf_selector_at(f->c, 1);
	assert_int_equal(r->var, s2);
	assert_int_equal(r->kind, ITEM_SELECT);
	assert_int_equal(r->loc.line, 2);
	assert_null(r->sym);
	assert_ptr_equal(r->item, &item2);
	assert_ptr_equal(cnf_selector_of(f->c, s1), cnf_selector_at(f->c, 0));
	assert_ptr_equal(cnf_selector_of(f->c, -s2), cnf_selector_at(f->c, 1));
	assert_null(cnf_selector_of(f->c, x));
	assert_null(cnf_selector_of(f->c, CNF_TRUE));
	assert_null(cnf_selector_of(f->c, 100000));
	assert_string_equal(item_kind_name(ITEM_DEPENDS), "depends on");
	assert_string_equal(item_kind_name(ITEM_SELECT), "select");
	assert_string_equal(item_kind_name(ITEM_VISIBLE), "visible if");
}

/* Selector lookup keeps working as variables grow past its first table. */
static void test_many_selectors(void **state)
{
	struct cfx *f = *state;
	enum { NS = 5000 };
	static int sel[NS];

	for (int i = 0; i < NS; i++) {
		cnf_new_var(f->c);
		sel[i] = cnf_selector(f->c, ITEM_DEFAULT, (struct loc){ 1, (uint32_t)i + 1 }, NULL, NULL);
	}
	assert_int_equal(cnf_nselectors(f->c), NS);
	for (int i = 0; i < NS; i++) {
		const struct selector *r = cnf_selector_of(f->c, sel[i]);

		assert_non_null(r);
		assert_int_equal(r->var, sel[i]);
		assert_int_equal(r->loc.line, (uint32_t)i + 1);
		assert_null(cnf_selector_of(f->c, sel[i] - 1));
	}
}

/* DIMACS: header with the variable and clause counts (plus extra unit
 * clauses), names and selectors as comments, clauses ending in 0. */
static void test_dimacs(void **state)
{
	struct cfx *f = *state;
	int a = cnf_new_var(f->c), b = cnf_new_var(f->c);
	int s = cnf_selector(f->c, ITEM_RANGE, (struct loc){ 0, 0 }, NULL, NULL);
	int units[] = { -a };
	FILE *out = open_memstream(&f->buf, &f->len);

	assert_non_null(out);
	cnf_clause3(f->c, -s, a, b);
	cnf_name(f->c, a, "A=%c", 'y');
	cnf_write_dimacs(f->c, out, units, 1);
	fclose(out);
	assert_contains(f->buf, "p cnf 4 3\n");
	assert_contains(f->buf, "c var 2 A=y\n");
	assert_contains(f->buf, "c sel 4 range");
	assert_contains(f->buf, "\n1 0\n-4 2 3 0\n-2 0\n");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		CTEST(test_new_has_true),
		CTEST(test_clause_folding),
		CTEST(test_and_folding),
		CTEST(test_or_folding),
		CTEST(test_ite_iff_folding),
		CTEST(test_and_hash_consed),
		CTEST(test_many_gates),
		CTEST(test_gate_semantics),
		CTEST(test_selectors_recorded),
		CTEST(test_many_selectors),
		CTEST(test_dimacs),
	};

	unit_init();
	return cmocka_run_group_tests_name("cnf", tests, NULL, NULL);
}
