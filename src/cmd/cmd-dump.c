/* kcsat dump: the front-end's view of a tree, per architecture: every
 * symbol with its type, prompts, dependencies (each item located),
 * selects/implies both ways, defaults, ranges and choice membership. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cli.h"
#include "cmd/cmd.h"
#include "util/diag.h"
#include "util/json.h"
#include "kconfig/kbuild.h"
#include "kconfig/kconfig.h"
#include "util/strbuf.h"

static const char usage[] =
	"usage: kcsat dump [--tree DIR] [--arch A|all] [--format text|json]\n"
	"                  [--shell=off|run] [--summary] [--objects]\n"
	"\n"
	"Prints every symbol of the tree as kcsat's front-end read it: type,\n"
	"prompts with their full visibility, each `depends on` (own and inherited\n"
	"from if/menu/choice blocks) with its file:line, the direct dependency,\n"
	"selects and implies in both directions, defaults, ranges and choices.\n"
	"--summary prints one line per arch instead.  --objects prints, instead,\n"
	"the object files the tree's Kbuild files build, each with its presence\n"
	"conditions (built in, as a module) and the Makefile line that lists it,\n"
	"and the constructs the Kbuild reader left unknown (see kcsat cover).\n";

static const char *L(struct loc at, char *buf, size_t n)
{
	return loc_str(at, buf, n);
}

static const char *E(struct strbuf *sb, const struct expr *e)
{
	sb_reset(sb);
	expr_print(sb, e);
	return sb_str(sb);
}

static const char *S(struct strbuf *sb, const struct symbol *s)
{
	sb_reset(sb);
	expr_print_sym(sb, s);
	return sb_str(sb);
}

static const char *via_name(const struct menu *m, const struct dep_item *d)
{
	if (d->kind == DEP_IF)
		return "if";
	switch (m->kind) {
	case M_MENU: return "menu";
	case M_CHOICE: return "choice";
	case M_COMMENT: return "comment";
	default: return "depends";
	}
}

/* Every dependency item that applies to entry m: its own, then those of
 * each enclosing block, innermost first. */
#define for_each_dep_item(m, a, d) \
	for ((a) = (m); (a); (a) = (a)->parent) \
		for ((d) = (a)->deps; (d); (d) = (d)->next)

static bool defined(const struct symbol *s)
{
	return s->flags & SYM_DEFINED;
}

static void text_symbol(FILE *f, const struct kctree *t, const struct symbol *s)
{
	struct strbuf a = STRBUF_INIT, b = STRBUF_INIT;
	char l[300], name[300];
	const struct menu *m, *anc;
	const struct dep_item *d;
	const struct property *p;

	(void)t;
	fprintf(f, "%s %s\n", sym_is_choice(s) ? "choice" : "config", sym_display_name(s, name, sizeof(name)));
	fprintf(f, "\ttype %s\n", sym_type_name(s->type));
	for (m = s->menus; m; m = m->sym_next) {
		fprintf(f, "\tdefined at %s (%s)\n", L(m->loc, l, sizeof(l)), menu_kind_name(m->kind));
		for_each_dep_item(m, anc, d)
			fprintf(f, "\t\t%s %s  # %s%s\n", d->kind == DEP_IF ? "if" : "depends on",
				E(&a, d->expr), L(d->loc, l, sizeof(l)),
				anc == m ? "" : anc->kind == M_IF ? ", enclosing if" :
				anc->kind == M_MENU ? ", enclosing menu" : ", enclosing choice");
	}
	if (s->choice)
		fprintf(f, "\tchoice %s\n", sym_display_name(s->choice->sym, name, sizeof(name)));
	if (s->flags & SYM_OPTIONAL)
		fprintf(f, "\toptional\n");
	if (s->flags & SYM_TRANSITIONAL)
		fprintf(f, "\ttransitional\n");
	if (s == t->modules)
		fprintf(f, "\tmodules\n");
	fprintf(f, "\tdirect dependency: %s\n", E(&a, s->dir_dep));
	for (p = s->props; p; p = p->sym_next) {
		switch (p->type) {
		case P_PROMPT:
			fprintf(f, "\tprompt \"%s\" visible if %s  # %s\n", p->text,
				E(&a, p->visible), L(p->loc, l, sizeof(l)));
			break;
		case P_DEFAULT:
			fprintf(f, "\tdefault %s", E(&a, p->expr));
			fprintf(f, " if %s  # %s\n", E(&b, p->visible), L(p->loc, l, sizeof(l)));
			break;
		case P_SELECT:
		case P_IMPLY:
			fprintf(f, "\t%s %s if %s  # %s\n", p->type == P_SELECT ? "select" : "imply",
				S(&a, p->target), E(&b, p->visible), L(p->loc, l, sizeof(l)));
			break;
		case P_RANGE:
			fprintf(f, "\trange %s", S(&a, p->lo));
			fprintf(f, " %s if %s  # %s\n", S(&a, p->hi), E(&b, p->visible), L(p->loc, l, sizeof(l)));
			break;
		default:
			break;
		}
	}
	for (p = s->selected_by; p; p = p->rev_next)
		fprintf(f, "\tselected by %s if %s  # %s\n", p->menu->sym->name,
			E(&a, p->visible), L(p->loc, l, sizeof(l)));
	for (p = s->implied_by; p; p = p->rev_next)
		fprintf(f, "\timplied by %s if %s  # %s\n", p->menu->sym->name,
			E(&a, p->visible), L(p->loc, l, sizeof(l)));
	sb_release(&a);
	sb_release(&b);
}

