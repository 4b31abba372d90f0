/* The string index: see include/util/strindex.h. */
#include "util/strindex.h"

#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

uint32_t str_hash(const char *s)
{
	uint32_t h = 2166136261u;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

/* The slot holding key (hash h), or the empty one where it would go. */
static struct strindex_slot *probe(const struct strindex *x, const char *key, uint32_t h)
{
	size_t mask = x->cap - 1;

	for (size_t j = h & mask;; j = (j + 1) & mask) {
		struct strindex_slot *s = &x->slot[j];

		if (!s->key || (s->hash == h && !strcmp(s->key, key)))
			return s;
	}
}

static void grow(struct strindex *x)
{
	struct strindex_slot *old = x->slot;
	size_t oldcap = x->cap;

	x->cap = oldcap ? oldcap * 2 : 64;
	x->slot = xcalloc(x->cap, sizeof(*x->slot));
	for (size_t i = 0; i < oldcap; i++)
		if (old[i].key) {
			size_t mask = x->cap - 1, j = old[i].hash & mask;

			while (x->slot[j].key)
				j = (j + 1) & mask;
			x->slot[j] = old[i];
		}
	free(old);
}

bool strindex_find(const struct strindex *x, const char *key, uint32_t *id)
{
	const struct strindex_slot *s;

	if (!x->n)
		return false;
	s = probe(x, key, str_hash(key));
	if (!s->key)
		return false;
	if (id)
		*id = s->id;
	return true;
}

void strindex_put(struct strindex *x, const char *key, uint32_t id)
{
	uint32_t h = str_hash(key);
	struct strindex_slot *s;

	if (2 * (x->n + 1) > x->cap)
		grow(x);
	s = probe(x, key, h);
	if (!s->key)
		x->n++;
	*s = (struct strindex_slot){ key, h, id };
}

void strindex_release(struct strindex *x)
{
	free(x->slot);
	*x = (struct strindex)STRINDEX_INIT;
}
