#include "kconfig/parse.h"

#include <stdlib.h>
#include <string.h>

#include "kconfig/dialect.h"
#include "kconfig/kconfig.h"
#include "kconfig/lex.h"
#include "kconfig/menu.h"
#include "kconfig/preprocess.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

struct parser {
	struct kctree *t;
	struct lexer *lx;
	struct pp *pp;
	struct token tok;
	unsigned errors;
	unsigned depth;		/* expression nesting */
	unsigned operands;	/* of the expression being parsed */
	unsigned blocks;	/* if/menu/choice nesting */
	struct symbol *modules_by;
	bool seen_stmt;
	bool stopped;		/* parsing gave up: every token is now T_EOF */
};

/* Give up parsing: a nesting error, or past the cap on printed errors
 * (diag.h), would otherwise cascade into one error per remaining line
 * ("'endif' without matching 'if'", "'if' without 'endif'"). */
static void stop(struct parser *P)
{
	P->stopped = true;
	P->tok.type = T_EOF;
	P->tok.text = NULL;
}

static void report_error(struct parser *P)
{
	P->errors++;
	if (diag_errors_capped())
		stop(P);
}

#define error(P, at, ...)                                                   \
	do {                                                                \
		if (!(P)->stopped) {                                        \
			diag_error((at), __VA_ARGS__);                      \
			report_error(P);                                    \
		}                                                           \
	} while (0)
#define warning(P, at, ...)                                                 \
	do {                                                                \
		if (!(P)->stopped)                                          \
			diag_warning((at), __VA_ARGS__);                    \
	} while (0)

static void next(struct parser *P)
{
	if (P->stopped) {
		P->tok.type = T_EOF;
		P->tok.text = NULL;
		return;
	}
	lex_next(P->lx, &P->tok);
	if (P->tok.type == T_ERROR)
		report_error(P);
}

static bool at_eol(const struct parser *P)
{
	return P->tok.type == T_EOL || P->tok.type == T_EOF || P->tok.type == T_FILE_END;
}

/* Error recovery: drop the rest of the statement's line. */
static void skip_line(struct parser *P)
{
	if (at_eol(P))
		return;
	lex_skip_line(P->lx);
	next(P);
}

static const char *tok_desc(const struct token *t, char *buf, size_t size)
{
	if ((t->type == T_WORD || t->type == T_WORD_QUOTE) && t->text)
		snprintf(buf, size, "%s%s%s", t->type == T_WORD_QUOTE ? "\"" : "'",
			 t->text, t->type == T_WORD_QUOTE ? "\"" : "'");
	else if (t->type == T_EOL || t->type == T_EOF || t->type == T_FILE_END)
		snprintf(buf, size, "end of line");
	else
		snprintf(buf, size, "'%s'", tok_name(t->type));
	return buf;
}

static void unexpected(struct parser *P, const char *what)
{
	char buf[256];

	if (P->tok.type != T_ERROR)
		error(P, P->tok.loc, "%s, found %s", what, tok_desc(&P->tok, buf, sizeof(buf)));
	skip_line(P);
}

static bool expect_eol(struct parser *P, const char *stmt)
{
	char buf[300];

	if (at_eol(P))
		return true;
	snprintf(buf, sizeof(buf), "unexpected text after '%s'", stmt);
	unexpected(P, buf);
	return false;
}

/* The symbol a word or string token names.  A token holding a $(shell,...)
 * result is a SYM_SHELL constant named by the rendered command, so the same
 * probe is one symbol wherever it appears. */
static struct symbol *tok_symbol(struct parser *P, bool is_const)
{
	const char *text = P->tok.text;

	if (pp_has_unknown(text)) {
		struct strbuf sb = STRBUF_INIT;
		struct symbol *s;

		pp_render(P->pp, text, &sb);
		s = sym_lookup(P->t, sb_str(&sb), true);
		s->flags |= SYM_SHELL;
		if (!s->shell_display) {
			sb_reset(&sb);
			pp_display(P->pp, text, &sb);
			s->shell_display = arena_strdup(&P->t->arena, sb_str(&sb));
		}
		sb_release(&sb);
		return s;
	}
	return sym_lookup(P->t, text, is_const);
}

/* ---- expressions: || < && < ! < comparison, as in parser.y ---- */

static struct expr *parse_expr(struct parser *P);

static struct symbol *parse_symbol(struct parser *P)
{
	struct symbol *s;

