#!/usr/bin/env python3
"""Auth on a live stack: login, day-46 forced change, voluntary change,
forgotten password end to end (mail read back from the mail directory and
through a real SMTP server on loopback), identical answers for known and
unknown e-mails, brute-force lock (and its race), session rotation, cookie
flags, logout, idle expiry, bad input.

Environment (the integration runner sets it; defaults fit `make run`):
  PORTAIL_URL   base URL of nginx (default http://127.0.0.1:8080)
  PORTAIL_CONF  the instance's portail.conf (default conf/portail.conf);
                read for clock_offset_file, mail_dir, test_hooks
  PORTAIL_BIN   folder of portal-admin and portal-mailer (default build/bin)
  PORTAIL_CAF   code of an existing Caf for test accounts (default 781)

Accounts are created per test with portal-admin (unique e-mail addresses),
so the tests do not depend on demo data and never lock a shared account.
Python standard library only (aiosmtpd is used when installed).
"""
import http.client
import os
import quopri
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import unittest
import urllib.parse
import uuid

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
URL = urllib.parse.urlsplit(os.environ.get("PORTAIL_URL", "http://127.0.0.1:8080"))
CONF = os.environ.get("PORTAIL_CONF", os.path.join(ROOT, "conf", "portail.conf"))
BIN = os.environ.get("PORTAIL_BIN", os.path.join(ROOT, "build", "bin"))
CAF = os.environ.get("PORTAIL_CAF", "781")
DAY = 86400


def read_conf(path):
    """key = value lines; a later key wins (instance overrides)."""
    conf = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#") or "=" not in line:
                continue
            k, v = line.split("=", 1)
            conf[k.strip()] = v.strip()
    return conf


def conf_path(value):
    return value if os.path.isabs(value) else os.path.join(ROOT, value)


CFG = read_conf(CONF)
OFFSET_FILE = conf_path(CFG.get("clock_offset_file", "var/clock-offset"))
MAIL_DIR = conf_path(CFG.get("mail_dir", "var/mail"))
THRESHOLD = int(CFG.get("login_lock_threshold", "5"))


def set_clock_offset(seconds):
    with open(OFFSET_FILE + ".tmp", "w") as f:
        f.write("%d\n" % seconds)
    os.replace(OFFSET_FILE + ".tmp", OFFSET_FILE)


def portalctl(*args):
    p = subprocess.run([os.path.join(ROOT, "scripts", "portalctl"), "--instance",
                        os.environ.get("PORTAIL_INSTANCE", "test")] + list(args),
                       capture_output=True, text=True, cwd=ROOT, timeout=120)
    if p.returncode != 0:
        raise AssertionError("portalctl %s: %s%s" % (args, p.stdout, p.stderr))
    return p.stdout


def admin(*args, stdin=None, conf=CONF):
    p = subprocess.run([os.path.join(BIN, "portal-admin"), "--config", conf] + list(args),
                       input=stdin, capture_output=True, text=True, cwd=ROOT, timeout=60)
    if p.returncode != 0:
        raise AssertionError("portal-admin %s: %s%s" % (args, p.stdout, p.stderr))
    return p.stdout


def run_mailer_once(conf=CONF):
    subprocess.run([os.path.join(BIN, "portal-mailer"), "--config", conf, "--once"],
                   capture_output=True, text=True, cwd=ROOT, timeout=60, check=True)


def new_account(password="Tilleul-vert42"):
    """A fresh Caf administrator with a known password; returns its e-mail."""
    email = "auth-%s@example.org" % uuid.uuid4().hex[:12]
    admin("create-admin", "--caf", CAF, "--email", email, "--last-name", "TEST",
          "--first-name", "Auth")
    admin("set-password", email, stdin=password + "\n")
    return email


class Response:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers  # list of (name, value)
        self.body = body

    def header(self, name):
        for k, v in self.headers:
            if k.lower() == name.lower():
                return v
        return None

    def cookies(self):
        return [v for k, v in self.headers if k.lower() == "set-cookie"]

    @property
    def text(self):
        return self.body.decode("utf-8", "replace")

    @property
    def location(self):
        """The Location as a local path (with its query), whatever the host."""
        loc = self.header("Location")
        if not loc:
            return None
        u = urllib.parse.urlsplit(loc)
        return u.path + ("?" + u.query if u.query else "")


