#!/usr/bin/env python3
"""Declarations on a live stack, with the demo accounts (sql/demo/LOGINS.txt):
the whole rail for an EAJE, a RAM and an ALSH with the seeds' role splits
(one person with every role; three different people), "fin de saisie" lock
and unlock, rejection and correction, the save conflict, the form posted
after the session expired, the PDF text (pdftotext) with its watermark, and
ids of another partner or another Caf answered 404.

Each test opens its own declaration through the Caf's campaign screen, for a
fiscal year no demo declaration uses (the estimate then runs on the latest
published scale).

Environment: PORTAIL_URL, PORTAIL_CONF as in test_auth.py.
Python standard library only; pdftotext (poppler-utils) for the PDF test.
"""
import html
import os
import random
import re
import subprocess
import sys
import tempfile
import unittest
import uuid

sys.path.insert(0, os.path.dirname(__file__))
from test_auth import Browser, set_clock_offset, CFG  # noqa: E402

# Demo accounts (sql/demo/LOGINS.txt)
INSTRUCTOR78 = ("nadia.benali@example.fr", "Pivoine-claire63")
AGENT12 = ("marion.cayla@example.fr", "Bouquetin-fort69")
LEBRUN = ("jm.lebrun@example.org", "Marmotte-gaie13")          # P'tits Loups: all roles
DUMAS = ("claire.dumas@example.org", "Hibou-matin24")          # Lucioles: activity
GARNIER = ("bruno.garnier@example.org", "Colibri-sage57")      # Lucioles: financial
VASSEUR = ("helene.vasseur@example.org", "Heron-calme68")      # Lucioles: approver
GIRAUD = ("francois.giraud@example.org", "Goeland-gris47")     # Marins marrants (RAM): all roles
ROUSSEL = ("emilie.roussel@example.org", "Chamois-vif58")      # RAM: activity
COLIN = ("sandrine.colin@example.org", "Ecureuil-roux14")      # Tilleuls (ALSH): activity
BRUNET = ("olivier.brunet@example.org", "Blaireau-lent25")     # Tilleuls: financial + approver
VIGUIER = ("pierre.viguier@example.org", "Lavande-douce71")    # Aveyron partner

PTITS_LOUPS = "Crèche parentale Les P'tits Loups"
LUCIOLES = "Multi-accueil Les Lucioles"
MARINS = "Relais Petite Enfance Les Marins marrants"
TILLEULS = "Accueil périscolaire des Tilleuls"

EAJE_ACTIVITY = {"places": "16", "opening_days": "220", "opening_hours_per_day": "11",
                 "hours_performed": "30 000", "hours_invoiced": "31 500",
                 "children_registered": "40", "nappies_provided": "1", "meals_provided": "1"}
LEDGER = {"ch_staff": "300 000", "ch_purchases": "40 000", "ch_external": "30 000",
          "pr_ps_caf": "150 000", "pr_municipality": "170 000"}
EAJE_FINANCIAL = dict(LEDGER, pr_family="50 000")
RAM_ACTIVITY = {"etp_worked": "0,8", "months_open": "12", "months_presence": "9",
                "territories": "Le Mesnil-aux-Étangs, Les Bréviaires", "activity_places": "1"}
RAM_FINANCIAL = {"ch_staff": "34 000", "ch_purchases": "3 000", "ch_external": "3 000",
                 "pr_ps_caf": "12 900", "pr_municipality": "27 100"}
ALSH_ACTIVITY = {"opening_days": "140", "hours_children_school": "25 000",
                 "hours_children_wednesday": "5 000", "hours_children_holidays": "10 000",
                 "children_registered": "120"}
ALSH_FINANCIAL = {"ch_staff": "120 000", "ch_purchases": "20 000", "ch_external": "10 000",
                  "pr_family": "40 000", "pr_ps_caf": "45 000", "pr_municipality": "65 000"}

USED_YEARS = set()


def years_in_database():
    """Fiscal years that already hold a declaration: other test files of the
    same run open campaigns too, and a year is fresh only if nobody used it."""
    root = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
    p = subprocess.run([os.path.join(root, "scripts", "portalctl"), "--instance",
                        os.environ.get("PORTAIL_INSTANCE", "test"), "sql", "-N", "-B", "-e",
                        "SELECT DISTINCT fiscal_year FROM declaration"],
                       capture_output=True, text=True, cwd=root, timeout=60)
    assert p.returncode == 0, p.stderr
    return {int(y) for y in p.stdout.split()}


def fresh_year():
    free = sorted(set(range(2030, 2100)) - USED_YEARS - years_in_database())
    assert free, "no fiscal year left between 2030 and 2099"
    y = random.choice(free)
    USED_YEARS.add(y)
    return y


def signed_in(account):
    b = Browser()
    r = b.login(*account)
    assert r.status == 303, "login of %s failed: %s" % (account[0], r.text[:300])
    return b


def decl_path(decl_id, step):
    return "/declarations/declaration/%d/%s" % (decl_id, step)


