/* The rules of delegated administration: 2/2/1 limits over overlapping
 * date ranges, states from dates and validation, a grantor's scope,
 * identifiers, e-mail normalisation. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "../../../modules/habilitations/hab_rules.h"

#define D(s) hab_day_from_iso(s)
#define OPEN HAB_DAY_OPEN

static void hab_day_from_iso__round_trip__same_date(void **state)
{
	(void)state;
	const char *dates[] = {"1970-01-01", "2000-02-29", "2019-03-26", "2026-12-31", "2100-03-01"};
	for (size_t i = 0; i < sizeof(dates) / sizeof(dates[0]); i++) {
		char buf[11];
		hab_day_to_iso(D(dates[i]), buf, sizeof(buf));
		assert_string_equal(buf, dates[i]);
	}
	assert_int_equal(D("1970-01-01"), 0);
	assert_int_equal(D("2019-03-27") - D("2019-03-26"), 1);
	assert_int_equal(D("2020-03-01") - D("2020-02-28"), 2);
}

static void hab_day_from_iso__bad_dates__minus_one(void **state)
{
	(void)state;
	assert_int_equal(D("2019-02-29"), -1);
	assert_int_equal(D("2019-13-01"), -1);
	assert_int_equal(D("2019-1-01"), -1);
	assert_int_equal(D("26/03/2019"), -1);
	assert_int_equal(D(""), -1);
	assert_int_equal(D(NULL), -1);
}

static void hab_role_limit__seeds__two_two_one_none(void **state)
{
	(void)state;
	assert_int_equal(hab_role_limit(HROLE_ACTIVITY), 2);
	assert_int_equal(hab_role_limit(HROLE_FINANCIAL), 2);
	assert_int_equal(hab_role_limit(HROLE_APPROVER), 1);
	assert_int_equal(hab_role_limit(HROLE_CONSULTANT), 0);
	assert_int_equal(hab_role_from_sql("approver"), HROLE_APPROVER);
	assert_int_equal(hab_role_from_sql("admin"), -1);
	assert_string_equal(hab_role_label(HROLE_ACTIVITY), "Fournisseur de données d'activité");
}

static void hab_max_overlap__disjoint__one(void **state)
{
	(void)state;
	struct hab_interval iv[] = {{D("2025-01-01"), D("2025-07-01")},
				    {D("2025-07-01"), OPEN}}; /* end is exclusive */
	assert_int_equal(hab_max_overlap(iv, 2, D("2020-01-01"), OPEN), 1);
}

static void hab_max_overlap__nested__three(void **state)
{
	(void)state;
	struct hab_interval iv[] = {{D("2025-01-01"), OPEN},
				    {D("2025-02-01"), D("2025-05-01")},
				    {D("2025-03-01"), D("2025-04-01")},
				    {D("2025-06-01"), D("2025-07-01")}};
	assert_int_equal(hab_max_overlap(iv, 4, D("2000-01-01"), OPEN), 3);
	/* outside the nest only two at once */
	assert_int_equal(hab_max_overlap(iv, 4, D("2025-05-01"), OPEN), 2);
	/* a window between them: only the open one */
	assert_int_equal(hab_max_overlap(iv, 4, D("2025-05-01"), D("2025-06-01")), 1);
}

static void hab_max_overlap__empty_and_inverted__zero(void **state)
{
	(void)state;
	struct hab_interval iv[] = {{D("2025-01-01"), D("2025-01-01")},
				    {D("2025-02-01"), D("2025-01-01")}};
	assert_int_equal(hab_max_overlap(iv, 2, 0, OPEN), 0);
	assert_int_equal(hab_max_overlap(NULL, 0, 0, OPEN), 0);
	assert_int_equal(hab_max_overlap(iv, 2, 100, 100), 0);
}

static void hab_limit_allows__third_provider__refused(void **state)
{
	(void)state;
	struct hab_interval two[] = {{D("2023-09-01"), OPEN}, {D("2024-01-01"), OPEN}};
	struct hab_interval cand = {D("2026-01-01"), OPEN};
	assert_false(hab_limit_allows(two, 2, cand, hab_role_limit(HROLE_ACTIVITY)));
	assert_true(hab_limit_allows(two, 1, cand, hab_role_limit(HROLE_ACTIVITY)));
}

