/* The declaration state machine; rules in decl_state.h. */
#include <string.h>

#include "decl_state.h"

static int editable(enum decl_state s)
{
	return s == DSTATE_TO_ENTER || s == DSTATE_IN_PROGRESS;
}

/* Who enters data in this version: the approver alone during a correction
 * he kept, else the provider of the section. */
static enum decl_verdict edit_section(const struct decl_subject *s, unsigned provider, int done)
{
	int approver_correcting = s->is_correction && !s->correction_delegated;
	unsigned who = approver_correcting ? DROLE_APPROVER : provider;
	if (!(s->roles & who))
		return DVERDICT_ROLE;
	if (!editable(s->state))
		return DVERDICT_STATE;
	if (done)
		return DVERDICT_LOCKED;
	return DVERDICT_ALLOWED;
}

static enum decl_verdict tick(const struct decl_subject *s, unsigned provider, int done)
{
	if (!(s->roles & provider) || (s->is_correction && !s->correction_delegated))
		return DVERDICT_ROLE;
	if (!editable(s->state))
		return DVERDICT_STATE;
	if (done)
		return DVERDICT_LOCKED;
	return DVERDICT_ALLOWED;
}

static enum decl_verdict untick(const struct decl_subject *s, int done)
{
	if (!(s->roles & DROLE_APPROVER))
		return DVERDICT_ROLE;
	if (!editable(s->state))
		return DVERDICT_STATE;
	if (!done)
		return DVERDICT_NOT_LOCKED;
	return DVERDICT_ALLOWED;
}

enum decl_verdict decl_allowed(const struct decl_subject *s, enum decl_action a)
{
	const unsigned partner_roles =
		DROLE_ACTIVITY | DROLE_FINANCIAL | DROLE_APPROVER | DROLE_CONSULTANT;
	switch (a) {
	case DACT_VIEW:
		return (s->roles & (partner_roles | DROLE_CAF_INSTRUCTOR)) ? DVERDICT_ALLOWED
									    : DVERDICT_ROLE;
	case DACT_EDIT_ACTIVITY:
		return edit_section(s, DROLE_ACTIVITY, s->activity_done);
	case DACT_EDIT_FINANCIAL:
		return edit_section(s, DROLE_FINANCIAL, s->financial_done);
	case DACT_DONE_ACTIVITY:
		return tick(s, DROLE_ACTIVITY, s->activity_done);
	case DACT_DONE_FINANCIAL:
		return tick(s, DROLE_FINANCIAL, s->financial_done);
	case DACT_UNDONE_ACTIVITY:
		return untick(s, s->activity_done);
	case DACT_UNDONE_FINANCIAL:
		return untick(s, s->financial_done);
	case DACT_GLOBAL_CONTROL:
	case DACT_TRANSMIT:
		if (!(s->roles & DROLE_APPROVER))
			return DVERDICT_ROLE;
		if (!editable(s->state))
			return DVERDICT_STATE;
		if (!s->activity_done || !s->financial_done)
			return DVERDICT_NOT_READY;
		return DVERDICT_ALLOWED;
	case DACT_CORRECT:
	case DACT_DELEGATE:
		if (!(s->roles & DROLE_APPROVER))
			return DVERDICT_ROLE;
		return s->state == DSTATE_REJECTED ? DVERDICT_ALLOWED : DVERDICT_STATE;
	case DACT_VALIDATE:
	case DACT_REJECT:
		if (!(s->roles & DROLE_CAF_INSTRUCTOR))
			return DVERDICT_ROLE;
		return s->state == DSTATE_TRANSMITTED ? DVERDICT_ALLOWED : DVERDICT_STATE;
	case DACT__MAX:
		break;
	}
	return DVERDICT_ROLE;
}

