/* A worker's copies of the sessions it loaded. A signed-in page view then
 * costs one statement that MariaDB's query cache answers (the session's
 * version, sql/003_session_version.sql) instead of the session join, which
 * it can never cache. A copy is used only while its version is the one in
 * the database, so logout, a closed account or a removed right count from
 * the next request on, in every worker of every host. */
#ifndef PORTAL_SESSION_CACHE_H
#define PORTAL_SESSION_CACHE_H

#include <time.h>

#include "session.h"

struct arena;

/* The session as the database holds it, before the expiry rules: in s,
 * last_seen_at is the stored value, and no flash (it is a cookie); closed
 * says the account is closed or not yet open on `today`. */
struct session_snapshot {
	struct session s;
	int closed;
	unsigned long long version;
};

#define SESSION_CACHE_SLOTS 64

/* Keeps a copy of snap for the token hash and the day (capabilities and
 * closing depend on the date), replacing the least recently used slot. */
void session_cache_put(const unsigned char hash[32], const char *today,
		       const struct session_snapshot *snap);
/* 1 and a copy in the arena (strings too) if the hash is kept for today. */
int session_cache_get(struct arena *a, const unsigned char hash[32], const char *today,
		      struct session_snapshot *out);
void session_cache_drop(const unsigned char hash[32]);
void session_cache_clear(void);

#endif
