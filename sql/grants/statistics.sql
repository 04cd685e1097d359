-- Grants of the statistics module: reads facilities and validated
-- declarations, publishes the averages (`portalctl stats publish` and the
-- Caf administrator's button), which replaces a year's rows as a set.
-- core.sql already covers the capability reads, session and audit_event.

GRANT SELECT ON `portail`.`caf` TO @USER@;
GRANT SELECT ON `portail`.`partner` TO @USER@;
GRANT SELECT ON `portail`.`facility` TO @USER@;
GRANT SELECT ON `portail`.`facility_year` TO @USER@;
GRANT SELECT ON `portail`.`habilitation` TO @USER@;
GRANT SELECT ON `portail`.`declaration` TO @USER@;
GRANT SELECT ON `portail`.`declaration_value` TO @USER@;
GRANT SELECT ON `portail`.`form_field` TO @USER@;
GRANT SELECT, INSERT, UPDATE, DELETE ON `portail`.`reference_average` TO @USER@;

-- sql/401_statistics.sql: the publication of a year, upserted by each
-- publication (INSERT ... ON DUPLICATE KEY UPDATE).
GRANT SELECT, INSERT, UPDATE ON `portail`.`stats_publication` TO @USER@;
-- The search lists facilities by name and city with their partner and Caf
-- (covered above); the publication writes an audit_event (core.sql).
