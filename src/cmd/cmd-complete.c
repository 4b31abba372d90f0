/* kcsat complete WORD...: the completions of the last WORD of a kcsat
 * command line, for the bash and zsh scripts of contrib/completion (which
 * only pass the words and show the answer).
 *
 * Everything comes from kcsat's own tables: commands from commands[], each
 * command's options and operands from the usage it prints for --help (the
 * text tests/check-docs.sh holds against the man page; the common options
 * of `kcsat help` for every command whose usage takes --tree), check names
 * from lint_checks[], arch names from the tree's arch/ as --arch resolves
 * them, dialect versions from the dialect table, symbol names from the
 * front-end (kconfig/names.h, cached per tree).
 *
 * Output: one candidate per line, "WORD" or "WORD<TAB>description"; the
 * line ":files" or ":dirs" asks the shell to complete file names. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check/lint.h"
#include "cmd/cli.h"
#include "cmd/cmd.h"
#include "kconfig/dialect.h"
#include "kconfig/names.h"
#include "util/diag.h"
#include "util/strbuf.h"
#include "util/vec.h"
#include "util/xalloc.h"

static const char usage[] =
	"usage: kcsat complete WORD...\n"
	"\n"
	"Prints the completions of the last WORD (which may be empty) of the\n"
	"kcsat command line WORD... (the words after `kcsat`), one per line,\n"
	"some with a description after a tab; \":files\" and \":dirs\" ask the\n"
	"shell for file names.  For the shell completion scripts; symbol names\n"
	"come from every arch of the tree (--tree in the words, default the\n"
	"current directory), cached per tree in $XDG_CACHE_HOME/kcsat/names.\n";

/* What a placeholder of a usage text stands for. */
enum kind { K_NONE, K_ARCH, K_CHECK, K_COMMAND, K_DIALECT, K_DIR, K_EXPR, K_FILE, K_SYM };

static const struct {
	const char *word;
	enum kind kind;
} placeholders[] = {
	{ "A", K_ARCH },	{ "A[,B..]", K_ARCH },	{ "CHECK", K_CHECK },
	{ "CONFIG", K_FILE },	{ "DIR", K_DIR },	{ "EXPR", K_EXPR },
	{ "FILE", K_FILE },	{ "FILE.patch", K_FILE }, { "N", K_NONE },
	{ "NEW_TREE", K_DIR },	{ "OLD_TREE", K_DIR },	{ "SYM", K_SYM },
	{ "X.Y", K_DIALECT },	{ "command", K_COMMAND },
};

static enum kind kind_of(const char *w, size_t len)
{
	for (size_t i = 0; i < sizeof(placeholders) / sizeof(placeholders[0]); i++)
		if (strlen(placeholders[i].word) == len && !memcmp(placeholders[i].word, w, len))
			return placeholders[i].kind;
	return K_NONE;
}

/* One option or operand of a usage: name "--format", "-W", "-p" (NULL for
 * an operand), arg "text|json", "DIR", "SYM[=y|m]" or "" for a flag. */
struct spec {
	char *name, *arg;
	bool eq;	/* written --shell=off|run: the value joined with '=' */
	bool repeat;	/* an operand followed by "..." */
};
typedef VEC(struct spec) specvec;

static void spec_add(specvec *v, const char *name, size_t nlen, const char *arg, size_t alen,
		     bool eq)
{
	struct spec s = { name ? xstrndup(name, nlen) : NULL, xstrndup(arg, alen), eq, false };

	if (s.arg[0] && alen >= 3 && !strcmp(s.arg + alen - 3, "...")) {
		s.arg[alen - 3] = '\0';
		s.repeat = true;
	}
	for (size_t i = 0; name && i < v->n; i++)
		if (v->v[i].name && !strcmp(v->v[i].name, s.name)) {	/* -W twice */
			free(s.name);
			free(s.arg);
			return;
		}
	vec_push(*v, s);
}

/* One element of a usage line: "--tree DIR" (two words), "--shell=off|run",
 * "-Wno-CHECK", "--times", or an operand "SYM[=y|m]". */
