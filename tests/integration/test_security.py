#!/usr/bin/env python3
"""Security suite over the whole portal, on a live stack: XSS and SQL
injection payloads in the main text fields (reflected and stored: shown
escaped, stored intact), CSRF on every POST route of every module (read from
modules/*/*_module.c: missing token, another session's token, a foreign
Origin, a cross-site fetch -> 403), an IDOR matrix (every route taking an id,
callers from another partner, another Caf, another role -> 403/404 and
nothing changed in the database), session fixation, cookie flags, security
headers on pages, redirects and error pages of every module, open redirects,
the brute-force lock.

Environment: PORTAIL_URL, PORTAIL_CONF, PORTAIL_BIN, PORTAIL_INSTANCE as set
by tests/run-integration. Python standard library only.
"""
import glob
import os
import re
import subprocess
import sys
import time
import unittest
import urllib.parse
import uuid

sys.path.insert(0, os.path.dirname(__file__))
from test_auth import (Browser, CFG, ROOT, THRESHOLD, admin,  # noqa: E402
                       new_account, set_clock_offset)
import test_declarations as td  # noqa: E402  (helpers only: no test class imported here)

INSTANCE = os.environ.get("PORTAIL_INSTANCE", "test")

# Demo accounts (sql/demo/LOGINS.txt)
GARNIER = ("bruno.garnier@example.org", "Colibri-sage57")      # Mareil: partner administrator
LEBRUN = ("jm.lebrun@example.org", "Marmotte-gaie13")          # P'tits Loups: all roles + admin
MARTIN = ("lea.martin@example.org", "Pinson-jaune36")          # Mauldre: consultant only
VIGUIER = ("pierre.viguier@example.org", "Lavande-douce71")    # Aveyron partner: all roles
AGENT12 = ("marion.cayla@example.fr", "Bouquetin-fort69")      # Caf de l'Aveyron: all Caf roles
INSTRUCTOR78 = ("nadia.benali@example.fr", "Pivoine-claire63")

MAREIL_EMAILS = ("thomas.leroy@example.org",)
SITE = urllib.parse.urlsplit(os.environ.get("PORTAIL_URL", "http://127.0.0.1:8080"))
FOREIGN_ORIGIN = "http://evil.example"
UNKNOWN_ID = "999999"

XSS = [
    '<script>alert("xss")</script>',
    '"><img src=x onerror=alert(1)>',
    "'><svg onload=alert(1)>",
    "javascript:alert(1)//",
]
SQLI = [
    "' OR '1'='1' -- ",
    "'; DROP TABLE account; --",
    '" OR ""="',
    "1) UNION SELECT password_hash FROM account -- ",
]
# What must never reach a page unescaped.
RAW_MARKERS = ("<script>alert", "<img src=x", "<svg onload", "onerror=alert(1)>")


def sql(query):
    """Rows of a query on the instance's database (tab-separated)."""
    p = subprocess.run([os.path.join(ROOT, "scripts", "portalctl"), "--instance", INSTANCE,
                        "sql", "-N", "-B", "-e", query],
                       capture_output=True, text=True, cwd=ROOT, timeout=60)
    if p.returncode != 0:
        raise AssertionError("sql %r: %s" % (query, p.stderr))
    return [line.split("\t") for line in p.stdout.splitlines()]


def one(query):
    rows = sql(query)
    if not rows:
        raise AssertionError("no row for %r" % query)
    return rows[0][0]


# The tables a forged request could change (sessions, audit and throttles left out).
GUARDED = ("account", "admin_grant", "admin_grant_facility", "group_member", "habilitation",
           "convention", "convention_service", "facility", "site", "declaration",
           "declaration_value", "campaign", "scale", "stats_publication", "reference_average",
           "partner", "password_history")


def snapshot():
    return sql("CHECKSUM TABLE " + ", ".join(GUARDED))


def signed_in(account):
    b = Browser()
    r = b.login(*account)
    assert r.status == 303, "login of %s failed: %s %s" % (account[0], r.status, r.text[:300])
    fresh_csrf(b)
    return b


