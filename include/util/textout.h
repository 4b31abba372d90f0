/* Text that reaches a terminal, a CI log or a file a person reads: no raw
 * control byte from a tree, a patch or a rule file ever gets there.  A
 * hostile Kconfig can put ESC, BEL, CR or the unknown-value markers of
 * preprocess.h in a prompt, a string default, a file name or a shell
 * command; printed raw, ESC sequences rewrite the terminal's title or the
 * lines above, and CR overwrites a finding in a log.
 *
 * Every byte below 0x20 but newline and tab, and DEL, is written as a
 * backslash and three octal digits (ESC is \033), as git quotes file
 * names.  Newline and tab stay: they are the output's own structure.
 * JSON (util/json.h) escapes these bytes itself, as \u00XX, so it passes
 * through unchanged. */
#ifndef KCSAT_TEXTOUT_H
#define KCSAT_TEXTOUT_H

#include <stdbool.h>
#include <stddef.h>

struct strbuf;

/* Is c a byte that textout escapes? */
static inline bool textout_is_control(unsigned char c)
{
	return (c < 0x20 && c != '\n' && c != '\t') || c == 0x7f;
}
/* Append s[0..n) to out, escaped. */
void textout_escape(struct strbuf *out, const char *s, size_t n);
/* Make stdout such a stream: everything printed to it from now on is
 * escaped on its way to file descriptor 1 (line-buffered on a terminal).
 * A write error shows as ferror(stdout).  Returns false if the stream
 * cannot be made (stdout is then left as it was). */
bool textout_install(void);

#endif