	if (P->tok.type != T_WORD && P->tok.type != T_WORD_QUOTE) {
		unexpected(P, "expected a symbol or constant");
		return NULL;
	}
	s = tok_symbol(P, P->tok.type == T_WORD_QUOTE);
	next(P);
	return s;
}

#define MAX_NESTING 1000

static struct expr *parse_primary(struct parser *P);

static struct expr *parse_nested(struct parser *P, struct expr *(*fn)(struct parser *))
{
	struct expr *e;

	if (P->depth >= MAX_NESTING) {
		unexpected(P, "expression nested too deeply");
		return NULL;
	}
	P->depth++;
	e = fn(P);
	P->depth--;
	return e;
}

static struct expr *parse_primary(struct parser *P)
{
	static const enum expr_type cmp[] = {
		[T_EQUAL] = E_EQUAL, [T_UNEQUAL] = E_UNEQUAL, [T_LESS] = E_LTH,
		[T_LESS_EQUAL] = E_LEQ, [T_GREATER] = E_GTH, [T_GREATER_EQUAL] = E_GEQ,
	};
	struct symbol *l, *r;
	enum tok op;

	switch (P->tok.type) {
	case T_NOT: {
		struct expr *e;

		next(P);
		e = parse_nested(P, parse_primary);
		return e ? expr_make(P->t, E_NOT, e, NULL) : NULL;
	}
	case T_OPEN_PAREN: {
		struct expr *e;

		next(P);
		e = parse_nested(P, parse_expr);
		if (!e)
			return NULL;
		if (P->tok.type != T_CLOSE_PAREN) {
			unexpected(P, "expected ')' in expression");
			return NULL;
		}
		next(P);
		return e;
	}
	case T_WORD:
	case T_WORD_QUOTE:
		break;
	default:
		unexpected(P, "expected a symbol, '!' or '(' in expression");
		return NULL;
	}
	l = parse_symbol(P);
	op = P->tok.type;
	if (op != T_EQUAL && op != T_UNEQUAL && op != T_LESS && op != T_LESS_EQUAL &&
	    op != T_GREATER && op != T_GREATER_EQUAL)
		return expr_sym(P->t, l);
	next(P);
	if (P->tok.type != T_WORD && P->tok.type != T_WORD_QUOTE) {
		unexpected(P, "expected a symbol or constant after comparison");
		return NULL;
	}
	r = parse_symbol(P);
	return expr_cmp(P->t, cmp[op], l, r);
}

/* Every later stage walks expressions recursively: bound their size. */
#define MAX_OPERANDS 10000

static bool one_more_operand(struct parser *P)
{
	if (++P->operands <= MAX_OPERANDS)
		return true;
	unexpected(P, "expression too long (more than 10000 operands)");
	return false;
}

static struct expr *parse_and(struct parser *P)
{
	struct expr *e = parse_primary(P);

	while (e && P->tok.type == T_AND) {
		struct expr *r;

		if (!one_more_operand(P))
			return NULL;
		next(P);
		r = parse_primary(P);
		if (!r)
			return NULL;
		e = expr_make(P->t, E_AND, e, r);
	}
	return e;
}

static struct expr *parse_expr_depth(struct parser *P)
{
	struct expr *e = parse_and(P);

	while (e && P->tok.type == T_OR) {
		struct expr *r;

		if (!one_more_operand(P))
			return NULL;
		next(P);
		r = parse_and(P);
		if (!r)
			return NULL;
		e = expr_make(P->t, E_OR, e, r);
	}
	return e;
}

/* expr_make(), not expr_and()/expr_or(): keep what was written. */
static struct expr *parse_expr(struct parser *P)
{
	if (P->depth == 0)
		P->operands = 0;
	return parse_expr_depth(P);
}

/* [if EXPR] EOL; *ok false after an error (line skipped). */
static struct expr *parse_if_expr(struct parser *P, const char *stmt, bool *ok)
{
	struct expr *e = NULL;

	*ok = true;
	if (P->tok.type == T_IF) {
		next(P);
		e = parse_expr(P);
		if (!e) {
			*ok = false;
			return NULL;
		}
	}
	if (!expect_eol(P, stmt))
		*ok = false;
	return e;
}

/* ---- entries ---- */

static bool is_attribute(enum tok t);

static void misplaced_attribute(struct parser *P, const char *entry, const char *allowed)
{
	error(P, P->tok.loc, "'%s' is not allowed in %s (it takes only %s)",
	      tok_name(P->tok.type), entry, allowed);
	if (P->tok.type == T_HELP) {	/* its text must not read as statements */
		next(P);
		if (P->tok.type == T_EOL) {
			lex_help_text(P->lx);
			next(P);
		}
		return;
	}
	skip_line(P);
}

