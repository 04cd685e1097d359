/* CSV import parsing: every kind's happy path, and each error with its
 * line number in French. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "../../../modules/habilitations/hab_csv.h"

static int parse(enum hab_csv_kind k, const char *s, struct hab_csv_result *r)
{
	return hab_csv_parse(k, s, strlen(s), r);
}

static void hab_csv_parse__partners__records(void **state)
{
	(void)state;
	struct hab_csv_result r;
	const char *csv = "\xEF\xBB\xBF" "caf;type;nom;siret;code_postal;ville\r\n"
			  "781;commune;Commune de Test;12345678901234;78000;Versailles\r\n"
			  "\r\n"
			  "781;ASSOCIATION;\"Assoc \"\"Les Amis\"\"; du parc\";;;\r\n";
	assert_int_equal(parse(HCSV_PARTNERS, csv, &r), 0);
	assert_int_equal(r.nrecords, 2);
	assert_string_equal(hab_csv_value(&r, 0, "type"), "COMMUNE");
	assert_string_equal(hab_csv_value(&r, 0, "siret"), "12345678901234");
	assert_string_equal(hab_csv_value(&r, 1, "nom"), "Assoc \"Les Amis\"; du parc");
	assert_null(hab_csv_value(&r, 1, "siret"));
	assert_int_equal(r.records[0].line, 2);
	assert_int_equal(r.records[1].line, 4);
	hab_csv_free(&r);
}

static void hab_csv_parse__conventions__dates_and_choices(void **state)
{
	(void)state;
	struct hab_csv_result r;
	const char *csv = "libellé;caf;partenaire;date_ouverture;statut;portée;validee_le\n"
			  "Centre social;121;Centre social;31/08/2017;Ouvert;Multi-CAF;2019-03-07\n";
	assert_int_equal(parse(HCSV_CONVENTIONS, csv, &r), 0);
	assert_int_equal(r.nrecords, 1);
	assert_string_equal(hab_csv_value(&r, 0, "date_ouverture"), "2017-08-31");
	assert_string_equal(hab_csv_value(&r, 0, "validee_le"), "2019-03-07");
	assert_string_equal(hab_csv_value(&r, 0, "statut"), "open");
	assert_string_equal(hab_csv_value(&r, 0, "portee"), "multi_caf");
	hab_csv_free(&r);
}

static void hab_csv_parse__facilities__alsh_nature_rules(void **state)
{
	(void)state;
	struct hab_csv_result r;
	const char *csv = "code,convention,type,nature,accueil,nom,departement,date_ouverture\n"
			  "ALSH-1,Conv,ALSH,Périscolaire,,Accueil A,78,01/09/2020\n"
			  "ALSH-2,Conv,ALSH,,,Accueil B,78,01/09/2020\n"
			  "EAJE-1,Conv,EAJE,extrascolaire,,Crèche,78,01/09/2020\n"
			  "RAM-1,Conv,RAM,,familial,Relais,78,01/09/2020\n"
			  "EAJE-2,Conv,EAJE,,Collectif,Crèche,2A,01/09/2020\n";
	assert_int_equal(parse(HCSV_FACILITIES, csv, &r), 3);
	assert_int_equal(r.nrecords, 2);
	assert_string_equal(hab_csv_value(&r, 0, "nature"), "periscolaire");
	assert_string_equal(hab_csv_value(&r, 1, "accueil"), "collectif");
	assert_string_equal(hab_csv_value(&r, 1, "departement"), "2A");
	assert_string_equal(r.errors[0],
			    "Ligne 3 : la nature (périscolaire, extrascolaire, adolescents) est "
			    "obligatoire pour un ALSH");
	assert_string_equal(r.errors[1], "Ligne 4 : la nature ne concerne que les ALSH");
	assert_string_equal(r.errors[2], "Ligne 5 : le type d'accueil ne concerne que les EAJE");
	hab_csv_free(&r);
}

static void hab_csv_parse__bad_values__line_numbered_errors(void **state)
{
	(void)state;
	struct hab_csv_result r;
	const char *csv = "equipement;nom;code_postal;date_ouverture\n"
			  "ALSH-1;Ecole;7800;01/09/2020\n"
			  "ALSH-1;;78000;31/02/2020\n"
			  "ALSH 1;Ecole;78000;\n"
			  "ALSH-1;Ecole\n";
	assert_int_equal(parse(HCSV_SITES, csv, &r), 5);
	assert_int_equal(r.nrecords, 0);
	assert_string_equal(r.errors[0],
			    "Ligne 2 : colonne « code_postal » : le code postal doit compter 5 chiffres");
	assert_string_equal(r.errors[1],
			    "Ligne 3 : colonne « date_ouverture » : date invalide (format attendu : "
			    "JJ/MM/AAAA)");
	assert_string_equal(r.errors[2], "Ligne 3 : la colonne « nom » est obligatoire");
	assert_string_equal(r.errors[3], "Ligne 4 : colonne « equipement » : code invalide "
					 "(lettres, chiffres, - et _ seulement)");
	assert_string_equal(r.errors[4], "Ligne 5 : 2 colonnes au lieu de 4");
	hab_csv_free(&r);
}

static void hab_csv_parse__multiline_quoted__next_line_numbers_right(void **state)
{
	(void)state;
	struct hab_csv_result r;
	const char *csv = "equipement;nom;adresse\n"
			  "RAM-1;\"Lieu\";\"2 rue\nbâtiment B\"\n"
			  "RAM-1;Salle;x\"y\n"
			  "RAM-1;\"Salle\" z;x\n";
	/* a line break inside quotes is read, then refused as a control
	 * character; the lines after it keep their true numbers */
	assert_int_equal(parse(HCSV_SITES, csv, &r), 2);
	assert_int_equal(r.nrecords, 1);
	assert_string_equal(r.errors[0],
			    "Ligne 2 : colonne « adresse » : caractère de contrôle interdit");
	assert_string_equal(hab_csv_value(&r, 0, "adresse"), "x\"y");
	assert_int_equal(r.records[0].line, 4);
	assert_string_equal(r.errors[1], "Ligne 5 : texte après un guillemet fermant");
	hab_csv_free(&r);
}

