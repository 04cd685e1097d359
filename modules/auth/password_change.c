/* "Mot de passe actuel / Nouveau mot de passe / Confirmation mot de passe":
 * the voluntary change (checkbox at login), the forced one (day 46, portal
 * update, temporary password) and the policy upgrade all land here. */
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "audit.h"
#include "auth.h"
#include "auth_sql.h"
#include "auth_store.h"
#include "clock.h"
#include "config.h"
#include "db.h"
#include "log.h"
#include "module.h"
#include "page.h"
#include "request.h"
#include "session.h"
#include "throttle.h"

/* Why the form is shown: "expired", "forced" or "voluntary". */
static const char *reason_of(struct portal_ctx *ctx, const struct auth_account *a, time_t now)
{
	long days = config_int(ctx->cfg, "password_validity_days", 45);
	if (a->must_change)
		return "forced";
	if (pw_expired(a->password_set_at, days, now))
		return "expired";
	return "voluntary";
}

static xmlNodePtr change_page(struct portal_ctx *ctx, const struct auth_account *a, time_t now)
{
	long days = config_int(ctx->cfg, "password_validity_days", 45);
	xmlNodePtr root = page_new(ctx, "auth/mot-de-passe");
	xmlNodePtr pc = px_el(root, "password-change");
	px_attr(pc, "reason", reason_of(ctx, a, now));
	px_attr_int(pc, "validity-days", days);
	px_attr_int(pc, "min", PP_MIN_CHARS);
	px_attr_int(pc, "max", PP_MAX_CHARS);
	if (a->password_set_at > 0) {
		char when[32];
		clock_format_datetime(pw_expires_at(a->password_set_at, days), when, sizeof when);
		px_attr(pc, "expires", when);
	}
	return root;
}

static int load_self(struct portal_ctx *ctx, struct auth_account *a)
{
	int found = 0;
	enum db_status st = store_account_by_id(ctx->db, ctx->arena, ctx_today(ctx),
						ctx_account_id(ctx), a, &found);
	if (st != DB_OK)
		return auth_db_fail(ctx, "account load", st);
	return found ? 0 : 404;
}

int auth_change_form(struct portal_ctx *ctx)
{
	struct auth_account a;
	int rc = load_self(ctx, &a);
	if (rc)
		return rc;
	change_page(ctx, &a, portal_now());
	return 0;
}

/* Every broken rule of the new password, named next to its field. */
static void check_new(struct portal_ctx *ctx, xmlNodePtr root, const struct auth_account *a,
		      const char *cur, const char *pw, const char *confirm)
{
	struct auth_module *m = auth_of(ctx);
	unsigned broken = pp_check(pw, strlen(pw), a->email, m->blocklist);
	for (unsigned bit = 1; bit <= PP_REUSED; bit <<= 1)
		if (broken & bit)
			page_error(root, "password_new", pp_message((enum pp_rule)bit));
	if (!pp_confirm_equal(pw, confirm))
		page_error(root, "password_confirm", pp_message(PP_CONFIRM));
	if (broken)
		return;
	/* The current password and the 3 previous ones, by their hashes. */
	const char *hashes[4];
	size_t n = 0;
	if (strcmp(pw, cur) == 0) {
		page_error(root, "password_new", pp_message(PP_REUSED));
		return;
	}
	enum db_status st = store_history_last3(ctx->db, ctx->arena, a->id, hashes + 1, &n);
	hashes[0] = a->password_hash;
	if (st == DB_OK && pw_matches_any(pw, strlen(pw), hashes, n + 1))
		page_error(root, "password_new", pp_message(PP_REUSED));
}

