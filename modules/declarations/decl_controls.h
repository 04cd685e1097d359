/* The a-priori controls of a declaration (seed 002 fiches 7, 9, 10): rules
 * comparing the data with itself and with the facility's previous
 * validated year. Each finding has a code, a severity (anomaly or alert),
 * a French message and its "Actions requises"; the user explains each one
 * before the next step opens. Thresholds come from the config. */
#ifndef DECL_CONTROLS_H
#define DECL_CONTROLS_H

#include <stddef.h>
#include <stdint.h>

struct portal_config;

enum decl_kind { DKIND_EAJE = 0, DKIND_ALSH, DKIND_RAM };
enum decl_section { DSECTION_ACTIVITY = 0, DSECTION_FINANCIAL, DSECTION_GLOBAL };
enum decl_severity { DSEV_ANOMALY = 0, DSEV_ALERT };

/* A declaration's values: scaled by the field's decimals (see form_field).
 * A code absent from the list is "not given". */
struct decl_val {
	const char *code;
	int64_t v;
};
struct decl_vals {
	const struct decl_val *items;
	size_t n;
};
/* 1 and *out when present. */
int decl_vals_get(const struct decl_vals *vals, const char *code, int64_t *out);

struct decl_thresholds {
	int64_t variation_bp;		/* |N vs N-1| beyond this: alert (2000 = 20 %) */
	int64_t invoicing_rate_max_bp;	/* EAJE invoiced/performed above: alert */
	int64_t eaje_cost_min_cents;	/* EAJE cost per hour performed */
	int64_t eaje_cost_max_cents;
	int64_t alsh_cost_min_cents;	/* ALSH cost per hour-child */
	int64_t alsh_cost_max_cents;
	int64_t ram_cost_max_cents;	/* RAM charges per ETP worked */
	int64_t balance_gap_bp;		/* |products - charges| / charges */
	int64_t staff_share_min_bp;	/* staff costs / charges */
	int64_t staff_share_max_bp;
	int64_t estimate_gap_bp;	/* declared PS vs estimate; estimate vs N-1 amount */
};
void decl_thresholds_default(struct decl_thresholds *t);
/* Defaults overridden by config keys declarations_* (see conf/portail.conf). */
void decl_thresholds_from_config(struct decl_thresholds *t, const struct portal_config *cfg);

struct decl_control_input {
	enum decl_kind kind;
	enum decl_section section;
	const struct decl_vals *cur;
	const struct decl_vals *prev;	/* N-1 validated actual, NULL if none */
	int prev_year;
	int64_t validated_etp;		/* RAM, x100; < 0 unknown */
	int has_estimate;
	int64_t estimate_cents;
	int has_prev_amount;		/* N-1 final amount validated by the Caf */
	int64_t prev_amount_cents;
	int has_declared_ps;		/* the PS line of the products */
	int64_t declared_ps_cents;
};

#define DECL_CONTROLS_MAX 24
struct decl_control {
	const char *code;
	enum decl_severity severity;
	char message[320];
	char action[320];
};
struct decl_control_list {
	struct decl_control items[DECL_CONTROLS_MAX];
	size_t n;
};

void decl_controls_run(const struct decl_control_input *in, const struct decl_thresholds *t,
		       struct decl_control_list *out);
const char *decl_severity_sql(enum decl_severity s);
const char *decl_severity_label(enum decl_severity s);

/* Codes of the ledger lines summed into the totals (financial section). */
extern const char *const decl_charge_codes[];
extern const char *const decl_product_codes[];

#endif
