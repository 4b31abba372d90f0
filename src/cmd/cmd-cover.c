/* kcsat cover PATCH: for each changed hunk of a .c, .S, .h, Makefile or
 * Kbuild file, per arch and bitness, whether some configuration compiles
 * it, through which Makefile lines, #if lines and Kconfig lines; and
 * kcsat why / why-not FILE:LINE, the same for one line. */
#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check/cover.h"
#include "check/patch.h"
#include "cmd/cli.h"
#include "cmd/cmd.h"
#include "kconfig/confdata.h"
#include "kconfig/confsim.h"
#include "kconfig/dialect.h"
#include "kconfig/kbuild.h"
#include "kconfig/kconfig.h"
#include "sat/cnf.h"
#include "sat/fix.h"
#include "sat/model.h"
#include "sat/query.h"
#include "sat/sat.h"
#include "sat/witness.h"
#include "util/outfile.h"
#include "util/diag.h"
#include "util/json.h"
#include "util/srccache.h"
#include "util/strbuf.h"
#include "util/vec.h"
#include "util/xalloc.h"

static const char usage[] =
	"usage: kcsat cover PATCH [-p N] [--tree DIR] [--arch A|all] [--bits 32|64]\n"
	"                   [--witness DIR] [--config BASE] [--format text|json]\n"
	"                   [--shell=off|run]\n"
	"\n"
	"For each hunk of PATCH (applied in memory) that changes a .c, .S, .h,\n"
	"Makefile or Kbuild file, per architecture and bitness: whether some\n"
	"configuration compiles a changed line, with the Makefile lines that\n"
	"build the file (file:line, up to the top-level Kbuild), the #if lines\n"
	"around it and, where no configuration does, the Kconfig lines that\n"
	"prevent it.  A header's includers are not traced: its #if lines alone\n"
	"decide.  Ends with a summary per hunk; a hunk no arch compiles is dead\n"
	"code in the patch.  -p N strips N leading path components (default 1).\n"
	"--witness DIR writes, per arch and bitness, .config files that compile\n"
	"every hunk compiled there, few of them (hunks that exclude each other\n"
	"get separate files): DIR/ARCH-BITS.config, then .2.config, ...  Each is\n"
	"a change from a base, the arch's defconfig as make defconfig picks it\n"
	"(arch/SRCARCH/configs/, the arch Makefile's KBUILD_DEFCONFIG) or\n"
	"--config BASE (one arch): the base with settings changed until the\n"
	"olddefconfig simulation compiles the hunks and none can be dropped,\n"
	"written whole and as a fragment of the changed lines\n"
	"(DIR/ARCH-BITS.fragment, for scripts/kconfig/merge_config.sh), and\n"
	"printed as scripts/config commands.  Without a base (none found, or a\n"
	"tree older than Linux 6.11), or where the simulation does not reproduce\n"
	"the change, the file is a solver's configuration, and the output says\n"
	"so.\n";

static const char line_usage[] =
	"usage: kcsat why|why-not FILE:LINE [--tree DIR] [--arch A|all] [--bits 32|64]\n"
	"                         [--format text|json] [--shell=off|run]\n"
	"\n"
	"Whether LINE of FILE (a .c, .S, .h, Makefile or Kbuild file of the tree)\n"
	"is compiled, per architecture (default: all) and bitness: the Makefile\n"
	"lines that build the file, the #if lines around LINE and, where it can\n"
	"be compiled, the values that do it (why), or the Kconfig lines that\n"
	"prevent it (why-not).\n";
/* The exit statuses of why/why-not FILE:LINE (its usage ends with them). */
static const struct command line_row = {
	"why", NULL, NULL,
	"why 0 if the line is compiled somewhere, 1 if nowhere; why-not 0 if it is compiled "
	"nowhere, 1 if somewhere; 2 on error", true
};

enum cover_mode { MODE_COVER, MODE_WHY, MODE_WHYNOT };

/* What the arches said about one target. */
struct target_sum {
	strvec yes, no;			/* "x86 64-bit" */
	bool unknown;			/* a solve ran out of its budget */
};

struct coverq {
	const struct tree_opts *o;
	enum cover_mode mode;
	int bits;
	const char *witness;		/* --witness DIR, or NULL */
	const struct config *base;	/* --config BASE (read), or NULL: the defconfig */
	const struct cover_target *tg;
	const char *const *labels;
	size_t n;
	struct target_sum *sum;
	bool any_case;
};

/* A symbol a condition names: not a constant, but an unexecuted
 * $(shell,...) (its value is free). */
static bool named_sym(const struct symbol *s)
{
	/* a number compared with (`#if CONFIG_NR_CPUS > 1`): a symbol
	 * nothing defines, whose value is its name, as in the kernel */
	if (!(s->flags & (SYM_DEFINED | SYM_SHELL)) && s->name &&
	    (isdigit((unsigned char)s->name[0]) ||
	     (s->name[0] == '-' && isdigit((unsigned char)s->name[1]))))
		return false;
	return !(s->flags & SYM_CONST) || (s->flags & SYM_SHELL);
}

