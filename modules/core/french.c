/* Readers and writers for numbers, dates and e-mails as French users type
 * and read them. Each reader returns NULL or a French error message and
 * leaves its outputs untouched on error (never a silent zero). */
#include "french.h"

#include <stdio.h>
#include <string.h>

static const char ERR_NUMBER[] = "Saisissez un nombre, par exemple 1 234,56.";
static const char ERR_INTEGER[] = "Saisissez un nombre entier, par exemple 1 234.";
static const char ERR_NEGATIVE[] = "Saisissez un nombre positif.";
static const char ERR_TOO_BIG[] = "Ce nombre est trop grand.";
static const char ERR_DATE[] = "Saisissez une date au format JJ/MM/AAAA, par exemple 31/12/2025.";
static const char ERR_NO_DATE[] = "Cette date n'existe pas.";
static const char ERR_YEAR[] = "Saisissez une année entre 1900 et 2999.";
static const char ERR_EMAIL[] =
	"Saisissez une adresse électronique valide, par exemple nom@domaine.fr.";

/* Largest magnitude of a scaled value: 18 digits, so that any accepted
 * value formats and reads back without overflow. */
#define FR_MAX INT64_C(999999999999999999)

/* Length of a blank at s: ' ', tab, U+00A0 or U+202F (what spreadsheets
 * and the formatter put between thousands). */
static size_t blank_len(const unsigned char *s)
{
	if (s[0] == ' ' || s[0] == '\t')
		return 1;
	if (s[0] == 0xC2 && s[1] == 0xA0)
		return 2;
	if (s[0] == 0xE2 && s[1] == 0x80 && s[2] == 0xAF)
		return 3;
	return 0;
}

static const unsigned char *skip_blanks(const unsigned char *s)
{
	size_t n;
	while ((n = blank_len(s)) != 0)
		s += n;
	return s;
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

/* value = value * 10 + digit, refusing anything past FR_MAX. */
static int push_digit(int64_t *value, int digit)
{
	if (*value > (FR_MAX - digit) / 10)
		return 0;
	*value = *value * 10 + digit;
	return 1;
}

const char *fr_read_decimal(const char *str, int decimals, int allow_negative, int64_t *out)
{
	if (decimals < 0)
		decimals = 0;
	const unsigned char *s = skip_blanks((const unsigned char *)str);
	int negative = 0;
	if (*s == '-') {
		negative = 1;
		s++;
	}
	int64_t value = 0;
	int digits = 0, group = 0, grouped = 0;
	for (;;) {
		if (*s >= '0' && *s <= '9') {
			if (!push_digit(&value, *s - '0'))
				return ERR_TOO_BIG;
			digits++;
			group++;
			s++;
			continue;
		}
		size_t sep = blank_len(s);
		if (!sep || !*skip_blanks(s))
			break; /* trailing blanks are checked below */
		/* Inside the number: one separator, then groups of exactly 3 digits. */
		if (digits == 0 || (grouped ? group != 3 : group > 3) || s[sep] < '0' ||
		    s[sep] > '9')
			return ERR_NUMBER;
		grouped = 1;
		group = 0;
		s += sep;
	}
	if (digits == 0 || (grouped && group != 3))
		return ERR_NUMBER;
	int frac_digits = 0;
	if (*s == ',' || *s == '.') {
		s++;
		for (; *s >= '0' && *s <= '9'; s++) {
			if (frac_digits >= decimals)
				return too_many_decimals(decimals);
			if (!push_digit(&value, *s - '0'))
				return ERR_TOO_BIG;
			frac_digits++;
		}
		if (frac_digits == 0)
			return ERR_NUMBER;
	}
	if (*skip_blanks(s))
		return ERR_NUMBER;
	for (int i = frac_digits; i < decimals; i++)
		if (!push_digit(&value, 0))
			return ERR_TOO_BIG;
	if (negative && !allow_negative && value != 0)
		return ERR_NEGATIVE;
	*out = negative ? -value : value;
	return NULL;
}

const char *fr_read_integer(const char *s, int allow_negative, int64_t *out)
{
	const char *err = fr_read_decimal(s, 0, allow_negative, out);
	if (err == ERR_NUMBER || err == too_many_decimals(0))
		return ERR_INTEGER;
	return err;
}

static int days_in_month(int y, int m)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return days[m - 1];
}

/* Reads 1 to max digits; returns the position after them or NULL. */
static const char *read_number(const char *s, int min, int max, int *v)
{
	int n = 0, x = 0;
	while (n < max && s[n] >= '0' && s[n] <= '9') {
		x = x * 10 + (s[n] - '0');
		n++;
	}
	if (n < min || (s[n] >= '0' && s[n] <= '9'))
		return NULL;
	*v = x;
	return s + n;
}

const char *fr_read_date(const char *str, int *y, int *m, int *d)
{
	const char *s = (const char *)skip_blanks((const unsigned char *)str);
	int dd, mm, yy;
	/* "1/2/2025" is read as kindly as "01/02/2025"; the year has 4 digits. */
	if (!(s = read_number(s, 1, 2, &dd)) || *s++ != '/' || !(s = read_number(s, 1, 2, &mm)) ||
	    *s++ != '/' || !(s = read_number(s, 4, 4, &yy)) ||
	    *skip_blanks((const unsigned char *)s))
		return ERR_DATE;
	if (yy < 1900 || yy > 2999)
		return ERR_YEAR;
	if (mm < 1 || mm > 12 || dd < 1 || dd > days_in_month(yy, mm))
		return ERR_NO_DATE;
	*y = yy;
	*m = mm;
	*d = dd;
	return NULL;
}

/* Characters of a local part: printable ASCII except specials that break
 * headers or need quoting; non-ASCII (valid UTF-8 from the parser) allowed. */
static int local_char_ok(unsigned char c)
{
	return c > 0x20 && c != 0x7f && !strchr("<>()[],;:\"\\@", c);
}

/* Characters of a domain: letters, digits, '-', '.', or non-ASCII (IDN). */
static int domain_char_ok(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '-' || c == '.' || c >= 0x80;
}

const char *fr_read_email(const char *s)
{
	size_t len = strlen(s);
	const char *at = strchr(s, '@');
	if (len < 3 || len > 254 || !at || strchr(at + 1, '@') || at == s || at - s > 64)
		return ERR_EMAIL;
	for (const char *p = s; p < at; p++)
		if (!local_char_ok((unsigned char)*p))
			return ERR_EMAIL;
	if (s[0] == '.' || at[-1] == '.' || memmem(s, (size_t)(at - s), "..", 2))
		return ERR_EMAIL;
	const char *domain = at + 1;
	for (const char *p = domain; *p; p++)
		if (!domain_char_ok((unsigned char)*p))
			return ERR_EMAIL;
	/* Dotted, no empty label, labels not starting or ending with '-',
	 * a top-level domain of at least 2 characters. */
	const char *dot = strrchr(domain, '.');
	if (!dot || domain[0] == '.' || strstr(domain, "..") || strlen(dot + 1) < 2 ||
	    domain[0] == '-' || strstr(domain, "-.") || strstr(domain, ".-") ||
	    domain[strlen(domain) - 1] == '-')
		return ERR_EMAIL;
	return NULL;
}

void fr_format_decimal(int64_t v, int decimals, char *buf, size_t n)
{
	if (decimals < 0)
		decimals = 0;
	if (decimals > 18)
		decimals = 18;
	char digits[48];
	uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
	int len = snprintf(digits, sizeof digits, "%0*llu", decimals + 1, (unsigned long long)u);
	int int_len = len - decimals;
	char out[96];
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