static void parse_element(specvec *v, const char *w, size_t len, const char *next, size_t nlen)
{
	const char *eq = memchr(w, '=', len);

	if (w[0] != '-') {
		spec_add(v, NULL, 0, w, len, false);
	} else if (len > 2 && w[1] == 'W' && !strncmp(w, "-Wno-", 5)) {
		spec_add(v, "-W", 2, "CHECK", 5, false);	/* -Wno-CHECK is -W's */
	} else if (eq) {
		spec_add(v, w, (size_t)(eq - w), eq + 1, len - (size_t)(eq - w) - 1, true);
	} else {
		spec_add(v, w, len, next ? next : "", next ? nlen : 0, false);
	}
}

/* The words of a usage text up to its first blank line, "usage: kcsat
 * NAME" left out: [groups] and bare operands. */
static void parse_usage(specvec *v, const char *text)
{
	const char *p = strstr(text, "usage: kcsat ");
	const char *end;

	if (!p)
		return;
	p += strlen("usage: kcsat ");
	end = strstr(p, "\n\n");
	if (!end)
		end = p + strlen(p);
	while (*p && !isspace((unsigned char)*p))	/* the command's name */
		p++;
	while (p < end) {
		const char *w, *q;

		while (p < end && isspace((unsigned char)*p))
			p++;
		if (p >= end)
			break;
		if (*p == '[') {	/* one group: "[--tree DIR]", "[SYM...]" */
			int depth = 0;

			for (q = p; q < end; q++) {
				depth += *q == '[' ? 1 : *q == ']' ? -1 : 0;
				if (!depth)
					break;
			}
			w = p + 1;
			{
				const char *sp = memchr(w, ' ', (size_t)(q - w));

				if (sp)
					parse_element(v, w, (size_t)(sp - w), sp + 1, (size_t)(q - sp - 1));
				else if (q + 3 < end && !strncmp(q + 1, "...", 3) && w[0] != '-') {
					/* "[SYM...]" or "[--rules DIR|FILE]..." */
					struct strbuf op = STRBUF_INIT;

					sb_add(&op, w, (size_t)(q - w));
					sb_adds(&op, "...");
					parse_element(v, sb_str(&op), strlen(sb_str(&op)), NULL, 0);
					sb_release(&op);
				} else {
					parse_element(v, w, (size_t)(q - w), NULL, 0);
				}
			}
			p = q < end ? q + 1 : end;
			while (p < end && *p == '.')	/* a repeated option group */
				p++;
		} else {
			for (q = p; q < end && !isspace((unsigned char)*q); q++)
				;
			parse_element(v, p, (size_t)(q - p), NULL, 0);
			p = q;
		}
	}
}

/* The common options of `kcsat help`: "   --tree DIR        kernel ...",
 * an argument one space after the option, the description further. */
static void parse_common(specvec *v, const char *text)
{
	const char *p = strstr(text, "\ncommon options:\n");

	if (!p)
		return;
	p = strchr(p + 1, '\n') + 1;
	while (*p == ' ') {	/* the section ends at a blank line */
		const char *w = p, *q, *a = NULL, *e = NULL;
		const char *nl = strchr(p, '\n');

		while (*w == ' ')
			w++;
		if (*w == '-') {	/* else a description's second line */
			for (q = w; *q && *q != ' ' && *q != '\n'; q++)
				;
			if (q[0] == ' ' && q[1] && q[1] != ' ' && q[1] != '\n') {
				a = q + 1;
				for (e = a; *e && *e != ' ' && *e != '\n'; e++)
					;
			}
			parse_element(v, w, (size_t)(q - w), a, a ? (size_t)(e - a) : 0);
		}
		if (!nl)
			break;
		p = nl + 1;
	}
}

/* What cmd prints for --help (for help: the general usage), captured from
 * stdout: the commands print their usage themselves. */
static char *command_usage(const struct command *c)
{
	char name[64], help[] = "--help";
	FILE *tmp = tmpfile();
	int saved;
	long len;
	char *text;

	if (!tmp)
		return NULL;
	snprintf(name, sizeof(name), "%s", c->name);
	fflush(stdout);
	saved = dup(STDOUT_FILENO);
	if (saved < 0 || dup2(fileno(tmp), STDOUT_FILENO) < 0) {
		fclose(tmp);
		return NULL;
	}
	optind = 1;
	{
		const struct command *running = cmd_current;

		cmd_current = c;
		if (!strcmp(c->name, "help"))
			c->fn(1, (char *[]){ name, NULL });
		else
			c->fn(2, (char *[]){ name, help, NULL });
		cmd_current = running;
	}
	fflush(stdout);
	dup2(saved, STDOUT_FILENO);
	close(saved);
	len = ftell(tmp);
	text = xmalloc(len > 0 ? (size_t)len + 1 : 1);
	rewind(tmp);
	len = len > 0 ? (long)fread(text, 1, (size_t)len, tmp) : 0;
	text[len] = '\0';
	fclose(tmp);
	return text;
}