/* "PCI_P2PDMA=y, FOO=m" from the model's answer, for the symbols of e. */
static void witness_text(struct model *m, struct sat *S, const struct expr *e, struct strbuf *sb)
{
	symvec syms = { 0 };
	size_t shown = 0;

	expr_symbols(e, named_sym, &syms);
	for (size_t i = 0; i < syms.n && shown < 12; i++) {
		const struct symbol *s = syms.v[i];

		if (s->flags & SYM_SHELL) {
			char v = model_tri_value(m, S, s);

			sb_addf(sb, "%s%s=%c", shown ? ", " : "",
				s->shell_display ? s->shell_display : s->name, v);
		} else if (sym_is_bool_like(s) || !(s->flags & SYM_DEFINED)) {
			sb_addf(sb, "%s%s=%c", shown ? ", " : "", s->name,
				(s->flags & SYM_DEFINED) ? model_tri_value(m, S, s) : 'n');
		} else {
			const char *v = model_str_value(m, S, s);

			sb_addf(sb, "%s%s=%s", shown ? ", " : "", s->name, v ? v : "(unset)");
		}
		shown++;
	}
	if (syms.n > shown)
		sb_addf(sb, ", ... (%zu more)", syms.n - shown);
	if (!syms.n)
		sb_adds(sb, "any configuration");
	vec_release(syms);
}

/* After an UNSAT solve: the lines of a minimal core, as a chain from the
 * condition's symbols; *bits_used when the bitness is part of it. */
static void core_chain(struct model *m, struct sat *S, const struct expr *cond, int case_lit,
		       struct selvec *chain, bool *bits_used)
{
	struct selvec core = { 0 };
	symvec roots = { 0 };

	*bits_used = false;
	for (const int *l = sat_core(S, true); *l; l++) {
		const struct selector *sel = cnf_selector_of(model_cnf(m), *l);

		if (sel)
			vec_push(core, sel);
		else if (*l == case_lit && case_lit != CNF_TRUE)
			*bits_used = true;
	}
	expr_symbols(cond, named_sym, &roots);
	query_order_chain_from(roots.v, roots.n, &core, chain);
	vec_release(core);
	vec_release(roots);
}

/* An UNSAT case with no Kconfig line in its core: the condition names
 * symbols this arch does not define, or contradicts itself. */
static void print_undefined(FILE *out, const struct expr *cond, const char *arch)
{
	symvec syms = { 0 };
	size_t n = 0;

	expr_symbols(cond, named_sym, &syms);
	for (size_t i = 0; i < syms.n; i++)
		if (!(syms.v[i]->flags & (SYM_DEFINED | SYM_SHELL))) {
			fprintf(out, "\t\t%s: not defined on %s (CONFIG_%s is never set)\n",
				syms.v[i]->name, arch, syms.v[i]->name);
			n++;
		}
	if (!n)
		fprintf(out, "\t\t(no Kconfig line to blame: the symbols of the Makefile and #if "
			     "conditions never take these values together)\n");
	vec_release(syms);
}

static void print_lines(FILE *out, struct json *j, bool json, const char *key, const char *head,
			const strvec *v)
{
	if (json) {
		json_karray(j, key);
		for (size_t i = 0; i < v->n; i++)
			json_string(j, v->v[i]);
		json_end(j);
		return;
	}
	for (size_t i = 0; i < v->n; i++)
		fprintf(out, "\t%s %s\n", i ? "         " : head, v->v[i]);
}

#define MAX_WITNESSES 8

/* The base of an arch and bitness's witnesses. */
struct wbase {
	struct config c;
	char *path;		/* as printed: BASE, or arch/SRCARCH/configs/NAME */
	char *why;		/* none: the reason */
	bool have, defconfig;
};

/* Is name a file name a Makefile may give as KBUILD_DEFCONFIG (no
 * directory, no variable)? */
static bool plain_name(const char *v, size_t n)
{
	if (!n || n > 200 || v[0] == '.')
		return false;
	for (size_t i = 0; i < n; i++)
		if (!isalnum((unsigned char)v[i]) && !strchr("_.-+", v[i]))
			return false;
	return true;
}

/* The names the arch Makefile assigns to KBUILD_DEFCONFIG that are plain
 * file names, in order, each once (a name made of make variables or
 * functions, powerpc's $(uname), is skipped). */
static void defconfig_names(const struct load_config *c, const char *arch, strvec *out)
{
	struct strbuf rel = STRBUF_INIT;
	size_t len;
	int err;
	char *text;

	sb_addf(&rel, "arch/%s/Makefile", arch);
	text = kbuild_read_file(c, sb_str(&rel), &len, &err);
	sb_release(&rel);
	for (char *l = text; l && *l;) {
		char *e = strchr(l, '\n'), *v;
		size_t n;

		if (e)
			*e = 0;
		l += strspn(l, " \t");
		if (!strncmp(l, "KBUILD_DEFCONFIG", 16)) {
			v = l + 16 + strspn(l + 16, " \t");
			if (*v == ':' || *v == '?')
				v++;
			if (*v == '=') {
				bool dup = false;

				v++;
				v += strspn(v, " \t");
				n = strcspn(v, " \t#");
				for (size_t i = 0; i < out->n && !dup; i++)
					dup = strlen(out->v[i]) == n && !strncmp(out->v[i], v, n);
				if (!dup && plain_name(v, n))
					vec_push(*out, xstrndup(v, n));
			}
		}
		l = e ? e + 1 : l + strlen(l);
	}
	free(text);
}

static bool has_prompt(const struct symbol *s)
{
	for (const struct property *p = s->props; p; p = p->sym_next)
		if (p->type == P_PROMPT)
			return true;
	return false;
}

/* Leave out of c the lines of symbols without a prompt whose value reads
 * an unexecuted $(shell,...): the toolchain's answers, which conf computes
 * again from the real toolchain whatever the file says. */
