/* /statistiques/publier — a Caf administrator publishes (or publishes
 * again) a fiscal year's departmental and national averages: the same
 * computation as `portal-admin stats publish --year N` (stats_publish.c).
 * The page lists the years that have validated actual declarations and
 * when each was last published. */
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "clock.h"
#include "db.h"
#include "log.h"
#include "module.h"
#include "page.h"
#include "stats.h"
#include "stats_publish.h"
#include "stats_sql.h"

int stats_publish_get(struct portal_ctx *ctx)
{
	int *a;
	size_t na;
	struct db_result p;
	int rc = stats_actual_years(ctx, &a, &na);
	if (rc)
		return rc;
	enum db_status st = db_query(ctx->db, ctx->arena, SQL_STATS_PUBLICATIONS, DB_NOARGS, &p);
	if (st != DB_OK)
		return db_http_status(st);
	xmlNodePtr root = page_new(ctx, "statistics/publier");
	xmlNodePtr ys = px_el(root, "years");
	/* every year with validated actuals, then published years that lost them */
	for (size_t k = 0; k < na + p.rows; k++) {
		long long y = k < na ? a[k] : db_cell_int(&p, k - na, 0);
		int seen = 0;
		for (size_t j = 0; k >= na && j < na; j++)
			seen |= a[j] == y;
		if (seen)
			continue;
		xmlNodePtr n = px_el(ys, "year");
		px_attr_int(n, "value", y);
		for (size_t j = 0; j < p.rows; j++) {
			if (db_cell_int(&p, j, 0) != y)
				continue;
			char d[32];
			clock_format_datetime((time_t)db_cell_int(&p, j, 1), d, sizeof d);
			px_attr(n, "published-on", d);
			px_attr(n, "declarations", db_cell(&p, j, 2));
		}
	}
	return 0;
}

int stats_publish_post(struct portal_ctx *ctx)
{
	int year = stats_parse_year(ctx_form(ctx, "exercice"));
	if (!year) {
		ctx_flash(ctx, "error", "Choisissez un exercice valide.");
		return ctx_redirect(ctx, "/statistiques/publier");
	}
	struct stats_publish_report rep;
	int st = stats_publish_by(ctx->db, year, portal_now(), ctx_account_id(ctx), &rep);
	if (st != DB_OK) {
		log_error("stats publish %d failed: %s", year, db_last_error(ctx->db));
		return db_http_status((enum db_status)st);
	}
	ctx_flash(ctx, "success",
		  arena_printf(ctx->arena,
			       "Les moyennes de l'exercice %d sont publiées : %zu déclarations réelles "
			       "validées, %zu moyennes publiées.",
			       year, rep.declarations, rep.published));
	return ctx_redirect(ctx, "/statistiques/publier");
}
