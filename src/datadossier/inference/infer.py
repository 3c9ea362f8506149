"""Type inference over a DuckDB relation: the stage's entry point.

Three steps, a handful of queries whatever the number of columns:
1. a sample of all text columns (evenly spaced rowid blocks; one more query shared by the sparse
   columns), matched against every detector to shortlist the ones worth scanning
   (`plan_columns`);
2. one aggregate query over the whole table computing every shortlisted candidate of every
   column (see `scan`), then, only when some likely candidate fails on some values, one more
   query collecting up to five failing values of each such candidate;
3. the decision per column, in Python, from those counts (see `decide`).

The pipeline may run step 1 before the table exists, on a sample of the file, so that the
shortlisted conversions are computed while the table is loaded (see `conversions`); it then
passes the plans and the readings to `infer_columns`, and re-plans the columns that sample
left sparse with `replan_sparse`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from datadossier.engine.gateway import quote_ident, quote_literal
from datadossier.inference.config import DEFAULT_CONFIG, InferenceConfig
from datadossier.inference.conversions import NO_READINGS, Readings, row_number_sql
from datadossier.inference.decide import (
    MONTH_FIRST_PATTERNS,
    decide_text_column,
    trimmed_as_its_file_pads,
)
from datadossier.inference.detector import DAY_MONTH_PATTERNS, PatternName
from datadossier.inference.model import ColumnInference
from datadossier.inference.names import (
    label_says_date,
    label_says_datetime,
    looks_like_identifier,
    name_tokens,
    names_a_length_of_time,
    names_a_pace,
    same_naming,
)
from datadossier.inference.native import decide_native_column, is_text_type, native_data_type
from datadossier.inference.row_currency import (
    amounts_in_row_currency,
    measures_of_row_metric,
    quantities_in_row_unit,
)
from datadossier.inference.sampling import (
    SampleFindings,
    sample_findings,
    shortlist,
    table_missing_letters,
    table_row_count,
    top_up_sparse,
)
from datadossier.inference.scan import (
    ColumnPlan,
    ColumnScan,
    collect_failed_examples,
    late_number_readings,
    late_partial_dates,
    missing_markers_among_failures,
    scan_columns,
)
from datadossier.inference.units import is_rare_currency_name

if TYPE_CHECKING:
    from collections.abc import Iterator

    import duckdb


def plan_columns(
    con: duckdb.DuckDBPyConnection,
    relation: str,
    columns: list[tuple[str, str]],
    *,
    config: InferenceConfig = DEFAULT_CONFIG,
) -> list[ColumnPlan]:
    """Step 1: what the scan computes for each column, from a sample of ``relation``."""
    text = [name for name, duckdb_type in columns if is_text_type(duckdb_type)]
    row_count = table_row_count(con, relation) if text else 0
    position = f"({row_number_sql(name for name, _ in columns)} - 1)"
    findings = sample_findings(con, relation, text, row_count, config, position)
    return [
        ColumnPlan(name, duckdb_type, None, findings[name])
        if is_text_type(duckdb_type)
        else ColumnPlan(name, duckdb_type, native_data_type(duckdb_type))
        for name, duckdb_type in columns
    ]


def replan_sparse(
    con: duckdb.DuckDBPyConnection,
    relation: str,
    plans: list[ColumnPlan],
    *,
    config: InferenceConfig = DEFAULT_CONFIG,
) -> list[ColumnPlan]:
    """Plans of the text columns a sample found (nearly) empty, made again from their first
    non-null values in ``relation``; the other plans unchanged."""
    samples: dict[str, Counter[str]] = {
        plan.name: Counter()
        for plan in plans
        if plan.findings is not None and plan.findings.sampled < config.sparse_sample_min
    }
    if not samples:
        return plans
    top_up_sparse(con, relation, samples, config)
    replanned: list[ColumnPlan] = []
    for plan in plans:
        found = samples.get(plan.name)
        if found is not None and plan.findings is not None and found.total() > plan.findings.sampled:
            plan = ColumnPlan(plan.name, plan.raw_type, None, shortlist(found, config, plan.name))
        replanned.append(plan)
    return replanned


def infer_columns(
    con: duckdb.DuckDBPyConnection,
    relation: str,
    columns: list[tuple[str, str]],
    *,
    config: InferenceConfig = DEFAULT_CONFIG,
    plans: list[ColumnPlan] | None = None,
    readings: Readings = NO_READINGS,
    labels: dict[str, tuple[str, ...]] | None = None,
    delimiter: str | None = None,
) -> list[ColumnInference]:
    """Infer a type for every column of ``relation``, in the order given.

    ``relation`` is already quoted (``"raw"."shop.orders"``); ``columns`` are (name, DuckDB
    type) pairs, without ``_row_id``. VARCHAR columns get candidates computed over the whole
    column and a decision; columns the source typed keep their type (one candidate) and get a
    unit from their name when numeric. ``plans`` (one per column, same order) replace step 1;
    ``readings`` name the typed readings that are already columns of ``relation``; ``labels``
    what rows under a CSV file's header say of each column (its units, say); ``delimiter`` a
    CSV file's (';' says a decimal comma, see `_comma_locale`).
    """
    if plans is None:
        plans = plan_columns(con, relation, columns, config=config)
    assert [p.name for p in plans] == [name for name, _ in columns]
    _grouped_beside_decimal_commas(plans)
    _sas_dates_by_label(plans, labels or {})
    _beside_table_missing_letters(plans)
    _activity_lengths(plans)
    _hours_and_minutes_beside(plans)
    scans = scan_columns(con, relation, plans, config, readings)
    collect_failed_examples(con, relation, plans, scans, config, readings)
    missing_markers_among_failures(con, relation, plans, scans, config)
    late_number_readings(con, relation, plans, scans, readings)
    late_partial_dates(con, relation, plans, scans, readings)
    results = [_decide(plan, scan, config, labels) for plan, scan in zip(plans, scans, strict=True)]
    table = _Decisions(plans, scans, results, config, labels)
    order = _table_day_first(results)
    locale = None if order is not None else _day_first_locale(plans, results)
    if order is not None or locale is not None:
        # Dates whose values cannot tell day from month follow the table's dates that can (a
        # week of TfL journeys in early January beside a column of days past the 12th), else
        # the table's locale (a UK council's payments of June 1st to 12th beside pounds and
        # postcodes: no month-first country writes those).
        for i, findings, result in table.columns():
            if _ambiguous_day_month(result):
                findings.table_day_first = True if order is None else order
                findings.table_locale = locale
                table.redecide(i)
    _redecide_beside_compact_dates(table)
    _redecide_beside_flags(table)
    _redecide_beside_epoch_times(table)
    if any(r.decided_pattern in _DECIMAL_COMMA_PATTERNS for r in results):
        for i, findings, result in table.columns():
            if (result.decided_type == "DOUBLE" and result.decided_pattern is None) or result.decided_pattern in (
                "thousands", "trailing_minus"
            ):
                findings.table_decimal_comma = True
                table.redecide(i)
    _redecide_by_comma_locale(table, delimiter)
    results = _trimmed_beside_padded_columns(plans, results)
    results = _table_letters_in_text(con, relation, plans, results)
    results = _odds_of_home_draw_away(_kindergarten_beside_grades(_lone_currency_names(results)))
    results = amounts_in_row_currency(con, relation, results)
    return measures_of_row_metric(con, relation, quantities_in_row_unit(con, relation, results))


@dataclass(slots=True)
class _Decisions:
    """A table's columns as inference decided them, one plan, scan and decision each, in order,
    for the passes that decide some again from what the table around them says: each sets a
    finding on a column's sample (`SampleFindings`), then `redecide`s it in place."""

    plans: list[ColumnPlan]
    scans: list[ColumnScan]
    results: list[ColumnInference]
    config: InferenceConfig
    labels: dict[str, tuple[str, ...]] | None

    def columns(self) -> Iterator[tuple[int, SampleFindings, ColumnInference]]:
        """The columns with a sample: their place, their findings and their decision."""
        for i, plan in enumerate(self.plans):
            if plan.findings is not None:
                yield i, plan.findings, self.results[i]

    def redecide(self, i: int) -> None:
        self.results[i] = _decide(self.plans[i], self.scans[i], self.config, self.labels)


