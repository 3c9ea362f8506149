"""Helpers for inference tests: a DuckDB raw table built from Python lists."""

from __future__ import annotations

from collections.abc import Callable

import duckdb

from datadossier.engine.gateway import quote_ident
from datadossier.inference import ColumnInference

RELATION = '"raw"."test.t"'

# The `infer` fixture: columns of raw values in, inferences by column name out.
Infer = Callable[..., dict[str, ColumnInference]]


def build_raw_table(con: duckdb.DuckDBPyConnection, columns: dict[str, list[str | None]]) -> None:
    """(Re)create the raw test table: a `_row_id` and one VARCHAR column per entry."""
    lengths = {len(values) for values in columns.values()}
    assert len(lengths) == 1, "all columns need the same number of values"
    names = list(columns)
    selects = ", ".join(
        f"CAST(unnest(${i + 1}) AS VARCHAR) AS {quote_ident(n)}" for i, n in enumerate(names)
    )
    con.execute(f"DROP TABLE IF EXISTS {RELATION}")
    con.execute(
        f"CREATE TABLE {RELATION} AS SELECT row_number() OVER () - 1 AS _row_id, *"
        f" FROM (SELECT {selects})",
        [columns[n] for n in names],
    )


def utc_bounds(low: tuple[int, ...], high: tuple[int, ...]) -> tuple[float, float]:
    """A temporal column's bounds as inference reports them (epoch seconds), from the
    (year, month, day[, hour, minute, second]) of the lowest and highest values in UTC."""
    import datetime as dt

    return (dt.datetime(*low, tzinfo=dt.UTC).timestamp(), dt.datetime(*high, tzinfo=dt.UTC).timestamp())
