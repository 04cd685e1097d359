/* CSV import of the Caf's reference data: partners, conventions,
 * facilities, sites. Pure C (libc only) so that portal-admin compiles it
 * too: `scripts/portalctl import KIND FILE` parses with hab_csv_parse and
 * writes with hab_import_* (hab_import.h).
 *
 * The file: UTF-8 (a BOM is skipped), a header line naming the columns in
 * any order, ';' as separator (',' when the header holds no ';'), fields
 * optionally quoted with "" for a quote inside. Dates JJ/MM/AAAA (or
 * AAAA-MM-JJ). Every error names its line, in French. */
#ifndef HAB_CSV_H
#define HAB_CSV_H

#include <stddef.h>

enum hab_csv_kind {
	HCSV_PARTNERS = 0,	/* partenaires */
	HCSV_CONVENTIONS,	/* conventions */
	HCSV_FACILITIES,	/* equipements */
	HCSV_SITES,		/* lieux */
	HCSV__MAX
};

enum hab_csv_type {
	HCT_TEXT,	/* free text up to maxlen code points */
	HCT_DATE,	/* -> "YYYY-MM-DD" */
	HCT_DIGITS,	/* exactly maxlen digits (SIRET 14, postal code 5) */
	HCT_INT,	/* 0..maxlen */
	HCT_CHOICE,	/* one of choices (accents and case ignored) -> its SQL value */
	HCT_CODE,	/* [A-Za-z0-9_-], up to maxlen, upper-cased */
};

struct hab_csv_choice {
	const char *input;	/* what a user writes, lower case, no accents */
	const char *value;	/* what is stored */
};

struct hab_csv_column {
	const char *name;	/* header name */
	int required;
	enum hab_csv_type type;
	size_t maxlen;
	const struct hab_csv_choice *choices; /* NULL-terminated, HCT_CHOICE */
};

struct hab_csv_record {
	size_t line;		/* line of the file where the record starts (1 = header) */
	char **values;		/* one per column of the kind, NULL when empty */
};

struct hab_csv_result {
	enum hab_csv_kind kind;
	const struct hab_csv_column *cols;
	size_t ncols;
	struct hab_csv_record *records;
	size_t nrecords;
	char **errors;		/* "Ligne 3 : ..." */
	size_t nerrors;
};

/* "partenaires", "conventions", "equipements", "lieux" -> kind; -1. */
int hab_csv_kind_from_name(const char *name);
const struct hab_csv_column *hab_csv_columns(enum hab_csv_kind kind, size_t *n);

/* Parses data (len bytes). Returns the number of errors (0: every record
 * is valid). Records with an error are left out. out is always to be
 * released with hab_csv_free. -1 on memory exhaustion. */
int hab_csv_parse(enum hab_csv_kind kind, const char *data, size_t len,
		  struct hab_csv_result *out);
void hab_csv_free(struct hab_csv_result *r);
/* The value of column name in record i (NULL if empty or unknown column). */
const char *hab_csv_value(const struct hab_csv_result *r, size_t i, const char *name);

#endif
