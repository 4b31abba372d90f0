#include "util/srccache.h"

#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <glob.h>
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/strbuf.h"
#include "util/strindex.h"
#include "util/vec.h"
#include "util/xalloc.h"

struct entry {
	char *path, *data;	/* data NULL: could not be read */
	size_t len;
	int err;
	bool overlay;		/* from srccache_put() */
};

/* A tree root, or a directory as a file's path names it (root/dir), and
 * its real path, resolved once (real NULL: realpath() failed with err). */
struct root {
	char *given, *real;
	int err;
};

struct srccache {
	VEC(struct entry) v;
	struct strindex paths;	/* entry paths -> indexes into v */
	VEC(struct root) roots;
	VEC(struct root) dirs;	/* the directories files were read from */
	struct strindex dirs_ix;	/* dirs' given names -> indexes into dirs */
};

const char *src_strerror(int err)
{
	switch (err) {
	case SRC_EOUTSIDE:
		return "outside the tree";
	case SRC_ENOTREG:
		return "not a regular file";
	case SRC_ETOOBIG:
		return "file too large";
	case SRC_EUNPATCHED:
		return "the patch does not apply to it";
	}
	return strerror(err);
}

/* Open for reading without blocking (a FIFO would wait for a writer) and
 * refuse anything but a regular file of a sane size. */
static int open_regular(const char *path, int extra_flags, size_t max, size_t *size)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC | extra_flags);
	struct stat st;
	int e;

	if (fd < 0)
		return -1;
	if (fstat(fd, &st)) {
		e = errno;
	} else if (!S_ISREG(st.st_mode)) {
		e = S_ISDIR(st.st_mode) ? EISDIR : SRC_ENOTREG;
	} else if ((uint64_t)st.st_size > max) {
		e = SRC_ETOOBIG;
	} else {
		/* back to blocking reads: a regular file never blocks anyway */
		(void)fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
		if (size)
			*size = (size_t)st.st_size;
		return fd;
	}
	close(fd);
	errno = e;
	return -1;
}

FILE *src_fopen(const char *path)
{
	int fd = open_regular(path, 0, SRC_MAX_FILE, NULL);
	FILE *f;

	if (fd < 0)
		return NULL;
	if (!(f = fdopen(fd, "r"))) {
		int e = errno;

		close(fd);
		errno = e;
	}
	return f;
}

static char *read_fd(int fd, size_t size, size_t max, size_t *len)
{
	size_t cap = size + 1, n = 0;
	char *buf = xmalloc(cap);

	for (;;) {
		ssize_t r = read(fd, buf + n, cap - 1 - n);

		if (r < 0) {
			int e = errno;

			if (e == EINTR)
				continue;
			close(fd);
			free(buf);
			errno = e;
			return NULL;
		}
		if (r == 0)
			break;
		n += (size_t)r;
		if (n == cap - 1) {	/* grew while we read it */
			if (cap > max) {
				close(fd);
				free(buf);
				errno = SRC_ETOOBIG;
				return NULL;
			}
			cap *= 2;
			buf = xrealloc(buf, cap);
		}
	}
	close(fd);
	buf[n] = '\0';
	*len = strnlen(buf, n);
	return buf;
}

char *read_file_max(const char *path, size_t max, size_t *len)
{
	size_t size = 0;
	int fd = open_regular(path, 0, max, &size);

	return fd < 0 ? NULL : read_fd(fd, size, max, len);
}

char *read_file_nofollow(const char *path, size_t max, size_t *len)
{
	size_t size = 0;
	int fd = open_regular(path, O_NOFOLLOW, max, &size);

	return fd < 0 ? NULL : read_fd(fd, size, max, len);
}

char *read_whole_file(const char *path, size_t *len)
{
	return read_file_max(path, SRC_MAX_FILE, len);
}

struct srccache *srccache_new(void)
{
	return xcalloc(1, sizeof(struct srccache));
}

void srccache_free(struct srccache *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->v.n; i++) {
		free(c->v.v[i].path);
		free(c->v.v[i].data);
	}
	for (size_t i = 0; i < c->roots.n; i++) {
		free(c->roots.v[i].given);
		free(c->roots.v[i].real);
	}
	for (size_t i = 0; i < c->dirs.n; i++) {
		free(c->dirs.v[i].given);
		free(c->dirs.v[i].real);
	}
	vec_release(c->v);
	vec_release(c->roots);
	vec_release(c->dirs);
	strindex_release(&c->paths);
	strindex_release(&c->dirs_ix);
	free(c);
}

