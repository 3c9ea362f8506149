"""What a column's name says: its tokens, and whether it sounds boolean, like a date, like a
moment in time, like a temperature or like an identifier."""

from __future__ import annotations

import itertools
import re

# camelCase and acronyms: "sizeMB" -> size, MB; "HTTPStatus" -> HTTP, Status; an acronym's
# plural whole ("Associated Contact IDs" -> ids, "URLs"); digits apart.
_TOKEN = re.compile(r"[A-Z]{2,}s(?![a-z])|[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|[0-9]+|[^\W\d_]+")

# First tokens of names that state a yes/no fact: is_active, hasChildren, can_edit, Shopify's
# "Accepts SMS Marketing" (all "no" in a store that never asked).
_BOOLEAN_PREFIXES = frozenset(
    {
        "is", "has", "have", "had", "can", "should", "was", "were", "did", "does", "allow", "allows",
        "accepts", "accepted", "requires", "supports", "includes",
    }
)
# Tokens anywhere in a name that make a 0/1 column a flag.
_BOOLEAN_WORDS = frozenset(
    {
        "flag", "flags", "indicator", "bool", "boolean", "active", "inactive", "enabled", "disabled",
        "deleted", "valid", "verified", "visible", "hidden", "approved", "paid", "completed",
        "subscribed", "churned", "confirmed", "archived", "opt", "optin", "optout",
        # outcomes and states of the 0/1 columns of public datasets (Titanic's Survived, churn
        # tables' Exited and Churn, BTS's Cancelled and Diverted, bike shares' holiday)
        "survived", "exited", "churn", "cancelled", "canceled", "diverted", "discontinued",
        "returned", "delayed", "arrested", "fraud", "fraudulent", "spam", "clicked",
        "converted", "purchased", "responded", "retained", "promoted", "readmitted", "smoker",
        "married", "holiday", "workingday", "weekend", "senior", "deceased", "died", "alive",
        "explicit", "adult", "featured", "vine", "sold", "won", "winner", "open", "promo",
    }
)
# The standard numbers of articles: ISBN, ISSN, EAN, UPC, GTIN, Amazon's ASIN; and of
# securities: CUSIP (CRSP's NCUSIP, "G0176J10" for a foreign issuer), ISIN, SEDOL, FIGI.
ARTICLE_NUMBERS = frozenset({"isbn", "issn", "ean", "upc", "gtin", "asin", "cusip", "ncusip", "isin", "sedol", "figi"})
# Tokens that make a name an identifier's or a code's: anywhere (customer_id, StockCode, sku)...
_IDENTIFIER_WORDS = frozenset({"id", "ids", "code", "codes", "sku", "ref", "uuid", "guid", *ARTICLE_NUMBERS})
# ...or as its last token (InvoiceNo, account_number; not number_of_items).
# (CMS's HCPCS_Cd; App Store Connect's "Apple Identifier", a 10-digit app id, and "Parent Identifier")
_IDENTIFIER_ENDINGS = frozenset({"no", "nr", "num", "number", "key", "reference", "seqn", "cd", "identifier", "identifiers"})
_DATE_WORDS = frozenset(
    {"date", "dt", "day", "dob", "birthday", "birthdate", "yyyymmdd", "ymd", "on"}
)


# Tokens of names of a moment in time: timestamp, created_at, event_time, created_utc.
_INSTANT_WORDS = frozenset(
    {
        "timestamp", "timestamps", "ts", "time", "datetime", "epoch", "unix", "unixtime", "utc",
        # (Last.fm's scrobbles: uts, Unix time in seconds, beside utc_time)
        "uts",
        "created", "updated", "modified", "at", "when", "date",
        # (LinkedIn's postings: expiry, closed_time; a token's valid_until)
        "expiry", "expiration", "expires", "expired", "until", "deadline", "listed", "posted", "published",
        # (AWS VPC flow logs' start and end, threat feeds' first_seen and last_seen, a
        # certificate's not_before and not_after, a user's last_login)
        "start", "started", "end", "ended", "begin", "began", "stop", "stopped", "finished", "completed",
        "seen", "login", "logon", "logout", "received", "sent", "opened", "closed", "before", "after",
    }
)


_TEMPERATURE_WORDS = frozenset({
    "temp", "temps", "temperature", "temperatures", "kelvin", "tmax", "tmin", "tavg", "tmean", "dewpoint", "dew",
})
# Short names of a temperature in weather and climate model output, read whole (the tokens
# split "t2m" at its digit): ERA5's t2m, d2m, skt and sst, CMIP's tas, tasmax and tasmin,
# GRIB's TMP (TMP_2m), WRF's T2 and TSK, NOAA ISD's DEWP. Their native unit is the kelvin.
_MODEL_TEMPERATURE_NAMES = frozenset({
    "t2m", "d2m", "t2", "skt", "sst", "tas", "tasmax", "tasmin", "tmp", "tsk", "dewp", "dpt", "tdew",
})
_NAME_PARTS = re.compile(r"[A-Za-z0-9]+")


