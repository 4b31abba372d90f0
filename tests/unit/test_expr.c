/* expr.c (kconfig.h): hash-consing, the y/n simplifications, printing
 * with minimal parentheses, and printing then parsing giving the same node.
 * Also the symbol table the expressions point into. */
#include "unit.h"

/* Symbols A..F (bool) and N (int), for expressions built by hand. */
static const char decls[] =
	"config A\n\tbool\n"
	"config B\n\tbool\n"
	"config C\n\tbool\n"
	"config D\n\tbool\n"
	"config E\n\tbool\n"
	"config F\n\tbool\n"
	"config N\n\tint\n";

static struct kctree *tree(struct fx *fx)
{
	assert_non_null(fx_load(fx, decls));
	return fx->t;
}

static struct expr *S(struct fx *fx, const char *name)
{
	struct symbol *s = sym_find(fx->t, name);

	assert_non_null(s);
	return expr_sym(fx->t, s);
}

static const char *print(struct fx *fx, const struct expr *e)
{
	sb_reset(&fx->sb);
	expr_print(&fx->sb, e);
	return fx_keep(fx, strdup(sb_str(&fx->sb)));
}

/* The `depends on` expression of config NAME, as parsed. */
static struct expr *dep_of(struct fx *fx, const char *name)
{
	struct symbol *s = sym_find(fx->t, name);

	assert_non_null(s);
	assert_non_null(s->menus);
	assert_non_null(s->menus->deps);
	return s->menus->deps->expr;
}

/* ---- hash-consing ---- */

static void test_symbol_nodes_shared(void **state)
{
	struct fx *fx = *state;
	struct kctree *t = tree(fx);
	struct symbol *a = sym_find(t, "A");

	assert_ptr_equal(expr_sym(t, a), expr_sym(t, a));
	assert_ptr_not_equal(expr_sym(t, a), S(fx, "B"));
	assert_int_equal(expr_sym(t, a)->type, E_SYMBOL);
	assert_ptr_equal(expr_sym(t, a)->sym, a);
}

static void test_compound_nodes_shared(void **state)
{
	struct fx *fx = *state;
	struct kctree *t = tree(fx);
	struct expr *a = S(fx, "A"), *b = S(fx, "B"), *c = S(fx, "C");
	struct expr *ab = expr_and(t, a, b);

	assert_ptr_equal(expr_and(t, a, b), ab);
	assert_ptr_equal(expr_or(t, ab, c), expr_or(t, expr_and(t, a, b), c));
	assert_ptr_equal(expr_not(t, ab), expr_not(t, expr_and(t, a, b)));
	/* structure matters: no commutativity, and/or differ */
	assert_ptr_not_equal(expr_and(t, b, a), ab);
	assert_ptr_not_equal(expr_or(t, a, b), ab);
	assert_int_equal(ab->type, E_AND);
	assert_ptr_equal(ab->left, a);
	assert_ptr_equal(ab->right, b);
}

static void test_comparison_nodes_shared(void **state)
{
	struct fx *fx = *state;
	struct kctree *t = tree(fx);
	struct symbol *a = sym_find(t, "A"), *b = sym_find(t, "B");
	struct expr *eq = expr_cmp(t, E_EQUAL, a, b);

	assert_ptr_equal(expr_cmp(t, E_EQUAL, a, b), eq);
	assert_ptr_not_equal(expr_cmp(t, E_UNEQUAL, a, b), eq);
	assert_ptr_not_equal(expr_cmp(t, E_EQUAL, b, a), eq);
	assert_ptr_equal(eq->sym, a);
	assert_ptr_equal(eq->rsym, b);
	/* a comparison is not the symbol node of its left side */
	assert_ptr_not_equal(eq, expr_sym(t, a));
}

