/* Reading typed values (French numbers through fr_read_decimal), bounds,
 * required fields, totals, essential data and the canonical text signed at
 * transmission. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "../../../modules/declarations/decl_form.h"

static const struct decl_field hours = {
	.code = "hours_performed", .section = "activity", .label = "Heures réalisées",
	.unit = DUNIT_HOURS, .has_min = 1, .min = 0, .has_max = 1, .max = 1000000000,
	.decimals = 2, .required = 1, .essential = 1,
};
static const struct decl_field places = {
	.code = "places", .section = "activity", .label = "Places", .unit = DUNIT_COUNT,
	.has_min = 1, .min = 1, .has_max = 1, .max = 200, .decimals = 0,
};
static const struct decl_field nappies = {
	.code = "nappies_provided", .section = "activity", .label = "Couches", .unit = DUNIT_BOOL,
};
static const struct decl_field territory = {
	.code = "territories", .section = "activity", .label = "Territoires", .unit = DUNIT_TEXT,
};

static enum decl_parse parse(const struct decl_field *f, const char *in, int64_t *v,
			     const char **err)
{
	static char buf[200];
	return decl_field_parse(f, in, v, err, buf, sizeof(buf));
}

static void decl_field_parse__french_number__scaled(void **state)
{
	(void)state;
	int64_t v = 0;
	const char *err;
	assert_int_equal(parse(&hours, "40 000,5", &v, &err), DPARSE_VALUE);
	assert_int_equal(v, 4000050);
	assert_int_equal(parse(&hours, "1\xc2\xa0" "234,56", &v, &err), DPARSE_VALUE);
	assert_int_equal(v, 123456);
	assert_int_equal(parse(&places, "24", &v, &err), DPARSE_VALUE);
	assert_int_equal(v, 24);
}

static void decl_field_parse__not_a_number__french_error(void **state)
{
	(void)state;
	int64_t v = 7;
	const char *err = NULL;
	assert_int_equal(parse(&hours, "douze", &v, &err), DPARSE_ERROR);
	assert_non_null(err);
	assert_int_equal(v, 7); /* never a silent zero */
	assert_int_equal(parse(&hours, "1,234", &v, &err), DPARSE_ERROR);
}

static void decl_field_parse__required_empty__obligatoire(void **state)
{
	(void)state;
	int64_t v;
	const char *err;
	assert_int_equal(parse(&hours, "  ", &v, &err), DPARSE_ERROR);
	assert_string_equal(err, "Ce champ est obligatoire.");
	assert_int_equal(parse(&places, "", &v, &err), DPARSE_EMPTY);
	assert_int_equal(parse(&places, NULL, &v, &err), DPARSE_EMPTY);
}

static void decl_field_parse__out_of_bounds__range_message(void **state)
{
	(void)state;
	int64_t v;
	const char *err;
	assert_int_equal(parse(&places, "0", &v, &err), DPARSE_ERROR);
	assert_string_equal(err, "La valeur doit être comprise entre 1 et 200.");
	assert_int_equal(parse(&places, "201", &v, &err), DPARSE_ERROR);
	assert_int_equal(parse(&places, "-3", &v, &err), DPARSE_ERROR); /* no negatives */
	struct decl_field lower_only = places;
	lower_only.has_max = 0;
	assert_int_equal(parse(&lower_only, "0", &v, &err), DPARSE_ERROR);
	assert_string_equal(err, "La valeur doit être supérieure ou égale à 1.");
}

static void decl_field_parse__bool__checkbox_values(void **state)
{
	(void)state;
	int64_t v;
	const char *err;
	assert_int_equal(parse(&nappies, "1", &v, &err), DPARSE_VALUE);
	assert_int_equal(v, 1);
	assert_int_equal(parse(&nappies, NULL, &v, &err), DPARSE_VALUE);
	assert_int_equal(v, 0);
	assert_int_equal(parse(&nappies, "peut-être", &v, &err), DPARSE_ERROR);
}

static void decl_field_parse__text__length_limit(void **state)
{
	(void)state;
	int64_t v;
	const char *err;
	assert_int_equal(parse(&territory, "Les Bréviaires", &v, &err), DPARSE_VALUE);
	char *big = malloc(2002);
	memset(big, 'a', 2001);
	big[2001] = 0;
	assert_int_equal(parse(&territory, big, &v, &err), DPARSE_ERROR);
	free(big);
}

