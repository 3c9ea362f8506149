"""Step 3 of inference: from whole-column evidence to candidates and one decision per column.

Rules, in order:
1. A candidate is acceptable when it parses every value, or, with at least
   `min_values_for_tolerance` values, at least `accept_rate` of them (`boolean_accept_rate`
   for a yes/no reading; the rest is quarantined).
2. Integer-looking values written with leading zeros often enough are codes: no numeric type;
   nor for a column named as an identifier whose failing values are codes with letters, nor
   for any column whose failing values are its numbers with letters or codes as wide.
3. Values carrying several units or currencies are not made into one number.
4. Among acceptable candidates the one parsing the most values wins; ties go to the higher
   detector priority (plain numbers before patterned ones, integer before float, dates before
   text patterns).
5. Then the known ambiguities, decided from the data where it can tell, by rule where not:
   0/1 is BOOLEAN only with a yes/no column name; YYYYMMDD beats an integer only with a
   date-like name, or when every value is a valid date and they span more than a month, Excel's day
   numbers (44929) only with one;
   day/month order falls back to MM/DD for '/' and DD.MM, DD-MM or DD MM (spaced) otherwise; a currency column
   whose values read both ways takes the reading where the separator groups thousands.
Confidence is the parse rate times a weight: 1 for the decision (0.7 when the data left an
ambiguity or a YYYYMMDD date has no name evidence), 0.5 for another acceptable candidate,
0.3 for one that is not.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime

from datadossier.engine.gateway import quote_ident
from datadossier.inference.config import InferenceConfig
from datadossier.inference.date_patterns import ZONE_OFFSETS
from datadossier.inference.detector import DAY_MONTH_PATTERNS
from datadossier.inference.json_text import (
    ArrayPositions,
    JsonKey,
    json_items_sql,
    json_key_sql,
    python_json_sql,
)
from datadossier.inference.model import ColumnInference, DataType, TypeCandidate
from datadossier.inference.names import (
    looks_boolean,
    looks_like_date,
    looks_like_identifier,
    looks_like_instant,
    looks_like_phone,
    looks_like_postal,
    looks_like_temperature,
    looks_like_year_month,
    name_tokens,
    names_a_call_line,
    names_a_classification,
    names_a_count_or_measure,
    names_a_device_identity,
    names_a_dewey_class,
    names_a_diagnosis_code,
    names_a_label,
    names_a_length_of_time,
    names_a_length_or_a_moment,
    names_a_long_activity,
    names_a_modifier,
    names_a_pace,
    names_a_time_part,
    names_a_version,
    names_census_geography,
    names_fips,
    names_hours,
)
from datadossier.inference.patterns import DETECTORS, PatternName
from datadossier.inference.sampling import (
    NOTED_READINGS,
    SampleFindings,
    is_censored,
    is_scale_code,
    scale_number,
)
from datadossier.inference.scan import CandidateStats, ColumnScan
from datadossier.inference.units import (
    AGREEING_UNIT_CONFIDENCE,
    ISO_CURRENCIES,
    PERCENT_MAX,
    VALUE_UNIT_CONFIDENCE,
    UnitEvidence,
    amount_unit,
    degree_sign_unit,
    name_scale,
    name_unit_note,
    names_a_coordinate,
    names_glued_unit,
    price_currency,
    scale_note,
    scaled_unit,
    symbol_allows,
    unit_from_label,
    unit_from_name,
    unit_scale,
    value_unit,
)
from datadossier.inference.values import as_bound

NUMERIC_TYPES: frozenset[DataType] = frozenset({"BIGINT", "INTEGER", "DOUBLE", "DECIMAL"})
_INT32 = (-(2**31), 2**31 - 1)
_AMBIGUOUS_WEIGHT = 0.7
# Pairs of patterns that can both read every value of a column, differently.
_READ_BOTH_WAYS: dict[PatternName, PatternName] = {
    "us_date": "eu_date", "eu_date": "us_date", "us_datetime": "eu_datetime", "eu_datetime": "us_datetime",
    "us_date_short": "eu_date_short", "eu_date_short": "us_date_short",
    "us_datetime_short": "eu_datetime_short", "eu_datetime_short": "us_datetime_short",
    "us_datetime_spaced": "eu_datetime_spaced", "eu_datetime_spaced": "us_datetime_spaced",
    "currency": "currency_eu", "currency_eu": "currency",
    "currency_precise": "currency_eu_precise", "currency_eu_precise": "currency_precise",
    "iso_or_us_date": "iso_or_eu_date", "iso_or_eu_date": "iso_or_us_date",
    "iso_or_us_date_short": "iso_or_eu_date_short", "iso_or_eu_date_short": "iso_or_us_date_short",
    "us_date_mixed_year": "eu_date_mixed_year", "eu_date_mixed_year": "us_date_mixed_year",
    "iso_or_us_datetime": "iso_or_eu_datetime", "iso_or_eu_datetime": "iso_or_us_datetime",
    "us_or_month_name_date": "eu_or_month_name_date", "eu_or_month_name_date": "us_or_month_name_date",
    "us_partial_date": "eu_partial_date", "eu_partial_date": "us_partial_date",
}
# Day/month patterns, month first and day first.
MONTH_FIRST_PATTERNS: frozenset[PatternName] = frozenset(
    {
        "us_date", "us_datetime", "us_date_short", "us_datetime_short", "us_datetime_spaced", "iso_or_us_date",
        "iso_or_us_date_short", "us_date_mixed_year", "iso_or_us_datetime", "us_or_month_name_date",
        "us_partial_date",
    }
)
_TYPE_WORDS: dict[DataType, str] = {
    "BIGINT": "integers", "INTEGER": "integers", "DOUBLE": "numbers", "DECIMAL": "amounts",
    "BOOLEAN": "booleans", "DATE": "dates", "TIMESTAMP": "timestamps", "TIME": "times",
    "VARCHAR": "text",
}


@dataclass(slots=True)
class _Option:
    """A candidate while the decision is being made."""

    stats: CandidateStats
    data_type: DataType
    rate: float
    acceptable: bool
    unit: UnitEvidence | None = None
    blocked: str | None = None  # why an otherwise acceptable candidate cannot be used
    details: dict[str, object] = field(default_factory=lambda: {})
    ambiguous: bool = False

    @property
    def name(self) -> PatternName:
        return self.stats.detector.name


def decide_text_column(
    name: str,
    raw_type: str,
    scan: ColumnScan,
    findings: SampleFindings,
    config: InferenceConfig,
    labels: tuple[str, ...] = (),
) -> ColumnInference:
    """Candidates (best first) and the decision for a VARCHAR column (``labels``: what rows
    under the file's header say of it, see `csv_loader.CsvDialect.labels`)."""
    return _unquoted_when_quoted(_trimmed_when_padded(_decide_text(name, raw_type, scan, findings, config, labels), findings), findings)


# Text with spaces around most of its values, nearly all of them then as long as the longest
# value, was written to a fixed width (BLS's series_id "CUUR0000SA0      ", a CHAR(n)
# column's dump): the spaces are no part of the values. Free text of varying lengths with a
# space before it (wikitext's " = Valkyria Chronicles III = ") is kept as written.
PADDED_SHARE = 0.5
ALIGNED_SHARE = 0.8


def _trimmed_when_padded(result: ColumnInference, findings: SampleFindings) -> ColumnInference:
    """A text decision over values padded to a width: the typed layer trims them."""
    if result.decided_type != "VARCHAR" or findings.padded_share < PADDED_SHARE or findings.aligned_share < ALIGNED_SHARE:
        return replace(result, spaced=True) if result.decided_type == "VARCHAR" and findings.padded_share else result
    note = (
        f" {findings.padded_share:.0%} of the sampled values have spaces before or after them"
        " (text padded to a width): the typed layer trims them."
    )
    return replace(result, padded=True, spaced=True, reason=result.reason + note)


# Text nearly all of whose sampled values are wrapped in single quotes was written so by its
# export (ARFF's nominal values, kept in OpenML's CSVs: freMTPL2freq's Area "'D'", Region
# "'R82'"): the quotes are no part of the values, and kept, no lookup's R82 met them.
QUOTED_SHARE = 0.95


def _unquoted_when_quoted(result: ColumnInference, findings: SampleFindings) -> ColumnInference:
    """A text decision over values wrapped in single quotes: the typed layer unwraps them."""
    if result.decided_type != "VARCHAR" or findings.quoted_share < QUOTED_SHARE:
        return result
    note = (
        f" {findings.quoted_share:.0%} of the sampled values are wrapped in single quotes ('R82'), as ARFF and"
        " OpenML's CSVs write nominal values: the typed layer removes the quotes."
    )
    return replace(result, quoted=True, reason=result.reason + note)


def trimmed_as_its_file_pads(result: ColumnInference, findings: SampleFindings, padded: list[str]) -> ColumnInference:
    """A text decision over values some of them padded, each such value as long as the
    longest, in a file whose ``padded`` columns are trimmed (see `_trimmed_when_padded`): the
    file pads every field to its width, this column's too, where its values mostly fill it.
    The result as it was otherwise."""
    if result.decided_type != "VARCHAR" or result.padded or not findings.padded_share or findings.aligned_share < ALIGNED_SHARE:
        return result
    listed = ", ".join(padded[:3]) + (", ..." if len(padded) > 3 else "")
    note = (
        f" {findings.padded_share:.0%} of the sampled values have spaces before or after them, each as long as"
        f" the longest value, and the file pads its columns to widths ({listed} are trimmed): the typed layer trims them."
    )
    return replace(result, padded=True, spaced=True, reason=result.reason + note)


def _decide_text(
    name: str,
    raw_type: str,
    scan: ColumnScan,
    findings: SampleFindings,
    config: InferenceConfig,
    labels: tuple[str, ...],
) -> ColumnInference:
    n = scan.non_null
    if n == 0:
        return _varchar_only(name, raw_type, scan, "The column has no non-null values.")
    options = [_option(name, s, n, findings, config, labels) for s in scan.candidates.values()]
    # A lenient pattern whose marks never occur adds nothing to the plain reading.
    options = [o for o in options if not (o.stats.detector.lenient and not o.stats.marked)]
    if not options:
        return _varchar_only(
            name, raw_type, scan,
            f"No pattern or type matches at least {config.shortlist_share:.0%} of the sampled"
            " values; kept as VARCHAR.",
        )
    by_name: dict[PatternName, _Option] = {o.name: o for o in options}
    notes: list[str] = []
    starred = _star_code_note(by_name, scan.missing)
    if starred:
        # (The stars are a value of the codes: no missing value, and counted among the values.)
        scan = replace(scan, missing={}, non_null=n + sum(scan.missing.values()))
    code_note = (
        starred or _leading_zero_note(by_name, name, findings, config) or _diagnosis_code_note(by_name, name, n)
        or _classification_note(by_name, name, n, scan.missing)
        or _modifier_note(by_name, name, n) or _year_notation_note(by_name, name, n) or _letter_code_note(by_name, name, n)
        or _number_list_note(by_name, name, n)
        or _named_code_note(by_name, name, config) or _decimal_code_note(by_name, name)
        or _dotted_code_note(by_name, name, findings, n)
        or _price_per_unit_note(by_name, n) or _exponent_code_note(by_name, n) or _bucket_code_note(by_name, n)
    )
    if code_note:
        for option in options:
            if option.data_type in NUMERIC_TYPES or option.name in _NUMBER_AS_TIME:
                # (Barcodes of 13 digits read as Unix milliseconds of the 2060s too.)
                option.blocked = "a code"
    number, whole = by_name.get("float"), by_name.get("integer")
    if (
        number is not None and whole is not None and _digits_beyond_bigint(number, whole, findings)
        and (not whole.acceptable or looks_like_identifier(name))
    ):
        # (A few such values among whole numbers that fit, under another name, are outliers
        # of a measure: the Stack Overflow survey's CompTotal "99999999999999999999".)
        number.blocked = _BEYOND_BIGINT
    comma = by_name.get("grouped_number_eu")
    if comma is not None and whole is not None and _few_commas_among_whole_numbers(comma, whole):
        comma.blocked = "a few values with a comma among whole numbers"
    for option in options:
        marked = option.stats.marked or 0
        if option.name in _TRAILING_MINUS and marked < _TRAILING_MINUS_MIN and marked < 0.1 * option.stats.parsed:
            # One "2,500-" among incomes is the Census Bureau's bottom code (2,500 or less),
            # not a negative amount written SAP's way: too few, and too rare, to turn a sign on.
            option.blocked = "few values end in a minus"
    _block_by_name(by_name, name, findings)
    _block_months_by_a_looser_name(by_name, name, n)
    past_midnight = _past_midnight_note(by_name, n)
    model_calendar = _model_calendar_note(options, n)
    usable = [o for o in options if o.acceptable and o.blocked is None]
    chosen = max(usable, key=lambda o: (o.stats.parsed, o.stats.detector.priority), default=None)
    if chosen is not None:
        chosen = _resolve_ambiguities(chosen, by_name, name, n, findings, config, notes)
    if past_midnight and (chosen is None or chosen.data_type == "VARCHAR"):
        notes.append(past_midnight)  # (not when the minutes and seconds of a length of time won)
    if model_calendar:
        notes.append(model_calendar)
    paces = _paces_beside_speeds(by_name, name, n) if chosen is None or chosen.data_type == "VARCHAR" else None
    if paces:
        notes.append(paces)
    if chosen is not None and chosen.data_type != "VARCHAR":
        # The note says why the numbers are codes kept as text; a reading of another type
        # took the column, and it would contradict it: CMS's BENE_ESRD_IND 0 and Y is a yes/no
        # flag, "01152020" a date with January's zero, "0005" a clock's padding.
        code_note = None
    if chosen is not None and chosen.name == "integer" and chosen.details.get("zero_padded"):
        notes.append(_PADDED_QUANTITY_NOTE.format(example=(findings.leading_zero_example or "").strip()))
    if chosen is not None and chosen.name == "boolean" and findings.table_flag and chosen.stats.truths == 1:
        notes.append(
            f"Every value is the same yes/no spelling, beside the table's yes/no columns named alike"
            f" ({findings.table_flag}): a flag never set the other way in this file."
        )
    if chosen is not None and chosen.name == "elapsed_hours":
        notes.append(_hours_minutes_note(chosen, name, findings))
    if chosen is not None and chosen.name == "minutes_seconds" and _a_length_of_time(name, findings) and not names_a_pace(name):
        notes.append(_minutes_seconds_note(chosen))
    if chosen is not None and chosen.name == "epoch_duration":
        notes.append(
            "Date-times of 1970 under a name of a length of time: a duration written as the moment that long after the"
            " Unix epoch, as ServiceNow stores one (1970-01-01 02:15:00 is 2 hours 15 minutes), in seconds, not moments."
        )
    if chosen is not None and chosen.name == "hhmm_time":
        notes.append("Whole numbers written hhmm (1345 is 13:45) under a clock time's name: times of day.")
    if chosen is not None and chosen.name == "hhmmss_time":
        notes.append("Six digits written hhmmss (101530 is 10:15:30) under a clock time's name: times of day.")
    if chosen is not None and chosen.name == "elapsed_time" and findings.activity_log and not names_a_length_of_time(name):
        notes.append(
            f"Hours, minutes and seconds under {name} in a log of activities (beside {findings.activity_log}): each"
            " activity's length, in seconds, not the time of day it started."
        )
    elif chosen is not None and chosen.name == "elapsed_time" and not names_a_length_of_time(name):
        notes.append(_elapsed_run_note(chosen))
    if chosen is not None and chosen.name in _PACE_READINGS and names_a_pace(name):
        notes.append(
            "Minutes and seconds under a pace's name (8:32 is 512 s): time per mile or kilometre, in seconds, never a"
            " time of day nor hours and minutes, whether or not a value passes 23."
        )
    if chosen is not None and chosen.name == "labelled_scale":
        notes.append(_scale_label_note(chosen, findings, n))
    if chosen is not None and chosen.name == "integer" and findings.year_spans:
        notes.append(
            "Six digits of a year and the next one's last two (201112 is 2011/12): academic or financial years,"
            " not months written yyyymm; kept as numbers."
        )
    if chosen is not None and chosen.name == "compact_year_month":
        notes.append(_year_month_note(name))
    if chosen is not None and chosen.name == "json_object":
        chosen.details["json_keys"] = {key.name: key.value_type for key in findings.json_keys}
        notes.append(_json_note(name, findings.json_keys, findings.json_python))
    if chosen is not None and chosen.name == "json_object_list":
        chosen.details["json_keys"] = {key.name: key.value_type for key in findings.json_keys}
        notes.append(_json_list_note(name, findings.json_keys, findings.json_python))
    if chosen is not None and chosen.name == "noted_date":
        noted = chosen.stats.marked or 0
        notes.append(
            f"{noted:,} of the dates ({noted / n:.1%}) have a note in parentheses after them (Transfermarkt's age, 'Jun 24,"
            " 1987 (35)'): read as the date, the note dropped; the raw layer keeps it."
        )
    if chosen is not None and chosen.name in NOTED_READINGS and (dropped := _dropped_note(chosen, findings, name, n)):
        notes.append(dropped)
    if chosen is not None and chosen.name == "coordinate_pair":
        notes.append(_coordinate_note(name))
    if chosen is not None and chosen.name == "number_array" and findings.array is not None:
        chosen.details["array_length"] = findings.array.length
        notes.append(_array_note(name, findings.array))
    if chosen is not None and chosen.name == "year_span":
        notes.append(_year_span_note(name))
    if chosen is not None and chosen.name == "compact_month_year":
        notes.append(
            "Whole numbers written mmyyyy (012023 is January 2023), every one a valid month, under a name of a month,"
            " a period or a date: each month's first day."
        )
    if chosen is not None and chosen.name == "whole_amount":
        notes.append(
            "Whole numbers past the BIGINT range (more than 19 digits) under an amount's name: amounts in a currency's"
            " smallest unit (wei, a token's base units), kept exact as DECIMAL(38,0), not text (as DOUBLE they would"
            " lose digits); divide by 10^decimals (10^18 for ETH) for the amount in whole units."
        )
    if chosen is not None and chosen.name == "fractional_odds":
        fractions = chosen.stats.marked or 0
        notes.append(
            f"{fractions:,} of the odds ({fractions / n:.1%}) are written as a fraction or evens, as UK bookmakers quote"
            " them: read as decimal odds, a/b as 1 + a/b ('5/2' as 3.5), 'evs' as 2.0; the raw layer keeps them as written."
        )
    if chosen is not None and chosen.name in ("bounded_years", "worded_bound", "lower_bound"):
        notes.append(
            "Open-ended buckets read as their bound: '10+' as 10 (at least 10), '< 1' or 'less than 1' as 0;"
            " the top and bottom values stand for ranges, not exact figures."
        )
    if chosen is not None and chosen.name == "percent" and findings.fraction_scale:
        bare, signed = findings.fraction_scale
        notes.append(
            f"Two scales: the values without a % sign (such as {bare!r}) all lie between 0 and 1, those with one"
            f" (such as {signed!r}) above 1; the bare values are most likely fractions (1 for 100%), read as written"
            " here: multiply them by 100 before comparing."
        )
    if chosen is not None and chosen.name == "credit_debit":
        chosen.details["sign_convention"] = _CREDIT_DEBIT_SIGNS
        notes.append(_CREDIT_DEBIT_NOTE)
    if chosen is not None and chosen.name in _PARTIAL_DATE_PATTERNS:
        notes.append(
            "Dates of mixed precision: a year or a month written alone (or with zeros for the unknown month or"
            " day, 19300000 or 1995-06-00) is read as its first day."
        )
    if chosen is not None and chosen.details.get("midnight"):
        notes.append("Every value's time of day is midnight (00:00:00): kept as the date.")
    elif chosen is not None and chosen.name in _NAMED_ZONE_PATTERNS and findings.zones:
        notes.append(
            f"Values carry a time zone ({_zones_seen(findings.zones)}): they are stored converted to UTC, as"
            " TIMESTAMP without the zone; values without one are kept as written." + _local_time_note(findings.zones)
        )
    elif chosen is not None and chosen.name == "iso_datetime" and chosen.stats.marked:
        zoned = chosen.stats.marked
        notes.append(
            f"{zoned:,} of the values ({zoned / n:.1%}) carry a time zone ({_zones_seen(findings.zones)}): they are stored"
            " converted to UTC, as TIMESTAMP without the zone; values without one are kept as written."
            + _local_time_note(findings.zones)
        )
    elif chosen is not None and chosen.name == "zoned_date":
        notes.append(_zoned_date_note(findings.zones))
    elif chosen is not None and chosen.name == "zoned_time":
        notes.append(_zoned_time_note(findings.zones))
    elif chosen is not None and chosen.name in _ZONED_PATTERNS:
        notes.append(
            "Every value names its time zone (such as PDT, +0000 or GMT): stored converted to UTC, as TIMESTAMP"
            " without the zone; a day's count by the local date needs the zone's offset back."
        )
    if chosen is not None and chosen.data_type == "TIMESTAMP" and (cut := _cut_to_micros_note(chosen, findings)):
        notes.append(cut)
    return _build(name, raw_type, scan, options, chosen, code_note, notes, config, findings.trace)


def _json_note(name: str, keys: tuple[JsonKey, ...], python: bool) -> str:
    """What a column of JSON objects holds, and how to read a key: an event's parameters
    (an order's id among a game's level numbers) are reachable by key alone."""
    if not keys:
        return "The sampled JSON objects are all empty ({})."
    column = python_json_sql(quote_ident(name)) if python else quote_ident(name)
    return (
        f"{_PYTHON_WRITTEN.format(what='dicts') if python else ''}"
        f"JSON objects; keys in the sample, with the share of objects holding each where not all: {_keys_listed(keys)}."
        f" DuckDB reads a key as text with {json_key_sql(column, keys[0].name)}"
        " (json_extract for its JSON value)."
    )


def _json_list_note(name: str, keys: tuple[JsonKey, ...], python: bool) -> str:
    """What a column of JSON lists of objects holds, and how to reach a key of its items:
    StatsBomb's minutes played are the from and to of a lineup's positions, one item each."""
    column = python_json_sql(quote_ident(name)) if python else quote_ident(name)
    if not keys:
        return f"JSON lists of objects, every sampled one empty ([] or [{{}}]); json_array_length({column}) counts the items."
    return (
        f"{_PYTHON_WRITTEN.format(what='lists of dicts') if python else ''}"
        "JSON lists of objects ('[]' when empty), one item per part of the row; keys of the sampled items, with the"
        f" share of items holding each where not all: {_keys_listed(keys)}. DuckDB unnests the items, a row each, with"
        f" {json_items_sql(column)} AS item, then reads a key as text with {json_key_sql('item', keys[0].name)};"
        f" json_array_length({column}) counts them."
    )


# pandas writes a dict or list cell as Python prints it (The Movies Dataset's genres, ACN-Data's
# userInputs): said so, and read through SQL that makes it JSON first.
_PYTHON_WRITTEN = (
    "Python {what} as pandas writes them (single quotes, True, False and None), read as"
    " JSON once converted (the SQL below converts them; a value holding a double quote inside a string, or a \\x"
    " escape such as \\xa0, reads as NULL). "
)


def _keys_listed(keys: tuple[JsonKey, ...]) -> str:
    """The keys of JSON objects with their value types, and their shares where not all hold them."""
    listed = ", ".join(
        f"{key.name} ({key.value_type}{'' if key.share >= _ALWAYS_HELD else f', {_percent(key.share)}'})"
        for key in keys[:_KEYS_NAMED]
    )
    return listed + (f" and {len(keys) - _KEYS_NAMED} more" if len(keys) > _KEYS_NAMED else "")


# Notes a reason lists, commonest first.
_NOTES_LISTED = 5
# SQL over the raw text: what follows the number (its note, flag or footnote mark), a margin of
# error written with its sign, and an interval's bounds (see `number_patterns.interval_estimate`).
_NOTE_SQL = "nullif(trim(regexp_replace({col}, '^\\s*[-+]?[0-9][0-9 ,.]*', '')), '')"
_MARGIN_SQL = "TRY_CAST(regexp_extract({col}, '(?:\u00b1|\\+/?-)\\s*([0-9.]+)', 1) AS DOUBLE)"
_LOW_SQL = "TRY_CAST(regexp_extract({col}, '[\\[(]\\s*([-+]?[0-9.]+)\\s*(?:[-\u2013,]|to)', 1) AS DOUBLE)"
_HIGH_SQL = "TRY_CAST(regexp_extract({col}, '(?:[-\u2013,]|to)\\s*([-+]?[0-9.]+)\\s*[\\])]', 1) AS DOUBLE)"


def _dropped_note(chosen: _Option, findings: SampleFindings, column: str, n: int) -> str | None:
    """What a reading of `NOTED_READINGS` dropped after the numbers, named with its counts,
    and the SQL that reads it back from the raw layer. Dropped unsaid, WONDER's "2023
    (provisional and partial)" read as a full year, and VaxView's margins were lost."""
    notes = findings.notes.get(chosen.name, ())
    marked = chosen.stats.marked or 0
    if not notes or not marked:
        return None
    listed = ", ".join(f"{note!r} ({count:,})" for note, count in notes[:_NOTES_LISTED])
    if len(notes) > _NOTES_LISTED:
        listed += f" and {len(notes) - _NOTES_LISTED:,} more"
    if findings.sampled < n:
        listed += " in the sample"
    col = quote_ident(column)
    share = f"{marked:,} values ({marked / n:.1%})"
    if chosen.name != "interval_estimate":
        return (
            f"{share} write a note, flag or footnote mark after the number ({listed}): not in the typed value;"
            f" the raw layer keeps it, read as a column with {_NOTE_SQL.format(col=col)}."
        )
    margins = any("\u00b1" in note or "+/-" in note or "+-" in note for note, _ in notes)
    ranges = any(note.count("\u2026") > 1 for note, _ in notes)
    reads = [f"the margin of error with {_MARGIN_SQL.format(col=col)}"] if margins else []
    if ranges:
        reads.append(f"the interval's low bound with {_LOW_SQL.format(col=col)} and its high bound with {_HIGH_SQL.format(col=col)}")
    what = "margin of error or interval" if margins and ranges else "margin of error" if margins else "interval"
    return (
        f"{share} are estimates written with their {what} ({listed}): read as the estimate, the {what} not in"
        f" the typed value; the raw layer keeps it: read {' and '.join(reads) or 'it from there'}."
    )


def _year_span_note(name: str) -> str:
    """How to read a period of years written as its first and last ("2023-2024"): each end as
    a year, for the joins and filters a text value cannot take part in by range."""
    value = f"trim({quote_ident(name)})"
    return (
        "Periods of years written as their first and last (2023-2024: an academic, aid or fiscal year), kept as text;"
        f" the first year is CAST(left({value}, 4) AS INTEGER), the last CAST(right({value}, 4) AS INTEGER)."
    )


def _coordinate_note(name: str) -> str:
    """How to read a point written as a JSON array: its numbers by place, not as items."""
    read = f"from_json({quote_ident(name)}, '[\"DOUBLE\"]')"
    return (
        "Points written as two or three numbers in brackets ([x, y], or [x, y, z]): coordinates, not a list of items;"
        f" DuckDB reads x as {read}[1], y as {read}[2] (and z as [3])."
    )


def _array_note(name: str, array: ArrayPositions) -> str:
    """How to read arrays of numbers of one length: each number by its place (Food.com's
    nutrition: calories first), not as items; the ranges by place tell the places apart."""
    read = f"from_json({quote_ident(name)}, '[\"DOUBLE\"]')"
    ranges = ", ".join(f"[{i}] {low:g} to {high:g}" for i, (low, high) in enumerate(array.ranges[:_PLACES_NAMED], 1))
    more = f" and {array.length - _PLACES_NAMED} more" if array.length > _PLACES_NAMED else ""
    return (
        f"Arrays of {array.length} numbers in brackets, as many in every sampled value: a vector read by place, not a"
        f" list of items; DuckDB reads the number at place i (from 1) as {read}[i]. In the sample, by place: {ranges}{more}."
    )


# The places of an array of numbers whose ranges the reason names.
_PLACES_NAMED = 12


# A key held by this share of the sampled objects is named without its share; and how many
# keys the reason names (the candidate's details name them all).
_ALWAYS_HELD = 0.995
_KEYS_NAMED = 15


def _cut_to_micros_note(chosen: _Option, findings: SampleFindings) -> str | None:
    """Why timestamps may differ from the text in their last digits: a TIMESTAMP keeps
    microseconds, and the values write nanoseconds (InfluxDB's Unix times, TTN's received_at)."""
    if chosen.name == "epoch_nanos":
        return "Nanoseconds are cut to microseconds (TIMESTAMP keeps six places): the raw layer keeps them."
    if findings.finer_than_micros is None:
        return None
    return (
        f"Fractions of a second finer than a microsecond ({findings.finer_than_micros!r}) are cut to microseconds"
        " (TIMESTAMP keeps six places): matching the source's values to the last digit needs the raw layer."
    )


# Readings of dates of mixed precision, a year or a month alone read as its first day.
_PARTIAL_DATE_PATTERNS: frozenset[PatternName] = frozenset(
    {
        "iso_partial_date", "iso_partial_datetime", "compact_partial_date", "month_name_partial_date", "us_partial_date",
        "eu_partial_date",
    }
)
# CR and DR after amounts: the side of a balance as the account holder reads a statement.
# A card statement marks only its credits (payments, refunds), beside unmarked charges that
# are then of the other side, though read as written: the note says so.
_CREDIT_DEBIT_SIGNS = "CR positive (credit), DR negative (debit), unmarked as written"
_CREDIT_DEBIT_NOTE = (
    "Amounts marked CR are credits, read above zero, and DR debits, below zero (a balance as a bank statement"
    " writes it); unmarked amounts keep the sign written, so where only credits are marked (a card"
    " statement's payments) they share the sign of the unmarked charges."
)
def _zones_seen(zones: tuple[tuple[str, int], ...]) -> str:
    if not zones:
        return "such as Z, +01:00 or UTC"
    shown = ", ".join(f"{zone} ({count:,})" for zone, count in zones[:4])
    return f"in the sample: {shown}" + (f" and {len(zones) - 4} more" if len(zones) > 4 else "")


def _zoned_date_note(zones: tuple[tuple[str, int], ...]) -> str:
    """What dates written with a zone (xs:date, Workday's "2023-04-01-07:00") are read as: the
    calendar date written, its offset named and dropped."""
    return (
        f"Dates written with a time zone's offset after them (XML Schema's xs:date, {_zones_seen(zones)}):"
        " read as the calendar date written, before the offset; the offset is dropped (a date has no time"
        " to convert to UTC)."
    )


def _zoned_time_note(zones: tuple[tuple[str, int], ...]) -> str:
    """What times of day written with a zone (Google Play's "1:25:52 PM PDT") are read as: the
    clock in that zone, which a TIME cannot carry; the offset that takes them, with their day,
    to UTC."""
    offsets = sorted({h for zone, _ in zones if (h := _offset_hours(zone)) is not None})
    to_utc = (
        f" With the row's date, {-offsets[0]:+g} hours gives UTC (the zone is {offsets[0]:+g} hours from it):"
        " a day's count by UTC dates moves rows across midnight."
        if len(offsets) == 1 and offsets[0] != 0 else ""
    )
    return (
        f"Times of day written with a time zone ({_zones_seen(zones)}): read as the clock shows them in that zone,"
        " as TIME without the zone (a time alone cannot be moved to UTC); the zone is dropped." + to_utc
    )


def _offset_hours(zone: str) -> float | None:
    """An offset's hours ("-05:00" is -5, "+0530" 5.5, "GMT+1" 1, "EDT" -4); None for another
    name or "Z"."""
    zone = ZONE_OFFSETS.get(zone, zone).removeprefix("GMT").removeprefix("UTC")
    digits = zone[1:].replace(":", "")
    if zone[:1] not in "+-" or not digits.isdigit():
        return None
    hours = int(digits[:2]) + (int(digits[2:4]) / 60 if len(digits) >= 4 else 0)
    return -hours if zone[0] == "-" else hours


def _local_time_note(zones: tuple[tuple[str, int], ...]) -> str:
    """What an analyst needs for local dates: the offsets of one place (two an hour apart, a
    zone's daylight saving time) are its local time, which a day's or month's count by UTC
    moves across midnight."""
    offsets = sorted({h for zone, _ in zones if (h := _offset_hours(zone)) is not None and h != 0})
    if not offsets or len(offsets) > 2 or (len(offsets) == 2 and offsets[1] - offsets[0] != 1):
        return ""
    place = "one zone's standard and daylight saving time" if len(offsets) == 2 else "one local time"
    return (
        f" The offsets are {place}: counts by day or month in that local time need the zone back"
        " (e.g. `ts AT TIME ZONE 'UTC' AT TIME ZONE 'America/New_York'` for US Eastern), or read the raw layer."
    )


# Readings of date-times with UTC or GMT after them at times, converted to UTC (Amazon's EU
# settlements, Google Forms), or a zone's abbreviation (Niagara's EDT): the sample names the zones (no count over all values, which
# every such column would pay for).
_NAMED_ZONE_PATTERNS: frozenset[PatternName] = frozenset(
    {"ymd_slash_datetime", "us_datetime", "eu_datetime", "us_datetime_short", "eu_datetime_short", "month_name_datetime"}
)
# Readings whose every value carries a zone, converted to UTC.
_ZONED_PATTERNS: frozenset[PatternName] = frozenset({"unix_datetime", "rfc_datetime", "clf_datetime"})
_BEYOND_BIGINT = "integers beyond BIGINT"
_TRAILING_MINUS: frozenset[PatternName] = frozenset({"trailing_minus_integer", "trailing_minus", "trailing_minus_eu"})
_TRAILING_MINUS_MIN = 3
_DATE_NAME = "a date's name"
_ONE_TRUTH = "one truth value"
_OTHER_ANSWERS = "other answers"
# A value that is an answer, not junk: letters, in words ("Steady", "P", "Not sure").
_ANSWER = re.compile(r"\s*[^\W\d_]+(?:[ '-][^\W\d_]+)*\s*")


def _other_answers(boolean: _Option) -> bool:
    """Whether the values a yes/no reading fails on are all words or letters: answers of a
    list of categories, not typos ("??", "1O") to quarantine."""
    failed = boolean.stats.failed_examples
    return bool(failed) and all(_ANSWER.fullmatch(value) for value in failed)
_TRUTH_WORD_LENGTH = 4
_NO_HOURS = "no value has hours"
# Whole numbers that are all years of this range: under a name of time (OECD's TIME), periods,
# not clock times of one evening.
_YEARS = (1800, 2100)
_ONLY_YEARS = "every value reads as a year"


def _few_commas_among_whole_numbers(comma: _Option, whole: _Option) -> bool:
    """Whether the values a decimal comma reads are a few among whole numbers (under a
    tenth of them): lists ("2018,2019" among Yelp's elite years, "8,29" among ids) more
    likely than decimals, and read as 2018.2019 they would be wrong without a trace. Such
    values are then junk of a whole-number column, or its text."""
    marked = comma.stats.marked or 0
    return 0 < marked < 0.1 * comma.stats.parsed and whole.stats.parsed + marked >= comma.stats.parsed


def _block_by_name(by_name: dict[PatternName, _Option], name: str, findings: SampleFindings) -> None:
    """Readings that the values allow but the name contradicts: times of day written with
    points ("17.14.11") under a date's name (YouTube's trending_date, YY.DD.MM), and a yes/no
    reading of a column holding one spelling only ("N" throughout: an indicator's code, not a
    boolean) unless the name says yes/no, the spelling is a word of four letters or more
    ("False" throughout US Accidents' Turning_Loop: only true, false and nein are so long) or
    the table's yes/no columns are named alike (`SampleFindings.table_flag`);
    a yes/no reading beside other words or letters, however few (the diabetes study's drug
    columns: "No" in 99.8% of rows, "Steady" in the rest; Ames's PavedDrive "P"), which are
    answers, not junk (see `_other_answers`); and phone numbers under an identifier's name
    (bare digits with a leading 0 read as one)."""
    dotted = by_name.get("dotted_time")
    if dotted is not None and dotted.acceptable and looks_like_date(name) and "time" not in name_tokens(name):
        dotted.blocked = _DATE_NAME
    hhmm = by_name.get("hhmm_time")
    latest = as_bound(hhmm.stats.high) if hhmm is not None else None
    if hhmm is not None and latest is not None and latest < 3600:
        hhmm.blocked = _NO_HOURS  # 0 to 99 only (Spotify's time_signature 3, 4, 5): no clock
    whole = by_name.get("integer")
    earliest, last = (as_bound(whole.stats.low), as_bound(whole.stats.high)) if whole is not None else (None, None)
    if hhmm is not None and earliest is not None and last is not None and _YEARS[0] <= earliest and last <= _YEARS[1]:
        hhmm.blocked = _ONLY_YEARS  # OECD's and SDMX's TIME, TIME_PERIOD: 2000..2023, no 20:00..20:23
    boolean = by_name.get("boolean")
    one_truth = boolean is not None and boolean.acceptable and boolean.stats.truths == 1
    if (
        boolean is not None and one_truth and not looks_boolean(name) and findings.max_length < _TRUTH_WORD_LENGTH
        and findings.table_flag is None
    ):
        boolean.blocked = _ONE_TRUTH
        boolean.details["one_truth"] = True
    if boolean is not None and boolean.acceptable and boolean.rate < 1.0 and _other_answers(boolean):
        boolean.blocked = _OTHER_ANSWERS
    phone = by_name.get("phone")
    if phone is not None and (looks_like_identifier(name) or _names_a_waybill(name)) and not looks_like_phone(name):
        # H&M's article_id "0108775015": ten digits, no number to call; nor an air waybill's
        # "176-12345675" (an airline's prefix, a dash and eight digits).
        phone.blocked = "an identifier's name"
    grouped = by_name.get("grouped_number")
    highest = as_bound(grouped.stats.high) if grouped is not None else None
    if grouped is not None and highest is not None and highest <= 0 and grouped.stats.marked == grouped.stats.parsed > 0:
        # Every value in parentheses, none above zero: a wrapper, not accounting's minus sign
        # (MoMA's artists' dates "(1930)", "(0)").
        grouped.blocked = "every value is in parentheses"
    clock, elapsed = by_name.get("time"), by_name.get("minutes_seconds")
    if _times_of_day(clock, name, findings):
        # A racecard's Race Time "15:20", a roster's Shift Time "07:00": a clock reads every
        # value and none is near 0:00, where lengths of an activity start.
        for reading in _LENGTH_READINGS:
            if (length := by_name.get(reading)) is not None:
                length.blocked = _A_CLOCK_S_VALUES
    elif clock is not None and elapsed is not None and elapsed.acceptable and _a_length_of_time(name, findings):
        # An NHL shift's duration "00:45": 45 seconds, not a quarter to one in the morning.
        clock.blocked = "a length of time's name"
    scale = by_name.get("labelled_scale")
    if scale is not None and not _labels_at_the_ends(scale, findings):
        scale.blocked = "labels inside the scale"
    run = by_name.get("elapsed_time")
    if run is not None and not _a_length_of_time(name, findings) and as_bound(run.stats.low) != 0:
        # Shortlisted by its hours past 24 alone (see `sampling.PAST_A_DAY_SHARE`): a run's time
        # starts at 0:00:00; a night's timetable from 05:00 to 27:30 is clock times of a service day.
        run.blocked = _NO_RUN_FROM_ZERO
    unit = by_name.get("unit_value")
    if unit is not None and names_a_coordinate(name):
        # The NTSB's longitudes "0812333W" (81°23'33" west) beside -81.878056: a letter after
        # a coordinate's digits is its hemisphere, not watts.
        unit.blocked = "a coordinate's name"
    elif unit is not None and _glued_letter_codes(unit, name, findings):
        unit.blocked = _GLUED_CODES
        unit.details["codes"] = list(findings.glued_letters[:5])
    elif unit is not None and _status_flags(unit, by_name.get("flagged_number")):
        unit.blocked = "status flags, not a unit"
    if phone is not None and names_census_geography(name):
        phone.blocked = "a census geography's name"  # a tract's "01073000100": eleven digits, no number to call
    elif phone is not None and whole is not None and whole.rate >= phone.rate and not looks_like_phone(name):
        # Bare digits only a phone's name makes a number to call: NOAA's GSOD station
        # "01001099999" (a trunk 0 and ten digits) is a station's code.
        phone.blocked = "bare digits without a phone's name"


# FAO's capital status flags (see `number_patterns._FLAGS`); F and N are also units.
_CAPITAL_FLAGS = frozenset("EFINP")


def _status_flags(unit: _Option, flagged: _Option | None) -> bool:
    """Whether the letters a unit reading takes are FAO's status flags: FishStatJ's "262311 F"
    (an FAO estimate) on a few of a year's catches, no degrees Fahrenheit. The sample kept the
    flags' reading only where few values carry a capital (`sampling._capitals_of_a_unit`)."""
    return (
        flagged is not None and flagged.acceptable and flagged.rate >= unit.rate
        and bool(unit.stats.markers) and all(m.strip() in _CAPITAL_FLAGS for m in unit.stats.markers)
    )


_NOT_EVERY_MONTH = "not every value a month, under a name that does not say month"


def _block_months_by_a_looser_name(by_name: dict[PatternName, _Option], name: str, n: int) -> None:
    """Six digits read as yyyymm under a period's abbreviation or a date's name (the SOI's
    tax_pd, a parking citation's Plate Expiry Date 202312), which do not say month as
    BEGIN_YEARMONTH does: months only when every value is one, else the numbers they are."""
    months = by_name.get("compact_year_month")
    if months is not None and months.stats.parsed < n and not looks_like_year_month(name):
        months.blocked = _NOT_EVERY_MONTH
    written_month_first = by_name.get("compact_month_year")
    if written_month_first is not None and written_month_first.stats.parsed < n:
        # (Month first, the leading zero of January to September is a code's as often: every
        # value must be a month, whatever the name.)
        written_month_first.blocked = _NOT_EVERY_MONTH


def _year_month_note(name: str) -> str:
    """Why whole numbers are months: the name says month, or a period or a date with every
    value a valid yyyymm."""
    if looks_like_year_month(name):
        return "Whole numbers written yyyymm (202301 is January 2023) under a month's name: each month's first day."
    return (
        "Whole numbers written yyyymm (202301 is January 2023), every one a valid month, under a name of a period"
        " (pd, prd) or a date: each month's first day."
    )


# Name words of an air waybill: a master's (MAWB) or a house's (HAWB), numbered as the
# airline's three-digit prefix, a dash and eight digits.
_WAYBILL_WORDS = frozenset({"awb", "mawb", "hawb", "waybill", "airwaybill"})


def _names_a_waybill(name: str) -> bool:
    return bool(_WAYBILL_WORDS.intersection(name_tokens(name)))


_GLUED_CODES = "codes of a digit and a letter"
# Digits and letters of several kinds under an identifier's name (see `_attach_unit`).
_IDENTIFIER_LETTERS = "an identifier's letters"
_NO_RUN_FROM_ZERO = "no run from 0:00:00"
# Name words of a code list, beside which digits glued to a capital letter are codes however
# many (LDA's filing_type, SAM's ENTITY_STRUCTURE).
_CODE_LIST_WORDS = frozenset({
    "type", "types", "code", "codes", "structure", "status", "class", "category", "kind", "grade", "level",
    "tier", "group", "rank", "form", "variant", "series", "section", "model",
})
# At most this many distinct such values, under a name of no measure, are a code list: a
# measure of a few settings (batteries of 12V, 24V, 48V) is named as one (`names_glued_unit`).
_FEW_GLUED_CODES = 12


# Name words of a carrier's voyage, whose numbers end in the direction sailed ("402W", "118E").
_VOYAGE_WORDS = frozenset({"voyage", "voyages", "voy"})
# Digits glued to capital letters and written with a leading zero ("076W", PISA's "08MS"): no
# measure is.
_PADDED_GLUED = re.compile(r"0[0-9]+[A-Z]+")


def _glued_letter_codes(unit: _Option, name: str, findings: SampleFindings) -> bool:
    """Whether a unit reading's values are codes: every one a whole number glued to one
    capital letter (`SampleFindings.glued_letters`), under a name of a code list, or few of
    them under a name that says no measure of the letter (a filtered extract holds one: SAM's
    "2L" throughout), both of one or two digits; or of any width, written with a leading zero
    or under a name of an identifier or a voyage. The letter would be lost without a trace:
    LDA's amendment types "1A".."4A" read as 1 to 4 amperes, a westbound sailing's voyage
    numbers "402W", "076W" as watts."""
    codes = findings.glued_letters
    low, high = as_bound(unit.stats.low), as_bound(unit.stats.high)
    if not codes or low is None or high is None or low < 0 or not (low.is_integer() and high.is_integer()):
        return False
    if names_glued_unit(codes[0][-1], name):
        return False
    tokens = name_tokens(name)
    if any(_PADDED_GLUED.fullmatch(code) for code in codes) or _VOYAGE_WORDS.intersection(tokens) or looks_like_identifier(name):
        return True
    if high > 99:
        return False
    return bool(_CODE_LIST_WORDS.intersection(tokens)) or len(codes) <= _FEW_GLUED_CODES


# A label that makes its number an open end: ANES's "80. Age 80 or older", "90+".
_OPEN_END = re.compile(r"(?i)\bor (?:more|older|over|above|higher)\b|\band (?:over|above|older)\b|\+")


def _scale_codes(findings: SampleFindings) -> list[int]:
    """The numbers of a scale's labelled codes ("-9. Refused"), as the sample shows them."""
    return sorted({n for v in findings.scale_labels if is_scale_code(v) and (n := scale_number(v)) is not None})


def _labels_at_the_ends(scale: _Option, findings: SampleFindings) -> bool:
    """Whether the whole column keeps the sample's labelled ends as its ends: past a labelled
    end lie only the labelled codes (a plain "85" above "80. Age 80 or older" would make the
    label no top code)."""
    bottom, top = findings.scale_ends
    codes = _scale_codes(findings)
    low, high = as_bound(scale.stats.low), as_bound(scale.stats.high)
    if not findings.scale_labels or low is None or high is None:
        return False
    return (top is None or high == top or high in codes) and (bottom is None or low == bottom or low in codes)


def _scale_label_note(scale: _Option, findings: SampleFindings, n: int) -> str:
    """What a scale's labels are read as: the ends as their numbers, the codes named (see
    `sampling.scale_labels`)."""
    labelled = scale.stats.marked or 0
    ends = [v.strip() for v in findings.scale_labels if not is_scale_code(v)]
    codes = [v.strip() for v in findings.scale_labels if is_scale_code(v)]
    scale.details["scale_labels"] = [v.strip() for v in findings.scale_labels[:6]]
    text = f"{labelled:,} values ({labelled / n:.1%}) carry a label beside their number"
    if ends:
        shown = ", ".join(repr(v) for v in ends[:2])
        text += f"; the scale's labelled {'end' if len(ends) == 1 else 'ends'} ({shown}) read as {'its number' if len(ends) == 1 else 'their numbers'}"
    bounds = [v for v in ends if _OPEN_END.search(v)]
    if bounds:
        text += f" ({bounds[0]!r} is a top code: its number stands for that or more)"
    if codes:
        numbers = _scale_codes(findings)
        scale.details["possible_missing_codes"] = numbers
        shown = ", ".join(repr(v) for v in codes[:3])
        text += (
            f"; {shown} {'is a code' if len(codes) == 1 else 'are codes'} of no answer, read as"
            f" {', '.join(map(str, numbers))} (possible missing codes, to leave out of sums and means)"
        )
    return text + "."


# Readings of a pace's minutes and seconds (8:32), with or without a fraction or an hour.
_PACE_READINGS: frozenset[PatternName] = frozenset({"minutes_seconds", "duration", "elapsed_or_minutes_seconds"})


# Name words of a speed, in whose column a sport's export writes a run's pace (Garmin's Avg
# Speed "8:32" min/mile for a run beside "15.6" mph for a ride).
_SPEED_NAME_WORDS = frozenset({"speed", "spd", "velocity"})


def _paces_beside_speeds(by_name: dict[PatternName, _Option], name: str, n: int) -> str | None:
    """Why a speed's column of values read as times of day beside plain numbers stays text:
    the times are paces, minutes and seconds per mile or kilometre, beside speeds; None
    otherwise."""
    clock = by_name.get("time")
    if clock is None or not clock.stats.parsed or not _SPEED_NAME_WORDS.intersection(name_tokens(name)):
        return None
    numbers = clock.stats.failed_examples
    if not numbers or not all(_PLAIN_NUMBER.fullmatch(e) for e in numbers):
        return None
    return (
        f"The values read as times ({clock.stats.parsed / n:.1%}) are paces written m:ss under a speed's name, minutes"
        f" and seconds per mile or kilometre, not times of day, beside speeds ({', '.join(e.strip() for e in numbers[:3])}),"
        " as sport exports write a run's pace where a ride's speed goes; two measures in one column, to split by the"
        " activity's type."
    )


_PLAIN_NUMBER = re.compile(r"\s*[0-9]+(?:\.[0-9]+)?\s*")


# Readings of a length of time that a name of a length or a moment gives up to a clock's.
_LENGTH_READINGS: tuple[PatternName, ...] = ("minutes_seconds", "elapsed_time", "elapsed_hours", "elapsed_or_minutes_seconds")
_A_CLOCK_S_VALUES = "times of day under a name of a length or a moment, none near 0:00"
# Under this (one hour, in seconds), the shortest value reads as the length of an activity.
_NEAR_MIDNIGHT = 3600


def _times_of_day(clock: _Option | None, name: str, findings: SampleFindings) -> bool:
    """Whether a column whose name says the length of an activity or the moment it is held
    (`names_a_length_or_a_moment`: Race Time, Shift Time), or a log's bare Time, holds times
    of day: a clock reads every value and the earliest is past 1:00. Lengths start near 0:00
    (a result's 0:45:12, a rest's 0:32); a racecard's offs run from 12:00, a roster's shifts
    from 07:00, a GPS track's points from 07:15:05."""
    if not (names_a_length_or_a_moment(name) or findings.activity_log is not None):
        return False
    if clock is None or not clock.acceptable or clock.blocked is not None:
        return False
    low = as_bound(clock.stats.low)
    return low is not None and low >= _NEAR_MIDNIGHT


def _a_length_of_time(name: str, findings: SampleFindings) -> bool:
    """Whether the column holds lengths of time: its name says so, or it is the bare Time of
    a log of activities (`SampleFindings.activity_log`)."""
    return names_a_length_of_time(name) or findings.activity_log is not None


def _hours_minutes_note(hours: _Option, name: str, findings: SampleFindings) -> str:
    """Why lengths written in two parts are hours and minutes: a name of hours counted, of an
    activity that lasts hours, or the file's other column of such a name."""
    if names_hours(name):
        return (
            "Hours and minutes written h:mm under a name of hours counted (40:15 is 40 hours 15 minutes, 8:29 a day's"
            " 8 hours 29 minutes): lengths of time, in seconds, not times of day nor minutes and seconds."
        )
    high = abs(int(as_bound(hours.stats.high) or 0))
    example = f"{high // 3600}:{high % 3600 // 60:02d} is {high // 3600} h {high % 3600 // 60} min"
    if findings.table_hours is not None and not names_a_long_activity(name):
        why = f"as the file's {findings.table_hours} is: one reading for the file's lengths of time"
    else:
        why = f"as {name} names the length of an activity that lasts hours (a car's charge, a night's sleep, a shift)"
    return (
        f"No value tells minutes and seconds from hours and minutes; read as hours and minutes, h:mm ({example}),"
        f" {why}; in seconds, not times of day nor minutes and seconds 60 times too small."
    )


def _minutes_seconds_note(elapsed: _Option) -> str:
    """Why lengths of time written in two parts are minutes and seconds, though each reads as
    hours and minutes too: nothing says an activity of hours."""
    high = int(as_bound(elapsed.stats.high) or 0)
    written = f"{high // 60}:{high % 60:02d}"
    return (
        f"No value tells minutes and seconds from hours and minutes ({written} is {high // 60} min {high % 60} s, or"
        f" {high // 60} h {high % 60} min); neither the name nor the file's other columns say an activity that lasts"
        " hours (a charge, a sleep, a shift, a timecard's Hours): read as minutes and seconds, m:ss. If they are h:mm,"
        " each length is 60 times the seconds given."
    )


def _elapsed_run_note(run: _Option) -> str:
    """Why hours, minutes and seconds under a name of no length of time are seconds: they count
    from 0:00:00 on past a day, as a plate reader's kinetic read times its reads."""
    high = as_bound(run.stats.high) or 0.0
    return (
        f"The values count from 0:00:00 to {int(high // 3600)}:{int(high % 3600 // 60):02d}:{int(high % 60):02d},"
        " many past 24 hours: the time elapsed since a run's start (a kinetic read's), in seconds, not a time of day."
    )


# A clock time of 24 hours or more ("25:10:00"): GTFS counts a service day's trips after
# midnight on from 24:00.
_PAST_MIDNIGHT = re.compile(r"\s*(?:2[4-9]|[3-9][0-9]):[0-5][0-9](?::[0-5][0-9])?\s*")


_PAST_MIDNIGHT_BLOCK = "times past midnight"


def _past_midnight_note(by_name: dict[PatternName, _Option], n: int) -> str | None:
    """Why a column of clock times stays text when the times that do not parse are all past
    24:00 (GTFS's stop_times: a trip leaving at 25:10:00 belongs to the day before): they are
    valid values, which TIME cannot hold, not junk to quarantine."""
    clock = by_name.get("time")
    if clock is None or clock.stats.parsed == n or not clock.stats.failed_examples:
        return None
    if not all(_PAST_MIDNIGHT.fullmatch(e) for e in clock.stats.failed_examples):
        return None
    clock.blocked = _PAST_MIDNIGHT_BLOCK
    failed = n - clock.stats.parsed
    return (
        f"{failed:,} values ({failed / n:.1%}) are clock times past 24:00 (e.g."
        f" {clock.stats.failed_examples[0].strip()!r}), as timetables count a service day:"
        " TIME cannot hold them, so the column stays text."
    )


# February 29 or 30 written ISO's way (with a time after it or not), which a date reading fails on
# only where the calendar is no Gregorian one: a climate model's 360-day year (CMIP6's UKESM1 and
# HadGEM3 daily output, written by xarray/cftime) gives every month 30 days.
_MODEL_CALENDAR_DAY = re.compile(r"\s*[0-9]{4}-02-(29|30)(?:[ T][0-9:.]+Z?)?\s*")
_MODEL_CALENDAR_BLOCK = "days of a 360-day model calendar"
# A model's February 30 comes every year, and in gridded output at every grid point.
_MODEL_CALENDAR_MIN = 2


def _model_calendar_note(options: list[_Option], n: int) -> str | None:
    """Why a column of dates stays text when the dates that do not parse are all February 29
    or 30, one of them a 30th, and more than one: a model's 360-day calendar, whose days no DATE holds; valid
    rows, not junk to quarantine."""
    dated = [o for o in options if o.data_type in ("DATE", "TIMESTAMP") and o.acceptable and o.blocked is None]
    best = max(dated, key=lambda o: o.stats.parsed, default=None)
    if best is None or n - best.stats.parsed < _MODEL_CALENDAR_MIN or not best.stats.failed_examples:
        return None  # (one "2021-02-30" among Gregorian dates is a typo, and goes to quarantine)
    days = [m.group(1) if (m := _MODEL_CALENDAR_DAY.fullmatch(e)) else None for e in best.stats.failed_examples]
    if None in days or "30" not in days:
        return None
    for option in dated:
        option.blocked = _MODEL_CALENDAR_BLOCK
    failed = n - best.stats.parsed
    return (
        f"{failed:,} values ({failed / n:.1%}) are February 29 or 30 (e.g. {best.stats.failed_examples[0].strip()!r}):"
        " the days of a climate model's 360-day calendar (calendar '360_day': every month has 30 days), which no"
        " DATE holds; kept as text so that no model day goes to quarantine (its ISO text sorts in time order;"
        " read it with cftime, or group by its year and month)."
    )


def _digits_beyond_bigint(number: _Option, whole: _Option, findings: SampleFindings) -> bool:
    """Whole numbers (as the sample shows them) of which some are out of BIGINT's range: as
    DOUBLE they would lose their last digits, which for identifiers is wrong values."""
    if findings.shares.get("integer", 0.0) < findings.shares.get("float", 0.0):
        return False  # the sample has decimals: a real measurement
    if whole.stats.parsed >= number.stats.parsed:
        return False
    low, high = as_bound(number.stats.low), as_bound(number.stats.high)
    return any(b is not None and abs(b) >= 2**63 for b in (low, high))


def _option(
    name: str,
    stats: CandidateStats,
    n: int,
    findings: SampleFindings,
    config: InferenceConfig,
    labels: tuple[str, ...],
) -> _Option:
    detector = stats.detector
    rate = stats.parsed / n
    least = config.boolean_accept_rate if detector.data_type == "BOOLEAN" else config.accept_rate
    acceptable = stats.parsed == n or (n >= config.min_values_for_tolerance and rate >= least)
    data_type = detector.data_type
    if data_type == "BIGINT":
        in_int32 = all(
            isinstance(v, int) and _INT32[0] <= v <= _INT32[1] for v in (stats.low, stats.high)
        )
        data_type = "INTEGER" if in_int32 else "BIGINT"
    midnight = data_type == "TIMESTAMP" and stats.parsed > 0 and stats.timed == 0
    if midnight:
        # Dates written with a time that is always 00:00:00 (Socrata's "01/05/2021 12:00:00
        # AM", SQL Server's "1996-07-04 00:00:00.000"): the dates are the data.
        data_type = "DATE"
    option = _Option(stats, data_type, rate, acceptable)
    if midnight:
        option.details["midnight"] = True
    if detector.formats:
        option.details.update(_format_details(detector.name, detector.formats, findings))
    _attach_unit(option, name, labels, findings)
    return option


def _format_details(
    pattern: PatternName, formats: tuple[str, ...], findings: SampleFindings
) -> dict[str, object]:
    if pattern in DAY_MONTH_PATTERNS and findings.date_separator:
        return {"format": formats[0].replace("/", findings.date_separator)}
    if len(formats) == 1:
        return {"format": formats[0]}
    return {"formats": list(formats)}


_BARE_CODE = re.compile(r"[A-Z]{3}")


def _codes_glued_to_whole_numbers(stats: CandidateStats) -> bool:
    """Whether the amounts a currency reading found are all three capitals glued to a whole
    number ("NAD83", "NAD27": a geodetic datum): a code's name, not money, which is written
    with a space, a symbol or cents."""
    low, high = as_bound(stats.low), as_bound(stats.high)
    whole = low is not None and high is not None and float(low).is_integer() and float(high).is_integer()
    return whole and all(_BARE_CODE.fullmatch(marker) for marker in stats.markers)


_DASHED_KEYS = "keys of a code, a dash and a number"
_DASHED_CODE = re.compile(r"[A-Z]{3}-")
# Name words of a reference to a ticket or an issue, beside the identifiers' (ServiceNow's
# u_vendor_ticket, Jira's Epic Link and Parent).
_REFERENCE_WORDS = frozenset({"ticket", "tickets", "issue", "issues", "case", "link", "parent", "epic", "incident"})
# Sampled values this distinct are a key's, whatever the name.
_KEY_DISTINCT_SHARE = 0.99


def _dashed_keys(stats: CandidateStats, name: str, findings: SampleFindings) -> bool:
    """Whether the amounts a currency reading found are keys written as a project's or a
    system's prefix, a dash and a whole number: Jira's issue keys "PHP-101" (a project whose
    key is the Philippine peso's code), ServiceNow's vendor tickets "VND-4821". Read as money
    they become negative amounts and the key is lost without a trace. Money is not written so
    (a minus goes before the code or after a space, and amounts have cents), so the column
    stays text under a name of an identifier or a ticket, or when its values are all distinct."""
    low, high = as_bound(stats.low), as_bound(stats.high)
    if low is None or high is None or high >= 0 or not (float(low).is_integer() and float(high).is_integer()):
        return False
    if not stats.markers or not all(_DASHED_CODE.fullmatch(marker) for marker in stats.markers):
        return False
    named = looks_like_identifier(name) or bool(_REFERENCE_WORDS.intersection(name_tokens(name)))
    return named or findings.distinct_share >= _KEY_DISTINCT_SHARE


# A unit written on fewer of a column's numbers than this share is theirs, not the column's:
# a POS line export's Qty holds "2.31 lb" for weighed produce beside "1" and "2" items counted.
MINORITY_UNIT_SHARE = 0.5
MINORITY_UNIT_NOTE = (
    " Only {marked:,} of {parsed:,} values ({share:.1%}) are written with a unit ({unit}); the others are"
    " bare numbers, which may count something else (items beside weights): the unit applies to those"
    " values only, so none is recorded for the column."
)


def _unit_of_some_values(stats: CandidateStats, share: float, unit: str, from_name: UnitEvidence | None) -> bool:
    """Whether a unit the values write is on too few of them to be the column's (see
    `MINORITY_UNIT_SHARE`), and the name does not state it for the rest. Amounts are left
    alone: a currency's sign on some of them is the rest's currency too."""
    if stats.detector.data_type == "DECIMAL" or share >= MINORITY_UNIT_SHARE:
        return False
    return from_name is None or unit_scale(from_name.unit)[0] != unit


def _priced_as_named(named: str, unit: str, stats: CandidateStats) -> bool:
    """Whether amounts in ``unit`` are the price per a unit that the name states (``named``,
    "USD/oz"): in its currency, or in a bare symbol that may stand for it."""
    currency = price_currency(named)
    if currency is None:
        return False
    return unit == currency or all(symbol_allows(marker, currency) for marker in stats.markers)


def _attach_unit(option: _Option, column_name: str, labels: tuple[str, ...], findings: SampleFindings) -> None:
    stats = option.stats
    from_name = None
    if option.data_type in NUMERIC_TYPES:
        # A units row under the header says it outright; then the name.
        from_name = next(filter(None, map(unit_from_label, labels)), None) or unit_from_name(column_name)
    from_values: UnitEvidence | None = None
    if stats.detector.unit is not None:
        from_values = UnitEvidence(stats.detector.unit, VALUE_UNIT_CONFIDENCE)
    elif stats.detector.marker is not None and stats.markers:
        if stats.detector.data_type == "DECIMAL" and _codes_glued_to_whole_numbers(stats):
            option.blocked = "codes glued to numbers"  # EPA's datum "NAD83" is no 83 Namibian dollars
            return
        if stats.detector.data_type == "DECIMAL" and _dashed_keys(stats, column_name, findings):
            option.blocked = _DASHED_KEYS  # Jira's issue key "PHP-101" is no 101 pesos owed
            return
        read = amount_unit if stats.detector.data_type == "DECIMAL" else value_unit
        units = {read(marker) for marker in stats.markers}
        if len(units) != 1 or None in units:
            # Under an identifier's name the letters are the identifier's: FAA's N-NUMBER
            # "801DZ", "552NW", "9248S" are tail numbers, not numbers in several units.
            option.blocked = _IDENTIFIER_LETTERS if looks_like_identifier(column_name) else "mixed units"
            option.details["units_seen"] = [m.strip() for m in stats.markers]
            return
        share = (stats.marked or 0) / stats.parsed if stats.parsed else 0.0
        from_values = UnitEvidence(units.pop() or "", VALUE_UNIT_CONFIDENCE * share)
        if _unit_of_some_values(stats, share, from_values.unit, from_name):
            option.details["unit_note"] = MINORITY_UNIT_NOTE.format(
                marked=stats.marked or 0, parsed=stats.parsed, share=share, unit=from_values.unit
            )
            return
        if from_values.unit == "deg" and all(marker.strip() == "°" for marker in stats.markers):
            # "42.5°" under API Gravity, "72°" under a temperature: the name says of what.
            degrees = degree_sign_unit(column_name)
            from_values = UnitEvidence(degrees, from_values.confidence) if degrees else None
        named = unit_scale(from_name.unit)[0] if from_name is not None else None
        if (
            from_values is not None and stats.detector.data_type == "DECIMAL" and named is not None and named != from_values.unit
            and all(symbol_allows(marker, named) for marker in stats.markers)
        ):
            # "$1,234,567.00" under "Value (AUD)": a bare "$" is any dollar, and the name
            # says which (AusTender's, Canada's and New Zealand's contract values).
            from_values = UnitEvidence(named, from_values.confidence)
        if (
            from_values is not None and stats.detector.data_type == "DECIMAL" and named is not None
            and _priced_as_named(named, from_values.unit, stats)
        ):
            # "$1,094" under a mine's "AISC (US$/oz)": dollars per ounce, as the name says,
            # not dollars to be summed.
            from_values = UnitEvidence(named, from_values.confidence)
    scale = name_scale(column_name) if option.data_type in NUMERIC_TYPES else None
    if from_values is not None and scale is not None and stats.detector.data_type == "DECIMAL":
        # "$1,500" under "Budget ($000)": the values' currency in the name's scale, never a
        # bare currency the reader would take at face value.
        from_values = scaled_unit(from_values, scale)
    if from_values and from_name and from_values.unit != from_name.unit:
        option.details["unit_from_name"] = from_name.unit
    if from_values and from_name and from_values.unit == from_name.unit:
        option.unit = UnitEvidence(from_values.unit, AGREEING_UNIT_CONFIDENCE)
    elif from_values is None and (
        note := name_unit_note(
            from_name, as_bound(stats.low), as_bound(stats.high),
            whole=option.data_type in ("INTEGER", "BIGINT"), name=column_name,
        )
    ):
        option.details["unit_note"] = note
    else:
        option.unit = from_values or from_name
    if option.unit is None and "unit_note" not in option.details and scale is not None:
        option.details["unit_note"] = scale_note(column_name)


def _names_a_percentage(name: str) -> bool:
    """Whether a name states percent (``MI_PCT``, ``discount_pct``, ``growth %``): no code is
    named so."""
    unit = unit_from_name(name)
    return unit is not None and unit.unit == "%"


# Readings of a whole number as a moment: codes are none of them either.
_NUMBER_AS_TIME: frozenset[PatternName] = frozenset(
    {
        "epoch_seconds", "epoch_millis", "epoch_micros", "epoch_nanos", "compact_datetime", "compact_short_datetime",
        "cdr_timestamp", "excel_serial", "sas_day_number", "sas_seconds",
    }
)


def _leading_zero_note(
    by_name: dict[PatternName, _Option], name: str, findings: SampleFindings, config: InferenceConfig
) -> str | None:
    integer = by_name.get("integer")
    if integer is None or not integer.stats.leading_zeros or not integer.stats.parsed:
        return None
    high = as_bound(integer.stats.high)
    if names_a_time_part(name) and high is not None and high <= 99:
        return None  # an hour or a month written with two digits ("08"): a number
    if _names_a_percentage(name) and high is not None and high <= PERCENT_MAX:
        return None  # Freddie Mac's MI_PCT "000", "025", "030": a percentage written to a fixed width
    if _padded_quantity(integer, name, findings):
        integer.details["zero_padded"] = True
        return None  # the FAA's NO-SEATS "004", HORSEPOWER "00150": counts written to a fixed width
    share = integer.stats.leading_zeros / integer.stats.parsed
    if share < config.leading_zero_share and not looks_like_identifier(name):
        return None  # (under an identifier's name one is enough: a barcode's "00070404000104")
    integer.details["leading_zeros"] = integer.stats.leading_zeros
    example = f" (e.g. {findings.leading_zero_example.strip()!r})" if findings.leading_zero_example else ""
    return (
        f"{integer.stats.leading_zeros:,} values ({share:.1%} of those that read as whole numbers)"
        f" are written with a leading zero{example}: a code such as a zip or account number, which"
        " a numeric type would strip; kept as VARCHAR."
    )


def _padded_quantity(integer: _Option, name: str, findings: SampleFindings) -> bool:
    """Whether whole numbers with leading zeros are counts or measures padded to one width, as
    fixed-width records (COBOL's PIC 9(n), the FAA registry's ACFTREF: NO-ENG "01", NO-SEATS
    "004", SPEED "0000") write them: under a count's or a measure's name, with the values
    sampled as wide as the one with a leading zero. Codes (CODE, ZIP, an account) are not
    named so."""
    example = (findings.leading_zero_example or "").strip()
    return (
        integer.acceptable and bool(example) and len(example) == findings.max_length
        and names_a_count_or_measure(name)
    )


_PADDED_QUANTITY_NOTE = (
    "Whole numbers padded with leading zeros to one width (e.g. {example!r}) under a count's or a measure's name:"
    " quantities as a fixed-width record writes them, not codes; read as numbers (the padding is not kept)."
)


# Stars as wide as every code beside them: a code of its own, which a lookup describes.
_STARS = re.compile(r"\s*(\*{1,4})\s*")


def _star_code_note(by_name: dict[PatternName, _Option], missing: dict[str, int]) -> str | None:
    """Why whole numbers with stars as wide as every one of them stay text: OPM FedScope's
    codes write their "invalid" code so (TOA's "**" beside 10 to 50, PATCO's "*" beside 1 to
    6, OCC's "****"), with a description row of its own in the lookup ("**,**-Invalid"); read
    as missing, the lookup lost its key and the fact its link to it. A census table's
    "*****" beside counts of every width is a missing value."""
    whole = by_name.get("integer")
    missing = {marker: count for marker, count in missing.items() if count}
    stars = {_STARS.fullmatch(marker) for marker in missing}
    if whole is None or not whole.acceptable or not missing or None in stars:
        return None
    widths = {len(found.group(1)) for found in stars if found is not None}
    low, high = as_bound(whole.stats.low), as_bound(whole.stats.high)
    if len(widths) != 1 or low is None or high is None:
        return None
    width = widths.pop()
    if not (10 ** (width - 1) if width > 1 else 0) <= low <= high < 10**width:
        return None
    listed = ", ".join(f"{marker.strip()!r} ({count:,})" for marker, count in missing.items())
    return (
        f"Whole numbers of {width} digit{'s' if width > 1 else ''} beside {listed}, stars as wide as every one of them:"
        " codes, the stars one of their own (FedScope's '**-Invalid'), not a missing value; kept as VARCHAR."
    )


def _padded(column: str, width: int) -> str:
    """SQL restoring a code's leading zeros, whether its text is "1001" or a float's "1001.0"
    (Google's mobility reports write census_fips_code so)."""
    return f"lpad(CAST(CAST({column} AS BIGINT) AS VARCHAR), {width}, '0')"


def _names_a_quadkey(name: str) -> bool:
    """Bing's and Ookla's tile codes: ``quadkey``, ``quad_key``."""
    tokens = name_tokens(name)
    return "quadkey" in tokens or ("quad" in tokens and "key" in tokens)


def _named_code_note(by_name: dict[PatternName, _Option], name: str, config: InferenceConfig) -> str | None:
    """Why phone numbers or postal codes written as bare digits ("2058024000", "07302",
    "11205") under such a name stay text: a sum or mean of them means nothing, and a leading
    0, a + or a ZIP+4's dash would be lost (or sent to quarantine)."""
    readings: tuple[tuple[PatternName, Callable[[str], bool], str], ...] = (
        ("phone", looks_like_phone, "phone numbers"), ("postal_code", looks_like_postal, "postal codes"),
    )
    for pattern, named, what in readings:
        option = by_name.get(pattern)
        if option is not None and option.rate >= config.accept_rate and named(name):
            return f"{option.rate:.1%} of the values are {what} under such a name: kept as VARCHAR."
    whole = by_name.get("integer")
    if whole is not None and whole.acceptable and _long_line_numbers(whole, name):
        return (
            "Whole numbers of seven digits or more under a phone line's, a SIM's or a handset's name (MSISDN, A_NUMBER,"
            " CALLED_NUMBER, IMSI, IMEI, ICCID): identifiers written in digits, not quantities, to be matched with"
            " the same numbers written as text elsewhere (+44..., short codes); kept as VARCHAR."
        )
    if whole is not None and whole.acceptable and names_census_geography(name):
        return (
            "Whole numbers under a census geography's name (a tract, block or GEOID): codes of fixed-width parts"
            " (state, county, tract), not quantities, whose leading zero a number would drop; kept as VARCHAR."
        )
    if whole is not None and whole.acceptable and _names_a_quadkey(name):
        return (
            "Whole numbers under a quadkey's name: map tiles' codes, one digit 0 to 3 a zoom level, whose"
            " leading zeros (the tiles of the western hemisphere's north) a number drops; kept as VARCHAR."
        )
    if whole is None or not whole.acceptable or not (looks_like_postal(name) or names_fips(name)):
        return None
    low, high = as_bound(whole.stats.low), as_bound(whole.stats.high)
    if low is None or high is None or low < 0 or high > 99_999:
        return None
    if names_fips(name):
        # A state's code is two digits, a county's three, both together five (Zillow's
        # StateCodeFIPS 1..72 and MunicipalCodeFIPS 1..510: "01", "001").
        width = 2 if high <= 99 else 3 if high <= 999 else 5
        return (
            f"Whole numbers under a FIPS code's name: codes whose leading zeros a number drops"
            f" ({int(low)} was {int(low):0{width}d}; {_padded('code', width)} restores them); kept as VARCHAR."
        )
    # Postcodes of four digits (Australia, Switzerland, Denmark), or US ZIP codes that a
    # spreadsheet stored as numbers: "1109" was 01109.
    lost = f" (some of five, some fewer: US ZIP codes whose leading zeros were lost; {_padded('code', 5)} restores them)"
    return (
        f"Whole numbers of up to five digits under a postal code's name{lost if high >= 10_000 > low else ''}:"
        " codes, not quantities; kept as VARCHAR."
    )


# Seven digits: the shortest subscriber number with its area code; a count is rarely so high
# in every row.
_LINE_NUMBER_MIN = 1_000_000


def _long_line_numbers(whole: _Option, name: str) -> bool:
    """Whether whole numbers are a call record's lines or a SIM's or a handset's identities
    (a CDR's A_NUMBER 447700900123, an IMSI): the highest long enough under such a name (a
    short code such as 150 may sit beside them); every one under a phone's wider name, which
    also heads counts ("Mobile cellular subscriptions")."""
    low, high = as_bound(whole.stats.low), as_bound(whole.stats.high)
    if low is None or high is None or low < 0:
        return False
    if names_a_call_line(name) or names_a_device_identity(name):
        return high >= _LINE_NUMBER_MIN
    return looks_like_phone(name) and low >= _LINE_NUMBER_MIN


def _code_numbers(by_name: dict[PatternName, _Option], reading: PatternName, span: tuple[int, int]) -> _Option | None:
    """The ``reading`` of numbers under a code list's name when it read some values, all of
    them from ``span``'s first up to (not including) its last: the numbers of such codes
    (ICD-9's, HCPCS modifiers', Dewey's classes), not other numbers so named."""
    number = by_name.get(reading)
    if number is None or not number.stats.parsed:
        return None
    low, high = as_bound(number.stats.low), as_bound(number.stats.high)
    if low is None or high is None or low < span[0] or high >= span[1]:
        return None
    return number


def _dotted(by_name: dict[PatternName, _Option], number: _Option) -> bool:
    """Whether some values ``number`` read hold a point (the whole-number reading read fewer)."""
    whole = by_name.get("integer")
    return number.stats.parsed > (whole.stats.parsed if whole is not None else 0)


# The numbers of ICD-9's codes: 001 to 999 before the point, undotted up to five digits
# ("25000"); an EHR's dx of other numbers (a physicist's negative dx) is no code list.
_ICD_NUMBERS = (1, 100_000)


def _diagnosis_code_note(by_name: dict[PatternName, _Option], name: str, n: int) -> str | None:
    """Why numbers under a diagnosis code's name stay text: ICD-9 codes written with their
    point (the UCI diabetes study's diag_1 "038.9", "250.00", "428.30" beside "V57.89") are
    codes whose leading and trailing zeros a number drops ("038.9" as 38.9 is another code's
    shape), and the V and E codes of the same list would go to quarantine."""
    number = _code_numbers(by_name, "float", _ICD_NUMBERS) if names_a_diagnosis_code(name) else None
    if number is None:
        return None
    failed = n - number.stats.parsed
    lettered = [e.strip() for e in number.stats.failed_examples if _letter_code(e.strip())]
    others = f"; the {failed:,} codes with letters (e.g. {lettered[0]!r}) are of the same list" if failed and lettered else ""
    dotted = _dotted(by_name, number)
    shapes = "'038.9' or '250.00', whose leading and trailing zeros" if dotted else "'0389' or '25000', whose leading zeros"
    return (
        f"{number.stats.parsed:,} values under a diagnosis code's name read as numbers: ICD codes such as"
        f" {shapes} a number drops{others}; kept as VARCHAR, as written."
    )


# Dewey's classes run from 000 to 999, with as many decimals as a class needs.
_DEWEY_CLASSES = (0, 1000)


def _classification_note(
    by_name: dict[PatternName, _Option], name: str, n: int, missing: dict[str, int]
) -> str | None:
    """Why numbers under a library classification's name stay text: Dewey's classes (a
    catalogue's "005.133", "823.914", "938.00") always take three places before the point and
    every digit after it counts, so as numbers 005.133 is 5.133 and 938.00 is 938; the
    shelf's "[Fic]", "E" and "B" (fiction, picture books, biography) beside them are classes
    of the same list, not missing values. Under ``classification`` or a call number's name
    some values are dotted (a count of classes is whole)."""
    number = _code_numbers(by_name, "float", _DEWEY_CLASSES) if names_a_classification(name) else None
    if number is None:
        return None
    if not _dotted(by_name, number) and not names_a_dewey_class(name):
        return None
    # (The shelf's "[Fic]" has a missing value's shape: counted apart, kept as a value here.)
    failed = n - number.stats.parsed + sum(missing.values())
    examples = [m.strip() for m, count in missing.items() if count] + [e.strip() for e in number.stats.failed_examples]
    others = f"; {failed:,} more (e.g. {examples[0]!r}) are classes of the same list" if failed and examples else ""
    return (
        f"{number.stats.parsed:,} values under a library classification's name read as numbers: classes such as"
        f" Dewey's '005.133' or '938.00', whose leading and trailing zeros a number drops{others}; kept as VARCHAR,"
        " as written."
    )


# Modifiers of a procedure code are two characters: "25", "26", "59" beside "TC", "LT", "RT".
_MODIFIER_NUMBERS = (10, 100)


def _modifier_note(by_name: dict[PatternName, _Option], name: str, n: int) -> str | None:
    """Why two-digit numbers under a modifier's name stay text: HCPCS modifiers (the fee
    schedule's MOD, a claim line's MDFR_CD) are one code list of digits and letters, "26"
    the professional and "TC" the technical component of one service; as integers every
    letter modifier would go to quarantine with its claim line."""
    whole = _code_numbers(by_name, "integer", _MODIFIER_NUMBERS) if names_a_modifier(name) else None
    if whole is None:
        return None
    failed = n - whole.stats.parsed
    lettered = [e.strip() for e in whole.stats.failed_examples if _letter_code(e.strip())]
    others = f", one list with the {failed:,} of letters (e.g. {lettered[0]!r})" if failed and lettered else ""
    return (
        f"Two-digit numbers under a modifier's name: procedure code modifiers such as 26 and 59{others};"
        " codes, not quantities, kept as text so that none goes to quarantine."
    )


def _decimal_code_note(by_name: dict[PatternName, _Option], name: str) -> str | None:
    """Why numbers with a fraction or an exponent under an identifier's name stay text: Citi
    Bike's station ids "6140.05" and "6140.50" (beside "JC103") are codes whose trailing zero
    a number drops, and an ISBN-13 a spreadsheet wrote "9.78043902348e+12" has lost digits. An
    identifier is no quantity; whole numbers written "72.0" still read as integers. Nor is a
    version (Google Play's "Current Ver" 1.10, which a number makes 1.1), nor a label."""
    version = names_a_version(name)
    if not looks_like_identifier(name) and not version and not names_a_label(name):
        return None  # (a label: GBFS's short_name "6948.10" beside "HB101", a station's code)
    whole = by_name.get("integer")
    examples = [e.strip() for e in (whole.stats.failed_examples if whole is not None else [])]
    readings: tuple[tuple[PatternName, str], ...] = (("float", "a decimal point or an exponent"), ("grouped_number_eu", "a comma"))
    for pattern, how in readings:
        number = by_name.get(pattern)
        if number is None or not number.acceptable:
            continue
        # (A decimal comma's values are those with one: FiveThirtyEight's sponsor_ids "1014,88".)
        fractional = (number.stats.marked or 0) if number.stats.detector.lenient else (
            number.stats.parsed - (whole.stats.parsed if whole is not None else 0)
        )
        if fractional <= 0:
            continue
        shown = next((e for e in examples if number.stats.detector.matches(e)), None)
        high, low = as_bound(number.stats.high), as_bound(number.stats.low)
        beyond = high is not None and low is not None and max(abs(float(high)), abs(float(low))) >= 2.0**63
        if (shown is not None and shown.lstrip("+-").isdigit()) or (shown is None and beyond):
            # (SDSS's specObjID 10376363969234796544: digits only, past BIGINT's range.)
            example = f" (e.g. {shown!r})" if shown else ""
            return (
                f"Values under an identifier's name are whole numbers beyond the BIGINT range{example}: as DOUBLE"
                " they would lose digits; kept as VARCHAR, as written."
            )
        if version:
            return (
                f"{fractional:,} values under a version's name are written with {how}"
                + (f" (e.g. {shown!r})" if shown else "")
                + ": versions, not quantities (as numbers 1.10 would be 1.1, and come before 1.9); kept as VARCHAR, as written."
            )
        whose = "an identifier's" if looks_like_identifier(name) else "a label's"
        return (
            f"{fractional:,} values under {whose} name are written with {how}"
            + (f" (e.g. {shown!r})" if shown else "")
            + ": codes or lists of them, not quantities (a number drops a trailing zero, and an identifier"
            " written in scientific notation has lost digits already); kept as VARCHAR, as written."
        )
    return None


# Words of a classification's code in a column's name: CIP's major_cip and CIPCODE, a program's
# or a class's code, NAICS, SIC and HS codes.
_CLASSIFICATION_WORDS = frozenset({
    "cip", "cipcode", "code", "codes", "class", "classification", "major", "program", "programme", "naics", "sic",
    "hs", "hts", "icd", "category",
})
# Decimals of an amount of money: "0001234.56" is a padded amount, no code.
_MONEY_DECIMALS = 2


def _names_a_classification(name: str) -> bool:
    return bool(_CLASSIFICATION_WORDS.intersection(name_tokens(name))) or looks_like_identifier(name)


def _dotted_code_note(by_name: dict[PatternName, _Option], name: str, findings: SampleFindings, n: int) -> str | None:
    """Why numbers with a point stay text when every sampled one has the same shape, as many
    digits before and after the point, and some have a leading zero: IPEDS's and a registrar's
    CIP codes "09.0101", "11.0701" and "01.0000" are a classification written to a fixed width,
    which as numbers become 9.0101 and 1.0 and join nothing; the students' "UNDL" (undeclared)
    beside them is a code of the same list, not a row for quarantine. Only under a name of a
    code or a classification, and never of two decimals: elsewhere they are quantities written
    to a width (a fixed-width record's amount "0001234.56", a timecard's hours "08.00", a
    percentage or a measure, as whole numbers padded with zeros are, see `_leading_zero_note`)."""
    number = by_name.get("float")
    example = findings.dotted_code_example
    if number is None or example is None or 2 * number.stats.parsed < n:
        return None
    if not _names_a_classification(name) or len(example.strip().rpartition(".")[2]) == _MONEY_DECIMALS:
        return None  # (a fixed-width record's amounts "0001234.56" and hours "08.00" are numbers)
    failed = n - number.stats.parsed
    examples = [e.strip() for e in number.stats.failed_examples]
    others = f"; {failed:,} more (e.g. {examples[0]!r}) are codes of the same list" if failed and examples else ""
    return (
        f"Numbers with a point, each with as many digits before and after it, some with a leading zero (e.g."
        f" {example.strip()!r}): codes of a classification written to a fixed width, such as CIP's 09.0101 or"
        f" 01.0000, whose leading and trailing zeros a number drops{others}; kept as VARCHAR, as written."
    )


# Digits and an exponent with no point, more than one digit before it ("2000e-5"): no program
# writes a float so (one digit before the point, or none: "1.5e-05", "3E+10", "1e-05").
_UNNORMALIZED_EXPONENT = re.compile(r"[-+]?[0-9]{2,}[eE][-+]?[0-9]+")


def _exponent_code_note(by_name: dict[PatternName, _Option], n: int) -> str | None:
    """Why whole numbers stay text when the values only a float reading takes are digits
    before an exponent as no program writes one: the FJC's statute sections "2000e-5" and
    "2000e-2" (Title VII) beside "1983" and "1332" were 0.02 and 20.0, unsaid. A float column
    whose exponents are written as programs write them ("1.5e-05") keeps its numbers."""
    number, whole = by_name.get("float"), by_name.get("integer")
    if number is None or whole is None or not number.acceptable or whole.stats.parsed == n:
        return None
    failed = n - whole.stats.parsed
    examples = [e.strip() for e in whole.stats.failed_examples]
    if 2 * failed >= n or not examples or not all(_UNNORMALIZED_EXPONENT.fullmatch(e) for e in examples):
        return None
    return (
        f"{failed:,} values ({failed / n:.1%}) are whole numbers with an 'e' and digits after them (e.g."
        f" {examples[0]!r}) beside plain whole numbers: codes such as the statute section 2000e-5, not scientific"
        " notation (which writes one digit before the point: 2.0e-2); kept as VARCHAR, as written."
    )


# A bucket of whole numbers: a range ("5-24", "100 - 149") or an open bound (">149", "150+").
_RANGE = re.compile(r"([0-9]+)\s*[-–]\s*([0-9]+)")
_OPEN_BOUND = re.compile(r"[<>≤≥]=?\s*[0-9]+|[0-9]+\s*\+")


def _bucket_code_note(by_name: dict[PatternName, _Option], n: int) -> str | None:
    """Why whole numbers stay text when the values they fail on are ranges and open bounds,
    one of them a range at least: HMDA's total_units is 1 to 4 or "5-24", "25-49", ">149"
    for a multifamily loan, which an integer type sent to quarantine, whole loan records with
    them. A category of counts, not a count (a bound alone is a marker's: "<5" suppressed)."""
    whole = by_name.get("integer")
    if whole is None or whole.stats.parsed == n or not whole.stats.failed_examples:
        return None
    examples = [e.strip() for e in whole.stats.failed_examples]
    ranges = [m for m in map(_RANGE.fullmatch, examples) if m is not None]
    if not ranges or not all(_RANGE.fullmatch(e) or _OPEN_BOUND.fullmatch(e) for e in examples):
        return None
    if not all(int(m.group(1)) < int(m.group(2)) for m in ranges):
        return None  # (not ranges: "12-03" a day and a month, a code's parts)
    failed = n - whole.stats.parsed
    return (
        f"{failed:,} values ({failed / n:.1%}) are ranges or open bounds (e.g. {ranges[0].group(0)!r}) beside whole"
        " numbers: buckets of a count, such as HMDA's total_units 1 to 4 and '5-24', '>149'; a category, kept as"
        " text so that no row goes to quarantine."
    )


# Whole numbers listed with a comma, bar or semicolon ("93 | 1167", "1014,88").
_NUMBER_LIST = re.compile(r"[0-9]+(?:\s*[,|;]\s*[0-9]+)+")
# A code: letters and digits, in parts joined by a dash, dot, slash, underscore or space
# ("C536379", "85123A", "POST", "BANK CHARGES", "AB-12"); not "??", "#VALUE!" or "n/a?".
_CODE = re.compile(r"[A-Za-z0-9]+(?:[-_./ ][A-Za-z0-9]+)*")


# Numbers joined by a dash or a slash, a letter after them at most: Queens' house numbers
# ("35-77"), a lot's "12/14".
_JOINED_NUMBERS = re.compile(r"[0-9]+(?:[-/][0-9]+)+[A-Za-z]?")


def _letter_code(value: str) -> bool:
    """A code with a letter in it (see `_CODE`)."""
    return _CODE.fullmatch(value) is not None and any(ch.isalpha() for ch in value)


def _letter_code_note(by_name: dict[PatternName, _Option], column_name: str, n: int) -> str | None:
    """Why a column named as an identifier or a label stays text when some of its values are
    codes with letters among the numbers (a StockCode's "85123A", an InvoiceNo's "C536379",
    GTFS's route_short_name "SL" and "57A" among bus numbers): those are identifiers too, and
    an integer type would send them to quarantine as junk. Junk such as
    "??" or "#VALUE!" in a column of another name still leaves it numeric."""
    whole = by_name.get("integer")
    if whole is None or whole.stats.parsed == n:
        return None
    examples = [e.strip() for e in whole.stats.failed_examples]
    failed = n - whole.stats.parsed
    labelled = names_a_label(column_name)
    if not looks_like_identifier(column_name) and not labelled:
        if _lettered_numbers(examples, whole.stats.low, whole.stats.high):
            lettered = next(e for e in examples if _LETTERED_NUMBER.fullmatch(e))
            return (
                f"{failed:,} values ({failed / n:.1%}) are the column's numbers with letters (e.g."
                f" {lettered!r}): codes, such as cancelled invoices, kept as text so that none"
                " goes to quarantine."
            )
        if _codes_of_one_width(examples, whole.stats.low, whole.stats.high):
            return (
                f"{failed:,} values ({failed / n:.1%}) are codes of letters and digits as wide as the"
                f" numbers (e.g. {examples[0]!r}): a code list such as procedure codes, kept as text so"
                " that none goes to quarantine."
            )
        if _letters_among_digits(examples, whole.stats.low, whole.stats.high, failed, n):
            return (
                f"{failed:,} values ({failed / n:.1%}) are letters among a few small numbers (e.g."
                f" {examples[0]!r}): one code list of both, such as Rossmann's StateHoliday 0, a, b, c,"
                " kept as text so that none goes to quarantine."
            )
        if 2 * failed < n and _suffixed_codes(examples):
            return (
                f"{failed:,} values ({failed / n:.1%}) are numbers with a capital letter after them (e.g."
                f" {examples[0]!r}): a code list such as Chicago's IUCR crime codes 0486 and 031A or"
                " house numbers, not units or thousands; kept as text so that none goes to quarantine."
            )
        return None
    codes = [e for e in examples if _letter_code(e)]
    lists = [e for e in examples if _NUMBER_LIST.fullmatch(e)]
    if lists and 2 * len(lists) > len(examples):
        return (
            f"{failed:,} values ({failed / n:.1%}) are lists of identifiers (e.g. {lists[0]!r}) in a column"
            " named as an identifier: kept as text, so that no row goes to quarantine for its list."
        )
    joined = [e for e in examples if _JOINED_NUMBERS.fullmatch(e)]
    if joined and 2 * len(joined) > len(examples) and not looks_like_postal(column_name):  # (ZIP+4 says why itself)
        return (
            f"{failed:,} values ({failed / n:.1%}) are numbers joined by a dash or a slash (e.g. {joined[0]!r}) in a"
            " column named as an identifier: codes such as Queens' house numbers, kept as text so that none goes to"
            " quarantine."
        )
    if not examples or 2 * len(codes) <= len(examples):
        return None
    return (
        f"{failed:,} values ({failed / n:.1%}) are codes with letters (e.g. {codes[0]!r}) in a column"
        f" named as {'a label' if labelled else 'an identifier'}: kept as text, so that no code goes to quarantine."
    )


# Numbers one per try, as nginx's access log writes $upstream_response_time and
# $upstream_status for a request retried on another upstream ("0.012, 0.340") or redirected
# inside the server ("0.012 : 0.340"); or one per maker, as the Met's open-access CSV joins a
# work's several artists' dates with a bar ("1902|1848", padded "1902      |1848      ").
_LIST_SEPARATOR = re.compile(r"\s*,\s*|\s+:\s+|\s*\|\s*")
_LIST_ITEM = re.compile(r"[-+]?(?:[0-9]+(?:\.[0-9]+)?|\.[0-9]+)")


def _number_list(value: str) -> bool:
    """A list of numbers (see `_LIST_SEPARATOR`). A comma alone between digits groups
    thousands or marks decimals ("1,234", "12,5", "1.234,5"): it separates items only with a
    space after it, or between items that all have a decimal point ("0.012,0.340")."""
    text = value.strip()
    items = _LIST_SEPARATOR.split(text)
    if len(items) < 2 or not all(_LIST_ITEM.fullmatch(item) for item in items):
        return False
    return ", " in text or " : " in text or "|" in text or all("." in item for item in items)


def _number_list_note(by_name: dict[PatternName, _Option], column_name: str, n: int) -> str | None:
    """Why a column of numbers stays text when the values its number reading fails on are all
    lists of such numbers: nginx's upstream_response_time "0.012, 0.340" for a request tried
    on two upstreams, the Met's Artist Begin Date "1902|1848" for a work of two makers. Those
    rows are the retried requests one looks for, and the number reading would send each of
    them to quarantine, status, bytes and path with it."""
    number = by_name.get("float") or by_name.get("integer")
    if number is None or number.stats.parsed == n or 2 * number.stats.parsed < n:
        return None
    examples = [e.strip() for e in number.stats.failed_examples]
    if not examples or not all(_number_list(e) for e in examples):
        return None
    failed = n - number.stats.parsed
    column = quote_ident(column_name)
    total = f"list_sum(TRY_CAST(string_split_regex({column}, '\\s*[,:|]\\s*') AS DOUBLE[]))"
    if any("|" in e for e in examples):
        why = "one per item, as the Met writes the dates of a work's several artists"
        first = f"TRY_CAST(trim(split_part({column}, '|', 1)) AS DOUBLE) reads the first item of every value"
    else:
        why = "one per try, as nginx writes an upstream's response time or status for a retried request"
        first = f"TRY_CAST({column} AS DOUBLE) reads the single ones"
    return (
        f"{failed:,} values ({failed / n:.1%}) are lists of numbers (e.g. {examples[0]!r}), {why}; the others are single"
        f" numbers. Kept as text so that no row goes to quarantine for its list: {total} totals a value, {first}."
    )


# Years as catalogues write an uncertain or a supplied one: in brackets (AACR2's and RDA's
# "[2019]", "[1998?]", MARC's 260$c), in parentheses (MoMA's attributed "(1903)"), circa ("c.
# 1900", "ca. 1850", "c1998"), a span ("1911-12", "1907-1908"), a decade ("1980s"), with a
# question mark or MARC's closing period ("[2009].").
_CATALOGUE_YEAR = r"[12][0-9]{3}"
_YEAR_NOTATION = re.compile(
    r"(?P<open>[\[(])?\s*(?:(?:c|ca|circa|approx)\.?\s*)?"
    rf"(?:(?P<year>{_CATALOGUE_YEAR})(?:\s*[-–/]\s*(?:[0-9]{{2}}|{_CATALOGUE_YEAR}))?|(?P<decade>[12][0-9]{{2}}0)s)"
    r"\s*\??\s*(?P<close>[\])])?\.?",
    re.IGNORECASE,
)
# The plain years among them lie in these (a column of other numbers is no column of years).
_CATALOGUE_YEARS = (1000, 2100)


def _catalogue_year(value: str) -> bool:
    """Whether a value is a year written with a catalogue's notation (see `_YEAR_NOTATION`),
    its brackets or parentheses paired, and not a plain year (which parses)."""
    match = _YEAR_NOTATION.fullmatch(value)
    if match is None or bool(match.group("open")) != bool(match.group("close")):
        return False
    pairs = {"[": "]", "(": ")"}
    return not match.group("open") or pairs[match.group("open")] == match.group("close")


def _year_notation_note(by_name: dict[PatternName, _Option], column_name: str, n: int) -> str | None:
    """Why a column of years stays text when the values its integer reading fails on are all
    years in a catalogue's notation: MoMA's Date "(1903)" for an attributed year, Seattle's
    PublicationYear "[2009]", a museum's "c. 1900" or "1911-12". They are the catalogue's usual
    way of writing an uncertain date, and the integer reading would send exactly those works to
    quarantine (and the accounting reading would make "(1903)" the year -1903). Parentheses
    alone count under a name of a year or a date only: elsewhere they may be a negative amount."""
    whole = by_name.get("integer")
    if whole is None or whole.stats.parsed == n or 2 * whole.stats.parsed < n:
        return None
    low, high = whole.stats.low, whole.stats.high
    first, last = _CATALOGUE_YEARS
    if not isinstance(low, int) or not isinstance(high, int) or low < first or high > last:
        return None
    examples = [e.strip() for e in whole.stats.failed_examples]
    if not examples or not all(_catalogue_year(e) for e in examples):
        return None
    dated = looks_like_date(column_name) or bool({"year", "yr", "yyyy"}.intersection(name_tokens(column_name)))
    if not dated and all(e.startswith("(") for e in examples):
        return None
    failed = n - whole.stats.parsed
    year = f"TRY_CAST(regexp_extract({quote_ident(column_name)}, '{_CATALOGUE_YEAR}') AS INTEGER)"
    negative = " and no year in parentheses reads as a negative number" if any(e.startswith("(") for e in examples) else ""
    return (
        f"{failed:,} values ({failed / n:.1%}) are years in a catalogue's notation (e.g. {examples[0]!r}): supplied"
        " in brackets, attributed in parentheses, circa, a span or a decade, beside plain years. Kept as text so that"
        f" no row goes to quarantine{negative}; {year} reads the (first) year of every value."
    )


# An amount per a unit of measure ("$0.69/lb", "€2.10/kg", "£1.20 / each").
_PRICE_PER_UNIT = re.compile(r"\s*[-+]?[$€£¥]\s*[0-9][0-9,.]*\s*/\s*[A-Za-z]{1,5}\.?\s*")
# The money readings whose failures may be such prices.
_MONEY_READINGS: tuple[PatternName, ...] = ("currency", "currency_eu", "currency_precise", "currency_eu_precise")


def _price_per_unit_note(by_name: dict[PatternName, _Option], n: int) -> str | None:
    """Why a column of amounts stays text when the values its money reading fails on are all
    amounts per a unit of measure: a POS export's Unit Price is "$3.99" for scanned items and
    "$0.69/lb" for weighed produce, whose sales lines went to quarantine as junk (and revenue
    came out low); or when those its reading per a unit fails on are all plain amounts."""
    for reading in _MONEY_READINGS:
        money = by_name.get(reading)
        if money is None or money.stats.parsed == n or not money.stats.failed_examples:
            continue
        if all(_PRICE_PER_UNIT.fullmatch(e) for e in money.stats.failed_examples):
            failed = n - money.stats.parsed
            return (
                f"{failed:,} values ({failed / n:.1%}) are prices per a unit of measure (e.g."
                f" {money.stats.failed_examples[0].strip()!r}) beside plain amounts: kept as text so that no sale goes"
                " to quarantine; read the amount before the slash, per its unit."
            )
    # And the other way round: mostly weighed goods, the items sold by the piece among them.
    rate = by_name.get("currency_per_unit")
    plain = DETECTORS["currency"]
    if rate is not None and rate.stats.parsed < n and rate.stats.failed_examples and all(
        plain.matches(e) for e in rate.stats.failed_examples
    ):
        failed = n - rate.stats.parsed
        return (
            f"{failed:,} values ({failed / n:.1%}) are plain amounts (e.g. {rate.stats.failed_examples[0].strip()!r})"
            " beside prices per a unit of measure: kept as text so that no sale goes to quarantine; read the"
            " amount before the slash, per its unit."
        )
    return None


def _letters_among_digits(examples: list[str], low: object, high: object, failed: int, n: int) -> bool:
    """Failures that are codes of one to three letters beside whole numbers of a span of ten
    at most, in 1% of the values or more, or fewer but each letter written ten times or more
    on average, or capitals of two or three letters however rare: one code list ("0", "a",
    "b", "c"; a month of Rossmann's sales holds "0" and "a" alone, its test file 0.44% of "a";
    Freddie Mac's delinquency status "RA", REO acquired, on well under 0.1% of the months
    beside 0, 1, 2...), not a typo in a column of numbers (a stray "x" among ratings)."""
    least, most = as_bound(low), as_bound(high)
    if least is None or most is None or most - least > 9:
        return False
    letters = {e for e in examples if re.fullmatch(r"[A-Za-z]{1,3}", e)}
    if not letters or len(letters) != len(examples):
        return False
    if all(_CAPITALS_CODE.fullmatch(e) for e in letters):
        return True
    return failed >= 0.01 * n or failed >= _REPEATED_LETTER * len(letters)


# Capitals of two or three letters: no typo of a digit has that shape, a code does.
_CAPITALS_CODE = re.compile(r"[A-Z]{2,3}")


# A letter among a few small numbers written this often on average is a code, however rare.
_REPEATED_LETTER = 10


# A number with one capital letter after it ("31A", "143B"); not I or O, which typos put for
# 1 and 0 ("1O").
_SUFFIXED_CODE = re.compile(r"[0-9]{1,8}[A-HJ-NP-Z]")


def _suffixed_codes(examples: list[str]) -> bool:
    """Whether the values that are no whole numbers all are numbers with a capital letter
    after them, the letters not only those of magnitudes ("3K", "12M" may be thousands and
    millions): a code list beside the numbers of the same list, which the unit and magnitude
    readings would turn into amperes ("31A") or billions ("31B")."""
    if not examples or not all(_SUFFIXED_CODE.fullmatch(e) for e in examples):
        return False
    letters = {e[-1] for e in examples}
    return len(letters) >= 2 or not letters <= set("KMB")


# A number of three digits or more with one to three letters before or after it ("C536379").
_LETTERED_NUMBER = re.compile(r"([A-Za-z]{1,3})?([0-9]{3,})([A-Za-z]{1,3})?")


# Codes of capitals alone beside lettered numbers (Online Retail's StockCode "POST", "DOT",
# "M", "BANK CHARGES").
_WORD_CODE = re.compile(r"[A-Z][A-Z ]{0,15}")


def _lettered_numbers(examples: list[str], low: object, high: object) -> bool:
    """Whether the failed values are the column's own numbers with letters added: at least
    three, each a number in the range of those that parse with one to three letters before
    or after it (the Online Retail data's cancelled invoices, "C536379" among "536365"), or,
    beside two such at least, a code of capitals alone (its StockCode's "85123A" beside
    "POST" and "M"). A typo such as "1O" or junk such as "??" is not."""
    if len(examples) < 3 or not isinstance(low, int) or not isinstance(high, int):
        return False
    lettered = 0
    for example in examples:
        match = _LETTERED_NUMBER.fullmatch(example)
        if match is not None and (match.group(1) or match.group(3)) and low <= int(match.group(2)) <= high:
            lettered += 1
        elif not _WORD_CODE.fullmatch(example):
            return False
    return lettered >= 2


# Narrower numbers are left out: "1O" among ages is a typo, not a code.
_MIN_CODE_WIDTH = 4


def _codes_of_one_width(examples: list[str], low: object, high: object) -> bool:
    """Whether the failed values are codes as wide as the numbers that parse: at least two
    (one specialty's Medicare lines hold a G0439 and a 0001A among its CPT codes), every one
    letters and digits with no space, as long as the numbers are written (HCPCS procedure
    codes: "G0279" and "0001A" among "71046" and "99213"), four characters or more.
    Eurostat's "9017 b" is a number and its flag."""
    if len(examples) < 2 or not isinstance(low, int) or not isinstance(high, int) or low < 0:
        return False
    widths = range(len(str(low)), len(str(high)) + 1)
    # (Not counts abbreviated as thousands or millions: GitHub's stars "150k" beside 1200.)
    abbreviated = DETECTORS["abbreviated_number"]
    return all(
        _letter_code(e) and any(ch.isdigit() for ch in e) and not any(ch.isspace() for ch in e)
        and len(e) in widths and len(e) >= _MIN_CODE_WIDTH and not abbreviated.matches(e)
        for e in examples
    )


# Kelvins that air, sea and land take on Earth (Vostok's record low is 184 K, the hottest
# ground about 340 K): model output flattened to text writes them "286.8 K".
KELVIN_RANGE = (180.0, 340.0)
# Words of a name that counts or prices things, whose "250 K" is thousands wherever it lies.
_AMOUNT_WORDS = frozenset({
    "salary", "salaries", "income", "revenue", "revenues", "price", "prices", "cost", "costs", "amount", "amt",
    "pay", "wage", "wages", "budget", "sales", "spend", "spending", "earnings", "compensation", "valuation",
    "funding", "raised", "followers", "subscribers", "views", "downloads", "installs", "count", "population",
})


def _reads_as_kelvins(kelvins: _Option, column_name: str, findings: SampleFindings) -> bool:
    """Whether values ending in K under a name that says no temperature are kelvins: every
    sampled one writes the K apart ("286.8 K", as tools that print a unit do; thousands are
    glued, "350K"), the whole column lies in `KELVIN_RANGE`, and the name is of no amount nor
    currency (a salary's "250 K" is thousands)."""
    low, high = as_bound(kelvins.stats.low), as_bound(kelvins.stats.high)
    if not findings.spaced_k or low is None or high is None:
        return False
    if not KELVIN_RANGE[0] <= low <= high <= KELVIN_RANGE[1]:
        return False
    named = unit_from_name(column_name)
    return not _AMOUNT_WORDS.intersection(name_tokens(column_name)) and (named is None or named.unit not in ISO_CURRENCIES)


def _resolve_ambiguities(
    chosen: _Option,
    by_name: dict[PatternName, _Option],
    column_name: str,
    n: int,
    findings: SampleFindings,
    config: InferenceConfig,
    notes: list[str],
) -> _Option | None:
    def usable(pattern: PatternName) -> _Option | None:
        option = by_name.get(pattern)
        return option if option and option.acceptable and option.blocked is None else None

    compact = usable("compact_date") or usable("compact_mdy") or usable("compact_yymmdd")
    if compact and (chosen.name in ("integer", "float") or chosen is compact):
        # (Chosen itself when the numbers are codes for their leading zeros: "01152020".)
        decided = _compact_or_integer(
            None if chosen is compact else chosen, compact, column_name, n, config, notes,
            beside_dates=compact.name in findings.table_compact_dates,
        )
        if decided is None:
            return None
        chosen = decided
    sas = usable("sas_day_number") or usable("sas_seconds")
    if sas is not None and chosen.name in ("integer", "float"):
        chosen = _sas_or_number(chosen, sas, notes)
    serial = usable("excel_serial")
    if serial is not None and chosen.name in ("integer", "float"):
        chosen = _serial_or_number(chosen, serial, column_name, notes)
    if chosen.name == "integer" or (chosen.name == "float" and usable("epoch_seconds")):
        epoch = usable("epoch_seconds") or usable("epoch_millis") or usable("epoch_micros") or usable("epoch_nanos")
        written = _written_instant(usable("compact_datetime"), usable("compact_short_datetime"), usable("cdr_timestamp"))
        # (2023010514 is an hour of 2023 written out, or a second of 2034: written wins.)
        instant = written if written and (epoch is None or written.stats.parsed >= epoch.stats.parsed) else epoch or written
        chosen = _instant_or_integer(chosen, instant, column_name, notes, findings.epoch_sibling)
    kelvins = usable("unit_value")
    if (
        chosen.name == "abbreviated_number" and kelvins and kelvins.unit and kelvins.unit.unit == "K"
        and kelvins.stats.parsed >= chosen.stats.parsed
    ):
        # "300K": thousands, or kelvins where the name says temperature.
        if looks_like_temperature(column_name):
            notes.append("Values end in K and the name says temperature: read as kelvins, not thousands.")
            chosen = kelvins
        elif _reads_as_kelvins(kelvins, column_name, findings):
            notes.append(
                f"Values end in K written apart from the number, all within {KELVIN_RANGE[0]:g} to"
                f" {KELVIN_RANGE[1]:g} (temperatures of air and sea in kelvins), under a name of no"
                " amount: read as kelvins, not thousands."
            )
            chosen = kelvins
        else:
            notes.append(
                "Values end in K: read as thousands (kelvins only under a temperature's name, or written"
                f" apart from numbers within {KELVIN_RANGE[0]:g} to {KELVIN_RANGE[1]:g})."
            )
    boolean = usable("boolean")
    if boolean and chosen.name in ("integer", "float") and boolean.stats.parsed >= chosen.stats.parsed:
        values = _zero_one_values(chosen)
        if looks_boolean(column_name):
            notes.append(f"{values} and the name reads as a yes/no flag.")
            chosen = boolean
        else:
            boolean.details["ambiguous_zero_one"] = True
            notes.append(
                f"{values} and the name does not read as a yes/no flag: kept as"
                " numbers (BOOLEAN is the runner-up)."
            )
    # "90.164" beside "1.428,17" in the file's other columns (Destatis, INE, IBGE): the table
    # writes a decimal comma, so a point groups thousands (not a reading 1000 times too small).
    # The same with the minus after the number: SAP's ALV downloads for a user who writes a
    # decimal comma group whole quantities by points ("3.550", "1.179-") beside amounts such as
    # "1.234,56-"; read with a decimal point, every quantity of a thousand or more was a
    # thousand times too small.
    pairs: tuple[tuple[PatternName, PatternName], ...] = (("float", "thousands"), ("trailing_minus", "trailing_minus_eu"))
    for pointed, grouping in pairs:
        grouped = usable(grouping)
        if (
            findings.table_decimal_comma and chosen.name == pointed and grouped
            and grouped.stats.parsed >= chosen.stats.parsed
        ):
            notes.append(
                "Points here group thousands: the table's other numbers write a decimal comma, and every"
                " value with a point has groups of three digits after it."
            )
            chosen = grouped
    if chosen.name == "thousands":
        chosen = _point_beside_comma_groups(chosen, usable("grouped_number"), notes)
    decimal_comma = usable("grouped_number_eu")
    if (
        findings.table_decimal_comma and chosen.name == "thousands" and decimal_comma
        and decimal_comma.stats.parsed >= chosen.stats.parsed
        # (Points grouping thousands read the same both ways: "90.164" stays whole.)
        and (decimal_comma.stats.low, decimal_comma.stats.high) != (chosen.stats.low, chosen.stats.high)
    ):
        # The other way round: "73,298" beside "0,998" in a historian's export of fixed three
        # decimals (German SCADA, lab systems): one comma and three digits read as thousands
        # made every value 1000 times too large.
        notes.append(
            "Commas here are decimal: the table's other numbers write a decimal comma, and no value"
            " has more than one comma."
        )
        chosen = decimal_comma
    if chosen.name == "thousands" and decimal_comma and _comma_in_every_value(chosen, decimal_comma):
        chosen = _comma_tie(chosen, decimal_comma, findings, notes)
    other = usable(_READ_BOTH_WAYS[chosen.name]) if chosen.name in _READ_BOTH_WAYS else None
    if other is not None and other.stats.parsed == chosen.stats.parsed:
        if chosen.name in DAY_MONTH_PATTERNS:
            chosen = _day_month_tie(chosen, other, findings, notes)
        else:
            chosen = _decimal_separator_tie(chosen, other, notes)
    return chosen


def _point_beside_comma_groups(grouped: _Option, decimal_point: _Option | None, notes: list[str]) -> _Option:
    """Numbers read as thousands where some values group by commas and others carry one point
    before three digits: the points are decimal points. A reserving export stacks age-to-age
    factors under cumulative losses ("1.876" under "1,798,132"), a packing list weighs in kilos
    of three decimals beside grouped ones ("7.250" beside "2,410"); a file that groups by commas
    does not group by points too, and read so every factor was 1000 times too large, unsaid."""
    if decimal_point is None or decimal_point.stats.parsed < grouped.stats.parsed:
        return grouped
    # Values with a comma (or apostrophe) are marked by both readings; values whose only
    # separator is a point, by the thousands reading alone.
    with_comma, with_separator = decimal_point.stats.marked or 0, grouped.stats.marked or 0
    if not 0 < with_comma < with_separator:
        return grouped
    notes.append(
        f"Points here are decimal: {with_comma:,} values group thousands by commas, so the"
        f" {with_separator - with_comma:,} with one point before three digits are decimals (1.876), not thousands (1876)."
    )
    return decimal_point


def _comma_in_every_value(grouped: _Option, decimal_comma: _Option) -> bool:
    """Whether every value of a column read as thousands reads as well with a decimal comma,
    differently, and writes a comma: one, with three digits after it ("12,018"), the shape of
    both a thousands group and a measure of three decimals."""
    parsed = grouped.stats.parsed
    return (
        decimal_comma.stats.parsed >= parsed and (decimal_comma.stats.marked or 0) >= parsed
        and (decimal_comma.stats.low, decimal_comma.stats.high) != (grouped.stats.low, grouped.stats.high)
    )


def _comma_tie(grouped: _Option, decimal_comma: _Option, findings: SampleFindings, notes: list[str]) -> _Option:
    """Thousands or three decimals, for values that read both ways: decimals where the file
    says it writes a decimal comma (a German SPC export, ';'-separated with dates written
    01.04.2023, measures "12,018" mm that thousands made 12018), else thousands; said
    ambiguous either way, as a day/month order is; thousands, unsaid, in a comma-separated file
    (a US export's quoted "12,345" counts)."""
    if findings.comma_delimited:
        return grouped
    for option in (grouped, decimal_comma):
        option.details["ambiguous_decimal_separator"] = True
        option.ambiguous = True
    if findings.table_comma_locale is not None:
        notes.append(
            "Commas may group thousands or be decimal: every value has one, with three digits after it; read as"
            f" decimal (12,018 as 12.018) because {findings.table_comma_locale}."
        )
        return decimal_comma
    notes.append(
        "Commas may group thousands or be decimal: every value has one, with three digits after it; read as"
        " thousands (12,018 as 12018), as nothing in the file writes a decimal comma (no ';' delimiter, no dates"
        " written 01.04.2023, no other number with a decimal comma)."
    )
    return grouped


def _zero_one_values(number: _Option) -> str:
    """What a yes/no reading of numbers read: 0 and 1, or one of them throughout (a column
    of 1s alone said "only 0/1" of values that hold no 0)."""
    low, high = as_bound(number.stats.low), as_bound(number.stats.high)
    if low is not None and low == high:
        return f"Every value is {low:g}"
    return "Values are only 0/1"


def _compact_or_integer(
    integer: _Option | None,
    compact: _Option,
    column_name: str,
    n: int,
    config: InferenceConfig,
    notes: list[str],
    *,
    beside_dates: bool = False,
) -> _Option | None:
    """Compact dates (YYYYMMDD, MMDDYYYY) or the numbers they also are (None: the numbers are
    codes, and the column stays text). ``beside_dates``: the table's other columns of that
    shape are dates."""
    by_name = looks_like_date(column_name)
    compact.details["name_evidence"] = by_name
    span = _span_days(compact.stats)
    shape = {"compact_mdy": "MMDDYYYY", "compact_yymmdd": "YYMMDD"}.get(compact.name, "YYYYMMDD")
    if by_name:
        notes.append(f"The name says date and the values are valid {shape} dates.")
        return compact
    if beside_dates and compact.stats.parsed == n:
        # The FDA's NDC product file: LISTING_RECORD_CERTIFIED_THROUGH is one day (20251231)
        # in every row, no spread to go by, beside STARTMARKETINGDATE of the same shape.
        compact.ambiguous = True
        notes.append(
            f"Every value is a valid {shape} date, as the table's other dates are written; read as dates"
            " although the name does not say so."
        )
        return compact
    if (
        compact.stats.parsed == n
        and n >= config.min_values_for_tolerance
        and span is not None
        and span > config.compact_date_min_span_days
    ):
        compact.ambiguous = True
        notes.append(
            f"Every value is a valid {shape} date and they span {span:.0f} days, which"
            " identifiers would not; read as dates although the name does not say so."
        )
        return compact
    notes.append(
        f"The values also read as {shape} dates, but without a date-like name or a spread of"
        f" valid dates over months they are kept as {'numbers' if integer else 'text'} (DATE is the runner-up)."
    )
    return integer


_UNNAMED = re.compile(r"column[0-9]+")


def _instant_or_integer(
    integer: _Option, instant: _Option | None, column_name: str, notes: list[str], sibling: str | None = None
) -> _Option:
    """Whole numbers (or seconds with a fraction) that all read as Unix times of 1990-2100, or
    as YYYYMMDDhhmmss, are times when the name says so (``timestamp``, ``created_at``; a
    date's name too for the latter), or when they lie within the range of the table's
    ``sibling`` read as Unix times (OpenSky's lastposupdate beside time); else they stay
    numbers, with TIMESTAMP the runner-up."""
    if instant is None or instant.stats.parsed < integer.stats.parsed:
        return integer
    if instant.name in _WRITTEN_INSTANTS:
        reading = _WRITTEN_INSTANTS[instant.name]
        by_name = looks_like_instant(column_name) or looks_like_date(column_name)
    else:
        unit = _EPOCH_UNITS[instant.name]
        reading = f"Unix times in {unit} (1990-2100)"
        if (future := _all_in_the_future(instant)) is not None:
            notes.append(future)
            return integer
        # A file without a header names its columns column0, column1...: nothing to go by, and
        # 13 or 16 digits in that range are hardly anything else (10 may be phone numbers).
        unnamed = _UNNAMED.fullmatch(column_name) is not None and instant.name != "epoch_seconds"
        by_name = looks_like_instant(column_name) or unnamed
        if sibling is not None and not by_name:
            instant.details["name_evidence"] = False
            instant.details["epoch_sibling"] = sibling
            notes.append(
                f"Every value reads as {reading}, within the range of {sibling!r} (read as Unix times by its name,"
                " give or take days): moments of the same rows, though the name does not say time."
            )
            return instant
    return _read_by_name(instant, integer, reading, "time", by_name=by_name, notes=notes)


# Readings of whole numbers as a moment written out, and what they read as.
_WRITTEN_INSTANTS: dict[PatternName, str] = {
    "compact_datetime": "YYYYMMDDhhmmss timestamps",
    "compact_short_datetime": "YYMMDDhhmmss timestamps",
    "cdr_timestamp": (
        "YYMMDDhhmmss timestamps with an offset from UTC after them (3GPP's BCD TimeStamp of charging records;"
        " an offset without its sign, 0100, is not applied: the local time written)"
    ),
}
_EPOCH_UNITS: dict[PatternName, str] = {
    "epoch_seconds": "seconds", "epoch_millis": "milliseconds", "epoch_micros": "microseconds",
    "epoch_nanos": "nanoseconds",
}


def _written_instant(*readings: _Option | None) -> _Option | None:
    """Of the readings of whole numbers as a moment written out, the one that reads the most
    values (the first on a tie: YYYYMMDDhhmmss before YYMMDDhhmmss)."""
    found = [reading for reading in readings if reading is not None]
    return max(found, key=lambda reading: reading.stats.parsed) if found else None


# A year past today: a column of records written so late is no column of Unix times.
_FUTURE_DAYS = 366


def _all_in_the_future(epoch: _Option) -> str | None:
    """Why Unix times that all fall more than a year from now are no times (3GPP's
    2304011015220100 read as microseconds was 2043, a day and a half squeezed into three
    hours), None when some do not."""
    low = as_bound(epoch.stats.low)
    if low is None or low < time.time() + _FUTURE_DAYS * 86_400:
        return None
    first = datetime.fromtimestamp(low, UTC).date().isoformat()
    epoch.details["all_in_the_future"] = True
    return (
        f"The values also read as Unix times in {_EPOCH_UNITS[epoch.name]}, but even the earliest is {first},"
        " more than a year from now: no record is written in the future, so they are kept as numbers."
    )


def _read_by_name(reading: _Option, number: _Option, what: str, says: str, *, by_name: bool, notes: list[str]) -> _Option:
    """``reading`` (every value reads as ``what``) where the name says ``says``; else the
    ``number``, the reading named as the runner-up."""
    reading.details["name_evidence"] = by_name
    if by_name:
        notes.append(f"The name says {says} and every value reads as {what}.")
        return reading
    notes.append(
        f"The values also read as {what}, but the name does not say {says}: kept"
        f" as numbers ({reading.data_type} is the runner-up)."
    )
    return number


def _serial_or_number(number: _Option, serial: _Option, column_name: str, notes: list[str]) -> _Option:
    """Whole numbers that all read as Excel's day numbers of 1954-2064 (an accounting sheet's
    Date "44929", 2023-01-03) are dates when the name says date; under a moment's name
    (``Posted``) they stay numbers, the reading named (DATE the runner-up)."""
    if serial.stats.parsed < number.stats.parsed:
        return number
    reading = "Excel serial dates (days since 1899-12-30, 44929 is 2023-01-03)"
    return _read_by_name(serial, number, reading, "date", by_name=looks_like_date(column_name), notes=notes)


# The least that the latest of SAS's dates may be: day 1000, 1962-09-27 (in seconds for its
# date-times). Numbers all below it are counts under a date's label (a study's day 1 to 30),
# not days of the early 1960s; a trial's dates, and some of its subjects' births, are later.
_SAS_LEAST_HIGH: dict[PatternName, float] = {"sas_day_number": 1000, "sas_seconds": 1000 * 86_400}


def _sas_or_number(number: _Option, sas: _Option, notes: list[str]) -> _Option:
    """Whole numbers that all read as SAS's dates (days since 1960) or date-times (seconds)
    of 1900-2060 under ADaM's name of one (TRTSDT, ADT; TRTSDTM), or under a label that says
    date (the sample shortlists the reading only there): dates, not numbers whose mean and
    bounds (19176 .. 20002) mean nothing."""
    high = as_bound(number.stats.high)
    if sas.stats.parsed < number.stats.parsed or high is None or high < _SAS_LEAST_HIGH[sas.name]:
        return number
    sas.details["name_evidence"] = True
    if sas.name == "sas_seconds":
        notes.append("SAS date-times (seconds since 1960-01-01 00:00, 1670054400 is 2012-12-02 08:00) under a name or label of one.")
    else:
        notes.append("SAS dates (days since 1960-01-01, 19725 is 2014-01-02) under a name or label of a date.")
    return sas


def _span_days(stats: CandidateStats) -> float | None:
    low, high = as_bound(stats.low), as_bound(stats.high)
    return None if low is None or high is None else (high - low) / 86400


def _day_month_tie(
    chosen: _Option, other: _Option, findings: SampleFindings, notes: list[str]
) -> _Option:
    separator = findings.date_separator or "/"
    month_first = separator == "/" if findings.table_day_first is None else not findings.table_day_first
    winner = next(o for o in (chosen, other) if (o.name in MONTH_FIRST_PATTERNS) == month_first)
    for option in (chosen, other):
        option.details["ambiguous_day_month"] = True
        option.ambiguous = True
    order = "MM/DD" if winner.name in MONTH_FIRST_PATTERNS else f"DD{separator}MM"
    if findings.table_day_first is None:
        because = f"the separator is '{separator}'"
    elif findings.table_locale is not None:
        because = f"the table's other values are of a country that writes the day first: {findings.table_locale}"
    else:
        because = "the table's other dates, whose values tell, are written so"
    notes.append(f"Day/month order is ambiguous: no value has a field above 12; chose {order} because {because}.")
    return winner


def _decimal_separator_tie(chosen: _Option, other: _Option, notes: list[str]) -> _Option:
    if (chosen.stats.low, chosen.stats.high) == (other.stats.low, other.stats.high):
        return next(o for o in (chosen, other) if o.name in ("currency", "currency_precise"))
    # Both readings parse every value: prefer the one where the separator groups thousands,
    # which gives the larger amounts.
    winner = max((chosen, other), key=lambda o: as_bound(o.stats.high) or 0.0)
    for option in (chosen, other):
        option.details["ambiguous_decimal_separator"] = True
        option.ambiguous = True
    notes.append(
        "The amounts read with either a decimal point or a decimal comma; chose the reading"
        " in which the separator groups thousands."
    )
    return winner


def _build(
    name: str,
    raw_type: str,
    scan: ColumnScan,
    options: list[_Option],
    chosen: _Option | None,
    code_note: str | None,
    notes: list[str],
    config: InferenceConfig,
    trace: frozenset[str] = frozenset(),
) -> ColumnInference:
    n = scan.non_null
    missing = {marker: count for marker, count in scan.missing.items() if count and marker not in trace}
    traces = {marker: count for marker, count in scan.missing.items() if count and marker in trace}
    if chosen is None or chosen.data_type not in NUMERIC_TYPES:
        traces = {}  # (text keeps its "T" as written)
    if chosen is not None and missing:
        chosen.details["missing_values"] = missing
        bounds = {m: c for m, c in missing.items() if is_censored(m)} if chosen.data_type in NUMERIC_TYPES else {}
        if bounds:
            chosen.details["bound_values"] = bounds
        notes.append(_missing_note({m: c for m, c in missing.items() if m not in bounds}, bounds))
    if chosen is not None and traces:
        chosen.details["trace_values"] = traces
        notes.append(_trace_note(traces))
    candidates: list[tuple[bool, TypeCandidate]] = []
    for option in options:
        weight = 1.0 if option is chosen else 0.5 if option.acceptable and not option.blocked else 0.3
        if option is chosen and option.ambiguous:
            weight = _AMBIGUOUS_WEIGHT
        candidates.append((option is chosen, _candidate(option, n, weight)))
    typed = [o for o in options if o.data_type != "VARCHAR"]
    best_typed_rate = max((o.rate for o in typed), default=0.0)
    varchar_conf = 1.0 - 0.5 * best_typed_rate if chosen is None else 0.1
    if code_note and chosen is None:
        varchar_conf = 0.9
    candidates.append((chosen is None, TypeCandidate("VARCHAR", varchar_conf, 1.0)))
    candidates.sort(key=lambda pair: (not pair[0], -pair[1].confidence))
    if chosen is None:
        reason = code_note or _varchar_reason(options, n, notes, config)
        decided_type: DataType = "VARCHAR"
        pattern = None
        bounds = None
    else:
        reason = " ".join([_typed_reason(chosen, n), *notes, *([code_note] if code_note else [])])
        decided_type = chosen.data_type
        pattern = chosen.name if chosen.stats.detector.reported else None
        bounds = _bounds(chosen.stats.low, chosen.stats.high)
    return ColumnInference(
        column_name=name, raw_type=raw_type, candidates=[c for _, c in candidates],
        decided_type=decided_type, decided_pattern=pattern, reason=reason, non_null_count=n + sum(traces.values()),
        bounds=bounds, missing_values=missing, trace_values=traces,
    )


def _missing_note(missing: dict[str, int], bounds: dict[str, int]) -> str:
    """The reason's words on values read as NULL: markers of a missing value, and apart from
    them bounds ("< 10%", "> 90%"), which are readings beyond what the source reports, not
    missing ones. Google Ads writes a campaign's impression share so, and its best days
    ("> 90%") were counted among the "--" of days without data while min and max hid them."""
    notes: list[str] = []
    if missing:
        notes.append(f"Read as missing (NULL in the typed layer, not quarantined): {_listed(missing)}.")
    if bounds:
        notes.append(
            f"Bounds read as NULL too, though no missing values: {_listed(bounds)} ({sum(bounds.values()):,} values):"
            " their values lie beyond them, so min, max and averages of the typed column leave them out."
        )
    return " ".join(notes)


def _listed(markers: dict[str, int]) -> str:
    return ", ".join(f"{marker.strip() or marker!r} ({count:,})" for marker, count in sorted(markers.items(), key=lambda i: -i[1]))


def _trace_note(traces: dict[str, int]) -> str:
    listed = ", ".join(f"{marker.strip()!r} = trace, read as 0 ({count:,} values)" for marker, count in traces.items())
    return f"{listed}: precipitation too small to measure, not a missing value."


def _candidate(option: _Option, n: int, weight: float) -> TypeCandidate:
    detector = option.stats.detector
    if detector.lenient:
        match_rate: float | None = (option.stats.marked or 0) / n
    else:
        match_rate = option.rate if detector.reported else None
    return TypeCandidate(
        data_type=option.data_type,
        confidence=round(option.rate * weight, 4),
        parse_success_rate=option.rate,
        failed_examples=list(option.stats.failed_examples),
        detected_pattern=detector.name if detector.reported else None,
        pattern_match_rate=match_rate,
        detected_unit=option.unit.unit if option.unit else None,
        unit_confidence=round(option.unit.confidence, 4) if option.unit else None,
        details=dict(option.details),
    )


def _typed_reason(chosen: _Option, n: int) -> str:
    stats = chosen.stats
    if chosen.data_type == "VARCHAR":
        text = (
            f"{_percent(chosen.rate)} of {n:,} non-null values match the {stats.detector.name}"
            " pattern; a text pattern, so the column stays VARCHAR."
        )
        if stats.failed_examples:
            examples = ", ".join(repr(e) for e in stats.failed_examples[:3])
            text += f" Values such as {examples} do not match; VARCHAR keeps them as they are."
        return text
    what = _TYPE_WORDS[chosen.data_type]
    pattern = f" ({stats.detector.name})" if stats.detector.reported else ""
    text = f"{_percent(chosen.rate)} of {n:,} non-null values parse as {what}{pattern} -> {chosen.data_type}."
    failed = n - stats.parsed
    if failed:
        examples = ", ".join(repr(e) for e in stats.failed_examples[:3])
        text += f" {failed:,} values do not parse" + (f" (e.g. {examples})" if examples else "")
        text += " and go to quarantine."
    if chosen.data_type == "BIGINT" and stats.detector.data_type == "BIGINT":
        text += " Values exceed the INTEGER range."
    if stats.detector.name == "flagged_number":
        text += (
            " The status flags after the numbers (Eurostat's 'p', FAO's 'E' and 'F', NOAA's '*', the CDC's '†')"
            " are not kept;"
            " FishStatJ's '0 0' (more than zero, under half a unit) reads as 0."
        )
    if chosen.unit:
        text += f" Unit: {chosen.unit.unit}."
    elif chosen.details.get("unit_note"):
        text += str(chosen.details["unit_note"])
    return text


def _varchar_reason(options: list[_Option], n: int, notes: list[str], config: InferenceConfig) -> str:
    if any(o.blocked == _BEYOND_BIGINT for o in options):
        return (
            "Whole numbers beyond the BIGINT range (more than 19 digits) would lose digits as"
            " DOUBLE; kept as VARCHAR, exact (identifiers, most likely)."
        )
    if any(o.blocked == _PAST_MIDNIGHT_BLOCK for o in options):
        return "Clock times of a service day, some past 24:00: kept as VARCHAR."
    if any(o.blocked == _DATE_NAME for o in options):
        return "Values read as times of day written with points, but the name says date: kept as VARCHAR."
    answers = next((o for o in options if o.blocked == _OTHER_ANSWERS), None)
    if answers is not None:
        others = ", ".join(repr(e.strip()) for e in answers.stats.failed_examples[:3])
        return (
            f"{answers.rate:.1%} of values are yes/no spellings and the rest other answers"
            f" ({others}): categories, not a yes/no flag; kept as VARCHAR."
        )
    if any(o.blocked == _ONE_TRUTH for o in options):
        return (
            "Every value is the same yes/no spelling and the name does not read as a yes/no flag"
            " (a code, most likely); kept as VARCHAR."
        )
    glued = next((o for o in options if o.blocked == _GLUED_CODES), None)
    if glued is not None:
        listed = glued.details.get("codes")
        codes = ", ".join(repr(c) for c in listed) if isinstance(listed, list) else ""
        return (
            f"Values are digits glued to a capital letter or letters ({codes}), few of them, under a code's or a voyage's"
            " name or with a leading zero: codes such as filing types 1A..4A, voyages 076W or PISA's cycle 08MS, not a number and"
            " a unit (the letter would be lost); kept as VARCHAR."
        )
    lettered = next((o for o in options if o.blocked == _IDENTIFIER_LETTERS), None)
    if lettered is not None:
        seen = ", ".join(m.strip() for m in lettered.stats.markers)
        return (
            f"Values are digits followed by letters of several kinds ({seen}) under an identifier's name: the"
            " letters are part of the identifiers, not units; kept as VARCHAR."
        )
    keys = next((o for o in options if o.blocked == _DASHED_KEYS), None)
    if keys is not None:
        example = f"{keys.stats.markers[0]}{-int(as_bound(keys.stats.high) or 0)}"
        return (
            f"Values are three capitals, a dash and a whole number (e.g. {example!r}): keys such as Jira's issue keys"
            " or ticket numbers whose prefix happens to be a currency's code, not negative amounts (the key would be"
            " lost); kept as VARCHAR."
        )
    blocked = [o for o in options if o.blocked == "mixed units"]
    if blocked:
        seen = ", ".join(m.strip() for m in blocked[0].stats.markers)
        return (
            f"Values carry several units or currencies ({seen}); one number per value would"
            " mix them; kept as VARCHAR."
        )
    best = max(options, key=lambda o: o.rate)
    least = config.boolean_accept_rate if best.data_type == "BOOLEAN" else config.accept_rate
    needed = f"{least:.1%}".replace(".0%", "%") + " needed, or every value in a column of few values"
    if best.data_type == "VARCHAR" and best.blocked is not None and best.acceptable:
        # (SDTM's USUBJID "01-701-1015": every value has a phone's shape, the name says otherwise.)
        text = (
            f"The closest pattern, {best.name}, matches {_percent(best.rate)} of {n:,} values but is set"
            f" aside here ({best.blocked}); kept as plain VARCHAR."
        )
    elif best.data_type == "VARCHAR":
        text = (
            f"The closest pattern, {best.name}, matches only {_percent(best.rate)} of {n:,}"
            f" values ({needed}); kept as plain VARCHAR."
        )
    else:
        what = f"{best.data_type} ({best.name})" if best.stats.detector.reported else best.data_type
        text = (
            f"The best candidate, {what}, parses {_percent(best.rate)} of {n:,} values but is set"
            f" aside here ({best.blocked}); kept as VARCHAR."
            if best.blocked is not None and best.acceptable
            else f"The best candidate, {what}, parses only {_percent(best.rate)} of {n:,} values"
            f" ({needed}); kept as VARCHAR."
        )
    return " ".join([text, *notes])


def _varchar_only(name: str, raw_type: str, scan: ColumnScan, reason: str) -> ColumnInference:
    return ColumnInference(
        column_name=name, raw_type=raw_type, candidates=[TypeCandidate("VARCHAR", 1.0, 1.0)],
        decided_type="VARCHAR", decided_pattern=None, reason=reason,
        non_null_count=scan.non_null,
    )


def _percent(rate: float) -> str:
    """A share for a reason: one decimal, more when that would round a failure to 100%."""
    text = f"{rate:.1%}"
    return f"{rate:.4%}" if rate < 1 and text == "100.0%" else text


def _bounds(low: object, high: object) -> tuple[float, float] | None:
    lo, hi = as_bound(low), as_bound(high)
    return None if lo is None or hi is None else (lo, hi)
