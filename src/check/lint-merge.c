/* lint's merge: the facts of every arch into findings (see
 * include/check/lint.h and the fact kinds in lint-int.h), and the round 2
 * requests for their evidence.  The rule for "never": a line is dead when
 * no arch that reads its file gives it an effect; a symbol is dead when no
 * arch that defines it reaches it.  In a partial run (--arch naming some
 * arches) the others' files and definitions are known but not their
 * models: a finding that would claim something of them is a note, worded
 * for the loaded arches only. */
#include "lint-int.h"

#include <stdlib.h>
#include <string.h>

#include "kconfig/kconfig.h"
#include "util/xalloc.h"

struct fact {
	size_t arch, seq;	/* seq: order of arrival, the last sort key */
	struct record r;
};

typedef VEC(struct fact) factvec;

struct merge {
	struct lint *L;
	const struct load_config *c;
	size_t narch;		/* loaded arches, with facts */
	size_t nall;		/* and the others of a partial run: narch.. */
	factvec facts[LF_COUNT];	/* by kind */
	strvec *files;		/* by arch (nall), sorted */
	strvec *defs;		/* by arch (nall), sorted */
	struct findings *out;
};

static const char *F(const struct fact *f, const char *field)
{
	return rec_get(&f->r, field);
}

static bool reads(const struct merge *M, size_t a, const char *file)
{
	return strvec_has_sorted(&M->files[a], file);
}

/* How many arches read file: every one, loaded or not... */
static size_t readers(const struct merge *M, const char *file)
{
	size_t n = 0;

	for (size_t a = 0; a < M->nall; a++)
		n += reads(M, a, file);
	return n;
}

/* ...and of those, the ones a partial run did not load */
static size_t unloaded_readers(const struct merge *M, const char *file)
{
	size_t n = 0;

	for (size_t a = M->narch; a < M->nall; a++)
		n += reads(M, a, file);
	return n;
}

static bool defined_on(const struct merge *M, size_t a, const char *sym)
{
	return strvec_has_sorted(&M->defs[a], sym);
}

/* A names field (one per line) as a sorted list pointing into it. */
static void names(char *text, strvec *out)
{
	for (char *p = text; *p;) {
		char *nl = strchr(p, '\n');

		vec_push(*out, p);
		if (!nl)
			break;
		*nl = '\0';
		p = nl + 1;
	}
	strvec_sort(out);
}

static void read_facts(struct merge *M)
{
	struct lint *L = M->L;
	size_t seq = 0;

	M->files = xcalloc(M->nall, sizeof(*M->files));
	M->defs = xcalloc(M->nall, sizeof(*M->defs));
	for (size_t a = 0; a < M->nall; a++) {
		struct record_reader rd;
		struct fact f = { .arch = a };
		char *text = a < M->narch ? (a < L->facts.n ? L->facts.v[a] : NULL) :
			     a - M->narch < L->others_facts.n ? L->others_facts.v[a - M->narch] : NULL;

		if (!text)
			continue;
		rec_reader_init(&rd, text, lint_facts, LF_COUNT);
		while (rec_read(&rd, &f.r)) {
			enum lint_fact k = (enum lint_fact)(f.r.kind - lint_facts);

			if (k == LF_FILES || k == LF_DEFS) {
				names(f.r.f[0], k == LF_FILES ? &M->files[a] : &M->defs[a]);
				continue;
			}
			if (a >= M->narch)
				continue;	/* an unloaded arch has no other facts */
			f.seq = seq++;
			vec_push(M->facts[k], f);
		}
		L->bad += rd.bad;
	}
}

/* ---- groups: facts of one kind with the same key, by arch ---- */

/* A key part: one field, or a location (file, line) that compares as its
 * "file:line" text does, so groups come in the order they always did
 * (round 2 answers its requests in that order). */
struct key {
	const char *field, *line;
};

struct key_index {
	size_t n, field[4];
	int line[4];		/* -1: not a location */
};

