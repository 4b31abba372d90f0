/* Witnesses: the values of a SAT solution as a .config the kernel's conf
 * reads back (every symbol the model gives a value, in definition order). */
#ifndef KCSAT_WITNESS_H
#define KCSAT_WITNESS_H

#include <stdio.h>

#include "kconfig/confdata.h"

struct model;
struct sat;

/* The values of a solution (encode everything first), as if read back
 * from the witness .config. */
void config_from_solution(struct config *c, struct model *m, struct sat *s);
/* The same values written as a .config, after header (may be NULL). */
void config_write(FILE *f, struct model *m, struct sat *s, const char *header);

#endif
