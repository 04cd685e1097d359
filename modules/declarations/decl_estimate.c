/* PSU / PS estimate; the formulas are in decl_estimate.h and issue 5. */
#include <string.h>

#include "decl_estimate.h"
#include "decl_rational.h"

int decl_scale_find(const struct decl_scale *s, const char *code, int64_t *value, int *decimals)
{
	for (size_t i = 0; s && i < s->n; i++)
		if (strcmp(s->items[i].code, code) == 0) {
			*value = s->items[i].value_scaled;
			*decimals = s->items[i].decimals;
			return 0;
		}
	return -1;
}

static int scale_q(const struct decl_scale *s, const char *code, struct q *out)
{
	int64_t v;
	int d;
	if (decl_scale_find(s, code, &v, &d) != 0)
		return -1;
	*out = q_scaled(v, d);
	return 0;
}

static void fail(struct decl_estimate *out, enum decl_estimate_status st, const char *what)
{
	out->status = st;
	out->missing = what;
}

static int64_t round2(struct q v, int *ovf)
{
	return q_round_scaled(v, 2, ovf);
}

/* Ceiling code with the no-meals variant when it applies and exists. */
static int ceiling_q(const struct decl_scale *s, const char *base, int no_meals, struct q *out)
{
	if (no_meals) {
		char code[64];
		size_t n = strlen(base);
		if (n + sizeof(SCALE_EAJE_NO_MEALS_SUFFIX) <= sizeof(code)) {
			memcpy(code, base, n);
			memcpy(code + n, SCALE_EAJE_NO_MEALS_SUFFIX, sizeof(SCALE_EAJE_NO_MEALS_SUFFIX));
			if (scale_q(s, code, out) == 0)
				return 0;
		}
	}
	return scale_q(s, base, out);
}

/* PP from the invoicing rate t. */
static int eaje_ceiling(const struct decl_scale *s, struct q t, int no_meals, struct q *pp,
			const char **missing)
{
	struct q model, low, high, c_low, c_high;
	const char *need[] = {SCALE_EAJE_MODEL, SCALE_EAJE_RATE_LOW, SCALE_EAJE_RATE_HIGH};
	struct q *dst[] = {&model, &low, &high};
	for (int i = 0; i < 3; i++)
		if (scale_q(s, need[i], dst[i]) != 0) {
			*missing = need[i];
			return -1;
		}
	if (ceiling_q(s, SCALE_EAJE_CEILING_LOW, no_meals, &c_low) != 0) {
		*missing = SCALE_EAJE_CEILING_LOW;
		return -1;
	}
	if (ceiling_q(s, SCALE_EAJE_CEILING_HIGH, no_meals, &c_high) != 0) {
		*missing = SCALE_EAJE_CEILING_HIGH;
		return -1;
	}
	if (q_cmp(model, q_int(1)) == 0) {
		if (q_cmp(t, low) <= 0)
			*pp = c_low;
		else if (q_cmp(t, high) >= 0)
			*pp = c_high;
		else if (ceiling_q(s, SCALE_EAJE_CEILING_MID, no_meals, pp) != 0) {
			*missing = SCALE_EAJE_CEILING_MID;
			return -1;
		}
		return 0;
	}
	if (q_cmp(model, q_int(2)) == 0) {
		if (q_cmp(high, low) <= 0) {
			*missing = SCALE_EAJE_RATE_HIGH;
			return -1;
		}
		if (q_cmp(t, low) <= 0)
			*pp = c_low;
		else if (q_cmp(t, high) >= 0)
			*pp = c_high;
		else /* c_low + (c_high - c_low) * (t - low) / (high - low) */
			*pp = q_add(c_low, q_mul(q_sub(c_high, c_low),
						 q_div(q_sub(t, low), q_sub(high, low))));
		return 0;
	}
	*missing = SCALE_EAJE_MODEL;
	return -1;
}

void decl_estimate_eaje(const struct decl_eaje_input *in, const struct decl_scale *s,
			struct decl_estimate *out)
{
	memset(out, 0, sizeof(*out));
	if (in->hours_performed <= 0)
		return fail(out, ESTIMATE_MISSING_DATA, "hours_performed");
	if (in->hours_invoiced < 0)
		return fail(out, ESTIMATE_MISSING_DATA, "hours_invoiced");
	struct q rate, concert = q_int(0), pp;
	if (scale_q(s, SCALE_EAJE_PSU_RATE, &rate) != 0)
		return fail(out, ESTIMATE_MISSING_SCALE, SCALE_EAJE_PSU_RATE);
	(void)scale_q(s, SCALE_EAJE_CONCERTATION, &concert); /* optional */

