/* Responses: security headers on every answer, cookie flags, local-only
 * redirects, and no CR/LF ever reaching the header block. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "arena.h"
#include "response.h"

static struct arena *A;

static int setup(void **state)
{
	(void)state;
	A = arena_new();
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	arena_free(A);
	return 0;
}

/* The header block (before the blank line) of a serialised response. */
static char *head_of(const struct response *r, size_t *len)
{
	char *out = response_serialize(A, r, len);
	char *end = strstr(out, "\r\n\r\n");
	assert_non_null(end);
	return arena_strndup(A, out, (size_t)(end - out) + 2);
}

static void response_serialize__any_page__security_headers(void **state)
{
	(void)state;
	struct response r;
	response_init(&r);
	response_body(&r, "text/html; charset=utf-8", "<p>x</p>", 8);
	size_t len;
	char *out = response_serialize(A, &r, &len);
	assert_int_equal(strncmp(out, "Status: 200 OK\r\n", 16), 0);
	static const char *const must[] = {
		"\r\nContent-Type: text/html; charset=utf-8\r\n",
		"\r\nContent-Security-Policy: default-src 'self'; script-src 'self'; style-src "
		"'self'; img-src 'self' data:; font-src 'self'; ",
		"frame-ancestors 'none'",
		"base-uri 'none'",
		"object-src 'none'",
		"form-action 'self'",
		"\r\nX-Content-Type-Options: nosniff\r\n",
		"\r\nReferrer-Policy: same-origin\r\n",
		"\r\nX-Frame-Options: DENY\r\n",
		"\r\nCross-Origin-Opener-Policy: same-origin\r\n",
		"\r\nPermissions-Policy: ",
		"\r\nContent-Length: 8\r\n\r\n<p>x</p>",
	};
	for (size_t i = 0; i < sizeof must / sizeof must[0]; i++)
		if (!strstr(out, must[i]))
			fail_msg("missing %s", must[i]);
	assert_null(strstr(out, "Cache-Control"));
	assert_int_equal(len, strlen(out));
	assert_memory_equal(out + len - 8, "<p>x</p>", 8);
}

static void response_serialize__no_store__cache_control(void **state)
{
	(void)state;
	struct response r;
	response_init(&r);
	r.no_store = 1;
	size_t len;
	assert_non_null(strstr(head_of(&r, &len), "\r\nCache-Control: no-store\r\n"));
}

static void response_serialize__error_status__reason_phrase(void **state)
{
	(void)state;
	static const struct {
		int status;
		const char *line;
	} cases[] = {{404, "Status: 404 Not Found\r\n"},
		     {413, "Status: 413 Payload Too Large\r\n"},
		     {415, "Status: 415 Unsupported Media Type\r\n"},
		     {503, "Status: 503 Service Unavailable\r\n"}};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct response r;
		response_init(&r);
		r.status = cases[i].status;
		size_t len;
		char *head = head_of(&r, &len);
		assert_int_equal(strncmp(head, cases[i].line, strlen(cases[i].line)), 0);
	}
}

static void response_serialize__binary_body__exact_length(void **state)
{
	(void)state;
	struct response r;
	response_init(&r);
	static const char pdf[] = "%PDF\0\x01\x02";
	response_body(&r, "application/pdf", pdf, 7);
	size_t len;
	char *out = response_serialize(A, &r, &len);
	assert_non_null(strstr(out, "Content-Length: 7\r\n\r\n"));
	assert_memory_equal(out + len - 7, pdf, 7);
}

static void response_cookie__https__secure_httponly_strict(void **state)
{
	(void)state;
	struct response r;
	response_init(&r);
	response_cookie(A, &r, "__Host-portail", "tok123", -1, 1);
	size_t len;
	char *head = head_of(&r, &len);
	assert_non_null(
		strstr(head, "\r\nSet-Cookie: __Host-portail=tok123; Path=/; HttpOnly; "
			     "SameSite=Strict; Secure\r\n"));
	assert_null(strstr(head, "Max-Age"));
}

static void response_cookie__plain_http__no_secure(void **state)
{
	(void)state;
	struct response r;
	response_init(&r);
	response_cookie(A, &r, "portail", "tok", 3600, 0);
	size_t len;
	char *head = head_of(&r, &len);
	assert_non_null(strstr(head, "Set-Cookie: portail=tok; Path=/; Max-Age=3600; HttpOnly; "
				     "SameSite=Strict\r\n"));
	assert_null(strstr(head, "Secure"));
}

static void response_cookie__delete__max_age_zero(void **state)
{
	(void)state;
	struct response r;
	response_init(&r);
	response_cookie(A, &r, "portail", "old", -1, 1);
	response_cookie(A, &r, "portail", "", 0, 1);
	assert_int_equal(r.cookies.count, 1); /* the later call replaces */
	size_t len;
	char *head = head_of(&r, &len);
	assert_non_null(strstr(head, "Set-Cookie: portail=; Path=/; Max-Age=0; HttpOnly"));
	assert_null(strstr(head, "old"));
}

