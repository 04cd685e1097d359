/* The auth module's database operations, shared by the handlers and
 * portal-admin. Each returns a db_status (0 = DB_OK) unless said. */
#ifndef AUTH_STORE_H
#define AUTH_STORE_H

#include <stddef.h>
#include <time.h>

#include "db.h"
#include "throttle.h"

struct arena;

struct auth_account {
	long long id;
	const char *email;
	const char *password_hash;	/* NULL if never set */
	const char *temp_hash;		/* pending temporary password or NULL */
	time_t temp_expires_at;
	time_t password_set_at;
	int must_change;
	int closed;			/* "Clôturé" (or not yet opened) today */
	const char *first_name;
	const char *last_name;
	const char *login;
};

/* found = 1 when the account exists. today is "YYYY-MM-DD". */
enum db_status store_account_by_email(struct db *db, struct arena *a, const char *today,
				      const char *email, struct auth_account *out, int *found);
enum db_status store_account_by_id(struct db *db, struct arena *a, const char *today,
				   long long id, struct auth_account *out, int *found);
enum db_status store_account_by_login(struct db *db, struct arena *a, const char *today,
				      const char *login, struct auth_account *out, int *found);
/* The 3 most recent previous hashes into hashes[0..*n). */
enum db_status store_history_last3(struct db *db, struct arena *a, long long account_id,
				   const char *hashes[3], size_t *n);
/* In the caller's transaction: pushes the old hash (if any) into the
 * history and stores the new one, valid from now, no forced change. */
enum db_status store_set_password(struct db *db, long long account_id, const char *old_hash,
				  time_t old_set_at, const char *new_hash, time_t now);

enum throttle_kind { TK_LOGIN_ACCOUNT, TK_LOGIN_IP, TK_RESET_EMAIL, TK_RESET_IP };

/* The counter subject of an e-mail as typed: SHA-256 hex of its ASCII
 * lowercase, into out[65]. */
void store_email_subject(const char *email, char out[65]);

/* Charges one attempt when allowed. *allowed = 1 or 0; when refused,
 * *retry_at says from when a new attempt is accepted (0 = after the
 * window). */
enum db_status store_throttle_charge(struct db *db, struct arena *a, enum throttle_kind kind,
				     const char *subject, int limit, long window, time_t now,
				     int *allowed, time_t *retry_at);
/* After a failure already charged: sets the growing delay, or the lock
 * when the threshold is reached (*locked = 1 then, *until its end). */
enum db_status store_throttle_failed(struct db *db, struct arena *a, enum throttle_kind kind,
				     const char *subject, const struct throttle_policy *p,
				     time_t now, int *locked, time_t *until);
/* Success: the account's counter is cleared; the address gets its charge
 * back (a valid login does not wipe other failures from the address). */
enum db_status store_throttle_clear(struct db *db, enum throttle_kind kind, const char *subject);
enum db_status store_throttle_refund(struct db *db, enum throttle_kind kind, const char *subject);
/* portal-admin unlock: lifts every counter of an address or e-mail
 * subject; *removed counts the rows. */
enum db_status store_throttle_unlock(struct db *db, const char *subject, unsigned long long *removed);

/* CAPTCHA challenge of a session */
enum db_status store_captcha_put(struct db *db, long long session_id, const char *answer,
				 time_t expires_at);
/* Reads and deletes (single use). answer NULL when none. */
enum db_status store_captcha_take(struct db *db, struct arena *a, long long session_id,
				  const char **answer, time_t *expires_at);
/* Reads without consuming (to draw the image, and the test hook). */
enum db_status store_captcha_peek(struct db *db, struct arena *a, long long session_id,
				  const char **answer, time_t *expires_at);

#endif
