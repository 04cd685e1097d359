/* An ordered list of decoded name/value pairs (query, form, cookies,
 * headers, route parameters). Names may repeat (checkbox lists). */
#ifndef PORTAL_KV_H
#define PORTAL_KV_H

#include <stddef.h>

struct kv {
	const char *name;
	const char *value;
	size_t value_len; /* values may hold NUL only if the caller allowed it: they never do */
};

struct kv_list {
	struct kv *items;
	size_t count;
	size_t cap;
};

struct arena;

void kv_add(struct arena *a, struct kv_list *l, const char *name, const char *value,
	    size_t value_len);
/* First value for name, or NULL. */
const char *kv_get(const struct kv_list *l, const char *name);
/* How many values carry this name. */
size_t kv_count(const struct kv_list *l, const char *name);
/* The i-th value for name (for repeated checkboxes), or NULL. */
const char *kv_get_nth(const struct kv_list *l, const char *name, size_t i);

#endif
