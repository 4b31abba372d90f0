/* CONFIG_ references of a tree's sources (check/srclint.h).  What counts
 * as a reference is what the kernel's build reads through autoconf.h and
 * include/config/auto.conf: the preprocessor's conditionals and
 * include/linux/kconfig.h's IS_* macros in C, make's variables in
 * Makefiles. */
#include "check/srclint.h"

#include <errno.h>
#include <fts.h>
#include <stdlib.h>
#include <string.h>

#include "util/diag.h"
#include "util/srccache.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

static inline bool id_start(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
}

static inline bool id_char(char c)
{
	return id_start(c) || (c >= '0' && c <= '9');
}

/* The physical line around p, squeezed, at most 120 bytes. */
static char *line_text(const char *text, const char *end, const char *p)
{
	const char *b = p, *e = p;
	struct strbuf sb = STRBUF_INIT;
	bool space = true;

	while (b > text && b[-1] != '\n')
		b--;
	while (e < end && *e != '\n')
		e++;
	for (; b < e && sb.len < 120; b++) {
		char ch = *b == '\t' ? ' ' : *b;

		if (ch == ' ' && space)
			continue;
		space = ch == ' ';
		sb_addc(&sb, (unsigned char)ch < 0x20 || (unsigned char)ch == 0x7f ? '?' : ch);
	}
	while (sb.len && sb.buf[sb.len - 1] == ' ')
		sb.buf[--sb.len] = '\0';
	return sb_detach(&sb);
}

static void add_ref(struct srcscan *S, const char *file, unsigned line, const char *name,
		    size_t n, enum srcref_how how, const char *macro, const char *where,
		    const char *text, const char *end, const char *at)
{
	char buf[256];
	struct srcref r;

	if (!n || n >= sizeof(buf))
		return;
	memcpy(buf, name, n);
	buf[n] = '\0';
	S->nrefs++;
	if (S->keep && !S->keep(S->ctx, buf, macro))
		return;
	r.file = file;
	r.line = line;
	r.name = xstrdup(buf);
	r.how = how;
	r.macro = macro;
	r.where = where;
	r.text = line_text(text, end, at);
	vec_push(S->refs, r);
}

static void add_local(struct srcscan *S, const char *name, size_t n)
{
	char *s;

	if (!n || n > 250)
		return;
	s = xmalloc(n + 1);
	memcpy(s, name, n);
	s[n] = '\0';
	vec_push(S->local, s);
}

/* ---- C, headers, assembly ---- */

enum dkind { D_NONE, D_COND, D_DEFINE, D_UNDEF, D_OTHER };

static const char *const is_macros[] = { "IS_ENABLED", "IS_BUILTIN", "IS_MODULE",
					 "IS_REACHABLE" };

/* Skip blanks, line continuations and comments (not newlines). */
static const char *skip_blank(const char *p, const char *end)
{
	for (;;) {
		if (p < end && (*p == ' ' || *p == '\t')) {
			p++;
		} else if (p + 1 < end && *p == '\\' && p[1] == '\n') {
			p += 2;
		} else if (p + 1 < end && p[0] == '/' && p[1] == '*') {
			const char *q = p + 2;

			while (q + 1 < end && !(q[0] == '*' && q[1] == '/'))
				q++;
			p = q + 1 < end ? q + 2 : end;
		} else {
			return p;
		}
	}
}

/* Is the token before b (skipping blanks backwards on its line) "##"? */
static bool pasted_before(const char *text, const char *b)
{
	while (b > text && (b[-1] == ' ' || b[-1] == '\t'))
		b--;
	return b - text >= 2 && b[-1] == '#' && b[-2] == '#';
}

static bool pasted_after(const char *p, const char *end)
{
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	return p + 1 < end && p[0] == '#' && p[1] == '#';
}

/* IS_X ( CONFIG_name ) from p (after IS_X): the name's start and length,
 * and the end of the call. */
