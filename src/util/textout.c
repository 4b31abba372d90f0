#include "util/textout.h"

#include <errno.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

#include "util/strbuf.h"
#include "util/xalloc.h"

/* How long the UTF-8 sequence led by c is (0: c leads none), and the
 * range its second byte must be in (no overlong form, no surrogate, nothing
 * past U+10FFFF). */
static size_t utf8_need(unsigned char c, unsigned char *lo, unsigned char *hi)
{
	*lo = 0x80, *hi = 0xbf;
	if (c >= 0xc2 && c <= 0xdf)
		return 2;
	if (c >= 0xe0 && c <= 0xef) {
		if (c == 0xe0)
			*lo = 0xa0;
		else if (c == 0xed)
			*hi = 0x9f;
		return 3;
	}
	if (c >= 0xf0 && c <= 0xf4) {
		if (c == 0xf0)
			*lo = 0x90;
		else if (c == 0xf4)
			*hi = 0x8f;
		return 4;
	}
	return 0;
}

enum textout_unit textout_scan(const char *s, size_t n, bool final, size_t *len)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned char lo, hi;
	size_t need = utf8_need(p[0], &lo, &hi), i;

	*len = 1;
	if (p[0] < 0x80)
		return textout_is_control(p[0]) ? TEXTOUT_CONTROL : TEXTOUT_PLAIN;
	for (i = 1; i < need && i < n; i++)
		if (p[i] < (i == 1 ? lo : 0x80) || p[i] > (i == 1 ? hi : 0xbf))
			break;
	if (need && i == need) {
		*len = need;
		return p[0] == 0xc2 && p[1] < 0xa0 ? TEXTOUT_CONTROL : TEXTOUT_PLAIN;
	}
	if (need && i == n && !final)
		return TEXTOUT_PARTIAL;
	/* a stray byte: a C1 control where a terminal reads bytes as such */
	return p[0] <= 0x9f ? TEXTOUT_CONTROL : TEXTOUT_PLAIN;
}

void textout_escape(struct strbuf *out, const char *s, size_t n)
{
	size_t start = 0, len;

	for (size_t i = 0; i < n; i += len) {
		if (textout_scan(s + i, n - i, true, &len) != TEXTOUT_CONTROL)
			continue;
		sb_add(out, s + start, i - start);
		for (size_t k = 0; k < len; k++)
			sb_addf(out, "\\%03o", (unsigned char)s[i + k]);
		start = i + len;
	}
	sb_add(out, s + start, n - start);
}

static bool write_all(int fd, const char *p, size_t n)
{
	while (n) {
		ssize_t w = write(fd, p, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return false;
		p += w;
		n -= (size_t)w;
	}
	return true;
}

/* The stream: escaped into a fixed buffer a unit at a time (at most four
 * bytes out per byte in), with a UTF-8 sequence cut short at the end of
 * one write held back for the next. */
struct sink {
	int fd;
	char out[4096];
	size_t len;
	char held[4];
	size_t nheld;
};

static bool put_unit(struct sink *k, const char *s, size_t n, enum textout_unit u)
{
	if (k->len + 4 * n > sizeof(k->out)) {
		if (!write_all(k->fd, k->out, k->len))
			return false;
		k->len = 0;
	}
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (u == TEXTOUT_CONTROL) {
			k->out[k->len++] = '\\';
			k->out[k->len++] = (char)('0' + (c >> 6));
			k->out[k->len++] = (char)('0' + ((c >> 3) & 7));
			k->out[k->len++] = (char)('0' + (c & 7));
		} else {
			k->out[k->len++] = (char)c;
		}
	}
	return true;
}

/* Write buf[0..n) after what is held; final: the output ends there. */
static bool sink_write(struct sink *k, const char *buf, size_t n, bool final)
{
	size_t i = 0, len;

	while (k->nheld) {
		char seq[8];
		size_t m = k->nheld, take = n - i < 4 ? n - i : 4;
		enum textout_unit u;

		memcpy(seq, k->held, m);
		memcpy(seq + m, buf + i, take);
		u = textout_scan(seq, m + take, final, &len);
		if (u == TEXTOUT_PARTIAL) {	/* still short: hold it all */
			memcpy(k->held + m, buf + i, take);
			k->nheld += take;
			return true;
		}
		if (!put_unit(k, seq, len, u))
			return false;
		if (len >= m) {
			i += len - m;
			k->nheld = 0;
		} else {	/* a stray lead: what followed it is looked at again */
			memmove(k->held, k->held + len, m - len);
			k->nheld -= len;
		}
	}
	for (; i < n; i += len) {
		enum textout_unit u = textout_scan(buf + i, n - i, final, &len);

		if (u == TEXTOUT_PARTIAL) {
			memcpy(k->held, buf + i, n - i);
			k->nheld = n - i;
			break;
		}
		if (!put_unit(k, buf + i, len, u))
			return false;
	}
	if (k->len && !write_all(k->fd, k->out, k->len))
		return false;
	k->len = 0;
	return true;
}

static ssize_t cookie_write(void *cookie, const char *buf, size_t n)
{
	return sink_write(cookie, buf, n, false) ? (ssize_t)n : -1;
}

static int cookie_close(void *cookie)
{
	bool ok = sink_write(cookie, "", 0, true);

	free(cookie);
	return ok ? 0 : -1;
}

/* The stdout stream made by textout_install(), and its sink. */
static FILE *installed;
static struct sink *installed_sink;

static FILE *open_sink(int fd, struct sink **sink)
{
	static const cookie_io_functions_t io = { .write = cookie_write, .close = cookie_close };
	struct sink *k = xcalloc(1, sizeof(*k));
	FILE *f;

	k->fd = fd;
	f = fopencookie(k, "w", io);
	if (!f) {
		free(k);
		k = NULL;
	}
	*sink = k;
	return f;
}

FILE *textout_fdopen(int fd)
{
	struct sink *k;

	return open_sink(fd, &k);
}

bool textout_install(void)
{
	FILE *f;

	if (fflush(stdout))
		return false;
	f = open_sink(STDOUT_FILENO, &installed_sink);
	if (!f)
		return false;
	if (isatty(STDOUT_FILENO))
		setvbuf(f, NULL, _IOLBF, 0);
	stdout = installed = f;
	return true;
}

bool textout_finish(void)
{
	if (fflush(stdout))
		return false;
	if (stdout != installed || !installed_sink->nheld)
		return true;
	return sink_write(installed_sink, "", 0, true);
}
