/* Responses: status, security headers on every answer, cookies, body. */
#include "response.h"

#include <stdio.h>
#include <string.h>

#include "arena.h"

static const char CSP[] =
	"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
	"font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
	"base-uri 'none'; object-src 'none'";

void response_init(struct response *r)
{
	memset(r, 0, sizeof *r);
	r->status = 200;
	r->content_type = "text/html; charset=utf-8";
}

/* Header values never carry CR, LF or other control characters. */
static int header_safe(const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if ((*p < 0x20 && *p != '\t') || *p == 0x7f)
			return 0;
	return 1;
}

/* Header names are tokens: no ':' or space that would forge another header. */
static int header_name_ok(const char *s)
{
	if (!*s)
		return 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		      (*p >= '0' && *p <= '9') || *p == '-' || *p == '_'))
			return 0;
	return 1;
}

/* A header with CR/LF in it is dropped: it is a bug or an attack. */
void response_header(struct arena *a, struct response *r, const char *name, const char *value)
{
	if (!name || !value || !header_name_ok(name) || !header_safe(value))
		return;
	kv_add(a, &r->headers, name, value, strlen(value));
}

static int cookie_value_safe(const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p <= 0x20 || *p >= 0x7f || *p == ';' || *p == ',' || *p == '"' || *p == '\\')
			return 0;
	return 1;
}

void response_cookie(struct arena *a, struct response *r, const char *name, const char *value,
		     long max_age, int https)
{
	if (!*name || !cookie_value_safe(name) || strchr(name, '=') || !cookie_value_safe(value))
		return;
	char *line;
	if (max_age >= 0)
		line = arena_printf(a, "%s=%s; Path=/; Max-Age=%ld; HttpOnly; SameSite=Strict%s",
				    name, value, max_age, https ? "; Secure" : "");
	else
		line = arena_printf(a, "%s=%s; Path=/; HttpOnly; SameSite=Strict%s", name, value,
				    https ? "; Secure" : "");
	/* One Set-Cookie per name: a later call replaces an earlier one. */
	for (size_t i = 0; i < r->cookies.count; i++)
		if (strcmp(r->cookies.items[i].name, name) == 0) {
			r->cookies.items[i].value = line;
			r->cookies.items[i].value_len = strlen(line);
			return;
		}
	kv_add(a, &r->cookies, name, line, strlen(line));
}

int response_is_local_path(const char *location)
{
	if (!location || location[0] != '/' || location[1] == '/' || location[1] == '\\')
		return 0;
	for (const unsigned char *p = (const unsigned char *)location; *p; p++)
		if (*p < 0x21 || *p == 0x7f || *p == '\\')
			return 0;
	return 1;
}

void response_redirect(struct arena *a, struct response *r, const char *location)
{
	r->status = 303;
	const char *target = response_is_local_path(location) ? location : "/";
	r->body = NULL;
	r->body_len = 0;
	for (size_t i = 0; i < r->headers.count; i++)
		if (strcmp(r->headers.items[i].name, "Location") == 0) {
			r->headers.items[i].value = arena_strdup(a, target);
			r->headers.items[i].value_len = strlen(target);
			return;
		}
	response_header(a, r, "Location", arena_strdup(a, target));
}

void response_body(struct response *r, const char *content_type, const char *body, size_t len)
{
	r->content_type = content_type;
	r->body = body;
	r->body_len = len;
}

static const char *reason(int status)
{
	switch (status) {
	case 200: return "OK";
	case 201: return "Created";
	case 204: return "No Content";
	case 301: return "Moved Permanently";
	case 302: return "Found";
	case 303: return "See Other";
	case 304: return "Not Modified";
	case 401: return "Unauthorized";
	case 400: return "Bad Request";
	case 403: return "Forbidden";
	case 404: return "Not Found";
	case 405: return "Method Not Allowed";
	case 409: return "Conflict";
	case 413: return "Payload Too Large";
	case 415: return "Unsupported Media Type";
	case 429: return "Too Many Requests";
	case 500: return "Internal Server Error";
	case 503: return "Service Unavailable";
	default: return "Status";
	}
}

char *response_serialize(struct arena *a, const struct response *r, size_t *len)
{
	const char *type = r->content_type && header_safe(r->content_type)
				   ? r->content_type
				   : "text/html; charset=utf-8";
	int status = r->status >= 100 && r->status <= 999 ? r->status : 500;
	const char *head = arena_printf(
		a,
		"Status: %d %s\r\n"
		"Content-Type: %s\r\n"
		"Content-Security-Policy: %s\r\n"
		"X-Content-Type-Options: nosniff\r\n"
		"X-Frame-Options: DENY\r\n"
		"Referrer-Policy: same-origin\r\n"
		"Cross-Origin-Opener-Policy: same-origin\r\n"
		"Cross-Origin-Resource-Policy: same-origin\r\n"
		"Permissions-Policy: camera=(), microphone=(), geolocation=(), payment=(), usb=()\r\n"
		"%s",
		status, reason(status), type, CSP, r->no_store ? "Cache-Control: no-store\r\n" : "");
	/* Sizes from the strings themselves: value_len may be stale if a
	 * caller replaced a value in place. */
	size_t total = strlen(head) + r->body_len + 64;
	for (size_t i = 0; i < r->headers.count; i++)
		total += strlen(r->headers.items[i].name) + strlen(r->headers.items[i].value) + 4;
	for (size_t i = 0; i < r->cookies.count; i++)
		total += strlen(r->cookies.items[i].value) + 16;
	char *out = arena_alloc(a, total);
	size_t n = 0;
	n += (size_t)snprintf(out + n, total - n, "%s", head);
	for (size_t i = 0; i < r->headers.count; i++)
		n += (size_t)snprintf(out + n, total - n, "%s: %s\r\n", r->headers.items[i].name,
				      r->headers.items[i].value);
	for (size_t i = 0; i < r->cookies.count; i++)
		n += (size_t)snprintf(out + n, total - n, "Set-Cookie: %s\r\n",
				      r->cookies.items[i].value);
	n += (size_t)snprintf(out + n, total - n, "Content-Length: %zu\r\n\r\n", r->body_len);
	if (r->body_len)
		memcpy(out + n, r->body, r->body_len);
	n += r->body_len;
	out[n] = '\0'; /* the 64 spare bytes hold it: logs and tests may read it as a string */
	*len = n;
	return out;
}
