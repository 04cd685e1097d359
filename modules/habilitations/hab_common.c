/* Shared by the habilitations handlers: who the caller is, the scope
 * loaders that turn an out-of-reach id into a logged 404, account creation
 * with its temporary password, and closing effects. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "arena.h"
#include "audit.h"
#include "clock.h"
#include "../auth/passwords.h"
#include "config.h"
#include "db.h"
#include "hab.h"
#include "hab_sql.h"
#include "log.h"
#include "module.h"
#include "outbox.h"
#include "page.h"
#include "request.h"
#include "session.h"

int hab_caller_load(struct portal_ctx *ctx, struct hab_caller *c)
{
	memset(c, 0, sizeof(*c));
	const struct session *s = ctx->session;
	if (!s || !s->account_id)
		return 403;
	c->account_id = s->account_id;
	c->g.account_id = s->account_id;
	if (s->account_kind && strcmp(s->account_kind, "caf") == 0) {
		c->is_caf = 1;
		c->caf_id = s->caf_id;
		c->caf_admin = (s->caps & CAP_CAF_ADMIN) != 0;
		c->caf_hab_manager = (s->caps & CAP_CAF_HAB_MANAGER) != 0;
		if (c->caf_admin) {
			c->g.kind = HGRANTOR_CAF_ADMIN;
			c->g.caf_id = s->caf_id;
		}
		return 0;
	}
	c->partner_id = s->partner_id;
	c->g.partner_id = s->partner_id;
	const char *today = ctx_today(ctx);
	struct db_result r;
	enum db_status st = db_query(ctx->db, ctx->arena, SQL_GRANTS_OF,
				     DB_ARGS(DB_INT(c->account_id), DB_TEXT(today), DB_TEXT(today)), &r);
	if (st != DB_OK)
		return db_http_status(st);
	for (size_t i = 0; i < r.rows; i++) {
		if (db_cell_int(&r, i, 2) != c->partner_id)
			continue; /* a grant on another partner gives nothing here */
		const char *kind = db_cell(&r, i, 1);
		if (strcmp(kind, "partner_admin") == 0) {
			c->g.kind = HGRANTOR_PARTNER_ADMIN;
			c->grant_id = db_cell_int(&r, i, 0);
		} else if (c->g.kind != HGRANTOR_PARTNER_ADMIN) {
			c->g.kind = HGRANTOR_MANAGER;
			if (!c->grant_id)
				c->grant_id = db_cell_int(&r, i, 0);
		}
	}
	if (c->g.kind == HGRANTOR_MANAGER) {
		st = db_query(ctx->db, ctx->arena, SQL_MANAGER_FACILITIES,
			      DB_ARGS(DB_INT(c->account_id), DB_INT(c->partner_id), DB_TEXT(today),
				      DB_TEXT(today)),
			      &r);
		if (st != DB_OK)
			return db_http_status(st);
		long long *ids = arena_zalloc(ctx->arena, (r.rows + 1) * sizeof(*ids));
		for (size_t i = 0; i < r.rows; i++)
			ids[i] = db_cell_int(&r, i, 0);
		c->g.facilities = ids;
		c->g.nfacilities = r.rows;
	}
	return 0;
}

int hab_may_consult(const struct hab_caller *c)
{
	return c->is_caf || c->g.kind != HGRANTOR_NONE;
}

int hab_refuse(struct portal_ctx *ctx, const char *what, long long id)
{
	log_info("habilitations: %s %lld outside the scope of account %lld (%s %s)", what, id,
		 ctx_account_id(ctx), ctx->req->method, ctx->req->path);
	return 404;
}

int hab_row_by_id(struct portal_ctx *ctx, const char *sql, const char *what, long long id,
		  struct db_result *r)
{
	enum db_status st = db_query(ctx->db, ctx->arena, sql, DB_ARGS(DB_INT(id)), r);
	if (st != DB_OK)
		return db_http_status(st);
	return r->rows == 1 ? 0 : hab_refuse(ctx, what, id);
}

