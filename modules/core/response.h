/* What goes back to nginx: status, headers, cookies and a body. Security
 * headers are added to every response by response_write(). */
#ifndef PORTAL_RESPONSE_H
#define PORTAL_RESPONSE_H

#include <stddef.h>

#include "kv.h"

struct arena;

struct response {
	int status;		/* 200 unless set */
	const char *content_type;	/* default text/html; charset=utf-8 */
	struct kv_list headers;	/* extra headers */
	struct kv_list cookies;	/* name -> full Set-Cookie value */
	const char *body;
	size_t body_len;
	int no_store;		/* Cache-Control: no-store (authenticated pages) */
};

void response_init(struct response *r);
void response_header(struct arena *a, struct response *r, const char *name, const char *value);
/* Sets a cookie: HttpOnly, SameSite=Strict, Path=/, Secure when https.
 * max_age < 0: session cookie; 0: delete. */
void response_cookie(struct arena *a, struct response *r, const char *name, const char *value,
		     long max_age, int https);
/* 303 See Other to a local path (must start with '/' and not '//'):
 * open redirects are refused and replaced by "/". */
void response_redirect(struct arena *a, struct response *r, const char *location);
void response_body(struct response *r, const char *content_type, const char *body, size_t len);

/* Serialises status line, default security headers, extra headers, cookies
 * and body into one buffer (for FCGX_PutStr or a test). */
char *response_serialize(struct arena *a, const struct response *r, size_t *len);

/* Is location a safe local redirect target? ("/x", not "//x", no "\\",
 * no scheme, no control characters) */
int response_is_local_path(const char *location);

#endif
