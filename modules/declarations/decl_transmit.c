/* Steps 5-6 of the rail: global control with the estimate, summary and
 * transmission (irreversible, with the SHA-256 of what was signed), and the
 * approver's correction after a rejection. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "audit.h"
#include "clock.h"
#include "crypto.h"
#include "db.h"
#include "decl.h"
#include "decl_sql.h"
#include "module.h"
#include "page.h"
#include "request.h"
#include "response.h"
#include "session.h"

static xmlNodePtr global_page(struct portal_ctx *ctx, struct decl_view *v,
			      const struct decl_control_list *l, const struct decl_estimate *e,
			      const struct kv_list *typed)
{
	enum decl_verdict verdict = decl_allowed(&v->subject, DACT_GLOBAL_CONTROL);
	xmlNodePtr root = decl_page(ctx, "declarations/controle", v, DSTEP_GLOBAL_CONTROL);
	if (verdict != DVERDICT_ALLOWED)
		px_text(root, "readonly", decl_verdict_message(verdict));
	if (verdict == DVERDICT_ALLOWED || v->subject.activity_done) {
		decl_px_estimate(root, e);
		decl_px_controls(ctx, root, v, DSECTION_GLOBAL, l, typed, verdict == DVERDICT_ALLOWED);
	}
	return root;
}

/* The global control of the declaration as it is now, with what the user
 * typed (NULL: a form saved across a login, or the stored explanations)
 * and, for a POST that could not be recorded, why (a 409). */
static int global_show(struct portal_ctx *ctx, const struct kv_list *typed, const char *error)
{
	struct decl_view v;
	int rc = decl_load(ctx, ctx_param_id(ctx, "id"), 0, &v);
	if (rc)
		return rc;
	if (!decl_step_visible(v.roles, DSTEP_GLOBAL_CONTROL))
		return 403;
	struct decl_control_list l;
	struct decl_estimate e;
	rc = decl_run_controls(ctx, &v, DSECTION_GLOBAL, &l, &e);
	if (rc)
		return rc;
	struct kv_list stored;
	if (!typed) {
		if (!session_take_saved_form(ctx, ctx->req->path, &stored) &&
		    (rc = decl_stored_explanations(ctx, &v, "global", &stored)) != 0)
			return rc;
		typed = &stored;
	}
	xmlNodePtr root = global_page(ctx, &v, &l, &e, typed);
	if (error) {
		page_error(root, NULL, error);
		ctx->res->status = 409;
	}
	return 0;
}

int decl_global_control_get(struct portal_ctx *ctx)
{
	return global_show(ctx, NULL, NULL);
}

int decl_global_control_post(struct portal_ctx *ctx)
{
	struct decl_view v;
	int rc = decl_load(ctx, ctx_param_id(ctx, "id"), 0, &v);
	if (rc)
		return rc;
	enum decl_verdict verdict = decl_allowed(&v.subject, DACT_GLOBAL_CONTROL);
	if (verdict == DVERDICT_ROLE)
		return 403;
	struct decl_control_list l;
	struct decl_estimate e;
	rc = decl_run_controls(ctx, &v, DSECTION_GLOBAL, &l, &e);
	if (rc)
		return rc;
	if (verdict != DVERDICT_ALLOWED || e.status != ESTIMATE_OK) {
		xmlNodePtr root = global_page(ctx, &v, &l, &e, &ctx->req->form);
		page_error(root, NULL, verdict != DVERDICT_ALLOWED
					       ? decl_verdict_message(verdict)
					       : "L'estimation ne peut être calculée : vérifiez les "
						 "données ou le barème de l'exercice.");
		return 0;
	}
	/* As a section's control (decl_rail.c): passed again with the same
	 * estimate, nothing to mark; otherwise only the version the controls
	 * and the estimate were computed on. */
	struct decl_control_step step = {
		.section = "global", .controls = &l, .ready = 1,
		.event = "declaration.global_control_passed",
		.detail = arena_printf(ctx->arena, "estimate_cents=%lld", (long long)e.amount_cents)};
	int marked = v.d.global_controlled && v.d.has_estimate && v.d.estimate_cents == e.amount_cents;
	rc = decl_record_control(ctx, &v, &step, marked ? NULL : SQL_SET_GLOBAL_CONTROLLED,
				 DB_ARGS(DB_INT(e.amount_cents), DB_INT(v.d.id),
					 DB_INT(v.d.row_version)));
	if (rc)
		return rc;
	/* the declaration changed while its global control was being
	 * recorded: the controls and estimate of the data as they are now */
	if (step.changed)
		return global_show(ctx, &ctx->req->form, MSG_CONTROL_CONFLICT);
	if (!step.all) {
		xmlNodePtr root = global_page(ctx, &v, &l, &e, &ctx->req->form);
		page_error(root, NULL, "Expliquez chaque anomalie ou alerte dans la zone "
				       "« Explication » pour passer à l'étape suivante.");
		return 0;
	}
	return ctx_redirect(ctx, arena_printf(ctx->arena, "/declarations/declaration/%lld/transmission",
					      v.d.id));
}

