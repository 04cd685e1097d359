/* The declarations module's SQL. "Active habilitation" everywhere means:
 * starts_on <= today, ends_on NULL or after today (closing dates are
 * exclusive), and for an approver the Caf's validation. Today comes from
 * the C clock (ctx_today), never from SQL NOW(). */
#include "decl_sql.h"

#include "session.h"

#define ACTIVE_HAB(h) \
	h ".starts_on <= ? AND (" h ".ends_on IS NULL OR " h ".ends_on > ?) " \
	"AND (" h ".role <> 'approver' OR " h ".validation = 'validated')"

/* Only the newest version of each (facility, year, type). */
#define LATEST(d) \
	"NOT EXISTS (SELECT 1 FROM declaration dn WHERE dn.facility_id = " d ".facility_id " \
	"AND dn.fiscal_year = " d ".fiscal_year AND dn.type = " d ".type AND dn.version > " d ".version)"

/* A facility and the caller's active roles on it (NULL: none). */
#define FACILITY_COLS \
	"f.id, f.code, f.kind, f.name, f.address, f.postal_code, f.city, f.caf_id, " \
	"f.partner_id, p.name, f.caf_referent_name, f.caf_referent_email, f.caf_referent_phone, " \
	"c.name, c.contact_email, c.contact_phone, f.places, " \
	/* the caller's roles on it, in the same round trip (every page asks) */ \
	"(SELECT GROUP_CONCAT(DISTINCT h.role) FROM habilitation h " \
	" WHERE h.account_id = ? AND h.facility_id = f.id AND " ACTIVE_HAB("h") ")"
#define FACILITY_JOINS "JOIN partner p ON p.id = f.partner_id JOIN caf c ON c.id = f.caf_id "

const char SQL_FACILITY[] =
	"SELECT " FACILITY_COLS " FROM facility f " FACILITY_JOINS "WHERE f.id = ?";

/* A declaration's values in one column, "N;T;code=value,...": its N
 * numbers listed, and how many texts it has (T, read apart when there are
 * any). A list cut by group_concat_max_len holds fewer than N pairs and is
 * refused, then read apart (decl_value_list.c). One subquery: MariaDB
 * optimises each one again whenever the query cache cannot answer. */
#define VALUES_OF(d) \
	"(SELECT CONCAT(COUNT(v.value_scaled), ';', " \
	" COUNT(IF(v.value_scaled IS NULL, v.value_text, NULL)), ';', " \
	" IFNULL(GROUP_CONCAT(v.field_code, '=', v.value_scaled SEPARATOR ','), '')) " \
	" FROM declaration_value v WHERE v.declaration_id = " d ".id)"

/* The previous fiscal year's validated actual of d's facility, as
 * "ID;AMOUNT;" then its VALUES_OF column (AMOUNT empty when it has no final
 * amount), or NULL: the controls compare with it, and read with the
 * declaration it costs no round trip (decl_prev_column_parse). */
#define PREV_VALIDATED_OF(d) \
	"(SELECT CONCAT(py.id, ';', IFNULL(py.final_amount_cents, ''), ';', " VALUES_OF("py") ") " \
	" FROM declaration py WHERE py.facility_id = " d ".facility_id " \
	" AND py.fiscal_year = " d ".fiscal_year - 1 AND py.type = 'actual' " \
	" AND py.state = 'validated' ORDER BY py.version DESC LIMIT 1)"

/* d's stored controls, every section, as "N;section:code=HEX,...": N of
 * them listed, each explanation's bytes in hexadecimal (free text: no
 * separator can occur in it), "section:code" alone for a control not
 * explained. A list cut by group_concat_max_len holds fewer than N and is
 * refused, then read apart (decl_controls_parse). */
#define CONTROLS_OF(d) \
	"(SELECT CONCAT(COUNT(*), ';', IFNULL(GROUP_CONCAT(cr.section, ':', cr.code, " \
	" IFNULL(CONCAT('=', HEX(cr.explanation)), '') ORDER BY cr.id SEPARATOR ','), '')) " \
	" FROM control_result cr WHERE cr.declaration_id = " d ".id)"

