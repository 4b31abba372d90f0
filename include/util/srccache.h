/* File contents kept for the life of one command: `--arch all` reads the
 * same ~1,800 Kconfig files for every architecture. */
#ifndef KCSAT_SRCCACHE_H
#define KCSAT_SRCCACHE_H

#include <stddef.h>

struct srccache;

struct srccache *srccache_new(void);
void srccache_free(struct srccache *c);
/* The NUL-terminated contents of the file at path, owned by the cache, or
 * NULL (errno set) if it cannot be read.  A NUL byte in the file ends it.
 * Paths are keys after dropping "." components and repeated slashes, so
 * "./x//Kconfig" and "x/Kconfig" are one file whatever --tree looked like. */
const char *srccache_read(struct srccache *c, const char *path, size_t *len);
/* Make path read as data from now on, without touching the disk: the
 * overlay of an in-memory patch.  Takes over data (malloc'ed, data[len] ==
 * '\0'); data NULL makes the file read as missing (ENOENT).  Invalidates
 * what srccache_read returned for path before, so put between loads. */
void srccache_put(struct srccache *c, const char *path, char *data, size_t len);
/* Read a file without a cache; the caller frees the result. */
char *read_whole_file(const char *path, size_t *len);

#endif
