/* The login page. Wrong e-mail, wrong password, closed account, expired
 * temporary password: one message and one cost (two argon2id verifications
 * every time). The counters are charged before any hashing. */
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
#include "response.h"
#include "session.h"
#include "throttle.h"

static const char MSG_WRONG[] =
	"Adresse électronique ou mot de passe incorrect. Vérifiez votre saisie et réessayez.";

/* The login page, with what was typed (never the password) and errors. */
static xmlNodePtr login_page(struct portal_ctx *ctx)
{
	xmlNodePtr root = page_new(ctx, "auth/connexion");
	xmlNodePtr login = px_el(root, "login");
	px_attr_int(login, "idle-minutes", config_int(ctx->cfg, "session_idle_minutes", 30));
	const char *bye = ctx_query(ctx, "deconnecte");
	if (bye && strcmp(bye, "1") == 0)
		px_attr(login, "logged-out", "1");
	if (ctx->req->form.count)
		page_form_values(root, &ctx->req->form);
	return root;
}

int auth_login_form(struct portal_ctx *ctx)
{
	if (ctx_account_id(ctx))
		return ctx_redirect(ctx, "/declarations/");
	login_page(ctx);
	return 0;
}

static int show_retry(struct portal_ctx *ctx, time_t retry_at)
{
	char hm[16], msg[128];
	throttle_format_retry(retry_at, hm, sizeof hm);
	snprintf(msg, sizeof msg, "Trop de tentatives. Réessayez après %s.", hm);
	xmlNodePtr root = login_page(ctx);
	page_error(root, NULL, msg);
	ctx->res->status = 429;
	auth_wipe_secrets(ctx);
	return 0;
}

/* Both verifications always run: the account's password (or the dummy
 * hash) and its pending temporary password (or the dummy hash again).
 * Returns 1 password, 2 temporary password, 0 no match, -1 out of memory. */
static int verify_both(struct auth_module *m, const struct auth_account *a, int found,
		       const char *pw, size_t len, time_t now)
{
	const char *main_hash = found && a->password_hash ? a->password_hash : m->dummy_hash;
	int temp_ok = found && a->temp_hash && pw_temporary_usable(a->temp_expires_at, now);
	const char *temp_hash = temp_ok ? a->temp_hash : m->dummy_hash;
	enum pw_status s1 = pw_verify(main_hash, pw, len);
	enum pw_status s2 = pw_verify(temp_hash, pw, len);
	if (s1 == PW_NO_MEMORY || s2 == PW_NO_MEMORY)
		return -1;
	if (!found || main_hash == m->dummy_hash)
		s1 = PW_MISMATCH;
	if (!temp_ok)
		s2 = PW_MISMATCH;
	return s1 == PW_OK ? 1 : s2 == PW_OK ? 2 : 0;
}

/* A failed attempt: delays, lock, audit, the one message. */
static int login_failed(struct portal_ctx *ctx, const struct auth_account *a, int found,
			const char *subject, const char *ip, const char *reason, time_t now)
{
	struct throttle_policy pa = throttle_account_policy(ctx->cfg);
	struct throttle_policy pi = throttle_ip_policy(ctx->cfg);
	int locked_a = 0, locked_i = 0;
	time_t until_a = 0, until_i = 0;
	enum db_status st =
		store_throttle_failed(ctx->db, ctx->arena, TK_LOGIN_ACCOUNT, subject, &pa, now,
				      &locked_a, &until_a);
	if (st == DB_OK)
		st = store_throttle_failed(ctx->db, ctx->arena, TK_LOGIN_IP, ip, &pi, now,
					   &locked_i, &until_i);
	if (st != DB_OK)
		return auth_db_fail(ctx, "login throttle", st);
	long long target = found ? a->id : 0;
	audit_event(ctx, "auth.login_failure", found ? "account" : NULL, target, reason);
	if (locked_a)
		audit_event(ctx, "auth.lock", found ? "account" : NULL, target,
			    arena_printf(ctx->arena, "scope=account until=%lld",
					 (long long)until_a));
	if (locked_i)
		audit_event(ctx, "auth.lock", NULL, 0,
			    arena_printf(ctx->arena, "scope=ip ip=%s until=%lld", ip,
					 (long long)until_i));
	if (locked_a || locked_i)
		return show_retry(ctx, until_a > until_i ? until_a : until_i);
	xmlNodePtr root = login_page(ctx);
	page_error(root, NULL, MSG_WRONG);
	auth_wipe_secrets(ctx);
	return 0;
}