# Patterns chosen only where values write a decimal comma (each needs one to be chosen).
_DECIMAL_COMMA_PATTERNS: frozenset[PatternName] = frozenset(
    {"grouped_number_eu", "currency_eu", "currency_eu_precise", "trailing_minus_eu"}
)


def _comma_locale(plans: list[ColumnPlan], results: list[ColumnInference], delimiter: str | None) -> str | None:
    """What says the file comes from a country that writes a decimal comma, though none of its
    numbers shows one: a ';' delimiter (Excel's list separator where the comma is decimal), or
    dates written day.month.year (Germany, Austria, Scandinavia, Eastern Europe); None when
    nothing does."""
    evidence = ["the file is ';'-separated"] if delimiter == ";" else []
    dotted = [
        result.column_name for plan, result in zip(plans, results, strict=True)
        if plan.findings is not None and plan.findings.date_separator == "."
        and result.decided_pattern in DAY_MONTH_PATTERNS and result.decided_pattern not in MONTH_FIRST_PATTERNS
    ]
    if dotted:
        evidence.append(f"its dates are written day.month.year ({', '.join(dotted[:3])})")
    return " and ".join(evidence) or None


def _redecide_by_comma_locale(table: _Decisions, delimiter: str | None) -> None:
    """Numbers read as thousands whose every comma could be decimal ("12,018") are decided
    again where the file says it writes a decimal comma (`_comma_locale`): a German SPC
    export's tolerances and measures, all of three decimals and none below 1, were a thousand
    times too large."""
    ambiguous = [
        i for i, r in enumerate(table.results)
        if r.decided_pattern == "thousands" and r.candidates and r.candidates[0].details.get("ambiguous_decimal_separator")
    ]
    locale = _comma_locale(table.plans, table.results, delimiter) if ambiguous else None
    if locale is None and delimiter != ",":
        return
    for i, findings, _ in table.columns():
        if i in ambiguous:
            findings.table_comma_locale = locale
            # (Where nothing says decimal, a comma-separated file's quoted "12,345" is thousands.)
            findings.comma_delimited = locale is None
            table.redecide(i)


