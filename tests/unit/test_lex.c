/* lex.h: tokens, keywords, strings, expansion points, help text. */
#include "unit.h"

#include <stdbool.h>

/* One token as text: keywords and operators by tok_name(), words as
 * "w:TEXT" ("x:TEXT" when they came out of an expansion), strings as
 * "s:TEXT", assigned values as "v:TEXT", help text as "H:TEXT" with
 * newlines shown as "\n" and tabs as "\t". */
static void describe(struct strbuf *out, const struct token *t)
{
	switch (t->type) {
	case T_WORD:
		sb_addf(out, "%s:%s", t->expanded ? "x" : "w", t->text);
		break;
	case T_WORD_QUOTE:
		sb_addf(out, "s:%s", t->text);
		break;
	case T_ASSIGN_VAL:
		sb_addf(out, "v:%s", t->text);
		break;
	case T_EOL:
		sb_adds(out, "EOL");
		break;
	case T_EOF:
		sb_adds(out, "EOF");
		break;
	case T_FILE_END:
		sb_adds(out, "FEND");
		break;
	case T_ERROR:
		sb_adds(out, "ERR");
		break;
	default:
		sb_adds(out, tok_name(t->type));
		break;
	}
}

static void add_escaped(struct strbuf *out, const char *s)
{
	for (; *s; s++) {
		if (*s == '\n')
			sb_adds(out, "\\n");
		else if (*s == '\t')
			sb_adds(out, "\\t");
		else
			sb_addc(out, *s);
	}
}

static struct lexer *open_lexer(struct fx *fx, const struct vfile *files)
{
	if (!fx->pp)
		fx->pp = pp_new(SHELL_OFF);
	fx->lx = lex_new(fx->pp, ".", vfs_lookup, files);
	assert_non_null(fx->lx);
	assert_true(lex_push_file(fx->lx, files[0].path, (struct loc){ 0, 0 }));
	return fx->lx;
}

/* Lex the first file to the end; with lines, each token is prefixed by
 * its line number.  After `help` EOL, lex_help() is called. */
static const char *lex_all_opt(struct fx *fx, const struct vfile *files, bool lines)
{
	struct token t;
	enum tok prev = T_EOL;

	open_lexer(fx, files);
	sb_reset(&fx->sb);
	for (int guard = 0; guard < 10000; guard++) {
		lex_next(fx->lx, &t);
		if (fx->sb.len)
			sb_addc(&fx->sb, ' ');
		if (lines && t.type != T_EOF)
			sb_addf(&fx->sb, "%u:", t.loc.line);
		describe(&fx->sb, &t);
		if (t.type == T_EOF)
			break;
		if (t.type == T_EOL && prev == T_HELP) {
			char *h = lex_help(fx->lx);

			if (h) {
				sb_adds(&fx->sb, " H:");
				add_escaped(&fx->sb, h);
				free(h);
			} else {
				sb_adds(&fx->sb, " HELP-ERROR");
			}
		}
		prev = t.type;
	}
	return sb_str(&fx->sb);
}

static const char *lex_all(struct fx *fx, const char *text)
{
	static struct vfile files[2];

	files[0] = (struct vfile){ "Kconfig", text };
	files[1] = (struct vfile){ NULL, NULL };
	return lex_all_opt(fx, files, false);
}

static const char *lex_lines(struct fx *fx, const char *text)
{
	static struct vfile files[2];

	files[0] = (struct vfile){ "Kconfig", text };
	files[1] = (struct vfile){ NULL, NULL };
	return lex_all_opt(fx, files, true);
}

/* ---- tokens ---- */

static void test_statement_tokens(void **state)
{
	struct fx *fx = *state;

	assert_string_equal(lex_all(fx, "config FOO\n\tbool \"Foo\" if BAR\n"),
			    "config w:FOO EOL bool s:Foo if w:BAR EOL EOF");
	assert_int_equal(diag_error_count(), 0);
	assert_int_equal(diag_warning_count(), 0);
}

static void test_operators(void **state)
{
	struct fx *fx = *state;

	assert_string_equal(
		lex_all(fx, "depends on A && (B || !C) || D!=E && F=G\n"
			    "default A<B || A<=B || A>B || A>=B\n"),
		"depends on w:A && ( w:B || ! w:C ) || w:D != w:E && w:F = w:G EOL "
		"default w:A < w:B || w:A <= w:B || w:A > w:B || w:A >= w:B EOL EOF");
}

