/* Sessions in MariaDB: cookie -> SHA-256 -> row; idle and absolute expiry
 * decided with portal_now(); capabilities computed once per request. */
#include "session.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "clock.h"
#include "config.h"
#include "crypto.h"
#include "db.h"
#include "flash.h"
#include "log.h"
#include "module.h"
#include "origin.h"
#include "request.h"
#include "response.h"
#include "session_cache.h"

static const char SQL_LOAD[] =
	"SELECT s.id, s.account_id, s.csrf_token, s.created_at, s.last_seen_at,"
	" a.login, a.email, a.first_name, a.last_name, a.kind, a.caf_id, a.partner_id,"
	" a.caf_roles, a.password_set_at, a.must_change_password, a.previous_login_at,"
	" (a.closed_on IS NOT NULL AND a.closed_on <= ?) OR a.opened_on > ? AS closed,"
	" v.version,"
	" EXISTS (SELECT 1 FROM saved_form sf WHERE sf.session_id = s.id),"
	" (SELECT version FROM catalogue_version WHERE id = 1)"
	" FROM session s LEFT JOIN account a ON a.id = s.account_id"
	" LEFT JOIN session_version v ON v.session_id = s.id"
	" WHERE s.token_hash = ?";
/* Whether a worker's copy is current (session_cache.h): the query cache
 * answers it until a trigger raises the version. The catalogue's version
 * comes along (ctx->catalogue_version). */
static const char SQL_VERSION[] =
	"SELECT version, (SELECT version FROM catalogue_version WHERE id = 1)"
	" FROM session_version WHERE session_id = ?";
/* The account's capabilities, apart from SQL_LOAD: these tables change
 * seldom, so MariaDB's query cache answers this from memory, while a
 * statement reading account (column-level grants) or session (written at
 * every login) is never served from it. */
static const char SQL_CAPS[] =
	"SELECT (SELECT GROUP_CONCAT(g.code) FROM group_member gm"
	"   JOIN account_group g ON g.id = gm.group_id"
	"   WHERE gm.account_id = ? AND gm.opened_on <= ?"
	"   AND (gm.closed_on IS NULL OR gm.closed_on > ?)),"
	" (SELECT GROUP_CONCAT(DISTINCT ag.kind) FROM admin_grant ag"
	"   WHERE ag.account_id = ? AND ag.opened_on <= ?"
	"   AND (ag.closed_on IS NULL OR ag.closed_on > ?)),"
	" EXISTS (SELECT 1 FROM habilitation h WHERE h.account_id = ?"
	"   AND h.starts_on <= ? AND (h.ends_on IS NULL OR h.ends_on > ?)"
	"   AND h.validation IN ('not_required', 'validated'))";
static const char SQL_TOUCH[] = "UPDATE session SET last_seen_at = ? WHERE id = ?";
static const char SQL_DELETE[] = "DELETE FROM session WHERE id = ?";
static const char SQL_DELETE_ACCOUNT[] = "DELETE FROM session WHERE account_id = ?";
static const char SQL_INSERT[] =
	"INSERT INTO session (token_hash, account_id, csrf_token, created_at, last_seen_at, ip)"
	" VALUES (?, ?, ?, ?, ?, ?)";
static const char SQL_ROTATE[] =
	"UPDATE session SET token_hash = ?, csrf_token = ?, account_id = ?, created_at = ?,"
	" last_seen_at = ?, ip = ? WHERE id = ?";
static const char SQL_FORM_SAVE[] =
	"REPLACE INTO saved_form (session_id, path, body, created_at) VALUES (?, ?, ?, ?)";
static const char SQL_FORM_PATH[] = "SELECT path FROM saved_form WHERE session_id = ?";
static const char SQL_FORM_TAKE[] =
	"SELECT body FROM saved_form WHERE session_id = ? AND path = ?";
static const char SQL_FORM_DELETE[] = "DELETE FROM saved_form WHERE session_id = ?";

const char *session_cookie_name(const struct portal_ctx *ctx)
{
	return ctx->req->https ? "__Host-portail" : "portail";
}

