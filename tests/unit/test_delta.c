/* check/delta.c: two plain trees on disk compared per bitness: values
 * lost (with the chain that blocks them, its lines kept apart across the
 * job boundary), requirements still there though no longer written, lint
 * findings fixed and new; JSON of the same; exit 1 when a warning is new,
 * 0 otherwise. */
#include "unit.h"

#include <unistd.h>

#include "check/delta.h"
#include "check/lint.h"
#include "kconfig/kconfig.h"

static const char old_tree[] =
	"config 64BIT\n\tbool \"64-bit\"\n"
	"config ZONE_DEVICE\n\tbool \"zd\"\n\tdepends on 64BIT\n"
	"config P2P\n\tbool \"p2p\"\n\tdepends on ZONE_DEVICE\n\tdepends on 64BIT\n"
	"config USER\n\tbool \"user\"\n\tdepends on P2P\n"
	"config NEVER\n\tbool\n";

static const char new_tree[] =
	"config 64BIT\n\tbool \"64-bit\"\n"
	"config ZONE_DEVICE\n\tbool \"zd\"\n\tdepends on 64BIT\n"
	"config P2P\n\tbool \"p2p\"\n\tdepends on ZONE_DEVICE\n"
	"config USER\n\tbool \"user\"\n\tdepends on P2P && NEVER\n"
	"config NEVER\n\tbool\n"
	"config STUB\n\tbool \"stub\"\n\tselect NEEDS_ZD\n"
	"config NEEDS_ZD\n\tbool\n\tdepends on ZONE_DEVICE\n";

static int report(struct fx *fx, const char *o, const char *n, char **only,
		  size_t nonly, bool json, unsigned lint, char **out)
{
	struct load_config co, cn;
	struct delta d = { .old = &co, .new = &cn, .json = json, .lint = lint };
	char po[600], pn[600];
	size_t len = 0;
	FILE *f = open_memstream(out, &len);
	int rc;

	snprintf(po, sizeof(po), "%s/old", fx->tmpdir);
	snprintf(pn, sizeof(pn), "%s/new", fx->tmpdir);
	if (access(po, F_OK)) {
		fx_write(fx, "old", NULL);
		fx_write(fx, "new", NULL);
	}
	fx_write(fx, "old/Kconfig", o);
	fx_write(fx, "new/Kconfig", n);
	load_config_init(&co);
	load_config_init(&cn);
	co.srctree = po;
	cn.srctree = pn;
	co.kversion = cn.kversion = 612;
	d.only = only;
	d.nonly = nonly;
	rc = delta_report(&d, f);
	fclose(f);
	delta_release(&d);
	return rc;
}

static void test_text_report(void **state)
{
	struct fx *fx = *state;
	char *out = NULL;

	fx_mkdtemp(fx);
	assert_int_equal(report(fx, old_tree, new_tree, NULL, 0, false, LINT_DEFAULT_CHECKS, &out), EXIT_NO);
	assert_contains(out, "symbols checked: NEEDS_ZD, P2P, STUB, USER\n");
	assert_contains(out, "P2P: reachable values unchanged on the one arch checked, every bitness\n");
	assert_contains(out, "NEEDS_ZD is newly defined, on tree 64-bit, tree 32-bit\n");
	/* the chain's lines, one per line, as the job found them */
	assert_contains(out, "P2P=y still requires 64BIT=y (no longer written in its entry), on tree\n"
			     "\tthrough:\n\t  P2P: depends on ZONE_DEVICE  (Kconfig:8)\n"
			     "\t  ZONE_DEVICE: depends on 64BIT  (Kconfig:5)\n");
	/* a value lost, with what blocks it (on 32-bit P2P never was y) */
	assert_contains(out, "USER can no longer be y, on tree 64-bit\n\tblocked by:\n"
			     "\t  USER: depends on P2P && NEVER  (Kconfig:11)\n");
	assert_contains(out, "fixed: Kconfig:9: note: P2P: `depends on 64BIT` is implied by its other "
			     "dependencies; it documents a bitness requirement "
			     "[redundant-dependency:bitness]\n");
	/* NEVER is outside the patch's focus, so its being dead is not
	 * known here: USER's class is the plain one */
	assert_contains(out, "new: Kconfig:9: warning: USER can never be set (n on the arch that defines "
			     "it) [dead-symbol:unreachable]\n");
	assert_contains(out, "new: Kconfig:16: warning: STUB selects NEEDS_ZD while NEEDS_ZD's direct "
			     "dependencies can be unmet [unmet-select]\n");
	free(out);
	assert_string_equal(cap_text(&fx->cap), "");
}

static void test_json_report(void **state)
{
	struct fx *fx = *state;
	char *out = NULL;

	fx_mkdtemp(fx);
	assert_int_equal(report(fx, old_tree, new_tree, NULL, 0, true, LINT_DEFAULT_CHECKS, &out), EXIT_NO);
	assert_contains(out, "{\"arches\":1,\"cases\":2,\"changed\":[\"NEEDS_ZD\",\"P2P\",\"STUB\",\"USER\"],");
	assert_contains(out, "\"effect\":\"P2P=y still requires 64BIT=y (no longer written in its entry)\","
			     "\"cases\":[\"tree\"],\"chain\":[\"P2P: depends on ZONE_DEVICE  (Kconfig:8)\","
			     "\"ZONE_DEVICE: depends on 64BIT  (Kconfig:5)\"]}");
	assert_contains(out, "\n{\"check\":\"unmet-select\",\"level\":\"warning\",\"file\":\"Kconfig\",\"line\":16,");
	assert_contains(out, "\"lint_removed\":[\n{\"check\":\"redundant-dependency\"");
	free(out);
}

/* Named symbols only; the same tree twice is no change (exit 0). */
static void test_named_and_unchanged(void **state)
{
	struct fx *fx = *state;
	char p2p[] = "P2P", *only[] = { p2p };
	char *out = NULL;

	fx_mkdtemp(fx);
	assert_int_equal(report(fx, old_tree, old_tree, NULL, 0, false, LINT_DEFAULT_CHECKS, &out), EXIT_OK);
	assert_string_equal(out, "no change in the configuration space on any of 1 arch\n");
	free(out);
	out = NULL;
	assert_int_equal(report(fx, old_tree, new_tree, only, 1, false, 1u << LC_REDUNDANT_DEP, &out),
			 EXIT_OK);
	assert_contains(out, "symbols checked: P2P\n");
	assert_null(strstr(out, "USER"));
	assert_null(strstr(out, "STUB"));	/* its select is not asked about */
	assert_null(strstr(out, "new: "));
	assert_contains(out, "fixed: Kconfig:9: note: P2P: `depends on 64BIT`");
	free(out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		FX_TEST(test_text_report),
		FX_TEST(test_json_report),
		FX_TEST(test_named_and_unchanged),
	};

	unit_init();
	return cmocka_run_group_tests_name("delta", tests, NULL, NULL);
}
