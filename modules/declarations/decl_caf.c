/* The Caf's screens: opening a campaign (appel de déclaration), the
 * instruction of transmitted declarations (validate / reject) and the scale
 * editor of the Caf administrator. A Caf agent reaches only the facilities
 * of his own Caf. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "audit.h"
#include "clock.h"
#include "db.h"
#include "decl.h"
#include "decl_sql.h"
#include "french.h"
#include "log.h"
#include "module.h"
#include "outbox.h"
#include "page.h"
#include "request.h"
#include "session.h"

static const char *const TYPES[] = {"forecast", "update", "actual"};
static const char *const KINDS[] = {"EAJE", "ALSH", "RAM"};

static int in_list(const char *v, const char *const *list, size_t n)
{
	for (size_t i = 0; v && i < n; i++)
		if (strcmp(v, list[i]) == 0)
			return 1;
	return 0;
}

static int campaign_page(struct portal_ctx *ctx, xmlNodePtr *out)
{
	xmlNodePtr root = page_new(ctx, "declarations/campagnes");
	const char *today = ctx_today(ctx);
	struct db_result f, c;
	enum db_status st = db_query(ctx->db, ctx->arena, SQL_CAF_FACILITIES,
				     DB_ARGS(DB_INT(ctx->session->caf_id), DB_TEXT(today)), &f);
	if (st == DB_OK)
		st = db_query(ctx->db, ctx->arena, SQL_CAMPAIGNS_OF_CAF,
			      DB_ARGS(DB_INT(ctx->session->caf_id)), &c);
	if (st != DB_OK)
		return db_http_status(st);
	xmlNodePtr opts = px_el(root, "options");
	for (int i = 0; i < 3; i++) {
		px_attr(px_text(opts, "type", decl_type_label(TYPES[i])), "value", TYPES[i]);
		px_attr(px_text(opts, "kind", KINDS[i]), "value", KINDS[i]);
	}
	xmlNodePtr fl = px_el(root, "facilities");
	for (size_t i = 0; i < f.rows; i++) {
		xmlNodePtr n = px_text(fl, "facility", db_cell(&f, i, 1));
		px_attr(n, "id", db_cell(&f, i, 0));
		px_attr(n, "kind", db_cell(&f, i, 2));
		px_attr(n, "city", db_cell(&f, i, 4));
	}
	xmlNodePtr cl = px_el(root, "campaigns");
	for (size_t i = 0; i < c.rows; i++) {
		xmlNodePtr n = px_el(cl, "campaign");
		px_attr(n, "year", db_cell(&c, i, 1));
		px_attr(n, "type-label", decl_type_label(db_cell(&c, i, 2)));
		px_attr(n, "kind", db_cell(&c, i, 3));
		int y, m, d;
		if (db_cell(&c, i, 4) && sscanf(db_cell(&c, i, 4), "%d-%d-%d", &y, &m, &d) == 3)
			px_attrf(n, "due", "%02d/%02d/%04d", d, m, y);
		px_attr(n, "declarations", db_cell(&c, i, 5));
	}
	*out = root;
	return 0;
}

int decl_campaigns_get(struct portal_ctx *ctx)
{
	xmlNodePtr root;
	return campaign_page(ctx, &root);
}

static const char *facility_kind_of(const struct db_result *f, const char *id)
{
	for (size_t i = 0; i < f->rows; i++)
		if (strcmp(db_cell(f, i, 0), id) == 0)
			return db_cell(f, i, 2);
	return NULL;
}

int decl_campaigns_post(struct portal_ctx *ctx)
{
	const char *year_s = ctx_form(ctx, "exercice"), *type = ctx_form(ctx, "type"),
		   *kind = ctx_form(ctx, "activite"), *due_s = ctx_form(ctx, "date_limite");
	int64_t year = 0;
	int y = 0, m = 0, d = 0;
	xmlNodePtr root;
	int rc = campaign_page(ctx, &root);
	if (rc)
		return rc;
	page_form_values(root, &ctx->req->form);
	if (!year_s || fr_read_integer(year_s, 0, &year))
		page_error(root, "exercice", "Saisissez l'exercice sur quatre chiffres, par exemple 2027.");
	else if (year < 2000 || year > 2100)
		page_error(root, "exercice", "L'exercice doit être compris entre 2000 et 2100.");
	if (!in_list(type, TYPES, 3))
		page_error(root, "type", "Choisissez le type de déclaration.");
	if (!in_list(kind, KINDS, 3))
		page_error(root, "activite", "Choisissez le type d'activité.");
	else if (type && strcmp(type, "update") == 0 && strcmp(kind, "ALSH") == 0)
		page_error(root, "type", "Les accueils de loisirs n'ont pas de déclaration actualisée.");
	const char *e = due_s && *due_s ? fr_read_date(due_s, &y, &m, &d) : "Saisissez la date limite.";
	if (e)
		page_error(root, "date_limite", e);
	size_t nf = kv_count(&ctx->req->form, "equipement");
	if (nf == 0)
		page_error(root, NULL, "Choisissez au moins un équipement.");
	if (page_error_count(root))
		return 0;

	/* only facilities of this Caf and of the chosen kind */
	const char *today = ctx_today(ctx);
	struct db_result fac;
	enum db_status st = db_query(ctx->db, ctx->arena, SQL_CAF_FACILITIES,
				     DB_ARGS(DB_INT(ctx->session->caf_id), DB_TEXT(today)), &fac);
	if (st != DB_OK)
		return db_http_status(st);
	for (size_t i = 0; i < nf; i++) {
		const char *k = facility_kind_of(&fac, kv_get_nth(&ctx->req->form, "equipement", i));
		if (!k)
			return 404;
		if (strcmp(k, kind) != 0) {
			page_error(root, NULL, "Les équipements choisis doivent être du type d'activité "
					       "de l'appel.");
			return 0;
		}
	}
	char due[11];
	snprintf(due, sizeof(due), "%04d-%02d-%02d", y, m, d);
	long long now = (long long)portal_now();
	if ((st = db_begin(ctx->db)) != DB_OK)
		return db_http_status(st);
	uint64_t campaign_id = 0;
	st = db_exec(ctx->db, SQL_CAMPAIGN_INSERT,
		     DB_ARGS(DB_INT(ctx->session->caf_id), DB_INT(year), DB_TEXT(type), DB_TEXT(kind),
			     DB_TEXT(due), DB_INT(ctx_account_id(ctx)), DB_INT(now)),
		     NULL, &campaign_id);
	int created = 0, existing = 0, mailed = 0;
	for (size_t i = 0; st == DB_OK && i < nf; i++) {
		long long fid = atoll(kv_get_nth(&ctx->req->form, "equipement", i));
		uint64_t decl_id = 0;
		st = db_exec(ctx->db, SQL_DECLARATION_INSERT,
			     DB_ARGS(DB_INT(fid), DB_INT(year), DB_TEXT(type), DB_INT(campaign_id),
				     DB_INT(now)),
			     NULL, &decl_id);
		if (st == DB_CONSTRAINT) { /* this declaration already exists */
			existing++;
			st = DB_OK;
			continue;
		}
		if (st != DB_OK)
			break;
		created++;
		if (audit_event(ctx, "declaration.opened", "declaration", (long long)decl_id,
				arena_printf(ctx->arena, "campaign=%llu", (unsigned long long)campaign_id)))
			st = DB_ERROR;
		/* the call for declaration goes to the facility's validated approver */
		struct db_result ap;
		if (st == DB_OK)
			st = db_query(ctx->db, ctx->arena, SQL_APPROVERS,
				      DB_ARGS(DB_INT(fid), DB_TEXT(today), DB_TEXT(today), DB_TEXT(today)),
				      &ap);
		for (size_t a = 0; st == DB_OK && a < ap.rows; a++) {
			char subject[200];
			snprintf(subject, sizeof(subject), "Appel de déclaration de données %s %lld",
				 decl_type_label(type), (long long)year);
			const char *fname = "";
			for (size_t k = 0; k < fac.rows; k++)
				if (db_cell_int(&fac, k, 0) == fid)
					fname = db_cell(&fac, k, 1);
			const char *body = arena_printf(
				ctx->arena,
				"Bonjour %s %s,\n\nVotre Caf vous invite à effectuer la déclaration de "
				"données %s de l'exercice %lld pour l'équipement « %s », au plus tard le "
				"%02d/%02d/%04d.\n\nConnectez-vous au Portail Caf partenaires, rubrique "
				"« Déclarer mes données ».\n\nCe message est envoyé automatiquement, merci "
				"de ne pas y répondre.\n",
				db_cell(&ap, a, 1), db_cell(&ap, a, 2), decl_type_label(type),
				(long long)year, fname, d, m, y);
			if (outbox_enqueue(ctx->db, db_cell(&ap, a, 0), subject, body) != 0)
				st = DB_ERROR;
			else
				mailed++;
		}
	}
	if (st == DB_OK && audit_event(ctx, "campaign.opened", "campaign", (long long)campaign_id,
				       arena_printf(ctx->arena, "year=%lld type=%s kind=%s created=%d",
						    (long long)year, type, kind, created)))
		st = DB_ERROR;
	if (st != DB_OK) {
		db_rollback(ctx->db);
		return db_http_status(st);
	}
	if ((st = db_commit(ctx->db)) != DB_OK)
		return db_http_status(st);
	ctx_flash(ctx, "success",
		  arena_printf(ctx->arena,
			       "Appel de déclaration ouvert : %d déclaration(s) créée(s), %d déjà "
			       "existante(s), %d approbateur(s) prévenu(s) par courriel.",
			       created, existing, mailed));
	return ctx_redirect(ctx, "/declarations/campagnes");
}

