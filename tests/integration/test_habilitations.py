#!/usr/bin/env python3
"""Habilitations on a live stack, through the screens only: users (generated
identifier, temporary password mailed, e-mail unique whatever its case),
closing (roles to History, sessions killed, sign-in refused), groups, the
2/2/1 limits (a pending approver counts) and the race for the last slot,
approver inactive until the facility's Caf validates it, managers limited to
their subset, an IDOR matrix (another partner, another Caf, a consultant, a
manager outside its scope, a closed user: 403/404 and nothing changed), and
the seeds' three worked examples (5, 2 and 1 persons) built from scratch.

Tests never reuse a demo facility's roles: each builds its own facilities
through the Caf administrator's screens (unique codes), so they can run
again on the same database.

Environment: PORTAIL_URL, PORTAIL_CONF, PORTAIL_BIN as in test_auth.py.
Python standard library only.
"""
import html
import os
import re
import sys
import threading
import unittest
import urllib.parse
import uuid

sys.path.insert(0, os.path.dirname(__file__))
from test_auth import (Browser, admin, mails_for, run_mailer_once,  # noqa: E402
                       set_clock_offset, temp_password_of)

# Demo accounts (sql/demo/LOGINS.txt)
ADMIN78 = ("sophie.marchand@example.fr", "Grenade-vive31")      # Caf administrator
HABM78 = ("julien.rocher@example.fr", "Cerisier-bleu52")        # Caf habilitation manager
AGENT12 = ("marion.cayla@example.fr", "Bouquetin-fort69")       # another Caf (all roles)
GARNIER = ("bruno.garnier@example.org", "Colibri-sage57")       # Mareil: partner administrator
DUMAS = ("claire.dumas@example.org", "Hibou-matin24")           # Mareil: manager of Les Lucioles only
LEROY = ("thomas.leroy@example.org", "Renard-doux35")           # Mareil: provider, no delegation
LEBRUN = ("jm.lebrun@example.org", "Marmotte-gaie13")           # P'tits Loups: partner admin
MARTIN = ("lea.martin@example.org", "Pinson-jaune36")           # Mauldre: consultant only
VIGUIER = ("pierre.viguier@example.org", "Lavande-douce71")     # Aveyron partner admin
MAREIL = "Commune de Mareil-les-Prés"
LUCIOLES = "Multi-accueil Les Lucioles"
PETITS_PAS = "Crèche familiale Les Petits Pas"
PASSWORD = "Sapin-clair47"

SUCCESS = "Les habilitations ont été créées avec succès."


def uid():
    return uuid.uuid4().hex[:8]


def signed_in(account):
    b = Browser()
    r = b.login(*account)
    assert r.status == 303, "login of %s failed: %s" % (account[0], r.text[:300])
    fresh_csrf(b)
    return b


def fresh_csrf(b):
    """The session's CSRF token (renewed at login), from a page with a form."""
    b.csrf = None
    b.get("/auth/mot-de-passe")
    assert b.csrf, "no CSRF token for this session"


def pending_id(page, facility_name):
    """The id of the approver grant awaiting validation on that facility."""
    for row in re.findall(r"<tr>(.*?)</tr>", page, re.S):
        if facility_name in row:
            return re.search(r"/habilitations/habilitation/(\d+)/valider", row).group(1)
    raise AssertionError("no pending approver on %s" % facility_name)


def options(html, name):
    """{label: value} of a <select name=...>."""
    m = re.search(r'<select[^>]*name="%s"[^>]*>(.*?)</select>' % name, html, re.S)
    if not m:
        return {}
    return dict((label.strip(), value) for value, label in
                re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)</option>', m.group(1)) if value)


def post_multi(browser, path, fields):
    """A POST whose fields may repeat (checkbox lists)."""
    fields = dict(fields, csrf=browser.csrf)
    return browser.request("POST", path, body=urllib.parse.urlencode(fields, doseq=True))


def checkboxes(html, name="activite"):
    """{label: value} of the checkboxes of the assign form."""
    return dict((label.strip(), value) for value, label in re.findall(
        r'name="%s" value="([^"]+)"[^>]*><label[^>]*>([^<]+)<' % name, html))