static int status_of(enum db_status st)
{
	return st == DB_UNAVAILABLE ? 503 : 500;
}

static int has_word(const char *list, const char *word)
{
	if (!list)
		return 0;
	size_t n = strlen(word);
	for (const char *p = list; (p = strstr(p, word)) != NULL; p += n) {
		int starts = p == list || p[-1] == ',';
		int ends = p[n] == '\0' || p[n] == ',';
		if (starts && ends)
			return 1;
	}
	return 0;
}

/* kind and caf_roles from the account row, the rest from SQL_CAPS's row. */
static unsigned caps_of(const char *kind, const char *caf_roles, const struct db_result *r)
{
	unsigned caps = 0;
	if (kind && strcmp(kind, "caf") == 0) {
		caps |= CAP_CAF_AGENT;
		if (has_word(caf_roles, "admin"))
			caps |= CAP_CAF_ADMIN;
		if (has_word(caf_roles, "habilitation_manager"))
			caps |= CAP_CAF_HAB_MANAGER;
		if (has_word(caf_roles, "instructor"))
			caps |= CAP_CAF_INSTRUCTOR;
	}
	const char *groups = db_cell(r, 0, 0);
	if (has_word(groups, "AFAS-DECLARER"))
		caps |= CAP_DECLARER;
	if (has_word(groups, "AFAS-HABILITER"))
		caps |= CAP_HABILITER;
	const char *grants = db_cell(r, 0, 1);
	if (has_word(grants, "partner_admin"))
		caps |= CAP_PARTNER_ADMIN;
	if (has_word(grants, "habilitation_manager"))
		caps |= CAP_HAB_MANAGER;
	if (db_cell_int(r, 0, 2))
		caps |= CAP_HAS_ROLES;
	return caps;
}

static enum db_status load_caps(struct portal_ctx *ctx, struct session *s, const char *caf_roles)
{
	const char *today = ctx_today(ctx);
	struct db_result r;
	enum db_status st = db_query(ctx->db, ctx->arena, SQL_CAPS,
				     DB_ARGS(DB_INT(s->account_id), DB_TEXT(today), DB_TEXT(today),
					     DB_INT(s->account_id), DB_TEXT(today), DB_TEXT(today),
					     DB_INT(s->account_id), DB_TEXT(today), DB_TEXT(today)),
				     &r);
	if (st != DB_OK)
		return st;
	if (r.rows == 1)
		s->caps = caps_of(s->account_kind, caf_roles, &r);
	return DB_OK;
}

static void set_cookie(struct portal_ctx *ctx, const char *token)
{
	response_cookie(ctx->arena, ctx->res, session_cookie_name(ctx), token, -1,
			ctx->req->https);
}

int session_dead_at(time_t now, time_t created_at, time_t last_seen_at, long idle_seconds,
		    long max_seconds)
{
	return now - last_seen_at > idle_seconds || now - created_at > max_seconds;
}

int session_touch_due(time_t now, time_t last_seen_at)
{
	return now - last_seen_at >= SESSION_TOUCH_SECONDS || now < last_seen_at;
}

