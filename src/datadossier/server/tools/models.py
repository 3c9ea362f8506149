"""Result models shared by several tools. Field descriptions become the output schema."""

from __future__ import annotations

import math
import re
from datetime import datetime
from typing import Any

from pydantic import BaseModel, Field, SerializerFunctionWrapHandler, model_serializer

from datadossier.store.domain import ColumnDetail, TableSummary

TEMPORAL_TYPES = ("DATE", "TIMESTAMP", "TIME")


class TableInfo(BaseModel):
    name: str = Field(description="Qualified name `source.table`; use it in every other tool.")
    source: str = Field(description="The source (folder or database) the table belongs to.")
    table: str = Field(description="The table's name inside its source.")
    path: str | None = Field(description="The file the table was loaded from.")
    file_format: str | None = Field(description="`csv` or `parquet`.")
    rows: int | None = Field(description="Rows in the typed layer (rows whose values all fit their types).")
    raw_rows: int | None = Field(description="Rows loaded from the file.")
    quarantined_rows: int | None = Field(
        description="Rows set aside because a value failed its column's type (raw = typed + quarantined)."
    )
    column_count: int = Field(description="Number of columns.")
    last_profiled_at: datetime | None = Field(description="When the latest profile was taken (UTC).")

    @classmethod
    def of(cls, t: TableSummary) -> TableInfo:
        return cls(
            name=t.qualified_name,
            source=t.source,
            table=t.table,
            path=t.path,
            file_format=t.file_format,
            rows=t.row_count,
            raw_rows=t.raw_rows,
            quarantined_rows=t.quarantine_rows,
            column_count=t.column_count,
            last_profiled_at=t.last_profiled_at,
        )


class _WithoutNulls(BaseModel):
    """A result whose fields without a value are left out of the JSON: a column's unknown
    role, entity, granularity, quality score... were about a third of each column's bytes."""

    @model_serializer(mode="wrap")
    def _without_nulls(self, handler: SerializerFunctionWrapHandler) -> Any:
        data = handler(self)
        return {k: v for k, v in data.items() if v is not None} if isinstance(data, dict) else data


class Candidate(_WithoutNulls):
    data_type: str = Field(description="A type the column could have.")
    confidence: float = Field(description="0..1, how strongly the evidence supports it.")
    parse_success_rate: float | None = Field(default=None, description="Share of non-null values that convert to this type (whole column).")
    failed_examples: list[Any] = Field(description="Up to 5 values that do not convert.")
    pattern: str | None = Field(default=None, description="Detected pattern, e.g. `us_date`, `currency`, `email`.")
    pattern_match_rate: float | None = Field(default=None, description="Share of non-null values matching the pattern.")
    unit: str | None = Field(default=None, description="Detected unit or currency code, e.g. `kg`, `USD`.")
    unit_confidence: float | None = Field(default=None, description="0..1 confidence in the unit.")


class Decision(_WithoutNulls):
    data_type: str = Field(description="The type the typed layer uses for this column.")
    source: str = Field(description="`auto` (inferred) or `manual` (set by a person; survives re-runs).")
    reason: str | None = Field(default=None, description="Why this type was chosen.")
    previous_type: str | None = Field(default=None, description="The type it replaced, if any.")
    decided_by: str | None = Field(default=None, description="`system` or who set it.")


class Profile(_WithoutNulls):
    total_count: int = Field(description="Rows in the typed layer.")
    null_count: int = Field(description="Null values.")
    distinct_count: int | None = Field(default=None, description="Distinct non-null values (approximate on large tables).")
    min: Any = Field(
        default=None, description="Minimum (numbers; ISO text for dates and times; '-Infinity' or 'NaN' when held)."
    )
    max: Any = Field(
        default=None, description="Maximum (numbers; ISO text for dates and times; 'Infinity' or 'NaN' when held)."
    )
    mean: float | None = Field(default=None, description="Mean of the finite numeric values.")
    stddev: float | None = Field(default=None, description="Standard deviation of the finite numeric values.")
    percentiles: dict[str, Any] | None = Field(
        default=None,
        description="p25, p50, p75, p95, p99 (approximate); p0 and p100 (exact min and max) for whole numbers past 2**53."
    )
    min_length: int | None = Field(default=None, description="Shortest text value.")
    max_length: int | None = Field(default=None, description="Longest text value.")
    avg_length: float | None = Field(default=None, description="Average text length.")
    top_values: list[dict[str, Any]] | None = Field(default=None, description="Most frequent values with counts.")
    histogram: list[dict[str, Any]] | None = Field(
        default=None, description="Buckets with counts (numbers: equal width; dates: by period). Only with a single column."
    )


