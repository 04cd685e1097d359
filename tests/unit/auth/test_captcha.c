/* CAPTCHA: text from the unambiguous alphabet, a real PNG, a case-sensitive
 * single answer before expiry; the test hook absent without test_hooks. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "arena.h"
#include "../../../modules/auth/auth.h"
#include "../../../modules/auth/captcha.h"
#include "config.h"
#include "crypto.h"
#include "module.h"

static void captcha_text__many__six_chars_of_alphabet(void **state)
{
	(void)state;
	int seen_upper = 0, seen_lower = 0, seen_digit = 0;
	for (int i = 0; i < 500; i++) {
		char t[CAPTCHA_LEN + 1];
		captcha_text(t, sizeof t);
		assert_int_equal(strlen(t), CAPTCHA_LEN);
		for (const char *p = t; *p; p++) {
			assert_non_null(strchr(CAPTCHA_ALPHABET, *p));
			seen_upper |= *p >= 'A' && *p <= 'Z';
			seen_lower |= *p >= 'a' && *p <= 'z';
			seen_digit |= *p >= '0' && *p <= '9';
		}
	}
	/* Mixed case: the answer is case-sensitive, as in the seeds. */
	assert_true(seen_upper && seen_lower && seen_digit);
}

static void captcha_alphabet__ambiguous_glyphs__absent(void **state)
{
	(void)state;
	assert_null(strpbrk(CAPTCHA_ALPHABET, "0Oo1lIcCkKsSuUvVwWxXzZ9"));
}

static void captcha_text__small_buffer__empty(void **state)
{
	(void)state;
	char t[3] = "xy";
	captcha_text(t, sizeof t);
	assert_string_equal(t, "");
}

static void captcha_png__text__png_signature_and_size(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	size_t len = 0;
	unsigned char *png = captcha_png(a, "Ab3dEf", &len);
	assert_non_null(png);
	assert_true(len > 500);
	static const unsigned char sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
	assert_memory_equal(png, sig, 8);
	/* Two drawings of one text differ (random placement and noise). */
	size_t len2 = 0;
	unsigned char *png2 = captcha_png(a, "Ab3dEf", &len2);
	assert_non_null(png2);
	assert_true(len != len2 || memcmp(png, png2, len) != 0);
	arena_free(a);
}

static void captcha_answer_ok__exact_before_expiry__accepted(void **state)
{
	(void)state;
	assert_true(captcha_answer_ok("Ab3dEf", 1000, "Ab3dEf", 999));
}

static void captcha_answer_ok__other_case__refused(void **state)
{
	(void)state;
	assert_false(captcha_answer_ok("Ab3dEf", 1000, "ab3def", 999));
	assert_false(captcha_answer_ok("Ab3dEf", 1000, "AB3DEF", 999));
}

static void captcha_answer_ok__expired__refused(void **state)
{
	(void)state;
	assert_false(captcha_answer_ok("Ab3dEf", 1000, "Ab3dEf", 1000));
}

static void captcha_answer_ok__missing_challenge_or_answer__refused(void **state)
{
	(void)state;
	/* A replayed answer finds no challenge (the first check deleted it). */
	assert_false(captcha_answer_ok(NULL, 1000, "Ab3dEf", 1));
	assert_false(captcha_answer_ok("", 1000, "", 1));
	assert_false(captcha_answer_ok("Ab3dEf", 1000, NULL, 1));
	assert_false(captcha_answer_ok("Ab3dEf", 1000, "Ab3dE", 1));
	assert_false(captcha_answer_ok("Ab3dEf", 1000, "Ab3dEf ", 1));
}

static void auth_captcha_test_answer__hooks_off__404(void **state)
{
	(void)state;
	struct portal_config *cfg = config_new_empty();
	struct portal_ctx ctx;
	memset(&ctx, 0, sizeof ctx);
	ctx.cfg = cfg;
	/* No database is touched: the hook does not exist in production. */
	assert_int_equal(auth_captcha_test_answer(&ctx), 404);
	config_set(cfg, "test_hooks", "no");
	assert_int_equal(auth_captcha_test_answer(&ctx), 404);
	config_free(cfg);
}

static int setup(void **state)
{
	(void)state;
	return crypto_init();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(captcha_text__many__six_chars_of_alphabet),
		cmocka_unit_test(captcha_alphabet__ambiguous_glyphs__absent),
		cmocka_unit_test(captcha_text__small_buffer__empty),
		cmocka_unit_test(captcha_png__text__png_signature_and_size),
		cmocka_unit_test(captcha_answer_ok__exact_before_expiry__accepted),
		cmocka_unit_test(captcha_answer_ok__other_case__refused),
		cmocka_unit_test(captcha_answer_ok__expired__refused),
		cmocka_unit_test(captcha_answer_ok__missing_challenge_or_answer__refused),
		cmocka_unit_test(auth_captcha_test_answer__hooks_off__404),
	};
	return cmocka_run_group_tests(tests, setup, NULL);
}
