/* The habilitations module's handlers and their shared helpers. */
#ifndef HAB_H
#define HAB_H

#include <libxml/tree.h>

#include "db.h"
#include "hab_rules.h"

struct portal_ctx;

/* Who is calling, loaded once per request from the session and the
 * admin grants that hold today. */
struct hab_caller {
	int is_caf;			/* a Caf agent */
	int caf_admin;			/* CAP_CAF_ADMIN */
	int caf_hab_manager;		/* CAP_CAF_HAB_MANAGER */
	long long account_id;
	long long caf_id;		/* Caf agent: its Caf */
	long long partner_id;		/* partner user: its partner */
	long long grant_id;		/* the caller's widest open grant (parent of what it appoints) */
	struct hab_grantor g;		/* reach for grants; kind NONE if none */
};

int hab_caller_load(struct portal_ctx *ctx, struct hab_caller *c);
/* Whether the caller consults conventions and profiles: a Caf agent, or a
 * partner user with a grantor role. */
int hab_may_consult(const struct hab_caller *c);
/* Logs a request for an id outside the caller's scope and returns 404:
 * another partner's ids reveal nothing. */
int hab_refuse(struct portal_ctx *ctx, const char *what, long long id);
/* The one row that sql (whose only parameter is the id) gives for id, in
 * *r: 0, or 404 logged as `what` when there is none, or 500/503. */
int hab_row_by_id(struct portal_ctx *ctx, const char *sql, const char *what, long long id,
		  struct db_result *r);

/* The page with <caller .../> for the views' conditions. */
xmlNodePtr hab_page(struct portal_ctx *ctx, const char *view, const struct hab_caller *c);

/* Scope loaders: each fills the row (arena) and returns 0, or 404 (logged)
 * when the id is unknown or outside the caller's reach, or 500/503. */
struct hab_convention {
	long long id, caf_id, partner_id;
	const char *label, *partner_name;
	struct db_result row; /* SQL_CONVENTION's row, for the page that shows it */
};
int hab_convention_in_scope(struct portal_ctx *ctx, const struct hab_caller *c, long long id,
			    struct hab_convention *out);
/* Loads the caller, then the convention {id} of the path in its scope. */
int hab_caller_convention(struct portal_ctx *ctx, struct hab_caller *c, struct hab_convention *cv);

struct hab_account {
	long long id, partner_id, caf_id;
	const char *login, *email, *last_name, *first_name, *phone, *mobility;
	const char *opened_on, *closed_on;
};
/* Reads a partner user of the caller's partner (or, for a Caf agent, of a
 * partner of its Caf). */
int hab_account_in_scope(struct portal_ctx *ctx, const struct hab_caller *c, long long id,
			 struct hab_account *out);
/* Whether the caller may change this account (modify, close, groups): not
 * itself; a manager only users whose open roles are all inside its subset
 * and who hold no partner administration. 1 yes, 0 no, <0 db error. */
int hab_account_manageable(struct portal_ctx *ctx, const struct hab_caller *c,
			   const struct hab_account *a);

struct hab_facility {
	long long id, partner_id, caf_id, convention_id;
	const char *kind, *nature, *name, *code;
};
/* Reach of the caller over a facility: its grantor scope, or any facility
 * of its Caf for a Caf agent (read). */
int hab_facility_in_scope(struct portal_ctx *ctx, const struct hab_caller *c, long long id,
			  struct hab_facility *out);
/* That reach as a yes/no, for a facility already read. */
int hab_reaches_facility(const struct hab_caller *c, const struct hab_target_facility *t);

/* The selects of the search, assign and managers forms: partners, and for
 * a chosen partner its open users and the activities the caller reaches. */
int hab_form_choices(struct portal_ctx *ctx, const struct hab_caller *c, xmlNodePtr root,
		     long long partner);
/* The partner a search or an assignment is about: given and in reach. 0
 * when none is chosen (a Caf agent), -status on refusal. */
long long hab_partner_param(struct portal_ctx *ctx, const struct hab_caller *c);

/* XML pieces of several pages (hab_nodes.c): <convention id label partner>
 * (returned), and <users> with the partner's open accounts. */
xmlNodePtr hab_convention_node(xmlNodePtr root, const struct hab_convention *cv);
int hab_open_users_node(struct portal_ctx *ctx, xmlNodePtr root, long long partner);
/* <users> with the open accounts of every partner of a Caf, in one
 * <group label="partner"> per partner (an <optgroup>: homonyms told apart). */
int hab_caf_users_node(struct portal_ctx *ctx, xmlNodePtr root, long long caf);

/* Form helpers (hab_form.c). */
const char *hab_trimmed(struct portal_ctx *ctx, const char *name);
/* A French date field ("dd/mm/yyyy") into ISO; NULL field or empty -> *iso
 * NULL and 0; else 0 or a French message. */
