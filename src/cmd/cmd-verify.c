/* kcsat verify CONFIG...: does `make olddefconfig` keep each .config as it
 * is?  If not, which settings it changes (the olddefconfig simulation,
 * confsim.h), and why, with the file:line of every line involved. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cli.h"
#include "cmd/cmd.h"
#include "kconfig/arch.h"
#include "kconfig/confdata.h"
#include "kconfig/confsim.h"
#include "util/diag.h"
#include "kconfig/explain.h"
#include "util/json.h"
#include "kconfig/kconfig.h"
#include "sat/query.h"
#include "util/strbuf.h"
#include "util/vec.h"

static const char usage[] =
	"usage: kcsat verify CONFIG... [--fragment] [--tree DIR] [--arch A]\n"
	"                    [--format text|json] [--shell=off|run]\n"
	"\n"
	"Checks that each full .config is one `make olddefconfig` keeps as it is.\n"
	"For one it does not, prints conf's warnings on its lines (an invalid\n"
	"value) and every setting olddefconfig changes, as CONFIG_A: y -> n, with\n"
	"the lines that decide it.  Without --arch, the arch is the one the\n"
	"file's heading names (# Linux/x86_64 6.12.118 Kernel Configuration).\n"
	"A fragment (--fragment, or a file with no conf heading that leaves out\n"
	"symbols conf writes: a defconfig, a merge_config.sh fragment): only its\n"
	"own lines that do not survive olddefconfig from it, and why.\n";

static void print_change(const char *path, const struct conf_change *ch, const char *why,
			 enum out_format fmt, struct json *j)
{
	char l[300];

	if (fmt == FMT_JSON) {
		json_object(j);
		json_kstring(j, "symbol", ch->sym->name);
		json_kstring(j, "old", ch->old);
		json_kstring(j, "new", ch->new);
		json_kstring(j, "loc", ch->entry ? loc_str(ch->entry->loc, l, sizeof(l)) : NULL);
		json_kbool(j, "invalid", ch->invalid);
		json_kbool(j, "written", ch->written);
		json_kstring(j, "why", why);
		json_end(j);
		return;
	}
	printf("%s: CONFIG_%s: %s -> %s\n%s", ch->entry ? loc_str(ch->entry->loc, l, sizeof(l)) : path,
	       ch->sym->name, ch->old ? ch->old : "(absent)", ch->new, why);
}

/* conf --olddefconfig simulated (confsim.h) from the file's values; the
 * file is consistent when conf writes back every line as it is. */
