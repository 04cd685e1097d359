/* The statistics table of one facility and year: its validated actual
 * declaration's values through the indicator formulas, beside the
 * published departmental and national means and medians, and the fiche 12
 * availability rule. The page and the CSV both read it. */
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

/* One 'average' row: scope, indicator, mean, median, facility count. */
static void set_reference(struct stats_table *t, const struct db_result *r, size_t i)
{
	struct stats_row *row = row_of(t, db_cell(r, i, 2));
	if (!row)
		return;
	int national = db_cell(r, i, 1) && strcmp(db_cell(r, i, 1), "national") == 0;
	struct stats_ref *ref = national ? &row->national : &row->department;
	ref->count = db_cell_int(r, i, 5);
	if (db_cell(r, i, 3) && db_cell(r, i, 4)) {
		ref->status = SREF_OK;
		ref->mean = db_cell_int(r, i, 3);
		ref->median = db_cell_int(r, i, 4);
		if (national)
			t->has_national = 1;
		else
			t->has_department = 1;
	} else {
		ref->status = SREF_SECRET;
	}
}

/* Reads SQL_STATS_TABLE's tagged rows into t. */
static int load(struct portal_ctx *ctx, const struct stats_facility *f, struct stats_table *t)
{
	struct db_result r;
	enum db_status st = db_query(ctx->db, ctx->arena, SQL_STATS_TABLE,
				     DB_ARGS(DB_INT(f->id), DB_INT(t->year), DB_INT(f->id),
					     DB_INT(t->year), DB_INT(t->year), DB_TEXT(f->kind_sql),
					     DB_TEXT(f->department), DB_INT(t->year)),
				     &r);
	if (st != DB_OK)
		return db_http_status(st);
	struct stats_input in;
	memset(&in, 0, sizeof(in));
	const char *state = NULL;
	for (size_t i = 0; i < r.rows; i++) {
		const char *tag = db_cell(&r, i, 0);
		if (!tag)
			continue;
		if (strcmp(tag, "value") == 0) {
			t->has_actual = 1;
			int field = stats_field_from_code(db_cell(&r, i, 1));
			if (field >= 0 && db_cell(&r, i, 2))
				stats_input_set(&in, (enum stats_field)field, db_cell_int(&r, i, 2));
		} else if (strcmp(tag, "state") == 0) {
			state = db_cell(&r, i, 1);
		} else if (strcmp(tag, "average") == 0) {
			set_reference(t, &r, i);
		} else if (strcmp(tag, "published") == 0) {
			t->published = 1;
			t->published_at = (time_t)db_cell_int(&r, i, 2);
		}
	}
	if (t->has_actual) {
		for (size_t i = 0; i < t->nrows; i++)
			t->rows[i].facility = stats_compute(t->rows[i].ind, &in);
	} else {
		/* say how far the year's actual declaration got, if it exists */
		t->actual_state = state;
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
	int rc = load(ctx, f, t);
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

int stats_facility_years(struct portal_ctx *ctx, const struct stats_facility *f, int **years,
			 size_t *n, int *def)
{
	/* each year of a list takes a digit and a comma at least: a list
	 * of L characters holds at most L / 2 + 1 years */
	size_t cap_own = f->actual_years ? strlen(f->actual_years) / 2 + 1 : 0;
	size_t cap_pub = f->published_years ? strlen(f->published_years) / 2 + 1 : 0;
	int *own = arena_alloc(ctx->arena, (cap_own + cap_pub + 1) * sizeof(int));
	int *pub = own + cap_own;
	size_t nown = stats_parse_year_list(f->actual_years, own, cap_own);
	size_t npub = stats_parse_year_list(f->published_years, pub, cap_pub);
	int *ys = arena_alloc(ctx->arena, (nown + npub + 1) * sizeof(int));
	stats_merge_years(own, nown, pub, npub, ys, n, def);
	*years = ys;
	return 0;
}
