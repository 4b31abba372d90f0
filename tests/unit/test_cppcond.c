/* cppcond: the preprocessor conditions around each line of a C file, each
 * form of include/linux/kconfig.h, y and m apart, unknowns counted. */
#include "unit.h"

#include "kconfig/cppcond.h"

static struct cppfile *cf;

static int cf_setup(void **state)
{
	cf = NULL;
	return fx_setup(state);
}

static int cf_teardown(void **state)
{
	cpp_free(cf);
	cf = NULL;
	return fx_teardown(state);
}

#define CF_TEST(f) cmocka_unit_test_setup_teardown(f, cf_setup, cf_teardown)

static const char kconfig[] =
	"config MODULES\n\tbool \"modules\"\n\tmodules\n"
	"config A\n\ttristate \"A\"\n"
	"config B\n\tbool \"B\"\n"
	"config NR\n\tint \"NR\"\n\tdefault 4\n"
	"config ADDR\n\thex \"ADDR\"\n\tdefault 0x10\n";

static struct cppfile *read_c(struct fx *fx, const char *path, const char *text)
{
	if (!fx->t)
		assert_non_null(fx_load(fx, kconfig));
	cpp_free(cf);
	cf = cpp_read(fx->t, path, text, strlen(text));
	return cf;
}

/* The condition of line as text; "Y | M" when the two MODULE cases differ. */
static const char *line_cond(struct fx *fx, unsigned line)
{
	struct strbuf m = STRBUF_INIT;

	sb_reset(&fx->sb);
	expr_print(&fx->sb, cpp_line_cond(fx->t, cf, line, false));
	expr_print(&m, cpp_line_cond(fx->t, cf, line, true));
	if (strcmp(sb_str(&m), sb_str(&fx->sb))) {
		sb_adds(&fx->sb, " | ");
		sb_adds(&fx->sb, sb_str(&m));
	}
	sb_release(&m);
	return sb_str(&fx->sb);
}

static void test_defined_forms(void **state)
{
	struct fx *fx = *state;

	assert_non_null(read_c(fx, "a.c",
			       "int a;\n"			/* 1 */
			       "#ifdef CONFIG_A\n"		/* 2 */
			       "int ifdef;\n"			/* 3 */
			       "#endif\n"			/* 4 */
			       "#ifndef CONFIG_B\n"		/* 5 */
			       "int ifndef;\n"			/* 6 */
			       "#endif\n"			/* 7 */
			       "#if defined(CONFIG_A_MODULE)\n"	/* 8 */
			       "int amod;\n"			/* 9 */
			       "#endif\n"			/* 10 */
			       "#if defined CONFIG_NR && !defined(CONFIG_GONE)\n"	/* 11 */
			       "int nr;\n"			/* 12 */
			       "#endif\n"));			/* 13 */
	assert_string_equal(line_cond(fx, 1), "y");
	assert_string_equal(line_cond(fx, 3), "A = y");
	assert_string_equal(line_cond(fx, 6), "!(B = y)");
	assert_string_equal(line_cond(fx, 9), "A = m");
	assert_string_equal(line_cond(fx, 12), "NR != \"\" && !(GONE = y)");
	assert_int_equal(cf->br.n, 4);
	assert_int_equal(cf->unknowns.n, 0);
}

static void test_kconfig_macros(void **state)
{
	struct fx *fx = *state;

	assert_non_null(read_c(fx, "a.c",
			       "#if IS_ENABLED(CONFIG_A)\n"	/* 1 */
			       "int en;\n"			/* 2 */
			       "#elif IS_BUILTIN(CONFIG_B)\n"	/* 3 */
			       "int bi;\n"			/* 4 */
			       "#else\n"			/* 5 */
			       "int other;\n"			/* 6 */
			       "#endif\n"			/* 7 */
			       "#if IS_MODULE(CONFIG_A)\n"	/* 8 */
			       "int mo;\n"			/* 9 */
			       "#endif\n"			/* 10 */
			       "#if IS_REACHABLE(CONFIG_A)\n"	/* 11 */
			       "int re;\n"			/* 12 */
			       "#endif\n"			/* 13 */
			       "#ifdef MODULE\n"		/* 14 */
			       "int in_module;\n"		/* 15 */
			       "#endif\n"));			/* 16 */
	assert_string_equal(line_cond(fx, 2), "A != n");
	assert_string_equal(line_cond(fx, 4), "!(A != n) && B = y");
	assert_string_equal(line_cond(fx, 6), "!(A != n || B = y)");
	assert_string_equal(line_cond(fx, 9), "A = m");
	/* IS_REACHABLE: a module reaches an m symbol, built-in code does not */
	assert_string_equal(line_cond(fx, 12), "A = y | A != n");
	assert_string_equal(line_cond(fx, 15), "n | y");
}

