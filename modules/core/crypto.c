/* Randomness and digests from libsodium: one audited implementation. */
#include "crypto.h"

#include <sodium.h>
#include <stdlib.h>
#include <string.h>

int crypto_init(void)
{
	return sodium_init() < 0 ? -1 : 0;
}

void crypto_random_token(char *out, size_t out_len, size_t nbytes)
{
	unsigned char raw[256];
	/* A short buffer is a programming error: never hand out a weak token. */
	if (nbytes == 0 || nbytes > sizeof raw ||
	    out_len < sodium_base64_ENCODED_LEN(nbytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING))
		abort();
	randombytes_buf(raw, nbytes);
	sodium_bin2base64(out, out_len, raw, nbytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	sodium_memzero(raw, sizeof raw);
}

void crypto_sha256(const void *data, size_t len, unsigned char out[32])
{
	crypto_hash_sha256(out, data, len);
}

void crypto_sha256_hex(const void *data, size_t len, char out[65])
{
	unsigned char h[32];
	crypto_hash_sha256(h, data, len);
	sodium_bin2hex(out, 65, h, sizeof h);
}

int crypto_str_equal(const char *a, const char *b)
{
	if (!a || !b)
		return 0;
	size_t la = strlen(a), lb = strlen(b);
	/* Lengths are not secret (tokens have a fixed length); contents are. */
	if (la != lb)
		return 0;
	return sodium_memcmp(a, b, la) == 0;
}

uint32_t crypto_random_uniform(uint32_t upper)
{
	return upper < 2 ? 0 : randombytes_uniform(upper);
}

void crypto_random_bytes(void *out, size_t n)
{
	randombytes_buf(out, n);
}