static const struct command *find_command(const char *name)
{
	for (unsigned i = 0; i < ncommands; i++)
		if (!strcmp(commands[i].name, name))
			return &commands[i];
	return NULL;
}

struct ctx {
	/* the word being completed, an opening quote left out (the shell
	 * inserts a candidate after it) */
	const char *cur;
	bool files, dirs;	/* ask the shell for file or directory names */
	const char *tree;	/* --tree, or the last tree operand of diff */
};

/* Print prefix+word if it starts with the word being completed. */
static void out(struct ctx *x, const char *prefix, const char *word, const char *desc)
{
	size_t plen = strlen(prefix), clen = strlen(x->cur);

	/* cheap first: most of 20,000 symbol names fail on their first bytes */
	if (clen > plen ? strncmp(prefix, x->cur, plen) ||
			  strncmp(word, x->cur + plen, clen - plen)
			: strncmp(prefix, x->cur, clen))
		return;
	fputs(prefix, stdout);
	fputs(word, stdout);
	if (desc)
		printf("\t%s", desc);
	putchar('\n');
}

/* "~/x" as the shell would have expanded it. */
static char *expand_home(const char *path)
{
	const char *home = getenv("HOME");
	struct strbuf sb = STRBUF_INIT;

	if (path[0] == '~' && (path[1] == '/' || !path[1]) && home)
		sb_addf(&sb, "%s%s", home, path + 1);
	else
		sb_adds(&sb, path);
	return sb_detach(&sb);
}

/* The tree's arches, as --arch resolves them ("all" is the usage's own
 * literal), after the ones already in a comma list. */
static void complete_arches(struct ctx *x, const char *prefix)
{
	const char *list = x->cur + strlen(prefix), *comma = strrchr(list, ',');
	struct strbuf pre = STRBUF_INIT;
	strvec a = { 0 };
	char *tree = expand_home(x->tree);

	sb_adds(&pre, prefix);
	if (comma)
		sb_add(&pre, list, (size_t)(comma + 1 - list));
	if (arch_select(tree, "all", &a))
		for (size_t i = 0; i < a.n; i++) {
			size_t n = strlen(a.v[i]);
			bool listed = false;

			for (const char *p = list; comma && p <= comma; p = strchr(p, ',') + 1)
				if (!strncmp(p, a.v[i], n) && p[n] == ',')
					listed = true;
			if (!listed)
				out(x, sb_str(&pre), a.v[i], NULL);
		}
	strvec_free_all(&a);
	sb_release(&pre);
	free(tree);
}

static void complete_symbols(struct ctx *x, const char *prefix)
{
	struct tree_opts o;
	struct kc_names names = { 0 };
	struct strbuf dir = STRBUF_INIT;
	const char *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
	char *tree = expand_home(x->tree);

	if (xdg && *xdg)
		sb_addf(&dir, "%s/kcsat/names", xdg);
	else
		sb_addf(&dir, "%s/.cache/kcsat/names", home && *home ? home : "/nonexistent");
	cli_tree_opts_init(&o);
	o.load.srctree = tree;
	o.arch_arg = "all";
	o.load.progress = false;
	if (cli_resolve_arches(&o) &&
	    kc_names_get(&o.load, sb_str(&dir), "kcsat " KCSAT_VERSION, &names) != NAMES_ERROR)
		for (size_t i = 0; i < names.n; i++)
			out(x, prefix, names.v[i], NULL);
	kc_names_release(&names);
	cli_tree_opts_release(&o);
	sb_release(&dir);
	free(tree);
}

static int cmp_int(const void *a, const void *b)
{
	return *(const int *)a - *(const int *)b;
}

