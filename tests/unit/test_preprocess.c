/* preprocess.h: the Kconfig macro language. */
#include "unit.h"

#include <sys/wait.h>
#include <unistd.h>

/* Expand one token from the start of s; the result is kept until teardown
 * (NULL after an error).  *rest, when given, receives where it stopped. */
static const char *expand_rest(struct fx *fx, const char *s, const char **rest)
{
	const char *p = s;
	char *r = pp_expand_token(fx->pp, &p);

	if (rest)
		*rest = p;
	return r ? fx_keep(fx, r) : NULL;
}

static const char *expand(struct fx *fx, const char *s)
{
	return expand_rest(fx, s, NULL);
}

/* Render unknown markers as $(shell,...). */
static const char *render(struct fx *fx, const char *s)
{
	sb_reset(&fx->sb);
	pp_render(fx->pp, s, &fx->sb);
	return sb_str(&fx->sb);
}

static void at_line(struct fx *fx, const char *file, unsigned line)
{
	pp_set_loc(fx->pp, (struct loc){ diag_file_intern(file), line });
}

static int pp_setup(void **state)
{
	struct fx *fx;

	if (fx_setup(state))
		return -1;
	fx = *state;
	fx->pp = pp_new(SHELL_OFF);
	at_line(fx, "Kconfig", 1);
	return 0;
}

static int pp_run_setup(void **state)
{
	struct fx *fx;

	if (fx_setup(state))
		return -1;
	fx = *state;
	fx->pp = pp_new(SHELL_RUN);
	at_line(fx, "Kconfig", 1);
	return 0;
}

#define PP_TEST(f) cmocka_unit_test_setup_teardown(f, pp_setup, fx_teardown)
#define PP_RUN_TEST(f) cmocka_unit_test_setup_teardown(f, pp_run_setup, fx_teardown)

/* ---- variables ---- */

static void test_recursive_flavor_expands_late(void **state)
{
	struct fx *fx = *state;

	assert_true(pp_assign(fx->pp, "B", "one", VAR_RECURSIVE));
	assert_true(pp_assign(fx->pp, "A", "<$(B)>", VAR_RECURSIVE));
	assert_string_equal(expand(fx, "$(A)"), "<one>");
	assert_true(pp_assign(fx->pp, "B", "two", VAR_RECURSIVE));
	assert_string_equal(expand(fx, "$(A)"), "<two>");
	assert_int_equal(diag_error_count(), 0);
}

static void test_simple_flavor_expands_at_assignment(void **state)
{
	struct fx *fx = *state;

	assert_true(pp_assign(fx->pp, "B", "one", VAR_RECURSIVE));
	assert_true(pp_assign(fx->pp, "A", "<$(B)>", VAR_SIMPLE));
	assert_true(pp_assign(fx->pp, "B", "two", VAR_RECURSIVE));
	assert_string_equal(expand(fx, "$(A)"), "<one>");
	/* "$$" is no escape: a lone '$' stays, the reference expands */
	assert_true(pp_assign(fx->pp, "D", "$$(B)", VAR_SIMPLE));
	assert_string_equal(expand(fx, "$(D)"), "$two");
}

static void test_append_recursive(void **state)
{
	struct fx *fx = *state;

	assert_true(pp_assign(fx->pp, "A", "x", VAR_RECURSIVE));
	assert_true(pp_assign(fx->pp, "A", "$(B)", VAR_APPEND));
	assert_true(pp_assign(fx->pp, "B", "y", VAR_RECURSIVE));
	assert_string_equal(expand(fx, "$(A)"), "x y");
	assert_true(pp_assign(fx->pp, "B", "z", VAR_RECURSIVE));
	assert_string_equal(expand(fx, "$(A)"), "x z");	/* still recursive */
}

