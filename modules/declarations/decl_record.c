/* Recording a control step's POST (a section's control, the global
 * control): the controls as computed with the explanations typed, and,
 * when the step passes, the declaration's mark and the journal's event. */
#include <string.h>

#include "arena.h"
#include "audit.h"
#include "clock.h"
#include "db.h"
#include "decl.h"
#include "decl_sql.h"
#include "module.h"

/* The section's control list with each control's explanation (NULL:
 * none), the stored controls (old) no longer raised deleted. */
static int store_controls(struct portal_ctx *ctx, long long decl_id, const char *section,
			  const struct kv_list *old, const struct decl_control_list *l,
			  const char *const *explanations)
{
	long long now = (long long)portal_now();
	for (size_t i = 0; i < old->count; i++) {
		const char *code = old->items[i].name;
		int keep = 0;
		for (size_t j = 0; j < l->n && !keep; j++)
			keep = strcmp(l->items[j].code, code) == 0;
		if (!keep) {
			enum db_status st = db_exec(ctx->db, SQL_CONTROL_DELETE,
						    DB_ARGS(DB_INT(decl_id), DB_TEXT(section),
							    DB_TEXT(code)),
						    NULL, NULL);
			if (st != DB_OK)
				return db_http_status(st);
		}
	}
	for (size_t j = 0; j < l->n; j++) {
		const struct decl_control *c = &l->items[j];
		const char *expl = explanations[j];
		enum db_status st =
			db_exec(ctx->db, SQL_CONTROL_UPSERT,
				DB_ARGS(DB_INT(decl_id), DB_TEXT(section), DB_TEXT(c->code),
					DB_TEXT(decl_severity_sql(c->severity)), DB_TEXT(c->message),
					DB_TEXT(c->action), DB_TEXT(expl),
					expl ? DB_INT(ctx_account_id(ctx)) : DB_NULL,
					expl ? DB_INT(now) : DB_NULL, DB_INT(now)),
				NULL, NULL);
		if (st != DB_OK)
			return db_http_status(st);
	}
	return 0;
}

int decl_record_control(struct portal_ctx *ctx, const struct decl_view *v,
			struct decl_control_step *step, const char *mark_sql,
			const struct db_param *mark_args, size_t mark_nargs)
{
	const struct decl_control_list *l = step->controls;
	const char **typed = arena_zalloc(ctx->arena, (l->n + 1) * sizeof(*typed));
	step->all = 1;
	step->changed = 0;
	for (size_t i = 0; i < l->n; i++) {
		const char *e = ctx_form(ctx, arena_printf(ctx->arena, "explication_%s",
							   l->items[i].code));
		if (!e || strspn(e, " \t\r\n") == strlen(e))
			step->all = 0;
		else
			typed[i] = e;
	}
	int passes = step->all && step->ready, mark = passes && mark_sql;
	struct kv_list stored;
	int rc = decl_stored_controls(ctx, v, step->section, &stored);
	if (rc)
		return rc;
	if (l->n == 0 && stored.count == 0 && !mark) {
		/* passed again with nothing to change: the journal alone, one
		 * statement without a transaction around it */
		if (passes && audit_event(ctx, step->event, "declaration", v->d.id, step->detail))
			return 500;
		return 0;
	}
	enum db_status st = db_begin(ctx->db);
	if (st != DB_OK)
		return db_http_status(st);
	rc = store_controls(ctx, v->d.id, step->section, &stored, l, typed);
	if (rc == 0 && mark) {
		uint64_t affected = 0;
		rc = db_http_status(db_exec(ctx->db, mark_sql, mark_args, mark_nargs, &affected, NULL));
		/* bound to the version the controls ran on: none left, the
		 * declaration changed since it was read */
		step->changed = rc == 0 && affected != 1;
	}
	if (rc == 0 && !step->changed && passes &&
	    audit_event(ctx, step->event, "declaration", v->d.id, step->detail))
		rc = 500;
	if (rc || step->changed) {
		db_rollback(ctx->db);
		return rc;
	}
	st = db_commit(ctx->db);
	return st == DB_OK ? 0 : db_http_status(st);
}
