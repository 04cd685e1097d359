/* Every control rule: one case that fires and one that does not. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "../../../modules/declarations/decl_controls.h"

static struct decl_thresholds th;

static int setup(void **state)
{
	(void)state;
	decl_thresholds_default(&th);
	return 0;
}

static const struct decl_control *find(const struct decl_control_list *l, const char *code)
{
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->items[i].code, code) == 0)
			return &l->items[i];
	return NULL;
}

#define VALS(...) \
	(struct decl_vals){(const struct decl_val[]){__VA_ARGS__}, \
			   sizeof((const struct decl_val[]){__VA_ARGS__}) / sizeof(struct decl_val)}

static struct decl_control_list run(enum decl_kind k, enum decl_section s,
				    const struct decl_vals *cur, const struct decl_vals *prev)
{
	struct decl_control_input in = {.kind = k, .section = s, .cur = cur, .prev = prev,
					.prev_year = 2024, .validated_etp = -1};
	struct decl_control_list out;
	decl_controls_run(&in, &th, &out);
	return out;
}

/* A coherent EAJE: 40 places, 220 days x 11 h = 96 800 h capacity. */
#define EAJE_OK {"places", 40}, {"opening_days", 220}, {"opening_hours_per_day", 1100}, \
	{"hours_performed", 6000000}, {"hours_invoiced", 6300000}

static void controls_eaje_activity__coherent__none(void **state)
{
	(void)state;
	struct decl_vals cur = VALS(EAJE_OK);
	struct decl_control_list l = run(DKIND_EAJE, DSECTION_ACTIVITY, &cur, NULL);
	assert_int_equal(l.n, 0);
}

static void controls_eaje_invoiced_below_performed__fires__anomaly(void **state)
{
	(void)state;
	struct decl_vals cur = VALS({"hours_performed", 4000000}, {"hours_invoiced", 3800000});
	struct decl_control_list l = run(DKIND_EAJE, DSECTION_ACTIVITY, &cur, NULL);
	const struct decl_control *c = find(&l, "eaje_invoiced_below_performed");
	assert_non_null(c);
	assert_int_equal(c->severity, DSEV_ANOMALY);
	assert_non_null(strstr(c->message, "38\xc2\xa0" "000,00"));
	assert_non_null(strstr(c->message, "40\xc2\xa0" "000,00"));
	assert_true(strlen(c->action) > 10);
}

static void controls_eaje_invoicing_rate__over_117__alert(void **state)
{
	(void)state;
	struct decl_vals cur = VALS({"hours_performed", 4000000}, {"hours_invoiced", 4800000});
	struct decl_control_list l = run(DKIND_EAJE, DSECTION_ACTIVITY, &cur, NULL);
	const struct decl_control *c = find(&l, "eaje_invoicing_rate_high");
	assert_non_null(c);
	assert_int_equal(c->severity, DSEV_ALERT);
	assert_non_null(strstr(c->message, "120,0 %"));
	struct decl_vals ok = VALS({"hours_performed", 4000000}, {"hours_invoiced", 4680000});
	l = run(DKIND_EAJE, DSECTION_ACTIVITY, &ok, NULL);
	assert_null(find(&l, "eaje_invoicing_rate_high")); /* exactly 117 %: not beyond */
}

static void controls_eaje_occupancy__over_capacity__anomaly(void **state)
{
	(void)state;
	/* 10 places x 200 days x 10 h = 20 000 h; 21 000 performed = 105 % */
	struct decl_vals cur = VALS({"places", 10}, {"opening_days", 200},
				    {"opening_hours_per_day", 1000}, {"hours_performed", 2100000},
				    {"hours_invoiced", 2100000});
	struct decl_control_list l = run(DKIND_EAJE, DSECTION_ACTIVITY, &cur, NULL);
	const struct decl_control *c = find(&l, "eaje_occupancy_over_100");
	assert_non_null(c);
	assert_int_equal(c->severity, DSEV_ANOMALY);
	assert_non_null(strstr(c->message, "105,0 %"));
}