xmlNodePtr hab_page(struct portal_ctx *ctx, const char *view, const struct hab_caller *c)
{
	xmlNodePtr root = page_new(ctx, view);
	xmlNodePtr n = px_el(root, "caller");
	static const char *const KINDS[] = {"none", "caf-admin", "partner-admin", "manager"};
	px_attr(n, "grantor", KINDS[c->g.kind]);
	px_attr(n, "kind", c->is_caf ? "caf" : "partner");
	if (c->caf_admin)
		px_attr(n, "caf-admin", "1");
	if (c->caf_hab_manager)
		px_attr(n, "caf-hab-manager", "1");
	return root;
}

int hab_convention_in_scope(struct portal_ctx *ctx, const struct hab_caller *c, long long id,
			    struct hab_convention *out)
{
	struct db_result r;
	int rc = hab_row_by_id(ctx, SQL_CONVENTION, "convention", id, &r);
	if (rc)
		return rc;
	out->id = db_cell_int(&r, 0, 0);
	out->caf_id = db_cell_int(&r, 0, 1);
	out->partner_id = db_cell_int(&r, 0, 2);
	out->label = db_cell(&r, 0, 3);
	out->partner_name = db_cell(&r, 0, 8);
	out->row = r;
	int ok = c->is_caf ? out->caf_id == c->caf_id
			   : (c->g.kind != HGRANTOR_NONE && out->partner_id == c->partner_id);
	return ok ? 0 : hab_refuse(ctx, "convention", id);
}

int hab_caller_convention(struct portal_ctx *ctx, struct hab_caller *c, struct hab_convention *cv)
{
	int rc = hab_caller_load(ctx, c);
	if (rc)
		return rc;
	return hab_convention_in_scope(ctx, c, ctx_param_id(ctx, "id"), cv);
}

int hab_account_in_scope(struct portal_ctx *ctx, const struct hab_caller *c, long long id,
			 struct hab_account *out)
{
	struct db_result r;
	int rc = hab_row_by_id(ctx, SQL_ACCOUNT, "account", id, &r);
	if (rc)
		return rc;
	out->id = db_cell_int(&r, 0, 0);
	out->login = db_cell(&r, 0, 1);
	out->email = db_cell(&r, 0, 2);
	out->last_name = db_cell(&r, 0, 3);
	out->first_name = db_cell(&r, 0, 4);
	out->phone = db_cell(&r, 0, 5);
	out->mobility = db_cell(&r, 0, 6);
	out->partner_id = db_cell_int(&r, 0, 8);
	out->opened_on = db_cell(&r, 0, 9);
	out->closed_on = db_cell(&r, 0, 10);
	out->caf_id = db_cell_int(&r, 0, 11);
	int partner_user = strcmp(db_cell(&r, 0, 7), "partner") == 0 && out->partner_id > 0;
	int ok = partner_user && (c->is_caf ? out->caf_id == c->caf_id
					    : (c->g.kind != HGRANTOR_NONE &&
					       out->partner_id == c->partner_id));
	return ok ? 0 : hab_refuse(ctx, "account", id);
}

int hab_account_manageable(struct portal_ctx *ctx, const struct hab_caller *c,
			   const struct hab_account *a)
{
	if (a->id == c->account_id)
		return 0;
	if (c->g.kind == HGRANTOR_CAF_ADMIN || c->g.kind == HGRANTOR_PARTNER_ADMIN)
		return 1;
	if (c->g.kind != HGRANTOR_MANAGER)
		return 0;
	const char *today = ctx_today(ctx);
	struct db_result r;
	enum db_status st = db_query(ctx->db, ctx->arena, SQL_OPEN_FACILITIES_OF_ACCOUNT,
				     DB_ARGS(DB_INT(a->id), DB_TEXT(today)), &r);
	if (st != DB_OK)
		return -db_http_status(st);
	for (size_t i = 0; i < r.rows; i++) {
		struct hab_target_facility f = {db_cell_int(&r, i, 0), a->partner_id, 0};
		if (hab_scope_facility(&c->g, &f) != HSCOPE_OK)
			return 0;
	}
	st = db_query(ctx->db, ctx->arena, SQL_GRANTS_OF,
		      DB_ARGS(DB_INT(a->id), DB_TEXT(today), DB_TEXT(today)), &r);
	if (st != DB_OK)
		return -db_http_status(st);
	for (size_t i = 0; i < r.rows; i++)
		if (strcmp(db_cell(&r, i, 1), "partner_admin") == 0)
			return 0;
	return 1;
}

