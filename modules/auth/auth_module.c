/* The auth module's descriptor: every page of /auth and its protection in
 * one table; the per-worker state (blocklist, hash cost, dummy hash). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "arena.h"
#include "auth.h"
#include "config.h"
#include "crypto.h"
#include "db.h"
#include "log.h"
#include "module.h"
#include "request.h"
#include "response.h"
#include "session.h"

#define VISITOR ACCESS_VISITOR_SESSION
#define SIGNED_IN (ACCESS_AUTH | ACCESS_PASSWORD_CHANGE)

static const struct portal_route ROUTES[] = {
	{"GET", "/", auth_home, ACCESS_PUBLIC, 0},
	{"GET", "/auth/", auth_home, ACCESS_PUBLIC, 0},
	{"GET", "/auth/connexion", auth_login_form, VISITOR, 0},
	{"POST", "/auth/connexion", auth_login_post, VISITOR, 0},
	{"GET", "/auth/mot-de-passe", auth_change_form, SIGNED_IN, 0},
	{"POST", "/auth/mot-de-passe", auth_change_post, SIGNED_IN, 0},
	{"GET", "/auth/mot-de-passe-oublie", auth_reset_form, VISITOR, 0},
	{"POST", "/auth/mot-de-passe-oublie", auth_reset_post, VISITOR, 0},
	{"GET", "/auth/captcha.png", auth_captcha_png, VISITOR, 0},
	{"GET", "/auth/aide-verification", auth_captcha_help, ACCESS_PUBLIC, 0},
	/* 404 unless test_hooks = yes (integration tests only). */
	{"GET", "/auth/captcha-test-answer", auth_captcha_test_answer, VISITOR, 0},
	{"GET", "/auth/deconnexion", auth_logout_form, SIGNED_IN, 0},
	{"POST", "/auth/deconnexion", auth_logout_post, SIGNED_IN, 0},
	{"GET", "/auth/mentions-legales", auth_legal, ACCESS_PUBLIC, 0},
};

static void *auth_init(const struct portal_worker_info *w)
{
	struct auth_module *m = calloc(1, sizeof *m);
	if (!m)
		return NULL;
	m->cfg = w->cfg;
	if (sodium_init() < 0) {
		free(m);
		return NULL;
	}
	const char *path = config_get(w->cfg, "password_blocklist",
				      "modules/auth/password-blocklist.txt");
	m->blocklist = pp_blocklist_load(path);
	if (!m->blocklist) {
		log_error("auth: cannot read the password blocklist %s", path);
		free(m);
		return NULL;
	}
	m->cost = pw_cost_from_config(w->cfg);
	char secret[48];
	crypto_random_token(secret, sizeof secret, 24);
	if (pw_hash(&m->cost, secret, strlen(secret), m->dummy_hash) != PW_OK) {
		log_error("auth: cannot hash with the configured argon2 cost");
		pp_blocklist_free(m->blocklist);
		free(m);
		return NULL;
	}
	sodium_memzero(secret, sizeof secret);
	return m;
}

static void auth_fini(void *data)
{
	struct auth_module *m = data;
	if (!m)
		return;
	pp_blocklist_free(m->blocklist);
	free(m);
}

PORTAL_EXPORT const struct portal_module portal_module_descriptor = {
	.abi = PORTAL_MODULE_ABI,
	.name = "auth",
	.prefix = "/auth",
	.init = auth_init,
	.fini = auth_fini,
	.routes = ROUTES,
	.nroutes = sizeof ROUTES / sizeof ROUTES[0],
};

struct auth_module *auth_of(struct portal_ctx *ctx)
{
	return ctx->module_data;
}

void auth_wipe_secrets(struct portal_ctx *ctx)
{
	struct kv_list *f = &ctx->req->form;
	for (size_t i = 0; i < f->count; i++)
		if (strstr(f->items[i].name, "password") || strstr(f->items[i].name, "captcha"))
			sodium_memzero((char *)f->items[i].value, strlen(f->items[i].value));
}

const char *auth_next_path(struct portal_ctx *ctx)
{
	const char *saved = session_saved_form_path(ctx);
	return saved && response_is_local_path(saved) ? saved : "/declarations/";
}

int auth_db_fail(struct portal_ctx *ctx, const char *what, int st)
{
	log_error("auth: %s failed: %s", what, db_last_error(ctx->db));
	if (db_in_transaction(ctx->db))
		db_rollback(ctx->db);
	return st < 0 ? 500 : db_http_status((enum db_status)st);
}

/* "/": a visitor goes to the login page, a signed-in user home. */
int auth_home(struct portal_ctx *ctx)
{
	return ctx_redirect(ctx, ctx_account_id(ctx) ? "/declarations/" : "/auth/connexion");
}
