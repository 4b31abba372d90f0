/* One typed growable array for every module (in the spirit of kissat's
 * stack.h): VEC(int) v = {0}; vec_push(v, 3); ... vec_release(v); */
#ifndef KCSAT_VEC_H
#define KCSAT_VEC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/xalloc.h"

#define VEC(T) struct { T *v; size_t n, cap; }

#define vec_reserve(s, want)						\
	do {								\
		if ((want) > (s).cap) {					\
			size_t c_ = (s).cap ? (s).cap * 2 : 8;		\
			while (c_ < (want))				\
				c_ *= 2;				\
			(s).v = xrealloc((s).v, c_ * sizeof(*(s).v));	\
			(s).cap = c_;					\
		}							\
	} while (0)

#define vec_push(s, x)							\
	do {								\
		vec_reserve(s, (s).n + 1);				\
		(s).v[(s).n++] = (x);					\
	} while (0)

#define vec_pop(s)	((s).v[--(s).n])
#define vec_last(s)	((s).v[(s).n - 1])
#define vec_release(s)	do { free((s).v); (s).v = NULL; (s).n = (s).cap = 0; } while (0)

/* The named vectors every module shares; a module names its own element
 * types (struct fact, struct hunk) beside their definition. */
typedef VEC(char *) strvec;		/* owns its strings unless said */
typedef VEC(const char *) cstrvec;	/* borrows its strings */
typedef VEC(int) intvec;
typedef VEC(size_t) sizevec;
typedef VEC(uint32_t) u32vec;
typedef VEC(bool) boolvec;

/* qsort/bsearch comparator of two char * elements, by strcmp. */
int strp_cmp(const void *a, const void *b);

/* Sort by strcmp; strvec_sort_unique also drops equal strings, freeing
 * them (only for a vector that owns its strings). */
void strvec_sort(strvec *v);
void strvec_sort_unique(strvec *v);
void cstrvec_sort(cstrvec *v);

/* Membership: _sorted by binary search on a sorted vector, _contains by a
 * linear scan.  A NULL name is in no vector. */
bool strvec_has_sorted(const strvec *v, const char *s);
bool cstrvec_has_sorted(const cstrvec *v, const char *s);
bool strvec_contains(const strvec *v, const char *s);

/* Push a copy of s (owned by the vector). */
void strvec_push_dup(strvec *v, const char *s);

/* Free every string and the vector itself; v is empty afterwards. */
void strvec_free_all(strvec *v);

#endif
