/* Responsables habilitations: the partner administrator appoints managers
 * over a subset of the partner's facilities; a manager appoints others
 * within its own subset only, never itself. Ending a grant ends the grants
 * appointed under it. */
#include <string.h>

#include "arena.h"
#include "clock.h"
#include "db.h"
#include "hab.h"
#include "hab_sql.h"
#include "module.h"
#include "page.h"
#include "request.h"

/* Whether grant id descends from ancestor (or is it). */
static int descends_from(struct portal_ctx *ctx, long long id, long long ancestor, int *out)
{
	*out = 0;
	for (int depth = 0; id && depth < 32; depth++) {
		if (id == ancestor) {
			*out = 1;
			return 0;
		}
		struct db_result r;
		enum db_status st = db_query(ctx->db, ctx->arena, SQL_GRANT, DB_ARGS(DB_INT(id)), &r);
		if (st != DB_OK)
			return db_http_status(st);
		if (r.rows != 1)
			return 0;
		id = db_cell_int(&r, 0, 4);
	}
	return 0;
}

static int managers_page(struct portal_ctx *ctx, struct hab_caller *c, xmlNodePtr *root_out)
{
	int rc = hab_caller_load(ctx, c);
	if (rc)
		return rc;
	if (c->g.kind != HGRANTOR_PARTNER_ADMIN && c->g.kind != HGRANTOR_MANAGER)
		return 403;
	xmlNodePtr root = hab_page(ctx, "habilitations/responsables", c);
	if ((rc = hab_form_choices(ctx, c, root, c->partner_id)))
		return rc;
	const char *today = ctx_today(ctx);
	struct db_result r, fr;
	enum db_status st = db_query(ctx->db, ctx->arena, SQL_MANAGERS_OF_PARTNER,
				     DB_ARGS(DB_INT(c->partner_id), DB_TEXT(today), DB_TEXT(today)), &r);
	if (st != DB_OK)
		return db_http_status(st);
	st = db_query(ctx->db, ctx->arena, SQL_MANAGER_GRANT_FACILITIES,
		      DB_ARGS(DB_INT(c->partner_id)), &fr);
	if (st != DB_OK)
		return db_http_status(st);
	xmlNodePtr l = px_el(root, "managers");
	for (size_t i = 0; i < r.rows; i++) {
		long long gid = db_cell_int(&r, i, 0);
		int mine = 0;
		if (c->g.kind == HGRANTOR_PARTNER_ADMIN)
			mine = 1;
		else if ((rc = descends_from(ctx, db_cell_int(&r, i, 6), c->grant_id, &mine)))
			return rc;
		xmlNodePtr m = px_el(l, "manager");
		px_attr(m, "grant-id", db_cell(&r, i, 0));
		px_attr(m, "name", arena_printf(ctx->arena, "%s %s", db_cell(&r, i, 2),
						db_cell(&r, i, 3)));
		px_attr(m, "login", db_cell(&r, i, 4));
		px_attr(m, "opened-on", db_cell(&r, i, 5));
		if (mine && db_cell_int(&r, i, 1) != c->account_id)
			px_attr(m, "can-end", "1");
		for (size_t k = 0; k < fr.rows; k++)
			if (db_cell_int(&fr, k, 0) == gid)
				px_text(m, "facility", db_cell(&fr, k, 2));
	}
	*root_out = root;
	return 0;
}

int hab_managers_get(struct portal_ctx *ctx)
{
	struct hab_caller c;
	xmlNodePtr root = NULL;
	return managers_page(ctx, &c, &root);
}

