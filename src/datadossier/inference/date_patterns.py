"""Detectors of dates, timestamps and times of day."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from datadossier.inference.detector import (
    DETECTORS,
    Converter,
    Detector,
    PatternName,
    format_list,
    lit,
    marked_by,
    register,
    shaped,
    strptime_date,
)
from datadossier.inference.names import (
    looks_like_clock,
    looks_like_date,
    looks_like_instant,
    looks_like_year_month,
    may_name_a_year_month,
    names_a_sas_date,
    names_a_sas_datetime,
)


def _written_date(
    name: PatternName, regex: str, formats: tuple[str, ...], priority: int, named: Callable[[str], bool] | None = None
) -> Detector:
    """A detector of dates written as digits alone, read with strptime's ``formats``."""
    return Detector(
        name, "DATE", regex, lambda col, _t: strptime_date(f"trim({shaped(col, regex)})", formats),
        priority=priority, formats=formats, named=named,
    )


_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_DAY_OR_MONTH_DATE = r"\s*[0-9]{1,2}[/.-][0-9]{1,2}[/.-][0-9]{4}\s*"
# A month and a day of two digits each (XML Schema's dates).
_PADDED_MONTH = r"(?:0[1-9]|1[0-2])"
_PADDED_DAY = r"(?:0[1-9]|[12][0-9]|3[01])"


def _twelve_hour(col: str) -> str:
    """SQL boolean: the value is written on a 12-hour clock (AM/PM, upper or lower case). Not
    a bare "M": month names have one ("Mar 11 2024 04:28" was read on a 12-hour clock, and
    failed)."""
    return "(" + " OR ".join(f"contains({col}, {lit(half)})" for half in ("AM", "PM", "am", "pm")) + ")"


def _spaced_half(text: str) -> str:
    """SQL: the text with a space before AM/PM, where there was none ("1:05PM"); strptime
    ignores extra spaces."""
    for half in ("AM", "PM", "am", "pm"):
        text = f"replace({text}, {lit(half)}, {lit(' ' + half)})"
    return text


def _has_seconds(col: str) -> str:
    """SQL boolean: the value's time has seconds (two colons)."""
    return f"(length({col}) - length(replace({col}, ':', '')) = 2)"


@register
def time_() -> Detector:
    """Times of day, HH:MM with optional seconds and fraction ("09:30", "23:59:59.5"), also on a
    12-hour clock ("5:06 PM", "11:59:59pm")."""
    regex = (
        r"\s*(?:(?:[01]?[0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\.[0-9]{1,9})?)?"
        r"|(?:0?[1-9]|1[0-2]):[0-5][0-9](?::[0-5][0-9])?\s?[AaPp][Mm])\s*"
    )

    def convert(col: str, _sql_type: str) -> str:
        spaced = _spaced_half(col)
        twelve = (
            f"CAST(CASE WHEN {_has_seconds(col)} THEN try_strptime({spaced}, '%I:%M:%S %p') "
            f"ELSE try_strptime({spaced}, '%I:%M %p') END AS TIME)"
        )
        return f"CASE WHEN {_twelve_hour(col)} THEN {twelve} ELSE TRY_CAST(trim({col}) AS TIME) END"

    return Detector("time", "TIME", regex, convert, priority=70)


@register
def dotted_time() -> Detector:
    """Times of day with points and seconds, "18.00.00" (as the UCI air quality data writes
    them; without seconds "18.30" is a number). Below the day-first dates of two-digit years,
    which "10.03.04" also reads as."""
    regex = r"\s*(?:[01]?[0-9]|2[0-3])\.[0-5][0-9]\.[0-5][0-9]\s*"
    return Detector(
        "dotted_time", "TIME", regex,
        lambda col, _t: f"TRY_CAST(replace(trim({shaped(col, regex)}), '.', ':') AS TIME)", priority=68,
    )


@register
def hhmm_time() -> Detector:
    """Times of day written as whole numbers hhmm ("1345" is 13:45, "5" 00:05, "0005" too,
    "2400" the day's end), as airline on-time data (BTS, nycflights13) writes departures.
    Any small number reads so: it is shortlisted only under a clock time's name."""
    # Three or four digits: hours, then minutes below 60; one or two: minutes after midnight.
    regex = r"\s*(?:(?:[01]?[0-9]|2[0-3])[0-5][0-9]|[0-5]?[0-9]|2400)\s*"

    def convert(col: str, _sql_type: str) -> str:
        number = f"TRY_CAST(trim({shaped(col, regex)}) AS INTEGER)"
        return f"make_time({number} // 100, {number} % 100, 0)"

    return Detector("hhmm_time", "TIME", regex, convert, priority=101, named=looks_like_clock)


def _named_as_clock_not_date(name: str) -> bool:
    """Whether a column's name says a time of day and not a date nor a period: six digits
    under a ``DateTime`` are as much YYMMDD (`compact_yymmdd`), and the DfE's ``time_period``
    200910 is an academic year."""
    return looks_like_clock(name) and not looks_like_date(name) and not looks_like_year_month(name)


@register
def hhmmss_time() -> Detector:
    """Times of day written as six digits hhmmss ("101530" is 10:15:30, "000130" 00:01:30), as
    mobile switches' CDRs write TIME_START_CHARGE beside a YYMMDD date. Any six digits could
    be a code: shortlisted only under a clock time's name."""
    regex = r"\s*(?:[01][0-9]|2[0-3])[0-5][0-9][0-5][0-9]\s*"

    def convert(col: str, _sql_type: str) -> str:
        return f"CAST(try_strptime(trim({shaped(col, regex)}), '%H%M%S') AS TIME)"

    return Detector("hhmmss_time", "TIME", regex, convert, priority=101, named=_named_as_clock_not_date)


def _year_first(col: str) -> str:
    """SQL boolean: the value's first dash follows a four-digit year (or spaces and one), as
    ISO dates write it; DuckDB's casts read "05-04-18" and "05/04/18 10:00" as the year 5, so
    each ISO conversion checks the shape first (0.05 s a million values)."""
    return f"strpos({col}, '-') >= 5"


@register
def hhmm_half() -> Detector:
    """Times of day written hhmm with A or P for the half of the day ("0752A", "1145P", as
    New York's parking violations write them; "0015A" is 00:15)."""
    regex = r"\s*(?:[01][0-9])[0-5][0-9][AaPp]\s*"

    def convert(col: str, _sql_type: str) -> str:
        value = f"upper(trim({shaped(col, regex)}))"
        hour = f"TRY_CAST(left({value}, 2) AS INTEGER) % 12 + CASE WHEN suffix({value}, 'P') THEN 12 ELSE 0 END"
        return f"make_time({hour}, TRY_CAST(substr({value}, 3, 2) AS INTEGER), 0)"

    return Detector("hhmm_half", "TIME", regex, convert, priority=72)


@register
def iso_date() -> Detector:
    """ISO dates, YYYY-MM-DD, also unpadded (YYYY-M-D; DuckDB's own date cast). A month or a
    day of zero is no such date's: Discogs writes an unknown one so ("1993-00-00", "1995-06-00",
    see `iso_partial_date`)."""
    return Detector(
        "iso_date", "DATE", r"\s*[0-9]{4}-(?:0?[1-9]|[1-9][0-9])-(?:0?[1-9]|[1-9][0-9])\s*",
        # DuckDB's DATE cast also reads a timestamp and drops its time: a value with a time
        # (a colon, replaced so that the cast fails) is no date. It also reads any first
        # number as the year ("05/04/18" is the year 5): the year must take four places.
        lambda col, _t: f"CASE WHEN {_year_first(col)} THEN TRY_CAST(replace({col}, ':', '!') AS DATE) END",
        priority=70, formats=("%Y-%m-%d",),
    )


@register
def zoned_date() -> Detector:
    """ISO dates with a zone after them, an offset or Z ("2023-04-01-07:00", XML Schema's
    xs:date, as Workday's Report-as-a-Service writes every date, "2015-01-05Z"): the calendar
    date written. A date has no time to convert to UTC; the offset only says where it was
    that day (see `decide`, which names it)."""
    regex = rf"\s*[0-9]{{4}}-{_PADDED_MONTH}-{_PADDED_DAY}(?:Z|[-+](?:0[0-9]|1[0-4]):[0-5][0-9])\s*"
    return Detector(
        "zoned_date", "DATE", regex,
        lambda col, _t: f"TRY_CAST(left(trim({shaped(col, regex)}), 10) AS DATE)",
        priority=70, formats=("%Y-%m-%d",),
    )


