/* French formatting of the figures (page, CSV, charts), CSV field escaping,
 * fiche 12's availability rule, the "exercice" parameter and the years a
 * facility's page offers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "../../../modules/statistics/stats.h"

#define NBSP "\xc2\xa0"

static void stats_format_display__percent__comma_and_nbsp(void **state)
{
	(void)state;
	char b[64];
	stats_format_display(7000, 2, SU_PERCENT, b, sizeof b);
	assert_string_equal(b, "70,00" NBSP "%");
	stats_format_display(10678, 2, SU_PERCENT, b, sizeof b);
	assert_string_equal(b, "106,78" NBSP "%");
}

static void stats_format_display__thousands__grouped_with_nbsp(void **state)
{
	(void)state;
	char b[64];
	stats_format_display(17325, 1, SU_HOURS, b, sizeof b);
	assert_string_equal(b, "1" NBSP "732,5" NBSP "h");
	stats_format_display(20000, 0, SU_EUROS, b, sizeof b);
	assert_string_equal(b, "20" NBSP "000" NBSP "€");
	stats_format_display(1234567890, 2, SU_COUNT, b, sizeof b);
	assert_string_equal(b, "12" NBSP "345" NBSP "678,90");
	stats_format_display(149, 2, SU_EUROS, b, sizeof b);
	assert_string_equal(b, "1,49" NBSP "€");
}

static void stats_format_display__negative_and_small__sign_kept(void **state)
{
	(void)state;
	char b[64];
	stats_format_display(-5, 2, SU_PERCENT, b, sizeof b);
	assert_string_equal(b, "-0,05" NBSP "%");
	stats_format_display(-123456, 2, SU_EUROS, b, sizeof b);
	assert_string_equal(b, "-1" NBSP "234,56" NBSP "€");
	stats_format_display(0, 0, SU_COUNT, b, sizeof b);
	assert_string_equal(b, "0");
}

static void stats_format_plain__csv__no_thousands_separator(void **state)
{
	(void)state;
	char b[64];
	stats_format_plain(17325, 1, b, sizeof b);
	assert_string_equal(b, "1732,5");
	stats_format_plain(-4000000, 2, b, sizeof b);
	assert_string_equal(b, "-40000,00");
	stats_format_plain(INT64_MIN, 2, b, sizeof b);
	assert_string_equal(b, "-92233720368547758,08");
}

static void stats_csv_escape__plain__unchanged(void **state)
{
	(void)state;
	char b[64];
	assert_int_equal(stats_csv_escape("Les Lucioles", 1, b, sizeof b), 12);
	assert_string_equal(b, "Les Lucioles");
	stats_csv_escape("1732,5", 0, b, sizeof b);
	assert_string_equal(b, "1732,5");
}

static void stats_csv_escape__separator_or_quote__quoted_and_doubled(void **state)
{
	(void)state;
	char b[64];
	stats_csv_escape("Crèche \"Les P'tits\"; annexe", 1, b, sizeof b);
	assert_string_equal(b, "\"Crèche \"\"Les P'tits\"\"; annexe\"");
	stats_csv_escape("a\r\nb", 1, b, sizeof b);
	assert_string_equal(b, "\"a\r\nb\"");
}

static void stats_csv_escape__formula_text__neutralised(void **state)
{
	(void)state;
	char b[64];
	stats_csv_escape("=HYPERLINK(\"x\")", 1, b, sizeof b);
	assert_string_equal(b, "\"'=HYPERLINK(\"\"x\"\")\"");
	stats_csv_escape("+33", 1, b, sizeof b);
	assert_string_equal(b, "'+33");
	stats_csv_escape("@SUM", 1, b, sizeof b);
	assert_string_equal(b, "'@SUM");
	/* a negative number is a number, not a formula */
	stats_csv_escape("-0,05", 0, b, sizeof b);
	assert_string_equal(b, "-0,05");
}

static void stats_csv_escape__small_buffer__truncated_full_length_returned(void **state)
{
	(void)state;
	char b[4];
	assert_int_equal(stats_csv_escape("abcdef", 1, b, sizeof b), 6);
	assert_string_equal(b, "abc");
	assert_int_equal(stats_csv_escape(NULL, 1, b, sizeof b), 0);
	assert_string_equal(b, "");
}

static void stats_missing_of__validated_and_national__available(void **state)
{
	(void)state;
	assert_int_equal(stats_missing_of(1, 0, 1), 0);
	assert_int_equal(stats_missing_of(1, 1, 0), 0);
	assert_int_equal(stats_missing_of(1, 1, 1), 0);
}

static void stats_missing_of__no_validated_actual__missing_actual(void **state)
{
	(void)state;
	assert_int_equal(stats_missing_of(0, 1, 1), SMISS_NO_ACTUAL);
}

