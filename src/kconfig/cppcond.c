/* Preprocessor conditions (cppcond.h).  The macros' meanings come from the
 * kernel's include/linux/kconfig.h (IS_ENABLED and friends over
 * CONFIG_X and CONFIG_X_MODULE) and scripts/kconfig/confdata.c (what
 * autoconf.h defines: CONFIG_X 1 for y, CONFIG_X_MODULE 1 for m, the value
 * of an int, hex or string symbol that is set). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kconfig/cppcond.h"
#include "kconfig/kconfig.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

struct cx {
	struct kctree *t;
	struct cppfile *f;
	struct expr *T, *F;
	struct loc at;
	bool module;			/* the pass with MODULE defined */
	bool unknown;			/* the directive reads something not modelled */
	bool whole_unknown;		/* ... that makes all of it unknown */
	bool is_c;			/* a .c file: __ASSEMBLY__ is not defined */
	const char *p;			/* the expression being read */
	int depth;
};

static struct expr *c_not(struct cx *C, struct expr *a)
{
	if (a == C->T)
		return C->F;
	if (a == C->F)
		return C->T;
	if (a->type == E_NOT)
		return a->left;
	return expr_make(C->t, E_NOT, a, NULL);
}

static struct expr *c_cmp(struct cx *C, struct symbol *s, enum tristate v)
{
	return expr_cmp(C->t, E_EQUAL, s, C->t->sym_const[v]);
}

static void note(struct cx *C, const char *what)
{
	struct cpp_unknown u = { C->at, arena_strdup(&C->f->arena, what) };

	C->unknown = true;
	if (!C->module)		/* counted once, in the first pass */
		vec_push(C->f->unknowns, u);
}

/* The unknown atom of a macro (one per file and name), or of the line. */
static struct expr *c_unknown(struct cx *C, const char *name, const char *what)
{
	struct strbuf sb = STRBUF_INIT;
	char buf[600];
	struct symbol *s;

	note(C, what);
	if (name)
		sb_addf(&sb, "$(cpp,%s:%s)", C->f->path, name);
	else
		sb_addf(&sb, "$(cpp,%s)", loc_str(C->at, buf, sizeof(buf)));
	s = sym_lookup(C->t, sb_str(&sb), true);
	s->flags |= SYM_SHELL;
	if (!s->shell_display)
		s->shell_display = arena_strdup(&C->t->arena, sb_str(&sb));
	sb_release(&sb);
	return c_cmp(C, s, yes);
}

/* ---- tokens ---- */

static void skip(struct cx *C)
{
	while (*C->p == ' ' || *C->p == '\t')
		C->p++;
}

static bool take(struct cx *C, const char *op)
{
	size_t n = strlen(op);

	skip(C);
	if (strncmp(C->p, op, n))
		return false;
	/* "!" is not "!=", "<" is not "<<" or "<=" */
	if (n == 1 && (op[0] == '!' || op[0] == '<' || op[0] == '>') &&
	    (C->p[1] == '=' || (op[0] != '!' && C->p[1] == op[0])))
		return false;
	C->p += n;
	return true;
}

static bool ident(struct cx *C, char *buf, size_t size)
{
	size_t n = 0;

	skip(C);
	if (!(isalpha((unsigned char)*C->p) || *C->p == '_'))
		return false;
	while (isalnum((unsigned char)C->p[n]) || C->p[n] == '_')
		n++;
	if (n >= size)
		n = size - 1;
	memcpy(buf, C->p, n);
	buf[n] = '\0';
	while (isalnum((unsigned char)*C->p) || *C->p == '_')
		C->p++;
	return true;
}

static bool number(struct cx *C, long long *v)
{
	char *end;

	skip(C);
	if (!isdigit((unsigned char)*C->p))
		return false;
	*v = strtoll(C->p, &end, 0);
	while (*end == 'u' || *end == 'U' || *end == 'l' || *end == 'L')
		end++;
	C->p = end;
	return true;
}

