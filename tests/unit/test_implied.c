/* implied.c: a select proven "never unmet" from the expressions alone must
 * be UNSAT as model_unmet_lit() on the whole model.  Directed trees for each
 * rule (and for the roundings that must stop it), then random trees over a
 * small pool of shared atoms so that the rules do fire, under both the 6.12
 * and the 6.1 choice rules. */
#include "unit.h"

#include "sat/cnf.h"
#include "sat/implied.h"
#include "sat/model.h"
#include "sat/sat.h"

struct outcome {
	unsigned proven, open_sat, open_unsat;
	unsigned red_proven, red_open;	/* redundant `depends on` conjuncts */
};

static struct kctree *load(const char *text, int kversion)
{
	struct vfile files[] = { { "Kconfig", text }, { NULL, NULL } };
	struct load_config o = { .srctree = ".", .kversion = kversion, .vfs = vfs_lookup,
			       .vfs_ctx = files };

	return kctree_load(&o, NULL);
}

/* Every conjunct of every `depends on` proven redundant: the entry's other
 * dependencies can never exceed it (lint's violation target is UNSAT). */
static void check_redundancy(struct kctree *t, struct model *m, struct sat *s, struct implied *I,
			     const char *text, struct outcome *out)
{
	struct cnf *C = model_cnf(m);
	struct menu *mn;

	menu_for_each(t, mn) {
		for (const struct dep_item *d = mn->deps; d; d = d->next) {
			exprvec cs = { 0 };

			if (d->kind != DEP_DEPENDS)
				continue;
			expr_conjuncts(d->expr, &cs);
			for (size_t k = 0; k < cs.n; k++) {
				struct expr *rest = expr_and_but(t, &cs, k);
				struct expr *c = expr_rewrite_m(t, (struct expr *)cs.v[k]);
				int om, oy, viol;

				if (!implied_dep_redundant(I, mn, d, rest, cs.v[k])) {
					out->red_open++;
					continue;
				}
				om = model_dep_without(m, mn, d, rest, false);
				oy = model_dep_without(m, mn, d, rest, true);
				viol = cnf_or(C, cnf_and(C, om, -model_expr_lit(m, c, false)),
					      cnf_and(C, oy, -model_expr_lit(m, c, true)));
				sat_assume(s, viol);
				if (sat_solve(s) != SAT_UNSAT)
					fail_msg("line %u conjunct %zu proven redundant, but it is not:\n%s",
						 d->loc.line, k, text);
				out->red_proven++;
			}
			vec_release(cs);
		}
	}
}

/* Every select of t: proven ones must be UNSAT; the others are counted by
 * what the solver says.  Fails with the tree on a wrong proof. */
static struct outcome check_tree(const char *text, int kversion)
{
	struct kctree *t = load(text, kversion);
	struct outcome out = { 0 };
	struct model *m;
	struct sat *s;
	struct implied *I;
	const struct symbol *sym;
	size_t i;

	assert_non_null(t);
	m = model_build(t, false, false);
	s = sat_new(model_cnf(m), false);
	I = implied_new(t);
	tree_for_each_sym(t, sym, i) {
		for (const struct property *p = sym->props; p; p = p->sym_next) {
			bool proven;
			enum sat_result r;

			if (p->type != P_SELECT || !p->target || !sym_is_bool_like(p->target) ||
			    (p->target->flags & SYM_CHOICEVAL) || !sym_is_bool_like(sym))
				continue;
			proven = implied_select_met(I, p);
			sat_assume(s, model_unmet_lit(m, p));
			r = sat_solve(s);
			if (proven && r != SAT_UNSAT)
				fail_msg("select %s (line %u) proven met, but the model can break it:\n%s",
					 p->target->name, p->loc.line, text);
			if (proven)
				out.proven++;
			else if (r == SAT_SAT)
				out.open_sat++;
			else
				out.open_unsat++;
		}
	}
	check_redundancy(t, m, s, I, text, &out);
	implied_free(I);
	sat_free(s);
	model_free(m);
	kctree_free(t);
	return out;
}

