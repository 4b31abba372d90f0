/* The names of the symbols a tree defines on any of its arches, for shell
 * completion: a keypress must get them in well under 100 ms, and a load
 * of every arch of Linux 6.12 takes about a second.  So the list is kept
 * in a cache file, one per tree (by its real path), with the size and
 * modification time of every file the loads read (and of the top Makefile
 * and the arch/ directory); the list is reloaded from the tree when any of
 * them differs, when the file was written for another load configuration
 * or by another kcsat, or when it cannot be read.  The names come from the
 * front-end itself (kctree_load), not from a second reader of Kconfig. */
#ifndef KCSAT_NAMES_H
#define KCSAT_NAMES_H

#include <stddef.h>

struct load_config;

struct kc_names {
	char **v;	/* sorted (strcmp), no duplicates */
	size_t n;
	char *mem;	/* the cache file's text they point into, or NULL:
			 * each name is its own allocation (kc_names_release) */
};

enum names_source {
	NAMES_ERROR = -1,	/* no tree loaded (diagnostics printed) */
	NAMES_CACHED,		/* read from a valid cache file */
	NAMES_LOADED,		/* loaded from the tree, cache written */
	NAMES_UNCACHED,		/* loaded, but the cache could not be written */
};

/* The names defined (a config or menuconfig entry, choices left out) on
 * every arch of c (c->arches resolved, c->cache set), into out.
 * cache_dir (created when missing) holds the cache files; identity (e.g.
 * "kcsat 0.1.0") is recorded and must match.  An arch that does not load
 * is left out (its diagnostics are printed); NAMES_ERROR when none loads. */
enum names_source kc_names_get(const struct load_config *c, const char *cache_dir,
			       const char *identity, struct kc_names *out);
void kc_names_release(struct kc_names *n);

#endif
