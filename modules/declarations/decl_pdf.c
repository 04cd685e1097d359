/* The PDF summary of a declaration (fiche 5), drawn with cairo and pango
 * so French text and accents are right; "Saisie en cours" in watermark on
 * every page until the declaration is transmitted. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include "arena.h"
#include "clock.h"
#include "decl.h"
#include "log.h"
#include "module.h"
#include "response.h"

#define PAGE_W 595.28
#define PAGE_H 841.89
#define MARGIN 56.0

struct membuf {
	unsigned char *p;
	size_t len, cap;
	int failed;
};

static cairo_status_t write_cb(void *closure, const unsigned char *data, unsigned int length)
{
	struct membuf *b = closure;
	if (b->len + length > b->cap) {
		size_t cap = (b->cap + length) * 2;
		unsigned char *np = realloc(b->p, cap);
		if (!np) {
			b->failed = 1;
			return CAIRO_STATUS_WRITE_ERROR;
		}
		b->p = np;
		b->cap = cap;
	}
	memcpy(b->p + b->len, data, length);
	b->len += length;
	return CAIRO_STATUS_SUCCESS;
}

struct pen {
	cairo_t *cr;
	PangoLayout *layout;
	double y;
	int watermark;
	int page;
};

static void watermark(struct pen *p)
{
	if (!p->watermark)
		return;
	cairo_save(p->cr);
	cairo_translate(p->cr, PAGE_W / 2, PAGE_H / 2);
	cairo_rotate(p->cr, -0.9);
	PangoLayout *l = pango_cairo_create_layout(p->cr);
	PangoFontDescription *fd = pango_font_description_from_string("DejaVu Sans Bold 44");
	pango_layout_set_font_description(l, fd);
	pango_layout_set_text(l, "Saisie en cours", -1);
	int w, h;
	pango_layout_get_pixel_size(l, &w, &h);
	cairo_move_to(p->cr, -w / 2.0, -h / 2.0);
	cairo_set_source_rgba(p->cr, 0.8, 0.1, 0.1, 0.18);
	/* drawn as outlines, not as text: a text extractor (or a screen reader)
	 * would read the rotated letters in among the lines; the state is
	 * written in full in the header */
	pango_cairo_layout_path(p->cr, l);
	cairo_fill(p->cr);
	pango_font_description_free(fd);
	g_object_unref(l);
	cairo_restore(p->cr);
}

static void new_page_if_needed(struct pen *p, double need)
{
	if (p->y + need <= PAGE_H - MARGIN)
		return;
	cairo_show_page(p->cr);
	p->page++;
	p->y = MARGIN;
	watermark(p);
}

