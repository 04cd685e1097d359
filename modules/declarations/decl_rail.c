/* Steps 1-4 of the rail: entry of the activity and financial data, their
 * controls with explanations, and "fin de saisie" (tick / untick). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "audit.h"
#include "clock.h"
#include "db.h"
#include "french.h"
#include "decl.h"
#include "decl_sql.h"
#include "log.h"
#include "module.h"
#include "page.h"
#include "request.h"
#include "response.h"
#include "session.h"

#define MSG_CONFLICT \
	"Les données ont été modifiées par une autre personne depuis l'ouverture de ce " \
	"formulaire. Comparez les deux versions ci-dessous, puis enregistrez à nouveau pour " \
	"conserver la vôtre."

struct section_def {
	const char *sql;	/* form_field.section */
	enum decl_section sec;
	int entry_step, control_step;
	enum decl_action edit, done, undone;
	const char *slug, *control_slug;
};

static const struct section_def ACTIVITY = {
	"activity", DSECTION_ACTIVITY, DSTEP_ACTIVITY, DSTEP_ACTIVITY_CONTROL,
	DACT_EDIT_ACTIVITY, DACT_DONE_ACTIVITY, DACT_UNDONE_ACTIVITY, "activite", "controle-activite",
};
static const struct section_def FINANCIAL = {
	"financial", DSECTION_FINANCIAL, DSTEP_FINANCIAL, DSTEP_FINANCIAL_CONTROL,
	DACT_EDIT_FINANCIAL, DACT_DONE_FINANCIAL, DACT_UNDONE_FINANCIAL, "financier",
	"controle-financier",
};

static int load_for(struct portal_ctx *ctx, const struct section_def *s, struct decl_view *v)
{
	int rc = decl_load(ctx, ctx_param_id(ctx, "id"), 0, v);
	if (rc)
		return rc;
	if (s == &FINANCIAL && !v->has_financial)
		return 404;
	return 0;
}

static void px_missing(struct portal_ctx *ctx, xmlNodePtr root, const struct decl_view *v,
		       const char *section)
{
	size_t missing[64];
	struct decl_vals vals = decl_view_vals(v);
	size_t n = decl_missing_essential(v->fields, v->nfields, section, &vals, missing, 64);
	(void)ctx;
	if (!n)
		return;
	xmlNodePtr m = px_el(root, "missing-essential");
	for (size_t i = 0; i < n; i++) {
		xmlNodePtr f = px_text(m, "field", v->fields[missing[i]].label);
		px_attr(f, "code", v->fields[missing[i]].code);
	}
}

static size_t missing_count(const struct decl_view *v, const char *section)
{
	size_t missing[64];
	struct decl_vals vals = decl_view_vals(v);
	return decl_missing_essential(v->fields, v->nfields, section, &vals, missing, 64);
}

/* Reminders above the activity form (fiche 6): general-scheme rate and, for
 * the EAJE, the family contributions from the financial section. */
static void px_reminders(struct portal_ctx *ctx, xmlNodePtr root, const struct decl_view *v)
{
	struct db_result r;
	if (db_query(ctx->db, ctx->arena, SQL_FACILITY_YEAR,
		     DB_ARGS(DB_INT(v->f.id), DB_INT(v->d.fiscal_year)), &r) != DB_OK)
		return;
	xmlNodePtr n = px_el(root, "reminders");
	char b[48];
	if (r.rows && db_cell(&r, 0, 0)) {
		fr_format_decimal(db_cell_int(&r, 0, 0) / 100, 2, b, sizeof(b));
		px_attr(n, "general-rate", b);
	}
	if (r.rows && db_cell(&r, 0, 1))
		px_attr(n, "places", db_cell(&r, 0, 1));
	if (r.rows && db_cell(&r, 0, 2)) {
		fr_format_decimal(db_cell_int(&r, 0, 2), 2, b, sizeof(b));
		px_attr(n, "validated-etp", b);
	}
	struct decl_vals vals = decl_view_vals(v);
	int64_t pf;
	if (decl_vals_get(&vals, "pr_family", &pf))
		px_attr(n, "family-contributions", decl_money(ctx, pf));
}