static void decl_compute_totals__ledger_and_hours__sums(void **state)
{
	(void)state;
	const struct decl_val items[] = {
		{"ch_staff", 100}, {"ch_purchases", 50}, {"pr_family", 30}, {"pr_ps_caf", 70},
		{"hours_children_school", 1000}, {"hours_children_holidays", 500},
	};
	struct decl_vals vals = {items, 6};
	struct decl_val out[3];
	assert_int_equal(decl_compute_totals(&vals, out), 3);
	assert_string_equal(out[0].code, "total_charges");
	assert_int_equal(out[0].v, 150);
	assert_int_equal(out[1].v, 100);
	assert_int_equal(out[2].v, 1500);
	struct decl_vals none = {items + 4, 0};
	assert_int_equal(decl_compute_totals(&none, out), 0);
}

static void decl_missing_essential__family_contrib_absent__listed(void **state)
{
	(void)state;
	const struct decl_field fields[] = {
		hours,
		{.code = "pr_family", .section = "financial", .label = "Participations familiales",
		 .unit = DUNIT_EUROS, .decimals = 2, .essential = 1},
		places,
	};
	const struct decl_val items[] = {{"hours_performed", 1}};
	struct decl_vals vals = {items, 1};
	size_t missing[4];
	assert_int_equal(decl_missing_essential(fields, 3, "financial", &vals, missing, 4), 1);
	assert_int_equal(missing[0], 1);
	assert_int_equal(decl_missing_essential(fields, 3, "activity", &vals, missing, 4), 0);
}

static void decl_canonical__order_independent_and_escaped(void **state)
{
	(void)state;
	const struct decl_val a[] = {{"b", 2}, {"a", 1}};
	const struct decl_val b[] = {{"a", 1}, {"b", 2}};
	const char *const keys[] = {"activity:x"};
	const char *const expl[] = {"ligne 1\nvalue.a=999"};
	struct decl_signed s = {.declaration_id = 5, .facility_code = "EAJE-1", .fiscal_year = 2026,
				.type = "forecast", .version = 1, .values = a, .nvalues = 2,
				.explanation_keys = keys, .explanations = expl, .nexplanations = 1,
				.estimate_cents = 19992000, .comment = "RAS", .approver_id = 8,
				.transmitted_at = 1700000000};
	size_t l1, l2;
	char *c1 = decl_canonical(&s, &l1);
	s.values = b;
	char *c2 = decl_canonical(&s, &l2);
	assert_non_null(c1);
	assert_string_equal(c1, c2);
	assert_int_equal(l1, strlen(c1));
	assert_non_null(strstr(c1, "value.a=1\nvalue.b=2\n"));
	assert_non_null(strstr(c1, "explanation.activity:x=ligne 1\\nvalue.a=999\n"));
	assert_non_null(strstr(c1, "estimate_cents=19992000\n"));
	s.comment = "RAS.";
	char *c3 = decl_canonical(&s, &l2);
	assert_string_not_equal(c1, c3);
	free(c1);
	free(c2);
	free(c3);
}

static void decl_unit__names__round_trip(void **state)
{
	(void)state;
	for (int u = 0; u < DUNIT__MAX; u++)
		assert_int_equal(decl_unit_from_sql(decl_unit_sql((enum decl_unit)u)), u);
	assert_int_equal(decl_unit_from_sql("parsecs"), -1);
	assert_string_equal(decl_unit_suffix(DUNIT_EUROS), "€");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(decl_field_parse__french_number__scaled),
		cmocka_unit_test(decl_field_parse__not_a_number__french_error),
		cmocka_unit_test(decl_field_parse__required_empty__obligatoire),
		cmocka_unit_test(decl_field_parse__out_of_bounds__range_message),
		cmocka_unit_test(decl_field_parse__bool__checkbox_values),
		cmocka_unit_test(decl_field_parse__text__length_limit),
		cmocka_unit_test(decl_compute_totals__ledger_and_hours__sums),
		cmocka_unit_test(decl_missing_essential__family_contrib_absent__listed),
		cmocka_unit_test(decl_canonical__order_independent_and_escaped),
		cmocka_unit_test(decl_unit__names__round_trip),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