static void drop_toolchain(struct kctree *t, struct config *c)
{
	size_t n = 0;

	for (size_t i = 0; i < c->v.n; i++) {
		const struct symbol *s = sym_find(t, c->v.v[i].name);

		if (s && !has_prompt(s) && sym_reads_shell(s)) {
			free(c->v.v[i].name);
			free(c->v.v[i].value);
		} else {
			c->v.v[n++] = c->v.v[i];
		}
	}
	c->v.n = n;
	config_index(c);	/* indexed again */
}

/* What conf writes from c (olddefconfig), toolchain lines left out. */
static void olddefconfig_of(struct arch_ctx *a, const struct config *c, const struct config *pins,
			    struct config *out)
{
	struct confsim *cs = confsim_new(a->t);

	memset(out, 0, sizeof(*out));
	confsim_pin_shell(cs, pins);
	confsim_load(cs, c);
	confsim_result(cs, out);
	confsim_free(cs);
	drop_toolchain(a->t, out);
}

/* The defconfig make defconfig starts from on this arch and bitness:
 * arch/SRCARCH/configs/NAME with NAME the arch Makefile's KBUILD_DEFCONFIG
 * (scripts/kconfig/Makefile's "defconfig" when it sets none).  Where it
 * names several under make conditions (x86's i386_defconfig and
 * x86_64_defconfig by ARCH and the host, sparc's, parisc's), the first
 * whose olddefconfig has the bitness asked, else the first.  The base is
 * the .config make writes from it (the olddefconfig simulation's), as a
 * developer has it before changing settings. */
static void find_defconfig(const struct load_config *lc, struct arch_ctx *a,
			   const struct bitness *b, struct wbase *out)
{
	strvec names = { 0 };
	const struct symbol *s64 = sym_find(a->t, "64BIT");
	bool chosen = false;

	defconfig_names(lc, a->arch, &names);
	if (!names.n)
		vec_push(names, xstrdup("defconfig"));
	{
		struct strbuf w = STRBUF_INIT;

		sb_addf(&w, "no arch/%s/configs/%s", a->arch, names.v[0]);
		out->why = sb_detach(&w);
	}
	for (size_t i = 0; i < names.n && !chosen; i++) {
		struct strbuf p = STRBUF_INIT, rel = STRBUF_INIT;
		struct config c = { 0 };
		bool fits = true;

		sb_addf(&rel, "arch/%s/configs/%s", a->arch, names.v[i]);
		sb_addf(&p, "%s/%s", lc->srctree ? lc->srctree : ".", sb_str(&rel));
		if (access(sb_str(&p), R_OK) || !config_read(sb_str(&p), &c)) {
			sb_release(&p);
			sb_release(&rel);
			continue;
		}
		if (b->bits && s64 && (s64->flags & SYM_DEFINED)) {
			struct confsim *cs = confsim_new(a->t);

			confsim_pin_shell(cs, &c);
			confsim_load(cs, &c);
			fits = (confsim_tri(cs, s64) == yes) == (b->bits == 64);
			confsim_free(cs);
		}
		if ((fits && !chosen) || !out->have) {
			if (out->have) {
				config_release(&out->c);
				free(out->path);
			}
			olddefconfig_of(a, &c, &c, &out->c);
			config_release(&c);
			out->path = sb_detach(&rel);
			out->have = out->defconfig = true;
			chosen = fits;
		} else {
			config_release(&c);
		}
		sb_release(&p);
		sb_release(&rel);
	}
	strvec_free_all(&names);
}

static void wbase_release(struct wbase *w)
{
	if (w->defconfig)
		config_release(&w->c);
	free(w->path);
	free(w->why);
	memset(w, 0, sizeof(*w));
}

/* res: olddefconfig of the base with the fragment appended (merge_config.sh's
 * order), as the simulation gives it (config_release() it). */
static void olddefconfig_appended(struct arch_ctx *a, const struct wbase *wb,
				  const struct config *frag, struct config *res)
{
	struct config v = { 0 };

	for (size_t i = 0; i < wb->c.v.n; i++)
		vec_push(v.v, wb->c.v.v[i]);
	for (size_t i = 0; i < frag->v.n; i++)
		vec_push(v.v, frag->v.v[i]);
	config_index(&v);
	olddefconfig_of(a, &v, &wb->c, res);
	vec_release(v.v);	/* borrowed entries */
	strindex_release(&v.index);
}

/* The whole .config conf writes from the base with the fragment appended
 * (merge_config.sh's order), as the olddefconfig simulation gives it. */
static bool write_from_base(const char *path, struct arch_ctx *a, const struct wbase *wb,
			    const struct config *frag, const char *header)
{
	struct config res;
	struct outfile of;
	bool ok = false;

	olddefconfig_appended(a, wb, frag, &res);
	if (outfile_open(&of, path)) {
		config_write_file(of.f, &res, header);
		ok = outfile_commit(&of);
	}
	config_release(&res);
	return ok;
}

/* A tristate change to y that conf makes m (its dependencies are m) is
 * written m, as conf writes it, and one that leaves the symbol at its
 * value in the base goes: the same configuration either way (a user value
 * y capped at m and a user value m give m).  frag is made again. */
static void settle_changes(struct arch_ctx *a, const struct wbase *wb, struct fix_result *fx,
			   struct config *frag)
{
	struct config res;
	size_t n = 0;

