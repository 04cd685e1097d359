/* The flash message ("Vos données ont été enregistrées.") travels in a
 * cookie from the answer that sets it to the next page, which shows it once.
 * In the session row it cost two writes per POST/redirect/GET (set, then
 * cleared), and each write made every worker load the session again
 * (session_cache.h). The cookie is authenticated with a key derived from the
 * session's CSRF token: nobody who cannot already post as the user can make
 * the portal show a text of their choosing, and a flash never crosses to
 * another session (a new token at login ends the visitor's). */
#ifndef PORTAL_FLASH_H
#define PORTAL_FLASH_H

#include <stddef.h>

struct arena;
struct portal_ctx;

/* "__Host-flash" over HTTPS, "flash" otherwise. */
const char *flash_cookie_name(const struct portal_ctx *ctx);

/* The cookie value for kind and message under a session's CSRF token:
 * base64url(kind "\n" message) "." base64url(MAC). NULL if kind is not one
 * of success, info, warning, error. */
char *flash_encode(struct arena *a, const char *csrf, const char *kind, const char *message);
/* 1 and kind, message (in the arena) when value is a flash of this token. */
int flash_decode(struct arena *a, const char *csrf, const char *value, const char **kind,
		 const char **message);

/* At session load: the request's flash, if it is this session's, into
 * ctx->session; a cookie that is not is deleted. */
void flash_load(struct portal_ctx *ctx);
/* Called by page_new() when it shows the flash: deletes the cookie, unless
 * this answer sets a new flash. */
void flash_shown(struct portal_ctx *ctx);

#endif