/* The stored session of a token hash from the database: *found = 0 if none. */
static enum db_status load_snapshot(struct portal_ctx *ctx, const unsigned char hash[32],
				    const char *today, struct session_snapshot *snap, int *found)
{
	struct db_result r;
	enum db_status st = db_query(ctx->db, ctx->arena, SQL_LOAD,
				     DB_ARGS(DB_TEXT(today), DB_TEXT(today), DB_BLOB(hash, 32)),
				     &r);
	*found = st == DB_OK && r.rows == 1;
	if (!*found)
		return st;
	memset(snap, 0, sizeof *snap);
	struct session *s = &snap->s;
	s->id = db_cell_int(&r, 0, 0);
	s->account_id = db_cell_int(&r, 0, 1);
	snprintf(s->csrf, sizeof s->csrf, "%s", db_cell(&r, 0, 2) ? db_cell(&r, 0, 2) : "");
	s->created_at = (time_t)db_cell_int(&r, 0, 3);
	s->last_seen_at = (time_t)db_cell_int(&r, 0, 4);
	/* the version is read with the data it vouches for; one read later
	 * (the capabilities) can only make the copy look older than it is */
	snap->version = db_cell(&r, 0, 17) ? (unsigned long long)db_cell_int(&r, 0, 17) : 0;
	s->has_saved_form = (int)db_cell_int(&r, 0, 18);
	ctx->catalogue_version = (unsigned long long)db_cell_int(&r, 0, 19);
	if (!db_cell(&r, 0, 1))
		return DB_OK;
	snap->closed = (int)db_cell_int(&r, 0, 16);
	s->login = db_cell(&r, 0, 5);
	s->email = db_cell(&r, 0, 6);
	s->first_name = db_cell(&r, 0, 7);
	s->last_name = db_cell(&r, 0, 8);
	s->account_kind = db_cell(&r, 0, 9);
	s->caf_id = db_cell_int(&r, 0, 10);
	s->partner_id = db_cell_int(&r, 0, 11);
	s->password_set_at = (time_t)db_cell_int(&r, 0, 13);
	s->must_change_password = (int)db_cell_int(&r, 0, 14);
	s->previous_login_at = (time_t)db_cell_int(&r, 0, 15);
	return load_caps(ctx, s, db_cell(&r, 0, 12));
}

/* The worker's copy while its version is the database's, else a fresh load
 * (kept for the next request when the database gave it a version: signed-in
 * sessions only, sql/006_visitor_session_version.sql). */
static enum db_status snapshot_of(struct portal_ctx *ctx, const unsigned char hash[32],
				  const char *today, int unconfirmed,
				  struct session_snapshot *snap, int *found)
{
	if (session_cache_get(ctx->arena, hash, today, snap)) {
		if (unconfirmed) {
			/* the page's first statement asks (session_confirm) */
			ctx->session_unconfirmed = 1;
			db_hold_writes(ctx->db, 1);
			ctx->session_version = snap->version;
			memcpy(ctx->session_hash, hash, sizeof ctx->session_hash);
			*found = 1;
			return DB_OK;
		}
		struct db_result r;
		enum db_status st = db_query(ctx->db, ctx->arena, SQL_VERSION,
					     DB_ARGS(DB_INT(snap->s.id)), &r);
		if (st != DB_OK)
			return st;
		if (r.rows == 1 && (unsigned long long)db_cell_int(&r, 0, 0) == snap->version) {
			ctx->catalogue_version = (unsigned long long)db_cell_int(&r, 0, 1);
			*found = 1;
			return DB_OK;
		}
		session_cache_drop(hash);
	}
	enum db_status st = load_snapshot(ctx, hash, today, snap, found);
	if (st == DB_OK && *found && snap->version)
		session_cache_put(hash, today, snap);
	return st;
}

static int load(struct portal_ctx *ctx, int unconfirmed)
{
	ctx->session = NULL;
	ctx->session_expired = 0;
	ctx->session_unconfirmed = 0;
	db_hold_writes(ctx->db, 0);
	const char *token = kv_get(&ctx->req->cookies, session_cookie_name(ctx));
	if (!token || strlen(token) != 43)
		return 0;
	unsigned char hash[32];
	crypto_sha256(token, strlen(token), hash);
	struct session_snapshot snap;
	int found = 0;
	enum db_status st = snapshot_of(ctx, hash, ctx_today(ctx), unconfirmed, &snap, &found);
	if (st != DB_OK)
		return status_of(st);
	if (!found)
		return 0;

	time_t now = portal_now();
	long idle = config_int(ctx->cfg, "session_idle_minutes", 30) * 60;
	long max_age = config_int(ctx->cfg, "session_max_hours", 12) * 3600;
	int dead = session_dead_at(now, snap.s.created_at, snap.s.last_seen_at, idle, max_age);
	if (ctx->session_unconfirmed &&
	    (dead || snap.closed || session_touch_due(now, snap.s.last_seen_at))) {
		/* an unconfirmed copy decides no deletion and no write: another
		 * worker may have seen the session since (its last_seen_at) */
		ctx->session_unconfirmed = 0;
		db_hold_writes(ctx->db, 0);
		st = snapshot_of(ctx, hash, ctx_today(ctx), 0, &snap, &found);
		if (st != DB_OK)
			return status_of(st);
		if (!found)
			return 0;
		dead = session_dead_at(now, snap.s.created_at, snap.s.last_seen_at, idle, max_age);
	}
	time_t seen = snap.s.last_seen_at;
	int has_account = snap.s.account_id != 0;
	if (dead || snap.closed) {
		session_cache_drop(hash);
		db_exec(ctx->db, SQL_DELETE, DB_ARGS(DB_INT(snap.s.id)), NULL, NULL);
		ctx->session_expired = has_account && !snap.closed;
		return 0;
	}
	struct session *s = arena_alloc(ctx->arena, sizeof *s);
	*s = snap.s;
	s->last_seen_at = now;
	if (session_touch_due(now, seen)) {
		st = db_exec(ctx->db, SQL_TOUCH, DB_ARGS(DB_INT(now), DB_INT(snap.s.id)), NULL,
			     NULL);
		if (st != DB_OK)
			return status_of(st);
	}
	ctx->session = s;
	flash_load(ctx);
	return 0;
}

