/* Every SQL statement of the habilitations module, in one place.
 * "Open" for a dated row means: (closed_on/ends_on IS NULL OR > today);
 * closing dates are exclusive (see sql/002_domain.sql). */
#include "hab_sql.h"

/* ---------------------------------------------------------------- caller and scope */
const char SQL_GRANTS_OF[] =
	"SELECT ag.id, ag.kind, ag.partner_id FROM admin_grant ag WHERE ag.account_id = ? "
	"AND ag.opened_on <= ? AND (ag.closed_on IS NULL OR ag.closed_on > ?) ORDER BY ag.id";
const char SQL_MANAGER_FACILITIES[] =
	"SELECT DISTINCT agf.facility_id FROM admin_grant_facility agf "
	"JOIN admin_grant ag ON ag.id = agf.admin_grant_id "
	"WHERE ag.account_id = ? AND ag.partner_id = ? AND ag.kind = 'habilitation_manager' "
	"AND ag.opened_on <= ? AND (ag.closed_on IS NULL OR ag.closed_on > ?)";
const char SQL_CONVENTION[] =
	"SELECT c.id, c.caf_id, c.partner_id, c.label, c.opened_on, c.closed_on, c.status, "
	"c.validated_on, p.name, caf.name, pt.label FROM convention c "
	"JOIN partner p ON p.id = c.partner_id JOIN caf ON caf.id = c.caf_id "
	"JOIN partner_type pt ON pt.id = p.type_id WHERE c.id = ?";
const char SQL_ACCOUNT[] =
	"SELECT a.id, a.login, a.email, a.last_name, a.first_name, a.phone, a.mobility, a.kind, "
	"a.partner_id, a.opened_on, a.closed_on, p.caf_id FROM account a "
	"LEFT JOIN partner p ON p.id = a.partner_id WHERE a.id = ?";
const char SQL_OPEN_FACILITIES_OF_ACCOUNT[] =
	"SELECT DISTINCT h.facility_id FROM habilitation h WHERE h.account_id = ? "
	"AND h.validation <> 'refused' AND (h.ends_on IS NULL OR h.ends_on > ?)";
const char SQL_FACILITY[] =
	"SELECT f.id, f.partner_id, f.caf_id, f.convention_id, f.kind, f.nature, f.name, f.code "
	"FROM facility f WHERE f.id = ?";
const char SQL_FACILITY_LOCK[] =
	"SELECT f.id, f.partner_id, f.caf_id, f.name FROM facility f WHERE f.id = ? FOR UPDATE";
const char SQL_SITE[] = "SELECT s.id, s.facility_id FROM site s WHERE s.id = ?";
const char SQL_PARTNER[] = "SELECT p.id, p.name, p.caf_id FROM partner p WHERE p.id = ?";
const char SQL_PARTNER_CAF[] =
	"SELECT caf.id, caf.department FROM partner p JOIN caf ON caf.id = p.caf_id WHERE p.id = ?";
const char SQL_CAF[] = "SELECT caf.id, caf.department FROM caf WHERE caf.id = ?";

/* ---------------------------------------------------------------- conventions */
const char SQL_PARTNER_TYPES[] = "SELECT id, code, label FROM partner_type ORDER BY label";
const char SQL_CONVENTIONS[] =
	"SELECT c.id, c.label, caf.name, p.name, c.opened_on, c.closed_on, c.status, "
	"c.validated_on, pt.label FROM convention c JOIN partner p ON p.id = c.partner_id "
	"JOIN caf ON caf.id = c.caf_id JOIN partner_type pt ON pt.id = p.type_id "
	"WHERE (? = 0 OR c.caf_id = ?) AND (? = 0 OR c.partner_id = ?) "
	"AND (? = '' OR c.label LIKE CONCAT('%', ?, '%')) AND (? = '' OR pt.code = ?) "
	"AND (? = '' OR c.status = ?) AND (? = '' OR p.name LIKE CONCAT('%', ?, '%')) "
	"AND (? = '' OR (? = 'validee') = (c.validated_on IS NOT NULL)) "
	"ORDER BY c.label, c.id LIMIT 500";
const char SQL_SERVICES_OF_CONVENTION[] =
	"SELECT id, service, scope, opened_on, closed_on FROM convention_service "
	"WHERE convention_id = ? ORDER BY service";
