/* libFuzzer target for the Kbuild reader (kconfig/kbuild.h) and the
 * preprocessor-condition reader (kconfig/cppcond.h): one input is a small
 * tree, all in memory.
 *
 * Input format (every byte sequence is valid): lines "%%file PATH" start
 * the files of the tree (up to MAX_FILES); text before the first is the
 * root "Kbuild".  A fixed Kconfig (tristate A, bool B, int N) is loaded
 * unless the input has its own "Kconfig".  The tree's Kbuild files are
 * read as `kcsat cover` reads them (a plain tree, no arch), then every
 * file whose name ends in .c or .h is read for its #if conditions.
 *
 * Checked beyond crashes, leaks and undefined behaviour:
 *   - each reader fails exactly when it printed an error;
 *   - every directory's parent comes before it and lies above it, every
 *     object has both conditions and is found again by its path;
 *   - every branch's body lies inside the file and after its directive,
 *     inside its parent's body, and every line has a condition. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "kconfig/cppcond.h"
#include "kconfig/kbuild.h"
#include "kconfig/kconfig.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_INPUT (256u * 1024u)
#define MAX_FILES 16

struct tfile {
	char path[128];
	const char *text;
	size_t len;
};

struct tree {
	struct tfile f[MAX_FILES + 2];
	size_t n;
};

static const char kconfig[] =
	"config MODULES\n\tbool \"m\"\n\tmodules\nconfig A\n\ttristate \"a\"\n"
	"config B\n\tbool \"b\"\nconfig N\n\tint \"n\"\n\tdefault 2\n";

static const char *lookup(const void *ctx, const char *path, size_t *len)
{
	const struct tree *t = ctx;

	for (size_t i = 0; i < t->n; i++)
		if (!strcmp(t->f[i].path, path)) {
			*len = t->f[i].len;
			return t->f[i].text;
		}
	return NULL;
}

static void split(const char *p, const char *end, struct tree *t)
{
	struct tfile *cur = &t->f[0];
	bool has_kconfig = false;

	snprintf(cur->path, sizeof(cur->path), "Kbuild");
	cur->text = p;
	t->n = 1;
	while (p < end) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		const char *next = eol ? eol + 1 : end;

		if (!eol)
			eol = end;
		if ((size_t)(eol - p) > 7 && !memcmp(p, "%%file ", 7) && t->n < MAX_FILES) {
			size_t len = (size_t)(eol - (p + 7));

			cur->len = (size_t)(p - cur->text);
			cur = &t->f[t->n++];
			if (len >= sizeof(cur->path))
				len = sizeof(cur->path) - 1;
			memcpy(cur->path, p + 7, len);
			cur->path[len] = '\0';
			cur->text = next;
			has_kconfig |= !strcmp(cur->path, "Kconfig");
		}
		p = next;
	}
	cur->len = (size_t)(end - cur->text);
	if (!has_kconfig) {
		cur = &t->f[t->n++];
		snprintf(cur->path, sizeof(cur->path), "Kconfig");
		cur->text = kconfig;
		cur->len = strlen(kconfig);
	}
}

static void check_kbuild(const struct kbuild *kb)
{
	for (size_t i = 0; i < kb->dirs.n; i++) {
		const struct kbuild_dir *d = &kb->dirs.v[i];

		if (!d->visit || !d->builtin)
			abort();
		if (i && (d->parent < 0 || (size_t)d->parent >= i ||
			  strncmp(d->path, kb->dirs.v[d->parent].path,
				  strlen(kb->dirs.v[d->parent].path))))
			abort();
	}
	for (size_t i = 0; i < kb->objs.n; i++) {
		const struct kbuild_obj *o = &kb->objs.v[i];

		if (!o->y || !o->m || kbuild_find(kb, o->path) != o || o->dir < 0 ||
		    (size_t)o->dir >= kb->dirs.n)
			abort();
	}
}

static void check_cpp(struct kctree *t, const struct cppfile *f)
{
	for (size_t i = 0; i < f->br.n; i++) {
		const struct cpp_branch *b = &f->br.v[i];

		if (!b->cond[0] || !b->cond[1] || b->first <= b->at.line ||
		    b->first > b->last + 1 || b->last > f->nlines || b->parent >= (int)i)
			abort();
		if (b->parent >= 0 && (b->at.line < f->br.v[b->parent].first ||
				       b->last > f->br.v[b->parent].last))
			abort();
	}
	for (unsigned l = 1; l <= f->nlines && l < 4096; l++)
		if (!cpp_line_cond(t, f, l, false) || !cpp_line_cond(t, f, l, true))
			abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct tree tr;
	struct load_config o;
	struct diag_scope s = { 0 };
	struct kctree *t;
	struct kbuild *kb;

	if (size > MAX_INPUT)
		return 0;
	fuzz_quiet();
	split((const char *)data, (const char *)data + size, &tr);
	load_config_init(&o);
	o.srctree = ".";
	o.kversion = 612;
	o.vfs = lookup;
	o.vfs_ctx = &tr;
	diag_scope_enter(&s);
	t = kctree_load(&o, NULL);
	diag_scope_leave(&s);
	fuzz_agree(t != NULL, &s);
	if (!t)
		goto out;
	memset(&s, 0, sizeof(s));
	diag_scope_enter(&s);
	kb = kbuild_read(t, &o);
	diag_scope_leave(&s);
	fuzz_agree(kb != NULL, &s);
	if (kb)
		check_kbuild(kb);
	kbuild_free(kb);
	for (size_t i = 0; i < tr.n; i++) {
		size_t n = strlen(tr.f[i].path);
		struct cppfile *f;

		if (n < 2 || tr.f[i].path[n - 2] != '.' ||
		    (tr.f[i].path[n - 1] != 'c' && tr.f[i].path[n - 1] != 'h'))
			continue;
		memset(&s, 0, sizeof(s));
		diag_scope_enter(&s);
		f = cpp_read(t, tr.f[i].path, tr.f[i].text, tr.f[i].len);
		diag_scope_leave(&s);
		fuzz_agree(f != NULL, &s);
		if (f)
			check_cpp(t, f);
		cpp_free(f);
	}
	kctree_free(t);
out:
	fuzz_reset();
	return 0;
}
