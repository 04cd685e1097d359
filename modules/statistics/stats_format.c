/* French number formatting for the statistics (pure): the page shows
 * "1 732,5 h" with no-break spaces, the CSV "1732,5". */
#include <stdio.h>
#include <string.h>

#include "stats.h"

#define NBSP "\xc2\xa0"

const char *stats_unit_suffix(enum stats_unit u)
{
	switch (u) {
	case SU_PERCENT: return NBSP "%";
	case SU_EUROS: return NBSP "€";
	case SU_HOURS: return NBSP "h";
	case SU_ETP: return NBSP "ETP";
	case SU_MONTHS: return NBSP "mois";
	case SU_COUNT: break;
	}
	return "";
}

/* Integer and fraction digits of |v| / 10^decimals. */
static void split(int64_t v, int decimals, char *ip, size_t in, char *fp, size_t fn)
{
	uint64_t a = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
	uint64_t p = 1;
	for (int i = 0; i < decimals; i++)
		p *= 10;
	snprintf(ip, in, "%llu", (unsigned long long)(a / p));
	if (decimals > 0)
		snprintf(fp, fn, "%0*llu", decimals, (unsigned long long)(a % p));
	else if (fn)
		fp[0] = '\0';
}

static void format(int64_t v, int decimals, const char *sep, const char *comma, char *buf,
		   size_t n)
{
	char ip[32], fp[32], grouped[96];
	if (decimals < 0 || decimals > 6)
		decimals = 0;
	split(v, decimals, ip, sizeof ip, fp, sizeof fp);
	size_t len = strlen(ip), o = 0;
	for (size_t i = 0; i < len; i++) {
		if (i > 0 && (len - i) % 3 == 0 && *sep) {
			size_t sl = strlen(sep);
			memcpy(grouped + o, sep, sl);
			o += sl;
		}
		grouped[o++] = ip[i];
	}
	grouped[o] = '\0';
	snprintf(buf, n, "%s%s%s%s", v < 0 ? "-" : "", grouped, decimals ? comma : "",
		 decimals ? fp : "");
}

void stats_format_display(int64_t v, int decimals, enum stats_unit u, char *buf, size_t n)
{
	char num[112];
	format(v, decimals, NBSP, ",", num, sizeof num);
	snprintf(buf, n, "%s%s", num, stats_unit_suffix(u));
}

void stats_format_plain(int64_t v, int decimals, char *buf, size_t n)
{
	format(v, decimals, "", ",", buf, n);
}
