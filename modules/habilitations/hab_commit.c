/* How a handler's write ends: its transaction committed or rolled back,
 * then the message and the redirection, or the form again with its error. */
#include "db.h"
#include "hab.h"
#include "module.h"
#include "page.h"

int hab_commit(struct portal_ctx *ctx, enum db_status st)
{
	if (st != DB_OK) {
		db_rollback(ctx->db);
		return db_http_status(st);
	}
	return db_http_status(db_commit(ctx->db));
}

int hab_commit_redirect(struct portal_ctx *ctx, enum db_status st, const char *message,
			const char *url)
{
	int rc = hab_commit(ctx, st);
	if (rc)
		return rc;
	ctx_flash(ctx, "success", message);
	return ctx_redirect(ctx, url);
}

int hab_rollback_form(struct portal_ctx *ctx, xmlNodePtr root, const char *field,
		      const char *message)
{
	db_rollback(ctx->db);
	page_error(root, field, message);
	return 0;
}
