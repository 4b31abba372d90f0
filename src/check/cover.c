/* Patch coverage on one arch (cover.h): the condition under which some
 * line of a target is compiled, and the Makefile and #if lines that say
 * so. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/cover.h"
#include "kconfig/cppcond.h"
#include "kconfig/kbuild.h"
#include "kconfig/kconfig.h"
#include "util/diag.h"
#include "util/srccache.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

static const char *base_name(const char *path)
{
	const char *s = strrchr(path, '/');

	return s ? s + 1 : path;
}

static enum cover_kind kind_of(const char *path)
{
	const char *b = base_name(path);
	size_t n = strlen(b);

	if (n > 2 && b[n - 2] == '.' && (b[n - 1] == 'c' || b[n - 1] == 'S'))
		return CK_SOURCE;
	if (n > 2 && b[n - 2] == '.' && b[n - 1] == 'h')
		return CK_HEADER;
	if (!strcmp(b, "Makefile") || !strcmp(b, "Kbuild"))
		return CK_MAKEFILE;
	return CK_OTHER;
}

const char *cover_why_not_text(enum cover_why_not w)
{
	switch (w) {
	case CW_NONE:
		return "";
	case CW_NOT_LISTED:
		return "no Makefile lists its object";
	case CW_NO_FILE:
		return "the file is not in the tree";
	case CW_NOT_BUILT:
		return "not a file the build compiles";
	case CW_NO_DIR:
		return "kbuild never reads this directory's Makefile";
	}
	return "";
}

/* The OR of the #if conditions of lines first..last (module case k, or
 * both with k < 0); the innermost branches into it->branches. */
static struct expr *lines_cond(struct kctree *t, struct cover_item *it, unsigned first,
			       unsigned last, int k)
{
	const struct cppfile *f = it->cpp;
	struct expr *c = expr_sym(t, &t->sym_n);
	VEC(struct expr *) seen = { 0 };

	if (!f->nlines)
		return expr_sym(t, &t->sym_y);
	if (first > f->nlines)
		first = f->nlines;
	if (last > f->nlines)
		last = f->nlines;
	for (unsigned l = first; l <= last; l++) {
		struct expr *e = k < 0 ? expr_or(t, cpp_line_cond(t, f, l, false),
						 cpp_line_cond(t, f, l, true)) :
					 cpp_line_cond(t, f, l, k);
		int b = cpp_line_branch(f, l);
		bool dup = false;

		for (size_t i = 0; i < it->branches.n && !dup; i++)
			dup = it->branches.v[i] == b;
		if (!dup)
			vec_push(it->branches, b);
		dup = false;
		for (size_t i = 0; i < seen.n && !dup; i++)
			dup = seen.v[i] == e;
		if (dup)
			continue;
		vec_push(seen, e);
		c = expr_or(t, c, e);
	}
	vec_release(seen);
	return c;
}

static bool read_cpp(struct kctree *t, const struct load_config *c, struct cover_item *it,
		     const char *path)
{
	size_t len;
	int err;
	char *text = kbuild_read_file(c, path, &len, &err);

	if (!text) {
		if (err) {
			diag_fatal("cannot read '%s': %s", path, src_strerror(err));
			return false;
		}
		it->why_not = CW_NO_FILE;
		return true;
	}
	it->cpp = cpp_read(t, path, text, len);
	free(text);
	return it->cpp != NULL;
}

bool cover_prepare(struct cover_arch *ca, struct kctree *t, const struct load_config *c,
		   const struct cover_target *tg, size_t n)
{
	struct expr *F = expr_sym(t, &t->sym_n);

	memset(ca, 0, sizeof(*ca));
	ca->kb = kbuild_read(t, c);
	if (!ca->kb)
		return false;
	for (size_t i = 0; i < n; i++) {
		struct cover_item it = { 0 };

		it.kind = kind_of(tg[i].path);
		it.dir = -1;
		it.cond = it.cond_y = it.cond_m = F;
		switch (it.kind) {
		case CK_SOURCE:
			it.obj = kbuild_find_source(ca->kb, tg[i].path);
			if (!read_cpp(t, c, &it, tg[i].path)) {
				vec_push(ca->items, it);
				return false;
			}
			if (!it.cpp)
				break;
			if (!it.obj) {
				it.why_not = CW_NOT_LISTED;
				lines_cond(t, &it, tg[i].first, tg[i].last, -1);
				break;
			}
			it.cond_y = expr_and(t, it.obj->y, lines_cond(t, &it, tg[i].first, tg[i].last, 0));
			it.cond_m = expr_and(t, it.obj->m, lines_cond(t, &it, tg[i].first, tg[i].last, 1));
			it.cond = expr_or(t, it.cond_y, it.cond_m);
			break;
		case CK_HEADER:
			if (!read_cpp(t, c, &it, tg[i].path)) {
				vec_push(ca->items, it);
				return false;
			}
			if (it.cpp)
				it.cond = lines_cond(t, &it, tg[i].first, tg[i].last, -1);
			break;
		case CK_MAKEFILE: {
			struct strbuf d = STRBUF_INIT;
			const char *b = base_name(tg[i].path);

			sb_add(&d, tg[i].path, (size_t)(b - tg[i].path));
			for (size_t k = 0; k < ca->kb->dirs.n; k++)
				if (!strcmp(ca->kb->dirs.v[k].path, sb_str(&d)) && ca->kb->dirs.v[k].file &&
				    !strcmp(ca->kb->dirs.v[k].file, tg[i].path))
					it.dir = (int)k;
			sb_release(&d);
			if (it.dir < 0) {
				it.why_not = CW_NO_DIR;
			} else {
				/* the changed assignments take effect, else (a
				 * comment, a rule) the file is read at all */
				struct expr *lc = F;
				bool any = false;

				for (size_t k = 0; k < ca->kb->lines.n; k++) {
					const struct kbuild_line *l = &ca->kb->lines.v[k];

					if (l->at.line <= tg[i].last && l->last >= tg[i].first &&
					    !strcmp(diag_file_name(l->at.file), tg[i].path)) {
						lc = expr_or(t, lc, l->cond);
						any = true;
					}
				}
				it.cond = ca->kb->dirs.v[it.dir].visit;
				if (any)
					it.cond = expr_and(t, it.cond, lc);
			}
			break;
		}
		case CK_OTHER:
			it.why_not = CW_NOT_BUILT;
			break;
		}
		vec_push(ca->items, it);
	}
	return true;
}

