/* Users of a convention (the partner's accounts): list with filters,
 * creation with a generated identifier and a mailed temporary password,
 * modification, closing (roles to History, sessions killed), details. */
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "db.h"
#include "french.h"
#include "hab.h"
#include "hab_sql.h"
#include "module.h"
#include "page.h"
#include "request.h"

static void account_node(struct portal_ctx *ctx, xmlNodePtr parent, const struct db_result *r,
			 size_t i)
{
	xmlNodePtr u = px_el(parent, "user");
	px_attr(u, "id", db_cell(r, i, 0));
	px_attr(u, "login", db_cell(r, i, 1));
	px_attr(u, "last-name", db_cell(r, i, 2));
	px_attr(u, "first-name", db_cell(r, i, 3));
	px_attr(u, "email", db_cell(r, i, 4));
	if (db_cell(r, i, 5))
		px_attr(u, "phone", db_cell(r, i, 5));
	px_attr(u, "opened-on", db_cell(r, i, 6));
	const char *closed = db_cell(r, i, 7);
	if (closed)
		px_attr(u, "closed-on", closed);
	px_attr(u, "status", hab_is_closed(ctx, closed) ? "closed" : "open");
}

static int groups_node(struct portal_ctx *ctx, xmlNodePtr root)
{
	struct db_result r;
	enum db_status st = db_query(ctx->db, ctx->arena, SQL_GROUPS, DB_NOARGS, &r);
	if (st != DB_OK)
		return db_http_status(st);
	xmlNodePtr gl = px_el(root, "all-groups");
	for (size_t i = 0; i < r.rows; i++) {
		xmlNodePtr g = px_text(gl, "group", db_cell(&r, i, 2));
		px_attr(g, "id", db_cell(&r, i, 0));
		px_attr(g, "code", db_cell(&r, i, 1));
	}
	return 0;
}

/* An account's group memberships, the closed ones too. */
static int memberships_node(struct portal_ctx *ctx, xmlNodePtr root, long long account)
{
	struct db_result r;
	enum db_status st = db_query(ctx->db, ctx->arena, SQL_MEMBERSHIPS_OF_ACCOUNT,
				     DB_ARGS(DB_INT(account)), &r);
	if (st != DB_OK)
		return db_http_status(st);
	xmlNodePtr ml = px_el(root, "memberships");
	for (size_t i = 0; i < r.rows; i++) {
		xmlNodePtr m = px_el(ml, "membership");
		px_attr(m, "id", db_cell(&r, i, 0));
		px_attr(m, "code", db_cell(&r, i, 1));
		px_attr(m, "opened-on", db_cell(&r, i, 3));
		const char *closed = db_cell(&r, i, 4);
		if (closed)
			px_attr(m, "closed-on", closed);
		px_attr(m, "open", hab_is_closed(ctx, closed) ? "0" : "1");
	}
	return 0;
}

int hab_users(struct portal_ctx *ctx)
{
	struct hab_caller c;
	struct hab_convention cv;
	int rc = hab_caller_convention(ctx, &c, &cv);
	if (rc)
		return rc;
	xmlNodePtr root = hab_page(ctx, "habilitations/utilisateurs", &c);
	hab_convention_node(root, &cv);
	const char *login = hab_trimmed(ctx, "identifiant");
	const char *last = hab_trimmed(ctx, "nom");
	const char *first = hab_trimmed(ctx, "prenom");
	long long group = hab_id_value(hab_trimmed(ctx, "groupe"));
	xmlNodePtr f = px_el(root, "filters");
	px_attr(f, "identifiant", login);
	px_attr(f, "nom", last);
	px_attr(f, "prenom", first);
	px_attr_int(f, "groupe", group);
	if ((rc = groups_node(ctx, root)))
		return rc;
	const char *today = ctx_today(ctx);
	struct db_result r;
	enum db_status st = db_query(
		ctx->db, ctx->arena, SQL_USERS_OF_PARTNER,
		DB_ARGS(DB_INT(cv.partner_id), DB_TEXT(login), DB_TEXT(login), DB_TEXT(last),
			DB_TEXT(last), DB_TEXT(first), DB_TEXT(first), DB_INT(group), DB_INT(group),
			DB_TEXT(today), DB_TEXT(today)),
		&r);
	if (st != DB_OK)
		return db_http_status(st);
	xmlNodePtr ul = px_el(root, "users");
	for (size_t i = 0; i < r.rows; i++)
		account_node(ctx, ul, &r, i);
	return 0;
}

