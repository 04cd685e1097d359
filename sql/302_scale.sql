-- The barème (scale) of the estimate, per fiscal year and facility kind.
-- Codes are read by modules/declarations/decl_estimate.c:
--   EAJE  model (1: brackets until 2024, 2: linear from 2025), psu_rate,
--         rate_low, rate_high (invoicing-rate bounds), ceiling_low,
--         ceiling_mid (model 1), ceiling_high, the *_no_meals variants
--         (nappies and meals not both provided), concertation_hours_per_place
--   RAM   ps_rate, ceiling_per_etp (prorated by months of opening / 12)
--   ALSH  ps_rate, ceiling_per_hour
--
-- PROVENANCE. Every row says whether its figure is 'official' (published by
-- the Cnaf, source given) or 'illustrative' (a plausible demo value to be
-- replaced by the Caf administrator from the year's Cnaf circular, in the
-- "Barèmes" screen). Only the rates with a cited source are official here.
-- The illustrative scale T of issue 5 (10,00 / 9,50 / 9,00 EUR...) is not
-- loaded: it lives with the unit tests (tests/unit/declarations/scale_t.h).

ALTER TABLE scale
	ADD COLUMN provenance ENUM('official','illustrative') NOT NULL DEFAULT 'illustrative' AFTER label,
	ADD COLUMN source VARCHAR(300) NULL AFTER provenance;

