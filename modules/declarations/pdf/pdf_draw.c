/* The PDF plugin: lays a described document out on A4 pages with cairo and
 * pango, so French text and accents are right, the watermark drawn on every
 * page. Knows nothing of declarations (pdf_plugin.h). */
#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include "pdf_plugin.h"

#define PAGE_W 595.28
#define PAGE_H 841.89
#define MARGIN 56.0
#define TEXT_W (PAGE_W - 2 * MARGIN)
/* a pair: the label's column, then the value's */
#define LABEL_W 330.0
#define VALUE_X (MARGIN + 345)

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
	const char *watermark;
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
	pango_layout_set_text(l, p->watermark, -1);
	int w, h;
	pango_layout_get_pixel_size(l, &w, &h);
	cairo_move_to(p->cr, -w / 2.0, -h / 2.0);
	cairo_set_source_rgba(p->cr, 0.8, 0.1, 0.1, 0.18);
	/* drawn as outlines, not as text: a text extractor (or a screen reader)
	 * would read the rotated letters in among the lines; the module writes
	 * the state in full in the header */
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
	p->y = MARGIN;
	watermark(p);
}

static void line(struct pen *p, const char *font, const char *text, double x, double width)
{
	PangoFontDescription *fd = pango_font_description_from_string(font ? font : "DejaVu Sans 9");
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
static void pair(struct pen *p, const struct decl_pdf_item *it)
{
	double y0 = p->y;
	line(p, it->font, it->text, MARGIN, LABEL_W);
	double y1 = p->y;
	if (y1 < y0) /* the label moved to a new page */
		y0 = MARGIN;
	p->y = y0;
	line(p, it->value_font, it->value, VALUE_X, PAGE_W - MARGIN - VALUE_X);
	if (p->y < y1)
		p->y = y1;
}

static int render(const struct decl_pdf_doc *doc, unsigned char **pdf, size_t *len,
		  const char **error)
{
	*pdf = NULL;
	*len = 0;
	struct membuf buf = {0};
	cairo_surface_t *surface = cairo_pdf_surface_create_for_stream(write_cb, &buf, PAGE_W, PAGE_H);
	if (doc->title)
		cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, doc->title);
	cairo_t *cr = cairo_create(surface);
	struct pen p = {.cr = cr, .layout = pango_cairo_create_layout(cr), .y = MARGIN,
			.watermark = doc->watermark};
	watermark(&p);
	for (size_t i = 0; i < doc->nitems; i++) {
		const struct decl_pdf_item *it = &doc->items[i];
		switch (it->kind) {
		case DECL_PDF_LINE: line(&p, it->font, it->text, MARGIN, TEXT_W); break;
		case DECL_PDF_PAIR: pair(&p, it); break;
		case DECL_PDF_GAP: p.y += it->space; break;
		}
	}
	g_object_unref(p.layout);
	cairo_destroy(cr);
	cairo_surface_finish(surface);
	cairo_status_t cs = cairo_surface_status(surface);
	cairo_surface_destroy(surface);
	if (cs != CAIRO_STATUS_SUCCESS || buf.failed) {
		*error = buf.failed ? "out of memory" : cairo_status_to_string(cs);
		free(buf.p);
		return -1;
	}
	*pdf = buf.p;
	*len = buf.len;
	return 0;
}

__attribute__((visibility("default"))) const struct decl_pdf_plugin decl_pdf_plugin = {
	.abi = DECL_PDF_ABI,
	.render = render,
};
