#include "util/diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "util/vec.h"
#include "util/xalloc.h"

static strvec files;
static uint32_t *file_hash;	/* open addressing: index + 1, 0 = empty */
static size_t file_hash_cap;
static FILE *stream;
static const char *prefix = "";
static int quiet_warnings;
static unsigned nerrors, nwarnings;

static uint32_t name_hash(const char *s)
{
	uint32_t h = 2166136261u;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

static void file_hash_insert(uint32_t id)
{
	size_t j = name_hash(files.v[id - 1]) & (file_hash_cap - 1);

	while (file_hash[j])
		j = (j + 1) & (file_hash_cap - 1);
	file_hash[j] = id;
}

/* Every arch of a tree reads the same ~1,800 files: intern by hash. */
uint32_t diag_file_intern(const char *name)
{
	size_t j;

	if (2 * (files.n + 1) > file_hash_cap) {
		free(file_hash);
		file_hash_cap = file_hash_cap ? file_hash_cap * 2 : 4096;
		file_hash = xcalloc(file_hash_cap, sizeof(*file_hash));
		for (size_t i = 0; i < files.n; i++)
			file_hash_insert((uint32_t)i + 1);
	}
	for (j = name_hash(name) & (file_hash_cap - 1); file_hash[j]; j = (j + 1) & (file_hash_cap - 1))
		if (!strcmp(files.v[file_hash[j] - 1], name))
			return file_hash[j];
	vec_push(files, xstrdup(name));
	file_hash[j] = (uint32_t)files.n;
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
	strvec_free_all(&files);
	free(file_hash);
	file_hash = NULL;
	file_hash_cap = 0;
}

void diag_set_stream(FILE *f)
{
	stream = f;
}

FILE *diag_get_stream(void)
{
	return stream;
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

void diag_error_col(struct loc at, unsigned col, const char *fmt, ...)
{
	FILE *f = stream ? stream : stderr;
	char where[512];
	va_list ap;

	nerrors++;
	fprintf(f, "%s%s:%u: error: ", prefix, loc_str(at, where, sizeof(where)), col);
	va_start(ap, fmt);
	vfprintf(f, fmt, ap);
	va_end(ap);
	fputc('\n', f);
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
