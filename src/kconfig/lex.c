#include "kconfig/lex.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kconfig/dialect.h"
#include "kconfig/preprocess.h"
#include "util/srccache.h"
#include "util/strbuf.h"
#include "util/vec.h"
#include "util/xalloc.h"

struct lexfile {
	const char *buf;	/* whole file, NUL-terminated */
	char *owned;		/* buf when it is a copy of ours; NULL if cached */
	const char *pos;
	char *path;		/* relative to srctree, as written */
	uint32_t file, line;
	struct loc from;	/* the `source` line that pushed it */
};

struct lexer {
	struct pp *pp;
	const char *srctree;
	const char *(*vfs)(const void *ctx, const char *path, size_t *len);
	const void *vfs_ctx;
	VEC(struct lexfile) files;
	struct srccache *cache;
	struct strbuf text;
	struct strbuf help;
	enum tok prev, prev_prev;
	bool assign_next;	/* the rest of the line is a raw value */
	bool expr_mode;		/* no assignments */
	int dialect;		/* kversion: which keywords are keywords */
	unsigned nfiles, nlines;
	u32vec file_ids;		/* every file pushed, in order */
	VEC(struct loc) first_from;	/* by file id: its first `source` line */
	VEC(struct lex_pragma) pragmas;
};

/* A keyword of some dialects only (rule) is a plain word in the others, as
 * in the lexer.l of those kernels; DR_COUNT: every dialect. */
static const struct keyword {
	const char *name;
	enum tok tok;
	enum dialect_rule rule;
} keywords[] = {	/* sorted, for bsearch */
	{ "bool", T_BOOL, DR_COUNT },
	{ "choice", T_CHOICE, DR_COUNT },
	{ "comment", T_COMMENT, DR_COUNT },
	{ "config", T_CONFIG, DR_COUNT },
	{ "def_bool", T_DEF_BOOL, DR_COUNT },
	{ "def_hex", T_DEF_HEX, DR_DEF_INT },
	{ "def_int", T_DEF_INT, DR_DEF_INT },
	{ "def_string", T_DEF_STRING, DR_DEF_INT },
	{ "def_tristate", T_DEF_TRISTATE, DR_COUNT },
	{ "default", T_DEFAULT, DR_COUNT },
	{ "depends", T_DEPENDS, DR_COUNT },
	{ "endchoice", T_ENDCHOICE, DR_COUNT },
	{ "endif", T_ENDIF, DR_COUNT },
	{ "endmenu", T_ENDMENU, DR_COUNT },
	{ "help", T_HELP, DR_COUNT },
	{ "hex", T_HEX, DR_COUNT },
	{ "if", T_IF, DR_COUNT },
	{ "imply", T_IMPLY, DR_COUNT },
	{ "int", T_INT, DR_COUNT },
	{ "mainmenu", T_MAINMENU, DR_COUNT },
	{ "menu", T_MENU, DR_COUNT },
	{ "menuconfig", T_MENUCONFIG, DR_COUNT },
	{ "modules", T_MODULES, DR_COUNT },
	{ "on", T_ON, DR_COUNT },
	{ "option", T_OPTION, DR_COUNT },
	{ "optional", T_OPTIONAL, DR_COUNT },
	{ "prompt", T_PROMPT, DR_COUNT },
	{ "range", T_RANGE, DR_COUNT },
	{ "select", T_SELECT, DR_COUNT },
	{ "source", T_SOURCE, DR_COUNT },
	{ "string", T_STRING, DR_COUNT },
	{ "transitional", T_TRANSITIONAL, DR_TRANSITIONAL },
	{ "tristate", T_TRISTATE, DR_COUNT },
	{ "visible", T_VISIBLE, DR_COUNT },
};

static const char *tok_names[T_PLUS_EQUAL + 1];

static void init_tok_names(void)
{
	static const struct { enum tok t; const char *n; } ops[] = {
		{ T_EOF, "end of file" }, { T_EOL, "end of line" },
		{ T_FILE_END, "end of file" }, { T_ERROR, "error" }, { T_WORD, "word" },
		{ T_WORD_QUOTE, "string" }, { T_ASSIGN_VAL, "value" },
		{ T_OR, "||" }, { T_AND, "&&" }, { T_EQUAL, "=" }, { T_UNEQUAL, "!=" },
		{ T_LESS, "<" }, { T_LESS_EQUAL, "<=" }, { T_GREATER, ">" },
		{ T_GREATER_EQUAL, ">=" }, { T_NOT, "!" }, { T_OPEN_PAREN, "(" },
		{ T_CLOSE_PAREN, ")" }, { T_COLON_EQUAL, ":=" }, { T_PLUS_EQUAL, "+=" },
	};

	for (size_t i = 0; i < sizeof(ops) / sizeof(ops[0]); i++)
		tok_names[ops[i].t] = ops[i].n;
	for (size_t i = 0; i < sizeof(keywords) / sizeof(keywords[0]); i++)
		tok_names[keywords[i].tok] = keywords[i].name;
}

