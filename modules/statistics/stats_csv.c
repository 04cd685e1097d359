/* CSV as French spreadsheets expect it: UTF-8 with a BOM, ';' between
 * fields, CRLF lines, decimal commas (stats_format_plain). This file holds
 * the pure field escaping; stats_export.c writes the file. */
#include <string.h>

#include "stats.h"

size_t stats_csv_escape(const char *s, int text, char *out, size_t cap)
{
	size_t o = 0;
#define PUT(c) do { if (o + 1 < cap) out[o] = (c); o++; } while (0)
	if (!s)
		s = "";
	int quote = strpbrk(s, ";\"\r\n") != NULL;
	int formula = text && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' ||
			       s[0] == '\t' || s[0] == '\r');
	if (quote)
		PUT('"');
	if (formula)
		PUT('\'');
	for (const char *p = s; *p; p++) {
		if (*p == '"')
			PUT('"');
		PUT(*p);
	}
	if (quote)
		PUT('"');
	if (cap)
		out[o < cap ? o : cap - 1] = '\0';
	return o;
#undef PUT
}