/* ---- values ---- */

enum vkind { V_BOOL, V_NUM, V_SYM };

struct val {
	enum vkind kind;
	struct expr *e;			/* V_BOOL */
	long long n;			/* V_NUM */
	struct symbol *s;		/* V_SYM: the value of CONFIG_X */
};

/* The symbol CONFIG_NAME stands for; *is_module when it is X's
 * CONFIG_X_MODULE (X a tristate the tree defines, X_MODULE not). */
static struct symbol *config_sym(struct cx *C, const char *name, bool *is_module)
{
	const struct symbol *d;
	size_t n = strlen(name);

	*is_module = false;
	if (n > 7 + 7 && !strcmp(name + n - 7, "_MODULE") && !sym_find(C->t, name + 7)) {
		char base[256];

		snprintf(base, sizeof(base), "%.*s", (int)(n - 14), name + 7);
		d = sym_find(C->t, base);
		if (d && d->type == S_TRISTATE) {
			*is_module = true;
			return sym_lookup(C->t, base, false);
		}
	}
	return sym_lookup(C->t, name + 7, false);
}

/* defined(CONFIG_X): what autoconf.h defines. */
static struct expr *config_defined(struct cx *C, const char *name)
{
	bool is_m;
	struct symbol *s = config_sym(C, name, &is_m);

	if (is_m)
		return c_cmp(C, s, mod);
	if (s->type == S_INT || s->type == S_HEX || s->type == S_STRING)
		return expr_cmp(C->t, E_UNEQUAL, s, sym_lookup(C->t, "", true));
	return c_cmp(C, s, yes);
}

static struct expr *to_bool(struct cx *C, struct val v)
{
	switch (v.kind) {
	case V_BOOL:
		return v.e;
	case V_NUM:
		return v.n ? C->T : C->F;
	case V_SYM:
		if (v.s->type == S_INT || v.s->type == S_HEX)
			return expr_and(C->t,
					expr_cmp(C->t, E_UNEQUAL, v.s, sym_lookup(C->t, "", true)),
					expr_cmp(C->t, E_UNEQUAL, v.s, sym_lookup(C->t, "0", false)));
		return c_cmp(C, v.s, yes);
	}
	return C->F;
}

static struct val vbool(struct expr *e)
{
	struct val v = { V_BOOL, e, 0, NULL };

	return v;
}

static struct val p_or(struct cx *C);

static bool is_kconfig_macro(const char *name)
{
	return !strcmp(name, "IS_ENABLED") || !strcmp(name, "IS_BUILTIN") ||
	       !strcmp(name, "IS_MODULE") || !strcmp(name, "IS_REACHABLE");
}

static struct val p_primary(struct cx *C)
{
	char name[256];
	long long n;