const char *tok_name(enum tok t)
{
	if (!tok_names[T_EOF])
		init_tok_names();
	if ((size_t)t < sizeof(tok_names) / sizeof(tok_names[0]) && tok_names[t])
		return tok_names[t];
	return "token";
}

/* Keyword lookup: a word is a keyword only if it equals one exactly.  Most
 * words are symbol names in capitals, which no keyword starts with. */
static const struct keyword *keyword_find(const char *w, size_t n)
{
	/* keywords[] is sorted: first[c] is where words starting with c
	 * begin, so a lookup compares a handful at most */
	static unsigned char first[27], ready;
	const size_t nk = sizeof(keywords) / sizeof(keywords[0]);

	if (n < 2 || n > 12 || w[0] < 'a' || w[0] > 'z')
		return NULL;
	if (!ready) {
		for (int c = 0; c <= 26; c++) {
			size_t i = 0;

			while (i < nk && keywords[i].name[0] < 'a' + c)
				i++;
			first[c] = (unsigned char)i;
		}
		ready = 1;
	}
	for (size_t i = first[w[0] - 'a']; i < first[w[0] - 'a' + 1]; i++)
		if (!strncmp(keywords[i].name, w, n) && !keywords[i].name[n])
			return &keywords[i];
	return NULL;
}

struct lexer *lex_new(struct pp *pp, const char *srctree,
		      const char *(*vfs)(const void *, const char *, size_t *), const void *vfs_ctx)
{
	struct lexer *lx = xcalloc(1, sizeof(*lx));

	lx->pp = pp;
	lx->srctree = srctree ? srctree : ".";
	lx->vfs = vfs;
	lx->vfs_ctx = vfs_ctx;
	lx->prev = lx->prev_prev = T_EOL;
	return lx;
}

static void pop_file(struct lexer *lx)
{
	struct lexfile *f = &vec_last(lx->files);

	lx->nlines += f->line - 1;
	free(f->owned);
	free(f->path);
	lx->files.n--;
}

void lex_free(struct lexer *lx)
{
	if (!lx)
		return;
	while (lx->files.n)
		pop_file(lx);
	vec_release(lx->files);
	for (size_t i = 0; i < lx->pragmas.n; i++)
		free(lx->pragmas.v[i].text);
	vec_release(lx->pragmas);
	vec_release(lx->file_ids);
	vec_release(lx->first_from);
	sb_release(&lx->text);
	sb_release(&lx->help);
	free(lx);
}

const uint32_t *lex_file_ids(const struct lexer *lx, size_t *n)
{
	*n = lx->file_ids.n;
	return lx->file_ids.v;
}

const struct lex_pragma *lex_pragmas(const struct lexer *lx, size_t *n)
{
	*n = lx->pragmas.n;
	return lx->pragmas.v;
}

unsigned lex_nfiles(const struct lexer *lx)
{
	return lx->nfiles;
}

unsigned lex_nlines(const struct lexer *lx)
{
	return lx->nlines;
}

/* 7.1 util.c file_lookup(): a file sourced a second time, from anywhere,
 * is an error at that `source`, with a note at the first.  Records the
 * first `source` of path otherwise. */
static bool seen_first(struct lexer *lx, const char *path, struct loc from)
{
	uint32_t id = diag_file_intern(path);
	while (lx->first_from.n <= id)
		vec_push(lx->first_from, ((struct loc){ 0, 0 }));
	if (!lx->first_from.v[id].file) {
		lx->first_from.v[id] = from;
		return true;
	}
	if (!dialect_at(lx->dialect, DR_REPEATED_SOURCE))
		return true;
	diag_error(from, "repeated inclusion of \"%s\"", path);
	diag_note(lx->first_from.v[id], "location of first inclusion of \"%s\"", path);
	return false;
}

/* Deeper than any real tree (Linux nests about ten): a bound for trees
 * that source themselves under ever new names. */
#define MAX_SOURCE_DEPTH 256

