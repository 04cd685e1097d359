/* The HTML writer against libxslt's own serialisation: every tricky tree
 * and every sample page must give the same bytes as xsltSaveResultToString(),
 * and by our writer, not by its libxml2 fallback. Run from the top of the
 * tree (make unit does). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <glob.h>
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxslt/transform.h>
#include <libxslt/xsltutils.h>

#include "arena.h"
#include "html_writer.h"

/* The layout's xsl:output, for the trees built by hand. */
static const char OUTPUT_SHEET[] =
	"<xsl:stylesheet version='1.0' xmlns:xsl='http://www.w3.org/1999/XSL/Transform'>"
	"<xsl:output method='html' encoding='UTF-8' doctype-system='about:legacy-compat'"
	" indent='no'/></xsl:stylesheet>";

static xsltStylesheetPtr sheet_from(const char *text)
{
	xmlDocPtr d = xmlReadMemory(text, (int)strlen(text), "out.xsl", NULL, 0);
	assert_non_null(d);
	xsltStylesheetPtr s = xsltParseStylesheetDoc(d);
	assert_non_null(s);
	return s;
}

static xsltStylesheetPtr output_sheet(void)
{
	return sheet_from(OUTPUT_SHEET);
}

/* Serialises a with libxslt and b (the same tree) with our writer, compares
 * the bytes and returns the path the writer took. */
static enum html_write_path compare(const char *what, xmlDocPtr a, xmlDocPtr b,
				    xsltStylesheetPtr sheet)
{
	xmlChar *want = NULL;
	int want_len = 0;
	assert_int_equal(xsltSaveResultToString(&want, &want_len, a, sheet), 0);
	assert_non_null(want);

	struct arena *arena = arena_new();
	char *got = NULL;
	size_t got_len = 0;
	enum html_write_path path = html_write_result(arena, b, sheet, &got, &got_len);
	assert_int_not_equal(path, HTML_WRITE_ERROR);
	if (got_len != (size_t)want_len || memcmp(got, want, got_len) != 0) {
		size_t i = 0;
		while (i < got_len && i < (size_t)want_len && got[i] == (char)want[i])
			i++;
		size_t from = i > 60 ? i - 60 : 0;
		fail_msg("%s: differs at byte %zu\n  libxslt: %.*s\n  writer:  %.*s", what, i,
			 (int)((size_t)want_len - from > 120 ? 120 : (size_t)want_len - from),
			 (const char *)want + from,
			 (int)(got_len - from > 120 ? 120 : got_len - from), got + from);
	}
	assert_int_equal(got[got_len], '\0');
	xmlFree(want);
	arena_free(arena);
	return path;
}

/* A result document as libxslt makes it for method html. */
static xmlDocPtr html_doc(const char *public_id, const char *system_id)
{
	xmlDocPtr d = htmlNewDocNoDtD(NULL, NULL);
	xmlCreateIntSubset(d, BAD_CAST "html", BAD_CAST public_id, BAD_CAST system_id);
	return d;
}

static xmlNodePtr el(xmlNodePtr parent, const char *name)
{
	return xmlNewChild(parent, NULL, BAD_CAST name, NULL);
}

static xmlNodePtr text_el(xmlNodePtr parent, const char *name, const char *text)
{
	xmlNodePtr e = el(parent, name);
	xmlAddChild(e, xmlNewText(BAD_CAST text));
	return e;
}

static void attr(xmlNodePtr node, const char *name, const char *value)
{
	xmlNewProp(node, BAD_CAST name, BAD_CAST value);
}

typedef void (*tree_fn)(xmlDocPtr doc);

/* Builds the tree twice (the writer and libxslt both add the meta, so they
 * may not share one) and compares. */
static enum html_write_path compare_tree(const char *what, tree_fn build,
					 const char *public_id, const char *system_id)
{
	xsltStylesheetPtr sheet = output_sheet();
	xmlDocPtr a = html_doc(public_id, system_id), b = html_doc(public_id, system_id);
	build(a);
	build(b);
	enum html_write_path path = compare(what, a, b, sheet);
	xmlFreeDoc(a);
	xmlFreeDoc(b);
	xsltFreeStylesheet(sheet);
	return path;
}

static const char *const VALUES[] = {
	"",
	"plain",
	"a & b < c > d",
	"say \"hi\"",
	"it's",
	"both \" and ' quotes",
	"caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80",
	"ctl\x01\x02\x1f end",
	"tab\tnl\ncr\r end",
	"&amp; already escaped &lt;",
	"  leading and trailing  ",
	"%41 percent",
	"del\x7f",
};

