/* .config files: writing a witness from a solution, reading one back.
 * The format is the kernel's (confdata.c): CONFIG_X=y|m, "# CONFIG_X is not
 * set", CONFIG_X=123, CONFIG_X=0x10, CONFIG_X="escaped string". */
#ifndef KCSAT_CONFIG_H
#define KCSAT_CONFIG_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "diag.h"
#include "vec.h"

struct model;
struct sat;
struct kctree;
struct symbol;

/* Every symbol the model gives a value, in definition order. */
void config_write(FILE *f, struct model *m, struct sat *s, const char *header);

struct config_entry {
	char *name;		/* without CONFIG_ */
	char *value;		/* "y", "m", "n" (is not set), or the raw value */
	struct loc loc;
};

struct config {
	VEC(struct config_entry) v;
	uint32_t *hash;		/* name -> index + 1 of its last entry */
	size_t hash_cap;
};

/* Returns false after a diagnostic (unreadable file, malformed line). */
bool config_read(const char *path, struct config *out);
void config_release(struct config *c);
const struct config_entry *config_find(const struct config *c, const char *name);
/* The values of a solution (encode everything first), as if read back
 * from the witness .config. */
void config_from_solution(struct config *c, struct model *m, struct sat *s);

#endif
