/* "Habiliter un utilisateur": a user, a role, a start date, then
 * activities or sites. Each facility is locked (SELECT ... FOR UPDATE)
 * before its holders are counted, so the 2/2/1 limits hold when two
 * grantors race for the last slot: the second waits, counts the first and
 * is refused. All selected activities are granted, or none. */
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "clock.h"
#include "db.h"
#include "hab.h"
#include "hab_sql.h"
#include "log.h"
#include "module.h"
#include "page.h"
#include "request.h"

/* Activities or sites to tick, filtered by type and nature. */
static int scope_choices(struct portal_ctx *ctx, const struct hab_caller *c, xmlNodePtr root,
			 long long partner, const char *kind, const char *nature, int sites)
{
	const char *today = ctx_today(ctx);
	struct db_result r;
	enum db_status st = db_query(ctx->db, ctx->arena, SQL_ASSIGN_CHOICES,
				     DB_ARGS(DB_TEXT(today), DB_INT(partner), DB_TEXT(kind),
					     DB_TEXT(kind), DB_TEXT(nature), DB_TEXT(nature),
					     DB_TEXT(today)),
				     &r);
	if (st != DB_OK)
		return db_http_status(st);
	xmlNodePtr l = px_el(root, "choices");
	px_attr(l, "of", sites ? "sites" : "activities");
	for (size_t i = 0; i < r.rows; i++) {
		struct hab_target_facility t = {db_cell_int(&r, i, 0), partner, db_cell_int(&r, i, 6)};
		if (hab_scope_facility(&c->g, &t) != HSCOPE_OK)
			continue;
		if (sites && !db_cell(&r, i, 4))
			continue;
		if (!sites && i > 0 && db_cell_int(&r, i - 1, 0) == t.id)
			continue; /* one row per facility */
		xmlNodePtr n = px_el(l, "choice");
		px_attr(n, "facility-id", db_cell(&r, i, 0));
		px_attr(n, "name", db_cell(&r, i, 1));
		px_attr(n, "kind", db_cell(&r, i, 2));
		if (db_cell(&r, i, 3))
			px_attr(n, "nature", db_cell(&r, i, 3));
		if (sites) {
			px_attr(n, "site-id", db_cell(&r, i, 4));
			px_attr(n, "site", db_cell(&r, i, 5));
		}
	}
	return 0;
}

static int assign_page(struct portal_ctx *ctx, struct hab_caller *c, long long *partner,
		       xmlNodePtr *root_out)
{
	int rc = hab_caller_load(ctx, c);
	if (rc)
		return rc;
	if (c->g.kind == HGRANTOR_NONE)
		return 403;
	*partner = hab_partner_param(ctx, c);
	if (*partner < 0)
		return (int)-*partner;
	/* A Caf agent may pick the user first (all its partners' users are
	 * offered): the partner follows; a user of another partner than the
	 * one chosen is told on the page. */
	long long user = hab_id_value(hab_trimmed(ctx, "utilisateur"));
	int other_partner = 0;
	if (c->is_caf && user) {
		struct hab_account a;
		if ((rc = hab_account_in_scope(ctx, c, user, &a)))
			return rc;
		if (!*partner)
			*partner = a.partner_id;
		else
			other_partner = a.partner_id != *partner;
	}
	xmlNodePtr root = hab_page(ctx, "habilitations/affecter", c);
	if ((rc = hab_form_choices(ctx, c, root, *partner)))
		return rc;
	if (c->is_caf && !*partner && (rc = hab_caf_users_node(ctx, root, c->caf_id)))
		return rc;
	if (other_partner)
		page_error(root, "utilisateur",
			   "Cet utilisateur n'est pas un utilisateur de ce partenaire.");
	const char *kind = hab_trimmed(ctx, "type");
	const char *nature = hab_trimmed(ctx, "nature");
	int sites = strcmp(hab_trimmed(ctx, "portee"), "lieux") == 0;
	xmlNodePtr f = px_el(root, "filters");
	px_attr_int(f, "partenaire", *partner);
	px_attr(f, "utilisateur", hab_trimmed(ctx, "utilisateur"));
	px_attr(f, "role", hab_trimmed(ctx, "role"));
	px_attr(f, "a_partir_du", hab_trimmed(ctx, "a_partir_du"));
	px_attr(f, "type", kind);
	px_attr(f, "nature", nature);
	px_attr(f, "portee", sites ? "lieux" : "activites");
	if (*partner && (ctx_query(ctx, "afficher") || ctx_form(ctx, "role")))
		if ((rc = scope_choices(ctx, c, root, *partner, kind, nature, sites)))
			return rc;
	*root_out = root;
	return 0;
}

