/* .config files, in the kernel's format (confdata.c): CONFIG_X=y|m,
 * "# CONFIG_X is not set", CONFIG_X=123, CONFIG_X=0x10, CONFIG_X="escaped
 * string".  This module knows the format and nothing of the model; a
 * witness made from a solution is sat/witness.h. */
#ifndef KCSAT_CONFDATA_H
#define KCSAT_CONFDATA_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "util/diag.h"
#include "util/strindex.h"
#include "util/vec.h"

struct config_entry {
	char *name;		/* without CONFIG_ */
	char *value;		/* "y", "m", "n" (is not set), or the raw value */
	bool is_string;		/* written (or read) quoted */
	/* An input conf reads and never writes (a transitional symbol's value
	 * from an old .config): written only as a comment. */
	bool unwritten;
	struct loc loc;
};

struct config {
	VEC(struct config_entry) v;
	/* conf_write()'s heading, "# Linux/x86_64 6.12.118 Kernel
	 * Configuration", where the file has one in its first lines: the
	 * kbuild ARCH and the kernel version it was written for (NULL: none). */
	char *header_arch, *header_version;
	struct loc header;
	/* conf wrote it: "# Automatically generated file; DO NOT EDIT." or
	 * the Linux heading in its first lines (a whole .config, not a
	 * defconfig or a fragment) */
	bool generated;
	struct strindex index;	/* name -> index of its last entry (config_index()) */
};

/* Returns false after a diagnostic (unreadable file, malformed line). */
bool config_read(const char *path, struct config *out);
void config_release(struct config *c);
/* Only the heading of the file at path (both NULL: none, or unreadable;
 * the caller frees them), to pick the arch before loading a tree. */
void config_heading(const char *path, char **arch, char **version);
/* Index the entries after pushing them to c->v (config_read does it), or
 * again after changing them:
 * later lines override earlier ones, as in conf_read(). */
void config_index(struct config *c);
const struct config_entry *config_find(const struct config *c, const char *name);
/* Every entry in order, after header (may be NULL); the unwritten ones
 * that are not n first, in a comment conf ignores.  Values are written as
 * they are: one that ends in CR (only a line cut by a NUL byte gives one,
 * as in conf_read()) reads back without it. */
void config_write_file(FILE *f, const struct config *c, const char *header);

#endif
