/* Small helpers handlers use on their request context. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "clock.h"
#include "module.h"
#include "request.h"
#include "response.h"
#include "session.h"

const char *ctx_param(struct portal_ctx *ctx, const char *name)
{
	return kv_get(&ctx->req->params, name);
}

long long ctx_param_id(struct portal_ctx *ctx, const char *name)
{
	const char *s = ctx_param(ctx, name);
	if (!s || !*s || strlen(s) > 18)
		return 0;
	char *end;
	errno = 0;
	long long v = strtoll(s, &end, 10);
	if (errno || *end || v <= 0)
		return 0;
	return v;
}

const char *ctx_form(struct portal_ctx *ctx, const char *name)
{
	return kv_get(&ctx->req->form, name);
}

const char *ctx_query(struct portal_ctx *ctx, const char *name)
{
	return kv_get(&ctx->req->query, name);
}

long long ctx_account_id(const struct portal_ctx *ctx)
{
	return ctx->session ? ctx->session->account_id : 0;
}

int ctx_has_cap(const struct portal_ctx *ctx, unsigned caps)
{
	return ctx->session && ctx->session->account_id && (ctx->session->caps & caps) != 0;
}

int ctx_redirect(struct portal_ctx *ctx, const char *location)
{
	response_redirect(ctx->arena, ctx->res, location);
	return 0;
}

const char *ctx_today(struct portal_ctx *ctx)
{
	char *buf = arena_alloc(ctx->arena, 16);
	clock_today_iso(buf, 16);
	return buf;
}
