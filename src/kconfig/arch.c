#include "kconfig/arch.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "kconfig/kconfig.h"
#include "kconfig/preprocess.h"
#include "util/diag.h"
#include "util/jobs.h"
#include "util/strbuf.h"
#include "util/vec.h"
#include "util/xalloc.h"

static const struct {
	const char *srcarch, *arch, *subarch, *header_arch;
} arch_table[] = {
	/* "$(SUBARCH)" = "x86" keeps um's 64BIT selectable */
	{ "um", "um", "x86", "x86" },
};

/* kbuild's ARCH= names for a SRCARCH that name one bitness (the top
 * Makefile's SRCARCH assignments): each loads arch/SRCARCH with ARCH set
 * to the name, so 64BIT's prompt (`if "$(ARCH)" = "x86"`) is hidden and
 * its default fixes the bitness. */
static const struct {
	const char *name, *srcarch;
} arch_aliases[] = {
	{ "i386", "x86" },
	{ "parisc64", "parisc" },
	{ "sparc32", "sparc" },
	{ "sparc64", "sparc" },
	{ "x86_64", "x86" },
};

const char *arch_srcarch(const char *name)
{
	for (size_t i = 0; i < sizeof(arch_aliases) / sizeof(arch_aliases[0]); i++)
		if (!strcmp(arch_aliases[i].name, name))
			return arch_aliases[i].srcarch;
	return name;
}

size_t arch_halves(const char *srcarch, const char **out, size_t max)
{
	size_t n = 0;

	for (size_t i = 0; i < sizeof(arch_aliases) / sizeof(arch_aliases[0]); i++)
		if (!strcmp(arch_aliases[i].srcarch, srcarch)) {
			if (n < max)
				out[n] = arch_aliases[i].name;
			n++;
		}
	return n;
}

int arch_list(const char *srctree, strvec *out)
{
	struct strbuf path = STRBUF_INIT;
	strvec names = { 0 };
	struct dirent *de;
	DIR *d;

	sb_addf(&path, "%s/arch", srctree);
	d = opendir(sb_str(&path));
	if (!d) {
		diag_fatal("no arch/ directory in '%s' (is it a kernel tree?)", srctree);
		sb_release(&path);
		return -1;
	}
	while ((de = readdir(d))) {
		struct stat st;
		struct strbuf k = STRBUF_INIT;

		if (de->d_name[0] == '.')
			continue;
		sb_addf(&k, "%s/%s/Kconfig", sb_str(&path), de->d_name);
		if (!stat(sb_str(&k), &st) && S_ISREG(st.st_mode))
			vec_push(names, xstrdup(de->d_name));
		sb_release(&k);
	}
	closedir(d);
	sb_release(&path);
	strvec_sort(&names);
	*out = names;
	return 0;
}

bool arch_select(const char *srctree, const char *spec, strvec *out)
{
	strvec all = { 0 };
	strvec sel = { 0 };
	char *list, *save = NULL;
	bool ok = true;

	*out = (strvec){ 0 };
	/* "" or "a,,b" would select fewer arches than asked for (none: the
	 * tree read as if it had no arch/) */
	if (!*spec || *spec == ',' || spec[strlen(spec) - 1] == ',' || strstr(spec, ",,")) {
		diag_fatal("empty architecture name in --arch '%s'", spec);
		return false;
	}
	if (arch_list(srctree, &all) < 0)
		return false;
	if (!strcmp(spec, "all")) {
		*out = all;
		return true;
	}
	list = xstrdup(spec);
	for (char *a = strtok_r(list, ",", &save); a; a = strtok_r(NULL, ",", &save)) {
		size_t i;

		for (i = 0; i < all.n && strcmp(all.v[i], arch_srcarch(a)); i++)
			;
		if (i == all.n) {
			struct strbuf names = STRBUF_INIT;

			for (size_t j = 0; j < all.n; j++)
				sb_addf(&names, "%s%s", j ? " " : "", all.v[j]);
			for (size_t j = 0; j < sizeof(arch_aliases) / sizeof(arch_aliases[0]); j++)
				if (strvec_contains(&all, arch_aliases[j].srcarch))
					sb_addf(&names, "%s%s", j ? ", " : "; kbuild names: ",
						arch_aliases[j].name);
			diag_fatal("unknown architecture '%s' (have: %s)", a, sb_str(&names));
			sb_release(&names);
			ok = false;
			break;
		}
		vec_push(sel, xstrdup(a));
	}
	free(list);
	strvec_free_all(&all);
	*out = sel;
	if (!ok)
		strvec_free_all(out);
	return ok;
}

struct per_arch {
	const struct load_config *c;
	arch_job_fn job;
	arch_merge_fn merge;
	void *ctx;
};

