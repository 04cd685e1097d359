/* Web origins (RFC 6454): the scheme, host and port a browser sends in the
 * Origin header, compared with the portal's configured public_url. */
#ifndef PORTAL_ORIGIN_H
#define PORTAL_ORIGIN_H

#include <stddef.h>

/* The origin of an http(s) URL in serialized form: lowercase scheme and host,
 * the port only when it is not the scheme's default ("https://a.fr",
 * "http://127.0.0.1:8080"). With allow_path, a path, query or fragment after
 * the authority is ignored (public_url = "https://a.fr/"); without it, the
 * URL must be a bare origin (an Origin header). Returns 0, or -1 for anything
 * else: another scheme, user info, an empty host, a bad port, a too small
 * out. */
int origin_of_url(const char *url, int allow_path, char *out, size_t out_len);

/* Whether an Origin header names the same origin as public_url. 0 when
 * either is missing or malformed. */
int origin_matches(const char *origin_header, const char *public_url);

#endif
