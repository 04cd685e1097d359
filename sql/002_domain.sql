-- Shared domain schema: conventions, facilities and sites, delegated
-- administration, habilitations, campaigns, declarations and their values,
-- controls, scales and published averages.
--
-- Conventions (see 001_core.sql): *_at are BIGINT Unix seconds from the C
-- clock, never NOW(); *_on are DATE. Money, hours and rates are exact
-- integers: "scaled" means value x 10^decimals (cents for euros, hundredths
-- for hours), so C code never touches floating point.
-- Foreign keys use RESTRICT (the default): nothing shared is ever deleted,
-- it is closed (closed_on, ends_on) so history stays readable. A closing
-- date is exclusive, as for account.closed_on: closed from that day on.
-- Rows are active while opened_on <= today AND (closed_on IS NULL OR
-- closed_on > today).

-- Convention d'accès between a Caf (the "Caf pivot") and a partner.
-- State "Validée le ..." is validated_on; status Ouvert / Clôturé is status.
CREATE TABLE convention (
	id INT UNSIGNED PRIMARY KEY AUTO_INCREMENT,
	caf_id INT UNSIGNED NOT NULL,            -- Caf pivot
	partner_id INT UNSIGNED NOT NULL,
	label VARCHAR(160) NOT NULL,             -- libellé
	opened_on DATE NOT NULL,
	closed_on DATE NULL,
	status ENUM('open','closed') NOT NULL DEFAULT 'open',
	validated_on DATE NULL,                  -- NULL: not validated yet
	created_by INT UNSIGNED NULL,
	created_at BIGINT NOT NULL,
	FOREIGN KEY (caf_id) REFERENCES caf(id),
	FOREIGN KEY (partner_id) REFERENCES partner(id),
	FOREIGN KEY (created_by) REFERENCES account(id),
	UNIQUE KEY convention_id_partner (id, partner_id),  -- target of facility's composite FK
	KEY (caf_id, status, label),
	KEY (partner_id, status)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Bulletin d'adhésion: a service the convention opens, with its scope.
CREATE TABLE convention_service (
	id INT UNSIGNED PRIMARY KEY AUTO_INCREMENT,
	convention_id INT UNSIGNED NOT NULL,
	service VARCHAR(10) NOT NULL,            -- 'AFAS', 'CDAP'
	scope ENUM('local','multi_caf','national') NOT NULL DEFAULT 'local',
	opened_on DATE NOT NULL,
	closed_on DATE NULL,
	FOREIGN KEY (convention_id) REFERENCES convention(id),
	UNIQUE KEY (convention_id, service)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Équipement / activité. Its partner, Caf and convention decide who may see
-- it; department drives the departmental averages.
CREATE TABLE facility (
	id INT UNSIGNED PRIMARY KEY AUTO_INCREMENT,
	partner_id INT UNSIGNED NOT NULL,
	caf_id INT UNSIGNED NOT NULL,            -- the Caf instructing it
	convention_id INT UNSIGNED NOT NULL,
	code VARCHAR(20) NOT NULL UNIQUE,        -- Caf's reference, e.g. 'EAJE-781-0001'
	kind ENUM('EAJE','ALSH','RAM') NOT NULL,
	nature ENUM('periscolaire','extrascolaire','adolescents') NULL,  -- ALSH only
	care_type ENUM('collectif','familial','parental') NULL,          -- EAJE only
	name VARCHAR(160) NOT NULL,
	address VARCHAR(200) NULL,
	postal_code CHAR(5) NULL,
	city VARCHAR(100) NULL,
	department CHAR(3) NOT NULL,             -- '78', '2A', '974'
	places SMALLINT UNSIGNED NULL,           -- agrément (EAJE authorised places)
	caf_referent_name VARCHAR(120) NULL,     -- "votre référent Caf" (fiche 4)
	caf_referent_email VARCHAR(254) NULL,
	caf_referent_phone VARCHAR(20) NULL,
	opened_on DATE NOT NULL,
	closed_on DATE NULL,
	created_at BIGINT NOT NULL,
	FOREIGN KEY (caf_id) REFERENCES caf(id),
	FOREIGN KEY (partner_id) REFERENCES partner(id),
	-- the convention must be the partner's own
	FOREIGN KEY (convention_id, partner_id) REFERENCES convention(id, partner_id),
	CONSTRAINT facility_nature_alsh CHECK (nature IS NULL OR kind = 'ALSH'),
	CONSTRAINT facility_care_type_eaje CHECK (care_type IS NULL OR kind = 'EAJE'),
	KEY (partner_id, kind, name),
	KEY (caf_id, kind, name),
	KEY (convention_id),
	KEY (kind, department),
	KEY (city)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- What the Caf knows of a facility for one fiscal year, shown to the
-- declarer and used by the estimate: the general-scheme rate (taux de régime
-- général), the authorised places that year, the RAM's ETP validated by the
-- Caf board.
CREATE TABLE facility_year (
	facility_id INT UNSIGNED NOT NULL,
	fiscal_year SMALLINT UNSIGNED NOT NULL,
	general_scheme_rate INT UNSIGNED NULL,   -- x10^4: 9800 = 0,98
	places SMALLINT UNSIGNED NULL,
	validated_etp INT UNSIGNED NULL,         -- x100: 100 = 1,00 ETP
	PRIMARY KEY (facility_id, fiscal_year),
	FOREIGN KEY (facility_id) REFERENCES facility(id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Lieu d'implantation of a facility (ALSH and RAM may have several).
CREATE TABLE site (
	id INT UNSIGNED PRIMARY KEY AUTO_INCREMENT,
	facility_id INT UNSIGNED NOT NULL,
	name VARCHAR(160) NOT NULL,
	address VARCHAR(200) NULL,
	postal_code CHAR(5) NULL,
	city VARCHAR(100) NULL,
	opened_on DATE NULL,
	closed_on DATE NULL,
	FOREIGN KEY (facility_id) REFERENCES facility(id),
	UNIQUE KEY site_id_facility (id, facility_id),  -- target of habilitation's composite FK
	KEY (facility_id, name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Delegated administration: the partner administrator (whole partner) and
-- the habilitation managers (responsables habilitations, limited to the
-- facilities listed in admin_grant_facility). granted_by is the Caf agent
-- or the grantor up the chain.
CREATE TABLE admin_grant (
	id INT UNSIGNED PRIMARY KEY AUTO_INCREMENT,
	account_id INT UNSIGNED NOT NULL,
	partner_id INT UNSIGNED NOT NULL,
	kind ENUM('partner_admin','habilitation_manager') NOT NULL,
	granted_by INT UNSIGNED NULL,
	parent_grant_id INT UNSIGNED NULL,       -- manager appointed under this grant
	opened_on DATE NOT NULL,
	closed_on DATE NULL,
	created_at BIGINT NOT NULL,
	ended_by INT UNSIGNED NULL,
	FOREIGN KEY (account_id) REFERENCES account(id),
	FOREIGN KEY (partner_id) REFERENCES partner(id),
	FOREIGN KEY (granted_by) REFERENCES account(id),
	FOREIGN KEY (parent_grant_id) REFERENCES admin_grant(id),
	FOREIGN KEY (ended_by) REFERENCES account(id),
	KEY (account_id, kind),
	KEY (partner_id, kind)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A habilitation manager's scope (ignored for partner_admin: all facilities).
CREATE TABLE admin_grant_facility (
	admin_grant_id INT UNSIGNED NOT NULL,
	facility_id INT UNSIGNED NOT NULL,
	PRIMARY KEY (admin_grant_id, facility_id),
	FOREIGN KEY (admin_grant_id) REFERENCES admin_grant(id),
	FOREIGN KEY (facility_id) REFERENCES facility(id),
	KEY (facility_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A role held by a user on a facility (or one of its sites), active while
-- starts_on <= today < ends_on (NULL: open-ended); like account.closed_on,
-- ends_on is the first day it no longer holds. The state shown (Actif,
-- Historique, Inactif) derives from these dates and validation at request
-- time. An approver starts 'pending' until an agent of the facility's Caf
-- validates it; other roles are 'not_required'.
CREATE TABLE habilitation (
	id INT UNSIGNED PRIMARY KEY AUTO_INCREMENT,
	account_id INT UNSIGNED NOT NULL,
	facility_id INT UNSIGNED NOT NULL,
	site_id INT UNSIGNED NULL,               -- NULL: the whole facility
	role ENUM('activity_provider','financial_provider','approver','consultant') NOT NULL,
	starts_on DATE NOT NULL,
	ends_on DATE NULL,
	validation ENUM('not_required','pending','validated','refused') NOT NULL DEFAULT 'not_required',
	validated_by INT UNSIGNED NULL,          -- Caf agent who validated or refused
	validated_at BIGINT NULL,
	refusal_reason VARCHAR(500) NULL,
	created_by INT UNSIGNED NULL,
	created_at BIGINT NOT NULL,
	ended_by INT UNSIGNED NULL,              -- who set ends_on
	ended_at BIGINT NULL,
	FOREIGN KEY (account_id) REFERENCES account(id),
	FOREIGN KEY (facility_id) REFERENCES facility(id),
	-- a site must belong to the habilitation's facility
	FOREIGN KEY (site_id, facility_id) REFERENCES site(id, facility_id),
	FOREIGN KEY (validated_by) REFERENCES account(id),
	FOREIGN KEY (created_by) REFERENCES account(id),
	FOREIGN KEY (ended_by) REFERENCES account(id),
	CONSTRAINT habilitation_dates CHECK (ends_on IS NULL OR ends_on >= starts_on),
	KEY (account_id, starts_on),
	KEY (facility_id, role, starts_on),      -- the 2/2/1 limit check (locked rows)
	KEY (validation, facility_id)            -- approvers awaiting the Caf
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Appel de déclaration: a Caf opens one declaration type for a fiscal year
-- and a facility kind; the declarations it opened point back to it.
CREATE TABLE campaign (
	id INT UNSIGNED PRIMARY KEY AUTO_INCREMENT,
	caf_id INT UNSIGNED NOT NULL,
	fiscal_year SMALLINT UNSIGNED NOT NULL,
	type ENUM('forecast','update','actual') NOT NULL,
	facility_kind ENUM('EAJE','ALSH','RAM') NOT NULL,
	due_on DATE NULL,                        -- date limite de déclaration
	opened_by INT UNSIGNED NULL,
	created_at BIGINT NOT NULL,
	FOREIGN KEY (caf_id) REFERENCES caf(id),
	FOREIGN KEY (opened_by) REFERENCES account(id),
	KEY (caf_id, fiscal_year, type)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One version of one declaration (facility, fiscal year, type). A rejected
-- version stays; its correction is version + 1. row_version increments on
-- every write so two people saving at once are detected (optimistic lock).
CREATE TABLE declaration (
	id INT UNSIGNED PRIMARY KEY AUTO_INCREMENT,
	facility_id INT UNSIGNED NOT NULL,
	fiscal_year SMALLINT UNSIGNED NOT NULL,  -- exercice
	type ENUM('forecast','update','actual') NOT NULL,
	version SMALLINT UNSIGNED NOT NULL DEFAULT 1,
	campaign_id INT UNSIGNED NULL,
	state ENUM('to_enter','in_progress','transmitted','validated','rejected') NOT NULL DEFAULT 'to_enter',
	row_version INT UNSIGNED NOT NULL DEFAULT 0,
	-- "fin de saisie" ticked by the providers; only the approver unticks
	activity_done TINYINT(1) NOT NULL DEFAULT 0,
	activity_done_by INT UNSIGNED NULL,
	activity_done_at BIGINT NULL,
	financial_done TINYINT(1) NOT NULL DEFAULT 0,
	financial_done_by INT UNSIGNED NULL,
	financial_done_at BIGINT NULL,
	-- control steps passed (every anomaly/alert explained)
	activity_controlled TINYINT(1) NOT NULL DEFAULT 0,
	financial_controlled TINYINT(1) NOT NULL DEFAULT 0,
	global_controlled TINYINT(1) NOT NULL DEFAULT 0,
	estimate_cents BIGINT NULL,              -- estimated entitlement at global control
	final_amount_cents BIGINT NULL,          -- amount set by the Caf at validation
	comment TEXT NULL,                       -- approver's comment at transmission
	created_at BIGINT NOT NULL,
	updated_at BIGINT NULL,
	updated_by INT UNSIGNED NULL,
	transmitted_at BIGINT NULL,
	transmitted_by INT UNSIGNED NULL,
	transmitted_digest CHAR(64) NULL,        -- SHA-256 hex of what was signed
	validated_at BIGINT NULL,
	validated_by INT UNSIGNED NULL,
	rejected_at BIGINT NULL,
	rejected_by INT UNSIGNED NULL,
	reject_reason TEXT NULL,
	correction_delegated TINYINT(1) NOT NULL DEFAULT 0,  -- approver gave the correction to the providers
	FOREIGN KEY (facility_id) REFERENCES facility(id),
	FOREIGN KEY (campaign_id) REFERENCES campaign(id),
	FOREIGN KEY (activity_done_by) REFERENCES account(id),
	FOREIGN KEY (financial_done_by) REFERENCES account(id),
	FOREIGN KEY (updated_by) REFERENCES account(id),
	FOREIGN KEY (transmitted_by) REFERENCES account(id),
	FOREIGN KEY (validated_by) REFERENCES account(id),
	FOREIGN KEY (rejected_by) REFERENCES account(id),
	UNIQUE KEY declaration_version (facility_id, fiscal_year, type, version),
	KEY (state, facility_id),                -- Caf instruction lists, home pages
	KEY (type, state, fiscal_year, facility_id),  -- statistics: validated actuals of a year
	KEY (campaign_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The field catalogue: forms are data. A value of a field is stored scaled by
-- 10^decimals; bounds use the same scale. essential: missing blocks the next
-- step (red banner); computed: derived (totals), not entered.
CREATE TABLE form_field (
	id INT UNSIGNED PRIMARY KEY AUTO_INCREMENT,
	kind ENUM('EAJE','ALSH','RAM') NOT NULL,
	declaration_type ENUM('forecast','update','actual') NOT NULL,
	section ENUM('activity','financial') NOT NULL,
	code VARCHAR(40) NOT NULL,               -- stable key, e.g. 'hours_invoiced'
	heading VARCHAR(160) NULL,               -- subtitle grouping fields in the form
	label VARCHAR(200) NOT NULL,
	help TEXT NULL,                          -- the infobulle
	unit ENUM('hours','euros','count','percent','months','etp','days','bool','text','rate') NOT NULL,
	min_scaled BIGINT NULL,
	max_scaled BIGINT NULL,
	decimals TINYINT UNSIGNED NOT NULL DEFAULT 0,
	required TINYINT(1) NOT NULL DEFAULT 0,
	essential TINYINT(1) NOT NULL DEFAULT 0,
	computed TINYINT(1) NOT NULL DEFAULT 0,
	ledger_column ENUM('charges','products') NULL,  -- financial: compte de résultat column
	sort_order SMALLINT UNSIGNED NOT NULL DEFAULT 0,
	UNIQUE KEY form_field_code (kind, declaration_type, code),
	KEY (kind, declaration_type, section, sort_order)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The values entered in a declaration, one row per field.
CREATE TABLE declaration_value (
	declaration_id INT UNSIGNED NOT NULL,
	field_code VARCHAR(40) NOT NULL,
	value_scaled BIGINT NULL,                -- numbers and bools (0/1)
	value_text VARCHAR(2000) NULL,           -- unit 'text'
	updated_by INT UNSIGNED NULL,
	updated_at BIGINT NOT NULL,
	PRIMARY KEY (declaration_id, field_code),
	FOREIGN KEY (declaration_id) REFERENCES declaration(id) ON DELETE CASCADE,
	FOREIGN KEY (updated_by) REFERENCES account(id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Outcome of the controls of one step: anomalies and alerts, each to be
-- explained before the next step opens.
CREATE TABLE control_result (
	id INT UNSIGNED PRIMARY KEY AUTO_INCREMENT,
	declaration_id INT UNSIGNED NOT NULL,
	section ENUM('activity','financial','global') NOT NULL,
	code VARCHAR(40) NOT NULL,               -- rule id, e.g. 'invoiced_below_performed'
	severity ENUM('anomaly','alert') NOT NULL,
	message VARCHAR(1000) NOT NULL,
	required_action VARCHAR(1000) NULL,      -- "Actions requises"
	explanation TEXT NULL,                   -- "Explication"
	explained_by INT UNSIGNED NULL,
	explained_at BIGINT NULL,
	computed_at BIGINT NOT NULL,
	FOREIGN KEY (declaration_id) REFERENCES declaration(id) ON DELETE CASCADE,
	FOREIGN KEY (explained_by) REFERENCES account(id),
	UNIQUE KEY control_result_rule (declaration_id, section, code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Barème: the year's parameters per facility kind (ceilings, rates),
-- editable by a Caf administrator.
CREATE TABLE scale (
	id INT UNSIGNED PRIMARY KEY AUTO_INCREMENT,
	fiscal_year SMALLINT UNSIGNED NOT NULL,
	kind ENUM('EAJE','ALSH','RAM') NOT NULL,
	code VARCHAR(40) NOT NULL,               -- e.g. 'ceiling_t107'
	value_scaled BIGINT NOT NULL,
	decimals TINYINT UNSIGNED NOT NULL DEFAULT 2,
	label VARCHAR(200) NOT NULL,
	updated_by INT UNSIGNED NULL,
	updated_at BIGINT NULL,
	FOREIGN KEY (updated_by) REFERENCES account(id),
	UNIQUE KEY scale_code (fiscal_year, kind, code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Published departmental and national averages (and medians) of each
-- indicator. department is NULL for the national scope; department_key
-- makes the unique key hold for it too (NULLs never collide).
CREATE TABLE reference_average (
	id INT UNSIGNED PRIMARY KEY AUTO_INCREMENT,
	fiscal_year SMALLINT UNSIGNED NOT NULL,
	kind ENUM('EAJE','ALSH','RAM') NOT NULL,
	scope ENUM('department','national') NOT NULL,
	department VARCHAR(3) NULL,              -- VARCHAR: CHAR padding bars it from generated columns
	department_key VARCHAR(3) AS (COALESCE(department, '')) PERSISTENT,
	indicator VARCHAR(40) NOT NULL,          -- e.g. 'occupancy_rate'
	mean_scaled BIGINT NULL,                 -- NULL: not computable
	median_scaled BIGINT NULL,
	decimals TINYINT UNSIGNED NOT NULL DEFAULT 2,
	facility_count INT UNSIGNED NOT NULL,
	published_at BIGINT NOT NULL,
	CONSTRAINT reference_average_scope CHECK ((scope = 'national') = (department IS NULL)),
	UNIQUE KEY reference_average_key (fiscal_year, kind, scope, department_key, indicator)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
