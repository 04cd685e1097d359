#!/usr/bin/env python3
"""Login cost and isolation, on a running stack (make run).

1. The time of one login: the POST /auth/connexion of a right password,
   which runs two argon2id verifications (the account's hash and the
   temporary-password slot, always both so that timing says nothing),
   median and p95 over N logins.
2. A burst of logins does not slow the other modules: the latency of a page
   of the declarations module (served by other processes) alone, then while
   C threads log in without pause.

Environment as tests/integration/test_auth.py (PORTAIL_URL, PORTAIL_CONF,
PORTAIL_BIN, PORTAIL_CAF). Usage: tests/bench/login.py [N] [C] [SECONDS]
"""
import os
import statistics
import sys
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "integration"))
import test_auth as t  # noqa: E402

N = int(sys.argv[1]) if len(sys.argv) > 1 else 30
C = int(sys.argv[2]) if len(sys.argv) > 2 else 8
SECONDS = float(sys.argv[3]) if len(sys.argv) > 3 else 5.0
OTHER_PAGE = os.environ.get("PORTAIL_BENCH_PAGE", "/declarations/")


def ms(xs):
    xs = sorted(xs)
    return "median %.1f ms, p95 %.1f ms (n=%d)" % (
        statistics.median(xs) * 1e3, xs[int(0.95 * (len(xs) - 1))] * 1e3, len(xs))


def one_login(email):
    b = t.Browser()
    b.get("/auth/connexion")
    t0 = time.perf_counter()
    r = b.post("/auth/connexion", {"email": email, "password": "Tilleul-vert42"})
    dt = time.perf_counter() - t0
    if r.status != 303:
        raise SystemExit("login failed: %d" % r.status)
    return dt


def page_latencies(b, seconds):
    out = []
    end = time.time() + seconds
    while time.time() < end:
        t0 = time.perf_counter()
        r = b.get(OTHER_PAGE)
        out.append(time.perf_counter() - t0)
        if r.status >= 500:
            raise SystemExit("%s answered %d" % (OTHER_PAGE, r.status))
    return out


def main():
    t.set_clock_offset(0)
    email = t.new_account()
    print("one login (POST, 2 x argon2id):", ms([one_login(email) for _ in range(N)]))

    reader = t.Browser()
    reader.login(t.new_account(), "Tilleul-vert42")
    alone = page_latencies(reader, SECONDS)
    print("%s alone:" % OTHER_PAGE, ms(alone))

    stop = threading.Event()
    done = [0]
    accounts = [t.new_account() for _ in range(C)]

    def burst(addr):
        while not stop.is_set():
            one_login(addr)
            done[0] += 1
    threads = [threading.Thread(target=burst, args=(a,)) for a in accounts]
    for th in threads:
        th.start()
    time.sleep(0.5)
    during = page_latencies(reader, SECONDS)
    stop.set()
    for th in threads:
        th.join()
    print("%s during %d parallel login loops (%d logins):" % (OTHER_PAGE, C, done[0]),
          ms(during))
    ratio = statistics.median(during) / statistics.median(alone)
    print("slowdown of the other module's median: x%.2f" % ratio)


if __name__ == "__main__":
    main()