const char SQL_FACILITIES_OF_CONVENTION[] =
	"SELECT id, code, kind, nature, name, opened_on FROM facility WHERE convention_id = ? "
	"ORDER BY kind, name";
const char SQL_SITES_OF_CONVENTION[] =
	"SELECT s.id, s.facility_id, s.name, s.city FROM site s JOIN facility f ON f.id = s.facility_id "
	"WHERE f.convention_id = ? ORDER BY s.name";
const char SQL_CONVENTION_OF_PARTNER[] =
	"SELECT c.id, c.label, p.name FROM convention c JOIN partner p ON p.id = c.partner_id "
	"WHERE c.partner_id = ? ORDER BY c.status = 'open' DESC, c.id LIMIT 1";

/* ---------------------------------------------------------------- users and groups */
const char SQL_USERS_OF_PARTNER[] =
	"SELECT a.id, a.login, a.last_name, a.first_name, a.email, a.phone, a.opened_on, a.closed_on "
	"FROM account a WHERE a.kind = 'partner' AND a.partner_id = ? "
	"AND (? = '' OR a.login LIKE CONCAT(?, '%')) "
	"AND (? = '' OR a.last_name LIKE CONCAT('%', ?, '%')) "
	"AND (? = '' OR a.first_name LIKE CONCAT('%', ?, '%')) "
	"AND (? = 0 OR EXISTS (SELECT 1 FROM group_member gm WHERE gm.account_id = a.id "
	"AND gm.group_id = ? AND gm.opened_on <= ? AND (gm.closed_on IS NULL OR gm.closed_on > ?))) "
	"ORDER BY a.last_name, a.first_name, a.id LIMIT 1000";
const char SQL_OPEN_USERS_OF_PARTNER[] =
	"SELECT a.id, a.last_name, a.first_name FROM account a WHERE a.kind = 'partner' "
	"AND a.partner_id = ? AND (a.closed_on IS NULL OR a.closed_on > ?) "
	"ORDER BY a.last_name, a.first_name, a.id";
const char SQL_OPEN_USERS_OF_CAF[] =
	"SELECT a.id, a.last_name, a.first_name, p.id, p.name FROM account a "
	"JOIN partner p ON p.id = a.partner_id WHERE a.kind = 'partner' AND p.caf_id = ? "
	"AND (a.closed_on IS NULL OR a.closed_on > ?) "
	"ORDER BY p.name, p.id, a.last_name, a.first_name, a.id";
const char SQL_EMAIL_TAKEN[] =
	"SELECT id FROM account WHERE email_lower = LOWER(?) AND id <> ?";
const char SQL_MAX_LOGIN[] =
	"SELECT MAX(login) FROM account WHERE login LIKE ? AND CHAR_LENGTH(login) = 10";
const char SQL_ACCOUNT_INSERT[] =
	"INSERT INTO account (login, email, last_name, first_name, phone, mobility, kind, "
	"partner_id, opened_on, closed_on, must_change_password, temp_password_hash, "
	"temp_password_expires_at, created_at) VALUES (?, ?, ?, ?, ?, ?, 'partner', ?, ?, ?, 1, ?, ?, ?)";
const char SQL_ACCOUNT_UPDATE[] =
	"UPDATE account SET email = ?, last_name = ?, first_name = ?, phone = ?, mobility = ?, "
	"opened_on = ?, closed_on = ? WHERE id = ?";
const char SQL_ACCOUNT_CLOSE[] = "UPDATE account SET closed_on = ? WHERE id = ?";
const char SQL_END_HABILITATIONS_OF_ACCOUNT[] =
	"UPDATE habilitation SET ends_on = GREATEST(starts_on, ?), ended_by = ?, ended_at = ? "
	"WHERE account_id = ? AND (ends_on IS NULL OR ends_on > ?)";
const char SQL_CLOSE_MEMBERSHIPS_OF_ACCOUNT[] =
	"UPDATE group_member SET closed_on = GREATEST(opened_on, ?) WHERE account_id = ? "
	"AND (closed_on IS NULL OR closed_on > ?)";
const char SQL_CLOSE_GRANTS_OF_ACCOUNT[] =
	"UPDATE admin_grant SET closed_on = GREATEST(opened_on, ?), ended_by = ? "
	"WHERE account_id = ? AND (closed_on IS NULL OR closed_on > ?)";
