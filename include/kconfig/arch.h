/* Architectures: the directories under arch/ and the variables kbuild sets
 * for each (ARCH, SRCARCH, SUBARCH, HEADER_ARCH, KERNELVERSION, the tool
 * names).  ARCH is chosen so that 64BIT stays user-selectable where the
 * arch allows both bitnesses ("$(ARCH)" = "x86", "sparc", "parisc"; um with
 * SUBARCH=x86): bitness is then a value of 64BIT, not a separate tree. */
#ifndef KCSAT_ARCH_H
#define KCSAT_ARCH_H

#include <stddef.h>

struct pp;

struct arch_names {
	char **v;
	size_t n;
};

/* Sorted SRCARCH names: directories arch/X holding a Kconfig file.
 * Returns -1 (after a diagnostic) if srctree has no arch/ directory. */
int arch_list(const char *srctree, struct arch_names *out);
void arch_names_release(struct arch_names *a);

/* The ARCH value kcsat uses for a SRCARCH. */
const char *arch_kbuild_arch(const char *srcarch);

/* Export kbuild's variables for srcarch into the preprocessor (and, with
 * shell execution on, into the process environment for child commands). */
void arch_setup_env(struct pp *pp, const char *srcarch, const char *srctree,
		    const char *kernelversion, int run_shell);

#endif
