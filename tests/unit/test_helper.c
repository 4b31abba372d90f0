/* util/helper.c: a helper sees memory shared before the fork and writes
 * to it, waits for go, hands back its whole result; one that dies (a
 * signal, an exit before its result) is a join that says so, its result
 * untouched; a helper never runs the parent's atexit handlers. */
#include "unit.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/helper.h"
#include "util/strbuf.h"

struct ctx {
	int *shared;
	char how;	/* 0 ok, 'k' SIGKILL, 'x' _exit(3) before the result, 'w' wait for go */
	size_t big;	/* result length: more than a pipe holds */
};

static void help(struct helper *h, void *arg, struct strbuf *result)
{
	struct ctx *c = arg;

	if (c->how == 'w' && !helper_wait(h))
		return;
	if (c->how == 'w')
		c->shared[1] = c->shared[0] + 1;	/* saw the parent's write before go */
	c->shared[2] = 42;
	if (c->how == 'k')
		raise(SIGKILL);
	if (c->how == 'x')
		_exit(3);
	for (size_t i = 0; i < c->big; i++)
		sb_addc(result, (char)('a' + i % 26));
	sb_adds(result, "done");
}

static int *exits;

static void at_exit(void)
{
	if (exits)
		(*exits)++;
}

static void test_result_and_shared_memory(void **state)
{
	int *sh = helper_shared(4 * sizeof(int));
	struct ctx c = { sh, 0, 200000 };
	struct strbuf res = STRBUF_INIT;
	struct helper *h;

	(void)state;
	assert_non_null(sh);
	exits = sh + 3;
	atexit(at_exit);
	h = helper_start(help, &c);
	assert_non_null(h);
	assert_true(helper_join(h, &res));
	assert_int_equal(sh[2], 42);
	assert_int_equal(res.len, 200000 + 4);
	assert_string_equal(sb_str(&res) + 200000, "done");
	assert_memory_equal(sb_str(&res), "abcdefghijklmnopqrstuvwxyzabc", 29);
	assert_int_equal(sh[3], 0);	/* its exit ran no handler of ours */
	exits = NULL;
	sb_release(&res);
	helper_unshare(sh, 4 * sizeof(int));
}

static void test_go(void **state)
{
	int *sh = helper_shared(4 * sizeof(int));
	struct ctx c = { sh, 'w', 0 };
	struct strbuf res = STRBUF_INIT;
	struct helper *h;

	(void)state;
	h = helper_start(help, &c);
	assert_non_null(h);
	usleep(20000);
	assert_int_equal(sh[2], 0);	/* still waiting */
	sh[0] = 7;
	helper_go(h);
	assert_true(helper_join(h, &res));
	assert_int_equal(sh[1], 8);
	assert_string_equal(sb_str(&res), "done");
	/* a join without go: its wait ends (false), it hands back what it has */
	memset(sh, 0, 4 * sizeof(int));
	h = helper_start(help, &c);
	sb_reset(&res);
	assert_true(helper_join(h, &res));
	assert_int_equal(sh[2], 0);
	assert_int_equal(res.len, 0);
	sb_release(&res);
	helper_unshare(sh, 4 * sizeof(int));
}

static void test_dead_helper(void **state)
{
	int *sh = helper_shared(4 * sizeof(int));
	struct strbuf res = STRBUF_INIT;

	(void)state;
	for (const char *how = "kx"; *how; how++) {
		struct ctx c = { sh, *how, 0 };
		struct helper *h;

		sh[2] = 0;	/* before the fork: the helper may write at once */
		h = helper_start(help, &c);
		assert_non_null(h);
		sb_adds(&res, "kept");
		assert_false(helper_join(h, &res));
		assert_int_equal(sh[2], 42);	/* it did run */
		assert_string_equal(sb_str(&res), "kept");
		sb_reset(&res);
	}
	sb_release(&res);
	helper_unshare(sh, 4 * sizeof(int));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_result_and_shared_memory),
		cmocka_unit_test(test_go),
		cmocka_unit_test(test_dead_helper),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
