"""Fixtures for inference tests: a DuckDB raw table built from Python lists."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import duckdb
import pytest

from datadossier.inference import DEFAULT_CONFIG, ColumnInference, InferenceConfig, infer_columns

RELATION = '"raw"."test.t"'

Infer = Callable[..., dict[str, ColumnInference]]


@pytest.fixture
def con() -> Iterator[duckdb.DuckDBPyConnection]:
    connection = duckdb.connect()
    connection.execute('CREATE SCHEMA "raw"')
    yield connection
    connection.close()


def build_raw_table(con: duckdb.DuckDBPyConnection, columns: dict[str, list[str | None]]) -> None:
    """(Re)create the raw test table: a `_row_id` and one VARCHAR column per entry."""
    lengths = {len(values) for values in columns.values()}
    assert len(lengths) == 1, "all columns need the same number of values"
    names = list(columns)
    selects = ", ".join(f'CAST(unnest(${i + 1}) AS VARCHAR) AS "{n}"' for i, n in enumerate(names))
    con.execute(f"DROP TABLE IF EXISTS {RELATION}")
    con.execute(
        f"CREATE TABLE {RELATION} AS SELECT row_number() OVER () - 1 AS _row_id, *"
        f" FROM (SELECT {selects})",
        [columns[n] for n in names],
    )


@pytest.fixture
def infer(con: duckdb.DuckDBPyConnection) -> Infer:
    """Build the raw table from ``columns`` and infer every column; results by name."""

    def run(
        columns: dict[str, list[str | None]], config: InferenceConfig = DEFAULT_CONFIG
    ) -> dict[str, ColumnInference]:
        build_raw_table(con, columns)
        pairs = [(name, "VARCHAR") for name in columns]
        return {r.column_name: r for r in infer_columns(con, RELATION, pairs, config=config)}

    return run


@pytest.fixture
def convert(con: duckdb.DuckDBPyConnection) -> Callable[[str, str], object]:
    """Evaluate a SQL expression over one bound VARCHAR value ($1)."""

    def run(sql: str, value: str) -> object:
        row = con.execute(f"SELECT {sql}", [value]).fetchone()
        assert row is not None
        return row[0]

    return run
