#include "check/patch.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/diag.h"
#include "util/srccache.h"
#include "util/strbuf.h"
#include "util/vec.h"
#include "util/xalloc.h"

/* A line of text: s[0..len) without its "\n" or "\r\n"; cr when it ended
 * in "\r\n" (matching ignores the difference, output keeps the file's). */
struct ln {
	const char *s;
	size_t len;
	bool cr;
};

/* A line of a hunk body: op is ' ', '-' or '+'; no_nl when "\ No newline
 * at end of file" follows it. */
struct hline {
	struct ln t;
	char op;
	bool no_nl;
};

struct hunk {
	unsigned line;			/* the "@@" line */
	unsigned old_start, old_count, new_start, new_count;
	size_t first, n;		/* body lines in patch.body */
	unsigned lead, trail;		/* context before the first change, after the last */
};

struct pfile {
	struct patch_file pub;		/* pub's paths and ranges point into this */
	char *old_path, *new_path;
	VEC(struct hunk) hunks;
	VEC(struct patch_range) ranges;
};

struct patch {
	char *text;			/* a copy: every struct ln points into it */
	uint32_t file;			/* the patch's name, interned for diagnostics */
	VEC(struct hline) body;
	VEC(struct pfile) files;
	int strip;			/* -p */
};

/* Largest line number or count a hunk header may give. */
#define PATCH_MAX_LINE 100000000u

static struct loc at(const struct patch *p, unsigned line)
{
	return (struct loc){ p->file, line };
}

static bool starts(const struct ln *l, const char *prefix)
{
	size_t n = strlen(prefix);

	return l->len >= n && !memcmp(l->s, prefix, n);
}

/* ---- names ---- */

/* A C-quoted name as git writes it ("a/x\tb"): the unquoted copy, and in
 * *end the position after the closing quote; NULL if malformed. */
static char *unquote(const char *s, size_t len, size_t *end)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i = 1;

	while (i < len && s[i] != '"') {
		char c = s[i++];

		if (c == '\\') {
			if (i >= len)
				break;
			c = s[i++];
			switch (c) {
			case 'a': c = '\a'; break;
			case 'b': c = '\b'; break;
			case 'f': c = '\f'; break;
			case 'n': c = '\n'; break;
			case 'r': c = '\r'; break;
			case 't': c = '\t'; break;
			case 'v': c = '\v'; break;
			case '"': case '\\': break;
			default:
				if (c >= '0' && c <= '3' && i + 1 < len &&
				    s[i] >= '0' && s[i] <= '7' && s[i + 1] >= '0' && s[i + 1] <= '7') {
					c = (char)((c - '0') * 64 + (s[i] - '0') * 8 + (s[i + 1] - '0'));
					i += 2;
				} else {
					sb_release(&sb);
					return NULL;
				}
			}
		}
		sb_addc(&sb, c);
	}
	if (i >= len) {
		sb_release(&sb);
		return NULL;
	}
	*end = i + 1;
	return sb_detach(&sb);
}

/* name without its first strip components, or NULL if it has fewer. */
static const char *strip_name(const char *name, int strip)
{
	for (int k = 0; k < strip; k++) {
		const char *slash = strchr(name, '/');

		if (!slash)
			return NULL;
		name = slash + 1;
		while (*name == '/')
			name++;
	}
	return name;
}

/* A tree-relative name must stay in the tree: the cache key is srctree
 * followed by it. */
static bool safe_name(const char *name)
{
	const char *p = name;

	if (!*name || *name == '/')
		return false;
	while (*p) {
		size_t n = strcspn(p, "/");

		if (n == 2 && p[0] == '.' && p[1] == '.')
			return false;
		p += n;
		while (*p == '/')
			p++;
	}
	return true;
}

/* The two names of a "diff --git a/x b/x" line, when they agree after
 * stripping (a rename names its files in "rename from/to" instead). */
