/* eval: Kconfig's concrete semantics over values from a .config, computed
 * from user values, or a callback; the explanations verify prints. */
#include "unit.h"

#include <pthread.h>

#include "kconfig/confdata.h"
#include "kconfig/eval.h"
#include "kconfig/explain.h"

static struct kctree *load612(struct fx *fx, const char *text)
{
	struct vfile files[2] = { { "Kconfig", text }, { NULL, NULL } };

	return fx_load_opts(fx, files, 612);
}

static const struct symbol *S(struct fx *fx, const char *name)
{
	const struct symbol *s = sym_find(fx->t, name);

	if (!s)
		fail_msg("no symbol %s", name);
	return s;
}

/* A config from "NAME=VALUE" words (VALUE quoted: a string). */
static void config_of(struct config *c, const char *const *kv)
{
	memset(c, 0, sizeof(*c));
	for (; *kv; kv++) {
		const char *eq = strchr(*kv, '=');
		struct config_entry e = { 0 };

		e.name = strndup(*kv, (size_t)(eq - *kv));
		e.is_string = eq[1] == '"';
		e.value = e.is_string ? strndup(eq + 2, strlen(eq + 2) - 1) : strdup(eq + 1);
		vec_push(c->v, e);
	}
	config_index(c);
}

static const char tree[] =
	"config MODULES\n\tbool \"modules\"\n\tmodules\n"
	"config A\n\tbool \"A\"\n"
	"config T\n\ttristate \"T\"\n\tdepends on A\n"
	"config HID\n\ttristate\n\tdefault T\n"
	"config SEL\n\tbool \"SEL\"\n\tselect HID\n"
	"config IMP\n\ttristate \"IMP\"\n\timply T\n"
	"config N\n\tint \"N\"\n\trange 1 10\n\tdefault 20\n"
	"config BIG\n\tdef_bool N > 5\n"
	"config STR\n\tstring\n\tdefault \"s\"\n";

static void test_config_values(void **state)
{
	struct fx *fx = *state;
	struct config c;
	struct eval *ev;

	assert_non_null(load612(fx, tree));
	config_of(&c, (const char *[]){ "A=y", "T=m", "N=7", "STR=\"x y\"", NULL });
	ev = eval_new_config(fx->t, &c);
	assert_int_equal(eval_sym_tri(ev, S(fx, "A")), yes);
	assert_int_equal(eval_sym_tri(ev, S(fx, "T")), mod);
	/* not mentioned: n, and the empty value of its type */
	assert_int_equal(eval_sym_tri(ev, S(fx, "SEL")), no);
	assert_string_equal(eval_sym_str(ev, S(fx, "BIG")), "n");
	assert_string_equal(eval_sym_str(ev, S(fx, "N")), "7");
	assert_string_equal(eval_sym_str(ev, S(fx, "STR")), "x y");
	assert_int_equal(eval_sym_tri(ev, &fx->t->sym_m), mod);
	assert_string_equal(eval_sym_str(ev, &fx->t->sym_y), "y");
	/* MODULES is n here: T is a bool now, m rounds up */
	assert_true(eval_bool_now(ev, S(fx, "T")));
	assert_int_equal(eval_round(ev, S(fx, "T"), mod), yes);
	assert_int_equal(eval_visibility(ev, S(fx, "T")), yes);
	assert_int_equal(eval_calc_tri(ev, S(fx, "BIG")), yes);	/* 7 > 5 */
	assert_int_equal(eval_calc_tri(ev, S(fx, "HID")), yes);	/* default T, rounded */
	eval_free(ev);
	config_release(&c);
}

