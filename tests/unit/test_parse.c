/* parse.c, menu.c, tree.c through kctree_load() on in-memory files: every
 * construct, the finalized dependencies, and the error paths. */
#include "unit.h"

#include <sys/wait.h>
#include <unistd.h>

static struct symbol *sym(struct fx *fx, const char *name)
{
	struct symbol *s = sym_find(fx->t, name);

	if (!s)
		fail_msg("no symbol %s", name);
	return s;
}

static struct expr *S(struct fx *fx, const char *name)
{
	return expr_sym(fx->t, sym(fx, name));
}

/* The n-th (0-based) property of this type of s, or fail. */
static struct property *prop(struct symbol *s, enum prop_type type, int n)
{
	for (struct property *p = s->props; p; p = p->sym_next)
		if (p->type == type && n-- == 0)
			return p;
	fail_msg("%s has no property %d of type %d", s->name ? s->name : "<choice>", n, type);
	return NULL;
}

static int nprops(const struct symbol *s, enum prop_type type)
{
	int n = 0;

	for (const struct property *p = s->props; p; p = p->sym_next)
		n += p->type == type;
	return n;
}

static int ndeps(const struct dep_item *d)
{
	int n = 0;

	for (; d; d = d->next)
		n++;
	return n;
}

static const char *pr(struct fx *fx, const struct expr *e)
{
	sb_reset(&fx->sb);
	expr_print(&fx->sb, e);
	return fx_keep(fx, strdup(sb_str(&fx->sb)));
}

/* A conjunction's terms, left to right, whatever its nesting:
 * "A & B & C" for (A && B) && C and for A && (B && C); "y" for NULL. */
static void add_terms(struct strbuf *sb, const struct expr *e)
{
	if (e && e->type == E_AND) {
		add_terms(sb, e->left);
		add_terms(sb, e->right);
		return;
	}
	if (sb->len)
		sb_adds(sb, " & ");
	expr_print(sb, e);
}

static const char *terms(struct fx *fx, const struct expr *e)
{
	struct strbuf sb = STRBUF_INIT;

	add_terms(&sb, e);
	return fx_keep(fx, sb_detach(&sb));
}

static struct kctree *load_ok(struct fx *fx, const char *text)
{
	struct kctree *t = fx_load(fx, text);

	if (!t)
		fail_msg("load failed:\n%s", cap_text(&fx->cap));
	return t;
}

/* Loading must fail with this message (file:line: error: ...). */
static void load_fails(struct fx *fx, const char *text, const char *msg)
{
	struct kctree *t = fx_load(fx, text);

	if (t)
		fail_msg("load succeeded, expected \"%s\"", msg);
	assert_true(diag_error_count() > 0);
	assert_contains(cap_text(&fx->cap), msg);
}

/* ---- config entries ---- */

static void test_config_basic(void **state)
{
	struct fx *fx = *state;
	struct kctree *t = load_ok(fx, "\nconfig FOO\n\tbool \"Foo support\"\n\thelp\n\t  Say Y.\n");
	struct symbol *s = sym(fx, "FOO");
	struct menu *m = s->menus;

	assert_int_equal(s->type, S_BOOLEAN);
	assert_true(s->flags & SYM_DEFINED);
	assert_false(s->flags & (SYM_CONST | SYM_CHOICE | SYM_CHOICEVAL));
	assert_non_null(m);
	assert_null(m->sym_next);
	assert_ptr_equal(t->root.list, m);
	assert_ptr_equal(m->parent, &t->root);
	assert_int_equal(m->kind, M_CONFIG);
	assert_ptr_equal(m->sym, s);
	assert_int_equal(m->loc.line, 2);
	assert_string_equal(diag_file_name(m->loc.file), "Kconfig");
	assert_non_null(m->prompt);
	assert_int_equal(m->prompt->type, P_PROMPT);
	assert_string_equal(m->prompt->text, "Foo support");
	assert_int_equal(m->prompt->loc.line, 3);
	assert_ptr_equal(m->prompt->menu, m);
	assert_null(m->prompt->cond);
	assert_null(m->prompt->visible);
	assert_ptr_equal(s->props, m->prompt);
	assert_string_equal(m->help, "Say Y.\n");
	assert_null(m->deps);
	assert_null(m->dep);
	assert_null(s->dir_dep);
	assert_null(s->rev_dep);
	assert_ptr_equal(t->modules, &t->sym_n);
	assert_int_equal(t->nfiles, 1);
	assert_int_equal(t->nlines, 5);
	assert_int_equal(diag_error_count(), 0);
	assert_int_equal(diag_warning_count(), 0);
}

static void test_all_types(void **state)
{
	struct fx *fx = *state;

	load_ok(fx, "config B\n\tbool\n"
		    "config T\n\ttristate\n"
		    "config I\n\tint\n"
		    "config H\n\thex\n"
		    "config S\n\tstring\n"
		    "config U\n\tdepends on B\n");
	assert_int_equal(sym(fx, "B")->type, S_BOOLEAN);
	assert_int_equal(sym(fx, "T")->type, S_TRISTATE);
	assert_int_equal(sym(fx, "I")->type, S_INT);
	assert_int_equal(sym(fx, "H")->type, S_HEX);
	assert_int_equal(sym(fx, "S")->type, S_STRING);
	assert_int_equal(sym(fx, "U")->type, S_UNKNOWN);
	assert_null(sym(fx, "B")->menus->prompt);	/* no prompt: invisible */
}

static void test_def_bool_def_tristate(void **state)
{
	struct fx *fx = *state;
	struct kctree *t = load_ok(fx, "config A\n\tbool\n"
				       "config DB\n\tdef_bool y if A\n"
				       "config DT\n\tdef_tristate m\n");
	struct property *p;

	assert_int_equal(sym(fx, "DB")->type, S_BOOLEAN);
	p = prop(sym(fx, "DB"), P_DEFAULT, 0);
	assert_ptr_equal(p->expr, expr_sym(t, &t->sym_y));
	assert_ptr_equal(p->cond, S(fx, "A"));
	assert_ptr_equal(p->visible, S(fx, "A"));
	assert_int_equal(p->loc.line, 4);
	assert_null(sym(fx, "DB")->menus->prompt);

	assert_int_equal(sym(fx, "DT")->type, S_TRISTATE);
	p = prop(sym(fx, "DT"), P_DEFAULT, 0);
	assert_ptr_equal(p->expr, expr_sym(t, &t->sym_m));	/* values are not rewritten */
	assert_null(p->cond);
}

static void test_prompt_with_if(void **state)
{
	struct fx *fx = *state;
	struct property *p;

	load_ok(fx, "config A\n\tbool\n"
		    "config B\n\tbool\n"
		    "config P\n\tbool \"  Pee\" if A\n"
		    "config Q\n\ttristate\n\tprompt \"Queue\" if A && B\n"
		    "config R\n\tint\n\tprompt 'Arr'\n");
	p = sym(fx, "P")->menus->prompt;
	assert_string_equal(p->text, "Pee");		/* leading blanks dropped */
	assert_ptr_equal(p->cond, S(fx, "A"));
	assert_ptr_equal(p->visible, S(fx, "A"));
	assert_int_equal(p->loc.line, 6);

	p = sym(fx, "Q")->menus->prompt;
	assert_ptr_equal(p, prop(sym(fx, "Q"), P_PROMPT, 0));
	assert_string_equal(p->text, "Queue");
	assert_string_equal(pr(fx, p->cond), "A && B");
	assert_int_equal(p->loc.line, 9);
	assert_int_equal(sym(fx, "Q")->type, S_TRISTATE);

	p = sym(fx, "R")->menus->prompt;
	assert_string_equal(p->text, "Arr");
	assert_null(p->cond);
}