static void hab_limit_allows__second_approver__refused(void **state)
{
	(void)state;
	/* a pending approver counts: the caller passes every holder not refused */
	struct hab_interval one[] = {{D("2026-03-01"), OPEN}};
	struct hab_interval cand = {D("2026-03-02"), OPEN};
	assert_false(hab_limit_allows(one, 1, cand, hab_role_limit(HROLE_APPROVER)));
}

static void hab_limit_allows__successor_after_end__allowed(void **state)
{
	(void)state;
	/* the approver leaves on 2026-06-30 (exclusive end 2026-07-01) */
	struct hab_interval one[] = {{D("2023-09-01"), D("2026-07-01")}};
	struct hab_interval from_end = {D("2026-07-01"), OPEN};
	struct hab_interval day_before = {D("2026-06-30"), OPEN};
	assert_true(hab_limit_allows(one, 1, from_end, 1));
	assert_false(hab_limit_allows(one, 1, day_before, 1));
}

static void hab_limit_allows__future_holders_overlap__refused(void **state)
{
	(void)state;
	/* two future providers from 2027 leave no room for an open-ended third */
	struct hab_interval iv[] = {{D("2023-01-01"), D("2026-01-01")},
				    {D("2027-01-01"), OPEN},
				    {D("2027-06-01"), OPEN}};
	assert_false(hab_limit_allows(iv, 3, (struct hab_interval){D("2026-02-01"), OPEN}, 2));
	/* but a bounded one ending before 2027-06-01 fits */
	assert_true(hab_limit_allows(
		iv, 3, (struct hab_interval){D("2026-02-01"), D("2027-06-01")}, 2));
}

static void hab_limit_allows__staggered_never_three__allowed(void **state)
{
	(void)state;
	/* A [jan, apr), B [mar, jun), C [may, aug): at most 2 at once, then the
	 * candidate [apr, may) meets only B */
	struct hab_interval iv[] = {{D("2026-01-01"), D("2026-04-01")},
				    {D("2026-03-01"), D("2026-06-01")},
				    {D("2026-05-01"), D("2026-08-01")}};
	assert_true(hab_limit_allows(iv, 3, (struct hab_interval){D("2026-04-01"), D("2026-05-01")}, 2));
	assert_false(hab_limit_allows(iv, 3, (struct hab_interval){D("2026-03-15"), D("2026-03-16")}, 2));
	assert_false(hab_limit_allows(iv, 3, (struct hab_interval){D("2026-01-01"), OPEN}, 2));
}

static void hab_limit_allows__consultant__unlimited(void **state)
{
	(void)state;
	struct hab_interval iv[] = {{0, OPEN}, {0, OPEN}, {0, OPEN}};
	assert_true(hab_limit_allows(iv, 3, (struct hab_interval){0, OPEN},
				     hab_role_limit(HROLE_CONSULTANT)));
}

static void hab_state_at__dates_and_validation__seeds_states(void **state)
{
	(void)state;
	long today = D("2026-03-26");
	assert_int_equal(hab_state_at(D("2026-03-26"), OPEN, HVAL_NOT_REQUIRED, today),
			 HSTATE_ACTIVE);
	assert_int_equal(hab_state_at(D("2026-03-27"), OPEN, HVAL_NOT_REQUIRED, today),
			 HSTATE_INACTIVE);
	assert_int_equal(hab_state_at(D("2020-01-01"), D("2026-03-26"), HVAL_NOT_REQUIRED, today),
			 HSTATE_HISTORY);
	assert_int_equal(hab_state_at(D("2020-01-01"), D("2026-03-27"), HVAL_NOT_REQUIRED, today),
			 HSTATE_ACTIVE);
	/* approver inactive until validated, active after */
	assert_int_equal(hab_state_at(D("2026-01-01"), OPEN, HVAL_PENDING, today), HSTATE_INACTIVE);
	assert_false(hab_grants_rights(D("2026-01-01"), OPEN, HVAL_PENDING, today));
	assert_true(hab_grants_rights(D("2026-01-01"), OPEN, HVAL_VALIDATED, today));
	assert_int_equal(hab_state_at(D("2026-01-01"), OPEN, HVAL_REFUSED, today), HSTATE_HISTORY);
	assert_string_equal(hab_state_label(HSTATE_INACTIVE), "Inactif");
	assert_int_equal(hab_state_from_param("non-attribue"), HAB_STATE_UNASSIGNED);
	assert_int_equal(hab_state_from_param("x"), -1);
}

