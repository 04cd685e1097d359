#!/usr/bin/env python3
"""A synthetic national dataset for the statistics benchmark (issue 6).

About 13,000 EAJE over the 101 departments, 1,000 RAM and 30,000 ALSH, each
with FIVE fiscal years of validated actual declarations and the values the
declaration forms hold (sql/301_form_fields.sql codes): ~4 million
declaration_value rows. A few declarations of the last year are still
"transmitted" (not validated), as in real life, so the statistics must skip
them.

It writes tab-separated files and loads them with LOAD DATA LOCAL INFILE
through the mariadb client into an already migrated database (the bench
instance): one Caf per department (an existing Caf of that department, such
as the demo's 781 and 121, is reused), partners with their convention,
facilities, declarations and values. Its ids start at --id-base so demo rows
are untouched; --replace first deletes what an earlier run loaded.

Deterministic for a given --seed. Python 3 standard library only.

  tests/bench/gen_national_dataset.py --database portail_bench \\
      --client-args "--socket=var/mariadb.sock -uroot" [--first-year 2021]
  tests/bench/gen_national_dataset.py --client scripts/portalctl \\
      --client-args "--instance bench sql" --database ""      # a portalctl instance
  tests/bench/gen_national_dataset.py --out DIR --no-load   # files only
"""
import argparse
import os
import random
import shlex
import subprocess
import sys
import tempfile

DEPARTMENTS = ["%02d" % d for d in range(1, 96) if d != 20] + ["2A", "2B", "971", "972", "973",
                                                                 "974", "976"]
assert len(DEPARTMENTS) == 101


def caf_code(dept):
    return dept if len(dept) == 3 else dept + "1"


class Values:
    """declaration_value rows of one declaration, in the forms' scales."""

    def __init__(self, out, decl_id, at):
        self.out, self.decl_id, self.at = out, decl_id, at

    def put(self, code, v):
        self.out.write("%d\t%s\t%d\t\\N\t%d\n" % (self.decl_id, code, v, self.at))


def ledger(val, rnd, charges, family_pct, ps_pct):
    """Charges split over the accounts, products balancing them (cents)."""
    parts = {"ch_purchases": 10, "ch_external": 8, "ch_other_external": 4, "ch_taxes": 2,
             "ch_depreciation": 4}
    used = 0
    for code, pct in parts.items():
        v = charges * (pct + rnd.randint(-1, 1)) // 100
        val.put(code, v)
        used += v
    val.put("ch_staff", charges - used)
    val.put("total_charges", charges)
    family = charges * family_pct // 100
    ps = charges * ps_pct // 100
    other = charges * rnd.randint(1, 6) // 100
    municipality = charges - family - ps - other
    if family:
        val.put("pr_family", family)
    val.put("pr_ps_caf", ps)
    val.put("pr_municipality", municipality)
    val.put("pr_other", other)
    val.put("total_products", charges)


def eaje_values(val, rnd, f, year):
    places, days, daily = f["places"], f["days"], f["daily"]
    capacity = places * days * daily  # hundredths of hours
    occupancy = min(0.98, max(0.35, rnd.gauss(f["occ"], 0.04)))
    performed = int(capacity * occupancy) // 100 * 100
    invoiced = int(performed * rnd.uniform(1.0, 1.12)) // 100 * 100
    val.put("places", places)
    val.put("opening_days", days)
    val.put("opening_hours_per_day", daily)
    val.put("hours_performed", performed)
    val.put("hours_invoiced", invoiced)
    val.put("children_registered", places * 2 + rnd.randint(0, 10))
    val.put("nappies_provided", 1)
    val.put("meals_provided", 1 if rnd.random() < 0.8 else 0)
    hourly = f["cost"] * (1 + 0.02 * (year - 2020)) * rnd.uniform(0.95, 1.05)
    charges = int(performed / 100 * hourly * 100)
    ledger(val, rnd, charges, rnd.randint(11, 18), rnd.randint(35, 50))


def alsh_values(val, rnd, f, year):
    total = int(f["hc"] * rnd.uniform(0.9, 1.1)) * 100
    school = total * 60 // 100
    wednesday = total * 15 // 100
    val.put("opening_days", f["days"])
    val.put("hours_children_school", school)
    val.put("hours_children_wednesday", wednesday)
    val.put("hours_children_holidays", total - school - wednesday)
    val.put("hours_children_total", total)
    val.put("children_registered", f["children"])
    hourly = f["cost"] * (1 + 0.02 * (year - 2020))
    ledger(val, rnd, int(total / 100 * hourly * 100), rnd.randint(15, 30), rnd.randint(15, 25))


