#!/usr/bin/env python3
"""A rail page reads its declaration, facility, roles and numbers in one
statement, and the form catalogue from the worker's copy
(modules/declarations/decl_catalogue.c), trusted only while the catalogue's
version, read with the session's, is the same (sql/005_catalogue_version.sql:
triggers on form_field raise it). These tests change the catalogue through
the mariadb client, as an operator would, and require every one of a burst of
parallel requests, whichever worker takes it, to show the change; and they
check that numbers, texts and the previous year's values still reach the
page by their new paths.

Environment: as test_declarations.py.
"""
import os
import sys
import unittest
import uuid

sys.path.insert(0, os.path.dirname(__file__))
import test_declarations as td  # noqa: E402
from test_security import one, sql  # noqa: E402
from test_session_cache import parallel_gets  # noqa: E402

def burst_bodies(browser, path):
    """(status, body) of a burst of parallel GETs as browser (test_session_cache)."""
    name, value = browser.session_cookie()
    return [(status, body) for status, _, body in parallel_gets("%s=%s" % (name, value), path)]


class CatalogueCacheTest(td.DeclTest):
    def test_label_changed_by_hand__every_worker_shows_it_at_once(self):
        year, fid = self.open_campaign(td.LUCIOLES, "forecast", "EAJE")
        dumas = td.signed_in(td.DUMAS)
        decl_id = self.declaration_id(dumas, fid, year)
        path = td.decl_path(decl_id, "activite")
        where = "kind = 'EAJE' AND declaration_type = 'forecast' AND code = 'hours_performed'"
        label = one("SELECT label FROM form_field WHERE " + where)
        before = burst_bodies(dumas, path)
        self.assertEqual({s for s, _ in before}, {200})
        self.assertTrue(all(label in b for _, b in before))
        mark = "Heures vérifiées %s" % uuid.uuid4().hex[:8]
        try:
            sql("UPDATE form_field SET label = '%s' WHERE %s" % (mark, where))
            after = burst_bodies(dumas, path)
            self.assertEqual({s for s, _ in after}, {200})
            stale = [b for _, b in after if mark not in b]
            self.assertEqual(len(stale), 0, "%d of %d pages kept the old label"
                             % (len(stale), len(after)))
        finally:
            sql("UPDATE form_field SET label = '%s' WHERE %s" % (label.replace("'", "''"), where))
        again = burst_bodies(dumas, path)
        self.assertTrue(all(label in b and mark not in b for _, b in again))

    def test_numbers_and_texts__shown_back_on_the_form(self):
        year, fid = self.open_campaign(td.MARINS, "forecast", "RAM")
        roussel = td.signed_in(td.ROUSSEL)
        decl_id = self.declaration_id(roussel, fid, year)
        r = self.enter(roussel, decl_id, "activite", td.RAM_ACTIVITY, next_step=False)
        self.assertRedirect(r, td.decl_path(decl_id, "activite"))
        page = roussel.get(td.decl_path(decl_id, "activite"))
        self.assertEqual(page.status, 200)
        self.assertIn('value="0,80"', page.text)                  # a number, scaled
        self.assertIn("Le Mesnil-aux-Étangs, Les Bréviaires", page.text)  # a text
        # and without the text: the numbers alone come with the declaration
        sql("DELETE FROM declaration_value WHERE declaration_id = %d AND value_text IS NOT NULL"
            % decl_id)
        page = roussel.get(td.decl_path(decl_id, "activite"))
        self.assertIn('value="0,80"', page.text)
        self.assertNotIn("Le Mesnil-aux-Étangs", page.text)

    def test_previous_validated_year__compared_in_the_controls(self):
        year, fid = self.open_campaign(td.LUCIOLES, "forecast", "EAJE")
        # the validated actual of the year before, as a Caf would have left
        # it (version 99: newer than any other test's of that year)
        sql("INSERT INTO declaration (facility_id, fiscal_year, type, version, state,"
            " final_amount_cents, created_at) VALUES (%d, %d, 'actual', 99, 'validated',"
            " 12345600, UNIX_TIMESTAMP())" % (fid, year - 1))
        prev = int(one("SELECT id FROM declaration WHERE facility_id = %d AND fiscal_year = %d"
                       " AND type = 'actual' AND version = 99" % (fid, year - 1)))
        sql("INSERT INTO declaration_value (declaration_id, field_code, value_scaled, updated_at)"
            " VALUES (%d, 'hours_performed', 2000000, UNIX_TIMESTAMP()),"
            " (%d, 'places', 16, UNIX_TIMESTAMP())" % (prev, prev))
        dumas = td.signed_in(td.DUMAS)
        decl_id = self.declaration_id(dumas, fid, year)
        r = self.enter(dumas, decl_id, "activite", td.EAJE_ACTIVITY)
        self.assertRedirect(r, td.decl_path(decl_id, "controle-activite"))
        page = dumas.get(td.decl_path(decl_id, "controle-activite"))
        self.assertEqual(page.status, 200)
        self.assertIn("par rapport à l’exercice %d" % (year - 1),
                      page.text.replace("'", "’").replace("&#39;", "’"))
        self.assertIn("20 000,00", page.text.replace("\u202f", " ").replace("\xa0", " "))


if __name__ == "__main__":
    unittest.main()
