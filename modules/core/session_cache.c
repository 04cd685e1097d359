/* Fixed slots, least recently used replaced: a worker serves a few dozen
 * people at a time, and a linear scan of 64 hashes costs less than one
 * system call. Each slot owns one malloc'd block of its strings. */
#include "session_cache.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"

struct slot {
	int used;
	unsigned char hash[32];
	char today[11];
	uint64_t last_use;
	struct session_snapshot snap;
	char *strings;
};

static struct slot slots[SESSION_CACHE_SLOTS];
static uint64_t tick;

static struct slot *find(const unsigned char hash[32])
{
	for (size_t i = 0; i < SESSION_CACHE_SLOTS; i++)
		if (slots[i].used && memcmp(slots[i].hash, hash, 32) == 0)
			return &slots[i];
	return NULL;
}

static void release(struct slot *sl)
{
	free(sl->strings);
	memset(sl, 0, sizeof *sl);
}

/* The strings a session points to, in the order they are packed. */
static const char **string_field(struct session *s, size_t i)
{
	const char **fields[] = {&s->login, &s->email, &s->first_name, &s->last_name,
				 &s->account_kind};
	return i < sizeof fields / sizeof *fields ? fields[i] : NULL;
}

void session_cache_put(const unsigned char hash[32], const char *today,
		       const struct session_snapshot *snap)
{
	if (strlen(today) >= sizeof slots[0].today)
		return;
	struct slot *sl = find(hash);
	if (!sl) {
		sl = &slots[0];
		for (size_t i = 0; i < SESSION_CACHE_SLOTS && sl->used; i++)
			if (!slots[i].used || slots[i].last_use < sl->last_use)
				sl = &slots[i];
	}
	release(sl);
	struct session_snapshot copy = *snap;
	copy.s.flash_kind = copy.s.flash_message = NULL; /* the request's cookie */
	copy.s.flash_pending = 0;
	size_t total = 0;
	const char **f;
	for (size_t i = 0; (f = string_field(&copy.s, i)); i++)
		total += *f ? strlen(*f) + 1 : 0;
	char *block = malloc(total ? total : 1);
	if (!block)
		return; /* not kept: the next request loads it again */
	char *p = block;
	for (size_t i = 0; (f = string_field(&copy.s, i)); i++) {
		if (!*f)
			continue;
		size_t n = strlen(*f) + 1;
		memcpy(p, *f, n);
		*f = p;
		p += n;
	}
	sl->used = 1;
	memcpy(sl->hash, hash, 32);
	strcpy(sl->today, today);
	sl->last_use = ++tick;
	sl->snap = copy;
	sl->strings = block;
}

int session_cache_get(struct arena *a, const unsigned char hash[32], const char *today,
		      struct session_snapshot *out)
{
	struct slot *sl = find(hash);
	if (!sl)
		return 0;
	if (strcmp(sl->today, today) != 0) {
		release(sl);
		return 0;
	}
	sl->last_use = ++tick;
	*out = sl->snap;
	const char **f;
	for (size_t i = 0; (f = string_field(&out->s, i)); i++)
		if (*f)
			*f = arena_strdup(a, *f);
	return 1;
}

void session_cache_drop(const unsigned char hash[32])
{
	struct slot *sl = find(hash);
	if (sl)
		release(sl);
}

void session_cache_clear(void)
{
	for (size_t i = 0; i < SESSION_CACHE_SLOTS; i++)
		if (slots[i].used)
			release(&slots[i]);
}
