/* Architectures: the directories under arch/ and the variables kbuild sets
 * for each (ARCH, SRCARCH, SUBARCH, HEADER_ARCH, KERNELVERSION, the tool
 * names).  ARCH is chosen so that 64BIT stays user-selectable where the
 * arch allows both bitnesses ("$(ARCH)" = "x86", "sparc", "parisc"; um with
 * SUBARCH=x86): bitness is then a value of 64BIT, not a separate tree. */
#ifndef KCSAT_ARCH_H
#define KCSAT_ARCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "util/vec.h"

struct load_config;
struct pp;
struct strbuf;

/* Sorted SRCARCH names: directories arch/X holding a Kconfig file.
 * Returns -1 (after a diagnostic) if srctree has no arch/ directory. */
int arch_list(const char *srctree, strvec *out);
/* The arches of srctree that spec names ("all" or a comma list of SRCARCH
 * names and kbuild's ARCH= names, arch_srcarch()) into out, in spec's
 * order.  false after a diagnostic naming the
 * unknown arch and the known ones. */
bool arch_select(const char *srctree, const char *spec, strvec *out);

/* The ARCH value kcsat uses for an --arch name: the name itself (a
 * SRCARCH, or a kbuild name such as x86_64). */
const char *arch_kbuild_arch(const char *srcarch);
/* The SRCARCH of an --arch name: x86 for x86_64 and i386, sparc for
 * sparc32 and sparc64, parisc for parisc64, else the name itself. */
const char *arch_srcarch(const char *name);
/* The kbuild names that load srcarch with one bitness fixed (x86: i386,
 * x86_64), up to max of them into out; how many there are. */
size_t arch_halves(const char *srcarch, const char **out, size_t max);

/* Export kbuild's variables for srcarch into the preprocessor (and, with
 * shell execution on, into the process environment for child commands). */
void arch_setup_env(struct pp *pp, const char *srcarch, const char *srctree,
		    const char *kernelversion, int run_shell);

/* One load's share of a per-arch run (load i of c, load_config_arch()):
 * print to out, leave a short result for merge (a record string: results
 * cross process boundaries), return an exit code. */
typedef int (*arch_job_fn)(const struct load_config *c, size_t i, void *ctx, FILE *out,
			   struct strbuf *result);
typedef void (*arch_merge_fn)(void *ctx, size_t i, const char *result);

/* Run job for every arch of c (once for a plain tree), in c->jobs
 * processes when there are several (util/jobs.h: a worker that dies is an
 * error naming its arch).  Outputs go to stdout in arch order, non-empty
 * ones joined by sep; merge gets each result in arch order.  Returns the
 * worst exit code. */
int arch_for_each(const struct load_config *c, arch_job_fn job, arch_merge_fn merge, void *ctx,
		  const char *sep);

#endif
