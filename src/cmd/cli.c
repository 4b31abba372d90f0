#include "cmd/cli.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "util/diag.h"
#include "util/srccache.h"
#include "util/strbuf.h"
#include "util/vec.h"
#include "util/xalloc.h"

void cli_tree_opts_init(struct tree_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->shell = SHELL_OFF;
	o->format = FMT_TEXT;
	o->progress = isatty(STDERR_FILENO);
	o->jobs = (int)sysconf(_SC_NPROCESSORS_ONLN);
	if (o->jobs < 1)
		o->jobs = 1;
}

void cli_tree_opts_release(struct tree_opts *o)
{
	arch_names_release(&o->arches);
	srccache_free(o->cache);
	o->cache = NULL;
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
	case OPT_JOBS: {
		char *end;
		long n = strtol(arg, &end, 10);

		if (*end || n < 1 || n > 256) {
			diag_fatal("--jobs takes a number from 1 to 256, not '%s'", arg);
			return -1;
		}
		o->jobs = (int)n;
		return 1;
	}
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

int cli_next_option(struct tree_opts *o, int argc, char **argv, const char *shortopts,
		    const struct option *longopts, const char *usage, int *done)
{
	int c;

	*done = -1;
	while ((c = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
		int r = cli_tree_option(o, c, optarg);

		if (r < 0) {
			*done = EXIT_ERROR;
			return -1;
		}
		if (r)
			continue;
		if (c == OPT_HELP) {
			fputs(usage, stdout);
			*done = EXIT_OK;
			return -1;
		}
		if (c == '?') {
			*done = cli_usage_error(usage);
			return -1;
		}
		return c;
	}
	return -1;
}

int cli_usage_error(const char *usage)
{
	fputs(usage, stderr);
	return EXIT_ERROR;
}

const char *cli_one_sym(int argc, char **argv, const char *cmd)
{
	if (optind + 1 == argc)
		return argv[optind];
	diag_fatal("%s (see 'kcsat help %s')", optind == argc ? "missing SYM" : "one SYM at a time", cmd);
	return NULL;
}

bool cli_no_operands(int argc, char **argv, const char *cmd)
{
	if (optind == argc)
		return true;
	diag_fatal("unexpected argument '%s' (see 'kcsat help %s')", argv[optind], cmd);
	return false;
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

static bool resolve_arches(struct tree_opts *o)
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
		/* Kernel habit: the host's arch, as `make` would pick it;
		 * whole-tree commands (lint) check every arch. */
		o->arch_arg = o->all_arches ? "all" : "x86";
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

bool cli_resolve_arches(struct tree_opts *o)
{
	if (!resolve_arches(o))
		return false;
	if (!o->cache)	/* only now: the error paths above need no release */
		o->cache = srccache_new();
	return true;
}

struct kctree *cli_load(const struct tree_opts *o, size_t i)
{
	struct load_opts lo = {
		.srctree = o->tree,
		.arch = o->arches.n ? o->arches.v[i] : NULL,
		.shell = o->shell,
		.kversion = o->kversion,
		.cache = o->cache,
		.keep_cycles = o->keep_cycles,
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

static int worst(int a, int b)
{
	return a == EXIT_ERROR || b == EXIT_ERROR ? EXIT_ERROR : a > b ? a : b;
}

static void emit(FILE *out, const char *text, size_t len, const char *sep, bool *any)
{
	if (!len)
		return;
	if (*any && sep)
		fputs(sep, out);
	fwrite(text, 1, len, out);
	*any = true;
}

int cli_for_each_arch(const struct tree_opts *o, arch_job_fn job, arch_merge_fn merge,
		      void *ctx, const char *sep)
{
	size_t n = o->arches.n ? o->arches.n : 1;
	int jobs = o->jobs < 1 ? 1 : (size_t)o->jobs > n ? (int)n : o->jobs;
	struct strbuf res = STRBUF_INIT;
	bool any = false;
	int rc = EXIT_OK;

	if (jobs <= 1) {
		for (size_t i = 0; i < n; i++) {
			char *buf = NULL;
			size_t len = 0;
			FILE *out = open_memstream(&buf, &len);

			sb_reset(&res);
			rc = worst(rc, job(o, i, ctx, out, &res));
			fclose(out);
			emit(stdout, buf, len, sep, &any);
			free(buf);
			if (merge)
				merge(ctx, i, sb_str(&res));
		}
		sb_release(&res);
		return rc;
	}
	{
		/* Workers take the next arch from a pipe of indexes as they
		 * finish one (arches differ in cost several times over), and
		 * leave, per arch, its output, result and exit code in files;
		 * the parent replays them in order. */
		char dir[] = "/tmp/kcsat-jobs-XXXXXX";
		struct strbuf path = STRBUF_INIT;
		pid_t *pids = calloc((size_t)jobs, sizeof(pid_t));
		int queue[2] = { -1, -1 };

		if (!mkdtemp(dir) || !pids) {
			free(pids);
			diag_fatal("cannot create a temporary directory for --jobs");
			return EXIT_ERROR;
		}
		if (pipe(queue) < 0) {
			free(pids);
			rmdir(dir);
			diag_fatal("cannot create a pipe for --jobs");
			return EXIT_ERROR;
		}
		/* the indexes fit the pipe's buffer: 4 bytes per arch */
		for (uint32_t i = 0; i < (uint32_t)n; i++)
			if (write(queue[1], &i, sizeof(i)) != (ssize_t)sizeof(i))
				rc = EXIT_ERROR;
		close(queue[1]);
		fflush(NULL);
		for (int k = 0; k < jobs; k++) {
			pids[k] = fork();
			if (pids[k] < 0) {
				diag_fatal("fork failed");
				rc = EXIT_ERROR;
				break;
			}
			if (pids[k] == 0) {
				uint32_t i;

				/* reads of 4 bytes written 4 at a time are never split */
				while (read(queue[0], &i, sizeof(i)) == (ssize_t)sizeof(i)) {
					FILE *out, *r;
					int jrc;

					sb_reset(&path);
					sb_addf(&path, "%s/%u.out", dir, (unsigned)i);
					out = fopen(sb_str(&path), "w");
					sb_reset(&res);
					jrc = out ? job(o, i, ctx, out, &res) : EXIT_ERROR;
					if (out)
						fclose(out);
					sb_reset(&path);
					sb_addf(&path, "%s/%u.res", dir, (unsigned)i);
					if ((r = fopen(sb_str(&path), "w"))) {
						fprintf(r, "%d\n%s", jrc, sb_str(&res));
						fclose(r);
					}
				}
				fflush(NULL);
				_exit(0);
			}
		}
		close(queue[0]);
		for (int k = 0; k < jobs; k++)
			if (pids[k] > 0)
				waitpid(pids[k], NULL, 0);
		free(pids);
		for (size_t i = 0; i < n; i++) {
			size_t len = 0;
			char *text;

			sb_reset(&path);
			sb_addf(&path, "%s/%zu.out", dir, i);
			if ((text = read_whole_file(sb_str(&path), &len))) {
				emit(stdout, text, len, sep, &any);
				free(text);
			}
			unlink(sb_str(&path));
			sb_reset(&path);
			sb_addf(&path, "%s/%zu.res", dir, i);
			text = read_whole_file(sb_str(&path), &len);
			if (!text) {
				rc = EXIT_ERROR;	/* the worker died */
			} else {
				char *nl = strchr(text, '\n');

				rc = worst(rc, atoi(text));
				if (merge)
					merge(ctx, i, nl ? nl + 1 : "");
				free(text);
			}
			unlink(sb_str(&path));
		}
		rmdir(dir);
		sb_release(&path);
	}
	sb_release(&res);
	return rc;
}