/* strcmp of "fa:la" and "fb:lb" without building them */
static int loc_text_cmp(const char *fa, const char *la, const char *fb, const char *lb)
{
	const char *pa = fa, *pb = fb;
	int sa = 0, sb = 0;	/* 0: in the file, 1: the colon, 2: in the line */

	for (;;) {
		int ca, cb;

		if (sa == 0 && !*pa)
			sa = 1;
		if (sb == 0 && !*pb)
			sb = 1;
		ca = sa == 1 ? ':' : (unsigned char)*pa;
		cb = sb == 1 ? ':' : (unsigned char)*pb;
		if (ca != cb)
			return ca - cb;
		if (!ca)
			return 0;
		if (sa == 1) {
			sa = 2;
			pa = la;
		} else {
			pa++;
		}
		if (sb == 1) {
			sb = 2;
			pb = lb;
		} else {
			pb++;
		}
	}
}

static int key_cmp(const struct fact *a, const struct fact *b, const struct key_index *k)
{
	for (size_t i = 0; i < k->n; i++) {
		size_t f = k->field[i];
		int c = k->line[i] < 0 ? strcmp(a->r.f[f], b->r.f[f])
				       : loc_text_cmp(a->r.f[f], a->r.f[k->line[i]], b->r.f[f],
						      b->r.f[k->line[i]]);

		if (c)
			return c;
	}
	return 0;
}