static void stats_missing_of__no_average__missing_average(void **state)
{
	(void)state;
	assert_int_equal(stats_missing_of(1, 0, 0), SMISS_NO_AVERAGE);
	assert_int_equal(stats_missing_of(0, 0, 0), SMISS_NO_ACTUAL | SMISS_NO_AVERAGE);
}

static void stats_parse_year__four_digits_in_range__year(void **state)
{
	(void)state;
	assert_int_equal(stats_parse_year("2025"), 2025);
	assert_int_equal(stats_parse_year("2000"), 2000);
	assert_int_equal(stats_parse_year("2100"), 2100);
}

static void stats_parse_year__bad_input__zero(void **state)
{
	(void)state;
	assert_int_equal(stats_parse_year(NULL), 0);
	assert_int_equal(stats_parse_year(""), 0);
	assert_int_equal(stats_parse_year("1999"), 0);
	assert_int_equal(stats_parse_year("2101"), 0);
	assert_int_equal(stats_parse_year("20a5"), 0);
	assert_int_equal(stats_parse_year(" 2025"), 0);
	assert_int_equal(stats_parse_year("02025"), 0);
	assert_int_equal(stats_parse_year("-025"), 0);
}

static void stats_parse_year_list__group_concat__years_in_order(void **state)
{
	(void)state;
	int y[8];
	assert_int_equal(stats_parse_year_list("2024,2023,2019", y, 8), 3);
	assert_int_equal(y[0], 2024);
	assert_int_equal(y[1], 2023);
	assert_int_equal(y[2], 2019);
	assert_int_equal(stats_parse_year_list("2022", y, 8), 1);
	assert_int_equal(y[0], 2022);
}

static void stats_parse_year_list__empty_or_bad__skipped(void **state)
{
	(void)state;
	int y[8];
	assert_int_equal(stats_parse_year_list(NULL, y, 8), 0);
	assert_int_equal(stats_parse_year_list("", y, 8), 0);
	assert_int_equal(stats_parse_year_list("20x4,,0,65536,999999999999,2021", y, 8), 1);
	assert_int_equal(y[0], 2021);
	/* never more than cap */
	assert_int_equal(stats_parse_year_list("2024,2023,2022", y, 2), 2);
	assert_int_equal(y[1], 2023);
}

static void stats_parse_year_list__tokens_with_fields__their_years(void **state)
{
	(void)state;
	int y[8];
	/* "year:id" with a year twice (two validated versions) */
	assert_int_equal(stats_parse_year_list("2024:81,2024:64,2023:40", y, 8), 3);
	assert_int_equal(y[0], 2024);
	assert_int_equal(y[1], 2024);
	assert_int_equal(y[2], 2023);
	assert_int_equal(stats_parse_year_list("2025:3:1764700000", y, 8), 1);
	assert_int_equal(y[0], 2025);
	assert_int_equal(stats_parse_year_list("20x5:3,:4,2021:", y, 8), 1);
	assert_int_equal(y[0], 2021);
}

static void stats_year_fields__the_years_first_token__its_numbers(void **state)
{
	(void)state;
	long long v[2] = {0, 0};
	/* the newest version of a year comes first */
	assert_int_equal(stats_year_fields("2024:81,2024:64,2023:40", 2024, v, 1), 1);
	assert_int_equal(v[0], 81);
	assert_int_equal(stats_year_fields("2024:81,2024:64,2023:40", 2023, v, 1), 1);
	assert_int_equal(v[0], 40);
	assert_int_equal(stats_year_fields("2025:3:1764700000,2024:1:1730000000", 2024, v, 2), 2);
	assert_int_equal(v[0], 1);
	assert_int_equal(v[1], 1730000000LL);
	/* no more than asked */
	assert_int_equal(stats_year_fields("2025:3:1764700000", 2025, v, 1), 1);
	assert_int_equal(v[0], 3);
}

static void stats_year_fields__absent_or_malformed__none(void **state)
{
	(void)state;
	long long v[2];
	assert_int_equal(stats_year_fields(NULL, 2024, v, 2), 0);
	assert_int_equal(stats_year_fields("", 2024, v, 2), 0);
	assert_int_equal(stats_year_fields("2023:40,2022:7", 2024, v, 2), 0);
	/* a year alone, or an id that is not a number */
	assert_int_equal(stats_year_fields("2024,2023:40", 2024, v, 2), 0);
	assert_int_equal(stats_year_fields("2024:x1", 2024, v, 2), 0);
	assert_int_equal(stats_year_fields("12024:5", 2024, v, 2), 0);
	/* fewer numbers than asked: how many there are */
	assert_int_equal(stats_year_fields("2024:5", 2024, v, 2), 1);
}

