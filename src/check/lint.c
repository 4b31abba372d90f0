/* kcsat lint, the driver (see include/check/lint.h): the checks table,
 * the record kinds that cross the job boundary, the per-arch jobs of both
 * rounds and the run around them. */
#include "lint-int.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "kconfig/arch.h"
#include "kconfig/kconfig.h"
#include "sat/sat.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

#define LINT_CHECK_INFO(id, name, on, level, summary) \
	[LC_##id] = { { name, summary, "kcsat(1), LINT CHECKS: " name }, on, level },
const struct lint_check_info lint_checks[LC_COUNT] = { LINT_CHECKS(LINT_CHECK_INFO) };
#undef LINT_CHECK_INFO

#define LINT_CLASS_INFO(name, checks, level, summary) { name, checks, level, summary },
const struct lint_class_info lint_classes[] = { LINT_CLASSES(LINT_CLASS_INFO) };
#undef LINT_CLASS_INFO
const size_t lint_nclasses = sizeof(lint_classes) / sizeof(lint_classes[0]);

enum finding_level lint_class_level(enum lint_check c, const char *cls)
{
	for (size_t i = 0; cls && i < lint_nclasses; i++)
		if ((lint_classes[i].checks & (1u << c)) && !strcmp(lint_classes[i].name, cls))
			return lint_classes[i].level;
	return lint_checks[c].level;
}

const struct record_kind lint_facts[LF_COUNT] = {
	[LF_FILES] = { "files", { "names", NULL } },
	[LF_DEFS] = { "defs", { "names", NULL } },
	[LF_TRIS] = { "tristates", { "names", NULL } },
	[LF_TRANS] = { "transitionals", { "names", NULL } },
	[LF_PRAGMA] = { "pragma", { "efile", "eline", "text", NULL } },
	[LF_CYCLE] = { "cycle", { "file", "line", "text", NULL } },
	[LF_UNDEF] = { "undef", { "sym", "file", "line", "efile", "eline", NULL } },
	[LF_NONBOOL] = { "nonbool", { "file", "line", "sym", "target", "efile", "eline", "why",
				      NULL } },
	[LF_TRANSREF] = { "transref", { "file", "line", "sym", "target", "efile", "eline", "what",
					"value", NULL } },
	[LF_UNMET] = { "unmet", { "file", "line", "sym", "target", "efile", "eline", "bits",
				  "witness", "fragment", "evidence", "shell", "probe", NULL } },
	[LF_DEAD] = { "dead", { "sym", "value", "file", "line", "class", NULL } },
	[LF_PROP] = { "prop", { "file", "line", "kind", "status", "sym", "label", "efile", "eline",
				"text", "class", "why", NULL } },
	[LF_REDUND] = { "redund", { "file", "line", "conj", "status", "sym", "label", "efile",
				    "eline", "text", "menu", "dep", "class", "via", NULL } },
	[LF_INTCOND] = { "intcond", { "file", "line", "label", "target", "type", "efile", "eline",
				      "what", NULL } },
	[LF_SELVIS] = { "selvis", { "file", "line", "sym", "target", "efile", "eline", "prompt",
				    NULL } },
	[LF_BITS] = { "bits", { "sym", "only", "file", "line", NULL } },
	[LF_TIME] = { "time", { "what", "ms", NULL } },
	[LF_LOAD] = { "load", { "ms", NULL } },
	[LF_UNKNOWN] = { "unknown", { "solves", NULL } },
};

const struct record_kind lint_requests[LQ_COUNT] = {
	[LQ_DEAD] = { "dead", { "seq", "sym", "value", NULL } },
	[LQ_BITS] = { "bits", { "seq", "sym", "only", NULL } },
	[LQ_REDUND] = { "redund", { "seq", "menu", "dep", "conj", NULL } },
	[LQ_CHECK] = { "check", { "seq", "menu", "dep", "conj", "chain", NULL } },
};

const struct record_kind lint_answers[LA_COUNT] = {
	[LA_EV] = { "ev", { "seq", "chain", NULL } },
	[LA_TIME] = { "time", { "what", "ms", NULL } },
	[LA_LOAD] = { "load", { "ms", NULL } },
	[LA_UNKNOWN] = { "unknown", { "solves", NULL } },
};

int lint_check_by_name(const char *name)
{
	for (int i = 0; i < LC_COUNT; i++)
		if (!strcmp(lint_checks[i].doc.name, name))
			return i;
	return -1;
}

size_t lint_check_docs(unsigned enabled, struct check_doc *out)
{
	size_t n = 0;

	for (int k = 0; k < LC_COUNT; k++)
		if (enabled & (1u << k))
			out[n++] = lint_checks[k].doc;
	return n;
}

/* ---- shared helpers (lint-int.h) ---- */

double lint_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

bool lint_in_focus(const struct lint *L, const struct symbol *s)
{
	return !L->o.focus ||
	       (s && s->name && L->o.nfocus &&
		bsearch(&s->name, L->o.focus, L->o.nfocus, sizeof(char *), strp_cmp));
}

void lint_put_loc(struct record_writer *w, const char *file, const char *line, struct loc at)
{
	rec_str(w, file, at.file ? diag_file_name(at.file) : "<builtin>");
	rec_uint(w, line, at.file ? at.line : 0);
}

void lint_entry_label(struct strbuf *sb, const struct menu *m)
{
	const char *kw = m->kind == M_CHOICE ? "choice" : m->kind == M_MENU ? "menu" :
			 m->kind == M_COMMENT ? "comment" : m->kind == M_IF ? "if" : NULL;
	char l[300];

	if (m->sym && m->sym->name) {
		sb_adds(sb, m->sym->name);
	} else if (kw && m->prompt && m->prompt->text) {
		sb_addf(sb, "%s \"%s\"", kw, m->prompt->text);
	} else {
		sb_addf(sb, "%s at %s", kw ? kw : "entry", loc_str(m->loc, l, sizeof(l)));
	}
}

void lint_put_time(struct strbuf *out, const struct record_kind *kind, const char *what, double ms)
{
	struct record_writer w;

	rec_begin(&w, out, kind);
	rec_str(&w, "what", what);
	rec_double(&w, "ms", ms);
	rec_end(&w);
}

const char *lint_arch_name(const struct load_config *c, size_t i)
{
	const char *arch = load_config_arch(c, i);

	return arch ? arch : "tree";
}

/* ---- a run ---- */

struct lint *lint_new(const struct lint_options *o)
{
	struct lint *L = xcalloc(1, sizeof(*L));

	L->o = *o;
	L->round = 1;
	return L;
}

static void free_texts(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
}

void lint_free(struct lint *L)
{
	if (!L)
		return;
	free_texts(L->facts.v, L->facts.n);
	vec_release(L->facts);
	for (size_t i = 0; i < L->requests.n; i++)
		sb_release(&L->requests.v[i]);
	vec_release(L->requests);
	vec_release(L->nrequests);
	free_texts(L->answers.v, L->answers.n);
	vec_release(L->answers);
	lint_evidence_free(L);
	vec_release(L->unknown);
	strvec_free_all(&L->others);
	free_texts(L->others_facts.v, L->others_facts.n);
	vec_release(L->others_facts);
	free(L);
}

bool lint_tree_facts(const struct lint *L, struct kctree *t, const char *arch,
		     struct strbuf *facts)
{
	lint_static_facts(L, t, facts);
	return lint_round1(L, t, arch, facts);
}

/* One arch's job in either round: load its tree, then its facts (round
 * 1) or its answers to the merge's requests (round 2). */
static int lint_arch(const struct load_config *c, size_t i, void *ctx, FILE *out,
		     struct strbuf *result)
{
	const struct lint *L = ctx;
	struct record_writer w;
	struct kctree *t;
	double t0 = lint_now_ms();
	unsigned long long e0;
	int rc = EXIT_OK;

	(void)out;
	if (L->round >= 2 && (i >= L->requests.n || !L->requests.v[i].len))
		return EXIT_OK;
	t = kctree_load_arch(c, i);
	if (!t)
		return EXIT_ERROR;
	sat_renew();
	e0 = sat_exhausted();
	rec_begin(&w, result, L->round >= 2 ? &lint_answers[LA_LOAD] : &lint_facts[LF_LOAD]);
	rec_double(&w, "ms", lint_now_ms() - t0);
	rec_end(&w);
	if (L->round >= 2) {
		char *requests = xstrdup(sb_str(&L->requests.v[i]));

		lint_round2(L, t, lint_arch_name(c, i), requests, result);
		free(requests);
	} else {
		rc = lint_tree_facts(L, t, lint_arch_name(c, i), result) ? EXIT_OK : EXIT_ERROR;
	}
	kctree_free(t);
	sat_job_stats("arch", lint_arch_name(c, i));
	if (rc == EXIT_OK && sat_exhausted() > e0) {
		/* facts resting on an unknown answer are no facts */
		sb_reset(result);
		rec_begin(&w, result, L->round >= 2 ? &lint_answers[LA_UNKNOWN] : &lint_facts[LF_UNKNOWN]);
		rec_uint(&w, "solves", sat_exhausted() - e0);
		rec_end(&w);
	}
	return rc;
}

static void put_text(struct lint *L, bool answers, size_t i, const char *text)
{
	lint_texts *dst = answers ? &L->answers : &L->facts;

	while (dst->n <= i)
		vec_push(*dst, NULL);
	free(dst->v[i]);
	dst->v[i] = xstrdup(text);
}

static void lint_collect(void *ctx, size_t i, const char *result)
{
	struct lint *L = ctx;

	if (!strncmp(result, "unknown\t", 8)) {
		if (!L->unknown.n || vec_last(L->unknown) != i)
			vec_push(L->unknown, i);	/* merged in item order */
		result = "";
	}
	put_text(L, L->round >= 2, i, result);
}

/* Any arch unknown: no findings (see struct findings), the arches named. */
static int lint_unknown(struct lint *L, const struct load_config *c, struct findings *fs)
{
	for (size_t k = 0; k < L->unknown.n; k++)
		vec_push(fs->unknown, xstrdup(lint_arch_name(c, L->unknown.v[k])));
	return EXIT_UNKNOWN;
}

void lint_add_facts(struct lint *L, size_t i, const char *facts)
{
	put_text(L, false, i, facts);
}

static int load_others(struct lint *L, const struct load_config *c);

int lint_merge_facts(struct lint *L, const struct load_config *c, struct findings *fs)
{
	L->narch = load_config_count(c);
	/* a patch or diff with --arch naming some arches: the others' files
	 * and definitions too ("defined on no arch" is about every arch) */
	if (!L->others.n && load_others(L, c) == EXIT_ERROR)
		return EXIT_ERROR;
	lint_merge(L, c, fs);
	findings_finish(fs);
	return L->bad ? EXIT_ERROR : EXIT_OK;
}

/* An arch of a partial run that was not asked for: its files and
 * definitions only (a load, no model: about 50 ms). */
static int lint_other(const struct load_config *c, size_t i, void *ctx, FILE *out,
		      struct strbuf *result)
{
	struct kctree *t = kctree_load_arch(c, i);

	(void)ctx;
	(void)out;
	if (!t)
		return EXIT_ERROR;
	lint_static_names(t, result);
	kctree_free(t);
	return EXIT_OK;
}

static void other_collect(void *ctx, size_t i, const char *result)
{
	struct lint *L = ctx;

	while (L->others_facts.n <= i)
		vec_push(L->others_facts, NULL);
	free(L->others_facts.v[i]);
	L->others_facts.v[i] = xstrdup(result);
}

/* The checks whose findings say "on every arch that reads the line" or
 * "defined on no arch". */
#define CROSS_ARCH_CHECKS (1u << LC_DEAD_DEFAULT | 1u << LC_DEAD_PROMPT | 1u << LC_DEAD_SELECT | \
			   1u << LC_DEAD_SYMBOL | 1u << LC_REDUNDANT_DEP | 1u << LC_UNDEFINED_SYM | \
			   1u << LC_UNDEF_CONFIG_REF)