class DeclTest(unittest.TestCase):
    def setUp(self):
        set_clock_offset(0)

    def tearDown(self):
        set_clock_offset(0)

    def assertRedirect(self, r, prefix):
        self.assertEqual(r.status, 303, r.text[:800])
        self.assertTrue(r.location.startswith(prefix), r.location)

    # -- helpers -----------------------------------------------------------
    def open_campaign(self, facility_name, decl_type, kind, caf=INSTRUCTOR78):
        """Opens a campaign for one facility; returns (year, facility id)."""
        agent = signed_in(caf)
        page = agent.get("/declarations/campagnes")
        self.assertEqual(page.status, 200, page.text[:500])
        ids = dict((name.strip(), fid) for fid, name in re.findall(
            r'name="equipement" value="(\d+)".*?<label[^>]*>([^<(]+)\(', page.text, re.S))
        fid = ids.get(facility_name)
        self.assertIsNotNone(fid, "facility %s not on the campaign page" % facility_name)
        # Other test files on the same stack pick their years too: a year this
        # facility already has is told apart ("déjà existante") and another
        # one is drawn.
        for _ in range(10):
            year = fresh_year()
            r = agent.post("/declarations/campagnes", {
                "exercice": str(year), "type": decl_type, "activite": kind,
                "date_limite": "31/12/%d" % year, "equipement": fid})
            self.assertRedirect(r, "/declarations/campagnes")
            told = agent.get("/declarations/campagnes").text
            if "0 déclaration(s) créée(s), 1 déjà existante(s)" not in told:
                break
        self.assertIn("1 déclaration(s) créée(s)", told)
        return year, int(fid)

    def transmitted_by_three_people(self):
        """A forecast of Les Lucioles entered by its two providers and
        transmitted by its approver: (year, facility, declaration, people)."""
        year, fid = self.open_campaign(LUCIOLES, "forecast", "EAJE")
        act, fin, app = signed_in(DUMAS), signed_in(GARNIER), signed_in(VASSEUR)
        decl_id = self.declaration_id(act, fid, year)
        self.enter(act, decl_id, "activite", EAJE_ACTIVITY)
        self.pass_controls(act, decl_id, "controle-activite")
        self.tick(act, decl_id, "activite")
        self.enter(fin, decl_id, "financier", EAJE_FINANCIAL)
        self.pass_controls(fin, decl_id, "controle-financier")
        self.tick(fin, decl_id, "financier")
        self.transmit(app, decl_id)
        return year, fid, decl_id, (act, fin, app)

    def declaration_id(self, browser, facility_id, year):
        page = browser.get("/declarations/equipement/%d" % facility_id)
        self.assertEqual(page.status, 200, page.text[:500])
        for decl_id, row in re.findall(r'<tr data-declaration="(\d+)">(.*?)</tr>', page.text, re.S):
            if re.search(r"<td>%d</td>" % year, row):
                return int(decl_id)
        self.fail("no %d declaration on facility %d" % (year, facility_id))

    def form(self, browser, path):
        page = browser.get(path)
        self.assertEqual(page.status, 200, page.text[:800])
        m = re.search(r'name="row_version" value="(\d+)"', page.text)
        return page, (m.group(1) if m else None)

    def enter(self, browser, decl_id, step, values, next_step=True):
        page, rv = self.form(browser, decl_path(decl_id, step))
        self.assertIsNotNone(rv, "no editable form at %s" % step)
        fields = dict(values, row_version=rv, action="suivant" if next_step else "enregistrer")
        return browser.post(decl_path(decl_id, step), fields)

    def pass_controls(self, browser, decl_id, step):
        page = browser.get(decl_path(decl_id, step))
        self.assertEqual(page.status, 200, page.text[:800])
        fields = {"action": "suivant"}
        for name in re.findall(r'name="(explication_[a-z0-9_]+)"', page.text):
            fields[name] = "Donnée vérifiée : l'écart s'explique par l'activité de l'exercice."
        return browser.post(decl_path(decl_id, step), fields)

    def tick(self, browser, decl_id, section, on=True):
        step = "controle-activite" if section == "activite" else "controle-financier"
        page, rv = self.form(browser, decl_path(decl_id, step))
        return browser.post(decl_path(decl_id, "fin-de-saisie"),
                            {"section": section, "coche": "1" if on else "0", "row_version": rv})

    def transmit(self, browser, decl_id):
        r = self.pass_controls(browser, decl_id, "controle-global")
        self.assertRedirect(r, decl_path(decl_id, "transmission"))
        page, rv = self.form(browser, decl_path(decl_id, "transmission"))
        self.assertIn("Estimation du droit", page.text)
        r = browser.post(decl_path(decl_id, "transmission"), {
            "row_version": rv, "commentaire": "Déclaration complète.", "attestation": "1",
            "cgu": "1"})
        self.assertRedirect(r, "/declarations/equipement/")
        done = browser.get(decl_path(decl_id, "transmission")).text
        self.assertIn("Transmis Caf", done)
        self.assertRegex(done, r'class="decl-digest">[0-9a-f]{64}<')
        return done

    def post_while_saved(self, browser, path, fields):
        """POSTs a control step while someone saves the declaration: a
        trigger raises its version as soon as the POST stores its controls,
        in the POST's own transaction (the only way to stand between its
        reading and its writing)."""
        from test_security import sql  # imports this file: not at the top
        triggers = ("test_concurrent_save_insert", "test_concurrent_save_update")
        for name, event in zip(triggers, ("INSERT", "UPDATE")):
            sql("CREATE TRIGGER %s AFTER %s ON control_result FOR EACH ROW "
                "UPDATE declaration SET row_version = row_version + 1 "
                "WHERE id = NEW.declaration_id" % (name, event))
        try:
            return browser.post(path, fields)
        finally:
            for name in triggers:
                sql("DROP TRIGGER IF EXISTS %s" % name)

    def one_person_rail(self, account, facility, kind, activity, financial):
        year, fid = self.open_campaign(facility, "forecast", kind)
        b = signed_in(account)
        decl_id = self.declaration_id(b, fid, year)
        self.assertRedirect(self.enter(b, decl_id, "activite", activity),
                            decl_path(decl_id, "controle-activite"))
        self.assertRedirect(self.pass_controls(b, decl_id, "controle-activite"),
                            decl_path(decl_id, "financier"))
        self.assertRedirect(self.enter(b, decl_id, "financier", financial),
                            decl_path(decl_id, "controle-financier"))
        self.assertRedirect(self.pass_controls(b, decl_id, "controle-financier"),
                            decl_path(decl_id, "controle-global"))
        self.transmit(b, decl_id)
        return b, decl_id, fid, year