def ram_values(val, rnd, f, year):
    val.put("etp_worked", f["etp"])
    val.put("months_open", 12)
    val.put("months_presence", 12 if rnd.random() < 0.85 else rnd.randint(8, 11))
    val.put("mission_mon_enfant", 1)
    val.put("activity_places", rnd.randint(0, 4))
    charges = int(f["etp"] / 100 * rnd.uniform(45000, 60000) * (1 + 0.02 * (year - 2020)) * 100)
    ledger(val, rnd, charges, 0, rnd.randint(30, 45))


def generate(out_dir, args):
    rnd = random.Random(args.seed)
    base = args.id_base
    years = list(range(args.first_year, args.first_year + args.years))
    at = 1_700_000_000
    files = {n: open(os.path.join(out_dir, n + ".tsv"), "w", encoding="utf-8")
             for n in ("partner", "convention", "facility", "declaration", "value")}
    counts = {"EAJE": args.eaje, "RAM": args.ram, "ALSH": args.alsh}
    facility_id = base
    partner_id = base
    decl_id = base
    n_values = 0
    for kind in ("EAJE", "RAM", "ALSH"):
        for i in range(counts[kind]):
            # a partner runs 1 to 5 facilities of one department
            if i == 0 or rnd.random() < 0.35:
                partner_id += 1
                dept = rnd.choice(DEPARTMENTS)
                files["partner"].write("%d\t%s\t%s\tGestionnaire %s %d\t%d\n" % (
                    partner_id, caf_code(dept), "COMMUNE" if rnd.random() < 0.6 else "ASSOCIATION",
                    kind, partner_id, at))
                files["convention"].write("%d\t%s\t%d\tConvention AFAS %d\t2015-01-01\t%d\n" % (
                    partner_id, caf_code(dept), partner_id, partner_id, at))
            facility_id += 1
            f = {"days": rnd.randint(200, 240), "daily": rnd.choice([1000, 1050, 1100, 1150, 1200]),
                 "places": rnd.choice([10, 12, 15, 20, 24, 30, 40, 60]),
                 "occ": rnd.uniform(0.6, 0.85), "cost": rnd.uniform(9.5, 14.0)}
            care, nature = "\\N", "\\N"
            if kind == "EAJE":
                care = rnd.choice(["collectif"] * 8 + ["familial", "parental"])
                places = str(f["places"])
            else:
                places = "\\N"
            if kind == "ALSH":
                nature = rnd.choice(["periscolaire", "periscolaire", "extrascolaire", "adolescents"])
                f.update(days=140 if nature == "periscolaire" else 100,
                         hc=rnd.randint(8000, 80000), children=rnd.randint(30, 300),
                         cost=rnd.uniform(3.5, 6.0))
            if kind == "RAM":
                f["etp"] = rnd.choice([50, 80, 100, 150, 200])
            files["facility"].write(
                "%d\t%d\t%s\t%d\tBENCH-%s-%d\t%s\t%s\t%s\t%s %d\t%s\t%s\t%s\t2010-01-01\t%d\n" % (
                    facility_id, partner_id, caf_code(dept), partner_id, kind, facility_id, kind,
                    nature, care, kind, facility_id, "Commune %d" % (facility_id % 5000),
                    dept, places, at))
            for y in years:
                decl_id += 1
                state = "validated"
                if y == years[-1] and rnd.random() < 0.02:
                    state = "transmitted"
                files["declaration"].write("%d\t%d\t%d\tactual\t1\t%s\t%d\t%d\t%s\n" % (
                    decl_id, facility_id, y, state, at, at,
                    at if state == "validated" else "\\N"))
                val = Values(files["value"], decl_id, at)
                {"EAJE": eaje_values, "RAM": ram_values, "ALSH": alsh_values}[kind](val, rnd, f, y)
    for fh in files.values():
        fh.close()
    return facility_id - base, decl_id - base


