/* libFuzzer target for the .config reader and writer (kconfig/confdata.h):
 * one input is the contents of a .config file, read from a temporary file
 * as `kcsat verify` reads one.
 *
 * Checked beyond crashes, leaks and undefined behaviour:
 *   - config_read() fails exactly when it printed an error;
 *   - config_heading() finds the heading ("# Linux/ARCH VERSION Kernel
 *     Configuration") config_read() finds;
 *   - every entry is found again by name, and config_find() gives the
 *     last entry of that name;
 *   - what config_write_file() writes reads back as the same entries (name,
 *     value, quoted or not) for every entry named like a Kconfig symbol
 *     ([A-Za-z0-9_]+: the writer only ever writes those; the reader keeps
 *     other names for verify to report as unknown symbols). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "kconfig/confdata.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_INPUT (256u * 1024u)

static bool symbol_name(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (!(*s == '_' || (*s >= '0' && *s <= '9') || (*s >= 'A' && *s <= 'Z') ||
		      (*s >= 'a' && *s <= 'z')))
			return false;
	return true;
}

/* The entries of c with symbol names, as the writer writes them. */
static void keep_symbols(struct config *c, struct config *out)
{
	memset(out, 0, sizeof(*out));
	for (size_t i = 0; i < c->v.n; i++) {
		struct config_entry e = c->v.v[i];

		size_t n = strlen(e.value);

		/* a line cut by a NUL byte keeps a CR before it, as conf's
		 * reader does; written out, that CR ends the line (see
		 * config_write_file) */
		if (symbol_name(e.name) && !(n && e.value[n - 1] == '\r')) {
			vec_push(out->v, e);
		} else {
			free(e.name);
			free(e.value);
		}
	}
	/* the entries moved: release the rest (index, heading) */
	c->v.n = 0;
	config_release(c);
}

static bool same_entry(const struct config_entry *a, const struct config_entry *b)
{
	return !strcmp(a->name, b->name) && !strcmp(a->value, b->value) &&
	       a->is_string == b->is_string;
}

static void round_trip(struct config *c)
{
	struct config kept, back;
	struct diag_scope s = { 0 };
	char *buf = NULL;
	size_t len = 0;
	FILE *f;
	bool ok;

	keep_symbols(c, &kept);
	f = open_memstream(&buf, &len);
	if (!f)
		abort();
	config_write_file(f, &kept, "# header\n");
	if (fclose(f))
		abort();
	diag_scope_enter(&s);
	ok = config_read(fuzz_temp_file((const uint8_t *)buf, len, ".config"), &back);
	diag_scope_leave(&s);
	if (!ok) {
		fprintf(stderr, "fuzz_config: written .config does not read back:\n%s", buf);
		abort();
	}
	if (back.v.n != kept.v.n)
		abort();
	for (size_t i = 0; i < kept.v.n; i++)
		if (!same_entry(&kept.v.v[i], &back.v.v[i])) {
			fprintf(stderr, "fuzz_config: entry %zu changed: CONFIG_%s=%s -> CONFIG_%s=%s\n",
				i, kept.v.v[i].name, kept.v.v[i].value, back.v.v[i].name,
				back.v.v[i].value);
			abort();
		}
	free(buf);
	config_release(&back);
	config_release(&kept);
}

/* config_heading(), which reads only the heading to pick the arch, finds
 * the heading config_read() finds. */
static void same_heading(const char *path, const struct config *c)
{
	char *arch, *version;

	config_heading(path, &arch, &version);
	if (!arch != !c->header_arch || !version != !c->header_version ||
	    (arch && strcmp(arch, c->header_arch)) || (version && strcmp(version, c->header_version))) {
		fprintf(stderr, "fuzz_config: heading %s %s, config_read says %s %s\n",
			arch ? arch : "(none)", version ? version : "(none)",
			c->header_arch ? c->header_arch : "(none)",
			c->header_version ? c->header_version : "(none)");
		abort();
	}
	free(arch);
	free(version);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag_scope s = { 0 };
	const char *path;
	struct config c;
	bool ok;

	if (size > MAX_INPUT)
		return 0;
	fuzz_quiet();
	diag_scope_enter(&s);
	path = fuzz_temp_file(data, size, ".config");
	ok = config_read(path, &c);
	diag_scope_leave(&s);
	fuzz_agree(ok, &s);
	if (ok)
		same_heading(path, &c);
	if (ok) {
		/* The entry a name finds is its last one: never before i. */
		for (size_t i = 0; i < c.v.n; i++) {
			const struct config_entry *e = config_find(&c, c.v.v[i].name);

			if (!e || strcmp(e->name, c.v.v[i].name) || (size_t)(e - c.v.v) < i)
				abort();
		}
		round_trip(&c);
	}
	fuzz_reset();
	return 0;
}