static char *git_header_name(const char *s, size_t len, int strip)
{
	char *a, *b, *name = NULL;
	size_t end;

	if (len && s[0] == '"') {
		if (!(a = unquote(s, len, &end)))
			return NULL;
		if (end < len && s[end] == ' ')
			end++;
		if (end < len && s[end] == '"')
			b = unquote(s + end, len - end, &(size_t){ 0 });
		else
			b = xstrndup(s + end, len - end);
	} else {
		for (size_t sp = 0; sp < len; sp++) {
			const char *sa, *sb;

			if (s[sp] != ' ')
				continue;
			a = xstrndup(s, sp);
			b = xstrndup(s + sp + 1, len - sp - 1);
			sa = strip_name(a, strip);
			sb = strip_name(b, strip);
			if (sa && sb && !strcmp(sa, sb))
				name = xstrdup(sa);
			free(a);
			free(b);
			if (name)
				return name;
		}
		return NULL;
	}
	if (a && b) {
		const char *sa = strip_name(a, strip), *sb = strip_name(b, strip);

		if (sa && sb && !strcmp(sa, sb))
			name = xstrdup(sa);
	}
	free(a);
	free(b);
	return name;
}

/* The name on a "---"/"+++" line (after its 4-character prefix): up to a
 * tab (the time stamp), C-quoted or not.  *devnull for /dev/null. */
static char *header_name(const struct patch *p, const struct ln *l, int strip,
			 unsigned lineno, bool *devnull)
{
	const char *s = l->s + 4;
	size_t len = l->len - 4, end;
	char *raw, *name;
	const char *st;

	*devnull = false;
	if (len && s[0] == '"') {
		if (!(raw = unquote(s, len, &end))) {
			diag_error(at(p, lineno), "malformed quoted file name");
			return NULL;
		}
	} else {
		size_t n = 0;

		while (n < len && s[n] != '\t')
			n++;
		while (n && s[n - 1] == ' ')
			n--;
		raw = xstrndup(s, n);
	}
	if (!strcmp(raw, "/dev/null")) {
		*devnull = true;
		return raw;
	}
	if (!(st = strip_name(raw, strip))) {
		diag_error(at(p, lineno), "can't strip %d leading director%s from '%s'",
			   strip, strip == 1 ? "y" : "ies", raw);
		free(raw);
		return NULL;
	}
	name = xstrdup(st);
	free(raw);
	return name;
}

/* ---- parse ---- */

struct parser {
	struct patch *p;
	struct ln *lines;
	size_t n, i;
	int strip;
};

static bool parse_num(const char **s, const char *end, unsigned *v)
{
	unsigned long x = 0;

	if (*s >= end || **s < '0' || **s > '9')
		return false;
	while (*s < end && **s >= '0' && **s <= '9') {
		x = x * 10 + (unsigned)(**s - '0');
		if (x > PATCH_MAX_LINE)
			return false;
		(*s)++;
	}
	*v = (unsigned)x;
	return true;
}

/* "@@ -a[,b] +c[,d] @@": a missing count is 1. */
static bool parse_hunk_header(const struct ln *l, struct hunk *h)
{
	const char *s = l->s + 3, *end = l->s + l->len;

	h->old_count = h->new_count = 1;
	if (s >= end || *s++ != '-' || !parse_num(&s, end, &h->old_start))
		return false;
	if (s < end && *s == ',' && (s++, !parse_num(&s, end, &h->old_count)))
		return false;
	if (s + 1 >= end || *s++ != ' ' || *s++ != '+' || !parse_num(&s, end, &h->new_start))
		return false;
	if (s < end && *s == ',' && (s++, !parse_num(&s, end, &h->new_count)))
		return false;
	return end - s >= 3 && !memcmp(s, " @@", 3);
}