int hab_assign_get(struct portal_ctx *ctx)
{
	struct hab_caller c;
	long long partner;
	xmlNodePtr root = NULL;
	return assign_page(ctx, &c, &partner, &root);
}

struct target {
	long long facility, site;
};

/* One grant inside the open transaction. 0 done, 1 refused (message on the
 * page), or an HTTP status. */
static int grant_one(struct portal_ctx *ctx, const struct hab_caller *c, xmlNodePtr root,
		     long long account, long long partner, int role, const char *starts,
		     const struct target *t, const char **facility_name, long long *hab_id)
{
	struct db_result r;
	/* the lock that serialises every grant on this facility */
	enum db_status st = db_query(ctx->db, ctx->arena, SQL_FACILITY_LOCK,
				     DB_ARGS(DB_INT(t->facility)), &r);
	if (st != DB_OK)
		return db_http_status(st);
	if (r.rows != 1)
		return hab_refuse(ctx, "facility", t->facility);
	struct hab_target_facility f = {db_cell_int(&r, 0, 0), db_cell_int(&r, 0, 1),
					db_cell_int(&r, 0, 2)};
	const char *name = db_cell(&r, 0, 3);
	*facility_name = name;
	enum hab_scope sc = hab_scope_grant(&c->g, account, partner, &f);
	if (sc == HSCOPE_SELF) {
		page_error(root, NULL, "Vous ne pouvez pas vous attribuer un rôle vous-même.");
		return 1;
	}
	if (sc != HSCOPE_OK)
		return hab_refuse(ctx, "facility (grant)", t->facility);
	if (t->site) {
		st = db_query(ctx->db, ctx->arena, SQL_SITE, DB_ARGS(DB_INT(t->site)), &r);
		if (st != DB_OK)
			return db_http_status(st);
		if (r.rows != 1 || db_cell_int(&r, 0, 1) != f.id)
			return hab_refuse(ctx, "site", t->site);
	}
	st = db_query(ctx->db, ctx->arena, SQL_HOLDERS,
		      DB_ARGS(DB_INT(f.id), DB_TEXT(hab_role_sql(role))), &r);
	if (st != DB_OK)
		return db_http_status(st);
	long start = hab_day_from_iso(starts);
	struct hab_interval cand = {start, HAB_DAY_OPEN};
	struct hab_interval *iv = arena_zalloc(ctx->arena, (r.rows + 1) * sizeof(*iv));
	size_t n = 0;
	for (size_t i = 0; i < r.rows; i++) {
		struct hab_interval h = {hab_day_from_iso(db_cell(&r, i, 1)),
					 db_cell(&r, i, 2) ? hab_day_from_iso(db_cell(&r, i, 2))
							   : HAB_DAY_OPEN};
		if (db_cell_int(&r, i, 0) == account) {
			/* the same person again on overlapping dates adds no holder */
			long long s = db_cell(&r, i, 3) ? db_cell_int(&r, i, 3) : 0;
			if (s == t->site && h.start < cand.end && cand.start < h.end) {
				page_error(root, NULL,
					   arena_printf(ctx->arena,
							"Cet utilisateur est déjà habilité au rôle de %s "
							"pour l'équipement/service %s.",
							hab_role_label(role), name));
				return 1;
			}
			continue;
		}
		iv[n++] = h;
	}
	if (!hab_limit_allows(iv, n, cand, hab_role_limit(role))) {
		if (role == HROLE_APPROVER)
			page_error(root, NULL,
				   arena_printf(ctx->arena,
						"L'équipement/service %s a déjà un approbateur (validé "
						"ou en attente de validation par la Caf) à ces dates : "
						"un seul approbateur est possible.",
						name));
		else
			page_error(root, NULL,
				   arena_printf(ctx->arena,
						"L'équipement/service %s compte déjà %d %s à ces "
						"dates : c'est le maximum.",
						name, hab_role_limit(role),
						role == HROLE_ACTIVITY
							? "fournisseurs de données d'activité"
							: "fournisseurs de données financières"));
		return 1;
	}
	uint64_t id = 0;
	st = db_exec(ctx->db, SQL_HABILITATION_INSERT,
		     DB_ARGS(DB_INT(account), DB_INT(f.id), t->site ? DB_INT(t->site) : DB_NULL,
			     DB_TEXT(hab_role_sql(role)), DB_TEXT(starts),
			     DB_TEXT(role == HROLE_APPROVER ? "pending" : "not_required"),
			     DB_INT(c->account_id), DB_INT((long long)portal_now())),
		     NULL, &id);
	if (st != DB_OK)
		return db_http_status(st);
	*hab_id = (long long)id;
	if (hab_audit(ctx, "habilitation.granted", "habilitation", (long long)id,
		      arena_printf(ctx->arena,
				   "after: account=%lld facility=%lld site=%lld role=%s starts_on=%s "
				   "validation=%s",
				   account, f.id, t->site, hab_role_sql(role), starts,
				   role == HROLE_APPROVER ? "pending" : "not_required")))
		return 500;
	return 0;
}