	if (++C->depth > CPP_MAX_DEPTH) {
		C->whole_unknown = true;
		return vbool(C->F);
	}
	if (take(C, "(")) {
		struct val v = p_or(C);

		if (!take(C, ")"))
			C->whole_unknown = true;
		C->depth--;
		return v;
	}
	if (number(C, &n)) {
		struct val v = { V_NUM, NULL, n, NULL };

		C->depth--;
		return v;
	}
	if (!ident(C, name, sizeof(name))) {
		C->whole_unknown = true;
		C->depth--;
		return vbool(C->F);
	}
	C->depth--;
	if (!strcmp(name, "defined")) {
		bool paren = take(C, "(");

		if (!ident(C, name, sizeof(name)) || (paren && !take(C, ")"))) {
			C->whole_unknown = true;
			return vbool(C->F);
		}
		if (!strncmp(name, "CONFIG_", 7) && name[7])
			return vbool(config_defined(C, name));
		if (!strcmp(name, "MODULE"))
			return vbool(C->module ? C->T : C->F);
		if (!strcmp(name, "__KERNEL__"))
			return vbool(C->T);
		if (!strcmp(name, "__ASSEMBLY__") && C->is_c)
			return vbool(C->F);
		{
			char what[300];

			snprintf(what, sizeof(what), "macro %s", name);
			return vbool(c_unknown(C, name, what));
		}
	}
	if (is_kconfig_macro(name)) {
		char arg[256];
		bool is_m;
		struct symbol *s;

		if (!take(C, "(") || !ident(C, arg, sizeof(arg)) || !take(C, ")") ||
		    strncmp(arg, "CONFIG_", 7) || !arg[7]) {
			C->whole_unknown = true;
			return vbool(C->F);
		}
		s = config_sym(C, arg, &is_m);
		if (is_m)	/* CONFIG_X_MODULE is 1 for X = m; no _MODULE_MODULE */
			return vbool(!strcmp(name, "IS_MODULE") ? C->F : c_cmp(C, s, mod));
		if (!strcmp(name, "IS_BUILTIN"))
			return vbool(c_cmp(C, s, yes));
		if (!strcmp(name, "IS_MODULE"))
			return vbool(c_cmp(C, s, mod));
		if (!strcmp(name, "IS_ENABLED") || C->module)
			return vbool(expr_cmp(C->t, E_UNEQUAL, s, &C->t->sym_n));
		return vbool(c_cmp(C, s, yes));		/* IS_REACHABLE outside a module */
	}
	if (!strncmp(name, "CONFIG_", 7) && name[7]) {
		bool is_m;
		struct symbol *s = config_sym(C, name, &is_m);
		struct val v = { V_SYM, NULL, 0, s };

		if (is_m)
			return vbool(c_cmp(C, s, mod));
		return v;
	}
	if (!strcmp(name, "MODULE"))
		return vbool(C->module ? C->T : C->F);
	{
		char what[300];

		skip(C);
		if (*C->p == '(') {	/* a function-like macro */
			C->whole_unknown = true;
			return vbool(C->F);
		}
		snprintf(what, sizeof(what), "macro %s", name);
		return vbool(c_unknown(C, name, what));
	}
}

static struct val p_unary(struct cx *C)
{
	if (take(C, "!")) {
		struct val v;

		if (++C->depth > CPP_MAX_DEPTH) {
			C->whole_unknown = true;
			return vbool(C->F);
		}
		v = p_unary(C);
		C->depth--;
		return vbool(c_not(C, to_bool(C, v)));
	}
	return p_primary(C);
}

static bool num_cmp(enum expr_type op, long long a, long long b)
{
	switch (op) {
	case E_EQUAL: return a == b;
	case E_UNEQUAL: return a != b;
	case E_LTH: return a < b;
	case E_LEQ: return a <= b;
	case E_GTH: return a > b;
	case E_GEQ: return a >= b;
	default: return false;
	}
}

static enum expr_type flip(enum expr_type op)
{
	switch (op) {
	case E_LTH: return E_GTH;
	case E_LEQ: return E_GEQ;
	case E_GTH: return E_LTH;
	case E_GEQ: return E_LEQ;
	default: return op;
	}
}

/* a op b for the modelled shapes: numbers, CONFIG_X against a number, a
 * truth value against 0 or 1. */
static struct val compare(struct cx *C, enum expr_type op, struct val a, struct val b)
{
	char buf[32];

	if (a.kind == V_NUM && b.kind != V_NUM)
		return compare(C, flip(op), b, a);
	if (b.kind != V_NUM) {
		C->whole_unknown = true;
		return vbool(C->F);
	}
	if (a.kind == V_NUM)
		return vbool(num_cmp(op, a.n, b.n) ? C->T : C->F);
	if (a.kind == V_SYM && (a.s->type == S_INT || a.s->type == S_HEX)) {
		snprintf(buf, sizeof(buf), a.s->type == S_HEX ? "0x%llx" : "%lld", b.n);
		return vbool(expr_cmp(C->t, op, a.s, sym_lookup(C->t, buf, false)));
	}
	{
		/* a truth value (a bool CONFIG_X is 1 or 0): split on it */
		struct expr *e = to_bool(C, a);
		struct expr *r = C->F;

		if (num_cmp(op, 1, b.n))
			r = expr_or(C->t, r, e);
		if (num_cmp(op, 0, b.n))
			r = expr_or(C->t, r, c_not(C, e));
		return vbool(r);
	}
}

