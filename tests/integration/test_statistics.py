#!/usr/bin/env python3
"""Statistics on a live stack, with the demo accounts (sql/demo/LOGINS.txt):

- fiche 12's availability rule: no validated actual declaration; a
  validated one but no published averages; published but too few
  facilities (statistical secrecy); both, with the exact figures of
  declarations this test enters itself through the rail;
- publication by a Caf administrator (idempotent, date shown), refused to
  others;
- scoping: a partner user sees only the facilities he holds a habilitation
  on, a Caf agent his Caf's, anything else is 404 (page and CSV);
- the CSV export parsed back (BOM, ';', CRLF, French decimals);
- the SVG charts with their title and description, the tabs, the help;
- the part each worker keeps once drawn: the same bytes, each year and tab
  its own, a new publication or declaration shown at once, still 404 to
  others.

Environment: PORTAIL_URL, PORTAIL_CONF as in test_auth.py. Standard library.
"""
import csv
import html
import io
import os
import re
import sys
import unittest
import urllib.parse

sys.path.insert(0, os.path.dirname(__file__))
from test_auth import set_clock_offset  # noqa: E402
import test_declarations as td  # noqa: E402
from test_security import one, sql  # noqa: E402

ADMIN78 = ("sophie.marchand@example.fr", "Grenade-vive31")        # Caf 78 administrator
INSTRUCTOR78 = td.INSTRUCTOR78
AGENT12 = td.AGENT12                                               # Caf 12, all Caf roles
LEBRUN = td.LEBRUN                                                 # P'tits Loups: all roles
HADDAD = ("karim.haddad@example.org", "Loutre-agile81")            # Villiers: activity + financial
PERRIN = ("isabelle.perrin@example.org", "Castor-fier92")          # Villiers: approver
MARTIN = ("lea.martin@example.org", "Pinson-jaune36")              # consultant on a Tilleuls site
VIGUIER = td.VIGUIER

PTITS_LOUPS = td.PTITS_LOUPS
COCCINELLES = "Crèche collective Les Coccinelles"
HIRONDELLES = "Halte-garderie Les Hirondelles"
LUCIOLES = td.LUCIOLES
TILLEULS = td.TILLEULS
DORLOTINES = "Multi-accueil Les Dorlotines"                        # Caf 12
DEMO_YEAR = 2025                                                   # validated for every facility

NBSP = "\u00a0"


def text_of(fragment):
    return html.unescape(re.sub(r"<[^>]+>", "", fragment)).strip()