/* The confirmation, of bounded length whatever the number of facilities
 * granted at once (the flash is at most 500 characters): the seeds'
 * sentences for one facility, beyond it the count and the person; the
 * facilities themselves are listed by the search "Enregistrer et quitter"
 * leads to. Names are at most 160 bytes (facility) and 2 x 80 (person). */
static const char *confirmation(struct portal_ctx *ctx, const struct hab_account *a, int role,
				size_t n, const char *facility)
{
	static const char SUCCESS[] = "Les habilitations ont été créées avec succès.";
	static const char *const ROLE_OF[HROLE__MAX] = {
		"de fournisseur de données d'activité", "de fournisseur de données financières",
		"d'approbateur", "de consultant"};
	if (n == 1 && role != HROLE_APPROVER)
		return SUCCESS;
	if (n == 1)
		return arena_printf(ctx->arena,
				    "%s L'habilitation de cet utilisateur au rôle d'approbateur pour "
				    "l'équipement/service %s, est en cours de validation par la Caf.",
				    SUCCESS, facility);
	return arena_printf(ctx->arena, "%s %zu habilitations attribuées à %s %s au rôle %s.%s",
			    SUCCESS, n, a->first_name, a->last_name, ROLE_OF[role],
			    role == HROLE_APPROVER
				    ? " Elles sont en cours de validation par la Caf."
				    : "");
}

