/* The statistics indicators: pure integer arithmetic over the values of one
 * validated actual declaration, so the facility's figure on the page and
 * the published averages come from the very same formula.
 *
 * Inputs and results are scaled integers (value x 10^decimals). A ratio is
 * computed exactly in 128-bit integers and rounded once, half away from
 * zero. A zero or missing denominator gives "not computable", never a
 * division by zero. No floating point anywhere. */
#ifndef STATS_CALC_H
#define STATS_CALC_H

#include <stddef.h>
#include <stdint.h>

/* The declaration fields the indicators read (form_field codes of
 * sql/301_form_fields.sql, with the catalogue's decimals). */
enum stats_field {
	SF_PLACES,		/* places, count */
	SF_OPENING_DAYS,	/* opening_days, days */
	SF_HOURS_PER_DAY,	/* opening_hours_per_day, hours x100 */
	SF_HOURS_PERFORMED,	/* hours_performed, hours x100 */
	SF_HOURS_INVOICED,	/* hours_invoiced, hours x100 */
	SF_CHILDREN,		/* children_registered, count */
	SF_TOTAL_CHARGES,	/* total_charges, cents */
	SF_STAFF,		/* ch_staff, cents */
	SF_TOTAL_PRODUCTS,	/* total_products, cents */
	SF_PR_FAMILY,		/* pr_family, cents */
	SF_PR_PS,		/* pr_ps_caf, cents */
	SF_PR_MUNICIPALITY,	/* pr_municipality, cents */
	SF_PR_DEPARTMENT,	/* pr_department, cents */
	SF_ETP,			/* etp_worked, ETP x100 */
	SF_MONTHS_OPEN,		/* months_open */
	SF_MONTHS_PRESENCE,	/* months_presence */
	SF_ACTIVITY_PLACES,	/* activity_places, count */
	SF_HC_TOTAL,		/* hours_children_total, hours x100 */
	SF_HC_HOLIDAYS,		/* hours_children_holidays, hours x100 */
	SF__MAX
};

/* The form_field code of a field, and the field of a code (-1 if none). */
const char *stats_field_code(enum stats_field f);
int stats_field_from_code(const char *code);

struct stats_input {
	int64_t v[SF__MAX];
	unsigned char has[SF__MAX];	/* 0: the declaration holds no value */
};

void stats_input_set(struct stats_input *in, enum stats_field f, int64_t v);
/* Fills in from SF__MAX database cells in enum order (NULL: no value; a
 * cell that is not an integer counts as no value). */
void stats_input_from_cells(struct stats_input *in, const char *const *cells);

enum stats_kind { SK_EAJE, SK_RAM, SK_ALSH, SK__MAX };
enum stats_tab { ST_ACTIVITY, ST_FINANCIAL };
enum stats_unit { SU_PERCENT, SU_EUROS, SU_HOURS, SU_COUNT, SU_ETP, SU_MONTHS };

int stats_kind_from_sql(const char *s);	/* "EAJE" ... or -1 */
const char *stats_kind_sql(enum stats_kind k);

struct stats_indicator {
	const char *code;	/* reference_average.indicator, e.g. "eaje_occupancy_rate" */
	enum stats_kind kind;
	enum stats_tab tab;
	enum stats_unit unit;
	int decimals;		/* of the result */
	const char *label;	/* French, for the table */
	const char *definition;	/* French, for the page's help */
	/* 0 and *out when computable, -1 otherwise. */
	int (*compute)(const struct stats_input *in, int64_t *out);
};

/* Every indicator, grouped by kind then tab, in display order. */
extern const struct stats_indicator STATS_INDICATORS[];
extern const size_t STATS_NINDICATORS;
#define STATS_MAX_INDICATORS 64	/* bound of the table, checked by a unit test */
const struct stats_indicator *stats_indicator_find(const char *code);

/* Result of one indicator: ok = 0 means "non calculable". */
struct stats_value {
	int ok;
	int64_t v;
};
struct stats_value stats_compute(const struct stats_indicator *ind, const struct stats_input *in);

/* round(num / 10^num_dec / (den / 10^den_dec) x factor) to out_dec decimals,
 * half away from zero. -1 when den <= 0 or the result overflows int64. */
int stats_ratio(int64_t num, int num_dec, int64_t den, int den_dec, int64_t factor, int out_dec,
		int64_t *out);

/* Mean of n scaled values rounded half away from zero; -1 when n == 0. */
int stats_mean(const int64_t *v, size_t n, int64_t *out);
/* Median; sorts v in place. Even n: mean of the two middle values, rounded
 * half away from zero. -1 when n == 0. */
int stats_median(int64_t *v, size_t n, int64_t *out);

/* Smallest number of facilities for a published average (statistical
 * secrecy: fewer would disclose a single partner's accounts). */
#define STATS_MIN_FACILITIES 3

#endif
