#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "vec.h"
#include "xalloc.h"

static VEC(char *) files;
static FILE *stream;
static const char *prefix = "";
static int quiet_warnings;
static unsigned nerrors, nwarnings;

uint32_t diag_file_intern(const char *name)
{
	/* Trees have ~2000 files; a linear scan from the end hits the common
	 * case (same file as the previous token) at once. */
	for (size_t i = files.n; i-- > 0;)
		if (!strcmp(files.v[i], name))
			return (uint32_t)i + 1;
	vec_push(files, xstrdup(name));
	return (uint32_t)files.n;
}

const char *diag_file_name(uint32_t file)
{
	if (file == 0 || file > files.n)
		return "<unknown>";
	return files.v[file - 1];
}

void diag_files_release(void)
{
	for (size_t i = 0; i < files.n; i++)
		free(files.v[i]);
	vec_release(files);
}

void diag_set_stream(FILE *f)
{
	stream = f;
}

void diag_set_prefix(const char *p)
{
	prefix = p ? p : "";
}

void diag_set_quiet_warnings(int quiet)
{
	quiet_warnings = quiet;
}

const char *loc_str(struct loc at, char *buf, size_t size)
{
	if (!at.file)
		snprintf(buf, size, "<builtin>");
	else
		snprintf(buf, size, "%s:%u", diag_file_name(at.file), at.line);
	return buf;
}

static void vreport(struct loc at, const char *sev, const char *fmt, va_list ap)
{
	FILE *f = stream ? stream : stderr;
	char where[512];

	if (at.file)
		fprintf(f, "%s%s: %s: ", prefix, loc_str(at, where, sizeof(where)), sev);
	else
		fprintf(f, "%skcsat: %s: ", prefix, sev);
	vfprintf(f, fmt, ap);
	fputc('\n', f);
}

void diag_error(struct loc at, const char *fmt, ...)
{
	va_list ap;

	nerrors++;
	va_start(ap, fmt);
	vreport(at, "error", fmt, ap);
	va_end(ap);
}

void diag_warning(struct loc at, const char *fmt, ...)
{
	va_list ap;

	nwarnings++;
	if (quiet_warnings)
		return;
	va_start(ap, fmt);
	vreport(at, "warning", fmt, ap);
	va_end(ap);
}

void diag_note(struct loc at, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(at, "note", fmt, ap);
	va_end(ap);
}

void diag_fatal(const char *fmt, ...)
{
	va_list ap;

	nerrors++;
	va_start(ap, fmt);
	vreport((struct loc){0, 0}, "error", fmt, ap);
	va_end(ap);
}

unsigned diag_error_count(void)
{
	return nerrors;
}

unsigned diag_warning_count(void)
{
	return nwarnings;
}

void diag_reset_counts(void)
{
	nerrors = nwarnings = 0;
}
