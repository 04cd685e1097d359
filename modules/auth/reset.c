/* "Mot de passe oublié ?": e-mail + CAPTCHA. Known or unknown address, the
 * same page, status, cookies and cost (one argon2id hash every time); for a
 * known open account, a temporary password whose mail goes into the outbox
 * in the same transaction. The current password keeps working until the
 * temporary one is used, so a stranger's request locks nobody out. */
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "arena.h"
#include "audit.h"
#include "auth.h"
#include "auth_sql.h"
#include "auth_store.h"
#include "captcha.h"
#include "clock.h"
#include "config.h"
#include "db.h"
#include "french.h"
#include "log.h"
#include "module.h"
#include "outbox.h"
#include "page.h"
#include "request.h"
#include "reset_mail.h"
#include "response.h"
#include "session.h"
#include "throttle.h"

static const char MSG_SENT[] =
	"Si l'adresse saisie correspond à un compte du portail, un courriel « Votre mot de "
	"passe » contenant un mot de passe provisoire vient de lui être envoyé. Il doit vous "
	"parvenir dans l'heure ; pensez à vérifier votre dossier de courriers indésirables.";

static long captcha_seconds(struct portal_ctx *ctx)
{
	return config_int(ctx->cfg, "captcha_minutes", 10) * 60;
}

/* A fresh challenge for this visitor session (replacing any other). */
static int new_challenge(struct portal_ctx *ctx, const char **answer)
{
	char *text = arena_alloc(ctx->arena, CAPTCHA_LEN + 1);
	captcha_text(text, CAPTCHA_LEN + 1);
	enum db_status st = store_captcha_put(ctx->db, ctx->session->id, text,
					      portal_now() + captcha_seconds(ctx));
	if (st != DB_OK)
		return auth_db_fail(ctx, "captcha put", st);
	if (answer)
		*answer = text;
	return 0;
}

static xmlNodePtr reset_page(struct portal_ctx *ctx)
{
	xmlNodePtr root = page_new(ctx, "auth/mot-de-passe-oublie");
	xmlNodePtr r = px_el(root, "reset");
	px_attr_int(r, "captcha-minutes", config_int(ctx->cfg, "captcha_minutes", 10));
	/* A changing URL so the browser never shows a cached image. */
	px_attr(r, "captcha-src",
		arena_printf(ctx->arena, "/auth/captcha.png?n=%u", randombytes_uniform(1000000)));
	return root;
}

int auth_reset_form(struct portal_ctx *ctx)
{
	int rc = new_challenge(ctx, NULL);
	if (rc)
		return rc;
	reset_page(ctx);
	return 0;
}

/* Known open account under its mail limit: the temporary password and its
 * mail; otherwise only the journal line. Same transaction shape either way. */
static int issue_temporary(struct portal_ctx *ctx, const struct auth_account *a, int eligible,
			   const char *why, time_t now)
{
	struct auth_module *m = auth_of(ctx);
	long hours = config_int(ctx->cfg, "temp_password_hours", 24);
	char temp[16], hash[PW_HASH_MAX];
	pw_temporary(temp, sizeof temp, eligible ? a->email : NULL, m->blocklist);
	/* Hashed whether or not it is used: the same cost for every address. */
	enum pw_status hs = pw_hash(&m->cost, temp, strlen(temp), hash);
	if (hs != PW_OK) {
		sodium_memzero(temp, sizeof temp);
		return 503;
	}
	enum db_status st = db_begin(ctx->db);
	if (st == DB_OK && eligible) {
		st = db_exec(ctx->db, SQL_ACCOUNT_SET_TEMP,
			     DB_ARGS(DB_TEXT(hash), DB_INT(now + hours * 3600), DB_INT(a->id)), NULL,
			     NULL);
		if (st == DB_OK) {
			const char *body = reset_mail_body(ctx->arena, a->first_name, a->last_name,
							   temp, hours,
							   config_get(ctx->cfg, "public_url", ""));
			int rc = outbox_enqueue(ctx->db, a->email, RESET_MAIL_SUBJECT, body);
			st = rc < 0 ? DB_ERROR : (enum db_status)rc;
		}
	}
	sodium_memzero(temp, sizeof temp);
	if (st == DB_OK)
		st = (enum db_status)audit_event(ctx, "auth.reset_request", a->id ? "account" : NULL,
						 a->id, why);
	if (st == DB_OK)
		st = db_commit(ctx->db);
	if (st != DB_OK)
		return auth_db_fail(ctx, "reset request", st);
	return 0;
}

