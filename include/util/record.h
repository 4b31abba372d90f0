/* Records: the one format of everything that crosses the job boundary
 * (util/jobs.h): lint's facts and its round-2 requests and answers, the
 * lines of kcsat diff/patch (lint facts nested in them), the results of
 * kcsat check's rules.
 *
 * A record is one line: its kind's name, then its fields, split by tabs.
 * Within a field, backslash, tab and newline are escaped (\\, \t, \n), so
 * a field holds any text: a list of names one per line, a chain of Kconfig
 * lines, or records of another kind (nested records are just a field).
 * Each kind is described once, in a table of its field names (struct
 * record_kind).  A writer puts the fields by name in the table's order; a
 * reader gets them by name, numbers through checked parsing.  Records are
 * kcsat's own, written by its workers: a malformed one is an internal
 * error, reported, and the record skipped. */
#ifndef KCSAT_RECORD_H
#define KCSAT_RECORD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct strbuf;

#define RECORD_MAX_FIELDS 14

struct record_kind {
	const char *name;				/* the first field */
	const char *fields[RECORD_MAX_FIELDS];	/* names, NULL after the last */
};

/* ---- writing: rec_begin, one rec_* per field in table order, rec_end ---- */

struct record_writer {
	struct strbuf *out;
	const struct record_kind *kind;
	size_t next;		/* the field to write next */
};

void rec_begin(struct record_writer *w, struct strbuf *out, const struct record_kind *kind);
/* The field must be the kind's next one (else kcsat aborts: a bug). */
void rec_str(struct record_writer *w, const char *field, const char *value);	/* NULL: "" */
void rec_uint(struct record_writer *w, const char *field, unsigned long long value);
void rec_int(struct record_writer *w, const char *field, long long value);
/* Milliseconds and the like: a decimal with three places. */
void rec_double(struct record_writer *w, const char *field, double value);
/* Every field must have been written. */
void rec_end(struct record_writer *w);

/* ---- reading ---- */

struct record {
	const struct record_kind *kind;
	char *f[RECORD_MAX_FIELDS];	/* unescaped values, in the kind's order */
};

struct record_reader {
	char *pos;			/* the rest of the text, unescaped in place */
	const struct record_kind *kinds;
	size_t nkinds;
	unsigned bad;			/* malformed records seen (and reported) */
};

/* Read the records of text (modified in place; it must outlive them) of
 * the kinds kinds[0..nkinds). */
void rec_reader_init(struct record_reader *rd, char *text, const struct record_kind *kinds,
		     size_t nkinds);
/* The next well-formed record into r; false at the end.  A line of an
 * unknown kind or with the wrong number of fields is reported, counted in
 * rd->bad and skipped. */
bool rec_read(struct record_reader *rd, struct record *r);

/* Whether text's first record is of kind (its name leads the line). */
bool rec_is(const char *text, const struct record_kind *kind);
/* Index of field in kind (kcsat aborts if kind has no such field). */
size_t rec_field_index(const struct record_kind *kind, const char *field);
/* A field's value by name. */
const char *rec_get(const struct record *r, const char *field);
/* A field as a number; false after a diagnostic if it is not one (in
 * range, with nothing after it). */
bool rec_get_u32(const struct record *r, const char *field, uint32_t *value);
bool rec_get_int(const struct record *r, const char *field, int *value);
bool rec_get_double(const struct record *r, const char *field, double *value);

#endif
