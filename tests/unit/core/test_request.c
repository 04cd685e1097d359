/* The request parser: tables of malformed inputs that must be refused
 * with the right status, and valid ones that must decode exactly. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "arena.h"
#include "crypto.h"
#include "request.h"

static struct arena *A;

/* A CGI environment: NULL-terminated name/value pairs. */
struct env {
	const char *pairs[32];
};

static const char *env_get(const char *name, void *p)
{
	struct env *e = p;
	for (int i = 0; e->pairs[i]; i += 2)
		if (strcmp(e->pairs[i], name) == 0)
			return e->pairs[i + 1];
	return NULL;
}

static enum request_status parse_env(struct env *e, const char *body, struct request *req)
{
	struct request_limits l;
	request_limits_default(&l);
	return request_parse(A, &l, env_get, e, body, body ? strlen(body) : 0, req);
}

static enum request_status get(const char *uri, const char *query, struct request *req)
{
	struct env e = {{"REQUEST_METHOD", "GET", "REQUEST_URI", uri, "QUERY_STRING", query,
			 NULL}};
	return parse_env(&e, NULL, req);
}

static enum request_status post(const char *type, const char *body, struct request *req)
{
	struct env e = {{"REQUEST_METHOD", "POST", "REQUEST_URI", "/auth/connexion",
			 "CONTENT_TYPE", type, NULL}};
	return parse_env(&e, body, req);
}

static int setup(void **state)
{
	(void)state;
	assert_int_equal(crypto_init(), 0);
	A = arena_new();
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	arena_free(A);
	return 0;
}

struct bad_case {
	const char *what;
	const char *uri;
	const char *query;
	enum request_status expected;
};

static void request_parse__malformed_query_or_path__refused(void **state)
{
	(void)state;
	static const struct bad_case cases[] = {
		{"bad escape", "/x", "a=%zz", REQUEST_BAD},
		{"half escape", "/x", "a=%4", REQUEST_BAD},
		{"lone percent", "/x", "a=%", REQUEST_BAD},
		{"escape in name", "/x", "%g1=1", REQUEST_BAD},
		{"overlong slash", "/x", "a=%C0%AF", REQUEST_BAD},
		{"overlong 3-byte", "/x", "a=%E0%80%AF", REQUEST_BAD},
		{"overlong 4-byte", "/x", "a=%F0%80%80%AF", REQUEST_BAD},
		{"surrogate", "/x", "a=%ED%A0%80", REQUEST_BAD},
		{"low surrogate", "/x", "a=%ED%BF%BF", REQUEST_BAD},
		{"over U+10FFFF", "/x", "a=%F4%90%80%80", REQUEST_BAD},
		{"F5 lead", "/x", "a=%F5%80%80%80", REQUEST_BAD},
		{"lone continuation", "/x", "a=%80", REQUEST_BAD},
		{"truncated sequence", "/x", "a=%C3", REQUEST_BAD},
		{"truncated 3-byte", "/x", "a=%E2%82", REQUEST_BAD},
		{"NUL", "/x", "a=%00", REQUEST_BAD},
		{"NUL in name", "/x", "%00=1", REQUEST_BAD},
		{"raw latin-1", "/x", "a=\xe9", REQUEST_BAD},
		{"empty name", "/x", "=1", REQUEST_BAD},
		{"path bad escape", "/x%zz", "", REQUEST_BAD},
		{"path NUL", "/x%00y", "", REQUEST_BAD},
		{"path overlong", "/x%C0%AFy", "", REQUEST_BAD},
		{"path traversal", "/auth/../etc/passwd", "", REQUEST_BAD},
		{"encoded traversal", "/auth/%2e%2e/etc", "", REQUEST_BAD},
		{"encoded slash traversal", "/auth%2F..%2Fetc", "", REQUEST_BAD},
		{"trailing dotdot", "/auth/..", "", REQUEST_BAD},
		{"dot segment", "/auth/./x", "", REQUEST_BAD},
		{"backslash", "/auth\\x", "", REQUEST_BAD},
		{"encoded backslash", "/auth%5C..%5Cx", "", REQUEST_BAD},
		{"relative path", "auth/x", "", REQUEST_BAD},
		{"empty path", "", "", REQUEST_BAD},
		{"control in path", "/a%0Ab", "", REQUEST_BAD},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct request req;
		enum request_status st = get(cases[i].uri, cases[i].query, &req);
		if (st != cases[i].expected)
			fail_msg("%s: got %d, expected %d", cases[i].what, st, cases[i].expected);
		assert_non_null(req.request_id); /* logged even when refused */
	}
}