int hab_assign_post(struct portal_ctx *ctx)
{
	struct hab_caller c;
	long long partner;
	xmlNodePtr root = NULL;
	int rc = assign_page(ctx, &c, &partner, &root);
	if (rc)
		return rc;
	page_form_values(root, &ctx->req->form);
	if (!partner) {
		page_error(root, "partenaire", "Choisissez le partenaire.");
		return 0;
	}
	long long account = hab_id_value(hab_trimmed(ctx, "utilisateur"));
	int role = hab_role_from_sql(hab_trimmed(ctx, "role"));
	const char *starts = NULL;
	hab_date_field(ctx, root, "a_partir_du", ctx_today(ctx), &starts);
	if (role < 0)
		page_error(root, "role", "Choisissez le rôle.");
	struct hab_account a = {0};
	if (!account) {
		page_error(root, "utilisateur", "Choisissez l'utilisateur.");
	} else if ((rc = hab_account_in_scope(ctx, &c, account, &a))) {
		return rc;
	} else if (a.partner_id != partner) {
		if (!c.is_caf)
			return hab_refuse(ctx, "account (other partner)", account);
		/* a Caf agent's slip: told on the page by assign_page() */
	} else if (a.closed_on && starts && strcmp(a.closed_on, starts) <= 0) {
		page_error(root, "utilisateur", "Le compte de cet utilisateur est clôturé à cette date.");
	}
	int sites = strcmp(hab_trimmed(ctx, "portee"), "lieux") == 0;
	const char *field = sites ? "lieu" : "activite";
	size_t n = kv_count(&ctx->req->form, field);
	struct target *targets = arena_zalloc(ctx->arena, (n + 1) * sizeof(*targets));
	size_t nt = 0;
	for (size_t i = 0; i < n; i++) {
		const char *v = kv_get_nth(&ctx->req->form, field, i);
		long long id = 0, site = 0;
		if (sites) {
			/* "facility:site" */
			const char *colon = strchr(v, ':');
			if (!colon)
				return 400;
			id = hab_id_value(arena_strndup(ctx->arena, v, (size_t)(colon - v)));
			site = hab_id_value(colon + 1);
		} else {
			id = hab_id_value(v);
		}
		if (!id || (sites && !site))
			return 400;
		targets[nt++] = (struct target){id, site};
	}
	if (ctx_form(ctx, "toutes") && partner) {
		/* "Sélectionner toutes les activités": every choice the page offered */
		xmlNodePtr l = NULL;
		for (xmlNodePtr e = root->children; e; e = e->next)
			if (e->type == XML_ELEMENT_NODE && xmlStrcmp(e->name, BAD_CAST "choices") == 0)
				l = e;
		size_t count = 0;
		for (xmlNodePtr e = l ? l->children : NULL; e; e = e->next)
			count++;
		targets = arena_zalloc(ctx->arena, (count + 1) * sizeof(*targets));
		nt = 0;
		for (xmlNodePtr e = l ? l->children : NULL; e; e = e->next) {
			xmlChar *f = xmlGetProp(e, BAD_CAST "facility-id");
			xmlChar *st = xmlGetProp(e, BAD_CAST "site-id");
			targets[nt++] = (struct target){hab_id_value((const char *)f),
							 st ? hab_id_value((const char *)st) : 0};
			xmlFree(f);
			xmlFree(st);
		}
	}
	if (nt == 0)
		page_error(root, field,
			   sites ? "La sélection d'au moins un lieu d'implantation est obligatoire."
				 : "La sélection d'au moins une activité est obligatoire.");
	if (page_error_count(root))
		return 0;

	enum db_status st = db_begin(ctx->db);
	if (st != DB_OK)
		return db_http_status(st);
	const char **names = arena_zalloc(ctx->arena, nt * sizeof(*names));
	for (size_t i = 0; i < nt; i++) {
		long long hid = 0;
		rc = grant_one(ctx, &c, root, account, partner, role, starts, &targets[i], &names[i],
			       &hid);
		if (rc) {
			db_rollback(ctx->db);
			return rc == 1 ? 0 : rc;
		}
	}
	if ((st = db_commit(ctx->db)) != DB_OK) {
		if (st == DB_CONFLICT) {
			page_error(root, NULL,
				   "Une autre habilitation a été enregistrée au même moment : "
				   "veuillez réessayer.");
			return 0;
		}
		return db_http_status(st);
	}
	ctx_flash(ctx, "success", confirmation(ctx, &a, role, nt, names[0]));
	if (ctx_form(ctx, "quitter"))
		/* the list of what was granted: this user's roles, from the database */
		return ctx_redirect(ctx, arena_printf(ctx->arena,
						      "/habilitations/recherche?partenaire=%lld"
						      "&utilisateur=%lld&etat=%s",
						      partner, account,
						      role == HROLE_APPROVER ? "inactif" : "actif"));
	return ctx_redirect(ctx, arena_printf(ctx->arena, "/habilitations/affecter?partenaire=%lld",
					      partner));
}
