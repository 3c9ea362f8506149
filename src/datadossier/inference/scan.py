"""Step 2 of inference: one aggregate query over the whole table for every column at once
(for every `SCAN_COLUMNS` columns of a wider table).

The inner projection computes, per column, the typed value of each shortlisted candidate
(the detector's conversion itself, so inference measures exactly what the typed layer will
do) and the few helper values (pattern matches, unit markers); DuckDB evaluates each
expression once, or reads it from the stage when the load computed it (`conversions`). The
outer aggregate counts non-null values and successes, takes min/max of numeric and temporal
readings (the profiler's histogram bounds) and the units or currencies written with numbers
(approx_top_k: bounded memory). Distinct values are left to the profiler.

Failed examples come from a second, filtered query (`collect_failed_examples`) that runs only
when a likely candidate fails somewhere.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from datadossier.engine.gateway import quote_ident, quote_literal
from datadossier.inference.config import InferenceConfig
from datadossier.inference.conversions import NO_READINGS, Readings, missing_sql
from datadossier.inference.detector import has_marker_sql
from datadossier.inference.model import DataType
from datadossier.inference.patterns import DETECTORS, Detector, PatternName
from datadossier.inference.sampling import (
    SampleFindings,
    is_bracketed_code,
    is_censored,
    is_detection_limit,
    is_letter_code,
    is_marker_letter,
    marks_missing,
    marks_missing_date,
)

if TYPE_CHECKING:
    import duckdb

ORDERED_TYPES: frozenset[DataType] = frozenset(
    {"BIGINT", "INTEGER", "DOUBLE", "DECIMAL", "DATE", "TIMESTAMP", "TIME"}
)


@dataclass(frozen=True, slots=True)
class ColumnPlan:
    """What the scan computes for one column."""

    name: str
    raw_type: str
    native_type: DataType | None  # None for a VARCHAR column that needs inference
    findings: SampleFindings | None = None


@dataclass(slots=True)
class CandidateStats:
    """Whole-column evidence for one detector on one column."""

    detector: Detector
    parsed: int
    marked: int | None = None
    low: object = None
    high: object = None
    failed_examples: list[str] = field(default_factory=lambda: [])
    markers: list[str] = field(default_factory=lambda: [])
    leading_zeros: int | None = None
    # A BOOLEAN reading's number of distinct truth values (1 when every value reads the same).
    truths: int | None = None
    # A TIMESTAMP reading's number of values not at midnight (0: dates written with a time).
    timed: int | None = None


@dataclass(slots=True)
class ColumnScan:
    """Whole-column statistics of one column."""

    non_null: int
    low: object = None
    high: object = None
    candidates: dict[PatternName, CandidateStats] = field(default_factory=lambda: {})
    # The column's markers of a missing value (see `SampleFindings.missing`), counted over the
    # whole column; not in ``non_null``.
    missing: dict[str, int] = field(default_factory=lambda: {})


class _Query:
    """Collects inner expressions and outer aggregates, and reads the one result row back."""

    def __init__(self) -> None:
        self.inner: list[str] = []
        self.outer: list[str] = []
        self.keys: list[tuple[int, str, str]] = []

    def column(self, sql: str) -> str:
        alias = f"e{len(self.inner)}"
        self.inner.append(f"{sql} AS {alias}")
        return alias

    def aggregate(self, index: int, candidate: str, stat: str, sql: str) -> None:
        self.keys.append((index, candidate, stat))
        self.outer.append(sql)

    def run(
        self, con: duckdb.DuckDBPyConnection, relation: str, where: str | None = None
    ) -> dict[tuple[int, str, str], object]:
        if not self.outer:
            return {}
        inner = f"SELECT {', '.join(self.inner)} FROM {relation}"
        sql = f"SELECT {', '.join(self.outer)} FROM ({inner})"
        if where:
            sql += f" WHERE {where}"
        row = con.execute(sql).fetchone()
        assert row is not None  # an aggregate without GROUP BY always returns one row
        return dict(zip(self.keys, row, strict=True))


def scan_columns(
    con: duckdb.DuckDBPyConnection,
    relation: str,
    plans: list[ColumnPlan],
    config: InferenceConfig,
    readings: Readings = NO_READINGS,
) -> list[ColumnScan]:
    """Run the single full scan for all columns and return their statistics, in order.
    Typed readings that are columns of ``relation`` (``readings``) are read, not recomputed.
    A wide table is scanned `SCAN_COLUMNS` columns at a time (see there)."""
    values: dict[tuple[int, str, str], object] = {}
    for start in range(0, len(plans), SCAN_COLUMNS):
        values.update(_scan_part(con, relation, plans, range(start, min(len(plans), start + SCAN_COLUMNS)), readings))
    return [_read(values, index, plan) for index, plan in enumerate(plans)]


# Columns one scan reads: planning an aggregate grows faster than its expressions (M5's
# 1,606 columns of 200 rows: 5.0 s in one query, 1.6 s in parts of 200); a table this wide
# is read once per part.
SCAN_COLUMNS = 200


def _scan_part(
    con: duckdb.DuckDBPyConnection,
    relation: str,
    plans: list[ColumnPlan],
    indexes: range,
    readings: Readings,
) -> dict[tuple[int, str, str], object]:
    query = _Query()
    for index in indexes:
        plan = plans[index]
        if plan.native_type is not None:
            raw = query.column(quote_ident(plan.name))
            if plan.native_type == "DOUBLE":
                # NaN, the missing number of pandas, numpy and Spark: no value, and out of
                # the range (DuckDB orders it above every number).
                nan = query.column(f"isnan({raw})")
                query.aggregate(index, "", "nan", f"count_if({nan})")
                query.aggregate(index, "", "count", f"count({raw}) - count_if({nan})")
                query.aggregate(index, "", "min", f"min({raw}) FILTER (WHERE NOT {nan})")
                query.aggregate(index, "", "max", f"max({raw}) FILTER (WHERE NOT {nan})")
                continue
            query.aggregate(index, "", "count", f"count({raw})")
            if plan.native_type in ORDERED_TYPES:
                query.aggregate(index, "", "min", f"min({raw})")
                query.aggregate(index, "", "max", f"max({raw})")
            continue
        # (A thin column's text is NULL where its readings converted it: see `conversions`.)
        assert plan.findings is not None
        present = query.column(readings.present(plan.name, plan.findings.missing))
        query.aggregate(index, "", "count", f"count_if({present})")
        for marker in plan.findings.missing:
            is_marker = query.column(f"{quote_ident(plan.name)} = {quote_literal(marker)}")
            query.aggregate(index, "", f"missing {marker}", f"count_if({is_marker})")
        for name in plan.findings.shares:
            _add_candidate(query, index, plan.name, DETECTORS[name], plan.findings, readings)
    return query.run(con, relation)


def _add_candidate(
    query: _Query,
    index: int,
    column: str,
    detector: Detector,
    findings: SampleFindings,
    readings: Readings,
) -> None:
    # Inner expressions read the column or its readings (stage columns when the load computed
    # them); outer aggregates read the aliases returned by `query.column`.
    name = detector.name
    column_sql = quote_ident(column)
    if detector.convert is None:
        matched = query.column(readings.sql(column, detector, "match"))
        query.aggregate(index, name, "parsed", f"count_if({matched})")
    else:
        value = readings.sql(column, detector)
        if findings.missing:
            # A marker of a missing value is no value of any reading, even one that reads it
            # (the trailing minus of a bottom code "2,500-"). (A thin column's text is NULL
            # where its readings converted it: no marker there.)
            value = f"CASE WHEN coalesce({missing_sql(column_sql, findings.missing)}, false) THEN NULL ELSE {value} END"
        typed = query.column(value)
        query.aggregate(index, name, "parsed", f"count({typed})")
        if detector.data_type in ORDERED_TYPES:
            query.aggregate(index, name, "min", f"min({typed})")
            query.aggregate(index, name, "max", f"max({typed})")
        elif detector.data_type == "BOOLEAN":
            # Two flags, not count(DISTINCT): DuckDB gives each distinct aggregate a hash table
            # of its own, and a wide file of 0/1 columns (JHU's daily counts) ran out of memory.
            query.aggregate(
                index, name, "truths",
                f"CAST(coalesce(bool_or({typed}), false) AS INTEGER) + CAST(coalesce(NOT bool_and({typed}), false) AS INTEGER)",
            )
        if detector.data_type == "TIMESTAMP":
            query.aggregate(index, name, "timed", f"count_if(CAST({typed} AS TIME) <> TIME '00:00:00')")
        if detector.marker is not None:
            # The unit or currency written with the number; signs and spaces are not marks.
            marker = query.column(readings.sql(column, detector, "marker"))
            # NOT IN rather than trim: trimming a character set costs ten times more.
            has_mark = f"{typed} IS NOT NULL AND {has_marker_sql(marker)}"
            query.aggregate(index, name, "marked", f"count_if({has_mark})")
            query.aggregate(index, name, "markers", f"approx_top_k({marker}, 5) FILTER (WHERE {has_mark})")
        elif detector.mark is not None:
            mark = query.column(readings.sql(column, detector, "mark"))
            query.aggregate(index, name, "marked", f"count_if({typed} IS NOT NULL AND {mark})")
        if name == "integer":
            # "00501": whole, but written with a leading zero (a code, not a number).
            leading = query.column(readings.sql(column, detector, "zero"))
            query.aggregate(index, name, "leading_zeros", f"count_if({typed} IS NOT NULL AND {leading})")


def _read(values: dict[tuple[int, str, str], object], index: int, plan: ColumnPlan) -> ColumnScan:
    def get(candidate: str, stat: str) -> object:
        return values.get((index, candidate, stat))

    scan = ColumnScan(
        non_null=_int(get("", "count")),
        low=get("", "min"),
        high=get("", "max"),
    )
    if plan.findings is None:
        if _int(get("", "nan")):
            scan.missing = {"NaN": _int(get("", "nan"))}
        return scan
    scan.missing = {marker: _int(get("", f"missing {marker}")) for marker in plan.findings.missing}
    for name in plan.findings.shares:
        marked = get(name, "marked")
        leading = get(name, "leading_zeros")
        truths = get(name, "truths")
        timed = get(name, "timed")
        scan.candidates[name] = CandidateStats(
            detector=DETECTORS[name],
            parsed=_int(get(name, "parsed")),
            marked=None if marked is None else _int(marked),
            low=get(name, "min"),
            high=get(name, "max"),
            markers=_strings(get(name, "markers")),
            leading_zeros=None if leading is None else _int(leading),
            truths=None if truths is None else _int(truths),
            timed=None if timed is None else _int(timed),
        )
    return scan


# Candidates whose failing values one query collects (see `collect_failed_examples`).
EXAMPLES_PER_QUERY = 64


def collect_failed_examples(
    con: duckdb.DuckDBPyConnection,
    relation: str,
    plans: list[ColumnPlan],
    scans: list[ColumnScan],
    config: InferenceConfig,
    readings: Readings = NO_READINGS,
) -> None:
    """Fill ``failed_examples`` of the likely candidates that fail on some values.

    One query for all of them, after the main scan, so that it knows which candidates fail:
    rows with no failure are dropped by the WHERE clause before any aggregate sees them, and
    approx_top_k keeps the most frequent failing values. Measured on a 1M-row, 17-column table
    this costs a fraction of collecting examples inside the main scan, where every candidate's
    FILTER runs on every row (0.7 s of CPU there).
    """
    wanted: list[tuple[int, PatternName, str, str]] = []
    k = int(config.max_failed_examples)
    for index, (plan, scan) in enumerate(zip(plans, scans, strict=True)):
        column_sql = quote_ident(plan.name)
        for name, stats in scan.candidates.items():
            if stats.parsed >= scan.non_null or stats.parsed < config.examples_share * scan.non_null:
                continue
            detector = stats.detector
            if detector.convert is None:
                failed_sql = f"NOT {readings.sql(plan.name, detector, 'match')}"
            else:
                typed = readings.sql(plan.name, detector)
                failed_sql = f"{column_sql} IS NOT NULL AND ({typed}) IS NULL"
            if plan.findings is not None and plan.findings.missing:
                failed_sql += f" AND NOT {missing_sql(column_sql, plan.findings.missing)}"
            wanted.append((index, name, column_sql, failed_sql))
    # A query of a few dozen candidates at a time: one of them all over a wide file (M5's
    # 1,600 day columns, each with a failing yes/no reading) took 11 s to plan and 28 s to
    # run on 200 rows, its filter an OR of 1,600 conditions.
    for start in range(0, len(wanted), EXAMPLES_PER_QUERY):
        query = _Query()
        conditions: list[str] = []
        for index, name, column_sql, failed_sql in wanted[start : start + EXAMPLES_PER_QUERY]:
            failed = query.column(failed_sql)
            raw = query.column(column_sql)
            query.aggregate(index, name, "examples", f"approx_top_k({raw}, {k}) FILTER (WHERE {failed})")
            conditions.append(failed)
        values = query.run(con, relation, where=" OR ".join(conditions))
        for index, name, _, _ in wanted[start : start + EXAMPLES_PER_QUERY]:
            scans[index].candidates[name].failed_examples = _strings(values.get((index, name, "examples")))


def _int(value: object) -> int:
    return int(value) if isinstance(value, int) else 0


def _strings(value: object) -> list[str]:
    if not isinstance(value, list):
        return []
    return [str(item) for item in value if item is not None]  # pyright: ignore[reportUnknownVariableType]


# Markers of a missing value found after the sample are rare: at most this share of a column's
# values, or this many (one Eurostat ": c" among 30 countries is 3%).
_LATE_MISSING_SHARE = 0.02
_LATE_MISSING_COUNT = 3


def _rare_failures(scan: ColumnScan, stats: CandidateStats, table_letters: frozenset[str]) -> bool:
    """Whether a candidate's failures are few enough to be markers the sample missed; or are
    all codes in brackets, fewer than the values read: a small extract's markers are many for
    its size (a NASS county extract of ten rows: three " (D)" and a " (Z)"); or, fewer than the
    values read, hold a letter the table writes for a missing value in its other columns
    (NNDSS's weekly table: "U" and "N" across a territory's row, "—" for no case)."""
    failed = scan.non_null - stats.parsed
    if failed <= max(_LATE_MISSING_SHARE * scan.non_null, _LATE_MISSING_COUNT):
        return True
    return failed < stats.parsed and (
        all(is_bracketed_code(v) for v in stats.failed_examples)
        or any(v.strip() in table_letters for v in stats.failed_examples)
    )


def missing_markers_among_failures(
    con: duckdb.DuckDBPyConnection,
    relation: str,
    plans: list[ColumnPlan],
    scans: list[ColumnScan],
    config: InferenceConfig,
) -> None:
    """Markers of a missing value (`sampling.marks_missing`: "Not Provided", "unknown", the
    UN's "...", Eurostat's ": c") found among the values a candidate fails on though the
    sample never met them (SF Salaries' four "Not Provided" at the file's end, one "..." in
    5,000 rows): when they are all a column's failures, they are missing values of the
    column, counted, as sampled markers are. Run after `collect_failed_examples`, whose
    examples list every failing value when there are fewer than the limit."""
    k = int(config.max_failed_examples)
    found: list[tuple[int, list[str], int]] = []
    for index, scan in enumerate(scans):
        findings = plans[index].findings
        if findings is None:
            continue
        # (Results beyond a detection limit were sampled: others beyond other limits are so too;
        # a limit written with decimals, "<0.005", is a lab's even where none was.)
        censored = any(is_censored(v) for v in findings.missing)
        # (A letter was sampled as a missing value: the source's other letters are so too, the
        # CCD's rare "M" beside its "N".)
        lettered = any(is_marker_letter(v) for v in findings.missing if v not in findings.trace)
        # (So are the letters the table's other columns write for one: IEM's "M" in every column.)
        table_letters = findings.table_missing_letters
        # Rare markers only (a frequent one was sampled, and decided there), and no yes/no
        # reading ("No internet service" beside Yes and No is a third answer).
        failing = [
            stats for stats in scan.candidates.values()
            if stats.detector.convert is not None and stats.detector.data_type != "BOOLEAN"
            and stats.failed_examples and len(stats.failed_examples) < k
            and _rare_failures(scan, stats, table_letters)
            and all(
                marks_missing(v) or (censored and is_censored(v)) or is_detection_limit(v) or (lettered and is_marker_letter(v))
                or v.strip() in table_letters or ((lettered or table_letters) and is_letter_code(v))
                or (findings.date_words and stats.detector.data_type in ("DATE", "TIMESTAMP") and marks_missing_date(v))
                for v in stats.failed_examples
            )
        ]
        if failing:
            best = max(failing, key=lambda stats: stats.parsed)
            found.append((index, best.failed_examples, best.parsed))
    if not found:
        return
    counts = [
        f"count_if({quote_ident(plans[index].name)} = {quote_literal(marker)})" for index, markers, _ in found for marker in markers
    ]
    row = con.execute(f"SELECT {', '.join(counts)} FROM {relation}").fetchone()
    assert row is not None
    position = 0
    for index, markers, parsed in found:
        scan = scans[index]
        counted = dict(zip(markers, (int(n) for n in row[position : position + len(markers)]), strict=True))
        position += len(markers)
        if sum(counted.values()) != scan.non_null - parsed:
            continue  # other values fail too: the markers are no missing values of a typed column
        scan.missing.update(counted)
        scan.non_null -= sum(counted.values())
        for stats in scan.candidates.values():
            stats.failed_examples = [v for v in stats.failed_examples if v not in counted]


# Numbers written otherwise past the sample ("1,234.50", "(12.34)" among plain amounts) are
# rare: at most this share of a column's values.
_LATE_READING_SHARE = 0.02
# The readings tried then, in this order: each also reads plain numbers.
_LATE_READINGS: tuple[PatternName, ...] = ("thousands", "grouped_number", "currency")


def late_number_readings(
    con: duckdb.DuckDBPyConnection,
    relation: str,
    plans: list[ColumnPlan],
    scans: list[ColumnScan],
    readings: Readings,
) -> None:
    """Readings the sample gave no reason to try, for columns of numbers whose few failures
    are numbers written otherwise (Stripe's one payment above a thousand, "1,234.50", past
    the sample's rows; an accountant's "(12.34)"): the reading that reads them and plain
    numbers alike (`_LATE_READINGS`) is counted over those columns in one more scan, and
    becomes a candidate when it reads every value. Run after `collect_failed_examples`, and
    only where the failures shown all have its shape. A column the load keeps thin (its text
    gone where converted, in files the load samples first: NASS's production figures
    "2,179,419,338" after 25,000 plain percentages) is read as its text where kept and its
    number's reading elsewhere."""
    late: list[tuple[int, Detector]] = []
    rebuilt: list[str] = []
    for index, (plan, scan) in enumerate(zip(plans, scans, strict=True)):
        if plan.findings is None:
            continue
        numbers = [stats for name, stats in scan.candidates.items() if name in ("integer", "float")]
        if not numbers:
            continue
        best = max(numbers, key=lambda stats: stats.parsed)
        failed = [v for v in best.failed_examples if v.strip()]
        if not failed or scan.non_null - best.parsed > _LATE_READING_SHARE * scan.non_null:
            continue
        found = next(
            (DETECTORS[n] for n in _LATE_READINGS if n not in scan.candidates and all(DETECTORS[n].matches(v) for v in failed)),
            None,
        )
        if found is None:
            continue
        if plan.name in readings.thin:
            number = readings.names.get((plan.name, best.detector.name, "value"))
            if number is None:
                continue
            col = quote_ident(plan.name)
            rebuilt.append(f"coalesce({col}, CAST({quote_ident(number)} AS VARCHAR)) AS {col}")
        late.append((index, found))
    _scan_late(con, relation, plans, scans, late, rebuilt)


