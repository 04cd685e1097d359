#!/usr/bin/env python3
"""Security suite over the whole portal, on a live stack: XSS and SQL
injection payloads in every text field of every form, each role's pages
listed explicitly (reflected and stored: shown escaped, stored intact, the
database otherwise unchanged), CSRF on every POST route of every module (read from
modules/*/*_module.c: missing token, another session's token, a foreign
Origin, a cross-site fetch -> 403), an IDOR matrix (every route taking an id,
callers from another partner, another Caf, another role -> 403/404 and
nothing changed in the database), session fixation, cookie flags, security
headers on pages, redirects and error pages of every module, open redirects,
the brute-force lock.

Environment: PORTAIL_URL, PORTAIL_CONF, PORTAIL_BIN, PORTAIL_INSTANCE as set
by tests/run-integration. Python standard library only.
"""
import fnmatch
import glob
import html.parser
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
class GrantsTest(unittest.TestCase):
    """Least privilege: only the auth module's database account reads the
    password hashes; a module taken over by an attacker cannot dump them."""

    def query_as(self, module, query):
        user = CFG.get("db_user_" + module, "portail_" + module)
        return subprocess.run(
            ["mariadb", "--no-defaults", "--socket=" + CFG["db_socket"], "--user=" + user,
             "--password=" + CFG["db_password_" + module], CFG.get("db_name", "portail"),
             "-N", "-B", "-e", query], capture_output=True, text=True, timeout=60)

    def test_module_accounts__password_hashes__only_auth_reads_them(self):
        for column in ("password_hash", "temp_password_hash"):
            query = "SELECT COUNT(%s) FROM account" % column
            p = self.query_as("auth", query)
            self.assertEqual(p.returncode, 0, p.stderr)
            for module in ("habilitations", "declarations", "statistics", "mailer"):
                with self.subTest(module=module, column=column):
                    p = self.query_as(module, query)
                    self.assertNotEqual(p.returncode, 0, "%s reads %s" % (module, column))
                    self.assertIn("denied", p.stderr)
        # what the modules do need still works
        for module in ("habilitations", "declarations", "statistics"):
            p = self.query_as(module, "SELECT COUNT(email) FROM account")
            self.assertEqual(p.returncode, 0, "%s: %s" % (module, p.stderr))


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


# ---------------------------------------------------------------- every form, every text field
# The pages holding forms, by role. Each entry: (label, page, form, min_fields,
# options). "form" is the form's action; "|X" after it picks, among the forms
# of that action, the one with a field X (two forms may share an action). Ids
# in braces are the test's own objects (see the test methods). Every text-like
# field of the form (input text/search/email/tel/number/date/password or
# without type, textarea) is submitted with each payload, the other fields at
# their current values or "fill"; at least min_fields such fields must exist.
# Options:
#   fill(ctx) -> values making an otherwise valid submission (fresh names and
#       e-mails per call, so that each payload is judged on its own);
#   button: the submit button pressed (name, value);
#   stores: {field pattern: SQL counting the rows holding the value {v}
#       exactly}: the form keeps what it is given; for each such field at least
#       one payload must be stored intact by its submission (the count grows)
#       and then shown escaped (on the page the redirect leads to, the form
#       page again, or "shows", seen by "shows_as" if given) unless
#       displayed=False (kept in the database only);
#   batch: all payloads in one value, for a form whose first accepted
#       submission closes the object (a rejection, a refusal);
#   unchanged: a refused or read-only form: the guarded tables must not move;
#   unlock: failed logins count toward the brute-force lock: lifted after each.
# Deliberately left out (irreversible actions on shared demo objects, covered
# by test_declarations / test_habilitations and by the CSRF and IDOR matrices
# above): log-out, "fin de saisie", correction/delegation, closing a
# membership, ending a habilitation or a manager grant, validating an
# approver, publishing averages; and the forms without any text field
# (assign, managers, habilitation search, supervision, statistics year).
# Closing an account and transmitting are exercised on the test's own
# objects, with payloads in their text fields only (a payload is never a
# valid date, and transmission is submitted without its attestation boxes
# ticked); rejecting a declaration and refusing an approver, too, with the
# payloads at once.
AUTH_FORMS = [
    ("login", "/auth/connexion", "/auth/connexion", 2,
     dict(fill=lambda c: {"email": "sec-nobody@example.org", "password": "Mauvais-mot-1"},
          unchanged=True, unlock=True)),
    ("forgotten password", "/auth/mot-de-passe-oublie", "/auth/mot-de-passe-oublie", 2,
     dict(fill=lambda c: {"email": "sec-nobody@example.org",
                          "captcha": c["browser"].captcha_answer()}, unchanged=True)),
    ("password change", "/auth/mot-de-passe", "/auth/mot-de-passe", 3,
     dict(fill=lambda c: {"password_current": "Tilleul-vert42",
                          "password_new": "Sec-Nouveau-mot97", "password_confirm":
                          "Sec-Nouveau-mot97-autre"}, unchanged=True)),
]


