/* lint's parts, private to src/check/lint*.c; the design is in
 * include/check/lint.h.  What crosses the job boundary is described here
 * once: the fact records of round 1, the requests and answers of round 2. */
#ifndef KCSAT_LINT_INT_H
#define KCSAT_LINT_INT_H

#include <stdint.h>

#include "check/lint.h"
#include "util/diag.h"
#include "util/record.h"
#include "util/strbuf.h"
#include "util/vec.h"

struct load_config;
struct symbol;

/* Round 1's facts.  A location is two fields, the file (as the tree names
 * it) and the line; "e" marks the entry a line sits in (suppressions
 * apply per entry).  Facts of one Kconfig line from different arches are
 * merged by location; menu ids and dependency indexes name the line again
 * in the same arch's tree, for round 2. */
enum lint_fact {
	LF_FILES,	/* names: every Kconfig file this arch reads, one per line */
	LF_DEFS,	/* names: every symbol it defines, one per line */
	LF_TRIS,	/* names: those of them that are tristate */
	LF_TRANS,	/* names: those of them that are transitional */
	LF_PRAGMA,	/* a `# kcsat:` comment: the entry it belongs to, its text */
	LF_CYCLE,	/* a dependency loop, in the kernel's words */
	LF_UNDEF,	/* a reference to a symbol this arch does not define */
	LF_NONBOOL,	/* a select of (or by) a symbol that is not bool/tristate */
	LF_TRANSREF,	/* a line that reads the transitional target (what: how,
			 * "`depends on` reads"...), in the entry of sym ("": an
			 * entry with no symbol); value: what it reads unsaved */
	LF_UNMET,	/* a select that can be unmet: bits (0: 64BIT fixed), the
			 * witness and fragment paths ("-": none), the evidence
			 * lines, the $(shell,...) results it needs ("": none;
			 * else "X is y and Y is n"), probe: 1 if it needs probes
			 * both ways, one y and one n (not only which compiler
			 * or linker it is) */
	LF_DEAD,	/* sym never has value here ("any": never y or m);
			 * class: why (LINT_CLASSES; "undefined": it depends on
			 * a symbol this arch does not define) */
	LF_PROP,	/* a line never in effect here (kind default, prompt,
			 * select; status dead, shadowed, or void: its entry is);
			 * sym: the entry's symbol name ("" for a choice), label:
			 * how findings name the entry (lint_entry_label());
			 * class as for LF_DEAD, why: its evidence lines */
	LF_REDUND,	/* conjunct conj of a depends-on line adds nothing here
			 * (status redundant, or void); menu, dep: the line; sym,
			 * label as for LF_PROP; class: its kind (LINT_CLASSES);
			 * via: for a repeat, the line it repeats ("": ask round 2) */
	LF_INTCOND,	/* a condition (what: which) of entry label that reads
			 * target, of type type, as a bool */
	LF_SELVIS,	/* a select of a symbol with a visible prompt */
	LF_BITS,	/* sym reachable with 64BIT=only (64 or 32) alone */
	LF_TIME,	/* CPU ms of a check, or of cover, encode, sample, cones */
	LF_LOAD,	/* CPU ms of loading the tree */
	LF_UNKNOWN,	/* the whole result: solves ran out of budget (and
			 * every other fact is dropped) */
	LF_COUNT
};
extern const struct record_kind lint_facts[LF_COUNT];

/* Round 2's requests to one arch (seq: the request's index among that
 * arch's, which its answer quotes) and their answers.  LQ_CHECK is round
 * 3's: does the chain another arch gave for a redundant term (LQ_REDUND,
 * the same fields) block it here too?  Its answer is "=" when it does,
 * else this arch's own chain. */
enum lint_ask { LQ_DEAD, LQ_BITS, LQ_REDUND, LQ_CHECK, LQ_COUNT };
extern const struct record_kind lint_requests[LQ_COUNT];
/* LA_EV: the chain of lines answering request seq, one per line; "-":
 * none (nothing in the tree can give it that value, or the question is
 * impossible by construction) */
enum lint_answer { LA_EV, LA_TIME, LA_LOAD, LA_UNKNOWN, LA_COUNT };
extern const struct record_kind lint_answers[LA_COUNT];

/* A request made by the merge: which finding its answer completes. */
struct lint_pending {
	size_t arch;
	uint32_t seq;
	enum lint_ask ask;
	int only;		/* LQ_BITS: the one bitness it is reachable with */
	struct finding *f;
	bool joined;		/* its chain joined an earlier request's block */
	/* LQ_REDUND of a term redundant on more arches: its chain (text),
	 * checked on the others in round 3 before it is cited */
	bool wide;
	char *text;
	size_t first;		/* LQ_CHECK: the round 2 request, in done */
};

/* A redundant term's line on an arch other than the one round 2 asks:
 * its LF_REDUND fields, for round 3. */
struct lint_later {
	size_t arch;
	size_t first;		/* the round 2 request (in pending, then done) */
	char *menu, *dep, *conj;
};

typedef VEC(char *) lint_texts;
typedef VEC(struct lint_pending) lint_pendings;