class RailTest(DeclTest):
    def test_eaje_one_person_all_roles__transmitted_then_validated(self):
        b, decl_id, fid, year = self.one_person_rail(LEBRUN, PTITS_LOUPS, "EAJE",
                                                     EAJE_ACTIVITY, EAJE_FINANCIAL)
        # transmission is irreversible: no more editing
        page = b.get(decl_path(decl_id, "activite"))
        self.assertNotIn('name="row_version"', page.text)
        agent = signed_in(INSTRUCTOR78)
        self.assertIn("/declarations/instruction/%d" % decl_id,
                      agent.get("/declarations/instruction").text)
        agent.get("/declarations/instruction/%d" % decl_id)
        r = agent.post("/declarations/instruction/%d" % decl_id,
                       {"decision": "valider", "montant": "126 220,00"})
        self.assertRedirect(r, "/declarations/instruction")
        self.assertIn("Validée Caf", b.get("/declarations/equipement/%d" % fid).text)

    def test_eaje_three_people__each_their_steps_then_approver_transmits(self):
        year, fid = self.open_campaign(LUCIOLES, "forecast", "EAJE")
        act, fin, app = signed_in(DUMAS), signed_in(GARNIER), signed_in(VASSEUR)
        decl_id = self.declaration_id(act, fid, year)
        # the approver alone may not enter data (fiche 10)
        app.get(decl_path(decl_id, "activite"))
        self.assertEqual(app.post(decl_path(decl_id, "activite"),
                                  dict(EAJE_ACTIVITY, row_version="0")).status, 403)
        self.assertRedirect(self.enter(act, decl_id, "activite", EAJE_ACTIVITY),
                            decl_path(decl_id, "controle-activite"))
        self.assertRedirect(self.pass_controls(act, decl_id, "controle-activite"),
                            decl_path(decl_id, "controle-activite"))
        self.assertRedirect(self.tick(act, decl_id, "activite"), decl_path(decl_id, "controle-activite"))
        # the activity provider does not reach the financial step
        fin_page = act.get(decl_path(decl_id, "financier"))
        self.assertNotIn('name="row_version"', fin_page.text)
        self.assertRedirect(self.enter(fin, decl_id, "financier", EAJE_FINANCIAL),
                            decl_path(decl_id, "controle-financier"))
        self.assertRedirect(self.pass_controls(fin, decl_id, "controle-financier"),
                            decl_path(decl_id, "controle-financier"))
        self.assertRedirect(self.tick(fin, decl_id, "financier"), decl_path(decl_id, "controle-financier"))
        # providers cannot transmit
        self.assertEqual(fin.post(decl_path(decl_id, "transmission"),
                                  {"attestation": "1", "cgu": "1"}).status, 403)
        self.transmit(app, decl_id)

    def test_ram_one_person__estimate_and_transmission(self):
        self.one_person_rail(GIRAUD, MARINS, "RAM", RAM_ACTIVITY, RAM_FINANCIAL)

    def test_alsh_split_roles__activity_then_financial_approver(self):
        year, fid = self.open_campaign(TILLEULS, "forecast", "ALSH")
        act, app = signed_in(COLIN), signed_in(BRUNET)
        decl_id = self.declaration_id(act, fid, year)
        self.assertRedirect(self.enter(act, decl_id, "activite", ALSH_ACTIVITY),
                            decl_path(decl_id, "controle-activite"))
        self.pass_controls(act, decl_id, "controle-activite")
        self.assertRedirect(self.tick(act, decl_id, "activite"), decl_path(decl_id, "controle-activite"))
        self.assertRedirect(self.enter(app, decl_id, "financier", ALSH_FINANCIAL),
                            decl_path(decl_id, "controle-financier"))
        self.assertRedirect(self.pass_controls(app, decl_id, "controle-financier"),
                            decl_path(decl_id, "controle-global"))
        page = self.transmit(app, decl_id)
        self.assertIn("Heures-enfants", page)