	olddefconfig_appended(a, wb, frag, &res);
	for (size_t k = 0; k < fx->changes.n; k++) {
		struct fix_change *ch = &fx->changes.v[k];
		const struct config_entry *e = config_find(&res, ch->sym->name);
		const char *now = e ? e->value : "n";

		if (sym_is_bool_like(ch->sym) && strcmp(now, ch->value)) {
			if (!strcmp(now, ch->before)) {
				free(ch->value);
				free(ch->before);
				continue;
			}
			free(ch->value);
			ch->value = xstrdup(now);
		}
		fx->changes.v[n++] = *ch;
	}
	fx->changes.n = n;
	config_release(&res);
	config_release(frag);
	memset(frag, 0, sizeof(*frag));
	fix_changes_config(fx, frag);
}

static bool write_fragment(const char *path, const struct config *frag, const char *header)
{
	struct outfile of;

	if (!outfile_open(&of, path))
		return false;
	config_write_file(of.f, frag, header);
	return outfile_commit(&of);
}

/* --witness DIR: for one arch and bitness, configurations that compile
 * every target some configuration compiles there, few of them: each
 * takes, in patch order, every target still uncovered that can be
 * compiled together with those it holds (mutually exclusive hunks get
 * separate files), written as DIR/ARCH-BITS.config (.2.config, ... for
 * the next): the base changed as little as the olddefconfig simulation
 * allows (fix.h), with the changes as DIR/ARCH-BITS.fragment, or where
 * there is no base or no change found, a solver's configuration. */
