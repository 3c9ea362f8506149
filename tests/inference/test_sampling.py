"""The sample's findings: matched in DuckDB for every column at once, or in Python for the
columns topped up from their first values; both must reach the same findings."""

from __future__ import annotations

import random
from collections import Counter

import duckdb

from datadossier.inference import DEFAULT_CONFIG
from datadossier.inference.sampling import sample_findings, shortlist
from tests.inference.helpers import RELATION, build_raw_table


def _columns(rows: int) -> dict[str, list[str | None]]:
    rng = random.Random(5)

    def pick(*values: str | None) -> str | None:
        return rng.choice(values)

    return {
        "ints": [str(rng.randrange(1000)) for _ in range(rows)],
        "codes": [f"{rng.randrange(100):05d}" for _ in range(rows)],  # leading zeros
        "money": [pick(f"${rng.uniform(1, 5000):,.2f}", f"{rng.uniform(1, 50):.2f}", None) for _ in range(rows)],
        "grouped": [pick(f"{rng.uniform(1, 99999):,.2f}", f"({rng.uniform(1, 999):,.2f})", "12") for _ in range(rows)],
        "eu": [pick(f"{rng.randrange(1, 999)},{rng.randrange(10, 99)}", "7") for _ in range(rows)],
        "weights": [pick(f"{rng.uniform(0.1, 90):.1f} kg", f"{rng.randrange(1, 9)} kg", "n/a") for _ in range(rows)],
        "us_dates": [f"{rng.randrange(1, 13)}/{rng.randrange(1, 29)}/20{rng.randrange(10, 24)}" for _ in range(rows)],
        "eu_dates": [f"{rng.randrange(1, 29):02d}.{rng.randrange(1, 13):02d}.2021" for _ in range(rows)],
        "stamps": [pick("2021-03-04", "2021-03-05", "2021-03-06 10:00:00") for _ in range(rows)],
        "flags": [pick("yes", "no", "Y", None) for _ in range(rows)],
        # more distinct values than are matched (300), with ties at the cut
        "ties": [f"w{i % 450}" for i in range(rows)],
        "mixed": [pick("12.5%", "3%", "abc", "1,234", "1.234,5", "€ 12,50", "9:30 PM") for _ in range(rows)],
        "sparse": [None] * (rows - 3) + ["1.5", "2.5", "x"],
        "names": [f"Ünïcode {rng.randrange(50)} é" for _ in range(rows)],
        "Supplier Postcode": [pick("SW1A 1AA", "M1 1AE", "B33 8TH", None) for _ in range(rows)],
        "zip": [f"{rng.randrange(10000, 99999)}" for _ in range(rows)],
    }


def test_findings_matched_in_duckdb_equal_findings_matched_in_python() -> None:
    columns = _columns(1500)  # under sample_rows: the whole table is the sample
    con = duckdb.connect()
    try:
        con.execute('CREATE SCHEMA "raw"')
        build_raw_table(con, columns)
        in_duckdb = sample_findings(con, RELATION, list(columns), 1500, DEFAULT_CONFIG)
        tables = con.execute("SELECT count(*) FROM duckdb_tables() WHERE temporary").fetchall()
    finally:
        con.close()
    assert tables == [(0,)]  # the sample's temp table is gone
    for name, values in columns.items():
        in_python = shortlist(Counter(v for v in values if v is not None), DEFAULT_CONFIG, name)
        assert in_duckdb[name] == in_python, name
    # and they found what the columns hold
    assert set(in_duckdb["money"].shares) >= {"currency"}
    assert "grouped_number" in in_duckdb["grouped"].shares
    assert "grouped_number_eu" in in_duckdb["eu"].shares
    assert "unit_value" in in_duckdb["weights"].shares
    assert in_duckdb["us_dates"].date_separator == "/"
    assert in_duckdb["eu_dates"].date_separator == "."
    assert "iso_datetime" in in_duckdb["stamps"].shares
    assert in_duckdb["codes"].leading_zero_example is not None
    assert in_duckdb["Supplier Postcode"].postcode_country == "GB"
    assert in_duckdb["zip"].postcode_country is None  # (a US ZIP or a German PLZ: no country)
    assert in_duckdb["sparse"].sampled == 3
    assert in_duckdb["ties"].sampled == sum(sorted(Counter(columns["ties"]).values(), reverse=True)[:300])


def test_a_view_without_rowids_is_sampled_from_its_first_rows() -> None:
    con = duckdb.connect()
    try:
        con.execute("CREATE VIEW v AS SELECT CAST(range AS VARCHAR) AS n, 'x' || range AS t FROM range(5000)")
        found = sample_findings(con, "v", ["n", "t"], 5000, DEFAULT_CONFIG)
    finally:
        con.close()
    # 2,000 distinct values read; the 300 most common are matched
    assert (found["n"].sampled, found["n"].distinct_share) == (DEFAULT_CONFIG.sample_distinct_limit, 1.0)
    assert "integer" in found["n"].shares
    assert found["t"].shares == {}


def test_cr_and_dr_amounts_are_scanned_for_only_where_the_sample_marks_some() -> None:
    # A card export's amounts, grouped, with its payments marked "CR": worth the scan. The
    # same amounts without a mark (a statement's Debit column) are `grouped_number`'s alone:
    # the shape counts grouped amounts, but scanning them for CR would cost every such column.
    charges = Counter({"1,140.51": 40, "113.87": 30, "2,044.15": 20})
    assert "credit_debit" in shortlist(charges + Counter({"178.36 CR": 3}), DEFAULT_CONFIG, "Amount").shares
    assert "credit_debit" not in shortlist(charges, DEFAULT_CONFIG, "Debit").shares
