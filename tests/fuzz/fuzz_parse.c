/* libFuzzer target for the front-end: one input is a small in-memory tree.
 *
 * Input format (every byte sequence is valid):
 *   - optional header lines "%%kernel N" (e.g. 601, 612: load_config.kversion)
 *     and "%%arch NAME" (load as that SRCARCH, kbuild's variables set);
 *   - then the root file "Kconfig", up to the first "%%file PATH" line;
 *   - each line "%%file PATH" starts a new virtual file named PATH (a later
 *     file of the same name wins), so `source "PATH"` works and recursive
 *     or missing sources can be expressed;
 *   - a file named "Makefile" is read for VERSION/PATCHLEVEL as in a tree;
 *   - a line "\\ No newline at end of file" drops the newline before it (as
 *     in a diff), and a line "%%cmd", "%%rc ", "%%stdout" or "%%stderr" ends
 *     the input: the error cases of tests/cli/errors/ are inputs too.
 * File contents are handed to the front-end as (pointer, length) slices of
 * the input, not NUL-terminated: it must honour the length.
 * Shell commands are never run (SHELL_OFF) and no real file is opened.
 *
 * After a successful load every expression, symbol and menu entry is
 * walked and printed to a buffer, so printing code is exercised too; then
 * the tree is freed.  Diagnostics go to /dev/null (FUZZ_VERBOSE=1: stderr).  Global state (the
 * interned file names, the error counters) is reset after each input so
 * nothing accumulates across runs and LeakSanitizer sees every leak. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "util/diag.h"
#include "kconfig/kconfig.h"
#include "util/strbuf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_INPUT (256u * 1024u)	/* larger inputs only test memcpy */
#define MAX_FILES 32

struct vfile {
	char path[128];
	const char *text;
	size_t len;
};

struct vtree {
	struct vfile files[MAX_FILES];
	size_t n;
};

static const char *vfs_read(const void *ctx, const char *path, size_t *len)
{
	const struct vtree *vt = ctx;

	/* Last definition wins: search from the end. */
	for (size_t i = vt->n; i-- > 0;)
		if (!strcmp(vt->files[i].path, path)) {
			*len = vt->files[i].len;
			return vt->files[i].text;
		}
	return NULL;
}

static bool starts_with(const char *p, const char *end, const char *prefix)
{
	size_t n = strlen(prefix);

	return (size_t)(end - p) >= n && !memcmp(p, prefix, n);
}

/* Copy the rest of the directive line [p, eol) into buf, NUL-terminated;
 * NUL bytes inside end the value early, as they would in a C string. */
static void line_value(const char *p, const char *eol, char *buf, size_t size)
{
	size_t n = (size_t)(eol - p);

	if (n >= size)
		n = size - 1;
	memcpy(buf, p, n);
	buf[n] = '\0';
}

static void split_input(const char *text, size_t size, struct vtree *vt,
			struct load_config *o, char *arch, size_t arch_size)
{
	const char *p = text, *end = text + size;
	struct vfile *cur;
	char val[32];
	bool done = false;	/* cur's length is known (no newline at its end) */

	/* Header: option lines before the root file's first byte. */
	while (p < end) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));

		if (!eol)
			eol = end;
		if (starts_with(p, eol, "%%kernel ")) {
			line_value(p + 9, eol, val, sizeof(val));
			o->kversion = atoi(val);
		} else if (starts_with(p, eol, "%%arch ")) {
			line_value(p + 7, eol, arch, arch_size);
		} else {
			break;
		}
		p = eol < end ? eol + 1 : end;
	}
	vt->n = 1;
	cur = &vt->files[0];
	snprintf(cur->path, sizeof(cur->path), "Kconfig");
	cur->text = p;
	while (p < end) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		const char *next;

		if (!eol)
			eol = end;
		next = eol < end ? eol + 1 : end;
		if (starts_with(p, eol, "%%cmd") || starts_with(p, eol, "%%rc ") ||
		    starts_with(p, eol, "%%stdout") || starts_with(p, eol, "%%stderr")) {
			end = p;
			break;
		}
		if (starts_with(p, eol, "\\ No newline at end of file") && !done) {
			cur->len = (size_t)(p - cur->text);
			if (cur->len)
				cur->len--;
			done = true;
		}
		if (starts_with(p, eol, "%%file ") && vt->n < MAX_FILES) {
			if (!done)
				cur->len = (size_t)(p - cur->text);
			cur = &vt->files[vt->n++];
			line_value(p + 7, eol, cur->path, sizeof(cur->path));
			cur->text = next;
			done = false;
		}
		p = next;
	}
	if (!done)
		cur->len = (size_t)(end - cur->text);
}

/* Walk what later stages walk, printing to a buffer. */
static void exercise(const struct kctree *t)
{
	struct strbuf sb = STRBUF_INIT;
	char name[300];
	const struct symbol *s;
	const struct menu *m;
	size_t i;

	for (i = 0; i < t->exprs.n; i++) {
		sb_reset(&sb);
		expr_print(&sb, t->exprs.v[i]);
	}
	tree_for_each_sym(t, s, i) {
		sb_reset(&sb);
		expr_print_sym(&sb, s);
		sym_display_name(s, name, sizeof(name));
		sym_type_name(s->type);
		if (s->name)
			(void)sym_find(t, s->name);
		for (const struct property *p = s->props; p; p = p->sym_next) {
			sb_reset(&sb);
			expr_print(&sb, p->visible);
			expr_print(&sb, p->cond);
			if (p->expr)
				expr_print(&sb, p->expr);
		}
		sb_reset(&sb);
		expr_print(&sb, s->dir_dep);
		if (s->rev_dep)
			expr_print(&sb, s->rev_dep);
		if (s->implied)
			expr_print(&sb, s->implied);
	}
	for (m = t->root.list; m; m = menu_next_const(m, &t->root)) {
		char where[300];

		menu_kind_name(m->kind);
		loc_str(m->loc, where, sizeof(where));
		for (const struct dep_item *d = m->deps; d; d = d->next)
			loc_str(d->loc, where, sizeof(where));
	}
	sb_release(&sb);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct vtree *vt;
	struct load_config o = { 0 };
	char arch[128] = "";
	const char *text;
	struct kctree *t;

	if (size > MAX_INPUT)
		return 0;
	fuzz_quiet();
	text = (const char *)data;
	vt = calloc(1, sizeof(*vt));
	if (!vt)
		return 0;
	o.srctree = ".";
	o.shell = SHELL_OFF;
	o.vfs = vfs_read;
	o.vfs_ctx = vt;
	split_input(text, size, vt, &o, arch, sizeof(arch));

	t = kctree_load(&o, arch[0] ? arch : NULL);
	if (t) {
		exercise(t);
		kctree_free(t);
	}

	diag_files_release();
	diag_reset_counts();
	free(vt);
	return 0;
}