/* Where the login leads, and the French reason when it is the change form. */
static const char *after_login(struct portal_ctx *ctx, const struct auth_account *a,
			       int used_temp, int policy_outdated, int wants_update, time_t now)
{
	long days = config_int(ctx->cfg, "password_validity_days", 45);
	if (used_temp) {
		ctx_flash(ctx, "info",
			  "Vous vous êtes connecté avec un mot de passe provisoire. Choisissez "
			  "maintenant votre mot de passe personnel : saisissez le mot de passe "
			  "provisoire dans « Mot de passe actuel ».");
		return "/auth/mot-de-passe";
	}
	if (policy_outdated) {
		ctx_flash(ctx, "warning",
			  "Les règles des mots de passe ont été renforcées et votre mot de passe ne "
			  "les respecte plus : choisissez-en un nouveau pour continuer.");
		return "/auth/mot-de-passe";
	}
	if (a->must_change) {
		ctx_flash(ctx, "warning",
			  "Suite à une mise à jour du portail, vous devez modifier votre mot de "
			  "passe pour continuer.");
		return "/auth/mot-de-passe";
	}
	if (pw_expired(a->password_set_at, days, now)) {
		char *msg = arena_printf(ctx->arena,
					 "Votre mot de passe a dépassé sa durée de validité de %ld "
					 "jours : vous devez le modifier pour continuer.",
					 days);
		ctx_flash(ctx, "warning", msg);
		return "/auth/mot-de-passe";
	}
	if (wants_update)
		return "/auth/mot-de-passe";
	long remind = config_int(ctx->cfg, "password_reminder_days", 10);
	if (pw_reminder_due(a->password_set_at, days, remind, now)) {
		char when[32];
		clock_format_datetime(pw_expires_at(a->password_set_at, days), when, sizeof when);
		ctx_flash(ctx, "info",
			  arena_printf(ctx->arena,
				       "Votre mot de passe expire le %s. Pensez à le modifier : "
				       "cochez « Mettre à jour votre mot de passe » lors de votre "
				       "prochaine connexion.",
				       when));
	}
	return auth_next_path(ctx);
}

/* Everything a successful login writes, in one transaction. */
static int login_succeeded(struct portal_ctx *ctx, const struct auth_account *a, int used_temp,
			   const char *pw, size_t len, const char *subject, const char *ip,
			   int wants_update, time_t now)
{
	struct auth_module *m = auth_of(ctx);
	char rehash[PW_HASH_MAX] = "";
	int outdated = !used_temp && pp_check(pw, len, a->email, m->blocklist) != 0;
	if (!used_temp && pw_needs_rehash(&m->cost, a->password_hash) &&
	    pw_hash(&m->cost, pw, len, rehash) != PW_OK)
		return 503;
	enum db_status st = db_begin(ctx->db);
	if (st == DB_OK)
		st = store_throttle_clear(ctx->db, TK_LOGIN_ACCOUNT, subject);
	if (st == DB_OK)
		st = store_throttle_refund(ctx->db, TK_LOGIN_IP, ip);
	if (st == DB_OK && used_temp) {
		/* The old password goes into the history; the temporary one is
		 * now the current password and must be replaced at once. */
		if (a->password_hash)
			st = db_exec(ctx->db, SQL_HISTORY_INSERT,
				     DB_ARGS(DB_INT(a->id), DB_TEXT(a->password_hash),
					     DB_INT(a->password_set_at ? a->password_set_at : now)),
				     NULL, NULL);
		if (st == DB_OK)
			st = db_exec(ctx->db, SQL_ACCOUNT_USE_TEMP,
				     DB_ARGS(DB_INT(now), DB_INT(a->id)), NULL, NULL);
	}
	if (st == DB_OK && rehash[0])
		st = db_exec(ctx->db, SQL_ACCOUNT_REHASH,
			     DB_ARGS(DB_TEXT(rehash), DB_INT(a->id)), NULL, NULL);
	if (st == DB_OK && outdated && !a->must_change)
		st = db_exec(ctx->db, SQL_ACCOUNT_FORCE_CHANGE, DB_ARGS(DB_INT(a->id)), NULL,
			     NULL);
	if (st == DB_OK)
		st = db_exec(ctx->db, SQL_ACCOUNT_LOGIN_OK, DB_ARGS(DB_INT(now), DB_INT(a->id)),
			     NULL, NULL);
	if (st != DB_OK)
		return auth_db_fail(ctx, "login update", st);
	int rc = session_login(ctx, a->id);
	if (rc)
		return auth_db_fail(ctx, "session login", rc);
	st = (enum db_status)audit_event(ctx, "auth.login", "account", a->id,
					 used_temp ? "password=temporary" : "password=personal");
	if (st == DB_OK && outdated)
		st = (enum db_status)audit_event(ctx, "auth.forced_change", "account", a->id,
						 "reason=policy");
	if (st == DB_OK && rehash[0])
		st = (enum db_status)audit_event(ctx, "auth.rehash", "account", a->id, NULL);
	if (st == DB_OK)
		st = db_commit(ctx->db);
	if (st != DB_OK)
		return auth_db_fail(ctx, "login commit", st);
	const char *next = after_login(ctx, a, used_temp, outdated, wants_update, now);
	auth_wipe_secrets(ctx);
	return ctx_redirect(ctx, next);
}

