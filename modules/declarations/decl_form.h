/* Forms are data: a field of the catalogue (form_field row), how a typed
 * value is read and checked (type, bounds, required) with a French message,
 * the computed totals, the essential data missing (red banner), and the
 * canonical text of a transmitted declaration whose SHA-256 is the evidence
 * of the approver's electronic signature. */
#ifndef DECL_FORM_H
#define DECL_FORM_H

#include <stddef.h>
#include <stdint.h>

#include "decl_controls.h"

enum decl_unit {
	DUNIT_HOURS = 0, DUNIT_EUROS, DUNIT_COUNT, DUNIT_PERCENT, DUNIT_MONTHS, DUNIT_ETP,
	DUNIT_DAYS, DUNIT_BOOL, DUNIT_TEXT, DUNIT_RATE, DUNIT__MAX
};

struct decl_field {
	const char *code;
	const char *section;	/* "activity" | "financial" */
	const char *heading;
	const char *label;
	const char *help;
	enum decl_unit unit;
	int has_min, has_max;
	int64_t min, max;	/* scaled like the value */
	int decimals;
	int required, essential, computed;
	const char *ledger;	/* "charges" | "products" | NULL */
};

/* -1 for an unknown name. */
int decl_unit_from_sql(const char *s);
const char *decl_unit_sql(enum decl_unit u);
/* Short French unit shown after the input ("€", "h", "mois"...). */
const char *decl_unit_suffix(enum decl_unit u);

enum decl_parse { DPARSE_VALUE = 0, DPARSE_EMPTY = 1, DPARSE_ERROR = -1 };
/* Reads what the user typed for f. DPARSE_VALUE sets *out (numbers, bools)
 * or leaves the text to the caller; DPARSE_EMPTY: nothing typed and not
 * required; DPARSE_ERROR sets *err to a French message, written in buf
 * when it holds numbers. */
enum decl_parse decl_field_parse(const struct decl_field *f, const char *input, int64_t *out,
				 const char **err, char *buf, size_t buflen);

/* The computed fields: total_charges, total_products (financial) and
 * hours_children_total (ALSH). Writes at most 3 values into out, returns
 * how many (only totals with at least one term). */
size_t decl_compute_totals(const struct decl_vals *vals, struct decl_val out[3]);

/* Essential fields of a section with no value: indexes into fields[]. */
size_t decl_missing_essential(const struct decl_field *fields, size_t nfields,
			      const char *section, const struct decl_vals *vals,
			      size_t *missing, size_t max);

/* What is signed at transmission. */
struct decl_signed {
	long long declaration_id;
	const char *facility_code;
	int fiscal_year;
	const char *type;
	int version;
	const struct decl_val *values;	/* numbers */
	size_t nvalues;
	const char *const *text_codes;	/* text values */
	const char *const *texts;
	size_t ntexts;
	const char *const *explanation_keys; /* "section:code" */
	const char *const *explanations;
	size_t nexplanations;
	int64_t estimate_cents;
	const char *comment;
	long long approver_id;
	long long transmitted_at;
};
/* Canonical text (sorted keys, escaped text, one item per line), malloc'd;
 * the caller frees. NULL on allocation failure. */
char *decl_canonical(const struct decl_signed *s, size_t *len);

#endif