def fresh(prefix):
    return "%s %s" % (prefix, uuid.uuid4().hex[:8])


def fresh_email(c):
    e = "sec-%s@example.org" % uuid.uuid4().hex[:10]
    return {"email": e, "email_confirmation": e}


NAME_STORED = ("last_name = {v} OR last_name = UPPER({v})",
               "first_name = {v} OR first_name = UPPER({v})")
SEARCHES = [
    ("statistics search", "/statistiques/", "/statistiques/", 2, dict(unchanged=True)),
    ("declaration search", "/declarations/recherche", "/declarations/recherche", 2,
     dict(unchanged=True)),
    ("facility search", "/declarations/recherche-equipement",
     "/declarations/recherche-equipement", 2, dict(unchanged=True)),
    ("convention search", "/habilitations/conventions", "/habilitations/conventions", 2,
     dict(unchanged=True)),
    ("assignment filter", "/habilitations/affecter", "/habilitations/affecter", 1,
     dict(unchanged=True)),
    ("user search", "/habilitations/convention/{conv}/utilisateurs",
     "/habilitations/convention/{conv}/utilisateurs", 3, dict(unchanged=True)),
]
CAF_FORMS = SEARCHES + [
    ("scales year", "/declarations/baremes", "/declarations/baremes", 1, dict(unchanged=True)),
    ("scales", "/declarations/baremes", "/declarations/baremes|v_31", 5,
     dict(unchanged=True)),
    ("campaign", "/declarations/campagnes", "/declarations/campagnes", 2,
     dict(fill=lambda c: {"exercice": "2031", "date_limite": "31/12/2031"},
          unchanged=True)),
    ("partner creation", "/habilitations/partenaires", "/habilitations/partenaires", 5,
     dict(fill=lambda c: {"type": c["partner_type"], "nom": fresh("Sec partenaire"),
                          "code_postal": "12000", "ville": "Rodez"},
          stores={"nom": "SELECT COUNT(*) FROM partner WHERE name = {v}",
                  "adresse": "SELECT COUNT(*) FROM partner WHERE address = {v}",
                  "ville": "SELECT COUNT(*) FROM partner WHERE city = {v}"},
          shows="/habilitations/recherche")),
    ("convention creation", "/habilitations/conventions/nouvelle",
     "/habilitations/conventions/nouvelle", 3,
     dict(fill=lambda c: {"partenaire": c["partner"], "libelle": fresh("Sec convention"),
                          "date_ouverture": "01/01/2026", "validee_le": "02/01/2026"},
          stores={"libelle": "SELECT COUNT(*) FROM convention WHERE label = {v}"})),
    ("service", "/habilitations/convention/{conv}", "/habilitations/convention/{conv}/service",
     1, dict()),
    ("site", "/habilitations/convention/{conv}", "/habilitations/equipement/{fac}/lieu", 2,
     dict(fill=lambda c: {"nom": fresh("Sec lieu"), "ville": "Rodez"},
          stores={"nom": "SELECT COUNT(*) FROM site WHERE name = {v}",
                  "ville": "SELECT COUNT(*) FROM site WHERE city = {v}"})),
    ("facility creation", "/habilitations/convention/{conv}/equipement",
     "/habilitations/convention/{conv}/equipement", 5,
     dict(fill=lambda c: {"code": "S-" + uuid.uuid4().hex[:8].upper(), "type": "EAJE",
                          "nom": fresh("Sec EAJE"), "departement": "12",
                          "date_ouverture": "01/01/2020"},
          stores={"nom": "SELECT COUNT(*) FROM facility WHERE name = {v}"},
          shows="/habilitations/convention/{conv}")),
    ("partner administrator", "/habilitations/convention/{conv}/administrateur",
     "/habilitations/convention/{conv}/administrateur", 3,
     dict(fill=lambda c: dict(fresh_email(c), nom="SEC", prenom="Admin"),
          stores={"nom": "SELECT COUNT(*) FROM account WHERE " + NAME_STORED[0],
                  "prenom": "SELECT COUNT(*) FROM account WHERE " + NAME_STORED[1]})),
    # The Caf's habilitation manager refuses the test's own approver: a
    # refusal is final, so the payloads go at once; the reason is kept in the
    # database only (no page shows it).
    ("approver refusal", "/habilitations/validations",
     "/habilitations/habilitation/{pending}/refuser", 1,
     dict(batch=True, displayed=False,
          stores={"motif": "SELECT COUNT(*) FROM habilitation WHERE id = {pending} "
                           "AND validation = 'refused' AND refusal_reason = {v}"})),
]
PARTNER_FORMS = SEARCHES + [
    ("user creation", "/habilitations/convention/{conv}/utilisateur/nouveau",
     "/habilitations/convention/{conv}/utilisateur/nouveau", 6,
     dict(fill=lambda c: dict(fresh_email(c), nom="SEC", prenom="Utilisateur",
                              telephone="", telephone_confirmation=""),
          stores={"nom": "SELECT COUNT(*) FROM account WHERE " + NAME_STORED[0],
                  "prenom": "SELECT COUNT(*) FROM account WHERE " + NAME_STORED[1]})),
    ("user edit", "/habilitations/utilisateur/{user}/modifier",
     "/habilitations/utilisateur/{user}/modifier", 6,
     dict(fill=lambda c: {"nom": "SEC", "prenom": "Modifié", "email": c["user_email"],
                          "email_confirmation": c["user_email"]},
          stores={"nom": "SELECT COUNT(*) FROM account WHERE id = {user} AND ("
                         + NAME_STORED[0] + ")",
                  "prenom": "SELECT COUNT(*) FROM account WHERE id = {user} AND ("
                            + NAME_STORED[1] + ")"},
          shows="/habilitations/utilisateur/{user}")),
    ("user groups", "/habilitations/utilisateur/{user}/groupes",
     "/habilitations/utilisateur/{user}/groupes", 2, dict(unchanged=True)),
    ("user closing", "/habilitations/utilisateur/{user}/cloturer",
     "/habilitations/utilisateur/{user}/cloturer", 1, dict(unchanged=True)),
]
EXPLAINED = "Écart expliqué par l'activité de l'exercice."
DATA_ENTRY_FORMS = {
    "activity provider": [
        ("activity entry", "/declarations/declaration/{decl}/activite",
         "/declarations/declaration/{decl}/activite", 5,
         dict(fill=lambda c: td.EAJE_ACTIVITY, button=("action", "enregistrer"))),
        ("activity explanations", "/declarations/declaration/{decl}/controle-activite",
         "/declarations/declaration/{decl}/controle-activite", 1,
         dict(fill=lambda c: c["explain"], button=("action", "suivant"),
              stores={"explication_*": "SELECT COUNT(*) FROM control_result WHERE "
                                       "declaration_id = {decl} AND explanation = {v}"})),
    ],
    "financial provider": [
        ("financial entry", "/declarations/declaration/{decl}/financier",
         "/declarations/declaration/{decl}/financier", 5,
         dict(fill=lambda c: td.EAJE_FINANCIAL, button=("action", "enregistrer"))),
        ("financial explanations", "/declarations/declaration/{decl}/controle-financier",
         "/declarations/declaration/{decl}/controle-financier", 1,
         dict(fill=lambda c: c["explain"], button=("action", "suivant"),
              stores={"explication_*": "SELECT COUNT(*) FROM control_result WHERE "
                                       "declaration_id = {decl} AND explanation = {v}"})),
    ],
    "approver": [
        ("global explanations", "/declarations/declaration/{decl}/controle-global",
         "/declarations/declaration/{decl}/controle-global", 1,
         dict(fill=lambda c: c["explain"], button=("action", "suivant"),
              stores={"explication_*": "SELECT COUNT(*) FROM control_result WHERE "
                                       "declaration_id = {decl} AND explanation = {v}"})),
        ("transmission", "/declarations/declaration/{decl}/transmission",
         "/declarations/declaration/{decl}/transmission", 1, dict(unchanged=True)),
    ],
    "instructor": [
        ("validation amount", "/declarations/instruction/{decl}",
         "/declarations/instruction/{decl}|montant", 1, dict(unchanged=True)),
        ("rejection reason", "/declarations/instruction/{decl}",
         "/declarations/instruction/{decl}|motif", 1,
         dict(stores={"motif": "SELECT COUNT(*) FROM declaration WHERE id = {decl} "
                               "AND reject_reason = {v}"},
              shows="/declarations/declaration/{decl}/activite", shows_as="approver",
              batch=True)),
    ],
}
PAYLOADS = ("<script>alert(1)</script>", '"><img src=x onerror=alert(1)>',
            "' OR '1'='1' -- ", "'; DROP TABLE account; --", "</textarea><svg onload=alert(1)>")
