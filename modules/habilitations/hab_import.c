/* CSV import writer (see hab_import.h). */
#include "hab_import.h"

#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "audit.h"
#include "db.h"
#include "hab_sql.h"

#define V(name) hab_csv_value(r, i, name)

/* One id from a lookup, 0 if none, -1 if ambiguous, -2 on a db error. */
static long long lookup(struct db *db, struct arena *a, const char *sql,
			const struct db_param *p, size_t n)
{
	struct db_result res;
	if (db_query(db, a, sql, p, n, &res) != DB_OK)
		return -2;
	if (res.rows > 1)
		return -1;
	return res.rows ? db_cell_int(&res, 0, 0) : 0;
}

static int row(struct db *db, struct arena *a, const struct hab_csv_result *r, size_t i,
	       const char *today, long long now, FILE *err, long long *written)
{
	size_t line = r->records[i].line;
	uint64_t id = 0;
	enum db_status st = DB_OK;
	long long caf = 0, ref = 0;
	const char *what = "";
	if (r->kind == HCSV_PARTNERS || r->kind == HCSV_CONVENTIONS) {
		caf = lookup(db, a, SQL_IMPORT_CAF, DB_ARGS(DB_TEXT(V("caf"))));
		if (caf <= 0) {
			fprintf(err, "Ligne %zu : Caf « %s » inconnue\n", line, V("caf"));
			return caf == -2 ? -1 : 1;
		}
	}
	switch (r->kind) {
	case HCSV_PARTNERS:
		ref = lookup(db, a, SQL_IMPORT_PARTNER_TYPE, DB_ARGS(DB_TEXT(V("type"))));
		if (ref <= 0) {
			fprintf(err, "Ligne %zu : type d'organisme « %s » inconnu\n", line, V("type"));
			return ref == -2 ? -1 : 1;
		}
		long long same = lookup(db, a, SQL_IMPORT_PARTNER, DB_ARGS(DB_INT(caf), DB_TEXT(V("nom"))));
		if (same != 0) {
			if (same == -2)
				return -1;
			fprintf(err, "Ligne %zu : le partenaire « %s » existe déjà dans cette Caf\n", line,
				V("nom"));
			return 1;
		}
		st = db_exec(db, SQL_PARTNER_INSERT,
			     DB_ARGS(DB_INT(caf), DB_INT(ref), DB_TEXT(V("nom")), DB_TEXT(V("siret")),
				     DB_TEXT(V("adresse")), DB_TEXT(V("code_postal")),
				     DB_TEXT(V("ville")), DB_INT(now)),
			     NULL, &id);
		what = "partner";
		break;
	case HCSV_CONVENTIONS: {
		ref = lookup(db, a, SQL_IMPORT_PARTNER, DB_ARGS(DB_INT(caf), DB_TEXT(V("partenaire"))));
		if (ref <= 0) {
			fprintf(err, "Ligne %zu : partenaire « %s » %s dans cette Caf\n", line,
				V("partenaire"), ref == -1 ? "ambigu" : "inconnu");
			return ref == -2 ? -1 : 1;
		}
		const char *status = V("statut") ? V("statut") : "open";
		st = db_exec(db, SQL_CONVENTION_INSERT,
			     DB_ARGS(DB_INT(caf), DB_INT(ref), DB_TEXT(V("libelle")),
				     DB_TEXT(V("date_ouverture")), DB_TEXT(V("date_cloture")),
				     DB_TEXT(status), DB_TEXT(V("validee_le")), DB_NULL, DB_INT(now)),
			     NULL, &id);
		if (st == DB_OK)
			st = db_exec(db, SQL_SERVICE_INSERT,
				     DB_ARGS(DB_INT((long long)id),
					     DB_TEXT(V("service") ? V("service") : "AFAS"),
					     DB_TEXT(V("portee") ? V("portee") : "local"),
					     DB_TEXT(V("date_ouverture") ? V("date_ouverture") : today)),
				     NULL, NULL);
		what = "convention";
		break;
	}
	case HCSV_FACILITIES: {
		struct db_result c;
		if (db_query(db, a, SQL_IMPORT_CONVENTION, DB_ARGS(DB_TEXT(V("convention"))), &c) !=
		    DB_OK)
			return -1;
		if (c.rows != 1) {
			fprintf(err, "Ligne %zu : convention « %s » %s\n", line, V("convention"),
				c.rows ? "ambiguë" : "inconnue");
			return 1;
		}
		st = db_exec(db, SQL_FACILITY_INSERT,
			     DB_ARGS(DB_INT(db_cell_int(&c, 0, 2)), DB_INT(db_cell_int(&c, 0, 1)),
				     DB_INT(db_cell_int(&c, 0, 0)), DB_TEXT(V("code")),
				     DB_TEXT(V("type")), DB_TEXT(V("nature")), DB_TEXT(V("accueil")),
				     DB_TEXT(V("nom")), DB_TEXT(V("departement")),
				     V("places") ? DB_INT(atol(V("places"))) : DB_NULL,
				     DB_TEXT(V("date_ouverture")), DB_INT(now)),
			     NULL, &id);
		what = "facility";
		break;
	}
	case HCSV_SITES:
		ref = lookup(db, a, SQL_IMPORT_FACILITY, DB_ARGS(DB_TEXT(V("equipement"))));
		if (ref <= 0) {
			fprintf(err, "Ligne %zu : équipement « %s » inconnu\n", line, V("equipement"));
			return ref == -2 ? -1 : 1;
		}
		st = db_exec(db, SQL_IMPORT_SITE_INSERT,
			     DB_ARGS(DB_INT(ref), DB_TEXT(V("nom")), DB_TEXT(V("adresse")),
				     DB_TEXT(V("code_postal")), DB_TEXT(V("ville")),
				     DB_TEXT(V("date_ouverture"))),
			     NULL, &id);
		what = "site";
		break;
	case HCSV__MAX:
		return -1;
	}
	if (st == DB_CONSTRAINT) {
		fprintf(err, "Ligne %zu : cet enregistrement existe déjà (code ou libellé en double)\n",
			line);
		return 1;
	}
	if (st != DB_OK)
		return -1;
	if (audit_event_db(db, 0, NULL, "import.created", what, (long long)id,
			   arena_printf(a, "csv line %zu", line)))
		return -1;
	(*written)++;
	return 0;
}

long hab_import(struct db *db, struct arena *a, const struct hab_csv_result *r,
		const char *today, long long now, FILE *err)
{
	if (r->nerrors) {
		for (size_t i = 0; i < r->nerrors; i++)
			fprintf(err, "%s\n", r->errors[i]);
		return -1;
	}
	if (db_begin(db) != DB_OK) {
		fprintf(err, "Base de données indisponible : %s\n", db_last_error(db));
		return -1;
	}
	long long written = 0;
	int failed = 0;
	for (size_t i = 0; i < r->nrecords; i++) {
		int rc = row(db, a, r, i, today, now, err, &written);
		if (rc < 0) {
			fprintf(err, "Ligne %zu : erreur de la base de données : %s\n",
				r->records[i].line, db_last_error(db));
			failed = 1;
			break;
		}
		failed |= rc;
	}
	if (failed || db_commit(db) != DB_OK) {
		db_rollback(db);
		fprintf(err, "Rien n'a été importé.\n");
		return -1;
	}
	return (long)written;
}
