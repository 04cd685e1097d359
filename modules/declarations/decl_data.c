/* Values, previous year, controls and estimate of a loaded declaration. */
#include <string.h>

#include "arena.h"
#include "db.h"
#include "decl.h"
#include "decl_sql.h"
#include "module.h"

int decl_load_values(struct portal_ctx *ctx, long long decl_id, struct decl_val **vals,
		     size_t *nvals, const char ***text_codes, const char ***texts, size_t *ntexts)
{
	struct db_result r;
	enum db_status st = db_query(ctx->db, ctx->arena, SQL_VALUES, DB_ARGS(DB_INT(decl_id)), &r);
	if (st != DB_OK)
		return db_http_status(st);
	*vals = arena_zalloc(ctx->arena, (r.rows + 1) * sizeof(**vals));
	*nvals = 0;
	if (text_codes) {
		*text_codes = arena_zalloc(ctx->arena, (r.rows + 1) * sizeof(char *));
		*texts = arena_zalloc(ctx->arena, (r.rows + 1) * sizeof(char *));
		*ntexts = 0;
	}
	for (size_t i = 0; i < r.rows; i++) {
		const char *code = db_cell(&r, i, 0);
		if (db_cell(&r, i, 1)) {
			(*vals)[*nvals].code = code;
			(*vals)[(*nvals)++].v = db_cell_int(&r, i, 1);
		} else if (db_cell(&r, i, 2) && text_codes) {
			(*text_codes)[*ntexts] = code;
			(*texts)[(*ntexts)++] = db_cell(&r, i, 2);
		}
	}
	return 0;
}

int decl_row_values(struct portal_ctx *ctx, const struct db_result *r, size_t col,
		    long long decl_id, struct decl_val **vals, size_t *nvals,
		    const char ***text_codes, const char ***texts, size_t *ntexts)
{
	return decl_column_values(ctx, db_cell(r, 0, col), decl_id, vals, nvals, text_codes, texts,
				  ntexts);
}

int decl_column_values(struct portal_ctx *ctx, const char *column, long long decl_id,
		       struct decl_val **vals, size_t *nvals, const char ***text_codes,
		       const char ***texts, size_t *ntexts)
{
	long long ntext;
	if (decl_values_column(ctx->arena, column, vals, nvals, &ntext) == 0 &&
	    (!text_codes || ntext == 0)) {
		if (text_codes) {
			*text_codes = arena_zalloc(ctx->arena, sizeof(char *));
			*texts = arena_zalloc(ctx->arena, sizeof(char *));
			*ntexts = 0;
		}
		return 0;
	}
	return decl_load_values(ctx, decl_id, vals, nvals, text_codes, texts, ntexts);
}

struct decl_vals decl_view_vals(const struct decl_view *v)
{
	struct decl_vals x = {v->vals, v->nvals};
	return x;
}

const char *decl_view_text(const struct decl_view *v, const char *code)
{
	for (size_t i = 0; i < v->ntexts; i++)
		if (strcmp(v->text_codes[i], code) == 0)
			return v->texts[i];
	return NULL;
}

const char *decl_section_sql(enum decl_section s)
{
	return s == DSECTION_ACTIVITY ? "activity" : s == DSECTION_FINANCIAL ? "financial" : "global";
}

int decl_prev_from_row(struct portal_ctx *ctx, const struct db_result *r, size_t col,
		       struct decl_view *v)
{
	struct decl_prev *p = &v->prev;
	memset(p, 0, sizeof(*p));
	const char *column = db_cell(r, 0, col), *values;
	long long id;
	if (!column) {
		p->read = 1; /* there is none */
		return 0;
	}
	if (decl_prev_column_parse(column, &id, &p->has_amount, &p->amount_cents, &values) != 0) {
		p->has_amount = 0;
		return 0;
	}
	struct decl_val *vals;
	size_t n;
	int rc = decl_column_values(ctx, values, id, &vals, &n, NULL, NULL, NULL);
	if (rc)
		return rc;
	p->vals.items = vals;
	p->vals.n = n;
	p->found = p->read = 1;
	return 0;
}

