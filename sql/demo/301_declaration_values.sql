-- Values of the demo declarations (sql/demo/001_demo.sql creates the rows:
-- actual 2024 and 2025, forecast 2026 for every facility), so the statistics
-- and the N-1 controls have data. Figures are fictitious but coherent:
-- occupancy 70-83 %, invoicing rate 103-108 %, hourly cost 10,50-13,60 EUR,
-- balanced accounts. Deterministic (derived from the facility id and year).
-- Then the amounts (estimate, and the Caf's final amount when validated)
-- and the SHA-256 of what was transmitted, in the exact canonical text of
-- modules/declarations/decl_form.c (decl_canonical).

CREATE TEMPORARY TABLE tmp_base (
	declaration_id INT UNSIGNED PRIMARY KEY,
	kind VARCHAR(4) NOT NULL,
	fid INT UNSIGNED NOT NULL,
	yr SMALLINT NOT NULL,
	places INT NULL,
	days INT NULL,
	performed BIGINT NULL,        -- hundredths of hours (EAJE) / hours-children (ALSH)
	invoiced BIGINT NULL,
	charges BIGINT NOT NULL,      -- cents
	act_by INT UNSIGNED NULL,
	fin_by INT UNSIGNED NULL,
	at BIGINT NOT NULL
) DEFAULT CHARSET=utf8mb4;

INSERT INTO tmp_base
SELECT d.id, f.kind, f.id, d.fiscal_year,
	COALESCE(fy.places, f.places),
	CASE f.kind WHEN 'EAJE' THEN 220 + f.id % 5
		WHEN 'ALSH' THEN IF(f.nature = 'periscolaire', 140, 100) ELSE NULL END,
	CASE f.kind
		WHEN 'EAJE' THEN ROUND(COALESCE(fy.places, f.places) * (220 + f.id % 5) * 11
			* (70 + f.id % 10 + 2 * (d.fiscal_year - 2024)) / 100) * 100
		WHEN 'ALSH' THEN (30000 + 1000 * f.id + 1500 * (d.fiscal_year - 2024)) * 100
		ELSE NULL END,
	NULL, 0, d.activity_done_by, d.financial_done_by,
	COALESCE(d.transmitted_at, d.created_at) - 2 * 86400
FROM declaration d
JOIN facility f ON f.id = d.facility_id
LEFT JOIN facility_year fy ON fy.facility_id = f.id AND fy.fiscal_year = d.fiscal_year
ORDER BY d.id;

UPDATE tmp_base SET
	invoiced = IF(kind = 'EAJE', ROUND(performed * (103 + fid % 6) / 10000) * 100, NULL),
	charges = CASE kind
		-- hours x (10,50 + 0,60 x (id mod 5)) EUR, +2 % a year
		WHEN 'EAJE' THEN ROUND(performed / 100 * (1050 + 60 * (fid % 5)) * (100 + 2 * (yr - 2024)) / 100)
		WHEN 'ALSH' THEN ROUND(performed / 100 * (420 + 30 * (fid % 3)) * (100 + 2 * (yr - 2024)) / 100)
		ELSE (7500000 + 10000 * fid) * (100 + 2 * (yr - 2024)) / 100 END;

-- (declaration, field, value) rows
CREATE TEMPORARY TABLE tmp_val (
	declaration_id INT UNSIGNED NOT NULL,
	code VARCHAR(40) NOT NULL,
	v BIGINT NULL,
	t VARCHAR(200) NULL,
	section VARCHAR(10) NOT NULL,
	PRIMARY KEY (declaration_id, code)
) DEFAULT CHARSET=utf8mb4;

-- EAJE activity
INSERT INTO tmp_val SELECT declaration_id, 'places', places, NULL, 'activity' FROM tmp_base WHERE kind = 'EAJE';
INSERT INTO tmp_val SELECT declaration_id, 'opening_days', days, NULL, 'activity' FROM tmp_base WHERE kind = 'EAJE';
INSERT INTO tmp_val SELECT declaration_id, 'opening_hours_per_day', 1100, NULL, 'activity' FROM tmp_base WHERE kind = 'EAJE';
INSERT INTO tmp_val SELECT declaration_id, 'hours_performed', performed, NULL, 'activity' FROM tmp_base WHERE kind = 'EAJE';
INSERT INTO tmp_val SELECT declaration_id, 'hours_invoiced', invoiced, NULL, 'activity' FROM tmp_base WHERE kind = 'EAJE';
INSERT INTO tmp_val SELECT declaration_id, 'children_registered', places * 2 + fid % 7, NULL, 'activity' FROM tmp_base WHERE kind = 'EAJE';
INSERT INTO tmp_val SELECT declaration_id, 'nappies_provided', 1, NULL, 'activity' FROM tmp_base WHERE kind = 'EAJE';
-- one facility in four does not provide meals (lower ceiling)
INSERT INTO tmp_val SELECT declaration_id, 'meals_provided', IF(fid % 4 = 0, 0, 1), NULL, 'activity' FROM tmp_base WHERE kind = 'EAJE';
-- RAM activity
INSERT INTO tmp_val SELECT declaration_id, 'etp_worked', 150, NULL, 'activity' FROM tmp_base WHERE kind = 'RAM';
INSERT INTO tmp_val SELECT declaration_id, 'months_open', 12, NULL, 'activity' FROM tmp_base WHERE kind = 'RAM';
INSERT INTO tmp_val SELECT declaration_id, 'months_presence', IF(yr = 2025, 11, 12), NULL, 'activity' FROM tmp_base WHERE kind = 'RAM';
INSERT INTO tmp_val SELECT declaration_id, 'mission_mon_enfant', 1, NULL, 'activity' FROM tmp_base WHERE kind = 'RAM';
INSERT INTO tmp_val SELECT declaration_id, 'mission_activity', 1, NULL, 'activity' FROM tmp_base WHERE kind = 'RAM';
INSERT INTO tmp_val SELECT declaration_id, 'mission_training', IF(yr >= 2025, 1, 0), NULL, 'activity' FROM tmp_base WHERE kind = 'RAM';
INSERT INTO tmp_val SELECT declaration_id, 'territories', NULL, 'Le Mesnil-aux-Étangs, Les Bréviaires, Saint-Hilarion', 'activity' FROM tmp_base WHERE kind = 'RAM';
INSERT INTO tmp_val SELECT declaration_id, 'activity_places', 1, NULL, 'activity' FROM tmp_base WHERE kind = 'RAM';
-- ALSH activity: hours-children split 60 % school days, 15 % Wednesdays, 25 % holidays
INSERT INTO tmp_val SELECT declaration_id, 'opening_days', days, NULL, 'activity' FROM tmp_base WHERE kind = 'ALSH';
INSERT INTO tmp_val SELECT declaration_id, 'hours_children_school', performed * 60 DIV 100, NULL, 'activity' FROM tmp_base WHERE kind = 'ALSH';
INSERT INTO tmp_val SELECT declaration_id, 'hours_children_wednesday', performed * 15 DIV 100, NULL, 'activity' FROM tmp_base WHERE kind = 'ALSH';
INSERT INTO tmp_val SELECT declaration_id, 'hours_children_holidays', performed - performed * 60 DIV 100 - performed * 15 DIV 100, NULL, 'activity' FROM tmp_base WHERE kind = 'ALSH';
INSERT INTO tmp_val SELECT declaration_id, 'hours_children_total', performed, NULL, 'activity' FROM tmp_base WHERE kind = 'ALSH';
INSERT INTO tmp_val SELECT declaration_id, 'children_registered', 80 + fid * 3, NULL, 'activity' FROM tmp_base WHERE kind = 'ALSH';
-- Financial (every kind): charges 72/10/8/4/2/4 %, the remainder on staff
INSERT INTO tmp_val SELECT declaration_id, 'ch_purchases', charges * 10 DIV 100, NULL, 'financial' FROM tmp_base;
INSERT INTO tmp_val SELECT declaration_id, 'ch_external', charges * 8 DIV 100, NULL, 'financial' FROM tmp_base;
INSERT INTO tmp_val SELECT declaration_id, 'ch_other_external', charges * 4 DIV 100, NULL, 'financial' FROM tmp_base;
INSERT INTO tmp_val SELECT declaration_id, 'ch_taxes', charges * 2 DIV 100, NULL, 'financial' FROM tmp_base;
INSERT INTO tmp_val SELECT declaration_id, 'ch_depreciation', charges * 4 DIV 100, NULL, 'financial' FROM tmp_base;
INSERT INTO tmp_val SELECT declaration_id, 'ch_staff',
	charges - charges * 10 DIV 100 - charges * 8 DIV 100 - charges * 4 DIV 100
	- charges * 2 DIV 100 - charges * 4 DIV 100, NULL, 'financial' FROM tmp_base;
INSERT INTO tmp_val SELECT declaration_id, 'total_charges', charges, NULL, 'financial' FROM tmp_base;
-- products: family 15 % (ALSH 25 %, RAM none), PS, municipality the rest, other 3 %
INSERT INTO tmp_val SELECT declaration_id, 'pr_family', charges * IF(kind = 'ALSH', 25, 15) DIV 100, NULL, 'financial' FROM tmp_base WHERE kind <> 'RAM';
INSERT INTO tmp_val SELECT declaration_id, 'pr_ps_caf', charges * CASE kind WHEN 'EAJE' THEN 40 WHEN 'ALSH' THEN 20 ELSE 40 END DIV 100, NULL, 'financial' FROM tmp_base;
INSERT INTO tmp_val SELECT declaration_id, 'pr_other', charges * 3 DIV 100, NULL, 'financial' FROM tmp_base;
INSERT INTO tmp_val SELECT b.declaration_id, 'pr_municipality',
	b.charges - COALESCE((SELECT SUM(v.v) FROM tmp_val v WHERE v.declaration_id = b.declaration_id
		AND v.code IN ('pr_family', 'pr_ps_caf', 'pr_other')), 0), NULL, 'financial' FROM tmp_base b;
INSERT INTO tmp_val SELECT declaration_id, 'total_products', charges, NULL, 'financial' FROM tmp_base;

INSERT INTO declaration_value (declaration_id, field_code, value_scaled, value_text, updated_by, updated_at)
SELECT v.declaration_id, v.code, v.v, v.t, IF(v.section = 'activity', b.act_by, b.fin_by), b.at
FROM tmp_val v JOIN tmp_base b ON b.declaration_id = v.declaration_id
ORDER BY v.declaration_id, v.code;

-- Amounts: the PS line of the accounts stands for the estimate signed at
-- transmission and, once validated, for the amount the Caf retained.
UPDATE declaration d JOIN tmp_val v ON v.declaration_id = d.id AND v.code = 'pr_ps_caf'
SET d.estimate_cents = v.v,
	d.final_amount_cents = IF(d.state = 'validated', v.v, NULL);

-- Evidence of the signature: SHA-256 of the canonical text (decl_canonical):
-- header, numbers sorted by code (binary order), texts, estimate, comment,
-- approver, time.
UPDATE declaration d
JOIN facility f ON f.id = d.facility_id
SET d.transmitted_digest = SHA2(CONCAT(
	'portail-partenaires/declaration/v1\n',
	'declaration=', d.id, '\n',
	'facility=', f.code, '\n',
	'fiscal_year=', d.fiscal_year, '\n',
	'type=', d.type, '\n',
	'version=', d.version, '\n',
	COALESCE((SELECT GROUP_CONCAT(CONCAT('value.', v.field_code, '=', v.value_scaled, '\n')
		ORDER BY v.field_code COLLATE utf8mb4_bin SEPARATOR '')
		FROM declaration_value v WHERE v.declaration_id = d.id AND v.value_scaled IS NOT NULL), ''),
	COALESCE((SELECT GROUP_CONCAT(CONCAT('text.', v.field_code, '=', v.value_text, '\n')
		ORDER BY v.field_code COLLATE utf8mb4_bin SEPARATOR '')
		FROM declaration_value v WHERE v.declaration_id = d.id AND v.value_scaled IS NULL
		AND v.value_text IS NOT NULL), ''),
	'estimate_cents=', COALESCE(d.estimate_cents, 0), '\n',
	'comment=', COALESCE(d.comment, ''), '\n',
	'approver=', d.transmitted_by, '\n',
	'transmitted_at=', d.transmitted_at, '\n'), 256)
WHERE d.transmitted_at IS NOT NULL;

DROP TEMPORARY TABLE tmp_val;
DROP TEMPORARY TABLE tmp_base;
