/* portal-admin works on accounts with the auth module's own rules and SQL:
 * the Makefile links each program from its own folder, so the auth files it
 * needs (none of them a handler) are compiled here a second time. */
#include "../auth/auth_sql.c"
#include "../auth/auth_store.c"
#include "../auth/password_policy.c"
#include "../auth/passwords.c"
#include "../auth/reset_mail.c"
#include "../auth/throttle.c"
