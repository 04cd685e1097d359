/* Accueil (fiche 3), Déclarer mes données, facility page (fiche 4) and the
 * two searches (fiche 11). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "clock.h"
#include "db.h"
#include "decl.h"
#include "decl_sql.h"
#include "french.h"
#include "module.h"
#include "page.h"
#include "request.h"
#include "session.h"

static int is_caf(const struct portal_ctx *ctx)
{
	return ctx->session && ctx->session->account_kind &&
	       strcmp(ctx->session->account_kind, "caf") == 0;
}

static struct decl_subject subject_of_row(const struct db_result *r, size_t i, unsigned roles,
					  int kind_col, int type_col, int state_col, int ad_col,
					  int fd_col, int version_col, int deleg_col)
{
	struct decl_subject s = {.roles = roles};
	int st = decl_state_from_sql(db_cell(r, i, state_col));
	s.state = st < 0 ? DSTATE_TO_ENTER : (enum decl_state)st;
	s.activity_done = (int)db_cell_int(r, i, ad_col);
	int no_financial = kind_col >= 0 && strcmp(db_cell(r, i, kind_col), "EAJE") == 0 &&
			   strcmp(db_cell(r, i, type_col), "update") == 0;
	s.financial_done = no_financial ? 1 : (int)db_cell_int(r, i, fd_col);
	s.is_correction = db_cell_int(r, i, version_col) > 1;
	s.correction_delegated = (int)db_cell_int(r, i, deleg_col);
	return s;
}

/* Waiting declarations per facility id for a partner user. */
struct waiting {
	long long facility_id;
	int count;
};

static int waiting_counts(struct portal_ctx *ctx, struct waiting **out, size_t *n)
{
	const char *today = ctx_today(ctx);
	struct db_result r;
	enum db_status st = db_query(ctx->db, ctx->arena, SQL_USER_DECLARATIONS,
				     DB_ARGS(DB_INT(ctx_account_id(ctx)), DB_TEXT(today), DB_TEXT(today)),
				     &r);
	if (st != DB_OK)
		return db_http_status(st);
	*out = arena_zalloc(ctx->arena, (r.rows + 1) * sizeof(**out));
	*n = 0;
	for (size_t i = 0; i < r.rows; i++) {
		struct decl_subject s = subject_of_row(&r, i, decl_roles_from_list(db_cell(&r, i, 9)),
						       2, 3, 4, 5, 6, 7, 8);
		if (!decl_expected_is_waiting(decl_expected_action(&s)))
			continue;
		long long fid = db_cell_int(&r, i, 1);
		size_t k = 0;
		while (k < *n && (*out)[k].facility_id != fid)
			k++;
		if (k == *n)
			(*out)[(*n)++].facility_id = fid;
		(*out)[k].count++;
	}
	return 0;
}

static int count_for(const struct waiting *w, size_t n, long long fid)
{
	for (size_t i = 0; i < n; i++)
		if (w[i].facility_id == fid)
			return w[i].count;
	return 0;
}

/* Lists the caller's facilities under parent; only_waiting for Accueil. */
static int px_facilities(struct portal_ctx *ctx, xmlNodePtr parent, int only_waiting)
{
	const char *today = ctx_today(ctx);
	struct db_result r;
	struct waiting *w = NULL;
	size_t nw = 0;
	enum db_status st;
	if (is_caf(ctx)) {
		/* Caf agents: every facility of their Caf (instruction has its own list) */
		st = db_query(ctx->db, ctx->arena, SQL_CAF_FACILITIES,
			      DB_ARGS(DB_INT(ctx->session->caf_id), DB_TEXT(today)), &r);
		if (st != DB_OK)
			return db_http_status(st);
	} else {
		st = db_query(ctx->db, ctx->arena, SQL_USER_FACILITIES,
			      DB_ARGS(DB_INT(ctx_account_id(ctx)), DB_TEXT(today), DB_TEXT(today)), &r);
		if (st != DB_OK)
			return db_http_status(st);
		int rc = waiting_counts(ctx, &w, &nw);
		if (rc)
			return rc;
	}
	xmlNodePtr list = px_el(parent, "facilities");
	int total = 0;
	for (size_t i = 0; i < r.rows; i++) {
		long long fid = db_cell_int(&r, i, 0);
		int c = count_for(w, nw, fid);
		if (only_waiting && c == 0)
			continue;
		total += c;
		xmlNodePtr n = px_el(list, "facility");
		px_attr_int(n, "id", fid);
		px_attr(n, "kind", db_cell(&r, i, 2));
		px_attr_int(n, "waiting", c);
		px_text(n, "name", db_cell(&r, i, 1));
		px_text(n, "postal-code", db_cell(&r, i, 3));
		px_text(n, "city", db_cell(&r, i, 4));
	}
	px_attr_int(list, "waiting-total", total);
	return 0;
}

