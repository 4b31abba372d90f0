/* What a Kconfig change does to the configuration space: `kcsat diff OLD
 * NEW` and `kcsat patch FILE`.  Both trees are loaded per arch in one job
 * (--jobs forks); only what the change can affect is asked:
 *  - the changed symbols: those whose definition reads differently
 *    (type, prompts, defaults, selects, ranges, effective dependencies, who
 *    selects or implies them; line numbers do not count), or those named;
 *  - their reachable values per bitness, old against new, and those of the
 *    symbols that depend on one whose values changed;
 *  - what their value silently requires (the backbone over the symbols
 *    their entries name), gained, lost, or kept though no longer written;
 *  - lint on their entries and on the entries that select them, in both
 *    trees: the findings the change adds or removes (unmet selects too). */
#ifndef KCSAT_DELTA_H
#define KCSAT_DELTA_H

#include <stdbool.h>
#include <stdio.h>

#include "util/vec.h"

struct load_config;

struct delta {
	const struct load_config *old, *new;	/* the same arches, in order */
	bool json;		/* the report as JSON, not text */
	char **only;		/* named symbols (sorted), or NULL: the changed ones */
	size_t nonly;
	unsigned lint;		/* lint checks to compare (bit per enum lint_check) */
	strvec results;	/* by arch, from the jobs */
};

/* Run the jobs and print the report to out (text, or JSON).  Returns EXIT_OK, EXIT_NO when the change adds lint
 * warnings, or EXIT_ERROR after a diagnostic. */
int delta_report(struct delta *d, FILE *out);
/* The JSON report of a change that touches no Kconfig file of narch arches. */
void delta_print_empty_json(FILE *out, size_t narch);
void delta_release(struct delta *d);

#endif