static void test_append_simple(void **state)
{
	struct fx *fx = *state;

	assert_true(pp_assign(fx->pp, "B", "y", VAR_RECURSIVE));
	assert_true(pp_assign(fx->pp, "S", "a", VAR_SIMPLE));
	assert_true(pp_assign(fx->pp, "S", "$(B)", VAR_APPEND));
	assert_true(pp_assign(fx->pp, "B", "z", VAR_RECURSIVE));
	assert_string_equal(expand(fx, "$(S)"), "a y");	/* expanded at += */
}

static void test_append_undefined_is_recursive(void **state)
{
	struct fx *fx = *state;

	assert_true(pp_assign(fx->pp, "U", "$(B)", VAR_APPEND));
	assert_true(pp_assign(fx->pp, "B", "late", VAR_RECURSIVE));
	assert_string_equal(expand(fx, "$(U)"), "late");	/* no leading space */
}

static void test_reassign_replaces(void **state)
{
	struct fx *fx = *state;

	assert_true(pp_assign(fx->pp, "A", "1", VAR_RECURSIVE));
	assert_true(pp_assign(fx->pp, "A", "2", VAR_SIMPLE));
	assert_string_equal(expand(fx, "$(A)"), "2");
	assert_true(pp_assign(fx->pp, "A", "", VAR_RECURSIVE));
	assert_string_equal(expand(fx, "$(A)"), "");
}

static void test_reference_inside_token(void **state)
{
	struct fx *fx = *state;
	const char *rest;

	assert_true(pp_assign(fx->pp, "V", "mid", VAR_RECURSIVE));
	assert_string_equal(expand_rest(fx, "pre$(V)post rest", &rest), "premidpost");
	assert_string_equal(rest, " rest");
	/* a token is word characters and references, up to anything else */
	assert_string_equal(expand_rest(fx, "$(V).x", &rest), "mid");
	assert_string_equal(rest, ".x");
	assert_string_equal(expand_rest(fx, "a-b_9$(V)=y", &rest), "a-b_9mid");
	assert_string_equal(rest, "=y");
	/* a reference may contain spaces and commas */
	assert_string_equal(expand_rest(fx, "$(V )x", &rest), "x");
	assert_string_equal(rest, "");
}

static void test_undefined_is_empty(void **state)
{
	struct fx *fx = *state;

	unsetenv("KCSAT_TEST_SURELY_UNSET");
	/* not passed: an unknown that names the variable */
	assert_string_equal(render(fx, expand(fx, "a$(KCSAT_TEST_SURELY_UNSET)b")),
			    "a$(KCSAT_TEST_SURELY_UNSET)b");
	pp_pass_env(fx->pp, "KCSAT_TEST_SURELY_UNSET");
	assert_string_equal(expand(fx, "$(KCSAT_TEST_SURELY_UNSET)"), "");
	assert_string_equal(expand(fx, "a$(KCSAT_TEST_SURELY_UNSET)b"), "ab");
	assert_int_equal(diag_error_count(), 0);
}

/* ---- user functions ---- */

static void test_user_function_arguments(void **state)
{
	struct fx *fx = *state;

	assert_true(pp_assign(fx->pp, "f", "<$(1)|$(2)>", VAR_RECURSIVE));
	assert_string_equal(expand(fx, "$(f,a,b)"), "<a|b>");
	assert_string_equal(expand(fx, "$(f,a b,c d)"), "<a b|c d>");
	/* a missing argument is empty */
	assert_string_equal(expand(fx, "$(f,only)"), "<only|>");
	/* arguments are expanded before the call */
	assert_true(pp_assign(fx->pp, "X", "ex", VAR_RECURSIVE));
	assert_string_equal(expand(fx, "$(f,$(X),$(X)2)"), "<ex|ex2>");
	/* commas inside nested parentheses belong to the argument */
	assert_true(pp_assign(fx->pp, "g", "[$(1)]", VAR_RECURSIVE));
	assert_string_equal(expand(fx, "$(f,$(g,p,q),z)"), "<[p]|z>");
}

