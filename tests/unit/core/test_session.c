/* Session expiry, password rotation and CSRF decisions with an injected
 * clock (no database needed for these rules). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "arena.h"
#include "clock.h"
#include "config.h"
#include "module.h"
#include "request.h"
#include "response.h"
#include "session.h"

#define MIN 60
#define DAY 86400

static void session_dead_at__idle_29m59__alive(void **state)
{
	(void)state;
	assert_false(session_dead_at(1000 + 30 * MIN - 1, 1000, 1000, 30 * MIN, 12 * 3600));
}

static void session_dead_at__idle_exactly_30m__alive(void **state)
{
	(void)state;
	assert_false(session_dead_at(1000 + 30 * MIN, 1000, 1000, 30 * MIN, 12 * 3600));
}

static void session_dead_at__idle_30m01__dead(void **state)
{
	(void)state;
	assert_true(session_dead_at(1000 + 30 * MIN + 1, 1000, 1000, 30 * MIN, 12 * 3600));
}

static void session_touch_due__59s_after_last_write__no(void **state)
{
	(void)state;
	assert_false(session_touch_due(1000 + SESSION_TOUCH_SECONDS - 1, 1000));
	assert_false(session_touch_due(1000, 1000));
}

static void session_touch_due__60s_after_last_write__yes(void **state)
{
	(void)state;
	assert_true(session_touch_due(1000 + SESSION_TOUCH_SECONDS, 1000));
	assert_true(session_touch_due(1000 + 29 * MIN, 1000));
}

static void session_touch_due__clock_moved_back__yes(void **state)
{
	(void)state;
	assert_true(session_touch_due(999, 1000));
}

static void session_dead_at__active_but_past_absolute_max__dead(void **state)
{
	(void)state;
	time_t created = 1000, now = created + 12 * 3600 + 1;
	assert_true(session_dead_at(now, created, now - 5, 30 * MIN, 12 * 3600));
}

struct fixture {
	struct arena *arena;
	struct portal_config *cfg;
	struct request req;
	struct response res;
	struct session session;
	struct portal_ctx ctx;
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	f->arena = arena_new();
	f->cfg = config_new_empty();
	config_set(f->cfg, "public_url", "http://127.0.0.1:8080");
	response_init(&f->res);
	f->req.method = "POST";
	f->req.path = "/x";
	f->req.host = "127.0.0.1";	/* as nginx passes it: $host, no port */
	f->session.id = 1;
	f->session.account_id = 7;
	strcpy(f->session.csrf, "tokenTOKENtoken0123456789abcdefghijklmnopq");
	f->ctx.arena = f->arena;
	f->ctx.cfg = f->cfg;
	f->ctx.req = &f->req;
	f->ctx.res = &f->res;
	f->ctx.session = &f->session;
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	config_free(f->cfg);
	arena_free(f->arena);
	free(f);
	clock_set_fixed(0);
	return 0;
}

static void session_password_expired__day_45_minus_1s__valid(void **state)
{
	struct fixture *f = *state;
	f->session.password_set_at = 1700000000;
	clock_set_fixed(1700000000 + 45 * DAY - 1);
	assert_false(session_password_expired(&f->ctx));
}

static void session_password_expired__day_46__expired(void **state)
{
	struct fixture *f = *state;
	f->session.password_set_at = 1700000000;
	clock_set_fixed(1700000000 + 45 * DAY);
	assert_true(session_password_expired(&f->ctx));
	clock_set_fixed(1700000000 + 45 * DAY + 1);
	assert_true(session_password_expired(&f->ctx));
}

static void session_password_expired__forced_flag__expired(void **state)
{
	struct fixture *f = *state;
	f->session.password_set_at = 1700000000;
	f->session.must_change_password = 1;
	clock_set_fixed(1700000000 + 1);
	assert_true(session_password_expired(&f->ctx));
}

static void session_password_expired__validity_from_config__honoured(void **state)
{
	struct fixture *f = *state;
	config_set(f->cfg, "password_validity_days", "10");
	f->session.password_set_at = 1700000000;
	clock_set_fixed(1700000000 + 10 * DAY - 1);
	assert_false(session_password_expired(&f->ctx));
	clock_set_fixed(1700000000 + 10 * DAY);
	assert_true(session_password_expired(&f->ctx));
}

static void csrf_valid__matching_token__accepted(void **state)
{
	struct fixture *f = *state;
	kv_add(f->arena, &f->req.form, "csrf", f->session.csrf, strlen(f->session.csrf));
	assert_true(csrf_valid(&f->ctx));
}

static void csrf_valid__missing_token__refused(void **state)
{
	struct fixture *f = *state;
	assert_false(csrf_valid(&f->ctx));
}

