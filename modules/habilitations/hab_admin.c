/* The Caf administrator's forms: partners, conventions and their services
 * (scope local / multi-caf / national), facilities (EAJE, ALSH with its
 * nature, RAM), sites, and the partner administrator's account. Every id
 * must belong to the administrator's Caf. */
#include <string.h>

#include "arena.h"
#include "clock.h"
#include "db.h"
#include "french.h"
#include "hab.h"
#include "hab_sql.h"
#include "module.h"
#include "page.h"
#include "request.h"

static int caf_admin(struct portal_ctx *ctx, struct hab_caller *c)
{
	int rc = hab_caller_load(ctx, c);
	if (rc)
		return rc;
	return c->caf_admin ? 0 : 403;
}

static int partners_page(struct portal_ctx *ctx, struct hab_caller *c, xmlNodePtr *root)
{
	int rc = caf_admin(ctx, c);
	if (rc)
		return rc;
	*root = hab_page(ctx, "habilitations/partenaires", c);
	struct db_result r;
	enum db_status st = db_query(ctx->db, ctx->arena, SQL_PARTNER_TYPES, DB_NOARGS, &r);
	if (st != DB_OK)
		return db_http_status(st);
	xmlNodePtr types = px_el(*root, "partner-types");
	for (size_t i = 0; i < r.rows; i++) {
		xmlNodePtr t = px_text(types, "type", db_cell(&r, i, 2));
		px_attr(t, "id", db_cell(&r, i, 0));
	}
	st = db_query(ctx->db, ctx->arena, SQL_PARTNERS_LIST, DB_ARGS(DB_INT(c->caf_id)), &r);
	if (st != DB_OK)
		return db_http_status(st);
	xmlNodePtr l = px_el(*root, "partners");
	for (size_t i = 0; i < r.rows; i++) {
		xmlNodePtr p = px_el(l, "partner");
		px_attr(p, "id", db_cell(&r, i, 0));
		px_attr(p, "name", db_cell(&r, i, 1));
		px_attr(p, "type", db_cell(&r, i, 2));
		if (db_cell(&r, i, 3))
			px_attr(p, "city", db_cell(&r, i, 3));
		if (db_cell(&r, i, 4))
			px_attr(p, "convention-id", db_cell(&r, i, 4));
	}
	return 0;
}

int hab_partners_get(struct portal_ctx *ctx)
{
	struct hab_caller c;
	xmlNodePtr root = NULL;
	return partners_page(ctx, &c, &root);
}

static int digits_ok(const char *s, size_t n)
{
	if (strlen(s) != n)
		return 0;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return 0;
	return 1;
}

int hab_partners_post(struct portal_ctx *ctx)
{
	struct hab_caller c;
	xmlNodePtr root = NULL;
	int rc = partners_page(ctx, &c, &root);
	if (rc)
		return rc;
	page_form_values(root, &ctx->req->form);
	long long type = hab_id_value(hab_trimmed(ctx, "type"));
	const char *name = hab_trimmed(ctx, "nom");
	const char *siret = hab_trimmed(ctx, "siret");
	const char *address = hab_trimmed(ctx, "adresse");
	const char *postal = hab_trimmed(ctx, "code_postal");
	const char *city = hab_trimmed(ctx, "ville");
	if (!type)
		page_error(root, "type", "Choisissez le type d'organisme.");
	if (!*name || strlen(name) > 160)
		page_error(root, "nom", "Saisissez le nom de l'organisme (160 caractères au plus).");
	if (*siret && !digits_ok(siret, 14))
		page_error(root, "siret", "Le SIRET compte 14 chiffres.");
	if (*postal && !digits_ok(postal, 5))
		page_error(root, "code_postal", "Le code postal compte 5 chiffres.");
	if (strlen(address) > 200 || strlen(city) > 100)
		page_error(root, "adresse", "L'adresse ou la ville est trop longue.");
	if (page_error_count(root))
		return 0;
	enum db_status st = db_begin(ctx->db);
	if (st != DB_OK)
		return db_http_status(st);
	uint64_t id = 0;
	st = db_exec(ctx->db, SQL_PARTNER_INSERT,
		     DB_ARGS(DB_INT(c.caf_id), DB_INT(type), DB_TEXT(name),
			     DB_TEXT(*siret ? siret : NULL), DB_TEXT(*address ? address : NULL),
			     DB_TEXT(*postal ? postal : NULL), DB_TEXT(*city ? city : NULL),
			     DB_INT((long long)portal_now())),
		     NULL, &id);
	if (st == DB_CONSTRAINT)
		return hab_rollback_form(ctx, root, "type", "Choisissez le type d'organisme.");
	if (st == DB_OK && hab_audit(ctx, "partner.created", "partner", (long long)id,
				     arena_printf(ctx->arena, "after: name=%s type=%lld", name, type)))
		st = DB_ERROR;
	return hab_commit_redirect(
		ctx, st, arena_printf(ctx->arena, "L'organisme partenaire %s a été créé.", name),
		arena_printf(ctx->arena, "/habilitations/conventions/nouvelle?partenaire=%llu",
			     (unsigned long long)id));
}