static void test_user_function_calls_function(void **state)
{
	struct fx *fx = *state;

	/* kernel idiom: success = $(if-success,...) style helpers */
	assert_true(pp_assign(fx->pp, "inner", "($(1))", VAR_RECURSIVE));
	assert_true(pp_assign(fx->pp, "outer", "$(inner,$(1)$(1))", VAR_RECURSIVE));
	assert_string_equal(expand(fx, "$(outer,ab)"), "(abab)");
	/* a function may call itself with other arguments */
	assert_true(pp_assign(fx->pp, "twice", "$(1)$(1)", VAR_RECURSIVE));
	assert_string_equal(expand(fx, "$(twice,$(twice,x))"), "xxxx");
	assert_int_equal(diag_error_count(), 0);
}

/* An unknown is shown as the macro call that made it, the outermost one;
 * a `:=` variable holding one as $(NAME); a bare $(shell,...) as itself. */
static void test_display_names_the_macro_call(void **state)
{
	struct fx *fx = *state;
	struct strbuf sb = STRBUF_INIT;
	const char *r;

	assert_true(pp_assign(fx->pp, "success",
			      "$(shell,{ $(1); } >/dev/null 2>&1 && echo y || echo n)", VAR_RECURSIVE));
	assert_true(pp_assign(fx->pp, "cc-option", "$(success,$(CC) -Werror $(1) -c)",
			      VAR_RECURSIVE));
	assert_true(pp_assign(fx->pp, "cc-name", "$(shell,set -- x && echo $1)", VAR_SIMPLE));
	r = expand(fx, "$(cc-option,-mpcrel)");
	pp_display(fx->pp, r, &sb);
	assert_string_equal(sb_str(&sb), "$(cc-option,-mpcrel)");
	sb_reset(&sb);
	r = expand(fx, "$(success,test \"$(cc-name)\" = GCC)");
	pp_display(fx->pp, r, &sb);
	assert_string_equal(sb_str(&sb), "$(success,test \"$(cc-name)\" = GCC)");
	sb_reset(&sb);
	r = expand(fx, "$(shell,uname)");
	pp_display(fx->pp, r, &sb);
	assert_string_equal(sb_str(&sb), "$(shell,uname)");
	/* the symbol name stays the command itself ($(CC) unset: unknown) */
	assert_string_equal(render(fx, expand(fx, "$(cc-option,-x)")),
			    "$(shell,{ $(CC) -Werror -x -c; } >/dev/null 2>&1 && echo y || echo n)");
	sb_release(&sb);
	assert_int_equal(diag_error_count(), 0);
}

/* ---- built-in functions ---- */

static void test_info(void **state)
{
	struct fx *fx = *state;

	at_line(fx, "arch/Kconfig", 5);
	assert_string_equal(expand(fx, "$(info,hello world)"), "");
	assert_string_equal(cap_text(&fx->cap), "arch/Kconfig:5: note: hello world\n");
	assert_int_equal(diag_error_count(), 0);
	assert_int_equal(diag_warning_count(), 0);
}

static void test_warning_if(void **state)
{
	struct fx *fx = *state;

	at_line(fx, "Kconfig", 9);
	assert_string_equal(expand(fx, "$(warning-if,n,not shown)"), "");
	assert_string_equal(expand(fx, "$(warning-if,,not shown)"), "");
	assert_string_equal(cap_text(&fx->cap), "");
	assert_string_equal(expand(fx, "$(warning-if,y,careful)"), "");
	assert_string_equal(cap_text(&fx->cap), "Kconfig:9: warning: careful\n");
	assert_int_equal(diag_warning_count(), 1);
	assert_int_equal(diag_error_count(), 0);
}

