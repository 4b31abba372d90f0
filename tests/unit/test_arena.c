/* arena.h: zeroed aligned allocations, string copies, release. */
#include "unit.h"

#include <stdalign.h>

#include "util/arena.h"

struct arena_fx {
	struct arena a;
};

static int setup(void **state)
{
	struct arena_fx *f = calloc(1, sizeof(*f));

	if (!f)
		return -1;
	arena_init(&f->a);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct arena_fx *f = *state;

	arena_release(&f->a);
	free(f);
	return 0;
}

static void test_init_is_empty(void **state)
{
	struct arena a;

	(void)state;
	memset(&a, 0xab, sizeof(a));
	arena_init(&a);
	assert_null(a.head);
	assert_int_equal(a.used, 0);
	assert_int_equal(a.cap, 0);
	assert_int_equal(a.total, 0);
	arena_release(&a);	/* releasing an empty arena is fine */
	assert_null(a.head);
}

static void test_alloc_zeroed_and_aligned(void **state)
{
	struct arena_fx *f = *state;
	const size_t align = alignof(max_align_t);

	for (size_t n = 1; n < 200; n += 7) {
		unsigned char *p = arena_alloc(&f->a, n);

		assert_non_null(p);
		assert_int_equal((uintptr_t)p % align, 0);
		for (size_t i = 0; i < n; i++)
			assert_int_equal(p[i], 0);
		memset(p, 0xff, n);	/* must not disturb the next one */
	}
}

static void test_allocations_do_not_overlap(void **state)
{
	struct arena_fx *f = *state;
	unsigned char *p[100];

	for (int i = 0; i < 100; i++) {
		p[i] = arena_alloc(&f->a, 1000);
		memset(p[i], i + 1, 1000);
	}
	/* 100 KB: spans at least two 64 KB blocks */
	for (int i = 0; i < 100; i++)
		for (int j = 0; j < 1000; j++)
			assert_int_equal(p[i][j], (unsigned char)(i + 1));
	assert_non_null(f->a.head);
}

static void test_total_counts_rounded_sizes(void **state)
{
	struct arena_fx *f = *state;
	const size_t align = alignof(max_align_t);

	arena_alloc(&f->a, 1);
	assert_int_equal(f->a.total, align);
	arena_alloc(&f->a, align);
	assert_int_equal(f->a.total, 2 * align);
	arena_alloc(&f->a, align + 1);
	assert_int_equal(f->a.total, 4 * align);
}

static void test_large_allocation(void **state)
{
	struct arena_fx *f = *state;
	size_t big = 1u << 20;	/* larger than a block */
	unsigned char *small = arena_alloc(&f->a, 16);
	unsigned char *p = arena_alloc(&f->a, big);
	unsigned char *after = arena_alloc(&f->a, 16);

	assert_non_null(p);
	assert_int_equal(p[0], 0);
	assert_int_equal(p[big - 1], 0);
	memset(p, 0x5a, big);
	assert_int_equal(small[0], 0);
	assert_int_equal(after[15], 0);
	assert_true(f->a.total >= big + 32);
}

static void test_strdup(void **state)
{
	struct arena_fx *f = *state;
	char src[] = "hello, kconfig";
	char *s = arena_strdup(&f->a, src);

	assert_string_equal(s, "hello, kconfig");
	assert_ptr_not_equal(s, src);
	src[0] = 'j';		/* a copy, not a reference */
	assert_string_equal(s, "hello, kconfig");

	s = arena_strdup(&f->a, "");
	assert_string_equal(s, "");
}

static void test_strndup(void **state)
{
	struct arena_fx *f = *state;
	char *s = arena_strndup(&f->a, "abcdef", 3);

	assert_string_equal(s, "abc");
	assert_int_equal(strlen(s), 3);
	/* n may cover an embedded terminator's worth of bytes exactly */
	s = arena_strndup(&f->a, "xyz", 3);
	assert_string_equal(s, "xyz");
	s = arena_strndup(&f->a, "xyz", 0);
	assert_string_equal(s, "");
}

static void test_release_resets(void **state)
{
	struct arena_fx *f = *state;
	char *s;

	arena_alloc(&f->a, 100);
	arena_alloc(&f->a, 200000);
	arena_release(&f->a);
	assert_null(f->a.head);
	assert_int_equal(f->a.used, 0);
	assert_int_equal(f->a.cap, 0);
	assert_int_equal(f->a.total, 0);
	/* usable again after release */
	s = arena_strdup(&f->a, "again");
	assert_string_equal(s, "again");
	assert_non_null(f->a.head);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_init_is_empty),
		cmocka_unit_test_setup_teardown(test_alloc_zeroed_and_aligned, setup, teardown),
		cmocka_unit_test_setup_teardown(test_allocations_do_not_overlap, setup, teardown),
		cmocka_unit_test_setup_teardown(test_total_counts_rounded_sizes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_large_allocation, setup, teardown),
		cmocka_unit_test_setup_teardown(test_strdup, setup, teardown),
		cmocka_unit_test_setup_teardown(test_strndup, setup, teardown),
		cmocka_unit_test_setup_teardown(test_release_resets, setup, teardown),
	};

	unit_init();
	return cmocka_run_group_tests_name("arena", tests, NULL, NULL);
}
