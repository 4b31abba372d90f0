#include "util/srccache.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/vec.h"
#include "util/xalloc.h"

struct entry {
	char *path, *data;	/* data NULL: could not be read */
	size_t len;
	int err;
};

struct srccache {
	VEC(struct entry) v;
	uint32_t *hash;		/* open addressing: index + 1 */
	size_t cap;
};

char *read_whole_file(const char *path, size_t *len)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	struct stat st;
	size_t cap, n = 0;
	char *buf;

	if (fd < 0)
		return NULL;
	if (fstat(fd, &st) || !S_ISREG(st.st_mode)) {
		close(fd);
		errno = EISDIR;
		return NULL;
	}
	cap = (size_t)st.st_size + 1;
	buf = xmalloc(cap);
	for (;;) {
		ssize_t r = read(fd, buf + n, cap - 1 - n);

		if (r < 0) {
			int e = errno;

			close(fd);
			free(buf);
			errno = e;
			return NULL;
		}
		if (r == 0)
			break;
		n += (size_t)r;
		if (n == cap - 1) {	/* grew while we read it */
			cap *= 2;
			buf = xrealloc(buf, cap);
		}
	}
	close(fd);
	buf[n] = '\0';
	*len = strlen(buf) < n ? strlen(buf) : n;
	return buf;
}

static uint32_t path_hash(const char *s)
{
	uint32_t h = 2166136261u;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
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
	vec_release(c->v);
	free(c->hash);
	free(c);
}

static void rehash(struct srccache *c)
{
	size_t cap = c->cap ? c->cap * 2 : 4096;

	free(c->hash);
	c->hash = xcalloc(cap, sizeof(*c->hash));
	c->cap = cap;
	for (size_t i = 0; i < c->v.n; i++) {
		size_t j = path_hash(c->v.v[i].path) & (cap - 1);

		while (c->hash[j])
			j = (j + 1) & (cap - 1);
		c->hash[j] = (uint32_t)i + 1;
	}
}

/* The cache key: "." components and repeated slashes dropped, so that
 * srctree "." or "dir/" and a patch's "dir/x" name one entry.  ".." stays:
 * resolving it is only right without symlinks. */
static char *path_key(const char *path)
{
	char *k = xmalloc(strlen(path) + 2), *o = k;
	const char *p = path;

	if (*p == '/')
		*o++ = *p++;
	while (*p) {
		size_t n = strcspn(p, "/");

		if (n && !(n == 1 && p[0] == '.')) {
			if (o > k && o[-1] != '/')
				*o++ = '/';
			memcpy(o, p, n);
			o += n;
		}
		p += n;
		while (*p == '/')
			p++;
	}
	if (o == k)
		*o++ = '.';
	*o = '\0';
	return k;
}

/* The entry for key, or where to add it (*slot) if there is none. */
static struct entry *lookup(struct srccache *c, const char *key, size_t *slot)
{
	size_t j;

	if (2 * (c->v.n + 1) > c->cap)
		rehash(c);
	for (j = path_hash(key) & (c->cap - 1); c->hash[j]; j = (j + 1) & (c->cap - 1)) {
		struct entry *h = &c->v.v[c->hash[j] - 1];

		if (!strcmp(h->path, key))
			return h;
	}
	*slot = j;
	return NULL;
}

const char *srccache_read(struct srccache *c, const char *path, size_t *len)
{
	char *key = path_key(path);
	struct entry e = { 0 }, *h;
	size_t j;

	if ((h = lookup(c, key, &j))) {
		free(key);
		errno = h->err;
		*len = h->len;
		return h->data;
	}
	e.path = key;
	e.data = read_whole_file(key, &e.len);
	e.err = e.data ? 0 : errno;
	vec_push(c->v, e);
	c->hash[j] = (uint32_t)c->v.n;
	errno = e.err;
	*len = e.len;
	return e.data;
}

void srccache_put(struct srccache *c, const char *path, char *data, size_t len)
{
	char *key = path_key(path);
	struct entry e = { key, data, data ? strnlen(data, len) : 0, data ? 0 : ENOENT }, *h;
	size_t j;

	if ((h = lookup(c, key, &j))) {
		free(key);
		free(h->data);
		e.path = h->path;
		*h = e;
		return;
	}
	vec_push(c->v, e);
	c->hash[j] = (uint32_t)c->v.n;
}