const char SQL_HABILITATIONS_OF_ACCOUNT[] =
	"SELECT h.id, f.name, s.name, h.role, h.starts_on, h.ends_on, h.validation "
	"FROM habilitation h JOIN facility f ON f.id = h.facility_id "
	"LEFT JOIN site s ON s.id = h.site_id WHERE h.account_id = ? "
	"ORDER BY f.name, h.role, h.starts_on";
const char SQL_GROUPS[] = "SELECT id, code, label FROM account_group ORDER BY code";
const char SQL_GROUP[] = "SELECT id, code FROM account_group WHERE id = ?";
const char SQL_MEMBERSHIPS_OF_ACCOUNT[] =
	"SELECT gm.id, g.code, g.label, gm.opened_on, gm.closed_on FROM group_member gm "
	"JOIN account_group g ON g.id = gm.group_id WHERE gm.account_id = ? "
	"ORDER BY gm.opened_on DESC, gm.id DESC";
const char SQL_MEMBERS_OF_PARTNER[] =
	"SELECT g.code, a.id, a.login, a.last_name, a.first_name, gm.opened_on, gm.closed_on "
	"FROM group_member gm JOIN account a ON a.id = gm.account_id "
	"JOIN account_group g ON g.id = gm.group_id WHERE a.partner_id = ? "
	"ORDER BY g.code, a.last_name, a.first_name, gm.opened_on";
/* An open membership of the same group overlapping [opened, closed). */
const char SQL_MEMBERSHIP_OVERLAP[] =
	"SELECT COUNT(*) FROM group_member WHERE account_id = ? AND group_id = ? "
	"AND (closed_on IS NULL OR closed_on > ?) AND (? IS NULL OR opened_on < ?)";
const char SQL_MEMBERSHIP_INSERT[] =
	"INSERT INTO group_member (group_id, account_id, opened_on, closed_on, created_by) "
	"VALUES (?, ?, ?, ?, ?)";
const char SQL_MEMBERSHIP[] =
	"SELECT gm.id, gm.account_id, gm.opened_on, gm.closed_on, g.code FROM group_member gm "
	"JOIN account_group g ON g.id = gm.group_id WHERE gm.id = ?";
const char SQL_MEMBERSHIP_CLOSE[] =
	"UPDATE group_member SET closed_on = GREATEST(opened_on, ?) WHERE id = ? "
	"AND (closed_on IS NULL OR closed_on > ?)";

/* ---------------------------------------------------------------- search */
const char SQL_PARTNERS_OF_CAF[] =
	"SELECT id, name FROM partner WHERE caf_id = ? ORDER BY name, id";
const char SQL_FACILITIES_OF_PARTNER[] =
	"SELECT f.id, f.name, f.kind, f.nature, f.partner_id, f.caf_id FROM facility f "
	"WHERE f.partner_id = ? AND (f.closed_on IS NULL OR f.closed_on > ?) ORDER BY f.kind, f.name";
/* The search's facility filters: partner, caf, facility, kind, nature
 * (each given twice; 0 or '' for any). */
#define HAB_FILTERS                                                                              \
	"(? = 0 OR f.partner_id = ?) AND (? = 0 OR f.caf_id = ?) "                                  \
	"AND (? = 0 OR f.id = ?) AND (? = '' OR f.kind = ?) AND (? = '' OR f.nature = ?) "
/* HAB_FILTERS, then user, role, and whether per-site rows are wanted. */
const char SQL_SEARCH[] =
	"SELECT h.id, f.id, f.name, f.kind, f.nature, h.site_id, s.name, h.role, h.starts_on, "
	"h.ends_on, h.validation, a.id, a.last_name, a.first_name, a.login, f.partner_id, f.caf_id "
	"FROM habilitation h JOIN facility f ON f.id = h.facility_id "
	"JOIN account a ON a.id = h.account_id LEFT JOIN site s ON s.id = h.site_id "
	"WHERE " HAB_FILTERS "AND (? = 0 OR h.account_id = ?) AND (? = '' OR h.role = ?) "
	"AND (? = 1 OR h.site_id IS NULL) "
	"ORDER BY f.name, f.id, s.name, h.site_id, FIELD(h.role, 'activity_provider', "
	"'financial_provider', 'approver', 'consultant'), h.starts_on, h.id LIMIT 5000";
