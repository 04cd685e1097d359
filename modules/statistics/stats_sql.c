/* The statistics module's SQL, every statement in one place.
 *
 * "Counts for statistics" means: an actual declaration in state validated,
 * the newest validated version of its (facility, year) when a correction
 * was validated again. "Active habilitation" is the declarations module's
 * rule: started, not ended (closing dates exclusive), and for an approver
 * validated by the Caf. Today comes from the C clock, never SQL NOW(). */
#include "stats_sql.h"

#include "session.h"

#define ACTIVE_HAB(h) \
	h ".starts_on <= ? AND (" h ".ends_on IS NULL OR " h ".ends_on > ?) " \
	"AND (" h ".role <> 'approver' OR " h ".validation = 'validated')"

#define VALIDATED_ACTUAL(d) \
	d ".type = 'actual' AND " d ".state = 'validated' AND NOT EXISTS (SELECT 1 FROM declaration dn " \
	"WHERE dn.facility_id = " d ".facility_id AND dn.fiscal_year = " d ".fiscal_year " \
	"AND dn.type = 'actual' AND dn.state = 'validated' AND dn.version > " d ".version)"

/* One column per enum stats_field, in its order. */
#define P(code) "MAX(CASE WHEN v.field_code = '" code "' THEN v.value_scaled END)"
#define PIVOT_COLUMNS \
	P("places") ", " P("opening_days") ", " P("opening_hours_per_day") ", " \
	P("hours_performed") ", " P("hours_invoiced") ", " P("children_registered") ", " \
	P("total_charges") ", " P("ch_staff") ", " P("total_products") ", " P("pr_family") ", " \
	P("pr_ps_caf") ", " P("pr_municipality") ", " P("pr_department") ", " P("etp_worked") ", " \
	P("months_open") ", " P("months_presence") ", " P("activity_places") ", " \
	P("hours_children_total") ", " P("hours_children_holidays")
#define PIVOT_CODES \
	"('places', 'opening_days', 'opening_hours_per_day', 'hours_performed', 'hours_invoiced', " \
	"'children_registered', 'total_charges', 'ch_staff', 'total_products', 'pr_family', " \
	"'pr_ps_caf', 'pr_municipality', 'pr_department', 'etp_worked', 'months_open', " \
	"'months_presence', 'activity_places', 'hours_children_total', 'hours_children_holidays')"

/* Publication: kind, department, then the pivot, ordered so each
 * (kind, department) group is contiguous. */
const char SQL_STATS_PUBLISH_ROWS[] =
	"SELECT f.kind, f.department, " PIVOT_COLUMNS " "
	"FROM declaration d JOIN facility f ON f.id = d.facility_id "
	"JOIN declaration_value v ON v.declaration_id = d.id AND v.field_code IN " PIVOT_CODES " "
	"WHERE d.fiscal_year = ? AND " VALIDATED_ACTUAL("d") " "
	"GROUP BY d.id, f.kind, f.department ORDER BY f.kind, f.department";

const char SQL_STATS_PUBLISH_DELETE[] = "DELETE FROM reference_average WHERE fiscal_year = ?";

#define PUBLISH_INSERT \
	"INSERT INTO reference_average (fiscal_year, kind, scope, department, indicator, " \
	"mean_scaled, median_scaled, decimals, facility_count, published_at) VALUES "
#define ROW1 "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
#define ROW5 ROW1 ", " ROW1 ", " ROW1 ", " ROW1 ", " ROW1
#define ROW25 ROW5 ", " ROW5 ", " ROW5 ", " ROW5 ", " ROW5
const char SQL_STATS_PUBLISH_INSERT[] = PUBLISH_INSERT ROW1;
/* STATS_PUBLISH_BATCH rows per statement: a national publication writes
 * ~3,500 rows, one round trip each would be most of its time. */
const char SQL_STATS_PUBLISH_INSERT_BATCH[] = PUBLISH_INSERT ROW25 ", " ROW25;

const char SQL_STATS_PUBLISH_MARK[] =
	"INSERT INTO stats_publication (fiscal_year, published_at, published_by, declaration_count) "
	"VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE revision = revision + 1, "
	"published_at = VALUES(published_at), "
	"published_by = VALUES(published_by), declaration_count = VALUES(declaration_count)";

const char SQL_STATS_PUBLICATIONS[] =
	"SELECT fiscal_year, published_at, declaration_count FROM stats_publication "
	"ORDER BY fiscal_year DESC";

/* The newest year below ? with validated actual declarations anywhere: one
 * index dive on (type, state, fiscal_year); called down the years to list
 * them (a DISTINCT would read the whole index). */
const char SQL_STATS_ACTUAL_YEAR_BELOW[] =
	"SELECT MAX(fiscal_year) FROM declaration WHERE type = 'actual' AND state = 'validated' "
	"AND fiscal_year < ?";

/* The facility, only when the caller may see it (the rule of
 * stats_access.c, decided here on the server: no row otherwise), with the
 * years the page offers, each list newest first, or NULL: the facility's
 * validated actual declarations "year:id", the newest version of a year
 * first ("2024:81,2024:64,2023:40"), and the publications
 * "year:revision:published_at" ("2024:3:1764700000"); what the kept part
 * of the page is kept under (stats_page.c): each list a few kB at most
 * (a century of years), far under group_concat_max_len
 * (conf/mariadb-portail.cnf). One statement per kind of caller, so each
 * is driven by the facility's primary key. */
