#!/usr/bin/env python3
"""Operations under a steady load (issue 8), on a live stack:

- each module reloaded (SIGHUP), then restarted (portalctl restart: a new
  host on a fresh socket, the old one drains), then upgraded (a new build of
  its .so installed by rename, then SIGHUP): zero failed requests, zero
  socket errors, the request counts printed;
- MariaDB stopped for 10 s: 503 pages meanwhile, never a 500 or a refused
  connection; back without restarting anything; every write answered 303 is
  in the database afterwards;
- a worker killed with SIGKILL: respawned, at most its one in-flight request
  lost;
- scale-out: two hosts of a module on two sockets behind nginx's upstream,
  one killed (host and workers, SIGKILL) under load: not one failed GET.

The load: threads with their own connection per request, signed in as the
demo partner of Les P'tits Loups, asking for a page of every module (and
the health routes). A "failure" is any status other than the page's
expected one, or a socket error.

Environment as test_foundation.py (tests/run-integration sets it).
Python standard library only.
"""
import collections
import os
import re
import signal
import sys
import threading
import time
import unittest
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from lib.client import Client  # noqa: E402
from lib.load import Load  # noqa: E402
import test_foundation as tf  # noqa: E402

PARTNER = ("jm.lebrun@example.org", "Marmotte-gaie13")   # P'tits Loups: every role, partner admin
# A signed-in page of every module, each answered 200 to this partner.
PAGES = {
    "auth": ["/auth/mot-de-passe", "/auth/sante"],
    "habilitations": ["/habilitations/", "/habilitations/sante"],
    "declarations": ["/declarations/equipements", "/declarations/sante"],
    "statistics": ["/statistiques/", "/statistiques/sante"],
}
MODULES = [m for m in PAGES if tf.built(m)]


def module_of(path):
    for m, prefix in tf.PREFIX.items():
        if path.startswith(prefix + "/"):
            return m
    return "?"


def sign_in(account=PARTNER):
    c = Client(tf.URL, timeout=30)
    c.get("/auth/connexion")
    r = c.post("/auth/connexion", {"email": account[0], "password": account[1]})
    assert r.status == 303, "sign-in of %s: %d %s" % (account[0], r.status, r.text[:300])
    return c


def report(load, what):
    print("  %s: %d requests (%s), %d failed" % (
        what, load.count, ", ".join("%s %d" % kv for kv in sorted(load.by_group.items())),
        len(load.failures)))


def all_pages():
    return [p for m in MODULES for p in PAGES[m]]


def so_path(module):
    return os.path.join(tf.MODULE_DIR, module + ".so")


def maps_so(pid, module):
    """'current', 'stale' (a replaced .so) or None, from /proc/PID/maps."""
    try:
        with open("/proc/%d/maps" % pid) as f:
            lines = [l for l in f if l.rstrip().endswith("/%s.so" % module) or
                     l.rstrip().endswith("/%s.so (deleted)" % module)]
    except OSError:
        return None
    if not lines:
        return None
    return "stale" if any(l.rstrip().endswith("(deleted)") for l in lines) else "current"


def install_so(module, data):
    """Installs DATA as the module's .so by rename, as make does."""
    tmp = so_path(module) + ".tmp-ops"
    with open(tmp, "wb") as f:
        f.write(data)
    os.chmod(tmp, 0o755)
    os.rename(tmp, so_path(module))


class OpsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        if "auth" not in MODULES:
            raise unittest.SkipTest("the auth module is not built")
        cls.cookies = sign_in().cookies

    def load(self, paths=None, allowed=(200,), threads=4):
        """Every module's pages; any other status than `allowed` fails."""
        return Load(tf.URL, paths or all_pages(), cookies=self.cookies, threads=threads,
                    failed=lambda status: status not in allowed, group=module_of)

    def assertNoFailure(self, load, what):
        report(load, what)
        self.assertGreater(load.count, 20, "%s: too few requests to tell" % what)
        self.assertEqual(load.failures[:10], [], "%s: %d of %d requests failed" % (
            what, len(load.failures), load.count))

    # --- reload, restart, upgrade of each module ------------------------------------

    def test_reload__each_module_under_load__zero_failures(self):
        for m in MODULES:
            with self.subTest(module=m):
                pid = tf.host_pid(m)
                before = tf.workers_of(pid)
                with self.load() as load:
                    time.sleep(0.5)
                    tf.portalctl("reload", m)
                    replaced = tf.wait_until(
                        lambda: len(tf.workers_of(pid)) >= len(before)
                        and not (tf.workers_of(pid) & before), 20)
                    time.sleep(0.5)
                self.assertTrue(replaced, "%s: workers not replaced" % m)
                self.assertEqual(tf.host_pid(m), pid)
                self.assertNoFailure(load, "reload %s" % m)

    def test_restart__each_module_under_load__zero_failures(self):
        for m in MODULES:
            with self.subTest(module=m):
                old = tf.host_pid(m)
                with self.load() as load:
                    time.sleep(0.5)
                    tf.portalctl("restart", m)
                    time.sleep(0.5)
                new = tf.host_pid(m)
                self.assertNotEqual(old, new, "%s: same host after restart" % m)
                self.assertFalse(tf.alive(old), "%s: the old host still runs" % m)
                self.assertTrue(tf.workers_of(new))
                self.assertNoFailure(load, "restart %s" % m)

    def test_upgrade_so__each_module_under_load__new_so_serving_zero_failures(self):
        for m in MODULES:
            with self.subTest(module=m):
                with open(so_path(m), "rb") as f:
                    original = f.read()
                pid = tf.host_pid(m)
                old_version = self.status_version(m)
                try:
                    with self.load() as load:
                        time.sleep(0.5)
                        # A new build: other bytes (a trailing note the loader
                        # ignores), a new file renamed over the old one.
                        install_so(m, original + b"\0upgrade " + uuid.uuid4().hex.encode())
                        self.assertIn("so=stale", tf.portalctl("status", m))
                        tf.portalctl("reload", m)
                        upgraded = tf.wait_until(
                            lambda: tf.workers_of(pid) and all(
                                maps_so(w, m) == "current" for w in tf.workers_of(pid)), 20)
                        time.sleep(0.5)
                    self.assertTrue(upgraded, "%s: workers still on the old .so" % m)
                    new_version = self.status_version(m)
                    self.assertNotEqual(old_version, new_version)
                    self.assertIn("so=current", tf.portalctl("status", m))
                    self.assertNoFailure(load, "upgrade %s (%s -> %s)" % (m, old_version, new_version))
                finally:
                    install_so(m, original)
                    tf.portalctl("reload", m)
                    tf.wait_until(lambda: tf.workers_of(pid) and all(
                        maps_so(w, m) == "current" for w in tf.workers_of(pid)), 20)

    def status_version(self, m):
        out = tf.portalctl("status", m)
        return out.split("version=", 1)[1].split()[0]

    # --- MariaDB away for 10 s --------------------------------------------------------

    def test_mariadb_stopped_10s_under_load__503_then_back__committed_writes_kept(self):
        pids = {m: tf.host_pid(m) for m in MODULES}
        workers = {m: tf.workers_of(pids[m]) for m in MODULES}
        writer = sign_in()
        conv = self.partner_convention(writer)
        form = "/habilitations/convention/%s/utilisateur/nouveau" % conv
        writer.get(form)
        outcomes = collections.Counter()
        committed, stop = [], threading.Event()

        def write_loop():
            while not stop.is_set():
                email = "ops-%s@example.org" % uuid.uuid4().hex[:12]
                try:
                    r = writer.post(form, {
                        "nom": "CHARGE", "prenom": "Ops", "email": email,
                        "email_confirmation": email, "telephone": "01 02 03 04 05",
                        "telephone_confirmation": "01 02 03 04 05", "mobilite": "sedentary",
                        "date_ouverture": "", "date_cloture": ""})
                    outcomes[r.status] += 1
                    if r.status == 303:
                        committed.append(email)
                except Exception as e:  # noqa: BLE001
                    outcomes["error %r" % e] += 1
                time.sleep(0.05)

        w = threading.Thread(target=write_loop, daemon=True)
        with self.load(allowed=(200, 503)) as load:
            w.start()
            time.sleep(1.5)
            tf.portalctl("db-stop")
            down = time.monotonic()
            time.sleep(10)
            up = time.monotonic()
            tf.portalctl("db-start")
            back = tf.wait_until(lambda: Client(tf.URL).get("/auth/sante").status == 200, 30)
            time.sleep(3)
            stop.set()
            w.join(60)
        report(load, "MariaDB stopped 10 s")
        print("  writes: %s, %d committed (303)" % (dict(outcomes), len(committed)))
        self.assertTrue(back, "the portal did not come back after MariaDB restarted")
        during = [s for t, p, s in load.since(down) if t < up - 0.5]
        self.assertTrue(during, "no request during the outage")
        self.assertEqual(set(during), {503}, "while MariaDB was away: %s"
                         % collections.Counter(during))
        self.assertEqual(load.failures[:10], [], "not 200 nor 503 (a 500, 502 or a socket error)")
        tail = [s for t, p, s in load.log[-4 * len(all_pages()):]]
        self.assertEqual(set(tail), {200}, "not recovered: last statuses %s" % collections.Counter(tail))
        self.assertTrue(set(outcomes) <= {303, 503}, "writes answered %s" % dict(outcomes))
        self.assertGreater(outcomes[503], 0, "no write during the outage")
        self.assertGreater(len(committed), 2)
        found = set(tf.portalctl("sql", "-N", "-e", "SELECT email FROM account WHERE email LIKE 'ops-%'")
                    .split())
        lost = [e for e in committed if e not in found]
        self.assertEqual(lost, [], "%d committed writes lost" % len(lost))
        # Nothing was restarted: the same hosts and the same workers.
        self.assertEqual({m: tf.host_pid(m) for m in MODULES}, pids)
        self.assertEqual({m: tf.workers_of(pids[m]) for m in MODULES}, workers)

    def partner_convention(self, c):
        page = c.get("/habilitations/conventions")
        self.assertEqual(page.status, 200, page.text[:300])
        return re.search(r"/habilitations/convention/(\d+)/utilisateurs", page.text).group(1)

    # --- a worker killed --------------------------------------------------------------

    def test_worker_sigkill_under_load__respawned__at_most_its_request_lost(self):
        m = "declarations" if "declarations" in MODULES else "auth"
        pid = tf.host_pid(m)
        before = tf.workers_of(pid)
        victim = min(before)
        with self.load(PAGES[m][:1] * 3 + all_pages()) as load:
            time.sleep(1)
            os.kill(victim, signal.SIGKILL)
            respawned = tf.wait_until(lambda: len(tf.workers_of(pid)) == len(before)
                                      and victim not in tf.workers_of(pid), 10)
            time.sleep(1)
        report(load, "SIGKILL of a %s worker" % m)
        self.assertTrue(respawned, "the killed worker was not replaced")
        self.assertLessEqual(len(load.failures), 1, load.failures)
        for f in load.failures:
            self.assertTrue(f.startswith(tf.PREFIX[m] + "/"), "another module failed: " + f)
        self.assertGreater(load.count, 20)
        tail = [s for t, p, s in load.log[-10:]]
        self.assertEqual(set(tail), {200})

    # --- scale-out ----------------------------------------------------------------------

    def test_scale_out__two_hosts__one_killed_under_load__no_failed_get(self):
        m = "declarations" if "declarations" in MODULES else "auth"
        second = m + "-2"
        log2 = os.path.join(tf.VAR, "log", second + ".log")
        try:
            out = tf.portalctl("scale", m, "2")
            self.assertIn("%s started" % second, out)
            self.assertRegex(tf.portalctl("status", m), r"(?m)^%s +running .*\n%s +running" % (m, second))
            pid2 = tf.host_pid(second)
            served = lambda: sum(1 for line in open(log2) if " status=200 " in line)  # noqa: E731
            with self.load(PAGES[m] * 3 + all_pages(), threads=6) as load:
                # Both hosts serve: nginx's upstream spreads the requests.
                self.assertTrue(tf.wait_until(lambda: served() >= 10, 15),
                                "the second host served nothing")
                os.killpg(pid2, signal.SIGKILL)   # the host and its workers
                time.sleep(4)
            self.assertFalse(tf.alive(pid2))
            self.assertNoFailure(load, "scale-out, %s killed" % second)
            self.assertTrue(tf.alive(tf.host_pid(m)))
        finally:
            tf.portalctl("scale", m, "1")
        self.assertNotIn(second, tf.portalctl("status", m))
        self.assertFalse(os.path.exists(os.path.join(tf.VAR, "pids", second + ".pid")))
        self.assertEqual(Client(tf.URL).get(PAGES[m][1]).status, 200)


if __name__ == "__main__":
    unittest.main(verbosity=2)