int decl_instruction_list(struct portal_ctx *ctx)
{
	struct db_result r;
	enum db_status st = db_query(ctx->db, ctx->arena, SQL_INSTRUCTION_LIST,
				     DB_ARGS(DB_INT(ctx->session->caf_id)), &r);
	if (st != DB_OK)
		return db_http_status(st);
	xmlNodePtr root = page_new(ctx, "declarations/instruction");
	xmlNodePtr list = px_el(root, "declarations");
	for (size_t i = 0; i < r.rows; i++) {
		xmlNodePtr n = px_el(list, "declaration");
		px_attr(n, "id", db_cell(&r, i, 0));
		px_attr(n, "year", db_cell(&r, i, 1));
		px_attr(n, "type-label", decl_type_label(db_cell(&r, i, 2)));
		px_attr(n, "version", db_cell(&r, i, 3));
		px_attr(n, "facility", db_cell(&r, i, 4));
		px_attr(n, "code", db_cell(&r, i, 5));
		char b[32];
		clock_format_date((time_t)db_cell_int(&r, i, 6), b, sizeof(b));
		px_attr(n, "transmitted", b);
		if (db_cell(&r, i, 7))
			px_attr(n, "estimate", decl_money(ctx, db_cell_int(&r, i, 7)));
	}
	return 0;
}