static void test_default_order(void **state)
{
	struct fx *fx = *state;
	struct kctree *t = load_ok(fx, "config A\n\tbool\n"
				       "config S\n"
				       "\tstring \"s\"\n"
				       "\tdefault \"one\" if A\n"
				       "\tdefault \"two\"\n"
				       "config S\n"
				       "\tdefault \"three\"\n");
	struct symbol *s = sym(fx, "S");
	struct property *d0 = prop(s, P_DEFAULT, 0), *d1 = prop(s, P_DEFAULT, 1);
	struct property *d2 = prop(s, P_DEFAULT, 2);

	assert_int_equal(nprops(s, P_DEFAULT), 3);
	assert_ptr_equal(d0->expr, expr_sym(t, sym_lookup(t, "one", true)));
	assert_ptr_equal(d1->expr, expr_sym(t, sym_lookup(t, "two", true)));
	assert_ptr_equal(d2->expr, expr_sym(t, sym_lookup(t, "three", true)));
	assert_true(d0->expr->sym->flags & SYM_CONST);
	assert_int_equal(d0->loc.line, 5);
	assert_int_equal(d1->loc.line, 6);
	assert_int_equal(d2->loc.line, 8);
	assert_ptr_equal(d0->cond, S(fx, "A"));
	assert_null(d1->cond);
	/* the props of each entry are also on that entry */
	assert_ptr_equal(d2->menu, s->menus->sym_next);
	assert_ptr_equal(s->menus->sym_next->props, d2);
	assert_ptr_equal(s->menus->props->menu_next->menu_next, d1);
}

static void test_depends_items_kept_separately(void **state)
{
	struct fx *fx = *state;
	struct menu *m;
	struct dep_item *d;

	load_ok(fx, "config A\n\tbool\nconfig B\n\tbool\nconfig C\n\tbool\n"
		    "config X\n"
		    "\tbool \"x\"\n"
		    "\tdepends on A\n"		/* line 9 */
		    "\tdefault y\n"
		    "\tdepends on B || !C\n");	/* line 11 */
	m = sym(fx, "X")->menus;
	assert_int_equal(ndeps(m->deps), 2);
	d = m->deps;
	assert_int_equal(d->kind, DEP_DEPENDS);
	assert_int_equal(d->loc.line, 9);
	assert_string_equal(diag_file_name(d->loc.file), "Kconfig");
	assert_ptr_equal(d->expr, S(fx, "A"));
	d = d->next;
	assert_int_equal(d->kind, DEP_DEPENDS);
	assert_int_equal(d->loc.line, 11);
	assert_string_equal(pr(fx, d->expr), "B || !C");
	/* folded: both lines ANDed, on the entry, its props and the symbol */
	assert_string_equal(terms(fx, m->dep), "A & B || !C");
	assert_ptr_equal(sym(fx, "X")->dir_dep, m->dep);
	assert_ptr_equal(m->prompt->visible, m->dep);
	assert_ptr_equal(prop(sym(fx, "X"), P_DEFAULT, 0)->visible, m->dep);
}

static void test_select_reverse_dependencies(void **state)
{
	struct fx *fx = *state;
	struct kctree *t = load_ok(fx, "config C\n\tbool\nconfig D\n\tbool\n"
				       "config A\n"
				       "\tbool \"a\"\n"
				       "\tdepends on D\n"
				       "\tselect B if C\n"	/* line 8 */
				       "config E\n"
				       "\tbool \"e\"\n"
				       "\tselect B\n"		/* line 11 */
				       "config B\n\tbool\n");
	struct symbol *b = sym(fx, "B");
	struct property *pa = prop(sym(fx, "A"), P_SELECT, 0);
	struct property *pe = prop(sym(fx, "E"), P_SELECT, 0);

	assert_ptr_equal(pa->target, b);
	assert_ptr_equal(pa->expr, expr_sym(t, b));
	assert_ptr_equal(pa->cond, S(fx, "C"));
	assert_int_equal(pa->loc.line, 8);
	assert_string_equal(terms(fx, pa->visible), "D & C");
	assert_null(pe->visible);
	assert_int_equal(pe->loc.line, 11);
	/* both selects, in source order */
	assert_ptr_equal(b->selected_by, pa);
	assert_ptr_equal(pa->rev_next, pe);
	assert_null(pe->rev_next);
	/* rev_dep = A && (its visibility) || E */
	assert_non_null(b->rev_dep);
	assert_int_equal(b->rev_dep->type, E_OR);
	assert_string_equal(terms(fx, b->rev_dep->left), "A & D & C");
	assert_ptr_equal(b->rev_dep->right, S(fx, "E"));
	assert_null(b->implied);
	assert_null(b->implied_by);
	/* the selecting symbols have no reverse dependency themselves */
	assert_null(sym(fx, "A")->rev_dep);
	assert_int_equal(b->type, S_BOOLEAN);
}

static void test_imply_reverse_dependencies(void **state)
{
	struct fx *fx = *state;

	load_ok(fx, "config C\n\tbool\n"
		    "config A\n\tbool \"a\"\n\timply B if C\n"
		    "config B\n\ttristate \"b\"\n");
	{
		struct symbol *b = sym(fx, "B");
		struct property *p = prop(sym(fx, "A"), P_IMPLY, 0);

		assert_ptr_equal(p->target, b);
		assert_ptr_equal(p->cond, S(fx, "C"));
		assert_int_equal(p->loc.line, 5);
		assert_ptr_equal(b->implied_by, p);
		assert_null(p->rev_next);
		assert_string_equal(terms(fx, b->implied), "A & C");
		assert_null(b->rev_dep);
		assert_null(b->selected_by);
	}
}

static void test_select_undefined_target(void **state)
{
	struct fx *fx = *state;

	load_ok(fx, "config A\n\tbool\n\tselect GHOST\n");
	assert_false(sym(fx, "GHOST")->flags & SYM_DEFINED);
	assert_ptr_equal(sym(fx, "GHOST")->rev_dep, S(fx, "A"));
	assert_null(sym(fx, "GHOST")->menus);
}

static void test_range(void **state)
{
	struct fx *fx = *state;
	struct property *r0, *r1, *r2;

	load_ok(fx, "config A\n\tbool\n"
		    "config N\n\tint \"n\"\n\trange 1 10 if A\n\trange 0 5\n"
		    "config H\n\thex \"h\"\n\trange 0x10 0xff\n"
		    "config M\n\tint\n\trange N 100\n");
	r0 = prop(sym(fx, "N"), P_RANGE, 0);
	r1 = prop(sym(fx, "N"), P_RANGE, 1);
	assert_string_equal(r0->lo->name, "1");
	assert_string_equal(r0->hi->name, "10");
	assert_ptr_equal(r0->cond, S(fx, "A"));
	assert_int_equal(r0->loc.line, 5);
	assert_string_equal(r1->lo->name, "0");
	assert_string_equal(r1->hi->name, "5");
	assert_null(r1->cond);
	assert_int_equal(r1->loc.line, 6);
	r2 = prop(sym(fx, "H"), P_RANGE, 0);
	assert_string_equal(r2->lo->name, "0x10");
	assert_string_equal(r2->hi->name, "0xff");
	/* a bound may be another symbol */
	assert_ptr_equal(prop(sym(fx, "M"), P_RANGE, 0)->lo, sym(fx, "N"));
}

static void test_help_text(void **state)
{
	struct fx *fx = *state;

	load_ok(fx, "config A\n"
		    "\tbool \"a\"\n"
		    "\thelp\n"
		    "\t  First line.\n"
		    "\n"
		    "\t    Indented.\n"
		    "\tdefault y\n"
		    "config B\n"
		    "\tbool\n");
	assert_string_equal(sym(fx, "A")->menus->help, "First line.\n\n  Indented.\n");
	/* the dedented line is an attribute again */
	assert_int_equal(nprops(sym(fx, "A"), P_DEFAULT), 1);
	assert_int_equal(prop(sym(fx, "A"), P_DEFAULT, 0)->loc.line, 7);
	assert_null(sym(fx, "B")->menus->help);
}

static void test_menuconfig(void **state)
{
	struct fx *fx = *state;
	struct menu *m;

	load_ok(fx, "menuconfig NET\n\tbool \"Networking\"\nconfig INET\n\tbool \"inet\"\n\tdepends on NET\n");
	m = sym(fx, "NET")->menus;
	assert_int_equal(m->kind, M_MENUCONFIG);
	assert_string_equal(m->prompt->text, "Networking");
	/* the tree is kept as written: INET is NET's sibling */
	assert_ptr_equal(m->next, sym(fx, "INET")->menus);
	assert_null(m->list);
}

