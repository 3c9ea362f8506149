"""Columns written once per group: filled on the first row of each run of a column's value.

Exports of orders and catalogues often write a record's own fields once, on its first line,
and leave them empty on the lines below it: Shopify's orders export repeats the order's Name
on every line item but gives its Financial Status, Total and addresses on the first line
alone; its products export fills a product's Title and Vendor on the first variant of each
Handle. Those empty cells are not missing values: a filter on such a column keeps only the
first lines (an order's units counted from its first line item), and a join to them brings
NULL to the rest. Found from the typed layer in file order (`_row_id`), they are named with
the SQL that copies each value down its group.

A file can be one group: Amazon's settlement report gives the settlement's start, end and
deposit dates, its total and its currency on the first row alone, every row below blank. Each
of those columns holds one value for the whole file (not a column 99.96% empty), named with
that value and SQL copying it to every row.
"""

from __future__ import annotations

from typing import Any

from datadossier.engine.gateway import quote_ident
from datadossier.enrichment.model import ColumnStats, TableStats

# The rows after each group's first: at least this share of the table (else the layout says
# nothing), and at least this many groups.
_MIN_LATER_SHARE = 0.05
_MIN_GROUPS = 3
# Group columns tried, those of the most values first (an order's number before its status).
_MAX_GROUP_COLUMNS = 3
# A lone column so filled says it only when it is filled on nearly every group's first row.
_LONE_COVERAGE = 0.9
# A file that is one group: at least this many rows, and two columns of one value on its first
# row (a lone remark there may be chance).
_MIN_WHOLE_ROWS = 10
_MIN_WHOLE_COLUMNS = 2


def first_row_fields(con: Any, table: TableStats) -> dict[str, Any] | None:
    """The columns of ``table`` filled only on the first row of each run of one column's
    value, that column (whose runs must be its distinct values: each written in one run),
    how many groups there are, and SQL carrying the values down; None when there are none.
    When no column groups the rows, the columns holding one value on the table's first row
    alone (`_filled_once_at_top`): the ``group`` is None, one group, with ``values``.

    Cheap to rule out: a filled column holds at most as many values as the group column has
    distinct ones, and the group column has no NULL; only tables where such a pair exists
    are read (one windowed pass per group column tried).
    """
    later_needed = max(2, int(table.rows * _MIN_LATER_SHARE))
    sparse = [c for c in table.columns if c.nulls > 0 and c.non_null > 0]
    if table.rows < _MIN_GROUPS + later_needed or not sparse:
        return None
    groups = sorted(
        (g for g in table.columns if _may_group(g, table.rows - later_needed, min(c.non_null for c in sparse))),
        key=lambda g: -(g.distinct or 0),
    )[:_MAX_GROUP_COLUMNS]
    found: dict[str, Any] | None = None
    for group in groups:
        assert group.distinct is not None
        # (Distinct counts may be approximate above a size: a little room.)
        candidates = [c for c in sparse if c.name != group.name and c.non_null <= group.distinct * 1.05]
        if not candidates:
            continue
        filled, runs = _filled_by_group(con, table.relation, group, candidates, later_needed)
        if filled and (found is None or len(filled) > len(found["columns"])):
            found = {"group": group.name, "columns": filled, "groups": runs, "carry_down": _carry_down(table.relation, group.name, filled)}
    return found or _filled_once_at_top(con, table)


def _filled_once_at_top(con: Any, table: TableStats) -> dict[str, Any] | None:
    """The columns holding a single value, on the table's first row: a file's summary written
    once above its lines (Amazon's settlement total and currency), with each one's value as
    text and SQL giving it to every row; None when fewer than two columns are so."""
    once = [c for c in table.columns if c.non_null == 1]
    if table.rows < _MIN_WHOLE_ROWS or len(once) < _MIN_WHOLE_COLUMNS:
        return None
    texts = ", ".join(f"CAST({quote_ident(c.name)} AS VARCHAR)" for c in once)
    row = con.execute(f"SELECT {texts} FROM {table.relation} ORDER BY _row_id LIMIT 1").fetchone()
    values = {c.name: value for c, value in zip(once, row or (), strict=False) if value is not None}
    if len(values) < _MIN_WHOLE_COLUMNS:
        return None
    columns = list(values)
    copies = ", ".join(f"max({quote_ident(c)}) OVER () AS {quote_ident(c)}" for c in columns)
    return {
        "group": None, "columns": columns, "groups": 1, "values": values,
        "carry_down": f"SELECT * REPLACE ({copies}) FROM {table.relation}",
    }


def _may_group(column: ColumnStats, most_distinct: int, fewest_values: int) -> bool:
    return (
        column.nulls == 0 and column.family in ("string", "integer") and column.distinct is not None
        and _MIN_GROUPS <= column.distinct <= most_distinct and column.distinct >= fewest_values * 0.95
    )


def _filled_by_group(
    con: Any, relation: str, group: ColumnStats, candidates: list[ColumnStats], later_needed: int
) -> tuple[list[str], int]:
    """The candidates holding values on first rows of the group's runs alone, and the runs."""
    g = quote_ident(group.name)
    counts = ", ".join(
        f"count({quote_ident(c.name)}) FILTER (WHERE NOT _dd_first), count({quote_ident(c.name)}) FILTER (WHERE _dd_first)"
        for c in candidates
    )
    row = con.execute(
        f"SELECT count(*) FILTER (WHERE _dd_first), count(*) FILTER (WHERE NOT _dd_first), count(DISTINCT {g}), {counts}"
        f" FROM (SELECT *, {g} IS DISTINCT FROM lag({g}) OVER (ORDER BY _row_id) AS _dd_first FROM {relation})"
    ).fetchone()
    runs, later, distinct = int(row[0]), int(row[1]), int(row[2])
    if runs != distinct or later < later_needed:
        return [], runs  # values that come back later, or too few rows below the first ones
    # (Columns holding no value below the first rows: how many they hold on those rows.)
    on_first = {c.name: int(row[4 + 2 * i]) for i, c in enumerate(candidates) if int(row[3 + 2 * i]) == 0}
    filled = [name for name, count in on_first.items() if count > 0]
    # Two such columns, or one on (nearly) every group's first row: chance does neither.
    if len(filled) < 2 and not any(on_first[name] >= _LONE_COVERAGE * runs for name in filled):
        return [], runs
    return filled, runs


def _carry_down(relation: str, group: str, columns: list[str]) -> str:
    """DuckDB SQL reading the table with each column's value on every row of its group."""
    g = quote_ident(group)
    copies = ", ".join(f"max({quote_ident(c)}) OVER (PARTITION BY {g}) AS {quote_ident(c)}" for c in columns)
    return f"SELECT * REPLACE ({copies}) FROM {relation}"