def name_tokens(name: str) -> list[str]:
    """Lower-case tokens of a column name, split on `_`, spaces, punctuation and camelCase."""
    return [token.lower() for token in _TOKEN.findall(name)]


def same_naming(a: str, b: str) -> bool:
    """Whether two column names end alike, as a file names its columns of one kind: the same
    last word (``political_cd``, ``lobbying_cd``), or for names glued into one word, the
    same last two letters (the IRS's SOI extract: ``politicalactvtscd``, ``lbbyingactvtscd``)."""
    return _naming_end(a) is not None and _naming_end(a) == _naming_end(b)


def _naming_end(name: str) -> str | None:
    tokens = name_tokens(name)
    if len(tokens) > 1:
        return tokens[-1]
    end = tokens[0][-2:] if tokens else ""
    return end if len(end) == 2 and end.isalpha() else None


def looks_boolean(name: str) -> bool:
    """True for names such as ``is_active``, ``hasKids``, ``deleted_flag``."""
    tokens = name_tokens(name)
    if not tokens:
        return False
    if tokens[0] in _BOOLEAN_PREFIXES:
        return True  # (is_full_time, has_value: a question, whatever its last word)
    if tokens[-1] in _QUANTITY_ENDINGS:
        return False  # Fitbit's VeryActiveDistance, SedentaryActiveMinutes: quantities of a state
    if _COUNT_WORDS.intersection(tokens):
        return False  # an Amazon settlement's quantity-purchased: how many were bought, not whether
    return any(t in _BOOLEAN_WORDS for t in tokens)


# Words of a count or an amount anywhere in a name: what follows or precedes them is what is
# counted (quantity-purchased, QTY_DSPNSD_NUM, number_diagnoses), not a yes/no or a code.
_COUNT_WORDS = frozenset({"quantity", "quantities", "qty", "count", "cnt", "amount", "amt"})


# Last words of a name that measure something, whatever state the words before name.
_QUANTITY_ENDINGS = frozenset({
    "distance", "minutes", "mins", "hours", "seconds", "steps", "calories", "count", "amount", "total", "duration",
    "time", "km", "miles", "days", "rate", "pct", "percent", "share", "sum", "value", "score",
})


# Words of a span of time, not a time of day: ActualElapsedTime, AirTime, travel_time.
_DURATION_WORDS = frozenset({
    "elapsed", "air", "taxi", "delay", "duration", "total", "travel", "wait", "waiting",
    "response", "lead", "run", "running", "cycle", "processing", "spent", "down", "up",
    "uptime", "downtime", "idle", "avg", "mean", "seconds", "minutes", "hours", "secs", "mins",
})


def looks_like_clock(name: str) -> bool:
    """True for names of a time of day written hhmm: ``DepTime``, ``CRSArrTime``,
    ``sched_dep_time``, ``WheelsOff``, the Kaggle flights' ``SCHEDULED_DEPARTURE``; not
    ``AirTime``, ``ActualElapsedTime`` (minutes) or ``DEPARTURE_DELAY``."""
    tokens = name_tokens(name)
    if "hhmm" in tokens or "wheels" in tokens:
        return True
    clock = "time" in tokens or tokens[-1:] in (["departure"], ["arrival"])
    # (A name of a length of time is no clock's either: Garmin's Dive Time "0:00", a lap's
    # Lap Time "4:12", a plant's Setup Time.)
    return clock and not _DURATION_WORDS.intersection(tokens) and not names_a_length_of_time(name)


# Name words of a month written yyyymm (BEGIN_YEARMONTH, yyyymm, period, a month column).
_YEAR_MONTH_WORDS = frozenset({"yearmonth", "yyyymm", "ym", "yrmo", "yearmo", "month", "mnth", "period"})


def names_a_month(name: str) -> bool:
    """True for names that say month outright (``BEGIN_YEARMONTH``, ``yyyymm``, ``month``), not
    ``period`` alone, which is as often an academic or a financial year (the DfE's time_period)."""
    tokens = name_tokens(name)
    return bool((_YEAR_MONTH_WORDS - {"period"}).intersection(tokens))


def looks_like_year_month(name: str) -> bool:
    """True for names of a month written as six digits: ``BEGIN_YEARMONTH``, ``yyyymm``,
    ``period``, ``month``, ``year_month``."""
    tokens = name_tokens(name)
    return bool(_YEAR_MONTH_WORDS.intersection(tokens)) or {"year", "month"} <= set(tokens)


# Abbreviations of "period": the IRS's SOI extracts name the tax period tax_pd (tax_prd in
# other years and the e-file index), where the BMF writes TAX_PERIOD; ledgers FISCAL_PRD.
_PERIOD_ABBREVIATIONS = frozenset({"pd", "prd"})
# Words of an expiry: a parking citation's "Plate Expiry Date" 202312 (the month a plate's tag runs out).
_EXPIRY_WORDS = frozenset({"expiry", "expiration", "expires", "exp"})