/* "." components and repeated slashes dropped, so that srctree "." or
 * "dir/" and a patch's "dir/x" name one entry.  ".." stays: resolving it
 * is only right without symlinks. */
static void add_key(struct strbuf *o, const char *p)
{
	size_t start = o->len;

	if (*p == '/')
		sb_addc(o, *p++);
	while (*p) {
		size_t n = strcspn(p, "/");

		if (n && !(n == 1 && p[0] == '.')) {
			if (o->len > start && o->buf[o->len - 1] != '/')
				sb_addc(o, '/');
			sb_add(o, p, n);
		}
		p += n;
		while (*p == '/')
			p++;
	}
	if (o->len == start)
		sb_addc(o, '.');
}

/* sb = dir/name (name's first n bytes): paths are joined on every read, so
 * without printf. */
static void join(struct strbuf *sb, const char *dir, const char *name, size_t n)
{
	sb_reset(sb);
	sb_adds(sb, dir);
	sb_addc(sb, '/');
	sb_add(sb, name, n);
}

/* The same for a directory's real path: "/" and name make "/name". */
static void join_real(struct strbuf *sb, const char *dir, const char *name)
{
	join(sb, strcmp(dir, "/") ? dir : "", name, strlen(name));
}

/* The key of root/rel. */
static char *path_key(const char *root, const char *rel)
{
	struct strbuf k = STRBUF_INIT, full = STRBUF_INIT;

	join(&full, root, rel, strlen(rel));
	add_key(&k, sb_str(&full));
	sb_release(&full);
	return sb_detach(&k);
}

/* rel is relative and its ".." never climb above where it starts. */
static bool rel_inside(const char *rel)
{
	long depth = 0;

	if (*rel == '/')
		return false;
	for (const char *p = rel; *p;) {
		size_t n = strcspn(p, "/");

		if (n == 2 && p[0] == '.' && p[1] == '.') {
			if (--depth < 0)
				return false;
		} else if (n && !(n == 1 && p[0] == '.')) {
			depth++;
		}
		p += n;
		while (*p == '/')
			p++;
	}
	return true;
}

/* The real path of root, resolved once per cache (malloc'ed when c is
 * NULL), or NULL with errno set. */
static char *root_real(struct srccache *c, const char *root, bool *owned)
{
	char *r;

	*owned = !c;
	if (c)
		for (size_t i = 0; i < c->roots.n; i++)
			if (!strcmp(c->roots.v[i].given, root))
				return c->roots.v[i].real;
	if (!(r = realpath(root, NULL)))
		return NULL;
	if (c)
		vec_push(c->roots, ((struct root){ xstrdup(root), r, 0 }));
	return r;
}

/* The real path of dir, not yet in the cache: its parent's real path and its
 * name, unless the name is a symlink (or ".", "..", empty: realpath()). */
static char *dir_resolve(struct srccache *c, const char *dir);

/* The real path of directory dir (as a file's path names it), resolved
 * once per cache: a directory's files and subdirectories share it.  NULL
 * with errno set when it cannot be resolved; malloc'ed (*owned) when c is
 * NULL. */
static char *dir_real(struct srccache *c, const char *dir, bool *owned)
{
	uint32_t k;
	char *r;
	int e;

	*owned = !c;
	if (!c)
		return realpath(dir, NULL);
	if (strindex_find(&c->dirs_ix, dir, &k)) {
		errno = c->dirs.v[k].err;
		return c->dirs.v[k].real;
	}
	r = dir_resolve(c, dir);
	e = r ? 0 : errno;
	vec_push(c->dirs, ((struct root){ xstrdup(dir), r, e }));
	strindex_put(&c->dirs_ix, vec_last(c->dirs).given, (uint32_t)c->dirs.n - 1);
	errno = e;
	return r;
}

static char *dir_resolve(struct srccache *c, const char *dir)
{
	const char *slash = strrchr(dir, '/'), *name = slash ? slash + 1 : dir;
	struct strbuf p = STRBUF_INIT;
	struct stat st;
	char *parent, *pr, *r = NULL;
	bool owned;
	int e;

	/* realpath() whole: no parent to share, a name that is not one, or a
	 * path too long for it (which it refuses; the recursion stays short) */
	if (!slash || slash == dir || !*name || !strcmp(name, ".") || !strcmp(name, "..") ||
	    strlen(dir) >= PATH_MAX)
		return realpath(dir, NULL);
	parent = xstrndup(dir, (size_t)(slash - dir));
	pr = dir_real(c, parent, &owned);
	e = errno;
	free(parent);
	if (!pr) {
		errno = e;	/* the parent's, as realpath() says */
		return NULL;
	}
	join_real(&p, pr, name);
	if (lstat(sb_str(&p), &st)) {
		sb_release(&p);
		return NULL;
	}
	if (S_ISLNK(st.st_mode))
		r = realpath(sb_str(&p), NULL);	/* where the symlink leads */
	else
		r = xstrdup(sb_str(&p));
	sb_release(&p);
	return r;
}

