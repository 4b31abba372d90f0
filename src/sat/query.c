#include "sat/query.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/diag.h"
#include "util/json.h"
#include "util/strbuf.h"
#include "util/vec.h"
#include "util/xalloc.h"

#include "kconfig/arch.h"
#include "kconfig/value.h"

#include "sat/cnf.h"
#include "kconfig/kconfig.h"
#include "sat/model.h"
#include "sat/sat.h"

bool arch_ctx_load(struct arch_ctx *a, const struct load_config *c, size_t i)
{
	a->arch = load_config_arch(c, i);
	a->t = kctree_load_arch(c, i);
	a->m = NULL;
	a->s = NULL;
	return a->t != NULL;
}

void arch_ctx_encode(struct arch_ctx *a)
{
	a->m = model_build(a->t, false, true);
	a->s = sat_new(model_cnf(a->m), false);
}

bool arch_ctx_open(struct arch_ctx *a, const struct load_config *c, size_t i)
{
	if (!arch_ctx_load(a, c, i))
		return false;
	arch_ctx_encode(a);
	return true;
}

void arch_ctx_close(struct arch_ctx *a)
{
	sat_free(a->s);
	model_free(a->m);
	kctree_free(a->t);
	a->s = NULL;
	a->m = NULL;
	a->t = NULL;
}

int query_bitness(struct arch_ctx *a, int want, struct bitness out[2])
{
	const struct symbol *s64 = sym_find(a->t, "64BIT");
	int n = 0;

	if (!s64 || !(s64->flags & SYM_DEFINED) || !model_has_value(a->m, s64)) {
		/* An arch that defines no 64BIT builds 32-bit kernels only
		 * (CONFIG_64BIT unset); a plain tree has no bitness. */
		int bits = a->t->arch ? 32 : 0;

		out[0] = (struct bitness){ bits ? "32-bit" : "", CNF_TRUE, bits };
		return !want || want == bits ? 1 : 0;
	}
	for (int b = 0; b < 2; b++) {
		int bits = b ? 32 : 64;
		int lit = model_sym_is(a->m, s64, b ? 'n' : 'y');

		if (want && want != bits)
			continue;
		sat_assume(a->s, lit);
		if (sat_solve(a->s) != SAT_SAT)
			continue;
		out[n++] = (struct bitness){ b ? "32-bit" : "64-bit", lit, bits };
	}
	return n;
}

void query_no_case_reason(struct arch_ctx *a, int want, struct strbuf *sb)
{
	const struct symbol *s64 = sym_find(a->t, "64BIT");
	char l[300];

	if (!s64 || !(s64->flags & SYM_DEFINED)) {
		if (a->t->arch)
			sb_addf(sb, "no %d-bit build: %s defines no 64BIT (32-bit only)", want, a->t->arch);
		else
			sb_addf(sb, "no %d-bit build: the tree defines no 64BIT", want);
		return;
	}
	sb_addf(sb, "no %d-bit build: 64BIT is always %c here (%s)", want, want == 32 ? 'y' : 'n',
		s64->menus ? loc_str(s64->menus->loc, l, sizeof(l)) : "?");
}

/* Edit distance, for "did you mean". */
static size_t distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), *row = xcalloc(lb + 1, sizeof(size_t)), d;

	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diag = row[0];

		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j];
			size_t best = diag + (a[i - 1] != b[j - 1]);

			if (row[j] + 1 < best)
				best = row[j] + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	d = row[lb];
	free(row);
	return d;
}

void query_suggest(const struct kctree *t, const char *name, char *suggest, size_t size)
{
	const struct symbol *s, *best = NULL;
	size_t bestd = (size_t)-1, i;

	tree_for_each_sym(t, s, i) {
		size_t d;

		if (!s->name || !(s->flags & SYM_DEFINED))
			continue;
		d = distance(name, s->name);
		if (d < bestd) {
			bestd = d;
			best = s;
		}
	}
	/* Close enough only when at most a third of the name's letters
	 * changed (and never more than three): FOO is not a typo of AIO, nor
	 * X of A.  No suggestion is better than a wrong one. */
	if (suggest && size)
		snprintf(suggest, size, "%s",
			 best && bestd <= 3 && 3 * bestd <= strlen(name) ? best->name : "");
}

