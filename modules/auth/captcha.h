/* The CAPTCHA of the forgotten-password form: a random case-sensitive text
 * drawn as a PNG by the plugin auth-captcha.so (captcha/, libgd). The
 * challenge is stored with the visitor's session and used once
 * (auth_store.c); the pure parts live here. */
#ifndef AUTH_CAPTCHA_H
#define AUTH_CAPTCHA_H

#include <stddef.h>
#include <time.h>

struct arena;

#define CAPTCHA_LEN 6
/* Letters whose two cases differ in shape, and digits that no letter
 * resembles: no 0/O/o, 1/l/I, c/C, k/K, s/S, u/U, v/V, w/W, x/X, z/Z. */
#define CAPTCHA_ALPHABET "ABDEFGHJLMNQRTYabdefghijmnqrt2345678"

/* A random text of CAPTCHA_LEN characters into out (>= CAPTCHA_LEN + 1). */
void captcha_text(char *out, size_t n);

/* The PNG image of text into *png (in the arena) and *len: 0, or the HTTP
 * status to answer: 503 when the plugin cannot be loaded, 500 when it
 * failed to draw (both logged). */
int captcha_png(struct arena *a, const char *text, const unsigned char **png, size_t *len);

/* Whether typed answers the challenge: same text (case-sensitive, compared
 * in constant time) before expires_at. A missing challenge never passes. */
int captcha_answer_ok(const char *stored, time_t expires_at, const char *typed, time_t now);

#endif