def fresh_csrf(b):
    b.csrf = None
    b.get("/auth/mot-de-passe")
    assert b.csrf, "no CSRF token for this session"


def routes():
    """(method, pattern, access, caps) of every module's route table."""
    out = []
    rx = re.compile(r'\{\s*"(GET|POST)",\s*"([^"]+)",\s*\w+,\s*([\w| ]+),\s*([\w| ]+)\}')
    for path in sorted(glob.glob(os.path.join(ROOT, "modules", "*", "*_module.c"))):
        with open(path, encoding="utf-8") as f:
            for m in rx.finditer(f.read()):
                out.append((m.group(1), m.group(2), m.group(3).strip(), m.group(4).strip()))
    return out


def assert_escaped(test, text, payload):
    """The payload is on the page only in escaped form."""
    for marker in RAW_MARKERS:
        test.assertNotIn(marker, text)
    if "<" in payload or '"' in payload:
        esc = payload.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        # Attribute values also escape quotes; text nodes need not.
        variants = {esc, esc.replace('"', "&quot;"), esc.replace("'", "&#39;"),
                    esc.replace('"', "&quot;").replace("'", "&#39;")}
        test.assertTrue(any(v in text for v in variants),
                        "payload %r not shown escaped" % payload)


class SecTest(unittest.TestCase):
    maxDiff = None

    def setUp(self):
        set_clock_offset(0)
        admin("unlock", "127.0.0.1")

    def tearDown(self):
        set_clock_offset(0)

    def assertLocal(self, r):
        loc = r.header("Location")
        if loc is None:
            return
        u = urllib.parse.urlsplit(loc)
        self.assertIn(u.netloc, ("", SITE.netloc), "redirect off site: %s" % loc)
        self.assertFalse(u.path.startswith("//"), "protocol-relative redirect: %s" % loc)


# ---------------------------------------------------------------- headers
class HeadersTest(SecTest):
    def assertHeaders(self, r, what):
        csp = r.header("Content-Security-Policy") or ""
        self.assertTrue(csp, "%s: no CSP" % what)
        self.assertNotIn("unsafe-inline", csp, what)
        self.assertNotIn("unsafe-eval", csp, what)
        self.assertIn("frame-ancestors 'none'", csp, what)
        self.assertRegex(csp, r"default-src 'self'|default-src 'none'", what)
        self.assertEqual((r.header("X-Content-Type-Options") or "").lower(), "nosniff", what)
        self.assertIn((r.header("Referrer-Policy") or "").lower(),
                      ("same-origin", "no-referrer", "strict-origin",
                       "strict-origin-when-cross-origin"), what)

    def test_every_module__pages_redirects_errors__security_headers(self):
        visitor = Browser()
        cases = [
            ("visitor login page", visitor, "GET", "/auth/connexion"),
            ("visitor root redirect", visitor, "GET", "/"),
            ("visitor forgotten password", visitor, "GET", "/auth/mot-de-passe-oublie"),
            ("visitor legal notice", visitor, "GET", "/auth/mentions-legales"),
            ("visitor -> declarations redirect", visitor, "GET", "/declarations/"),
            ("visitor -> habilitations redirect", visitor, "GET", "/habilitations/"),
            ("visitor -> statistics redirect", visitor, "GET", "/statistiques/"),
            ("visitor POST without token (403)", visitor, "POST", "/auth/connexion"),
            ("nginx 404 outside modules", visitor, "GET", "/nulle-part"),
            ("auth 404", visitor, "GET", "/auth/nulle-part"),
        ]
        garnier = signed_in(GARNIER)
        cases += [
            ("declarations home", garnier, "GET", "/declarations/"),
            ("declarations 404", garnier, "GET", "/declarations/equipement/" + UNKNOWN_ID),
            ("habilitations home", garnier, "GET", "/habilitations/"),
            ("habilitations 403", garnier, "GET", "/habilitations/partenaires"),
            ("statistics search", garnier, "GET", "/statistiques/"),
            ("statistics 403", garnier, "GET", "/statistiques/publier"),
            ("logout confirmation", garnier, "GET", "/auth/deconnexion"),
            ("signed-in root redirect", garnier, "GET", "/"),
            ("signed-in login page redirect", garnier, "GET", "/auth/connexion"),
        ]
        for what, b, method, path in cases:
            with self.subTest(what):
                r = b.request(method, path, body="" if method == "POST" else None)
                self.assertHeaders(r, "%s (%s %s -> %d)" % (what, method, path, r.status))
                self.assertLocal(r)
                if b is garnier:
                    self.assertIn("no-store", r.header("Cache-Control") or "", what)


