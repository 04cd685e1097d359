-- Statistics: one row per published fiscal year, so the pages can say when
-- the averages were published (and by whom) even for a year whose
-- publication found no validated declaration. The averages themselves are
-- reference_average rows (002_domain.sql), replaced as a set for the year
-- by every publication (modules/statistics/stats_publish.c).
--
-- Indexes the statistics queries use, all already in 002_domain.sql:
--   declaration (type, state, fiscal_year, facility_id)  validated actuals of a year
--   declaration_version (facility_id, fiscal_year, type, version)  one facility's years
--   declaration_value PRIMARY KEY (declaration_id, field_code)  the pivot of the values
--   reference_average_key (fiscal_year, kind, scope, department_key, indicator)
--   habilitation (account_id, starts_on), facility (caf_id, kind, name)  scoping
CREATE TABLE stats_publication (
	fiscal_year SMALLINT UNSIGNED NOT NULL PRIMARY KEY,
	published_at BIGINT NOT NULL,
	published_by INT UNSIGNED NULL,          -- NULL: portal-admin / portalctl
	declaration_count INT UNSIGNED NOT NULL, -- validated actual declarations used
	FOREIGN KEY (published_by) REFERENCES account(id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