int auth_reset_post(struct portal_ctx *ctx)
{
	const char *email = ctx_form(ctx, "email");
	const char *typed = ctx_form(ctx, "captcha");
	time_t now = portal_now();
	const char *answer = NULL;
	time_t expires = 0;
	/* Taken, hence gone, whatever the outcome: one answer per challenge. */
	enum db_status st =
		store_captcha_take(ctx->db, ctx->arena, ctx->session->id, &answer, &expires);
	if (st != DB_OK)
		return auth_db_fail(ctx, "captcha take", st);
	int captcha_ok = captcha_answer_ok(answer, expires, typed, now);
	auth_wipe_secrets(ctx);

	int rc = new_challenge(ctx, NULL);
	if (rc)
		return rc;
	xmlNodePtr root = reset_page(ctx);
	page_form_values(root, &ctx->req->form);
	const char *bad_email = NULL;
	if (!email || !*email)
		bad_email = "Saisissez votre adresse électronique.";
	else
		bad_email = fr_read_email(email);
	if (bad_email)
		page_error(root, "email", bad_email);
	if (!captcha_ok)
		page_error(root, "captcha", "La vérification du texte a échoué. Saisissez le texte "
					    "de la nouvelle image, en respectant les majuscules et "
					    "les minuscules.");
	if (bad_email || !captcha_ok)
		return 0;

	long per_ip = config_int(ctx->cfg, "reset_max_per_ip_hour", 10);
	long per_email = config_int(ctx->cfg, "reset_max_per_email_hour", 2);
	const char *ip = ctx->req->remote_addr ? ctx->req->remote_addr : "-";
	int allowed = 0;
	time_t retry = 0;
	st = store_throttle_charge(ctx->db, ctx->arena, TK_RESET_IP, ip, (int)per_ip, 3600, now,
				   &allowed, &retry);
	if (st != DB_OK)
		return auth_db_fail(ctx, "reset throttle ip", st);
	if (!allowed) {
		/* About the address, never about the account: no hint given. */
		char hm[16];
		throttle_format_retry(retry, hm, sizeof hm);
		page_error(root, NULL,
			   arena_printf(ctx->arena,
					"Trop de demandes depuis votre connexion. Réessayez après %s.",
					hm));
		ctx->res->status = 429;
		return 0;
	}
	char subject[65];
	store_email_subject(email, subject);
	int mail_allowed = 0;
	st = store_throttle_charge(ctx->db, ctx->arena, TK_RESET_EMAIL, subject, (int)per_email,
				   3600, now, &mail_allowed, &retry);
	if (st != DB_OK)
		return auth_db_fail(ctx, "reset throttle email", st);

	struct auth_account a;
	memset(&a, 0, sizeof a);
	int found = 0;
	st = store_account_by_email(ctx->db, ctx->arena, ctx_today(ctx), email, &a, &found);
	if (st != DB_OK)
		return auth_db_fail(ctx, "account lookup", st);
	const char *why = !found	     ? "result=unknown_email"
			  : a.closed	     ? "result=closed"
			  : !mail_allowed    ? "result=rate_limited"
					     : "result=mail_queued";
	int eligible = found && !a.closed && mail_allowed;
	if (!found)
		a.id = 0;
	rc = issue_temporary(ctx, &a, eligible, why, now);
	if (rc)
		return rc;
	xmlFreeDoc(ctx->page);
	ctx->page = NULL;
	ctx_flash(ctx, "info", MSG_SENT);
	return ctx_redirect(ctx, "/auth/connexion");
}

int auth_captcha_png(struct portal_ctx *ctx)
{
	const char *answer = NULL;
	time_t expires = 0;
	enum db_status st =
		store_captcha_peek(ctx->db, ctx->arena, ctx->session->id, &answer, &expires);
	if (st != DB_OK)
		return auth_db_fail(ctx, "captcha peek", st);
	int rc;
	if ((!answer || expires <= portal_now()) && (rc = new_challenge(ctx, &answer)) != 0)
		return rc;
	const unsigned char *png = NULL;
	size_t len = 0;
	if ((rc = captcha_png(ctx->arena, answer, &png, &len)) != 0)
		return rc;
	response_body(ctx->res, "image/png", (const char *)png, len);
	ctx->res->no_store = 1;
	return 0;
}

int auth_captcha_help(struct portal_ctx *ctx)
{
	page_new(ctx, "auth/aide-verification");
	return 0;
}

/* Integration tests read the answer here; test_hooks is never set in
 * production (conf/portail.conf), and then the page does not exist. */
int auth_captcha_test_answer(struct portal_ctx *ctx)
{
	if (!config_bool(ctx->cfg, "test_hooks", 0))
		return 404;
	const char *answer = NULL;
	time_t expires = 0;
	enum db_status st =
		store_captcha_peek(ctx->db, ctx->arena, ctx->session->id, &answer, &expires);
	if (st != DB_OK)
		return auth_db_fail(ctx, "captcha peek", st);
	if (!answer)
		return 404;
	response_body(ctx->res, "text/plain; charset=utf-8", answer, strlen(answer));
	ctx->res->no_store = 1;
	return 0;
}