def may_name_a_year_month(name: str) -> bool:
    """True for names under which six digits may be a month written yyyymm, though they do
    not say month: a period's abbreviation (``tax_pd``, ``tax_prd``), a date's or an expiry's
    name (``Plate Expiry Date``). The values must then all read as months (see `decide`):
    the BMF's ACCT_PD is a month's number 01..12, and a date's name holds other numbers too.
    Not an identifier's name (``PD_ID``: a police district's, a product's)."""
    tokens = set(name_tokens(name))
    named = bool((_PERIOD_ABBREVIATIONS | _EXPIRY_WORDS).intersection(tokens)) or looks_like_date(name)
    return named and not looks_like_identifier(name)


# Parts of a date or a time counted in whole numbers, which two digits write with a leading
# zero ("08" o'clock, month "03"): Instacart's order_hour_of_day, a birth_month.
_TIME_PART_WORDS = frozenset({
    "hour", "hours", "hh", "hr", "minute", "minutes", "second", "seconds", "ss", "day", "dd",
    "dow", "weekday", "week", "wk", "month", "mm", "mon", "quarter", "qtr",
})


def names_a_time_part(name: str) -> bool:
    """True for names such as ``order_hour_of_day``, ``birth_month``, ``dow``, ``MM``."""
    return any(t in _TIME_PART_WORDS for t in name_tokens(name))


_PHONE_WORDS = frozenset({"phone", "phones", "telephone", "tel", "fax", "mobile", "cell", "cellphone", "msisdn"})


def looks_like_phone(name: str) -> bool:
    """True for names such as ``Telephone Number``, ``fax``, ``mobile_no``, ``PhoneNumber``."""
    return any(t in _PHONE_WORDS for t in name_tokens(name))


# A call record's parties, before a number's word (CDRs' A_NUMBER, B_NUMBER, CALLING_NUMBER,
# CALLED_NUMBER), and the numbers a telephone switch names alone: ANI (the caller's), DNIS
# (the number dialled). Not phone names (`looks_like_phone`): a CDR's called number is what
# links it to the subscribers, where a phone beside an identifier only repeats it.
_PARTY_WORDS = frozenset({"a", "b", "calling", "called", "caller", "callee", "dialled", "dialed", "originating", "terminating"})
_LINE_WORDS = frozenset({"ani", "dnis", "msisdn"})


def names_a_call_line(name: str) -> bool:
    """True for a subscriber's or a call party's number: ``MSISDN``, ``A_NUMBER``,
    ``CallingNumber``, ``ANI``, ``DNIS``."""
    tokens = name_tokens(name)
    if _LINE_WORDS.intersection(tokens):
        return True
    return any(
        party in _PARTY_WORDS and number in ("number", "num", "no", "nbr")
        for party, number in itertools.pairwise(tokens)
    )


# A SIM's and a handset's identities: IMSI (15 digits), IMEI (15; 16 as IMEISV), ICCID (19
# or 20), as subscriber and CDR extracts carry them beside the MSISDN.
_DEVICE_IDENTITY_WORDS = frozenset({"imsi", "imei", "imeisv", "iccid", "meid"})


def names_a_device_identity(name: str) -> bool:
    """True for names such as ``IMSI``, ``imei``, ``SIM_ICCID``."""
    return bool(_DEVICE_IDENTITY_WORDS.intersection(name_tokens(name)))


_POSTAL_WORDS = frozenset({"zip", "zipcode", "zip5", "zip9", "postal", "postcode", "postalcode", "plz", "cep"})


def looks_like_postal(name: str) -> bool:
    """True for names such as ``Incident Zip``, ``ZIP CODE``, ``zip5``, ``postal_code``, and
    the post code split in two (Companies House's ``RegAddress.PostCode``, ``post_code``)."""
    tokens = name_tokens(name)
    return any(t in _POSTAL_WORDS for t in tokens) or any(
        a == "post" and b == "code" for a, b in itertools.pairwise(tokens)
    )


def names_fips(name: str) -> bool:
    """True for names of a US FIPS code: ``StateCodeFIPS``, ``county_fips``, ``FIPS``."""
    return any(t in ("fips", "fipscode", "fipsst", "fipscty") for t in name_tokens(name))


_CENSUS_GEOGRAPHY = frozenset({"tract", "tracts", "geoid", "geoid10", "geoid20", "blockgroup", "blkgrp"})