static struct val p_cmp(struct cx *C)
{
	static const struct {
		const char *op;
		enum expr_type type;
	} ops[] = {
		{ "==", E_EQUAL }, { "!=", E_UNEQUAL }, { "<=", E_LEQ }, { ">=", E_GEQ },
		{ "<", E_LTH }, { ">", E_GTH },
	};
	struct val a = p_unary(C);

	for (size_t i = 0; i < sizeof(ops) / sizeof(ops[0]); i++)
		if (take(C, ops[i].op))
			return compare(C, ops[i].type, a, p_unary(C));
	return a;
}

static struct val p_and(struct cx *C)
{
	struct val a = p_cmp(C);

	while (take(C, "&&")) {
		struct val b = p_cmp(C);

		a = vbool(expr_and(C->t, to_bool(C, a), to_bool(C, b)));
	}
	return a;
}

static struct val p_or(struct cx *C)
{
	struct val a = p_and(C);

	while (take(C, "||")) {
		struct val b = p_and(C);

		a = vbool(expr_or(C->t, to_bool(C, a), to_bool(C, b)));
	}
	return a;
}

/* The condition of one #if expression for one MODULE case. */
static struct expr *if_expr(struct cx *C, const char *text)
{
	struct val v;

	C->p = text;
	C->depth = 0;
	C->whole_unknown = false;
	v = p_or(C);
	skip(C);
	if (*C->p)
		C->whole_unknown = true;	/* arithmetic, ?:, a cast ... */
	if (C->whole_unknown) {
		struct expr *e = c_unknown(C, NULL, "expression not modelled");

		return e;
	}
	return to_bool(C, v);
}

/* ---- the file ---- */

struct open_if {
	int branch;			/* the branch being read */
	struct expr *taken[2];		/* OR of the chain's conditions so far */
};

/* One logical directive line: comments removed, continuations joined;
 * returns the line after it (*next_line its number).  *in_comment carries a
 * block comment across lines. */
static const char *read_line(const char *p, const char *end, struct strbuf *out, bool *in_comment,
			     unsigned *lines, bool *directive)
{
	bool first = true, quote = false;
	char q = 0;

	sb_reset(out);
	*lines = 0;
	*directive = false;
	while (p < end) {
		char ch = *p;

		if (*in_comment) {
			if (ch == '*' && p + 1 < end && p[1] == '/') {
				*in_comment = false;
				p += 2;
				sb_addc(out, ' ');
				continue;
			}
			if (ch == '\n') {
				(*lines)++;
				p++;
				if (!*directive)
					return p;
				continue;	/* a comment inside a directive goes on */
			}
			p++;
			continue;
		}
		if (quote) {
			if (ch == '\\' && p + 1 < end && p[1] != '\n') {
				sb_add(out, p, 2);
				p += 2;
				continue;
			}
			if (ch == q)
				quote = false;
			if (ch == '\n') {
				quote = false;
				continue;
			}
			sb_addc(out, ch);
			p++;
			continue;
		}
		if (ch == '\\' && p + 1 < end && p[1] == '\n') {
			(*lines)++;
			p += 2;
			sb_addc(out, ' ');
			continue;
		}
		if (ch == '\n') {
			(*lines)++;
			return p + 1;
		}
		if (ch == '/' && p + 1 < end && p[1] == '*') {
			*in_comment = true;
			p += 2;
			continue;
		}
		if (ch == '/' && p + 1 < end && p[1] == '/') {
			while (p < end && *p != '\n') {
				if (*p == '\\' && p + 1 < end && p[1] == '\n') {
					(*lines)++;
					p++;
				}
				p++;
			}
			continue;
		}
		if (first && ch != ' ' && ch != '\t') {
			*directive = ch == '#';
			first = false;
		}
		if (ch == '"' || ch == '\'') {
			quote = true;
			q = ch;
		}
		sb_addc(out, ch);
		p++;
	}
	(*lines)++;
	return p;
}

