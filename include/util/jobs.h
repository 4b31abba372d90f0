/* The job runner: one function per item (an arch, for every per-arch
 * command), in up to N worker processes, with every item's output and
 * result collected in item order.
 *
 * A job prints to out and leaves a short result for the merge: a string,
 * because with several workers it crosses a process boundary (write it as
 * records, util/record.h).  Workers take the next item from a queue as they
 * finish one (items differ in cost several times over); the parent replays
 * the outputs in item order, non-empty ones joined by sep, and calls merge
 * with each result, also in item order, so the report never depends on
 * which worker was faster.
 *
 * A worker that dies on an item (a signal, a crash, an exit before its
 * result) is an error naming the item, e.g.
 *     kcsat: error: arch x86: worker killed by signal 9 (Killed)
 * and never a silently missing item: the run returns EXIT_ERROR, the
 * others still run and merge.  Temporary files live in one directory
 * under $TMPDIR (default /tmp), removed before jobs_run() returns, and on
 * SIGINT, SIGTERM or SIGHUP while the workers run (which are then killed,
 * and the signal re-raised); workers die with the parent (Linux).
 *
 * With progress set (the command line sets it when stderr is a terminal),
 * the parent keeps one status line on stderr while the items run, redrawn
 * a few times a second: how many are done, which are running, the time so
 * far and a spinner, e.g.
 *     kcsat: arch 7/21 done, running: powerpc, riscv  12s /
 * and clears it before the outputs are replayed; in one process the same
 * line names the item being run, from a timer, so it moves while an item
 * solves. */
#ifndef KCSAT_JOBS_H
#define KCSAT_JOBS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

struct strbuf;

/* Item i's job: print to out, append the result to result (empty at the
 * start), return an exit code (enum kcsat_exit). */
typedef int (*job_fn)(size_t i, void *ctx, FILE *out, struct strbuf *result);
/* Item i's result, in the parent, in item order; not called for an item
 * whose worker died. */
typedef void (*job_merge_fn)(void *ctx, size_t i, const char *result);

struct job_spec {
	size_t n;			/* items 0 .. n-1 */
	const char *what;		/* "arch": diagnostics say "arch NAME: ..." */
	const char *const *names;	/* n names for diagnostics; NULL: the index */
	int procs;			/* worker processes; <= 1 (or n == 1): in this one */
	job_fn run;
	job_merge_fn merge;		/* NULL: results are dropped */
	void *ctx;
	const char *sep;		/* between non-empty outputs; NULL: none */
	FILE *out;			/* where outputs go; NULL: stdout */
	bool progress;			/* the status line on stderr (see above) */
};

/* Run every item.  Returns the worst exit code of the jobs (EXIT_ERROR
 * wins over EXIT_NO), EXIT_ERROR after a diagnostic for a worker that
 * died or the runner's own failure (temporary directory, fork). */
int jobs_run(const struct job_spec *spec);

/* Whether a jobs_run() with progress is under way (in its parent or one of
 * its workers): other progress output would garble its line. */
bool jobs_progress_active(void);

#endif