int decl_home(struct portal_ctx *ctx)
{
	xmlNodePtr root = page_new(ctx, "declarations/accueil");
	const struct session *s = ctx->session;
	xmlNodePtr home = px_el(root, "home");
	px_attr(home, "first-name", s->first_name);
	px_attr(home, "last-name", s->last_name);
	if (s->previous_login_at) {
		char buf[32];
		clock_format_datetime(s->previous_login_at, buf, sizeof(buf));
		xmlNodePtr n = px_text(home, "previous-login",
				       arena_printf(ctx->arena,
						    "Votre dernière connexion date du %s.", buf));
		px_attr(n, "advice", "Si vous n'êtes pas à l'origine de cette connexion, nous vous "
				     "encourageons à changer votre mot de passe.");
	}
	if (is_caf(ctx)) {
		struct db_result inst;
		enum db_status st = db_query(ctx->db, ctx->arena, SQL_INSTRUCTION_LIST,
					     DB_ARGS(DB_INT(s->caf_id)), &inst);
		if (st != DB_OK)
			return db_http_status(st);
		xmlNodePtr c = px_el(home, "caf");
		px_attr_int(c, "to-instruct", (long long)inst.rows);
		if (ctx_has_cap(ctx, CAP_CAF_INSTRUCTOR))
			px_attr(c, "instructor", "1");
		if (ctx_has_cap(ctx, CAP_CAF_ADMIN))
			px_attr(c, "admin", "1");
		return 0;
	}
	return px_facilities(ctx, home, 1);
}

int decl_facilities(struct portal_ctx *ctx)
{
	xmlNodePtr root = page_new(ctx, "declarations/equipements");
	return px_facilities(ctx, root, 0);
}

/* Where this user starts on a declaration (fiche 5). */
static const char *first_step(const struct decl_subject *s, int has_financial)
{
	if (decl_allowed(s, DACT_EDIT_ACTIVITY) == DVERDICT_ALLOWED)
		return "activite";
	if (has_financial && decl_allowed(s, DACT_EDIT_FINANCIAL) == DVERDICT_ALLOWED)
		return "financier";
	if (decl_allowed(s, DACT_GLOBAL_CONTROL) == DVERDICT_ALLOWED)
		return "controle-global";
	if ((s->roles & DROLE_FINANCIAL) && !(s->roles & (DROLE_ACTIVITY | DROLE_APPROVER)) &&
	    has_financial)
		return "financier";
	if (s->state >= DSTATE_TRANSMITTED)
		return "transmission";
	return "activite";
}