def names_census_geography(name: str) -> bool:
    """True for names of a census geography's code: ``Pickup Census Tract``, ``GEOID``,
    ``census_block``, ``BlockGroup`` (digits of fixed-width parts: state, county, tract)."""
    tokens = name_tokens(name)
    at = next((i for i, t in enumerate(tokens) if t in _CENSUS_GEOGRAPHY or (t == "block" and ("census" in tokens or tokens[i + 1 : i + 2] == ["group"]))), None)
    # (What follows the geography's word names its code, not one of its figures: HMDA's
    # tract_population and tract_median_age_of_housing_units are counts and ages.)
    return at is not None and all(t in _GEOGRAPHY_CODE_WORDS or t.isdigit() for t in tokens[at + 1 :])


_GEOGRAPHY_CODE_WORDS = frozenset({"code", "cd", "id", "geoid", "fips", "number", "num", "no", "group", "grp"})


# Names of a length of time: their hh:mm:ss is elapsed, not a time of day.
_ELAPSED_WORDS = frozenset({"duration", "durations", "elapsed", "runtime", "length", "lengths", "timespent", "spent"})


# Lengths of time a plant's OEE and downtime reports log (FactoryTalk Metrics, Opcenter, an
# andon export): Downtime, MTTR/MTBF, and in German exports Ausfallzeit, Rüstzeit, Laufzeit.
_PLANT_LENGTH_WORDS = frozenset({
    "downtime", "uptime", "leadtime", "cycletime", "setuptime", "mttr", "mtbf", "mttf", "mtta",
    "ausfallzeit", "stillstandszeit", "laufzeit", "rüstzeit", "ruestzeit", "taktzeit", "durchlaufzeit", "wartezeit",
})
# Words beside "time" that make it time spent on something (Setup Time, Cycle Time, Time
# Lost, Idle Time), not the moment of an event (Start Time, Arrival Time).
_SPENT_ON_WORDS = frozenset({
    "down", "up", "setup", "changeover", "cycle", "run", "idle", "lost", "lead", "wait", "waiting", "processing",
    "repair", "response", "resolution", "handling", "dwell", "turnaround", "total",
    # (ServiceNow's time_worked, business_time_left, a custom u_time_to_resolve.)
    "worked", "left", "remaining", "resolve", "respond",
})


def names_a_length_of_time(name: str) -> bool:
    """Whether a name says a length of time (``duration``, ``runtime``, ``time_spent``, a
    plant's ``Downtime``, ``Setup Time``, ``MTTR``, ``Stillstandsdauer``, an activity's
    ``Moving Time``, ``Best Lap Time``, ``Surface Interval``) or a pace, time per mile or
    kilometre (``Avg Pace``)."""
    return _says_a_length(name_tokens(name), _ACTIVITY_LENGTH_WORDS)


def _says_a_length(tokens: list[str], activities: frozenset[str]) -> bool:
    """Whether a name's tokens say a length of time, an activity's by one of `activities`."""
    if _ELAPSED_WORDS.intersection(tokens) or _PLANT_LENGTH_WORDS.intersection(tokens) or _PACE_WORDS.intersection(tokens):
        return True
    if any(t.endswith("dauer") for t in tokens):
        return True  # German's "length": Dauer, Stillstandsdauer, Gesprächsdauer
    if _names_an_activity_s_length(tokens, activities):
        return True
    return "time" in tokens and bool(_SPENT_ON_WORDS.intersection(tokens))


# Words of a pace, minutes and seconds per mile or kilometre (Garmin's Avg Pace, Best Pace,
# Avg Moving Pace; Strava's and Runkeeper's pace_min_per_km): never a time of day.
_PACE_WORDS = frozenset({"pace", "paces"})


def names_a_pace(name: str) -> bool:
    """Whether a name says a pace (``Avg Pace``, ``Best Pace``, ``pace_min_per_km``)."""
    return bool(_PACE_WORDS.intersection(name_tokens(name)))


# Words beside "time" of a sport's or a dive's log that make it the length of an activity or
# a part of it (Garmin's Moving Time, Best Lap Time, Dive Time, Bottom Time, Climb Time; a
# race's Chip Time, Gun Time, Split Time), not the moment it happened.
_ACTIVITY_LENGTH_WORDS = frozenset({
    "moving", "lap", "laps", "dive", "bottom", "climb", "split", "splits", "chip", "gun", "net", "race",
    "workout", "exercise", "ride", "riding", "swim", "swimming", "rowing", "paddling",
})
# Of those, the words beside "time" that as often name the moment an event is held: a
# racecard's Race Time "15:20" (the off), an event schedule's Ride Time or Swim Time, a gym's
# Workout Time. Their values decide (see `names_a_length_or_a_moment`).
_EVENT_WORDS = frozenset({
    "gun", "net", "race", "workout", "exercise", "ride", "riding", "swim", "swimming", "rowing", "paddling",
})
# Words before "interval" that make it the rest between two efforts (a dive log's Surface
# Interval, an interval session's Rest Interval), not a utility meter's interval of the day.
_REST_WORDS = frozenset({"surface", "rest", "recovery"})
# Words of a moment beside "time" or "interval" (Lap Start Time, interval_start_utc): no
# length, whatever else the name says.
_MOMENT_WORDS = (_INSTANT_WORDS - {"time"}) | {"starting", "ending", "beginning", "hour", "hh"}