static int fact_cmp(const void *pa, const void *pb, void *ctx)
{
	const struct fact *a = pa, *b = pb;
	int c = key_cmp(a, b, ctx);

	if (c)
		return c;
	if (a->arch != b->arch)
		return a->arch < b->arch ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

typedef void group_fn(struct merge *M, struct fact *g, size_t n);

/* Calls fn for each group of facts of kind with the same key. */
static void each_group(struct merge *M, enum lint_fact kind, const struct key *key, size_t nkey,
		       group_fn *fn)
{
	factvec *v = &M->facts[kind];
	struct key_index k = { .n = nkey };
	size_t i = 0;

	for (size_t j = 0; j < nkey; j++) {
		k.field[j] = rec_field_index(&lint_facts[kind], key[j].field);
		k.line[j] = key[j].line ? (int)rec_field_index(&lint_facts[kind], key[j].line) : -1;
	}
	if (v->n)
		qsort_r(v->v, v->n, sizeof(struct fact), fact_cmp, &k);
	while (i < v->n) {
		size_t j = i + 1;

		while (j < v->n && !key_cmp(&v->v[i], &v->v[j], &k))
			j++;
		fn(M, &v->v[i], j - i);
		i = j;
	}
}

/* ---- suppression ---- */

static bool suppressed(const struct merge *M, const char *efile, const char *eline,
		       const char *check)
{
	const factvec *pr = &M->facts[LF_PRAGMA];
	size_t n = strlen(check);

	for (size_t i = 0; efile && i < pr->n; i++) {
		const struct fact *p = &pr->v[i];
		const char *d, *s;

		if (strcmp(F(p, "efile"), efile) || strcmp(F(p, "eline"), eline) ||
		    !(d = strstr(F(p, "text"), "disable=")))
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

/* A finding of check c in class cls (NULL: none; its severity follows,
 * LINT_CLASSES) at g's line ("file", "line"), unless the check is off or
 * suppressed in the entry (efile, eline fields; NULL: none). */
static struct finding *add(struct merge *M, enum lint_check c, const char *cls,
			   const struct fact *g, const char *efile, const char *eline,
			   const char *symbol, const char *key)
{
	struct finding *f;
	uint32_t line;

	if (!lint_on(M->L, c) ||
	    (efile && suppressed(M, F(g, efile), F(g, eline), lint_checks[c].doc.name)))
		return NULL;
	if (!rec_get_u32(&g->r, "line", &line)) {
		M->L->bad++;
		return NULL;
	}
	f = finding_add(M->out, lint_checks[c].doc.name, lint_class_level(c, cls), F(g, "file"), line,
			symbol, key);
	finding_set_class(f, cls);
	return f;
}

/* The class the facts g[0..n) agree on, else the first one's. */
static const char *class_of(const struct fact *g, size_t n)
{
	/* "undefined" only when every arch says so: where the symbol is
	 * defined, the entry is dead for another reason */
	for (size_t k = 0; k < n; k++)
		if (strcmp(F(&g[k], "class"), "undefined"))
			return *F(&g[k], "class") ? F(&g[k], "class") : NULL;
	return n ? "undefined" : NULL;
}

static const char *arch_name(const struct merge *M, size_t a)
{
	return a < M->narch ? lint_arch_name(M->c, a) : M->L->others.v[a - M->narch];
}

/* "not checked on the N other arches that VERB it" for the arches a
 * partial run did not load that read the file (defs: define the symbol)
 * key; an arch loaded by one bitness only is no other arch, what was left
 * of it is named instead ("nor on i386", lint_other_label()). */
static void not_checked(struct strbuf *sb, const struct merge *M, const char *key, bool defs,
			const char *verb)
{
	struct strbuf halves = STRBUF_INIT;
	size_t full = 0;

	for (size_t a = M->narch; a < M->nall; a++) {
		struct strbuf lb = STRBUF_INIT;

		if (!(defs ? defined_on(M, a, key) : reads(M, a, key)))
			continue;
		if (lint_other_label(M->c, arch_name(M, a), &lb))
			sb_addf(&halves, "%s%s", halves.len ? ", " : "", sb_str(&lb));
		else
			full++;
		sb_release(&lb);
	}
	sb_adds(sb, "not checked on ");
	if (full)
		sb_addf(sb, "the %zu other arch%s that %s%s it", full, full > 1 ? "es" : "", verb,
			full > 1 ? "" : "s");
	if (full && halves.len)
		sb_adds(sb, ", nor on ");
	sb_adds(sb, sb_str(&halves));
	sb_release(&halves);
}

/* A partial run's wording: what holds on the loaded arches of g, and
 * which arches that read the line (or define the symbol) were not asked. */
static void loaded_only(struct strbuf *sb, const struct merge *M, const struct fact *g, size_t n,
			const char *key, bool defs, const char *verb)
{
	sb_adds(sb, " on the loaded arches (");
	for (size_t k = 0; k < n; k++)
		sb_addf(sb, "%s%s", k ? ", " : "", arch_name(M, g[k].arch));
	sb_adds(sb, "); ");
	not_checked(sb, M, key, defs, verb);
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
	if (n == of && of > 1 && !M->L->others.n)
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

/* ---- one function per fact kind ---- */

static void g_cycle(struct merge *M, struct fact *g, size_t n)
{
	struct finding *f = add(M, LC_RECURSIVE_DEP, NULL, g, NULL,
				NULL, NULL, F(g, "text"));
	char *text, *w;

	if (!f)
		return;
	finding_set_message(f, "recursive dependency detected!");
	/* the kernel's tabs go: evidence is indented anyway */
	text = xstrdup(F(g, "text"));
	w = text;
	for (char *t = text; *t; t++)
		if (*t != '\t')
			*w++ = *t;
	*w = 0;
	finding_add_evidence(f, "%s", text);
	free(text);
	add_arches(f, M, g, n);
}

static void g_undef(struct merge *M, struct fact *g, size_t n)
{
	const char *sym = F(g, "sym");
	struct strbuf sb = STRBUF_INIT;
	struct finding *f;
	size_t ndef = 0;

	for (size_t a = 0; a < M->nall; a++)
		if (defined_on(M, a, sym)) {
			sb_addf(&sb, "%s%s", ndef ? ", " : "", arch_name(M, a));
			ndef++;
		}
	if (!ndef) {
		f = add(M, LC_UNDEFINED_SYM, NULL, g, "efile", "eline", sym, sym);
		if (f) {
			finding_set_message(f, "%s is referenced but defined on no arch", sym);
			add_arches(f, M, g, n);
		}
	} else if (n == readers(M, F(g, "file"))) {
		f = add(M, LC_UNDEFINED_SYM, "elsewhere", g, "efile", "eline", sym, sym);
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
	struct finding *f = add(M, LC_SELECT_NONBOOL, NULL, g,
				"efile", "eline", F(g, "sym"), F(g, "target"));

	if (!f)
		return;
	finding_set_message(f, "%s", F(g, "why"));
	add_arches(f, M, g, n);
}

/* On every arch where the line reads a transitional symbol (a symbol may be
 * transitional on some arches only: each arch's tree defines it). */
static void g_transref(struct merge *M, struct fact *g, size_t n)
{
	const char *sym = F(g, "sym"), *target = F(g, "target");
	struct finding *f = add(M, LC_TRANSITIONAL_REF, NULL, g,
				"efile", "eline", *sym ? sym : NULL, target);

	if (!f)
		return;
	finding_set_message(f, "%s%s%s %s, a transitional symbol: it is never saved, so it reads "
			    "%s once the configuration is saved", sym, *sym ? ": " : "", F(g, "what"),
			    target, F(g, "value"));
	add_arches(f, M, g, n);
}

/* The case of fact g: "x86 64-bit", "arm64 64-bit" (the bitness even
 * where the arch fixes it), "tree" for a plain tree. */
static void case_label(struct strbuf *sb, const struct merge *M, const struct fact *g)
{
	int bits = 0;

	rec_get_int(&g->r, "bits", &bits);
	sb_adds(sb, arch_name(M, g->arch));
	if (bits)
		sb_addf(sb, " %d-bit", bits);
}

/* Whether texts a and b have the same first line. */
static bool same_first_line(const char *a, const char *b)
{
	size_t la = strcspn(a, "\n");

	return la == strcspn(b, "\n") && !strncmp(a, b, la);
}

/* An unmet select's evidence: its first line once per distinct text,
 * with the cases that give it ("on x86 64-bit, arm64 64-bit: PCI_STUB=y
 * selects ..."), the first case's whole story after its line. */
static void unmet_evidence(struct merge *M, struct finding *f, const struct fact *g, size_t n)
{
	for (size_t k = 0; k < n; k++) {
		const char *ev = F(&g[k], "evidence");
		struct strbuf cases = STRBUF_INIT;
		bool first = true;

		for (size_t j = 0; j < k && first; j++)
			first = !same_first_line(F(&g[j], "evidence"), ev);
		if (!first)
			continue;
		for (size_t j = k; j < n; j++)
			if (same_first_line(F(&g[j], "evidence"), ev)) {
				sb_adds(&cases, cases.len ? ", " : "");
				case_label(&cases, M, &g[j]);
			}
		finding_add_evidence(f, "on %s: %.*s", sb_str(&cases),
				     k ? (int)strcspn(ev, "\n") : (int)strlen(ev), ev);
		sb_release(&cases);
	}
}

static void g_unmet(struct merge *M, struct fact *g, size_t n)
{
	const char *sym = F(g, "sym"), *target = F(g, "target");
	struct strbuf sb = STRBUF_INIT, key = STRBUF_INIT;
	struct finding *f;
	size_t toolchain = 0;

	/* toolchain-dependent: on every arch it rests on $(shell,...)
	 * probes (a compiler flag accepted, another refused) that a real
	 * toolchain may never give together; a note, the results named.
	 * Needing only clang (not gcc) is no such doubt: a warning. */
	for (size_t k = 0; k < n; k++)
		toolchain += !strcmp(F(&g[k], "probe"), "1");
	sb_addf(&key, "%s>%s", sym, target);
	f = add(M, LC_UNMET_SELECT, toolchain == n ? "toolchain-dependent" : NULL, g, "efile",
		"eline", target, sb_str(&key));
	if (f) {
		where(&sb, M, g, n, readers(M, F(g, "file")));
		finding_set_message(f, "%s selects %s while %s's direct dependencies can be unmet%s",
				    sym, target, target, sb_str(&sb));
		f->selector = xstrdup(sym);
		unmet_evidence(M, f, g, n);
		for (size_t k = 0; k < n; k++) {
			const char *arch = arch_name(M, g[k].arch);
			int bits;

			if (!rec_get_int(&g[k].r, "bits", &bits)) {
				M->L->bad++;
				continue;
			}
			if (strcmp(F(&g[k], "witness"), "-"))
				vec_push(f->witnesses, ((struct witness_ref){
					xstrdup(arch), bits, xstrdup(F(&g[k], "witness")),
					strcmp(F(&g[k], "fragment"), "-") ? xstrdup(F(&g[k], "fragment"))
									 : NULL }));
		}
		for (size_t k = 0; k < n; k++)
			if (*F(&g[k], "shell")) {
				struct strbuf label = STRBUF_INIT;

				case_label(&label, M, &g[k]);
				finding_add_evidence(f, "%s: %sholds only if %s", sb_str(&label),
						     strcmp(F(&g[k], "probe"), "1") ? "" : "toolchain-dependent: ",
						     F(&g[k], "shell"));
				sb_release(&label);
			}
		add_arches(f, M, g, n);
	}
	sb_release(&sb);
	sb_release(&key);
}

static void g_dead(struct merge *M, struct fact *g, size_t n)
{
	const char *sym = F(g, "sym");
	size_t ndef = 0, nany = 0, ny = 0, nm = 0, unloaded = 0;
	struct finding *f;
	const char *val, *cls;
	struct strbuf key = STRBUF_INIT, sb = STRBUF_INIT;

	for (size_t a = 0; a < M->nall; a++)
		if (defined_on(M, a, sym))
			*(a < M->narch ? &ndef : &unloaded) += 1;
	for (size_t k = 0; k < n; k++) {
		const char *v = F(&g[k], "value");

		nany += !strcmp(v, "any");
		ny += !strcmp(v, "y");
		nm += !strcmp(v, "m");
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
	cls = class_of(g, n);
	if (cls && !strcmp(cls, "undefined")) {
		if (!unloaded)
			return;		/* undefined-symbol says it */
		cls = NULL;	/* it may be defined where it was not loaded */
	}
	sb_addf(&key, "%s=%s", sym, val);
	f = add(M, LC_DEAD_SYMBOL, cls, g, "file", "line", sym, sb_str(&key));
	if (f && unloaded)
		f->level = LEVEL_NOTE;
	sb_release(&key);
	if (!f)
		return;
	if (unloaded) {
		loaded_only(&sb, M, g, n, sym, true, "define");
		if (!strcmp(val, "any"))
			finding_set_message(f, "%s can never be set%s", sym, sb_str(&sb));
		else
			finding_set_message(f, "%s can never be %s%s", sym, val, sb_str(&sb));
		sb_release(&sb);
		add_arches(f, M, g, n);
		return;
	}
	if (!strcmp(val, "any"))
		finding_set_message(f, "%s can never be set (n on %s)", sym,
				    ndef > 1 ? "every arch that defines it" : "the arch that defines it");
	else
		finding_set_message(f, "%s can never be %s on any arch that defines it", sym, val);
	add_arches(f, M, g, n);
	for (size_t k = 0; k < n; k++)
		lint_request_dead(M->L, g[k].arch, &g[k].r, val, f);
}

/* The facts' "why" lines as evidence: once when every arch gives the same,
 * else a block per distinct text with its arches. */
static void why_blocks(struct finding *f, const struct merge *M, const struct fact *g, size_t n)
{
	bool same = true;

	for (size_t k = 1; k < n; k++)
		same = same && !strcmp(F(&g[k], "why"), F(g, "why"));
	for (size_t k = 0; k < n; k++) {
		const char *why = F(&g[k], "why");
		struct strbuf archs = STRBUF_INIT;
		bool first = true;

		if (!*why)
			continue;
		if (same) {
			finding_add_evidence(f, "%s", why);
			break;
		}
		for (size_t j = 0; j < k && first; j++)
			first = strcmp(F(&g[j], "why"), why) != 0;
		if (!first)
			continue;
		for (size_t j = k; j < n; j++)
			if (!strcmp(F(&g[j], "why"), why))
				sb_addf(&archs, "%s%s", archs.len ? ", " : "", arch_name(M, g[j].arch));
		finding_add_evidence(f, "(%s) %s", sb_str(&archs), why);
		sb_release(&archs);
	}
}

static void g_prop(struct merge *M, struct fact *g, size_t n)
{
	const char *kind = F(g, "kind"), *sym = F(g, "label"), *text = F(g, "text");
	const char *symbol = *F(g, "sym") ? F(g, "sym") : NULL, *cls;
	size_t live = 0, shadowed = 0, of = readers(M, F(g, "file"));
	size_t unloaded = unloaded_readers(M, F(g, "file"));
	enum lint_check c = !strcmp(kind, "default") ? LC_DEAD_DEFAULT :
			    !strcmp(kind, "prompt") ? LC_DEAD_PROMPT : LC_DEAD_SELECT;
	struct finding *f;
	struct strbuf sb = STRBUF_INIT, key = STRBUF_INIT;
	factvec eff = { 0 };

	if (n < of - unloaded)
		return;		/* in effect on some arch */
	for (size_t k = 0; k < n; k++)
		if (strcmp(F(&g[k], "status"), "void")) {
			live++;
			shadowed += !strcmp(F(&g[k], "status"), "shadowed");
			vec_push(eff, g[k]);
		}
	if (!live)
		return;		/* the entry itself is dead: dead-symbol says it */
	cls = class_of(eff.v, eff.n);
	if (cls && !strcmp(cls, "undefined") && unloaded)
		cls = NULL;	/* it may be defined where it was not loaded */
	if (cls && !strcmp(cls, "undefined")) {
		vec_release(eff);
		return;		/* undefined-symbol says it */
	}
	sb_addf(&key, "%s %s", sym, text);
	f = add(M, c, cls, g, "efile", "eline", symbol, sb_str(&key));
	if (f && unloaded)
		f->level = LEVEL_NOTE;
	sb_release(&key);
	if (f) {
		if (unloaded)
			loaded_only(&sb, M, eff.v, eff.n, F(g, "file"), false, "read");
		else
			where(&sb, M, eff.v, eff.n, of);
		if (c == LC_DEAD_PROMPT)
			finding_set_message(f, "%s: `%s` is never visible%s", sym, text, sb_str(&sb));
		else if (c == LC_DEAD_SELECT)
			finding_set_message(f, "%s: `%s` is never active%s", sym, text, sb_str(&sb));
		else if (shadowed == live)
			finding_set_message(f, "%s: `%s` never takes effect: an earlier default always "
					    "applies first%s", sym, text, sb_str(&sb));
		else
			finding_set_message(f, "%s: `%s` never takes effect%s", sym, text, sb_str(&sb));
		if (live < n) {
			sb_reset(&sb);
			for (size_t k = 0, first = 1; k < n; k++)
				if (!strcmp(F(&g[k], "status"), "void")) {
					sb_addf(&sb, "%s%s", first ? "" : ", ", arch_name(M, g[k].arch));
					first = 0;
				}
			finding_add_evidence(f, "(the whole entry is dead on %s)", sb_str(&sb));
		}
		why_blocks(f, M, eff.v, eff.n);
		add_arches(f, M, eff.v, eff.n);
	}
	vec_release(eff);
	sb_release(&sb);
}

static void g_redund(struct merge *M, struct fact *g, size_t n)
{
	const char *sym = F(g, "label"), *text = F(g, "text");
	const char *symbol = *F(g, "sym") ? F(g, "sym") : NULL;
	size_t of, unloaded;
	struct finding *f;
	struct strbuf sb = STRBUF_INIT, key = STRBUF_INIT;
	factvec red = { 0 };

	for (size_t k = 0; k < n; k++)
		if (!strcmp(F(&g[k], "status"), "redundant"))
			vec_push(red, g[k]);
	if (!red.n)
		return;
	of = readers(M, F(g, "file"));
	unloaded = unloaded_readers(M, F(g, "file"));
	sb_addf(&key, "%s depends on %s", sym, text);
	if (unloaded && n == of - unloaded) {
		f = add(M, LC_REDUNDANT_DEP, "partial", g, "efile", "eline", symbol, sb_str(&key));
		if (f) {
			loaded_only(&sb, M, red.v, red.n, F(g, "file"), false, "read");
			finding_set_message(f, "%s: `depends on %s` is implied by its other dependencies%s",
					    sym, text, sb_str(&sb));
			add_arches(f, M, red.v, red.n);
		}
	} else if (n == of) {
		const char *cls = class_of(red.v, red.n);

		f = add(M, LC_REDUNDANT_DEP, cls, g, "efile", "eline", symbol, sb_str(&key));
		if (f) {
			where(&sb, M, red.v, red.n, of);
			if (cls && !strcmp(cls, "duplicate"))
				finding_set_message(f, "%s: `depends on %s` repeats a term of its other "
						    "dependencies%s", sym, text, sb_str(&sb));
			else if (cls && !strcmp(cls, "enclosing"))
				finding_set_message(f, "%s: `depends on %s` is implied by an enclosing "
						    "dependency%s", sym, text, sb_str(&sb));
			else
				finding_set_message(f, "%s: `depends on %s` is implied by its other "
						    "dependencies%s%s", sym, text, sb_str(&sb),
						    cls && !strcmp(cls, "bitness") ?
						    "; it documents a bitness requirement" : "");
			add_arches(f, M, red.v, red.n);
			if (*F(red.v, "via")) {
				/* a repeat: the line it repeats holds on every arch */
				finding_add_evidence(f, "repeats:");
				finding_add_evidence(f, "  %s", F(red.v, "via"));
			} else if (cls && !strcmp(cls, "bitness")) {
				/* a chain per arch (arches with the same chain share a
				 * block), none resting on one arch's 64BIT constant */
				for (size_t k = 0; k < red.n; k++)
					lint_request(M->L, red.v[k].arch, LQ_REDUND, &red.v[k].r, f);
			} else {
				/* the first arch's chain, checked on the others in
				 * round 3 (a chain computed per arch for every class
				 * costs round 2 minutes of CPU on 6.12) */
				lint_request(M->L, red.v[0].arch, LQ_REDUND, &red.v[0].r, f);
				for (size_t k = 1; k < red.n; k++)
					lint_request_later(M->L, red.v[k].arch, &red.v[k].r);
			}
		}
	} else {
		f = add(M, LC_REDUNDANT_DEP, "partial", g, "efile", "eline", symbol, sb_str(&key));
		if (f) {
			archs_text(&sb, M, red.v, red.n);
			if (unloaded) {
				sb_adds(&sb, " of the loaded arches (");
				not_checked(&sb, M, F(g, "file"), false, "read");
				sb_addc(&sb, ')');
			}
			finding_set_message(f, "%s: `depends on %s` is implied by its other dependencies "
					    "only on %s", sym, text, sb_str(&sb));
			add_arches(f, M, red.v, red.n);
		}
	}
	vec_release(red);
	sb_release(&sb);
	sb_release(&key);
}

static void g_intcond(struct merge *M, struct fact *g, size_t n)
{
	const char *target = F(g, "target");
	struct finding *f;
	struct strbuf key = STRBUF_INIT;

	sb_addf(&key, "%s %s", F(g, "label"), target);
	f = add(M, LC_INT_AS_COND, NULL, g, "efile", "eline", target, sb_str(&key));
	if (f) {
		finding_set_message(f, "%s: %s %s, which is %s: read as a condition it is always n",
				    F(g, "label"), F(g, "what"), target, F(g, "type"));
		add_arches(f, M, g, n);
	}
	sb_release(&key);
}

static void g_selvis(struct merge *M, struct fact *g, size_t n)
{
	const char *sym = F(g, "sym"), *target = F(g, "target");
	struct finding *f;
	struct strbuf sb = STRBUF_INIT, key = STRBUF_INIT;

	sb_addf(&key, "%s>%s", sym, target);
	f = add(M, LC_SELECT_VISIBLE, NULL, g, "efile", "eline",
		target, sb_str(&key));
	if (f) {
		where(&sb, M, g, n, readers(M, F(g, "file")));
		finding_set_message(f, "%s selects %s, which has a prompt visible while the select is "
				    "active%s", sym, target, sb_str(&sb));
		finding_add_evidence(f, "%s's prompt: %s", target, F(g, "prompt"));
		f->selector = xstrdup(sym);
		add_arches(f, M, g, n);
	}
	sb_release(&sb);
	sb_release(&key);
}

static void g_bits(struct merge *M, struct fact *g, size_t n)
{
	const char *sym = F(g, "sym"), *only = F(g, "only");
	struct finding *f;
	struct strbuf sb = STRBUF_INIT, key = STRBUF_INIT;

	for (size_t k = 1; k < n; k++)
		if (strcmp(F(&g[k], "only"), only))
			return;		/* 64-only here, 32-only there: not one story */
	sb_addf(&key, "%s %s", sym, only);
	f = add(M, LC_BITNESS_ONLY, NULL, g, "file", "line", sym,
		sb_str(&key));
	sb_release(&key);
	if (!f)
		return;
	if (M->c->arches.n) {
		sb_adds(&sb, " on ");
		archs_text(&sb, M, g, n);
	}
	finding_set_message(f, "%s can be set only with 64BIT=%s%s, and its entry does not say so",
			    sym, !strcmp(only, "64") ? "y" : "n", sb_str(&sb));
	add_arches(f, M, g, n);
	lint_request(M->L, g->arch, LQ_BITS, &g->r, f);
	sb_release(&sb);
}

static void g_time(struct merge *M, struct fact *g, size_t n)
{
	struct lint *L = M->L;

	for (size_t k = 0; k < n; k++) {
		const char *what = F(&g[k], "what");
		int c = lint_check_by_name(what);
		double ms, *to = c >= 0 ? &L->ms[c] : !strcmp(what, "cover") ? &L->ms[LC_COUNT] :
				 !strcmp(what, "encode") ? &L->encode_ms :
				 !strcmp(what, "sample") ? &L->sample_ms :
				 !strcmp(what, "cones") ? &L->cone_ms : NULL;

		if (to && rec_get_double(&g[k].r, "ms", &ms))
			*to += ms;
	}
}

static void g_load(struct merge *M, struct fact *g, size_t n)
{
	double ms;

	for (size_t k = 0; k < n; k++)
		if (rec_get_double(&g[k].r, "ms", &ms))
			M->L->load_ms += ms;
}

void lint_merge(struct lint *L, const struct load_config *c, struct findings *out)
{
	static const struct key by_loc_text[] = { { "file", "line" }, { "text", NULL } };
	static const struct key by_sym_loc[] = { { "sym", NULL }, { "file", "line" } };
	static const struct key by_loc_sym_target[] = {
		{ "file", "line" }, { "sym", NULL }, { "target", NULL } };
	static const struct key by_sym[] = { { "sym", NULL } };
	static const struct key by_loc_label_target[] = {
		{ "file", "line" }, { "label", NULL }, { "target", NULL } };
	static const struct key by_loc_kind[] = { { "file", "line" }, { "kind", NULL } };
	static const struct key by_loc_conj[] = { { "file", "line" }, { "conj", NULL } };
	struct merge M = { .L = L, .c = c, .narch = load_config_count(c), .out = out };

	M.nall = M.narch + L->others.n;

	read_facts(&M);
	each_group(&M, LF_CYCLE, by_loc_text, 2, g_cycle);
	each_group(&M, LF_UNDEF, by_sym_loc, 2, g_undef);
	each_group(&M, LF_NONBOOL, by_loc_sym_target, 3, g_nonbool);
	each_group(&M, LF_TRANSREF, by_loc_sym_target, 3, g_transref);
	each_group(&M, LF_UNMET, by_loc_sym_target, 3, g_unmet);
	each_group(&M, LF_DEAD, by_sym, 1, g_dead);
	each_group(&M, LF_PROP, by_loc_kind, 2, g_prop);
	each_group(&M, LF_REDUND, by_loc_conj, 2, g_redund);
	each_group(&M, LF_SELVIS, by_loc_sym_target, 3, g_selvis);
	each_group(&M, LF_INTCOND, by_loc_label_target, 3, g_intcond);
	each_group(&M, LF_BITS, by_sym, 1, g_bits);
	each_group(&M, LF_TIME, NULL, 0, g_time);
	each_group(&M, LF_LOAD, NULL, 0, g_load);
	for (size_t a = 0; a < M.nall; a++) {
		vec_release(M.files[a]);
		vec_release(M.defs[a]);
	}
	free(M.files);
	free(M.defs);
	for (int k = 0; k < LF_COUNT; k++)
		vec_release(M.facts[k]);
}
