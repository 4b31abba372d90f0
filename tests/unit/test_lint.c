/* lint round 1: the answers settled on cone models (what random solutions
 * of the whole model leave open) must be the answers of the whole model.
 * Random acyclic trees, every check on, facts compared line by line. */
#include "unit.h"

#include <stdlib.h>
#include <string.h>

#include "check/lint.h"
#include "util/strbuf.h"

#define NSYM 60

static struct kctree *load(const char *text)
{
	struct vfile files[] = { { "Kconfig", text }, { NULL, NULL } };
	struct load_config o = { .srctree = ".", .kversion = 612, .vfs = vfs_lookup, .vfs_ctx = files };

	return kctree_load(&o, NULL);
}

static unsigned next(unsigned *seed)
{
	*seed = *seed * 1103515245u + 12345u;
	return (*seed >> 16) & 0x7fff;
}

/* A random expression over symbols below `below` (deps point down, selects
 * point up: no loops). */
static void expr(struct strbuf *sb, unsigned *seed, int below, int depth)
{
	int k = (int)(next(seed) % 6);

	if (below < 1 || (depth > 1 && k < 4) || k < 2) {
		if (below < 1 || next(seed) % 8 == 0)
			sb_adds(sb, next(seed) % 2 ? "64BIT" : "MODULES");
		else
			sb_addf(sb, "S%d", (int)(next(seed) % (unsigned)below));
		return;
	}
	if (k == 2) {
		sb_adds(sb, "!");
		expr(sb, seed, below, depth + 1);
		return;
	}
	sb_adds(sb, "(");
	expr(sb, seed, below, depth + 1);
	sb_adds(sb, k == 3 ? " || " : " && ");
	expr(sb, seed, below, depth + 1);
	sb_adds(sb, ")");
}

static void random_tree(struct strbuf *sb, unsigned seed)
{
	sb_adds(sb, "config MODULES\n\tbool \"modules\"\n\tmodules\n"
		    "config 64BIT\n\tbool \"64-bit\"\n");
	for (int i = 0; i < NSYM; i++) {
		bool tri = next(&seed) % 2;

		sb_addf(sb, "config S%d\n\t%s", i, tri ? "tristate" : "bool");
		if (next(&seed) % 3)
			sb_addf(sb, " \"S%d\"", i);
		sb_adds(sb, "\n");
		for (int d = (int)(next(&seed) % 3); d > 0; d--) {
			sb_adds(sb, "\tdepends on ");
			expr(sb, &seed, i, 0);
			if (next(&seed) % 3 == 0) {	/* a conjunction, for redundancy */
				sb_adds(sb, " && ");
				expr(sb, &seed, i, 1);
			}
			sb_adds(sb, "\n");
		}
		if (next(&seed) % 2) {
			sb_adds(sb, "\tdefault ");
			if (next(&seed) % 2)
				sb_adds(sb, next(&seed) % 2 ? "y" : "m");
			else
				expr(sb, &seed, i, 1);
			if (next(&seed) % 2) {
				sb_adds(sb, " if ");
				expr(sb, &seed, i, 1);
			}
			sb_adds(sb, "\n");
		}
		for (int k = (int)(next(&seed) % 3); k > 0 && i + 1 < NSYM; k--) {
			int to = i + 1 + (int)(next(&seed) % (unsigned)(NSYM - i - 1));

			sb_addf(sb, "\t%s S%d", next(&seed) % 4 ? "select" : "imply", to);
			if (next(&seed) % 3 == 0) {
				sb_adds(sb, " if ");
				expr(sb, &seed, i, 1);
			}
			sb_adds(sb, "\n");
		}
	}
}

/* Facts without times, and unmet selects without the solution they were
 * read from (two solvers may show the same select with different values). */
static void normalise(const char *in, struct strbuf *out)
{
	const char *line = in;

	while (*line) {
		const char *end = strchr(line, '\n');
		size_t len = end ? (size_t)(end - line) : strlen(line), n = len;

		if (strncmp(line, "time\t", 5)) {
			if (!strncmp(line, "unmet\t", 6)) {
				const char *p = line;

				/* kind, file, line, sym, target, efile, eline */
				for (int f = 0; f < 7 && p; f++)
					p = memchr(p + 1, '\t', len - (size_t)(p + 1 - line));
				if (p)
					n = (size_t)(p - line);
			}
			sb_addf(out, "%.*s\n", (int)n, line);
		}
		line += len + (end ? 1 : 0);
	}
}

static void facts(struct kctree *t, bool whole, struct strbuf *out)
{
	struct lint_options lo = { .enabled = LINT_ALL_CHECKS, .whole_model = whole };
	struct lint *L = lint_new(&lo);
	struct strbuf raw = STRBUF_INIT;

	lint_tree_facts(L, t, "tree", &raw);
	lint_free(L);
	normalise(sb_str(&raw), out);
	sb_release(&raw);
}

static void test_cones_answer_like_the_whole_model(void **state)
{
	unsigned checked = 0, lines = 0;

	(void)state;
	for (unsigned seed = 1; seed <= 100; seed++) {
		struct strbuf text = STRBUF_INIT, a = STRBUF_INIT, b = STRBUF_INIT;
		struct kctree *t;

		random_tree(&text, seed);
		t = load(sb_str(&text));
		assert_non_null(t);
		facts(t, false, &a);
		facts(t, true, &b);
		if (strcmp(sb_str(&a), sb_str(&b)) && getenv("KCSAT_TEST_DUMP")) {
			FILE *f = fopen(getenv("KCSAT_TEST_DUMP"), "w");

			fprintf(f, "--- cones\n%s--- whole\n%s--- tree\n%s", sb_str(&a), sb_str(&b),
				sb_str(&text));
			fclose(f);
		}
		if (strcmp(sb_str(&a), sb_str(&b)))
			fail_msg("seed %u: cone answers differ\n--- cones\n%s--- whole\n%s\n--- tree\n%s",
				 seed, sb_str(&a), sb_str(&b), sb_str(&text));
		for (const char *p = sb_str(&a); (p = strchr(p, '\n')); p++)
			lines++;
		checked++;
		kctree_free(t);
		sb_release(&text);
		sb_release(&a);
		sb_release(&b);
	}
	assert_int_equal(checked, 100);
	assert_true(lines > 100 * 3);	/* the trees do have findings */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cones_answer_like_the_whole_model),
	};

	unit_init();
	return cmocka_run_group_tests_name("lint", tests, NULL, NULL);
}