/* Roles held today (active, or approver awaiting the Caf) per facility. */
const char SQL_UNASSIGNED_FACILITIES[] =
	"SELECT f.id, f.name, f.kind, (SELECT GROUP_CONCAT(DISTINCT h.role) FROM habilitation h "
	"WHERE h.facility_id = f.id AND h.site_id IS NULL AND h.starts_on <= ? "
	"AND (h.ends_on IS NULL OR h.ends_on > ?) AND h.validation <> 'refused'), "
	"f.partner_id, f.caf_id FROM facility f WHERE " HAB_FILTERS
	"AND (f.closed_on IS NULL OR f.closed_on > ?) ORDER BY f.name, f.id";
/* Per site: a holder on the whole facility or on that site. */
const char SQL_UNASSIGNED_SITES[] =
	"SELECT f.id, f.name, f.kind, (SELECT GROUP_CONCAT(DISTINCT h.role) FROM habilitation h "
	"WHERE h.facility_id = f.id AND (h.site_id IS NULL OR h.site_id = s.id) AND h.starts_on <= ? "
	"AND (h.ends_on IS NULL OR h.ends_on > ?) AND h.validation <> 'refused'), "
	"f.partner_id, f.caf_id, s.id, s.name FROM site s JOIN facility f ON f.id = s.facility_id "
	"WHERE " HAB_FILTERS "AND (s.closed_on IS NULL OR s.closed_on > ?) ORDER BY f.name, s.name";
const char SQL_HABILITATION[] =
	"SELECT h.id, h.account_id, h.facility_id, h.site_id, h.role, h.starts_on, h.ends_on, "
	"h.validation FROM habilitation h WHERE h.id = ?";
const char SQL_HABILITATION_END[] =
	"UPDATE habilitation SET ends_on = GREATEST(starts_on, ?), ended_by = ?, ended_at = ? "
	"WHERE id = ? AND (ends_on IS NULL OR ends_on > ?)";

/* ---------------------------------------------------------------- assign */
const char SQL_ASSIGN_CHOICES[] =
	"SELECT f.id, f.name, f.kind, f.nature, s.id, s.name, f.caf_id FROM facility f "
	"LEFT JOIN site s ON s.facility_id = f.id AND (s.closed_on IS NULL OR s.closed_on > ?) "
	"WHERE f.partner_id = ? AND (? = '' OR f.kind = ?) AND (? = '' OR f.nature = ?) "
	"AND (f.closed_on IS NULL OR f.closed_on > ?) ORDER BY f.kind, f.name, f.id, s.name";
/* Read under the facility's lock, as a locking read so it sees what a
 * racing grant committed just before. Refused approvers hold nothing;
 * pending ones count toward the 1. */
const char SQL_HOLDERS[] =
	"SELECT h.account_id, h.starts_on, h.ends_on, h.site_id FROM habilitation h "
	"WHERE h.facility_id = ? AND h.role = ? AND h.validation <> 'refused' "
	"AND (h.ends_on IS NULL OR h.ends_on > h.starts_on) FOR UPDATE";
const char SQL_HABILITATION_INSERT[] =
	"INSERT INTO habilitation (account_id, facility_id, site_id, role, starts_on, validation, "
	"created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

/* ---------------------------------------------------------------- Caf */
const char SQL_PENDING_APPROVERS[] =
	"SELECT h.id, f.id, f.name, f.code, p.name, a.last_name, a.first_name, a.login, h.starts_on, "
	"a.email FROM habilitation h JOIN facility f ON f.id = h.facility_id "
	"JOIN partner p ON p.id = f.partner_id JOIN account a ON a.id = h.account_id "
	"WHERE h.validation = 'pending' AND f.caf_id = ? ORDER BY h.created_at, h.id";
const char SQL_APPROVER_VALIDATE[] =
	"UPDATE habilitation SET validation = 'validated', validated_by = ?, validated_at = ? "
	"WHERE id = ? AND validation = 'pending'";
const char SQL_APPROVER_REFUSE[] =
	"UPDATE habilitation SET validation = 'refused', validated_by = ?, validated_at = ?, "
	"refusal_reason = ? WHERE id = ? AND validation = 'pending'";