static void json_loc(struct json *j, const char *key, struct loc at)
{
	char l[300];

	json_kstring(j, key, loc_str(at, l, sizeof(l)));
}

static void json_symbol(struct json *j, const struct kctree *t, const struct symbol *s)
{
	struct strbuf a = STRBUF_INIT;
	const struct menu *m, *anc;
	const struct dep_item *d;
	const struct property *p;
	char name[300];

	json_object(j);
	json_kstring(j, "name", sym_display_name(s, name, sizeof(name)));
	json_kstring(j, "type", sym_type_name(s->type));
	json_karray(j, "definitions");
	for (m = s->menus; m; m = m->sym_next) {
		json_object(j);
		json_loc(j, "loc", m->loc);
		json_kstring(j, "kind", menu_kind_name(m->kind));
		json_kstring(j, "dep", E(&a, m->dep));
		json_karray(j, "depends");
		for_each_dep_item(m, anc, d) {
			json_object(j);
			json_kstring(j, "expr", E(&a, d->expr));
			json_loc(j, "loc", d->loc);
			json_kstring(j, "via", anc == m ? "depends" : via_name(anc, d));
			json_end(j);
		}
		json_end(j);
		json_end(j);
	}
	json_end(j);
	json_kstring(j, "direct_dep", E(&a, s->dir_dep));
	json_kstring(j, "choice", s->choice ? sym_display_name(s->choice->sym, name, sizeof(name)) : NULL);
	json_kbool(j, "modules", s == t->modules);
	json_kbool(j, "optional", s->flags & SYM_OPTIONAL);
	json_kbool(j, "transitional", s->flags & SYM_TRANSITIONAL);
	json_kbool(j, "allnoconfig_y", s->flags & SYM_ALLNOCONFIG_Y);
	json_kstring(j, "env", s->env);
	static const struct {
		const char *key;
		enum prop_type type;
	} lists[] = {
		{ "prompts", P_PROMPT }, { "defaults", P_DEFAULT }, { "selects", P_SELECT },
		{ "implies", P_IMPLY }, { "ranges", P_RANGE },
	};
	for (size_t i = 0; i < sizeof(lists) / sizeof(lists[0]); i++) {
		json_karray(j, lists[i].key);
		for (p = s->props; p; p = p->sym_next) {
			if (p->type != lists[i].type)
				continue;
			json_object(j);
			switch (p->type) {
			case P_PROMPT:
				json_kstring(j, "text", p->text);
				break;
			case P_DEFAULT:
				json_kstring(j, "value", E(&a, p->expr));
				break;
			case P_RANGE:
				json_kstring(j, "low", S(&a, p->lo));
				json_kstring(j, "high", S(&a, p->hi));
				break;
			default:
				json_kstring(j, "symbol", S(&a, p->target));
				break;
			}
			json_kstring(j, "cond", p->cond ? E(&a, p->cond) : NULL);
			json_kstring(j, "visible", E(&a, p->visible));
			json_loc(j, "loc", p->loc);
			json_end(j);
		}
		json_end(j);
	}
	for (int rev = 0; rev < 2; rev++) {
		json_karray(j, rev ? "implied_by" : "selected_by");
		for (p = rev ? s->implied_by : s->selected_by; p; p = p->rev_next) {
			json_object(j);
			json_kstring(j, "symbol", p->menu->sym->name);
			json_kstring(j, "cond", E(&a, p->visible));
			json_loc(j, "loc", p->loc);
			json_end(j);
		}
		json_end(j);
	}
	json_end(j);
	sb_release(&a);
}

