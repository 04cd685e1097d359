-- Grants of the auth module (login, password rotation and reset) on the
-- shared tables. core.sql (applied to every module user) already covers
-- session, saved_form, audit_event and outbox. Appended by the auth engineer
-- for the tables of sql/1xx.

-- Who signs in, and the login bookkeeping. UPDATE is limited to the
-- password and login columns: auth never renames, moves or reopens anyone.
GRANT SELECT ON `portail`.`account` TO @USER@;
GRANT UPDATE (password_hash, password_set_at, must_change_password,
	temp_password_hash, temp_password_expires_at,
	last_login_at, previous_login_at) ON `portail`.`account` TO @USER@;

-- "Not one of the last 3": the history is read, appended and trimmed.
GRANT SELECT, INSERT, DELETE ON `portail`.`password_history` TO @USER@;

-- Context words refused in passwords (the partner's name, the Caf's).
GRANT SELECT ON `portail`.`partner` TO @USER@;
GRANT SELECT ON `portail`.`caf` TO @USER@;

-- sql/101_auth.sql: brute-force and rate-limit counters (charged, reset,
-- lifted by portal-admin unlock) and the CAPTCHA challenges (REPLACE = INSERT
-- + DELETE; a checked challenge is deleted: single use).
GRANT SELECT, INSERT, UPDATE, DELETE ON `portail`.`auth_throttle` TO @USER@;
GRANT SELECT, INSERT, DELETE ON `portail`.`auth_captcha` TO @USER@;

-- portal-admin (modules/cli) connects as the auth user: create-admin
-- inserts the first Caf administrator; force-password-change --all sets
-- must_change_password (covered above).
GRANT INSERT ON `portail`.`account` TO @USER@;