static void test_explanations(void **state)
{
	struct fx *fx = *state;
	struct config c;
	struct eval *ev;

	assert_non_null(load612(fx, tree));
	config_of(&c, (const char *[]){ "MODULES=y", "A=n", "T=m", "SEL=y", "HID=n", "N=20",
					 "BIG=y", NULL });
	ev = eval_new_config(fx->t, &c);
	sb_reset(&fx->sb);
	assert_false(explain_symbol(ev, &c, S(fx, "T"), &fx->sb));
	assert_string_equal(sb_str(&fx->sb), "\tT is not visible, so Kconfig computes n:\n"
			    "\tKconfig:8: depends on A (is n)\n"
			    "\tno default applies\n");
	sb_reset(&fx->sb);
	assert_false(explain_symbol(ev, &c, S(fx, "HID"), &fx->sb));
	assert_string_equal(sb_str(&fx->sb), "\tHID is not visible, so Kconfig computes y:\n"
			    "\tHID has no prompt: its value comes from defaults and selects\n"
			    "\tKconfig:11: default T (is m)\n"
			    "\tKconfig:14: select HID, by SEL=y\n");
	sb_reset(&fx->sb);
	assert_false(explain_symbol(ev, &c, S(fx, "N"), &fx->sb));
	assert_string_equal(sb_str(&fx->sb), "\tKconfig:20: range 1 10 excludes 20\n");
	assert_true(explain_symbol(ev, &c, S(fx, "BIG"), &fx->sb));
	assert_true(explain_symbol(ev, &c, S(fx, "SEL"), &fx->sb));
	/* int/hex/string the config leaves out: conf does not write them */
	assert_true(explain_symbol(ev, &c, S(fx, "STR"), &fx->sb));
	eval_free(ev);
	config_release(&c);
}

/* A computed evaluator whose user values are an array by symbol id. */
struct users {
	const char *v[64];
	unsigned asked;
	unsigned rank[64];
};

static const char *user_of(void *ctx, const struct symbol *s)
{
	struct users *u = ctx;

	u->asked++;
	return s->id < 64 ? u->v[s->id] : NULL;
}

static void test_computed_values(void **state)
{
	struct fx *fx = *state;
	struct users u = { { 0 }, 0, { 0 } };
	struct eval *ev;

	assert_non_null(load612(fx, tree));
	ev = eval_new_computed(fx->t, &(struct eval_source){ .user = user_of, .ctx = &u });
	assert_non_null(ev);
	assert_int_equal(eval_sym_tri(ev, S(fx, "T")), no);	/* A is n */
	assert_string_equal(eval_sym_str(ev, S(fx, "N")), "10");	/* 20 clamped */
	assert_int_equal(eval_sym_tri(ev, S(fx, "BIG")), yes);
	u.v[S(fx, "A")->id] = "y";
	u.v[S(fx, "MODULES")->id] = "y";
	u.v[S(fx, "T")->id] = "m";
	u.v[S(fx, "N")->id] = "3";
	/* values are kept until forgotten */
	assert_int_equal(eval_sym_tri(ev, S(fx, "BIG")), yes);
	eval_forget(ev);
	assert_int_equal(eval_sym_tri(ev, S(fx, "BIG")), no);
	assert_int_equal(eval_sym_tri(ev, S(fx, "T")), mod);
	assert_int_equal(eval_sym_tri(ev, S(fx, "HID")), mod);
	u.v[S(fx, "SEL")->id] = "y";
	eval_forget(ev);
	assert_int_equal(eval_sym_tri(ev, S(fx, "HID")), yes);	/* selected */
	/* imply raises T to IMP's value, within T's dependencies */
	u.v[S(fx, "T")->id] = NULL;
	u.v[S(fx, "IMP")->id] = "m";
	eval_forget(ev);
	assert_int_equal(eval_sym_tri(ev, S(fx, "T")), mod);
	/* each value once: asking again reads no user value */
	u.asked = 0;
	assert_int_equal(eval_sym_tri(ev, S(fx, "T")), mod);
	assert_int_equal(u.asked, 0);
	eval_free(ev);
}

static void test_written(void **state)
{
	struct fx *fx = *state;
	struct users u = { { 0 }, 0, { 0 } };
	struct eval *ev;

	assert_non_null(load612(fx, tree));
	ev = eval_new_computed(fx->t, &(struct eval_source){ .user = user_of, .ctx = &u });
	eval_all(ev);
	/* visible; invisible with a default; invisible at n with nothing */
	assert_true(eval_written(ev, S(fx, "A")));
	assert_true(eval_written(ev, S(fx, "STR")));
	assert_true(eval_written(ev, S(fx, "BIG")));
	assert_false(eval_written(ev, S(fx, "T")));	/* A is n: invisible */
	assert_false(eval_written(ev, S(fx, "HID")));	/* default T is n */
	u.v[S(fx, "SEL")->id] = "y";
	eval_forget(ev);
	assert_true(eval_written(ev, S(fx, "HID")));	/* selected */
	eval_free(ev);
}