#define DECL_COLS \
	"d.id, d.facility_id, d.fiscal_year, d.type, d.version, d.state, d.row_version, " \
	"d.activity_done, d.financial_done, d.activity_controlled, d.financial_controlled, " \
	"d.global_controlled, d.estimate_cents, d.final_amount_cents, d.comment, d.reject_reason, " \
	"d.correction_delegated, d.transmitted_at, d.transmitted_digest, d.validated_at, d.rejected_at, " \
	"(SELECT COUNT(*) FROM declaration dn WHERE dn.facility_id = d.facility_id " \
	"AND dn.fiscal_year = d.fiscal_year AND dn.type = d.type AND dn.version > d.version)"

const char SQL_DECLARATION[] = "SELECT " DECL_COLS " FROM declaration d WHERE d.id = ?";
/* A declaration page's first read: the declaration, its facility and the
 * caller's roles on it, one round trip (not for FOR UPDATE: it would lock
 * the facility's rows too). */
const char SQL_DECLARATION_FACILITY[] =
	"SELECT " DECL_COLS ", " FACILITY_COLS ", "
	/* and its values, the previous year's, its stored controls */
	VALUES_OF("d") ", " PREV_VALIDATED_OF("d") ", " CONTROLS_OF("d") ", "
	/* and what confirms the caller's session (ACCESS_CHECK_IN_PAGE) */
	SESSION_CONFIRM_COLUMNS " "
	"FROM declaration d"
	" JOIN facility f ON f.id = d.facility_id " FACILITY_JOINS "WHERE d.id = ?";
const char SQL_DECLARATION_LOCK[] =
	"SELECT " DECL_COLS " FROM declaration d WHERE d.id = ? FOR UPDATE";
/* The rejected version a correction corrects: facility, year, type, version. */
const char SQL_CORRECTED_REJECTION[] =
	"SELECT reject_reason, rejected_at FROM declaration WHERE facility_id = ? "
	"AND fiscal_year = ? AND type = ? AND version = ? AND state = 'rejected'";

/* The facility page in one round trip: the facility and the caller's roles
 * (FACILITY_COLS) on every row, then the newest version of each of its
 * declarations, or NULLs on a single row when it has none. */
const char SQL_FACILITY_DECLARATIONS[] =
	"SELECT " FACILITY_COLS ", "
	"d.id, d.fiscal_year, d.type, d.version, d.state, d.activity_done, d.financial_done, "
	"d.correction_delegated, cp.due_on, "
	"(SELECT COUNT(*) FROM declaration_value v JOIN form_field ff ON ff.code = v.field_code "
	" AND ff.kind = f.kind AND ff.declaration_type = d.type AND ff.section = 'activity' "
	" WHERE v.declaration_id = d.id), " SESSION_CONFIRM_COLUMNS " "
	"FROM facility f " FACILITY_JOINS
	"LEFT JOIN declaration d ON d.facility_id = f.id AND " LATEST("d") " "
	"LEFT JOIN campaign cp ON cp.id = d.campaign_id "
	"WHERE f.id = ? "
	"ORDER BY d.fiscal_year DESC, FIELD(d.type, 'actual', 'update', 'forecast')";

/* The user's facilities and roles on them (one row per facility). */
const char SQL_USER_FACILITIES[] =
	"SELECT f.id, f.name, f.kind, f.postal_code, f.city, GROUP_CONCAT(DISTINCT h.role) "
	"FROM habilitation h JOIN facility f ON f.id = h.facility_id "
	"WHERE h.account_id = ? AND " ACTIVE_HAB("h") " "
	"GROUP BY f.id, f.name, f.kind, f.postal_code, f.city ORDER BY f.name";

const char SQL_CAF_FACILITIES[] =
	"SELECT f.id, f.name, f.kind, f.postal_code, f.city, '' "
	"FROM facility f WHERE f.caf_id = ? AND (f.closed_on IS NULL OR f.closed_on > ?) "
	"ORDER BY f.kind, f.name";

