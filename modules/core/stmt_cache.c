/* The prepared statements' table (stmt_cache.h). */
#include "stmt_cache.h"

#include <stddef.h>
#include <stdint.h>

static size_t home_of(const char *sql)
{
	uintptr_t p = (uintptr_t)sql;
	return (size_t)((p >> 3) ^ (p >> 11)) % STMT_CACHE_SIZE;
}

struct stmt_slot *stmt_cache_find(struct stmt_slot *slots, const char *sql)
{
	size_t home = home_of(sql);
	for (size_t k = 0; k < STMT_CACHE_PROBES; k++) {
		struct stmt_slot *s = &slots[(home + k) % STMT_CACHE_SIZE];
		if (s->sql == sql)
			return s;
	}
	return NULL;
}

struct stmt_slot *stmt_cache_place(struct stmt_slot *slots, const char *sql)
{
	size_t home = home_of(sql);
	for (size_t k = 0; k < STMT_CACHE_PROBES; k++) {
		struct stmt_slot *s = &slots[(home + k) % STMT_CACHE_SIZE];
		if (!s->sql || s->sql == sql)
			return s;
	}
	/* a module with more than a few hundred statements: a rare one goes */
	return &slots[home];
}
