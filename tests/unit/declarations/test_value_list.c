/* A declaration's values read from one "N;T;code=value,..." column: the
 * numbers kept only when the list holds exactly the N counted pairs, so a
 * list cut short by MariaDB's group_concat_max_len, or anything malformed,
 * is read apart; T, the texts it has, told to the caller. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "../../../modules/core/arena.h"
#include "../../../modules/core/kv.h"
#include "../../../modules/declarations/decl.h"

static struct arena *a;

static int setup(void **state)
{
	(void)state;
	a = arena_new();
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	arena_free(a);
	return 0;
}

static void parse__whole_list__every_pair(void **state)
{
	(void)state;
	struct decl_val *vals;
	size_t n;
	assert_int_equal(decl_value_list_parse(a, "places=20,hours_performed=3465000,pr_other=-150",
					       3, &vals, &n), 0);
	assert_int_equal(n, 3);
	assert_string_equal(vals[0].code, "places");
	assert_int_equal(vals[0].v, 20);
	assert_string_equal(vals[1].code, "hours_performed");
	assert_int_equal(vals[1].v, 3465000);
	assert_string_equal(vals[2].code, "pr_other");
	assert_int_equal(vals[2].v, -150);
}

static void parse__no_values__empty(void **state)
{
	(void)state;
	struct decl_val *vals;
	size_t n = 9;
	assert_int_equal(decl_value_list_parse(a, NULL, 0, &vals, &n), 0);
	assert_int_equal(n, 0);
}

static void parse__list_cut_short__refused(void **state)
{
	(void)state;
	struct decl_val *vals;
	size_t n;
	/* three counted, the list ends after two and a half */
	assert_int_equal(decl_value_list_parse(a, "places=20,hours_performed=3465000,pr_oth", 3,
					       &vals, &n), -1);
	assert_int_equal(decl_value_list_parse(a, "places=20,hours_performed=34", 3, &vals, &n),
			 -1);
	assert_int_equal(n, 0);
}

static void parse__more_than_counted__refused(void **state)
{
	(void)state;
	struct decl_val *vals;
	size_t n;
	assert_int_equal(decl_value_list_parse(a, "places=20,days=225", 1, &vals, &n), -1);
}