/* Latest declarations of the user's facilities, with the user's roles. */
const char SQL_USER_DECLARATIONS[] =
	"SELECT d.id, d.facility_id, f.kind, d.type, d.state, d.activity_done, d.financial_done, "
	"d.version, d.correction_delegated, r.roles "
	"FROM (SELECT h.facility_id, GROUP_CONCAT(DISTINCT h.role) AS roles FROM habilitation h "
	"      WHERE h.account_id = ? AND " ACTIVE_HAB("h") " GROUP BY h.facility_id) r "
	"JOIN facility f ON f.id = r.facility_id "
	"JOIN declaration d ON d.facility_id = f.id AND " LATEST("d");

const char SQL_FIELDS[] =
	"SELECT code, section, heading, label, help, unit, min_scaled, max_scaled, decimals, "
	"required, essential, computed, ledger_column "
	"FROM form_field WHERE kind = ? AND declaration_type = ? ORDER BY section, sort_order";

const char SQL_VALUES[] =
	"SELECT field_code, value_scaled, value_text FROM declaration_value WHERE declaration_id = ?";

const char SQL_VALUE_UPSERT[] =
	"INSERT INTO declaration_value (declaration_id, field_code, value_scaled, value_text, "
	"updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?) "
	"ON DUPLICATE KEY UPDATE value_scaled = VALUES(value_scaled), value_text = VALUES(value_text), "
	"updated_by = VALUES(updated_by), updated_at = VALUES(updated_at)";

const char SQL_VALUE_DELETE[] =
	"DELETE FROM declaration_value WHERE declaration_id = ? AND field_code = ?";

/* Optimistic lock: 0 rows when someone saved in between. A change of data
 * invalidates that section's control and the global control. */
const char SQL_BUMP_ACTIVITY[] =
	"UPDATE declaration SET row_version = row_version + 1, "
	"state = IF(state = 'to_enter', 'in_progress', state), activity_controlled = 0, "
	"global_controlled = 0, updated_at = ?, updated_by = ? "
	"WHERE id = ? AND row_version = ? AND state IN ('to_enter', 'in_progress')";
const char SQL_BUMP_FINANCIAL[] =
	"UPDATE declaration SET row_version = row_version + 1, "
	"state = IF(state = 'to_enter', 'in_progress', state), financial_controlled = 0, "
	"global_controlled = 0, updated_at = ?, updated_by = ? "
	"WHERE id = ? AND row_version = ? AND state IN ('to_enter', 'in_progress')";

const char SQL_CONTROLS[] =
	"SELECT code, severity, message, required_action, explanation FROM control_result "
	"WHERE declaration_id = ? AND section = ? ORDER BY id";
const char SQL_CONTROL_UPSERT[] =
	"INSERT INTO control_result (declaration_id, section, code, severity, message, "
	"required_action, explanation, explained_by, explained_at, computed_at) "
	"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
	"ON DUPLICATE KEY UPDATE severity = VALUES(severity), message = VALUES(message), "
	"required_action = VALUES(required_action), explanation = VALUES(explanation), "
	"explained_by = VALUES(explained_by), explained_at = VALUES(explained_at), "
	"computed_at = VALUES(computed_at)";
const char SQL_CONTROL_DELETE[] =
	"DELETE FROM control_result WHERE declaration_id = ? AND section = ? AND code = ?";

const char SQL_EXPLANATIONS_ALL[] =
	"SELECT section, code, explanation FROM control_result WHERE declaration_id = ? "
	"AND explanation IS NOT NULL";

/* Passing a control step; done is set too when the user is the approver
 * (no "fin de saisie" to tick for him, fiche 7). */
const char SQL_SET_ACTIVITY_CONTROLLED[] =
	"UPDATE declaration SET activity_controlled = 1, row_version = row_version + 1, "
	"activity_done = IF(? = 1, 1, activity_done), "
	"activity_done_by = IF(? = 1, ?, activity_done_by), "
	"activity_done_at = IF(? = 1, ?, activity_done_at) WHERE id = ? AND row_version = ?";