static void test_error_if(void **state)
{
	struct fx *fx = *state;

	at_line(fx, "Kconfig", 11);
	assert_string_equal(expand(fx, "$(error-if,n,fine)"), "");
	assert_int_equal(diag_error_count(), 0);
	assert_null(expand(fx, "$(error-if,y,broken toolchain)"));
	assert_string_equal(cap_text(&fx->cap), "Kconfig:11: error: broken toolchain\n");
	assert_int_equal(diag_error_count(), 1);
	/* the condition is expanded first */
	assert_true(pp_assign(fx->pp, "C", "y", VAR_RECURSIVE));
	assert_null(expand(fx, "$(error-if,$(C),again)"));
	assert_int_equal(diag_error_count(), 2);
	/* the failure does not stick to the next expansion */
	assert_string_equal(expand(fx, "ok"), "ok");
}

static void test_filename_and_lineno(void **state)
{
	struct fx *fx = *state;

	at_line(fx, "drivers/net/Kconfig", 123);
	assert_string_equal(expand(fx, "$(filename)"), "drivers/net/Kconfig");
	assert_string_equal(expand(fx, "$(lineno)"), "123");
	assert_string_equal(expand(fx, "L$(lineno)x"), "L123x");
	pp_set_loc(fx->pp, (struct loc){ 0, 0 });
	assert_string_equal(expand(fx, "$(filename)"), "");
	assert_string_equal(expand(fx, "$(lineno)"), "0");
}

static void test_too_many_arguments(void **state)
{
	struct fx *fx = *state;

	at_line(fx, "Kconfig", 2);
	assert_null(expand(fx, "$(info,a,b)"));
	assert_contains(cap_text(&fx->cap),
			"Kconfig:2: error: too many function arguments passed to 'info'");
	assert_null(expand(fx, "$(filename,x)"));
	assert_contains(cap_text(&fx->cap), "too many function arguments passed to 'filename'");
	assert_null(expand(fx, "$(error-if,y)"));
	assert_contains(cap_text(&fx->cap), "too few function arguments passed to 'error-if'");
	assert_int_equal(diag_error_count(), 3);
}

static void test_argument_limit(void **state)
{
	struct fx *fx = *state;

	assert_true(pp_assign(fx->pp, "f", "$(15)", VAR_RECURSIVE));
	/* name + 15 arguments fit */
	assert_string_equal(expand(fx, "$(f,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15)"), "15");
	assert_int_equal(diag_error_count(), 0);
	/* name + 16 do not */
	assert_null(expand(fx, "$(f,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16)"));
	assert_contains(cap_text(&fx->cap), "too many function arguments");
	assert_int_equal(diag_error_count(), 1);
	/* far too many: still one clean error, no overflow */
	assert_null(expand(fx, "$(f,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25)"));
	assert_int_equal(diag_error_count(), 2);
}

/* ---- environment ---- */

static void test_environment(void **state)
{
	struct fx *fx = *state;

	setenv("KCSAT_TEST_PROC_ENV", "from-process", 1);
	setenv("KCSAT_TEST_PROC_OTHER", "secret", 1);
	/* read only when passed (--env NAME, --env=all) */
	assert_string_equal(render(fx, expand(fx, "$(KCSAT_TEST_PROC_ENV)")), "$(KCSAT_TEST_PROC_ENV)");
	pp_pass_env(fx->pp, "KCSAT_TEST_PROC_ENV");
	assert_string_equal(expand(fx, "$(KCSAT_TEST_PROC_ENV)"), "from-process");
	assert_string_equal(render(fx, expand(fx, "$(KCSAT_TEST_PROC_OTHER)")), "$(KCSAT_TEST_PROC_OTHER)");
	pp_pass_env(fx->pp, NULL);
	assert_string_equal(expand(fx, "$(KCSAT_TEST_PROC_OTHER)"), "secret");
	unsetenv("KCSAT_TEST_PROC_OTHER");
	/* pp_setenv is looked up before the process environment */
	pp_setenv(fx->pp, "KCSAT_TEST_PROC_ENV", "from-pp");
	assert_string_equal(expand(fx, "$(KCSAT_TEST_PROC_ENV)"), "from-pp");
	pp_setenv(fx->pp, "KCSAT_TEST_PROC_ENV", "replaced");
	assert_string_equal(expand(fx, "$(KCSAT_TEST_PROC_ENV)"), "replaced");
	unsetenv("KCSAT_TEST_PROC_ENV");
	assert_string_equal(expand(fx, "$(KCSAT_TEST_PROC_ENV)"), "replaced");
	/* a variable shadows the environment */
	pp_setenv(fx->pp, "SRCARCH", "x86");
	assert_string_equal(expand(fx, "arch-$(SRCARCH)"), "arch-x86");
	assert_true(pp_assign(fx->pp, "SRCARCH", "arm", VAR_SIMPLE));
	assert_string_equal(expand(fx, "$(SRCARCH)"), "arm");
	/* an environment variable's value is not expanded */
	pp_setenv(fx->pp, "RAW", "$(SRCARCH)");
	assert_string_equal(expand(fx, "$(RAW)"), "$(SRCARCH)");
}

