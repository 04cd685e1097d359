/* Every indicator formula against the vector of issue 6 and hand-computed
 * RAM/ALSH cases; zero places or zero hours give "non calculable"; mean and
 * median with their rounding. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "../../../modules/statistics/stats_calc.h"

/* Issue 6: 20 places, 225 days x 11 h, performed 34 650 h, invoiced
 * 37 000 h, charges 400 000, products PSU 190 000 / PF 55 000 / local
 * authority 120 000 / other 35 000. */
static struct stats_input issue_vector(void)
{
	struct stats_input in;
	memset(&in, 0, sizeof(in));
	stats_input_set(&in, SF_PLACES, 20);
	stats_input_set(&in, SF_OPENING_DAYS, 225);
	stats_input_set(&in, SF_HOURS_PER_DAY, 1100);
	stats_input_set(&in, SF_HOURS_PERFORMED, 3465000);
	stats_input_set(&in, SF_HOURS_INVOICED, 3700000);
	stats_input_set(&in, SF_TOTAL_CHARGES, 40000000);
	stats_input_set(&in, SF_STAFF, 28000000);
	stats_input_set(&in, SF_TOTAL_PRODUCTS, 40000000);
	stats_input_set(&in, SF_PR_PS, 19000000);
	stats_input_set(&in, SF_PR_FAMILY, 5500000);
	stats_input_set(&in, SF_PR_MUNICIPALITY, 12000000);
	return in;
}

static int64_t value_of(const char *code, const struct stats_input *in)
{
	const struct stats_indicator *ind = stats_indicator_find(code);
	assert_non_null(ind);
	struct stats_value v = stats_compute(ind, in);
	assert_true(v.ok);
	return v.v;
}

static void not_computable(const char *code, const struct stats_input *in)
{
	const struct stats_indicator *ind = stats_indicator_find(code);
	assert_non_null(ind);
	struct stats_value v = stats_compute(ind, in);
	assert_false(v.ok);
}

static void eaje_capacity__issue_vector__49500_hours(void **state)
{
	(void)state;
	struct stats_input in = issue_vector();
	assert_int_equal(value_of("eaje_capacity", &in), 49500);
}

static void eaje_occupancy_rate__issue_vector__70_00(void **state)
{
	(void)state;
	struct stats_input in = issue_vector();
	assert_int_equal(value_of("eaje_occupancy_rate", &in), 7000);
}

static void eaje_financial_occupancy_rate__issue_vector__74_75(void **state)
{
	(void)state;
	struct stats_input in = issue_vector();
	assert_int_equal(value_of("eaje_financial_occupancy_rate", &in), 7475);
}

static void eaje_invoicing_rate__issue_vector__106_78(void **state)
{
	(void)state;
	struct stats_input in = issue_vector();
	assert_int_equal(value_of("eaje_invoicing_rate", &in), 10678);
}

static void eaje_hourly_cost_real__issue_vector__11_54(void **state)
{
	(void)state;
	struct stats_input in = issue_vector();
	assert_int_equal(value_of("eaje_hourly_cost_real", &in), 1154);
}

static void eaje_hourly_cost_budget__issue_vector__10_81(void **state)
{
	(void)state;
	struct stats_input in = issue_vector();
	assert_int_equal(value_of("eaje_hourly_cost_budget", &in), 1081);
}

static void eaje_cost_per_place__issue_vector__20000(void **state)
{
	(void)state;
	struct stats_input in = issue_vector();
	assert_int_equal(value_of("eaje_cost_per_place", &in), 20000);
}

static void eaje_hours_per_place__issue_vector__1732_5(void **state)
{
	(void)state;
	struct stats_input in = issue_vector();
	assert_int_equal(value_of("eaje_hours_per_place", &in), 17325);
}

static void eaje_family_per_hour__issue_vector__1_49(void **state)
{
	(void)state;
	struct stats_input in = issue_vector();
	assert_int_equal(value_of("eaje_family_per_hour", &in), 149);
}

static void eaje_shares__issue_vector__47_50_13_75_30_00_8_75(void **state)
{
	(void)state;
	struct stats_input in = issue_vector();
	assert_int_equal(value_of("eaje_share_psu", &in), 4750);
	assert_int_equal(value_of("eaje_share_family", &in), 1375);
	assert_int_equal(value_of("eaje_share_local", &in), 3000);
	assert_int_equal(value_of("eaje_share_other", &in), 875);
}

static void eaje_staff_share__280000_of_400000__70_00(void **state)
{
	(void)state;
	struct stats_input in = issue_vector();
	assert_int_equal(value_of("eaje_staff_share", &in), 7000);
}