def _names_an_activity_s_length(tokens: list[str], activities: frozenset[str]) -> bool:
    """Whether a name's tokens say the length of an activity: a sport's ``Moving Time`` or
    ``Best Lap Time``, a dive log's ``Surface Interval`` (between two dives), not a moment
    (``Lap Start Time``, ``interval_start``)."""
    if _MOMENT_WORDS.intersection(tokens):
        return False
    if "interval" in tokens:
        return bool(_REST_WORDS.intersection(tokens))
    return "time" in tokens and bool(activities.intersection(tokens))


def names_a_length_or_a_moment(name: str) -> bool:
    """Whether a name with "time" says the length of an activity or the moment it is held,
    which only the values tell apart: ``Race Time`` (a racecard's off, 15:20, or a result's
    0:45:12), ``Shift Time`` (a roster's 07:00 start, or a shift's 8:30), ``Charge Time``;
    not ``Moving Time`` nor ``Dive Time``, always lengths, nor ``Charge Duration``."""
    tokens = name_tokens(name)
    if "time" not in tokens or _MOMENT_WORDS.intersection(tokens):
        return False
    if not (_EVENT_WORDS | _LONG_ACTIVITY_WORDS).intersection(tokens):
        return False
    return not _says_a_length(tokens, _ACTIVITY_LENGTH_WORDS - _EVENT_WORDS)


# Words of hours counted, whose h:mm is a length of hours and minutes (Kronos/UKG timecards:
# Hours, Total Hours, Reg Hrs, OT Hours); not "hour" alone, which names an hour of the day
# (a traffic count's hour 1:00..24:00).
_HOURS_WORDS = frozenset({"hours", "hrs"})
# Periods a timecard totals its hours over: Kronos's "Daily Total", "Weekly Total".
_TOTALLED_PERIOD_WORDS = frozenset({"daily", "weekly", "day", "week", "period", "shift", "biweekly"})
# Words beside hours that make them times of day: a shop's opening hours, office hours.
_OPENING_WORDS = frozenset({"opening", "open", "business", "office", "operating", "operation", "visiting"})


def names_hours(name: str) -> bool:
    """Whether a name counts hours (``Hours``, ``Total Hours``, ``Reg Hrs``, ``OTHours``,
    Kronos's ``Daily Total``), where h:mm is hours and minutes worked, not a time of day;
    not ``hour`` nor ``Opening Hours``."""
    tokens = set(name_tokens(name))
    if _OPENING_WORDS.intersection(tokens):
        return False
    return bool(_HOURS_WORDS.intersection(tokens)) or ("total" in tokens and bool(_TOTALLED_PERIOD_WORDS.intersection(tokens)))


# Words of an activity that lasts hours, under which a length of time written in two parts is
# hours and minutes (TeslaFi's Charge Duration "7:46", a sleep log's Sleep Duration, a shift's
# or a flight's length), not minutes and seconds 60 times too small.
_LONG_ACTIVITY_WORDS = frozenset({
    "charge", "charging", "plugged", "sleep", "asleep", "slept", "shift", "flight", "drive", "driving", "parking",
    "parked", "stay", "fasting", "labor", "labour", "overnight",
})


def names_a_long_activity(name: str) -> bool:
    """Whether a name says the length of an activity that lasts hours (``Charge Duration``,
    ``sleep_duration``, ``Charge Time``, ``Shift Length``), whose h:mm is hours and minutes;
    not its moment (``Charge Start Time``)."""
    tokens = name_tokens(name)
    if not _LONG_ACTIVITY_WORDS.intersection(tokens) or _MOMENT_WORDS.intersection(tokens):
        return False
    return names_a_length_of_time(name) or "time" in tokens


# Words that end in "date" and say no date: a name glued into one token that ends so is not
# one of those (``update_count`` counts updates; ``CANDIDATE`` names a person).
_NOT_DATE_ENDINGS = ("update", "candidate", "validate", "mandate", "consolidate", "accommodate", "liquidate")


def _glued_date_word(token: str) -> bool:
    """Whether a token is a date word glued to the words before it, as older federal extracts
    write their names in capitals without a separator (the FDA's NDC directory:
    ``STARTMARKETINGDATE``, ``ENDMARKETINGDATE``; ``EFFDATE``)."""
    return len(token) > len("date") and token.endswith("date") and not token.endswith(_NOT_DATE_ENDINGS)


# Words that name a date or a moment only at a name's end (shipped_on, created_at): inside a
# name they join others (OpenFEMA's amountPaidOnBuildingClaim is an amount, baseball's AtBats a count).
_LAST_ONLY = frozenset({"on", "at"})


