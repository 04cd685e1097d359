/* HTML serialisation of XSLT result trees, reproducing libxml2 2.9.14's
 * htmlDocContentDumpFormatOutput() with format 0 as xsltSaveResultTo()
 * calls it. Anything rarer than what our stylesheets produce (entity refs
 * in attributes, CDATA, disable-output-escaping, server-side includes in
 * attributes) is handed to libxml2 itself, so the bytes never differ. */
#include "html_writer.h"

#include <stdint.h>
#include <string.h>

#include <libxml/HTMLtree.h>
#include <libxml/parserInternals.h>
#include <libxslt/imports.h>
#include <libxslt/xsltutils.h>

#include "arena.h"

enum { OUT_FIRST = 32 * 1024 };

/* What the HTML rules say of an element or attribute name. */
enum {
	NAME_VOID = 1,       /* element: html_elem_kind() HTML_ELEM_VOID */
	NAME_OPEN_EMPTY = 2, /* element: HTML_ELEM_OPEN_EMPTY */
	NAME_RAW = 4,        /* element: script or style, text written raw */
	NAME_A = 8,          /* element: a, whose name attribute is a URI */
	NAME_BOOL = 16,      /* attribute: boolean, the bare name */
	NAME_URI = 32,       /* attribute: href, action or src */
	NAME_NAME = 64,      /* attribute: name */
};
enum { NAME_SLOTS = 64 }; /* the hash below keeps 6 bits */

/* The writer: a growable buffer in the request arena (always room for a
 * final NUL), and a cache of name lookups keyed by the name's pointer. The
 * names of a result tree are mostly the stylesheet's dictionary strings,
 * and the tree does not change while it is written. */
struct out {
	struct arena_buf buf;
	struct {
		const xmlChar *name;
		unsigned char bits;
	} names[NAME_SLOTS];
};

static void put(struct out *o, const void *s, size_t n)
{
	arena_buf_put(&o->buf, s, n);
}

static void put_str(struct out *o, const xmlChar *s)
{
	if (s)
		put(o, s, strlen((const char *)s));
}

#define PUT_LIT(o, lit) put((o), (lit), sizeof(lit) - 1)

static void put_char(struct out *o, char c)
{
	arena_buf_putc(&o->buf, c);
}

/* ASCII case-insensitive equality with a lower-case constant, as
 * xmlStrcasecmp() compares names. */
static int name_is(const xmlChar *name, const char *lower)
{
	if (!name)
		return 0;
	for (; *name && *lower; name++, lower++) {
		xmlChar c = *name;
		if (c >= 'A' && c <= 'Z')
			c = (xmlChar)(c - 'A' + 'a');
		if (c != (xmlChar)*lower)
			return 0;
	}
	return *name == 0 && *lower == 0;
}

struct name {
	const char *s;
	size_t len;
};
#define NAME(lit) {(lit), sizeof(lit) - 1}
#define NAME_MAX_LEN 8 /* "basefont", "multiple", ... */

/* Length and first letter weed out almost every name before name_is(). */
static int name_in(const xmlChar *name, const struct name *list, size_t n)
{
	if (!name)
		return 0;
	size_t len = strnlen((const char *)name, NAME_MAX_LEN + 1);
	xmlChar c = name[0] >= 'A' && name[0] <= 'Z' ? (xmlChar)(name[0] - 'A' + 'a') : name[0];
	for (size_t i = 0; i < n; i++)
		if (list[i].len == len && (xmlChar)list[i].s[0] == c && name_is(name, list[i].s))
			return 1;
	return 0;
}

/* libxml2's html40ElementTable: "empty" elements, and li, the only other
 * one with saveEndTag (written <li> when childless). */
enum html_elem_kind html_elem_kind(const xmlChar *name)
{
	static const struct name voids[] = {
		NAME("area"),  NAME("base"),    NAME("basefont"), NAME("br"),   NAME("col"),
		NAME("frame"), NAME("hr"),      NAME("img"),      NAME("input"), NAME("isindex"),
		NAME("link"),  NAME("meta"),    NAME("param"),
	};
	if (name_is(name, "li"))
		return HTML_ELEM_OPEN_EMPTY;
	return name_in(name, voids, sizeof voids / sizeof voids[0]) ? HTML_ELEM_VOID
								     : HTML_ELEM_NORMAL;
}

