"""Typed and quarantine layers: raw = typed + quarantined, with the failing columns named."""

import duckdb

from datadossier.sources.layers import FAILED_COLUMNS, ColumnCast, build_layers


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


def test_a_clean_table_has_an_empty_quarantine_with_the_same_columns() -> None:
    con = duckdb.connect()
    con.execute("CREATE TABLE raw AS SELECT * FROM (VALUES ('x'), ('y')) t(v)")
    counts = build_layers(con, "raw", "typed", "quarantine", [ColumnCast("v", "VARCHAR", "VARCHAR", None, may_fail=False)], 2)
    assert (counts.typed_rows, counts.quarantine_rows) == (2, 0)
    assert [d[0] for d in con.execute("SELECT * FROM quarantine").description] == ["_row_id", FAILED_COLUMNS, "v"]
