/* "Habilitations d'action sociale": the search (partner, user, role,
 * activity, type, nature, state*, sites yes/no) with results grouped by
 * activity, "Non attribué" listing activities and sites lacking a role, and
 * the action that ends a role. */
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "clock.h"
#include "db.h"
#include "hab.h"
#include "hab_sql.h"
#include "module.h"
#include "page.h"
#include "request.h"

int hab_form_choices(struct portal_ctx *ctx, const struct hab_caller *c, xmlNodePtr root,
		     long long partner)
{
	/* a Caf agent's partners, or a partner user's own (one row: id, name) */
	struct db_result r;
	enum db_status st =
		c->is_caf ? db_query(ctx->db, ctx->arena, SQL_PARTNERS_OF_CAF,
				     DB_ARGS(DB_INT(c->caf_id)), &r)
			  : db_query(ctx->db, ctx->arena, SQL_PARTNER, DB_ARGS(DB_INT(c->partner_id)), &r);
	if (st != DB_OK)
		return db_http_status(st);
	xmlNodePtr pl = px_el(root, "partners");
	for (size_t i = 0; i < r.rows; i++) {
		xmlNodePtr p = px_text(pl, "partner", db_cell(&r, i, 1));
		px_attr(p, "id", db_cell(&r, i, 0));
	}
	if (!partner)
		return 0;
	int rc = hab_open_users_node(ctx, root, partner);
	if (rc)
		return rc;
	st = db_query(ctx->db, ctx->arena, SQL_FACILITIES_OF_PARTNER,
		      DB_ARGS(DB_INT(partner), DB_TEXT(ctx_today(ctx))), &r);
	if (st != DB_OK)
		return db_http_status(st);
	xmlNodePtr fl = px_el(root, "activities");
	for (size_t i = 0; i < r.rows; i++) {
		struct hab_target_facility t = {db_cell_int(&r, i, 0), partner, db_cell_int(&r, i, 5)};
		if (!c->is_caf && hab_scope_facility(&c->g, &t) != HSCOPE_OK)
			continue;
		xmlNodePtr f = px_text(fl, "activity", db_cell(&r, i, 1));
		px_attr(f, "id", db_cell(&r, i, 0));
		px_attr(f, "kind", db_cell(&r, i, 2));
		if (db_cell(&r, i, 3))
			px_attr(f, "nature", db_cell(&r, i, 3));
	}
	return 0;
}

long long hab_partner_param(struct portal_ctx *ctx, const struct hab_caller *c)
{
	if (!c->is_caf)
		return c->partner_id;
	long long p = hab_id_value(hab_trimmed(ctx, "partenaire"));
	if (!p)
		return 0;
	struct db_result r;
	enum db_status st = db_query(ctx->db, ctx->arena, SQL_PARTNER, DB_ARGS(DB_INT(p)), &r);
	if (st != DB_OK)
		return -db_http_status(st);
	if (r.rows != 1 || db_cell_int(&r, 0, 2) != c->caf_id)
		return -hab_refuse(ctx, "partner", p);
	return p;
}

static const char *kind_param(struct portal_ctx *ctx, const char *name)
{
	const char *v = hab_trimmed(ctx, name);
	return strcmp(v, "EAJE") == 0 || strcmp(v, "ALSH") == 0 || strcmp(v, "RAM") == 0 ? v : "";
}

static const char *nature_param(struct portal_ctx *ctx)
{
	const char *v = hab_trimmed(ctx, "nature");
	return strcmp(v, "periscolaire") == 0 || strcmp(v, "extrascolaire") == 0 ||
			       strcmp(v, "adolescents") == 0
		       ? v
		       : "";
}