/* The fields of the posted user form, shown again and checked; errors on
 * the page, whose count is returned. Values in u (ISO dates). */
struct user_form {
	const char *last, *first, *email, *phone, *mobility, *opened, *closed;
};

static int read_user_form(struct portal_ctx *ctx, xmlNodePtr root, struct user_form *u)
{
	page_form_values(root, &ctx->req->form);
	u->last = hab_trimmed(ctx, "nom");
	u->first = hab_trimmed(ctx, "prenom");
	u->email = hab_trimmed(ctx, "email");
	const char *email2 = hab_trimmed(ctx, "email_confirmation");
	u->phone = hab_trimmed(ctx, "telephone");
	const char *phone2 = hab_trimmed(ctx, "telephone_confirmation");
	u->mobility = strcmp(hab_trimmed(ctx, "mobilite"), "itinerant") == 0 ? "itinerant"
									      : "sedentary";
	if (!*u->last)
		page_error(root, "nom", "Saisissez le nom.");
	else if (strlen(u->last) > 80)
		page_error(root, "nom", "Le nom compte 80 caractères au plus.");
	if (!*u->first)
		page_error(root, "prenom", "Saisissez le prénom.");
	else if (strlen(u->first) > 80)
		page_error(root, "prenom", "Le prénom compte 80 caractères au plus.");
	const char *err = *u->email ? fr_read_email(u->email) : "Saisissez l'adresse électronique.";
	if (err)
		page_error(root, "email", err);
	else if (strcasecmp(u->email, email2) != 0)
		page_error(root, "email_confirmation",
			   "La confirmation ne correspond pas à l'adresse électronique.");
	if (*u->phone) {
		int ok = strlen(u->phone) <= 20;
		for (const char *p = u->phone; ok && *p; p++)
			ok = (*p >= '0' && *p <= '9') || *p == ' ' || *p == '+' || *p == '.';
		if (!ok)
			page_error(root, "telephone",
				   "Le téléphone ne contient que des chiffres, des espaces, « + » "
				   "ou « . » (20 caractères au plus).");
		else if (strcmp(u->phone, phone2) != 0)
			page_error(root, "telephone_confirmation",
				   "La confirmation ne correspond pas au téléphone.");
	}
	hab_date_field(ctx, root, "date_ouverture", ctx_today(ctx), &u->opened);
	hab_closing_field(ctx, root, "date_cloture", u->opened, &u->closed);
	return page_error_count(root);
}

/* The form that creates a user of the convention {id}: grantors only. */
static int user_new_page(struct portal_ctx *ctx, struct hab_caller *c, struct hab_convention *cv,
			 xmlNodePtr *root_out)
{
	int rc = hab_caller_convention(ctx, c, cv);
	if (rc)
		return rc;
	if (c->g.kind == HGRANTOR_NONE)
		return hab_refuse(ctx, "convention", cv->id);
	xmlNodePtr root = hab_page(ctx, "habilitations/utilisateur-formulaire", c);
	hab_convention_node(root, cv);
	px_attr(px_el(root, "form"), "mode", "create");
	*root_out = root;
	return 0;
}

int hab_user_new_get(struct portal_ctx *ctx)
{
	struct hab_caller c;
	struct hab_convention cv;
	xmlNodePtr root = NULL;
	return user_new_page(ctx, &c, &cv, &root);
}