/* Why the data of a step are shown without a form. */
static const char *readonly_notice(const struct decl_view *v, enum decl_verdict verdict)
{
	if (verdict == DVERDICT_STATE) {
		if (v->d.state == DSTATE_TRANSMITTED || v->d.state == DSTATE_VALIDATED)
			return "La déclaration a été transmise à la Caf : ses données ne peuvent plus "
			       "être modifiées.";
		if (v->d.state == DSTATE_REJECTED)
			return "La déclaration a été rejetée par la Caf : elle sera corrigée dans une "
			       "nouvelle version, organisée par l'approbateur.";
	}
	if (verdict == DVERDICT_ROLE)
		return "Votre rôle sur cet équipement ne permet pas de modifier ces données : "
		       "elles sont affichées en consultation.";
	return decl_verdict_message(verdict);
}

/* The entry page. When this user may not edit the section now (role, "fin
 * de saisie", state), the view shows the stored values without any form,
 * and typed values are not shown. */
static xmlNodePtr entry_page(struct portal_ctx *ctx, const struct section_def *s,
			     struct decl_view *v, const struct kv_list *typed)
{
	enum decl_verdict verdict = decl_allowed(&v->subject, s->edit);
	int editable = verdict == DVERDICT_ALLOWED;
	xmlNodePtr root = decl_page(ctx, "declarations/saisie", v, s->entry_step);
	if (!editable)
		px_text(root, "readonly", readonly_notice(v, verdict));
	if (s == &ACTIVITY)
		px_reminders(ctx, root, v);
	decl_px_form(ctx, root, v, s->sql, editable, editable ? typed : NULL);
	if (v->d.state != DSTATE_TO_ENTER)
		px_missing(ctx, root, v, s->sql);
	return root;
}

static int entry_get(struct portal_ctx *ctx, const struct section_def *s)
{
	struct decl_view v;
	int rc = load_for(ctx, s, &v);
	if (rc)
		return rc;
	/* a form posted after the session expired comes back after login */
	struct kv_list saved;
	int restored = session_take_saved_form(ctx, ctx->req->path, &saved);
	if (restored && decl_allowed(&v.subject, s->edit) != DVERDICT_ALLOWED)
		restored = 0; /* entry closed meanwhile: nothing to save again */
	xmlNodePtr root = entry_page(ctx, s, &v, restored ? &saved : NULL);
	if (restored) {
		xmlNodePtr n = px_el(root, "restored");
		px_attr(n, "kind", "session-expired");
		const char *rv = kv_get(&saved, "row_version");
		if (rv)
			px_attr(n, "row-version", rv);
	}
	return 0;
}

/* Re-render after a refused save: typed values kept, errors next to fields. */
static int entry_rerender(struct portal_ctx *ctx, const struct section_def *s, struct decl_view *v,
			  const char **err_code, const char **err_msg, size_t nerr,
			  const char *form_error)
{
	xmlNodePtr root = entry_page(ctx, s, v, &ctx->req->form);
	if (form_error)
		page_error(root, NULL, form_error);
	for (size_t i = 0; i < nerr; i++)
		page_error(root, err_code[i], err_msg[i]);
	return 0;
}

static int conflict(struct portal_ctx *ctx, const struct section_def *s)
{
	struct decl_view fresh;
	int rc = load_for(ctx, s, &fresh);
	if (rc)
		return rc;
	xmlNodePtr root = entry_page(ctx, s, &fresh, &ctx->req->form);
	page_error(root, NULL, MSG_CONFLICT);
	xmlNodePtr c = px_el(root, "conflict");
	struct decl_vals vals = decl_view_vals(&fresh);
	for (size_t i = 0; i < fresh.nfields; i++) {
		const struct decl_field *f = &fresh.fields[i];
		if (strcmp(f->section, s->sql) != 0 || f->computed)
			continue;
		const char *mine = ctx_form(ctx, f->code);
		int64_t x;
		const char *theirs = NULL;
		if (f->unit == DUNIT_TEXT) {
			theirs = decl_view_text(&fresh, f->code);
		} else if (decl_vals_get(&vals, f->code, &x)) {
			theirs = decl_format_value(ctx, f, x);
		}
		if (f->unit == DUNIT_BOOL)
			mine = mine ? "Oui" : "Non";
		const char *m = mine ? mine : "", *t = theirs ? theirs : "";
		if (strcmp(m, t) == 0)
			continue;
		xmlNodePtr n = px_el(c, "field");
		px_attr(n, "code", f->code);
		px_attr(n, "label", f->label);
		px_attr(n, "mine", m);
		px_attr(n, "theirs", t);
	}
	return 0;
}