static unsigned rank_of(void *ctx, const struct symbol *s)
{
	const unsigned *rank = ((struct users *)ctx)->rank;

	return s->id < 64 ? rank[s->id] : 0;
}

static void test_choice_priority(void **state)
{
	struct fx *fx = *state;
	struct users u = { { 0 }, 0, { 0 } };
	struct eval *ev;

	assert_non_null(load612(fx, "choice\n\tprompt \"pick\"\n\tdefault C2\n"
				"config C1\n\tbool \"C1\"\nconfig C2\n\tbool \"C2\"\n"
				"config C3\n\tbool \"C3\"\nendchoice\n"));
	ev = eval_new_computed(fx->t, &(struct eval_source){ .user = user_of, .rank = rank_of,
							     .ctx = &u });
	assert_int_equal(eval_sym_tri(ev, S(fx, "C2")), yes);	/* the default */
	assert_true(eval_written(ev, S(fx, "C1")));		/* visible members are */
	/* two members y: the first in source order without ranks... */
	u.v[S(fx, "C1")->id] = "y";
	u.v[S(fx, "C3")->id] = "y";
	eval_forget(ev);
	assert_int_equal(eval_sym_tri(ev, S(fx, "C1")), yes);
	assert_int_equal(eval_sym_tri(ev, S(fx, "C3")), no);
	/* ... the last one a .config names, as conf_read() ranks them */
	u.rank[S(fx, "C1")->id] = 1;
	u.rank[S(fx, "C3")->id] = 2;
	eval_forget(ev);
	assert_int_equal(eval_sym_tri(ev, S(fx, "C1")), no);
	assert_int_equal(eval_sym_tri(ev, S(fx, "C3")), yes);
	/* every member n: the default unless said n, then the first left
	 * unset, then the least prioritized visible one */
	u.v[S(fx, "C1")->id] = u.v[S(fx, "C3")->id] = "n";
	eval_forget(ev);
	assert_int_equal(eval_sym_tri(ev, S(fx, "C2")), yes);
	u.v[S(fx, "C2")->id] = "n";
	eval_forget(ev);
	/* [C3, C1, C2] by priority: C2 is the least prioritized */
	assert_int_equal(eval_sym_tri(ev, S(fx, "C2")), yes);
	assert_int_equal(eval_sym_tri(ev, S(fx, "C1")), no);
	/* a choice symbol has its members' highest value */
	assert_int_equal(eval_sym_tri(ev, S(fx, "C1")->choice->sym), yes);
	eval_free(ev);
}

/* ---- a callback source ---- */

static enum tristate all_y(void *ctx, const struct symbol *s)
{
	(void)ctx, (void)s;
	return yes;
}

static const char *all_7(void *ctx, const struct symbol *s)
{
	(void)ctx, (void)s;
	return "7";
}

static void test_callback_source(void **state)
{
	struct fx *fx = *state;
	struct eval *ev;

	assert_non_null(load612(fx, tree));
	ev = eval_new_source(fx->t, &(struct eval_source){ .tri = all_y, .str = all_7 });
	assert_int_equal(eval_sym_tri(ev, S(fx, "T")), yes);
	assert_string_equal(eval_sym_str(ev, S(fx, "N")), "7");
	assert_int_equal(eval_sym_tri(ev, &fx->t->sym_n), no);	/* constants are not asked */
	assert_int_equal(eval_calc_tri(ev, S(fx, "BIG")), yes);
	/* without user values, a visible symbol takes its default */
	assert_string_equal(eval_calc_str(ev, S(fx, "N")), "10");
	eval_free(ev);
}

/* ---- no recursion on the C stack ---- */

