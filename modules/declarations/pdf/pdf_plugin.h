/* Between the declarations module and its PDF plugin
 * (build/modules/declarations-pdf.so, loaded by core/plugin.h on the first
 * PDF a worker draws): cairo, pango, GLib and fontconfig are mapped only in
 * the workers that draw one.
 *
 * The module loads the declaration, checks access and writes every text
 * (French, formatted); the plugin only lays the lines out on A4 pages and
 * returns the PDF bytes. Change a struct here: bump DECL_PDF_ABI. */
#ifndef DECL_PDF_PLUGIN_H
#define DECL_PDF_PLUGIN_H

#include <stddef.h>

#define DECL_PDF_FILE "declarations-pdf.so"
#define DECL_PDF_SYMBOL "decl_pdf_plugin"
#define DECL_PDF_ABI 1

enum decl_pdf_kind {
	DECL_PDF_LINE,	/* text across the page, wrapped */
	DECL_PDF_PAIR,	/* label on the left, value in the right column */
	DECL_PDF_GAP,	/* vertical space */
};

struct decl_pdf_item {
	enum decl_pdf_kind kind;
	const char *font;	/* LINE, PAIR (label): a Pango font, "DejaVu Sans 9" */
	const char *text;	/* LINE: the text; PAIR: the label (UTF-8) */
	const char *value_font;	/* PAIR: the value's font */
	const char *value;	/* PAIR: the value */
	double space;		/* GAP: points */
};

struct decl_pdf_doc {
	const char *title;	/* the PDF's Title metadata */
	const char *watermark;	/* across every page; NULL for none */
	const struct decl_pdf_item *items;
	size_t nitems;
};

struct decl_pdf_plugin {
	int abi;	/* DECL_PDF_ABI, first: checked at load */
	/* 0 and *pdf a malloc'ed document of *len bytes, which the caller
	 * frees; or -1 and *error a static message for the log. */
	int (*render)(const struct decl_pdf_doc *doc, unsigned char **pdf, size_t *len,
		      const char **error);
};

#endif