# A time zone after the time: an offset or Z, or after a space UTC, GMT or an IANA name
# ("Europe/Berlin"). Abbreviations other than UTC and GMT are left out: CST, IST and others
# name several zones.
_ZONE = r"(?:\s*(?:Z|[-+][0-9]{2}(?::?[0-9]{2})?)|\s(?:UTC|GMT|[A-Za-z]+/[A-Za-z_]+(?:/[A-Za-z_]+)?))"
# A zone right after the time: such values are converted to UTC.
_OFFSET_AT_END = rf":[0-9]{{2}}(?:\.[0-9]+)?{_ZONE}\s*$"
# UTC or GMT after a time written otherwise than ISO's, with an offset at times: Amazon's EU
# settlement reports ("03.04.2023 10:42:04 UTC"), Google Forms' Timestamp ("2023/04/01
# 10:15:22 PM GMT+1", GMT+2 once summer time starts).
_NAMED_ZONE = r"\s(?:UTC|GMT)(?:[-+](?:0?[0-9]|1[0-4])(?::?[0-5][0-9])?)?"
_NAMED_OFFSET = r"\s(?:UTC|GMT)([-+](?:0?[0-9]|1[0-4])(?::?[0-5][0-9])?)\s*$"


def _names_a_zone(col: str) -> str:
    """SQL boolean: the value names UTC or GMT (a cheap test, before any regex)."""
    return f"(contains({col}, ' UTC') OR contains({col}, ' GMT'))"


def _named_zone_to_utc(regex: str, convert_local: Converter) -> Converter:
    """``convert_local`` (of a value without a zone: a CASE expression) for values that also
    name UTC or GMT after the time, those with an offset converted to UTC ("GMT+1": an hour
    earlier)."""

    def convert(col: str, sql_type: str) -> str:
        value = shaped(col, regex)
        # The value up to its zone, read as the zone's local time; ICU reads "GMT", "GMT+1" and
        # "GMT-05:30" as fixed offsets.
        local = convert_local(f"split_part(replace({value}, ' UTC', ' GMT'), ' GMT', 1)", sql_type)
        offset = f"regexp_extract({value}, {lit(_NAMED_OFFSET)}, 1)"
        in_utc = f"timezone('UTC', timezone('GMT' || {offset}, {local}))"
        # A first branch of the local CASE, not a CASE around it, and the local reading once in
        # it: values without a zone (most columns) pay one test, where a nested CASE and the
        # reading twice cost a sixth more (1M values).
        unzoned = convert_local(col, sql_type)
        assert unzoned.startswith("CASE WHEN ")
        return f"CASE WHEN {_names_a_zone(col)} THEN {in_utc} {unzoned.removeprefix('CASE ')}"

    return convert


@register
def iso_datetime() -> Detector:
    """ISO timestamps, T or space, optional seconds, fraction and zone (an offset, Z, UTC, GMT
    or an IANA name); zoned values go to UTC."""
    regex = (
        r"\s*[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}[T ][0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]{1,9})?)?"
        rf"{_ZONE}?\s*"
    )

    def has_offset(col: str) -> str:
        return f"regexp_matches({col}, {lit(_OFFSET_AT_END)})"

    def convert(col: str, _sql_type: str) -> str:
        # TIMESTAMP drops an offset silently and TIMESTAMPTZ reads a naive value in the
        # session's time zone: each kind of value gets the cast that is right for it. (Cheaper
        # pre-tests with contains/LIKE measured slower than the one regex.)
        # (DuckDB reads no space before an offset: "10:00:00 +0000" loses it.)
        unspaced = f"replace(replace({col}, ' +', '+'), ' -', '-')"
        with_offset = f"timezone('UTC', TRY_CAST({unspaced} AS TIMESTAMPTZ))"
        return (
            f"CASE WHEN NOT {_year_first(col)} THEN NULL WHEN {has_offset(col)} THEN {with_offset}"
            f" ELSE TRY_CAST({col} AS TIMESTAMP) END"
        )

    # The mark counts the values written with a zone, for the decision to say they are now
    # UTC (the same regex as the conversion's: the load computes it once for both).
    return Detector(
        "iso_datetime", "TIMESTAMP", regex, convert, mark=has_offset, priority=70,
        formats=("%Y-%m-%dT%H:%M:%S",),
    )


# The same with a two-digit year ("3/4/21"), as spreadsheets write short dates.
_DAY_OR_MONTH_SHORT = r"\s*[0-9]{1,2}[/.-][0-9]{1,2}[/.-][0-9]{2}\s*"


def _day_month(
    name: PatternName, first: str, second: str, formats: tuple[str, ...], *, short_year: bool = False
) -> Detector:
    year, guard = (r"[0-9]{2}", _DAY_OR_MONTH_SHORT) if short_year else (r"[0-9]{4}", _DAY_OR_MONTH_DATE)
    regex = rf"\s*{first}[/.-]{second}[/.-]{year}\s*"

    def convert(col: str, _sql_type: str) -> str:
        # One format after turning '.' and '-' into '/': a failed strptime attempt costs
        # more than two replaces.
        slashed = f"replace(replace({shaped(col, guard)}, '.', '/'), '-', '/')"
        return strptime_date(slashed, formats[:1])

    # A four-digit year wins a tie (and %Y would read "21" as the year 21).
    return Detector(name, "DATE", regex, convert, priority=69 if short_year else 70, formats=formats)


_MONTH_NUMBER = r"(?:0?[1-9]|1[0-2])"
_DAY_NUMBER = r"(?:0?[1-9]|[12][0-9]|3[01])"


@register
def us_date() -> Detector:
    """Month first: MM/DD/YYYY, M/D/YYYY (also with '-' or '.')."""
    return _day_month("us_date", _MONTH_NUMBER, _DAY_NUMBER, ("%m/%d/%Y", "%m-%d-%Y", "%m.%d.%Y"))


@register
def eu_date() -> Detector:
    """Day first: DD/MM/YYYY, DD.MM.YYYY, DD-MM-YYYY."""
    return _day_month("eu_date", _DAY_NUMBER, _MONTH_NUMBER, ("%d/%m/%Y", "%d.%m.%Y", "%d-%m-%Y"))


@register
def us_date_short() -> Detector:
    """Month first with a two-digit year: MM/DD/YY, M/D/YY (00-68 are 2000s, 69-99 1900s)."""
    return _day_month(
        "us_date_short", _MONTH_NUMBER, _DAY_NUMBER, ("%m/%d/%y", "%m-%d-%y", "%m.%d.%y"), short_year=True
    )


@register
def eu_date_short() -> Detector:
    """Day first with a two-digit year: DD/MM/YY, DD.MM.YY, DD-MM-YY."""
    return _day_month(
        "eu_date_short", _DAY_NUMBER, _MONTH_NUMBER, ("%d/%m/%y", "%d.%m.%y", "%d-%m-%y"), short_year=True
    )


def _either(name: PatternName, first: PatternName, second: PatternName) -> Detector:
    """Dates (or date-times) written in two formats in one column, as merged exports and
    hand-kept sheets have them ("2021-01-05" beside "01/13/2021"; Online Retail II's
    "2009-12-01 07:45:00" beside "12/1/2010 8:26"): each value read by the format it has. Below
    the two single patterns in priority, so a column of one format keeps that one's name;
    inference tries it only when the sample shows both formats (see `sampling`)."""
    one, other = DETECTORS[first], DETECTORS[second]
    convert_one, convert_other = one.convert, other.convert
    assert convert_one is not None
    assert convert_other is not None
    assert one.data_type == other.data_type

    def convert(col: str, sql_type: str) -> str:
        # coalesce converts a row with the second format only where the first gave NULL.
        return f"coalesce({convert_one(col, sql_type)}, {convert_other(col, sql_type)})"

    # The day/month format first: it is the one whose order `decide` reports.
    return Detector(
        name, one.data_type, rf"(?:{one.regex})|(?:{other.regex})", convert,
        priority=66, formats=other.formats + one.formats, parts=(first, second),
    )


@register
def iso_or_us_date() -> Detector:
    """ISO dates and month-first dates in one column ("2021-01-05", "1/13/2021")."""
    return _either("iso_or_us_date", "iso_date", "us_date")


@register
def iso_or_eu_date() -> Detector:
    """ISO dates and day-first dates in one column ("2021-01-05", "13.01.2021")."""
    return _either("iso_or_eu_date", "iso_date", "eu_date")


@register
def iso_or_us_date_short() -> Detector:
    """ISO dates and month-first dates of two-digit years in one column ("2017-04-05",
    "4/13/18")."""
    return _either("iso_or_us_date_short", "iso_date", "us_date_short")


@register
def iso_or_eu_date_short() -> Detector:
    """ISO dates and day-first dates of two-digit years in one column (the IPL's matches:
    "2017-04-05" for some seasons, "07/04/18" for others)."""
    return _either("iso_or_eu_date_short", "iso_date", "eu_date_short")


@register
def us_date_mixed_year() -> Detector:
    """Month-first dates of two- and four-digit years in one column ("8/11/17" beside
    "8/19/2017"), as files concatenated over years of changing exports have them."""
    return _either("us_date_mixed_year", "us_date_short", "us_date")


@register
def eu_date_mixed_year() -> Detector:
    """Day-first dates of two- and four-digit years in one column: football-data.co.uk wrote
    "11/08/17" until the 2017/18 season and "19/08/2017" since, and a compilation of seasons
    holds both. The two-digit years as `eu_date_short` reads them."""
    return _either("eu_date_mixed_year", "eu_date_short", "eu_date")


