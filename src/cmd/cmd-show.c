/* kcsat show SYM: what menuconfig's help screen says of a symbol (type,
 * prompts, where it is defined, its menu location, its dependencies,
 * selects, defaults, ranges and help), per arch where that differs, with
 * the values of a .config (--config FILE, as olddefconfig computes them
 * from it). */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cli.h"
#include "cmd/cmd.h"
#include "kconfig/confdata.h"
#include "kconfig/confsim.h"
#include "kconfig/eval.h"
#include "kconfig/kconfig.h"
#include "kconfig/show.h"
#include "sat/query.h"
#include "util/diag.h"
#include "util/json.h"
#include "util/strbuf.h"
#include "util/vec.h"
#include "util/xalloc.h"

static const char usage[] =
	"usage: kcsat show SYM [--config FILE] [--no-config] [--tree DIR] [--arch A|all]\n"
	"                  [--format text|json] [--shell=off|run]\n"
	"\n"
	"Prints what menuconfig's help screen gives for SYM: type, prompts,\n"
	"where it is defined, its menu location, the depends on, visible if,\n"
	"select, imply, default and range lines and those that select or imply\n"
	"it, each at its file:line, and its help text.  With --config FILE, every\n"
	"symbol carries its value there ([=y]), as olddefconfig computes it from\n"
	"the file (default: in an O= build directory, its .config; --no-config:\n"
	"none).  Arches that give the same answer are printed once.\n";

static void text_items(struct strbuf *sb, const char *label, const show_itemvec *v)
{
	char l[300];

	for (size_t i = 0; i < v->n; i++)
		sb_addf(sb, "  %-12s %s  (%s)\n", i ? "" : label, v->v[i].text,
			loc_str(v->v[i].loc, l, sizeof(l)));
}

static void show_text(struct strbuf *sb, const struct show_info *in)
{
	char l[300];

	sb_addf(sb, "Symbol: %s", in->sym->name);
	if (in->value)
		sb_addf(sb, " [=%s]", in->value);
	sb_addf(sb, "\nType  : %s\n", sym_type_name(in->sym->type));
	for (size_t i = 0; i < in->defined.n; i++)
		sb_addf(sb, "Defined at %s\n", loc_str(in->defined.v[i].loc, l, sizeof(l)));
	text_items(sb, "Prompt:", &in->prompts);
	text_items(sb, "Depends on:", &in->depends);
	text_items(sb, "Visible if:", &in->visible);
	if (in->location.n) {
		sb_adds(sb, "  Location:\n");
		for (size_t i = 0; i < in->location.n; i++)
			sb_addf(sb, "  %*s-> %s\n", (int)(2 * i + 2), "", in->location.v[i].text);
	}
	text_items(sb, "Default:", &in->defaults);
	text_items(sb, "Range:", &in->ranges);
	text_items(sb, "Selects:", &in->selects);
	text_items(sb, "Implies:", &in->implies);
	text_items(sb, "Selected by:", &in->selected_by);
	text_items(sb, "Implied by:", &in->implied_by);
	if (in->help) {
		const char *p = in->help;

		sb_adds(sb, "Help:\n");
		while (*p) {
			size_t n = strcspn(p, "\n");

			if (n)
				sb_addf(sb, "  %.*s\n", (int)n, p);
			else
				sb_addc(sb, '\n');
			p += n + (p[n] == '\n');
		}
	}
}

static void json_items(struct json *j, const char *key, const show_itemvec *v)
{
	char l[300];

	json_karray(j, key);
	for (size_t i = 0; i < v->n; i++) {
		json_object(j);
		json_kstring(j, "text", v->v[i].text);
		json_kstring(j, "loc", loc_str(v->v[i].loc, l, sizeof(l)));
		json_end(j);
	}
	json_end(j);
}

static void show_json(struct json *j, const char *arch, const struct show_info *in)
{
	json_object(j);
	json_kstring(j, "arch", arch);
	json_kstring(j, "symbol", in->sym->name);
	json_kstring(j, "type", sym_type_name(in->sym->type));
	json_kstring(j, "value", in->value);
	json_items(j, "prompts", &in->prompts);
	json_items(j, "defined_at", &in->defined);
	json_items(j, "location", &in->location);
	json_items(j, "depends_on", &in->depends);
	json_items(j, "visible_if", &in->visible);
	json_items(j, "defaults", &in->defaults);
	json_items(j, "ranges", &in->ranges);
	json_items(j, "selects", &in->selects);
	json_items(j, "implies", &in->implies);
	json_items(j, "selected_by", &in->selected_by);
	json_items(j, "implied_by", &in->implied_by);
	json_kstring(j, "help", in->help);
	json_end(j);
}

