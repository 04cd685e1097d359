/* The contract between portal-host and a module.
 *
 * A module is a shared object exporting exactly one symbol,
 * `portal_module_descriptor`: its name, per-worker init/fini hooks and its
 * route table. Each route row names method, path pattern, handler and
 * protection, so a reader sees every page and its guard at a glance. */
#ifndef PORTAL_MODULE_H
#define PORTAL_MODULE_H

#include <stddef.h>

#include <libxml/tree.h>

#define PORTAL_MODULE_ABI 1
#define PORTAL_MODULE_SYMBOL "portal_module_descriptor"

struct arena;
struct db;
struct portal_config;
struct request;
struct response;
struct session;
struct portal_route;

/* Per-request context: handlers read the request, write the response or a
 * page, and use the worker's database connection. */
struct portal_ctx {
	struct arena *arena;
	struct request *req;
	struct response *res;
	struct session *session;	/* NULL when the visitor has none */
	int session_expired;		/* a cookie named a session that timed out */
	struct db *db;
	const struct portal_config *cfg;
	const char *module;
	const struct portal_route *route;
	xmlDocPtr page;			/* set by page_new() */
	const char *view;		/* stylesheet name, e.g. "auth/connexion" */
	void *module_data;		/* what the module's init returned */
	const char *error_reason;	/* refines an error page: "csrf" */
	unsigned long long catalogue_version; /* of the reference data a worker
					   may keep (sql/005_catalogue_version.sql),
					   read with the session; 0: unknown */
	/* The session is the worker's copy, its version not asked yet (a
	 * route with ACCESS_CHECK_IN_PAGE): the handler's first statement
	 * asks it (session_confirm), else the dispatcher does, before
	 * anything is answered. */
	int session_unconfirmed;
	unsigned long long session_version;
	unsigned char session_hash[32];
	/* page_fragment(): the key of the page's part kept by the worker,
	 * and its HTML when the worker had it already (fragment.h) */
	const char *fragment_key;
	const char *fragment_kept;
	size_t fragment_kept_len;
};

/* A handler returns 0 when it built the response (a page, a redirect or a
 * raw body), or an HTTP status (400, 403, 404, 409, 500, 503) for the
 * dispatcher to render the French error page. */
typedef int (*portal_handler)(struct portal_ctx *ctx);

/* Route protection. CSRF is checked on every POST, whatever the flags. */
enum portal_access {
	ACCESS_PUBLIC = 0,		    /* anyone, no session needed */
	ACCESS_VISITOR_SESSION = 1u << 0,   /* opens a pre-login session if missing
					       (login and reset forms: CSRF, CAPTCHA) */
	ACCESS_AUTH = 1u << 1,		    /* signed-in account with a valid password */
	ACCESS_PASSWORD_CHANGE = 1u << 2,   /* reachable while the password must change */
	ACCESS_CHECK_IN_PAGE = 1u << 3,	    /* the handler's first statement confirms
					       the worker's copy of the session
					       (session_confirm): one round trip
					       fewer; writes are refused before
					       (db_hold_writes) */
};

/* Capabilities of the signed-in account, computed at session load. A route
 * may require any of them (route.caps: at least one bit must be held). */
enum portal_cap {
	CAP_CAF_AGENT = 1u << 0,	/* any Caf agent */
	CAP_CAF_ADMIN = 1u << 1,	/* Caf administrator */
	CAP_CAF_HAB_MANAGER = 1u << 2,	/* Caf habilitation manager (validates approvers) */
	CAP_CAF_INSTRUCTOR = 1u << 3,	/* Caf agent instructing declarations */
	CAP_PARTNER_ADMIN = 1u << 4,	/* administrateur partenaire */
	CAP_HAB_MANAGER = 1u << 5,	/* responsable habilitations of a partner */
	CAP_DECLARER = 1u << 6,		/* group AFAS-DECLARER (declaration menu) */
	CAP_HABILITER = 1u << 7,	/* group AFAS-HABILITER (habilitation menu) */
	CAP_HAS_ROLES = 1u << 8,	/* at least one active habilitation on a facility */
};

struct portal_route {
	const char *method;	/* "GET" or "POST" (GET also answers HEAD) */
	const char *pattern;	/* "/declarations/equipement/{id}": {id} digits,
				   {name} [A-Za-z0-9_-]+, captured in req->params */
	portal_handler handler;
	unsigned access;	/* enum portal_access bits */
	unsigned caps;		/* required capabilities (any of), 0 for none */
};

struct portal_worker_info {
	const struct portal_config *cfg;
	struct db *db;
};

struct portal_module {
	int abi;				/* PORTAL_MODULE_ABI */
	const char *name;			/* "statistics": build/modules/NAME.so, xslt/NAME/,
						   database account portail_NAME */
	const char *prefix;			/* "/statistiques": its URL prefix; the core
						   answers PREFIX/sante for health checks */
	void *(*init)(const struct portal_worker_info *w);	/* per worker, may be NULL */
	void (*fini)(void *module_data);	/* per worker, may be NULL */
	const struct portal_route *routes;
	size_t nroutes;
};

#define PORTAL_EXPORT __attribute__((visibility("default")))

/* Route parameter helpers. */
const char *ctx_param(struct portal_ctx *ctx, const char *name);
/* Parses a {id} capture; 0 if absent or out of range. */
long long ctx_param_id(struct portal_ctx *ctx, const char *name);
/* Form and query values (NULL when absent). */
const char *ctx_form(struct portal_ctx *ctx, const char *name);
const char *ctx_query(struct portal_ctx *ctx, const char *name);
/* The signed-in account id, 0 for a visitor. */
long long ctx_account_id(const struct portal_ctx *ctx);
int ctx_has_cap(const struct portal_ctx *ctx, unsigned caps);
/* 303 redirect (POST/redirect/GET). Returns 0 for `return ctx_redirect(...)`. */
int ctx_redirect(struct portal_ctx *ctx, const char *location);
/* A flash message shown on the next page ("success", "info", "warning",
 * "error"), carried by an authenticated cookie (flash.h). */
void ctx_flash(struct portal_ctx *ctx, const char *kind, const char *message);
/* Today as "YYYY-MM-DD" from portal_now() (local time). */
const char *ctx_today(struct portal_ctx *ctx);

#endif