/* The tree's arches that c does not load as themselves: every other
 * SRCARCH, and the SRCARCH of a load with a fixed bitness (x86_64 leaves
 * i386 out, and i386 with x86_64 leave out ARCH=x86, where 64BIT is the
 * user's and `"$(ARCH)" = "x86"` holds). */
static int load_others(struct lint *L, const struct load_config *c)
{
	strvec all = { 0 };
	struct load_config oc;
	int rc;

	if (!c->arches.n || arch_list(c->srctree ? c->srctree : ".", &all) < 0) {
		strvec_free_all(&all);
		return EXIT_OK;
	}
	L->ntree = all.n;
	for (size_t k = 0; k < all.n; k++)
		if (!strvec_contains(&c->arches, all.v[k]))
			vec_push(L->others, xstrdup(all.v[k]));
	strvec_free_all(&all);
	if (!L->others.n || !(L->o.enabled & CROSS_ARCH_CHECKS))
		return EXIT_OK;	/* the others' files would change no finding */
	oc = *c;
	oc.arches = L->others;
	rc = arch_for_each(&oc, lint_other, other_collect, L, NULL);
	return rc == EXIT_ERROR ? rc : EXIT_OK;
}

static int run_rounds(struct lint *L, const struct load_config *c, struct findings *fs);

