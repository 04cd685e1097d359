/* portal-admin import KIND FILE: the Caf's partners, conventions,
 * facilities or sites from a CSV file, all lines or none (hab_import.h). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../habilitations/hab_csv.h"
#include "../habilitations/hab_import.h"
#include "admin_commands.h"
#include "arena.h"
#include "clock.h"
#include "db.h"

/* The largest file accepted: a Caf's whole reference data fits many times. */
#define IMPORT_MAX_BYTES (32u * 1024 * 1024)

static char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		fprintf(stderr, "portal-admin: %s : %s\n", path, strerror(errno));
		return NULL;
	}
	size_t cap = 65536, n = 0;
	char *buf = malloc(cap);
	while (buf) {
		n += fread(buf + n, 1, cap - n, f);
		if (n < cap || ferror(f))
			break;
		if (cap >= IMPORT_MAX_BYTES) {
			fprintf(stderr, "portal-admin: %s : fichier trop volumineux (32 Mio au plus)\n", path);
			free(buf);
			buf = NULL;
			break;
		}
		char *bigger = realloc(buf, cap * 2);
		if (!bigger) {
			free(buf);
			buf = NULL;
			break;
		}
		buf = bigger;
		cap *= 2;
	}
	int bad = buf && ferror(f);
	fclose(f);
	if (bad) {
		fprintf(stderr, "portal-admin: %s : lecture impossible\n", path);
		free(buf);
		return NULL;
	}
	*len = n;
	return buf;
}

static int import_parsed(const struct portal_config *cfg, const char *today,
			 const struct hab_csv_result *r)
{
	struct db *db = db_open(cfg, "habilitations");
	struct arena *a = arena_new();
	long rows = hab_import(db, a, r, today, (long long)portal_now(), stderr);
	arena_free(a);
	db_close(db);
	if (rows < 0)
		return 1;
	printf("%ld ligne(s) importée(s).\n", rows);
	return 0;
}

int admin_import(const struct portal_config *cfg, const char *today, int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: portal-admin --config PATH import "
				"partenaires|conventions|equipements|lieux FILE.csv\n");
		return 2;
	}
	int kind = hab_csv_kind_from_name(argv[0]);
	if (kind < 0) {
		fprintf(stderr, "portal-admin: type d'import inconnu « %s » "
				"(partenaires, conventions, equipements, lieux)\n", argv[0]);
		return 2;
	}
	size_t len = 0;
	char *data = read_file(argv[1], &len);
	if (!data)
		return 1;
	struct hab_csv_result r;
	int errors = hab_csv_parse((enum hab_csv_kind)kind, data, len, &r);
	free(data);
	int rc;
	if (errors < 0) {
		fprintf(stderr, "portal-admin: mémoire insuffisante\n");
		rc = 1;
	} else if (errors > 0) {
		for (size_t i = 0; i < r.nerrors; i++)
			fprintf(stderr, "%s\n", r.errors[i]);
		fprintf(stderr, "portal-admin: rien n'a été importé (%d erreur(s)).\n", errors);
		rc = 1;
	} else if (r.nrecords == 0) {
		fprintf(stderr, "portal-admin: %s ne contient aucune ligne à importer.\n", argv[1]);
		rc = 1;
	} else {
		rc = import_parsed(cfg, today, &r);
	}
	hab_csv_free(&r);
	return rc;
}