static void controls_eaje_variation__beyond_threshold__alert_per_field(void **state)
{
	(void)state;
	struct decl_vals cur = VALS(EAJE_OK);
	struct decl_vals prev = VALS({"places", 40}, {"hours_performed", 4800000},
				     {"hours_invoiced", 5200000});
	struct decl_control_list l = run(DKIND_EAJE, DSECTION_ACTIVITY, &cur, &prev);
	const struct decl_control *c = find(&l, "eaje_variation_hours_performed");
	assert_non_null(c); /* 60 000 vs 48 000: +25 % */
	assert_non_null(strstr(c->message, "+25,0 %"));
	assert_non_null(strstr(c->message, "2024"));
	assert_non_null(find(&l, "eaje_variation_hours_invoiced")); /* +21,2 % */
	assert_null(find(&l, "eaje_variation_places"));
}

static void controls_variation__within_threshold_or_no_prev__none(void **state)
{
	(void)state;
	struct decl_vals cur = VALS(EAJE_OK);
	struct decl_vals prev = VALS({"hours_performed", 5000000}, {"hours_invoiced", 5250000});
	struct decl_control_list l = run(DKIND_EAJE, DSECTION_ACTIVITY, &cur, &prev);
	assert_null(find(&l, "eaje_variation_hours_performed")); /* +20 % exactly */
	l = run(DKIND_EAJE, DSECTION_ACTIVITY, &cur, NULL);
	assert_int_equal(l.n, 0);
}

static void controls_variation__decrease__negative_percent(void **state)
{
	(void)state;
	struct decl_vals cur = VALS({"hours_performed", 3000000}, {"hours_invoiced", 3000000});
	struct decl_vals prev = VALS({"hours_performed", 4000000});
	struct decl_control_list l = run(DKIND_EAJE, DSECTION_ACTIVITY, &cur, &prev);
	const struct decl_control *c = find(&l, "eaje_variation_hours_performed");
	assert_non_null(c);
	assert_non_null(strstr(c->message, "-25,0 %"));
}

static void controls_variation__threshold_from_config_value__honoured(void **state)
{
	(void)state;
	struct decl_vals cur = VALS({"hours_performed", 4400000}, {"hours_invoiced", 4400000});
	struct decl_vals prev = VALS({"hours_performed", 4000000});
	struct decl_control_list l = run(DKIND_EAJE, DSECTION_ACTIVITY, &cur, &prev);
	assert_null(find(&l, "eaje_variation_hours_performed")); /* +10 % < 20 % */
	th.variation_bp = 500;
	l = run(DKIND_EAJE, DSECTION_ACTIVITY, &cur, &prev);
	assert_non_null(find(&l, "eaje_variation_hours_performed"));
	decl_thresholds_default(&th);
}

static void controls_ram_presence_over_opening__anomaly(void **state)
{
	(void)state;
	struct decl_vals cur = VALS({"months_open", 10}, {"months_presence", 11}, {"etp_worked", 100});
	struct decl_control_list l = run(DKIND_RAM, DSECTION_ACTIVITY, &cur, NULL);
	assert_non_null(find(&l, "ram_presence_over_opening"));
	struct decl_vals ok = VALS({"months_open", 12}, {"months_presence", 9}, {"etp_worked", 100});
	l = run(DKIND_RAM, DSECTION_ACTIVITY, &ok, NULL);
	assert_int_equal(l.n, 0);
}

static void controls_ram_etp__over_6_and_over_validated__both(void **state)
{
	(void)state;
	struct decl_vals cur = VALS({"etp_worked", 650});
	struct decl_control_input in = {.kind = DKIND_RAM, .section = DSECTION_ACTIVITY,
					.cur = &cur, .validated_etp = 150};
	struct decl_control_list l;
	decl_controls_run(&in, &th, &l);
	assert_int_equal(find(&l, "ram_etp_over_6")->severity, DSEV_ANOMALY);
	assert_int_equal(find(&l, "ram_etp_over_validated")->severity, DSEV_ALERT);
	struct decl_vals ok = VALS({"etp_worked", 150});
	in.cur = &ok;
	decl_controls_run(&in, &th, &l);
	assert_int_equal(l.n, 0);
}

static void controls_ram_variation_etp__alert(void **state)
{
	(void)state;
	struct decl_vals cur = VALS({"etp_worked", 150});
	struct decl_vals prev = VALS({"etp_worked", 100});
	struct decl_control_list l = run(DKIND_RAM, DSECTION_ACTIVITY, &cur, &prev);
	assert_non_null(find(&l, "ram_variation_etp"));
}

