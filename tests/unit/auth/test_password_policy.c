/* Password rules: the seeds' (6-20, lowercase, digit, confirmation) and
 * SECURITY.md's cases (code points, NUL, e-mail, blocklist). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "../../../modules/auth/password_policy.h"

static const char *const WORDS[] = {"azerty", "motdepasse", "caf", "partenaire", "password"};
static struct pp_blocklist *BL;

static unsigned check(const char *pw)
{
	return pp_check(pw, strlen(pw), NULL, BL);
}

static void pp_check__six_chars_lower_digit__accepted(void **state)
{
	(void)state;
	assert_int_equal(check("abcde1"), 0);
}

static void pp_check__five_chars__length_refused(void **state)
{
	(void)state;
	assert_int_equal(check("abcd1"), PP_LENGTH);
}

static void pp_check__twenty_chars__accepted_twenty_one_refused(void **state)
{
	(void)state;
	assert_int_equal(check("abcdefghijklmnopqrs1"), 0);	 /* 20 */
	assert_int_equal(check("abcdefghijklmnopqrst1"), PP_LENGTH); /* 21 */
}

static void pp_check__uppercase_only__no_lower_refused(void **state)
{
	(void)state;
	assert_int_equal(check("ABCDEF1"), PP_NO_LOWER);
}

static void pp_check__letters_only__no_digit_refused(void **state)
{
	(void)state;
	assert_int_equal(check("abcdefg"), PP_NO_DIGIT);
}

static void pp_check__digits_only__no_lower_refused(void **state)
{
	(void)state;
	assert_true(check("123456") & PP_NO_LOWER);
}

static void pp_check__accented__counts_code_points(void **state)
{
	(void)state;
	/* "ééééé1" is 11 bytes but 6 characters, and é is a lowercase letter. */
	assert_int_equal(check("\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9" "1"), 0);
	assert_int_equal(check("\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9" "1"), PP_LENGTH);
	/* 20 two-byte characters (40 bytes) are still 20 characters. */
	char buf[64] = "";
	for (int i = 0; i < 19; i++)
		strcat(buf, "\xc3\xa8");
	strcat(buf, "7");
	assert_int_equal(check(buf), 0);
}

static void pp_check__accented_uppercase_only__no_lower_refused(void **state)
{
	(void)state;
	assert_int_equal(check("\xc3\x89\xc3\x89\xc3\x89\xc3\x89\xc3\x89" "1"), PP_NO_LOWER); /* ÉÉÉÉÉ1 */
}

static void pp_check__invalid_utf8__refused(void **state)
{
	(void)state;
	assert_int_equal(check("abcde1\xff"), PP_INVALID);
	assert_int_equal(check("abcde1\xc3"), PP_INVALID);	 /* truncated */
	assert_int_equal(check("abc\xc0\xaf" "de1"), PP_INVALID); /* overlong '/' */
	assert_int_equal(check("abc\xed\xa0\x80" "de1"), PP_INVALID); /* surrogate */
}

static void pp_check__embedded_nul__refused_not_truncated(void **state)
{
	(void)state;
	/* "abc1\0xyz" is not "abc1": the whole input counts, and NUL is refused. */
	assert_int_equal(pp_check("abc1\0xyz", 8, NULL, BL), PP_INVALID);
}

static void pp_check__control_character__refused(void **state)
{
	(void)state;
	assert_int_equal(check("abcde1\n"), PP_INVALID);
}

static void pp_check__spaces_and_case__kept(void **state)
{
	(void)state;
	assert_int_equal(check("ab cd 1"), 0);
	assert_int_equal(check("ABCDEf1"), 0);
}