# A day/month date, a space, and a time of day on a 24-hour or 12-hour clock; on a 24-hour
# one with a fraction of a second at times, after a point or a comma (historians' and PLC
# loggers' "13/06/2023 00:00:01.001", WinCC's German "13.06.2023 00:00:01,001").
# (24:00 is the day's end, as NUFORC's sightings and some loggers write midnight: the next
# day's 00:00.)
_HOUR_MINUTE = r"(?:[01]?[0-9]|2[0-3]):[0-5][0-9]"
_CLOCK = (
    rf"(?:{_HOUR_MINUTE}(?::[0-5][0-9](?:[.,][0-9]{{1,9}})?)?|{_HOUR_MINUTE}(?::[0-5][0-9])?\s?[AaPp][Mm]"
    r"|24:00(?::00)?)"
)
_DAY_END = " 24:00"


def _has_fraction(col: str) -> str:
    """SQL boolean: the value's seconds have a fraction, a point or a comma right after them
    (the clock's minutes and seconds take two digits each, so it sits six places after the
    first colon; a date has no colon)."""
    return f"substr({col}, strpos({col}, ':') + 6, 1) IN ('.', ',')"


def _day_or_month_time(year_digits: int, between: str) -> str:
    """The shape of a day/month date with a time, either order, its year of ``year_digits``,
    its parts separated by ``between`` (a regex)."""
    return (
        rf"\s*[0-9]{{1,2}}{between}[0-9]{{1,2}}{between}[0-9]{{{year_digits}}}\s[0-9]{{1,2}}:[0-9]{{2}}"
        r"(?::[0-9]{2}(?:[.,][0-9]{1,9})?)?(?:\s?[AaPp][Mm])?\s*"
    )


def _day_month_time(name: PatternName, first: str, second: str, date_format: str) -> Detector:
    """A day/month date with a time; ``date_format`` ends in ``%Y`` or, for a two-digit year
    ("14/03/24 23:00:00": Eurostat's LAST UPDATE, Excel's "12/9/22 6:28"), ``%y``; its parts
    separated by '/', '.' or '-' or, where ``date_format`` says so, by spaces ("%d %m %Y");
    with UTC or GMT after the time at times, an offset after that converted to UTC (Amazon's EU
    settlements: "03.04.2023 10:42:04 UTC")."""
    year_digits = 4 if date_format.endswith("%Y") else 2
    spaced_date = " " in date_format
    between = " " if spaced_date else "[/.-]"
    regex = rf"\s*{first}{between}{second}{between}[0-9]{{{year_digits}}}\s{_CLOCK}(?:{_NAMED_ZONE})?\s*"
    formats = tuple(
        f"{date_format} {clock}" for clock in ("%H:%M:%S", "%H:%M", "%I:%M:%S %p", "%I:%M %p", "%H:%M:%S.%n")
    )
    shape = _day_or_month_time(year_digits, between)
    # The fraction read after a slash where the date's points became slashes, and with them
    # the fraction's point (a comma is made one too). %n reads one to nine digits, as a
    # TIMESTAMP_NS, cast back for the column to keep the type of the values without one.
    point = "." if spaced_date else "/"
    fraction_format = lit(f"{date_format} %H:%M:%S{point}%n")

    def convert(col: str, _sql_type: str) -> str:
        # strptime takes one constant format: cheap tests of the raw value pick it (seconds
        # or not, AM/PM or not) instead of failed attempts, the costliest thing strptime does.
        # Only one branch runs per row, so the shape's regex runs once. (A date spaced is read
        # as written: its format has the spaces.)
        value = shaped(col, shape)
        text = value if spaced_date else f"replace(replace({value}, '.', '/'), '-', '/')"
        seconds, twelve, spaced = _has_seconds(col), _twelve_hour(col), _spaced_half(text)
        h24, h24_short, h12, h12_short = (lit(f) for f in formats[:4])
        midnight = f"replace({text}, {lit(_DAY_END)}, ' 00:00')"
        fraction = f"CAST(try_strptime(replace({text}, ',', {lit(point)}), {fraction_format}) AS TIMESTAMP)"
        return (
            f"CASE WHEN {twelve} THEN (CASE WHEN {seconds} THEN try_strptime({spaced}, {h12}) "
            f"ELSE try_strptime({spaced}, {h12_short}) END) "
            f"WHEN contains({col}, {lit(_DAY_END)}) THEN (CASE WHEN {seconds} THEN try_strptime({midnight}, {h24}) "
            f"ELSE try_strptime({midnight}, {h24_short}) END) + INTERVAL 1 DAY "
            f"WHEN {seconds} THEN (CASE WHEN {_has_fraction(col)} THEN {fraction} ELSE try_strptime({text}, {h24}) END) "
            f"ELSE try_strptime({text}, {h24_short}) END"
        )

    return Detector(
        name, "TIMESTAMP", regex, _named_zone_to_utc(regex, convert), priority=70, formats=formats
    )


@register
def us_datetime() -> Detector:
    """Month first with a time: "01/31/2021 13:45", "1/31/2021 1:45:07 PM"."""
    return _day_month_time("us_datetime", _MONTH_NUMBER, _DAY_NUMBER, "%m/%d/%Y")


@register
def eu_datetime() -> Detector:
    """Day first with a time: "31.01.2021 13:45", "31/01/2021 13:45:07"."""
    return _day_month_time("eu_datetime", _DAY_NUMBER, _MONTH_NUMBER, "%d/%m/%Y")


@register
def us_datetime_short() -> Detector:
    """Month first with a two-digit year and a time: "12/9/22 6:28", "3/14/24 11:00:00 PM"."""
    return _day_month_time("us_datetime_short", _MONTH_NUMBER, _DAY_NUMBER, "%m/%d/%y")


@register
def eu_datetime_short() -> Detector:
    """Day first with a two-digit year and a time: "14/03/24 23:00:00", "31.01.21 13:45"."""
    return _day_month_time("eu_datetime_short", _DAY_NUMBER, _MONTH_NUMBER, "%d/%m/%y")


@register
def us_datetime_spaced() -> Detector:
    """Month first, the date's parts separated by spaces, with a time: "01 31 2018 00:10"."""
    return _day_month_time("us_datetime_spaced", _MONTH_NUMBER, _DAY_NUMBER, "%m %d %Y")


@register
def eu_datetime_spaced() -> Detector:
    """Day first, the date's parts separated by spaces, with a time: "31 01 2018 00:10", as
    the Kaggle wind turbine SCADA data (T1.csv) writes its Date/Time. Four-digit years
    only: "01 02 18 10:00" is as much a list of numbers."""
    return _day_month_time("eu_datetime_spaced", _DAY_NUMBER, _MONTH_NUMBER, "%d %m %Y")


@register
def iso_or_us_datetime() -> Detector:
    """ISO and month-first date-times in one column ("2009-12-01 07:45:00", "12/1/2010 8:26")."""
    return _either("iso_or_us_datetime", "iso_datetime", "us_datetime")


@register
def iso_or_eu_datetime() -> Detector:
    """ISO and day-first date-times in one column ("2009-12-01 07:45:00", "13.01.2010 8:26")."""
    return _either("iso_or_eu_datetime", "iso_datetime", "eu_datetime")


@register
def ymd_slash() -> Detector:
    """Year first with slashes or points: YYYY/MM/DD, YYYY.MM.DD."""
    formats = ("%Y/%m/%d", "%Y.%m.%d")
    guard = r"\s*[0-9]{4}[/.][0-9]{1,2}[/.][0-9]{1,2}\s*"
    return Detector(
        "ymd_slash", "DATE", rf"\s*[0-9]{{4}}[/.]{_MONTH_NUMBER}[/.]{_DAY_NUMBER}\s*",
        lambda col, _t: strptime_date(f"replace({shaped(col, guard)}, '.', '/')", formats[:1]),
        priority=70, formats=formats,
    )


@register
def ymd_slash_datetime() -> Detector:
    """Year first with slashes and a time ("2021/01/05 10:11:12", "2021/1/5 9:05"), with a
    zone at times (GDAL's exports of GPS tracks: "2023/05/01 06:30:00+00"), then in UTC; on a
    12-hour clock, with UTC or GMT and an offset after it, as Google Forms writes its
    Timestamp ("2023/04/01 10:15:22 PM GMT+1")."""
    clock = (
        r"(?:(?:[01]?[0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\.[0-9]{1,6})?)?"
        r"|(?:0?[1-9]|1[0-2]):[0-5][0-9](?::[0-5][0-9])?\s?[AaPp][Mm])"
    )
    regex = (
        rf"\s*[0-9]{{4}}/{_MONTH_NUMBER}/{_DAY_NUMBER}[ T]{clock}"
        rf"(?:[-+][0-9]{{2}}(?::?[0-9]{{2}})?|Z|{_NAMED_ZONE})?\s*"
    )
    formats = ("%Y/%m/%d %H:%M:%S", "%Y/%m/%d %H:%M", "%Y/%m/%d %I:%M:%S %p", "%Y/%m/%d %I:%M %p")

    def convert_local(col: str, _sql_type: str) -> str:
        # DuckDB's TIMESTAMP cast reads slashes between the date's parts (and drops a zone),
        # not AM/PM: a 12-hour clock's values get strptime's (see _day_month_time).
        value = shaped(col, regex)
        zoned = f"regexp_matches({col}, '(?:[-+][0-9]{{2}}(?::?[0-9]{{2}})?|Z)\\s*$')"
        spaced, twelve, twelve_short = _spaced_half(value), lit(formats[2]), lit(formats[3])
        return (
            f"CASE WHEN {_twelve_hour(col)} THEN (CASE WHEN {_has_seconds(col)} THEN try_strptime({spaced}, {twelve})"
            f" ELSE try_strptime({spaced}, {twelve_short}) END)"
            f" WHEN {zoned} THEN timezone('UTC', TRY_CAST({value} AS TIMESTAMPTZ))"
            f" ELSE TRY_CAST({value} AS TIMESTAMP) END"
        )

    return Detector(
        "ymd_slash_datetime", "TIMESTAMP", regex, _named_zone_to_utc(regex, convert_local),
        priority=70, formats=formats,
    )