def _dated_tokens(name: str) -> list[str]:
    """A name's tokens, without "on" and "at" but at its end (see `_LAST_ONLY`)."""
    tokens = name_tokens(name)
    return [t for i, t in enumerate(tokens) if t not in _LAST_ONLY or i == len(tokens) - 1]


def looks_like_date(name: str) -> bool:
    """True for names such as ``order_date``, ``dob``, ``shipped_on``, ``dt``, ``EFFDATE``;
    not ``amountPaidOnBuildingClaim``."""
    return any(t in _DATE_WORDS or _glued_date_word(t) for t in _dated_tokens(name))


# ADaM's names of numeric dates and date-times (CDISC's naming rule): a SAS name of eight
# capitals at most that ends in DT (TRTSDT, ADT, ASTDT, BRTHDT) or DTM (TRTSDTM, ADTM). DT
# alone is any date's name, read otherwise.
_SAS_DATE_NAME = re.compile(r"[A-Z][A-Z0-9_]{0,5}DT")
_SAS_DATETIME_NAME = re.compile(r"[A-Z][A-Z0-9_]{0,4}DTM")


def names_a_sas_date(name: str) -> bool:
    """True for ADaM's names of a date kept as SAS's day number: ``TRTSDT``, ``ADT``,
    ``AENDT``; not ``DT``, ``trtsdt`` nor ``AMOUNT_DT`` (longer than SAS's eight)."""
    return _SAS_DATE_NAME.fullmatch(name.strip()) is not None


def names_a_sas_datetime(name: str) -> bool:
    """True for ADaM's names of a date-time kept as SAS's seconds: ``TRTSDTM``, ``ADTM``."""
    return _SAS_DATETIME_NAME.fullmatch(name.strip()) is not None


def label_says_date(label: str) -> bool:
    """Whether a label under a column's name says date ("Date of First Exposure to
    Treatment"); not a day ("Analysis Relative Day": a study day is a count)."""
    tokens = name_tokens(label)
    return "date" in tokens or "datetime" in tokens


def label_says_datetime(label: str) -> bool:
    """Whether a label says a date with its time ("Datetime of First Exposure", "Start
    Date/Time")."""
    tokens = name_tokens(label)
    return "datetime" in tokens or {"date", "time"} <= set(tokens)


def looks_like_instant(name: str) -> bool:
    """True for names such as ``timestamp``, ``created_at``, ``event_time``, ``created_utc``."""
    return any(t in _INSTANT_WORDS for t in _dated_tokens(name))


# Words of a depth of rain or snow, where NOAA's and IEM's files write "T" for a trace (more
# than none, less than the gauge measures): GHCN-Daily's PRCP, SNOW and SNWD, LCD's
# HourlyPrecipitation and DailySnowfall, IEM's ASOS p01i (hourly, inches) and p01m.
_PRECIPITATION_WORDS = frozenset(
    {"precip", "precipitation", "prcp", "pcpn", "rain", "rainfall", "snow", "snowfall", "snwd", "snowdepth"}
)
# IEM's names of precipitation over a number of hours: p01i, p24i (inches), p01m (mm).
_HOURS_OF_PRECIPITATION = re.compile(r"[pP][0-9]{2}[imIM]")


def names_precipitation(name: str) -> bool:
    """True for names such as ``PRCP``, ``p01i``, ``snowfall``, ``HourlyPrecipitation``."""
    return _HOURS_OF_PRECIPITATION.fullmatch(name.strip()) is not None or any(
        t in _PRECIPITATION_WORDS for t in name_tokens(name)
    )


def looks_like_temperature(name: str) -> bool:
    """True for names such as ``temp_k``, ``surface_temperature``, ``tmax``, and a model's
    short names (``t2m``, ``sst``, ``tas_degC``, ``TMP_2m``)."""
    if any(t in _TEMPERATURE_WORDS for t in name_tokens(name)):
        return True
    return any(part.lower() in _MODEL_TEMPERATURE_NAMES for part in _NAME_PARTS.findall(name))


# Words of a count of time: a name with one measures, whatever else it says (Stack Overflow's
# YearsCode is years of coding, not a code).
_COUNTED_TIME_WORDS = frozenset({"years", "months", "weeks", "days", "hours", "minutes", "seconds", "yrs", "hrs", "mins"})
# Last words of a bound of a range: MIMIC's ref_range_lower and ref_range_upper are the
# bounds of a reference range, quantities whatever "ref" says.
BOUND_WORDS = frozenset({"low", "lower", "high", "upper", "min", "max", "minimum", "maximum", "limit", "bound"})


