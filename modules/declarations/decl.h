/* Internal interface of the declarations module: the loaded declaration
 * with the caller's rights, its catalogue and values, and the handlers. */
#ifndef DECL_H
#define DECL_H

#include <stddef.h>
#include <stdint.h>

#include <libxml/tree.h>

#include "kv.h"

#include "decl_controls.h"
#include "decl_estimate.h"
#include "decl_form.h"
#include "decl_state.h"

struct arena;

struct portal_ctx;
struct session;
struct db_result;
struct db_param;

struct decl_module {
	struct decl_thresholds thresholds;
};

struct decl_facility {
	long long id;
	const char *code, *kind_sql, *name, *address, *postal_code, *city;
	long long caf_id, partner_id;
	const char *partner_name, *referent_name, *referent_email, *referent_phone;
	const char *caf_name, *caf_email, *caf_phone;
	enum decl_kind kind;
};

struct decl_row {
	long long id, facility_id;
	int fiscal_year, version;
	const char *type;		/* forecast | update | actual */
	enum decl_state state;
	long long row_version;
	int activity_done, financial_done;
	int activity_controlled, financial_controlled, global_controlled;
	int has_estimate, has_final;
	int64_t estimate_cents, final_cents;
	const char *comment, *reject_reason, *digest;
	int correction_delegated;
	long long transmitted_at, validated_at, rejected_at;
	int newer_versions;		/* > 0: superseded by a correction */
	/* A correction (version > 1): the Caf's rejection of the version it
	 * corrects, so that those correcting know what to correct. */
	const char *corrected_reason;
	long long corrected_rejected_at;
};

/* The previous fiscal year's validated actual (decl_prev_year). */
struct decl_prev {
	int read;			/* 0: not read yet (decl_prev_year asks) */
	int found, has_amount;
	int64_t amount_cents;
	struct decl_vals vals;
};

/* A control step's POST whose declaration changed between its reading and
 * its writing (decl_rail.c, decl_transmit.c). */
#define MSG_CONTROL_CONFLICT \
	"Les données ont été modifiées par une autre personne pendant votre contrôle : " \
	"voici le contrôle des données à jour. Vos explications sont conservées ; " \
	"vérifiez-les puis validez à nouveau."

/* A declaration as the caller may see it. */
struct decl_view {
	struct decl_facility f;
	struct decl_row d;
	unsigned roles;			/* enum decl_role */
	int has_financial;		/* the type has a financial section */
	struct decl_subject subject;
	const struct decl_field *fields; /* the worker's catalogue (decl_catalogue.h) */
	size_t nfields;
	struct decl_val *vals;		/* numbers (and bools) */
	size_t nvals;
	const char **text_codes, **texts;	/* unit 'text' */
	size_t ntexts;
	struct decl_prev prev;		/* read with it, except under a lock */
	const char *controls;		/* CONTROLS_OF column, NULL under a lock */
};

/* decl_access.c */
const char *decl_type_label(const char *type);
int decl_kind_from_sql(const char *s);
/* Facility id and the caller's roles on it (habilitations, or the Caf of the
 * facility): 0, or 404 when absent or out of the caller's reach, or 500/503. */
/* The account whose habilitations the facility statements read: the
 * caller's if a partner user, 0 for a Caf agent (his rights come from his
 * session). */
long long decl_habilitated_account(const struct session *s);
/* The facility's columns (FACILITY_COLS, decl_sql.c) from column c0 of row
 * 0 of r, and the caller's roles on it: 404 when none. */
int decl_facility_from_row(struct portal_ctx *ctx, const struct db_result *r, size_t c0,
			   struct decl_facility *f, unsigned *roles);
int decl_load_facility(struct portal_ctx *ctx, long long id, struct decl_facility *f,
		       unsigned *roles);
/* Loads declaration id, its facility, the caller's roles (404 when none),
 * the catalogue and the values. lock: SELECT ... FOR UPDATE (in a transaction). */
int decl_load(struct portal_ctx *ctx, long long id, int lock, struct decl_view *v);
unsigned decl_roles_from_list(const char *csv);
void decl_subject_of(struct decl_view *v);

/* decl_data.c */
int decl_load_values(struct portal_ctx *ctx, long long decl_id, struct decl_val **vals,
		     size_t *nvals, const char ***text_codes, const char ***texts, size_t *ntexts);
struct decl_vals decl_view_vals(const struct decl_view *v);
/* The text value (unit 'text') of a field, or NULL. */
const char *decl_view_text(const struct decl_view *v, const char *code);
/* The values of declaration decl_id from row 0's VALUES_OF column col
 * (decl_sql.c): its numbers when the column lists them whole and, when
 * texts are asked for (text_codes not NULL), it has none; else everything
 * read apart (decl_load_values). */
int decl_row_values(struct portal_ctx *ctx, const struct db_result *r, size_t col,
		    long long decl_id, struct decl_val **vals, size_t *nvals,
		    const char ***text_codes, const char ***texts, size_t *ntexts);
/* The same from the column's text. */
int decl_column_values(struct portal_ctx *ctx, const char *column, long long decl_id,
		       struct decl_val **vals, size_t *nvals, const char ***text_codes,
		       const char ***texts, size_t *ntexts);
/* The previous year from row 0's PREV_VALIDATED_OF column col into v->prev
 * (left unread when the column is malformed: decl_prev_year asks then). */
int decl_prev_from_row(struct portal_ctx *ctx, const struct db_result *r, size_t col,
		       struct decl_view *v);