int hab_user_new_post(struct portal_ctx *ctx)
{
	struct hab_caller c;
	struct hab_convention cv;
	xmlNodePtr root = NULL;
	int rc = user_new_page(ctx, &c, &cv, &root);
	if (rc)
		return rc;
	struct user_form u;
	if (read_user_form(ctx, root, &u))
		return 0;
	enum db_status st = db_begin(ctx->db);
	if (st != DB_OK)
		return db_http_status(st);
	long long id = 0;
	const char *err = NULL;
	rc = hab_create_account(ctx, cv.partner_id, u.email, u.last, u.first, u.phone, u.mobility,
				u.opened, u.closed, &id, &err);
	if (rc || err) {
		db_rollback(ctx->db);
		if (err)
			page_error(root, "email", err);
		return rc;
	}
	return hab_commit_redirect(
		ctx, DB_OK,
		arena_printf(ctx->arena,
			     "L'utilisateur %s %s a été créé. Son mot de passe provisoire lui est "
			     "envoyé par courriel.",
			     u.first, u.last),
		arena_printf(ctx->arena, "/habilitations/utilisateur/%lld", id));
}

/* A page about the user {id}, with <account> (manageable="1" when the
 * caller may change it, see hab_account_manageable; also in *manageable
 * unless NULL) and its convention. */
static int user_page(struct portal_ctx *ctx, const char *view, struct hab_caller *c,
		     struct hab_account *a, xmlNodePtr *root_out, int *manageable)
{
	int rc = hab_caller_load(ctx, c);
	if (rc)
		return rc;
	if ((rc = hab_account_in_scope(ctx, c, ctx_param_id(ctx, "id"), a)))
		return rc;
	xmlNodePtr root = hab_page(ctx, view, c);
	xmlNodePtr u = px_el(root, "account");
	px_attr_int(u, "id", a->id);
	px_attr(u, "login", a->login);
	px_attr(u, "email", a->email);
	px_attr(u, "last-name", a->last_name);
	px_attr(u, "first-name", a->first_name);
	if (a->phone)
		px_attr(u, "phone", a->phone);
	px_attr(u, "mobility", a->mobility);
	px_attr(u, "opened-on", a->opened_on);
	if (a->closed_on)
		px_attr(u, "closed-on", a->closed_on);
	px_attr(u, "status", hab_is_closed(ctx, a->closed_on) ? "closed" : "open");
	int m = hab_account_manageable(ctx, c, a);
	if (m < 0)
		return -m;
	if (m)
		px_attr(u, "manageable", "1");
	if (manageable)
		*manageable = m;
	struct db_result r;
	enum db_status st = db_query(ctx->db, ctx->arena, SQL_CONVENTION_OF_PARTNER,
				     DB_ARGS(DB_INT(a->partner_id)), &r);
	if (st != DB_OK)
		return db_http_status(st);
	if (r.rows) {
		xmlNodePtr n = px_el(root, "convention");
		px_attr(n, "id", db_cell(&r, 0, 0));
		px_attr(n, "label", db_cell(&r, 0, 1));
		px_attr(n, "partner", db_cell(&r, 0, 2));
	}
	*root_out = root;
	return 0;
}

/* A user page with a form that changes the account: refused (logged as
 * `what`) unless the caller may manage it. */
static int managed_user_page(struct portal_ctx *ctx, const char *view, const char *what,
			     struct hab_caller *c, struct hab_account *a, xmlNodePtr *root_out)
{
	int manageable = 0;
	int rc = user_page(ctx, view, c, a, root_out, &manageable);
	if (rc)
		return rc;
	return manageable ? 0 : hab_refuse(ctx, what, a->id);
}

