/* Flash messages in an authenticated cookie (flash.h). */
#include "flash.h"

#include <string.h>

#include <sodium.h>

#include "arena.h"
#include "log.h"
#include "module.h"
#include "request.h"
#include "response.h"
#include "session.h"

static const char *const KINDS[] = {"success", "info", "warning", "error"};

static const char *known_kind(const char *kind, size_t len)
{
	for (size_t i = 0; i < sizeof KINDS / sizeof *KINDS; i++)
		if (strlen(KINDS[i]) == len && memcmp(KINDS[i], kind, len) == 0)
			return KINDS[i];
	return NULL;
}

const char *flash_cookie_name(const struct portal_ctx *ctx)
{
	return ctx->req->https ? "__Host-flash" : "flash";
}

/* The MAC key of a session: its CSRF token, hashed with this purpose as
 * the key of BLAKE2b, so the two uses never share a value. */
static void key_of(const char *csrf, unsigned char key[crypto_auth_KEYBYTES])
{
	static const char purpose[] = "portail flash message";
	crypto_generichash(key, crypto_auth_KEYBYTES, (const unsigned char *)csrf, strlen(csrf),
			   (const unsigned char *)purpose, sizeof purpose - 1);
}

static char *b64(struct arena *a, const unsigned char *bin, size_t len)
{
	size_t n = sodium_base64_encoded_len(len, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	char *out = arena_alloc(a, n);
	return sodium_bin2base64(out, n, bin, len, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

char *flash_encode(struct arena *a, const char *csrf, const char *kind, const char *message)
{
	if (!csrf || !*csrf || !kind || !message || !known_kind(kind, strlen(kind)))
		return NULL;
	char *text = arena_printf(a, "%s\n%s", kind, message);
	size_t len = strlen(text);
	unsigned char key[crypto_auth_KEYBYTES], mac[crypto_auth_BYTES];
	key_of(csrf, key);
	crypto_auth(mac, (const unsigned char *)text, len, key);
	sodium_memzero(key, sizeof key);
	return arena_printf(a, "%s.%s", b64(a, (const unsigned char *)text, len),
			    b64(a, mac, sizeof mac));
}

int flash_decode(struct arena *a, const char *csrf, const char *value, const char **kind,
		 const char **message)
{
	const char *dot = value && csrf && *csrf ? strchr(value, '.') : NULL;
	if (!dot)
		return 0;
	size_t tlen = (size_t)(dot - value), max = tlen;
	unsigned char *text = arena_alloc(a, max + 1), mac[crypto_auth_BYTES];
	size_t len = 0, maclen = 0;
	if (sodium_base642bin(text, max, value, tlen, NULL, &len, NULL,
			      sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 ||
	    sodium_base642bin(mac, sizeof mac, dot + 1, strlen(dot + 1), NULL, &maclen, NULL,
			      sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 ||
	    maclen != sizeof mac)
		return 0;
	unsigned char key[crypto_auth_KEYBYTES];
	key_of(csrf, key);
	int ok = crypto_auth_verify(mac, text, len, key) == 0;
	sodium_memzero(key, sizeof key);
	const unsigned char *nl = ok ? memchr(text, '\n', len) : NULL;
	const char *k = nl ? known_kind((const char *)text, (size_t)(nl - text)) : NULL;
	if (!k || memchr(text, '\0', len))
		return 0;
	text[len] = '\0';
	*kind = k;
	*message = (const char *)nl + 1;
	return 1;
}

void flash_load(struct portal_ctx *ctx)
{
	const char *value = kv_get(&ctx->req->cookies, flash_cookie_name(ctx));
	struct session *s = ctx->session;
	if (!value || !s)
		return;
	if (!flash_decode(ctx->arena, s->csrf, value, &s->flash_kind, &s->flash_message)) {
		/* another session's, or forged: never shown, and forgotten */
		response_cookie(ctx->arena, ctx->res, flash_cookie_name(ctx), "", 0,
				ctx->req->https);
	}
}

void flash_shown(struct portal_ctx *ctx)
{
	struct session *s = ctx->session;
	if (!s || !s->flash_kind)
		return;
	if (!s->flash_pending)
		response_cookie(ctx->arena, ctx->res, flash_cookie_name(ctx), "", 0,
				ctx->req->https);
	s->flash_kind = NULL;
	s->flash_message = NULL;
}

void ctx_flash(struct portal_ctx *ctx, const char *kind, const char *message)
{
	struct session *s = ctx->session;
	if (!s)
		return;
	size_t fit = session_flash_fit(message);
	if (message[fit]) {
		/* a last resort: a message this long is a bug of its caller */
		log_error("flash of %zu bytes cut to %zu: %.60s", strlen(message), fit, message);
		message = arena_printf(ctx->arena, "%.*s…", (int)fit, message);
	}
	char *value = flash_encode(ctx->arena, s->csrf, kind, message);
	if (!value) {
		log_error("flash of unknown kind \"%s\" not set", kind);
		return;
	}
	response_cookie(ctx->arena, ctx->res, flash_cookie_name(ctx), value, -1, ctx->req->https);
	s->flash_pending = 1;
}