static void test_transitional(void **state)
{
	struct fx *fx = *state;

	load_ok(fx, "config OLD\n\tbool\n\ttransitional\nconfig NEW\n\tbool\n");
	assert_true(sym(fx, "OLD")->flags & SYM_TRANSITIONAL);
	assert_false(sym(fx, "NEW")->flags & SYM_TRANSITIONAL);
}

static void test_type_redefinition_warns(void **state)
{
	struct fx *fx = *state;

	load_ok(fx, "config A\n\tbool\nconfig A\n\tint\n");
	assert_int_equal(sym(fx, "A")->type, S_BOOLEAN);
	assert_contains(cap_text(&fx->cap),
			"Kconfig:4: warning: ignoring type redefinition of 'A' from 'bool' to 'int'");
}

static void test_multiple_definitions(void **state)
{
	struct fx *fx = *state;
	struct symbol *x;

	load_ok(fx, "config A\n\tbool\nconfig B\n\tbool\n"
		    "config X\n\tbool \"x\"\n\tdepends on A\n"
		    "if B\n"
		    "config X\n\tbool\n"
		    "endif\n");
	x = sym(fx, "X");
	assert_non_null(x->menus);
	assert_non_null(x->menus->sym_next);
	assert_null(x->menus->sym_next->sym_next);
	assert_int_equal(x->menus->loc.line, 5);
	assert_int_equal(x->menus->sym_next->loc.line, 9);
	assert_ptr_equal(x->menus->sym_next->dep, S(fx, "B"));
	/* dir_dep is the OR of the entries' dependencies */
	assert_ptr_equal(x->dir_dep, expr_or(fx->t, S(fx, "A"), S(fx, "B")));
}

/* ---- modules and m ---- */

static void test_modules_keyword(void **state)
{
	struct fx *fx = *state;
	struct kctree *t = load_ok(fx, "config MODULES\n\tbool \"Modules\"\n\tmodules\n");

	assert_ptr_equal(t->modules, sym(fx, "MODULES"));
}

static void test_option_modules_legacy(void **state)
{
	struct fx *fx = *state;
	struct kctree *t = load_ok(fx, "config MODS\n\tbool \"Modules\"\n\toption modules\n");

	assert_ptr_equal(t->modules, sym(fx, "MODS"));
}

static void test_modules_twice_is_error(void **state)
{
	load_fails(*state, "config A\n\tbool\n\tmodules\nconfig B\n\tbool\n\tmodules\n",
		   "Kconfig:6: error: symbol 'B' redefines option 'modules' already defined by symbol 'A'");
}

static void test_m_rewritten_in_dependencies(void **state)
{
	struct fx *fx = *state;
	struct kctree *t = load_ok(fx, "config MODULES\n\tbool \"m\"\n\tmodules\n"
				       "config A\n\tbool\n"
				       "config T\n"
				       "\ttristate \"t\" if m\n"
				       "\tdepends on m || A\n"
				       "\tdefault m if m\n");
	struct expr *mm = expr_and(t, expr_sym(t, &t->sym_m), S(fx, "MODULES"));
	struct menu *m = sym(fx, "T")->menus;
	struct property *p;

	/* as written */
	assert_string_equal(pr(fx, m->deps->expr), "m || A");
	/* folded */
	assert_ptr_equal(m->dep, expr_or(t, mm, S(fx, "A")));
	assert_string_equal(pr(fx, m->dep), "m && MODULES || A");
	assert_ptr_equal(sym(fx, "T")->dir_dep, m->dep);
	assert_ptr_equal(m->prompt->cond, expr_sym(t, &t->sym_m));
	assert_ptr_equal(m->prompt->visible, expr_and(t, m->dep, mm));
	p = prop(sym(fx, "T"), P_DEFAULT, 0);
	assert_ptr_equal(p->expr, expr_sym(t, &t->sym_m));	/* the value stays m */
	assert_ptr_equal(p->visible, expr_and(t, m->dep, mm));
}

static void test_m_without_modules_is_n(void **state)
{
	struct fx *fx = *state;
	struct kctree *t = load_ok(fx, "config T\n\ttristate \"t\"\n\tdepends on m\n");

	assert_ptr_equal(t->modules, &t->sym_n);
	assert_ptr_equal(sym(fx, "T")->menus->dep, expr_sym(t, &t->sym_n));
	assert_ptr_equal(sym(fx, "T")->dir_dep, expr_sym(t, &t->sym_n));
}

static void test_m_rewritten_in_select_condition(void **state)
{
	struct fx *fx = *state;
	struct kctree *t = load_ok(fx, "config MODULES\n\tbool \"m\"\n\tmodules\n"
				       "config A\n\ttristate \"a\"\n\tselect B if m\n"
				       "config B\n\ttristate\n");
	struct expr *mm = expr_and(t, expr_sym(t, &t->sym_m), S(fx, "MODULES"));

	assert_ptr_equal(prop(sym(fx, "A"), P_SELECT, 0)->visible, mm);
	assert_ptr_equal(sym(fx, "B")->rev_dep, expr_and(t, S(fx, "A"), mm));
}

/* ---- legacy options ---- */

static void test_option_env_defconfig_allnoconfig(void **state)
{
	struct fx *fx = *state;

	load_ok(fx, "config SRCARCH\n\tstring\n\toption env=\"SRCARCH\"\n"
		    "config DEFCONFIG_LIST\n\tstring\n\toption defconfig_list\n\tdefault \"/boot/config\"\n"
		    "config EMBEDDED\n\tbool\n\toption allnoconfig_y\n"
		    "config PLAIN\n\tbool\n");
	assert_string_equal(sym(fx, "SRCARCH")->env, "SRCARCH");
	assert_true(sym(fx, "DEFCONFIG_LIST")->flags & SYM_DEFCONFIG_LIST);
	assert_false(sym(fx, "DEFCONFIG_LIST")->flags & SYM_ALLNOCONFIG_Y);
	assert_int_equal(nprops(sym(fx, "DEFCONFIG_LIST"), P_DEFAULT), 1);
	assert_true(sym(fx, "EMBEDDED")->flags & SYM_ALLNOCONFIG_Y);
	assert_false(sym(fx, "EMBEDDED")->flags & SYM_DEFCONFIG_LIST);
	assert_null(sym(fx, "PLAIN")->env);
	assert_false(sym(fx, "PLAIN")->flags & (SYM_ALLNOCONFIG_Y | SYM_DEFCONFIG_LIST));
}

static void test_unknown_option_is_error(void **state)
{
	load_fails(*state, "config A\n\tbool\n\toption frobnicate\n",
		   "Kconfig:3: error: unknown option \"frobnicate\"");
}

/* ---- blocks: if, menu, choice, comment ---- */