int hab_user_detail(struct portal_ctx *ctx)
{
	struct hab_caller c;
	struct hab_account a;
	xmlNodePtr root = NULL;
	int rc = user_page(ctx, "habilitations/utilisateur", &c, &a, &root, NULL);
	if (rc)
		return rc;
	struct db_result r;
	enum db_status st = db_query(ctx->db, ctx->arena, SQL_HABILITATIONS_OF_ACCOUNT,
				     DB_ARGS(DB_INT(a.id)), &r);
	if (st != DB_OK)
		return db_http_status(st);
	long today = hab_day_from_iso(ctx_today(ctx));
	xmlNodePtr hl = px_el(root, "habilitations");
	for (size_t i = 0; i < r.rows; i++) {
		long start = hab_day_from_iso(db_cell(&r, i, 4));
		long end = db_cell(&r, i, 5) ? hab_day_from_iso(db_cell(&r, i, 5)) : HAB_DAY_OPEN;
		int v = hab_validation_from_sql(db_cell(&r, i, 6));
		xmlNodePtr h = px_el(hl, "habilitation");
		px_attr(h, "id", db_cell(&r, i, 0));
		px_attr(h, "facility", db_cell(&r, i, 1));
		if (db_cell(&r, i, 2))
			px_attr(h, "site", db_cell(&r, i, 2));
		px_attr(h, "role", hab_role_label(hab_role_from_sql(db_cell(&r, i, 3))));
		px_attr(h, "starts-on", db_cell(&r, i, 4));
		if (db_cell(&r, i, 5))
			px_attr(h, "ends-on", db_cell(&r, i, 5));
		px_attr(h, "validation", db_cell(&r, i, 6));
		px_attr(h, "state",
			hab_state_label(hab_state_at(start, end, (enum hab_validation)(v < 0 ? 0 : v),
						     today)));
	}
	return memberships_node(ctx, root, a.id);
}

static int user_edit_page(struct portal_ctx *ctx, struct hab_caller *c, struct hab_account *a,
			  xmlNodePtr *root)
{
	int rc = managed_user_page(ctx, "habilitations/utilisateur-formulaire", "account (manage)",
				   c, a, root);
	if (rc)
		return rc;
	px_attr(px_el(*root, "form"), "mode", "edit");
	return 0;
}

int hab_user_edit_get(struct portal_ctx *ctx)
{
	struct hab_caller c;
	struct hab_account a;
	xmlNodePtr root = NULL;
	return user_edit_page(ctx, &c, &a, &root);
}

int hab_user_edit_post(struct portal_ctx *ctx)
{
	struct hab_caller c;
	struct hab_account a;
	xmlNodePtr root = NULL;
	int rc = user_edit_page(ctx, &c, &a, &root);
	if (rc)
		return rc;
	struct user_form u;
	if (read_user_form(ctx, root, &u))
		return 0;
	enum db_status st = db_begin(ctx->db);
	if (st != DB_OK)
		return db_http_status(st);
	struct db_result r;
	st = db_query(ctx->db, ctx->arena, SQL_EMAIL_TAKEN, DB_ARGS(DB_TEXT(u.email), DB_INT(a.id)),
		      &r);
	if (st == DB_OK && r.rows)
		return hab_rollback_form(ctx, root, "email", HAB_EMAIL_TAKEN);
	if (st == DB_OK)
		st = db_exec(ctx->db, SQL_ACCOUNT_UPDATE,
			     DB_ARGS(DB_TEXT(u.email), DB_TEXT(u.last), DB_TEXT(u.first),
				     DB_TEXT(*u.phone ? u.phone : NULL), DB_TEXT(u.mobility),
				     DB_TEXT(u.opened), DB_TEXT(u.closed), DB_INT(a.id)),
			     NULL, NULL);
	if (st == DB_CONSTRAINT)
		return hab_rollback_form(ctx, root, "email", HAB_EMAIL_TAKEN);
	if (st == DB_OK && u.closed && (!a.closed_on || strcmp(u.closed, a.closed_on) != 0))
		rc = hab_close_account_effects(ctx, a.id, u.closed);
	if (st == DB_OK && !rc &&
	    hab_audit(ctx, "account.updated", "account", a.id,
		      arena_printf(ctx->arena,
				   "before: email=%s name=%s %s phone=%s opened_on=%s closed_on=%s; "
				   "after: email=%s name=%s %s phone=%s opened_on=%s closed_on=%s",
				   a.email, a.last_name, a.first_name, a.phone ? a.phone : "",
				   a.opened_on, a.closed_on ? a.closed_on : "", u.email, u.last,
				   u.first, u.phone, u.opened, u.closed ? u.closed : "")))
		rc = 500;
	if (st == DB_OK && rc) {
		db_rollback(ctx->db);
		return rc;
	}
	return hab_commit_redirect(ctx, st, "Les informations de l'utilisateur ont été enregistrées.",
				   arena_printf(ctx->arena, "/habilitations/utilisateur/%lld", a.id));
}