# ---------------------------------------------------------------- cookies, sessions
class SessionTest(SecTest):
    def session_cookies(self, r):
        return [c for c in r.cookies() if c.split("=", 1)[0].endswith("portail")]

    def test_cookie_flags__visitor_and_login__httponly_samesite_strict_path_root(self):
        email = new_account()
        b = Browser()
        first = self.session_cookies(b.get("/auth/connexion"))
        r = b.post("/auth/connexion", {"email": email, "password": "Tilleul-vert42"})
        self.assertEqual(r.status, 303)
        after = self.session_cookies(r)
        self.assertTrue(first and after, "no session cookie set")
        for c in first + after:
            attrs = [a.strip().lower() for a in c.split(";")[1:]]
            self.assertIn("httponly", attrs, c)
            self.assertIn("samesite=strict", attrs, c)
            self.assertIn("path=/", attrs, c)
            self.assertFalse(any(a.startswith("domain=") for a in attrs), c)

    def test_fixation__planted_cookie__renewed_and_dead_after_login(self):
        email = new_account()
        # 1. A value of the attacker's choosing is ignored and replaced.
        b = Browser()
        b.cookies["portail"] = "attaquant" + "A" * 34
        r = b.login(email, "Tilleul-vert42")
        self.assertEqual(r.status, 303)
        self.assertNotEqual(b.cookies.get("portail"), "attaquant" + "A" * 34)
        # 2. A real visitor session handed to the victim dies at login.
        attacker = Browser()
        attacker.get("/auth/connexion")
        planted = dict(attacker.cookies)
        victim = Browser()
        victim.cookies.update(planted)
        r = victim.login(email, "Tilleul-vert42")
        self.assertEqual(r.status, 303)
        self.assertNotEqual(victim.cookies, planted, "session id not renewed at login")
        self.assertEqual(victim.get("/auth/mot-de-passe").status, 200)
        replay = Browser()
        replay.cookies.update(planted)
        r = replay.get("/auth/mot-de-passe")
        self.assertEqual(r.status, 303)
        self.assertEqual(r.location, "/auth/connexion")
        self.assertEqual(attacker.get("/declarations/").location, "/auth/connexion")

    def test_logout__old_cookie_replayed__refused(self):
        email = new_account()
        b = Browser()
        b.login(email, "Tilleul-vert42")
        fresh_csrf(b)
        jar = dict(b.cookies)
        self.assertEqual(b.post("/auth/deconnexion", {}).status, 303)
        replay = Browser()
        replay.cookies.update(jar)
        self.assertEqual(replay.get("/declarations/").location, "/auth/connexion")

    def test_brute_force__threshold_reached__right_password_refused_until_unlocked(self):
        email = new_account()
        base = int(CFG.get("login_delay_base_seconds", "1"))
        for i in range(THRESHOLD):
            r = Browser().login(email, "Mauvais-mot%d" % i)
            self.assertIn(r.status, (200, 429))
            n = i + 1
            if 3 <= n < THRESHOLD:
                time.sleep(base * 2 ** (n - 3) + 0.2)
        r = Browser().login(email, "Tilleul-vert42")
        self.assertEqual(r.status, 429, "not locked after %d failures" % THRESHOLD)
        # Soft lock: over after login_lock_minutes.
        set_clock_offset((int(CFG.get("login_lock_minutes", "15")) + 1) * 60)
        self.assertEqual(Browser().login(email, "Tilleul-vert42").location, "/declarations/")


