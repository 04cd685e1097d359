/* Password storage with libsodium's argon2id: hashing with the configured
 * cost, verification, rehash on a cost upgrade, the history rule and the
 * temporary passwords of the reset. No database here. */
#ifndef AUTH_PASSWORDS_H
#define AUTH_PASSWORDS_H

#include <stddef.h>
#include <time.h>

#include <sodium.h>

#include "password_policy.h"

struct portal_config;

#define PW_HASH_MAX crypto_pwhash_STRBYTES

struct pw_cost {
	unsigned long long opslimit;
	size_t memlimit;
};

enum pw_status {
	PW_OK = 0,
	PW_MISMATCH = 1,
	PW_NO_MEMORY = 2,	/* the hash could not get its memory: 503, never "wrong" */
};

/* argon2_opslimit (default 2) and argon2_memlimit_kib (default 19456 =
 * 19 MiB), clamped to libsodium's bounds. */
struct pw_cost pw_cost_from_config(const struct portal_config *cfg);

/* Hashes pw (len bytes) into out[PW_HASH_MAX]. PW_OK or PW_NO_MEMORY. */
enum pw_status pw_hash(const struct pw_cost *cost, const char *pw, size_t len,
		       char out[PW_HASH_MAX]);
/* PW_OK when pw matches hash; PW_MISMATCH for a wrong password or a NULL /
 * malformed hash. */
enum pw_status pw_verify(const char *hash, const char *pw, size_t len);
/* Whether a stored hash was made with another cost (upgrade at login). */
int pw_needs_rehash(const struct pw_cost *cost, const char *hash);

/* The history rule: 1 if pw matches any of the n hashes (the current one
 * and the previous ones), compared against the hashes only. */
int pw_matches_any(const char *pw, size_t len, const char *const *hashes, size_t n);

/* A random temporary password of 12 characters that passes the policy
 * (lowercase, uppercase, digits from an unambiguous alphabet) into out
 * (>= 13 bytes). */
void pw_temporary(char *out, size_t n, const char *email, const struct pp_blocklist *bl);

/* Validity: the password set at set_at, valid days*86400 seconds. */
int pw_expired(time_t set_at, long days, time_t now);
/* Seconds since the epoch when the password stops being valid. */
time_t pw_expires_at(time_t set_at, long days);
/* Whether the expiry reminder shows: from remind_days before expiry. */
int pw_reminder_due(time_t set_at, long days, long remind_days, time_t now);
/* A temporary password is usable until expires_at (exclusive). */
int pw_temporary_usable(time_t expires_at, time_t now);

#endif