static const char *const TOTALS[] = {"total_charges", "total_products", "hours_children_total"};

static int is_total(const char *code)
{
	for (size_t t = 0; t < sizeof(TOTALS) / sizeof(TOTALS[0]); t++)
		if (strcmp(code, TOTALS[t]) == 0)
			return 1;
	return 0;
}

/* Whether a value is one the user types in section s (replaced by a save). */
static int typed_in(const struct decl_view *v, const struct section_def *s, const char *code)
{
	for (size_t i = 0; i < v->nfields; i++)
		if (strcmp(v->fields[i].code, code) == 0)
			return strcmp(v->fields[i].section, s->sql) == 0 && !v->fields[i].computed;
	return 0;
}

static enum db_status upsert(struct portal_ctx *ctx, long long decl_id, const char *code,
			     const int64_t *number, const char *text)
{
	return db_exec(ctx->db, SQL_VALUE_UPSERT,
		       DB_ARGS(DB_INT(decl_id), DB_TEXT(code), number ? DB_INT(*number) : DB_NULL,
			       DB_TEXT(text), DB_INT(ctx_account_id(ctx)),
			       DB_INT((long long)portal_now())),
		       NULL, NULL);
}

static enum db_status delete_value(struct portal_ctx *ctx, long long decl_id, const char *code)
{
	return db_exec(ctx->db, SQL_VALUE_DELETE, DB_ARGS(DB_INT(decl_id), DB_TEXT(code)), NULL,
		       NULL);
}

/* Writes the section's values as typed and the totals recomputed (inside
 * the transaction whose SQL_BUMP_* matched the form's row version, so v
 * holds what is stored): only what differs, so an unchanged value keeps
 * who last changed it and a save costs a statement per change, not per
 * field. v then holds the values as saved. */
