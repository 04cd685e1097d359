/* The XML shared by the rail's pages: declaration, facility, rail, form
 * fields, controls and estimate. Views in xslt/declarations/. */
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "clock.h"
#include "decl.h"
#include "french.h"
#include "module.h"
#include "page.h"

static const char *const step_slug[7] = {
	"", "activite", "controle-activite", "financier", "controle-financier",
	"controle-global", "transmission",
};
static const char *const step_label[7] = {
	"",
	"Saisie des données d'activité",
	"Contrôle des données d'activité",
	"Saisie des données financières",
	"Contrôle des données financières",
	"Contrôle de la déclaration",
	"Transmission à la Caf",
};

const char *decl_money(struct portal_ctx *ctx, int64_t cents)
{
	char *b = arena_alloc(ctx->arena, 48);
	fr_format_decimal(cents, 2, b, 48);
	return b;
}

const char *decl_format_value(struct portal_ctx *ctx, const struct decl_field *f, int64_t v)
{
	if (f->unit == DUNIT_BOOL)
		return v ? "Oui" : "Non";
	char *b = arena_alloc(ctx->arena, 48);
	fr_format_decimal(v, f->decimals, b, 48);
	return b;
}

void decl_px_facility(xmlNodePtr parent, const struct decl_facility *f)
{
	xmlNodePtr n = px_el(parent, "facility");
	px_attr_int(n, "id", f->id);
	px_attr(n, "code", f->code);
	px_attr(n, "kind", f->kind_sql);
	px_text(n, "name", f->name);
	px_text(n, "address", f->address);
	px_text(n, "postal-code", f->postal_code);
	px_text(n, "city", f->city);
	px_text(n, "partner", f->partner_name);
	xmlNodePtr ref = px_el(n, "referent");
	px_text(ref, "name", f->referent_name);
	px_text(ref, "email", f->referent_email);
	px_text(ref, "phone", f->referent_phone);
	px_text(ref, "caf", f->caf_name);
}

/* Is step reachable now (prerequisites), independent of who looks. */
static int step_open(const struct decl_view *v, int step)
{
	const struct decl_row *d = &v->d;
	switch (step) {
	case DSTEP_ACTIVITY:
		return 1;
	case DSTEP_ACTIVITY_CONTROL:
		return 1;
	case DSTEP_FINANCIAL:
	case DSTEP_FINANCIAL_CONTROL:
		return v->has_financial;
	case DSTEP_GLOBAL_CONTROL:
		return v->subject.activity_done && v->subject.financial_done;
	case DSTEP_TRANSMISSION:
		return d->global_controlled || d->state >= DSTATE_TRANSMITTED;
	}
	return 0;
}

