/* The auth module's SQL. Closed means closed_on <= today (exclusive end,
 * as in the core's session load) or not yet opened. */
#include "auth_sql.h"

#define ACCOUNT_COLS                                                                   \
	"id, email, password_hash, temp_password_hash, temp_password_expires_at,"    \
	" password_set_at, must_change_password,"                                    \
	" (closed_on IS NOT NULL AND closed_on <= ?) OR opened_on > ? AS closed,"     \
	" first_name, last_name, login"

const char SQL_ACCOUNT_BY_EMAIL[] =
	"SELECT " ACCOUNT_COLS " FROM account WHERE email_lower = LOWER(?)";
const char SQL_ACCOUNT_BY_LOGIN[] = "SELECT " ACCOUNT_COLS " FROM account WHERE login = ?";
const char SQL_ACCOUNT_BY_ID[] = "SELECT " ACCOUNT_COLS " FROM account WHERE id = ?";
const char SQL_ACCOUNT_LOGIN_OK[] =
	"UPDATE account SET previous_login_at = last_login_at, last_login_at = ?,"
	" temp_password_hash = NULL, temp_password_expires_at = NULL WHERE id = ?";
/* The temporary password becomes the current one (the old one stops
 * working) and must be replaced at once. */
const char SQL_ACCOUNT_USE_TEMP[] =
	"UPDATE account SET password_hash = temp_password_hash, password_set_at = ?,"
	" must_change_password = 1, temp_password_hash = NULL,"
	" temp_password_expires_at = NULL WHERE id = ? AND temp_password_hash IS NOT NULL";
const char SQL_ACCOUNT_REHASH[] = "UPDATE account SET password_hash = ? WHERE id = ?";
const char SQL_ACCOUNT_FORCE_CHANGE[] =
	"UPDATE account SET must_change_password = 1 WHERE id = ?";
const char SQL_ACCOUNT_SET_PASSWORD[] =
	"UPDATE account SET password_hash = ?, password_set_at = ?, must_change_password = 0,"
	" temp_password_hash = NULL, temp_password_expires_at = NULL WHERE id = ?";
const char SQL_ACCOUNT_SET_TEMP[] =
	"UPDATE account SET temp_password_hash = ?, temp_password_expires_at = ? WHERE id = ?";
const char SQL_ACCOUNT_CLEAR_TEMP[] =
	"UPDATE account SET temp_password_hash = NULL, temp_password_expires_at = NULL"
	" WHERE id = ?";
const char SQL_ACCOUNT_FORCE_ALL[] =
	"UPDATE account SET must_change_password = 1 WHERE must_change_password = 0";
const char SQL_ACCOUNT_INSERT_CAF_ADMIN[] =
	"INSERT INTO account (login, email, last_name, first_name, kind, caf_id, caf_roles,"
	" opened_on, password_hash, password_set_at, must_change_password, created_at)"
	" VALUES (?, ?, ?, ?, 'caf', ?, 'admin', ?, ?, ?, 1, ?)";
const char SQL_ACCOUNT_NEXT_LOGIN[] =
	"SELECT COUNT(*) FROM account WHERE login LIKE ?";
const char SQL_CAF_BY_CODE[] = "SELECT id, department FROM caf WHERE code = ?";

const char SQL_HISTORY_LAST3[] =
	"SELECT password_hash FROM password_history WHERE account_id = ?"
	" ORDER BY set_at DESC, id DESC LIMIT 3";
const char SQL_HISTORY_INSERT[] =
	"INSERT INTO password_history (account_id, password_hash, set_at) VALUES (?, ?, ?)";

const char SQL_SESSION_DELETE_OTHERS[] =
	"DELETE FROM session WHERE account_id = ? AND id <> ?";

const char SQL_THROTTLE_ENSURE[] =
	"INSERT IGNORE INTO auth_throttle (kind, subject, count, window_start) VALUES (?, ?, 0, 0)";
/* One atomic statement: a new window starts when the old one is over;
 * otherwise the attempt is charged only while under the limit, not locked
 * and past the growing delay. 1 affected row = allowed. Params: start
 * (= now - window), start, now, kind, subject, now, now, start, limit. */
const char SQL_THROTTLE_CHARGE[] =
	"UPDATE auth_throttle SET"
	" count = IF(window_start <= ?, 1, count + 1),"
	" window_start = IF(window_start <= ?, ?, window_start)"
	" WHERE kind = ? AND subject = ?"
	" AND locked_until <= ? AND next_allowed_at <= ?"
	" AND (window_start <= ? OR count < ?)";
const char SQL_THROTTLE_GET[] =
	"SELECT count, window_start, next_allowed_at, locked_until FROM auth_throttle"
	" WHERE kind = ? AND subject = ?";
const char SQL_THROTTLE_SET_WAIT[] =
	"UPDATE auth_throttle SET next_allowed_at = GREATEST(next_allowed_at, ?),"
	" locked_until = GREATEST(locked_until, ?) WHERE kind = ? AND subject = ?";
const char SQL_THROTTLE_CLEAR[] = "DELETE FROM auth_throttle WHERE kind = ? AND subject = ?";
const char SQL_THROTTLE_REFUND[] =
	"UPDATE auth_throttle SET count = IF(count > 0, count - 1, 0)"
	" WHERE kind = ? AND subject = ?";
const char SQL_THROTTLE_COUNT_IN_HOUR[] =
	"SELECT count FROM auth_throttle WHERE kind = ? AND subject = ? AND window_start > ?";
const char SQL_THROTTLE_UNLOCK[] = "DELETE FROM auth_throttle WHERE subject = ?";

const char SQL_CAPTCHA_PUT[] =
	"REPLACE INTO auth_captcha (session_id, answer, expires_at) VALUES (?, ?, ?)";
const char SQL_CAPTCHA_GET[] =
	"SELECT answer, expires_at FROM auth_captcha WHERE session_id = ?";
const char SQL_CAPTCHA_DELETE[] = "DELETE FROM auth_captcha WHERE session_id = ?";
