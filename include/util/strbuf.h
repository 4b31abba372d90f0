/* Growable NUL-terminated string, for building expansions and output. */
#ifndef KCSAT_STRBUF_H
#define KCSAT_STRBUF_H

#include <stdarg.h>
#include <stddef.h>

struct strbuf {
	char *buf;
	size_t len, cap;
};

#define STRBUF_INIT { NULL, 0, 0 }

void sb_add(struct strbuf *sb, const char *s, size_t n);
void sb_adds(struct strbuf *sb, const char *s);
void sb_addc(struct strbuf *sb, char c);
void sb_addf(struct strbuf *sb, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void sb_vaddf(struct strbuf *sb, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));
/* Always returns a valid string, "" for an empty buffer. */
const char *sb_str(const struct strbuf *sb);
/* Hands the malloc'ed string to the caller and resets the buffer. */
char *sb_detach(struct strbuf *sb);
void sb_reset(struct strbuf *sb);
void sb_release(struct strbuf *sb);

#endif