class Browser:
    """A cookie jar and the last CSRF token; never follows redirects."""

    def __init__(self):
        self.cookies = {}
        self.csrf = None

    def request(self, method, path, body=None, headers=None):
        conn = http.client.HTTPConnection(URL.hostname, URL.port or 80, timeout=30)
        h = {"Host": "%s:%s" % (URL.hostname, URL.port or 80)}
        if self.cookies:
            h["Cookie"] = "; ".join("%s=%s" % kv for kv in self.cookies.items())
        if body is not None:
            h["Content-Type"] = "application/x-www-form-urlencoded"
        h.update(headers or {})
        conn.request(method, path, body=body, headers=h)
        r = conn.getresponse()
        resp = Response(r.status, r.getheaders(), r.read())
        conn.close()
        for c in resp.cookies():
            name, _, rest = c.partition("=")
            value = rest.split(";", 1)[0]
            if "Max-Age=0" in c or value == "":
                self.cookies.pop(name, None)
            else:
                self.cookies[name] = value
        m = re.search(r'name="csrf" value="([^"]+)"', resp.text)
        if m:
            self.csrf = m.group(1)
        return resp

    def get(self, path):
        return self.request("GET", path)

    def post(self, path, fields, csrf=True, raw=None):
        fields = dict(fields)
        if csrf and "csrf" not in fields and self.csrf:
            fields["csrf"] = self.csrf
        body = raw if raw is not None else urllib.parse.urlencode(fields)
        return self.request("POST", path, body=body)

    def session_cookie(self):
        for k, v in self.cookies.items():
            if k.endswith("portail"):
                return k, v
        return None, None

    def login(self, email, password, update=False):
        self.get("/auth/connexion")
        fields = {"email": email, "password": password}
        if update:
            fields["maj"] = "1"
        return self.post("/auth/connexion", fields)

    def captcha_answer(self):
        r = self.get("/auth/captcha-test-answer")
        if r.status == 404:
            raise unittest.SkipTest("test_hooks is off in this instance")
        return r.text.strip()


def mails_for(email):
    """The decoded bodies of the .eml files addressed to email."""
    out = []
    if not os.path.isdir(MAIL_DIR):
        return out
    for name in sorted(os.listdir(MAIL_DIR)):
        if not name.endswith(".eml"):
            continue
        with open(os.path.join(MAIL_DIR, name), "rb") as f:
            raw = f.read()
        if ("To: %s\r\n" % email).encode() in raw:
            out.append(raw)
    return out


def temp_password_of(raw):
    head, _, body = raw.partition(b"\r\n\r\n")
    text = quopri.decodestring(body).decode("utf-8")
    m = re.search(r"Votre mot de passe provisoire : (\S+)", text)
    return m.group(1) if m else None


def wait_for_mail(email, count=1, timeout=10):
    """The mailer of the stack may deliver it; else deliver it ourselves."""
    deadline = time.time() + timeout
    ran = False
    while time.time() < deadline:
        found = mails_for(email)
        if len(found) >= count:
            return found
        if not ran and time.time() > deadline - timeout + 1.5:
            run_mailer_once()
            ran = True
        time.sleep(0.2)
    return mails_for(email)


class AuthTest(unittest.TestCase):
    def setUp(self):
        set_clock_offset(0)
        admin("unlock", "127.0.0.1")

    def tearDown(self):
        set_clock_offset(0)

    def assertRedirect(self, r, path):
        self.assertEqual(r.status, 303, r.text[:500])
        self.assertEqual(r.location, path)


