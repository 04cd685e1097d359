/* The flash cookie: given back only to the session whose CSRF token made
 * it, unchanged, with one of the four kinds; anything else is refused. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "arena.h"
#include "crypto.h"
#include "flash.h"
#include "session.h"

static const char TOKEN[] = "q3Zc9yE1mJb3vS0l2kQ8n4RrXo7tWf5uH6aPd0gLz1c";
static const char OTHER[] = "Q3Zc9yE1mJb3vS0l2kQ8n4RrXo7tWf5uH6aPd0gLz1c";

static int setup(void **state)
{
	if (crypto_init() != 0)
		return -1;
	*state = arena_new();
	return 0;
}

static int teardown(void **state)
{
	arena_free(*state);
	return 0;
}

static void decode__own_cookie__same_kind_and_message(void **state)
{
	const char *msg = "Données enregistrées pour « Les Lucioles » : 3 champs.\nFin.";
	char *v = flash_encode(*state, TOKEN, "success", msg);
	assert_non_null(v);
	const char *kind, *message;
	assert_int_equal(flash_decode(*state, TOKEN, v, &kind, &message), 1);
	assert_string_equal(kind, "success");
	assert_string_equal(message, msg);
}

static void decode__other_session_token__refused(void **state)
{
	char *v = flash_encode(*state, TOKEN, "info", "Bonjour");
	const char *kind, *message;
	assert_int_equal(flash_decode(*state, OTHER, v, &kind, &message), 0);
	assert_int_equal(flash_decode(*state, "", v, &kind, &message), 0);
}

static void decode__message_changed__refused(void **state)
{
	char *v = flash_encode(*state, TOKEN, "info", "Bonjour");
	const char *kind, *message;
	v[2] = v[2] == 'A' ? 'B' : 'A';
	assert_int_equal(flash_decode(*state, TOKEN, v, &kind, &message), 0);
}

static void decode__mac_changed_or_cut__refused(void **state)
{
	char *v = flash_encode(*state, TOKEN, "error", "Erreur");
	const char *kind, *message;
	size_t n = strlen(v);
	v[n - 1] = v[n - 1] == 'A' ? 'B' : 'A';
	assert_int_equal(flash_decode(*state, TOKEN, v, &kind, &message), 0);
	v[n - 5] = '\0';
	assert_int_equal(flash_decode(*state, TOKEN, v, &kind, &message), 0);
}

static void decode__junk__refused(void **state)
{
	const char *junk[] = {"", ".", "abc", "a.b", "....", "%%%.%%%", "YWJj.", ".YWJj"};
	const char *kind, *message;
	for (size_t i = 0; i < sizeof junk / sizeof *junk; i++)
		assert_int_equal(flash_decode(*state, TOKEN, junk[i], &kind, &message), 0);
	assert_int_equal(flash_decode(*state, TOKEN, NULL, &kind, &message), 0);
}

static void encode__unknown_kind__none(void **state)
{
	assert_null(flash_encode(*state, TOKEN, "alert", "x"));
	assert_null(flash_encode(*state, TOKEN, "", "x"));
	assert_null(flash_encode(*state, "", "info", "x"));
}

static void encode__longest_message__a_cookie_the_request_parser_keeps(void **state)
{
	/* SESSION_FLASH_MAX characters of four bytes each, the worst case */
	char msg[SESSION_FLASH_MAX * 4 + 1];
	for (size_t i = 0; i < SESSION_FLASH_MAX; i++)
		memcpy(msg + 4 * i, "\xF0\x9F\x98\x80", 4);
	msg[sizeof msg - 1] = '\0';
	char *v = flash_encode(*state, TOKEN, "warning", msg);
	assert_non_null(v);
	assert_true(strlen(v) <= 4096);
	assert_int_equal(strspn(v, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
				   "0123456789-_."),
			 strlen(v));
	const char *kind, *message;
	assert_int_equal(flash_decode(*state, TOKEN, v, &kind, &message), 1);
	assert_string_equal(message, msg);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(decode__own_cookie__same_kind_and_message, setup, teardown),
		cmocka_unit_test_setup_teardown(decode__other_session_token__refused, setup, teardown),
		cmocka_unit_test_setup_teardown(decode__message_changed__refused, setup, teardown),
		cmocka_unit_test_setup_teardown(decode__mac_changed_or_cut__refused, setup, teardown),
		cmocka_unit_test_setup_teardown(decode__junk__refused, setup, teardown),
		cmocka_unit_test_setup_teardown(encode__unknown_kind__none, setup, teardown),
		cmocka_unit_test_setup_teardown(encode__longest_message__a_cookie_the_request_parser_keeps, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
