"""A small HTTP client for the integration tests: a cookie jar, GET and
form POST, the CSRF token read from the last page's
<input name="csrf" value="...">, and no redirect following unless asked.

    from lib.client import Client
    c = Client()                      # PORTAIL_URL or http://127.0.0.1:8080
    r = c.get("/auth/connexion")
    r = c.post("/auth/connexion", {"email": e, "password": p})  # csrf added
    assert r.status == 303 and r.location == "/declarations/"
"""
import html
import http.client
import os
import re
import urllib.parse

BASE_URL = os.environ.get("PORTAIL_URL", "http://127.0.0.1:8080")

_CSRF_RES = (
    re.compile(r'<input\b[^>]*\bname="csrf"[^>]*\bvalue="([^"]*)"'),
    re.compile(r'<input\b[^>]*\bvalue="([^"]*)"[^>]*\bname="csrf"'),
)


class Response:
    """status, reason, headers (lower-case names -> list), body (bytes)."""

    def __init__(self, status, reason, headers, body):
        self.status = status
        self.reason = reason
        self.headers = headers
        self.body = body

    def header(self, name, default=None):
        values = self.headers.get(name.lower())
        return values[-1] if values else default

    @property
    def text(self):
        return self.body.decode("utf-8", errors="replace")

    @property
    def location(self):
        """The Location header as a path (scheme and host dropped)."""
        loc = self.header("location")
        if loc is None:
            return None
        u = urllib.parse.urlsplit(loc)
        return u.path + ("?" + u.query if u.query else "")

    @property
    def content_type(self):
        return (self.header("content-type") or "").split(";")[0].strip()

    def __repr__(self):
        return "<Response %d %s>" % (self.status, self.header("location") or "")


def csrf_from(page):
    for rx in _CSRF_RES:
        m = rx.search(page)
        if m:
            return html.unescape(m.group(1))
    return None


class Client:
    """One browser: cookies kept between requests, one connection per request
    (so a reloaded or killed worker never leaves a stale kept-alive socket)."""

    def __init__(self, base_url=None, timeout=30):
        u = urllib.parse.urlsplit(base_url or BASE_URL)
        self.host = u.hostname
        self.port = u.port or 80
        self.timeout = timeout
        self.cookies = {}
        self.csrf = None
        self.last = None

    def cookie_header(self):
        return "; ".join("%s=%s" % kv for kv in self.cookies.items())

    def _store_cookies(self, headers):
        for line in headers.get("set-cookie", []):
            pair = line.split(";", 1)[0]
            if "=" not in pair:
                continue
            name, value = pair.split("=", 1)
            name = name.strip()
            attrs = line.lower()
            if value == "" or "max-age=0" in attrs or "expires=thu, 01 jan 1970" in attrs:
                self.cookies.pop(name, None)
            else:
                self.cookies[name] = value

    def request(self, method, path, body=None, headers=None, follow=False):
        """Sends one request; body is bytes or str. With follow=True, 30x
        answers are followed (GET) up to 10 times."""
        for _ in range(11):
            h = {"Host": "%s:%d" % (self.host, self.port), "Connection": "close"}
            if self.cookies:
                h["Cookie"] = self.cookie_header()
            if headers:
                h.update(headers)
            if isinstance(body, str):
                body = body.encode("utf-8")
            conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
            try:
                conn.request(method, path, body=body, headers=h)
                r = conn.getresponse()
                hdrs = {}
                for k, v in r.getheaders():
                    hdrs.setdefault(k.lower(), []).append(v)
                resp = Response(r.status, r.reason, hdrs, r.read())
            finally:
                conn.close()
            self._store_cookies(resp.headers)
            if resp.content_type == "text/html":
                token = csrf_from(resp.text)
                if token:
                    self.csrf = token
            self.last = resp
            if follow and resp.status in (301, 302, 303, 307, 308) and resp.location:
                method, path, body, headers = "GET", resp.location, None, None
                continue
            return resp
        raise AssertionError("too many redirects")

    def get(self, path, **kw):
        return self.request("GET", path, **kw)

    def post(self, path, fields=None, csrf=True, raw=None, **kw):
        """A form POST. The CSRF token of the last page is added unless
        csrf=False or fields already has one; raw sends the body as is."""
        if raw is None:
            items = list((fields or {}).items())
            if csrf and self.csrf and not any(k == "csrf" for k, _ in items):
                items.insert(0, ("csrf", self.csrf))
            raw = urllib.parse.urlencode(items)
        h = {"Content-Type": "application/x-www-form-urlencoded"}
        h.update(kw.pop("headers", None) or {})
        return self.request("POST", path, body=raw, headers=h, **kw)