class LoginTest(AuthTest):
    def test_login__right_password__home_and_new_session_id(self):
        email = new_account()
        b = Browser()
        b.get("/auth/connexion")
        name, visitor = b.session_cookie()
        self.assertIsNotNone(visitor, "the login page opens a visitor session")
        r = b.post("/auth/connexion", {"email": email, "password": "Tilleul-vert42"})
        self.assertRedirect(r, "/declarations/")
        _, signed = b.session_cookie()
        self.assertNotEqual(visitor, signed, "the session id must change at login")
        self.assertEqual(b.get("/auth/mot-de-passe").status, 200)
        # The cookie planted before login is dead.
        old = Browser()
        old.cookies[name] = visitor
        self.assertRedirect(old.get("/auth/mot-de-passe"), "/auth/connexion")

    def test_login__cookie_flags__httponly_samesite_strict(self):
        b = Browser()
        r = b.get("/auth/connexion")
        cookies = [c for c in r.cookies() if "portail=" in c]
        self.assertTrue(cookies)
        for c in cookies:
            self.assertIn("HttpOnly", c)
            self.assertIn("SameSite=Strict", c)
            self.assertIn("Path=/", c)

    def test_login_page__legal_notice_and_fields(self):
        t = Browser().get("/auth/connexion").text
        for needle in ("88-19", "Godfrain", "Votre adresse électronique", "Votre mot de passe",
                       "Mot de passe oublié ?", "Mettre à jour votre mot de passe",
                       "Les champs marqués * sont obligatoires."):
            self.assertIn(needle, t)

    def test_login__wrong_password_or_unknown_email__same_answer(self):
        email = new_account()
        a, b = Browser(), Browser()
        ra = a.login(email, "Mauvais-mot9")
        rb = b.login("inconnu-%s@example.org" % uuid.uuid4().hex[:8], "Mauvais-mot9")
        self.assertEqual(ra.status, 200)
        self.assertEqual(ra.status, rb.status)
        self.assertIn("Adresse électronique ou mot de passe incorrect", ra.text)
        strip = lambda t: re.sub(r'name="csrf" value="[^"]+"', "", re.sub(
            r'value="[^"]*@example.org"', "", t))
        self.assertEqual(strip(ra.text), strip(rb.text))

    def test_login__timing__known_and_unknown_alike(self):
        # One attempt per known account: a second one would meet the growing
        # delay and be refused before any hashing.
        def timed(addr):
            b = Browser()
            b.get("/auth/connexion")
            t0 = time.perf_counter()
            b.post("/auth/connexion", {"email": addr, "password": "Mauvais-mot9"})
            return time.perf_counter() - t0
        known, unknown = [], []
        for i in range(7):
            known.append(timed(new_account()))
            unknown.append(timed("absent-%d-%s@example.org" % (i, uuid.uuid4().hex[:6])))
        mk, mu = statistics.median(known), statistics.median(unknown)
        self.assertLess(abs(mk - mu), max(0.015, 0.35 * max(mk, mu)),
                        "median known %.1f ms, unknown %.1f ms" % (mk * 1e3, mu * 1e3))

    def test_login__closed_account__refused_like_a_wrong_password(self):
        # The demo's closed account (sql/demo): refused even with its password.
        r = Browser().login("patrick.morel@example.org", "Belette-grise79")
        self.assertEqual(r.status, 200)
        self.assertIn("Adresse électronique ou mot de passe incorrect", r.text)


class RotationTest(AuthTest):
    def test_day_46__forced_change_everywhere_then_valid_again(self):
        email = new_account()
        set_clock_offset(45 * DAY - 60)
        b = Browser()
        self.assertRedirect(b.login(email, "Tilleul-vert42"), "/declarations/")
        set_clock_offset(45 * DAY + 1)
        b = Browser()
        r = b.login(email, "Tilleul-vert42")
        self.assertRedirect(r, "/auth/mot-de-passe")
        page = b.get("/auth/mot-de-passe")
        self.assertIn("durée de validité", page.text)
        for path in ("/declarations/", "/habilitations/", "/statistiques/"):
            r = b.get(path)
            if r.status == 502:
                continue  # that module is not running in this stack
            self.assertRedirect(r, "/auth/mot-de-passe")
        b.get("/auth/mot-de-passe")
        r = b.post("/auth/mot-de-passe", {"password_current": "Tilleul-vert42",
                                          "password_new": "Peuplier-gris57",
                                          "password_confirm": "Peuplier-gris57"})
        self.assertRedirect(r, "/declarations/")
        r = b.get("/auth/mot-de-passe")
        self.assertEqual(r.status, 200)
        self.assertNotIn("durée de validité de", r.text)

    def test_checkbox__voluntary_change__new_password_only(self):
        email = new_account()
        b = Browser()
        self.assertRedirect(b.login(email, "Tilleul-vert42", update=True), "/auth/mot-de-passe")
        b.get("/auth/mot-de-passe")
        # Rules named next to the field; the history refuses the current one.
        r = b.post("/auth/mot-de-passe", {"password_current": "Tilleul-vert42",
                                          "password_new": "ABCDEF", "password_confirm": "x"})
        self.assertEqual(r.status, 200)
        self.assertIn("au moins une lettre minuscule", r.text)
        self.assertIn("au moins un chiffre", r.text)
        self.assertIn("La confirmation ne correspond pas", r.text)
        r = b.post("/auth/mot-de-passe", {"password_current": "Tilleul-vert42",
                                          "password_new": "Tilleul-vert42",
                                          "password_confirm": "Tilleul-vert42"})
        self.assertIn("3 précédents", r.text)
        r = b.post("/auth/mot-de-passe", {"password_current": "Tilleul-vert42",
                                          "password_new": "Bouleau-blanc64",
                                          "password_confirm": "Bouleau-blanc64"})
        self.assertRedirect(r, "/declarations/")
        self.assertIn("incorrect", Browser().login(email, "Tilleul-vert42").text)
        self.assertRedirect(Browser().login(email, "Bouleau-blanc64"), "/declarations/")


