"""What a pattern detector is, and the registry every detector is added to.

A detector has two halves:
- `regex`, the strict shape ("$1,234.50" for currency). It is written in the subset of regular
  expressions that Python's `re` and DuckDB's RE2 read the same way, because the sample is
  matched in Python and the full column in DuckDB. It answers "does this value have the pattern".
- `convert(column_sql, sql_type)`, the DuckDB expression that turns the raw VARCHAR into the
  typed value, NULL when it cannot. Some converters are lenient (`lenient=True`): a currency
  column also accepts a bare "12.50", a unit column a bare "12". For those, `mark` says whether a
  value carries the pattern's marks, so the match rate can differ from the parse rate.

The detectors themselves live in `number_patterns`, `date_patterns` and `text_patterns`, one
small function each; adding one is a function there, its name in `PatternName`, and a test.
Every constant placed in SQL comes from those modules or `units`, never from data.

A note on cost, measured on 1M-row columns: DuckDB runs a regex in about 100 ns and a replace
in about 20 ns, capture groups and global regexp_replace cost three times a plain match, trim
with a character set costs as much as a regex, and a failing TRY_CAST is the slowest path of all
(about 450 ns). The converters are written around those numbers.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from datadossier.engine.gateway import quote_literal
from datadossier.inference.model import DataType

PatternName = Literal[
    "integer",
    "float",
    "thousands",
    "grouped_number",
    "grouped_number_eu",
    "trailing_minus_integer",
    "trailing_minus",
    "trailing_minus_eu",
    "unicode_minus",
    "credit_debit",
    "currency",
    "currency_eu",
    "currency_precise",
    "currency_eu_precise",
    "currency_per_unit",
    "percent",
    "flagged_number",
    "noted_number",
    "noted_integer",
    "interval_estimate",
    "labelled_scale",
    "rating_5",
    "rating_10",
    "unit_value",
    "abbreviated_number",
    "lower_bound",
    "margin_of_error",
    "worded_bound",
    "feet_inches",
    "hemisphere_degrees",
    "duration",
    "duration_or_seconds",
    "minutes_seconds",
    "hours_minutes",
    "elapsed_hours",
    "elapsed_time",
    "elapsed_or_minutes_seconds",
    "age_span",
    "iso_duration",
    "compound_duration",
    "worded_duration",
    "epoch_duration",
    "pandas_timedelta",
    "byte_size",
    "cpu_quantity",
    "fractional_odds",
    "whole_amount",
    "dms_degrees",
    "wkt_geometry",
    "bounded_years",
    "currency_magnitude",
    "boolean",
    "time",
    "zoned_time",
    "dotted_time",
    "hhmm_time",
    "hhmmss_time",
    "hhmm_half",
    "iso_date",
    "zoned_date",
    "iso_datetime",
    "us_date",
    "eu_date",
    "us_date_short",
    "eu_date_short",
    "iso_or_us_date",
    "iso_or_eu_date",
    "iso_or_us_date_short",
    "iso_or_eu_date_short",
    "us_date_mixed_year",
    "eu_date_mixed_year",
    "iso_or_us_datetime",
    "iso_or_eu_datetime",
    "us_or_month_name_date",
    "eu_or_month_name_date",
    "us_datetime",
    "eu_datetime",
    "us_datetime_short",
    "eu_datetime_short",
    "us_datetime_spaced",
    "eu_datetime_spaced",
    "ymd_slash",
    "ymd_slash_datetime",
    "iso_date_hour",
    "year_month",
    "month_year",
    "compact_year_month",
    "compact_month_year",
    "compact_partial_date",
    "year_quarter",
    "iso_partial_date",
    "iso_partial_datetime",
    "us_partial_date",
    "eu_partial_date",
    "compact_date",
    "compact_mdy",
    "compact_yymmdd",
    "compact_datetime",
    "compact_short_datetime",
    "cdr_timestamp",
    "epoch_seconds",
    "epoch_millis",
    "epoch_micros",
    "epoch_nanos",
    "excel_serial",
    "sas_day_number",
    "sas_seconds",
    "month_name_date",
    "noted_date",
    "month_day_comma_year",
    "month_name_year",
    "month_name_short_year",
    "sas_date",
    "month_name_partial_date",
    "month_name_datetime",
    "datetime_interval",
    "weekday_date",
    "rfc_datetime",
    "clf_datetime",
    "unix_datetime",
    "email",
    "uuid",
    "url",
    "phone",
    "postal_code",
    "year_span",
    "ip_address",
    "geo_point",
    "coordinate_pair",
    "number_array",
    "json_object",
    "json_object_list",
]

# Day/month patterns: their order is read from the data, or from the separator (see `decide`).
DAY_MONTH_PATTERNS: frozenset[PatternName] = frozenset(
    {
        "us_date", "eu_date", "us_datetime", "eu_datetime", "us_date_short", "eu_date_short",
        "us_datetime_short", "eu_datetime_short", "iso_or_us_date", "iso_or_eu_date",
        "iso_or_us_date_short", "iso_or_eu_date_short", "us_date_mixed_year", "eu_date_mixed_year",
        "iso_or_us_datetime", "iso_or_eu_datetime",
        "us_datetime_spaced", "eu_datetime_spaced", "us_or_month_name_date", "eu_or_month_name_date",
        "us_partial_date", "eu_partial_date",
    }
)

# Money is DECIMAL(18,4): fourteen integer digits and four decimals keep sub-cent prices (fuel,
# unit prices, exchange rates) exact. A column whose sample writes amounts with more decimals
# (crypto exchanges' "$0.00012345", wholesale energy per kWh) is read as PRECISE_MONEY_SQL_TYPE
# instead (`currency_precise`); past either's decimals an amount fails the shape and goes to
# quarantine instead of being rounded silently.
MONEY_SQL_TYPE = "DECIMAL(18,4)"
MONEY_DECIMALS = 4
PRECISE_MONEY_SQL_TYPE = "DECIMAL(38,12)"
PRECISE_MONEY_DECIMALS = 12

SqlBuilder = Callable[[str], str]
Converter = Callable[[str, str], str]


@dataclass(frozen=True, slots=True)
class Detector:
    """One pattern: its strict shape, its typed conversion and how it ranks against others."""

    name: PatternName
    # Typed family: "BIGINT" stands for the integer family (INTEGER or BIGINT by range).
    data_type: DataType
    regex: str
    # (column_sql, sql_type) -> typed SQL expression; None for text patterns (email, url...).
    convert: Converter | None = None
    lenient: bool = False
    # SQL boolean: the value carries this pattern's marks (lenient detectors only).
    mark: SqlBuilder | None = None
    # SQL text: the unit or currency written with the number ("kg", "$", "USD").
    marker: SqlBuilder | None = None
    # The unit of every typed value, when the pattern itself says it ("%", or "in" for
    # heights in feet and inches).
    unit: str | None = None
    # For shapes that too many values have (any small number reads as hhmm, any five digits
    # as a ZIP code): the column names the sample shortlists the pattern under.
    named: Callable[[str], bool] | None = None
    # Breaks ties between candidates that parse the same values: higher wins.
    priority: int = 0
    # False for plain numbers: they are reported with no pattern.
    reported: bool = True
    # strptime formats, for temporal patterns.
    formats: tuple[str, ...] = ()
    # A column that mixes two formats: the patterns this one reads either of (see
    # `date_patterns._either`); the sample must show both.
    parts: tuple[PatternName, ...] = ()
    # The DuckDB type the values are read as, when not their family's (see `typed.sql_type`).
    sql_type: str | None = None

    def matches(self, value: str) -> bool:
        """Whether a value has this pattern (Python side of the same regex DuckDB runs)."""
        return _compiled(self.regex).fullmatch(value) is not None

    def match_sql(self, col: str) -> str:
        """SQL: the value when it has this pattern, else NULL (DuckDB side of `matches`)."""
        return shaped(col, self.regex)

    def full_match_sql(self, col: str) -> str:
        """SQL boolean: the value has this pattern. Cheaper than `match_sql` on columns of
        mostly distinct values (e-mails, UUIDs), where the dictionary does not help."""
        return f"regexp_full_match({col}, {lit(self.regex)})"


DETECTORS: dict[PatternName, Detector] = {}


@functools.cache
def _compiled(regex: str) -> re.Pattern[str]:
    """A detector's shape compiled for Python, on first use: the sample is matched in DuckDB,
    and Python matches values against a few detectors in a run; compiling all of them at
    import (some of 5,000 characters) took a tenth of a second of every command."""
    return re.compile(regex)


def register(fn: Callable[[], Detector]) -> Callable[[], Detector]:
    """Add the detector a function builds to `DETECTORS` (the decorator of every detector)."""
    detector = fn()
    # A function is named after its pattern (with a trailing "_" where that is a builtin).
    assert fn.__name__.rstrip("_") == detector.name
    DETECTORS[detector.name] = detector
    return fn


def lit(text: str) -> str:
    """A registry constant as a SQL literal."""
    return quote_literal(text)


def marked_by(regex: str) -> SqlBuilder:
    """A lenient detector's ``mark``: SQL boolean, the value holds ``regex`` somewhere (a
    footnote or a magnitude at its end, a note in parentheses)."""
    return lambda col: f"regexp_matches({col}, {lit(regex)})"


def shaped(col: str, regex: str) -> str:
    """SQL: the value when it has the regex's shape (whole value), else NULL.

    Written as nullif(regexp_extract(...)) rather than CASE WHEN regexp_full_match: DuckDB
    evaluates a chain of functions once per distinct value of a dictionary-compressed column
    (a date column: a few thousand values instead of a million rows) but a CASE per row; and
    a NULL reaches the casts after it instead of a string that fails them, and failing a
    TRY_CAST is the slowest thing a cast does.
    """
    return f"nullif(regexp_extract({col}, {lit('^(?:' + regex + ')$')}), '')"


def format_list(formats: tuple[str, ...]) -> str:
    """strptime formats as a SQL literal: one string, or a list tried in order."""
    return lit(formats[0]) if len(formats) == 1 else "[" + ", ".join(map(lit, formats)) + "]"


def strptime_date(value: str, formats: tuple[str, ...]) -> str:
    """SQL: a DATE read from ``value`` with the formats, NULL when none fits."""
    return f"CAST(try_strptime({value}, {format_list(formats)}) AS DATE)"


# The typographic minus (U+2212) of web tables, PDFs and macOS Numbers, read as "-".
MINUS_SIGN = "\u2212"
# What remains of a bare amount once its digits are taken out: signs, spaces, accounting
# parentheses. A marker among these is no currency or unit.
BARE_MARKERS = ("", "-", "+", MINUS_SIGN, " ", "()", "( )", "(  )")


def has_marker_sql(marker: str) -> str:
    """SQL boolean: the marker reading holds a currency or unit, not only signs and spaces."""
    return f"coalesce({marker}, '') NOT IN ({', '.join(map(lit, BARE_MARKERS))})"


# A plain decimal number, as the shapes write it.
NUM = r"(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)"