int hab_facility_in_scope(struct portal_ctx *ctx, const struct hab_caller *c, long long id,
			  struct hab_facility *out)
{
	struct db_result r;
	int rc = hab_row_by_id(ctx, SQL_FACILITY, "facility", id, &r);
	if (rc)
		return rc;
	out->id = db_cell_int(&r, 0, 0);
	out->partner_id = db_cell_int(&r, 0, 1);
	out->caf_id = db_cell_int(&r, 0, 2);
	out->convention_id = db_cell_int(&r, 0, 3);
	out->kind = db_cell(&r, 0, 4);
	out->nature = db_cell(&r, 0, 5);
	out->name = db_cell(&r, 0, 6);
	out->code = db_cell(&r, 0, 7);
	struct hab_target_facility t = {out->id, out->partner_id, out->caf_id};
	return hab_reaches_facility(c, &t) ? 0 : hab_refuse(ctx, "facility", id);
}

int hab_reaches_facility(const struct hab_caller *c, const struct hab_target_facility *t)
{
	return c->is_caf ? t->caf_id == c->caf_id : hab_scope_facility(&c->g, t) == HSCOPE_OK;
}

int hab_audit(struct portal_ctx *ctx, const char *action, const char *type, long long id,
	      const char *detail)
{
	return audit_event(ctx, action, type, id, detail);
}

