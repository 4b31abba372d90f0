/* Encoding of sym_calc_value() into CNF; see include/model.h. */
#include "sat/model.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "kconfig/dialect.h"
#include "sat/cnf.h"
#include "kconfig/kconfig.h"
#include "sat/sat.h"
#include "util/diag.h"
#include "kconfig/value.h"
#include "util/vec.h"
#include "util/xalloc.h"

struct tri {
	int m, y;	/* value >= m, value >= y */
};

static const struct tri TRI_Y = { CNF_TRUE, CNF_TRUE };
static const struct tri TRI_M = { CNF_TRUE, CNF_FALSE };
static const struct tri TRI_N = { CNF_FALSE, CNF_FALSE };

/* One (condition, concrete value) alternative of a value. */
struct alt {
	int cond;
	const char *val;
	enum sym_type type;
	bool rep;		/* a gap's representative, not a constant */
};
typedef VEC(struct alt) alts;

/* The finite value domain shared by symbols linked through defaults,
 * ranges and comparisons. */
struct domain {
	strvec vals;
	enum sym_type type;
	size_t nconst;		/* vals[nconst..] stand for the gaps */
};

enum sym_kind { SK_NONE, SK_TRI, SK_VAL, SK_SHELLTRI };

static int dom_class(const struct domain *d, const char *v, enum sym_type type);

/* `test "$(X)" = W` on one command X: an equality atom on X's one output. */
struct eq_atom {
	const char *x, *w;
	size_t xlen, wlen;
	int var;
};

/* The toolchain scripts scripts/Kconfig.include runs: each prints one
 * "NAME VERSION" line, and Kconfig stops ($(error-if,...)) when it prints
 * nothing, so in every configuration conf writes NAME is one of these two
 * and VERSION is a number.  `cc-name := $(shell,set -- $(cc-info) && echo
 * $1)` is field 1 of it, `cc-version` field 2. */
enum tool { TOOL_CC, TOOL_AS, TOOL_LD, TOOL_COUNT };

struct tool_state {
	const char *info;	/* the $(shell,.../cc-version.sh ...) command */
	size_t infolen;
	int name[2];		/* "NAME is tool_names[t][i]", made on first use */
};

struct model {
	struct kctree *t;
	struct cnf *cnf;
	int kv;
	bool modern_choice;	/* 6.11+ sym_calc_choice() */
	bool selectors;		/* guard each line by a selector */
	bool lazy;		/* cone only: value variables made on first use too */
	uint8_t *encoded;	/* by symbol id: constraint queued or written */
	uint8_t *choice_done;	/* by menu id */
	symvec queue;
	bool closing;
	size_t nsyms;		/* symbols when built: later ids are queries' */
	int modules;		/* MODULES = y */
	uint8_t *kind;		/* by symbol id */
	struct tri *sym;	/* by symbol id, SK_TRI / SK_SHELLTRI */
	struct tri *exprc;	/* by expr id; m == 0: not yet */
	size_t nexprc;
	struct tri *mdep;	/* by menu id; m == 0: not yet */
	struct tri *mdep_noc;	/* the same, a <= 6.10 choice read as y */
	struct tri *mitems;	/* by menu id: its own depends on */
	int *psel;		/* by menu id: selector of its prompt */
	struct tri *mvis;	/* `visible if` of ancestors, by menu id */
	uint32_t *uf;		/* union-find over symbol ids */
	struct domain **dom;	/* by symbol id */
	int *valbase;		/* by symbol id: first one-hot var */
	VEC(struct domain *) domains;
	VEC(struct eq_atom) eq;		/* the equality tests read so far */
	struct tool_state tool[TOOL_COUNT];
	bool tools_made;
	double encode_ms;
};

/* ---- tristate arithmetic on threshold pairs ---- */

static struct tri t_and(struct model *M, struct tri a, struct tri b)
{
	return (struct tri){ cnf_and(M->cnf, a.m, b.m), cnf_and(M->cnf, a.y, b.y) };
}

static struct tri t_or(struct model *M, struct tri a, struct tri b)
{
	return (struct tri){ cnf_or(M->cnf, a.m, b.m), cnf_or(M->cnf, a.y, b.y) };
}

static struct tri t_not(struct tri a)
{
	return (struct tri){ -a.y, -a.m };
}

/* A line that may be taken out: with its selector false it reads as y. */
static struct tri t_relax(struct model *M, struct tri a, int sel)
{
	return (struct tri){ cnf_or(M->cnf, a.m, -sel), cnf_or(M->cnf, a.y, -sel) };
}

static struct tri t_gate(struct model *M, struct tri a, int sel)
{
	return (struct tri){ cnf_and(M->cnf, a.m, sel), cnf_and(M->cnf, a.y, sel) };
}

/* m -> y where the symbol behaves as bool: bool type, or tristate while
 * MODULES is n (sym_get_type()). tr is the "tristate here" literal. */
static struct tri t_round(struct model *M, struct tri a, int tr)
{
	if (tr == CNF_FALSE)	/* bool: y iff >= m */
		return (struct tri){ a.m, a.m };
	return (struct tri){ a.m, cnf_or(M->cnf, a.y, cnf_and(M->cnf, a.m, -tr)) };
}

static int tristate_lit(const struct model *M, const struct symbol *s)
{
	return s->type == S_TRISTATE ? M->modules : CNF_FALSE;
}

/* ---- symbols and expressions ---- */

static bool is_valued(const struct symbol *s)
{
	if (s->flags & SYM_SHELL)
		return true;
	return (s->flags & SYM_DEFINED) && !(s->flags & SYM_CONST) &&
	       (s->type == S_INT || s->type == S_HEX || s->type == S_STRING);
}

static void at_most_one(struct cnf *C, const int *x, size_t n);

/* A symbol's value variables: a pair of thresholds (SK_TRI) or one-hot
 * values of its domain (SK_VAL).  A lazy model makes them on first use, so
 * its solver decides only the symbols of the cone. */
static void make_vars(struct model *M, size_t i)
{
	const struct symbol *s = M->t->syms.v[i];

	if (M->kind[i] == SK_TRI && !M->sym[i].y) {
		M->sym[i].y = cnf_new_var(M->cnf);
		cnf_mark_input(M->cnf, M->sym[i].y);
		if (s->type == S_TRISTATE) {
			M->sym[i].m = cnf_new_var(M->cnf);
			cnf_mark_input(M->cnf, M->sym[i].m);
			cnf_clause2(M->cnf, -M->sym[i].y, M->sym[i].m);
		} else {
			M->sym[i].m = M->sym[i].y;
		}
	} else if (M->kind[i] == SK_VAL && !M->valbase[i]) {
		const struct domain *d = M->dom[i];
		intvec x = { 0 };

		M->valbase[i] = cnf_new_var(M->cnf);
		cnf_mark_input(M->cnf, M->valbase[i]);
		for (size_t k = 1; k < d->vals.n; k++)
			cnf_mark_input(M->cnf, cnf_new_var(M->cnf));
		for (size_t k = 0; k < d->vals.n; k++)
			vec_push(x, M->valbase[i] + (int)k);
		cnf_clause(M->cnf, x.v, (int)x.n);
		at_most_one(M->cnf, x.v, x.n);
		vec_release(x);
	}
}

static struct tri tri_vars(struct model *M, const struct symbol *s)
{
	make_vars(M, s->id);
	return M->sym[s->id];
}

static int val_base(struct model *M, const struct symbol *s)
{
	make_vars(M, s->id);
	return M->valbase[s->id];
}

/* Only the symbols a question reaches are encoded (the cone of influence):
 * a symbol's constraint is queued the first time its value is used, and
 * model_close() writes the queue out.  Every constraint outside the cone
 * can be met for any values inside it (Kconfig forbids dependency loops),
 * so answers on the cone are answers on the whole tree. */