static void print_tree(FILE *f, const struct kctree *t, enum out_format fmt, bool summary)
{
	const struct symbol *s;
	size_t i, nsyms = 0, nchoices = 0;
	struct json j;

	tree_for_each_sym(t, s, i)
		if (defined(s))
			sym_is_choice(s) ? nchoices++ : nsyms++;
	json_init_seq(&j, f);	/* one element of the arches array */
	if (summary) {
		if (fmt == FMT_JSON) {
			json_object(&j);
			json_kstring(&j, "arch", t->arch);
			json_kuint(&j, "symbols", nsyms);
			json_kuint(&j, "choices", nchoices);
			json_kuint(&j, "files", t->nfiles);
			json_kuint(&j, "lines", t->nlines);
			json_kuint(&j, "shell_macros", t->nshell);
			json_end(&j);
			json_finish(&j);
		} else {
			fprintf(f, "%-12s %6zu symbols %4zu choices %5u files %7u lines %4u shell macros\n",
				t->arch ? t->arch : "(tree)", nsyms, nchoices, t->nfiles, t->nlines, t->nshell);
		}
		return;
	}
	if (fmt == FMT_JSON) {
		json_object(&j);
		json_kstring(&j, "arch", t->arch);
		json_karray(&j, "symbols");
		tree_for_each_sym(t, s, i)
			if (defined(s))
				json_symbol(&j, t, s);
		json_end(&j);
		json_end(&j);
		json_finish(&j);
		return;
	}
	fprintf(f, "# arch %s: %zu symbols, %zu choices, %u files\n", t->arch ? t->arch : "(none)",
		nsyms, nchoices, t->nfiles);
	tree_for_each_sym(t, s, i)
		if (defined(s))
			text_symbol(f, t, s);
}

struct dump_opts {
	bool summary, objects;
};

/* --objects: the Kbuild reader's presence conditions (kconfig/kbuild.h). */
static bool print_objects(FILE *f, struct kctree *t, const struct load_config *c,
			  enum out_format fmt)
{
	struct kbuild *kb = kbuild_read(t, c);
	struct strbuf y = STRBUF_INIT, m = STRBUF_INIT;
	struct json j;
	char buf[600];

