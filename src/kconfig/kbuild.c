/* The Kbuild reader (kbuild.h).  Semantics from the kernel's
 * scripts/Makefile.build (subdir-ym, need-builtin, lib.a built wherever
 * lib-y is set), scripts/Makefile.lib (obj-m filtered out of obj-y,
 * composites: multi-search of -objs/-y for obj-y and -objs/-y/-m for obj-m,
 * lib-y less obj-y) and the top-level Makefile and Kbuild (ARCH_CORE,
 * ARCH_LIB, ARCH_DRIVERS from core-y, libs-y, drivers-y/-m).
 *
 * A Makefile is read once into variables whose values are lists of words,
 * each word with the condition under which the variable holds it (the
 * enclosing ifeq blocks, the CONFIG_ values its name or value expands
 * with).  The directory graph is then walked parents first: a directory is
 * visited when a visited parent lists it in obj-y, obj-m or subdir-y, and
 * builds its obj-y only when the parent listed it in obj-y. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kconfig/arch.h"
#include "kconfig/kbuild.h"
#include "kconfig/kconfig.h"
#include "util/srccache.h"
#include "util/strbuf.h"
#include "util/strindex.h"
#include "util/xalloc.h"

/* ---- conditions: y/n-valued expressions, NULL never used ---- */

struct reader {
	struct kbuild *kb;
	struct kctree *t;
	const struct load_config *c;
	struct expr *T, *F;
	bool failed;
	const char *dir;		/* the directory being read ("" the root) */
	uint32_t line_last;		/* the last line of the logical line being read */
	struct expr *base;		/* the condition of the include being read */
	int include_depth;
};

static struct expr *b_and(struct reader *R, struct expr *a, struct expr *b)
{
	return expr_and(R->t, a, b);
}

static struct expr *b_not(struct reader *R, struct expr *a);

/* X = v for v in vals (a comparison of a symbol with a constant)? */
static bool is_cmp(const struct reader *R, const struct expr *e, enum tristate v)
{
	return e->type == E_EQUAL && e->rsym == R->t->sym_const[v];
}

static struct expr *b_or(struct reader *R, struct expr *a, struct expr *b)
{
	/* X = y || X = m (what obj-$(CONFIG_X) reads for a directory) is X != n */
	if ((is_cmp(R, a, yes) && is_cmp(R, b, mod)) || (is_cmp(R, a, mod) && is_cmp(R, b, yes)))
		if (a->sym == b->sym)
			return expr_cmp(R->t, E_UNEQUAL, a->sym, &R->t->sym_n);
	return expr_or(R->t, a, b);
}

/* a && !b, dropping !b where a excludes b (X = m excludes X = y). */
static struct expr *b_and_not(struct reader *R, struct expr *a, struct expr *b)
{
	if (b == R->F || a == R->F)
		return a;
	if (is_cmp(R, a, mod) && is_cmp(R, b, yes) && a->sym == b->sym)
		return a;
	return b_and(R, a, b_not(R, b));
}

static struct expr *b_not(struct reader *R, struct expr *a)
{
	if (a->type == E_UNEQUAL && a->rsym == &R->t->sym_n)
		return expr_cmp(R->t, E_EQUAL, a->sym, &R->t->sym_n);
	if (a->type == E_EQUAL && a->rsym == &R->t->sym_n)
		return expr_cmp(R->t, E_UNEQUAL, a->sym, &R->t->sym_n);
	if (a == R->T)
		return R->F;
	if (a == R->F)
		return R->T;
	if (a->type == E_NOT)
		return a->left;
	return expr_make(R->t, E_NOT, a, NULL);
}

/* $(CONFIG_X) = v: v 'y', 'm' or 'n' (empty). */
static struct expr *b_config(struct reader *R, const char *name, char v)
{
	struct symbol *s = sym_lookup(R->t, name, false);

	return expr_cmp(R->t, E_EQUAL, s, R->t->sym_const[v == 'y' ? yes : v == 'm' ? mod : no]);
}

static void note_unknown(struct reader *R, struct loc at, const char *what, size_t *count)
{
	struct kbuild_unknown u = { at, arena_strdup(&R->kb->arena, what) };

	vec_push(R->kb->unknowns, u);
	(*count)++;
}

/* A fresh unknown atom for a condition the reader cannot decide (counted
 * when an object list is assigned under it). */
static struct expr *b_unknown(struct reader *R, struct loc at)
{
	struct strbuf sb = STRBUF_INIT;
	struct symbol *s;
	char buf[512];
	sb_addf(&sb, "$(kbuild,%s)", loc_str(at, buf, sizeof(buf)));
	for (unsigned k = 2; sym_find(R->t, sb_str(&sb)); k++) {
		sb_reset(&sb);
		sb_addf(&sb, "$(kbuild,%s,%u)", buf, k);
	}
	s = sym_lookup(R->t, sb_str(&sb), true);
	s->flags |= SYM_SHELL;
	s->shell_display = arena_strdup(&R->t->arena, sb_str(&sb));
	sb_release(&sb);
	return expr_cmp(R->t, E_EQUAL, s, &R->t->sym_y);
}

bool kbuild_is_unknown(const struct expr *e)
{
	return e && e->type == E_EQUAL && (e->sym->flags & SYM_SHELL) &&
	       !strncmp(e->sym->name, "$(kbuild,", 9);
}

/* ---- variables ---- */

struct entry {
	const char *word;
	struct expr *cond;
	struct loc at;
};
typedef VEC(struct entry) entryvec;

struct var {
	const char *name;
	entryvec e;
	bool exported;
};

struct vars {
	VEC(struct var) v;
	size_t nentries;
	const struct vars *global;	/* exported variables of the arch Makefile */
};

static struct var *var_find(const struct vars *V, const char *name)
{
	for (size_t i = 0; i < V->v.n; i++)
		if (!strcmp(V->v.v[i].name, name))
			return &V->v.v[i];
	return NULL;
}

static struct var *var_get(struct reader *R, struct vars *V, const char *name)
{
	struct var *x = var_find(V, name);
	struct var nv = { 0 };

	if (x)
		return x;
	nv.name = arena_strdup(&R->kb->arena, name);
	vec_push(V->v, nv);
	return &vec_last(V->v);
}

static void vars_release(struct vars *V)
{
	for (size_t i = 0; i < V->v.n; i++)
		vec_release(V->v.v[i].e);
	vec_release(V->v);
}

/* ---- expansion: a word with $(...) references -> alternatives ---- */

struct alt {
	const char *word;
	struct expr *cond;
	struct loc at;			/* the line of a variable's word, {0,0}: none */
};
typedef VEC(struct alt) altvec;

/* The length of the reference at p ("$(...)" or "${...}", nested), 0 if
 * it is not closed. */
static size_t ref_len(const char *p, size_t n)
{
	char open = p[1], close = open == '(' ? ')' : '}';
	int depth = 0;

	for (size_t i = 1; i < n; i++) {
		if (p[i] == open)
			depth++;
		else if (p[i] == close && --depth == 0)
			return i + 1;
	}
	return 0;
}

#define MAX_ALTS 256

struct expand {
	struct reader *R;
	const struct vars *V;
	struct loc at;
	bool unknown;			/* some reference could not be expanded */
	char what[128];			/* the first one */
};

static void set_unknown(struct expand *X, const char *ref, size_t n)
{
	if (!X->unknown)
		snprintf(X->what, sizeof(X->what), "%.*s", (int)(n > 100 ? 100 : n), ref);
	X->unknown = true;
}

static bool is_config_name(const char *s, size_t n)
{
	if (n <= 7 || strncmp(s, "CONFIG_", 7))
		return false;
	for (size_t i = 7; i < n; i++)
		if (!(s[i] == '_' || (s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= 'a' && s[i] <= 'z') ||
		      (s[i] >= '0' && s[i] <= '9')))
			return false;
	return true;
}

