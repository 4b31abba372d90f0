#include <stdlib.h>
#include <string.h>

#include "kconfig/kconfig.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

static uint32_t expr_hash(enum expr_type type, const void *a, const void *b)
{
	uint64_t h = ((uint64_t)(uintptr_t)a * 0x9e3779b97f4a7c15ull) ^
		     ((uint64_t)(uintptr_t)b * 0xc2b2ae3d27d4eb4full) ^ (uint64_t)type;

	h ^= h >> 29;
	h *= 0xbf58476d1ce4e5b9ull;
	h ^= h >> 32;
	return (uint32_t)h;
}

static void exprhash_grow(struct kctree *t)
{
	uint32_t n = t->exprhash_size ? t->exprhash_size * 2 : 8192;
	struct expr **h = xcalloc(n, sizeof(*h));

	for (uint32_t i = 0; i < t->exprhash_size; i++) {
		struct expr *e = t->exprhash[i], *next;

		for (; e; e = next) {
			next = e->hnext;
			e->hnext = h[e->hash & (n - 1)];
			h[e->hash & (n - 1)] = e;
		}
	}
	free(t->exprhash);
	t->exprhash = h;
	t->exprhash_size = n;
}

/* The one constructor: equal (type, operands) give the same node. */
static struct expr *intern(struct kctree *t, enum expr_type type,
			   struct expr *l, struct expr *r,
			   struct symbol *s, struct symbol *rs)
{
	const void *a = l ? (const void *)l : (const void *)s;
	const void *b = r ? (const void *)r : (const void *)rs;
	uint32_t h = expr_hash(type, a, b);
	struct expr *e;

	if (!t->exprhash_size || t->exprs.n > t->exprhash_size)
		exprhash_grow(t);
	for (e = t->exprhash[h & (t->exprhash_size - 1)]; e; e = e->hnext)
		if (e->hash == h && e->type == type && e->left == l && e->right == r &&
		    e->sym == s && e->rsym == rs)
			return e;
	e = arena_alloc(&t->arena, sizeof(*e));
	e->type = type;
	e->hash = h;
	e->left = l;
	e->right = r;
	e->sym = s;
	e->rsym = rs;
	e->id = (uint32_t)t->exprs.n;
	vec_push(t->exprs, e);
	e->hnext = t->exprhash[h & (t->exprhash_size - 1)];
	t->exprhash[h & (t->exprhash_size - 1)] = e;
	return e;
}

struct expr *expr_sym(struct kctree *t, struct symbol *s)
{
	return intern(t, E_SYMBOL, NULL, NULL, s, NULL);
}

static bool is_const(const struct kctree *t, const struct expr *e, const struct symbol *s)
{
	(void)t;
	return e && e->type == E_SYMBOL && e->sym == s;
}

struct expr *expr_not(struct kctree *t, struct expr *e)
{
	if (!e)
		return expr_sym(t, &t->sym_n);
	return intern(t, E_NOT, e, NULL, NULL, NULL);
}

/* Only simplifications exact in Kconfig's three-valued logic (min/max). */
struct expr *expr_and(struct kctree *t, struct expr *a, struct expr *b)
{
	if (!a || is_const(t, a, &t->sym_y))
		return b;
	if (!b || is_const(t, b, &t->sym_y) || a == b)
		return a;
	if (is_const(t, a, &t->sym_n))
		return a;
	if (is_const(t, b, &t->sym_n))
		return b;
	return intern(t, E_AND, a, b, NULL, NULL);
}

struct expr *expr_or(struct kctree *t, struct expr *a, struct expr *b)
{
	if (!a || is_const(t, a, &t->sym_n))
		return b;
	if (!b || is_const(t, b, &t->sym_n) || a == b)
		return a;
	if (is_const(t, a, &t->sym_y))
		return a;
	if (is_const(t, b, &t->sym_y))
		return b;
	return intern(t, E_OR, a, b, NULL, NULL);
}

struct expr *expr_make(struct kctree *t, enum expr_type type, struct expr *l, struct expr *r)
{
	return intern(t, type, l, r, NULL, NULL);
}

