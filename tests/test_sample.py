"""The sample shop dataset: deterministic bytes, and the facts planted for later stages."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import duckdb
import pytest

from datadossier.sample import (
    COLUMNS,
    CUSTOMER_COUNT,
    EVENT_COUNT,
    FILE_NAMES,
    JUNK_WEIGHTS,
    NEGATIVE_DURATIONS,
    ORDER_COUNT,
    ORPHAN_ORDERS,
    PRODUCT_COUNT,
    STRIPPED_PRODUCT_CODES,
    write_sample,
)

# Every CSV is read as text, as the raw layer does: the point is what the files hold.
_READERS = {
    "customers": ("customers.csv", "read_csv(?, all_varchar = true, header = true)"),
    "orders": ("orders.csv", "read_csv(?, all_varchar = true, header = true)"),
    "order_items": (
        "order_items.csv",
        "read_csv(?, all_varchar = true, header = true, delim = ';', encoding = 'latin-1')",
    ),
    "products": ("products.parquet", "read_parquet(?)"),
    "events": ("events.csv", "read_csv(?, all_varchar = true, header = true)"),
}


@pytest.fixture(scope="module")
def sample_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("shop")
    write_sample(directory)
    return directory


@pytest.fixture(scope="module")
def con(sample_dir: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    connection = duckdb.connect(":memory:")
    for table, (file_name, reader) in _READERS.items():
        connection.execute(
            f"CREATE TABLE {table} AS SELECT * FROM {reader}", [str(sample_dir / file_name)]
        )
    yield connection
    connection.close()


def one(con: duckdb.DuckDBPyConnection, sql: str) -> Any:
    row = con.execute(sql).fetchone()
    assert row is not None
    return row[0]


def column(con: duckdb.DuckDBPyConnection, sql: str) -> list[Any]:
    return [row[0] for row in con.execute(sql).fetchall()]


def test_same_seed_writes_identical_bytes(tmp_path: Path) -> None:
    first = write_sample(tmp_path / "a")
    second = write_sample(tmp_path / "b")
    assert [p.name for p in first] == [p.name for p in second] == list(FILE_NAMES)
    for a, b in zip(first, second, strict=True):
        assert a.read_bytes() == b.read_bytes(), a.name


def test_another_seed_writes_other_data(tmp_path: Path) -> None:
    default = write_sample(tmp_path / "a")
    other = write_sample(tmp_path / "b", seed=8)
    for a, b in zip(default, other, strict=True):
        assert a.read_bytes() != b.read_bytes(), a.name


def test_creates_the_directory_and_returns_the_written_files(tmp_path: Path) -> None:
    target = tmp_path / "nested" / "shop"
    paths = write_sample(target)
    assert paths == [target / name for name in FILE_NAMES]
    assert all(p.is_file() and p.stat().st_size > 0 for p in paths)


def test_tables_have_their_headers_and_row_counts(con: duckdb.DuckDBPyConnection) -> None:
    for table, (file_name, _) in _READERS.items():
        names = column(con, f"SELECT column_name FROM (DESCRIBE {table})")
        assert tuple(names) == COLUMNS[file_name], table
    assert one(con, "SELECT count(*) FROM customers") == CUSTOMER_COUNT
    assert one(con, "SELECT count(*) FROM orders") == ORDER_COUNT
    assert one(con, "SELECT count(*) FROM products") == PRODUCT_COUNT
    assert one(con, "SELECT count(*) FROM events") == EVENT_COUNT
    assert 4000 <= one(con, "SELECT count(*) FROM order_items") <= 6000


def test_order_items_is_latin1_with_semicolons_and_crlf(sample_dir: Path) -> None:
    raw = (sample_dir / "order_items.csv").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    text = raw.decode("latin-1")
    header, _, _ = text.partition("\r\n")
    assert tuple(header.split(";")) == COLUMNS["order_items.csv"]
    assert re.search("[éñøü]", text)
    assert "," not in header
    # Decimal commas inside values are why the delimiter has to be something else.
    assert re.search(r";\d{1,3}(\.\d{3})*,\d{2} EUR\r\n", text)


def test_the_other_csv_files_are_utf8_with_commas(sample_dir: Path) -> None:
    for name in ("customers.csv", "orders.csv", "events.csv"):
        with (sample_dir / name).open(encoding="utf-8", newline="") as handle:
            header = next(csv.reader(handle))
        assert tuple(header) == COLUMNS[name]


def test_customer_id_is_the_customers_key(con: duckdb.DuckDBPyConnection) -> None:
    ids = column(con, "SELECT customer_id::INTEGER FROM customers")
    assert sorted(ids) == list(range(1, CUSTOMER_COUNT + 1))
    emails = column(con, "SELECT lower(email) FROM customers WHERE email IS NOT NULL")
    assert len(emails) == len(set(emails)) > 0.95 * CUSTOMER_COUNT


def test_orders_cust_id_references_customers_with_planted_orphans(
    con: duckdb.DuckDBPyConnection,
) -> None:
    assert one(con, "SELECT count(DISTINCT order_id) FROM orders") == ORDER_COUNT
    matched = one(
        con,
        "SELECT count(*) FROM orders o JOIN customers c ON o.cust_id = c.customer_id",
    )
    assert matched == ORDER_COUNT - ORPHAN_ORDERS
    assert matched >= 0.95 * ORDER_COUNT


def test_order_ids_rise_with_ordered_at(con: duckdb.DuckDBPyConnection) -> None:
    ids = column(con, "SELECT order_id::INTEGER FROM orders ORDER BY ordered_at, order_id")
    assert ids == sorted(ids)
    assert one(con, "SELECT bool_and(ordered_at[:10] = order_date) FROM orders")


def test_order_items_key_is_order_id_and_line_no(con: duckdb.DuckDBPyConnection) -> None:
    total = one(con, "SELECT count(*) FROM order_items")
    assert one(con, "SELECT count(DISTINCT (order_id, line_no)) FROM order_items") == total
    assert one(con, "SELECT count(DISTINCT order_id) FROM order_items") < total
    orphans = one(
        con, "SELECT count(*) FROM order_items WHERE order_id NOT IN (SELECT order_id FROM orders)"
    )
    assert orphans == 0


def test_product_codes_keep_leading_zeros_except_a_few_stripped(
    con: duckdb.DuckDBPyConnection,
) -> None:
    codes = column(con, "SELECT product_code FROM products")
    assert len(set(codes)) == PRODUCT_COUNT
    assert all(re.fullmatch(r"0\d{5}", code) for code in codes)
    unmatched = column(
        con,
        "SELECT product_code FROM order_items"
        " WHERE product_code NOT IN (SELECT product_code FROM products)",
    )
    assert len(unmatched) == STRIPPED_PRODUCT_CODES
    assert {code.zfill(6) for code in unmatched} <= set(codes)


def test_products_parquet_has_typed_columns(con: duckdb.DuckDBPyConnection) -> None:
    types = dict(con.execute("SELECT column_name, column_type FROM (DESCRIBE products)").fetchall())
    assert types["list_price"] == "DOUBLE"
    assert types["launched_on"] == "DATE"
    assert types["product_code"] == "VARCHAR"


def test_weight_kg_holds_exactly_the_planted_junk(con: duckdb.DuckDBPyConnection) -> None:
    junk = column(
        con,
        "SELECT weight_kg FROM orders"
        " WHERE weight_kg IS NOT NULL AND TRY_CAST(weight_kg AS DOUBLE) IS NULL",
    )
    assert sorted(junk) == sorted(JUNK_WEIGHTS)


def test_customer_formats(con: duckdb.DuckDBPyConnection) -> None:
    signups = column(con, "SELECT signup_date FROM customers WHERE signup_date IS NOT NULL")
    parsed = [datetime.strptime(s, "%m/%d/%Y") for s in signups]
    assert any(d.day > 12 for d in parsed), "day > 12 tells MM/DD from DD/MM"
    zips = column(con, "SELECT zip_code FROM customers WHERE zip_code IS NOT NULL")
    assert all(re.fullmatch(r"\d{5}", z) for z in zips)
    assert {"02134", "00501"} <= set(zips)
    assert sum(z.startswith("0") for z in zips) >= 10
    assert set(column(con, "SELECT DISTINCT is_active FROM customers")) == {"Y", "N", None}
    values = column(con, "SELECT lifetime_value FROM customers WHERE lifetime_value IS NOT NULL")
    money = [v for v in values if v != "N/A"]
    assert "N/A" in values
    assert all(re.fullmatch(r"\$\d{1,3}(,\d{3})*\.\d{2}", v) for v in money)
    assert any("," in v for v in money)
    phones = column(con, "SELECT phone FROM customers WHERE phone IS NOT NULL")
    assert any(p.startswith("+1 ") for p in phones)
    assert any(p.startswith("(") for p in phones)


def test_lifetime_value_is_the_sum_of_kept_orders(con: duckdb.DuckDBPyConnection) -> None:
    mismatches = one(
        con,
        """
        SELECT count(*) FROM customers c
        LEFT JOIN (
            SELECT cust_id, sum(amount_usd::DECIMAL(12, 2)) AS total FROM orders
            WHERE status NOT IN ('cancelled', 'returned')
            GROUP BY cust_id
        ) o ON o.cust_id = c.customer_id
        WHERE c.lifetime_value LIKE '$%'
          AND replace(c.lifetime_value[2:], ',', '')::DECIMAL(12, 2) <> coalesce(o.total, 0)
        """,
    )
    assert mismatches == 0


def test_order_formats(con: duckdb.DuckDBPyConnection) -> None:
    assert one(con, "SELECT count(*) FROM orders WHERE TRY_CAST(order_date AS DATE) IS NULL") == 0
    assert (
        one(con, "SELECT count(*) FROM orders WHERE TRY_CAST(ordered_at AS TIMESTAMP) IS NULL") == 0
    )
    distances = column(con, "SELECT ship_distance FROM orders WHERE ship_distance IS NOT NULL")
    assert all(re.fullmatch(r"\d+\.\d mi", d) for d in distances)
    unshipped = one(
        con,
        "SELECT count(*) FROM orders"
        " WHERE status IN ('pending', 'cancelled') AND ship_distance IS NOT NULL",
    )
    assert unshipped == 0
    discounts = column(con, "SELECT DISTINCT discount FROM orders WHERE discount IS NOT NULL")
    assert all(re.fullmatch(r"\d+(\.\d+)?%", d) for d in discounts)
    assert one(con, "SELECT count(DISTINCT status) FROM orders") == 6


def test_events_formats_and_customer_reference(con: duckdb.DuckDBPyConnection) -> None:
    ids = column(con, "SELECT event_id FROM events")
    assert len(set(ids)) == EVENT_COUNT
    assert one(con, "SELECT count(*) FROM events WHERE TRY_CAST(event_id AS UUID) IS NULL") == 0
    for text in column(con, "SELECT event_time FROM events"):
        datetime.strptime(text, "%b %d %Y %H:%M")
    orphans = one(
        con,
        "SELECT count(*) FROM events"
        " WHERE customer IS NOT NULL AND customer NOT IN (SELECT customer_id FROM customers)",
    )
    assert orphans == 0
    assert 0 < one(con, "SELECT count(*) FROM events WHERE customer IS NULL") < EVENT_COUNT // 5
    assert one(con, "SELECT count(*) FROM events WHERE duration_ms::INTEGER < 0") == (
        NEGATIVE_DURATIONS
    )
    assert one(con, "SELECT bool_and(page_url LIKE 'https://%') FROM events")
