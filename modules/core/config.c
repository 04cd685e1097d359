/* portail.conf: "key = value" lines; '#' starts a comment line; the last
 * occurrence of a key wins, so an instance file appends its overrides. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct entry {
	char *key;
	char *value;
};

struct portal_config {
	struct entry *items;
	size_t count;
	size_t cap;
};

struct portal_config *config_new_empty(void)
{
	struct portal_config *c = calloc(1, sizeof *c);
	if (!c)
		abort();
	return c;
}

void config_set(struct portal_config *c, const char *key, const char *value)
{
	for (size_t i = 0; i < c->count; i++)
		if (strcmp(c->items[i].key, key) == 0) {
			char *v = strdup(value);
			if (!v)
				abort();
			free(c->items[i].value);
			c->items[i].value = v;
			return;
		}
	if (c->count == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 32;
		c->items = realloc(c->items, c->cap * sizeof *c->items);
		if (!c->items)
			abort();
	}
	c->items[c->count].key = strdup(key);
	c->items[c->count].value = strdup(value);
	if (!c->items[c->count].key || !c->items[c->count].value)
		abort();
	c->count++;
}

static char *trim(char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n'))
		s[--n] = '\0';
	return s;
}

struct portal_config *config_load(const char *path)
{
	FILE *f = fopen(path, "r");
	if (!f) {
		fprintf(stderr, "config: cannot open %s: %s\n", path, strerror(errno));
		return NULL;
	}
	struct portal_config *c = config_new_empty();
	char line[4096];
	int lineno = 0;
	while (fgets(line, sizeof line, f)) {
		lineno++;
		char *s = trim(line);
		if (!*s || *s == '#')
			continue;
		char *eq = strchr(s, '=');
		if (!eq) {
			fprintf(stderr, "config: %s:%d: expected \"key = value\"\n", path, lineno);
			fclose(f);
			config_free(c);
			return NULL;
		}
		*eq = '\0';
		char *key = trim(s), *value = trim(eq + 1);
		if (!*key) {
			fprintf(stderr, "config: %s:%d: empty key\n", path, lineno);
			fclose(f);
			config_free(c);
			return NULL;
		}
		config_set(c, key, value);
	}
	fclose(f);
	return c;
}

void config_free(struct portal_config *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->count; i++) {
		free(c->items[i].key);
		free(c->items[i].value);
	}
	free(c->items);
	free(c);
}

const char *config_get(const struct portal_config *c, const char *key, const char *def)
{
	if (c)
		for (size_t i = 0; i < c->count; i++)
			if (strcmp(c->items[i].key, key) == 0)
				return c->items[i].value;
	return def;
}

long config_int(const struct portal_config *c, const char *key, long def)
{
	const char *v = config_get(c, key, NULL);
	if (!v || !*v)
		return def;
	char *end;
	errno = 0;
	long n = strtol(v, &end, 10);
	if (errno || *end)
		return def;
	return n;
}

int config_bool(const struct portal_config *c, const char *key, int def)
{
	const char *v = config_get(c, key, NULL);
	if (!v)
		return def;
	if (!strcmp(v, "yes") || !strcmp(v, "true") || !strcmp(v, "on") || !strcmp(v, "1"))
		return 1;
	if (!strcmp(v, "no") || !strcmp(v, "false") || !strcmp(v, "off") || !strcmp(v, "0"))
		return 0;
	return def;
}
