/* Files read from the tree, kept for the life of one command: `--arch all`
 * reads the same ~1,800 Kconfig files for every architecture.
 *
 * Containment: the tree is untrusted input, so a file is read through
 * srccache_read_in() only if it lies inside the tree root, after symlinks
 * are resolved; and every reader here opens a file without blocking and
 * refuses what is not a regular file (a FIFO, a device, a directory), so a
 * planted FIFO cannot hang kcsat nor /dev/zero exhaust its memory. */
#ifndef KCSAT_SRCCACHE_H
#define KCSAT_SRCCACHE_H

#include <stddef.h>
#include <stdio.h>

struct srccache;

/* Reasons beyond errno's, for src_strerror(). */
enum {
	SRC_EOUTSIDE = 0x10000,		/* resolves outside the tree root */
	SRC_ENOTREG,			/* not a regular file */
	SRC_ETOOBIG,			/* larger than SRC_MAX_FILE */
	SRC_EUNPATCHED,			/* an in-memory patch does not apply to it */
};
/* No input file kcsat reads (Kconfig, .config, patch, rules) comes near. */
#define SRC_MAX_FILE ((size_t)256 << 20)

/* strerror() that also knows the SRC_E* reasons. */
const char *src_strerror(int err);

struct srccache *srccache_new(void);
void srccache_free(struct srccache *c);
/* The NUL-terminated contents of root/rel, owned by the cache (c NULL:
 * srccache_read_copy()), or NULL with errno set: SRC_EOUTSIDE
 * when rel is absolute, climbs above root with "..", or names (through
 * symlinks) a file outside root's real path; SRC_ENOTREG, SRC_ETOOBIG, or
 * the open's errno.  A NUL byte in the file ends it.  Files are keys after
 * dropping "." components and repeated slashes, so "./x//Kconfig" and
 * "x/Kconfig" are one file whatever --tree looked like. */
const char *srccache_read_in(struct srccache *c, const char *root, const char *rel, size_t *len);
/* The same, contained the same way, with no cache: a malloc'ed copy the
 * caller frees. */
char *srccache_read_copy(const char *root, const char *rel, size_t *len);
/* Make root/rel read as data from now on, without touching the disk: the
 * overlay of an in-memory patch.  Takes over data (malloc'ed, data[len] ==
 * '\0'); data NULL makes the file read as missing (ENOENT).  Invalidates
 * what srccache_read_in returned for it before, so put between loads. */
void srccache_put(struct srccache *c, const char *root, const char *rel, char *data, size_t len);
/* The same for a file that reads as the error err (e.g. SRC_EUNPATCHED). */
void srccache_put_error(struct srccache *c, const char *root, const char *rel, int err);
/* The files below root whose path relative to root matches the glob(3)
 * pattern rel, as the tree reads through c: the disk's matches, plus the
 * files srccache_put() made, less those it deleted; sorted.  A pattern
 * outside the tree (as srccache_read_in() says) matches nothing: returns
 * -1 with errno SRC_EOUTSIDE; -1 also when glob(3) fails.  Free the
 * names with src_names_free(). */
int srccache_glob(struct srccache *c, const char *root, const char *rel, char ***names, size_t *n);
void src_names_free(char **names, size_t n);

/* A file given on the command line (a .config, a patch, rules, a
 * baseline): opened without blocking, refused unless regular.  NULL with
 * errno set (see src_strerror()). */
FILE *src_fopen(const char *path);
/* Its whole contents, NUL-terminated, at most SRC_MAX_FILE bytes; the
 * caller frees them.  NULL with errno set. */
char *read_whole_file(const char *path, size_t *len);
/* The same with a smaller bound (SRC_ETOOBIG beyond max bytes). */
char *read_file_max(const char *path, size_t max, size_t *len);
/* The same, refusing a symlink as the last name (ELOOP): for a walk of
 * the tree that follows no symlink (check/srclint.c). */
char *read_file_nofollow(const char *path, size_t max, size_t *len);

#endif
