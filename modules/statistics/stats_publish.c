/* Publication of a year's averages (see stats_publish.h).
 *
 * SQL does the heavy lifting: one grouped query pivots the values of every
 * validated actual declaration of the year, ordered by (kind, department).
 * C then applies the very formulas of the facility page (stats_calc.c) to
 * each declaration, and per (kind, department) and per kind nationally
 * takes the mean and the median (a sort of each group's values). A group
 * with fewer than STATS_MIN_FACILITIES facilities is recorded without a
 * mean (statistical secrecy), so the page can say why. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "audit.h"
#include "db.h"
#include "stats_calc.h"
#include "stats_publish.h"
#include "stats_sql.h"

struct out_row {
	int kind;
	const char *department;	/* NULL: national */
	const struct stats_indicator *ind;
	int has_mean;
	int64_t mean, median;
	size_t count;
};

struct publisher {
	struct arena *a;
	int64_t *vals[STATS_MAX_INDICATORS];	/* per indicator: values of the current group */
	size_t n[STATS_MAX_INDICATORS];
	int64_t *nat[STATS_MAX_INDICATORS];	/* per indicator: values of the whole kind */
	size_t nn[STATS_MAX_INDICATORS];
	struct out_row *out;
	size_t nout, cap;
};

static void emit(struct publisher *p, int kind, const char *dept, size_t i, int64_t *v, size_t n)
{
	if (p->nout == p->cap) {
		size_t cap = p->cap ? p->cap * 2 : 1024;
		struct out_row *o = arena_alloc(p->a, cap * sizeof(*o));
		if (p->nout)
			memcpy(o, p->out, p->nout * sizeof(*o));
		p->out = o;
		p->cap = cap;
	}
	struct out_row *r = &p->out[p->nout++];
	memset(r, 0, sizeof(*r));
	r->kind = kind;
	r->department = dept;
	r->ind = &STATS_INDICATORS[i];
	r->count = n;
	if (n >= STATS_MIN_FACILITIES) {
		r->has_mean = 1;
		stats_mean(v, n, &r->mean);
		stats_median(v, n, &r->median);	/* sorts v: after the mean */
	}
}

/* Emits the rows of the (kind, department) group just read. */
static void flush_group(struct publisher *p, int kind, const char *dept)
{
	for (size_t i = 0; i < STATS_NINDICATORS; i++) {
		if ((int)STATS_INDICATORS[i].kind != kind)
			continue;
		emit(p, kind, dept, i, p->vals[i], p->n[i]);
		p->n[i] = 0;
	}
}

static void flush_nation(struct publisher *p, int kind)
{
	for (size_t i = 0; i < STATS_NINDICATORS; i++) {
		if ((int)STATS_INDICATORS[i].kind != kind)
			continue;
		emit(p, kind, NULL, i, p->nat[i], p->nn[i]);
		p->nn[i] = 0;
	}
}

/* Computes every output row from the query's result. */
static void aggregate(struct publisher *p, const struct db_result *r)
{
	for (size_t i = 0; i < STATS_NINDICATORS; i++) {
		p->vals[i] = arena_alloc(p->a, (r->rows + 1) * sizeof(int64_t));
		p->nat[i] = arena_alloc(p->a, (r->rows + 1) * sizeof(int64_t));
	}
	int kind = -1;
	const char *dept = NULL;
	for (size_t row = 0; row < r->rows; row++) {
		int k = stats_kind_from_sql(db_cell(r, row, 0));
		const char *d = db_cell(r, row, 1);
		if (k < 0 || !d)
			continue;
		if (k != kind || strcmp(d, dept) != 0) {
			if (kind >= 0)
				flush_group(p, kind, dept);
			if (kind >= 0 && k != kind)
				flush_nation(p, kind);
			kind = k;
			dept = d;
		}
		struct stats_input in;
		stats_input_from_cells(&in, &r->cells[row * r->cols + 2]);
		for (size_t i = 0; i < STATS_NINDICATORS; i++) {
			if ((int)STATS_INDICATORS[i].kind != k)
				continue;
			struct stats_value v = stats_compute(&STATS_INDICATORS[i], &in);
			if (!v.ok)
				continue;
			p->vals[i][p->n[i]++] = v.v;
			p->nat[i][p->nn[i]++] = v.v;
		}
	}
	if (kind >= 0) {
		flush_group(p, kind, dept);
		flush_nation(p, kind);
	}
}

