/* One parsed HTTP request. Built by request_parse() from the FastCGI
 * parameters and body; everything in it is valid UTF-8 without NUL and
 * percent-decoded. Bad input is refused here, before any handler runs. */
#ifndef PORTAL_REQUEST_H
#define PORTAL_REQUEST_H

#include <stddef.h>

#include "kv.h"

struct arena;

struct request_limits {
	size_t max_body;	/* bytes of a form body (default 1 MiB) */
	size_t max_fields;	/* fields in a query or a form (default 1000) */
	size_t max_field_len;	/* bytes of one decoded value (default 64 KiB) */
	size_t max_cookies;	/* cookies in the Cookie header (default 50) */
};

void request_limits_default(struct request_limits *l);

struct request {
	const char *method;	    /* "GET", "POST", "HEAD" ... */
	const char *path;	    /* decoded path, starts with '/' */
	const char *query_string;   /* raw, as received */
	struct kv_list query;	    /* decoded query parameters */
	struct kv_list form;	    /* decoded application/x-www-form-urlencoded body */
	struct kv_list cookies;
	struct kv_list params;	    /* route captures: {id} -> "42" */
	const char *content_type;
	const char *remote_addr;
	const char *user_agent;
	const char *origin;	    /* Origin header or NULL */
	const char *sec_fetch_site; /* Sec-Fetch-Site header or NULL */
	const char *host;
	int https;		    /* served over HTTPS (HTTPS=on or X-Forwarded-Proto) */
	const char *request_id;	    /* nginx $request_id or generated */
};

/* Request parse outcomes, mapped by the dispatcher to error pages. */
enum request_status {
	REQUEST_OK = 0,
	REQUEST_BAD = 400,	     /* malformed encoding, invalid UTF-8, NUL, too many fields */
	REQUEST_TOO_LARGE = 413,     /* body or a field over its limit */
	REQUEST_UNSUPPORTED = 415,   /* a body that is not a urlencoded form */
};

/* Environment lookup: for FastCGI it is FCGX_GetParam over envp. */
typedef const char *(*request_getenv_fn)(const char *name, void *env);

/* Parses from the CGI environment and a body already read (body_len
 * bytes, not NUL-terminated). CONTENT_LENGTH over limits->max_body must be
 * refused by the caller before reading (request_body_too_large). */
enum request_status request_parse(struct arena *a, const struct request_limits *limits,
				  request_getenv_fn getenv_fn, void *env, const char *body,
				  size_t body_len, struct request *out);

/* Decodes an application/x-www-form-urlencoded string into list. */
enum request_status request_parse_urlencoded(struct arena *a, const struct request_limits *limits,
					     const char *s, size_t len, struct kv_list *out);
/* Parses a Cookie header. Malformed pairs are skipped (browsers send junk),
 * never fatal. */
enum request_status request_parse_cookies(struct arena *a, const struct request_limits *limits,
					  const char *header, struct kv_list *out);

/* Strict UTF-8 (no overlongs, no surrogates, no NUL). */
int utf8_valid(const char *s, size_t len);
/* Number of code points of a valid UTF-8 string. */
size_t utf8_length(const char *s);

#endif