static void test_environment_not_used_for_calls(void **state)
{
	struct fx *fx = *state;

	/* $(NAME,arg) with NAME only in the environment is not a lookup */
	pp_setenv(fx->pp, "ENVFN", "value");
	assert_string_equal(expand(fx, "$(ENVFN,x)"), "");
	assert_string_equal(expand(fx, "$(ENVFN)"), "value");
}

static void test_nested_references(void **state)
{
	struct fx *fx = *state;

	assert_true(pp_assign(fx->pp, "N", "X", VAR_RECURSIVE));
	assert_true(pp_assign(fx->pp, "X", "val", VAR_RECURSIVE));
	assert_string_equal(expand(fx, "$($(N))"), "val");
	assert_true(pp_assign(fx->pp, "SUF", "", VAR_RECURSIVE));
	assert_string_equal(expand(fx, "$(X$(SUF))"), "val");
	/* a computed function name */
	assert_true(pp_assign(fx->pp, "fn", "lineno", VAR_RECURSIVE));
	at_line(fx, "Kconfig", 77);
	assert_string_equal(expand(fx, "$($(fn))"), "77");
	/* three levels */
	assert_true(pp_assign(fx->pp, "A", "B", VAR_RECURSIVE));
	assert_true(pp_assign(fx->pp, "B", "C", VAR_RECURSIVE));
	assert_true(pp_assign(fx->pp, "C", "deep", VAR_RECURSIVE));
	assert_string_equal(expand(fx, "$($($(A)))"), "deep");
}

/* ---- '$' without '(' and errors ---- */

static void test_dollar_without_paren(void **state)
{
	struct fx *fx = *state;
	const char *p = "x rest";
	char *r;

	assert_string_equal(expand(fx, "a$b"), "a$b");
	assert_string_equal(expand(fx, "$"), "$");
	assert_string_equal(expand(fx, "$$"), "$$");
	/* pp_expand_dollar at a non-'(' gives "$" and consumes nothing */
	r = fx_keep(fx, pp_expand_dollar(fx->pp, &p));
	assert_string_equal(r, "$");
	assert_string_equal(p, "x rest");
	assert_int_equal(diag_error_count(), 0);
}

static void test_expand_dollar(void **state)
{
	struct fx *fx = *state;
	const char *p = "(V)tail";
	char *r;

	assert_true(pp_assign(fx->pp, "V", "v v", VAR_RECURSIVE));
	r = fx_keep(fx, pp_expand_dollar(fx->pp, &p));
	assert_string_equal(r, "v v");
	assert_string_equal(p, "tail");
}

