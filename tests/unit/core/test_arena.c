/* arena_buf: what is put comes back in order, NUL-terminated, across the
 * doublings of its capacity. arena_reset keeps a request's blocks for the
 * next one, within a bound. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "arena.h"

static int setup(void **state)
{
	*state = arena_new();
	return 0;
}

static int teardown(void **state)
{
	arena_free(*state);
	return 0;
}

static void buf__empty_put__empty_string(void **state)
{
	struct arena_buf b = {.arena = *state};
	arena_buf_put(&b, "", 0);
	assert_non_null(b.p);
	assert_int_equal(b.len, 0);
	assert_string_equal(b.p, "");
}

static void buf__many_pieces__all_in_order_through_growth(void **state)
{
	struct arena_buf b = {.arena = *state};
	char expect[70000];
	size_t n = 0;
	for (int i = 0; n + 16 < sizeof expect; i++) {
		char piece[16];
		int len = snprintf(piece, sizeof piece, "%d;", i);
		arena_buf_put(&b, piece, (size_t)len);
		memcpy(expect + n, piece, (size_t)len);
		n += (size_t)len;
		arena_buf_putc(&b, 'x');
		expect[n++] = 'x';
	}
	expect[n] = '\0';
	assert_int_equal(b.len, n);
	assert_true(b.cap > b.len);
	assert_string_equal(b.p, expect);
}

static void buf__reserve__no_copy_until_full(void **state)
{
	struct arena_buf b = {.arena = *state};
	arena_buf_reserve(&b, 1000);
	char *first = b.p;
	assert_true(b.cap > 1000);
	char block[1000];
	memset(block, 'a', sizeof block);
	arena_buf_put(&b, block, sizeof block);
	assert_ptr_equal(b.p, first);
	assert_int_equal(b.p[1000], '\0');
}

static void reset__big_block__used_again(void **state)
{
	struct arena *a = *state;
	char *small = arena_alloc(a, 100);
	char *big = arena_alloc(a, 200 * 1024);
	memset(big, 'x', 200 * 1024);
	arena_reset(a);
	/* the first block stays the head, the big one is reused as it is */
	assert_ptr_equal(arena_alloc(a, 100), small);
	assert_ptr_equal(arena_alloc(a, 150 * 1024), big);
	/* a bigger need than any spare block: a new one */
	char *bigger = arena_alloc(a, 400 * 1024);
	assert_true(bigger < big || bigger >= big + 200 * 1024);
}

static void reset__many_blocks__spares_bounded(void **state)
{
	struct arena *a = *state;
	char *blocks[8];
	for (int round = 0; round < 3; round++) {
		for (int i = 0; i < 8; i++) {
			blocks[i] = arena_alloc(a, 300 * 1024);
			memset(blocks[i], i, 300 * 1024);
		}
		arena_reset(a);
	}
	/* 1 MiB of spares at most: three of the 300 KiB blocks are kept */
	int reused = 0;
	for (int i = 0; i < 8; i++) {
		char *p = arena_alloc(a, 300 * 1024);
		for (int j = 0; j < 8; j++)
			reused += p == blocks[j];
	}
	assert_int_equal(reused, 3);
}

static void memdup__bytes_with_nuls__copied_apart(void **state)
{
	struct arena *a = *state;
	unsigned char src[] = {0x89, 'P', 0, 'N', 0, 'G'};
	unsigned char *copy = arena_memdup(a, src, sizeof src);
	assert_ptr_not_equal(copy, src);
	assert_memory_equal(copy, src, sizeof src);
	src[0] = 0;
	assert_int_equal(copy[0], 0x89);
	assert_non_null(arena_memdup(a, NULL, 0));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(buf__empty_put__empty_string, setup, teardown),
		cmocka_unit_test_setup_teardown(buf__many_pieces__all_in_order_through_growth, setup, teardown),
		cmocka_unit_test_setup_teardown(buf__reserve__no_copy_until_full, setup, teardown),
		cmocka_unit_test_setup_teardown(reset__big_block__used_again, setup, teardown),
		cmocka_unit_test_setup_teardown(reset__many_blocks__spares_bounded, setup, teardown),
		cmocka_unit_test_setup_teardown(memdup__bytes_with_nuls__copied_apart, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
