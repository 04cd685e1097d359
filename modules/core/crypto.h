/* Randomness and digests, all from libsodium. */
#ifndef PORTAL_CRYPTO_H
#define PORTAL_CRYPTO_H

#include <stddef.h>
#include <stdint.h>

/* Must be called once per process before anything else here. */
int crypto_init(void);
/* n random bytes encoded base64url without padding into out (>= 4*n/3+2). */
void crypto_random_token(char *out, size_t out_len, size_t nbytes);
/* SHA-256 of data into out[32]. */
void crypto_sha256(const void *data, size_t len, unsigned char out[32]);
/* Lowercase hex of a SHA-256 into out[65]. */
void crypto_sha256_hex(const void *data, size_t len, char out[65]);
/* Constant-time string comparison (equal lengths required to match). */
int crypto_str_equal(const char *a, const char *b);
/* Uniform random integer in [0, upper). */
uint32_t crypto_random_uniform(uint32_t upper);
/* n random bytes (a seed, a key). */
void crypto_random_bytes(void *out, size_t n);

#endif
