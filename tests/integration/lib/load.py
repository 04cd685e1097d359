"""A steady load for the tests that restart, reload, upgrade or kill parts of
the stack under requests: threads ask for PATHS in turn until stopped, and
every answer is counted, by group and by status, with its time."""
import collections
import threading
import time

from lib.client import Client


def server_error(status):
    """The default verdict: a socket error or a 5xx is a failure."""
    return not isinstance(status, int) or status >= 500


class Load:
    """with Load(url, paths) as load: ... — then load.count, load.failures
    ("path -> status"), load.statuses, load.by_group, load.since(t0).
    cookies: those of a signed-in client; failed(status): the verdict;
    group(path): how answers are counted (default: the first path segment)."""

    def __init__(self, url, paths, cookies=None, threads=4, failed=server_error, group=None):
        self.url = url
        self.paths = paths
        self.cookies = dict(cookies or {})
        self.threads = threads
        self.failed = failed
        self.group = group or (lambda path: path.split("/")[1])
        self.stop = threading.Event()
        self.lock = threading.Lock()
        self.count = 0
        self.by_group = collections.Counter()
        self.statuses = collections.Counter()
        self.failures = []
        self.log = []  # (monotonic time, path, status or error)

    def _run(self, k):
        c = Client(self.url, timeout=30)
        c.cookies = dict(self.cookies)
        i = k
        while not self.stop.is_set():
            path = self.paths[i % len(self.paths)]
            i += 1
            try:
                status = c.get(path).status
            except Exception as e:  # noqa: BLE001 — a socket error is a failure
                status = "error %r" % e
            with self.lock:
                self.count += 1
                self.by_group[self.group(path)] += 1
                self.statuses[status] += 1
                self.log.append((time.monotonic(), path, status))
                if self.failed(status):
                    self.failures.append("%s -> %s" % (path, status))

    def __enter__(self):
        self.ts = [threading.Thread(target=self._run, args=(k,), daemon=True)
                   for k in range(self.threads)]
        for t in self.ts:
            t.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        for t in self.ts:
            t.join(60)

    def since(self, t0):
        return [e for e in self.log if e[0] >= t0]