/* A name e reads that no line defines; an unquoted number (`X = 5`,
 * `0x10`) is a value, not a name. */
static bool undefined_name(const struct symbol *s)
{
	char *end;

	if (!s->name || (s->flags & (SYM_CONST | SYM_DEFINED)))
		return false;
	(void)strtoll(s->name, &end, 0);
	return !*s->name || *end;
}

void query_undefined_syms(const struct expr *e, symvec *out)
{
	expr_symbols(e, undefined_name, out);
}

bool query_symbol_name(const char *arg, char *name, size_t size)
{
	const char *eq = strchr(arg, '=');
	size_t n = eq ? (size_t)(eq - arg) : strlen(arg);

	if (!strncmp(arg, "CONFIG_", 7)) {
		arg += 7;
		n -= 7;
	}
	if (n == 0 || n >= size)
		return false;
	memcpy(name, arg, n);
	name[n] = '\0';
	return true;
}

/* "<choice@FILE:LINE>" (or without the brackets), as the answers name a
 * choice: the choice symbol defined there. */
static const struct symbol *find_choice(const struct kctree *t, const char *arg, size_t n)
{
	const struct symbol *s;
	size_t i;
	char buf[300];

	if (n && arg[0] == '<' && arg[n - 1] == '>') {
		arg++;
		n -= 2;
	}
	if (n < 8 || strncmp(arg, "choice@", 7))
		return NULL;
	tree_for_each_sym(t, s, i)
		if (sym_is_choice(s) && s->menus) {
			loc_str(s->menus->loc, buf, sizeof(buf));
			if (strlen(buf) == n - 7 && !strncmp(buf, arg + 7, n - 7))
				return s;
		}
	return NULL;
}

int query_symbol(struct kctree *t, const char *arg, const struct symbol **out, char *val,
		 char **str, char *suggest, size_t size)
{
	char name[256];
	const char *eq = strchr(arg, '=');
	const struct symbol *s;

	*val = 0;
	*str = NULL;
	*out = NULL;
	s = find_choice(t, arg, eq ? (size_t)(eq - arg) : strlen(arg));
	if (!s) {
		if (!query_symbol_name(arg, name, sizeof(name))) {
			diag_fatal("bad symbol '%s'", arg);
			return -1;
		}
		s = sym_find(t, name);
		if (!s || !(s->flags & SYM_DEFINED)) {
			query_suggest(t, name, suggest, size);
			return 0;
		}
	}
	if (eq && (sym_is_bool_like(s) || sym_is_choice(s))) {
		if ((eq[1] != 'y' && eq[1] != 'm' && eq[1] != 'n') || eq[2]) {
			diag_fatal("'%s': the value is y, m or n", arg);
			return -1;
		}
		*val = eq[1];
	} else if (eq) {
		const char *v = eq + 1;
		size_t n = strlen(v);

		/* a string as a .config writes it, quoted, or bare */
		if (s->type == S_STRING && n >= 2 && v[0] == '"' && v[n - 1] == '"') {
			*str = xstrdup(v + 1);
			(*str)[n - 2] = '\0';
		} else {
			*str = xstrdup(v);
		}
		if (!value_valid(s->type, *str)) {
			diag_fatal("'%s': '%s' is not a%s %s value", arg, *str,
				   s->type == S_INT ? "n" : "", sym_type_name(s->type));
			free(*str);
			*str = NULL;
			return -1;
		}
		*val = '=';
	}
	*out = s;
	return 1;
}

int query_want_lit(struct model *m, const struct symbol *s, char val, const char *str)
{
	if (str)
		return model_str_is(m, s, str);
	if (!sym_is_bool_like(s) && !sym_is_choice(s))
		return model_dir_lit(m, s, false);	/* set: its dependencies hold */
	return val ? model_sym_is(m, s, val) : -model_sym_is(m, s, 'n');
}