static int save_values(struct portal_ctx *ctx, const struct section_def *s, struct decl_view *v,
		       const int64_t *parsed, const enum decl_parse *kind)
{
	struct decl_vals old = decl_view_vals(v);
	size_t room = v->nvals + v->nfields + 4, n = 0, nt = 0;
	struct decl_val *vals = arena_zalloc(ctx->arena, room * sizeof(*vals));
	const char **tcodes = arena_zalloc(ctx->arena, (v->ntexts + v->nfields + 1) * sizeof(char *));
	const char **texts = arena_zalloc(ctx->arena, (v->ntexts + v->nfields + 1) * sizeof(char *));
	for (size_t i = 0; i < v->nvals; i++)
		if (!typed_in(v, s, v->vals[i].code) && !is_total(v->vals[i].code))
			vals[n++] = v->vals[i];
	for (size_t i = 0; i < v->ntexts; i++)
		if (!typed_in(v, s, v->text_codes[i])) {
			tcodes[nt] = v->text_codes[i];
			texts[nt++] = v->texts[i];
		}
	enum db_status st = DB_OK;
	for (size_t i = 0; i < v->nfields && st == DB_OK; i++) {
		const struct decl_field *f = &v->fields[i];
		if (strcmp(f->section, s->sql) != 0 || f->computed)
			continue;
		int64_t was;
		int had = decl_vals_get(&old, f->code, &was);
		const char *was_text = decl_view_text(v, f->code);
		if (kind[i] == DPARSE_EMPTY) {
			if (had || was_text)
				st = delete_value(ctx, v->d.id, f->code);
		} else if (f->unit == DUNIT_TEXT) {
			const char *t = ctx_form(ctx, f->code) ? ctx_form(ctx, f->code) : "";
			tcodes[nt] = f->code;
			texts[nt++] = t;
			if (had || !was_text || strcmp(was_text, t) != 0)
				st = upsert(ctx, v->d.id, f->code, NULL, t);
		} else {
			vals[n].code = f->code;
			vals[n++].v = parsed[i];
			if (!had || was != parsed[i] || was_text)
				st = upsert(ctx, v->d.id, f->code, &parsed[i], NULL);
		}
	}
	/* totals from the declaration as it now stands */
	struct decl_vals now = {vals, n};
	struct decl_val out[3];
	size_t nout = decl_compute_totals(&now, out);
	for (size_t t = 0; t < sizeof(TOTALS) / sizeof(TOTALS[0]) && st == DB_OK; t++) {
		int has_field = 0;
		for (size_t i = 0; i < v->nfields; i++)
			has_field |= strcmp(v->fields[i].code, TOTALS[t]) == 0;
		if (!has_field)
			continue;
		size_t k = 0;
		while (k < nout && strcmp(out[k].code, TOTALS[t]) != 0)
			k++;
		int64_t was;
		int had = decl_vals_get(&old, TOTALS[t], &was);
		if (k < nout) {
			vals[n++] = out[k];
			if (!had || was != out[k].v)
				st = upsert(ctx, v->d.id, TOTALS[t], &out[k].v, NULL);
		} else if (had) {
			st = delete_value(ctx, v->d.id, TOTALS[t]);
		}
	}
	v->vals = vals;
	v->nvals = n;
	v->text_codes = tcodes;
	v->texts = texts;
	v->ntexts = nt;
	return db_http_status(st);
}

static int entry_post(struct portal_ctx *ctx, const struct section_def *s)
{
	struct decl_view v;
	int rc = load_for(ctx, s, &v);
	if (rc)
		return rc;
	enum decl_verdict verdict = decl_allowed(&v.subject, s->edit);
	if (verdict == DVERDICT_ROLE)
		return 403;
	if (verdict != DVERDICT_ALLOWED) {
		/* locked or no longer editable: nothing is written, the page is
		 * the read-only one (stored values, no form) */
		xmlNodePtr root = entry_page(ctx, s, &v, NULL);
		page_error(root, NULL, "Vos modifications n'ont pas été enregistrées.");
		ctx->res->status = 409;
		return 0;
	}

	const char *action = ctx_form(ctx, "action");
	int next = action && strcmp(action, "suivant") == 0;
	int64_t *parsed = arena_zalloc(ctx->arena, (v.nfields + 1) * sizeof(*parsed));
	enum decl_parse *kind = arena_zalloc(ctx->arena, (v.nfields + 1) * sizeof(*kind));
	const char **ecode = arena_zalloc(ctx->arena, (v.nfields + 1) * sizeof(char *));
	const char **emsg = arena_zalloc(ctx->arena, (v.nfields + 1) * sizeof(char *));
	size_t nerr = 0;
	for (size_t i = 0; i < v.nfields; i++) {
		struct decl_field f = v.fields[i];
		if (strcmp(f.section, s->sql) != 0 || f.computed)
			continue;
		if (!next)
			f.required = 0; /* a draft may be incomplete */
		const char *err;
		char *buf = arena_alloc(ctx->arena, 160);
		kind[i] = decl_field_parse(&f, ctx_form(ctx, f.code), &parsed[i], &err, buf, 160);
		if (kind[i] == DPARSE_ERROR) {
			ecode[nerr] = f.code;
			emsg[nerr++] = err;
		}
	}
	if (nerr)
		return entry_rerender(ctx, s, &v, ecode, emsg, nerr,
				      "Le formulaire contient des erreurs : corrigez les champs "
				      "signalés.");

	const char *rv_s = ctx_form(ctx, "row_version");
	long long rv = rv_s ? atoll(rv_s) : -1;
	enum db_status st = db_begin(ctx->db);
	if (st != DB_OK)
		return db_http_status(st);
	uint64_t affected = 0;
	st = db_exec(ctx->db, s == &ACTIVITY ? SQL_BUMP_ACTIVITY : SQL_BUMP_FINANCIAL,
		     DB_ARGS(DB_INT(portal_now()), DB_INT(ctx_account_id(ctx)), DB_INT(v.d.id),
			     DB_INT(rv)),
		     &affected, NULL);
	if (st != DB_OK) {
		db_rollback(ctx->db);
		return db_http_status(st);
	}
	if (affected == 0) {
		db_rollback(ctx->db);
		return conflict(ctx, s);
	}
	rc = save_values(ctx, s, &v, parsed, kind);
	if (rc == 0 && v.d.state == DSTATE_TO_ENTER)
		rc = audit_event(ctx, "declaration.entry_started", "declaration", v.d.id, s->sql) ? 500 : 0;
	if (rc) {
		db_rollback(ctx->db);
		return rc;
	}
	st = db_commit(ctx->db);
	if (st != DB_OK)
		return db_http_status(st);

	char *self = arena_printf(ctx->arena, "/declarations/declaration/%lld/%s", v.d.id, s->slug);
	if (!next) {
		ctx_flash(ctx, "success", "Vos données ont été enregistrées.");
		return ctx_redirect(ctx, self);
	}
	if (missing_count(&v, s->sql)) {
		/* saved, but the next step stays closed (red banner, fiche 8) */
		struct decl_view fresh;
		rc = load_for(ctx, s, &fresh);
		if (rc)
			return rc;
		entry_page(ctx, s, &fresh, NULL);
		return 0;
	}
	return ctx_redirect(ctx, arena_printf(ctx->arena, "/declarations/declaration/%lld/%s",
					      v.d.id, s->control_slug));
}

