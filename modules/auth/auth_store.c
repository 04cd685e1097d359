/* Accounts, history, counters and CAPTCHA challenges in MariaDB. */
#include "auth_store.h"

#include <ctype.h>
#include <string.h>

#include "arena.h"
#include "auth_sql.h"
#include "crypto.h"

static const char *const KIND_NAMES[] = {"login_account", "login_ip", "reset_email", "reset_ip"};

static void fill_account(const struct db_result *r, struct auth_account *out)
{
	memset(out, 0, sizeof *out);
	out->id = db_cell_int(r, 0, 0);
	out->email = db_cell(r, 0, 1);
	out->password_hash = db_cell(r, 0, 2);
	out->temp_hash = db_cell(r, 0, 3);
	out->temp_expires_at = (time_t)db_cell_int(r, 0, 4);
	out->password_set_at = (time_t)db_cell_int(r, 0, 5);
	out->must_change = (int)db_cell_int(r, 0, 6);
	out->closed = (int)db_cell_int(r, 0, 7);
	out->first_name = db_cell(r, 0, 8);
	out->last_name = db_cell(r, 0, 9);
	out->login = db_cell(r, 0, 10);
}

enum db_status store_account_by_email(struct db *db, struct arena *a, const char *today,
				      const char *email, struct auth_account *out, int *found)
{
	struct db_result r;
	*found = 0;
	enum db_status st = db_query(db, a, SQL_ACCOUNT_BY_EMAIL,
				     DB_ARGS(DB_TEXT(today), DB_TEXT(today), DB_TEXT(email)), &r);
	if (st == DB_OK && r.rows == 1) {
		fill_account(&r, out);
		*found = 1;
	}
	return st;
}

enum db_status store_account_by_id(struct db *db, struct arena *a, const char *today,
				   long long id, struct auth_account *out, int *found)
{
	struct db_result r;
	*found = 0;
	enum db_status st = db_query(db, a, SQL_ACCOUNT_BY_ID,
				     DB_ARGS(DB_TEXT(today), DB_TEXT(today), DB_INT(id)), &r);
	if (st == DB_OK && r.rows == 1) {
		fill_account(&r, out);
		*found = 1;
	}
	return st;
}

enum db_status store_account_by_login(struct db *db, struct arena *a, const char *today,
				      const char *login, struct auth_account *out, int *found)
{
	struct db_result r;
	*found = 0;
	enum db_status st = db_query(db, a, SQL_ACCOUNT_BY_LOGIN,
				     DB_ARGS(DB_TEXT(today), DB_TEXT(today), DB_TEXT(login)), &r);
	if (st == DB_OK && r.rows == 1) {
		fill_account(&r, out);
		*found = 1;
	}
	return st;
}

enum db_status store_history_last3(struct db *db, struct arena *a, long long account_id,
				   const char *hashes[3], size_t *n)
{
	struct db_result r;
	*n = 0;
	enum db_status st =
		db_query(db, a, SQL_HISTORY_LAST3, DB_ARGS(DB_INT(account_id)), &r);
	if (st != DB_OK)
		return st;
	for (size_t i = 0; i < r.rows && i < 3; i++)
		hashes[(*n)++] = db_cell(&r, i, 0);
	return DB_OK;
}

enum db_status store_set_password(struct db *db, long long account_id, const char *old_hash,
				  time_t old_set_at, const char *new_hash, time_t now)
{
	enum db_status st = DB_OK;
	if (old_hash && *old_hash)
		st = db_exec(db, SQL_HISTORY_INSERT,
			     DB_ARGS(DB_INT(account_id), DB_TEXT(old_hash),
				     DB_INT(old_set_at ? old_set_at : now)),
			     NULL, NULL);
	if (st != DB_OK)
		return st;
	return db_exec(db, SQL_ACCOUNT_SET_PASSWORD,
		       DB_ARGS(DB_TEXT(new_hash), DB_INT(now), DB_INT(account_id)), NULL, NULL);
}

void store_email_subject(const char *email, char out[65])
{
	char low[256];
	size_t n = 0;
	for (; email && email[n] && n < sizeof low - 1; n++)
		low[n] = (char)tolower((unsigned char)email[n]);
	low[n] = '\0';
	crypto_sha256_hex(low, n, out);
}