/* The hunks after a file header, at ps->i. */
static bool parse_hunks(struct parser *ps, struct pfile *f)
{
	struct patch *p = ps->p;
	const char *name = f->new_path ? f->new_path : f->old_path;

	while (ps->i < ps->n && starts(&ps->lines[ps->i], "@@ ")) {
		struct hunk h = { .line = (unsigned)ps->i + 1, .first = p->body.n };
		unsigned oldn = 0, newn = 0;
		bool changed = false;

		if (!parse_hunk_header(&ps->lines[ps->i], &h)) {
			diag_error(at(p, h.line), "malformed hunk header");
			return false;
		}
		ps->i++;
		while (ps->i < ps->n && (oldn < h.old_count || newn < h.new_count)) {
			const struct ln *l = &ps->lines[ps->i];
			struct hline hl = { { l->s + 1, l->len ? l->len - 1 : 0, l->cr }, ' ', false };
			char op = l->len ? l->s[0] : ' ';	/* an empty line: empty context */

			if (op == '\\') {
				if (p->body.n > h.first)
					vec_last(p->body).no_nl = true;
				ps->i++;
				continue;
			}
			if (op == ' ' && oldn < h.old_count && newn < h.new_count)
				oldn++, newn++;
			else if (op == '-' && oldn < h.old_count)
				oldn++;
			else if (op == '+' && newn < h.new_count)
				newn++;
			else
				break;
			hl.op = op;
			if (op == ' ')
				changed ? h.trail++ : h.lead++;
			else
				changed = true, h.trail = 0;
			vec_push(p->body, hl);
			ps->i++;
		}
		if (oldn < h.old_count || newn < h.new_count) {
			diag_error(at(p, h.line),
				   "hunk #%zu of '%s' is truncated (its header promises %u old and %u new lines, it has %u and %u)",
				   f->hunks.n + 1, name, h.old_count, h.new_count, oldn, newn);
			return false;
		}
		if (ps->i < ps->n && starts(&ps->lines[ps->i], "\\")) {
			if (p->body.n > h.first)
				vec_last(p->body).no_nl = true;
			ps->i++;
		}
		h.n = p->body.n - h.first;
		vec_push(f->hunks, h);
	}
	return true;
}

/* "--- a/x" then "+++ b/x" at ps->i: the names, unless git's extended
 * header named them already (renames and copies). */
static bool parse_minus_plus(struct parser *ps, struct pfile *f, bool git)
{
	bool null_old, null_new;
	unsigned line = (unsigned)ps->i + 1;
	char *o = header_name(ps->p, &ps->lines[ps->i], ps->strip, line, &null_old);
	char *n = o ? header_name(ps->p, &ps->lines[ps->i + 1], ps->strip, line + 1, &null_new) : NULL;

	if (!o || !n) {
		free(o);
		return false;
	}
	ps->i += 2;
	if (null_old && null_new) {
		diag_error(at(ps->p, line), "both file names are /dev/null");
		free(o);
		free(n);
		return false;
	}
	if (null_old) {
		f->pub.kind = PATCH_CREATE;
		free(f->old_path);
		f->old_path = NULL;
	} else if (!git || !f->old_path) {
		free(f->old_path);
		f->old_path = o, o = NULL;
	}
	if (null_new) {
		f->pub.kind = PATCH_DELETE;
		free(f->new_path);
		f->new_path = NULL;
	} else if (!git || !f->new_path) {
		free(f->new_path);
		f->new_path = n, n = NULL;
	}
	/* diff -u names "x.orig" and "x": like git, the shorter one if it
	 * is a prefix of the other, else the old one. */
	if (!git && f->pub.kind == PATCH_MODIFY && strcmp(f->old_path, f->new_path)) {
		size_t lo = strlen(f->old_path), ln = strlen(f->new_path);
		char **keep = ln < lo && !strncmp(f->old_path, f->new_path, ln) ? &f->new_path : &f->old_path;
		char **drop = keep == &f->old_path ? &f->new_path : &f->old_path;

		free(*drop);
		*drop = xstrdup(*keep);
	}
	free(o);
	free(n);
	return true;
}

static char *line_rest(const struct ln *l, size_t skip)
{
	return xstrndup(l->s + skip, l->len - skip);
}

/* The extended header after "diff --git" (mode, rename, index, binary
 * lines), then ---/+++ and hunks if any. */
