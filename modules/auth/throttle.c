/* Growing delays then a soft lock: never a permanent lock a stranger could
 * impose on someone. */
#include "throttle.h"

#include <stdio.h>
#include <string.h>

#include "clock.h"
#include "config.h"

struct throttle_policy throttle_account_policy(const struct portal_config *cfg)
{
	struct throttle_policy p;
	p.threshold = (int)config_int(cfg, "login_lock_threshold", 5);
	p.lock_seconds = config_int(cfg, "login_lock_minutes", 15) * 60;
	p.delay_base = config_int(cfg, "login_delay_base_seconds", 1);
	p.delay_max = config_int(cfg, "login_delay_max_seconds", 30);
	p.free_failures = 2;
	if (p.threshold < 1)
		p.threshold = 1;
	if (p.lock_seconds < 60)
		p.lock_seconds = 60;
	return p;
}

struct throttle_policy throttle_ip_policy(const struct portal_config *cfg)
{
	struct throttle_policy p = throttle_account_policy(cfg);
	long factor = config_int(cfg, "login_ip_factor", 10);
	p.threshold *= factor > 0 ? (int)factor : 1;
	p.free_failures = p.threshold / 2;
	return p;
}

long throttle_delay(const struct throttle_policy *p, int failures)
{
	if (failures <= p->free_failures || p->delay_base <= 0)
		return 0;
	long d = p->delay_base;
	for (int i = p->free_failures + 1; i < failures && d < p->delay_max; i++)
		d *= 2;
	return d > p->delay_max ? p->delay_max : d;
}

int throttle_locks(const struct throttle_policy *p, int failures)
{
	return failures >= p->threshold;
}

void throttle_format_retry(time_t t, char *buf, size_t n)
{
	char full[32];
	time_t up = t % 60 ? t + (60 - t % 60) : t;
	clock_format_datetime(up, full, sizeof full);
	/* "JJ/MM/AAAA à HHhMM": keep the time. */
	const char *hm = strrchr(full, ' ');
	snprintf(buf, n, "%s", hm ? hm + 1 : full);
}