/* The controls stored for a section, each code with its explanation
 * (NULL when none): from v's column, else read. */
int decl_stored_controls(struct portal_ctx *ctx, const struct decl_view *v, const char *section,
			 struct kv_list *out);
/* Their explanations as form fields "explication_CODE". */
int decl_stored_explanations(struct portal_ctx *ctx, const struct decl_view *v,
			     const char *section, struct kv_list *out);
/* decl_value_list.c: the numbers of a VALUES_OF column ("N;T;code=value,...")
 * when it lists exactly its N of them, and its T (texts not listed); -1
 * (nothing kept) for anything else. */
int decl_values_column(struct arena *a, const char *column, struct decl_val **vals, size_t *n,
		       long long *texts);
/* A PREV_VALIDATED_OF column, "ID;AMOUNT;" then a VALUES_OF column left in
 * *values: 0, or -1 when malformed. AMOUNT may be empty (*has_amount 0). */
int decl_prev_column_parse(const char *column, long long *id, int *has_amount,
			   int64_t *amount_cents, const char **values);
/* The stored controls of one section ("activity", "financial", "global")
 * from a CONTROLS_OF column, each code with its explanation (NULL when
 * none): 0, or -1 (out left empty) when malformed or cut short. */
int decl_controls_parse(struct arena *a, const char *column, const char *section,
			struct kv_list *out);
/* The "code=value,..." part alone, holding exactly `expected` pairs. */
int decl_value_list_parse(struct arena *a, const char *list, long long expected,
			  struct decl_val **vals, size_t *n);
/* The previous fiscal year's validated actual: values and final amount,
 * as read with the declaration, or asked now. */
int decl_prev_year(struct portal_ctx *ctx, const struct decl_view *v, struct decl_vals *prev,
		   int *found, int64_t *prev_amount, int *has_amount);
int decl_run_controls(struct portal_ctx *ctx, const struct decl_view *v, enum decl_section s,
		      struct decl_control_list *out, struct decl_estimate *est);
int decl_compute_estimate(struct portal_ctx *ctx, const struct decl_view *v,
			  struct decl_estimate *est);

/* decl_record.c: a control step's POST */
struct decl_control_step {
	const char *section;		/* "activity", "financial", "global" */
	const struct decl_control_list *controls;
	int ready;			/* only missing explanations could stop the step */
	const char *event, *detail;	/* the journal's, when the step passes */
	int all;			/* out: each control explained */
	int changed;			/* out: the mark found the declaration changed */
};
/* Stores the step's controls with the explanations typed ("explication_
 * CODE"), and when each is explained and the step is ready: mark_sql (NULL:
 * nothing to mark; it must touch one row, else the declaration changed
 * since v was read and nothing is kept) and the event. One transaction; the
 * event alone when nothing else changes. 0 or an HTTP status. */
int decl_record_control(struct portal_ctx *ctx, const struct decl_view *v,
			struct decl_control_step *step, const char *mark_sql,
			const struct db_param *mark_args, size_t mark_nargs);
const char *decl_section_sql(enum decl_section s);

/* decl_page.c: XML of the shared parts */
xmlNodePtr decl_page(struct portal_ctx *ctx, const char *view, struct decl_view *v, int step);
void decl_px_facility(xmlNodePtr parent, const struct decl_facility *f);
void decl_px_form(struct portal_ctx *ctx, xmlNodePtr root, const struct decl_view *v,
		  const char *section, int editable, const struct kv_list *typed);
void decl_px_controls(struct portal_ctx *ctx, xmlNodePtr root, const struct decl_view *v,
		      enum decl_section s, const struct decl_control_list *l,
		      const struct kv_list *typed, int editable);
void decl_px_estimate(xmlNodePtr root, const struct decl_estimate *e);
const char *decl_money(struct portal_ctx *ctx, int64_t cents);
const char *decl_format_value(struct portal_ctx *ctx, const struct decl_field *f, int64_t v);

/* handlers */
int decl_home(struct portal_ctx *ctx);
int decl_facilities(struct portal_ctx *ctx);
int decl_facility_page(struct portal_ctx *ctx);
int decl_search(struct portal_ctx *ctx);
int decl_search_facility(struct portal_ctx *ctx);
int decl_activity_get(struct portal_ctx *ctx);
int decl_activity_post(struct portal_ctx *ctx);
int decl_financial_get(struct portal_ctx *ctx);
int decl_financial_post(struct portal_ctx *ctx);
int decl_activity_control_get(struct portal_ctx *ctx);
int decl_activity_control_post(struct portal_ctx *ctx);
int decl_financial_control_get(struct portal_ctx *ctx);
int decl_financial_control_post(struct portal_ctx *ctx);
int decl_global_control_get(struct portal_ctx *ctx);
int decl_global_control_post(struct portal_ctx *ctx);
int decl_transmission_get(struct portal_ctx *ctx);
int decl_transmission_post(struct portal_ctx *ctx);
int decl_end_of_entry_post(struct portal_ctx *ctx);
int decl_correction_post(struct portal_ctx *ctx);
int decl_pdf(struct portal_ctx *ctx);
int decl_campaigns_get(struct portal_ctx *ctx);
int decl_campaigns_post(struct portal_ctx *ctx);
int decl_instruction_list(struct portal_ctx *ctx);
int decl_instruction_get(struct portal_ctx *ctx);
int decl_instruction_post(struct portal_ctx *ctx);
int decl_scales_get(struct portal_ctx *ctx);
int decl_scales_post(struct portal_ctx *ctx);

#endif