static int instruction_load(struct portal_ctx *ctx, struct decl_view *v)
{
	int rc = decl_load(ctx, ctx_param_id(ctx, "id"), 0, v);
	if (rc)
		return rc;
	/* only the instructors of the facility's own Caf */
	if (!(v->roles & DROLE_CAF_INSTRUCTOR))
		return 404;
	return 0;
}

static void instruction_page(struct portal_ctx *ctx, struct decl_view *v)
{
	xmlNodePtr root = decl_page(ctx, "declarations/instruction-detail", v, 0);
	xmlNodePtr s = px_el(root, "summary");
	struct decl_vals vals = decl_view_vals(v);
	for (size_t i = 0; i < v->nfields; i++) {
		const struct decl_field *f = &v->fields[i];
		int64_t x;
		xmlNodePtr n = px_el(s, "item");
		px_attr(n, "section", f->section);
		px_attr(n, "label", f->label);
		px_attr(n, "suffix", decl_unit_suffix(f->unit));
		if (f->unit == DUNIT_TEXT) {
			const char *text = decl_view_text(v, f->code);
			if (text)
				px_attr(n, "value", text);
		} else if (decl_vals_get(&vals, f->code, &x))
			px_attr(n, "value", decl_format_value(ctx, f, x));
	}
	if (v->d.has_estimate)
		px_attr(px_el(root, "estimate"), "amount", decl_money(ctx, v->d.estimate_cents));
	if (v->d.comment)
		px_text(root, "comment", v->d.comment);
	struct db_result r;
	if (db_query(ctx->db, ctx->arena, SQL_EXPLANATIONS_ALL, DB_ARGS(DB_INT(v->d.id)), &r) == DB_OK) {
		xmlNodePtr ex = px_el(root, "explanations");
		for (size_t i = 0; i < r.rows; i++) {
			xmlNodePtr n = px_text(ex, "explanation", db_cell(&r, i, 2));
			px_attr(n, "section", db_cell(&r, i, 0));
			px_attr(n, "code", db_cell(&r, i, 1));
		}
	}
}