class HabTest(unittest.TestCase):
    maxDiff = None

    def setUp(self):
        set_clock_offset(0)

    def assertRedirect(self, r, prefix):
        self.assertEqual(r.status, 303, r.text[:1500])
        self.assertTrue(r.location.startswith(prefix), r.location)

    def assertRefused(self, r):
        self.assertIn(r.status, (403, 404), "%s: %s" % (r.status, r.text[:400]))

    # -- helpers -------------------------------------------------------------
    def partner_id(self, caf_admin, name):
        page = caf_admin.get("/habilitations/recherche")
        self.assertEqual(page.status, 200, page.text[:500])
        pid = options(page.text, "partenaire").get(name)
        self.assertIsNotNone(pid, "partner %s not offered" % name)
        return pid

    def convention_of(self, browser, partner_name):
        page = browser.get("/habilitations/conventions?statut=&partenaire=" +
                           urllib.parse.quote(partner_name.split()[-1]))
        self.assertEqual(page.status, 200, page.text[:500])
        rows = re.findall(r'<tr>(.*?)</tr>', page.text, re.S)
        for row in rows:
            if partner_name in row:
                return re.search(r'/habilitations/convention/(\d+)/utilisateurs', row).group(1)
        self.fail("no convention for %s" % partner_name)

    def new_facility(self, caf_admin, conv, kind="EAJE", nature="", name=None):
        name = name or "Test %s %s" % (kind, uid())
        code = "T-%s" % uid().upper()
        r = caf_admin.post("/habilitations/convention/%s/equipement" % conv, {
            "code": code, "type": kind, "nature": nature, "nom": name, "departement": "78",
            "date_ouverture": "01/01/2020"})
        self.assertRedirect(r, "/habilitations/convention/%s" % conv)
        return name

    def facility_ids(self, browser, partner, **filters):
        q = "&".join("%s=%s" % kv for kv in dict(filters, partenaire=partner, afficher="1").items())
        page = browser.get("/habilitations/affecter?" + q)
        self.assertEqual(page.status, 200, page.text[:800])
        return checkboxes(page.text)

    def create_user(self, browser, conv, email=None, last="TEST", first="Utilisateur"):
        email = email or "hab-%s@example.org" % uid()
        r = browser.post("/habilitations/convention/%s/utilisateur/nouveau" % conv, {
            "nom": last, "prenom": first, "email": email, "email_confirmation": email,
            "telephone": "01 02 03 04 05", "telephone_confirmation": "01 02 03 04 05",
            "mobilite": "sedentary", "date_ouverture": "", "date_cloture": ""})
        self.assertRedirect(r, "/habilitations/utilisateur/")
        account = re.search(r"/habilitations/utilisateur/(\d+)", r.location).group(1)
        detail = browser.get(r.location).text
        login = re.search(r'id="identifiant">(ENF[0-9A-Z]{7})<', detail).group(1)
        return account, login, email

    def grant(self, browser, partner, account, role, facilities, starts="", quit=False):
        fields = {"partenaire": partner, "utilisateur": account, "role": role,
                  "a_partir_du": starts, "type": "", "nature": "", "portee": "activites",
                  "activite": facilities}
        if quit:
            fields["quitter"] = "1"
        return post_multi(browser, "/habilitations/affecter", fields)

    def search(self, browser, partner, state, **filters):
        """The results of a search: what follows the search form. The form
        itself lists every user and activity in reach (its Utilisateur and
        Activité choices, seed 004), so it says nothing about the results."""
        q = "&".join("%s=%s" % kv for kv in dict(filters, partenaire=partner, etat=state).items())
        page = browser.get("/habilitations/recherche?" + q)
        self.assertEqual(page.status, 200, page.text[:800])
        start = page.text.find('<form method="get" action="/habilitations/recherche"')
        self.assertGreaterEqual(start, 0, "no search form: " + page.text[:800])
        end = page.text.find("</form>", start)
        self.assertGreater(end, start, "search form not closed")
        results = page.text[end + len("</form>"):]
        self.assertTrue('id="aucun-resultat"' in results or "<table" in results or
                        "hab-unassigned" in results, "no results part: " + results[:800])
        return results

    def active_user(self, creator, conv):
        """A new user of the convention with a known password, signed in."""
        account, login, email = self.create_user(creator, conv)
        admin("set-password", email, stdin=PASSWORD + "\n")
        return account, login, email

    def mareil(self):
        caf = signed_in(ADMIN78)
        garnier = signed_in(GARNIER)
        conv = self.convention_of(garnier, MAREIL)
        pid = self.partner_id(caf, MAREIL)
        return caf, garnier, conv, pid


