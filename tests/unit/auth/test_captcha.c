/* CAPTCHA: text from the unambiguous alphabet, a real PNG of the right size
 * drawn by the plugin (one seed, one image), a clean 503 when the plugin is
 * not installed, a case-sensitive single answer before expiry; the test hook
 * absent without test_hooks. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "stderr_capture.h"

#include "arena.h"
#include "../../../modules/auth/auth.h"
#include "../../../modules/auth/captcha.h"
#include "../../../modules/auth/captcha/captcha_plugin.h"
#include "config.h"
#include "crypto.h"
#include "module.h"

/* The plugin's descriptor, linked in from its sources (modules/auth/captcha/). */
extern const struct auth_captcha_plugin auth_captcha_plugin;

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

/* The image a PNG of the plugin's size: big-endian width and height in the
 * IHDR chunk, right after the signature. */
static void assert_png_of_size(const unsigned char *png, size_t len, uint32_t w, uint32_t h)
{
	static const unsigned char sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
	assert_true(len > 500);
	assert_memory_equal(png, sig, 8);
	assert_memory_equal(png + 12, "IHDR", 4);
	uint32_t pw = (uint32_t)png[16] << 24 | (uint32_t)png[17] << 16 | (uint32_t)png[18] << 8 | png[19];
	uint32_t ph = (uint32_t)png[20] << 24 | (uint32_t)png[21] << 16 | (uint32_t)png[22] << 8 | png[23];
	assert_int_equal(pw, w);
	assert_int_equal(ph, h);
}

static void captcha_plugin_png__text__png_of_its_size(void **state)
{
	(void)state;
	unsigned char seed[AUTH_CAPTCHA_SEED_BYTES] = {1, 2, 3};
	unsigned char *png = NULL;
	size_t len = 0;
	const char *error = NULL;
	assert_int_equal(auth_captcha_plugin.png("Ab3dEf", seed, &png, &len, &error), 0);
	/* 6 characters of 14 pixels and 6 on each side, 26 high, 3 times */
	assert_int_equal(AUTH_CAPTCHA_WIDTH(CAPTCHA_LEN), 288);
	assert_png_of_size(png, len, 288, 78);
	free(png);
}

static void captcha_plugin_png__same_seed__same_image_other_seed__other(void **state)
{
	(void)state;
	unsigned char seed[AUTH_CAPTCHA_SEED_BYTES] = {7};
	unsigned char *a = NULL, *b = NULL, *c = NULL;
	size_t la = 0, lb = 0, lc = 0;
	const char *error = NULL;
	assert_int_equal(auth_captcha_plugin.png("Ab3dEf", seed, &a, &la, &error), 0);
	assert_int_equal(auth_captcha_plugin.png("Ab3dEf", seed, &b, &lb, &error), 0);
	seed[31] = 1;
	assert_int_equal(auth_captcha_plugin.png("Ab3dEf", seed, &c, &lc, &error), 0);
	assert_int_equal(la, lb);
	assert_memory_equal(a, b, la);
	/* placement and noise come from the seed */
	assert_true(la != lc || memcmp(a, c, la) != 0);
	free(a);
	free(b);
	free(c);
}

static void captcha_plugin_png__empty_or_long_text__error(void **state)
{
	(void)state;
	unsigned char seed[AUTH_CAPTCHA_SEED_BYTES] = {0};
	unsigned char *png = (unsigned char *)"x";
	size_t len = 1;
	const char *error = NULL;
	assert_int_equal(auth_captcha_plugin.png("", seed, &png, &len, &error), -1);
	assert_null(png);
	assert_int_equal(len, 0);
	assert_non_null(error);
	assert_int_equal(auth_captcha_plugin.png("ABCDEFGHJLMNQRTYa", seed, &png, &len, &error), -1);
	assert_int_equal(auth_captcha_plugin.png(NULL, seed, &png, &len, &error), -1);
}

static void captcha_png__plugin_not_installed__503_logged(void **state)
{
	(void)state;
	/* auth-captcha.so is looked for next to this program, where it is not */
	struct arena *a = arena_new();
	const unsigned char *png = (const unsigned char *)"x";
	size_t len = 1;
	struct stderr_capture c;
	assert_int_equal(stderr_capture_begin(&c), 0);
	int rc = captcha_png(a, "Ab3dEf", &png, &len);
	char log[1024];
	stderr_capture_end(&c, log, sizeof log);
	assert_int_equal(rc, 503);
	assert_null(png);
	assert_int_equal(len, 0);
	assert_non_null(strstr(log, "auth-captcha.so: cannot load"));
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
		cmocka_unit_test(captcha_plugin_png__text__png_of_its_size),
		cmocka_unit_test(captcha_plugin_png__same_seed__same_image_other_seed__other),
		cmocka_unit_test(captcha_plugin_png__empty_or_long_text__error),
		cmocka_unit_test(captcha_png__plugin_not_installed__503_logged),
		cmocka_unit_test(captcha_answer_ok__exact_before_expiry__accepted),
		cmocka_unit_test(captcha_answer_ok__other_case__refused),
		cmocka_unit_test(captcha_answer_ok__expired__refused),
		cmocka_unit_test(captcha_answer_ok__missing_challenge_or_answer__refused),
		cmocka_unit_test(auth_captcha_test_answer__hooks_off__404),
	};
	return cmocka_run_group_tests(tests, setup, NULL);
}