static void hab_csv_parse__header_problems__line_one(void **state)
{
	(void)state;
	struct hab_csv_result r;
	assert_int_equal(parse(HCSV_PARTNERS, "caf;nom;couleur;nom\n781;X;bleu;Y\n", &r), 3);
	assert_string_equal(r.errors[0], "Ligne 1 : colonne « couleur » inconnue");
	assert_string_equal(r.errors[1], "Ligne 1 : colonne « nom » en double");
	assert_string_equal(r.errors[2], "Ligne 1 : colonne obligatoire « type » absente");
	assert_int_equal(r.nrecords, 0);
	hab_csv_free(&r);
	assert_int_equal(parse(HCSV_PARTNERS, "", &r), 1);
	assert_string_equal(r.errors[0], "Ligne 1 : la ligne d'en-tête est absente");
	hab_csv_free(&r);
}

static void hab_csv_parse__invalid_utf8_or_open_quote__refused(void **state)
{
	(void)state;
	struct hab_csv_result r;
	assert_int_equal(parse(HCSV_PARTNERS, "caf;type;nom\n781;COMMUNE;Caf\xE9\n", &r), 1);
	assert_string_equal(r.errors[0], "Ligne 1 : le fichier n'est pas en UTF-8 valide");
	hab_csv_free(&r);
	assert_int_equal(parse(HCSV_PARTNERS, "caf;type;nom\n781;COMMUNE;\"Caf\n", &r), 1);
	assert_string_equal(r.errors[0], "Ligne 2 : guillemet non fermé");
	hab_csv_free(&r);
}

static void hab_csv_parse__closing_before_opening__refused(void **state)
{
	(void)state;
	struct hab_csv_result r;
	const char *csv = "caf;partenaire;libelle;date_ouverture;date_cloture\n"
			  "781;P;L;01/01/2020;01/01/2020\n";
	assert_int_equal(parse(HCSV_CONVENTIONS, csv, &r), 1);
	assert_string_equal(r.errors[0],
			    "Ligne 2 : la date de clôture doit suivre la date d'ouverture");
	hab_csv_free(&r);
}

static void hab_csv_kind_from_name__names__kinds(void **state)
{
	(void)state;
	assert_int_equal(hab_csv_kind_from_name("partenaires"), HCSV_PARTNERS);
	assert_int_equal(hab_csv_kind_from_name("lieux"), HCSV_SITES);
	assert_int_equal(hab_csv_kind_from_name("users"), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(hab_csv_parse__partners__records),
		cmocka_unit_test(hab_csv_parse__conventions__dates_and_choices),
		cmocka_unit_test(hab_csv_parse__facilities__alsh_nature_rules),
		cmocka_unit_test(hab_csv_parse__bad_values__line_numbered_errors),
		cmocka_unit_test(hab_csv_parse__multiline_quoted__next_line_numbers_right),
		cmocka_unit_test(hab_csv_parse__header_problems__line_one),
		cmocka_unit_test(hab_csv_parse__invalid_utf8_or_open_quote__refused),
		cmocka_unit_test(hab_csv_parse__closing_before_opening__refused),
		cmocka_unit_test(hab_csv_kind_from_name__names__kinds),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