static double wall_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

int lint_run(struct lint *L, const struct load_config *c, struct findings *fs)
{
	double t0 = wall_ms();
	int rc = run_rounds(L, c, fs);

	L->wall_ms = wall_ms() - t0;
	return rc;
}

static int run_rounds(struct lint *L, const struct load_config *c, struct findings *fs)
{
	int rc;

	L->narch = load_config_count(c);
	L->o.spare = c->jobs > (int)L->narch ? 1 : 0;
	if (load_others(L, c) == EXIT_ERROR)
		return EXIT_ERROR;
	L->round = 1;
	rc = arch_for_each(c, lint_arch, lint_collect, L, NULL);
	if (rc == EXIT_ERROR)
		return rc;
	if (L->unknown.n)
		return lint_unknown(L, c, fs);
	lint_source(L, c, fs);
	lint_merge(L, c, fs);
	/* round 2 asks for evidence, round 3 checks a chain on the other
	 * arches where its term is redundant (lint_add_evidence() leaves its
	 * requests) */
	for (L->round = 2; L->round <= 3 && L->requests.n; L->round++) {
		rc = arch_for_each(c, lint_arch, lint_collect, L, NULL);
		if (rc == EXIT_ERROR)
			return rc;
		if (L->unknown.n) {
			findings_release(fs);
			*fs = (struct findings){ 0 };
			return lint_unknown(L, c, fs);
		}
		lint_add_evidence(L, c);
	}
	findings_finish(fs);
	return L->bad ? EXIT_ERROR : EXIT_OK;
}

