/* The journal: one INSERT in the caller's transaction. */
#include "audit.h"

#include "clock.h"
#include "db.h"
#include "module.h"
#include "request.h"
#include "session.h"

static const char SQL_AUDIT[] =
	"INSERT INTO audit_event (at, actor_id, ip, request_id, action, target_type, target_id,"
	" detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

static int insert(struct db *db, long long actor_id, const char *ip, const char *request_id,
		  const char *action, const char *target_type, long long target_id,
		  const char *detail)
{
	return (int)db_exec(db, SQL_AUDIT,
			    DB_ARGS(DB_INT(portal_now()), actor_id ? DB_INT(actor_id) : DB_NULL,
				    DB_TEXT(ip), DB_TEXT(request_id), DB_TEXT(action),
				    DB_TEXT(target_type), target_id ? DB_INT(target_id) : DB_NULL,
				    DB_TEXT(detail)),
			    NULL, NULL);
}

int audit_event(struct portal_ctx *ctx, const char *action, const char *target_type,
		long long target_id, const char *detail)
{
	return insert(ctx->db, ctx_account_id(ctx), ctx->req ? ctx->req->remote_addr : NULL,
		      ctx->req ? ctx->req->request_id : NULL, action, target_type, target_id,
		      detail);
}

int audit_event_db(struct db *db, long long actor_id, const char *ip, const char *action,
		   const char *target_type, long long target_id, const char *detail)
{
	return insert(db, actor_id, ip, NULL, action, target_type, target_id, detail);
}