static void test_unterminated_reference(void **state)
{
	struct fx *fx = *state;
	const char *rest;

	at_line(fx, "Kconfig", 4);
	assert_null(expand(fx, "$(FOO"));
	assert_contains(cap_text(&fx->cap),
			"Kconfig:4: error: unterminated reference to 'FOO': missing ')'");
	assert_int_equal(diag_error_count(), 1);
	/* a reference ends at the end of its line */
	assert_null(expand_rest(fx, "$(FOO\n)", &rest));
	assert_int_equal(diag_error_count(), 2);
	/* nested: the outer one is unterminated */
	assert_null(expand(fx, "$(a,$(b)"));
	assert_int_equal(diag_error_count(), 3);
}

static void test_assign_error(void **state)
{
	struct fx *fx = *state;

	assert_false(pp_assign(fx->pp, "A", "$(oops", VAR_SIMPLE));
	assert_int_equal(diag_error_count(), 1);
	/* the failed assignment did not define A */
	setenv("A", "env-a", 1);
	pp_pass_env(fx->pp, "A");
	assert_string_equal(expand(fx, "$(A)"), "env-a");
	unsetenv("A");
	/* a recursive assignment is not expanded, so cannot fail yet */
	assert_true(pp_assign(fx->pp, "R", "$(oops", VAR_RECURSIVE));
	assert_null(expand(fx, "$(R)"));
}

static void test_recursive_variable(void **state)
{
	struct fx *fx = *state;

	at_line(fx, "Kconfig", 8);
	assert_true(pp_assign(fx->pp, "X", "a$(X)", VAR_RECURSIVE));
	assert_null(expand(fx, "$(X)"));
	assert_contains(cap_text(&fx->cap),
			"Kconfig:8: error: recursive variable 'X' references itself (eventually)");
	assert_int_equal(diag_error_count(), 1);	/* reported once */
	/* indirectly */
	assert_true(pp_assign(fx->pp, "P", "$(Q)", VAR_RECURSIVE));
	assert_true(pp_assign(fx->pp, "Q", "$(P)", VAR_RECURSIVE));
	assert_null(expand(fx, "$(P)"));
	assert_int_equal(diag_error_count(), 2);
	/* X := $(X) is fine: X was not defined yet */
	assert_true(pp_assign(fx->pp, "Y", "[$(Y)]", VAR_SIMPLE));
	assert_string_equal(render(fx, expand(fx, "$(Y)")), "[$(Y)]");	/* the environment's Y */
	/* and += on a recursive variable does not recurse by itself */
	assert_true(pp_assign(fx->pp, "Z", "z", VAR_RECURSIVE));
	assert_true(pp_assign(fx->pp, "Z", "z", VAR_APPEND));
	assert_string_equal(expand(fx, "$(Z)"), "z z");
	assert_int_equal(diag_error_count(), 2);
}

static void test_recursive_function_stops(void **state)
{
	struct fx *fx = *state;

	/* a function calling itself with arguments is allowed to nest but
	 * must stop with an error, not overflow the stack */
	assert_true(pp_assign(fx->pp, "loop", "$(loop,$(1))", VAR_RECURSIVE));
	assert_null(expand(fx, "$(loop,x)"));
	assert_true(diag_error_count() >= 1);
	assert_contains(cap_text(&fx->cap), "too deep");
}

/* ---- $(shell,...) with SHELL_OFF ---- */

static void test_shell_off_gives_unknown(void **state)
{
	struct fx *fx = *state;
	const char *r = expand(fx, "$(shell,echo hi)");

	assert_non_null(r);
	assert_true(pp_has_unknown(r));
	assert_int_equal(r[0], PP_UNK_OPEN);
	assert_int_equal(r[strlen(r) - 1], PP_UNK_CLOSE);
	assert_string_equal(render(fx, r), "$(shell,echo hi)");
	assert_int_equal(pp_shell_count(fx->pp), 1);
	assert_false(pp_has_unknown("plain"));
	assert_false(pp_has_unknown(""));
}

