"""Columns the source already typed (Parquet): one candidate, their own type, units by name."""

from __future__ import annotations

import re

from datadossier.inference.date_patterns import epoch_pattern_of
from datadossier.inference.model import ColumnInference, DataType, TypeCandidate
from datadossier.inference.names import looks_like_instant
from datadossier.inference.scan import ColumnScan
from datadossier.inference.units import name_unit_note, scale_note, unit_from_name
from datadossier.inference.values import as_bound

_NATIVE: dict[str, DataType] = {
    "TINYINT": "INTEGER", "SMALLINT": "INTEGER", "INTEGER": "INTEGER", "INT": "INTEGER",
    "UTINYINT": "INTEGER", "USMALLINT": "INTEGER",
    "BIGINT": "BIGINT", "UINTEGER": "BIGINT",
    # Beyond BIGINT's range: exact numbers all the same.
    "UBIGINT": "DECIMAL", "HUGEINT": "DECIMAL", "UHUGEINT": "DECIMAL", "DECIMAL": "DECIMAL",
    "NUMERIC": "DECIMAL",
    "FLOAT": "DOUBLE", "REAL": "DOUBLE", "DOUBLE": "DOUBLE",
    "BOOLEAN": "BOOLEAN", "DATE": "DATE",
    "TIMESTAMP": "TIMESTAMP", "TIMESTAMP_S": "TIMESTAMP", "TIMESTAMP_MS": "TIMESTAMP",
    "TIMESTAMP_NS": "TIMESTAMP", "TIMESTAMP WITH TIME ZONE": "TIMESTAMP",
    "TIMESTAMPTZ": "TIMESTAMP", "TIME": "TIME", "TIME WITH TIME ZONE": "TIME", "TIMETZ": "TIME",
}
_NUMERIC: frozenset[DataType] = frozenset({"BIGINT", "INTEGER", "DOUBLE", "DECIMAL"})


def is_text_type(duckdb_type: str) -> bool:
    """Whether a DuckDB column type is text that inference must read (VARCHAR and aliases)."""
    base = re.sub(r"\(.*\)$", "", duckdb_type.strip().upper())
    return base in ("VARCHAR", "TEXT", "STRING", "CHAR", "BPCHAR")


def native_data_type(duckdb_type: str) -> DataType:
    """Our type for a DuckDB type: integers by width, floats as DOUBLE, timestamps of any
    precision with or without zone as TIMESTAMP; anything else (lists, structs, blobs, UUID,
    ENUM, geometry) as VARCHAR."""
    base = re.sub(r"\(.*\)$", "", duckdb_type.strip().upper())
    if base.startswith("TIMESTAMP"):
        return "TIMESTAMP"  # (TIMESTAMPTZ_NS, TIMESTAMP_US, ... whatever precision the writer chose)
    return _NATIVE.get(base, "VARCHAR")


# What a source type outside the scalar types is, for a decision's reason.
_COMPOUND = (
    (re.compile(r"\[[0-9]*\]$"), "a list"),
    (re.compile(r"^STRUCT\b"), "a struct"),
    (re.compile(r"^MAP\b"), "a map"),
    (re.compile(r"^UNION\b"), "a union"),
    (re.compile(r"^(?:BLOB|BYTEA|BINARY|VARBINARY)\b"), "bytes"),
    (re.compile(r"^GEOMETRY\b"), "a geometry"),
    (re.compile(r"^ENUM\b"), "an enumeration"),
    (re.compile(r"^UUID$"), "a UUID"),
    (re.compile(r"^INTERVAL$"), "an interval"),
)


