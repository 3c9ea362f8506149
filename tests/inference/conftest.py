"""Fixtures for inference tests: an in-memory DuckDB, and inference over lists of values."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import duckdb
import pytest

from datadossier.inference import DEFAULT_CONFIG, ColumnInference, InferenceConfig, infer_columns
from tests.inference.helpers import RELATION, Infer, build_raw_table


@pytest.fixture
def con() -> Iterator[duckdb.DuckDBPyConnection]:
    connection = duckdb.connect()
    connection.execute('CREATE SCHEMA "raw"')
    yield connection
    connection.close()


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
