/* The form catalogue (form_field rows of a facility kind and declaration
 * type), kept by each worker while the catalogue's version, read with the
 * session at no extra round trip, stays the same: a rail page asks for it
 * every time and it changes only by migration or by hand. */
#include "decl_catalogue.h"

#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "db.h"
#include "decl.h"
#include "decl_sql.h"
#include "module.h"

/* 3 kinds x 3 types. */
#define CATALOGUE_SLOTS 9

struct catalogue {
	char kind[16], type[16];
	unsigned long long version;
	struct arena *mem;	/* the fields and their strings */
	struct decl_field *fields;
	size_t n;
};

static struct catalogue kept[CATALOGUE_SLOTS];

static const char *copy(struct arena *a, const char *s)
{
	return s ? arena_strdup(a, s) : NULL;
}

/* The rows of SQL_FIELDS as fields, strings in arena a. */
static struct decl_field *fields_of(struct arena *a, const struct db_result *r)
{
	struct decl_field *fields = arena_zalloc(a, (r->rows + 1) * sizeof(*fields));
	for (size_t i = 0; i < r->rows; i++) {
		struct decl_field *f = &fields[i];
		f->code = copy(a, db_cell(r, i, 0));
		f->section = copy(a, db_cell(r, i, 1));
		f->heading = copy(a, db_cell(r, i, 2));
		f->label = copy(a, db_cell(r, i, 3));
		f->help = copy(a, db_cell(r, i, 4));
		int u = decl_unit_from_sql(db_cell(r, i, 5));
		f->unit = u < 0 ? DUNIT_COUNT : (enum decl_unit)u;
		f->has_min = db_cell(r, i, 6) != NULL;
		f->min = db_cell_int(r, i, 6);
		f->has_max = db_cell(r, i, 7) != NULL;
		f->max = db_cell_int(r, i, 7);
		f->decimals = (int)db_cell_int(r, i, 8);
		f->required = (int)db_cell_int(r, i, 9);
		f->essential = (int)db_cell_int(r, i, 10);
		f->computed = (int)db_cell_int(r, i, 11);
		f->ledger = copy(a, db_cell(r, i, 12));
	}
	return fields;
}

static struct catalogue *slot_of(const char *kind, const char *type)
{
	struct catalogue *empty = NULL;
	for (size_t i = 0; i < CATALOGUE_SLOTS; i++) {
		if (!kept[i].mem) {
			if (!empty)
				empty = &kept[i];
		} else if (strcmp(kept[i].kind, kind) == 0 && strcmp(kept[i].type, type) == 0) {
			return &kept[i];
		}
	}
	return empty;
}

int decl_catalogue_fields(struct portal_ctx *ctx, const char *kind, const char *type,
			  const struct decl_field **fields, size_t *n)
{
	unsigned long long version = ctx->catalogue_version;
	struct catalogue *c = version && strlen(kind) < sizeof c->kind &&
					      strlen(type) < sizeof c->type
				      ? slot_of(kind, type)
				      : NULL;
	if (c && c->mem && c->version == version) {
		*fields = c->fields;
		*n = c->n;
		return 0;
	}
	struct db_result r;
	enum db_status st =
		db_query(ctx->db, ctx->arena, SQL_FIELDS, DB_ARGS(DB_TEXT(kind), DB_TEXT(type)), &r);
	if (st != DB_OK)
		return db_http_status(st);
	if (!c) { /* version unknown (no session), or a name never seen */
		*fields = fields_of(ctx->arena, &r);
		*n = r.rows;
		return 0;
	}
	/* The version is the same all through a request, so a copy handed out
	 * earlier in this request is never the one freed here. */
	arena_free(c->mem);
	c->mem = arena_new();
	snprintf(c->kind, sizeof c->kind, "%s", kind);
	snprintf(c->type, sizeof c->type, "%s", type);
	c->version = version;
	c->fields = fields_of(c->mem, &r);
	c->n = r.rows;
	*fields = c->fields;
	*n = c->n;
	return 0;
}

void decl_catalogue_clear(void)
{
	for (size_t i = 0; i < CATALOGUE_SLOTS; i++) {
		arena_free(kept[i].mem);
		memset(&kept[i], 0, sizeof kept[i]);
	}
}