static void controls_alsh_hours_without_opening__anomaly(void **state)
{
	(void)state;
	struct decl_vals cur = VALS({"hours_children_total", 100000}, {"opening_days", 0});
	struct decl_control_list l = run(DKIND_ALSH, DSECTION_ACTIVITY, &cur, NULL);
	assert_non_null(find(&l, "alsh_hours_without_opening"));
	struct decl_vals prev = VALS({"hours_children_total", 50000});
	struct decl_vals cur2 = VALS({"hours_children_total", 100000}, {"opening_days", 140});
	l = run(DKIND_ALSH, DSECTION_ACTIVITY, &cur2, &prev);
	assert_null(find(&l, "alsh_hours_without_opening"));
	assert_non_null(find(&l, "alsh_variation_hours_children"));
}

/* EAJE financial: charges 480 000 for 40 000 h (12 €/h), staff 75 %. */
#define EAJE_FIN {"hours_performed", 4000000}, {"ch_staff", 36000000}, \
	{"ch_purchases", 6000000}, {"ch_external", 6000000}, {"pr_family", 6000000}, \
	{"pr_ps_caf", 20000000}, {"pr_municipality", 22000000}

static void controls_financial__coherent__none(void **state)
{
	(void)state;
	struct decl_vals cur = VALS(EAJE_FIN);
	struct decl_control_list l = run(DKIND_EAJE, DSECTION_FINANCIAL, &cur, NULL);
	assert_int_equal(l.n, 0);
}

static void controls_eaje_hourly_cost__out_of_range__alert(void **state)
{
	(void)state;
	/* 480 000 / 20 000 h = 24 €/h > 16 € */
	struct decl_vals cur = VALS({"hours_performed", 2000000}, {"ch_staff", 36000000},
				    {"ch_purchases", 6000000}, {"ch_external", 6000000});
	struct decl_control_list l = run(DKIND_EAJE, DSECTION_FINANCIAL, &cur, NULL);
	const struct decl_control *c = find(&l, "eaje_hourly_cost_out_of_range");
	assert_non_null(c);
	assert_non_null(strstr(c->message, "24,00 €"));
}

static void controls_alsh_hourly_cost__below_range__alert(void **state)
{
	(void)state;
	struct decl_vals cur = VALS({"hours_children_total", 10000000}, {"ch_staff", 7000000},
				    {"ch_purchases", 3000000});
	struct decl_control_list l = run(DKIND_ALSH, DSECTION_FINANCIAL, &cur, NULL);
	assert_non_null(find(&l, "alsh_hourly_cost_out_of_range")); /* 1,00 € < 1,50 € */
}

static void controls_ram_cost_per_etp__high__alert(void **state)
{
	(void)state;
	struct decl_vals cur = VALS({"etp_worked", 100}, {"ch_staff", 8000000},
				    {"ch_purchases", 2000000});
	struct decl_control_list l = run(DKIND_RAM, DSECTION_FINANCIAL, &cur, NULL);
	assert_non_null(find(&l, "ram_cost_per_etp_high")); /* 100 000 > 90 000 */
}

static void controls_balance_gap__deficit__alert(void **state)
{
	(void)state;
	struct decl_vals cur = VALS({"hours_performed", 4000000}, {"ch_staff", 36000000},
				    {"ch_purchases", 6000000}, {"ch_external", 6000000},
				    {"pr_family", 6000000}, {"pr_ps_caf", 20000000});
	struct decl_control_list l = run(DKIND_EAJE, DSECTION_FINANCIAL, &cur, NULL);
	const struct decl_control *c = find(&l, "balance_gap");
	assert_non_null(c);
	assert_non_null(strstr(c->message, "-45,8 %"));
}

static void controls_staff_share__out_of_range__alert(void **state)
{
	(void)state;
	struct decl_vals cur = VALS({"hours_performed", 4000000}, {"ch_staff", 12000000},
				    {"ch_purchases", 36000000}, {"pr_family", 48000000});
	struct decl_control_list l = run(DKIND_EAJE, DSECTION_FINANCIAL, &cur, NULL);
	assert_non_null(find(&l, "staff_share_out_of_range")); /* 25 % */
}