static void request_parse__valid_query__decoded(void **state)
{
	(void)state;
	struct request req;
	assert_int_equal(get("/declarations/recherche", "q=cr%C3%A8che+des+%C3%A9toiles&a%2Bb=1%2B1",
			     &req),
			 REQUEST_OK);
	assert_string_equal(req.path, "/declarations/recherche");
	assert_string_equal(kv_get(&req.query, "q"), "crèche des étoiles");
	assert_string_equal(kv_get(&req.query, "a+b"), "1+1");
	assert_string_equal(req.query_string, "q=cr%C3%A8che+des+%C3%A9toiles&a%2Bb=1%2B1");
}

static void request_parse__plus_in_path__stays_plus(void **state)
{
	(void)state;
	struct request req;
	assert_int_equal(get("/statistiques/a+b%20c", "", &req), REQUEST_OK);
	assert_string_equal(req.path, "/statistiques/a+b c");
}

static void request_parse__repeated_and_empty__all_kept(void **state)
{
	(void)state;
	struct request req;
	assert_int_equal(get("/x", "role=a&role=b&&empty=&bare&role=c", &req), REQUEST_OK);
	assert_int_equal(kv_count(&req.query, "role"), 3);
	assert_string_equal(kv_get_nth(&req.query, "role", 0), "a");
	assert_string_equal(kv_get_nth(&req.query, "role", 2), "c");
	assert_null(kv_get_nth(&req.query, "role", 3));
	assert_string_equal(kv_get(&req.query, "empty"), "");
	assert_string_equal(kv_get(&req.query, "bare"), "");
	assert_int_equal(req.query.count, 5);
}

static void request_parse__query_in_request_uri__ignored_for_path(void **state)
{
	(void)state;
	struct request req;
	assert_int_equal(get("/auth/connexion?suite=%zz", "", &req), REQUEST_OK);
	assert_string_equal(req.path, "/auth/connexion");
}

static void request_parse__valid_utf8_edges__accepted(void **state)
{
	(void)state;
	struct request req;
	/* U+007F, U+0080, U+07FF, U+0800, U+FFFD, U+10000, U+10FFFF */
	assert_int_equal(get("/x", "a=%7F%C2%80%DF%BF%E0%A0%80%EF%BF%BD%F0%90%80%80%F4%8F%BF%BF",
			     &req),
			 REQUEST_OK);
	assert_int_equal(utf8_length(kv_get(&req.query, "a")), 7);
}

static void request_parse__too_many_fields__400(void **state)
{
	(void)state;
	struct request_limits l;
	request_limits_default(&l);
	l.max_fields = 3;
	struct kv_list out = {0};
	assert_int_equal(request_parse_urlencoded(A, &l, "a=1&b=2&c=3", 11, &out), REQUEST_OK);
	struct kv_list out2 = {0};
	assert_int_equal(request_parse_urlencoded(A, &l, "a=1&b=2&c=3&d=4", 15, &out2),
			 REQUEST_BAD);
}

static void request_parse__default_field_count__1001_refused(void **state)
{
	(void)state;
	char *q = arena_alloc(A, 1001 * 4 + 1);
	size_t n = 0;
	for (int i = 0; i < 1001; i++)
		n += (size_t)sprintf(q + n, "%sa=", i ? "&" : "");
	struct request req;
	assert_int_equal(get("/x", q, &req), REQUEST_BAD);
	q[n - 3] = '\0'; /* drop the last "&a=": 1000 fields */
	assert_int_equal(get("/x", q, &req), REQUEST_OK);
	assert_int_equal(req.query.count, 1000);
}

static void request_parse__field_over_limit__413(void **state)
{
	(void)state;
	struct request_limits l;
	request_limits_default(&l);
	l.max_field_len = 4;
	struct kv_list out = {0};
	assert_int_equal(request_parse_urlencoded(A, &l, "a=abcd", 6, &out), REQUEST_OK);
	/* The limit is on decoded bytes: "%C3%A9" is 2 bytes. */
	assert_int_equal(request_parse_urlencoded(A, &l, "a=%C3%A9%C3%A9", 14, &out), REQUEST_OK);
	assert_int_equal(request_parse_urlencoded(A, &l, "a=abcde", 7, &out), REQUEST_TOO_LARGE);
}