/* htmlIsBooleanAttr(): written as the bare name, whatever the value. */
int html_bool_attr(const xmlChar *name)
{
	static const struct name bools[] = {
		NAME("checked"),  NAME("compact"), NAME("declare"),  NAME("defer"),
		NAME("disabled"), NAME("ismap"),   NAME("multiple"), NAME("nohref"),
		NAME("noresize"), NAME("noshade"), NAME("nowrap"),   NAME("readonly"),
		NAME("selected"),
	};
	return name_in(name, bools, sizeof bools / sizeof bools[0]);
}

static unsigned name_bits(struct out *o, const xmlChar *name)
{
	/* Fibonacci hashing: dictionary strings are packed, not aligned. */
	size_t slot = (size_t)(((uint64_t)(uintptr_t)name * 0x9E3779B97F4A7C15u) >> 58);
	if (o->names[slot].name == name) /* NULL finds the zeroed slots: no bits */
		return o->names[slot].bits;
	enum html_elem_kind kind = html_elem_kind(name);
	unsigned bits = (kind == HTML_ELEM_VOID ? NAME_VOID : 0) |
			(kind == HTML_ELEM_OPEN_EMPTY ? NAME_OPEN_EMPTY : 0) |
			(name_is(name, "script") || name_is(name, "style") ? NAME_RAW : 0) |
			(name_is(name, "a") ? NAME_A : 0) | (html_bool_attr(name) ? NAME_BOOL : 0) |
			(name_is(name, "href") || name_is(name, "action") || name_is(name, "src")
				 ? NAME_URI
				 : 0) |
			(name_is(name, "name") ? NAME_NAME : 0);
	o->names[slot].name = name;
	o->names[slot].bits = (unsigned char)bits;
	return bits;
}

/* Bytes xmlEncodeEntitiesReentrant() changes in an HTML document: the three
 * markup characters become entities, the control bytes other than \t \n \r
 * are dropped; everything else, UTF-8 included, is copied. */
enum { ESC_END = 1, ESC_DROP = 2, ESC_MARKUP = 4, ESC_QUOT = 8 };
#define D ESC_DROP
static const unsigned char ESC[256] = {
	ESC_END, D, D, D, D, D, D, D, D, 0, 0, D, D, 0, D, D,
	D,       D, D, D, D, D, D, D, D, D, D, D, D, D, D, D,
	['"'] = ESC_QUOT, ['&'] = ESC_MARKUP, ['<'] = ESC_MARKUP, ['>'] = ESC_MARKUP,
};
#undef D

/* Text and attribute values, escaped as xmlEncodeEntitiesReentrant() does;
 * with quot, '"' becomes &quot; too (xmlBufWriteQuotedString() when the
 * value holds both quote characters). */
static void put_escaped(struct out *o, const xmlChar *s, int quot)
{
	unsigned stop = ESC_END | ESC_DROP | ESC_MARKUP | (quot ? ESC_QUOT : 0);
	for (;;) {
		const xmlChar *run = s;
		while (!(ESC[*s] & stop))
			s++;
		put(o, run, (size_t)(s - run));
		switch (*s) {
		case 0:
			return;
		case '<':
			PUT_LIT(o, "&lt;");
			break;
		case '>':
			PUT_LIT(o, "&gt;");
			break;
		case '&':
			PUT_LIT(o, "&amp;");
			break;
		case '"':
			PUT_LIT(o, "&quot;");
			break;
		default: /* a dropped control byte */
			break;
		}
		s++;
	}
}

/* xmlBufWriteQuotedString() of a string written as is (namespace URIs,
 * doctype identifiers). */