# ---------------------------------------------------------------- open redirects
class OpenRedirectTest(SecTest):
    TARGETS = ("https://evil.example/", "//evil.example/", "/\\evil.example/",
               "http:evil.example", "%2F%2Fevil.example")

    def test_login__next_parameters__never_off_site(self):
        email = new_account()
        for target in self.TARGETS:
            for name in ("next", "redirect", "retour", "url", "return_to"):
                with self.subTest(param=name, target=target):
                    b = Browser()
                    q = "?%s=%s" % (name, urllib.parse.quote(target, safe=""))
                    r = b.get("/auth/connexion" + q)
                    self.assertEqual(r.status, 200)
                    self.assertLocal(r)
                    r = b.post("/auth/connexion" + q,
                               {"email": email, "password": "Tilleul-vert42"})
                    self.assertEqual(r.status, 303)
                    self.assertLocal(r)
                    self.assertEqual(r.location, "/declarations/")

    def test_odd_paths__never_redirect_off_site(self):
        b = Browser()
        for path in ("//evil.example/", "//evil.example/%2e%2e", "/\\evil.example",
                     "/auth//evil.example", "/declarations//evil.example/",
                     "/%2F%2Fevil.example", "/auth/..//evil.example"):
            with self.subTest(path=path):
                r = b.get(path)
                self.assertLocal(r)
                self.assertNotIn("evil.example", r.header("Location") or "")


# ---------------------------------------------------------------- CSRF
class CsrfTest(SecTest):
    def caller_for(self, access, caps):
        if "VISITOR" in access and "SESSION" not in access and access != "ACCESS_PUBLIC":
            return "visitor"
        if "CAF" in caps:
            return "caf"
        return "partner"

    def test_every_post_route__no_token_wrong_token_foreign_origin__403(self):
        posts = [r for r in routes() if r[0] == "POST"]
        self.assertGreater(len(posts), 30, "route tables not read")
        callers = {"caf": signed_in(AGENT12), "partner": signed_in(LEBRUN)}
        other = signed_in(VIGUIER)  # another session: its token must not work elsewhere
        before = snapshot()
        for method, pattern, access, caps in posts:
            path = pattern.replace("{id}", UNKNOWN_ID)
            kind = self.caller_for(access, caps)
            if kind == "visitor":
                b = Browser()
                b.get("/auth/connexion")
            else:
                b = callers[kind]
            fields = {"email": "x@example.org", "password": "x", "action": "enregistrer"}
            with self.subTest(route=pattern, case="no token"):
                r = b.post(path, fields, csrf=False)
                self.assertEqual(r.status, 403, "%s without token: %d" % (pattern, r.status))
            with self.subTest(route=pattern, case="another session's token"):
                r = b.post(path, dict(fields, csrf=other.csrf))
                self.assertEqual(r.status, 403)
            with self.subTest(route=pattern, case="wrong token"):
                r = b.post(path, dict(fields, csrf="A" * 43))
                self.assertEqual(r.status, 403)
            with self.subTest(route=pattern, case="foreign Origin"):
                r = b.request("POST", path, body=urllib.parse.urlencode(
                    dict(fields, csrf=b.csrf)), headers={"Origin": FOREIGN_ORIGIN})
                self.assertEqual(r.status, 403)
            with self.subTest(route=pattern, case="Sec-Fetch-Site cross-site"):
                r = b.request("POST", path, body=urllib.parse.urlencode(
                    dict(fields, csrf=b.csrf)), headers={"Sec-Fetch-Site": "cross-site"})
                self.assertEqual(r.status, 403)
            if "{id}" in pattern:
                # Control: the same request with the right token passes the
                # CSRF check (the unknown id then gives 404, not 403).
                with self.subTest(route=pattern, case="control"):
                    r = b.post(path, fields)
                    self.assertNotEqual(r.status, 403, "%s refused even with a token" % pattern)
        self.assertEqual(snapshot(), before, "a refused POST changed the database")
        # Still signed in: the refused logout POSTs did nothing.
        for b in callers.values():
            self.assertEqual(b.get("/declarations/").status, 200)

    def test_login__without_token__403_and_not_signed_in(self):
        email = new_account()
        b = Browser()
        b.get("/auth/connexion")
        r = b.post("/auth/connexion", {"email": email, "password": "Tilleul-vert42"}, csrf=False)
        self.assertEqual(r.status, 403)
        self.assertEqual(b.get("/declarations/").location, "/auth/connexion")

    # A browser's Origin keeps a non-default port (make run on :8080, the
    # test stacks) while nginx passes HTTP_HOST without it ($host): the
    # configured public_url, not the Host header, names the site.
    def test_login__same_origin_header_with_port__accepted(self):
        email = new_account()
        b = Browser()
        b.get("/auth/connexion")
        origin = "%s://%s" % (SITE.scheme, SITE.netloc)
        r = b.request("POST", "/auth/connexion", body=urllib.parse.urlencode(
            {"csrf": b.csrf, "email": email, "password": "Tilleul-vert42"}),
            headers={"Origin": origin, "Sec-Fetch-Site": "same-origin"})
        self.assertEqual(r.status, 303, "a same-origin browser POST was refused")
        self.assertEqual(r.location, "/declarations/")

    def test_login__forged_host_matching_foreign_origin__403(self):
        # A client chooses its Host header: it must never vouch for an origin.
        email = new_account()
        host = urllib.parse.urlsplit(FOREIGN_ORIGIN).netloc
        for forged in (host, "%s:%d" % (host, SITE.port or 80)):
            with self.subTest(host=forged):
                b = Browser()
                b.get("/auth/connexion")
                r = b.request("POST", "/auth/connexion", body=urllib.parse.urlencode(
                    {"csrf": b.csrf, "email": email, "password": "Tilleul-vert42"}),
                    headers={"Host": forged, "Origin": "http://" + forged,
                             "Sec-Fetch-Site": "same-origin"})
                self.assertEqual(r.status, 403)
                self.assertEqual(b.get("/declarations/").location, "/auth/connexion")

    def test_logout_get__confirmation_only__still_signed_in(self):
        b = signed_in(LEBRUN)
        self.assertEqual(b.get("/auth/deconnexion").status, 200)
        self.assertEqual(b.get("/declarations/").status, 200)


