/* The text of the mail "Votre mot de passe" (forgotten password, and
 * portal-admin's reset and account creation). */
#ifndef AUTH_RESET_MAIL_H
#define AUTH_RESET_MAIL_H

struct arena;

#define RESET_MAIL_SUBJECT "Votre mot de passe"

/* base_url may be empty (then the path alone is given). */
char *reset_mail_body(struct arena *a, const char *first_name, const char *last_name,
		      const char *temp_password, long hours, const char *base_url);

#endif
