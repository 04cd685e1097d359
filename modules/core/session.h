/* Sessions live in MariaDB (any worker of any host serves any request).
 * The cookie holds 256 random bits; only their SHA-256 is stored. */
#ifndef PORTAL_SESSION_H
#define PORTAL_SESSION_H

#include <stddef.h>
#include <time.h>

#include "kv.h"

struct portal_ctx;
struct db;
struct db_result;

struct session {
	long long id;
	long long account_id;	    /* 0 for a visitor (pre-login) */
	char csrf[64];
	time_t created_at;
	time_t last_seen_at;
	/* Filled when account_id != 0: */
	const char *login;
	const char *email;
	const char *first_name;
	const char *last_name;
	const char *account_kind;   /* "caf" or "partner" */
	long long caf_id;
	long long partner_id;
	unsigned caps;		    /* enum portal_cap */
	time_t password_set_at;
	int must_change_password;
	time_t previous_login_at;   /* 0 if first login */
	int has_saved_form;	    /* a form kept by session_save_form waits */
	/* The flash cookie of the request (flash.h), NULL if none; never kept
	 * in session_cache. flash_pending: this answer sets a new one. */
	const char *flash_kind;
	const char *flash_message;
	int flash_pending;
};

/* Cookie name: "__Host-portail" over HTTPS, "portail" otherwise. */
const char *session_cookie_name(const struct portal_ctx *ctx);

/* Loads the session named by the cookie, enforcing idle timeout
 * (session_idle_minutes, default 30), absolute lifetime
 * (session_max_hours, default 12) and closed accounts. Sets ctx->session
 * (or NULL) and ctx->session_expired. Returns 0, or 503 when the database is
 * unreachable. Refreshes last_seen_at. */
int session_load(struct portal_ctx *ctx);
/* The same, leaving a worker's copy unconfirmed (ctx->session_unconfirmed)
 * instead of asking its version now: for ACCESS_CHECK_IN_PAGE routes. */
int session_load_unconfirmed(struct portal_ctx *ctx);

/* What a handler built on an unconfirmed copy that proved stale: the
 * dispatcher throws it away and runs the route again on a fresh session. */
#define SESSION_STALE (-2)
/* Two columns for the first statement of an ACCESS_CHECK_IN_PAGE handler,
 * bound to session_confirm_id(ctx): the session's version and the
 * catalogue's, read in the same snapshot as the page's data. */
#define SESSION_CONFIRM_COLUMNS \
	"(SELECT sv.version FROM session_version sv WHERE sv.session_id = ?), " \
	"(SELECT cv.version FROM catalogue_version cv WHERE cv.id = 1)"
long long session_confirm_id(const struct portal_ctx *ctx);
/* Confirms an unconfirmed copy from the SESSION_CONFIRM_COLUMNS at column
 * col of row 0 of r: 0 (confirmed, or nothing to confirm, or no row to
 * tell: the dispatcher asks then), or SESSION_STALE. */
int session_confirm(struct portal_ctx *ctx, const struct db_result *r, size_t col);
/* The dispatcher's own confirmation, when the handler gave none: 0,
 * SESSION_STALE or 503. */
int session_confirm_now(struct portal_ctx *ctx);
/* Opens a visitor session and sets its cookie. 0 or 503. */
int session_start_visitor(struct portal_ctx *ctx);
/* At login: gives the session a new id and a new CSRF token, binds it to
 * account_id and sets the cookie. Joins the caller's transaction. */
int session_login(struct portal_ctx *ctx, long long account_id);
/* Deletes the session row and clears the cookie. */
int session_destroy(struct portal_ctx *ctx);
/* Deletes every session of an account (closed account, logout elsewhere). */
int session_destroy_account(struct db *db, long long account_id);

/* Pure rule: is a session created at created_at and last seen at
 * last_seen_at dead at now? Idle strictly longer than idle_seconds, or
 * older than max_seconds. */
int session_dead_at(time_t now, time_t created_at, time_t last_seen_at, long idle_seconds,
		    long max_seconds);

/* last_seen_at is written back at most once a minute: a page view within a
 * minute of the recorded one costs no write (measured: the UPDATE was one
 * of five statements of a signed-in page, and a redo-log commit). The idle
 * timeout then counts from up to a minute before the last page view, so it
 * may end a session early by less than a minute, never late. */
#define SESSION_TOUCH_SECONDS 60
int session_touch_due(time_t now, time_t last_seen_at);

/* Whether the signed-in account must change its password now: forced
 * flag, or password older than password_validity_days (default 45). */
int session_password_expired(const struct portal_ctx *ctx);

/* CSRF: compares the form field "csrf" with the session's token in
 * constant time; also refuses a foreign Origin. 1 ok, 0 refuse. */
int csrf_valid(struct portal_ctx *ctx);

/* A flash message holds at most SESSION_FLASH_MAX characters. The byte
 * length of message cut to fit with its "…": the longest prefix of at most
 * SESSION_FLASH_MAX - 1 characters, never inside a UTF-8 character, back to
 * the last space when there is one. strlen(message) when it fits as is. */
#define SESSION_FLASH_MAX 500
size_t session_flash_fit(const char *message);

/* Keeps a POST whose session expired: its path and fields, bound to a new
 * visitor session, so that after login the user gets the form back. */
int session_save_form(struct portal_ctx *ctx);
/* After login: the saved form of this session for path, moved into out and
 * deleted. 1 if found. */
int session_take_saved_form(struct portal_ctx *ctx, const char *path, struct kv_list *out);
/* The path of the saved form, if any (auth sends the user there after login). */
const char *session_saved_form_path(struct portal_ctx *ctx);

#endif