# At least this many text columns trimmed as padded to a width, and at least half of those
# with spaces around some values, say the file pads every field to its width.
PADDED_FILE_COLUMNS = 2


def _trimmed_beside_padded_columns(plans: list[ColumnPlan], results: list[ColumnInference]) -> list[ColumnInference]:
    """The decisions with the text columns whose padded values fill the column's width trimmed
    too where the file pads its fields to widths (`trimmed_as_its_file_pads`), however few of
    their values are padded. FAA's MASTER.txt pads every field: N-NUMBER, five characters wide,
    is filled by most tail numbers ("12345"), so its "1A   " stayed padded beside a trimmed
    SERIAL NUMBER and NAME, and every lookup of the registry's key missed a tenth of the fleet."""
    padded = [r.column_name for r in results if r.padded]
    spaced = sum(r.spaced for r in results)
    if len(padded) < PADDED_FILE_COLUMNS or 2 * len(padded) < spaced:
        return results
    return [
        trimmed_as_its_file_pads(result, plan.findings, padded) if plan.findings is not None else result
        for plan, result in zip(plans, results, strict=True)
    ]


def _beside_table_missing_letters(plans: list[ColumnPlan]) -> None:
    """Tell each text column the letters the table writes for a missing value (see
    `sampling.table_missing_letters`): a rare "M" in IEM's tmpf, among temperatures, is as
    missing as the many in its gust column, not a failure that quarantines the row."""
    found = [plan.findings for plan in plans if plan.findings is not None]
    letters = table_missing_letters(found)
    for findings in found:
        findings.table_missing_letters = letters