static const char *is_call(const char *p, const char *end, const char **name, size_t *n,
			   bool *pasted)
{
	const char *q;

	p = skip_blank(p, end);
	while (p < end && *p == '\n')	/* code: a call may span lines */
		p = skip_blank(p + 1, end);
	if (p >= end || *p != '(')
		return NULL;
	p = skip_blank(p + 1, end);
	while (p < end && *p == '\n')
		p = skip_blank(p + 1, end);
	if (end - p < 8 || strncmp(p, "CONFIG_", 7))
		return NULL;
	q = p;
	while (q < end && id_char(*q))
		q++;
	*name = p + 7;
	*n = (size_t)(q - p) - 7;
	*pasted = pasted_after(q, end);
	q = skip_blank(q, end);
	if (q >= end || *q != ')')
		return NULL;
	return q + 1;
}

#define MAX_PARAMS 64

static const bool code_special[256] = {
	['\n'] = true, ['\\'] = true, ['/'] = true, ['"'] = true, ['\''] = true, ['I'] = true,
};

static void scan_c(struct srcscan *S, const char *file, const char *text, size_t len)
{
	const char *p = text, *end = text + len;
	unsigned line = 1;
	bool bol = true;		/* only blanks since the line's start */
	enum dkind dk = D_NONE;
	const char *dname = NULL;	/* the conditional's name, "#elif" ... */
	bool define_name = false;	/* the next identifier is #define's name */
	const char *params[MAX_PARAMS];	/* a function-like #define's parameters */
	size_t plen[MAX_PARAMS], nparams = 0;

	while (p < end) {
		char ch;

		if (dk == D_NONE && !bol) {
			/* plain code: only comments, strings, lines and IS_* matter */
			while (p < end && !code_special[(unsigned char)*p])
				p++;
			if (p >= end)
				break;
			if (*p == 'I' && p > text && id_char(p[-1])) {
				p++;
				continue;
			}
		}
		ch = *p;
		if (ch == '\n') {
			line++;
			p++;
			bol = true;
			dk = D_NONE;
			nparams = 0;
			continue;
		}
		if (ch == '\\' && p + 1 < end && p[1] == '\n') {
			line++;
			p += 2;
			continue;
		}
		if (ch == ' ' || ch == '\t' || ch == '\r' || ch == '\f' || ch == '\v') {
			p++;
			continue;
		}
		if (ch == '/' && p + 1 < end && p[1] == '*') {
			for (p += 2; p < end && !(*p == '*' && p + 1 < end && p[1] == '/'); p++)
				if (*p == '\n')
					line++;
			p = p < end ? p + 2 : end;
			continue;
		}
		if (ch == '/' && p + 1 < end && p[1] == '/') {
			while (p < end && *p != '\n') {
				if (*p == '\\' && p + 1 < end && p[1] == '\n') {
					line++;
					p++;
				}
				p++;
			}
			continue;
		}
		if (ch == '#' && bol) {
			const char *q = skip_blank(p + 1, end), *w = q;
			size_t n;

			while (w < end && id_char(*w))
				w++;
			n = (size_t)(w - q);
#define IS(kw) (n == sizeof(kw) - 1 && !strncmp(q, kw, n))
			dk = IS("if") || IS("ifdef") || IS("ifndef") || IS("elif") || IS("elifdef") ||
					     IS("elifndef") ? D_COND :
			     IS("define") ? D_DEFINE : IS("undef") ? D_UNDEF : D_OTHER;
			dname = IS("if") ? "#if" : IS("ifdef") ? "#ifdef" : IS("ifndef") ? "#ifndef" :
				IS("elif") ? "#elif" : IS("elifdef") ? "#elifdef" :
				IS("elifndef") ? "#elifndef" : NULL;
#undef IS
			define_name = dk == D_DEFINE;
			bol = false;
			if (dk == D_OTHER) {	/* #include, #error text ...: not code */
				while (w < end && *w != '\n') {
					if (*w == '\\' && w + 1 < end && w[1] == '\n')
						line++, w++;
					w++;
				}
			}
			p = w;
			continue;
		}
		bol = false;
		if (ch == '"' || ch == '\'') {
			for (p++; p < end && *p != ch && *p != '\n'; p++)
				if (*p == '\\' && p + 1 < end) {
					if (p[1] == '\n')
						line++;
					p++;
				}
			if (p < end && *p == ch)
				p++;
			continue;
		}
		if (ch >= '0' && ch <= '9') {	/* a pp-number, not an identifier */
			while (p < end && (id_char(*p) || *p == '.'))
				p++;
			continue;
		}
		if (!id_start(ch)) {
			p++;
			continue;
		}
		{
			const char *b = p;
			size_t n;

			while (p < end && id_char(*p))
				p++;
			n = (size_t)(p - b);
			if (define_name) {
				define_name = false;
				if (n > 7 && !strncmp(b, "CONFIG_", 7))
					add_local(S, b + 7, n - 7);
				nparams = 0;
				if (p < end && *p == '(') {	/* a function-like macro's parameters */
					const char *q = p + 1;

					while (q < end && *q != ')' && *q != '\n') {
						const char *s0;

						while (q < end && !id_start(*q) && *q != ')' && *q != '\n') {
							if (*q == '\\' && q + 1 < end && q[1] == '\n') {
								line++;	/* a continuation */
								q++;
							}
							q++;
						}
						s0 = q;
						while (q < end && id_char(*q))
							q++;
						if (q > s0 && nparams < MAX_PARAMS) {
							params[nparams] = s0;
							plen[nparams++] = (size_t)(q - s0);
						}
					}
					p = q;
				}
				continue;
			}
			if (dk == D_UNDEF) {
				if (n > 7 && !strncmp(b, "CONFIG_", 7))
					add_local(S, b + 7, n - 7);
				continue;
			}
			if (n >= 9 && n <= 12 && !strncmp(b, "IS_", 3)) {
				const char *macro = NULL;

				for (size_t k = 0; k < sizeof(is_macros) / sizeof(is_macros[0]); k++)
					if (strlen(is_macros[k]) == n && !strncmp(b, is_macros[k], n))
						macro = is_macros[k];
				if (macro && !pasted_before(text, b)) {
					const char *name;
					size_t nn;
					bool pasted;
					const char *e = is_call(p, end, &name, &nn, &pasted);

					for (size_t k = 0; e && dk == D_DEFINE && k < nparams; k++)
						if (plen[k] == nn + 7 && !strncmp(params[k], name - 7, nn + 7))
							e = NULL;	/* a parameter of the macro */
					if (e && !pasted) {
						for (const char *r = p; r < name; r++)
							if (*r == '\n')
								line++;
						add_ref(S, file, line, name, nn,
							dk == D_COND ? SR_IF : SR_MACRO, macro,
							dk == D_COND ? dname : macro, text, end, name);
						for (const char *r = name; r < e; r++)
							if (*r == '\n')
								line++;
						p = e;
					}
					continue;
				}
			}
			if (dk == D_COND && n > 7 && !strncmp(b, "CONFIG_", 7) &&
			    !pasted_before(text, b) && !pasted_after(p, end)) {
				bool ifdef = !strcmp(dname, "#ifdef") || !strcmp(dname, "#ifndef") ||
					     !strcmp(dname, "#elifdef") || !strcmp(dname, "#elifndef");

				add_ref(S, file, line, b + 7, n - 7, ifdef ? SR_IFDEF : SR_IF, NULL, dname,
					text, end, b);
			}
		}
	}
}