class UserTest(HabTest):
    def test_home_lists_what_the_user_may_do(self):
        page = signed_in(GARNIER).get("/habilitations/")
        self.assertEqual(page.status, 200)
        for label in ("Consulter les conventions", "Administration des profils",
                      "Affecter un rôle", "Responsables habilitations"):
            self.assertIn(label, page.text)
        self.assertNotIn("Approbateurs à valider", page.text)
        caf = signed_in(HABM78).get("/habilitations/").text
        self.assertIn("Approbateurs à valider", caf)
        self.assertIn("Supervision habilitations", caf)

    def test_conventions_list_filters_and_actions(self):
        b = signed_in(GARNIER)
        page = b.get("/habilitations/conventions").text
        self.assertIn(MAREIL, page)
        self.assertNotIn("Villiers", page)     # another partner's convention
        for action in ("Utilisateurs", "Groupes", "Détail de la convention"):
            self.assertIn(action, page)
        self.assertNotIn(MAREIL, b.get("/habilitations/conventions?libelle=zzzz").text
                         .split("<tbody>")[1])
        caf = signed_in(ADMIN78).get("/habilitations/conventions?etat=validee").text
        self.assertIn("Validée le 03/07/2023", caf)
        self.assertIn("Commune de Villiers-le-Haut", caf)

    def test_convention_detail__its_partner_caf_and_dates__another_partner_404(self):
        b = signed_in(LEBRUN)
        conv = self.convention_of(b, "Association Les P'tits Loups")
        page = b.get("/habilitations/convention/%s" % conv)
        self.assertEqual(page.status, 200, page.text[:500])
        text = html.unescape(page.text)
        for shown in ("Association Les P'tits Loups (Association loi 1901)", "Caf des Yvelines",
                      "15/06/2023", "Validée le 03/07/2023"):
            self.assertIn(shown, text)
        other = self.convention_of(signed_in(GARNIER), MAREIL)
        self.assertEqual(b.get("/habilitations/convention/%s" % other).status, 404)

    def test_create_user_generated_login_and_mailed_temporary_password(self):
        caf, garnier, conv, pid = self.mareil()
        account, login, email = self.create_user(garnier, conv, last="NOUVEAU", first="Agnès")
        self.assertRegex(login, r"^ENF078[0-9A-Z]{4}$")
        users = garnier.get("/habilitations/convention/%s/utilisateurs?nom=NOUVEAU" % conv).text
        self.assertIn(login, users)
        self.assertIn("Ouvert", users)
        # the user's pages show that user, never the signed-in one
        detail = garnier.get("/habilitations/utilisateur/%s" % account).text
        self.assertIn("<h1>Agnès NOUVEAU</h1>", detail)
        self.assertIn('href="/habilitations/utilisateur/%s/modifier"' % account, detail)
        edit = garnier.get("/habilitations/utilisateur/%s/modifier" % account).text
        self.assertIn('action="/habilitations/utilisateur/%s/modifier"' % account, edit)
        self.assertIn('value="NOUVEAU"', edit)
        self.assertNotIn('value="GARNIER"', edit)
        run_mailer_once()
        mails = mails_for(email)
        self.assertEqual(len(mails), 1)
        self.assertIn(b"Subject: Votre mot de passe", mails[0])
        temp = temp_password_of(mails[0])
        self.assertRegex(temp, r"^(?=.*[a-z])(?=.*\d).{6,20}$")
        # the first sign-in with it forces the change
        b = Browser()
        r = b.login(email, temp)
        self.assertEqual(r.status, 303, r.text[:300])
        self.assertTrue(r.location.startswith("/auth/mot-de-passe"), r.location)

    def test_email_unique_whatever_the_case(self):
        caf, garnier, conv, pid = self.mareil()
        email = "Claire.DUMAS@Example.org"
        r = garnier.post("/habilitations/convention/%s/utilisateur/nouveau" % conv, {
            "nom": "DOUBLON", "prenom": "Claire", "email": email, "email_confirmation": email})
        self.assertEqual(r.status, 200)
        self.assertIn("déjà utilisée", r.text)
        self.assertNotIn("DOUBLON", garnier.get(
            "/habilitations/convention/%s/utilisateurs?nom=DOUBLON" % conv).text.split("<tbody>")[1])

    def test_user_form_errors_keep_values(self):
        caf, garnier, conv, pid = self.mareil()
        r = garnier.post("/habilitations/convention/%s/utilisateur/nouveau" % conv, {
            "nom": "", "prenom": "Jean", "email": "jean@example.org",
            "email_confirmation": "autre@example.org", "date_ouverture": "31/02/2026"})
        self.assertEqual(r.status, 200)
        self.assertIn("Saisissez le nom.", r.text)
        self.assertIn("La confirmation ne correspond pas", r.text)
        self.assertIn('value="Jean"', r.text)

    def test_close_user_ends_roles_sessions_and_sign_in(self):
        caf, garnier, conv, pid = self.mareil()
        name = self.new_facility(caf, conv)
        fid = self.facility_ids(garnier, pid)[name]
        account, login, email = self.active_user(garnier, conv)
        self.assertRedirect(self.grant(garnier, pid, account, "activity_provider", [fid]),
                            "/habilitations/affecter")
        user = signed_in((email, PASSWORD))
        self.assertEqual(user.get("/declarations/").status, 200)
        r = garnier.post("/habilitations/utilisateur/%s/cloturer" % account, {"date_cloture": ""})
        self.assertRedirect(r, "/habilitations/utilisateur/%s" % account)
        # the open session died at once
        r = user.get("/declarations/")
        self.assertEqual(r.status, 303)
        self.assertTrue(r.location.startswith("/auth/connexion"), r.location)
        # and signing in again fails
        self.assertNotEqual(Browser().login(email, PASSWORD).status, 303)
        detail = garnier.get("/habilitations/utilisateur/%s" % account).text
        self.assertIn("Clôturé", detail)
        self.assertIn("Historique", detail)
        self.assertIn(name, self.search(garnier, pid, "historique", utilisateur=account))
        self.assertNotIn(name, self.search(garnier, pid, "actif", utilisateur=account))

    def test_groups_add_and_close(self):
        caf, garnier, conv, pid = self.mareil()
        account, login, email = self.create_user(garnier, conv)
        page = garnier.get("/habilitations/utilisateur/%s/groupes" % account)
        groups = options(page.text, "groupe")
        r = garnier.post("/habilitations/utilisateur/%s/groupes" % account, {
            "groupe": groups["AFAS-DECLARER"], "date_ouverture": "01/01/2026"})
        self.assertRedirect(r, "/habilitations/utilisateur/%s/groupes" % account)
        # the same group again on overlapping dates is refused
        r = garnier.post("/habilitations/utilisateur/%s/groupes" % account, {
            "groupe": groups["AFAS-DECLARER"], "date_ouverture": "01/02/2026"})
        self.assertIn("appartient déjà", r.text)
        listed = garnier.get("/habilitations/convention/%s/groupes" % conv).text
        self.assertIn(login, listed)
        page = garnier.get("/habilitations/utilisateur/%s/groupes" % account).text
        mid = re.search(r'/habilitations/appartenance/(\d+)/cloturer', page).group(1)
        self.assertRedirect(garnier.post("/habilitations/appartenance/%s/cloturer" % mid, {}),
                            "/habilitations/utilisateur/%s/groupes" % account)
        self.assertNotIn("/habilitations/appartenance/%s/cloturer" % mid,
                         garnier.get("/habilitations/utilisateur/%s/groupes" % account).text)