int hab_create_account(struct portal_ctx *ctx, long long partner_id, const char *email,
		       const char *last_name, const char *first_name, const char *phone,
		       const char *mobility, const char *opened_on, const char *closed_on,
		       long long *account_id, const char **error)
{
	*account_id = 0;
	*error = NULL;
	struct db_result r;
	enum db_status st = db_query(ctx->db, ctx->arena, SQL_EMAIL_TAKEN,
				     DB_ARGS(DB_TEXT(email), DB_INT(0)), &r);
	if (st != DB_OK)
		return db_http_status(st);
	if (r.rows) {
		*error = HAB_EMAIL_TAKEN;
		return 0;
	}
	st = db_query(ctx->db, ctx->arena, SQL_PARTNER_CAF, DB_ARGS(DB_INT(partner_id)), &r);
	if (st != DB_OK)
		return db_http_status(st);
	if (r.rows != 1)
		return 404;
	const char *department = db_cell(&r, 0, 1);

	char pw[13];
	pw_temporary(pw, sizeof(pw), email, NULL);
	char hash[PW_HASH_MAX];
	struct pw_cost cost = pw_cost_from_config(ctx->cfg);
	if (pw_hash(&cost, pw, strlen(pw), hash) != PW_OK) {
		sodium_memzero(pw, sizeof(pw));
		return 503;
	}
	long hours = config_int(ctx->cfg, "new_account_password_hours", 168);
	long long now = (long long)portal_now();

	/* the next identifier of the department; a racing creation takes the
	 * same one and loses on the unique key: try again */
	char prefix[8];
	char login[11];
	if (hab_login_format(login, sizeof(login), department, 0) != 0) {
		sodium_memzero(pw, sizeof(pw));
		return 500;
	}
	memcpy(prefix, login, 6);
	memcpy(prefix + 6, "%", 2);
	for (int attempt = 0; attempt < 5; attempt++) {
		st = db_query(ctx->db, ctx->arena, SQL_MAX_LOGIN, DB_ARGS(DB_TEXT(prefix)), &r);
		if (st != DB_OK)
			break;
		long seq = r.rows && db_cell(&r, 0, 0) ? hab_login_seq(db_cell(&r, 0, 0), department)
						      : 0;
		if (seq < 0)
			seq = 0;
		if (hab_login_format(login, sizeof(login), department, (unsigned long)seq + 1) != 0) {
			st = DB_ERROR;
			break;
		}
		uint64_t id = 0;
		st = db_exec(ctx->db, SQL_ACCOUNT_INSERT,
			     DB_ARGS(DB_TEXT(login), DB_TEXT(email), DB_TEXT(last_name),
				     DB_TEXT(first_name), DB_TEXT(phone && *phone ? phone : NULL),
				     DB_TEXT(mobility), DB_INT(partner_id), DB_TEXT(opened_on),
				     DB_TEXT(closed_on), DB_TEXT(hash),
				     DB_INT(now + (long long)hours * 3600), DB_INT(now)),
			     NULL, &id);
		if (st == DB_OK) {
			*account_id = (long long)id;
			break;
		}
		if (st != DB_CONSTRAINT)
			break;
		/* the e-mail may have been taken meanwhile */
		enum db_status st2 = db_query(ctx->db, ctx->arena, SQL_EMAIL_TAKEN,
					      DB_ARGS(DB_TEXT(email), DB_INT(0)), &r);
		if (st2 == DB_OK && r.rows) {
			*error = HAB_EMAIL_TAKEN;
			sodium_memzero(pw, sizeof(pw));
			return 0;
		}
	}
	if (st != DB_OK) {
		sodium_memzero(pw, sizeof(pw));
		return db_http_status(st);
	}
	const char *body = arena_printf(
		ctx->arena,
		"Bonjour %s %s,\n\n"
		"Un compte a été créé pour vous sur le Portail Caf partenaires.\n\n"
		"Votre identifiant : %s\n"
		"Votre mot de passe provisoire : %s\n\n"
		"Il est valable %ld heures. Connectez-vous sur %s/auth/connexion avec votre adresse "
		"électronique et ce mot de passe provisoire : le portail vous demandera aussitôt de "
		"choisir votre mot de passe personnel.\n\n"
		"Ne communiquez jamais votre mot de passe : la Caf ne vous le demandera jamais.\n\n"
		"Portail Caf partenaires — message automatique, merci de ne pas y répondre.\n",
		first_name, last_name, login, pw, hours, config_get(ctx->cfg, "public_url", ""));
	sodium_memzero(pw, sizeof(pw));
	int rc = outbox_enqueue(ctx->db, email, "Votre mot de passe", body);
	sodium_memzero((void *)body, strlen(body));
	if (rc != 0)
		return rc < 0 ? 400 : db_http_status((enum db_status)rc);
	if (hab_audit(ctx, "account.created", "account", *account_id,
		      arena_printf(ctx->arena, "login=%s partner=%lld email=%s opened_on=%s", login,
				   partner_id, email, opened_on)))
		return 500;
	return 0;
}

int hab_close_account_effects(struct portal_ctx *ctx, long long account_id, const char *day)
{
	long long me = ctx_account_id(ctx);
	long long now = (long long)portal_now();
	enum db_status st = db_exec(ctx->db, SQL_END_HABILITATIONS_OF_ACCOUNT,
				    DB_ARGS(DB_TEXT(day), DB_INT(me), DB_INT(now), DB_INT(account_id),
					    DB_TEXT(day)),
				    NULL, NULL);
	if (st == DB_OK)
		st = db_exec(ctx->db, SQL_CLOSE_MEMBERSHIPS_OF_ACCOUNT,
			     DB_ARGS(DB_TEXT(day), DB_INT(account_id), DB_TEXT(day)), NULL, NULL);
	if (st == DB_OK)
		st = db_exec(ctx->db, SQL_CLOSE_GRANTS_OF_ACCOUNT,
			     DB_ARGS(DB_TEXT(day), DB_INT(me), DB_INT(account_id), DB_TEXT(day)), NULL,
			     NULL);
	if (st != DB_OK)
		return db_http_status(st);
	if (hab_is_closed(ctx, day)) {
		int rc = session_destroy_account(ctx->db, account_id);
		if (rc)
			return rc;
	}
	return 0;
}
