/* The estimate against every vector of issue 5 (scale T) and our own. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "../../../modules/declarations/decl_estimate.h"
#include "../../../modules/declarations/decl_rational.h"
#include "scale_t.h"

/* Issue defaults: charges 480 000, performed 40 000 h, PF 60 000, RG 0,98. */
static struct decl_eaje_input eaje(int64_t invoiced_hours)
{
	struct decl_eaje_input in = {
		.charges_cents = 48000000,
		.hours_performed = 4000000,
		.hours_invoiced = invoiced_hours * 100,
		.family_contrib_cents = 6000000,
		.general_rate = 9800,
		.nappies_and_meals = 1,
		.places = 30,
	};
	return in;
}

static void estimate_eaje__2024_t105__199920(void **state)
{
	(void)state;
	struct decl_eaje_input in = eaje(42000);
	struct decl_estimate e;
	decl_estimate_eaje(&in, &scale_t_2024, &e);
	assert_int_equal(e.status, ESTIMATE_OK);
	assert_int_equal(e.amount_cents, 19992000);
	assert_int_equal(e.ceiling_cents, 1000);
	assert_int_equal(e.unit_cost_cents, 1200);
	assert_int_equal(e.invoicing_rate_bp, 10500);
}

static void estimate_eaje__2024_t110_mid_bracket__186984(void **state)
{
	(void)state;
	struct decl_eaje_input in = eaje(44000);
	struct decl_estimate e;
	decl_estimate_eaje(&in, &scale_t_2024, &e);
	assert_int_equal(e.status, ESTIMATE_OK);
	assert_int_equal(e.amount_cents, 18698400);
	assert_int_equal(e.ceiling_cents, 950);
}

static void estimate_eaje__2025_t110_linear__19394954(void **state)
{
	(void)state;
	struct decl_eaje_input in = eaje(44000);
	struct decl_estimate e;
	decl_estimate_eaje(&in, &scale_t_2025, &e);
	assert_int_equal(e.status, ESTIMATE_OK);
	/* PP = 10 - 3/13 = 9,769230...; rounding happens only at the end */
	assert_int_equal(e.amount_cents, 19394954);
	assert_int_equal(e.ceiling_cents, 977);
}

static void estimate_eaje__2024_invoiced_below_performed__hours_capped(void **state)
{
	(void)state;
	struct decl_eaje_input in = eaje(38000);
	struct decl_estimate e;
	decl_estimate_eaje(&in, &scale_t_2024, &e);
	assert_int_equal(e.status, ESTIMATE_OK);
	assert_int_equal(e.amount_cents, 18698400);
	assert_int_equal(e.retained_hundredths, 3800000);
}

static void estimate_eaje__contributions_exceed__zero(void **state)
{
	(void)state;
	struct decl_eaje_input in = eaje(42000);
	in.family_contrib_cents = 27000000;
	struct decl_estimate e;
	decl_estimate_eaje(&in, &scale_t_2024, &e);
	assert_int_equal(e.status, ESTIMATE_OK);
	assert_int_equal(e.amount_cents, 0);
}

static void estimate_eaje__2024_t117_exactly__high_bracket(void **state)
{
	(void)state;
	struct decl_eaje_input in = eaje(46800); /* 117 % */
	struct decl_estimate e;
	decl_estimate_eaje(&in, &scale_t_2024, &e);
	/* 9 x 0,66 x 40 000 = 237 600 - 60 000 = 177 600 x 0,98 */
	assert_int_equal(e.amount_cents, 17404800);
	assert_int_equal(e.ceiling_cents, 900);
}

static void estimate_eaje__2024_t107_exactly__low_bracket(void **state)
{
	(void)state;
	struct decl_eaje_input in = eaje(42800); /* 107 % */
	struct decl_estimate e;
	decl_estimate_eaje(&in, &scale_t_2024, &e);
	assert_int_equal(e.amount_cents, 19992000);
}