static void put_quoted_raw(struct out *o, const xmlChar *s)
{
	const char *dq = strchr((const char *)s, '"');
	if (dq && !strchr((const char *)s, '\'')) {
		put_char(o, '\'');
		put_str(o, s);
		put_char(o, '\'');
		return;
	}
	put_char(o, '"');
	if (!dq) {
		put_str(o, s);
	} else {
		for (; *s; s++) {
			if (*s == '"')
				PUT_LIT(o, "&quot;");
			else
				put_char(o, (char)*s);
		}
	}
	put_char(o, '"');
}

/* xmlURIEscapeStr(value, "@/:=?;#%&,+") keeps these bytes as they are. */
static int uri_keeps(xmlChar c)
{
	if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
		return 1;
	switch (c) {
	case '-': case '_': case '.': case '!': case '~': case '*': case '\'': case '(': case ')':
	case '@': case '/': case ':': case '=': case '?': case ';': case '#': case '%': case '&':
	case ',': case '+':
		return 1;
	default:
		return 0;
	}
}

/* href, action, src (and name on <a>): libxml2 entity-escapes the value,
 * skips its leading blanks, then URI-escapes it, which keeps the entities'
 * & and ; and the ' but turns " into %22, so double quotes always do. */
static void put_uri_value(struct out *o, const xmlChar *s)
{
	static const char hex[] = "0123456789ABCDEF";
	/* Leading blanks of the escaped value: dropped bytes do not count. */
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || (ESC[*s] & ESC_DROP))
		s++;
	put_char(o, '"');
	for (; *s; s++) {
		const xmlChar *run = s;
		while (uri_keeps(*s) && *s != '&') /* & is kept, as &amp; */
			s++;
		put(o, run, (size_t)(s - run));
		xmlChar c = *s;
		if (c == 0) {
			break;
		} else if (c == '<') {
			PUT_LIT(o, "&lt;");
		} else if (c == '>') {
			PUT_LIT(o, "&gt;");
		} else if (c == '&') {
			PUT_LIT(o, "&amp;");
		} else if (ESC[c] & ESC_DROP) {
			continue;
		} else {
			char esc[3] = {'%', hex[c >> 4], hex[c & 15]};
			put(o, esc, 3);
		}
	}
	put_char(o, '"');
}

static void put_qname(struct out *o, xmlNsPtr ns, const xmlChar *name)
{
	if (ns && ns->prefix) {
		put_str(o, ns->prefix);
		put_char(o, ':');
	}
	put_str(o, name);
}

static int is_uri_attr(struct out *o, unsigned bits, xmlAttrPtr a, xmlNodePtr el)
{
	if (a->ns || el->ns)
		return 0;
	return (bits & NAME_URI) || ((bits & NAME_NAME) && (name_bits(o, el->name) & NAME_A));
}

/* htmlAttrDumpOutput(). Returns -1 for a value this writer leaves to
 * libxml2: not a single text node, or holding the "<!--" and "&{"
 * constructs that xmlEncodeAttributeEntities() copies unescaped. */
static int put_attr(struct out *o, xmlAttrPtr a, xmlNodePtr el)
{
	put_char(o, ' ');
	put_qname(o, a->ns, a->name);
	unsigned bits = name_bits(o, a->name);
	if (!a->children || (bits & NAME_BOOL))
		return 0;
	xmlNodePtr t = a->children;
	if (t->type != XML_TEXT_NODE || t->next)
		return -1;
	const xmlChar *v = t->content;
	if (!v) {
		PUT_LIT(o, "=\"\"");
		return 0;
	}
	int dq = 0, sq = 0;
	for (const char *p = strpbrk((const char *)v, "\"'<&"); p; p = strpbrk(p + 1, "\"'<&")) {
		if (*p == '"')
			dq = 1;
		else if (*p == '\'')
			sq = 1;
		else if ((*p == '<' && p[1] == '!') || (*p == '&' && p[1] == '{'))
			return -1;
	}
	put_char(o, '=');
	if (is_uri_attr(o, bits, a, el)) {
		put_uri_value(o, v);
	} else if (dq && !sq) {
		put_char(o, '\'');
		put_escaped(o, v, 0);
		put_char(o, '\'');
	} else {
		put_char(o, '"');
		put_escaped(o, v, dq);
		put_char(o, '"');
	}
	return 0;
}