static void test_operators_without_spaces(void **state)
{
	struct fx *fx = *state;

	assert_string_equal(lex_all(fx, "default !(A&&B)||C\n"),
			    "default ! ( w:A && w:B ) || w:C EOL EOF");
}

static void test_keywords(void **state)
{
	static const char *const kw[] = {
		"bool", "choice", "comment", "config", "def_bool", "def_tristate",
		"default", "depends", "endchoice", "endif", "endmenu", "help", "hex",
		"if", "imply", "int", "mainmenu", "menu", "menuconfig", "modules",
		"on", "option", "optional", "prompt", "range", "select", "source",
		"string", "transitional", "tristate", "visible",
	};
	struct fx *fx = *state;
	static struct vfile files[2];
	static char text[64];
	struct token t;

	fx->pp = pp_new(SHELL_OFF);
	for (size_t i = 0; i < sizeof(kw) / sizeof(kw[0]); i++) {
		/* `help` would start help text; lex "x KW" to stay mid-line */
		snprintf(text, sizeof(text), "default %s\n", kw[i]);
		files[0] = (struct vfile){ "Kconfig", text };
		fx->lx = lex_new(fx->pp, ".", vfs_lookup, files);
		assert_true(lex_push_file(fx->lx, "Kconfig", (struct loc){ 0, 0 }));
		lex_next(fx->lx, &t);
		assert_int_equal(t.type, T_DEFAULT);
		lex_next(fx->lx, &t);
		assert_int_not_equal(t.type, T_WORD);
		assert_string_equal(tok_name(t.type), kw[i]);
		lex_free(fx->lx);
		fx->lx = NULL;
	}
}

static void test_keyword_like_words(void **state)
{
	struct fx *fx = *state;

	assert_string_equal(
		lex_all(fx, "default configx boolean Bool def_bool2 help-me _if m y n 0x1F -3\n"),
		"default w:configx w:boolean w:Bool w:def_bool2 w:help-me w:_if "
		"w:m w:y w:n w:0x1F w:-3 EOL EOF");
}

static void test_tok_name(void **state)
{
	(void)state;
	assert_string_equal(tok_name(T_CONFIG), "config");
	assert_string_equal(tok_name(T_DEPENDS), "depends");
	assert_string_equal(tok_name(T_AND), "&&");
	assert_string_equal(tok_name(T_OR), "||");
	assert_string_equal(tok_name(T_UNEQUAL), "!=");
	assert_string_equal(tok_name(T_COLON_EQUAL), ":=");
	assert_string_equal(tok_name(T_PLUS_EQUAL), "+=");
	assert_string_equal(tok_name(T_EOL), "end of line");
	assert_string_equal(tok_name(T_WORD_QUOTE), "string");
}

static void test_blank_lines_collapse(void **state)
{
	struct fx *fx = *state;

	assert_string_equal(lex_all(fx, "\n\n  \n\t\nconfig A\n\n\n\nconfig B\n\n"),
			    "config w:A EOL config w:B EOL EOF");
}

static void test_no_newline_at_end(void **state)
{
	struct fx *fx = *state;

	assert_string_equal(lex_all(fx, "config A"), "config w:A EOL EOF");
	lex_free(fx->lx);
	fx->lx = NULL;
	assert_string_equal(lex_all(fx, ""), "EOF");
}

static void test_line_numbers(void **state)
{
	struct fx *fx = *state;

	assert_string_equal(lex_lines(fx, "\nconfig A\n\n\tbool\n"),
			    "2:config 2:w:A 2:EOL 4:bool 4:EOL EOF");
}

/* ---- strings ---- */

static void test_strings_both_quotes(void **state)
{
	struct fx *fx = *state;

	assert_string_equal(
		lex_all(fx, "prompt \"double 'single' inside\" 'single \"double\" inside' \"\" ''\n"),
		"prompt s:double 'single' inside s:single \"double\" inside s: s: EOL EOF");
}

static void test_string_escapes(void **state)
{
	struct fx *fx = *state;

	assert_string_equal(
		lex_all(fx, "prompt \"a\\\"b\" 'c\\'d' \"back\\\\slash\" \"\\n\\x\"\n"),
		"prompt s:a\"b s:c'd s:back\\slash s:nx EOL EOF");
}

static void test_string_escaped_dollar(void **state)
{
	struct fx *fx = *state;

	fx->pp = pp_new(SHELL_OFF);
	assert_true(pp_assign(fx->pp, "X", "foo", VAR_RECURSIVE));
	assert_string_equal(lex_all(fx, "prompt \"\\$(X) $(X)\"\n"),
			    "prompt s:$(X) foo EOL EOF");
}

