/* A part of a page that is the same for every caller allowed to see it (a
 * facility's published statistics): the stylesheet draws it once, the
 * worker keeps its HTML under a key naming every datum the part shows, and
 * later pages splice those bytes in instead of drawing it again.
 *
 * The handler, once it has checked that the caller may see the part, calls
 * page_fragment(ctx, root, key) after page_new(). It adds
 * <fragment marker="..." cached="1|0"/> to the page; when cached="1" the
 * handler may skip reading the part's data and the stylesheet skips
 * drawing it. The stylesheet writes the part between the comments
 * <!--MARKER--> and <!--/MARKER--> (xslt/forms.xsl: kept-part-start,
 * kept-part-end). MARKER is random per worker and never sent, so no data of
 * a page can forge it. page_render() then keeps the part (cached="0") or
 * puts it in place of <!--MARKER--> (cached="1"), and removes the markers.
 *
 * A key must change whenever anything the part shows may have changed:
 * nothing else ever removes an entry but the worker's bound on memory. */
#ifndef PORTAL_FRAGMENT_H
#define PORTAL_FRAGMENT_H

#include <stddef.h>

#include <libxml/tree.h>

struct portal_ctx;
struct arena;

/* 1 when the part's HTML is kept (the handler need not read its data),
 * else 0; either way the page says so to its stylesheet. */
int page_fragment(struct portal_ctx *ctx, xmlNodePtr root, const char *key);

/* After the page's HTML is written: keeps the part drawn under
 * ctx->fragment_key, or puts ctx->fragment_kept in its place, markers
 * removed. 0, or 500 when a kept part's marker is missing or a marker is
 * repeated (logged). */
int fragment_finish(struct portal_ctx *ctx, char **html, size_t *len);

/* The worker's store, bounded by FRAGMENT_MAX_BYTES of HTML and
 * FRAGMENT_MAX_ENTRIES entries; the least recently used go first. */
#define FRAGMENT_MAX_BYTES (2u << 20)
#define FRAGMENT_MAX_ENTRIES 256
/* The bytes kept under key, or NULL. */
const char *fragment_get(const char *key, size_t *len);
/* Keeps a copy (replacing any under key); a part larger than a quarter of
 * the bound is not kept. 0, or -1 when it is not kept. */
int fragment_put(const char *key, const char *html, size_t len);
/* Forgets every entry (tests). */
void fragment_clear(void);

/* The splice itself, pure: html holds the page written with marker
 * comments <!--marker--> (and, when kept is NULL, <!--/marker-->). With
 * kept: the single start marker is replaced by kept. Without: the text
 * between the markers is returned in *part (pointing into *out), the
 * markers removed. No marker at all: *out = html, *part = NULL, 0.
 * -1 when a marker is repeated, an end comes without its start or kept
 * is given with no start. */
int fragment_splice(struct arena *arena, const char *html, size_t len, const char *marker,
		    const char *kept, size_t kept_len, char **out, size_t *out_len,
		    const char **part, size_t *part_len);

#endif