int decl_facility_page(struct portal_ctx *ctx)
{
	struct decl_facility f;
	unsigned roles;
	const char *today = ctx_today(ctx);
	struct db_result r;
	enum db_status st = db_query(ctx->db, ctx->arena, SQL_FACILITY_DECLARATIONS,
				     DB_ARGS(DB_INT(decl_habilitated_account(ctx->session)),
					     DB_TEXT(today), DB_TEXT(today),
					     DB_INT(session_confirm_id(ctx)),
					     DB_INT(ctx_param_id(ctx, "id"))),
				     &r);
	if (st != DB_OK)
		return db_http_status(st);
	int rc = session_confirm(ctx, &r, FACILITY_DECL_COL_SESSION);
	if (rc)
		return rc;
	if (r.rows == 0)
		return 404;
	rc = decl_facility_from_row(ctx, &r, 0, &f, &roles);
	if (rc)
		return rc;
	xmlNodePtr root = page_new(ctx, "declarations/equipement");
	decl_px_facility(root, &f);
	xmlNodePtr list = px_el(root, "declarations");
	enum { D = FACILITY_COL_COUNT }; /* the declaration's first column */
	for (size_t i = 0; i < r.rows && db_cell(&r, i, D); i++) {
		struct decl_subject s = {.roles = roles};
		int stt = decl_state_from_sql(db_cell(&r, i, D + 4));
		s.state = stt < 0 ? DSTATE_TO_ENTER : (enum decl_state)stt;
		s.activity_done = (int)db_cell_int(&r, i, D + 5);
		int has_fin = !(f.kind == DKIND_EAJE && strcmp(db_cell(&r, i, D + 2), "update") == 0);
		s.financial_done = has_fin ? (int)db_cell_int(&r, i, D + 6) : 1;
		s.is_correction = db_cell_int(&r, i, D + 3) > 1;
		s.correction_delegated = (int)db_cell_int(&r, i, D + 7);
		enum decl_expected e = decl_expected_action(&s);
		xmlNodePtr n = px_el(list, "declaration");
		long long id = db_cell_int(&r, i, D + 0);
		px_attr_int(n, "id", id);
		px_attr(n, "year", db_cell(&r, i, D + 1));
		px_attr(n, "type", db_cell(&r, i, D + 2));
		px_attr(n, "type-label", decl_type_label(db_cell(&r, i, D + 2)));
		px_attr(n, "version", db_cell(&r, i, D + 3));
		px_attr(n, "state", decl_state_sql(s.state));
		px_attr(n, "state-label", decl_state_label(s.state));
		px_attr(n, "expected", decl_expected_label(e));
		if (decl_expected_is_waiting(e))
			px_attr(n, "waiting", "1");
		px_attrf(n, "href", "/declarations/declaration/%lld/%s", id, first_step(&s, has_fin));
		if (db_cell_int(&r, i, D + 9) > 0)
			px_attrf(n, "pdf", "/declarations/declaration/%lld/synthese.pdf", id);
		if (db_cell(&r, i, D + 8)) {
			int y, m, d;
			if (sscanf(db_cell(&r, i, D + 8), "%d-%d-%d", &y, &m, &d) == 3)
				px_attrf(n, "due", "%02d/%02d/%04d", d, m, y);
		}
		if (e == DEXP_CORRECT)
			px_attr(n, "can-correct", "1");
	}
	return 0;
}

/* Optional criterion: NULL when empty. */
static const char *crit(struct portal_ctx *ctx, const char *name)
{
	const char *v = ctx_query(ctx, name);
	return v && *v ? v : NULL;
}

static const char *like(struct portal_ctx *ctx, const char *v)
{
	if (!v)
		return NULL;
	/* LIKE metacharacters typed by the user are matched literally */
	size_t n = strlen(v);
	char *o = arena_alloc(ctx->arena, 2 * n + 3), *p = o;
	*p++ = '%';
	for (; *v; v++) {
		if (*v == '%' || *v == '_' || *v == '\\')
			*p++ = '\\';
		*p++ = *v;
	}
	*p++ = '%';
	*p = 0;
	return o;
}