static void test_dense_ids(void **state)
{
	struct fx *fx = *state;
	struct kctree *t = tree(fx);
	size_t before = t->exprs.n;
	struct expr *x = expr_and(t, S(fx, "E"), S(fx, "F"));
	struct expr *y = expr_not(t, x);

	for (size_t i = 0; i < t->exprs.n; i++)
		assert_int_equal(t->exprs.v[i]->id, i);
	assert_ptr_equal(t->exprs.v[x->id], x);
	assert_true(y->id > x->id);	/* creation order */
	/* asking again creates nothing */
	{
		size_t n = t->exprs.n;

		expr_not(t, expr_and(t, S(fx, "E"), S(fx, "F")));
		assert_int_equal(t->exprs.n, n);
	}
	assert_true(t->exprs.n > before);
}

static void test_many_nodes_survive_rehash(void **state)
{
	struct fx *fx = *state;
	struct kctree *t = tree(fx);
	struct expr *chain[20000];
	struct expr *e = S(fx, "A");

	/* enough nodes to grow the table several times */
	for (int i = 0; i < 20000; i++) {
		e = expr_and(t, e, (i & 1) ? S(fx, "B") : S(fx, "C"));
		chain[i] = e;
	}
	e = S(fx, "A");
	for (int i = 0; i < 20000; i++) {
		e = expr_and(t, e, (i & 1) ? S(fx, "B") : S(fx, "C"));
		assert_ptr_equal(e, chain[i]);
	}
}

static void test_parsed_expressions_shared(void **state)
{
	struct fx *fx = *state;
	struct kctree *t;

	t = fx_load(fx, "config A\n\tbool\nconfig B\n\tbool\n"
			"config X\n\tbool\n\tdepends on A && !B\n"
			"config Y\n\tbool\n\tdepends on (A) && (!(B))\n");
	assert_non_null(t);
	assert_ptr_equal(dep_of(fx, "X"), dep_of(fx, "Y"));
	assert_ptr_equal(dep_of(fx, "X"),
			 expr_and(t, S(fx, "A"), expr_not(t, S(fx, "B"))));
	/* the folded dependency is the same node as well */
	assert_ptr_equal(sym_find(t, "X")->dir_dep, dep_of(fx, "X"));
}

/* ---- simplifications ---- */

static void test_and_simplifications(void **state)
{
	struct fx *fx = *state;
	struct kctree *t = tree(fx);
	struct expr *a = S(fx, "A");
	struct expr *y = expr_sym(t, &t->sym_y), *n = expr_sym(t, &t->sym_n);
	struct expr *m = expr_sym(t, &t->sym_m);
	struct expr *e;

	assert_null(expr_and(t, NULL, NULL));
	assert_ptr_equal(expr_and(t, NULL, a), a);
	assert_ptr_equal(expr_and(t, a, NULL), a);
	assert_ptr_equal(expr_and(t, y, a), a);
	assert_ptr_equal(expr_and(t, a, y), a);
	assert_ptr_equal(expr_and(t, n, a), n);
	assert_ptr_equal(expr_and(t, a, n), n);
	assert_ptr_equal(expr_and(t, a, a), a);
	assert_ptr_equal(expr_and(t, y, y), y);
	assert_ptr_equal(expr_and(t, n, y), n);
	assert_ptr_equal(expr_and(t, NULL, n), n);
	/* m is not an identity or absorbing element of && */
	e = expr_and(t, m, a);
	assert_int_equal(e->type, E_AND);
	assert_ptr_equal(e->left, m);
	assert_ptr_equal(e->right, a);
}

static void test_or_simplifications(void **state)
{
	struct fx *fx = *state;
	struct kctree *t = tree(fx);
	struct expr *a = S(fx, "A");
	struct expr *y = expr_sym(t, &t->sym_y), *n = expr_sym(t, &t->sym_n);
	struct expr *m = expr_sym(t, &t->sym_m);

	assert_null(expr_or(t, NULL, NULL));
	assert_ptr_equal(expr_or(t, NULL, a), a);
	assert_ptr_equal(expr_or(t, a, NULL), a);
	assert_ptr_equal(expr_or(t, n, a), a);
	assert_ptr_equal(expr_or(t, a, n), a);
	assert_ptr_equal(expr_or(t, y, a), y);
	assert_ptr_equal(expr_or(t, a, y), y);
	assert_ptr_equal(expr_or(t, a, a), a);
	assert_ptr_equal(expr_or(t, n, n), n);
	assert_ptr_equal(expr_or(t, n, y), y);
	assert_int_equal(expr_or(t, m, a)->type, E_OR);
}