# ---------------------------------------------------------------- IDOR
class IdorTest(SecTest):
    """Mareil-les-Prés' objects (partner 1, Caf 78) against callers who have
    no business with them."""

    def ids(self):
        leroy = one("SELECT id FROM account WHERE email_lower = 'thomas.leroy@example.org'")
        partner = one("SELECT id FROM partner WHERE name = 'Commune de Mareil-les-Prés'")
        facility = one("SELECT MIN(id) FROM facility WHERE partner_id = %s" % partner)
        return {
            "facility": facility,
            "convention": one("SELECT MIN(id) FROM convention WHERE partner_id = %s" % partner),
            "declaration": one("SELECT MAX(id) FROM declaration WHERE facility_id = %s"
                               % facility),
            "account": leroy,
            "membership": one("SELECT MIN(id) FROM group_member WHERE account_id = %s" % leroy),
            "habilitation": one("SELECT MIN(h.id) FROM habilitation h JOIN facility f ON "
                                "f.id = h.facility_id WHERE f.partner_id = %s" % partner),
            "grant": one("SELECT MAX(id) FROM admin_grant WHERE partner_id = %s" % partner),
        }

    KINDS = (("/habilitations/equipement/", "facility"), ("/equipement/", "facility"),
             ("/declaration/", "declaration"), ("/instruction/", "declaration"),
             ("/convention/", "convention"), ("/utilisateur/", "account"),
             ("/appartenance/", "membership"), ("/habilitation/", "habilitation"),
             ("/responsable/", "grant"))

    def kind_of(self, pattern):
        for prefix, kind in self.KINDS:
            if prefix + "{id}" in pattern:
                return kind
        raise AssertionError("no id kind for %s" % pattern)

    def test_every_id_route__foreign_callers__403_or_404_nothing_changed(self):
        ids = self.ids()
        id_routes = [r for r in routes() if "{id}" in r[1]]
        self.assertGreater(len(id_routes), 25)
        callers = {
            "another partner's administrator (same Caf)": signed_in(LEBRUN),
            "another Caf's partner": signed_in(VIGUIER),
            "another Caf's agent (all roles)": signed_in(AGENT12),
            "a consultant of another partner": signed_in(MARTIN),
        }
        today = time.strftime("%d/%m/%Y")
        fields = {"action": "enregistrer", "date_cloture": today, "date_fin": today,
                  "motif": "test", "decision": "valider", "nom": "X", "prenom": "Y",
                  "email": "idor-%s@example.org" % uuid.uuid4().hex[:8], "role": "approver",
                  "row_version": "1", "section": "activite", "coche": "1"}
        before = snapshot()
        leaks = []
        for who, b in callers.items():
            for method, pattern, access, caps in id_routes:
                path = pattern.replace("{id}", ids[self.kind_of(pattern)])
                r = b.get(path) if method == "GET" else b.post(path, fields)
                if r.status not in (403, 404):
                    leaks.append("%s: %s %s -> %d %s" % (who, method, path, r.status,
                                                         r.location or ""))
        self.assertEqual(leaks, [], "\n".join(leaks))
        self.assertEqual(snapshot(), before, "a refused request changed the database")


