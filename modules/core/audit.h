/* The append-only journal. Every state change that matters writes one row
 * in the caller's transaction: actor, action, target, detail (before/after),
 * never a password or a token. */
#ifndef PORTAL_AUDIT_H
#define PORTAL_AUDIT_H

struct portal_ctx;
struct db;

/* actor and address from ctx; returns 0 or the db status. */
int audit_event(struct portal_ctx *ctx, const char *action, const char *target_type,
		long long target_id, const char *detail);
/* For tools without a request (portalctl). actor_id 0 = system. */
int audit_event_db(struct db *db, long long actor_id, const char *ip, const char *action,
		   const char *target_type, long long target_id, const char *detail);

#endif