static void test_int_comparisons(void **state)
{
	struct fx *fx = *state;

	assert_non_null(read_c(fx, "a.c",
			       "#if CONFIG_NR > 1\n"		/* 1 */
			       "int smp;\n"			/* 2 */
			       "#endif\n"			/* 3 */
			       "#if 8 <= CONFIG_NR\n"		/* 4 */
			       "int big;\n"			/* 5 */
			       "#endif\n"			/* 6 */
			       "#if CONFIG_ADDR == 16\n"	/* 7 */
			       "int addr;\n"			/* 8 */
			       "#endif\n"			/* 9 */
			       "#if CONFIG_B == 0\n"		/* 10 */
			       "int nob;\n"			/* 11 */
			       "#endif\n"			/* 12 */
			       "#if 0\n"			/* 13 */
			       "int never;\n"			/* 14 */
			       "#elif 1\n"			/* 15 */
			       "int always;\n"			/* 16 */
			       "#endif\n"			/* 17 */
			       "#if CONFIG_NR\n"		/* 18 */
			       "int nonzero;\n"			/* 19 */
			       "#endif\n"));			/* 20 */
	assert_string_equal(line_cond(fx, 2), "NR > 1");
	assert_string_equal(line_cond(fx, 5), "NR >= 8");
	assert_string_equal(line_cond(fx, 8), "ADDR = 0x10");
	assert_string_equal(line_cond(fx, 11), "!(B = y)");
	assert_string_equal(line_cond(fx, 14), "n");
	assert_string_equal(line_cond(fx, 16), "y");
	assert_string_equal(line_cond(fx, 19), "NR != \"\" && NR != 0");
}

static void test_nesting_and_comments(void **state)
{
	struct fx *fx = *state;

	assert_non_null(read_c(fx, "a.c",
			       "#ifdef CONFIG_A\n"		/* 1 */
			       "/* #ifdef CONFIG_B\n"		/* 2 */
			       "#endif */\n"			/* 3 */
			       "  # if defined(CONFIG_B) /* c\n"	/* 4 */
			       "   */ && \\\n"			/* 5 */
			       "  CONFIG_NR > 2\n"		/* 6 */
			       "int both;\n"			/* 7 */
			       "  # endif // CONFIG_B\n"	/* 8 */
			       "const char *s = \"#if 0\";\n"	/* 9 */
			       "#else\n"			/* 10 */
			       "int nota;\n"			/* 11 */
			       "#endif\n"			/* 12 */
			       "int after;\n"));		/* 13 */
	assert_string_equal(line_cond(fx, 3), "A = y");
	assert_string_equal(line_cond(fx, 7), "A = y && (B = y && NR > 2)");
	assert_string_equal(line_cond(fx, 9), "A = y");
	assert_string_equal(line_cond(fx, 11), "!(A = y)");
	assert_string_equal(line_cond(fx, 13), "y");
	assert_int_equal(cf->br.n, 3);
	assert_int_equal(cpp_line_branch(cf, 7), 1);
	assert_int_equal(cf->br.v[1].parent, 0);
	assert_int_equal(cf->br.v[1].at.line, 4);
	assert_int_equal(cf->br.v[1].first, 7);
	assert_int_equal(cf->br.v[1].last, 7);
}