xmlNodePtr decl_page(struct portal_ctx *ctx, const char *view, struct decl_view *v, int step)
{
	xmlNodePtr root = page_new(ctx, view);
	decl_px_facility(root, &v->f);
	xmlNodePtr d = px_el(root, "declaration");
	px_attr_int(d, "id", v->d.id);
	px_attr_int(d, "year", v->d.fiscal_year);
	px_attr(d, "type", v->d.type);
	px_attr(d, "type-label", decl_type_label(v->d.type));
	px_attr_int(d, "version", v->d.version);
	px_attr(d, "state", decl_state_sql(v->d.state));
	px_attr(d, "state-label", decl_state_label(v->d.state));
	px_attr_int(d, "row-version", v->d.row_version);
	px_attr_int(d, "activity-done", v->subject.activity_done);
	px_attr_int(d, "financial-done", v->subject.financial_done);
	px_attr_int(d, "has-financial", v->has_financial);
	px_attr_int(d, "activity-controlled", v->d.activity_controlled);
	px_attr_int(d, "financial-controlled", v->d.financial_controlled);
	px_attr_int(d, "global-controlled", v->d.global_controlled);
	/* the Caf's rejection: of this version, or of the one it corrects */
	const char *reason = v->d.reject_reason ? v->d.reject_reason : v->d.corrected_reason;
	if (reason) {
		long long at = v->d.reject_reason ? v->d.rejected_at : v->d.corrected_rejected_at;
		xmlNodePtr rj = px_text(d, "rejection", reason);
		px_attr_int(rj, "version", v->d.reject_reason ? v->d.version : v->d.version - 1);
		if (at > 0) {
			char buf[16];
			clock_format_date((time_t)at, buf, sizeof(buf));
			px_attr(rj, "on", buf);
		}
	}
	if (v->d.has_final)
		px_attr(d, "final-amount", decl_money(ctx, v->d.final_cents));
	if (v->d.transmitted_at) {
		char buf[32];
		clock_format_datetime((time_t)v->d.transmitted_at, buf, sizeof(buf));
		px_attr(d, "transmitted-at", buf);
	}
	if (v->d.digest)
		px_attr(d, "digest", v->d.digest);

	xmlNodePtr can = px_el(d, "can");
	static const struct {
		const char *name;
		enum decl_action a;
	} acts[] = {
		{"edit-activity", DACT_EDIT_ACTIVITY}, {"edit-financial", DACT_EDIT_FINANCIAL},
		{"done-activity", DACT_DONE_ACTIVITY}, {"done-financial", DACT_DONE_FINANCIAL},
		{"undone-activity", DACT_UNDONE_ACTIVITY}, {"undone-financial", DACT_UNDONE_FINANCIAL},
		{"global-control", DACT_GLOBAL_CONTROL}, {"transmit", DACT_TRANSMIT},
		{"correct", DACT_CORRECT}, {"delegate", DACT_DELEGATE},
		{"instruct", DACT_VALIDATE},
	};
	for (size_t i = 0; i < sizeof(acts) / sizeof(acts[0]); i++)
		if (decl_allowed(&v->subject, acts[i].a) == DVERDICT_ALLOWED)
			px_attr(can, acts[i].name, "1");

	xmlNodePtr rail = px_el(root, "rail");
	px_attr_int(rail, "current", step);
	for (int s = DSTEP_ACTIVITY; s <= DSTEP_TRANSMISSION; s++) {
		if (!decl_step_visible(v->roles, (enum decl_step)s))
			continue;
		xmlNodePtr n = px_text(rail, "step", step_label[s]);
		px_attr_int(n, "n", s);
		px_attrf(n, "href", "/declarations/declaration/%lld/%s", v->d.id, step_slug[s]);
		if (s == step)
			px_attr(n, "current", "1");
		if (!step_open(v, s))
			px_attr(n, "closed", "1");
		if ((s == DSTEP_FINANCIAL || s == DSTEP_FINANCIAL_CONTROL) && !v->has_financial)
			px_attr(n, "not-applicable", "1");
		int done = (s == DSTEP_ACTIVITY && v->nvals > 0) ||
			   (s == DSTEP_ACTIVITY_CONTROL && v->d.activity_controlled) ||
			   (s == DSTEP_FINANCIAL && v->d.financial_controlled) ||
			   (s == DSTEP_FINANCIAL_CONTROL && v->d.financial_controlled) ||
			   (s == DSTEP_GLOBAL_CONTROL && v->d.global_controlled) ||
			   (s == DSTEP_TRANSMISSION && v->d.state >= DSTATE_TRANSMITTED);
		if (done)
			px_attr(n, "done", "1");
	}
	return root;
}