static void need(struct model *M, const struct symbol *s)
{
	if (M->encoded[s->id])
		return;
	M->encoded[s->id] = 1;
	make_vars(M, s->id);
	vec_push(M->queue, s);
}

/* Is the shell result name `$(success,test "$(X)" = W)` (the way
 * init/Kconfig tells gcc from clang, GNU as from LLVM's, BFD from LLD)?
 * Then X and W are set (W without its quotes).  Both spellings of
 * success: "y"/"n" quoted (6.12) or not (6.1). */
static bool shell_eq_test(const char *name, struct eq_atom *a)
{
	static const char head[] = "$(shell,{ test \"", mid[] = "\" = ";
	static const char tail[] = "; } >/dev/null 2>&1 && echo ";
	const char *p = name, *q;
	int nest = 0;

	if (strncmp(p, head, sizeof(head) - 1))
		return false;
	p += sizeof(head) - 1;
	if (strncmp(p, "$(shell,", 8))
		return false;
	for (q = p; *q; q++) {
		if (*q == '(')
			nest++;
		else if (*q == ')' && --nest == 0)
			break;
	}
	if (!*q)
		return false;
	a->x = p;
	a->xlen = (size_t)(q + 1 - p);
	p = q + 1;
	if (strncmp(p, mid, sizeof(mid) - 1))
		return false;
	p += sizeof(mid) - 1;
	if (*p == '"') {
		q = strchr(p + 1, '"');
		if (!q)
			return false;
		a->w = p + 1;
		a->wlen = (size_t)(q - p - 1);
		p = q + 1;
	} else {
		a->w = p;
		a->wlen = strcspn(p, " ;\"$");
		p += a->wlen;
	}
	if (!a->wlen || strncmp(p, tail, sizeof(tail) - 1))
		return false;
	p += sizeof(tail) - 1;
	return !strcmp(p, "\"y\" || echo \"n\")") || !strcmp(p, "y || echo n)");
}

/* What a real toolchain gives, from the kernel's scripts and
 * Documentation/kbuild/llvm.rst (kcsat(1), MODEL):
 * - scripts/cc-version.sh prints "GCC V" or "Clang V" (anything else is
 *   "unknown C compiler", no output): one compiler, V > 0;
 * - scripts/as-version.sh prints "LLVM 0" when CLANG_FLAGS has
 *   -fintegrated-as (scripts/Makefile.clang adds it for clang unless
 *   LLVM_IAS=0), else "GNU V" for the GNU assembler; with gcc CLANG_FLAGS is
 *   empty, so gcc always has GNU as, clang either;
 * - scripts/ld-version.sh prints "BFD V" (GNU ld) or "LLD V": LD is its own
 *   make variable, either linker with either compiler, V > 0. */
static const char *const tool_script[TOOL_COUNT] = {
	[TOOL_CC] = "cc-version.sh", [TOOL_AS] = "as-version.sh", [TOOL_LD] = "ld-version.sh",
};
static const char *const tool_names[TOOL_COUNT][2] = {
	[TOOL_CC] = { "GCC", "Clang" }, [TOOL_AS] = { "GNU", "LLVM" }, [TOOL_LD] = { "BFD", "LLD" },
};

/* Is s[0..len) `$(shell,set -- INFO && echo $N)` with INFO a $(shell,...)
 * running one of tool_script?  Then the tool, N and INFO; else -1. */
static int tool_field(const char *s, size_t len, int *field, const char **info, size_t *infolen)
{
	static const char head[] = "$(shell,set -- $(shell,", tail[] = " && echo $";
	const char *end = s + len, *p, *cmd, *w;
	int nest = 1;

	if (len < sizeof(head) || strncmp(s, head, sizeof(head) - 1))
		return -1;
	cmd = s + sizeof(head) - 1;
	for (p = cmd; p < end && nest; p++)
		nest += *p == '(' ? 1 : *p == ')' ? -1 : 0;
	if (nest || (size_t)(end - p) != sizeof(tail) - 1 + 2 ||
	    strncmp(p, tail, sizeof(tail) - 1) || p[sizeof(tail)] != ')')
		return -1;
	*field = p[sizeof(tail) - 1] - '0';
	*info = cmd - 8;
	*infolen = (size_t)(p - *info);
	/* the command's first word, by its base name */
	for (w = cmd; w < p - 1 && *w != ' '; w++)
		;
	for (int t = 0; t < TOOL_COUNT; t++) {
		size_t n = strlen(tool_script[t]);

		if ((size_t)(w - cmd) >= n && !strncmp(w - n, tool_script[t], n) &&
		    (w - n == cmd || (w - n)[-1] == '/'))
			return t;
	}
	return -1;
}

/* The name atoms of every tool the tree runs, made together on first use:
 * exactly one name per tool, and the integrated assembler only with clang. */
static void tools_make(struct model *M)
{
	struct tool_state *cc = &M->tool[TOOL_CC], *as = &M->tool[TOOL_AS];

	if (M->tools_made)
		return;
	M->tools_made = true;
	for (size_t i = 0; i < M->nsyms; i++) {
		const struct symbol *s = M->t->syms.v[i];
		const char *info = NULL;
		size_t len = 0;
		struct eq_atom a;
		int t, field;

		if (!(s->flags & SYM_SHELL))
			continue;
		if (shell_eq_test(s->name, &a))		/* CC_IS_GCC: its $(cc-name) */
			t = tool_field(a.x, a.xlen, &field, &info, &len);
		else					/* GCC_VERSION's $(cc-version) */
			t = tool_field(s->name, strlen(s->name), &field, &info, &len);
		if (t >= 0 && !M->tool[t].info) {
			M->tool[t].info = info;
			M->tool[t].infolen = len;
		}
	}
	for (int t = 0; t < TOOL_COUNT; t++) {
		struct tool_state *ts = &M->tool[t];

		if (!ts->info)
			continue;
		ts->name[0] = cnf_new_var(M->cnf);
		ts->name[1] = cnf_new_var(M->cnf);
		cnf_clause2(M->cnf, ts->name[0], ts->name[1]);
		cnf_clause2(M->cnf, -ts->name[0], -ts->name[1]);
	}
	/* LLVM as is clang's integrated assembler: gcc has GNU as */
	if (cc->info && as->info)
		cnf_clause2(M->cnf, -as->name[1], cc->name[1]);
}

/* The tool state of INFO if it is the tree's command for tool t. */
static struct tool_state *tool_state(struct model *M, int t, const char *info, size_t len)
{
	struct tool_state *ts;

	if (t < 0)
		return NULL;
	tools_make(M);
	ts = &M->tool[t];
	return ts->info && ts->infolen == len && !memcmp(ts->info, info, len) ? ts : NULL;
}

/* Can the value class k of d hold a number above 0?  A gap's class that
 * holds numbers on both sides of 0 holds 1. */
static bool dom_positive(const struct domain *d, size_t k)
{
	const char *v = d->vals.v[k];
	char *end;
	long long n;

	errno = 0;
	n = strtoll(v, &end, d->type == S_HEX ? 16 : 10);
	if (*v && !*end && !errno && n > 0)
		return true;
	return k >= d->nconst && dom_class(d, "1", d->type) == (int)k;
}

/* A version a tool script prints ($(cc-version), $(as-version),
 * $(ld-version)): a number above 0, but LLVM as prints 0 (AS_VERSION then
 * takes CLANG_VERSION). */
static void encode_tool_version(struct model *M, const struct symbol *s)
{
	const struct domain *d = M->dom[s->id];
	struct tool_state *ts;
	const char *info = NULL;
	size_t len = 0;
	int t, field, zero;

	t = tool_field(s->name, strlen(s->name), &field, &info, &len);
	if (!d || field != 2 || !(ts = tool_state(M, t, info, len)))
		return;		/* another command: free */
	zero = dom_class(d, "0", d->type);
	for (size_t k = 0; k < d->vals.n; k++) {
		int x = val_base(M, s) + (int)k;

		if (t != TOOL_AS) {
			if (!dom_positive(d, k))
				cnf_clause(M->cnf, (int[]){ -x }, 1);
			continue;
		}
		if (!dom_positive(d, k))
			cnf_clause2(M->cnf, -x, -ts->name[0]);
		if ((int)k != zero)
			cnf_clause2(M->cnf, -x, -ts->name[1]);
	}
}