@register
def iso_date_hour() -> Detector:
    """An ISO date with its hour alone ("2023-01-05T14", the hourly period of the EIA's API):
    a TIMESTAMP at the hour."""
    formats = ("%Y-%m-%dT%H", "%Y-%m-%d %H")
    regex = r"\s*[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])[T ](?:[01][0-9]|2[0-3])\s*"
    return Detector(
        "iso_date_hour", "TIMESTAMP", regex,
        lambda col, _t: f"try_strptime(trim({shaped(col, regex)}), {format_list(formats)})",
        priority=66, formats=formats,
    )


@register
def year_month() -> Detector:
    """Months written as year and month ("2021-03", "2021/03"): a DATE on the month's first day."""
    formats = ("%Y-%m",)
    regex = rf"\s*(?:1[5-9]|2[0-9])[0-9]{{2}}[-/]{_MONTH_NUMBER}\s*"
    return Detector(
        "year_month", "DATE", regex,
        lambda col, _t: strptime_date(f"replace({shaped(col, regex)}, '/', '-')", formats),
        priority=65, formats=formats,
    )


@register
def month_year() -> Detector:
    """Months written month first with a slash or a dash ("01/2023", "4-2023"), as NDIC's
    monthly production reports write ReportDate, and many ERP exports a period: a DATE on the
    month's first day. (A point is left out: "04.2023" is as much a number.)"""
    formats = ("%m/%Y",)
    regex = rf"\s*{_MONTH_NUMBER}[-/](?:1[5-9]|2[0-9])[0-9]{{2}}\s*"
    return Detector(
        "month_year", "DATE", regex,
        lambda col, _t: strptime_date(f"replace(trim({shaped(col, regex)}), '-', '/')", formats),
        priority=65, formats=formats,
    )


@register
def compact_partial_date() -> Detector:
    """Dates written YYYYMMDD beside YYYYMM and YYYY where the day or the month is unknown
    ("20230314", "202303", "2023": the FDA's FAERS event_dt), or with zeros for them
    ("19300000", "19440300": Jeff Sackmann's tennis players born in a year or a month): a
    DATE on the first day of the period written. Shortlisted only under a date's name, and
    only when the sample shows full dates beside shorter ones (see `sampling`); any such
    number could be an amount."""
    formats = ("%Y%m%d", "%Y%m", "%Y")
    regex = r"\s*(?:1[89]|20)[0-9]{2}(?:(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01]|00)?|0000)?\s*"

    def convert(col: str, _sql_type: str) -> str:
        text = f"trim({shaped(col, regex)})"
        padded = (
            f"CASE length({text}) WHEN 4 THEN {text} || '0101' WHEN 6 THEN {text} || '01'"
            f" ELSE CASE WHEN suffix({text}, '0000') THEN left({text}, 4) || '0101'"
            f" WHEN suffix({text}, '00') THEN left({text}, 6) || '01' ELSE {text} END END"
        )
        return strptime_date(padded, ("%Y%m%d",))

    return Detector(
        "compact_partial_date", "DATE", regex, convert, priority=101, formats=formats, named=looks_like_date,
    )


def _named_as_month_or_period(name: str) -> bool:
    """Whether a column's name says month, or may (a period's abbreviation, a date's name:
    `names.may_name_a_year_month`), where six digits are worth reading as yyyymm."""
    return looks_like_year_month(name) or may_name_a_year_month(name)


@register
def compact_year_month() -> Detector:
    """Months written as six digits yyyymm ("202301": NOAA's storm events' BEGIN_YEARMONTH,
    many statistics offices' periods, the SOI's tax_pd): a DATE on the month's first day.
    Any such number could be an amount or an id: shortlisted only under a month's or a
    period's name, or a date's (where `decide` wants every value a month)."""
    regex = r"\s*(?:1[89]|20)[0-9]{2}(?:0[1-9]|1[0-2])\s*"
    return _written_date("compact_year_month", regex, ("%Y%m",), priority=101, named=_named_as_month_or_period)


@register
def compact_month_year() -> Detector:
    """Months written as six digits mmyyyy ("012023": Fannie Mae's loan performance data,
    ACT_PERIOD, ORIG_DATE, MATR_DT): a DATE on the month's first day. As `compact_year_month`,
    shortlisted only under a month's, a period's or a date's name, and months only when every
    value is one (see `decide`): six digits with a leading zero are as often a code."""
    regex = r"\s*(?:0[1-9]|1[0-2])(?:1[89]|20)[0-9]{2}\s*"
    return _written_date("compact_month_year", regex, ("%m%Y",), priority=101, named=_named_as_month_or_period)


@register
def iso_partial_date() -> Detector:
    """ISO dates of mixed precision in one column ("1977", "1984-05", "1981-02-12"), as music,
    book and film catalogues date releases, also with zeros for an unknown month or day
    (Discogs' released "1993-00-00", "1995-06-00"; MySQL's dates allowed invalid): a DATE on
    the first day of the year or month written. Below the single patterns: inference tries it
    only when the sample shows full dates beside years, months or zeros (see `sampling`)."""
    year = r"(?:1[5-9]|2[0-9])[0-9]{2}"
    regex = rf"\s*{year}(?:-{_MONTH_NUMBER}(?:-(?:{_DAY_NUMBER}|00))?|-00-00)?\s*"

    def convert(col: str, _sql_type: str) -> str:
        # (A zero is the first month or day: no month or day 0 has a "-00" otherwise.)
        text = f"replace(trim({shaped(col, regex)}), '-00', '-01')"
        dashes = f"(length({text}) - length(replace({text}, '-', '')))"  # 0 for a year, 1 for a month
        full = f"CASE {dashes} WHEN 0 THEN {text} || '-01-01' WHEN 1 THEN {text} || '-01' ELSE {text} END"
        return f"TRY_CAST({full} AS DATE)"

    return Detector(
        "iso_partial_date", "DATE", regex, convert, priority=64, formats=("%Y-%m-%d", "%Y-%m", "%Y"),
    )


def _day_month_partial(name: PatternName, first: str, second: str, full_format: str) -> Detector:
    """Day/month dates of mixed precision, slashed: a full date (``full_format``) beside a
    month and year, m/yyyy, and a year alone, each read as the first day of what it writes."""
    year = r"(?:1[5-9]|2[0-9])[0-9]{2}"
    regex = rf"\s*(?:{first}/{second}/{year}|{_MONTH_NUMBER}/{year}|{year})\s*"
    formats = (full_format, "%m/%Y", "%Y")

    def convert(col: str, _sql_type: str) -> str:
        text = f"trim({shaped(col, regex)})"
        slashes = f"(length({text}) - length(replace({text}, '/', '')))"
        # One constant format per value, picked by its slashes (see _day_month_time).
        by_slashes = " ".join(f"WHEN {2 - i} THEN try_strptime({text}, {lit(f)})" for i, f in enumerate(formats))
        return f"CAST(CASE {slashes} {by_slashes} END AS DATE)"

    # Below the full dates' readings: inference tries it only when the sample shows full dates
    # beside years or months alone (see `sampling`).
    return Detector(name, "DATE", regex, convert, priority=63, formats=formats)


@register
def us_partial_date() -> Detector:
    """Month-first dates of mixed precision ("6/15/1965" beside "6/1965" and "1965"), as
    Raiser's Edge exports its fuzzy dates (a donor's Birth Date, Deceased Date, a constituent
    code's Date From), as genealogy and museum files write them: a DATE on the first day of
    the month or year written."""
    return _day_month_partial("us_partial_date", _MONTH_NUMBER, _DAY_NUMBER, "%m/%d/%Y")


@register
def eu_partial_date() -> Detector:
    """Day-first dates of mixed precision ("15/6/1965" beside "6/1965" and "1965"): the same
    as `us_partial_date`, day first."""
    return _day_month_partial("eu_partial_date", _DAY_NUMBER, _MONTH_NUMBER, "%d/%m/%Y")