/* xmlNsListDumpOutput(): the xmlns declarations carried by an element. */
static void put_ns_defs(struct out *o, xmlNsPtr ns)
{
	for (; ns; ns = ns->next) {
		if (ns->type != XML_LOCAL_NAMESPACE || !ns->href ||
		    (ns->prefix && strcmp((const char *)ns->prefix, "xml") == 0))
			continue;
		if (ns->prefix) {
			PUT_LIT(o, " xmlns:");
			put_str(o, ns->prefix);
		} else {
			PUT_LIT(o, " xmlns");
		}
		put_char(o, '=');
		put_quoted_raw(o, ns->href);
	}
}

/* The start tag; returns 1 when the children are to be written, 0 when the
 * element is complete, -1 when libxml2 must serialise the document. */
static int open_element(struct out *o, xmlNodePtr el)
{
	put_char(o, '<');
	put_qname(o, el->ns, el->name);
	put_ns_defs(o, el->nsDef);
	for (xmlAttrPtr a = el->properties; a; a = a->next)
		if (put_attr(o, a, el) < 0)
			return -1;
	/* Only elements without a namespace get the HTML rules. */
	unsigned bits = el->ns ? 0 : name_bits(o, el->name);
	if ((bits & NAME_VOID) || (!el->children && (bits & NAME_OPEN_EMPTY))) {
		put_char(o, '>');
		return 0;
	}
	if (!el->children) {
		PUT_LIT(o, "></");
		put_qname(o, el->ns, el->name);
		put_char(o, '>');
		return 0;
	}
	put_char(o, '>');
	return 1;
}

static void close_element(struct out *o, xmlNodePtr el)
{
	PUT_LIT(o, "</");
	put_qname(o, el->ns, el->name);
	put_char(o, '>');
}

/* Text is escaped except inside script and style, which libxml2 writes
 * raw; disable-output-escaping text (never used by our stylesheets) is
 * left to libxml2. */
static int put_text(struct out *o, xmlNodePtr t)
{
	if (!t->content)
		return 0;
	if (t->name == xmlStringTextNoenc)
		return -1;
	xmlNodePtr p = t->parent;
	if (p && (name_bits(o, p->name) & NAME_RAW))
		put_str(o, t->content);
	else
		put_escaped(o, t->content, 0);
	return 0;
}

/* htmlDtdDumpOutput() */
static void put_doctype(struct out *o, xmlDtdPtr dtd)
{
	PUT_LIT(o, "<!DOCTYPE ");
	put_str(o, dtd->name);
	if (dtd->ExternalID) {
		PUT_LIT(o, " PUBLIC ");
		put_quoted_raw(o, dtd->ExternalID);
		if (dtd->SystemID) {
			put_char(o, ' ');
			put_quoted_raw(o, dtd->SystemID);
		}
	} else if (dtd->SystemID &&
		   strcmp((const char *)dtd->SystemID, "about:legacy-compat") != 0) {
		/* libxml2 writes the HTML5 doctype for that one. */
		PUT_LIT(o, " SYSTEM ");
		put_quoted_raw(o, dtd->SystemID);
	}
	PUT_LIT(o, ">\n");
}

/* One node that has no children to write; -1 if libxml2 must do it. */
static int put_leaf(struct out *o, xmlNodePtr cur)
{
	switch (cur->type) {
	case XML_TEXT_NODE:
		return put_text(o, cur);
	case XML_COMMENT_NODE:
		if (cur->content) {
			PUT_LIT(o, "<!--");
			put_str(o, cur->content);
			PUT_LIT(o, "-->");
		}
		return 0;
	case XML_PI_NODE:
		if (cur->name) {
			PUT_LIT(o, "<?");
			put_str(o, cur->name);
			if (cur->content) {
				put_char(o, ' ');
				put_str(o, cur->content);
			}
			put_char(o, '>');
		}
		return 0;
	case XML_ENTITY_REF_NODE:
		put_char(o, '&');
		put_str(o, cur->name);
		put_char(o, ';');
		return 0;
	case XML_DTD_NODE: /* written from doc->intSubset */
		return 0;
	default:
		return -1;
	}
}

