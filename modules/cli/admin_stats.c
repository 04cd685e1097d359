/* portal-admin stats publish --year N: what the Caf administrator's
 * "Publier" button does (stats_publish.h), for cron or the operator. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../statistics/stats_publish.h"
#include "admin_commands.h"
#include "clock.h"
#include "db.h"

static int usage(void)
{
	fprintf(stderr, "usage: portal-admin --config PATH stats publish --year N\n");
	return 2;
}

int admin_stats(const struct portal_config *cfg, int argc, char **argv)
{
	if (argc != 3 || strcmp(argv[0], "publish") != 0 || strcmp(argv[1], "--year") != 0)
		return usage();
	char *end;
	long year = strtol(argv[2], &end, 10);
	if (*argv[2] == '\0' || *end != '\0' || year < STATS_YEAR_MIN || year > STATS_YEAR_MAX) {
		fprintf(stderr, "portal-admin: exercice invalide « %s » (%d à %d)\n",
			argv[2], STATS_YEAR_MIN, STATS_YEAR_MAX);
		return 2;
	}
	struct db *db = db_open(cfg, "statistics");
	struct stats_publish_report report = { 0 };
	int rc = stats_publish_by(db, (int)year, portal_now(), 0, &report);
	if (rc != 0)
		fprintf(stderr, "portal-admin: publication %ld impossible : %s\n", year, db_last_error(db));
	else
		printf("Exercice %ld publié : %zu déclaration(s) réelle(s) validée(s), "
		       "%zu ligne(s) de référence dont %zu avec une moyenne.\n",
		       year, report.declarations, report.rows, report.published);
	db_close(db);
	return rc == 0 ? 0 : 1;
}