static void line(struct pen *p, const char *font, const char *text, double x, double width)
{
	PangoFontDescription *fd = pango_font_description_from_string(font);
	pango_layout_set_font_description(p->layout, fd);
	pango_layout_set_width(p->layout, (int)(width * PANGO_SCALE));
	pango_layout_set_wrap(p->layout, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_text(p->layout, text ? text : "", -1);
	int w, h;
	pango_layout_get_pixel_size(p->layout, &w, &h);
	new_page_if_needed(p, h);
	cairo_set_source_rgb(p->cr, 0.1, 0.1, 0.1);
	cairo_move_to(p->cr, x, p->y);
	pango_cairo_show_layout(p->cr, p->layout);
	p->y += h + 2;
	pango_font_description_free(fd);
}

/* label ........ value on one line */
static void pair(struct pen *p, const char *label, const char *value)
{
	double y0 = p->y;
	line(p, "DejaVu Sans 9", label, MARGIN, 330);
	double y1 = p->y;
	if (y1 < y0) /* the label moved to a new page */
		y0 = MARGIN;
	p->y = y0;
	line(p, "DejaVu Sans Bold 9", value ? value : "—", MARGIN + 345, PAGE_W - 2 * MARGIN - 345);
	if (p->y < y1)
		p->y = y1;
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

	struct membuf buf = {0};
	cairo_surface_t *surface = cairo_pdf_surface_create_for_stream(write_cb, &buf, PAGE_W, PAGE_H);
	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE,
				       "Synthèse de la déclaration de données");
	cairo_t *cr = cairo_create(surface);
	struct pen p = {.cr = cr, .layout = pango_cairo_create_layout(cr), .y = MARGIN,
			.watermark = v.d.state < DSTATE_TRANSMITTED, .page = 1};
	watermark(&p);

	line(&p, "DejaVu Sans Bold 15", "Synthèse de la déclaration de données", MARGIN, PAGE_W - 2 * MARGIN);
	line(&p, "DejaVu Sans 10", "Portail Caf partenaires", MARGIN, PAGE_W - 2 * MARGIN);
	p.y += 8;
	line(&p, "DejaVu Sans Bold 11", v.f.name, MARGIN, PAGE_W - 2 * MARGIN);
	line(&p, "DejaVu Sans 9",
	     arena_printf(ctx->arena, "%s %s %s — gestionnaire : %s", v.f.address ? v.f.address : "",
			  v.f.postal_code ? v.f.postal_code : "", v.f.city ? v.f.city : "",
			  v.f.partner_name),
	     MARGIN, PAGE_W - 2 * MARGIN);
	char *type = arena_strdup(ctx->arena, decl_type_label(v.d.type));
	type[0] = (char)tolower((unsigned char)type[0]); /* P, A, R: ASCII */
	line(&p, "DejaVu Sans 10",
	     arena_printf(ctx->arena, "Déclaration %s — exercice %d — version %d", type,
			  v.d.fiscal_year, v.d.version),
	     MARGIN, PAGE_W - 2 * MARGIN);
	line(&p, "DejaVu Sans Bold 10",
	     arena_printf(ctx->arena, "État : %s", decl_state_label(v.d.state)), MARGIN,
	     PAGE_W - 2 * MARGIN);
	if (v.d.transmitted_at) {
		char b[32];
		clock_format_datetime((time_t)v.d.transmitted_at, b, sizeof(b));
		line(&p, "DejaVu Sans 9", arena_printf(ctx->arena, "Transmise le %s — empreinte SHA-256 : %s",
						       b, v.d.digest ? v.d.digest : ""),
		     MARGIN, PAGE_W - 2 * MARGIN);
	}
	static const char *const sections[] = {"activity", "financial"};
	static const char *const titles[] = {"Données d'activité", "Données financières"};
	for (int s = 0; s < 2; s++) {
		if (s == 1 && !v.has_financial)
			continue;
		p.y += 10;
		line(&p, "DejaVu Sans Bold 12", titles[s], MARGIN, PAGE_W - 2 * MARGIN);
		const char *heading = NULL;
		for (size_t i = 0; i < v.nfields; i++) {
			const struct decl_field *f = &v.fields[i];
			if (strcmp(f->section, sections[s]) != 0)
				continue;
			if (f->heading && (!heading || strcmp(heading, f->heading) != 0)) {
				heading = f->heading;
				p.y += 4;
				line(&p, "DejaVu Sans Bold Oblique 9", heading, MARGIN, PAGE_W - 2 * MARGIN);
			}
			const char *value = NULL;
			int64_t x;
			if (f->unit == DUNIT_TEXT) {
				for (size_t t = 0; t < v.ntexts; t++)
					if (strcmp(v.text_codes[t], f->code) == 0)
						value = v.texts[t];
			} else if (decl_vals_get(&vals, f->code, &x)) {
				const char *sfx = decl_unit_suffix(f->unit);
				value = arena_printf(ctx->arena, "%s%s%s", decl_format_value(ctx, f, x),
						     *sfx ? " " : "", sfx);
			}
			pair(&p, f->label, value);
		}
	}
	p.y += 10;
	line(&p, "DejaVu Sans Bold 12", "Estimation du droit", MARGIN, PAGE_W - 2 * MARGIN);
	if (est.status == ESTIMATE_OK)
		pair(&p, "Prestation de service estimée",
		     arena_printf(ctx->arena, "%s €", decl_money(ctx, est.amount_cents)));
	else
		pair(&p, "Prestation de service estimée", "non calculable avec les données saisies");
	if (v.d.has_final)
		pair(&p, "Montant retenu par la Caf",
		     arena_printf(ctx->arena, "%s €", decl_money(ctx, v.d.final_cents)));
	if (v.d.comment) {
		p.y += 6;
		line(&p, "DejaVu Sans Bold 9", "Commentaire", MARGIN, PAGE_W - 2 * MARGIN);
		line(&p, "DejaVu Sans 9", v.d.comment, MARGIN, PAGE_W - 2 * MARGIN);
	}
	p.y += 10;
	line(&p, "DejaVu Sans Oblique 8",
	     "L'estimation est indicative : le montant définitif est fixé par la Caf après "
	     "instruction de la déclaration.",
	     MARGIN, PAGE_W - 2 * MARGIN);

	g_object_unref(p.layout);
	cairo_destroy(cr);
	cairo_surface_finish(surface);
	cairo_status_t cs = cairo_surface_status(surface);
	cairo_surface_destroy(surface);
	if (cs != CAIRO_STATUS_SUCCESS || buf.failed) {
		log_error("declarations: PDF of %lld failed: %s", v.d.id, cairo_status_to_string(cs));
		free(buf.p);
		return 500;
	}
	char *body = arena_alloc(ctx->arena, buf.len ? buf.len : 1);
	memcpy(body, buf.p, buf.len);
	free(buf.p);
	response_body(ctx->res, "application/pdf", body, buf.len);
	response_header(ctx->arena, ctx->res, "Content-Disposition",
			arena_printf(ctx->arena, "inline; filename=\"declaration-%lld.pdf\"", v.d.id));
	return 0;
}