static void test_not(void **state)
{
	struct fx *fx = *state;
	struct kctree *t = tree(fx);
	struct expr *a = S(fx, "A");
	struct expr *na = expr_not(t, a);

	/* NULL is y, so its negation is n */
	assert_ptr_equal(expr_not(t, NULL), expr_sym(t, &t->sym_n));
	assert_int_equal(na->type, E_NOT);
	assert_ptr_equal(na->left, a);
	assert_ptr_not_equal(expr_not(t, na), a);	/* !!A kept as written */
	assert_ptr_equal(expr_not(t, na)->left, na);
}

static void test_simplified_in_dependencies(void **state)
{
	struct fx *fx = *state;
	struct kctree *t;

	t = fx_load(fx, "config A\n\tbool\n"
			"config X\n\tbool\n\tdepends on y && A\n"
			"config Z\n\tbool\n\tdepends on n || A\n"
			"config W\n\tbool\n\tdepends on A || y\n");
	assert_non_null(t);
	assert_ptr_equal(sym_find(t, "X")->dir_dep, S(fx, "A"));
	assert_ptr_equal(sym_find(t, "Z")->dir_dep, S(fx, "A"));
	/* y as a dependency is "none" */
	assert_null(sym_find(t, "W")->dir_dep);
	{
		struct expr *d = sym_find(t, "W")->menus->dep;

		assert_true(d == NULL || d == expr_sym(t, &t->sym_y));
	}
}

/* ---- containment ---- */

static void test_contains_sym(void **state)
{
	struct fx *fx = *state;
	struct kctree *t = tree(fx);
	struct symbol *a = sym_find(t, "A"), *b = sym_find(t, "B");
	struct symbol *c = sym_find(t, "C"), *d = sym_find(t, "D");
	struct expr *e = expr_or(t, expr_and(t, S(fx, "A"), expr_not(t, S(fx, "B"))),
				 expr_cmp(t, E_LTH, c, &t->sym_y));

	assert_true(expr_contains_sym(e, a));
	assert_true(expr_contains_sym(e, b));
	assert_true(expr_contains_sym(e, c));
	assert_true(expr_contains_sym(e, &t->sym_y));
	assert_false(expr_contains_sym(e, d));
	assert_false(expr_contains_sym(NULL, a));
	assert_true(expr_contains_sym(expr_cmp(t, E_EQUAL, d, a), a));
}

/* ---- printing ---- */

static void test_print_symbols(void **state)
{
	struct fx *fx = *state;
	struct kctree *t = tree(fx);

	assert_string_equal(print(fx, NULL), "y");
	assert_string_equal(print(fx, S(fx, "A")), "A");
	assert_string_equal(print(fx, expr_sym(t, &t->sym_y)), "y");
	assert_string_equal(print(fx, expr_sym(t, &t->sym_m)), "m");
	assert_string_equal(print(fx, expr_sym(t, &t->sym_n)), "n");
	assert_string_equal(print(fx, expr_sym(t, sym_lookup(t, "foo bar", true))), "\"foo bar\"");
	assert_string_equal(print(fx, expr_sym(t, sym_lookup(t, "a\"b\\c", true))), "\"a\\\"b\\\\c\"");
	assert_string_equal(print(fx, expr_sym(t, sym_lookup(t, "", true))), "\"\"");
	/* a constant "y" is the y symbol */
	assert_ptr_equal(sym_lookup(t, "y", true), &t->sym_y);
}

