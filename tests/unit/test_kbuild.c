/* kbuild: presence conditions of object files from Kbuild/Makefiles, each
 * form of scripts/Makefile.build and Makefile.lib, the unknowns counted,
 * and the reader's errors. */
#include "unit.h"

#include <unistd.h>

#include "kconfig/kbuild.h"

static struct kbuild *kb;

static int kb_setup(void **state)
{
	kb = NULL;
	return fx_setup(state);
}

static int kb_teardown(void **state)
{
	kbuild_free(kb);
	kb = NULL;
	return fx_teardown(state);
}

#define KB_TEST(f) cmocka_unit_test_setup_teardown(f, kb_setup, kb_teardown)

static const char kconfig[] =
	"config MODULES\n\tbool \"modules\"\n\tmodules\n"
	"config A\n\ttristate \"A\"\n"
	"config B\n\ttristate \"B\"\n"
	"config C\n\tbool \"C\"\n"
	"config N\n\tint \"N\"\n\tdefault 4\n";

/* Load files (the first is "Kconfig") for arch (NULL: a plain tree) and
 * read their Kbuild files into kb; NULL on error. */
static struct kbuild *kb_read(struct fx *fx, const struct vfile *files, const char *arch)
{
	struct load_config o;

	load_config_init(&o);
	o.srctree = ".";
	o.vfs = vfs_lookup;
	o.vfs_ctx = files;
	kctree_free(fx->t);
	fx->t = kctree_load(&o, arch);
	assert_non_null(fx->t);
	kbuild_free(kb);
	kb = kbuild_read(fx->t, &o);
	return kb;
}

/* "y-condition | m-condition" of object path, or "none". */
static const char *cond(struct fx *fx, const char *path)
{
	const struct kbuild_obj *o = kbuild_find(kb, path);

	sb_reset(&fx->sb);
	if (!o)
		return "none";
	expr_print(&fx->sb, o->y);
	sb_adds(&fx->sb, " | ");
	expr_print(&fx->sb, o->m);
	return sb_str(&fx->sb);
}

static const char *at(const struct kbuild_obj *o, char *buf, size_t size)
{
	return o ? loc_str(o->at, buf, size) : "none";
}

static void test_obj_lists(void **state)
{
	struct fx *fx = *state;
	const struct vfile files[] = {
		{ "Kconfig", kconfig },
		{ "Kbuild", "obj-y += core.o\n"
			    "obj-m += mod.o\n"
			    "obj-$(CONFIG_A) += a.o sub/\n"
			    "obj-$(CONFIG_C) += c.o\n"
			    "obj-$(CONFIG_A) += c.o\n" },
		{ "sub/Makefile", "# comment\nobj-$(CONFIG_B) += b.o\nobj-y += always.o\n" },
		{ NULL, NULL },
	};
	char buf[64];

	assert_non_null(kb_read(fx, files, NULL));
	assert_string_equal(cond(fx, "core.o"), "y | n");
	assert_string_equal(cond(fx, "mod.o"), "n | y");
	assert_string_equal(cond(fx, "a.o"), "A = y | A = m");
	/* listed twice: obj-y wins over obj-m (Makefile.lib filters it out) */
	assert_string_equal(cond(fx, "c.o"), "C = y || A = y | (C = m || A = m) && !(C = y || A = y)");
	/* sub/ is visited when A is y or m, builds its obj-y only when y */
	assert_string_equal(cond(fx, "sub/b.o"), "A = y && B = y | A != n && B = m");
	assert_string_equal(cond(fx, "sub/always.o"), "A = y | n");
	assert_string_equal(cond(fx, "b.o"), "none");
	assert_string_equal(at(kbuild_find(kb, "sub/b.o"), buf, sizeof(buf)), "sub/Makefile:2");
	assert_string_equal(at(kbuild_find_source(kb, "sub/b.c"), buf, sizeof(buf)), "sub/Makefile:2");
	assert_null(kbuild_find_source(kb, "sub/b.h"));
	assert_int_equal(kb->dirs.n, 2);
	assert_string_equal(kb->dirs.v[1].path, "sub/");
	assert_string_equal(kb->dirs.v[1].file, "sub/Makefile");
	assert_int_equal(kb->stats.makefiles, 2);
	assert_int_equal(kb->stats.unknown_conds + kb->stats.unknown_words, 0);
	/* where each list assignment takes effect: obj-$(CONFIG_A) on line 3
	 * for obj-y and obj-m, never for the n case's obj- */
	sb_reset(&fx->sb);
	for (size_t i = 0; i < kb->lines.n; i++)
		if (kb->lines.v[i].at.line == 3 && kb->lines.v[i].last == 3 &&
		    !strcmp(diag_file_name(kb->lines.v[i].at.file), "Kbuild")) {
			expr_print(&fx->sb, kb->lines.v[i].cond);
			sb_adds(&fx->sb, ";");
		}
	assert_string_equal(sb_str(&fx->sb), "A = y;A = m;");
}