static void parse__malformed__refused(void **state)
{
	(void)state;
	struct decl_val *vals;
	size_t n;
	const char *bad[] = {"places", "=20", "places=", "places=2x", "places=1.5",
			     "places=99999999999999999999", "places=20,,days=1"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_int_equal(decl_value_list_parse(a, bad[i], 2 - (strchr(bad[i], ',') == NULL),
						       &vals, &n), -1);
	assert_int_equal(decl_value_list_parse(a, "places=20", -1, &vals, &n), -1);
}

static void column__counts_and_list__numbers_and_texts(void **state)
{
	(void)state;
	struct decl_val *vals;
	size_t n;
	long long texts = -1;
	assert_int_equal(decl_values_column(a, "2;1;places=20,days=225", &vals, &n, &texts), 0);
	assert_int_equal(n, 2);
	assert_int_equal(texts, 1);
	assert_string_equal(vals[1].code, "days");
	assert_int_equal(vals[1].v, 225);
	assert_int_equal(decl_values_column(a, "0;0;", &vals, &n, &texts), 0);
	assert_int_equal(n, 0);
	assert_int_equal(texts, 0);
}

static void column__bad_counts_or_cut_list__refused(void **state)
{
	(void)state;
	struct decl_val *vals;
	size_t n;
	long long texts;
	const char *bad[] = {NULL, "", "2;0", "2;places=20,days=225", ";0;places=20",
			     "-1;0;", " 1;0;places=20", "1;x;places=20", "3;0;places=20,days=225",
			     "2;0;places=20,da"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_int_equal(decl_values_column(a, bad[i], &vals, &n, &texts), -1);
	assert_int_equal(n, 0);
}

static void prev__id_amount_values__parsed(void **state)
{
	(void)state;
	long long id = 0;
	int has = -1;
	int64_t amount = 0;
	const char *values = NULL;
	assert_int_equal(decl_prev_column_parse("19;18698400;2;0;places=20,days=225", &id, &has,
						&amount, &values), 0);
	assert_int_equal(id, 19);
	assert_int_equal(has, 1);
	assert_int_equal(amount, 18698400);
	assert_string_equal(values, "2;0;places=20,days=225");
	/* what the declarations read next from it */
	struct decl_val *vals;
	size_t n;
	long long texts;
	assert_int_equal(decl_values_column(a, values, &vals, &n, &texts), 0);
	assert_int_equal(n, 2);
}

static void prev__no_final_amount__has_amount_0(void **state)
{
	(void)state;
	long long id = 0;
	int has = -1;
	int64_t amount = 7;
	const char *values = NULL;
	assert_int_equal(decl_prev_column_parse("5;;0;0;", &id, &has, &amount, &values), 0);
	assert_int_equal(id, 5);
	assert_int_equal(has, 0);
	assert_string_equal(values, "0;0;");
	assert_int_equal(decl_prev_column_parse("6;-150;0;0;", &id, &has, &amount, &values), 0);
	assert_int_equal(has, 1);
	assert_int_equal(amount, -150);
}

static void prev__malformed__refused(void **state)
{
	(void)state;
	long long id;
	int has;
	int64_t amount;
	const char *values;
	const char *bad[] = {NULL, "", "19", "19;", "19;100", "0;;0;0;", "-1;;0;0;", "x;;0;0;",
			     "19;1x;0;0;", "19; 5;0;0;", "19;99999999999999999999;0;0;"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_int_equal(decl_prev_column_parse(bad[i], &id, &has, &amount, &values), -1);
}

static void controls__one_section_decoded(void **state)
{
	(void)state;
	struct kv_list out;
	const char *col = "4;activity:eaje_invoiced_below_performed=C3A974C3A92C203D3B,"
			  "global:declared_ps_gap=41,activity:eaje_occupancy_over_100=,"
			  "activity:eaje_hourly_cost_range";
	assert_int_equal(decl_controls_parse(a, col, "activity", &out), 0);
	assert_int_equal(out.count, 3);
	assert_string_equal(out.items[0].name, "eaje_invoiced_below_performed");
	assert_string_equal(out.items[0].value, "\xc3\xa9t\xc3\xa9, =;"); /* "été, =;" */
	assert_string_equal(out.items[1].name, "eaje_occupancy_over_100");
	assert_string_equal(out.items[1].value, "");
	/* stored, not explained */
	assert_string_equal(out.items[2].name, "eaje_hourly_cost_range");
	assert_null(out.items[2].value);
	assert_int_equal(decl_controls_parse(a, col, "global", &out), 0);
	assert_int_equal(out.count, 1);
	assert_string_equal(out.items[0].value, "A");
	assert_int_equal(decl_controls_parse(a, col, "financial", &out), 0);
	assert_int_equal(out.count, 0);
	assert_int_equal(decl_controls_parse(a, "0;", "global", &out), 0);
	assert_int_equal(out.count, 0);
	assert_int_equal(decl_controls_parse(a, "1;global:b", "global", &out), 0);
	assert_int_equal(out.count, 1);
	assert_string_equal(out.items[0].name, "b");
	assert_null(out.items[0].value);
}

static void controls__cut_or_malformed__refused(void **state)
{
	(void)state;
	struct kv_list out;
	const char *bad[] = {NULL,
			     "",
			     "1",
			     "x;",
			     "2;activity:a=41",
			     "1;activity:a=41,global:b=42",
			     "2;activity:a,global:b,activity:c",
			     "1;activitya=41",
			     "1;activitya",
			     "1;activity:",
			     "1;activity:=41",
			     "1;activity:a=4G",
			     "1;activity:a=414",
			     "1;activity:a=41,",
			     "1;activity:a,",
			     "1;a=b:41"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		out.count = 9;
		assert_int_equal(decl_controls_parse(a, bad[i], "activity", &out), -1);
		assert_int_equal(out.count, 0);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(parse__whole_list__every_pair),
		cmocka_unit_test(parse__no_values__empty),
		cmocka_unit_test(parse__list_cut_short__refused),
		cmocka_unit_test(parse__more_than_counted__refused),
		cmocka_unit_test(parse__malformed__refused),
		cmocka_unit_test(column__counts_and_list__numbers_and_texts),
		cmocka_unit_test(column__bad_counts_or_cut_list__refused),
		cmocka_unit_test(prev__id_amount_values__parsed),
		cmocka_unit_test(prev__no_final_amount__has_amount_0),
		cmocka_unit_test(prev__malformed__refused),
		cmocka_unit_test(controls__one_section_decoded),
		cmocka_unit_test(controls__cut_or_malformed__refused),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