#define FACILITY_COLUMNS \
	"SELECT f.id, f.code, f.kind, f.name, f.postal_code, f.city, f.department, f.caf_id, " \
	"p.name, f.care_type, f.nature, " \
	"(SELECT GROUP_CONCAT(d.fiscal_year, ':', d.id ORDER BY d.fiscal_year DESC, d.version DESC) " \
	" FROM declaration d WHERE d.facility_id = f.id AND d.type = 'actual' " \
	" AND d.state = 'validated'), " \
	"(SELECT GROUP_CONCAT(sp.fiscal_year, ':', sp.revision, ':', sp.published_at " \
	" ORDER BY sp.fiscal_year DESC) FROM stats_publication sp), " \
	/* what confirms the caller's session (ACCESS_CHECK_IN_PAGE) */ \
	SESSION_CONFIRM_COLUMNS " " \
	"FROM facility f JOIN partner p ON p.id = f.partner_id WHERE f.id = ? "

/* A partner user: an active habilitation of his on the facility.
 * Parameters: session, facility, account, today, today. */
const char SQL_STATS_FACILITY_PARTNER[] =
	FACILITY_COLUMNS "AND EXISTS (SELECT 1 FROM habilitation h WHERE h.account_id = ? "
	"AND h.facility_id = f.id AND " ACTIVE_HAB("h") ")";

/* A Caf agent: a facility of his Caf. Parameters: session, facility, caf. */
const char SQL_STATS_FACILITY_CAF[] = FACILITY_COLUMNS "AND f.caf_id = ?";

/* Everything the statistics table of a facility and year reads, in one
 * statement (one round trip), each row tagged by its first column:
 *   'value', field code, value            the facility's validated actual
 *                                          declaration (the newest validated
 *                                          version), one row per field
 *   'state', state                        the newest actual declaration of
 *                                          the year whatever its state, to
 *                                          say why it does not count yet
 *   'average', scope, indicator, mean, median, facility count
 *                                          published figures of the year and
 *                                          kind: the nation and the
 *                                          facility's department (two ranges
 *                                          of the unique key)
 *   'published', NULL, published_at       the year's publication
 * Parameters: facility, year (values), facility, year (state), year, kind,
 * department (averages), year (publication). */
const char SQL_STATS_TABLE[] =
	"SELECT 'value', v.field_code, v.value_scaled, NULL, NULL, NULL FROM declaration d "
	"JOIN declaration_value v ON v.declaration_id = d.id AND v.field_code IN " PIVOT_CODES " "
	"WHERE d.facility_id = ? AND d.fiscal_year = ? AND " VALIDATED_ACTUAL("d") " "
	"UNION ALL (SELECT 'state', state, NULL, NULL, NULL, NULL FROM declaration "
	"WHERE facility_id = ? AND fiscal_year = ? AND type = 'actual' ORDER BY version DESC LIMIT 1) "
	"UNION ALL SELECT 'average', scope, indicator, mean_scaled, median_scaled, facility_count "
	"FROM reference_average WHERE fiscal_year = ? AND kind = ? "
	"AND ((scope = 'national' AND department_key = '') "
	"OR (scope = 'department' AND department_key = ?)) "
	"UNION ALL SELECT 'published', NULL, published_at, NULL, NULL, NULL FROM stats_publication "
	"WHERE fiscal_year = ?";

/* Search (fiche 12): name, city, fiscal year. With a year, only the
 * facilities with a validated actual declaration that year, each with
 * whether a mean exists for it (national or its department). Two
 * statements so each is driven by its index: a partner user's
 * habilitations, a Caf agent's Caf. Parameters: year x3, then the scope
 * (account, today, today | caf id), then name x2, city x2, year x2. */
#define SEARCH_COLUMNS \
	"SELECT f.id, f.name, f.kind, f.postal_code, f.city, f.department, p.name, " \
	"(? IS NOT NULL AND (EXISTS (SELECT 1 FROM reference_average r WHERE r.fiscal_year = ? " \
	" AND r.kind = f.kind AND r.scope = 'national' AND r.department_key = '' " \
	" AND r.mean_scaled IS NOT NULL) OR EXISTS (SELECT 1 FROM reference_average r " \
	" WHERE r.fiscal_year = ? AND r.kind = f.kind AND r.scope = 'department' " \
	" AND r.department_key = f.department AND r.mean_scaled IS NOT NULL))) " \
	"FROM facility f JOIN partner p ON p.id = f.partner_id "
#define SEARCH_FILTERS \
	"AND (? IS NULL OR f.name LIKE ?) AND (? IS NULL OR f.city LIKE ?) " \
	"AND (? IS NULL OR EXISTS (SELECT 1 FROM declaration d WHERE d.facility_id = f.id " \
	" AND d.fiscal_year = ? AND d.type = 'actual' AND d.state = 'validated')) " \
	"ORDER BY f.name, f.id LIMIT 201"

const char SQL_STATS_SEARCH_PARTNER[] =
	SEARCH_COLUMNS
	"WHERE f.id IN (SELECT h.facility_id FROM habilitation h WHERE h.account_id = ? AND "
	ACTIVE_HAB("h") ") " SEARCH_FILTERS;

const char SQL_STATS_SEARCH_CAF[] = SEARCH_COLUMNS "WHERE f.caf_id = ? " SEARCH_FILTERS;
