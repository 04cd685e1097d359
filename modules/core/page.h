/* Pages are XML documents (libxml2 tree API, never printf) rendered by the
 * view's XSLT stylesheet xslt/VIEW.xsl, compiled once per worker.
 *
 * page_new() gives the root <page module="" view=""> already holding
 * <user/> (name, login, capabilities for the menu), <csrf/>, <flash/> and
 * <today/>; handlers add their data under it. */
#ifndef PORTAL_PAGE_H
#define PORTAL_PAGE_H

#include <libxml/tree.h>

#include "kv.h"

struct portal_ctx;

xmlNodePtr page_new(struct portal_ctx *ctx, const char *view);

/* <name/> child */
xmlNodePtr px_el(xmlNodePtr parent, const char *name);
/* <name>text</name> child, text escaped by libxml2; NULL text gives an
 * empty element. */
xmlNodePtr px_text(xmlNodePtr parent, const char *name, const char *text);
xmlNodePtr px_textf(xmlNodePtr parent, const char *name, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void px_attr(xmlNodePtr node, const char *name, const char *value);
void px_attrf(xmlNodePtr node, const char *name, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void px_attr_int(xmlNodePtr node, const char *name, long long v);

/* <values><value name="x">typed</value>...</values>: what the user typed,
 * to redraw a form. Fields named csrf or containing "password"/"mot_de_passe"
 * are never echoed. */
xmlNodePtr page_form_values(xmlNodePtr parent, const struct kv_list *form);
/* <errors><error field="x">message</error></errors> under root; returns the
 * new <error>. field NULL for a form-level error. */
xmlNodePtr page_error(xmlNodePtr root, const char *field, const char *message);
int page_error_count(xmlNodePtr root);

/* Worker-level: the stylesheet cache. */
struct page_cache;
struct portal_config;
struct page_cache *page_cache_new(const struct portal_config *cfg);
void page_cache_free(struct page_cache *c);
/* Renders ctx->page with xslt/VIEW.xsl; returns 0 or 500. With dev mode
 * and ?format=xml, returns the XML instead. */
int page_render(struct page_cache *c, struct portal_ctx *ctx);
/* Renders the French error page for status into ctx->res. */
void page_render_error(struct page_cache *c, struct portal_ctx *ctx, int status);

#endif