class ResetTest(AuthTest):
    def reset(self, b, email, answer=None):
        b.get("/auth/mot-de-passe-oublie")
        if answer is None:
            answer = b.captcha_answer()
        return b.post("/auth/mot-de-passe-oublie", {"email": email, "captcha": answer})

    def test_captcha_png__visitor__png_no_store(self):
        b = Browser()
        b.get("/auth/mot-de-passe-oublie")
        r = b.get("/auth/captcha.png")
        self.assertEqual(r.status, 200)
        self.assertEqual(r.header("Content-Type"), "image/png")
        self.assertTrue(r.body.startswith(b"\x89PNG\r\n\x1a\n"))
        self.assertIn("no-store", r.header("Cache-Control") or "")

    def test_wrong_captcha__error_email_kept_nothing_sent(self):
        email = new_account()
        b = Browser()
        r = self.reset(b, email, answer="zzzzzz")
        self.assertEqual(r.status, 200)
        self.assertIn("La vérification du texte a échoué", r.text)
        self.assertIn('value="%s"' % email, r.text)
        run_mailer_once()
        self.assertEqual(mails_for(email), [])

    def test_captcha__replayed_answer__refused(self):
        email = new_account()
        b = Browser()
        b.get("/auth/mot-de-passe-oublie")
        answer = b.captcha_answer()
        self.assertEqual(b.post("/auth/mot-de-passe-oublie",
                                {"email": email, "captcha": answer}).status, 303)
        r = b.post("/auth/mot-de-passe-oublie", {"email": email, "captcha": answer})
        self.assertIn("La vérification du texte a échoué", r.text)

    def test_reset__end_to_end_through_mail_file__temporary_then_forced_change(self):
        email = new_account()
        b = Browser()
        r = self.reset(b, email)
        self.assertRedirect(r, "/auth/connexion")
        self.assertIn("Votre mot de passe", b.get("/auth/connexion").text)
        mails = wait_for_mail(email)
        self.assertEqual(len(mails), 1)
        raw = mails[0]
        self.assertIn(b"Subject: Votre mot de passe\r\n", raw)
        temp = temp_password_of(raw)
        self.assertIsNotNone(temp)
        # The old password still works until the temporary one is used.
        self.assertRedirect(Browser().login(email, "Tilleul-vert42"), "/declarations/")
        # That login cancelled the pending temporary password; ask again.
        b = Browser()
        self.reset(b, email)
        mails = wait_for_mail(email, 2)
        temp = temp_password_of(mails[-1])
        b = Browser()
        self.assertRedirect(b.login(email, temp), "/auth/mot-de-passe")
        change = {"password_current": temp, "password_new": "Charme-doux73",
                  "password_confirm": "Charme-doux73"}
        # The login page's token died with the visitor session (new id and
        # new token at login): a form must be loaded before it is posted.
        self.assertEqual(b.post("/auth/mot-de-passe", change).status, 403)
        # What a browser does: follow the redirect to the form, then post it.
        self.assertIn("name=\"password_new\"", b.get("/auth/mot-de-passe").text)
        self.assertRedirect(b.post("/auth/mot-de-passe", change), "/declarations/")
        # Single use: the temporary password and the old one are gone.
        self.assertIn("incorrect", Browser().login(email, temp).text)
        self.assertIn("incorrect", Browser().login(email, "Tilleul-vert42").text)
        self.assertRedirect(Browser().login(email, "Charme-doux73"), "/declarations/")

    def test_reset__through_real_smtp_server(self):
        email = new_account()
        got = []
        server = SmtpSink(got)
        server.start()
        # The stack's own mailer (writing files) would race ours for the
        # message: it waits while this test delivers over SMTP.
        portalctl("stop", "mailer")
        try:
            with tempfile.NamedTemporaryFile("w", suffix=".conf", delete=False) as f:
                with open(CONF, encoding="utf-8") as base:
                    f.write(base.read())
                f.write("\nsmtp_url = smtp://127.0.0.1:%d\nsmtp_starttls = no\n" % server.port)
                smtp_conf = f.name
            self.assertRedirect(self.reset(Browser(), email), "/auth/connexion")
            run_mailer_once(smtp_conf)
            deadline = time.time() + 5
            while not got and time.time() < deadline:
                time.sleep(0.1)
            self.assertEqual(mails_for(email), [])
            self.assertEqual(len(got), 1)
            rcpt, data = got[0]
            self.assertEqual(rcpt, [email])
            self.assertIsNotNone(temp_password_of(data))
            self.assertIn(b"Content-Type: text/plain; charset=UTF-8", data)
            self.assertIn(b"Message-ID: <", data)
        finally:
            portalctl("start", "mailer")
            server.stop()
            os.unlink(smtp_conf)

    def test_reset__known_and_unknown__same_status_body_cookies(self):
        email = new_account()
        unknown = "personne-%s@example.org" % uuid.uuid4().hex[:8]
        answers = []
        for addr in (email, unknown):
            b = Browser()
            before = dict(b.cookies)
            r = self.reset(b, addr)
            page = b.get("/auth/connexion")
            answers.append((r.status, r.location, [c.split("=")[0] for c in r.cookies()],
                            re.sub(r'name="csrf" value="[^"]+"', "", page.text)))
        self.assertEqual(answers[0], answers[1])

    def test_reset__ten_requests_in_an_hour__at_most_two_mails(self):
        email = new_account()
        for _ in range(10):
            self.assertEqual(self.reset(Browser(), email).status, 303)
        run_mailer_once()
        time.sleep(0.5)
        self.assertLessEqual(len(wait_for_mail(email, 3, timeout=3)), 2)


