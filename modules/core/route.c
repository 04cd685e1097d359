/* Route patterns: literal segments and {captures}. A capture named "id"
 * (or ending in "_id") takes digits only; any other takes a slug. */
#include "route.h"

#include <string.h>

#include "arena.h"

static int capture_char_ok(int digits_only, char c)
{
	if (c >= '0' && c <= '9')
		return 1;
	if (digits_only)
		return 0;
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '_';
}

int route_match(struct arena *a, const char *pattern, const char *path, struct kv_list *params)
{
	const char *p = pattern, *s = path;
	size_t mark = params->count;
	while (*p) {
		if (*p == '{') {
			const char *close = strchr(p, '}');
			if (!close)
				return 0;
			size_t nlen = (size_t)(close - p - 1);
			char *name = arena_strndup(a, p + 1, nlen);
			int digits = strcmp(name, "id") == 0 ||
				     (nlen > 3 && strcmp(name + nlen - 3, "_id") == 0);
			size_t max = digits ? 18 : 64;
			const char *start = s;
			while (*s && *s != '/' && capture_char_ok(digits, *s))
				s++;
			size_t vlen = (size_t)(s - start);
			if (vlen == 0 || vlen > max || (*s && *s != '/' && *s != close[1])) {
				params->count = mark;
				return 0;
			}
			kv_add(a, params, name, arena_strndup(a, start, vlen), vlen);
			p = close + 1;
			continue;
		}
		if (*p != *s) {
			params->count = mark;
			return 0;
		}
		p++;
		s++;
	}
	if (*s) {
		params->count = mark;
		return 0;
	}
	return 1;
}
