/* Locations and diagnostics.  Every token, property and YAML node carries a
 * struct loc; only this module prints "file:line: severity: message". */
#ifndef KCSAT_DIAG_H
#define KCSAT_DIAG_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

/* Compact source position: file is an index into the interned file table,
 * line is 1-based; {0, 0} means "no location". */
struct loc {
	uint32_t file, line;
};

/* Exit codes, documented in kcsat(1).  Only main.c exits. */
enum kcsat_exit {
	EXIT_OK = 0,		/* answered; "yes" for yes/no questions */
	EXIT_NO = 1,		/* answered "no" / findings present */
	EXIT_ERROR = 2,		/* bad input, bad usage, internal error */
	EXIT_UNKNOWN = 3,	/* no error, but an answer is unknown: a solve
				 * ran out of its budget (--sat-budget) */
};

/* Intern a file name (copied); ids start at 1. */
uint32_t diag_file_intern(const char *name);
const char *diag_file_name(uint32_t file);
void diag_files_release(void);

/* A diagnostic scope: the explicit context a message is reported in.
 * Scopes nest (diag_scope_enter/leave, strictly LIFO, caller-owned
 * storage); the innermost one decides where messages go and how they are
 * located, and every enclosing scope counts them.  A caller asks its own
 * scope whether a call produced errors instead of comparing global counts,
 * and a reader that parses text found inside another file (an expression
 * inside YAML) relocates the lower layer's messages instead of capturing
 * and searching their text.
 *
 *   struct diag_scope s = { .at = yaml_loc, .col = 11, .lead = "bad ...: " };
 *   diag_scope_enter(&s);  parse ...;  diag_scope_leave(&s);
 *   if (s.nerrors) ...
 */
struct diag_scope {
	FILE *out;		/* NULL: the enclosing scope's stream */
	const char *prefix;	/* NULL: the enclosing scope's prefix */
	struct loc at;		/* at.file != 0: every message is reported here, */
	unsigned col;		/* at this column (0: none), */
	const char *lead;	/* after this text (NULL: none) */
	unsigned nerrors, nwarnings;	/* counted here, read after leave */
	struct diag_scope *outer;	/* set by enter */
};

void diag_scope_enter(struct diag_scope *s);
void diag_scope_leave(struct diag_scope *s);

/* The outermost scope's settings (stderr, no prefix by default; tests
 * redirect).  Inner scopes inherit what they leave NULL. */
void diag_set_stream(FILE *f);
FILE *diag_get_stream(void);
/* Prefix for every message, e.g. "x86: " when looping over arches. */
void diag_set_prefix(const char *prefix);
void diag_set_quiet_warnings(int quiet);

/* At most DIAG_MAX_SHOWN errors, warnings and located notes each are
 * printed in a process (since the last diag_reset_counts()); the next one
 * prints "kcsat: error: too many errors (50); the rest are not shown" (or
 * warning, note) and the rest are counted but not printed, so a hostile
 * tree cannot make the output grow with its size.  diag_fatal() and notes
 * without a location (kcsat's own: "wrote FILE") are never capped. */
#define DIAG_MAX_SHOWN 50
/* Past the cap of errors: a reader may stop (nothing more would show). */
bool diag_errors_capped(void);

void diag_error(struct loc at, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* "file:line:col: error: ..." for inputs with columns (YAML rules). */
void diag_error_col(struct loc at, unsigned col, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void diag_warning(struct loc at, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void diag_note(struct loc at, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* A message with no location, e.g. usage errors: "kcsat: error: ..." */
void diag_fatal(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Totals of the outermost scope (every message since the last reset). */
unsigned diag_error_count(void);
unsigned diag_warning_count(void);
void diag_reset_counts(void);

/* "file:line" into buf (returns buf). */
const char *loc_str(struct loc at, char *buf, size_t size);

#endif