/* After a bad entry header: drop its attribute lines without a second
 * error for each. */
static void skip_attributes(struct parser *P)
{
	while (P->tok.type == T_EOL || is_attribute(P->tok.type)) {
		if (P->tok.type == T_HELP) {
			next(P);
			if (P->tok.type == T_EOL) {
				lex_help_text(P->lx);
				next(P);
			}
			continue;
		}
		if (P->tok.type == T_EOL)
			next(P);
		else
			skip_line(P);
	}
}

static void set_type(struct parser *P, struct menu *m, enum sym_type type, struct loc at)
{
	struct symbol *s = m->sym;
	char buf[300];

	if (s->type == type)
		return;
	if (s->type == S_UNKNOWN) {
		s->type = type;
		return;
	}
	(void)P;
	warning(P, at, "ignoring type redefinition of '%s' from '%s' to '%s'",
		     sym_display_name(s, buf, sizeof(buf)), sym_type_name(s->type),
		     sym_type_name(type));
}

static void add_prompt(struct parser *P, struct menu *m, enum prop_type type,
		       const char *text, struct expr *cond, struct loc at)
{
	struct property *p;

	if (m->prompt && type == P_PROMPT)
		warning(P, at, "prompt redefined");
	while (*text == ' ' || *text == '\t' || *text == '\n')
		text++;
	p = menu_add_prop(P->t, m, type, at);
	if (pp_has_unknown(text)) {
		/* shown as the reference it came from, never as marker bytes */
		struct strbuf sb = STRBUF_INIT;

		pp_render(P->pp, text, &sb);
		p->text = arena_strdup(&P->t->arena, sb_str(&sb));
		sb_release(&sb);
	} else {
		p->text = arena_strdup(&P->t->arena, text);
	}
	p->cond = cond;
	m->prompt = p;
}

/* A second help text and a blank one: errors since 6.13 (parser.y's help
 * rule calls zconf_error() where 6.12 warned through zconfprint()). */
static void check_help(struct parser *P, struct menu *m, const char *text, struct loc at)
{
	const char *name = m->sym && m->sym->name ? m->sym->name : "<choice>";
	bool fatal = dialect_has(P->t, DR_PARSE_WARNINGS_FATAL);

	if (m->help && fatal)
		error(P, at, "'%s' defined with more than one help text", name);
	if (text[strspn(text, " \f\n\r\t\v")] == '\0' && fatal)
		error(P, at, "'%s' defined with blank help text", name);
}

static void parse_help(struct parser *P, struct menu *m)
{
	struct loc at = P->tok.loc;
	const char *text;

	next(P);			/* 'help' */
	if (!at_eol(P)) {
		unexpected(P, "unexpected text after 'help'");
		return;
	}
	text = lex_help_text(P->lx);
	if (!text) {
		P->errors++;
		next(P);
		return;
	}
	check_help(P, m, text, at);
	m->help = arena_strdup(&P->t->arena, text);
	next(P);
}

static void parse_depends(struct parser *P, struct menu *m)
{
	struct loc at = P->tok.loc;
	struct expr *e;

	next(P);
	if (P->tok.type != T_ON) {
		unexpected(P, "expected 'on' after 'depends'");
		return;
	}
	next(P);
	e = parse_expr(P);
	if (e && P->tok.type == T_IF && dialect_has(P->t, DR_CONDITIONAL_DEP)) {
		struct expr *cond;

		next(P);
		cond = parse_expr(P);
		if (!cond)
			return;
		/* menu.c menu_add_dep(): "A if B" is A || (B = n), one line */
		e = expr_make(P->t, E_OR, e, expr_is_n(P->t, cond));
	}
	if (!e || !expect_eol(P, "depends on"))
		return;
	menu_add_dep(P->t, m, DEP_DEPENDS, e, at);
}

static void set_modules(struct parser *P, struct menu *m, struct loc at)
{
	if (P->modules_by && P->modules_by != m->sym) {
		error(P, at, "symbol '%s' redefines option 'modules' already defined by symbol '%s'",
		      m->sym->name, P->modules_by->name);
		return;
	}
	P->modules_by = m->sym;
}

