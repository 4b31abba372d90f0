/* kcsat lint: the facts of every arch merged into findings (see
 * include/lint.h and the fact list in src/lint.c).  The rule for "never":
 * a line is dead when no arch that reads its file gives it an effect; a
 * symbol is dead when no arch that defines it reaches it. */
#include "check/lint.h"

#include "kconfig/kconfig.h"

#include <stdlib.h>
#include <string.h>

#include "util/strbuf.h"
#include "util/xalloc.h"

struct fact {
	size_t arch;
	int n;
	char *f[9];
};

typedef VEC(char *) strvec;

struct merge {
	struct lint_run *L;
	const struct load_config *c;
	size_t narch;
	VEC(struct fact) facts;
	strvec *files;		/* by arch, sorted */
	strvec *defs;		/* by arch, sorted */
	VEC(struct fact *) pragmas;
	struct findings *out;
};

static const char *arch_name(const struct merge *M, size_t a)
{
	return M->c->arches.n ? M->c->arches.v[a] : "tree";
}

static char *unescape(char *s)
{
	char *w = s;

	for (char *r = s; *r; r++) {
		if (*r == '\\' && r[1]) {
			r++;
			*w++ = *r == 't' ? '\t' : *r == 'n' ? '\n' : *r;
		} else {
			*w++ = *r;
		}
	}
	*w = 0;
	return s;
}

static int str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool in_sorted(char **v, size_t n, const char *s)
{
	return n && bsearch(&s, v, n, sizeof(*v), str_cmp);
}

/* "file:line" -> file (copy) and line */
static char *split_loc(const char *loc, unsigned *line)
{
	const char *c = strrchr(loc, ':');

	if (!c) {
		*line = 0;
		return xstrdup(loc);
	}
	*line = (unsigned)strtoul(c + 1, NULL, 10);
	return xstrndup(loc, (size_t)(c - loc));
}

static bool reads(const struct merge *M, size_t a, const char *loc)
{
	unsigned line;
	char *file = split_loc(loc, &line);
	bool r = in_sorted(M->files[a].v, M->files[a].n, file);

	free(file);
	return r;
}

static size_t readers(const struct merge *M, const char *loc)
{
	size_t n = 0;

	for (size_t a = 0; a < M->narch; a++)
		n += reads(M, a, loc);
	return n;
}

static bool defined_on(const struct merge *M, size_t a, const char *sym)
{
	return in_sorted(M->defs[a].v, M->defs[a].n, sym);
}

static void parse_facts(struct merge *M)
{
	struct lint_run *L = M->L;

	M->files = xcalloc(M->narch, sizeof(*M->files));
	M->defs = xcalloc(M->narch, sizeof(*M->defs));
	for (size_t a = 0; a < M->narch && a < L->facts.n; a++) {
		char *save = NULL;

		if (!L->facts.v[a])
			continue;
		for (char *line = strtok_r(L->facts.v[a], "\n", &save); line;
		     line = strtok_r(NULL, "\n", &save)) {
			struct fact f = { .arch = a };
			char *p = line, *tok;

			if (!strncmp(line, "files\t", 6) || !strncmp(line, "defs\t", 5)) {
				strvec *dst = line[0] == 'f' ? &M->files[a] : &M->defs[a];

				strsep(&p, "\t");
				while ((tok = strsep(&p, "\t")))
					vec_push(*dst, tok);
				if (dst->n)
					qsort(dst->v, dst->n, sizeof(char *), str_cmp);
				continue;
			}
			while (f.n < 9 && (tok = strsep(&p, "\t")))
				f.f[f.n++] = unescape(tok);
			vec_push(M->facts, f);
		}
	}
}

/* Facts of one kind, sorted by their first nkey fields, then arch. */
static int nkey_sort;

static int fact_cmp(const void *pa, const void *pb)
{
	const struct fact *a = pa, *b = pb;
	int c = strcmp(a->f[0], b->f[0]);

	for (int k = 1; !c && k <= nkey_sort; k++)
		c = strcmp(k < a->n ? a->f[k] : "", k < b->n ? b->f[k] : "");
	if (c)
		return c;
	return a->arch < b->arch ? -1 : a->arch > b->arch;
}