class LimitTest(HabTest):
    def test_third_provider_refused(self):
        caf, garnier, conv, pid = self.mareil()
        name = self.new_facility(caf, conv)
        fid = self.facility_ids(garnier, pid)[name]
        users = [self.create_user(garnier, conv)[0] for _ in range(3)]
        for a in users[:2]:
            self.assertRedirect(self.grant(garnier, pid, a, "activity_provider", [fid]),
                                "/habilitations/affecter")
        r = self.grant(garnier, pid, users[2], "activity_provider", [fid])
        self.assertEqual(r.status, 200)
        self.assertIn("compte déjà 2 fournisseurs de données d'activité", r.text)
        # after one ends (today), a successor from tomorrow fits... but not
        # from today: the end is exclusive and today still counts
        active = self.search(garnier, pid, "actif", activite=fid)
        self.assertEqual(active.count("Fournisseur de données d'activité</td>"), 2)

    def test_second_approver_refused_even_while_the_first_is_pending(self):
        caf, garnier, conv, pid = self.mareil()
        name = self.new_facility(caf, conv)
        fid = self.facility_ids(garnier, pid)[name]
        a1, a2 = (self.create_user(garnier, conv)[0] for _ in range(2))
        r = self.grant(garnier, pid, a1, "approver", [fid])
        self.assertRedirect(r, "/habilitations/affecter")
        flash = garnier.get(r.location).text
        self.assertIn(SUCCESS, flash)
        self.assertIn("L'habilitation de cet utilisateur au rôle d'approbateur pour "
                      "l'équipement/service %s, est en cours de validation par la Caf." % name, flash)
        r = self.grant(garnier, pid, a2, "approver", [fid])
        self.assertEqual(r.status, 200)
        self.assertIn("un seul approbateur est possible", r.text)

    def test_race_for_the_last_slot_exactly_one_wins(self):
        caf, garnier, conv, pid = self.mareil()
        name = self.new_facility(caf, conv)
        fid = self.facility_ids(garnier, pid)[name]
        a1, a2 = (self.create_user(garnier, conv)[0] for _ in range(2))
        other = signed_in(GARNIER)
        other.get("/habilitations/affecter")
        results = {}
        barrier = threading.Barrier(2)

        def go(key, browser, account):
            barrier.wait()
            results[key] = self.grant(browser, pid, account, "approver", [fid])

        threads = [threading.Thread(target=go, args=(1, garnier, a1)),
                   threading.Thread(target=go, args=(2, other, a2))]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        statuses = sorted(r.status for r in results.values())
        self.assertEqual(statuses, [200, 303], [r.text[:300] for r in results.values()])
        inactive = self.search(garnier, pid, "inactif", activite=fid)
        self.assertEqual(inactive.count("Approbateur</td>"), 1)


def flash_of(page):
    """The text of the page's success flash (unescaped), None if none."""
    m = re.search(r'<div class="fr-alert fr-alert--success[^"]*"><p>(.*?)</p></div>', page, re.S)
    return html.unescape(m.group(1)) if m else None


class ConfirmationTest(HabTest):
    """The confirmation after a grant stays whole (never cut in a word or a
    UTF-8 character) whatever the number of facilities granted at once."""

    def long_facilities(self, caf, conv, n):
        tag = uid()
        # 140 bytes, accents included: 4 of them once overflowed the flash
        return [self.new_facility(caf, conv, name=(
            "Établissement d'accueil du jeune enfant « Les Écureuils de la forêt "
            "domaniale » — pôle n°%d %s" % (i, tag))) for i in range(n)]

    def confirmation(self, browser, r):
        self.assertEqual(r.status, 303, r.text[:1500])
        page = browser.get(r.location)
        self.assertEqual(page.status, 200)
        text = page.body.decode("utf-8")  # strict: a cut character raises here
        flash = flash_of(text)
        self.assertIsNotNone(flash, "no confirmation on %s" % r.location)
        return flash, text

    def test_approver_on_many_facilities__complete_summary(self):
        caf, garnier, conv, pid = self.mareil()
        names = self.long_facilities(caf, conv, 4)
        ids = self.facility_ids(garnier, pid)
        account = self.create_user(garnier, conv, last="DÉSIRÉ-LEFÈVRE", first="Éloïse")[0]
        flash, _ = self.confirmation(garnier, self.grant(
            garnier, pid, account, "approver", [ids[n] for n in names]))
        self.assertTrue(flash.startswith(SUCCESS), flash)
        self.assertIn("4 habilitations", flash)
        self.assertIn("Éloïse DÉSIRÉ-LEFÈVRE", flash)
        self.assertIn("en cours de validation par la Caf.", flash)
        self.assertTrue(flash.endswith("."), flash)
        self.assertLessEqual(len(flash), 500)
        # the list itself: "Enregistrer et quitter" shows this user's pending grants
        names2 = self.long_facilities(caf, conv, 3)
        ids = self.facility_ids(garnier, pid)
        r = self.grant(garnier, pid, account, "approver", [ids[n] for n in names2], quit=True)
        self.assertRedirect(r, "/habilitations/recherche")
        flash, text = self.confirmation(garnier, r)
        self.assertIn("3 habilitations", flash)
        results = text[text.find("</form>", text.find('action="/habilitations/recherche"')):]
        for n in names + names2:
            self.assertIn(html.escape(n, quote=False), results)

    def test_providers_on_many_facilities__count_and_name(self):
        caf, garnier, conv, pid = self.mareil()
        names = self.long_facilities(caf, conv, 5)
        ids = self.facility_ids(garnier, pid)
        account = self.create_user(garnier, conv, last="NGUYỄN", first="Anaïs")[0]
        flash, _ = self.confirmation(garnier, self.grant(
            garnier, pid, account, "activity_provider", [ids[n] for n in names]))
        self.assertTrue(flash.startswith(SUCCESS), flash)
        self.assertIn("5 habilitations", flash)
        self.assertIn("Anaïs NGUYỄN", flash)
        self.assertNotIn("validation par la Caf", flash)
        # one facility, one approver: the seed's own sentence
        flash, _ = self.confirmation(garnier, self.grant(
            garnier, pid, account, "approver", [ids[names[0]]]))
        self.assertIn("L'habilitation de cet utilisateur au rôle d'approbateur pour "
                      "l'équipement/service %s, est en cours de validation par la Caf."
                      % names[0], flash)


