/* A streaming JSON writer (git's json-writer.h in spirit): objects, arrays,
 * keys and scalars, with the commas, the escaping and the nesting kept
 * inside, so no caller writes a bracket or a comma by hand.
 *
 * Text goes to the FILE as it is written; nothing is buffered.  Misuse (a
 * value where a key is due, a key outside an object, closing what is not
 * open, nesting deeper than JSON_MAX_DEPTH) is a bug in kcsat and aborts.
 * Strings are UTF-8; a byte that is not part of valid UTF-8 is written as
 * \u00XX (read as Latin-1), so the output is always valid JSON. */
#ifndef KCSAT_JSON_H
#define KCSAT_JSON_H

#include <stdbool.h>
#include <stdio.h>

#define JSON_MAX_DEPTH 32

/* Layout of one container: compact by default (one line, no spaces). */
enum json_layout {
	JSON_COMPACT = 0,
	JSON_LINES = 1,		/* a newline before each element */
	JSON_LINES_END = 2,	/* and before the closing bracket, when not empty */
};

struct json {
	FILE *f;
	int depth;
	bool want_value;	/* a key was written; its value is due */
	bool seq;		/* the top level is a sequence of values */
	size_t top;		/* values written at the top level */
	struct {
		char close;	/* '}' or ']' */
		unsigned char layout;
		size_t n;	/* elements (members) written so far */
	} st[JSON_MAX_DEPTH];
};

/* One JSON document on f. */
void json_init(struct json *j, FILE *f);
/* A sequence of values separated by commas: the elements of an array the
 * caller opens and closes elsewhere (one arch's share of a result list). */
void json_init_seq(struct json *j, FILE *f);
/* Everything opened is closed (checked; aborts otherwise). */
void json_finish(struct json *j);

void json_object(struct json *j);
void json_array(struct json *j);
void json_array_layout(struct json *j, enum json_layout layout);
void json_object_layout(struct json *j, enum json_layout layout);
/* Closes the innermost object or array. */
void json_end(struct json *j);

/* A member's name; the next value written is its value. */
void json_key(struct json *j, const char *key);
/* A string; NULL writes null. */
void json_string(struct json *j, const char *s);
void json_int(struct json *j, long long v);
void json_uint(struct json *j, unsigned long long v);
void json_bool(struct json *j, bool v);
void json_null(struct json *j);

/* key and value in one call. */
void json_kstring(struct json *j, const char *key, const char *s);
void json_kint(struct json *j, const char *key, long long v);
void json_kuint(struct json *j, const char *key, unsigned long long v);
void json_kbool(struct json *j, const char *key, bool v);
/* key, then an object or an array opened (closed with json_end()). */
void json_kobject(struct json *j, const char *key);
void json_karray(struct json *j, const char *key);
/* An array of strings. */
void json_strings(struct json *j, char *const *v, size_t n);

#endif
