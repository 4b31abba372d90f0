#include "cmd/cli.h"

#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kconfig/dialect.h"
#include "sat/query.h"
#include "sat/sat.h"
#include "kconfig/kconfig.h"
#include "util/diag.h"
#include "util/json.h"
#include "util/srccache.h"
#include "util/strbuf.h"

void cli_tree_opts_init(struct tree_opts *o)
{
	memset(o, 0, sizeof(*o));
	load_config_init(&o->load);
	o->format = FMT_TEXT;
	/* a terminal that can take "\r\033[K" */
	o->load.progress = isatty(STDERR_FILENO) && !(getenv("TERM") && !strcmp(getenv("TERM"), "dumb"));
	o->load.jobs = (int)sysconf(_SC_NPROCESSORS_ONLN);
	if (o->load.jobs < 1)
		o->load.jobs = 1;
}

void cli_tree_opts_release(struct tree_opts *o)
{
	load_config_release(&o->load);
}

int cli_tree_option(struct tree_opts *o, int c, const char *arg)
{
	switch (c) {
	case OPT_TREE:
		o->load.srctree = arg;
		return 1;
	case OPT_ARCH:
		o->arch_arg = arg;
		return 1;
	case OPT_SHELL:
		if (!strcmp(arg, "run"))
			o->load.shell = SHELL_RUN;
		else if (!strcmp(arg, "off"))
			o->load.shell = SHELL_OFF;
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
		o->load.jobs = (int)n;
		return 1;
	}
	case OPT_SAT_BUDGET: {
		char *end;
		unsigned long long n;

		if (!strcmp(arg, "none")) {
			sat_set_budget(0);
			return 1;
		}
		errno = 0;
		n = strtoull(arg, &end, 10);
		if (!isdigit((unsigned char)*arg) || *end || errno || n == 0) {
			diag_fatal("--sat-budget takes a number of clause visits from 1 or 'none', not '%s'",
				   arg);
			return -1;
		}
		sat_set_budget(n);
		return 1;
	}
	case OPT_KERNEL:
		if (!dialect_parse_version(arg, &o->load.kversion)) {
			diag_fatal("--kernel takes a version like 6.1, not '%s'", arg);
			return -1;
		}
		return 1;
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
	struct load_config *c = &o->load;
	struct stat st;
	struct strbuf p = STRBUF_INIT;
	bool has_arch;

	if (!c->srctree)
		c->srctree = ".";
	if (!is_file(c->srctree, "Kconfig")) {
		diag_fatal("no Kconfig file in '%s' (run from a kernel tree or pass --tree DIR)", c->srctree);
		return false;
	}
	sb_addf(&p, "%s/arch", c->srctree);
	has_arch = !stat(sb_str(&p), &st) && S_ISDIR(st.st_mode);
	sb_release(&p);
	if (!has_arch) {
		if (o->arch_arg) {
			diag_fatal("--arch given but '%s' has no arch/ directory", c->srctree);
			return false;
		}
		strvec_free_all(&c->arches);
		return true;
	}
	if (!o->arch_arg) {
		/* Kernel habit: the host's arch, as `make` would pick it;
		 * whole-tree commands (lint) check every arch. */
		o->arch_arg = o->all_arches ? "all" : "x86";
	}
	return arch_select(c->srctree, o->arch_arg, &c->arches);
}

bool cli_resolve_arches(struct tree_opts *o)
{
	if (!resolve_arches(o))
		return false;
	/* once, before any load forks: the dialect's note or error */
	if (kctree_dialect(&o->load) < 0) {
		strvec_free_all(&o->load.arches);
		return false;
	}
	if (!o->load.cache)	/* only now: the error paths above need no release */
		o->load.cache = srccache_new();
	return true;
}

/* arch_for_each()'s ctx: the command's job and merge, with its options. */
struct cli_run {
	const struct tree_opts *o;
	cli_job_fn job;
	arch_merge_fn merge;
	void *ctx;
	bool seq;		/* the outputs are elements of one JSON array */
};

/* The job, with its output held back: if one of its solves ran out of
 * budget, what it printed and its result (for the merge) rest on an answer
 * nobody has, so both are replaced by "unknown" for the arch. */
