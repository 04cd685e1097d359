/* The pure rules of the statistics pages: fiche 12's availability rule and
 * the "exercice" parameter. */
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