int decl_instruction_get(struct portal_ctx *ctx)
{
	struct decl_view v;
	int rc = instruction_load(ctx, &v);
	if (rc)
		return rc;
	instruction_page(ctx, &v);
	return 0;
}

int decl_instruction_post(struct portal_ctx *ctx)
{
	struct decl_view v;
	int rc = instruction_load(ctx, &v);
	if (rc)
		return rc;
	const char *decision = ctx_form(ctx, "decision");
	int validate = decision && strcmp(decision, "valider") == 0;
	if (!decision || (!validate && strcmp(decision, "rejeter") != 0))
		return 400;
	enum decl_verdict verdict = decl_allowed(&v.subject, validate ? DACT_VALIDATE : DACT_REJECT);
	if (verdict != DVERDICT_ALLOWED) {
		instruction_page(ctx, &v);
		page_error(xmlDocGetRootElement(ctx->page), NULL, decl_verdict_message(verdict));
		return 0;
	}
	int64_t amount = 0;
	const char *reason = ctx_form(ctx, "motif");
	const char *err = NULL, *field = NULL;
	if (validate) {
		const char *a = ctx_form(ctx, "montant");
		err = a && *a ? fr_read_decimal(a, 2, 0, &amount) : "Saisissez le montant retenu.";
		field = "montant";
	} else if (!reason || strspn(reason, " \t\r\n") == strlen(reason)) {
		err = "Indiquez le motif du rejet : il sera communiqué à l'approbateur.";
		field = "motif";
	} else if (strlen(reason) > 2000) {
		err = "Le motif dépasse 2 000 caractères.";
		field = "motif";
	}
	if (err) {
		instruction_page(ctx, &v);
		xmlNodePtr root = xmlDocGetRootElement(ctx->page);
		page_form_values(root, &ctx->req->form);
		page_error(root, field, err);
		return 0;
	}
	long long now = (long long)portal_now(), who = ctx_account_id(ctx);
	enum db_status st = db_begin(ctx->db);
	if (st != DB_OK)
		return db_http_status(st);
	uint64_t affected = 0;
	if (validate)
		st = db_exec(ctx->db, SQL_VALIDATE,
			     DB_ARGS(DB_INT(amount), DB_INT(now), DB_INT(who), DB_INT(v.d.id)), &affected,
			     NULL);
	else
		st = db_exec(ctx->db, SQL_REJECT,
			     DB_ARGS(DB_TEXT(reason), DB_INT(now), DB_INT(who), DB_INT(v.d.id)),
			     &affected, NULL);
	if (st == DB_OK && affected == 1 &&
	    audit_event(ctx, validate ? "declaration.validated" : "declaration.rejected", "declaration",
			v.d.id,
			validate ? arena_printf(ctx->arena, "final_amount_cents=%lld", (long long)amount)
				 : reason) != 0)
		st = DB_ERROR;
	if (st != DB_OK || affected != 1) {
		db_rollback(ctx->db);
		if (st != DB_OK)
			return db_http_status(st);
		ctx_flash(ctx, "error", "Cette déclaration a déjà été instruite.");
		return ctx_redirect(ctx, "/declarations/instruction");
	}
	if ((st = db_commit(ctx->db)) != DB_OK)
		return db_http_status(st);
	ctx_flash(ctx, "success", validate ? "La déclaration est validée." : "La déclaration est rejetée.");
	return ctx_redirect(ctx, "/declarations/instruction");
}

static int scale_page(struct portal_ctx *ctx, int64_t year, const char *kind, xmlNodePtr *out)
{
	xmlNodePtr root = page_new(ctx, "declarations/baremes");
	xmlNodePtr sel = px_el(root, "selection");
	px_attr_int(sel, "year", year);
	px_attr(sel, "kind", kind);
	struct db_result r;
	enum db_status st = db_query(ctx->db, ctx->arena, SQL_SCALE_LIST,
				     DB_ARGS(DB_INT(year), DB_TEXT(kind)), &r);
	if (st != DB_OK)
		return db_http_status(st);
	xmlNodePtr list = px_el(root, "scale");
	for (size_t i = 0; i < r.rows; i++) {
		xmlNodePtr n = px_el(list, "entry");
		px_attr(n, "id", db_cell(&r, i, 0));
		px_attr(n, "code", db_cell(&r, i, 1));
		char b[48];
		fr_format_decimal(db_cell_int(&r, i, 2), (int)db_cell_int(&r, i, 3), b, sizeof(b));
		px_attr(n, "value", b);
		px_attr(n, "decimals", db_cell(&r, i, 3));
		px_attr(n, "label", db_cell(&r, i, 4));
		px_attr(n, "provenance", db_cell(&r, i, 5));
		if (db_cell(&r, i, 6))
			px_attr(n, "source", db_cell(&r, i, 6));
	}
	*out = root;
	return 0;
}