static bool same_key(const struct fact *a, const struct fact *b, int nkey)
{
	if (strcmp(a->f[0], b->f[0]))
		return false;
	for (int k = 1; k <= nkey; k++)
		if (strcmp(k < a->n ? a->f[k] : "", k < b->n ? b->f[k] : ""))
			return false;
	return true;
}

/* Calls fn for each group of facts of kind with the same first nkey
 * fields. */
static void each_group(struct merge *M, const char *kind, int nkey,
		       void (*fn)(struct merge *M, struct fact *g, size_t n))
{
	size_t i = 0;

	nkey_sort = nkey;
	if (M->facts.n)
		qsort(M->facts.v, M->facts.n, sizeof(struct fact), fact_cmp);
	while (i < M->facts.n) {
		size_t j = i + 1;

		while (j < M->facts.n && same_key(&M->facts.v[i], &M->facts.v[j], nkey))
			j++;
		if (!strcmp(M->facts.v[i].f[0], kind))
			fn(M, &M->facts.v[i], j - i);
		i = j;
	}
}

/* ---- suppression ---- */

static bool suppressed(const struct merge *M, const char *entry, const char *check)
{
	for (size_t i = 0; entry && i < M->pragmas.n; i++) {
		const struct fact *p = M->pragmas.v[i];
		const char *d, *s;
		size_t n = strlen(check);

		if (p->n < 3 || strcmp(p->f[1], entry) || !(d = strstr(p->f[2], "disable=")))
			continue;
		for (s = d + 8; *s && *s != ' ';) {
			size_t len = strcspn(s, ", ");

			if ((len == n && !strncmp(s, check, n)) || (len == 3 && !strncmp(s, "all", 3)))
				return true;
			s += len;
			if (*s == ',')
				s++;
		}
	}
	return false;
}

static struct finding *add(struct merge *M, enum lint_check c, enum finding_level level,
			   const char *loc, const char *entry, const char *symbol, const char *key)
{
	unsigned line = 0;
	char *file = loc ? split_loc(loc, &line) : NULL;
	struct finding *f;

	if (!(M->L->enabled & (1u << c)) || suppressed(M, entry, lint_checks[c].name)) {
		free(file);
		return NULL;
	}
	f = finding_add(M->out, lint_checks[c].name, level, file, line, symbol, key);
	free(file);
	return f;
}

static void archs_text(struct strbuf *sb, const struct merge *M, const struct fact *g, size_t n)
{
	for (size_t k = 0; k < n; k++)
		sb_addf(sb, "%s%s", k ? ", " : "", arch_name(M, g[k].arch));
}

/* "on every arch" when all arches that read the line have it. */
static void where(struct strbuf *sb, const struct merge *M, const struct fact *g, size_t n,
		  size_t of)
{
	if (n == of && of > 1)
		sb_addf(sb, ", on all %zu arches that read it", of);
	else if (M->narch > 1 || M->c->arches.n) {
		sb_adds(sb, ", on ");
		archs_text(sb, M, g, n);
	}
}

static void add_arches(struct finding *f, const struct merge *M, const struct fact *g, size_t n)
{
	for (size_t k = 0; k < n; k++)
		finding_add_arch(f, arch_name(M, g[k].arch));
}

static void request(struct merge *M, size_t arch, const char *kind, const char *a, const char *b,
		    struct finding *f)
{
	struct lint_run *L = M->L;

	while (L->requests.n <= arch)
		vec_push(L->requests, ((struct strbuf)STRBUF_INIT));
	sb_addf(&L->requests.v[arch], "%s\t%s\t%s\n", kind, a, b);
	vec_push(L->pending, ((struct lint_request){ arch, xstrdup(kind), xstrdup(a), xstrdup(b), f }));
}

/* ---- one function per fact kind ---- */