/* "N warnings (check n, ...)" for the findings of fs at level (or, with
 * notes, at any other level). */
static void count_level(struct strbuf *sb, const struct findings *fs, bool notes)
{
	size_t per[LC_COUNT] = { 0 }, total = 0, other = 0;
	bool first = true;

	for (size_t i = 0; i < fs->v.n; i++) {
		const struct finding *f = fs->v.v[i];
		int c = lint_check_by_name(f->check);

		if ((f->level == LEVEL_WARNING) == notes)
			continue;
		total++;
		if (c >= 0)
			per[c]++;
		else
			other++;
	}
	sb_addf(sb, "%zu %s%s", total, notes ? "note" : "warning", total == 1 ? "" : "s");
	if (!total)
		return;
	sb_adds(sb, " (");
	for (int c = 0; c < LC_COUNT; c++)
		if (per[c]) {
			sb_addf(sb, "%s%s %zu", first ? "" : ", ", lint_checks[c].doc.name, per[c]);
			first = false;
		}
	if (other)
		sb_addf(sb, "%sother %zu", first ? "" : ", ", other);
	sb_addc(sb, ')');
}

bool lint_other_label(const struct load_config *c, const char *other, struct strbuf *sb)
{
	const char *halves[4];
	size_t nh = arch_halves(other, halves, 4), start = sb->len;
	bool half = false;

	for (size_t i = 0; i < c->arches.n && !half; i++)
		half = strcmp(c->arches.v[i], other) && !strcmp(arch_srcarch(c->arches.v[i]), other);
	if (!half) {
		sb_adds(sb, other);
		return false;
	}
	for (size_t h = 0; h < nh && h < 4; h++)
		if (!strvec_contains(&c->arches, halves[h]))
			sb_addf(sb, "%s%s", sb->len > start ? ", " : "", halves[h]);
	if (sb->len == start)
		sb_addf(sb, "ARCH=%s", other);
	return true;
}