static bool word(const char **p, const char *kw)
{
	size_t n = strlen(kw);

	if (strncmp(*p, kw, n) || isalnum((unsigned char)(*p)[n]) || (*p)[n] == '_')
		return false;
	*p += n;
	while (**p == ' ' || **p == '\t')
		(*p)++;
	return true;
}

static void new_branch(struct cppfile *f, struct cx *C, const char *text, unsigned first,
		       struct expr *c0, struct expr *c1, int parent)
{
	struct cpp_branch b = { C->at, arena_strdup(&f->arena, text), first, 0,
				{ c0, c1 }, parent, C->unknown };

	vec_push(f->br, b);
}

/* Both MODULE cases of an #if expression. */
static void cond2(struct cx *C, const char *text, struct expr *out[2])
{
	C->unknown = false;
	C->module = false;
	out[0] = if_expr(C, text);
	C->module = true;
	out[1] = if_expr(C, text);
	C->module = false;
}

struct cppfile *cpp_read(struct kctree *t, const char *path, const char *text, size_t len)
{
	struct cppfile *f = xcalloc(1, sizeof(*f));
	struct cx C = { 0 };
	VEC(struct open_if) st = { 0 };
	struct strbuf line = STRBUF_INIT;
	const char *p = text, *end = text + len;
	unsigned lineno = 1, ndirectives = 0;
	bool in_comment = false, ok = true;
	int guard = -1;			/* the include guard's branch */
	char guard_name[256] = "";
	size_t n = strlen(path);