/* Is real (a resolved path) rr itself or below it? */
static bool real_inside(const char *real, const char *rr)
{
	size_t n = strlen(rr);

	return !strncmp(real, rr, n) && (real[n] == '/' || !real[n] || !strcmp(rr, "/"));
}

/* The real path of root/rel, malloc'ed, or NULL with errno set; *plain
 * when its last component was taken as it is (its directory's real path
 * and its name), so that it must be opened with O_NOFOLLOW and, should it
 * be a symlink after all (ELOOP), resolved whole by realpath(). */
static char *file_real(struct srccache *c, const char *root, const char *rel, bool *plain)
{
	struct strbuf full = STRBUF_INIT;
	const char *base = strrchr(rel, '/');
	char *real = NULL, *dr;
	bool owned;

	base = base ? base + 1 : rel;
	*plain = *base && strcmp(base, ".") && strcmp(base, "..");
	if (*plain) {
		if (base == rel)
			sb_adds(&full, root);
		else
			join(&full, root, rel, (size_t)(base - rel - 1));
		dr = dir_real(c, sb_str(&full), &owned);
		sb_reset(&full);
		if (dr) {
			join_real(&full, dr, base);
			real = sb_detach(&full);
		} else {
			*plain = false;	/* the directory's errno, as realpath() says */
		}
		if (owned)
			free(dr);
		sb_release(&full);
		return real;
	}
	join(&full, root, rel, strlen(rel));
	real = realpath(sb_str(&full), NULL);
	sb_release(&full);
	return real;
}

/* Read root/rel from the disk, contained (see srccache.h): its directory
 * resolved (once per cache) and its name, or, when the name is a symlink,
 * the whole path resolved; either must lie inside root's real path. */
static char *read_in(struct srccache *c, const char *root, const char *rel, size_t *len)
{
	char *real, *rr, *data = NULL;
	size_t size = 0;
	bool owned, plain;
	int fd = -1, e = 0;

	if (!rel_inside(rel)) {
		errno = SRC_EOUTSIDE;
		return NULL;
	}
	if (!(rr = root_real(c, root, &owned)))
		return NULL;
	real = file_real(c, root, rel, &plain);
	if (!real) {
		e = errno;
	} else if (!real_inside(real, rr)) {
		e = SRC_EOUTSIDE;
	} else if ((fd = open_regular(real, O_NOFOLLOW, SRC_MAX_FILE, &size)) < 0 && plain &&
		   errno == ELOOP) {
		/* the name is a symlink: where it leads, resolved whole */
		struct strbuf full = STRBUF_INIT;

		free(real);
		join(&full, root, rel, strlen(rel));
		real = realpath(sb_str(&full), NULL);
		sb_release(&full);
		if (!real)
			e = errno;
		else if (!real_inside(real, rr))
			e = SRC_EOUTSIDE;
		else if ((fd = open_regular(real, O_NOFOLLOW, SRC_MAX_FILE, &size)) < 0)
			e = errno;
	} else if (fd < 0) {
		e = errno;
	}
	if (!e && !(data = read_fd(fd, size, SRC_MAX_FILE, len)))
		e = errno;
	free(real);
	if (owned)
		free(rr);
	errno = e;
	return data;
}

/* The entry for key, or NULL if there is none. */
static struct entry *lookup(struct srccache *c, const char *key)
{
	uint32_t k;

	return strindex_find(&c->paths, key, &k) ? &c->v.v[k] : NULL;
}

/* Add e (its path owned by the cache from now). */
static void add(struct srccache *c, struct entry e)
{
	vec_push(c->v, e);
	strindex_put(&c->paths, e.path, (uint32_t)c->v.n - 1);
}

static void put(struct srccache *c, const char *root, const char *rel, char *data, size_t len, int err)
{
	char *key = path_key(root, rel);
	struct entry e = { key, data, data ? strnlen(data, len) : 0, err, true }, *h;

	if ((h = lookup(c, key))) {
		free(key);
		free(h->data);
		e.path = h->path;
		*h = e;
		return;
	}
	add(c, e);
}