class EntryTest(DeclTest):
    def test_invalid_number__french_message_and_values_kept(self):
        year, fid = self.open_campaign(PTITS_LOUPS, "forecast", "EAJE")
        b = signed_in(LEBRUN)
        decl_id = self.declaration_id(b, fid, year)
        r = self.enter(b, decl_id, "activite", dict(EAJE_ACTIVITY, hours_invoiced="trente"))
        self.assertEqual(r.status, 200)
        self.assertIn("erreurs", r.text)
        self.assertIn('value="trente"', r.text)
        self.assertIn('value="30 000"', r.text)

    def test_control__data_saved_meanwhile__conflict_explanations_kept(self):
        from test_security import one  # imports this file: not at the top
        year, fid = self.open_campaign(LUCIOLES, "forecast", "EAJE")
        act = signed_in(DUMAS)
        decl_id = self.declaration_id(act, fid, year)
        # fewer hours invoiced than performed: an anomaly to explain
        self.enter(act, decl_id, "activite", dict(EAJE_ACTIVITY, hours_invoiced="29 000"))
        page = act.get(decl_path(decl_id, "controle-activite"))
        self.assertIn('name="explication_eaje_invoiced_below_performed"', page.text)
        typed = "Fermeture imprévue en juin : heures non facturées."
        r = self.post_while_saved(act, decl_path(decl_id, "controle-activite"),
                                  {"action": "suivant",
                                   "explication_eaje_invoiced_below_performed": typed})
        self.assertEqual(r.status, 409, r.text[:800])
        self.assertIn("modifiées par une autre personne pendant votre contrôle",
                      html.unescape(r.text))
        self.assertIn(typed, html.unescape(r.text))
        self.assertEqual(one("SELECT activity_controlled FROM declaration WHERE id = %d"
                             % decl_id), "0")
        # passed again: recorded now
        r = act.post(decl_path(decl_id, "controle-activite"),
                     {"action": "suivant", "explication_eaje_invoiced_below_performed": typed})
        self.assertEqual(r.status, 303, r.text[:800])
        self.assertEqual(one("SELECT activity_controlled FROM declaration WHERE id = %d"
                             % decl_id), "1")

    def test_global_control__saved_meanwhile_conflict__passed_again_writes_nothing(self):
        from test_security import one  # imports this file: not at the top
        year, fid = self.open_campaign(PTITS_LOUPS, "forecast", "EAJE")
        b = signed_in(LEBRUN)
        decl_id = self.declaration_id(b, fid, year)
        self.enter(b, decl_id, "activite", EAJE_ACTIVITY)
        self.pass_controls(b, decl_id, "controle-activite")
        # a service benefit far from the estimate: an alert at the global control
        self.enter(b, decl_id, "financier", dict(EAJE_FINANCIAL, pr_ps_caf="900 000"))
        self.assertRedirect(self.pass_controls(b, decl_id, "controle-financier"),
                            decl_path(decl_id, "controle-global"))
        path = decl_path(decl_id, "controle-global")
        self.assertIn('name="explication_declared_ps_gap"', b.get(path).text)
        typed = "Montant de la convention signée en mars, avant la révision du barème."
        fields = {"action": "suivant", "explication_declared_ps_gap": typed}
        r = self.post_while_saved(b, path, fields)
        self.assertEqual(r.status, 409, r.text[:800])
        self.assertIn("modifiées par une autre personne pendant votre contrôle",
                      html.unescape(r.text))
        self.assertIn(typed, html.unescape(r.text))
        controlled = "SELECT global_controlled FROM declaration WHERE id = %d" % decl_id
        self.assertEqual(one(controlled), "0")
        self.assertRedirect(b.post(path, fields), decl_path(decl_id, "transmission"))
        self.assertEqual(one(controlled), "1")
        version = "SELECT row_version FROM declaration WHERE id = %d" % decl_id
        passes = ("SELECT COUNT(*) FROM audit_event WHERE target_id = %d"
                  " AND action = 'declaration.global_control_passed'" % decl_id)
        before, journalled = one(version), int(one(passes))
        self.assertRedirect(b.post(path, fields), decl_path(decl_id, "transmission"))
        self.assertEqual(one(version), before)
        self.assertEqual(int(one(passes)), journalled + 1)

    def test_save__only_changed_values_written__each_keeps_when_it_changed(self):
        from test_security import one  # imports this file: not at the top
        year, fid = self.open_campaign(LUCIOLES, "forecast", "EAJE")
        act, fin = signed_in(DUMAS), signed_in(GARNIER)
        decl_id = self.declaration_id(act, fid, year)
        self.enter(act, decl_id, "activite", EAJE_ACTIVITY)
        self.enter(fin, decl_id, "financier", EAJE_FINANCIAL)

        def column(code, name):
            return int(one("SELECT %s FROM declaration_value WHERE declaration_id = %d"
                           " AND field_code = '%s'" % (name, decl_id, code)))

        first = column("places", "updated_at")
        charges = column("total_charges", "value_scaled")
        # ten minutes later (within the sessions' idle time), one figure of each section changed, the rest as shown
        set_clock_offset(600)
        self.enter(act, decl_id, "activite", dict(EAJE_ACTIVITY, places="18"))
        self.enter(fin, decl_id, "financier", dict(EAJE_FINANCIAL, ch_staff="310 000"))
        self.assertEqual(column("places", "value_scaled"), 18)
        self.assertGreaterEqual(column("places", "updated_at"), first + 600)
        self.assertLess(column("hours_performed", "updated_at"), first + 600)
        self.assertGreaterEqual(column("ch_staff", "updated_at"), first + 600)
        self.assertLess(column("pr_family", "updated_at"), first + 600)
        # the total follows the change; the untouched total stays as it was
        self.assertEqual(column("total_charges", "value_scaled"), charges + 10000 * 100)
        self.assertGreaterEqual(column("total_charges", "updated_at"), first + 600)
        self.assertLess(column("total_products", "updated_at"), first + 600)
        # a value emptied is deleted
        self.enter(act, decl_id, "activite", dict(EAJE_ACTIVITY, places="18",
                                                  children_registered=""), next_step=False)
        self.assertEqual(one("SELECT COUNT(*) FROM declaration_value WHERE declaration_id = %d"
                             " AND field_code = 'children_registered'" % decl_id), "0")

    def test_control_passed_again__nothing_written_but_journalled(self):
        from test_security import one, sql  # imports this file: not at the top
        year, fid = self.open_campaign(LUCIOLES, "forecast", "EAJE")
        act = signed_in(DUMAS)
        decl_id = self.declaration_id(act, fid, year)
        self.enter(act, decl_id, "activite", EAJE_ACTIVITY)
        self.assertRedirect(self.pass_controls(act, decl_id, "controle-activite"),
                            decl_path(decl_id, "controle-activite"))
        version = "SELECT row_version FROM declaration WHERE id = %d" % decl_id
        passes = ("SELECT COUNT(*) FROM audit_event WHERE action = 'declaration.control_passed'"
                  " AND target_id = %d" % decl_id)
        before, journalled = one(version), int(one(passes))
        # the rail's "next" on a section already controlled
        self.assertRedirect(self.pass_controls(act, decl_id, "controle-activite"),
                            decl_path(decl_id, "controle-activite"))
        self.assertEqual(one(version), before)
        self.assertEqual(int(one(passes)), journalled + 1)
        # a saved change makes the control due again, and passing it writes
        self.enter(act, decl_id, "activite", dict(EAJE_ACTIVITY, places="18"))
        self.assertEqual(one("SELECT activity_controlled FROM declaration WHERE id = %d"
                             % decl_id), "0")
        self.pass_controls(act, decl_id, "controle-activite")
        self.assertEqual(one("SELECT activity_controlled FROM declaration WHERE id = %d"
                             % decl_id), "1")

    def test_control__rule_no_longer_raised__its_stored_row_deleted(self):
        from test_security import one  # imports this file: not at the top
        year, fid = self.open_campaign(LUCIOLES, "forecast", "EAJE")
        act = signed_in(DUMAS)
        decl_id = self.declaration_id(act, fid, year)
        rows = ("SELECT COUNT(*) FROM control_result WHERE declaration_id = %d"
                " AND section = 'activity' AND code = '%%s'" % decl_id)
        explained = ("SELECT COUNT(*) FROM control_result WHERE declaration_id = %d"
                     " AND code = '%%s' AND explanation IS NOT NULL" % decl_id)
        # an anomaly, posted without its explanation: stored, unexplained
        self.enter(act, decl_id, "activite", dict(EAJE_ACTIVITY, hours_invoiced="29 000"))
        path = decl_path(decl_id, "controle-activite")
        page = act.get(path).text
        self.assertIn('name="explication_eaje_invoiced_below_performed"', page)
        r = act.post(path, {"action": "suivant"})
        self.assertEqual(r.status, 200, r.text[:800])
        self.assertIn("Expliquez chaque anomalie", html.unescape(r.text))
        self.assertEqual(one(rows % "eaje_invoiced_below_performed"), "1")
        self.assertEqual(one(explained % "eaje_invoiced_below_performed"), "0")
        # the data corrected: the rule no longer raised, its row goes
        self.enter(act, decl_id, "activite", EAJE_ACTIVITY, next_step=False)
        self.assertNotIn('name="explication_eaje_invoiced_below_performed"', act.get(path).text)
        self.assertRedirect(self.pass_controls(act, decl_id, "controle-activite"),
                            decl_path(decl_id, "controle-activite"))
        self.assertEqual(one(rows % "eaje_invoiced_below_performed"), "0")
        # raised again and explained: the explanation stored, shown again
        self.enter(act, decl_id, "activite", dict(EAJE_ACTIVITY, hours_invoiced="29 000"),
                   next_step=False)
        typed = "Fermeture imprévue en juin."
        r = act.post(path, {"action": "suivant",
                            "explication_eaje_invoiced_below_performed": typed})
        self.assertEqual(r.status, 303, r.text[:800])
        self.assertEqual(one(explained % "eaje_invoiced_below_performed"), "1")
        self.assertIn(typed, html.unescape(act.get(path).text))

    def test_control_post__logged_out_elsewhere__every_worker_refuses_nothing_written(self):
        from test_security import one  # imports this file: not at the top
        from test_session_cache import logout_elsewhere, parallel_gets
        year, fid = self.open_campaign(LUCIOLES, "forecast", "EAJE")
        act = signed_in(DUMAS)
        decl_id = self.declaration_id(act, fid, year)
        self.enter(act, decl_id, "activite", EAJE_ACTIVITY)
        path = decl_path(decl_id, "controle-activite")
        cookies = "; ".join("%s=%s" % kv for kv in act.cookies.items())
        # every worker keeps a copy of the session, which the page's own
        # statement confirms (ACCESS_CHECK_IN_PAGE)
        self.assertEqual({a[0] for a in parallel_gets(cookies, path)}, {200})
        self.assertEqual(act.get(path).status, 200)
        csrf = act.csrf
        self.assertTrue(csrf)
        self.assertEqual(logout_elsewhere(act.cookies), 303)
        # the POST's copy is stale in every worker: refused, as without a copy
        answers = parallel_gets(cookies, path, {"csrf": csrf, "action": "suivant"})
        self.assertEqual({a[0] for a in answers}, {403})
        self.assertEqual(one("SELECT activity_controlled FROM declaration WHERE id = %d"
                             % decl_id), "0")
        self.assertEqual(one("SELECT COUNT(*) FROM audit_event WHERE target_id = %d"
                             " AND action = 'declaration.control_passed'" % decl_id), "0")

    def test_essential_missing__red_banner_blocks_next_step(self):
        year, fid = self.open_campaign(PTITS_LOUPS, "forecast", "EAJE")
        b = signed_in(LEBRUN)
        decl_id = self.declaration_id(b, fid, year)
        self.enter(b, decl_id, "activite", EAJE_ACTIVITY)
        self.pass_controls(b, decl_id, "controle-activite")
        fin = dict(EAJE_FINANCIAL)
        del fin["pr_family"]
        r = self.enter(b, decl_id, "financier", fin)
        self.assertEqual(r.status, 200)
        self.assertIn("Des données essentielles n'ont pas été renseignées", r.text)
        self.assertIn("Participations familiales", r.text)

    def test_draft_save__incomplete_allowed(self):
        year, fid = self.open_campaign(PTITS_LOUPS, "forecast", "EAJE")
        b = signed_in(LEBRUN)
        decl_id = self.declaration_id(b, fid, year)
        r = self.enter(b, decl_id, "activite", {"places": "16"}, next_step=False)
        self.assertRedirect(r, decl_path(decl_id, "activite"))
        self.assertIn("Saisie en cours", b.get(decl_path(decl_id, "activite")).text)


