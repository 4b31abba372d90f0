/* Building blocks of the SAT queries every command shares: loading and
 * encoding one arch, and splitting an answer by bitness (the value of
 * 64BIT) where the arch leaves it free. */
#ifndef KCSAT_QUERY_H
#define KCSAT_QUERY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "kconfig/kconfig.h"
#include "util/vec.h"

struct kctree;
struct load_config;
struct model;
struct symbol;
struct sat;

struct arch_ctx {
	const char *arch;	/* NULL for a plain tree */
	struct kctree *t;
	struct model *m;
	struct sat *s;		/* selectors fixed */
};

/* Load i of c (kctree_load_arch()) and encode it.  false after a
 * diagnostic. */
bool arch_ctx_open(struct arch_ctx *a, const struct load_config *c, size_t i);
/* The same in two steps, to parse query expressions in between: their
 * constants then belong to the value domains, so witnesses can hold them. */
bool arch_ctx_load(struct arch_ctx *a, const struct load_config *c, size_t i);
void arch_ctx_encode(struct arch_ctx *a);
void arch_ctx_close(struct arch_ctx *a);

struct bitness {
	const char *label;	/* "64-bit", "32-bit", or "" for a plain tree */
	int lit;		/* assumption literal (CNF_TRUE: none) */
	int bits;		/* 64, 32, or 0: a plain tree without 64BIT */
};

/* The bitness cases of an arch, restricted by want (0, 32 or 64): two
 * when 64BIT can be both y and n, else one: 64BIT's only value, or 32-bit
 * for an arch that defines no 64BIT (CONFIG_64BIT unset, as the kernel's
 * asm-generic/bitsperlong.h reads it).  Returns the count; 0 when want
 * selects no case (query_no_case_reason() says why). */
int query_bitness(struct arch_ctx *a, int want, struct bitness out[2]);
struct strbuf;
/* Why a has no want-bit case: "no 32-bit build: 64BIT is always y here
 * (arch/arm64/Kconfig:3)" or that the arch defines no 64BIT. */
void query_no_case_reason(struct arch_ctx *a, int want, struct strbuf *sb);

/* "SYM", "SYM=y", "CONFIG_SYM=m", "NR_CPUS=64", "CMDLINE=\"a b\"": a
 * symbol defined in t and the value asked for: for a bool or tristate
 * 'y', 'm', 'n', or 0 for "not n" (*str NULL); for an int, hex or string
 * symbol '=' with the value in *str (unquoted, owned by the caller: free
 * it), or 0 for "any value".  A choice's name (`choice NAME`) is a
 * symbol too.  Returns 1 if found, 0 if t does not define it (suggest
 * gets the closest name, or ""), -1 after a diagnostic for a malformed
 * argument or a value the symbol's type cannot hold. */
int query_symbol(struct kctree *t, const char *arg, const struct symbol **s, char *val,
		 char **str, char *suggest, size_t size);
/* The literal "s has the value asked for" (query_symbol()'s val, str);
 * an int, hex or string symbol asked for with no value: it is set (in
 * .config): its dependencies hold. */
int query_want_lit(struct model *m, const struct symbol *s, char val, const char *str);
/* "SYM", "SYM=y", "NR_CPUS=64", "CMDLINE=\"x\"": the question as said. */
void query_want_text(struct strbuf *sb, const struct symbol *s, char val, const char *str);

/* The values an int, hex or string symbol can take in one case (the
 * assumption lit), each item text: "2..512", "8192", "..-1" and "0.."
 * (unbounded), "any", "\"\"" (empty), for a string the constants quoted and
 * "any other string".  In the symbol's order (numbers ascending). */
void query_values(struct arch_ctx *a, const struct symbol *s, int lit, strvec *out);
/* The items joined by ", " (by "," with compact, for a table cell). */
void query_values_text(struct strbuf *sb, const strvec *items, bool compact);

/* "SYM", "CONFIG_SYM=y": the name into name; false if empty or too long. */
bool query_symbol_name(const char *arg, char *name, size_t size);
/* The name t defines closest to name (edit distance at most 3) into
 * suggest, or "". */