DANGEROUS = ("<script>alert(1)", "<img src=x onerror", "<svg onload")
TEXT_TYPES = ("text", "search", "email", "tel", "number", "date", "password", "")


class Form:
    def __init__(self, attrs):
        self.action = attrs.get("action") or ""
        self.method = (attrs.get("method") or "get").lower()
        self.fields = []   # [tag, type, name, value, checked]
        self.buttons = []  # (name, value)

    def names(self):
        return [f[2] for f in self.fields]

    def text_fields(self):
        out = []
        for tag, typ, name, _, _ in self.fields:
            if name and name != "csrf" and name not in out and (
                    tag == "textarea" or (tag == "input" and typ in TEXT_TYPES)):
                out.append(name)
        return out

    def baseline(self):
        """The values a browser would send untouched (the first radio of a
        group left unchecked, so that the form is complete)."""
        pairs, radios = [], {}
        for tag, typ, name, value, checked in self.fields:
            if not name:
                continue
            if typ in ("checkbox", "radio"):
                if typ == "radio":
                    radios.setdefault(name, value)
                if checked:
                    pairs.append((name, value))
                    radios[name] = None
            else:
                pairs.append((name, value))
        for name, value in radios.items():
            if value is not None and not any(n == name for n, _ in pairs):
                pairs.append((name, value))
        return pairs