class LockTest(DeclTest):
    def test_end_of_entry__locks_provider__approver_unticks__transmission_blocked(self):
        year, fid = self.open_campaign(LUCIOLES, "forecast", "EAJE")
        act, app = signed_in(DUMAS), signed_in(VASSEUR)
        decl_id = self.declaration_id(act, fid, year)
        self.enter(act, decl_id, "activite", EAJE_ACTIVITY)
        self.pass_controls(act, decl_id, "controle-activite")
        self.tick(act, decl_id, "activite")
        locked = act.get(decl_path(decl_id, "activite"))
        self.assertIn("demandez à l'approbateur", locked.text)
        self.assertNotIn('name="row_version"', locked.text)
        self.assertIn("30\u00a0000,00", locked.text)  # the values, read-only
        # a save posted anyway (a page opened before the lock) is refused
        _, rv = self.form(app, decl_path(decl_id, "controle-activite"))
        r = act.post(decl_path(decl_id, "activite"),
                     dict(EAJE_ACTIVITY, hours_performed="1", row_version=rv, action="enregistrer"))
        self.assertEqual(r.status, 409)
        self.assertNotIn('name="row_version"', r.text)
        self.assertIn("30\u00a0000,00", act.get(decl_path(decl_id, "activite")).text)
        # the approver unticks: the provider edits again
        self.assertRedirect(self.tick(app, decl_id, "activite", on=False),
                            decl_path(decl_id, "controle-activite"))
        self.assertIn('name="row_version"', act.get(decl_path(decl_id, "activite")).text)
        # and the global control is closed until the provider validates again
        self.assertEqual(app.post(decl_path(decl_id, "controle-global"), {}).status, 200)
        self.assertIn("doivent être validées", app.get(decl_path(decl_id, "controle-global")).text)
        # only the approver unticks
        self.tick(act, decl_id, "activite")
        self.assertEqual(self.tick(act, decl_id, "activite", on=False).status, 403)


