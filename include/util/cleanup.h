/* What an interrupted kcsat leaves behind: on SIGINT, SIGTERM or SIGHUP
 * the temporary files and directories registered here are removed and the
 * registered worker processes killed, then kcsat dies of the signal as it
 * would have.  The handler only makes async-signal-safe calls (kill,
 * unlinkat on a directory descriptor kept open). */
#ifndef KCSAT_CLEANUP_H
#define KCSAT_CLEANUP_H

#include <stdbool.h>
#include <sys/types.h>

/* Install the handlers (main(), once). */
void cleanup_install(void);
/* Remove name, relative to the open directory dirfd (AT_FDCWD allowed), if
 * a signal arrives; dir: it is a directory (registered before what goes
 * into it: removal runs in reverse order).  Returns a handle for
 * cleanup_done(), or -1 if the table is full (then nothing is removed). */
int cleanup_add_path(int dirfd, const char *name, bool dir);
/* Kill pid with SIGTERM if a signal arrives. */
int cleanup_add_pid(pid_t pid);
/* The path is gone or the process waited for: forget it.  h < 0: no-op. */
void cleanup_done(int h);
/* In a child after fork(): forget the parent's entries (they are the
 * parent's to remove), default signal actions, and die with the parent. */
void cleanup_child(void);

#endif