class FormParser(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms, self.form, self.select, self.textarea = [], None, None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.form = Form(a)
            self.forms.append(self.form)
        elif self.form is None:
            return
        elif tag == "input":
            typ = (a.get("type") or "").lower()
            if typ in ("submit", "button", "reset", "image"):
                if a.get("name"):
                    self.form.buttons.append((a["name"], a.get("value") or ""))
                return
            self.form.fields.append(["input", typ, a.get("name"), a.get("value") or "",
                                     "checked" in a])
        elif tag == "button":
            if (a.get("type") or "submit") == "submit" and a.get("name"):
                self.form.buttons.append((a["name"], a.get("value") or ""))
        elif tag == "select":
            self.select = ["select", None, a.get("name"), None, False]
            self.form.fields.append(self.select)
        elif tag == "option" and self.select is not None:
            value = a.get("value") or ""
            if self.select[3] is None or "selected" in a:
                self.select[3] = value
        elif tag == "textarea":
            self.textarea = ["textarea", None, a.get("name"), "", False]
            self.form.fields.append(self.textarea)

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[3] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.form = None
        elif tag == "select":
            if self.select is not None and self.select[3] is None:
                self.select[3] = ""
            self.select = None
        elif tag == "textarea":
            self.textarea = None


def parse_forms(text):
    p = FormParser()
    p.feed(text)
    p.close()
    return p.forms


def sql_literal(value):
    return "CONVERT(X'%s' USING utf8mb4) COLLATE utf8mb4_bin" % value.encode("utf-8").hex()


def escaped_variants(payload):
    out = set()
    for v in (payload, payload.upper()):
        e = v.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        for q in ('"', "&quot;", "&#34;"):
            for s in ("'", "&#39;", "&apos;"):
                out.add(e.replace('"', q).replace("'", s))
    return out


class FormInjectionTest(SecTest, td.DeclTest):
    """Every text field of every listed form, with every payload."""

    def setUp(self):
        SecTest.setUp(self)
        self.exercised = 0
        self.reflected = 0

    def assertSafe(self, r, what):
        self.assertLess(r.status, 500, "%s: %d %s" % (what, r.status, r.text[:400]))
        for token in DANGEROUS:
            at = r.text.find(token)
            self.assertEqual(at, -1, "%s: unescaped payload on the page: ...%s..."
                             % (what, r.text[max(0, at - 200):at + 100]))

    def find_form(self, text, spec, label):
        action, _, needs = spec.partition("|")
        for f in parse_forms(text):
            if f.action == action and (not needs or needs in f.names()):
                return f
        self.fail("%s: no form %s on the page" % (label, spec))

    def run_forms(self, browser, entries, ctx, browsers=None):
        """Submits every listed form once per text field and payload."""
        # The tables, and the accounts other than the test's own
        # (sec-...@example.org): none may appear or go.
        state = ("SELECT GROUP_CONCAT(table_name ORDER BY table_name) FROM "
                 "information_schema.tables WHERE table_schema = DATABASE() UNION ALL "
                 "SELECT COUNT(*) FROM account WHERE email_lower NOT LIKE 'sec-%@example.org'")
        before_all = sql(state)
        self.assertGreater(len(before_all[0][0].split(",")), 15)
        ctx = dict(ctx, browser=browser)
        done = []
        for label, page, spec, min_fields, opt in entries:
            path, spec = page.format(**ctx), spec.format(**ctx)
            first = browser.get(path)
            self.assertEqual(first.status, 200, "%s: %s -> %d" % (label, path, first.status))
            self.assertSafe(first, label)
            form = self.find_form(first.text, spec, label)
            names = form.text_fields()
            self.assertGreaterEqual(len(names), min_fields,
                                    "%s: text fields %s" % (label, names))
            before = snapshot() if opt.get("unchanged") else None
            stored = {}
            # A form whose first accepted submission ends the object's editing
            # (a rejection) takes all payloads at once.
            payloads = [" ".join(PAYLOADS)] if opt.get("batch") else PAYLOADS
            for name in names:
                # The rows holding each payload before any is sent (one query).
                query = self.store_query(opt, name)
                counts = [0] * len(payloads)
                if query:
                    counts = [int(n) for n in sql("SELECT " + ", ".join(
                        "(%s)" % query.format(v=sql_literal(p), **ctx) for p in payloads))[0]]
                for payload, count in zip(payloads, counts):
                    with self.subTest(form=label, field=name, payload=payload[:40]):
                        stored_now = self.submit(browser, form, path, spec, label, name,
                                                 payload, opt, ctx, browsers or {}, count)
                        if stored_now:
                            stored.setdefault(name, []).append(payload)
                    self.exercised += 1
            for pattern in opt.get("stores", {}):
                hit = [n for n in stored if fnmatch.fnmatch(n, pattern)]
                self.assertTrue(hit, "%s: no payload stored through %s" % (label, pattern))
            if before is not None:
                self.assertEqual(snapshot(), before, "%s changed the database" % label)
            done.append(label)
            if os.environ.get("PORTAIL_SEC_VERBOSE"):
                sys.stderr.write("  %-24s %2d fields %s, stored: %s\n"
                                 % (label, len(names), names, sorted(stored)))
        self.assertEqual(done, [e[0] for e in entries])
        # Nothing dropped, no account lost or made behind the test's back.
        self.assertEqual(sql(state), before_all)
        return len(done)

    @staticmethod
    def store_query(opt, name):
        return next((q for pat, q in opt.get("stores", {}).items()
                     if fnmatch.fnmatch(name, pat)), None)

    def submit(self, b, form, path, spec, label, name, payload, opt, ctx, browsers, count):
        """One submission; returns True when the payload was stored intact
        (count: the rows holding it before)."""
        what = "%s [%s=%r]" % (label, name, payload)
        if form.method == "post":  # again: a fresh CSRF token, row version, CAPTCHA
            page = b.get(path)
            self.assertEqual(page.status, 200, what)
            form = self.find_form(page.text, spec, label)
        override = dict(opt["fill"](ctx)) if "fill" in opt else {}
        override[name] = payload
        if "button" in opt:
            override[opt["button"][0]] = opt["button"][1]
        elif form.buttons:
            override.setdefault(*form.buttons[0])
        pairs = [(n, v) for n, v in form.baseline() if n not in override]
        pairs += list(override.items())
        query = self.store_query(opt, name)
        if form.method == "post":
            if "csrf" not in dict(pairs):
                pairs.insert(0, ("csrf", b.csrf))
            r = b.post(form.action, {}, raw=urllib.parse.urlencode(pairs))
        else:
            r = b.get(form.action + "?" + urllib.parse.urlencode(pairs))
        if opt.get("unlock"):
            admin("unlock", "127.0.0.1")
        self.assertSafe(r, what)
        shown = [r.text]
        if r.status in (301, 302, 303) and r.location:
            self.assertLocal(r)
            nxt = b.get(r.location)
            self.assertSafe(nxt, what + " -> " + r.location)
            shown.append(nxt.text)
        if any(v in t for t in shown for v in escaped_variants(payload)):
            self.reflected += 1
        if query is None or r.status != 303:
            return False
        # Stored by this very submission: one more row holds it exactly.
        if int(one(query.format(v=sql_literal(payload), **ctx))) <= count:
            return False
        # Stored: shown escaped where it is displayed.
        again = b.get(path)
        self.assertSafe(again, what + " (form again)")
        shown.append(again.text)
        if "shows" in opt:
            viewer = browsers.get(opt.get("shows_as"), b)
            other = viewer.get(opt["shows"].format(**ctx))
            self.assertSafe(other, what + " (shown)")
            shown.append(other.text)
        if opt.get("displayed", True):
            self.assertTrue(any(v in t for t in shown for v in escaped_variants(payload)),
                            "%s: stored but not shown (escaped) anywhere" % what)
        return True

    def explain(self, b, decl, step, ctx):
        """A valid explanation for each alert of a control step, in ctx."""
        page = b.get(td.decl_path(decl, step)).text
        ctx["explain"] = dict((n, EXPLAINED) for n in
                              re.findall(r'name="(explication_[a-z0-9_]+)"', page))

    # -- the roles -------------------------------------------------------------
    def test_visitor_and_password_forms__payloads__escaped_nothing_changed(self):
        visitor = Browser()
        visitor.get("/auth/connexion")
        self.run_forms(visitor, AUTH_FORMS[:2], {})
        # A dedicated account: a payload accepted as a new password would
        # only lock this one out.
        b = signed_in((new_account(), "Tilleul-vert42"))
        self.run_forms(b, AUTH_FORMS[2:], {})
        self.assertEqual(self.exercised, 7 * len(PAYLOADS))
        self.assertGreater(self.reflected, 0, "no payload ever shown back")

    def test_caf_agent_forms__payloads__escaped_stored_intact(self):
        caf = signed_in(AGENT12)   # Caf de l'Aveyron: what it creates stays off Caf 78's lists
        page = caf.get("/habilitations/partenaires")
        select = re.search(r'<select[^>]*name="type"[^>]*>(.*?)</select>', page.text, re.S)
        ptype = re.findall(r'<option value="([^"]+)"', select.group(1))[0]
        tag = uuid.uuid4().hex[:8]
        name = "Sec partenaire %s" % tag
        r = caf.post("/habilitations/partenaires", {"type": ptype, "nom": name,
                                                    "code_postal": "12000", "ville": "Rodez"})
        self.assertEqual(r.status, 303, r.text[:500])
        pid = one("SELECT id FROM partner WHERE name = '%s'" % name)
        r = caf.post("/habilitations/conventions/nouvelle", {
            "partenaire": pid, "libelle": name, "date_ouverture": "01/01/2026",
            "validee_le": "02/01/2026", "portee": "local"})
        self.assertEqual(r.status, 303, r.text[:500])
        conv = re.search(r"/habilitations/convention/(\d+)", r.location).group(1)
        r = caf.post("/habilitations/convention/%s/equipement" % conv, {
            "code": "S-%s" % tag.upper(), "type": "EAJE", "nature": "", "nom": "Sec EAJE " + tag,
            "departement": "12", "date_ouverture": "01/01/2020"})
        self.assertEqual(r.status, 303, r.text[:500])
        fac = one("SELECT MIN(id) FROM facility WHERE convention_id = %s" % conv)
        # The partner's administrator names an approver: a grant awaiting the Caf.
        email = fresh_email(None)["email"]
        r = caf.post("/habilitations/convention/%s/administrateur" % conv,
                     {"nom": "SEC", "prenom": "Administrateur", "email": email})
        self.assertEqual(r.status, 303, r.text[:500])
        admin("set-password", email, stdin="Tilleul-vert42\n")
        pa = signed_in((email, "Tilleul-vert42"))
        approver = fresh_email(None)["email"]
        pa.get("/habilitations/convention/%s/utilisateur/nouveau" % conv)
        r = pa.post("/habilitations/convention/%s/utilisateur/nouveau" % conv, {
            "nom": "SEC", "prenom": "Approbateur", "email": approver,
            "email_confirmation": approver, "mobilite": "sedentaire"})
        self.assertEqual(r.status, 303, r.text[:500])
        account = re.search(r"/habilitations/utilisateur/(\d+)", r.location).group(1)
        pa.get("/habilitations/affecter")
        r = pa.post("/habilitations/affecter", {
            "partenaire": pid, "utilisateur": account, "role": "approver", "a_partir_du": "",
            "type": "", "nature": "", "portee": "activites", "activite": fac})
        self.assertEqual(r.status, 303, r.text[:500])
        pending = one("SELECT id FROM habilitation WHERE account_id = %s "
                      "AND validation = 'pending'" % account)
        n = self.run_forms(caf, CAF_FORMS, dict(conv=conv, fac=fac, partner=pid,
                                                partner_type=ptype, pending=pending))
        self.assertEqual(n, len(CAF_FORMS))
        self.assertGreaterEqual(self.exercised, 40 * len(PAYLOADS))
        self.assertGreater(self.reflected, 0, "no payload ever shown back")

    def test_partner_administrator_forms__payloads__escaped_stored_intact(self):
        b = signed_in(LEBRUN)
        conv = one("SELECT c.id FROM convention c JOIN partner p ON p.id = c.partner_id "
                   "WHERE p.name = 'Association Les P''tits Loups'")
        email = fresh_email(None)["email"]
        b.get("/habilitations/convention/%s/utilisateur/nouveau" % conv)
        r = b.post("/habilitations/convention/%s/utilisateur/nouveau" % conv, {
            "nom": "SEC", "prenom": "Cible", "email": email, "email_confirmation": email,
            "mobilite": "sedentaire", "date_ouverture": "", "date_cloture": ""})
        self.assertEqual(r.status, 303, r.text[:500])
        user = re.search(r"/habilitations/utilisateur/(\d+)", r.location).group(1)
        n = self.run_forms(b, PARTNER_FORMS, dict(conv=conv, user=user, user_email=email))
        self.assertEqual(n, len(PARTNER_FORMS))
        self.assertGreaterEqual(self.exercised, 25 * len(PAYLOADS))
        self.assertGreater(self.reflected, 0, "no payload ever shown back")
        # The account under edit is still open and still its own.
        self.assertEqual(sql("SELECT email, closed_on FROM account WHERE id = %s" % user),
                         [[email, "NULL"]])

    def test_data_entry_and_instruction_forms__payloads__escaped_stored_intact(self):
        year, fid = self.open_campaign(td.LUCIOLES, "forecast", "EAJE")
        act, fin, app = td.signed_in(td.DUMAS), td.signed_in(td.GARNIER), td.signed_in(td.VASSEUR)
        decl = self.declaration_id(act, fid, year)
        ctx = {"decl": decl}
        forms = DATA_ENTRY_FORMS
        self.run_forms(act, forms["activity provider"][:1], ctx)
        # Invoiced hours at 133 % of the performed ones: alerts to explain.
        r = self.enter(act, decl, "activite", dict(td.EAJE_ACTIVITY, hours_invoiced="40 000"))
        self.assertRedirect(r, td.decl_path(decl, "controle-activite"))
        self.explain(act, decl, "controle-activite", ctx)
        self.run_forms(act, forms["activity provider"][1:], ctx)
        self.tick(act, decl, "activite")
        self.run_forms(fin, forms["financial provider"][:1], ctx)
        # Staff costs at 8 % of the charges: an alert to explain.
        self.assertRedirect(self.enter(fin, decl, "financier",
                                       dict(td.EAJE_FINANCIAL, ch_staff="30 000")),
                            td.decl_path(decl, "controle-financier"))
        self.explain(fin, decl, "controle-financier", ctx)
        self.run_forms(fin, forms["financial provider"][1:], ctx)
        self.tick(fin, decl, "financier")
        self.explain(app, decl, "controle-global", ctx)
        self.run_forms(app, forms["approver"], ctx)
        self.transmit(app, decl)
        agent = td.signed_in(td.INSTRUCTOR78)
        self.run_forms(agent, forms["instructor"], ctx, browsers={"approver": app})
        self.assertEqual(one("SELECT state FROM declaration WHERE id = %d" % decl), "rejected")
        self.assertGreaterEqual(self.exercised, 17 * len(PAYLOADS))
        self.assertGreater(self.reflected, 0, "no payload ever shown back")


if __name__ == "__main__":
    unittest.main()
