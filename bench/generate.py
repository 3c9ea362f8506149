"""Write the benchmark's mixed-type table as CSV and Parquet.

    python bench/generate.py --rows 1000000 --out bench/data

writes ``mixed_1m.parquet`` and ``mixed_1m.csv``. All values come from DuckDB SQL over
``range()``; every random draw is a hash of the row number, the seed and a per-draw salt, a
pure function of the row, so the output does not depend on thread scheduling and the same
arguments give the same files (with the same DuckDB version). Nothing is held in Python, which keeps 10M rows well under 2 GB.
See bench/README.md for what each column holds.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import resource
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import duckdb

# Junk lands in JUNK_COLUMN on every JUNK_EVERY-th row, starting at row JUNK_FIRST: a handful
# per million rows, at positions a test can predict.
JUNK_COLUMN = "quantity"
JUNK_EVERY = 200_003
JUNK_FIRST = 1_234
JUNK_VALUES = ("??", "#VALUE!", "1O", "12..5", "approx. 40")


def _list(values: Sequence[str]) -> str:
    return "[" + ", ".join("'" + v.replace("'", "''") + "'" for v in values) + "]"


def _pick(values: Sequence[str], salt: str, skew: float = 1.0) -> str:
    """A value from ``values``; ``skew`` > 1 makes the first ones more frequent."""
    return f"{_list(values)}[1 + floor(pow(u(i, '{salt}'), {skew}) * {len(values)})::INTEGER]"


_SUBJECTS = (
    "The customer|Our driver|The parcel|A reviewer|The supplier|Support|The warehouse|A neighbour"
)
_VERBS = "asked about|complained about|praised|reported|confirmed|cancelled|delayed|returned"
_OBJECTS = (
    "the delivery|a missing item|the invoice|the new price|a damaged box|the refund"
    "|the tracking link|an extra discount"
)
_FIRST = "anna|ben|carla|dmitri|elif|femi|grace|hiro|ines|jonas|kavya|liam"
_LAST = "adams|baker|chen|diaz|evans|fischer|garcia|hughes|ito|jensen|kowalski|lopez"
_CITY_HEAD = (
    "Spring|River|Oak|Maple|Lake|Fair|Green|Ash|Clear|Red|Stone|Silver|Brook|Glen|Cedar|Mill"
    "|Pine|Rose|West|North"
)
_CITY_TAIL = "field|ton|ville|port|wood|dale|ford|burg|haven|view"

# (name, SQL expression over the row number i, share of rows left empty)
COLUMNS: list[tuple[str, str, float]] = [
    ("id", "i", 0.0),
    (
        "uuid",
        "substr(ha, 1, 8) || '-' || substr(ha, 9, 4) || '-4' || substr(ha, 14, 3) || '-'"
        " || ['8', '9', 'a', 'b'][1 + floor(u(i, 'uuid_v') * 4)::INTEGER]"
        " || substr(hb, 2, 3) || '-' || substr(hb, 5, 12)",
        0.02,
    ),
    # Normal around 50 (Box-Muller over two uniform draws).
    (
        "measurement",
        "round(50 + 12 * sqrt(-2 * ln(1 - u(i, 'm1'))) * cos(2 * pi() * u(i, 'm2')), 3)",
        0.03,
    ),
    (
        "quantity",
        "(1 + floor(pow(u(i, 'qty'), 3) * 500))::BIGINT::VARCHAR",
        0.02,
    ),
    (
        "category",
        _pick(["grocery", "apparel", "electronics", "home", "toys", "garden"], "cat", 1.7),
        0.02,
    ),
    (
        "city",
        _pick(_CITY_HEAD.split("|"), "city_h", 1.5)
        + " || "
        + _pick(_CITY_TAIL.split("|"), "city_t"),
        0.04,
    ),
    (
        "note",
        " || ' ' || ".join(
            _pick(words.split("|"), salt)
            for words, salt in ((_SUBJECTS, "n1"), (_VERBS, "n2"), (_OBJECTS, "n3"))
        )
        + " || CASE WHEN u(i, 'n4') < 0.3 THEN '. Will follow up next week.' ELSE '.' END",
        0.05,
    ),
    (
        "email",
        _pick(_FIRST.split("|"), "e1")
        + " || '.' || "
        + _pick(_LAST.split("|"), "e2")
        + " || (1 + floor(u(i, 'e3') * 999))::INTEGER::VARCHAR || '@' || "
        + _pick(["gmail.com", "yahoo.com", "outlook.com", "example.org", "mail.de"], "e4", 1.3),
        0.03,
    ),
    ("order_date", "DATE '2015-01-01' + floor(u(i, 'd_iso') * 3650)::INTEGER", 0.02),
    (
        "us_date",
        "strftime(DATE '2015-01-01' + floor(u(i, 'd_us') * 3650)::INTEGER, '%m/%d/%Y')",
        0.03,
    ),
    (
        "eu_date",
        "strftime(DATE '2015-01-01' + floor(u(i, 'd_eu') * 3650)::INTEGER, '%d.%m.%Y')",
        0.04,
    ),
    (
        "created_at",
        "TIMESTAMP '2020-01-01' + to_seconds(floor(u(i, 'ts') * 157680000)::BIGINT)",
        0.02,
    ),
    ("price", "'$' || format('{:,.2f}', exp(1 + 7.5 * u(i, 'price')))", 0.03),
    ("discount", "printf('%g%%', round(u(i, 'disc') * 80) / 2)", 0.05),
    ("is_member", "CASE WHEN u(i, 'member') < 0.35 THEN 'yes' ELSE 'no' END", 0.02),
    ("weight", "format('{:.1f} kg', 0.1 + pow(u(i, 'w'), 2) * 80)", 0.04),
]


def build_query(rows: int, seed: int) -> tuple[list[str], str]:
    """The macros that draw hashes and uniforms, and the SELECT that produces ``rows`` rows."""
    # hash() with several arguments combines their hashes weakly: hash(i, 'a') and
    # hash(i, 'b') come out strongly correlated. A single integer argument goes through the
    # full 64-bit mix, so each salt (with the seed) picks a 32-bit lane of that integer; the
    # salt's own hash is a constant and is folded once per query.
    macros = [
        "CREATE OR REPLACE TEMP MACRO h(i, salt) AS hash(i * 4294967296"
        f" + (hash(salt || ':{int(seed)}') % 4294967296)::BIGINT)",
        "CREATE OR REPLACE TEMP MACRO u(i, salt) AS"
        " (h(i, salt) >> 11)::DOUBLE / 9007199254740992.0",
    ]
    select: list[str] = []
    for name, expr, null_rate in COLUMNS:
        if null_rate:
            expr = f"CASE WHEN u(i, 'null_{name}') < {null_rate} THEN NULL ELSE {expr} END"
        if name == JUNK_COLUMN:
            junk = f"{_list(JUNK_VALUES)}[1 + ((i // {JUNK_EVERY}) % {len(JUNK_VALUES)})::INTEGER]"
            expr = f"CASE WHEN i % {JUNK_EVERY} = {JUNK_FIRST} THEN {junk} ELSE {expr} END"
        select.append(f"{expr} AS {name}")
    query = (
        "SELECT " + ",\n  ".join(select) + " FROM ("
        "SELECT i, printf('%016x', h(i, 'uuid_a')) AS ha, printf('%016x', h(i, 'uuid_b')) AS hb"
        f" FROM range(1, {int(rows)} + 1) AS t(i))"
    )
    return macros, query


def size_label(rows: int) -> str:
    """1_000_000 -> '1m', 10_000_000 -> '10m', 50_000 -> '50k'; otherwise the number."""
    for unit, size in (("m", 1_000_000), ("k", 1_000)):
        if rows >= size and rows % size == 0:
            return f"{rows // size}{unit}"
    return str(rows)


def _literal(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def generate(rows: int, out: Path, *, seed: int = 42, threads: int | None = None) -> list[Path]:
    """Write ``mixed_<size>.parquet`` and ``mixed_<size>.csv`` into ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    stem = out / f"mixed_{size_label(rows)}"
    parquet, csv = stem.with_suffix(".parquet"), stem.with_suffix(".csv")
    config: dict[str, str | bool | int | float | list[str]] = {
        "memory_limit": "1GB",
        "preserve_insertion_order": True,
        "temp_directory": str(out / ".tmp"),
    }
    if threads:
        config["threads"] = threads
    con = duckdb.connect(":memory:", config=config)
    try:
        con.execute("SET enable_progress_bar = false")
        macros, query = build_query(rows, seed)
        for macro in macros:
            con.execute(macro)
        # Parquet first, then the CSV from it: reading Parquet back is cheaper than drawing
        # every value a second time, and both files then hold the same rows by construction.
        part = parquet.with_suffix(".parquet.part")
        con.execute(
            f"COPY ({query}) TO {_literal(part)}"
            " (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 122880)"
        )
        os.replace(part, parquet)
        part = csv.with_suffix(".csv.part")
        con.execute(
            f"COPY (SELECT * FROM read_parquet({_literal(parquet)})) TO {_literal(part)}"
            " (FORMAT csv, HEADER true)"
        )
        os.replace(part, csv)
    finally:
        con.close()
        # DuckDB creates the spill directory only when it spills; leave nothing behind.
        with contextlib.suppress(OSError):
            (out / ".tmp").rmdir()
    return [csv, parquet]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write the mixed-type benchmark table.")
    parser.add_argument("--rows", type=int, default=1_000_000, help="rows to write")
    parser.add_argument("--out", type=Path, default=Path("bench/data"), help="output directory")
    parser.add_argument("--seed", type=int, default=42, help="changes every drawn value")
    parser.add_argument("--threads", type=int, default=None, help="DuckDB threads")
    args = parser.parse_args(argv)
    if not 1 <= args.rows < 2**31:
        parser.error("--rows must be between 1 and 2**31 - 1")
    started = time.perf_counter()
    paths = generate(args.rows, args.out, seed=args.seed, threads=args.threads)
    summary = {
        "rows": args.rows,
        "files": {str(p): p.stat().st_size for p in paths},
        "seconds": round(time.perf_counter() - started, 2),
        # Linux reports kilobytes.
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }
    json.dump(summary, sys.stdout, indent=2)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
