"""profile_columns against small DuckDB tables whose statistics are known exactly."""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Any, cast

import duckdb
import pytest

from datadossier.engine.gateway import quote_ident
from datadossier.profiling import ColumnProfile, profile_columns, profiler, queries

REL = '"t"'


@pytest.fixture
def con() -> Iterator[duckdb.DuckDBPyConnection]:
    connection = duckdb.connect()
    connection.execute("SET threads = 2")
    yield connection
    connection.close()


def columns_of(con: duckdb.DuckDBPyConnection, relation: str = REL) -> list[tuple[str, str]]:
    return [(str(r[0]), str(r[1])) for r in con.execute(f"DESCRIBE {relation}").fetchall()]


def profile(con: duckdb.DuckDBPyConnection, **kwargs: Any) -> dict[str, ColumnProfile]:
    profiles = profile_columns(con, REL, columns_of(con), **kwargs)
    return {p.column_name: p for p in profiles}


def histogram_total(p: ColumnProfile) -> int:
    assert p.histogram is not None
    return sum(cast(int, bucket["count"]) for bucket in p.histogram)


class CountingConnection:
    """Passes statements through to DuckDB and counts them."""

    def __init__(self, inner: duckdb.DuckDBPyConnection) -> None:
        self.inner = inner
        self.statements = 0

    def execute(self, sql: str, parameters: object = None) -> duckdb.DuckDBPyConnection:
        self.statements += 1
        return self.inner.execute(sql, parameters)


# Counts, distinct, ratios -------------------------------------------------------------------


