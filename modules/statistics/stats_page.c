/* GET /statistiques/equipement/{id}?exercice=N&onglet=activite|financier:
 * the facility's statistics table for a year, one tab at a time (two URLs,
 * so the tabs work without JavaScript), each indicator with the facility's
 * value and the department's and nation's mean and median, the data of the
 * bar charts the XSLT draws in SVG, and the definitions for the help. When
 * fiche 12's rule says the table does not exist, the reasons in French. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "clock.h"
#include "fragment.h"
#include "module.h"
#include "page.h"
#include "stats.h"

static const char *state_label(const char *state)
{
	if (!state)
		return NULL;
	if (strcmp(state, "to_enter") == 0)
		return "à saisir";
	if (strcmp(state, "in_progress") == 0)
		return "en cours de saisie";
	if (strcmp(state, "transmitted") == 0)
		return "transmise à la Caf, en attente de validation";
	if (strcmp(state, "rejected") == 0)
		return "rejetée par la Caf";
	return NULL;
}

static void px_missing(struct portal_ctx *ctx, xmlNodePtr parent, const struct stats_table *t)
{
	if (t->missing & SMISS_NO_ACTUAL) {
		const char *st = state_label(t->actual_state);
		const char *msg =
			st ? arena_printf(ctx->arena,
					  "L'équipement n'a pas de déclaration réelle validée par la Caf "
					  "pour l'exercice %d : sa déclaration réelle est %s. Seules les "
					  "déclarations transmises et validées par la Caf apparaissent dans "
					  "les statistiques.",
					  t->year, st)
			   : arena_printf(ctx->arena,
					  "L'équipement n'a pas de déclaration réelle validée par la Caf "
					  "pour l'exercice %d. Seules les déclarations transmises et "
					  "validées par la Caf apparaissent dans les statistiques.",
					  t->year);
		xmlNodePtr m = px_text(parent, "missing", msg);
		px_attr(m, "reason", "no-actual");
		if (t->actual_state)
			px_attr(m, "state", t->actual_state);
	}
	if (t->missing & SMISS_NO_AVERAGE) {
		const char *msg =
			t->published
				? arena_printf(ctx->arena,
					       "Ni la moyenne nationale ni la moyenne départementale de "
					       "l'exercice %d ne sont disponibles pour ce type d'équipement : "
					       "elles portent sur trop peu d'équipements (au moins %d sont "
					       "nécessaires).",
					       t->year, STATS_MIN_FACILITIES)
				: arena_printf(ctx->arena,
					       "Les moyennes nationales et départementales de l'exercice %d "
					       "ne sont pas encore publiées dans le portail. Elles le sont "
					       "après le traitement de tous les équipements de la branche "
					       "Famille, en principe en mars de l'année N+2 (mars %d pour "
					       "l'exercice %d).",
					       t->year, t->year + 2, t->year);
		px_attr(px_text(parent, "missing", msg), "reason", "no-average");
	}
}

static void px_display(xmlNodePtr n, const char *name, int64_t v,
		       const struct stats_indicator *ind)
{
	char buf[160];
	stats_format_display(v, ind->decimals, ind->unit, buf, sizeof buf);
	px_attr(n, name, buf);
}

/* A bar of the chart: its width, and the x where its words start (one
 * attribute the stylesheet copies, no arithmetic of its own). */
static void px_bar(xmlNodePtr n, int bar)
{
	px_attr_int(n, "bar", bar);
	px_attr_int(n, "text-x", STATS_BAR_X + bar + STATS_BAR_TEXT_GAP);
}

/* A published figure; bar: its bar's width in the chart, chart-text the
 * words beside the bar and in the chart's description and table. */
static void px_ref(xmlNodePtr parent, const char *name,
		   const struct stats_ref *r, const struct stats_indicator *ind, int bar)
{
	xmlNodePtr n = px_el(parent, name);
	static const char *const STATUS[] = {"none", "secret", "ok"};
	px_attr(n, "status", STATUS[r->status]);
	px_attr_int(n, "count", r->count);
	px_bar(n, bar);
	if (r->status == SREF_OK) {
		px_display(n, "mean-display", r->mean, ind);
		px_display(n, "median-display", r->median, ind);
		px_display(n, "chart-text", r->mean, ind);
	} else {
		px_attr(n, "chart-text",
			r->status == SREF_SECRET ? "secret statistique" : "non publiée");
	}
}

