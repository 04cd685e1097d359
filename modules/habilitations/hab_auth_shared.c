/* A new account's temporary password is made and hashed by the auth
 * module's own rules (alphabet, password policy, argon2id cost from the
 * configuration): the Makefile builds each module from its own folder, so
 * those files (none of them a handler) are compiled here a second time, as
 * modules/cli/auth_shared.c does for portal-admin. */
#include "../auth/password_policy.c"
#include "../auth/passwords.c"