static void g_cycle(struct merge *M, struct fact *g, size_t n)
{
	struct finding *f;

	if (g->n < 3)
		return;
	f = add(M, LC_RECURSIVE_DEP, LEVEL_WARNING, g->f[1], NULL, NULL, g->f[2]);
	if (!f)
		return;
	finding_set_message(f, "recursive dependency detected!");
	{	/* the kernel's tabs go: evidence is indented anyway */
		char *w = g->f[2];

		for (char *t = g->f[2]; *t; t++)
			if (*t != '\t')
				*w++ = *t;
		*w = 0;
	}
	finding_add_evidence(f, "%s", g->f[2]);
	add_arches(f, M, g, n);
}

static void g_undef(struct merge *M, struct fact *g, size_t n)
{
	const char *sym = g->f[1], *loc = g->f[2];
	struct strbuf sb = STRBUF_INIT;
	struct finding *f;
	size_t ndef = 0;

	if (g->n < 4)
		return;
	for (size_t a = 0; a < M->narch; a++)
		if (defined_on(M, a, sym)) {
			sb_addf(&sb, "%s%s", ndef ? ", " : "", arch_name(M, a));
			ndef++;
		}
	if (!ndef) {
		f = add(M, LC_UNDEFINED_SYM, LEVEL_WARNING, loc, g->f[3], sym, sym);
		if (f) {
			finding_set_message(f, "%s is referenced but defined on no arch", sym);
			add_arches(f, M, g, n);
		}
	} else if (n == readers(M, loc)) {
		f = add(M, LC_UNDEFINED_SYM, LEVEL_NOTE, loc, g->f[3], sym, sym);
		if (f) {
			finding_set_message(f, "%s is defined only on %s, which never read%s this line",
					    sym, sb_str(&sb), ndef > 1 ? "" : "s");
			add_arches(f, M, g, n);
		}
	}
	sb_release(&sb);
}

static void g_nonbool(struct merge *M, struct fact *g, size_t n)
{
	struct finding *f;

	if (g->n < 6)
		return;
	f = add(M, LC_SELECT_NONBOOL, LEVEL_WARNING, g->f[1], g->f[4], g->f[2], g->f[3]);
	if (!f)
		return;
	finding_set_message(f, "%s", g->f[5]);
	add_arches(f, M, g, n);
}

static void g_unmet(struct merge *M, struct fact *g, size_t n)
{
	struct strbuf sb = STRBUF_INIT, key = STRBUF_INIT;
	struct finding *f;

	if (g->n < 8)
		return;
	sb_addf(&key, "%s>%s", g->f[2], g->f[3]);
	f = add(M, LC_UNMET_SELECT, LEVEL_WARNING, g->f[1], g->f[4], g->f[3], sb_str(&key));
	if (f) {
		where(&sb, M, g, n, readers(M, g->f[1]));
		finding_set_message(f, "%s selects %s while %s's direct dependencies can be unmet%s",
				    g->f[2], g->f[3], g->f[3], sb_str(&sb));
		f->selector = xstrdup(g->f[2]);
		for (size_t k = 0; k < n; k++) {
			int bits = atoi(g[k].f[5]);

			/* the full story once, a line per other arch */
			if (!k) {
				finding_add_evidence(f, "%s%s: %s", arch_name(M, g[k].arch),
						     bits == 64 ? " 64-bit" : bits == 32 ? " 32-bit" : "", g[k].f[7]);
			} else {
				const char *nl = strchr(g[k].f[7], '\n');

				finding_add_evidence(f, "%s%s: %.*s", arch_name(M, g[k].arch),
						     bits == 64 ? " 64-bit" : bits == 32 ? " 32-bit" : "",
						     nl ? (int)(nl - g[k].f[7]) : (int)strlen(g[k].f[7]), g[k].f[7]);
			}
			if (strcmp(g[k].f[6], "-"))
				vec_push(f->witnesses, ((struct witness_ref){ xstrdup(arch_name(M, g[k].arch)), bits,
									      xstrdup(g[k].f[6]) }));
		}
		add_arches(f, M, g, n);
	}
	sb_release(&sb);
	sb_release(&key);
}

