/* Storage and lifetime rules: argon2id hashes, history of the current and 3
 * previous passwords, 45-day validity with the injected clock, reminder,
 * temporary passwords. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "clock.h"
#include "config.h"
#include "crypto.h"
#include "../../../modules/auth/password_policy.h"
#include "../../../modules/auth/passwords.h"

/* The cheapest cost libsodium accepts keeps the tests fast. */
static struct pw_cost FAST = {1, 8192 * 1024};
static const long DAY = 86400;
/* 2027-01-10 09:00:00 UTC */
static const time_t T0 = 1799571600;

static void hash_of(const char *pw, char out[PW_HASH_MAX])
{
	assert_int_equal(pw_hash(&FAST, pw, strlen(pw), out), PW_OK);
}

static void pw_hash__then_verify__matches_only_same_password(void **state)
{
	(void)state;
	char h[PW_HASH_MAX];
	hash_of("abcde1", h);
	assert_non_null(strstr(h, "$argon2id$"));
	assert_int_equal(pw_verify(h, "abcde1", 6), PW_OK);
	assert_int_equal(pw_verify(h, "abcde2", 6), PW_MISMATCH);
	assert_int_equal(pw_verify(h, "Abcde1", 6), PW_MISMATCH);
	/* "abcde1\0x" is not "abcde1". */
	assert_int_equal(pw_verify(h, "abcde1\0x", 8), PW_MISMATCH);
}

static void pw_verify__null_or_garbage_hash__mismatch(void **state)
{
	(void)state;
	assert_int_equal(pw_verify(NULL, "abcde1", 6), PW_MISMATCH);
	assert_int_equal(pw_verify("", "abcde1", 6), PW_MISMATCH);
	assert_int_equal(pw_verify("not a hash", "abcde1", 6), PW_MISMATCH);
}

static void pw_cost_from_config__defaults__owasp_19mib_t2(void **state)
{
	(void)state;
	struct portal_config *cfg = config_new_empty();
	struct pw_cost c = pw_cost_from_config(cfg);
	assert_int_equal(c.opslimit, 2);
	assert_int_equal(c.memlimit, 19456 * 1024);
	config_set(cfg, "argon2_opslimit", "3");
	config_set(cfg, "argon2_memlimit_kib", "65536");
	c = pw_cost_from_config(cfg);
	assert_int_equal(c.opslimit, 3);
	assert_int_equal(c.memlimit, 65536 * 1024);
	config_free(cfg);
}

static void pw_needs_rehash__other_cost__true(void **state)
{
	(void)state;
	char h[PW_HASH_MAX];
	hash_of("abcde1", h);
	assert_false(pw_needs_rehash(&FAST, h));
	struct pw_cost stronger = {2, 8192 * 1024};
	assert_true(pw_needs_rehash(&stronger, h));
	assert_true(pw_needs_rehash(&FAST, NULL));
}

static void pw_matches_any__after_p1_to_p5__p2_to_p5_refused_p1_allowed(void **state)
{
	(void)state;
	/* p1..p5 set in turn: p5 is current, the history holds p4, p3, p2, p1
	 * and the rule reads the current plus the 3 most recent. */
	char h[5][PW_HASH_MAX];
	const char *pw[5] = {"premier1", "deuxieme2", "troisieme3", "quatrieme4", "cinquieme5"};
	for (int i = 0; i < 5; i++)
		hash_of(pw[i], h[i]);
	const char *checked[4] = {h[4], h[3], h[2], h[1]};
	for (int i = 1; i < 5; i++)
		assert_true(pw_matches_any(pw[i], strlen(pw[i]), checked, 4));
	assert_false(pw_matches_any(pw[0], strlen(pw[0]), checked, 4));
	assert_false(pw_matches_any("sixieme6", 8, checked, 4));
}

static void pw_matches_any__null_entries__skipped(void **state)
{
	(void)state;
	const char *none[2] = {NULL, NULL};
	assert_false(pw_matches_any("abcde1", 6, none, 2));
}

static void pw_expired__day_45_minus_one_second__valid(void **state)
{
	(void)state;
	clock_set_fixed(T0 + 45 * DAY - 1);
	assert_false(pw_expired(T0, 45, portal_now()));
	clock_set_fixed(0);
}