def _kept_reason(raw_type: str, data_type: DataType) -> str:
    """Why a source-typed column has ``data_type``: kept, or, for a type no scalar type holds
    (a list, a struct, bytes), kept as the source wrote it with the nearest scalar type named."""
    upper = raw_type.strip().upper()
    if data_type == "VARCHAR" and not is_text_type(raw_type):
        what = next((label for pattern, label in _COMPOUND if pattern.search(upper)), "a type of its own")
        return f"Typed by the source as {raw_type} ({what}); the typed layer keeps it so, and reads it as text (VARCHAR) where one scalar type is asked for."
    if data_type == "TIMESTAMP" and ("TZ" in upper or "TIME ZONE" in upper):
        return f"Typed by the source as {raw_type}; kept as {data_type} with its time zone (instants, shown in UTC)."
    if data_type == "DECIMAL" and not upper.startswith(("DECIMAL", "NUMERIC")):
        # (The typed layer keeps the source's type: a uint64 is no DECIMAL there.)
        return f"Typed by the source as {raw_type}; kept as {raw_type}, exact whole numbers beyond BIGINT's range."
    return f"Typed by the source as {raw_type}; kept as {data_type}."


_EPOCH_UNITS = {"epoch_seconds": "seconds", "epoch_millis": "milliseconds", "epoch_micros": "microseconds"}


def _epoch_reading(data_type: DataType, low: float | None, high: float | None) -> str | None:
    """The Unix time pattern every value of a source-typed number fits (1990-2100), if any."""
    if data_type not in _NUMERIC or data_type == "DECIMAL" or low is None or high is None:
        return None
    return epoch_pattern_of(low, high, whole=data_type != "DOUBLE")


def decide_native_column(name: str, raw_type: str, scan: ColumnScan) -> ColumnInference:
    """The single candidate of a column the source typed, its unit from the name if numeric;
    or, for numbers that are all Unix times under a name of a moment, TIMESTAMP."""
    data_type = native_data_type(raw_type)
    unit = unit_from_name(name) if data_type in _NUMERIC else None
    low, high = as_bound(scan.low), as_bound(scan.high)
    note = name_unit_note(unit, low, high, whole=data_type in ("INTEGER", "BIGINT"), name=name)
    if note:
        unit = None
    elif unit is None and data_type in _NUMERIC:
        note = scale_note(name)  # "Revenue (in millions)": say the scale, which no unit carries
    candidate = TypeCandidate(
        data_type=data_type, confidence=1.0, parse_success_rate=1.0,
        detected_unit=unit.unit if unit else None,
        unit_confidence=unit.confidence if unit else None,
    )
    said = f" Unit from the name: {unit.unit}." if unit else (note or "")
    nan = scan.missing.get("NaN", 0)
    nan_note = f" NaN ({nan:,} values) read as missing: the missing number of pandas, numpy and Spark." if nan else ""
    candidates = [candidate]
    epoch = _epoch_reading(data_type, low, high)
    if epoch is not None:
        # Parquet written by an event pipeline keeps its times as int64 (GA4's BigQuery export:
        # event_timestamp in microseconds): read as the CSV's digits are, by range and name.
        reading = f"Unix times in {_EPOCH_UNITS[epoch]} (1990-2100)"
        by_name = looks_like_instant(name)
        instant = TypeCandidate(
            data_type="TIMESTAMP", confidence=1.0 if by_name else 0.5, parse_success_rate=1.0,
            detected_pattern=epoch, pattern_match_rate=1.0, details={"name_evidence": by_name},
        )
        candidates.append(instant)
        if by_name:
            return ColumnInference(
                column_name=name, raw_type=raw_type, candidates=[instant, candidate], decided_type="TIMESTAMP",
                decided_pattern=epoch,
                reason=f"Typed by the source as {raw_type}; the name says time and every value reads as {reading}:"
                f" read as TIMESTAMP (UTC).{nan_note}",
                missing_values=dict(scan.missing),
                non_null_count=scan.non_null,
            )
        said += (
            f" The values also read as {reading}, but the name does not say time: kept as numbers"
            " (TIMESTAMP is the runner-up)."
        )
    return ColumnInference(
        column_name=name, raw_type=raw_type,
        candidates=candidates, decided_type=data_type,
        decided_pattern=None,
        reason=_kept_reason(raw_type, data_type) + said + nan_note,
        missing_values=dict(scan.missing),
        non_null_count=scan.non_null,
        bounds=None if low is None or high is None else (low, high),
    )