static void test_string_keeps_comment_and_operators(void **state)
{
	struct fx *fx = *state;

	assert_string_equal(lex_all(fx, "prompt \"# not a comment && (x)\" # comment\n"),
			    "prompt s:# not a comment && (x) EOL EOF");
}

static void test_string_unterminated_at_eof(void **state)
{
	struct fx *fx = *state;

	assert_string_equal(lex_all(fx, "prompt \"abc"), "prompt ERR EOL EOF");
	assert_contains(cap_text(&fx->cap), "Kconfig:1: error: end of file in string");
	assert_int_equal(diag_error_count(), 1);
}

static void test_string_multi_line(void **state)
{
	struct fx *fx = *state;

	assert_string_equal(lex_lines(fx, "prompt \"abc\nnext\n"),
			    "1:prompt 1:s:abc 1:EOL 2:w:next 2:EOL EOF");
	assert_contains(cap_text(&fx->cap), "Kconfig:1: warning: multi-line strings not supported");
	assert_int_equal(diag_error_count(), 0);
}

/* ---- macro expansion in words and strings ---- */

static void test_expansion_in_words(void **state)
{
	struct fx *fx = *state;

	fx->pp = pp_new(SHELL_OFF);
	assert_true(pp_assign(fx->pp, "X", "foo", VAR_RECURSIVE));
	assert_true(pp_assign(fx->pp, "K", "bool", VAR_RECURSIVE));
	assert_true(pp_assign(fx->pp, "SP", "a b", VAR_RECURSIVE));
	assert_string_equal(lex_all(fx, "config $(X)_BAR PRE_$(X) plain $(K) $(SP)\n"),
			    "config x:foo_BAR x:PRE_foo w:plain x:bool x:a b EOL EOF");
}

static void test_expansion_to_empty_word_vanishes(void **state)
{
	struct fx *fx = *state;

	fx->pp = pp_new(SHELL_OFF);
	assert_true(pp_assign(fx->pp, "EMPTY", "", VAR_RECURSIVE));
	assert_string_equal(lex_all(fx, "select $(EMPTY) A\n"), "select w:A EOL EOF");
}

static void test_expansion_uses_line_number(void **state)
{
	struct fx *fx = *state;

	assert_string_equal(lex_all(fx, "\n\nconfig L$(lineno) \"$(filename):$(lineno)\"\n"),
			    "config x:L3 s:Kconfig:3 EOL EOF");
}

static void test_expansion_in_strings(void **state)
{
	struct fx *fx = *state;

	fx->pp = pp_new(SHELL_OFF);
	assert_true(pp_assign(fx->pp, "X", "foo", VAR_RECURSIVE));
	assert_true(pp_assign(fx->pp, "Q", "it's \"quoted\"", VAR_RECURSIVE));
	assert_string_equal(lex_all(fx, "prompt \"pre $(X) post\" '$(X)' \"cost $5\" \"$(Q)\"\n"),
			    "prompt s:pre foo post s:foo s:cost $5 s:it's \"quoted\" EOL EOF");
}

static void test_expansion_error(void **state)
{
	struct fx *fx = *state;

	assert_string_equal(lex_lines(fx, "config $(X\nconfig B\n"),
			    "1:config 1:ERR 1:EOL 2:config 2:w:B 2:EOL EOF");
	assert_contains(cap_text(&fx->cap), "Kconfig:1: error: unterminated reference to 'X'");
	lex_free(fx->lx);
	fx->lx = NULL;
	assert_string_equal(lex_all(fx, "prompt \"a $(Y\" x\nconfig C\n"),
			    "prompt ERR EOL config w:C EOL EOF");
	assert_int_equal(diag_error_count(), 2);
}

static void test_shell_unknown_word(void **state)
{
	struct fx *fx = *state;
	struct token t;
	static const struct vfile files[] = {
		{ "Kconfig", "default $(shell,echo y)\n" }, { NULL, NULL } };

	open_lexer(fx, files);
	lex_next(fx->lx, &t);
	assert_int_equal(t.type, T_DEFAULT);
	lex_next(fx->lx, &t);
	assert_int_equal(t.type, T_WORD);
	assert_true(t.expanded);
	assert_true(pp_has_unknown(t.text));
	sb_reset(&fx->sb);
	pp_render(fx->pp, t.text, &fx->sb);
	assert_string_equal(sb_str(&fx->sb), "$(shell,echo y)");
}

