/* libFuzzer target: the urlencoded form and query parser must accept or
 * refuse any bytes without crashing, and whatever it accepts is valid
 * UTF-8 without NUL. */
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
	struct request_limits limits;
	request_limits_default(&limits);
	limits.max_fields = 64;
	limits.max_field_len = 256;
	struct kv_list out = {0};
	if (request_parse_urlencoded(a, &limits, (const char *)data, size, &out) == REQUEST_OK) {
		for (size_t i = 0; i < out.count; i++) {
			if (!utf8_valid(out.items[i].name, strlen(out.items[i].name)) ||
			    !utf8_valid(out.items[i].value, strlen(out.items[i].value)) ||
			    strlen(out.items[i].value) != out.items[i].value_len)
				abort();
		}
	}
	arena_free(a);
	return 0;
}
