#!/usr/bin/env python3
"""The foundation on a live stack (issue 2): the stack answers, DSFR assets
are served by nginx, French error pages for 400/404/413/503, security
headers, health routes, MariaDB stopped and restarted without restarting the
hosts, a SIGHUP reload under a request loop with zero failures, a worker
killed with SIGKILL survived.

Environment (tests/run-integration sets it):
  PORTAIL_URL       base URL of nginx (default http://127.0.0.1:8080)
  PORTAIL_VAR       the instance folder (default var/run): pids/MODULE.pid
  PORTAIL_INSTANCE  the instance name for scripts/portalctl (default run)
  PORTAIL_MODULES   folder of the built modules (default build/modules)

A test that needs a module skips only when that module is not built.
Python standard library only.
"""
import os
import socket
import subprocess
import sys
import time
import unittest
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from lib.client import Client  # noqa: E402
from lib.load import Load  # noqa: E402

ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
URL = os.environ.get("PORTAIL_URL", "http://127.0.0.1:8080")
INSTANCE = os.environ.get("PORTAIL_INSTANCE", "run")
VAR = os.environ.get("PORTAIL_VAR", os.path.join(ROOT, "var", INSTANCE))
MODULE_DIR = os.environ.get("PORTAIL_MODULES", os.path.join(ROOT, "build", "modules"))
PORTALCTL = os.path.join(ROOT, "scripts", "portalctl")
PREFIX = {"auth": "/auth", "habilitations": "/habilitations",
          "declarations": "/declarations", "statistics": "/statistiques"}
_u = urllib.parse.urlsplit(URL)
HOST, PORT = _u.hostname, _u.port or 80


def built(module):
    return os.path.exists(os.path.join(MODULE_DIR, module + ".so"))


def built_modules():
    return [m for m in PREFIX if built(m)]


def host_pid(module):
    with open(os.path.join(VAR, "pids", module + ".pid")) as f:
        return int(f.read().strip())


def alive(pid):
    try:
        with open("/proc/%d/stat" % pid) as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def workers_of(pid):
    """Live children of a host."""
    out = set()
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % d) as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if fields[0] != "Z" and int(fields[1]) == pid:
            out.add(int(d))
    return out


def portalctl(*args):
    p = subprocess.run([PORTALCTL, "--instance", INSTANCE] + list(args), cwd=ROOT,
                       capture_output=True, text=True, timeout=120)
    if p.returncode != 0:
        raise AssertionError("portalctl %s: %s%s" % (args, p.stdout, p.stderr))
    return p.stdout


def raw_request(data, timeout=30):
    """Sends bytes as they are (what http.client refuses to send) and returns
    (status, head, body)."""
    with socket.create_connection((HOST, PORT), timeout=timeout) as s:
        try:
            s.sendall(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # nginx may answer 413 and close before reading it all
        chunks = []
        while True:
            try:
                b = s.recv(65536)
            except ConnectionResetError:
                break
            if not b:
                break
            chunks.append(b)
    resp = b"".join(chunks)
    head, _, body = resp.partition(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1]) if head.startswith(b"HTTP/") else 0
    return status, head.decode("latin-1"), body.decode("utf-8", "replace")


def wait_until(predicate, seconds):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.1)
    return predicate()


