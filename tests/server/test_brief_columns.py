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