/* ---- continuation, comments, odd characters ---- */

static void test_line_continuation(void **state)
{
	struct fx *fx = *state;

	assert_string_equal(lex_lines(fx, "depends on A && \\\n\tB\n\tbool\n"),
			    "1:depends 1:on 1:w:A 1:&& 2:w:B 2:EOL 3:bool 3:EOL EOF");
}

static void test_comments(void **state)
{
	struct fx *fx = *state;

	assert_string_equal(lex_lines(fx, "# leading comment\nconfig A # trailing\n  # indented\n\tbool\n"),
			    "2:config 2:w:A 2:EOL 4:bool 4:EOL EOF");
}

static void test_unsupported_character(void **state)
{
	struct fx *fx = *state;

	assert_string_equal(lex_all(fx, "config A ;\n"), "config w:A EOL EOF");
	assert_contains(cap_text(&fx->cap), "Kconfig:1: warning: ignoring unsupported character ';'");
	assert_int_equal(diag_warning_count(), 1);
	assert_int_equal(diag_error_count(), 0);
}

static void test_skip_line(void **state)
{
	struct fx *fx = *state;
	struct token t;
	static const struct vfile files[] = {
		{ "Kconfig", "config A && ( \"unterminated\nbool\n" }, { NULL, NULL } };

	open_lexer(fx, files);
	lex_next(fx->lx, &t);
	assert_int_equal(t.type, T_CONFIG);
	lex_skip_line(fx->lx);
	lex_next(fx->lx, &t);
	assert_int_equal(t.type, T_EOL);
	lex_next(fx->lx, &t);
	assert_int_equal(t.type, T_BOOL);
	assert_int_equal(t.loc.line, 2);
	assert_int_equal(diag_warning_count(), 0);
}

/* ---- help text ---- */

static void test_help_basic(void **state)
{
	struct fx *fx = *state;

	assert_string_equal(
		lex_lines(fx, "config A\n"
			      "\tbool\n"
			      "\thelp\n"
			      "\t  Line one.\n"
			      "\t  Line two.\n"
			      "\n"
			      "\t    indented\n"
			      "\tdefault y\n"),
		"1:config 1:w:A 1:EOL 2:bool 2:EOL 3:help 3:EOL "
		"H:Line one.\\nLine two.\\n\\n  indented\\n "
		"8:default 8:w:y 8:EOL EOF");
}

static void test_help_tabs_count_to_multiples_of_8(void **state)
{
	struct fx *fx = *state;

	assert_string_equal(
		lex_all(fx, "help\n"
			    "  \tfoo\n"		/* 2 + tab = 8 */
			    "\t\tbar\n"		/* 16: 8 more */
			    "        baz\n"	/* 8 spaces */
			    "   \t qux\n"	/* 3, tab to 8, +1 = 9 */
			    "       \t\tquux\n"	/* 7, tab to 8, tab to 16 */
			    "config B\n"),
		"help EOL H:foo\\n        bar\\nbaz\\n qux\\n        quux config w:B EOL EOF");
}

static void test_help_first_line_sets_indent(void **state)
{
	struct fx *fx = *state;

	/* tab + 2 = 10 columns; 10 spaces are the same level; two tabs
	 * (16) are 6 columns deeper */
	assert_string_equal(lex_all(fx, "help\n\t  a\n          b\n\t\tc\n\t d\n"),
			    "help EOL H:a\\nb\\n      c\\n w:d EOL EOF");
}

static void test_help_ends_at_dedent(void **state)
{
	struct fx *fx = *state;

	assert_string_equal(
		lex_lines(fx, "help\n"
			      "    deep\n"
			      "      deeper\n"
			      "  shallow\n"),
		"1:help 1:EOL H:deep\\n  deeper\\n 4:w:shallow 4:EOL EOF");
}

static void test_help_ends_at_unindented_line(void **state)
{
	struct fx *fx = *state;

	assert_string_equal(lex_lines(fx, "help\n  text\nconfig B\n"),
			    "1:help 1:EOL H:text 3:config 3:w:B 3:EOL EOF");
	lex_free(fx->lx);
	fx->lx = NULL;
	/* blank lines before the next statement stay in the text */
	assert_string_equal(lex_lines(fx, "help\n  text\n\n\nconfig B\n"),
			    "1:help 1:EOL H:text\\n\\n 5:config 5:w:B 5:EOL EOF");
}