static void test_kbuild_before_makefile(void **state)
{
	struct fx *fx = *state;
	const struct vfile files[] = {
		{ "Kconfig", kconfig },
		{ "Kbuild", "obj-y += d/\n" },
		{ "d/Kbuild", "obj-y += from-kbuild.o\n" },
		{ "d/Makefile", "obj-y += from-makefile.o\n" },
		{ NULL, NULL },
	};

	assert_non_null(kb_read(fx, files, NULL));
	assert_string_equal(cond(fx, "d/from-kbuild.o"), "y | n");
	assert_string_equal(cond(fx, "d/from-makefile.o"), "none");
}

static void test_composite(void **state)
{
	struct fx *fx = *state;
	const struct vfile files[] = {
		{ "Kconfig", kconfig },
		{ "Makefile", "obj-$(CONFIG_A) += foo.o\n"
			      "foo-y := main.o\n"
			      "foo-objs += old.o\n"
			      "foo-$(CONFIG_B) += opt.o sub/part.o\n"
			      "obj-y += bar.o\n"
			      "bar-$(CONFIG_C) += barc.o\n" },
		{ NULL, NULL },
	};

	assert_non_null(kb_read(fx, files, NULL));
	assert_string_equal(cond(fx, "foo.o"), "none");
	assert_string_equal(cond(fx, "main.o"), "A = y | A = m");
	assert_string_equal(cond(fx, "old.o"), "A = y | A = m");
	/* foo-m parts only go into a module: B = m with foo built in is no part */
	assert_string_equal(cond(fx, "opt.o"), "A = y && B = y | A = m && B != n");
	assert_string_equal(cond(fx, "sub/part.o"), "A = y && B = y | A = m && B != n");
	assert_string_equal(cond(fx, "barc.o"), "C = y | n");
}

static void test_lib_and_subdir(void **state)
{
	struct fx *fx = *state;
	const struct vfile files[] = {
		{ "Kconfig", kconfig },
		{ "Kbuild", "lib-y += l.o\nlib-$(CONFIG_A) += la.o\nobj-y += both.o\nlib-y += both.o\n"
			    "subdir-$(CONFIG_C) += s\n" },
		{ "s/Makefile", "obj-y += s.o\nobj-m += sm.o\n" },
		{ NULL, NULL },
	};

	assert_non_null(kb_read(fx, files, NULL));
	assert_string_equal(cond(fx, "l.o"), "y | n");
	/* lib.a takes lib-m too, built in */
	assert_string_equal(cond(fx, "la.o"), "A != n | n");
	assert_string_equal(cond(fx, "both.o"), "y | n");
	/* subdir-y: visited, but no need-builtin */
	assert_string_equal(cond(fx, "s/s.o"), "n | n");
	assert_string_equal(cond(fx, "s/sm.o"), "n | C != n");
}

