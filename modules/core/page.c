/* Page documents and their rendering with compiled, cached XSLT. */
#include "page.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxslt/security.h>
#include <libxslt/transform.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>

#include "arena.h"
#include "config.h"
#include "flash.h"
#include "fragment.h"
#include "html_writer.h"
#include "log.h"
#include "menu.h"
#include "module.h"
#include "request.h"
#include "response.h"
#include "session.h"

#define CACHE_SLOTS 128

struct cached_sheet {
	char *view;
	xsltStylesheetPtr sheet;
};

struct page_cache {
	char *dir;
	int dev_mode;
	xsltSecurityPrefsPtr prefs;
	struct cached_sheet sheets[CACHE_SLOTS];
	size_t count;
};

xmlNodePtr px_el(xmlNodePtr parent, const char *name)
{
	return xmlNewChild(parent, NULL, BAD_CAST name, NULL);
}

xmlNodePtr px_text(xmlNodePtr parent, const char *name, const char *text)
{
	/* xmlNewTextChild escapes its content; xmlNewChild would not. */
	return xmlNewTextChild(parent, NULL, BAD_CAST name, BAD_CAST(text ? text : ""));
}

xmlNodePtr px_textf(xmlNodePtr parent, const char *name, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	return px_text(parent, name, buf);
}

void px_attr(xmlNodePtr node, const char *name, const char *value)
{
	xmlSetProp(node, BAD_CAST name, BAD_CAST(value ? value : ""));
}

void px_attrf(xmlNodePtr node, const char *name, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	px_attr(node, name, buf);
}

void px_attr_int(xmlNodePtr node, const char *name, long long v)
{
	px_attrf(node, name, "%lld", v);
}

static int is_secret_field(const char *name)
{
	return strcmp(name, "csrf") == 0 || strstr(name, "password") ||
	       strstr(name, "mot_de_passe") || strstr(name, "captcha");
}

xmlNodePtr page_form_values(xmlNodePtr parent, const struct kv_list *form)
{
	xmlNodePtr values = px_el(parent, "values");
	for (size_t i = 0; i < form->count; i++) {
		if (is_secret_field(form->items[i].name))
			continue;
		xmlNodePtr v = px_text(values, "value", form->items[i].value);
		px_attr(v, "name", form->items[i].name);
	}
	return values;
}

static xmlNodePtr child_named(xmlNodePtr parent, const char *name)
{
	for (xmlNodePtr c = parent->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE && xmlStrcmp(c->name, BAD_CAST name) == 0)
			return c;
	return NULL;
}

xmlNodePtr page_error(xmlNodePtr root, const char *field, const char *message)
{
	xmlNodePtr errors = child_named(root, "errors");
	if (!errors)
		errors = px_el(root, "errors");
	xmlNodePtr e = px_text(errors, "error", message);
	if (field)
		px_attr(e, "field", field);
	return e;
}

int page_error_count(xmlNodePtr root)
{
	xmlNodePtr errors = child_named(root, "errors");
	int n = 0;
	if (errors)
		for (xmlNodePtr c = errors->children; c; c = c->next)
			n += c->type == XML_ELEMENT_NODE;
	return n;
}

xmlNodePtr page_new(struct portal_ctx *ctx, const char *view)
{
	if (ctx->page)
		xmlFreeDoc(ctx->page);
	ctx->page = xmlNewDoc(BAD_CAST "1.0");
	xmlNodePtr root = xmlNewNode(NULL, BAD_CAST "page");
	xmlDocSetRootElement(ctx->page, root);
	ctx->view = arena_strdup(ctx->arena, view);
	ctx->fragment_key = NULL; /* a new page has no kept part yet */
	ctx->fragment_kept = NULL;
	px_attr(root, "module", ctx->module);
	px_attr(root, "view", view);
	px_attr(root, "path", ctx->req ? ctx->req->path : "/");
	px_attr(root, "dev", config_bool(ctx->cfg, "dev_mode", 0) ? "1" : "0");

	struct session *s = ctx->session;
	if (s && s->account_id) {
		xmlNodePtr u = px_el(root, "user");
		px_attr_int(u, "id", s->account_id);
		px_attr(u, "login", s->login);
		px_attr(u, "first-name", s->first_name);
		px_attr(u, "last-name", s->last_name);
		px_attr(u, "kind", s->account_kind);
		menu_build(root, s->caps, ctx->req ? ctx->req->path : "/");
	}
	if (s)
		px_text(root, "csrf", s->csrf);
	if (s && s->flash_kind && s->flash_message) {
		xmlNodePtr f = px_text(root, "flash", s->flash_message);
		px_attr(f, "kind", s->flash_kind);
		flash_shown(ctx);
	}
	if (ctx->session_expired)
		px_attr(px_el(root, "notice"), "kind", "session-expired");
	px_text(root, "today", ctx_today(ctx));
	return root;
}

struct page_cache *page_cache_new(const struct portal_config *cfg)
{
	struct page_cache *c = calloc(1, sizeof *c);
	if (!c)
		abort();
	c->dir = strdup(config_get(cfg, "xslt_dir", "xslt"));
	c->dev_mode = config_bool(cfg, "dev_mode", 0);
	/* Stylesheets may read their imports, nothing else: no writes, no network. */
	c->prefs = xsltNewSecurityPrefs();
	xsltSetSecurityPrefs(c->prefs, XSLT_SECPREF_WRITE_FILE, xsltSecurityForbid);
	xsltSetSecurityPrefs(c->prefs, XSLT_SECPREF_CREATE_DIRECTORY, xsltSecurityForbid);
	xsltSetSecurityPrefs(c->prefs, XSLT_SECPREF_READ_NETWORK, xsltSecurityForbid);
	xsltSetSecurityPrefs(c->prefs, XSLT_SECPREF_WRITE_NETWORK, xsltSecurityForbid);
	xsltSetDefaultSecurityPrefs(c->prefs);
	return c;
}