static void test_shell_same_command_same_marker(void **state)
{
	struct fx *fx = *state;
	const char *a = expand(fx, "$(shell,uname -m)");
	const char *b = expand(fx, "$(shell,uname -m)");
	const char *c = expand(fx, "$(shell,uname -r)");

	assert_string_equal(a, b);
	assert_string_not_equal(a, c);
	assert_string_equal(render(fx, c), "$(shell,uname -r)");
	assert_int_equal(pp_shell_count(fx->pp), 3);	/* every call counts */
}

static void test_shell_unknown_survives_concatenation(void **state)
{
	struct fx *fx = *state;
	const char *r;

	r = expand(fx, "pre$(shell,cmd)post");
	assert_string_equal(render(fx, r), "pre$(shell,cmd)post");
	/* through a simple variable and a function argument */
	assert_true(pp_assign(fx->pp, "V", "$(shell,probe x)", VAR_SIMPLE));
	assert_true(pp_assign(fx->pp, "wrap", "<$(1)>", VAR_RECURSIVE));
	r = expand(fx, "$(wrap,$(V))");
	assert_true(pp_has_unknown(r));
	assert_string_equal(render(fx, r), "<$(shell,probe x)>");
	/* the command text is expanded before it is remembered */
	assert_true(pp_assign(fx->pp, "CC", "gcc", VAR_RECURSIVE));
	r = expand(fx, "$(shell,$(CC) -v)");
	assert_string_equal(render(fx, r), "$(shell,gcc -v)");
	/* two unknowns in one string */
	r = expand(fx, "$(shell,a)-$(shell,b)");
	assert_string_equal(render(fx, r), "$(shell,a)-$(shell,b)");
}

static void test_shell_unknown_argument_nests(void **state)
{
	struct fx *fx = *state;
	const char *r = expand(fx, "$(shell,echo $(shell,inner))");

	assert_true(pp_has_unknown(r));
	assert_string_equal(render(fx, r), "$(shell,echo $(shell,inner))");
}

static void test_render_keeps_foreign_bytes(void **state)
{
	struct fx *fx = *state;
	char s[] = { 'a', PP_UNK_OPEN, '9', '9', PP_UNK_CLOSE, 'b', PP_UNK_OPEN, 'x', 0 };

	/* no marker with id 99 was made: the bytes are kept */
	assert_string_equal(render(fx, s), s);
	assert_string_equal(render(fx, "no markers"), "no markers");
}

static void test_error_if_unknown_condition_does_not_fire(void **state)
{
	struct fx *fx = *state;
	const char *r;

	r = expand(fx, "$(error-if,$(shell,test -x /bin/false && echo y),boom)");
	assert_non_null(r);
	assert_string_equal(r, "");
	assert_int_equal(diag_error_count(), 0);
	r = expand(fx, "$(warning-if,$(shell,echo y),hmm)");
	assert_string_equal(r, "");
	assert_int_equal(diag_warning_count(), 0);
	assert_string_equal(cap_text(&fx->cap), "");
}

static void test_setenv_shell_off(void **state)
{
	struct fx *fx = *state;
	const char *r;

	pp_setenv_shell(fx->pp, "CC_VERSION_TEXT", "gcc --version | head -n 1");
	r = expand(fx, "$(CC_VERSION_TEXT)");
	assert_true(pp_has_unknown(r));
	assert_string_equal(render(fx, r), "$(shell,gcc --version | head -n 1)");
	/* the same command as an explicit $(shell,...) is the same unknown */
	assert_string_equal(expand(fx, "$(shell,gcc --version | head -n 1)"), r);
}

static void test_computed_name_unknown(void **state)
{
	struct fx *fx = *state;
	const char *r = expand(fx, "$($(shell,pick))");

	/* which variable is unknown, so its value is unknown too */
	assert_non_null(r);
	assert_true(pp_has_unknown(r));
	assert_int_equal(diag_error_count(), 0);
}