int decl_stored_controls(struct portal_ctx *ctx, const struct decl_view *v, const char *section,
			 struct kv_list *out)
{
	if (v->controls && decl_controls_parse(ctx->arena, v->controls, section, out) == 0)
		return 0;
	struct db_result r;
	enum db_status st = db_query(ctx->db, ctx->arena, SQL_CONTROLS,
				     DB_ARGS(DB_INT(v->d.id), DB_TEXT(section)), &r);
	if (st != DB_OK)
		return db_http_status(st);
	memset(out, 0, sizeof(*out));
	for (size_t i = 0; i < r.rows; i++) {
		const char *e = db_cell(&r, i, 4);
		kv_add(ctx->arena, out, db_cell(&r, i, 0), e, e ? strlen(e) : 0);
	}
	return 0;
}

int decl_stored_explanations(struct portal_ctx *ctx, const struct decl_view *v,
			     const char *section, struct kv_list *out)
{
	struct kv_list stored;
	int rc = decl_stored_controls(ctx, v, section, &stored);
	if (rc)
		return rc;
	memset(out, 0, sizeof(*out));
	for (size_t i = 0; i < stored.count; i++)
		if (stored.items[i].value)
			kv_add(ctx->arena, out,
			       arena_printf(ctx->arena, "explication_%s", stored.items[i].name),
			       stored.items[i].value, stored.items[i].value_len);
	return 0;
}

int decl_prev_year(struct portal_ctx *ctx, const struct decl_view *v, struct decl_vals *prev,
		   int *found, int64_t *prev_amount, int *has_amount)
{
	if (v->prev.read) {
		*found = v->prev.found;
		*has_amount = v->prev.has_amount;
		if (v->prev.has_amount)
			*prev_amount = v->prev.amount_cents;
		if (v->prev.found)
			*prev = v->prev.vals;
		return 0;
	}
	*found = 0;
	*has_amount = 0;
	struct db_result r;
	enum db_status st = db_query(ctx->db, ctx->arena, SQL_PREV_VALIDATED,
				     DB_ARGS(DB_INT(v->f.id), DB_INT(v->d.fiscal_year - 1)), &r);
	if (st != DB_OK)
		return db_http_status(st);
	if (r.rows == 0)
		return 0;
	if (db_cell(&r, 0, 1)) {
		*has_amount = 1;
		*prev_amount = db_cell_int(&r, 0, 1);
	}
	struct decl_val *vals;
	size_t n;
	int rc = decl_row_values(ctx, &r, 2, db_cell_int(&r, 0, 0), &vals, &n, NULL, NULL, NULL);
	if (rc)
		return rc;
	prev->items = vals;
	prev->n = n;
	*found = 1;
	return 0;
}

static int load_scale(struct portal_ctx *ctx, const struct decl_view *v, struct decl_scale *s)
{
	struct db_result r;
	enum db_status st = db_query(ctx->db, ctx->arena, SQL_SCALE,
				     DB_ARGS(DB_TEXT(v->f.kind_sql), DB_TEXT(v->f.kind_sql),
					     DB_INT(v->d.fiscal_year)),
				     &r);
	if (st != DB_OK)
		return db_http_status(st);
	struct decl_scale_entry *e = arena_zalloc(ctx->arena, (r.rows + 1) * sizeof(*e));
	for (size_t i = 0; i < r.rows; i++) {
		e[i].code = db_cell(&r, i, 0);
		e[i].value_scaled = db_cell_int(&r, i, 1);
		e[i].decimals = (int)db_cell_int(&r, i, 2);
	}
	s->items = e;
	s->n = r.rows;
	return 0;
}

static int64_t val_or0(const struct decl_vals *x, const char *code)
{
	int64_t v = 0;
	decl_vals_get(x, code, &v);
	return v;
}

int decl_compute_estimate(struct portal_ctx *ctx, const struct decl_view *v,
			  struct decl_estimate *est)
{
	struct decl_scale scale;
	int rc = load_scale(ctx, v, &scale);
	if (rc)
		return rc;
	struct db_result fy;
	enum db_status st = db_query(ctx->db, ctx->arena, SQL_FACILITY_YEAR,
				     DB_ARGS(DB_INT(v->f.id), DB_INT(v->d.fiscal_year)), &fy);
	if (st != DB_OK)
		return db_http_status(st);
	/* without the Caf's figure, the general-scheme rate counts as 100 % */
	int64_t rg = fy.rows && db_cell(&fy, 0, 0) ? db_cell_int(&fy, 0, 0) : 10000;
	int64_t etp_validated = fy.rows && db_cell(&fy, 0, 2) ? db_cell_int(&fy, 0, 2) : 0;
	struct decl_vals cur = decl_view_vals(v);
	int64_t charges = val_or0(&cur, "total_charges");