void query_want_text(struct strbuf *sb, const struct symbol *s, char val, const char *str)
{
	char name[300];

	sb_adds(sb, sym_display_name(s, name, sizeof(name)));
	if (str && s->type == S_STRING)
		sb_addf(sb, "=\"%s\"", str);
	else if (str)
		sb_addf(sb, "=%s", str);
	else if (val)
		sb_addf(sb, "=%c", val);
}

/* A value of an int or hex domain as a number in one order; false if it
 * is none (empty, or out of range: not a number to the kernel either). */
static bool value_num(const char *v, enum sym_type type, long long *out)
{
	char *end;

	errno = 0;
	if (!*v)
		return false;
	if (type == S_HEX) {
		unsigned long long u = strtoull(v, &end, 16);

		if (*v == '-' || u > (unsigned long long)LLONG_MAX)
			return false;
		*out = (long long)u;
	} else {
		*out = strtoll(v, &end, 10);
	}
	return !*end && !errno;
}

static void num_text(struct strbuf *sb, long long v, enum sym_type type)
{
	if (type == S_HEX)
		sb_addf(sb, "0x%llx", (unsigned long long)v);
	else
		sb_addf(sb, "%lld", v);
}

struct dom_entry {
	long long v;
	bool rep, reach;
};

static int dom_entry_cmp(const void *a, const void *b)
{
	const struct dom_entry *x = a, *y = b;

	return (x->v > y->v) - (x->v < y->v);
}

void query_values(struct arch_ctx *a, const struct symbol *s, int lit, strvec *out)
{
	size_t n, nconst;
	const char *const *dom = model_domain(a->m, s, &n, &nconst);
	bool *reach = xcalloc(n + 1, sizeof(bool));
	VEC(struct dom_entry) nums = { 0 };
	struct strbuf sb = STRBUF_INIT;

	for (size_t k = 0; k < n; k++) {
		const char *v;

		if (reach[k])
			continue;
		sat_assume(a->s, lit);
		sat_assume(a->s, model_str_is(a->m, s, dom[k]));
		if (sat_solve(a->s) != SAT_SAT)
			continue;
		reach[k] = true;
		/* the solution's value is reachable too: one solve less */
		v = model_str_value(a->m, a->s, s);
		for (size_t j = 0; v && j < n; j++)
			if (!strcmp(dom[j], v))
				reach[j] = true;
	}
	/* what is not a number, first: the empty value, a string's constants */
	for (size_t k = 0; k < nconst; k++) {
		long long x;

		if (!reach[k] || (s->type != S_STRING && value_num(dom[k], s->type, &x)))
			continue;
		sb_reset(&sb);
		sb_addf(&sb, "\"%s\"", dom[k]);
		vec_push(*out, sb_detach(&sb));
	}
	if (s->type == S_STRING) {
		for (size_t k = nconst; k < n; k++)
			if (reach[k]) {
				vec_push(*out, xstrdup("any other string"));
				break;
			}
		goto done;
	}
	for (size_t k = 0; k < n; k++) {
		struct dom_entry e = { 0, k >= nconst, reach[k] };
		bool dup = false;

		if (!value_num(dom[k], s->type, &e.v))
			continue;
		for (size_t j = 0; j < nums.n; j++)
			if (nums.v[j].v == e.v) {	/* "16" and "0x10": one number */
				nums.v[j].reach |= e.reach;
				dup = true;
			}
		if (!dup)
			vec_push(nums, e);
	}
	if (nums.n)
		qsort(nums.v, nums.n, sizeof(*nums.v), dom_entry_cmp);
	/* Consecutive entries cover consecutive numbers (a gap between two
	 * constants has its representative), so reachable runs are intervals:
	 * a gap's end is its neighbour constant's next number, or unbounded. */
	for (size_t i = 0; i < nums.n; i++) {
		size_t e = i;
		bool lo_open, hi_open;
		long long lo, hi;

		if (!nums.v[i].reach)
			continue;
		while (e + 1 < nums.n && nums.v[e + 1].reach)
			e++;
		lo_open = nums.v[i].rep && i == 0 && s->type != S_HEX;
		hi_open = nums.v[e].rep && e + 1 == nums.n;
		lo = !nums.v[i].rep ? nums.v[i].v : i ? nums.v[i - 1].v + 1 : 0;
		hi = !nums.v[e].rep || hi_open ? nums.v[e].v : nums.v[e + 1].v - 1;
		sb_reset(&sb);
		if (lo_open && hi_open)
			sb_adds(&sb, "any");
		else if (!lo_open && !hi_open && lo == hi)
			num_text(&sb, lo, s->type);
		else {
			if (!lo_open)
				num_text(&sb, lo, s->type);
			sb_adds(&sb, "..");
			if (!hi_open)
				num_text(&sb, hi, s->type);
		}
		vec_push(*out, sb_detach(&sb));
		i = e;
	}
done:
	sb_release(&sb);
	vec_release(nums);
	free(reach);
}