static int user_close_page(struct portal_ctx *ctx, struct hab_caller *c, struct hab_account *a,
			   xmlNodePtr *root)
{
	return managed_user_page(ctx, "habilitations/utilisateur-cloture", "account (close)", c, a,
				 root);
}

int hab_user_close_get(struct portal_ctx *ctx)
{
	struct hab_caller c;
	struct hab_account a;
	xmlNodePtr root = NULL;
	return user_close_page(ctx, &c, &a, &root);
}

int hab_user_close_post(struct portal_ctx *ctx)
{
	struct hab_caller c;
	struct hab_account a;
	xmlNodePtr root = NULL;
	int rc = user_close_page(ctx, &c, &a, &root);
	if (rc)
		return rc;
	page_form_values(root, &ctx->req->form);
	const char *day = NULL;
	hab_date_field(ctx, root, "date_cloture", ctx_today(ctx), &day);
	if (page_error_count(root))
		return 0;
	if (strcmp(day, a.opened_on) < 0)
		day = a.opened_on;
	enum db_status st = db_begin(ctx->db);
	if (st != DB_OK)
		return db_http_status(st);
	st = db_exec(ctx->db, SQL_ACCOUNT_CLOSE, DB_ARGS(DB_TEXT(day), DB_INT(a.id)), NULL, NULL);
	rc = st == DB_OK ? hab_close_account_effects(ctx, a.id, day) : db_http_status(st);
	if (!rc && hab_audit(ctx, "account.closed", "account", a.id,
			     arena_printf(ctx->arena, "before: closed_on=%s; after: closed_on=%s",
					  a.closed_on ? a.closed_on : "", day)))
		rc = 500;
	if (rc) {
		db_rollback(ctx->db);
		return rc;
	}
	return hab_commit_redirect(
		ctx, DB_OK,
		arena_printf(ctx->arena,
			     "Le compte de %s %s est clôturé au %s ; ses habilitations passent "
			     "dans l'historique.",
			     a.first_name, a.last_name, hab_date_fr(ctx, day)),
		arena_printf(ctx->arena, "/habilitations/utilisateur/%lld", a.id));
}

int hab_user_groups_get(struct portal_ctx *ctx)
{
	struct hab_caller c;
	struct hab_account a;
	xmlNodePtr root = NULL;
	int rc = managed_user_page(ctx, "habilitations/utilisateur-groupes", "account (groups)", &c,
				   &a, &root);
	if (rc)
		return rc;
	if ((rc = groups_node(ctx, root)))
		return rc;
	return memberships_node(ctx, root, a.id);
}

