/* Password content rules: pure functions over the typed bytes. */
#include "password_policy.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int pp_is_lower(unsigned cp)
{
	if (cp >= 'a' && cp <= 'z')
		return 1;
	if (cp >= 0xDF && cp <= 0xFF)	/* ß à-ö ø-ÿ */
		return cp != 0xF7;	/* ÷ */
	if (cp >= 0x100 && cp <= 0x137)
		return cp & 1;
	if (cp == 0x138 || cp == 0x149 || cp == 0x17F)
		return 1;
	if (cp >= 0x139 && cp <= 0x148)
		return !(cp & 1);
	if (cp >= 0x14A && cp <= 0x177)	/* includes œ U+0153 */
		return cp & 1;
	if (cp >= 0x179 && cp <= 0x17E)
		return !(cp & 1);
	if (cp >= 0x3AC && cp <= 0x3CE)	/* Greek lowercase */
		return 1;
	if (cp >= 0x430 && cp <= 0x45F)	/* Cyrillic lowercase */
		return 1;
	return 0;
}

/* Decodes one strict UTF-8 sequence at s (n bytes left). Returns its
 * length, or 0 when invalid (overlong, surrogate, > U+10FFFF, truncated). */
static size_t utf8_decode(const unsigned char *s, size_t n, unsigned *cp)
{
	unsigned c = s[0];
	size_t len;
	unsigned min;
	if (c < 0x80) {
		*cp = c;
		return 1;
	} else if (c >= 0xC2 && c <= 0xDF) {
		len = 2, min = 0x80, c &= 0x1F;
	} else if (c >= 0xE0 && c <= 0xEF) {
		len = 3, min = 0x800, c &= 0x0F;
	} else if (c >= 0xF0 && c <= 0xF4) {
		len = 4, min = 0x10000, c &= 0x07;
	} else {
		return 0;
	}
	if (n < len)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return len;
}

/* ASCII-lowercased copy (accents kept as they are) into out (>= len+1). */
static void ascii_lower(const char *s, size_t len, char *out)
{
	for (size_t i = 0; i < len; i++)
		out[i] = (char)tolower((unsigned char)s[i]);
	out[len] = '\0';
}

static int contains_ci(const char *lower_hay, const char *needle, size_t nlen)
{
	char low[256];
	if (nlen == 0 || nlen >= sizeof low)
		return 0;
	ascii_lower(needle, nlen, low);
	return strstr(lower_hay, low) != NULL;
}

/* The e-mail's local part, and each of its pieces of 4 characters or more
 * ("jean.dupont" -> "jean.dupont", "jean", "dupont"), found in the password. */
static int holds_email(const char *lower_pw, const char *email)
{
	if (!email)
		return 0;
	const char *at = strchr(email, '@');
	size_t local = at ? (size_t)(at - email) : strlen(email);
	if (local >= 3 && contains_ci(lower_pw, email, local))
		return 1;
	size_t start = 0;
	for (size_t i = 0; i <= local; i++) {
		int sep = i == local || strchr(".-_+", email[i]) != NULL;
		if (!sep)
			continue;
		if (i - start >= 4 && (start > 0 || i < local) &&
		    contains_ci(lower_pw, email + start, i - start))
			return 1;
		start = i + 1;
	}
	return 0;
}

/* In the list as is, or once the digits and punctuation around it are
 * stripped ("azerty123", "!caf2024" -> "azerty", "caf"). */
static int is_common(const char *lower_pw, const struct pp_blocklist *bl)
{
	if (!bl)
		return 0;
	if (pp_blocklist_has(bl, lower_pw))
		return 1;
	size_t len = strlen(lower_pw);
	size_t b = 0, e = len;
	while (b < e && !isalpha((unsigned char)lower_pw[b]) && !((unsigned char)lower_pw[b] & 0x80))
		b++;
	while (e > b && !isalpha((unsigned char)lower_pw[e - 1]) &&
	       !((unsigned char)lower_pw[e - 1] & 0x80))
		e--;
	if (e - b < 3 || (b == 0 && e == len))
		return 0;
	char stem[PP_MAX_BYTES + 1];
	memcpy(stem, lower_pw + b, e - b);
	stem[e - b] = '\0';
	return pp_blocklist_has(bl, stem);
}