static void estimate_eaje__2024_no_meals__lower_ceiling(void **state)
{
	(void)state;
	struct decl_eaje_input in = eaje(42000);
	in.nappies_and_meals = 0;
	struct decl_estimate e;
	decl_estimate_eaje(&in, &scale_t_2024, &e);
	/* 9 x 0,66 x 40 000 = 237 600 - 60 000 = 177 600 x 0,98 = 174 048 */
	assert_int_equal(e.amount_cents, 17404800);
}

static void estimate_eaje__2025_no_meals_variant_absent__ordinary_ceiling(void **state)
{
	(void)state;
	struct decl_eaje_input in = eaje(42000);
	in.nappies_and_meals = 0;
	struct decl_estimate e;
	decl_estimate_eaje(&in, &scale_t_2025, &e);
	assert_int_equal(e.amount_cents, 19992000);
}

static void estimate_eaje__2025_t120_and_beyond__constant(void **state)
{
	(void)state;
	struct decl_estimate a, b;
	struct decl_eaje_input in = eaje(48000); /* 120 % */
	decl_estimate_eaje(&in, &scale_t_2025, &a);
	in = eaje(60000); /* 150 % */
	decl_estimate_eaje(&in, &scale_t_2025, &b);
	assert_int_equal(a.amount_cents, 17404800);
	assert_int_equal(b.amount_cents, 17404800);
}

static void estimate_eaje__2025_t107__low_ceiling(void **state)
{
	(void)state;
	struct decl_eaje_input in = eaje(42800);
	struct decl_estimate e;
	decl_estimate_eaje(&in, &scale_t_2025, &e);
	assert_int_equal(e.amount_cents, 19992000);
}

static void estimate_eaje__cost_below_ceiling__cost_used(void **state)
{
	(void)state;
	struct decl_eaje_input in = eaje(42000);
	in.charges_cents = 32000000; /* PRH 8,00 < 10,00 */
	struct decl_estimate e;
	decl_estimate_eaje(&in, &scale_t_2024, &e);
	/* 8 x 0,66 x 40 000 = 211 200 - 60 000 = 151 200 x 0,98 = 148 176 */
	assert_int_equal(e.amount_cents, 14817600);
}

static void estimate_eaje__half_cent__rounded_up(void **state)
{
	(void)state;
	/* 1 hour, PRH 10, 66 % x 1 h = 6,60; PF 0; RG 0,0625 -> 0,4125 -> 0,41;
	   RG 0,0675 -> 0,4455 -> 0,45; RG 0,0075 -> 0,0495 -> 0,05 (half-up). */
	struct decl_eaje_input in = {.charges_cents = 1000, .hours_performed = 100,
				     .hours_invoiced = 100, .general_rate = 75,
				     .nappies_and_meals = 1};
	struct decl_estimate e;
	decl_estimate_eaje(&in, &scale_t_2024, &e);
	assert_int_equal(e.amount_cents, 5);
	in.general_rate = 625;
	decl_estimate_eaje(&in, &scale_t_2024, &e);
	assert_int_equal(e.amount_cents, 41);
}

static void estimate_eaje__concertation_hours__added(void **state)
{
	(void)state;
	struct decl_scale_entry rows[sizeof(scale_t_2024_rows) / sizeof(scale_t_2024_rows[0]) + 1];
	for (size_t i = 0; i < scale_t_2024.n; i++)
		rows[i] = scale_t_2024_rows[i];
	rows[scale_t_2024.n] = (struct decl_scale_entry){"concertation_hours_per_place", 300, 2};
	struct decl_scale s = {rows, scale_t_2024.n + 1};
	struct decl_eaje_input in = eaje(42000);
	in.places = 20; /* + 60 hours */
	struct decl_estimate e;
	decl_estimate_eaje(&in, &s, &e);
	/* 10 x 0,66 x 40 060 = 264 396 - 60 000 = 204 396 x 0,98 = 200 308,08 */
	assert_int_equal(e.amount_cents, 20030808);
}

static void estimate_eaje__no_hours__missing_data(void **state)
{
	(void)state;
	struct decl_eaje_input in = eaje(42000);
	in.hours_performed = 0;
	struct decl_estimate e;
	decl_estimate_eaje(&in, &scale_t_2024, &e);
	assert_int_equal(e.status, ESTIMATE_MISSING_DATA);
	assert_string_equal(e.missing, "hours_performed");
}