static void test_print_comparisons(void **state)
{
	struct fx *fx = *state;
	struct kctree *t = tree(fx);
	struct symbol *n = sym_find(t, "N"), *a = sym_find(t, "A");
	struct symbol *k = sym_lookup(t, "16", false), *s = sym_lookup(t, "x y", true);

	assert_string_equal(print(fx, expr_cmp(t, E_EQUAL, a, &t->sym_y)), "A = y");
	assert_string_equal(print(fx, expr_cmp(t, E_UNEQUAL, a, s)), "A != \"x y\"");
	assert_string_equal(print(fx, expr_cmp(t, E_LTH, n, k)), "N < 16");
	assert_string_equal(print(fx, expr_cmp(t, E_LEQ, n, k)), "N <= 16");
	assert_string_equal(print(fx, expr_cmp(t, E_GTH, n, k)), "N > 16");
	assert_string_equal(print(fx, expr_cmp(t, E_GEQ, n, k)), "N >= 16");
}

static void test_print_minimal_parentheses(void **state)
{
	struct fx *fx = *state;
	struct kctree *t = tree(fx);
	struct expr *a = S(fx, "A"), *b = S(fx, "B"), *c = S(fx, "C"), *d = S(fx, "D");

	assert_string_equal(print(fx, expr_and(t, a, b)), "A && B");
	assert_string_equal(print(fx, expr_or(t, a, b)), "A || B");
	assert_string_equal(print(fx, expr_not(t, a)), "!A");
	assert_string_equal(print(fx, expr_and(t, expr_and(t, a, b), c)), "A && B && C");
	assert_string_equal(print(fx, expr_or(t, expr_or(t, a, b), c)), "A || B || C");
	assert_string_equal(print(fx, expr_or(t, expr_and(t, a, b), c)), "A && B || C");
	assert_string_equal(print(fx, expr_or(t, a, expr_and(t, b, c))), "A || B && C");
	assert_string_equal(print(fx, expr_or(t, expr_and(t, a, b), expr_and(t, c, d))),
			    "A && B || C && D");
	assert_string_equal(print(fx, expr_and(t, expr_or(t, a, b), c)), "(A || B) && C");
	assert_string_equal(print(fx, expr_and(t, a, expr_or(t, b, c))), "A && (B || C)");
	assert_string_equal(print(fx, expr_and(t, expr_or(t, a, b), expr_or(t, c, d))),
			    "(A || B) && (C || D)");
	assert_string_equal(print(fx, expr_not(t, expr_and(t, a, b))), "!(A && B)");
	assert_string_equal(print(fx, expr_not(t, expr_or(t, a, b))), "!(A || B)");
	assert_string_equal(print(fx, expr_and(t, expr_not(t, a), expr_not(t, b))), "!A && !B");
	assert_string_equal(print(fx, expr_or(t, expr_cmp(t, E_EQUAL, sym_find(t, "A"), &t->sym_m),
					      expr_not(t, b))),
			    "A = m || !B");
	assert_string_equal(print(fx, expr_and(t, expr_cmp(t, E_EQUAL, sym_find(t, "A"), &t->sym_m),
					       expr_cmp(t, E_UNEQUAL, sym_find(t, "B"), &t->sym_n))),
			    "A = m && B != n");
}

static void test_print_unnamed_choice(void **state)
{
	struct fx *fx = *state;
	struct kctree *t;
	struct menu *m;

	t = fx_load(fx, "choice\n\tprompt \"c\"\nconfig X\n\tbool \"x\"\nendchoice\n");
	assert_non_null(t);
	m = t->root.list;
	assert_int_equal(m->kind, M_CHOICE);
	assert_null(m->sym->name);
	assert_string_equal(print(fx, expr_sym(t, m->sym)), "<choice@Kconfig:1>");
}

/* Parse each expression, print it, parse the printed text in the same tree
 * and check it is the very same node (and prints the same). */