class CafAgentAssignTest(HabTest):
    """A Caf administrator opening "Habiliter un utilisateur" is offered the
    users of its Caf's partners at once, and the partner follows the user."""

    def test_users_listed_when_the_page_opens(self):
        caf = signed_in(ADMIN78)
        page = caf.get("/habilitations/affecter")
        self.assertEqual(page.status, 200, page.text[:500])
        users = options(page.text, "utilisateur")
        labels = list(users)
        # the same people a partner administrator is offered, for every partner of the Caf
        garnier_users = options(signed_in(GARNIER).get("/habilitations/affecter").text,
                                "utilisateur")
        self.assertIn("DUMAS Claire", garnier_users)
        for label, value in garnier_users.items():
            self.assertIn(value, users.values(), "%s missing for the Caf" % label)
        self.assertIn("HADDAD Karim", labels)
        self.assertIn("LEBRUN Jean-Marc", labels)
        # grouped by partner, so that homonyms are told apart
        self.assertRegex(page.text, r'<optgroup label="Commune de Villiers-le-Haut">'
                                    r'(<option value="\d+">[^<]*</option>)*'
                                    r'<option value="%s">HADDAD Karim</option>' % users["HADDAD Karim"])
        # never a user of another Caf, nor a closed account, nor a Caf agent
        for other in ("VIGUIER", "MOREL Patrick", "MARCHAND", "CAYLA"):
            self.assertFalse(any(other in label for label in labels), (other, labels))
        # the other Caf's agent sees its own partners' users only
        agent12 = options(signed_in(AGENT12).get("/habilitations/affecter").text, "utilisateur")
        self.assertTrue(any(label.startswith("VIGUIER Pierre") for label in agent12), agent12)
        self.assertFalse(any("DUMAS" in label for label in agent12), agent12)

    def test_user_chosen_first__partner_follows__grant_works(self):
        caf, garnier, conv, pid = self.mareil()
        name = self.new_facility(caf, conv)
        account = self.create_user(garnier, conv, last="SANSPARTENAIRE")[0]
        page = caf.get("/habilitations/affecter?partenaire=&utilisateur=%s&role=consultant"
                       "&portee=activites&afficher=1" % account)
        self.assertEqual(page.status, 200, page.text[:800])
        self.assertRegex(page.text, r'<option value="%s" selected>' % pid)
        offered = checkboxes(page.text)
        self.assertIn(name, offered)
        self.assertIn('name="partenaire" value="%s"' % pid, page.text)
        fresh_csrf(caf)
        self.assertRedirect(self.grant(caf, pid, account, "consultant", [offered[name]]),
                            "/habilitations/affecter")
        self.assertIn(name, self.search(caf, pid, "actif", utilisateur=account))
        # another Caf's user: refused, as before
        viguier = options(signed_in(AGENT12).get("/habilitations/affecter").text,
                          "utilisateur")
        vid = next(v for label, v in viguier.items() if label.startswith("VIGUIER"))
        self.assertRefused(caf.get("/habilitations/affecter?utilisateur=%s&afficher=1" % vid))
        # a user of another partner of the same Caf than the one chosen: told on the page
        haddad = next(v for label, v in options(caf.get("/habilitations/affecter").text,
                                                "utilisateur").items()
                      if label.startswith("HADDAD Karim"))
        page = caf.get("/habilitations/affecter?partenaire=%s&utilisateur=%s&afficher=1"
                       % (pid, haddad))
        self.assertEqual(page.status, 200, page.text[:800])
        self.assertIn("n'est pas un utilisateur de ce partenaire", page.text)
        r = self.grant(caf, pid, haddad, "consultant", [offered[name]])
        self.assertEqual(r.status, 200, r.text[:800])
        self.assertIn("n'est pas un utilisateur de ce partenaire", r.text)
        self.assertNotIn("HADDAD", self.search(caf, pid, "actif", activite=offered[name]))