static void test_conditionals(void **state)
{
	struct fx *fx = *state;
	const struct vfile files[] = {
		{ "Kconfig", kconfig },
		{ "Kbuild", "ifdef CONFIG_A\n"
			    "obj-y += ifdef.o\n"
			    "else\n"
			    "obj-y += notdef.o\n"
			    "endif\n"
			    "ifeq ($(CONFIG_B),y)\n"
			    "obj-y += eqy.o\n"
			    "else ifeq ($(CONFIG_B), m)\n"
			    "obj-y += eqm.o\n"
			    "else\n"
			    "obj-y += eqn.o\n"
			    "endif\n"
			    "ifneq ($(CONFIG_C),)\n"
			    "obj-y += nec.o\n"
			    "endif\n"
			    "ifeq \"$(CONFIG_N)\" \"4\"\n"
			    "obj-y += n4.o\n"
			    "endif\n"
			    "ifndef CONFIG_C\n"
			    "  ifeq ($(strip $(CONFIG_A)),m)\n"
			    "obj-y += nested.o\n"
			    "  endif\n"
			    "endif\n"
			    "ifeq (x,x)\nobj-y += same.o\nendif\n"
			    "ifeq (x,z)\nobj-y += differ.o\nendif\n" },
		{ NULL, NULL },
	};

	assert_non_null(kb_read(fx, files, NULL));
	assert_string_equal(cond(fx, "ifdef.o"), "A != n | n");
	assert_string_equal(cond(fx, "notdef.o"), "A = n | n");
	assert_string_equal(cond(fx, "eqy.o"), "B = y | n");
	assert_string_equal(cond(fx, "eqm.o"), "!(B = y) && B = m | n");
	assert_string_equal(cond(fx, "eqn.o"), "!(B = y || !(B = y) && B = m) | n");
	assert_string_equal(cond(fx, "nec.o"), "C != n | n");
	assert_string_equal(cond(fx, "n4.o"), "N = 4 | n");
	assert_string_equal(cond(fx, "nested.o"), "C = n && A = m | n");
	assert_string_equal(cond(fx, "same.o"), "y | n");
	assert_string_equal(cond(fx, "differ.o"), "none");
	assert_int_equal(kb->stats.unknown_conds, 0);
}

static void test_variables(void **state)
{
	struct fx *fx = *state;
	const struct vfile files[] = {
		{ "Kconfig", kconfig },
		{ "Kbuild", "parts := p1.o p2.o\n"
			    "obj-y += $(parts)\n"
			    "ifeq ($(CONFIG_C),y)\nV := c\nelse\nV := notc\nendif\n"
			    "obj-y += v_$(V).o\n"
			    "obj-$(subst m,y,$(CONFIG_A)) += forced.o\n"
			    "obj-y += $(addprefix dir/,x.o y.o)\n"
			    "obj-y += $(addsuffix .o,s1)\n"
			    "late ?= first.o\nlate ?= second.o\nobj-y += $(late)\n"
			    "over := gone.o\nover := kept.o\nobj-y += $(over)\n"
			    "self := s2.o\nself := s1.o $(self)\nobj-y += $(self)\n"
			    "obj-$(CONFIG_A) += $$literal.o\n"
			    "export ccflags-y += $(foo)\n"
			    "srcs := q1.c q2.c\n"
			    "obj-$(CONFIG_C) += $(srcs:.c=.o) $(patsubst %,mach-%/,z)\n"
			    "obj-y += $(patsubst %.c,%.o,r.c) $(subst _,-,u_v.o)\n" },
		{ NULL, NULL },
	};

	assert_non_null(kb_read(fx, files, NULL));
	assert_string_equal(cond(fx, "p1.o"), "y | n");
	assert_string_equal(cond(fx, "p2.o"), "y | n");
	assert_string_equal(cond(fx, "v_c.o"), "C = y | n");
	assert_string_equal(cond(fx, "v_notc.o"), "!(C = y) | n");
	assert_string_equal(cond(fx, "forced.o"), "A != n | n");
	assert_string_equal(cond(fx, "dir/x.o"), "y | n");
	assert_string_equal(cond(fx, "dir/y.o"), "y | n");
	assert_string_equal(cond(fx, "s1.o"), "y | n");
	assert_string_equal(cond(fx, "first.o"), "y | n");
	assert_string_equal(cond(fx, "second.o"), "none");
	assert_string_equal(cond(fx, "gone.o"), "none");
	assert_string_equal(cond(fx, "kept.o"), "y | n");
	/* := reads the old value before it replaces it */
	assert_string_equal(cond(fx, "s1.o"), "y | n");
	assert_string_equal(cond(fx, "s2.o"), "y | n");
	assert_string_equal(cond(fx, "$literal.o"), "A = y | A = m");
	assert_string_equal(cond(fx, "q1.o"), "C = y | C = m");
	assert_string_equal(cond(fx, "q2.o"), "C = y | C = m");
	assert_string_equal(cond(fx, "r.o"), "y | n");
	assert_string_equal(cond(fx, "u-v.o"), "y | n");
	assert_string_equal(kb->dirs.v[1].path, "mach-z/");
	/* $(foo) in a flags variable is no object: not counted */
	assert_int_equal(kb->stats.unknown_words, 0);
}