static void round_trip(struct fx *fx, const char *const *exprs, size_t n)
{
	struct strbuf src = STRBUF_INIT, errs = STRBUF_INIT;
	const char *printed[8];
	struct kctree *t;

	assert_true(n <= 8);
	sb_adds(&src, decls);
	for (size_t i = 0; i < n; i++)
		sb_addf(&src, "config X%zu\n\tbool\n\tdepends on %s\n", i, exprs[i]);
	t = fx_load(fx, sb_str(&src));
	sb_release(&src);
	assert_non_null(t);
	for (size_t i = 0; i < n; i++) {
		char name[16];

		snprintf(name, sizeof(name), "X%zu", i);
		printed[i] = print(fx, dep_of(fx, name));
	}

	/* second tree: the original and its printed form side by side */
	for (size_t i = 0; i < n; i++) {
		struct strbuf s2 = STRBUF_INIT;
		struct expr *orig, *again;
		const char *p2;

		sb_adds(&s2, decls);
		sb_addf(&s2, "config O\n\tbool\n\tdepends on %s\n", exprs[i]);
		sb_addf(&s2, "config P\n\tbool\n\tdepends on %s\n", printed[i]);
		t = fx_load(fx, sb_str(&s2));
		sb_release(&s2);
		if (!t) {
			sb_addf(&errs, "\n  \"%s\" printed as \"%s\", which does not parse",
				exprs[i], printed[i]);
			continue;
		}
		orig = dep_of(fx, "O");
		again = dep_of(fx, "P");
		sb_reset(&fx->sb);
		expr_print(&fx->sb, again);
		p2 = sb_str(&fx->sb);
		if (strcmp(p2, printed[i]))
			sb_addf(&errs, "\n  \"%s\" printed as \"%s\", reprinted as \"%s\"",
				exprs[i], printed[i], p2);
		else if (orig != again)
			sb_addf(&errs, "\n  \"%s\" printed as \"%s\", which parses to a different expression",
				exprs[i], printed[i]);
	}
	if (errs.len) {
		char *msg = fx_keep(fx, sb_detach(&errs));

		fail_msg("round trip failed:%s", msg);
	}
}

/* expr_print_values(): the hook follows each named, non-constant symbol,
 * never a constant or an undefined symbol (a number), as conf's warnings print " [=v]". */
static void mark_hook(void *ctx, struct strbuf *sb, const struct symbol *s)
{
	(*(int *)ctx)++;
	sb_addf(sb, " [=%c]", s->name[0] == 'A' ? 'y' : 'n');
}

static void test_print_values(void **state)
{
	struct fx *fx = *state;
	int calls = 0;
	struct expr *e;

	sb_adds(&fx->sb, decls);
	sb_adds(&fx->sb, "config O\n\tbool\n\tdepends on !A && (B || N >= 3) && C != y\n");
	assert_non_null(fx_load(fx, sb_str(&fx->sb)));
	e = dep_of(fx, "O");
	sb_reset(&fx->sb);
	expr_print_values(&fx->sb, e, mark_hook, &calls);
	assert_string_equal(sb_str(&fx->sb), "!A [=y] && (B [=n] || N [=n] >= 3) && C [=n] != y");
	assert_int_equal(calls, 4);
	/* without a hook it is expr_print() */
	assert_string_equal(print(fx, e), "!A && (B || N >= 3) && C != y");
}

static void test_round_trip_left_nested(void **state)
{
	static const char *const exprs[] = {
		"A",
		"!A && (B || C) && N >= 3",
		"A && B || C && !D",
		"(A || B) && (C || D)",
		"!(A && B) || !(C = y)",
		"A = \"str\" || B != \"a\\\"b\"",
		"((A || B) || C) && D",
		"!!A",
	};

	round_trip(*state, exprs, sizeof(exprs) / sizeof(exprs[0]));
}

static void test_round_trip_right_nested(void **state)
{
	/* explicit parentheses on the right of the same operator make a
	 * different (right-nested) node; printing must keep them */
	static const char *const exprs[] = {
		"A && (B && C)",
		"A || (B || C)",
		"(A && B) && (C && D)",
		"A || (B || C && D)",
		"((A || B) || C) && ((D && E) && F)",
	};

	round_trip(*state, exprs, sizeof(exprs) / sizeof(exprs[0]));
}

