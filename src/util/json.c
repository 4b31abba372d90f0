#include "util/json.h"

#include <stdlib.h>
#include <string.h>

#include "util/textout.h"

static void put_string(FILE *f, const char *s)
{
	fputc('"', f);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		switch (*p) {
		case '"': fputs("\\\"", f); break;
		case '\\': fputs("\\\\", f); break;
		case '\n': fputs("\\n", f); break;
		case '\t': fputs("\\t", f); break;
		case '\r': fputs("\\r", f); break;
		default:
			if (*p < 0x20 || *p == 0x7f) {
				fprintf(f, "\\u%04x", *p);
			} else if (*p < 0x80) {
				fputc(*p, f);
			} else {
				size_t n;
				enum textout_unit u = textout_scan((const char *)p, strnlen((const char *)p, 4),
								   true, &n);

				if (n == 1) {	/* a stray byte: read it as Latin-1 */
					fprintf(f, "\\u%04x", *p);
				} else if (u == TEXTOUT_CONTROL) {	/* U+0080..U+009F */
					fprintf(f, "\\u%04x", p[1]);
				} else {	/* valid UTF-8: copy the sequence */
					fwrite(p, 1, n, f);
				}
				p += n - 1;
			}
		}
	}
	fputc('"', f);
}

void json_init(struct json *j, FILE *f)
{
	j->f = f;
	j->depth = 0;
	j->want_value = false;
	j->seq = false;
	j->top = 0;
}

void json_init_seq(struct json *j, FILE *f)
{
	json_init(j, f);
	j->seq = true;
}

void json_finish(struct json *j)
{
	if (j->depth || j->want_value)
		abort();	/* something left open */
}

/* Before a value: the comma and layout of its container, or the check
 * that a key announced it. */
static void before_value(struct json *j)
{
	if (j->want_value) {
		j->want_value = false;
		return;
	}
	if (!j->depth) {
		if (j->top++ && !j->seq)
			abort();	/* a second document */
		if (j->top > 1)
			fputc(',', j->f);
		return;
	}
	if (j->st[j->depth - 1].close == '}')
		abort();	/* a member without a key */
	if (j->st[j->depth - 1].n++)
		fputc(',', j->f);
	if (j->st[j->depth - 1].layout & JSON_LINES)
		fputc('\n', j->f);
}

static void open_container(struct json *j, char c, char close, enum json_layout layout)
{
	before_value(j);
	if (j->depth == JSON_MAX_DEPTH)
		abort();
	j->st[j->depth].close = close;
	j->st[j->depth].layout = (unsigned char)layout;
	j->st[j->depth].n = 0;
	j->depth++;
	fputc(c, j->f);
}

void json_object(struct json *j)
{
	open_container(j, '{', '}', JSON_COMPACT);
}

void json_array(struct json *j)
{
	open_container(j, '[', ']', JSON_COMPACT);
}

void json_object_layout(struct json *j, enum json_layout layout)
{
	open_container(j, '{', '}', layout);
}

void json_array_layout(struct json *j, enum json_layout layout)
{
	open_container(j, '[', ']', layout);
}

void json_end(struct json *j)
{
	if (!j->depth || j->want_value)
		abort();
	j->depth--;
	if ((j->st[j->depth].layout & JSON_LINES_END) && j->st[j->depth].n)
		fputc('\n', j->f);
	fputc(j->st[j->depth].close, j->f);
}

void json_key(struct json *j, const char *key)
{
	if (!j->depth || j->st[j->depth - 1].close != '}' || j->want_value)
		abort();	/* a key outside an object, or two in a row */
	if (j->st[j->depth - 1].n++)
		fputc(',', j->f);
	if (j->st[j->depth - 1].layout & JSON_LINES)
		fputc('\n', j->f);
	put_string(j->f, key);
	fputc(':', j->f);
	j->want_value = true;
}

void json_string(struct json *j, const char *s)
{
	before_value(j);
	if (s)
		put_string(j->f, s);
	else
		fputs("null", j->f);
}

void json_int(struct json *j, long long v)
{
	before_value(j);
	fprintf(j->f, "%lld", v);
}

void json_uint(struct json *j, unsigned long long v)
{
	before_value(j);
	fprintf(j->f, "%llu", v);
}

void json_bool(struct json *j, bool v)
{
	before_value(j);
	fputs(v ? "true" : "false", j->f);
}

void json_null(struct json *j)
{
	before_value(j);
	fputs("null", j->f);
}

void json_kstring(struct json *j, const char *key, const char *s)
{
	json_key(j, key);
	json_string(j, s);
}

void json_kint(struct json *j, const char *key, long long v)
{
	json_key(j, key);
	json_int(j, v);
}

void json_kuint(struct json *j, const char *key, unsigned long long v)
{
	json_key(j, key);
	json_uint(j, v);
}

void json_kbool(struct json *j, const char *key, bool v)
{
	json_key(j, key);
	json_bool(j, v);
}

void json_kobject(struct json *j, const char *key)
{
	json_key(j, key);
	json_object(j);
}

void json_karray(struct json *j, const char *key)
{
	json_key(j, key);
	json_array(j);
}

void json_strings(struct json *j, char *const *v, size_t n)
{
	json_array(j);
	for (size_t k = 0; k < n; k++)
		json_string(j, v[k]);
	json_end(j);
}
