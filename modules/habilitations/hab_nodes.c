/* XML pieces that several habilitations pages show: a convention and a
 * partner's open users. */
#include "arena.h"
#include "db.h"
#include "hab.h"
#include "hab_sql.h"
#include "module.h"
#include "page.h"

xmlNodePtr hab_convention_node(xmlNodePtr root, const struct hab_convention *cv)
{
	xmlNodePtr n = px_el(root, "convention");
	px_attr_int(n, "id", cv->id);
	px_attr(n, "label", cv->label);
	px_attr(n, "partner", cv->partner_name);
	return n;
}

int hab_open_users_node(struct portal_ctx *ctx, xmlNodePtr root, long long partner)
{
	struct db_result r;
	enum db_status st = db_query(ctx->db, ctx->arena, SQL_OPEN_USERS_OF_PARTNER,
				     DB_ARGS(DB_INT(partner), DB_TEXT(ctx_today(ctx))), &r);
	if (st != DB_OK)
		return db_http_status(st);
	xmlNodePtr ul = px_el(root, "users");
	for (size_t i = 0; i < r.rows; i++) {
		xmlNodePtr u = px_text(ul, "user", arena_printf(ctx->arena, "%s %s", db_cell(&r, i, 1),
								db_cell(&r, i, 2)));
		px_attr(u, "id", db_cell(&r, i, 0));
	}
	return 0;
}