const char SQL_SET_FINANCIAL_CONTROLLED[] =
	"UPDATE declaration SET financial_controlled = 1, row_version = row_version + 1, "
	"financial_done = IF(? = 1, 1, financial_done), "
	"financial_done_by = IF(? = 1, ?, financial_done_by), "
	"financial_done_at = IF(? = 1, ?, financial_done_at) WHERE id = ? AND row_version = ?";
const char SQL_SET_GLOBAL_CONTROLLED[] =
	"UPDATE declaration SET global_controlled = 1, estimate_cents = ?, "
	"row_version = row_version + 1 WHERE id = ? AND row_version = ?";

/* Tick (1) or untick (0) "fin de saisie"; unticking also un-validates the
 * global control. */
const char SQL_SET_ACTIVITY_DONE[] =
	"UPDATE declaration SET activity_done = ?, activity_done_by = ?, activity_done_at = ?, "
	"global_controlled = 0, row_version = row_version + 1 WHERE id = ? AND row_version = ?";
const char SQL_SET_FINANCIAL_DONE[] =
	"UPDATE declaration SET financial_done = ?, financial_done_by = ?, financial_done_at = ?, "
	"global_controlled = 0, row_version = row_version + 1 WHERE id = ? AND row_version = ?";

const char SQL_TRANSMIT[] =
	"UPDATE declaration SET state = 'transmitted', transmitted_at = ?, transmitted_by = ?, "
	"transmitted_digest = ?, comment = ?, estimate_cents = ?, row_version = row_version + 1 "
	"WHERE id = ? AND row_version = ? AND state IN ('to_enter', 'in_progress')";

const char SQL_PREV_VALIDATED[] =
	"SELECT d.id, d.final_amount_cents, " VALUES_OF("d") " FROM declaration d "
	"WHERE d.facility_id = ? AND d.fiscal_year = ? "
	"AND d.type = 'actual' AND d.state = 'validated' ORDER BY d.version DESC LIMIT 1";

const char SQL_FORECAST_OF_YEAR[] =
	"SELECT d.id, " VALUES_OF("d") " FROM declaration d "
	"WHERE d.facility_id = ? AND d.fiscal_year = ? AND d.type = 'forecast' "
	"AND d.state IN ('transmitted', 'validated') ORDER BY d.version DESC LIMIT 1";

/* The year's scale, or the latest one before it while the Cnaf has not
   published the year's figures. */
const char SQL_SCALE[] =
	"SELECT code, value_scaled, decimals, fiscal_year FROM scale WHERE kind = ? AND fiscal_year = "
	"(SELECT MAX(fiscal_year) FROM scale WHERE kind = ? AND fiscal_year <= ?)";

const char SQL_FACILITY_YEAR[] =
	"SELECT general_scheme_rate, places, validated_etp FROM facility_year "
	"WHERE facility_id = ? AND fiscal_year = ?";

const char SQL_CAMPAIGN_INSERT[] =
	"INSERT INTO campaign (caf_id, fiscal_year, type, facility_kind, due_on, opened_by, created_at) "
	"VALUES (?, ?, ?, ?, ?, ?, ?)";
const char SQL_DECLARATION_INSERT[] =
	"INSERT INTO declaration (facility_id, fiscal_year, type, version, campaign_id, state, "
	"created_at) VALUES (?, ?, ?, 1, ?, 'to_enter', ?)";

/* The rule of the habilitations issue: the facility's active, validated approver. */
const char SQL_APPROVERS[] =
	"SELECT a.email, a.first_name, a.last_name FROM habilitation h "
	"JOIN account a ON a.id = h.account_id "
	"WHERE h.facility_id = ? AND h.role = 'approver' AND " ACTIVE_HAB("h") " "
	"AND (a.closed_on IS NULL OR a.closed_on > ?)";

const char SQL_CAMPAIGNS_OF_CAF[] =
	"SELECT c.id, c.fiscal_year, c.type, c.facility_kind, c.due_on, "
	"(SELECT COUNT(*) FROM declaration d WHERE d.campaign_id = c.id) "
	"FROM campaign c WHERE c.caf_id = ? ORDER BY c.created_at DESC LIMIT 50";