static void request_parse__body_over_limit__413(void **state)
{
	(void)state;
	struct env e = {{"REQUEST_METHOD", "POST", "REQUEST_URI", "/x", "CONTENT_TYPE",
			 "application/x-www-form-urlencoded", NULL}};
	struct request_limits l;
	request_limits_default(&l);
	l.max_body = 10;
	struct request req;
	assert_int_equal(request_parse(A, &l, env_get, &e, "a=12345678", 10, &req), REQUEST_OK);
	assert_int_equal(request_parse(A, &l, env_get, &e, "a=123456789", 11, &req),
			 REQUEST_TOO_LARGE);
}

static void request_parse__form_body__decoded(void **state)
{
	(void)state;
	struct request req;
	assert_int_equal(post("application/x-www-form-urlencoded",
			      "identifiant=ENF0120009&mot_de_passe=a+b%26c%3Dd&csrf=", &req),
			 REQUEST_OK);
	assert_string_equal(req.method, "POST");
	assert_string_equal(kv_get(&req.form, "identifiant"), "ENF0120009");
	assert_string_equal(kv_get(&req.form, "mot_de_passe"), "a b&c=d");
	assert_string_equal(kv_get(&req.form, "csrf"), "");
	assert_int_equal(req.query.count, 0);
}

static void request_parse__form_with_charset__accepted(void **state)
{
	(void)state;
	struct request req;
	assert_int_equal(post("application/x-www-form-urlencoded; charset=UTF-8", "a=1", &req),
			 REQUEST_OK);
	assert_int_equal(post("Application/X-WWW-Form-Urlencoded", "a=1", &req), REQUEST_OK);
}

static void request_parse__other_body_types__415(void **state)
{
	(void)state;
	static const char *const types[] = {
		"multipart/form-data; boundary=x", "application/json", "text/plain",
		"application/x-www-form-urlencodedx", "", NULL,
	};
	for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
		struct request req;
		if (post(types[i], "a=1", &req) != REQUEST_UNSUPPORTED)
			fail_msg("content type \"%s\" accepted", types[i] ? types[i] : "(none)");
	}
	/* No body, no check: a bodiless POST is fine whatever its type. */
	struct request req;
	assert_int_equal(post("application/json", NULL, &req), REQUEST_OK);
}

static void request_parse__bad_form_body__400(void **state)
{
	(void)state;
	struct request req;
	assert_int_equal(post("application/x-www-form-urlencoded", "a=%C0%AF", &req), REQUEST_BAD);
	assert_int_equal(post("application/x-www-form-urlencoded", "a=%", &req), REQUEST_BAD);
	assert_int_equal(post("application/x-www-form-urlencoded", "a=x%00y", &req), REQUEST_BAD);
}

static void request_parse__form_with_nul_byte__400(void **state)
{
	(void)state;
	struct env e = {{"REQUEST_METHOD", "POST", "REQUEST_URI", "/x", "CONTENT_TYPE",
			 "application/x-www-form-urlencoded", NULL}};
	struct request_limits l;
	request_limits_default(&l);
	struct request req;
	assert_int_equal(request_parse(A, &l, env_get, &e, "a=1\0b", 5, &req), REQUEST_BAD);
}

static void request_parse_cookies__junk__skipped(void **state)
{
	(void)state;
	struct request_limits l;
	request_limits_default(&l);
	struct kv_list c = {0};
	assert_int_equal(request_parse_cookies(A, &l,
					       ";;  noequals; =nameless; bad name=1; "
					       "ctl=a\x01z; utf=\xc3\xa9; q=\"quoted\"; "
					       "__Host-portail=abc_DEF-123 ;\ttheme = dark ;",
					       &c),
			 REQUEST_OK);
	assert_string_equal(kv_get(&c, "__Host-portail"), "abc_DEF-123");
	assert_string_equal(kv_get(&c, "q"), "quoted");
	assert_string_equal(kv_get(&c, "theme"), "dark");
	assert_null(kv_get(&c, "noequals"));
	assert_null(kv_get(&c, "ctl"));
	assert_null(kv_get(&c, "utf"));
	assert_int_equal(c.count, 3);
}

static void request_parse_cookies__more_than_max__extra_ignored(void **state)
{
	(void)state;
	struct request_limits l;
	request_limits_default(&l);
	l.max_cookies = 2;
	struct kv_list c = {0};
	assert_int_equal(request_parse_cookies(A, &l, "a=1; b=2; c=3", &c), REQUEST_OK);
	assert_int_equal(c.count, 2);
	assert_null(kv_get(&c, "c"));
}