static void test_round_trip_dollar_in_constant(void **state)
{
	/* "\$(" in a string is a literal "$(" (the lexer's escape); printed
	 * back unescaped it is expanded as a macro when reparsed.  The same
	 * goes for a $(shell,...) result whose command has quotes: inside a
	 * reference the lexer takes the text raw (up to the matching ')'), so
	 * quotes escaped by the printer stay escaped in the command. */
	static const char *const exprs[] = {
		"A = \"\\$(B)\"",
		"A != \"cost \\$(x) \\\" \\\\\"",
		/* $(shell,...) results print as their command, in quotes */
		"B != $(shell,uname -m)",
		"A = \"$(shell,echo \\\"x\\\")\"",
	};

	round_trip(*state, exprs, sizeof(exprs) / sizeof(exprs[0]));
}

/* ---- symbols ---- */

static void test_sym_lookup(void **state)
{
	struct fx *fx = *state;
	struct kctree *t = tree(fx);
	struct symbol *a = sym_find(t, "A");
	struct symbol *ca = sym_lookup(t, "A", true);
	struct symbol *nw = sym_lookup(t, "NEW", false);

	assert_ptr_equal(sym_lookup(t, "A", false), a);
	assert_ptr_not_equal(ca, a);		/* "A" the string is another symbol */
	assert_true(ca->flags & SYM_CONST);
	assert_false(a->flags & SYM_CONST);
	assert_ptr_equal(sym_lookup(t, "A", true), ca);
	assert_ptr_equal(sym_find(t, "NEW"), nw);
	assert_false(nw->flags & SYM_DEFINED);
	assert_true(a->flags & SYM_DEFINED);
	assert_null(sym_find(t, "MISSING"));
	assert_ptr_equal(t->syms.v[nw->id], nw);
	assert_ptr_equal(sym_find(t, "m"), &t->sym_m);
	assert_ptr_equal(sym_lookup(t, "n", false), &t->sym_n);
	assert_string_equal(sym_type_name(a->type), "bool");
	assert_string_equal(sym_type_name(sym_find(t, "N")->type), "int");
}

static void test_many_symbols(void **state)
{
	struct fx *fx = *state;
	struct kctree *t = tree(fx);
	struct symbol *s[6000];
	char name[32];

	for (int i = 0; i < 6000; i++) {
		snprintf(name, sizeof(name), "SYM_%d", i);
		s[i] = sym_lookup(t, name, false);
	}
	for (int i = 0; i < 6000; i++) {
		snprintf(name, sizeof(name), "SYM_%d", i);
		assert_ptr_equal(sym_find(t, name), s[i]);
		assert_string_equal(s[i]->name, name);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		FX_TEST(test_symbol_nodes_shared),
		FX_TEST(test_compound_nodes_shared),
		FX_TEST(test_comparison_nodes_shared),
		FX_TEST(test_dense_ids),
		FX_TEST(test_many_nodes_survive_rehash),
		FX_TEST(test_parsed_expressions_shared),
		FX_TEST(test_and_simplifications),
		FX_TEST(test_or_simplifications),
		FX_TEST(test_not),
		FX_TEST(test_simplified_in_dependencies),
		FX_TEST(test_contains_sym),
		FX_TEST(test_print_symbols),
		FX_TEST(test_print_comparisons),
		FX_TEST(test_print_minimal_parentheses),
		FX_TEST(test_print_unnamed_choice),
		FX_TEST(test_print_values),
		FX_TEST(test_round_trip_left_nested),
		FX_TEST(test_round_trip_right_nested),
		FX_TEST(test_round_trip_dollar_in_constant),
		FX_TEST(test_sym_lookup),
		FX_TEST(test_many_symbols),
	};

	unit_init();
	return cmocka_run_group_tests_name("expr", tests, NULL, NULL);
}
