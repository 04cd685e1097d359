#!/usr/bin/env python3
"""Each worker keeps the sessions it loaded (modules/core/session_cache.c)
and trusts its copy only while the session's version in MariaDB is the same
(sql/003_session_version.sql: triggers raise it). These tests warm every
worker of a module with one session, change what the session load reads --
through the mariadb client, as an operator would, so that no application
code path can be what invalidates -- and then require that every one of a
burst of parallel requests, whichever worker takes it, sees the change:
the account's Caf roles, its closing, a group, an administrator grant, a
habilitation, a logout from another connection, a rotated login. The
flash message is a cookie bound to its session (modules/core/flash.h): it
writes nothing to the session, and another session's never shows. The
pages that confirm the copy with their own first statement
(ACCESS_CHECK_IN_PAGE) are held to the same.

Environment: as test_auth.py, plus PORTAIL_INSTANCE (the `sql` helper).
"""
import http.client
import os
import sys
import threading
import unittest
import urllib.parse
import uuid

sys.path.insert(0, os.path.dirname(__file__))
from test_auth import URL, Browser, admin, new_account, set_clock_offset  # noqa: E402
from test_security import one, parse_forms, sql  # noqa: E402

PASSWORD = "Tilleul-vert42"
# Enough parallel requests that every worker of a module (4 in the test
# instance) holds the session before the change and answers after it.
BURST, THREADS = 32, 8