def test_counts_nulls_and_exact_distinct(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(
        "CREATE TABLE t AS SELECT * FROM (VALUES "
        "(1, 'a'), (2, 'b'), (2, NULL), (NULL, 'a'), (3, 'c'), (3, 'c'), (NULL, NULL), (4, 'a')"
        ") v(n, s)"
    )
    p = profile(con)
    n, s = p["n"], p["s"]
    assert (n.total_count, n.null_count, n.distinct_count) == (8, 2, 4)
    assert (s.total_count, s.null_count, s.distinct_count) == (8, 2, 3)
    assert not n.distinct_is_approximate
    assert not s.distinct_is_approximate
    assert n.cardinality_ratio == 4 / 8
    assert n.null_ratio == 2 / 8
    assert s.cardinality_ratio == 3 / 8


def test_profiles_come_back_in_column_order(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("CREATE TABLE t AS SELECT 1 AS z, 'x' AS a, TRUE AS m")
    assert [p.column_name for p in profile_columns(con, REL, columns_of(con))] == ["z", "a", "m"]


def test_large_table_takes_approximate_distinct_for_high_cardinality_columns(
    con: duckdb.DuckDBPyConnection,
) -> None:
    con.execute(
        "CREATE TABLE t AS SELECT i AS id, i % 7 AS small, "
        "CASE WHEN i % 100 = 0 THEN 'N/A' ELSE 'note ' || i END AS note FROM range(150000) r(i)"
    )
    p = profile(con, exact_distinct_max_rows=1000)
    assert p["id"].distinct_is_approximate
    assert p["id"].distinct_count is not None
    assert abs(p["id"].distinct_count - 150_000) < 150_000 * 0.05
    # Few distinct values: still counted exactly, whatever the table size.
    assert not p["small"].distinct_is_approximate
    assert p["small"].distinct_count == 7
    # Top values of a high-cardinality column come from sketch candidates, with exact counts.
    assert p["note"].top_values == [{"value": "N/A", "count": 1500}]
    assert p["id"].top_values == []


def test_row_count_argument_chooses_the_mode(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("CREATE TABLE t AS SELECT i AS id FROM range(120000) r(i)")
    exact = profile(con, row_count=120_000, exact_distinct_max_rows=200_000)["id"]
    approximate = profile(con, row_count=10**9, exact_distinct_max_rows=200_000)["id"]
    assert (exact.distinct_count, exact.distinct_is_approximate) == (120_000, False)
    assert approximate.distinct_is_approximate
    assert exact.total_count == approximate.total_count == 120_000


# Numbers ------------------------------------------------------------------------------------


def test_numeric_min_max_mean_stddev(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("CREATE TABLE t AS SELECT * FROM (VALUES (2.0), (4.0), (4.0), (4.0), (5.0), "
                "(5.0), (7.0), (9.0), (NULL)) v(x)")  # fmt: skip
    x = profile(con)["x"]
    assert (x.min_value, x.max_value) == (2.0, 9.0)
    assert x.mean_value == pytest.approx(5.0, rel=1e-12)
    # Sample standard deviation: sum of squared deviations 32 over n - 1 = 7.
    assert x.stddev_value == pytest.approx(math.sqrt(32 / 7), rel=1e-12)
    assert x.min_length is None
    assert x.min_text is None


@pytest.mark.parametrize("columns", [1, 30])  # one aggregate per column, or stacked by type
def test_whole_numbers_past_two_to_the_53_keep_exact_bounds(con: duckdb.DuckDBPyConnection, columns: int) -> None:
    # FEC's SUB_ID, Airbnb's listing ids: 19 digits, three distinct values that one DOUBLE
    # rounds to the same number; min and max were reported equal and none of them.
    ids = (4_123_456_789_012_345_671, 4_123_456_789_012_345_673, 4_123_456_789_012_345_675)
    extra = "".join(f", i AS c{k}" for k in range(1, columns))
    con.execute(f"CREATE TABLE t AS SELECT CAST(v AS BIGINT) AS sub_id{extra} FROM (VALUES {', '.join(f'({i})' for i in ids)}) x(v), range(1) r(i)")
    p = profile(con)
    sub_id = p["sub_id"]
    assert sub_id.percentiles is not None
    assert (sub_id.percentiles["p0"], sub_id.percentiles["p100"]) == (ids[0], ids[2])
    assert sub_id.min_value == float(ids[0])
    assert all("p0" not in (other.percentiles or {}) for name, other in p.items() if name != "sub_id")


def test_exact_percentiles_of_one_to_hundred(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("CREATE TABLE t AS SELECT i AS x FROM range(1, 101) r(i)")
    x = profile(con)["x"]
    assert x.percentiles == pytest.approx(
        {"p25": 25.75, "p50": 50.5, "p75": 75.25, "p95": 95.05, "p99": 99.01}, rel=1e-9
    )


def test_approximate_percentiles_of_one_to_hundred(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("CREATE TABLE t AS SELECT i AS x FROM range(1, 101) r(i)")
    x = profile(con, exact_distinct_max_rows=10)["x"]
    assert x.percentiles is not None
    expected = {"p25": 25.75, "p50": 50.5, "p75": 75.25, "p95": 95.05, "p99": 99.01}
    assert set(x.percentiles) == set(expected)
    for name, value in expected.items():
        assert x.percentiles[name] == pytest.approx(value, abs=2.0), name


def test_integer_histogram_has_whole_number_buckets(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("CREATE TABLE t AS SELECT i AS x FROM range(0, 100) r(i) UNION ALL SELECT NULL")
    x = profile(con)["x"]
    assert x.histogram is not None
    assert len(x.histogram) == 20
    assert x.histogram[0] == {"bucket": "[0, 5)", "lower": 0.0, "upper": 5.0, "count": 5}
    assert x.histogram[-1] == {"bucket": "[95, 100)", "lower": 95.0, "upper": 100.0, "count": 5}
    assert histogram_total(x) == 100


def test_small_integer_range_gets_one_bucket_per_value(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("CREATE TABLE t AS SELECT * FROM (VALUES (1), (1), (3), (4), (4), (4)) v(x)")
    x = profile(con)["x"]
    assert x.histogram is not None
    assert [(b["bucket"], b["count"]) for b in x.histogram] == [
        ("[1, 2)", 2), ("[2, 3)", 0), ("[3, 4)", 1), ("[4, 5)", 3),
    ]  # fmt: skip


def test_float_histogram_buckets_sum_to_non_null_count(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(
        "CREATE TABLE t AS SELECT CASE WHEN i % 10 = 0 THEN NULL ELSE sqrt(i) END AS x "
        "FROM range(1, 5001) r(i)"
    )
    x = profile(con)["x"]
    assert x.histogram is not None
    assert len(x.histogram) == 20
    assert histogram_total(x) == 4500
    assert x.min_value is not None
    assert x.max_value is not None
    assert x.histogram[0]["lower"] == x.min_value
    assert x.histogram[-1]["upper"] == x.max_value
    assert str(x.histogram[-1]["bucket"]).endswith("]")  # the maximum is inside the last one
    assert str(x.histogram[0]["bucket"]).endswith(")")


def test_constant_float_column_has_one_bucket(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("CREATE TABLE t AS SELECT 2.5::DOUBLE AS x FROM range(4)")
    x = profile(con)["x"]
    assert x.histogram == [{"bucket": "[2.5, 2.5]", "lower": 2.5, "upper": 2.5, "count": 4}]
    assert x.stddev_value == 0.0


def test_bounds_from_the_caller_give_the_same_histogram(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("CREATE TABLE t AS SELECT (i * 37 % 1000) / 10.0 AS x FROM range(5000) r(i)")
    plain = profile(con)["x"]
    assert plain.min_value is not None
    assert plain.max_value is not None
    with_bounds = profile(con, bounds={"x": (plain.min_value, plain.max_value)})["x"]
    assert with_bounds.histogram == plain.histogram


@pytest.mark.parametrize("bounds", [(10.0, 20.0), (-50.0, 500.0)])
def test_bounds_other_than_the_data_range_are_ignored(
    con: duckdb.DuckDBPyConnection, bounds: tuple[float, float]
) -> None:
    con.execute("CREATE TABLE t AS SELECT i AS x FROM range(0, 100) r(i)")
    x = profile(con, bounds={"x": bounds})["x"]
    assert x.histogram is not None
    assert x.histogram[0]["bucket"] == "[0, 5)"
    assert x.histogram[-1]["bucket"] == "[95, 100)"
    assert histogram_total(x) == 100


def test_matching_bounds_spare_the_histogram_scan(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("CREATE TABLE t AS SELECT i AS x, i % 2 = 0 AS b FROM range(0, 100) r(i)")
    counting = CountingConnection(con)
    (x, _) = profile_columns(
        cast(duckdb.DuckDBPyConnection, counting),
        REL,
        columns_of(con),
        bounds={"x": (0.0, 99.0)},
        row_count=100,
    )
    assert counting.statements == 1  # groups ride along with the main aggregate
    assert x.histogram is not None
    assert [b["count"] for b in x.histogram] == [5] * 20


def test_decimal_column(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(
        "CREATE TABLE t AS SELECT x::DECIMAL(18, 2) AS price FROM (VALUES "
        "(1.50), (1.50), (2.25), (10.00), (NULL)) v(x)"
    )
    price = profile(con)["price"]
    assert (price.min_value, price.max_value) == (1.5, 10.0)
    assert price.mean_value == pytest.approx(15.25 / 4, rel=1e-12)
    assert price.top_values == [{"value": "1.50", "count": 2}]
    assert price.distinct_count == 3
    assert histogram_total(price) == 4
    assert price.percentiles is not None
    assert price.percentiles["p50"] == pytest.approx(1.875, rel=1e-9)


def test_non_finite_doubles_do_not_break_the_profile(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(
        "CREATE TABLE t AS SELECT * FROM (VALUES (1.0::DOUBLE), ('inf'::DOUBLE), ('nan'::DOUBLE)) "
        "v(x)"
    )
    x = profile(con)["x"]
    assert x.total_count == 3
    assert x.histogram is None  # no equal widths over an infinite range
    assert x.min_value == 1.0


def test_infinities_are_counted_and_the_mean_is_of_the_finite_values(con: duckdb.DuckDBPyConnection) -> None:
    # A Prometheus histogram export: every series' buckets end in le="+Inf". The mean was inf
    # (null in JSON) and the stddev NaN; now they are the finite values', and the note counts.
    con.execute(
        "CREATE TABLE t AS SELECT * FROM (VALUES (0.5::DOUBLE, 1.0::DOUBLE), (1.5, 'nan'), ('inf', '-inf'),"
        " ('inf', 3.0), (1.0, 2.0)) v(le, x)"
    )
    profiles = profile(con)
    le, x = profiles["le"], profiles["x"]
    assert (le.min_value, le.max_value, le.mean_value, le.non_finite) == (0.5, math.inf, 1.0, {"+inf": 2})
    assert le.stddev_value == pytest.approx(0.5)
    assert x.non_finite == {"-inf": 1, "nan": 1}
    assert x.mean_value == 2.0
    notes = profiler.non_finite_notes(list(profiles.values()))
    assert "2 +Inf" in notes["le"]
    assert "1 -Inf, 1 NaN" in notes["x"]
    assert "mean and standard deviation are of the finite values" in notes["le"]


def test_a_finite_table_needs_no_statement_for_infinities(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("CREATE TABLE t AS SELECT i::DOUBLE AS x FROM range(10) r(i)")
    counting = CountingConnection(con)
    profiles = profile_columns(
        cast(duckdb.DuckDBPyConnection, counting), REL, columns_of(con), row_count=10, bounds={"x": (0.0, 9.0)}
    )
    assert profiles[0].non_finite is None
    assert counting.statements == 1


@pytest.mark.parametrize("exact_distinct_max_rows", [1_000_000, 10])
def test_every_branch_can_ride_along_with_the_main_aggregate(
    con: duckdb.DuckDBPyConnection, exact_distinct_max_rows: int
) -> None:
    # With the approximate mode, a bounded histogram or an hourly one is the first branch of
    # the first statement instead of a group-by.
    con.execute(
        "CREATE TABLE t AS SELECT i AS x, TIME '00:00' + INTERVAL (i) MINUTE AS tm "
        "FROM range(0, 100) r(i)"
    )
    p = profile(con, bounds={"x": (0.0, 99.0)}, exact_distinct_max_rows=exact_distinct_max_rows)
    assert [b["count"] for b in p["x"].histogram or []] == [5] * 20
    assert p["tm"].histogram == [{"bucket": "00:00", "count": 60}, {"bucket": "01:00", "count": 40}]


# Text ---------------------------------------------------------------------------------------


def test_string_lengths_and_text_bounds(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(
        "CREATE TABLE t AS SELECT * FROM (VALUES ('a'), ('bbb'), ('cc'), (NULL), ('ééé')) v(s)"
    )
    s = profile(con)["s"]
    assert (s.min_length, s.max_length) == (1, 3)  # characters, not bytes
    assert s.avg_length == pytest.approx(9 / 4)
    assert (s.min_text, s.max_text) == ("a", "ééé")
    assert s.min_value is None
    assert s.histogram is None


def test_long_text_is_cut(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("CREATE TABLE t AS SELECT repeat('x', 5000) AS s FROM range(3)")
    s = profile(con)["s"]
    assert s.max_length == 5000
    assert s.max_text is not None
    assert len(s.max_text) == 201
    assert s.top_values[0]["count"] == 3
    assert len(str(s.top_values[0]["value"])) == 201


def test_other_types_are_profiled_as_text(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(
        "CREATE TABLE t AS SELECT * FROM (VALUES "
        "('00000000-0000-0000-0000-000000000001'::UUID, [1, 2]), "
        "('00000000-0000-0000-0000-000000000001'::UUID, [1, 2]), "
        "(NULL, [3])) v(u, l)"
    )
    p = profile(con)
    u, lst = p["u"], p["l"]
    assert u.top_values == [{"value": "00000000-0000-0000-0000-000000000001", "count": 2}]
    assert (u.min_length, u.max_length, u.null_count) == (36, 36, 1)
    assert lst.top_values == [{"value": "[1, 2]", "count": 2}]
    assert lst.distinct_count == 2


# Top values ---------------------------------------------------------------------------------


def test_top_values_are_exact_most_frequent_first_ties_by_value(
    con: duckdb.DuckDBPyConnection,
) -> None:
    rows = [("b", 5), ("a", 5), ("c", 3), ("d", 1), ("e", 2)]
    values = ", ".join(f"('{v}')" for v, n in rows for _ in range(n))
    con.execute(f"CREATE TABLE t AS SELECT * FROM (VALUES {values}, (NULL), (NULL)) v(s)")
    s = profile(con)["s"]
    assert s.top_values == [
        {"value": "a", "count": 5},
        {"value": "b", "count": 5},
        {"value": "c", "count": 3},
        {"value": "e", "count": 2},
    ]  # "d" occurs once: not a top value; NULL never is


def test_top_values_stop_at_ten_and_break_ties_in_numeric_order(
    con: duckdb.DuckDBPyConnection,
) -> None:
    # Values 1..12 twice each and 100 three times: ties sort 9 before 10 (numbers, not text).
    con.execute(
        "CREATE TABLE t AS SELECT i AS x FROM range(1, 13) r(i), range(2) "
        "UNION ALL SELECT 100 FROM range(3)"
    )
    x = profile(con)["x"]
    assert x.top_values == [{"value": "100", "count": 3}] + [
        {"value": str(i), "count": 2} for i in range(1, 10)
    ]


def test_unique_column_has_no_top_values(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("CREATE TABLE t AS SELECT i AS id, 'k' || i AS key FROM range(1000) r(i)")
    p = profile(con)
    assert p["id"].top_values == []
    assert p["key"].top_values == []
    assert p["id"].distinct_count == 1000


# Booleans, dates, times ---------------------------------------------------------------------


def test_boolean_column(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(
        "CREATE TABLE t AS SELECT * FROM (VALUES (TRUE), (TRUE), (TRUE), (FALSE), (FALSE), "
        "(NULL)) v(b)"
    )
    b = profile(con)["b"]
    assert (b.total_count, b.null_count, b.distinct_count) == (6, 1, 2)
    assert b.histogram == [{"bucket": "false", "count": 2}, {"bucket": "true", "count": 3}]
    assert b.top_values == [{"value": "true", "count": 3}, {"value": "false", "count": 2}]
    assert b.min_value is None
    assert b.percentiles is None


def test_dates_of_one_year_get_a_monthly_histogram(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(
        "CREATE TABLE t AS SELECT CAST(d AS DATE) AS d FROM "
        "range(DATE '2021-01-01', DATE '2022-01-01', INTERVAL 1 DAY) r(d) "
        "UNION ALL SELECT NULL"
    )
    d = profile(con)["d"]
    assert (d.min_text, d.max_text) == ("2021-01-01", "2021-12-31")
    assert d.histogram == [
        {"bucket": f"2021-{m:02d}", "count": days}
        for m, days in enumerate([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31], start=1)
    ]
    assert d.distinct_count == 365
    assert d.min_value is None
    assert d.percentiles is None
    assert d.top_values == []


def test_short_timestamp_range_gets_a_daily_histogram(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(
        "CREATE TABLE t AS SELECT ts FROM range(TIMESTAMP '2021-03-01 06:00', "
        "TIMESTAMP '2021-03-04 06:00', INTERVAL 6 HOUR) r(ts) "
        "UNION ALL SELECT TIMESTAMP '2021-03-06 12:00'"
    )
    ts = profile(con)["ts"]
    assert (ts.min_text, ts.max_text) == ("2021-03-01 06:00:00", "2021-03-06 12:00:00")
    assert ts.histogram == [
        {"bucket": "2021-03-01", "count": 3},
        {"bucket": "2021-03-02", "count": 4},
        {"bucket": "2021-03-03", "count": 4},
        {"bucket": "2021-03-04", "count": 1},
        {"bucket": "2021-03-05", "count": 0},
        {"bucket": "2021-03-06", "count": 1},
    ]


def test_timestamp_with_time_zone(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("SET TimeZone = 'UTC'")
    con.execute(
        "CREATE TABLE t AS SELECT * FROM (VALUES (TIMESTAMPTZ '2021-03-01 10:00:00+02'), "
        "(TIMESTAMPTZ '2021-03-01 10:00:00+02'), (TIMESTAMPTZ '2021-05-02 00:00:00+00')) v(ts)"
    )
    ts = profile(con)["ts"]
    assert (ts.min_text, ts.max_text) == ("2021-03-01 08:00:00+00", "2021-05-02 00:00:00+00")
    assert ts.top_values == [{"value": "2021-03-01 08:00:00+00", "count": 2}]
    assert histogram_total(ts) == 3


def test_time_column_gets_an_hourly_histogram(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(
        "CREATE TABLE t AS SELECT * FROM (VALUES (TIME '08:15'), (TIME '08:45'), "
        "(TIME '10:00'), (NULL)) v(t)"
    )
    t = profile(con)["t"]
    assert (t.min_text, t.max_text) == ("08:15:00", "10:00:00")
    assert t.histogram == [
        {"bucket": "08:00", "count": 2},
        {"bucket": "09:00", "count": 0},
        {"bucket": "10:00", "count": 1},
    ]


# Edge cases ---------------------------------------------------------------------------------

ALL_KINDS = (
    "CREATE TABLE t (i BIGINT, d DOUBLE, m DECIMAL(18, 2), b BOOLEAN, dt DATE, ts TIMESTAMP, "
    "tm TIME, s VARCHAR, u UUID)"
)


def test_empty_table(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(ALL_KINDS)
    profiles = profile(con)
    assert len(profiles) == 9
    for p in profiles.values():
        assert (p.total_count, p.null_count, p.distinct_count) == (0, 0, 0), p.column_name
        assert p.cardinality_ratio is None
        assert p.null_ratio is None
        assert p.top_values == []
        assert p.min_value is None
        assert p.min_text is None
        assert p.percentiles is None
    assert profiles["b"].histogram == [
        {"bucket": "false", "count": 0},
        {"bucket": "true", "count": 0},
    ]
    assert profiles["i"].histogram is None


def test_all_null_columns(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(ALL_KINDS)
    con.execute("INSERT INTO t SELECT NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL "
                "FROM range(5)")  # fmt: skip
    for p in profile(con).values():
        assert (p.total_count, p.null_count, p.distinct_count) == (5, 5, 0), p.column_name
        assert p.null_ratio == 1.0
        assert p.cardinality_ratio == 0.0
        assert p.top_values == []
        assert p.min_value is None
        assert p.mean_value is None
        assert p.min_text is None
        assert p.min_length is None
        assert p.percentiles is None
        if p.column_name != "b":
            assert p.histogram is None


def test_column_name_with_quotes_spaces_and_dots(con: duckdb.DuckDBPyConnection) -> None:
    name = 'odd "name". with spaces'
    con.execute(
        f"CREATE TABLE t AS SELECT i % 3 AS {quote_ident(name)}, 'x' AS {quote_ident('a.b')} "
        "FROM range(9) r(i)"
    )
    p = profile(con)
    assert p[name].distinct_count == 3
    assert p[name].top_values[0] == {"value": "0", "count": 3}
    assert p["a.b"].top_values == [{"value": "x", "count": 9}]


def test_relation_in_a_schema_with_a_dotted_table_name(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("CREATE SCHEMA typed")
    con.execute('CREATE TABLE typed."shop.orders" AS SELECT i AS id FROM range(10) r(i)')
    relation = '"typed"."shop.orders"'
    (p,) = profile_columns(con, relation, [("id", "BIGINT")])
    assert (p.total_count, p.distinct_count, p.max_value) == (10, 10, 9.0)


@pytest.mark.parametrize("exact_distinct_max_rows", [1_000_000, 10])
def test_statement_count_does_not_grow_with_columns(
    con: duckdb.DuckDBPyConnection, exact_distinct_max_rows: int
) -> None:
    selects = ", ".join(f"i % {k + 2} AS c{k}, 'v' || (i % {k + 3}) AS s{k}" for k in range(20))
    con.execute(
        f"CREATE TABLE t AS SELECT {selects}, CURRENT_DATE - i::INT AS d FROM range(500) r(i)"
    )
    counting = CountingConnection(con)
    profiles = profile_columns(
        cast(duckdb.DuckDBPyConnection, counting),
        REL,
        columns_of(con),
        exact_distinct_max_rows=exact_distinct_max_rows,
    )
    assert len(profiles) == 41
    assert counting.statements <= 3  # count(*), the main statement, the follow-up


# Short, wide tables -------------------------------------------------------------------------

WIDE = (
    "CREATE TABLE t AS SELECT "
    + ", ".join(
        f"i % {k + 7} AS i{k}, "
        f"CASE WHEN i % 5 > 0 THEN round((i * {k + 3}) % 101 / 7, 2) END AS d{k}, "
        f"CAST(i % 13 * {k + 1} / 4 AS DECIMAL(18, 2)) AS m{k}, "
        f"i % {k + 2} = 0 AS b{k}, "
        f"DATE '2021-01-01' + CAST(i % 40 * {k + 1} AS INTEGER) AS dt{k}, "
        f"TIMESTAMP '2021-01-01 08:00' + INTERVAL (i % 17 * {k + 1}) HOUR AS ts{k}, "
        f"TIME '06:00' + INTERVAL (i % 30 * {k + 1}) MINUTE AS tm{k}, "
        f"'v' || (i % {k + 11}) AS s{k}, "
        f"CAST(NULL AS DOUBLE) AS nd{k}, CAST(NULL AS VARCHAR) AS ns{k}, CAST(NULL AS BOOLEAN) AS nb{k}, "
        f"CAST(NULL AS DATE) AS ndt{k}"
        for k in range(3)
    )
    + ", gen_random_uuid() AS u FROM range(3000) r(i)"
)


def _same(a: ColumnProfile, b: ColumnProfile) -> None:
    for field in a.__dataclass_fields__:
        x, y = getattr(a, field), getattr(b, field)
        if isinstance(x, (float, dict)):  # sums in another order: the last bits may differ
            assert y == pytest.approx(x, rel=1e-12), (a.column_name, field)
        else:
            assert x == y, (a.column_name, field)


@pytest.mark.parametrize("bounds", [None, "data", "wider"])
def test_short_wide_tables_are_profiled_stacked_with_the_same_results(
    con: duckdb.DuckDBPyConnection, monkeypatch: pytest.MonkeyPatch, bounds: str | None
) -> None:
    con.execute(WIDE)
    columns = columns_of(con)
    assert len(columns) >= profiler.STACKED_MIN_COLUMNS
    given = None
    if bounds is not None:
        ranges = con.execute(
            "SELECT " + ", ".join(f"min(i{k}), max(i{k}), min(d{k}), max(d{k})" for k in range(3)) + " FROM t"
        ).fetchone()
        assert ranges is not None
        widen = 0.0 if bounds == "data" else 5.0
        given = {
            f"{name}{k}": (float(ranges[4 * k + 2 * j]) - widen, float(ranges[4 * k + 2 * j + 1]))
            for k in range(3)
            for j, name in enumerate(("i", "d"))
        }
    counting = CountingConnection(con)
    stacked = profile_columns(cast(duckdb.DuckDBPyConnection, counting), REL, columns, bounds=given)
    assert counting.statements <= 3
    monkeypatch.setattr(profiler, "STACKED_MAX_ROWS", 0)
    per_column = profile_columns(con, REL, columns, bounds=given)
    for a, b in zip(per_column, stacked, strict=True):
        _same(a, b)
    by_name = {p.column_name: p for p in stacked}
    assert by_name["i2"].top_values[:2] == [{"value": "0", "count": 334}, {"value": "1", "count": 334}]
    assert by_name["nd0"].null_count == 3000
    assert by_name["nd0"].histogram is None
    assert by_name["b0"].histogram == [{"bucket": "false", "count": 1500}, {"bucket": "true", "count": 1500}]
    assert histogram_total(by_name["d1"]) == 2400
    assert by_name["u"].distinct_count == 3000


# Spelling -----------------------------------------------------------------------------------

MENU = (
    "CREATE TABLE t AS SELECT name, i AS n FROM (VALUES ('Mac & Cheese '), ('Caesar Salad'), ('Caesar Salad'), "
    "('caesar salad'), ('Fries'), ('Club  Sandwich'), ('Club Sandwich'), ('\tSoda'), (NULL)) v(name), range(2) r(i)"
)


def test_text_of_few_values_names_stray_spaces_and_case_variants(con: duckdb.DuckDBPyConnection) -> None:
    # A hand-kept menu sheet: "Mac & Cheese " with a trailing space, "caesar salad" beside
    # "Caesar Salad", a double space, a tab pasted before "Soda"; "Fries" is spelled once.
    con.execute(MENU)
    p = profile(con)
    assert p["name"].spelling == (
        ("Caesar Salad", 4), ("\tSoda", 2), ("Club  Sandwich", 2), ("Club Sandwich", 2),
        ("Mac & Cheese ", 2), ("caesar salad", 2),
    )  # fmt: skip
    assert p["n"].spelling is None  # numbers are not spelled


def test_text_without_stray_spelling_gets_an_empty_check(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("CREATE TABLE t AS SELECT * FROM (VALUES ('Burger'), ('Fries'), ('Soda')) v(s)")
    assert profile(con)["s"].spelling == ()


def test_spelling_is_checked_for_few_values_only(
    con: duckdb.DuckDBPyConnection, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A column of ids or emails has as many values as rows: its distinct values are not
    # compared (the check stays off columns of many values).
    monkeypatch.setattr(profiler, "SPELLING_MAX_VALUES", 3)
    monkeypatch.setattr(queries, "SPELLING_MAX_VALUES", 3)
    con.execute("CREATE TABLE t AS SELECT * FROM (VALUES ('a '), ('A'), ('b'), ('c')) v(s)")
    assert profile(con)["s"].spelling is None


@pytest.mark.parametrize("exact", [True, False])
def test_spelling_is_not_checked_where_the_sample_was_nearly_all_distinct(
    con: duckdb.DuckDBPyConnection, monkeypatch: pytest.MonkeyPatch, exact: bool
) -> None:
    # An export's e-mail column: its sample of rows was all distinct, so its million groups
    # are not kept for a check meant for categories; a column whose sample repeated itself
    # (a status) is still checked, and so is every column of a table of few rows.
    monkeypatch.setattr(profiler, "SPELLING_MAX_VALUES", 6)
    monkeypatch.setattr(queries, "SPELLING_MAX_VALUES", 6)
    con.execute("CREATE TABLE t AS SELECT * FROM (VALUES ('a@x.org', 'Open'), ('A@x.org', 'open '), "
                "('b@x.org', 'Open'), ('c@x.org', 'Closed'), ('d@x.org', 'Closed'), ('e@x.org', 'Open'), "
                "('e@x.org', 'Open')) v(email, status)")  # fmt: skip
    kwargs: dict[str, Any] = {} if exact else {"exact_distinct_max_rows": 5}
    shares = {"email": 1.0, "status": 0.4}
    p = profile(con, sampled_distinct=shares, **kwargs)
    assert p["email"].spelling is None
    assert p["status"].spelling == (("Open", 4), ("open ", 1))
    assert profile(con, **kwargs)["email"].spelling == (("A@x.org", 1), ("a@x.org", 1))
    assert profile(con, sampled_distinct=shares, row_count=6, **kwargs)["email"].spelling is not None


@pytest.mark.parametrize("exact", [True, False])
def test_spelling_is_the_same_stacked_and_above_the_exact_row_limit(
    con: duckdb.DuckDBPyConnection, monkeypatch: pytest.MonkeyPatch, exact: bool
) -> None:
    con.execute(MENU)
    con.execute("CREATE TABLE w AS SELECT *, " + ", ".join(f"name AS s{k}" for k in range(20)) + " FROM t")
    columns = columns_of(con, '"w"')
    kwargs: dict[str, Any] = {} if exact else {"exact_distinct_max_rows": 5}
    stacked = profile_columns(con, '"w"', columns, **kwargs)
    monkeypatch.setattr(profiler, "STACKED_MAX_ROWS", 0)
    per_column = profile_columns(con, '"w"', columns, **kwargs)
    expected = profile(con)["name"].spelling
    assert expected
    for a, b in zip(per_column, stacked, strict=True):
        assert a.spelling == b.spelling
        assert a.spelling == (expected if a.column_name != "n" else None)
