/* One typed growable array for every module (in the spirit of kissat's
 * stack.h): VEC(int) v = {0}; vec_push(v, 3); ... vec_release(v); */
#ifndef KCSAT_VEC_H
#define KCSAT_VEC_H

#include <stddef.h>

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

#endif
