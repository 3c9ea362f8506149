"""The one-line names of the columns a wide table's results do not detail."""

from __future__ import annotations

import uuid

from datadossier.server.tools.models import brief_columns
from datadossier.store.domain import ColumnDetail


def _column(name: str, position: int, data_type: str = "INTEGER", null_ratio: float = 0.0, rows: int = 10) -> ColumnDetail:
    return ColumnDetail(
        column_id=uuid.uuid4(), column_name=name, column_position=position, raw_type="VARCHAR", resolved_type=data_type,
        table_name="t", source_name="s", total_count=rows, null_ratio=null_ratio, cardinality_ratio=0.5,
        detected_pattern=None, detected_unit=None, semantic_role=None, entity_type=None, business_name=None,
        detected_granularity=None, quality_score=None,
    )


def test_columns_numbered_alike_and_read_alike_are_one_line() -> None:
    # M5's sales: id, item_id, then d_1 .. d_1941, every one of them named before (a third of
    # them fitted, the rest unnamed and uncounted).
    columns = [_column("id", 0, "VARCHAR"), _column("item_id", 1, "VARCHAR")]
    columns += [_column(f"d_{n}", n + 1) for n in range(1, 1942)]
    columns[500] = _column("d_499", 500, null_ratio=0.25)  # a column read otherwise breaks the run
    briefs, cut = brief_columns(columns)
    assert not cut
    assert briefs == [
        "id: VARCHAR",
        "item_id: VARCHAR",
        "d_1 .. d_498: INTEGER (498 columns numbered alike)",
        "d_499: INTEGER (25% null)",
        "d_500 .. d_1941: INTEGER (1,442 columns numbered alike)",
    ]
    # Two alike are two lines; names with no number each their own.
    pair, _ = brief_columns([_column("x1", 0), _column("x2", 1), _column("total", 2)])
    assert pair == ["x1: INTEGER", "x2: INTEGER", "total: INTEGER"]


def test_columns_numbered_inside_their_names_are_one_line() -> None:
    # PISA's student file: plausible values PV1MATH .. PV10MATH, PV1READ .. PV10READ, the
    # number mid-name, were named one per line (about 150 lines for a real file's domains).
    columns = [_column("CNT", 0, "VARCHAR")]
    columns += [_column(f"PV{n}{domain}", len(columns) + n, "DOUBLE") for domain in ("MATH", "READ") for n in range(1, 11)]
    briefs, _ = brief_columns(columns)
    assert briefs == [
        "CNT: VARCHAR",
        "PV1MATH .. PV10MATH: DOUBLE (10 columns numbered alike)",
        "PV1READ .. PV10READ: DOUBLE (10 columns numbered alike)",
    ]


def test_columns_named_by_dates_are_one_line() -> None:
    # Zillow's home values: a column per month, 2000-01-31 .. 2023-12-31, older months emptier;
    # each was its own line (277 lines of a county file's answer).
    months = [f"{year}-{month:02d}-28" for year in range(2000, 2024) for month in range(1, 13)]
    columns = [_column("RegionID", 0), _column("RegionName", 1, "VARCHAR")]
    columns += [_column(m, i + 2, "DOUBLE", null_ratio=0.42 if m < "2002" else 0.0) for i, m in enumerate(months)]
    briefs, _ = brief_columns(columns)
    assert briefs == [
        "RegionID: INTEGER",
        "RegionName: VARCHAR",
        "2000-01-28 .. 2001-12-28: DOUBLE (42% null) (24 columns dated alike)",
        "2002-01-28 .. 2023-12-28: DOUBLE (264 columns dated alike)",
    ]
    # (JHU's 1/22/20 ... are dates too.)
    jhu, _ = brief_columns([_column(f"{m}/{d}/20", d) for m, d in [(1, 30), (1, 31), (2, 1), (2, 2)]])
    assert jhu == ["1/30/20 .. 2/2/20: INTEGER (4 columns dated alike)"]
    # (The NTD's months 1/2002 ... 9/2023 too: one run over the years, not one line a year.)
    ntd, _ = brief_columns([_column(f"{m}/{y}", i) for i, (y, m) in enumerate((y, m) for y in (2002, 2003) for m in range(1, 13))])
    assert ntd == ["1/2002 .. 12/2003: INTEGER (24 columns dated alike)"]


def test_columns_past_the_budget_are_counted() -> None:
    # GTEx's samples as columns: no numbering to fold, too many to name in the room.
    columns = [_column(f"GTEX-{n:05X}-0226-SM-{n:05X}Z", n, "DOUBLE") for n in range(2000)]
    briefs, cut = brief_columns(columns, budget=4_000)
    assert cut
    named = len(briefs) - 1
    assert briefs[-1] == (
        f"... and {2000 - named:,} more columns not named here, from {columns[named].column_name} on:"
        " page with `offset` or ask for a `column`."
    )


def test_a_column_of_a_value_or_two_is_not_shown_as_all_null() -> None:
    # Amazon's settlement report: the total and the currency on the first of 2,388 rows alone,
    # 99.96% NULL, were named "100% null", empty columns to an analyst.
    once = _column("total-amount", 0, "DOUBLE", null_ratio=2387 / 2388, rows=2388)
    empty = _column("merchant-order-item-id", 1, "VARCHAR", null_ratio=1.0, rows=2388)
    briefs, _ = brief_columns([once, empty])
    assert briefs == ["total-amount: DOUBLE (>99% null, 1 row filled)", "merchant-order-item-id: VARCHAR (100% null)"]
