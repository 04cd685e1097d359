/* The rules of delegated administration, pure (no database, no request):
 * role limits per facility over date ranges, the state a habilitation shows,
 * a grantor's scope, identifiers and e-mail normalisation. The handlers
 * load rows, ask these functions, and write. */
#ifndef HAB_RULES_H
#define HAB_RULES_H

#include <stddef.h>

enum hab_role {
	HROLE_ACTIVITY = 0,	/* Fournisseur de données d'activité, 2 at most */
	HROLE_FINANCIAL = 1,	/* Fournisseur de données financières, 2 at most */
	HROLE_APPROVER = 2,	/* Approbateur, 1 at most, validated by the Caf */
	HROLE_CONSULTANT = 3,	/* Consultant, read-only, no limit */
	HROLE__MAX
};

enum hab_validation {
	HVAL_NOT_REQUIRED = 0,
	HVAL_PENDING,
	HVAL_VALIDATED,
	HVAL_REFUSED,
};

/* What the search screen shows ("Non attribué" is a facility lacking a
 * role, not a state of a habilitation: see hab_missing_roles). */
enum hab_state {
	HSTATE_ACTIVE = 0,	/* Actif */
	HSTATE_HISTORY,		/* Historique: ended, or refused by the Caf */
	HSTATE_INACTIVE,	/* Inactif: not started yet, or awaiting the Caf */
};

/* SQL enum <-> C. -1 for an unknown text. */
int hab_role_from_sql(const char *s);
const char *hab_role_sql(int role);
/* French label, "" for an unknown role. */
const char *hab_role_label(int role);
int hab_validation_from_sql(const char *s);
const char *hab_state_label(enum hab_state s);
/* "actif" / "historique" / "inactif" / "non-attribue" <-> enum; -1 unknown
 * (HAB_STATE_UNASSIGNED for "non-attribue"). */
#define HAB_STATE_UNASSIGNED 3
int hab_state_from_param(const char *s);

/* Holders at once per facility: 2, 2, 1; 0 means no limit (consultant). */
int hab_role_limit(int role);

/* Calendar days since 1970-01-01, proleptic Gregorian. An open end is
 * HAB_DAY_OPEN. */
#define HAB_DAY_OPEN 0x7fffffffL
/* "YYYY-MM-DD" (a real date) -> day number; -1 if malformed. */
long hab_day_from_iso(const char *s);
/* Day number -> "YYYY-MM-DD" into buf (>= 11). */
void hab_day_to_iso(long day, char *buf, size_t n);

/* A habilitation's dates: [start, end), end HAB_DAY_OPEN when open. */
struct hab_interval {
	long start;
	long end;
};

/* The most intervals holding on one same day inside [from, to) (a sweep
 * over start/end events: an interval ending on day d and one starting on d
 * never overlap). Empty or inverted intervals count for nothing. */
int hab_max_overlap(const struct hab_interval *iv, size_t n, long from, long to);

/* May a new holder with dates cand be added to a role whose current
 * holders (not refused) have the dates in existing? 1 yes, 0 no: on some
 * day of cand the role would have more than limit holders. limit 0: yes. */
int hab_limit_allows(const struct hab_interval *existing, size_t n, struct hab_interval cand,
		     int limit);

/* The state shown at today. */
enum hab_state hab_state_at(long start, long end, enum hab_validation v, long today);
/* Does a habilitation give its rights today? (Actif) */
int hab_grants_rights(long start, long end, enum hab_validation v, long today);

/* Roles among activity, financial, approver with no holder: held_mask has
 * bit (1 << role) for each role held (active, or approver pending). */
unsigned hab_missing_roles(unsigned held_mask);

/* A grantor's reach. A Caf administrator reaches every facility of its Caf;
 * a partner administrator every facility of its partner; a habilitation
 * manager only the facilities listed (sorted or not). */
enum hab_grantor_kind {
	HGRANTOR_NONE = 0,
	HGRANTOR_CAF_ADMIN,
	HGRANTOR_PARTNER_ADMIN,
	HGRANTOR_MANAGER,
};

struct hab_grantor {
	enum hab_grantor_kind kind;
	long long account_id;
	long long caf_id;		/* Caf admin: its Caf */
	long long partner_id;		/* partner admin and manager: their partner */
	const long long *facilities;	/* manager: the facilities of its grant(s) */
	size_t nfacilities;
};

struct hab_target_facility {
	long long id;
	long long partner_id;
	long long caf_id;
};

enum hab_scope {
	HSCOPE_OK = 0,
	HSCOPE_SELF,		/* a partner's grantor never grants to themselves */
	HSCOPE_OTHER_PARTNER,	/* user or facility of another partner (or Caf) */
	HSCOPE_OUTSIDE,		/* a manager's facility outside its subset */
	HSCOPE_NOT_GRANTOR,
};

/* Whether the grantor reaches a facility (for viewing and acting on it). */
enum hab_scope hab_scope_facility(const struct hab_grantor *g, const struct hab_target_facility *f);
/* Whether the grantor may give a role on facility f to the account
 * target_account of partner target_partner. */
enum hab_scope hab_scope_grant(const struct hab_grantor *g, long long target_account,
			       long long target_partner, const struct hab_target_facility *f);
/* Whether the grantor may appoint a manager over the facilities listed (a
 * subset of its own, never itself). All facilities must already be the
 * grantor's partner's (checked by the caller when loading them). */
enum hab_scope hab_scope_appoint(const struct hab_grantor *g, long long target_account,
				 long long target_partner, const long long *facilities, size_t n);

/* Identifiers like ENF0120009: "ENF", the Caf's department on 3 characters
 * ("78" -> "078", "2A" -> "02A"), a sequence on 4 base-36 digits (0-9 A-Z).
 * Returns 0, or -1 for a bad department or a sequence over ZZZZ. out >= 11. */
int hab_login_format(char *out, size_t n, const char *department, unsigned long seq);
/* The sequence of a login of that department; -1 if it is not one. */
long hab_login_seq(const char *login, const char *department);

#endif