unsigned pp_check(const char *pw, size_t len, const char *email, const struct pp_blocklist *bl)
{
	if (!pw || len > PP_MAX_BYTES)
		return PP_LENGTH;
	unsigned broken = 0;
	size_t chars = 0;
	int lower = 0, digit = 0;
	const unsigned char *p = (const unsigned char *)pw;
	for (size_t i = 0; i < len;) {
		unsigned cp;
		size_t n = utf8_decode(p + i, len - i, &cp);
		if (n == 0 || cp < 0x20 || cp == 0x7F)
			return PP_INVALID;
		lower |= pp_is_lower(cp);
		digit |= cp >= '0' && cp <= '9';
		chars++;
		i += n;
	}
	if (chars < PP_MIN_CHARS || chars > PP_MAX_CHARS)
		broken |= PP_LENGTH;
	if (!lower)
		broken |= PP_NO_LOWER;
	if (!digit)
		broken |= PP_NO_DIGIT;
	char low[PP_MAX_BYTES + 1];
	ascii_lower(pw, len, low);
	if (holds_email(low, email))
		broken |= PP_HAS_EMAIL;
	if (is_common(low, bl))
		broken |= PP_COMMON;
	return broken;
}

int pp_confirm_equal(const char *pw, const char *confirm)
{
	return pw && confirm && strcmp(pw, confirm) == 0;
}

const char *pp_message(enum pp_rule rule)
{
	switch (rule) {
	case PP_INVALID:
		return "Le mot de passe contient des caractères non autorisés.";
	case PP_LENGTH:
		return "Le mot de passe doit comporter entre 6 et 20 caractères.";
	case PP_NO_LOWER:
		return "Le mot de passe doit contenir au moins une lettre minuscule.";
	case PP_NO_DIGIT:
		return "Le mot de passe doit contenir au moins un chiffre.";
	case PP_HAS_EMAIL:
		return "Le mot de passe ne doit pas contenir votre adresse électronique.";
	case PP_COMMON:
		return "Ce mot de passe est trop courant ou trop facile à deviner : "
		       "choisissez-en un autre.";
	case PP_CONFIRM:
		return "La confirmation ne correspond pas au nouveau mot de passe.";
	case PP_REUSED:
		return "Le nouveau mot de passe doit être différent du mot de passe actuel "
		       "et des 3 précédents.";
	}
	return "Mot de passe refusé.";
}

/* ---- blocklist ---- */

static int cmp_words(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int add_word(struct pp_blocklist *b, size_t *cap, const char *w, size_t len)
{
	if (len == 0 || len > PP_MAX_BYTES)
		return 0;
	if (b->count == *cap) {
		size_t ncap = *cap ? *cap * 2 : 256;
		char **n = realloc(b->words, ncap * sizeof *n);
		if (!n)
			return -1;
		b->words = n;
		*cap = ncap;
	}
	char *copy = malloc(len + 1);
	if (!copy)
		return -1;
	ascii_lower(w, len, copy);
	b->words[b->count++] = copy;
	return 0;
}

static struct pp_blocklist *finish(struct pp_blocklist *b)
{
	if (b->count)
		qsort(b->words, b->count, sizeof *b->words, cmp_words);
	return b;
}

struct pp_blocklist *pp_blocklist_from(const char *const *words, size_t n)
{
	struct pp_blocklist *b = calloc(1, sizeof *b);
	size_t cap = 0;
	if (!b)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		if (add_word(b, &cap, words[i], strlen(words[i])) != 0) {
			pp_blocklist_free(b);
			return NULL;
		}
	}
	return finish(b);
}

struct pp_blocklist *pp_blocklist_load(const char *path)
{
	FILE *f = fopen(path, "r");
	if (!f)
		return NULL;
	struct pp_blocklist *b = calloc(1, sizeof *b);
	size_t cap = 0;
	char line[256];
	while (b && fgets(line, sizeof line, f)) {
		size_t len = strcspn(line, "\r\n");
		while (len && (line[len - 1] == ' ' || line[len - 1] == '\t'))
			len--;
		if (len == 0 || line[0] == '#')
			continue;
		if (add_word(b, &cap, line, len) != 0) {
			pp_blocklist_free(b);
			b = NULL;
		}
	}
	fclose(f);
	return b ? finish(b) : NULL;
}

void pp_blocklist_free(struct pp_blocklist *b)
{
	if (!b)
		return;
	for (size_t i = 0; i < b->count; i++)
		free(b->words[i]);
	free(b->words);
	free(b);
}

int pp_blocklist_has(const struct pp_blocklist *b, const char *lower_word)
{
	if (!b || !b->count)
		return 0;
	return bsearch(&lower_word, b->words, b->count, sizeof *b->words, cmp_words) != NULL;
}