static void test_dependency_propagation(void **state)
{
	struct fx *fx = *state;
	struct kctree *t = load_ok(fx,
		"config A\n\tbool\nconfig B\n\tbool\nconfig C\n\tbool\n"	/* 1-6 */
		"config D\n\tbool\nconfig E\n\tbool\n"			/* 7-10 */
		"if A\n"						/* 11 */
		"config X\n"						/* 12 */
		"\tbool \"x\"\n"
		"\tdepends on B\n"					/* 14 */
		"\tdepends on C\n"					/* 15 */
		"menu \"M\"\n"						/* 16 */
		"\tdepends on D\n"					/* 17 */
		"config Y\n"						/* 18 */
		"\tbool \"y\"\n"
		"endmenu\n"						/* 20 */
		"choice\n"						/* 21 */
		"\tprompt \"c\"\n"
		"\tdepends on E\n"					/* 23 */
		"config Z\n"						/* 24 */
		"\tbool \"z\"\n"
		"endchoice\n"
		"endif\n"
		"config W\n"						/* 28 */
		"\tbool \"w\"\n");
	struct menu *ifm, *menu, *choice;

	/* the if block is an entry of its own with one DEP_IF item */
	ifm = sym(fx, "E")->menus->next;
	assert_int_equal(ifm->kind, M_IF);
	assert_null(ifm->sym);
	assert_int_equal(ifm->loc.line, 11);
	assert_int_equal(ndeps(ifm->deps), 1);
	assert_int_equal(ifm->deps->kind, DEP_IF);
	assert_int_equal(ifm->deps->loc.line, 11);
	assert_ptr_equal(ifm->deps->expr, S(fx, "A"));
	assert_ptr_equal(ifm->dep, S(fx, "A"));
	assert_ptr_equal(ifm->next, sym(fx, "W")->menus);

	/* X: inside the if; its own lines stay its own */
	assert_ptr_equal(sym(fx, "X")->menus->parent, ifm);
	assert_int_equal(ndeps(sym(fx, "X")->menus->deps), 2);
	assert_int_equal(sym(fx, "X")->menus->deps->loc.line, 14);
	assert_int_equal(sym(fx, "X")->menus->deps->next->loc.line, 15);
	assert_string_equal(terms(fx, sym(fx, "X")->menus->dep), "A & B & C");
	assert_ptr_equal(sym(fx, "X")->dir_dep, sym(fx, "X")->menus->dep);
	assert_string_equal(terms(fx, sym(fx, "X")->menus->prompt->visible), "A & B & C");

	/* Y: in a menu (depends on D) in the if */
	menu = sym(fx, "Y")->menus->parent;
	assert_int_equal(menu->kind, M_MENU);
	assert_int_equal(menu->loc.line, 16);
	assert_ptr_equal(menu->parent, ifm);
	assert_string_equal(menu->prompt->text, "M");
	assert_int_equal(menu->prompt->type, P_MENU);
	assert_int_equal(menu->deps->loc.line, 17);
	assert_string_equal(terms(fx, menu->dep), "A & D");
	assert_null(sym(fx, "Y")->menus->deps);
	assert_string_equal(terms(fx, sym(fx, "Y")->menus->dep), "A & D");

	/* Z: in a choice (depends on E) in the if */
	choice = sym(fx, "Z")->menus->parent;
	assert_int_equal(choice->kind, M_CHOICE);
	assert_int_equal(choice->deps->loc.line, 23);
	assert_string_equal(terms(fx, choice->dep), "A & E");
	assert_string_equal(terms(fx, sym(fx, "Z")->menus->dep), "A & E");
	assert_ptr_equal(sym(fx, "Z")->choice, choice);

	/* W: after the endif, free */
	assert_ptr_equal(sym(fx, "W")->menus->parent, &t->root);
	assert_null(sym(fx, "W")->menus->dep);
	assert_null(sym(fx, "W")->dir_dep);
}

static void test_if_conditions_nest(void **state)
{
	struct fx *fx = *state;

	load_ok(fx, "config A\n\tbool\nconfig B\n\tbool\n"
		    "if A\nif B || A\nconfig X\n\tbool\nendif\nconfig Y\n\tbool\nendif\n");
	assert_string_equal(terms(fx, sym(fx, "X")->menus->dep), "A & B || A");
	assert_ptr_equal(sym(fx, "Y")->menus->dep, S(fx, "A"));
}

static void test_visible_if_applies_to_prompts(void **state)
{
	struct fx *fx = *state;
	struct kctree *t = load_ok(fx,
		"config V\n\tbool\nconfig W\n\tbool\n"
		"menu \"Outer\"\n"			/* 5 */
		"\tvisible if V\n"			/* 6 */
		"config P\n"
		"\tbool \"p\"\n"
		"\tdefault y\n"
		"menu \"Inner\"\n"			/* 10 */
		"\tvisible if W\n"
		"config Q\n"
		"\tbool \"q\" if P\n"
		"\tselect V\n"
		"endmenu\n"
		"endmenu\n");
	struct menu *outer = sym(fx, "P")->menus->parent;
	struct symbol *p = sym(fx, "P"), *q = sym(fx, "Q");
	struct expr *vis;

	assert_int_equal(outer->kind, M_MENU);
	assert_non_null(outer->visibility);
	assert_null(outer->visibility->next);
	assert_int_equal(outer->visibility->kind, DEP_VISIBLE);
	assert_int_equal(outer->visibility->loc.line, 6);
	assert_ptr_equal(outer->visibility->expr, S(fx, "V"));
	/* visible if is no dependency */
	assert_null(outer->deps);
	assert_null(outer->dep);
	assert_null(p->menus->dep);
	assert_null(p->dir_dep);
	/* ... but it hides the prompts below it, and nothing else */
	assert_ptr_equal(p->menus->prompt->visible, S(fx, "V"));
	assert_null(prop(p, P_DEFAULT, 0)->visible);
	assert_null(outer->prompt->visible);
	/* nested menus: both */
	vis = q->menus->prompt->visible;
	assert_non_null(vis);
	assert_true(expr_contains_sym(vis, sym(fx, "V")));
	assert_true(expr_contains_sym(vis, sym(fx, "W")));
	assert_true(expr_contains_sym(vis, p));
	assert_ptr_equal(q->menus->prompt->cond, S(fx, "P"));
	/* a select is not a prompt */
	assert_null(prop(q, P_SELECT, 0)->visible);
	assert_ptr_equal(sym(fx, "V")->rev_dep, S(fx, "Q"));
	(void)t;
}

static void test_visible_without_if(void **state)
{
	struct fx *fx = *state;
	struct kctree *t = load_ok(fx, "menu \"m\"\n\tvisible\nendmenu\n");

	assert_non_null(t->root.list->visibility);
	assert_ptr_equal(t->root.list->visibility->expr, expr_sym(t, &t->sym_y));
}

static void test_menu_and_comment(void **state)
{
	struct fx *fx = *state;
	struct kctree *t = load_ok(fx,
		"config A\n\tbool\n"
		"menu \"Drivers\"\n"			/* 3 */
		"comment \"Note: $(lineno)\"\n"		/* 4 */
		"\tdepends on A\n"
		"config B\n\tbool \"b\"\n"
		"endmenu\n");
	struct menu *menu = t->root.list->next, *c;

	assert_int_equal(menu->kind, M_MENU);
	assert_null(menu->sym);
	assert_string_equal(menu->prompt->text, "Drivers");
	assert_int_equal(menu->prompt->type, P_MENU);
	c = menu->list;
	assert_int_equal(c->kind, M_COMMENT);
	assert_null(c->sym);
	assert_int_equal(c->loc.line, 4);
	assert_int_equal(c->prompt->type, P_COMMENT);
	assert_string_equal(c->prompt->text, "Note: 4");
	assert_ptr_equal(c->deps->expr, S(fx, "A"));
	assert_ptr_equal(c->dep, S(fx, "A"));
	assert_ptr_equal(c->prompt->visible, S(fx, "A"));
	assert_ptr_equal(c->next, sym(fx, "B")->menus);
	assert_ptr_equal(sym(fx, "B")->menus->parent, menu);
	assert_null(menu->next);
}

static void test_menu_walk_order(void **state)
{
	struct fx *fx = *state;
	struct kctree *t = load_ok(fx,
		"config A\n\tbool\n"
		"menu \"M\"\nif A\nconfig B\n\tbool\nendif\ncomment \"c\"\nendmenu\n"
		"config C\n\tbool\n");
	static const enum menu_kind want[] = { M_CONFIG, M_MENU, M_IF, M_CONFIG, M_COMMENT, M_CONFIG };
	struct menu *m;
	size_t i = 0;

	menu_for_each(t, m) {
		assert_true(i < sizeof(want) / sizeof(want[0]));
		assert_int_equal(m->kind, want[i]);
		i++;
	}
	assert_int_equal(i, sizeof(want) / sizeof(want[0]));
	assert_string_equal(menu_kind_name(M_IF), "if");
	assert_string_equal(menu_kind_name(M_MENUCONFIG), "menuconfig");
}