const char *hab_read_date(struct portal_ctx *ctx, const char *value, const char **iso);
/* The date field `field` of the form into *iso (ISO, arena). Empty: *iso =
 * if_empty and 1 returned. Otherwise 0; a wrong date leaves *iso NULL and
 * its message under the field. */
int hab_date_field(struct portal_ctx *ctx, xmlNodePtr root, const char *field,
		   const char *if_empty, const char **iso);
/* An optional closing date field, which must come after opened (when both
 * are valid); errors under the field. */
void hab_closing_field(struct portal_ctx *ctx, xmlNodePtr root, const char *field,
		       const char *opened, const char **closed);
/* "2026-03-26" -> "26/03/2026" in the arena. */
const char *hab_date_fr(struct portal_ctx *ctx, const char *iso);
long long hab_id_value(const char *s);
/* Whether a closing date (exclusive: closed from that day on) has come. */
int hab_is_closed(struct portal_ctx *ctx, const char *closed_on);

/* The end of a handler's write (hab_commit.c). hab_commit commits the open
 * transaction when st is DB_OK, else rolls it back: 0 once committed, else
 * the HTTP status to answer. hab_commit_redirect adds, once committed, the
 * success message and the redirection to url. hab_rollback_form rolls back
 * and shows the form again with message under field (returns 0). */
int hab_commit(struct portal_ctx *ctx, enum db_status st);
int hab_commit_redirect(struct portal_ctx *ctx, enum db_status st, const char *message,
			const char *url);
int hab_rollback_form(struct portal_ctx *ctx, xmlNodePtr root, const char *field,
		      const char *message);

/* Writes one audit row; 0 or non-zero on failure. */
int hab_audit(struct portal_ctx *ctx, const char *action, const char *type, long long id,
	      const char *detail);

/* The message under an e-mail field whose address another account has. */
#define HAB_EMAIL_TAKEN "Cette adresse électronique est déjà utilisée par un compte du portail."

/* Creates a partner user (login, temporary password mailed) in the
 * caller's open transaction. 0 and *account_id, or a French message in
 * *error (e-mail taken) with 0 returned and *account_id 0, or an HTTP status. */
int hab_create_account(struct portal_ctx *ctx, long long partner_id, const char *email,
		       const char *last_name, const char *first_name, const char *phone,
		       const char *mobility, const char *opened_on, const char *closed_on,
		       long long *account_id, const char **error);

/* Ends everything a closed account held from the closing day on:
 * habilitations (-> Historique), group memberships, admin grants, and its
 * sessions if the day has come. In the caller's transaction. */
int hab_close_account_effects(struct portal_ctx *ctx, long long account_id, const char *day);

/* Handlers (hab_*.c). */
int hab_home(struct portal_ctx *ctx);
int hab_conventions(struct portal_ctx *ctx);
int hab_convention_detail(struct portal_ctx *ctx);
int hab_convention_groups(struct portal_ctx *ctx);
int hab_users(struct portal_ctx *ctx);
int hab_user_new_get(struct portal_ctx *ctx);
int hab_user_new_post(struct portal_ctx *ctx);
int hab_user_detail(struct portal_ctx *ctx);
int hab_user_edit_get(struct portal_ctx *ctx);
int hab_user_edit_post(struct portal_ctx *ctx);
int hab_user_close_get(struct portal_ctx *ctx);
int hab_user_close_post(struct portal_ctx *ctx);
int hab_user_groups_get(struct portal_ctx *ctx);
int hab_user_groups_post(struct portal_ctx *ctx);
int hab_membership_close_post(struct portal_ctx *ctx);
int hab_search(struct portal_ctx *ctx);
int hab_end_post(struct portal_ctx *ctx);
int hab_assign_get(struct portal_ctx *ctx);
int hab_assign_post(struct portal_ctx *ctx);
int hab_validations(struct portal_ctx *ctx);
int hab_validate_post(struct portal_ctx *ctx);
int hab_refuse_post(struct portal_ctx *ctx);
int hab_supervision(struct portal_ctx *ctx);
int hab_managers_get(struct portal_ctx *ctx);
int hab_managers_post(struct portal_ctx *ctx);
int hab_manager_end_post(struct portal_ctx *ctx);
int hab_partners_get(struct portal_ctx *ctx);
int hab_partners_post(struct portal_ctx *ctx);
int hab_convention_new_get(struct portal_ctx *ctx);
int hab_convention_new_post(struct portal_ctx *ctx);
int hab_service_post(struct portal_ctx *ctx);
int hab_facility_new_get(struct portal_ctx *ctx);
int hab_facility_new_post(struct portal_ctx *ctx);
int hab_site_post(struct portal_ctx *ctx);
int hab_partner_admin_get(struct portal_ctx *ctx);
int hab_partner_admin_post(struct portal_ctx *ctx);

#endif