const char *srccache_read_in(struct srccache *c, const char *root, const char *rel, size_t *len)
{
	struct entry e = { 0 }, *h;
	char *key;

	*len = 0;
	if (!c)
		return srccache_read_copy(root, rel, len);
	if (!rel_inside(rel)) {	/* before the overlay: a patch is contained too */
		errno = SRC_EOUTSIDE;
		return NULL;
	}
	key = path_key(root, rel);
	if ((h = lookup(c, key))) {
		free(key);
		errno = h->err;
		*len = h->len;
		return h->data;
	}
	e.path = key;
	e.data = read_in(c, root, rel, &e.len);
	e.err = e.data ? 0 : errno;
	add(c, e);
	errno = e.err;
	*len = e.len;
	return e.data;
}

char *srccache_read_copy(const char *root, const char *rel, size_t *len)
{
	*len = 0;
	return read_in(NULL, root, rel, len);
}

void srccache_put(struct srccache *c, const char *root, const char *rel, char *data, size_t len)
{
	put(c, root, rel, data, len, data ? 0 : ENOENT);
}

void srccache_put_error(struct srccache *c, const char *root, const char *rel, int err)
{
	put(c, root, rel, NULL, 0, err);
}

void src_names_free(char **names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

/* Was path (a match of glob(3) under root) listed from a directory inside
 * the tree?  A symlinked directory that leads out would show the names of
 * the files there (a match that is itself a symlink out stays, and its
 * read says "outside the tree"). */
static bool listed_inside(struct srccache *c, const char *root, const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir = xstrndup(path, slash ? (size_t)(slash - path) : 0), *real, *rr;
	bool owned, rowned, in = false;

	real = dir_real(c, *dir ? dir : "/", &owned);
	rr = root_real(c, root, &rowned);
	if (real && rr)
		in = real_inside(real, rr);
	if (owned)
		free(real);
	if (rowned)
		free(rr);
	free(dir);
	return in;
}

int srccache_glob(struct srccache *c, const char *root, const char *rel, char ***names, size_t *n)
{
	strvec out = { 0 };
	struct strbuf pat = STRBUF_INIT, k = STRBUF_INIT;
	size_t skip, keep = 0;
	glob_t g;
	int rc;

	*names = NULL;
	*n = 0;
	if (!rel_inside(rel)) {
		errno = SRC_EOUTSIDE;
		return -1;
	}
	sb_addf(&pat, "%s/", root);
	skip = pat.len;
	sb_adds(&pat, rel);
	rc = glob(sb_str(&pat), 0, NULL, &g);
	sb_release(&pat);
	if (rc && rc != GLOB_NOMATCH) {
		errno = rc == GLOB_NOSPACE ? ENOMEM : EIO;
		return -1;
	}
	for (size_t i = 0; !rc && i < g.gl_pathc; i++) {
		if (!listed_inside(c, root, g.gl_pathv[i]))
			continue;
		sb_reset(&k);
		add_key(&k, g.gl_pathv[i] + skip);
		vec_push(out, sb_detach(&k));
	}
	if (!rc)
		globfree(&g);
	if (c) {
		/* the overlay's own files: keys are root's key + "/" + rel */
		char *rk = path_key(root, "."), *pk = NULL;
		size_t rn = strlen(rk);

		sb_reset(&k);
		add_key(&k, rel);
		pk = sb_detach(&k);
		for (size_t i = 0; i < c->v.n; i++) {
			const struct entry *e = &c->v.v[i];
			const char *r = e->path;

			if (!e->overlay || !e->data)
				continue;
			if (strcmp(rk, ".")) {
				if (strncmp(r, rk, rn) || (r[rn] != '/' && rk[rn - 1] != '/'))
					continue;
				r += rn + (r[rn] == '/');
			} else if (*r == '/') {
				continue;
			}
			if (!fnmatch(pk, r, FNM_PATHNAME | FNM_PERIOD))
				vec_push(out, xstrdup(r));
		}
		free(rk);
		free(pk);
	}
	strvec_sort(&out);
	for (size_t i = 0; i < out.n; i++) {
		size_t ln;
		bool gone = false;

		if (keep && !strcmp(out.v[keep - 1], out.v[i]))
			gone = true;	/* on disk and in the overlay */
		else if (c && !srccache_read_in(c, root, out.v[i], &ln) && errno == ENOENT)
			gone = true;	/* deleted by the overlay (or vanished) */
		if (gone)
			free(out.v[i]);
		else
			out.v[keep++] = out.v[i];
	}
	sb_release(&k);
	*names = out.v;
	*n = keep;
	return 0;
}
