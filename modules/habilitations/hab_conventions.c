/* Home of the module, the conventions list with its filters, a
 * convention's detail (services, facilities, sites) and its groups. */
#include <string.h>

#include "arena.h"
#include "db.h"
#include "hab.h"
#include "hab_sql.h"
#include "module.h"
#include "page.h"
#include "request.h"

int hab_home(struct portal_ctx *ctx)
{
	struct hab_caller c;
	int rc = hab_caller_load(ctx, &c);
	if (rc)
		return rc;
	xmlNodePtr root = hab_page(ctx, "habilitations/accueil", &c);
	/* the menu: what this caller may do, in the seeds' order */
	xmlNodePtr m = px_el(root, "actions");
	struct {
		const char *key, *href, *label;
		int shown;
	} items[] = {
		{"partenaires", "/habilitations/partenaires", "Organismes partenaires", c.caf_admin},
		{"conventions", "/habilitations/conventions", "Consulter les conventions",
		 hab_may_consult(&c)},
		{"recherche", "/habilitations/recherche", "Administration des profils",
		 hab_may_consult(&c)},
		{"affecter", "/habilitations/affecter", "Affecter un rôle à un utilisateur",
		 c.g.kind != HGRANTOR_NONE},
		{"responsables", "/habilitations/responsables", "Responsables habilitations",
		 c.g.kind == HGRANTOR_PARTNER_ADMIN || c.g.kind == HGRANTOR_MANAGER},
		{"validations", "/habilitations/validations", "Approbateurs à valider",
		 c.caf_hab_manager},
		{"supervision", "/habilitations/supervision", "Supervision habilitations",
		 c.caf_hab_manager || c.caf_admin},
	};
	for (size_t i = 0; i < sizeof(items) / sizeof(items[0]); i++) {
		if (!items[i].shown)
			continue;
		xmlNodePtr it = px_text(m, "action", items[i].label);
		px_attr(it, "key", items[i].key);
		px_attr(it, "href", items[i].href);
	}
	return 0;
}

int hab_conventions(struct portal_ctx *ctx)
{
	struct hab_caller c;
	int rc = hab_caller_load(ctx, &c);
	if (rc)
		return rc;
	if (!hab_may_consult(&c))
		return 403;
	xmlNodePtr root = hab_page(ctx, "habilitations/conventions", &c);
	const char *label = hab_trimmed(ctx, "libelle");
	const char *type = hab_trimmed(ctx, "type");
	const char *status = ctx_query(ctx, "statut") ? hab_trimmed(ctx, "statut") : "open";
	const char *partner = hab_trimmed(ctx, "partenaire");
	const char *state = hab_trimmed(ctx, "etat");
	if (strcmp(status, "open") && strcmp(status, "closed"))
		status = "";
	if (strcmp(state, "validee") && strcmp(state, "non-validee"))
		state = "";
	xmlNodePtr f = px_el(root, "filters");
	px_attr(f, "libelle", label);
	px_attr(f, "type", type);
	px_attr(f, "statut", status);
	px_attr(f, "partenaire", partner);
	px_attr(f, "etat", state);

	struct db_result r;
	enum db_status st = db_query(ctx->db, ctx->arena, SQL_PARTNER_TYPES, DB_NOARGS, &r);
	if (st != DB_OK)
		return db_http_status(st);
	xmlNodePtr types = px_el(root, "partner-types");
	for (size_t i = 0; i < r.rows; i++) {
		xmlNodePtr t = px_text(types, "type", db_cell(&r, i, 2));
		px_attr(t, "value", db_cell(&r, i, 1));
	}
	long long caf = c.is_caf ? c.caf_id : 0;
	long long pid = c.is_caf ? 0 : c.partner_id;
	st = db_query(ctx->db, ctx->arena, SQL_CONVENTIONS,
		      DB_ARGS(DB_INT(caf), DB_INT(caf), DB_INT(pid), DB_INT(pid), DB_TEXT(label),
			      DB_TEXT(label), DB_TEXT(type), DB_TEXT(type), DB_TEXT(status),
			      DB_TEXT(status), DB_TEXT(partner), DB_TEXT(partner), DB_TEXT(state),
			      DB_TEXT(state)),
		      &r);
	if (st != DB_OK)
		return db_http_status(st);
	xmlNodePtr list = px_el(root, "conventions");
	for (size_t i = 0; i < r.rows; i++) {
		xmlNodePtr n = px_el(list, "convention");
		px_attr(n, "id", db_cell(&r, i, 0));
		px_attr(n, "label", db_cell(&r, i, 1));
		px_attr(n, "caf", db_cell(&r, i, 2));
		px_attr(n, "partner", db_cell(&r, i, 3));
		px_attr(n, "opened-on", db_cell(&r, i, 4));
		if (db_cell(&r, i, 5))
			px_attr(n, "closed-on", db_cell(&r, i, 5));
		px_attr(n, "status", db_cell(&r, i, 6));
		if (db_cell(&r, i, 7))
			px_attr(n, "validated-on", db_cell(&r, i, 7));
		px_attr(n, "partner-type", db_cell(&r, i, 8));
	}
	return 0;
}