@register
def iso_partial_datetime() -> Detector:
    """ISO date-times of mixed precision in one column ("2014", "2014-01", "2014-01-05",
    "2014-01-05T10:30"), as CDISC's SDTM writes every --DTC (an adverse event's AESTDTC known
    to the month, the minute or anything between): a TIMESTAMP at the first instant of the
    period written. Below `iso_datetime` and `iso_partial_date`: inference tries it only when
    the sample shows times beside years or months (see `sampling`)."""
    year = r"(?:1[5-9]|2[0-9])[0-9]{2}"
    clock = r"(?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\.[0-9]{1,6})?)?"
    regex = rf"\s*{year}(?:-{_MONTH_NUMBER}(?:-{_DAY_NUMBER}(?:[T ]{clock})?)?)?\s*"
    formats = ("%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M", "%Y-%m-%d", "%Y-%m", "%Y")

    def convert(col: str, _sql_type: str) -> str:
        text = f"trim({shaped(col, regex)})"
        # (The dashes of the date alone: a time has none. 0 for a year, 1 for a month.)
        dashes = f"(length({text}) - length(replace({text}, '-', '')))"
        full = f"CASE {dashes} WHEN 0 THEN {text} || '-01-01' WHEN 1 THEN {text} || '-01' ELSE {text} END"
        return f"TRY_CAST({full} AS TIMESTAMP)"

    return Detector("iso_partial_datetime", "TIMESTAMP", regex, convert, priority=63, formats=formats)


@register
def year_quarter() -> Detector:
    """Quarters as reports name them ("2021-Q3", "2021 Q3", "Q3 2021"): a DATE on the
    quarter's first day."""
    year = r"(?:1[5-9]|2[0-9])[0-9]{2}"
    quarter = r"[Qq][1-4]"
    regex = rf"\s*(?:{year}\s?-?\s?{quarter}|{quarter}\s?-?\s?{year})\s*"

    def convert(col: str, _sql_type: str) -> str:
        text = shaped(col, regex)
        first_month = f"CAST(regexp_extract(upper({text}), 'Q([1-4])', 1) AS INTEGER) * 3 - 2"
        return f"make_date(CAST(regexp_extract({text}, '[0-9]{{4}}') AS INTEGER), {first_month}, 1)"

    return Detector("year_quarter", "DATE", regex, convert, priority=65)


# Unix times between 1990 and 2100, in seconds, milliseconds or microseconds: outside that
# range a whole number is far likelier a count, an amount or an identifier.
_EPOCH_SECONDS = (631_152_000, 4_102_444_800)


def _epoch(name: PatternName, digits: str, scale: int) -> Detector:
    low, high = (bound * scale for bound in _EPOCH_SECONDS)

    def convert(col: str, _sql_type: str) -> str:
        # make_timestamp of microseconds gives a TIMESTAMP in UTC whatever the session's zone.
        # (Seconds with a fraction, as Python's time.time() writes them: to the microsecond.)
        number = f"TRY_CAST({shaped(col, regex)} AS DOUBLE)"
        micros = f"CAST(round({number} * {1_000_000 // scale}) AS BIGINT)"
        return f"make_timestamp(CASE WHEN {number} BETWEEN {low} AND {high} THEN {micros} END)"

    # (".0" after the digits: pandas writes a column of whole numbers with a missing value so;
    # a fraction of a second, Home Assistant's last_updated_ts "1705305667.434286"; or every
    # digit before an exponent, as Reddit's dumps write some: "1.430438407e9".)
    exact = "|".join(rf"[1-9]\.[0-9]{{{n - 1}}}[eE]\+?0?{n - 1}" for n in (int(d) for d in digits.split(",")))
    fraction = r"(?:\.[0-9]{1,6})?" if scale == 1 else r"(?:\.0)?"
    regex = rf"\s*(?:[0-9]{{{digits}}}{fraction}|{exact})\s*"
    # Below `integer`: `decide` reads such a column as times only when its name says so.
    return Detector(name, "TIMESTAMP", regex, convert, priority=10)


# Unix times a source typed as numbers (a Parquet int64: GA4's event_timestamp in microseconds,
# a Kafka sink's milliseconds), by pattern: the same units and years as the text readings.
EPOCH_SCALES: dict[str, int] = {"epoch_seconds": 1, "epoch_millis": 1000, "epoch_micros": 1_000_000}


def epoch_pattern_of(low: float, high: float, *, whole: bool) -> str | None:
    """The unit in which numbers from ``low`` to ``high`` are all Unix times of 1990-2100
    (seconds only for numbers with fractions, ``whole`` False); None when none fits."""
    for name, scale in EPOCH_SCALES.items():
        if (whole or scale == 1) and _EPOCH_SECONDS[0] * scale <= low and high <= _EPOCH_SECONDS[1] * scale:
            return name
    return None


def native_epoch_sql(column_sql: str, pattern: str) -> str:
    """A number the source typed (an integer or a double) read as a Unix time in
    ``pattern``'s unit: a TIMESTAMP in UTC, NULL outside 1990-2100."""
    scale = EPOCH_SCALES[pattern]
    low, high = (bound * scale for bound in _EPOCH_SECONDS)
    micros = f"CAST(round({column_sql} * {1_000_000 // scale}) AS BIGINT)"
    return f"make_timestamp(CASE WHEN {column_sql} BETWEEN {low} AND {high} THEN {micros} END)"


@register
def epoch_seconds() -> Detector:
    """Unix times in seconds ("964982703", as MovieLens and many logs write them)."""
    return _epoch("epoch_seconds", "9,10", 1)


@register
def epoch_millis() -> Detector:
    """Unix times in milliseconds ("964982703000", as JavaScript and Java write them)."""
    return _epoch("epoch_millis", "12,13", 1000)


@register
def epoch_micros() -> Detector:
    """Unix times in microseconds ("1735689600000000", as Binance's spot files write them
    since 2025, and many event logs)."""
    return _epoch("epoch_micros", "15,16", 1_000_000)


@register
def epoch_nanos() -> Detector:
    """Unix times in nanoseconds ("1680344122123456789", as InfluxDB, OpenTelemetry and Kafka
    exports write them): read to the microsecond, as every TIMESTAMP here is. Below
    `integer`: `decide` reads such a column as times only when its name says so."""
    regex = r"\s*[0-9]{18,19}\s*"
    low, high = (bound * 1_000_000_000 for bound in _EPOCH_SECONDS)

    def convert(col: str, _sql_type: str) -> str:
        # Whole numbers throughout: a DOUBLE keeps 16 digits, not 19.
        nanos = f"TRY_CAST(trim({shaped(col, regex)}) AS BIGINT)"
        return f"make_timestamp(CASE WHEN {nanos} BETWEEN {low} AND {high} THEN {nanos} // 1000 END)"

    return Detector("epoch_nanos", "TIMESTAMP", regex, convert, priority=10)


# Excel's day 0. Not 1899-12-31: Excel kept Lotus 1-2-3's 29 February 1900, a day that never
# was, so every serial from 61 (1 March 1900) on counts one day too many from there.
_EXCEL_DAY_ZERO = "1899-12-30"


def _named_as_date_or_time(name: str) -> bool:
    """Whether a column's name says date, or a moment (``Posted``, ``created``), where Excel's
    day numbers are worth a look."""
    return looks_like_date(name) or looks_like_instant(name)


@register
def excel_serial() -> Detector:
    """Dates as Excel stores them, whole numbers of days ("44929" is 2023-01-03), as accounting
    sheets saved to CSV by a script or from a "General" cell write them. 20000 to 59999 only
    (1954-10-04 to 2064-04-08), shortlisted only under a name of a date or a moment: any
    such number could be an amount or an id. Below `integer`: `decide` reads the column as
    dates only when its name says date."""
    regex = r"\s*[2-5][0-9]{4}(?:\.0)?\s*"

    def convert(col: str, _sql_type: str) -> str:
        days = f"TRY_CAST(trim({shaped(col, regex)}) AS INTEGER)"
        return f"DATE {lit(_EXCEL_DAY_ZERO)} + {days}"

    return Detector("excel_serial", "DATE", regex, convert, priority=10, named=_named_as_date_or_time)


# SAS's day 0, and its seconds before Unix's (3653 days); the span of its numeric dates read
# as such, 1900 to 2060 (a trial's dates, and its subjects' births): outside it a number
# under such a name is no date.
_SAS_DAY_ZERO = "1960-01-01"
_SAS_TO_UNIX_SECONDS = 315_619_200
_SAS_DAYS = (-21_914, 36_889)


@register
def sas_day_number() -> Detector:
    """Dates as SAS stores them, days since 1960-01-01 ("19725" is 2014-01-02; pandas writes
    "19725.0"), as ADaM's TRTSDT, ADT and ASTDT reach CSV without their format (pandas'
    read_sas, R's write.csv, PROC EXPORT of unformatted variables). 1900 to 2060 only,
    shortlisted only under ADaM's name of a numeric date (or a label row that says date):
    any such number could be a count. Below `integer`: `decide` reads the column as dates."""
    regex = r"\s*-?[0-9]{1,5}(?:\.0+)?\s*"

    def convert(col: str, _sql_type: str) -> str:
        days = f"TRY_CAST(TRY_CAST(trim({shaped(col, regex)}) AS DOUBLE) AS INTEGER)"
        low, high = _SAS_DAYS
        return f"CASE WHEN {days} BETWEEN {low} AND {high} THEN DATE {lit(_SAS_DAY_ZERO)} + {days} END"

    return Detector("sas_day_number", "DATE", regex, convert, priority=10, named=names_a_sas_date)