static void hab_missing_roles__held__the_rest(void **state)
{
	(void)state;
	assert_int_equal(hab_missing_roles(0), 7);
	assert_int_equal(hab_missing_roles(1u << HROLE_ACTIVITY | 1u << HROLE_APPROVER),
			 1u << HROLE_FINANCIAL);
	assert_int_equal(hab_missing_roles(1u << HROLE_CONSULTANT), 7);
	assert_int_equal(hab_missing_roles(15), 0);
}

static const long long MGR_FAC[] = {11, 13};

static struct hab_grantor manager(void)
{
	return (struct hab_grantor){HGRANTOR_MANAGER, 100, 0, 5, MGR_FAC, 2};
}

static void hab_scope_grant__manager_inside__ok(void **state)
{
	(void)state;
	struct hab_grantor g = manager();
	struct hab_target_facility f = {13, 5, 1};
	assert_int_equal(hab_scope_grant(&g, 101, 5, &f), HSCOPE_OK);
}

static void hab_scope_grant__manager_outside_subset__outside(void **state)
{
	(void)state;
	struct hab_grantor g = manager();
	struct hab_target_facility f = {12, 5, 1};
	assert_int_equal(hab_scope_grant(&g, 101, 5, &f), HSCOPE_OUTSIDE);
}

static void hab_scope_grant__to_self__refused(void **state)
{
	(void)state;
	struct hab_grantor g = manager();
	struct hab_target_facility f = {11, 5, 1};
	assert_int_equal(hab_scope_grant(&g, 100, 5, &f), HSCOPE_SELF);
	struct hab_grantor pa = {HGRANTOR_PARTNER_ADMIN, 100, 0, 5, NULL, 0};
	assert_int_equal(hab_scope_grant(&pa, 100, 5, &f), HSCOPE_SELF);
}

static void hab_scope_grant__other_partner__refused(void **state)
{
	(void)state;
	struct hab_grantor pa = {HGRANTOR_PARTNER_ADMIN, 100, 0, 5, NULL, 0};
	struct hab_target_facility mine = {11, 5, 1}, theirs = {21, 6, 1};
	/* the user of another partner on my facility */
	assert_int_equal(hab_scope_grant(&pa, 200, 6, &mine), HSCOPE_OTHER_PARTNER);
	/* my user on another partner's facility */
	assert_int_equal(hab_scope_grant(&pa, 101, 5, &theirs), HSCOPE_OTHER_PARTNER);
	/* their user on their facility */
	assert_int_equal(hab_scope_grant(&pa, 200, 6, &theirs), HSCOPE_OTHER_PARTNER);
	assert_int_equal(hab_scope_grant(&pa, 101, 5, &mine), HSCOPE_OK);
}

static void hab_scope_grant__caf_admin__own_caf_only(void **state)
{
	(void)state;
	struct hab_grantor caf = {HGRANTOR_CAF_ADMIN, 1, 1, 0, NULL, 0};
	struct hab_target_facility mine = {11, 5, 1}, other_caf = {31, 7, 2};
	assert_int_equal(hab_scope_grant(&caf, 101, 5, &mine), HSCOPE_OK);
	assert_int_equal(hab_scope_grant(&caf, 301, 7, &other_caf), HSCOPE_OTHER_PARTNER);
	struct hab_grantor none = {HGRANTOR_NONE, 9, 0, 5, NULL, 0};
	assert_int_equal(hab_scope_grant(&none, 101, 5, &mine), HSCOPE_NOT_GRANTOR);
}

