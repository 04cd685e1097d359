#!/usr/bin/env python3
"""Structural checks on one HTML page rendered by the portal's stylesheets.

Usage: html_check.py PAGE.html [EXPECT]
EXPECT holds one string per line that the page must contain; a line starting
with "!" is a string it must not contain; blank lines and lines starting with
"#" are ignored. Prints every failure and exits 1 if there is any.
"""
import re
import sys
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
        "meta", "source", "track", "wbr"}
LABELLABLE = {"input", "select", "textarea"}


class Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements = []      # (tag, attrs dict)
        self.ids = []
        self.label_for = set()
        self.h1 = 0
        self.title = ""
        self.in_title = False
        self.in_svg = 0         # an SVG <title> names a chart, not the page
        self.script_text = []
        self.in_script = False
        self.style_elements = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.elements.append((tag, a))
        if "id" in a:
            self.ids.append(a["id"])
        if tag == "label" and "for" in a:
            self.label_for.add(a["for"])
        if tag == "h1":
            self.h1 += 1
        if tag == "svg":
            self.in_svg += 1
        if tag == "title" and not self.in_svg:
            self.in_title = True
        if tag == "script":
            self.in_script = True
        if tag == "style":
            self.style_elements += 1

    def handle_endtag(self, tag):
        if tag == "svg" and self.in_svg:
            self.in_svg -= 1
        if tag == "title":
            self.in_title = False
        if tag == "script":
            self.in_script = False

    def handle_data(self, data):
        if self.in_title:
            self.title += data
        if self.in_script:
            self.script_text.append(data)


def check(path, expect_path=None):
    text = open(path, encoding="utf-8").read()
    p = Page()
    p.feed(text)
    fail = []

    if not re.match(r"<!DOCTYPE html", text, re.I):
        fail.append("no HTML5 doctype at the start")
    html = [a for t, a in p.elements if t == "html"]
    if not html or html[0].get("lang") != "fr":
        fail.append('<html lang="fr"> missing')
    if p.h1 != 1:
        fail.append("%d h1 elements, want exactly 1" % p.h1)
    title = " ".join(p.title.split())
    if not (title == "Portail partenaires" or title.endswith(" — Portail partenaires")):
        fail.append("title %r does not end with ' — Portail partenaires'" % title)
    if not any(t == "main" and a.get("id") == "contenu" for t, a in p.elements):
        fail.append("no <main id=contenu>")
    if not any(t == "a" and a.get("href") == "#contenu" for t, a in p.elements):
        fail.append("no skip link to #contenu")

    # Content-Security-Policy: nothing inline.
    if p.style_elements:
        fail.append("inline <style> element")
    if "".join(p.script_text).strip():
        fail.append("inline script body")
    for t, a in p.elements:
        if "style" in a:
            fail.append("style attribute on <%s>" % t)
        for k in a:
            if k.startswith("on"):
                fail.append("event handler attribute %s on <%s>" % (k, t))
        if t == "script" and "src" not in a:
            fail.append("<script> without src")
        for k in ("href", "src", "action"):
            if (a.get(k) or "").strip().lower().startswith("javascript:"):
                fail.append("javascript: URL in %s" % k)

    # Ids unique, references resolve.
    seen = set()
    for i in p.ids:
        if i in seen:
            fail.append("duplicate id %r" % i)
        seen.add(i)
    for t, a in p.elements:
        for k in ("aria-describedby", "aria-labelledby", "aria-controls"):
            for ref in (a.get(k) or "").split():
                if ref not in seen:
                    fail.append("%s=%r on <%s> points at no id" % (k, ref, t))
        if t == "label" and a.get("for") and a["for"] not in seen:
            fail.append("label for=%r points at no id" % a["for"])
        href = a.get("href") or ""
        if t == "a" and href.startswith("#") and len(href) > 1 and href[1:] not in seen:
            fail.append("link %r points at no id" % href)

    # Every form control has a label.
    for t, a in p.elements:
        if t not in LABELLABLE or a.get("type") in ("hidden", "submit", "button"):
            continue
        if a.get("aria-label") or a.get("aria-labelledby"):
            continue
        if not a.get("id") or a["id"] not in p.label_for:
            fail.append("<%s name=%r> has no label" % (t, a.get("name")))
        if t == "input" and a.get("type") == "password" and "value" in a:
            fail.append("password input %r is prefilled" % a.get("name"))

    # POST forms carry the CSRF token.
    for m in re.finditer(r"<form\b[^>]*>.*?</form>", text, re.S | re.I):
        form = m.group(0)
        if re.search(r'method="post"', form, re.I) and \
                not re.search(r'<input type="hidden" name="csrf" value="[^"]+"', form):
            fail.append("POST form without a csrf input")

    if expect_path:
        for line in open(expect_path, encoding="utf-8"):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            if line.startswith("!"):
                if line[1:] in text:
                    fail.append("must not contain: %s" % line[1:])
            elif line not in text:
                fail.append("missing: %s" % line)

    for f in fail:
        print("%s: %s" % (path, f))
    return not fail


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    sys.exit(0 if check(*sys.argv[1:]) else 1)
