/* The request pipeline of a worker, in the one order every request follows:
 * parse -> route -> session -> password rotation -> access -> CSRF ->
 * handler -> render -> one log line. On an ACCESS_CHECK_IN_PAGE route the
 * session may be the worker's copy, confirmed by the handler's first
 * statement or else right after the handler, before anything is rendered;
 * a stale copy makes the route run again from the session on. */
#include "dispatch.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "arena.h"
#include "clock.h"
#include "config.h"
#include "db.h"
#include "log.h"
#include "module.h"
#include "page.h"
#include "request.h"
#include "response.h"
#include "route.h"
#include "session.h"

struct worker {
	const struct portal_config *cfg;
	const struct portal_module *mod;
	struct db *db;
	struct page_cache *pages;
	void *module_data;
	struct arena *arena;
	struct request_limits limits;
	char health_path[128];
};

static const char CHANGE_PASSWORD_PATH[] = "/auth/mot-de-passe";
static const char LOGIN_PATH[] = "/auth/connexion";

struct worker *worker_new(const struct portal_config *cfg, const struct portal_module *mod)
{
	struct worker *w = calloc(1, sizeof *w);
	if (!w)
		abort();
	w->cfg = cfg;
	w->mod = mod;
	w->arena = arena_new();
	request_limits_default(&w->limits);
	w->limits.max_body = (size_t)config_int(cfg, "max_body_bytes", (long)w->limits.max_body);
	w->limits.max_fields = (size_t)config_int(cfg, "max_fields", (long)w->limits.max_fields);
	w->limits.max_field_len =
		(size_t)config_int(cfg, "max_field_bytes", (long)w->limits.max_field_len);
	snprintf(w->health_path, sizeof w->health_path, "%s/sante", mod->prefix);
	clock_configure(cfg);
	log_set_module(mod->name);
	w->db = db_open(cfg, mod->name);
	w->pages = page_cache_new(cfg);
	if (mod->init) {
		struct portal_worker_info info = {.cfg = cfg, .db = w->db};
		w->module_data = mod->init(&info);
		if (!w->module_data) {
			log_error("module %s: init failed", mod->name);
			worker_free(w);
			return NULL;
		}
	}
	return w;
}

void worker_free(struct worker *w)
{
	if (!w)
		return;
	if (w->mod->fini && w->module_data)
		w->mod->fini(w->module_data);
	page_cache_free(w->pages);
	db_close(w->db);
	arena_free(w->arena);
	free(w);
}

static const char *fcgi_getenv(const char *name, void *env)
{
	return FCGX_GetParam(name, (FCGX_ParamArray)env);
}

/* Reads the body announced by CONTENT_LENGTH. Returns 0, 413 or 400. */
static int read_body(struct worker *w, FCGX_Request *fr, char **body, size_t *len)
{
	*body = NULL;
	*len = 0;
	const char *cl = FCGX_GetParam("CONTENT_LENGTH", fr->envp);
	if (!cl || !*cl)
		return 0;
	char *end;
	unsigned long long n = strtoull(cl, &end, 10);
	if (*end || cl[0] == '-')
		return 400;
	if (n > w->limits.max_body)
		return 413;
	*body = arena_alloc(w->arena, (size_t)n + 1);
	size_t got = 0;
	while (got < n) {
		int r = FCGX_GetStr(*body + got, (int)(n - got), fr->in);
		if (r <= 0)
			break;
		got += (size_t)r;
	}
	(*body)[got] = '\0';
	*len = got;
	return got == n ? 0 : 400;
}

static int is_method(const struct request *q, const char *m)
{
	return q->method && strcmp(q->method, m) == 0;
}

/* The route for the request, or NULL with *status 404 or 405. */
static const struct portal_route *find_route(struct worker *w, struct portal_ctx *ctx, int *status)
{
	const struct request *q = ctx->req;
	int path_matched = 0;
	for (size_t i = 0; i < w->mod->nroutes; i++) {
		const struct portal_route *r = &w->mod->routes[i];
		if (!route_match(ctx->arena, r->pattern, q->path, &ctx->req->params))
			continue;
		path_matched = 1;
		if (strcmp(r->method, q->method) == 0 ||
		    (strcmp(r->method, "GET") == 0 && is_method(q, "HEAD")))
			return r;
		ctx->req->params.count = 0;
	}
	*status = path_matched ? 405 : 404;
	return NULL;
}

static int health(struct worker *w, struct portal_ctx *ctx)
{
	int up = db_ping(w->db);
	static const char ok[] = "ok\n", down[] = "database unavailable\n";
	ctx->res->status = up ? 200 : 503;
	response_body(ctx->res, "text/plain; charset=utf-8", up ? ok : down,
		      up ? sizeof ok - 1 : sizeof down - 1);
	return 0;
}

/* A signed-in route reached without a valid session: back to the login page,
 * keeping a form whose session just expired. */
static int to_login(struct portal_ctx *ctx)
{
	if (!ctx->session_expired)
		return is_method(ctx->req, "POST") ? 403 : ctx_redirect(ctx, LOGIN_PATH);
	int rc = 0;
	if (is_method(ctx->req, "POST"))
		rc = session_save_form(ctx);
	if (!rc && !ctx->session)
		rc = session_start_visitor(ctx);
	if (rc)
		return rc;
	ctx_flash(ctx, "warning",
		  is_method(ctx->req, "POST")
			  ? "Votre session a expiré après une période d'inactivité. Reconnectez-vous : "
			    "les données que vous veniez d'envoyer sont conservées et vous seront "
			    "présentées à nouveau."
			  : "Votre session a expiré après une période d'inactivité. Reconnectez-vous.");
	return ctx_redirect(ctx, LOGIN_PATH);
}