@register
def sas_seconds() -> Detector:
    """Date-times as SAS stores them, seconds since 1960-01-01 00:00 ("1670054400" is
    2012-12-02 08:00), as ADaM's TRTSDTM and ADTM reach CSV without their format: a
    TIMESTAMP, 1900 to 2060 only, shortlisted only under ADaM's name of a numeric date-time
    (or a label row that says date and time)."""
    regex = r"\s*-?[0-9]{1,10}(?:\.[0-9]{1,6})?\s*"
    low, high = (days * 86_400 for days in _SAS_DAYS)

    def convert(col: str, _sql_type: str) -> str:
        seconds = f"TRY_CAST(trim({shaped(col, regex)}) AS DOUBLE)"
        micros = f"CAST(round(({seconds} - {_SAS_TO_UNIX_SECONDS}) * 1000000) AS BIGINT)"
        return f"make_timestamp(CASE WHEN {seconds} BETWEEN {low} AND {high} THEN {micros} END)"

    return Detector("sas_seconds", "TIMESTAMP", regex, convert, priority=10, named=names_a_sas_datetime)


@register
def compact_date() -> Detector:
    """YYYYMMDD with a plausible year (1900-2099), month and day ("20210105")."""
    formats = ("%Y%m%d",)
    regex = r"\s*(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])\s*"
    return Detector(
        "compact_date", "DATE", regex,
        lambda col, _t: strptime_date(shaped(col, regex), formats),
        priority=10, formats=formats,
    )


@register
def compact_mdy() -> Detector:
    """MMDDYYYY with a plausible month, day and year (1900-2099): "01152020", the
    TRANSACTION_DT of the FEC's bulk files and other mainframe exports. Judged with
    `compact_date` (a name or a spread of valid dates over months)."""
    regex = r"\s*(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])(?:19|20)[0-9]{2}\s*"
    return _written_date("compact_mdy", regex, ("%m%d%Y",), priority=9)


@register
def compact_yymmdd() -> Detector:
    """YYMMDD with a plausible month and day ("930705": the PKDD'99 Czech bank's dates, and
    other mainframe exports); years 69-99 in the 1900s, 00-68 in the 2000s, as strptime
    reads them. Any six digits could be one: shortlisted only under a date's name."""
    regex = r"\s*[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])\s*"
    return _written_date("compact_yymmdd", regex, ("%y%m%d",), priority=8, named=looks_like_date)


@register
def compact_datetime() -> Detector:
    """YYYYMMDDhhmmss ("20190507064319", as GDELT and many logs write it), also ISO 8601's
    basic form with a T ("20141013T000000", King County's house sales), a space, a colon or a semicolon, with
    milliseconds (HistData's forex ticks, "20190101 170003123"), and to the hour or the
    minute (Google Analytics' "Date + hour (YYYYMMDDHH)" 2023010514, "Date Hour and Minute"
    202301051430). Below `integer`: `decide` reads such a column as times only when its name
    says time or date."""
    formats = ("%Y%m%d%H%M%S", "%Y%m%d%H%M%S%g", "%Y%m%d%H", "%Y%m%d%H%M")
    regex = (
        r"\s*(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[T :;]?"
        r"(?:[01][0-9]|2[0-3])(?:[0-5][0-9](?:[0-5][0-9](?:[0-9]{3})?)?)?\s*"
    )

    def convert(col: str, _sql_type: str) -> str:
        # (PVGIS writes a colon between the day and the time, "20200101:0010"; Interactive
        # Brokers' Flex queries a semicolon, "20230106;093512".)
        digits = f"regexp_replace(trim({shaped(col, regex)}), '[T :;]', '')"
        by_length = " ".join(f"WHEN {width} THEN try_strptime({digits}, {lit(f)})" for width, f in zip((14, 17, 10, 12), formats, strict=True))
        return f"CASE length({digits}) {by_length} END"

    return Detector("compact_datetime", "TIMESTAMP", regex, convert, priority=10, formats=formats)


# YYMMDDhhmmss: a two-digit year (00-68 in the 2000s, as strptime reads them), a valid month,
# day and time of day.
_YYMMDDHHMMSS = (
    r"[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])(?:[01][0-9]|2[0-3])[0-5][0-9][0-5][0-9]"
)


def _named_as_moment(name: str) -> bool:
    """Whether a column's name says time or date (``ANSWER_TIME``, ``EVENT_TS``,
    ``recordOpeningTime``), where twelve or sixteen digits are worth reading as a moment."""
    return looks_like_instant(name) or looks_like_date(name)


@register
def compact_short_datetime() -> Detector:
    """YYMMDDhhmmss ("230401101530"), as Ericsson's and Nokia's switches write a call's
    ANSWER_TIME in their CDRs. Any twelve digits could be an amount or an id: shortlisted only
    under a name of a time or a date, and below `integer`."""
    regex = rf"\s*{_YYMMDDHHMMSS}\s*"

    def convert(col: str, _sql_type: str) -> str:
        return f"try_strptime(trim({shaped(col, regex)}), '%y%m%d%H%M%S')"

    return Detector(
        "compact_short_datetime", "TIMESTAMP", regex, convert, priority=9, formats=("%y%m%d%H%M%S",),
        named=_named_as_moment,
    )


@register
def cdr_timestamp() -> Detector:
    """The BCD TimeStamp of 3GPP's charging records (TS 32.298) as decoders print it:
    YYMMDDhhmmss and the offset from UTC, hhmm, with its sign ("230401101522+0100", converted
    to UTC) or without ("2304011015220100", whose direction is not written: kept as the local
    time written). Sixteen digits are as much Unix microseconds of the 2040s: shortlisted only
    under a name of a time or a date, and read so before them (see `decide`)."""
    regex = rf"\s*{_YYMMDDHHMMSS}[-+]?(?:0[0-9]|1[0-4])[0-5][0-9]\s*"

    def convert(col: str, _sql_type: str) -> str:
        value = f"trim({shaped(col, regex)})"
        local = f"try_strptime(left({value}, 12), '%y%m%d%H%M%S')"
        minutes = f"(CAST(substr({value}, 14, 2) AS INTEGER) * 60 + CAST(substr({value}, 16, 2) AS INTEGER))"
        sign = f"substr({value}, 13, 1)"
        return (
            f"CASE WHEN {sign} = '+' THEN {local} - to_minutes({minutes})"
            f" WHEN {sign} = '-' THEN {local} + to_minutes({minutes}) ELSE {local} END"
        )

    return Detector(
        "cdr_timestamp", "TIMESTAMP", regex, convert, priority=9, formats=("%y%m%d%H%M%S",), named=_named_as_moment,
    )


_MONTH_NAME_DATE = (
    rf"(?i:{_MONTHS}\s[0-9]{{1,2}},?\s[0-9]{{4}}|[0-9]{{1,2}}[\s-]{_MONTHS},?[\s-][0-9]{{4}}"
    # Oracle's default: "04-MAR-21"; Jira's exports: "12/Jan/23", "12/Jan/2023"
    rf"|[0-9]{{1,2}}-{_MONTHS}-[0-9]{{2}}|[0-9]{{1,2}}/{_MONTHS}/(?:[0-9]{{2}}|[0-9]{{4}}))"
)
# "%d-%b-%y" before "%d-%b-%Y", which would read "04-MAR-21" as the year 21 (and "%y" does not
# read a four-digit year).
_MONTH_NAME_FORMATS = (
    "%b %d %Y", "%b %d, %Y", "%B %d %Y", "%B %d, %Y",
    "%d %b %Y", "%d %B %Y", "%d-%b-%y", "%d-%b-%Y", "%d-%B-%Y", "%d %b, %Y", "%d %B, %Y", "%d/%b/%y", "%d/%b/%Y",
)


@register
def month_name_date() -> Detector:
    """Dates with a month name ("Jan 5 2021", "Jan 5, 2021", "5 January 2021", "05-Jan-2021")."""
    regex = rf"\s*{_MONTH_NAME_DATE}\s*"
    return Detector(
        "month_name_date", "DATE", regex,
        lambda col, _t: strptime_date(shaped(col, regex), _MONTH_NAME_FORMATS),
        priority=70, formats=_MONTH_NAME_FORMATS,
    )


