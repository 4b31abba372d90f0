/* Locations and diagnostics.  Every token, property and YAML node carries a
 * struct loc; only this module prints "file:line: severity: message". */
#ifndef KCSAT_DIAG_H
#define KCSAT_DIAG_H

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
};

/* Intern a file name (copied); ids start at 1. */
uint32_t diag_file_intern(const char *name);
const char *diag_file_name(uint32_t file);
void diag_files_release(void);

/* Where diagnostics go (stderr by default; tests redirect).  Callers
 * that capture a lower layer's message to re-locate it (rules.c) save and
 * restore the stream with diag_get_stream(). */
void diag_set_stream(FILE *f);
FILE *diag_get_stream(void);
/* Prefix for every message, e.g. "x86: " when looping over arches. */
void diag_set_prefix(const char *prefix);
void diag_set_quiet_warnings(int quiet);

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

unsigned diag_error_count(void);
unsigned diag_warning_count(void);
void diag_reset_counts(void);

/* "file:line" into buf (returns buf). */
const char *loc_str(struct loc at, char *buf, size_t size);

#endif