	if (!kb)
		return false;
	json_init_seq(&j, f);
	if (fmt == FMT_JSON) {
		json_object(&j);
		json_kstring(&j, "arch", t->arch);
		json_kuint(&j, "makefiles", kb->stats.makefiles);
		json_kuint(&j, "directories", kb->dirs.n);
		json_kuint(&j, "missing", kb->stats.missing);
		json_kuint(&j, "unknown_conditions", kb->stats.unknown_conds);
		json_kuint(&j, "unknown_words", kb->stats.unknown_words);
		json_kuint(&j, "other", kb->stats.other);
		json_karray(&j, "objects");
	} else {
		fprintf(f, "# arch %s: %zu objects, %zu Makefiles, %zu directories without one, "
			   "%zu unknown conditions, %zu words not expanded, %zu other constructs\n",
			t->arch ? t->arch : "(none)", kb->objs.n, kb->stats.makefiles,
			kb->stats.missing, kb->stats.unknown_conds, kb->stats.unknown_words,
			kb->stats.other);
	}
	for (size_t i = 0; i < kb->objs.n; i++) {
		const struct kbuild_obj *o = &kb->objs.v[i];

		sb_reset(&y);
		sb_reset(&m);
		expr_print(&y, o->y);
		expr_print(&m, o->m);
		if (fmt == FMT_JSON) {
			json_object(&j);
			json_kstring(&j, "path", o->path);
			json_kstring(&j, "y", sb_str(&y));
			json_kstring(&j, "m", sb_str(&m));
			json_kstring(&j, "at", L(o->at, buf, sizeof(buf)));
			json_end(&j);
		} else {
			fprintf(f, "%s\ty: %s\tm: %s\t%s\n", o->path, sb_str(&y), sb_str(&m),
				L(o->at, buf, sizeof(buf)));
		}
	}
	if (fmt == FMT_JSON) {
		json_end(&j);
		json_karray(&j, "unknowns");
	}
	for (size_t i = 0; i < kb->unknowns.n; i++) {
		if (fmt == FMT_JSON) {
			json_object(&j);
			json_kstring(&j, "at", L(kb->unknowns.v[i].at, buf, sizeof(buf)));
			json_kstring(&j, "what", kb->unknowns.v[i].what);
			json_end(&j);
		} else {
			fprintf(f, "# unknown %s: %s\n", L(kb->unknowns.v[i].at, buf, sizeof(buf)),
				kb->unknowns.v[i].what);
		}
	}
	if (fmt == FMT_JSON) {
		json_end(&j);
		json_end(&j);
		json_finish(&j);
	}
	sb_release(&y);
	sb_release(&m);
	kbuild_free(kb);
	return true;
}

static int dump_arch(const struct tree_opts *o, size_t i, void *ctx, FILE *out,
		     struct strbuf *result)
{
	const struct dump_opts *d = ctx;
	struct kctree *t = kctree_load_arch(&o->load, i);
	int rc = EXIT_OK;

	(void)result;
	if (!t)
		return EXIT_ERROR;
	if (d->objects)
		rc = print_objects(out, t, &o->load, o->format) ? EXIT_OK : EXIT_ERROR;
	else
		print_tree(out, t, o->format, d->summary);
	kctree_free(t);
	return rc;
}

int cmd_dump(int argc, char **argv)
{
	static const struct option longopts[] = {
		CLI_TREE_OPTIONS,
		{ "summary", no_argument, NULL, 's' },
		{ "objects", no_argument, NULL, 'O' },
		{ NULL, 0, NULL, 0 },
	};
	struct tree_opts o;
	int done;
	struct dump_opts d = { false, false };
	struct json j;
	int c, rc;

	cli_tree_opts_init(&o);
	optind = 1;
	while ((c = cli_next_option(&o, argc, argv, "", longopts, usage, &done)) != -1) {
		if (c == 's' || c == 'O') {
			*(c == 's' ? &d.summary : &d.objects) = true;
			continue;
		}
		return cli_usage_error(usage);
	}
	if (done >= 0)
		return done;
	if (!cli_no_operands(argc, argv, "dump"))
		return EXIT_ERROR;
	if (!cli_resolve_arches(&o))
		return EXIT_ERROR;
	if (o.format == FMT_JSON) {
		json_init(&j, stdout);
		json_object(&j);
		json_karray(&j, "arches");
	}
	fflush(stdout);
	/* the jobs write the elements, joined by commas */
	if (d.summary && d.objects) {
		diag_fatal("--summary and --objects exclude each other");
		cli_tree_opts_release(&o);
		return EXIT_ERROR;
	}
	rc = cli_for_each_arch(&o, dump_arch, NULL, &d, o.format == FMT_JSON ? "," : NULL);
	if (o.format == FMT_JSON) {
		json_end(&j);
		json_end(&j);
		json_finish(&j);
		putchar('\n');
	}
	cli_tree_opts_release(&o);
	return rc;
}