struct expr *expr_cmp(struct kctree *t, enum expr_type type, struct symbol *l, struct symbol *r)
{
	return intern(t, type, NULL, NULL, l, r);
}

/* expr.c expr_trans_compare(e, E_EQUAL or E_UNEQUAL, n): && and || swap
 * (De Morgan, as "= n" negates), ! flips the comparison, a comparison is
 * negated or kept, a symbol is compared with n. */
static struct expr *trans_n(struct kctree *t, struct expr *e, bool equal)
{
	struct expr *r;

	switch (e->type) {
	case E_AND:
	case E_OR:
		r = expr_make(t, e->type == E_AND ? E_OR : E_AND,
			      trans_n(t, e->left, true), trans_n(t, e->right, true));
		return equal ? r : expr_make(t, E_NOT, r, NULL);
	case E_NOT:
		return trans_n(t, e->left, !equal);
	case E_SYMBOL:
		return expr_cmp(t, equal ? E_EQUAL : E_UNEQUAL, e->sym, &t->sym_n);
	default:	/* a comparison: (A = B) = n is !(A = B) */
		return equal ? expr_make(t, E_NOT, e, NULL) : e;
	}
}

struct expr *expr_is_n(struct kctree *t, struct expr *e)
{
	return trans_n(t, e, true);
}

bool expr_reads_shell(const struct expr *e)
{
	if (!e)
		return false;
	switch (e->type) {
	case E_NOT:
		return expr_reads_shell(e->left);
	case E_AND:
	case E_OR:
		return expr_reads_shell(e->left) || expr_reads_shell(e->right);
	case E_SYMBOL:
		return e->sym->flags & SYM_SHELL;
	default:
		return (e->sym->flags & SYM_SHELL) || (e->rsym->flags & SYM_SHELL);
	}
}

void expr_conjuncts(struct expr *e, exprvec *out)
{
	if (e && e->type == E_AND) {
		expr_conjuncts(e->left, out);
		expr_conjuncts(e->right, out);
	} else if (e) {
		vec_push(*out, e);
	}
}

struct expr *expr_and_but(struct kctree *t, const exprvec *cs, size_t k)
{
	struct expr *rest = NULL;

	for (size_t q = 0; q < cs->n; q++)
		if (q != k)
			rest = expr_and(t, rest, cs->v[q]);
	return rest;
}

bool expr_contains_sym(const struct expr *e, const struct symbol *s)
{
	if (!e)
		return false;
	switch (e->type) {
	case E_SYMBOL:
		return e->sym == s;
	case E_NOT:
		return expr_contains_sym(e->left, s);
	case E_AND:
	case E_OR:
		return expr_contains_sym(e->left, s) || expr_contains_sym(e->right, s);
	default:
		return e->sym == s || e->rsym == s;
	}
}

static void push_sym(const struct symbol *s, expr_sym_filter *keep, symvec *out)
{
	if (!s || (keep && !keep(s)))
		return;
	for (size_t i = 0; i < out->n; i++)
		if (out->v[i] == s)
			return;
	vec_push(*out, s);
}

void expr_symbols(const struct expr *e, expr_sym_filter *keep, symvec *out)
{
	if (!e)
		return;
	switch (e->type) {
	case E_NOT:
		expr_symbols(e->left, keep, out);
		break;
	case E_AND:
	case E_OR:
		expr_symbols(e->left, keep, out);
		expr_symbols(e->right, keep, out);
		break;
	default:
		push_sym(e->sym, keep, out);
		push_sym(e->rsym, keep, out);
	}
}

void expr_print_sym(struct strbuf *sb, const struct symbol *s)
{
	if (!s->name) {
		char buf[300];

		sb_adds(sb, sym_display_name(s, buf, sizeof(buf)));
		return;
	}
	if (!(s->flags & SYM_CONST) || (s->name[0] && !s->name[1] && strchr("ymn", s->name[0]))) {
		sb_adds(sb, s->name);
		return;
	}
	sb_addc(sb, '"');
	for (const char *p = s->name; *p; p++) {
		/* A shell result shows its command as written: inside $(...)
		 * the lexer takes the text raw, up to the matching ')'. */
		if ((s->flags & SYM_SHELL) && !strncmp(p, "$(shell,", 8)) {
			int nest = 0;

			for (; *p; p++) {
				sb_addc(sb, *p);
				if (*p == '(')
					nest++;
				else if (*p == ')' && --nest == 0)
					break;
			}
			if (!*p)
				break;
			continue;
		}
		/* \$ keeps a constant's dollar from expanding when read back */
		if (*p == '"' || *p == '\\' || *p == '$')
			sb_addc(sb, '\\');
		sb_addc(sb, *p);
	}
	sb_addc(sb, '"');
}

