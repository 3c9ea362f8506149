"""The shape of the work: a few queries for any number of columns, and natively typed columns."""

from __future__ import annotations

import datetime as dt
from typing import Any

import duckdb

from datadossier.inference import infer_columns
from datadossier.inference.native import native_data_type
from tests.inference.helpers import RELATION, build_raw_table


class _CountingConnection:
    """Passes calls to a DuckDB connection and counts the queries run."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self._con = con
        self.queries: list[str] = []

    def execute(self, sql: str, *args: Any) -> duckdb.DuckDBPyConnection:
        self.queries.append(sql)
        return self._con.execute(sql, *args)


def test_a_wide_table_is_inferred_in_a_fixed_number_of_queries(con: duckdb.DuckDBPyConnection) -> None:
    rows = 300
    columns: dict[str, list[str | None]] = {}
    for i in range(10):
        columns[f"int_{i}"] = [str(n) for n in range(rows)]
        columns[f"date_{i}"] = [f"{1 + n % 12:02d}/{1 + n % 28:02d}/2021" for n in range(rows)]
        columns[f"text_{i}"] = [f"word {n}" for n in range(rows)]
    columns["int_0"][7] = "??"  # one failing value: the examples query runs too
    build_raw_table(con, columns)
    counting = _CountingConnection(con)
    results = infer_columns(counting, RELATION, [(n, "VARCHAR") for n in columns])  # type: ignore[arg-type]
    assert len(results) == 30
    # Row count; the sample counted (one table), matched (one query), the values of the date
    # columns read, the table dropped; the scan; the failed examples: whatever the number of
    # columns up to `scan.SCAN_COLUMNS` (a wider table is scanned in parts).
    assert len(counting.queries) == 7
    assert results[0].candidates[0].failed_examples == ["??"]


def test_natively_typed_columns_keep_their_type_with_units_from_names(
    con: duckdb.DuckDBPyConnection,
) -> None:
    con.execute(
        f"""CREATE TABLE {RELATION} AS SELECT * FROM (VALUES
            (0, 1::TINYINT, 10::BIGINT, 1.5::DOUBLE, 2.25::DECIMAL(10, 2), DATE '2021-01-05',
             TIMESTAMP '2021-01-05 10:00:00', TIMESTAMPTZ '2021-01-05 10:00:00+00', TIME '01:00:00',
             true, [1, 2], 'ab'),
            (1, 3::TINYINT, 20::BIGINT, 2.5::DOUBLE, 4.50::DECIMAL(10, 2), DATE '2021-01-06',
             TIMESTAMP '2021-01-06 10:00:00', TIMESTAMPTZ '2021-01-06 10:00:00+00', TIME '02:00:00',
             false, [3], 'cd')
        ) v(_row_id, qty, duration_ms, weight_kg, price_usd, "day", "at", at_tz, opens, flag, tags, customer_id)"""
    )
    described = con.execute(f"SELECT * FROM {RELATION} LIMIT 0").description or []
    pairs = [(d[0], str(d[1])) for d in described if d[0] != "_row_id"]
    results = {r.column_name: r for r in infer_columns(con, RELATION, pairs)}
    decided = {name: r.decided_type for name, r in results.items()}
    assert decided == {
        "qty": "INTEGER", "duration_ms": "BIGINT", "weight_kg": "DOUBLE", "price_usd": "DECIMAL",
        "day": "DATE", "at": "TIMESTAMP", "at_tz": "TIMESTAMP", "opens": "TIME",
        "flag": "BOOLEAN", "tags": "VARCHAR", "customer_id": "VARCHAR",
    }
    units = {name: r.candidates[0].detected_unit for name, r in results.items()}
    assert (units["duration_ms"], units["weight_kg"], units["price_usd"]) == ("ms", "kg", "USD")
    assert (units["customer_id"], units["qty"]) == (None, None)
    assert all(len(r.candidates) == 1 and r.candidates[0].parse_success_rate == 1.0 for r in results.values())
    assert results["day"].bounds == (
        dt.datetime(2021, 1, 5, tzinfo=dt.UTC).timestamp(),
        dt.datetime(2021, 1, 6, tzinfo=dt.UTC).timestamp(),
    )
    assert results["opens"].bounds == (3600.0, 7200.0)
    assert results["price_usd"].bounds == (2.25, 4.5)
    assert results["flag"].bounds is None
    assert results["qty"].non_null_count == 2


def test_native_type_mapping() -> None:
    assert [
        native_data_type(t)
        for t in ("SMALLINT", "INTEGER", "UINTEGER", "BIGINT", "HUGEINT", "FLOAT", "DECIMAL(18,3)",
                  "TIMESTAMP_NS", "TIMESTAMP WITH TIME ZONE", "TIMESTAMPTZ_NS", "TIME", "BOOLEAN", "BLOB",
                  "STRUCT(a INTEGER)")
    ] == [
        "INTEGER", "INTEGER", "BIGINT", "BIGINT", "DECIMAL", "DOUBLE", "DECIMAL",
        "TIMESTAMP", "TIMESTAMP", "TIMESTAMP", "TIME", "BOOLEAN", "VARCHAR", "VARCHAR",
    ]


def test_a_source_type_no_scalar_type_holds_is_said_kept_as_written(con: duckdb.DuckDBPyConnection) -> None:
    # pandas and Spark exports: a zoned timestamp in nanoseconds, a list, a struct. The reason
    # said "kept as VARCHAR" of a list the typed layer keeps as a list.
    con.execute(
        f"""CREATE TABLE {RELATION} AS SELECT 0 AS _row_id, '2022-01-01 00:00:00+00'::TIMESTAMPTZ_NS AS created_at,
            ['a', 'b'] AS tags, {{'x': 1}} AS payload, 'ab'::BLOB AS raw"""
    )
    described = con.execute(f"SELECT * FROM {RELATION} LIMIT 0").description or []
    pairs = [(d[0], str(d[1])) for d in described if d[0] != "_row_id"]
    results = {r.column_name: r for r in infer_columns(con, RELATION, pairs)}
    assert results["created_at"].decided_type == "TIMESTAMP"
    assert "with its time zone (instants, shown in UTC)" in results["created_at"].reason
    assert results["tags"].reason.startswith("Typed by the source as VARCHAR[] (a list); the typed layer keeps it so")
    assert "(a struct)" in results["payload"].reason
    assert "(bytes)" in results["raw"].reason


def test_no_columns_means_no_queries(con: duckdb.DuckDBPyConnection) -> None:
    counting = _CountingConnection(con)
    assert infer_columns(counting, RELATION, []) == []  # type: ignore[arg-type]
    assert counting.queries == []


def test_an_unsigned_64_bit_id_is_said_to_keep_its_type(con: duckdb.DuckDBPyConnection) -> None:
    # A uint64 id's reason said "kept as DECIMAL", while the typed layer kept UBIGINT.
    con.execute("CREATE OR REPLACE TABLE u AS SELECT (9223372036854775808 + range)::UBIGINT AS txn_id FROM range(5)")
    (result,) = infer_columns(con, "u", [("txn_id", "UBIGINT")])
    assert result.reason == "Typed by the source as UBIGINT; kept as UBIGINT, exact whole numbers beyond BIGINT's range."
