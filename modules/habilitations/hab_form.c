/* The fields of the habilitations forms: trimmed values, ids, French
 * dates, and the date fields checked with their errors on the page. */
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "french.h"
#include "hab.h"
#include "module.h"
#include "page.h"

const char *hab_trimmed(struct portal_ctx *ctx, const char *name)
{
	const char *v = ctx_form(ctx, name);
	if (!v)
		v = ctx_query(ctx, name);
	if (!v)
		return "";
	while (*v == ' ' || *v == '\t')
		v++;
	size_t l = strlen(v);
	while (l && (v[l - 1] == ' ' || v[l - 1] == '\t'))
		l--;
	return arena_strndup(ctx->arena, v, l);
}

const char *hab_read_date(struct portal_ctx *ctx, const char *value, const char **iso)
{
	*iso = NULL;
	if (!value || !*value)
		return NULL;
	int y, m, d;
	const char *err = fr_read_date(value, &y, &m, &d);
	if (err)
		return err;
	*iso = arena_printf(ctx->arena, "%04d-%02d-%02d", y, m, d);
	return NULL;
}

int hab_is_closed(struct portal_ctx *ctx, const char *closed_on)
{
	return closed_on && strcmp(closed_on, ctx_today(ctx)) <= 0;
}

const char *hab_date_fr(struct portal_ctx *ctx, const char *iso)
{
	if (!iso || strlen(iso) != 10)
		return "";
	return arena_printf(ctx->arena, "%.2s/%.2s/%.4s", iso + 8, iso + 5, iso);
}

long long hab_id_value(const char *s)
{
	if (!s || !*s || strlen(s) > 18)
		return 0;
	for (const char *p = s; *p; p++)
		if (*p < '0' || *p > '9')
			return 0;
	return atoll(s);
}

int hab_date_field(struct portal_ctx *ctx, xmlNodePtr root, const char *field,
		   const char *if_empty, const char **iso)
{
	const char *in = hab_trimmed(ctx, field);
	if (!*in) {
		*iso = if_empty;
		return 1;
	}
	const char *err = hab_read_date(ctx, in, iso);
	if (err)
		page_error(root, field, err);
	return 0;
}

void hab_closing_field(struct portal_ctx *ctx, xmlNodePtr root, const char *field,
		       const char *opened, const char **closed)
{
	if (hab_date_field(ctx, root, field, NULL, closed) == 0 && *closed && opened &&
	    strcmp(*closed, opened) <= 0)
		page_error(root, field, "La date de clôture doit suivre la date d'ouverture.");
}