# Words that end in "id" and name no identifier, which a name in capitals glued to "ID" is
# told apart from (PAID, VALID, HUMID; a thyroid's or a steroid's "oid").
_ID_ENDING_WORDS = frozenset({
    "paid", "unpaid", "prepaid", "overpaid", "underpaid", "void", "avoid", "valid", "invalid", "humid", "fluid",
    "hybrid", "solid", "liquid", "rapid", "acid", "grid", "aid", "said", "laid", "maid", "raid", "braid", "afraid",
    "mid", "pyramid", "squid", "vivid", "lucid", "timid", "rigid", "candid", "splendid", "tepid", "lipid", "morbid",
    "arid", "orchid", "david", "madrid", "druid", "mermaid", "forbid", "outbid", "plaid", "staid", "frigid", "rabid",
    "skid", "amid", "sordid", "turgid", "putrid", "livid", "pallid", "placid", "horrid", "torrid", "florid", "fetid", "stupid", "cupid",
})


def _glued_capital_id(name: str) -> bool:
    """Whether a name is one word in capitals ending in ID, as SAS and the CDISC standards write
    a variable's name (SDTM's USUBJID, SUBJID, STUDYID, SITEID; a legacy extract's CUSTID)."""
    word = name.strip()
    if not word.isalpha() or not word.isupper() or not word.endswith("ID") or len(word) < len("XXID"):
        return False
    lower = word.lower()
    return lower not in _ID_ENDING_WORDS and not lower.endswith("oid")


# Names of a US federal assistance program's number, agency and program "93.600" (the Single
# Audit's and state SEFA schedules' CFDA, ALN, Assistance Listing): codes, whose trailing zero a
# number drops.
_PROGRAM_LISTING_WORDS = frozenset({"cfda", "aln"})


def _names_a_program_listing(tokens: list[str]) -> bool:
    return bool(_PROGRAM_LISTING_WORDS.intersection(tokens)) or any(
        a == "assistance" and b == "listing" for a, b in itertools.pairwise(tokens)
    )


# Last words of a name that measure what the words before it identify: FedEx's invoices
# write "Tracking ID Charge Amount" (4.95, 34.16), the charge of a tracking number, and an
# order export "Order ID Weight"; money or a quantity, whatever id word comes first.
_MEASURE_ENDINGS = frozenset({
    "amount", "amt", "charge", "charges", "cost", "costs", "fee", "fees", "price", "weight", "qty", "quantity",
    "total", "sum",
})


def looks_like_identifier(name: str) -> bool:
    """True for names such as ``customer_id``, ``StockCode``, ``InvoiceNo``, ``sku``, ``License #``,
    ``USUBJID``, ``CFDA``."""
    if _glued_capital_id(name):
        return True
    tokens = name_tokens(name)
    if _names_a_program_listing(tokens):
        return True
    if any(t in _COUNTED_TIME_WORDS for t in tokens) or (len(tokens) > 1 and tokens[-1] in BOUND_WORDS):
        return False
    if len(tokens) > 1 and tokens[0] == "age":
        return False  # an age at something: the Stack Overflow survey's Age1stCode
    # (Its repeats numbered too: FedEx's wide layout's "Tracking ID Charge Amount_1" to "_3".)
    unnumbered = list(itertools.dropwhile(str.isdigit, reversed(tokens)))
    if len(unnumbered) > 1 and unnumbered[0] in _MEASURE_ENDINGS:
        return False  # a measure of the identified thing: FedEx's "Tracking ID Charge Amount"
    if name.strip().endswith("#") or name.strip() == "#":
        return True  # Chicago's "License #", "Invoice#", the Pokémon data's "#"
    if any(t in _IDENTIFIER_WORDS for t in tokens):
        return True
    # A number of a quantity is a count (CMS's QTY_DSPNSD_NUM, the quantity dispensed), not an
    # identifier's number as InvoiceNo is.
    return bool(tokens) and tokens[-1] in _IDENTIFIER_ENDINGS and not _COUNT_WORDS.intersection(tokens)


# First words of a name that counts what follows (the FAA registry's NO-SEATS and NO-ENG,
# num_rooms, "Number of Employees", the French nb_places), and words of a count or measure
# anywhere in one (an engine's HORSEPOWER and THRUST, an aircraft's SPEED).
_NUMBER_OF_WORDS = frozenset({"no", "nbr", "num", "number", "nb"})
_COUNTED_OR_MEASURED_WORDS = frozenset({
    "quantity", "qty", "count", "cnt", "seats", "speed", "horsepower", "hp", "thrust", "weight", "engines",
    "passengers", "cylinders", "rooms", "bedrooms", "bathrooms", "beds", "floors", "stories", "employees",
})


def names_a_count_or_measure(name: str) -> bool:
    """True for names such as ``NO-SEATS``, ``num_rooms``, ``HORSEPOWER``, ``SPEED``: quantities,
    whatever their digits' padding; not an identifier's (``Account No``, ``seat_code``)."""
    tokens = name_tokens(name)
    if not tokens or looks_like_identifier(name):
        return False
    return (len(tokens) > 1 and tokens[0] in _NUMBER_OF_WORDS) or bool(_COUNTED_OR_MEASURED_WORDS.intersection(tokens))