static bool verify_sim(struct arch_ctx *a, struct confsim *cs, const char *path,
		       const struct config *c, bool fragment, enum out_format fmt, struct json *j)
{
	conf_changevec changes = { 0 };
	struct strbuf why = STRBUF_INIT, cause = STRBUF_INIT;
	size_t unknown;
	bool ok;

	unknown = confsim_warnings(a->t, c);
	confsim_pin_shell(cs, c);
	confsim_load(cs, c);
	cli_config_check(a->arch, a->t, cs, c, &cause);
	confsim_changes(cs, c, !fragment, &changes);
	if (!fragment && !c->generated) {
		/* no conf heading and lines missing that conf writes: a
		 * defconfig or a fragment, so only its own lines count */
		size_t k = 0;

		for (size_t i = 0; i < changes.n; i++)
			fragment |= !changes.v[i].entry;
		for (size_t i = 0; fragment && i < changes.n; i++)
			if (changes.v[i].entry)
				changes.v[k++] = changes.v[i];
		if (fragment)
			changes.n = k;
	}
	if (fmt == FMT_JSON) {
		json_object(j);
		json_kstring(j, "config", path);
		json_kstring(j, "arch", a->arch);
		json_kbool(j, "fragment", fragment);
		json_kbool(j, "consistent", !changes.n);
		json_kstring(j, "likely_cause", changes.n && cause.len ? sb_str(&cause) : NULL);
		json_karray(j, "undefined");
		for (size_t i = 0; i < c->v.n; i++) {
			const struct symbol *s = sym_find(a->t, c->v.v[i].name);

			if (!s || (s->flags & SYM_CONST) || !(s->flags & SYM_DEFINED))
				json_string(j, c->v.v[i].name);
		}
		json_end(j);
		json_karray(j, "changes");
	}
	for (size_t i = 0; i < changes.n; i++) {
		sb_reset(&why);
		explain_change(confsim_eval(cs), &changes.v[i], c, &why);
		print_change(path, &changes.v[i], sb_str(&why), fmt, j);
	}
	if (fmt == FMT_JSON) {
		json_end(j);
		json_end(j);
	} else if (fragment) {
		size_t lines = 0;

		for (size_t i = 0; i < c->v.n; i++)
			lines += config_find(c, c->v.v[i].name) == &c->v.v[i];
		if (!changes.n)
			printf("%s: every line survives olddefconfig (fragment, %s)\n", path,
			       a->arch ? a->arch : "tree");
		else
			printf("%s: olddefconfig changes %zu of its %zu line%s (fragment, %s)\n", path,
			       changes.n, lines, lines == 1 ? "" : "s", a->arch ? a->arch : "tree");
	} else if (!changes.n) {
		printf("%s: consistent (%s)\n", path, a->arch ? a->arch : "tree");
	} else {
		printf("%s: olddefconfig changes %zu setting%s (%s)\n", path, changes.n,
		       changes.n == 1 ? "" : "s", a->arch ? a->arch : "tree");
	}
	if (changes.n && cause.len && fmt != FMT_JSON)
		printf("%s: likely cause: %s\n", path, sb_str(&cause));
	if (unknown && fmt != FMT_JSON)
		printf("%s: %zu line%s name%s no symbol of %s (olddefconfig drops them)\n", path,
		       unknown, unknown == 1 ? "" : "s", unknown == 1 ? "s" : "",
		       a->arch ? a->arch : "the tree");
	ok = !changes.n;
	vec_release(changes);
	sb_release(&why);
	sb_release(&cause);
	return ok;
}

static bool verify_one(struct arch_ctx *a, const char *path, bool fragment, enum out_format fmt,
		       struct json *j)
{
	struct confsim *cs;
	struct config c;
	bool ok;

	if (!config_read(path, &c))
		return false;
	cs = confsim_new(a->t);
	ok = verify_sim(a, cs, path, &c, fragment, fmt, j);
	confsim_free(cs);
	config_release(&c);
	return ok;
}

int cmd_verify(int argc, char **argv)
{
	static const struct option longopts[] = {
		CLI_TREE_OPTIONS,
		{ "fragment", no_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	struct tree_opts o;
	int done;
	struct arch_ctx a;
	struct json j;
	int rc = EXIT_OK;
	const char *fragment = NULL;

	if ((done = cli_own_option(&o, argc, argv, longopts, 'f', usage, &fragment)) >= 0)
		return done;
	if (optind == argc) {
		diag_fatal("missing CONFIG file (see 'kcsat help verify')");
		cli_tree_opts_release(&o);
		return EXIT_ERROR;
	}
	/* the arch the file was written for, as its heading names it */
	cli_config_arch(&o, argv[optind]);
	if (!cli_resolve_arches(&o)) {
		cli_tree_opts_release(&o);
		return EXIT_ERROR;
	}
	if (o.load.arches.n > 1) {
		diag_fatal("verify checks one arch at a time (--arch NAME)");
		cli_tree_opts_release(&o);
		return EXIT_ERROR;
	}
	if (!arch_ctx_load(&a, &o.load, 0)) {
		cli_tree_opts_release(&o);
		return EXIT_ERROR;
	}
	json_init(&j, stdout);
	if (o.format == FMT_JSON) {
		json_object(&j);
		json_karray(&j, "results");
	}
	for (int i = optind; i < argc; i++) {
		struct diag_scope scope = { 0 };
		bool ok;

		diag_scope_enter(&scope);
		ok = verify_one(&a, argv[i], fragment != NULL, o.format, &j);
		diag_scope_leave(&scope);
		if (!ok)
			rc = scope.nerrors || rc == EXIT_ERROR ? EXIT_ERROR : EXIT_NO;
	}
	if (o.format == FMT_JSON) {
		json_end(&j);
		json_end(&j);
		json_finish(&j);
		putchar('\n');
	}
	arch_ctx_close(&a);
	cli_tree_opts_release(&o);
	return rc;
}
