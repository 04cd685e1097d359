/* Typed readers for what French users type. Each returns 0 on success or
 * a French error message (static string) to show next to the field: never
 * a silent zero. Empty input is an error for the readers; callers check
 * "required" before. */
#ifndef PORTAL_FRENCH_H
#define PORTAL_FRENCH_H

#include <stddef.h>
#include <stdint.h>

/* Decimal with up to `decimals` digits after the comma (or point), spaces
 * (incl. U+00A0 and U+202F) as thousands separators, optional leading '-'
 * only if allow_negative. Result scaled: "1 234,56" with decimals=2 gives
 * 123456. Over-precise input ("1,234" with 2 decimals) is an error. */
const char *fr_read_decimal(const char *s, int decimals, int allow_negative, int64_t *out);
/* Integer: "12 500" -> 12500. */
const char *fr_read_integer(const char *s, int allow_negative, int64_t *out);
/* dd/mm/yyyy, a real calendar date, years 1900-2999 -> y, m, d. */
const char *fr_read_date(const char *s, int *y, int *m, int *d);
/* A plausible e-mail: one '@', local part and dotted domain, no spaces,
 * no control characters (header injection), at most 254 bytes. */
const char *fr_read_email(const char *s);

/* Formats a scaled decimal the French way: (123456, 2) -> "1 234,56",
 * with U+00A0 (no-break space) between thousands. buf >= 40 bytes. */
void fr_format_decimal(int64_t v, int decimals, char *buf, size_t n);

#endif