static void stats_merge_years__both__union_newest_first_default_both(void **state)
{
	(void)state;
	const int own[] = {2023, 2022, 2020};
	const int pub[] = {2022, 2021};
	int out[5];
	size_t n;
	int def;
	stats_merge_years(own, 3, pub, 2, out, &n, &def);
	assert_int_equal(n, 4);
	assert_int_equal(out[0], 2023);
	assert_int_equal(out[1], 2022);
	assert_int_equal(out[2], 2021);
	assert_int_equal(out[3], 2020);
	/* 2023 is not published yet: the newest year with both */
	assert_int_equal(def, 2022);
}

static void stats_merge_years__one_side_only__its_newest(void **state)
{
	(void)state;
	const int own[] = {2023, 2021};
	const int pub[] = {2024, 2019};
	int out[4];
	size_t n;
	int def;
	stats_merge_years(own, 2, pub, 2, out, &n, &def);
	assert_int_equal(n, 4);
	assert_int_equal(out[0], 2024);
	assert_int_equal(def, 2023);	/* no year with both: the newest actual */
	stats_merge_years(NULL, 0, pub, 2, out, &n, &def);
	assert_int_equal(n, 2);
	assert_int_equal(def, 2024);
	stats_merge_years(NULL, 0, NULL, 0, out, &n, &def);
	assert_int_equal(n, 0);
	assert_int_equal(def, 0);
}

static void stats_chart_bars__largest_200_others_scaled_half_up(void **state)
{
	(void)state;
	int w[3];
	/* 11,70 / 11,61 / 11,55 EUR: 200, 198.46 -> 198, 197.44 -> 197 */
	stats_chart_bars((const int64_t[]){1170, 1161, 1155}, (const int[]){1, 1, 1}, w);
	assert_int_equal(w[0], 200);
	assert_int_equal(w[1], 198);
	assert_int_equal(w[2], 197);
	/* 200 x 1 / 400 = 0.5 exactly: rounded up; the largest need not be first */
	stats_chart_bars((const int64_t[]){1, 400, 3}, (const int[]){1, 1, 1}, w);
	assert_int_equal(w[0], 1);
	assert_int_equal(w[1], 200);
	assert_int_equal(w[2], 2);
}

static void stats_chart_bars__absent_zero_or_negative__no_bar(void **state)
{
	(void)state;
	int w[3];
	/* an absent value draws nothing and does not set the scale */
	stats_chart_bars((const int64_t[]){500, 9999, 250}, (const int[]){1, 0, 1}, w);
	assert_int_equal(w[0], 200);
	assert_int_equal(w[1], 0);
	assert_int_equal(w[2], 100);
	stats_chart_bars((const int64_t[]){-5, 0, 10}, (const int[]){1, 1, 1}, w);
	assert_int_equal(w[0], 0);
	assert_int_equal(w[1], 0);
	assert_int_equal(w[2], 200);
	/* nothing positive: no scale, no bar */
	stats_chart_bars((const int64_t[]){-5, 0, -1}, (const int[]){1, 1, 1}, w);
	assert_int_equal(w[0] + w[1] + w[2], 0);
	stats_chart_bars((const int64_t[]){7, 8, 9}, (const int[]){0, 0, 0}, w);
	assert_int_equal(w[0] + w[1] + w[2], 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(stats_format_display__percent__comma_and_nbsp),
		cmocka_unit_test(stats_format_display__thousands__grouped_with_nbsp),
		cmocka_unit_test(stats_format_display__negative_and_small__sign_kept),
		cmocka_unit_test(stats_format_plain__csv__no_thousands_separator),
		cmocka_unit_test(stats_csv_escape__plain__unchanged),
		cmocka_unit_test(stats_csv_escape__separator_or_quote__quoted_and_doubled),
		cmocka_unit_test(stats_csv_escape__formula_text__neutralised),
		cmocka_unit_test(stats_csv_escape__small_buffer__truncated_full_length_returned),
		cmocka_unit_test(stats_missing_of__validated_and_national__available),
		cmocka_unit_test(stats_missing_of__no_validated_actual__missing_actual),
		cmocka_unit_test(stats_missing_of__no_average__missing_average),
		cmocka_unit_test(stats_parse_year__four_digits_in_range__year),
		cmocka_unit_test(stats_parse_year__bad_input__zero),
		cmocka_unit_test(stats_chart_bars__largest_200_others_scaled_half_up),
		cmocka_unit_test(stats_chart_bars__absent_zero_or_negative__no_bar),
		cmocka_unit_test(stats_parse_year_list__group_concat__years_in_order),
		cmocka_unit_test(stats_parse_year_list__empty_or_bad__skipped),
		cmocka_unit_test(stats_parse_year_list__tokens_with_fields__their_years),
		cmocka_unit_test(stats_year_fields__the_years_first_token__its_numbers),
		cmocka_unit_test(stats_year_fields__absent_or_malformed__none),
		cmocka_unit_test(stats_merge_years__both__union_newest_first_default_both),
		cmocka_unit_test(stats_merge_years__one_side_only__its_newest),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