class RejectionTest(DeclTest):
    def test_rejection__reason_shown__approver_corrects__providers_refused(self):
        year, fid, decl_id, (act, fin, app) = self.transmitted_by_three_people()
        agent = signed_in(INSTRUCTOR78)
        agent.get("/declarations/instruction/%d" % decl_id)
        r = agent.post("/declarations/instruction/%d" % decl_id,
                       {"decision": "rejeter", "motif": "Heures facturées à justifier."})
        self.assertRedirect(r, "/declarations/instruction")
        self.assertIn("Heures facturées à justifier.", app.get(decl_path(decl_id, "activite")).text)
        # approver corrects himself: a version 2 only he edits
        app.get("/declarations/equipement/%d" % fid)
        r = app.post(decl_path(decl_id, "correction"), {"mode": "corriger"})
        self.assertRedirect(r, "/declarations/declaration/")
        v2 = int(re.search(r"/declaration/(\d+)/", r.location).group(1))
        self.assertNotEqual(v2, decl_id)
        act.get(decl_path(v2, "activite"))
        self.assertEqual(act.post(decl_path(v2, "activite"),
                                  dict(EAJE_ACTIVITY, row_version="0")).status, 403)
        self.assertRedirect(self.enter(app, v2, "activite", dict(EAJE_ACTIVITY, hours_invoiced="31 000")),
                            decl_path(v2, "controle-activite"))
        # a second correction of the same rejected version is refused
        r = app.post(decl_path(decl_id, "correction"), {"mode": "corriger"})
        self.assertRedirect(r, "/declarations/equipement/")

    def test_rejection__delegated__provider_edits_new_version(self):
        b, decl_id, fid, year = self.one_person_rail(LEBRUN, PTITS_LOUPS, "EAJE",
                                                     EAJE_ACTIVITY, EAJE_FINANCIAL)
        agent = signed_in(INSTRUCTOR78)
        agent.get("/declarations/instruction/%d" % decl_id)
        agent.post("/declarations/instruction/%d" % decl_id, {"decision": "rejeter", "motif": "À revoir."})
        b.get("/declarations/equipement/%d" % fid)
        r = b.post(decl_path(decl_id, "correction"), {"mode": "deleguer"})
        self.assertRedirect(r, "/declarations/equipement/%d" % fid)
        v2 = self.declaration_id(b, fid, year)
        self.assertNotEqual(v2, decl_id)
        self.assertRedirect(self.enter(b, v2, "activite", EAJE_ACTIVITY), decl_path(v2, "controle-activite"))


