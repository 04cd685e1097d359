#!/bin/sh
# Throughput and latency of the declarations module on a running stack
# (make run): the facility page (fiche 4), one rail step as GET, and the same
# step's POST answered by a redirect (the activity control, saved and passed),
# each at 32 connections with wrk. The bench runner compares these numbers
# with the FastCGI hello world measured through the same nginx.
#
# Usage: tests/bench/declarations.sh [SECONDS] [CONNECTIONS]
# Environment: PORTAIL_URL (default http://127.0.0.1:8080), PORTAIL_CONF.
# Needs wrk and python3; signs in as the demo account of Les P'tits Loups
# (all three roles) and opens a fresh declaration through the Caf's screen.
set -eu
DURATION=${1:-10}
CONNS=${2:-32}
URL=${PORTAIL_URL:-http://127.0.0.1:8080}
HERE=$(cd "$(dirname "$0")" && pwd)
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT INT TERM

command -v wrk >/dev/null || { echo "wrk is missing (apt-get install wrk)" >&2; exit 1; }

# Set-up in Python with the integration helpers: prints cookie, ids, csrf.
HERE="$HERE" python3 - "$TMP/setup" <<'PY'
import os, re, sys
sys.path.insert(0, os.path.join(os.environ.get("HERE", "tests/bench"), "..", "integration"))
sys.path.insert(0, "tests/integration")
import unittest
import test_declarations as td
t = td.DeclTest("run")
year, fid = t.open_campaign(td.PTITS_LOUPS, "forecast", "EAJE")
b = td.signed_in(td.LEBRUN)
decl = t.declaration_id(b, fid, year)
r = t.enter(b, decl, "activite", td.EAJE_ACTIVITY)
assert r.status == 303, r.text[:300]
name, value = b.session_cookie()
with open(sys.argv[1], "w") as f:
    f.write("COOKIE='%s=%s'\nFID=%d\nDECL=%d\nCSRF='%s'\n" % (name, value, fid, decl, b.csrf))
PY
. "$TMP/setup"

cat > "$TMP/post.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Cookie"] = "$COOKIE"
wrk.headers["Origin"] = "$URL"
wrk.body = "csrf=$CSRF&action=suivant"
done = function(summary, latency, requests)
  io.write(string.format("non-2xx/3xx: %d\n", summary.errors.status))
end
LUA

run() {
	echo "== $1"
	shift
	wrk -t2 -c"$CONNS" -d"${DURATION}s" --latency "$@"
	echo
}

run "facility page GET /declarations/equipement/$FID" -H "Cookie: $COOKIE" \
	"$URL/declarations/equipement/$FID"
run "rail step GET /declarations/declaration/$DECL/activite" -H "Cookie: $COOKIE" \
	"$URL/declarations/declaration/$DECL/activite"
run "rail step POST /declarations/declaration/$DECL/controle-activite (303)" \
	-s "$TMP/post.lua" "$URL/declarations/declaration/$DECL/controle-activite"