static void test_help_trailing_whitespace_trimmed(void **state)
{
	struct fx *fx = *state;

	assert_string_equal(lex_all(fx, "help\n  one  \t\n  two\t\n"),
			    "help EOL H:one\\ntwo\\n EOF");
}

static void test_help_at_end_of_file(void **state)
{
	struct fx *fx = *state;

	assert_string_equal(lex_all(fx, "help\n  last line"), "help EOL H:last line EOF");
}

static void test_help_empty(void **state)
{
	struct fx *fx = *state;

	assert_string_equal(lex_lines(fx, "help\n\nconfig B\n"),
			    "1:help 1:EOL H: 3:config 3:w:B 3:EOL EOF");
	assert_int_equal(diag_error_count(), 0);
}

static void test_help_keeps_statements_verbatim(void **state)
{
	struct fx *fx = *state;

	/* help text is not tokenized or expanded */
	assert_string_equal(lex_all(fx, "help\n  config X \"$(Y)\" # && \\\n  end\nendmenu\n"),
			    "help EOL H:config X \"$(Y)\" # && \\\\nend endmenu EOL EOF");
	assert_int_equal(diag_error_count(), 0);
}

/* After the error the unindented line is dropped as help text gone wrong,
 * so it does not cause a second error as statements. */
static void test_help_not_indented(void **state)
{
	struct fx *fx = *state;

	assert_string_equal(lex_all(fx, "help\nnot indented\n"),
			    "help EOL HELP-ERROR EOF");
	assert_contains(cap_text(&fx->cap), "Kconfig:2: error: help text is not indented");
	assert_int_equal(diag_error_count(), 1);
}

/* ---- assignments ---- */

static void test_assignment_raw_value(void **state)
{
	struct fx *fx = *state;

	assert_string_equal(
		lex_lines(fx, "X = $(foo) bar, (baz) # kept\n"
			      "Y := a\"b\n"
			      "Z += 'q'\n"
			      "config A\n"),
		"1:w:X 1:= 1:v:$(foo) bar, (baz) # kept 1:EOL "
		"2:w:Y 2::= 2:v:a\"b 2:EOL "
		"3:w:Z 3:+= 3:v:'q' 3:EOL "
		"4:config 4:w:A 4:EOL EOF");
	assert_int_equal(diag_warning_count(), 0);
}

static void test_assignment_empty_value(void **state)
{
	struct fx *fx = *state;

	assert_string_equal(lex_all(fx, "X =\nY :=   \nconfig A\n"),
			    "w:X = EOL w:Y := EOL config w:A EOL EOF");
}

static void test_assignment_only_at_line_start(void **state)
{
	struct fx *fx = *state;

	/* `WORD =` not at the start of a line is an ordinary comparison */
	assert_string_equal(lex_all(fx, "default X = y z\n\tdepends on A=B\n"),
			    "default w:X = w:y w:z EOL depends on w:A = w:B EOL EOF");
}

static void test_assignment_name_expanded(void **state)
{
	struct fx *fx = *state;

	fx->pp = pp_new(SHELL_OFF);
	assert_true(pp_assign(fx->pp, "N", "NAME", VAR_RECURSIVE));
	assert_string_equal(lex_all(fx, "$(N) = $(N)\n"), "x:NAME = v:$(N) EOL EOF");
}

/* ---- files ---- */

static void test_nested_files(void **state)
{
	struct fx *fx = *state;
	static const struct vfile files[] = {
		{ "Kconfig", "config A\n" },
		{ "sub/Kconfig", "config B" },
		{ NULL, NULL } };
	struct token t;
	uint32_t top, sub;

	open_lexer(fx, files);
	assert_true(lex_push_file(fx->lx, "sub/Kconfig", (struct loc){ 1, 1 }));
	top = diag_file_intern("Kconfig");
	sub = diag_file_intern("sub/Kconfig");
	assert_int_not_equal(top, sub);

	lex_next(fx->lx, &t);
	assert_int_equal(t.type, T_CONFIG);
	assert_int_equal(t.loc.file, sub);
	lex_next(fx->lx, &t);
	assert_string_equal(t.text, "B");
	lex_next(fx->lx, &t);
	assert_int_equal(t.type, T_EOL);	/* no newline at its end */
	lex_next(fx->lx, &t);
	assert_int_equal(t.type, T_FILE_END);
	lex_next(fx->lx, &t);
	assert_int_equal(t.type, T_CONFIG);
	assert_int_equal(t.loc.file, top);
	assert_int_equal(t.loc.line, 1);
	lex_next(fx->lx, &t);
	assert_string_equal(t.text, "A");
	lex_next(fx->lx, &t);
	assert_int_equal(t.type, T_EOL);
	lex_next(fx->lx, &t);
	assert_int_equal(t.type, T_EOF);
	lex_next(fx->lx, &t);
	assert_int_equal(t.type, T_EOF);	/* stays at EOF */
	assert_int_equal(lex_nfiles(fx->lx), 2);
	assert_int_equal(lex_nlines(fx->lx), 1);	/* newlines counted */
}

