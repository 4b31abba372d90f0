/* arch.h: listing architectures of a tree, ARCH for a SRCARCH, and the
 * variables exported to the preprocessor. */
#include "unit.h"

#include <unistd.h>

#include "kconfig/arch.h"

struct arch_fx {
	struct fx base;		/* first: fx_teardown() frees it */
	strvec names;
	const char *dir;
};

static int arch_setup(void **state)
{
	struct arch_fx *a = calloc(1, sizeof(*a));

	if (!a)
		return -1;
	diag_reset_counts();
	cap_start(&a->base.cap);
	a->dir = fx_mkdtemp(&a->base);
	*state = a;
	return 0;
}

static int arch_teardown(void **state)
{
	struct arch_fx *a = *state;

	strvec_free_all(&a->names);
	return fx_teardown(state);	/* removes the directory, frees a */
}

#define ARCH_TEST(f) cmocka_unit_test_setup_teardown(f, arch_setup, arch_teardown)

static void make(struct arch_fx *a, const char *rel, const char *text)
{
	fx_write(&a->base, rel, text);
}

static void test_list_sorted_with_kconfig_only(void **state)
{
	struct arch_fx *a = *state;

	make(a, "arch", NULL);
	make(a, "arch/x86", NULL);
	make(a, "arch/x86/Kconfig", "config X86\n");
	make(a, "arch/arm64", NULL);
	make(a, "arch/arm64/Kconfig", "");
	make(a, "arch/um", NULL);
	make(a, "arch/um/Kconfig", "");
	make(a, "arch/arm", NULL);
	make(a, "arch/arm/Kconfig", "");
	make(a, "arch/empty", NULL);			/* no Kconfig */
	make(a, "arch/dirkconfig", NULL);
	make(a, "arch/dirkconfig/Kconfig", NULL);	/* not a regular file */
	make(a, "arch/.hidden", NULL);
	make(a, "arch/.hidden/Kconfig", "");
	make(a, "arch/Kconfig", "");			/* a file, not an arch */

	assert_int_equal(arch_list(a->dir, &a->names), 0);
	assert_int_equal(a->names.n, 4);
	assert_string_equal(a->names.v[0], "arm");
	assert_string_equal(a->names.v[1], "arm64");
	assert_string_equal(a->names.v[2], "um");
	assert_string_equal(a->names.v[3], "x86");
	assert_int_equal(diag_error_count(), 0);
}

static void test_list_symlinked_arch(void **state)
{
	struct arch_fx *a = *state;
	char target[512], link[512];

	make(a, "arch", NULL);
	make(a, "real", NULL);
	make(a, "real/Kconfig", "");
	snprintf(target, sizeof(target), "%s/real", a->dir);
	snprintf(link, sizeof(link), "%s/arch/linked", a->dir);
	assert_int_equal(symlink(target, link), 0);
	assert_int_equal(arch_list(a->dir, &a->names), 0);
	assert_int_equal(a->names.n, 1);
	assert_string_equal(a->names.v[0], "linked");
}

static void test_list_empty_arch_dir(void **state)
{
	struct arch_fx *a = *state;

	make(a, "arch", NULL);
	assert_int_equal(arch_list(a->dir, &a->names), 0);
	assert_int_equal(a->names.n, 0);
	assert_int_equal(diag_error_count(), 0);
}

static void test_list_without_arch_dir(void **state)
{
	struct arch_fx *a = *state;
	char expect[400];

	assert_int_equal(arch_list(a->dir, &a->names), -1);
	assert_int_equal(a->names.n, 0);
	assert_int_equal(diag_error_count(), 1);
	snprintf(expect, sizeof(expect), "kcsat: error: no arch/ directory in '%s'", a->dir);
	assert_contains(cap_text(&a->base.cap), expect);
}

static void test_names_release(void **state)
{
	struct arch_fx *a = *state;

	make(a, "arch", NULL);
	make(a, "arch/x86", NULL);
	make(a, "arch/x86/Kconfig", "");
	assert_int_equal(arch_list(a->dir, &a->names), 0);
	assert_int_equal(a->names.n, 1);
	strvec_free_all(&a->names);
	assert_null(a->names.v);
	assert_int_equal(a->names.n, 0);
	strvec_free_all(&a->names);	/* twice is harmless */
}

