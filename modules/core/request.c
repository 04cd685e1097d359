/* Request parsing: strict percent-decoding, strict UTF-8, limits on sizes
 * and counts. Bad input is refused here, before any handler runs. */
#include "request.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "arena.h"
#include "crypto.h"

void request_limits_default(struct request_limits *l)
{
	l->max_body = 1024 * 1024;
	l->max_fields = 1000;
	l->max_field_len = 64 * 1024;
	l->max_cookies = 50;
}

int utf8_valid(const char *str, size_t len)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;
	while (i < len) {
		unsigned c = s[i];
		if (c == 0)
			return 0;
		if (c < 0x80) {
			i++;
			continue;
		}
		size_t n;
		unsigned cp;
		if (c >= 0xC2 && c <= 0xDF) {
			n = 1;
			cp = c & 0x1F;
		} else if (c >= 0xE0 && c <= 0xEF) {
			n = 2;
			cp = c & 0x0F;
		} else if (c >= 0xF0 && c <= 0xF4) {
			n = 3;
			cp = c & 0x07;
		} else {
			return 0; /* continuation byte, overlong lead (C0, C1) or > F4 */
		}
		if (i + n >= len)
			return 0;
		for (size_t k = 1; k <= n; k++) {
			if (i + k >= len || (s[i + k] & 0xC0) != 0x80)
				return 0;
			cp = (cp << 6) | (s[i + k] & 0x3F);
		}
		if ((n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) || cp > 0x10FFFF ||
		    (cp >= 0xD800 && cp <= 0xDFFF))
			return 0;
		i += n + 1;
	}
	return 1;
}

size_t utf8_length(const char *s)
{
	size_t n = 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		n += (*p & 0xC0) != 0x80;
	return n;
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Decodes s[0..len) into a new arena string. plus_is_space for forms and
 * queries. Returns NULL on a bad escape or invalid UTF-8 / NUL. */
static char *decode(struct arena *a, const char *s, size_t len, int plus_is_space, size_t *out_len)
{
	char *out = arena_alloc(a, len + 1);
	size_t n = 0;
	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		if (c == '%') {
			if (i + 2 >= len)
				return NULL;
			int h = hexval(s[i + 1]), l = hexval(s[i + 2]);
			if (h < 0 || l < 0)
				return NULL;
			out[n++] = (char)(h * 16 + l);
			i += 2;
		} else if (c == '+' && plus_is_space) {
			out[n++] = ' ';
		} else {
			out[n++] = c;
		}
	}
	out[n] = '\0';
	if (!utf8_valid(out, n))
		return NULL;
	*out_len = n;
	return out;
}

enum request_status request_parse_urlencoded(struct arena *a, const struct request_limits *limits,
					     const char *s, size_t len, struct kv_list *out)
{
	size_t i = 0;
	while (i < len) {
		size_t end = i;
		while (end < len && s[end] != '&')
			end++;
		if (end > i) {
			if (out->count >= limits->max_fields)
				return REQUEST_BAD;
			size_t eq = i;
			while (eq < end && s[eq] != '=')
				eq++;
			size_t nlen, vlen = 0;
			char *name = decode(a, s + i, eq - i, 1, &nlen);
			char *value = eq < end ? decode(a, s + eq + 1, end - eq - 1, 1, &vlen)
					       : arena_strdup(a, "");
			if (!name || !value)
				return REQUEST_BAD;
			if (vlen > limits->max_field_len || nlen > 256)
				return REQUEST_TOO_LARGE;
			if (nlen == 0)
				return REQUEST_BAD;
			kv_add(a, out, name, value, vlen);
		}
		i = end + 1;
	}
	return REQUEST_OK;
}

/* Cookie names are RFC 6265 tokens; values printable ASCII without
 * separators (our own cookies are base64url). Anything else is junk. */
static int cookie_name_ok(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c <= 0x20 || c >= 0x7f || strchr("()<>@,;:\\\"/[]?={}", c))
			return 0;
	}
	return 1;
}

static int cookie_value_ok(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c <= 0x20 || c >= 0x7f || c == '"' || c == ',' || c == ';' || c == '\\')
			return 0;
	}
	return 1;
}

enum request_status request_parse_cookies(struct arena *a, const struct request_limits *limits,
					  const char *header, struct kv_list *out)
{
	const char *p = header;
	while (p && *p) {
		while (*p == ' ' || *p == '\t' || *p == ';')
			p++;
		const char *end = strchr(p, ';');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		const char *eq = memchr(p, '=', len);
		if (eq && eq > p) {
			size_t nlen = (size_t)(eq - p);
			while (nlen && (p[nlen - 1] == ' ' || p[nlen - 1] == '\t'))
				nlen--;
			const char *v = eq + 1;
			size_t vlen = len - (size_t)(v - p);
			while (vlen && (*v == ' ' || *v == '\t')) {
				v++;
				vlen--;
			}
			while (vlen && (v[vlen - 1] == ' ' || v[vlen - 1] == '\t'))
				vlen--;
			if (vlen >= 2 && v[0] == '"' && v[vlen - 1] == '"') {
				v++;
				vlen -= 2;
			}
			/* Junk cookies (other sites' or broken ones) are skipped, not fatal. */
			if (nlen && vlen <= 4096 && cookie_name_ok(p, nlen) && cookie_value_ok(v, vlen)) {
				if (out->count >= limits->max_cookies)
					return REQUEST_OK;
				kv_add(a, out, arena_strndup(a, p, nlen), arena_strndup(a, v, vlen),
				       vlen);
			}
		}
		p = end ? end + 1 : NULL;
	}
	return REQUEST_OK;
}

