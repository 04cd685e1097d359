/* Mail goes through the outbox table; portal-mailer delivers it. */
#include "outbox.h"

#include <string.h>

#include "clock.h"
#include "db.h"

static const char SQL_ENQUEUE[] =
	"INSERT INTO outbox (created_at, recipient, subject, body, status, attempts,"
	" next_attempt_at) VALUES (?, ?, ?, ?, 'pending', 0, ?)";

/* No control characters at all in a header value: CR/LF would inject
 * headers. */
static int header_safe(const char *s, size_t max)
{
	size_t n = 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++, n++)
		if (*p < 0x20 || *p == 0x7f)
			return 0;
	return n > 0 && n <= max;
}

int outbox_enqueue(struct db *db, const char *to, const char *subject, const char *body)
{
	if (!to || !subject || !body || !header_safe(to, 254) || !header_safe(subject, 200) ||
	    !strchr(to, '@'))
		return -1;
	long long now = (long long)portal_now();
	return (int)db_exec(db, SQL_ENQUEUE,
			    DB_ARGS(DB_INT(now), DB_TEXT(to), DB_TEXT(subject), DB_TEXT(body),
				    DB_INT(now)),
			    NULL, NULL);
}