/* ---- Makefiles ---- */

static bool blank(char c)
{
	return c == ' ' || c == '\t';
}

/* The physical line [b, e) of a Makefile, its comment cut; first: it
 * starts a logical line (not a continuation). */
static void make_line(struct srcscan *S, const char *file, const char *text, const char *tend,
		      unsigned line, const char *b, const char *e, bool first)
{
	const char *p = b, *w;
	size_t n;

	while (p < e && blank(*p))
		p++;
	for (int k = 0; first && k < 2; k++) {	/* export, override */
		size_t kw = e - p > 6 && !strncmp(p, "export", 6) ? 6 :
			    e - p > 8 && !strncmp(p, "override", 8) ? 8 : 0;

		if (kw && blank(p[kw])) {
			p += kw;
			while (p < e && blank(*p))
				p++;
		}
	}
	if (first && e - p > 7 && !strncmp(p, "CONFIG_", 7)) {	/* an assignment to CONFIG_X */
		const char *q = p + 7;

		while (q < e && id_char(*q))
			q++;
		w = q;
		while (q < e && blank(*q))
			q++;
		if (q == e || *q == '=' ||
		    (q + 1 < e && (*q == ':' || *q == '+' || *q == '?') && q[1] == '=') ||
		    (q + 2 < e && q[0] == ':' && q[1] == ':' && q[2] == '='))
			add_local(S, p + 7, (size_t)(w - p) - 7);
	}
	w = p;
	while (w < e && id_char(*w))
		w++;
	n = (size_t)(w - p);
	if (first && ((n == 5 && !strncmp(p, "ifdef", 5)) || (n == 6 && !strncmp(p, "ifndef", 6)))) {
		const char *q = w, *s;

		while (q < e && blank(*q))
			q++;
		s = q;
		while (q < e && id_char(*q))
			q++;
		if (q - s > 7 && !strncmp(s, "CONFIG_", 7) && (q == e || blank(*q)))
			add_ref(S, file, line, s + 7, (size_t)(q - s) - 7, SR_MAKE, NULL,
				n == 5 ? "ifdef" : "ifndef", text, tend, s);
	}
	for (p = b; p + 9 < e; p++) {
		if (p[0] == '-' && p[1] == 'D' && !strncmp(p + 2, "CONFIG_", 7)) {
			const char *q = p + 9;

			while (q < e && id_char(*q))
				q++;
			add_local(S, p + 9, (size_t)(q - p) - 9);
			continue;
		}
		if (p[0] != '$' || (p[1] != '(' && p[1] != '{') || strncmp(p + 2, "CONFIG_", 7) ||
		    (p > b && p[-1] == '$'))
			continue;
		{
			const char *s = p + 2, *q = s + 7;
			char close = p[1] == '(' ? ')' : '}';

			while (q < e && id_char(*q))
				q++;
			/* $(CONFIG_X) or $(CONFIG_X:m=y); $(CONFIG_$(Y)) is pasted */
			if (q > s + 7 && q < e && (*q == close || *q == ':'))
				add_ref(S, file, line, s + 7, (size_t)(q - s) - 7, SR_MAKE, NULL,
					close == ')' ? "$(...)" : "${...}", text, tend, s);
		}
	}
}

