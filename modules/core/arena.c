/* Per-request arena: a chain of blocks, bump allocation, one release. */
#include "arena.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { ARENA_BLOCK = 64 * 1024, ARENA_ALIGN = 16, ARENA_SPARE_MAX = 1024 * 1024 };

struct block {
	struct block *next;
	size_t size; /* usable bytes after the header */
	size_t used;
	_Alignas(16) unsigned char data[];
};

struct arena {
	struct block *head;  /* the block being filled; the first block is last */
	struct block *spare; /* emptied by arena_reset, used again before malloc */
	size_t spare_bytes;
};

static struct block *block_new(size_t size)
{
	if (size > SIZE_MAX - sizeof(struct block))
		abort();
	struct block *b = malloc(sizeof *b + size);
	if (!b) {
		fputs("arena: out of memory\n", stderr);
		abort();
	}
	b->next = NULL;
	b->size = size;
	b->used = 0;
	return b;
}

struct arena *arena_new(void)
{
	struct arena *a = malloc(sizeof *a);
	if (!a)
		abort();
	a->head = block_new(ARENA_BLOCK);
	a->spare = NULL;
	a->spare_bytes = 0;
	return a;
}

static void free_blocks(struct block *b)
{
	while (b) {
		struct block *next = b->next;
		free(b);
		b = next;
	}
}

void arena_free(struct arena *a)
{
	if (!a)
		return;
	free_blocks(a->head);
	free_blocks(a->spare);
	free(a);
}

/* The blocks of a request are kept for the next one (up to
 * ARENA_SPARE_MAX bytes): freeing and asking malloc again for blocks of
 * 64 KiB and more made glibc consolidate its fast bins at every page, a
 * few percent of a worker (perf, statistics page). */
void arena_reset(struct arena *a)
{
	struct block *b = a->head;
	while (b->next) {
		struct block *next = b->next;
		if (a->spare_bytes + b->size <= ARENA_SPARE_MAX) {
			b->next = a->spare;
			a->spare = b;
			a->spare_bytes += b->size;
		} else {
			free(b);
		}
		b = next;
	}
	b->used = 0;
	a->head = b;
}

/* A spare block of at least size bytes, taken off the list, or a new one. */
static struct block *block_for(struct arena *a, size_t size)
{
	for (struct block **p = &a->spare; *p; p = &(*p)->next) {
		struct block *b = *p;
		if (b->size >= size) {
			*p = b->next;
			a->spare_bytes -= b->size;
			b->next = NULL;
			b->used = 0;
			return b;
		}
	}
	return block_new(size);
}

void *arena_alloc(struct arena *a, size_t n)
{
	if (n == 0)
		n = 1;
	if (n > SIZE_MAX - ARENA_ALIGN)
		abort();
	size_t need = (n + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
	struct block *b = a->head;
	if (b->size - b->used < need) {
		/* A big allocation gets a block of its own. */
		b = block_for(a, need > ARENA_BLOCK / 4 ? need : ARENA_BLOCK);
		b->next = a->head;
		a->head = b;
	}
	void *p = b->data + b->used;
	b->used += need;
	return p;
}

void *arena_zalloc(struct arena *a, size_t n)
{
	void *p = arena_alloc(a, n);
	memset(p, 0, n);
	return p;
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
	size_t len = strnlen(s, n);
	char *p = arena_alloc(a, len + 1);
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

void *arena_memdup(struct arena *a, const void *p, size_t n)
{
	void *out = arena_alloc(a, n);
	if (n)
		memcpy(out, p, n);
	return out;
}

char *arena_strdup(struct arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}

void arena_buf_reserve(struct arena_buf *b, size_t n)
{
	if (b->cap - b->len > n)
		return;
	size_t cap = b->cap ? b->cap * 2 : 256;
	while (cap - b->len <= n)
		cap *= 2;
	char *p = arena_alloc(b->arena, cap);
	if (b->len)
		memcpy(p, b->p, b->len);
	b->p = p;
	b->cap = cap;
}

char *arena_vprintf(struct arena *a, const char *fmt, va_list ap)
{
	va_list copy;
	va_copy(copy, ap);
	int n = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	if (n < 0)
		abort();
	char *p = arena_alloc(a, (size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	return p;
}

char *arena_printf(struct arena *a, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *p = arena_vprintf(a, fmt, ap);
	va_end(ap);
	return p;
}