/* Every value with its label, both sections, for the summary. */
static void px_summary(struct portal_ctx *ctx, xmlNodePtr root, const struct decl_view *v)
{
	xmlNodePtr s = px_el(root, "summary");
	struct decl_vals vals = decl_view_vals(v);
	for (size_t i = 0; i < v->nfields; i++) {
		const struct decl_field *f = &v->fields[i];
		xmlNodePtr n = px_el(s, "item");
		px_attr(n, "code", f->code);
		px_attr(n, "section", f->section);
		px_attr(n, "heading", f->heading ? f->heading : "");
		px_attr(n, "label", f->label);
		px_attr(n, "suffix", decl_unit_suffix(f->unit));
		int64_t x;
		if (f->unit == DUNIT_TEXT) {
			const char *text = decl_view_text(v, f->code);
			if (text)
				px_attr(n, "value", text);
		} else if (decl_vals_get(&vals, f->code, &x)) {
			px_attr(n, "value", decl_format_value(ctx, f, x));
		}
	}
}

static xmlNodePtr transmission_page(struct portal_ctx *ctx, struct decl_view *v,
				    const struct decl_estimate *e)
{
	enum decl_verdict verdict = decl_allowed(&v->subject, DACT_TRANSMIT);
	xmlNodePtr root = decl_page(ctx, "declarations/transmission", v, DSTEP_TRANSMISSION);
	int can = verdict == DVERDICT_ALLOWED && v->d.global_controlled;
	if (can)
		px_attr(px_el(root, "transmit"), "open", "1");
	else if (v->d.state < DSTATE_TRANSMITTED)
		px_text(root, "readonly", verdict != DVERDICT_ALLOWED
						  ? decl_verdict_message(verdict)
						  : "Le contrôle de la déclaration doit être validé "
						    "avant la transmission.");
	px_summary(ctx, root, v);
	decl_px_estimate(root, e);
	if (v->d.comment)
		px_text(root, "comment", v->d.comment);
	return root;
}

int decl_transmission_get(struct portal_ctx *ctx)
{
	struct decl_view v;
	int rc = decl_load(ctx, ctx_param_id(ctx, "id"), 0, &v);
	if (rc)
		return rc;
	if (!decl_step_visible(v.roles, DSTEP_TRANSMISSION))
		return 403;
	struct decl_estimate e;
	if ((rc = decl_compute_estimate(ctx, &v, &e)) != 0)
		return rc;
	if (v.d.state >= DSTATE_TRANSMITTED && v.d.has_estimate) {
		e.status = ESTIMATE_OK;
		e.amount_cents = v.d.estimate_cents; /* what was signed */
	}
	transmission_page(ctx, &v, &e);
	return 0;
}

/* The canonical text of what is transmitted: values, texts, explanations,
 * estimate, comment, approver and time. */