static void hab_scope_appoint__subset__ok_beyond__outside(void **state)
{
	(void)state;
	struct hab_grantor g = manager();
	long long sub[] = {13}, beyond[] = {11, 12};
	assert_int_equal(hab_scope_appoint(&g, 101, 5, sub, 1), HSCOPE_OK);
	assert_int_equal(hab_scope_appoint(&g, 101, 5, beyond, 2), HSCOPE_OUTSIDE);
	assert_int_equal(hab_scope_appoint(&g, 100, 5, sub, 1), HSCOPE_SELF);
	assert_int_equal(hab_scope_appoint(&g, 201, 6, sub, 1), HSCOPE_OTHER_PARTNER);
	struct hab_grantor pa = {HGRANTOR_PARTNER_ADMIN, 99, 0, 5, NULL, 0};
	assert_int_equal(hab_scope_appoint(&pa, 101, 5, beyond, 2), HSCOPE_OK);
}

static void hab_login_format__seeds__enf_department_base36(void **state)
{
	(void)state;
	char out[11];
	assert_int_equal(hab_login_format(out, sizeof(out), "12", 9), 0);
	assert_string_equal(out, "ENF0120009");
	/* seeds: ENF012195D and ENF0121RZU */
	assert_int_equal(hab_login_format(out, sizeof(out), "12", 1 * 46656 + 9 * 1296 + 5 * 36 + 13), 0);
	assert_string_equal(out, "ENF012195D");
	assert_int_equal(hab_login_seq("ENF0121RZU", "12"), 1 * 46656 + 27 * 1296 + 35 * 36 + 30);
	assert_int_equal(hab_login_format(out, sizeof(out), "2A", 36), 0);
	assert_string_equal(out, "ENF02A0010");
	assert_int_equal(hab_login_format(out, sizeof(out), "974", 1679615), 0);
	assert_string_equal(out, "ENF974ZZZZ");
	assert_int_equal(hab_login_format(out, sizeof(out), "974", 1679616), -1);
	assert_int_equal(hab_login_format(out, sizeof(out), "7", 1), -1);
	assert_int_equal(hab_login_format(out, 10, "78", 1), -1);
	assert_int_equal(hab_login_seq("ENF0780017", "78"), 36 + 7); /* base 36 */
	assert_int_equal(hab_login_seq("ENF0780017", "12"), -1);
	assert_int_equal(hab_login_seq("ENF078001a", "78"), -1);
	assert_int_equal(hab_login_seq("COT077", "78"), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(hab_day_from_iso__round_trip__same_date),
		cmocka_unit_test(hab_day_from_iso__bad_dates__minus_one),
		cmocka_unit_test(hab_role_limit__seeds__two_two_one_none),
		cmocka_unit_test(hab_max_overlap__disjoint__one),
		cmocka_unit_test(hab_max_overlap__nested__three),
		cmocka_unit_test(hab_max_overlap__empty_and_inverted__zero),
		cmocka_unit_test(hab_limit_allows__third_provider__refused),
		cmocka_unit_test(hab_limit_allows__second_approver__refused),
		cmocka_unit_test(hab_limit_allows__successor_after_end__allowed),
		cmocka_unit_test(hab_limit_allows__future_holders_overlap__refused),
		cmocka_unit_test(hab_limit_allows__staggered_never_three__allowed),
		cmocka_unit_test(hab_limit_allows__consultant__unlimited),
		cmocka_unit_test(hab_state_at__dates_and_validation__seeds_states),
		cmocka_unit_test(hab_missing_roles__held__the_rest),
		cmocka_unit_test(hab_scope_grant__manager_inside__ok),
		cmocka_unit_test(hab_scope_grant__manager_outside_subset__outside),
		cmocka_unit_test(hab_scope_grant__to_self__refused),
		cmocka_unit_test(hab_scope_grant__other_partner__refused),
		cmocka_unit_test(hab_scope_grant__caf_admin__own_caf_only),
		cmocka_unit_test(hab_scope_appoint__subset__ok_beyond__outside),
		cmocka_unit_test(hab_login_format__seeds__enf_department_base36),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