static void estimate_eaje__scale_without_mid__missing_scale(void **state)
{
	(void)state;
	static const struct decl_scale_entry rows[] = {
		{"model", 1, 0}, {"psu_rate", 6600, 4}, {"rate_low", 10700, 4},
		{"rate_high", 11700, 4}, {"ceiling_low", 1000, 2}, {"ceiling_high", 900, 2}};
	struct decl_scale s = {rows, 6};
	struct decl_eaje_input in = eaje(44000);
	struct decl_estimate e;
	decl_estimate_eaje(&in, &s, &e);
	assert_int_equal(e.status, ESTIMATE_MISSING_SCALE);
	assert_string_equal(e.missing, "ceiling_mid");
}

static void estimate_eaje__empty_scale__missing_scale(void **state)
{
	(void)state;
	struct decl_scale s = {NULL, 0};
	struct decl_eaje_input in = eaje(42000);
	struct decl_estimate e;
	decl_estimate_eaje(&in, &s, &e);
	assert_int_equal(e.status, ESTIMATE_MISSING_SCALE);
}

static void estimate_ram__issue_vector__12900(void **state)
{
	(void)state;
	struct decl_ram_input in = {.charges_cents = 4000000, .etp_worked = 80,
				    .etp_validated = 100, .months_open = 12,
				    .months_presence = 9};
	struct decl_estimate e;
	decl_estimate_ram(&in, &scale_t_ram, &e);
	assert_int_equal(e.status, ESTIMATE_OK);
	assert_int_equal(e.amount_cents, 1290000);
	assert_int_equal(e.retained_hundredths, 60);
}

static void estimate_ram__six_months__ceiling_prorated(void **state)
{
	(void)state;
	/* 6 months open, 1 ETP present all along: ceiling 25 000; charges 30 000
	   -> cost 30 000 > 25 000 -> 43 % x 25 000 x 1 = 10 750 */
	struct decl_ram_input in = {.charges_cents = 3000000, .etp_worked = 100,
				    .etp_validated = 100, .months_open = 6,
				    .months_presence = 6};
	struct decl_estimate e;
	decl_estimate_ram(&in, &scale_t_ram, &e);
	assert_int_equal(e.amount_cents, 1075000);
	assert_int_equal(e.ceiling_cents, 2500000);
}

static void estimate_ram__worked_over_validated__validated_used(void **state)
{
	(void)state;
	/* 1,5 worked, 1,0 validated: financed 1,0; charges 20 000 < ceiling
	   -> 43 % x 20 000 = 8 600 */
	struct decl_ram_input in = {.charges_cents = 2000000, .etp_worked = 150,
				    .etp_validated = 100, .months_open = 12,
				    .months_presence = 12};
	struct decl_estimate e;
	decl_estimate_ram(&in, &scale_t_ram, &e);
	assert_int_equal(e.amount_cents, 860000);
	assert_int_equal(e.retained_hundredths, 100);
}

static void estimate_ram__no_presence__zero(void **state)
{
	(void)state;
	struct decl_ram_input in = {.charges_cents = 2000000, .etp_worked = 100,
				    .etp_validated = 100, .months_open = 12,
				    .months_presence = 0};
	struct decl_estimate e;
	decl_estimate_ram(&in, &scale_t_ram, &e);
	assert_int_equal(e.status, ESTIMATE_OK);
	assert_int_equal(e.amount_cents, 0);
}

static void estimate_ram__months_open_zero__missing_data(void **state)
{
	(void)state;
	struct decl_ram_input in = {.charges_cents = 2000000, .etp_worked = 100,
				    .etp_validated = 100, .months_open = 0};
	struct decl_estimate e;
	decl_estimate_ram(&in, &scale_t_ram, &e);
	assert_int_equal(e.status, ESTIMATE_MISSING_DATA);
	assert_string_equal(e.missing, "months_open");
}