static void pw_expired__day_46__expired(void **state)
{
	(void)state;
	clock_set_fixed(T0 + 45 * DAY);
	assert_true(pw_expired(T0, 45, portal_now()));
	clock_set_fixed(T0 + 45 * DAY + 1);
	assert_true(pw_expired(T0, 45, portal_now()));
	clock_set_fixed(0);
}

static void pw_expired__across_daylight_saving__counts_seconds(void **state)
{
	(void)state;
	/* Set on 2027-03-01 (winter time), expiry after the 28 March switch:
	 * exactly 45 * 86400 seconds later. */
	time_t set = 1803888000;
	assert_false(pw_expired(set, 45, set + 45 * DAY - 1));
	assert_true(pw_expired(set, 45, set + 45 * DAY));
	assert_int_equal(pw_expires_at(set, 45), set + 45 * DAY);
}

static void pw_expired__never_set__expired(void **state)
{
	(void)state;
	assert_true(pw_expired(0, 45, T0));
}

static void pw_reminder_due__from_ten_days_before__shown(void **state)
{
	(void)state;
	assert_false(pw_reminder_due(T0, 45, 10, T0 + 35 * DAY - 1));
	assert_true(pw_reminder_due(T0, 45, 10, T0 + 35 * DAY));
	assert_true(pw_reminder_due(T0, 45, 10, T0 + 45 * DAY - 1));
	/* Once expired it is the forced change, no longer a reminder. */
	assert_false(pw_reminder_due(T0, 45, 10, T0 + 45 * DAY));
}

static void pw_temporary_usable__after_expiry__refused(void **state)
{
	(void)state;
	time_t expires = T0 + 24 * 3600;
	assert_true(pw_temporary_usable(expires, T0));
	assert_true(pw_temporary_usable(expires, expires - 1));
	assert_false(pw_temporary_usable(expires, expires));
	assert_false(pw_temporary_usable(0, T0));
}

static void pw_temporary__many__policy_compliant_and_distinct(void **state)
{
	(void)state;
	static const char *const words[] = {"azerty"};
	struct pp_blocklist *bl = pp_blocklist_from(words, 1);
	char prev[16] = "";
	for (int i = 0; i < 200; i++) {
		char t[16];
		pw_temporary(t, sizeof t, "claire.dumas@example.org", bl);
		assert_int_equal(strlen(t), 12);
		assert_int_equal(pp_check(t, strlen(t), "claire.dumas@example.org", bl), 0);
		assert_null(strpbrk(t, "0O1lIoc"));
		assert_string_not_equal(t, prev);
		memcpy(prev, t, sizeof prev);
	}
	pp_blocklist_free(bl);
}

static void pw_temporary__small_buffer__empty(void **state)
{
	(void)state;
	char t[8] = "x";
	pw_temporary(t, sizeof t, NULL, NULL);
	assert_string_equal(t, "");
}

static int setup(void **state)
{
	(void)state;
	return crypto_init();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(pw_hash__then_verify__matches_only_same_password),
		cmocka_unit_test(pw_verify__null_or_garbage_hash__mismatch),
		cmocka_unit_test(pw_cost_from_config__defaults__owasp_19mib_t2),
		cmocka_unit_test(pw_needs_rehash__other_cost__true),
		cmocka_unit_test(pw_matches_any__after_p1_to_p5__p2_to_p5_refused_p1_allowed),
		cmocka_unit_test(pw_matches_any__null_entries__skipped),
		cmocka_unit_test(pw_expired__day_45_minus_one_second__valid),
		cmocka_unit_test(pw_expired__day_46__expired),
		cmocka_unit_test(pw_expired__across_daylight_saving__counts_seconds),
		cmocka_unit_test(pw_expired__never_set__expired),
		cmocka_unit_test(pw_reminder_due__from_ten_days_before__shown),
		cmocka_unit_test(pw_temporary_usable__after_expiry__refused),
		cmocka_unit_test(pw_temporary__many__policy_compliant_and_distinct),
		cmocka_unit_test(pw_temporary__small_buffer__empty),
	};
	return cmocka_run_group_tests(tests, setup, NULL);
}
