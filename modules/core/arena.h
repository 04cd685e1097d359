/* Per-request memory: everything a request allocates lives in one arena
 * released after the response, so handlers never call free(). */
#ifndef PORTAL_ARENA_H
#define PORTAL_ARENA_H

#include <stdarg.h>
#include <stddef.h>

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
char *arena_printf(struct arena *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
char *arena_vprintf(struct arena *a, const char *fmt, va_list ap);

#endif
