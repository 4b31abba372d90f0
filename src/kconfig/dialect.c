/* The dialect table.  Where each row comes from (torvalds/linux, files of
 * scripts/kconfig; versions from the top Makefile of the trees that first
 * have the change):
 *  range-reset: until 6.8 ("kconfig: do not clear SYMBOL_DEF_USER when the
 *    value is out of range", in kbuild's pull for the 6.8 merge window):
 *    confdata.c conf_read(), once every symbol is computed, clears the user
 *    value (and SYMBOL_VALID) of an int or hex symbol whose user value
 *    sym_string_within_range() rejects, so conf_write() computes it again
 *    from its default; the symbols computed before keep what they read.
 *  int-hex-zero: symbol.c sym_calc_value() seeds an int with "0" and a hex
 *    with "0x0" (6.1 seeds both with symbol_empty, "").
 *  named-choice, tristate-choice, optional-choice, choice-submenu,
 *  choice-strict, choice-values: the 6.11 rework of choices ("kconfig:
 *    remove tristate choice support" and its series): parser.y takes
 *    `choice` alone and checks members in config_stmt and
 *    choice_check_sanity(), menu.c no longer reparents entries below a
 *    member, symbol.c sym_calc_choice() computes the whole choice at once.
 *  choice-bool-prompt, parse-warnings-fatal: 6.13 ("kconfig: remove 'bool'
 *    support in choice" and "kconfig: remove zconfprint()", posted as one
 *    series for the 6.13 merge window: 6.12's parser.y still has
 *    `choice_option: T_BOOL T_WORD_QUOTE if_expr T_EOL` and warns through
 *    zconfprint() about a menuconfig without a prompt and a second or blank
 *    help text, later trees call zconf_error()).
 *  transitional: 6.18 (the top Makefile of the tree that first has
 *    tests/transitional says 6.18; "kconfig: Add transitional symbol
 *    attribute for migration support"): lexer.l T_TRANSITIONAL, parser.y
 *    transitional_check_sanity() after menu_finalize() (an entry with a
 *    dependency, or any property but help, is an error), symbol.c
 *    sym_calc_visibility() makes it always visible so its user value is
 *    read, sym_calc_value() clears its SYMBOL_WRITE, and a symbol with no
 *    user value whose default is that symbol alone takes the value as its
 *    own user value.
 *  conditional-dep: 7.0 (posted as "kconfig: Support conditional deps using
 *    \"depends on X if Y\"" after the 6.19 merge window; the tree that
 *    first has tests/conditional_dep says 6.19.0 in its Makefile, i.e. the
 *    7.0 merge window): parser.y `depends: T_DEPENDS T_ON expr if_expr
 *    T_EOL`, menu.c menu_add_dep() ORs the dependency with
 *    expr_trans_compare(cond, E_EQUAL, &symbol_no).
 *  repeated-source, choice-one-entry: 7.1 (the tree that first has
 *    tests/err_repeated_inc says 7.0.0, the 7.1 merge window): "kconfig:
 *    Error out on duplicated kconfig inclusion" makes util.c file_lookup()
 *    die at a second inclusion, with a note at the first; parser.y
 *    choice_check_sanity() drops the same-group exception for a member's
 *    prompt in another entry ("choice value must not have a prompt in
 *    another entry").
 *  def-int: kbuild's tree for the releases after 7.1 (Kconfiglib and its
 *    family already read def_int, def_hex and def_string); the first
 *    release is not known, so only the newest dialect has it.
 */
#include "kconfig/dialect.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "kconfig/kconfig.h"
#include "util/diag.h"

const struct dialect_row dialect_rows[DR_COUNT] = {
#define DIALECT_ROW(id, name, added, removed, desc) { DR_##id, name, added, removed, desc },
	DIALECT_RULES(DIALECT_ROW)
#undef DIALECT_ROW
};

bool dialect_at(int v, enum dialect_rule rule)
{
	const struct dialect_row *r = &dialect_rows[rule];

	if (!v)
		return r->removed == 0;
	return r->added <= v && (r->removed == 0 || v < r->removed);
}

bool dialect_has(const struct kctree *t, enum dialect_rule r)
{
	return dialect_at(t->kversion, r);
}

static bool number(const char **p, int *out, int max)
{
	long n = 0;

	if (!isdigit((unsigned char)**p))
		return false;
	while (isdigit((unsigned char)**p)) {
		n = n * 10 + (**p - '0');
		if (n > max)
			return false;
		(*p)++;
	}
	*out = (int)n;
	return true;
}

bool dialect_parse_version(const char *s, int *v)
{
	int maj, min;

	if (!number(&s, &maj, 99) || *s++ != '.' || !number(&s, &min, 99) || *s)
		return false;
	*v = maj * 100 + min;
	return true;
}

const char *dialect_version_str(int v, char *buf, size_t size)
{
	if (v == DIALECT_NEXT || v == 0)
		snprintf(buf, size, "next");
	else
		snprintf(buf, size, "%d.%d", v / 100, v % 100);
	return buf;
}

int dialect_select(int v)
{
	static bool noted;
	char a[16], b[16];
	int newest = DIALECT_NEWEST;

	if (!v)
		return 0;
	if (v < DIALECT_OLDEST) {
		diag_fatal("Linux %s is too old: kcsat reads the Kconfig of Linux %s and newer",
			   dialect_version_str(v, a, sizeof(a)),
			   dialect_version_str(DIALECT_OLDEST, b, sizeof(b)));
		return -1;
	}
	if (v <= newest)
		return v;
	if (!noted)
		diag_note((struct loc){ 0, 0 }, "Linux %s is newer than kcsat's newest dialect (%s): "
			  "reading it with the newest rules", dialect_version_str(v, a, sizeof(a)),
			  dialect_version_str(newest, b, sizeof(b)));
	noted = true;
	return 0;
}

void dialect_print(FILE *f)
{
	char a[16], r[16];

	fprintf(f, "Kconfig dialects: Linux %s to %s, and newer (kcsat(1), DIALECTS):\n",
		dialect_version_str(DIALECT_OLDEST, a, sizeof(a)),
		dialect_version_str(DIALECT_NEWEST, r, sizeof(r)));
	for (size_t i = 0; i < DR_COUNT; i++) {
		const struct dialect_row *row = &dialect_rows[i];
		char span[40];

		if (row->removed)
			snprintf(span, sizeof(span), "until %s", dialect_version_str(row->removed, r, sizeof(r)));
		else
			snprintf(span, sizeof(span), "since %s", dialect_version_str(row->added, a, sizeof(a)));
		fprintf(f, "  %-22s %-11s %s\n", row->name, span, row->desc);
	}
}