static bool write_witnesses(const struct coverq *q, struct arch_ctx *a, const struct bitness *b,
			    int k, const int *lits, const char *sat_ok, const struct cover_arch *ca,
			    FILE *out, struct json *j, bool json)
{
	boolvec done = { 0 };
	bool ok = true;
	const char *arch = a->arch ? a->arch : "tree";
	const struct symbol *s64 = sym_find(a->t, "64BIT");
	struct wbase wb = { 0 };

	model_encode_all(a->m);
	if (q->base) {
		wb.c = *q->base;
		wb.path = xstrdup(q->o->config);
		wb.have = true;
	} else if (!a->arch) {
		wb.why = xstrdup("a tree without arch/ has no defconfig");
	} else {
		find_defconfig(&q->o->load, a, b, &wb);
	}
	if (wb.have && !dialect_has(a->t, DR_CHOICE_VALUES)) {
		wbase_release(&wb);
		wb.why = xstrdup("the olddefconfig simulation needs a Linux 6.11 or newer tree");
	}
	if (!(b->bits && s64 && (s64->flags & SYM_DEFINED)))
		s64 = NULL;
	for (size_t t = 0; t < q->n; t++)
		vec_push(done, !sat_ok[t * 2 + (size_t)k]);
	for (int w = 1; w <= MAX_WITNESSES && ok; w++) {
		sizevec held = { 0 };
		intvec want = { 0 };
		VEC(const struct expr *) conds = { 0 };
		struct strbuf name = STRBUF_INIT, fname = STRBUF_INIT, h = STRBUF_INIT;
		struct strbuf cmd = STRBUF_INIT, mk = STRBUF_INIT, merge = STRBUF_INIT;
		struct fix_result fx = { 0 };
		struct config frag = { 0 };
		bool from_base = false;

		for (size_t t = 0; t < done.n; t++) {	/* done.n == q->n */
			if (done.v[t])
				continue;
			sat_assume(a->s, b->lit);
			for (size_t i = 0; i < held.n; i++)
				sat_assume(a->s, lits[held.v[i]]);
			sat_assume(a->s, lits[t]);
			if (sat_solve(a->s) == SAT_SAT)
				vec_push(held, t);
		}
		if (!held.n) {
			vec_release(held);
			break;
		}
		sb_addf(&name, "%s/%s%s%.0d", q->witness, arch, b->bits ? "-" : "", b->bits);
		if (w > 1)
			sb_addf(&name, ".%d", w);
		sb_adds(&fname, sb_str(&name));
		sb_adds(&name, ".config");
		sb_adds(&fname, ".fragment");
		sb_addf(&h, "# kcsat witness: compiles on %s%s%s:\n", arch, *b->label ? " " : "",
			b->label);
		for (size_t i = 0; i < held.n; i++)
			sb_addf(&h, "#   %s\n", q->labels[held.v[i]]);
		if (wb.have) {
			vec_push(want, b->lit);
			for (size_t i = 0; i < held.n; i++) {
				vec_push(want, lits[held.v[i]]);
				vec_push(conds, ca->items.v[held.v[i]].cond);
			}
			fix_find_conds(a, &wb.c, conds.v, conds.n, s64, b->bits == 64 ? 'y' : 'n',
				       want.v, want.n, &fx);
			from_base = fx.status == FIX_FOUND;
		}
		if (from_base) {
			fix_changes_config(&fx, &frag);
			settle_changes(a, &wb, &fx, &frag);
			sb_addf(&h, "# base: %s, %zu change%s (%s)\n", wb.path, fx.changes.n,
				fx.changes.n == 1 ? "" : "s", sb_str(&fname));
			ok = write_from_base(sb_str(&name), a, &wb, &frag, sb_str(&h)) &&
			     write_fragment(sb_str(&fname), &frag, sb_str(&h));
			/* how a developer makes it: from the defconfig's make target or
			 * a copy of BASE, then olddefconfig */
			if (wb.defconfig)
				sb_addf(&mk, "make ARCH=%s %s", arch, strrchr(wb.path, '/') + 1);
			else
				sb_addf(&mk, "cp %s .config", wb.path);
			sb_addf(&cmd, "%s; scripts/config --file .config", sb_str(&mk));
			for (size_t c = 0; c < fx.changes.n; c++)
				fix_config_command(&cmd, &fx.changes.v[c]);
			sb_addf(&cmd, "; make ARCH=%s olddefconfig", arch);
			sb_addf(&merge, "%s; scripts/kconfig/merge_config.sh -m .config %s; make ARCH=%s "
				"olddefconfig", sb_str(&mk), sb_str(&fname), arch);
		} else {
			struct outfile of;

			sat_assume(a->s, b->lit);
			for (size_t i = 0; i < held.n; i++)
				sat_assume(a->s, lits[held.v[i]]);
			if (sat_solve(a->s) != SAT_SAT) {
				ok = false;
			} else if (!outfile_open(&of, sb_str(&name))) {
				ok = false;
			} else {
				config_write(of.f, a->m, a->s, sb_str(&h));
				ok = outfile_commit(&of);
			}
		}
		if (ok && json) {
			json_object(j);
			json_kstring(j, "arch", arch);
			json_kint(j, "bits", b->bits);
			json_kstring(j, "witness", sb_str(&name));
			json_karray(j, "compiles");
			for (size_t i = 0; i < held.n; i++)
				json_string(j, q->labels[held.v[i]]);
			json_end(j);
			json_kstring(j, "base", wb.path);
			json_kstring(j, "base_status", !wb.have ? "none" : fix_status_name(fx.status));
			if (!wb.have)
				json_kstring(j, "base_reason", wb.why);
			if (from_base) {
				json_kstring(j, "fragment", sb_str(&fname));
				json_kbool(j, "minimal", fx.minimal);
				json_karray(j, "changes");
				for (size_t c = 0; c < fx.changes.n; c++) {
					json_object(j);
					json_kstring(j, "symbol", fx.changes.v[c].sym->name);
					json_kstring(j, "from", fx.changes.v[c].before);
					json_kstring(j, "to", fx.changes.v[c].value);
					json_end(j);
				}
				json_end(j);
				json_kstring(j, "merge_config", sb_str(&merge));
				json_kstring(j, "scripts_config", sb_str(&cmd));
			}
			json_end(j);
		} else if (ok) {
			fprintf(out, "%s%s%s: witness %s compiles", arch, *b->label ? " " : "",
				b->label, sb_str(&name));
			for (size_t i = 0; i < held.n; i++)
				fprintf(out, "%s %s", i ? "," : "", q->labels[held.v[i]]);
			fprintf(out, "\n");
			if (from_base && !fx.changes.n) {
				fprintf(out, "\tbase %s compiles %s as it is: no change (fragment %s "
					"is empty)\n", wb.path, held.n > 1 ? "them" : "it",
					sb_str(&fname));
			} else if (from_base) {
				fprintf(out, "\tbase %s, %zu change%s (olddefconfig simulated: %s):\n",
					wb.path, fx.changes.n, fx.changes.n == 1 ? "" : "s",
					fx.minimal ? "none can be dropped" :
					"work budget spent, not minimized");
				for (size_t c = 0; c < fx.changes.n; c++)
					fprintf(out, "\t\t%s: %s -> %s\n", fx.changes.v[c].sym->name,
						fx.changes.v[c].before, fx.changes.v[c].value);
				fprintf(out, "\tfragment %s (the changed lines):\n\t\t%s\n",
					sb_str(&fname), sb_str(&merge));
				fprintf(out, "\tor with scripts/config:\n\t\t%s\n", sb_str(&cmd));
			} else if (!wb.have) {
				fprintf(out, "\tno base (%s): a solver's configuration\n", wb.why);
			} else if (fx.toolchain) {
				fprintf(out, "\tno change from %s found: it needs %s changed, "
					"which the toolchain decides ($(shell,...)), not a setting: "
					"a solver's configuration\n", wb.path, fx.toolchain->name);
			} else {
				fprintf(out, "\tno change from %s found (%s): a solver's "
					"configuration\n", wb.path, fx.status == FIX_BUDGET ?
					"solver budget exhausted" :
					"the olddefconfig simulation does not reproduce the solution");
			}
		}
		for (size_t i = 0; i < held.n; i++)
			done.v[held.v[i]] = true;
		fix_release(&fx);
		config_release(&frag);
		vec_release(held);
		vec_release(want);
		vec_release(conds);
		sb_release(&name);
		sb_release(&fname);
		sb_release(&h);
		sb_release(&cmd);
		sb_release(&mk);
		sb_release(&merge);
	}
	vec_release(done);
	wbase_release(&wb);
	return ok;
}

static int cover_arch_job(const struct tree_opts *o, size_t ai, void *ctx, FILE *out,
			  struct strbuf *result)
{
	struct coverq *q = ctx;
	struct arch_ctx a;
	struct cover_arch ca;
	struct bitness b[2];
	struct json j;
	bool json = o->format == FMT_JSON;
	int nb, rc = EXIT_OK;
	intvec lits = { 0 };
	char *sat_ok = xcalloc(q->n * 2 + 1, 1);	/* [t * 2 + k]: case k compiles target t */

