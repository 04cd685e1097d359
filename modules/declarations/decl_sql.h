/* Every SQL statement of the declarations module (decl_sql.c), so that all
 * queries can be audited in one place. */
#ifndef DECL_SQL_H
#define DECL_SQL_H

extern const char SQL_FACILITY[];
extern const char SQL_DECLARATION[];
/* The declaration's DECL_COL_COUNT columns, the facility's as in
 * SQL_FACILITY (FACILITY_COL_COUNT), then its values (VALUES_OF), then
 * the previous year's validated actual (PREV_VALIDATED_OF), then its
 * stored controls (CONTROLS_OF), then SESSION_CONFIRM_COLUMNS.
 * Parameters: account, today, today (FACILITY_COLS), session, id. */
extern const char SQL_DECLARATION_FACILITY[];
#define DECL_COL_COUNT 22
extern const char SQL_DECLARATION_LOCK[];
extern const char SQL_CORRECTED_REJECTION[];
/* FACILITY_COL_COUNT columns as SQL_FACILITY, then the declaration's. */
extern const char SQL_FACILITY_DECLARATIONS[];
#define FACILITY_COL_COUNT 18
/* SQL_DECLARATION_FACILITY's columns after the declaration's and the facility's. */
#define DECL_COL_VALUES (DECL_COL_COUNT + FACILITY_COL_COUNT)
#define DECL_COL_PREV (DECL_COL_VALUES + 1)
#define DECL_COL_CONTROLS (DECL_COL_VALUES + 2)
#define DECL_COL_SESSION (DECL_COL_VALUES + 3)
/* SQL_FACILITY_DECLARATIONS's SESSION_CONFIRM_COLUMNS. Parameters:
 * account, today, today, session, facility. */
#define FACILITY_DECL_COL_SESSION (FACILITY_COL_COUNT + 10)
extern const char SQL_USER_FACILITIES[];
extern const char SQL_CAF_FACILITIES[];
extern const char SQL_USER_DECLARATIONS[];
extern const char SQL_FIELDS[];
extern const char SQL_VALUES[];
extern const char SQL_VALUE_UPSERT[];
extern const char SQL_VALUE_DELETE[];
extern const char SQL_BUMP_ACTIVITY[];
extern const char SQL_BUMP_FINANCIAL[];
extern const char SQL_CONTROLS[];
extern const char SQL_CONTROL_UPSERT[];
extern const char SQL_CONTROL_DELETE[];
extern const char SQL_EXPLANATIONS_ALL[];
extern const char SQL_SET_ACTIVITY_CONTROLLED[];
extern const char SQL_SET_FINANCIAL_CONTROLLED[];
extern const char SQL_SET_GLOBAL_CONTROLLED[];
extern const char SQL_SET_ACTIVITY_DONE[];
extern const char SQL_SET_FINANCIAL_DONE[];
extern const char SQL_TRANSMIT[];
/* id, final amount, then its values (VALUES_OF). */
extern const char SQL_PREV_VALIDATED[];
/* id, then its values (VALUES_OF). */
extern const char SQL_FORECAST_OF_YEAR[];
extern const char SQL_SCALE[];
extern const char SQL_FACILITY_YEAR[];
extern const char SQL_CAMPAIGN_INSERT[];
extern const char SQL_DECLARATION_INSERT[];
extern const char SQL_APPROVERS[];
extern const char SQL_CAMPAIGNS_OF_CAF[];
extern const char SQL_INSTRUCTION_LIST[];
extern const char SQL_VALIDATE[];
extern const char SQL_REJECT[];
extern const char SQL_CORRECTION_INSERT[];
extern const char SQL_CORRECTION_COPY_VALUES[];
extern const char SQL_LATEST_VERSION[];
extern const char SQL_SEARCH_DECLARATIONS[];
extern const char SQL_SEARCH_FACILITIES[];
extern const char SQL_SCALE_LIST[];
extern const char SQL_SCALE_UPDATE[];

#endif