static int convention_new_page(struct portal_ctx *ctx, struct hab_caller *c, xmlNodePtr *root)
{
	int rc = caf_admin(ctx, c);
	if (rc)
		return rc;
	*root = hab_page(ctx, "habilitations/convention-formulaire", c);
	struct db_result r;
	enum db_status st =
		db_query(ctx->db, ctx->arena, SQL_PARTNERS_OF_CAF, DB_ARGS(DB_INT(c->caf_id)), &r);
	if (st != DB_OK)
		return db_http_status(st);
	xmlNodePtr l = px_el(*root, "partners");
	for (size_t i = 0; i < r.rows; i++) {
		xmlNodePtr p = px_text(l, "partner", db_cell(&r, i, 1));
		px_attr(p, "id", db_cell(&r, i, 0));
	}
	px_attr(px_el(*root, "filters"), "partenaire", hab_trimmed(ctx, "partenaire"));
	return 0;
}

int hab_convention_new_get(struct portal_ctx *ctx)
{
	struct hab_caller c;
	xmlNodePtr root = NULL;
	return convention_new_page(ctx, &c, &root);
}

static const char *scope_value(const char *s)
{
	if (strcmp(s, "multi_caf") == 0 || strcmp(s, "national") == 0)
		return s;
	return strcmp(s, "local") == 0 || !*s ? "local" : NULL;
}

int hab_convention_new_post(struct portal_ctx *ctx)
{
	struct hab_caller c;
	xmlNodePtr root = NULL;
	int rc = convention_new_page(ctx, &c, &root);
	if (rc)
		return rc;
	page_form_values(root, &ctx->req->form);
	long long partner = hab_id_value(hab_trimmed(ctx, "partenaire"));
	const char *label = hab_trimmed(ctx, "libelle");
	const char *opened = NULL, *closed = NULL, *validated = NULL;
	const char *scope = scope_value(hab_trimmed(ctx, "portee"));
	struct db_result r;
	enum db_status st = db_query(ctx->db, ctx->arena, SQL_PARTNER, DB_ARGS(DB_INT(partner)), &r);
	if (st != DB_OK)
		return db_http_status(st);
	if (!partner || r.rows != 1)
		page_error(root, "partenaire", "Choisissez l'organisme partenaire.");
	else if (db_cell_int(&r, 0, 2) != c.caf_id)
		return hab_refuse(ctx, "partner", partner);
	if (!*label || strlen(label) > 160)
		page_error(root, "libelle", "Saisissez le libellé (160 caractères au plus).");
	hab_date_field(ctx, root, "date_ouverture", ctx_today(ctx), &opened);
	hab_closing_field(ctx, root, "date_cloture", opened, &closed);
	hab_date_field(ctx, root, "validee_le", NULL, &validated);
	if (!scope)
		page_error(root, "portee", "Choisissez la portée : locale, multi-caf ou nationale.");
	if (page_error_count(root))
		return 0;
	if ((st = db_begin(ctx->db)) != DB_OK)
		return db_http_status(st);
	uint64_t id = 0;
	const char *status = hab_is_closed(ctx, closed) ? "closed" : "open";
	st = db_exec(ctx->db, SQL_CONVENTION_INSERT,
		     DB_ARGS(DB_INT(c.caf_id), DB_INT(partner), DB_TEXT(label), DB_TEXT(opened),
			     DB_TEXT(closed), DB_TEXT(status), DB_TEXT(validated),
			     DB_INT(c.account_id), DB_INT((long long)portal_now())),
		     NULL, &id);
	if (st == DB_OK)
		st = db_exec(ctx->db, SQL_SERVICE_INSERT,
			     DB_ARGS(DB_INT((long long)id), DB_TEXT("AFAS"), DB_TEXT(scope),
				     DB_TEXT(opened)),
			     NULL, NULL);
	if (st == DB_OK &&
	    hab_audit(ctx, "convention.created", "convention", (long long)id,
		      arena_printf(ctx->arena, "after: partner=%lld label=%s opened_on=%s service=AFAS "
					       "scope=%s",
				   partner, label, opened, scope)))
		st = DB_ERROR;
	return hab_commit_redirect(ctx, st, "La convention a été créée avec le service AFAS.",
				   arena_printf(ctx->arena, "/habilitations/convention/%llu",
						(unsigned long long)id));
}