class ColumnInfo(_WithoutNulls):
    """A column; a field without a value (a role or quality score not known yet) is left out."""

    name: str = Field(description="Column name as in the file.")
    position: int = Field(description="1-based position.")
    data_type: str | None = Field(default=None, description="Resolved type in the typed layer.")
    raw_type: str | None = Field(default=None, description="Type as loaded (CSV: VARCHAR).")
    null_ratio: float | None = Field(default=None, description="Nulls / rows.")
    cardinality_ratio: float | None = Field(default=None, description="Distinct values / rows; near 1 suggests a key.")
    pattern: str | None = Field(default=None, description="Detected value pattern.")
    unit: str | None = Field(default=None, description="Detected unit or currency.")
    semantic_role: str | None = Field(default=None, description="measure, dimension, key, ... when known.")
    entity_type: str | None = Field(default=None, description="Business entity when known.")
    business_name: str | None = Field(default=None, description="Human-friendly name when known.")
    granularity: str | None = Field(default=None, description="Time granularity of a time column when known.")
    quality_score: float | None = Field(default=None, description="Overall quality score 0..1 when computed.")
    decision: Decision | None = Field(default=None, description="The type decision and its reason.")
    candidates: list[Candidate] = Field(description="Type candidates, best first.")
    profile: Profile | None = Field(default=None, description="The latest profile of the column.")
    references: list[str] = Field(
        default_factory=list,
        description="Keys this column points at, as `source.table(columns) cardinality confidence status`; "
        "filled once relationships are discovered (get_relationships, find_join_path).",
    )
    referenced_by: list[str] = Field(default_factory=list, description="Columns that point at this one, same form.")


def link_text(table: str, columns: list[str], cardinality: str | None, confidence: float, status: str) -> str:
    return f"{table}({', '.join(columns)}) {cardinality or ''} {confidence:.2f} {status}".replace("  ", " ")


def attach_relationships(columns: list[ColumnInfo], table: str, relationships: list[Any]) -> None:
    """Fill ``references`` and ``referenced_by`` of a table's columns from its relationships."""
    by_name = {c.name: c for c in columns}
    for r in relationships:
        if r.from_table == table:
            for name in r.from_columns:
                if name in by_name:
                    by_name[name].references.append(link_text(r.to_table, r.to_columns, r.cardinality, r.confidence, r.status))
        if r.to_table == table:
            for name in r.to_columns:
                if name in by_name:
                    by_name[name].referenced_by.append(
                        link_text(r.from_table, r.from_columns, r.cardinality, r.confidence, r.status)
                    )


def _render(value: float | None, data_type: str | None) -> Any:
    """Dates and times are profiled as numbers (epoch seconds, seconds of the day); agents
    read them as ISO text."""
    if value is None or data_type is None:
        return value
    if not math.isfinite(value):
        # Prometheus's "+Inf" bucket: JSON has no infinity, and a float field would print
        # it as null (or drop it), a maximum missing without a reason.
        return "NaN" if math.isnan(value) else ("Infinity" if value > 0 else "-Infinity")
    from datetime import UTC, timedelta

    base = data_type.split("(")[0].upper()
    if base == "DATE":
        return (datetime(1970, 1, 1, tzinfo=UTC) + timedelta(seconds=value)).date().isoformat()
    if base.startswith("TIMESTAMP"):
        moment = datetime(1970, 1, 1, tzinfo=UTC) + timedelta(seconds=value)
        # A naive TIMESTAMP is shown as written, without a zone it never had.
        zoned = base.startswith("TIMESTAMPTZ") or "TIME ZONE" in data_type.upper()
        return moment.isoformat() if zoned else moment.replace(tzinfo=None).isoformat()
    if base == "TIME":
        return _time_of_day(value)
    if base in _WHOLE_TYPES and float(value).is_integer() and abs(value) < 2**53:
        return int(value)  # stored as DOUBLE: 1002483, not 1002483.0
    return value


_WHOLE_TYPES = frozenset({"TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT"})


def _time_of_day(seconds: float) -> str:
    """ISO text of a time of day given in seconds ("09:05:00", "23:59:59.25"); DuckDB's 24:00:00
    too."""
    hours, rest = divmod(round(seconds, 6), 3600)
    minutes, whole = divmod(rest, 60)
    text = f"{int(hours):02d}:{int(minutes):02d}:{int(whole):02d}"
    fraction = round(whole - int(whole), 6)
    return text + f"{fraction:.6f}"[1:].rstrip("0") if fraction else text


