/* libFuzzer target: a whole request (method, path, query, cookie, body)
 * built from the input bytes; the parser refuses or accepts, never crashes. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "request.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct env {
	const char *names[8];
	const char *values[8];
};

static const char *env_get(const char *name, void *p)
{
	struct env *e = p;
	for (int i = 0; i < 8 && e->names[i]; i++)
		if (strcmp(e->names[i], name) == 0)
			return e->values[i];
	return NULL;
}

/* Splits the input on '\n' into the parts of a request. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena *a = arena_new();
	char *copy = arena_strndup(a, (const char *)data, size);
	const char *parts[5] = {"GET", "/", "", "", ""};
	char *p = copy;
	for (int i = 0; i < 5 && p; i++) {
		char *nl = i < 4 ? strchr(p, '\n') : NULL;
		if (nl)
			*nl = '\0';
		parts[i] = p;
		p = nl ? nl + 1 : NULL;
	}
	struct env e = {
		{"REQUEST_METHOD", "DOCUMENT_URI", "QUERY_STRING", "HTTP_COOKIE", "CONTENT_TYPE"},
		{parts[0], parts[1], parts[2], parts[3], "application/x-www-form-urlencoded"},
	};
	const char *body = parts[4];
	struct request_limits limits;
	request_limits_default(&limits);
	struct request req;
	memset(&req, 0, sizeof req);
	if (request_parse(a, &limits, env_get, &e, body, strlen(body), &req) == REQUEST_OK) {
		if (!req.path || req.path[0] != '/' || !utf8_valid(req.path, strlen(req.path)))
			abort();
	}
	arena_free(a);
	return 0;
}