static void test_choice(void **state)
{
	struct fx *fx = *state;
	struct kctree *t = load_ok(fx,
		"config COND\n\tbool\n"
		"choice\n"				/* 3 */
		"\tprompt \"Pick\"\n"
		"\tdefault B if COND\n"			/* 5 */
		"\tdefault A\n"
		"config A\n\tbool \"a\"\n"		/* 7 */
		"config B\n\tbool \"b\"\n"
		"if COND\n"
		"config C\n\tbool \"c\"\n"
		"endif\n"
		"endchoice\n"
		"config D\n\tbool \"d\"\n");
	struct menu *cm = sym(fx, "A")->menus->parent;
	struct symbol *cs = cm->sym;
	struct property *d0, *d1;

	assert_int_equal(cm->kind, M_CHOICE);
	assert_int_equal(cm->loc.line, 3);
	assert_non_null(cs);
	assert_null(cs->name);
	assert_true(cs->flags & SYM_CHOICE);
	assert_true(sym_is_choice(cs));
	assert_true(cs->flags & SYM_DEFINED);
	assert_ptr_equal(cs->menus, cm);
	assert_int_equal(cs->type, S_BOOLEAN);
	assert_ptr_equal(t->syms.v[cs->id], cs);
	assert_string_equal(cm->prompt->text, "Pick");
	d0 = prop(cs, P_DEFAULT, 0);
	d1 = prop(cs, P_DEFAULT, 1);
	assert_ptr_equal(d0->target, sym(fx, "B"));
	assert_ptr_equal(d0->cond, S(fx, "COND"));
	assert_int_equal(d0->loc.line, 5);
	assert_ptr_equal(d1->target, sym(fx, "A"));
	/* members, also through the if; D after endchoice is not one */
	assert_ptr_equal(sym(fx, "A")->choice, cm);
	assert_ptr_equal(sym(fx, "B")->choice, cm);
	assert_ptr_equal(sym(fx, "C")->choice, cm);
	assert_true(sym(fx, "A")->flags & SYM_CHOICEVAL);
	assert_true(sym(fx, "C")->flags & SYM_CHOICEVAL);
	assert_null(sym(fx, "D")->choice);
	assert_false(sym(fx, "D")->flags & SYM_CHOICEVAL);
	assert_null(sym(fx, "COND")->choice);
	assert_ptr_equal(sym(fx, "C")->menus->dep, S(fx, "COND"));
	assert_ptr_equal(sym(fx, "D")->menus->parent, &t->root);
}

static void test_choice_old_dialect(void **state)
{
	struct fx *fx = *state;
	static const struct vfile files[] = {
		{ "Kconfig",
		  "choice NAMED\n"
		  "\ttristate \"pick\"\n"
		  "\toptional\n"
		  "config A\n\tprompt \"a\"\n"
		  "config B\n\ttristate \"b\"\n"
		  "endchoice\n" },
		{ NULL, NULL } };
	struct symbol *c;

	if (!fx_load_opts(fx, files, 601))
		fail_msg("load failed:\n%s", cap_text(&fx->cap));
	assert_int_equal(fx->t->kversion, 601);
	c = sym(fx, "NAMED");
	assert_true(c->flags & SYM_CHOICE);
	assert_true(c->flags & SYM_OPTIONAL);
	assert_int_equal(c->type, S_TRISTATE);
	assert_ptr_equal(sym(fx, "A")->choice, c->menus);
	/* an untyped member takes the choice's type */
	assert_int_equal(sym(fx, "A")->type, S_TRISTATE);
}

static void test_choice_errors_modern(void **state)
{
	struct fx *fx = *state;

	load_fails(fx, "choice\n\tprompt \"c\"\nconfig A\n\ttristate \"a\"\nendchoice\n",
		   "Kconfig:3: error: choice member must be bool");
	load_fails(fx, "choice\n\tprompt \"c\"\nconfig A\n\tbool\nendchoice\n",
		   "Kconfig:3: error: choice member must have a prompt");
	load_fails(fx, "choice\nconfig A\n\tbool \"a\"\nendchoice\n",
		   "Kconfig:1: error: choice must have a prompt");
	load_fails(fx, "choice\n\ttristate \"c\"\nconfig A\n\tbool \"a\"\nendchoice\n",
		   "Kconfig:2: error: choice must be bool");
	load_fails(fx, "choice\n\tprompt \"c\"\n\toptional\nconfig A\n\tbool \"a\"\nendchoice\n",
		   "Kconfig:3: error: 'optional' choices were removed");
	load_fails(fx, "choice\n\tprompt \"c\"\nmenuconfig A\n\tbool \"a\"\nendchoice\n",
		   "Kconfig:3: error: 'menuconfig' is not allowed inside a choice");
	load_fails(fx, "choice\n\tprompt \"c\"\nmenu \"x\"\nendmenu\nendchoice\n",
		   "Kconfig:3: error: 'menu' is not allowed inside a choice");
}

/* ---- mainmenu, source, macros ---- */

static void test_mainmenu(void **state)
{
	struct fx *fx = *state;
	static const struct vfile files[] = {
		{ "Kconfig", "mainmenu \"Linux/$(ARCH) $(SRCARCH) Kernel\"\n\nconfig A\n\tbool\n" },
		{ NULL, NULL } };
	struct load_config o;

	memset(&o, 0, sizeof(o));
	o.srctree = ".";
	o.vfs = vfs_lookup;
	o.vfs_ctx = files;
	fx->t = kctree_load(&o, "x86");
	if (!fx->t)
		fail_msg("load failed:\n%s", cap_text(&fx->cap));
	assert_string_equal(fx->t->arch, "x86");
	assert_non_null(fx->t->root.prompt);
	assert_int_equal(fx->t->root.prompt->type, P_MENU);
	assert_string_equal(fx->t->root.prompt->text, "Linux/x86 x86 Kernel");
	assert_int_equal(fx->t->root.prompt->loc.line, 1);
	assert_int_equal(fx->t->root.list->kind, M_CONFIG);
}

static void test_mainmenu_not_first(void **state)
{
	load_fails(*state, "config A\n\tbool\nmainmenu \"late\"\n",
		   "Kconfig:3: error: 'mainmenu' must be the first statement");
}

static void test_source(void **state)
{
	struct fx *fx = *state;
	static const struct vfile files[] = {
		{ "Kconfig",
		  "config A\n\tbool\n"
		  "if A\n"
		  "source \"sub/Kconfig\"\n"		/* 4 */
		  "endif\n"
		  "config C\n\tbool\n" },
		{ "sub/Kconfig", "\nconfig B\n\tbool \"b\"\nsource \"sub/deeper\"\n" },
		{ "sub/deeper", "config E\n\tbool" },	/* no final newline */
		{ NULL, NULL } };
	struct kctree *t = fx_load_opts(fx, files, 0);
	struct menu *b, *e;

	if (!t)
		fail_msg("load failed:\n%s", cap_text(&fx->cap));
	b = sym(fx, "B")->menus;
	e = sym(fx, "E")->menus;
	assert_string_equal(diag_file_name(b->loc.file), "sub/Kconfig");
	assert_int_equal(b->loc.line, 2);
	assert_string_equal(diag_file_name(e->loc.file), "sub/deeper");
	assert_int_equal(e->loc.line, 1);
	/* sourced entries sit where the source line was */
	assert_int_equal(b->parent->kind, M_IF);
	assert_ptr_equal(b->next, e);
	assert_ptr_equal(b->dep, S(fx, "A"));
	assert_ptr_equal(e->dep, S(fx, "A"));
	assert_ptr_equal(b->parent->next, sym(fx, "C")->menus);
	assert_string_equal(diag_file_name(sym(fx, "C")->menus->loc.file), "Kconfig");
	assert_int_equal(sym(fx, "C")->menus->loc.line, 6);
	assert_int_equal(t->nfiles, 3);
	assert_int_equal(t->nlines, 7 + 4 + 1);
}