static void test_unknowns_counted(void **state)
{
	struct fx *fx = *state;
	const struct vfile files[] = {
		{ "Kconfig", kconfig },
		{ "Kbuild", "obj-y += $(patsubst %.c,%.o,$(srcs))\n"
			    "obj-$(FOO) += foo.o\n"
			    "ifeq ($(call cc-option,-m),-m)\n"
			    "obj-y += probe.o\n"
			    "endif\n"
			    "ifeq ($(call cc-option,-n),-n)\n"
			    "ccflags-y += -n\n"
			    "endif\n"
			    "include $(srctree)/other.mk\n"
			    "obj-y += ../outside.o\n"
			    "obj-y += ../up/\n"
			    "$(obj)/gen.c: $(src)/x\n"
			    "\tobj-y += recipe.o\n"
			    "define body\nobj-y += defined.o\nendef\n"
			    "obj-y += after.o\n" },
		{ NULL, NULL },
	};
	const struct kbuild_obj *o;

	assert_non_null(kb_read(fx, files, NULL));
	/* the probe is left free: an unknown atom, never y or n */
	o = kbuild_find(kb, "probe.o");
	assert_non_null(o);
	assert_true(kbuild_is_unknown(o->y));
	sb_reset(&fx->sb);
	expr_print(&fx->sb, o->y);
	assert_string_equal(sb_str(&fx->sb), "\"\\$(kbuild,Kbuild:3)\" = y");
	assert_int_equal(kb->stats.unknown_conds, 1);	/* not the ccflags one */
	/* patsubst, $(FOO) in a name, both ../ */
	assert_int_equal(kb->stats.unknown_words, 4);
	assert_int_equal(kb->stats.other, 1);
	assert_string_equal(cond(fx, "foo.o"), "none");
	assert_string_equal(cond(fx, "recipe.o"), "none");
	assert_string_equal(cond(fx, "defined.o"), "none");
	assert_string_equal(cond(fx, "after.o"), "y | n");
	assert_int_equal(kb->unknowns.n, 6);
	sb_reset(&fx->sb);
	for (size_t i = 0; i < kb->unknowns.n; i++) {
		char buf[64];

		sb_addf(&fx->sb, "%s %s\n", loc_str(kb->unknowns.v[i].at, buf, sizeof(buf)),
			kb->unknowns.v[i].what);
	}
	assert_contains(sb_str(&fx->sb), "Kbuild:1 word '$(patsubst %.c,%.o,$(srcs))'");
	assert_contains(sb_str(&fx->sb), "Kbuild:2 variable name 'obj-$(FOO)'");
	assert_contains(sb_str(&fx->sb), "Kbuild:3 ifeq of an expression not modelled");
	assert_contains(sb_str(&fx->sb), "Kbuild:9 include of a file the tree does not have");
	assert_contains(sb_str(&fx->sb), "Kbuild:10 object path outside the tree");
	assert_contains(sb_str(&fx->sb), "Kbuild:11 directory not below its Makefile");
}

static void test_include(void **state)
{
	struct fx *fx = *state;
	const struct vfile files[] = {
		{ "Kconfig", kconfig },
		{ "Kbuild", "obj-y += d/\n" },
		{ "d/Makefile", "include $(src)/parts.mk\n"
				"ifdef CONFIG_A\n"
				"-include $(srctree)/common/opt.mk\n"
				"endif\n"
				"-include $(src)/missing-is-fine.mk\n"
				"obj-y += $(PARTS)\n" },
		{ "d/parts.mk", "PARTS := p.o\nobj-$(CONFIG_B) += inc.o\n" },
		{ "common/opt.mk", "obj-y += ../d-opt.o\n" },
		{ NULL, NULL },
	};
	const struct vfile loop[] = {
		{ "Kconfig", kconfig }, { "Kbuild", "include Kbuild\n" }, { NULL, NULL },
	};

	assert_non_null(kb_read(fx, files, NULL));
	assert_string_equal(cond(fx, "d/p.o"), "y | n");
	assert_string_equal(cond(fx, "d/inc.o"), "B = y | B = m");
	/* the included file's words are the including directory's */
	assert_string_equal(cond(fx, "d-opt.o"), "A != n | n");
	assert_int_equal(kb->stats.makefiles, 4);
	assert_int_equal(kb->stats.other, 0);
	assert_null(kb_read(fx, loop, NULL));
	assert_contains(cap_text(&fx->cap), "Kbuild:1: error: includes nested deeper than 8");
}