struct deep {
	struct eval *ev;
	const struct symbol *last;
	enum tristate got;
};

static void *deep_eval(void *arg)
{
	struct deep *d = arg;

	d->got = eval_sym_tri(d->ev, d->last);
	return NULL;
}

/* A 20,000-long default chain on a 64 KiB stack: a recursive evaluator
 * needs megabytes (the old one crashed on 60,000 with 8 MiB). */
static void test_long_chain_small_stack(void **state)
{
	struct fx *fx = *state;
	struct strbuf sb = STRBUF_INIT;
	struct users u = { { 0 }, 0, { 0 } };
	struct deep d = { 0 };
	pthread_attr_t attr;
	pthread_t th;
	char name[32];

	sb_adds(&sb, "config A0\n\tbool \"A0\"\n");
	for (int i = 1; i < 20000; i++)
		sb_addf(&sb, "config A%d\n\tbool\n\tdefault A%d\n", i, i - 1);
	assert_non_null(load612(fx, sb_str(&sb)));
	sb_release(&sb);
	u.v[S(fx, "A0")->id] = "y";
	d.ev = eval_new_computed(fx->t, &(struct eval_source){ .user = user_of, .ctx = &u });
	snprintf(name, sizeof(name), "A%d", 19999);
	d.last = S(fx, name);
	assert_int_equal(pthread_attr_init(&attr), 0);
	assert_int_equal(pthread_attr_setstacksize(&attr, 64 * 1024), 0);
	assert_int_equal(pthread_create(&th, &attr, deep_eval, &d), 0);
	assert_int_equal(pthread_join(th, NULL), 0);
	pthread_attr_destroy(&attr);
	assert_int_equal(d.got, yes);
	eval_free(d.ev);
}

static void test_deep_expression(void **state)
{
	struct fx *fx = *state;
	struct config c;
	struct eval *ev;
	struct expr *e;

	assert_non_null(load612(fx, "config A\n\tbool \"A\"\nconfig B\n\tbool \"B\"\n"));
	/* (((A || B) && !B) || B) ... 300,000 deep, both ways round */
	e = expr_sym(fx->t, sym_find(fx->t, "A"));
	for (int i = 0; i < 100000; i++) {
		struct expr *b = expr_sym(fx->t, sym_find(fx->t, "B"));

		e = expr_make(fx->t, E_AND, expr_make(fx->t, E_OR, e, b), expr_make(fx->t, E_NOT, b, NULL));
		e = expr_make(fx->t, E_OR, b, e);
	}
	config_of(&c, (const char *[]){ "A=y", NULL });
	ev = eval_new_config(fx->t, &c);
	assert_int_equal(eval_expr(ev, e), yes);
	eval_free(ev);
	config_release(&c);
}

/* A loop the kernel's dependency check does not see (through a range
 * bound): the symbol under way reads as its type's empty value, as in
 * sym_calc_value(), from whichever end it starts. */
static void test_range_loop(void **state)
{
	struct fx *fx = *state;
	struct users u = { { 0 }, 0, { 0 } };
	struct eval *ev;

	assert_non_null(load612(fx, "config A\n\tint \"A\"\n\trange 1 B\n"
				"config B\n\tint\n\tdefault A\n"));
	u.v[S(fx, "A")->id] = "5";
	ev = eval_new_computed(fx->t, &(struct eval_source){ .user = user_of, .ctx = &u });
	assert_string_equal(eval_sym_str(ev, S(fx, "A")), "0");	/* range 1 0 */
	assert_string_equal(eval_sym_str(ev, S(fx, "B")), "0");
	eval_forget(ev);
	assert_string_equal(eval_sym_str(ev, S(fx, "B")), "0");	/* A: 5 clamped to 0 */
	eval_free(ev);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		FX_TEST(test_config_values),
		FX_TEST(test_explanations),
		FX_TEST(test_computed_values),
		FX_TEST(test_written),
		FX_TEST(test_choice_priority),
		FX_TEST(test_callback_source),
		FX_TEST(test_long_chain_small_stack),
		FX_TEST(test_deep_expression),
		FX_TEST(test_range_loop),
	};

	unit_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
