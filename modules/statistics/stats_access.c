/* Scoping on the server: a partner user reaches a facility only through an
 * active habilitation on it (any role, consultants included; an approver
 * once the Caf validated it); a Caf agent reaches his Caf's facilities.
 * Anything else is 404, so ids reveal nothing. */
#include <string.h>

#include "db.h"
#include "module.h"
#include "session.h"
#include "stats.h"
#include "stats_sql.h"

const char *stats_kind_label(enum stats_kind k)
{
	switch (k) {
	case SK_EAJE: return "Établissement d'accueil du jeune enfant (EAJE)";
	case SK_RAM: return "Relais petite enfance (RAM)";
	case SK_ALSH: return "Accueil de loisirs sans hébergement (ALSH)";
	case SK__MAX: break;
	}
	return "";
}

int stats_is_caf_agent(const struct portal_ctx *ctx)
{
	const struct session *s = ctx->session;
	return s && s->account_kind && strcmp(s->account_kind, "caf") == 0;
}

int stats_load_facility(struct portal_ctx *ctx, long long id, struct stats_facility *f)
{
	const struct session *s = ctx->session;
	if (!s || !s->account_id || id <= 0)
		return 404;
	int agent = stats_is_caf_agent(ctx);
	const char *today = ctx_today(ctx);
	struct db_result r;
	enum db_status st =
		agent ? db_query(ctx->db, ctx->arena, SQL_STATS_FACILITY_CAF,
				 DB_ARGS(DB_INT(session_confirm_id(ctx)), DB_INT(id),
					 DB_INT(s->caf_id)),
				 &r)
		      : db_query(ctx->db, ctx->arena, SQL_STATS_FACILITY_PARTNER,
				 DB_ARGS(DB_INT(session_confirm_id(ctx)), DB_INT(id),
					 DB_INT(s->account_id), DB_TEXT(today), DB_TEXT(today)),
				 &r);
	if (st != DB_OK)
		return db_http_status(st);
	int rc = session_confirm(ctx, &r, STATS_FACILITY_COL_SESSION);
	if (rc)
		return rc;
	if (r.rows != 1)	/* absent, or out of the caller's reach */
		return 404;
	memset(f, 0, sizeof(*f));
	f->id = db_cell_int(&r, 0, 0);
	f->code = db_cell(&r, 0, 1);
	f->kind_sql = db_cell(&r, 0, 2);
	f->name = db_cell(&r, 0, 3);
	f->postal_code = db_cell(&r, 0, 4);
	f->city = db_cell(&r, 0, 5);
	f->department = db_cell(&r, 0, 6);
	f->caf_id = db_cell_int(&r, 0, 7);
	f->partner_name = db_cell(&r, 0, 8);
	f->care_type = db_cell(&r, 0, 9);
	f->nature = db_cell(&r, 0, 10);
	f->actual_years = db_cell(&r, 0, 11);
	f->published_years = db_cell(&r, 0, 12);
	int k = stats_kind_from_sql(f->kind_sql);
	if (k < 0)
		return 404;
	f->kind = (enum stats_kind)k;
	/* the statement already required it; kept as a second lock */
	if (f->id != id || (agent && f->caf_id != s->caf_id))
		return 404;
	return 0;
}
