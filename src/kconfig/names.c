/* Symbol names for completion, cached per tree (names.h).
 *
 * The cache file is text:
 *     kcsat-names 1
 *     identity kcsat 0.1.0
 *     tree /abs/path
 *     load shell=0 kversion=0 kconfig=Kconfig arches=x86,arm64
 *     f SIZE SEC NSEC PATH      one per file read (SIZE -1: missing)
 *     n NAME                    one per name, sorted
 * The first four lines must equal what this load configuration would
 * write; any other difference, a stamp that changed or a line that does
 * not parse makes the file stale. */
#include "kconfig/names.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kconfig/kconfig.h"
#include "util/srccache.h"
#include "util/strbuf.h"
#include "util/vec.h"
#include "util/xalloc.h"

/* A cache file is a few hundred KB for Linux; anything much larger is not
 * ours, and is reloaded rather than read. */
#define NAMES_FILE_MAX (64u << 20)


/* "f SIZE SEC NSEC PATH" for path (below the tree open as dir) as it is
 * now.  Relative to the tree's descriptor: a keypress stats every file,
 * and the tree's own path need not be looked up again for each. */
static void add_stamp(struct strbuf *sb, int dir, const char *path)
{
	struct stat st;

	if (dir < 0 || fstatat(dir, path, &st, 0))
		sb_addf(sb, "f -1 0 0 %s\n", path);
	else
		sb_addf(sb, "f %lld %lld %ld %s\n", (long long)st.st_size, (long long)st.st_mtim.tv_sec,
			(long)st.st_mtim.tv_nsec, path);
}

static void header(struct strbuf *sb, const struct load_config *c, const char *tree,
		   const char *identity)
{
	sb_addf(sb, "kcsat-names 1\nidentity %s\ntree %s\nload shell=%d kversion=%d kconfig=%s arches=",
		identity, tree, c->shell == SHELL_RUN, c->kversion, c->kconfig ? c->kconfig : "Kconfig");
	for (size_t i = 0; i < c->arches.n; i++)
		sb_addf(sb, "%s%s", i ? "," : "", c->arches.v[i]);
	sb_adds(sb, c->arches.n ? "\n" : "-\n");
}

/* The names of a valid cache file into out (pointing into its text,
 * which out owns); false if it is stale. */
static bool read_cache(const char *file, const char *hdr, int dir, struct kc_names *out)
{
	struct stat st;
	struct strbuf now = STRBUF_INIT;
	size_t len, hlen = strlen(hdr);
	char *text, *line, *next;
	bool ok = true;
	strvec names = { 0 };

	if (stat(file, &st) || !S_ISREG(st.st_mode) || (uintmax_t)st.st_size > NAMES_FILE_MAX)
		return false;
	text = read_whole_file(file, &len);
	if (!text)
		return false;
	if (len < hlen || memcmp(text, hdr, hlen)) {
		free(text);
		return false;
	}
	for (line = text + hlen; ok && *line; line = next) {
		char *nl = strchr(line, '\n');

		if (!nl) {	/* a cut-off file: written by a killed kcsat */
			ok = false;
			break;
		}
		*nl = '\0';
		next = nl + 1;
		if (line[0] == 'n' && line[1] == ' ' && line[2]) {
			vec_push(names, line + 2);
		} else if (line[0] == 'f' && line[1] == ' ') {
			/* the path is the fifth field: compare the stamp as
			 * this process would write it */
			char *p = line;

			for (int k = 0; k < 4 && p; k++)
				p = strchr(p + 1, ' ');
			if (!p || !p[1]) {
				ok = false;
				break;
			}
			sb_reset(&now);
			add_stamp(&now, dir, p + 1);
			ok = (size_t)(nl - line) + 1 == strlen(sb_str(&now)) &&
			     !memcmp(line, sb_str(&now), (size_t)(nl - line));
		} else {
			ok = false;
		}
	}
	sb_release(&now);
	if (!ok) {
		vec_release(names);
		free(text);
		return false;
	}
	out->mem = text;
	out->v = names.v;
	out->n = names.n;
	return true;
}

