/* Authorization: a user reaches a facility or a declaration only through an
 * active habilitation on that facility; a Caf agent only the facilities of
 * his Caf. Anything else is 404, so ids reveal nothing. */
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "db.h"
#include "decl.h"
#include "decl_catalogue.h"
#include "decl_sql.h"
#include "log.h"
#include "module.h"
#include "session.h"

const char *decl_type_label(const char *type)
{
	if (!type)
		return "";
	if (strcmp(type, "forecast") == 0)
		return "Prévisionnelle";
	if (strcmp(type, "update") == 0)
		return "Actualisée";
	if (strcmp(type, "actual") == 0)
		return "Réelle";
	return "";
}

int decl_kind_from_sql(const char *s)
{
	if (s && strcmp(s, "EAJE") == 0)
		return DKIND_EAJE;
	if (s && strcmp(s, "ALSH") == 0)
		return DKIND_ALSH;
	if (s && strcmp(s, "RAM") == 0)
		return DKIND_RAM;
	return -1;
}

unsigned decl_roles_from_list(const char *csv)
{
	unsigned r = 0;
	if (!csv)
		return 0;
	if (strstr(csv, "activity_provider"))
		r |= DROLE_ACTIVITY;
	if (strstr(csv, "financial_provider"))
		r |= DROLE_FINANCIAL;
	if (strstr(csv, "approver"))
		r |= DROLE_APPROVER;
	if (strstr(csv, "consultant"))
		r |= DROLE_CONSULTANT;
	return r;
}

static const char *cell(const struct db_result *r, size_t row, size_t col)
{
	return db_cell(r, row, col);
}

/* The caller's roles on facility f: a Caf agent's come from his session (any
 * agent of the facility's Caf reads, instructors instruct); a partner user's
 * from his active habilitations, read with the facility (roles_csv). */
static unsigned roles_on_facility(const struct session *s, const struct decl_facility *f,
				  const char *roles_csv)
{
	if (!s || !s->account_id)
		return 0;
	if (s->account_kind && strcmp(s->account_kind, "caf") == 0) {
		if (s->caf_id != f->caf_id)
			return 0;
		return (s->caps & CAP_CAF_INSTRUCTOR) ? DROLE_CAF_INSTRUCTOR : DROLE_CONSULTANT;
	}
	return decl_roles_from_list(roles_csv);
}

long long decl_habilitated_account(const struct session *s)
{
	return s && s->account_kind && strcmp(s->account_kind, "caf") != 0 ? s->account_id : 0;
}

int decl_facility_from_row(struct portal_ctx *ctx, const struct db_result *r, size_t c0,
			     struct decl_facility *f, unsigned *roles)
{
	memset(f, 0, sizeof(*f));
	f->id = db_cell_int(r, 0, c0 + 0);
	f->code = cell(r, 0, c0 + 1);
	f->kind_sql = cell(r, 0, c0 + 2);
	f->name = cell(r, 0, c0 + 3);
	f->address = cell(r, 0, c0 + 4);
	f->postal_code = cell(r, 0, c0 + 5);
	f->city = cell(r, 0, c0 + 6);
	f->caf_id = db_cell_int(r, 0, c0 + 7);
	f->partner_id = db_cell_int(r, 0, c0 + 8);
	f->partner_name = cell(r, 0, c0 + 9);
	f->referent_name = cell(r, 0, c0 + 10);
	f->referent_email = cell(r, 0, c0 + 11);
	f->referent_phone = cell(r, 0, c0 + 12);
	f->caf_name = cell(r, 0, c0 + 13);
	f->caf_email = cell(r, 0, c0 + 14);
	f->caf_phone = cell(r, 0, c0 + 15);
	int k = decl_kind_from_sql(f->kind_sql);
	f->kind = k < 0 ? DKIND_EAJE : (enum decl_kind)k;
	*roles = roles_on_facility(ctx->session, f, cell(r, 0, c0 + 17));
	return *roles ? 0 : 404;
}

int decl_load_facility(struct portal_ctx *ctx, long long id, struct decl_facility *f,
		       unsigned *roles)
{
	*roles = 0;
	const char *today = ctx_today(ctx);
	struct db_result r;
	enum db_status st = db_query(ctx->db, ctx->arena, SQL_FACILITY,
				     DB_ARGS(DB_INT(decl_habilitated_account(ctx->session)),
					     DB_TEXT(today), DB_TEXT(today), DB_INT(id)),
				     &r);
	if (st != DB_OK)
		return db_http_status(st);
	if (r.rows != 1)
		return 404;
	return decl_facility_from_row(ctx, &r, 0, f, roles);
}

static int load_fields(struct portal_ctx *ctx, struct decl_view *v)
{
	int rc = decl_catalogue_fields(ctx, v->f.kind_sql, v->d.type, &v->fields, &v->nfields);
	if (rc)
		return rc;
	v->has_financial = 0;
	for (size_t i = 0; i < v->nfields; i++)
		if (strcmp(v->fields[i].section, "financial") == 0)
			v->has_financial = 1;
	return 0;
}