void query_values_text(struct strbuf *sb, const strvec *items, bool compact)
{
	for (size_t k = 0; k < items->n; k++)
		sb_addf(sb, "%s%s", k ? compact ? "," : ", " : "", items->v[k]);
	if (!items->n)
		sb_adds(sb, compact ? "none" : "(none)");
}

/* One line of the core, as Kconfig writes it. */
void query_item_text(struct strbuf *sb, const struct selector *sel)
{
	if (sel->kind == ITEM_DEPENDS || sel->kind == ITEM_IF || sel->kind == ITEM_VISIBLE) {
		const struct dep_item *d = sel->item;

		sb_adds(sb, sel->kind == ITEM_IF ? "if " : sel->kind == ITEM_VISIBLE ? "visible if " :
			"depends on ");
		expr_print(sb, d->expr);
		return;
	}
	{
		const struct property *p = sel->item;

		switch (p->type) {
		case P_PROMPT:
			sb_addf(sb, "prompt \"%s\"", p->text);
			break;
		case P_DEFAULT:
			sb_adds(sb, "default ");
			expr_print(sb, p->expr);
			break;
		case P_SELECT:
		case P_IMPLY:
			sb_addf(sb, "%s %s", p->type == P_SELECT ? "select" : "imply", p->target->name);
			break;
		case P_RANGE:
			sb_adds(sb, "range ");
			expr_print_sym(sb, p->lo);
			sb_addc(sb, ' ');
			expr_print_sym(sb, p->hi);
			break;
		default:
			sb_adds(sb, item_kind_name(sel->kind));
		}
		if (p->cond) {
			sb_adds(sb, " if ");
			expr_print(sb, p->cond);
		}
	}
}

static const struct expr *item_expr(const struct selector *sel)
{
	if (sel->kind == ITEM_DEPENDS || sel->kind == ITEM_IF || sel->kind == ITEM_VISIBLE)
		return ((const struct dep_item *)sel->item)->expr;
	return ((const struct property *)sel->item)->cond;
}


/* From SYM outwards: first its own lines, then the lines of the symbols
 * those lines name, and so on; lines of blocks (if) come last. */
void query_order_chain(const struct symbol *s, struct selvec *in, struct selvec *out)
{
	query_order_chain_from(&s, 1, in, out);
}

void query_order_chain_from(const struct symbol *const *roots, size_t nroots, struct selvec *in,
			    struct selvec *out)
{
	symvec reach = { 0 };

	for (size_t i = 0; i < nroots; i++)
		vec_push(reach, roots[i]);
	for (size_t r = 0; r < reach.n; r++)
		for (size_t i = 0; i < in->n; i++) {
			const struct selector *sel = in->v[i];

			if (!sel || sel->sym != reach.v[r])
				continue;
			vec_push(*out, sel);
			in->v[i] = NULL;
			for (size_t j = 0; j < in->n; j++) {
				const struct selector *o = in->v[j];

				if (o && o->sym && expr_contains_sym(item_expr(sel), o->sym)) {
					bool seen = false;

					for (size_t k = 0; k < reach.n; k++)
						seen |= reach.v[k] == o->sym;
					if (!seen)
						vec_push(reach, o->sym);
				}
			}
		}
	for (size_t i = 0; i < in->n; i++)
		if (in->v[i])
			vec_push(*out, in->v[i]);
	vec_release(reach);
}


