/* The worker's kept parts of pages (fragment.h). A worker serves one
 * request at a time, so the store is the process's own, without locks. */
#include "fragment.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "crypto.h"
#include "log.h"
#include "module.h"
#include "page.h"

struct entry {
	char *key;
	char *html;
	size_t len;
	unsigned long long used; /* the store's clock at the last use */
};

static struct {
	struct entry entries[FRAGMENT_MAX_ENTRIES];
	size_t count, bytes;
	unsigned long long clock;
	char marker[40]; /* "pf-" and 32 hex digits, drawn at first use */
} store;

static struct entry *find(const char *key)
{
	for (size_t i = 0; i < store.count; i++)
		if (strcmp(store.entries[i].key, key) == 0)
			return &store.entries[i];
	return NULL;
}

static void drop(struct entry *e)
{
	store.bytes -= e->len;
	free(e->key);
	free(e->html);
	*e = store.entries[--store.count];
}

static void drop_least_recent(void)
{
	struct entry *lru = &store.entries[0];
	for (size_t i = 1; i < store.count; i++)
		if (store.entries[i].used < lru->used)
			lru = &store.entries[i];
	drop(lru);
}

const char *fragment_get(const char *key, size_t *len)
{
	struct entry *e = find(key);
	if (!e)
		return NULL;
	e->used = ++store.clock;
	*len = e->len;
	return e->html;
}

int fragment_put(const char *key, const char *html, size_t len)
{
	if (len > FRAGMENT_MAX_BYTES / 4)
		return -1;
	struct entry *old = find(key);
	if (old)
		drop(old);
	while (store.count > 0 &&
	       (store.count == FRAGMENT_MAX_ENTRIES || store.bytes + len > FRAGMENT_MAX_BYTES))
		drop_least_recent();
	char *k = strdup(key);
	char *h = malloc(len ? len : 1);
	if (!k || !h) {
		free(k);
		free(h);
		return -1;
	}
	memcpy(h, html, len);
	store.entries[store.count++] = (struct entry){k, h, len, ++store.clock};
	store.bytes += len;
	return 0;
}

void fragment_clear(void)
{
	while (store.count > 0)
		drop(&store.entries[store.count - 1]);
}

static const char *marker(void)
{
	if (!store.marker[0]) {
		unsigned char raw[16];
		crypto_random_bytes(raw, sizeof raw);
		char *p = store.marker + sprintf(store.marker, "pf-");
		for (size_t i = 0; i < sizeof raw; i++)
			p += sprintf(p, "%02x", raw[i]);
	}
	return store.marker;
}

int page_fragment(struct portal_ctx *ctx, xmlNodePtr root, const char *key)
{
	/* nothing is put in the store before fragment_finish(): the bytes
	 * stay where they are until then */
	ctx->fragment_key = arena_strdup(ctx->arena, key);
	ctx->fragment_kept = fragment_get(key, &ctx->fragment_kept_len);
	xmlNodePtr f = px_el(root, "fragment");
	px_attr(f, "marker", marker());
	px_attr(f, "cached", ctx->fragment_kept ? "1" : "0");
	return ctx->fragment_kept != NULL;
}

static const char *find_bytes(const char *from, const char *end, const char *s, size_t n)
{
	return memmem(from, (size_t)(end - from), s, n);
}

int fragment_splice(struct arena *arena, const char *html, size_t len, const char *marker,
		    const char *kept, size_t kept_len, char **out, size_t *out_len,
		    const char **part, size_t *part_len)
{
	char start[64], stop[64];
	size_t sn = (size_t)snprintf(start, sizeof start, "<!--%s-->", marker);
	size_t en = (size_t)snprintf(stop, sizeof stop, "<!--/%s-->", marker);
	const char *end = html + len;
	const char *s = find_bytes(html, end, start, sn);
	const char *e = find_bytes(html, end, stop, en);
	*part = NULL;
	*part_len = 0;
	if (!s) {
		if (e || kept)
			return -1;
		*out = (char *)html;
		*out_len = len;
		return 0;
	}
	if (find_bytes(s + sn, end, start, sn))
		return -1;
	if (kept) {
		if (e)
			return -1;
		char *o = arena_alloc(arena, len - sn + kept_len + 1);
		size_t before = (size_t)(s - html);
		memcpy(o, html, before);
		memcpy(o + before, kept, kept_len);
		memcpy(o + before + kept_len, s + sn, (size_t)(end - (s + sn)));
		*out_len = len - sn + kept_len;
		o[*out_len] = '\0';
		*out = o;
		return 0;
	}
	if (!e || e < s + sn || find_bytes(e + en, end, stop, en))
		return -1;
	char *o = arena_alloc(arena, len - sn - en + 1);
	size_t before = (size_t)(s - html), inner = (size_t)(e - (s + sn));
	memcpy(o, html, before);
	memcpy(o + before, s + sn, inner);
	memcpy(o + before + inner, e + en, (size_t)(end - (e + en)));
	*out_len = len - sn - en;
	o[*out_len] = '\0';
	*out = o;
	*part = o + before;
	*part_len = inner;
	return 0;
}

int fragment_finish(struct portal_ctx *ctx, char **html, size_t *len)
{
	char *out;
	size_t out_len;
	const char *part;
	size_t part_len;
	if (fragment_splice(ctx->arena, *html, *len, marker(), ctx->fragment_kept,
			    ctx->fragment_kept_len, &out, &out_len, &part, &part_len) != 0) {
		log_error("page: view %s misplaces the markers of part %s",
			  ctx->view ? ctx->view : "-", ctx->fragment_key);
		return 500;
	}
	if (part)
		fragment_put(ctx->fragment_key, part, part_len);
	*html = out;
	*len = out_len;
	return 0;
}
