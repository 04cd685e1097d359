/* The auth module: its per-worker state and its handlers. */
#ifndef AUTH_H
#define AUTH_H

#include <libxml/tree.h>

#include "password_policy.h"
#include "passwords.h"

struct portal_ctx;

struct auth_module {
	const struct portal_config *cfg;
	struct pp_blocklist *blocklist;
	struct pw_cost cost;
	/* A hash of a random secret with the configured cost: unknown e-mails
	 * are verified against it so they take the time of known ones. */
	char dummy_hash[PW_HASH_MAX];
};

/* Per-worker state from ctx. */
struct auth_module *auth_of(struct portal_ctx *ctx);
/* Wipes every form value whose name holds "password" or "captcha" (the
 * request arena is reused, the plaintext must not linger). */
void auth_wipe_secrets(struct portal_ctx *ctx);
/* Where a signed-in user goes next: the form kept when the session expired,
 * or the home page. */
const char *auth_next_path(struct portal_ctx *ctx);
/* Logs a database failure and returns its HTTP status. */
int auth_db_fail(struct portal_ctx *ctx, const char *what, int st);

int auth_home(struct portal_ctx *ctx);
int auth_login_form(struct portal_ctx *ctx);
int auth_login_post(struct portal_ctx *ctx);
int auth_change_form(struct portal_ctx *ctx);
int auth_change_post(struct portal_ctx *ctx);
int auth_reset_form(struct portal_ctx *ctx);
int auth_reset_post(struct portal_ctx *ctx);
int auth_captcha_png(struct portal_ctx *ctx);
int auth_captcha_help(struct portal_ctx *ctx);
int auth_captcha_test_answer(struct portal_ctx *ctx);
int auth_logout_form(struct portal_ctx *ctx);
int auth_logout_post(struct portal_ctx *ctx);
int auth_legal(struct portal_ctx *ctx);

#endif