class CorrectionNoticeTest(DeclTest):
    def test_corrected_version_shows_the_caf_rejection_reason(self):
        year, fid, decl_id, (act, fin, app) = self.transmitted_by_three_people()
        agent = signed_in(INSTRUCTOR78)
        agent.get("/declarations/instruction/%d" % decl_id)
        reason = "Heures <b>facturées</b> & « repas » : justifier l'écart n°%d." % year
        escaped = ("Heures &lt;b&gt;facturées&lt;/b&gt; &amp; « repas » : justifier "
                   "l'écart n°%d." % year)
        r = agent.post("/declarations/instruction/%d" % decl_id,
                       {"decision": "rejeter", "motif": reason})
        self.assertRedirect(r, "/declarations/instruction")
        app.get("/declarations/equipement/%d" % fid)
        r = app.post(decl_path(decl_id, "correction"), {"mode": "corriger"})
        self.assertRedirect(r, "/declarations/declaration/")
        v2 = int(re.search(r"/declaration/(\d+)/", r.location).group(1))
        self.assertNotEqual(v2, decl_id)
        # version 2, where the approver corrects and the providers read
        steps = {app: ("activite", "controle-activite", "financier", "controle-financier",
                       "transmission"),
                 act: ("activite", "controle-activite"), fin: ("financier", "controle-financier")}
        for who, own_steps in steps.items():
            for step in own_steps:
                page = who.get(decl_path(v2, step))
                self.assertEqual(page.status, 200, page.text[:500])
                self.assertIn("Version 2", page.text)
                notice = re.search(r'<div class="fr-alert fr-alert--warning[^"]*" id="rejet">(.*?)</div>',
                                   page.text, re.S)
                self.assertIsNotNone(notice, "no rejection notice on %s" % step)
                self.assertIn(escaped, notice.group(1))
                self.assertNotIn("<b>", notice.group(1))
                self.assertRegex(notice.group(1), r"Rejetée par la Caf le \d\d/\d\d/\d{4}")
        # the approver, told what to correct, corrects
        self.assertRedirect(self.enter(app, v2, "activite", EAJE_ACTIVITY),
                            decl_path(v2, "controle-activite"))


class ConflictTest(DeclTest):
    def test_two_savers__second_told_and_sees_both_versions(self):
        year, fid = self.open_campaign(PTITS_LOUPS, "forecast", "EAJE")
        first, second = signed_in(LEBRUN), signed_in(LEBRUN)
        decl_id = self.declaration_id(first, fid, year)
        _, rv1 = self.form(first, decl_path(decl_id, "activite"))
        _, rv2 = self.form(second, decl_path(decl_id, "activite"))
        self.assertEqual(rv1, rv2)
        r1 = first.post(decl_path(decl_id, "activite"),
                        dict(EAJE_ACTIVITY, row_version=rv1, action="enregistrer"))
        self.assertEqual(r1.status, 303)
        r2 = second.post(decl_path(decl_id, "activite"),
                         dict(EAJE_ACTIVITY, hours_performed="29 000", row_version=rv2,
                              action="enregistrer"))
        self.assertEqual(r2.status, 200)
        self.assertIn("Les données ont été modifiées par une autre personne", r2.text)
        self.assertIn("29 000", r2.text)          # mine
        self.assertIn("30\u00a0000,00", r2.text)  # theirs
        # nothing was overwritten
        self.assertIn("30\u00a0000,00", first.get(decl_path(decl_id, "activite")).text)


class SessionTest(DeclTest):
    def test_post_after_session_expired__values_back_after_login(self):
        self.assertIn(CFG.get("test_hooks", "no"), ("yes", "true", "on", "1"),
                      "this test moves the clock: the instance needs test_hooks = yes")
        year, fid = self.open_campaign(PTITS_LOUPS, "forecast", "EAJE")
        b = signed_in(LEBRUN)
        decl_id = self.declaration_id(b, fid, year)
        _, rv = self.form(b, decl_path(decl_id, "activite"))
        set_clock_offset(31 * 60)
        r = b.post(decl_path(decl_id, "activite"),
                   dict(EAJE_ACTIVITY, hours_performed="27 777", row_version=rv, action="enregistrer"))
        self.assertRedirect(r, "/auth/connexion")
        r = b.login(*LEBRUN)
        self.assertRedirect(r, decl_path(decl_id, "activite"))
        page = b.get(decl_path(decl_id, "activite"))
        self.assertIn('value="27 777"', page.text)
        self.assertIn("Votre session avait expiré", page.text)


class CampaignFormTest(DeclTest):
    def campaign_post(self, agent, year, due="31/12/2031"):
        page = agent.get("/declarations/campagnes")
        fid = re.search(r'name="equipement" value="(\d+)"', page.text).group(1)
        return agent.post("/declarations/campagnes", {
            "exercice": year, "type": "forecast", "activite": "EAJE",
            "date_limite": due, "equipement": fid}), fid

    def year_error(self, page):
        m = re.search(r'<p class="fr-message fr-message--error" id="f-exercice-error-1">([^<]*)</p>',
                      page)
        return m and html.unescape(m.group(1)).strip()

    def test_fiscal_year_out_of_range__french_error_naming_the_range(self):
        agent = signed_in(INSTRUCTOR78)
        for year in ("1999", "2101", "12027"):
            with self.subTest(year=year):
                r, fid = self.campaign_post(agent, year)
                self.assertEqual(r.status, 200, r.text[:500])
                self.assertEqual(self.year_error(r.text),
                                 "L'exercice doit être compris entre 2000 et 2100.")
                # the other values typed are kept
                self.assertIn('value="%s"' % year, r.text)
                self.assertIn('value="31/12/2031"', r.text)
                self.assertRegex(r.text, r'value="forecast" selected')
                self.assertRegex(r.text, r'value="%s" id="eq-%s" checked' % (fid, fid))
        r, _ = self.campaign_post(agent, "deux mille")
        self.assertEqual(self.year_error(r.text),
                         "Saisissez l'exercice sur quatre chiffres, par exemple 2027.")

    def test_fiscal_year_bounds_accepted(self):
        agent = signed_in(INSTRUCTOR78)
        for year in ("2000", "2100"):
            with self.subTest(year=year):
                # an invalid due date keeps the campaign from opening: only the
                # year is judged here
                r, _ = self.campaign_post(agent, year, due="31/02/2031")
                self.assertEqual(r.status, 200, r.text[:500])
                self.assertIsNone(self.year_error(r.text))
                self.assertIn('id="f-date_limite-error-1"', r.text)