static void request_parse__cookie_junk__request_still_ok(void **state)
{
	(void)state;
	struct env e = {{"REQUEST_METHOD", "GET", "REQUEST_URI", "/x", "HTTP_COOKIE",
			 "\xff\xfe; portail=tok; %zz=%00", NULL}};
	struct request req;
	assert_int_equal(parse_env(&e, NULL, &req), REQUEST_OK);
	assert_string_equal(kv_get(&req.cookies, "portail"), "tok");
	/* Cookie values are not percent-decoded. */
	assert_string_equal(kv_get(&req.cookies, "%zz"), "%00");
}

static void request_parse__headers__copied(void **state)
{
	(void)state;
	struct env e = {{"REQUEST_METHOD", "GET", "REQUEST_URI", "/x", "REMOTE_ADDR", "192.0.2.7",
			 "HTTP_USER_AGENT", "Firefox", "HTTP_ORIGIN", "https://p.example.fr",
			 "HTTP_SEC_FETCH_SITE", "same-origin", "HTTP_HOST", "p.example.fr",
			 "REQUEST_ID", "0123456789abcdef0123456789abcdef", NULL}};
	struct request req;
	assert_int_equal(parse_env(&e, NULL, &req), REQUEST_OK);
	assert_string_equal(req.remote_addr, "192.0.2.7");
	assert_string_equal(req.user_agent, "Firefox");
	assert_string_equal(req.origin, "https://p.example.fr");
	assert_string_equal(req.sec_fetch_site, "same-origin");
	assert_string_equal(req.host, "p.example.fr");
	assert_string_equal(req.request_id, "0123456789abcdef0123456789abcdef");
	assert_false(req.https);
	assert_null(req.content_type);
}

static void request_parse__https_flags__detected(void **state)
{
	(void)state;
	struct request req;
	struct env on = {{"REQUEST_URI", "/x", "HTTPS", "on", NULL}};
	assert_int_equal(parse_env(&on, NULL, &req), REQUEST_OK);
	assert_true(req.https);
	assert_string_equal(req.method, "GET"); /* absent method: GET */
	struct env fwd = {{"REQUEST_URI", "/x", "HTTP_X_FORWARDED_PROTO", "https", NULL}};
	assert_int_equal(parse_env(&fwd, NULL, &req), REQUEST_OK);
	assert_true(req.https);
	struct env off = {{"REQUEST_URI", "/x", "HTTPS", "", "HTTP_X_FORWARDED_PROTO", "http",
			   NULL}};
	assert_int_equal(parse_env(&off, NULL, &req), REQUEST_OK);
	assert_false(req.https);
}

static void request_parse__missing_or_odd_request_id__generated(void **state)
{
	(void)state;
	struct request req;
	struct env none = {{"REQUEST_URI", "/x", NULL}};
	assert_int_equal(parse_env(&none, NULL, &req), REQUEST_OK);
	assert_int_equal(strlen(req.request_id), 16);
	struct env odd = {{"REQUEST_URI", "/x", "REQUEST_ID", "x y\nforged", NULL}};
	assert_int_equal(parse_env(&odd, NULL, &req), REQUEST_OK);
	assert_int_equal(strlen(req.request_id), 16);
	assert_null(strchr(req.request_id, ' '));
}

static void request_parse__bad_method__400(void **state)
{
	(void)state;
	static const char *const methods[] = {"", "get", "G ET", "GET\r\n", "ABCDEFGHIJKLMNOPQ"};
	for (size_t i = 0; i < sizeof methods / sizeof methods[0]; i++) {
		struct env e = {{"REQUEST_METHOD", methods[i], "REQUEST_URI", "/x", NULL}};
		struct request req;
		if (parse_env(&e, NULL, &req) != REQUEST_BAD)
			fail_msg("method \"%s\" accepted", methods[i]);
	}
}

static void request_parse__document_uri__taken_as_decoded(void **state)
{
	(void)state;
	struct request req;
	/* nginx already decoded $document_uri: no second decoding. */
	struct env e = {{"DOCUMENT_URI", "/x/100%", NULL}};
	assert_int_equal(parse_env(&e, NULL, &req), REQUEST_OK);
	assert_string_equal(req.path, "/x/100%");
	struct env bad = {{"DOCUMENT_URI", "/x/\xc0\xaf", NULL}};
	assert_int_equal(parse_env(&bad, NULL, &req), REQUEST_BAD);
	struct env trav = {{"DOCUMENT_URI", "/x/../y", NULL}};
	assert_int_equal(parse_env(&trav, NULL, &req), REQUEST_BAD);
}

