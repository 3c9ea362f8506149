"""Detectors of numbers as people write them: plain, grouped, money, percentages, units;
and of yes/no values."""

from __future__ import annotations

import re

from datadossier.inference.detector import (
    MINUS_SIGN,
    MONEY_DECIMALS,
    NUM,
    PRECISE_MONEY_DECIMALS,
    PRECISE_MONEY_SQL_TYPE,
    Detector,
    PatternName,
    has_marker_sql,
    lit,
    marked_by,
    register,
    shaped,
)
from datadossier.inference.model import DataType
from datadossier.inference.names import (
    looks_like_clock,
    looks_like_identifier,
    name_tokens,
    names_a_length_of_time,
    names_a_long_activity,
    names_hours,
)
from datadossier.inference.units import CURRENCY_SYMBOLS, ISO_CURRENCIES, PREFIXED_DOLLARS

# Building blocks of the shapes below.
_SYMBOLS = "".join(CURRENCY_SYMBOLS)
_PREFIXED = "|".join(re.escape(p) for p in sorted(PREFIXED_DOLLARS, key=len, reverse=True))
_CURRENCY_MARK = "(?:" + _PREFIXED + "|[" + re.escape(_SYMBOLS) + "]|" + "|".join(ISO_CURRENCIES) + ")"
_SPACES = " \u00a0\u202f"  # space, no-break space, narrow no-break space (French thousands)
# A sign before a number: also the typographic minus U+2212, which amounts copied from web
# banking, PDFs and macOS Numbers carry ("\u22121,200.00", "\u2212$12.50", "\u2212714,66 €").
_SIGN = "[-+" + MINUS_SIGN + "]"
# Between an amount and its sign: spaces, no-break ones too ("1 234,56\u00a0€" as French
# typography sets it), which RE2's \s, unlike Python's, does not match.
_GAP = "[\\s" + _SPACES[1:] + "]*"
# Groups before a decimal point: commas by thousands, or as India writes lakhs and crores
# ("1,23,45,678"), or apostrophes as in Switzerland ("1'234'567").
_APOSTROPHES = "'\u2019"
# A number's first group of digits: 1 to 3, not starting with 0 ("0,237" is a decimal comma's,
# never a thousands group's).
_HEAD = r"[1-9][0-9]{0,2}"
_US_GROUPED = (
    _HEAD + r"(?:,[0-9]{3})+|[1-9][0-9]?(?:,[0-9]{2})+,[0-9]{3}|" + _HEAD + r"(?:[" + _APOSTROPHES + r"][0-9]{3})+"
)
_US_SEPARATORS = "," + _APOSTROPHES


def _us_amount(decimals: int) -> str:
    return rf"(?:{_US_GROUPED}|[0-9]+)(?:\.[0-9]{{1,{decimals}}})?"


def _eu_amount(decimals: int) -> str:
    return r"(?:" + _HEAD + r"(?:[." + _SPACES + r"][0-9]{3})+|[0-9]+)(?:,[0-9]{1," + str(decimals) + "})?"


_US_AMOUNT = _us_amount(MONEY_DECIMALS)
# (Also areas and volumes written with a digit, as freight writes cubic metres: "12.3 m3"; and
# units of two words or a word after a sign, as building automation trend logs and spray
# records write them: "1.20 in WC", "45.0 %RH", "22 fl oz/ac", see `units.value_unit`; a grade
# with the metal or oxide it is of, as mine reports write them: "2.35 g/t Au", "0.85% Cu",
# "0.12% U3O8"; feet by a prime, as well files write depths ("12,345'"), and a bare degree
# sign ("42.5°", an oil's API gravity).)
_UNIT = (
    r"(?:°(?:\s?[CFK])?|['′]|[ck]?m[23]|ft[23]|(?i:in\.?\s?(?:wc|h2o))|(?i:fl\.?\s?oz)(?:/[A-Za-z]+)?|%[A-Za-z]+"
    r"|(?:%|[A-Za-zµ][A-Za-zµ/]*)\s(?:[A-Z][a-z]?[0-9]*){1,3}(?:Eq)?"
    r"|[A-Za-zµμΩ][A-Za-zµμΩ°/·*^²³]*)"
)


# A number with an optional unit after it, then its number and its unit (regexes without
# capture groups: DuckDB evaluates those several times faster). The number may group its
# thousands, as forwarders write weights: "1,250.5 KG"; or write a decimal comma with one or
# two digits after it, which no thousands group has: Transfermarkt's heights "1,85 m".
_DECIMAL_COMMA_UNIT_NUM = r"[0-9]+,[0-9]{1,2}"
_DECIMAL_COMMA_END = r",([0-9]{1,2})$"
_DECIMAL_POINT_END = r".\1"
_UNIT_NUM = rf"(?:(?:{_US_GROUPED})(?:\.[0-9]+)?|{_DECIMAL_COMMA_UNIT_NUM}|{NUM})"
_NUMBER_WITH_UNIT = rf"\s*[-+]?{_UNIT_NUM}\s*(?:{_UNIT})?\s*"
_LEADING_NUMBER = rf"^\s*[-+]?{NUM}"
_LEADING_UNIT_NUMBER = rf"^\s*[-+]?{_UNIT_NUM}"
_TRAILING_UNIT = rf"{_UNIT}\s*$"


def _unit_number(col: str) -> str:
    number = f"regexp_extract({shaped(col, _NUMBER_WITH_UNIT)}, {lit(_LEADING_UNIT_NUMBER)})"
    # A comma before the number's last one or two digits is its decimal point ("1,85"); one
    # before three groups thousands ("1,250"). (A regex over the short number read: about 8%
    # more on the reading, where a CASE on the value cost several times that.)
    number = f"regexp_replace({number}, {lit(_DECIMAL_COMMA_END)}, {lit(_DECIMAL_POINT_END)})"
    for separator in _US_SEPARATORS:
        number = f"replace({number}, {lit(separator)}, '')"
    return number


def _unit_marker(col: str) -> str:
    """SQL: the unit written after the number ("kg" of "12.5 kg"); NULL when there is none.

    Meaningful only where the value reading is not NULL, which is where inference reads it:
    that reading already checks the value's shape, so the marker skips that regex (half its
    cost)."""
    return f"nullif(regexp_extract({col}, {lit(_TRAILING_UNIT)}), '')"


# ---- numbers -------------------------------------------------------------------------------


@register
def integer() -> Detector:
    """Whole numbers ("42", "-7", " 12 "), also with a ".0" fraction ("17850.0": pandas writes
    an integer column that had a missing value so) where they fit BIGINT (a longer one is a
    float's rendering, not an identifier). "1.5" is not one (DuckDB would round it), nor
    "1.2E+06" (written so, a number may have lost digits), but "1.430438407e9" is."""

    def convert(col: str, sql_type: str) -> str:
        # TRY_CAST to an integer rounds "1.5" to 2; comparing with the DOUBLE reading keeps
        # only values that are whole, and is cheaper than a regex guard. A value written with
        # an exponent is no integer as written: "9.78044E+12" is an ISBN-13 a spreadsheet
        # rounded (DuckDB's cast reads it as 9780440000000, digits that were never there).
        as_int = f"TRY_CAST({col} AS {sql_type})"
        # (With an exponent, a whole number only if the digits before it are all its digits:
        # Reddit's created_utc "1.430438407e9" is 1430438407, but "9.78044E+12" lost seven.
        # And only with a point before it, as programs write one: "2000e-2" is the FJC's
        # statute section, Title VII's 42 U.S.C. 2000e-2, not 20.)
        mantissa = f"regexp_replace(split_part(lower({col}), 'e', 1), '[^0-9]', '', 'g')"
        whole = f"contains({col}, '.') AND length(ltrim({mantissa}, '0')) >= length(CAST(abs({as_int}) AS VARCHAR))"
        return (
            f"CASE WHEN TRY_CAST({col} AS DOUBLE) = {as_int}"
            f" AND (NOT (contains({col}, 'E') OR contains({col}, 'e')) OR {whole}) THEN {as_int} END"
        )

    # One zero only: "4100.00" is an amount with its cents written, and stays a number.
    regex = r"\s*[-+]?(?:[0-9]+|[0-9]{1,18}\.0)\s*"
    return Detector("integer", "BIGINT", regex, convert, priority=100, reported=False)


@register
def float_() -> Detector:
    """Decimal numbers ("3.14", "-0.5", "1e-3", "nan")."""
    regex = rf"\s*[-+]?{NUM}(?:[eE][-+]?[0-9]+)?\s*|\s*(?i:[-+]?(?:nan|inf|infinity))\s*"
    return Detector(
        "float", "DOUBLE", regex, lambda col, _t: f"TRY_CAST({col} AS DOUBLE)",
        priority=90, reported=False,
    )


@register
def thousands() -> Detector:
    """Integers with thousands separators ("1,234,567", "1.234.567", "1 234 567", "1'234'567",
    and India's "12,34,567")."""
    grouped = rf"{_US_GROUPED}|{_HEAD}(?:(?:\.[0-9]{{3}})+|(?:[{_SPACES}][0-9]{{3}})+)"
    guard = rf"\s*{_SIGN}?(?:{grouped}|[0-9]+)\s*"
    separators = ",." + _SPACES + _APOSTROPHES

    def convert(col: str, sql_type: str) -> str:
        digits = _ascii_minus(shaped(col, guard))
        for separator in separators:
            digits = f"replace({digits}, {lit(separator)}, '')"
        return f"TRY_CAST({digits} AS {sql_type})"

    return Detector(
        "thousands", "BIGINT", rf"\s*{_SIGN}?(?:{grouped})\s*",
        convert, lenient=True,
        mark=lambda col: "(" + " OR ".join(f"contains({col}, {lit(ch)})" for ch in separators) + ")",
        priority=40,
    )