	if (v->f.kind == DKIND_EAJE) {
		int64_t pf = val_or0(&cur, "pr_family");
		if (!v->has_financial) {
			/* EAJE update: PF entered with the activity; charges from the
			   year's transmitted forecast */
			pf = val_or0(&cur, "family_contributions");
			struct db_result fr;
			st = db_query(ctx->db, ctx->arena, SQL_FORECAST_OF_YEAR,
				      DB_ARGS(DB_INT(v->f.id), DB_INT(v->d.fiscal_year)), &fr);
			if (st != DB_OK)
				return db_http_status(st);
			if (fr.rows) {
				struct decl_val *fv;
				size_t fn;
				rc = decl_row_values(ctx, &fr, 1, db_cell_int(&fr, 0, 0), &fv, &fn, NULL, NULL,
						     NULL);
				if (rc)
					return rc;
				struct decl_vals fvals = {fv, fn};
				charges = val_or0(&fvals, "total_charges");
			}
		}
		struct decl_eaje_input in = {
			.charges_cents = charges,
			.hours_performed = val_or0(&cur, "hours_performed"),
			.hours_invoiced = val_or0(&cur, "hours_invoiced"),
			.family_contrib_cents = pf,
			.general_rate = rg,
			.nappies_and_meals = val_or0(&cur, "nappies_provided") &&
					     val_or0(&cur, "meals_provided"),
			.places = val_or0(&cur, "places"),
		};
		decl_estimate_eaje(&in, &scale, est);
	} else if (v->f.kind == DKIND_RAM) {
		struct decl_ram_input in = {
			.charges_cents = charges,
			.etp_worked = val_or0(&cur, "etp_worked"),
			.etp_validated = etp_validated,
			.months_open = val_or0(&cur, "months_open"),
			.months_presence = val_or0(&cur, "months_presence"),
		};
		decl_estimate_ram(&in, &scale, est);
	} else {
		struct decl_alsh_input in = {
			.charges_cents = charges,
			.hours_children = val_or0(&cur, "hours_children_total"),
			.general_rate = rg,
		};
		decl_estimate_alsh(&in, &scale, est);
	}
	return 0;
}

int decl_run_controls(struct portal_ctx *ctx, const struct decl_view *v, enum decl_section s,
		      struct decl_control_list *out, struct decl_estimate *est)
{
	const struct decl_module *m = ctx->module_data;
	struct decl_thresholds defaults;
	if (!m)
		decl_thresholds_default(&defaults);
	struct decl_vals cur = decl_view_vals(v), prev = {NULL, 0};
	int found = 0, has_amount = 0;
	int64_t amount = 0;
	int rc = decl_prev_year(ctx, v, &prev, &found, &amount, &has_amount);
	if (rc)
		return rc;
	struct decl_control_input in = {
		.kind = v->f.kind, .section = s, .cur = &cur, .prev = found ? &prev : NULL,
		.prev_year = v->d.fiscal_year - 1, .validated_etp = -1,
		.has_prev_amount = has_amount, .prev_amount_cents = amount,
	};
	if (v->f.kind == DKIND_RAM) {
		struct db_result fy;
		enum db_status st = db_query(ctx->db, ctx->arena, SQL_FACILITY_YEAR,
					     DB_ARGS(DB_INT(v->f.id), DB_INT(v->d.fiscal_year)), &fy);
		if (st != DB_OK)
			return db_http_status(st);
		if (fy.rows && db_cell(&fy, 0, 2))
			in.validated_etp = db_cell_int(&fy, 0, 2);
	}
	if (s == DSECTION_GLOBAL) {
		rc = decl_compute_estimate(ctx, v, est);
		if (rc)
			return rc;
		in.has_estimate = est->status == ESTIMATE_OK;
		in.estimate_cents = est->amount_cents;
		in.has_declared_ps = decl_vals_get(&cur, "pr_ps_caf", &in.declared_ps_cents);
	}
	decl_controls_run(&in, m ? &m->thresholds : &defaults, out);
	return 0;
}
