/* libFuzzer target for the YAML rules loader (check/rules.h): one input is
 * the contents of a rules file, read from a temporary file as `kcsat check
 * --rules FILE` reads one.
 *
 * Checked beyond crashes, leaks and undefined behaviour:
 *   - rules_load() fails exactly when it printed an error;
 *   - every rule it keeps (also those before an error) is whole: an id of
 *     [A-Za-z0-9_.-] starting with a letter or digit and unique in the set,
 *     a description, a subject, a list of requires/excludes for implies and
 *     forbids only, and every text located (line and column from 1);
 *   - rule_applies() and rules_check_arches() agree with the arch lists,
 *     and the latter fails exactly when it printed an error. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/rules.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_INPUT (256u * 1024u)

static void located(const struct rule_text *x)
{
	if (!x->text || !x->loc.file || !x->loc.line || !x->col)
		abort();
}

static bool valid_id(const char *id)
{
	const char *ok = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

	return *id && strchr(ok, *id) && strspn(id, "abcdefghijklmnopqrstuvwxyz"
					 "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-") == strlen(id);
}

static void check_rule(const struct rule_set *rs, size_t i)
{
	const struct rule *r = &rs->v.v[i];
	bool pair = r->kind == RULE_IMPLIES || r->kind == RULE_FORBIDS;

	located(&r->id);
	located(&r->subject);
	if (!valid_id(r->id.text) || !r->description || !r->loc.line || !r->col)
		abort();
	for (size_t j = 0; j < i; j++)
		if (!strcmp(rs->v.v[j].id.text, r->id.text))
			abort();
	if (r->kind > RULE_FORBIDS || !rule_kind_name(r->kind) || pair != (r->items.n > 0))
		abort();
	for (size_t j = 0; j < r->items.n; j++)
		located(&r->items.v[j]);
	for (size_t j = 0; j < r->arches.n; j++) {
		located(&r->arches.v[j]);
		if (!rule_applies(r, r->arches.v[j].text))
			abort();
	}
	if (!rule_applies(r, NULL) || rule_applies(r, "no arch has this name") != !r->arches.n)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char arm[] = "arm", x86[] = "x86";
	char *const arches[] = { arm, x86 };
	struct diag_scope s = { 0 }, a = { 0 };
	struct rule_set rs = { 0 };
	bool ok, known = true;

	if (size > MAX_INPUT)
		return 0;
	fuzz_quiet();
	diag_scope_enter(&s);
	ok = rules_load(&rs, fuzz_temp_file(data, size, ".yaml"));
	diag_scope_leave(&s);
	fuzz_agree(ok, &s);
	for (size_t i = 0; i < rs.v.n; i++) {
		check_rule(&rs, i);
		for (size_t j = 0; j < rs.v.v[i].arches.n; j++) {
			const char *n = rs.v.v[i].arches.v[j].text;

			known &= !strcmp(n, "arm") || !strcmp(n, "x86");
		}
	}
	diag_scope_enter(&a);
	ok = rules_check_arches(&rs, arches, 2);
	diag_scope_leave(&a);
	fuzz_agree(ok, &a);
	if (ok != known)
		abort();
	rules_release(&rs);
	fuzz_reset();
	return 0;
}
