/* Records: see include/util/record.h. */
#include "util/record.h"

#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/diag.h"
#include "util/strbuf.h"

static void bug(const struct record_kind *k, const char *field, const char *what)
{
	diag_fatal("internal: record '%s': field '%s' %s", k->name, field ? field : "(none)", what);
	abort();
}

/* ---- writing ---- */

void rec_begin(struct record_writer *w, struct strbuf *out, const struct record_kind *kind)
{
	w->out = out;
	w->kind = kind;
	w->next = 0;
	sb_adds(out, kind->name);
}

static void put_escaped(struct strbuf *sb, const char *s)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '\\': sb_add(sb, "\\\\", 2); break;
		case '\t': sb_add(sb, "\\t", 2); break;
		case '\n': sb_add(sb, "\\n", 2); break;
		default: sb_addc(sb, *s);
		}
	}
}

void rec_str(struct record_writer *w, const char *field, const char *value)
{
	const char *want = w->next < RECORD_MAX_FIELDS ? w->kind->fields[w->next] : NULL;

	if (!want || strcmp(want, field))
		bug(w->kind, field, want ? "written out of the table's order" : "not in the table");
	w->next++;
	sb_addc(w->out, '\t');
	put_escaped(w->out, value);
}

void rec_uint(struct record_writer *w, const char *field, unsigned long long value)
{
	char b[32];

	snprintf(b, sizeof(b), "%llu", value);
	rec_str(w, field, b);
}

void rec_int(struct record_writer *w, const char *field, long long value)
{
	char b[32];

	snprintf(b, sizeof(b), "%lld", value);
	rec_str(w, field, b);
}

void rec_double(struct record_writer *w, const char *field, double value)
{
	char b[64];

	snprintf(b, sizeof(b), "%.3f", value);
	rec_str(w, field, b);
}

void rec_end(struct record_writer *w)
{
	if (w->next < RECORD_MAX_FIELDS && w->kind->fields[w->next])
		bug(w->kind, w->kind->fields[w->next], "not written");
	sb_addc(w->out, '\n');
}

/* ---- reading ---- */

void rec_reader_init(struct record_reader *rd, char *text, const struct record_kind *kinds,
		     size_t nkinds)
{
	rd->pos = text;
	rd->kinds = kinds;
	rd->nkinds = nkinds;
	rd->bad = 0;
}

static size_t nfields(const struct record_kind *k)
{
	size_t n = 0;

	while (n < RECORD_MAX_FIELDS && k->fields[n])
		n++;
	return n;
}

/* Unescape the field starting at s in place; returns where it ended (the
 * tab, newline or NUL that follows it, not yet overwritten). */
static char *unescape(char *s, char **value)
{
	char *w = s, *r = s;

	*value = s;
	for (; *r && *r != '\t' && *r != '\n'; r++) {
		if (*r == '\\' && r[1] && r[1] != '\n' && r[1] != '\t') {
			r++;
			*w++ = *r == 't' ? '\t' : *r == 'n' ? '\n' : *r;
		} else {
			*w++ = *r;
		}
	}
	if (w < r)
		*w = '\0';	/* *r, the delimiter, is the caller's */
	return r;
}

static void malformed(struct record_reader *rd, const char *line, const char *why)
{
	diag_fatal("internal error: malformed job record (%s): '%.60s'", why, line);
	rd->bad++;
}

bool rec_is(const char *text, const struct record_kind *kind)
{
	size_t n = strlen(kind->name);

	return !strncmp(text, kind->name, n) && (!text[n] || text[n] == '\t' || text[n] == '\n');
}

bool rec_read(struct record_reader *rd, struct record *r)
{
	while (rd->pos && *rd->pos) {
		char *line = rd->pos, *p, *name, *end;
		const struct record_kind *k = NULL;
		size_t n = 0, want;
		bool ok = true;
		char delim;

		/* the line's end, before unescaping moves anything */
		end = strchr(line, '\n');
		rd->pos = end ? end + 1 : NULL;
		if (end)
			*end = '\0';
		p = unescape(line, &name);
		delim = *p;
		*p = '\0';
		for (size_t i = 0; i < rd->nkinds && !k; i++)
			if (!strcmp(rd->kinds[i].name, name))
				k = &rd->kinds[i];
		if (!k) {
			malformed(rd, line, "unknown kind");
			continue;
		}
		want = nfields(k);
		while (delim == '\t') {
			char *v;

			if (n == want) {
				ok = false;
				break;
			}
			p = unescape(p + 1, &v);
			delim = *p;
			*p = '\0';
			r->f[n++] = v;
		}
		if (!ok || n != want) {
			malformed(rd, line, n != want ? "wrong number of fields" : "too many fields");
			continue;
		}
		r->kind = k;
		return true;
	}
	return false;
}

size_t rec_field_index(const struct record_kind *kind, const char *field)
{
	for (size_t i = 0; i < RECORD_MAX_FIELDS && kind->fields[i]; i++)
		if (!strcmp(kind->fields[i], field))
			return i;
	bug(kind, field, "read but not in the table");
	return 0;
}

const char *rec_get(const struct record *r, const char *field)
{
	return r->f[rec_field_index(r->kind, field)];
}

static bool bad_number(const struct record *r, const char *field, const char *v)
{
	diag_fatal("internal error: job record '%s': field '%s' is not a number: '%.40s'",
		   r->kind->name, field, v);
	return false;
}

bool rec_get_u32(const struct record *r, const char *field, uint32_t *value)
{
	const char *v = rec_get(r, field);
	char *end;
	unsigned long long n;

	if (*v < '0' || *v > '9')
		return bad_number(r, field, v);
	errno = 0;
	n = strtoull(v, &end, 10);
	if (*end || errno || n > UINT32_MAX)
		return bad_number(r, field, v);
	*value = (uint32_t)n;
	return true;
}

bool rec_get_int(const struct record *r, const char *field, int *value)
{
	const char *v = rec_get(r, field);
	char *end;
	long n;

	if (!*v || (*v != '-' && (*v < '0' || *v > '9')))
		return bad_number(r, field, v);
	errno = 0;
	n = strtol(v, &end, 10);
	if (*end || errno || n < INT_MIN || n > INT_MAX)
		return bad_number(r, field, v);
	*value = (int)n;
	return true;
}

bool rec_get_double(const struct record *r, const char *field, double *value)
{
	const char *v = rec_get(r, field);
	char *end;
	double d;

	if (!*v)
		return bad_number(r, field, v);
	errno = 0;
	d = strtod(v, &end);
	if (*end || errno || !isfinite(d))
		return bad_number(r, field, v);
	*value = d;
	return true;
}