@register
def lower_bound() -> Detector:
    """Counts written as their lower bound ("10,000+", "500+": the Play Store's installs; a
    plain "0" among them too; Black Friday's years in a city 0 to 3 and "4+"), typed as that
    number. A few "250,000+" among plain numbers are a top-coded figure, a marker of a
    missing value (`sampling.MISSING_MARKER`), which the integer reading keeps first."""
    regex = rf"\s*(?:(?:{_US_GROUPED}|[0-9]+)\+|[0-9]+)\s*"

    def convert(col: str, sql_type: str) -> str:
        digits = f"replace(replace(trim({shaped(col, regex)}), ',', ''), '+', '')"
        return f"TRY_CAST({digits} AS {sql_type})"

    # Lenient: a column without a single "+" (0/1 flags, whose 0 has the shape) is no list of
    # lower bounds, and its candidate would fail every 1.
    return Detector(
        "lower_bound", "BIGINT", regex, convert, lenient=True, mark=lambda col: f"contains({col}, '+')", priority=35,
    )


@register
def margin_of_error() -> Detector:
    """Margins of error written with their sign ("±2,099", "+/-975": the Census Bureau's
    tables as data.census.gov shows them), typed as the margin's number."""
    regex = rf"\s*(?:±|\+/-|\+-)\s*{_US_AMOUNT}\s*"

    def convert(col: str, sql_type: str) -> str:
        digits = f"regexp_replace({shaped(col, regex)}, '[^0-9.]', '', 'g')"
        return f"TRY_CAST({digits} AS {sql_type})"

    return Detector("margin_of_error", "DOUBLE", regex, convert, priority=37)


def _ascii_minus(text: str) -> str:
    """SQL: the text with a typographic minus made the minus a cast reads (one replace: a
    fifth of a regex's cost)."""
    return f"replace({text}, {lit(MINUS_SIGN)}, '-')"


def _negative(col: str, *marks: str, credit: bool = False) -> str:
    """SQL: -1 when the value holds a minus, either one, or another of ``marks`` (an
    accounting parenthesis), or with ``credit`` ends in a credit's CR ("£1,500.00 CR"; not the
    Seychelles rupee's "SCR"), else 1. (A test per mark: `contains` and `suffix` cost less than
    one `replace` of the whole value.)"""
    tests = [f"contains({col}, {lit(mark)})" for mark in ("-", MINUS_SIGN, *marks)]
    if credit:
        ends = " OR ".join(f"suffix({col}, {lit(mark)})" for mark in ("CR", "cr", "Cr"))
        tests.append(f"(({ends}) AND NOT suffix({col}, 'SCR'))")
    return f"(1 - 2 * CAST({' OR '.join(tests)} AS INTEGER))"


# A price of nothing in words, read as 0 among amounts (with no currency of its own).
_FREE_WORDS = ("free", "gratis")
_FREE = r"(?i:free(?:\s+to\s+play)?|gratis)"


def _outside_parentheses(mark: str, amount: str) -> str:
    """A regex: an amount in parentheses with its currency's mark before or after them."""
    return rf"{mark}{_GAP}\(\s*{amount}\s*\)|\(\s*{amount}\s*\){_GAP}{mark}"


def _currency(
    name: PatternName, decimal_comma: bool, priority: int, decimals: int = MONEY_DECIMALS, sql_type: str | None = None
) -> Detector:
    amount = _eu_amount(decimals) if decimal_comma else _us_amount(decimals)
    # After an amount behind its symbol, a credit's CR or a minus, as finance systems (Agresso,
    # Oracle) export credit notes into councils' spending files: "£1,500.00 CR", "£2500.00-",
    # both below zero (a credit note takes back a payment; a bank statement's balances, CR and
    # DR without a symbol, are `credit_debit`'s). No DR here: "1,000 IDR" ends in one.
    after = rf"(?:{_GAP}(?i:cr)|-)"
    signed = (
        rf"{_SIGN}?\s*{_CURRENCY_MARK}{_GAP}{_SIGN}?\s*{amount}{after}?"
        rf"|{_SIGN}?\s*{amount}{_GAP}{_CURRENCY_MARK}"
    )
    # Also in parentheses, as accounting writes a negative amount: "($1,234.50)". And the
    # amounts grouped in thousands without the symbol beside those with it (QuickBooks marks
    # only its totals: "$88,051.37" under "33,710.37"), so that the sample sees them read.
    bare = "" if decimal_comma else rf"|{_SIGN}?(?:{_US_GROUPED})(?:\.[0-9]{{1,{decimals}}})?"
    # Excel's accounting format writes a zero as its symbol and a dash ("$ -"): 0. So is a
    # price of nothing in words (Steam's "Free" and "Free to Play" among "$9.99").
    zero = rf"[{re.escape(_SYMBOLS)}]{_GAP}-|{_FREE}"
    # Or the symbol outside the parentheses, as Excel's accounting format and budget books
    # write a negative: " $ (12,345.00)", "$(1,234.56)", "(1.234,56) €".
    outside = _outside_parentheses(_CURRENCY_MARK, amount)
    strict = rf"\s*(?:{signed}|\(\s*(?:{signed})\s*\)|{outside}{bare}|{zero})\s*"
    zero_value = rf"\s*(?:{zero})\s*"
    # The SQL guard accepts any three capital letters as a code (a third cheaper than the list
    # of codes); the decision then requires every code written in the column to be known.
    loose_mark = r"(?:[A-Z]{1,2}\$|[" + re.escape(_SYMBOLS) + "]|[A-Z]{3})"
    loose = (
        rf"{_SIGN}?\s*(?:{loose_mark}{_GAP}{_SIGN}?\s*{amount}{after}"
        rf"|(?:{loose_mark}{_GAP})?{_SIGN}?\s*{amount}{_GAP}(?:{loose_mark})?)"
    )
    guard = rf"\s*(?:{loose}|\(\s*{loose}\s*\)|{_outside_parentheses(loose_mark, amount)})\s*"
    digits = (
        r"[0-9][0-9." + _SPACES + r"]*(?:,[0-9]+)?" if decimal_comma
        else r"[0-9][0-9" + _US_SEPARATORS + r"]*(?:\.[0-9]+)?"
    )

    # Two regex evaluations per value (the shape, then the digits): a regex costs about ten
    # times a replace, and capture groups or a global regexp_replace cost three times more.
    def amount_text(col: str) -> str:
        return f"regexp_extract({shaped(col, guard)}, {lit(digits)})"

    def convert(col: str, sql_type: str) -> str:
        text = amount_text(col)
        separators = "." + _SPACES if decimal_comma else _US_SEPARATORS
        for separator in separators:
            text = f"replace({text}, {lit(separator)}, '')"
        if decimal_comma:
            text = f"replace({text}, ',', '.')"
        # The sign may stand before or after the symbol ("-$3.00", "$-3.00"). It is read from
        # the column itself: DuckDB does not share a subexpression repeated inside one
        # expression, so a second `shaped` would run the regex twice.
        sign = _negative(col, "(", credit=True)
        # (The accounting zero only where no amount was read: COALESCE runs its second
        # argument for those rows alone.)
        accounting_zero = f"CASE WHEN regexp_full_match({col}, {lit(zero_value)}) THEN 0 END"
        return f"CAST(coalesce(TRY_CAST({text} AS {sql_type}) * {sign}, {accounting_zero}) AS {sql_type})"

    def marker(col: str) -> str:
        """What is written around the amount: "$", "-$", " USD", "($)".

        Signs, parentheses and spaces are left in; whoever reads the marker strips them. It is
        meaningful only where the amount reading is not NULL, which is where inference reads
        it: that reading already checks the shape, so the marker skips that regex (a third of
        its cost) and takes out the first run of digits. A free price has none.
        """
        free = " OR ".join(f"{col} ILIKE {lit(word + '%')}" for word in _FREE_WORDS)
        return f"CASE WHEN {free} THEN '' ELSE replace({col}, regexp_extract({col}, {lit(digits)}), '') END"

    return Detector(
        name, "DECIMAL", strict, convert, lenient=True,
        mark=lambda col: has_marker_sql(marker(col)), marker=marker,
        priority=priority, sql_type=sql_type,
    )


@register
def currency() -> Detector:
    """Money with a point decimal ("$1,234.50", "-$3.00", "901.00 USD", "USD 901.00", "£12")."""
    return _currency("currency", decimal_comma=False, priority=61)


@register
def currency_eu() -> Detector:
    """Money with a decimal comma ("1.234,50 €", "€1.234,50", "12,99 EUR")."""
    return _currency("currency_eu", decimal_comma=True, priority=60)


# (Shortlisted only where they read more of the sample than the patterns above: `sampling`.)
@register
def currency_precise() -> Detector:
    """Money with more decimals than cents and their hundredths ("$0.00012345", "$43,123.456789":
    crypto exchanges' prices and fees), read as PRECISE_MONEY_SQL_TYPE."""
    return _currency(
        "currency_precise", decimal_comma=False, priority=59,
        decimals=PRECISE_MONEY_DECIMALS, sql_type=PRECISE_MONEY_SQL_TYPE,
    )


@register
def currency_eu_precise() -> Detector:
    """The same with a decimal comma ("0,00012345 €")."""
    return _currency(
        "currency_eu_precise", decimal_comma=True, priority=58,
        decimals=PRECISE_MONEY_DECIMALS, sql_type=PRECISE_MONEY_SQL_TYPE,
    )


# Money per a unit of measure, as energy and commodity prices are written: "$45.25/MWh",
# "-$3.14/MWh" (negative prices of a glutted hour), "$2.85/MMBtu" (Henry Hub gas),
# "$7.50/kW-mo" (capacity), "45.25 EUR/MWh", and in cents, "12.5¢/kWh" (EIA's retail prices).
_PER_UNIT = r"\s*/\s*[A-Za-zµ][A-Za-z0-9µ²³-]{0,11}"
_CENT = "¢"