	arena_init(&f->arena);
	f->path = arena_strdup(&f->arena, path);
	C.t = t;
	C.f = f;
	C.T = expr_sym(t, &t->sym_y);
	C.F = expr_sym(t, &t->sym_n);
	C.is_c = n > 2 && !strcmp(path + n - 2, ".c");
	while (p < end && ok) {
		unsigned nl;
		bool directive;
		const char *d;
		unsigned at_line = lineno;

		p = read_line(p, end, &line, &in_comment, &nl, &directive);
		lineno += nl;
		if (!directive)
			continue;
		C.at = (struct loc){ diag_file_intern(path), at_line };
		d = sb_str(&line);
		while (*d == ' ' || *d == '\t' || *d == '#')
			d++;
		ndirectives++;
		if (word(&d, "if") || word(&d, "ifdef") || word(&d, "ifndef")) {
			const char *kw = strchr(sb_str(&line), 'i');
			struct expr *c[2];
			struct open_if o;

			if (st.n >= CPP_MAX_DEPTH) {
				diag_error(C.at, "conditionals nested deeper than %d", CPP_MAX_DEPTH);
				ok = false;
				break;
			}
			if (kw[2] == 'd' || kw[2] == 'n') {
				char name[256];
				struct strbuf e = STRBUF_INIT;
				const char *q = d;

				n = 0;
				while ((isalnum((unsigned char)q[n]) || q[n] == '_') && n < sizeof(name) - 1)
					n++;
				snprintf(name, sizeof(name), "%.*s", (int)n, q);
				sb_addf(&e, "%sdefined(%s)", kw[2] == 'n' ? "!" : "", name);
				cond2(&C, sb_str(&e), c);
				sb_release(&e);
				if (kw[2] == 'n' && ndirectives == 1 && !st.n) {
					guard = (int)f->br.n;
					snprintf(guard_name, sizeof(guard_name), "%s", name);
				}
			} else {
				cond2(&C, d, c);
			}
			f->nconds++;
			new_branch(f, &C, sb_str(&line), lineno, c[0], c[1],
				   st.n ? vec_last(st).branch : -1);
			o.branch = (int)f->br.n - 1;
			o.taken[0] = c[0];
			o.taken[1] = c[1];
			vec_push(st, o);
			continue;
		}
		if (guard >= 0 && ndirectives == 2) {
			const char *q = d;

			if (word(&q, "define") && !strncmp(q, guard_name, strlen(guard_name)) &&
			    !(isalnum((unsigned char)q[strlen(guard_name)]) || q[strlen(guard_name)] == '_')) {
				/* an include guard: no condition */
				struct cpp_branch *b = &f->br.v[guard];

				b->cond[0] = b->cond[1] = C.T;
				if (b->unknown && f->unknowns.n)
					f->unknowns.n--;
				b->unknown = false;
			}
			guard = -1;
		}
		if (word(&d, "elif") || word(&d, "elifdef") || word(&d, "elifndef") || word(&d, "else")) {
			const char *kw = strstr(sb_str(&line), "el");
			struct open_if *o;
			struct expr *c[2] = { C.T, C.T };

			if (!st.n) {
				diag_error(C.at, "'#%.*s' without '#if'", kw[2] == 'i' ? 4 : 4, kw);
				ok = false;
				break;
			}
			o = &vec_last(st);
			f->br.v[o->branch].last = at_line - 1;
			C.unknown = false;
			if (kw[2] == 'i' && kw[4] == 'd') {
				struct strbuf e = STRBUF_INIT;

				sb_addf(&e, "defined(%s)", d);
				cond2(&C, sb_str(&e), c);
				sb_release(&e);
			} else if (kw[2] == 'i' && kw[4] == 'n') {
				struct strbuf e = STRBUF_INIT;

				sb_addf(&e, "!defined(%s)", d);
				cond2(&C, sb_str(&e), c);
				sb_release(&e);
			} else if (kw[2] == 'i') {
				cond2(&C, d, c);
			}
			f->nconds++;
			for (int k = 0; k < 2; k++) {
				struct expr *nc = expr_and(t, c_not(&C, o->taken[k]), c[k]);

				o->taken[k] = expr_or(t, o->taken[k], c[k]);
				c[k] = nc;
			}
			new_branch(f, &C, sb_str(&line), lineno, c[0], c[1],
				   f->br.v[o->branch].parent);
			o->branch = (int)f->br.n - 1;
			continue;
		}
		if (word(&d, "endif")) {
			if (!st.n) {
				diag_error(C.at, "'#endif' without '#if'");
				ok = false;
				break;
			}
			f->br.v[vec_last(st).branch].last = at_line - 1;
			st.n--;
		}
	}
	if (ok && st.n) {
		diag_error(f->br.v[st.v[0].branch].at, "'#if' without '#endif'");
		ok = false;
	}
	f->nlines = lineno - 1;
	vec_release(st);
	sb_release(&line);
	if (!ok) {
		cpp_free(f);
		return NULL;
	}
	return f;
}

void cpp_free(struct cppfile *f)
{
	if (!f)
		return;
	vec_release(f->br);
	vec_release(f->unknowns);
	arena_release(&f->arena);
	free(f);
}

int cpp_line_branch(const struct cppfile *f, unsigned line)
{
	int best = -1;

	for (size_t i = 0; i < f->br.n; i++)
		if (f->br.v[i].first <= line && line <= f->br.v[i].last &&
		    (best < 0 || f->br.v[i].first >= f->br.v[best].first))
			best = (int)i;
	return best;
}

struct expr *cpp_line_cond(struct kctree *t, const struct cppfile *f, unsigned line, bool module)
{
	struct expr *c = expr_sym(t, &t->sym_y);

	for (int b = cpp_line_branch(f, line); b >= 0; b = f->br.v[b].parent)
		c = expr_and(t, f->br.v[b].cond[module], c);
	return c;
}
