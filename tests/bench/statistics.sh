#!/bin/sh
# Statistics benchmark (issue 6) on a running stack (portalctl instance):
#  1. loads the synthetic national dataset once (tests/bench/
#     gen_national_dataset.py: ~13,000 EAJE over 101 departments, 1,000 RAM,
#     30,000 ALSH, five years of validated actuals) unless it is there;
#  2. times the publication of one year (portal-admin stats publish --year N,
#     or the Caf administrator's POST /statistiques/publier when the CLI
#     does not offer it yet); aim: under 10 s;
#  3. p50/p99 of a facility's statistics page and of the search at 32
#     connections with wrk (the bench runner compares them with the FastCGI
#     hello world through the same nginx; aim: p99 under 20 ms and at least
#     0.3 times its throughput).
#
# Usage: tests/bench/statistics.sh [SECONDS] [CONNECTIONS]
# Environment: PORTAIL_URL (default http://127.0.0.1:8080), PORTAIL_INSTANCE
# (default run), STATS_YEAR (default 2025, the last generated year).
# Needs wrk, python3 and the demo accounts (sql/demo/LOGINS.txt).
set -eu
DURATION=${1:-10}
CONNS=${2:-32}
URL=${PORTAIL_URL:-http://127.0.0.1:8080}
INSTANCE=${PORTAIL_INSTANCE:-run}
YEAR=${STATS_YEAR:-2025}
HERE=$(cd "$(dirname "$0")" && pwd)
TOP=$(cd "$HERE/../.." && pwd)
CTL="$TOP/scripts/portalctl --instance $INSTANCE"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT INT TERM

command -v wrk >/dev/null || { echo "wrk is missing (apt-get install wrk)" >&2; exit 1; }

# 1. the dataset (ids above 10,000,000 are the generator's)
n=$($CTL sql -N -e "SELECT COUNT(*) FROM facility WHERE id > 10000000")
if [ "$n" -lt 40000 ]; then
	echo "== loading the synthetic national dataset (once)"
	python3 "$HERE/gen_national_dataset.py" --replace --first-year $((YEAR - 4)) \
		--client "$TOP/scripts/portalctl" --client-args "--instance $INSTANCE sql" --database ""
fi
$CTL sql -N -e "SELECT kind, COUNT(*) FROM facility GROUP BY kind;
	SELECT COUNT(*) AS validated_actuals FROM declaration
	WHERE type = 'actual' AND state = 'validated' AND fiscal_year = $YEAR" | sed 's/^/   /'

# 2. publication of one year
echo "== stats publish --year $YEAR"
start=$(date +%s%N)
if $CTL admin stats publish --year "$YEAR" >"$TMP/cli.out" 2>&1; then
	end=$(date +%s%N)
	echo "   portal-admin stats publish: $(( (end - start) / 1000000 )) ms"
else
	echo "   (portal-admin has no 'stats publish' yet: timing the web publication)"
	HERE="$HERE" YEAR="$YEAR" python3 - <<'PY'
import os, sys, time
sys.path.insert(0, os.path.join(os.environ["HERE"], "..", "integration"))
import test_declarations as td
b = td.signed_in(("sophie.marchand@example.fr", "Grenade-vive31"))
b.get("/statistiques/publier")
t = time.monotonic()
r = b.post("/statistiques/publier", {"exercice": os.environ["YEAR"]})
dt = time.monotonic() - t
assert r.status == 303, r.text[:300]
print("   POST /statistiques/publier: %.2f s" % dt)
PY
fi
$CTL sql -N -e "SELECT COUNT(*), SUM(mean_scaled IS NOT NULL) FROM reference_average
	WHERE fiscal_year = $YEAR" | sed 's/^/   reference_average rows, with a mean: /'

# 3. the statistics page of the demo's P'tits Loups (department 78, among
# ~130 generated EAJE of the department) and the search
HERE="$HERE" python3 - "$TMP/setup" <<'PY'
import os, re, sys
sys.path.insert(0, os.path.join(os.environ["HERE"], "..", "integration"))
import test_declarations as td
b = td.signed_in(td.LEBRUN)
page = b.get("/statistiques/")
fid = int(re.search(r'href="/statistiques/equipement/(\d+)', page.text).group(1))
name, value = b.session_cookie()
with open(sys.argv[1], "w") as f:
    f.write("COOKIE='%s=%s'\nFID=%d\n" % (name, value, fid))
PY
. "$TMP/setup"

run() {
	echo "== $1"
	shift
	wrk -t2 -c"$CONNS" -d"${DURATION}s" --latency "$@"
	echo
}
run "statistics page GET /statistiques/equipement/$FID?exercice=$YEAR" -H "Cookie: $COOKIE" \
	"$URL/statistiques/equipement/$FID?exercice=$YEAR"
run "statistics page, financial tab" -H "Cookie: $COOKIE" \
	"$URL/statistiques/equipement/$FID?exercice=$YEAR&onglet=financier"
run "search GET /statistiques/?exercice=$YEAR" -H "Cookie: $COOKIE" \
	"$URL/statistiques/?exercice=$YEAR"
