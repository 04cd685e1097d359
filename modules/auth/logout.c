/* Logout asks first (GET), then destroys the session row (POST): the old
 * cookie is dead at once, on every worker of every host. */
#include "audit.h"
#include "auth.h"
#include "db.h"
#include "module.h"
#include "page.h"
#include "session.h"

int auth_logout_form(struct portal_ctx *ctx)
{
	page_new(ctx, "auth/deconnexion");
	return 0;
}

int auth_logout_post(struct portal_ctx *ctx)
{
	long long id = ctx_account_id(ctx);
	enum db_status st = db_begin(ctx->db);
	if (st == DB_OK)
		st = (enum db_status)audit_event(ctx, "auth.logout", "account", id, NULL);
	if (st == DB_OK) {
		int rc = session_destroy(ctx);
		st = rc ? DB_ERROR : DB_OK;
	}
	if (st == DB_OK)
		st = db_commit(ctx->db);
	if (st != DB_OK)
		return auth_db_fail(ctx, "logout", st);
	/* No session is left to carry a flash: the login page reads the query. */
	return ctx_redirect(ctx, "/auth/connexion?deconnecte=1");
}

int auth_legal(struct portal_ctx *ctx)
{
	page_new(ctx, "auth/mentions-legales");
	return 0;
}
