/* The statistics module's SQL (stats_sql.c): static strings, so the
 * prepared-statement cache keys on their address. */
#ifndef STATS_SQL_H
#define STATS_SQL_H

extern const char SQL_STATS_PUBLISH_ROWS[];
extern const char SQL_STATS_PUBLISH_DELETE[];
extern const char SQL_STATS_PUBLISH_INSERT[];
#define STATS_PUBLISH_BATCH 50
#define STATS_PUBLISH_COLUMNS 10
extern const char SQL_STATS_PUBLISH_INSERT_BATCH[];
extern const char SQL_STATS_PUBLISH_MARK[];
extern const char SQL_STATS_PUBLICATIONS[];
extern const char SQL_STATS_ACTUAL_YEAR_BELOW[];
extern const char SQL_STATS_FACILITY_PARTNER[];
extern const char SQL_STATS_FACILITY_CAF[];
/* Their SESSION_CONFIRM_COLUMNS. */
#define STATS_FACILITY_COL_SESSION 13
extern const char SQL_STATS_TABLE[];
extern const char SQL_STATS_SEARCH_PARTNER[];
extern const char SQL_STATS_SEARCH_CAF[];

#endif