void page_cache_free(struct page_cache *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->count; i++) {
		xsltFreeStylesheet(c->sheets[i].sheet);
		free(c->sheets[i].view);
	}
	xsltSetDefaultSecurityPrefs(NULL);
	xsltFreeSecurityPrefs(c->prefs);
	free(c->dir);
	free(c);
}

static int view_name_ok(const char *view)
{
	if (!view || !*view || strstr(view, ".."))
		return 0;
	for (const char *p = view; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '/' ||
		      *p == '-' || *p == '_'))
			return 0;
	return 1;
}

/* The compiled stylesheet of a view, compiled on first use. */
static xsltStylesheetPtr sheet_for(struct page_cache *c, const char *view)
{
	for (size_t i = 0; i < c->count; i++)
		if (strcmp(c->sheets[i].view, view) == 0)
			return c->sheets[i].sheet;
	if (!view_name_ok(view)) {
		log_error("page: invalid view name \"%s\"", view);
		return NULL;
	}
	char path[1024];
	snprintf(path, sizeof path, "%s/%s.xsl", c->dir, view);
	xmlDocPtr sdoc = xmlReadFile(path, NULL, XML_PARSE_NONET | XML_PARSE_NOCDATA);
	if (!sdoc) {
		log_error("page: cannot read stylesheet %s", path);
		return NULL;
	}
	xsltStylesheetPtr sheet = xsltParseStylesheetDoc(sdoc);
	if (!sheet) {
		xmlFreeDoc(sdoc);
		log_error("page: cannot compile stylesheet %s", path);
		return NULL;
	}
	if (c->count < CACHE_SLOTS) {
		c->sheets[c->count].view = strdup(view);
		c->sheets[c->count].sheet = sheet;
		c->count++;
	}
	return sheet;
}

/* Applies the sheet; the HTML goes into the response body. */
static int transform(struct page_cache *c, struct portal_ctx *ctx, xsltStylesheetPtr sheet)
{
	xsltTransformContextPtr t = xsltNewTransformContext(sheet, ctx->page);
	if (!t)
		return 500;
	xsltSetCtxtSecurityPrefs(c->prefs, t);
	xmlDocPtr out = xsltApplyStylesheetUser(sheet, ctx->page, NULL, NULL, NULL, t);
	int failed = t->state != XSLT_STATE_OK;
	xsltFreeTransformContext(t);
	if (!out || failed) {
		if (out)
			xmlFreeDoc(out);
		log_error("page: transformation of view %s failed", ctx->view);
		return 500;
	}
	char *body = NULL;
	size_t len = 0;
	enum html_write_path path = html_write_result(ctx->arena, out, sheet, &body, &len);
	xmlFreeDoc(out);
	if (path == HTML_WRITE_ERROR) {
		log_error("page: view %s gave no HTML", ctx->view);
		return 500;
	}
	if (ctx->fragment_key) {
		int rc = fragment_finish(ctx, &body, &len);
		if (rc)
			return rc;
	}
	response_body(ctx->res, "text/html; charset=utf-8", body, len);
	return 0;
}

static int wants_xml(struct page_cache *c, struct portal_ctx *ctx)
{
	if (!c->dev_mode || !ctx->req)
		return 0;
	const char *f = kv_get(&ctx->req->query, "format");
	return f && strcmp(f, "xml") == 0;
}

int page_render(struct page_cache *c, struct portal_ctx *ctx)
{
	if (!ctx->page || !ctx->view)
		return 500;
	if (wants_xml(c, ctx)) {
		xmlChar *xml = NULL;
		int len = 0;
		xmlDocDumpFormatMemoryEnc(ctx->page, &xml, &len, "UTF-8", 1);
		char *body = arena_alloc(ctx->arena, (size_t)len + 1);
		memcpy(body, xml, (size_t)len);
		body[len] = '\0';
		xmlFree(xml);
		response_body(ctx->res, "application/xml; charset=utf-8", body, (size_t)len);
		return 0;
	}
	xsltStylesheetPtr sheet = sheet_for(c, ctx->view);
	if (!sheet)
		return 500;
	return transform(c, ctx, sheet);
}

void page_render_error(struct page_cache *c, struct portal_ctx *ctx, int status)
{
	xmlNodePtr root = page_new(ctx, "error");
	xmlNodePtr error = px_el(root, "error");
	px_attr_int(error, "status", status);
	if (ctx->error_reason)
		px_attr(error, "reason", ctx->error_reason);
	ctx->res->status = status;
	if (page_render(c, ctx) != 0) {
		static const char fallback[] =
			"<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\">"
			"<title>Erreur — Portail partenaires</title></head><body>"
			"<h1>Une erreur est survenue</h1><p>Veuillez réessayer dans quelques "
			"instants.</p><p><a href=\"/\">Retour à l'accueil</a></p></body></html>";
		response_body(ctx->res, "text/html; charset=utf-8", fallback,
			      sizeof fallback - 1);
	}
	ctx->res->status = status;
}
