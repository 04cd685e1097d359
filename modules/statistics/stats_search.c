/* GET /statistiques/ — "Consulter les statistiques" (fiche 12): cumulative
 * criteria nom de l'équipement, commune, exercice; one row per facility the
 * caller may see, each with a button to its statistics. With a year, only
 * the facilities with a validated actual declaration that year, and whether
 * averages exist for them. */
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "db.h"
#include "module.h"
#include "page.h"
#include "request.h"
#include "session.h"
#include "stats.h"
#include "stats_sql.h"

#define SEARCH_LIMIT 200

/* "%text%" for LIKE, with the wildcards the user typed taken literally;
 * NULL for an empty criterion. */
static const char *like_pattern(struct portal_ctx *ctx, const char *s)
{
	while (s && *s == ' ')
		s++;
	if (!s || !*s)
		return NULL;
	size_t n = strlen(s);
	char *p = arena_alloc(ctx->arena, 2 * n + 3);
	size_t o = 0;
	p[o++] = '%';
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '%' || s[i] == '_' || s[i] == '\\')
			p[o++] = '\\';
		p[o++] = s[i];
	}
	p[o++] = '%';
	p[o] = '\0';
	return p;
}

/* The year list: years with validated actuals and published years. */
static int year_options(struct portal_ctx *ctx, xmlNodePtr root)
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
	xmlNodePtr ys = px_el(root, "years");
	/* both lists are newest first: merge them */
	size_t i = 0, j = 0;
	long long last = -1;
	while (i < na || j < p.rows) {
		long long ya = i < na ? a[i] : -1;
		long long yp = j < p.rows ? db_cell_int(&p, j, 0) : -1;
		long long y = ya > yp ? ya : yp;
		if (ya == y)
			i++;
		if (yp == y)
			j++;
		if (y != last) {
			xmlNodePtr n = px_el(ys, "year");
			px_attr_int(n, "value", y);
			px_attr_int(n, "label", y);
			last = y;
		}
	}
	return 0;
}

int stats_search(struct portal_ctx *ctx)
{
	const struct session *s = ctx->session;
	xmlNodePtr root = page_new(ctx, "statistics/recherche");
	page_form_values(root, &ctx->req->query);
	if (ctx_has_cap(ctx, CAP_CAF_ADMIN))
		px_el(root, "can-publish");
	int rc = year_options(ctx, root);
	if (rc)
		return rc;

	const char *ys = ctx_query(ctx, "exercice");
	int year = 0;
	if (ys && *ys) {
		year = stats_parse_year(ys);
		if (!year) {
			page_error(root, "exercice", "Choisissez un exercice dans la liste.");
			return 0;
		}
	}
	const char *name = like_pattern(ctx, ctx_query(ctx, "nom"));
	const char *city = like_pattern(ctx, ctx_query(ctx, "commune"));
	const char *today = ctx_today(ctx);
	struct db_param yp = year ? DB_INT(year) : DB_NULL;
	struct db_result r;
	enum db_status st;
	if (stats_is_caf_agent(ctx))
		st = db_query(ctx->db, ctx->arena, SQL_STATS_SEARCH_CAF,
			      DB_ARGS(yp, yp, yp, DB_INT(s->caf_id), DB_TEXT(name), DB_TEXT(name),
				      DB_TEXT(city), DB_TEXT(city), yp, yp),
			      &r);
	else
		st = db_query(ctx->db, ctx->arena, SQL_STATS_SEARCH_PARTNER,
			      DB_ARGS(yp, yp, yp, DB_INT(s->account_id), DB_TEXT(today), DB_TEXT(today),
				      DB_TEXT(name), DB_TEXT(name), DB_TEXT(city), DB_TEXT(city), yp, yp),
			      &r);
	if (st != DB_OK)
		return db_http_status(st);

	xmlNodePtr res = px_el(root, "results");
	size_t n = r.rows > SEARCH_LIMIT ? SEARCH_LIMIT : r.rows;
	px_attr_int(res, "count", (long long)n);
	if (r.rows > SEARCH_LIMIT)
		px_attr(res, "more", "1");
	if (year)
		px_attr_int(res, "year", year);
	for (size_t i = 0; i < n; i++) {
		xmlNodePtr f = px_el(res, "facility");
		px_attr(f, "id", db_cell(&r, i, 0));
		px_attr(f, "name", db_cell(&r, i, 1));
		px_attr(f, "kind", db_cell(&r, i, 2));
		px_attr(f, "postal-code", db_cell(&r, i, 3));
		px_attr(f, "city", db_cell(&r, i, 4));
		px_attr(f, "department", db_cell(&r, i, 5));
		px_attr(f, "partner", db_cell(&r, i, 6));
		if (year)
			px_attr(f, "averages", db_cell_int(&r, i, 7) ? "1" : "0");
	}
	return 0;
}
