/* The text of one mail as it goes over SMTP or into a .eml file: RFC 5322
 * headers (Date, From, To, Subject in RFC 2047 UTF-8 words, Message-ID,
 * MIME) and a quoted-printable UTF-8 body, CRLF line ends. Pure code. */
#ifndef MAILER_MAIL_FORMAT_H
#define MAILER_MAIL_FORMAT_H

#include <stddef.h>
#include <time.h>

struct mail {
	long long id;		/* outbox id, in the Message-ID */
	const char *from;	/* "Portail <no-reply@caf.example>" or a bare address */
	const char *to;
	const char *subject;
	const char *body;	/* UTF-8, '\n' line ends */
};

/* The whole message, malloc'd, NUL-terminated; NULL when a header value
 * holds a control character (header injection) or memory runs out.
 * tag is a random string making the Message-ID unique. */
char *mail_build(const struct mail *m, time_t now, const char *tag, size_t *len);

/* RFC 2047 "=?UTF-8?B?...?=" words (folded) for a non-ASCII header value;
 * ASCII values are copied as they are. malloc'd. */
char *mail_encode_header(const char *value);
/* Quoted-printable with CRLF line ends and soft breaks at 76. malloc'd. */
char *mail_encode_qp(const char *text);
/* The address inside "Name <addr>" (or the value itself) into out. */
void mail_address_of(const char *from, char *out, size_t n);
/* "Sun, 22 Nov 2026 19:23:32 +0000" into out (>= 32). */
void mail_date(time_t t, char *out, size_t n);

/* Seconds before attempt n+1 after n failed attempts: 1 min, 2, 4 ...
 * capped at 6 hours. */
long mail_backoff(int attempts);

#endif