static void controls_variation_total_charges__alert(void **state)
{
	(void)state;
	struct decl_vals cur = VALS(EAJE_FIN);
	struct decl_vals prev = VALS({"ch_staff", 30000000}, {"ch_purchases", 5000000});
	struct decl_control_list l = run(DKIND_EAJE, DSECTION_FINANCIAL, &cur, &prev);
	const struct decl_control *c = find(&l, "variation_total_charges");
	assert_non_null(c); /* 480 000 vs 350 000: +37,1 % */
	assert_non_null(strstr(c->message, "+37,1 %"));
}

static void controls_financial__no_charges__none(void **state)
{
	(void)state;
	struct decl_vals cur = VALS({"hours_performed", 4000000});
	struct decl_control_list l = run(DKIND_EAJE, DSECTION_FINANCIAL, &cur, NULL);
	assert_int_equal(l.n, 0);
}

static void controls_global__estimate_rules__alerts(void **state)
{
	(void)state;
	struct decl_vals cur = VALS({"pr_ps_caf", 15000000});
	struct decl_control_input in = {.kind = DKIND_EAJE, .section = DSECTION_GLOBAL,
					.cur = &cur, .prev_year = 2024, .validated_etp = -1,
					.has_estimate = 1, .estimate_cents = 19992000,
					.has_prev_amount = 1, .prev_amount_cents = 15000000,
					.has_declared_ps = 1, .declared_ps_cents = 15000000};
	struct decl_control_list l;
	decl_controls_run(&in, &th, &l);
	assert_non_null(find(&l, "variation_estimate")); /* +33,3 % */
	assert_non_null(find(&l, "declared_ps_gap"));	  /* -25,0 % */
	assert_null(find(&l, "estimate_zero"));
	in.estimate_cents = 0;
	decl_controls_run(&in, &th, &l);
	assert_non_null(find(&l, "estimate_zero"));
	in.estimate_cents = 15500000;
	in.declared_ps_cents = 15500000;
	decl_controls_run(&in, &th, &l);
	assert_int_equal(l.n, 0);
	in.has_estimate = 0;
	decl_controls_run(&in, &th, &l);
	assert_int_equal(l.n, 0);
}

static void decl_severity__names__french_and_sql(void **state)
{
	(void)state;
	assert_string_equal(decl_severity_sql(DSEV_ANOMALY), "anomaly");
	assert_string_equal(decl_severity_sql(DSEV_ALERT), "alert");
	assert_string_equal(decl_severity_label(DSEV_ANOMALY), "Anomalie");
	assert_string_equal(decl_severity_label(DSEV_ALERT), "Alerte");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(controls_eaje_activity__coherent__none),
		cmocka_unit_test(controls_eaje_invoiced_below_performed__fires__anomaly),
		cmocka_unit_test(controls_eaje_invoicing_rate__over_117__alert),
		cmocka_unit_test(controls_eaje_occupancy__over_capacity__anomaly),
		cmocka_unit_test(controls_eaje_variation__beyond_threshold__alert_per_field),
		cmocka_unit_test(controls_variation__within_threshold_or_no_prev__none),
		cmocka_unit_test(controls_variation__decrease__negative_percent),
		cmocka_unit_test(controls_variation__threshold_from_config_value__honoured),
		cmocka_unit_test(controls_ram_presence_over_opening__anomaly),
		cmocka_unit_test(controls_ram_etp__over_6_and_over_validated__both),
		cmocka_unit_test(controls_ram_variation_etp__alert),
		cmocka_unit_test(controls_alsh_hours_without_opening__anomaly),
		cmocka_unit_test(controls_financial__coherent__none),
		cmocka_unit_test(controls_eaje_hourly_cost__out_of_range__alert),
		cmocka_unit_test(controls_alsh_hourly_cost__below_range__alert),
		cmocka_unit_test(controls_ram_cost_per_etp__high__alert),
		cmocka_unit_test(controls_balance_gap__deficit__alert),
		cmocka_unit_test(controls_staff_share__out_of_range__alert),
		cmocka_unit_test(controls_variation_total_charges__alert),
		cmocka_unit_test(controls_financial__no_charges__none),
		cmocka_unit_test(controls_global__estimate_rules__alerts),
		cmocka_unit_test(decl_severity__names__french_and_sql),
	};
	return cmocka_run_group_tests(tests, setup, NULL);
}