/* query_defined_elsewhere()'s job: is the name defined on arch i? */
struct elsewhere {
	const char *name;
	const struct load_config *c;
	strvec *out;
};

static int elsewhere_job(const struct load_config *c, size_t i, void *ctx, FILE *out,
			 struct strbuf *result)
{
	const struct elsewhere *e = ctx;
	struct kctree *t;
	const struct symbol *s;

	(void)out;
	diag_set_quiet_warnings(1);
	t = kctree_load(c, load_config_arch(c, i));
	if (!t)
		return EXIT_OK;	/* an arch that does not load defines nothing */
	s = sym_find(t, e->name);
	if (s && (s->flags & SYM_DEFINED))
		sb_adds(result, "defined");
	kctree_free(t);
	return EXIT_OK;
}

static void elsewhere_merge(void *ctx, size_t i, const char *result)
{
	const struct elsewhere *e = ctx;

	if (!strcmp(result, "defined"))
		vec_push(*e->out, xstrdup(load_config_arch(e->c, i)));
}

void query_defined_elsewhere(const struct load_config *c, const char *name, strvec *out)
{
	struct load_config other = *c;
	strvec all = { 0 };
	struct elsewhere e = { name, &other, out };

	*out = (strvec){ 0 };
	if (!c->arches.n || arch_list(c->srctree ? c->srctree : ".", &all) < 0)
		return;
	other.arches = (strvec){ 0 };
	for (size_t k = 0; k < all.n; k++)
		if (!strvec_contains(&c->arches, all.v[k]))
			vec_push(other.arches, xstrdup(all.v[k]));
	other.progress = false;
	if (other.arches.n)
		arch_for_each(&other, elsewhere_job, elsewhere_merge, &e, NULL);
	strvec_free_all(&other.arches);
	strvec_free_all(&all);
}

int query_unknown_symbol(const struct load_config *c, const char *arg, const char *suggest)
{
	return query_undefined_name(c, arg, suggest, false);
}

int query_undefined_name(const struct load_config *c, const char *arg, const char *suggest,
			 bool elsewhere_ok)
{
	int rc = EXIT_ERROR;
	char name[256];
	strvec on = { 0 };

	if (query_symbol_name(arg, name, sizeof(name)))
		query_defined_elsewhere(c, name, &on);
	if (on.n) {
		struct strbuf asked = STRBUF_INIT, where = STRBUF_INIT;

		for (size_t k = 0; k < c->arches.n; k++)
			sb_addf(&asked, "%s%s", k ? ", " : "", c->arches.v[k]);
		for (size_t k = 0; k < on.n; k++)
			sb_addf(&where, "%s%s", k ? ", " : "", on.v[k]);
		if (elsewhere_ok) {
			diag_note((struct loc){ 0, 0 }, "%s is not defined on %s, so it is n there; "
				  "it is defined on %s", name, sb_str(&asked), sb_str(&where));
			rc = EXIT_OK;
		} else {
			diag_fatal("%s is not defined on %s; it is defined on %s (use --arch)", name,
				   sb_str(&asked), sb_str(&where));
		}
		sb_release(&asked);
		sb_release(&where);
	} else if (suggest && *suggest) {
		diag_fatal("unknown symbol '%s' (did you mean '%s'?)", arg, suggest);
	} else {
		diag_fatal("unknown symbol '%s'", arg);
	}
	strvec_free_all(&on);
	return rc;
}

void query_merge_answer(void *ctx, size_t i, const char *result)
{
	struct sym_answer *a = ctx;

	(void)i;
	if (strstr(result, "reachable"))
		a->reachable = true;
	if (strstr(result, "bitcase"))
		a->any_case = true;
	if (strncmp(result, "undefined", 9))
		a->defined = true;
	else if (result[9] == ' ' && result[10] && !*a->suggest)
		snprintf(a->suggest, sizeof(a->suggest), "%s", result + 10);
}

void query_core_chain(const struct cnf *cnf, struct sat *S, const struct symbol *s,
		      struct selvec *out)
{
	struct selvec core = { 0 };

