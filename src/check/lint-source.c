/* lint's checks over the sources (lint-int.h): the CONFIG_ references of
 * the tree's C files and Makefiles (check/srclint.h) against the symbols
 * every arch defines (round 1's LF_DEFS, LF_TRIS and LF_TRANS facts).
 *
 * A reference is a finding when autoconf.h and auto.conf never define its
 * name on any arch (scripts/kconfig/confdata.c writes CONFIG_X for a set
 * symbol, CONFIG_X_MODULE for X = m, and nothing for a transitional one):
 *  - its symbol is defined on no arch (and the tree does not #define it
 *    itself, nor set it in a Makefile or with -DCONFIG_X);
 *  - class transitional: it is transitional on every arch that defines it;
 *  - class not-tristate: IS_MODULE(CONFIG_X) or CONFIG_X_MODULE, X never
 *    tristate;
 *  - a note, class disabled: defined on no arch, and its name says the code
 *    is off on purpose (CONFIG_X__disabled, CONFIG_X_FIXME). */
#include "lint-int.h"

#include <stdlib.h>
#include <string.h>

#include "check/srclint.h"
#include "kconfig/kconfig.h"
#include "util/xalloc.h"

struct names {
	strvec defs;		/* defined on some arch */
	strvec tris;		/* tristate on some arch */
	strvec plain;		/* defined and not transitional on some arch */
	strvec trans;		/* transitional on some arch */
};

static void add_names(strvec *v, const char *text)
{
	for (const char *p = text; *p;) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		char *s = xmalloc(n + 1);

		memcpy(s, p, n);
		s[n] = '\0';
		vec_push(*v, s);
		if (!nl)
			break;
		p = nl + 1;
	}
}

/* One arch's facts (read from a copy). */
static void arch_names(struct lint *L, struct names *N, const char *facts)
{
	char *text = xstrdup(facts);
	struct record_reader rd;
	struct record r;
	strvec defs = { 0 }, trans = { 0 };

	rec_reader_init(&rd, text, lint_facts, LF_COUNT);
	while (rec_read(&rd, &r)) {
		enum lint_fact k = (enum lint_fact)(r.kind - lint_facts);

		if (k == LF_DEFS)
			add_names(&defs, r.f[0]);
		else if (k == LF_TRIS)
			add_names(&N->tris, r.f[0]);
		else if (k == LF_TRANS)
			add_names(&trans, r.f[0]);
	}
	L->bad += rd.bad;
	strvec_sort(&trans);
	for (size_t i = 0; i < defs.n; i++) {
		if (!strvec_has_sorted(&trans, defs.v[i]))
			vec_push(N->plain, xstrdup(defs.v[i]));
		vec_push(N->defs, defs.v[i]);
	}
	for (size_t i = 0; i < trans.n; i++)
		vec_push(N->trans, trans.v[i]);
	vec_release(defs);
	vec_release(trans);
	free(text);
}

static void names_release(struct names *N)
{
	strvec_free_all(&N->defs);
	strvec_free_all(&N->tris);
	strvec_free_all(&N->plain);
	strvec_free_all(&N->trans);
}

enum verdict { V_FINE, V_UNDEFINED, V_TRANSITIONAL, V_NOT_TRISTATE, V_DISABLED };

/* A name that says its code is off on purpose: CONFIG_PPC__disabled,
 * CONFIG_DEBUG_SHIRQ_FIXME (a real name with a suffix no Kconfig
 * defines). */
static bool disabled(const char *sym)
{
	static const char *const suffix[] = { "__disabled", "_FIXME" };
	size_t n = strlen(sym);

	for (size_t i = 0; i < 2; i++) {
		size_t k = strlen(suffix[i]);

		if (n > k && !strcmp(sym + n - k, suffix[i]))
			return true;
	}
	return false;
}

/* What a reference to CONFIG_name (through macro, NULL: none) reads;
 * *sym the symbol it is about. */
static enum verdict judge(const struct names *N, const char *name, const char *macro,
			  char *sym, size_t size)
{
	size_t n = strlen(name);
	bool module = macro && !strcmp(macro, "IS_MODULE");

	snprintf(sym, size, "%s", name);
	if (!strvec_has_sorted(&N->defs, name) && n > 7 && !strcmp(name + n - 7, "_MODULE")) {
		/* CONFIG_X_MODULE: X = m (IS_MODULE of it is always 0) */
		snprintf(sym, size, "%.*s", (int)(n - 7), name);
		if (!strvec_has_sorted(&N->defs, sym))
			return V_UNDEFINED;
		module = true;
	} else if (!strvec_has_sorted(&N->defs, name)) {
		return V_UNDEFINED;
	}
	if (!strvec_has_sorted(&N->plain, sym))
		return V_TRANSITIONAL;
	if (module && !strvec_has_sorted(&N->tris, sym))
		return V_NOT_TRISTATE;
	return V_FINE;
}