/* Everything between routing and the handler. Returns 0 to run the
 * handler, -1 when a response (a redirect) is already set, or a status. */
static int guard(struct portal_ctx *ctx, const struct portal_route *r, int may_defer)
{
	int rc = may_defer && (r->access & ACCESS_CHECK_IN_PAGE) ? session_load_unconfirmed(ctx)
								 : session_load(ctx);
	if (rc)
		return rc;
	int signed_in = ctx->session && ctx->session->account_id;
	int needs_account = (r->access & (ACCESS_AUTH | ACCESS_PASSWORD_CHANGE)) || r->caps;
	if (needs_account && !signed_in) {
		rc = to_login(ctx);
		return rc ? rc : -1;
	}
	if ((r->access & ACCESS_VISITOR_SESSION) && !ctx->session) {
		rc = session_start_visitor(ctx);
		if (rc)
			return rc;
	}
	/* An expired password closes every page of every module but the
	 * change form (and the public ones: login, logout, assets). */
	if (needs_account && session_password_expired(ctx) &&
	    !(r->access & ACCESS_PASSWORD_CHANGE)) {
		ctx_redirect(ctx, CHANGE_PASSWORD_PATH);
		return -1;
	}
	if (r->caps && !(ctx->session->caps & r->caps))
		return 403;
	if (is_method(ctx->req, "POST") && !csrf_valid(ctx)) {
		log_info("csrf refused on %s", ctx->req->path);
		ctx->error_reason = "csrf";
		return 403;
	}
	return 0;
}

/* Guard and handler. On the worker's copy of the session left unconfirmed
 * (ACCESS_CHECK_IN_PAGE), confirmed here when the handler did not: then
 * SESSION_STALE when the copy proved stale, whatever was built. */
static int run_route(struct portal_ctx *ctx, const struct portal_route *r, int may_defer)
{
	int status = guard(ctx, r, may_defer);
	if (status == 0)
		status = r->handler(ctx);
	else if (status == -1)
		status = 0;
	if (status != SESSION_STALE && ctx->session_unconfirmed) {
		int rc = session_confirm_now(ctx);
		if (rc)
			status = rc;
	}
	return status;
}

/* Forgets what a route built on a stale session, before it runs again. */
static void reset_answer(struct worker *w, struct portal_ctx *ctx)
{
	if (db_in_transaction(w->db))
		db_rollback(w->db);
	if (ctx->page)
		xmlFreeDoc(ctx->page);
	ctx->page = NULL;
	ctx->view = NULL;
	ctx->fragment_key = NULL;
	ctx->fragment_kept = NULL;
	ctx->error_reason = NULL;
	ctx->session = NULL;
	ctx->catalogue_version = 0;
	response_init(ctx->res);
}

static long elapsed_us(const struct timespec *t0)
{
	struct timespec t1;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (t1.tv_sec - t0->tv_sec) * 1000000L + (t1.tv_nsec - t0->tv_nsec) / 1000;
}

void worker_handle(struct worker *w, FCGX_Request *fr)
{
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	arena_reset(w->arena);
	db_hold_writes(w->db, 0);

	struct request req;
	struct response res;
	memset(&req, 0, sizeof req);
	response_init(&res);
	struct portal_ctx ctx = {
		.arena = w->arena,
		.req = &req,
		.res = &res,
		.db = w->db,
		.cfg = w->cfg,
		.module = w->mod->name,
		.module_data = w->module_data,
	};

	const struct portal_route *route = NULL;
	char *body;
	size_t body_len;
	int status = read_body(w, fr, &body, &body_len);
	if (status == 0)
		status = (int)request_parse(w->arena, &w->limits, fcgi_getenv, fr->envp, body,
					    body_len, &req);
	if (status != 0) {
		/* Nothing of a bad request is trusted: a bare error page. */
		if (!req.path)
			req.path = "/";
		if (!req.method)
			req.method = "GET";
	} else if (strcmp(req.path, w->health_path) == 0) {
		status = health(w, &ctx);
	} else if ((route = find_route(w, &ctx, &status)) != NULL) {
		ctx.route = route;
		status = run_route(&ctx, route, 1);
		if (status == SESSION_STALE) {
			reset_answer(w, &ctx);
			status = run_route(&ctx, route, 0);
		}
	} else {
		/* Unknown page: still show who is signed in. */
		int rc = session_load(&ctx);
		if (rc)
			status = rc;
	}
	if (db_in_transaction(w->db)) {
		log_error("%s left a transaction open: rolled back", req.path);
		db_rollback(w->db);
	}
	if (status == 0 && ctx.page)
		status = page_render(w->pages, &ctx);
	if (status != 0)
		page_render_error(w->pages, &ctx, status);
	if (ctx.session && ctx.session->account_id)
		res.no_store = 1;
	if (ctx.page) {
		xmlFreeDoc(ctx.page);
		ctx.page = NULL;
	}

	size_t out_len;
	char *out = response_serialize(w->arena, &res, &out_len);
	FCGX_PutStr(out, (int)out_len, fr->out);

	log_info("req=%s module=%s route=\"%s %s\" path=%s status=%d us=%ld account=%lld",
		 req.request_id ? req.request_id : "-", w->mod->name,
		 route ? route->method : "-", route ? route->pattern : "-",
		 req.path ? req.path : "-", res.status, elapsed_us(&t0), ctx_account_id(&ctx));
}