/* The one select of text from SEL: proven or not. */
static bool proven(const char *text)
{
	struct kctree *t = load(text, 612);
	const struct symbol *s;
	struct implied *I;
	bool r = false;

	assert_non_null(t);
	s = sym_find(t, "SEL");
	assert_non_null(s);
	I = implied_new(t);
	for (const struct property *p = s->props; p; p = p->sym_next)
		if (p->type == P_SELECT)
			r = implied_select_met(I, p);
	implied_free(I);
	kctree_free(t);
	return r;
}

#define MODULES "config MODULES\n\tbool \"modules\"\n\tmodules\n"

static void test_rules_that_prove(void **state)
{
	static const char *const met[] = {
		/* the target's dependency among the selector's own */
		MODULES "config A\n\ttristate \"a\"\nconfig B\n\ttristate \"b\"\n"
		"config SEL\n\ttristate \"s\"\n\tdepends on A && B\n\tselect X\n"
		"config X\n\ttristate\n\tdepends on B\n",
		/* ... or in the select's `if`, or its enclosing `if` block */
		MODULES "config A\n\ttristate \"a\"\nif A\nconfig SEL\n\ttristate \"s\"\n"
		"\tselect X if A\nendif\nconfig X\n\ttristate\n\tdepends on A\n",
		/* the same || on both sides (`depends on X86 || COMPILE_TEST`) */
		MODULES "config A\n\ttristate \"a\"\nconfig B\n\ttristate \"b\"\n"
		"config SEL\n\ttristate \"s\"\n\tdepends on A || B\n\tselect X\n"
		"config X\n\ttristate\n\tdepends on A || B\n",
		/* an || with one known side */
		MODULES "config A\n\ttristate \"a\"\nconfig B\n\ttristate \"b\"\n"
		"config SEL\n\ttristate \"s\"\n\tdepends on A\n\tselect X\n"
		"config X\n\ttristate\n\tdepends on A || B\n",
		/* through a bool symbol's dependencies, for a bool target
		 * (X86_32 selecting ARCH_32BIT_OFF_T, both below !64BIT) */
		"config 64BIT\n\tbool \"64-bit\"\nconfig X86_32\n\tdef_bool y\n\tdepends on !64BIT\n"
		"config SEL\n\tdef_bool y\n\tselect X if X86_32\n"
		"config X\n\tbool\n\tdepends on !64BIT\n",
		/* a select's target is at least the select */
		MODULES "config KEYS\n\tbool \"keys\"\n"
		"config SEL\n\ttristate \"s\"\n\tselect KEYS\n\tselect X\n"
		"config X\n\ttristate\n\tdepends on KEYS\n",
		/* always y: def_bool y without dependencies, and what it selects */
		MODULES "config MMU\n\tdef_bool y\n\tselect GUP\nconfig GUP\n\tbool\n"
		"config SEL\n\ttristate \"s\"\n\tselect X\n"
		"config X\n\ttristate\n\tdepends on MMU && GUP\n",
		/* !UNDEFINED */
		MODULES "config SEL\n\ttristate \"s\"\n\tselect X\n"
		"config X\n\ttristate\n\tdepends on !STACK_GROWSUP\n",
		/* one of the target's entries is enough */
		MODULES "config A\n\ttristate \"a\"\nconfig B\n\ttristate \"b\"\n"
		"config SEL\n\ttristate \"s\"\n\tdepends on A\n\tselect X\n"
		"config X\n\ttristate\n\tdepends on B\nconfig X\n\ttristate\n\tdepends on A\n",
	};
	static const char *const open[] = {
		/* A || B does not give A */
		MODULES "config A\n\ttristate \"a\"\nconfig B\n\ttristate \"b\"\n"
		"config SEL\n\ttristate \"s\"\n\tdepends on A || B\n\tselect X\n"
		"config X\n\ttristate\n\tdepends on A\n",
		/* a bool above a tristate m is y: its dependency does not bound
		 * a tristate target */
		MODULES "config B\n\ttristate \"b\"\nconfig A\n\tbool \"a\"\n\tdepends on B\n"
		"config SEL\n\ttristate \"s\"\n\tdepends on A\n\tselect X\n"
		"config X\n\ttristate\n\tdepends on B\n",
		/* a selected symbol may exceed its own dependencies */
		MODULES "config B\n\ttristate \"b\"\nconfig A\n\ttristate \"a\"\n\tdepends on B\n"
		"config OTHER\n\ttristate \"o\"\n\tselect A\n"
		"config SEL\n\ttristate \"s\"\n\tdepends on A\n\tselect X\n"
		"config X\n\ttristate\n\tdepends on B\n",
		/* a conditional select of an always-y symbol is not always y */
		MODULES "config A\n\tbool \"a\"\nconfig MMU\n\tdef_bool y\n\tselect GUP if A\n"
		"config GUP\n\tbool\nconfig SEL\n\ttristate \"s\"\n\tselect X\n"
		"config X\n\ttristate\n\tdepends on GUP\n",
		/* def_bool y with a prompt is the user's, the prompt written
		 * before the default or after it */
		MODULES "config MMU\n\tbool \"mmu\"\n\tdefault y\n"
		"config SEL\n\ttristate \"s\"\n\tselect X\n"
		"config X\n\ttristate\n\tdepends on MMU\n",
		MODULES "config EXPERT\n\tbool \"expert\"\n"
		"config MTRR\n\tdef_bool y\n\tprompt \"mtrr\" if EXPERT\n"
		"config SEL\n\ttristate \"s\"\n\tselect X\n"
		"config X\n\ttristate\n\tdepends on MTRR\n",
	};

	(void)state;
	for (size_t i = 0; i < sizeof(met) / sizeof(met[0]); i++) {
		struct outcome o = check_tree(met[i], 612);

		if (!proven(met[i]))
			fail_msg("not proven met:\n%s", met[i]);
		assert_int_equal(o.open_sat, 0);
	}
	for (size_t i = 0; i < sizeof(open) / sizeof(open[0]); i++) {
		struct outcome o = check_tree(open[i], 612);

		if (proven(open[i]))
			fail_msg("proven met, but it is not:\n%s", open[i]);
		/* and the model agrees that the select can break */
		assert_true(o.open_sat >= 1);
	}
}

