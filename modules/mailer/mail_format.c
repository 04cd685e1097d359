/* Building mail text: encoders and headers. */
#include "mail_format.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct buf {
	char *p;
	size_t len, cap;
	int failed;
};

static void put(struct buf *b, const char *s, size_t n)
{
	if (b->failed)
		return;
	if (b->len + n + 1 > b->cap) {
		size_t cap = (b->cap + n + 1) * 2;
		char *np = realloc(b->p, cap);
		if (!np) {
			b->failed = 1;
			return;
		}
		b->p = np;
		b->cap = cap;
	}
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

static void puts_(struct buf *b, const char *s)
{
	put(b, s, strlen(s));
}

static char *finish(struct buf *b, size_t *len)
{
	if (b->failed || !b->p) {
		free(b->p);
		if (!b->failed) {
			char *empty = calloc(1, 1);
			if (len)
				*len = 0;
			return empty;
		}
		return NULL;
	}
	if (len)
		*len = b->len;
	return b->p;
}

static int is_ascii_printable(const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p < 0x20 || *p > 0x7e)
			return 0;
	return 1;
}

static int has_control(const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p < 0x20 || *p == 0x7f)
			return 1;
	return 0;
}

static const char B64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static void put_base64(struct buf *b, const unsigned char *s, size_t n)
{
	for (size_t i = 0; i < n; i += 3) {
		unsigned v = (unsigned)s[i] << 16;
		if (i + 1 < n)
			v |= (unsigned)s[i + 1] << 8;
		if (i + 2 < n)
			v |= s[i + 2];
		char q[4] = {B64[(v >> 18) & 63], B64[(v >> 12) & 63],
			     i + 1 < n ? B64[(v >> 6) & 63] : '=', i + 2 < n ? B64[v & 63] : '='};
		put(b, q, 4);
	}
}

char *mail_encode_header(const char *value)
{
	struct buf b = {0};
	if (is_ascii_printable(value)) {
		puts_(&b, value);
		return finish(&b, NULL);
	}
	/* Words of at most 45 bytes (60 base64 characters), cut between UTF-8
	 * characters, one per folded line. */
	const unsigned char *s = (const unsigned char *)value;
	size_t n = strlen(value), i = 0;
	while (i < n) {
		size_t end = i + 45 < n ? i + 45 : n;
		while (end < n && end > i && (s[end] & 0xC0) == 0x80)
			end--;
		if (i)
			puts_(&b, "\r\n ");
		puts_(&b, "=?UTF-8?B?");
		put_base64(&b, s + i, end - i);
		puts_(&b, "?=");
		i = end;
	}
	return finish(&b, NULL);
}

char *mail_encode_qp(const char *text)
{
	static const char hex[] = "0123456789ABCDEF";
	struct buf b = {0};
	size_t col = 0;
	const unsigned char *p = (const unsigned char *)text;
	for (; *p; p++) {
		if (*p == '\r')
			continue;
		if (*p == '\n') {
			puts_(&b, "\r\n");
			col = 0;
			continue;
		}
		char enc[3];
		size_t w;
		/* A space or tab before a line end would be lost in transit. */
		int trailing_ws = (*p == ' ' || *p == '\t') && (p[1] == '\n' || p[1] == '\r' || !p[1]);
		if ((*p >= 33 && *p <= 126 && *p != '=') || ((*p == ' ' || *p == '\t') && !trailing_ws)) {
			enc[0] = (char)*p;
			w = 1;
		} else {
			enc[0] = '=';
			enc[1] = hex[*p >> 4];
			enc[2] = hex[*p & 15];
			w = 3;
		}
		if (col + w > 75) {
			puts_(&b, "=\r\n");
			col = 0;
		}
		put(&b, enc, w);
		col += w;
	}
	if (col)
		puts_(&b, "\r\n");
	return finish(&b, NULL);
}

void mail_address_of(const char *from, char *out, size_t n)
{
	const char *lt = strrchr(from, '<');
	const char *gt = lt ? strchr(lt, '>') : NULL;
	if (lt && gt && gt > lt + 1)
		snprintf(out, n, "%.*s", (int)(gt - lt - 1), lt + 1);
	else
		snprintf(out, n, "%s", from);
}

void mail_date(time_t t, char *out, size_t n)
{
	static const char *const days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
	static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
					     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
	struct tm tm;
	gmtime_r(&t, &tm);
	snprintf(out, n, "%s, %02d %s %04d %02d:%02d:%02d +0000", days[tm.tm_wday], tm.tm_mday,
		 months[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

/* "Name <addr>" with a non-ASCII name: the name as encoded words. */
static char *encode_mailbox(const char *v)
{
	const char *lt = strrchr(v, '<');
	if (!lt || lt == v || is_ascii_printable(v)) {
		struct buf b = {0};
		puts_(&b, v);
		return finish(&b, NULL);
	}
	size_t nlen = (size_t)(lt - v);
	while (nlen && v[nlen - 1] == ' ')
		nlen--;
	char *name = strndup(v, nlen);
	char *enc = name ? mail_encode_header(name) : NULL;
	free(name);
	if (!enc)
		return NULL;
	struct buf b = {0};
	puts_(&b, enc);
	puts_(&b, " ");
	puts_(&b, lt);
	free(enc);
	return finish(&b, NULL);
}

char *mail_build(const struct mail *m, time_t now, const char *tag, size_t *len)
{
	if (!m->from || !m->to || !m->subject || !m->body || has_control(m->from) ||
	    has_control(m->to) || has_control(m->subject) || !strchr(m->to, '@'))
		return NULL;
	char date[40], addr[256], line[600];
	mail_date(now, date, sizeof date);
	mail_address_of(m->from, addr, sizeof addr);
	const char *domain = strchr(addr, '@');
	domain = domain ? domain + 1 : "localhost";
	char *subject = mail_encode_header(m->subject);
	char *from = encode_mailbox(m->from);
	char *body = mail_encode_qp(m->body);
	struct buf b = {0};
	if (!subject || !from || !body)
		b.failed = 1;
	snprintf(line, sizeof line, "Date: %s\r\n", date);
	puts_(&b, line);
	puts_(&b, "From: ");
	puts_(&b, from ? from : "");
	puts_(&b, "\r\nTo: ");
	puts_(&b, m->to);
	puts_(&b, "\r\nSubject: ");
	puts_(&b, subject ? subject : "");
	snprintf(line, sizeof line, "\r\nMessage-ID: <%lld.%s@%s>\r\n", m->id, tag, domain);
	puts_(&b, line);
	puts_(&b, "MIME-Version: 1.0\r\n"
		  "Content-Type: text/plain; charset=UTF-8\r\n"
		  "Content-Transfer-Encoding: quoted-printable\r\n"
		  "Auto-Submitted: auto-generated\r\n"
		  "\r\n");
	puts_(&b, body ? body : "");
	free(subject);
	free(from);
	free(body);
	return finish(&b, len);
}

long mail_backoff(int attempts)
{
	long d = 60;
	for (int i = 1; i < attempts && d < 6 * 3600; i++)
		d *= 2;
	return d > 6 * 3600 ? 6 * 3600 : d;
}