/* A decoded path: '/', no "." or ".." segment, no backslash. */
static int path_ok(const char *p)
{
	if (p[0] != '/')
		return 0;
	for (const char *s = p; *s; s++) {
		if (*s == '\\' || (unsigned char)*s < 0x20 || *s == 0x7f)
			return 0;
		if (*s == '/' && s[1] == '.' &&
		    (s[2] == '/' || s[2] == '\0' || (s[2] == '.' && (s[3] == '/' || s[3] == '\0'))))
			return 0;
	}
	return 1;
}

static const char *env_or(request_getenv_fn get, void *env, const char *name, const char *def)
{
	const char *v = get(name, env);
	return v ? v : def;
}

/* Header values are kept only when valid UTF-8 (else dropped). */
static const char *header(struct arena *a, request_getenv_fn get, void *env, const char *name)
{
	const char *v = get(name, env);
	if (!v || !utf8_valid(v, strlen(v)))
		return NULL;
	return arena_strdup(a, v);
}

/* An HTTP method is a short run of uppercase letters. */
static int method_ok(const char *m)
{
	size_t n = strlen(m);
	if (n == 0 || n > 16)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (m[i] < 'A' || m[i] > 'Z')
			return 0;
	return 1;
}

/* nginx's $request_id is 32 hex digits; anything odd is replaced, since
 * the id goes into every log line. */
static const char *request_id(struct arena *a, request_getenv_fn get, void *env)
{
	const char *v = get("REQUEST_ID", env);
	size_t n = v ? strlen(v) : 0;
	int ok = n > 0 && n <= 64;
	for (size_t i = 0; ok && i < n; i++)
		ok = (v[i] >= '0' && v[i] <= '9') || (v[i] >= 'a' && v[i] <= 'z') ||
		     (v[i] >= 'A' && v[i] <= 'Z') || v[i] == '-' || v[i] == '_';
	if (ok)
		return arena_strdup(a, v);
	char id[32];
	crypto_random_token(id, sizeof id, 12);
	return arena_strdup(a, id);
}

/* The path, decoded once. REQUEST_URI is what the client sent (decoded
 * here, strictly); DOCUMENT_URI and SCRIPT_NAME + PATH_INFO were already
 * decoded by the server, so they are only checked. NULL: 400. */
static const char *request_path(struct arena *a, request_getenv_fn get, void *env)
{
	const char *raw = get("REQUEST_URI", env);
	if (raw) {
		size_t len = strcspn(raw, "?#");
		size_t n;
		return decode(a, raw, len, 0, &n);
	}
	const char *path = get("DOCUMENT_URI", env);
	if (!path) {
		const char *script = env_or(get, env, "SCRIPT_NAME", "");
		const char *info = env_or(get, env, "PATH_INFO", "");
		path = arena_printf(a, "%s%s", script, info);
		if (!*path)
			path = "/";
	}
	return utf8_valid(path, strlen(path)) ? arena_strdup(a, path) : NULL;
}

/* application/x-www-form-urlencoded, optionally with parameters
 * ("; charset=UTF-8"). */
static int is_form_type(const char *ct)
{
	static const char FORM[] = "application/x-www-form-urlencoded";
	size_t l = sizeof FORM - 1;
	if (!ct || strncasecmp(ct, FORM, l) != 0)
		return 0;
	ct += l;
	while (*ct == ' ' || *ct == '\t')
		ct++;
	return *ct == '\0' || *ct == ';';
}

enum request_status request_parse(struct arena *a, const struct request_limits *limits,
				  request_getenv_fn get, void *env, const char *body,
				  size_t body_len, struct request *out)
{
	memset(out, 0, sizeof *out);
	/* The id first: even a refused request gets its log line. */
	out->request_id = request_id(a, get, env);
	out->remote_addr = header(a, get, env, "REMOTE_ADDR");
	out->user_agent = header(a, get, env, "HTTP_USER_AGENT");
	out->origin = header(a, get, env, "HTTP_ORIGIN");
	out->sec_fetch_site = header(a, get, env, "HTTP_SEC_FETCH_SITE");
	out->host = header(a, get, env, "HTTP_HOST");
	out->content_type = header(a, get, env, "CONTENT_TYPE");
	const char *https = get("HTTPS", env);
	const char *proto = get("HTTP_X_FORWARDED_PROTO", env);
	out->https = (https && (strcasecmp(https, "on") == 0 || strcmp(https, "1") == 0)) ||
		     (proto && strcasecmp(proto, "https") == 0);

	const char *method = env_or(get, env, "REQUEST_METHOD", "GET");
	if (!method_ok(method))
		return REQUEST_BAD;
	out->method = arena_strdup(a, method);

	const char *path = request_path(a, get, env);
	if (!path || !path_ok(path))
		return REQUEST_BAD;
	out->path = path;

	out->query_string = arena_strdup(a, env_or(get, env, "QUERY_STRING", ""));
	enum request_status st = request_parse_urlencoded(a, limits, out->query_string,
							   strlen(out->query_string), &out->query);
	if (st != REQUEST_OK)
		return st;

	const char *cookie = get("HTTP_COOKIE", env);
	if (cookie)
		request_parse_cookies(a, limits, cookie, &out->cookies);

	if (body_len > limits->max_body)
		return REQUEST_TOO_LARGE;
	if (body_len > 0) {
		if (!is_form_type(out->content_type))
			return REQUEST_UNSUPPORTED;
		st = request_parse_urlencoded(a, limits, body, body_len, &out->form);
		if (st != REQUEST_OK)
			return st;
	}
	return REQUEST_OK;
}
