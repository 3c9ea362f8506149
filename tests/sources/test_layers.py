"""Typed and quarantine layers: raw = typed + quarantined, with the failing columns named."""

from pathlib import Path

import duckdb

from datadossier.sources.layers import (
    FAILED_COLUMNS,
    PLAIN_DISTINCT_SHARE,
    PLAIN_MAX_LENGTH,
    ColumnCast,
    build_layers,
    failed_values,
    stored_plain,
)
from tests.storage import text_compressions


def test_rows_that_fail_a_cast_go_to_quarantine_whole() -> None:
    con = duckdb.connect()
    con.execute(
        "CREATE TABLE raw AS SELECT * FROM (VALUES ('1', '2021-01-05', 'a'), ('??', '2021-01-06', 'b'), "
        "(NULL, 'soon', 'c'), ('4', NULL, NULL), ('1O', 'never', 'e')) t(qty, day, note)"
    )
    casts = [
        ColumnCast("qty", "VARCHAR", "BIGINT", None),
        ColumnCast("day", "VARCHAR", "DATE", "iso_date"),
        ColumnCast("note", "VARCHAR", "VARCHAR", None, may_fail=False),
    ]
    raw_rows = con.execute("SELECT count(*) FROM raw").fetchall()[0][0]
    counts = build_layers(con, "raw", "typed", "quarantine", casts, raw_rows)
    assert (counts.raw_rows, counts.typed_rows, counts.quarantine_rows) == (5, 2, 3)
    assert con.execute("SELECT _row_id, qty, CAST(day AS VARCHAR), note FROM typed ORDER BY _row_id").fetchall() == [
        (1, 1, "2021-01-05", "a"),
        (4, 4, None, None),
    ]
    quarantined = con.execute(f"SELECT _row_id, {FAILED_COLUMNS}, qty, day FROM quarantine ORDER BY _row_id").fetchall()
    assert quarantined == [
        (2, ["qty"], "??", "2021-01-06"),
        (3, ["day"], None, "soon"),
        (5, ["qty", "day"], "1O", "never"),
    ]


def test_the_failed_values_of_a_column_are_its_own_most_frequent_first() -> None:
    # Online Retail II's Invoice made INTEGER by hand: the cancellations ("C489449") are what
    # failed, not the values of rows another column sent to quarantine.
    con = duckdb.connect()
    con.execute(
        "CREATE TABLE raw AS SELECT * FROM (VALUES ('C489449', '1'), ('C489449', '2'), ('C489450', '3'), "
        "('489451', 'x'), ('489452', '5')) t(invoice, qty)"
    )
    casts = [ColumnCast("invoice", "VARCHAR", "INTEGER", None), ColumnCast("qty", "VARCHAR", "BIGINT", None)]
    build_layers(con, "raw", "typed", "quarantine", casts, 5)
    assert failed_values(con, "quarantine", "invoice", 5) == ["C489449", "C489450"]
    assert failed_values(con, "quarantine", "qty", 5) == ["x"]
    assert failed_values(con, "quarantine", "invoice", 1) == ["C489449"]


def test_a_clean_table_has_an_empty_quarantine_with_the_same_columns() -> None:
    con = duckdb.connect()
    con.execute("CREATE TABLE raw AS SELECT * FROM (VALUES ('x'), ('y')) t(v)")
    counts = build_layers(con, "raw", "typed", "quarantine", [ColumnCast("v", "VARCHAR", "VARCHAR", None, may_fail=False)], 2)
    assert (counts.typed_rows, counts.quarantine_rows) == (2, 0)
    assert [d[0] for d in con.execute("SELECT * FROM quarantine").description] == ["_row_id", FAILED_COLUMNS, "v"]


def test_only_short_nearly_unique_text_is_stored_plain() -> None:
    assert stored_plain("VARCHAR", 0.97, 36)
    assert stored_plain("VARCHAR", PLAIN_DISTINCT_SHARE, PLAIN_MAX_LENGTH)
    assert not stored_plain("VARCHAR", 0.5, 36)  # repeated values: the dictionary pays
    assert not stored_plain("VARCHAR", 1.0, 400)  # long text: FSST saves the most
    assert not stored_plain("BIGINT", 1.0, 8)  # only text is stored as written
    assert not stored_plain("VARCHAR", None, None)  # a column the source typed


def test_a_plain_column_is_written_uncompressed_with_the_same_values_and_types(tmp_path: Path) -> None:
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    con.execute(
        "CREATE TABLE raw AS SELECT uuid()::VARCHAR AS token, ['red', 'green', 'blue'][1 + i % 3] AS colour, "
        "CASE WHEN i % 5000 = 7 THEN '??' ELSE (i % 97)::VARCHAR END AS qty, "
        "{'depth': i, 'tags': ['a', 'b c']} AS nested, (i / 8)::DECIMAL(9,2) AS amount, "
        "TIMESTAMPTZ '2024-01-01 00:00:00+00' + to_seconds(i) AS seen "
        "FROM range(30000) t(i)"
    )
    casts = [
        ColumnCast("token", "VARCHAR", "VARCHAR", None, may_fail=False, plain=True),
        ColumnCast("colour", "VARCHAR", "VARCHAR", None, may_fail=False),
        ColumnCast("qty", "VARCHAR", "INTEGER", None),
        ColumnCast("nested", "STRUCT(depth BIGINT, tags VARCHAR[])", "VARCHAR", None, may_fail=False),
        ColumnCast("amount", "DECIMAL(9,2)", "DECIMAL", None, may_fail=False),
        ColumnCast("seen", "TIMESTAMP WITH TIME ZONE", "TIMESTAMP", None, may_fail=False),
    ]
    compressed = [ColumnCast(c.name, c.raw_type, c.decided_type, c.pattern, may_fail=c.may_fail) for c in casts]
    plain_counts = build_layers(con, "raw", "typed_plain", "quarantine_plain", casts, 30000)
    counts = build_layers(con, "raw", "typed", "quarantine", compressed, 30000)
    con.execute("CHECKPOINT")
    assert plain_counts == counts
    assert counts.quarantine_rows == 6
    assert con.execute("DESCRIBE typed_plain").fetchall() == con.execute("DESCRIBE typed").fetchall()
    assert con.execute("SELECT * FROM typed_plain EXCEPT ALL SELECT * FROM typed").fetchall() == []
    assert con.execute("SELECT * FROM typed EXCEPT ALL SELECT * FROM typed_plain").fetchall() == []
    assert con.execute("SELECT list(_row_id ORDER BY rowid) FROM typed_plain").fetchall() == con.execute(
        "SELECT list(_row_id ORDER BY rowid) FROM typed"
    ).fetchall()
    plain, auto = text_compressions(con, "typed_plain"), text_compressions(con, "typed")
    assert plain["token"] == {"Uncompressed"}
    assert "Uncompressed" not in auto["token"]
    assert "Uncompressed" not in plain["colour"]
