/* portail.conf parsing: comments, overrides, typed getters, errors. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "config.h"

/* Writes text to a fresh temporary file; returns its path (static buffer). */
static const char *write_conf(const char *text)
{
	static char path[64];
	snprintf(path, sizeof path, "/tmp/portail-test-conf-XXXXXX");
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	FILE *f = fdopen(fd, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	return path;
}

static void config_load__comments_blanks_spaces__read(void **state)
{
	(void)state;
	const char *p = write_conf("# a comment\n"
				   "\n"
				   "   db_name   =   portail  \n"
				   "\tmail_from = Portail Caf <ne-pas-repondre@x.fr>\r\n"
				   "empty =\n"
				   "url = https://x.fr/?a=b\n");
	struct portal_config *c = config_load(p);
	unlink(p);
	assert_non_null(c);
	assert_string_equal(config_get(c, "db_name", NULL), "portail");
	assert_string_equal(config_get(c, "mail_from", NULL), "Portail Caf <ne-pas-repondre@x.fr>");
	assert_string_equal(config_get(c, "empty", "def"), "");
	assert_string_equal(config_get(c, "url", NULL), "https://x.fr/?a=b"); /* first '=' splits */
	assert_string_equal(config_get(c, "absent", "def"), "def");
	assert_null(config_get(c, "# a comment", NULL));
	config_free(c);
}

static void config_load__repeated_key__last_wins(void **state)
{
	(void)state;
	const char *p = write_conf("workers = 2\nworkers = 8\n");
	struct portal_config *c = config_load(p);
	unlink(p);
	assert_non_null(c);
	assert_int_equal(config_int(c, "workers", 0), 8);
	config_free(c);
}

static void config_load__line_without_equals__null(void **state)
{
	(void)state;
	const char *p = write_conf("workers = 2\nthis is not a setting\n");
	assert_null(config_load(p));
	unlink(p);
	p = write_conf(" = value\n");
	assert_null(config_load(p));
	unlink(p);
}

static void config_load__missing_file__null(void **state)
{
	(void)state;
	assert_null(config_load("/nonexistent/portail.conf"));
}

static void config_int__bad_numbers__default(void **state)
{
	(void)state;
	struct portal_config *c = config_new_empty();
	config_set(c, "a", "42");
	config_set(c, "b", "-7");
	config_set(c, "c", "12abc");
	config_set(c, "d", "");
	config_set(c, "e", "99999999999999999999999");
	assert_int_equal(config_int(c, "a", 0), 42);
	assert_int_equal(config_int(c, "b", 0), -7);
	assert_int_equal(config_int(c, "c", 5), 5);
	assert_int_equal(config_int(c, "d", 5), 5);
	assert_int_equal(config_int(c, "e", 5), 5);
	assert_int_equal(config_int(c, "absent", 5), 5);
	config_free(c);
}

static void config_bool__words__parsed(void **state)
{
	(void)state;
	struct portal_config *c = config_new_empty();
	static const char *const yes[] = {"yes", "true", "on", "1"};
	static const char *const no[] = {"no", "false", "off", "0"};
	for (size_t i = 0; i < 4; i++) {
		config_set(c, "k", yes[i]);
		assert_int_equal(config_bool(c, "k", 0), 1);
		config_set(c, "k", no[i]);
		assert_int_equal(config_bool(c, "k", 1), 0);
	}
	config_set(c, "k", "maybe");
	assert_int_equal(config_bool(c, "k", 1), 1);
	assert_int_equal(config_bool(c, "k", 0), 0);
	assert_int_equal(config_bool(c, "absent", 1), 1);
	config_free(c);
}

static void config_set__existing_key__replaced(void **state)
{
	(void)state;
	struct portal_config *c = config_new_empty();
	for (int i = 0; i < 100; i++) { /* grows past the first allocation */
		char k[16];
		snprintf(k, sizeof k, "k%d", i);
		config_set(c, k, "v");
	}
	config_set(c, "k50", "new");
	assert_string_equal(config_get(c, "k50", NULL), "new");
	assert_string_equal(config_get(c, "k99", NULL), "v");
	config_free(c);
	assert_string_equal(config_get(NULL, "x", "def"), "def");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(config_load__comments_blanks_spaces__read),
		cmocka_unit_test(config_load__repeated_key__last_wins),
		cmocka_unit_test(config_load__line_without_equals__null),
		cmocka_unit_test(config_load__missing_file__null),
		cmocka_unit_test(config_int__bad_numbers__default),
		cmocka_unit_test(config_bool__words__parsed),
		cmocka_unit_test(config_set__existing_key__replaced),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