def _table_letters_in_text(
    con: duckdb.DuckDBPyConnection, relation: str, plans: list[ColumnPlan], results: list[ColumnInference]
) -> list[ColumnInference]:
    """The decisions with the table's missing letters (see `_beside_table_missing_letters`)
    read as missing in its text columns too: IEM's ASOS downloads write "M" in wxcodes beside
    "-RA" and "BR", and in every row of skyc3, snowdepth and ice_accretion_1hr, which kept it
    as their top category with no null. Only where the sample holds the letter, and the whole
    column writes no other single letter: a sex's "M" beside "F", a size's beside "S" and "L",
    is a value there. One query counts them, for those columns only."""
    wanted = [
        (index, letter, plan.findings.table_missing_letters)
        for index, (plan, result) in enumerate(zip(plans, results, strict=True))
        if plan.findings is not None and result.decided_type == "VARCHAR"
        for letter in sorted(plan.findings.table_missing_letters & plan.findings.letters.keys())
    ]
    if not wanted:
        return results
    counts = [_letter_counts(plans[index].name, letter, table) for index, letter, table in wanted]
    row = con.execute(f"SELECT {', '.join(counts)} FROM {relation}").fetchone()
    assert row is not None
    counted: dict[int, dict[str, int]] = {}
    for position, (index, letter, _table) in enumerate(wanted):
        count, others = int(row[2 * position]), int(row[2 * position + 1])
        if count and not others:
            counted.setdefault(index, {})[letter] = count
    return [
        _with_letters_missing(result, counted[index], results) if index in counted else result
        for index, result in enumerate(results)
    ]


def _letter_counts(name: str, letter: str, table: frozenset[str]) -> str:
    """SQL for two counts over a column: its values that are ``letter``, and those that are
    a single letter other than the ``table``'s missing ones."""
    col, trimmed = quote_ident(name), f"trim({quote_ident(name)})"
    letters = ", ".join(quote_literal(m) for m in sorted(table))
    # (A letter has a case: upper and lower differ, as they do not for a digit or a sign.)
    other = f"length({trimmed}) = 1 AND {trimmed} NOT IN ({letters}) AND upper({trimmed}) <> lower({trimmed})"
    return f"count_if({col} = {quote_literal(letter)}), count_if({other})"


def _with_letters_missing(
    result: ColumnInference, letters: dict[str, int], results: list[ColumnInference]
) -> ColumnInference:
    """A text decision whose ``letters`` (counted) are missing values, NULL in its typed layer,
    the reason naming them, their share and the columns of the table that read them so."""
    total = result.non_null_count + sum(result.missing_values.values())
    non_null = result.non_null_count - sum(count - result.missing_values.get(letter, 0) for letter, count in letters.items())
    read = [r.column_name for r in results if r.decided_type != "VARCHAR" and letters.keys() & r.missing_values.keys()]
    where = f" (read so in {', '.join(read[:3])}{', ...' if len(read) > 3 else ''})" if read else ""
    if non_null <= 0:
        written = " or ".join(repr(letter) for letter in letters)
        reason = (
            f"Every value is {written}, which the table writes for a missing value{where}: NULL in the typed layer,"
            " the column empty; kept as VARCHAR, with no type to read."
        )
    else:
        listed = ", ".join(f"{letter!r} ({count:,} of {total:,} values, {count / total:.1%})" for letter, count in letters.items())
        reason = (
            f"{result.reason} {listed}: the table's letter for a missing value{where}, NULL in the typed layer, not a"
            " category of the text."
        )
    missing = {**result.missing_values, **letters}
    candidates = [
        replace(c, details={**c.details, "missing_values": dict(letters)})
        if c.data_type == "VARCHAR" and c.detected_pattern == result.decided_pattern else c
        for c in result.candidates
    ]
    return replace(
        result, candidates=candidates, reason=reason, non_null_count=max(non_null, 0), missing_values=missing,
        missing_in_text=tuple(letters),
    )


def _grouped_beside_decimal_commas(plans: list[ColumnPlan]) -> None:
    """Where a column's sample writes a decimal comma, the other columns of numbers also get
    the reading of a point as a thousands separator ("90.164": the sample alone takes it for
    a decimal point), for the decision to weigh (`decide`'s table_decimal_comma)."""
    if not any(p.findings is not None and _DECIMAL_COMMA_PATTERNS & set(p.findings.shares) for p in plans):
        return
    for plan in plans:
        shares = plan.findings.shares if plan.findings is not None else {}
        if "float" in shares and "thousands" not in shares:
            shares["thousands"] = shares["float"]


