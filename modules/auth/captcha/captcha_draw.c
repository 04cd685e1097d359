/* The CAPTCHA plugin: the image is drawn small with gd's built-in font, each
 * character shifted and colored at random, then scaled up and crossed by
 * noise lines and dots so that plain OCR of the glyphs fails. Every random
 * number comes from the caller's seed (captcha_plugin.h). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <gd.h>
#include <gdfontg.h>
#include <sodium.h>

#include "captcha_plugin.h"

#define NOISE_LINES 7
#define NOISE_DOTS 600
/* random numbers used: 5 per character, 7 per line, 5 per dot */
#define DRAWS(nchars) (5 * (nchars) + 7 * NOISE_LINES + 5 * NOISE_DOTS)

/* The seed stretched by ChaCha20 (libsodium): the noise is as unpredictable
 * as the seed, which the module takes from the system's CSPRNG. */
struct rng {
	uint32_t *v;
	size_t n, next;
};

static int rnd(struct rng *r, int lo, int hi)
{
	uint32_t x = r->next < r->n ? r->v[r->next++] : 0;
	/* the modulo bias, under 2^-23 for these ranges, does not matter for noise */
	return lo + (int)(x % (uint32_t)(hi - lo + 1));
}

/* A true color, its components drawn in order (a call's arguments are
 * evaluated in no fixed order, and one seed must give one image). */
static int rnd_color(struct rng *r, int r_hi, int g_hi, int b_lo, int b_hi)
{
	int red = rnd(r, 0, r_hi);
	int green = rnd(r, 0, g_hi);
	int blue = rnd(r, b_lo, b_hi);
	return gdTrueColor(red, green, blue);
}

static int png(const char *text, const unsigned char seed[AUTH_CAPTCHA_SEED_BYTES],
	       unsigned char **out, size_t *len, const char **error)
{
	*out = NULL;
	*len = 0;
	size_t nchars = text ? strlen(text) : 0;
	if (nchars == 0 || nchars > AUTH_CAPTCHA_MAX_TEXT) {
		*error = "text empty or too long";
		return -1;
	}
	struct rng r = {.n = DRAWS(nchars)};
	r.v = malloc(r.n * sizeof *r.v);
	if (!r.v) {
		*error = "out of memory";
		return -1;
	}
	randombytes_buf_deterministic(r.v, r.n * sizeof *r.v, seed);

	gdFontPtr font = gdFontGetGiant();
	const int scale = AUTH_CAPTCHA_SCALE;
	const int sw = AUTH_CAPTCHA_WIDTH((int)nchars) / scale, sh = AUTH_CAPTCHA_HEIGHT / scale;
	gdImagePtr small = gdImageCreateTrueColor(sw, sh);
	gdImagePtr big = gdImageCreateTrueColor(sw * scale, sh * scale);
	*error = "gd could not draw the image";
	if (!small || !big)
		goto err;
	gdImageFilledRectangle(small, 0, 0, sw - 1, sh - 1, gdTrueColor(245, 245, 240));
	int x = 6;
	for (const char *p = text; *p; p++) {
		int color = rnd_color(&r, 90, 90, 40, 130);
		int dx = rnd(&r, -1, 2);
		int y = rnd(&r, 1, sh - font->h - 1);
		gdImageChar(small, font, x + dx, y, (unsigned char)*p, color);
		x += 14;
	}
	gdImageCopyResampled(big, small, 0, 0, 0, 0, sw * scale, sh * scale, sw, sh);
	/* Lines across the text, in the text's own range of colors. */
	gdImageSetThickness(big, 2);
	for (int i = 0; i < NOISE_LINES; i++) {
		int color = rnd_color(&r, 140, 140, 0, 160);
		int x1 = rnd(&r, 0, sw * scale / 3), y1 = rnd(&r, 0, sh * scale - 1);
		int x2 = rnd(&r, sw * scale * 2 / 3, sw * scale - 1), y2 = rnd(&r, 0, sh * scale - 1);
		gdImageLine(big, x1, y1, x2, y2, color);
	}
	for (int i = 0; i < NOISE_DOTS; i++) {
		int px = rnd(&r, 0, sw * scale - 1), py = rnd(&r, 0, sh * scale - 1);
		gdImageSetPixel(big, px, py, rnd_color(&r, 200, 200, 0, 200));
	}
	int size = 0;
	void *data = gdImagePngPtr(big, &size);
	if (!data || size <= 0)
		goto err;
	/* gd's memory is freed by gdFree; the caller frees ours with free() */
	*out = malloc((size_t)size);
	if (*out) {
		memcpy(*out, data, (size_t)size);
		*len = (size_t)size;
	} else {
		*error = "out of memory";
	}
	gdFree(data);
err:
	if (small)
		gdImageDestroy(small);
	if (big)
		gdImageDestroy(big);
	free(r.v);
	return *out ? 0 : -1;
}

__attribute__((visibility("default"))) const struct auth_captcha_plugin auth_captcha_plugin = {
	.abi = AUTH_CAPTCHA_ABI,
	.png = png,
};