@register
def currency_per_unit() -> Detector:
    """Money per a unit of measure ("$45.25/MWh", "12.5¢/kWh": 0.125), DECIMAL in the currency's
    units (cents as dollars); the unit is the currency per the unit written ("USD/MWh"). Every
    value writes its unit: prices per a unit beside plain amounts, a POS export's "$0.69/lb"
    beside "$3.99", stay text (`decide`)."""
    amount = _us_amount(MONEY_DECIMALS)
    # (Cents with two decimals at most: four in dollars, what MONEY_SQL_TYPE keeps.)
    cents = _us_amount(MONEY_DECIMALS - 2)
    money = (
        rf"{_SIGN}?\s*{_CURRENCY_MARK}{_GAP}{_SIGN}?\s*{amount}|{_SIGN}?\s*{amount}{_GAP}{_CURRENCY_MARK}"
        rf"|{_SIGN}?\s*{cents}{_GAP}{_CENT}"
    )
    regex = rf"\s*(?:{money}){_PER_UNIT}\s*"
    digits = r"[0-9][0-9" + _US_SEPARATORS + r"]*(?:\.[0-9]+)?"

    def convert(col: str, sql_type: str) -> str:
        text = f"regexp_extract({shaped(col, regex)}, {lit(digits)})"
        for separator in _US_SEPARATORS:
            text = f"replace({text}, {lit(separator)}, '')"
        # The sign is read before the slash only: "$7.50/kW-mo" is no negative price.
        sign = _negative(f"split_part({col}, '/', 1)")
        in_cents = f"(1 - 0.99 * CAST(contains({col}, {lit(_CENT)}) AS INTEGER))"
        return f"CAST(TRY_CAST({text} AS {sql_type}) * {sign} * {in_cents} AS {sql_type})"

    def marker(col: str) -> str:
        """What is written around the amount: "$/MWh", "-$/MWh", "¢/kWh", " EUR/MWh" (read by
        `units.amount_unit`). Meaningful only where the amount is read (see `_currency`)."""
        return f"replace({col}, regexp_extract({col}, {lit(digits)}), '')"

    return Detector(
        "currency_per_unit", "DECIMAL", regex, convert,
        mark=lambda col: has_marker_sql(marker(col)), marker=marker, priority=57,
    )


# Plain numbers written with grouping or a decimal comma, and no currency: "95,602.52",
# "(1,234.00)" (an accounting negative), "94.833,97", "57,44", "1 234,5". Typed as DOUBLE; a
# column of grouped integers only stays with `thousands` (higher priority, BIGINT).
_ANY_US = rf"(?:(?:{_US_GROUPED}|[0-9]+)(?:\.[0-9]+)?|\.[0-9]+)"
_GROUPED_US = rf"(?:{_US_GROUPED})(?:\.[0-9]+)?"
_ANY_EU = r"(?:(?:" + _HEAD + r"(?:[." + _SPACES + r"][0-9]{3})+|[0-9]+)(?:,[0-9]+)?|,[0-9]+)"
_MARKED_EU = r"(?:" + _HEAD + r"(?:[." + _SPACES + r"][0-9]{3})+(?:,[0-9]+)?|[0-9]*,[0-9]+)"
_SPACE_GROUP = r"[0-9][" + _SPACES + r"][0-9]{3}"
# Thousands grouped by spaces before a decimal point ("1 143.9": the UN's population
# densities, as Excel writes them in some locales).
_SPACED_POINT = _HEAD + r"(?:[" + _SPACES + r"][0-9]{3})+\.[0-9]+"


@register
def grouped_number() -> Detector:
    """Numbers with grouped thousands and a decimal point ("95,602.52", "1,000.5", "1'234.5",
    "1,23,456.5"), also in parentheses as accounting writes negatives ("(1,234.00)"). Bare
    numbers pass too."""
    regex = rf"\s*(?:{_SIGN}?(?:{_GROUPED_US}|{_SPACED_POINT})|\({_ANY_US}\))\s*"
    guard = rf"\s*(?:{_SIGN}?(?:{_ANY_US}|{_SPACED_POINT})|\({_ANY_US}\))\s*"

    def convert(col: str, _sql_type: str) -> str:
        digits = _ascii_minus(shaped(col, guard))
        for separator in _US_SEPARATORS + _SPACES:
            digits = f"replace({digits}, {lit(separator)}, '')"
        # "(12.5)" -> "-12.5": the opening parenthesis becomes the sign.
        return f"TRY_CAST(replace(replace({digits}, '(', '-'), ')', '') AS DOUBLE)"

    return Detector(
        "grouped_number", "DOUBLE", regex, convert, lenient=True,
        mark=lambda col: "(" + " OR ".join(
            [*(f"contains({col}, {lit(ch)})" for ch in _US_SEPARATORS + "("), f"regexp_matches({col}, {lit(_SPACE_GROUP)})"]
        ) + ")",
        priority=36,
    )


@register
def grouped_number_eu() -> Detector:
    """Numbers with a decimal comma, grouped by points or spaces or not at all ("94.833,97",
    "57,44", "1 234,5", "-0,25"). Bare integers pass too."""
    regex = rf"\s*{_SIGN}?{_MARKED_EU}\s*"
    guard = rf"\s*{_SIGN}?{_ANY_EU}\s*"

    def convert(col: str, _sql_type: str) -> str:
        text = _ascii_minus(shaped(col, guard))
        for separator in "." + _SPACES:
            text = f"replace({text}, {lit(separator)}, '')"
        return f"TRY_CAST(replace({text}, ',', '.') AS DOUBLE)"

    return Detector(
        "grouped_number_eu", "DOUBLE", regex, convert, lenient=True,
        mark=lambda col: f"(contains({col}, ',') OR regexp_matches({col}, {lit(_SPACE_GROUP)}))", priority=35,
    )


# Eurostat's flags after a value: b break in series, c confidential, d definition differs,
# e estimated, f forecast, n not significant, p provisional, r revised, s Eurostat estimate,
# u low reliability, z not applicable; one or a few together ("bu").
# FAO's FishStatJ and the OECD write one capital after the value: E estimated, F FAO's
# estimate, I imputed, N not significant, P provisional ("381220 E" beside "370112").
_FLAGS = r"(?:[bcdefnprsuz]{1,3}|[EFINP])"
# FishStatJ's "0 0": more than zero but under half the unit, read as 0.
_UNDER_HALF = r"0 0"
# Footnote marks glued to a figure, in the order typesetters use them: NOAA's "52.0*", and
# the CDC's and NCHS's tables' "87†", "3.4‡", "1,234§" (MMWR's NNDSS tables, VaxView).
_FOOTNOTE = "[*†‡§¶]"
# A note in parentheses after a number: a word or more ("12.3 (Unreliable)", "2023
# (provisional and partial)"). Glued to the number, a note is a word: "56.7(Unreliable)";
# "(A)" and "(A-B)" are not (PowerSchool's periods "1(A)", "3(B)": the A or B day).
_NOTE = r"(?:\s+\((?i:[a-z][a-z .'-]{0,29})\)|\((?i:[a-z]{3}[a-z .'-]{0,27})\))"


@register
def flagged_number() -> Detector:
    """Numbers followed by status flags, as Eurostat's tables write them ("8.5 p",
    "1 234 567 e", "7.1 bu") and FAO's FishStatJ exports ("381220 E", "262311 F", "0 0" for
    under half a unit), or a footnote mark glued to them, as NOAA's daily summaries mark a
    value derived from the hourly ones ("52.0*") and the CDC's tables a figure with a
    footnote ("3.4‡", "1,234.5§"); typed as the number; values without a flag pass too. (A
    capital that every value carries is a unit's: `decide` leaves "12 F" to `unit_value`.)"""
    grouped = r"[-+]?[0-9]{1,3}(?: [0-9]{3})+(?:\.[0-9]+)?"
    number = r"[-+]?(?:[0-9]{1,3}(?: [0-9]{3})+|[0-9]+)(?:\.[0-9]+)?"
    # (Thousands grouped by commas only with a footnote mark: bare, they are `thousands'`.)
    commas = rf"[-+]?(?:{_US_GROUPED})(?:\.[0-9]+)?"
    # The sample counts a number grouped by spaces as this pattern's too: such tables group
    # some values and not others ("63 138 233", "22929521 b").
    regex = (
        rf"\s*(?:{grouped}(?:\s+{_FLAGS})?|{number}\s+{_FLAGS}|(?:{number}|{commas}){_FOOTNOTE}|{_UNDER_HALF})\s*"
    )
    guard = rf"\s*(?:{number}(?:\s+{_FLAGS}|{_FOOTNOTE})?|{commas}{_FOOTNOTE}?|{_UNDER_HALF})\s*"
    digits = lit(r"^[-+0-9 ,.]*[0-9]")

    def convert(col: str, _sql_type: str) -> str:
        value = f"regexp_extract({shaped(col, guard)}, {digits})"
        return f"TRY_CAST(replace(replace(trim({value}), ' ', ''), ',', '') AS DOUBLE)"

    flagged = rf"[0-9](?:\s+{_FLAGS}|{_FOOTNOTE})\s*$|^\s*{_UNDER_HALF}\s*$"
    return Detector(
        "flagged_number", "DOUBLE", regex, convert, lenient=True,
        mark=marked_by(flagged), priority=34,
    )


@register
def noted_number() -> Detector:
    """Numbers with a word in parentheses after them, a note on the figure: CDC WONDER's rates
    "12.3 (Unreliable)" (fewer than 20 deaths), a "(provisional)" or "(e)"; typed as the
    number, values without a note pass too. Not accounting's "(1,234)": digits are no note;
    nor a letter or two glued to the number, a code's part: PowerSchool's periods "1(A)",
    "3(B)" (the A or B day)."""
    regex = rf"\s*[-+]?{NUM}{_NOTE}?\s*"

    def convert(col: str, _sql_type: str) -> str:
        value = shaped(col, regex)
        return f"TRY_CAST(trim(split_part({value}, '(', 1)) AS DOUBLE)"

    noted = rf"[0-9.]{_NOTE}\s*$"
    return Detector(
        "noted_number", "DOUBLE", regex, convert, lenient=True,
        mark=marked_by(noted), priority=33,
    )


