/* A string index: names to the positions of a module's own vector, by open
 * addressing (linear probing, at most half full).  The one lookup table of
 * the source cache's paths and directories, the interned file names of
 * diagnostics, the preprocessor's unknown values, a .config's entries and
 * kbuild's objects.
 *
 * The index borrows its keys: a key stays at its address, unchanged, while
 * it is in the index (it is the string the vector's element owns, which
 * does not move when the vector grows).  Each slot keeps the key's hash, so
 * that growing never reads a key again and a probe compares strings only
 * on an equal hash. */
#ifndef KCSAT_STRINDEX_H
#define KCSAT_STRINDEX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct strindex_slot {
	const char *key;	/* NULL: empty */
	uint32_t hash;
	uint32_t id;
};

struct strindex {
	struct strindex_slot *slot;
	size_t cap;		/* a power of two, or 0 */
	size_t n;		/* keys held */
};

#define STRINDEX_INIT { NULL, 0, 0 }

/* The hash every string table of kcsat uses (FNV-1a). */
uint32_t str_hash(const char *s);

/* Whether key is in x; its id in *id (id may be NULL). */
bool strindex_find(const struct strindex *x, const char *key, uint32_t *id);
/* key -> id; a key already in x gets the new id (and key's address). */
void strindex_put(struct strindex *x, const char *key, uint32_t id);
/* Empty x, keeping nothing; x can be used again. */
void strindex_release(struct strindex *x);

#endif