def column_info(d: ColumnDetail, *, full: bool, max_candidates: int = 3, max_top: int = 5) -> ColumnInfo:
    """A column for a tool result; ``full`` keeps histograms and every candidate."""
    p = d.profile
    profile = None
    if p is not None:
        temporal = (d.resolved_type or "").split("(")[0].upper().startswith(TEMPORAL_TYPES)
        exact = p.percentiles or {}  # (p0 and p100: exact bounds of whole numbers past 2**53)
        profile = Profile(
            total_count=p.total_count,
            null_count=p.null_count,
            distinct_count=p.distinct_count,
            min=exact.get("p0", _render(p.min_value, d.resolved_type)),
            max=exact.get("p100", _render(p.max_value, d.resolved_type)),
            mean=None if temporal else p.mean_value,
            stddev=None if temporal else p.stddev_value,
            percentiles=(
                {k: _render(v, d.resolved_type) for k, v in p.percentiles.items()} if p.percentiles else None
            ),
            min_length=p.min_length,
            max_length=p.max_length,
            avg_length=p.avg_length,
            top_values=(p.top_values or [])[: None if full else max_top],
            histogram=p.histogram if full else None,
        )
    candidates = d.candidates if full else d.candidates[:max_candidates]
    return ColumnInfo(
        name=d.column_name,
        position=d.column_position,
        data_type=d.resolved_type,
        raw_type=d.raw_type,
        null_ratio=d.null_ratio,
        cardinality_ratio=d.cardinality_ratio,
        pattern=d.detected_pattern,
        unit=d.detected_unit,
        semantic_role=d.semantic_role,
        entity_type=d.entity_type,
        business_name=d.business_name,
        granularity=d.detected_granularity,
        quality_score=d.quality_score,
        decision=(
            Decision(
                data_type=d.decision.decided_type,
                source=d.decision.decision_source,
                reason=d.decision.decision_reason,
                previous_type=d.decision.previous_type,
                decided_by=d.decision.decided_by,
            )
            if d.decision
            else None
        ),
        candidates=[
            Candidate(
                data_type=c.data_type,
                confidence=c.confidence,
                parse_success_rate=c.parse_success_rate,
                failed_examples=c.failed_examples,
                pattern=c.detected_pattern,
                pattern_match_rate=c.pattern_match_rate,
                unit=c.detected_unit,
                unit_confidence=c.unit_confidence,
            )
            for c in candidates
        ],
        profile=profile,
    )


# Claude Code rejects tool results over about 25,000 tokens. The result goes out twice (as
# structured content and as indented JSON text, which is about 1.8x the compact size for the
# detailed columns), so the compact JSON of a result's column lists is kept to 32,000
# characters: 16,000 for the detailed columns, 16,000 for the one-line forms that name the
# others (see `brief_columns`; a few hundred columns).
DETAIL_CHAR_BUDGET = 16_000
BRIEF_CHAR_BUDGET = 16_000


def brief_column(d: ColumnDetail) -> str:
    """A column in one line: ``name: TYPE (pattern, unit, 12% null)``."""
    return f"{d.column_name}: {_brief_reading(d)}"


def _brief_reading(d: ColumnDetail) -> str:
    """How a column reads, after its name in `brief_column`: ``TYPE (pattern, unit, 12% null)``."""
    notes = [n for n in (d.detected_pattern, d.detected_unit) if n]
    if d.null_ratio:
        notes.append(_null_share(d.null_ratio, d.total_count))
    return (d.resolved_type or "?") + (f" ({', '.join(notes)})" if notes else "")


def _null_share(ratio: float, rows: int | None) -> str:
    """``12% null``; a column whose few values round to 100% says how many rows hold one (an
    Amazon settlement's total and currency, on its first row alone, read as empty columns)."""
    if ratio < 0.01:
        return "<1% null"
    if ratio < 1 and f"{ratio:.0%}" == "100%":
        filled = round((rows or 0) * (1 - ratio))
        return f">99% null, {filled:,} row{'' if filled == 1 else 's'} filled" if filled else ">99% null"
    return f"{ratio:.0%} null"