static bool parse_git(struct parser *ps, struct pfile *f)
{
	const struct ln *d = &ps->lines[ps->i];
	char *name = git_header_name(d->s + 11, d->len - 11, ps->strip);

	f->old_path = name;
	f->new_path = name ? xstrdup(name) : NULL;
	for (ps->i++; ps->i < ps->n; ps->i++) {
		const struct ln *l = &ps->lines[ps->i];
		char **slot = NULL;

		size_t skip = 0;

		if (starts(l, "new file mode ")) {
			f->pub.kind = PATCH_CREATE;
		} else if (starts(l, "deleted file mode ")) {
			f->pub.kind = PATCH_DELETE;
		} else if (starts(l, "rename from ") || starts(l, "copy from ")) {
			f->pub.kind = l->s[0] == 'r' ? PATCH_RENAME : PATCH_COPY;
			slot = &f->old_path;
			skip = l->s[0] == 'r' ? 12 : 10;
		} else if (starts(l, "rename to ") || starts(l, "copy to ")) {
			f->pub.kind = l->s[0] == 'r' ? PATCH_RENAME : PATCH_COPY;
			slot = &f->new_path;
			skip = l->s[0] == 'r' ? 10 : 8;
		} else if (starts(l, "Binary files ") || starts(l, "GIT binary patch")) {
			f->pub.binary = true;
		} else if (starts(l, "--- ") && ps->i + 1 < ps->n &&
			   starts(&ps->lines[ps->i + 1], "+++ ")) {
			if (!parse_minus_plus(ps, f, true))
				return false;
			break;
		} else if (!starts(l, "old mode ") && !starts(l, "new mode ") &&
			   !starts(l, "index ") && !starts(l, "similarity index ") &&
			   !starts(l, "dissimilarity index ")) {
			break;
		}
		if (slot) {	/* names without a/ and b/ */
			size_t end;

			free(*slot);
			*slot = l->len > skip && l->s[skip] == '"'
				? unquote(l->s + skip, l->len - skip, &end)
				: line_rest(l, skip);
			if (!*slot) {
				diag_error(at(ps->p, (unsigned)ps->i + 1), "malformed quoted file name");
				return false;
			}
		}
	}
	if (f->pub.kind == PATCH_CREATE) {
		free(f->old_path);
		f->old_path = NULL;
	} else if (f->pub.kind == PATCH_DELETE) {
		free(f->new_path);
		f->new_path = NULL;
	}
	if (!f->old_path && !f->new_path) {
		diag_error(at(ps->p, f->pub.line), "can't tell the file name from the 'diff --git' line");
		return false;
	}
	/* A rename or copy names both files ('rename from' and 'rename to',
	 * or a 'diff --git' line whose two names are the same). */
	if ((f->pub.kind == PATCH_RENAME || f->pub.kind == PATCH_COPY) &&
	    (!f->old_path || !f->new_path)) {
		const char *k = f->pub.kind == PATCH_RENAME ? "rename" : "copy";

		diag_error(at(ps->p, f->pub.line), "can't tell both file names of a %s: '%s from' or '%s to' is missing",
			   k, k, k);
		return false;
	}
	if (f->pub.kind == PATCH_MODIFY && f->old_path && f->new_path &&
	    strcmp(f->old_path, f->new_path)) {
		diag_error(at(ps->p, f->pub.line), "file names '%s' and '%s' differ without a rename",
			   f->old_path, f->new_path);
		return false;
	}
	return parse_hunks(ps, f);
}

/* The ranges a hunk changes, context trimmed; o and n are the 0-based
 * first lines of its old and new sides. */
static struct patch_range hunk_range(const struct hunk *h, size_t o, size_t n)
{
	unsigned oc = h->old_count - h->lead - h->trail, nc = h->new_count - h->lead - h->trail;

	if (h->lead + h->trail > h->old_count)	/* only context */
		oc = nc = 0;
	return (struct patch_range){
		(unsigned)o + h->lead + (oc ? 1 : 0), oc,
		(unsigned)n + h->lead + (nc ? 1 : 0), nc,
	};
}

/* 0-based first line of a side from its header start and count. */
static size_t side_start(unsigned start, unsigned count)
{
	return count && start ? start - 1 : start;
}

static void free_file(struct pfile *f)
{
	free(f->old_path);
	free(f->new_path);
	vec_release(f->hunks);
	vec_release(f->ranges);
}

/* Once p->files stops growing: the public views. */
static void publish(struct patch *p)
{
	for (size_t i = 0; i < p->files.n; i++) {
		struct pfile *f = &p->files.v[i];

		f->pub.old_path = f->old_path;
		f->pub.new_path = f->new_path;
		f->pub.kconfig = (f->old_path && strstr(f->old_path, "Kconfig")) ||
				 (f->new_path && strstr(f->new_path, "Kconfig"));
		f->ranges.n = 0;
		for (size_t k = 0; k < f->hunks.n; k++) {
			const struct hunk *h = &f->hunks.v[k];

			vec_push(f->ranges, hunk_range(h, side_start(h->old_start, h->old_count),
						       side_start(h->new_start, h->new_count)));
		}
		f->pub.nranges = f->ranges.n;
		f->pub.ranges = f->ranges.v;
	}
}

