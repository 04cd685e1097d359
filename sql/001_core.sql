-- Core tables: who signs in, their sessions, the journal and the mail outbox.
-- Timestamps (*_at) are Unix seconds written by the C clock, never NOW():
-- tests move time. Calendar dates (*_on) are DATE.

CREATE TABLE caf (
	id INT UNSIGNED PRIMARY KEY AUTO_INCREMENT,
	code CHAR(3) NOT NULL UNIQUE,            -- e.g. '781'
	name VARCHAR(120) NOT NULL,              -- 'Caf des Yvelines'
	department CHAR(3) NOT NULL,             -- '78'
	contact_email VARCHAR(254) NOT NULL,
	contact_phone VARCHAR(20) NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE partner_type (
	id SMALLINT UNSIGNED PRIMARY KEY AUTO_INCREMENT,
	code VARCHAR(20) NOT NULL UNIQUE,        -- 'COMMUNE', 'ASSOCIATION', 'ENTREPRISE' ...
	label VARCHAR(120) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE partner (
	id INT UNSIGNED PRIMARY KEY AUTO_INCREMENT,
	caf_id INT UNSIGNED NOT NULL,
	type_id SMALLINT UNSIGNED NOT NULL,
	name VARCHAR(160) NOT NULL,
	siret CHAR(14) NULL,
	address VARCHAR(200) NULL,
	postal_code CHAR(5) NULL,
	city VARCHAR(100) NULL,
	created_at BIGINT NOT NULL,
	FOREIGN KEY (caf_id) REFERENCES caf(id),
	FOREIGN KEY (type_id) REFERENCES partner_type(id),
	KEY (caf_id, name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A person who signs in: a Caf agent or a partner's user. The login
-- (identifiant, like ENF0120009) and the e-mail are unique in the portal.
CREATE TABLE account (
	id INT UNSIGNED PRIMARY KEY AUTO_INCREMENT,
	login VARCHAR(20) NOT NULL UNIQUE,
	email VARCHAR(254) NOT NULL,
	email_lower VARCHAR(254) AS (LOWER(email)) PERSISTENT,
	last_name VARCHAR(80) NOT NULL,
	first_name VARCHAR(80) NOT NULL,
	phone VARCHAR(20) NULL,
	mobility ENUM('sedentary','itinerant') NOT NULL DEFAULT 'sedentary',
	kind ENUM('caf','partner') NOT NULL,
	caf_id INT UNSIGNED NULL,                -- Caf agents: their Caf
	partner_id INT UNSIGNED NULL,            -- partner users: their partner
	caf_roles SET('admin','habilitation_manager','instructor') NOT NULL DEFAULT '',
	opened_on DATE NOT NULL,
	closed_on DATE NULL,                     -- closed from this date on ("Clôturé")
	password_hash VARCHAR(255) NULL,         -- argon2id (crypto_pwhash_str)
	password_set_at BIGINT NULL,
	must_change_password TINYINT(1) NOT NULL DEFAULT 0,
	temp_password_hash VARCHAR(255) NULL,    -- emailed temporary password
	temp_password_expires_at BIGINT NULL,
	last_login_at BIGINT NULL,
	previous_login_at BIGINT NULL,
	created_at BIGINT NOT NULL,
	UNIQUE KEY account_email_unique (email_lower),
	FOREIGN KEY (caf_id) REFERENCES caf(id),
	FOREIGN KEY (partner_id) REFERENCES partner(id),
	KEY (partner_id, last_name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Old password hashes, for the "not one of the last 3" rule.
CREATE TABLE password_history (
	id BIGINT UNSIGNED PRIMARY KEY AUTO_INCREMENT,
	account_id INT UNSIGNED NOT NULL,
	password_hash VARCHAR(255) NOT NULL,
	set_at BIGINT NOT NULL,
	FOREIGN KEY (account_id) REFERENCES account(id) ON DELETE CASCADE,
	KEY (account_id, set_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Groups (AFAS-DECLARER, AFAS-HABILITER) govern the menus.
CREATE TABLE account_group (
	id SMALLINT UNSIGNED PRIMARY KEY AUTO_INCREMENT,
	code VARCHAR(30) NOT NULL UNIQUE,
	label VARCHAR(120) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE group_member (
	id INT UNSIGNED PRIMARY KEY AUTO_INCREMENT,
	group_id SMALLINT UNSIGNED NOT NULL,
	account_id INT UNSIGNED NOT NULL,
	opened_on DATE NOT NULL,
	closed_on DATE NULL,
	created_by INT UNSIGNED NULL,
	FOREIGN KEY (group_id) REFERENCES account_group(id),
	FOREIGN KEY (account_id) REFERENCES account(id),
	KEY (account_id, group_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO account_group (code, label) VALUES
	('AFAS-DECLARER', 'AFAS-DECLARER'),
	('AFAS-HABILITER', 'AFAS-HABILITER');

-- Sessions: only the SHA-256 of the cookie's 256-bit token is stored.
CREATE TABLE session (
	id BIGINT UNSIGNED PRIMARY KEY AUTO_INCREMENT,
	token_hash BINARY(32) NOT NULL UNIQUE,
	account_id INT UNSIGNED NULL,
	csrf_token CHAR(43) NOT NULL,
	created_at BIGINT NOT NULL,
	last_seen_at BIGINT NOT NULL,
	ip VARCHAR(45) NULL,
	flash_kind VARCHAR(10) NULL,
	flash_message VARCHAR(500) NULL,
	FOREIGN KEY (account_id) REFERENCES account(id) ON DELETE CASCADE,
	KEY (account_id),
	KEY (last_seen_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A form posted after its session expired, given back after login.
CREATE TABLE saved_form (
	session_id BIGINT UNSIGNED NOT NULL PRIMARY KEY,
	path VARCHAR(500) NOT NULL,
	body MEDIUMTEXT NOT NULL,                -- urlencoded fields
	created_at BIGINT NOT NULL,
	FOREIGN KEY (session_id) REFERENCES session(id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The journal: append-only (no module holds UPDATE or DELETE on it).
CREATE TABLE audit_event (
	id BIGINT UNSIGNED PRIMARY KEY AUTO_INCREMENT,
	at BIGINT NOT NULL,
	actor_id INT UNSIGNED NULL,
	ip VARCHAR(45) NULL,
	request_id VARCHAR(64) NULL,
	action VARCHAR(60) NOT NULL,
	target_type VARCHAR(30) NULL,
	target_id BIGINT NULL,
	detail TEXT NULL,
	KEY (action, at),
	KEY (target_type, target_id),
	KEY (actor_id, at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Mail waiting for portal-mailer.
CREATE TABLE outbox (
	id BIGINT UNSIGNED PRIMARY KEY AUTO_INCREMENT,
	created_at BIGINT NOT NULL,
	recipient VARCHAR(254) NOT NULL,
	subject VARCHAR(200) NOT NULL,
	body MEDIUMTEXT NOT NULL,
	status ENUM('pending','sent','failed') NOT NULL DEFAULT 'pending',
	attempts SMALLINT UNSIGNED NOT NULL DEFAULT 0,
	next_attempt_at BIGINT NOT NULL,
	sent_at BIGINT NULL,
	last_error VARCHAR(500) NULL,
	KEY (status, next_attempt_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