@register
def noted_date() -> Detector:
    """Month-name dates with a note in parentheses after them, read as the date and the note
    dropped: Transfermarkt's date of birth "Jun 24, 1987 (35)", the age when scraped. Values
    without a note pass too; the sample shortlists it only where some have one (see
    `sampling`), and below `month_name_date`, which reads a column without notes alone."""
    regex = rf"\s*{_MONTH_NAME_DATE}(?:\s*\([^()]{{1,30}}\))?\s*"

    def convert(col: str, _sql_type: str) -> str:
        return strptime_date(f"trim(split_part({shaped(col, regex)}, '(', 1))", _MONTH_NAME_FORMATS)

    noted = r"\)\s*$"
    return Detector(
        "noted_date", "DATE", regex, convert, mark=marked_by(noted),
        priority=69, formats=_MONTH_NAME_FORMATS,
    )


@register
def us_or_month_name_date() -> Detector:
    """Month-name dates and month-first dates in one column ("Apr 18, 2023", "4/13/2023")."""
    return _either("us_or_month_name_date", "month_name_date", "us_date")


@register
def eu_or_month_name_date() -> Detector:
    """Month-name dates and day-first dates in one column: a UK council's spending kept by
    hand or merged from two systems writes "18-Apr-23" among "13/04/2023"."""
    return _either("eu_or_month_name_date", "month_name_date", "eu_date")


@register
def month_day_comma_year() -> Detector:
    """Dates written month, day, comma, year in numbers ("02 28, 2014", "1 9, 2013"), as
    Amazon's review data writes reviewTime."""
    regex = r"\s*(?:0?[1-9]|1[0-2]) (?:0?[1-9]|[12][0-9]|3[01]), [0-9]{4}\s*"
    return Detector(
        "month_day_comma_year", "DATE", regex,
        lambda col, _t: strptime_date(shaped(col, regex), ("%m %d, %Y",)), priority=70, formats=("%m %d, %Y",),
    )


_WEEKDAY_FULL = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_WEEKDAY_ABBR = r"(?:mon|tue|wed|thu|fri|sat|sun)"
_MONTH_FULL = r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
_MONTH_ABBR = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
_DAY = r"[0-9]{1,2}"


@register
def weekday_date() -> Detector:
    """Long dates with the day of the week ("Tuesday, January 5, 2021", "Tue, 5 Jan 2021",
    "Tue Jan 05 2021"); the day's name must be written as fully as the month's."""
    layouts = (
        (rf"{_WEEKDAY_FULL},\s{_MONTH_FULL}\s{_DAY},\s[0-9]{{4}}", "%A, %B %d, %Y"),
        (rf"{_WEEKDAY_ABBR},\s{_MONTH_ABBR}\s{_DAY},\s[0-9]{{4}}", "%a, %b %d, %Y"),
        (rf"{_WEEKDAY_FULL},\s{_DAY}\s{_MONTH_FULL}\s[0-9]{{4}}", "%A, %d %B %Y"),
        (rf"{_WEEKDAY_ABBR},\s{_DAY}\s{_MONTH_ABBR}\s[0-9]{{4}}", "%a, %d %b %Y"),
        (rf"{_WEEKDAY_ABBR}\s{_MONTH_ABBR}\s{_DAY}\s[0-9]{{4}}", "%a %b %d %Y"),
    )
    regex = r"\s*(?i:" + "|".join(shape for shape, _ in layouts) + r")\s*"
    formats = tuple(fmt for _, fmt in layouts)
    return Detector(
        "weekday_date", "DATE", regex,
        lambda col, _t: strptime_date(shaped(col, regex), formats),
        priority=70, formats=formats,
    )


def _zoned_converter(regex: str, date_format: str, offsets: dict[str, str], *, after: str) -> Converter:
    """A conversion to UTC of a timestamp written with a zone's name or a numeric offset:
    strptime reads the latter only (%z), so each name (with a space before it and ``after``
    it) becomes its offset first."""

    def convert(col: str, _sql_type: str) -> str:
        text = shaped(col, regex)
        for name, offset in offsets.items():
            text = f"replace({text}, {lit(' ' + name + after)}, {lit(' ' + offset + after)})"
        return f"timezone('UTC', try_strptime(trim({text}), {lit(date_format)}))"

    return convert


# Offsets of the zone abbreviations `date` and Twitter's exports write ("PDT"): read as the
# numeric offset strptime takes. Others make no value.
ZONE_OFFSETS = {
    "UTC": "+0000", "GMT": "+0000", "PST": "-0800", "PDT": "-0700", "MST": "-0700", "MDT": "-0600",
    "CST": "-0600", "CDT": "-0500", "EST": "-0500", "EDT": "-0400", "BST": "+0100", "CET": "+0100",
    "CEST": "+0200",
}


@register
def zoned_time() -> Detector:
    """Times of day followed by a zone's abbreviation of `ZONE_OFFSETS` (Google Play's earnings
    reports' Transaction Time "1:25:52 PM PDT", a 24-hour "17:05:00 CET"): read as the clock
    reads them in that zone, a TIME cannot carry the zone (see `decide`, which names it)."""
    zones = "|".join(ZONE_OFFSETS)
    regex = (
        r"\s*(?:(?:0?[1-9]|1[0-2]):[0-5][0-9](?::[0-5][0-9])?\s?[AaPp][Mm]"
        rf"|(?:[01]?[0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9])?)\s(?:{zones})\s*"
    )
    clock = DETECTORS["time"].convert
    assert clock is not None

    def convert(col: str, sql_type: str) -> str:
        return clock(f"rtrim(rtrim({shaped(col, regex)}), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ')", sql_type)

    return Detector("zoned_time", "TIME", regex, convert, priority=69)


@register
def unix_datetime() -> Detector:
    """Timestamps as Unix `date` and Twitter's API write them, the zone before the year
    ("Mon Apr 06 22:19:45 PDT 2009", "Wed Oct 10 20:19:24 +0000 2018"); converted to UTC."""
    zones = "|".join(ZONE_OFFSETS)
    regex = (
        rf"\s*(?i:{_WEEKDAY_ABBR}\s{_MONTH_ABBR})\s{{1,2}}{_DAY}\s[0-9]{{2}}:[0-9]{{2}}:[0-9]{{2}}"
        rf"\s(?:{zones}|[-+][0-9]{{4}})\s[0-9]{{4}}\s*"
    )
    formats = ("%a %b %d %H:%M:%S %z %Y",)
    convert = _zoned_converter(regex, formats[0], ZONE_OFFSETS, after=" ")
    return Detector("unix_datetime", "TIMESTAMP", regex, convert, priority=70, formats=formats)


@register
def rfc_datetime() -> Detector:
    """Internet dates as e-mail and HTTP headers write them ("Tue, 05 Jan 2021 10:11:12 GMT",
    "Tue, 5 Jan 2021 10:11:12 +0100"); converted to UTC."""
    regex = (
        rf"\s*(?i:{_WEEKDAY_ABBR},\s{_DAY}\s{_MONTH_ABBR}\s[0-9]{{4}})\s[0-9]{{2}}:[0-9]{{2}}:[0-9]{{2}}"
        r"\s(?:GMT|UTC|Z|[-+][0-9]{4})\s*"
    )
    formats = ("%a, %d %b %Y %H:%M:%S %z",)
    convert = _zoned_converter(regex, formats[0], {"GMT": "+0000", "UTC": "+0000", "Z": "+0000"}, after="")
    return Detector("rfc_datetime", "TIMESTAMP", regex, convert, priority=70, formats=formats)


@register
def clf_datetime() -> Detector:
    """Times as web servers' access logs write them (the Common Log Format of Apache and
    Nginx: "[10/Oct/2000:13:55:36 -0700]", brackets or not); converted to UTC."""
    regex = rf"\s*\[?{_DAY}/(?i:{_MONTH_ABBR})/[0-9]{{4}}:[0-9]{{2}}:[0-9]{{2}}:[0-9]{{2}}\s[-+][0-9]{{4}}\]?\s*"
    formats = ("%d/%b/%Y:%H:%M:%S %z",)

    def convert(col: str, _sql_type: str) -> str:
        return f"timezone('UTC', try_strptime(trim({shaped(col, regex)}, ' []'), {lit(formats[0])}))"

    return Detector("clf_datetime", "TIMESTAMP", regex, convert, priority=70, formats=formats)


@register
def month_name_year() -> Detector:
    """Months written with their name and year ("Jan 2021", "January 2021", "Mar-2021"): a
    DATE on the month's first day."""
    regex = rf"\s*(?i:{_MONTHS}[\s-][0-9]{{4}})\s*"
    formats = ("%b %Y", "%B %Y")
    return Detector(
        "month_name_year", "DATE", regex,
        lambda col, _t: strptime_date(f"replace({shaped(col, regex)}, '-', ' ')", formats),
        priority=65, formats=formats,
    )


@register
def month_name_partial_date() -> Detector:
    """Month-name dates of mixed precision in one column ("March 15, 2021" beside "March
    2021", as ClinicalTrials.gov dates a study's start; a game's release "Nov 1, 2000" beside
    "Aug 2023"): a month alone is its first day. Tried only when the sample shows both."""
    return _either("month_name_partial_date", "month_name_date", "month_name_year")