	if (!arch_ctx_load(&a, &o->load, ai))
		return EXIT_ERROR;
	if (!cover_prepare(&ca, a.t, &o->load, q->tg, q->n)) {
		cover_release(&ca);
		arch_ctx_close(&a);
		return EXIT_ERROR;
	}
	/* selectors assumed: a core names the Kconfig lines */
	a.m = model_build(a.t, true, true);
	a.s = sat_new(model_cnf(a.m), true);
	json_init_seq(&j, out);
	nb = query_bitness(&a, q->bits, b);
	if (!nb)
		cli_no_case(o, &a, q->bits, out, &j);
	else
		sb_adds(result, "+");
	for (size_t t = 0; t < q->n; t++) {
		const struct cover_item *it = &ca.items.v[t];
		strvec mk = { 0 }, ifs = { 0 };

		vec_push(lits, model_expr_lit(a.m, it->cond, false));
		cover_makefile_chain(&ca, it, &o->load, &mk);
		cover_if_chain(it, &ifs);
		if (!json) {
			fprintf(out, "%s: %s\n", a.arch ? a.arch : "tree", q->labels[t]);
			if (it->why_not)
				fprintf(out, "\tnot compiled: %s\n", cover_why_not_text(it->why_not));
			if (it->kind == CK_HEADER)
				fprintf(out, "\ta header: its includers are not traced, its #if lines "
					     "alone decide\n");
		}
		sb_addc(result, t ? ';' : ' ');
		for (int k = 0; k < nb; k++) {
			enum sat_result r;
			struct strbuf w = STRBUF_INIT;
			struct selvec chain = { 0 };
			bool bits_used = false, builtin = false;
			const char *arch = a.arch ? a.arch : "tree";
			const char *lab = b[k].label;

			sat_assume(a.s, b[k].lit);
			sat_assume(a.s, lits.v[t]);
			r = sat_solve(a.s);
			if (r == SAT_SAT) {
				witness_text(a.m, a.s, it->cond, &w);
				if (it->kind == CK_SOURCE && it->obj)
					builtin = sat_value(a.s, model_expr_lit(a.m, it->cond_y, false)) > 0;
			} else if (r == SAT_UNSAT && !it->why_not) {
				core_chain(a.m, a.s, it->cond, b[k].lit, &chain, &bits_used);
			}
			if (r == SAT_UNKNOWN)
				rc = EXIT_UNKNOWN;
			sat_ok[t * 2 + (size_t)k] = r == SAT_SAT;
			sb_addf(result, "%s%d=%c", k ? "," : "", b[k].bits,
				r == SAT_SAT ? '1' : r == SAT_UNSAT ? '0' : '?');
			if (json) {
				json_object(&j);
				json_kstring(&j, "arch", arch);
				json_kint(&j, "bits", b[k].bits);
				json_kstring(&j, "file", q->tg[t].path);
				json_kint(&j, "first", q->tg[t].first);
				json_kint(&j, "last", q->tg[t].last);
				json_kstring(&j, "compiled", r == SAT_SAT ? "yes" : r == SAT_UNSAT ? "no" :
							     "unknown");
				if (it->why_not)
					json_kstring(&j, "reason", cover_why_not_text(it->why_not));
				json_kbool(&j, "header", it->kind == CK_HEADER);
				print_lines(out, &j, true, "makefile", "", &mk);
				print_lines(out, &j, true, "if", "", &ifs);
				if (r == SAT_SAT) {
					json_kstring(&j, "with", sb_str(&w));
					if (it->kind == CK_SOURCE && it->obj)
						json_kstring(&j, "as", builtin ? "built-in" : "module");
				}
				json_karray(&j, "chain");
				for (size_t ci = 0; ci < chain.n; ci++) {
					json_object(&j);
					query_chain_item_json(&j, chain.v[ci]);
					json_end(&j);
				}
				json_end(&j);
				if (bits_used)
					json_kstring(&j, "assumes", b[k].bits == 64 ? "64BIT=y" : "64BIT=n");
				json_end(&j);
			} else {
				if (!k) {
					print_lines(out, NULL, false, NULL, "built by:", &mk);
					print_lines(out, NULL, false, NULL, "inside:  ", &ifs);
				}
				fprintf(out, "\t%s%s", lab, *lab ? ": " : "");
				if (r == SAT_SAT && q->mode == MODE_WHYNOT)
					fprintf(out, "compiled (see kcsat why)\n");
				else if (r == SAT_SAT)
					fprintf(out, "%s%s, with %s\n",
						it->kind == CK_MAKEFILE ? "in effect" : "compiled",
						it->kind == CK_SOURCE && it->obj ?
							(builtin ? " built-in" : " as a module") : "",
						sb_str(&w));
				else if (r == SAT_UNKNOWN)
					fprintf(out, "unknown: solver budget exhausted\n");
				else if (q->mode == MODE_WHY)
					fprintf(out, "never compiled (see kcsat why-not)\n");
				else if (it->why_not)
					fprintf(out, "never compiled\n");
				else {
					fprintf(out, "never compiled, blocked by:\n");
					for (size_t ci = 0; ci < chain.n; ci++) {
						struct strbuf l = STRBUF_INIT;

						query_chain_item_text(&l, chain.v[ci]);
						fprintf(out, "\t\t%s\n", sb_str(&l));
						sb_release(&l);
					}
					if (bits_used)
						fprintf(out, "\t\twith 64BIT=%c\n", b[k].bits == 64 ? 'y' : 'n');
					if (!chain.n && !bits_used)
						print_undefined(out, it->cond, arch);
				}
			}
			vec_release(chain);
			sb_release(&w);
		}
		strvec_free_all(&mk);
		strvec_free_all(&ifs);
	}
	if (q->witness && rc != EXIT_ERROR)
		for (int k = 0; k < nb; k++)
			if (!write_witnesses(q, &a, &b[k], k, lits.v, sat_ok, &ca, out, &j, json))
				rc = EXIT_ERROR;
	json_finish(&j);
	free(sat_ok);
	vec_release(lits);
	cover_release(&ca);
	arch_ctx_close(&a);
	return rc;
}

