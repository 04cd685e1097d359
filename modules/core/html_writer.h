/* Serialises an XSLT result tree as HTML into the request arena, byte for
 * byte what xsltSaveResultToString() gives for our pages (xsl:output
 * method="html" encoding="UTF-8" indent="no"), without libxml2's output
 * buffer, encoder and per-attribute copies. */
#ifndef PORTAL_HTML_WRITER_H
#define PORTAL_HTML_WRITER_H

#include <stddef.h>

#include <libxml/tree.h>
#include <libxslt/xsltInternals.h>

struct arena;

enum html_write_path {
	HTML_WRITE_ERROR = -1, /* nothing to serialise; the caller answers 500 */
	HTML_WRITE_OWN = 0,    /* our writer produced the bytes */
	HTML_WRITE_LIBXML = 1, /* libxml2/libxslt did: a node or an output
				* setting this writer does not reproduce */
};

/* Serialises result (made by sheet) into *html, NUL-terminated, *len bytes,
 * both in arena. Like xsltSaveResultTo(), first adds the meta Content-Type to
 * <head>, so call it once per result. */
enum html_write_path html_write_result(struct arena *arena, xmlDocPtr result,
				       xsltStylesheetPtr sheet, char **html, size_t *len);

/* The element and attribute tables of the writer, exposed for the unit test
 * that checks them against htmlTagLookup() and htmlIsBooleanAttr(). */
enum html_elem_kind {
	HTML_ELEM_NORMAL,     /* <x></x> when childless */
	HTML_ELEM_VOID,       /* <x>, children never written */
	HTML_ELEM_OPEN_EMPTY, /* <x> when childless, <x>...</x> otherwise */
};
enum html_elem_kind html_elem_kind(const xmlChar *name);
int html_bool_attr(const xmlChar *name);

#endif