static bool check_names(const struct patch *p, const struct pfile *f)
{
	const char *names[2] = { f->old_path, f->new_path };

	for (int k = 0; k < 2; k++)
		if (names[k] && !safe_name(names[k])) {
			diag_error(at(p, f->pub.line), "file name '%s' is outside the tree", names[k]);
			return false;
		}
	return true;
}

struct patch *patch_parse(const char *name, const char *text, size_t len, int strip)
{
	struct patch *p = xcalloc(1, sizeof(*p));
	VEC(struct ln) lines = { 0 };
	struct parser ps = { .p = p, .strip = strip < 0 ? 0 : strip };
	bool ok = true;

	p->strip = ps.strip;

	p->text = xmalloc(len + 1);
	memcpy(p->text, text, len);
	p->text[len] = '\0';
	p->file = diag_file_intern(name);
	for (size_t i = 0; i < len;) {
		const char *nl = memchr(p->text + i, '\n', len - i);
		size_t e = nl ? (size_t)(nl - p->text) : len;
		struct ln l = { p->text + i, e - i, false };

		if (nl && l.len && l.s[l.len - 1] == '\r')
			l.len--, l.cr = true;
		vec_push(lines, l);
		i = nl ? e + 1 : len;
	}
	ps.lines = lines.v;
	ps.n = lines.n;
	while (ok && ps.i < ps.n) {
		const struct ln *l = &ps.lines[ps.i];
		bool git = starts(l, "diff --git ");
		struct pfile f = { .pub = { .line = (unsigned)ps.i + 1 } };

		if (git)
			ok = parse_git(&ps, &f);
		else if (starts(l, "--- ") && ps.i + 1 < ps.n && starts(&ps.lines[ps.i + 1], "+++ "))
			ok = parse_minus_plus(&ps, &f, false) && parse_hunks(&ps, &f);
		else {
			ps.i++;	/* mail headers, commit message, diffstat, signature */
			continue;
		}
		if (ok && !git && !f.hunks.n) {
			diag_error(at(p, f.pub.line), "no hunks for '%s'",
				   f.new_path ? f.new_path : f.old_path);
			ok = false;
		}
		ok = ok && check_names(p, &f);
		if (ok)
			vec_push(p->files, f);
		else
			free_file(&f);
	}
	vec_release(lines);
	if (ok && !p->files.n) {
		diag_fatal("no patch found in '%s'", name);
		ok = false;
	}
	if (!ok) {
		patch_free(p);
		return NULL;
	}
	publish(p);
	return p;
}

size_t patch_nfiles(const struct patch *p)
{
	return p->files.n;
}

const struct patch_file *patch_file(const struct patch *p, size_t i)
{
	return i < p->files.n ? &p->files.v[i].pub : NULL;
}

void patch_free(struct patch *p)
{
	if (!p)
		return;
	for (size_t i = 0; i < p->files.n; i++)
		free_file(&p->files.v[i]);
	vec_release(p->files);
	vec_release(p->body);
	free(p->text);
	free(p);
}

/* ---- apply ---- */

/* A result waiting for every file to apply: data NULL for a deletion. */
struct pending {
	char *path, *data;
	size_t len;
	int err;		/* data NULL: ENOENT (deleted) or SRC_EUNPATCHED */
};

struct applier {
	struct patch *p;
	const char *srctree;
	struct srccache *cache;
	struct patch_stats *st;
	VEC(struct pending) pend;
	bool quiet;		/* a file that may not be read: no diagnostics */
};

