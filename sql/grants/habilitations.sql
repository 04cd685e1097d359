-- Grants of the habilitations module: Caf administrators create partners,
-- conventions, facilities and sites; partner administrators and
-- habilitation managers create users, memberships, admin grants and roles;
-- Caf habilitation managers validate approvers. Nothing is ever deleted
-- (rows are closed by date), except a manager's facility scope, which is
-- edited as a set. core.sql already covers session (closing a user kills
-- their sessions), audit_event and outbox (the call-for-declaration mail).

GRANT SELECT ON `portail`.`caf` TO @USER@;
GRANT SELECT ON `portail`.`partner_type` TO @USER@;
GRANT SELECT, INSERT, UPDATE ON `portail`.`partner` TO @USER@;
GRANT SELECT, INSERT, UPDATE ON `portail`.`convention` TO @USER@;
GRANT SELECT, INSERT, UPDATE ON `portail`.`convention_service` TO @USER@;
GRANT SELECT, INSERT, UPDATE ON `portail`.`facility` TO @USER@;
GRANT SELECT, INSERT, UPDATE ON `portail`.`facility_year` TO @USER@;
GRANT SELECT, INSERT, UPDATE ON `portail`.`site` TO @USER@;

-- Users: created and edited here, but their passwords belong to auth; only
-- the temporary password sent at creation is written here.
GRANT INSERT ON `portail`.`account` TO @USER@;
-- Every column but the password hashes (auth's alone).
GRANT SELECT (id, login, email, email_lower, last_name, first_name, phone, mobility, kind,
	caf_id, partner_id, caf_roles, opened_on, closed_on, password_set_at,
	must_change_password, temp_password_expires_at, last_login_at, previous_login_at,
	created_at) ON `portail`.`account` TO @USER@;
GRANT UPDATE (email, last_name, first_name, phone, mobility, caf_roles,
	opened_on, closed_on, must_change_password,
	temp_password_hash, temp_password_expires_at) ON `portail`.`account` TO @USER@;

GRANT SELECT ON `portail`.`account_group` TO @USER@;
GRANT SELECT, INSERT, UPDATE ON `portail`.`group_member` TO @USER@;
GRANT SELECT, INSERT, UPDATE ON `portail`.`admin_grant` TO @USER@;
GRANT SELECT, INSERT, DELETE ON `portail`.`admin_grant_facility` TO @USER@;
-- UPDATE also lets the 2/2/1 limit check lock rows (SELECT ... FOR UPDATE).
GRANT SELECT, INSERT, UPDATE ON `portail`.`habilitation` TO @USER@;

-- The call for declaration: which campaigns opened which declarations.
GRANT SELECT ON `portail`.`campaign` TO @USER@;
GRANT SELECT ON `portail`.`declaration` TO @USER@;