/* An equality test's truth: one variable per (X, W), at most one true per
 * X (X prints one string: the compiler is gcc or clang, never both). */
static struct tri eq_tri(struct model *M, const struct eq_atom *a)
{
	int v = 0, t, field;
	const char *info = NULL;
	size_t len = 0;
	struct tool_state *ts;

	/* the name a toolchain script prints: one of its two, never another */
	t = tool_field(a->x, a->xlen, &field, &info, &len);
	ts = tool_state(M, t, info, len);
	if (ts && field == 1) {
		for (int i = 0; i < 2; i++)
			if (strlen(tool_names[ts - M->tool][i]) == a->wlen &&
			    !memcmp(tool_names[ts - M->tool][i], a->w, a->wlen))
				return (struct tri){ ts->name[i], ts->name[i] };
		return TRI_N;
	}

	for (size_t i = 0; i < M->eq.n; i++) {
		const struct eq_atom *b = &M->eq.v[i];

		if (b->xlen == a->xlen && !memcmp(b->x, a->x, a->xlen) && b->wlen == a->wlen &&
		    !memcmp(b->w, a->w, a->wlen))
			v = b->var;	/* "GCC" and GCC: one test */
	}
	if (v)
		return (struct tri){ v, v };
	v = cnf_new_var(M->cnf);
	for (size_t i = 0; i < M->eq.n; i++) {
		const struct eq_atom *b = &M->eq.v[i];

		if (b->xlen == a->xlen && !memcmp(b->x, a->x, a->xlen))
			cnf_clause2(M->cnf, -v, -b->var);
	}
	vec_push(M->eq, ((struct eq_atom){ a->x, a->w, a->xlen, a->wlen, v }));
	return (struct tri){ v, v };
}

static struct tri sym_tri(struct model *M, const struct symbol *s)
{
	const struct kctree *t = M->t;

	if (s == &t->sym_y)
		return TRI_Y;
	if (s == &t->sym_m)
		return TRI_M;
	if (s == &t->sym_n)
		return TRI_N;
	if (s->id >= M->nsyms)	/* made after the build (a query's constant) */
		return TRI_N;
	switch (M->kind[s->id]) {
	case SK_TRI:
		need(M, s);
		return tri_vars(M, s);
	case SK_SHELLTRI:
		return M->sym[s->id];
	case SK_NONE:
	case SK_VAL:
		if (s->flags & SYM_SHELL) {
			/* An unexecuted probe read as a tristate: any of n/m/y;
			 * an equality test on a command's output: y or n,
			 * consistent with the other tests of that output. */
			struct eq_atom a;
			struct tri v;

			if (M->sym[s->id].m)
				return M->sym[s->id];	/* one probe, one answer */
			if (shell_eq_test(s->name, &a)) {
				v = eq_tri(M, &a);
			} else {
				v = (struct tri){ cnf_new_var(M->cnf), cnf_new_var(M->cnf) };
				cnf_clause2(M->cnf, -v.y, v.m);
			}
			if (M->kind[s->id] == SK_NONE)
				M->kind[s->id] = SK_SHELLTRI;
			M->sym[s->id] = v;
			return v;
		}
		break;
	}
	/* undefined, string/int/hex (tri is n), constant strings */
	return TRI_N;
}

/* The alternatives of a symbol's string value (sym_get_string_value). */
static void sym_alts(struct model *M, const struct symbol *s, alts *out)
{
	out->n = 0;
	if (s->id >= M->nsyms) {
		vec_push(*out, ((struct alt){ CNF_TRUE, s->name ? s->name : "", s->type, false }));
		return;
	}
	if (M->kind[s->id] == SK_TRI || (s->flags & SYM_CONST && !(s->flags & SYM_SHELL) &&
					 (s == &M->t->sym_y || s == &M->t->sym_m || s == &M->t->sym_n))) {
		struct tri v = sym_tri(M, s);

		vec_push(*out, ((struct alt){ -v.m, "n", s->type, false }));
		vec_push(*out, ((struct alt){ cnf_and(M->cnf, v.m, -v.y), "m", s->type, false }));
		vec_push(*out, ((struct alt){ v.y, "y", s->type, false }));
		return;
	}
	if (M->dom[s->id]) {
		struct domain *d = M->dom[s->id];

		if (M->kind[s->id] == SK_VAL)
			need(M, s);
		for (size_t k = 0; k < d->vals.n; k++)
			vec_push(*out, ((struct alt){ val_base(M, s) + (int)k, d->vals.v[k],
						      (s->flags & SYM_SHELL) ? S_UNKNOWN : s->type,
						      k >= d->nconst }));
		return;
	}
	if (s->flags & SYM_CHOICE) {
		vec_push(*out, ((struct alt){ CNF_TRUE, "", S_UNKNOWN, false }));
		return;
	}
	/* constants and undefined symbols read as their name */
	vec_push(*out, ((struct alt){ CNF_TRUE, s->name ? s->name : "", s->type, false }));
}

/* Is v (a constant the domain of s was not built with: a query's) inside
 * the gap that the domain value val stands for?  Then comparing val with v
 * says nothing about the real value. */
static bool in_gap(struct model *M, const struct symbol *s, const char *val, const char *v)
{
	const struct domain *d;
	int k;

	if (s->id >= M->nsyms || !(d = M->dom[s->id]))
		return false;
	for (size_t i = 0; i < d->nconst; i++)
		if (!strcmp(d->vals.v[i], v))
			return false;
	k = dom_class(d, v, s->type);
	return k >= 0 && !strcmp(d->vals.v[k], val);
}

static int compare_lit(struct model *M, const struct expr *e)
{
	alts l = { 0 }, r = { 0 };
	int acc = CNF_FALSE;

	sym_alts(M, e->sym, &l);
	sym_alts(M, e->rsym, &r);
	for (size_t i = 0; i < l.n; i++)
		for (size_t j = 0; j < r.n; j++) {
			int both = cnf_and(M->cnf, l.v[i].cond, r.v[j].cond);

			if (both == CNF_FALSE)
				continue;
			/* two values in one gap, or a query's constant in the
			 * gap: their order is not known, leave it open */
			if ((l.v[i].rep && r.v[j].rep && !strcmp(l.v[i].val, r.v[j].val)) ||
			    (e->rsym->id >= M->nsyms && in_gap(M, e->sym, l.v[i].val, r.v[j].val)) ||
			    (e->sym->id >= M->nsyms && in_gap(M, e->rsym, r.v[j].val, l.v[i].val)))
				acc = cnf_or(M->cnf, acc, cnf_and(M->cnf, both, cnf_new_var(M->cnf)));
			else if (value_compare(e->type, l.v[i].val, l.v[i].type, r.v[j].val, r.v[j].type))
				acc = cnf_or(M->cnf, acc, both);
		}
	vec_release(l);
	vec_release(r);
	return acc;
}

static struct tri expr_tri(struct model *M, const struct expr *e)
{
	struct tri r;

	if (!e)
		return TRI_Y;
	if (e->id >= M->nexprc) {
		size_t n = M->t->exprs.n > e->id ? M->t->exprs.n : e->id + 1;

		M->exprc = xrealloc(M->exprc, n * sizeof(*M->exprc));
		memset(M->exprc + M->nexprc, 0, (n - M->nexprc) * sizeof(*M->exprc));
		M->nexprc = n;
	}
	if (M->exprc[e->id].m)
		return M->exprc[e->id];
	switch (e->type) {
	case E_SYMBOL:
		r = sym_tri(M, e->sym);
		break;
	case E_NOT:
		r = t_not(expr_tri(M, e->left));
		break;
	case E_AND:
		r = t_and(M, expr_tri(M, e->left), expr_tri(M, e->right));
		break;
	case E_OR:
		r = t_or(M, expr_tri(M, e->left), expr_tri(M, e->right));
		break;
	default: {
		int c = compare_lit(M, e);

		r = (struct tri){ c, c };
		break;
	}
	}
	M->exprc[e->id] = r;
	return r;
}

