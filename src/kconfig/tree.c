/* Loading a tree: the front-end pipeline lex -> preprocess -> parse ->
 * menu/symbols, for one architecture. */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kconfig/arch.h"
#include "kconfig/dialect.h"
#include "kconfig/kconfig.h"
#include "kconfig/lex.h"
#include "kconfig/menu.h"
#include "kconfig/parse.h"
#include "kconfig/preprocess.h"
#include "util/jobs.h"
#include "util/srccache.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

static void init_const(struct kctree *t, struct symbol *s, const char *name)
{
	sym_init(t, s, name, SYM_CONST);
	s->type = S_TRISTATE;
}

/* "KEY = N" with N a small number (a version part); sets *out. */
static bool make_number(const char *line, const char *key, int *out)
{
	size_t n = strlen(key);
	char *end;
	long v;

	if (strncmp(line, key, n))
		return false;
	line += n;
	while (*line == ' ' || *line == '\t')
		line++;
	if (*line++ != '=')
		return false;
	while (*line == ' ' || *line == '\t')
		line++;
	if (*line < '0' || *line > '9')
		return false;
	errno = 0;
	v = strtol(line, &end, 10);
	if (errno || v > 9999)
		return false;
	*out = (int)v;
	return true;
}

/* "VERSION = 6\nPATCHLEVEL = 12\nSUBLEVEL = 117\nEXTRAVERSION =" */
static int read_version(const struct load_config *o, char *kv, size_t kvsize)
{
	char *buf = NULL;
	const char *text;
	size_t len = 0;
	int v = -1, p = -1, s = -1;
	char extra[64] = "";

	kv[0] = '\0';
	if (o->vfs) {
		text = o->vfs(o->vfs_ctx, "Makefile", &len);
		if (!text)
			return 0;
		buf = xstrndup(text, len);
	} else {
		/* the tree's Makefile, contained like every Kconfig file */
		if (o->cache) {
			text = srccache_read_in(o->cache, o->srctree, "Makefile", &len);
			buf = text ? xstrndup(text, len) : NULL;
		} else {
			buf = srccache_read_copy(o->srctree, "Makefile", &len);
		}
		if (!buf)
			return 0;
	}
	for (char *line = strtok(buf, "\n"); line; line = strtok(NULL, "\n")) {
		if (make_number(line, "VERSION", &v) || make_number(line, "PATCHLEVEL", &p) ||
		    make_number(line, "SUBLEVEL", &s))
			continue;
		if (!strncmp(line, "EXTRAVERSION =", 14)) {
			const char *e = line + 14;

			while (*e == ' ')
				e++;
			snprintf(extra, sizeof(extra), "%s", e);
		}
		if (v >= 0 && p >= 0 && s >= 0 && !strncmp(line, "NAME", 4))
			break;
	}
	free(buf);
	if (v < 0 || p < 0 || p > 99)
		return 0;
	snprintf(kv, kvsize, "%d.%d.%d%s", v, p, s < 0 ? 0 : s, extra);
	return v * 100 + p;
}

int kctree_dialect(const struct load_config *c)
{
	char kv[96];

	return dialect_select(c->kversion ? c->kversion : read_version(c, kv, sizeof(kv)));
}

void load_config_init(struct load_config *c)
{
	memset(c, 0, sizeof(*c));
	c->shell = SHELL_OFF;
	c->jobs = 1;
}

void load_config_release(struct load_config *c)
{
	strvec_free_all(&c->arches);
	strvec_free_all(&c->env);
	srccache_free(c->cache);
	c->cache = NULL;
}

size_t load_config_count(const struct load_config *c)
{
	return c->arches.n ? c->arches.n : 1;
}

const char *load_config_arch(const struct load_config *c, size_t i)
{
	return c->arches.n ? c->arches.v[i] : NULL;
}

struct kctree *kctree_load_arch(const struct load_config *c, size_t i)
{
	const char *arch = load_config_arch(c, i);
	bool progress = c->progress && c->arches.n > 1 && !jobs_progress_active();
	struct kctree *t;

