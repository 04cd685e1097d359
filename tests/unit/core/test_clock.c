/* The portal clock: fixed for unit tests, shifted by the offset file only
 * when test hooks are on, and dates shown in Europe/Paris time. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "clock.h"
#include "config.h"

#define DAY 86400

static char offset_path[64];

static void write_offset(const char *text)
{
	/* Written then renamed, like the integration tests do. */
	char tmp[80];
	snprintf(tmp, sizeof tmp, "%s.tmp", offset_path);
	FILE *f = fopen(tmp, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	assert_int_equal(rename(tmp, offset_path), 0);
}

static int setup(void **state)
{
	(void)state;
	unsetenv("TZ"); /* the clock must default to Paris by itself */
	snprintf(offset_path, sizeof offset_path, "/tmp/portail-clock-%d", (int)getpid());
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	unlink(offset_path);
	clock_set_fixed(0);
	return 0;
}

static struct portal_config *hooks_config(const char *hooks)
{
	struct portal_config *c = config_new_empty();
	config_set(c, "test_hooks", hooks);
	config_set(c, "clock_offset_file", offset_path);
	return c;
}

static void portal_now__fixed__returns_it(void **state)
{
	(void)state;
	clock_set_fixed(1700000000);
	assert_int_equal(portal_now(), 1700000000);
	clock_set_fixed(0);
	time_t real = time(NULL);
	time_t now = portal_now();
	assert_true(now >= real && now <= real + 2);
}

static void portal_now__offset_file_with_hooks__shifted_at_once(void **state)
{
	(void)state;
	struct portal_config *c = hooks_config("yes");
	write_offset("0\n");
	clock_configure(c);
	time_t real = time(NULL);
	assert_true(portal_now() - real <= 1);
	write_offset("3974400\n"); /* 46 days */
	time_t shifted = portal_now();
	assert_true(shifted - time(NULL) >= 46 * DAY - 1 && shifted - time(NULL) <= 46 * DAY + 1);
	write_offset("-86400\n");
	assert_true(portal_now() - time(NULL) <= -DAY + 1);
	unlink(offset_path); /* file gone: no offset */
	assert_true(portal_now() - time(NULL) <= 1);
	write_offset("garbage\n");
	assert_true(portal_now() - time(NULL) <= 1);
	config_free(c);
	clock_configure(NULL);
}

static void portal_now__offset_file_without_hooks__ignored(void **state)
{
	(void)state;
	struct portal_config *c = hooks_config("no");
	write_offset("3974400\n");
	clock_configure(c);
	assert_true(portal_now() - time(NULL) <= 1);
	config_free(c);
}

static void portal_now__fixed_clock__wins_over_offset(void **state)
{
	(void)state;
	struct portal_config *c = hooks_config("yes");
	write_offset("3974400\n");
	clock_configure(c);
	clock_set_fixed(1700000000);
	assert_int_equal(portal_now(), 1700000000);
	clock_set_fixed(0);
	config_free(c);
	clock_configure(NULL);
}

static void clock_format_date__paris_time__day_after_utc_midnight(void **state)
{
	(void)state;
	char buf[32]; /* before any clock_configure: runs first */
	/* 2025-12-31 23:30 UTC is already 1 January in Paris (UTC+1). */
	clock_format_date(1767223800, buf, sizeof buf);
	assert_string_equal(buf, "01/01/2026");
	/* Summer time: 2026-07-14 10:05 UTC is 12h05 in Paris (UTC+2). */
	clock_format_datetime(1784023500, buf, sizeof buf);
	assert_string_equal(buf, "14/07/2026 à 12h05");
}

static void clock_today_iso__fixed_clock__local_date(void **state)
{
	(void)state;
	char buf[16];
	clock_set_fixed(1767223800); /* 2025-12-31 23:30 UTC */
	clock_today_iso(buf, sizeof buf);
	assert_string_equal(buf, "2026-01-01");
	clock_set_fixed(0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(clock_format_date__paris_time__day_after_utc_midnight),
		cmocka_unit_test(portal_now__fixed__returns_it),
		cmocka_unit_test(portal_now__offset_file_with_hooks__shifted_at_once),
		cmocka_unit_test(portal_now__offset_file_without_hooks__ignored),
		cmocka_unit_test(portal_now__fixed_clock__wins_over_offset),
		cmocka_unit_test(clock_today_iso__fixed_clock__local_date),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