static void csrf_valid__other_session_token__refused(void **state)
{
	struct fixture *f = *state;
	const char *other = "otherTOKENtoken0123456789abcdefghijklmnopq";
	kv_add(f->arena, &f->req.form, "csrf", other, strlen(other));
	assert_false(csrf_valid(&f->ctx));
}

static void csrf_valid__no_session__refused(void **state)
{
	struct fixture *f = *state;
	kv_add(f->arena, &f->req.form, "csrf", f->session.csrf, strlen(f->session.csrf));
	f->ctx.session = NULL;
	assert_false(csrf_valid(&f->ctx));
}

static void csrf_valid__foreign_origin__refused(void **state)
{
	struct fixture *f = *state;
	kv_add(f->arena, &f->req.form, "csrf", f->session.csrf, strlen(f->session.csrf));
	f->req.origin = "http://evil.example";
	assert_false(csrf_valid(&f->ctx));
	f->req.origin = "http://127.0.0.1:8080";
	assert_true(csrf_valid(&f->ctx));
}

static void csrf_valid__origin_with_port_host_without__accepted(void **state)
{
	/* A browser on a non-default port: Origin keeps the port, the Host
	 * nginx passes does not. The configured public_url decides. */
	struct fixture *f = *state;
	kv_add(f->arena, &f->req.form, "csrf", f->session.csrf, strlen(f->session.csrf));
	f->req.origin = "http://127.0.0.1:8080";
	f->req.sec_fetch_site = "same-origin";
	assert_true(csrf_valid(&f->ctx));
	f->req.origin = "http://127.0.0.1:8081";
	assert_false(csrf_valid(&f->ctx));
	f->req.origin = "https://127.0.0.1:8080";
	assert_false(csrf_valid(&f->ctx));
}

static void csrf_valid__host_header_matching_foreign_origin__refused(void **state)
{
	/* A client-chosen Host never vouches for an origin. */
	struct fixture *f = *state;
	kv_add(f->arena, &f->req.form, "csrf", f->session.csrf, strlen(f->session.csrf));
	f->req.host = "evil.example";
	f->req.origin = "http://evil.example";
	assert_false(csrf_valid(&f->ctx));
	f->req.host = "evil.example:8080";
	f->req.origin = "http://evil.example:8080";
	assert_false(csrf_valid(&f->ctx));
}

static void csrf_valid__null_origin__refused(void **state)
{
	struct fixture *f = *state;
	kv_add(f->arena, &f->req.form, "csrf", f->session.csrf, strlen(f->session.csrf));
	f->req.origin = "null";
	assert_false(csrf_valid(&f->ctx));
}

static void csrf_valid__no_public_url__origin_refused_absent_origin_accepted(void **state)
{
	struct fixture *f = *state;
	kv_add(f->arena, &f->req.form, "csrf", f->session.csrf, strlen(f->session.csrf));
	config_set(f->cfg, "public_url", "");
	f->req.host = "127.0.0.1:8080";
	f->req.origin = "http://127.0.0.1:8080";
	assert_false(csrf_valid(&f->ctx));
	f->req.origin = NULL;
	assert_true(csrf_valid(&f->ctx));
}

static void csrf_valid__https_public_url_default_port__accepted(void **state)
{
	struct fixture *f = *state;
	kv_add(f->arena, &f->req.form, "csrf", f->session.csrf, strlen(f->session.csrf));
	config_set(f->cfg, "public_url", "https://Partenaires.example.fr/");
	f->req.host = "partenaires.example.fr";
	f->req.origin = "https://partenaires.example.fr";
	assert_true(csrf_valid(&f->ctx));
	f->req.origin = "http://partenaires.example.fr";
	assert_false(csrf_valid(&f->ctx));
	f->req.origin = "https://partenaires.example.fr.evil.example";
	assert_false(csrf_valid(&f->ctx));
}

static void csrf_valid__listed_alias__accepted_others_refused(void **state)
{
	struct fixture *f = *state;
	kv_add(f->arena, &f->req.form, "csrf", f->session.csrf, strlen(f->session.csrf));
	config_set(f->cfg, "public_aliases", "http://localhost:8080  https://portail.example.fr");
	f->req.origin = "http://localhost:8080";
	assert_true(csrf_valid(&f->ctx));
	f->req.origin = "https://portail.example.fr";
	assert_true(csrf_valid(&f->ctx));
	f->req.origin = "http://localhost:8081";
	assert_false(csrf_valid(&f->ctx));
	f->req.origin = "http://localhost";
	assert_false(csrf_valid(&f->ctx));
	config_set(f->cfg, "public_aliases", "");
	f->req.origin = "http://localhost:8080";
	assert_false(csrf_valid(&f->ctx));
}