static void test_kbuild_arch(void **state)
{
	(void)state;
	assert_string_equal(arch_kbuild_arch("um"), "um");
	assert_string_equal(arch_kbuild_arch("x86"), "x86");	/* not x86_64 */
	assert_string_equal(arch_kbuild_arch("sparc"), "sparc");
	assert_string_equal(arch_kbuild_arch("arm64"), "arm64");
	/* kbuild's names: ARCH is the name, SRCARCH its directory */
	assert_string_equal(arch_kbuild_arch("x86_64"), "x86_64");
	assert_string_equal(arch_srcarch("x86_64"), "x86");
	assert_string_equal(arch_srcarch("i386"), "x86");
	assert_string_equal(arch_srcarch("sparc32"), "sparc");
	assert_string_equal(arch_srcarch("sparc64"), "sparc");
	assert_string_equal(arch_srcarch("parisc64"), "parisc");
	assert_string_equal(arch_srcarch("arm64"), "arm64");
}

static const char *var(struct fx *fx, const char *ref)
{
	const char *p = ref;
	char *r = pp_expand_token(fx->pp, &p);

	assert_non_null(r);
	fx_keep(fx, r);
	sb_reset(&fx->sb);
	pp_render(fx->pp, r, &fx->sb);
	return fx_keep(fx, strdup(sb_str(&fx->sb)));
}

static void test_setup_env_um(void **state)
{
	struct fx *fx = *state;

	unsetenv("CC");
	unsetenv("RUSTC");
	fx->pp = pp_new(SHELL_OFF);
	arch_setup_env(fx->pp, "um", "/src/linux", "6.12.3", 0);
	assert_string_equal(var(fx, "$(ARCH)"), "um");
	assert_string_equal(var(fx, "$(SRCARCH)"), "um");
	assert_string_equal(var(fx, "$(SUBARCH)"), "x86");	/* keeps 64BIT selectable */
	assert_string_equal(var(fx, "$(HEADER_ARCH)"), "x86");
	assert_string_equal(var(fx, "$(KERNELVERSION)"), "6.12.3");
	assert_string_equal(var(fx, "$(srctree)"), ".");	/* shell off */
	assert_string_equal(var(fx, "$(CC)"), "gcc");
	assert_string_equal(var(fx, "$(LD)"), "ld");
	assert_string_equal(var(fx, "$(CC_VERSION_TEXT)"),
			    "$(shell,LC_ALL=C gcc --version 2>/dev/null | head -n 1)");
	assert_string_equal(var(fx, "$(RUSTC_VERSION_TEXT)"),
			    "$(shell,rustc --version 2>/dev/null)");
	assert_int_equal(diag_error_count(), 0);
}

static void test_setup_env_x86(void **state)
{
	struct fx *fx = *state;

	setenv("CC", "clang", 1);
	fx->pp = pp_new(SHELL_OFF);
	arch_setup_env(fx->pp, "x86", ".", NULL, 0);
	unsetenv("CC");
	assert_string_equal(var(fx, "$(ARCH)"), "x86");
	assert_string_equal(var(fx, "$(SRCARCH)"), "x86");
	assert_string_equal(var(fx, "$(SUBARCH)"), "x86");
	assert_string_equal(var(fx, "$(KERNELVERSION)"), "");
	/* `make CC=clang` reaches Kconfig through the environment */
	assert_string_equal(var(fx, "$(CC)"), "clang");
	assert_string_equal(var(fx, "$(CC_VERSION_TEXT)"),
			    "$(shell,LC_ALL=C clang --version 2>/dev/null | head -n 1)");
}

static void test_setup_env_alias(void **state)
{
	struct fx *fx = *state;

	fx->pp = pp_new(SHELL_OFF);
	arch_setup_env(fx->pp, "i386", ".", NULL, 0);
	assert_string_equal(var(fx, "$(ARCH)"), "i386");
	assert_string_equal(var(fx, "$(SRCARCH)"), "x86");
}

static void test_setup_env_um_subarch(void **state)
{
	struct fx *fx = *state;

	setenv("SUBARCH", "i386", 1);
	fx->pp = pp_new(SHELL_OFF);
	arch_setup_env(fx->pp, "um", ".", NULL, 0);
	unsetenv("SUBARCH");
	assert_string_equal(var(fx, "$(SUBARCH)"), "i386");
	assert_string_equal(var(fx, "$(HEADER_ARCH)"), "x86");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		ARCH_TEST(test_list_sorted_with_kconfig_only),
		ARCH_TEST(test_list_symlinked_arch),
		ARCH_TEST(test_list_empty_arch_dir),
		ARCH_TEST(test_list_without_arch_dir),
		ARCH_TEST(test_names_release),
		FX_TEST(test_kbuild_arch),
		FX_TEST(test_setup_env_um),
		FX_TEST(test_setup_env_x86),
		FX_TEST(test_setup_env_alias),
		FX_TEST(test_setup_env_um_subarch),
	};

	unit_init();
	return cmocka_run_group_tests_name("arch", tests, NULL, NULL);
}