static void scan_make(struct srcscan *S, const char *file, const char *text, size_t len)
{
	const char *p = text, *end = text + len;
	unsigned line = 1;
	bool first = true, comment = false;

	while (p < end) {
		const char *e = p, *c;
		bool cont;

		while (e < end && *e != '\n')
			e++;
		cont = e > p && e[-1] == '\\';
		c = comment ? p : NULL;
		for (const char *q = p; !c && q < e; q++)
			if (*q == '#' && !(q > p && q[-1] == '\\'))
				c = q;
		if (memmem(p, (size_t)((c ? c : e) - p), "CONFIG_", 7))
			make_line(S, file, text, end, line, p, c ? c : e, first);
		/* a comment goes on over a backslash-newline, as in make */
		comment = c && cont;
		first = !cont;
		line++;
		p = e < end ? e + 1 : end;
	}
}

/* ---- files and the tree ---- */

static const char *base_name(const char *path)
{
	const char *s = strrchr(path, '/');

	return s ? s + 1 : path;
}

/* 1: C-like, 2: Makefile, 0: not read */
static int file_kind(const char *path)
{
	const char *b = base_name(path);
	size_t n = strlen(b);

	if (n > 2 && b[n - 2] == '.' && (b[n - 1] == 'c' || b[n - 1] == 'h' || b[n - 1] == 'S'))
		return 1;
	if (!strncmp(b, "Makefile", 8) || !strncmp(b, "Kbuild", 6))
		return 2;
	return 0;
}