bool lex_push_file(struct lexer *lx, const char *path, struct loc from)
{
	struct lexfile f = { 0 };
	size_t len = 0;
	const char *data;
	char *owned = NULL;
	int err = ENOENT;

	for (size_t i = 0; i < lx->files.n; i++) {
		if (strcmp(lx->files.v[i].path, path))
			continue;
		diag_error(from, "recursive inclusion of \"%s\"", path);
		for (size_t j = lx->files.n; j-- > i;)
			if (lx->files.v[j].from.file)
				diag_note(lx->files.v[j].from, "\"%s\" included from here",
					  lx->files.v[j].path);
		return false;
	}
	if (from.file && !seen_first(lx, path, from))
		return false;
	if (lx->files.n >= MAX_SOURCE_DEPTH) {
		diag_error(from, "\"%s\" is sourced %d files deep", path, MAX_SOURCE_DEPTH);
		return false;
	}
	if (lx->vfs) {
		const char *d = lx->vfs(lx->vfs_ctx, path, &len);

		data = owned = d ? xstrndup(d, len) : NULL;
	} else if (lx->cache) {
		/* contained: never a file outside the tree (srccache.h) */
		data = srccache_read_in(lx->cache, lx->srctree, path, &len);
		err = errno;
	} else {
		data = owned = srccache_read_copy(lx->srctree, path, &len);
		err = errno;
	}
	if (!data) {
		if (from.file)
			diag_error(from, "can't open file \"%s\": %s", path, src_strerror(err));
		else
			diag_fatal("can't open file \"%s/%s\": %s", lx->srctree, path, src_strerror(err));
		return false;
	}
	if (owned)	/* a NUL byte inside a file ends it early */
		owned[len] = '\0';
	f.buf = data;
	f.owned = owned;
	f.pos = data;
	f.path = xstrdup(path);
	f.file = diag_file_intern(path);
	f.line = 1;
	f.from = from;
	vec_push(lx->files, f);
	lx->nfiles++;
	vec_push(lx->file_ids, f.file);
	return true;
}

bool lex_source(struct lexer *lx, const char *path, struct loc from)
{
	char **names;
	size_t n;
	bool ok = true;

	if (lx->vfs || !strpbrk(path, "*?["))
		return lex_push_file(lx, path, from);
	/* over the files the tree has as the cache sees it (a patch's
	 * overlay included), as glob(3) would over a patched copy */
	if (srccache_glob(lx->cache, lx->srctree, path, &names, &n)) {
		diag_error(from, "cannot expand \"%s\": %s", path, src_strerror(errno));
		return false;
	}
	/* The stack reads the last pushed first: push in reverse order. */
	for (size_t i = n; i-- > 0 && ok;)
		ok = lex_push_file(lx, names[i], from);
	src_names_free(names, n);
	return ok;
}

static struct loc here(const struct lexfile *f)
{
	return (struct loc){ f->file, f->line };
}