static bool keep(void *ctx, const char *name, const char *macro)
{
	char sym[256];

	return judge(ctx, name, macro, sym, sizeof(sym)) != V_FINE;
}

static const char *how_text(const struct srcref *r)
{
	static const char *const make_where[] = { "$(...)", "${...}" };

	for (size_t i = 0; i < 2; i++)
		if (!strcmp(r->where, make_where[i]))
			return "the Makefile";
	return r->where;
}

/* Is the name (or, for X_MODULE, X) one the tree defines itself? */
static bool local(const struct srcscan *S, const char *name, const char *sym)
{
	return strvec_has_sorted(&S->local, name) || strvec_has_sorted(&S->local, sym);
}

void lint_source(struct lint *L, const struct load_config *c, struct findings *out)
{
	struct names N = { 0 };
	struct srcscan S = { 0 };
	const char *root = c->srctree ? c->srctree : ".";

	if (!lint_on(L, LC_UNDEF_CONFIG_REF) || c->vfs)
		return;
	for (size_t a = 0; a < L->facts.n; a++)
		if (L->facts.v[a])
			arch_names(L, &N, L->facts.v[a]);
	for (size_t a = 0; a < L->others_facts.n; a++)
		if (L->others_facts.v[a])
			arch_names(L, &N, L->others_facts.v[a]);
	strvec_sort_unique(&N.defs);
	strvec_sort_unique(&N.tris);
	strvec_sort_unique(&N.plain);
	strvec_sort_unique(&N.trans);
	S.keep = keep;
	S.ctx = &N;
	if (!srcscan_tree(&S, root)) {
		L->bad++;
		goto out;
	}
	if (!S.nsources) {
		diag_note((struct loc){ 0, 0 },
			  "undefined-config-reference reads the C sources, and '%s' has none "
			  "(a Kconfig-only tree): not checked", root);
		goto out;
	}
	for (size_t i = 0; i < S.refs.n; i++) {
		const struct srcref *r = &S.refs.v[i];
		char sym[256], key[300];
		enum verdict v = judge(&N, r->name, r->macro, sym, sizeof(sym));
		struct finding *f;
		bool dup = false;

		if (v == V_FINE || local(&S, r->name, sym))
			continue;
		if (v == V_UNDEFINED && disabled(sym))
			v = V_DISABLED;
		for (size_t k = i; k-- > 0 && !dup;) {
			const struct srcref *o = &S.refs.v[k];

			if (o->file != r->file || o->line != r->line)
				break;
			dup = !strcmp(o->name, r->name);
		}
		if (dup)
			continue;
		snprintf(key, sizeof(key), "CONFIG_%s", r->name);
		f = finding_add(out, lint_checks[LC_UNDEF_CONFIG_REF].doc.name,
				lint_class_level(LC_UNDEF_CONFIG_REF,
						 v == V_TRANSITIONAL ? "transitional" :
						 v == V_NOT_TRISTATE ? "not-tristate" :
						 v == V_DISABLED ? "disabled" : NULL),
				r->file, r->line, sym, key);
		switch (v) {
		case V_UNDEFINED:
			finding_set_message(f, "%s reads CONFIG_%s, but %s is defined on no arch",
					    how_text(r), r->name, sym);
			break;
		case V_DISABLED:
			finding_set_class(f, "disabled");
			finding_set_message(f, "%s reads CONFIG_%s, which is defined on no arch: the "
					    "code is off on purpose", how_text(r), r->name);
			break;
		case V_TRANSITIONAL:
			finding_set_class(f, "transitional");
			finding_set_message(f, "%s reads CONFIG_%s, but %s is transitional: never "
					    "written, so never set", how_text(r), r->name, sym);
			break;
		case V_NOT_TRISTATE:
			finding_set_class(f, "not-tristate");
			if (strcmp(r->name, sym))
				finding_set_message(f, "%s reads CONFIG_%s, which is never defined: %s is "
						    "not tristate on any arch, so never m", how_text(r),
						    r->name, sym);
			else
				finding_set_message(f, "IS_MODULE(CONFIG_%s) is never true: %s is not "
						    "tristate on any arch, so never m", r->name, sym);
			break;
		case V_FINE:
			break;
		}
		finding_add_evidence(f, "%s", r->text);
	}
out:
	srcscan_release(&S);
	names_release(&N);
}
