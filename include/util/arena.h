/* Bump allocator for parse data: everything a tree owns dies in one
 * arena_release(), so the front-end never frees piecemeal. */
#ifndef KCSAT_ARENA_H
#define KCSAT_ARENA_H

#include <stddef.h>

struct arena_block;

struct arena {
	struct arena_block *head;
	size_t used, cap;	/* of head */
	size_t total;		/* bytes handed out, for statistics */
};

void arena_init(struct arena *a);
/* Zeroed, aligned for any object.  Aborts only on out-of-memory. */
void *arena_alloc(struct arena *a, size_t n);
char *arena_strdup(struct arena *a, const char *s);
char *arena_strndup(struct arena *a, const char *s, size_t n);
void arena_release(struct arena *a);

#endif