static void eaje_share_local__department_grant__counts_with_municipality(void **state)
{
	(void)state;
	struct stats_input in = issue_vector();
	stats_input_set(&in, SF_PR_MUNICIPALITY, 10000000);
	stats_input_set(&in, SF_PR_DEPARTMENT, 2000000);
	assert_int_equal(value_of("eaje_share_local", &in), 3000);
	assert_int_equal(value_of("eaje_share_other", &in), 875);
}

static void eaje_indicators__zero_places__not_computable(void **state)
{
	(void)state;
	struct stats_input in = issue_vector();
	stats_input_set(&in, SF_PLACES, 0);
	not_computable("eaje_capacity", &in);
	not_computable("eaje_occupancy_rate", &in);
	not_computable("eaje_financial_occupancy_rate", &in);
	not_computable("eaje_hours_per_place", &in);
	not_computable("eaje_cost_per_place", &in);
	/* the others do not divide by places */
	assert_int_equal(value_of("eaje_invoicing_rate", &in), 10678);
}

static void eaje_indicators__zero_hours__not_computable(void **state)
{
	(void)state;
	struct stats_input in = issue_vector();
	stats_input_set(&in, SF_HOURS_PERFORMED, 0);
	stats_input_set(&in, SF_HOURS_INVOICED, 0);
	not_computable("eaje_invoicing_rate", &in);
	not_computable("eaje_hourly_cost_real", &in);
	not_computable("eaje_hourly_cost_budget", &in);
	not_computable("eaje_family_per_hour", &in);
	assert_int_equal(value_of("eaje_occupancy_rate", &in), 0);
}

static void eaje_indicators__zero_days_or_daily_hours__not_computable(void **state)
{
	(void)state;
	struct stats_input in = issue_vector();
	stats_input_set(&in, SF_OPENING_DAYS, 0);
	not_computable("eaje_occupancy_rate", &in);
	in = issue_vector();
	stats_input_set(&in, SF_HOURS_PER_DAY, 0);
	not_computable("eaje_financial_occupancy_rate", &in);
}

static void eaje_shares__zero_products__not_computable(void **state)
{
	(void)state;
	struct stats_input in = issue_vector();
	stats_input_set(&in, SF_TOTAL_PRODUCTS, 0);
	stats_input_set(&in, SF_TOTAL_CHARGES, 0);
	not_computable("eaje_share_psu", &in);
	not_computable("eaje_share_other", &in);
	not_computable("eaje_staff_share", &in);
}

static void eaje_indicators__missing_field__not_computable(void **state)
{
	(void)state;
	struct stats_input in;
	memset(&in, 0, sizeof(in));
	for (size_t i = 0; i < STATS_NINDICATORS; i++)
		assert_false(stats_compute(&STATS_INDICATORS[i], &in).ok);
}

static void eaje_share_family__empty_line__zero(void **state)
{
	(void)state;
	struct stats_input in = issue_vector();
	in.has[SF_PR_FAMILY] = 0;
	assert_int_equal(value_of("eaje_share_family", &in), 0);
	assert_int_equal(value_of("eaje_family_per_hour", &in), 0);
}

/* RAM: charges 75 000, 1,50 ETP, 12 months, 11 of presence, PS 30 000,
 * municipality 42 750, other 2 250. */
static struct stats_input ram_vector(void)
{
	struct stats_input in;
	memset(&in, 0, sizeof(in));
	stats_input_set(&in, SF_ETP, 150);
	stats_input_set(&in, SF_MONTHS_OPEN, 12);
	stats_input_set(&in, SF_MONTHS_PRESENCE, 11);
	stats_input_set(&in, SF_ACTIVITY_PLACES, 1);
	stats_input_set(&in, SF_TOTAL_CHARGES, 7500000);
	stats_input_set(&in, SF_STAFF, 5400000);
	stats_input_set(&in, SF_TOTAL_PRODUCTS, 7500000);
	stats_input_set(&in, SF_PR_PS, 3000000);
	stats_input_set(&in, SF_PR_MUNICIPALITY, 4275000);
	return in;
}

static void ram_indicators__vector__expected_values(void **state)
{
	(void)state;
	struct stats_input in = ram_vector();
	assert_int_equal(value_of("ram_etp", &in), 150);
	assert_int_equal(value_of("ram_months_open", &in), 120);
	assert_int_equal(value_of("ram_presence_rate", &in), 9167);	/* 91,67 % */
	assert_int_equal(value_of("ram_activity_places", &in), 10);
	assert_int_equal(value_of("ram_cost_per_etp", &in), 50000);
	assert_int_equal(value_of("ram_cost_per_month", &in), 6250);
	assert_int_equal(value_of("ram_share_ps", &in), 4000);
	assert_int_equal(value_of("ram_share_local", &in), 5700);
	assert_int_equal(value_of("ram_share_other", &in), 300);
	assert_int_equal(value_of("ram_staff_share", &in), 7200);
}

