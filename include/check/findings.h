/* Findings: what lint (and the CI gate) report, merged over arches, with
 * their evidence.  This module owns struct finding: ordering, fingerprints
 * and baselines, suppression, and every output format (text, JSON, SARIF,
 * GitHub workflow annotations). */
#ifndef KCSAT_FINDINGS_H
#define KCSAT_FINDINGS_H

#include <stdbool.h>
#include <stdio.h>

#include "util/vec.h"

enum finding_level { LEVEL_WARNING, LEVEL_NOTE };

struct witness_ref {
	char *arch;
	int bits;		/* 64, 32, or 0 when 64BIT is fixed */
	char *path;
	char *fragment;		/* unmet-select: its allnoconfig fragment, or NULL */
};

struct finding {
	const char *check;	/* stable name, e.g. "unmet-select" */
	/* The kind of finding inside its check (stable, for filters: e.g.
	 * redundant-dependency's "enclosing"), whose precision sets the
	 * level; NULL for a check with one kind. */
	char *cls;
	enum finding_level level;
	char *file;		/* relative to the tree; NULL: no location */
	unsigned line;
	char *symbol;		/* the symbol it is about, if any */
	char *selector;		/* unmet-select: the selecting symbol */
	char *message;		/* one line, in Kconfig's own words */
	char *key;		/* what identifies it apart from line numbers */
	strvec evidence;	/* lines, printed indented under it */
	strvec arches;
	VEC(struct witness_ref) witnesses;
	char fingerprint[17];	/* survives line shifts: check, file, key */
};

struct findings {
	VEC(struct finding *) v;
	/* Arches whose answers are unknown (a solve ran out of budget): a run
	 * with any has no findings at all, since a finding about "every arch"
	 * or an absent one could rest on them; the printers report them. */
	strvec unknown;
};

/* A new finding appended to fs (strings are copied). */
struct finding *finding_add(struct findings *fs, const char *check, enum finding_level level,
			    const char *file, unsigned line, const char *symbol, const char *key);
void finding_set_message(struct finding *f, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void finding_add_evidence(struct finding *f, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void finding_add_arch(struct finding *f, const char *arch);
/* Its class (copied; NULL or "" for none). */
void finding_set_class(struct finding *f, const char *cls);

/* Sort by file, line, check, key; compute fingerprints. */
void findings_finish(struct findings *fs);
void findings_release(struct findings *fs);
size_t findings_count(const struct findings *fs, enum finding_level level);

/* Baselines: one fingerprint per line with the finding's summary as a
 * comment.  Findings whose fingerprint the baseline holds are dropped. */
bool findings_write_baseline(const struct findings *fs, const char *path);
/* Returns the number dropped, or -1 after a diagnostic. */
int findings_apply_baseline(struct findings *fs, const char *path);

enum findings_format { FF_TEXT, FF_JSON, FF_SARIF, FF_GITHUB };
/* What SARIF says of a check or rule: its name (the finding's check), a
 * one-line summary, and where its help is. */
struct check_doc {
	const char *name, *summary, *help;
};
/* Print; docs lists every check (SARIF's rules), ndocs of them. */
void findings_print(FILE *out, const struct findings *fs, enum findings_format fmt,
		    const struct check_doc *docs, size_t ndocs, const char *tree);

#endif
