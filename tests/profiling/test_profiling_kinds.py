"""Statistics families of DuckDB type names."""

from __future__ import annotations

import pytest

from datadossier.profiling.kinds import column_kind


@pytest.mark.parametrize(
    ("duckdb_type", "kind"),
    [
        ("BIGINT", "integer"),
        ("integer", "integer"),
        ("UBIGINT", "integer"),
        ("HUGEINT", "integer"),
        ("DOUBLE", "float"),
        ("FLOAT", "float"),
        ("DECIMAL(18,2)", "float"),
        ("DECIMAL(18, 2)", "float"),
        ("NUMERIC", "float"),
        ("BOOLEAN", "boolean"),
        ("DATE", "temporal"),
        ("TIMESTAMP", "temporal"),
        ("TIMESTAMP WITH TIME ZONE", "temporal"),
        ("TIMESTAMP_NS", "temporal"),
        ("TIMESTAMPTZ_NS", "temporal"),  # (pandas' datetime64[ns, UTC] in Parquet)
        ("TIME", "time"),
        ("VARCHAR", "text"),
        ("UUID", "other"),
        ("INTEGER[]", "other"),
        ("STRUCT(a INTEGER)", "other"),
        ("INTERVAL", "other"),
        ("BLOB", "other"),
    ],
)
def test_column_kind(duckdb_type: str, kind: str) -> None:
    assert column_kind(duckdb_type) == kind
