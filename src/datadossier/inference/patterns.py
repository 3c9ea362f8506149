"""Pattern detectors: the shapes a raw text value can take, and how each becomes a typed value.

Each detector is one small function returning a `Detector`, registered under its name in
`DETECTORS`; adding one is one function here (plus its name in `PatternName`) and one test.

A detector has two halves:
- `regex`, the strict shape ("$1,234.50" for currency). It is written in the subset of regular
  expressions that Python's `re` and DuckDB's RE2 read the same way, because the sample is
  matched in Python and the full column in DuckDB. It answers "does this value have the pattern".
- `convert(column_sql, sql_type)`, the DuckDB expression that turns the raw VARCHAR into the
  typed value, NULL when it cannot. Some converters are lenient (`lenient=True`): a currency
  column also accepts a bare "12.50", a unit column a bare "12". For those, `mark` says whether a
  value carries the pattern's marks, so the match rate can differ from the parse rate.

Every constant placed in SQL here comes from this module or `units`, never from data.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from datadossier.engine.gateway import quote_literal
from datadossier.inference.model import DataType
from datadossier.inference.units import CURRENCY_SYMBOLS, ISO_CURRENCIES

PatternName = Literal[
    "integer",
    "float",
    "thousands",
    "currency",
    "currency_eu",
    "percent",
    "unit_value",
    "boolean",
    "time",
    "iso_date",
    "iso_datetime",
    "us_date",
    "eu_date",
    "ymd_slash",
    "compact_date",
    "month_name_date",
    "month_name_datetime",
    "email",
    "uuid",
    "url",
    "phone",
    "ip_address",
]

# Money is DECIMAL(18,4): fourteen integer digits and four decimals keep sub-cent prices (fuel,
# unit prices, exchange rates) exact. Amounts with more decimals fail the shape and go to
# quarantine instead of being rounded silently.
MONEY_SQL_TYPE = "DECIMAL(18,4)"

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
    # Breaks ties between candidates that parse the same values: higher wins.
    priority: int = 0
    # False for plain numbers: they are reported with no pattern.
    reported: bool = True
    # strptime formats, for temporal patterns.
    formats: tuple[str, ...] = ()
    compiled: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "compiled", re.compile(self.regex))

    def matches(self, value: str) -> bool:
        """Whether a value has this pattern (Python side of the same regex DuckDB runs)."""
        return self.compiled.fullmatch(value) is not None

    def match_sql(self, col: str) -> str:
        """SQL: the value when it has this pattern, else NULL (DuckDB side of `matches`)."""
        return shaped(col, self.regex)


DETECTORS: dict[PatternName, Detector] = {}


def _register(fn: Callable[[], Detector]) -> Callable[[], Detector]:
    detector = fn()
    # A function is named after its pattern (with a trailing "_" where that is a builtin).
    assert fn.__name__.rstrip("_") == detector.name
    DETECTORS[detector.name] = detector
    return fn


def _lit(text: str) -> str:
    return quote_literal(text)


def shaped(col: str, regex: str) -> str:
    """SQL: the value when it has the regex's shape (whole value), else NULL.

    Written as nullif(regexp_extract(...)) rather than CASE WHEN regexp_full_match: DuckDB
    evaluates a chain of functions once per distinct value of a dictionary-compressed column
    (a date column: a few thousand values instead of a million rows) but a CASE per row; and
    a NULL reaches the casts after it instead of a string that fails them, and failing a
    TRY_CAST is the slowest thing a cast does.
    """
    return f"nullif(regexp_extract({col}, {_lit('^(?:' + regex + ')$')}), '')"


def _format_list(formats: tuple[str, ...]) -> str:
    return _lit(formats[0]) if len(formats) == 1 else "[" + ", ".join(map(_lit, formats)) + "]"


def _strptime_date(value: str, formats: tuple[str, ...]) -> str:
    return f"CAST(try_strptime({value}, {_format_list(formats)}) AS DATE)"


# Building blocks shared by several shapes.
_NUM = r"(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)"
_SYMBOLS = "".join(CURRENCY_SYMBOLS)
_CURRENCY_MARK = "(?:[" + re.escape(_SYMBOLS) + "]|" + "|".join(ISO_CURRENCIES) + ")"
_SPACES = " \u00a0\u202f"  # space, no-break space, narrow no-break space (French thousands)
_US_AMOUNT = r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]{1,4})?"
_EU_AMOUNT = r"(?:[0-9]{1,3}(?:[." + _SPACES + r"][0-9]{3})+|[0-9]+)(?:,[0-9]{1,4})?"
_UNIT = r"(?:°\s?[CFK]|[A-Za-zµμΩ][A-Za-zµμΩ°/·*^²³]*)"
_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_DAY_OR_MONTH_DATE = r"\s*[0-9]{1,2}[/.-][0-9]{1,2}[/.-][0-9]{4}\s*"


# A number with an optional unit after it, then its number and its unit (regexes without
# capture groups: DuckDB evaluates those several times faster).
_NUMBER_WITH_UNIT = rf"\s*[-+]?{_NUM}\s*(?:{_UNIT})?\s*"
_LEADING_NUMBER = rf"^\s*[-+]?{_NUM}"
_TRAILING_UNIT = rf"{_UNIT}\s*$"


def _unit_number(col: str) -> str:
    return f"regexp_extract({shaped(col, _NUMBER_WITH_UNIT)}, {_lit(_LEADING_NUMBER)})"


def _unit_marker(col: str) -> str:
    """SQL: the unit written after the number ("kg" of "12.5 kg"); NULL when there is none."""
    return f"nullif(regexp_extract({shaped(col, _NUMBER_WITH_UNIT)}, {_lit(_TRAILING_UNIT)}), '')"


# ---- numbers -------------------------------------------------------------------------------


@_register
def integer() -> Detector:
    """Whole numbers ("42", "-7", " 12 "). "1.5" is not one (DuckDB would round it)."""

    def convert(col: str, sql_type: str) -> str:
        # TRY_CAST to an integer rounds "1.5" to 2; comparing with the DOUBLE reading keeps
        # only values that are whole, and is cheaper than a regex guard.
        as_int = f"TRY_CAST({col} AS {sql_type})"
        return f"CASE WHEN TRY_CAST({col} AS DOUBLE) = {as_int} THEN {as_int} END"

    return Detector("integer", "BIGINT", r"\s*[-+]?[0-9]+\s*", convert, priority=100, reported=False)


@_register
def float_() -> Detector:
    """Decimal numbers ("3.14", "-0.5", "1e-3", "nan")."""
    regex = rf"\s*[-+]?{_NUM}(?:[eE][-+]?[0-9]+)?\s*|\s*(?i:[-+]?(?:nan|inf|infinity))\s*"
    return Detector(
        "float", "DOUBLE", regex, lambda col, _t: f"TRY_CAST({col} AS DOUBLE)",
        priority=90, reported=False,
    )


@_register
def thousands() -> Detector:
    """Integers with thousands separators ("1,234,567", "1.234.567")."""
    guard = r"\s*[-+]?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]{1,3}(?:\.[0-9]{3})+|[0-9]+)\s*"

    def convert(col: str, sql_type: str) -> str:
        digits = f"replace(replace({shaped(col, guard)}, ',', ''), '.', '')"
        return f"TRY_CAST({digits} AS {sql_type})"

    return Detector(
        "thousands", "BIGINT", r"\s*[-+]?[0-9]{1,3}(?:(?:,[0-9]{3})+|(?:\.[0-9]{3})+)\s*",
        convert, lenient=True,
        mark=lambda col: f"(contains({col}, ',') OR contains({col}, '.'))",
        priority=40,
    )


def _currency(name: PatternName, amount: str, decimal_comma: bool, priority: int) -> Detector:
    strict = (
        rf"\s*[-+]?\s*{_CURRENCY_MARK}\s*[-+]?\s*{amount}\s*"
        rf"|\s*[-+]?\s*{amount}\s*{_CURRENCY_MARK}\s*"
    )
    # The SQL guard accepts any three capital letters as a code (a third cheaper than the list
    # of codes); the decision then requires every code written in the column to be known.
    loose_mark = "(?:[" + re.escape(_SYMBOLS) + "]|[A-Z]{3})"
    guard = rf"\s*[-+]?\s*(?:{loose_mark}\s*)?[-+]?\s*{amount}\s*(?:{loose_mark})?\s*"
    digits = (
        r"[0-9][0-9." + _SPACES + r"]*(?:,[0-9]+)?" if decimal_comma
        else r"[0-9][0-9,]*(?:\.[0-9]+)?"
    )

    # Two regex evaluations per value (the shape, then the digits): a regex costs about ten
    # times a replace, and capture groups or a global regexp_replace cost three times more.
    def amount_text(col: str) -> str:
        return f"regexp_extract({shaped(col, guard)}, {_lit(digits)})"

    def convert(col: str, sql_type: str) -> str:
        text = amount_text(col)
        separators = "." + _SPACES if decimal_comma else ","
        for separator in separators:
            text = f"replace({text}, {_lit(separator)}, '')"
        if decimal_comma:
            text = f"replace({text}, ',', '.')"
        # The sign may stand before or after the symbol ("-$3.00", "$-3.00"). It is read from
        # the column itself: DuckDB does not share a subexpression repeated inside one
        # expression, so a second `shaped` would run the regex twice.
        sign = f"repeat('-', CAST(contains({col}, '-') AS INTEGER))"
        return f"TRY_CAST({sign} || {text} AS {sql_type})"

    def marker(col: str) -> str:
        """What is written around the amount: "$", "-$", "USD" (NULL when not an amount)."""
        return f"trim(replace({col}, {amount_text(col)}, ''))"

    return Detector(
        name, "DECIMAL", strict, convert, lenient=True,
        mark=lambda col: f"coalesce({marker(col)}, '') NOT IN ('', '-', '+')", marker=marker,
        priority=priority,
    )


@_register
def currency() -> Detector:
    """Money with a point decimal ("$1,234.50", "-$3.00", "901.00 USD", "USD 901.00", "£12")."""
    return _currency("currency", _US_AMOUNT, decimal_comma=False, priority=61)


@_register
def currency_eu() -> Detector:
    """Money with a decimal comma ("1.234,50 €", "€1.234,50", "12,99 EUR")."""
    return _currency("currency_eu", _EU_AMOUNT, decimal_comma=True, priority=60)


@_register
def percent() -> Detector:
    """Percentages, typed as the number written: "12.5%" becomes 12.5, not 0.125."""
    return Detector(
        "percent", "DOUBLE", rf"\s*[-+]?{_NUM}\s*%\s*",
        # replace, not rtrim: trimming a character set costs ten times more.
        lambda col, _t: f"TRY_CAST(replace({col}, '%', '') AS DOUBLE)",
        lenient=True, mark=lambda col: f"contains({col}, '%')", priority=60,
    )


@_register
def unit_value() -> Detector:
    """Numbers followed by a unit ("12.5 kg", "10.36 mph", "3km", "20 °C"); typed as the number."""
    return Detector(
        "unit_value", "DOUBLE", rf"\s*[-+]?{_NUM}\s*{_UNIT}\s*",
        lambda col, _t: f"TRY_CAST({_unit_number(col)} AS DOUBLE)",
        lenient=True, mark=lambda col: f"{_unit_marker(col)} IS NOT NULL",
        marker=_unit_marker, priority=60,
    )


# ---- booleans and times --------------------------------------------------------------------

TRUE_SPELLINGS: tuple[str, ...] = ("true", "t", "yes", "y", "on", "1")
FALSE_SPELLINGS: tuple[str, ...] = ("false", "f", "no", "n", "off", "0")


@_register
def boolean() -> Detector:
    """Yes/no values in their usual spellings (true/false, yes/no, y/n, t/f, on/off, 1/0)."""
    words = "|".join(TRUE_SPELLINGS + FALSE_SPELLINGS)

    def convert(col: str, _sql_type: str) -> str:
        # A map lookup rather than CASE: evaluated once per distinct value (see `shaped`).
        pairs = [f"{_lit(w)}: TRUE" for w in TRUE_SPELLINGS]
        pairs += [f"{_lit(w)}: FALSE" for w in FALSE_SPELLINGS]
        return f"map_extract_value(MAP {{{', '.join(pairs)}}}, lower(trim({col})))"

    return Detector("boolean", "BOOLEAN", rf"\s*(?i:{words})\s*", convert, priority=50)


@_register
def time_() -> Detector:
    """Times of day, HH:MM with optional seconds and fraction ("09:30", "23:59:59.5")."""
    regex = r"\s*(?:[01]?[0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\.[0-9]{1,9})?)?\s*"
    return Detector(
        "time", "TIME", regex, lambda col, _t: f"TRY_CAST(trim({col}) AS TIME)", priority=70
    )


# ---- dates and timestamps ------------------------------------------------------------------


@_register
def iso_date() -> Detector:
    """ISO dates, YYYY-MM-DD (DuckDB's own date cast)."""
    return Detector(
        "iso_date", "DATE", r"\s*[0-9]{4}-[0-9]{2}-[0-9]{2}\s*",
        lambda col, _t: f"TRY_CAST({col} AS DATE)", priority=70, formats=("%Y-%m-%d",),
    )


# An offset (or Z) right after the time: such values are converted to UTC.
_OFFSET_AT_END = r":[0-9]{2}(?:\.[0-9]+)?\s*(?:Z|[-+][0-9]{2}(?::?[0-9]{2})?)\s*$"


@_register
def iso_datetime() -> Detector:
    """ISO timestamps, T or space, optional seconds, fraction and offset; offsets go to UTC."""
    regex = (
        r"\s*[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]{1,9})?)?"
        r"\s*(?:Z|[-+][0-9]{2}(?::?[0-9]{2})?)?\s*"
    )

    def convert(col: str, _sql_type: str) -> str:
        # TIMESTAMP drops an offset silently and TIMESTAMPTZ reads a naive value in the
        # session's time zone: each kind of value gets the cast that is right for it. The
        # cheap test first: the regex only runs on values with a Z, a + or a late '-'.
        with_offset = f"timezone('UTC', TRY_CAST({col} AS TIMESTAMPTZ))"
        maybe = f"(contains({col}, 'Z') OR contains({col}, '+') OR contains(right({col}, 6), '-'))"
        has_offset = f"{maybe} AND regexp_matches({col}, {_lit(_OFFSET_AT_END)})"
        return f"CASE WHEN {has_offset} THEN {with_offset} ELSE TRY_CAST({col} AS TIMESTAMP) END"

    return Detector(
        "iso_datetime", "TIMESTAMP", regex, convert, priority=70,
        formats=("%Y-%m-%dT%H:%M:%S",),
    )


def _day_month(name: PatternName, first: str, second: str, formats: tuple[str, ...]) -> Detector:
    regex = rf"\s*{first}[/.-]{second}[/.-][0-9]{{4}}\s*"

    def convert(col: str, _sql_type: str) -> str:
        # One format after turning '.' and '-' into '/': a failed strptime attempt costs
        # more than two replaces.
        slashed = f"replace(replace({shaped(col, _DAY_OR_MONTH_DATE)}, '.', '/'), '-', '/')"
        return _strptime_date(slashed, formats[:1])

    return Detector(name, "DATE", regex, convert, priority=70, formats=formats)


_MONTH_NUMBER = r"(?:0?[1-9]|1[0-2])"
_DAY_NUMBER = r"(?:0?[1-9]|[12][0-9]|3[01])"


@_register
def us_date() -> Detector:
    """Month first: MM/DD/YYYY, M/D/YYYY (also with '-' or '.')."""
    return _day_month("us_date", _MONTH_NUMBER, _DAY_NUMBER, ("%m/%d/%Y", "%m-%d-%Y", "%m.%d.%Y"))


@_register
def eu_date() -> Detector:
    """Day first: DD/MM/YYYY, DD.MM.YYYY, DD-MM-YYYY."""
    return _day_month("eu_date", _DAY_NUMBER, _MONTH_NUMBER, ("%d/%m/%Y", "%d.%m.%Y", "%d-%m-%Y"))


@_register
def ymd_slash() -> Detector:
    """Year first with slashes: YYYY/MM/DD."""
    formats = ("%Y/%m/%d",)
    return Detector(
        "ymd_slash", "DATE", rf"\s*[0-9]{{4}}/{_MONTH_NUMBER}/{_DAY_NUMBER}\s*",
        lambda col, _t: _strptime_date(
            shaped(col, r"\s*[0-9]{4}/[0-9]{1,2}/[0-9]{1,2}\s*"), formats
        ),
        priority=70, formats=formats,
    )


@_register
def compact_date() -> Detector:
    """YYYYMMDD with a plausible year (1900-2099), month and day ("20210105")."""
    formats = ("%Y%m%d",)
    regex = r"\s*(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])\s*"
    return Detector(
        "compact_date", "DATE", regex,
        lambda col, _t: _strptime_date(shaped(col, regex), formats),
        priority=10, formats=formats,
    )


_MONTH_NAME_DATE = (
    rf"(?i:{_MONTHS}\s[0-9]{{1,2}},?\s[0-9]{{4}}|[0-9]{{1,2}}[\s-]{_MONTHS},?[\s-][0-9]{{4}})"
)
_MONTH_NAME_FORMATS = (
    "%b %d %Y", "%b %d, %Y", "%B %d %Y", "%B %d, %Y",
    "%d %b %Y", "%d %B %Y", "%d-%b-%Y", "%d-%B-%Y", "%d %b, %Y", "%d %B, %Y",
)


@_register
def month_name_date() -> Detector:
    """Dates with a month name ("Jan 5 2021", "Jan 5, 2021", "5 January 2021", "05-Jan-2021")."""
    regex = rf"\s*{_MONTH_NAME_DATE}\s*"
    return Detector(
        "month_name_date", "DATE", regex,
        lambda col, _t: _strptime_date(shaped(col, regex), _MONTH_NAME_FORMATS),
        priority=70, formats=_MONTH_NAME_FORMATS,
    )


@_register
def month_name_datetime() -> Detector:
    """Month-name dates with a time ("Jan 5 2021 03:36", "5 January 2021 14:05:09")."""
    regex = rf"\s*(?:{_MONTH_NAME_DATE})[ T](?:[01]?[0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9])?\s*"
    formats = tuple(f"{d} {t}" for d in _MONTH_NAME_FORMATS for t in ("%H:%M", "%H:%M:%S"))
    return Detector(
        "month_name_datetime", "TIMESTAMP", regex,
        lambda col, _t: f"try_strptime({shaped(col, regex)}, {_format_list(formats)})",
        priority=70, formats=formats,
    )


# ---- text patterns (stay VARCHAR) ----------------------------------------------------------


@_register
def email() -> Detector:
    """E-mail addresses ("ana@example.com")."""
    regex = r"\s*[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\s*"
    return Detector("email", "VARCHAR", regex, priority=30)


@_register
def uuid() -> Detector:
    """UUIDs in the 8-4-4-4-12 hex form, braces allowed."""
    hx = "[0-9A-Fa-f]"
    regex = rf"\s*\{{?{hx}{{8}}-{hx}{{4}}-{hx}{{4}}-{hx}{{4}}-{hx}{{12}}\}}?\s*"
    return Detector("uuid", "VARCHAR", regex, priority=30)


@_register
def url() -> Detector:
    """Web addresses with a scheme ("https://x.org/a") or starting with "www."."""
    regex = r"\s*(?i:(?:https?|ftp)://[^\s/?#]+|www\.[^\s/?#]+\.[^\s/?#]+)[^\s]*\s*"
    return Detector("url", "VARCHAR", regex, priority=30)


@_register
def phone() -> Detector:
    """Phone numbers ("(555) 123-4567", "+49 30 1234567", "555.123.4567", "2065552579")."""
    sep = "[ .-]"
    grouped = (
        rf"(?:\+[0-9]{{1,3}}{sep}?)?(?:\([0-9]{{1,4}}\){sep}?|[0-9]{{2,4}}{sep})"
        rf"[0-9]{{3,4}}{sep}?[0-9]{{3,4}}"
    )
    # Bare runs of 10-15 digits count too (exports often strip the separators); a column of
    # only such values still reads as integers, which rank above text patterns.
    return Detector("phone", "VARCHAR", rf"\s*(?:{grouped}|\+?[0-9]{{10,15}})\s*", priority=30)


@_register
def ip_address() -> Detector:
    """IPv4 addresses (each part 0-255) and IPv6 addresses (full or with '::')."""
    part = r"(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])"
    v4 = rf"(?:{part}\.){{3}}{part}"
    hx = "[0-9A-Fa-f]{1,4}"
    groups = rf"{hx}(?::{hx}){{0,6}}"
    v6 = rf"(?:{hx}:){{7}}{hx}|(?:{groups})?::(?:{groups})?"
    # Above `thousands`: "10.100.200.250" is an address, not ten billion.
    return Detector("ip_address", "VARCHAR", rf"\s*(?:{v4}|{v6})\s*", priority=45)


def detector_for(data_type: DataType, pattern: str | None) -> Detector:
    """The detector converting to ``data_type`` for ``pattern`` (None: the plain conversion).

    DECIMAL without a pattern has no detector: `typed_expression` casts it directly.
    """
    if pattern is None:
        default: dict[DataType, PatternName] = {
            "BIGINT": "integer", "INTEGER": "integer", "DOUBLE": "float", "BOOLEAN": "boolean",
            "DATE": "iso_date", "TIMESTAMP": "iso_datetime", "TIME": "time",
        }
        if data_type not in default:
            raise ValueError(f"No plain conversion to {data_type}.")
        return DETECTORS[default[data_type]]
    detector = next((d for d in DETECTORS.values() if d.name == pattern), None)
    if detector is None:
        raise ValueError(f"Unknown pattern {pattern!r}; known: {', '.join(DETECTORS)}.")
    family = "BIGINT" if data_type == "INTEGER" else data_type
    if detector.data_type != family:
        raise ValueError(f"Pattern {pattern!r} converts to {detector.data_type}, not {data_type}.")
    return detector