static const char *const URIS[] = {
	"",
	"   ",
	"/declarations/saisie?annee=2026&mois=11",
	"  /leading/blanks",
	"\x01\t /control then blank",
	"/a b/c d?q=x y#frag ment",
	"/caf\xc3\xa9?nom=\xc3\xa9l\xc3\xa8ve",
	"/q?a=\"x\"&b='y'",
	"/q?a=<b>&c={d}|e^f`g\\h[i]",
	"mailto:someone@example.org?subject=Hello%20there",
	"javascript:alert(1)",
	"/-_.!~*'()@/:=?;#%&,+$",
};

static void attributes_tree(xmlDocPtr doc)
{
	xmlNodePtr html = el((xmlNodePtr)doc, "html");
	xmlDocSetRootElement(doc, html);
	el(html, "head");
	xmlNodePtr body = el(html, "body");
	for (size_t i = 0; i < sizeof VALUES / sizeof VALUES[0]; i++) {
		xmlNodePtr p = text_el(body, "p", VALUES[i]);
		attr(p, "title", VALUES[i]);
		attr(p, "data-x", VALUES[i]);
		attr(p, "name", VALUES[i]); /* a URI only on <a> */
	}
	for (size_t i = 0; i < sizeof URIS / sizeof URIS[0]; i++) {
		attr(el(body, "a"), "href", URIS[i]);
		attr(el(body, "A"), "HREF", URIS[i]);
		attr(el(body, "a"), "name", URIS[i]);
		attr(el(body, "img"), "src", URIS[i]);
		attr(el(body, "form"), "action", URIS[i]);
		attr(el(body, "link"), "href", URIS[i]);
	}
	/* An attribute node without a value. */
	xmlNewProp(el(body, "input"), BAD_CAST "hidden", NULL);
}

static void booleans_tree(xmlDocPtr doc)
{
	xmlNodePtr html = el((xmlNodePtr)doc, "html");
	xmlDocSetRootElement(doc, html);
	el(html, "head");
	xmlNodePtr body = el(html, "body");
	xmlNodePtr select = el(body, "select");
	attr(select, "multiple", "multiple");
	attr(select, "required", "required"); /* not boolean for libxml2 */
	xmlNodePtr o = text_el(select, "option", "Choisir");
	attr(o, "value", "");
	attr(o, "selected", "selected");
	o = text_el(select, "option", "Autre");
	attr(o, "value", "x");
	attr(o, "SELECTED", "");
	xmlNodePtr in = el(body, "input");
	attr(in, "type", "checkbox");
	attr(in, "checked", "yes & no");
	attr(in, "Disabled", "\"'");
	attr(in, "readonly", "");
	const char *const others[] = {"compact", "declare", "defer", "ismap", "nohref",
				      "noresize", "noshade", "nowrap", "hidden", "async"};
	for (size_t i = 0; i < sizeof others / sizeof others[0]; i++)
		attr(el(body, "div"), others[i], others[i]);
}

static const char *const ELEMENTS[] = {
	"a", "abbr", "acronym", "address", "applet", "area", "b", "base", "basefont", "bdo",
	"big", "blockquote", "body", "br", "button", "caption", "center", "cite", "code",
	"col", "colgroup", "dd", "del", "dfn", "dir", "div", "dl", "dt", "em", "embed",
	"fieldset", "font", "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6",
	"head", "hr", "html", "i", "iframe", "img", "input", "ins", "isindex", "kbd",
	"label", "legend", "li", "link", "map", "menu", "meta", "noframes", "noscript",
	"object", "ol", "optgroup", "option", "p", "param", "pre", "q", "s", "samp",
	"script", "select", "small", "span", "strike", "strong", "style", "sub", "sup",
	"table", "tbody", "td", "textarea", "tfoot", "th", "thead", "title", "tr", "tt",
	"u", "ul", "var",
	/* HTML5 and others libxml2 2.9 does not know */
	"main", "nav", "header", "footer", "section", "article", "aside", "figure",
	"figcaption", "source", "track", "wbr", "keygen", "command", "template", "svg",
	"path", "dialog", "details", "summary", "output", "progress", "meter", "time",
	"mark", "picture", "video", "audio", "canvas", "datalist", "x", "BR", "Img",
	"LI", "INPUT", "basefonts", "bas",
};

