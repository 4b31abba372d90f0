#include "kconfig/preprocess.h"

#include <ctype.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/strbuf.h"
#include "util/strindex.h"
#include "util/vec.h"
#include "util/xalloc.h"

#define FUNCTION_MAX_ARGS 16
#define MAX_DEPTH 1000

struct variable {
	char *name, *value;
	enum var_flavor flavor;
	int exp_count;
};

struct env {
	char *name, *value;
};

struct pp {
	enum shell_mode shell;
	VEC(struct variable) vars;
	VEC(struct env) env;
	strvec pass;		/* environment variables read from the process */
	bool pass_all;
	strvec unknown;		/* reference body of each marker id */
	strvec display;		/* by marker id: how to show it (pp_display()) */
	struct strindex unk_index;	/* unknown -> marker id */
	struct loc at;
	bool failed;
	unsigned nshell;
	int depth;
	unsigned long steps;	/* $(...) evaluations in this statement */
	unsigned long work;	/* bytes of results copied in this statement */
	unsigned long long total;	/* bytes of results copied in this load */
	bool total_said;	/* the PP_MAX_TOTAL error was printed */
};

struct pp *pp_new(enum shell_mode shell)
{
	struct pp *pp = xcalloc(1, sizeof(*pp));

	pp->shell = shell;
	pp->pass_all = shell == SHELL_RUN;	/* kbuild's behaviour */
	return pp;
}

void pp_free(struct pp *pp)
{
	if (!pp)
		return;
	for (size_t i = 0; i < pp->vars.n; i++) {
		free(pp->vars.v[i].name);
		free(pp->vars.v[i].value);
	}
	for (size_t i = 0; i < pp->env.n; i++) {
		free(pp->env.v[i].name);
		free(pp->env.v[i].value);
	}
	vec_release(pp->vars);
	vec_release(pp->env);
	strvec_free_all(&pp->pass);
	strvec_free_all(&pp->unknown);
	strvec_free_all(&pp->display);
	strindex_release(&pp->unk_index);
	free(pp);
}

void pp_set_loc(struct pp *pp, struct loc at)
{
	pp->at = at;
}

unsigned pp_shell_count(const struct pp *pp)
{
	return pp->nshell;
}

bool pp_has_unknown(const char *s)
{
	return strchr(s, PP_UNK_OPEN) != NULL;
}

