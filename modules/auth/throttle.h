/* Brute-force arithmetic: how long to wait after n failures, when the soft
 * lock starts, and the French "retry after" time. Pure functions; the
 * counters themselves live in MariaDB (auth_store.c). */
#ifndef AUTH_THROTTLE_H
#define AUTH_THROTTLE_H

#include <stddef.h>
#include <time.h>

struct portal_config;

struct throttle_policy {
	int threshold;		/* failures in the window that lock */
	long lock_seconds;	/* how long the soft lock lasts (also the window) */
	long delay_base;	/* first growing delay, in seconds */
	long delay_max;		/* the delay never grows past this */
	int free_failures;	/* failures without any delay */
};

/* login_lock_threshold (5), login_lock_minutes (15),
 * login_delay_base_seconds (1), login_delay_max_seconds (30): for one
 * account. The per-address policy multiplies the threshold by
 * login_ip_factor (10): a town hall's users share one address. */
struct throttle_policy throttle_account_policy(const struct portal_config *cfg);
struct throttle_policy throttle_ip_policy(const struct portal_config *cfg);

/* Seconds to wait after the n-th failure (0 for the free ones, then
 * base, 2*base, 4*base ... capped). */
long throttle_delay(const struct throttle_policy *p, int failures);
/* Whether the n-th failure locks. */
int throttle_locks(const struct throttle_policy *p, int failures);

/* "HHhMM" (local time) of the first whole minute at or after t, so that
 * "Réessayez après HHhMM" is never too early. buf >= 8. */
void throttle_format_retry(time_t t, char *buf, size_t n);

#endif