/* Legacy `option ...` (before Linux 5.x), as kconfiglib still reads it. */
static void parse_option(struct parser *P, struct menu *m)
{
	struct loc at = P->tok.loc;
	const char *name;

	next(P);
	if (P->tok.type == T_MODULES) {
		next(P);
		if (expect_eol(P, "option modules") && m->sym)
			set_modules(P, m, at);
		return;
	}
	if (P->tok.type != T_WORD) {
		unexpected(P, "expected an option name after 'option'");
		return;
	}
	name = P->tok.text;
	if (!strcmp(name, "defconfig_list") || !strcmp(name, "allnoconfig_y")) {
		unsigned flag = name[0] == 'd' ? SYM_DEFCONFIG_LIST : SYM_ALLNOCONFIG_Y;

		next(P);
		if (expect_eol(P, "option") && m->sym)
			m->sym->flags |= flag;
		return;
	}
	if (!strcmp(name, "env")) {
		next(P);
		if (P->tok.type != T_EQUAL) {
			unexpected(P, "expected '=' after 'option env'");
			return;
		}
		next(P);
		if (P->tok.type != T_WORD_QUOTE) {
			unexpected(P, "expected a quoted variable name after 'option env='");
			return;
		}
		if (m->sym)
			m->sym->env = arena_strdup(&P->t->arena, P->tok.text);
		next(P);
		expect_eol(P, "option env");
		return;
	}
	error(P, P->tok.loc, "unknown option \"%s\"", name);
	skip_line(P);
}

static bool parse_prompt_opt(struct parser *P, struct menu *m, struct loc at, const char *stmt)
{
	char *text;
	struct expr *cond;
	bool ok;

	if (P->tok.type != T_WORD_QUOTE)
		return expect_eol(P, stmt);
	text = xstrdup(P->tok.text);
	next(P);
	cond = parse_if_expr(P, stmt, &ok);
	if (ok)
		add_prompt(P, m, P_PROMPT, text, cond, at);
	free(text);
	return ok;
}

static enum sym_type type_of(enum tok t)
{
	switch (t) {
	case T_BOOL: case T_DEF_BOOL: return S_BOOLEAN;
	case T_TRISTATE: case T_DEF_TRISTATE: return S_TRISTATE;
	case T_INT: case T_DEF_INT: return S_INT;
	case T_HEX: case T_DEF_HEX: return S_HEX;
	case T_STRING: case T_DEF_STRING: return S_STRING;
	default: return S_UNKNOWN;
	}
}

/* One attribute line of a config entry; false at the first token that is
 * not an attribute (the entry ends there). */
static bool parse_config_option(struct parser *P, struct menu *m)
{
	struct loc at = P->tok.loc;
	enum tok kw = P->tok.type;
	struct property *p;
	struct expr *e, *cond;
	bool ok;

	switch (kw) {
	case T_EOL:
		next(P);
		return true;
	case T_ERROR:
		skip_line(P);
		next(P);
		return true;
	case T_BOOL: case T_TRISTATE: case T_INT: case T_HEX: case T_STRING:
		next(P);
		set_type(P, m, type_of(kw), at);
		parse_prompt_opt(P, m, at, tok_name(kw));
		return true;
	case T_PROMPT:
		next(P);
		if (P->tok.type != T_WORD_QUOTE) {
			unexpected(P, "expected a quoted prompt after 'prompt'");
			return true;
		}
		parse_prompt_opt(P, m, at, "prompt");
		return true;
	case T_DEFAULT: case T_DEF_BOOL: case T_DEF_TRISTATE:
	case T_DEF_INT: case T_DEF_HEX: case T_DEF_STRING:
		next(P);
		e = parse_expr(P);
		if (!e)
			return true;
		cond = parse_if_expr(P, tok_name(kw), &ok);
		if (!ok)
			return true;
		p = menu_add_prop(P->t, m, P_DEFAULT, at);
		p->expr = e;
		p->cond = cond;
		if (kw != T_DEFAULT)
			set_type(P, m, type_of(kw), at);
		return true;
	case T_SELECT: case T_IMPLY:
		next(P);
		if (P->tok.type != T_WORD) {
			unexpected(P, kw == T_SELECT ? "expected a symbol name after 'select'" :
				   "expected a symbol name after 'imply'");
			return true;
		}
		{
			struct symbol *target = tok_symbol(P, false);

			next(P);
			cond = parse_if_expr(P, tok_name(kw), &ok);
			if (!ok)
				return true;
			p = menu_add_prop(P->t, m, kw == T_SELECT ? P_SELECT : P_IMPLY, at);
			p->target = target;
			p->expr = expr_sym(P->t, target);
			p->cond = cond;
		}
		return true;
	case T_RANGE: {
		struct symbol *lo, *hi;

		next(P);
		if (!(lo = parse_symbol(P)) || !(hi = parse_symbol(P)))
			return true;
		cond = parse_if_expr(P, "range", &ok);
		if (!ok)
			return true;
		p = menu_add_prop(P->t, m, P_RANGE, at);
		p->lo = lo;
		p->hi = hi;
		p->cond = cond;
		return true;
	}
	case T_MODULES:
		next(P);
		if (expect_eol(P, "modules"))
			set_modules(P, m, at);
		return true;
	case T_TRANSITIONAL:
		next(P);
		if (expect_eol(P, "transitional"))
			m->sym->flags |= SYM_TRANSITIONAL;
		return true;
	case T_OPTION:
		parse_option(P, m);
		return true;
	case T_DEPENDS:
		parse_depends(P, m);
		return true;
	case T_HELP:
		parse_help(P, m);
		return true;
	default:
		return false;
	}
}