int hab_search(struct portal_ctx *ctx)
{
	struct hab_caller c;
	int rc = hab_caller_load(ctx, &c);
	if (rc)
		return rc;
	if (!hab_may_consult(&c))
		return 403;
	long long partner = hab_partner_param(ctx, &c);
	if (partner < 0)
		return (int)-partner;
	xmlNodePtr root = hab_page(ctx, "habilitations/recherche", &c);
	if ((rc = hab_form_choices(ctx, &c, root, partner)))
		return rc;
	long long user = hab_id_value(hab_trimmed(ctx, "utilisateur"));
	int role = hab_role_from_sql(hab_trimmed(ctx, "role"));
	long long activity = hab_id_value(hab_trimmed(ctx, "activite"));
	const char *kind = kind_param(ctx, "type");
	const char *nature = nature_param(ctx);
	int state = hab_state_from_param(hab_trimmed(ctx, "etat"));
	int sites = strcmp(hab_trimmed(ctx, "lieux"), "oui") == 0;
	xmlNodePtr f = px_el(root, "filters");
	px_attr_int(f, "partenaire", partner);
	px_attr_int(f, "utilisateur", user);
	px_attr(f, "role", role >= 0 ? hab_role_sql(role) : "");
	px_attr_int(f, "activite", activity);
	px_attr(f, "type", kind);
	px_attr(f, "nature", nature);
	px_attr(f, "etat", hab_trimmed(ctx, "etat"));
	px_attr(f, "lieux", sites ? "oui" : "non");
	if (!ctx_query(ctx, "etat"))
		return 0; /* the form alone, before a first search */
	if (state < 0) {
		page_error(root, "etat", "Choisissez l'état de l'habilitation.");
		return 0;
	}
	const char *today = ctx_today(ctx);
	long tday = hab_day_from_iso(today);
	long long caf = c.is_caf ? c.caf_id : 0;
	struct db_result r;
	enum db_status st;
	xmlNodePtr results = px_el(root, "results");
	px_attr(results, "state", hab_trimmed(ctx, "etat"));
	if (state == HAB_STATE_UNASSIGNED) {
		/* activities (and sites) lacking a role today */
		st = db_query(ctx->db, ctx->arena, sites ? SQL_UNASSIGNED_SITES : SQL_UNASSIGNED_FACILITIES,
			      DB_ARGS(DB_TEXT(today), DB_TEXT(today), DB_INT(partner), DB_INT(partner),
				      DB_INT(caf), DB_INT(caf), DB_INT(activity), DB_INT(activity),
				      DB_TEXT(kind), DB_TEXT(kind), DB_TEXT(nature), DB_TEXT(nature),
				      DB_TEXT(today)),
			      &r);
		if (st != DB_OK)
			return db_http_status(st);
		for (size_t i = 0; i < r.rows; i++) {
			struct hab_target_facility t = {db_cell_int(&r, i, 0), db_cell_int(&r, i, 4),
							db_cell_int(&r, i, 5)};
			if (!c.is_caf && hab_scope_facility(&c.g, &t) != HSCOPE_OK)
				continue;
			const char *held = db_cell(&r, i, 3) ? db_cell(&r, i, 3) : "";
			unsigned mask = 0;
			for (int k = 0; k < HROLE__MAX; k++)
				if (strstr(held, hab_role_sql(k)))
					mask |= 1u << k;
			unsigned missing = hab_missing_roles(mask);
			if (role >= 0)
				missing &= 1u << role;
			if (!missing)
				continue;
			xmlNodePtr a = px_el(results, "activity");
			px_attr(a, "id", db_cell(&r, i, 0));
			px_attr(a, "name", db_cell(&r, i, 1));
			px_attr(a, "kind", db_cell(&r, i, 2));
			if (sites && db_cell(&r, i, 6)) {
				px_attr(a, "site-id", db_cell(&r, i, 6));
				px_attr(a, "site", db_cell(&r, i, 7));
			}
			for (int k = 0; k < HROLE_CONSULTANT; k++)
				if (missing & (1u << k))
					px_attr(px_text(a, "missing", hab_role_label(k)), "role",
						hab_role_sql(k));
		}
		return 0;
	}
	st = db_query(ctx->db, ctx->arena, SQL_SEARCH,
		      DB_ARGS(DB_INT(partner), DB_INT(partner), DB_INT(caf), DB_INT(caf),
			      DB_INT(activity), DB_INT(activity), DB_TEXT(kind), DB_TEXT(kind),
			      DB_TEXT(nature), DB_TEXT(nature), DB_INT(user), DB_INT(user),
			      DB_TEXT(role >= 0 ? hab_role_sql(role) : ""),
			      DB_TEXT(role >= 0 ? hab_role_sql(role) : ""), DB_INT(sites)),
		      &r);
	if (st != DB_OK)
		return db_http_status(st);
	xmlNodePtr group = NULL;
	long long cur = -1, cur_site = -1;
	for (size_t i = 0; i < r.rows; i++) {
		struct hab_target_facility t = {db_cell_int(&r, i, 1), db_cell_int(&r, i, 15),
						db_cell_int(&r, i, 16)};
		if (!c.is_caf && hab_scope_facility(&c.g, &t) != HSCOPE_OK)
			continue;
		long start = hab_day_from_iso(db_cell(&r, i, 8));
		long end = db_cell(&r, i, 9) ? hab_day_from_iso(db_cell(&r, i, 9)) : HAB_DAY_OPEN;
		int v = hab_validation_from_sql(db_cell(&r, i, 10));
		enum hab_validation val = (enum hab_validation)(v < 0 ? 0 : v);
		enum hab_state s = hab_state_at(start, end, val, tday);
		/* Seed 003: "Actif" also lists an approver grant waiting for the
		 * Caf, marked "*"; it gives no right until validated (Inactif). */
		int pending_current = val == HVAL_PENDING && start <= tday && end > tday;
		if ((int)s != state && !(state == HSTATE_ACTIVE && pending_current))
			continue;
		long long site = db_cell(&r, i, 5) ? db_cell_int(&r, i, 5) : 0;
		if (t.id != cur || site != cur_site) {
			cur = t.id;
			cur_site = site;
			group = px_el(results, "activity");
			px_attr(group, "id", db_cell(&r, i, 1));
			px_attr(group, "name", db_cell(&r, i, 2));
			px_attr(group, "kind", db_cell(&r, i, 3));
			if (site)
				px_attr(group, "site", db_cell(&r, i, 6));
		}
		xmlNodePtr h = px_el(group, "habilitation");
		px_attr(h, "id", db_cell(&r, i, 0));
		px_attr(h, "role", hab_role_label(hab_role_from_sql(db_cell(&r, i, 7))));
		px_attr(h, "user", arena_printf(ctx->arena, "%s %s", db_cell(&r, i, 12),
						db_cell(&r, i, 13)));
		px_attr(h, "user-id", db_cell(&r, i, 11));
		px_attr(h, "starts-on", db_cell(&r, i, 8));
		if (db_cell(&r, i, 9))
			px_attr(h, "ends-on", db_cell(&r, i, 9));
		px_attr(h, "validation", db_cell(&r, i, 10));
		if (s != HSTATE_HISTORY && c.g.kind != HGRANTOR_NONE && hab_reaches_facility(&c, &t) &&
		    db_cell_int(&r, i, 11) != c.account_id)
			px_attr(h, "can-end", "1");
	}
	return 0;
}

