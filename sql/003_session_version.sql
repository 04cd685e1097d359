-- A version number per session, raised by triggers whenever anything a
-- session load reads changes: the session row itself (touch, login
-- rotation), whether it has a saved form, its account, the account's
-- groups, administrator grants and habilitations. A worker keeps the
-- sessions it loaded and, on the next page view, reads only this number (a
-- statement MariaDB's query cache answers): equal, its copy is current;
-- different or gone, it loads again (modules/core/session_cache.h).
-- Triggers, not application code, raise it: a change made by any module,
-- by portal-admin or by hand in the mariadb client counts from the next
-- request on.
CREATE TABLE session_version (
	session_id BIGINT UNSIGNED NOT NULL PRIMARY KEY,
	account_id INT UNSIGNED NULL,
	version BIGINT UNSIGNED NOT NULL DEFAULT 1,
	KEY (account_id)
) ENGINE=InnoDB;

INSERT INTO session_version (session_id, account_id) SELECT id, account_id FROM session;

DELIMITER //

CREATE TRIGGER session_version_insert AFTER INSERT ON session FOR EACH ROW
	INSERT INTO session_version (session_id, account_id) VALUES (NEW.id, NEW.account_id)//
CREATE TRIGGER session_version_update AFTER UPDATE ON session FOR EACH ROW
	UPDATE session_version SET version = version + 1, account_id = NEW.account_id
	WHERE session_id = NEW.id//
CREATE TRIGGER session_version_delete AFTER DELETE ON session FOR EACH ROW
	DELETE FROM session_version WHERE session_id = OLD.id//

-- The session load says whether a form waits (so that pages skip looking).
CREATE TRIGGER session_version_saved_form_insert AFTER INSERT ON saved_form FOR EACH ROW
	UPDATE session_version SET version = version + 1 WHERE session_id = NEW.session_id//
CREATE TRIGGER session_version_saved_form_update AFTER UPDATE ON saved_form FOR EACH ROW
	UPDATE session_version SET version = version + 1
	WHERE session_id IN (OLD.session_id, NEW.session_id)//
CREATE TRIGGER session_version_saved_form_delete AFTER DELETE ON saved_form FOR EACH ROW
	UPDATE session_version SET version = version + 1 WHERE session_id = OLD.session_id//

-- Deleting an account deletes its sessions by cascade, which fires no
-- trigger on session: their versions go here.
CREATE TRIGGER session_version_account_update AFTER UPDATE ON account FOR EACH ROW
	UPDATE session_version SET version = version + 1 WHERE account_id = NEW.id//
CREATE TRIGGER session_version_account_delete AFTER DELETE ON account FOR EACH ROW
	DELETE FROM session_version WHERE account_id = OLD.id//

CREATE TRIGGER session_version_group_member_insert AFTER INSERT ON group_member FOR EACH ROW
	UPDATE session_version SET version = version + 1 WHERE account_id = NEW.account_id//
CREATE TRIGGER session_version_group_member_update AFTER UPDATE ON group_member FOR EACH ROW
	UPDATE session_version SET version = version + 1
	WHERE account_id IN (OLD.account_id, NEW.account_id)//
CREATE TRIGGER session_version_group_member_delete AFTER DELETE ON group_member FOR EACH ROW
	UPDATE session_version SET version = version + 1 WHERE account_id = OLD.account_id//

CREATE TRIGGER session_version_account_group_update AFTER UPDATE ON account_group FOR EACH ROW
	UPDATE session_version SET version = version + 1
	WHERE account_id IN (SELECT account_id FROM group_member WHERE group_id = NEW.id)//

CREATE TRIGGER session_version_admin_grant_insert AFTER INSERT ON admin_grant FOR EACH ROW
	UPDATE session_version SET version = version + 1 WHERE account_id = NEW.account_id//
CREATE TRIGGER session_version_admin_grant_update AFTER UPDATE ON admin_grant FOR EACH ROW
	UPDATE session_version SET version = version + 1
	WHERE account_id IN (OLD.account_id, NEW.account_id)//
CREATE TRIGGER session_version_admin_grant_delete AFTER DELETE ON admin_grant FOR EACH ROW
	UPDATE session_version SET version = version + 1 WHERE account_id = OLD.account_id//

CREATE TRIGGER session_version_habilitation_insert AFTER INSERT ON habilitation FOR EACH ROW
	UPDATE session_version SET version = version + 1 WHERE account_id = NEW.account_id//
CREATE TRIGGER session_version_habilitation_update AFTER UPDATE ON habilitation FOR EACH ROW
	UPDATE session_version SET version = version + 1
	WHERE account_id IN (OLD.account_id, NEW.account_id)//
CREATE TRIGGER session_version_habilitation_delete AFTER DELETE ON habilitation FOR EACH ROW
	UPDATE session_version SET version = version + 1 WHERE account_id = OLD.account_id//

DELIMITER ;