static struct tri cond_tri(struct model *M, struct expr *e)
{
	return expr_tri(M, expr_rewrite_m(M->t, e));
}

/* ---- dependencies, each line behind its own selector ---- */

static struct tri items_tri(struct model *M, const struct menu *m, const struct dep_item *d)
{
	struct tri acc = TRI_Y;

	for (; d; d = d->next) {
		enum item_kind k = d->kind == DEP_IF ? ITEM_IF :
				   d->kind == DEP_VISIBLE ? ITEM_VISIBLE : ITEM_DEPENDS;
		int sel = M->selectors ? cnf_selector_in(M->cnf, k, d->loc, m->sym, m, d) :
					 CNF_TRUE;

		acc = t_and(M, acc, t_relax(M, cond_tri(M, d->expr), sel));
	}
	return acc;
}

/* An entry's own `depends on` lines (each selector made once). */
static struct tri menu_items(struct model *M, const struct menu *m)
{
	if (!M->mitems[m->id].m)
		M->mitems[m->id] = items_tri(M, m, m->deps);
	return M->mitems[m->id];
}

/* menu->dep: the entry's own depends on, ANDed with its ancestors'.  Up to
 * 6.10 the children of a choice depend on the choice symbol instead of the
 * choice's dependencies; noc reads that symbol as y (the visibility
 * sym_calc_choice() sees while it picks). */
static struct tri menu_dep_ex(struct model *M, const struct menu *m, bool noc)
{
	struct tri *cache = noc ? M->mdep_noc : M->mdep, base, r;

	if (!m || m->kind == M_ROOT)
		return TRI_Y;
	if (cache[m->id].m)
		return cache[m->id];
	if (!M->modern_choice && m->parent && m->parent->kind == M_CHOICE)
		base = noc ? TRI_Y : sym_tri(M, m->parent->sym);
	else
		base = menu_dep_ex(M, m->parent, noc);
	r = t_and(M, base, menu_items(M, m));
	cache[m->id] = r;
	return r;
}

static struct tri menu_dep(struct model *M, const struct menu *m)
{
	return menu_dep_ex(M, m, false);
}

/* `visible if` of every enclosing menu, for prompts below them. */
static struct tri menu_visif(struct model *M, const struct menu *m)
{
	struct tri r;

	if (!m || m->kind == M_ROOT)
		return TRI_Y;
	if (M->mvis[m->id].m)
		return M->mvis[m->id];
	r = t_and(M, menu_visif(M, m->parent), items_tri(M, m, m->visibility));
	M->mvis[m->id] = r;
	return r;
}

static struct tri prop_cond(struct model *M, const struct property *p)
{
	return t_and(M, menu_dep(M, p->menu), cond_tri(M, p->cond));
}

static int prop_selector(struct model *M, const struct property *p)
{
	static const enum item_kind kinds[] = {
		[P_PROMPT] = ITEM_PROMPT, [P_DEFAULT] = ITEM_DEFAULT, [P_SELECT] = ITEM_SELECT,
		[P_IMPLY] = ITEM_IMPLY, [P_RANGE] = ITEM_RANGE, [P_MENU] = ITEM_PROMPT,
		[P_COMMENT] = ITEM_PROMPT,
	};

	if (!M->selectors)
		return CNF_TRUE;
	return cnf_selector_in(M->cnf, kinds[p->type], p->loc, p->menu->sym, p->menu, p);
}

/* Prompt visibility (prop->visible.tri), unrounded. */
static struct tri prompt_vis_ex(struct model *M, const struct symbol *s, bool noc)
{
	struct tri vis = TRI_N;

	for (const struct property *p = s->props; p; p = p->sym_next) {
		struct tri v;

		if (p->type != P_PROMPT)
			continue;
		if (!M->psel[p->menu->id])
			M->psel[p->menu->id] = prop_selector(M, p);
		v = t_and(M, menu_dep_ex(M, p->menu, noc), cond_tri(M, p->cond));
		v = t_and(M, v, menu_visif(M, p->menu->parent));
		vis = t_or(M, vis, t_gate(M, v, M->psel[p->menu->id]));
	}
	return vis;
}

static struct tri prompt_vis(struct model *M, const struct symbol *s)
{
	return prompt_vis_ex(M, s, false);
}

static struct tri rev_tri(struct model *M, const struct property *list)
{
	struct tri acc = TRI_N;

	for (const struct property *p = list; p; p = p->rev_next) {
		struct tri v = t_and(M, sym_tri(M, p->menu->sym), prop_cond(M, p));

		acc = t_or(M, acc, t_gate(M, v, prop_selector(M, p)));
	}
	return acc;
}

static struct tri dir_tri(struct model *M, const struct symbol *s)
{
	struct tri acc = TRI_N;

	for (const struct menu *m = s->menus; m; m = m->sym_next)
		acc = t_or(M, acc, menu_dep(M, m));
	return s->menus ? acc : TRI_Y;
}

/* ---- bool and tristate symbols ---- */

struct choice61 {
	bool is_choice;		/* s is a pre-6.11 choice symbol */
	int sel;		/* member: chosen literal, or 0 */
	struct tri vis;		/* member: visibility with the choice's value */
};

/* sym_calc_value() for bool/tristate s with value pair V. */
static void encode_tri(struct model *M, const struct symbol *s, struct tri V,
		       const struct choice61 *c)
{
	struct cnf *C = M->cnf;
	int tr = tristate_lit(M, s);
	struct tri vis, rev, D, R, F;
	int user, none_before = CNF_TRUE;

	/* sym_calc_visibility(): a transitional symbol is always visible, so
	 * its value is the user's, from an old .config */
	if (s->flags & SYM_TRANSITIONAL)
		vis = TRI_Y;
	else
		vis = c && c->sel ? c->vis : t_round(M, prompt_vis(M, s), tr);
	/* sym_calc_visibility() returns before rev_dep and implied for a
	 * choice value: selects and implies never reach a member */
	rev = c && c->sel ? TRI_N : t_round(M, rev_tri(M, s->selected_by), tr);
	if (c && c->is_choice && !(s->flags & SYM_OPTIONAL)) {
		/* menu.c (<= 6.10): a choice is at least m while visible */
		struct tri pv = prompt_vis(M, s);

		rev = t_or(M, rev, t_round(M, (struct tri){ pv.m, CNF_FALSE }, tr));
	}

	/* A member of a pre-6.11 choice shown as y takes the choice's pick. */
	user = vis.m;
	if (c && c->sel) {
		cnf_clause3(C, -vis.y, -V.m, c->sel);
		cnf_clause3(C, -vis.y, V.y, -c->sel);
		cnf_clause3(C, -vis.y, -V.m, V.y);
		user = cnf_and(C, vis.m, -vis.y);
	}

	/* Visible: the user's value, clamped by visibility, raised by selects. */
	cnf_clause3(C, -user, -rev.m, V.m);
	cnf_clause3(C, -user, -rev.y, V.y);
	cnf_clause(C, (int[]){ -user, -V.y, vis.y, rev.y }, 4);
	cnf_clause(C, (int[]){ -user, -V.m, vis.m, rev.m }, 4);
	if (V.m != V.y)
		cnf_clause(C, (int[]){ -user, tr, -V.m, V.y }, 4);

	/* Invisible: first active default, then imply, then select. */
	D = TRI_N;
	if (!(c && c->is_choice)) {
		for (const struct property *p = s->props; p; p = p->sym_next) {
			struct tri pv, val;
			int act, first;

			if (p->type != P_DEFAULT)
				continue;
			pv = prop_cond(M, p);
			act = cnf_and(C, pv.m, prop_selector(M, p));
			first = cnf_and(C, act, none_before);
			val = t_and(M, expr_tri(M, p->expr), pv);
			D = t_or(M, D, t_gate(M, val, first));
			none_before = cnf_and(C, none_before, -act);
		}
		if (s->implied_by && !(c && c->sel)) {
			struct tri imp = t_round(M, rev_tri(M, s->implied_by), tr);
			struct tri dir = t_round(M, dir_tri(M, s), tr);
			struct tri raised = t_and(M, t_or(M, D, imp), dir);

			D.m = cnf_ite(C, imp.m, raised.m, D.m);
			D.y = cnf_ite(C, imp.m, raised.y, D.y);
		}
	}
	R = t_or(M, D, rev);
	F = t_round(M, R, tr);
	/* not visible: exactly what the defaults and selects give */
	cnf_clause3(C, vis.m, -V.m, F.m);
	cnf_clause3(C, vis.m, V.m, -F.m);
	cnf_clause3(C, vis.m, -V.y, F.y);
	cnf_clause3(C, vis.m, V.y, -F.y);
}

