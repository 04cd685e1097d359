/* Between the auth module and its CAPTCHA plugin (build/modules/
 * auth-captcha.so, loaded by core/plugin.h on the first image a worker
 * draws): libgd and the image libraries it pulls in (png, jpeg, tiff, webp,
 * fontconfig, freetype...) are mapped only in the workers that draw one.
 *
 * The module chooses the text and the random seed (libsodium), and keeps
 * the challenge; the plugin only draws. Change a struct here: bump
 * AUTH_CAPTCHA_ABI. */
#ifndef AUTH_CAPTCHA_PLUGIN_H
#define AUTH_CAPTCHA_PLUGIN_H

#include <stddef.h>

#define AUTH_CAPTCHA_FILE "auth-captcha.so"
#define AUTH_CAPTCHA_SYMBOL "auth_captcha_plugin"
#define AUTH_CAPTCHA_ABI 1

#define AUTH_CAPTCHA_SEED_BYTES 32
#define AUTH_CAPTCHA_MAX_TEXT 16

/* Each character takes 14 pixels of the small image, 6 more on each side;
 * the PNG is that scaled AUTH_CAPTCHA_SCALE times. */
#define AUTH_CAPTCHA_SCALE 3
#define AUTH_CAPTCHA_WIDTH(nchars) ((14 * (nchars) + 12) * AUTH_CAPTCHA_SCALE)
#define AUTH_CAPTCHA_HEIGHT (26 * AUTH_CAPTCHA_SCALE)

struct auth_captcha_plugin {
	int abi;	/* AUTH_CAPTCHA_ABI, first: checked at load */
	/* The PNG of text (printable ASCII, 1 to AUTH_CAPTCHA_MAX_TEXT
	 * characters), each character's place and color and the noise drawn
	 * from seed: one seed, one image. 0 and *png a malloc'ed image of *len
	 * bytes, which the caller frees; or -1 and *error a static message. */
	int (*png)(const char *text, const unsigned char seed[AUTH_CAPTCHA_SEED_BYTES],
		   unsigned char **png, size_t *len, const char **error);
};

#endif
