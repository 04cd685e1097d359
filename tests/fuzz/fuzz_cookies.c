/* libFuzzer target: the Cookie header parser never crashes and never
 * returns a cookie holding invalid UTF-8. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "kv.h"
#include "request.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena *a = arena_new();
	char *header = arena_strndup(a, (const char *)data, size);
	struct request_limits limits;
	request_limits_default(&limits);
	struct kv_list out = {0};
	if (request_parse_cookies(a, &limits, header, &out) == REQUEST_OK) {
		if (out.count > limits.max_cookies)
			abort();
		for (size_t i = 0; i < out.count; i++)
			if (!utf8_valid(out.items[i].value, strlen(out.items[i].value)))
				abort();
	}
	arena_free(a);
	return 0;
}