static void test_render_marker_bytes_in_input(void **state)
{
	struct fx *fx = *state;
	/* raw marker bytes written in the input, spelling marker 0, inside the
	 * first (so id 0) command: rendering must not recurse forever */
	static const char input[] = { '$', '(', 's', 'h', 'e', 'l', 'l', ',',
				      PP_UNK_OPEN, '0', PP_UNK_CLOSE, ')', 0 };
	pid_t pid;
	int status;

	fflush(NULL);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		const char *r = expand(fx, input);
		const char *out;
		size_t n;

		if (!r)
			_exit(3);
		out = render(fx, r);
		n = strlen(out);
		_exit(strncmp(out, "$(shell,", 8) || n < 9 || out[n - 1] != ')' ? 4 : 0);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	if (WIFSIGNALED(status))
		fail_msg("pp_render was killed by signal %d (endless recursion?)", WTERMSIG(status));
	if (WEXITSTATUS(status) == 3)
		fail_msg("expansion failed");
	if (WEXITSTATUS(status) == 4)
		fail_msg("rendering is not \"$(shell,...)\"");
	assert_int_equal(WEXITSTATUS(status), 0);
}

/* ---- $(shell,...) with SHELL_RUN ---- */

static void test_shell_run(void **state)
{
	struct fx *fx = *state;
	const char *r;

	r = expand(fx, "$(shell,echo hi there)");
	assert_string_equal(r, "hi there");
	assert_false(pp_has_unknown(r));
	/* newlines become spaces, trailing ones are dropped */
	r = expand(fx, "$(shell,printf 'a\\nb\\n\\n')");
	assert_string_equal(r, "a b");
	assert_int_equal(pp_shell_count(fx->pp), 2);
	/* shell-computed environment is run too */
	pp_setenv_shell(fx->pp, "E", "echo computed");
	assert_string_equal(expand(fx, "$(E)"), "computed");
	assert_string_equal(expand(fx, "$(error-if,$(shell,echo n),x)"), "");
	assert_null(expand(fx, "$(error-if,$(shell,echo y),fired)"));
	assert_contains(cap_text(&fx->cap), "error: fired");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		PP_TEST(test_recursive_flavor_expands_late),
		PP_TEST(test_simple_flavor_expands_at_assignment),
		PP_TEST(test_append_recursive),
		PP_TEST(test_append_simple),
		PP_TEST(test_append_undefined_is_recursive),
		PP_TEST(test_reassign_replaces),
		PP_TEST(test_reference_inside_token),
		PP_TEST(test_undefined_is_empty),
		PP_TEST(test_user_function_arguments),
		PP_TEST(test_user_function_calls_function),
		PP_TEST(test_display_names_the_macro_call),
		PP_TEST(test_info),
		PP_TEST(test_warning_if),
		PP_TEST(test_error_if),
		PP_TEST(test_filename_and_lineno),
		PP_TEST(test_too_many_arguments),
		PP_TEST(test_argument_limit),
		PP_TEST(test_environment),
		PP_TEST(test_environment_not_used_for_calls),
		PP_TEST(test_nested_references),
		PP_TEST(test_dollar_without_paren),
		PP_TEST(test_expand_dollar),
		PP_TEST(test_unterminated_reference),
		PP_TEST(test_assign_error),
		PP_TEST(test_recursive_variable),
		PP_TEST(test_recursive_function_stops),
		PP_TEST(test_shell_off_gives_unknown),
		PP_TEST(test_shell_same_command_same_marker),
		PP_TEST(test_shell_unknown_survives_concatenation),
		PP_TEST(test_shell_unknown_argument_nests),
		PP_TEST(test_render_keeps_foreign_bytes),
		PP_TEST(test_render_marker_bytes_in_input),
		PP_TEST(test_error_if_unknown_condition_does_not_fire),
		PP_TEST(test_setenv_shell_off),
		PP_TEST(test_computed_name_unknown),
		PP_RUN_TEST(test_shell_run),
	};

	unit_init();
	return cmocka_run_group_tests_name("preprocess", tests, NULL, NULL);
}