_WHOLE_DIGITS = lit(r"^\s*[-+]?[0-9][0-9,]*")


@register
def noted_integer() -> Detector:
    """Whole numbers with a footnote mark glued after them or a note in parentheses (MMWR's
    NNDSS counts "87†", "1,234§"; CDC WONDER's provisional years "2022 (provisional)",
    "2023 (provisional and partial)"), typed as whole numbers; values without one pass too.
    Above `flagged_number` and `noted_number`, which read the same values as DOUBLE: a count
    or a year with a footnote is still whole. (Not Eurostat's and FAO's letters after a space:
    their tables stay `flagged_number`'s.)"""
    after = rf"(?:{_FOOTNOTE}|{_NOTE})"
    # (Grouped by commas only with a mark: bare, they are `thousands'`.)
    regex = rf"\s*[-+]?(?:[0-9]+{after}?|(?:{_US_GROUPED}){after})\s*"
    guard = rf"\s*[-+]?(?:[0-9]+|{_US_GROUPED}){after}?\s*"

    def convert(col: str, sql_type: str) -> str:
        digits = f"regexp_extract({shaped(col, guard)}, {_WHOLE_DIGITS})"
        return f"TRY_CAST(replace(trim({digits}), ',', '') AS {sql_type})"

    noted = rf"[0-9]{after}\s*$"
    return Detector(
        "noted_integer", "BIGINT", regex, convert, lenient=True,
        mark=marked_by(noted), priority=39,
    )


# An estimate written with its margin of error or its interval after it, as survey tables
# publish them: the NIS's VaxView coverage "85.3 (±2.1)", "91.5 (±4.4)‡" (a footnote after it),
# "85.3 ± 2.1", the WHO GHO's Display Value "72.5 [70.1-74.8]", a confidence interval "12.4
# (10.9-14.1)".
_BOUND = rf"[-+]?{NUM}"
_RANGE = rf"{_BOUND}\s*(?:[-–,]|to)\s*{_BOUND}"
_PLUS_MINUS = r"(?:±|\+/-|\+-)"
_INTERVAL = (
    rf"(?:\(\s*{_PLUS_MINUS}\s*{NUM}\s*\)|{_PLUS_MINUS}\s*{NUM}|\[\s*{_RANGE}\s*\]|\(\s*{_RANGE}\s*\))"
)


@register
def interval_estimate() -> Detector:
    """Estimates written with their margin of error or interval ("85.3 (±2.1)", "85.3 ± 2.1",
    "72.5 [70.1-74.8]", "12.4 (10.9-14.1)"), a footnote mark after them at times ("91.5
    (±4.4)‡"); typed as the estimate, values without one pass too. The margin or bounds are
    dropped: `decide`'s reason gives the SQL that reads them from the raw layer."""
    regex = rf"\s*[-+]?{NUM}(?:\s*{_INTERVAL})?{_FOOTNOTE}?\s*"

    def convert(col: str, _sql_type: str) -> str:
        return f"TRY_CAST(regexp_extract({shaped(col, regex)}, {lit(_LEADING_NUMBER)}) AS DOUBLE)"

    interval = rf"[0-9.]\s*{_INTERVAL}{_FOOTNOTE}?\s*$"
    return Detector(
        "interval_estimate", "DOUBLE", regex, convert, lenient=True,
        mark=marked_by(interval), priority=31,
    )


# A scale's answer written with its label after its number, as survey tools export the labelled
# points of a scale: ANES's "80. Age 80 or older" and "-9. Refused", Qualtrics' choice text
# "10 - Extremely likely" (also "1 = Strongly disagree", "3: Neutral"). The label starts with a
# letter: "5-10" is a range, "1.5" a decimal.
_LABEL_SEPARATOR = r"\s*(?:[.:=]|[-–])\s*"
_LABEL_START = "[A-Za-zÀ-ÿ]"
_LABEL_AFTER = _LABEL_SEPARATOR + _LABEL_START
# (Python's reading of one such value: its number, then its label.)
SCALE_LABEL = re.compile(rf"\s*(-?[0-9]{{1,3}}){_LABEL_SEPARATOR}({_LABEL_START}.{{0,79}})")
_LEADING_WHOLE = r"^\s*-?[0-9]+"


@register
def labelled_scale() -> Detector:
    """Whole numbers of a scale whose ends (or codes) carry a label ("10 - Extremely likely"
    beside "7", "8", "9"), typed as the numbers (10); plain numbers pass too. Shortlisted only
    where the labelled values are the scale's ends or codes (see `sampling.scale_labels`)."""
    regex = rf"\s*-?[0-9]{{1,3}}(?:{_LABEL_AFTER}.{{0,79}})?\s*"

    def convert(col: str, sql_type: str) -> str:
        return f"TRY_CAST(trim(regexp_extract({shaped(col, regex)}, {lit(_LEADING_WHOLE)})) AS {sql_type})"

    labelled = "[0-9]" + _LABEL_AFTER
    return Detector(
        "labelled_scale", "BIGINT", regex, convert, lenient=True,
        mark=marked_by(labelled), priority=32,
    )


# Numbers with the minus sign after them, as SAP and other ERP exports write a negative
# quantity or amount ("134-", "1,234.50-", "1.234,50-"). The values without a sign read too;
# the pattern needs a trailing minus somewhere in the column to be chosen (it is lenient).
def _trailing_minus(
    name: PatternName, shape: str, data_type: DataType, grouping: str, *, decimal_comma: bool, priority: int
) -> Detector:
    """``grouping``: the characters that group digits in ``shape``, taken out before the cast."""
    regex = rf"\s*{shape}-?\s*"

    def convert(col: str, sql_type: str) -> str:
        text = f"replace({shaped(col, regex)}, '-', '')"
        for separator in grouping:
            text = f"replace({text}, {lit(separator)}, '')"
        if decimal_comma:
            text = f"replace({text}, ',', '.')"
        sign = f"(1 - 2 * CAST(contains({col}, '-') AS INTEGER))"
        return f"CAST(TRY_CAST({text} AS {sql_type}) * {sign} AS {sql_type})"

    return Detector(
        name, data_type, regex, convert, lenient=True,
        mark=lambda col: f"contains({col}, '-')", priority=priority,
    )


@register
def trailing_minus_integer() -> Detector:
    """Whole numbers with the minus after them ("134-", "7"), as ERP exports write them."""
    return _trailing_minus("trailing_minus_integer", "[0-9]+", "BIGINT", "", decimal_comma=False, priority=38)


@register
def trailing_minus() -> Detector:
    """Numbers with a decimal point and the minus after them ("1,234.50-", "0.5")."""
    return _trailing_minus("trailing_minus", _ANY_US, "DOUBLE", _US_SEPARATORS, decimal_comma=False, priority=37)


@register
def trailing_minus_eu() -> Detector:
    """Numbers with a decimal comma and the minus after them ("1.234,50-", "13098,42")."""
    return _trailing_minus("trailing_minus_eu", _ANY_EU, "DOUBLE", "." + _SPACES, decimal_comma=True, priority=34)


# Bank and card statements of the UK, Ireland, Australia and India, and ledgers printed with
# balances, mark an amount's side with CR or DR after it ("1,204.80 CR", "195.20 DR",
# "178.36CR", "Dr"): credits above zero, debits below, as a balance is read from the
# customer's side. The shape counts grouped amounts without a mark too, so that the sample
# sees a statement's charges read beside its marked credits; `sampling` shortlists the
# pattern only where it reads more of the sample than `grouped_number`.
_CREDIT_DEBIT = r"(?i:cr|dr)"


@register
def credit_debit() -> Detector:
    """Amounts with CR or DR after them ("1,204.80 CR", "195.20 DR", "178.36CR"), as
    Commonwealth bank statements write balances; typed as signed numbers, DR below zero. The
    values without a mark read as written."""
    regex = rf"\s*[-+]?(?:{_ANY_US}{_GAP}{_CREDIT_DEBIT}|{_GROUPED_US})\s*"
    guard = rf"\s*[-+]?{_ANY_US}(?:{_GAP}{_CREDIT_DEBIT})?\s*"
    digits = r"[0-9][0-9" + _US_SEPARATORS + r"]*(?:\.[0-9]+)?|\.[0-9]+"

    def convert(col: str, _sql_type: str) -> str:
        text = f"regexp_extract({shaped(col, guard)}, {lit(digits)})"
        for separator in _US_SEPARATORS:
            text = f"replace({text}, {lit(separator)}, '')"
        # (Only a number, a sign and the two letters pass the shape: a D is a debit's.)
        return f"TRY_CAST({text} AS DOUBLE) * {_negative(col, 'D', 'd')}"

    # Likewise an R is a mark's: CR or DR.
    return Detector(
        "credit_debit", "DOUBLE", regex, convert, lenient=True,
        mark=lambda col: f"(contains({col}, 'R') OR contains({col}, 'r'))", priority=37,
    )


@register
def unicode_minus() -> Detector:
    """Numbers with the typographic minus sign U+2212 ("\u22125.5"), as tables copied from web
    pages (Wikipedia's among them) write negatives."""
    regex = rf"\s*{_SIGN}?{NUM}\s*"
    return Detector(
        "unicode_minus", "DOUBLE", regex,
        lambda col, _t: f"TRY_CAST({_ascii_minus(shaped(col, regex))} AS DOUBLE)",
        lenient=True, mark=lambda col: f"contains({col}, {lit(MINUS_SIGN)})", priority=33,
    )


# A percentage's number: a decimal point or, as much of Europe writes it, a decimal comma
# ("12,5 %"). A comma in a percentage is never a thousands separator in practice.
_PERCENT_NUMBER = r"(?:[0-9]+(?:[.,][0-9]*)?|[.,][0-9]+)"


