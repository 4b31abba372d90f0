#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kconfig.h"
#include "xalloc.h"

static uint32_t strhash(const char *s)
{
	uint32_t h = 2166136261u;	/* FNV-1a */

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

static void symhash_grow(struct kctree *t)
{
	uint32_t n = t->symhash_size ? t->symhash_size * 2 : 4096;
	struct symbol **h = xcalloc(n, sizeof(*h));

	for (uint32_t i = 0; i < t->symhash_size; i++) {
		struct symbol *s = t->symhash[i], *next;

		for (; s; s = next) {
			uint32_t b = s->hash & (n - 1);

			next = s->hnext;
			s->hnext = h[b];
			h[b] = s;
		}
	}
	free(t->symhash);
	t->symhash = h;
	t->symhash_size = n;
}

static struct symbol *sym_new(struct kctree *t, const char *name, unsigned flags)
{
	struct symbol *s = arena_alloc(&t->arena, sizeof(*s));

	s->name = name ? arena_strdup(&t->arena, name) : NULL;
	s->flags = flags;
	s->id = (uint32_t)t->syms.n;
	s->props_tail = &s->props;
	s->menus_tail = &s->menus;
	s->selected_by_tail = &s->selected_by;
	s->implied_by_tail = &s->implied_by;
	vec_push(t->syms, s);
	return s;
}

struct symbol *sym_lookup(struct kctree *t, const char *name, bool is_const)
{
	struct symbol *s;
	uint32_t b, h;

	if (!name)
		return sym_new(t, NULL, SYM_CHOICE);
	/* y, m and n are the same three symbols however they are written. */
	if (name[0] && !name[1]) {
		switch (name[0]) {
		case 'y': return &t->sym_y;
		case 'm': return &t->sym_m;
		case 'n': return &t->sym_n;
		}
	}
	if (!t->symhash_size || t->syms.n > t->symhash_size)
		symhash_grow(t);
	h = strhash(name);
	b = h & (t->symhash_size - 1);
	for (s = t->symhash[b]; s; s = s->hnext)
		if (s->hash == h && !(s->flags & SYM_CONST) == !is_const && !strcmp(s->name, name))
			return s;
	s = sym_new(t, name, is_const ? SYM_CONST : 0);
	s->hash = h;
	s->hnext = t->symhash[b];
	t->symhash[b] = s;
	return s;
}

struct symbol *sym_find(const struct kctree *t, const char *name)
{
	if (name[0] && !name[1]) {
		switch (name[0]) {
		case 'y': return (struct symbol *)&t->sym_y;
		case 'm': return (struct symbol *)&t->sym_m;
		case 'n': return (struct symbol *)&t->sym_n;
		}
	}
	if (!t->symhash_size)
		return NULL;
	uint32_t h = strhash(name);

	for (struct symbol *s = t->symhash[h & (t->symhash_size - 1)]; s; s = s->hnext)
		if (s->hash == h && !(s->flags & SYM_CONST) && !strcmp(s->name, name))
			return s;
	return NULL;
}

const char *sym_type_name(enum sym_type type)
{
	switch (type) {
	case S_BOOLEAN: return "bool";
	case S_TRISTATE: return "tristate";
	case S_INT: return "int";
	case S_HEX: return "hex";
	case S_STRING: return "string";
	case S_UNKNOWN: break;
	}
	return "unknown";
}

const char *sym_display_name(const struct symbol *s, char *buf, size_t size)
{
	char where[256];

	if (s->name)
		return s->name;
	if (s->menus)
		snprintf(buf, size, "<choice@%s>", loc_str(s->menus->loc, where, sizeof(where)));
	else
		snprintf(buf, size, "<choice>");
	return buf;
}
