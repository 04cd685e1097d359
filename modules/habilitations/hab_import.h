/* Writes a parsed CSV import (hab_csv.h) into the database in one
 * transaction: every reference resolved (Caf code, partner type, partner
 * name, convention label, facility code), every row audited, nothing
 * written if any line fails. For portal-admin (`portalctl import`), which
 * compiles hab_csv.c, hab_import.c and hab_sql.c with the core. */
#ifndef HAB_IMPORT_H
#define HAB_IMPORT_H

#include <stdio.h>

#include "hab_csv.h"

struct arena;
struct db;

/* Returns the number of rows written, or -1: then every reason was printed
 * on err ("Ligne N : ...") and the transaction rolled back. today is the
 * "YYYY-MM-DD" used for the services' opening when absent; now the clock. */
long hab_import(struct db *db, struct arena *a, const struct hab_csv_result *r,
		const char *today, long long now, FILE *err);

#endif