static void ram_cost_per_etp__zero_etp__not_computable(void **state)
{
	(void)state;
	struct stats_input in = ram_vector();
	stats_input_set(&in, SF_ETP, 0);
	not_computable("ram_cost_per_etp", &in);
	assert_int_equal(value_of("ram_etp", &in), 0);
}

/* ALSH: 140 days, 40 000 hours-children (10 000 in holidays), 120 children,
 * charges 150 000, PF 40 000, PS 45 000, municipality 65 000. */
static struct stats_input alsh_vector(void)
{
	struct stats_input in;
	memset(&in, 0, sizeof(in));
	stats_input_set(&in, SF_OPENING_DAYS, 140);
	stats_input_set(&in, SF_HC_TOTAL, 4000000);
	stats_input_set(&in, SF_HC_HOLIDAYS, 1000000);
	stats_input_set(&in, SF_CHILDREN, 120);
	stats_input_set(&in, SF_TOTAL_CHARGES, 15000000);
	stats_input_set(&in, SF_STAFF, 12000000);
	stats_input_set(&in, SF_TOTAL_PRODUCTS, 15000000);
	stats_input_set(&in, SF_PR_FAMILY, 4000000);
	stats_input_set(&in, SF_PR_PS, 4500000);
	stats_input_set(&in, SF_PR_MUNICIPALITY, 6500000);
	return in;
}

static void alsh_indicators__vector__expected_values(void **state)
{
	(void)state;
	struct stats_input in = alsh_vector();
	assert_int_equal(value_of("alsh_hours_children", &in), 40000);
	assert_int_equal(value_of("alsh_hours_per_day", &in), 2857);	/* 285,7 */
	assert_int_equal(value_of("alsh_hours_per_child", &in), 3333);	/* 333,3 */
	assert_int_equal(value_of("alsh_holiday_share", &in), 2500);
	assert_int_equal(value_of("alsh_cost_per_hour", &in), 375);
	assert_int_equal(value_of("alsh_family_per_hour", &in), 100);
	assert_int_equal(value_of("alsh_share_ps", &in), 3000);
	assert_int_equal(value_of("alsh_share_family", &in), 2667);	/* 26,666… */
	assert_int_equal(value_of("alsh_share_local", &in), 4333);
	assert_int_equal(value_of("alsh_share_other", &in), 0);
	assert_int_equal(value_of("alsh_staff_share", &in), 8000);
}

static void alsh_cost_per_hour__zero_hours__not_computable(void **state)
{
	(void)state;
	struct stats_input in = alsh_vector();
	stats_input_set(&in, SF_HC_TOTAL, 0);
	not_computable("alsh_cost_per_hour", &in);
	not_computable("alsh_family_per_hour", &in);
	not_computable("alsh_holiday_share", &in);
	stats_input_set(&in, SF_OPENING_DAYS, 0);
	not_computable("alsh_hours_per_day", &in);
	stats_input_set(&in, SF_CHILDREN, 0);
	not_computable("alsh_hours_per_child", &in);
}

static void stats_ratio__half__rounds_away_from_zero(void **state)
{
	(void)state;
	int64_t out;
	assert_int_equal(stats_ratio(1, 0, 8, 0, 1, 2, &out), 0);	/* 0,125 */
	assert_int_equal(out, 13);
	assert_int_equal(stats_ratio(-1, 0, 8, 0, 1, 2, &out), 0);
	assert_int_equal(out, -13);
	assert_int_equal(stats_ratio(1, 0, 3, 0, 100, 2, &out), 0);	/* 33,333… */
	assert_int_equal(out, 3333);
}

static void stats_ratio__zero_or_negative_denominator__refused(void **state)
{
	(void)state;
	int64_t out = 42;
	assert_int_equal(stats_ratio(5, 0, 0, 0, 1, 2, &out), -1);
	assert_int_equal(stats_ratio(5, 0, -1, 0, 1, 2, &out), -1);
	assert_int_equal(out, 42);
}

static void stats_ratio__huge_result__overflow_refused(void **state)
{
	(void)state;
	int64_t out;
	assert_int_equal(stats_ratio(INT64_MAX, 0, 1, 6, 100, 6, &out), -1);
}

static void stats_mean__values__rounded_half_up(void **state)
{
	(void)state;
	int64_t v[] = {7000, 7475, 7001, 7000};
	int64_t out;
	assert_int_equal(stats_mean(v, 4, &out), 0);
	assert_int_equal(out, 7119);	/* 28476 / 4 = 7119 */
	int64_t w[] = {1, 2};
	assert_int_equal(stats_mean(w, 2, &out), 0);
	assert_int_equal(out, 2);	/* 1,5 -> 2 */
}