static char *signed_text(struct portal_ctx *ctx, const struct decl_view *v, int64_t estimate,
			 const char *comment, long long now, size_t *len)
{
	struct db_result r;
	if (db_query(ctx->db, ctx->arena, SQL_EXPLANATIONS_ALL, DB_ARGS(DB_INT(v->d.id)), &r) != DB_OK)
		return NULL;
	const char **keys = arena_zalloc(ctx->arena, (r.rows + 1) * sizeof(char *));
	const char **expl = arena_zalloc(ctx->arena, (r.rows + 1) * sizeof(char *));
	for (size_t i = 0; i < r.rows; i++) {
		keys[i] = arena_printf(ctx->arena, "%s:%s", db_cell(&r, i, 0), db_cell(&r, i, 1));
		expl[i] = db_cell(&r, i, 2);
	}
	struct decl_signed s = {
		.declaration_id = v->d.id, .facility_code = v->f.code, .fiscal_year = v->d.fiscal_year,
		.type = v->d.type, .version = v->d.version, .values = v->vals, .nvalues = v->nvals,
		.text_codes = v->text_codes, .texts = v->texts, .ntexts = v->ntexts,
		.explanation_keys = keys, .explanations = expl, .nexplanations = r.rows,
		.estimate_cents = estimate, .comment = comment, .approver_id = ctx_account_id(ctx),
		.transmitted_at = now,
	};
	char *c = decl_canonical(&s, len);
	if (!c)
		return NULL;
	char *copy = arena_strndup(ctx->arena, c, *len);
	free(c);
	return copy;
}

int decl_transmission_post(struct portal_ctx *ctx)
{
	struct decl_view v;
	int rc = decl_load(ctx, ctx_param_id(ctx, "id"), 0, &v);
	if (rc)
		return rc;
	enum decl_verdict verdict = decl_allowed(&v.subject, DACT_TRANSMIT);
	if (verdict == DVERDICT_ROLE)
		return 403;
	struct decl_estimate e;
	if ((rc = decl_compute_estimate(ctx, &v, &e)) != 0)
		return rc;
	const char *comment = ctx_form(ctx, "commentaire");
	if (comment && !*comment)
		comment = NULL;
	const char *att = ctx_form(ctx, "attestation"), *cgu = ctx_form(ctx, "cgu");
	const char *problem = NULL, *field = NULL;
	if (verdict != DVERDICT_ALLOWED)
		problem = decl_verdict_message(verdict);
	else if (!v.d.global_controlled)
		problem = "Le contrôle de la déclaration doit être validé avant la transmission.";
	else if (e.status != ESTIMATE_OK)
		problem = "L'estimation du droit ne peut être calculée.";
	else if (!att || strcmp(att, "1") != 0)
		field = "attestation", problem = "Cochez la case attestant la conformité des "
						 "informations déclarées.";
	else if (!cgu || strcmp(cgu, "1") != 0)
		field = "cgu", problem = "Acceptez les conditions générales d'utilisation du service "
					 "de transmission.";
	else if (comment && strlen(comment) > 2000)
		field = "commentaire", problem = "Le commentaire dépasse 2 000 caractères.";
	if (problem) {
		xmlNodePtr root = transmission_page(ctx, &v, &e);
		page_form_values(root, &ctx->req->form);
		page_error(root, field, problem);
		return 0;
	}
	const char *rv_s = ctx_form(ctx, "row_version");
	long long rv = rv_s ? atoll(rv_s) : -1;
	long long now = (long long)portal_now();
	enum db_status st = db_begin(ctx->db);
	if (st != DB_OK)
		return db_http_status(st);
	/* re-read under lock: the digest covers exactly the stored data */
	struct decl_view locked;
	rc = decl_load(ctx, v.d.id, 1, &locked);
	if (rc == 0 && locked.d.row_version != rv)
		rc = 409;
	size_t len = 0;
	char *text = rc ? NULL : signed_text(ctx, &locked, e.amount_cents, comment, now, &len);
	if (rc == 0 && !text)
		rc = 500;
	char digest[65];
	if (rc == 0) {
		crypto_sha256_hex(text, len, digest);
		uint64_t affected = 0;
		st = db_exec(ctx->db, SQL_TRANSMIT,
			     DB_ARGS(DB_INT(now), DB_INT(ctx_account_id(ctx)), DB_TEXT(digest),
				     DB_TEXT(comment), DB_INT(e.amount_cents), DB_INT(v.d.id), DB_INT(rv)),
			     &affected, NULL);
		rc = st != DB_OK ? db_http_status(st) : affected != 1 ? 409 : 0;
	}
	if (rc == 0 && audit_event(ctx, "declaration.transmitted", "declaration", v.d.id,
				   arena_printf(ctx->arena, "sha256=%s estimate_cents=%lld", digest,
						(long long)e.amount_cents)) != 0)
		rc = 500;
	if (rc) {
		db_rollback(ctx->db);
		if (rc != 409)
			return rc;
		ctx_flash(ctx, "error", "Les données ont été modifiées par une autre personne : "
					"vérifiez la déclaration avant de la transmettre.");
		return ctx_redirect(ctx, arena_printf(ctx->arena,
						      "/declarations/declaration/%lld/transmission", v.d.id));
	}
	if ((st = db_commit(ctx->db)) != DB_OK)
		return db_http_status(st);
	ctx_flash(ctx, "success", "La déclaration a été transmise à la Caf.");
	return ctx_redirect(ctx, arena_printf(ctx->arena, "/declarations/equipement/%lld", v.f.id));
}