/* The document walked without recursion, in libxml2's order; the final
 * newline comes when the walk climbs back to the document. */
static int put_document(struct out *o, xmlDocPtr doc)
{
	if (doc->intSubset)
		put_doctype(o, doc->intSubset);
	xmlNodePtr cur = doc->children;
	while (cur) {
		int descend = 0;
		if (cur->type == XML_ELEMENT_NODE)
			descend = open_element(o, cur);
		else if (put_leaf(o, cur) < 0)
			return -1;
		if (descend < 0)
			return -1;
		if (descend) {
			cur = cur->children;
			continue;
		}
		while (!cur->next) {
			cur = cur->parent;
			if (!cur || cur == (xmlNodePtr)doc) {
				put_char(o, '\n');
				return 0;
			}
			close_element(o, cur);
		}
		cur = cur->next;
	}
	return 0;
}

static char *arena_copy(struct arena *arena, const void *s, size_t n)
{
	char *p = arena_alloc(arena, n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

/* libxslt's own serialisation, for output settings we do not reproduce. */
static enum html_write_path save_with_libxslt(struct arena *arena, xmlDocPtr result,
					      xsltStylesheetPtr sheet, char **html,
					      size_t *len)
{
	xmlChar *s = NULL;
	int n = 0;
	if (xsltSaveResultToString(&s, &n, result, sheet) != 0 || !s) {
		xmlFree(s);
		return HTML_WRITE_ERROR;
	}
	*html = arena_copy(arena, s, (size_t)n);
	*len = (size_t)n;
	xmlFree(s);
	return HTML_WRITE_LIBXML;
}

/* What xsltSaveResultTo() does once the meta is in place. */
static enum html_write_path dump_with_libxml(struct arena *arena, xmlDocPtr result,
					     const xmlChar *encoding, char **html,
					     size_t *len)
{
	xmlOutputBufferPtr buf = xmlAllocOutputBuffer(NULL);
	if (!buf)
		return HTML_WRITE_ERROR;
	htmlDocContentDumpFormatOutput(buf, result, (const char *)encoding, 0);
	xmlOutputBufferFlush(buf);
	*len = xmlOutputBufferGetSize(buf);
	*html = arena_copy(arena, xmlOutputBufferGetContent(buf), *len);
	xmlOutputBufferClose(buf);
	return HTML_WRITE_LIBXML;
}

enum html_write_path html_write_result(struct arena *arena, xmlDocPtr result,
				       xsltStylesheetPtr sheet, char **html, size_t *len)
{
	const xmlChar *method, *encoding;
	int indent;
	XSLT_GET_IMPORT_PTR(method, sheet, method)
	XSLT_GET_IMPORT_PTR(encoding, sheet, encoding)
	XSLT_GET_IMPORT_INT(indent, sheet, indent)
	/* Our writer knows html, UTF-8 (no encoder), no indentation only. */
	if (sheet->methodURI || !method || !xmlStrEqual(method, BAD_CAST "html") ||
	    !encoding || xmlStrcasecmp(encoding, BAD_CAST "UTF-8") != 0 || indent != 0 ||
	    result->type != XML_HTML_DOCUMENT_NODE)
		return save_with_libxslt(arena, result, sheet, html, len);
	/* xsltSaveResultToString() gives no string for an empty result. */
	if (!result->children ||
	    (result->children->type == XML_DTD_NODE && !result->children->next))
		return HTML_WRITE_ERROR;

	htmlSetMetaEncoding(result, encoding);
	struct out o = {.buf = {.arena = arena}};
	arena_buf_reserve(&o.buf, OUT_FIRST);
	if (put_document(&o, result) < 0)
		return dump_with_libxml(arena, result, encoding, html, len);
	*html = o.buf.p;
	*len = o.buf.len;
	return HTML_WRITE_OWN;
}
