/* The statistics table of one facility and year: its validated actual
 * declaration's values through the indicator formulas, beside the
 * published departmental and national means and medians, and the fiche 12
 * availability rule. The page and the CSV both read it. */
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "db.h"
#include "module.h"
#include "stats.h"
#include "stats_publish.h"
#include "stats_sql.h"

static struct stats_row *row_of(struct stats_table *t, const char *code)
{
	for (size_t i = 0; code && i < t->nrows; i++)
		if (strcmp(t->rows[i].ind->code, code) == 0)
			return &t->rows[i];
	return NULL;
}

static int load_values(struct portal_ctx *ctx, const struct stats_facility *f, struct stats_table *t)
{
	struct db_result r;
	enum db_status st = db_query(ctx->db, ctx->arena, SQL_STATS_FACILITY_VALUES,
				     DB_ARGS(DB_INT(f->id), DB_INT(t->year)), &r);
	if (st != DB_OK)
		return db_http_status(st);
	if (r.rows == 0) {
		/* say how far the year's actual declaration got, if it exists */
		st = db_query(ctx->db, ctx->arena, SQL_STATS_FACILITY_ACTUAL_STATE,
			      DB_ARGS(DB_INT(f->id), DB_INT(t->year)), &r);
		if (st != DB_OK)
			return db_http_status(st);
		t->actual_state = r.rows ? db_cell(&r, 0, 0) : NULL;
		return 0;
	}
	t->has_actual = 1;
	struct stats_input in;
	memset(&in, 0, sizeof(in));
	for (size_t i = 0; i < r.rows; i++) {
		int field = stats_field_from_code(db_cell(&r, i, 0));
		if (field >= 0 && db_cell(&r, i, 1))
			stats_input_set(&in, (enum stats_field)field, db_cell_int(&r, i, 1));
	}
	for (size_t i = 0; i < t->nrows; i++)
		t->rows[i].facility = stats_compute(t->rows[i].ind, &in);
	return 0;
}

static int load_references(struct portal_ctx *ctx, const struct stats_facility *f,
			   struct stats_table *t)
{
	struct db_result r;
	enum db_status st = db_query(ctx->db, ctx->arena, SQL_STATS_AVERAGES,
				     DB_ARGS(DB_INT(t->year), DB_TEXT(f->kind_sql), DB_TEXT(f->department)),
				     &r);
	if (st != DB_OK)
		return db_http_status(st);
	for (size_t i = 0; i < r.rows; i++) {
		struct stats_row *row = row_of(t, db_cell(&r, i, 1));
		if (!row)
			continue;
		int national = strcmp(db_cell(&r, i, 0), "national") == 0;
		struct stats_ref *ref = national ? &row->national : &row->department;
		ref->count = db_cell_int(&r, i, 4);
		if (db_cell(&r, i, 2) && db_cell(&r, i, 3)) {
			ref->status = SREF_OK;
			ref->mean = db_cell_int(&r, i, 2);
			ref->median = db_cell_int(&r, i, 3);
			if (national)
				t->has_national = 1;
			else
				t->has_department = 1;
		} else {
			ref->status = SREF_SECRET;
		}
	}
	st = db_query(ctx->db, ctx->arena, SQL_STATS_PUBLICATION, DB_ARGS(DB_INT(t->year)), &r);
	if (st != DB_OK)
		return db_http_status(st);
	if (r.rows == 1) {
		t->published = 1;
		t->published_at = (time_t)db_cell_int(&r, 0, 0);
	}
	return 0;
}

int stats_load_table(struct portal_ctx *ctx, const struct stats_facility *f, int year,
		     struct stats_table *t)
{
	memset(t, 0, sizeof(*t));
	t->year = year;
	t->rows = arena_zalloc(ctx->arena, (STATS_NINDICATORS + 1) * sizeof(*t->rows));
	for (size_t i = 0; i < STATS_NINDICATORS; i++)
		if (STATS_INDICATORS[i].kind == f->kind)
			t->rows[t->nrows++].ind = &STATS_INDICATORS[i];
	int rc = load_values(ctx, f, t);
	if (rc == 0)
		rc = load_references(ctx, f, t);
	if (rc)
		return rc;
	t->missing = stats_missing_of(t->has_actual, t->has_department, t->has_national);
	return 0;
}

int stats_actual_years(struct portal_ctx *ctx, int **years, size_t *n)
{
	enum { MAX_YEARS = STATS_YEAR_MAX - STATS_YEAR_MIN + 1 };
	int *ys = arena_alloc(ctx->arena, MAX_YEARS * sizeof(int));
	size_t k = 0;
	long long below = STATS_YEAR_MAX + 1;
	while (k < MAX_YEARS) {
		struct db_result r;
		enum db_status st = db_query(ctx->db, ctx->arena, SQL_STATS_ACTUAL_YEAR_BELOW,
					     DB_ARGS(DB_INT(below)), &r);
		if (st != DB_OK)
			return db_http_status(st);
		if (r.rows != 1 || !db_cell(&r, 0, 0))
			break;
		below = db_cell_int(&r, 0, 0);
		ys[k++] = (int)below;
	}
	*years = ys;
	*n = k;
	return 0;
}

static int add_year(int *ys, size_t n, int y)
{
	for (size_t i = 0; i < n; i++)
		if (ys[i] == y)
			return 0;
	ys[n] = y;
	return 1;
}

static int desc(const void *a, const void *b)
{
	return *(const int *)b - *(const int *)a;
}

int stats_facility_years(struct portal_ctx *ctx, const struct stats_facility *f, int **years,
			 size_t *n, int *def)
{
	struct db_result own, pub;
	enum db_status st = db_query(ctx->db, ctx->arena, SQL_STATS_FACILITY_YEARS,
				     DB_ARGS(DB_INT(f->id)), &own);
	if (st == DB_OK)
		st = db_query(ctx->db, ctx->arena, SQL_STATS_PUBLICATIONS, DB_NOARGS, &pub);
	if (st != DB_OK)
		return db_http_status(st);
	int *ys = arena_alloc(ctx->arena, (own.rows + pub.rows + 1) * sizeof(int));
	size_t k = 0;
	for (size_t i = 0; i < own.rows; i++)
		k += add_year(ys, k, (int)db_cell_int(&own, i, 0));
	for (size_t i = 0; i < pub.rows; i++)
		k += add_year(ys, k, (int)db_cell_int(&pub, i, 0));
	qsort(ys, k, sizeof(int), desc);
	/* default: the newest year with both a validated actual and a
	 * publication, else the newest validated actual, else the newest
	 * publication */
	*def = 0;
	for (size_t i = 0; i < own.rows && !*def; i++)
		for (size_t j = 0; j < pub.rows; j++)
			if (db_cell_int(&own, i, 0) == db_cell_int(&pub, j, 0)) {
				*def = (int)db_cell_int(&own, i, 0);
				break;
			}
	if (!*def && own.rows)
		*def = (int)db_cell_int(&own, 0, 0);
	if (!*def && pub.rows)
		*def = (int)db_cell_int(&pub, 0, 0);
	*years = ys;
	*n = k;
	return 0;
}