static void at_most_one(struct cnf *C, const int *x, size_t n)
{
	int prev = 0;

	if (n <= 6) {
		for (size_t i = 0; i < n; i++)
			for (size_t j = i + 1; j < n; j++)
				cnf_clause2(C, -x[i], -x[j]);
		return;
	}
	/* sequential counter: s_i = "one of x_0..x_i is true" */
	for (size_t i = 0; i < n; i++) {
		int s = i + 1 < n ? cnf_new_var(C) : 0;

		if (s)
			cnf_clause2(C, -x[i], s);
		if (prev) {
			cnf_clause2(C, -prev, -x[i]);
			if (s)
				cnf_clause2(C, -prev, s);
		}
		prev = s;
	}
}

static void collect_members(const struct menu *c, symvec *out)
{
	for (const struct menu *k = c->list; k; k = menu_next_const(k, c)) {
		bool dup = false;

		if (!k->sym || k->sym->choice != c)
			continue;
		for (size_t i = 0; i < out->n; i++)
			dup |= out->v[i] == k->sym;
		if (!dup)
			vec_push(*out, k->sym);
	}
}

/* 6.11+ sym_calc_choice(): exactly one visible member is y. */
static void encode_choice(struct model *M, const struct menu *c)
{
	symvec mem = { 0 };
	intvec x = { 0 };
	int anyvis = CNF_FALSE;

	collect_members(c, &mem);
	for (size_t i = 0; i < mem.n; i++) {
		const struct symbol *s = mem.v[i];
		int v = tri_vars(M, s).y;
		int vis = prompt_vis(M, s).m;

		cnf_clause2(M->cnf, -v, vis);
		anyvis = cnf_or(M->cnf, anyvis, vis);
		vec_push(x, v);
	}
	at_most_one(M->cnf, x.v, x.n);
	vec_push(x, -anyvis);
	cnf_clause(M->cnf, x.v, (int)x.n);
	vec_release(x);
	vec_release(mem);
}

/* <= 6.10: the choice symbol has a value; in y mode it picks one visible
 * member, in m mode members are m or n on their own. */
static void encode_choice61(struct model *M, const struct menu *c)
{
	const struct symbol *cs = c->sym;
	symvec mem = { 0 };
	intvec picks = { 0 };
	struct tri V = tri_vars(M, cs), comp = { cnf_new_var(M->cnf), cnf_new_var(M->cnf) };
	struct choice61 cc = { .is_choice = true };
	int anyvis = CNF_FALSE;

	if (cs->type != S_TRISTATE)
		comp.m = comp.y;
	else
		cnf_clause2(M->cnf, -comp.y, comp.m);
	encode_tri(M, cs, comp, &cc);
	collect_members(c, &mem);
	for (size_t i = 0; i < mem.n; i++)
		anyvis = cnf_or(M->cnf, anyvis, prompt_vis_ex(M, mem.v[i], true).m);
	/* sym_calc_choice() found nothing to pick: the choice drops to n */
	{
		int vy = cnf_and(M->cnf, comp.y, anyvis);
		int vm = cnf_and(M->cnf, comp.m, cnf_or(M->cnf, -comp.y, anyvis));

		cnf_clause2(M->cnf, -V.y, vy);
		cnf_clause2(M->cnf, V.y, -vy);
		cnf_clause2(M->cnf, -V.m, vm);
		cnf_clause2(M->cnf, V.m, -vm);
	}
	for (size_t i = 0; i < mem.n; i++) {
		const struct symbol *s = mem.v[i];
		struct tri own = prompt_vis_ex(M, s, true);
		int pick = cnf_new_var(M->cnf);
		struct choice61 mc = { .sel = pick };
		struct tri vis = t_round(M, prompt_vis(M, s), tristate_lit(M, s));

		cnf_clause2(M->cnf, -pick, own.m);
		cnf_clause2(M->cnf, -pick, V.y);
		/* sym_calc_visibility() (<= 6.10): a member visible only as m
		 * is hidden while its choice is y */
		vis.m = cnf_and(M->cnf, vis.m, cnf_or(M->cnf, vis.y, -V.y));
		mc.vis = vis;
		vec_push(picks, pick);
		encode_tri(M, s, tri_vars(M, s), &mc);
	}
	at_most_one(M->cnf, picks.v, picks.n);
	vec_push(picks, -V.y);
	cnf_clause(M->cnf, picks.v, (int)picks.n);
	vec_release(picks);
	vec_release(mem);
}

/* ---- int, hex and string symbols ---- */

static uint32_t uf_find(struct model *M, uint32_t a)
{
	while (M->uf[a] != a)
		a = M->uf[a] = M->uf[M->uf[a]];
	return a;
}

static void uf_union(struct model *M, const struct symbol *a, const struct symbol *b)
{
	uint32_t x = uf_find(M, a->id), y = uf_find(M, b->id);

	if (x != y)
		M->uf[x] = y;
}

static void dom_add(struct domain *d, const char *v)
{
	for (size_t i = 0; i < d->vals.n; i++)
		if (!strcmp(d->vals.v[i], v))
			return;
	vec_push(d->vals, xstrdup(v));
}

static void dom_add_sym(struct model *M, struct domain *d, const struct symbol *s)
{
	if (is_valued(s))
		return;		/* same domain */
	if (M->kind[s->id] == SK_TRI || s == &M->t->sym_y || s == &M->t->sym_m || s == &M->t->sym_n) {
		dom_add(d, "n");
		dom_add(d, "m");
		dom_add(d, "y");
		return;
	}
	if (s->name)
		dom_add(d, s->name);
}

static int ullcmp(const void *a, const void *b)
{
	unsigned long long x = *(const unsigned long long *)a, y = *(const unsigned long long *)b;

	return (x > y) - (x < y);
}

/* Numbers in one unsigned order: hex as it is (0 to 0xffffffffffffffff,
 * as expr.c compares hex), int and untyped with the sign bit flipped, so
 * LLONG_MIN is 0 and a gap never needs a signed overflow. */
#define SIGN_FLIP (1ull << 63)