def indicator_cells(page, code):
    """The table row of one indicator: label then five cells."""
    m = re.search(r'<tr data-indicator="%s">(.*?)</tr>' % re.escape(code), page, re.S)
    if not m:
        return None
    return [text_of(c) for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", m.group(1), re.S)]


def facility_ids(browser, **criteria):
    """name -> id from the statistics search of this browser's user."""
    page = browser.get("/statistiques/?" + urllib.parse.urlencode(criteria))
    assert page.status == 200, page.text[:500]
    out = {}
    for row in re.findall(r"<tr>(.*?)</tr>", page.text, re.S):
        m = re.search(r'href="/statistiques/equipement/(\d+)', row)
        if m:
            out[text_of(re.search(r"<td>(.*?)</td>", row, re.S).group(1))] = int(m.group(1))
    return out


class StatsTest(td.DeclTest):
    def publish(self, year, account=ADMIN78):
        b = td.signed_in(account)
        page = b.get("/statistiques/publier")
        self.assertEqual(page.status, 200, page.text[:500])
        r = b.post("/statistiques/publier", {"exercice": str(year)})
        self.assertRedirect(r, "/statistiques/publier")
        self.assertIn("Les moyennes de l'exercice %d sont publiées" % year,
                      html.unescape(b.get("/statistiques/publier").text))

    def stats_page(self, browser, fid, year, tab=None):
        path = "/statistiques/equipement/%d?exercice=%d" % (fid, year)
        if tab:
            path += "&onglet=" + tab
        r = browser.get(path)
        self.assertEqual(r.status, 200, r.text[:800])
        return html.unescape(r.text)

    def actual_rail(self, facility, activity_account, approver_account=None):
        """Opens an actual declaration for a fresh year, enters the issue's
        example data, transmits it; returns (year, facility id, decl id)."""
        year, fid = self.open_campaign(facility, "actual", "EAJE")
        return year, fid, self.rail_for(year, fid, activity_account, approver_account)

    def rail_for(self, year, fid, activity_account, approver_account=None):
        b = td.signed_in(activity_account)
        decl = self.declaration_id(b, fid, year)
        self.assertRedirect(self.enter(b, decl, "activite", td.EAJE_ACTIVITY),
                            td.decl_path(decl, "controle-activite"))
        self.pass_controls(b, decl, "controle-activite")
        if approver_account:
            self.tick(b, decl, "activite")
        r = self.enter(b, decl, "financier", td.EAJE_FINANCIAL)
        self.assertEqual(r.status, 303, r.text[:800])
        self.pass_controls(b, decl, "controle-financier")
        if approver_account:
            self.tick(b, decl, "financier")
            self.transmit(td.signed_in(approver_account), decl)
        else:
            self.transmit(b, decl)
        return decl

    def campaign_for_year(self, facility, year):
        """Opens an actual declaration of `year` for one more facility."""
        agent = td.signed_in(INSTRUCTOR78)
        page = agent.get("/declarations/campagnes")
        ids = dict((name.strip(), fid) for fid, name in re.findall(
            r'name="equipement" value="(\d+)".*?<label[^>]*>([^<(]+)\(', page.text, re.S))
        fid = ids.get(facility)
        self.assertIsNotNone(fid, facility)
        r = agent.post("/declarations/campagnes", {
            "exercice": str(year), "type": "actual", "activite": "EAJE",
            "date_limite": "31/12/%d" % year, "equipement": fid})
        self.assertRedirect(r, "/declarations/campagnes")
        return int(fid)

    def validate(self, decl):
        agent = td.signed_in(INSTRUCTOR78)
        agent.get("/declarations/instruction/%d" % decl)
        r = agent.post("/declarations/instruction/%d" % decl,
                       {"decision": "valider", "montant": "150 000,00"})
        self.assertRedirect(r, "/declarations/instruction")


class AvailabilityTest(StatsTest):
    def test_rule__no_actual_then_no_average_then_secret_then_both__exact_figures(self):
        # a fresh year: the P'tits Loups' actual declaration is only opened
        year, fid, decl = self.actual_rail(PTITS_LOUPS, td.LEBRUN)
        lebrun = td.signed_in(LEBRUN)
        page = self.stats_page(lebrun, fid, year)
        self.assertIn("Pas de statistiques pour l'exercice %d" % year, page)
        self.assertIn('data-reason="no-actual"', page)
        self.assertIn("transmise à la Caf, en attente de validation", page)
        self.assertIn('data-reason="no-average"', page)
        self.assertNotIn("<svg", page)

        # validated by the Caf, but nothing published: no average is shown
        self.validate(decl)
        page = self.stats_page(lebrun, fid, year)
        self.assertNotIn('data-reason="no-actual"', page)
        self.assertIn('data-reason="no-average"', page)
        self.assertIn("ne sont pas encore publiées", page)
        self.assertNotIn("data-indicator", page)
        ids = facility_ids(lebrun, exercice=year)
        self.assertEqual(list(ids), [PTITS_LOUPS])
        self.assertIn("Non disponibles", lebrun.get("/statistiques/?exercice=%d" % year).text)

        # published, but one EAJE is too few to publish a mean
        self.publish(year)
        page = self.stats_page(lebrun, fid, year)
        self.assertIn('data-reason="no-average"', page)
        self.assertIn("trop peu d'équipements", page)
        self.assertIn("publiées le", page)

        # two more EAJE of the department validated, published again: the
        # table exists and, all three having the same data, every mean and
        # median equals the facility's value
        for name in (COCCINELLES, HIRONDELLES):
            fid2 = self.campaign_for_year(name, year)
            self.validate(self.rail_for(year, fid2, HADDAD, PERRIN))
        self.publish(year)
        page = self.stats_page(lebrun, fid, year)
        self.assertNotIn("Pas de statistiques", page)
        # 30 000 h / (16 x 220 x 11 = 38 720 h); 31 500 / 30 000; 30 000 / 16
        expected = {
            "eaje_occupancy_rate": "77,48" + NBSP + "%",
            "eaje_financial_occupancy_rate": "81,35" + NBSP + "%",
            "eaje_invoicing_rate": "105,00" + NBSP + "%",
            "eaje_hours_per_place": "1" + NBSP + "875,0" + NBSP + "h",
        }
        for code, value in expected.items():
            cells = indicator_cells(page, code)
            self.assertIsNotNone(cells, code)
            self.assertEqual(cells[1:], [value] * 5, code)
        fin = self.stats_page(lebrun, fid, year, "financier")
        # charges 370 000; products PSU 150 000, PF 50 000, municipality 170 000
        expected = {
            "eaje_hourly_cost_real": "12,33" + NBSP + "€",
            "eaje_hourly_cost_budget": "11,75" + NBSP + "€",
            "eaje_cost_per_place": "23" + NBSP + "125" + NBSP + "€",
            "eaje_family_per_hour": "1,59" + NBSP + "€",
            "eaje_share_psu": "40,54" + NBSP + "%",
            "eaje_share_family": "13,51" + NBSP + "%",
            "eaje_share_local": "45,95" + NBSP + "%",
            "eaje_share_other": "0,00" + NBSP + "%",
            "eaje_staff_share": "81,08" + NBSP + "%",
        }
        for code, value in expected.items():
            cells = indicator_cells(fin, code)
            self.assertIsNotNone(cells, code)
            self.assertEqual(cells[1:], [value] * 5, code)

    def test_demo_year_published__table_tabs_svg_help(self):
        self.publish(DEMO_YEAR)
        b = td.signed_in(LEBRUN)
        fid = facility_ids(b)[PTITS_LOUPS]
        page = self.stats_page(b, fid, DEMO_YEAR)
        self.assertIn("Statistiques relatives aux données d'activité", page)
        self.assertIn('aria-current="page"', page)
        for code in ("eaje_occupancy_rate", "eaje_financial_occupancy_rate",
                     "eaje_invoicing_rate", "eaje_hours_per_place"):
            self.assertIsNotNone(indicator_cells(page, code), code)
        # one chart per indicator, with its title and description
        svgs = re.findall(r"<svg[^>]*>(.*?)</svg>", page, re.S)
        self.assertGreaterEqual(len(svgs), 4)
        self.assertRegex(svgs[1], r'<title id="graphique-eaje_occupancy_rate-titre">Taux '
                                  r"d'occupation réel : équipement")
        self.assertRegex(svgs[1], r"<desc[^>]*>Équipement : \d+,\d\d" + NBSP + "% ; moyenne du "
                                  r"département 78 : ")
        self.assertIn("<rect", svgs[1])
        # the largest of the three bars is 200 px; each bar's words start 6 px after it
        widths = []
        for y_rect, y_text in (("8", "27"), ("45", "64"), ("82", "101")):
            width = re.search(r'<rect x="130" y="%s" width="(\d+)"' % y_rect, svgs[1])
            self.assertIsNotNone(width, y_rect)
            widths.append(int(width.group(1)))
            self.assertRegex(svgs[1], r'<text x="%d" y="%s">[^<]+</text>'
                             % (130 + widths[-1] + 6, y_text))
        self.assertEqual(max(widths), 200)
        # the help defines each indicator
        self.assertIn("Aide : définitions des indicateurs", page)
        self.assertIn("Heures réalisées divisées par la capacité théorique d'accueil", page)
        fin = self.stats_page(b, fid, DEMO_YEAR, "financier")
        self.assertIn("Statistiques relatives aux données financières", fin)
        self.assertIsNotNone(indicator_cells(fin, "eaje_hourly_cost_real"))
        self.assertIsNone(indicator_cells(fin, "eaje_occupancy_rate"))
        self.assertIn("Total des charges divisé par les heures réalisées", fin)

    def test_publication__idempotent__same_figures_new_date(self):
        self.publish(DEMO_YEAR)
        b = td.signed_in(LEBRUN)
        fid = facility_ids(b)[PTITS_LOUPS]
        before = indicator_cells(self.stats_page(b, fid, DEMO_YEAR), "eaje_occupancy_rate")
        self.publish(DEMO_YEAR)
        after = indicator_cells(self.stats_page(b, fid, DEMO_YEAR), "eaje_occupancy_rate")
        self.assertEqual(before, after)

    def test_publication__not_a_caf_administrator__refused(self):
        for account in (INSTRUCTOR78, LEBRUN):
            b = td.signed_in(account)
            self.assertIn(b.get("/statistiques/publier").status, (403, 404))
            b.get("/statistiques/")
            self.assertIn(b.post("/statistiques/publier", {"exercice": str(DEMO_YEAR)}).status,
                          (403, 404))


class ScopingTest(StatsTest):
    def test_partner_user__only_own_facilities__others_404(self):
        b = td.signed_in(LEBRUN)
        self.assertEqual(list(facility_ids(b)), [PTITS_LOUPS])
        agent = td.signed_in(INSTRUCTOR78)
        all78 = facility_ids(agent)
        lucioles = all78[LUCIOLES]
        self.assertEqual(b.get("/statistiques/equipement/%d?exercice=%d" % (lucioles, DEMO_YEAR)).status, 404)
        self.assertEqual(b.get("/statistiques/equipement/%d/export.csv?exercice=%d" % (lucioles, DEMO_YEAR)).status, 404)
        self.assertEqual(b.get("/statistiques/equipement/999999999").status, 404)

    def test_consultant__sees_the_facility_of_their_habilitation(self):
        b = td.signed_in(MARTIN)
        self.assertEqual(list(facility_ids(b)), [TILLEULS])

    def test_caf_agent__own_caf_only__other_caf_404(self):
        agent78 = td.signed_in(INSTRUCTOR78)
        ids78 = facility_ids(agent78)
        self.assertIn(PTITS_LOUPS, ids78)
        self.assertIn(TILLEULS, ids78)
        self.assertNotIn(DORLOTINES, ids78)
        agent12 = td.signed_in(AGENT12)
        ids12 = facility_ids(agent12)
        self.assertIn(DORLOTINES, ids12)
        self.assertNotIn(PTITS_LOUPS, ids12)
        self.assertEqual(agent12.get("/statistiques/equipement/%d" % ids78[PTITS_LOUPS]).status, 404)
        self.assertEqual(agent78.get("/statistiques/equipement/%d" % ids12[DORLOTINES]).status, 404)
        self.assertEqual(agent78.get("/statistiques/equipement/%d/export.csv?exercice=%d"
                                     % (ids12[DORLOTINES], DEMO_YEAR)).status, 404)
        self.assertEqual(agent78.get("/statistiques/equipement/%d" % ids78[PTITS_LOUPS]).status, 200)

    def test_search__name_and_city_criteria__cumulative(self):
        agent = td.signed_in(INSTRUCTOR78)
        self.assertEqual(set(facility_ids(agent, nom="multi-accueil")),
                         {LUCIOLES, "Multi-accueil La Moufletterie", "Multi-accueil Pomme d'Api"})
        self.assertEqual(set(facility_ids(agent, nom="multi-accueil", commune="Villiers")),
                         {"Multi-accueil Pomme d'Api"})
        self.assertEqual(facility_ids(agent, nom="100%_"), {})

    def test_visitor__sent_to_login(self):
        r = td.Browser().get("/statistiques/")
        self.assertEqual(r.status, 303)
        self.assertTrue(r.location.startswith("/auth/connexion"), r.location)


class KeptPartTest(StatsTest):
    """A worker keeps a facility's tabs, table, charts and help once drawn
    (modules/core/fragment.h): every answer still shows what the database
    holds, to those allowed to see it, and never the worker's marker."""

    def burst(self, browser, path):
        """The page asked by many connections at once, so that every worker
        answers it (each draws it once, then splices it); their bodies."""
        from test_session_cache import parallel_gets
        name, value = browser.session_cookie()
        answers = parallel_gets("%s=%s" % (name, value), path)
        self.assertEqual({a[0] for a in answers}, {200}, answers[0][2][:500])
        return [html.unescape(a[2]) for a in answers]

    def hours_per_place(self, pages):
        """The row of "Heures réalisées par place", the same on every page."""
        rows = {tuple(indicator_cells(p, "eaje_hours_per_place")) for p in pages}
        self.assertEqual(len(rows), 1, rows)
        return list(rows.pop())[1:]

    def test_drawn_and_kept_alike__each_tab_its_own__others_still_404(self):
        self.publish(DEMO_YEAR)
        b = td.signed_in(LEBRUN)
        fid = facility_ids(b)[PTITS_LOUPS]
        path = "/statistiques/equipement/%d?exercice=%d" % (fid, DEMO_YEAR)
        pages = self.burst(b, path)
        self.assertEqual(len(set(pages)), 1)
        self.assertNotIn("<!--", pages[0])
        self.assertIsNotNone(indicator_cells(pages[0], "eaje_occupancy_rate"))
        for fin in self.burst(b, path + "&onglet=financier"):
            self.assertIsNotNone(indicator_cells(fin, "eaje_hourly_cost_real"))
            self.assertIsNone(indicator_cells(fin, "eaje_occupancy_rate"))
            self.assertNotIn("<!--", fin)
        # kept by every worker, the page is still refused to a partner user
        # without a habilitation on the facility
        self.assertEqual(td.signed_in(HADDAD).get(path).status, 404)

    def test_new_publication_or_declaration__shown_at_once(self):
        # a fresh year: three EAJE of the 78 validated with the same data
        year, fid, decl = self.actual_rail(PTITS_LOUPS, td.LEBRUN)
        self.validate(decl)
        others = []
        for name in (COCCINELLES, HIRONDELLES):
            other = self.rail_for(year, self.campaign_for_year(name, year), HADDAD, PERRIN)
            self.validate(other)
            others.append(other)
        self.publish(year)
        self.publish(DEMO_YEAR)
        lebrun = td.signed_in(LEBRUN)
        # the demo year kept by every worker: the fresh year is its own
        demo = self.hours_per_place(self.burst(
            lebrun, "/statistiques/equipement/%d?exercice=%d" % (fid, DEMO_YEAR)))
        path = "/statistiques/equipement/%d?exercice=%d" % (fid, year)
        h = NBSP + "h"
        self.assertEqual(self.hours_per_place(self.burst(lebrun, path)), ["1" + NBSP + "875,0" + h] * 5)
        self.assertNotEqual(demo, ["1" + NBSP + "875,0" + h] * 5)

        # another facility's hours doubled, the year published again (within
        # the same second, maybe): the new means at once
        sql("UPDATE declaration_value SET value_scaled = value_scaled * 2 "
            "WHERE declaration_id = %d AND field_code = 'hours_performed'" % others[0])
        self.publish(year)
        self.assertEqual(self.hours_per_place(self.burst(lebrun, path)),
                         ["1" + NBSP + "875,0" + h, "2" + NBSP + "500,0" + h, "1" + NBSP + "875,0" + h,
                          "2" + NBSP + "500,0" + h, "1" + NBSP + "875,0" + h])

        # a newer validated version of the facility's own declaration (the
        # one statistics read): its values at once
        sql("INSERT INTO declaration (facility_id, fiscal_year, type, version, campaign_id, state, "
            "created_at) SELECT facility_id, fiscal_year, type, version + 1, campaign_id, "
            "'validated', created_at FROM declaration WHERE id = %d" % decl)
        newer = int(one("SELECT MAX(id) FROM declaration WHERE facility_id = %d AND fiscal_year = %d "
                        "AND type = 'actual'" % (fid, year)))
        self.assertGreater(newer, decl)
        sql("INSERT INTO declaration_value (declaration_id, field_code, value_scaled, value_text, "
            "updated_by, updated_at) SELECT %d, field_code, IF(field_code = 'hours_performed', "
            "value_scaled * 2, value_scaled), value_text, updated_by, updated_at "
            "FROM declaration_value WHERE declaration_id = %d" % (newer, decl))
        self.assertEqual(self.hours_per_place(self.burst(lebrun, path))[0], "3" + NBSP + "750,0" + h)

        # the facility moved to another department (a Caf's import may say
        # so): that department's averages, none published
        dept = one("SELECT department FROM facility WHERE id = %d" % fid)
        sql("UPDATE facility SET department = '91' WHERE id = %d" % fid)
        try:
            for page in self.burst(lebrun, path):
                self.assertIn("Département 91", page)
                self.assertEqual(indicator_cells(page, "eaje_hours_per_place")[2], "—non publiée")
        finally:
            sql("UPDATE facility SET department = '%s' WHERE id = %d" % (dept, fid))


class ExportTest(StatsTest):
    def test_csv__bom_semicolons_crlf_french_decimals__matches_page(self):
        self.publish(DEMO_YEAR)
        b = td.signed_in(LEBRUN)
        fid = facility_ids(b)[PTITS_LOUPS]
        r = b.get("/statistiques/equipement/%d/export.csv?exercice=%d" % (fid, DEMO_YEAR))
        self.assertEqual(r.status, 200, r.text[:300])
        self.assertTrue(r.header("Content-Type").startswith("text/csv"))
        self.assertIn("attachment", r.header("Content-Disposition"))
        self.assertTrue(r.body.startswith(b"\xef\xbb\xbf"))
        text = r.body[3:].decode("utf-8")
        self.assertTrue(text.endswith("\r\n"))
        self.assertNotIn("\n", text.replace("\r\n", ""))
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
        self.assertEqual(rows[0][:7], ["Code de l'équipement", "Nom de l'équipement", "Exercice",
                                       "Onglet", "Indicateur", "Unité", "Valeur de l'équipement"])
        self.assertEqual(len(rows[0]), 13)
        self.assertTrue(all(len(row) == 13 for row in rows))
        by_label = {row[4]: row for row in rows[1:]}
        occ = by_label["Taux d'occupation réel"]
        self.assertEqual(occ[1], PTITS_LOUPS)
        self.assertEqual(occ[2], str(DEMO_YEAR))
        self.assertEqual(occ[3], "Activité")
        self.assertRegex(occ[6], r"^\d+,\d\d$")
        self.assertIn("Coût horaire réel", by_label)          # both tabs in one file
        self.assertEqual(by_label["Coût horaire réel"][3], "Financier")
        # the page shows the same figure
        cells = indicator_cells(self.stats_page(b, fid, DEMO_YEAR), "eaje_occupancy_rate")
        self.assertEqual(cells[1], occ[6] + NBSP + "%")
        self.assertEqual(cells[4], occ[10] + NBSP + "%")

    def test_csv__no_statistics_for_the_year__back_to_the_page(self):
        b = td.signed_in(LEBRUN)
        fid = facility_ids(b)[PTITS_LOUPS]
        r = b.get("/statistiques/equipement/%d/export.csv?exercice=2001" % fid)
        self.assertEqual(r.status, 303)
        self.assertEqual(r.location, "/statistiques/equipement/%d?exercice=2001" % fid)


if __name__ == "__main__":
    set_clock_offset(0)
    unittest.main()