static void pp_error(struct pp *pp, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void pp_error(struct pp *pp, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;

	if (!pp->failed) {
		va_start(ap, fmt);
		vsnprintf(buf, sizeof(buf), fmt, ap);
		va_end(ap);
		diag_error(pp->at, "%s", buf);
	}
	pp->failed = true;
}

/* Unknown values are interned by the reference's text, what stands between
 * "$(" and ")" ("shell,CMD", an environment variable's name): the same
 * probe written twice is one unknown, as it is one answer on a real
 * toolchain. */
static char *make_unknown(struct pp *pp, const char *cmd)
{
	uint32_t id;
	char buf[32];

	if (!strindex_find(&pp->unk_index, cmd, &id)) {
		struct strbuf d = STRBUF_INIT;

		id = (uint32_t)pp->unknown.n;
		sb_adds(&d, "$(");
		pp_display(pp, cmd, &d);
		sb_adds(&d, ")");
		vec_push(pp->unknown, xstrdup(cmd));
		vec_push(pp->display, sb_detach(&d));
		strindex_put(&pp->unk_index, vec_last(pp->unknown), id);
	}
	snprintf(buf, sizeof(buf), "%c%" PRIu32 "%c", PP_UNK_OPEN, id, PP_UNK_CLOSE);
	return xstrdup(buf);
}

/* Markers only ever name commands made before the one being rendered, so
 * bounding the id makes rendering terminate even on forged marker bytes.
 * Iterative (an unknown nests the previous one 50k times deep in a hostile
 * tree) and capped at PP_MAX_LEN: an unknown that names the previous one
 * twice doubles the rendered text at every level. */
void pp_render(const struct pp *pp, const char *s, struct strbuf *out)
{
	struct frame { const char *s; size_t bound; };
	VEC(struct frame) stack = { NULL, 0, 0 };
	size_t start = out->len;

	vec_push(stack, ((struct frame){ s, pp->unknown.n }));
	while (stack.n) {
		struct frame *f = &vec_last(stack);
		const char *open;
		char *end;
		unsigned long id;

		if (out->len - start > PP_MAX_LEN) {
			sb_adds(out, "...");
			break;
		}
		if (!*f->s) {
			stack.n--;
			if (stack.n)
				sb_addc(out, ')');
			continue;
		}
		open = strchr(f->s, PP_UNK_OPEN);
		if (!open) {
			sb_adds(out, f->s);
			f->s += strlen(f->s);
			continue;
		}
		sb_add(out, f->s, (size_t)(open - f->s));
		id = strtoul(open + 1, &end, 10);
		if (*end != PP_UNK_CLOSE || id >= f->bound) {
			sb_addc(out, *open);	/* not ours: keep the byte */
			f->s = open + 1;
			continue;
		}
		f->s = end + 1;
		sb_adds(out, "$(");
		vec_push(stack, ((struct frame){ pp->unknown.v[id], id }));
	}
	vec_release(stack);
}

const char *pp_unknown_env(const struct pp *pp, const char *s)
{
	for (const char *open = strchr(s, PP_UNK_OPEN); open; open = strchr(open + 1, PP_UNK_OPEN)) {
		char *end;
		unsigned long id = strtoul(open + 1, &end, 10);

		if (*end == PP_UNK_CLOSE && id < pp->unknown.n && strncmp(pp->unknown.v[id], "shell,", 6) &&
		    !pp_has_unknown(pp->unknown.v[id]))
			return pp->unknown.v[id];
	}
	return NULL;
}

/* Display names are for messages: capped, so that nesting cannot make
 * them grow (each is built from the earlier ones, never recursively). */
#define PP_DISPLAY_MAX 400

void pp_display(const struct pp *pp, const char *s, struct strbuf *out)
{
	size_t start = out->len;

	while (*s) {
		const char *open = strchr(s, PP_UNK_OPEN);
		char *end;
		unsigned long id;

		if (!open) {
			sb_adds(out, s);
			break;
		}
		sb_add(out, s, (size_t)(open - s));
		id = strtoul(open + 1, &end, 10);
		if (*end != PP_UNK_CLOSE || id >= pp->display.n) {
			sb_addc(out, *open);
			s = open + 1;
			continue;
		}
		sb_adds(out, pp->display.v[id]);
		s = end + 1;
		if (out->len - start > PP_DISPLAY_MAX)
			break;
	}
	if (out->len - start > PP_DISPLAY_MAX) {
		out->len = start + PP_DISPLAY_MAX;
		out->buf[out->len] = '\0';
		sb_adds(out, "...");
	}
}

/* If res is one unknown made since marker count `before`, it is the value
 * of the macro call $(name,args...): show it so ("$(cc-option,-mpcrel)"
 * rather than the command the macros expand to).  The outermost call is
 * the last to finish, so it wins. */
static void name_unknown(struct pp *pp, size_t before, const char *res, const char *name,
			 int argc, char *argv[])
{
	char *end;
	unsigned long id;
	struct strbuf d = STRBUF_INIT;

	if (res[0] != PP_UNK_OPEN)
		return;
	id = strtoul(res + 1, &end, 10);
	if (*end != PP_UNK_CLOSE || end[1] || id < before || id >= pp->display.n)
		return;
	sb_addf(&d, "$(%s", name);
	for (int i = 0; i < argc; i++) {
		sb_addc(&d, ',');
		pp_display(pp, argv[i], &d);
	}
	sb_addc(&d, ')');
	free(pp->display.v[id]);
	pp->display.v[id] = sb_detach(&d);
}

void pp_setenv(struct pp *pp, const char *name, const char *value)
{
	for (size_t i = 0; i < pp->env.n; i++)
		if (!strcmp(pp->env.v[i].name, name)) {
			free(pp->env.v[i].value);
			pp->env.v[i].value = xstrdup(value);
			return;
		}
	vec_push(pp->env, ((struct env){ xstrdup(name), xstrdup(value) }));
}

void pp_pass_env(struct pp *pp, const char *name)
{
	if (!name)
		pp->pass_all = true;
	else if (!strvec_contains(&pp->pass, name))
		vec_push(pp->pass, xstrdup(name));
}

static char *shell_unknown(struct pp *pp, const char *cmd)
{
	struct strbuf sb = STRBUF_INIT;
	char *res;

	sb_adds(&sb, "shell,");
	sb_adds(&sb, cmd);
	res = make_unknown(pp, sb_str(&sb));
	sb_release(&sb);
	return res;
}

static char *run_shell(struct pp *pp, const char *cmd);

void pp_setenv_shell(struct pp *pp, const char *name, const char *cmd)
{
	char *v = pp->shell == SHELL_RUN ? run_shell(pp, cmd) : shell_unknown(pp, cmd);

	pp_setenv(pp, name, v);
	free(v);
}

/* $(NAME) that is neither a variable nor a function: what kcsat set for
 * kbuild, else the process environment if passed, else an unknown that
 * names the variable (never its value). */
static char *env_expand(struct pp *pp, const char *name)
{
	const char *v;

	for (size_t i = 0; i < pp->env.n; i++)
		if (!strcmp(pp->env.v[i].name, name))
			return xstrdup(pp->env.v[i].value);
	/* not a variable name a shell exports (empty, "2" of a missing
	 * argument $(2), "V " ...): empty, as in every real environment */
	if (!isalpha((unsigned char)*name) && *name != '_')
		return xstrdup("");
	for (const char *c = name; *c; c++)
		if (!isalnum((unsigned char)*c) && *c != '_')
			return xstrdup("");
	if (pp->pass_all || strvec_contains(&pp->pass, name)) {
		v = getenv(name);
		return xstrdup(v ? v : "");
	}
	return make_unknown(pp, name);
}

/* ---- built-in functions (kconfig's function_table[]) ---- */

static char *run_shell(struct pp *pp, const char *cmd)
{
	char buf[4096];
	size_t nread;
	FILE *p;

	pp->nshell++;
	fflush(NULL);
	p = popen(cmd, "r");
	if (!p) {
		pp_error(pp, "cannot run shell command '%s'", cmd);
		return xstrdup("");
	}
	nread = fread(buf, 1, sizeof(buf), p);
	if (nread == sizeof(buf))
		nread--;
	while (nread > 0 && buf[nread - 1] == '\n')
		nread--;
	buf[nread] = '\0';
	for (size_t i = 0; i < nread; i++)
		if (buf[i] == '\n')
			buf[i] = ' ';
	pclose(p);
	return xstrdup(buf);
}

static char *fn_shell(struct pp *pp, int argc, char *argv[])
{
	(void)argc;
	if (pp->shell == SHELL_RUN && !pp_has_unknown(argv[0]))
		return run_shell(pp, argv[0]);
	pp->nshell++;
	return shell_unknown(pp, argv[0]);
}

/* A message of the tree's, unknowns shown as their references. */
static const char *message(const struct pp *pp, const char *s, struct strbuf *sb)
{
	pp_render(pp, s, sb);
	return sb_str(sb);
}

static char *fn_error_if(struct pp *pp, int argc, char *argv[])
{
	struct strbuf sb = STRBUF_INIT;

	(void)argc;
	/* An unknown condition never aborts: the analysis covers toolchains
	 * on which it would not fire. */
	if (!strcmp(argv[0], "y"))
		pp_error(pp, "%s", message(pp, argv[1], &sb));
	sb_release(&sb);
	return xstrdup("");
}

static char *fn_warning_if(struct pp *pp, int argc, char *argv[])
{
	struct strbuf sb = STRBUF_INIT;

	(void)argc;
	if (!strcmp(argv[0], "y"))
		diag_warning(pp->at, "%s", message(pp, argv[1], &sb));
	sb_release(&sb);
	return xstrdup("");
}

static char *fn_info(struct pp *pp, int argc, char *argv[])
{
	struct strbuf sb = STRBUF_INIT;

	(void)argc;
	diag_note(pp->at, "%s", message(pp, argv[0], &sb));
	sb_release(&sb);
	return xstrdup("");
}

static char *fn_filename(struct pp *pp, int argc, char *argv[])
{
	(void)argc, (void)argv;
	return xstrdup(pp->at.file ? diag_file_name(pp->at.file) : "");
}

static char *fn_lineno(struct pp *pp, int argc, char *argv[])
{
	char buf[16];

	(void)argc, (void)argv;
	snprintf(buf, sizeof(buf), "%u", pp->at.line);
	return xstrdup(buf);
}

static const struct function {
	const char *name;
	int min_args, max_args;
	char *(*fn)(struct pp *pp, int argc, char *argv[]);
} function_table[] = {
	{ "error-if",	2, 2, fn_error_if },
	{ "filename",	0, 0, fn_filename },
	{ "info",	1, 1, fn_info },
	{ "lineno",	0, 0, fn_lineno },
	{ "shell",	1, 1, fn_shell },
	{ "warning-if",	2, 2, fn_warning_if },
};

static char *function_expand(struct pp *pp, const char *name, int argc, char *argv[])
{
	for (size_t i = 0; i < sizeof(function_table) / sizeof(function_table[0]); i++) {
		const struct function *f = &function_table[i];

		if (strcmp(f->name, name))
			continue;
		if (argc < f->min_args) {
			pp_error(pp, "too few function arguments passed to '%s'", name);
			return xstrdup("");
		}
		if (argc > f->max_args) {
			pp_error(pp, "too many function arguments passed to '%s'", name);
			return xstrdup("");
		}
		return f->fn(pp, argc, argv);
	}
	return NULL;
}

/* ---- variables ---- */

static struct variable *variable_lookup(struct pp *pp, const char *name)
{
	for (size_t i = 0; i < pp->vars.n; i++)
		if (!strcmp(pp->vars.v[i].name, name))
			return &pp->vars.v[i];
	return NULL;
}

static char *expand_string_with_args(struct pp *pp, const char *in, int argc, char *argv[]);

static char *variable_expand(struct pp *pp, const char *name, int argc, char *argv[])
{
	struct variable *v = variable_lookup(pp, name);
	size_t idx;
	char *res;

	if (!v)
		return NULL;
	if (argc == 0 && v->exp_count) {
		pp_error(pp, "recursive variable '%s' references itself (eventually)", name);
		return xstrdup("");
	}
	if (v->exp_count > MAX_DEPTH) {
		pp_error(pp, "too deep recursive expansion of '%s'", name);
		return xstrdup("");
	}
	/* The vector may move while expanding: keep the index, not v. */
	idx = (size_t)(v - pp->vars.v);
	v->exp_count++;
	if (v->flavor == VAR_RECURSIVE) {
		char *value = xstrdup(v->value);

		res = expand_string_with_args(pp, value, argc, argv);
		free(value);
	} else {
		res = xstrdup(v->value);
	}
	pp->vars.v[idx].exp_count--;
	return res;
}

bool pp_assign(struct pp *pp, const char *name, const char *value, enum var_flavor flavor)
{
	struct variable *v = variable_lookup(pp, name);
	bool append = false;
	char *new_value;

	pp->failed = false;
	pp->steps = 0;
	pp->work = 0;
	if (v) {
		if (flavor == VAR_APPEND) {
			flavor = v->flavor;	/* += inherits the flavor */
			append = true;
		}
	} else if (flavor == VAR_APPEND) {
		flavor = VAR_RECURSIVE;
	}
	if (flavor == VAR_SIMPLE) {
		size_t before = pp->unknown.n;

		new_value = expand_string_with_args(pp, value, 0, NULL);
		/* cc-name := $(shell,...): shown as $(cc-name) */
		name_unknown(pp, before, new_value, name, 0, NULL);
	} else
		new_value = xstrdup(value);
	if (pp->failed) {
		free(new_value);
		return false;
	}
	v = variable_lookup(pp, name);
	if (!v) {
		vec_push(pp->vars, ((struct variable){ xstrdup(name), NULL, flavor, 0 }));
		v = &vec_last(pp->vars);
	}
	v->flavor = flavor;
	if (append) {
		size_t n = strlen(v->value), m = strlen(new_value);

		if (n + m + 1 > PP_MAX_LEN) {
			pp_error(pp, "macro expansion exceeds %u bytes (variable '%s')",
				 PP_MAX_LEN, name);
			free(new_value);
			return false;
		}
		v->value = xrealloc(v->value, n + m + 2);
		v->value[n] = ' ';
		memcpy(v->value + n + 1, new_value, m + 1);
		free(new_value);
	} else {
		free(v->value);
		v->value = new_value;
	}
	return true;
}

/* ---- expansion (mirrors scripts/kconfig/preprocess.c) ---- */

static char *eval_clause(struct pp *pp, const char *str, size_t len, int argc, char *argv[])
{
	char *tmp = xstrndup(str, len), *p, *prev, *endptr, *name, *res;
	char *new_argv[FUNCTION_MAX_ARGS];
	int new_argc = 0, nest = 0;
	unsigned long n;
	size_t before;

	/* $(1), $(2)...: arguments of the enclosing user function call. */
	n = strtoul(tmp, &endptr, 10);
	if (!*endptr && n > 0 && n <= (unsigned long)argc) {
		res = xstrdup(argv[n - 1]);
		free(tmp);
		return res;
	}

	prev = p = tmp;
	for (; *p; p++) {
		if (nest == 0 && *p == ',') {
			*p = '\0';
			if (new_argc >= FUNCTION_MAX_ARGS) {
				pp_error(pp, "too many function arguments in '%s'", tmp);
				free(tmp);
				return xstrdup("");
			}
			new_argv[new_argc++] = prev;
			prev = p + 1;
		} else if (*p == '(') {
			nest++;
		} else if (*p == ')') {
			nest--;
		}
	}
	if (new_argc >= FUNCTION_MAX_ARGS) {
		pp_error(pp, "too many function arguments in '%s'", tmp);
		free(tmp);
		return xstrdup("");
	}
	new_argv[new_argc++] = prev;

	name = expand_string_with_args(pp, new_argv[0], argc, argv);
	before = pp->unknown.n;
	new_argc--;
	for (int i = 0; i < new_argc; i++)
		new_argv[i] = expand_string_with_args(pp, new_argv[i + 1], argc, argv);

	if (pp_has_unknown(name)) {
		/* $($(shell,...)): which variable is unknown, so is its value */
		res = make_unknown(pp, name);
	} else if ((res = variable_expand(pp, name, new_argc, new_argv))) {
		if (new_argc)
			name_unknown(pp, before, res, name, new_argc, new_argv);
	} else if ((res = function_expand(pp, name, new_argc, new_argv))) {
		;
	} else {
		res = new_argc == 0 ? env_expand(pp, name) : xstrdup("");
	}
	for (int i = 0; i < new_argc; i++)
		free(new_argv[i]);
	free(name);
	free(tmp);
	return res;
}

/* *str points after a '$'.  A reference ends at the matching ')' on the same
 * line; '$' not followed by '(' is literal. */
static char *expand_dollar_with_args(struct pp *pp, const char **str, int argc, char *argv[])
{
	const char *p = *str, *q;
	int nest = 0;
	char *res;

	if (pp->failed)
		return xstrdup("");
	if (*p != '(')
		return xstrdup("$");
	p++;
	for (q = p; *q && *q != '\n'; q++) {
		if (*q == '(')
			nest++;
		else if (*q == ')' && nest-- == 0)
			break;
	}
	if (*q != ')') {
		char *ref = xstrndup(p, (size_t)(q - p));

		pp_error(pp, "unterminated reference to '%s': missing ')'", ref);
		free(ref);
		*str = q;
		return xstrdup("");
	}
	*str = q + 1;
	if (pp->total_said) {	/* past PP_MAX_TOTAL: expand nothing more */
		pp->failed = true;
		return xstrdup("");
	}
	if (++pp->steps > PP_MAX_STEPS) {
		pp_error(pp, "macro expansion exceeds %u steps", PP_MAX_STEPS);
		return xstrdup("");
	}
	if (++pp->depth > MAX_DEPTH) {
		pp_error(pp, "too deep recursive expansion");
		pp->depth--;
		return xstrdup("");
	}
	res = eval_clause(pp, p, (size_t)(q - p), argc, argv);
	pp->depth--;
	return res;
}

static char *expand_until(struct pp *pp, const char **str, bool (*is_end)(char c),
			  int argc, char *argv[])
{
	struct strbuf out = STRBUF_INIT;
	const char *p = *str, *in = p;

	for (;;) {
		if (*p == '$') {
			char *e;

			sb_add(&out, in, (size_t)(p - in));
			p++;
			e = expand_dollar_with_args(pp, &p, argc, argv);
			sb_adds(&out, e);
			pp->work += strlen(e);
			pp->total += strlen(e);
			free(e);
			in = p;
			if (out.len > PP_MAX_LEN)
				pp_error(pp, "macro expansion exceeds %u bytes", PP_MAX_LEN);
			else if (pp->work > PP_MAX_WORK && !pp->failed)
				pp_error(pp, "macro expansion copies more than %lu MiB",
					 PP_MAX_WORK >> 20);
			else if (pp->total > PP_MAX_TOTAL && !pp->failed) {
				/* Said once: every later statement fails quietly. */
				if (!pp->total_said)
					pp_error(pp, "macro expansions copy more than %lu MiB in all",
						 PP_MAX_TOTAL >> 20);
				pp->total_said = pp->failed = true;
			}
			if (pp->failed)
				break;
			continue;
		}
		if (is_end(*p))
			break;
		p++;
	}
	sb_add(&out, in, (size_t)(p - in));
	*str = p;
	return sb_detach(&out);
}

static bool is_end_of_str(char c)
{
	return !c;
}

static bool is_end_of_token(char c)
{
	return !(isalnum((unsigned char)c) || c == '_' || c == '-');
}

static char *expand_string_with_args(struct pp *pp, const char *in, int argc, char *argv[])
{
	return expand_until(pp, &in, is_end_of_str, argc, argv);
}

char *pp_expand_token(struct pp *pp, const char **p)
{
	char *res;

	pp->failed = false;
	pp->steps = 0;
	pp->work = 0;
	res = expand_until(pp, p, is_end_of_token, 0, NULL);
	if (pp->failed) {
		free(res);
		return NULL;
	}
	return res;
}

char *pp_expand_dollar(struct pp *pp, const char **p)
{
	char *res;

	pp->failed = false;
	pp->steps = 0;
	pp->work = 0;
	res = expand_dollar_with_args(pp, p, 0, NULL);
	if (pp->failed) {
		free(res);
		return NULL;
	}
	return res;
}
