/* Origin serialization and comparison; pure string work, no allocation. */
#include "origin.h"

#include <stdio.h>
#include <string.h>

static int is_scheme(const char *s, size_t n, const char *name)
{
	if (n != strlen(name))
		return 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c != name[i])
			return 0;
	}
	return 1;
}

/* Host characters: letters, digits, '-', '.', and for an IPv6 literal in
 * brackets, hex digits and ':' too. */
static int host_ok(const char *h, size_t n)
{
	if (n == 0)
		return 0;
	int v6 = h[0] == '[';
	if (v6 && (n < 3 || h[n - 1] != ']'))
		return 0;
	for (size_t i = v6; i < n - (size_t)v6; i++) {
		char c = h[i];
		int ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
			 c == '-' || c == '.' || (v6 && c == ':');
		if (!ok)
			return 0;
	}
	return 1;
}

int origin_of_url(const char *url, int allow_path, char *out, size_t out_len)
{
	if (!url || !out || out_len == 0)
		return -1;
	const char *sep = strstr(url, "://");
	if (!sep)
		return -1;
	size_t sl = (size_t)(sep - url);
	const char *scheme;
	long default_port;
	if (is_scheme(url, sl, "https")) {
		scheme = "https";
		default_port = 443;
	} else if (is_scheme(url, sl, "http")) {
		scheme = "http";
		default_port = 80;
	} else {
		return -1;
	}
	const char *auth = sep + 3;
	size_t an = strcspn(auth, "/?#");
	if (auth[an] != '\0' && !allow_path)
		return -1;
	if (memchr(auth, '@', an))
		return -1;

	/* The port follows the first ':' after the host (after the ']' of an
	 * IPv6 literal). */
	const char *close = auth[0] == '[' ? memchr(auth, ']', an) : NULL;
	const char *from = close ? close : auth;
	const char *colon = memchr(from, ':', an - (size_t)(from - auth));
	size_t hn = colon ? (size_t)(colon - auth) : an;
	if (!host_ok(auth, hn))
		return -1;
	long port = default_port;
	if (colon) {
		const char *p = colon + 1;
		size_t pn = an - hn - 1;
		if (pn == 0 || pn > 5)
			return -1;
		port = 0;
		for (size_t i = 0; i < pn; i++) {
			if (p[i] < '0' || p[i] > '9')
				return -1;
			port = port * 10 + (p[i] - '0');
		}
		if (port < 1 || port > 65535)
			return -1;
	}

	char host[256];
	if (hn >= sizeof host)
		return -1;
	for (size_t i = 0; i < hn; i++) {
		char c = auth[i];
		host[i] = (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
	}
	host[hn] = '\0';
	int n = port == default_port ? snprintf(out, out_len, "%s://%s", scheme, host)
				     : snprintf(out, out_len, "%s://%s:%ld", scheme, host, port);
	return n < 0 || (size_t)n >= out_len ? -1 : 0;
}

int origin_matches(const char *origin_header, const char *public_url)
{
	char a[300], b[300];
	if (origin_of_url(origin_header, 0, a, sizeof a) != 0 ||
	    origin_of_url(public_url, 1, b, sizeof b) != 0)
		return 0;
	return strcmp(a, b) == 0;
}