int hab_managers_post(struct portal_ctx *ctx)
{
	struct hab_caller c;
	xmlNodePtr root = NULL;
	int rc = managers_page(ctx, &c, &root);
	if (rc)
		return rc;
	page_form_values(root, &ctx->req->form);
	long long account = hab_id_value(hab_trimmed(ctx, "utilisateur"));
	struct hab_account a;
	if (!account) {
		page_error(root, "utilisateur", "Choisissez l'utilisateur.");
		return 0;
	}
	if ((rc = hab_account_in_scope(ctx, &c, account, &a)))
		return rc;
	size_t n = kv_count(&ctx->req->form, "activite");
	long long *ids = arena_zalloc(ctx->arena, (n + 1) * sizeof(*ids));
	for (size_t i = 0; i < n; i++) {
		ids[i] = hab_id_value(kv_get_nth(&ctx->req->form, "activite", i));
		struct hab_facility f;
		if (!ids[i])
			return 400;
		if ((rc = hab_facility_in_scope(ctx, &c, ids[i], &f)))
			return rc;
	}
	if (n == 0) {
		page_error(root, "activite", "La sélection d'au moins une activité est obligatoire.");
		return 0;
	}
	enum hab_scope sc = hab_scope_appoint(&c.g, account, a.partner_id, ids, n);
	if (sc == HSCOPE_SELF) {
		page_error(root, "utilisateur", "Vous ne pouvez pas vous nommer vous-même.");
		return 0;
	}
	if (sc != HSCOPE_OK)
		return hab_refuse(ctx, "facility (appoint)", ids[0]);
	const char *today = ctx_today(ctx);
	enum db_status st = db_begin(ctx->db);
	if (st != DB_OK)
		return db_http_status(st);
	uint64_t gid = 0;
	st = db_exec(ctx->db, SQL_GRANT_INSERT,
		     DB_ARGS(DB_INT(account), DB_INT(c.partner_id), DB_TEXT("habilitation_manager"),
			     DB_INT(c.account_id), c.grant_id ? DB_INT(c.grant_id) : DB_NULL,
			     DB_TEXT(today), DB_INT((long long)portal_now())),
		     NULL, &gid);
	char *list = arena_strdup(ctx->arena, "");
	for (size_t i = 0; st == DB_OK && i < n; i++) {
		st = db_exec(ctx->db, SQL_GRANT_FACILITY_INSERT,
			     DB_ARGS(DB_INT((long long)gid), DB_INT(ids[i])), NULL, NULL);
		if (st == DB_CONSTRAINT)
			st = DB_OK; /* the same facility ticked twice */
		list = arena_printf(ctx->arena, "%s%s%lld", list, i ? "," : "", ids[i]);
	}
	if (st == DB_OK && hab_audit(ctx, "admin_grant.appointed", "admin_grant", (long long)gid,
				     arena_printf(ctx->arena,
						  "after: account=%lld kind=habilitation_manager "
						  "facilities=%s parent=%lld",
						  account, list, c.grant_id)))
		st = DB_ERROR;
	return hab_commit_redirect(ctx, st,
				   arena_printf(ctx->arena, "%s %s est responsable habilitations.",
						a.first_name, a.last_name),
				   "/habilitations/responsables");
}

/* Closes grant id and those appointed under it, recursively. */
static enum db_status end_grant_tree(struct portal_ctx *ctx, long long id, const char *today,
				     int depth)
{
	if (depth > 32)
		return DB_OK;
	enum db_status st = db_exec(ctx->db, SQL_GRANT_END,
				    DB_ARGS(DB_TEXT(today), DB_INT(ctx_account_id(ctx)), DB_INT(id),
					    DB_TEXT(today)),
				    NULL, NULL);
	if (st != DB_OK)
		return st;
	struct db_result r;
	st = db_query(ctx->db, ctx->arena, SQL_GRANT_CHILDREN, DB_ARGS(DB_INT(id)), &r);
	for (size_t i = 0; st == DB_OK && i < r.rows; i++)
		st = end_grant_tree(ctx, db_cell_int(&r, i, 0), today, depth + 1);
	return st;
}

int hab_manager_end_post(struct portal_ctx *ctx)
{
	struct hab_caller c;
	int rc = hab_caller_load(ctx, &c);
	if (rc)
		return rc;
	long long id = ctx_param_id(ctx, "id");
	struct db_result r;
	if ((rc = hab_row_by_id(ctx, SQL_GRANT, "admin_grant", id, &r)))
		return rc;
	if (db_cell_int(&r, 0, 2) != c.partner_id ||
	    strcmp(db_cell(&r, 0, 3), "habilitation_manager") != 0 ||
	    db_cell_int(&r, 0, 1) == c.account_id)
		return hab_refuse(ctx, "admin_grant", id);
	int mine = c.g.kind == HGRANTOR_PARTNER_ADMIN;
	if (!mine && c.g.kind == HGRANTOR_MANAGER &&
	    (rc = descends_from(ctx, db_cell_int(&r, 0, 4), c.grant_id, &mine)))
		return rc;
	if (!mine)
		return hab_refuse(ctx, "admin_grant", id);
	const char *today = ctx_today(ctx);
	enum db_status st = db_begin(ctx->db);
	if (st != DB_OK)
		return db_http_status(st);
	st = end_grant_tree(ctx, id, today, 0);
	if (st == DB_OK && hab_audit(ctx, "admin_grant.ended", "admin_grant", id,
				     arena_printf(ctx->arena, "account=%s after: closed_on=%s",
						  db_cell(&r, 0, 1), today)))
		st = DB_ERROR;
	return hab_commit_redirect(ctx, st,
				   "La délégation de ce responsable habilitations a pris fin.",
				   "/habilitations/responsables");
}
