/* GET /statistiques/equipement/{id}/export.csv?exercice=N: the statistics
 * table (both tabs) as CSV for French spreadsheets: UTF-8 with a BOM, ';'
 * separator, decimal commas without thousands separators, CRLF lines. When
 * the table does not exist for the year, back to the page that says why. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "module.h"
#include "response.h"
#include "stats.h"

/* A field, preceded by ';' unless it starts the line. */
static void field(struct arena_buf *o, int first, const char *s, int text)
{
	if (!first)
		arena_buf_put(o, ";", 1);
	char small[512];
	size_t n = stats_csv_escape(s, text, small, sizeof small);
	if (n < sizeof small) {
		arena_buf_put(o, small, n);
		return;
	}
	char *big = arena_alloc(o->arena, n + 1);
	stats_csv_escape(s, text, big, n + 1);
	arena_buf_put(o, big, n);
}

static void number(struct arena_buf *o, int ok, int64_t v, int decimals, const char *otherwise)
{
	char buf[64];
	if (ok)
		stats_format_plain(v, decimals, buf, sizeof buf);
	field(o, 0, ok ? buf : otherwise, 0);
}

static const char *unit_name(enum stats_unit u)
{
	switch (u) {
	case SU_PERCENT: return "%";
	case SU_EUROS: return "€";
	case SU_HOURS: return "heures";
	case SU_ETP: return "ETP";
	case SU_MONTHS: return "mois";
	case SU_COUNT: break;
	}
	return "nombre";
}

static void ref(struct arena_buf *o, const struct stats_ref *r, int decimals)
{
	const char *none = r->status == SREF_SECRET ? "secret statistique" : "non publiée";
	number(o, r->status == SREF_OK, r->mean, decimals, none);
	number(o, r->status == SREF_OK, r->median, decimals, none);
	char c[24];
	snprintf(c, sizeof c, "%lld", r->count);
	field(o, 0, r->status == SREF_NONE ? "" : c, 0);
}

/* The facility code in a file name: letters, digits, '-' and '_' only. */
static const char *file_safe(struct portal_ctx *ctx, const char *s)
{
	char *p = arena_strdup(ctx->arena, s ? s : "");
	for (char *c = p; *c; c++)
		if (!((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') ||
		      *c == '-' || *c == '_'))
			*c = '_';
	return p;
}

int stats_export_csv(struct portal_ctx *ctx)
{
	struct stats_facility f;
	int rc = stats_load_facility(ctx, ctx_param_id(ctx, "id"), &f);
	if (rc)
		return rc;
	int year = stats_parse_year(ctx_query(ctx, "exercice"));
	if (!year)
		return 404;
	struct stats_table t;
	rc = stats_load_table(ctx, &f, year, &t);
	if (rc)
		return rc;
	if (t.missing)
		return ctx_redirect(ctx, arena_printf(ctx->arena, "/statistiques/equipement/%lld?exercice=%d",
						      f.id, year));

	struct arena_buf o = {.arena = ctx->arena};
	arena_buf_reserve(&o, 8192);
	arena_buf_put(&o, "\xef\xbb\xbf", 3);
	static const char *const HEAD[] = {
		"Code de l'équipement", "Nom de l'équipement", "Exercice", "Onglet", "Indicateur",
		"Unité", "Valeur de l'équipement", "Moyenne départementale", "Médiane départementale",
		"Équipements (département)", "Moyenne nationale", "Médiane nationale",
		"Équipements (national)"};
	for (size_t i = 0; i < sizeof HEAD / sizeof HEAD[0]; i++)
		field(&o, i == 0, HEAD[i], 1);
	arena_buf_put(&o, "\r\n", 2);
	char ybuf[8];
	snprintf(ybuf, sizeof ybuf, "%d", year);
	for (size_t i = 0; i < t.nrows; i++) {
		const struct stats_row *r = &t.rows[i];
		field(&o, 1, f.code, 1);
		field(&o, 0, f.name, 1);
		field(&o, 0, ybuf, 0);
		field(&o, 0, r->ind->tab == ST_ACTIVITY ? "Activité" : "Financier", 1);
		field(&o, 0, r->ind->label, 1);
		field(&o, 0, unit_name(r->ind->unit), 1);
		number(&o, r->facility.ok, r->facility.v, r->ind->decimals, "non calculable");
		ref(&o, &r->department, r->ind->decimals);
		ref(&o, &r->national, r->ind->decimals);
		arena_buf_put(&o, "\r\n", 2);
	}
	response_body(ctx->res, "text/csv; charset=utf-8", o.p, o.len);
	response_header(ctx->arena, ctx->res, "Content-Disposition",
			arena_printf(ctx->arena, "attachment; filename=\"statistiques-%s-%d.csv\"",
				     file_safe(ctx, f.code), year));
	ctx->res->no_store = 1;
	return 0;
}