@register
def percent() -> Detector:
    """Percentages, typed as the number written: "12.5%" becomes 12.5, not 0.125; "12,5 %"
    too, with a no-break space before the sign as French typography sets it, and the sign
    first as Turkish writes it ("%97,1")."""
    gap = "[ \u00a0\u202f]*"  # (RE2's \s, unlike Python's, is no no-break space)
    regex = rf"\s*(?:[-+]?{_PERCENT_NUMBER}{gap}%|%{gap}[-+]?{_PERCENT_NUMBER})\s*"

    def convert(col: str, _sql_type: str) -> str:
        # replace, not rtrim: trimming a character set costs ten times more.
        text = f"replace(replace({col}, '%', ''), ',', '.')"
        return f"TRY_CAST(replace(replace({text}, '\u00a0', ''), '\u202f', '') AS DOUBLE)"

    return Detector(
        "percent", "DOUBLE", regex, convert,
        lenient=True, mark=lambda col: f"contains({col}, '%')", unit="%", priority=60,
    )


def _rating(name: PatternName, scale: int) -> Detector:
    """Scores written over their scale ("4.1/5", "3.8 /5", "7/10": Zomato's and review sites'
    ratings), typed as the score; the pattern names the scale."""
    regex = rf"\s*(?:[0-9]{{1,3}}(?:\.[0-9]+)?|\.[0-9]+)\s*/\s*{scale}\s*"
    return Detector(
        name, "DOUBLE", regex,
        lambda col, _t: f"TRY_CAST(trim(split_part({shaped(col, regex)}, '/', 1)) AS DOUBLE)", priority=55,
    )


@register
def rating_5() -> Detector:
    """Scores out of 5 ("4.1/5")."""
    return _rating("rating_5", 5)


@register
def rating_10() -> Detector:
    """Scores out of 10 ("7.5/10")."""
    return _rating("rating_10", 10)


@register
def unit_value() -> Detector:
    """Numbers followed by a unit ("12.5 kg", "10.36 mph", "3km", "20 °C", "1,250.5 KG",
    "12.3 CBM"); typed as the number."""
    return Detector(
        "unit_value", "DOUBLE", rf"\s*[-+]?{_UNIT_NUM}\s*{_UNIT}\s*",
        lambda col, _t: f"TRY_CAST({_unit_number(col)} AS DOUBLE)",
        lenient=True, mark=lambda col: f"{_unit_marker(col)} IS NOT NULL",
        marker=_unit_marker, priority=60,
    )


# Heights in feet and inches, as sports rosters and people's records write them: "5'7",
# "5' 11\"", "6'0''", "6 ft 2 in", "6ft". Feet by a prime or "ft", inches (possibly with a
# half) by a double prime, two primes or "in".
_FEET = r"[0-9]{1,2}\s*(?:['" + "\u2032\u2019" + r"]|ft\.?|feet)"
_INCHES = r"(?:[0-9]|1[01])(?:\.[0-9]+)?\s*(?:[\"" + "\u2033\u201d" + r"]|''|in\.?|inch(?:es)?)?"


def _captured(text: str, pattern: str) -> str:
    """SQL: the number the pattern's first group captures in ``text``, NULL without one."""
    return f"TRY_CAST(nullif(regexp_extract({text}, {lit(pattern)}, 1), '') AS DOUBLE)"


@register
def feet_inches() -> Detector:
    """Heights written in feet and inches ("5'7", "6' 2\"", "6 ft 1 in"); typed as inches
    (67.0, 74.0, 73.0), the unit the decision reports."""
    regex = rf"\s*{_FEET}\s*(?:{_INCHES})?\s*"

    def convert(col: str, _sql_type: str) -> str:
        value = shaped(col, regex)
        feet = _captured(value, r"^\s*([0-9]+)")
        inches = _captured(col, r"^\s*[0-9]+[^0-9]+([0-9.]+)")
        return f"{feet} * 12 + coalesce({inches}, 0)"

    return Detector("feet_inches", "DOUBLE", regex, convert, unit="in", priority=40)


# Elapsed times of minutes and seconds with a fraction ("1:38.109", a Formula 1 lap; "16:44.718"):
# no clock writes a time of day so. Read as seconds.
# (Or hours, minutes and seconds: Formula 1's lap of a red-flagged race, "1:05:07.527" among
# "1:33.276".)
_MINUTES_SECONDS = r"(?:[0-9]{1,2}:[0-5][0-9]|[0-9]{1,3}):[0-5][0-9]\.[0-9]{1,9}"


def _clock_sum(value: str, weights: tuple[int, ...], sql_type: str) -> str:
    """SQL: the parts of a value written with colons, each times its weight, summed (minutes
    and seconds with weights 60 and 1); NULL for other text."""
    return " + ".join(
        f"TRY_CAST(split_part({value}, ':', {place}) AS {sql_type}) * {weight}" for place, weight in enumerate(weights, 1)
    )


def _seconds_of(value: str) -> str:
    """SQL: seconds from minutes and seconds ("1:38.109" is 98.109), or hours, minutes and
    seconds ("1:05:07.527" is 3907.527), NULL for other text; rounded to the nanoseconds the
    shape allows, so that the sum's binary noise (107.20400000000001) does not reach the
    profile's values."""
    hours = f"length({value}) - length(replace({value}, ':', '')) = 2"
    return (
        f"round(CASE WHEN {hours} THEN {_clock_sum(value, (3600, 60, 1), 'DOUBLE')}"
        f" ELSE {_clock_sum(value, (60, 1), 'DOUBLE')} END, 9)"
    )


@register
def hemisphere_degrees() -> Detector:
    """Coordinates in degrees with their hemisphere's letter ("57.05N", "10.33E", "33.86S":
    Berkeley Earth's Latitude and Longitude); typed as signed degrees, south and west below
    zero. A decimal point and no space: "8E" is an apartment, "12.5 N" a force."""
    regex = r"\s*(?:[0-9]{1,2}|1[0-7][0-9]|180)\.[0-9]{1,8}[NSEW]\s*"

    def convert(col: str, _sql_type: str) -> str:
        value = f"trim({shaped(col, regex)})"
        sign = f"CASE WHEN suffix({value}, 'S') OR suffix({value}, 'W') THEN -1 ELSE 1 END"
        return f"TRY_CAST(left({value}, -1) AS DOUBLE) * {sign}"

    return Detector("hemisphere_degrees", "DOUBLE", regex, convert, unit="deg", priority=62)


@register
def dms_degrees() -> Detector:
    """Coordinates in degrees, minutes and seconds with their hemisphere ("40°26'46\"N",
    "73°59'54.3\" W", "40° 26.767' N", "N 40°26'46\"": aviation, maritime and survey data);
    typed as signed decimal degrees, south and west below zero."""
    minutes = r"[0-9]{1,2}(?:\.[0-9]+)?\s*['′]"
    seconds = r"[0-9]{1,2}(?:\.[0-9]+)?\s*(?:\"|″|'')"
    angle = rf"[0-9]{{1,3}}\s*°\s*(?:{minutes}\s*(?:{seconds})?)?"
    regex = rf"\s*(?:[NSEW]\s*{angle}|{angle}\s*[NSEW])\s*"

    def convert(col: str, _sql_type: str) -> str:
        value = shaped(col, regex)
        degrees = _captured(value, r"([0-9]+)\s*°")
        minutes_part = _captured(value, r"°\s*([0-9.]+)")
        seconds_part = _captured(value, r"['′]\s*([0-9.]+)")
        sign = f"CASE WHEN regexp_matches({value}, '[SW]') THEN -1 ELSE 1 END"
        return f"({degrees} + coalesce({minutes_part}, 0) / 60 + coalesce({seconds_part}, 0) / 3600) * {sign}"

    return Detector("dms_degrees", "DOUBLE", regex, convert, unit="deg", priority=62)


@register
def duration() -> Detector:
    """Elapsed times in minutes and seconds with a fraction ("1:38.109", "16:44.718": lap and
    race times, call and task durations); typed as seconds (98.109)."""
    regex = rf"\s*{_MINUTES_SECONDS}\s*"
    return Detector(
        "duration", "DOUBLE", regex, lambda col, _t: _seconds_of(f"trim({shaped(col, regex)})"), unit="s", priority=42,
    )


@register
def elapsed_time() -> Detector:
    """Hours, minutes and seconds under a name of a length of time (Google Analytics' "Avg.
    Session Duration" 00:02:15, a call's duration): elapsed, typed as seconds (135), not a
    time of day, whatever a clock would read in them."""
    regex = r"\s*[0-9]{1,3}:[0-5][0-9]:[0-5][0-9](?:\.[0-9]{1,9})?\s*"

    def convert(col: str, _sql_type: str) -> str:
        return f"round({_clock_sum(f'trim({shaped(col, regex)})', (3600, 60, 1), 'DOUBLE')}, 9)"

    return Detector("elapsed_time", "DOUBLE", regex, convert, unit="s", priority=103, named=names_a_length_of_time)


# Elapsed minutes and seconds without a fraction ("34:12" minutes played, "47:51"), some past
# the 23 a clock's hour stops at. Beside a name of a time of day (a timetable's "25:13") or of
# a match's score ("21:14"), no; a column a clock reads whole is no shortlist (see `sampling`).
_SCORE_WORDS = frozenset({"score", "scores", "result", "results", "ht", "ft", "halftime", "fulltime", "ratio", "aspect"})


def _elapsed_name(name: str) -> bool:
    tokens = name_tokens(name)
    return not looks_like_clock(name) and not _SCORE_WORDS.intersection(tokens)