static int prec(enum expr_type type)
{
	switch (type) {
	case E_OR: return 1;
	case E_AND: return 2;
	case E_NOT: return 3;
	default: return 4;	/* comparisons and symbols */
	}
}

struct print_hook {
	expr_value_fn *fn;
	void *ctx;
};

static void print_expr(struct strbuf *sb, const struct expr *e, const struct print_hook *h);

static void print_sub(struct strbuf *sb, const struct expr *e, int parent_prec,
		      const struct print_hook *h)
{
	bool paren = prec(e->type) < parent_prec;

	if (paren)
		sb_addc(sb, '(');
	print_expr(sb, e, h);
	if (paren)
		sb_addc(sb, ')');
}

static void print_sym(struct strbuf *sb, const struct symbol *s, const struct print_hook *h)
{
	expr_print_sym(sb, s);
	if (h && s->name && (s->flags & SYM_DEFINED) && !(s->flags & SYM_CONST))
		h->fn(h->ctx, sb, s);
}

static void print_expr(struct strbuf *sb, const struct expr *e, const struct print_hook *h)
{
	static const char *const op[] = {
		[E_EQUAL] = "=", [E_UNEQUAL] = "!=", [E_LTH] = "<", [E_LEQ] = "<=",
		[E_GTH] = ">", [E_GEQ] = ">=",
	};

	if (!e) {
		sb_adds(sb, "y");
		return;
	}
	switch (e->type) {
	case E_SYMBOL:
		print_sym(sb, e->sym, h);
		break;
	case E_NOT:
		sb_addc(sb, '!');
		print_sub(sb, e->left, e->left->type == E_SYMBOL ? 4 : 5, h);
		break;
	case E_AND:
	case E_OR:
		/* The parser builds a && b && c to the left: a right operand of
		 * the same operator keeps its parentheses, so printing and
		 * parsing again gives the same node. */
		print_sub(sb, e->left, prec(e->type), h);
		sb_adds(sb, e->type == E_AND ? " && " : " || ");
		print_sub(sb, e->right, prec(e->type) + 1, h);
		break;
	default:
		print_sym(sb, e->sym, h);
		sb_addc(sb, ' ');
		sb_adds(sb, op[e->type]);
		sb_addc(sb, ' ');
		print_sym(sb, e->rsym, h);
		break;
	}
}

void expr_print(struct strbuf *sb, const struct expr *e)
{
	print_expr(sb, e, NULL);
}

void expr_print_values(struct strbuf *sb, const struct expr *e, expr_value_fn *fn, void *ctx)
{
	struct print_hook h = { fn, ctx };

	print_expr(sb, e, &h);
}

static struct expr *rewrite_m(struct kctree *t, struct expr *e)
{
	switch (e->type) {
	case E_NOT:
		return expr_not(t, expr_rewrite_m(t, e->left));
	case E_AND:
		return expr_and(t, expr_rewrite_m(t, e->left), expr_rewrite_m(t, e->right));
	case E_OR:
		return expr_or(t, expr_rewrite_m(t, e->left), expr_rewrite_m(t, e->right));
	case E_SYMBOL:
		if (e->sym == &t->sym_m)
			return expr_and(t, e, expr_sym(t, t->modules));
		return e;
	default:
		return e;
	}
}

/* Cached per node; valid once t->modules is final (after parsing). */
struct expr *expr_rewrite_m(struct kctree *t, struct expr *e)
{
	if (!e)
		return NULL;
	if (!e->rw)
		e->rw = rewrite_m(t, e);
	return e->rw;
}