static void parse_config(struct parser *P, struct menu *parent, struct menu *choice)
{
	enum tok kw = P->tok.type;
	struct loc at = P->tok.loc;
	struct symbol *s;
	struct menu *m;

	next(P);
	if (P->tok.type != T_WORD || pp_has_unknown(P->tok.text)) {
		unexpected(P, kw == T_CONFIG ? "expected a symbol name after 'config'" :
			   "expected a symbol name after 'menuconfig'");
		skip_attributes(P);
		return;
	}
	s = tok_symbol(P, false);
	if (s->flags & SYM_CONST) {
		error(P, P->tok.loc, "cannot define constant symbol '%s'", s->name);
		skip_line(P);
		skip_attributes(P);
		return;
	}
	next(P);
	if (!expect_eol(P, tok_name(kw)))
		return;
	m = menu_add_entry(P->t, parent, kw == T_CONFIG ? M_CONFIG : M_MENUCONFIG, s, at);
	s->flags |= SYM_DEFINED;
	while (parse_config_option(P, m))
		;
	if (kw == T_MENUCONFIG) {
		if (m->prompt)
			m->prompt->type = P_PROMPT;
		else if (dialect_has(P->t, DR_PARSE_WARNINGS_FATAL))
			error(P, at, "menuconfig statement without prompt");
		else
			warning(P, at, "menuconfig statement without prompt");
	}
	if (!choice)
		return;
	if (!s->choice) {
		s->choice = choice;
		s->flags |= SYM_CHOICEVAL;
	}
	if (dialect_has(P->t, DR_CHOICE_STRICT)) {
		if (!m->prompt)
			error(P, at, "choice member must have a prompt");
		if (s->type != S_BOOLEAN)
			error(P, at, "choice member must be bool");
	} else if (!m->prompt) {
		warning(P, at, "choice value must have a prompt");
	}
}

static void parse_stmts(struct parser *P, struct menu *parent, struct menu *choice,
			struct menu *block);

static bool enter_block(struct parser *P, struct loc at, const char *what)
{
	if (P->blocks >= MAX_NESTING) {
		error(P, at, "'%s' nested too deeply (more than %d if/menu/choice blocks); parsing stopped",
		      what, MAX_NESTING);
		stop(P);
		return false;
	}
	P->blocks++;
	return true;
}