# Name words of a sport's measures. A table naming a pace, or a distance beside a statistic of
# one of these (`_SUMMARY_WORDS`), logs activities (Garmin's, Strava's and Polar's
# Activities.csv), whose bare Time is each activity's length (00:45:12, 1:32:03); the moment
# it started is its Date.
_SPORT_MEASURE_WORDS = frozenset({
    "calories", "kcal", "hr", "heart", "heartrate", "cadence", "laps", "ascent", "descent", "strokes", "speed",
    "elevation", "power", "swolf",
})
# Statistics an activity's summary gives of its measures (Avg HR, Max Speed, Total Ascent).
# A GPS track's points (Distance, Speed, Heart Rate) give the bare readings, one per point,
# and their Time is the time of day of each.
_SUMMARY_WORDS = frozenset({"avg", "average", "mean", "max", "maximum", "min", "minimum", "total", "best"})


def _activity_log(plans: list[ColumnPlan]) -> str | None:
    """The columns that make the table a log of sport activities ("Distance, Avg HR"), or None."""
    paces = [plan.name for plan in plans if names_a_pace(plan.name)]
    if paces:
        return paces[0]
    distance = next((plan.name for plan in plans if {"distance", "dist"} & set(name_tokens(plan.name))), None)
    measure = next((plan.name for plan in plans if _a_summarised_measure(plan.name)), None)
    return f"{distance}, {measure}" if distance is not None and measure is not None else None


def _a_summarised_measure(name: str) -> bool:
    """Whether a name gives a statistic of a sport's measure over an activity (``Avg HR``)."""
    tokens = name_tokens(name)
    return bool(_SPORT_MEASURE_WORDS.intersection(tokens)) and bool(_SUMMARY_WORDS.intersection(tokens))


def _activity_lengths(plans: list[ColumnPlan]) -> None:
    """A column named Time alone, in a log of activities (`_activity_log`), also gets the
    readings of a length of time, which the sample shortlists only under a name that says
    one: Garmin's Time "00:45:12" beside Distance and Avg HR was a time of day, beside its
    Elapsed Time in seconds."""
    times = [
        plan.findings for plan in plans
        if plan.findings is not None and name_tokens(plan.name) == ["time"] and "time" in plan.findings.shares
    ]
    log = _activity_log(plans) if times else None
    if log is None:
        return
    for findings in times:
        clock = findings.shares["time"]
        for reading in ("elapsed_time", "minutes_seconds"):
            findings.shares[reading] = max(findings.shares.get(reading, 0.0), clock)
        findings.activity_log = log


# Name words of a statistic over many tasks or of a short task (a contact centre's Avg Handle
# Duration, Talk Time, Hold Time, After Call Work beside its agents' Total Hours): minutes and
# seconds, whatever the file's hours.
_SHORT_TASK_WORDS = frozenset({
    "avg", "average", "mean", "median", "handle", "handling", "talk", "call", "calls", "hold", "wrap", "acw", "ring",
    "queue", "wait", "waiting", "answer", "abandon", "abandoned",
})


def _hours_and_minutes_beside(plans: list[ColumnPlan]) -> None:
    """The table's lengths of time in two parts that only their name read as minutes and
    seconds also get the reading of hours and minutes where another column's name reads its
    own so (`SampleFindings.table_hours`): a charging log's Idle Duration "0:32" beside its
    Charge Duration "7:46", a timecard's Break Duration "0:30" beside its Hours. Never a
    pace, which is minutes and seconds whatever the file, nor a statistic of calls or short
    tasks (`_SHORT_TASK_WORDS`: an agent's Avg Handle Duration "4:12" beside Total Hours)."""
    hours = next(
        (plan.name for plan in plans if plan.findings is not None and "elapsed_hours" in plan.findings.shares), None
    )
    if hours is None:
        return
    for plan in plans:
        findings = plan.findings
        if (
            findings is None or "elapsed_hours" in findings.shares or "minutes_seconds" not in findings.shares
            or names_a_pace(plan.name) or not names_a_length_of_time(plan.name)
            or _SHORT_TASK_WORDS.intersection(name_tokens(plan.name))
        ):
            continue
        findings.shares["elapsed_hours"] = findings.shares["minutes_seconds"]
        findings.table_hours = hours