static void response_cookie__unsafe_value__refused(void **state)
{
	(void)state;
	struct response r;
	response_init(&r);
	response_cookie(A, &r, "portail", "a\r\nSet-Cookie: evil=1", -1, 1);
	response_cookie(A, &r, "portail", "a; Domain=evil.example", -1, 1);
	response_cookie(A, &r, "bad name", "x", -1, 1);
	response_cookie(A, &r, "a=b", "x", -1, 1);
	assert_int_equal(r.cookies.count, 0);
}

static void response_is_local_path__table__only_same_site(void **state)
{
	(void)state;
	static const char *const good[] = {"/", "/declarations/", "/auth/connexion?suite=%2Fx",
					   "/a/b#frag", "/statistiques/?annee=2025&x=1"};
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++)
		if (!response_is_local_path(good[i]))
			fail_msg("\"%s\" refused", good[i]);
	static const char *const bad[] = {
		NULL, "", "//evil.example", "///evil.example", "/\\evil.example", "\\\\evil",
		"https://evil", "http://evil", "javascript:alert(1)", "evil.example", "/x\r\nSet-Cookie: a=b",
		"/x\ny", "/\t/evil.example", "/x y", "/a\\b", "/\x7f",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		if (response_is_local_path(bad[i]))
			fail_msg("\"%s\" accepted", bad[i]);
}

static void response_redirect__local__303_location(void **state)
{
	(void)state;
	struct response r;
	response_init(&r);
	response_redirect(A, &r, "/declarations/equipements");
	assert_int_equal(r.status, 303);
	size_t len;
	char *head = head_of(&r, &len);
	assert_int_equal(strncmp(head, "Status: 303 See Other\r\n", 23), 0);
	assert_non_null(strstr(head, "\r\nLocation: /declarations/equipements\r\n"));
}

static void response_redirect__open_redirects__fall_back_to_root(void **state)
{
	(void)state;
	static const char *const targets[] = {"//evil.example", "https://evil", "/\\evil",
					      "/x\r\nSet-Cookie: pwned=1", NULL};
	for (size_t i = 0; i < sizeof targets / sizeof targets[0]; i++) {
		struct response r;
		response_init(&r);
		response_redirect(A, &r, targets[i]);
		size_t len;
		char *head = head_of(&r, &len);
		if (!strstr(head, "\r\nLocation: /\r\n"))
			fail_msg("target %zu: %s", i, head);
		assert_null(strstr(head, "evil"));
		assert_null(strstr(head, "pwned"));
	}
}

static void response_redirect__twice_longer_target__whole_location(void **state)
{
	(void)state;
	struct response r;
	response_init(&r);
	response_redirect(A, &r, "/");
	response_redirect(A, &r, "/declarations/une/adresse/bien/plus/longue/que/la/premiere");
	size_t len;
	char *out = response_serialize(A, &r, &len);
	assert_int_equal(len, strlen(out));
	assert_non_null(strstr(
		out, "\r\nLocation: /declarations/une/adresse/bien/plus/longue/que/la/premiere\r\n"));
	assert_non_null(strstr(out, "Content-Length: 0\r\n\r\n"));
}

static void response_header__crlf__dropped(void **state)
{
	(void)state;
	struct response r;
	response_init(&r);
	response_header(A, &r, "X-Test", "ok");
	response_header(A, &r, "X-Evil", "a\r\nSet-Cookie: pwned=1");
	response_header(A, &r, "X-Evil2", "a\nb");
	response_header(A, &r, "X-Evil3\r\nSet-Cookie", "x");
	response_header(A, &r, "X Evil4", "x");
	response_header(A, &r, "X-Evil5:", "x");
	r.content_type = "text/html\r\nSet-Cookie: pwned=1";
	size_t len;
	char *head = head_of(&r, &len);
	assert_non_null(strstr(head, "\r\nX-Test: ok\r\n"));
	assert_null(strstr(head, "pwned"));
	assert_null(strstr(head, "Evil"));
	assert_non_null(strstr(head, "\r\nContent-Type: text/html; charset=utf-8\r\n"));
	/* Every line ends with CRLF: no bare CR or LF anywhere in the block. */
	for (size_t i = 0; head[i]; i++) {
		if (head[i] == '\r')
			assert_int_equal(head[i + 1], '\n');
		if (head[i] == '\n')
			assert_true(i > 0 && head[i - 1] == '\r');
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(response_serialize__any_page__security_headers),
		cmocka_unit_test(response_serialize__no_store__cache_control),
		cmocka_unit_test(response_serialize__error_status__reason_phrase),
		cmocka_unit_test(response_serialize__binary_body__exact_length),
		cmocka_unit_test(response_cookie__https__secure_httponly_strict),
		cmocka_unit_test(response_cookie__plain_http__no_secure),
		cmocka_unit_test(response_cookie__delete__max_age_zero),
		cmocka_unit_test(response_cookie__unsafe_value__refused),
		cmocka_unit_test(response_is_local_path__table__only_same_site),
		cmocka_unit_test(response_redirect__local__303_location),
		cmocka_unit_test(response_redirect__open_redirects__fall_back_to_root),
		cmocka_unit_test(response_redirect__twice_longer_target__whole_location),
		cmocka_unit_test(response_header__crlf__dropped),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