static void parse_choice(struct parser *P, struct menu *parent)
{
	struct loc at = P->tok.loc;
	struct symbol *s;
	struct menu *m;

	next(P);
	if (P->tok.type == T_WORD && dialect_has(P->t, DR_NAMED_CHOICE)) {
		s = tok_symbol(P, false);	/* 6.1: choice NAME */
		s->flags |= SYM_CHOICE;
		next(P);
	} else {
		if (P->tok.type == T_WORD) {
			error(P, P->tok.loc, "named choices were removed in Linux 6.11 ('choice %s')",
			      P->tok.text);
			next(P);
		}
		s = sym_lookup(P->t, NULL, false);
	}
	if (!expect_eol(P, "choice"))
		return;
	m = menu_add_entry(P->t, parent, M_CHOICE, s, at);
	s->flags |= SYM_DEFINED;
	for (;;) {
		struct loc oat = P->tok.loc;
		enum tok kw = P->tok.type;
		struct expr *cond;
		bool ok;

		if (kw == T_EOL) {
			next(P);
		} else if (kw == T_PROMPT) {
			next(P);
			if (P->tok.type != T_WORD_QUOTE)
				unexpected(P, "expected a quoted prompt after 'prompt'");
			else
				parse_prompt_opt(P, m, oat, "prompt");
		} else if (kw == T_BOOL || kw == T_TRISTATE) {
			next(P);
			if (kw == T_TRISTATE && !dialect_has(P->t, DR_TRISTATE_CHOICE))
				error(P, oat, "choice must be bool (tristate choices were removed in Linux 6.11)");
			else if (P->tok.type == T_WORD_QUOTE && !dialect_has(P->t, DR_CHOICE_BOOL_PROMPT))
				error(P, oat, "'%s \"...\"' in a choice was removed in Linux 6.13 (a choice is bool: give it 'prompt \"...\"')",
				      tok_name(kw));
			set_type(P, m, type_of(kw), oat);
			parse_prompt_opt(P, m, oat, tok_name(kw));
		} else if (kw == T_DEFAULT) {
			struct symbol *target;
			struct property *p;

			next(P);
			if (P->tok.type != T_WORD) {
				unexpected(P, "expected a choice member after 'default'");
				continue;
			}
			target = tok_symbol(P, false);
			next(P);
			cond = parse_if_expr(P, "default", &ok);
			if (!ok)
				continue;
			p = menu_add_prop(P->t, m, P_DEFAULT, oat);
			p->target = target;
			p->expr = expr_sym(P->t, target);
			p->cond = cond;
		} else if (kw == T_OPTIONAL) {
			next(P);
			if (!dialect_has(P->t, DR_OPTIONAL_CHOICE))
				error(P, oat, "'optional' choices were removed in Linux 6.11");
			if (expect_eol(P, "optional"))
				s->flags |= SYM_OPTIONAL;
		} else if (kw == T_DEPENDS) {
			parse_depends(P, m);
		} else if (kw == T_HELP) {
			parse_help(P, m);
		} else if (kw == T_OPTION) {
			parse_option(P, m);
		} else if (kw == T_ERROR) {
			skip_line(P);
			next(P);
		} else if (is_attribute(kw)) {
			misplaced_attribute(P, "a choice entry",
					    "'prompt', 'bool', 'default', 'depends on' and 'help'");
		} else {
			break;
		}
	}
	if (!m->prompt) {
		if (dialect_has(P->t, DR_CHOICE_STRICT))
			error(P, at, "choice must have a prompt");
		else
			warning(P, at, "choice must have a prompt");
	}
	if (!enter_block(P, at, "choice"))
		return;
	parse_stmts(P, m, m, m);
	P->blocks--;
}

static void parse_if(struct parser *P, struct menu *parent, struct menu *choice)
{
	struct loc at = P->tok.loc;
	struct expr *e;
	struct menu *m;

	next(P);
	e = parse_expr(P);
	if (!e || !expect_eol(P, "if"))
		e = expr_sym(P->t, &P->t->sym_n);	/* keep the block for its endif */
	m = menu_add_entry(P->t, parent, M_IF, NULL, at);
	menu_add_dep(P->t, m, DEP_IF, e, at);
	if (!enter_block(P, at, "if"))
		return;
	parse_stmts(P, m, choice, m);
	P->blocks--;
}

static void parse_menu(struct parser *P, struct menu *parent)
{
	struct loc at = P->tok.loc;
	struct menu *m;

	next(P);
	if (P->tok.type != T_WORD_QUOTE) {
		unexpected(P, "expected a quoted title after 'menu'");
		/* still open the block so its endmenu matches */
		m = menu_add_entry(P->t, parent, M_MENU, NULL, at);
		if (!enter_block(P, at, "menu"))
			return;
		parse_stmts(P, m, NULL, m);
		P->blocks--;
		return;
	}
	m = menu_add_entry(P->t, parent, M_MENU, NULL, at);
	add_prompt(P, m, P_MENU, P->tok.text, NULL, at);
	next(P);
	expect_eol(P, "menu");
	for (;;) {
		struct loc vat = P->tok.loc;

		if (P->tok.type == T_EOL) {
			next(P);
		} else if (P->tok.type == T_DEPENDS) {
			parse_depends(P, m);
		} else if (P->tok.type == T_VISIBLE) {
			struct expr *e;
			bool ok;

			next(P);
			e = parse_if_expr(P, "visible", &ok);
			if (ok)
				menu_add_dep(P->t, m, DEP_VISIBLE,
					     e ? e : expr_sym(P->t, &P->t->sym_y), vat);
		} else if (is_attribute(P->tok.type)) {
			misplaced_attribute(P, "a menu entry", "'depends on' and 'visible if'");
		} else {
			break;
		}
	}
	if (!enter_block(P, at, "menu"))
		return;
	parse_stmts(P, m, NULL, m);
	P->blocks--;
}