static void request_parse__script_name_and_path_info__joined(void **state)
{
	(void)state;
	struct request req;
	struct env e = {{"SCRIPT_NAME", "/auth", "PATH_INFO", "/connexion", NULL}};
	assert_int_equal(parse_env(&e, NULL, &req), REQUEST_OK);
	assert_string_equal(req.path, "/auth/connexion");
	struct env none = {{NULL}};
	assert_int_equal(parse_env(&none, NULL, &req), REQUEST_OK);
	assert_string_equal(req.path, "/");
}

static void utf8_valid__table__strict(void **state)
{
	(void)state;
	static const struct {
		const char *s;
		int ok;
	} cases[] = {
		{"", 1}, {"abc", 1}, {"\xc3\xa9", 1}, {"\xe2\x82\xac", 1}, {"\xf0\x9f\x98\x80", 1},
		{"\xc0\xaf", 0}, {"\xc1\xbf", 0}, {"\xe0\x80\xaf", 0}, {"\xe0\x9f\xbf", 0},
		{"\xf0\x8f\xbf\xbf", 0}, {"\xed\xa0\x80", 0}, {"\xed\x9f\xbf", 1},
		{"\xee\x80\x80", 1}, {"\xf4\x90\x80\x80", 0}, {"\xf8\x88\x80\x80\x80", 0},
		{"\xff", 0}, {"\x80", 0}, {"\xc3", 0}, {"a\xc3", 0}, {"\xe2\x82", 0},
		{"\xc3\x28", 0},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		if (utf8_valid(cases[i].s, strlen(cases[i].s)) != cases[i].ok)
			fail_msg("case %zu: expected %d", i, cases[i].ok);
	assert_false(utf8_valid("a\0b", 3));
}

static void utf8_length__multibyte__counts_code_points(void **state)
{
	(void)state;
	assert_int_equal(utf8_length(""), 0);
	assert_int_equal(utf8_length("abc"), 3);
	assert_int_equal(utf8_length("Crèche été"), 10);
	assert_int_equal(utf8_length("\xf0\x9f\x98\x80"), 1);
}

static void request_limits_default__values__documented(void **state)
{
	(void)state;
	struct request_limits l;
	request_limits_default(&l);
	assert_int_equal(l.max_body, 1024 * 1024);
	assert_int_equal(l.max_fields, 1000);
	assert_int_equal(l.max_field_len, 64 * 1024);
	assert_int_equal(l.max_cookies, 50);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(request_parse__malformed_query_or_path__refused),
		cmocka_unit_test(request_parse__valid_query__decoded),
		cmocka_unit_test(request_parse__plus_in_path__stays_plus),
		cmocka_unit_test(request_parse__repeated_and_empty__all_kept),
		cmocka_unit_test(request_parse__query_in_request_uri__ignored_for_path),
		cmocka_unit_test(request_parse__valid_utf8_edges__accepted),
		cmocka_unit_test(request_parse__too_many_fields__400),
		cmocka_unit_test(request_parse__default_field_count__1001_refused),
		cmocka_unit_test(request_parse__field_over_limit__413),
		cmocka_unit_test(request_parse__body_over_limit__413),
		cmocka_unit_test(request_parse__form_body__decoded),
		cmocka_unit_test(request_parse__form_with_charset__accepted),
		cmocka_unit_test(request_parse__other_body_types__415),
		cmocka_unit_test(request_parse__bad_form_body__400),
		cmocka_unit_test(request_parse__form_with_nul_byte__400),
		cmocka_unit_test(request_parse_cookies__junk__skipped),
		cmocka_unit_test(request_parse_cookies__more_than_max__extra_ignored),
		cmocka_unit_test(request_parse__cookie_junk__request_still_ok),
		cmocka_unit_test(request_parse__headers__copied),
		cmocka_unit_test(request_parse__https_flags__detected),
		cmocka_unit_test(request_parse__missing_or_odd_request_id__generated),
		cmocka_unit_test(request_parse__bad_method__400),
		cmocka_unit_test(request_parse__document_uri__taken_as_decoded),
		cmocka_unit_test(request_parse__script_name_and_path_info__joined),
		cmocka_unit_test(utf8_valid__table__strict),
		cmocka_unit_test(utf8_length__multibyte__counts_code_points),
		cmocka_unit_test(request_limits_default__values__documented),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
