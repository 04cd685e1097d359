/* CAPTCHA text and image. The image is drawn by the plugin auth-captcha.so
 * (libgd), loaded by the first image a worker serves: the text and the
 * random seed are chosen here. */
#include "captcha.h"

#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "captcha/captcha_plugin.h"
#include "crypto.h"
#include "log.h"
#include "plugin.h"

/* Per worker process: the plugin is loaded once, by the first image. */
static struct portal_plugin captcha_plugin =
	PORTAL_PLUGIN(AUTH_CAPTCHA_FILE, AUTH_CAPTCHA_SYMBOL, AUTH_CAPTCHA_ABI);

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

int captcha_png(struct arena *a, const char *text, const unsigned char **png, size_t *len)
{
	*png = NULL;
	*len = 0;
	const struct auth_captcha_plugin *plugin = plugin_get(&captcha_plugin);
	if (!plugin)
		return 503; /* logged by plugin_get */
	unsigned char seed[AUTH_CAPTCHA_SEED_BYTES];
	crypto_random_bytes(seed, sizeof seed);
	unsigned char *data = NULL;
	const char *error = "?";
	if (plugin->png(text, seed, &data, len, &error) != 0) {
		log_error("auth: CAPTCHA image failed: %s", error);
		return 500;
	}
	*png = arena_memdup(a, data, *len);
	free(data);
	return 0;
}

int captcha_answer_ok(const char *stored, time_t expires_at, const char *typed, time_t now)
{
	if (!stored || !*stored || !typed || now >= expires_at)
		return 0;
	if (strlen(stored) != strlen(typed))
		return 0;
	return crypto_str_equal(stored, typed);
}