CREATE TEMPORARY TABLE tmp_scale (
	fiscal_year SMALLINT UNSIGNED NOT NULL,
	kind VARCHAR(4) NOT NULL,
	code VARCHAR(40) NOT NULL,
	value_scaled BIGINT NOT NULL,
	decimals TINYINT UNSIGNED NOT NULL,
	label VARCHAR(200) NOT NULL,
	provenance VARCHAR(12) NOT NULL,
	source VARCHAR(300) NULL
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO tmp_scale VALUES
-- EAJE 2024: three brackets of the invoicing rate.
(2024, 'EAJE', 'model', 1, 0, 'Mode de calcul du prix plafond (1 : tranches)', 'official',
 'Circulaire Cnaf LC 2014-009 : prix plafond par tranche de taux de facturation, en vigueur jusqu''au 31/12/2024'),
(2024, 'EAJE', 'psu_rate', 6600, 4, 'Part du prix de revient prise en charge (66 %)', 'official',
 'PSU = 66 % du prix de revient horaire dans la limite du prix plafond (Cnaf, réponse ministérielle JO question 119984)'),
(2024, 'EAJE', 'rate_low', 10700, 4, 'Taux de facturation : borne basse (107 %)', 'official', 'Circulaire Cnaf LC 2014-009'),
(2024, 'EAJE', 'rate_high', 11700, 4, 'Taux de facturation : borne haute (117 %)', 'official', 'Circulaire Cnaf LC 2014-009'),
(2024, 'EAJE', 'ceiling_low', 850, 2, 'Prix plafond horaire, taux de facturation ≤ 107 %', 'illustrative', NULL),
(2024, 'EAJE', 'ceiling_mid', 815, 2, 'Prix plafond horaire, 107 % < taux < 117 %', 'illustrative', NULL),
(2024, 'EAJE', 'ceiling_high', 775, 2, 'Prix plafond horaire, taux ≥ 117 %', 'illustrative', NULL),
(2024, 'EAJE', 'ceiling_low_no_meals', 700, 2, 'Prix plafond sans couches et repas, taux ≤ 107 %', 'illustrative', NULL),
(2024, 'EAJE', 'ceiling_mid_no_meals', 700, 2, 'Prix plafond sans couches et repas, 107 % < taux < 117 %', 'illustrative', NULL),
(2024, 'EAJE', 'ceiling_high_no_meals', 700, 2, 'Prix plafond sans couches et repas, taux ≥ 117 %', 'illustrative', NULL),
(2024, 'EAJE', 'concertation_hours_per_place', 0, 2, 'Heures de concertation retenues par place', 'illustrative', NULL),
-- EAJE 2025 and 2026: linear ceiling between 107 % and 120 %.
(2025, 'EAJE', 'model', 2, 0, 'Mode de calcul du prix plafond (2 : linéaire)', 'official',
 'Réforme du calcul de la PSU au 1er janvier 2025 : prix plafond dégressif linéaire selon le taux de facturation (circulaire Cnaf de juillet 2024)'),
(2025, 'EAJE', 'psu_rate', 6600, 4, 'Part du prix de revient prise en charge (66 %)', 'official', 'Cnaf'),
(2025, 'EAJE', 'rate_low', 10700, 4, 'Taux de facturation : début de la dégressivité (107 %)', 'illustrative', NULL),
(2025, 'EAJE', 'rate_high', 12000, 4, 'Taux de facturation : fin de la dégressivité (120 %)', 'illustrative', NULL),
(2025, 'EAJE', 'ceiling_low', 870, 2, 'Prix plafond horaire jusqu''au début de la dégressivité', 'illustrative', NULL),
(2025, 'EAJE', 'ceiling_high', 790, 2, 'Prix plafond horaire à partir de la fin de la dégressivité', 'illustrative', NULL),
(2025, 'EAJE', 'ceiling_low_no_meals', 715, 2, 'Prix plafond sans couches et repas, début', 'illustrative', NULL),
(2025, 'EAJE', 'ceiling_high_no_meals', 715, 2, 'Prix plafond sans couches et repas, fin', 'illustrative', NULL),
(2025, 'EAJE', 'concertation_hours_per_place', 0, 2, 'Heures de concertation retenues par place', 'illustrative', NULL),
(2026, 'EAJE', 'model', 2, 0, 'Mode de calcul du prix plafond (2 : linéaire)', 'official', 'Réforme de la PSU au 1er janvier 2025'),
(2026, 'EAJE', 'psu_rate', 6600, 4, 'Part du prix de revient prise en charge (66 %)', 'official', 'Cnaf'),
(2026, 'EAJE', 'rate_low', 10700, 4, 'Taux de facturation : début de la dégressivité (107 %)', 'illustrative', NULL),
(2026, 'EAJE', 'rate_high', 12000, 4, 'Taux de facturation : fin de la dégressivité (120 %)', 'illustrative', NULL),
(2026, 'EAJE', 'ceiling_low', 890, 2, 'Prix plafond horaire jusqu''au début de la dégressivité', 'illustrative', NULL),
(2026, 'EAJE', 'ceiling_high', 805, 2, 'Prix plafond horaire à partir de la fin de la dégressivité', 'illustrative', NULL),
(2026, 'EAJE', 'ceiling_low_no_meals', 730, 2, 'Prix plafond sans couches et repas, début', 'illustrative', NULL),
(2026, 'EAJE', 'ceiling_high_no_meals', 730, 2, 'Prix plafond sans couches et repas, fin', 'illustrative', NULL),
(2026, 'EAJE', 'concertation_hours_per_place', 0, 2, 'Heures de concertation retenues par place', 'illustrative', NULL),
-- RAM (relais petite enfance)
(2024, 'RAM', 'ps_rate', 4300, 4, 'Part des charges prise en charge (43 %)', 'illustrative', 'Lecture documentée dans l''issue 5'),
(2024, 'RAM', 'ceiling_per_etp', 5200000, 2, 'Prix plafond annuel par ETP d''animateur', 'illustrative', NULL),
(2025, 'RAM', 'ps_rate', 4300, 4, 'Part des charges prise en charge (43 %)', 'illustrative', 'Lecture documentée dans l''issue 5'),
(2025, 'RAM', 'ceiling_per_etp', 5300000, 2, 'Prix plafond annuel par ETP d''animateur', 'illustrative', NULL),
(2026, 'RAM', 'ps_rate', 4300, 4, 'Part des charges prise en charge (43 %)', 'illustrative', 'Lecture documentée dans l''issue 5'),
(2026, 'RAM', 'ceiling_per_etp', 5400000, 2, 'Prix plafond annuel par ETP d''animateur', 'illustrative', NULL),
-- ALSH
(2024, 'ALSH', 'ps_rate', 3000, 4, 'Part du prix de revient prise en charge (30 %)', 'illustrative', 'Lecture documentée dans l''issue 5'),
(2024, 'ALSH', 'ceiling_per_hour', 5200, 4, 'Prix plafond par heure-enfant', 'illustrative', NULL),
(2025, 'ALSH', 'ps_rate', 3000, 4, 'Part du prix de revient prise en charge (30 %)', 'illustrative', 'Lecture documentée dans l''issue 5'),
(2025, 'ALSH', 'ceiling_per_hour', 5300, 4, 'Prix plafond par heure-enfant', 'illustrative', NULL),
(2026, 'ALSH', 'ps_rate', 3000, 4, 'Part du prix de revient prise en charge (30 %)', 'illustrative', 'Lecture documentée dans l''issue 5'),
(2026, 'ALSH', 'ceiling_per_hour', 5400, 4, 'Prix plafond par heure-enfant', 'illustrative', NULL);

INSERT INTO scale (fiscal_year, kind, code, value_scaled, decimals, label, provenance, source)
SELECT fiscal_year, kind, code, value_scaled, decimals, label, provenance, source
FROM tmp_scale ORDER BY fiscal_year, kind, code;

DROP TEMPORARY TABLE tmp_scale;
