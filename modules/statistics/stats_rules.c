/* The pure rules of the statistics pages: fiche 12's availability rule, the
 * "exercice" parameter and the years a facility's page offers. */
#include <stdlib.h>
#include <string.h>

#include "stats.h"
#include "stats_publish.h"

unsigned stats_missing_of(int has_actual, int has_department, int has_national)
{
	unsigned m = 0;
	if (!has_actual)
		m |= SMISS_NO_ACTUAL;
	if (!has_department && !has_national)
		m |= SMISS_NO_AVERAGE;
	return m;
}

int stats_parse_year(const char *s)
{
	if (!s || strlen(s) != 4)
		return 0;
	int y = 0;
	for (int i = 0; i < 4; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		y = y * 10 + (s[i] - '0');
	}
	return y >= STATS_YEAR_MIN && y <= STATS_YEAR_MAX ? y : 0;
}

void stats_chart_bars(const int64_t v[3], const int shown[3], int width[3])
{
	int64_t a[3], max = 0;
	for (int i = 0; i < 3; i++) {
		a[i] = shown[i] ? v[i] : 0;
		if (i == 0 || a[i] > max)
			max = a[i];
	}
	for (int i = 0; i < 3; i++) {
		int64_t w = 0;
		if (shown[i] && a[i] > 0 && max > 0 &&
		    stats_ratio(a[i], 0, max, 0, STATS_BAR_MAX, 0, &w) != 0)
			w = 0;
		width[i] = (int)w;
	}
}

size_t stats_parse_year_list(const char *list, int *out, size_t cap)
{
	size_t n = 0;
	const char *p = list;
	while (p && *p && n < cap) {
		long y = 0;
		int digits = 0;
		for (; *p >= '0' && *p <= '9'; p++, digits++)
			if (y < 100000)
				y = y * 10 + (*p - '0');
		if (digits && (*p == ',' || *p == ':' || *p == '\0') && y > 0 && y < 65536)
			out[n++] = (int)y;
		while (*p && *p != ',')
			p++;
		if (*p == ',')
			p++;
	}
	return n;
}

size_t stats_year_fields(const char *list, int year, long long *v, size_t n)
{
	const char *p = list;
	while (p && *p) {
		char *end;
		long long y = strtoll(p, &end, 10);
		if (end != p && y == year && *end == ':') {
			size_t k = 0;
			for (p = end; *p == ':' && k < n; k++) {
				const char *q = p + 1;
				v[k] = strtoll(q, &end, 10);
				if (end == q || (*end != ':' && *end != ',' && *end != '\0'))
					return 0;
				p = end;
			}
			return k;
		}
		p = strchr(p, ',');
		if (p)
			p++;
	}
	return 0;
}

static int desc(const void *a, const void *b)
{
	return *(const int *)b - *(const int *)a;
}

static int contains(const int *ys, size_t n, int y)
{
	for (size_t i = 0; i < n; i++)
		if (ys[i] == y)
			return 1;
	return 0;
}

void stats_merge_years(const int *own, size_t nown, const int *pub, size_t npub, int *out,
		       size_t *n, int *def)
{
	size_t k = 0;
	for (size_t i = 0; i < nown; i++)
		if (!contains(out, k, own[i]))
			out[k++] = own[i];
	for (size_t i = 0; i < npub; i++)
		if (!contains(out, k, pub[i]))
			out[k++] = pub[i];
	qsort(out, k, sizeof(int), desc);
	*n = k;
	*def = 0;
	for (size_t i = 0; i < nown && !*def; i++)
		if (contains(pub, npub, own[i]))
			*def = own[i];
	if (!*def && nown)
		*def = own[0];
	if (!*def && npub)
		*def = pub[0];
}