/* "+ 64=1,32=0;64=1" per arch: '+' when --bits selected a case, then per
 * target its cases. */
static void cover_merge(void *ctx, size_t i, const char *result)
{
	struct coverq *q = ctx;
	const char *arch = load_config_arch(&q->o->load, i);
	const char *p = result;
	size_t t = 0;

	if (*p == '+') {
		q->any_case = true;
		p++;
	}
	while (*p && t < q->n) {
		int bits;
		char r;
		int used;

		if (*p == ' ' || *p == ';' || *p == ',') {
			if (*p == ';')
				t++;
			p++;
			continue;
		}
		if (sscanf(p, "%d=%c%n", &bits, &r, &used) != 2)
			break;
		{
			struct strbuf sb = STRBUF_INIT;

			sb_addf(&sb, "%s%s", arch ? arch : "tree",
				bits ? (bits == 64 ? " 64-bit" : " 32-bit") : "");
			if (r == '1')
				vec_push(q->sum[t].yes, sb_detach(&sb));
			else if (r == '0')
				vec_push(q->sum[t].no, sb_detach(&sb));
			else
				q->sum[t].unknown = true;
			sb_release(&sb);
		}
		p += used;
	}
}

static void print_summary(const struct coverq *q)
{
	size_t dead = 0;

	printf("summary:\n");
	for (size_t t = 0; t < q->n; t++) {
		const struct target_sum *s = &q->sum[t];

		printf("  %s: ", q->labels[t]);
		if (!s->yes.n) {
			printf("%s\n", s->unknown ? "unknown (solver budget)" : "compiled on no arch");
			dead += !s->unknown;
			continue;
		}
		printf("compiled on");
		for (size_t k = 0; k < s->yes.n; k++)
			printf("%s %s", k ? "," : "", s->yes.v[k]);
		if (s->no.n) {
			printf("; not on");
			for (size_t k = 0; k < s->no.n; k++)
				printf("%s %s", k ? "," : "", s->no.v[k]);
		}
		printf("\n");
	}
	if (dead) {
		printf("dead code in the patch:");
		for (size_t t = 0; t < q->n; t++)
			if (!q->sum[t].yes.n && !q->sum[t].unknown)
				printf(" %s", q->labels[t]);
		printf("\n");
	} else if (q->n) {
		printf("every hunk is compiled on some arch\n");
	}
}

static int run(struct tree_opts *o, struct coverq *q)
{
	int rc;
	bool dead = false, reached = false;

	q->o = o;
	q->sum = xcalloc(q->n ? q->n : 1, sizeof(*q->sum));
	if (!o->load.cache)
		o->load.cache = srccache_new();
	rc = cli_run_query(o, cover_arch_job, cover_merge, q);
	if (rc != EXIT_ERROR && !q->any_case)
		rc = cli_no_case_error(q->bits);
	if (rc != EXIT_ERROR && q->mode == MODE_COVER && o->format == FMT_TEXT)
		print_summary(q);
	for (size_t t = 0; t < q->n; t++) {
		dead |= !q->sum[t].yes.n && !q->sum[t].unknown;
		reached |= q->sum[t].yes.n > 0;
		strvec_free_all(&q->sum[t].yes);
		strvec_free_all(&q->sum[t].no);
	}
	free(q->sum);
	if (rc == EXIT_ERROR || rc == EXIT_UNKNOWN)
		return rc;
	if (q->mode == MODE_COVER)
		return dead ? EXIT_NO : EXIT_OK;
	if (q->mode == MODE_WHY)
		return reached ? EXIT_OK : EXIT_NO;
	return reached ? EXIT_NO : EXIT_OK;
}

static bool is_cover_kind(const char *path)
{
	const char *b = strrchr(path, '/');
	size_t n;

	b = b ? b + 1 : path;
	n = strlen(b);
	return !strcmp(b, "Makefile") || !strcmp(b, "Kbuild") ||
	       (n > 2 && b[n - 2] == '.' && (b[n - 1] == 'c' || b[n - 1] == 'S' || b[n - 1] == 'h'));
}