/* After a rejection: the approver corrects (version + 1, only he edits) or
 * delegates the correction to the providers. */
int decl_correction_post(struct portal_ctx *ctx)
{
	struct decl_view v;
	int rc = decl_load(ctx, ctx_param_id(ctx, "id"), 0, &v);
	if (rc)
		return rc;
	const char *mode = ctx_form(ctx, "mode");
	int delegate = mode && strcmp(mode, "deleguer") == 0;
	if (!mode || (!delegate && strcmp(mode, "corriger") != 0))
		return 400;
	enum decl_verdict verdict = decl_allowed(&v.subject, delegate ? DACT_DELEGATE : DACT_CORRECT);
	if (verdict == DVERDICT_ROLE)
		return 403;
	char *fac = arena_printf(ctx->arena, "/declarations/equipement/%lld", v.f.id);
	if (verdict != DVERDICT_ALLOWED || v.d.newer_versions) {
		ctx_flash(ctx, "error", v.d.newer_versions ? "Cette déclaration est déjà en correction."
							   : decl_verdict_message(verdict));
		return ctx_redirect(ctx, fac);
	}
	long long now = (long long)portal_now();
	enum db_status st = db_begin(ctx->db);
	if (st != DB_OK)
		return db_http_status(st);
	uint64_t affected = 0, new_id = 0;
	st = db_exec(ctx->db, SQL_CORRECTION_INSERT,
		     DB_ARGS(DB_INT(now), DB_INT(delegate), DB_INT(v.d.id)), &affected, &new_id);
	if (st == DB_OK && affected == 1)
		st = db_exec(ctx->db, SQL_CORRECTION_COPY_VALUES,
			     DB_ARGS(DB_INT(new_id), DB_INT(now), DB_INT(v.d.id)), NULL, NULL);
	if (st == DB_OK && affected == 1 &&
	    audit_event(ctx, delegate ? "declaration.correction_delegated" : "declaration.correction",
			"declaration", (long long)new_id,
			arena_printf(ctx->arena, "rejected_version=%lld", v.d.id)) != 0)
		st = DB_ERROR;
	if (st != DB_OK || affected != 1) {
		db_rollback(ctx->db);
		if (st == DB_CONSTRAINT || (st == DB_OK && affected != 1)) {
			ctx_flash(ctx, "error", "Cette déclaration est déjà en correction.");
			return ctx_redirect(ctx, fac);
		}
		return db_http_status(st);
	}
	if ((st = db_commit(ctx->db)) != DB_OK)
		return db_http_status(st);
	ctx_flash(ctx, "success", delegate ? "La correction a été confiée aux fournisseurs de données."
					   : "Une nouvelle version de la déclaration est ouverte à la "
					     "correction.");
	return ctx_redirect(ctx, delegate ? fac
					  : arena_printf(ctx->arena,
							 "/declarations/declaration/%llu/activite",
							 (unsigned long long)new_id));
}
