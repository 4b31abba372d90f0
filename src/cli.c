#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"
#include "strbuf.h"
#include "vec.h"
#include "xalloc.h"

void cli_tree_opts_init(struct tree_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->shell = SHELL_OFF;
	o->format = FMT_TEXT;
	o->progress = isatty(STDERR_FILENO);
}

void cli_tree_opts_release(struct tree_opts *o)
{
	arch_names_release(&o->arches);
}

int cli_tree_option(struct tree_opts *o, int c, const char *arg)
{
	switch (c) {
	case OPT_TREE:
		o->tree = arg;
		return 1;
	case OPT_ARCH:
		o->arch_arg = arg;
		return 1;
	case OPT_SHELL:
		if (!strcmp(arg, "run"))
			o->shell = SHELL_RUN;
		else if (!strcmp(arg, "off"))
			o->shell = SHELL_OFF;
		else {
			diag_fatal("--shell takes 'off' or 'run', not '%s'", arg);
			return -1;
		}
		return 1;
	case OPT_FORMAT:
		if (!strcmp(arg, "text"))
			o->format = FMT_TEXT;
		else if (!strcmp(arg, "json"))
			o->format = FMT_JSON;
		else {
			diag_fatal("unknown format '%s' (text, json)", arg);
			return -1;
		}
		return 1;
	case OPT_KERNEL: {
		int maj, min;

		if (sscanf(arg, "%d.%d", &maj, &min) != 2 || maj < 2 || min < 0 || min > 99) {
			diag_fatal("--kernel takes a version like 6.1, not '%s'", arg);
			return -1;
		}
		o->kversion = maj * 100 + min;
		return 1;
	}
	}
	return 0;
}

static bool is_file(const char *dir, const char *name)
{
	struct strbuf p = STRBUF_INIT;
	struct stat st;
	bool ok;

	sb_addf(&p, "%s/%s", dir, name);
	ok = !stat(sb_str(&p), &st) && S_ISREG(st.st_mode);
	sb_release(&p);
	return ok;
}

bool cli_resolve_arches(struct tree_opts *o)
{
	struct arch_names all = { 0 };
	struct stat st;
	struct strbuf p = STRBUF_INIT;
	bool has_arch;

	if (!o->tree)
		o->tree = ".";
	if (!is_file(o->tree, "Kconfig")) {
		diag_fatal("no Kconfig file in '%s' (run from a kernel tree or pass --tree DIR)", o->tree);
		return false;
	}
	sb_addf(&p, "%s/arch", o->tree);
	has_arch = !stat(sb_str(&p), &st) && S_ISDIR(st.st_mode);
	sb_release(&p);
	if (!has_arch) {
		if (o->arch_arg) {
			diag_fatal("--arch given but '%s' has no arch/ directory", o->tree);
			return false;
		}
		o->arches.v = NULL;
		o->arches.n = 0;
		return true;
	}
	if (arch_list(o->tree, &all) < 0)
		return false;
	if (!o->arch_arg) {
		/* Kernel habit: the host's arch, as `make` would pick it. */
		o->arch_arg = "x86";
	}
	if (!strcmp(o->arch_arg, "all")) {
		o->arches = all;
		return true;
	}
	{
		VEC(char *) sel = { 0 };
		char *list = xstrdup(o->arch_arg), *save = NULL;
		bool ok = true;

		for (char *a = strtok_r(list, ",", &save); a; a = strtok_r(NULL, ",", &save)) {
			size_t i;

			for (i = 0; i < all.n && strcmp(all.v[i], a); i++)
				;
			if (i == all.n) {
				struct strbuf names = STRBUF_INIT;

				for (size_t j = 0; j < all.n; j++)
					sb_addf(&names, "%s%s", j ? " " : "", all.v[j]);
				diag_fatal("unknown architecture '%s' (have: %s)", a, sb_str(&names));
				sb_release(&names);
				ok = false;
				break;
			}
			vec_push(sel, xstrdup(a));
		}
		free(list);
		arch_names_release(&all);
		o->arches.v = sel.v;
		o->arches.n = sel.n;
		if (!ok)
			arch_names_release(&o->arches);
		return ok;
	}
}

struct kctree *cli_load(const struct tree_opts *o, size_t i)
{
	struct load_opts lo = {
		.srctree = o->tree,
		.arch = o->arches.n ? o->arches.v[i] : NULL,
		.shell = o->shell,
		.kversion = o->kversion,
	};
	struct kctree *t;

	if (o->arches.n > 1 && o->progress)
		fprintf(stderr, "\r\033[Kkcsat: loading %s (%zu/%zu)", lo.arch, i + 1, o->arches.n);
	t = kctree_load(&lo);
	if (o->arches.n > 1 && o->progress)
		fprintf(stderr, "\r\033[K");
	if (!t && lo.arch)
		diag_fatal("could not load '%s' for arch %s", o->tree, lo.arch);
	return t;
}
