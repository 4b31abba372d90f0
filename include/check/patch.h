/* Unified diffs applied in memory: `kcsat patch FILE.patch` compares the
 * configuration space before and after a patch without copying the tree or
 * writing anything.  The new contents of each patched Kconfig file go into
 * the struct srccache every load reads through, so loading the tree again
 * with that cache sees the patched tree.
 *
 * Reads what `git diff`, `git format-patch` (mail headers, commit message,
 * renames, mode lines, `\ No newline at end of file`) and `diff -u` print.
 * Hunks apply like GNU patch without fuzz: the context must match exactly
 * (a CR before the newline aside), at the header's line or else at the
 * nearest line where it does. */
#ifndef KCSAT_PATCH_H
#define KCSAT_PATCH_H

#include <stdbool.h>
#include <stddef.h>

struct patch;
struct srccache;

enum patch_kind {
	PATCH_MODIFY,
	PATCH_CREATE,		/* old_path NULL */
	PATCH_DELETE,		/* new_path NULL */
	PATCH_RENAME,		/* old_path goes, new_path comes (maybe changed) */
	PATCH_COPY,		/* old_path stays, new_path comes */
};

/* The lines a hunk changes, context left out, in both versions of the file
 * (1-based).  A pure insertion has old_count 0 and old_line the line it
 * follows; a pure deletion likewise new_count 0.  Before patch_apply() they
 * come from the hunk header, after it from where the hunk landed. */
struct patch_range {
	unsigned old_line, old_count, new_line, new_count;
};

/* One file of the patch, read-only for callers.  Paths are relative to the
 * tree root (prefix components stripped). */
struct patch_file {
	const char *old_path, *new_path;
	enum patch_kind kind;
	bool binary;			/* no text hunks: cannot be applied */
	bool kconfig;			/* a name contains "Kconfig" */
	unsigned line;			/* its header's line in the patch file */
	size_t nranges;
	const struct patch_range *ranges;	/* one per hunk */
};

/* Parse text (len bytes, name for diagnostics); text may be freed after.
 * strip is -p: the leading path components to drop from the ---/+++ and
 * `diff --git` names (1 for git's a/ and b/).  Text before the first file
 * header (mail headers, commit message) is skipped.  NULL after a
 * diagnostic "name:LINE: error: ..." (LINE in the patch file), e.g. for a
 * truncated hunk, or "no patch found" when there is no file header. */
struct patch *patch_parse(const char *name, const char *text, size_t len, int strip);

/* What patch_apply() did. */
struct patch_stats {
	size_t files_patched;		/* Kconfig files changed, created or deleted */
	size_t files_other;		/* other files applied (a tree may source them) */
	size_t files_skipped;		/* other files that do not apply (binary, not in
					 * the tree): an error only for a load that reads
					 * them */
	size_t hunks;			/* hunks applied */
	size_t hunks_offset;		/* ... of which not at the header's line */
	long max_offset;		/* the largest such offset, in lines (signed) */
};

/* Apply the files of p to the tree at srctree, as seen through cache, and
 * put the results in cache (srccache_put(): deleted files read as
 * missing).  A file whose name lacks "Kconfig" that does not apply reads
 * as SRC_EUNPATCHED instead of failing the patch: only a tree that sources
 * it needs it.  Files are read under srctree + "/" + path, the key the
 * lexer uses.  All or nothing: on failure the cache is left as it was and
 * false is returned after a diagnostic such as "fix.patch:12: error: hunk #2
 * of 'drivers/pci/Kconfig' does not apply (line 301 differs: ...)".
 * Records where each hunk landed in p's ranges.  st may be NULL.  Applying
 * the same patch twice applies it on top of itself (and usually fails). */
bool patch_apply(struct patch *p, const char *srctree, struct srccache *cache,
		 struct patch_stats *st);

/* The files of p in patch order; what the caller maps to Kconfig entries to
 * know what to re-check. */
size_t patch_nfiles(const struct patch *p);
const struct patch_file *patch_file(const struct patch *p, size_t i);

void patch_free(struct patch *p);

#endif