/* A convention of the administrator's own Caf, or a logged 404. */
static int own_convention(struct portal_ctx *ctx, struct hab_caller *c, struct hab_convention *cv)
{
	int rc = caf_admin(ctx, c);
	if (rc)
		return rc == 403 ? hab_refuse(ctx, "convention (caf admin)", ctx_param_id(ctx, "id"))
				 : rc;
	return hab_convention_in_scope(ctx, c, ctx_param_id(ctx, "id"), cv);
}

int hab_service_post(struct portal_ctx *ctx)
{
	struct hab_caller c;
	struct hab_convention cv;
	int rc = own_convention(ctx, &c, &cv);
	if (rc)
		return rc;
	const char *service = hab_trimmed(ctx, "service");
	const char *scope = scope_value(hab_trimmed(ctx, "portee"));
	int ok = *service && strlen(service) <= 10 && scope;
	for (const char *p = service; ok && *p; p++)
		ok = (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9');
	const char *back = arena_printf(ctx->arena, "/habilitations/convention/%lld", cv.id);
	if (!ok) {
		ctx_flash(ctx, "error",
			  "Le service (majuscules et chiffres, 10 au plus) et sa portée sont "
			  "obligatoires.");
		return ctx_redirect(ctx, back);
	}
	enum db_status st = db_begin(ctx->db);
	if (st != DB_OK)
		return db_http_status(st);
	st = db_exec(ctx->db, SQL_SERVICE_INSERT,
		     DB_ARGS(DB_INT(cv.id), DB_TEXT(service), DB_TEXT(scope), DB_TEXT(ctx_today(ctx))),
		     NULL, NULL);
	if (st == DB_CONSTRAINT) {
		db_rollback(ctx->db);
		ctx_flash(ctx, "error", "Ce service est déjà ouvert par la convention.");
		return ctx_redirect(ctx, back);
	}
	if (st == DB_OK && hab_audit(ctx, "convention_service.added", "convention", cv.id,
				     arena_printf(ctx->arena, "after: service=%s scope=%s", service,
						  scope)))
		st = DB_ERROR;
	return hab_commit_redirect(ctx, st, "Le service a été ajouté à la convention.", back);
}

static int facility_page(struct portal_ctx *ctx, struct hab_caller *c, struct hab_convention *cv,
			 xmlNodePtr *root)
{
	int rc = own_convention(ctx, c, cv);
	if (rc)
		return rc;
	*root = hab_page(ctx, "habilitations/equipement-formulaire", c);
	xmlNodePtr n = hab_convention_node(*root, cv);
	struct db_result r;
	enum db_status st = db_query(ctx->db, ctx->arena, SQL_CAF, DB_ARGS(DB_INT(c->caf_id)), &r);
	if (st != DB_OK)
		return db_http_status(st);
	if (r.rows)
		px_attr(n, "department", db_cell(&r, 0, 1));
	return 0;
}

int hab_facility_new_get(struct portal_ctx *ctx)
{
	struct hab_caller c;
	struct hab_convention cv;
	xmlNodePtr root = NULL;
	return facility_page(ctx, &c, &cv, &root);
}

int hab_facility_new_post(struct portal_ctx *ctx)
{
	struct hab_caller c;
	struct hab_convention cv;
	xmlNodePtr root = NULL;
	int rc = facility_page(ctx, &c, &cv, &root);
	if (rc)
		return rc;
	page_form_values(root, &ctx->req->form);
	const char *code = hab_trimmed(ctx, "code");
	const char *kind = hab_trimmed(ctx, "type");
	const char *nature = hab_trimmed(ctx, "nature");
	const char *care = hab_trimmed(ctx, "accueil");
	const char *name = hab_trimmed(ctx, "nom");
	const char *dept = hab_trimmed(ctx, "departement");
	const char *places_in = hab_trimmed(ctx, "places");
	const char *opened = NULL, *err;
	int ok = *code && strlen(code) <= 20;
	for (const char *p = code; ok && *p; p++)
		ok = (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || *p == '-';
	if (!ok)
		page_error(root, "code", "Le code compte 20 caractères au plus : majuscules, chiffres, "
					 "tirets.");
	int eaje = strcmp(kind, "EAJE") == 0, alsh = strcmp(kind, "ALSH") == 0,
	    ram = strcmp(kind, "RAM") == 0;
	if (!eaje && !alsh && !ram)
		page_error(root, "type", "Choisissez le type d'activité : EAJE, ALSH ou RAM.");
	int nature_ok = strcmp(nature, "periscolaire") == 0 || strcmp(nature, "extrascolaire") == 0 ||
			strcmp(nature, "adolescents") == 0;
	if (alsh && !nature_ok)
		page_error(root, "nature", "Choisissez la nature de l'ALSH.");
	if (!alsh)
		nature = "";
	if (!eaje || (strcmp(care, "collectif") && strcmp(care, "familial") && strcmp(care, "parental")))
		care = "";
	if (!*name || strlen(name) > 160)
		page_error(root, "nom", "Saisissez le nom (160 caractères au plus).");
	if (strlen(dept) < 2 || strlen(dept) > 3)
		page_error(root, "departement", "Saisissez le département (2 ou 3 caractères).");
	int64_t places = 0;
	if (*places_in && ((err = fr_read_integer(places_in, 0, &places)) || places > 9999))
		page_error(root, "places", "Saisissez un nombre de places entre 0 et 9 999.");
	hab_date_field(ctx, root, "date_ouverture", ctx_today(ctx), &opened);
	if (page_error_count(root))
		return 0;
	enum db_status st = db_begin(ctx->db);
	if (st != DB_OK)
		return db_http_status(st);
	uint64_t id = 0;
	st = db_exec(ctx->db, SQL_FACILITY_INSERT,
		     DB_ARGS(DB_INT(cv.partner_id), DB_INT(cv.caf_id), DB_INT(cv.id), DB_TEXT(code),
			     DB_TEXT(kind), DB_TEXT(*nature ? nature : NULL),
			     DB_TEXT(*care ? care : NULL), DB_TEXT(name), DB_TEXT(dept),
			     *places_in ? DB_INT(places) : DB_NULL, DB_TEXT(opened),
			     DB_INT((long long)portal_now())),
		     NULL, &id);
	if (st == DB_CONSTRAINT)
		return hab_rollback_form(ctx, root, "code",
					 "Ce code est déjà celui d'un autre équipement.");
	if (st == DB_OK && hab_audit(ctx, "facility.created", "facility", (long long)id,
				     arena_printf(ctx->arena, "after: code=%s kind=%s nature=%s name=%s "
							      "convention=%lld",
						  code, kind, nature, name, cv.id)))
		st = DB_ERROR;
	return hab_commit_redirect(
		ctx, st, arena_printf(ctx->arena, "L'équipement %s a été créé.", name),
		arena_printf(ctx->arena, "/habilitations/convention/%lld", cv.id));
}

int hab_site_post(struct portal_ctx *ctx)
{
	struct hab_caller c;
	int rc = caf_admin(ctx, &c);
	long long fid = ctx_param_id(ctx, "id");
	if (rc)
		return rc == 403 ? hab_refuse(ctx, "facility (caf admin)", fid) : rc;
	struct hab_facility f;
	if ((rc = hab_facility_in_scope(ctx, &c, fid, &f)))
		return rc;
	const char *name = hab_trimmed(ctx, "nom");
	const char *city = hab_trimmed(ctx, "ville");
	const char *back = arena_printf(ctx->arena, "/habilitations/convention/%lld", f.convention_id);
	if (!*name || strlen(name) > 160 || strlen(city) > 100) {
		ctx_flash(ctx, "error", "Saisissez le nom du lieu d'implantation (160 caractères au plus).");
		return ctx_redirect(ctx, back);
	}
	enum db_status st = db_begin(ctx->db);
	if (st != DB_OK)
		return db_http_status(st);
	uint64_t id = 0;
	st = db_exec(ctx->db, SQL_SITE_INSERT,
		     DB_ARGS(DB_INT(f.id), DB_TEXT(name), DB_TEXT(*city ? city : NULL),
			     DB_TEXT(ctx_today(ctx))),
		     NULL, &id);
	if (st == DB_OK && hab_audit(ctx, "site.created", "site", (long long)id,
				     arena_printf(ctx->arena, "after: facility=%lld name=%s", f.id, name)))
		st = DB_ERROR;
	return hab_commit_redirect(ctx, st, "Le lieu d'implantation a été ajouté.", back);
}

static int partner_admin_page(struct portal_ctx *ctx, struct hab_caller *c,
			      struct hab_convention *cv, xmlNodePtr *root)
{
	int rc = own_convention(ctx, c, cv);
	if (rc)
		return rc;
	*root = hab_page(ctx, "habilitations/administrateur", c);
	hab_convention_node(*root, cv);
	return hab_open_users_node(ctx, *root, cv->partner_id);
}

int hab_partner_admin_get(struct portal_ctx *ctx)
{
	struct hab_caller c;
	struct hab_convention cv;
	xmlNodePtr root = NULL;
	return partner_admin_page(ctx, &c, &cv, &root);
}

int hab_partner_admin_post(struct portal_ctx *ctx)
{
	struct hab_caller c;
	struct hab_convention cv;
	xmlNodePtr root = NULL;
	int rc = partner_admin_page(ctx, &c, &cv, &root);
	if (rc)
		return rc;
	page_form_values(root, &ctx->req->form);
	long long account = hab_id_value(hab_trimmed(ctx, "utilisateur"));
	const char *email = hab_trimmed(ctx, "email");
	const char *last = hab_trimmed(ctx, "nom");
	const char *first = hab_trimmed(ctx, "prenom");
	const char *today = ctx_today(ctx);
	if (!account) {
		const char *err = *email ? fr_read_email(email) : "Saisissez l'adresse électronique.";
		if (err)
			page_error(root, "email", err);
		if (!*last || strlen(last) > 80)
			page_error(root, "nom", "Saisissez le nom.");
		if (!*first || strlen(first) > 80)
			page_error(root, "prenom", "Saisissez le prénom.");
		if (page_error_count(root))
			return 0;
	} else {
		struct hab_account a;
		if ((rc = hab_account_in_scope(ctx, &c, account, &a)))
			return rc;
		if (a.partner_id != cv.partner_id)
			return hab_refuse(ctx, "account (other partner)", account);
	}
	enum db_status st = db_begin(ctx->db);
	if (st != DB_OK)
		return db_http_status(st);
	if (!account) {
		const char *err = NULL;
		rc = hab_create_account(ctx, cv.partner_id, email, last, first, NULL, "sedentary",
					today, NULL, &account, &err);
		if (rc || err) {
			db_rollback(ctx->db);
			if (err)
				page_error(root, "email", err);
			return rc;
		}
	}
	uint64_t gid = 0;
	st = db_exec(ctx->db, SQL_GRANT_INSERT,
		     DB_ARGS(DB_INT(account), DB_INT(cv.partner_id), DB_TEXT("partner_admin"),
			     DB_INT(c.account_id), DB_NULL, DB_TEXT(today),
			     DB_INT((long long)portal_now())),
		     NULL, &gid);
	/* the habilitation and declaration menus come with the groups */
	struct db_result r;
	if (st == DB_OK)
		st = db_query(ctx->db, ctx->arena, SQL_GROUPS, DB_NOARGS, &r);
	for (size_t i = 0; st == DB_OK && i < r.rows; i++) {
		struct db_result o;
		st = db_query(ctx->db, ctx->arena, SQL_MEMBERSHIP_OVERLAP,
			      DB_ARGS(DB_INT(account), DB_INT(db_cell_int(&r, i, 0)), DB_TEXT(today),
				      DB_NULL, DB_NULL),
			      &o);
		if (st == DB_OK && db_cell_int(&o, 0, 0) == 0)
			st = db_exec(ctx->db, SQL_MEMBERSHIP_INSERT,
				     DB_ARGS(DB_INT(db_cell_int(&r, i, 0)), DB_INT(account),
					     DB_TEXT(today), DB_NULL, DB_INT(c.account_id)),
				     NULL, NULL);
	}
	if (st == DB_OK && hab_audit(ctx, "admin_grant.appointed", "admin_grant", (long long)gid,
				     arena_printf(ctx->arena, "after: account=%lld kind=partner_admin "
							      "partner=%lld",
						  account, cv.partner_id)))
		st = DB_ERROR;
	return hab_commit_redirect(
		ctx, st, "L'administrateur partenaire a été désigné.",
		arena_printf(ctx->arena, "/habilitations/convention/%lld/utilisateurs", cv.id));
}