static void test_guard_and_unknowns(void **state)
{
	struct fx *fx = *state;
	const struct cpp_branch *b;
	char buf[64];

	assert_non_null(read_c(fx, "inc/a.h",
			       "#ifndef _A_H\n"			/* 1 */
			       "#define _A_H\n"			/* 2 */
			       "#ifdef __KERNEL__\n"		/* 3 */
			       "int k;\n"			/* 4 */
			       "#endif\n"			/* 5 */
			       "#if defined(ARCH_HAS_FOO) && IS_ENABLED(CONFIG_B)\n"	/* 6 */
			       "int foo;\n"			/* 7 */
			       "#endif\n"			/* 8 */
			       "#if CONFIG_NR + 1 > 2\n"	/* 9 */
			       "int arith;\n"			/* 10 */
			       "#endif\n"			/* 11 */
			       "#endif\n"));			/* 12 */
	/* the include guard is no condition */
	assert_string_equal(line_cond(fx, 4), "y");
	assert_string_equal(line_cond(fx, 7),
			    "\"\\$(cpp,inc/a.h:ARCH_HAS_FOO)\" = y && B != n");
	assert_string_equal(line_cond(fx, 10), "\"\\$(cpp,inc/a.h:9)\" = y");
	assert_int_equal(cf->unknowns.n, 2);
	assert_string_equal(loc_str(cf->unknowns.v[0].at, buf, sizeof(buf)), "inc/a.h:6");
	assert_string_equal(cf->unknowns.v[0].what, "macro ARCH_HAS_FOO");
	assert_string_equal(cf->unknowns.v[1].what, "expression not modelled");
	b = &cf->br.v[cpp_line_branch(cf, 7)];
	assert_true(b->unknown);
	assert_string_equal(b->text, "#if defined(ARCH_HAS_FOO) && IS_ENABLED(CONFIG_B)");
}

static void test_elifdef(void **state)
{
	struct fx *fx = *state;

	assert_non_null(read_c(fx, "a.c",
			       "#ifdef CONFIG_A\n"		/* 1 */
			       "#elifdef CONFIG_B\n"		/* 2 */
			       "int b;\n"			/* 3 */
			       "#elifndef CONFIG_NR\n"		/* 4 */
			       "int nonr;\n"			/* 5 */
			       "#endif\n"));			/* 6 */
	assert_string_equal(line_cond(fx, 3), "!(A = y) && B = y");
	assert_string_equal(line_cond(fx, 5), "!(A = y || B = y) && !(NR != \"\")");
}

static void test_errors(void **state)
{
	struct fx *fx = *state;

	assert_null(read_c(fx, "e.c", "int x;\n#endif\n"));
	assert_contains(cap_text(&fx->cap), "e.c:2: error: '#endif' without '#if'");
	assert_null(read_c(fx, "e.c", "#else\n"));
	assert_contains(cap_text(&fx->cap), "e.c:1: error: '#else' without '#if'");
	assert_null(read_c(fx, "e.c", "#if 1\n#ifdef CONFIG_A\n#endif\n"));
	assert_contains(cap_text(&fx->cap), "e.c:1: error: '#if' without '#endif'");
	{
		struct strbuf deep = STRBUF_INIT;

		for (int i = 0; i < CPP_MAX_DEPTH + 1; i++)
			sb_adds(&deep, "#if 1\n");
		assert_null(read_c(fx, "e.c", sb_str(&deep)));
		sb_release(&deep);
		assert_contains(cap_text(&fx->cap), "error: conditionals nested deeper than 256");
	}
	{
		/* deep parentheses are bounded, not a crash */
		struct strbuf paren = STRBUF_INIT;

		sb_adds(&paren, "#if ");
		for (int i = 0; i < 10000; i++)
			sb_addc(&paren, '(');
		sb_adds(&paren, "1\nint x;\n#endif\n");
		assert_non_null(read_c(fx, "p.c", sb_str(&paren)));
		sb_release(&paren);
		assert_string_equal(line_cond(fx, 2), "\"\\$(cpp,p.c:1)\" = y");
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		CF_TEST(test_defined_forms),
		CF_TEST(test_kconfig_macros),
		CF_TEST(test_int_comparisons),
		CF_TEST(test_nesting_and_comments),
		CF_TEST(test_guard_and_unknowns),
		CF_TEST(test_elifdef),
		CF_TEST(test_errors),
	};

	unit_init();
	return cmocka_run_group_tests_name("cppcond", tests, NULL, NULL);
}
