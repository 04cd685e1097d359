/* Every SQL statement of the auth module (and of portal-admin), in one
 * place to audit. Prepared statements are cached by the address of these
 * arrays. Time is bound from portal_now(), never NOW(). */
#ifndef AUTH_SQL_H
#define AUTH_SQL_H

/* Accounts */
extern const char SQL_ACCOUNT_BY_EMAIL[];
extern const char SQL_ACCOUNT_BY_ID[];
extern const char SQL_ACCOUNT_BY_LOGIN[];
extern const char SQL_ACCOUNT_LOGIN_OK[];
extern const char SQL_ACCOUNT_USE_TEMP[];
extern const char SQL_ACCOUNT_REHASH[];
extern const char SQL_ACCOUNT_FORCE_CHANGE[];
extern const char SQL_ACCOUNT_SET_PASSWORD[];
extern const char SQL_ACCOUNT_SET_TEMP[];
extern const char SQL_ACCOUNT_CLEAR_TEMP[];
extern const char SQL_ACCOUNT_FORCE_ALL[];
extern const char SQL_ACCOUNT_INSERT_CAF_ADMIN[];
extern const char SQL_ACCOUNT_NEXT_LOGIN[];
extern const char SQL_CAF_BY_CODE[];
/* History */
extern const char SQL_HISTORY_LAST3[];
extern const char SQL_HISTORY_INSERT[];
/* Sessions of an account but the current one */
extern const char SQL_SESSION_DELETE_OTHERS[];
/* Throttle */
extern const char SQL_THROTTLE_ENSURE[];
extern const char SQL_THROTTLE_CHARGE[];
extern const char SQL_THROTTLE_GET[];
extern const char SQL_THROTTLE_SET_WAIT[];
extern const char SQL_THROTTLE_CLEAR[];
extern const char SQL_THROTTLE_REFUND[];
extern const char SQL_THROTTLE_COUNT_IN_HOUR[];
extern const char SQL_THROTTLE_UNLOCK[];
/* CAPTCHA */
extern const char SQL_CAPTCHA_PUT[];
extern const char SQL_CAPTCHA_GET[];
extern const char SQL_CAPTCHA_DELETE[];

#endif