int hab_convention_detail(struct portal_ctx *ctx)
{
	struct hab_caller c;
	struct hab_convention cv;
	int rc = hab_caller_convention(ctx, &c, &cv);
	if (rc)
		return rc;
	xmlNodePtr root = hab_page(ctx, "habilitations/convention", &c);
	/* the row the scope check read (hab_convention_in_scope) */
	struct db_result r = cv.row;
	enum db_status st;
	xmlNodePtr n = px_el(root, "convention");
	static const char *const COLS[] = {"id",	   "caf-id",	 "partner-id",
					   "label",	   "opened-on",	 "closed-on",
					   "status",	   "validated-on", "partner",
					   "caf",	   "partner-type"};
	for (size_t k = 0; k < sizeof(COLS) / sizeof(COLS[0]); k++)
		if (db_cell(&r, 0, k))
			px_attr(n, COLS[k], db_cell(&r, 0, k));
	st = db_query(ctx->db, ctx->arena, SQL_SERVICES_OF_CONVENTION, DB_ARGS(DB_INT(cv.id)), &r);
	if (st != DB_OK)
		return db_http_status(st);
	xmlNodePtr sv = px_el(root, "services");
	for (size_t i = 0; i < r.rows; i++) {
		xmlNodePtr s = px_el(sv, "service");
		px_attr(s, "code", db_cell(&r, i, 1));
		px_attr(s, "scope", db_cell(&r, i, 2));
		px_attr(s, "opened-on", db_cell(&r, i, 3));
		if (db_cell(&r, i, 4))
			px_attr(s, "closed-on", db_cell(&r, i, 4));
	}
	st = db_query(ctx->db, ctx->arena, SQL_FACILITIES_OF_CONVENTION, DB_ARGS(DB_INT(cv.id)), &r);
	if (st != DB_OK)
		return db_http_status(st);
	struct db_result sites;
	st = db_query(ctx->db, ctx->arena, SQL_SITES_OF_CONVENTION, DB_ARGS(DB_INT(cv.id)), &sites);
	if (st != DB_OK)
		return db_http_status(st);
	xmlNodePtr fl = px_el(root, "facilities");
	for (size_t i = 0; i < r.rows; i++) {
		long long fid = db_cell_int(&r, i, 0);
		struct hab_target_facility t = {fid, cv.partner_id, cv.caf_id};
		if (!c.is_caf && hab_scope_facility(&c.g, &t) != HSCOPE_OK)
			continue; /* a manager sees its own subset */
		xmlNodePtr f = px_el(fl, "facility");
		px_attr(f, "id", db_cell(&r, i, 0));
		px_attr(f, "code", db_cell(&r, i, 1));
		px_attr(f, "kind", db_cell(&r, i, 2));
		if (db_cell(&r, i, 3))
			px_attr(f, "nature", db_cell(&r, i, 3));
		px_attr(f, "name", db_cell(&r, i, 4));
		px_attr(f, "opened-on", db_cell(&r, i, 5));
		for (size_t k = 0; k < sites.rows; k++)
			if (db_cell_int(&sites, k, 1) == fid) {
				xmlNodePtr s = px_el(f, "site");
				px_attr(s, "id", db_cell(&sites, k, 0));
				px_attr(s, "name", db_cell(&sites, k, 2));
				if (db_cell(&sites, k, 3))
					px_attr(s, "city", db_cell(&sites, k, 3));
			}
	}
	return 0;
}

int hab_convention_groups(struct portal_ctx *ctx)
{
	struct hab_caller c;
	struct hab_convention cv;
	int rc = hab_caller_convention(ctx, &c, &cv);
	if (rc)
		return rc;
	xmlNodePtr root = hab_page(ctx, "habilitations/groupes", &c);
	hab_convention_node(root, &cv);
	struct db_result r;
	enum db_status st = db_query(ctx->db, ctx->arena, SQL_MEMBERS_OF_PARTNER,
				     DB_ARGS(DB_INT(cv.partner_id)), &r);
	if (st != DB_OK)
		return db_http_status(st);
	xmlNodePtr gl = px_el(root, "groups");
	xmlNodePtr g = NULL;
	const char *cur = "";
	for (size_t i = 0; i < r.rows; i++) {
		if (strcmp(cur, db_cell(&r, i, 0)) != 0) {
			cur = db_cell(&r, i, 0);
			g = px_el(gl, "group");
			px_attr(g, "code", cur);
		}
		xmlNodePtr m = px_el(g, "member");
		px_attr(m, "account-id", db_cell(&r, i, 1));
		px_attr(m, "login", db_cell(&r, i, 2));
		px_attr(m, "last-name", db_cell(&r, i, 3));
		px_attr(m, "first-name", db_cell(&r, i, 4));
		px_attr(m, "opened-on", db_cell(&r, i, 5));
		const char *closed = db_cell(&r, i, 6);
		if (closed)
			px_attr(m, "closed-on", closed);
		px_attr(m, "open", hab_is_closed(ctx, closed) ? "0" : "1");
	}
	return 0;
}