	for (const int *c = sat_core(S, true); *c; c++) {
		const struct selector *sel = cnf_selector_of(cnf, *c);

		if (sel)
			vec_push(core, sel);
	}
	query_order_chain(s, &core, out);
	vec_release(core);
}

/* The block a line of no symbol stands for: "the enclosing `if PCI`
 * block", "the enclosing menu "..."" (item: the line as written). */
static void enclosing_text(struct strbuf *sb, const struct selector *sel, const char *item)
{
	const struct menu *m = sel->menu;

	if (sel->kind == ITEM_IF)
		sb_addf(sb, "the enclosing `%s` block", item);
	else if (m && (m->kind == M_MENU || m->kind == M_COMMENT) && m->prompt)
		sb_addf(sb, "the enclosing %s \"%s\"", m->kind == M_MENU ? "menu" : "comment",
			m->prompt->text);
	else
		sb_adds(sb, "the enclosing block");
}

/* A line of a chain: its symbol's ("ZONE_DEVICE: depends on ..."), or, for a
 * line of no symbol, the block that encloses the line before it (the
 * enclosing `if PCI` block, the enclosing menu "...": depends on ...). */
void query_chain_item_text(struct strbuf *sb, const struct selector *sel)
{
	struct strbuf t = STRBUF_INIT;
	char l[300], name[300];

	query_item_text(&t, sel);
	loc_str(sel->loc, l, sizeof(l));
	if (sel->sym) {
		sb_addf(sb, "%s: %s  (%s)", sym_display_name(sel->sym, name, sizeof(name)),
			sb_str(&t), l);
	} else {
		enclosing_text(sb, sel, sb_str(&t));
		if (sel->kind == ITEM_IF)
			sb_addf(sb, "  (%s)", l);
		else
			sb_addf(sb, ": %s  (%s)", sb_str(&t), l);
	}
	sb_release(&t);
}

static bool sym_in(const symvec *v, const struct symbol *s)
{
	for (size_t k = 0; k < v->n; k++)
		if (v->v[k] == s)
			return true;
	return false;
}

/* The symbols e needs set: read outside any negation or comparison. */
static void needed_syms(const struct expr *e, symvec *out)
{
	if (!e)
		return;
	switch (e->type) {
	case E_SYMBOL:
		if (e->sym->name && !(e->sym->flags & SYM_CONST) && !sym_in(out, e->sym))
			vec_push(*out, e->sym);
		break;
	case E_AND:
	case E_OR:
		needed_syms(e->left, out);
		needed_syms(e->right, out);
		break;
	case E_UNEQUAL:
		/* X != n, as 7.0's `depends on A if B` writes !B */
		if ((e->rsym->flags & SYM_CONST) && !strcmp(e->rsym->name, "n") && e->sym->name &&
		    !(e->sym->flags & SYM_CONST) && !sym_in(out, e->sym))
			vec_push(*out, e->sym);
		break;
	default:
		break;
	}
}

/* Has x a line of its own in chain (its entry's, or a select or imply of
 * it)? */
static bool chain_has_sym(const struct selvec *chain, const struct symbol *x)
{
	for (size_t k = 0; k < chain->n; k++) {
		const struct selector *sel = chain->v[k];

		if (sel->sym == x)
			return true;
		if ((sel->kind == ITEM_SELECT || sel->kind == ITEM_IMPLY) &&
		    ((const struct property *)sel->item)->target == x)
			return true;
	}
	return false;
}