static void stats_mean__empty__refused(void **state)
{
	(void)state;
	int64_t out;
	assert_int_equal(stats_mean(NULL, 0, &out), -1);
}

static void stats_median__odd_count__middle_value(void **state)
{
	(void)state;
	int64_t v[] = {9, 1, 5, 7, 3};
	int64_t out;
	assert_int_equal(stats_median(v, 5, &out), 0);
	assert_int_equal(out, 5);
}

static void stats_median__even_count__mean_of_middle_rounded(void **state)
{
	(void)state;
	int64_t v[] = {10, 1, 4, 3};
	int64_t out;
	assert_int_equal(stats_median(v, 4, &out), 0);
	assert_int_equal(out, 4);	/* (3 + 4) / 2 = 3,5 -> 4 */
	int64_t one[] = {42};
	assert_int_equal(stats_median(one, 1, &out), 0);
	assert_int_equal(out, 42);
	assert_int_equal(stats_median(NULL, 0, &out), -1);
}

static void stats_indicators__table__unique_codes_and_definitions(void **state)
{
	(void)state;
	for (size_t i = 0; i < STATS_NINDICATORS; i++) {
		const struct stats_indicator *a = &STATS_INDICATORS[i];
		assert_true(strlen(a->code) <= 40);
		assert_true(strlen(a->label) > 0 && strlen(a->definition) > 0);
		assert_ptr_equal(stats_indicator_find(a->code), a);
		/* kinds then tabs are grouped for display */
		if (i > 0) {
			const struct stats_indicator *p = &STATS_INDICATORS[i - 1];
			assert_true(p->kind < a->kind || (p->kind == a->kind && p->tab <= a->tab));
		}
	}
	assert_null(stats_indicator_find("nope"));
	assert_true(STATS_NINDICATORS <= STATS_MAX_INDICATORS);
}

static void stats_field_from_code__catalogue_codes__round_trip(void **state)
{
	(void)state;
	for (int f = 0; f < SF__MAX; f++)
		assert_int_equal(stats_field_from_code(stats_field_code((enum stats_field)f)), f);
	assert_int_equal(stats_field_from_code("hours_invoiced"), SF_HOURS_INVOICED);
	assert_int_equal(stats_field_from_code("nappies_provided"), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(eaje_capacity__issue_vector__49500_hours),
		cmocka_unit_test(eaje_occupancy_rate__issue_vector__70_00),
		cmocka_unit_test(eaje_financial_occupancy_rate__issue_vector__74_75),
		cmocka_unit_test(eaje_invoicing_rate__issue_vector__106_78),
		cmocka_unit_test(eaje_hourly_cost_real__issue_vector__11_54),
		cmocka_unit_test(eaje_hourly_cost_budget__issue_vector__10_81),
		cmocka_unit_test(eaje_cost_per_place__issue_vector__20000),
		cmocka_unit_test(eaje_hours_per_place__issue_vector__1732_5),
		cmocka_unit_test(eaje_family_per_hour__issue_vector__1_49),
		cmocka_unit_test(eaje_shares__issue_vector__47_50_13_75_30_00_8_75),
		cmocka_unit_test(eaje_staff_share__280000_of_400000__70_00),
		cmocka_unit_test(eaje_share_local__department_grant__counts_with_municipality),
		cmocka_unit_test(eaje_indicators__zero_places__not_computable),
		cmocka_unit_test(eaje_indicators__zero_hours__not_computable),
		cmocka_unit_test(eaje_indicators__zero_days_or_daily_hours__not_computable),
		cmocka_unit_test(eaje_shares__zero_products__not_computable),
		cmocka_unit_test(eaje_indicators__missing_field__not_computable),
		cmocka_unit_test(eaje_share_family__empty_line__zero),
		cmocka_unit_test(ram_indicators__vector__expected_values),
		cmocka_unit_test(ram_cost_per_etp__zero_etp__not_computable),
		cmocka_unit_test(alsh_indicators__vector__expected_values),
		cmocka_unit_test(alsh_cost_per_hour__zero_hours__not_computable),
		cmocka_unit_test(stats_ratio__half__rounds_away_from_zero),
		cmocka_unit_test(stats_ratio__zero_or_negative_denominator__refused),
		cmocka_unit_test(stats_ratio__huge_result__overflow_refused),
		cmocka_unit_test(stats_mean__values__rounded_half_up),
		cmocka_unit_test(stats_mean__empty__refused),
		cmocka_unit_test(stats_median__odd_count__middle_value),
		cmocka_unit_test(stats_median__even_count__mean_of_middle_rounded),
		cmocka_unit_test(stats_indicators__table__unique_codes_and_definitions),
		cmocka_unit_test(stats_field_from_code__catalogue_codes__round_trip),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
