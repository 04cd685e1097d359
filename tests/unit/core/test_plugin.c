/* Plugins: the path next to the asking object, a plugin loaded once and
 * cached, and every failure a NULL with a log line, never a crash. The
 * plugin is fixture_plugin.so, built next to this program: the asking
 * object is the program itself (dladdr names it by argv[0]). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "stderr_capture.h"

#include "plugin.h"

struct fixture_plugin {
	int abi;
	int (*answer)(void);
};

static struct portal_plugin fixture = PORTAL_PLUGIN("fixture_plugin.so", "fixture_plugin", 7);
static struct portal_plugin other_abi = PORTAL_PLUGIN("fixture_plugin.so", "fixture_plugin_v2", 7);
static struct portal_plugin no_symbol = PORTAL_PLUGIN("fixture_plugin.so", "no_such_descriptor", 7);
static struct portal_plugin missing = PORTAL_PLUGIN("missing-plugin.so", "fixture_plugin", 7);

/* plugin_get(p) with stderr redirected to a pipe; what was logged in buf. */
static const void *get_logged(struct portal_plugin *p, char *buf, size_t n)
{
	struct stderr_capture c;
	assert_int_equal(stderr_capture_begin(&c), 0);
	const void *d = plugin_get(p);
	stderr_capture_end(&c, buf, n);
	return d;
}

static void plugin_path__module_folder__next_to_it(void **state)
{
	(void)state;
	char out[64];
	assert_int_equal(plugin_path("build/modules/auth.so", "auth-captcha.so", out, sizeof out), 0);
	assert_string_equal(out, "build/modules/auth-captcha.so");
	assert_int_equal(plugin_path("/opt/portail/build/modules/declarations.so", "x.so", out,
				     sizeof out), 0);
	assert_string_equal(out, "/opt/portail/build/modules/x.so");
}

static void plugin_path__bare_name_or_root__explicit_folder(void **state)
{
	(void)state;
	char out[64];
	/* "auth-captcha.so" alone would make dlopen search the library path */
	assert_int_equal(plugin_path("auth.so", "auth-captcha.so", out, sizeof out), 0);
	assert_string_equal(out, "./auth-captcha.so");
	assert_int_equal(plugin_path("/auth.so", "auth-captcha.so", out, sizeof out), 0);
	assert_string_equal(out, "/auth-captcha.so");
}

static void plugin_path__too_long__refused(void **state)
{
	(void)state;
	char out[16];
	assert_int_equal(plugin_path("build/modules/auth.so", "auth-captcha.so", out, sizeof out), -1);
	assert_int_equal(plugin_path("a/b.so", "c.so", out, 6), -1); /* "a/c.so" and its NUL */
	assert_int_equal(plugin_path("a/b.so", "c.so", out, 7), 0);
}

static void plugin_get__fixture__loaded_once_and_cached(void **state)
{
	(void)state;
	char log[512];
	const struct fixture_plugin *d = get_logged(&fixture, log, sizeof log);
	assert_non_null(d);
	assert_string_equal(log, "");
	assert_int_equal(d->abi, 7);
	assert_int_equal(d->answer(), 42);
	/* the same descriptor, without a second dlopen */
	assert_ptr_equal(plugin_get(&fixture), d);
	assert_ptr_equal(fixture.descriptor, d);
}

static void plugin_get__other_abi__null_and_logged(void **state)
{
	(void)state;
	char log[512];
	assert_null(get_logged(&other_abi, log, sizeof log));
	assert_non_null(strstr(log, "ABI 2 refused (want 7)"));
	assert_null(other_abi.descriptor);
}

static void plugin_get__no_symbol__null_and_logged(void **state)
{
	(void)state;
	char log[512];
	assert_null(get_logged(&no_symbol, log, sizeof log));
	assert_non_null(strstr(log, "no_such_descriptor"));
}

static void plugin_get__missing_file__null_logged_and_tried_again(void **state)
{
	(void)state;
	char log[512];
	assert_null(get_logged(&missing, log, sizeof log));
	assert_non_null(strstr(log, "error plugin "));
	assert_non_null(strstr(log, "/missing-plugin.so: cannot load: "));
	/* not cached: the next request looks again (and logs again) */
	assert_null(get_logged(&missing, log, sizeof log));
	assert_non_null(strstr(log, "cannot load"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(plugin_path__module_folder__next_to_it),
		cmocka_unit_test(plugin_path__bare_name_or_root__explicit_folder),
		cmocka_unit_test(plugin_path__too_long__refused),
		cmocka_unit_test(plugin_get__fixture__loaded_once_and_cached),
		cmocka_unit_test(plugin_get__other_abi__null_and_logged),
		cmocka_unit_test(plugin_get__no_symbol__null_and_logged),
		cmocka_unit_test(plugin_get__missing_file__null_logged_and_tried_again),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