static void g_dead(struct merge *M, struct fact *g, size_t n)
{
	const char *sym = g->f[1];
	size_t ndef = 0, nany = 0, ny = 0, nm = 0;
	enum lint_check c = LC_DEAD_SYMBOL;
	struct finding *f;
	const char *val;
	struct strbuf key = STRBUF_INIT;

	for (size_t a = 0; a < M->narch; a++)
		ndef += defined_on(M, a, sym);
	for (size_t k = 0; k < n; k++) {
		nany += !strcmp(g[k].f[2], "any");
		ny += !strcmp(g[k].f[2], "y");
		nm += !strcmp(g[k].f[2], "m");
	}
	if (n < ndef || !ndef)
		return;		/* reachable on some arch */
	if (nany == n)
		val = "any";
	else if (ny && !nm)
		val = "y";
	else if (nm && !ny)
		val = "m";
	else
		return;
	sb_addf(&key, "%s=%s", sym, val);
	f = add(M, c, LEVEL_WARNING, g->f[3], g->f[3], sym, sb_str(&key));
	sb_release(&key);
	if (!f)
		return;
	if (!strcmp(val, "any"))
		finding_set_message(f, "%s can never be set (n on %s)", sym,
				    ndef > 1 ? "every arch that defines it" : "the arch that defines it");
	else
		finding_set_message(f, "%s can never be %s on any arch that defines it", sym, val);
	add_arches(f, M, g, n);
	for (size_t k = 0; k < n; k++)
		request(M, g[k].arch, "dead", sym, g[k].f[2], f);
}

static void g_prop(struct merge *M, struct fact *g, size_t n)
{
	const char *loc = g->f[1], *kind = g->f[2];
	size_t live = 0, shadowed = 0;
	enum lint_check c = !strcmp(kind, "default") ? LC_DEAD_DEFAULT :
			    !strcmp(kind, "prompt") ? LC_DEAD_PROMPT : LC_DEAD_SELECT;
	struct finding *f;
	struct strbuf sb = STRBUF_INIT, key = STRBUF_INIT;
	VEC(struct fact) eff = { 0 };

	if (g->n < 7 || n < readers(M, loc))
		return;		/* in effect on some arch */
	for (size_t k = 0; k < n; k++)
		if (strcmp(g[k].f[3], "void")) {
			live++;
			shadowed += !strcmp(g[k].f[3], "shadowed");
			vec_push(eff, g[k]);
		}
	if (!live)
		return;		/* the entry itself is dead: dead-symbol says it */
	sb_addf(&key, "%s %s", g->f[4], g->f[6]);
	f = add(M, c, LEVEL_WARNING, loc, g->f[5], g->f[4], sb_str(&key));
	sb_release(&key);
	if (f) {
		where(&sb, M, eff.v, eff.n, readers(M, loc));
		if (c == LC_DEAD_PROMPT)
			finding_set_message(f, "%s: `%s` is never visible%s", g->f[4], g->f[6], sb_str(&sb));
		else if (c == LC_DEAD_SELECT)
			finding_set_message(f, "%s: `%s` is never active%s", g->f[4], g->f[6], sb_str(&sb));
		else if (shadowed == live)
			finding_set_message(f, "%s: `%s` never takes effect: an earlier default always "
					    "applies first%s", g->f[4], g->f[6], sb_str(&sb));
		else
			finding_set_message(f, "%s: `%s` never takes effect%s", g->f[4], g->f[6], sb_str(&sb));
		if (live < n) {
			sb_reset(&sb);
			for (size_t k = 0, first = 1; k < n; k++)
				if (!strcmp(g[k].f[3], "void")) {
					sb_addf(&sb, "%s%s", first ? "" : ", ", arch_name(M, g[k].arch));
					first = 0;
				}
			finding_add_evidence(f, "(the whole entry is dead on %s)", sb_str(&sb));
		}
		add_arches(f, M, eff.v, eff.n);
	}
	vec_release(eff);
	sb_release(&sb);
}