static void estimate_alsh__issue_vector__42750(void **state)
{
	(void)state;
	struct decl_alsh_input in = {.charges_cents = 15000000, .hours_children = 4000000,
				     .general_rate = 9500};
	struct decl_estimate e;
	decl_estimate_alsh(&in, &scale_t_alsh, &e);
	assert_int_equal(e.status, ESTIMATE_OK);
	assert_int_equal(e.amount_cents, 4275000);
	assert_int_equal(e.unit_cost_cents, 375);
}

static void estimate_alsh__cost_over_ceiling__ceiling_used(void **state)
{
	(void)state;
	/* 300 000 / 40 000 = 7,50 > 5,00: 30 % x 5 x 40 000 x 0,95 = 57 000 */
	struct decl_alsh_input in = {.charges_cents = 30000000, .hours_children = 4000000,
				     .general_rate = 9500};
	struct decl_estimate e;
	decl_estimate_alsh(&in, &scale_t_alsh, &e);
	assert_int_equal(e.amount_cents, 5700000);
}

static void estimate_alsh__no_hours__missing_data(void **state)
{
	(void)state;
	struct decl_alsh_input in = {.charges_cents = 30000000, .general_rate = 9500};
	struct decl_estimate e;
	decl_estimate_alsh(&in, &scale_t_alsh, &e);
	assert_int_equal(e.status, ESTIMATE_MISSING_DATA);
}

static void q_round_scaled__negative_half__away_from_zero(void **state)
{
	(void)state;
	int ovf = 0;
	assert_int_equal(q_round_scaled(q_frac(-1, 200), 2, &ovf), -1);
	assert_int_equal(q_round_scaled(q_frac(1, 200), 2, &ovf), 1);
	assert_int_equal(q_round_scaled(q_frac(1, 201), 2, &ovf), 0);
	assert_int_equal(ovf, 0);
}

static void q_round_scaled__too_large__overflow(void **state)
{
	(void)state;
	int ovf = 0;
	struct q big = q_mul(q_int(INT64_MAX), q_int(1000));
	q_round_scaled(big, 2, &ovf);
	assert_int_equal(ovf, 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(estimate_eaje__2024_t105__199920),
		cmocka_unit_test(estimate_eaje__2024_t110_mid_bracket__186984),
		cmocka_unit_test(estimate_eaje__2025_t110_linear__19394954),
		cmocka_unit_test(estimate_eaje__2024_invoiced_below_performed__hours_capped),
		cmocka_unit_test(estimate_eaje__contributions_exceed__zero),
		cmocka_unit_test(estimate_eaje__2024_t117_exactly__high_bracket),
		cmocka_unit_test(estimate_eaje__2024_t107_exactly__low_bracket),
		cmocka_unit_test(estimate_eaje__2024_no_meals__lower_ceiling),
		cmocka_unit_test(estimate_eaje__2025_no_meals_variant_absent__ordinary_ceiling),
		cmocka_unit_test(estimate_eaje__2025_t120_and_beyond__constant),
		cmocka_unit_test(estimate_eaje__2025_t107__low_ceiling),
		cmocka_unit_test(estimate_eaje__cost_below_ceiling__cost_used),
		cmocka_unit_test(estimate_eaje__half_cent__rounded_up),
		cmocka_unit_test(estimate_eaje__concertation_hours__added),
		cmocka_unit_test(estimate_eaje__no_hours__missing_data),
		cmocka_unit_test(estimate_eaje__scale_without_mid__missing_scale),
		cmocka_unit_test(estimate_eaje__empty_scale__missing_scale),
		cmocka_unit_test(estimate_ram__issue_vector__12900),
		cmocka_unit_test(estimate_ram__six_months__ceiling_prorated),
		cmocka_unit_test(estimate_ram__worked_over_validated__validated_used),
		cmocka_unit_test(estimate_ram__no_presence__zero),
		cmocka_unit_test(estimate_ram__months_open_zero__missing_data),
		cmocka_unit_test(estimate_alsh__issue_vector__42750),
		cmocka_unit_test(estimate_alsh__cost_over_ceiling__ceiling_used),
		cmocka_unit_test(estimate_alsh__no_hours__missing_data),
		cmocka_unit_test(q_round_scaled__negative_half__away_from_zero),
		cmocka_unit_test(q_round_scaled__too_large__overflow),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
