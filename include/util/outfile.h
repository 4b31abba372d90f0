/* Files kcsat writes on request (witnesses of sat, why, lint and check,
 * cnf -o, --write-baseline), written so that an untrusted tree cannot turn
 * them against the user:
 *  - the file is never opened through a symlink: a symlink at the path is
 *    an error, whatever it points to (a tree may plant one where a witness
 *    goes);
 *  - the data goes to a temporary file in the same directory, renamed onto
 *    the path only once every write, the flush and the close succeeded, so
 *    a failed write (a full disk) leaves the old file or nothing, never a
 *    truncated one; the temporary is removed on SIGINT/SIGTERM (cleanup.h);
 *  - a device or FIFO at the path (/dev/null, /dev/full) is written in
 *    place, without blocking on the open;
 *  - every failure is "kcsat: error: cannot write PATH: REASON", and the
 *    caller's command exits with EXIT_ERROR;
 *  - every file written is named on stderr: "kcsat: note: wrote PATH". */
#ifndef KCSAT_OUTFILE_H
#define KCSAT_OUTFILE_H

#include <stdbool.h>
#include <stdio.h>

struct outfile {
	FILE *f;		/* write here, between open and commit */
	char *path;		/* as given */
	char *tmp;		/* the temporary's name in dirfd, or NULL */
	int dirfd;
	int cleanup;		/* handle of the temporary in cleanup.h */
};

/* Open path for writing.  Returns false after the diagnostic. */
bool outfile_open(struct outfile *o, const char *path);
/* Check and close everything, then rename the temporary onto the path.
 * Returns false after the diagnostic (path untouched).  Releases o. */
bool outfile_commit(struct outfile *o);
/* Give up: the temporary removed, path untouched.  Releases o. */
void outfile_abort(struct outfile *o);

#endif
