-- Auth: brute-force and rate-limit counters, CAPTCHA challenges.
-- Timestamps are Unix seconds from the C clock (portal_now()).

-- One counter per (kind, subject). Subjects are an IP address or the
-- SHA-256 (hex) of a lowercased e-mail as typed, known or not: unknown
-- addresses are throttled like known ones (no hint), and the typed
-- addresses of strangers are not kept in clear.
--   login_account / login_ip: failed logins in the window, growing delay
--     (next_allowed_at), then a soft lock (locked_until);
--   reset_email / reset_ip: forgotten-password requests in the hour.
-- Counters are charged with one atomic UPDATE before any hashing, so
-- parallel attempts never exceed the threshold.
CREATE TABLE auth_throttle (
	kind ENUM('login_account','login_ip','reset_email','reset_ip') NOT NULL,
	subject VARCHAR(64) NOT NULL,
	count INT UNSIGNED NOT NULL DEFAULT 0,
	window_start BIGINT NOT NULL DEFAULT 0,
	next_allowed_at BIGINT NOT NULL DEFAULT 0,
	locked_until BIGINT NOT NULL DEFAULT 0,
	PRIMARY KEY (kind, subject),
	KEY (window_start)
) ENGINE=InnoDB DEFAULT CHARSET=ascii COLLATE=ascii_bin;

-- The CAPTCHA challenge of a visitor session: one at a time, used once
-- (deleted when checked), expiring. Case-sensitive answer, hence the binary
-- collation.
CREATE TABLE auth_captcha (
	session_id BIGINT UNSIGNED NOT NULL PRIMARY KEY,
	answer VARCHAR(16) NOT NULL,
	expires_at BIGINT NOT NULL,
	FOREIGN KEY (session_id) REFERENCES session(id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=ascii COLLATE=ascii_bin;