static void test_recursive_inclusion(void **state)
{
	struct fx *fx = *state;
	static const struct vfile files[] = {
		{ "Kconfig", "source \"a\"\n" }, { "a", "x\n" }, { NULL, NULL } };
	uint32_t top;

	open_lexer(fx, files);
	top = diag_file_intern("Kconfig");
	assert_true(lex_push_file(fx->lx, "a", (struct loc){ top, 1 }));
	assert_false(lex_push_file(fx->lx, "Kconfig", (struct loc){ diag_file_intern("a"), 1 }));
	assert_contains(cap_text(&fx->cap), "a:1: error: recursive inclusion of \"Kconfig\"");
	assert_contains(cap_text(&fx->cap), "Kconfig:1: note: \"a\" included from here");
	assert_int_equal(diag_error_count(), 1);
}

static void test_missing_file(void **state)
{
	struct fx *fx = *state;
	static const struct vfile files[] = { { "Kconfig", "\n" }, { NULL, NULL } };
	uint32_t top;

	open_lexer(fx, files);
	top = diag_file_intern("Kconfig");
	assert_false(lex_push_file(fx->lx, "nope/Kconfig", (struct loc){ top, 3 }));
	assert_contains(cap_text(&fx->cap), "Kconfig:3: error: can't open file \"nope/Kconfig\"");
	assert_false(lex_push_file(fx->lx, "root", (struct loc){ 0, 0 }));
	assert_contains(cap_text(&fx->cap), "kcsat: error: can't open file \"./root\"");
	assert_int_equal(diag_error_count(), 2);
	/* lex_source with a vfs is a plain push */
	assert_false(lex_source(fx->lx, "also/missing", (struct loc){ top, 4 }));
	assert_int_equal(diag_error_count(), 3);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		FX_TEST(test_statement_tokens),
		FX_TEST(test_operators),
		FX_TEST(test_operators_without_spaces),
		FX_TEST(test_keywords),
		FX_TEST(test_keyword_like_words),
		FX_TEST(test_tok_name),
		FX_TEST(test_blank_lines_collapse),
		FX_TEST(test_no_newline_at_end),
		FX_TEST(test_line_numbers),
		FX_TEST(test_strings_both_quotes),
		FX_TEST(test_string_escapes),
		FX_TEST(test_string_escaped_dollar),
		FX_TEST(test_string_keeps_comment_and_operators),
		FX_TEST(test_string_unterminated_at_eof),
		FX_TEST(test_string_multi_line),
		FX_TEST(test_expansion_in_words),
		FX_TEST(test_expansion_to_empty_word_vanishes),
		FX_TEST(test_expansion_uses_line_number),
		FX_TEST(test_expansion_in_strings),
		FX_TEST(test_expansion_error),
		FX_TEST(test_shell_unknown_word),
		FX_TEST(test_line_continuation),
		FX_TEST(test_comments),
		FX_TEST(test_unsupported_character),
		FX_TEST(test_skip_line),
		FX_TEST(test_help_basic),
		FX_TEST(test_help_tabs_count_to_multiples_of_8),
		FX_TEST(test_help_first_line_sets_indent),
		FX_TEST(test_help_ends_at_dedent),
		FX_TEST(test_help_ends_at_unindented_line),
		FX_TEST(test_help_trailing_whitespace_trimmed),
		FX_TEST(test_help_at_end_of_file),
		FX_TEST(test_help_empty),
		FX_TEST(test_help_keeps_statements_verbatim),
		FX_TEST(test_help_not_indented),
		FX_TEST(test_assignment_raw_value),
		FX_TEST(test_assignment_empty_value),
		FX_TEST(test_assignment_only_at_line_start),
		FX_TEST(test_assignment_name_expanded),
		FX_TEST(test_nested_files),
		FX_TEST(test_recursive_inclusion),
		FX_TEST(test_missing_file),
	};

	unit_init();
	return cmocka_run_group_tests_name("lex", tests, NULL, NULL);
}