/* mkdir -p, 0700 for what it creates (a user's cache). */
static bool make_dirs(const char *dir)
{
	char *p = xstrdup(dir);
	bool ok = true;

	for (char *s = p + 1; ok; s++) {
		if (*s != '/' && *s)
			continue;
		char c = *s;

		*s = '\0';
		if (mkdir(p, 0700) && errno != EEXIST)
			ok = false;
		*s = c;
		if (!c)
			break;
	}
	free(p);
	return ok;
}

static bool write_cache(const char *dir, const char *file, const struct strbuf *content)
{
	struct strbuf tmp = STRBUF_INIT;
	FILE *f;
	bool ok;

	if (!make_dirs(dir))
		return false;
	sb_addf(&tmp, "%s.%ld.tmp", file, (long)getpid());
	f = fopen(sb_str(&tmp), "w");
	ok = f && fwrite(sb_str(content), 1, strlen(sb_str(content)), f) == strlen(sb_str(content));
	if (f && fclose(f))
		ok = false;
	/* rename: a reader sees the old file or the whole new one */
	if (!ok || rename(sb_str(&tmp), file)) {
		unlink(sb_str(&tmp));
		ok = false;
	}
	sb_release(&tmp);
	return ok;
}

/* Load every arch: the names into names, the files read into files. */
static bool load_all(const struct load_config *c, strvec *names, strvec *files)
{
	size_t loaded = 0, n = load_config_count(c);

	if (kctree_dialect(c) < 0)
		return false;
	for (size_t i = 0; i < n; i++) {
		struct kctree *t = kctree_load(c, load_config_arch(c, i));
		struct symbol *s;
		size_t k;

		if (!t)
			continue;
		loaded++;
		tree_for_each_sym(t, s, k)
			if (s->name && (s->flags & SYM_DEFINED) && !sym_is_choice(s))
				vec_push(*names, xstrdup(s->name));
		for (k = 0; k < t->files.n; k++)
			vec_push(*files, xstrdup(t->files.v[k]));
		kctree_free(t);
	}
	/* what decides the dialect and the list of arches */
	vec_push(*files, xstrdup("Makefile"));
	if (c->arches.n)
		vec_push(*files, xstrdup("arch"));
	strvec_sort_unique(names);
	strvec_sort_unique(files);
	return loaded > 0;
}

enum names_source kc_names_get(const struct load_config *c, const char *cache_dir,
			       const char *identity, struct kc_names *out)
{
	const char *srctree = c->srctree ? c->srctree : ".";
	char *tree = realpath(srctree, NULL);
	struct strbuf hdr = STRBUF_INIT, file = STRBUF_INIT;
	strvec names = { 0 }, files = { 0 };
	enum names_source src = NAMES_ERROR;
	uint64_t h = 1469598103934665603ull;	/* FNV-1a of the real path */
	int dir = open(srctree, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	memset(out, 0, sizeof(*out));
	if (!tree)
		tree = xstrdup(srctree);
	for (const char *p = tree; *p; p++)
		h = (h ^ (unsigned char)*p) * 1099511628211ull;
	header(&hdr, c, tree, identity);
	sb_addf(&file, "%s/%016llx.names", cache_dir, (unsigned long long)h);
	if (read_cache(sb_str(&file), sb_str(&hdr), dir, out)) {
		src = NAMES_CACHED;
	} else if (load_all(c, &names, &files)) {
		struct strbuf content = STRBUF_INIT;

		sb_adds(&content, sb_str(&hdr));
		for (size_t i = 0; i < files.n; i++)
			add_stamp(&content, dir, files.v[i]);
		for (size_t i = 0; i < names.n; i++)
			sb_addf(&content, "n %s\n", names.v[i]);
		src = write_cache(cache_dir, sb_str(&file), &content) ? NAMES_LOADED : NAMES_UNCACHED;
		sb_release(&content);
		out->v = names.v;	/* each name its own allocation */
		out->n = names.n;
	} else {
		strvec_free_all(&names);
	}
	strvec_free_all(&files);
	if (dir >= 0)
		close(dir);
	sb_release(&hdr);
	sb_release(&file);
	free(tree);
	return src;
}

void kc_names_release(struct kc_names *n)
{
	if (n->mem)
		free(n->mem);	/* the names point into it */
	else
		for (size_t i = 0; i < n->n; i++)
			free(n->v[i]);
	free(n->v);
	memset(n, 0, sizeof(*n));
}