/* One value in every gap between the constants: "any other value". */
static void dom_add_others(struct domain *d)
{
	VEC(unsigned long long) nums = { 0 };
	size_t n0 = d->vals.n;
	int base = d->type == S_HEX ? 16 : d->type == S_INT ? 10 : 0;
	bool hex = d->type == S_HEX;
	char buf[64];

	d->nconst = n0;
	if (d->type == S_STRING || d->type == S_UNKNOWN) {
		const char *cand[] = { "kcsat", "kcsat1", "kcsat2", "kcsat3" };

		for (size_t i = 0; i < 4; i++) {
			bool found = false;

			for (size_t k = 0; k < d->vals.n; k++)
				found |= !strcmp(d->vals.v[k], cand[i]);
			if (!found) {
				dom_add(d, cand[i]);
				break;
			}
		}
		if (d->type == S_STRING)
			return;
		base = 0;
	}
	for (size_t k = 0; k < n0; k++) {
		const char *str = d->vals.v[k];
		char *end;
		unsigned long long u;

		errno = 0;
		if (hex)
			u = strtoull(str, &end, base);
		else
			u = (unsigned long long)strtoll(str, &end, base) ^ SIGN_FLIP;
		/* out of range: not a number to the kernel either (expr.c) */
		if (*str && !*end && !errno && (!hex || *str != '-'))
			vec_push(nums, u);
	}
	if (nums.n) {
		qsort(nums.v, nums.n, sizeof(*nums.v), ullcmp);
		for (size_t i = 0; i <= nums.n; i++) {
			unsigned long long v;

			if (i == 0) {
				if (nums.v[0] == 0)	/* hex 0, or LLONG_MIN */
					continue;
				v = nums.v[0] - 1;
			} else if (i == nums.n || nums.v[i] - nums.v[i - 1] >= 2) {
				if (nums.v[i - 1] == ~0ull)	/* the largest there is */
					continue;
				v = nums.v[i - 1] + 1;
			} else {
				continue;
			}
			if (hex)
				snprintf(buf, sizeof(buf), "0x%llx", v);
			else
				snprintf(buf, sizeof(buf), "%lld", (long long)(v ^ SIGN_FLIP));
			dom_add(d, buf);
		}
	}
	vec_release(nums);
}

static void build_domains(struct model *M)
{
	struct kctree *t = M->t;
	size_t n = t->syms.n;

	M->uf = xmalloc(n * sizeof(*M->uf));
	for (size_t i = 0; i < n; i++)
		M->uf[i] = (uint32_t)i;
	for (size_t i = 0; i < n; i++) {
		const struct symbol *s = t->syms.v[i];

		if (!is_valued(s) || (s->flags & SYM_SHELL))
			continue;
		for (const struct property *p = s->props; p; p = p->sym_next) {
			if (p->type == P_DEFAULT && p->expr->type == E_SYMBOL && is_valued(p->expr->sym))
				uf_union(M, s, p->expr->sym);
			if (p->type == P_RANGE) {
				if (is_valued(p->lo))
					uf_union(M, s, p->lo);
				if (is_valued(p->hi))
					uf_union(M, s, p->hi);
			}
		}
	}
	for (size_t i = 0; i < t->exprs.n; i++) {
		const struct expr *e = t->exprs.v[i];

		if (e->type >= E_EQUAL && is_valued(e->sym) && is_valued(e->rsym))
			uf_union(M, e->sym, e->rsym);
	}
	/* a domain per component, with its constants */
	for (size_t i = 0; i < n; i++) {
		const struct symbol *s = t->syms.v[i];
		uint32_t r;

		if (!is_valued(s))
			continue;
		r = uf_find(M, s->id);
		if (!M->dom[r]) {
			M->dom[r] = xcalloc(1, sizeof(struct domain));
			M->dom[r]->type = S_UNKNOWN;
			vec_push(M->domains, M->dom[r]);
		}
		M->dom[s->id] = M->dom[r];
	}
	for (size_t i = 0; i < n; i++) {
		const struct symbol *s = t->syms.v[i];
		struct domain *d = M->dom[i];

		if (!d || (s->flags & SYM_SHELL))
			continue;
		if (d->type == S_UNKNOWN || (d->type == S_STRING && s->type != S_STRING))
			d->type = s->type;
		dom_add(d, value_empty(s->type, M->kv));
		for (const struct property *p = s->props; p; p = p->sym_next) {
			if (p->type == P_DEFAULT && p->expr->type == E_SYMBOL)
				dom_add_sym(M, d, p->expr->sym);
			if (p->type == P_RANGE) {
				dom_add_sym(M, d, p->lo);
				dom_add_sym(M, d, p->hi);
			}
		}
	}
	for (size_t i = 0; i < t->exprs.n; i++) {
		const struct expr *e = t->exprs.v[i];

		if (e->type < E_EQUAL)
			continue;
		if (M->dom[e->sym->id])
			dom_add_sym(M, M->dom[e->sym->id], e->rsym);
		if (M->dom[e->rsym->id])
			dom_add_sym(M, M->dom[e->rsym->id], e->sym);
	}
	for (size_t i = 0; i < M->domains.n; i++)
		dom_add_others(M->domains.v[i]);
	/* one-hot value variables */
	for (size_t i = 0; i < n; i++) {
		if (!M->dom[i])
			continue;
		M->kind[i] = SK_VAL;
		if (!M->lazy)
			make_vars(M, i);
	}
}

static int dom_index(const struct domain *d, const char *v)
{
	for (size_t k = 0; k < d->vals.n; k++)
		if (!strcmp(d->vals.v[k], v))
			return (int)k;
	return -1;
}

/* The value alternatives of one default: a symbol's value, or empty. */
static void default_alts(struct model *M, const struct symbol *s, const struct property *p,
			 alts *out)
{
	if (p->expr->type != E_SYMBOL) {
		out->n = 0;
		vec_push(*out, ((struct alt){ CNF_TRUE, value_empty(s->type, M->kv), s->type, false }));
		return;
	}
	sym_alts(M, p->expr->sym, out);
}

/* sym_calc_value() for int/hex/string s. */
static void encode_val(struct model *M, const struct symbol *s)
{
	struct cnf *C = M->cnf;
	const struct domain *d = M->dom[s->id];
	alts dist = { 0 }, tmp = { 0 }, lo = { 0 }, hi = { 0 }, clamped = { 0 };
	int vis = s->flags & SYM_TRANSITIONAL ? CNF_TRUE : prompt_vis(M, s).m;
	int none_before = CNF_TRUE, no_range = CNF_TRUE;
	int *defk = xcalloc(d->vals.n, sizeof(int)), *allowk = xcalloc(d->vals.n, sizeof(int));
	bool has_range = false;

	for (const struct property *p = s->props; p; p = p->sym_next) {
		int act, first;

		if (p->type != P_DEFAULT)
			continue;
		act = cnf_and(C, prop_cond(M, p).m, prop_selector(M, p));
		first = cnf_and(C, act, none_before);
		none_before = cnf_and(C, none_before, -act);
		default_alts(M, s, p, &tmp);
		for (size_t i = 0; i < tmp.n; i++)
			vec_push(dist, ((struct alt){ cnf_and(C, first, tmp.v[i].cond), tmp.v[i].val, tmp.v[i].type, false }));
	}
	vec_push(dist, ((struct alt){ none_before, value_empty(s->type, M->kv), s->type, false }));

	for (size_t k = 0; k < d->vals.n; k++)
		defk[k] = CNF_FALSE, allowk[k] = CNF_FALSE;
	/* sym_validate_range(): the first active range clamps the value */
	for (const struct property *p = s->props; p; p = p->sym_next) {
		int act, first;

		if (p->type != P_RANGE || (s->type != S_INT && s->type != S_HEX))
			continue;
		has_range = true;
		act = cnf_and(C, prop_cond(M, p).m, prop_selector(M, p));
		first = cnf_and(C, act, no_range);
		no_range = cnf_and(C, no_range, -act);
		sym_alts(M, p->lo, &lo);
		sym_alts(M, p->hi, &hi);
		for (size_t a = 0; a < lo.n; a++)
			for (size_t b = 0; b < hi.n; b++) {
				int cb = cnf_and(C, first, cnf_and(C, lo.v[a].cond, hi.v[b].cond));

				if (cb == CNF_FALSE)
					continue;
				for (size_t i = 0; i < dist.n; i++) {
					const char *v = value_clamp(dist.v[i].val, s->type, lo.v[a].val,
								    lo.v[a].type, hi.v[b].val, hi.v[b].type);

					vec_push(clamped, ((struct alt){ cnf_and(C, cb, dist.v[i].cond), v, s->type, false }));
				}
				for (size_t k = 0; k < d->vals.n; k++) {
					const char *v = d->vals.v[k];
					bool same_gap = k >= d->nconst &&
						((lo.v[a].rep && !strcmp(lo.v[a].val, v)) ||
						 (hi.v[b].rep && !strcmp(hi.v[b].val, v)));

					if (same_gap || value_clamp(v, s->type, lo.v[a].val, lo.v[a].type,
								    hi.v[b].val, hi.v[b].type) == v)
						allowk[k] = cnf_or(C, allowk[k], cb);
				}
			}
	}
	for (size_t i = 0; i < dist.n; i++)
		vec_push(clamped, ((struct alt){ cnf_and(C, no_range, dist.v[i].cond), dist.v[i].val, s->type, false }));
	for (size_t i = 0; i < clamped.n; i++) {
		int k = dom_index(d, clamped.v[i].val);

		if (k < 0) {	/* cannot happen: every value was added to d */
			diag_fatal("internal: value '%s' of %s not in its domain", clamped.v[i].val,
				   s->name);
			continue;
		}
		defk[k] = cnf_or(C, defk[k], clamped.v[i].cond);
	}
	for (size_t k = 0; k < d->vals.n; k++) {
		int x = val_base(M, s) + (int)k;
		int allowed = has_range ? cnf_or(C, allowk[k], no_range) : CNF_TRUE;

		/* conf refuses a user value sym_string_valid() rejects (e.g. an
		 * empty int in 6.1), so only the default path can give it */
		if (!value_valid(s->type, d->vals.v[k]))
			allowed = CNF_FALSE;

		/* invisible: exactly the default path's value */
		cnf_clause3(C, vis, -x, defk[k]);
		cnf_clause3(C, vis, x, -defk[k]);
		/* visible: any value in range (or the default, unset) */
		cnf_clause(C, (int[]){ -vis, -x, allowed, defk[k] }, 4);
	}
	free(defk);
	free(allowk);
	vec_release(dist);
	vec_release(tmp);
	vec_release(lo);
	vec_release(hi);
	vec_release(clamped);
}

