/* Internal interface of the statistics module: who may see a facility, the
 * statistics table of a facility and year (the data of the page and of the
 * CSV), its French formatting, and the handlers. */
#ifndef STATS_H
#define STATS_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "stats_calc.h"

struct portal_ctx;

struct stats_facility {
	long long id, caf_id;
	const char *code, *kind_sql, *name, *postal_code, *city, *department, *partner_name;
	const char *care_type, *nature;
	enum stats_kind kind;
	/* Read with the facility, each list newest first, or NULL when
	 * empty: its validated actual declarations "year:id" (the newest
	 * version of a year first) and the publications
	 * "year:revision:published_at" (stats_sql.c). */
	const char *actual_years, *published_years;
};

/* One published figure: absent (no row), secret (a row without a mean:
 * fewer than STATS_MIN_FACILITIES facilities), or a mean and a median. */
enum stats_ref_status { SREF_NONE, SREF_SECRET, SREF_OK };
struct stats_ref {
	enum stats_ref_status status;
	int64_t mean, median;
	long long count;
};

struct stats_row {
	const struct stats_indicator *ind;
	struct stats_value facility;
	struct stats_ref department, national;
};

/* Why a table is missing (fiche 12's rule). */
enum stats_missing {
	SMISS_NO_ACTUAL = 1u << 0,	/* no validated actual declaration */
	SMISS_NO_AVERAGE = 1u << 1,	/* neither national nor departmental average */
};

struct stats_table {
	int year;
	int has_actual;			/* a validated actual declaration for the year */
	const char *actual_state;	/* newest actual's state when none is validated, or NULL */
	int has_department, has_national;	/* at least one published mean */
	int published;			/* the year's publication exists */
	time_t published_at;
	unsigned missing;		/* enum stats_missing bits, 0 when available */
	struct stats_row *rows;		/* the facility kind's indicators, in table order */
	size_t nrows;
};

/* stats_access.c: loads a facility the caller may see, with its years, in
 * one statement. 0, or 404 (absent or out of reach: a partner user without
 * an active habilitation on it, an agent of another Caf), or 500/503. */
int stats_load_facility(struct portal_ctx *ctx, long long id, struct stats_facility *f);
/* A Caf agent (sees his Caf's facilities) rather than a partner user (sees
 * those of his habilitations). */
int stats_is_caf_agent(const struct portal_ctx *ctx);
const char *stats_kind_label(enum stats_kind k);

/* stats_table.c */
/* The fiche 12 rule, pure: available when a validated actual exists and a
 * national or departmental mean does; else the missing bits. */
unsigned stats_missing_of(int has_actual, int has_department, int has_national);
/* Reads the year's values, published figures and publication (one
 * statement); fills t. */
int stats_load_table(struct portal_ctx *ctx, const struct stats_facility *f, int year,
		     struct stats_table *t);
/* The facility's years (read by stats_load_facility): validated actuals
 * and published years, newest first, without duplicates; *def the year to
 * show when none is asked. No statement. */
int stats_facility_years(struct portal_ctx *ctx, const struct stats_facility *f, int **years,
			 size_t *n, int *def);
/* Years with validated actual declarations anywhere, newest first. */
int stats_actual_years(struct portal_ctx *ctx, int **years, size_t *n);
/* "exercice" parameter: a year in range, or 0. */
int stats_parse_year(const char *s);

/* stats_rules.c (pure) */
/* Years of a list "2024,2023" or "2024:81,2023:40" (as GROUP_CONCAT
 * writes it; NULL is empty) into out, at most cap; a token that does not
 * start with a positive number below 65536 (a fiscal_year) followed by
 * ':', ',' or the end is skipped. Returns how many. */
size_t stats_parse_year_list(const char *list, int *out, size_t cap);
/* The numbers after the year in the first token of list for year
 * ("2024:3:1764700000" gives 3 and 1764700000), into v, at most n;
 * returns how many, 0 when the year is absent or its token malformed. */
size_t stats_year_fields(const char *list, int year, long long *v, size_t n);
/* The bar chart of an indicator: the facility, the departmental mean and
 * the national mean (v, scaled integers of one scale; shown[i] = 0 when
 * absent: not computable, secret, not published). Each shown positive
 * value gets a bar of round(200 x v / max) px, half up, max the largest
 * of the three (an absent one counting 0); any other bar is 0 px. */
#define STATS_BAR_MAX 200
/* Where a bar's words start (equipement.xsl draws the bars from x = 130):
 * 6 px after its end. */
#define STATS_BAR_X 130
#define STATS_BAR_TEXT_GAP 6
void stats_chart_bars(const int64_t v[3], const int shown[3], int width[3]);
/* Merges the facility's validated actual years (own) and the published
 * years (pub), each newest first: out gets both, newest first, without
 * duplicates (room for nown + npub), *n their number; *def the year to
 * show when none is asked: the newest year with both a validated actual
 * and a publication, else the newest validated actual, else the newest
 * publication, else 0. */
void stats_merge_years(const int *own, size_t nown, const int *pub, size_t npub, int *out,
		       size_t *n, int *def);

/* stats_format.c (pure) */
const char *stats_unit_suffix(enum stats_unit u);	/* " %", " €", " h", ... */
/* French display with unit: "1 732,5 h" (no-break spaces), into buf. */
void stats_format_display(int64_t v, int decimals, enum stats_unit u, char *buf, size_t n);
/* Plain French decimal without thousands separators, for CSV: "-1732,50". */
void stats_format_plain(int64_t v, int decimals, char *buf, size_t n);

/* stats_csv.c (pure) */
/* One CSV field for a ';'-separated file: quoted (with doubled quotes)
 * when it holds ';', '"', CR or LF; a text field starting with = + - @ or
 * a tab gets a leading apostrophe so a spreadsheet never runs it as a
 * formula. Writes at most cap bytes with NUL, returns the full length (as
 * snprintf does). */
size_t stats_csv_escape(const char *s, int text, char *out, size_t cap);

/* handlers */
int stats_search(struct portal_ctx *ctx);
int stats_facility_page(struct portal_ctx *ctx);
int stats_export_csv(struct portal_ctx *ctx);
int stats_publish_get(struct portal_ctx *ctx);
int stats_publish_post(struct portal_ctx *ctx);

#endif