static unsigned next(unsigned *seed)
{
	*seed = *seed * 1103515245u + 12345u;
	return (*seed >> 16) & 0x7fff;
}

/* One conjunct over the shared pool, earlier symbols, constants and an
 * undefined symbol. */
static void term(struct strbuf *sb, unsigned *seed, int below)
{
	switch (next(seed) % 9) {
	case 0:
		if (below > 0) {
			sb_addf(sb, "S%d", (int)(next(seed) % (unsigned)below));
			break;
		}
		/* fall through */
	case 1:
	case 2:
		sb_addf(sb, "A%d", (int)(next(seed) % 5));
		break;
	case 3:
		sb_addf(sb, "(A%d || A%d)", (int)(next(seed) % 5), (int)(next(seed) % 5));
		break;
	case 4:
		sb_addf(sb, "!A%d", (int)(next(seed) % 5));
		break;
	case 5:
		sb_adds(sb, next(seed) % 3 == 0 ? "Y0" : next(seed) % 2 ? "Y1" : "Y2");
		break;
	case 6:
		sb_adds(sb, next(seed) % 2 ? "!UNDEF" : "64BIT");
		break;
	case 7:
		sb_adds(sb, next(seed) % 2 ? "m" : "A0 = y");
		break;
	default:
		sb_addf(sb, "A%d", (int)(next(seed) % 5));
		break;
	}
}