int session_load(struct portal_ctx *ctx)
{
	return load(ctx, 0);
}

int session_load_unconfirmed(struct portal_ctx *ctx)
{
	return load(ctx, 1);
}

long long session_confirm_id(const struct portal_ctx *ctx)
{
	return ctx->session ? ctx->session->id : 0;
}

int session_confirm(struct portal_ctx *ctx, const struct db_result *r, size_t col)
{
	if (!ctx->session_unconfirmed || r->rows == 0)
		return 0;
	/* NULL: no version row any more, the session is gone */
	if (!db_cell(r, 0, col) ||
	    (unsigned long long)db_cell_int(r, 0, col) != ctx->session_version) {
		session_cache_drop(ctx->session_hash);
		return SESSION_STALE;
	}
	ctx->session_unconfirmed = 0;
	db_hold_writes(ctx->db, 0);
	ctx->catalogue_version = (unsigned long long)db_cell_int(r, 0, col + 1);
	return 0;
}

int session_confirm_now(struct portal_ctx *ctx)
{
	if (!ctx->session_unconfirmed)
		return 0;
	struct db_result r;
	enum db_status st = db_query(ctx->db, ctx->arena, SQL_VERSION,
				     DB_ARGS(DB_INT(session_confirm_id(ctx))), &r);
	if (st != DB_OK)
		return status_of(st);
	if (r.rows == 0) {
		session_cache_drop(ctx->session_hash);
		return SESSION_STALE;
	}
	return session_confirm(ctx, &r, 0);
}

/* A fresh token: its text for the cookie, its hash for the row. */
static void new_token(char token[64], unsigned char hash[32])
{
	crypto_random_token(token, 64, 32);
	crypto_sha256(token, strlen(token), hash);
}

int session_start_visitor(struct portal_ctx *ctx)
{
	char token[64], csrf[64];
	unsigned char hash[32];
	new_token(token, hash);
	crypto_random_token(csrf, sizeof csrf, 32);
	time_t now = portal_now();
	uint64_t id = 0;
	enum db_status st = db_exec(ctx->db, SQL_INSERT,
				    DB_ARGS(DB_BLOB(hash, 32), DB_NULL, DB_TEXT(csrf), DB_INT(now),
					    DB_INT(now), DB_TEXT(ctx->req->remote_addr)),
				    NULL, &id);
	if (st != DB_OK)
		return status_of(st);
	struct session *s = arena_zalloc(ctx->arena, sizeof *s);
	s->id = (long long)id;
	snprintf(s->csrf, sizeof s->csrf, "%s", csrf);
	s->created_at = now;
	s->last_seen_at = now;
	ctx->session = s;
	set_cookie(ctx, token);
	return 0;
}

