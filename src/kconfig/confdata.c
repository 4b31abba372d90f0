#include "kconfig/confdata.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "util/srccache.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include <stdint.h>

static char *unquote(const char *p, bool *ok)
{
	struct strbuf sb = STRBUF_INIT;

	*ok = false;
	if (*p != '"')
		return NULL;
	for (p++; *p && *p != '"'; p++) {
		if (*p == '\\' && p[1])
			p++;
		sb_addc(&sb, *p);
	}
	if (*p != '"') {
		sb_release(&sb);
		return NULL;
	}
	*ok = true;
	return sb_detach(&sb);
}

/* "# Linux/ARCH VERSION Kernel Configuration" (confdata.c
 * conf_write_heading()). */
static void read_heading(struct config *c, const char *p, struct loc at)
{
	const char *arch, *ver, *end;

	if (!strcmp(p, "# Automatically generated file; DO NOT EDIT."))
		c->generated = true;
	if (strncmp(p, "# Linux/", 8))
		return;
	arch = p + 8;
	if (!(ver = strchr(arch, ' ')) || ver == arch)
		return;
	end = strchr(ver + 1, ' ');
	if (!end || end == ver + 1 || strcmp(end, " Kernel Configuration"))
		return;
	c->generated = true;
	c->header_arch = xstrndup(arch, (size_t)(ver - arch));
	c->header_version = xstrndup(ver + 1, (size_t)(end - ver - 1));
	c->header = at;
}

void config_heading(const char *path, char **arch, char **version)
{
	FILE *f = src_fopen(path);
	struct config c = { 0 };
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;

	/* Whole lines, ends stripped as config_read() does: a long line
	 * read in pieces, or a CR inside one, must not make a heading
	 * config_read() does not see (found by fuzz_config). */
	*arch = *version = NULL;
	for (int i = 0; f && i < 5 && (len = getline(&line, &cap, f)) >= 0; i++) {
		while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
			line[--len] = '\0';
		read_heading(&c, line, (struct loc){ 0, 0 });
		if (c.header_arch)
			break;
	}
	free(line);
	if (f)
		fclose(f);
	*arch = c.header_arch;
	*version = c.header_version;
}

bool config_read(const char *path, struct config *out)
{
	FILE *f = src_fopen(path);	/* a FIFO, /dev/zero, a directory: refused */
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	uint32_t file, lineno = 0;
	bool ok = true;

	memset(out, 0, sizeof(*out));
	if (!f) {
		diag_fatal("cannot open '%s': %s", path, src_strerror(errno));
		return false;
	}
	file = diag_file_intern(path);
	while ((len = getline(&line, &cap, f)) >= 0) {
		struct loc at = { file, ++lineno };
		struct config_entry e = { 0 };
		char *p = line, *eq;

		while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
			line[--len] = '\0';
		if (lineno <= 5 && !out->header_arch)
			read_heading(out, p, at);
		if (!strncmp(p, "# CONFIG_", 9)) {
			char *end = strstr(p + 9, " is not set");

			if (!end || end[11])
				continue;	/* an ordinary comment */
			e.name = xstrndup(p + 9, (size_t)(end - (p + 9)));
			e.value = xstrdup("n");
		} else if (*p == '#' || *p == '\0') {
			continue;
		} else if (!strncmp(p, "CONFIG_", 7) && (eq = strchr(p, '='))) {
			e.name = xstrndup(p + 7, (size_t)(eq - (p + 7)));
			if (eq[1] == '"') {
				bool q;

				e.value = unquote(eq + 1, &q);
				e.is_string = true;
				if (!q) {
					diag_error(at, "unterminated string value for CONFIG_%s", e.name);
					free(e.name);
					ok = false;
					continue;
				}
			} else {
				e.value = xstrdup(eq + 1);
			}
		} else {
			diag_error(at, "malformed line in .config: '%s'", p);
			ok = false;
			continue;
		}
		e.loc = at;
		vec_push(out->v, e);
	}
	free(line);
	fclose(f);
	if (!ok)
		config_release(out);
	else
		config_index(out);
	return ok;
}

void config_release(struct config *c)
{
	for (size_t i = 0; i < c->v.n; i++) {
		free(c->v.v[i].name);
		free(c->v.v[i].value);
	}
	vec_release(c->v);
	free(c->header_arch);
	free(c->header_version);
	c->header_arch = c->header_version = NULL;
	strindex_release(&c->index);
}

/* Index the entries once: later lines override earlier ones, as in
 * conf_read(), so a name maps to its last entry. */
void config_index(struct config *c)
{
	strindex_release(&c->index);
	for (size_t i = 0; i < c->v.n; i++)
		strindex_put(&c->index, c->v.v[i].name, (uint32_t)i);
}

const struct config_entry *config_find(const struct config *c, const char *name)
{
	uint32_t k;

	return strindex_find(&c->index, name, &k) ? &c->v.v[k] : NULL;
}

static void write_string(FILE *f, const char *v)
{
	fputc('"', f);
	for (; *v; v++) {
		if (*v == '"' || *v == '\\')
			fputc('\\', f);
		fputc(*v, f);
	}
	fputc('"', f);
}

/* "CONFIG_X=value" after prefix. */
static void write_entry(FILE *f, const char *prefix, const struct config_entry *e)
{
	fprintf(f, "%sCONFIG_%s=", prefix, e->name);
	if (e->is_string)
		write_string(f, e->value);
	else
		fputs(e->value, f);
	fputc('\n', f);
}

void config_write_file(FILE *f, const struct config *c, const char *header)
{
	bool noted = false;

	if (header)
		fputs(header, f);
	for (size_t i = 0; i < c->v.n; i++) {
		const struct config_entry *e = &c->v.v[i];

		if (!e->unwritten || (!strcmp(e->value, "n") && !e->is_string) ||
		    (e->is_string && !*e->value))
			continue;
		/* "#   CONFIG_": not the "# CONFIG_X is not set" conf reads */
		if (!noted)
			fputs("# Made from an old .config with these transitional values\n"
			      "# (conf reads them and never writes them):\n", f);
		noted = true;
		write_entry(f, "#   ", e);
	}
	for (size_t i = 0; i < c->v.n; i++) {
		const struct config_entry *e = &c->v.v[i];

		if (e->unwritten)
			continue;

		if (!strcmp(e->value, "n") && !e->is_string) {
			fprintf(f, "# CONFIG_%s is not set\n", e->name);
			continue;
		}
		write_entry(f, "", e);
	}
}
