"""SQL that builds the typed layer from the raw one, for a decided type and pattern."""

from __future__ import annotations

from datadossier.inference.model import DataType
from datadossier.inference.patterns import MONEY_SQL_TYPE, Detector, detector_for


def sql_type(decided_type: DataType, pattern: str | None = None) -> str:
    """The DuckDB type a decided type (read with ``pattern``) is stored as in the typed layer:
    the type's own, or the pattern's where it says one (money with more decimals)."""
    if decided_type == "DECIMAL":
        return (detector_for(decided_type, pattern).sql_type if pattern is not None else None) or MONEY_SQL_TYPE
    return decided_type


def reading_type(detector: Detector) -> str:
    """The DuckDB type inference reads a detector's values as: its own, or its family's widest
    type (BIGINT for whole numbers, which the decision may narrow to INTEGER by range)."""
    return detector.sql_type or sql_type(detector.data_type)


def typed_expression(column_sql: str, decided_type: DataType, pattern: str | None) -> str:
    """DuckDB expression turning a raw VARCHAR value into ``decided_type``; NULL if it cannot.

    ``column_sql`` is the quoted column (or any VARCHAR expression). The cleaning follows the
    pattern: currency symbols, ISO codes and thousands separators are removed (a decimal comma
    for ``currency_eu``); a unit suffix is dropped ("12.5 kg" -> 12.5); a percentage keeps the
    number as written ("12.5%" -> 12.5, not 0.125); dates are read with the pattern's strptime
    formats; booleans from their usual spellings; surrounding spaces are ignored. Offsets of
    ``iso_datetime`` values are applied and the result is UTC. A VARCHAR decision returns the
    column unchanged. Raises ValueError for a pattern that does not convert to the type.
    """
    if decided_type == "VARCHAR":
        return column_sql
    if decided_type == "DECIMAL" and pattern is None:
        return f"TRY_CAST({column_sql} AS {MONEY_SQL_TYPE})"
    detector = detector_for(decided_type, pattern)
    if detector.convert is None:
        raise ValueError(f"Pattern {pattern!r} is a text pattern; it has no typed conversion.")
    if detector.data_type != decided_type and decided_type == "DATE":
        # Date-times all at midnight: the date of the date-time.
        return f"CAST(({detector.convert(column_sql, sql_type('TIMESTAMP'))}) AS DATE)"
    target = sql_type(decided_type, pattern)
    converted = detector.convert(column_sql, target)
    if detector.data_type != ("BIGINT" if decided_type == "INTEGER" else decided_type):
        # A number's cleaning for another numeric type (a person's DOUBLE over amounts read as
        # DECIMAL "$1,200.00"): the cleaned number cast to it.
        return f"TRY_CAST(({converted}) AS {target})"
    return converted


def failed_condition(column_sql: str, decided_type: DataType, pattern: str | None) -> str:
    """SQL boolean, true when a raw value is present but its typed value is NULL (quarantine)."""
    if decided_type == "VARCHAR":
        return "FALSE"
    typed = typed_expression(column_sql, decided_type, pattern)
    return f"({column_sql} IS NOT NULL AND ({typed}) IS NULL)"