struct answer {
	char *text;	/* the text answer of one or more arches */
	strvec arches;
};

int cmd_show(int argc, char **argv)
{
	static const struct option longopts[] = {
		CLI_TREE_OPTIONS,
		CLI_CONFIG_OPTIONS,
		{ NULL, 0, NULL, 0 },
	};
	struct tree_opts o;
	const char *sym, *config;
	int c, done, rc = EXIT_OK;
	char suggest[128] = "";
	struct config cf = { 0 };
	VEC(struct answer) answers = { 0 };
	strvec undefined = { 0 };
	struct json j;
	bool any = false;

	cli_tree_opts_init(&o);
	o.config_wanted = true;
	optind = 1;
	while ((c = cli_next_option(&o, argc, argv, "", longopts, usage, &done)) != -1) {
		if (!cli_config_option(&o, c, optarg)) {
			cli_tree_opts_release(&o);
			return cli_usage_error(usage);
		}
	}
	if (done >= 0)
		return done;
	if (!(sym = cli_one_sym(argc, argv, "show"))) {
		cli_tree_opts_release(&o);
		return EXIT_ERROR;
	}
	if (!cli_resolve_arches(&o) || ((config = o.config) && !config_read(config, &cf))) {
		cli_tree_opts_release(&o);
		return EXIT_ERROR;
	}
	json_init(&j, stdout);
	if (o.format == FMT_JSON) {
		json_object(&j);
		json_karray(&j, "results");
	}
	for (size_t i = 0; i < load_config_count(&o.load) && rc == EXIT_OK; i++) {
		const char *arch = load_config_arch(&o.load, i);
		struct kctree *t = kctree_load_arch(&o.load, i);
		struct confsim *cs = NULL;
		struct show_info info = { 0 };
		struct strbuf sb = STRBUF_INIT;
		const struct symbol *s;
		char val, *str = NULL;
		int found;

		if (!t) {
			rc = EXIT_ERROR;
			break;
		}
		found = query_symbol(t, sym, &s, &val, &str, suggest, sizeof(suggest));
		free(str);
		if (found < 0)
			rc = EXIT_ERROR;
		if (found <= 0) {
			vec_push(undefined, xstrdup(arch ? arch : "tree"));
			kctree_free(t);
			continue;
		}
		any = true;
		if (config)
			cs = cli_config_sim(arch, t, &cf, NULL);
		show_compute(t, s, cs ? confsim_eval(cs) : NULL, &info);
		if (o.format == FMT_JSON) {
			show_json(&j, arch, &info);
		} else {
			size_t k;

			show_text(&sb, &info);
			for (k = 0; k < answers.n && strcmp(answers.v[k].text, sb_str(&sb)); k++)
				;
			if (k == answers.n) {
				struct answer a = { sb_detach(&sb), { 0 } };

				vec_push(answers, a);
			}
			vec_push(answers.v[k].arches, xstrdup(arch ? arch : "tree"));
		}
		sb_release(&sb);
		show_release(&info);
		confsim_free(cs);
		kctree_free(t);
	}
	if (o.format == FMT_JSON) {
		json_end(&j);
		json_end(&j);
		json_finish(&j);
		putchar('\n');
	}
	for (size_t k = 0; k < answers.n; k++) {
		if (load_config_count(&o.load) > 1) {
			printf("%s", k ? "\n" : "");
			printf("on ");
			for (size_t i = 0; i < answers.v[k].arches.n; i++)
				printf("%s%s", i ? ", " : "", answers.v[k].arches.v[i]);
			printf(":\n");
		}
		fputs(answers.v[k].text, stdout);
		free(answers.v[k].text);
		strvec_free_all(&answers.v[k].arches);
	}
	vec_release(answers);
	if (rc == EXIT_OK && !any)
		rc = query_unknown_symbol(&o.load, sym, suggest);
	else if (rc == EXIT_OK && undefined.n && o.format != FMT_JSON) {
		printf("\nnot defined on ");
		for (size_t i = 0; i < undefined.n; i++)
			printf("%s%s", i ? ", " : "", undefined.v[i]);
		printf("\n");
	}
	strvec_free_all(&undefined);
	config_release(&cf);
	cli_tree_opts_release(&o);
	return rc;
}