class FoundationTest(unittest.TestCase):
    def need(self, module):
        self.assertTrue(built(module), "module %s is not built (make all)" % module)

    def assertFrenchPage(self, r, status, title):
        self.assertEqual(r.status, status, r.text[:300])
        self.assertEqual(r.content_type, "text/html")
        self.assertIn('lang="fr"', r.text)
        self.assertIn(title, r.text)

    # --- the stack answers ---------------------------------------------------

    def test_root__visitor__answers(self):
        self.need("auth")
        r = Client(URL).get("/")
        self.assertIn(r.status, (200, 303), r.text[:300])
        if r.status == 303:
            self.assertEqual(r.location, "/auth/connexion")

    def test_health__every_built_module__200(self):
        self.need("auth")
        for m in built_modules():
            r = Client(URL).get(PREFIX[m] + "/sante")
            self.assertEqual(r.status, 200, "%s: %s" % (m, r.text[:200]))

    def test_static_dsfr_css__served_by_nginx__200_text_css(self):
        r = Client(URL).get("/static/dsfr/dsfr.min.css")
        self.assertEqual(r.status, 200)
        self.assertEqual(r.content_type, "text/css")
        self.assertGreater(len(r.body), 10000)
        self.assertEqual(r.header("x-content-type-options"), "nosniff")

    def test_static__missing_asset__404(self):
        r = Client(URL).get("/static/dsfr/nexiste-pas.css")
        self.assertFrenchPage(r, 404, "Page non trouvée")

    # --- error pages -----------------------------------------------------------

    def test_unknown_path__outside_modules__french_404(self):
        r = Client(URL).get("/nexiste-pas")
        self.assertFrenchPage(r, 404, "Page non trouvée")

    def test_unknown_path__inside_module__french_404(self):
        self.need("auth")
        r = Client(URL).get("/auth/nexiste-pas")
        self.assertFrenchPage(r, 404, "Page non trouvée")

    def test_post__body_over_nginx_limit__french_413(self):
        body = b"x=" + b"a" * (2 * 1024 * 1024)
        status, head, text = raw_request(
            b"POST /auth/connexion HTTP/1.1\r\nHost: localhost\r\n"
            b"Content-Type: application/x-www-form-urlencoded\r\n"
            b"Content-Length: %d\r\nConnection: close\r\n\r\n" % len(body) + body)
        self.assertEqual(status, 413, head)
        self.assertIn("Envoi trop volumineux", text)

    def test_post__field_over_module_limit__french_413(self):
        self.need("auth")
        c = Client(URL)
        c.get("/auth/connexion")
        r = c.post("/auth/connexion", {"email": "a" * 70000, "password": "x"})
        self.assertFrenchPage(r, 413, "Envoi trop volumineux")

    def test_query__bad_percent_encoding__french_400(self):
        self.need("auth")
        for q in ("q=%ZZ", "q=%4", "q=%"):
            r = Client(URL).get("/auth/connexion?" + q)
            self.assertFrenchPage(r, 400, "Requête invalide")

    def test_query__invalid_utf8__french_400(self):
        self.need("auth")
        for q in ("q=%C3%28", "q=%FF", "q=%ED%A0%80", "q=%C0%AF", "q=a%00b"):
            r = Client(URL).get("/auth/connexion?" + q)
            self.assertFrenchPage(r, 400, "Requête invalide")

    def test_query__raw_invalid_utf8_bytes__french_400(self):
        self.need("auth")
        status, head, text = raw_request(
            b"GET /auth/connexion?q=\xff\xfe HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        self.assertEqual(status, 400, head)
        self.assertIn("Requête invalide", text)

    def test_form__invalid_utf8__french_400(self):
        self.need("auth")
        c = Client(URL)
        c.get("/auth/connexion")
        r = c.post("/auth/connexion", raw="csrf=%s&email=%%C3%%28&password=x" % c.csrf)
        self.assertFrenchPage(r, 400, "Requête invalide")

    # --- security headers ----------------------------------------------------------

    def assertSecurityHeaders(self, r):
        csp = r.header("content-security-policy") or ""
        self.assertIn("frame-ancestors 'none'", csp)
        self.assertIn("default-src", csp)
        self.assertNotIn("unsafe-inline", csp.split("script-src", 1)[-1].split(";")[0]
                         if "script-src" in csp else "")
        self.assertNotIn("unsafe-eval", csp)
        self.assertEqual(r.header("x-content-type-options"), "nosniff")
        self.assertIsNotNone(r.header("referrer-policy"))

    def test_security_headers__module_page(self):
        self.need("auth")
        self.assertSecurityHeaders(Client(URL).get("/auth/connexion"))

    def test_security_headers__module_error_page(self):
        self.need("auth")
        self.assertSecurityHeaders(Client(URL).get("/auth/nexiste-pas"))

    def test_security_headers__nginx_error_page(self):
        self.assertSecurityHeaders(Client(URL).get("/nexiste-pas"))

    # --- faults ------------------------------------------------------------------------

    def test_mariadb_stopped__pages_503__restarted__200_without_restarting_hosts(self):
        self.need("auth")
        pids = {m: host_pid(m) for m in built_modules()}
        self.assertEqual(Client(URL).get("/auth/connexion").status, 200)
        portalctl("db-stop")
        try:
            r = Client(URL).get("/auth/connexion")
            self.assertFrenchPage(r, 503, "Service momentanément indisponible")
            # Static assets do not depend on the database.
            self.assertEqual(Client(URL).get("/static/dsfr/dsfr.min.css").status, 200)
        finally:
            portalctl("db-start")
        ok = wait_until(lambda: Client(URL).get("/auth/connexion").status == 200, 20)
        self.assertTrue(ok, "the login page did not come back after MariaDB restarted")
        # Every worker reconnects: a run of requests all succeed.
        for _ in range(20):
            self.assertEqual(Client(URL).get("/auth/connexion").status, 200)
        self.assertEqual(pids, {m: host_pid(m) for m in built_modules()})
        for pid in pids.values():
            self.assertTrue(alive(pid))

    def test_sighup_reload__under_request_loop__zero_failures(self):
        self.need("auth")
        for m in built_modules():
            with self.subTest(module=m):
                pid = host_pid(m)
                before = workers_of(pid)
                self.assertTrue(before, "%s: no workers" % m)
                paths = [PREFIX[m] + "/sante", PREFIX[m] + "/", "/auth/connexion"]
                with Load(URL, paths) as loop:
                    time.sleep(0.5)
                    os.kill(pid, 1)  # SIGHUP
                    replaced = wait_until(lambda: workers_of(pid)
                                          and not (workers_of(pid) & before), 20)
                    time.sleep(0.5)
                print("  %s: %d requests during the reload, %d failed"
                      % (m, loop.count, len(loop.failures)))
                self.assertTrue(replaced, "%s: workers not replaced after SIGHUP" % m)
                self.assertTrue(alive(pid), "%s: the host died on SIGHUP" % m)
                self.assertGreater(loop.count, 20)
                self.assertEqual(loop.failures, [], "%s: %d of %d requests failed"
                                 % (m, len(loop.failures), loop.count))

    def test_portalctl_restart__under_request_loop__zero_failures(self):
        self.need("auth")
        old = host_pid("auth")
        with Load(URL, ["/auth/sante", "/auth/connexion"]) as loop:
            time.sleep(0.5)
            portalctl("restart", "auth")
            time.sleep(0.5)
        print("  auth: %d requests during the restart, %d failed"
              % (loop.count, len(loop.failures)))
        new = host_pid("auth")
        self.assertNotEqual(old, new)
        self.assertFalse(alive(old), "the old host is still running")
        self.assertTrue(alive(new))
        self.assertGreater(loop.count, 20)
        self.assertEqual(loop.failures[:5], [], "%d of %d requests failed"
                         % (len(loop.failures), loop.count))
        self.assertEqual(Client(URL).get("/auth/sante").status, 200)

    def test_portalctl_status__all_running__exit_0(self):
        p = subprocess.run([PORTALCTL, "--instance", INSTANCE, "status"], cwd=ROOT,
                           capture_output=True, text=True, timeout=60)
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        for m in built_modules():
            self.assertRegex(p.stdout, r"(?m)^%s +running +pid=\d+ +workers=[1-9]" % m)

    def test_workers__allocate_with_mimalloc(self):
        # A build that lost -lmimalloc (or an allocator preloaded in front of
        # it) still works, only slower: this is where it shows.
        for module in built_modules():
            with open(os.path.join(VAR, "log", module + ".log")) as f:
                starts = [l for l in f if " %s: " % module in l and " workers, allocator " in l]
            self.assertTrue(starts, "%s: no start line in its log" % module)
            self.assertRegex(starts[-1], r"allocator mimalloc \d+\.\d+\.\d+$")
            for pid in workers_of(host_pid(module)):
                with open("/proc/%d/maps" % pid) as f:
                    self.assertIn("libmimalloc.so", f.read(), "worker %d of %s" % (pid, module))

    def test_worker_sigkill__next_requests_succeed_and_worker_respawned(self):
        self.need("auth")
        pid = host_pid("auth")
        before = workers_of(pid)
        self.assertTrue(before)
        victim = min(before)
        os.kill(victim, 9)
        # Until it is scheduled to die, the victim may still take the next
        # connection off the socket (then that request is its in-flight one,
        # the case test_ops measures under load): the requests below start
        # once it is gone.
        self.assertTrue(wait_until(lambda: not alive(victim), 10), "SIGKILL did not end the worker")
        for _ in range(30):
            r = Client(URL).get("/auth/connexion")
            self.assertEqual(r.status, 200, r.text[:200])
        self.assertTrue(wait_until(lambda: len(workers_of(pid)) == len(before)
                                   and victim not in workers_of(pid), 10),
                        "the killed worker was not replaced")
        self.assertTrue(alive(pid))


if __name__ == "__main__":
    unittest.main(verbosity=2)