	struct q performed = q_scaled(in->hours_performed, 2);
	struct q invoiced = q_scaled(in->hours_invoiced, 2);
	struct q t = q_div(invoiced, performed);
	const char *missing = NULL;
	if (eaje_ceiling(s, t, !in->nappies_and_meals, &pp, &missing) != 0)
		return fail(out, ESTIMATE_MISSING_SCALE, missing);

	struct q prh = q_div(q_scaled(in->charges_cents, 2), performed);
	struct q h = q_add(q_min(performed, invoiced), q_mul(concert, q_int(in->places)));
	struct q gross = q_sub(q_mul(q_mul(q_min(prh, pp), rate), h),
			       q_scaled(in->family_contrib_cents, 2));
	struct q psu = q_mul(q_max(q_int(0), gross), q_scaled(in->general_rate, 4));

	int ovf = 0;
	out->amount_cents = round2(psu, &ovf);
	out->ceiling_cents = round2(pp, &ovf);
	out->unit_cost_cents = round2(prh, &ovf);
	out->retained_hundredths = round2(h, &ovf);
	out->invoicing_rate_bp = q_round_scaled(t, 4, &ovf);
	if (ovf)
		fail(out, ESTIMATE_OVERFLOW, NULL);
}

void decl_estimate_ram(const struct decl_ram_input *in, const struct decl_scale *s,
		       struct decl_estimate *out)
{
	memset(out, 0, sizeof(*out));
	if (in->months_open <= 0 || in->months_open > 12)
		return fail(out, ESTIMATE_MISSING_DATA, "months_open");
	if (in->months_presence < 0)
		return fail(out, ESTIMATE_MISSING_DATA, "months_presence");
	struct q rate, ceiling;
	if (scale_q(s, SCALE_PS_RATE, &rate) != 0)
		return fail(out, ESTIMATE_MISSING_SCALE, SCALE_PS_RATE);
	if (scale_q(s, SCALE_RAM_CEILING_PER_ETP, &ceiling) != 0)
		return fail(out, ESTIMATE_MISSING_SCALE, SCALE_RAM_CEILING_PER_ETP);

	/* presence cannot exceed opening: a month present counts only if open */
	int64_t presence = in->months_presence < in->months_open ? in->months_presence
								  : in->months_open;
	int64_t etp = in->etp_worked < in->etp_validated ? in->etp_worked : in->etp_validated;
	if (etp < 0)
		etp = 0;
	struct q financed = q_mul(q_scaled(etp, 2), q_frac(presence, in->months_open));
	struct q prorated = q_mul(ceiling, q_frac(in->months_open, 12));
	int ovf = 0;
	out->ceiling_cents = round2(prorated, &ovf);
	out->retained_hundredths = round2(financed, &ovf);
	if (q_is_zero(financed)) { /* no financed animator: nothing is due */
		out->amount_cents = 0;
		return;
	}
	struct q cost = q_div(q_scaled(in->charges_cents, 2), financed);
	struct q ps = q_mul(q_mul(rate, q_min(cost, prorated)), financed);
	out->unit_cost_cents = round2(cost, &ovf);
	out->amount_cents = round2(q_max(ps, q_int(0)), &ovf);
	if (ovf)
		fail(out, ESTIMATE_OVERFLOW, NULL);
}

void decl_estimate_alsh(const struct decl_alsh_input *in, const struct decl_scale *s,
			struct decl_estimate *out)
{
	memset(out, 0, sizeof(*out));
	if (in->hours_children <= 0)
		return fail(out, ESTIMATE_MISSING_DATA, "hours_children_total");
	struct q rate, ceiling;
	if (scale_q(s, SCALE_PS_RATE, &rate) != 0)
		return fail(out, ESTIMATE_MISSING_SCALE, SCALE_PS_RATE);
	if (scale_q(s, SCALE_ALSH_CEILING_PER_HOUR, &ceiling) != 0)
		return fail(out, ESTIMATE_MISSING_SCALE, SCALE_ALSH_CEILING_PER_HOUR);
	struct q hours = q_scaled(in->hours_children, 2);
	struct q cost = q_div(q_scaled(in->charges_cents, 2), hours);
	struct q ps = q_mul(q_mul(q_mul(rate, q_min(cost, ceiling)), hours),
			    q_scaled(in->general_rate, 4));
	int ovf = 0;
	out->ceiling_cents = round2(ceiling, &ovf);
	out->unit_cost_cents = round2(cost, &ovf);
	out->retained_hundredths = in->hours_children;
	out->amount_cents = round2(q_max(ps, q_int(0)), &ovf);
	if (ovf)
		fail(out, ESTIMATE_OVERFLOW, NULL);
}