static void elements_tree(xmlDocPtr doc)
{
	xmlNodePtr html = el((xmlNodePtr)doc, "html");
	xmlDocSetRootElement(doc, html);
	xmlNodePtr head = el(html, "head");
	text_el(head, "title", "Titre");
	xmlNodePtr body = el(html, "body");
	for (size_t i = 0; i < sizeof ELEMENTS / sizeof ELEMENTS[0]; i++) {
		el(body, ELEMENTS[i]);
		attr(el(body, ELEMENTS[i]), "class", "c");
		text_el(body, ELEMENTS[i], "x");
		xmlNodePtr parent = el(body, ELEMENTS[i]);
		el(parent, "span");
		text_el(parent, "b", "y");
	}
	/* Children of a void element are never written. */
	text_el(el(body, "br"), "i", "lost");
	/* Empty html/body inside the body: written with their end tag. */
	el(body, "html");
	el(body, "body");
}

static void text_tree(xmlDocPtr doc)
{
	xmlNodePtr html = el((xmlNodePtr)doc, "html");
	xmlDocSetRootElement(doc, html);
	xmlNodePtr head = el(html, "head");
	text_el(head, "style", "a > b { content: \"&<\" }");
	text_el(head, "script", "if (a < b && c > d) x = '</p>';");
	text_el(head, "SCRIPT", "1 < 2");
	xmlNodePtr body = el(html, "body");
	for (size_t i = 0; i < sizeof VALUES / sizeof VALUES[0]; i++)
		text_el(body, "p", VALUES[i]);
	text_el(body, "p", "<script>alert('x')</script> &lt; & &amp; &#38; ]]> -->");
	/* Several text nodes side by side, and an empty one. */
	xmlNodePtr p = el(body, "p");
	xmlAddChild(p, xmlNewText(BAD_CAST "one & "));
	xmlAddChild(p, xmlNewText(BAD_CAST ""));
	xmlAddChild(p, xmlNewText(BAD_CAST "two <"));
	xmlAddChild(body, xmlNewComment(BAD_CAST " a comment & <b> "));
	xmlAddChild(body, xmlNewDocPI(doc, BAD_CAST "php", BAD_CAST "echo 1"));
	xmlAddChild(body, xmlNewDocPI(doc, BAD_CAST "empty", NULL));
	xmlAddChild(body, xmlNewReference(doc, BAD_CAST "&nbsp;"));
	text_el(body, "textarea", "</textarea><b>");
	text_el(body, "title", "<t>");
	xmlAddChild(body, xmlNewText(BAD_CAST "text straight in body > "));
}

static void svg_tree(xmlDocPtr doc)
{
	xmlNodePtr html = el((xmlNodePtr)doc, "html");
	xmlDocSetRootElement(doc, html);
	el(html, "head");
	xmlNodePtr body = el(html, "body");
	/* What xsl:copy-of of an inline svg gives: a default namespace. */
	xmlNodePtr svg = xmlNewChild(body, NULL, BAD_CAST "svg", NULL);
	xmlNsPtr ns = xmlNewNs(svg, BAD_CAST "http://www.w3.org/2000/svg", NULL);
	xmlSetNs(svg, ns);
	xmlNsPtr xlink = xmlNewNs(svg, BAD_CAST "http://www.w3.org/1999/xlink", BAD_CAST "xlink");
	attr(svg, "viewBox", "0 0 24 24");
	attr(svg, "aria-hidden", "true");
	xmlNodePtr path = xmlNewChild(svg, ns, BAD_CAST "path", NULL);
	attr(path, "d", "M0 0h24v24H0z");
	xmlNodePtr a = xmlNewChild(svg, ns, BAD_CAST "a", NULL);
	attr(a, "href", "/a b?x=1&y=\xc3\xa9"); /* in a namespace: no URI escaping */
	xmlNewNsProp(a, xlink, BAD_CAST "href", BAD_CAST "#a b");
	xmlNodePtr use = xmlNewChild(svg, ns, BAD_CAST "use", NULL);
	xmlNewNsProp(use, xlink, BAD_CAST "href", BAD_CAST "#icon");
	xmlNewChild(svg, ns, BAD_CAST "br", NULL); /* no HTML rules in a namespace */
	text_el(xmlNewChild(svg, ns, BAD_CAST "style", NULL), "x", "a<b");
	xmlNodePtr title = xmlNewChild(svg, ns, BAD_CAST "title", NULL);
	xmlAddChild(title, xmlNewText(BAD_CAST "Ic\xc3\xb4ne & <titre>"));
	/* A prefixed element and a namespace URI holding both quotes. */
	xmlNodePtr m = xmlNewChild(body, NULL, BAD_CAST "math", NULL);
	xmlNsPtr mns = xmlNewNs(m, BAD_CAST "urn:x:\"q\"'s", BAD_CAST "m");
	xmlSetNs(m, mns);
	xmlNewChild(m, mns, BAD_CAST "mi", BAD_CAST "x");
	xmlNewChild(m, mns, BAD_CAST "mspace", NULL);
	xmlNewNs(el(body, "div"), BAD_CAST "urn:x:\"q\"", BAD_CAST "q");
}

