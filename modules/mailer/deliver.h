/* Handing one built message over: to an SMTP server with libcurl, or into
 * a .eml file when no SMTP server is configured. */
#ifndef MAILER_DELIVER_H
#define MAILER_DELIVER_H

#include <stddef.h>

struct portal_config;

struct smtp_settings {
	const char *url;	/* smtp://host:port or smtps://; NULL = files */
	int starttls;		/* require STARTTLS */
	const char *user;
	const char *password;
	const char *from;	/* envelope sender comes from here */
	const char *mail_dir;
	long timeout;		/* seconds */
};

void smtp_settings_from_config(const struct portal_config *cfg, struct smtp_settings *s);

/* 0 on success; otherwise -1 with a reason in err. */
int deliver_smtp(const struct smtp_settings *s, const char *to, const char *msg, size_t len,
		 char *err, size_t errlen);
/* Writes DIR/ID.eml atomically (temporary file + rename). */
int deliver_file(const struct smtp_settings *s, long long id, const char *msg, size_t len,
		 char *err, size_t errlen);

#endif