def names_a_version(name: str) -> bool:
    """True for names such as ``Current Ver``, ``app_version``, ``AndroidVersion``."""
    return any(t in ("ver", "version") for t in name_tokens(name))


# Last words of the name of a label: GTFS's route_short_name ("1", "57A", "SL", "Shuttle"),
# a model's name ("3", "X5").
# (And a genome's sequences: chromosomes 1 to 22, X, Y and MT; scaffolds and contigs.)
_LABEL_ENDINGS = frozenset({"name", "label", "title", "chromosome", "chrom", "chr", "seqid", "seqname", "contig", "scaffold"})


def names_a_label(name: str) -> bool:
    """True for names such as ``route_short_name``, ``model_name``, ``label``, ``chromosome``:
    what such a column holds is read, not computed with, whether it is written in digits or
    letters."""
    tokens = name_tokens(name)
    return bool(tokens) and tokens[-1] in _LABEL_ENDINGS


# Words of a diagnosis in a name (the diabetes study's diag_1, CMS's ICD9_DGNS_CD_1 and
# PRNCPAL_DGNS_CD, an EHR's dx), and the words after one that still name its code.
_DIAGNOSIS_WORDS = frozenset({"diag", "diags", "diagnosis", "diagnoses", "dgns", "dx", "dxs", "icd", "icd9", "icd10"})
# (ICD-9's procedure codes are dotted too: CMS's ICD9_PRCDR_CD_1 "38.93".)
_CODE_TAIL_WORDS = frozenset({"code", "codes", "cd", "cm", "pcs", "id", "prcdr", "proc", "procedure", "px"})
# Words before a diagnosis that make the name a measure of it: the diabetes study's
# number_diagnoses counts them, an age or a date at diagnosis is no code.
_DIAGNOSIS_MEASURE_WORDS = frozenset({
    "number", "num", "n", "nbr", "count", "cnt", "total", "age", "date", "dt", "time", "year", "years", "days", "months",
})


def names_a_diagnosis_code(name: str) -> bool:
    """True for names of a diagnosis (or ICD procedure) code: ``diag_1``, ``ICD9_DGNS_CD_1``,
    ``ADMTNG_ICD9_DGNS_CD``, ``dx``, ``primary_diagnosis``, ``icd10_code``; not
    ``number_diagnoses``, ``age_at_diagnosis`` nor ``dx_date``."""
    tokens = name_tokens(name)
    at = next((i for i, t in enumerate(tokens) if t in _DIAGNOSIS_WORDS), None)
    if at is None or _DIAGNOSIS_MEASURE_WORDS.intersection(tokens[:at]):
        return False
    return all(t in _DIAGNOSIS_WORDS or t in _CODE_TAIL_WORDS or t.isdigit() for t in tokens[at + 1 :])


# Words of a billing code's modifier (CMS's MOD in the fee schedule, MDFR_CD in claims,
# HCPCS_1ST_MDFR_CD, a hospital file's modifiers).
_MODIFIER_WORDS = frozenset({"mod", "mods", "modifier", "modifiers", "mdfr"})


def names_a_modifier(name: str) -> bool:
    """True for names of a procedure code's modifier: ``MOD``, ``modifier_1``, ``Modifier``,
    ``MDFR_CD``, ``HCPCS_1ST_MDFR_CD``; not ``mod_date`` nor ``modified``."""
    tokens = name_tokens(name)
    at = next((i for i, t in enumerate(tokens) if t in _MODIFIER_WORDS), None)
    if at is None:
        return False
    return all(t in _MODIFIER_WORDS or t in _CODE_TAIL_WORDS or t.isdigit() for t in tokens[at + 1 :])


# Words of a library's classification (a catalogue's Dewey, DDC, MARC's field 082, a call
# number): its numbers are classes, 005.133 beside 823.914, [Fic] and B.
_DEWEY_WORDS = frozenset({"dewey", "ddc", "082"})
_CLASSIFICATION_WORDS = frozenset({"classification", "class", "call"})
_CLASSIFICATION_TAIL_WORDS = frozenset({"number", "num", "no", "nr", "mark", "code", "decimal"})


def names_a_dewey_class(name: str) -> bool:
    """True for names of a library's Dewey class: ``Dewey``, ``DDC``, ``dewey_decimal``, ``082``."""
    return bool(_DEWEY_WORDS.intersection(name_tokens(name)))


def names_a_classification(name: str) -> bool:
    """True for names of a library's class or shelf mark: ``Dewey``, ``DDC``, ``082``,
    ``classification``, ``Call Number``, ``class_no``; not ``class_size`` nor ``call_duration``."""
    tokens = name_tokens(name)
    if names_a_dewey_class(name) or tokens == ["classification"]:
        return True
    at = next((i for i, t in enumerate(tokens) if t in _CLASSIFICATION_WORDS), None)
    return at is not None and len(tokens) > at + 1 and all(t in _CLASSIFICATION_TAIL_WORDS for t in tokens[at + 1 :])