static void g_redund(struct merge *M, struct fact *g, size_t n)
{
	const char *loc = g->f[1];
	size_t nr = 0, of;
	struct finding *f;
	struct strbuf sb = STRBUF_INIT, key = STRBUF_INIT;
	VEC(struct fact) red = { 0 };

	if (g->n < 7)
		return;
	for (size_t k = 0; k < n; k++)
		if (!strcmp(g[k].f[3], "redundant")) {
			nr++;
			vec_push(red, g[k]);
		}
	if (!nr)
		return;
	of = readers(M, loc);
	sb_addf(&key, "%s depends on %s", g->f[4], g->f[6]);
	if (n == of) {
		f = add(M, LC_REDUNDANT_DEP, LEVEL_WARNING, loc, g->f[5], g->f[4], sb_str(&key));
		if (f) {
			where(&sb, M, red.v, red.n, of);
			finding_set_message(f, "%s: `depends on %s` is implied by its other dependencies%s",
					    g->f[4], g->f[6], sb_str(&sb));
			add_arches(f, M, red.v, red.n);
			request(M, red.v[0].arch, "redund", loc, g->f[2], f);
		}
	} else {
		f = add(M, LC_REDUNDANT_DEP, LEVEL_NOTE, loc, g->f[5], g->f[4], sb_str(&key));
		if (f) {
			archs_text(&sb, M, red.v, red.n);
			finding_set_message(f, "%s: `depends on %s` is implied by its other dependencies "
					    "only on %s", g->f[4], g->f[6], sb_str(&sb));
			add_arches(f, M, red.v, red.n);
		}
	}
	vec_release(red);
	sb_release(&sb);
	sb_release(&key);
}

static void g_selvis(struct merge *M, struct fact *g, size_t n)
{
	struct finding *f;
	struct strbuf sb = STRBUF_INIT, key = STRBUF_INIT;

	if (g->n < 6)
		return;
	sb_addf(&key, "%s>%s", g->f[2], g->f[3]);
	f = add(M, LC_SELECT_VISIBLE, LEVEL_WARNING, g->f[1], g->f[4], g->f[3], sb_str(&key));
	if (f) {
		where(&sb, M, g, n, readers(M, g->f[1]));
		finding_set_message(f, "%s selects %s, which has a prompt visible while the select is "
				    "active%s", g->f[2], g->f[3], sb_str(&sb));
		finding_add_evidence(f, "%s's prompt: %s", g->f[3], g->f[5]);
		f->selector = xstrdup(g->f[2]);
		add_arches(f, M, g, n);
	}
	sb_release(&sb);
	sb_release(&key);
}

static void g_bits(struct merge *M, struct fact *g, size_t n)
{
	struct finding *f;
	struct strbuf sb = STRBUF_INIT, key = STRBUF_INIT;

	if (g->n < 4)
		return;
	for (size_t k = 1; k < n; k++)
		if (strcmp(g[k].f[2], g->f[2]))
			return;		/* 64-only here, 32-only there: not one story */
	sb_addf(&key, "%s %s", g->f[1], g->f[2]);
	f = add(M, LC_BITNESS_ONLY, LEVEL_WARNING, g->f[3], g->f[3], g->f[1], sb_str(&key));
	sb_release(&key);
	if (!f)
		return;
	if (M->c->arches.n) {
		sb_adds(&sb, " on ");
		archs_text(&sb, M, g, n);
	}
	finding_set_message(f, "%s can be set only with 64BIT=%s%s, and its entry does not say so",
			    g->f[1], !strcmp(g->f[2], "64") ? "y" : "n", sb_str(&sb));
	add_arches(f, M, g, n);
	request(M, g->arch, "bits", g->f[1], g->f[2], f);
	sb_release(&sb);
}

