/* Allocation that cannot fail: out of memory is the one condition kcsat does
 * not turn into a diagnostic, it aborts with a message. */
#ifndef KCSAT_XALLOC_H
#define KCSAT_XALLOC_H

#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

#endif