const char SQL_SUPERVISION[] =
	"SELECT f.id, f.name, f.kind, p.name, h.role, h.validation, a.last_name, a.first_name "
	"FROM facility f JOIN partner p ON p.id = f.partner_id "
	"LEFT JOIN habilitation h ON h.facility_id = f.id AND h.site_id IS NULL "
	"AND h.starts_on <= ? AND (h.ends_on IS NULL OR h.ends_on > ?) AND h.validation <> 'refused' "
	"LEFT JOIN account a ON a.id = h.account_id "
	"WHERE f.caf_id = ? AND (f.closed_on IS NULL OR f.closed_on > ?) "
	"ORDER BY p.name, f.name, f.id, FIELD(h.role, 'activity_provider', 'financial_provider', "
	"'approver', 'consultant')";

/* ---------------------------------------------------------------- admin grants */
const char SQL_GRANT[] =
	"SELECT id, account_id, partner_id, kind, parent_grant_id FROM admin_grant WHERE id = ?";
const char SQL_MANAGERS_OF_PARTNER[] =
	"SELECT ag.id, ag.account_id, a.last_name, a.first_name, a.login, ag.opened_on, ag.parent_grant_id "
	"FROM admin_grant ag JOIN account a ON a.id = ag.account_id WHERE ag.partner_id = ? "
	"AND ag.kind = 'habilitation_manager' AND ag.opened_on <= ? "
	"AND (ag.closed_on IS NULL OR ag.closed_on > ?) ORDER BY a.last_name, a.first_name";
const char SQL_MANAGER_GRANT_FACILITIES[] =
	"SELECT agf.admin_grant_id, f.id, f.name FROM admin_grant_facility agf "
	"JOIN facility f ON f.id = agf.facility_id JOIN admin_grant ag ON ag.id = agf.admin_grant_id "
	"WHERE ag.partner_id = ? ORDER BY f.name";
const char SQL_GRANT_INSERT[] =
	"INSERT INTO admin_grant (account_id, partner_id, kind, granted_by, parent_grant_id, "
	"opened_on, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)";
const char SQL_GRANT_FACILITY_INSERT[] =
	"INSERT INTO admin_grant_facility (admin_grant_id, facility_id) VALUES (?, ?)";
const char SQL_GRANT_END[] =
	"UPDATE admin_grant SET closed_on = GREATEST(opened_on, ?), ended_by = ? WHERE id = ? "
	"AND (closed_on IS NULL OR closed_on > ?)";
const char SQL_GRANT_CHILDREN[] = "SELECT id FROM admin_grant WHERE parent_grant_id = ?";

/* ---------------------------------------------------------------- Caf administrator */
const char SQL_PARTNERS_LIST[] =
	"SELECT p.id, p.name, pt.label, p.city, (SELECT MIN(c.id) FROM convention c "
	"WHERE c.partner_id = p.id) FROM partner p JOIN partner_type pt ON pt.id = p.type_id "
	"WHERE p.caf_id = ? ORDER BY p.name, p.id";
const char SQL_PARTNER_INSERT[] =
	"INSERT INTO partner (caf_id, type_id, name, siret, address, postal_code, city, created_at) "
	"VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
const char SQL_CONVENTION_INSERT[] =
	"INSERT INTO convention (caf_id, partner_id, label, opened_on, closed_on, status, "
	"validated_on, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
const char SQL_SERVICE_INSERT[] =
	"INSERT INTO convention_service (convention_id, service, scope, opened_on) VALUES (?, ?, ?, ?)";
const char SQL_FACILITY_INSERT[] =
	"INSERT INTO facility (partner_id, caf_id, convention_id, code, kind, nature, care_type, name, "
	"department, places, opened_on, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
const char SQL_SITE_INSERT[] =
	"INSERT INTO site (facility_id, name, city, opened_on) VALUES (?, ?, ?, ?)";

/* ---------------------------------------------------------------- CSV import */
const char SQL_IMPORT_CAF[] = "SELECT id FROM caf WHERE code = ?";
const char SQL_IMPORT_PARTNER_TYPE[] = "SELECT id FROM partner_type WHERE code = ?";
const char SQL_IMPORT_PARTNER[] = "SELECT id FROM partner WHERE caf_id = ? AND name = ?";
const char SQL_IMPORT_CONVENTION[] =
	"SELECT id, caf_id, partner_id FROM convention WHERE label = ? ORDER BY id LIMIT 2";
const char SQL_IMPORT_FACILITY[] = "SELECT id FROM facility WHERE code = ?";
const char SQL_IMPORT_SITE_INSERT[] =
	"INSERT INTO site (facility_id, name, address, postal_code, city, opened_on) "
	"VALUES (?, ?, ?, ?, ?, ?)";
