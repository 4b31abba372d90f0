/* A helper process: a fork of this one that does part of a job's work
 * beside it, when the job has a core to spare (lint's cover of a single
 * arch, where --jobs 2 would otherwise leave one core idle).
 *
 * Memory from helper_shared(), mapped before the fork, is the same memory
 * in both processes; everything else is the helper's own copy, so what it
 * computes comes back through shared memory or its one result string.
 * The helper runs its function and exits with _exit(): no stdio buffer and
 * no atexit handler of the parent runs twice.  It dies with its parent
 * (Linux), and its stop signals are the default ones.
 *
 * A helper that dies before handing back its result (a signal, a crash) is
 * no lost work: helper_join() says so and the caller does the helper's
 * share itself, so a helper changes how fast an answer comes, never what
 * it is. */
#ifndef KCSAT_HELPER_H
#define KCSAT_HELPER_H

#include <stdbool.h>
#include <stddef.h>

struct strbuf;
struct helper;

/* n zeroed bytes shared with the helpers started after this call; NULL
 * when the system gives none (the caller then works alone). */
void *helper_shared(size_t n);
void helper_unshare(void *p, size_t n);

/* In the helper: fn(h, ctx, result), then the result goes to the parent. */
typedef void (*helper_fn)(struct helper *h, void *ctx, struct strbuf *result);

/* Fork a helper running fn; NULL when no process could be started (the
 * caller does the work itself). */
struct helper *helper_start(helper_fn fn, void *ctx);
/* In the parent: let a helper waiting in helper_wait() go on (once). */
void helper_go(struct helper *h);
/* In the helper: wait for the parent's helper_go(); false when the parent
 * is gone without it. */
bool helper_wait(struct helper *h);
/* In the parent: wait for the helper's end, its result appended to result;
 * false (result untouched) when it died before handing the whole result
 * back.  Frees h either way. */
bool helper_join(struct helper *h, struct strbuf *result);

#endif
