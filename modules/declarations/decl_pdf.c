/* The PDF summary of a declaration (fiche 5): what it says, in French and
 * formatted, described here; the drawing (cairo and pango, so accents are
 * right) is done by the plugin declarations-pdf.so, loaded by the first PDF
 * a worker serves (pdf/pdf_plugin.h). "Saisie en cours" in watermark on
 * every page until the declaration is transmitted. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "clock.h"
#include "decl.h"
#include "log.h"
#include "module.h"
#include "pdf/pdf_plugin.h"
#include "plugin.h"
#include "response.h"

/* Per worker process: the plugin is loaded once, by the first PDF. */
static struct portal_plugin pdf_plugin = PORTAL_PLUGIN(DECL_PDF_FILE, DECL_PDF_SYMBOL, DECL_PDF_ABI);

#define TITLE "Synthèse de la déclaration de données"
#define PAIR_LABEL_FONT "DejaVu Sans 9"
#define PAIR_VALUE_FONT "DejaVu Sans Bold 9"

/* The document's lines, in the arena: at most `cap`, known in advance. */
struct lines {
	struct decl_pdf_item *v;
	size_t n, cap;
};

static void add(struct lines *l, struct decl_pdf_item it)
{
	if (l->n < l->cap) /* cap counts every line decl_pdf can add */
		l->v[l->n++] = it;
}

static void line(struct lines *l, const char *font, const char *text)
{
	add(l, (struct decl_pdf_item){.kind = DECL_PDF_LINE, .font = font, .text = text});
}

static void pair(struct lines *l, const char *label, const char *value)
{
	add(l, (struct decl_pdf_item){.kind = DECL_PDF_PAIR, .font = PAIR_LABEL_FONT, .text = label,
				      .value_font = PAIR_VALUE_FONT, .value = value ? value : "—"});
}

static void gap(struct lines *l, double points)
{
	add(l, (struct decl_pdf_item){.kind = DECL_PDF_GAP, .space = points});
}

int decl_pdf(struct portal_ctx *ctx)
{
	struct decl_view v;
	int rc = decl_load(ctx, ctx_param_id(ctx, "id"), 0, &v);
	if (rc)
		return rc;
	/* available once activity data are entered */
	int any_activity = 0;
	struct decl_vals vals = decl_view_vals(&v);
	for (size_t i = 0; i < v.nfields && !any_activity; i++) {
		int64_t x;
		any_activity = strcmp(v.fields[i].section, "activity") == 0 &&
			       decl_vals_get(&vals, v.fields[i].code, &x);
	}
	if (!any_activity)
		return 404;
	struct decl_estimate est;
	if ((rc = decl_compute_estimate(ctx, &v, &est)) != 0)
		return rc;

	/* every line below: 8 of the header, 2 per section title, at most 3 per
	 * field (gap, heading, pair), 4 for the estimate, 3 for the comment, 2
	 * for the closing note */
	struct lines l = {.cap = 24 + 3 * v.nfields};
	l.v = arena_alloc(ctx->arena, l.cap * sizeof *l.v);

	line(&l, "DejaVu Sans Bold 15", TITLE);
	line(&l, "DejaVu Sans 10", "Portail Caf partenaires");
	gap(&l, 8);
	line(&l, "DejaVu Sans Bold 11", v.f.name);
	line(&l, "DejaVu Sans 9",
	     arena_printf(ctx->arena, "%s %s %s — gestionnaire : %s", v.f.address ? v.f.address : "",
			  v.f.postal_code ? v.f.postal_code : "", v.f.city ? v.f.city : "",
			  v.f.partner_name));
	char *type = arena_strdup(ctx->arena, decl_type_label(v.d.type));
	type[0] = (char)tolower((unsigned char)type[0]); /* P, A, R: ASCII */
	line(&l, "DejaVu Sans 10",
	     arena_printf(ctx->arena, "Déclaration %s — exercice %d — version %d", type,
			  v.d.fiscal_year, v.d.version));
	line(&l, "DejaVu Sans Bold 10",
	     arena_printf(ctx->arena, "État : %s", decl_state_label(v.d.state)));
	if (v.d.transmitted_at) {
		char b[32];
		clock_format_datetime((time_t)v.d.transmitted_at, b, sizeof(b));
		line(&l, "DejaVu Sans 9", arena_printf(ctx->arena, "Transmise le %s — empreinte SHA-256 : %s",
							     b, v.d.digest ? v.d.digest : ""));
	}
	static const char *const sections[] = {"activity", "financial"};
	static const char *const titles[] = {"Données d'activité", "Données financières"};
	for (int s = 0; s < 2; s++) {
		if (s == 1 && !v.has_financial)
			continue;
		gap(&l, 10);
		line(&l, "DejaVu Sans Bold 12", titles[s]);
		const char *heading = NULL;
		for (size_t i = 0; i < v.nfields; i++) {
			const struct decl_field *f = &v.fields[i];
			if (strcmp(f->section, sections[s]) != 0)
				continue;
			if (f->heading && (!heading || strcmp(heading, f->heading) != 0)) {
				heading = f->heading;
				gap(&l, 4);
				line(&l, "DejaVu Sans Bold Oblique 9", heading);
			}
			const char *value = NULL;
			int64_t x;
			if (f->unit == DUNIT_TEXT) {
				value = decl_view_text(&v, f->code);
			} else if (decl_vals_get(&vals, f->code, &x)) {
				const char *sfx = decl_unit_suffix(f->unit);
				value = arena_printf(ctx->arena, "%s%s%s", decl_format_value(ctx, f, x),
						     *sfx ? " " : "", sfx);
			}
			pair(&l, f->label, value);
		}
	}
	gap(&l, 10);
	line(&l, "DejaVu Sans Bold 12", "Estimation du droit");
	if (est.status == ESTIMATE_OK)
		pair(&l, "Prestation de service estimée",
		     arena_printf(ctx->arena, "%s €", decl_money(ctx, est.amount_cents)));
	else
		pair(&l, "Prestation de service estimée", "non calculable avec les données saisies");
	if (v.d.has_final)
		pair(&l, "Montant retenu par la Caf",
		     arena_printf(ctx->arena, "%s €", decl_money(ctx, v.d.final_cents)));
	if (v.d.comment) {
		gap(&l, 6);
		line(&l, "DejaVu Sans Bold 9", "Commentaire");
		line(&l, "DejaVu Sans 9", v.d.comment);
	}
	gap(&l, 10);
	line(&l, "DejaVu Sans Oblique 8",
	     "L'estimation est indicative : le montant définitif est fixé par la Caf après "
	     "instruction de la déclaration.");

	const struct decl_pdf_plugin *plugin = plugin_get(&pdf_plugin);
	if (!plugin)
		return 503; /* logged by plugin_get */
	struct decl_pdf_doc doc = {
		.title = TITLE,
		.watermark = v.d.state < DSTATE_TRANSMITTED ? "Saisie en cours" : NULL,
		.items = l.v,
		.nitems = l.n,
	};
	unsigned char *pdf = NULL;
	size_t len = 0;
	const char *error = "?";
	if (plugin->render(&doc, &pdf, &len, &error) != 0) {
		log_error("declarations: PDF of %lld failed: %s", v.d.id, error);
		return 500;
	}
	char *body = arena_memdup(ctx->arena, pdf, len);
	free(pdf);
	response_body(ctx->res, "application/pdf", body, len);
	response_header(ctx->arena, ctx->res, "Content-Disposition",
			arena_printf(ctx->arena, "inline; filename=\"declaration-%lld.pdf\"", v.d.id));
	return 0;
}
