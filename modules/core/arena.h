/* Per-request memory: everything a request allocates lives in one arena
 * released after the response, so handlers never call free(). */
#ifndef PORTAL_ARENA_H
#define PORTAL_ARENA_H

#include <stdarg.h>
#include <stddef.h>
#include <string.h>

struct arena;

struct arena *arena_new(void);
void arena_free(struct arena *a);
/* Releases every block but keeps the first one, ready for the next request. */
void arena_reset(struct arena *a);

/* Never returns NULL: an allocation failure aborts the worker (the host
 * respawns it), which is the only sane answer to OOM in a request. */
void *arena_alloc(struct arena *a, size_t n);
void *arena_zalloc(struct arena *a, size_t n);
char *arena_strdup(struct arena *a, const char *s);
char *arena_strndup(struct arena *a, const char *s, size_t n);
/* A copy of n bytes (n may be 0), e.g. of what a library malloc'ed. */
void *arena_memdup(struct arena *a, const void *p, size_t n);
char *arena_printf(struct arena *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
char *arena_vprintf(struct arena *a, const char *fmt, va_list ap);

/* A byte string growing in an arena (a page, a CSV export, an encoded
 * form), NUL-terminated after len bytes once anything is put. Start with
 * {.arena = a}; arena_buf_reserve() first when the final size is known
 * roughly, so that it is not copied while it doubles. */
struct arena_buf {
	struct arena *arena;
	char *p;
	size_t len, cap;
};

/* Room for n more bytes and the NUL. */
void arena_buf_reserve(struct arena_buf *b, size_t n);

/* Inline: the HTML writer calls these for every piece of every page. */
static inline void arena_buf_put(struct arena_buf *b, const void *s, size_t n)
{
	if (b->cap - b->len <= n)
		arena_buf_reserve(b, n);
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

static inline void arena_buf_putc(struct arena_buf *b, char c)
{
	if (b->cap - b->len <= 1)
		arena_buf_reserve(b, 1);
	b->p[b->len++] = c;
	b->p[b->len] = '\0';
}

#endif
