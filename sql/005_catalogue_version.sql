-- One version number for the reference data a worker may keep in memory:
-- the form catalogue (form_field). Read with the session's version, in the
-- same statement (modules/core/session.c), so a worker learns at no extra
-- round trip whether its copy of the catalogue is still current. Triggers,
-- not application code, raise it: a change by a migration, portal-admin or
-- by hand counts from the next request on.
CREATE TABLE catalogue_version (
	id TINYINT UNSIGNED NOT NULL PRIMARY KEY,
	version BIGINT UNSIGNED NOT NULL DEFAULT 1,
	CHECK (id = 1)
) ENGINE=InnoDB;

INSERT INTO catalogue_version (id) VALUES (1);

DELIMITER //

CREATE TRIGGER catalogue_version_form_field_insert AFTER INSERT ON form_field FOR EACH ROW
	UPDATE catalogue_version SET version = version + 1 WHERE id = 1//
CREATE TRIGGER catalogue_version_form_field_update AFTER UPDATE ON form_field FOR EACH ROW
	UPDATE catalogue_version SET version = version + 1 WHERE id = 1//
CREATE TRIGGER catalogue_version_form_field_delete AFTER DELETE ON form_field FOR EACH ROW
	UPDATE catalogue_version SET version = version + 1 WHERE id = 1//

DELIMITER ;
