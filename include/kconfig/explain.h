/* Why a value in a .config is not one conf would keep: for each symbol of
 * a configuration, does its value agree with what sym_calc_value()
 * computes from the others' values (eval.h, on the config's values)?  If
 * not, the reasons in Kconfig's own words, with the file:line of each line
 * involved.  kcsat verify and check's rule evidence print them. */
#ifndef KCSAT_EXPLAIN_H
#define KCSAT_EXPLAIN_H

#include <stdbool.h>

struct config;
struct eval;
struct strbuf;
struct symbol;

/* false if s's value in c (ev: eval_new_config() of c) is not one conf
 * could give it; why gets the reasons, one line each, starting with a tab.
 * A value that reads an unexecuted $(shell,...) is left alone (the SAT
 * model leaves it free, and so does this check), and so are pre-6.11
 * choice members and int/hex/string symbols the config does not mention
 * (conf leaves out what it does not write). */
bool explain_symbol(struct eval *ev, const struct config *c, const struct symbol *s,
		    struct strbuf *why);

struct conf_change;
/* Why conf --olddefconfig changes ch (confsim.h) of c, on the simulated
 * values (ev: confsim_eval()): the line it rejects, the dependency, prompt,
 * select, range or choice that decides, one line each, starting with a
 * tab. */
void explain_change(struct eval *ev, const struct conf_change *ch, const struct config *c,
		    struct strbuf *why);

#endif