# ---------------------------------------------------------------- XSS, SQL injection
class InjectionTest(SecTest):
    def test_login_email__xss_and_sqli__reflected_escaped_not_signed_in(self):
        for payload in XSS + SQLI:
            with self.subTest(payload=payload):
                b = Browser()
                r = b.login(payload, payload)
                self.assertIn(r.status, (200, 429), r.text[:300])
                self.assertNotEqual(r.location, "/declarations/")
                assert_escaped(self, r.text, payload)
            admin("unlock", "127.0.0.1")
        # The accounts table survived the DROP attempt.
        self.assertGreater(int(one("SELECT COUNT(*) FROM account")), 10)

    def test_statistics_and_declaration_searches__reflected_escaped(self):
        b = signed_in(LEBRUN)
        for payload in XSS + SQLI:
            q = urllib.parse.quote(payload)
            for path in ("/statistiques/?nom=%s&commune=%s" % (q, q),
                         "/declarations/recherche?rechercher=1&equipement=%s&exercice=%s"
                         % (q, q),
                         "/habilitations/recherche?nom=%s&email=%s&q=%s" % (q, q, q)):
                with self.subTest(path=path):
                    r = b.get(path)
                    self.assertIn(r.status, (200, 400), r.text[:300])
                    if r.status == 200:
                        for marker in RAW_MARKERS:
                            self.assertNotIn(marker, r.text)
        # A quote in a search finds nothing rather than everything.
        r = b.get("/statistiques/?nom=%s" % urllib.parse.quote("' OR '1'='1"))
        self.assertNotIn("Multi-accueil Les Lucioles", r.text)

    def test_user_creation__payloads__stored_intact_and_shown_escaped(self):
        b = signed_in(LEBRUN)
        conv = one("SELECT c.id FROM convention c JOIN partner p ON p.id = c.partner_id "
                   "WHERE p.name = 'Association Les P''tits Loups'")
        path = "/habilitations/convention/%s/utilisateur/nouveau" % conv
        # Reflected: an invalid e-mail carrying markup comes back escaped.
        b.get(path)
        bad = '"><img src=x onerror=alert(1)>@example.org'
        r = b.post(path, {"nom": XSS[0], "prenom": XSS[1], "email": bad,
                          "email_confirmation": bad, "mobilite": "sedentaire",
                          "date_ouverture": time.strftime("%d/%m/%Y")})
        self.assertEqual(r.status, 200, r.text[:300])
        for marker in RAW_MARKERS:
            self.assertNotIn(marker, r.text)
        self.assertIn("&lt;script&gt;", r.text)
        # Stored: names with quotes, markup and SQL.
        last = "O'Brien <b>gras</b> \"; DROP TABLE account; --"[:80]
        first = "Zoé'); DELETE FROM habilitation; --"
        email = "sec-%s@example.org" % uuid.uuid4().hex[:8]
        b.get(path)
        r = b.post(path, {"nom": last, "prenom": first, "email": email,
                          "email_confirmation": email, "mobilite": "sedentaire",
                          "date_ouverture": time.strftime("%d/%m/%Y")})
        stored = sql("SELECT id, last_name, first_name FROM account WHERE email_lower = '%s'"
                     % email)
        if not stored:
            # Refused as invalid names: then the answer must show them escaped.
            self.assertEqual(r.status, 200, r.text[:300])
            self.assertNotIn("<b>gras</b>", r.text)
            return
        uid, got_last, got_first = stored[0]
        self.assertIn(got_last, (last, last.upper()))
        self.assertEqual(got_first.lower(), first.lower())
        page = b.get("/habilitations/utilisateur/%s" % uid)
        self.assertEqual(page.status, 200)
        self.assertNotIn("<b>gras</b>", page.text)
        self.assertNotIn("<B>GRAS</B>", page.text)
        self.assertRegex(page.text, r"&lt;[bB]&gt;")
        self.assertGreater(int(one("SELECT COUNT(*) FROM habilitation")), 0)