@register
def minutes_seconds() -> Detector:
    """Elapsed minutes and seconds ("34:12", "47:51": NBA's minutes played, track and video
    lengths) in a column where some values count past 23, which no clock writes; typed as
    whole seconds (2052). A column whose every value reads as hours and minutes stays TIME.
    Whole minutes among them ("24": older seasons' box scores) are those minutes (1440 s)."""
    regex = r"\s*[0-9]{1,3}:[0-5][0-9]\s*"
    guard = r"\s*[0-9]{1,3}(?::[0-5][0-9])?\s*"

    def convert(col: str, sql_type: str) -> str:
        value = f"trim({shaped(col, guard)})"
        return (
            f"CASE WHEN contains({value}, ':') THEN {_clock_sum(value, (60, 1), sql_type)}"
            f" ELSE CAST(TRY_CAST({value} AS {sql_type}) * 60 AS {sql_type}) END"
        )

    return Detector(
        "minutes_seconds", "BIGINT", regex, convert, unit="s", priority=43, named=_elapsed_name,
        lenient=True, mark=lambda col: f"contains({col}, ':')",
    )


@register
def elapsed_or_minutes_seconds() -> Detector:
    """Lengths of time of an hour or more as h:mm:ss beside shorter ones as mm:ss, the hour
    dropped where it is zero (podcast exports' Duration "1:02:33" beside "45:12"; iTunes' and
    Spotify's track lists): three parts are hours, minutes and seconds, two minutes and
    seconds; typed as whole seconds. Under a name of a length of time only, and only where
    the sample shows both forms: a clock would read "21:02" as a time of day."""
    regex = r"\s*(?:[0-9]{1,3}:[0-5][0-9]|[0-9]{1,3}):[0-5][0-9]\s*"

    def convert(col: str, sql_type: str) -> str:
        value = f"trim({shaped(col, regex)})"
        colons = f"length({value}) - length(replace({value}, ':', ''))"
        return (
            f"CASE {colons} WHEN 2 THEN {_clock_sum(value, (3600, 60, 1), sql_type)}"
            f" WHEN 1 THEN {_clock_sum(value, (60, 1), sql_type)} END"
        )

    return Detector(
        "elapsed_or_minutes_seconds", "BIGINT", regex, convert, unit="s", priority=44,
        named=names_a_length_of_time, parts=("elapsed_time", "minutes_seconds"),
    )


def _counts_hours(name: str) -> bool:
    return names_hours(name) or names_a_long_activity(name)


@register
def elapsed_hours() -> Detector:
    """Hours and minutes h:mm under a name of hours counted (Kronos/UKG timecards' Hours and
    Daily Total: a day's "8:29", a week's "40:15", a negative adjustment "-0:30") or of the
    length of an activity that lasts hours (TeslaFi's Charge Duration "7:46"): a length of
    time, typed as whole seconds (30540, 144900) as other lengths of time are; not a time of
    day, nor minutes and seconds 60 times too small. Above `time` and `minutes_seconds`."""
    regex = r"\s*-?[0-9]{1,4}:[0-5][0-9]\s*"

    def convert(col: str, sql_type: str) -> str:
        value = f"trim({shaped(col, regex)})"
        sign = f"CASE WHEN starts_with({value}, '-') THEN -1 ELSE 1 END"
        unsigned = f"replace({value}, '-', '')"
        return f"({_clock_sum(unsigned, (3600, 60), sql_type)}) * {sign}"

    return Detector("elapsed_hours", "BIGINT", regex, convert, unit="s", priority=102, named=_counts_hours)


@register
def hours_minutes() -> Detector:
    """Spans written in hours and minutes ("2h 50m", "19h", "45m": flight durations); typed
    as minutes (170, 1140, 45). Below `unit_value`: a column of hours alone ("19h") or of
    "12m" alone (metres, as likely) keeps its one unit."""
    regex = r"\s*(?:[0-9]{1,3}h(?:\s?[0-9]{1,2}m)?|[0-9]{1,3}m)\s*"

    def convert(col: str, _sql_type: str) -> str:
        value = shaped(col, regex)
        hours, minutes = _captured(value, "([0-9]+)h"), _captured(value, "([0-9]+)m")
        return f"CASE WHEN {value} IS NOT NULL THEN coalesce({hours}, 0) * 60 + coalesce({minutes}, 0) END"

    return Detector("hours_minutes", "DOUBLE", regex, convert, unit="min", priority=58)


# Days in a span of years, months and weeks, for ages written so ("2 years", "3 weeks").
_SPAN_DAYS = {"year": 365.25, "month": 30.4375, "week": 7.0, "day": 1.0}


@register
def age_span() -> Detector:
    """Ages and spans written with their calendar unit ("2 years", "3 weeks", "1 month", as the
    Austin Animal Center writes ages), units mixed in one column; typed as days. Below
    `unit_value`, which reads a column of one such unit in that unit."""
    regex = r"\s*[0-9]{1,4}\s?(?i:years?|months?|weeks?|days?)\s*"

    def convert(col: str, _sql_type: str) -> str:
        value = f"lower({shaped(col, regex)})"
        number = f"TRY_CAST(regexp_extract({value}, '[0-9]+') AS DOUBLE)"
        factor = "CASE " + " ".join(
            f"WHEN contains({value}, {lit(unit)}) THEN {days}" for unit, days in _SPAN_DAYS.items()
        ) + " END"
        return f"{number} * {factor}"

    return Detector("age_span", "DOUBLE", regex, convert, unit="day", priority=58)


# ISO 8601 durations of weeks, days, hours, minutes and seconds ("PT2H50M", "P1DT3H",
# "PT45.5S": YouTube's contentDetails, schedules, API exports). At least one figure; years and
# months are left out, their length in seconds depends on the calendar.
_ISO_SECONDS = r"[0-9]+(?:\.[0-9]+)?S"
_ISO_TIME = rf"T(?:[0-9]+H(?:[0-9]+M)?(?:{_ISO_SECONDS})?|[0-9]+M(?:{_ISO_SECONDS})?|{_ISO_SECONDS})"
_ISO_SPAN_SECONDS = {"W": 604800, "D": 86400, "H": 3600, "M": 60}


@register
def iso_duration() -> Detector:
    """ISO 8601 durations ("PT2H50M", "P1DT3H", "PT45.5S", "P2W"); typed as seconds."""
    regex = rf"\s*P(?:[0-9]+W|[0-9]+D(?:{_ISO_TIME})?|{_ISO_TIME})\s*"

    def convert(col: str, _sql_type: str) -> str:
        value = shaped(col, regex)
        parts = [f"coalesce({_captured(value, f'([0-9]+){letter}')}, 0) * {seconds}" for letter, seconds in _ISO_SPAN_SECONDS.items()]
        seconds = _captured(value, "([0-9.]+)S")
        return f"CASE WHEN {value} IS NOT NULL THEN {' + '.join(parts)} + coalesce({seconds}, 0) END"

    return Detector("iso_duration", "DOUBLE", regex, convert, unit="s", priority=58)


# Timedeltas as pandas writes them to CSV ("0 days 06:00:00", "1 days 00:00:00.500000"): a
# forecast's lead time (ERA5/GFS fields read with cfgrib, "step"), any Timedelta column. A
# negative span keeps its clock part positive after the days ("-1 days +23:00:00" is -3600 s).
_PANDAS_DAYS = r"-?[0-9]{1,6} days? "
_PANDAS_CLOCK = r"\+?[0-9]{2}:[0-5][0-9]:[0-5][0-9](?:\.[0-9]{1,9})?"


@register
def pandas_timedelta() -> Detector:
    """Spans as pandas prints a Timedelta, days and then hh:mm:ss ("0 days 06:00:00",
    "-1 days +23:00:00"); typed as seconds (21600, -3600), as the other lengths of time."""
    regex = rf"\s*{_PANDAS_DAYS}{_PANDAS_CLOCK}\s*"

    def convert(col: str, _sql_type: str) -> str:
        value = shaped(col, regex)
        clock = f"regexp_extract({value}, '([0-9]{{2}}:[0-9]{{2}}:[0-9.]+)', 1)"
        days = _captured(value, "(-?[0-9]+) day")
        return f"round({days} * 86400 + {_clock_sum(clock, (3600, 60, 1), 'DOUBLE')}, 9)"

    return Detector("pandas_timedelta", "DOUBLE", regex, convert, unit="s", priority=56)


# Spans as Go writes a time.Duration and the tools built on it print them: kubectl's AGE
# and LAST SEEN ("5d2h", "3m12s", "118s", "90d"), GitHub's and GitLab's job durations
# ("1m 23s", "2h 3m 4s"), Go, Envoy and Traefik latencies ("250ms", "1.234567s",
# "1m30.5s", "850µs"). Days, hours, minutes and seconds in that order, a space between
# them or none; a fraction on seconds and below only, as Go writes them.
_GO_SECONDS = r"[0-9]{1,9}(?:\.[0-9]{1,9})?"
_GO_MINUTES = rf"[0-9]{{1,4}}m(?:\s?{_GO_SECONDS}s)?"
_GO_HOURS = rf"[0-9]{{1,6}}h(?:\s?{_GO_MINUTES}|\s?{_GO_SECONDS}s)?"
_GO_SPAN = (
    rf"[0-9]{{1,5}}d(?:\s?{_GO_HOURS}|\s?{_GO_MINUTES}|\s?{_GO_SECONDS}s)?|{_GO_HOURS}|{_GO_MINUTES}"
    rf"|{_GO_SECONDS}(?:s|ms|µs|μs|us|ns)"
)
# Seconds in each part, by the pattern that captures its number: minutes are an "m" not
# followed by "s" (that is milliseconds), seconds an "s" right after digits.
_GO_PARTS = (
    ("([0-9]+)d", 86400), ("([0-9]+)h", 3600), ("([0-9]+)m(?:[^s]|$)", 60), ("([0-9.]+)s", 1),
    ("([0-9.]+)ms", 1e-3), ("([0-9.]+)(?:µs|μs|us)", 1e-6), ("([0-9.]+)ns", 1e-9),
)


