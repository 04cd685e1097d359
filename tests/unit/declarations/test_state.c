/* The declaration state machine over every role x state x action, under
 * four flag variants (plain, both sections ticked, approver's correction,
 * delegated correction). Each cell: Y allowed, R role, S state, L locked,
 * N not locked, P not ready. States in order: À saisir, Saisie en cours,
 * Transmis Caf, Validée Caf, Rejetée. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "../../../modules/declarations/decl_state.h"

enum variant { V_PLAIN, V_DONE, V_CORRECTION, V_DELEGATED, V__MAX };

static const struct {
	const char *name;
	unsigned roles;
} role_sets[] = {
	{"none", 0},
	{"activity", DROLE_ACTIVITY},
	{"financial", DROLE_FINANCIAL},
	{"approver", DROLE_APPROVER},
	{"consultant", DROLE_CONSULTANT},
	{"caf", DROLE_CAF_INSTRUCTOR},
	{"all-three", DROLE_ACTIVITY | DROLE_FINANCIAL | DROLE_APPROVER},
};
#define NROLES (sizeof(role_sets) / sizeof(role_sets[0]))

/* Actions in enum order: VIEW EDIT_A EDIT_F DONE_A DONE_F UNDONE_A UNDONE_F
 * GLOBAL TRANSMIT CORRECT DELEGATE VALIDATE REJECT */
static const char *const expected[V__MAX][NROLES] = {
	[V_PLAIN] = {
		/* none */ "RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR",
		/* act */  "YYYYY YYSSS RRRRR YYSSS RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR",
		/* fin */  "YYYYY RRRRR YYSSS RRRRR YYSSS RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR",
		/* app */  "YYYYY RRRRR RRRRR RRRRR RRRRR NNSSS NNSSS PPSSS PPSSS SSSSY SSSSY RRRRR RRRRR",
		/* cons */ "YYYYY RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR",
		/* caf */  "YYYYY RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR SSYSS SSYSS",
		/* all */  "YYYYY YYSSS YYSSS YYSSS YYSSS NNSSS NNSSS PPSSS PPSSS SSSSY SSSSY RRRRR RRRRR",
	},
	[V_DONE] = {
		/* none */ "RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR",
		/* act */  "YYYYY LLSSS RRRRR LLSSS RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR",
		/* fin */  "YYYYY RRRRR LLSSS RRRRR LLSSS RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR",
		/* app */  "YYYYY RRRRR RRRRR RRRRR RRRRR YYSSS YYSSS YYSSS YYSSS SSSSY SSSSY RRRRR RRRRR",
		/* cons */ "YYYYY RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR",
		/* caf */  "YYYYY RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR SSYSS SSYSS",
		/* all */  "YYYYY LLSSS LLSSS LLSSS LLSSS YYSSS YYSSS YYSSS YYSSS SSSSY SSSSY RRRRR RRRRR",
	},
	[V_CORRECTION] = {
		/* none */ "RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR",
		/* act */  "YYYYY RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR",
		/* fin */  "YYYYY RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR",
		/* app */  "YYYYY YYSSS YYSSS RRRRR RRRRR NNSSS NNSSS PPSSS PPSSS SSSSY SSSSY RRRRR RRRRR",
		/* cons */ "YYYYY RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR",
		/* caf */  "YYYYY RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR SSYSS SSYSS",
		/* all */  "YYYYY YYSSS YYSSS RRRRR RRRRR NNSSS NNSSS PPSSS PPSSS SSSSY SSSSY RRRRR RRRRR",
	},
	[V_DELEGATED] = {
		/* none */ "RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR",
		/* act */  "YYYYY YYSSS RRRRR YYSSS RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR",
		/* fin */  "YYYYY RRRRR YYSSS RRRRR YYSSS RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR",
		/* app */  "YYYYY RRRRR RRRRR RRRRR RRRRR NNSSS NNSSS PPSSS PPSSS SSSSY SSSSY RRRRR RRRRR",
		/* cons */ "YYYYY RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR",
		/* caf */  "YYYYY RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR RRRRR SSYSS SSYSS",
		/* all */  "YYYYY YYSSS YYSSS YYSSS YYSSS NNSSS NNSSS PPSSS PPSSS SSSSY SSSSY RRRRR RRRRR",
	},
};

static char verdict_letter(enum decl_verdict v)
{
	switch (v) {
	case DVERDICT_ALLOWED: return 'Y';
	case DVERDICT_ROLE: return 'R';
	case DVERDICT_STATE: return 'S';
	case DVERDICT_LOCKED: return 'L';
	case DVERDICT_NOT_LOCKED: return 'N';
	case DVERDICT_NOT_READY: return 'P';
	}
	return '?';
}

static void decl_allowed__every_role_state_action__matches_table(void **state)
{
	(void)state;
	int failures = 0;
	for (int v = 0; v < V__MAX; v++)
		for (size_t r = 0; r < NROLES; r++) {
			const char *row = expected[v][r];
			assert_int_equal(strlen(row), DACT__MAX * 6 - 1);
			for (int a = 0; a < DACT__MAX; a++)
				for (int st = 0; st < DSTATE__MAX; st++) {
					struct decl_subject s = {
						.roles = role_sets[r].roles,
						.state = (enum decl_state)st,
						.activity_done = v == V_DONE,
						.financial_done = v == V_DONE,
						.is_correction = v == V_CORRECTION || v == V_DELEGATED,
						.correction_delegated = v == V_DELEGATED,
					};
					char got = verdict_letter(decl_allowed(&s, (enum decl_action)a));
					char want = row[a * 6 + st];
					if (got != want) {
						print_error("variant %d role %s action %d state %d: "
							    "want %c got %c\n",
							    v, role_sets[r].name, a, st, want, got);
						failures++;
					}
				}
		}
	assert_int_equal(failures, 0);
}