static void apply_error(const struct applier *a, unsigned line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void apply_error(const struct applier *a, unsigned line, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;

	if (a->quiet)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	diag_error(at(a->p, line), "%s", msg);
}

/* The current contents of path: an earlier file of this patch, else the
 * cache.  NULL (errno set) if missing. */
static const char *current(struct applier *a, const char *path, size_t *len)
{
	for (size_t i = a->pend.n; i-- > 0;)
		if (!strcmp(a->pend.v[i].path, path)) {
			*len = a->pend.v[i].len;
			errno = a->pend.v[i].err;
			return a->pend.v[i].data;
		}
	return srccache_read_in(a->cache, a->srctree, path, len);
}

static void add_pending(struct applier *a, const char *path, char *data, size_t len)
{
	struct pending e = { xstrdup(path), data, len, data ? 0 : ENOENT };

	vec_push(a->pend, e);
}

static bool same(const struct ln *x, const struct ln *y)
{
	return x->len == y->len && !memcmp(x->s, y->s, x->len);
}

/* For messages: a line without its indentation, cut if long. */
static const char *show(const struct ln *l, char *buf, size_t size)
{
	size_t i = 0, n;

	while (i < l->len && (l->s[i] == ' ' || l->s[i] == '\t'))
		i++;
	n = l->len - i;
	if (n > 60)
		snprintf(buf, size, "%.57s...", l->s + i);
	else
		snprintf(buf, size, "%.*s", (int)n, l->s + i);
	for (char *c = buf; *c; c++)
		if ((unsigned char)*c < ' ')
			*c = ' ';
	return buf;
}

struct text {
	VEC(struct ln) v;
	bool final_nl;			/* the last line ends in a newline */
};

static void split(struct text *t, const char *d, size_t len)
{
	t->final_nl = true;
	for (size_t i = 0; i < len;) {
		const char *nl = memchr(d + i, '\n', len - i);
		size_t e = nl ? (size_t)(nl - d) : len;
		struct ln l = { d + i, e - i, false };

		if (nl && l.len && l.s[l.len - 1] == '\r')
			l.len--, l.cr = true;
		if (!nl)
			t->final_nl = false;
		vec_push(t->v, l);
		i = nl ? e + 1 : len;
	}
}

static char *join(const struct text *t, size_t *len)
{
	struct strbuf sb = STRBUF_INIT;

	for (size_t i = 0; i < t->v.n; i++) {
		sb_add(&sb, t->v.v[i].s, t->v.v[i].len);
		if (i + 1 < t->v.n || t->final_nl)
			sb_adds(&sb, t->v.v[i].cr ? "\r\n" : "\n");
	}
	*len = sb.len;
	return sb_detach(&sb);
}

static bool matches(const struct text *t, size_t pos, const struct hline *b, size_t n)
{
	size_t k = 0;

	for (size_t j = 0; j < n; j++) {
		if (b[j].op == '+')
			continue;
		if (pos + k >= t->v.n || !same(&t->v.v[pos + k], &b[j].t))
			return false;
		k++;
	}
	return true;
}

/* Why hunk h does not apply at pos: its first line that differs. */
static void explain(const struct applier *a, const struct pfile *f, size_t k,
		    const struct text *t, size_t pos)
{
	const struct hunk *h = &f->hunks.v[k];
	const struct hline *b = h->n ? &a->p->body.v[h->first] : NULL;
	const char *name = f->old_path ? f->old_path : f->new_path;
	char want[80], got[80];
	size_t i = pos;

	for (size_t j = 0; j < h->n; j++) {
		if (b[j].op == '+')
			continue;
		if (i >= t->v.n) {
			apply_error(a, h->line,
				   "hunk #%zu of '%s' does not apply (expected '%s' at line %zu, the file has %zu lines)",
				   k + 1, name, show(&b[j].t, want, sizeof(want)), i + 1, t->v.n);
			return;
		}
		if (same(&t->v.v[i], &b[j].t)) {
			i++;
			continue;
		}
		if (!strcmp(show(&t->v.v[i], got, sizeof(got)), show(&b[j].t, want, sizeof(want))))
			apply_error(a, h->line,
				   "hunk #%zu of '%s' does not apply (line %zu differs in white space from '%s')",
				   k + 1, name, i + 1, want);
		else
			apply_error(a, h->line,
				   "hunk #%zu of '%s' does not apply (line %zu differs: expected '%s', found '%s')",
				   k + 1, name, i + 1, want, got);
		return;
	}
	apply_error(a, h->line, "hunk #%zu of '%s' does not apply (it overlaps the hunk before it)",
		   k + 1, name);
}

/* Apply f's hunks to base (len bytes) into a new malloc'ed text. */
static char *apply_hunks(struct applier *a, struct pfile *f, const char *base, size_t blen,
			 size_t *len)
{
	struct text in = { 0 }, out = { 0 };
	bool crlf;
	size_t src = 0;
	long last_off = 0;
	char *res = NULL;

	split(&in, base, blen);
	out.final_nl = in.final_nl;
	crlf = in.v.n ? in.v.v[0].cr : false;
	if (!in.v.n)	/* a new file: the patch's own line ends */
		for (size_t k = 0; k < f->hunks.n && !crlf; k++)
			for (size_t j = 0; j < f->hunks.v[k].n; j++)
				if (a->p->body.v[f->hunks.v[k].first + j].op == '+') {
					crlf = a->p->body.v[f->hunks.v[k].first + j].t.cr;
					break;
				}
	for (size_t k = 0; k < f->hunks.n; k++) {
		const struct hunk *h = &f->hunks.v[k];
		/* an empty hunk ("@@ -0,0 +1,0 @@") has no lines in the body */
		const struct hline *b = h->n ? &a->p->body.v[h->first] : NULL;
		size_t nold = h->old_count;
		size_t expect = side_start(h->old_start, h->old_count), pos = SIZE_MAX;
		/* Less context on one side: the hunk touches that end of the
		 * file (GNU patch's rule), so try there first.  A missing
		 * newline puts it there for sure. */
		bool begin = h->lead < h->trail && h->old_start <= 1, end = h->trail < h->lead;
		bool nl_end = false;
		long guess = (long)expect + last_off, want;
		long lo = (long)src, hi = (long)in.v.n - (long)nold;

		for (size_t j = 0; j < h->n; j++)
			nl_end = nl_end || b[j].no_nl;
		want = begin ? 0 : end || nl_end ? hi : guess;
		if ((begin || end || nl_end) && want >= lo && want <= hi &&
		    matches(&in, (size_t)want, b, h->n))
			pos = (size_t)want;
		if (pos == SIZE_MAX && !nl_end && lo <= hi) {	/* the nearest match, later first */
			want = guess < lo ? lo : guess > hi ? hi : guess;
			for (long d = 0; pos == SIZE_MAX && (want + d <= hi || want - d >= lo); d++) {
				if (want + d <= hi && matches(&in, (size_t)(want + d), b, h->n))
					pos = (size_t)(want + d);
				else if (d && want - d >= lo && matches(&in, (size_t)(want - d), b, h->n))
					pos = (size_t)(want - d);
			}
		}
		if (pos == SIZE_MAX) {
			explain(a, f, k, &in, nl_end ? (size_t)(hi < 0 ? 0 : hi) : guess < 0 ? 0 : (size_t)guess);
			goto out;
		}
		last_off = (long)pos - (long)expect;
		if (last_off) {
			long mag = last_off < 0 ? -last_off : last_off;
			long max = a->st->max_offset < 0 ? -a->st->max_offset : a->st->max_offset;

			a->st->hunks_offset++;
			if (mag > max)
				a->st->max_offset = last_off;
		}
		f->ranges.v[k] = hunk_range(h, pos, out.v.n + (pos - src));
		for (; src < pos; src++)
			vec_push(out.v, in.v.v[src]);
		for (size_t j = 0, i = pos; j < h->n; j++) {
			struct ln l = b[j].t;

			if (b[j].op == '-') {
				i++;
				continue;
			}
			if (b[j].op == ' ')
				l = in.v.v[i++];
			else
				l.cr = crlf;
			vec_push(out.v, l);
		}
		src = pos + nold;
		if (src == in.v.n) {
			out.final_nl = true;
			for (size_t j = h->n; j-- > 0;)
				if (b[j].op != '-') {
					out.final_nl = !b[j].no_nl;
					break;
				}
		}
		a->st->hunks++;
	}
	for (; src < in.v.n; src++)
		vec_push(out.v, in.v.v[src]);
	res = join(&out, len);
out:
	vec_release(in.v);
	vec_release(out.v);
	return res;
}

static bool apply_file(struct applier *a, struct pfile *f)
{
	const char *oldp = f->pub.kind == PATCH_CREATE ? NULL : f->old_path;
	const char *newp = f->new_path;
	const char *base = "", *name = oldp ? oldp : newp;
	size_t blen = 0, len;
	char *res;

	if (f->pub.binary) {
		apply_error(a, f->pub.line, "'%s' has a binary patch, which can't be applied", name);
		return false;
	}
	if (oldp && !(base = current(a, oldp, &blen))) {
		if (errno == ENOENT) {
			/* a patch made with a prefix (a/ b/ under -p0) or one
			 * directory up: the -p under which the path names a
			 * file.  A bare file name only after a one-letter
			 * prefix: every directory of a kernel has a Kconfig. */
			const char *cand = NULL;
			int k;
			size_t l;

			for (k = 1; k <= 4 && !cand; k++)
				if ((cand = strip_name(oldp, k)) &&
				    (!*cand || (!strchr(cand, '/') && (k > 1 || cand - oldp != 2)) ||
				     !current(a, cand, &l)))
					cand = NULL;
			if (cand)
				apply_error(a, f->pub.line, "can't patch '%s': no such file in '%s' "
					   "(with -p%d it is '%s', which is there)", oldp, a->srctree,
					   a->p->strip + k - 1, cand);
			else
				apply_error(a, f->pub.line, "can't patch '%s': no such file in '%s'",
					   oldp, a->srctree);
			errno = ENOENT;
		}
		else
			apply_error(a, f->pub.line, "can't read '%s' in '%s': %s", oldp,
				   a->srctree, src_strerror(errno));
		return false;
	}
	if (newp && (!oldp || strcmp(oldp, newp)) && current(a, newp, &len)) {
		apply_error(a, f->pub.line, "can't create '%s': it exists in '%s'", newp,
			   a->srctree);
		return false;
	}
	if (!(res = apply_hunks(a, f, base, blen, &len)))
		return false;
	if (f->pub.kind == PATCH_DELETE && len && f->hunks.n) {
		apply_error(a, f->pub.line,
			   "deleting '%s' would leave lines the patch does not remove", oldp);
		free(res);
		return false;
	}
	if (f->pub.kind == PATCH_MODIFY && !f->hunks.n) {	/* a mode change */
		free(res);
		return true;
	}
	if (f->pub.kind == PATCH_DELETE || f->pub.kind == PATCH_RENAME)
		add_pending(a, oldp, NULL, 0);
	if (newp)
		add_pending(a, newp, res, len);
	else
		free(res);
	return true;
}

/* A file whose name does not say Kconfig is sourced rarely, but can be
 * (any name works in `source`): it is applied too, in memory like the
 * rest, yet a failure is no error unless a load reads it; then that load
 * says the patch does not apply to it.  The tree kcsat reads may well
 * lack the file (tests/kernel-tree.sh keeps only the Kconfig files). */
static void apply_other(struct applier *a, struct pfile *f)
{
	struct patch_stats before = *a->st;

	a->quiet = true;
	if (apply_file(a, f)) {
		a->st->files_other++;
	} else {
		*a->st = before;	/* apply_file() left a->pend as it was */
		a->st->files_skipped++;
		if (f->new_path) {
			struct pending e = { xstrdup(f->new_path), NULL, 0, SRC_EUNPATCHED };

			vec_push(a->pend, e);
		}
	}
	a->quiet = false;
}

bool patch_apply(struct patch *p, const char *srctree, struct srccache *cache,
		 struct patch_stats *st)
{
	struct patch_stats dummy;
	struct applier a = { p, srctree && *srctree ? srctree : ".", cache, st ? st : &dummy, { 0 }, false };
	bool ok = true;

	memset(a.st, 0, sizeof(*a.st));
	for (size_t i = 0; i < p->files.n && ok; i++) {
		if (!p->files.v[i].pub.kconfig) {
			apply_other(&a, &p->files.v[i]);
		} else {
			ok = apply_file(&a, &p->files.v[i]);
			a.st->files_patched += ok;
		}
	}
	for (size_t i = 0; i < a.pend.n; i++) {
		if (ok && a.pend.v[i].err == SRC_EUNPATCHED)
			srccache_put_error(cache, a.srctree, a.pend.v[i].path, SRC_EUNPATCHED);
		else if (ok)
			srccache_put(cache, a.srctree, a.pend.v[i].path, a.pend.v[i].data, a.pend.v[i].len);
		else
			free(a.pend.v[i].data);
		free(a.pend.v[i].path);
	}
	vec_release(a.pend);
	if (!ok)
		publish(p);	/* back to the header's ranges */
	return ok;
}
