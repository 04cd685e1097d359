/* libsodium wrappers (tokens, SHA-256, constant-time compare, uniform
 * draws) and the arena and kv lists they and the parser rely on. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "arena.h"
#include "crypto.h"
#include "kv.h"

static int setup(void **state)
{
	(void)state;
	return crypto_init();
}

static void crypto_random_token__32_bytes__43_base64url_chars(void **state)
{
	(void)state;
	char a[64], b[64];
	crypto_random_token(a, sizeof a, 32);
	crypto_random_token(b, sizeof b, 32);
	assert_int_equal(strlen(a), 43);
	assert_int_equal(strspn(a, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
				   "0123456789-_"),
			 43);
	assert_string_not_equal(a, b);
	char c[32];
	crypto_random_token(c, sizeof c, 12);
	assert_int_equal(strlen(c), 16);
}

static void crypto_sha256_hex__abc__known_vector(void **state)
{
	(void)state;
	char hex[65];
	crypto_sha256_hex("abc", 3, hex);
	assert_string_equal(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	crypto_sha256_hex("", 0, hex);
	assert_string_equal(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	unsigned char raw[32];
	crypto_sha256("abc", 3, raw);
	assert_int_equal(raw[0], 0xba);
	assert_int_equal(raw[31], 0xad);
}

static void crypto_str_equal__table__exact_match_only(void **state)
{
	(void)state;
	assert_true(crypto_str_equal("tok", "tok"));
	assert_true(crypto_str_equal("", ""));
	assert_false(crypto_str_equal("tok", "toK"));
	assert_false(crypto_str_equal("tok", "tok2"));
	assert_false(crypto_str_equal("tok", ""));
	assert_false(crypto_str_equal(NULL, "tok"));
	assert_false(crypto_str_equal("tok", NULL));
}

static void crypto_random_uniform__range__in_bounds_and_spread(void **state)
{
	(void)state;
	int seen[10] = {0};
	for (int i = 0; i < 2000; i++) {
		uint32_t v = crypto_random_uniform(10);
		assert_true(v < 10);
		seen[v]++;
	}
	for (int i = 0; i < 10; i++)
		assert_true(seen[i] > 100); /* expected 200 each */
	assert_int_equal(crypto_random_uniform(1), 0);
	assert_int_equal(crypto_random_uniform(0), 0);
}

static void arena_alloc__many_and_large__aligned_and_reset(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	for (int round = 0; round < 3; round++) {
		for (int i = 1; i < 500; i++) {
			char *p = arena_alloc(a, (size_t)i * 7);
			assert_int_equal((uintptr_t)p % 16, 0);
			memset(p, 'x', (size_t)i * 7); /* ASan checks the bounds */
		}
		char *big = arena_zalloc(a, 1 << 20);
		assert_int_equal(big[0], 0);
		assert_int_equal(big[(1 << 20) - 1], 0);
		arena_reset(a);
	}
	assert_string_equal(arena_printf(a, "%s-%d", "réf", 42), "réf-42");
	assert_string_equal(arena_strndup(a, "abcdef", 3), "abc");
	assert_string_equal(arena_strndup(a, "ab", 10), "ab");
	assert_string_equal(arena_strdup(a, ""), "");
	arena_free(a);
}

static void kv_get_nth__repeated_names__in_order(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct kv_list l = {0};
	for (int i = 0; i < 50; i++) /* grows several times */
		kv_add(a, &l, i % 2 ? "odd" : "even", arena_printf(a, "%d", i), 1);
	assert_int_equal(l.count, 50);
	assert_int_equal(kv_count(&l, "odd"), 25);
	assert_string_equal(kv_get(&l, "odd"), "1");
	assert_string_equal(kv_get_nth(&l, "even", 3), "6");
	assert_null(kv_get_nth(&l, "even", 25));
	assert_null(kv_get(&l, "none"));
	assert_int_equal(kv_count(&l, "none"), 0);
	arena_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(crypto_random_token__32_bytes__43_base64url_chars),
		cmocka_unit_test(crypto_sha256_hex__abc__known_vector),
		cmocka_unit_test(crypto_str_equal__table__exact_match_only),
		cmocka_unit_test(crypto_random_uniform__range__in_bounds_and_spread),
		cmocka_unit_test(arena_alloc__many_and_large__aligned_and_reset),
		cmocka_unit_test(kv_get_nth__repeated_names__in_order),
	};
	return cmocka_run_group_tests(tests, setup, NULL);
}