void decl_subject_of(struct decl_view *v)
{
	struct decl_subject *s = &v->subject;
	s->roles = v->roles;
	s->state = v->d.state;
	s->activity_done = v->d.activity_done;
	/* no financial section (EAJE update): nothing for a provider to end */
	s->financial_done = v->has_financial ? v->d.financial_done : 1;
	s->is_correction = v->d.version > 1;
	s->correction_delegated = v->d.correction_delegated;
}

int decl_load(struct portal_ctx *ctx, long long id, int lock, struct decl_view *v)
{
	memset(v, 0, sizeof(*v));
	if (id <= 0)
		return 404;
	const char *today = ctx_today(ctx);
	struct db_result r;
	enum db_status st =
		lock ? db_query(ctx->db, ctx->arena, SQL_DECLARATION_LOCK, DB_ARGS(DB_INT(id)), &r)
		     : db_query(ctx->db, ctx->arena, SQL_DECLARATION_FACILITY,
				DB_ARGS(DB_INT(decl_habilitated_account(ctx->session)), DB_TEXT(today),
					DB_TEXT(today), DB_INT(session_confirm_id(ctx)), DB_INT(id)),
				&r);
	if (st != DB_OK)
		return db_http_status(st);
	int rc = lock ? 0 : session_confirm(ctx, &r, DECL_COL_SESSION);
	if (rc)
		return rc;
	if (r.rows != 1)
		return 404;
	struct decl_row *d = &v->d;
	d->id = db_cell_int(&r, 0, 0);
	d->facility_id = db_cell_int(&r, 0, 1);
	d->fiscal_year = (int)db_cell_int(&r, 0, 2);
	d->type = cell(&r, 0, 3);
	d->version = (int)db_cell_int(&r, 0, 4);
	int s = decl_state_from_sql(cell(&r, 0, 5));
	d->state = s < 0 ? DSTATE_TO_ENTER : (enum decl_state)s;
	d->row_version = db_cell_int(&r, 0, 6);
	d->activity_done = (int)db_cell_int(&r, 0, 7);
	d->financial_done = (int)db_cell_int(&r, 0, 8);
	d->activity_controlled = (int)db_cell_int(&r, 0, 9);
	d->financial_controlled = (int)db_cell_int(&r, 0, 10);
	d->global_controlled = (int)db_cell_int(&r, 0, 11);
	d->has_estimate = cell(&r, 0, 12) != NULL;
	d->estimate_cents = db_cell_int(&r, 0, 12);
	d->has_final = cell(&r, 0, 13) != NULL;
	d->final_cents = db_cell_int(&r, 0, 13);
	d->comment = cell(&r, 0, 14);
	d->reject_reason = cell(&r, 0, 15);
	d->correction_delegated = (int)db_cell_int(&r, 0, 16);
	d->transmitted_at = db_cell_int(&r, 0, 17);
	d->digest = cell(&r, 0, 18);
	d->validated_at = db_cell_int(&r, 0, 19);
	d->rejected_at = db_cell_int(&r, 0, 20);
	d->newer_versions = (int)db_cell_int(&r, 0, 21);
	if (d->version > 1) {
		struct db_result pr;
		st = db_query(ctx->db, ctx->arena, SQL_CORRECTED_REJECTION,
			      DB_ARGS(DB_INT(d->facility_id), DB_INT(d->fiscal_year),
				      DB_TEXT(d->type), DB_INT(d->version - 1)),
			      &pr);
		if (st != DB_OK)
			return db_http_status(st);
		if (pr.rows == 1) {
			d->corrected_reason = cell(&pr, 0, 0);
			d->corrected_rejected_at = db_cell_int(&pr, 0, 1);
		}
	}

	rc = lock ? decl_load_facility(ctx, d->facility_id, &v->f, &v->roles)
		      : decl_facility_from_row(ctx, &r, DECL_COL_COUNT, &v->f, &v->roles);
	if (rc)
		return rc;
	rc = load_fields(ctx, v);
	if (rc)
		return rc;
	/* the values came with the declaration, except under a lock */
	rc = lock ? decl_load_values(ctx, d->id, &v->vals, &v->nvals, &v->text_codes, &v->texts,
				     &v->ntexts)
		  : decl_row_values(ctx, &r, DECL_COL_VALUES, d->id, &v->vals,
				    &v->nvals, &v->text_codes, &v->texts, &v->ntexts);
	if (rc == 0 && !lock) {
		rc = decl_prev_from_row(ctx, &r, DECL_COL_PREV, v);
		v->controls = db_cell(&r, 0, DECL_COL_CONTROLS);
	}
	if (rc)
		return rc;
	decl_subject_of(v);
	return 0;
}