def _sas_dates_by_label(plans: list[ColumnPlan], labels: dict[str, tuple[str, ...]]) -> None:
    """Columns of numbers whose label row says date (SAS's labels under an ADaM file's header:
    "Date of Onset of Disease" over DISONSDT's 17918) also get the reading of SAS's day numbers,
    or of its seconds where the label says date and time, which the sample shortlists under
    ADaM's names only; the scan then says whether every value reads so."""
    for plan in plans:
        said = labels.get(plan.name, ())
        shares = plan.findings.shares if plan.findings is not None else {}
        number = max(shares.get("integer", 0.0), shares.get("float", 0.0))
        if not number or not any(map(label_says_date, said)) or "sas_day_number" in shares or "sas_seconds" in shares:
            continue
        reading: PatternName = "sas_seconds" if any(map(label_says_datetime, said)) else "sas_day_number"
        shares[reading] = number


def _decide(
    plan: ColumnPlan, scan: ColumnScan, config: InferenceConfig, labels: dict[str, tuple[str, ...]] | None
) -> ColumnInference:
    if plan.findings is None:
        return decide_native_column(plan.name, plan.raw_type, scan)
    decided = decide_text_column(plan.name, plan.raw_type, scan, plan.findings, config, (labels or {}).get(plan.name, ()))
    return replace(decided, sampled_distinct_share=plan.findings.distinct_share, sampled_max_length=plan.findings.max_length)


# Dates written as digits alone, which a column's own values read as only beside a name or a
# spread of dates (see `decide._compact_or_integer`).
_COMPACT_DATE_PATTERNS: frozenset[PatternName] = frozenset({"compact_date", "compact_mdy", "compact_yymmdd"})


def _redecide_beside_compact_dates(table: _Decisions) -> None:
    """Numbers that all read as compact dates are dates beside the table's columns of that
    shape that are (the FDA's NDC product file: a certification's end, Dec 31 in every row,
    beside STARTMARKETINGDATE)."""
    shapes: frozenset[PatternName] = frozenset(
        p for p in _COMPACT_DATE_PATTERNS if any(r.decided_pattern == p for r in table.results)
    )
    if not shapes:
        return
    for i, findings, result in table.columns():
        if result.decided_type != "DATE" and any(
            c.detected_pattern in shapes and c.parse_success_rate == 1.0 for c in result.candidates
        ):
            findings.table_compact_dates = shapes
            table.redecide(i)


def _redecide_beside_flags(table: _Decisions) -> None:
    """A column of one yes/no spelling ("N" throughout, kept as text under a name that does
    not say yes/no) is a flag beside the table's yes/no columns named alike and written as
    wide: the IRS's SOI extract's politicalactvtscd, all N in a year, beside lbbyingactvtscd's
    Y and N."""
    flags = [
        (r.column_name, r.sampled_max_length) for r in table.results
        if r.decided_type == "BOOLEAN" and r.decided_pattern == "boolean"
    ]
    if not flags:
        return
    for i, findings, result in table.columns():
        one_truth = any(c.details.get("one_truth") for c in result.candidates)
        if result.decided_type != "VARCHAR" or not one_truth:
            continue
        alike = next(
            (
                name for name, width in flags
                if width == result.sampled_max_length and same_naming(name, result.column_name)
            ),
            None,
        )
        if alike is not None:
            findings.table_flag = alike
            table.redecide(i)


# Unix times and their units per second; and how far outside a sibling's range a column's
# values may lie and still be moments of the same rows (a last contact up to days before).
_EPOCH_SCALES: dict[str, float] = {"epoch_seconds": 1, "epoch_millis": 1e3, "epoch_micros": 1e6, "epoch_nanos": 1e9}
_SIBLING_SLACK_SECONDS = 3 * 86_400