static void g_time(struct merge *M, struct fact *g, size_t n)
{
	for (size_t k = 0; k < n; k++) {
		int c = lint_check_by_name(g[k].f[1]);

		if (c >= 0)
			M->L->ms[c] += atof(g[k].f[2]);
		else if (!strcmp(g[k].f[1], "cover"))
			M->L->ms[LC_COUNT] += atof(g[k].f[2]);
		else if (!strcmp(g[k].f[1], "encode"))
			M->L->encode_ms += atof(g[k].f[2]);
		else if (!strcmp(g[k].f[1], "sample"))
			M->L->sample_ms += atof(g[k].f[2]);
		else if (!strcmp(g[k].f[1], "cones"))
			M->L->cone_ms += atof(g[k].f[2]);
	}
}

static void g_load(struct merge *M, struct fact *g, size_t n)
{
	for (size_t k = 0; k < n; k++)
		M->L->load_ms += atof(g[k].f[1]);
}

void lint_merge(struct lint_run *L, const struct load_config *c, struct findings *out)
{
	struct merge M = { .L = L, .c = c, .narch = load_config_count(c), .out = out };

	parse_facts(&M);
	for (size_t i = 0; i < M.facts.n; i++)
		if (!strcmp(M.facts.v[i].f[0], "pragma"))
			vec_push(M.pragmas, &M.facts.v[i]);
	/* pragmas point into facts: copy them before sorting moves facts */
	{
		struct fact *copy = xcalloc(M.pragmas.n + 1, sizeof(*copy));

		for (size_t i = 0; i < M.pragmas.n; i++) {
			copy[i] = *M.pragmas.v[i];
			M.pragmas.v[i] = &copy[i];
		}
		each_group(&M, "cycle", 2, g_cycle);
		each_group(&M, "undef", 2, g_undef);
		each_group(&M, "nonbool", 3, g_nonbool);
		each_group(&M, "unmet", 3, g_unmet);
		each_group(&M, "dead", 1, g_dead);
		each_group(&M, "prop", 2, g_prop);
		each_group(&M, "redund", 2, g_redund);
		each_group(&M, "selvis", 3, g_selvis);
		each_group(&M, "bits", 1, g_bits);
		each_group(&M, "time", 0, g_time);
		each_group(&M, "load", 0, g_load);
		free(copy);
	}
	for (size_t a = 0; a < M.narch; a++) {
		vec_release(M.files[a]);
		vec_release(M.defs[a]);
	}
	free(M.files);
	free(M.defs);
	vec_release(M.facts);
	vec_release(M.pragmas);
}

/* Round 2's answers ("ev" facts), sorted to be found by request. */
static int answer_key_cmp(size_t arch, const char *kind, const char *a, const char *b,
			  const struct fact *f)
{
	int c;

	if (arch != f->arch)
		return arch < f->arch ? -1 : 1;
	if ((c = strcmp(kind, f->f[1])) || (c = strcmp(a, f->f[2])))
		return c;
	return strcmp(b, f->f[3]);
}

static int answer_cmp(const void *x, const void *y)
{
	const struct fact *f = x;

	return answer_key_cmp(f->arch, f->f[1], f->f[2], f->f[3], y);
}

static const char *find_answer(const struct fact *v, size_t n, const struct lint_request *q)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = answer_key_cmp(q->arch, q->kind, q->a, q->b, &v[mid]);

		if (!c)
			return v[mid].f[4];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

/* Round 2's chains into the findings that asked, one block per distinct
 * chain with the arches that share it. */