void srcscan_text(struct srcscan *S, const char *path, const char *text, size_t len)
{
	int k = file_kind(path);
	char *file;

	if (!k)
		return;
	S->nfiles++;
	if (k == 1)
		S->nsources++;
	if (!memmem(text, len, "CONFIG_", 7))
		return;
	file = xstrdup(path);
	vec_push(S->files, file);
	if (k == 1)
		scan_c(S, file, text, len);
	else
		scan_make(S, file, text, len);
}

/* Directories at the top that the kernel's own build does not compile
 * against autoconf.h, or that are no sources. */
static bool skipped_top(const char *rel)
{
	static const char *const top[] = { "Documentation", "tools", "scripts", "LICENSES" };

	for (size_t i = 0; i < sizeof(top) / sizeof(top[0]); i++)
		if (!strcmp(rel, top[i]))
			return true;
	return false;
}

static int by_name(const FTSENT **a, const FTSENT **b)
{
	return strcmp((*a)->fts_name, (*b)->fts_name);
}

bool srcscan_tree(struct srcscan *S, const char *root)
{
	char *paths[] = { (char *)(uintptr_t)root, NULL };
	size_t rootlen = strlen(root);
	FTS *fts;
	FTSENT *e;
	bool ok = true;

	fts = fts_open(paths, FTS_PHYSICAL | FTS_NOCHDIR, by_name);	/* a stable order */
	if (!fts) {
		diag_fatal("cannot read '%s': %s", root, strerror(errno));
		return false;
	}
	while (ok && (e = fts_read(fts))) {
		const char *rel = e->fts_path + rootlen;

		while (*rel == '/')
			rel++;
		switch (e->fts_info) {
		case FTS_D:
			if (e->fts_level > 0 &&
			    (e->fts_name[0] == '.' || (e->fts_level == 1 && skipped_top(rel))))
				fts_set(fts, e, FTS_SKIP);
			break;
		case FTS_DNR:
		case FTS_ERR:
			diag_fatal("cannot read '%s': %s", e->fts_path, strerror(e->fts_errno));
			ok = false;
			break;
		case FTS_F:
		case FTS_NSOK: {
			size_t len;
			char *text;

			if (e->fts_name[0] == '.' || !file_kind(rel))
				break;
			if (S->nfiles >= SRCLINT_MAX_FILES) {
				diag_fatal("more than %d source files below '%s'", SRCLINT_MAX_FILES,
					   root);
				ok = false;
				break;
			}
			/* fts never followed a symlink to get here; neither does
			 * the open (the tree's own file, contained) */
			text = read_file_nofollow(e->fts_accpath, SRCLINT_MAX_FILE, &len);
			if (!text) {
				S->skipped++;
				free(text);
				break;
			}
			srcscan_text(S, rel, text, len);
			free(text);
			break;
		}
		default:	/* symlinks and anything else: not followed */
			break;
		}
	}
	fts_close(fts);
	strvec_sort_unique(&S->local);
	return ok;
}

void srcscan_release(struct srcscan *S)
{
	for (size_t i = 0; i < S->refs.n; i++) {
		free(S->refs.v[i].name);
		free(S->refs.v[i].text);
	}
	vec_release(S->refs);
	strvec_free_all(&S->local);
	strvec_free_all(&S->files);
}