def _redecide_beside_epoch_times(table: _Decisions) -> None:
    """Numbers kept as numbers though they read as Unix times (their name says no time) are
    times where the table has a column read as Unix times in the same unit, by its name, and
    they lie within its range give or take days: OpenSky's state vectors write lastposupdate
    and lastcontact "1680307199.291" beside time 1680307200, seconds before it."""
    epochs = [
        (r.column_name, r.decided_pattern, r.bounds) for r in table.results
        if r.decided_type == "TIMESTAMP" and r.decided_pattern in _EPOCH_SCALES and r.bounds is not None
    ]
    if not epochs:
        return
    for i, findings, result in table.columns():
        runner_up = next(
            (c for c in result.candidates if c.data_type == "TIMESTAMP" and c.details.get("name_evidence") is False), None
        )
        if (
            runner_up is None or result.decided_type == "TIMESTAMP" or result.bounds is None
            or looks_like_identifier(result.column_name)  # (ten digits that an id and a time may share)
        ):
            continue
        scale = _EPOCH_SCALES.get(runner_up.detected_pattern or "")
        if scale is None:
            continue
        low, high = result.bounds[0] / scale, result.bounds[1] / scale
        sibling = next(
            (
                name for name, pattern, (first, last) in epochs
                if pattern == runner_up.detected_pattern
                and first - _SIBLING_SLACK_SECONDS <= low and high <= last + _SIBLING_SLACK_SECONDS
                # (The very same range is the sibling's values again under a name of no time, a
                # copy or a measure that happens to match: the name decides as it would alone.)
                and (low, high) != (first, last)
            ),
            None,
        )
        if sibling is not None:
            findings.epoch_sibling = sibling
            table.redecide(i)


def _ambiguous_day_month(result: ColumnInference) -> bool:
    return bool(result.candidates) and bool(result.candidates[0].details.get("ambiguous_day_month"))


def _table_day_first(results: list[ColumnInference]) -> bool | None:
    """The day/month order of the table's dates whose values tell it (True: day first);
    None when none tells, or they disagree."""
    orders = {
        r.decided_pattern not in MONTH_FIRST_PATTERNS
        for r in results
        if r.decided_pattern in DAY_MONTH_PATTERNS and not _ambiguous_day_month(r)
    }
    return orders.pop() if len(orders) == 1 else None


# Currencies of countries that write a date's day before its month (pounds, euros, the
# Australian, New Zealand and Singapore dollars, rupees, rand, reais, ...). Not the US dollar,
# whose country writes the month first; nor the Canadian dollar, whose country writes both.
_DAY_FIRST_CURRENCIES = frozenset({
    "GBP", "EUR", "AUD", "NZD", "SGD", "HKD", "INR", "ZAR", "BRL", "MXN", "ARS", "CLP", "COP",
    "CHF", "NOK", "DKK", "PLN", "CZK", "HUF", "RON", "TRY", "RUB", "UAH", "ILS", "NGN", "KES",
})
_MONTH_FIRST_CURRENCIES = frozenset({"USD"})
# Postcodes of countries that write the day first (`sampling.SampleFindings.postcode_country`).
_DAY_FIRST_POSTCODES = {"GB": "UK postcodes", "NL": "Dutch postcodes"}


def _day_first_locale(plans: list[ColumnPlan], results: list[ColumnInference]) -> str | None:
    """What in the table's other columns says its country writes the day first: amounts in
    such a currency, its postcodes, a decimal comma (as "amounts in GBP (Amount)"); None when
    nothing does, or an amount in US dollars says otherwise."""
    evidence: list[str] = []
    for plan, result in zip(plans, results, strict=True):
        unit = _decided_unit(result)
        if unit in _MONTH_FIRST_CURRENCIES:
            return None
        if unit in _DAY_FIRST_CURRENCIES:
            evidence.append(f"amounts in {unit} ({result.column_name})")
        elif result.decided_pattern in _DECIMAL_COMMA_PATTERNS:
            evidence.append(f"a decimal comma ({result.column_name})")
        elif (postcodes := _day_first_postcodes(plan, result)) is not None:
            evidence.append(f"{postcodes} ({result.column_name})")
    return ", ".join(evidence) or None


