/* CAPTCHA text and image. The image is drawn small with gd's built-in font,
 * each character shifted and colored at random, then scaled up and crossed
 * by noise lines and dots so that plain OCR of the glyphs fails. */
#include "captcha.h"

#include <string.h>

#include <gd.h>
#include <gdfontg.h>

#include "arena.h"
#include "crypto.h"

void captcha_text(char *out, size_t n)
{
	static const char alphabet[] = CAPTCHA_ALPHABET;
	if (n < CAPTCHA_LEN + 1) {
		if (n)
			out[0] = '\0';
		return;
	}
	for (size_t i = 0; i < CAPTCHA_LEN; i++)
		out[i] = alphabet[crypto_random_uniform(sizeof alphabet - 1)];
	out[CAPTCHA_LEN] = '\0';
}

static int rnd(int lo, int hi)
{
	return lo + (int)crypto_random_uniform((uint32_t)(hi - lo + 1));
}

unsigned char *captcha_png(struct arena *a, const char *text, size_t *len)
{
	*len = 0;
	gdFontPtr font = gdFontGetGiant();
	const int sw = 14 * CAPTCHA_LEN + 12, sh = 26, scale = 3;
	gdImagePtr small = gdImageCreateTrueColor(sw, sh);
	gdImagePtr big = gdImageCreateTrueColor(sw * scale, sh * scale);
	unsigned char *out = NULL;
	if (!small || !big)
		goto err;
	gdImageFilledRectangle(small, 0, 0, sw - 1, sh - 1, gdTrueColor(245, 245, 240));
	int x = 6;
	for (const char *p = text; *p; p++) {
		int color = gdTrueColor(rnd(0, 90), rnd(0, 90), rnd(40, 130));
		gdImageChar(small, font, x + rnd(-1, 2), rnd(1, sh - font->h - 1),
			    (unsigned char)*p, color);
		x += 14;
	}
	gdImageCopyResampled(big, small, 0, 0, 0, 0, sw * scale, sh * scale, sw, sh);
	/* Lines across the text, in the text's own range of colors. */
	gdImageSetThickness(big, 2);
	for (int i = 0; i < 7; i++) {
		int color = gdTrueColor(rnd(0, 140), rnd(0, 140), rnd(0, 160));
		gdImageLine(big, rnd(0, sw * scale / 3), rnd(0, sh * scale - 1),
			    rnd(sw * scale * 2 / 3, sw * scale - 1), rnd(0, sh * scale - 1), color);
	}
	for (int i = 0; i < 600; i++)
		gdImageSetPixel(big, rnd(0, sw * scale - 1), rnd(0, sh * scale - 1),
				gdTrueColor(rnd(0, 200), rnd(0, 200), rnd(0, 200)));
	int size = 0;
	void *png = gdImagePngPtr(big, &size);
	if (!png || size <= 0)
		goto err;
	out = arena_alloc(a, (size_t)size);
	memcpy(out, png, (size_t)size);
	*len = (size_t)size;
	gdFree(png);
err:
	if (small)
		gdImageDestroy(small);
	if (big)
		gdImageDestroy(big);
	return out;
}

int captcha_answer_ok(const char *stored, time_t expires_at, const char *typed, time_t now)
{
	if (!stored || !*stored || !typed || now >= expires_at)
		return 0;
	if (strlen(stored) != strlen(typed))
		return 0;
	return crypto_str_equal(stored, typed);
}