# Day/month dates, the reading of mixed precision tried where only years or months alone fail
# them, and the format that writes a full date back for it (see `late_partial_dates`).
_LATE_PARTIALS: dict[PatternName, tuple[PatternName, str]] = {
    "us_date": ("us_partial_date", "%m/%d/%Y"), "eu_date": ("eu_partial_date", "%d/%m/%Y"),
}


def late_partial_dates(
    con: duckdb.DuckDBPyConnection,
    relation: str,
    plans: list[ColumnPlan],
    scans: list[ColumnScan],
    readings: Readings,
) -> None:
    """Dates of mixed precision the sample did not show (a large Raiser's Edge export whose
    rare "1964" and "6/1965" lie past the sampled rows, each to be quarantined with its
    constituent): where the values a day/month reading fails on are all years or months
    alone, the reading of mixed precision is counted over those columns in one more scan,
    and becomes a candidate when it reads every value. Run after `collect_failed_examples`.
    A column the load keeps thin is read as its text where kept and its full date, written
    back, elsewhere."""
    late: list[tuple[int, Detector]] = []
    rebuilt: list[str] = []
    for index, (plan, scan) in enumerate(zip(plans, scans, strict=True)):
        if plan.findings is None:
            continue
        for full, (partial, written) in _LATE_PARTIALS.items():
            stats = scan.candidates.get(full)
            detector = DETECTORS[partial]
            failed = [v for v in stats.failed_examples if v.strip()] if stats is not None else []
            if partial in scan.candidates or not failed or not all(detector.matches(v) for v in failed):
                continue
            if plan.name in readings.thin:
                value = readings.names.get((plan.name, full, "value"))
                if value is None:
                    break
                col = quote_ident(plan.name)
                rebuilt.append(f"coalesce({col}, strftime({quote_ident(value)}, {quote_literal(written)})) AS {col}")
            late.append((index, detector))
            break
    _scan_late(con, relation, plans, scans, late, rebuilt)


def _scan_late(
    con: duckdb.DuckDBPyConnection,
    relation: str,
    plans: list[ColumnPlan],
    scans: list[ColumnScan],
    late: list[tuple[int, Detector]],
    rebuilt: list[str],
) -> None:
    """One more scan of the columns ``late`` names, each for its one reading (``rebuilt``:
    thin columns' text written back from their readings), which becomes a candidate of the
    column where it reads every value."""
    if not late:
        return
    if rebuilt:
        relation = f"(SELECT * REPLACE ({', '.join(rebuilt)}) FROM {relation})"
    plans_late = [
        replace(plans[index], findings=replace(plans[index].findings, shares={detector.name: 1.0}))  # type: ignore[arg-type]
        for index, detector in late
    ]
    values = _scan_part(con, relation, plans_late, range(len(plans_late)), NO_READINGS)
    for position, (index, detector) in enumerate(late):
        stats = _read(values, position, plans_late[position]).candidates.get(detector.name)
        if stats is not None and stats.parsed == scans[index].non_null:
            scans[index].candidates[detector.name] = stats