static int run_one(size_t i, void *ctx, FILE *out, struct strbuf *result)
{
	const struct per_arch *pa = ctx;

	return pa->job(pa->c, i, pa->ctx, out, result);
}

static void merge_one(void *ctx, size_t i, const char *result)
{
	const struct per_arch *pa = ctx;

	pa->merge(pa->ctx, i, result);
}

int arch_for_each(const struct load_config *c, arch_job_fn job, arch_merge_fn merge, void *ctx,
		  const char *sep)
{
	struct per_arch pa = { c, job, merge, ctx };
	struct job_spec js = {
		.n = load_config_count(c),
		.what = "arch",
		.names = c->arches.n ? (const char *const *)c->arches.v : NULL,
		.procs = c->jobs,
		.run = run_one,
		.merge = merge ? merge_one : NULL,
		.ctx = &pa,
		.sep = sep,
		.progress = c->progress && c->arches.n > 0,
	};

	return jobs_run(&js);
}

const char *arch_kbuild_arch(const char *srcarch)
{
	for (size_t i = 0; i < sizeof(arch_table) / sizeof(arch_table[0]); i++)
		if (!strcmp(arch_table[i].srcarch, srcarch))
			return arch_table[i].arch;
	/* x86, sparc, parisc: the generic ARCH leaves 64BIT to the user */
	return srcarch;
}

static void set(struct pp *pp, const char *name, const char *value, int run_shell)
{
	pp_setenv(pp, name, value);
	if (run_shell)
		setenv(name, value, 1);	/* kbuild exports these to commands */
}

void arch_setup_env(struct pp *pp, const char *srcarch, const char *srctree,
		    const char *kernelversion, int run_shell)
{
	static const char *const tools[][2] = {
		{ "CC", "gcc" }, { "LD", "ld" }, { "AR", "ar" }, { "NM", "nm" },
		{ "OBJCOPY", "objcopy" }, { "PAHOLE", "pahole" },
		{ "RUSTC", "rustc" }, { "BINDGEN", "bindgen" },
		{ "PYTHON3", "python3" }, { "CLANG_FLAGS", "" },
	};
	const char *subarch = "x86", *header_arch = NULL, *name = srcarch;
	const char *env_sub = getenv("SUBARCH");

	srcarch = arch_srcarch(name);
	for (size_t i = 0; i < sizeof(arch_table) / sizeof(arch_table[0]); i++)
		if (!strcmp(arch_table[i].srcarch, srcarch)) {
			subarch = arch_table[i].subarch;
			header_arch = arch_table[i].header_arch;
		}
	/* `make ARCH=um SUBARCH=i386`: um's bitness follows SUBARCH, and its
	 * headers come from the x86 family's directory */
	if (!strcmp(srcarch, "um") && env_sub && *env_sub) {
		subarch = env_sub;
		header_arch = !strcmp(env_sub, "i386") || !strcmp(env_sub, "x86_64") ? "x86" : env_sub;
	}
	set(pp, "ARCH", arch_kbuild_arch(name), run_shell);
	set(pp, "SRCARCH", srcarch, run_shell);
	set(pp, "SUBARCH", subarch, run_shell);
	if (header_arch)
		set(pp, "HEADER_ARCH", header_arch, run_shell);
	set(pp, "KERNELVERSION", kernelversion ? kernelversion : "", run_shell);
	/* In-tree kbuild sets srctree=. ; with shell off it only appears in
	 * unknown commands, which then read the same for any checkout. */
	set(pp, "srctree", run_shell ? srctree : ".", run_shell);
	for (size_t i = 0; i < sizeof(tools) / sizeof(tools[0]); i++) {
		const char *env = getenv(tools[i][0]);

		/* `make CC=clang` reaches Kconfig as the environment */
		set(pp, tools[i][0], env && *env ? env : tools[i][1], run_shell);
	}
	/* kbuild computes these with $(shell ...) before Kconfig runs */
	{
		struct strbuf cmd = STRBUF_INIT;
		const char *cc = getenv("CC"), *rustc = getenv("RUSTC");

		sb_addf(&cmd, "LC_ALL=C %s --version 2>/dev/null | head -n 1",
			cc && *cc ? cc : "gcc");
		pp_setenv_shell(pp, "CC_VERSION_TEXT", sb_str(&cmd));
		sb_reset(&cmd);
		sb_addf(&cmd, "%s --version 2>/dev/null", rustc && *rustc ? rustc : "rustc");
		pp_setenv_shell(pp, "RUSTC_VERSION_TEXT", sb_str(&cmd));
		sb_release(&cmd);
	}
}
