/* The Kconfig macro language (Documentation/kbuild/kconfig-macro-language.rst):
 * variables (=, :=, +=), $(VAR), user functions with $(1).., built-ins and
 * environment variables.
 *
 * Security: with SHELL_OFF (the default), $(shell,CMD) does not run CMD,
 * and $(NAME) of an environment variable kcsat did not set is not read
 * (unless passed, pp_pass_env()); each yields an *unknown* marker,
 * "\001<id>\002", that survives concatenation and argument passing.  A
 * token containing a marker becomes a SYM_SHELL symbol, and
 * $(error-if,...)/$(warning-if,...) never fire on an unknown condition, so
 * one analysis covers every toolchain and environment. */
#ifndef KCSAT_PREPROCESS_H
#define KCSAT_PREPROCESS_H

#include <stdbool.h>

#include "util/diag.h"
#include "kconfig/kconfig.h"

struct pp;
struct strbuf;

#define PP_UNK_OPEN '\001'
#define PP_UNK_CLOSE '\002'

/* Bounds on one statement's expansion (a hostile tree doubles a variable 40
 * times in 40 lines): no string grows past PP_MAX_LEN bytes, no statement
 * evaluates more than PP_MAX_STEPS references, and none copies more than
 * PP_MAX_WORK bytes of expansion results in all (a function that recurses
 * with growing arguments stays under the first two for seconds); each is a
 * file:line error.  The largest in Linux 6.1/6.12 are far below (see
 * tests/hostile/).  PP_MAX_TOTAL bounds the whole load (twice PP_MAX_WORK, so one statement
 * meets its own cap first), so that
 * memory does not grow with the number of statements (4,000 lines each
 * copying a 512 KiB variable would hold 2 GiB): one arch's load of Linux 6.1
 * or 6.12 copies at most 22 KB of expansion results in all. */
#define PP_MAX_LEN (1u << 20)
#define PP_MAX_STEPS 1000000u
#define PP_MAX_WORK (64ul << 20)
#define PP_MAX_TOTAL (128ul << 20)

enum var_flavor { VAR_SIMPLE, VAR_RECURSIVE, VAR_APPEND };

struct pp *pp_new(enum shell_mode shell);
void pp_free(struct pp *pp);

/* Environment as kbuild would export it (ARCH, SRCARCH, CC, ...); takes
 * copies.  These are the only variables with a value by default: any other
 * $(NAME) is an unknown marker naming the variable, like an unexecuted
 * $(shell,...), so nothing of the process environment reaches a tree that
 * may be hostile (a token in CI).  Looked up before the process
 * environment. */
void pp_setenv(struct pp *pp, const char *name, const char *value);
/* Read NAME from the process environment (NULL: every variable, as
 * kbuild does; the default with SHELL_RUN).  An unset one is empty. */
void pp_pass_env(struct pp *pp, const char *name);
/* An environment variable kbuild computes with a shell command (e.g.
 * CC_VERSION_TEXT): unknown with SHELL_OFF, run with SHELL_RUN. */
void pp_setenv_shell(struct pp *pp, const char *name, const char *cmd);

/* Current position, for $(filename), $(lineno) and diagnostics. */
void pp_set_loc(struct pp *pp, struct loc at);

/* Expand one token starting at *p (which may start with '$'): word
 * characters and $(...) references, up to the first other character.
 * Advances *p.  Returns a malloc'ed string, or NULL after an error. */
char *pp_expand_token(struct pp *pp, const char **p);
/* Expand the reference after a '$' at *p (in a quoted string). */
char *pp_expand_dollar(struct pp *pp, const char **p);
/* name OP value; returns false after an error. */
bool pp_assign(struct pp *pp, const char *name, const char *value,
	       enum var_flavor flavor);

bool pp_has_unknown(const char *s);
/* Replace each unknown marker with the reference it stands for,
 * "$(shell,CMD)" or "$(NAME)". */
void pp_render(const struct pp *pp, const char *s, struct strbuf *out);
/* The name of an environment variable not passed whose unknown s holds,
 * or NULL. */
const char *pp_unknown_env(const struct pp *pp, const char *s);
/* The same for messages: each marker as the macro call that made it, as
 * written ("$(cc-option,-mpcrel)", "$(cc-name)" for a `:=` variable), or
 * "$(shell,CMD)"; capped at a few hundred bytes. */
void pp_display(const struct pp *pp, const char *s, struct strbuf *out);
unsigned pp_shell_count(const struct pp *pp);

#endif
