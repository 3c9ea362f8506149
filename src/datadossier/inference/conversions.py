"""Readings computed once, while the stage table is loaded, and read back by name.

Inference scans every shortlisted conversion of a column over the whole table (with the marks
and units written beside the numbers), and the typed layer then evaluates the chosen one again.
The conversions are most of the cost of both (the regular expressions and strptime of money,
unit and date shapes), so when the shortlists are known before the stage exists (from a sample
of the file) the pipeline computes each reading once, as an extra column of the stage, and the
scan, the failed examples and the typed and quarantine layers read that column instead of the
expression. A reading that was not computed that way (a column whose shortlist was made later,
a manual type) falls back to the expression: both give the same values, since the column holds
exactly that expression.

A column whose every reading converts its values (no text pattern among them) can be held
*thin*: the stage keeps its text only in the rows where some conversion (of any column)
failed. Materialising text is most of a stage's cost, and every later use of a converted
column's text is in such rows: failure counts, failed examples, the quarantine's raw values
(see `Readings.stage_select` and `Readings.present`). When the decisions need more text than
that (a VARCHAR decision, a manual type), the stage is loaded again with it in full
(`sources.layers.text_needed`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Literal

from datadossier.engine.gateway import quote_ident, quote_literal
from datadossier.inference.model import DataType
from datadossier.inference.patterns import DETECTORS, Detector, PatternName, detector_for
from datadossier.inference.typed import reading_type, sql_type

# Stage columns holding readings start with this; no loaded column may (see `is_reading`).
READING_PREFIX = "__dd_reading_"


# A stage column numbering the rows (1-based, file order), there only when a column of the data
# is itself named rowid: that name hides DuckDB's own rowid, which otherwise numbers them.
ROW_COLUMN = f"{READING_PREFIX}row"


def hides_rowid(names: Iterable[str]) -> bool:
    """Whether a column of the data is named rowid (in any case: DuckDB's names ignore it)."""
    return any(name.lower() == "rowid" for name in names)


def row_number_sql(names: Iterable[str]) -> str:
    """SQL for a stage row's position in the file (1-based), given the data's column names."""
    return quote_ident(ROW_COLUMN) if hides_rowid(names) else "rowid + 1"


def is_reading(column: str) -> bool:
    """Whether a stage column is a precomputed reading rather than a column of the data."""
    return column.startswith(READING_PREFIX)


# What a reading holds: the typed value, whether the value carries the pattern's marks (a
# lenient pattern), the unit or currency written with it, whether a text pattern matches, or
# whether a whole number is written with a leading zero.
Kind = Literal["value", "mark", "marker", "match", "zero"]


def leading_zero_sql(column_sql: str) -> str:
    """SQL boolean: the text is a number written with a leading zero ("00501", "0042"; not
    "0" nor "0.5", nor a zero padded with spaces on its right as fixed-width exports write
    it, "0 "), as codes are (zips, accounts). Checked on the value as written: trimming with a
    character set costs more than the whole integer conversion."""
    return (
        f"(starts_with({column_sql}, '0') AND substr({column_sql}, 2, 1) BETWEEN '0' AND '9'"
        f" AND NOT contains({column_sql}, '.'))"
    )


def reading_sql(detector: Detector, kind: Kind, column_sql: str) -> str:
    """The expression of one reading of a column (quoted as ``column_sql``)."""
    if kind == "zero":
        return leading_zero_sql(column_sql)
    if kind == "value":
        assert detector.convert is not None
        return detector.convert(column_sql, reading_type(detector))
    if kind == "mark":
        assert detector.mark is not None
        return detector.mark(column_sql)
    if kind == "marker":
        assert detector.marker is not None
        return detector.marker(column_sql)
    return detector.full_match_sql(column_sql)


def kinds_of(detector: Detector) -> list[Kind]:
    """The readings inference takes of a detector on each value."""
    if detector.convert is None:
        return ["match"]
    kinds: list[Kind] = ["value"]
    if detector.marker is not None:
        kinds.append("marker")
    elif detector.mark is not None:
        kinds.append("mark")
    if detector.name == "integer":
        # Counted over the whole column, also in rows a thin column keeps no text of: the
        # sample misses codes whose zeros sit in one stretch of a sorted file (zips of the
        # Northeast, sorted by state).
        kinds.append("zero")
    return kinds


# The stage query's flag of rows that keep the text of thin columns (never a stage column).
_KEEP_TEXT = f"{READING_PREFIX}keep_text"


@dataclass(frozen=True, slots=True)
class Readings:
    """Which readings exist as stage columns, and under which names; and which columns the
    stage holds thin."""

    names: dict[tuple[str, PatternName, Kind], str] = field(default_factory=lambda: {})
    thin: frozenset[str] = frozenset()
    # Markers of a missing value per column (`SampleFindings.missing`): no failure, so a row
    # keeps its thin columns' text for them only in the marker's own column.
    missing: dict[str, tuple[str, ...]] = field(default_factory=lambda: {})

    def holds(self, stage_column: str) -> bool:
        """Whether a stage column is one of these readings (not a column of the data)."""
        return stage_column in self.names.values()

    def thinned(self, columns: set[str]) -> Readings:
        """These readings with ``columns`` held thin, those of them that can be: every
        reading of the column converts its values (a text pattern's match needs the text of
        every row)."""
        kinds: dict[str, set[Kind]] = {}
        for column, _pattern, kind in self.names:
            kinds.setdefault(column, set()).add(kind)
        return replace(
            self, thin=frozenset(c for c in columns if "value" in kinds.get(c, set()) and "match" not in kinds[c])
        )

    def with_text(self, columns: set[str]) -> Readings:
        """These readings with ``columns`` no longer thin."""
        return replace(self, thin=self.thin - columns)

    def _values(self, column: str) -> list[str]:
        return [name for (c, _p, kind), name in self.names.items() if c == column and kind == "value"]

    def stage_select(self, source: str, *, numbered: bool = False) -> str:
        """The stage's rows: every column of ``source`` (a file reader), then every reading
        (``numbered``: first the rows' positions as `ROW_COLUMN`, see `hides_rowid`; a
        window function, which loads on one thread).
        A thin column's text is kept only in rows where some conversion fails (a value
        present, its reading NULL), so a row that a reading sends to quarantine keeps the text
        of all of them. (A row that a conversion computed later sends there would not: see
        `sources.layers.text_needed`.)"""
        position = [f"row_number() OVER () AS {quote_ident(ROW_COLUMN)}"] if numbered else []
        rows = f"SELECT {', '.join(['*', *position, *self.select_list()])} FROM {source}"
        if not self.thin:
            return rows
        failed = " OR ".join(
            f"({quote_ident(column)} IS NOT NULL AND {quote_ident(name)} IS NULL"
            + (f" AND NOT {missing_sql(quote_ident(column), self.missing[column])})" if column in self.missing else ")")
            for (column, _pattern, kind), name in self.names.items()
            if kind == "value"
        )
        flag = quote_ident(_KEEP_TEXT)

        def keep(column: str) -> str:
            col = quote_ident(column)
            own = f" OR {missing_sql(col, self.missing[column])}" if column in self.missing else ""
            return f"CASE WHEN {flag}{own} THEN {col} END AS {col}"

        kept = ", ".join(keep(column) for column in sorted(self.thin))
        # Two levels, so that the readings are computed once and the flag once per row.
        return f"SELECT * EXCLUDE ({flag}) REPLACE ({kept}) FROM (SELECT *, {failed} AS {flag} FROM ({rows}))"

    def present(self, column: str, missing: Iterable[str] = ()) -> str:
        """SQL boolean over the stage: the column's value is not NULL, nor one of the
        ``missing`` markers. For a thin column, a value is present where its text was kept or
        its first reading converted it (a row without its text converted all of them; a
        marker converts to nothing, so its text is kept)."""
        col = quote_ident(column)
        text = f"{col} IS NOT NULL" + (f" AND NOT {missing_sql(col, missing)}" if missing else "")
        if column not in self.thin:
            return text
        return f"(({text}) OR {quote_ident(self._values(column)[0])} IS NOT NULL)"

    def select_list(self) -> list[str]:
        """``expression AS name`` for every reading, over the loaded columns."""
        return [
            f"{reading_sql(DETECTORS[pattern], kind, quote_ident(column))} AS {quote_ident(name)}"
            for (column, pattern, kind), name in self.names.items()
        ]

    def sql(self, column: str, detector: Detector, kind: Kind = "value") -> str:
        """SQL for one reading of a column: the stage column when the load computed it, else
        the expression itself."""
        name = self.names.get((column, detector.name, kind))
        return quote_ident(name) if name is not None else reading_sql(detector, kind, quote_ident(column))

    def typed(self, column: str, decided_type: DataType, pattern: str | None) -> str | None:
        """SQL for a column's value as the typed layer stores it, read from a stage column;
        None when no reading of that pattern was computed."""
        if decided_type == "VARCHAR" or (decided_type == "DECIMAL" and pattern is None):
            return None
        detector = detector_for(decided_type, pattern)
        name = self.names.get((column, detector.name, "value"))
        if name is None:
            return None
        target = sql_type(decided_type, pattern)
        # The integer family is read as BIGINT; an INTEGER decision narrows it (a value out of
        # range is NULL, as the INTEGER conversion itself would give).
        return quote_ident(name) if target == reading_type(detector) else f"TRY_CAST({quote_ident(name)} AS {target})"


NO_READINGS = Readings()


def missing_sql(column_sql: str, missing: Iterable[str]) -> str:
    """SQL boolean: the value is one of the column's markers of a missing value (NULL for a
    NULL value; see `sampling.MISSING_MARKER`)."""
    return f"{column_sql} IN ({', '.join(quote_literal(m) for m in sorted(missing))})"


def plan_readings(
    shortlists: dict[str, list[PatternName]], missing: dict[str, tuple[str, ...]] | None = None
) -> Readings:
    """A stage column for every reading inference takes of each shortlisted pattern (and the
    columns' markers of a missing value, see `Readings.missing`)."""
    names: dict[tuple[str, PatternName, Kind], str] = {}
    for column, patterns in shortlists.items():
        for pattern in patterns:
            for kind in kinds_of(DETECTORS[pattern]):
                names[(column, pattern, kind)] = f"{READING_PREFIX}{len(names)}"
    return Readings(names, missing={c: m for c, m in (missing or {}).items() if m})
