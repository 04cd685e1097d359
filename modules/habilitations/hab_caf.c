/* The Caf's habilitation manager: approver grants waiting for validation
 * (only an agent of the facility's Caf validates or refuses), and the
 * supervision of every partner's habilitations with facilities lacking a
 * role. */
#include <string.h>

#include "arena.h"
#include "clock.h"
#include "db.h"
#include "hab.h"
#include "hab_sql.h"
#include "module.h"
#include "page.h"
#include "request.h"

int hab_validations(struct portal_ctx *ctx)
{
	struct hab_caller c;
	int rc = hab_caller_load(ctx, &c);
	if (rc)
		return rc;
	if (!c.caf_hab_manager)
		return 403;
	xmlNodePtr root = hab_page(ctx, "habilitations/validations", &c);
	struct db_result r;
	enum db_status st = db_query(ctx->db, ctx->arena, SQL_PENDING_APPROVERS,
				     DB_ARGS(DB_INT(c.caf_id)), &r);
	if (st != DB_OK)
		return db_http_status(st);
	xmlNodePtr l = px_el(root, "pending");
	for (size_t i = 0; i < r.rows; i++) {
		xmlNodePtr h = px_el(l, "habilitation");
		static const char *const COLS[] = {"id",	 "facility-id", "facility", "facility-code",
						   "partner",	 "last-name",	"first-name", "login",
						   "starts-on", "email"};
		for (size_t k = 0; k < sizeof(COLS) / sizeof(COLS[0]); k++)
			px_attr(h, COLS[k], db_cell(&r, i, k) ? db_cell(&r, i, k) : "");
	}
	return 0;
}

static int decide(struct portal_ctx *ctx, int validate)
{
	struct hab_caller c;
	int rc = hab_caller_load(ctx, &c);
	if (rc)
		return rc;
	long long id = ctx_param_id(ctx, "id");
	if (!c.caf_hab_manager)
		return hab_refuse(ctx, "habilitation (validation)", id);
	struct db_result r;
	if ((rc = hab_row_by_id(ctx, SQL_HABILITATION, "habilitation", id, &r)))
		return rc;
	struct hab_facility f;
	if ((rc = hab_facility_in_scope(ctx, &c, db_cell_int(&r, 0, 2), &f)))
		return rc; /* an agent of another Caf: 404 */
	const char *reason = hab_trimmed(ctx, "motif");
	if (strlen(reason) > 500)
		reason = arena_strndup(ctx->arena, reason, 500);
	enum db_status st = db_begin(ctx->db);
	if (st != DB_OK)
		return db_http_status(st);
	uint64_t n = 0;
	long long now = (long long)portal_now();
	if (validate)
		st = db_exec(ctx->db, SQL_APPROVER_VALIDATE,
			     DB_ARGS(DB_INT(c.account_id), DB_INT(now), DB_INT(id)), &n, NULL);
	else
		st = db_exec(ctx->db, SQL_APPROVER_REFUSE,
			     DB_ARGS(DB_INT(c.account_id), DB_INT(now), DB_TEXT(*reason ? reason : NULL),
				     DB_INT(id)),
			     &n, NULL);
	if (st == DB_OK && n &&
	    hab_audit(ctx, validate ? "habilitation.validated" : "habilitation.refused",
		      "habilitation", id,
		      arena_printf(ctx->arena,
				   "account=%s facility=%lld before: validation=pending; after: "
				   "validation=%s%s%s",
				   db_cell(&r, 0, 1), f.id, validate ? "validated" : "refused",
				   *reason ? " reason=" : "", reason)))
		st = DB_ERROR;
	if ((rc = hab_commit(ctx, st)))
		return rc;
	if (!n)
		ctx_flash(ctx, "info", "Cette habilitation a déjà été traitée.");
	else
		ctx_flash(ctx, "success",
			  arena_printf(ctx->arena,
				       validate ? "L'approbateur de l'équipement/service %s est validé."
						: "L'habilitation d'approbateur pour l'équipement/service "
						  "%s est refusée.",
				       f.name));
	return ctx_redirect(ctx, "/habilitations/validations");
}

int hab_validate_post(struct portal_ctx *ctx)
{
	return decide(ctx, 1);
}

int hab_refuse_post(struct portal_ctx *ctx)
{
	return decide(ctx, 0);
}

int hab_supervision(struct portal_ctx *ctx)
{
	struct hab_caller c;
	int rc = hab_caller_load(ctx, &c);
	if (rc)
		return rc;
	if (!c.caf_hab_manager && !c.caf_admin)
		return 403;
	xmlNodePtr root = hab_page(ctx, "habilitations/supervision", &c);
	int missing_only = strcmp(hab_trimmed(ctx, "manquants"), "1") == 0;
	px_attr(px_el(root, "filters"), "manquants", missing_only ? "1" : "0");
	const char *today = ctx_today(ctx);
	struct db_result r;
	enum db_status st = db_query(ctx->db, ctx->arena, SQL_SUPERVISION,
				     DB_ARGS(DB_TEXT(today), DB_TEXT(today), DB_INT(c.caf_id),
					     DB_TEXT(today)),
				     &r);
	if (st != DB_OK)
		return db_http_status(st);
	xmlNodePtr l = px_el(root, "facilities");
	size_t i = 0;
	while (i < r.rows) {
		long long fid = db_cell_int(&r, i, 0);
		size_t j = i;
		unsigned held = 0;
		for (; j < r.rows && db_cell_int(&r, j, 0) == fid; j++) {
			int role = hab_role_from_sql(db_cell(&r, j, 4));
			if (role >= 0)
				held |= 1u << role;
		}
		unsigned missing = hab_missing_roles(held);
		if (!missing_only || missing) {
			xmlNodePtr f = px_el(l, "facility");
			px_attr(f, "id", db_cell(&r, i, 0));
			px_attr(f, "name", db_cell(&r, i, 1));
			px_attr(f, "kind", db_cell(&r, i, 2));
			px_attr(f, "partner", db_cell(&r, i, 3));
			for (size_t k = i; k < j; k++) {
				if (!db_cell(&r, k, 4))
					continue;
				xmlNodePtr h = px_el(f, "holder");
				px_attr(h, "role", hab_role_label(hab_role_from_sql(db_cell(&r, k, 4))));
				px_attr(h, "validation", db_cell(&r, k, 5));
				px_attr(h, "name", arena_printf(ctx->arena, "%s %s", db_cell(&r, k, 6),
								db_cell(&r, k, 7)));
			}
			for (int k = 0; k < HROLE_CONSULTANT; k++)
				if (missing & (1u << k))
					px_text(f, "missing", hab_role_label(k));
		}
		i = j;
	}
	return 0;
}
