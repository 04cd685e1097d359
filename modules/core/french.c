/* Readers and writers for numbers, dates and e-mails as French users type
 * and read them. Each reader returns NULL or a French error message. */
#include "french.h"

#include <stdio.h>
#include <string.h>

static const char ERR_NUMBER[] = "Saisissez un nombre, par exemple 1 234,56.";
static const char ERR_INTEGER[] = "Saisissez un nombre entier, par exemple 1 234.";
static const char ERR_NEGATIVE[] = "Saisissez un nombre positif.";
static const char ERR_TOO_BIG[] = "Ce nombre est trop grand.";
static const char ERR_DATE[] = "Saisissez une date au format JJ/MM/AAAA, par exemple 31/12/2025.";
static const char ERR_NO_DATE[] = "Cette date n'existe pas.";
static const char ERR_EMAIL[] =
	"Saisissez une adresse électronique valide, par exemple nom@domaine.fr.";

/* Length of a thousands separator at s: ' ', U+00A0 or U+202F. */
static size_t separator_len(const unsigned char *s)
{
	if (s[0] == ' ')
		return 1;
	if (s[0] == 0xC2 && s[1] == 0xA0)
		return 2;
	if (s[0] == 0xE2 && s[1] == 0x80 && s[2] == 0xAF)
		return 3;
	return 0;
}

static const char *too_many_decimals(int decimals)
{
	switch (decimals) {
	case 0: return "Saisissez un nombre sans décimales.";
	case 1: return "Saisissez au plus 1 chiffre après la virgule.";
	case 2: return "Saisissez au plus 2 chiffres après la virgule.";
	case 3: return "Saisissez au plus 3 chiffres après la virgule.";
	default: return "Saisissez moins de chiffres après la virgule.";
	}
}

const char *fr_read_decimal(const char *str, int decimals, int allow_negative, int64_t *out)
{
	const unsigned char *s = (const unsigned char *)str;
	while (*s == ' ')
		s++;
	int negative = 0;
	if (*s == '-') {
		negative = 1;
		s++;
	}
	int64_t value = 0;
	int digits = 0, group = 0, grouped = 0;
	const int64_t limit = INT64_C(999999999999999); /* 10^15: far above any amount */
	while (*s) {
		if (*s >= '0' && *s <= '9') {
			if (value > limit)
				return ERR_TOO_BIG;
			value = value * 10 + (*s - '0');
			digits++;
			group++;
			s++;
			continue;
		}
		size_t sep = separator_len(s);
		if (sep) {
			/* A trailing space is fine; inside, groups of exactly 3 digits. */
			const unsigned char *rest = s + sep;
			while (*rest == ' ')
				rest++;
			if (!*rest)
				break;
			if (digits == 0 || (grouped ? group != 3 : group > 3))
				return ERR_NUMBER;
			grouped = 1;
			group = 0;
			s += sep;
			continue;
		}
		break;
	}
	if (grouped && group != 3)
		return ERR_NUMBER;
	int frac_digits = 0;
	if (*s == ',' || *s == '.') {
		s++;
		while (*s >= '0' && *s <= '9') {
			if (frac_digits >= decimals)
				return too_many_decimals(decimals);
			value = value * 10 + (*s - '0');
			frac_digits++;
			s++;
		}
		if (frac_digits == 0)
			return ERR_NUMBER;
	}
	while (*s == ' ')
		s++;
	if (*s || digits == 0)
		return decimals ? ERR_NUMBER : ERR_INTEGER;
	for (int i = frac_digits; i < decimals; i++) {
		if (value > limit)
			return ERR_TOO_BIG;
		value *= 10;
	}
	if (negative && !allow_negative && value != 0)
		return ERR_NEGATIVE;
	*out = negative ? -value : value;
	return NULL;
}

const char *fr_read_integer(const char *s, int allow_negative, int64_t *out)
{
	const char *err = fr_read_decimal(s, 0, allow_negative, out);
	return err == too_many_decimals(0) ? ERR_INTEGER : err;
}

static int days_in_month(int y, int m)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return days[m - 1];
}

const char *fr_read_date(const char *s, int *y, int *m, int *d)
{
	while (*s == ' ')
		s++;
	int dd = 0, mm = 0, yy = 0;
	for (int i = 0; i < 10; i++) {
		char c = s[i];
		if (i == 2 || i == 5) {
			if (c != '/')
				return ERR_DATE;
			continue;
		}
		if (c < '0' || c > '9')
			return ERR_DATE;
		int v = c - '0';
		if (i < 2)
			dd = dd * 10 + v;
		else if (i < 5)
			mm = mm * 10 + v;
		else
			yy = yy * 10 + v;
	}
	const char *rest = s + 10;
	while (*rest == ' ')
		rest++;
	if (*rest)
		return ERR_DATE;
	if (yy < 1900 || yy > 2999 || mm < 1 || mm > 12 || dd < 1 || dd > days_in_month(yy, mm))
		return ERR_NO_DATE;
	*y = yy;
	*m = mm;
	*d = dd;
	return NULL;
}

const char *fr_read_email(const char *s)
{
	size_t len = strlen(s);
	if (len < 3 || len > 254)
		return ERR_EMAIL;
	const char *at = strchr(s, '@');
	if (!at || strchr(at + 1, '@') || at == s || (size_t)(at - s) > 64)
		return ERR_EMAIL;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p <= 0x20 || *p == 0x7f || *p == '<' || *p == '>' || *p == '(' || *p == ')' ||
		    *p == ',' || *p == ';' || *p == ':' || *p == '"' || *p == '\\' || *p == '[' ||
		    *p == ']')
			return ERR_EMAIL;
	const char *domain = at + 1;
	const char *dot = strrchr(domain, '.');
	if (!dot || dot == domain || !dot[1] || strlen(dot + 1) < 2 || domain[0] == '.' ||
	    strstr(domain, "..") || s[0] == '.' || at[-1] == '.' || strstr(s, ".."))
		return ERR_EMAIL;
	return NULL;
}

void fr_format_decimal(int64_t v, int decimals, char *buf, size_t n)
{
	char digits[32];
	uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
	int len = snprintf(digits, sizeof digits, "%0*llu", decimals + 1, (unsigned long long)u);
	int int_len = len - decimals;
	char out[64];
	size_t o = 0;
	if (v < 0)
		out[o++] = '-';
	for (int i = 0; i < int_len; i++) {
		if (i > 0 && (int_len - i) % 3 == 0) {
			out[o++] = (char)0xC2; /* U+00A0 no-break space */
			out[o++] = (char)0xA0;
		}
		out[o++] = digits[i];
	}
	if (decimals > 0) {
		out[o++] = ',';
		for (int i = int_len; i < len; i++)
			out[o++] = digits[i];
	}
	out[o] = '\0';
	snprintf(buf, n, "%s", out);
}