const char SQL_INSTRUCTION_LIST[] =
	"SELECT d.id, d.fiscal_year, d.type, d.version, f.name, f.code, d.transmitted_at, "
	"d.estimate_cents FROM declaration d JOIN facility f ON f.id = d.facility_id "
	"WHERE f.caf_id = ? AND d.state = 'transmitted' ORDER BY d.transmitted_at, d.id";

const char SQL_VALIDATE[] =
	"UPDATE declaration SET state = 'validated', final_amount_cents = ?, validated_at = ?, "
	"validated_by = ?, row_version = row_version + 1 WHERE id = ? AND state = 'transmitted'";
const char SQL_REJECT[] =
	"UPDATE declaration SET state = 'rejected', reject_reason = ?, rejected_at = ?, "
	"rejected_by = ?, row_version = row_version + 1 WHERE id = ? AND state = 'transmitted'";

/* A corrected version (version + 1) starts "Saisie en cours" with the
 * rejected version's values; the unique key refuses a second correction. */
const char SQL_CORRECTION_INSERT[] =
	"INSERT INTO declaration (facility_id, fiscal_year, type, version, campaign_id, state, "
	"created_at, correction_delegated) SELECT facility_id, fiscal_year, type, version + 1, "
	"campaign_id, 'in_progress', ?, ? FROM declaration WHERE id = ? AND state = 'rejected'";
const char SQL_CORRECTION_COPY_VALUES[] =
	"INSERT INTO declaration_value (declaration_id, field_code, value_scaled, value_text, "
	"updated_by, updated_at) SELECT ?, field_code, value_scaled, value_text, updated_by, ? "
	"FROM declaration_value WHERE declaration_id = ?";
const char SQL_LATEST_VERSION[] =
	"SELECT d2.id FROM declaration d JOIN declaration d2 ON d2.facility_id = d.facility_id "
	"AND d2.fiscal_year = d.fiscal_year AND d2.type = d.type WHERE d.id = ? "
	"ORDER BY d2.version DESC LIMIT 1";

/* Fiche 11. Reach: an active habilitation on the facility, or (Caf agent)
 * the facility's Caf. Criteria are optional (NULL = any). */
#define REACH(f) \
	"(EXISTS (SELECT 1 FROM habilitation h WHERE h.facility_id = " f ".id AND h.account_id = ? " \
	"AND " ACTIVE_HAB("h") ") OR " f ".caf_id = ?)"

const char SQL_SEARCH_DECLARATIONS[] =
	"SELECT d.id, d.fiscal_year, d.type, d.state, f.name, d.version, f.id "
	"FROM declaration d JOIN facility f ON f.id = d.facility_id "
	"WHERE " REACH("f") " AND " LATEST("d") " "
	"AND (? IS NULL OR d.fiscal_year = ?) AND (? IS NULL OR f.name LIKE ?) "
	"AND (? IS NULL OR d.state = ?) AND (? IS NULL OR d.type = ?) "
	"ORDER BY d.fiscal_year DESC, f.name, d.type LIMIT 200";

const char SQL_SEARCH_FACILITIES[] =
	"SELECT f.id, f.name, f.postal_code, f.city, "
	"(SELECT COUNT(*) FROM declaration d WHERE d.facility_id = f.id AND " LATEST("d") " "
	" AND d.state IN ('to_enter', 'in_progress', 'rejected')) "
	"FROM facility f WHERE " REACH("f") " "
	"AND (? IS NULL OR f.name LIKE ?) AND (? IS NULL OR f.city LIKE ?) "
	"ORDER BY f.name LIMIT 200";

const char SQL_SCALE_LIST[] =
	"SELECT id, code, value_scaled, decimals, label, provenance, source FROM scale "
	"WHERE fiscal_year = ? AND kind = ? ORDER BY code";
const char SQL_SCALE_UPDATE[] =
	"UPDATE scale SET value_scaled = ?, provenance = ?, updated_by = ?, updated_at = ? "
	"WHERE id = ? AND fiscal_year = ? AND kind = ?";
