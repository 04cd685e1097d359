/* The worker's session copies: found only for the same token hash and day,
 * strings copied both ways, the least recently used slot replaced. Whether a
 * copy is still current is the database's answer (tests/integration). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "arena.h"
#include "session_cache.h"

static int setup(void **state)
{
	*state = arena_new();
	session_cache_clear();
	return 0;
}

static int teardown(void **state)
{
	arena_free(*state);
	session_cache_clear();
	return 0;
}

static void hash_of(int n, unsigned char hash[32])
{
	memset(hash, 0, 32);
	memcpy(hash, &n, sizeof n);
}

static struct session_snapshot snapshot(long long id, const char *login, const char *email)
{
	struct session_snapshot snap;
	memset(&snap, 0, sizeof snap);
	snap.s.id = id;
	snap.s.account_id = id * 10;
	snap.s.login = login;
	snap.s.account_kind = "partner";
	snap.s.email = email;
	snprintf(snap.s.csrf, sizeof snap.s.csrf, "csrf-%lld", id);
	snap.s.caps = 0x15;
	snap.version = 7;
	return snap;
}

static void get__after_put__same_fields_and_version(void **state)
{
	unsigned char h[32];
	hash_of(1, h);
	char login[] = "ENF0780004";
	char email[] = "hélène.vasseur@example.org";
	struct session_snapshot in = snapshot(42, login, email);
	in.s.flash_kind = "success"; /* a cookie of that request: not kept */
	in.s.flash_message = "Données enregistrées.";
	session_cache_put(h, "2026-12-02", &in);
	memset(login, 'X', sizeof login - 1); /* the cache kept its own copy */
	memset(email, 'X', sizeof email - 1);

	struct session_snapshot out;
	assert_int_equal(session_cache_get(*state, h, "2026-12-02", &out), 1);
	assert_int_equal(out.s.id, 42);
	assert_int_equal(out.s.account_id, 420);
	assert_string_equal(out.s.login, "ENF0780004");
	assert_string_equal(out.s.email, "hélène.vasseur@example.org");
	assert_null(out.s.flash_kind);
	assert_null(out.s.flash_message);
	assert_string_equal(out.s.csrf, "csrf-42");
	assert_int_equal(out.s.caps, 0x15);
	assert_int_equal(out.version, 7);
	assert_null(out.s.first_name);
}

static void get__returned_strings__caller_may_not_reach_the_cache(void **state)
{
	unsigned char h[32];
	hash_of(1, h);
	struct session_snapshot in = snapshot(1, "ENF0780004", "Bravo");
	session_cache_put(h, "2026-12-02", &in);
	struct session_snapshot out;
	assert_int_equal(session_cache_get(*state, h, "2026-12-02", &out), 1);
	((char *)out.s.login)[0] = 'Z';
	assert_int_equal(session_cache_get(*state, h, "2026-12-02", &out), 1);
	assert_string_equal(out.s.login, "ENF0780004");
}

static void get__other_hash__not_found(void **state)
{
	unsigned char h[32], other[32];
	hash_of(1, h);
	hash_of(2, other);
	struct session_snapshot in = snapshot(1, "a", NULL);
	session_cache_put(h, "2026-12-02", &in);
	struct session_snapshot out;
	assert_int_equal(session_cache_get(*state, other, "2026-12-02", &out), 0);
}

static void get__next_day__not_found_and_forgotten(void **state)
{
	unsigned char h[32];
	hash_of(1, h);
	struct session_snapshot in = snapshot(1, "a", NULL);
	session_cache_put(h, "2026-12-02", &in);
	struct session_snapshot out;
	assert_int_equal(session_cache_get(*state, h, "2026-12-03", &out), 0);
	assert_int_equal(session_cache_get(*state, h, "2026-12-02", &out), 0);
}

static void drop__then_get__not_found(void **state)
{
	unsigned char h[32];
	hash_of(1, h);
	struct session_snapshot in = snapshot(1, "a", NULL);
	session_cache_put(h, "2026-12-02", &in);
	session_cache_drop(h);
	struct session_snapshot out;
	assert_int_equal(session_cache_get(*state, h, "2026-12-02", &out), 0);
}

static void put__same_hash_again__replaced(void **state)
{
	unsigned char h[32];
	hash_of(1, h);
	struct session_snapshot in = snapshot(1, "a", "first");
	session_cache_put(h, "2026-12-02", &in);
	in = snapshot(1, "a", NULL);
	in.version = 8;
	session_cache_put(h, "2026-12-02", &in);
	struct session_snapshot out;
	assert_int_equal(session_cache_get(*state, h, "2026-12-02", &out), 1);
	assert_int_equal(out.version, 8);
	assert_null(out.s.email);
}

static void put__one_more_than_the_slots__least_recently_used_replaced(void **state)
{
	unsigned char h[32];
	struct session_snapshot out;
	for (int i = 0; i < SESSION_CACHE_SLOTS; i++) {
		hash_of(i, h);
		struct session_snapshot in = snapshot(i, "a", NULL);
		session_cache_put(h, "2026-12-02", &in);
	}
	hash_of(0, h); /* 0 used again: 1 is now the oldest */
	assert_int_equal(session_cache_get(*state, h, "2026-12-02", &out), 1);
	hash_of(SESSION_CACHE_SLOTS, h);
	struct session_snapshot in = snapshot(SESSION_CACHE_SLOTS, "a", NULL);
	session_cache_put(h, "2026-12-02", &in);

	hash_of(1, h);
	assert_int_equal(session_cache_get(*state, h, "2026-12-02", &out), 0);
	for (int i = 0; i <= SESSION_CACHE_SLOTS; i++) {
		if (i == 1)
			continue;
		hash_of(i, h);
		assert_int_equal(session_cache_get(*state, h, "2026-12-02", &out), 1);
		assert_int_equal(out.s.id, i);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(get__after_put__same_fields_and_version, setup, teardown),
		cmocka_unit_test_setup_teardown(get__returned_strings__caller_may_not_reach_the_cache, setup, teardown),
		cmocka_unit_test_setup_teardown(get__other_hash__not_found, setup, teardown),
		cmocka_unit_test_setup_teardown(get__next_day__not_found_and_forgotten, setup, teardown),
		cmocka_unit_test_setup_teardown(drop__then_get__not_found, setup, teardown),
		cmocka_unit_test_setup_teardown(put__same_hash_again__replaced, setup, teardown),
		cmocka_unit_test_setup_teardown(put__one_more_than_the_slots__least_recently_used_replaced, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
