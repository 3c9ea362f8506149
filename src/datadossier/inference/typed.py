"""SQL that builds the typed layer from the raw one, for a decided type and pattern."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import cast

from datadossier.inference.model import DATA_TYPES, DataType
from datadossier.inference.patterns import MONEY_SQL_TYPE, Detector, detector_for

# DuckDB's widest DECIMAL: 38 digits, exact.
MAX_DECIMAL_PRECISION = 38
_DECIMAL = re.compile(r"DECIMAL\s*\(\s*([0-9]{1,2})\s*(?:,\s*([0-9]{1,2})\s*)?\)")
# Whole numbers past BIGINT, as DuckDB names them: up to 39 digits.
HUGEINT = "HUGEINT"


@dataclass(frozen=True, slots=True)
class AssignedType:
    """A type a person assigns: its name as stored ("HUGEINT", "DECIMAL(38,0)"), the family
    it is typed in, and the DuckDB type when it is wider than the family's own (None: the
    family's own, `sql_type`)."""

    name: str
    family: DataType
    sql: str | None = None


def assignable_type(text: str) -> AssignedType | None:
    """The type a person names, or None when datadossier cannot assign it: one of the decided
    types (DECIMAL is DECIMAL(18,4), money's), HUGEINT, or DECIMAL(p,s) of a precision up to 38.
    A raw EVM export's values in wei (10**18 a coin) fit neither BIGINT nor DECIMAL(18,4): a
    person asking for HUGEINT or DECIMAL(38,0) was refused, and DECIMAL quarantined most rows."""
    wanted = text.strip().upper()
    if wanted in DATA_TYPES:
        return AssignedType(wanted, cast(DataType, wanted))
    if wanted == HUGEINT:
        return AssignedType(HUGEINT, "BIGINT", HUGEINT)
    found = _DECIMAL.fullmatch(wanted)
    if found is None:
        return None
    precision, scale = int(found.group(1)), int(found.group(2) or 0)
    if not 1 <= precision <= MAX_DECIMAL_PRECISION or scale > precision:
        return None
    name = f"DECIMAL({precision},{scale})"
    return AssignedType(name, "DECIMAL", name)


# Whole digits each integer type holds in full (INTEGER's 2,147,483,647 has ten, not all of them).
_WHOLE_DIGITS = {"INTEGER": 9, "BIGINT": 18, HUGEINT: 38}


def whole_digits(type_name: str) -> int | None:
    """The digits before the decimal point that every value of an assignable type holds: a
    DECIMAL(p,s)'s p - s (14 for DECIMAL, money's DECIMAL(18,4)), an integer type's in full;
    None for a type of no such limit or one datadossier does not assign. set_column_type's
    warning names it when wei values (21 digits) fail the type asked for."""
    assigned = assignable_type(type_name)
    if assigned is None:
        return None
    stored = assigned.sql or sql_type(assigned.family)
    found = _DECIMAL.fullmatch(stored)
    if found is not None:
        return int(found.group(1)) - int(found.group(2) or 0)
    return _WHOLE_DIGITS.get(stored)


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


def typed_expression(column_sql: str, decided_type: DataType, pattern: str | None, target: str | None = None) -> str:
    """DuckDB expression turning a raw VARCHAR value into ``decided_type``; NULL if it cannot.

    ``column_sql`` is the quoted column (or any VARCHAR expression). The cleaning follows the
    pattern: currency symbols, ISO codes and thousands separators are removed (a decimal comma
    for ``currency_eu``); a unit suffix is dropped ("12.5 kg" -> 12.5); a percentage keeps the
    number as written ("12.5%" -> 12.5, not 0.125); dates are read with the pattern's strptime
    formats; booleans from their usual spellings; surrounding spaces are ignored. Offsets of
    ``iso_datetime`` values are applied and the result is UTC. A VARCHAR decision returns the
    column unchanged. ``target``: the DuckDB type a person assigned, wider than the type's own
    (HUGEINT, DECIMAL(38,0): see `assignable_type`). Raises ValueError for a pattern that does
    not convert to the type.
    """
    if decided_type == "VARCHAR":
        return column_sql
    if decided_type == "DECIMAL" and pattern is None:
        return f"TRY_CAST({column_sql} AS {target or MONEY_SQL_TYPE})"
    detector = detector_for(decided_type, pattern)
    if detector.convert is None:
        raise ValueError(f"Pattern {pattern!r} is a text pattern; it has no typed conversion.")
    if detector.data_type != decided_type and decided_type == "DATE":
        # Date-times all at midnight: the date of the date-time.
        return f"CAST(({detector.convert(column_sql, sql_type('TIMESTAMP'))}) AS DATE)"
    target = target or sql_type(decided_type, pattern)
    converted = detector.convert(column_sql, target)
    if detector.data_type != ("BIGINT" if decided_type == "INTEGER" else decided_type):
        # A number's cleaning for another numeric type (a person's DOUBLE over amounts read as
        # DECIMAL "$1,200.00"): the cleaned number cast to it.
        return f"TRY_CAST(({converted}) AS {target})"
    return converted


def failed_condition(column_sql: str, decided_type: DataType, pattern: str | None, target: str | None = None) -> str:
    """SQL boolean, true when a raw value is present but its typed value is NULL (quarantine)."""
    if decided_type == "VARCHAR":
        return "FALSE"
    typed = typed_expression(column_sql, decided_type, pattern, target)
    return f"({column_sql} IS NOT NULL AND ({typed}) IS NULL)"