void query_suggest(const struct kctree *t, const char *name, char *suggest, size_t size);
/* The symbols e names that t does not define (not constants), each once,
 * appended to out. */
void query_undefined_syms(const struct expr *e, symvec *out);
/* The arches of c's tree that c does not load and that define name, in
 * arch order, into out (loaded in c->jobs processes; none for a plain
 * tree or when c loads every arch). */
void query_defined_elsewhere(const struct load_config *c, const char *name, strvec *out);
/* The error for a symbol no arch of c defines: where else the tree defines
 * it (query_defined_elsewhere()), else the closest name (suggest).
 * Returns EXIT_ERROR. */
int query_unknown_symbol(const struct load_config *c, const char *arg, const char *suggest);
/* The same for a name an expression reads; with elsewhere_ok, a name
 * other arches define is only a note (it is n where c loads): EXIT_OK. */
int query_undefined_name(const struct load_config *c, const char *arg, const char *suggest,
			 bool elsewhere_ok);

/* What the per-arch jobs of why and why-not find out about one symbol,
 * merged over arches by query_merge_answer(): jobs leave "undefined
 * SUGGESTION", or "defined" followed by "bitcase" if --bits selected a
 * case and "reachable" in any case it is. */
struct sym_answer {
	const char *arg;
	int bits;
	bool reachable, defined;
	bool any_case;		/* "bitcase": some arch had a case for bits */
	char suggest[128];
};
void query_merge_answer(void *ctx, size_t i, const char *result);
struct strbuf;
struct selector;
struct selvec {
	const struct selector **v;
	size_t n, cap;
};
/* A selector's Kconfig line as written ("depends on X", "select Y if Z"). */
void query_item_text(struct strbuf *sb, const struct selector *sel);
/* The same as a chain shows it: "SYM: line  (file:line)"; a line of no
 * symbol as the block it encloses the entry in: "the enclosing `if PCI`
 * block  (file:line)", "the enclosing menu "NAME": depends on X  (...)". */
void query_chain_item_text(struct strbuf *sb, const struct selector *sel);
/* The same as JSON members "symbol", "line" and "loc", and for a line of
 * no symbol "enclosing" ("the enclosing `if PCI` block") (no braces:
 * callers add their own members). */
struct json;
void query_chain_item_json(struct json *j, const struct selector *sel);
/* The links a chain leaves to the reader after its line i: each symbol X
 * that line needs set (read positively) which has no prompt and no default
 * and no line of its own in the chain, so that only its selects can set
 * it; as "X: no prompt, selected only by A if C  (file:line), ..." lines
 * (or "X: no prompt, no default, and nothing selects it here: always n"),
 * each prefixed by indent and ended by "\n", appended to sb. */
void query_chain_links_text(struct strbuf *sb, const struct selvec *chain, size_t i,
			    const char *indent);
/* The same as the JSON member "no_prompt" of line i's object (left out
 * when there is none): [{"symbol", "selected_by": [{"symbol", "if",
 * "loc"}]}]. */
void query_chain_links_json(struct json *j, const struct selvec *chain, size_t i);
/* Order a core's lines as a chain from s outwards (its own lines first,
 * then those of the symbols they name); in is consumed. */
void query_order_chain(const struct symbol *s, struct selvec *in, struct selvec *out);
struct cnf;
/* After an UNSAT solve with selectors assumed: the lines of a minimal core,
 * ordered as a chain from s (query_order_chain) into out. */
void query_core_chain(const struct cnf *cnf, struct sat *S, const struct symbol *s,
		      struct selvec *out);
/* The same as text, one "SYM: line  (file:line)" per line, joined by "\n"
 * and appended to sb. */
void query_core_chain_text(struct strbuf *sb, const struct cnf *cnf, struct sat *S,
			   const struct symbol *s);
/* The same from several symbols (those an expression names), in order. */
void query_order_chain_from(const struct symbol *const *roots, size_t nroots, struct selvec *in,
			    struct selvec *out);

#endif