static void test_source_with_macro_path(void **state)
{
	struct fx *fx = *state;
	static const struct vfile files[] = {
		{ "Kconfig", "DIR := arch\nsource \"$(DIR)/$(SRCARCH)/Kconfig\"\n" },
		{ "arch/um/Kconfig", "config UML\n\tdef_bool y\n" },
		{ NULL, NULL } };
	struct load_config o;

	memset(&o, 0, sizeof(o));
	o.srctree = ".";
	o.vfs = vfs_lookup;
	o.vfs_ctx = files;
	fx->t = kctree_load(&o, "um");
	if (!fx->t)
		fail_msg("load failed:\n%s", cap_text(&fx->cap));
	assert_true(sym(fx, "UML")->flags & SYM_DEFINED);
	assert_string_equal(diag_file_name(sym(fx, "UML")->menus->loc.file), "arch/um/Kconfig");
}

static void test_source_errors(void **state)
{
	struct fx *fx = *state;
	static const struct vfile missing[] = {
		{ "Kconfig", "config A\n\tbool\nsource \"nope/Kconfig\"\n" }, { NULL, NULL } };
	static const struct vfile loop[] = {
		{ "Kconfig", "source \"a\"\n" }, { "a", "source \"Kconfig\"\n" }, { NULL, NULL } };
	static const struct vfile endif_elsewhere[] = {
		{ "Kconfig", "if A\nsource \"a\"\n" }, { "a", "endif\n" }, { NULL, NULL } };
	static const struct vfile open_at_end[] = {
		{ "Kconfig", "source \"a\"\nconfig B\n\tbool\n" },
		{ "a", "menu \"m\"\nconfig A\n\tbool\n" }, { NULL, NULL } };

	assert_null(fx_load_opts(fx, missing, 0));
	assert_contains(cap_text(&fx->cap), "Kconfig:3: error: can't open file \"nope/Kconfig\"");
	assert_null(fx_load_opts(fx, loop, 0));
	assert_contains(cap_text(&fx->cap), "a:1: error: recursive inclusion of \"Kconfig\"");
	assert_null(fx_load_opts(fx, endif_elsewhere, 0));
	assert_contains(cap_text(&fx->cap), "a:1: error: 'endif' in different file than 'if' at Kconfig:1");
	assert_null(fx_load_opts(fx, open_at_end, 0));
	assert_contains(cap_text(&fx->cap), "a:1: error: 'menu' without 'endmenu' before the end of its file");
	assert_null(fx_load(fx, "source \"$(shell,find . -name Kconfig.x)\"\n"));
	assert_contains(cap_text(&fx->cap),
			"Kconfig:1: error: source path \"$(shell,find . -name Kconfig.x)\" depends on a shell command");
}

static void test_missing_root(void **state)
{
	struct fx *fx = *state;
	static const struct vfile files[] = { { "Kconfig.other", "config A\n" }, { NULL, NULL } };
	struct load_config o;

	memset(&o, 0, sizeof(o));
	o.vfs = vfs_lookup;
	o.vfs_ctx = files;
	assert_null(kctree_load(&o, NULL));
	assert_contains(cap_text(&fx->cap), "kcsat: error: can't open file \"./Kconfig\"");
	o.kconfig = "Kconfig.other";
	fx->t = kctree_load(&o, NULL);
	assert_non_null(fx->t);
	assert_non_null(sym(fx, "A"));
}

static void test_macros_in_kconfig(void **state)
{
	struct fx *fx = *state;

	load_ok(fx, "PREFIX := FOO\n"
		    "suffix = $(1)_END\n"
		    "LIST = a\n"
		    "LIST += b\n"
		    "config $(PREFIX)_A\n"
		    "\tbool \"$(suffix,x) [$(LIST)]\"\n"
		    "\tdefault $(PREFIX)_B\n"
		    "config FOO_B\n\tbool\n");
	assert_string_equal(sym(fx, "FOO_A")->menus->prompt->text, "x_END [a b]");
	assert_ptr_equal(prop(sym(fx, "FOO_A"), P_DEFAULT, 0)->expr, S(fx, "FOO_B"));
	assert_null(sym_find(fx->t, "PREFIX"));	/* variables are no symbols */
}

static void test_shell_result_symbol(void **state)
{
	struct fx *fx = *state;
	struct kctree *t = load_ok(fx, "config CC_VER\n\tint\n\tdefault $(shell,cc-version)\n"
				       "config CC_OK\n\tdef_bool \"$(shell,cc-version)\" >= 5\n");
	struct symbol *s = prop(sym(fx, "CC_VER"), P_DEFAULT, 0)->expr->sym;
	struct expr *cmp = prop(sym(fx, "CC_OK"), P_DEFAULT, 0)->expr;

	assert_string_equal(s->name, "$(shell,cc-version)");
	assert_true(s->flags & SYM_SHELL);
	assert_true(s->flags & SYM_CONST);
	/* the same probe is one symbol, quoted or not */
	assert_int_equal(cmp->type, E_GEQ);
	assert_ptr_equal(cmp->sym, s);
	assert_int_equal(t->nshell, 2);
	assert_string_equal(pr(fx, cmp), "\"$(shell,cc-version)\" >= 5");
}

static void test_kconfig_include_probes(void **state)
{
	struct fx *fx = *state;
	struct kctree *t;
	struct symbol *foo, *foo2, *bar;

	/* the helpers of scripts/Kconfig.include, with shell off */
	t = load_ok(fx,
		"CC := gcc\n"
		"if-success = $(shell,{ $(1); } >/dev/null 2>&1 && echo \"$(2)\" || echo \"$(3)\")\n"
		"success = $(if-success,$(1),y,n)\n"
		"cc-option = $(success,trap \"rm -rf .tmp_$$\" EXIT; $(CC) -Werror $(1) -c -x c /dev/null -o .tmp_$$/tmp.o)\n"
		"config CC_HAS_FOO\n\tdef_bool $(cc-option,-mfoo -mbaz)\n"
		"config CC_HAS_FOO2\n\tdef_bool $(cc-option,-mfoo -mbaz)\n"
		"config CC_HAS_BAR\n\tdef_bool $(cc-option,-mbar)\n");
	foo = prop(sym(fx, "CC_HAS_FOO"), P_DEFAULT, 0)->expr->sym;
	foo2 = prop(sym(fx, "CC_HAS_FOO2"), P_DEFAULT, 0)->expr->sym;
	bar = prop(sym(fx, "CC_HAS_BAR"), P_DEFAULT, 0)->expr->sym;
	assert_string_equal(foo->name,
		"$(shell,{ trap \"rm -rf .tmp_$$\" EXIT; gcc -Werror -mfoo -mbaz -c -x c "
		"/dev/null -o .tmp_$$/tmp.o; } >/dev/null 2>&1 && echo \"y\" || echo \"n\")");
	assert_true(foo->flags & SYM_SHELL);
	assert_ptr_equal(foo2, foo);		/* the same probe, one unknown */
	assert_ptr_not_equal(bar, foo);
	assert_true(bar->flags & SYM_SHELL);
	assert_int_equal(t->nshell, 3);
	assert_int_equal(sym(fx, "CC_HAS_FOO")->type, S_BOOLEAN);
}

static void test_statistics_and_ids(void **state)
{
	struct fx *fx = *state;
	struct kctree *t = load_ok(fx, "config A\n\tbool\nconfig B\n\tbool\n\tdepends on A\n");
	struct symbol *s;
	size_t i;

	assert_int_equal(t->nfiles, 1);
	assert_int_equal(t->nlines, 5);
	assert_int_equal(t->kversion, 0);
	assert_null(t->arch);
	assert_string_equal(t->srctree, ".");
	tree_for_each_sym(t, s, i)
		assert_int_equal(s->id, i);
	assert_ptr_equal(t->syms.v[0], &t->sym_y);
	assert_ptr_equal(t->syms.v[1], &t->sym_m);
	assert_ptr_equal(t->syms.v[2], &t->sym_n);
	assert_true(t->sym_y.flags & SYM_CONST);
	assert_int_equal(t->sym_m.type, S_TRISTATE);
}

static void test_kversion_from_makefile(void **state)
{
	struct fx *fx = *state;
	static const struct vfile files[] = {
		{ "Kconfig", "config A\n\tbool\n" },
		{ "Makefile", "# SPDX\nVERSION = 6\nPATCHLEVEL = 12\nSUBLEVEL = 3\nEXTRAVERSION =\nNAME = Baby Opossum\n" },
		{ NULL, NULL } };

	assert_non_null(fx_load_opts(fx, files, 0));
	assert_int_equal(fx->t->kversion, 612);
	assert_non_null(fx_load_opts(fx, files, 601));
	assert_int_equal(fx->t->kversion, 601);	/* the override wins */
}

