/* The lint options kcsat lint, check, diff and patch share: -W CHECK and
 * -Wno-CHECK, --format for findings, and the part of a usage text that
 * lists the checks (made from the checks table, check/lint.h). */
#ifndef KCSAT_LINTOPT_H
#define KCSAT_LINTOPT_H

#include <stdbool.h>

#include "check/findings.h"

struct strbuf;

/* -W CHECK, -Wno-CHECK, -Wall, -Wno-all on *enabled (a bit per enum
 * lint_check); false after a diagnostic for an unknown check.  *seen
 * (false before the first -W option) makes a first -W CHECK start from no
 * check at all: `-W unmet-select` runs that check alone, while a first
 * -Wno-CHECK or -Wall starts from the default set. */
bool lintopt_w(const char *arg, unsigned *enabled, bool *seen);
/* --format text|json|sarif|github; false after a diagnostic. */
bool lintopt_format(const char *arg, enum findings_format *fmt);
/* --witness-dir DIR: create it when missing (its parent must exist);
 * false after a diagnostic.  NULL (no option) is fine. */
bool lintopt_witness_dir(const char *dir);
/* Usage lines from the checks table: which checks are off by default... */
void lintopt_usage_off(struct strbuf *sb);
/* ...and the list of every check. */
void lintopt_usage_list(struct strbuf *sb);

#endif
