"""Typed and quarantine layers, built from the raw layer and one type decision per column.

A row whose non-null value fails its column's cast goes to quarantine whole (all raw values
as text, the names of the failing columns, and ``_row_id``); every other row goes to the
typed layer. So raw rows = typed rows + quarantined rows, always.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from datadossier.engine import create_table, quote_ident, quote_literal
from datadossier.inference import failed_condition, sql_type, typed_expression
from datadossier.inference.conversions import NO_READINGS, Readings, missing_sql, row_number_sql
from datadossier.inference.date_patterns import EPOCH_SCALES, native_epoch_sql
from datadossier.inference.sampling import quoted_sql

if TYPE_CHECKING:
    import duckdb

    from datadossier.inference.model import DataType

FAILED_COLUMNS = "_failed_columns"
# The stage holds rows in file order (DuckDB keeps insertion order), so a row's position in the
# file is its rowid + 1. Numbering rows in the load itself (row_number() OVER ()) forces a
# single-threaded pipeline and cost up to half the load time, so it is done only where a
# column of the data hides the rowid (`conversions.row_number_sql`). The typed and quarantine
# layers store this number as the column _row_id.


@dataclass(frozen=True, slots=True)
class ColumnCast:
    """How one raw column becomes its typed value."""

    name: str
    raw_type: str
    decided_type: DataType
    pattern: str | None
    # False when inference saw every non-null value parse: the column needs no failure check.
    may_fail: bool = True
    # Stored without compression (see `PLAIN_DISTINCT_SHARE`).
    plain: bool = False
    # Values that mean "missing" in this column: NULL in a typed column, never a failure.
    missing: tuple[str, ...] = ()
    # Of those, the values read as 0 instead: a trace of rain or snow (NOAA's "T").
    zero: tuple[str, ...] = ()
    # Text padded to a width: the typed layer trims its spaces (see `decide.PADDED_SHARE`).
    trim: bool = False
    # Text that may hold values of spaces alone (the sample had spaced values): NULL for them.
    blank_null: bool = False
    # Text wrapped in single quotes, as ARFF writes nominal values: the quotes are removed.
    unquote: bool = False
    # The DuckDB type a person assigned where wider than the decided type's own (HUGEINT,
    # DECIMAL(38,0): see `inference.assignable_type`); None for the type's own.
    sql_type: str | None = None


# Text whose values are nearly all distinct and short (identifiers, UUIDs, e-mail addresses,
# codes) is stored in the typed layer without compression: DuckDB's string compression (a
# dictionary with FSST) finds little to share in such values, and it was most of the cost of
# writing the layer. 1M-row benchmark, UUID and e-mail columns plain: the write 0.89 s
# against 1.44 s (medians of 5), the layer 90 MB against 57 MB. Long text keeps compression,
# where it saves the most disk.
PLAIN_DISTINCT_SHARE = 0.9
PLAIN_MAX_LENGTH = 64


def stored_plain(decided_type: str, distinct_share: float | None, max_length: int | None) -> bool:
    """Whether a column's typed values are stored without compression (from its sample)."""
    return (
        decided_type == "VARCHAR"
        and distinct_share is not None
        and max_length is not None
        and distinct_share >= PLAIN_DISTINCT_SHARE
        and max_length <= PLAIN_MAX_LENGTH
    )


@dataclass(frozen=True, slots=True)
class LayerCounts:
    raw_rows: int
    typed_rows: int
    quarantine_rows: int