/* The dialect versions the table knows: where a rule comes or goes. */
static void complete_dialects(struct ctx *x, const char *prefix)
{
	intvec vs = { 0 };
	char buf[16];

	vec_push(vs, DIALECT_OLDEST);
	vec_push(vs, DIALECT_NEWEST);
	for (size_t i = 0; i < DR_COUNT; i++) {
		int v[2] = { dialect_rows[i].added, dialect_rows[i].removed };

		for (int k = 0; k < 2; k++)
			if (v[k] >= DIALECT_OLDEST && v[k] <= DIALECT_NEWEST)
				vec_push(vs, v[k]);
	}
	qsort(vs.v, vs.n, sizeof(*vs.v), cmp_int);
	for (size_t i = 0; i < vs.n; i++)
		if (!i || vs.v[i] != vs.v[i - 1])
			out(x, prefix, dialect_version_str(vs.v[i], buf, sizeof(buf)), NULL);
	vec_release(vs);
}

static bool has_upper(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (isupper((unsigned char)s[i]))
			return true;
	return false;
}

/* The values of an argument spec ("text|json", "A|all", "SYM[=y|m]"),
 * each candidate after prefix. */
static void complete_arg(struct ctx *x, const char *prefix, const char *arg)
{
	const char *p = arg;

	if (!*arg)
		return;
	while (*p) {
		const char *bar = strchr(p, '|'), *br = strchr(p, '[');
		size_t len = bar ? (size_t)(bar - p) : strlen(p);
		enum kind k;

		if (br && (!bar || br < bar))	/* "SYM[=y|m]": the base */
			len = (size_t)(br - p);
		k = kind_of(p, len);
		if (k == K_NONE && len && !has_upper(p, len)) {	/* "json", "32" */
			char *lit = xstrndup(p, len);

			out(x, prefix, lit, NULL);
			free(lit);
		}
		switch (k) {
		case K_ARCH:
			complete_arches(x, prefix);
			break;
		case K_CHECK:
			for (unsigned i = 0; i < LC_COUNT; i++)
				out(x, prefix, lint_checks[i].doc.name, lint_checks[i].doc.summary);
			out(x, prefix, "all", "every check");
			break;
		case K_COMMAND:
			for (unsigned i = 0; i < ncommands; i++)
				out(x, prefix, commands[i].name, commands[i].summary);
			break;
		case K_DIALECT:
			complete_dialects(x, prefix);
			break;
		case K_DIR:
			x->dirs = true;
			break;
		case K_FILE:
			x->files = true;
			break;
		case K_SYM:
		case K_EXPR: {
			/* the identifier being written: after SYM= the values,
			 * inside an expression the last name */
			const char *cur = x->cur + strlen(prefix), *e = cur + strlen(cur), *s = e;
			struct strbuf pre = STRBUF_INIT;

			while (s > cur && (isalnum((unsigned char)s[-1]) || s[-1] == '_'))
				s--;
			sb_adds(&pre, prefix);
			sb_add(&pre, cur, (size_t)(s - cur));
			if (k == K_SYM && strchr(cur, '=')) {
				const char *vals = br ? br + 2 : "";	/* "[=y|m]" */

				sb_reset(&pre);
				sb_adds(&pre, prefix);
				sb_add(&pre, cur, (size_t)(strchr(cur, '=') + 1 - cur));
				for (const char *v = vals; *v && *v != ']'; v++)
					if (isalpha((unsigned char)*v)) {
						char val[2] = { *v, 0 };

						out(x, sb_str(&pre), val, NULL);
					}
			} else if (k == K_EXPR || s == cur) {
				complete_symbols(x, sb_str(&pre));
			}
			sb_release(&pre);
			if (br && (!bar || br < bar))
				return;
			break;
		}
		case K_NONE:
			break;
		}
		if (!bar)
			break;
		p = bar + 1;
	}
}

static void complete_options(struct ctx *x, const specvec *v)
{
	for (size_t i = 0; i < v->n; i++) {
		const struct spec *s = &v->v[i];

		if (!s->name)
			continue;
		if (!strcmp(s->name, "-W")) {	/* -WCHECK, -Wno-CHECK */
			if (!strncmp(x->cur, "-W", 2)) {
				complete_arg(x, "-W", s->arg);
				complete_arg(x, "-Wno-", s->arg);
			} else {
				out(x, "", "-W", "enable a check (-Wno-CHECK disables)");
			}
		} else if (s->eq) {
			struct strbuf pre = STRBUF_INIT;

			sb_addf(&pre, "%s=", s->name);
			complete_arg(x, sb_str(&pre), s->arg);
			sb_release(&pre);
		} else {
			out(x, "", s->name, NULL);
		}
	}
}