class ValidationTest(HabTest):
    def test_approver_inactive_until_the_caf_validates(self):
        caf, garnier, conv, pid = self.mareil()
        name = self.new_facility(caf, conv)
        fid = self.facility_ids(garnier, pid)[name]
        account = self.create_user(garnier, conv, last="APPRO")[0]
        self.assertRedirect(self.grant(garnier, pid, account, "approver", [fid], quit=True),
                            "/habilitations/recherche")
        # Inactive (no right yet), and listed with "Actif" marked "*" as in seed 003.
        inactive = self.search(garnier, pid, "inactif", activite=fid)
        self.assertIn("APPRO", inactive)
        self.assertIn("En attente de validation par votre CAF", inactive)
        pending_mark = re.compile(r"APPRO.*?\d\d/\d\d/\d{4}\*", re.S)
        self.assertRegex(self.search(garnier, pid, "actif", activite=fid), pending_mark)
        # an agent of another Caf cannot validate it
        hid = pending_id(signed_in(HABM78).get("/habilitations/validations").text, name)
        other = signed_in(AGENT12)
        self.assertRefused(other.post("/habilitations/habilitation/%s/valider" % hid, {}))
        self.assertRegex(self.search(garnier, pid, "actif", activite=fid), pending_mark)
        # a partner administrator cannot either
        self.assertRefused(garnier.post("/habilitations/habilitation/%s/valider" % hid, {}))
        r = signed_in(HABM78).post("/habilitations/habilitation/%s/valider" % hid, {})
        self.assertRedirect(r, "/habilitations/validations")
        active = self.search(garnier, pid, "actif", activite=fid)
        self.assertIn("APPRO", active)
        self.assertNotRegex(active, pending_mark)
        self.assertNotIn("APPRO", self.search(garnier, pid, "inactif", activite=fid))

    def test_refused_approver_goes_to_history_and_frees_the_slot(self):
        caf, garnier, conv, pid = self.mareil()
        name = self.new_facility(caf, conv)
        fid = self.facility_ids(garnier, pid)[name]
        a1, a2 = (self.create_user(garnier, conv)[0] for _ in range(2))
        self.assertRedirect(self.grant(garnier, pid, a1, "approver", [fid]), "/habilitations/")
        habm = signed_in(HABM78)
        hid = pending_id(habm.get("/habilitations/validations").text, name)
        self.assertRedirect(habm.post("/habilitations/habilitation/%s/refuser" % hid,
                                      {"motif": "Personne non habilitée à signer"}),
                            "/habilitations/validations")
        self.assertRedirect(self.grant(garnier, pid, a2, "approver", [fid]), "/habilitations/")

    def test_supervision_lists_missing_roles(self):
        caf, garnier, conv, pid = self.mareil()
        name = self.new_facility(caf, conv)
        page = signed_in(HABM78).get("/habilitations/supervision?manquants=1").text
        row = re.search(r'<tr>(?:(?!</tr>).)*%s(?:(?!</tr>).)*</tr>' % re.escape(name), page, re.S)
        self.assertIsNotNone(row)
        for role in ("Fournisseur de données d'activité", "Fournisseur de données financières",
                     "Approbateur"):
            self.assertIn(role, row.group(0))
        unassigned = self.search(garnier, pid, "non-attribue")
        self.assertIn(name, unassigned)


class ScopeTest(HabTest):
    def test_manager_acts_only_inside_its_subset(self):
        caf, garnier, conv, pid = self.mareil()
        dumas = signed_in(DUMAS)
        offered = self.facility_ids(dumas, pid)
        self.assertIn(LUCIOLES, offered)
        self.assertNotIn(PETITS_PAS, offered)
        all_ids = self.facility_ids(garnier, pid)
        account = self.create_user(dumas, conv)[0]
        # outside the subset: refused, nothing granted
        self.assertRefused(self.grant(dumas, pid, account, "consultant", [all_ids[PETITS_PAS]]))
        self.assertNotIn(PETITS_PAS, self.search(garnier, pid, "actif", utilisateur=account))
        # inside: granted
        self.assertRedirect(self.grant(dumas, pid, account, "consultant", [all_ids[LUCIOLES]]),
                            "/habilitations/affecter")
        # appointing beyond its own subset: refused
        r = dumas.post("/habilitations/responsables", {
            "utilisateur": account, "activite": all_ids[PETITS_PAS]})
        self.assertRefused(r)
        # never to itself
        me = re.search(r'<option value="(\d+)">DUMAS Claire</option>',
                       dumas.get("/habilitations/affecter").text).group(1)
        r = self.grant(dumas, pid, me, "consultant", [all_ids[LUCIOLES]])
        self.assertEqual(r.status, 200)
        self.assertIn("vous attribuer un rôle vous-même", r.text)

    def test_partner_admin_appoints_a_manager_who_appoints_within(self):
        caf, garnier, conv, pid = self.mareil()
        n1, n2 = self.new_facility(caf, conv), self.new_facility(caf, conv)
        ids = self.facility_ids(garnier, pid)
        m_account, m_login, m_email = self.active_user(garnier, conv)
        r = post_multi(garnier, "/habilitations/responsables",
                       {"utilisateur": m_account, "activite": [ids[n1], ids[n2]]})
        self.assertRedirect(r, "/habilitations/responsables")
        manager = signed_in((m_email, PASSWORD))
        offered = self.facility_ids(manager, pid)
        self.assertEqual(set(offered), {n1, n2})
        sub = self.create_user(manager, conv)[0]
        self.assertRedirect(manager.post("/habilitations/responsables", {
            "utilisateur": sub, "activite": ids[n1]}), "/habilitations/responsables")
        self.assertRefused(manager.post("/habilitations/responsables", {
            "utilisateur": sub, "activite": ids[LUCIOLES]}))