static void px_rows(xmlNodePtr parent, const struct stats_table *t,
		    enum stats_tab tab)
{
	for (size_t i = 0; i < t->nrows; i++) {
		const struct stats_row *row = &t->rows[i];
		if (row->ind->tab != tab)
			continue;
		xmlNodePtr n = px_el(parent, "indicator");
		px_attr(n, "code", row->ind->code);
		px_attr(n, "label", row->ind->label);
		px_attr(n, "unit", stats_unit_suffix(row->ind->unit));
		px_text(n, "definition", row->ind->definition);
		/* the chart's bars and words, computed here rather than by
		 * the stylesheet (its arithmetic and its result tree
		 * fragments were most of its time) */
		const int64_t v[3] = {row->facility.v, row->department.mean, row->national.mean};
		const int shown[3] = {row->facility.ok, row->department.status == SREF_OK,
				      row->national.status == SREF_OK};
		int bar[3];
		stats_chart_bars(v, shown, bar);
		xmlNodePtr fv = px_el(n, "facility");
		px_attr(fv, "computable", row->facility.ok ? "1" : "0");
		px_bar(fv, bar[0]);
		if (row->facility.ok)
			px_display(fv, "display", row->facility.v, row->ind);
		else
			px_attr(fv, "display", "non calculable");
		px_ref(n, "department", &row->department, row->ind, bar[1]);
		px_ref(n, "national", &row->national, row->ind, bar[2]);
	}
}

/* What the kept part of the page (tabs, table, charts, help: the same for
 * whoever may see the facility) shows, as its key: the declaration whose
 * values it shows (it names the facility and the year; a validated
 * declaration never changes, a correction is another declaration), the
 * tab, the year's publication revision, and the facility's kind (the
 * indicators) and department (the averages). NULL when the year lacks a
 * validated actual declaration or a publication: such a page has no table
 * to keep. */
static const char *kept_key(struct portal_ctx *ctx, const struct stats_facility *f, int year,
			    enum stats_tab tab, time_t *published_at)
{
	long long decl, pub[2];
	if (stats_year_fields(f->actual_years, year, &decl, 1) != 1 ||
	    stats_year_fields(f->published_years, year, pub, 2) != 2)
		return NULL;
	*published_at = (time_t)pub[1];
	return arena_printf(ctx->arena, "statistics/equipement:%lld:%d:%lld:%s:%s", decl, (int)tab,
			    pub[0], f->kind_sql, f->department ? f->department : "");
}

/* Builds the page for a facility the caller may see. */
static int render(struct portal_ctx *ctx, const struct stats_facility *f, int year,
		  enum stats_tab tab, const int *years, size_t nyears)
{
	xmlNodePtr root = page_new(ctx, "statistics/equipement");
	struct stats_table t;
	time_t published_at = 0;
	const char *key = kept_key(ctx, f, year, tab, &published_at);
	if (key && page_fragment(ctx, root, key)) {
		/* kept: only a table that exists is kept */
		memset(&t, 0, sizeof t);
		t.year = year;
		t.published = 1;
		t.published_at = published_at;
	} else {
		int rc = stats_load_table(ctx, f, year, &t);
		if (rc)
			return rc;
	}
	xmlNodePtr fx = px_el(root, "facility");
	px_attr_int(fx, "id", f->id);
	px_attr(fx, "code", f->code);
	px_attr(fx, "name", f->name);
	px_attr(fx, "kind", f->kind_sql);
	px_attr(fx, "kind-label", stats_kind_label(f->kind));
	px_attr(fx, "postal-code", f->postal_code);
	px_attr(fx, "city", f->city);
	px_attr(fx, "department", f->department);
	px_attr(fx, "partner", f->partner_name);

	xmlNodePtr ys = px_el(root, "years");
	int listed = 0;
	for (size_t i = 0; i < nyears; i++)
		listed |= years[i] == year;
	if (!listed)	/* a year asked for by URL stays selectable */
		px_attr_int(px_el(ys, "year"), "value", year);
	for (size_t i = 0; i < nyears; i++) {
		xmlNodePtr y = px_el(ys, "year");
		px_attr_int(y, "value", years[i]);
		px_attr_int(y, "label", years[i]);
	}
	xmlNodePtr s = px_el(root, "statistics");
	px_attr_int(s, "year", year);
	px_attr(s, "tab", tab == ST_ACTIVITY ? "activite" : "financier");
	px_attr(s, "available", t.missing ? "0" : "1");
	px_attr_int(s, "min-facilities", STATS_MIN_FACILITIES);
	if (t.published) {
		char d[32];
		clock_format_date(t.published_at, d, sizeof d);
		px_attr(s, "published-on", d);
	}
	if (t.missing)
		px_missing(ctx, s, &t);
	else if (!ctx->fragment_kept)
		px_rows(s, &t, tab);
	/* keep the year in the form */
	xmlNodePtr vals = px_el(root, "values");
	px_attr(px_textf(vals, "value", "%d", year), "name", "exercice");
	return 0;
}

int stats_facility_page(struct portal_ctx *ctx)
{
	struct stats_facility f;
	int rc = stats_load_facility(ctx, ctx_param_id(ctx, "id"), &f);
	if (rc)
		return rc;
	int *years;
	size_t nyears;
	int def;
	rc = stats_facility_years(ctx, &f, &years, &nyears, &def);
	if (rc)
		return rc;
	int year = stats_parse_year(ctx_query(ctx, "exercice"));
	if (!year)
		year = def ? def : atoi(ctx_today(ctx)) - 1;
	const char *tab = ctx_query(ctx, "onglet");
	enum stats_tab t = tab && strcmp(tab, "financier") == 0 ? ST_FINANCIAL : ST_ACTIVITY;
	return render(ctx, &f, year, t, years, nyears);
}