static void test_continuation_and_comments(void **state)
{
	struct fx *fx = *state;
	const struct vfile files[] = {
		{ "Kconfig", kconfig },
		{ "Kbuild", "obj-y += one.o \\\n\ttwo.o # three.o\n"
			    "# obj-y += commented.o \\\n  obj-y += still-comment.o\n"
			    "obj-$(CONFIG_A) += \\\n  sub/\n" },
		{ "sub/Kbuild", "obj-y += s.o\n" },
		{ NULL, NULL },
	};
	char buf[64];

	assert_non_null(kb_read(fx, files, NULL));
	assert_string_equal(cond(fx, "one.o"), "y | n");
	assert_string_equal(cond(fx, "two.o"), "y | n");
	assert_string_equal(cond(fx, "three.o"), "none");
	assert_string_equal(cond(fx, "commented.o"), "none");
	assert_string_equal(cond(fx, "still-comment.o"), "none");
	assert_string_equal(cond(fx, "sub/s.o"), "A = y | n");
	assert_string_equal(loc_str(kb->dirs.v[1].at, buf, sizeof(buf)), "Kbuild:5");
}

static void test_arch_makefile(void **state)
{
	struct fx *fx = *state;
	const struct vfile files[] = {
		{ "Kconfig", kconfig },
		{ "Makefile", "VERSION = 6\nPATCHLEVEL = 12\nSUBLEVEL = 0\n"
			      "core-y\t:=\nlibs-y\t\t:= lib/\n" },
		{ "Kbuild", "obj-y += arch/$(SRCARCH)/\nobj-y += $(ARCH_CORE)\nobj-y += $(ARCH_LIB)\n"
			    "obj-y += $(ARCH_DRIVERS)\n" },
		{ "arch/foo/Makefile", "export BITS\n"
				       "ifeq ($(CONFIG_C),y)\nBITS := 32\nelse\nBITS := 64\nendif\n"
				       "core-$(CONFIG_A) += arch/foo/core/\n"
				       "libs-y += arch/foo/lib/ $(objtree)/x/lib.a\n"
				       "drivers-$(CONFIG_B) += arch/foo/drv/\n" },
		{ "arch/foo/Kbuild", "obj-y += k_$(BITS).o\n" },
		{ "arch/foo/core/Makefile", "obj-y += core.o\n" },
		{ "arch/foo/lib/Makefile", "lib-y += alib.o\n" },
		{ "arch/foo/drv/Makefile", "obj-y += drv.o\n" },
		{ "lib/Makefile", "lib-y += glib.o\n" },
		{ NULL, NULL },
	};
	char buf[64];

	assert_non_null(kb_read(fx, files, "foo"));
	assert_string_equal(cond(fx, "arch/foo/k_32.o"), "C = y | n");
	assert_string_equal(cond(fx, "arch/foo/k_64.o"), "!(C = y) | n");
	/* core-m is no core-y */
	assert_string_equal(cond(fx, "arch/foo/core/core.o"), "A = y | n");
	assert_string_equal(cond(fx, "arch/foo/lib/alib.o"), "y | n");
	assert_string_equal(cond(fx, "lib/glib.o"), "y | n");
	/* drivers-m joins obj-y too (ARCH_DRIVERS := $(drivers-y) $(drivers-m)) */
	assert_string_equal(cond(fx, "arch/foo/drv/drv.o"), "B != n | n");
	assert_string_equal(at(kbuild_find(kb, "lib/glib.o"), buf, sizeof(buf)), "lib/Makefile:1");
	assert_string_equal(loc_str(kb->dirs.v[1].at, buf, sizeof(buf)), "Kbuild:1");
	assert_string_equal(kb->srcarch, "foo");
	{
		int li = -1;

		for (size_t i = 0; i < kb->dirs.n; i++)
			if (!strcmp(kb->dirs.v[i].path, "lib/"))
				li = (int)i;
		assert_true(li > 0);
		assert_string_equal(loc_str(kb->dirs.v[li].at, buf, sizeof(buf)), "Makefile:5");
	}
}