def _day_first_postcodes(plan: ColumnPlan, result: ColumnInference) -> str | None:
    """What the column's postcodes are ("UK postcodes") when their country writes the day first."""
    if result.decided_pattern != "postal_code" or plan.findings is None:
        return None
    return _DAY_FIRST_POSTCODES.get(plan.findings.postcode_country or "")


# A column named by a rare currency's code alone is in that currency only beside others so
# named (the ECB's reference rates: BGN, THB, ...): football-data's betting odds BSH, BSD,
# BSA (Blue Square's home, draw, away) hold one that is the Bahamian dollar's by chance, an
# NHL table's PEN its penalties.
_WHOLE_NAME_CURRENCY_MIN = 2


def _lone_currency_names(results: list[ColumnInference]) -> list[ColumnInference]:
    """The decisions without a currency that only a lone rare code as the name states."""
    rare = [r for r in results if is_rare_currency_name(r.column_name) and _decided_unit(r) == r.column_name.strip()]
    if not rare or len(rare) >= _WHOLE_NAME_CURRENCY_MIN:
        return results
    lone = {r.column_name for r in rare}
    return [_without_name_currency(r) if r.column_name in lone else r for r in results]


def _decided_unit(result: ColumnInference) -> str | None:
    decided = next(
        (c for c in result.candidates if c.data_type == result.decided_type and c.detected_pattern == result.decided_pattern),
        None,
    )
    return decided.detected_unit if decided is not None else None


def _without_name_currency(result: ColumnInference) -> ColumnInference:
    code = result.column_name.strip()
    note = f" The name is the code of a currency ({code}), but no other column is named so: no unit is recorded."
    return _without_unit(result, code, note)


def _without_unit(result: ColumnInference, unit: str, note: str) -> ColumnInference:
    """The decision without the ``unit`` its name gave, ``note`` saying why."""
    candidates = [
        replace(c, detected_unit=None, unit_confidence=None) if c.detected_unit == unit else c for c in result.candidates
    ]
    reason = result.reason.replace(f" Unit: {unit}.", "").replace(f" Unit from the name: {unit}.", "")
    return replace(result, candidates=candidates, reason=reason + note)


# Betting odds named by a bookmaker or a statistic and H, D or A for the home win, the draw and
# the away win: football-data.co.uk's AvgH, AvgD, AvgA (BbAvH, B365H, PSH, ...). A last H there
# is no hour, though "avg" before it sounds like a time's average.
_HOME_DRAW_AWAY = "HDA"


def _odds_of_home_draw_away(results: list[ColumnInference]) -> list[ColumnInference]:
    """The decisions without hours for a name ending in H beside the same name ending in D and
    in A (football-data's AvgH beside AvgD and AvgA: the home win's odds)."""
    names = {r.column_name.strip() for r in results}
    note = " The name ends in H beside the same name ending in D and A: home, draw and away (a match's odds), not hours."
    return [
        _without_unit(r, "h", note) if _home_of_a_triple(r.column_name.strip(), names) and _decided_unit(r) == "h" else r
        for r in results
    ]


def _home_of_a_triple(name: str, names: set[str]) -> bool:
    stem, last = name[:-1], name[-1:]
    return bool(stem) and last == _HOME_DRAW_AWAY[0] and all(stem + other in names for other in _HOME_DRAW_AWAY[1:])


# Columns named as a school's grade levels: NCES's Common Core of Data counts pupils by grade
# in PK, KG, G01 .. G12 (EDFacts, state enrolment files and the CRDC name them alike).
_GRADE_LEVEL = re.compile(r"(?i)(?:g|gr|grade)[ _]?(?:0?[1-9]|1[0-2])|pk|pre[ _-]?k")


def _kindergarten_beside_grades(results: list[ColumnInference]) -> list[ColumnInference]:
    """The decisions without kilograms for a column named KG alone beside grade levels (PK,
    G01): the kindergarten's pupils, not a weight."""
    if not any(_GRADE_LEVEL.fullmatch(r.column_name.strip()) for r in results):
        return results
    note = " The name KG is kindergarten beside the table's grade levels (PK, G01, ...): no unit is recorded."
    return [
        _without_unit(r, "kg", note) if r.column_name.strip().lower() == "kg" and _decided_unit(r) == "kg" else r
        for r in results
    ]