class PdfTest(DeclTest):
    def pdf_text(self, browser, decl_id):
        r = browser.get(decl_path(decl_id, "synthese.pdf"))
        self.assertEqual(r.status, 200)
        self.assertTrue(r.body.startswith(b"%PDF"))
        with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
            f.write(r.body)
            f.flush()
            return subprocess.run(["pdftotext", "-layout", f.name, "-"], capture_output=True,
                                  text=True, check=True).stdout

    def test_pdf__values_accents_and_watermark_until_transmitted(self):
        year, fid = self.open_campaign(PTITS_LOUPS, "forecast", "EAJE")
        b = signed_in(LEBRUN)
        decl_id = self.declaration_id(b, fid, year)
        self.assertEqual(b.get(decl_path(decl_id, "synthese.pdf")).status, 404)  # nothing entered yet
        self.enter(b, decl_id, "activite", EAJE_ACTIVITY)
        text = self.pdf_text(b, decl_id)
        self.assertIn("Saisie en cours", text)
        self.assertIn("Nombre d'heures réalisées", text)
        self.assertIn("30 000,00", text.replace("\u00a0", " "))
        self.assertIn("Crèche parentale Les P'tits Loups", text)
        self.pass_controls(b, decl_id, "controle-activite")
        self.enter(b, decl_id, "financier", EAJE_FINANCIAL)
        self.pass_controls(b, decl_id, "controle-financier")
        self.transmit(b, decl_id)
        text = self.pdf_text(b, decl_id)
        self.assertNotIn("Saisie en cours", text)
        self.assertIn("Transmis Caf", text)


class AccessTest(DeclTest):
    def test_other_partner_ids__404(self):
        year, fid = self.open_campaign(LUCIOLES, "forecast", "EAJE")
        owner = signed_in(DUMAS)
        decl_id = self.declaration_id(owner, fid, year)
        stranger = signed_in(LEBRUN)
        for path in ("/declarations/equipement/%d" % fid, decl_path(decl_id, "activite"),
                     decl_path(decl_id, "controle-global"), decl_path(decl_id, "transmission"),
                     decl_path(decl_id, "synthese.pdf")):
            self.assertEqual(stranger.get(path).status, 404, path)
        # a token of the stranger's own session (the one of the login page died
        # with the pre-login session; a stale token is a CSRF 403, not this case)
        stranger.csrf = None
        stranger.get("/auth/mot-de-passe")
        self.assertIsNotNone(stranger.csrf)
        self.assertEqual(stranger.post(decl_path(decl_id, "activite"),
                                       dict(EAJE_ACTIVITY, row_version="0")).status, 404)
        # another Caf's agent
        other_caf = signed_in(AGENT12)
        self.assertEqual(other_caf.get("/declarations/instruction/%d" % decl_id).status, 404)
        self.assertEqual(other_caf.get("/declarations/equipement/%d" % fid).status, 404)
        # an approver of another facility of the same partner sees nothing of the
        # ALSH association
        self.assertEqual(signed_in(VIGUIER).get("/declarations/equipement/%d" % fid).status, 404)

    def test_facility_without_declarations__empty_table_and_still_404_to_others(self):
        from test_security import one, sql
        code = "T-%s" % uuid.uuid4().hex[:10]
        sql("INSERT INTO facility (partner_id, caf_id, convention_id, code, kind, nature,"
            " care_type, name, address, postal_code, city, department, places, opened_on,"
            " created_at) SELECT partner_id, caf_id, convention_id, '%s', kind, nature,"
            " care_type, 'Sans déclaration %s', address, postal_code, city, department, places,"
            " opened_on, created_at FROM facility WHERE name = '%s'" % (code, code, LUCIOLES))
        fid = int(one("SELECT id FROM facility WHERE code = '%s'" % code))
        page = signed_in(INSTRUCTOR78).get("/declarations/equipement/%d" % fid)
        self.assertEqual(page.status, 200, page.text[:500])
        self.assertIn("Sans déclaration %s" % code, page.text)
        self.assertIn("<h2>Déclarations</h2>", page.text)
        self.assertNotIn("data-declaration=", page.text)
        self.assertEqual(signed_in(LEBRUN).get("/declarations/equipement/%d" % fid).status, 404)

    def test_home__previous_login_notice_and_waiting_count(self):
        self.open_campaign(PTITS_LOUPS, "forecast", "EAJE")
        signed_in(LEBRUN)
        b = signed_in(LEBRUN)
        home = b.get("/declarations/")
        self.assertEqual(home.status, 200)
        self.assertRegex(home.text, r"Votre dernière connexion date du \d\d/\d\d/\d{4} à \d\dh\d\d")
        self.assertIn("nous vous encourageons à changer votre mot de passe", home.text)
        self.assertIn(PTITS_LOUPS, home.text)

    def test_searches__declaration_and_facility(self):
        b = signed_in(GARNIER)
        r = b.get("/declarations/recherche?rechercher=1&exercice=2025&type=actual")
        self.assertEqual(r.status, 200)
        self.assertIn(LUCIOLES, r.text)
        self.assertNotIn(PTITS_LOUPS, r.text)
        r = b.get("/declarations/recherche-equipement?rechercher=1&nom=Lucioles")
        self.assertIn(LUCIOLES, r.text)
        self.assertIn("Nombre de déclarations à traiter", r.text)


if __name__ == "__main__":
    unittest.main(verbosity=2)
