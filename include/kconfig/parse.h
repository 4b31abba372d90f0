/* Recursive-descent parser for Kconfig, following the grammar of
 * scripts/kconfig/parser.y (Linux 6.1 and 6.12 dialects) and its error
 * messages.  It builds the menu tree through menu.h. */
#ifndef KCSAT_PARSE_H
#define KCSAT_PARSE_H

#include <stdbool.h>

struct kctree;
struct lexer;
struct pp;

/* Parse the file already pushed on lx.  Returns false if any error was
 * reported (parsing goes on after an error to report more). */
bool parse_tree(struct kctree *t, struct lexer *lx, struct pp *pp);

struct expr;

/* Parse a Kconfig expression given on the command line against t's symbol
 * table (unknown names become undefined symbols).  NULL after a diagnostic
 * located at "<expression>:1". */
struct expr *parse_expr_string(struct kctree *t, const char *text);

#endif