int session_login(struct portal_ctx *ctx, long long account_id)
{
	char token[64], csrf[64];
	unsigned char hash[32];
	new_token(token, hash);
	crypto_random_token(csrf, sizeof csrf, 32);
	time_t now = portal_now();
	enum db_status st;
	if (ctx->session) {
		/* Same row, new id: a planted cookie is dead from now on, and the
		 * form saved before login stays attached. */
		st = db_exec(ctx->db, SQL_ROTATE,
			     DB_ARGS(DB_BLOB(hash, 32), DB_TEXT(csrf), DB_INT(account_id),
				     DB_INT(now), DB_INT(now), DB_TEXT(ctx->req->remote_addr),
				     DB_INT(ctx->session->id)),
			     NULL, NULL);
	} else {
		uint64_t id = 0;
		st = db_exec(ctx->db, SQL_INSERT,
			     DB_ARGS(DB_BLOB(hash, 32), DB_INT(account_id), DB_TEXT(csrf),
				     DB_INT(now), DB_INT(now), DB_TEXT(ctx->req->remote_addr)),
			     NULL, &id);
		if (st == DB_OK) {
			ctx->session = arena_zalloc(ctx->arena, sizeof *ctx->session);
			ctx->session->id = (long long)id;
		}
	}
	if (st != DB_OK)
		return status_of(st);
	ctx->session->account_id = account_id;
	snprintf(ctx->session->csrf, sizeof ctx->session->csrf, "%s", csrf);
	ctx->session->created_at = now;
	ctx->session->last_seen_at = now;
	set_cookie(ctx, token);
	return 0;
}

int session_destroy(struct portal_ctx *ctx)
{
	response_cookie(ctx->arena, ctx->res, session_cookie_name(ctx), "", 0, ctx->req->https);
	if (!ctx->session)
		return 0;
	enum db_status st =
		db_exec(ctx->db, SQL_DELETE, DB_ARGS(DB_INT(ctx->session->id)), NULL, NULL);
	ctx->session = NULL;
	return st == DB_OK ? 0 : status_of(st);
}

int session_destroy_account(struct db *db, long long account_id)
{
	enum db_status st = db_exec(db, SQL_DELETE_ACCOUNT, DB_ARGS(DB_INT(account_id)), NULL, NULL);
	return st == DB_OK ? 0 : status_of(st);
}

int session_password_expired(const struct portal_ctx *ctx)
{
	const struct session *s = ctx->session;
	if (!s || !s->account_id)
		return 0;
	if (s->must_change_password || s->password_set_at == 0)
		return 1;
	long days = config_int(ctx->cfg, "password_validity_days", 45);
	return portal_now() >= s->password_set_at + (time_t)days * 86400;
}

/* The request comes from a page of this site: Sec-Fetch-Site (when the
 * browser sends it) says same-origin, and Origin (when sent) is the origin of
 * public_url. Only the configuration names the site: the Host header, which
 * nginx may pass without its port (Debian's fastcgi_params: $host) and which
 * a client chooses, never makes an origin acceptable. Without public_url, a
 * request carrying an Origin is refused. */
static int origin_is_alias(const struct portal_ctx *ctx, const char *origin);

static int same_origin(const struct portal_ctx *ctx)
{
	const struct request *q = ctx->req;
	if (q->sec_fetch_site && strcmp(q->sec_fetch_site, "same-origin") != 0 &&
	    strcmp(q->sec_fetch_site, "none") != 0)
		return 0;
	if (!q->origin)
		return 1;
	const char *site = config_get(ctx->cfg, "public_url", "");
	if (!site[0]) {
		log_error("csrf: public_url is not configured; Origin %s refused", q->origin);
		return 0;
	}
	return origin_matches(q->origin, site) || origin_is_alias(ctx, q->origin);
}

/* public_aliases: other names of the same site, separated by spaces (a
 * local stack answers on http://localhost:PORT as well as on 127.0.0.1). */
static int origin_is_alias(const struct portal_ctx *ctx, const char *origin)
{
	const char *list = config_get(ctx->cfg, "public_aliases", "");
	char alias[256];
	while (*list) {
		size_t n = strcspn(list, " \t,");
		if (n > 0 && n < sizeof alias) {
			memcpy(alias, list, n);
			alias[n] = '\0';
			if (origin_matches(origin, alias))
				return 1;
		}
		list += n;
		list += strspn(list, " \t,");
	}
	return 0;
}