class IdorTest(HabTest):
    """Every route taking an id x callers who must not reach it."""

    def targets(self):
        caf, garnier, conv, pid = self.mareil()
        name = self.new_facility(caf, conv)
        fid = self.facility_ids(garnier, pid)[name]
        account = self.create_user(garnier, conv)[0]
        self.assertRedirect(self.grant(garnier, pid, account, "approver", [fid]), "/habilitations/")
        page = self.search(garnier, pid, "inactif", activite=fid)
        hid = re.search(r'/habilitations/habilitation/(\d+)/fin', page).group(1)
        groups = options(garnier.get("/habilitations/utilisateur/%s/groupes" % account).text,
                         "groupe")
        garnier.post("/habilitations/utilisateur/%s/groupes" % account, {
            "groupe": groups["AFAS-DECLARER"], "date_ouverture": "01/01/2026"})
        mid = re.search(r'/habilitations/appartenance/(\d+)/cloturer', garnier.get(
            "/habilitations/utilisateur/%s/groupes" % account).text).group(1)
        return garnier, conv, pid, fid, account, hid, mid

    def test_matrix(self):
        garnier, conv, pid, fid, account, hid, mid = self.targets()
        gets = ["/habilitations/convention/%s" % conv,
                "/habilitations/convention/%s/utilisateurs" % conv,
                "/habilitations/convention/%s/groupes" % conv,
                "/habilitations/convention/%s/utilisateur/nouveau" % conv,
                "/habilitations/utilisateur/%s" % account,
                "/habilitations/utilisateur/%s/modifier" % account,
                "/habilitations/utilisateur/%s/cloturer" % account,
                "/habilitations/utilisateur/%s/groupes" % account,
                "/habilitations/recherche?partenaire=%s&etat=actif" % pid,
                "/habilitations/affecter?partenaire=%s" % pid]
        posts = [("/habilitations/convention/%s/utilisateur/nouveau" % conv,
                  {"nom": "X", "prenom": "Y", "email": "idor-%s@example.org" % uid(),
                   "email_confirmation": "x"}),
                 ("/habilitations/utilisateur/%s/modifier" % account,
                  {"nom": "PIRATE", "prenom": "P", "email": "p-%s@example.org" % uid()}),
                 ("/habilitations/utilisateur/%s/cloturer" % account, {}),
                 ("/habilitations/utilisateur/%s/groupes" % account,
                  {"groupe": "1", "date_ouverture": "01/01/2026"}),
                 ("/habilitations/appartenance/%s/cloturer" % mid, {}),
                 ("/habilitations/habilitation/%s/fin" % hid, {}),
                 ("/habilitations/habilitation/%s/valider" % hid, {}),
                 ("/habilitations/habilitation/%s/refuser" % hid, {}),
                 ("/habilitations/affecter", {"partenaire": pid, "utilisateur": account,
                                              "role": "consultant", "activite": fid}),
                 ("/habilitations/convention/%s/service" % conv, {"service": "CDAP"}),
                 ("/habilitations/convention/%s/equipement" % conv, {"code": "X"}),
                 ("/habilitations/equipement/%s/lieu" % fid, {"nom": "Pirate"})]
        callers = {"other partner, other Caf": VIGUIER, "other partner, same Caf": LEBRUN,
                   "consultant": MARTIN, "provider without delegation": LEROY,
                   "other Caf's agent": AGENT12}
        before = garnier.get("/habilitations/utilisateur/%s" % account).text
        for who, account_pw in callers.items():
            b = signed_in(account_pw)
            for path in gets:
                with self.subTest(caller=who, get=path):
                    r = b.get(path)
                    if "?partenaire=" in path and r.status == 200:
                        # a caller with its own scope gets its own page, never ours
                        self.assertNotIn("TEST Utilisateur", r.text)
                        self.assertNotIn("Mareil", r.text)
                    else:
                        self.assertRefused(r)
            fresh_csrf(b)  # so a refusal is the scope's, never a bad token
            for path, fields in posts:
                with self.subTest(caller=who, post=path):
                    self.assertRefused(b.post(path, fields))
        # the manager outside its scope (Les Lucioles only) on a new facility
        dumas = signed_in(DUMAS)
        for path in ["/habilitations/utilisateur/%s/modifier" % account,
                     "/habilitations/utilisateur/%s/cloturer" % account]:
            self.assertRefused(dumas.get(path))
        for path, fields in posts[1:9]:
            with self.subTest(caller="manager outside scope", post=path):
                self.assertRefused(dumas.post(path, fields))
        after = garnier.get("/habilitations/utilisateur/%s" % account).text
        strip = lambda t: re.sub(r'name="csrf" value="[^"]*"', "", t)  # noqa: E731
        self.assertEqual(strip(before), strip(after))

    def test_closed_user_session_cannot_act(self):
        caf, garnier, conv, pid = self.mareil()
        m_account, m_login, m_email = self.active_user(garnier, conv)
        ids = self.facility_ids(garnier, pid)
        post_multi(garnier, "/habilitations/responsables",
                   {"utilisateur": m_account, "activite": ids[LUCIOLES]})
        manager = signed_in((m_email, PASSWORD))
        self.assertEqual(manager.get("/habilitations/affecter").status, 200)
        garnier.post("/habilitations/utilisateur/%s/cloturer" % m_account, {})
        r = manager.get("/habilitations/affecter")
        self.assertEqual(r.status, 303)
        self.assertTrue(r.location.startswith("/auth/connexion"))


