/* A declaration's values as one column, "N;T;code=value,code=value", made
 * by GROUP_CONCAT in the statement that reads the declaration (VALUES_OF in
 * decl_sql.c), so a page reads them without a round trip of their own. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "arena.h"
#include "decl.h"
#include "kv.h"

int decl_value_list_parse(struct arena *a, const char *list, long long expected,
			  struct decl_val **vals, size_t *n)
{
	*vals = NULL;
	*n = 0;
	if (!list)
		list = "";
	if (expected < 0 || (size_t)expected > strlen(list))
		return -1;
	struct decl_val *out = arena_zalloc(a, ((size_t)expected + 1) * sizeof(*out));
	size_t got = 0;
	char *item = arena_strdup(a, list);
	while (*item) {
		char *next = strchr(item, ',');
		if (next)
			*next++ = '\0';
		char *eq = strchr(item, '=');
		if (!eq || eq == item || got == (size_t)expected || (next && !*next))
			return -1;
		*eq = '\0';
		char *end;
		errno = 0;
		long long x = strtoll(eq + 1, &end, 10);
		if (errno || end == eq + 1 || *end)
			return -1;
		out[got].code = item;
		out[got++].v = x;
		item = next ? next : eq + strlen(eq + 1) + 1;
	}
	/* fewer than counted: the list was cut (group_concat_max_len) */
	if (got != (size_t)expected)
		return -1;
	*vals = out;
	*n = got;
	return 0;
}

/* A count before a ';': digits only. */
static int count_of(const char **p, long long *out)
{
	char *end;
	errno = 0;
	long long x = strtoll(*p, &end, 10);
	if (errno || end == *p || *end != ';' || x < 0 || (**p < '0' || **p > '9'))
		return -1;
	*out = x;
	*p = end + 1;
	return 0;
}

int decl_prev_column_parse(const char *column, long long *id, int *has_amount,
			   int64_t *amount_cents, const char **values)
{
	const char *p = column;
	long long x;
	if (!p || count_of(&p, &x) != 0 || x <= 0)
		return -1;
	*id = x;
	*has_amount = 0;
	if (*p != ';') {
		char *end;
		errno = 0;
		long long amount = strtoll(p, &end, 10);
		if (errno || end == p || *end != ';' || !(*p == '-' || (*p >= '0' && *p <= '9')))
			return -1;
		*has_amount = 1;
		*amount_cents = amount;
		p = end;
	}
	*values = p + 1;
	return 0;
}

int decl_controls_parse(struct arena *a, const char *column, const char *section,
			struct kv_list *out)
{
	memset(out, 0, sizeof(*out));
	long long expected;
	const char *p = column;
	if (!p || count_of(&p, &expected) != 0)
		return -1;
	struct kv_list found = {0};
	long long got = 0;
	size_t slen = strlen(section);
	while (*p) {
		const char *end = strchr(p, ',');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		const char *colon = memchr(p, ':', len), *eq = memchr(p, '=', len);
		const char *code_end = eq ? eq : p + len;
		if (!colon || colon > code_end || code_end == colon + 1 || got == expected)
			return -1;
		char *text = NULL;
		if (eq) {
			const char *hex = eq + 1;
			size_t hexlen = len - (size_t)(hex - p), n = 0;
			text = arena_alloc(a, hexlen / 2 + 1);
			const char *stop;
			if (sodium_hex2bin((unsigned char *)text, hexlen / 2 + 1, hex, hexlen, NULL,
					   &n, &stop) != 0 ||
			    stop != hex + hexlen)
				return -1;
			text[n] = '\0';
		}
		got++;
		if ((size_t)(colon - p) == slen && memcmp(p, section, slen) == 0) {
			char *code = arena_printf(a, "%.*s", (int)(code_end - colon - 1), colon + 1);
			kv_add(a, &found, code, text, text ? strlen(text) : 0);
		}
		if (!end)
			break;
		if (!end[1])
			return -1;
		p = end + 1;
	}
	/* fewer than counted: the list was cut (group_concat_max_len) */
	if (got != expected)
		return -1;
	*out = found;
	return 0;
}

int decl_values_column(struct arena *a, const char *column, struct decl_val **vals, size_t *n,
		       long long *texts)
{
	*vals = NULL;
	*n = 0;
	long long numbers;
	const char *p = column;
	if (!p || count_of(&p, &numbers) != 0 || count_of(&p, texts) != 0)
		return -1;
	return decl_value_list_parse(a, p, numbers, vals, n);
}