LOAD_SQL = r"""
SET foreign_key_checks = 0;
SET unique_checks = 0;
INSERT IGNORE INTO partner_type (code, label) VALUES ('COMMUNE', 'Commune'),
	('ASSOCIATION', 'Association');
{cafs}
CREATE TEMPORARY TABLE gen_partner (id INT UNSIGNED, caf CHAR(3), ptype VARCHAR(20),
	name VARCHAR(160), at BIGINT);
LOAD DATA LOCAL INFILE '{dir}/partner.tsv' INTO TABLE gen_partner CHARACTER SET utf8mb4;
INSERT INTO partner (id, caf_id, type_id, name, created_at)
	SELECT g.id, c.id, t.id, g.name, g.at FROM gen_partner g
	JOIN caf c ON c.code = g.caf JOIN partner_type t ON t.code = g.ptype;
CREATE TEMPORARY TABLE gen_convention (id INT UNSIGNED, caf CHAR(3), partner_id INT UNSIGNED,
	label VARCHAR(160), opened_on DATE, at BIGINT);
LOAD DATA LOCAL INFILE '{dir}/convention.tsv' INTO TABLE gen_convention CHARACTER SET utf8mb4;
INSERT INTO convention (id, caf_id, partner_id, label, opened_on, status, validated_on, created_at)
	SELECT g.id, c.id, g.partner_id, g.label, g.opened_on, 'open', g.opened_on, g.at
	FROM gen_convention g JOIN caf c ON c.code = g.caf;
CREATE TEMPORARY TABLE gen_facility (id INT UNSIGNED, partner_id INT UNSIGNED, caf CHAR(3),
	convention_id INT UNSIGNED, code VARCHAR(20), kind VARCHAR(4), nature VARCHAR(20) NULL,
	care_type VARCHAR(20) NULL, name VARCHAR(160), city VARCHAR(100), department VARCHAR(3),
	places SMALLINT UNSIGNED NULL, opened_on DATE, at BIGINT);
LOAD DATA LOCAL INFILE '{dir}/facility.tsv' INTO TABLE gen_facility CHARACTER SET utf8mb4;
INSERT INTO facility (id, partner_id, caf_id, convention_id, code, kind, nature, care_type, name,
	city, department, places, opened_on, created_at)
	SELECT g.id, g.partner_id, c.id, g.convention_id, g.code, g.kind, g.nature, g.care_type, g.name,
	g.city, g.department, g.places, g.opened_on, g.at FROM gen_facility g JOIN caf c ON c.code = g.caf;
LOAD DATA LOCAL INFILE '{dir}/declaration.tsv' INTO TABLE declaration CHARACTER SET utf8mb4
	(id, facility_id, fiscal_year, type, version, state, created_at, transmitted_at, validated_at);
LOAD DATA LOCAL INFILE '{dir}/value.tsv' INTO TABLE declaration_value CHARACTER SET utf8mb4
	(declaration_id, field_code, value_scaled, value_text, updated_at);
SET unique_checks = 1;
SET foreign_key_checks = 1;
ANALYZE TABLE facility, declaration, declaration_value;
"""

DELETE_SQL = """
DELETE FROM declaration_value WHERE declaration_id > {base};
DELETE FROM declaration WHERE id > {base};
DELETE FROM facility WHERE id > {base};
DELETE FROM convention WHERE id > {base};
DELETE FROM partner WHERE id > {base};
"""


def caf_sql():
    rows = []
    for d in DEPARTMENTS:
        rows.append("('%s', 'Caf du département %s', '%s', 'caf%s@example.fr')" % (
            caf_code(d), d, d, d.lower()))
    # an existing Caf (code unique) is kept as it is
    return ("INSERT IGNORE INTO caf (code, name, department, contact_email) VALUES\n\t" +
            ",\n\t".join(rows) + ";")


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--database", default="portail_bench")
    p.add_argument("--client", default="mariadb", help="the mariadb client program")
    p.add_argument("--client-args", default="", help="e.g. \"--socket=var/mariadb.sock -uroot\"")
    p.add_argument("--eaje", type=int, default=13000)
    p.add_argument("--ram", type=int, default=1000)
    p.add_argument("--alsh", type=int, default=30000)
    p.add_argument("--first-year", type=int, default=2021)
    p.add_argument("--years", type=int, default=5)
    p.add_argument("--seed", type=int, default=6)
    p.add_argument("--id-base", type=int, default=10_000_000,
                   help="generated ids are above it (demo rows stay below)")
    p.add_argument("--replace", action="store_true", help="delete a previous run's rows first")
    p.add_argument("--out", help="keep the generated files in this folder")
    p.add_argument("--no-load", action="store_true", help="only write the files")
    args = p.parse_args()

    out_dir = args.out or tempfile.mkdtemp(prefix="portail-bench-")
    os.makedirs(out_dir, exist_ok=True)
    nfac, ndecl = generate(out_dir, args)
    with open(os.path.join(out_dir, "load.sql"), "w", encoding="utf-8") as f:
        if args.replace:
            f.write(DELETE_SQL.format(base=args.id_base))
        f.write(LOAD_SQL.format(dir=os.path.abspath(out_dir), cafs=caf_sql()))
    print("generated %d facilities, %d declarations in %s" % (nfac, ndecl, out_dir))
    if args.no_load:
        return 0
    cmd = [args.client] + shlex.split(args.client_args) + ["--local-infile=1"]
    if args.database:  # empty when the client names it (portalctl sql)
        cmd.append(args.database)
    with open(os.path.join(out_dir, "load.sql"), encoding="utf-8") as f:
        r = subprocess.run(cmd, stdin=f)
    if r.returncode != 0:
        print("loading failed (%s)" % " ".join(cmd), file=sys.stderr)
        return 1
    if not args.out:
        for n in os.listdir(out_dir):
            os.unlink(os.path.join(out_dir, n))
        os.rmdir(out_dir)
    print("loaded into %s" % args.database)
    return 0


if __name__ == "__main__":
    sys.exit(main())