class SeedExamplesTest(HabTest):
    """Seed 000's three worked examples, built from nothing by the Caf
    administrator, the partner administrator and the Caf's manager."""

    def build_partner(self, n_facilities):
        caf = signed_in(ADMIN78)
        tag = uid()
        name = "Commune exemple %s" % tag
        page = caf.get("/habilitations/partenaires").text
        types = options(page, "type")
        self.assertRedirect(caf.post("/habilitations/partenaires", {
            "type": types["Commune"], "nom": name, "code_postal": "78000", "ville": "Exemple"}),
            "/habilitations/conventions/nouvelle")
        pid = self.partner_id(caf, name)
        r = caf.post("/habilitations/conventions/nouvelle", {
            "partenaire": pid, "libelle": name, "date_ouverture": "01/01/2026",
            "validee_le": "02/01/2026", "portee": "local"})
        self.assertRedirect(r, "/habilitations/convention/")
        conv = re.search(r"/habilitations/convention/(\d+)", r.location).group(1)
        facilities = [self.new_facility(caf, conv, name="EAJE %s %s" % ("ABC"[i], tag))
                      for i in range(n_facilities)]
        admin_email = "admin-%s@example.org" % tag
        self.assertRedirect(caf.post("/habilitations/convention/%s/administrateur" % conv, {
            "nom": "ADMIN", "prenom": "Partenaire", "email": admin_email}),
            "/habilitations/convention/%s/utilisateurs" % conv)
        admin("set-password", admin_email, stdin=PASSWORD + "\n")
        pa = signed_in((admin_email, PASSWORD))
        ids = self.facility_ids(pa, pid)
        return caf, pa, conv, pid, [ids[f] for f in facilities], facilities

    def validate_all(self, facilities):
        habm = signed_in(HABM78)
        page = habm.get("/habilitations/validations").text
        for name in facilities:
            hid = pending_id(page, name)
            self.assertRedirect(habm.post("/habilitations/habilitation/%s/valider" % hid, {}),
                                "/habilitations/validations")

    def check_complete(self, browser, pid, facilities, holders):
        active = self.search(browser, pid, "actif")
        for name in facilities:
            section = active.split("Activité : %s" % name)[1].split("</table>")[0]
            for role, who in holders(name).items():
                self.assertRegex(section, r"%s</td><td>%s" % (re.escape(role), re.escape(who)))
        unassigned = self.search(browser, pid, "non-attribue")
        for name in facilities:
            self.assertNotIn(name, unassigned)

    def test_example_1_three_eaje_five_people(self):
        caf, pa, conv, pid, fids, names = self.build_partner(3)
        directors = [self.create_user(pa, conv, last="DIRECTEUR", first=c)[0] for c in "ABC"]
        treasurer = self.create_user(pa, conv, last="TRESORIER", first="Jean")[0]
        mayor = self.create_user(pa, conv, last="ADJOINT", first="Marie")[0]
        for d, fid in zip(directors, fids):
            self.assertRedirect(self.grant(pa, pid, d, "activity_provider", [fid]), "/habilitations/")
        self.assertRedirect(self.grant(pa, pid, treasurer, "financial_provider", fids),
                            "/habilitations/")
        self.assertRedirect(self.grant(pa, pid, mayor, "approver", fids), "/habilitations/")
        self.validate_all(names)
        self.check_complete(pa, pid, names, lambda n: {
            "Fournisseur de données d'activité": "DIRECTEUR " + "ABC"[names.index(n)],
            "Fournisseur de données financières": "TRESORIER Jean",
            "Approbateur": "ADJOINT Marie"})

    def test_example_2_three_eaje_two_people(self):
        caf, pa, conv, pid, fids, names = self.build_partner(3)
        agent = self.create_user(pa, conv, last="AGENT", first="Paul")[0]
        head = self.create_user(pa, conv, last="RESPONSABLE", first="Anne")[0]
        for role in ("activity_provider", "financial_provider"):
            self.assertRedirect(self.grant(pa, pid, agent, role, fids), "/habilitations/")
        self.assertRedirect(self.grant(pa, pid, head, "approver", fids), "/habilitations/")
        self.validate_all(names)
        self.check_complete(pa, pid, names, lambda n: {
            "Fournisseur de données d'activité": "AGENT Paul",
            "Fournisseur de données financières": "AGENT Paul",
            "Approbateur": "RESPONSABLE Anne"})

    def test_example_3_one_eaje_one_person(self):
        caf, pa, conv, pid, fids, names = self.build_partner(1)
        # the president is the partner administrator: he cannot grant
        # himself, the Caf administrator does
        me = re.search(r'<option value="(\d+)">ADMIN Partenaire</option>',
                       pa.get("/habilitations/affecter").text).group(1)
        r = self.grant(pa, pid, me, "approver", fids)
        self.assertIn("vous attribuer un rôle vous-même", r.text)
        for role in ("activity_provider", "financial_provider", "approver"):
            self.assertRedirect(self.grant(caf, pid, me, role, fids), "/habilitations/")
        self.validate_all(names)
        self.check_complete(pa, pid, names, lambda n: dict.fromkeys(
            ("Fournisseur de données d'activité", "Fournisseur de données financières",
             "Approbateur"), "ADMIN Partenaire"))


if __name__ == "__main__":
    unittest.main()