static xmlNodePtr control_page(struct portal_ctx *ctx, const struct section_def *s,
			       struct decl_view *v, const struct decl_control_list *l,
			       const struct kv_list *typed)
{
	enum decl_verdict verdict = decl_allowed(&v->subject, s->edit);
	xmlNodePtr root = decl_page(ctx, "declarations/controle", v, s->control_step);
	if (verdict != DVERDICT_ALLOWED)
		px_text(root, "readonly", readonly_notice(v, verdict));
	decl_px_controls(ctx, root, v, s->sec, l, typed, verdict == DVERDICT_ALLOWED);
	px_missing(ctx, root, v, s->sql);
	xmlNodePtr eoe = px_el(root, "end-of-entry");
	px_attr(eoe, "section", s == &ACTIVITY ? "activite" : "financier");
	px_attr_int(eoe, "done", s == &ACTIVITY ? v->subject.activity_done : v->subject.financial_done);
	px_attr_int(eoe, "controlled", s == &ACTIVITY ? v->d.activity_controlled
						      : v->d.financial_controlled);
	if (decl_allowed(&v->subject, s->done) == DVERDICT_ALLOWED)
		px_attr(eoe, "can-tick", "1");
	if (decl_allowed(&v->subject, s->undone) == DVERDICT_ALLOWED)
		px_attr(eoe, "can-untick", "1");
	return root;
}

/* The control page of the declaration as it is now, with what the user
 * typed (NULL: a form saved across a login, or the stored explanations)
 * and, for a POST that could not be recorded, why (a 409). */
static int control_show(struct portal_ctx *ctx, const struct section_def *s,
			const struct kv_list *typed, const char *error)
{
	struct decl_view v;
	int rc = load_for(ctx, s, &v);
	if (rc)
		return rc;
	struct decl_control_list l;
	struct decl_estimate est;
	rc = decl_run_controls(ctx, &v, s->sec, &l, &est);
	if (rc)
		return rc;
	struct kv_list stored;
	if (!typed) {
		if (!session_take_saved_form(ctx, ctx->req->path, &stored) &&
		    (rc = decl_stored_explanations(ctx, &v, s->sql, &stored)) != 0)
			return rc;
		typed = &stored;
	}
	xmlNodePtr root = control_page(ctx, s, &v, &l, typed);
	if (error) {
		page_error(root, NULL, error);
		ctx->res->status = 409;
	}
	return 0;
}

