"""Which family of statistics a DuckDB column type gets.

Profiling computes different aggregates per family; the family is decided from the type name
DuckDB reports (``DESCRIBE``/``information_schema``), so this module is pure string work.
"""

from __future__ import annotations

import re
from typing import Literal

ColumnKind = Literal["integer", "float", "boolean", "temporal", "time", "text", "other"]
"""``other`` covers every type without its own statistics (UUID, BLOB, LIST, STRUCT,
INTERVAL, ...): such columns are profiled as text through a cast to VARCHAR."""

_INTEGER_TYPES = frozenset(
    {
        "TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT",
        "UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT", "UHUGEINT",
        "INT1", "INT2", "INT4", "INT8", "INT", "SHORT", "LONG", "SIGNED",
        "INT16", "INT32", "INT64", "INT128",
    }
)  # fmt: skip
_FLOAT_TYPES = frozenset({"DOUBLE", "FLOAT", "REAL", "FLOAT4", "FLOAT8", "DOUBLE PRECISION"})
_DECIMAL = re.compile(r"^(DECIMAL|NUMERIC)\s*(\(\s*\d+\s*(,\s*\d+\s*)?\))?$")
_TEMPORAL_TYPES = frozenset(
    {
        "DATE", "TIMESTAMP", "DATETIME", "TIMESTAMP_S", "TIMESTAMP_MS", "TIMESTAMP_NS",
        "TIMESTAMP WITH TIME ZONE", "TIMESTAMPTZ",
    }
)  # fmt: skip
_TEXT_TYPES = frozenset({"VARCHAR", "TEXT", "STRING", "CHAR", "BPCHAR"})


def column_kind(duckdb_type: str) -> ColumnKind:
    """The statistics family of a DuckDB type name such as ``DECIMAL(18,2)`` or ``DATE``."""
    name = " ".join(duckdb_type.strip().upper().split())
    if name in _INTEGER_TYPES:
        return "integer"
    if name in _FLOAT_TYPES or _DECIMAL.match(name):
        return "float"
    if name in ("BOOLEAN", "BOOL", "LOGICAL"):
        return "boolean"
    if name in _TEMPORAL_TYPES or name.startswith(("TIMESTAMP_", "TIMESTAMPTZ_")):
        return "temporal"  # (and whatever precision a writer chose: TIMESTAMPTZ_NS)
    if name == "TIME":
        return "time"
    if name in _TEXT_TYPES or name.startswith("VARCHAR("):
        return "text"
    return "other"


def is_numeric(kind: ColumnKind) -> bool:
    """Whether the family gets numeric statistics (min/max/mean/stddev/percentiles)."""
    return kind in ("integer", "float")
