#include "util/diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "util/strbuf.h"
#include "util/strindex.h"
#include "util/textout.h"
#include "util/vec.h"
#include "util/xalloc.h"

static strvec files;
static struct strindex file_index;	/* files -> index */
static struct diag_scope root = { .prefix = "" };
static struct diag_scope *inner = &root;
static int quiet_warnings;
/* Located messages printed per severity (error, warning, note) since the
 * last reset: past DIAG_MAX_SHOWN of one, a single "too many" line and then
 * silence, so a hostile tree cannot make the output grow with its size. */
enum { SHOW_ERROR, SHOW_WARNING, SHOW_NOTE };
static unsigned shown[3];

/* Every arch of a tree reads the same ~1,800 files: intern by hash. */
uint32_t diag_file_intern(const char *name)
{
	uint32_t k;

	if (strindex_find(&file_index, name, &k))
		return k + 1;
	vec_push(files, xstrdup(name));
	strindex_put(&file_index, vec_last(files), (uint32_t)files.n - 1);
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
	strindex_release(&file_index);
}

void diag_scope_enter(struct diag_scope *s)
{
	s->outer = inner;
	s->nerrors = s->nwarnings = 0;
	inner = s;
}

void diag_scope_leave(struct diag_scope *s)
{
	/* Scopes are LIFO; leaving one that is not innermost is a bug. */
	if (inner != s || s == &root)
		abort();
	inner = s->outer;
	s->outer = NULL;
}

void diag_set_stream(FILE *f)
{
	root.out = f;
}

FILE *diag_get_stream(void)
{
	return root.out;
}

void diag_set_prefix(const char *p)
{
	root.prefix = p ? p : "";
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

static void count(int error)
{
	for (struct diag_scope *s = inner; s; s = s->outer)
		if (error)
			s->nerrors++;
		else
			s->nwarnings++;
}

/* The innermost scope's relocation wins; stream and prefix come from the
 * nearest scope that sets them. */
static void vreport(struct loc at, unsigned col, const char *sev, const char *fmt, va_list ap)
{
	FILE *f = NULL;
	const char *prefix = NULL, *lead = "";
	struct strbuf msg = STRBUF_INIT, line = STRBUF_INIT;
	char where[512];

	for (struct diag_scope *s = inner; s && (!f || !prefix); s = s->outer) {
		if (!f)
			f = s->out;
		if (!prefix)
			prefix = s->prefix;
	}
	if (!f)
		f = stderr;
	if (!prefix)
		prefix = "";
	if (inner->at.file) {
		at = inner->at;
		col = inner->col;
		lead = inner->lead ? inner->lead : "";
	}
	if (at.file && col)
		sb_addf(&msg, "%s%s:%u: %s: %s", prefix, loc_str(at, where, sizeof(where)), col, sev, lead);
	else if (at.file)
		sb_addf(&msg, "%s%s: %s: %s", prefix, loc_str(at, where, sizeof(where)), sev, lead);
	else
		sb_addf(&msg, "%skcsat: %s: %s", prefix, sev, lead);
	sb_vaddf(&msg, fmt, ap);
	/* file names, names and strings of the tree: no raw control byte */
	textout_escape(&line, msg.buf, msg.len);
	sb_addc(&line, '\n');
	fwrite(line.buf, 1, line.len, f);
	sb_release(&msg);
	sb_release(&line);
}

static void report_plain(const char *sev, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* A message at no location that no scope relocates: printed through the
 * enclosing scopes' stream and prefix. */
static void report_plain(const char *sev, const char *fmt, ...)
{
	struct diag_scope plain = { .outer = inner };
	va_list ap;

	inner = &plain;
	va_start(ap, fmt);
	vreport((struct loc){ 0, 0 }, 0, sev, fmt, ap);
	va_end(ap);
	inner = plain.outer;
}

/* Whether a message of this kind is printed.  The first one past the cap
 * prints "kcsat: SEV: too many SEVs (N); the rest are not shown" instead. */
static bool may_show(int kind, const char *sev)
{
	if (shown[kind] < DIAG_MAX_SHOWN) {
		shown[kind]++;
		return true;
	}
	if (shown[kind] == DIAG_MAX_SHOWN) {
		shown[kind]++;
		report_plain(sev, "too many %ss (%d); the rest are not shown", sev, DIAG_MAX_SHOWN);
	}
	return false;
}

bool diag_errors_capped(void)
{
	return shown[SHOW_ERROR] > DIAG_MAX_SHOWN;
}

void diag_error(struct loc at, const char *fmt, ...)
{
	va_list ap;

	count(1);
	if (!may_show(SHOW_ERROR, "error"))
		return;
	va_start(ap, fmt);
	vreport(at, 0, "error", fmt, ap);
	va_end(ap);
}

void diag_error_col(struct loc at, unsigned col, const char *fmt, ...)
{
	va_list ap;

	count(1);
	if (!may_show(SHOW_ERROR, "error"))
		return;
	va_start(ap, fmt);
	vreport(at, col, "error", fmt, ap);
	va_end(ap);
}

void diag_warning(struct loc at, const char *fmt, ...)
{
	va_list ap;

	count(0);
	if (quiet_warnings || !may_show(SHOW_WARNING, "warning"))
		return;
	va_start(ap, fmt);
	vreport(at, 0, "warning", fmt, ap);
	va_end(ap);
}

void diag_note(struct loc at, const char *fmt, ...)
{
	va_list ap;

	/* kcsat's own notes (no location: "wrote FILE") are never capped */
	if ((at.file || inner->at.file) && !may_show(SHOW_NOTE, "note"))
		return;
	va_start(ap, fmt);
	vreport(at, 0, "note", fmt, ap);
	va_end(ap);
}

void diag_fatal(const char *fmt, ...)
{
	va_list ap;

	count(1);
	va_start(ap, fmt);
	vreport((struct loc){0, 0}, 0, "error", fmt, ap);
	va_end(ap);
}

unsigned diag_error_count(void)
{
	return root.nerrors;
}

unsigned diag_warning_count(void)
{
	return root.nwarnings;
}

void diag_reset_counts(void)
{
	root.nerrors = root.nwarnings = 0;
	memset(shown, 0, sizeof(shown));
}