static int control_get(struct portal_ctx *ctx, const struct section_def *s)
{
	return control_show(ctx, s, NULL, NULL);
}

static int control_post(struct portal_ctx *ctx, const struct section_def *s)
{
	struct decl_view v;
	int rc = load_for(ctx, s, &v);
	if (rc)
		return rc;
	enum decl_verdict verdict = decl_allowed(&v.subject, s->edit);
	if (verdict == DVERDICT_ROLE)
		return 403;
	struct decl_control_list l;
	struct decl_estimate est;
	rc = decl_run_controls(ctx, &v, s->sec, &l, &est);
	if (rc)
		return rc;
	if (verdict != DVERDICT_ALLOWED) {
		struct kv_list stored;
		rc = decl_stored_explanations(ctx, &v, s->sql, &stored);
		if (rc)
			return rc;
		xmlNodePtr root = control_page(ctx, s, &v, &l, &stored);
		page_error(root, NULL, "Vos explications n'ont pas été enregistrées.");
		ctx->res->status = 409;
		return 0;
	}
	int missing = missing_count(&v, s->sql) > 0;
	/* the approver passing the control validates the section himself */
	int auto_done = (v.roles & DROLE_APPROVER) != 0;
	int controlled = s == &ACTIVITY ? v.d.activity_controlled : v.d.financial_controlled;
	int done = s == &ACTIVITY ? v.d.activity_done : v.d.financial_done;
	long long now = (long long)portal_now(), who = ctx_account_id(ctx);
	struct decl_control_step step = {.section = s->sql, .controls = &l, .ready = !missing,
					 .event = "declaration.control_passed", .detail = s->sql};
	/* Passed again on a section already controlled: nothing to mark, so
	 * the declaration keeps its version. Otherwise only the version the
	 * controls ran on is marked: data saved since make it a conflict. */
	const char *mark = NULL;
	if (!controlled || (auto_done && !done))
		mark = s == &ACTIVITY ? SQL_SET_ACTIVITY_CONTROLLED : SQL_SET_FINANCIAL_CONTROLLED;
	rc = decl_record_control(ctx, &v, &step, mark,
				 DB_ARGS(DB_INT(auto_done), DB_INT(auto_done), DB_INT(who),
					 DB_INT(auto_done), DB_INT(now), DB_INT(v.d.id),
					 DB_INT(v.d.row_version)));
	if (rc)
		return rc;
	/* the declaration changed between this request's reading and its
	 * writing: its controls again, on the data as they are now */
	if (step.changed)
		return control_show(ctx, s, &ctx->req->form, MSG_CONTROL_CONFLICT);
	if (missing || !step.all) {
		xmlNodePtr root = control_page(ctx, s, &v, &l, &ctx->req->form);
		page_error(root, NULL,
			   missing ? "Des données essentielles manquent : complétez la saisie avant "
				     "de poursuivre."
				   : "Expliquez chaque anomalie ou alerte dans la zone « Explication » "
				     "pour passer à l'étape suivante.");
		return 0;
	}
	const char *to;
	if (v.roles & DROLE_APPROVER) {
		to = (s == &ACTIVITY && v.has_financial) ? "financier" : "controle-global";
	} else if (s == &ACTIVITY && (v.roles & DROLE_FINANCIAL) && v.has_financial) {
		ctx_flash(ctx, "info", "Contrôle enregistré. Cochez « Fin de saisie » sur cet écran "
				       "quand vos données d'activité sont complètes.");
		to = "financier";
	} else {
		ctx_flash(ctx, "info", "Contrôle enregistré. Cochez « Fin de saisie » pour signaler "
				       "à l'approbateur que vos données sont complètes.");
		to = s->control_slug;
	}
	return ctx_redirect(ctx, arena_printf(ctx->arena, "/declarations/declaration/%lld/%s",
					      v.d.id, to));
}