/* Far beyond the writer's first 32 KiB: the buffer grows. */
static void big_tree(xmlDocPtr doc)
{
	xmlNodePtr html = el((xmlNodePtr)doc, "html");
	xmlDocSetRootElement(doc, html);
	el(html, "head");
	xmlNodePtr body = el(html, "body");
	for (int i = 0; i < 4000; i++) {
		xmlNodePtr p = text_el(body, "p", "Cr\xc3\xa8" "che & halte-garderie <n\xc2\xb0 12>");
		attr(p, "title", "\"Les P'tits Loups\" & co");
		attr(el(p, "a"), "href", "/declarations/equipement/7?exercice=2026&vue=d\xc3\xa9tail");
	}
}

static void writer__big_page__as_libxslt(void **state)
{
	(void)state;
	assert_int_equal(compare_tree("big", big_tree, NULL, "about:legacy-compat"), HTML_WRITE_OWN);
}

static void writer__attribute_values__as_libxslt(void **state)
{
	(void)state;
	assert_int_equal(compare_tree("attributes", attributes_tree, NULL, NULL), HTML_WRITE_OWN);
}

static void writer__boolean_attributes__bare_name_as_libxslt(void **state)
{
	(void)state;
	assert_int_equal(compare_tree("booleans", booleans_tree, NULL, NULL), HTML_WRITE_OWN);
}

static void writer__void_and_empty_elements__as_libxslt(void **state)
{
	(void)state;
	assert_int_equal(compare_tree("elements", elements_tree, NULL, NULL), HTML_WRITE_OWN);
}

static void writer__text_script_comments__as_libxslt(void **state)
{
	(void)state;
	assert_int_equal(compare_tree("text", text_tree, NULL, NULL), HTML_WRITE_OWN);
}

static void writer__svg_namespaces__as_libxslt(void **state)
{
	(void)state;
	assert_int_equal(compare_tree("svg", svg_tree, NULL, NULL), HTML_WRITE_OWN);
}

static void writer__doctype_variants__as_libxslt(void **state)
{
	(void)state;
	assert_int_equal(compare_tree("system", text_tree, NULL, "about:legacy-compat"),
			 HTML_WRITE_OWN);
	assert_int_equal(compare_tree("public", text_tree, "-//W3C//DTD HTML 4.01//EN",
				      "http://www.w3.org/TR/html4/strict.dtd"),
			 HTML_WRITE_OWN);
	assert_int_equal(compare_tree("public legacy", text_tree, "-//X//EN", "about:legacy-compat"),
			 HTML_WRITE_OWN);
	assert_int_equal(compare_tree("almost legacy", text_tree, NULL, "about:legacy-compaT"),
			 HTML_WRITE_OWN);
	assert_int_equal(compare_tree("public only", text_tree, "-//X//\"q\"", NULL),
			 HTML_WRITE_OWN);
	xsltStylesheetPtr sheet = output_sheet();
	xmlDocPtr a = htmlNewDocNoDtD(NULL, NULL), b = htmlNewDocNoDtD(NULL, NULL);
	text_tree(a);
	text_tree(b);
	assert_int_equal(compare("no doctype", a, b, sheet), HTML_WRITE_OWN);
	xmlFreeDoc(a);
	xmlFreeDoc(b);
	xsltFreeStylesheet(sheet);
}

static void noenc_tree(xmlDocPtr doc)
{
	text_tree(doc);
	xmlNodePtr t = xmlNewTextLen(BAD_CAST "<b>raw</b>", 10);
	t->name = xmlStringTextNoenc; /* what disable-output-escaping makes */
	xmlAddChild(xmlDocGetRootElement(doc), t);
}