static int complete(int nw, char **w)
{
	struct ctx x = { .tree = "." };
	const struct command *c;
	specvec v = { 0 };
	char *text;
	size_t nops = 0;
	const struct spec *pending = NULL;
	bool options_over = false;
	char *cur = w[nw - 1];

	if (cur[0] == '\'' || cur[0] == '"')
		cur++;
	x.cur = cur;
	if (nw == 1) {
		complete_arg(&x, "", "command");
		out(&x, "", "--help", NULL);
		out(&x, "", "--version", NULL);
		goto out;
	}
	c = find_command(w[0]);
	if (!c || !strcmp(c->name, "complete") || !strcmp(c->name, "version"))
		goto out;
	if (!strcmp(c->name, "help")) {
		if (nw == 2)
			complete_arg(&x, "", "command");
		goto out;
	}
	text = command_usage(c);
	if (text) {
		parse_usage(&v, text);
		if (strstr(text, "[--tree DIR]")) {
			const struct command *h = find_command("help");
			char *common = h ? command_usage(h) : NULL;

			if (common)
				parse_common(&v, common);
			free(common);
		}
		free(text);
	}
	/* the words before: which option wants an argument, which operand is
	 * next, where the tree is */
	for (int i = 1; i < nw - 1; i++) {
		const char *a = w[i];

		if (pending) {
			if (!strcmp(pending->name, "--tree"))
				x.tree = a;
			pending = NULL;
			continue;
		}
		if (!options_over && !strcmp(a, "--")) {
			options_over = true;
			continue;
		}
		if (!options_over && a[0] == '-' && a[1]) {
			const char *eq = strchr(a, '=');

			for (size_t k = 0; k < v.n; k++) {
				const struct spec *s = &v.v[k];
				size_t n = s->name ? strlen(s->name) : 0;

				if (!s->name || strncmp(a, s->name, n))
					continue;
				if (!a[n] && s->arg[0] && !s->eq)
					pending = s;
				else if (a[n] == '=' && !strcmp(s->name, "--tree"))
					x.tree = eq + 1;
			}
			continue;
		}
		nops++;
		if (!strcmp(c->name, "diff") && nops <= 2)	/* symbols of NEW_TREE */
			x.tree = a;
	}
	if (pending) {
		complete_arg(&x, "", pending->arg);
	} else if (!options_over && cur[0] == '-' && strchr(cur, '=')) {
		for (size_t k = 0; k < v.n; k++) {
			const struct spec *s = &v.v[k];
			size_t n = s->name ? strlen(s->name) : 0;

			if (s->name && n && !strncmp(cur, s->name, n) && cur[n] == '=') {
				struct strbuf pre = STRBUF_INIT;

				sb_addf(&pre, "%s=", s->name);
				complete_arg(&x, sb_str(&pre), s->arg);
				sb_release(&pre);
			}
		}
	} else if (!options_over && cur[0] == '-') {
		complete_options(&x, &v);
	} else {
		/* the nops-th operand, or the last one that repeats */
		const struct spec *op = NULL;
		size_t k = 0;

		for (size_t i = 0; i < v.n; i++) {
			if (v.v[i].name)
				continue;
			if (k == nops) {
				op = &v.v[i];
				break;
			}
			if (v.v[i].repeat)
				op = &v.v[i];
			k++;
		}
		if (op)
			complete_arg(&x, "", op->arg);
	}
	if (x.files)	/* file names include directories */
		puts(":files");
	else if (x.dirs)
		puts(":dirs");
	for (size_t i = 0; i < v.n; i++) {
		free(v.v[i].name);
		free(v.v[i].arg);
	}
	vec_release(v);
out:
	return EXIT_OK;
}

int cmd_complete(int argc, char **argv)
{
	int first = 1;

	if (argc > 1 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
		cmd_print_usage(stdout, usage);
		return EXIT_OK;
	}
	if (argc > 1 && !strcmp(argv[1], "--"))
		first = 2;
	if (argc <= first)
		return cli_usage_error(usage);
	return complete(argc - first, argv + first);
}
