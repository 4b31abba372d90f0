/* Tokenizer for Kconfig, a hand-written twin of scripts/kconfig/lexer.l:
 * the same tokens, the same macro expansion points ($ in words and in quoted
 * strings, raw text after `VAR =`), the same help-text indentation rules.
 * `source` pushes a file; the parser sees one token stream. */
#ifndef KCSAT_LEX_H
#define KCSAT_LEX_H

#include <stdbool.h>
#include <stddef.h>

#include "util/diag.h"

struct pp;

enum tok {
	/* T_ERROR: a diagnostic was printed; the parser drops the line */
	T_EOF, T_EOL, T_FILE_END, T_ERROR, T_WORD, T_WORD_QUOTE, T_ASSIGN_VAL,
	/* keywords */
	T_BOOL, T_CHOICE, T_COMMENT, T_CONFIG, T_DEF_BOOL, T_DEF_TRISTATE,
	T_DEFAULT, T_DEPENDS, T_ENDCHOICE, T_ENDIF, T_ENDMENU, T_HELP, T_HEX,
	T_IF, T_IMPLY, T_INT, T_MAINMENU, T_MENU, T_MENUCONFIG, T_MODULES,
	T_ON, T_OPTIONAL, T_PROMPT, T_RANGE, T_SELECT, T_SOURCE, T_STRING,
	T_TRISTATE, T_VISIBLE, T_OPTION, T_TRANSITIONAL, T_DEF_INT, T_DEF_HEX,
	T_DEF_STRING,
	/* operators */
	T_OR, T_AND, T_EQUAL, T_UNEQUAL, T_LESS, T_LESS_EQUAL, T_GREATER,
	T_GREATER_EQUAL, T_NOT, T_OPEN_PAREN, T_CLOSE_PAREN, T_COLON_EQUAL,
	T_PLUS_EQUAL,
};

struct token {
	enum tok type;
	struct loc loc;
	const char *text;	/* words, strings, assigned values; valid until
				 * the next lex_next() */
	bool expanded;		/* the word came out of a $(...) expansion */
};

struct lexer;

/* Reads files through vfs when given (tests, fuzzer), else from srctree. */
struct lexer *lex_new(struct pp *pp, const char *srctree,
		      const char *(*vfs)(const void *ctx, const char *path, size_t *len),
		      const void *vfs_ctx);
void lex_free(struct lexer *lx);
struct srccache;
/* Read files through a cache shared by several loads. */
void lex_set_cache(struct lexer *lx, struct srccache *cache);

/* Push a file (path relative to srctree).  Returns false, after a
 * diagnostic at `from`, when it cannot be read or is already being read. */
bool lex_push_file(struct lexer *lx, const char *path, struct loc from);
/* Expand a `source` argument: globs are allowed; a pattern matching nothing
 * is an error unless it has wildcards (kconfiglib's rule). */
bool lex_source(struct lexer *lx, const char *path, struct loc from);

void lex_next(struct lexer *lx, struct token *t);
/* Expression mode (command-line queries): `A=y` is a comparison, never an
 * assignment. */
void lex_set_expr_mode(struct lexer *lx);
/* The dialect (kversion, 0: newest) whose keywords to recognize; a keyword
 * of other dialects only reads as a word. */
void lex_set_dialect(struct lexer *lx, int kversion);
/* Call right after the T_EOL of a `help` line: returns the help text
 * (malloc'ed), or NULL after a diagnostic (bad indentation). */
char *lex_help(struct lexer *lx);
/* The same without a copy: valid until the next call. */
const char *lex_help_text(struct lexer *lx);
/* Drop the rest of the current line (error recovery). */
void lex_skip_line(struct lexer *lx);

const char *tok_name(enum tok t);
unsigned lex_nfiles(const struct lexer *lx);
/* Every file pushed (diag file ids), and the `# kcsat: ...` comments
 * (text after "kcsat:", owned by the lexer). */
const uint32_t *lex_file_ids(const struct lexer *lx, size_t *n);
struct lex_pragma {
	struct loc at;
	char *text;
};
const struct lex_pragma *lex_pragmas(const struct lexer *lx, size_t *n);
unsigned lex_nlines(const struct lexer *lx);

#endif