/* The symbols line i of chain leaves unexplained (query_chain_links_text). */
static void chain_links(const struct selvec *chain, size_t i, symvec *out)
{
	const struct selector *sel = chain->v[i];
	symvec need = { 0 };

	*out = (symvec){ 0 };
	if (sel->kind != ITEM_DEPENDS && sel->kind != ITEM_IF && sel->kind != ITEM_VISIBLE)
		return;
	needed_syms(((const struct dep_item *)sel->item)->expr, &need);
	for (size_t k = 0; k < need.n; k++) {
		const struct symbol *x = need.v[k];
		bool own = false;

		if (!sym_is_bool_like(x) || !(x->flags & SYM_DEFINED) || x->choice)
			continue;
		for (const struct property *p = x->props; p && !own; p = p->sym_next)
			own = p->type == P_PROMPT || p->type == P_DEFAULT;
		/* a line before i that names x already links it */
		for (size_t j = 0; j < i && !own; j++) {
			symvec before = { 0 };
			const struct selector *b = chain->v[j];

			if (b->kind == ITEM_DEPENDS || b->kind == ITEM_IF ||
			    b->kind == ITEM_VISIBLE)
				needed_syms(((const struct dep_item *)b->item)->expr, &before);
			own = sym_in(&before, x);
			vec_release(before);
		}
		if (!own && !x->implied_by && !chain_has_sym(chain, x))
			vec_push(*out, x);
	}
	vec_release(need);
}

void query_chain_links_text(struct strbuf *sb, const struct selvec *chain, size_t i,
			    const char *indent)
{
	symvec links;
	char l[300];

	chain_links(chain, i, &links);
	for (size_t k = 0; k < links.n; k++) {
		const struct symbol *x = links.v[k];
		unsigned shown = 0;

		sb_addf(sb, "%s%s: no prompt, ", indent, x->name);
		if (!x->selected_by)
			sb_adds(sb, "no default, and nothing selects it here: always n");
		else
			sb_adds(sb, "selected only by ");
		for (const struct property *p = x->selected_by; p; p = p->rev_next) {
			if (shown++ == 4) {
				sb_adds(sb, ", and more");
				break;
			}
			sb_addf(sb, "%s%s", shown > 1 ? ", " : "", p->menu->sym->name);
			if (p->cond) {
				sb_adds(sb, " if ");
				expr_print(sb, p->cond);
			}
			sb_addf(sb, "  (%s)", loc_str(p->loc, l, sizeof(l)));
		}
		sb_addc(sb, '\n');
	}
	vec_release(links);
}

void query_chain_links_json(struct json *j, const struct selvec *chain, size_t i)
{
	symvec links;
	struct strbuf t = STRBUF_INIT;
	char l[300];

	chain_links(chain, i, &links);
	if (links.n)
		json_karray(j, "no_prompt");
	for (size_t k = 0; k < links.n; k++) {
		json_object(j);
		json_kstring(j, "symbol", links.v[k]->name);
		json_karray(j, "selected_by");
		for (const struct property *p = links.v[k]->selected_by; p; p = p->rev_next) {
			json_object(j);
			json_kstring(j, "symbol", p->menu->sym->name);
			sb_reset(&t);
			if (p->cond)
				expr_print(&t, p->cond);
			json_kstring(j, "if", p->cond ? sb_str(&t) : NULL);
			json_kstring(j, "loc", loc_str(p->loc, l, sizeof(l)));
			json_end(j);
		}
		json_end(j);
		json_end(j);
	}
	if (links.n)
		json_end(j);
	sb_release(&t);
	vec_release(links);
}

void query_chain_item_json(struct json *j, const struct selector *sel)
{
	struct strbuf t = STRBUF_INIT;
	char l[300], name[300];

	query_item_text(&t, sel);
	json_kstring(j, "symbol", sel->sym ? sym_display_name(sel->sym, name, sizeof(name)) : NULL);
	json_kstring(j, "line", sb_str(&t));
	json_kstring(j, "loc", loc_str(sel->loc, l, sizeof(l)));
	if (!sel->sym) {
		struct strbuf b = STRBUF_INIT;

		enclosing_text(&b, sel, sb_str(&t));
		json_kstring(j, "enclosing", sb_str(&b));
		sb_release(&b);
	}
	sb_release(&t);
}

void query_core_chain_text(struct strbuf *sb, const struct cnf *cnf, struct sat *S,
			   const struct symbol *s)
{
	struct selvec chain = { 0 };

	query_core_chain(cnf, S, s, &chain);
	for (size_t j = 0; j < chain.n; j++) {
		if (sb->len)
			sb_adds(sb, "\n");
		query_chain_item_text(sb, chain.v[j]);
	}
	vec_release(chain);
}