static void test_source_glob_on_disk(void **state)
{
	struct fx *fx = *state;
	struct load_config o;
	struct menu *m;
	const char *dir = fx_mkdtemp(fx);

	fx_write(fx, "Kconfig",
		 "source \"drivers/*/Kconfig\"\n"	/* sorted: a, then b */
		 "source \"none/*/Kconfig\"\n"	/* no match: fine with a wildcard */
		 "source \"lib/Kconfig\"\n"
		 "config ROOT\n\tbool\n");
	fx_write(fx, "drivers", NULL);
	fx_write(fx, "drivers/b", NULL);
	fx_write(fx, "drivers/b/Kconfig", "config B\n\tbool\n");
	fx_write(fx, "drivers/a", NULL);
	fx_write(fx, "drivers/a/Kconfig", "config A\n\tbool\n\tdepends on B\n");
	fx_write(fx, "drivers/c", NULL);		/* no Kconfig: not matched */
	fx_write(fx, "lib", NULL);
	fx_write(fx, "lib/Kconfig", "config L\n\tbool\n");

	memset(&o, 0, sizeof(o));
	o.srctree = dir;
	fx->t = kctree_load(&o, NULL);
	if (!fx->t)
		fail_msg("load failed:\n%s", cap_text(&fx->cap));
	m = fx->t->root.list;
	assert_ptr_equal(m, sym(fx, "A")->menus);
	assert_string_equal(diag_file_name(m->loc.file), "drivers/a/Kconfig");
	assert_ptr_equal(m->next, sym(fx, "B")->menus);
	assert_string_equal(diag_file_name(m->next->loc.file), "drivers/b/Kconfig");
	assert_ptr_equal(m->next->next, sym(fx, "L")->menus);
	assert_ptr_equal(m->next->next->next, sym(fx, "ROOT")->menus);
	assert_int_equal(fx->t->nfiles, 4);
	assert_string_equal(fx->t->srctree, dir);
	assert_int_equal(diag_error_count(), 0);

	/* without a wildcard, a missing file is an error */
	fx_write(fx, "Kconfig", "source \"lib/Kconfig.missing\"\n");
	kctree_free(fx->t);
	fx->t = kctree_load(&o, NULL);
	assert_null(fx->t);
	assert_contains(cap_text(&fx->cap), "Kconfig:1: error: can't open file \"lib/Kconfig.missing\"");
}

static void test_macro_functions_at_top_level(void **state)
{
	struct fx *fx = *state;

	load_ok(fx, "\n$(info,loading $(filename))\n"
		    "$(warning-if,y,careful)\n"
		    "$(warning-if,n,quiet)\n"
		    "$(error-if,n,fine)\n"
		    "$(error-if,$(shell,false),unknown never fires)\n"
		    "config A\n\tbool\n");
	assert_contains(cap_text(&fx->cap), "Kconfig:2: note: loading Kconfig");
	assert_contains(cap_text(&fx->cap), "Kconfig:3: warning: careful");
	assert_not_contains(cap_text(&fx->cap), "quiet");
	assert_not_contains(cap_text(&fx->cap), "fires");
	assert_int_equal(diag_error_count(), 0);
	assert_non_null(sym(fx, "A")->menus);
}

static void test_dependency_items_as_written(void **state)
{
	struct fx *fx = *state;
	struct menu *m;

	/* kconfig.h: a dep_item's expr and a property's cond are "as
	 * written"; only the finalized dep/visible are simplified */
	load_ok(fx, "config A\n\tbool\nconfig B\n\tbool\n"
		    "config X\n"
		    "\tbool \"x\" if B && y\n"
		    "\tdepends on A && y\n"
		    "\tdepends on B || n\n"
		    "\tdepends on A && A\n");
	m = sym(fx, "X")->menus;
	assert_int_equal(ndeps(m->deps), 3);
	assert_string_equal(pr(fx, m->deps->expr), "A && y");
	assert_string_equal(pr(fx, m->deps->next->expr), "B || n");
	assert_string_equal(pr(fx, m->deps->next->next->expr), "A && A");
	assert_string_equal(pr(fx, m->prompt->cond), "B && y");
	/* folded, simplification is fine */
	assert_string_equal(terms(fx, m->dep), "A & B");
}

/* ---- pathological nesting: run in a child, a crash must not take the
 * rest of this file's tests with it ---- */

enum { CHILD_OK = 0, CHILD_LOADED = 3, CHILD_NO_MESSAGE = 4 };

/* Load text in a forked child: it must fail with a diagnostic containing
 * msg (any error when msg is NULL), and must not crash. */
static void load_fails_in_child(struct fx *fx, const char *what, const char *text,
				const char *msg)
{
	pid_t pid;
	int status;

	fflush(NULL);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		struct vfile files[2] = { { "Kconfig", text }, { NULL, NULL } };
		struct load_config o;
		struct kctree *t;
		const char *out;

		memset(&o, 0, sizeof(o));
		o.vfs = vfs_lookup;
		o.vfs_ctx = files;
		t = kctree_load(&o, NULL);
		out = cap_text(&fx->cap);
		if (t)
			_exit(CHILD_LOADED);
		if (diag_error_count() == 0 || (msg && !strstr(out, msg)))
			_exit(CHILD_NO_MESSAGE);
		_exit(CHILD_OK);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	if (WIFSIGNALED(status))
		fail_msg("%s: kctree_load was killed by signal %d (stack overflow?)", what,
			 WTERMSIG(status));
	switch (WEXITSTATUS(status)) {
	case CHILD_OK:
		return;
	case CHILD_LOADED:
		fail_msg("%s: kctree_load succeeded, expected an error", what);
		break;
	case CHILD_NO_MESSAGE:
		fail_msg("%s: kctree_load failed without the diagnostic \"%s\"", what,
			 msg ? msg : "(any)");
		break;
	default:
		fail_msg("%s: kctree_load died with exit status %d (sanitizer report? stack overflow?)",
			 what, WEXITSTATUS(status));
	}
}

static void test_deep_parentheses(void **state)
{
	struct fx *fx = *state;
	const int n = 200000;

	/* the "expression nested too deeply" guard must cover parentheses,
	 * not only '!' */
	sb_adds(&fx->sb, "config A\n\tbool\n\tdepends on ");
	for (int i = 0; i < n; i++)
		sb_adds(&fx->sb, "!(");
	sb_addc(&fx->sb, 'A');
	for (int i = 0; i < n; i++)
		sb_addc(&fx->sb, ')');
	sb_addc(&fx->sb, '\n');
	load_fails_in_child(fx, "200000 x '!('", sb_str(&fx->sb),
			    "Kconfig:3: error: expression nested too deeply");
}

static void test_deep_plain_parentheses(void **state)
{
	struct fx *fx = *state;
	const int n = 200000;

	sb_adds(&fx->sb, "config A\n\tbool\n\tdepends on ");
	for (int i = 0; i < n; i++)
		sb_addc(&fx->sb, '(');
	sb_addc(&fx->sb, 'A');
	for (int i = 0; i < n; i++)
		sb_addc(&fx->sb, ')');
	sb_addc(&fx->sb, '\n');
	load_fails_in_child(fx, "200000 x '('", sb_str(&fx->sb),
			    "Kconfig:3: error: expression nested too deeply");
}