def _expression(cast: ColumnCast, readings: Readings) -> str:
    col = quote_ident(cast.name)
    if cast.raw_type.upper() != "VARCHAR":
        # Native Parquet types are kept unless a decision asks for another type; a float's
        # NaN is no value (see `scan`).
        if "NaN" in cast.missing and cast.decided_type == "DOUBLE":
            col = f"CASE WHEN isnan({col}) THEN NULL ELSE {col} END"
        if cast.decided_type == "TIMESTAMP" and cast.pattern in EPOCH_SCALES:
            return native_epoch_sql(col, cast.pattern)  # (an int64 of Unix times, see `native`)
        return col if cast.may_fail is False else f"TRY_CAST({col} AS {cast.sql_type or sql_type(cast.decided_type)})"
    if cast.decided_type == "VARCHAR" and cast.missing:
        # The table's letter for a missing value is no category of the text (IEM's "M" in
        # wxcodes): NULL, as in the table's numbers (see `ColumnInference.missing_in_text`).
        text = _text_expression(cast, col)
        return f"CASE WHEN {missing_sql(col, cast.missing)} THEN NULL ELSE {text} END"
    if cast.decided_type == "VARCHAR" and (cast.trim or cast.blank_null or cast.unquote):
        return _text_expression(cast, col)
    computed = _reading(cast, readings)
    typed = computed if computed is not None else typed_expression(col, cast.decided_type, cast.pattern, cast.sql_type)
    if cast.zero:
        # (A trace's "T" is text the reading left, also in a thin column: see `conversions`.)
        return f"CASE WHEN coalesce({missing_sql(col, cast.zero)}, false) THEN 0 ELSE {typed} END"
    return typed


def _reading(cast: ColumnCast, readings: Readings) -> str | None:
    """SQL for a cast's typed value read from the stage's readings (`Readings.typed`); None
    for a type a person made wider than its family's, whose readings are the family's (wei
    read as BIGINT are NULL: HUGEINT converts the raw text)."""
    return None if cast.sql_type is not None else readings.typed(cast.name, cast.decided_type, cast.pattern)


def _text_expression(cast: ColumnCast, col: str) -> str:
    """A text column's typed value: unwrapped from single quotes when so written, trimmed when
    padded, else as written."""
    if cast.unquote:
        # OpenML's freMTPL2freq writes Region "'R82'", which no lookup's R82 meets; a value
        # not wrapped is kept as written.
        col = f"CASE WHEN {quoted_sql(col)} THEN {col}[2:-2] ELSE {col} END"
    # A value of spaces alone is no value (the " " of NYC's sales' EASE-MENT, of a
    # fixed-width export's blank field): NULL, as an empty one is. Only in columns whose
    # sample held spaced values: the check costs the typed write 0.1 s a million rows.
    if cast.trim:
        return f"nullif(trim({col}), '')"
    if cast.blank_null:
        return f"CASE WHEN prefix({col}, ' ') AND trim({col}) = '' THEN NULL ELSE {col} END"
    return col


def _failure(cast: ColumnCast, readings: Readings) -> str | None:
    if not cast.may_fail:
        return None
    col = quote_ident(cast.name)
    if cast.raw_type.upper() != "VARCHAR":
        if cast.decided_type == "TIMESTAMP" and cast.pattern in EPOCH_SCALES:
            # (A float's NaN is no value: NULL, not a failure.)
            nan = f" AND NOT isnan({col})" if "NaN" in cast.missing else ""
            return f"({col} IS NOT NULL AND {native_epoch_sql(col, cast.pattern)} IS NULL{nan})"
        return f"({col} IS NOT NULL AND TRY_CAST({col} AS {cast.sql_type or sql_type(cast.decided_type)}) IS NULL)"
    computed = _reading(cast, readings)
    failed = (
        failed_condition(col, cast.decided_type, cast.pattern, cast.sql_type)
        if computed is None
        else f"({col} IS NOT NULL AND {computed} IS NULL)"
    )
    # A marker of a missing value converts to NULL, like a missing value, and is no failure.
    return f"({failed} AND NOT {missing_sql(col, cast.missing)})" if cast.missing else failed


def text_needed(casts: list[ColumnCast], readings: Readings) -> set[str]:
    """The stage's thin columns (see `inference.conversions`) whose full text these casts
    need: a thin column whose typed value no reading gives (a VARCHAR decision), and every
    thin column when a cast that may fail is not read from a reading (a manual type, a
    pattern planned after the load): the rows it sends to quarantine may lack their text."""
    if not readings.thin:
        return set()

    def read(cast: ColumnCast) -> bool:
        return cast.raw_type.upper() == "VARCHAR" and _reading(cast, readings) is not None

    if any(cast.may_fail and cast.decided_type != "VARCHAR" and not read(cast) for cast in casts):
        return set(readings.thin)
    return {cast.name for cast in casts if cast.name in readings.thin and not read(cast)}


