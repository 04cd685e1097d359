/* Who may do what on a declaration, in which state: the rules of seed 002
 * (fiches 2, 5, 7, 9, 10) and issue 5 as one pure function, tested over
 * every role x state x action.
 *
 *   À saisir -> Saisie en cours -> Transmis Caf -> Validée Caf
 *                                              \-> Rejetée -> (version + 1)
 *
 * - activity provider: steps 1-2 (entry, controls, "fin de saisie");
 * - financial provider: steps 3-4;
 * - approver: sees every step, unticks a provider's "fin de saisie", runs the
 *   global control and transmits (irreversible). Outside a correction only
 *   the providers modify data (fiche 10);
 * - after a rejection the approver corrects the data himself (version + 1,
 *   correction not delegated: nobody else modifies) or delegates the
 *   correction to the providers;
 * - consultant: read-only; Caf instructor: reads, validates or rejects a
 *   transmitted declaration. */
#ifndef DECL_STATE_H
#define DECL_STATE_H

enum decl_role {
	DROLE_ACTIVITY = 1u << 0,
	DROLE_FINANCIAL = 1u << 1,
	DROLE_APPROVER = 1u << 2,
	DROLE_CONSULTANT = 1u << 3,
	DROLE_CAF_INSTRUCTOR = 1u << 4, /* agent of the facility's Caf */
};

enum decl_state {
	DSTATE_TO_ENTER = 0,
	DSTATE_IN_PROGRESS,
	DSTATE_TRANSMITTED,
	DSTATE_VALIDATED,
	DSTATE_REJECTED,
	DSTATE__MAX
};

enum decl_action {
	DACT_VIEW = 0,
	DACT_EDIT_ACTIVITY,	/* steps 1-2: entry and explanations */
	DACT_EDIT_FINANCIAL,	/* steps 3-4 */
	DACT_DONE_ACTIVITY,	/* tick "fin de saisie" */
	DACT_DONE_FINANCIAL,
	DACT_UNDONE_ACTIVITY,	/* untick (approver) */
	DACT_UNDONE_FINANCIAL,
	DACT_GLOBAL_CONTROL,	/* step 5: explanations of the global controls */
	DACT_TRANSMIT,		/* step 6 */
	DACT_CORRECT,		/* approver takes the correction of a rejected version */
	DACT_DELEGATE,		/* approver gives the correction to the providers */
	DACT_VALIDATE,		/* Caf */
	DACT_REJECT,		/* Caf */
	DACT__MAX
};

enum decl_verdict {
	DVERDICT_ALLOWED = 0,
	DVERDICT_ROLE,		/* the user's roles do not allow it */
	DVERDICT_STATE,		/* not in this state */
	DVERDICT_LOCKED,	/* section locked by "fin de saisie" */
	DVERDICT_NOT_LOCKED,	/* untick of a box that is not ticked */
	DVERDICT_NOT_READY,	/* transmission before both sections are validated */
};

struct decl_subject {
	unsigned roles;		/* enum decl_role bits of this user on this facility */
	enum decl_state state;
	int activity_done;
	int financial_done;	/* 1 when the type has no financial section */
	int is_correction;	/* version > 1, following a rejection */
	int correction_delegated;
};

enum decl_verdict decl_allowed(const struct decl_subject *s, enum decl_action a);
/* French message for a refusal (for a flash or an error page). */
const char *decl_verdict_message(enum decl_verdict v);

/* What this user is expected to do next on this declaration. */
enum decl_expected {
	DEXP_NONE = 0,
	DEXP_ENTER_ACTIVITY,
	DEXP_ENTER_FINANCIAL,
	DEXP_WAIT_PROVIDERS,	/* approver: waiting for the providers (no action) */
	DEXP_TRANSMIT,
	DEXP_CORRECT,
	DEXP_INSTRUCT,
};
enum decl_expected decl_expected_action(const struct decl_subject *s);
/* 1 when the expected action counts as "waiting" on the home page. */
int decl_expected_is_waiting(enum decl_expected e);
const char *decl_expected_label(enum decl_expected e);

/* The rail: steps 1..6 and whether this user sees each. */
enum decl_step {
	DSTEP_ACTIVITY = 1,
	DSTEP_ACTIVITY_CONTROL,
	DSTEP_FINANCIAL,
	DSTEP_FINANCIAL_CONTROL,
	DSTEP_GLOBAL_CONTROL,
	DSTEP_TRANSMISSION,
};
int decl_step_visible(unsigned roles, enum decl_step step);

/* State names: SQL enum value, French label. */
const char *decl_state_sql(enum decl_state s);
const char *decl_state_label(enum decl_state s);
/* -1 for an unknown name. */
int decl_state_from_sql(const char *s);

#endif