static void decl_allowed__one_section_done__transmit_not_ready(void **state)
{
	(void)state;
	struct decl_subject s = {.roles = DROLE_APPROVER, .state = DSTATE_IN_PROGRESS,
				 .activity_done = 1, .financial_done = 0};
	assert_int_equal(decl_allowed(&s, DACT_TRANSMIT), DVERDICT_NOT_READY);
	s.financial_done = 1;
	assert_int_equal(decl_allowed(&s, DACT_TRANSMIT), DVERDICT_ALLOWED);
	/* the approver unticks the activity: transmission blocked again */
	s.activity_done = 0;
	assert_int_equal(decl_allowed(&s, DACT_TRANSMIT), DVERDICT_NOT_READY);
}

static void decl_allowed__provider_ticked__other_section_still_open(void **state)
{
	(void)state;
	struct decl_subject s = {.roles = DROLE_ACTIVITY | DROLE_FINANCIAL,
				 .state = DSTATE_IN_PROGRESS, .activity_done = 1};
	assert_int_equal(decl_allowed(&s, DACT_EDIT_ACTIVITY), DVERDICT_LOCKED);
	assert_int_equal(decl_allowed(&s, DACT_EDIT_FINANCIAL), DVERDICT_ALLOWED);
}

static void decl_verdict_message__every_refusal__french_text(void **state)
{
	(void)state;
	assert_string_equal(decl_verdict_message(DVERDICT_ALLOWED), "");
	for (int v = DVERDICT_ROLE; v <= DVERDICT_NOT_READY; v++)
		assert_true(strlen(decl_verdict_message((enum decl_verdict)v)) > 20);
}

static void decl_expected_action__by_role__first_duty(void **state)
{
	(void)state;
	struct decl_subject s = {.roles = DROLE_ACTIVITY, .state = DSTATE_TO_ENTER};
	assert_int_equal(decl_expected_action(&s), DEXP_ENTER_ACTIVITY);
	s.roles = DROLE_FINANCIAL;
	assert_int_equal(decl_expected_action(&s), DEXP_ENTER_FINANCIAL);
	s.roles = DROLE_APPROVER;
	assert_int_equal(decl_expected_action(&s), DEXP_WAIT_PROVIDERS);
	assert_false(decl_expected_is_waiting(DEXP_WAIT_PROVIDERS));
	s.activity_done = s.financial_done = 1;
	assert_int_equal(decl_expected_action(&s), DEXP_TRANSMIT);
	s.state = DSTATE_TRANSMITTED;
	assert_int_equal(decl_expected_action(&s), DEXP_NONE);
	s.state = DSTATE_REJECTED;
	assert_int_equal(decl_expected_action(&s), DEXP_CORRECT);
	s.roles = DROLE_CONSULTANT;
	s.state = DSTATE_TO_ENTER;
	assert_int_equal(decl_expected_action(&s), DEXP_NONE);
	s.roles = DROLE_CAF_INSTRUCTOR;
	s.state = DSTATE_TRANSMITTED;
	assert_int_equal(decl_expected_action(&s), DEXP_INSTRUCT);
	assert_true(decl_expected_is_waiting(DEXP_INSTRUCT));
	assert_string_equal(decl_expected_label(DEXP_ENTER_ACTIVITY),
			    "Données d'activité à compléter");
}

static void decl_step_visible__per_role__seed_steps(void **state)
{
	(void)state;
	const struct {
		unsigned roles;
		const char *steps; /* visibility of steps 1..6 */
	} t[] = {
		{0, "000000"},
		{DROLE_ACTIVITY, "110000"},
		{DROLE_FINANCIAL, "001100"},
		{DROLE_ACTIVITY | DROLE_FINANCIAL, "111100"},
		{DROLE_APPROVER, "111111"},
		{DROLE_CONSULTANT, "111111"},
		{DROLE_CAF_INSTRUCTOR, "111111"},
	};
	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		for (int st = 1; st <= 6; st++)
			assert_int_equal(decl_step_visible(t[i].roles, (enum decl_step)st),
					 t[i].steps[st - 1] == '1');
}

static void decl_state_names__round_trip__french_labels(void **state)
{
	(void)state;
	for (int s = 0; s < DSTATE__MAX; s++)
		assert_int_equal(decl_state_from_sql(decl_state_sql((enum decl_state)s)), s);
	assert_int_equal(decl_state_from_sql("bogus"), -1);
	assert_int_equal(decl_state_from_sql(NULL), -1);
	assert_string_equal(decl_state_label(DSTATE_TRANSMITTED), "Transmis Caf");
	assert_string_equal(decl_state_label(DSTATE_VALIDATED), "Validée Caf");
	assert_string_equal(decl_state_label(DSTATE_TO_ENTER), "À saisir");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(decl_allowed__every_role_state_action__matches_table),
		cmocka_unit_test(decl_allowed__one_section_done__transmit_not_ready),
		cmocka_unit_test(decl_allowed__provider_ticked__other_section_still_open),
		cmocka_unit_test(decl_verdict_message__every_refusal__french_text),
		cmocka_unit_test(decl_expected_action__by_role__first_duty),
		cmocka_unit_test(decl_step_visible__per_role__seed_steps),
		cmocka_unit_test(decl_state_names__round_trip__french_labels),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
