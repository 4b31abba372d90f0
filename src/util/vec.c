/* The string vectors' sort and membership helpers (the one strcmp
 * comparator of the code base). */
#include <stdlib.h>
#include <string.h>

#include "util/vec.h"

int strp_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

void strvec_sort(strvec *v)
{
	if (v->n)	/* qsort's base must not be NULL, even for 0 items */
		qsort(v->v, v->n, sizeof(*v->v), strp_cmp);
}

void cstrvec_sort(cstrvec *v)
{
	if (v->n)
		qsort(v->v, v->n, sizeof(*v->v), strp_cmp);
}

void strvec_sort_unique(strvec *v)
{
	size_t k = 0;

	strvec_sort(v);
	for (size_t i = 0; i < v->n; i++) {
		if (k && !strcmp(v->v[k - 1], v->v[i]))
			free(v->v[i]);
		else
			v->v[k++] = v->v[i];
	}
	v->n = k;
}

static bool has_sorted(const void *base, size_t n, const char *s)
{
	return s && n && bsearch(&s, base, n, sizeof(char *), strp_cmp);
}

bool strvec_has_sorted(const strvec *v, const char *s)
{
	return has_sorted(v->v, v->n, s);
}

bool cstrvec_has_sorted(const cstrvec *v, const char *s)
{
	return has_sorted(v->v, v->n, s);
}

bool strvec_contains(const strvec *v, const char *s)
{
	for (size_t i = 0; s && i < v->n; i++)
		if (!strcmp(v->v[i], s))
			return true;
	return false;
}

void strvec_push_dup(strvec *v, const char *s)
{
	vec_push(*v, xstrdup(s));
}

void strvec_free_all(strvec *v)
{
	for (size_t i = 0; i < v->n; i++)
		free(v->v[i]);
	vec_release(*v);
}