void decl_px_form(struct portal_ctx *ctx, xmlNodePtr root, const struct decl_view *v,
		  const char *section, int editable, const struct kv_list *typed)
{
	xmlNodePtr form = px_el(root, "form");
	px_attr(form, "section", section);
	if (editable)
		px_attr(form, "editable", "1");
	struct decl_vals vals = decl_view_vals(v);
	xmlNodePtr group = NULL;
	const char *heading = NULL;
	for (size_t i = 0; i < v->nfields; i++) {
		const struct decl_field *f = &v->fields[i];
		if (strcmp(f->section, section) != 0)
			continue;
		const char *h = f->heading ? f->heading : "";
		if (!group || strcmp(h, heading) != 0) {
			group = px_el(form, "group");
			px_attr(group, "heading", h);
			heading = h;
		}
		xmlNodePtr n = px_el(group, "field");
		px_attr(n, "code", f->code);
		px_attr(n, "unit", decl_unit_sql(f->unit));
		px_attr(n, "suffix", decl_unit_suffix(f->unit));
		px_attr_int(n, "decimals", f->decimals);
		if (f->required)
			px_attr(n, "required", "1");
		if (f->essential)
			px_attr(n, "essential", "1");
		if (f->computed)
			px_attr(n, "computed", "1");
		if (f->ledger)
			px_attr(n, "ledger", f->ledger);
		px_text(n, "label", f->label);
		if (f->help)
			px_text(n, "help", f->help);
		const char *shown = NULL;
		int64_t x;
		if (typed && !f->computed) {
			shown = kv_get(typed, f->code);
		} else if (f->unit == DUNIT_TEXT) {
			shown = decl_view_text(v, f->code);
		} else if (decl_vals_get(&vals, f->code, &x)) {
			shown = f->unit == DUNIT_BOOL ? (x ? "1" : "0")
						      : decl_format_value(ctx, f, x);
		}
		if (shown)
			px_text(n, "value", shown);
		if (f->min || f->has_min)
			px_attr(n, "min", decl_format_value(ctx, f, f->min));
		if (f->has_max)
			px_attr(n, "max", decl_format_value(ctx, f, f->max));
	}
}

void decl_px_controls(struct portal_ctx *ctx, xmlNodePtr root, const struct decl_view *v,
		      enum decl_section s, const struct decl_control_list *l,
		      const struct kv_list *typed, int editable)
{
	(void)ctx;
	(void)v;
	xmlNodePtr c = px_el(root, "controls");
	px_attr(c, "section", decl_section_sql(s));
	if (editable)
		px_attr(c, "editable", "1");
	px_attr_int(c, "count", (long long)l->n);
	for (size_t i = 0; i < l->n; i++) {
		const struct decl_control *k = &l->items[i];
		xmlNodePtr n = px_el(c, "control");
		px_attr(n, "code", k->code);
		px_attr(n, "severity", decl_severity_sql(k->severity));
		px_attr(n, "severity-label", decl_severity_label(k->severity));
		px_text(n, "message", k->message);
		px_text(n, "action", k->action);
		char name[80];
		snprintf(name, sizeof(name), "explication_%s", k->code);
		const char *typed_expl = typed ? kv_get(typed, name) : NULL;
		px_attr(n, "input", name);
		/* the stored explanation is passed in through typed when none was posted */
		if (typed_expl)
			px_text(n, "explanation", typed_expl);
	}
}

void decl_px_estimate(xmlNodePtr root, const struct decl_estimate *e)
{
	xmlNodePtr n = px_el(root, "estimate");
	char b[48];
	if (e->status != ESTIMATE_OK) {
		px_attr(n, "status", e->status == ESTIMATE_MISSING_SCALE ? "missing-scale"
				     : e->status == ESTIMATE_MISSING_DATA ? "missing-data"
									  : "error");
		if (e->missing)
			px_attr(n, "missing", e->missing);
		return;
	}
	px_attr(n, "status", "ok");
	fr_format_decimal(e->amount_cents, 2, b, sizeof(b));
	px_attr(n, "amount", b);
	fr_format_decimal(e->ceiling_cents, 2, b, sizeof(b));
	px_attr(n, "ceiling", b);
	fr_format_decimal(e->unit_cost_cents, 2, b, sizeof(b));
	px_attr(n, "unit-cost", b);
	fr_format_decimal(e->retained_hundredths, 2, b, sizeof(b));
	px_attr(n, "retained", b);
	if (e->invoicing_rate_bp) {
		fr_format_decimal((e->invoicing_rate_bp + 5) / 10, 1, b, sizeof(b));
		px_attr(n, "invoicing-rate", b);
	}
}