/* Ends a role: ends_on = the given day (today by default), so it moves to
 * History from that day on. */
int hab_end_post(struct portal_ctx *ctx)
{
	struct hab_caller c;
	int rc = hab_caller_load(ctx, &c);
	if (rc)
		return rc;
	long long id = ctx_param_id(ctx, "id");
	if (c.g.kind == HGRANTOR_NONE)
		return hab_refuse(ctx, "habilitation", id);
	struct db_result r;
	if ((rc = hab_row_by_id(ctx, SQL_HABILITATION, "habilitation", id, &r)))
		return rc;
	struct hab_facility f;
	if ((rc = hab_facility_in_scope(ctx, &c, db_cell_int(&r, 0, 2), &f)))
		return rc;
	if (db_cell_int(&r, 0, 1) == c.account_id)
		return hab_refuse(ctx, "habilitation (own)", id);
	const char *day = ctx_today(ctx);
	const char *in = hab_trimmed(ctx, "date_fin");
	if (*in && hab_read_date(ctx, in, &day)) {
		ctx_flash(ctx, "error", "La date de fin est invalide (format attendu : JJ/MM/AAAA).");
		return ctx_redirect(ctx, "/habilitations/recherche");
	}
	enum db_status st = db_begin(ctx->db);
	if (st != DB_OK)
		return db_http_status(st);
	uint64_t n = 0;
	st = db_exec(ctx->db, SQL_HABILITATION_END,
		     DB_ARGS(DB_TEXT(day), DB_INT(c.account_id), DB_INT((long long)portal_now()),
			     DB_INT(id), DB_TEXT(day)),
		     &n, NULL);
	if (st == DB_OK && n &&
	    hab_audit(ctx, "habilitation.ended", "habilitation", id,
		      arena_printf(ctx->arena,
				   "account=%s facility=%lld role=%s before: ends_on=%s; after: "
				   "ends_on=%s",
				   db_cell(&r, 0, 1), f.id, db_cell(&r, 0, 4),
				   db_cell(&r, 0, 6) ? db_cell(&r, 0, 6) : "", day)))
		st = DB_ERROR;
	if ((rc = hab_commit(ctx, st)))
		return rc;
	ctx_flash(ctx, n ? "success" : "info",
		  n ? arena_printf(ctx->arena, "L'habilitation prend fin le %s.", hab_date_fr(ctx, day))
		    : "Cette habilitation avait déjà pris fin.");
	const char *back = hab_trimmed(ctx, "retour");
	if (!*back || strncmp(back, "/habilitations/", 15) != 0)
		back = "/habilitations/recherche?etat=actif";
	return ctx_redirect(ctx, back);
}