static void test_errors(void **state)
{
	struct fx *fx = *state;
	const struct vfile else_alone[] = {
		{ "Kconfig", kconfig }, { "Kbuild", "obj-y += a.o\nelse\n" }, { NULL, NULL },
	};
	const struct vfile endif_alone[] = {
		{ "Kconfig", kconfig }, { "Kbuild", "endif\n" }, { NULL, NULL },
	};
	const struct vfile open_if[] = {
		{ "Kconfig", kconfig }, { "Kbuild", "obj-y += d/\n" },
		{ "d/Makefile", "ifdef CONFIG_A\nobj-y += a.o\n" }, { NULL, NULL },
	};

	assert_null(kb_read(fx, else_alone, NULL));
	assert_contains(cap_text(&fx->cap), "Kbuild:2: error: 'else' without a conditional");
	assert_null(kb_read(fx, endif_alone, NULL));
	assert_contains(cap_text(&fx->cap), "Kbuild:1: error: 'endif' without a conditional");
	assert_null(kb_read(fx, open_if, NULL));
	assert_contains(cap_text(&fx->cap), "d/Makefile:2: error: missing 'endif' at the end of the file");
}

static void test_missing_makefile(void **state)
{
	struct fx *fx = *state;
	const struct vfile files[] = {
		{ "Kconfig", kconfig }, { "Kbuild", "obj-y += gone/\nobj-y += a.o\n" }, { NULL, NULL },
	};

	assert_non_null(kb_read(fx, files, NULL));
	assert_int_equal(kb->stats.missing, 1);
	assert_null(kb->dirs.v[1].file);
	assert_string_equal(cond(fx, "a.o"), "y | n");
}

/* On disk: a FIFO or a symlink out of the tree as a Makefile is refused
 * (file:line of the line naming the directory), nothing blocks. */
static void test_containment(void **state)
{
	struct fx *fx = *state;
	struct load_config o;
	char path[600], kc[600];

	fx_mkdtemp(fx);
	fx_write(fx, "Kconfig", kconfig);
	fx_write(fx, "Kbuild", "obj-y += fifo/\nobj-y += link/\n");
	fx_write(fx, "fifo", NULL);
	snprintf(path, sizeof(path), "%s/fifo/Makefile", fx->tmpdir);
	assert_int_equal(mkfifo(path, 0600), 0);
	load_config_init(&o);
	o.srctree = fx->tmpdir;
	snprintf(kc, sizeof(kc), "%s", "Kconfig");
	o.kconfig = kc;
	fx->t = kctree_load(&o, NULL);
	assert_non_null(fx->t);
	kb = kbuild_read(fx->t, &o);
	assert_null(kb);
	assert_contains(cap_text(&fx->cap), "Kbuild:1: error: cannot read 'fifo/Makefile': ");
	fx_write(fx, "Kbuild", "obj-y += link/\n");
	fx_write(fx, "link", NULL);
	snprintf(path, sizeof(path), "%s/link/Makefile", fx->tmpdir);
	assert_int_equal(symlink("/etc/passwd", path), 0);
	kb = kbuild_read(fx->t, &o);
	assert_null(kb);
	assert_contains(cap_text(&fx->cap), "Kbuild:1: error: cannot read 'link/Makefile': ");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		KB_TEST(test_obj_lists),
		KB_TEST(test_kbuild_before_makefile),
		KB_TEST(test_composite),
		KB_TEST(test_lib_and_subdir),
		KB_TEST(test_conditionals),
		KB_TEST(test_variables),
		KB_TEST(test_unknowns_counted),
		KB_TEST(test_include),
		KB_TEST(test_continuation_and_comments),
		KB_TEST(test_arch_makefile),
		KB_TEST(test_errors),
		KB_TEST(test_missing_makefile),
		KB_TEST(test_containment),
	};

	unit_init();
	return cmocka_run_group_tests_name("kbuild", tests, NULL, NULL);
}
