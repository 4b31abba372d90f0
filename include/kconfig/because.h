/* Why a symbol has its value in a developer's own configuration: the
 * olddefconfig values of a .config (confsim.h) read back as conf computes
 * them (sym_calc_value(): the user's line where the prompt is visible, else
 * the select, imply or default that applies, the choice's pick, the range
 * that clamps), one step per symbol, from the symbol asked about down to
 * the lines of the file or of Kconfig that decide.  kcsat why, why-not and
 * implies with --config print them. */
#ifndef KCSAT_BECAUSE_H
#define KCSAT_BECAUSE_H

#include <stdbool.h>

#include <stddef.h>

struct config;
struct confsim;
struct symbol;

/* One step: sym has value because of what text says. */
struct because {
	const struct symbol *sym;
	const char *value;	/* confsim_str(); lives as long as the simulator's values */
	unsigned depth;		/* 0: the symbol asked about; its causes one deeper */
	char *text;		/* "set by you  (.config:812)", "select KVM, by ..." (owned) */
	/* the cause in a few words, for a heading: ".config:812, set by you",
	 * "arch/x86/Kconfig:30, a default" (owned) */
	char *brief;
	bool leaf;		/* nothing further decides it: a line of the file, a constant default */
};
struct becausevec {
	struct because *v;
	size_t n, cap;
};
typedef struct becausevec becausevec;

/* After confsim_load(cs, c) (and confsim_pin_shell()): why s has its value,
 * then why each symbol that decides it has its own, depth first, each
 * symbol once, at most a few causes a step and a bounded depth. */
void because_value(struct confsim *cs, const struct config *c, const struct symbol *s,
		   becausevec *out);
/* The step a heading names: the first leaf below the symbol asked about,
 * else the symbol's own step. */
const struct because *because_root(const becausevec *v);
void because_release(becausevec *v);

#endif
