#!/usr/bin/env python3
"""The operator's commands through scripts/portalctl on a live stack:

- `portalctl import KIND FILE`: the Caf's partners, conventions, facilities
  and sites from CSV, all lines or none, errors named by line in French;
- `portalctl stats publish --year N`: the year's averages, the same rows as
  the Caf administrator's button, refused for a year out of range.

Environment: PORTAIL_INSTANCE (default test). Standard library.
"""
import os
import subprocess
import sys
import tempfile
import unittest
import uuid

sys.path.insert(0, os.path.dirname(__file__))
from test_security import one, sql  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
INSTANCE = os.environ.get("PORTAIL_INSTANCE", "test")
DEMO_YEAR = 2025   # every demo facility has a validated actual declaration


def portalctl(*args):
    return subprocess.run([os.path.join(ROOT, "scripts", "portalctl"), "--instance", INSTANCE]
                          + list(args), capture_output=True, text=True, cwd=ROOT, timeout=120)


def csv_file(text):
    f = tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False, encoding="utf-8")
    f.write(text)
    f.close()
    return f.name


class ImportTest(unittest.TestCase):
    def imported(self, kind, text):
        path = csv_file(text)
        try:
            return portalctl("import", kind, path)
        finally:
            os.unlink(path)

    def test_partner_convention_facility_site__chain_imported(self):
        tag = uuid.uuid4().hex[:8]
        partner, label, code = "Commune import %s" % tag, "Convention import %s" % tag, "IMP%s" % tag.upper()
        p = self.imported("partenaires", "\ufeffcaf;type;nom;code_postal;ville\n"
                          "781;COMMUNE;%s;78000;Versailles\n" % partner)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn("1 ligne(s) importée(s)", p.stdout)
        p = self.imported("conventions", "caf;partenaire;libelle;date_ouverture;statut\n"
                          "781;%s;%s;01/01/2026;Ouvert\n" % (partner, label))
        self.assertEqual(p.returncode, 0, p.stderr)
        p = self.imported("equipements", "code;convention;type;nom;departement;places;date_ouverture\n"
                          "%s;%s;EAJE;Crèche importée %s;78;24;01/01/2026\n" % (code, label, tag))
        self.assertEqual(p.returncode, 0, p.stderr)
        p = self.imported("lieux", "equipement;nom;ville\n%s;Site principal %s;Versailles\n" % (code, tag))
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(one("SELECT COUNT(*) FROM facility f JOIN convention c ON c.id = f.convention_id "
                             "JOIN partner p ON p.id = c.partner_id WHERE p.name = '%s' "
                             "AND f.name = 'Crèche importée %s'" % (partner, tag)), "1")
        self.assertEqual(one("SELECT COUNT(*) FROM audit_event a JOIN facility f ON f.id = a.target_id "
                             "WHERE a.action = 'import.created' AND a.target_type = 'facility' "
                             "AND f.code = '%s'" % code), "1")

    def test_one_bad_line__nothing_written__line_named_in_french(self):
        tag = uuid.uuid4().hex[:8]
        p = self.imported("partenaires", "caf;type;nom;code_postal\n"
                          "781;COMMUNE;Bonne commune %s;78000\n"
                          "781;COMMUNE;Mauvaise commune %s;780\n" % (tag, tag))
        self.assertEqual(p.returncode, 1)
        self.assertIn("Ligne 3", p.stderr)
        self.assertIn("rien n'a été importé", p.stderr)
        self.assertEqual(one("SELECT COUNT(*) FROM partner WHERE name LIKE '%%commune %s'" % tag), "0")

    def test_unknown_reference__rolled_back(self):
        tag = uuid.uuid4().hex[:8]
        p = self.imported("conventions", "caf;partenaire;libelle;date_ouverture\n"
                          "781;Partenaire inexistant %s;Convention %s;01/01/2026\n" % (tag, tag))
        self.assertEqual(p.returncode, 1)
        self.assertIn("Ligne 2", p.stderr)
        self.assertEqual(one("SELECT COUNT(*) FROM convention WHERE label = 'Convention %s'" % tag), "0")

    def test_unknown_kind_and_missing_file__usage_errors(self):
        p = portalctl("import", "bananes", "/nonexistent.csv")
        self.assertEqual(p.returncode, 2)
        self.assertIn("type d'import inconnu", p.stderr)
        p = portalctl("import", "partenaires", "/nonexistent.csv")
        self.assertEqual(p.returncode, 1)
        self.assertIn("/nonexistent.csv", p.stderr)


class StatsPublishTest(unittest.TestCase):
    def test_publish_demo_year__rows_and_publication_recorded(self):
        # Another test file of the same run (test_statistics) may have
        # published the year already: one row per year either way.
        self.assertEqual(portalctl("sql", "-e", "DELETE FROM stats_publication WHERE fiscal_year = %d"
                                   % DEMO_YEAR).returncode, 0)
        p = portalctl("stats", "publish", "--year", str(DEMO_YEAR))
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn("Exercice %d publié" % DEMO_YEAR, p.stdout)
        rows = int(one("SELECT COUNT(*) FROM reference_average WHERE fiscal_year = %d" % DEMO_YEAR))
        self.assertGreater(rows, 0)
        self.assertIn("%d ligne(s) de référence" % rows, p.stdout)
        after = int(one("SELECT COUNT(*) FROM stats_publication WHERE fiscal_year = %d" % DEMO_YEAR))
        self.assertEqual(after, 1)
        # Idempotent: the same rows again.
        p = portalctl("stats", "publish", "--year", str(DEMO_YEAR))
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(int(one("SELECT COUNT(*) FROM reference_average WHERE fiscal_year = %d"
                                 % DEMO_YEAR)), rows)

    def test_year_out_of_range_or_not_a_number__refused(self):
        for year in ("1999", "2101", "2025x", ""):
            p = portalctl("stats", "publish", "--year", year)
            self.assertEqual(p.returncode, 2, year)
            self.assertIn("exercice invalide", p.stderr)


if __name__ == "__main__":
    unittest.main(verbosity=2)