static void trim(const char **s, size_t *n)
{
	while (*n && (**s == ' ' || **s == '\t')) {
		(*s)++;
		(*n)--;
	}
	while (*n && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t'))
		(*n)--;
}

struct span {
	const char *p;
	size_t n;
};
typedef VEC(struct span) spanvec;

static void words_of(const char *s, size_t n, spanvec *out)
{
	size_t i = 0;

	while (i < n) {
		size_t b;

		while (i < n && (s[i] == ' ' || s[i] == '\t'))
			i++;
		if (i == n)
			break;
		b = i;
		while (i < n && s[i] != ' ' && s[i] != '\t') {
			if (s[i] == '$' && i + 1 < n && (s[i + 1] == '(' || s[i + 1] == '{')) {
				size_t len = ref_len(s + i, n - i);

				i += len ? len : n - i;
			} else {
				i++;
			}
		}
		vec_push(*out, ((struct span){ s + b, i - b }));
	}
}

static void expand_text(struct expand *X, const char *s, size_t n, struct expr *cond,
			struct loc from, struct strbuf *prefix, altvec *out, int depth);

/* patsubst's match of word against pattern pat (one % at most; none: the
 * whole word): the replacement rep with % as the stem, or NULL. */
static char *pat_apply(struct reader *R, const char *pat, const char *rep, const char *word)
{
	const char *pc = strchr(pat, '%'), *rc = strchr(rep, '%');
	size_t wn = strlen(word), pre, suf;
	struct strbuf sb = STRBUF_INIT;
	char *r;

	if (!pc)
		return strcmp(pat, word) ? NULL : arena_strdup(&R->kb->arena, rep);
	pre = (size_t)(pc - pat);
	suf = strlen(pc + 1);
	if (wn < pre + suf || strncmp(word, pat, pre) || strcmp(word + wn - suf, pc + 1))
		return NULL;
	if (rc) {
		sb_add(&sb, rep, (size_t)(rc - rep));
		sb_add(&sb, word + pre, wn - pre - suf);
		sb_adds(&sb, rc + 1);
	} else {
		sb_adds(&sb, rep);
	}
	r = arena_strdup(&R->kb->arena, sb_str(&sb));
	sb_release(&sb);
	return r;
}

/* The single value of a function argument (no word splitting), or NULL
 * when it has several or is not expanded. */
static const char *one_value(struct expand *X, const char *s, size_t n, int depth)
{
	altvec v = { 0 };
	struct strbuf p = STRBUF_INIT;
	const char *r = NULL;

	trim(&s, &n);
	expand_text(X, s, n, X->R->T, (struct loc){ 0, 0 }, &p, &v, depth + 1);
	if (v.n == 1 && v.v[0].cond == X->R->T)
		r = v.v[0].word;
	else if (!X->unknown)
		set_unknown(X, s, n);
	sb_release(&p);
	vec_release(v);
	return r;
}

/* $(patsubst PAT,REP,LIST) (subst: every FROM in each word replaced) over
 * LIST's words, each with its condition. */
static void expand_patsubst(struct expand *X, bool pat, const char *pa, size_t pn, const char *ra,
			    size_t rn, const char *list, size_t ln, struct expr *cond, altvec *out,
			    int depth)
{
	struct reader *R = X->R;
	const char *from = one_value(X, pa, pn, depth), *to = one_value(X, ra, rn, depth);
	spanvec w = { 0 };

	if (!from || !to)
		return;
	words_of(list, ln, &w);
	for (size_t i = 0; i < w.n && !X->unknown; i++) {
		altvec ws = { 0 };
		struct strbuf p = STRBUF_INIT;

		expand_text(X, w.v[i].p, w.v[i].n, cond, (struct loc){ 0, 0 }, &p, &ws, depth + 1);
		for (size_t k = 0; k < ws.n && out->n < MAX_ALTS; k++) {
			struct alt a = ws.v[k];

			if (pat) {
				char *r = pat_apply(R, from, to, a.word);

				a.word = r ? r : a.word;
			} else if (*from) {
				struct strbuf sb = STRBUF_INIT;
				size_t fl = strlen(from);

				for (const char *q = a.word; *q;) {
					if (!strncmp(q, from, fl)) {
						sb_adds(&sb, to);
						q += fl;
					} else {
						sb_addc(&sb, *q++);
					}
				}
				a.word = arena_strdup(&R->kb->arena, sb_str(&sb));
				sb_release(&sb);
			}
			a.at = (struct loc){ 0, 0 };
			vec_push(*out, a);
		}
		sb_release(&p);
		vec_release(ws);
	}
	vec_release(w);
}

/* The top-level commas of a function's arguments: up to max positions. */
static size_t arg_commas(const char *s, size_t n, size_t *pos, size_t max)
{
	int d = 0;
	size_t k = 0;

	for (size_t i = 0; i < n && k < max; i++) {
		if (s[i] == '(' || s[i] == '{')
			d++;
		else if (s[i] == ')' || s[i] == '}')
			d--;
		else if (s[i] == ',' && !d)
			pos[k++] = i;
	}
	return k;
}

/* The values a reference's inner text (between the parentheses) can take. */
static void expand_ref(struct expand *X, const char *in, size_t n, struct expr *cond, altvec *out,
		       int depth)
{
	struct reader *R = X->R;
	char name[256];
	const struct var *v;

	if (depth > 8) {
		set_unknown(X, in, n);
		return;
	}
	if (is_config_name(in, n) && n < sizeof(name)) {
		static const char vals[] = { 'y', 'm', 'n' };

		snprintf(name, sizeof(name), "%.*s", (int)(n - 7), in + 7);
		for (int k = 0; k < 3; k++) {
			struct alt a = { vals[k] == 'n' ? "" : vals[k] == 'y' ? "y" : "m",
					 b_and(R, cond, b_config(R, name, vals[k])), { 0, 0 } };

			vec_push(*out, a);
		}
		return;
	}
	/* $(subst m,y,$(CONFIG_X)): y whenever X is y or m */
	if (n > 10 && !strncmp(in, "subst m,y,", 10) && in[10] == '$' && (in[11] == '(' || in[11] == '{') &&
	    ref_len(in + 10, n - 10) == n - 10 && is_config_name(in + 12, n - 13) && n - 13 - 7 < sizeof(name)) {
		struct alt y = { 0 }, e = { 0 };

		snprintf(name, sizeof(name), "%.*s", (int)(n - 20), in + 19);
		y.word = "y";
		y.cond = b_and(R, cond, b_not(R, b_config(R, name, 'n')));
		e.word = "";
		e.cond = b_and(R, cond, b_config(R, name, 'n'));
		vec_push(*out, y);
		vec_push(*out, e);
		return;
	}
	/* $(addprefix P,LIST), $(addsuffix S,LIST): each word of LIST */
	if ((n > 10 && !strncmp(in, "addprefix ", 10)) || (n > 10 && !strncmp(in, "addsuffix ", 10))) {
		bool pre = in[3] == 'p';
		int d = 0;
		size_t comma = 0;

		for (size_t i = 10; i < n && !comma; i++) {
			if (in[i] == '(' || in[i] == '{')
				d++;
			else if (in[i] == ')' || in[i] == '}')
				d--;
			else if (in[i] == ',' && !d)
				comma = i;
		}
		if (comma) {
			altvec ps = { 0 };
			spanvec w = { 0 };
			struct strbuf p = STRBUF_INIT;
			const char *a = in + 10;
			size_t an = comma - 10;

			trim(&a, &an);
			expand_text(X, a, an, cond, (struct loc){ 0, 0 }, &p, &ps, depth + 1);
			words_of(in + comma + 1, n - comma - 1, &w);
			for (size_t i = 0; i < w.n && !X->unknown; i++) {
				altvec ws = { 0 };

				expand_text(X, w.v[i].p, w.v[i].n, R->T, (struct loc){ 0, 0 }, &p, &ws,
					    depth + 1);
				for (size_t j = 0; j < ps.n; j++)
					for (size_t k = 0; k < ws.n && out->n < MAX_ALTS; k++) {
						struct strbuf sb = STRBUF_INIT;
						struct alt r = { 0 };

						sb_adds(&sb, pre ? ps.v[j].word : ws.v[k].word);
						sb_adds(&sb, pre ? ws.v[k].word : ps.v[j].word);
						r.word = arena_strdup(&R->kb->arena, sb_str(&sb));
						r.cond = b_and(R, ps.v[j].cond, ws.v[k].cond);
						sb_release(&sb);
						if (r.cond != R->F)
							vec_push(*out, r);
					}
				vec_release(ws);
			}
			sb_release(&p);
			vec_release(ps);
			vec_release(w);
			return;
		}
	}
	/* $(patsubst P,R,LIST), $(subst F,T,LIST) */
	if ((n > 9 && !strncmp(in, "patsubst ", 9)) || (n > 6 && !strncmp(in, "subst ", 6))) {
		size_t off = in[0] == 'p' ? 9 : 6, c[2];
		const char *a = in + off;

		if (arg_commas(a, n - off, c, 2) == 2) {
			expand_patsubst(X, in[0] == 'p', a, c[0], a + c[0] + 1, c[1] - c[0] - 1,
					a + c[1] + 1, n - off - c[1] - 1, cond, out, depth);
			return;
		}
	}
	/* $(VAR:A=B): $(patsubst %A,%B,$(VAR)) (or A,B when A has a %) */
	{
		const char *colon = memchr(in, ':', n), *eq = colon ? memchr(colon, '=', n - (size_t)(colon - in)) : NULL;

		if (colon && eq && !memchr(in, '$', (size_t)(colon - in)) && !memchr(colon, '$', n - (size_t)(colon - in)) &&
		    colon > in && (size_t)(colon - in) < sizeof(name)) {
			struct strbuf pa = STRBUF_INIT, ra = STRBUF_INIT, li = STRBUF_INIT;
			bool pct = memchr(colon + 1, '%', (size_t)(eq - colon - 1)) != NULL;

			if (!pct)
				sb_addc(&pa, '%');
			sb_add(&pa, colon + 1, (size_t)(eq - colon - 1));
			if (!pct)
				sb_addc(&ra, '%');
			sb_add(&ra, eq + 1, n - (size_t)(eq + 1 - in));
			sb_addf(&li, "$(%.*s)", (int)(colon - in), in);
			expand_patsubst(X, true, sb_str(&pa), pa.len, sb_str(&ra), ra.len, sb_str(&li),
					li.len, cond, out, depth);
			sb_release(&pa);
			sb_release(&ra);
			sb_release(&li);
			return;
		}
	}
	/* $(strip X): the words of X, as an ifeq side reads them */
	if (n > 6 && !strncmp(in, "strip ", 6)) {
		struct strbuf sb = STRBUF_INIT;

		expand_text(X, in + 6, n - 6, cond, (struct loc){ 0, 0 }, &sb, out, depth + 1);
		sb_release(&sb);
		return;
	}
	if (n >= sizeof(name) || memchr(in, '$', n) || memchr(in, ' ', n) || memchr(in, ',', n) ||
	    memchr(in, ':', n)) {
		set_unknown(X, in, n);
		return;
	}
	snprintf(name, sizeof(name), "%.*s", (int)n, in);
	/* $(srctree), $(src), $(obj): the tree's root and the directory
	 * (relative: a path of the tree), for include lines */
	if (!strcmp(name, "srctree") || !strcmp(name, "src") || !strcmp(name, "obj")) {
		size_t dl = strlen(R->dir);
		struct alt a = { ".", cond, { 0, 0 } };

		if (name[0] != 's' || name[1] != 'r' || name[2] != 'c' || name[3] != 't')
			if (dl)
				a.word = arena_strndup(&R->kb->arena, R->dir, dl - 1);
		vec_push(*out, a);
		return;
	}
	if (R->kb->srcarch && !strcmp(name, "SRCARCH")) {
		struct alt a = { R->kb->srcarch, cond, { 0, 0 } };

		vec_push(*out, a);
		return;
	}
	if (R->t->arch && !strcmp(name, "ARCH")) {
		struct alt a = { arch_kbuild_arch(R->t->arch), cond, { 0, 0 } };

		vec_push(*out, a);
		return;
	}
	v = var_find(X->V, name);
	if (!v && X->V->global)
		v = var_find(X->V->global, name);
	if (!v) {
		set_unknown(X, in, n);
		return;
	}
	/* a list variable: its words one by one, each with its condition
	 * (the value as a whole only when it has one word per case) */
	for (size_t i = 0; i < v->e.n && out->n < MAX_ALTS; i++) {
		struct alt a = { v->e.v[i].word, b_and(R, cond, v->e.v[i].cond), v->e.v[i].at };

		if (a.cond != R->F)
			vec_push(*out, a);
	}
}

/* Expand s[0..n) after prefix: every combination of its references'
 * values, each with its condition, appended to out. */
static void expand_text(struct expand *X, const char *s, size_t n, struct expr *cond,
			struct loc from, struct strbuf *prefix, altvec *out, int depth)
{
	struct reader *R = X->R;
	size_t i = 0;

	while (i < n && s[i] != '$')
		i++;
	if (i == n) {
		struct strbuf sb = STRBUF_INIT;
		struct alt a;

		sb_adds(&sb, sb_str(prefix));
		sb_add(&sb, s, n);
		a.word = arena_strdup(&R->kb->arena, sb_str(&sb));
		a.cond = cond;
		a.at = from;
		sb_release(&sb);
		if (out->n < MAX_ALTS)
			vec_push(*out, a);
		else
			set_unknown(X, "too many combinations", 21);
		return;
	}
	if (i + 1 < n && s[i + 1] == '$') {		/* $$ is a literal $ */
		struct strbuf p = STRBUF_INIT;

		sb_adds(&p, sb_str(prefix));
		sb_add(&p, s, i + 1);
		expand_text(X, s + i + 2, n - i - 2, cond, from, &p, out, depth);
		sb_release(&p);
		return;
	}
	if (i + 1 < n && (s[i + 1] == '(' || s[i + 1] == '{')) {
		size_t len = ref_len(s + i, n - i);
		altvec vals = { 0 };

		if (!len) {
			set_unknown(X, s + i, n - i);
			return;
		}
		expand_ref(X, s + i + 2, len - 3, cond, &vals, depth + 1);
		for (size_t k = 0; k < vals.n && !X->unknown; k++) {
			struct strbuf p = STRBUF_INIT;

			sb_adds(&p, sb_str(prefix));
			sb_add(&p, s, i);
			sb_adds(&p, vals.v[k].word);
			/* a whole word that is one variable: cite its words' lines */
			bool whole = !i && !*sb_str(prefix) && i + len == n;

			expand_text(X, s + i + len, n - i - len, vals.v[k].cond,
				    whole && vals.v[k].at.file ? vals.v[k].at : from, &p, out, depth);
			sb_release(&p);
		}
		vec_release(vals);
		return;
	}
	set_unknown(X, s + i, i + 2 <= n ? 2 : 1);	/* $@, $< ... */
}

/* Every word of a value with its condition; a word not expanded is
 * counted and dropped. */
static void expand_value(struct reader *R, const struct vars *V, struct loc at, const char *s,
			 size_t n, struct expr *cond, altvec *out, bool count)
{
	spanvec w = { 0 };

	words_of(s, n, &w);
	for (size_t i = 0; i < w.n; i++) {
		struct expand X = { R, V, at, false, "" };
		struct strbuf p = STRBUF_INIT;
		size_t before = out->n;

		expand_text(&X, w.v[i].p, w.v[i].n, cond, (struct loc){ 0, 0 }, &p, out, 0);
		sb_release(&p);
		if (X.unknown) {
			char what[200];

			out->n = before;
			snprintf(what, sizeof(what), "word '%.*s' (%s)",
				 (int)(w.v[i].n > 80 ? 80 : w.v[i].n), w.v[i].p, X.what);
			if (count)
				note_unknown(R, at, what, &R->kb->stats.unknown_words);
		}
	}
	vec_release(w);
}

/* ---- reading one Makefile ---- */

struct ifblock {
	struct expr *cond;		/* of the branch being read */
	struct expr *taken;		/* OR of the branches before it */
	struct loc at;			/* of the conditional not modelled, */
	const char *unknown;		/* why (NULL: modelled) */
	bool noted;			/* counted already */
};
typedef VEC(struct ifblock) ifvec;

static struct expr *cur_cond(struct reader *R, const ifvec *st)
{
	struct expr *c = R->base;

	for (size_t i = 0; i < st->n; i++)
		c = b_and(R, c, st->v[i].cond);
	return c;
}

static const char *skip_ws(const char *p)
{
	while (*p == ' ' || *p == '\t')
		p++;
	return p;
}

static bool keyword(const char **p, const char *kw)
{
	size_t n = strlen(kw);

	if (strncmp(*p, kw, n) || ((*p)[n] && (*p)[n] != ' ' && (*p)[n] != '\t' && (*p)[n] != '(' &&
				   (*p)[n] != '"' && (*p)[n] != '\''))
		return false;
	*p = skip_ws(*p + n);
	return true;
}

/* The condition that two expanded sides are equal (ifeq). */
static struct expr *sides_equal(struct reader *R, const struct vars *V, struct loc at, const char *a,
				size_t an, const char *b, size_t bn, bool *unknown)
{
	altvec x = { 0 }, y = { 0 };
	struct expand X = { R, V, at, false, "" }, Y = { R, V, at, false, "" };
	struct strbuf p = STRBUF_INIT;
	struct expr *c = R->F;

	trim(&a, &an);
	trim(&b, &bn);
	for (int k = 0; k < 2; k++) {
		/* $(CONFIG_X) against a number or string: X's value (int, hex, string) */
		const char *r = k ? b : a, *l = k ? a : b;
		size_t rn = k ? bn : an, ln = k ? an : bn;

		if (rn > 3 && r[0] == '$' && r[1] == '(' && ref_len(r, rn) == rn &&
		    is_config_name(r + 2, rn - 3) && ln && !memchr(l, '$', ln) &&
		    !(ln == 1 && (*l == 'y' || *l == 'm')) && rn - 9 < 256) {
			char name[256], *lit = xstrndup(l, ln);
			struct expr *e;

			snprintf(name, sizeof(name), "%.*s", (int)(rn - 10), r + 9);
			/* a number is a word to the Kconfig parser, anything else
			 * a quoted string (a constant) */
			e = expr_cmp(R->t, E_EQUAL, sym_lookup(R->t, name, false),
				     sym_lookup(R->t, lit, strspn(lit, "0123456789abcdefxABCDEFX-") != ln));
			free(lit);
			*unknown = false;
			return e;
		}
	}
	expand_text(&X, a, an, R->T, (struct loc){ 0, 0 }, &p, &x, 0);
	expand_text(&Y, b, bn, R->T, (struct loc){ 0, 0 }, &p, &y, 0);
	sb_release(&p);
	*unknown = X.unknown || Y.unknown;
	for (size_t i = 0; i < x.n && !*unknown; i++)
		for (size_t j = 0; j < y.n; j++) {
			const char *u = x.v[i].word, *w = y.v[j].word;
			size_t un = strlen(u), wn = strlen(w);

			trim(&u, &un);
			trim(&w, &wn);
			if (un == wn && !memcmp(u, w, un))
				c = b_or(R, c, b_and(R, x.v[i].cond, y.v[j].cond));
		}
	vec_release(x);
	vec_release(y);
	return c;
}

/* The condition of `ifeq (A,B)`, `ifeq "A" "B"`, `ifdef NAME` (negated
 * for ifneq and ifndef by the caller). */
static struct expr *if_cond(struct reader *R, const struct vars *V, struct loc at, bool def,
			    const char *p, const char **what)
{
	bool unknown = false;
	struct expr *c;
	size_t n = strlen(p);

	trim(&p, &n);
	if (def) {
		struct expand X = { R, V, at, false, "" };
		altvec vals = { 0 };

		/* ifdef NAME: NAME's value is not empty */
		if (!n || memchr(p, ' ', n) || memchr(p, '$', n))
			return *what = "ifdef of a computed name", b_unknown(R, at);
		expand_ref(&X, p, n, R->T, &vals, 0);
		c = R->F;
		for (size_t i = 0; i < vals.n; i++)
			if (*vals.v[i].word)
				c = b_or(R, c, vals.v[i].cond);
		vec_release(vals);
		if (X.unknown)
			return *what = "ifdef of a variable not modelled", b_unknown(R, at);
		return c;
	}
	if (*p == '(' && n >= 2 && p[n - 1] == ')') {
		/* the comma at depth 0 inside the parentheses */
		int depth = 0;

		for (size_t i = 1; i + 1 < n; i++) {
			if (p[i] == '(' || p[i] == '{')
				depth++;
			else if (p[i] == ')' || p[i] == '}')
				depth--;
			else if (p[i] == ',' && !depth) {
				c = sides_equal(R, V, at, p + 1, i - 1, p + i + 1, n - i - 2, &unknown);
				if (unknown)
					return *what = "ifeq of an expression not modelled", b_unknown(R, at);
				return c;
			}
		}
	} else if ((*p == '"' || *p == '\'') && n >= 4) {
		const char *q = memchr(p + 1, *p, n - 1), *r;

		if (q) {
			r = skip_ws(q + 1);
			/* the second string closes at the end and is not r itself */
			if ((*r == '"' || *r == '\'') && (size_t)(r - p) + 2 <= n && p[n - 1] == *r) {
				c = sides_equal(R, V, at, p + 1, (size_t)(q - p - 1), r + 1,
						n - (size_t)(r - p) - 2, &unknown);
				if (unknown)
					return *what = "ifeq of an expression not modelled", b_unknown(R, at);
				return c;
			}
		}
	}
	return *what = "malformed conditional", b_unknown(R, at);
}

/* Assign (op '=', ':', '+', '?') the value's words under cond. */
/* Does a variable of this name decide which objects are built?  Only
 * what is not modelled there is counted. */
static bool relevant(const char *name)
{
	static const char *const skip[] = {
		"ccflags-", "asflags-", "ldflags-", "cflags-", "subdir-ccflags-", "subdir-asflags-",
		"always-", "extra-", "hostprogs-", "userprogs-", "targets", "clean-", "CFLAGS",
		"AFLAGS", "KBUILD_", "OBJECT_FILES", "KASAN", "KCSAN", "KMSAN", "KCOV", "GCOV",
		"UBSAN", "userccflags", "userldflags", "hostccflags", "HOST", "LDFLAGS", "CPPFLAGS",
	};
	size_t n = strlen(name);

	for (size_t i = 0; i < sizeof(skip) / sizeof(skip[0]); i++)
		if (!strncmp(name, skip[i], strlen(skip[i])))
			return false;
	return !strncmp(name, "obj-", 4) || !strncmp(name, "lib-", 4) ||
	       !strncmp(name, "core-", 5) || !strncmp(name, "libs-", 5) ||
	       !strncmp(name, "drivers-", 8) ||
	       (n > 2 && (!strcmp(name + n - 2, "-y") || !strcmp(name + n - 2, "-m"))) ||
	       (n > 5 && !strcmp(name + n - 5, "-objs"));
}

static bool assign(struct reader *R, struct vars *V, struct loc at, const char *key, size_t kn,
		   char op, const char *val, size_t vn, struct expr *cond, bool exported,
		   ifvec *st)
{
	altvec keys = { 0 }, words = { 0 };
	struct expand X = { R, V, at, false, "" };
	struct strbuf p = STRBUF_INIT;
	bool ok = true;

	trim(&key, &kn);
	expand_text(&X, key, kn, cond, (struct loc){ 0, 0 }, &p, &keys, 0);
	sb_release(&p);
	if (X.unknown) {
		char what[200];

		snprintf(what, sizeof(what), "variable name '%.*s' (%s)", (int)(kn > 80 ? 80 : kn), key,
			 X.what);
		if (!strncmp(key, "obj-", 4) || !strncmp(key, "lib-", 4) || relevant(key))
			note_unknown(R, at, what, &R->kb->stats.unknown_words);
		vec_release(keys);
		return true;
	}
	for (size_t k = 0; k < keys.n && ok; k++) {
		struct var *x;
		struct expr *c = keys.v[k].cond;

		if (c == R->F || !*keys.v[k].word)
			continue;
		if (relevant(keys.v[k].word))
			for (size_t b = 0; b < st->n; b++)
				if (st->v[b].unknown && !st->v[b].noted) {
					note_unknown(R, st->v[b].at, st->v[b].unknown,
						     &R->kb->stats.unknown_conds);
					st->v[b].noted = true;
				}
		if (relevant(keys.v[k].word) && keys.v[k].word[strlen(keys.v[k].word) - 1] != '-') {
			/* the line takes effect for this name (obj-y, not obj-) */
			struct kbuild_line kl = { at, R->line_last, c };

			vec_push(R->kb->lines, kl);
		}
		x = var_get(R, V, keys.v[k].word);
		x->exported |= exported;
		if (op == '?' && x->e.n)
			continue;
		/* the value first: `libs-y := arch/arm64/lib/ $(libs-y)` reads the
		 * old words */
		words.n = 0;
		expand_value(R, V, at, val, vn, c, &words, relevant(keys.v[k].word));
		if (op != '+') {
			/* the old words stay only where this assignment is not made */
			size_t j = 0;
			struct expr *nc = b_not(R, c);

			for (size_t i = 0; i < x->e.n; i++) {
				x->e.v[i].cond = b_and(R, x->e.v[i].cond, nc);
				if (x->e.v[i].cond != R->F)
					x->e.v[j++] = x->e.v[i];
			}
			V->nentries -= x->e.n - j;
			x->e.n = j;
		}
		for (size_t i = 0; i < words.n; i++) {
			struct entry e = { words.v[i].word, words.v[i].cond,
					   words.v[i].at.file ? words.v[i].at : at };

			if (e.cond == R->F)
				continue;
			if (++V->nentries > KBUILD_MAX_ENTRIES) {
				diag_error(at, "too many list entries in one Makefile (more than %d)",
					   KBUILD_MAX_ENTRIES);
				ok = false;
				break;
			}
			/* the variable may have moved: var_get() above is the
			 * last push, expand_value() only reads */
			vec_push(x->e, e);
		}
	}
	vec_release(keys);
	vec_release(words);
	return ok;
}

/* Where a logical line's assignment operator is: 0 none (or a rule, *rule
 * set), else the operator's first byte offset and kind in *op. */
static size_t find_assign(const char *s, char *op, size_t *oplen, bool *rule)
{
	int depth = 0;

	*rule = false;
	for (size_t i = 0; s[i]; i++) {
		char ch = s[i];

		if (ch == '(' || ch == '{')
			depth++;
		else if (ch == ')' || ch == '}')
			depth--;
		if (depth)
			continue;
		if (ch == ':') {
			if (s[i + 1] == '=') {
				*op = ':';
				*oplen = 2;
				return i;
			}
			if (s[i + 1] == ':' && s[i + 2] == '=') {
				*op = ':';
				*oplen = 3;
				return i;
			}
			*rule = true;
			return 0;
		}
		if (ch == '=') {
			if (i && (s[i - 1] == '+' || s[i - 1] == '?' || s[i - 1] == '!')) {
				*op = s[i - 1] == '!' ? '!' : s[i - 1];
				*oplen = 2;
				return i - 1;
			}
			*op = '=';
			*oplen = 1;
			return i;
		}
	}
	return 0;
}

/* One Makefile's text into V.  false after a diagnostic. */
static bool include(struct reader *R, struct vars *V, struct loc at, const char *arg,
		    struct expr *cond, bool optional);

static bool parse_makefile(struct reader *R, struct vars *V, const char *file, const char *text,
			   size_t len)
{
	uint32_t fid = diag_file_intern(file);
	ifvec st = { 0 };
	struct strbuf line = STRBUF_INIT;
	bool in_rule = false, ok = true;
	int in_define = 0;
	size_t i = 0;
	uint32_t lineno = 1;

	while (i < len && ok) {
		struct loc at = { fid, lineno };
		const char *p;
		bool recipe = text[i] == '\t';

		/* a logical line: backslash-newline joins, as one space */
		sb_reset(&line);
		for (;;) {
			size_t b = i;

			while (i < len && text[i] != '\n')
				i++;
			if (i > b && text[i - 1] == '\\' && i < len) {
				sb_add(&line, text + b, i - b - 1);
				sb_addc(&line, ' ');
				i++;
				lineno++;
				continue;
			}
			sb_add(&line, text + b, i - b);
			if (i < len)
				i++;
			lineno++;
			break;
		}
		R->line_last = lineno - 1;
		if (recipe && in_rule)
			continue;
		p = skip_ws(sb_str(&line));
		if (in_define) {
			if (keyword(&p, "endef"))
				in_define--;
			else if (keyword(&p, "define"))
				in_define++;
			continue;
		}
		if (line.len) {
			/* drop the comment (an unescaped #) */
			char *h;

			for (h = line.buf; (h = strchr(h, '#')); h++)
				if (h == line.buf || h[-1] != '\\') {
					*h = '\0';
					line.len = (size_t)(h - line.buf);
					break;
				}
		}
		if (!*p)
			continue;
		if (keyword(&p, "ifeq") || keyword(&p, "ifneq") || keyword(&p, "ifdef") ||
		    keyword(&p, "ifndef")) {
			const char *kw = skip_ws(sb_str(&line));
			bool neg = kw[2] == 'n', def = kw[neg ? 3 : 2] == 'd';
			const char *what = NULL;
			struct expr *c = if_cond(R, V, at, def, p, &what);
			struct ifblock b = { neg ? b_not(R, c) : c, R->F, at, what, false };

			vec_push(st, b);
			in_rule = false;
			continue;
		}
		if (keyword(&p, "else")) {
			struct ifblock *b;

			if (!st.n) {
				diag_error(at, "'else' without a conditional");
				ok = false;
				break;
			}
			b = &vec_last(st);
			b->taken = b_or(R, b->taken, b->cond);
			if (keyword(&p, "ifeq") || keyword(&p, "ifneq") || keyword(&p, "ifdef") ||
			    keyword(&p, "ifndef")) {
				const char *kw = strstr(sb_str(&line), "if");
				bool neg = kw[2] == 'n', def = kw[neg ? 3 : 2] == 'd';
				const char *what = NULL;
				struct expr *c = if_cond(R, V, at, def, p, &what);

				b->cond = b_and(R, b_not(R, b->taken), neg ? b_not(R, c) : c);
				if (what && !b->unknown) {
					b->unknown = what;
					b->at = at;
					b->noted = false;
				}
			} else {
				b->cond = b_not(R, b->taken);
			}
			continue;
		}
		if (keyword(&p, "endif")) {
			if (!st.n) {
				diag_error(at, "'endif' without a conditional");
				ok = false;
				break;
			}
			st.n--;
			continue;
		}
		if (keyword(&p, "define")) {
			in_define = 1;
			continue;
		}
		if (keyword(&p, "include") || keyword(&p, "-include") || keyword(&p, "sinclude")) {
			bool optional = skip_ws(sb_str(&line))[0] != 'i';

			ok = include(R, V, at, p, cur_cond(R, &st), optional);
			in_rule = false;
			continue;
		}
		{
			bool exported = false, rule;
			char op = 0;
			size_t oplen = 0, pos;

			for (;;) {
				if (keyword(&p, "export"))
					exported = true;
				else if (!keyword(&p, "override") && !keyword(&p, "private"))
					break;
			}
			pos = find_assign(p, &op, &oplen, &rule);
			if (rule) {
				in_rule = true;
				continue;
			}
			if (!op) {
				/* `export NAME`, $(call ...), $(eval ...) */
				if (exported) {
					/* `export A B`: each, before or after its assignment */
					spanvec w = { 0 };

					words_of(p, strlen(p), &w);
					for (size_t k = 0; k < w.n; k++) {
						char *name = xstrndup(w.v[k].p, w.v[k].n);

						if (!memchr(name, '$', w.v[k].n))
							var_get(R, V, name)->exported = true;
						free(name);
					}
					vec_release(w);
				} else if (*p == '$') {
					note_unknown(R, at, "function call line not followed",
						     &R->kb->stats.other);
				}
				in_rule = false;
				continue;
			}
			in_rule = false;
			if (op == '!') {
				note_unknown(R, at, "shell assignment", &R->kb->stats.other);
				continue;
			}
			if (!assign(R, V, at, p, pos, op, p + pos + oplen, strlen(p + pos + oplen),
				    cur_cond(R, &st), exported, &st))
				ok = false;
		}
	}
	if (ok && st.n) {
		diag_error((struct loc){ fid, lineno > 1 ? lineno - 1 : 1 },
			   "missing 'endif' at the end of the file");
		ok = false;
	}
	vec_release(st);
	sb_release(&line);
	return ok;
}

/* ---- files ---- */

char *kbuild_read_file(const struct load_config *c, const char *rel, size_t *len, int *err)
{
	const char *text;
	char *copy;

	*err = 0;
	if (c->vfs) {
		text = c->vfs(c->vfs_ctx, rel, len);
		if (!text)
			return NULL;
		if (*len > KBUILD_MAX_FILE) {
			*err = SRC_ETOOBIG;
			return NULL;
		}
		return xstrndup(text, *len);
	}
	errno = 0;
	if (c->cache) {
		text = srccache_read_in(c->cache, c->srctree ? c->srctree : ".", rel, len);
		copy = text ? xstrndup(text, *len) : NULL;
	} else {
		copy = srccache_read_copy(c->srctree ? c->srctree : ".", rel, len);
	}
	if (!copy) {
		if (errno != ENOENT && errno != ENOTDIR)
			*err = errno ? errno : EIO;
		return NULL;
	}
	if (*len > KBUILD_MAX_FILE) {
		free(copy);
		*err = SRC_ETOOBIG;
		return NULL;
	}
	return copy;
}

static void refused(struct loc at, const char *rel, int err)
{
	if (at.file)
		diag_error(at, "cannot read '%s': %s", rel, src_strerror(err));
	else
		diag_fatal("cannot read '%s': %s", rel, src_strerror(err));
}

#define MAX_INCLUDE_DEPTH 8

static bool join_path(const char *dir, const char *word, struct strbuf *out);

/* `include FILE...` (or -include, sinclude): each file of the tree the
 * words name, read into V under the include's condition.  A name not
 * expanded, a file outside the tree or missing (for include) is counted,
 * a refused one is an error. */
static bool include(struct reader *R, struct vars *V, struct loc at, const char *arg,
		    struct expr *cond, bool optional)
{
	altvec files = { 0 };
	size_t before = R->kb->stats.unknown_words;
	bool ok = true;

	expand_value(R, V, at, arg, strlen(arg), cond, &files, true);
	if (R->kb->stats.unknown_words != before) {
		/* expand_value() counted the word; say what it was for */
		R->kb->unknowns.v[R->kb->unknowns.n - 1].what = "include of a name not expanded";
		R->kb->stats.unknown_words--;
		R->kb->stats.other++;
	}
	for (size_t i = 0; i < files.n && ok; i++) {
		struct strbuf rel = STRBUF_INIT;
		struct expr *saved = R->base;
		size_t len;
		int err;
		char *text;

		if (!join_path("", files.v[i].word, &rel) || !rel.len || rel.buf[rel.len - 1] == '/') {
			note_unknown(R, at, "include of a file outside the tree", &R->kb->stats.other);
			sb_release(&rel);
			continue;
		}
		if (R->include_depth >= MAX_INCLUDE_DEPTH) {
			diag_error(at, "includes nested deeper than %d", MAX_INCLUDE_DEPTH);
			sb_release(&rel);
			ok = false;
			break;
		}
		text = kbuild_read_file(R->c, sb_str(&rel), &len, &err);
		if (!text && err) {
			refused(at, sb_str(&rel), err);
			ok = false;
		} else if (!text) {
			if (!optional)
				note_unknown(R, at, "include of a file the tree does not have",
					     &R->kb->stats.other);
		} else {
			R->kb->stats.makefiles++;
			R->base = files.v[i].cond;
			R->include_depth++;
			ok = parse_makefile(R, V, arena_strdup(&R->kb->arena, sb_str(&rel)), text, len);
			R->include_depth--;
			R->base = saved;
		}
		free(text);
		sb_release(&rel);
	}
	vec_release(files);
	return ok;
}

/* Read dir's Kbuild, else its Makefile, into V; *file gets its name (NULL:
 * none).  false after a diagnostic. */
static bool read_dir(struct reader *R, const char *dir, struct loc at, struct vars *V,
		     const char **file)
{
	static const char *const names[] = { "Kbuild", "Makefile" };

	*file = NULL;
	R->dir = dir;
	for (size_t k = 0; k < 2; k++) {
		struct strbuf rel = STRBUF_INIT;
		size_t len;
		int err;
		char *text;
		bool ok;

		sb_addf(&rel, "%s%s", dir, names[k]);
		text = kbuild_read_file(R->c, sb_str(&rel), &len, &err);
		if (!text && err) {
			refused(at, sb_str(&rel), err);
			sb_release(&rel);
			return false;
		}
		if (!text) {
			sb_release(&rel);
			continue;
		}
		*file = arena_strdup(&R->kb->arena, sb_str(&rel));
		R->kb->stats.makefiles++;
		ok = parse_makefile(R, V, *file, text, len);
		free(text);
		sb_release(&rel);
		return ok;
	}
	return true;
}

/* ---- paths ---- */

/* dir + word, with "." and ".." resolved (a trailing slash kept); false
 * if it climbs out of the tree or is absolute. */
static bool join_path(const char *dir, const char *word, struct strbuf *out)
{
	size_t n = strlen(dir) + strlen(word);
	char *in = xmalloc(n + 1), *o = xmalloc(n + 2);
	size_t olen = 0, i = 0;
	bool ok = *word != '/', slash = n && word[strlen(word) - 1] == '/';

	snprintf(in, n + 1, "%s%s", dir, word);
	while (ok && i < n) {
		size_t b, len;

		while (i < n && in[i] == '/')
			i++;
		b = i;
		while (i < n && in[i] != '/')
			i++;
		len = i - b;
		if (!len || (len == 1 && in[b] == '.'))
			continue;
		if (len == 2 && in[b] == '.' && in[b + 1] == '.') {
			if (!olen) {
				ok = false;
				break;
			}
			olen--;		/* the last component and its slash */
			while (olen && o[olen - 1] != '/')
				olen--;
			continue;
		}
		memcpy(o + olen, in + b, len);
		olen += len;
		o[olen++] = '/';
	}
	if (olen && !slash)
		olen--;
	sb_reset(out);
	sb_add(out, o, olen);
	free(in);
	free(o);
	return ok;
}

static size_t depth_of(const char *path)
{
	size_t d = 0;

	for (; *path; path++)
		d += *path == '/';
	return d;
}

/* ---- the walk ---- */

struct edge {
	int child;
	struct expr *y, *m, *sub;	/* listed in obj-y, obj-m, subdir-y/-m */
};

struct lobj {
	const char *path;
	struct expr *y, *m, *lib;	/* local: obj-y, obj-m less obj-y, lib-y less obj-y */
	struct loc at, composite_at;
};

struct dirinfo {
	VEC(struct edge) edges;
	VEC(struct lobj) objs;
};

static int find_dir(const struct kbuild *kb, const char *path)
{
	uint32_t k;

	return strindex_find(&kb->dir_index, path, &k) ? (int)k : -1;
}

/* The OR of the conditions under which list var holds word. */
static struct expr *holds(struct reader *R, const struct var *v, const char *word, struct loc *at)
{
	struct expr *c = R->F;

	if (!v)
		return c;
	for (size_t i = 0; i < v->e.n; i++)
		if (!strcmp(v->e.v[i].word, word)) {
			if (c == R->F && at)
				*at = v->e.v[i].at;
			c = b_or(R, c, v->e.v[i].cond);
		}
	return c;
}

static struct var *part_var(struct vars *V, const char *obj, const char *suffix)
{
	char name[512];
	size_t n = strlen(obj);

	if (n < 3 || n > 400)
		return NULL;
	snprintf(name, sizeof(name), "%.*s%s", (int)(n - 2), obj, suffix);
	return var_find(V, name);
}

static void add_lobj(struct reader *R, struct dirinfo *d, const char *dir, const char *word,
		     struct expr *y, struct expr *m, struct expr *lib, struct loc at, struct loc comp)
{
	struct strbuf p = STRBUF_INIT;
	struct lobj o;

	if (!join_path(dir, word, &p)) {
		note_unknown(R, at, "object path outside the tree", &R->kb->stats.unknown_words);
		sb_release(&p);
		return;
	}
	for (size_t i = 0; i < d->objs.n; i++)
		if (!strcmp(d->objs.v[i].path, sb_str(&p))) {
			struct lobj *x = &d->objs.v[i];

			x->y = b_or(R, x->y, y);
			x->m = b_or(R, x->m, m);
			x->lib = b_or(R, x->lib, lib);
			sb_release(&p);
			return;
		}
	o.path = arena_strdup(&R->kb->arena, sb_str(&p));
	o.y = y;
	o.m = m;
	o.lib = lib;
	o.at = at;
	o.composite_at = comp;
	vec_push(d->objs, o);
	sb_release(&p);
}

/* The words of a directory's lists: subdirectories into edges (new
 * directories appended to kb->dirs), objects into d->objs. */
static bool collect(struct reader *R, int di, struct vars *V, struct dirinfo *d)
{
	struct kbuild *kb = R->kb;
	const char *dir = kb->dirs.v[di].path;
	static const char *const lists[] = { "obj-y", "obj-m", "lib-y", "lib-m", "subdir-y", "subdir-m" };
	struct var *oy = var_find(V, "obj-y"), *om = var_find(V, "obj-m");
	struct var *ly = var_find(V, "lib-y"), *lm = var_find(V, "lib-m");
	struct var *sy = var_find(V, "subdir-y"), *sm = var_find(V, "subdir-m");
	cstrvec seen = { 0 };

	for (size_t l = 0; l < sizeof(lists) / sizeof(lists[0]); l++) {
		struct var *v = var_find(V, lists[l]);

		for (size_t i = 0; v && i < v->e.n; i++) {
			const char *w = v->e.v[i].word;
			size_t wn = strlen(w);
			struct loc at = v->e.v[i].at;
			struct expr *iy, *im, *il;
			bool dup = false;

			for (size_t k = 0; k < seen.n && !dup; k++)
				dup = !strcmp(seen.v[k], w);
			if (dup)
				continue;
			vec_push(seen, w);
			iy = holds(R, oy, w, &at);
			im = b_and_not(R, holds(R, om, w, &at), iy);
			if (l >= 4 || (wn && w[wn - 1] == '/')) {
				struct strbuf p = STRBUF_INIT;
				struct edge e;
				int ci;

				if (l >= 4 && (!wn || w[wn - 1] != '/')) {
					sb_adds(&p, w);
					sb_addc(&p, '/');
					w = arena_strdup(&kb->arena, sb_str(&p));
				}
				if (!join_path(dir, w, &p) || depth_of(sb_str(&p)) <= depth_of(dir) ||
				    strncmp(sb_str(&p), dir, strlen(dir) && di ? strlen(dir) : 0)) {
					note_unknown(R, at, "directory not below its Makefile",
						     &kb->stats.unknown_words);
					sb_release(&p);
					continue;
				}
				ci = find_dir(kb, sb_str(&p));
				if (ci < 0) {
					struct kbuild_dir nd = { 0 };

					if (kb->dirs.n >= KBUILD_MAX_DIRS) {
						diag_error(at, "too many directories (more than %d)",
							   KBUILD_MAX_DIRS);
						sb_release(&p);
						vec_release(seen);
						return false;
					}
					nd.path = arena_strdup(&kb->arena, sb_str(&p));
					nd.at = at;
					nd.parent = di;
					nd.visit = nd.builtin = R->F;
					vec_push(kb->dirs, nd);
					ci = (int)kb->dirs.n - 1;
					strindex_put(&kb->dir_index, nd.path, (uint32_t)ci);
				}
				e.child = ci;
				e.y = iy;
				e.m = im;
				e.sub = b_or(R, holds(R, sy, w, NULL), holds(R, sm, w, NULL));
				if (l >= 4) {
					/* subdir-y lists names without the slash */
					char *bare = arena_strndup(&kb->arena, w, strlen(w) - 1);

					e.sub = b_or(R, e.sub, b_or(R, holds(R, sy, bare, NULL),
								    holds(R, sm, bare, NULL)));
				}
				vec_push(d->edges, e);
				sb_release(&p);
				continue;
			}
			if (wn < 3 || strcmp(w + wn - 2, ".o"))
				continue;	/* lib.a, a .dtb.o rule target, ... */
			{
				struct expr *il_ = b_and_not(R, b_or(R, holds(R, ly, w, &at),
								       holds(R, lm, w, &at)), iy);
				struct var *pobjs = part_var(V, w, "-objs"), *py = part_var(V, w, "-y");
				struct var *pm = part_var(V, w, "-m");

				il = il_;
				if (!pobjs && !py && !pm) {
					add_lobj(R, d, dir, w, iy, im, il, at, (struct loc){ 0, 0 });
					continue;
				}
				/* a composite: its parts, each built as the composite is */
				{
					struct var *pv[3] = { pobjs, py, pm };
					cstrvec parts = { 0 };

					for (int k = 0; k < 3; k++)
						for (size_t j = 0; pv[k] && j < pv[k]->e.n; j++) {
							const char *pw = pv[k]->e.v[j].word;
							struct loc pat = pv[k]->e.v[j].at;
							struct expr *in_y, *in_m;
							bool pdup = false;
							size_t pn = strlen(pw);

							for (size_t q = 0; q < parts.n && !pdup; q++)
								pdup = !strcmp(parts.v[q], pw);
							if (pdup || pn < 3 || strcmp(pw + pn - 2, ".o"))
								continue;
							vec_push(parts, pw);
							in_y = b_or(R, holds(R, pobjs, pw, &pat),
								    holds(R, py, pw, &pat));
							in_m = b_or(R, in_y, holds(R, pm, pw, &pat));
							add_lobj(R, d, dir, pw, b_and(R, iy, in_y),
								 b_and(R, im, in_m), b_and(R, il, in_y), pat,
								 at);
						}
					vec_release(parts);
				}
			}
		}
	}
	vec_release(seen);
	return true;
}

/* The top Makefile's `libs-y := lib/` line, for its location. */
static struct loc top_libs_loc(struct reader *R)
{
	size_t len;
	int err;
	char *text = kbuild_read_file(R->c, "Makefile", &len, &err);
	struct loc at = { 0, 0 };
	uint32_t line = 1;

	if (!text)
		return at;
	for (const char *p = text; *p; p++) {
		if ((p == text || p[-1] == '\n') && !strncmp(p, "libs-y", 6)) {
			at.file = diag_file_intern("Makefile");
			at.line = line;
			break;
		}
		if (*p == '\n')
			line++;
	}
	free(text);
	return at;
}

/* ARCH_CORE, ARCH_LIB and ARCH_DRIVERS from arch/$(SRCARCH)/Makefile into
 * root; its exported variables into global. */
static bool read_arch(struct reader *R, struct vars *global, struct vars *root)
{
	struct strbuf rel = STRBUF_INIT;
	struct vars A = { 0 };
	size_t len;
	int err;
	char *text;
	bool ok = true;
	struct loc lat = top_libs_loc(R);

	{
		struct var *l = var_get(R, &A, "libs-y");
		struct entry e = { "lib/", R->T, lat };

		if (lat.file)
			vec_push(l->e, e);
	}
	sb_addf(&rel, "arch/%s/Makefile", R->kb->srcarch);
	text = kbuild_read_file(R->c, sb_str(&rel), &len, &err);
	if (!text && err) {
		refused((struct loc){ 0, 0 }, sb_str(&rel), err);
		ok = false;
	} else if (text) {
		R->kb->stats.makefiles++;
		ok = parse_makefile(R, &A, arena_strdup(&R->kb->arena, sb_str(&rel)), text, len);
	} else {
		R->kb->stats.missing++;
	}
	free(text);
	sb_release(&rel);
	if (ok) {
		static const char *const map[][3] = {
			{ "ARCH_CORE", "core-y", NULL },
			{ "ARCH_LIB", "libs-y", NULL },
			{ "ARCH_DRIVERS", "drivers-y", "drivers-m" },
		};

		for (size_t k = 0; k < 3; k++) {
			struct var *to = var_get(R, root, map[k][0]);

			for (int j = 1; j < 3 && map[k][j]; j++) {
				struct var *from = var_find(&A, map[k][j]);

				for (size_t i = 0; from && i < from->e.n; i++) {
					size_t n = strlen(from->e.v[i].word);

					if (k == 1 && (!n || from->e.v[i].word[n - 1] != '/'))
						continue;	/* $(filter %/, $(libs-y)) */
					vec_push(to->e, from->e.v[i]);
				}
			}
		}
		for (size_t i = 0; i < A.v.n; i++)
			if (A.v.v[i].exported) {
				struct var *g = var_get(R, global, A.v.v[i].name);

				for (size_t j = 0; j < A.v.v[i].e.n; j++)
					vec_push(g->e, A.v.v[i].e.v[j]);
			}
	}
	vars_release(&A);
	return ok;
}

struct kbuild *kbuild_read(struct kctree *t, const struct load_config *c)
{
	struct kbuild *kb = xcalloc(1, sizeof(*kb));
	struct reader R = { kb, t, c, expr_sym(t, &t->sym_y), expr_sym(t, &t->sym_n), false, "",
			    0, NULL, 0 };
	struct vars global = { 0 };
	VEC(struct dirinfo) info = { 0 };
	bool ok = true;
	struct kbuild_dir root = { 0 };

	arena_init(&kb->arena);
	R.base = R.T;
	kb->srcarch = t->arch ? arena_strdup(&kb->arena, arch_srcarch(t->arch)) : NULL;
	root.path = "";
	root.visit = root.builtin = R.T;
	root.parent = -1;
	vec_push(kb->dirs, root);
	strindex_put(&kb->dir_index, root.path, 0);
	/* phase 1: read every Makefile reachable, in discovery order */
	for (size_t di = 0; di < kb->dirs.n && ok; di++) {
		struct vars V = { 0 };
		struct dirinfo d = { 0 };
		const char *file;

		V.global = &global;
		if (di == 0 && kb->srcarch)
			ok = read_arch(&R, &global, &V);
		if (ok)
			ok = read_dir(&R, kb->dirs.v[di].path, kb->dirs.v[di].at, &V, &file);
		if (ok) {
			kb->dirs.v[di].file = file;
			if (!file)
				kb->stats.missing++;
			ok = collect(&R, (int)di, &V, &d);
		}
		vec_push(info, d);
		vars_release(&V);
	}
	vars_release(&global);
	if (ok) {
		/* phase 2: conditions, parents (shallower paths) first */
		size_t *order = xcalloc(kb->dirs.n, sizeof(*order));
		size_t maxd = 0, k = 0;

		for (size_t i = 0; i < kb->dirs.n; i++)
			if (depth_of(kb->dirs.v[i].path) > maxd)
				maxd = depth_of(kb->dirs.v[i].path);
		for (size_t dd = 0; dd <= maxd; dd++)
			for (size_t i = 0; i < kb->dirs.n; i++)
				if (depth_of(kb->dirs.v[i].path) == dd)
					order[k++] = i;
		for (size_t oi = 0; oi < k; oi++) {
			size_t i = order[oi];
			struct kbuild_dir *D = &kb->dirs.v[i];

			for (size_t e = 0; e < info.v[i].edges.n; e++) {
				const struct edge *E = &info.v[i].edges.v[e];
				struct kbuild_dir *C = &kb->dirs.v[E->child];

				C->visit = b_or(&R, C->visit,
						b_and(&R, D->visit, b_or(&R, b_or(&R, E->y, E->m), E->sub)));
				C->builtin = b_or(&R, C->builtin, b_and(&R, D->visit, E->y));
			}
		}
		for (size_t oi = 0; oi < k; oi++) {
			size_t i = order[oi];
			const struct kbuild_dir *D = &kb->dirs.v[i];

			for (size_t j = 0; j < info.v[i].objs.n; j++) {
				const struct lobj *L = &info.v[i].objs.v[j];
				struct expr *y = b_or(&R, b_and(&R, D->builtin, L->y),
						      b_and(&R, D->visit, L->lib));
				struct expr *m = b_and(&R, D->visit, L->m);
				uint32_t at;

				if (strindex_find(&kb->obj_index, L->path, &at)) {
					struct kbuild_obj *o = &kb->objs.v[at];

					o->y = b_or(&R, o->y, y);
					o->m = b_or(&R, o->m, m);
				} else {
					struct kbuild_obj o = { L->path, y, m, L->at, L->composite_at, (int)i };

					vec_push(kb->objs, o);
					strindex_put(&kb->obj_index, o.path, (uint32_t)kb->objs.n - 1);
				}
			}
		}
		free(order);
	}
	for (size_t i = 0; i < info.n; i++) {
		vec_release(info.v[i].edges);
		vec_release(info.v[i].objs);
	}
	vec_release(info);
	if (!ok) {
		kbuild_free(kb);
		return NULL;
	}
	return kb;
}

void kbuild_free(struct kbuild *kb)
{
	if (!kb)
		return;
	vec_release(kb->dirs);
	vec_release(kb->objs);
	vec_release(kb->unknowns);
	vec_release(kb->lines);
	strindex_release(&kb->obj_index);
	strindex_release(&kb->dir_index);
	arena_release(&kb->arena);
	free(kb);
}

const struct kbuild_obj *kbuild_find(const struct kbuild *kb, const char *path)
{
	uint32_t k;

	return strindex_find(&kb->obj_index, path, &k) ? &kb->objs.v[k] : NULL;
}

const struct kbuild_obj *kbuild_find_source(const struct kbuild *kb, const char *src)
{
	size_t n = strlen(src);
	struct strbuf sb = STRBUF_INIT;
	const struct kbuild_obj *o;

	if (n < 3 || src[n - 2] != '.' || (src[n - 1] != 'c' && src[n - 1] != 'S'))
		return NULL;
	sb_add(&sb, src, n - 1);
	sb_addc(&sb, 'o');
	o = kbuild_find(kb, sb_str(&sb));
	sb_release(&sb);
	return o;
}

struct expr *kbuild_obj_cond(struct kctree *t, const struct kbuild_obj *o)
{
	return expr_or(t, o->y, o->m);
}