int decl_search(struct portal_ctx *ctx)
{
	xmlNodePtr root = page_new(ctx, "declarations/recherche");
	const char *year = crit(ctx, "exercice"), *name = crit(ctx, "equipement"),
		   *state = crit(ctx, "etat"), *type = crit(ctx, "type");
	page_form_values(root, &ctx->req->query);
	xmlNodePtr opts = px_el(root, "options");
	for (int s = 0; s < DSTATE__MAX; s++) {
		xmlNodePtr o = px_text(opts, "state", decl_state_label((enum decl_state)s));
		px_attr(o, "value", decl_state_sql((enum decl_state)s));
	}
	static const char *const types[] = {"forecast", "update", "actual"};
	for (int t = 0; t < 3; t++)
		px_attr(px_text(opts, "type", decl_type_label(types[t])), "value", types[t]);
	if (!ctx_query(ctx, "rechercher"))
		return 0;
	int64_t y = 0;
	if (year && (fr_read_integer(year, 0, &y) || y < 2000 || y > 2100)) {
		page_error(root, "exercice", "Saisissez une année sur quatre chiffres, par exemple 2026.");
		return 0;
	}
	if (state && decl_state_from_sql(state) < 0)
		state = NULL;
	if (type && !*decl_type_label(type))
		type = NULL;
	const char *today = ctx_today(ctx);
	long long caf = is_caf(ctx) ? ctx->session->caf_id : 0;
	const char *pat = like(ctx, name);
	struct db_result r;
	enum db_status st = db_query(
		ctx->db, ctx->arena, SQL_SEARCH_DECLARATIONS,
		DB_ARGS(DB_INT(ctx_account_id(ctx)), DB_TEXT(today), DB_TEXT(today), DB_INT(caf),
			year ? DB_INT(y) : DB_NULL, year ? DB_INT(y) : DB_NULL, DB_TEXT(pat),
			DB_TEXT(pat), DB_TEXT(state), DB_TEXT(state), DB_TEXT(type), DB_TEXT(type)),
		&r);
	if (st != DB_OK)
		return db_http_status(st);
	xmlNodePtr res = px_el(root, "results");
	px_attr_int(res, "count", (long long)r.rows);
	for (size_t i = 0; i < r.rows; i++) {
		xmlNodePtr n = px_el(res, "declaration");
		long long id = db_cell_int(&r, i, 0);
		px_attr_int(n, "id", id);
		px_attr(n, "year", db_cell(&r, i, 1));
		px_attr(n, "type-label", decl_type_label(db_cell(&r, i, 2)));
		int s = decl_state_from_sql(db_cell(&r, i, 3));
		px_attr(n, "state-label", decl_state_label(s < 0 ? DSTATE_TO_ENTER : (enum decl_state)s));
		px_attr(n, "facility", db_cell(&r, i, 4));
		px_attrf(n, "href", "/declarations/declaration/%lld/%s", id,
			 s >= DSTATE_TRANSMITTED ? "transmission" : "activite");
	}
	return 0;
}

int decl_search_facility(struct portal_ctx *ctx)
{
	xmlNodePtr root = page_new(ctx, "declarations/recherche-equipement");
	page_form_values(root, &ctx->req->query);
	if (!ctx_query(ctx, "rechercher"))
		return 0;
	const char *name = like(ctx, crit(ctx, "nom")), *city = like(ctx, crit(ctx, "commune"));
	const char *today = ctx_today(ctx);
	long long caf = is_caf(ctx) ? ctx->session->caf_id : 0;
	struct db_result r;
	enum db_status st = db_query(ctx->db, ctx->arena, SQL_SEARCH_FACILITIES,
				     DB_ARGS(DB_INT(ctx_account_id(ctx)), DB_TEXT(today), DB_TEXT(today),
					     DB_INT(caf), DB_TEXT(name), DB_TEXT(name), DB_TEXT(city),
					     DB_TEXT(city)),
				     &r);
	if (st != DB_OK)
		return db_http_status(st);
	xmlNodePtr res = px_el(root, "results");
	px_attr_int(res, "count", (long long)r.rows);
	for (size_t i = 0; i < r.rows; i++) {
		xmlNodePtr n = px_el(res, "facility");
		px_attr_int(n, "id", db_cell_int(&r, i, 0));
		px_attr(n, "name", db_cell(&r, i, 1));
		px_attr(n, "postal-code", db_cell(&r, i, 2));
		px_attr(n, "city", db_cell(&r, i, 3));
		px_attr(n, "to-process", db_cell(&r, i, 4));
	}
	return 0;
}