int cmd_cover(int argc, char **argv)
{
	static const struct option longopts[] = {
		CLI_TREE_OPTIONS,
		{ "bits", required_argument, NULL, 'b' },
		{ "witness", required_argument, NULL, 'w' },
		{ "config", required_argument, NULL, 'c' },
		{ NULL, 0, NULL, 0 },
	};
	struct tree_opts o;
	struct coverq q = { 0 };
	struct config base = { 0 };
	struct patch *p = NULL;
	struct patch_stats st = { 0 };
	VEC(struct cover_target) tg = { 0 };
	strvec labels = { 0 };
	int c, done, rc = EXIT_ERROR, strip = 1;
	char *text = NULL;

	cli_tree_opts_init(&o);
	o.all_arches = true;
	optind = 1;
	while ((c = cli_next_option(&o, argc, argv, "p:", longopts, usage, &done)) != -1) {
		if (c == 'p') {
			if (!cli_strip_option(optarg, &strip))
				return EXIT_ERROR;
		} else if (c == 'b') {
			if (!cli_bits_option(optarg, &q.bits))
				return EXIT_ERROR;
		} else if (c == 'w') {
			q.witness = optarg;
		} else if (c == 'c') {
			o.config = optarg;
		} else {
			return cli_usage_error(usage);
		}
	}
	if (done >= 0)
		return done;
	if (o.config && !q.witness) {
		diag_fatal("--config BASE is the base of the witnesses: it needs --witness DIR");
		cli_tree_opts_release(&o);
		return EXIT_ERROR;
	}
	if ((rc = cli_patch_operand(argc, argv, "cover", usage, strip, &text, &p)) != EXIT_OK)
		goto out;
	rc = EXIT_ERROR;
	/* a base answers for one arch: its heading's, or --arch */
	if (o.config)
		o.all_arches = false;
	if (!cli_resolve_arches(&o))
		goto out;
	if (o.config) {
		if (!config_read(o.config, &base))
			goto out;
		q.base = &base;
	}
	if (!o.load.cache)
		o.load.cache = srccache_new();
	if (!patch_apply(p, o.load.srctree, o.load.cache, &st))
		goto out;
	for (size_t i = 0; i < patch_nfiles(p); i++) {
		const struct patch_file *f = patch_file(p, i);

		if (!f->new_path || !is_cover_kind(f->new_path) || f->binary)
			continue;
		for (size_t h = 0; h < f->nranges; h++) {
			const struct patch_range *r = &f->ranges[h];
			struct cover_target t = { f->new_path, r->new_line ? r->new_line : 1, 0 };
			struct strbuf sb = STRBUF_INIT;

			t.last = r->new_count ? r->new_line + r->new_count - 1 : t.first;
			if (r->new_count > 1)
				sb_addf(&sb, "%s:%u-%u (hunk %zu)", f->new_path, t.first, t.last, h + 1);
			else if (r->new_count)
				sb_addf(&sb, "%s:%u (hunk %zu)", f->new_path, t.first, h + 1);
			else
				sb_addf(&sb, "%s:%u (hunk %zu, lines deleted after it)", f->new_path,
					t.first, h + 1);
			vec_push(tg, t);
			vec_push(labels, sb_detach(&sb));
		}
	}
	if (!tg.n) {
		printf("%s: no hunk changes a .c, .S, .h, Makefile or Kbuild file\n", argv[optind]);
		rc = EXIT_OK;
		goto out;
	}
	q.mode = MODE_COVER;
	q.tg = tg.v;
	q.labels = (const char *const *)labels.v;
	q.n = tg.n;
	rc = run(&o, &q);
out:
	config_release(&base);
	strvec_free_all(&labels);
	vec_release(tg);
	patch_free(p);
	free(text);
	cli_tree_opts_release(&o);
	return rc;
}

bool cmd_is_file_line(const char *arg)
{
	const char *colon = strrchr(arg, ':');

	if (!colon || colon == arg || !colon[1] || strchr(arg, '='))
		return false;
	for (const char *d = colon + 1; *d; d++)
		if (!isdigit((unsigned char)*d))
			return false;
	for (const char *s = arg; s < colon; s++)
		if (*s == '/' || *s == '.')
			return true;
	return !strncmp(arg, "Makefile:", 9) || !strncmp(arg, "Kbuild:", 7);
}

int cmd_cover_line(int argc, char **argv, bool why_not)
{
	static const struct option longopts[] = {
		CLI_TREE_OPTIONS,
		{ "bits", required_argument, NULL, 'b' },
		{ NULL, 0, NULL, 0 },
	};
	struct tree_opts o;
	struct coverq q = { 0 };
	struct cover_target t;
	char *path, *label;
	const char *arg;
	int c, done, rc;
	unsigned long line;

	cli_tree_opts_init(&o);
	o.all_arches = true;	/* a line: every arch, as for a patch */
	cmd_current = &line_row;
	optind = 1;
	while ((c = cli_next_option(&o, argc, argv, "", longopts, line_usage, &done)) != -1) {
		if (c != 'b')
			return cli_usage_error(line_usage);
		if (!cli_bits_option(optarg, &q.bits))
			return EXIT_ERROR;
	}
	if (done >= 0)
		return done;
	if (optind + 1 != argc) {
		if (optind == argc)
			return cli_usage_error(line_usage);
		diag_fatal("unexpected argument '%s' (see 'kcsat help %s')", argv[optind + 1],
			   why_not ? "why-not" : "why");
		return EXIT_ERROR;
	}
	arg = argv[optind];
	errno = 0;
	line = strtoul(strrchr(arg, ':') + 1, NULL, 10);
	if (!line || errno || line > 100000000) {
		diag_fatal("'%s': no line %s", arg, strrchr(arg, ':') + 1);
		return EXIT_ERROR;
	}
	if (!cli_resolve_arches(&o))
		return EXIT_ERROR;
	path = xstrndup(arg, (size_t)(strrchr(arg, ':') - arg));
	while (!strncmp(path, "./", 2))
		memmove(path, path + 2, strlen(path + 2) + 1);
	t.path = path;
	t.first = t.last = (unsigned)line;
	{
		struct strbuf sb = STRBUF_INIT;

		sb_addf(&sb, "%s:%lu", path, line);
		label = sb_detach(&sb);
	}
	q.mode = why_not ? MODE_WHYNOT : MODE_WHY;
	q.tg = &t;
	q.labels = (const char *const *)&label;
	q.n = 1;
	{
		size_t len;
		int err;
		char *text = kbuild_read_file(&o.load, path, &len, &err);

		if (!text) {
			diag_fatal("cannot read '%s': %s", path, err ? src_strerror(err) : "no such file in the tree");
			free(path);
			free(label);
			cli_tree_opts_release(&o);
			return EXIT_ERROR;
		}
		free(text);
	}
	rc = run(&o, &q);
	free(path);
	free(label);
	cli_tree_opts_release(&o);
	return rc;
}
