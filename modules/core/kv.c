/* Ordered name/value pairs kept in the request arena. */
#include "kv.h"

#include <string.h>

#include "arena.h"

void kv_add(struct arena *a, struct kv_list *l, const char *name, const char *value,
	    size_t value_len)
{
	if (l->count == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 8;
		struct kv *items = arena_alloc(a, cap * sizeof *items);
		if (l->count)
			memcpy(items, l->items, l->count * sizeof *items);
		l->items = items;
		l->cap = cap;
	}
	l->items[l->count].name = name;
	l->items[l->count].value = value;
	l->items[l->count].value_len = value_len;
	l->count++;
}

const char *kv_get(const struct kv_list *l, const char *name)
{
	return kv_get_nth(l, name, 0);
}

size_t kv_count(const struct kv_list *l, const char *name)
{
	size_t n = 0;
	for (size_t i = 0; i < l->count; i++)
		if (strcmp(l->items[i].name, name) == 0)
			n++;
	return n;
}

const char *kv_get_nth(const struct kv_list *l, const char *name, size_t nth)
{
	for (size_t i = 0; i < l->count; i++)
		if (strcmp(l->items[i].name, name) == 0 && nth-- == 0)
			return l->items[i].value;
	return NULL;
}