static void parse_comment(struct parser *P, struct menu *parent)
{
	struct loc at = P->tok.loc;
	struct menu *m;

	next(P);
	if (P->tok.type != T_WORD_QUOTE) {
		unexpected(P, "expected a quoted text after 'comment'");
		return;
	}
	m = menu_add_entry(P->t, parent, M_COMMENT, NULL, at);
	add_prompt(P, m, P_COMMENT, P->tok.text, NULL, at);
	next(P);
	if (!expect_eol(P, "comment"))
		return;
	while (P->tok.type == T_DEPENDS || P->tok.type == T_EOL || is_attribute(P->tok.type)) {
		if (P->tok.type == T_EOL)
			next(P);
		else if (P->tok.type == T_DEPENDS)
			parse_depends(P, m);
		else
			misplaced_attribute(P, "a comment entry", "'depends on'");
	}
}

static void parse_source(struct parser *P)
{
	struct loc at = P->tok.loc;
	char *path;

	next(P);
	if (P->tok.type != T_WORD_QUOTE) {
		unexpected(P, "expected a quoted file name after 'source'");
		return;
	}
	if (pp_has_unknown(P->tok.text)) {
		struct strbuf sb = STRBUF_INIT;
		const char *env = pp_unknown_env(P->pp, P->tok.text);

		pp_render(P->pp, P->tok.text, &sb);
		if (env)
			error(P, at, "source path \"%s\" depends on environment variable '%s', not read (use --env %s)",
			      sb_str(&sb), env, env);
		else
			error(P, at, "source path \"%s\" depends on a shell command that was not run (use --shell=run)",
			      sb_str(&sb));
		sb_release(&sb);
		skip_line(P);
		return;
	}
	path = xstrdup(P->tok.text);
	next(P);
	/* The file is pushed after this line's newline, as in parser.y. */
	if (expect_eol(P, "source") && P->tok.type == T_EOL && !lex_source(P->lx, path, at))
		P->errors++;
	free(path);
	if (P->tok.type == T_EOL)
		next(P);
}

static void parse_assignment(struct parser *P, char *name, struct loc at)
{
	enum var_flavor flavor = P->tok.type == T_COLON_EQUAL ? VAR_SIMPLE :
				 P->tok.type == T_PLUS_EQUAL ? VAR_APPEND : VAR_RECURSIVE;
	const char *value = "";

	next(P);
	if (P->tok.type == T_ASSIGN_VAL) {
		value = P->tok.text;
		pp_set_loc(P->pp, P->tok.loc);
	} else {
		pp_set_loc(P->pp, at);
	}
	if (!pp_assign(P->pp, name, value, flavor))
		P->errors++;
	if (P->tok.type == T_ASSIGN_VAL)
		next(P);
	expect_eol(P, "assignment");
}

static const char *block_end(enum menu_kind k)
{
	return k == M_IF ? "endif" : k == M_CHOICE ? "endchoice" : "endmenu";
}

static bool is_attribute(enum tok t)
{
	switch (t) {
	case T_BOOL: case T_TRISTATE: case T_INT: case T_HEX: case T_STRING:
	case T_PROMPT: case T_DEFAULT: case T_DEF_BOOL: case T_DEF_TRISTATE:
	case T_DEF_INT: case T_DEF_HEX: case T_DEF_STRING:
	case T_SELECT: case T_IMPLY: case T_RANGE: case T_DEPENDS: case T_HELP:
	case T_VISIBLE: case T_OPTION: case T_MODULES: case T_OPTIONAL:
	case T_TRANSITIONAL:
		return true;
	default:
		return false;
	}
}

static void parse_stmts(struct parser *P, struct menu *parent, struct menu *choice,
			struct menu *block)
{
	char buf[300];