class BruteForceTest(AuthTest):
    def test_lock__after_threshold__retry_time_then_unlock(self):
        email = new_account()
        base = int(CFG.get("login_delay_base_seconds", "1"))
        for i in range(THRESHOLD):
            r = Browser().login(email, "Mauvais-mot%d" % i)
            self.assertIn(r.status, (200, 429))
            n = i + 1  # growing delays from the 3rd failure: base, 2 base, ...
            if n >= 3 and n < THRESHOLD:
                time.sleep(base * 2 ** (n - 3) + 0.2)
        r = Browser().login(email, "Tilleul-vert42")
        self.assertEqual(r.status, 429)
        self.assertRegex(r.text, r"Trop de tentatives\. Réessayez après \d\dh\d\d\.")
        admin("unlock", email)
        self.assertRedirect(Browser().login(email, "Tilleul-vert42"), "/declarations/")

    def test_lock__fifty_parallel_wrong_passwords__at_most_threshold_verified(self):
        email = new_account()
        admin("unlock", "127.0.0.1")   # the address's own counter starts empty: only the account's can refuse below
        browsers = [Browser() for _ in range(50)]
        for b in browsers:
            b.get("/auth/connexion")
        results = [None] * 50
        def attempt(i):
            results[i] = browsers[i].post("/auth/connexion",
                                          {"email": email, "password": "Mauvais-mot%d" % i})
        threads = [threading.Thread(target=attempt, args=(i,)) for i in range(50)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        verified = sum(1 for r in results if r.status == 200)
        self.assertLessEqual(verified, THRESHOLD)
        self.assertTrue(all(r.status in (200, 429) for r in results))
        # The right password is refused too while the account's lock or wait
        # lasts. The burst may end in the growing wait rather than the lock
        # (attempts refused during a wait are not verified, so not counted),
        # and on a loaded machine that wait can be over by now: the clock is
        # put back to the burst's time to ask during it.
        set_clock_offset(-30)
        try:
            self.assertEqual(Browser().login(email, "Tilleul-vert42").status, 429)
        finally:
            set_clock_offset(0)


class SessionTest(AuthTest):
    def test_logout__confirm_then_destroyed(self):
        email = new_account()
        b = Browser()
        b.login(email, "Tilleul-vert42")
        name, cookie = b.session_cookie()
        page = b.get("/auth/deconnexion")
        self.assertIn("Voulez-vous vous déconnecter ?", page.text)
        r = b.post("/auth/deconnexion", {})
        self.assertRedirect(r, "/auth/connexion?deconnecte=1")
        self.assertIn("Vous êtes déconnecté", b.get("/auth/connexion?deconnecte=1").text)
        replay = Browser()
        replay.cookies[name] = cookie
        self.assertRedirect(replay.get("/auth/mot-de-passe"), "/auth/connexion")

    def test_idle__29_minutes_ok_31_minutes_back_to_login(self):
        email = new_account()
        b = Browser()
        b.login(email, "Tilleul-vert42")
        set_clock_offset(29 * 60)
        self.assertEqual(b.get("/auth/mot-de-passe").status, 200)
        set_clock_offset(29 * 60 + 31 * 60)
        self.assertRedirect(b.get("/auth/mot-de-passe"), "/auth/connexion")
        self.assertIn("expiré", b.get("/auth/connexion").text)


class BadInputTest(AuthTest):
    def test_ten_megabyte_password__413(self):
        b = Browser()
        b.get("/auth/connexion")
        body = urllib.parse.urlencode({"csrf": b.csrf, "email": "a@example.org",
                                       "password": "a" * (10 * 1024 * 1024)})
        try:
            r = b.post("/auth/connexion", {}, raw=body)
        except (ConnectionError, http.client.HTTPException):
            return  # nginx may cut the connection after answering 413
        self.assertEqual(r.status, 413)

    def test_invalid_utf8__400(self):
        b = Browser()
        b.get("/auth/connexion")
        r = b.post("/auth/connexion", {}, raw="csrf=%s&email=a%%40example.org&password=%%FF%%FE1a"
                   % b.csrf)
        self.assertEqual(r.status, 400)

    def test_missing_or_foreign_csrf__403(self):
        b = Browser()
        b.get("/auth/connexion")
        self.assertEqual(b.post("/auth/connexion", {"email": "a@example.org", "password": "x"},
                                csrf=False).status, 403)
        other = Browser()
        other.get("/auth/connexion")
        self.assertEqual(b.post("/auth/connexion", {"csrf": other.csrf, "email": "a@example.org",
                                                    "password": "x"}).status, 403)

    def test_missing_fields__french_messages(self):
        b = Browser()
        b.get("/auth/connexion")
        r = b.post("/auth/connexion", {"email": "", "password": ""})
        self.assertEqual(r.status, 200)
        self.assertIn("Saisissez votre adresse électronique.", r.text)
        self.assertIn("Saisissez votre mot de passe.", r.text)


class SmtpSink:
    """A real SMTP server on loopback: aiosmtpd when installed, else a small
    stdlib one speaking enough SMTP for libcurl."""

    def __init__(self, got):
        self.got = got
        s = socket.socket()
        s.bind(("127.0.0.1", 0))
        self.port = s.getsockname()[1]
        s.close()
        self.controller = None
        self.thread = None

    def start(self):
        try:
            from aiosmtpd.controller import Controller
        except ImportError:
            Controller = None
        if Controller:
            got = self.got

            class Handler:
                async def handle_DATA(self, server, session, envelope):
                    got.append((list(envelope.rcpt_tos), envelope.original_content or
                                envelope.content))
                    return "250 OK"
            self.controller = Controller(Handler(), hostname="127.0.0.1", port=self.port)
            self.controller.start()
            return
        self.sock = socket.socket()
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", self.port))
        self.sock.listen(5)
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            f = conn.makefile("rb")
            conn.sendall(b"220 sink ESMTP\r\n")
            rcpt, data = [], None
            while True:
                line = f.readline()
                if not line:
                    break
                cmd = line.strip().upper()
                if cmd.startswith(b"EHLO") or cmd.startswith(b"HELO"):
                    conn.sendall(b"250 sink\r\n")
                elif cmd.startswith(b"RCPT TO:"):
                    rcpt.append(line.strip()[8:].strip(b"<>").decode())
                    conn.sendall(b"250 OK\r\n")
                elif cmd == b"DATA":
                    conn.sendall(b"354 go\r\n")
                    buf = b""
                    while not buf.endswith(b"\r\n.\r\n"):
                        chunk = f.readline()
                        if not chunk:
                            break
                        buf += chunk
                    data = buf[:-5]
                    self.got.append((rcpt, data))
                    conn.sendall(b"250 OK\r\n")
                elif cmd == b"QUIT":
                    conn.sendall(b"221 bye\r\n")
                    break
                else:
                    conn.sendall(b"250 OK\r\n")
            conn.close()

    def stop(self):
        if self.controller:
            self.controller.stop()
        else:
            self.sock.close()


if __name__ == "__main__":
    unittest.main(verbosity=2)
