/* The estimate of the entitlement ("estimation du droit") shown at the
 * global control: PSU for an EAJE, the prestation de service for a RAM and
 * an ALSH. Our documented reading of the published rules (issue 5); every
 * figure comes from the year's scale (barème), which is data.
 *
 * All inputs are scaled integers (cents, hundredths of hours, x10^4 rates);
 * the arithmetic is exact (decl_rational.h) and only the final amount is
 * rounded half-up to the cent. */
#ifndef DECL_ESTIMATE_H
#define DECL_ESTIMATE_H

#include <stddef.h>
#include <stdint.h>

/* One row of the `scale` table. */
struct decl_scale_entry {
	const char *code;
	int64_t value_scaled;
	int decimals;
};

struct decl_scale {
	const struct decl_scale_entry *items;
	size_t n;
};

/* EAJE scale codes. model 1: brackets of the invoicing rate t (until
 * 2024): t <= rate_low, rate_low < t < rate_high, t >= rate_high. model 2
 * (from 2025): constant up to rate_low, linear up to rate_high, constant
 * beyond. The *_no_meals ceilings apply when nappies and meals are not both
 * provided; absent, the ordinary ones apply. */
#define SCALE_EAJE_MODEL "model"
#define SCALE_EAJE_PSU_RATE "psu_rate"
#define SCALE_EAJE_RATE_LOW "rate_low"
#define SCALE_EAJE_RATE_HIGH "rate_high"
#define SCALE_EAJE_CEILING_LOW "ceiling_low"	/* t <= rate_low */
#define SCALE_EAJE_CEILING_MID "ceiling_mid"	/* model 1 only: between */
#define SCALE_EAJE_CEILING_HIGH "ceiling_high"	/* t >= rate_high */
#define SCALE_EAJE_NO_MEALS_SUFFIX "_no_meals"
#define SCALE_EAJE_CONCERTATION "concertation_hours_per_place"	/* optional */
/* RAM and ALSH */
#define SCALE_PS_RATE "ps_rate"
#define SCALE_RAM_CEILING_PER_ETP "ceiling_per_etp"
#define SCALE_ALSH_CEILING_PER_HOUR "ceiling_per_hour"

enum decl_estimate_status {
	ESTIMATE_OK = 0,
	ESTIMATE_MISSING_SCALE = 1,	/* `missing` names the scale code */
	ESTIMATE_MISSING_DATA = 2,	/* `missing` names the field code */
	ESTIMATE_OVERFLOW = 3,
};

struct decl_estimate {
	enum decl_estimate_status status;
	const char *missing;
	int64_t amount_cents;		/* the estimate, >= 0 */
	/* Intermediate figures for the summary page, each rounded for display. */
	int64_t ceiling_cents;		/* EAJE: PP; RAM: prorated ceiling; ALSH: ceiling x100 */
	int64_t unit_cost_cents;	/* EAJE: PRH; RAM: charges per financed ETP; ALSH: per hour */
	int64_t retained_hundredths;	/* EAJE: H; RAM: financed ETP; ALSH: hours-children */
	int64_t invoicing_rate_bp;	/* EAJE: t in basis points (10000 = 100 %) */
};

struct decl_eaje_input {
	int64_t charges_cents;
	int64_t hours_performed;	/* hundredths of hours */
	int64_t hours_invoiced;		/* hundredths */
	int64_t family_contrib_cents;	/* PF */
	int64_t general_rate;		/* RG x10^4 */
	int nappies_and_meals;		/* both provided */
	int64_t places;			/* for concertation hours */
};

struct decl_ram_input {
	int64_t charges_cents;
	int64_t etp_worked;		/* hundredths */
	int64_t etp_validated;		/* hundredths */
	int64_t months_open;
	int64_t months_presence;
};

struct decl_alsh_input {
	int64_t charges_cents;
	int64_t hours_children;		/* hundredths */
	int64_t general_rate;		/* x10^4 */
};

/* Value of a scale code; 0 found, -1 absent. */
int decl_scale_find(const struct decl_scale *s, const char *code, int64_t *value, int *decimals);

void decl_estimate_eaje(const struct decl_eaje_input *in, const struct decl_scale *s,
			struct decl_estimate *out);
void decl_estimate_ram(const struct decl_ram_input *in, const struct decl_scale *s,
		       struct decl_estimate *out);
void decl_estimate_alsh(const struct decl_alsh_input *in, const struct decl_scale *s,
			struct decl_estimate *out);

#endif