static void ssi_attr_tree(xmlDocPtr doc)
{
	text_tree(doc);
	xmlNodePtr a = el(xmlDocGetRootElement(doc), "a");
	attr(a, "href", "/x<!--#include virtual=\"y\" -->z w");
	attr(a, "title", "&{entity}; <!-- c -->");
}

static void cdata_tree(xmlDocPtr doc)
{
	text_tree(doc);
	xmlAddChild(xmlDocGetRootElement(doc), xmlNewCDataBlock(doc, BAD_CAST "<x>&", 4));
}

/* What the writer does not reproduce goes to libxml2: same bytes still. */
static void writer__rare_nodes__libxml2_does_them(void **state)
{
	(void)state;
	assert_int_equal(compare_tree("noenc", noenc_tree, NULL, NULL), HTML_WRITE_LIBXML);
	assert_int_equal(compare_tree("ssi", ssi_attr_tree, NULL, NULL), HTML_WRITE_LIBXML);
	assert_int_equal(compare_tree("cdata", cdata_tree, NULL, NULL), HTML_WRITE_LIBXML);
}

/* Other xsl:output settings than the layout's: libxslt serialises. */
static void writer__other_output_settings__libxslt_does_them(void **state)
{
	(void)state;
	static const char *const outputs[] = {
		"<xsl:output method='html' encoding='UTF-8' indent='yes'/>",
		"<xsl:output method='html' encoding='ISO-8859-1' indent='no'/>",
		"<xsl:output method='html' indent='no'/>",
		"<xsl:output method='xml' encoding='UTF-8' indent='no'/>",
	};
	for (size_t i = 0; i < sizeof outputs / sizeof outputs[0]; i++) {
		char text[512];
		snprintf(text, sizeof text,
			 "<xsl:stylesheet version='1.0' xmlns:xsl='http://www.w3.org/1999/XSL/Transform'>"
			 "%s</xsl:stylesheet>",
			 outputs[i]);
		xsltStylesheetPtr sheet = sheet_from(text);
		xmlDocPtr a = html_doc(NULL, "about:legacy-compat"), b = html_doc(NULL, "about:legacy-compat");
		elements_tree(a);
		elements_tree(b);
		assert_int_equal(compare(outputs[i], a, b, sheet), HTML_WRITE_LIBXML);
		xmlFreeDoc(a);
		xmlFreeDoc(b);
		xsltFreeStylesheet(sheet);
	}
}

static void writer__empty_result__error(void **state)
{
	(void)state;
	xsltStylesheetPtr sheet = output_sheet();
	xmlDocPtr d = html_doc(NULL, NULL);
	struct arena *arena = arena_new();
	char *html = NULL;
	size_t len = 0;
	assert_int_equal(html_write_result(arena, d, sheet, &html, &len), HTML_WRITE_ERROR);
	arena_free(arena);
	xmlFreeDoc(d);
	xsltFreeStylesheet(sheet);
}

static void writer__tables__match_libxml2(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof ELEMENTS / sizeof ELEMENTS[0]; i++) {
		const xmlChar *name = BAD_CAST ELEMENTS[i];
		const htmlElemDesc *info = htmlTagLookup(name);
		enum html_elem_kind want = HTML_ELEM_NORMAL;
		if (info && info->empty)
			want = HTML_ELEM_VOID;
		else if (info && info->saveEndTag && strcmp(info->name, "html") != 0 &&
			 strcmp(info->name, "body") != 0)
			want = HTML_ELEM_OPEN_EMPTY;
		if (html_elem_kind(name) != want)
			fail_msg("element %s: kind %d, libxml2 %d", ELEMENTS[i],
				 html_elem_kind(name), want);
	}
	const char *const attrs[] = {"checked", "compact", "declare",  "defer",   "disabled",
				     "ismap",   "multiple", "nohref",  "noresize", "noshade",
				     "nowrap",  "readonly", "selected", "SELECTED", "Checked",
				     "hidden",  "required", "async",   "open",     "check",
				     "checkedx", "",        "value",   "autofocus"};
	for (size_t i = 0; i < sizeof attrs / sizeof attrs[0]; i++)
		if (html_bool_attr(BAD_CAST attrs[i]) != htmlIsBooleanAttr(BAD_CAST attrs[i]))
			fail_msg("attribute %s: %d, libxml2 %d", attrs[i],
				 html_bool_attr(BAD_CAST attrs[i]),
				 htmlIsBooleanAttr(BAD_CAST attrs[i]));
}