class DeclarationInjectionTest(td.DeclTest):
    def test_explanations_and_comment__payloads__stored_intact_shown_escaped(self):
        year, fid = self.open_campaign(td.PTITS_LOUPS, "forecast", "EAJE")
        b = td.signed_in(td.LEBRUN)
        decl_id = self.declaration_id(b, fid, year)
        # Reflected: a number field with markup comes back escaped, with an error.
        page, rv = self.form(b, td.decl_path(decl_id, "activite"))
        r = b.post(td.decl_path(decl_id, "activite"),
                   dict(td.EAJE_ACTIVITY, places=XSS[1], row_version=rv, action="enregistrer"))
        self.assertEqual(r.status, 200, r.text[:300])
        for marker in RAW_MARKERS:
            self.assertNotIn(marker, r.text)
        self.assertIn("&gt;", r.text)
        # Invoiced hours at 133 % of the performed ones: an alert to explain.
        r = self.enter(b, decl_id, "activite", dict(td.EAJE_ACTIVITY, hours_invoiced="40 000"))
        self.assertRedirect(r, td.decl_path(decl_id, "controle-activite"))
        explanation = XSS[0] + " " + SQLI[1]
        page = b.get(td.decl_path(decl_id, "controle-activite"))
        fields = {"action": "suivant"}
        for name in re.findall(r'name="(explication_[a-z0-9_]+)"', page.text):
            fields[name] = explanation
        self.assertGreater(len(fields), 1, "no control to explain")
        self.assertRedirect(b.post(td.decl_path(decl_id, "controle-activite"), fields),
                            td.decl_path(decl_id, "financier"))
        stored = sql("SELECT explanation FROM control_result WHERE declaration_id = %d "
                     "AND explanation IS NOT NULL" % decl_id)
        self.assertTrue(stored, "explanation not stored")
        self.assertEqual(stored[0][0], explanation)
        shown = b.get(td.decl_path(decl_id, "controle-activite")).text
        assert_escaped(self, shown, XSS[0])
        self.assertRedirect(self.enter(b, decl_id, "financier", td.EAJE_FINANCIAL),
                            td.decl_path(decl_id, "controle-financier"))
        self.assertRedirect(self.pass_controls(b, decl_id, "controle-financier"),
                            td.decl_path(decl_id, "controle-global"))
        self.assertRedirect(self.pass_controls(b, decl_id, "controle-global"),
                            td.decl_path(decl_id, "transmission"))
        comment = "Commentaire <script>alert(\"c\")</script> '; DROP TABLE declaration; --"
        page, rv = self.form(b, td.decl_path(decl_id, "transmission"))
        r = b.post(td.decl_path(decl_id, "transmission"), {
            "row_version": rv, "commentaire": comment, "attestation": "1", "cgu": "1"})
        self.assertRedirect(r, "/declarations/equipement/")
        self.assertEqual(one("SELECT comment FROM declaration WHERE id = %d" % decl_id), comment)
        for viewer, path in ((b, td.decl_path(decl_id, "transmission")),
                             (td.signed_in(td.INSTRUCTOR78),
                              "/declarations/instruction/%d" % decl_id)):
            text = viewer.get(path).text
            self.assertNotIn("<script>alert", text)
            self.assertIn("Commentaire &lt;script&gt;alert", text, path)


if __name__ == "__main__":
    unittest.main()