def parallel_gets(cookie_header, path, form=None):
    """(status, Set-Cookie, body) of BURST GETs of path (POSTs of form when
    given), THREADS at a time, each on its own connection (so nginx hands
    them to whichever worker is free)."""
    answers, lock = [], threading.Lock()
    headers = {"Cookie": cookie_header, "Host": "%s:%s" % (URL.hostname, URL.port)}
    body = None
    if form is not None:
        body = urllib.parse.urlencode(form)
        headers["Content-Type"] = "application/x-www-form-urlencoded"

    def worker(n):
        for _ in range(n):
            conn = http.client.HTTPConnection(URL.hostname, URL.port or 80, timeout=30)
            conn.request("POST" if form is not None else "GET", path, body=body,
                         headers=headers)
            r = conn.getresponse()
            answer = (r.status, r.getheader("Set-Cookie") or "",
                      r.read().decode("utf-8", "replace"))
            conn.close()
            with lock:
                answers.append(answer)

    threads = [threading.Thread(target=worker, args=(BURST // THREADS,))
               for _ in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return answers


def burst(cookies, path, new_cookie=False):
    """The distinct statuses of parallel_gets; with new_cookie, (status,
    whether the answer sets a session cookie)."""
    header = "; ".join("%s=%s" % kv for kv in cookies.items())
    return sorted({(status, "portail=" in set_cookie) if new_cookie else status
                   for status, set_cookie, _ in parallel_gets(header, path)})


def logout_elsewhere(cookies):
    """Signs the session of these cookies out from another connection (its
    own logout form), as a second tab would; the status of the POST."""
    other = Browser()
    other.cookies = dict(cookies)
    other.get("/auth/deconnexion")
    return other.post("/auth/deconnexion", {}).status


def signed_in(email):
    b = Browser()
    r = b.login(email, PASSWORD)
    assert r.status == 303 and "/auth/connexion" not in r.location, r.status
    return b


def new_partner_user():
    """A partner account of the demo partner of Mareil with no right at all."""
    login = "T" + uuid.uuid4().hex[:9].upper()
    email = "cache-%s@example.org" % login.lower()
    sql("INSERT INTO account (login, email, last_name, first_name, kind, partner_id,"
        " opened_on, created_at) SELECT '%s', '%s', 'CACHE', 'Test', 'partner', p.id,"
        " '2000-01-01', UNIX_TIMESTAMP() FROM partner p JOIN facility f ON f.partner_id = p.id"
        " WHERE f.name = 'Multi-accueil Les Lucioles'" % (login, email))
    admin("set-password", email, stdin=PASSWORD + "\n")
    return email, one("SELECT id FROM account WHERE email = '%s'" % email)


class CafAgentTest(unittest.TestCase):
    def setUp(self):
        self.email = new_account(PASSWORD)
        self.account = one("SELECT id FROM account WHERE email = '%s'" % self.email)
        self.b = signed_in(self.email)

    def test_caf_roles_removed__every_worker_refuses_at_once(self):
        self.assertEqual(burst(self.b.cookies, "/declarations/baremes"), [200])
        sql("UPDATE account SET caf_roles = 'instructor' WHERE id = %s" % self.account)
        self.assertEqual(burst(self.b.cookies, "/declarations/baremes"), [403])
        self.assertEqual(burst(self.b.cookies, "/declarations/campagnes"), [200])

    def test_account_closed__every_worker_sends_to_login(self):
        self.assertEqual(burst(self.b.cookies, "/habilitations/partenaires"), [200])
        sql("UPDATE account SET closed_on = '2000-01-02' WHERE id = %s" % self.account)
        self.assertEqual(burst(self.b.cookies, "/habilitations/partenaires"), [303])
        r = self.b.get("/habilitations/partenaires")
        self.assertIn("/auth/connexion", r.location)

    def test_logout_on_another_connection__every_worker_sends_to_login(self):
        self.assertEqual(burst(self.b.cookies, "/declarations/baremes"), [200])
        self.assertEqual(logout_elsewhere(self.b.cookies), 303)
        self.assertEqual(burst(self.b.cookies, "/declarations/baremes"), [303])

    def test_session_deleted_by_hand__every_worker_sends_to_login(self):
        self.assertEqual(burst(self.b.cookies, "/declarations/baremes"), [200])
        sql("DELETE FROM session WHERE account_id = %s" % self.account)
        self.assertEqual(burst(self.b.cookies, "/declarations/baremes"), [303])

    def test_login_on_a_planted_cookie__old_token_dead_everywhere(self):
        planted = Browser()
        planted.get("/auth/connexion")
        token = dict(planted.cookies)
        # every worker knows the visitor session: no new cookie
        self.assertEqual(burst(token, "/auth/connexion", new_cookie=True), [(200, False)])
        r = planted.post("/auth/connexion", {"email": self.email, "password": PASSWORD})
        self.assertEqual(r.status, 303)
        self.assertNotEqual(token, planted.cookies)
        # the old token names no session any more: each worker starts a new one
        self.assertEqual(burst(token, "/auth/connexion", new_cookie=True), [(200, True)])
        self.assertEqual(burst(planted.cookies, "/declarations/baremes"), [200])

    def test_visitor_session__no_version_row__sign_in_creates_it(self):
        # sql/006_visitor_session_version.sql: a visitor's session writes
        # nothing to session_version, so it cannot make MariaDB's query
        # cache forget the session checks of the signed-in users.
        b = Browser()
        b.get("/auth/connexion")
        token = b.cookies["portail"]
        session = one("SELECT id FROM session WHERE token_hash = UNHEX(SHA2('%s', 256))" % token)
        self.assertIsNotNone(session)
        versions = "SELECT COUNT(*) FROM session_version WHERE session_id = %s" % session
        self.assertEqual(int(one(versions)), 0)
        # every worker serves the visitor from the database, without a copy
        self.assertEqual(burst(dict(b.cookies), "/auth/connexion", new_cookie=True),
                         [(200, False)])
        self.assertEqual(int(one(versions)), 0)
        r = b.post("/auth/connexion", {"email": self.email, "password": PASSWORD})
        self.assertEqual(r.status, 303)
        # the login rotated the same row: now it has a version, and its
        # copies in the workers are trusted only while it stays the same
        self.assertEqual(int(one(versions)), 1)
        self.assertEqual(burst(b.cookies, "/declarations/baremes"), [200])
        sql("UPDATE account SET caf_roles = 'instructor' WHERE id = %s" % self.account)
        self.assertEqual(burst(b.cookies, "/declarations/baremes"), [403])

    def saved_scale(self, b):
        """POSTs the scale page's form unchanged: a flash on the redirect."""
        form = [f for f in parse_forms(b.get("/declarations/baremes").text)
                if f.method == "post" and f.action.startswith("/declarations/baremes")][0]
        r = b.post("/declarations/baremes", dict(form.baseline()))
        self.assertEqual(r.status, 303, r.text[:500])
        return r

    def test_flash__a_cookie_shown_once_by_whichever_worker_and_no_session_write(self):
        version = one("SELECT version FROM session_version WHERE account_id = %s"
                      % self.account)
        r = self.saved_scale(self.b)
        self.assertIn("flash", self.b.cookies)
        self.assertEqual(one("SELECT version FROM session_version WHERE account_id = %s"
                             % self.account), version)
        shown = self.b.get(r.location)
        self.assertIn("Barème enregistré (0 valeur(s) modifiée(s)).", shown.text)
        self.assertNotIn("flash", self.b.cookies)  # deleted by the page that showed it
        again = self.b.get(r.location)
        self.assertNotIn("Barème enregistré", again.text)

    def test_flash__cookie_of_another_session_or_forged__never_shown_and_deleted(self):
        self.saved_scale(self.b)
        stolen = self.b.cookies["flash"]
        other = signed_in(new_account(PASSWORD))
        for value in (stolen, stolen[:-2] + ("AA" if stolen[-2:] != "AA" else "BB"),
                      "U3VwZXIgZ2FnbmFudA.AAAA"):
            other.cookies["flash"] = value
            page = other.get("/declarations/baremes")
            self.assertEqual(page.status, 200)
            self.assertNotIn("Barème enregistré", page.text)
            self.assertNotIn("flash", other.cookies, value)


class PartnerUserTest(unittest.TestCase):
    def setUp(self):
        self.email, self.account = new_partner_user()
        self.b = signed_in(self.email)

    def test_group_added_then_removed__seen_by_every_worker(self):
        self.assertEqual(burst(self.b.cookies, "/declarations/equipements"), [403])
        sql("INSERT INTO group_member (group_id, account_id, opened_on)"
            " SELECT id, %s, '2000-01-01' FROM account_group WHERE code = 'AFAS-DECLARER'"
            % self.account)
        self.assertEqual(burst(self.b.cookies, "/declarations/equipements"), [200])
        sql("DELETE FROM group_member WHERE account_id = %s" % self.account)
        self.assertEqual(burst(self.b.cookies, "/declarations/equipements"), [403])

    def test_habilitation_started_then_ended__seen_by_every_worker(self):
        self.assertEqual(burst(self.b.cookies, "/declarations/equipements"), [403])
        sql("INSERT INTO habilitation (account_id, facility_id, role, starts_on, created_at)"
            " SELECT %s, id, 'consultant', '2000-01-01', UNIX_TIMESTAMP() FROM facility"
            " WHERE name = 'Multi-accueil Les Lucioles'" % self.account)
        self.assertEqual(burst(self.b.cookies, "/declarations/equipements"), [200])
        sql("UPDATE habilitation SET ends_on = '2000-01-02' WHERE account_id = %s"
            % self.account)
        self.assertEqual(burst(self.b.cookies, "/declarations/equipements"), [403])

    def test_administrator_grant_given_then_closed__seen_by_every_worker(self):
        self.assertEqual(burst(self.b.cookies, "/habilitations/"), [403])
        sql("INSERT INTO admin_grant (account_id, partner_id, kind, opened_on, created_at)"
            " SELECT id, partner_id, 'partner_admin', '2000-01-01', UNIX_TIMESTAMP()"
            " FROM account WHERE id = %s" % self.account)
        self.assertEqual(burst(self.b.cookies, "/habilitations/"), [200])
        sql("UPDATE admin_grant SET closed_on = '2000-01-02' WHERE account_id = %s"
            % self.account)
        self.assertEqual(burst(self.b.cookies, "/habilitations/"), [403])


class PageCheckedTest(unittest.TestCase):
    """The pages whose first statement confirms the worker's copy of the
    session (ACCESS_CHECK_IN_PAGE: the facility page, the rail's steps, the
    statistics page) see every change as the others do: a copy found stale
    by the page's statement, or by the dispatcher when the page refused
    before asking, is thrown away with what was built on it."""

    def setUp(self):
        self.email, self.account = new_partner_user()
        self.facility = one("SELECT id FROM facility WHERE name = 'Multi-accueil Les Lucioles'")
        self.pages = ["/declarations/equipement/%s" % self.facility,
                      "/statistiques/equipement/%s" % self.facility]
        self.b = signed_in(self.email)

    def habilitate(self):
        sql("INSERT INTO habilitation (account_id, facility_id, role, starts_on, created_at)"
            " VALUES (%s, %s, 'consultant', '2000-01-01', UNIX_TIMESTAMP())"
            % (self.account, self.facility))

    def test_right_given__a_worker_refusing_on_its_copy_asks_again(self):
        for page in self.pages:
            self.assertEqual(burst(self.b.cookies, page), [403], page)
        self.habilitate()
        for page in self.pages:
            self.assertEqual(burst(self.b.cookies, page), [200], page)

    def test_right_ended__every_worker_refuses_as_the_guard_does(self):
        self.habilitate()
        for page in self.pages:
            self.assertEqual(burst(self.b.cookies, page), [200], page)
        sql("UPDATE habilitation SET ends_on = '2000-01-02' WHERE account_id = %s"
            % self.account)
        # 403 (the route's rule on a fresh session), not the 404 that the
        # page's statement gives to a copy taken as still current
        for page in self.pages:
            self.assertEqual(burst(self.b.cookies, page), [403], page)

    def test_seen_by_another_worker__an_idle_looking_copy_ends_nothing(self):
        self.habilitate()
        try:
            for page in self.pages:
                self.assertEqual(burst(self.b.cookies, page), [200], page)
            # 25 minutes later one page view (one worker) records the visit;
            # 25 minutes after it, the other workers' copies look idle for 50
            set_clock_offset(25 * 60)
            self.assertEqual(self.b.get("/declarations/").status, 200)
            set_clock_offset(50 * 60)
            for page in self.pages:
                self.assertEqual(burst(self.b.cookies, page), [200], page)
        finally:
            set_clock_offset(0)

    def test_logout_on_another_connection__every_worker_sends_to_login(self):
        self.habilitate()
        for page in self.pages:
            self.assertEqual(burst(self.b.cookies, page), [200], page)
        self.assertEqual(logout_elsewhere(self.b.cookies), 303)
        for page in self.pages:
            self.assertEqual(burst(self.b.cookies, page), [303], page)


if __name__ == "__main__":
    unittest.main()