static int cli_job(const struct load_config *c, size_t i, void *ctx, FILE *out,
		   struct strbuf *result)
{
	const struct cli_run *r = ctx;
	unsigned long long e0 = (sat_renew(), sat_exhausted());
	const char *arch = c->arches.n ? c->arches.v[i] : "tree";
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);
	int rc;

	if (!mem) {
		diag_fatal("out of memory");
		return EXIT_ERROR;
	}
	rc = r->job(r->o, i, r->ctx, mem, result);
	fclose(mem);
	if (rc != EXIT_ERROR && sat_exhausted() > e0) {
		sb_reset(result);
		diag_note((struct loc){ 0, 0 }, "arch %s: unknown: solver budget exhausted", arch);
		if (r->o->format == FMT_JSON && !r->seq) {
			;	/* the command prints one JSON document itself */
		} else if (r->o->format == FMT_JSON) {
			struct json j;

			json_init_seq(&j, out);
			json_object(&j);
			json_kstring(&j, "arch", arch);
			json_kstring(&j, "unknown", "solver budget exhausted");
			json_kint(&j, "solves", (long long)(sat_exhausted() - e0));
			json_end(&j);
			json_finish(&j);
		} else {
			fprintf(out, "%s: unknown: solver budget exhausted (%llu solves; see --sat-budget)\n",
				arch, sat_exhausted() - e0);
		}
		rc = EXIT_UNKNOWN;
	} else {
		fwrite(buf, 1, len, out);
	}
	free(buf);
	return rc;
}

static void cli_merge(void *ctx, size_t i, const char *result)
{
	const struct cli_run *r = ctx;

	r->merge(r->ctx, i, result);
}

int cli_for_each_arch(const struct tree_opts *o, cli_job_fn job, arch_merge_fn merge, void *ctx,
		      const char *sep)
{
	struct cli_run r = { o, job, merge, ctx, sep != NULL };

	return arch_for_each(&o->load, cli_job, merge ? cli_merge : NULL, &r, sep);
}

int cli_run_query(const struct tree_opts *o, cli_job_fn job, arch_merge_fn merge, void *ctx)
{
	struct json j;
	int rc;

	if (o->format == FMT_JSON) {
		json_init(&j, stdout);
		json_object(&j);
		json_karray(&j, "results");
	}
	fflush(stdout);
	/* the jobs write the elements (json_init_seq), joined by commas */
	rc = cli_for_each_arch(o, job, merge, ctx, o->format == FMT_JSON ? "," : NULL);
	if (o->format == FMT_JSON) {
		json_end(&j);
		json_end(&j);
		json_finish(&j);
		fputc('\n', stdout);
	}
	return rc;
}

bool cli_bits_option(const char *arg, int *bits)
{
	if (!strcmp(arg, "32") || !strcmp(arg, "64") || !strcmp(arg, "all")) {
		*bits = !strcmp(arg, "32") ? 32 : !strcmp(arg, "64") ? 64 : 0;	/* 0: every bitness */
		return true;
	}
	diag_fatal("--bits takes 32, 64 or all, not '%s'", arg);
	return false;
}

int cli_sym_command(struct tree_opts *o, int argc, char **argv, const char *usage,
		    const char *cmd, int *bits, const char **sym)
{
	static const struct option longopts[] = {
		CLI_TREE_OPTIONS,
		{ "bits", required_argument, NULL, 'b' },
		{ NULL, 0, NULL, 0 },
	};
	int c, done;

	cli_tree_opts_init(o);
	optind = 1;
	while ((c = cli_next_option(o, argc, argv, "", longopts, usage, &done)) != -1) {
		if (c != 'b')
			return cli_usage_error(usage);
		if (!cli_bits_option(optarg, bits))
			return EXIT_ERROR;
	}
	if (done >= 0)
		return done;
	if (!(*sym = cli_one_sym(argc, argv, cmd)) || !cli_resolve_arches(o))
		return EXIT_ERROR;
	return -1;
}

void cli_no_case(const struct tree_opts *o, struct arch_ctx *a, int bits, FILE *out,
		 struct json *j)
{
	struct strbuf why = STRBUF_INIT;

	query_no_case_reason(a, bits, &why);
	if (o->format == FMT_JSON) {
		json_object(j);
		json_kstring(j, "arch", a->arch);
		json_kint(j, "bits", bits);
		json_kstring(j, "no_case", sb_str(&why));
		json_end(j);
	} else {
		fprintf(out, "%s: %s\n", a->arch ? a->arch : "tree", sb_str(&why));
	}
	sb_release(&why);
}

int cli_no_case_error(int bits)
{
	diag_fatal("--bits %d: no %d-bit build on the arches asked for", bits, bits);
	return EXIT_ERROR;
}

int cli_sym_answer_status(struct tree_opts *o, int rc, const struct sym_answer *a,
			  int if_reachable)
{
	if (rc == EXIT_ERROR || rc == EXIT_UNKNOWN)
		;
	else if (!a->defined)
		rc = query_unknown_symbol(&o->load, a->arg, a->suggest);
	else if (!a->any_case)
		rc = cli_no_case_error(a->bits);
	else
		rc = a->reachable ? if_reachable : (if_reachable == EXIT_OK ? EXIT_NO : EXIT_OK);
	cli_tree_opts_release(o);
	return rc;
}