def brief_columns(details: list[ColumnDetail], budget: int = BRIEF_CHAR_BUDGET) -> tuple[list[str], bool]:
    """The columns in their one-line form (`brief_column`), as many as fit ``budget``
    characters, and whether any was cut: a result that details some columns still names all
    of them. A run of columns numbered alike and read alike is one line (M5's sales
    ``d_1 .. d_1941: INTEGER (1,941 columns numbered alike)``, Zillow's months
    ``2000-01-31 .. 2023-12-31: DOUBLE (288 columns dated alike)``); past the budget, a last
    line counts the columns not named."""
    briefs: list[str] = []
    total = 0
    runs = _numbered_runs(details)
    for index, (first, last, count, brief) in enumerate(runs):
        line = brief if count == 1 else f"{first} .. {last}: {brief} ({count:,} columns {_run_kind(first, last)} alike)"
        total += len(line) + 3
        if total > budget:
            rest = sum(run[2] for run in runs[index:])
            briefs.append(
                f"... and {rest:,} more columns not named here, from {first} on: page with `offset` or ask for a `column`."
            )
            return briefs, True
        briefs.append(line)
    return briefs, False


_NUMBER = re.compile(r"[0-9]+")
# A column named by a date alone: Zillow's 2000-01-31, a monthly 2019-01, JHU's 1/22/20, the
# NTD's months 1/2002 ... 9/2023.
_DATED_NAME = re.compile(
    r"(?:1[89]|20)[0-9]{2}([-/.])[0-9]{1,2}(?:\1[0-9]{1,2})?|[0-9]{1,2}([-/.])[0-9]{1,2}\2(?:[0-9]{2}|[0-9]{4})"
    r"|(?:0?[1-9]|1[0-2])[-/](?:1[89]|20)[0-9]{2}"
)


def _numbers_apart(name: str, other: str) -> int | None:
    """Where two names numbered alike differ: the index of the one number told apart (d_1 and
    d_2; PISA's PV1MATH and PV2MATH, wherever it sits), -1 for two dates (Zillow's 2000-01-31
    and 2000-02-29, year, month and day all running), or None for names that say different
    things beside their numbers or differ in more numbers than one (GTEx's sample ids)."""
    numbers, others = _NUMBER.findall(name), _NUMBER.findall(other)
    if not numbers or _NUMBER.sub("#", name) != _NUMBER.sub("#", other):
        return None
    if _DATED_NAME.fullmatch(name) and _DATED_NAME.fullmatch(other):
        return -1
    apart = [i for i, (a, b) in enumerate(zip(numbers, others, strict=True)) if a != b]
    return apart[0] if len(apart) == 1 else None


def _run_kind(first: str, last: str) -> str:
    """``dated`` for a run of columns named by dates (Zillow's months), else ``numbered``."""
    return "dated" if _DATED_NAME.fullmatch(first) and _DATED_NAME.fullmatch(last) else "numbered"


def _numbered_runs(details: list[ColumnDetail]) -> list[tuple[str, str, int, str]]:
    """Consecutive columns as (first name, last name, count, brief line): columns named alike
    but for one running number (d_1, d_2, ...; PISA's PV1MATH ... PV10MATH) or by dates alike
    (Zillow's 2000-01-31, 2000-02-29, ...), whose type, pattern, unit and nulls read alike,
    are one run, three of them at least; any other column a run of one. The names between
    the first and the last of a run are told by the two."""
    runs: list[tuple[str, str, int, str]] = []
    running: int | None = None  # (which number runs in the run)
    shape: str | None = None
    for d in details:
        tail = _brief_reading(d)
        if runs and shape == tail:
            first, last, count, _ = runs[-1]
            apart = _numbers_apart(last, d.column_name)
            if apart is not None and (count == 1 or apart == running):
                runs[-1] = (first, d.column_name, count + 1, tail)
                running = apart
                continue
        shape = tail
        runs.append((d.column_name, d.column_name, 1, f"{d.column_name}: {tail}"))
    # (Runs of two stay two lines: the names say as much as a range.)
    by_name = {d.column_name: d for d in details}
    out: list[tuple[str, str, int, str]] = []
    for first, last, count, brief in runs:
        if count == 2:
            out += [(name, name, 1, brief_column(by_name[name])) for name in (first, last)]
        else:
            out.append((first, last, count, brief))
    return out


def fit_columns(
    columns: list[ColumnInfo], budget: int = DETAIL_CHAR_BUDGET
) -> tuple[list[ColumnInfo], bool, int]:
    """The longest prefix of ``columns`` whose JSON fits ``budget`` characters, whether any
    column was cut, and the characters the prefix takes."""
    total = 0
    for index, column in enumerate(columns):
        size = len(column.model_dump_json()) + 1
        if total + size > budget:
            return columns[:index], True, total
        total += size
    return columns, False, total
