-- Grants every module host needs for the core runtime (modules/core):
-- loading and rotating sessions, the signed-in account and its capabilities
-- (menu, route guards), saved forms after an expired session, the journal and
-- the mail outbox. Applied by scripts/portalctl before sql/grants/MODULE.sql to
-- the account of each module run by portal-host (portail_auth,
-- portail_habilitations, portail_declarations, portail_statistics); not to
-- portail_mailer, which only delivers the outbox (sql/grants/mailer.sql).

-- Sessions: looked up by hashed token, touched, rotated at login, deleted at
-- logout and when an account is closed.
GRANT SELECT, INSERT, UPDATE, DELETE ON `portail`.`session` TO @USER@;
-- Each session's version, kept by triggers (sql/003_session_version.sql): read
-- only; a worker's copy of a session is used only while it matches.
GRANT SELECT ON `portail`.`session_version` TO @USER@;
-- The version of the reference data workers keep (sql/005_catalogue_version.sql),
-- read in the same statement.
GRANT SELECT ON `portail`.`catalogue_version` TO @USER@;
-- A form posted after its session expired (REPLACE = INSERT + DELETE).
GRANT SELECT, INSERT, DELETE ON `portail`.`saved_form` TO @USER@;

-- The signed-in account as session_load reads it: no password hash here
-- (only auth and the modules that need more grant themselves more).
GRANT SELECT (id, login, email, first_name, last_name, kind, caf_id, partner_id,
	caf_roles, opened_on, closed_on, password_set_at, must_change_password,
	previous_login_at) ON `portail`.`account` TO @USER@;

-- Capabilities: groups, administrator grants, active habilitations.
GRANT SELECT ON `portail`.`account_group` TO @USER@;
GRANT SELECT ON `portail`.`group_member` TO @USER@;
GRANT SELECT ON `portail`.`admin_grant` TO @USER@;
GRANT SELECT ON `portail`.`admin_grant_facility` TO @USER@;
GRANT SELECT ON `portail`.`habilitation` TO @USER@;

-- The journal is append-only: INSERT, never UPDATE or DELETE.
GRANT INSERT ON `portail`.`audit_event` TO @USER@;
-- Mail joins the caller's transaction; portal-mailer delivers it.
GRANT INSERT ON `portail`.`outbox` TO @USER@;