static void scale_selection(struct portal_ctx *ctx, const char *y_s, const char *k,
			    int64_t *year, const char **kind)
{
	*year = 0;
	if (!y_s || fr_read_integer(y_s, 0, year) || *year < 2000 || *year > 2100) {
		char today[16];
		clock_today_iso(today, sizeof(today));
		*year = atoi(today);
	}
	*kind = in_list(k, KINDS, 3) ? k : "EAJE";
	(void)ctx;
}

int decl_scales_get(struct portal_ctx *ctx)
{
	int64_t year;
	const char *kind;
	scale_selection(ctx, ctx_query(ctx, "exercice"), ctx_query(ctx, "activite"), &year, &kind);
	xmlNodePtr root;
	return scale_page(ctx, year, kind, &root);
}

int decl_scales_post(struct portal_ctx *ctx)
{
	int64_t year;
	const char *kind;
	scale_selection(ctx, ctx_form(ctx, "exercice"), ctx_form(ctx, "activite"), &year, &kind);
	struct db_result r;
	enum db_status st = db_query(ctx->db, ctx->arena, SQL_SCALE_LIST,
				     DB_ARGS(DB_INT(year), DB_TEXT(kind)), &r);
	if (st != DB_OK)
		return db_http_status(st);
	int64_t *vals = arena_zalloc(ctx->arena, (r.rows + 1) * sizeof(*vals));
	xmlNodePtr root = NULL;
	for (size_t i = 0; i < r.rows; i++) {
		const char *in = ctx_form(ctx, arena_printf(ctx->arena, "v_%s", db_cell(&r, i, 0)));
		const char *e = in ? fr_read_decimal(in, (int)db_cell_int(&r, i, 3), 0, &vals[i])
				   : "Valeur manquante.";
		if (e) {
			if (!root) {
				int rc = scale_page(ctx, year, kind, &root);
				if (rc)
					return rc;
				page_form_values(root, &ctx->req->form);
			}
			page_error(root, arena_printf(ctx->arena, "v_%s", db_cell(&r, i, 0)), e);
		}
	}
	if (root)
		return 0;
	long long now = (long long)portal_now();
	if ((st = db_begin(ctx->db)) != DB_OK)
		return db_http_status(st);
	int changed = 0;
	for (size_t i = 0; st == DB_OK && i < r.rows; i++) {
		if (vals[i] == db_cell_int(&r, i, 2))
			continue;
		changed++;
		/* a figure typed by an administrator is the Caf's reading of the
		   Cnaf circular: it is no longer the illustrative demo value */
		st = db_exec(ctx->db, SQL_SCALE_UPDATE,
			     DB_ARGS(DB_INT(vals[i]), DB_TEXT("official"), DB_INT(ctx_account_id(ctx)),
				     DB_INT(now), DB_INT(db_cell_int(&r, i, 0)), DB_INT(year), DB_TEXT(kind)),
			     NULL, NULL);
		if (st == DB_OK &&
		    audit_event(ctx, "scale.updated", "scale", db_cell_int(&r, i, 0),
				arena_printf(ctx->arena, "%s %lld %s: %s -> %lld", kind, (long long)year,
					     db_cell(&r, i, 1), db_cell(&r, i, 2), (long long)vals[i])))
			st = DB_ERROR;
	}
	if (st != DB_OK) {
		db_rollback(ctx->db);
		return db_http_status(st);
	}
	if ((st = db_commit(ctx->db)) != DB_OK)
		return db_http_status(st);
	ctx_flash(ctx, "success", arena_printf(ctx->arena, "Barème enregistré (%d valeur(s) modifiée(s)).",
					       changed));
	return ctx_redirect(ctx, arena_printf(ctx->arena, "/declarations/baremes?exercice=%lld&activite=%s",
					      (long long)year, kind));
}