/* The STATS_PUBLISH_COLUMNS parameters of one reference_average row. */
static void row_params(struct db_param *q, const struct out_row *r, int year, time_t now)
{
	q[0] = DB_INT(year);
	q[1] = DB_TEXT(stats_kind_sql((enum stats_kind)r->kind));
	q[2] = DB_TEXT(r->department ? "department" : "national");
	q[3] = DB_TEXT(r->department);
	q[4] = DB_TEXT(r->ind->code);
	q[5] = r->has_mean ? DB_INT(r->mean) : DB_NULL;
	q[6] = r->has_mean ? DB_INT(r->median) : DB_NULL;
	q[7] = DB_INT(r->ind->decimals);
	q[8] = DB_INT(r->count);
	q[9] = DB_INT(now);
}

static enum db_status write_rows(struct db *db, const struct publisher *p, int year, time_t now,
				 long long account_id, size_t declarations)
{
	enum db_status st = db_begin(db);
	if (st != DB_OK)
		return st;
	st = db_exec(db, SQL_STATS_PUBLISH_DELETE, DB_ARGS(DB_INT(year)), NULL, NULL);
	struct db_param params[STATS_PUBLISH_BATCH * STATS_PUBLISH_COLUMNS];
	size_t i = 0;
	while (st == DB_OK && i < p->nout) {
		size_t n = p->nout - i >= STATS_PUBLISH_BATCH ? STATS_PUBLISH_BATCH : 1;
		for (size_t k = 0; k < n; k++)
			row_params(&params[k * STATS_PUBLISH_COLUMNS], &p->out[i + k], year, now);
		st = db_exec(db, n > 1 ? SQL_STATS_PUBLISH_INSERT_BATCH : SQL_STATS_PUBLISH_INSERT,
			     params, n * STATS_PUBLISH_COLUMNS, NULL, NULL);
		i += n;
	}
	if (st == DB_OK)
		st = db_exec(db, SQL_STATS_PUBLISH_MARK,
			     DB_ARGS(DB_INT(year), DB_INT(now),
				     account_id > 0 ? DB_INT(account_id) : DB_NULL,
				     DB_INT(declarations)),
			     NULL, NULL);
	if (st == DB_OK) {
		char detail[160];
		snprintf(detail, sizeof detail, "fiscal_year=%d declarations=%zu rows=%zu", year,
			 declarations, p->nout);
		int a = audit_event_db(db, account_id, NULL, "stats_publish", "fiscal_year", year,
				       detail);
		if (a != 0)
			st = (enum db_status)a;
	}
	if (st == DB_OK)
		st = db_commit(db);
	if (st != DB_OK)
		db_rollback(db);
	return st;
}

int stats_publish_by(struct db *db, int year, time_t now, long long account_id,
		     struct stats_publish_report *report)
{
	if (year < STATS_YEAR_MIN || year > STATS_YEAR_MAX || STATS_NINDICATORS > STATS_MAX_INDICATORS)
		return DB_ERROR;
	struct arena *a = arena_new();
	struct publisher p;
	memset(&p, 0, sizeof(p));
	p.a = a;
	struct db_result r;
	enum db_status st = db_query(db, a, SQL_STATS_PUBLISH_ROWS, DB_ARGS(DB_INT(year)), &r);
	if (st == DB_OK) {
		aggregate(&p, &r);
		st = write_rows(db, &p, year, now, account_id, r.rows);
		if (st == DB_CONFLICT)	/* a concurrent publication: once more */
			st = write_rows(db, &p, year, now, account_id, r.rows);
	}
	if (st == DB_OK && report) {
		report->declarations = r.rows;
		report->rows = p.nout;
		report->published = 0;
		for (size_t i = 0; i < p.nout; i++)
			report->published += p.out[i].has_mean;
	}
	arena_free(a);
	return (int)st;
}

int stats_publish(struct db *db, int year, time_t now)
{
	return stats_publish_by(db, year, now, 0, NULL);
}