int csrf_valid(struct portal_ctx *ctx)
{
	if (!ctx->session || !ctx->session->csrf[0])
		return 0;
	const char *sent = kv_get(&ctx->req->form, "csrf");
	if (!sent)
		return 0;
	if (!crypto_str_equal(sent, ctx->session->csrf))
		return 0;
	return same_origin(ctx);
}

size_t session_flash_fit(const char *message)
{
	size_t chars = 0, cut = 0, space = 0, i = 0;
	for (; message[i]; i++) {
		if (((unsigned char)message[i] & 0xC0) == 0x80)
			continue; /* a continuation byte: inside a character */
		if (chars == SESSION_FLASH_MAX - 1)
			cut = i; /* room left for the "…" only */
		if (++chars > SESSION_FLASH_MAX)
			break;
		if (message[i] == ' ' && chars < SESSION_FLASH_MAX)
			space = i;
	}
	if (chars <= SESSION_FLASH_MAX)
		return i;
	return space ? space : cut;
}

/* application/x-www-form-urlencoded, as request_parse_urlencoded reads it. */
static void buf_put_encoded(struct arena_buf *b, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		    (*p >= '0' && *p <= '9') || *p == '-' || *p == '_' || *p == '.' || *p == '~') {
			arena_buf_putc(b, (char)*p);
		} else {
			char esc[3] = {'%', hex[*p >> 4], hex[*p & 15]};
			arena_buf_put(b, esc, 3);
		}
	}
}

int session_save_form(struct portal_ctx *ctx)
{
	/* Only a form posted from our own pages is kept: a cross-site post must
	 * not plant values in someone's form. */
	if (!same_origin(ctx))
		return 0;
	if (!ctx->session) {
		int rc = session_start_visitor(ctx);
		if (rc)
			return rc;
	}
	struct arena_buf body = {.arena = ctx->arena};
	arena_buf_put(&body, "", 0); /* an empty form is "" */
	const struct kv_list *f = &ctx->req->form;
	for (size_t i = 0; i < f->count; i++) {
		if (strcmp(f->items[i].name, "csrf") == 0)
			continue;
		if (body.len)
			arena_buf_putc(&body, '&');
		buf_put_encoded(&body, f->items[i].name);
		arena_buf_putc(&body, '=');
		buf_put_encoded(&body, f->items[i].value);
	}
	enum db_status st = db_exec(ctx->db, SQL_FORM_SAVE,
				    DB_ARGS(DB_INT(ctx->session->id), DB_TEXT(ctx->req->path),
					    DB_TEXT(body.p), DB_INT(portal_now())),
				    NULL, NULL);
	if (st != DB_OK)
		return status_of(st);
	ctx->session->has_saved_form = 1;
	return 0;
}

const char *session_saved_form_path(struct portal_ctx *ctx)
{
	if (!ctx->session || !ctx->session->has_saved_form)
		return NULL;
	struct db_result r;
	if (db_query(ctx->db, ctx->arena, SQL_FORM_PATH, DB_ARGS(DB_INT(ctx->session->id)), &r) !=
		    DB_OK ||
	    r.rows == 0)
		return NULL;
	return db_cell(&r, 0, 0);
}

int session_take_saved_form(struct portal_ctx *ctx, const char *path, struct kv_list *out)
{
	if (!ctx->session || !ctx->session->has_saved_form)
		return 0;
	struct db_result r;
	if (db_query(ctx->db, ctx->arena, SQL_FORM_TAKE,
		     DB_ARGS(DB_INT(ctx->session->id), DB_TEXT(path)), &r) != DB_OK ||
	    r.rows == 0)
		return 0;
	const char *body = db_cell(&r, 0, 0);
	struct request_limits limits;
	request_limits_default(&limits);
	memset(out, 0, sizeof *out);
	if (request_parse_urlencoded(ctx->arena, &limits, body, strlen(body), out) != REQUEST_OK)
		return 0;
	db_exec(ctx->db, SQL_FORM_DELETE, DB_ARGS(DB_INT(ctx->session->id)), NULL, NULL);
	ctx->session->has_saved_form = 0;
	return 1;
}