void cover_release(struct cover_arch *ca)
{
	for (size_t i = 0; i < ca->items.n; i++) {
		cpp_free(ca->items.v[i].cpp);
		vec_release(ca->items.v[i].branches);
	}
	vec_release(ca->items);
	kbuild_free(ca->kb);
	ca->kb = NULL;
}

/* "FILE:LINE: the line as written" (white space squeezed, first 120
 * bytes), pushed to out. */
static void push_line(const struct load_config *c, struct loc at, strvec *out)
{
	const char *file = diag_file_name(at.file);
	struct strbuf sb = STRBUF_INIT;
	char buf[600];
	size_t len;
	int err;
	char *text = file ? kbuild_read_file(c, file, &len, &err) : NULL;

	sb_adds(&sb, loc_str(at, buf, sizeof(buf)));
	if (text) {
		const char *p = text;
		size_t w = 0;
		bool space = true;

		for (uint32_t l = 1; l < at.line && p; l++) {
			p = strchr(p, '\n');
			p = p ? p + 1 : NULL;
		}
		sb_adds(&sb, ": ");
		for (; p && *p && *p != '\n' && w < 120; p++) {
			char ch = *p == '\t' ? ' ' : *p;

			if (ch == ' ' && space)
				continue;
			space = ch == ' ';
			sb_addc(&sb, (unsigned char)ch < 0x20 ? '?' : ch);
			w++;
		}
		if (sb.len && sb.buf[sb.len - 1] == ' ')
			sb.buf[--sb.len] = '\0';
		if (sb.len && sb.buf[sb.len - 1] == '\\')
			sb.buf[--sb.len] = '\0';
		while (sb.len && sb.buf[sb.len - 1] == ' ')
			sb.buf[--sb.len] = '\0';
	}
	free(text);
	vec_push(*out, sb_detach(&sb));
}

void cover_makefile_chain(const struct cover_arch *ca, const struct cover_item *it,
			  const struct load_config *c, strvec *out)
{
	int d = -1;

	if (it->kind == CK_SOURCE && it->obj) {
		if (it->obj->composite_at.file)
			push_line(c, it->obj->composite_at, out);
		push_line(c, it->obj->at, out);
		d = it->obj->dir;
	} else if (it->kind == CK_MAKEFILE) {
		d = it->dir;
	}
	for (; d > 0; d = ca->kb->dirs.v[d].parent)
		if (ca->kb->dirs.v[d].at.file)
			push_line(c, ca->kb->dirs.v[d].at, out);
}

void cover_if_chain(const struct cover_item *it, strvec *out)
{
	intvec order = { 0 };

	if (!it->cpp)
		return;
	for (size_t i = 0; i < it->branches.n; i++) {
		intvec chain = { 0 };

		for (int b = it->branches.v[i]; b >= 0; b = it->cpp->br.v[b].parent)
			vec_push(chain, b);
		while (chain.n) {
			int b = vec_pop(chain);
			bool dup = false;

			for (size_t k = 0; k < order.n && !dup; k++)
				dup = order.v[k] == b;
			if (!dup)
				vec_push(order, b);
		}
		vec_release(chain);
	}
	for (size_t i = 0; i < order.n; i++) {
		const struct cpp_branch *b = &it->cpp->br.v[order.v[i]];
		struct strbuf sb = STRBUF_INIT;
		char buf[600];

		sb_addf(&sb, "%s: %s", loc_str(b->at, buf, sizeof(buf)), b->text);
		vec_push(*out, sb_detach(&sb));
	}
	vec_release(order);
}