enum db_status store_throttle_charge(struct db *db, struct arena *a, enum throttle_kind kind,
				     const char *subject, int limit, long window, time_t now,
				     int *allowed, time_t *retry_at)
{
	const char *k = KIND_NAMES[kind];
	*allowed = 0;
	*retry_at = 0;
	enum db_status st = db_exec(db, SQL_THROTTLE_ENSURE, DB_ARGS(DB_TEXT(k), DB_TEXT(subject)),
				    NULL, NULL);
	if (st != DB_OK)
		return st;
	long long start = (long long)now - window;
	uint64_t affected = 0;
	st = db_exec(db, SQL_THROTTLE_CHARGE,
		     DB_ARGS(DB_INT(start), DB_INT(start), DB_INT(now), DB_TEXT(k), DB_TEXT(subject),
			     DB_INT(now), DB_INT(now), DB_INT(start), DB_INT(limit)),
		     &affected, NULL);
	if (st != DB_OK)
		return st;
	if (affected == 1) {
		*allowed = 1;
		return DB_OK;
	}
	struct db_result r;
	st = db_query(db, a, SQL_THROTTLE_GET, DB_ARGS(DB_TEXT(k), DB_TEXT(subject)), &r);
	if (st == DB_OK && r.rows == 1) {
		time_t next = (time_t)db_cell_int(&r, 0, 2);
		time_t locked = (time_t)db_cell_int(&r, 0, 3);
		time_t window_end = (time_t)db_cell_int(&r, 0, 1) + window;
		time_t t = next > locked ? next : locked;
		if (t <= now)
			t = window_end;
		*retry_at = t;
	}
	return st;
}

enum db_status store_throttle_failed(struct db *db, struct arena *a, enum throttle_kind kind,
				     const char *subject, const struct throttle_policy *p,
				     time_t now, int *locked, time_t *until)
{
	const char *k = KIND_NAMES[kind];
	*locked = 0;
	*until = 0;
	struct db_result r;
	enum db_status st =
		db_query(db, a, SQL_THROTTLE_GET, DB_ARGS(DB_TEXT(k), DB_TEXT(subject)), &r);
	if (st != DB_OK || r.rows != 1)
		return st;
	int count = (int)db_cell_int(&r, 0, 0);
	time_t next = now + throttle_delay(p, count), lock = 0;
	if (throttle_locks(p, count)) {
		lock = now + p->lock_seconds;
		/* Only the failure that reaches the threshold reports the lock (and
		 * audits it); the count cannot go past it. */
		*locked = (time_t)db_cell_int(&r, 0, 3) <= now;
		*until = lock;
	}
	return db_exec(db, SQL_THROTTLE_SET_WAIT,
		       DB_ARGS(DB_INT(next), DB_INT(lock), DB_TEXT(k), DB_TEXT(subject)), NULL, NULL);
}

enum db_status store_throttle_clear(struct db *db, enum throttle_kind kind, const char *subject)
{
	return db_exec(db, SQL_THROTTLE_CLEAR, DB_ARGS(DB_TEXT(KIND_NAMES[kind]), DB_TEXT(subject)),
		       NULL, NULL);
}

enum db_status store_throttle_refund(struct db *db, enum throttle_kind kind, const char *subject)
{
	return db_exec(db, SQL_THROTTLE_REFUND,
		       DB_ARGS(DB_TEXT(KIND_NAMES[kind]), DB_TEXT(subject)), NULL, NULL);
}

enum db_status store_throttle_unlock(struct db *db, const char *subject, unsigned long long *removed)
{
	uint64_t n = 0;
	enum db_status st = db_exec(db, SQL_THROTTLE_UNLOCK, DB_ARGS(DB_TEXT(subject)), &n, NULL);
	if (removed)
		*removed = n;
	return st;
}

enum db_status store_captcha_put(struct db *db, long long session_id, const char *answer,
				 time_t expires_at)
{
	return db_exec(db, SQL_CAPTCHA_PUT,
		       DB_ARGS(DB_INT(session_id), DB_TEXT(answer), DB_INT(expires_at)), NULL, NULL);
}

enum db_status store_captcha_peek(struct db *db, struct arena *a, long long session_id,
				  const char **answer, time_t *expires_at)
{
	struct db_result r;
	*answer = NULL;
	*expires_at = 0;
	enum db_status st = db_query(db, a, SQL_CAPTCHA_GET, DB_ARGS(DB_INT(session_id)), &r);
	if (st == DB_OK && r.rows == 1) {
		*answer = db_cell(&r, 0, 0);
		*expires_at = (time_t)db_cell_int(&r, 0, 1);
	}
	return st;
}

enum db_status store_captcha_take(struct db *db, struct arena *a, long long session_id,
				  const char **answer, time_t *expires_at)
{
	enum db_status st = store_captcha_peek(db, a, session_id, answer, expires_at);
	if (st != DB_OK || !*answer)
		return st;
	uint64_t gone = 0;
	st = db_exec(db, SQL_CAPTCHA_DELETE, DB_ARGS(DB_INT(session_id)), &gone, NULL);
	/* Two parallel posts of one answer: only the one that deleted it wins. */
	if (st == DB_OK && gone != 1)
		*answer = NULL;
	return st;
}
