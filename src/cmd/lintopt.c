/* The lint options shared by kcsat lint, check, diff and patch; see
 * include/cmd/lintopt.h. */
#include "cmd/lintopt.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include "check/lint.h"
#include "util/diag.h"
#include "util/strbuf.h"

bool lintopt_w(const char *arg, unsigned *enabled, bool *seen)
{
	bool no = !strncmp(arg, "no-", 3), first = !*seen;
	const char *name = no ? arg + 3 : arg;
	int c;

	*seen = true;

	if (!strcmp(name, "all")) {
		*enabled = no ? 0 : LINT_ALL_CHECKS;
		return true;
	}
	c = lint_check_by_name(name);
	if (c < 0) {
		diag_fatal("unknown check '%s' (see 'kcsat help lint')", name);
		return false;
	}
	if (no)
		*enabled &= ~(1u << c);
	else
		*enabled = (first ? 0 : *enabled) | 1u << c;
	return true;
}

bool lintopt_witness_dir(const char *dir)
{
	if (dir && mkdir(dir, 0777) && errno != EEXIST) {
		diag_fatal("cannot create '%s': %s", dir, strerror(errno));
		return false;
	}
	return true;
}

bool lintopt_format(const char *arg, enum findings_format *fmt)
{
	static const char *const names[] = { "text", "json", "sarif", "github" };

	for (int i = 0; i < 4; i++)
		if (!strcmp(arg, names[i])) {
			*fmt = (enum findings_format)i;
			return true;
		}
	diag_fatal("unknown format '%s' (text, json, sarif or github)", arg);
	return false;
}

/* Words joined by spaces into lines of at most 75 columns. */
static void wrap(struct strbuf *sb, const char *const *words, size_t n)
{
	size_t col = 0;

	for (size_t i = 0; i < n; i++) {
		size_t len = strlen(words[i]);

		if (col && col + 1 + len > 75) {
			sb_addc(sb, '\n');
			col = 0;
		}
		if (col) {
			sb_addc(sb, ' ');
			col++;
		}
		sb_adds(sb, words[i]);
		col += len;
	}
	sb_addc(sb, '\n');
}

void lintopt_usage_off(struct strbuf *sb)
{
	struct strbuf off = STRBUF_INIT, flags = STRBUF_INIT;
	size_t noff = 0;

	for (int c = 0; c < LC_COUNT; c++)
		if (!lint_checks[c].on_by_default) {
			sb_addf(&off, "%s%s", noff ? ", " : "", lint_checks[c].doc.name);
			sb_addf(&flags, "%s-W%s", noff ? ", " : "", lint_checks[c].doc.name);
			noff++;
		}
	if (noff)
		sb_addf(sb, "%s %s off unless asked for (-Wall, or %s for %s alone).\n",
			sb_str(&off), noff > 1 ? "are" : "is", sb_str(&flags),
			noff > 1 ? "them" : "it");
	sb_release(&off);
	sb_release(&flags);
}

void lintopt_usage_list(struct strbuf *sb)
{
	struct strbuf words[LC_COUNT + 1];
	const char *w[LC_COUNT + 1];

	for (int c = 0; c <= LC_COUNT; c++)
		words[c] = (struct strbuf)STRBUF_INIT;
	sb_adds(&words[0], "Checks:");
	for (int c = 0; c < LC_COUNT; c++)
		sb_addf(&words[c + 1], "%s%s", lint_checks[c].doc.name,
			c + 1 < LC_COUNT ? "," : " (see kcsat(1), LINT CHECKS).");
	for (int c = 0; c <= LC_COUNT; c++)
		w[c] = sb_str(&words[c]);
	wrap(sb, w, LC_COUNT + 1);
	for (int c = 0; c <= LC_COUNT; c++)
		sb_release(&words[c]);
}