const char *decl_verdict_message(enum decl_verdict v)
{
	switch (v) {
	case DVERDICT_ALLOWED:
		return "";
	case DVERDICT_ROLE:
		return "Votre rôle sur cet équipement ne permet pas cette action.";
	case DVERDICT_STATE:
		return "L'état de la déclaration ne permet plus cette action.";
	case DVERDICT_LOCKED:
		return "La fin de saisie a été signalée : demandez à l'approbateur de décocher la "
		       "case pour modifier les données.";
	case DVERDICT_NOT_LOCKED:
		return "La fin de saisie n'a pas été signalée pour ces données.";
	case DVERDICT_NOT_READY:
		return "Les données d'activité et financières doivent être validées par leurs "
		       "fournisseurs avant le contrôle de la déclaration et sa transmission.";
	}
	return "";
}

enum decl_expected decl_expected_action(const struct decl_subject *s)
{
	if (decl_allowed(s, DACT_VALIDATE) == DVERDICT_ALLOWED)
		return DEXP_INSTRUCT;
	if (decl_allowed(s, DACT_CORRECT) == DVERDICT_ALLOWED)
		return DEXP_CORRECT;
	if (decl_allowed(s, DACT_EDIT_ACTIVITY) == DVERDICT_ALLOWED)
		return DEXP_ENTER_ACTIVITY;
	if (decl_allowed(s, DACT_EDIT_FINANCIAL) == DVERDICT_ALLOWED)
		return DEXP_ENTER_FINANCIAL;
	if (decl_allowed(s, DACT_TRANSMIT) == DVERDICT_ALLOWED)
		return DEXP_TRANSMIT;
	if ((s->roles & DROLE_APPROVER) && editable(s->state))
		return DEXP_WAIT_PROVIDERS;
	return DEXP_NONE;
}

int decl_expected_is_waiting(enum decl_expected e)
{
	return e != DEXP_NONE && e != DEXP_WAIT_PROVIDERS;
}

const char *decl_expected_label(enum decl_expected e)
{
	switch (e) {
	case DEXP_NONE:
		return "Aucune action attendue";
	case DEXP_ENTER_ACTIVITY:
		return "Données d'activité à compléter";
	case DEXP_ENTER_FINANCIAL:
		return "Données financières à compléter";
	case DEXP_WAIT_PROVIDERS:
		return "En attente de la fin de saisie des fournisseurs";
	case DEXP_TRANSMIT:
		return "Contrôle et transmission à la Caf";
	case DEXP_CORRECT:
		return "Déclaration rejetée : correction à organiser";
	case DEXP_INSTRUCT:
		return "À instruire";
	}
	return "";
}

int decl_step_visible(unsigned roles, enum decl_step step)
{
	if (roles & (DROLE_APPROVER | DROLE_CONSULTANT | DROLE_CAF_INSTRUCTOR))
		return step >= DSTEP_ACTIVITY && step <= DSTEP_TRANSMISSION;
	if ((roles & DROLE_ACTIVITY) && (step == DSTEP_ACTIVITY || step == DSTEP_ACTIVITY_CONTROL))
		return 1;
	if ((roles & DROLE_FINANCIAL) &&
	    (step == DSTEP_FINANCIAL || step == DSTEP_FINANCIAL_CONTROL))
		return 1;
	return 0;
}

static const char *const state_sql[DSTATE__MAX] = {
	"to_enter", "in_progress", "transmitted", "validated", "rejected",
};
static const char *const state_label[DSTATE__MAX] = {
	"À saisir", "Saisie en cours", "Transmis Caf", "Validée Caf", "Rejetée",
};

const char *decl_state_sql(enum decl_state s)
{
	return (unsigned)s < DSTATE__MAX ? state_sql[s] : "";
}

const char *decl_state_label(enum decl_state s)
{
	return (unsigned)s < DSTATE__MAX ? state_label[s] : "";
}

int decl_state_from_sql(const char *s)
{
	for (int i = 0; s && i < DSTATE__MAX; i++)
		if (strcmp(state_sql[i], s) == 0)
			return i;
	return -1;
}