@register
def compound_duration() -> Detector:
    """Spans written as Go prints durations, kubectl ages and CI job times ("5d2h", "3m12s",
    "1m 23s", "250ms", "1.234567s", "850µs"), units mixed in one column; typed as seconds.
    Below `unit_value`, which reads a column of one unit ("118s") in that unit, and
    `hours_minutes`, which reads flights' "2h 50m" in minutes."""
    regex = rf"\s*(?:{_GO_SPAN})\s*"

    def convert(col: str, _sql_type: str) -> str:
        value = shaped(col, regex)
        parts = " + ".join(f"coalesce({_captured(value, pattern)}, 0) * {seconds!r}" for pattern, seconds in _GO_PARTS)
        # (Rounded to the nanoseconds Go writes, so that 850e-6's binary noise stays out.)
        return f"CASE WHEN {value} IS NOT NULL THEN round({parts}, 9) END"

    return Detector("compound_duration", "DOUBLE", regex, convert, unit="s", priority=57)


# Spans written in words, as ServiceNow displays its durations ("2 Hours 15 Minutes", "1 Day 1
# Hour 1 Minute", "38 Seconds") and Jira its Time Spent ("2 days, 3 hours"): weeks to seconds,
# largest first, each part's number and unit word, a comma between parts at times.
_SPAN_WORDS = (
    ("(?i:weeks?|wks?)", 604800), ("(?i:days?)", 86400), ("(?i:hours?|hrs?)", 3600),
    ("(?i:minutes?|mins?)", 60), ("(?i:seconds?|secs?)", 1),
)
_WORDED_PART = r"[0-9]{1,6}(?:\.[0-9]+)?\s?(?:" + "|".join(word for word, _ in _SPAN_WORDS) + ")"
# A part's number before its unit word, and the end of the word (no longer word starts so).
_WORDED_NUMBER = r"([0-9.]+)\s?"
_WORD_END = "(?:[^a-zA-Z]|$)"


@register
def worded_duration() -> Detector:
    """Spans written in words, units mixed in one column (ServiceNow's calendar_duration "2 Hours
    15 Minutes" beside "3 Days"; Jira's "2 days, 3 hours"); typed as seconds. Below `age_span`
    and `unit_value`, which read a column of days or weeks alone as they always have."""
    regex = rf"\s*{_WORDED_PART}(?:,?\s{_WORDED_PART})*\s*"

    def convert(col: str, _sql_type: str) -> str:
        value = shaped(col, regex)
        parts = " + ".join(
            f"coalesce({_captured(value, _WORDED_NUMBER + word + _WORD_END)}, 0) * {seconds}" for word, seconds in _SPAN_WORDS
        )
        return f"CASE WHEN {value} IS NOT NULL THEN {parts} END"

    return Detector("worded_duration", "DOUBLE", regex, convert, unit="s", priority=55)


# A length of time as ServiceNow stores its durations (glide_duration: business_duration,
# calendar_duration, time_worked, an SLA's business_time_left): the moment that long after the
# Unix epoch, "1970-01-01 02:15:00" for 2 hours 15 minutes, as a raw export or the table API writes it.
_EPOCH_SPAN = r"\s*1970-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])[ T](?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]\s*"


@register
def epoch_duration() -> Detector:
    """Lengths of time written as the date-time that long after 1970-01-01 00:00:00 (ServiceNow's
    business_duration "1970-01-03 18:00:00" is 2 days 18 hours), under a name of a length of
    time only; typed as seconds (237600), not moments of January 1970."""

    def convert(col: str, _sql_type: str) -> str:
        return f"CAST(epoch(TRY_CAST({shaped(col, _EPOCH_SPAN)} AS TIMESTAMP)) AS DOUBLE)"

    return Detector(
        "epoch_duration", "DOUBLE", _EPOCH_SPAN, convert, unit="s", priority=104, named=names_a_length_of_time,
    )


def _names_cpu(name: str) -> bool:
    """Kubernetes' and cloud billing's CPU columns: ``cpu_request``, ``CPU(cores)``, ``vcpu``."""
    return bool({"cpu", "cpus", "vcpu", "vcpus", "cores", "millicores"}.intersection(name_tokens(name)))


@register
def cpu_quantity() -> Detector:
    """CPU as Kubernetes writes it, under a CPU's name: "250m" is 250 millicores, a quarter of
    a core, beside whole cores written bare ("1", "2"), and metrics-server's nanocores
    ("123456789n"); typed as cores. Read as a number with a unit, "m" took the bare cores for
    millicores: the largest requests became the smallest."""
    regex = r"\s*[0-9]+(?:\.[0-9]+)?[mun]?\s*"

    def convert(col: str, _sql_type: str) -> str:
        value = shaped(col, regex)
        number = f"TRY_CAST(rtrim(trim({value}), 'mun') AS DOUBLE)"
        scale = (
            f"CASE right(trim({value}), 1) WHEN 'm' THEN 0.001 WHEN 'u' THEN 0.000001 WHEN 'n' THEN 0.000000001 ELSE 1 END"
        )
        return f"{number} * {scale}"

    return Detector(
        "cpu_quantity", "DOUBLE", regex, convert, lenient=True,
        mark=marked_by(r"[0-9][mun]\s*$"), named=_names_cpu, priority=62,
    )


# Words of an amount counted in a currency's smallest unit, past BIGINT's range on chain:
# Dune's and BigQuery's transactions.value in wei, an ERC-20 transfer's value and Etherscan's
# RawAmount in a token's base units (1 ETH is 10**18 wei).
_BASE_UNIT_AMOUNT_WORDS = frozenset({"value", "amount", "amt", "wei", "gwei", "balance", "supply"})
# DECIMAL's widest precision: every whole number of up to 38 digits, exact (all the ether
# there is, about 1.2e26 wei, takes 27).
WHOLE_AMOUNT_SQL_TYPE = "DECIMAL(38,0)"


def _names_an_amount_in_base_units(name: str) -> bool:
    """``value``, ``amount``, ``RawAmount``, ``value_wei``, ``balance``; not an identifier's name
    (``value_id``)."""
    return bool(_BASE_UNIT_AMOUNT_WORDS.intersection(name_tokens(name))) and not looks_like_identifier(name)


@register
def whole_amount() -> Detector:
    """Whole amounts past BIGINT's range (20 digits and more, up to 38) under an amount's name,
    beside smaller ones, typed exactly as DECIMAL(38,0): a raw EVM export's values in wei or a
    token's base units. Kept as text, as identifiers' digits are, they sorted as text and had
    no min, max or sum; as DOUBLE they would lose their last digits."""
    regex = r"\s*[-+]?[0-9]{1,38}\s*"

    def convert(col: str, sql_type: str) -> str:
        return f"TRY_CAST(trim({shaped(col, regex)}) AS {sql_type})"

    # (Shortlisted only where a sampled value is longer than BIGINT's digits: see `sampling`.)
    return Detector(
        "whole_amount", "DECIMAL", regex, convert, named=_names_an_amount_in_base_units, priority=64,
        sql_type=WHOLE_AMOUNT_SQL_TYPE,
    )


# Odds as UK bookmakers quote them: a fraction of the stake won ("5/2", "11/10", "100/30"),
# and evens ("evs", "evens"), which a bettor's log writes beside decimal odds.
_FRACTION_ODDS = r"[0-9]{1,4}\s*/\s*[1-9][0-9]{0,3}"
_EVENS = r"(?i:evs|evens|even)"


def _names_odds(name: str) -> bool:
    """A bet's odds: ``Odds``, ``fractional_odds``, ``price_odds``, a racing result's ``SP``
    and ``ISP`` (starting price, quoted as a fraction)."""
    return bool({"odds", "sp", "isp"}.intersection(name_tokens(name)))


@register
def fractional_odds() -> Detector:
    """Betting odds under an odds' name written as a fraction ("5/2") or evens ("evs") beside
    decimal odds, or alone, typed as decimal odds: a/b as 1 + a/b (5/2 is 3.5, 11/10 is 2.1),
    evens as 2. A bettor's log mixing the two sent each fractional bet to quarantine with its
    stake and P&L."""
    plain, fraction, evens = (rf"\s*{shape}\s*" for shape in (NUM, _FRACTION_ODDS, _EVENS))
    regex = rf"\s*(?:{NUM}|{_FRACTION_ODDS}|{_EVENS})\s*"

    def convert(col: str, _sql_type: str) -> str:
        quoted = shaped(col, fraction)
        ratio = (
            f"TRY_CAST(trim(split_part({quoted}, '/', 1)) AS DOUBLE)"
            f" / TRY_CAST(trim(split_part({quoted}, '/', 2)) AS DOUBLE)"
        )
        even = f"CASE WHEN {shaped(col, evens)} IS NOT NULL THEN 2.0 END"
        return f"coalesce(TRY_CAST({shaped(col, plain)} AS DOUBLE), 1 + {ratio}, {even})"

    return Detector(
        "fractional_odds", "DOUBLE", regex, convert, lenient=True,
        mark=marked_by(rf"/|^\s*{_EVENS}\s*$"), named=_names_odds, priority=63,
    )


# Sizes in bytes as people and tools write them: "350MB", "1.2 GB", "512 MiB", Kubernetes'
# memory "128Mi", "1.5Gi", "524288Ki" (beside bare bytes), "2,048 bytes". KB, MB and GB count
# in thousands (SI), KiB, MiB and GiB (and Ki, Mi, Gi) in 1024s. A lone "B" or "K" is left to
# magnitudes ("1.1B" is a billion); a lower-case "b" is a bit ("100 Mb" a link's speed).
_BYTE_SUFFIX = r"(?:[kKMGTP]i?B|[KMGTP]i|bytes?)"