void lint_add_evidence(struct lint_run *L, const struct load_config *o, struct findings *fs)
{
	VEC(struct fact) ans = { 0 };

	(void)fs;
	for (size_t a = 0; a < L->answers.n; a++) {
		char *save = NULL;

		if (!L->answers.v[a])
			continue;
		for (char *line = strtok_r(L->answers.v[a], "\n", &save); line;
		     line = strtok_r(NULL, "\n", &save)) {
			struct fact f = { .arch = a };
			char *p = line, *tok;

			while (f.n < 9 && (tok = strsep(&p, "\t")))
				f.f[f.n++] = unescape(tok);
			if (f.n == 5 && !strcmp(f.f[0], "ev")) {
				vec_push(ans, f);
				continue;
			}
			if (f.n == 3 && !strcmp(f.f[0], "time") && lint_check_by_name(f.f[1]) >= 0)
				L->evidence_ms[lint_check_by_name(f.f[1])] += atof(f.f[2]);
		}
	}
	if (ans.n)
		qsort(ans.v, ans.n, sizeof(*ans.v), answer_cmp);
	for (size_t r = 0; r < L->pending.n; r++) {
		struct lint_request *q = &L->pending.v[r];
		const char *text;

		if (!q->f || !q->kind || !(text = find_answer(ans.v, ans.n, q)))
			continue;
		{
			/* the arches of later requests of this finding with the
			 * same chain join this block (a finding's requests are
			 * made one after the other) */
			struct strbuf archs = STRBUF_INIT;

			sb_adds(&archs, o->arches.n ? o->arches.v[q->arch] : "tree");
			for (size_t r2 = r + 1; r2 < L->pending.n && L->pending.v[r2].f == q->f; r2++) {
				struct lint_request *q2 = &L->pending.v[r2];
				const char *t2 = q2->kind ? find_answer(ans.v, ans.n, q2) : NULL;

				if (t2 && !strcmp(t2, text)) {
					sb_addf(&archs, ", %s", o->arches.n ? o->arches.v[q2->arch] : "tree");
					free(q2->kind);
					q2->kind = NULL;
				}
			}
			if (!strcmp(q->kind, "redund"))
				finding_add_evidence(q->f, "implied by (%s):", sb_str(&archs));
			else if (!strcmp(q->kind, "bits"))
				finding_add_evidence(q->f, "blocked with 64BIT=%s (%s) by:",
						     !strcmp(q->b, "64") ? "n" : "y", sb_str(&archs));
			else
				finding_add_evidence(q->f, "blocked (%s) by:", sb_str(&archs));
			if (strcmp(text, "-") && strcmp(text, "")) {
				struct strbuf ind = STRBUF_INIT;

				sb_adds(&ind, "  ");
				for (const char *c = text; *c; c++) {
					sb_addc(&ind, *c);
					if (*c == '\n')
						sb_adds(&ind, "  ");
				}
				finding_add_evidence(q->f, "%s", sb_str(&ind));
				sb_release(&ind);
			} else if (!strcmp(q->kind, "redund")) {
				finding_add_evidence(q->f, "  (the entry's other dependencies, as written)");
			} else {
				finding_add_evidence(q->f, "  (no line: nothing in the tree can give it that value)");
			}
			sb_release(&archs);
		}
	}
	vec_release(ans);
}

void lint_run_release(struct lint_run *L)
{
	for (size_t i = 0; i < L->facts.n; i++)
		free(L->facts.v[i]);
	vec_release(L->facts);
	for (size_t i = 0; i < L->requests.n; i++)
		sb_release(&L->requests.v[i]);
	vec_release(L->requests);
	for (size_t i = 0; i < L->answers.n; i++)
		free(L->answers.v[i]);
	vec_release(L->answers);
	for (size_t i = 0; i < L->pending.n; i++) {
		free(L->pending.v[i].kind);
		free(L->pending.v[i].a);
		free(L->pending.v[i].b);
	}
	vec_release(L->pending);
}

int lint_tree(const struct load_config *o, struct lint_run *L, struct findings *fs)
{
	int rc;

	L->narch = load_config_count(o);
	L->round = 1;
	rc = arch_for_each(o, lint_arch, lint_collect, L, NULL);
	if (rc == EXIT_ERROR)
		return rc;
	lint_merge(L, o, fs);
	if (L->requests.n) {
		L->round = 2;
		rc = arch_for_each(o, lint_arch, lint_collect, L, NULL);
		if (rc == EXIT_ERROR)
			return rc;
		lint_add_evidence(L, o, fs);
	}
	findings_finish(fs);
	return EXIT_OK;
}