	if (progress)
		fprintf(stderr, "\r\033[Kkcsat: loading %s (%zu/%zu)", arch, i + 1, c->arches.n);
	t = kctree_load(c, arch);
	if (progress)
		fprintf(stderr, "\r\033[K");
	if (!t && arch)
		diag_fatal("could not load '%s' for arch %s", c->srctree ? c->srctree : ".", arch);
	return t;
}

struct kctree *kctree_load(const struct load_config *o, const char *arch)
{
	struct kctree *t = xcalloc(1, sizeof(*t));
	char kv[96];
	struct diag_scope scope = { 0 };
	struct lexer *lx;
	struct pp *pp;
	bool ok;

	arena_init(&t->arena);
	t->srctree = arena_strdup(&t->arena, o->srctree ? o->srctree : ".");
	t->arch = arch ? arena_strdup(&t->arena, arch) : NULL;
	init_const(t, &t->sym_y, "y");
	init_const(t, &t->sym_m, "m");
	init_const(t, &t->sym_n, "n");
	t->sym_const[no] = &t->sym_n;
	t->sym_const[mod] = &t->sym_m;
	t->sym_const[yes] = &t->sym_y;
	t->root.kind = M_ROOT;
	t->root.list_tail = &t->root.list;
	t->nmenus = 1;
	t->root.props_tail = &t->root.props;
	t->root.deps_tail = &t->root.deps;
	t->modules = &t->sym_n;
	t->kversion = o->kversion ? o->kversion : read_version(o, kv, sizeof(kv));
	if (o->kversion)
		read_version(o, kv, sizeof(kv));
	t->kernelversion = arena_strdup(&t->arena, kv);
	t->kversion = dialect_select(t->kversion);
	if (t->kversion < 0) {
		kctree_free(t);
		return NULL;
	}

	/* Any error while reading (even one the parser recovers from) fails the load. */
	diag_scope_enter(&scope);
	pp = pp_new(o->shell);
	if (o->env_all)
		pp_pass_env(pp, NULL);
	for (size_t i = 0; i < o->env.n; i++)
		pp_pass_env(pp, o->env.v[i]);
	if (arch)
		arch_setup_env(pp, arch, t->srctree, kv, o->shell == SHELL_RUN);
	lx = lex_new(pp, t->srctree, o->vfs, o->vfs_ctx);
	lex_set_cache(lx, o->cache);
	lex_set_dialect(lx, t->kversion);
	ok = lex_push_file(lx, o->kconfig ? o->kconfig : "Kconfig", (struct loc){ 0, 0 });
	if (ok)
		ok = parse_tree(t, lx, pp);
	t->nfiles = lex_nfiles(lx);
	t->nlines = lex_nlines(lx);
	t->nshell = pp_shell_count(pp);
	{
		size_t n;
		const uint32_t *ids = lex_file_ids(lx, &n);
		const struct lex_pragma *pr;

		for (size_t i = 0; i < n; i++)
			vec_push(t->files, diag_file_name(ids[i]));
		pr = lex_pragmas(lx, &n);
		for (size_t i = 0; i < n; i++) {
			struct kc_pragma p = { pr[i].at, arena_strdup(&t->arena, pr[i].text) };

			vec_push(t->pragmas, p);
		}
	}
	lex_free(lx);
	pp_free(pp);
	diag_scope_leave(&scope);
	if (!ok || scope.nerrors) {
		kctree_free(t);
		return NULL;
	}
	menu_finalize(t);
	if (sym_check_tree(t, o->keep_cycles)) {
		kctree_free(t);
		return NULL;
	}
	return t;
}

void kctree_free(struct kctree *t)
{
	if (!t)
		return;
	vec_release(t->syms);
	vec_release(t->exprs);
	vec_release(t->cycles);
	vec_release(t->pragmas);
	vec_release(t->files);
	free(t->symhash);
	free(t->exprhash);
	arena_release(&t->arena);
	free(t);
}
