/* What the fuzz targets share (fuzz.c): quiet diagnostics, a temporary
 * file for readers that take a path, and the no-silent-failure check. */
#ifndef KCSAT_FUZZ_H
#define KCSAT_FUZZ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/diag.h"

/* Send every diagnostic to /dev/null (once per process), unless
 * FUZZ_VERBOSE is set (to see what a seed does). */
void fuzz_quiet(void);
/* Write data to this process's temporary file (created once under
 * $TMPDIR with the given suffix, removed at exit) and return its path. */
const char *fuzz_temp_file(const uint8_t *data, size_t size, const char *suffix);
/* A reader reports failure exactly when it printed an error: abort()
 * (a crash libFuzzer reports) if ok and the scope's error count disagree. */
void fuzz_agree(bool ok, const struct diag_scope *s);
/* Forget the interned file names and counts between inputs. */
void fuzz_reset(void);

#endif