/* ---- the whole tree ---- */

static bool modern_choice(const struct model *M)
{
	return dialect_at(M->kv, DR_CHOICE_VALUES);
}

/* Write the constraints of every queued symbol (and what they reach). */
static void model_close(struct model *M)
{
	if (M->closing)
		return;		/* re-entered from an encoder: the loop below runs on */
	M->closing = true;
	while (M->queue.n) {
		const struct symbol *s = vec_pop(M->queue);
		const struct menu *c = s->choice;

		if (M->kind[s->id] == SK_VAL) {
			if (!(s->flags & SYM_SHELL))
				encode_val(M, s);
			else
				encode_tool_version(M, s);
			continue;
		}
		if (sym_is_choice(s)) {
			/* a pre-6.11 choice symbol: encoded with its block */
			for (const struct menu *m = s->menus; m; m = m->sym_next)
				if (m->kind == M_CHOICE && !M->choice_done[m->id]) {
					M->choice_done[m->id] = 1;
					encode_choice61(M, m);
				}
			continue;
		}
		if (c) {
			if (!M->choice_done[c->id]) {
				M->choice_done[c->id] = 1;
				if (M->modern_choice)
					encode_choice(M, c);
				else
					encode_choice61(M, c);
			}
			continue;
		}
		encode_tri(M, s, tri_vars(M, s), NULL);
	}
	M->closing = false;
}

struct model *model_build(struct kctree *t, bool selectors, bool lazy)
{
	struct model *M = xcalloc(1, sizeof(*M));
	size_t n = t->syms.n;
	struct timespec t0, t1;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	M->t = t;
	M->cnf = cnf_new();
	M->kv = t->kversion;
	M->modern_choice = modern_choice(M);
	M->selectors = selectors;
	M->lazy = lazy;
	M->nsyms = n;
	M->kind = xcalloc(n, 1);
	M->sym = xcalloc(n, sizeof(*M->sym));
	M->mdep = xcalloc(t->nmenus + 1, sizeof(*M->mdep));
	M->mdep_noc = xcalloc(t->nmenus + 1, sizeof(*M->mdep_noc));
	M->mitems = xcalloc(t->nmenus + 1, sizeof(*M->mitems));
	M->psel = xcalloc(t->nmenus + 1, sizeof(*M->psel));
	M->mvis = xcalloc(t->nmenus + 1, sizeof(*M->mvis));
	M->dom = xcalloc(n, sizeof(*M->dom));
	M->valbase = xcalloc(n, sizeof(*M->valbase));
	M->encoded = xcalloc(n, 1);
	M->choice_done = xcalloc(t->nmenus + 1, 1);

	/* value variables of bool/tristate symbols */
	for (size_t i = 0; i < n; i++) {
		const struct symbol *s = t->syms.v[i];

		if (!(s->flags & SYM_DEFINED) || (s->flags & SYM_CONST) || !sym_is_bool_like(s))
			continue;
		if (sym_is_choice(s) && M->modern_choice)
			continue;
		M->kind[i] = SK_TRI;
		if (!lazy)
			make_vars(M, i);
	}
	M->modules = t->modules && M->kind[t->modules->id] == SK_TRI ? tri_vars(M, t->modules).y : CNF_FALSE;
	build_domains(M);

