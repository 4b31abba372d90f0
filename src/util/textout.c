#include "util/textout.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

#include "util/strbuf.h"

void textout_escape(struct strbuf *out, const char *s, size_t n)
{
	size_t start = 0;

	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (!textout_is_control(c))
			continue;
		sb_add(out, s + start, i - start);
		sb_addf(out, "\\%03o", c);
		start = i + 1;
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

/* The stream's write function: escape into a fixed buffer, a chunk at a
 * time (at most four bytes out per byte in). */
static ssize_t cookie_write(void *cookie, const char *buf, size_t n)
{
	int fd = *(const int *)cookie;
	char out[4096];
	size_t len = 0;

	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)buf[i];

		if (len + 4 > sizeof(out)) {
			if (!write_all(fd, out, len))
				return -1;
			len = 0;
		}
		if (textout_is_control(c)) {
			out[len++] = '\\';
			out[len++] = (char)('0' + (c >> 6));
			out[len++] = (char)('0' + ((c >> 3) & 7));
			out[len++] = (char)('0' + (c & 7));
		} else {
			out[len++] = (char)c;
		}
	}
	if (len && !write_all(fd, out, len))
		return -1;
	return (ssize_t)n;
}

bool textout_install(void)
{
	static int fd = STDOUT_FILENO;
	static const cookie_io_functions_t io = { .write = cookie_write };
	FILE *f;

	if (fflush(stdout))
		return false;
	f = fopencookie(&fd, "w", io);
	if (!f)
		return false;
	if (isatty(fd))
		setvbuf(f, NULL, _IOLBF, 0);
	stdout = f;
	return true;
}
