/* argon2id through libsodium; the history and validity rules. */
#include "passwords.h"

#include <errno.h>
#include <string.h>

#include "config.h"
#include "crypto.h"

struct pw_cost pw_cost_from_config(const struct portal_config *cfg)
{
	long ops = config_int(cfg, "argon2_opslimit", 2);
	long kib = config_int(cfg, "argon2_memlimit_kib", 19456);
	struct pw_cost c;
	c.opslimit = ops < (long)crypto_pwhash_OPSLIMIT_MIN ? crypto_pwhash_OPSLIMIT_MIN
							    : (unsigned long long)ops;
	if (c.opslimit < 1)
		c.opslimit = 1;
	size_t mem = kib > 0 ? (size_t)kib * 1024 : 0;
	if (mem < 8192)
		mem = 8192;
	if (mem > (size_t)4 << 30)
		mem = (size_t)4 << 30;
	c.memlimit = mem;
	return c;
}

enum pw_status pw_hash(const struct pw_cost *cost, const char *pw, size_t len,
		       char out[PW_HASH_MAX])
{
	errno = 0;
	if (crypto_pwhash_str_alg(out, pw, len, cost->opslimit, cost->memlimit,
				  crypto_pwhash_ALG_ARGON2ID13) != 0) {
		out[0] = '\0';
		return PW_NO_MEMORY;
	}
	return PW_OK;
}

enum pw_status pw_verify(const char *hash, const char *pw, size_t len)
{
	if (!hash || !*hash || strlen(hash) >= PW_HASH_MAX || !pw)
		return PW_MISMATCH;
	errno = 0;
	if (crypto_pwhash_str_verify(hash, pw, len) == 0)
		return PW_OK;
	/* libsodium reports a failed allocation with ENOMEM; a wrong password
	 * sets EINVAL (or nothing). */
	return errno == ENOMEM ? PW_NO_MEMORY : PW_MISMATCH;
}

int pw_needs_rehash(const struct pw_cost *cost, const char *hash)
{
	if (!hash || strlen(hash) >= PW_HASH_MAX)
		return 1;
	return crypto_pwhash_str_needs_rehash(hash, cost->opslimit, cost->memlimit) != 0;
}

int pw_matches_any(const char *pw, size_t len, const char *const *hashes, size_t n)
{
	int found = 0;
	/* Every hash is checked, so the time does not say which one matched. */
	for (size_t i = 0; i < n; i++)
		if (hashes[i] && pw_verify(hashes[i], pw, len) == PW_OK)
			found = 1;
	return found;
}

/* No 0/O/o, 1/l/I, nor letters whose two cases look alike. */
static const char LOWER[] = "abdefghijmnqrty";
static const char DIGITS[] = "23456789";

static char pick(const char *set)
{
	return set[crypto_random_uniform((uint32_t)strlen(set))];
}

void pw_temporary(char *out, size_t n, const char *email, const struct pp_blocklist *bl)
{
	static const char ALL[] = "abdefghijmnqrtyABDEFGHJLMNQRTY23456789";
	const size_t len = 12;
	if (n < len + 1) {
		if (n)
			out[0] = '\0';
		return;
	}
	do {
		for (size_t i = 0; i < len; i++)
			out[i] = pick(ALL);
		/* Guarantee the classes at random positions. */
		size_t a = crypto_random_uniform((uint32_t)len);
		size_t b = (a + 1 + crypto_random_uniform((uint32_t)len - 1)) % len;
		out[a] = pick(LOWER);
		out[b] = pick(DIGITS);
		out[len] = '\0';
	} while (pp_check(out, len, email, bl) != 0);
}

time_t pw_expires_at(time_t set_at, long days)
{
	return set_at + (time_t)days * 86400;
}

int pw_expired(time_t set_at, long days, time_t now)
{
	return set_at <= 0 || now >= pw_expires_at(set_at, days);
}

int pw_reminder_due(time_t set_at, long days, long remind_days, time_t now)
{
	if (pw_expired(set_at, days, now))
		return 0;
	return now >= pw_expires_at(set_at, days) - (time_t)remind_days * 86400;
}

int pw_temporary_usable(time_t expires_at, time_t now)
{
	return expires_at > 0 && now < expires_at;
}
