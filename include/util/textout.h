/* Text that reaches a terminal, a CI log or a file a person reads: no raw
 * control byte from a tree, a patch or a rule file ever gets there.  A
 * hostile Kconfig can put ESC, BEL, CR or the unknown-value markers of
 * preprocess.h in a prompt, a string default, a file name or a shell
 * command; printed raw, ESC sequences rewrite the terminal's title or the
 * lines above, and CR overwrites a finding in a log.
 *
 * Every byte below 0x20 but newline and tab, and DEL, is written as a
 * backslash and three octal digits (ESC is \033), as git quotes file
 * names.  Newline and tab stay: they are the output's own structure.  So
 * are the C1 controls, which a terminal reads as ESC sequences too (0x9b
 * is CSI): U+0080..U+009F in UTF-8 (\302\200..\302\237, both bytes) and
 * a byte 0x80..0x9f that is not part of a valid UTF-8 sequence (\233); any
 * other UTF-8 and any other stray byte stays as it is.  JSON
 * (util/json.h) escapes these characters itself, as \u00XX, so it passes
 * through unchanged. */
#ifndef KCSAT_TEXTOUT_H
#define KCSAT_TEXTOUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

struct strbuf;

/* Is c an ASCII byte that textout escapes? */
static inline bool textout_is_control(unsigned char c)
{
	return (c < 0x20 && c != '\n' && c != '\t') || c == 0x7f;
}
enum textout_unit {
	TEXTOUT_PLAIN,		/* printed as it is */
	TEXTOUT_CONTROL,	/* a control character: escaped */
	TEXTOUT_PARTIAL,	/* a UTF-8 sequence cut short by the end of s */
};

/* What starts at s[0..n) (n >= 1) and how many bytes it takes (*len): one
 * byte, or a whole valid UTF-8 sequence.  A sequence cut short is
 * TEXTOUT_PARTIAL unless final, when the bytes are read as stray ones. */
enum textout_unit textout_scan(const char *s, size_t n, bool final, size_t *len);
/* Append s[0..n) to out, escaped. */
void textout_escape(struct strbuf *out, const char *s, size_t n);
/* A stream escaping onto fd (a write error shows as ferror()); fclose()
 * writes what it holds back and leaves fd open.  NULL if it cannot be
 * made. */
FILE *textout_fdopen(int fd);
/* Make stdout such a stream: everything printed to it from now on is
 * escaped on its way to file descriptor 1 (line-buffered on a terminal).
 * A write error shows as ferror(stdout).  Returns false if the stream
 * cannot be made (stdout is then left as it was). */
bool textout_install(void);
/* At the end of the output: flush stdout, and write a UTF-8 sequence the
 * stream holds back because it was cut short (its bytes then stray ones).
 * Returns false on a write error. */
bool textout_finish(void);

#endif