	if (t->modules && M->kind[t->modules->id] == SK_TRI)
		need(M, t->modules);
	if (!lazy)
		for (size_t i = 0; i < n; i++)
			if (M->kind[i] == SK_TRI || M->kind[i] == SK_VAL)
				need(M, t->syms.v[i]);
	model_close(M);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	M->encode_ms = (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
	return M;
}

void model_free(struct model *M)
{
	if (!M)
		return;
	for (size_t i = 0; i < M->domains.n; i++) {
		struct domain *d = M->domains.v[i];

		for (size_t k = 0; k < d->vals.n; k++)
			free(d->vals.v[k]);
		vec_release(d->vals);
		free(d);
	}
	vec_release(M->domains);
	vec_release(M->eq);
	free(M->dom);
	free(M->valbase);
	free(M->uf);
	free(M->kind);
	free(M->sym);
	free(M->exprc);
	free(M->mdep);
	free(M->mdep_noc);
	free(M->mitems);
	free(M->psel);
	free(M->mvis);
	free(M->encoded);
	free(M->choice_done);
	vec_release(M->queue);
	cnf_free(M->cnf);
	free(M);
}

struct cnf *model_cnf(struct model *M)
{
	return M->cnf;
}

struct kctree *model_tree(struct model *M)
{
	return M->t;
}

void model_get_stats(const struct model *M, struct model_stats *st)
{
	st->vars = cnf_nvars(M->cnf);
	st->clauses = cnf_nclauses(M->cnf);
	st->selectors = cnf_nselectors(M->cnf);
	st->encode_ms = M->encode_ms;
}

int model_sym_is(struct model *M, const struct symbol *s, char v)
{
	struct tri t = sym_tri(M, s);

	model_close(M);
	switch (v) {
	case 'y': return t.y;
	case 'm': return cnf_and(M->cnf, t.m, -t.y);
	default: return -t.m;
	}
}

int model_expr_lit(struct model *M, const struct expr *e, bool need_y)
{
	struct tri t = expr_tri(M, e);

	model_close(M);
	return need_y ? t.y : t.m;
}

bool model_shell_is_eq(const struct symbol *s)
{
	struct eq_atom a;

	return (s->flags & SYM_SHELL) && shell_eq_test(s->name, &a);
}

const char *model_shell_other_name(struct model *M, const struct symbol *s)
{
	struct eq_atom a;
	struct tool_state *ts;
	const char *info = NULL;
	size_t len = 0;
	int t, field;

	if (!(s->flags & SYM_SHELL) || !shell_eq_test(s->name, &a))
		return NULL;
	t = tool_field(a.x, a.xlen, &field, &info, &len);
	if (field != 1 || !(ts = tool_state(M, t, info, len)))
		return NULL;
	for (int i = 0; i < 2; i++)
		if (strlen(tool_names[t][i]) == a.wlen && !memcmp(tool_names[t][i], a.w, a.wlen))
			return tool_names[t][!i];
	return NULL;
}

void model_shell_tris(const struct model *M, symvec *out)
{
	for (size_t i = 0; i < M->nsyms; i++)
		if ((M->t->syms.v[i]->flags & SYM_SHELL) && M->sym[i].m)
			vec_push(*out, M->t->syms.v[i]);
}

bool model_has_value(const struct model *M, const struct symbol *s)
{
	return s->id < M->nsyms && (M->kind[s->id] == SK_TRI ||
					(M->kind[s->id] == SK_VAL && !(s->flags & SYM_SHELL)));
}

char model_tri_value(struct model *M, struct sat *S, const struct symbol *s)
{
	struct tri t = sym_tri(M, s);

	if (sat_value(S, t.y) > 0)
		return 'y';
	return sat_value(S, t.m) > 0 ? 'm' : 'n';
}

const char *model_str_value(struct model *M, struct sat *S, const struct symbol *s)
{
	const struct domain *d = s->id < M->nsyms ? M->dom[s->id] : NULL;

	if (!d)
		return NULL;
	for (size_t k = 0; k < d->vals.n; k++)
		if (M->valbase[s->id] && sat_value(S, M->valbase[s->id] + (int)k) > 0)
			return d->vals.v[k];
	return NULL;
}

/* A value outside the domain stands in the same gap as one of the
 * domain's representatives: the one every comparison with the domain's
 * other values treats alike. */
static int dom_class(const struct domain *d, const char *v, enum sym_type type)
{
	static const enum expr_type ops[] = { E_EQUAL, E_LTH, E_GTH };
	/* strings: only equality tells values apart (an order between
	 * strings is not something Kconfig trees ask for) */
	size_t nops = type == S_STRING ? 1 : 3;

	/* a value equal to a constant by Kconfig's comparison is that one */
	for (size_t k = 0; k < d->nconst; k++)
		if (value_compare(E_EQUAL, v, type, d->vals.v[k], type))
			return (int)k;
	/* otherwise only a gap's representative can stand for it */
	for (size_t k = d->nconst; k < d->vals.n; k++) {
		bool same = true;

		for (size_t j = 0; j < d->vals.n && same; j++) {
			if (j == k)
				continue;
			for (size_t o = 0; o < nops && same; o++)
				same = value_compare(ops[o], v, type, d->vals.v[j], type) ==
				       value_compare(ops[o], d->vals.v[k], type, d->vals.v[j], type);
		}
		if (same)
			return (int)k;
	}
	return -1;
}

int model_str_is(struct model *M, const struct symbol *s, const char *v)
{
	const struct domain *d = s->id < M->nsyms ? M->dom[s->id] : NULL;
	int k;

	if (!d)
		return CNF_FALSE;
	k = dom_index(d, v);
	if (k < 0)
		k = dom_class(d, v, s->type);
	if (M->kind[s->id] == SK_VAL) {
		need(M, s);
		model_close(M);
	}
	return k < 0 ? CNF_FALSE : val_base(M, s) + k;
}

const char *const *model_domain(const struct model *M, const struct symbol *s, size_t *n,
				size_t *nconst)
{
	const struct domain *d = s->id < M->nsyms ? M->dom[s->id] : NULL;

	*n = *nconst = 0;
	if (!d || (s->flags & SYM_SHELL))
		return NULL;
	*n = d->vals.n;
	*nconst = d->nconst;
	return (const char *const *)d->vals.v;
}

void model_encode_all(struct model *M)
{
	for (size_t i = 0; i < M->nsyms; i++)
		if (M->kind[i] == SK_TRI || M->kind[i] == SK_VAL)
			need(M, M->t->syms.v[i]);
	model_close(M);
}

bool model_encoded(const struct model *M, const struct symbol *s)
{
	return s->id < M->nsyms && M->encoded[s->id];
}

void model_name_vars(struct model *M)
{
	for (size_t i = 0; i < M->nsyms; i++) {
		const struct symbol *s = M->t->syms.v[i];

		if (!s->name)
			continue;
		if ((M->kind[i] == SK_TRI || M->kind[i] == SK_SHELLTRI) && M->sym[i].y) {
			if (M->sym[i].m == M->sym[i].y) {
				cnf_name(M->cnf, M->sym[i].y, "%s=y", s->name);
			} else {
				cnf_name(M->cnf, M->sym[i].y, "%s=y", s->name);
				cnf_name(M->cnf, M->sym[i].m, "%s>=m", s->name);
			}
		} else if (M->kind[i] == SK_VAL && M->valbase[i]) {
			const struct domain *d = M->dom[i];

			for (size_t k = 0; k < d->vals.n; k++)
				cnf_name(M->cnf, M->valbase[i] + (int)k, "%s=\"%s\"", s->name, d->vals.v[k]);
		}
	}
}

/* ---- lint ---- */

int model_dep_without(struct model *M, const struct menu *m, const struct dep_item *d,
		      struct expr *instead, bool need_y)
{
	struct tri acc;

	if (!M->modern_choice && m->parent && m->parent->kind == M_CHOICE)
		acc = sym_tri(M, m->parent->sym);
	else
		acc = menu_dep(M, m->parent);
	for (const struct dep_item *x = m->deps; x; x = x->next) {
		struct expr *e = x == d ? instead : x->expr;

		if (!e)
			continue;
		if (M->selectors && x != d)	/* the entry's other lines, citable */
			acc = t_and(M, acc,
				    t_relax(M, cond_tri(M, e),
					    cnf_selector_in(M->cnf, ITEM_DEPENDS, x->loc, m->sym,
							    m, x)));
		else
			acc = t_and(M, acc, cond_tri(M, e));
	}
	model_close(M);
	return need_y ? acc.y : acc.m;
}

int model_prop_lit(struct model *M, const struct property *p)
{
	const struct symbol *s = p->menu->sym;
	struct tri v = TRI_N;
	int lit = CNF_FALSE;

	switch (p->type) {
	case P_PROMPT:
		v = t_and(M, prop_cond(M, p), menu_visif(M, p->menu->parent));
		lit = v.m;
		break;
	case P_DEFAULT: {
		int none_before = CNF_TRUE;

		for (const struct property *q = s->props; q; q = q->sym_next) {
			int act;

			if (q->type != P_DEFAULT)
				continue;
			act = prop_cond(M, q).m;
			if (q == p) {
				lit = cnf_and(M->cnf, act, none_before);
				break;
			}
			none_before = cnf_and(M->cnf, none_before, -act);
		}
		break;
	}
	case P_SELECT:
	case P_IMPLY:
		v = t_and(M, sym_tri(M, s), prop_cond(M, p));
		lit = v.m;
		break;
	default:
		lit = prop_cond(M, p).m;
		break;
	}
	model_close(M);
	return lit;
}

int model_unmet_lit(struct model *M, const struct property *p)
{
	const struct symbol *x = p->target;
	int tr = tristate_lit(M, x);
	struct tri term = t_round(M, t_and(M, sym_tri(M, p->menu->sym), prop_cond(M, p)), tr);
	struct tri dir = t_round(M, dir_tri(M, x), tr);
	int lit = cnf_or(M->cnf, cnf_and(M->cnf, term.m, -dir.m), cnf_and(M->cnf, term.y, -dir.y));

	model_close(M);
	return lit;
}

int model_dir_lit(struct model *M, const struct symbol *s, bool need_y)
{
	struct tri dir = t_round(M, dir_tri(M, s), tristate_lit(M, s));

	model_close(M);
	return need_y ? dir.y : dir.m;
}