static void pp_check__over_max_bytes__refused_before_decoding(void **state)
{
	(void)state;
	char big[200];
	memset(big, 'a', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	assert_int_equal(pp_check(big, strlen(big), NULL, BL), PP_LENGTH);
	assert_int_equal(pp_check(NULL, 0, NULL, BL), PP_LENGTH);
}

static void pp_check__email_local_part__refused(void **state)
{
	(void)state;
	const char *email = "claire.dumas@example.org";
	assert_int_equal(pp_check("claire.dumas1", 13, email, BL), PP_HAS_EMAIL);
	assert_int_equal(pp_check("xCLAIRE.DUMAS9", 14, email, BL), PP_HAS_EMAIL);
	assert_int_equal(pp_check("dumas2024x", 10, email, BL), PP_HAS_EMAIL);
	/* The whole address as the password: refused too. */
	assert_true(pp_check(email, strlen(email), email, BL) & PP_HAS_EMAIL);
	assert_int_equal(pp_check("pivoine47", 9, email, BL), 0);
}

static void pp_check__short_local_part_piece__not_matched(void **state)
{
	(void)state;
	/* "jm" is too short to refuse every password that holds it. */
	assert_int_equal(pp_check("jmlamer47", 9, "jm@example.org", BL), 0);
}

static void pp_check__blocklist__refused_with_digits_around(void **state)
{
	(void)state;
	assert_int_equal(check("azerty1"), PP_COMMON);
	assert_int_equal(check("Azerty123"), PP_COMMON);
	assert_int_equal(check("caf2024"), PP_COMMON);
	assert_int_equal(check("!partenaire1"), PP_COMMON);
	assert_int_equal(check("motdepasse9"), PP_COMMON);
	assert_int_equal(check("cafeine77"), 0);
}

static void pp_check__several_rules__all_reported(void **state)
{
	(void)state;
	assert_int_equal(check("ABC"), PP_LENGTH | PP_NO_LOWER | PP_NO_DIGIT);
}

static void pp_confirm_equal__differs__false(void **state)
{
	(void)state;
	assert_true(pp_confirm_equal("abcde1", "abcde1"));
	assert_false(pp_confirm_equal("abcde1", "abcde2"));
	assert_false(pp_confirm_equal("abcde1", "Abcde1"));
	assert_false(pp_confirm_equal("abcde1", NULL));
}

static void pp_message__every_rule__french_text(void **state)
{
	(void)state;
	for (unsigned bit = 1; bit <= PP_REUSED; bit <<= 1) {
		const char *m = pp_message((enum pp_rule)bit);
		assert_non_null(m);
		assert_true(strlen(m) > 20);
	}
	assert_non_null(strstr(pp_message(PP_LENGTH), "entre 6 et 20"));
	assert_non_null(strstr(pp_message(PP_REUSED), "3 précédents"));
}

static void pp_is_lower__latin_letters__classified(void **state)
{
	(void)state;
	assert_true(pp_is_lower('a'));
	assert_false(pp_is_lower('A'));
	assert_true(pp_is_lower(0xE9));	 /* é */
	assert_false(pp_is_lower(0xC9)); /* É */
	assert_true(pp_is_lower(0x153)); /* œ */
	assert_false(pp_is_lower(0x152)); /* Œ */
	assert_true(pp_is_lower(0xE7));	 /* ç */
	assert_false(pp_is_lower(0xF7)); /* ÷ */
	assert_false(pp_is_lower('1'));
}

static void pp_blocklist_load__shipped_file__has_common_words(void **state)
{
	(void)state;
	struct pp_blocklist *b = pp_blocklist_load("modules/auth/password-blocklist.txt");
	assert_non_null(b);
	assert_true(b->count > 100);
	assert_true(pp_blocklist_has(b, "azerty"));
	assert_true(pp_blocklist_has(b, "password"));
	assert_true(pp_blocklist_has(b, "caf"));
	assert_true(pp_blocklist_has(b, "partenaire"));
	assert_false(pp_blocklist_has(b, "# context words of this portal"));
	/* The seeds' example passwords stay allowed. */
	assert_int_equal(pp_check("abcde1", 6, NULL, b), 0);
	assert_int_equal(pp_check("Hibou-matin24", 13, "claire.dumas@example.org", b), 0);
	pp_blocklist_free(b);
	assert_null(pp_blocklist_load("/nonexistent/blocklist"));
}

static int setup(void **state)
{
	(void)state;
	BL = pp_blocklist_from(WORDS, sizeof WORDS / sizeof WORDS[0]);
	return BL ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	pp_blocklist_free(BL);
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(pp_check__six_chars_lower_digit__accepted),
		cmocka_unit_test(pp_check__five_chars__length_refused),
		cmocka_unit_test(pp_check__twenty_chars__accepted_twenty_one_refused),
		cmocka_unit_test(pp_check__uppercase_only__no_lower_refused),
		cmocka_unit_test(pp_check__letters_only__no_digit_refused),
		cmocka_unit_test(pp_check__digits_only__no_lower_refused),
		cmocka_unit_test(pp_check__accented__counts_code_points),
		cmocka_unit_test(pp_check__accented_uppercase_only__no_lower_refused),
		cmocka_unit_test(pp_check__invalid_utf8__refused),
		cmocka_unit_test(pp_check__embedded_nul__refused_not_truncated),
		cmocka_unit_test(pp_check__control_character__refused),
		cmocka_unit_test(pp_check__spaces_and_case__kept),
		cmocka_unit_test(pp_check__over_max_bytes__refused_before_decoding),
		cmocka_unit_test(pp_check__email_local_part__refused),
		cmocka_unit_test(pp_check__short_local_part_piece__not_matched),
		cmocka_unit_test(pp_check__blocklist__refused_with_digits_around),
		cmocka_unit_test(pp_check__several_rules__all_reported),
		cmocka_unit_test(pp_confirm_equal__differs__false),
		cmocka_unit_test(pp_message__every_rule__french_text),
		cmocka_unit_test(pp_is_lower__latin_letters__classified),
		cmocka_unit_test(pp_blocklist_load__shipped_file__has_common_words),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
