/* Mail text: RFC 5322 headers, RFC 2047 subject, quoted-printable body,
 * header injection refused, back-off. (portal-mailer's main is weak, so
 * this driver's main wins at link time.) */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "../../../modules/mailer/mail_format.h"

/* 2026-11-22 19:23:32 UTC, a Sunday */
static const time_t T = 1795375412;

static struct mail sample(void)
{
	struct mail m = {.id = 42,
			 .from = "Portail Caf partenaires <ne-pas-repondre@caf.example>",
			 .to = "claire.dumas@example.org",
			 .subject = "Votre mot de passe",
			 .body = "Bonjour,\nVotre mot de passe provisoire : Ab3=x\n"};
	return m;
}

static void mail_date__known_time__rfc5322(void **state)
{
	(void)state;
	char d[40];
	mail_date(T, d, sizeof d);
	assert_string_equal(d, "Sun, 22 Nov 2026 19:23:32 +0000");
}

static void mail_build__sample__headers_and_crlf(void **state)
{
	(void)state;
	struct mail m = sample();
	size_t len = 0;
	char *msg = mail_build(&m, T, "tag", &len);
	assert_non_null(msg);
	assert_int_equal(strlen(msg), len);
	assert_non_null(strstr(msg, "Date: Sun, 22 Nov 2026 19:23:32 +0000\r\n"));
	assert_non_null(strstr(msg, "From: Portail Caf partenaires <ne-pas-repondre@caf.example>\r\n"));
	assert_non_null(strstr(msg, "To: claire.dumas@example.org\r\n"));
	assert_non_null(strstr(msg, "Subject: Votre mot de passe\r\n"));
	assert_non_null(strstr(msg, "Message-ID: <42.tag@caf.example>\r\n"));
	assert_non_null(strstr(msg, "Content-Type: text/plain; charset=UTF-8\r\n"));
	assert_non_null(strstr(msg, "Content-Transfer-Encoding: quoted-printable\r\n"));
	assert_non_null(strstr(msg, "\r\n\r\nBonjour,\r\n"));
	/* '=' is encoded in the body. */
	assert_non_null(strstr(msg, "provisoire : Ab3=3Dx\r\n"));
	/* No bare LF anywhere. */
	for (size_t i = 0; i < len; i++)
		if (msg[i] == '\n')
			assert_true(i > 0 && msg[i - 1] == '\r');
	free(msg);
}

static void mail_build__crlf_in_recipient__refused(void **state)
{
	(void)state;
	struct mail m = sample();
	m.to = "a@example.org\r\nBcc: victim@example.org";
	assert_null(mail_build(&m, T, "t", NULL));
	m = sample();
	m.subject = "Hello\nBcc: x@example.org";
	assert_null(mail_build(&m, T, "t", NULL));
	m = sample();
	m.to = "no-at-sign";
	assert_null(mail_build(&m, T, "t", NULL));
}

static void mail_encode_header__utf8__b_words(void **state)
{
	(void)state;
	char *h = mail_encode_header("Réinitialisation");
	assert_string_equal(h, "=?UTF-8?B?UsOpaW5pdGlhbGlzYXRpb24=?=");
	free(h);
	h = mail_encode_header("ASCII only");
	assert_string_equal(h, "ASCII only");
	free(h);
}

static void mail_encode_header__long__folded_at_char_boundaries(void **state)
{
	(void)state;
	char in[200] = "";
	for (int i = 0; i < 40; i++)
		strcat(in, "é");
	char *h = mail_encode_header(in);
	assert_non_null(strstr(h, "?=\r\n =?UTF-8?B?"));
	/* The 45-byte cut moved back to 44 (22 times é): each word decodes alone. */
	static const char first[] =
		"=?UTF-8?B?w6nDqcOpw6nDqcOpw6nDqcOpw6nDqcOpw6nDqcOpw6nDqcOpw6nDqcOpw6k=?=\r\n ";
	assert_int_equal(strncmp(h, first, sizeof first - 1), 0);
	free(h);
}

static void mail_encode_qp__long_line__soft_breaks_under_77(void **state)
{
	(void)state;
	char in[400];
	memset(in, 'a', 300);
	in[300] = '\0';
	char *q = mail_encode_qp(in);
	const char *line = q;
	while (*line) {
		const char *e = strstr(line, "\r\n");
		assert_non_null(e);
		assert_true(e - line <= 76);
		line = e + 2;
	}
	free(q);
}

static void mail_encode_qp__accents_and_trailing_space__encoded(void **state)
{
	(void)state;
	char *q = mail_encode_qp("é \nfin");
	assert_string_equal(q, "=C3=A9=20\r\nfin\r\n");
	free(q);
}

static void mail_address_of__name_and_brackets__address(void **state)
{
	(void)state;
	char a[100];
	mail_address_of("Portail <x@y.fr>", a, sizeof a);
	assert_string_equal(a, "x@y.fr");
	mail_address_of("x@y.fr", a, sizeof a);
	assert_string_equal(a, "x@y.fr");
}

static void mail_backoff__attempts__doubles_then_caps(void **state)
{
	(void)state;
	assert_int_equal(mail_backoff(1), 60);
	assert_int_equal(mail_backoff(2), 120);
	assert_int_equal(mail_backoff(3), 240);
	assert_int_equal(mail_backoff(20), 6 * 3600);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(mail_date__known_time__rfc5322),
		cmocka_unit_test(mail_build__sample__headers_and_crlf),
		cmocka_unit_test(mail_build__crlf_in_recipient__refused),
		cmocka_unit_test(mail_encode_header__utf8__b_words),
		cmocka_unit_test(mail_encode_header__long__folded_at_char_boundaries),
		cmocka_unit_test(mail_encode_qp__long_line__soft_breaks_under_77),
		cmocka_unit_test(mail_encode_qp__accents_and_trailing_space__encoded),
		cmocka_unit_test(mail_address_of__name_and_brackets__address),
		cmocka_unit_test(mail_backoff__attempts__doubles_then_caps),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
