/* Origin serialization (scheme, host, port) and its comparison with
 * public_url, the rule the CSRF check relies on. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "origin.h"

static void expect_origin(const char *url, int allow_path, const char *want)
{
	char out[128];
	assert_int_equal(origin_of_url(url, allow_path, out, sizeof out), 0);
	assert_string_equal(out, want);
}

static void expect_bad(const char *url, int allow_path)
{
	char out[128];
	assert_int_equal(origin_of_url(url, allow_path, out, sizeof out), -1);
}

static void origin_of_url__default_ports__dropped(void **state)
{
	(void)state;
	expect_origin("https://partenaires.example.fr", 0, "https://partenaires.example.fr");
	expect_origin("https://partenaires.example.fr:443", 0, "https://partenaires.example.fr");
	expect_origin("http://a.example:80", 0, "http://a.example");
	expect_origin("http://a.example:443", 0, "http://a.example:443");
	expect_origin("https://a.example:80", 0, "https://a.example:80");
}

static void origin_of_url__other_port__kept(void **state)
{
	(void)state;
	expect_origin("http://127.0.0.1:18080", 0, "http://127.0.0.1:18080");
	expect_origin("http://[::1]:8080", 0, "http://[::1]:8080");
	expect_origin("http://[::1]", 0, "http://[::1]");
}

static void origin_of_url__case__lowered(void **state)
{
	(void)state;
	expect_origin("HTTPS://Partenaires.Example.FR", 0, "https://partenaires.example.fr");
}

static void origin_of_url__path__only_when_allowed(void **state)
{
	(void)state;
	expect_origin("https://a.example/", 1, "https://a.example");
	expect_origin("http://a.example:8080/portail/?x#y", 1, "http://a.example:8080");
	expect_bad("https://a.example/", 0);
	expect_bad("https://a.example?x", 0);
}

static void origin_of_url__malformed__refused(void **state)
{
	(void)state;
	expect_bad(NULL, 1);
	expect_bad("", 1);
	expect_bad("null", 0);
	expect_bad("a.example", 1);
	expect_bad("ftp://a.example", 1);
	expect_bad("javascript://a.example", 1);
	expect_bad("http://", 1);
	expect_bad("http://:8080", 1);
	expect_bad("http://a.example:", 1);
	expect_bad("http://a.example:0", 1);
	expect_bad("http://a.example:65536", 1);
	expect_bad("http://a.example:123456", 1);
	expect_bad("http://a.example:80a", 1);
	expect_bad("http://a:b:c", 1);
	expect_bad("http://user@a.example", 1);
	expect_bad("http://evil.example@a.example", 1);
	expect_bad("http://a example", 1);
	expect_bad("http://a.example\r\n", 0);
	expect_bad("http://[::1", 1);
	expect_bad("http://[]", 1);
}

static void origin_of_url__small_buffer__refused(void **state)
{
	(void)state;
	char out[10];
	assert_int_equal(origin_of_url("https://partenaires.example.fr", 0, out, sizeof out), -1);
}

static void origin_matches__same_site__yes_else_no(void **state)
{
	(void)state;
	assert_true(origin_matches("http://127.0.0.1:18080", "http://127.0.0.1:18080"));
	assert_true(origin_matches("https://partenaires.example.fr",
				   "https://partenaires.example.fr/"));
	assert_false(origin_matches("http://127.0.0.1", "http://127.0.0.1:18080"));
	assert_false(origin_matches("http://127.0.0.1:18081", "http://127.0.0.1:18080"));
	assert_false(origin_matches("http://partenaires.example.fr", "https://partenaires.example.fr"));
	assert_false(origin_matches("https://partenaires.example.fr.evil.example",
				    "https://partenaires.example.fr"));
	assert_false(origin_matches("https://evil.example", "https://partenaires.example.fr"));
	assert_false(origin_matches("null", "https://partenaires.example.fr"));
	assert_false(origin_matches(NULL, "https://partenaires.example.fr"));
	assert_false(origin_matches("https://partenaires.example.fr", NULL));
	assert_false(origin_matches("https://partenaires.example.fr", ""));
	assert_false(origin_matches("https://partenaires.example.fr/x",
				    "https://partenaires.example.fr"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(origin_of_url__default_ports__dropped),
		cmocka_unit_test(origin_of_url__other_port__kept),
		cmocka_unit_test(origin_of_url__case__lowered),
		cmocka_unit_test(origin_of_url__path__only_when_allowed),
		cmocka_unit_test(origin_of_url__malformed__refused),
		cmocka_unit_test(origin_of_url__small_buffer__refused),
		cmocka_unit_test(origin_matches__same_site__yes_else_no),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