/* [A-Za-z0-9_-], lexer.l's {n}: a table, not the locale's isalnum(). */
static const unsigned char word_chars[256] = {
	['-'] = 1, ['_'] = 1,
	['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1,
	['7'] = 1, ['8'] = 1, ['9'] = 1,
	['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1, ['G'] = 1,
	['H'] = 1, ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1, ['M'] = 1, ['N'] = 1,
	['O'] = 1, ['P'] = 1, ['Q'] = 1, ['R'] = 1, ['S'] = 1, ['T'] = 1, ['U'] = 1,
	['V'] = 1, ['W'] = 1, ['X'] = 1, ['Y'] = 1, ['Z'] = 1,
	['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1, ['g'] = 1,
	['h'] = 1, ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1,
	['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1, ['u'] = 1,
	['v'] = 1, ['w'] = 1, ['x'] = 1, ['y'] = 1, ['z'] = 1,
};

static bool is_word_char(char c)
{
	return word_chars[(unsigned char)c];
}

void lex_skip_line(struct lexer *lx)
{
	struct lexfile *f;

	lx->assign_next = false;
	if (!lx->files.n)
		return;
	f = &vec_last(lx->files);
	f->pos = strchrnul(f->pos, '\n');
}

/* A quoted string; the opening quote is at f->pos. */
static bool lex_string(struct lexer *lx, struct lexfile *f, struct token *t)
{
	char open = *f->pos++;

	sb_reset(&lx->text);
	for (;;) {
		const char *p = f->pos;
		char c = *p;

		if (c == '\0') {
			diag_error(t->loc, "end of file in string (missing closing %c)", open);
			return false;
		}
		if (c == '\n') {
			diag_warning(t->loc, "multi-line strings not supported");
			break;
		}
		if (c == open) {
			f->pos++;
			break;
		}
		if (c == '$') {
			char *e;

			f->pos++;
			pp_set_loc(lx->pp, here(f));
			e = pp_expand_dollar(lx->pp, &f->pos);
			if (!e)
				return false;
			sb_adds(&lx->text, e);
			free(e);
			continue;
		}
		if (c == '\\') {
			if (p[1] && p[1] != '\n') {
				sb_addc(&lx->text, p[1]);
				f->pos += 2;
			} else {
				f->pos++;
			}
			continue;
		}
		while (*p && *p != '\n' && *p != '$' && *p != '\\' && *p != '\'' && *p != '"')
			p++;
		if (p == f->pos)	/* the other quote character */
			p++;
		sb_add(&lx->text, f->pos, (size_t)(p - f->pos));
		f->pos = p;
	}
	t->type = T_WORD_QUOTE;
	t->text = sb_str(&lx->text);
	return true;
}

/* One raw token; returns false to ask for another (ignored input). */
static bool lex_raw(struct lexer *lx, struct token *t)
{
	struct lexfile *f;
	const char *p;

	if (!lx->files.n) {
		t->type = T_EOF;
		return true;
	}
	f = &vec_last(lx->files);
	if (lx->assign_next) {
		lx->assign_next = false;
		while (*f->pos == ' ' || *f->pos == '\t')
			f->pos++;
		if (*f->pos && *f->pos != '\n') {
			p = f->pos;
			while (*p && *p != '\n')
				p++;
			sb_reset(&lx->text);
			sb_add(&lx->text, f->pos, (size_t)(p - f->pos));
			t->type = T_ASSIGN_VAL;
			t->loc = here(f);
			t->text = sb_str(&lx->text);
			f->pos = p;
			return true;
		}
	}
	while (*f->pos == ' ' || *f->pos == '\t')
		f->pos++;
	p = f->pos;
	t->loc = here(f);
	t->text = NULL;
	t->expanded = false;

	switch (*p) {
	case '\0':
		if (lx->prev != T_EOL && lx->prev != T_FILE_END) {
			t->type = T_EOL;	/* no newline at end of file */
			return true;
		}
		if (lx->files.n > 1) {
			pop_file(lx);
			t->type = T_FILE_END;
			return true;
		}
		pop_file(lx);
		t->type = T_EOF;
		return true;
	case '#': {
		const char *end = strchrnul(f->pos, '\n'), *k = f->pos + 1;

		while (k < end && (*k == ' ' || *k == '\t'))
			k++;
		if (end - k > 6 && !strncmp(k, "kcsat:", 6)) {
			struct lex_pragma pr = { { f->file, f->line }, xstrndup(k + 6, (size_t)(end - k - 6)) };

			vec_push(lx->pragmas, pr);
		}
		f->pos = end;
		return false;
	}
	case '\\':
		if (p[1] == '\n') {
			f->pos += 2;
			f->line++;
			return false;
		}
		break;
	case '\n':
		f->pos++;
		f->line++;
		t->type = T_EOL;
		return true;
	case '"':
	case '\'':
		if (!lex_string(lx, f, t)) {
			lex_skip_line(lx);
			t->type = T_ERROR;
		}
		return true;
	}

#define OP2(a, b, tok2, tok1)						\
	if (p[0] == (a)) {						\
		if ((b) && p[1] == (b)) { f->pos += 2; t->type = (tok2); return true; } \
		if ((tok1) != T_EOF) { f->pos += 1; t->type = (tok1); return true; } \
	}
	OP2('|', '|', T_OR, T_EOF);
	OP2('&', '&', T_AND, T_EOF);
	OP2('!', '=', T_UNEQUAL, T_NOT);
	OP2('<', '=', T_LESS_EQUAL, T_LESS);
	OP2('>', '=', T_GREATER_EQUAL, T_GREATER);
	OP2(':', '=', T_COLON_EQUAL, T_EOF);
	OP2('+', '=', T_PLUS_EQUAL, T_EOF);
	OP2('=', 0, T_EOF, T_EQUAL);
	OP2('(', 0, T_EOF, T_OPEN_PAREN);
	OP2(')', 0, T_EOF, T_CLOSE_PAREN);
#undef OP2

	if (is_word_char(*p) || *p == '$') {
		const char *q = p;
		bool dollar = false;

		while (is_word_char(*q) || *q == '$')
			dollar |= *q++ == '$';
		if (!dollar) {
			const struct keyword *kw;

			kw = keyword_find(p, (size_t)(q - p));
			sb_reset(&lx->text);
			sb_add(&lx->text, p, (size_t)(q - p));
			f->pos = q;
			if (kw && kw->rule != DR_COUNT && !dialect_at(lx->dialect, kw->rule))
				kw = NULL;
			t->type = kw ? kw->tok : T_WORD;
			t->text = sb_str(&lx->text);
			return true;
		} else {
			char *e;

			pp_set_loc(lx->pp, t->loc);
			e = pp_expand_token(lx->pp, &f->pos);
			if (!e) {
				lex_skip_line(lx);
				t->type = T_ERROR;
				return true;
			}
			if (!*e) {
				free(e);
				return false;
			}
			sb_reset(&lx->text);
			sb_adds(&lx->text, e);
			free(e);
			t->type = T_WORD;
			t->text = sb_str(&lx->text);
			t->expanded = true;
			return true;
		}
	}
	diag_warning(t->loc, "ignoring unsupported character '%c'", isprint((unsigned char)*p) ? *p : '?');
	f->pos++;
	return false;
}

void lex_next(struct lexer *lx, struct token *t)
{
	for (;;) {
		if (!lex_raw(lx, t))
			continue;
		/* Statement separators collapse, as in lexer.l's yylex(). */
		if (t->type == T_EOL && (lx->prev == T_EOL || lx->prev == T_FILE_END))
			continue;
		break;
	}
	if (!lx->expr_mode && lx->prev_prev == T_EOL && lx->prev == T_WORD &&
	    (t->type == T_EQUAL || t->type == T_COLON_EQUAL || t->type == T_PLUS_EQUAL))
		lx->assign_next = true;
	lx->prev_prev = lx->prev;
	lx->prev = t->type == T_FILE_END ? T_EOL : t->type;
}

void lex_set_cache(struct lexer *lx, struct srccache *cache)
{
	lx->cache = cache;
}

void lex_set_dialect(struct lexer *lx, int kversion)
{
	lx->dialect = kversion;
}

void lex_set_expr_mode(struct lexer *lx)
{
	lx->expr_mode = true;
}

static int indent_of(const char *p, const char **end)
{
	int ts = 0;

	for (; *p == ' ' || *p == '\t'; p++)
		ts = *p == '\t' ? (ts & ~7) + 8 : ts + 1;
	*end = p;
	return ts;
}

static bool ends_help(char c)
{
	return c && c != ' ' && c != '\t' && c != '\n';
}

char *lex_help(struct lexer *lx)
{
	const char *t = lex_help_text(lx);

	return t ? xstrdup(t) : NULL;
}

const char *lex_help_text(struct lexer *lx)
{
	struct strbuf text = lx->help;
	struct lexfile *f;
	int first_ts = 0, last_ts = 0;
	bool first_line = true;

	sb_reset(&text);
	if (!lx->files.n)
		return "";
	f = &vec_last(lx->files);
	for (;;) {
		const char *p = f->pos, *q, *e;
		int ts = indent_of(p, &q);

		if (!*q)
			break;
		if (*q == '\n') {	/* blank line */
			if (ends_help(q[1])) {
				f->pos = q + 1;
				f->line++;
				break;
			}
			sb_addc(&text, '\n');
			f->pos = q + 1;
			f->line++;
			continue;
		}
		if (q == p) {
			/* lexer.l would swallow this line into the help text
			 * and end the help at the next one: almost certainly a
			 * forgotten indentation, so say so. */
			if (first_line) {
				diag_error(here(f), "help text is not indented");
				lx->help = text;
				/* the line is help text gone wrong, not statements */
				f->pos = strchrnul(q, '\n');
				return NULL;
			}
			break;
		}
		last_ts = ts;
		if (first_ts && ts < first_ts)
			break;	/* dedent: the line is parsed as statements */
		for (int i = ts - first_ts; first_ts && i > 0; i -= 8)
			sb_add(&text, "        ", (size_t)(i < 8 ? i : 8));
		e = strchrnul(q, '\n');
		{
			const char *r = e;

			while (r > q && (r[-1] == ' ' || r[-1] == '\t'))
				r--;
			sb_add(&text, q, (size_t)(r - q));
		}
		if (!first_ts)
			first_ts = last_ts;
		first_line = false;
		if (!*e) {
			f->pos = e;
			break;
		}
		f->pos = e + 1;
		f->line++;
		if (ends_help(e[1]))
			break;
		sb_addc(&text, '\n');
	}
	lx->prev = lx->prev_prev = T_EOL;
	lx->help = text;
	return sb_str(&lx->help);
}