/* How many SRCARCHes the loads of c name (x86_64 and i386 are one). */
static size_t loaded_srcarches(const struct load_config *c)
{
	size_t n = 0;

	for (size_t i = 0; i < c->arches.n; i++) {
		bool seen = false;

		for (size_t j = 0; j < i && !seen; j++)
			seen = !strcmp(arch_srcarch(c->arches.v[j]), arch_srcarch(c->arches.v[i]));
		n += !seen;
	}
	return n;
}

void lint_print_summary(const struct lint *L, const struct load_config *c,
			const struct findings *fs, FILE *out)
{
	struct strbuf sb = STRBUF_INIT;
	size_t n = load_config_count(c);

	sb_adds(&sb, "kcsat lint: ");
	if (fs->unknown.n) {
		sb_addf(&sb, "no findings: answers unknown on %zu arch%s", fs->unknown.n,
			fs->unknown.n == 1 ? "" : "es");
	} else {
		count_level(&sb, fs, false);
		sb_adds(&sb, ", ");
		count_level(&sb, fs, true);
	}
	if (!c->arches.n) {
		sb_adds(&sb, " on the tree");
	} else if (!L->others.n && n > 4) {
		sb_addf(&sb, " on all %zu arches", n);
	} else {
		/* the tree's arches, a SRCARCH loaded by halves counted once;
		 * the halves not loaded named */
		size_t loaded = loaded_srcarches(c), all = L->ntree ? L->ntree : loaded;
		bool half = false;

		if (!L->others.n)
			sb_addf(&sb, " on %s%zu arch%s (", n > 1 ? "all " : "", n, n == 1 ? "" : "es");
		else
			sb_addf(&sb, " on %zu of %zu arch%s (", loaded, all, all == 1 ? "" : "es");
		for (size_t i = 0; i < n; i++)
			sb_addf(&sb, "%s%s", i ? ", " : "", lint_arch_name(c, i));
		for (size_t k = 0; k < L->others.n; k++) {
			struct strbuf lb = STRBUF_INIT;

			if (lint_other_label(c, L->others.v[k], &lb)) {
				sb_addf(&sb, "%s%s", half ? ", " : "; not ", sb_str(&lb));
				half = true;
			}
			sb_release(&lb);
		}
		sb_addc(&sb, ')');
	}
	sb_addf(&sb, " in %.1f s\n", L->wall_ms / 1e3);
	fputs(sb_str(&sb), out);
	sb_release(&sb);
}

void lint_print_times(const struct lint *L, FILE *out)
{
	fprintf(out, "kcsat lint: load %.0f ms, encode %.0f ms (all arches, CPU time of the jobs)\n",
		L->load_ms, L->encode_ms);
	fprintf(out, "kcsat lint: %-22s %8.0f ms  (dead-*, redundant-dependency, select-visible, bitness-only)\n",
		"one shared cover", L->ms[LC_COUNT]);
	fprintf(out, "kcsat lint: answers from random solutions of whole arches %.0f ms, from cone models %.0f ms\n",
		L->sample_ms, L->cone_ms);
	fprintf(out, "kcsat lint: %-22s %8s %8s\n", "check", "answers", "evidence");
	for (int c = 0; c < LC_COUNT; c++)
		if (L->ms[c] > 0 || L->evidence_ms[c] > 0)
			fprintf(out, "kcsat lint: %-22s %8.0f %8.0f ms\n", lint_checks[c].doc.name,
				L->ms[c], L->evidence_ms[c]);
}
