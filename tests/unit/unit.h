/* Shared helpers for the cmocka unit tests: an in-memory file system for
 * the lexer and kctree_load(), diagnostics captured into memory, and
 * assertion helpers with readable failure messages.
 *
 * Every test that allocates keeps its resources in a struct fx set up and
 * torn down by cmocka, so a failing assertion (which longjmps out of the
 * test) does not also show up as a leak under ASan. */
#ifndef KCSAT_TEST_UNIT_H
#define KCSAT_TEST_UNIT_H

#include <ftw.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cmocka.h>

#include "util/diag.h"
#include "kconfig/kconfig.h"
#include "kconfig/lex.h"
#include "kconfig/preprocess.h"
#include "util/strbuf.h"

/* ---- in-memory files ---- */

struct vfile {
	const char *path, *text;
};

/* ctx: an array of struct vfile ending with { NULL, NULL }. */
static inline const char *vfs_lookup(const void *ctx, const char *path, size_t *len)
{
	for (const struct vfile *f = ctx; f->path; f++)
		if (!strcmp(f->path, path)) {
			*len = strlen(f->text);
			return f->text;
		}
	return NULL;
}

/* ---- captured diagnostics ---- */

struct capture {
	FILE *f;
	char *buf;
	size_t len;
};

static inline void cap_start(struct capture *c)
{
	c->buf = NULL;
	c->len = 0;
	c->f = open_memstream(&c->buf, &c->len);
	assert_non_null(c->f);
	diag_set_stream(c->f);
}

/* Everything printed so far ("" if nothing). */
static inline const char *cap_text(struct capture *c)
{
	fflush(c->f);
	return c->buf ? c->buf : "";
}

static inline void cap_end(struct capture *c)
{
	diag_set_stream(NULL);
	if (c->f)
		fclose(c->f);
	free(c->buf);
	c->f = NULL;
	c->buf = NULL;
}

/* ---- per-test fixture ---- */

struct fx {
	struct capture cap;
	struct kctree *t;
	struct pp *pp;
	struct lexer *lx;
	char *str[64];		/* malloc'ed results freed at teardown */
	struct strbuf sb;
	char tmpdir[256];	/* removed recursively at teardown if set */
};

/* Keep a malloc'ed string until teardown; returns it. */
static inline char *fx_keep(struct fx *fx, char *s)
{
	for (size_t i = 0; i < sizeof(fx->str) / sizeof(fx->str[0]); i++)
		if (!fx->str[i]) {
			fx->str[i] = s;
			return s;
		}
	fail_msg("fx_keep: too many strings");
	return s;
}

static inline int fx_rm_entry(const char *path, const struct stat *st, int flag,
			      struct FTW *ftw)
{
	(void)st, (void)flag, (void)ftw;
	return remove(path);
}

/* A fresh temporary directory in fx->tmpdir, removed at teardown. */
static inline const char *fx_mkdtemp(struct fx *fx)
{
	const char *tmp = getenv("TMPDIR");

	snprintf(fx->tmpdir, sizeof(fx->tmpdir), "%s/kcsat-unit-XXXXXX",
		 tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(fx->tmpdir)) {
		fx->tmpdir[0] = '\0';
		fail_msg("mkdtemp failed");
	}
	return fx->tmpdir;
}

/* Write (or, with text NULL, mkdir) fx->tmpdir/rel. */
static inline void fx_write(struct fx *fx, const char *rel, const char *text)
{
	char path[512];

	snprintf(path, sizeof(path), "%s/%s", fx->tmpdir, rel);
	if (!text) {
		if (mkdir(path, 0755))
			fail_msg("mkdir %s failed", path);
	} else {
		FILE *f = fopen(path, "w");

		if (!f)
			fail_msg("cannot write %s", path);
		fputs(text, f);
		fclose(f);
	}
}

/* Setup: diagnostics captured, counters at zero. */
static inline int fx_setup(void **state)
{
	struct fx *fx = calloc(1, sizeof(*fx));

	if (!fx)
		return -1;
	diag_reset_counts();
	diag_set_prefix(NULL);
	diag_set_quiet_warnings(0);
	cap_start(&fx->cap);
	*state = fx;
	return 0;
}

static inline int fx_teardown(void **state)
{
	struct fx *fx = *state;

	if (!fx)
		return 0;
	lex_free(fx->lx);
	pp_free(fx->pp);
	kctree_free(fx->t);
	for (size_t i = 0; i < sizeof(fx->str) / sizeof(fx->str[0]); i++)
		free(fx->str[i]);
	sb_release(&fx->sb);
	if (fx->tmpdir[0])
		nftw(fx->tmpdir, fx_rm_entry, 16, FTW_DEPTH | FTW_PHYS);
	cap_end(&fx->cap);
	diag_set_prefix(NULL);
	diag_set_quiet_warnings(0);
	diag_reset_counts();
	diag_files_release();
	free(fx);
	*state = NULL;
	return 0;
}

#define FX_TEST(f) cmocka_unit_test_setup_teardown(f, fx_setup, fx_teardown)

/* Load a tree from in-memory files (the first one is the root Kconfig)
 * into fx->t, freeing any previous one; returns fx->t (NULL on error). */
static inline struct kctree *fx_load_opts(struct fx *fx, const struct vfile *files,
					  int kversion)
{
	struct load_config o;

	memset(&o, 0, sizeof(o));
	o.srctree = ".";
	o.kconfig = files[0].path;
	o.shell = SHELL_OFF;
	o.kversion = kversion;
	o.vfs = vfs_lookup;
	o.vfs_ctx = files;
	kctree_free(fx->t);
	fx->t = kctree_load(&o, NULL);
	return fx->t;
}

/* Load one root file "Kconfig" with this text. */
static inline struct kctree *fx_load(struct fx *fx, const char *text)
{
	struct vfile files[2] = { { "Kconfig", text }, { NULL, NULL } };

	return fx_load_opts(fx, files, 0);
}

/* ---- assertions ---- */

#define assert_contains(hay, needle)					\
	do {								\
		const char *h_ = (hay), *n_ = (needle);			\
		if (!h_ || !strstr(h_, n_))				\
			fail_msg("expected \"%s\" in:\n%s", n_, h_ ? h_ : "(null)"); \
	} while (0)

#define assert_not_contains(hay, needle)				\
	do {								\
		const char *h_ = (hay), *n_ = (needle);			\
		if (h_ && strstr(h_, n_))				\
			fail_msg("did not expect \"%s\" in:\n%s", n_, h_); \
	} while (0)

/* Count occurrences of needle in hay. */
static inline unsigned count_of(const char *hay, const char *needle)
{
	unsigned n = 0;

	for (const char *p = hay; (p = strstr(p, needle)); p += strlen(needle))
		n++;
	return n;
}

/* Unbuffered stdout keeps cmocka's messages in order with its errors
 * (stderr) when both go to one log file. */
static inline void unit_init(void)
{
	setvbuf(stdout, NULL, _IONBF, 0);
}

#endif
