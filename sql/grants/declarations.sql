-- Grants of the declarations module: the rail, controls, estimate, Caf
-- instruction (campaigns, validation, rejection), search and PDF. Reads the
-- organisation; writes only declarations and what hangs off them.
-- core.sql already covers account, groups, admin_grant and habilitation
-- (reads), session, audit_event and outbox.

GRANT SELECT ON `portail`.`caf` TO @USER@;
GRANT SELECT ON `portail`.`partner_type` TO @USER@;
GRANT SELECT ON `portail`.`partner` TO @USER@;
GRANT SELECT ON `portail`.`convention` TO @USER@;
GRANT SELECT ON `portail`.`facility` TO @USER@;
GRANT SELECT ON `portail`.`facility_year` TO @USER@;
GRANT SELECT ON `portail`.`site` TO @USER@;
-- account: the columns core.sql grants (names and e-mails of approvers);
-- never the password hashes.
GRANT SELECT ON `portail`.`habilitation` TO @USER@;

GRANT SELECT, INSERT, UPDATE ON `portail`.`campaign` TO @USER@;
GRANT SELECT, INSERT, UPDATE ON `portail`.`declaration` TO @USER@;
-- A cleared field deletes its value; controls are recomputed as a set.
GRANT SELECT, INSERT, UPDATE, DELETE ON `portail`.`declaration_value` TO @USER@;
GRANT SELECT, INSERT, UPDATE, DELETE ON `portail`.`control_result` TO @USER@;
GRANT SELECT ON `portail`.`form_field` TO @USER@;
-- The barème is editable by a Caf administrator from the declarations screens.
GRANT SELECT, INSERT, UPDATE ON `portail`.`scale` TO @USER@;