int decl_end_of_entry_post(struct portal_ctx *ctx)
{
	struct decl_view v;
	int rc = decl_load(ctx, ctx_param_id(ctx, "id"), 0, &v);
	if (rc)
		return rc;
	const char *sec = ctx_form(ctx, "section");
	const char *tick = ctx_form(ctx, "coche");
	if (!sec || !tick || (strcmp(sec, "activite") != 0 && strcmp(sec, "financier") != 0))
		return 400;
	const struct section_def *s = strcmp(sec, "activite") == 0 ? &ACTIVITY : &FINANCIAL;
	if (s == &FINANCIAL && !v.has_financial)
		return 404;
	int on = strcmp(tick, "1") == 0;
	enum decl_verdict verdict = decl_allowed(&v.subject, on ? s->done : s->undone);
	char *back = arena_printf(ctx->arena, "/declarations/declaration/%lld/%s", v.d.id,
				  s->control_slug);
	if (verdict == DVERDICT_ROLE)
		return 403;
	if (verdict != DVERDICT_ALLOWED) {
		ctx_flash(ctx, "error", decl_verdict_message(verdict));
		return ctx_redirect(ctx, back);
	}
	int controlled = s == &ACTIVITY ? v.d.activity_controlled : v.d.financial_controlled;
	if (on && !controlled) {
		ctx_flash(ctx, "error", "Passez d'abord le contrôle des données (toutes les anomalies "
					"et alertes expliquées) avant de signaler la fin de saisie.");
		return ctx_redirect(ctx, back);
	}
	const char *rv_s = ctx_form(ctx, "row_version");
	long long now = (long long)portal_now();
	enum db_status st = db_begin(ctx->db);
	if (st != DB_OK)
		return db_http_status(st);
	uint64_t affected = 0;
	st = db_exec(ctx->db, s == &ACTIVITY ? SQL_SET_ACTIVITY_DONE : SQL_SET_FINANCIAL_DONE,
		     DB_ARGS(DB_INT(on), on ? DB_INT(ctx_account_id(ctx)) : DB_NULL,
			     on ? DB_INT(now) : DB_NULL, DB_INT(v.d.id),
			     DB_INT(rv_s ? atoll(rv_s) : -1)),
		     &affected, NULL);
	if (st == DB_OK && affected == 1 &&
	    audit_event(ctx, on ? "declaration.end_of_entry" : "declaration.end_of_entry_cancelled",
			"declaration", v.d.id, s->sql) != 0)
		st = DB_ERROR;
	if (st != DB_OK || affected != 1) {
		db_rollback(ctx->db);
		if (st != DB_OK)
			return db_http_status(st);
		ctx_flash(ctx, "error", MSG_CONFLICT);
		return ctx_redirect(ctx, back);
	}
	st = db_commit(ctx->db);
	if (st != DB_OK)
		return db_http_status(st);
	ctx_flash(ctx, "success",
		  on ? "La fin de saisie a été signalée à l'approbateur."
		     : "La case « Fin de saisie » a été décochée : le fournisseur peut de nouveau "
		       "modifier ses données. Informez-le directement.");
	return ctx_redirect(ctx, back);
}

int decl_activity_get(struct portal_ctx *ctx) { return entry_get(ctx, &ACTIVITY); }
int decl_activity_post(struct portal_ctx *ctx) { return entry_post(ctx, &ACTIVITY); }
int decl_financial_get(struct portal_ctx *ctx) { return entry_get(ctx, &FINANCIAL); }
int decl_financial_post(struct portal_ctx *ctx) { return entry_post(ctx, &FINANCIAL); }
int decl_activity_control_get(struct portal_ctx *ctx) { return control_get(ctx, &ACTIVITY); }
int decl_activity_control_post(struct portal_ctx *ctx) { return control_post(ctx, &ACTIVITY); }
int decl_financial_control_get(struct portal_ctx *ctx) { return control_get(ctx, &FINANCIAL); }
int decl_financial_control_post(struct portal_ctx *ctx) { return control_post(ctx, &FINANCIAL); }
