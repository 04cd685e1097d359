/* Brute-force arithmetic and the auth route table's protections. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "../../../modules/auth/auth_store.h"
#include "config.h"
#include "crypto.h"
#include "module.h"
#include "../../../modules/auth/throttle.h"

extern const struct portal_module portal_module_descriptor;

static void throttle_account_policy__defaults__5_failures_15_minutes(void **state)
{
	(void)state;
	struct portal_config *cfg = config_new_empty();
	struct throttle_policy p = throttle_account_policy(cfg);
	assert_int_equal(p.threshold, 5);
	assert_int_equal(p.lock_seconds, 15 * 60);
	config_set(cfg, "login_lock_threshold", "8");
	config_set(cfg, "login_lock_minutes", "30");
	p = throttle_account_policy(cfg);
	assert_int_equal(p.threshold, 8);
	assert_int_equal(p.lock_seconds, 30 * 60);
	struct throttle_policy ip = throttle_ip_policy(cfg);
	assert_int_equal(ip.threshold, 80);
	config_free(cfg);
}

static void throttle_delay__growing__then_capped(void **state)
{
	(void)state;
	struct throttle_policy p = {.threshold = 20, .lock_seconds = 900, .delay_base = 1,
				    .delay_max = 30, .free_failures = 2};
	assert_int_equal(throttle_delay(&p, 1), 0);
	assert_int_equal(throttle_delay(&p, 2), 0);
	assert_int_equal(throttle_delay(&p, 3), 1);
	assert_int_equal(throttle_delay(&p, 4), 2);
	assert_int_equal(throttle_delay(&p, 5), 4);
	assert_int_equal(throttle_delay(&p, 6), 8);
	assert_int_equal(throttle_delay(&p, 9), 30);
	assert_int_equal(throttle_delay(&p, 1000), 30);
}

static void throttle_locks__at_threshold__true(void **state)
{
	(void)state;
	struct throttle_policy p = {.threshold = 5, .lock_seconds = 900, .delay_base = 1,
				    .delay_max = 30, .free_failures = 2};
	assert_false(throttle_locks(&p, 4));
	assert_true(throttle_locks(&p, 5));
	assert_true(throttle_locks(&p, 6));
}

static void throttle_format_retry__seconds__next_whole_minute(void **state)
{
	(void)state;
	char buf[16];
	/* 2027-01-10 09:00:00 UTC is 10h00 in Paris (winter time). */
	throttle_format_retry(1799571600, buf, sizeof buf);
	assert_string_equal(buf, "10h00");
	throttle_format_retry(1799571601, buf, sizeof buf);
	assert_string_equal(buf, "10h01");
	throttle_format_retry(1799571600 + 59 * 60 + 30, buf, sizeof buf);
	assert_string_equal(buf, "11h00");
}

static void store_email_subject__case__same_hash(void **state)
{
	(void)state;
	char a[65], b[65], c[65];
	store_email_subject("Claire.Dumas@Example.org", a);
	store_email_subject("claire.dumas@example.org", b);
	store_email_subject("claire.dumas@example.com", c);
	assert_string_equal(a, b);
	assert_string_not_equal(a, c);
	assert_int_equal(strlen(a), 64);
}

static const struct portal_route *route(const char *method, const char *pattern)
{
	const struct portal_module *m = &portal_module_descriptor;
	for (size_t i = 0; i < m->nroutes; i++)
		if (strcmp(m->routes[i].method, method) == 0 &&
		    strcmp(m->routes[i].pattern, pattern) == 0)
			return &m->routes[i];
	return NULL;
}

static void auth_routes__protections__as_specified(void **state)
{
	(void)state;
	const struct portal_module *m = &portal_module_descriptor;
	assert_int_equal(m->abi, PORTAL_MODULE_ABI);
	assert_string_equal(m->name, "auth");
	assert_string_equal(m->prefix, "/auth");
	const struct portal_route *r;
	/* Login and reset open a visitor session (CSRF token, CAPTCHA). */
	assert_non_null(r = route("POST", "/auth/connexion"));
	assert_int_equal(r->access, ACCESS_VISITOR_SESSION);
	assert_non_null(r = route("POST", "/auth/mot-de-passe-oublie"));
	assert_int_equal(r->access, ACCESS_VISITOR_SESSION);
	assert_non_null(r = route("GET", "/auth/captcha.png"));
	assert_int_equal(r->access, ACCESS_VISITOR_SESSION);
	/* The change form and logout stay reachable while the password must change. */
	assert_non_null(r = route("POST", "/auth/mot-de-passe"));
	assert_int_equal(r->access, ACCESS_AUTH | ACCESS_PASSWORD_CHANGE);
	assert_non_null(r = route("GET", "/auth/mot-de-passe"));
	assert_int_equal(r->access, ACCESS_AUTH | ACCESS_PASSWORD_CHANGE);
	assert_non_null(r = route("POST", "/auth/deconnexion"));
	assert_int_equal(r->access, ACCESS_AUTH | ACCESS_PASSWORD_CHANGE);
	assert_non_null(r = route("GET", "/auth/deconnexion"));
	assert_non_null(route("GET", "/"));
	/* Nothing else is a POST. */
	size_t posts = 0;
	for (size_t i = 0; i < m->nroutes; i++)
		posts += strcmp(m->routes[i].method, "POST") == 0;
	assert_int_equal(posts, 4);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(throttle_account_policy__defaults__5_failures_15_minutes),
		cmocka_unit_test(throttle_delay__growing__then_capped),
		cmocka_unit_test(throttle_locks__at_threshold__true),
		cmocka_unit_test(throttle_format_retry__seconds__next_whole_minute),
		cmocka_unit_test(store_email_subject__case__same_hash),
		cmocka_unit_test(auth_routes__protections__as_specified),
	};
	crypto_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