int hab_user_groups_post(struct portal_ctx *ctx)
{
	int rc = hab_user_groups_get(ctx);
	if (rc)
		return rc;
	xmlNodePtr root = xmlDocGetRootElement(ctx->page);
	page_form_values(root, &ctx->req->form);
	long long account = ctx_param_id(ctx, "id");
	long long group = hab_id_value(hab_trimmed(ctx, "groupe"));
	const char *opened = NULL, *closed = NULL;
	if (hab_date_field(ctx, root, "date_ouverture", NULL, &opened))
		page_error(root, "date_ouverture", "Saisissez la date d'ouverture.");
	hab_closing_field(ctx, root, "date_cloture", opened, &closed);
	struct db_result r;
	enum db_status st = db_query(ctx->db, ctx->arena, SQL_GROUP, DB_ARGS(DB_INT(group)), &r);
	if (st != DB_OK)
		return db_http_status(st);
	if (r.rows != 1)
		page_error(root, "groupe", "Choisissez un groupe.");
	if (page_error_count(root))
		return 0;
	const char *code = db_cell(&r, 0, 1);
	if ((st = db_begin(ctx->db)) != DB_OK)
		return db_http_status(st);
	st = db_query(ctx->db, ctx->arena, SQL_MEMBERSHIP_OVERLAP,
		      DB_ARGS(DB_INT(account), DB_INT(group), DB_TEXT(opened), DB_TEXT(closed),
			      DB_TEXT(closed)),
		      &r);
	if (st == DB_OK && db_cell_int(&r, 0, 0) > 0)
		return hab_rollback_form(ctx, root, "groupe",
					 "L'utilisateur appartient déjà à ce groupe à ces dates.");
	uint64_t id = 0;
	if (st == DB_OK)
		st = db_exec(ctx->db, SQL_MEMBERSHIP_INSERT,
			     DB_ARGS(DB_INT(group), DB_INT(account), DB_TEXT(opened), DB_TEXT(closed),
				     DB_INT(ctx_account_id(ctx))),
			     NULL, &id);
	if (st == DB_OK &&
	    hab_audit(ctx, "group_member.added", "account", account,
		      arena_printf(ctx->arena, "after: group=%s opened_on=%s closed_on=%s", code,
				   opened, closed ? closed : "")))
		st = DB_ERROR;
	return hab_commit_redirect(
		ctx, st, arena_printf(ctx->arena, "L'utilisateur a été ajouté au groupe %s.", code),
		arena_printf(ctx->arena, "/habilitations/utilisateur/%lld/groupes", account));
}

int hab_membership_close_post(struct portal_ctx *ctx)
{
	struct hab_caller c;
	int rc = hab_caller_load(ctx, &c);
	if (rc)
		return rc;
	long long id = ctx_param_id(ctx, "id");
	struct db_result r;
	if ((rc = hab_row_by_id(ctx, SQL_MEMBERSHIP, "group_member", id, &r)))
		return rc;
	struct hab_account a;
	if ((rc = hab_account_in_scope(ctx, &c, db_cell_int(&r, 0, 1), &a)))
		return rc;
	if (hab_account_manageable(ctx, &c, &a) != 1)
		return hab_refuse(ctx, "group_member", id);
	const char *today = ctx_today(ctx);
	enum db_status st = db_begin(ctx->db);
	if (st != DB_OK)
		return db_http_status(st);
	uint64_t n = 0;
	st = db_exec(ctx->db, SQL_MEMBERSHIP_CLOSE, DB_ARGS(DB_TEXT(today), DB_INT(id), DB_TEXT(today)),
		     &n, NULL);
	if (st == DB_OK && n &&
	    hab_audit(ctx, "group_member.closed", "account", a.id,
		      arena_printf(ctx->arena, "group=%s before: closed_on=%s; after: closed_on=%s",
				   db_cell(&r, 0, 4), db_cell(&r, 0, 3) ? db_cell(&r, 0, 3) : "",
				   today)))
		st = DB_ERROR;
	return hab_commit_redirect(
		ctx, st, "L'appartenance au groupe est close.",
		arena_printf(ctx->arena, "/habilitations/utilisateur/%lld/groupes", a.id));
}
