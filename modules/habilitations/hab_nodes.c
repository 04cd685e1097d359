/* XML pieces that several habilitations pages show: a convention and a
 * partner's (or a Caf's) open users. */
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

int hab_caf_users_node(struct portal_ctx *ctx, xmlNodePtr root, long long caf)
{
	struct db_result r;
	enum db_status st = db_query(ctx->db, ctx->arena, SQL_OPEN_USERS_OF_CAF,
				     DB_ARGS(DB_INT(caf), DB_TEXT(ctx_today(ctx))), &r);
	if (st != DB_OK)
		return db_http_status(st);
	xmlNodePtr ul = px_el(root, "users"), g = NULL;
	for (size_t i = 0; i < r.rows; i++) {
		if (!g || db_cell_int(&r, i, 3) != db_cell_int(&r, i - 1, 3)) {
			g = px_el(ul, "group");
			px_attr(g, "label", db_cell(&r, i, 4));
		}
		xmlNodePtr u = px_text(g, "user",
				       arena_printf(ctx->arena, "%s %s", db_cell(&r, i, 1),
						    db_cell(&r, i, 2)));
		px_attr(u, "id", db_cell(&r, i, 0));
	}
	return 0;
}
