"""Numbers and dates that stand for a missing value in a typed column.

Survey, climate and registry data write "unknown" as a number of the column's own type: -9,
-99 or -9999 (the Global Terrorism Database, NOAA), -666666666 (the Census Bureau's ACS
tables, several in one column), an integer type's largest value (2147483647 for "no
limit"), -1 in a count of days (the UCI bank
marketing data's pdays), 999 for an age, 0 for an unknown month or day, and dates such as
1900-01-01 or the Unix epoch for a date never set. They are values to the typed layer, and
they drag its minimum, mean and percentiles along: an agent would report a mean of -29
perpetrators. Nothing is changed here (such a value may be real); the column's decision
says which value looks like a code and how often it occurs.

A value counts only where it cannot be mistaken for data: the column's smallest (or
largest) value, of a shape codes take, repeated, and set apart from every other value
(the others all at or above zero for a negative code; far below a code of nines at the
top; years away from a date code). The candidates come from the profile; one query
counts them and finds the next value, for the few columns that have one.

A concentration is never negative: assay and lab exports (acQuire, Micromine) write a result
below the detection limit as the limit negated, `-0.01` in `Au_ppm` for "under 0.01 ppm". A
column whose unit is one (ppm, ppb, %, mg/L, µg/L) and whose negative values are all a few
repeated ones names them so.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from datadossier.engine import quote_ident
from datadossier.enrichment.naming import names_a_year
from datadossier.inference.names import looks_like_date, looks_like_identifier, name_tokens
from datadossier.inference.sampling import says_missing
from datadossier.inference.units import names_a_coordinate
from datadossier.profiling.kinds import column_kind, is_numeric
from datadossier.profiling.model import ColumnProfile

if TYPE_CHECKING:
    import duckdb

# Dates written for "no date": the epoch, spreadsheet and database zeros, far-future ends.
_FIRST_DATES = frozenset({dt.date(1900, 1, 1), dt.date(1970, 1, 1), dt.date(1, 1, 1), dt.date(1899, 12, 30), dt.date(1899, 12, 31)})
_LAST_DATES = frozenset({dt.date(9999, 12, 31), dt.date(2999, 12, 31), dt.date(2099, 12, 31), dt.date(9999, 1, 1)})
# A date code lies this many days from the next date.
_DATE_GAP_DAYS = 5 * 365
_NINES = re.compile(r"9+(?:\.9+)?")
_EIGHTS = re.compile(r"88+(?:\.8+)?")
# One digit written twice, -55 or below: a code of two digits (Polity's -66, -77, -88; a
# temperature's -11 or -22 is a reading).
_PAIRED_DIGITS = re.compile(r"([5-8])\1")
# One digit written six times or more: the Census Bureau's annotation values -666666666,
# -888888888, -222222222 in its estimate columns.
_JAM = re.compile(r"([1-8])\1{5,}")
# The Census Bureau's API writes its annotations as nine times one digit, several in one
# column (-999999999, -888888888, -666666666, -222222222...): judged together.
_CENSUS_CODES = tuple(-float(str(d) * 9) for d in range(1, 10))
# The largest value of an integer type, written for "no limit" (Airbnb's maximum_nights
# 2147483647 beside 1125) or "unknown".
_TYPE_MAXIMA = frozenset({32767.0, 65535.0, 2147483647.0, 4294967295.0, float(2**63 - 1)})


@dataclass(frozen=True, slots=True)
class _Suspect:
    column: str
    value: float | dt.date
    low: bool  # the column's smallest value (else its largest)
    kind: str  # "number", "far" (of no code's shape), "zero" (a month or a day), "gap" (a zero apart), "id_zero", "year_zero", "date" or "typo_date"
    # Codes just below a code of nines, judged with it: Mexico's COVID-19 data writes 97 (not
    # applicable), 98 (ignored) and 99 (not specified) beside its 1/2 answers; and the other
    # codes of the Census Bureau's family beside the smallest.
    below: tuple[float, ...] = ()
    # A "gap" zero's column mean, its other values included.
    mean: float | None = None
    # Whether the column's values run over fractions (its quartiles are not whole numbers).
    fractional: bool = False
    # A "detection" code's concentration unit.
    unit: str = ""


def _number_suspect(profile: ColumnProfile) -> _Suspect | None:
    low, high = profile.min_value, profile.max_value
    if low is None or high is None or low == high:
        return None
    name = profile.column_name
    if low <= 0 <= high and names_a_coordinate(name):  # (not a wind's direction, whose 0 is north)
        return _Suspect(name, 0, low == 0, "origin")  # counted, wherever it lies (see `_apart`)
    if low in _CENSUS_CODES:
        return _Suspect(name, low, True, "number", tuple(c for c in _CENSUS_CODES if c > low))
    if low == -1:
        return _Suspect(name, low, True, "number", fractional=_fractional(profile))
    if _small_negative(low):
        # IPEDS's -2 (not applicable) and -3 (not available) beside -1; the World Values
        # Survey's -1 to -5 (don't know, no answer, not asked...): judged together.
        below = tuple(float(v) for v in range(int(low) + 1, 0))
        return _Suspect(name, low, True, "number", below, fractional=_fractional(profile))
    if low < 0 and _PAIRED_DIGITS.fullmatch(_plain(-low)):
        # Polity's -66 (interruption), -77 (interregnum) and -88 (transition) below its -10 to 10.
        below = tuple(-float(d * 2) for d in "5678" if -float(d * 2) > low)
        return _Suspect(name, low, True, "number", below)
    if low == -9:
        # ANES's -9 (refused) beside -8 (don't know), -5 to -7 and -1 (inapplicable) below
        # answers of 1 to 7: judged together, as the small codes are.
        return _Suspect(name, low, True, "number", tuple(float(v) for v in range(-8, 0)))
    if low < 0 and (_NINES.fullmatch(_plain(-low)) or _JAM.fullmatch(_plain(-low)) or (low <= -100 and low % 100 == 0)):
        return _Suspect(name, low, True, "number")
    if high in _TYPE_MAXIMA and low >= 0:
        return _Suspect(name, high, False, "number")
    if high > 360 and low >= 0 and _ANGLE_WORDS.intersection(name_tokens(name)):
        # AIS's Heading 511 (not available) beside 0 to 359, on a fifth of a day's reports:
        # no bearing lies past a full turn.
        return _Suspect(name, high, False, "angle")
    if low == 0 and _names_month_or_day(name) and high in (12, 28, 29, 30, 31):
        return _Suspect(name, 0, True, "zero")
    if high >= 88 and _EIGHTS.fullmatch(_plain(high)) and low >= 0:
        # NHANES's 888 (could not obtain) above readings of 140 to 200, without a code of nines.
        return _Suspect(name, high, False, "number")
    if high >= 99 and _NINES.fullmatch(_plain(high)) and low >= 0:
        # (Surveys write "don't know" and "none" as sevens and eights of the nines' width:
        # BRFSS's PHYSHLTH 77, 88 and 99 beside 1 to 30, WEIGHT2 7777 and 9999.)
        return _Suspect(name, high, False, "number", _beside_nines(profile))
    # Any other extreme repeated in a hundredth of the values (Home Credit's DAYS_EMPLOYED
    # 365243, a thousand years, for "not employed"; 60% of DAYS_FIRST_DRAWING), if it lies
    # far from the rest, and the rest is a spread of values: in a few codes (0/1 outcomes,
    # minimum nights of 1, 2 or 30) no value is far from "the rest", and a value held by
    # nearly every row is the data itself (a country code 840 on 99.5% of the rows).
    values = profile.total_count - profile.null_count
    if (profile.distinct_count or 0) < _FAR_MIN_DISTINCT:
        return None
    # (Not an identifier's: LinkedIn's industry_id 2458 beside 1 to 96 is an industry.)
    far = not looks_like_identifier(name)
    frequent = max(3, values // 100)
    for value, side in ((high, False), (low, True)):
        if value == 0 or not math.isfinite(value):
            # (Zero is judged below. Infinity is a value IEEE arithmetic gives, named as no
            # finite number elsewhere: a Prometheus bucket's le="+Inf", a ratio over zero.)
            continue
        if far and any(_number(t["value"]) == value and frequent <= int(str(t["count"])) <= _FAR_MAX_SHARE * values for t in profile.top_values):
            return _Suspect(name, value, side, "far") if _gap_beside(profile, low=side) else None
    # An identifier of 0 held far more often than any other (Chicago's food inspections:
    # License # 0 on 3% of the rows, for an establishment without one).
    if low == 0 and high > 0 and looks_like_identifier(name) and _crowded_zero(profile, values):
        return _Suspect(name, 0, True, "id_zero")
    # A zero far below a measurement's other values (the Pima data's Glucose 0 beside 44 to
    # 199, BMI 0 beside 18.2 to 67): a reading never taken, counted (see `_apart`).
    if low == 0 and high > 0:
        return _Suspect(name, 0, True, "gap", mean=profile.mean_value)
    return None


def _beside_nines(profile: ColumnProfile) -> tuple[float, ...]:
    """The codes a survey writes below its code of nines (the column's largest value)."""
    high = profile.max_value
    assert high is not None
    width = len(_plain(high))
    if not float(high).is_integer():
        # (FARS's coordinates: 77.7777 not reported, 88.8888 not available, 99.9999 unknown.)
        whole, fraction = _plain(high).split(".")
        return tuple(float(f"{digit * len(whole)}.{digit * len(fraction)}") for digit in "78")
    # The sixes, sevens and eights of the nines' width are counted whether or not the profile's
    # commonest values hold them: the European Social Survey's 77 (refusal) and 88 (don't
    # know) are rarer than any answer of its 0 to 10 scales, and left alone they would stand
    # between the 99 and the answers.
    shaped = {float(digit * width) for digit in "678"}
    near = {v for v in (high - 1, high - 2) if _is_top(profile, v)}
    return tuple(sorted(v for v in shaped | near if v < high))


# Units of a concentration: parts per million, billion, trillion, a percentage, and a mass
# per litre, kilogram or tonne (mg/l, µg/l, mg/kg, g/t), as `inference.units` writes them.
_CONCENTRATION = re.compile(r"pp[mbt]|%|[mµun]?g/(?:[mµd]?l|[mµ]?g|kg|t)")
# Names of a percentage that is signed data: a change, a growth, a return.
_SIGNED_WORDS = frozenset({"change", "chg", "growth", "diff", "difference", "delta", "return", "yoy", "variance", "margin"})
# At most this many negative codes: a limit per method or per lab (-0.01 and -0.005).
_DETECTION_CODES = 4


def _detection_suspect(profile: ColumnProfile, unit: str | None) -> _Suspect | None:
    """A concentration's negative values, if its top values hold its smallest and they are a
    few repeated ones: codes for a result below the detection limit (see the module). The
    query then checks that no other value is negative (see `_apart`)."""
    low, high = profile.min_value, profile.max_value
    if unit is None or not _CONCENTRATION.fullmatch(unit) or low is None or high is None or not low < 0 < high:
        return None
    if unit == "%" and _SIGNED_WORDS.intersection(name_tokens(profile.column_name)):
        return None
    codes = sorted(
        v for t in profile.top_values if (v := _number(t["value"])) is not None and v < 0 and int(str(t["count"])) >= 2
    )
    if not codes or codes[0] != low or len(codes) > _DETECTION_CODES:
        return None
    return _Suspect(profile.column_name, low, True, "detection", tuple(codes[1:]), unit=unit)


def _number_suspects(profile: ColumnProfile, unit: str | None = None) -> list[_Suspect]:
    """The column's suspects: its smallest or largest value (see `_number_suspect`), and a
    survey's code of nines at the top that the first one left aside; a concentration's
    negative codes before them (see `_detection_suspect`)."""
    if (detection := _detection_suspect(profile, unit)) is not None:
        return [detection]
    first = _number_suspect(profile)
    suspects = [first] if first is not None else []
    if (year_zero := _year_zero_suspect(profile)) is not None:
        suspects.append(year_zero)
    if first is not None and not first.low:
        return suspects
    low, high = profile.min_value, profile.max_value
    if low is None or high is None or low == high:
        return suspects
    if low < 0 and high >= 99 and float(high).is_integer() and _NINES.fullmatch(_plain(high)):
        # IPUMS's INCTOT: 9999999 (not applicable, a fifth of the persons) above incomes that
        # include a few losses; the FJC's DEMANDED 9999 (a top code) above its -8 (missing).
        suspects.append(_Suspect(profile.column_name, high, False, "number", _beside_nines(profile)))
    elif high == 9 and low >= 0:
        # The European Social Survey's 7 (refusal), 8 (don't know) and 9 (no answer) after
        # answers of 1 to 4 (polintr) or its 1 and 2 (gndr).
        suspects.append(_Suspect(profile.column_name, high, False, "short", (7.0, 8.0)))
    return suspects


# Years from here (or B.C. ones below its negative) make a column of years, not of small
# offsets around a day.
_YEARS_FROM = 1000


def _year_zero_suspect(profile: ColumnProfile) -> _Suspect | None:
    """A 0 among years that run across it, B.C. ones written negative: no calendar has a year 0
    (1 B.C. is followed by A.D. 1), and the Met writes 0 in Object Begin Date and Object End
    Date for a work of no date, beside -1479 for 1479 B.C. Where 0 is the smallest value the
    "gap" zero names it; among negative years it is neither end, so it is judged here."""
    low, high = profile.min_value, profile.max_value
    name = profile.column_name
    if low is None or high is None or not low < 0 < high or max(-low, high) < _YEARS_FROM:
        return None
    if not (names_a_year(name) or looks_like_date(name)) or not _is_top(profile, 0):
        return None
    return _Suspect(name, 0, True, "year_zero")


# Words of a name of an angle of a turn: a heading, a course over ground, a wind's direction.
_ANGLE_WORDS = frozenset({"heading", "hdg", "cog", "course", "bearing", "azimuth", "direction", "dir", "winddir", "wdir", "yaw"})


# A value of no code's shape counts as one only beside this many other values, and on at
# most this share of the rows.
_FAR_MIN_DISTINCT = 10
_FAR_MAX_SHARE = 0.9
# A zero counts as a missing reading when the next value is this share of the largest or
# more; or the lesser share, when that value also lies near the column's mean (this share of
# it or more) and above 1.
_GAP_SHARE = 0.2
_GAP_SHARE_NEAR_MEAN = (0.1, 0.3)


# An identifier's 0 counts as a code when held this many times as often as its values are on
# average.
_CROWDED = 10


def _crowded_zero(profile: ColumnProfile, values: int) -> bool:
    distinct = profile.distinct_count or 0
    if distinct < _FAR_MIN_DISTINCT:
        return False
    zeros = next((int(str(t["count"])) for t in profile.top_values if _number(t["value"]) == 0), 0)
    return zeros >= 2 and zeros >= _CROWDED * values / distinct


def _survey_negative(value: float | dt.date) -> bool:
    """-1 to -9: the negative codes a survey numbers its kinds of "missing" with."""
    return not isinstance(value, dt.date) and (value == -1 or value == -9 or _small_negative(value))


def _sparse(s: _Suspect, held: int) -> bool:
    """Whether the column holds at most half of the codes between a negative code and 0: a
    signed quantity holds them all (a change of -5 to 12), a survey a few (the FJC's -8 alone
    below amounts from 0; ANES's -9, -8 and -1)."""
    return 2 * held <= len(s.below)


def _small_negative(value: float | dt.date) -> bool:
    """-2 to -8: the small negative codes a survey numbers its kinds of "missing" with."""
    return not isinstance(value, dt.date) and float(value).is_integer() and -9 < value <= -2


def _fractional(profile: ColumnProfile) -> bool:
    quartiles = [v for k, v in (profile.percentiles or {}).items() if k in ("p25", "p50", "p75") and v is not None]
    return (profile.distinct_count or 0) >= _FAR_MIN_DISTINCT and any(not float(v).is_integer() for v in quartiles)


def _is_top(profile: ColumnProfile, value: float) -> bool:
    return any(_number(t["value"]) == value for t in profile.top_values)


def _gap_beside(profile: ColumnProfile, *, low: bool) -> bool:
    """Whether the histogram leaves room for a value far from the rest at that end: the
    bucket next to the end's is empty (five spreads away, a value leaves most buckets
    empty). A column whose commonest value is merely its smallest (quantities from 1) is
    then not counted again."""
    buckets = profile.histogram or []
    if len(buckets) < 3:
        return True
    beside = buckets[1] if low else buckets[-2]
    return not int(str(beside.get("count", 0)))


def _number(text: object) -> float | None:
    try:
        return float(str(text))
    except ValueError:
        return None


def _plain(number: float) -> str:
    return str(int(number)) if float(number).is_integer() else repr(float(number))


def _names_month_or_day(name: str) -> bool:
    """imonth, iday, birth_month, DD: a month or a day of the month as a number."""
    tokens = name_tokens(name)
    return any(t in ("month", "mon", "mm", "day", "dd") or t.endswith(("month", "day")) for t in tokens)


def _date_suspect(profile: ColumnProfile) -> _Suspect | None:
    first, last = _day(profile.min_text), _day(profile.max_text)
    if first is None or last is None or first == last:
        return None
    if first in _FIRST_DATES:
        return _Suspect(profile.column_name, first, True, "date")
    if last in _LAST_DATES:
        return _Suspect(profile.column_name, last, False, "date")
    if first.year < _TYPO_BEFORE and last.year >= _MODERN:
        # NYPD's complaints from 1015 and 1019 beside 2019's: a year mistyped, no code. (A
        # museum's works from 1500 beside their acquisitions are data.)
        return _Suspect(profile.column_name, first, True, "typo_date")
    return None


# A first date before this year beside dates of the last century or later is a typo.
_TYPO_BEFORE = 1200
_MODERN = 1900


def _day(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None


def _suspects(profile: ColumnProfile, duckdb_type: str, unit: str | None) -> list[_Suspect]:
    kind = column_kind(duckdb_type)
    if is_numeric(kind):
        return _number_suspects(profile, unit)
    date = _date_suspect(profile) if kind == "temporal" else None
    return [date] if date is not None else []


def missing_codes(
    con: duckdb.DuckDBPyConnection,
    relation: str,
    profiles: list[ColumnProfile],
    types: dict[str, str],
    units: dict[str, str] | None = None,
) -> dict[str, str]:
    """A note for each column of ``relation`` whose smallest or largest value looks like a
    code for a missing one (see the module); ``types`` gives the columns' DuckDB types and
    ``units`` the units decided for them (a concentration's negative codes)."""
    units = units or {}
    suspects = [
        s for p in profiles if p.column_name in types
        for s in _suspects(p, types[p.column_name], units.get(p.column_name))
    ]
    if not suspects:
        return {}
    selects: list[str] = []
    params: list[object] = []
    for s in suspects:
        col = quote_ident(s.column)
        value = f"CAST({col} AS DATE)" if s.kind in _DATES else col
        nearest = "min" if s.low else "max"
        codes = [s.value, *s.below]
        marks = ", ".join("?" for _ in codes)
        selects += [
            f"count_if({value} = ?)",
            f"{nearest}({col}) FILTER (WHERE {value} NOT IN ({marks}))",
            f"{'max' if s.low else 'min'}({col})",
            *(f"count_if({value} = ?)" for _ in s.below),
        ]
        params += [s.value, *codes, *s.below]
    row = con.execute(f"SELECT {', '.join(selects)} FROM {relation}", params).fetchone()
    assert row is not None
    notes: dict[str, str] = {}
    # -1 among small codes (a sex 1 to 3, a junction's kind 1 to 9): a code for "unknown" only
    # where the table uses -1 so in a column that shows it clearly (the UK road safety data's
    # -1 throughout its coded columns); never beside 0 and 1 alone, which it signs. So with
    # the small negative codes of a survey (the World Values Survey's -1 to -5 beside answers
    # of 1 to 4, clear beside its ages).
    coded: list[tuple[_Suspect, int, int, object, list[object]]] = []
    position = 0
    for s in suspects:
        count, nearest, farthest, *below = row[position : position + 3 + len(s.below)]
        position += 3 + len(s.below)
        total = next(p.total_count - p.null_count for p in profiles if p.column_name == s.column)
        if s.kind == "gap" and count and int(count) > total // 2 and not names_a_year(s.column):
            continue  # (a zero on most rows is the column's data; but no year is 0: King County's yr_renovated)
        held = sum(1 for n in below if n)
        if count and nearest is not None and _apart(s, int(count), nearest, farthest, held):
            # (A column may name two: IPUMS's 9999999 above a few losses.)
            notes[s.column] = notes.get(s.column, "") + _note(s, int(count), total, nearest) + _below_note(s, below)
        elif (
            s.kind != "detection" and _survey_negative(s.value) and count and count >= 2 and nearest is not None
            and float(nearest) >= (0 if _sparse(s, held) else 1)
            # (-1 beside 0 and 1 alone signs them; the FJC's -8 beside a 0/1 flag is no sign.)
            and float(farthest) >= (2 if s.value == -1 else 1)
        ):
            coded.append((s, int(count), total, nearest, below))
    texts = _text_codes(profiles, types)
    if any(_survey_negative(s.value) and s.kind != "detection" and s.column in notes for s in suspects) or _shared(
        coded, texts
    ):
        for s, count, total, nearest, below in coded:
            codes = "-1" if s.value == -1 else "such codes"
            notes[s.column] = (
                notes.get(s.column, "") + _note(s, count, total, nearest) + _below_note(s, below)
                + f" Other columns of this table use {codes} so."
            )
        table = {s.value for s in suspects if s.column in notes and _survey_negative(s.value)}
        for column, (value, count, total) in texts.items():
            if value in table:
                notes[column] = notes.get(column, "") + _text_note(value, count, total)
    return notes


# A small negative code (-2 to -9) held by this many columns of a table is the table's code
# for a missing value, even where no column shows it apart from its values (a 200-row FJC
# extract: -8 in RESIDENC beside 1 to 5, in the 0/1 CLASSACT, and among JURY's letters).
_SHARED_CODE_COLUMNS = 3


def _text_codes(profiles: list[ColumnProfile], types: dict[str, str]) -> dict[str, tuple[float, int, int]]:
    """The text columns whose top values hold a survey's negative code twice or more (the
    FJC's -8 among JURY's Y, N and B, or among COUNTY's 01001), with that code, its count and
    the column's values: a table's code for a missing value there too, when the table's
    numbers show it so. From the profile's top values; no query."""
    found: dict[str, tuple[float, int, int]] = {}
    candidates = {str(-n): float(-n) for n in range(1, 10)}
    for p in profiles:
        if column_kind(types.get(p.column_name, "")) != "text":
            continue
        for top in p.top_values:
            value, count = str(top["value"]).strip(), int(str(top["count"]))
            if value in candidates and count >= 2:
                found[p.column_name] = (candidates[value], count, p.total_count - p.null_count)
                break
    return found


def _shared(coded: list[tuple[_Suspect, int, int, object, list[object]]], texts: dict[str, tuple[float, int, int]]) -> bool:
    """Whether one small negative code (not -1, a sign's) is held by `_SHARED_CODE_COLUMNS`
    columns or more, numbers and text together."""
    held = [s.value for s, *_ in coded if _small_negative(s.value) or s.value == -9]
    held += [value for value, _, _ in texts.values() if value != -1]
    return any(held.count(value) >= _SHARED_CODE_COLUMNS for value in set(held))


def _text_note(value: float, count: int, total: int) -> str:
    return (
        f" {_plain(value)} ({count:,} values, {count / max(total, 1):.1%}) looks like a code for a missing or unknown"
        " value, as other columns of this table use it; it is kept as a text value, so filters and counts include it."
    )


def _below_note(s: _Suspect, counts: list[object]) -> str:
    """The codes just below a code of nines that the column holds, with their counts."""
    held = [f"{_plain(v)} ({int(str(n)):,} values)" for v, n in sorted(zip(s.below, counts, strict=True)) if n]
    if not held:
        return ""
    where = "beside it" if s.low else "just below it"
    listed = held[0] if len(held) == 1 else f"{', '.join(held[:-1])} and {held[-1]}"
    return f" {listed}, {where}, {'looks like a code' if len(held) == 1 else 'look like codes'} too."


_DATES = ("date", "typo_date")
# A one-digit 9 is a code only above answers of a short scale, up to 5.
_SHORT_SCALE_TOP = 5


def _apart(s: _Suspect, count: int, nearest: object, farthest: object, held: int) -> bool:
    """Whether the suspect stands apart from the column's other values (see the module);
    ``held`` counts the codes beside it that the column holds."""
    if s.kind == "typo_date":
        return True  # (centuries before the last: other typos may stand beside it)
    if s.kind in _DATES:
        day = nearest.date() if isinstance(nearest, dt.datetime) else nearest
        assert isinstance(day, dt.date)
        assert isinstance(s.value, dt.date)
        return abs((day - s.value).days) >= _DATE_GAP_DAYS
    if count < 2:
        return False
    assert not isinstance(s.value, dt.date)
    value, near, far = s.value, float(str(nearest)), float(str(farthest))
    if s.kind == "zero":
        return near >= 1
    if s.kind == "year_zero":
        return True  # (no year is 0, whatever the years beside it)
    if s.kind == "origin":
        return True  # (0, 0) lies at sea off Africa: repeated, a coordinate never set
    if s.kind == "id_zero":
        return True  # (crowded, see `_crowded_zero`)
    if s.kind == "detection":
        return near >= 0  # (every negative value one of the codes)
    if s.kind == "angle":
        return near <= 360  # (the others all angles of a turn)
    if s.kind == "gap":
        # The other values start a fifth of the way to the largest, or further: counts and
        # amounts run on from 0 or 1. Or a tenth of the way, near their mean (Pima's
        # BloodPressure 0 beside 24 to 122, mean 69): a bell's low tail, not a run from 0.
        if near >= max(1.0, _GAP_SHARE * far):
            return True
        of_far, of_mean = _GAP_SHARE_NEAR_MEAN
        return s.mean is not None and near > 1 and near >= of_far * far and near >= of_mean * s.mean
    if value == -1:
        # Not a sign among -1, 0, 1: a day count or a duration whose "never" is -1; or -1
        # below a spread of fractions (Porto Seguro's ps_reg_03, 0.06 to 4.0, -1 where unknown).
        return near >= 0 and (far >= 10 or s.fractional)
    if s.kind == "short":
        return near <= _SHORT_SCALE_TOP  # (a 6 between would be an answer: counts run on to 9)
    if _small_negative(value):
        # (Above 0, or from 0 with few of the codes between: a range through 0, -5 to 12, is
        # signed data.)
        return (near >= 1 or (near >= 0 and _sparse(s, held))) and (far >= 10 or s.fractional)
    if value == -9 and held:
        return near >= 1 or (near >= 0 and _sparse(s, held))
    if s.low and _PAIRED_DIGITS.fullmatch(_plain(-value)):
        return near > value / 4
    if s.kind == "number" and names_a_coordinate(s.column) and abs(value) > _coordinate_bound(s.column):
        return True  # no place lies there (FARS's LATITUDE 99.9999 beside 25 to 48)
    if s.kind == "number" and s.low and value <= -99 and (_NINES.fullmatch(_plain(-value)) or value % 100 == 0) and near > value / 10:
        # Nines or round hundreds ten times farther below zero than any other value (OpenAQ's
        # -999 beside a few readings of -1 or -2 among hundreds; UCI's air quality -200 beside
        # temperatures down to -1.9): the code, whatever the spread above.
        return True
    # Beside values of one sign, or five times farther from them than they spread (a
    # temperature's -9999 beside -20 to 35); a value of no code's shape only the latter.
    beside = s.kind != "far" and (near >= 0 if s.low else near <= value / 3)
    return beside or abs(value - near) >= 5 * abs(near - far)


def _coordinate_bound(name: str) -> float:
    """The largest a coordinate of this name can be: 90 for a latitude, 180 for a longitude."""
    return 90.0 if {"lat", "latitude"}.intersection(name_tokens(name)) or name.lower().endswith("lat") else 180.0


# Numbers written for "missing" in a column of text codes (LinkedIn's companies write 0 for
# an unknown state, country or city).
_TEXT_CODE = re.compile(r"-(?:1|9+)|0")
_PLAIN_NUMBER = re.compile(r"\s*-?[0-9]+(?:\.[0-9]+)?\s*")


def missing_words(profiles: list[ColumnProfile], types: dict[str, str]) -> dict[str, str]:
    """A note for each text column whose top values hold a word that says a value is missing
    ("unknown": 82% of the bank marketing data's poutcome): the column keeps it as a value,
    so its null ratio leaves it out. In a typed column such a word is NULL (see
    `inference.sampling`); in text it may be a category of its own (the Global Terrorism
    Database's perpetrator group "Unknown"), so it is named, not changed."""
    notes: dict[str, str] = {}
    for p in profiles:
        if column_kind(types.get(p.column_name, "")) != "text":
            continue
        top = [(str(t["value"]), int(str(t["count"]))) for t in p.top_values]
        # A negative code of nines or -1 among text values with letters (STATS19's "-1" in
        # lsoa_of_driver beside "E01001766", in generic_make_model beside "FORD FIESTA").
        # (The other values by the top ones, or by the largest when they are too rare to be.)
        # (No plain number among them: beside 1 and 2, a 0 or a -1 is a value of the list.)
        others = [v for v, _ in top if _TEXT_CODE.fullmatch(v) is None]
        if any(_PLAIN_NUMBER.fullmatch(v) for v in others):
            letters = False
        elif len(others) >= 3:
            letters = 2 * sum(1 for v in others if any(ch.isalpha() for ch in v)) >= len(others)
        else:
            letters = any(ch.isalpha() for ch in p.max_text or "")
        words = [
            (value, count) for value, count in top
            if (says_missing(value) and not _an_answer(value) and not _one_of_the_codes(value, top))
            or (letters and _TEXT_CODE.fullmatch(value) is not None and not _usual_code(p, value, count))
        ]
        if words:
            total = max(p.total_count - p.null_count, 1)
            listed = ", ".join(f"{value!r} ({count:,} values, {count / total:.1%})" for value, count in words)
            notes[p.column_name] = (
                f" {listed} {'says' if len(words) == 1 else 'say'} a value is unknown or missing: kept as a value"
                " of this text column, so the null ratio leaves it out."
            )
    return notes


def true_only_notes(profiles: list[ColumnProfile], types: dict[str, str]) -> dict[str, str]:
    """A note for each yes/no column that holds only true beside blanks: a flag written only
    when set (StatsBomb's events write under_pressure "True" or nothing, 76% blank), whose
    blanks are most likely false. Read as given, ``WHERE NOT under_pressure`` finds no row and
    its share of true is 100%; the values are kept (a blank may be unknown), the note says so."""
    notes: dict[str, str] = {}
    for p in profiles:
        if column_kind(types.get(p.column_name, "")) != "boolean" or not p.null_count or p.distinct_count != 1:
            continue
        if [str(t["value"]).lower() for t in p.top_values] != ["true"]:
            continue
        notes[p.column_name] = (
            f" The column holds only true ({p.total_count - p.null_count:,} values); its {p.null_count:,} blanks"
            f" ({p.null_count / max(p.total_count, 1):.1%}) are most likely false, a flag written only when set:"
            f" coalesce({quote_ident(p.column_name)}, false) reads them so (NOT {quote_ident(p.column_name)} alone finds no row)."
        )
    return notes


# "No" before these words says a value is missing ("No data", "No info"); before others it is
# an answer of its own among text values (a taxi's payment type "No Charge", "No internet
# service" beside Yes and No).
_NOTHING_WORDS = frozenset({"data", "value", "values", "info", "information", "record", "entry", "answer", "response", "reply"})


# "Not" before these words says a value is missing ("Not Available", "Not Reported"); before
# others it is a state of its own (Lending Club's verification_status "Not Verified", a food
# inspection's "Not Ready").
_UNKNOWN_WORDS = frozenset({
    "available", "applicable", "reported", "known", "provided", "specified", "stated", "recorded", "given",
    "collected", "disclosed", "entered", "listed", "measured", "assessed", "determined", "asked", "answered",
})


def _an_answer(value: str) -> bool:
    words = value.strip().lower().split()
    if len(words) >= 2 and words[0] == "not":
        return words[1].strip("().,") not in _UNKNOWN_WORDS
    return len(words) >= 2 and words[0] == "no" and words[1].strip("!") not in _NOTHING_WORDS


# Codes this short are a code list's own (statuses, flags), not text a "0" leaves unknown.
_SHORT_CODE_LENGTH = 2


def _usual_code(p: ColumnProfile, value: str, count: int) -> bool:
    """Whether a number is the usual value of a column of short codes: on more than half of
    its values, none longer than two characters. Freddie Mac's delinquency status "0" is a
    current loan (9 of 13 months beside 1, 2, 3 and "RA"), which a small file's reason
    called a marker of an unknown value; LinkedIn's "0" among states is one in five."""
    non_null = p.total_count - p.null_count
    short = p.max_length is not None and p.max_length <= _SHORT_CODE_LENGTH
    return short and 2 * count > non_null and p.top_values[0]["value"] == value


def _one_of_the_codes(value: str, top: list[tuple[str, int]]) -> bool:
    """Whether a word that may say "missing" is written as the column's codes are: capitals
    of one width among others of that width (Tampa Bay's "TBA" among team codes)."""
    text = value.strip()
    shaped = [v for v, _ in top if v != value and v.isalpha() and v.isupper() and len(v) == len(text)]
    return text.isalpha() and text.isupper() and len(shaped) >= 3 and len(shaped) * 5 >= 4 * (len(top) - 1)


def _note(s: _Suspect, count: int, total: int, nearest: object) -> str:
    value = s.value.isoformat() if isinstance(s.value, dt.date) else _plain(s.value)
    side = "before" if s.low else "after"
    if s.kind == "typo_date":
        rest = nearest.date().isoformat() if isinstance(nearest, dt.datetime) else str(nearest)
        return (
            f" {value} ({count:,} values, {count / max(total, 1):.1%}) is centuries earlier than the column's other"
            f" dates: a mistyped year, likely (the next earliest is {rest}). It is kept as a value, so the minimum"
            " includes it."
        )
    if s.kind == "date":
        rest = nearest.date().isoformat() if isinstance(nearest, dt.datetime) else str(nearest)
        apart = f"years {side} every other date (the nearest is {rest})"
    elif s.kind == "origin":
        apart = "a coordinate of 0 degrees is the point (0, 0) at sea off Africa, where exports put places they could not locate"
    elif s.kind == "zero":
        apart = "the others count months or days from 1"
    elif s.kind == "year_zero":
        apart = (
            "no calendar has a year 0 (1 B.C. is followed by A.D. 1), and the column writes years B.C. as negative"
            f" numbers (from {_plain(float(str(nearest)))}), so 0 is no year between them"
        )
    elif s.kind == "id_zero":
        apart = "an identifier held far more often than any other, as exports write one never given"
    elif s.kind == "detection":
        assert not isinstance(s.value, dt.date)
        return (
            f" {value} ({count:,} values, {count / max(total, 1):.1%}) looks like a code for a result below the"
            f" detection limit (under {_plain(-s.value)} {s.unit}), as assay and lab exports write one: a concentration"
            " is never negative. It is kept as a value, so the minimum, mean and percentiles include it."
        )
    else:
        apart = f"{'below' if s.low else 'above'} every other value (the nearest is {_plain(float(str(nearest)))})"
    # A number of nines above the rest may also be a cap that stands for every larger value
    # (UCI Adult's capital-gain 99999, the census's top codes).
    what = "a code for a missing or unknown value" + (
        ", or a top code standing for every value above it" if s.kind == "number" and not s.low else ""
    )
    return (
        f" {value} ({count:,} values, {count / max(total, 1):.1%}) looks like {what}: {apart}. It is"
        " kept as a value, so the minimum, maximum, mean and percentiles include it."
    )