int auth_change_post(struct portal_ctx *ctx)
{
	struct auth_module *m = auth_of(ctx);
	struct auth_account a;
	int rc = load_self(ctx, &a);
	if (rc)
		return rc;
	time_t now = portal_now();
	const char *cur = ctx_form(ctx, "password_current");
	const char *pw = ctx_form(ctx, "password_new");
	const char *confirm = ctx_form(ctx, "password_confirm");
	xmlNodePtr root = change_page(ctx, &a, now);
	if (!cur || !*cur)
		page_error(root, "password_current", "Saisissez votre mot de passe actuel.");
	if (!pw || !*pw)
		page_error(root, "password_new", "Saisissez un nouveau mot de passe.");
	if (!confirm || !*confirm)
		page_error(root, "password_confirm", "Confirmez le nouveau mot de passe.");
	if (page_error_count(root)) {
		auth_wipe_secrets(ctx);
		return 0;
	}

	/* The current password is a guess like any other: same counters as
	 * the login page, charged before hashing. */
	char subject[65];
	store_email_subject(a.email, subject);
	struct throttle_policy pa = throttle_account_policy(ctx->cfg);
	int allowed = 0;
	time_t retry = 0;
	enum db_status st = store_throttle_charge(ctx->db, ctx->arena, TK_LOGIN_ACCOUNT, subject,
						  pa.threshold, pa.lock_seconds, now, &allowed,
						  &retry);
	if (st != DB_OK)
		return auth_db_fail(ctx, "throttle", st);
	if (!allowed) {
		char hm[16];
		throttle_format_retry(retry, hm, sizeof hm);
		page_error(root, "password_current",
			   arena_printf(ctx->arena, "Trop de tentatives. Réessayez après %s.", hm));
		auth_wipe_secrets(ctx);
		return 0;
	}
	enum pw_status vs = strlen(cur) > PP_MAX_BYTES ? PW_MISMATCH
						      : pw_verify(a.password_hash, cur, strlen(cur));
	if (vs == PW_NO_MEMORY) {
		auth_wipe_secrets(ctx);
		return 503;
	}
	if (vs != PW_OK) {
		int locked = 0;
		time_t until = 0;
		store_throttle_failed(ctx->db, ctx->arena, TK_LOGIN_ACCOUNT, subject, &pa, now,
				      &locked, &until);
		audit_event(ctx, "auth.password_change_failure", "account", a.id,
			    "reason=wrong_current");
		if (locked)
			audit_event(ctx, "auth.lock", "account", a.id, "scope=account");
		page_error(root, "password_current", "Le mot de passe actuel est incorrect.");
		auth_wipe_secrets(ctx);
		return 0;
	}
	store_throttle_clear(ctx->db, TK_LOGIN_ACCOUNT, subject);

	check_new(ctx, root, &a, cur, pw, confirm);
	if (page_error_count(root)) {
		auth_wipe_secrets(ctx);
		return 0;
	}
	char hash[PW_HASH_MAX];
	if (pw_hash(&m->cost, pw, strlen(pw), hash) != PW_OK) {
		auth_wipe_secrets(ctx);
		return 503;
	}
	auth_wipe_secrets(ctx);
	const char *reason = reason_of(ctx, &a, now);
	st = db_begin(ctx->db);
	if (st == DB_OK)
		st = store_set_password(ctx->db, a.id, a.password_hash, a.password_set_at, hash, now);
	/* Other sessions of the account end: whoever else held one is out. */
	if (st == DB_OK)
		st = db_exec(ctx->db, SQL_SESSION_DELETE_OTHERS,
			     DB_ARGS(DB_INT(a.id), DB_INT(ctx->session->id)), NULL, NULL);
	if (st == DB_OK)
		st = (enum db_status)audit_event(ctx, "auth.password_change", "account", a.id,
						 arena_printf(ctx->arena, "reason=%s", reason));
	if (st == DB_OK)
		st = db_commit(ctx->db);
	if (st != DB_OK)
		return auth_db_fail(ctx, "password change", st);
	xmlFreeDoc(ctx->page);
	ctx->page = NULL;
	long days = config_int(ctx->cfg, "password_validity_days", 45);
	char until[32];
	clock_format_datetime(pw_expires_at(now, days), until, sizeof until);
	ctx_flash(ctx, "success",
		  arena_printf(ctx->arena,
			       "Votre mot de passe a été modifié. Il est valable %ld jours, "
			       "jusqu'au %s.",
			       days, until));
	return ctx_redirect(ctx, auth_next_path(ctx));
}
