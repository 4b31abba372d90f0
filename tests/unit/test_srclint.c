/* srclint.h: which CONFIG_ words of C files and Makefiles are references
 * (code only, not pasted, not a macro's parameter), what the tree defines
 * itself, and a walk that follows no symlink out of the tree. */
#include "unit.h"

#include <unistd.h>

#include "check/srclint.h"

/* The references of one file as "LINE:NAME:WHERE" lines. */
static char *refs(struct srcscan *S, const char *path, const char *text)
{
	static char buf[2000];
	size_t n = 0;

	srcscan_text(S, path, text, strlen(text));
	buf[0] = '\0';
	for (size_t i = 0; i < S->refs.n; i++)
		n += (size_t)snprintf(buf + n, sizeof(buf) - n, "%s%u:%s:%s", n ? " " : "",
				      S->refs.v[i].line, S->refs.v[i].name, S->refs.v[i].where);
	return buf;
}

static void test_c_code_only(void **state)
{
	struct srcscan S = { 0 };

	(void)state;
	assert_string_equal(refs(&S, "a.c",
				 "/* #ifdef CONFIG_C1\n CONFIG_C2 */ // CONFIG_C3\n"
				 "#ifdef CONFIG_A\n"
				 "#elif defined(CONFIG_B) || \\\n  IS_MODULE(CONFIG_C)\n"
				 "#endif\n"
				 "const char *s = \"IS_ENABLED(CONFIG_S)\", c = '\"';\n"
				 "int x = IS_ENABLED(CONFIG_D) + CONFIG_BARE + THIS_IS_ENABLED(CONFIG_E);\n"
				 "#error CONFIG_ERR\n"
				 "#include <CONFIG_INC.h>\n"
				 "#define M(x, CONFIG_p) IS_BUILTIN(CONFIG_p) + IS_BUILTIN(CONFIG_##x) "
				 "+ IS_REACHABLE(CONFIG_F)\n"
				 "#if CONFIG_G##_X || X_##CONFIG_H\n#endif\n"
				 "#define N(a, \\\n  CONFIG_q) IS_ENABLED(CONFIG_q) + \\\n"
				 " IS_ENABLED(CONFIG_I)\n"),
			    "3:A:#ifdef 4:B:#elif 5:C:#elif 8:D:IS_ENABLED 11:F:IS_REACHABLE "
			    "16:I:IS_ENABLED");
	assert_string_equal(S.refs.v[2].macro, "IS_MODULE");
	assert_null(S.refs.v[0].macro);
	assert_string_equal(S.refs.v[3].text, "int x = IS_ENABLED(CONFIG_D) + CONFIG_BARE + "
			    "THIS_IS_ENABLED(CONFIG_E);");
	assert_int_equal(S.nsources, 1);
	srcscan_release(&S);
}

static void test_local_names(void **state)
{
	struct srcscan S = { 0 };

	(void)state;
	refs(&S, "b.h", "#define CONFIG_L1 1\n#undef CONFIG_L2\n#ifdef CONFIG_L1\n#endif\n");
	refs(&S, "Makefile", "CONFIG_L3 := x\nexport CONFIG_L4 = y\nccflags-y += -DCONFIG_L5\n");
	strvec_sort_unique(&S.local);
	assert_int_equal(S.local.n, 5);
	assert_string_equal(S.local.v[0], "L1");
	assert_string_equal(S.local.v[4], "L5");
	srcscan_release(&S);
}

static void test_makefile(void **state)
{
	struct srcscan S = { 0 };

	(void)state;
	assert_string_equal(refs(&S, "d/Kbuild",
				 "# obj-$(CONFIG_C) += c.o\n"
				 "obj-$(CONFIG_A) += a.o\n"
				 "ifdef CONFIG_B\nendif\n"
				 "x := ${CONFIG_D} $(CONFIG_E:m=y) $(CONFIG_$(Y)) $$(CONFIG_F) \\\n"
				 "  $(CONFIG_G) # $(CONFIG_H) \\\n"
				 "  $(CONFIG_I)\n"
				 "y := $(CONFIG_J)\n"),
			    "2:A:$(...) 3:B:ifdef 5:D:${...} 5:E:$(...) 6:G:$(...) 8:J:$(...)");
	srcscan_release(&S);
}

static bool keep_not_a(void *ctx, const char *name, const char *macro)
{
	(void)ctx;
	(void)macro;
	return strcmp(name, "A");
}

static void test_walk(void **state)
{
	struct fx *fx = *state;
	struct srcscan S = { .keep = keep_not_a };
	char root[300], link[400], target[400];

	fx_mkdtemp(fx);
	fx_write(fx, "tree", NULL);
	fx_write(fx, "tree/drivers", NULL);
	fx_write(fx, "tree/tools", NULL);
	fx_write(fx, "tree/.git", NULL);
	fx_write(fx, "tree/drivers/x.c", "#if CONFIG_A || CONFIG_B\n#endif\n");
	fx_write(fx, "tree/drivers/Makefile", "obj-$(CONFIG_C) += x.o\n");
	fx_write(fx, "tree/drivers/x.txt", "#ifdef CONFIG_TXT\n");
	fx_write(fx, "tree/tools/t.c", "#ifdef CONFIG_TOOLS\n#endif\n");
	fx_write(fx, "tree/.git/g.c", "#ifdef CONFIG_GIT\n#endif\n");
	fx_write(fx, "out", NULL);
	fx_write(fx, "out/o.c", "#ifdef CONFIG_OUTSIDE\n#endif\n");
	snprintf(root, sizeof(root), "%s/tree", fx->tmpdir);
	snprintf(target, sizeof(target), "%s/out", fx->tmpdir);
	snprintf(link, sizeof(link), "%s/tree/drivers/out", fx->tmpdir);
	assert_int_equal(symlink(target, link), 0);
	snprintf(target, sizeof(target), "%s/out/o.c", fx->tmpdir);
	snprintf(link, sizeof(link), "%s/tree/drivers/o.c", fx->tmpdir);
	assert_int_equal(symlink(target, link), 0);
	assert_true(srcscan_tree(&S, root));
	assert_int_equal(S.nrefs, 3);	/* A (not kept), B, C */
	assert_int_equal(S.refs.n, 2);
	assert_string_equal(S.refs.v[0].file, "drivers/Makefile");
	assert_string_equal(S.refs.v[0].name, "C");
	assert_string_equal(S.refs.v[1].file, "drivers/x.c");
	assert_string_equal(S.refs.v[1].name, "B");
	assert_int_equal(S.nsources, 1);
	assert_int_equal(S.nfiles, 2);
	srcscan_release(&S);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_c_code_only),
		cmocka_unit_test(test_local_names),
		cmocka_unit_test(test_makefile),
		cmocka_unit_test_setup_teardown(test_walk, fx_setup, fx_teardown),
	};

	unit_init();
	return cmocka_run_group_tests_name("srclint", tests, NULL, NULL);
}