static void conjunction(struct strbuf *sb, unsigned *seed, int below)
{
	for (int k = (int)(next(seed) % 3); k >= 0; k--) {
		term(sb, seed, below);
		if (k)
			sb_adds(sb, " && ");
	}
}

#define NSYM 40

static void random_tree(struct strbuf *sb, unsigned seed)
{
	sb_adds(sb, MODULES "config 64BIT\n\tbool \"64-bit\"\n"
		    "config Y0\n\tdef_bool y\n\tselect Y1\nconfig Y1\n\tbool\n"
		    "config Y2\n\tdef_bool y\n\tprompt \"y2\" if 64BIT\n");
	for (int a = 0; a < 5; a++)
		sb_addf(sb, "config A%d\n\t%s \"a%d\"\n", a, next(&seed) % 2 ? "bool" : "tristate", a);
	for (int i = 0; i < NSYM; i++) {
		bool block = next(&seed) % 4 == 0, choice = !block && next(&seed) % 10 == 0;
		int defs = next(&seed) % 8 == 0 ? 2 : 1;
		bool tri = !choice && next(&seed) % 2;

		if (block) {
			sb_adds(sb, "if ");
			conjunction(sb, &seed, i);
			sb_adds(sb, "\n");
		}
		if (choice) {
			sb_adds(sb, "choice\n\tprompt \"c\"\n\tdepends on ");
			conjunction(sb, &seed, i);
			sb_adds(sb, "\n");
		}
		for (int d = 0; d < defs; d++) {
			sb_addf(sb, "config S%d\n\t%s", i, tri ? "tristate" : "bool");
			if (choice || next(&seed) % 2)
				sb_addf(sb, " \"S%d\"", i);
			sb_adds(sb, "\n");
			if (!choice && next(&seed) % 3 == 0)
				sb_addf(sb, "\tdefault %s\n", next(&seed) % 2 ? "y" : "m");
			for (int k = (int)(next(&seed) % 3); k > 0 && !choice; k--) {
				sb_adds(sb, "\tdepends on ");
				conjunction(sb, &seed, i);
				sb_adds(sb, "\n");
			}
			for (int k = (int)(next(&seed) % 4); k > 0 && i + 1 < NSYM; k--) {
				int to = i + 1 + (int)(next(&seed) % (unsigned)(NSYM - i - 1));

				sb_addf(sb, "\t%s S%d", next(&seed) % 5 ? "select" : "imply", to);
				if (next(&seed) % 3 == 0) {
					sb_adds(sb, " if ");
					conjunction(sb, &seed, i);
				}
				sb_adds(sb, "\n");
			}
		}
		if (choice) {
			sb_addf(sb, "config S%dB\n\tbool \"S%dB\"\nendchoice\n", i, i);
		}
		if (block)
			sb_adds(sb, "endif\n");
	}
}

static void test_random_trees(void **state)
{
	struct outcome all = { 0 };

	(void)state;
	for (unsigned seed = 1; seed <= 150; seed++) {
		for (int kv = 0; kv < 2; kv++) {
			struct strbuf text = STRBUF_INIT;
			struct outcome o;

			random_tree(&text, seed);
			o = check_tree(sb_str(&text), kv ? 601 : 612);
			all.proven += o.proven;
			all.open_sat += o.open_sat;
			all.open_unsat += o.open_unsat;
			all.red_proven += o.red_proven;
			all.red_open += o.red_open;
			sb_release(&text);
		}
	}
	print_message("implied: %u selects proven met, %u left to the solver (%u unmet, %u met); "
		      "%u conjuncts proven redundant, %u left\n",
		      all.proven, all.open_sat + all.open_unsat, all.open_sat, all.open_unsat,
		      all.red_proven, all.red_open);
	/* not vacuous: the rules fire, and unmet selects do occur */
	assert_true(all.proven > 500);
	assert_true(all.open_sat > 100);
	assert_true(all.red_proven > 200);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rules_that_prove),
		cmocka_unit_test(test_random_trees),
	};

	unit_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
