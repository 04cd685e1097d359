-- Only signed-in sessions get a version row (sql/003_session_version.sql).
-- A visitor's session (each first view of the login page makes one) added a
-- row, and any write to session_version makes MariaDB's query cache forget
-- every cached session check of every user: anonymous traffic on the login
-- page (people, bots, health checks) kept the portal's most frequent
-- statement out of the cache. Measured with the mariadb client: a cached
-- session check stays cached across a visitor's new session and its touch
-- with these triggers, and was thrown away by each with the old ones.
--
-- A worker keeps no copy of a session without a row (session.c loads it
-- whole at each request), which costs a visitor nothing that matters: few
-- requests, and the login's argon2id outweighs them. A row, once created,
-- only goes up until its session is deleted, so a worker's copy of an
-- earlier state never matches again.

DROP TRIGGER session_version_insert;
DROP TRIGGER session_version_update;

DELIMITER //

CREATE TRIGGER session_version_insert AFTER INSERT ON session FOR EACH ROW
BEGIN
	IF NEW.account_id IS NOT NULL THEN
		INSERT INTO session_version (session_id, account_id) VALUES (NEW.id, NEW.account_id);
	END IF;
END//

-- Signing in on a visitor's session (the login rotates the same row) creates
-- the row; any change to a signed-in session raises it.
CREATE TRIGGER session_version_update AFTER UPDATE ON session FOR EACH ROW
BEGIN
	IF NEW.account_id IS NOT NULL OR OLD.account_id IS NOT NULL THEN
		INSERT INTO session_version (session_id, account_id) VALUES (NEW.id, NEW.account_id)
		ON DUPLICATE KEY UPDATE version = version + 1, account_id = NEW.account_id;
	ELSE
		-- a visitor's session from before this migration may have a row
		UPDATE session_version SET version = version + 1 WHERE session_id = NEW.id;
	END IF;
END//

DELIMITER ;