/* The stylesheet of a sample page, as tests/xslt/check finds it. */
static xsltStylesheetPtr case_sheet(xmlDocPtr page, char *path, size_t size)
{
	xmlChar *view = xmlGetProp(xmlDocGetRootElement(page), BAD_CAST "view");
	assert_non_null(view);
	snprintf(path, size, "xslt/%s.xsl", (const char *)view);
	FILE *f = fopen(path, "r");
	if (!f)
		snprintf(path, size, "tests/xslt/views/%s.xsl", (const char *)view);
	else
		fclose(f);
	xmlFree(view);
	xsltStylesheetPtr sheet = xsltParseStylesheetFile(BAD_CAST path);
	if (!sheet)
		fail_msg("cannot compile %s", path);
	return sheet;
}

static void compare_page(const char *what, xmlDocPtr page)
{
	char path[512];
	xsltStylesheetPtr sheet = case_sheet(page, path, sizeof path);
	xmlDocPtr a = xsltApplyStylesheet(sheet, page, NULL);
	xmlDocPtr b = xsltApplyStylesheet(sheet, page, NULL);
	assert_non_null(a);
	assert_non_null(b);
	if (compare(what, a, b, sheet) != HTML_WRITE_OWN)
		fail_msg("%s: the writer fell back to libxml2", what);
	xmlFreeDoc(a);
	xmlFreeDoc(b);
	xsltFreeStylesheet(sheet);
}

static void writer__every_sample_page__as_libxslt(void **state)
{
	(void)state;
	glob_t g;
	assert_int_equal(glob("tests/xslt/cases/*.xml", 0, NULL, &g), 0);
	assert_true(g.gl_pathc >= 10);
	for (size_t i = 0; i < g.gl_pathc; i++) {
		xmlDocPtr page = xmlReadFile(g.gl_pathv[i], NULL, XML_PARSE_NONET);
		assert_non_null(page);
		compare_page(g.gl_pathv[i], page);
		xmlFreeDoc(page);
	}
	globfree(&g);
}

/* The error page (it holds the inline svg) for each status and reason. */
static void writer__error_pages__as_libxslt(void **state)
{
	(void)state;
	static const char *const statuses[] = {"400", "403", "404", "405", "409",
					       "413", "415", "429", "500", "503"};
	for (size_t i = 0; i < sizeof statuses / sizeof statuses[0]; i++) {
		for (int user = 0; user < 2; user++) {
			char xml[1024];
			snprintf(xml, sizeof xml,
				 "<page module='auth' view='error' dev='0' path='/auth/x?a=1&amp;b=\xc3\xa9'>%s"
				 "<today>2026-11-22</today><error status='%s' reason='csrf &lt;x&gt;'/></page>",
				 user ? "<user id='1' login='ENF0120009' first-name='M\xc3\xa9lanie'"
					" last-name='GARRIGUES' kind='partner'/><menu><item key='accueil'"
					" href='/declarations/'>Accueil</item></menu><csrf>t\"o'k</csrf>"
				      : "",
				 statuses[i]);
			xmlDocPtr page = xmlReadMemory(xml, (int)strlen(xml), "error.xml", NULL, 0);
			assert_non_null(page);
			compare_page(statuses[i], page);
			xmlFreeDoc(page);
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(writer__tables__match_libxml2),
		cmocka_unit_test(writer__attribute_values__as_libxslt),
		cmocka_unit_test(writer__boolean_attributes__bare_name_as_libxslt),
		cmocka_unit_test(writer__void_and_empty_elements__as_libxslt),
		cmocka_unit_test(writer__text_script_comments__as_libxslt),
		cmocka_unit_test(writer__svg_namespaces__as_libxslt),
		cmocka_unit_test(writer__doctype_variants__as_libxslt),
		cmocka_unit_test(writer__big_page__as_libxslt),
		cmocka_unit_test(writer__rare_nodes__libxml2_does_them),
		cmocka_unit_test(writer__other_output_settings__libxslt_does_them),
		cmocka_unit_test(writer__empty_result__error),
		cmocka_unit_test(writer__every_sample_page__as_libxslt),
		cmocka_unit_test(writer__error_pages__as_libxslt),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	xsltCleanupGlobals();
	xmlCleanupParser();
	return rc;
}