@register
def byte_size() -> Detector:
    """Data sizes with their units ("350MB", "1.2 GB", "512 MiB", "128Mi", "1.5Gi"), units
    mixed in one column, bare numbers read as bytes; typed as bytes. Below `unit_value`,
    which reads a column of one unit ("350 MB") in that unit."""
    regex = rf"\s*[0-9][0-9,]*(?:\.[0-9]+)?\s?{_BYTE_SUFFIX}?\s*"

    def convert(col: str, _sql_type: str) -> str:
        value = shaped(col, regex)
        number = f"TRY_CAST(replace(regexp_extract({value}, '[0-9][0-9,]*(?:[.][0-9]+)?'), ',', '') AS DOUBLE)"
        suffix = f"regexp_extract({value}, {lit(_BYTE_SUFFIX)})"
        power = f"CASE upper(left({suffix}, 1)) WHEN 'K' THEN 1 WHEN 'M' THEN 2 WHEN 'G' THEN 3 WHEN 'T' THEN 4 WHEN 'P' THEN 5 ELSE 0 END"
        base = f"CASE WHEN contains({suffix}, 'i') THEN 1024 ELSE 1000 END"
        return f"{number} * pow({base}, {power})"

    return Detector(
        "byte_size", "DOUBLE", regex, convert, lenient=True,
        mark=marked_by(_BYTE_SUFFIX), unit="B", priority=56,
    )


@register
def bounded_years() -> Detector:
    """Years of a span written in buckets with their open ends ("10+ years", "< 1 year",
    "3 years": Lending Club's emp_length); typed as whole years, "10+" as 10 and "< 1" as 0
    (the whole number below the bound). Below `unit_value`, which reads plain "3 years"."""
    regex = r"\s*(?:<\s?[0-9]{1,3}|[0-9]{1,3}\+?)\s?(?i:years?|yrs?)\s*"

    def convert(col: str, sql_type: str) -> str:
        value = shaped(col, regex)
        number = f"TRY_CAST(regexp_extract({value}, '[0-9]+') AS {sql_type})"
        return f"CASE WHEN contains({value}, '<') THEN {number} - 1 ELSE {number} END"

    return Detector("bounded_years", "BIGINT", regex, convert, unit="year", priority=57)


# Bounds written in words beside plain whole numbers ("Less than 1 year", "More than 50
# years": the Stack Overflow survey's YearsCode among "1" to "50", its Age1stCode "Younger than
# 5 years" and "Older than 85").
_BOUND_WORDS = r"(?i:less than|fewer than|younger than|under|below|more than|older than|over|above|at least|up to)"
# ...or after it: the General Social Survey's ages "89 or older", hours "89+ hrs" (a bare
# "4+" is `lower_bound`'s).
_BOUND_AFTER = r"\s+(?i:or|and)\s+(?i:older|over|more|above|greater|higher|longer)"
_UNIT_WORD = r"(?i:years?|yrs?|months?|weeks?|days?|hours?|hrs?|times?)"
_BOUND_UNIT = rf"(?:\s+{_UNIT_WORD})?"
_PLUS_UNIT = rf"\+\s*{_UNIT_WORD}"


@register
def worded_bound() -> Detector:
    """Whole numbers, some written as a bound in words ("Less than 1 year", "More than 50
    years") among plain ones; typed as whole numbers, a bound from below as its number and
    one from above as the number below it ("less than 1" is 0), as `bounded_years` reads
    "10+" and "< 1". Lenient: a column needs one worded bound at least."""
    regex = rf"\s*(?:(?:{_BOUND_WORDS}\s+)?[0-9]{{1,6}}(?:{_BOUND_AFTER})?{_BOUND_UNIT}|[0-9]{{1,6}}{_PLUS_UNIT})\s*"

    def convert(col: str, sql_type: str) -> str:
        value = shaped(col, regex)
        number = f"TRY_CAST(regexp_extract({value}, '[0-9]+') AS {sql_type})"
        below = f"regexp_matches({value}, '(?i)less|fewer|younger|under|below|up to')"
        return f"CASE WHEN {below} THEN {number} - 1 ELSE {number} END"

    return Detector(
        "worded_bound", "BIGINT", regex, convert, lenient=True,
        mark=marked_by(f"{_BOUND_WORDS}|{_BOUND_AFTER}|[0-9]{_PLUS_UNIT}"), priority=36,
    )


@register
def duration_or_seconds() -> Detector:
    """Seconds ("23.272") beside elapsed times in minutes and seconds ("16:44.718"), as
    Formula 1's pit stop durations write them past a minute; typed as seconds. The sample
    must show both."""
    regex = rf"\s*(?:{_MINUTES_SECONDS}|{NUM})\s*"

    def convert(col: str, _sql_type: str) -> str:
        value = f"trim({shaped(col, regex)})"
        return f"CASE WHEN contains({value}, ':') THEN {_seconds_of(value)} ELSE TRY_CAST({value} AS DOUBLE) END"

    return Detector(
        "duration_or_seconds", "DOUBLE", regex, convert, unit="s", priority=41, parts=("duration", "float"),
    )


# Thousands, millions and billions written as a letter after the number ("1.2K", "3.4M",
# "1.1B", "2.5bn", "5MM" as finance writes millions). Not "m" (metres).
_MAGNITUDE = r"(?:[KMB]|k|bn|mn|MM)"
_MAGNITUDE_AT_END = _MAGNITUDE + r"\s*$"
# After a currency's mark the letters are a magnitude in either case: no unit follows money.
# Transfermarkt writes market values "€25.00m", "€800k", "€1.50bn".
_MONEY_MAGNITUDE = r"(?i:bn|mn|mm|[kmb])"
_MONEY_MAGNITUDE_AT_END = _MONEY_MAGNITUDE + r"\s*$"


def _magnitude_factor(col: str, at_end: str = _MAGNITUDE_AT_END) -> str:
    """SQL: what the value's magnitude letter (``at_end``'s) multiplies its number by (1
    without one). Read at the value's end only: a currency code before the number ("BRL 1.2M")
    has such letters."""
    suffix = f"lower(rtrim(regexp_extract({col}, {lit(at_end)})))"
    return (
        f"CASE {suffix} WHEN 'b' THEN 1e9 WHEN 'bn' THEN 1e9 WHEN 'm' THEN 1e6 WHEN 'mm' THEN 1e6"
        " WHEN 'mn' THEN 1e6 WHEN 'k' THEN 1e3 ELSE 1 END"
    )


@register
def abbreviated_number() -> Detector:
    """Counts and amounts abbreviated by their magnitude ("1.2K", "350k", "2.5M", "1.1B");
    typed as the whole number (1200.0, 2500000.0). A column whose values all end in "K"
    also reads as kelvins: `decide` takes kelvins only when the name says temperature."""
    regex = rf"\s*[-+]?{NUM}\s?{_MAGNITUDE}\s*"
    guard = rf"\s*[-+]?{NUM}\s?{_MAGNITUDE}?\s*"

    def convert(col: str, _sql_type: str) -> str:
        number = f"TRY_CAST(regexp_extract({shaped(col, guard)}, {lit(_LEADING_NUMBER)}) AS DOUBLE)"
        return f"{number} * {_magnitude_factor(col)}"

    return Detector(
        "abbreviated_number", "DOUBLE", regex, convert, lenient=True,
        mark=marked_by(_MAGNITUDE_AT_END), priority=61,
    )


@register
def currency_magnitude() -> Detector:
    """Money abbreviated by its magnitude ("$1.2B", "€350M", "£15K", "$900", and in lower case
    "€25.00m", "€800k", "€1.50bn"), as lists of companies and deals write revenues and
    valuations; DECIMAL in the currency's units."""
    money = rf"{_SIGN}?\s*{_CURRENCY_MARK}\s*{_SIGN}?\s*{NUM}"
    regex = rf"\s*{money}\s?{_MONEY_MAGNITUDE}\s*"
    guard = rf"\s*{money}\s?{_MONEY_MAGNITUDE}?\s*"
    number = r"[0-9]+(?:\.[0-9]*)?|\.[0-9]+"

    def convert(col: str, sql_type: str) -> str:
        amount = f"TRY_CAST(regexp_extract({shaped(col, guard)}, {lit(number)}) AS DOUBLE)"
        factor = _magnitude_factor(col, _MONEY_MAGNITUDE_AT_END)
        return f"CAST({amount} * {factor} * {_negative(col)} AS {sql_type})"

    def marker(col: str) -> str:
        """What is written before the amount ("$", "-$", "R$ "); `currency_code` strips signs
        and spaces."""
        return f"regexp_extract({col}, '^[^0-9.]*')"

    # Below `currency`: a column of plain amounts ("$1,234.50") keeps that pattern.
    return Detector(
        "currency_magnitude", "DECIMAL", regex, convert, lenient=True,
        mark=marked_by(_MONEY_MAGNITUDE_AT_END), marker=marker, priority=59,
    )


# ---- booleans --------------------------------------------------------------------------

# English, and the yes/no of German, French, Spanish and Italian exports.
# (1.00 and 0.00 as BTS's on-time data writes its CANCELLED and DIVERTED flags.)
TRUE_SPELLINGS: tuple[str, ...] = ("true", "t", "yes", "y", "on", "1", "1.0", "1.00", "ja", "oui", "si", "sí")
FALSE_SPELLINGS: tuple[str, ...] = ("false", "f", "no", "n", "off", "0", "0.0", "0.00", "nein", "non")


@register
def boolean() -> Detector:
    """Yes/no values in their usual spellings (true/false, yes/no, y/n, t/f, on/off, 1/0, and
    1.00/0.00: numbers, as for 1/0, unless the name reads as a yes/no flag)."""
    words = "|".join(re.escape(w) for w in TRUE_SPELLINGS + FALSE_SPELLINGS)

    def convert(col: str, _sql_type: str) -> str:
        # A map lookup rather than CASE: evaluated once per distinct value (see `shaped`).
        pairs = [f"{lit(w)}: TRUE" for w in TRUE_SPELLINGS]
        pairs += [f"{lit(w)}: FALSE" for w in FALSE_SPELLINGS]
        return f"map_extract_value(MAP {{{', '.join(pairs)}}}, lower(trim({col})))"

    return Detector("boolean", "BOOLEAN", rf"\s*(?i:{words})\s*", convert, priority=50)