	for (;;) {
		enum tok kw = P->tok.type;
		struct loc at = P->tok.loc;

		switch (kw) {
		case T_EOL:
			next(P);
			continue;
		case T_ERROR:
			skip_line(P);
			next(P);
			continue;
		case T_EOF:
			if (block)
				error(P, block->loc, "'%s' without '%s' (missing end statement for this entry)",
				      menu_kind_name(block->kind), block_end(block->kind));
			return;
		case T_FILE_END:
			if (block && block->loc.file == at.file) {
				error(P, block->loc, "'%s' without '%s' before the end of its file",
				      menu_kind_name(block->kind), block_end(block->kind));
				return;	/* recover: close it here */
			}
			next(P);
			continue;
		case T_ENDIF:
		case T_ENDMENU:
		case T_ENDCHOICE: {
			const char *word = tok_name(kw);

			next(P);
			expect_eol(P, word);
			if (!block) {
				error(P, at, "'%s' without matching '%s'", word,
				      kw == T_ENDIF ? "if" : kw == T_ENDMENU ? "menu" : "choice");
				continue;
			}
			if (strcmp(word, block_end(block->kind)))
				error(P, at, "unexpected '%s' within %s block", word,
				      menu_kind_name(block->kind));
			else if (block->loc.file != at.file)
				error(P, at, "'%s' in different file than '%s' at %s", word,
				      menu_kind_name(block->kind), loc_str(block->loc, buf, sizeof(buf)));
			return;
		}
		case T_MAINMENU:
			next(P);
			if (P->tok.type != T_WORD_QUOTE) {
				unexpected(P, "expected a quoted title after 'mainmenu'");
				continue;
			}
			if (P->seen_stmt || parent != &P->t->root) {
				error(P, at, "'mainmenu' must be the first statement");
				skip_line(P);
				continue;
			}
			add_prompt(P, &P->t->root, P_MENU, P->tok.text, NULL, at);
			next(P);
			expect_eol(P, "mainmenu");
			break;
		case T_CONFIG:
		case T_MENUCONFIG:
			if (kw == T_MENUCONFIG && choice)
				error(P, at, "'menuconfig' is not allowed inside a choice");
			parse_config(P, parent, choice);
			break;
		case T_CHOICE:
		case T_MENU:
		case T_SOURCE:
			/* report, then read it anyway: its end statement must
			 * not close the enclosing choice */
			if (choice)
				error(P, at, "'%s' is not allowed inside a choice", tok_name(kw));
			if (kw == T_CHOICE)
				parse_choice(P, parent);
			else if (kw == T_MENU)
				parse_menu(P, parent);
			else
				parse_source(P);
			break;
		case T_COMMENT:
			parse_comment(P, parent);
			break;
		case T_IF:
			parse_if(P, parent, choice);
			break;
		case T_WORD: {
			char *name = xstrdup(P->tok.text);

			next(P);
			if (!choice && (P->tok.type == T_EQUAL || P->tok.type == T_COLON_EQUAL ||
					P->tok.type == T_PLUS_EQUAL)) {
				parse_assignment(P, name, at);
			} else {
				error(P, at, "unknown statement \"%s\"", name);
				skip_line(P);
			}
			free(name);
			break;
		}
		default:
			if (is_attribute(kw))
				error(P, at, "'%s' outside of a config, choice, menu or comment entry",
				      tok_name(kw));
			else
				error(P, at, "invalid statement: unexpected %s", tok_desc(&P->tok, buf, sizeof(buf)));
			skip_line(P);
			break;
		}
		P->seen_stmt = true;
	}
}

bool parse_tree(struct kctree *t, struct lexer *lx, struct pp *pp)
{
	struct parser P = { .t = t, .lx = lx, .pp = pp };

	next(&P);
	parse_stmts(&P, &t->root, NULL, NULL);
	t->modules = P.modules_by ? P.modules_by : &t->sym_n;
	return P.errors == 0;
}

struct expr_src {
	const char *text;
};

static const char *expr_vfs(const void *ctx, const char *path, size_t *len)
{
	const struct expr_src *src = ctx;

	(void)path;
	*len = strlen(src->text);
	return src->text;
}

struct expr *parse_expr_string(struct kctree *t, const char *text)
{
	struct expr_src src = { text };
	struct pp *pp = pp_new(SHELL_OFF);
	struct lexer *lx = lex_new(pp, ".", expr_vfs, &src);
	struct parser P = { .t = t, .lx = lx, .pp = pp };
	struct expr *e = NULL;

	lex_set_expr_mode(lx);
	if (lex_push_file(lx, "<expression>", (struct loc){ 0, 0 })) {
		next(&P);
		e = parse_expr(&P);
		if (e && !at_eol(&P)) {
			unexpected(&P, "unexpected text after the expression");
			e = NULL;
		}
		if (P.errors)
			e = NULL;
	}
	lex_free(lx);
	pp_free(pp);
	return e;
}