static void csrf_valid__cross_site_fetch__refused(void **state)
{
	struct fixture *f = *state;
	kv_add(f->arena, &f->req.form, "csrf", f->session.csrf, strlen(f->session.csrf));
	f->req.sec_fetch_site = "cross-site";
	assert_false(csrf_valid(&f->ctx));
	f->req.sec_fetch_site = "same-origin";
	assert_true(csrf_valid(&f->ctx));
}

/* A string of n copies of the UTF-8 character c (1 to 4 bytes). */
static char *repeat(const char *c, size_t n)
{
	size_t l = strlen(c);
	char *s = malloc(n * l + 1);
	for (size_t i = 0; i < n; i++)
		memcpy(s + i * l, c, l);
	s[n * l] = '\0';
	return s;
}

static void flash_fit__500_characters__kept_whole(void **state)
{
	(void)state;
	char *s = repeat("é", SESSION_FLASH_MAX);
	assert_int_equal(session_flash_fit(s), strlen(s));
	free(s);
	assert_int_equal(session_flash_fit(""), 0);
}

static void flash_fit__501_two_byte_characters__499_kept_on_a_boundary(void **state)
{
	(void)state;
	char *s = repeat("é", SESSION_FLASH_MAX + 1);
	assert_int_equal(session_flash_fit(s), 2 * (SESSION_FLASH_MAX - 1));
	free(s);
	char *t = repeat("\xF0\x9F\x98\x80", SESSION_FLASH_MAX + 40); /* 4 bytes each */
	assert_int_equal(session_flash_fit(t), 4 * (SESSION_FLASH_MAX - 1));
	free(t);
}

static void flash_fit__words__cut_at_the_last_space_before_the_limit(void **state)
{
	(void)state;
	/* "ééé " x 150 = 600 characters: the 125th space (character 500) is
	 * beyond the 499 kept, the 124th (character 496) ends the prefix */
	char *s = repeat("ééé ", 150);
	size_t fit = session_flash_fit(s);
	assert_int_equal(fit, 123 * 7 + 6);
	assert_int_equal(s[fit], ' ');
	free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(flash_fit__500_characters__kept_whole),
		cmocka_unit_test(flash_fit__501_two_byte_characters__499_kept_on_a_boundary),
		cmocka_unit_test(flash_fit__words__cut_at_the_last_space_before_the_limit),
		cmocka_unit_test(session_dead_at__idle_29m59__alive),
		cmocka_unit_test(session_dead_at__idle_exactly_30m__alive),
		cmocka_unit_test(session_dead_at__idle_30m01__dead),
		cmocka_unit_test(session_dead_at__active_but_past_absolute_max__dead),
		cmocka_unit_test(session_touch_due__59s_after_last_write__no),
		cmocka_unit_test(session_touch_due__60s_after_last_write__yes),
		cmocka_unit_test(session_touch_due__clock_moved_back__yes),
		cmocka_unit_test_setup_teardown(session_password_expired__day_45_minus_1s__valid, setup, teardown),
		cmocka_unit_test_setup_teardown(session_password_expired__day_46__expired, setup, teardown),
		cmocka_unit_test_setup_teardown(session_password_expired__forced_flag__expired, setup, teardown),
		cmocka_unit_test_setup_teardown(session_password_expired__validity_from_config__honoured, setup, teardown),
		cmocka_unit_test_setup_teardown(csrf_valid__matching_token__accepted, setup, teardown),
		cmocka_unit_test_setup_teardown(csrf_valid__missing_token__refused, setup, teardown),
		cmocka_unit_test_setup_teardown(csrf_valid__other_session_token__refused, setup, teardown),
		cmocka_unit_test_setup_teardown(csrf_valid__no_session__refused, setup, teardown),
		cmocka_unit_test_setup_teardown(csrf_valid__foreign_origin__refused, setup, teardown),
		cmocka_unit_test_setup_teardown(csrf_valid__origin_with_port_host_without__accepted, setup, teardown),
		cmocka_unit_test_setup_teardown(csrf_valid__host_header_matching_foreign_origin__refused, setup, teardown),
		cmocka_unit_test_setup_teardown(csrf_valid__null_origin__refused, setup, teardown),
		cmocka_unit_test_setup_teardown(csrf_valid__no_public_url__origin_refused_absent_origin_accepted, setup, teardown),
		cmocka_unit_test_setup_teardown(csrf_valid__https_public_url_default_port__accepted, setup, teardown),
		cmocka_unit_test_setup_teardown(csrf_valid__listed_alias__accepted_others_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(csrf_valid__cross_site_fetch__refused, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