int auth_login_post(struct portal_ctx *ctx)
{
	struct auth_module *m = auth_of(ctx);
	const char *email = ctx_form(ctx, "email");
	const char *pw = ctx_form(ctx, "password");
	int wants_update = ctx_form(ctx, "maj") != NULL;
	if (!email || !*email || !pw || !*pw) {
		xmlNodePtr root = login_page(ctx);
		if (!email || !*email)
			page_error(root, "email", "Saisissez votre adresse électronique.");
		if (!pw || !*pw)
			page_error(root, "password", "Saisissez votre mot de passe.");
		auth_wipe_secrets(ctx);
		return 0;
	}
	time_t now = portal_now();
	const char *ip = ctx->req->remote_addr ? ctx->req->remote_addr : "-";
	char subject[65];
	store_email_subject(email, subject);

	/* Counters first: a locked account or address costs no hashing. */
	struct throttle_policy pa = throttle_account_policy(ctx->cfg);
	struct throttle_policy pi = throttle_ip_policy(ctx->cfg);
	int allowed = 0;
	time_t retry = 0;
	enum db_status st = store_throttle_charge(ctx->db, ctx->arena, TK_LOGIN_IP, ip,
						  pi.threshold, pi.lock_seconds, now, &allowed,
						  &retry);
	if (st != DB_OK)
		return auth_db_fail(ctx, "throttle ip", st);
	if (!allowed)
		return show_retry(ctx, retry);
	st = store_throttle_charge(ctx->db, ctx->arena, TK_LOGIN_ACCOUNT, subject, pa.threshold,
				   pa.lock_seconds, now, &allowed, &retry);
	if (st != DB_OK)
		return auth_db_fail(ctx, "throttle account", st);
	if (!allowed) {
		store_throttle_refund(ctx->db, TK_LOGIN_IP, ip);
		return show_retry(ctx, retry);
	}

	struct auth_account a;
	memset(&a, 0, sizeof a);
	int found = 0;
	size_t len = strlen(pw);
	if (strlen(email) <= 254) {
		st = store_account_by_email(ctx->db, ctx->arena, ctx_today(ctx), email, &a, &found);
		if (st != DB_OK)
			return auth_db_fail(ctx, "account lookup", st);
	}
	if (len > PP_MAX_BYTES) /* no password is that long: not worth hashing */
		return login_failed(ctx, &a, found, subject, ip, "reason=too_long", now);
	int match = verify_both(m, &a, found, pw, len, now);
	if (match < 0) {
		log_error("auth: argon2id verification out of memory");
		auth_wipe_secrets(ctx);
		return 503;
	}
	if (!found)
		return login_failed(ctx, &a, 0, subject, ip, "reason=unknown_email", now);
	if (!match)
		return login_failed(ctx, &a, 1, subject, ip, "reason=wrong_password", now);
	if (a.closed)
		return login_failed(ctx, &a, 1, subject, ip, "reason=closed", now);
	return login_succeeded(ctx, &a, match == 2, pw, len, subject, ip, wants_update, now);
}