def build_layers(
    con: duckdb.DuckDBPyConnection,
    raw: str,
    typed: str,
    quarantine: str,
    casts: list[ColumnCast],
    raw_rows: int,
    readings: Readings = NO_READINGS,
) -> LayerCounts:
    """Create (or replace) the typed and quarantine relations from ``raw`` (``raw_rows``
    rows, counted by the caller), reading typed values from ``readings`` where ``raw`` holds
    them. Both layers are counted for real, not derived, so the counts check that every raw
    row landed in exactly one of them."""
    row_id = row_number_sql(cast.name for cast in casts)
    failures = [(cast.name, cond) for cast in casts if (cond := _failure(cast, readings)) is not None]
    any_failed = " OR ".join(f"({cond})" for _, cond in failures) or "FALSE"
    select_typed = ", ".join([f"{row_id} AS _row_id", *(f"{_expression(c, readings)} AS {quote_ident(c.name)}" for c in casts)])
    rows = f"SELECT {select_typed} FROM {raw}" + (f" WHERE NOT ({any_failed})" if failures else "")
    create_table(con, typed, rows, uncompressed={c.name for c in casts if c.plain})
    failed_list = (
        "list_filter([" + ", ".join(
            f"CASE WHEN {cond} THEN {quote_literal(name)} END" for name, cond in failures
        ) + "], lambda x: x IS NOT NULL)"
        if failures
        else "CAST([] AS VARCHAR[])"
    )
    raw_values = ", ".join(f"CAST({quote_ident(c.name)} AS VARCHAR) AS {quote_ident(c.name)}" for c in casts)
    con.execute(
        f"CREATE OR REPLACE TABLE {quarantine} AS SELECT {row_id} AS _row_id, {failed_list} AS {FAILED_COLUMNS}"
        f"{', ' + raw_values if raw_values else ''} FROM {raw} WHERE {any_failed}"
    )
    typed_rows, quarantine_rows = con.execute(
        f"SELECT (SELECT count(*) FROM {typed}), (SELECT count(*) FROM {quarantine})"
    ).fetchall()[0]
    return LayerCounts(raw_rows=raw_rows, typed_rows=typed_rows, quarantine_rows=quarantine_rows)


def failed_values(con: duckdb.DuckDBPyConnection, quarantine: str, column: str, limit: int) -> list[str]:
    """Up to ``limit`` distinct raw values of ``column`` that sent their rows to ``quarantine``,
    the most frequent first: the values a person's type failed on, which the column's
    candidates need not list (a type no candidate proposed has no failed examples)."""
    col = quote_ident(column)
    rows = con.execute(
        f"SELECT {col}, count(*) AS n FROM {quarantine} WHERE list_contains({FAILED_COLUMNS}, ?)"
        f" GROUP BY {col} ORDER BY n DESC, {col} LIMIT ?",
        [column, limit],
    ).fetchall()
    return [str(value) for value, _ in rows if value is not None]


def column_failures(con: duckdb.DuckDBPyConnection, quarantine: str, typed: str, column: str) -> tuple[int, int]:
    """How many rows of ``quarantine`` failed on ``column``'s type, and how many values of it
    the ``typed`` layer holds: a person's type that fails on every value of a column whose
    other rows another column's type had quarantined already moves few rows, yet empties the
    table (Transfermarkt's heights made DOUBLE after its birth dates made DATE)."""
    col = quote_ident(column)
    failed, converted = con.execute(
        f"SELECT (SELECT count(*) FROM {quarantine} WHERE list_contains({FAILED_COLUMNS}, ?)),"
        f" (SELECT count({col}) FROM {typed})",
        [column],
    ).fetchall()[0]
    return int(failed), int(converted)