@register
def month_name_short_year() -> Detector:
    """Months written as Excel's "mmm-yy" shows them ("Dec-11", "Jan-85": Lending Club's
    issue_d and earliest_cr_line): a DATE on the month's first day. A two-digit year past
    next year's is of the last century ("Jan-62" is 1962, not 2062: no credit line opens in
    the future), where DuckDB's %y would pivot at 69."""
    regex = rf"\s*(?i:{_MONTHS})-[0-9]{{2}}\s*"
    formats = ("%b-%y", "%B-%y")

    def convert(col: str, _sql_type: str) -> str:
        return _past_only(strptime_date(f"trim({shaped(col, regex)})", formats))

    return Detector("month_name_short_year", "DATE", regex, convert, priority=64, formats=formats)


def _past_only(read: str) -> str:
    """SQL: a DATE read with a two-digit year (DuckDB's %y pivots at 69), of the last century
    where it would fall after next year: no credit line opens, and no one is born, in the future."""
    last = date.today().year + 1
    return f"CAST(CASE WHEN year({read}) > {last} THEN {read} - INTERVAL 100 YEAR ELSE {read} END AS DATE)"


@register
def sas_date() -> Detector:
    """Dates as SAS writes them, day, month's name and year without separators: DATE9.
    ("16MAR2021", SAS's default, in insurers' and actuaries' extracts) and DATE7. ("16MAR39":
    Kaggle's car insurance claims' BIRTH, where a two-digit year past next year's is of the
    last century, 1939)."""
    regex = rf"\s*(?:0?[1-9]|[12][0-9]|3[01])(?i:{_MONTH_ABBR})[0-9]{{2}}(?:[0-9]{{2}})?\s*"
    formats = ("%d%b%Y", "%d%b%y")

    def convert(col: str, _sql_type: str) -> str:
        value = f"trim({shaped(col, regex)})"
        # A digit three places from the end is a four-digit year's ("2021"); %Y would read
        # "39" as the year 39.
        long_year = f"substr({value}, -3, 1) BETWEEN '0' AND '9'"
        return (
            f"CASE WHEN {long_year} THEN {strptime_date(value, formats[:1])}"
            f" ELSE {_past_only(strptime_date(value, formats[1:]))} END"
        )

    return Detector("sas_date", "DATE", regex, convert, priority=70, formats=formats)


def _ends_in_a_zone_abbreviation(col: str) -> str:
    """SQL boolean: the value ends in a letter that ends a zone's abbreviation (EDT, CEST, UTC),
    not AM/PM's M nor a digit (a cheap test, before any regex)."""
    return f"right(rtrim({col}), 1) IN ('T', 'C')"


def _zone_abbreviation_to_utc(regex: str, convert_local: Converter) -> Converter:
    """``convert_local`` (of a value without a zone: a CASE expression) for values that also
    end in a zone's abbreviation of `ZONE_OFFSETS` (Niagara's "12:00:00 AM EDT"): read as that
    zone's local time and moved to UTC by its offset (EDT is four hours behind UTC)."""
    minutes = " ".join(
        f"WHEN {lit(name)} THEN {(-1 if offset[0] == '-' else 1) * (int(offset[1:3]) * 60 + int(offset[3:]))}"
        for name, offset in ZONE_OFFSETS.items()
    )

    def convert(col: str, sql_type: str) -> str:
        value = f"rtrim({shaped(col, regex)})"
        zone = f"regexp_extract({value}, '[A-Z]+$')"
        local = convert_local(f"rtrim(rtrim({value}, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'))", sql_type)
        in_utc = f"{local} - to_minutes(CASE {zone} {minutes} END)"
        # A first branch of the local CASE (see _named_zone_to_utc): values without a zone pay
        # one cheap test.
        unzoned = convert_local(col, sql_type)
        assert unzoned.startswith("CASE WHEN ")
        return f"CASE WHEN {_ends_in_a_zone_abbreviation(col)} THEN {in_utc} {unzoned.removeprefix('CASE ')}"

    return convert


@register
def month_name_datetime() -> Detector:
    """Month-name dates with a time ("Jan 5 2021 03:36", "5 January 2021 14:05:09"), also on a
    12-hour clock ("May 7, 2019 6:43:19 AM", as US exports write it), with a comma before
    the time (Strava's "Jan 5, 2023, 7:14:32 AM"), with a fraction of a second on a 24-hour
    clock (PI SMT's and Oracle's DD-MON-YY HH24:MI:SS.FF, "01-Apr-23 10:15:22.123"), and with
    a US or European zone's abbreviation after the time (Niagara's history exports, "01-Apr-23
    12:00:00 AM EDT"), then in UTC."""
    zones = "|".join(ZONE_OFFSETS)
    regex = (
        rf"\s*(?:{_MONTH_NAME_DATE}),?[ T](?:(?:[01]?[0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\.[0-9]{{1,9}})?)?"
        rf"|(?:0?[1-9]|1[0-2]):[0-5][0-9](?::[0-5][0-9])?\s?[AaPp][Mm])(?:\s(?:{zones}))?\s*"
    )
    clock24 = tuple(f"{d} {t}" for d in _MONTH_NAME_FORMATS for t in ("%H:%M", "%H:%M:%S"))
    clock12 = tuple(f"{d} {t}" for d in _MONTH_NAME_FORMATS for t in ("%I:%M %p", "%I:%M:%S %p"))
    # %n reads one to nine digits, as a TIMESTAMP_NS: cast back, as the day/month readings do.
    fractions = tuple(f"{d} %H:%M:%S.%n" for d in _MONTH_NAME_FORMATS)

    def convert(col: str, _sql_type: str) -> str:
        # (The comma after the year goes: "Jan 5, 2023, 7:14" reads as "Jan 5, 2023 7:14".)
        value = f"regexp_replace({shaped(col, regex)}, '([0-9]{{4}}),', '\\1')"
        fraction = f"CAST(try_strptime({value}, {format_list(fractions)}) AS TIMESTAMP)"
        # One list of formats or the other, by a cheap test of the value (see _day_month_time).
        return (
            f"CASE WHEN {_twelve_hour(col)} THEN try_strptime({_spaced_half(value)}, {format_list(clock12)}) "
            f"WHEN {_has_fraction(col)} THEN {fraction} "
            f"ELSE try_strptime({value}, {format_list(clock24)}) END"
        )

    return Detector(
        "month_name_datetime", "TIMESTAMP", regex, _zone_abbreviation_to_utc(regex, convert),
        priority=70, formats=clock24 + clock12,
    )


# A moment day first with its hours and minutes ("01.03.2023 00:15").
_DOTTED_MOMENT = r"[0-3][0-9]\.[01][0-9]\.[0-9]{4} (?:[01][0-9]|2[0-3]):[0-5][0-9]"


# An ISO 8601 moment of an interval: a date, a time at times, a zone (Z or an offset) at times.
_ISO_MOMENT = r"[0-9]{4}-[0-9]{2}-[0-9]{2}(?:T[0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]{1,9})?)?)?(?:Z|[-+][0-9]{2}(?::?[0-9]{2})?)?"
# A zone after the time of an interval's start (the part before the slash; a date's own
# dashes are none).
_ZONED_START = r"^\s*[^/]*:[0-9]{2}(?:\.[0-9]{1,9})?(?:Z|[-+][0-9]{2}(?::?[0-9]{2})?)/"


@register
def datetime_interval() -> Detector:
    """Periods written as their start and end ("01.03.2023 00:00 - 01.03.2023 00:15", the
    "MTU (CET/CEST)" of every ENTSO-E Transparency export, the hour that daylight saving time
    repeats marked " (CET)" or " (CEST)"; ISO 8601's "2023-04-01T00:00:00Z/2023-04-01T01:00:00Z",
    the identity/TimeInterval of every AWS Cost and Usage Report): typed as the period's start,
    a zoned one in UTC."""
    # (The zone, of one value or of the file's, "(CET/CEST)" as the current exports write it.)
    zone = "(?:CET|CEST|EET|EEST|WET|WEST|UTC|GMT|BST|IST|MSK)"
    dotted = rf"{_DOTTED_MOMENT} - {_DOTTED_MOMENT}(?: \({zone}(?:/{zone})?\))?"
    regex = rf"\s*(?:{dotted}|{_ISO_MOMENT}/{_ISO_MOMENT})\s*"
    formats = ("%d.%m.%Y %H:%M",)

    def convert(col: str, _sql_type: str) -> str:
        value = f"trim({shaped(col, regex)})"
        # The ISO form's start is before its slash; the dotted form holds one only inside the
        # parentheses of its zone (two cheap tests per value tell them apart).
        start = f"split_part({value}, '/', 1)"
        iso_form = f"(contains({col}, '/') AND NOT contains({col}, '('))"
        iso = (
            f"CASE WHEN regexp_matches({col}, {lit(_ZONED_START)}) THEN timezone('UTC', TRY_CAST({start} AS TIMESTAMPTZ))"
            f" ELSE TRY_CAST({start} AS TIMESTAMP) END"
        )
        return f"CASE WHEN {iso_form} THEN {iso} ELSE try_strptime(left({value}, 16), {lit(formats[0])}) END"

    return Detector("datetime_interval", "TIMESTAMP", regex, convert, priority=70, formats=formats)