static void test_deep_not_chain_guarded(void **state)
{
	struct fx *fx = *state;

	/* the existing guard: 2000 '!' in a row */
	sb_adds(&fx->sb, "config A\n\tbool\n\tdepends on ");
	for (int i = 0; i < 2000; i++)
		sb_addc(&fx->sb, '!');
	sb_adds(&fx->sb, "A\n");
	assert_null(fx_load(fx, sb_str(&fx->sb)));
	assert_contains(cap_text(&fx->cap), "Kconfig:3: error: expression nested too deeply");
	/* and a modest depth is fine */
	sb_reset(&fx->sb);
	sb_adds(&fx->sb, "config A\n\tbool\nconfig B\n\tbool\n\tdepends on ");
	for (int i = 0; i < 100; i++)
		sb_adds(&fx->sb, "!(");
	sb_addc(&fx->sb, 'A');
	for (int i = 0; i < 100; i++)
		sb_addc(&fx->sb, ')');
	sb_addc(&fx->sb, '\n');
	assert_non_null(fx_load(fx, sb_str(&fx->sb)));
	{
		struct expr *e = sym(fx, "B")->menus->deps->expr;

		for (int i = 0; i < 100; i++) {
			assert_int_equal(e->type, E_NOT);
			e = e->left;
		}
		assert_ptr_equal(e, S(fx, "A"));
	}
}

static void test_deep_block_nesting(void **state)
{
	struct fx *fx = *state;
	const int n = 200000;

	/* like bison's stack limit in scripts/kconfig, absurd nesting is an
	 * error, not a crash */
	sb_adds(&fx->sb, "config A\n\tbool\n");
	for (int i = 0; i < n; i++)
		sb_adds(&fx->sb, "if A\n");
	for (int i = 0; i < n; i++)
		sb_adds(&fx->sb, "endif\n");
	load_fails_in_child(fx, "200000 nested if blocks", sb_str(&fx->sb), NULL);
}

/* ---- error paths ---- */

static void test_syntax_errors(void **state)
{
	struct fx *fx = *state;

	load_fails(fx, "config A\n\tbool\nfoo\n", "Kconfig:3: error: unknown statement \"foo\"");
	load_fails(fx, "config A\n\tbool\n\tdepends on (A\n", "Kconfig:3: error: expected ')' in expression");
	load_fails(fx, "config A\n\tbool \"a\" if\n", "Kconfig:2: error:");
	load_fails(fx, "config A\n\tbool\n\tdepends A\n", "Kconfig:3: error: expected 'on' after 'depends'");
	load_fails(fx, "config A\n\tbool\n\tdepends on A &&\n", "Kconfig:3: error:");
	load_fails(fx, "config A\n\tbool\n\tdefault\n", "Kconfig:3: error:");
	load_fails(fx, "config \"A\"\n", "Kconfig:1: error: expected a symbol name after 'config'");
	load_fails(fx, "config y\n", "Kconfig:1: error: cannot define constant symbol 'y'");
	load_fails(fx, "config A B\n", "Kconfig:1: error: unexpected text after 'config'");
	load_fails(fx, "config A\n\tbool\n\tselect \"B\"\n",
		   "Kconfig:3: error: expected a symbol name after 'select'");
	load_fails(fx, "config A\n\tint\n\trange 1\n", "Kconfig:3: error:");
	load_fails(fx, "default y\n",
		   "Kconfig:1: error: 'default' outside of a config, choice, menu or comment entry");
	load_fails(fx, "config A\n\tbool \"a", "Kconfig:2: error: end of file in string");
	load_fails(fx, "config A\n\tbool\n\thelp\nnot indented\n",
		   "Kconfig:4: error: help text is not indented");
	load_fails(fx, "$(error-if,y,stop here)\n", "Kconfig:1: error: stop here");
	load_fails(fx, "X := $(undefined\n", "Kconfig:1: error: unterminated reference");
	load_fails(fx, "menu A\nendmenu\n", "Kconfig:1: error: expected a quoted title after 'menu'");
	load_fails(fx, "comment\n", "Kconfig:1: error: expected a quoted text after 'comment'");
	load_fails(fx, "source Kconfig.x\n", "Kconfig:1: error: expected a quoted file name after 'source'");
}

static void test_block_errors(void **state)
{
	struct fx *fx = *state;

	load_fails(fx, "if A\nconfig B\n\tbool\n",
		   "Kconfig:1: error: 'if' without 'endif'");
	load_fails(fx, "menu \"m\"\n", "Kconfig:1: error: 'menu' without 'endmenu'");
	load_fails(fx, "choice\n\tprompt \"c\"\nconfig A\n\tbool \"a\"\n",
		   "Kconfig:1: error: 'choice' without 'endchoice'");
	load_fails(fx, "endmenu\n", "Kconfig:1: error: 'endmenu' without matching 'menu'");
	load_fails(fx, "config A\n\tbool\nendif\n", "Kconfig:3: error: 'endif' without matching 'if'");
	load_fails(fx, "menu \"m\"\nendif\n", "Kconfig:2: error: unexpected 'endif' within menu block");
	load_fails(fx, "if A\nendmenu\n", "Kconfig:2: error: unexpected 'endmenu' within if block");
}

static void test_errors_reported_together(void **state)
{
	struct fx *fx = *state;

	/* parsing goes on after an error to report more */
	assert_null(fx_load(fx, "foo\nconfig A\n\tbool\nbar\n"));
	assert_contains(cap_text(&fx->cap), "Kconfig:1: error: unknown statement \"foo\"");
	assert_contains(cap_text(&fx->cap), "Kconfig:4: error: unknown statement \"bar\"");
	assert_int_equal(diag_error_count(), 2);
}

static void test_load_after_error_is_clean(void **state)
{
	struct fx *fx = *state;

	assert_null(fx_load(fx, "bogus\n"));
	/* a later load only fails on its own errors */
	assert_non_null(fx_load(fx, "config A\n\tbool\n"));
	assert_non_null(sym(fx, "A"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		FX_TEST(test_config_basic),
		FX_TEST(test_all_types),
		FX_TEST(test_def_bool_def_tristate),
		FX_TEST(test_prompt_with_if),
		FX_TEST(test_default_order),
		FX_TEST(test_depends_items_kept_separately),
		FX_TEST(test_select_reverse_dependencies),
		FX_TEST(test_imply_reverse_dependencies),
		FX_TEST(test_select_undefined_target),
		FX_TEST(test_range),
		FX_TEST(test_help_text),
		FX_TEST(test_menuconfig),
		FX_TEST(test_transitional),
		FX_TEST(test_type_redefinition_warns),
		FX_TEST(test_multiple_definitions),
		FX_TEST(test_modules_keyword),
		FX_TEST(test_option_modules_legacy),
		FX_TEST(test_modules_twice_is_error),
		FX_TEST(test_m_rewritten_in_dependencies),
		FX_TEST(test_m_without_modules_is_n),
		FX_TEST(test_m_rewritten_in_select_condition),
		FX_TEST(test_option_env_defconfig_allnoconfig),
		FX_TEST(test_unknown_option_is_error),
		FX_TEST(test_dependency_propagation),
		FX_TEST(test_if_conditions_nest),
		FX_TEST(test_visible_if_applies_to_prompts),
		FX_TEST(test_visible_without_if),
		FX_TEST(test_menu_and_comment),
		FX_TEST(test_menu_walk_order),
		FX_TEST(test_choice),
		FX_TEST(test_choice_old_dialect),
		FX_TEST(test_choice_errors_modern),
		FX_TEST(test_mainmenu),
		FX_TEST(test_mainmenu_not_first),
		FX_TEST(test_source),
		FX_TEST(test_source_with_macro_path),
		FX_TEST(test_source_errors),
		FX_TEST(test_missing_root),
		FX_TEST(test_macros_in_kconfig),
		FX_TEST(test_shell_result_symbol),
		FX_TEST(test_kconfig_include_probes),
		FX_TEST(test_statistics_and_ids),
		FX_TEST(test_kversion_from_makefile),
		FX_TEST(test_source_glob_on_disk),
		FX_TEST(test_macro_functions_at_top_level),
		FX_TEST(test_dependency_items_as_written),
		FX_TEST(test_deep_parentheses),
		FX_TEST(test_deep_plain_parentheses),
		FX_TEST(test_deep_not_chain_guarded),
		FX_TEST(test_deep_block_nesting),
		FX_TEST(test_syntax_errors),
		FX_TEST(test_block_errors),
		FX_TEST(test_errors_reported_together),
		FX_TEST(test_load_after_error_is_clean),
	};

	unit_init();
	return cmocka_run_group_tests_name("parse", tests, NULL, NULL);
}
