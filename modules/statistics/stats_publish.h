/* Publishing a fiscal year's departmental and national averages and
 * medians (reference_average), from the validated actual declarations.
 * Used by the Caf administrator's button (POST /statistiques/publier) and
 * by portal-admin / portalctl `stats publish --year N`, so it takes only
 * core types. Link modules/statistics/stats_publish.c, stats_calc.c and
 * stats_sql.c; open the database as the statistics user
 * (db_open(cfg, "statistics")), which holds the grants. */
#ifndef STATS_PUBLISH_H
#define STATS_PUBLISH_H

#include <stddef.h>
#include <time.h>

struct db;

struct stats_publish_report {
	size_t declarations;	/* validated actual declarations read */
	size_t rows;		/* reference_average rows written */
	size_t published;	/* of which with a mean (enough facilities) */
};

/* Replaces every reference_average row of `year` in one transaction
 * (idempotent: publishing twice gives the same rows, with the new date),
 * records the publication (stats_publication) and an audit event.
 * account_id: the Caf administrator, 0 for the command line. report may be
 * NULL. Returns 0, or an enum db_status (DB_CONFLICT after one retry). */
int stats_publish_by(struct db *db, int year, time_t now, long long account_id,
		     struct stats_publish_report *report);
/* The command line's entry point: stats_publish_by(db, year, now, 0, NULL). */
int stats_publish(struct db *db, int year, time_t now);

/* Fiscal years a publication accepts. */
#define STATS_YEAR_MIN 2000
#define STATS_YEAR_MAX 2100

#endif