struct lint {
	struct lint_options o;
	int round;			/* 1: facts, 2: evidence, 3: its check on more arches */
	size_t narch;
	lint_texts facts;		/* by arch: round 1's facts */
	/* A partial run (--arch naming some of the tree's arches): the
	 * others, loaded only for their files and definitions (LF_FILES and
	 * LF_DEFS in others_facts), so that no finding claims a fact about
	 * an arch whose model was never asked */
	strvec others;
	lint_texts others_facts;
	size_t ntree;		/* the tree's SRCARCHes (arch_list), 0 if not read */
	VEC(struct strbuf) requests;	/* by arch: round 2's requests */
	u32vec nrequests;	/* by arch: how many */
	lint_texts answers;		/* by arch: round 2's answers */
	lint_pendings pending;
	VEC(struct lint_later) later;	/* round 3's questions, to be asked */
	lint_pendings done;		/* round 2's requests, during round 3 */
	/* CPU time over all arches: round 1 per check, [LC_COUNT] the one
	 * cover the checks share; round 2 (evidence) per check */
	double ms[LC_COUNT + 1], evidence_ms[LC_COUNT];
	double load_ms, encode_ms;
	double wall_ms;			/* of lint_run() */
	/* of all round 1 answers: random solutions of whole arches, cone models */
	double sample_ms, cone_ms;
	unsigned bad;			/* malformed records (reported) */
	sizevec unknown;		/* arches whose jobs ran out of budget */
};

/* ---- lint.c: shared helpers ---- */
/* CPU time of this process (a job), in ms: what --times adds up. */
double lint_now_ms(void);
static inline bool lint_on(const struct lint *L, enum lint_check c)
{
	return L->o.enabled & (1u << c);
}
/* Is s one of the focus symbols (always, without a focus)? */
bool lint_in_focus(const struct lint *L, const struct symbol *s);
/* A location as two fields of w: file (tree-relative, "<builtin>" for
 * none) and line. */
void lint_put_loc(struct record_writer *w, const char *file, const char *line, struct loc at);
/* How findings name an entry: its symbol, else `menu "PROMPT"`,
 * `choice "PROMPT"` (the kernel names neither), else its kind and
 * location. */
struct menu;
void lint_entry_label(struct strbuf *sb, const struct menu *m);
/* A time record (LF_TIME, or LA_TIME: the same fields). */
void lint_put_time(struct strbuf *out, const struct record_kind *kind, const char *what, double ms);
/* How a partial run names other, an arch c did not load (L->others): the
 * name itself, or for a SRCARCH c loads by its kbuild names of one
 * bitness, the names it leaves out ("i386" beside x86_64; "ARCH=x86"
 * beside both), and then true. */
bool lint_other_label(const struct load_config *c, const char *other, struct strbuf *sb);
/* Name of arch i of c ("tree" for a plain tree). */
const char *lint_arch_name(const struct load_config *c, size_t i);

/* ---- lint-static.c: what a tree says without a model ---- */
void lint_static_facts(const struct lint *L, struct kctree *t, struct strbuf *out);
/* Only the files it reads and the symbols it defines (LF_FILES, LF_DEFS):
 * what the merge needs of an arch that was not asked for. */
void lint_static_names(const struct kctree *t, struct strbuf *out);

/* ---- lint-source.c: the checks over the C sources and Makefiles ---- */
/* The source checks enabled (undefined-config-reference), from round 1's
 * facts of every arch (read from copies: the merge reads them in place),
 * their findings into out.  A tree without C sources gets a note. */
void lint_source(struct lint *L, const struct load_config *c, struct findings *out);

/* ---- lint-fragment.c: an unmet select's allnoconfig fragment ---- */
struct config;
struct property;
/* The few settings of witness c (a .config showing p unmet) with which
 * `make KCONFIG_ALLCONFIG=FRAG allnoconfig` shows the kernel's warning for
 * p, one CONFIG_X=V line each, appended to out; false when the simulation
 * does not reproduce it (Linux before 6.11 included). */
bool lint_unmet_fragment(struct kctree *t, const struct config *c, const struct property *p,
			 struct strbuf *out);

/* ---- lint-round1.c: every question of every check, one model per arch ---- */
/* False when a witness could not be written (after the diagnostic). */
bool lint_round1(const struct lint *L, struct kctree *t, const char *arch, struct strbuf *out);

/* ---- lint-merge.c: every arch's facts into findings and requests ---- */
void lint_merge(struct lint *L, const struct load_config *c, struct findings *out);

/* ---- lint-evidence.c: round 2 ---- */
/* Ask arch for the evidence of f: the request of kind ask made from fact
 * (an LF_DEAD, LF_BITS or LF_REDUND record of that arch). */
void lint_request(struct lint *L, size_t arch, enum lint_ask ask, const struct record *fact,
		  struct finding *f);
/* LQ_DEAD for the value the finding claims (fact's own may say more: a
 * symbol never y on every arch is never set at all on some, and the chain
 * cites why it is never y). */
void lint_request_dead(struct lint *L, size_t arch, const struct record *fact, const char *value,
		       struct finding *f);
/* The same term (fact: an LF_REDUND record) redundant on another arch:
 * the LQ_REDUND request just made is checked there in round 3. */
void lint_request_later(struct lint *L, size_t arch, const struct record *fact);
/* One arch's answers to requests (its records), into out. */
void lint_round2(const struct lint *L, struct kctree *t, const char *arch, char *requests,
		 struct strbuf *out);
/* The answers into the findings that asked; after round 2, the requests
 * of round 3 (none: nothing to check). */
void lint_add_evidence(struct lint *L, const struct load_config *c);
void lint_evidence_free(struct lint *L);

#endif
