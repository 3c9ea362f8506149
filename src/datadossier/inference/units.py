"""Units of measure and currencies, from values ("12.5 kg", "$3") and from column names.

Units are named the way Pint writes them in short form ("kg", "mph", "km/h", "ms"), except
temperatures, which read "degC"/"degF" (ASCII, and what Pint parses back). Currencies are not
Pint units: they are ISO 4217 codes from a short list.

Importing Pint and building its registry takes about half a second, so the common tokens are
answered from a table (kept identical to Pint's answers by a test) and Pint is imported, once,
only for a token the table does not know.
"""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from datadossier.inference.names import looks_like_temperature, name_tokens
from datadossier.inference.trade_units import (
    CRYPTO_TICKERS,
    SMALLEST_UNITS,
    bracketed_trade_unit,
    count_per_area,
    crypto_suffix,
    spelled_unit,
)

if TYPE_CHECKING:
    import pint

# ISO 4217 codes recognised in values ("901.00 USD") and names ("amount_usd").
# The currencies a column's name states in any case (`price_usd`, `amount_eur`).
COMMON_CURRENCIES: tuple[str, ...] = (
    "USD", "EUR", "GBP", "JPY", "CHF", "CAD", "AUD", "NZD", "CNY", "INR", "SEK", "NOK",
    "DKK", "PLN", "CZK", "HUF", "BRL", "MXN", "ZAR", "SGD", "HKD", "KRW", "TRY", "RUB",
)
# Every ISO 4217 code in use, and those the euro and others replaced that old series still
# carry (the ECB's reference rates: CYP, EEK, ..., HRK). Read after an amount ("12,50 RON")
# and as a column's whole name in capitals (the ECB's "BGN", "THB"); a lower-case word of a
# name is read among `COMMON_CURRENCIES` only ("top_score" is no pa'anga, "all" no lek).
ISO_CURRENCIES: tuple[str, ...] = (
    *COMMON_CURRENCIES,
    "AED", "AFN", "ALL", "AMD", "ANG", "AOA", "ARS", "AWG", "AZN", "BAM", "BBD", "BDT", "BGN",
    "BHD", "BIF", "BMD", "BND", "BOB", "BSD", "BTN", "BWP", "BYN", "BZD", "CDF", "CLP", "COP",
    "CRC", "CUP", "CVE", "DJF", "DOP", "DZD", "EGP", "ERN", "ETB", "FJD", "FKP", "GEL", "GHS",
    "GIP", "GMD", "GNF", "GTQ", "GYD", "HNL", "HTG", "IDR", "ILS", "IQD", "IRR", "ISK", "JMD",
    "JOD", "KES", "KGS", "KHR", "KMF", "KPW", "KWD", "KYD", "KZT", "LAK", "LBP", "LKR", "LRD",
    "LSL", "LYD", "MAD", "MDL", "MGA", "MKD", "MMK", "MNT", "MOP", "MRU", "MUR", "MVR", "MWK",
    "MYR", "MZN", "NAD", "NGN", "NIO", "NPR", "OMR", "PAB", "PEN", "PGK", "PHP", "PKR", "PYG",
    "QAR", "RON", "RSD", "RWF", "SAR", "SBD", "SCR", "SDG", "SHP", "SLE", "SOS", "SRD", "SSP",
    "STN", "SVC", "SYP", "SZL", "THB", "TJS", "TMT", "TND", "TOP", "TTD", "TWD", "TZS", "UAH",
    "UGX", "UYU", "UZS", "VES", "VND", "VUV", "WST", "XAF", "XCD", "XOF", "XPF", "YER", "ZMW",
    "ZWL", "CYP", "EEK", "LTL", "LVL", "MTL", "ROL", "SIT", "SKK", "TRL", "HRK",
)
# Symbols and the code each one stands for. "$" is read as USD and "¥" as JPY: the most
# common readings; a column of Canadian dollars needs its code (or "C$", below) written out.
CURRENCY_SYMBOLS: dict[str, str] = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR"}
# The currencies a bare symbol also stands for: "$" for every dollar and the pesos of Latin
# America, "¥" for the yuan as for the yen. Written so, an amount's currency is the one its
# column's name states (AusTender's "Value (AUD)" holds "$1,234,567.00"), USD or JPY only where
# the name states none.
SHARED_SYMBOLS: dict[str, frozenset[str]] = {
    "$": frozenset({
        "USD", "AUD", "CAD", "NZD", "SGD", "HKD", "TWD", "MXN", "ARS", "CLP", "COP", "CUP", "DOP", "UYU",
        "BSD", "BBD", "BZD", "BMD", "BND", "FJD", "GYD", "JMD", "KYD", "LRD", "NAD", "SBD", "SRD", "TTD", "XCD",
    }),
    "¥": frozenset({"JPY", "CNY"}),
}
# Dollars (and the real) written with their country's letters before the sign ("R$ 12,50").
PREFIXED_DOLLARS: dict[str, str] = {
    "R$": "BRL", "A$": "AUD", "AU$": "AUD", "C$": "CAD", "CA$": "CAD", "NZ$": "NZD",
    "HK$": "HKD", "US$": "USD", "S$": "SGD", "MX$": "MXN", "NT$": "TWD",
}

# Unit tokens met in values, with their canonical name (what Pint says, see the module doc).
KNOWN_VALUE_UNITS: dict[str, str] = {
    "kg": "kg", "g": "g", "mg": "mg", "lb": "lb", "lbs": "lb", "oz": "oz",
    "km": "km", "m": "m", "cm": "cm", "mm": "mm", "mi": "mi", "ft": "ft", "in": "in",
    "yd": "yd", "mph": "mph", "kph": "kph", "km/h": "km/h", "kmh": "km/h", "m/s": "m/s",
    "s": "s", "sec": "s", "secs": "s", "ms": "ms", "min": "min", "mins": "min", "h": "h",
    "hr": "h", "hrs": "h", "day": "day", "days": "day", "week": "week", "weeks": "week",
    "°C": "degC", "°F": "degF", "C": "degC", "F": "degF", "K": "K", "degC": "degC",
    "degF": "degF", "l": "l", "L": "l", "ml": "ml", "mL": "ml", "gal": "gal",
    "W": "W", "kW": "kW", "kWh": "kWh", "kwh": "kWh", "Wh": "Wh",
    "MW": "MW", "MWh": "MWh", "GW": "GW", "GWh": "GWh", "TWh": "TWh",
    # Electrical and pressure readings of sensor logs ("3.7 V", "20 mA", "1013 hPa").
    "V": "V", "mV": "mV", "kV": "kV", "A": "A", "mA": "mA", "mAh": "mAh", "Hz": "Hz",
    "kHz": "kHz", "MHz": "MHz", "GHz": "GHz", "Pa": "Pa", "hPa": "hPa", "kPa": "kPa",
    "bar": "bar", "mbar": "mbar", "psi": "psi",
    "B": "B", "bytes": "B", "kB": "kB", "KB": "kB", "kb": "kB", "MB": "MB", "mb": "MB",
    "GB": "GB", "gb": "GB", "TB": "TB", "tb": "TB",
    "sqft": "ft**2", "sqm": "m**2",
    # Cars' specifications as listings write them (CarDekho's "1248 CC", "74 bhp", "23.4 kmpl",
    # a laptop's "1.37kg" beside "4kgs" and "1.3 KG").
    "CC": "cc", "bhp": "hp", "BHP": "hp", "HP": "hp", "kmpl": "km/l", "KMPL": "km/l", "mpg": "mi/gal", "MPG": "mi/gal",
    "KG": "kg", "Kg": "kg", "kgs": "kg", "Kgs": "kg", "KGS": "kg", "Km": "km", "KM": "km",
    # Freight's volumes: cubic metres as forwarders and carriers write them ("12.3 CBM"), cubic
    # feet ("CFT"); areas and volumes with a digit for the power.
    "CBM": "m**3", "cbm": "m**3", "Cbm": "m**3", "m3": "m**3", "m³": "m**3", "CFT": "ft**3", "cft": "ft**3",
    "m2": "m**2", "m²": "m**2", "cm3": "cm**3", "ft3": "ft**3", "ft2": "ft**2",
    # Radio networks' KPI exports (Ericsson, Huawei U2000): rates in bits per second, which
    # Pint reads as baud ("Mbps": megabaud, a symbol rate), and signal levels ("-87.5 dBm").
    "bps": "bit/s", "kbps": "kbit/s", "Kbps": "kbit/s", "Mbps": "Mbit/s", "mbps": "Mbit/s",
    "Gbps": "Gbit/s", "gbps": "Gbit/s", "bit": "bit", "dBm": "dBm", "dB": "dB",
    # Feet by a prime, as well files and scout tickets write depths and lengths ("12,345'"),
    # and a bare degree sign ("42.5°"; see `degree_sign_unit` for what it is of).
    "'": "ft", "′": "ft", "°": "deg",
}
# Oil and gas volumes and rates as operators and state agencies write them ("450 bopd",
# "1.2 MMcf/d", "3,410 MCF"), in any case, named as `trade_units` names them in headers: the
# oil barrel of 42 gallons (Pint's bbl holds 31.5), Mcf and MMcf (thousands and millions of
# cubic feet) and boe, which Pint does not know, as the industry writes them.
_OILFIELD_VALUE_UNITS: dict[str, str] = {
    "bbl": "oil_bbl", "bbls": "oil_bbl", "bopd": "oil_bbl/day", "bpd": "oil_bbl/day", "bwpd": "oil_bbl/day",
    "blpd": "oil_bbl/day", "bbl/d": "oil_bbl/day", "mcf": "Mcf", "mmcf": "MMcf", "bcf": "Bcf", "mcfd": "Mcf/day",
    "mcf/d": "Mcf/day", "mcfpd": "Mcf/day", "mmcfd": "MMcf/day", "mmcf/d": "MMcf/day", "mmcfpd": "MMcf/day",
    "boe": "boe", "boepd": "boe/day", "boe/d": "boe/day", "mbbl": "Mbbl", "mmbbl": "MMbbl", "mmbtu": "MMBtu",
}
# Coins and tokens written after amounts, as exchanges and wallets export them (Binance's
# "0.00045BNB" and "912.12USDT", a ledger's "0.5 ETH"), in capitals only; gas in gwei.
_CRYPTO_UNITS: dict[str, str] = {
    # (After a number, also the tickers that in a name's brackets are as often abbreviations.)
    **{code: code for code in CRYPTO_TICKERS - SMALLEST_UNITS | {"SOL", "ADA", "DAI", "TRX", "SHIB", "BUSD", "XLM"}},
    "Gwei": "gwei", "gwei": "gwei", "GWEI": "gwei", "wei": "wei",
}
# A grade and the metal or oxide it is of ("g/t Au", "% Cu", "%Cu", "g/t AuEq"), as mine
# reports write them: the unit before the symbol (see `_names_a_grade`'s symbols).
_GRADE_OF = re.compile(r"(.+?)\s*([A-Z][A-Za-z0-9]*?)(?:Eq|eq)?")
# US weights and volumes as grocery and retail systems write them, in any case: a scale's or
# a POS export's "1.84 LB", an item master's "12 OZ" and "1 GAL" (Dunnhumby's
# CURR_SIZE_OF_PRODUCT), a shipping weight's "5 LBS", Amazon's Item Weight "2.5 Pounds".
# Keyed in lower case: in capitals these name no other unit (unlike "MB" and "mb").
_CASELESS_VALUE_UNITS: dict[str, str] = {
    "lb": "lb", "lbs": "lb", "pound": "lb", "pounds": "lb", "oz": "oz", "ounce": "oz", "ounces": "oz",
    "gal": "gal", "gallon": "gal", "gallons": "gal", "qt": "qt", "quart": "qt", "quarts": "qt",
}
# Units written in two words or with a word after a sign, as building automation trend logs
# (Niagara, Metasys) and spray records write them, keyed by the token without its spaces and
# points in lower case (how `sampling` and a value's marker both reach it): relative humidity
# "45.0 %RH" and a damper or valve "12.5 %open" are percentages, duct static pressure
# "1.20 in WC" is inches of water, a pesticide label's "22 fl oz" US fluid ounces.
_SQUEEZED_VALUE_UNITS: dict[str, str] = {
    "%rh": "%", "%open": "%", "%closed": "%", "%vol": "%",
    "inwc": "inH2O", "inh2o": "inH2O", "floz": "floz",
}
# "ac" after a slash is an acre as farm records write rates ("2 lb/ac"): Pint's "ac" is an
# attospeed of light.
_PER_ACRE = re.compile(r"/ac$")
# What may be handed to Pint: a letter, then letters, digits (water's "inH2O"), °, µ, powers,
# "/", "*", "·", "^".
_UNIT_TOKEN = re.compile(r"[A-Za-zµμΩ°][A-Za-z0-9µμΩ°/·*^²³]*")
# Tokens Pint knows but that, written after a number in a table, are rarely units
# (ordinals, counts, pieces, the elementary charge `e` of "12e").
_NOT_VALUE_UNITS = frozenset({"st", "nd", "rd", "th", "e", "pc", "pcs", "count", "x", "a"})

# Name tokens that name a unit wherever they appear in the name (lower case).
NAME_UNITS: dict[str, str] = {
    "kg": "kg", "kgs": "kg", "kilograms": "kg", "grams": "g", "mg": "mg", "lb": "lb",
    "tonnes": "t", "tonne": "t",  # fisheries' and commodity tables' (FAO, PSD) metric tons
    "lbs": "lb", "pounds": "lb", "oz": "oz", "km": "km", "kms": "km", "kilometers": "km",
    "kilometres": "km", "meters": "m", "metres": "m", "cm": "cm", "mm": "mm", "mi": "mi",
    "miles": "mi", "feet": "ft", "inches": "in", "yd": "yd", "yards": "yd",
    "mph": "mph", "mps": "m/s", "kmh": "km/h", "kph": "km/h", "kmph": "km/h", "ms": "ms", "millis": "ms",
    "msec": "ms", "milliseconds": "ms", "sec": "s", "secs": "s", "seconds": "s",
    "mins": "min", "minutes": "min", "hrs": "h", "hours": "h", "days": "day",
    "weeks": "week", "months": "month", "mths": "month", "mnths": "month", "years": "year", "yrs": "year",
    "celsius": "degC", "degc": "degC", "fahrenheit": "degF",
    "degf": "degF", "kelvin": "K", "ml": "ml", "liters": "l", "litres": "l", "gal": "gal",
    "gallons": "gal", "kwh": "kWh", "kw": "kW", "mwh": "MWh", "gwh": "GWh", "twh": "TWh", "watts": "W", "bytes": "B", "kb": "kB",
    "mb": "MB", "gb": "GB", "tb": "TB", "pct": "%", "percent": "%", "percentage": "%",
    "bps": "bit/s", "kbps": "kbit/s", "mbps": "Mbit/s", "gbps": "Gbit/s",  # throughput_mbps
    # Sensor and weather readings (pressure_hpa, battery_mv, rssi_dbm, co2_ppm).
    "hpa": "hPa", "kpa": "kPa", "mbar": "mbar", "mv": "mV", "volts": "V", "ma": "mA",
    "mah": "mAh", "dbm": "dBm", "ppm": "ppm", "lux": "lx", "rpm": "rpm", "inhg": "inHg",
    # Energy of food (Open Food Facts' energy-kcal_100g, energy-kj_100g).
    "kcal": "kcal", "kj": "kJ",
    # Coordinates, in degrees (pickup_latitude, LONGITUDE, lat, lng; "Long" alone below).
    "latitude": "deg", "longitude": "deg", "lat": "deg", "lon": "deg", "lng": "deg",
    # Areas (house sales' sqft_living, land registers' lot_acres).
    "sqft": "ft**2", "sqm": "m**2", "sqkm": "km**2", "sqmi": "mi**2", "acres": "acre",
    "hectares": "ha", "cbm": "m**3",
}
# Lengths that a following "2" (`area_km2`) or a preceding "sq" or "square" (`square_feet`,
# `Area (sq km)`) make an area.
_AREA_BASES = {"m": "m", "km": "km", "cm": "cm", "mm": "mm", "ft": "ft", "feet": "ft", "mi": "mi",
               "miles": "mi", "meters": "m", "metres": "m", "yd": "yd", "yards": "yd"}
# Name words of a length measured in inches: "in" at a name's end is an inch only beside one
# of them (`height_in`, `precip_in`), never in `TaxiIn`, `check_in` or `LoggedIn`.
_INCH_WORDS = frozenset({
    "height", "length", "width", "depth", "diameter", "dia", "radius", "size", "thickness",
    "waist", "chest", "hip", "hips", "inseam", "neck", "sleeve", "screen", "display", "wheelbase",
    "precip", "precipitation", "prcp", "rain", "rainfall", "snow", "snowfall", "snwd", "wingspan",
    "circumference", "girth", "tall", "long", "wide", "deep", "ht", "len", "wd", "rim", "tire",
})
# Name words of a speed, beside which "ms" is metres per second.
_SPEED_WORDS = frozenset({"ws", "wind", "speed", "velocity", "gust", "spd", "windspeed"})
# ISO codes that are also English words: never read as a currency from a name.
_NOT_NAME_CURRENCIES = frozenset({"TRY"})
# Short tokens that are units only as the LAST token of a numeric column's name
# (`height_m`, `temp_f`, `time_min`, `flight_hr`), never elsewhere (`min_price`, `in_stock`)
# nor alone (baseball's `HR` counts home runs).
SHORT_NAME_UNITS: dict[str, str] = {
    "m": "m", "s": "s", "g": "g", "h": "h", "hr": "h", "in": "in", "min": "min", "c": "degC",
    "f": "degF", "l": "l", "v": "V", "ft": "ft", "deg": "deg", "degrees": "deg",
    "mw": "MW", "gw": "GW",  # power plants' capacity_mw
    "t": "t",  # a catch's or a cargo's weight_t, in tonnes
}
# Name words of an electrical reading, beside which "v" at a name's end is volts (not the v
# of wind_u and wind_v, a velocity's components).
_VOLTAGE_WORDS = frozenset({"voltage", "volt", "battery", "batt", "bat", "vbat", "supply", "vcc", "vin", "vout", "cell", "solar", "panel"})
# Name words of a pressure, beside which "mb" is millibars (not megabytes) and "in" inches of
# mercury (weather exports' pressure_mb, pressure_in).
_PRESSURE_WORDS = frozenset({"pressure", "press", "pres", "baro", "barometer", "barometric", "slp", "mslp"})
# Tokens that name another unit beside these words, anywhere in the name (weather loggers'
# WS_ms and wind_speed_ms are metres per second, not milliseconds).
_IN_CONTEXT: dict[str, tuple[tuple[frozenset[str], str], ...]] = {
    "ms": ((_SPEED_WORDS, "m/s"),),
    "mb": ((_PRESSURE_WORDS, "mbar"),),
    "in": ((_PRESSURE_WORDS, "inHg"),),
}
# Name words of a length or a height in feet, beside which "ft" at a name's end is feet: it is
# also full time (the College Scorecard's RET_FT4, PCT_FT) and free throws (basketball's FT).
_FEET_WORDS = _INCH_WORDS | frozenset({
    "distance", "dist", "elevation", "elev", "altitude", "alt", "ceiling", "visibility", "vis", "span",
    "clearance", "draft", "draught", "height", "range", "reach", "wave", "swell", "tide", "water", "level",
})
# Name words of a temperature, a volume, a weight and a span of time, beside which a single
# letter at a name's end is its unit: the letters are also grades and classes (the London
# household data's ACORN-C, ACORN-F, ACORN-M; Zone_C, Grade C).
_TEMPERATURE_NAME_WORDS = frozenset({
    "temp", "temps", "temperature", "tmax", "tmin", "tavg", "air", "water", "dew", "dewpoint", "soil",
    "surface", "sst", "feels", "apparent", "max", "min", "mean", "avg", "high", "low", "heat", "wetbulb", "drybulb",
})
_VOLUME_WORDS = frozenset({
    "volume", "vol", "capacity", "tank", "fuel", "water", "liquid", "oil", "milk", "rain", "precip", "displacement",
})
_WEIGHT_WORDS = frozenset({
    "weight", "wt", "mass", "protein", "fat", "sugar", "sugars", "carbs", "carbohydrates", "fiber", "fibre", "salt",
    "sodium", "serving", "dose", "portion", "net", "gross",
})
_TIME_SPAN_WORDS = frozenset({
    "time", "duration", "elapsed", "flight", "trip", "travel", "run", "running", "sleep", "work", "study", "screen",
    "lead", "cycle", "period", "interval", "lag", "latency", "delay", "wait", "waiting", "uptime", "downtime",
    "session", "call", "watch", "play", "playtime", "response", "processing", "idle", "spent", "total", "avg", "mean",
})
# Words of a span of time beside which "hr" is hours (duration_hr, flight_hr); not a statistic's
# alone, beside which HR is a heart rate (Garmin's, Polar's and Wahoo's Avg HR, a vital-signs
# file's mean_hr), in beats per minute.
_HOURS_SPAN_WORDS = _TIME_SPAN_WORDS - {"avg", "mean"}
# Short last tokens that are a unit only beside one of these words (`height_in`, `battery_v`,
# `elevation_ft`, `temp_c`, `time_min`).
# Name words of an angle, beside which a last "deg" or "degrees" is one (wind_dir_degrees,
# heading_deg; not degrees_awarded, a count, nor temp_degrees, a temperature's).
_ANGLE_WORDS = frozenset({
    "wind", "dir", "direction", "wdir", "heading", "bearing", "angle", "azimuth", "course", "slope",
    "rotation", "orientation", "yaw", "pitch", "roll", "tilt", "aspect", "zenith", "inclination",
    "declination", "lat", "lon", "lng", "latitude", "longitude", "phase",
})
# Name words of a weight in tonnes, beside which a last "t" is one (NOAA's and ICES's weight_t,
# a vessel's cargo_t; not a time step's x_t nor a load at a time).
_TONNE_WORDS = frozenset({"weight", "wt", "mass", "net", "gross", "catch", "landings", "landed", "cargo", "harvest", "production"})
_SHORT_UNIT_WORDS: dict[str, frozenset[str]] = {
    "t": _TONNE_WORDS,
    "in": _INCH_WORDS, "v": _VOLTAGE_WORDS, "ft": _FEET_WORDS, "m": _FEET_WORDS, "c": _TEMPERATURE_NAME_WORDS,
    "f": _TEMPERATURE_NAME_WORDS, "l": _VOLUME_WORDS, "g": _WEIGHT_WORDS, "h": _TIME_SPAN_WORDS,
    "hr": _HOURS_SPAN_WORDS, "min": _TIME_SPAN_WORDS, "s": _TIME_SPAN_WORDS,
    "deg": _ANGLE_WORDS, "degrees": _ANGLE_WORDS,
}

# How sure a unit is, by the evidence behind it.
VALUE_UNIT_CONFIDENCE = 0.9
NAME_UNIT_CONFIDENCE = 0.6
SHORT_NAME_UNIT_CONFIDENCE = 0.4
AGREEING_UNIT_CONFIDENCE = 0.97


@dataclass(frozen=True, slots=True)
class UnitEvidence:
    """A unit (or ISO currency code) and how sure we are of it."""

    unit: str
    confidence: float


@functools.cache
def unit_registry() -> pint.UnitRegistry:
    """Pint's registry, built on first use and kept for the life of the process."""
    import pint

    return pint.UnitRegistry()


def pint_canonical(token: str) -> str | None:
    """Pint's short name for a unit token, or None when Pint does not know it."""
    if not _UNIT_TOKEN.fullmatch(token):
        return None
    import tokenize

    import pint

    try:
        unit = unit_registry().parse_units(token)
    except (pint.errors.PintError, AssertionError, ValueError, tokenize.TokenError):
        # Pint's parser answers malformed input with any of these.
        return None
    text = format(unit, "~C")
    return {"°C": "degC", "°F": "degF", "a": "year", "d": "day"}.get(text, text)


def value_unit(token: str) -> str | None:
    """Canonical unit of a token written after numbers ("kg", "°C", "mph"), or None."""
    token = token.strip()
    if not token or token in _NOT_VALUE_UNITS:
        return None
    known = KNOWN_VALUE_UNITS.get(token) or _CASELESS_VALUE_UNITS.get(token.lower())
    if known is not None:
        return known
    squeezed = _squeezed_unit(token) or count_per_area(token)
    if squeezed is not None:
        return squeezed
    known = _OILFIELD_VALUE_UNITS.get(token.lower()) or _CRYPTO_UNITS.get(token)
    if known is not None:
        return known
    graded = _grade_unit(token)
    if graded is not None:
        return graded
    if len(token) < 2 or not any(ch.isalpha() for ch in token):
        return None
    return pint_canonical(_PER_ACRE.sub("/acre", token))


def _grade_unit(token: str) -> str | None:
    """The unit of a grade written with its metal or oxide ("g/t Au": g/t, "% Cu": %), or None."""
    match = _GRADE_OF.fullmatch(token)
    if match is None:
        return None
    unit, symbol = match.group(1).strip(), match.group(2)
    if symbol not in _GRADE_SYMBOLS and symbol.lower() not in _OXIDES | _OXIDES_WITHOUT_COUNTS:
        return None
    return "%" if unit == "%" else value_unit(unit)


# The unit a bare degree sign after numbers stands for, by the column's name: an oil's API
# gravity (RRC's and operators' well headers, "42.5°") is no angle; a temperature's degrees
# say no scale ("72°"), so the name's unit, if any, stands.
API_GRAVITY_UNIT = "degAPI"


def degree_sign_unit(name: str) -> str | None:
    """What "°" alone after a column's numbers is in: degAPI under an API gravity's name,
    None under a temperature's (Celsius or Fahrenheit unsaid), else degrees of angle."""
    tokens = name_tokens(name)
    if "gravity" in tokens or "api" in tokens:
        return API_GRAVITY_UNIT
    return None if looks_like_temperature(name) else "deg"


def _squeezed_unit(token: str) -> str | None:
    """The unit of a token written in words or after a sign ("in WC", "%RH", "fl oz/ac"), also
    per another unit, or None."""
    base, slash, per = re.sub(r"[\s.]", "", token).partition("/")
    unit = _SQUEEZED_VALUE_UNITS.get(base.lower())
    if unit is None or not slash:
        return unit
    divisor = value_unit("acre" if per == "ac" else per)
    return None if divisor is None else f"{unit}/{divisor}"


def currency_code(marker: str) -> str | None:
    """ISO code of a currency symbol or code written with an amount ("$", "-$", "($)", "EUR"),
    or None (a typographic minus, U+2212, is a sign too; a credit's "CR" after the amount,
    "£ CR", is no currency's)."""
    marker = _bare_marker(marker)
    if marker in CURRENCY_SYMBOLS:
        return CURRENCY_SYMBOLS[marker]
    if marker in PREFIXED_DOLLARS:
        return PREFIXED_DOLLARS[marker]
    return marker if marker in ISO_CURRENCIES else None


def amount_unit(marker: str) -> str | None:
    """The unit of an amount's marker: its currency ("$": USD), or its currency per the unit
    written after a slash ("$/MWh": USD/MWh, "¢/kWh": USD/kWh, the cents read as dollars), or
    None."""
    money, slash, per = marker.partition("/")
    if not slash:
        return currency_code(marker)
    code = "USD" if _bare_marker(money) == "¢" else currency_code(money)
    per = per.strip()
    return None if code is None or not per else f"{code}/{per}"


def price_currency(unit: str) -> str | None:
    """The currency of a price per a unit ("USD/oz": USD), or None."""
    money, slash, _ = unit.partition("/")
    return money if slash and money in ISO_CURRENCIES else None


def symbol_allows(marker: str, code: str) -> bool:
    """Whether an amount's bare symbol ("$", "-$", "($)") may stand for the currency ``code``
    a name states: any dollar for "$", the yuan for "¥" (`SHARED_SYMBOLS`)."""
    return code in SHARED_SYMBOLS.get(_bare_marker(marker), frozenset())


_SIGNS_AND_SPACES = " +-\u2212()\t\u00a0\u202f"
_CREDIT_MARK = re.compile(r"\s*(?:CR|cr|Cr)$")


def _bare_marker(marker: str) -> str:
    """What is written around an amount without its signs, spaces and a credit's CR."""
    marker = marker.strip(_SIGNS_AND_SPACES)
    if marker in ISO_CURRENCIES:
        return marker  # (the Seychelles rupee's SCR ends in one)
    return _CREDIT_MARK.sub("", marker).strip(_SIGNS_AND_SPACES)


# Currencies named in words, in a column's name (CMS Open Payments'
# Total_Amount_of_Payment_USDollars) or a row of labels.
_CURRENCY_WORDS = {"dollars": "USD", "usdollars": "USD", "usdollar": "USD", "usd": "USD", "euros": "EUR", "eur": "EUR"}
# How data loggers and statistics tables write units in a row of their own under the header
# (lower case), where Pint would not read them or would read them otherwise.
_LABEL_UNITS: dict[str, str] = {
    **_CURRENCY_WORDS,
    "deg c": "degC", "degc": "degC", "deg_c": "degC", "°c": "degC", "deg f": "degF", "degf": "degF",
    "°f": "degF", "%": "%", "percent": "%", "volts": "V", "volt": "V", "amps": "A",
    "ppm": "ppm", "ppb": "ppb",
    "°": "deg", "celsius": "degC", "fahrenheit": "degF", "kelvin": "K",
    "cbm": "m**3", "m3": "m**3", "cft": "ft**3",
}
# Units as machine and energy exports spell them, which Pint reads otherwise or not at all:
# newton-metres of torque in ASCII (the AI4I 2020 data's "Torque [Nm]"; Pint's "Nm" is no
# torque, and "N m" was read as metres by its last word), and energy and power with a
# capital K or H (a wind turbine's SCADA "Theoretical_Power_Curve (KWh)", beside "[KW]").
# Exact spellings: "nm" is nanometres and "mW" milliwatts.
_SPELLED_UNITS: dict[str, str] = {
    "Nm": "m*N", "N m": "m*N", "N.m": "m*N", "N-m": "m*N",
    "KWh": "kWh", "KWH": "kWh", "Kwh": "kWh", "kWH": "kWh", "KW": "kW", "Kw": "kW",
    "MWH": "MWh", "Mwh": "MWh", "GWH": "GWh", "Gwh": "GWh", "TWH": "TWh", "WH": "Wh",
}
# Astronomy's units, as the NASA Exoplanet Archive writes them in brackets after a column's
# description ("Distance [pc]"), which Pint knows by no such names: astropy's symbols. Only
# in brackets: a units row's "pc" is more often pieces.
_BRACKETED_UNITS: dict[str, str] = {
    "pc": "pc", "kpc": "kpc", "mpc": "Mpc", "au": "au", "ly": "lyr", "earth radius": "R_earth", "earth radii": "R_earth",
    "earth mass": "M_earth", "earth masses": "M_earth", "jupiter radius": "R_jup", "jupiter radii": "R_jup",
    "jupiter mass": "M_jup", "jupiter masses": "M_jup", "solar radius": "R_sun", "solar radii": "R_sun",
    "solar mass": "M_sun", "solar masses": "M_sun", "solar luminosity": "L_sun", "dex": "dex", "mag": "mag",
    # Energy of fuel in millions of British thermal units (EPA's "Heat Input (mmBtu)"): not millimetres.
    "mmbtu": "MMBtu", "lbs/mmbtu": "lb/MMBtu", "lb/mmbtu": "lb/MMBtu", "short tons/mmbtu": "short_ton/MMBtu",
    "tons/mmbtu": "ton/MMBtu", "mmbtu/hr": "MMBtu/h",
}
# Units whose case tells them apart, written as a name's last part (pressure_hPa, battery_mV,
# current_mA, rssi_dBm, energy_Wh): splitting such a name at its capitals loses them.
_CASED_UNITS: dict[str, str] = {
    "hPa": "hPa", "kPa": "kPa", "Pa": "Pa", "mV": "mV", "mA": "mA", "mAh": "mAh", "dBm": "dBm", "dB": "dB",
    "Wh": "Wh", "kWh": "kWh", "MWh": "MWh", "GWh": "GWh", "kW": "kW", "MW": "MW", "GW": "GW",
    "Hz": "Hz", "kHz": "kHz", "MHz": "MHz", "GHz": "GHz", "ppb": "ppb", "µs": "us", "ns": "ns",
}
# A watt alone ("power_W") only beside a word of power: a W is also a win, a week, a west.
_POWER_WORDS = frozenset({"power", "load", "output", "consumption", "demand", "generation", "pv", "solar", "wind", "draw"})
# A name's last part written as a code of capitals and digits (GTEx's sample GTEX-1117F-0226-SM-QA7MS,
# FRED's series): no unit in it, whatever letters it ends with.
_CODE_PART = re.compile(r"(?=[A-Z0-9]*[0-9])(?=[A-Z0-9]*[A-Z])[A-Z0-9]{4,}")
# A label Pint may read: a lower-case word ("degrees", "meters/second"), or symbols joined by
# "/", "^", "*" or "·" with powers ("W/m^2", "ug/m3", "m3/s"). Short capitals alone ("TS",
# "RN": a logger's timestamp and record markers) are not handed to Pint, which reads them as
# terasiemens and the like.
_PINT_LABEL = re.compile(r"[a-zµ°]{3,}(?:/[a-z]+)?|[A-Za-zµ°]+[0-9²³]?(?:[/*^·][A-Za-zµ°]*[0-9²³]?)+")


# Words Pint reads as units that a table means otherwise: a score's points (not typographic
# points), "units" and "dots" (which Pint takes for micro-nits and pixels), the French "are".
_NOT_LABEL_UNITS = frozenset({"point", "points", "pt", "pts", "unit", "units", "dot", "dots", "are"})


def unit_from_label(label: str) -> UnitEvidence | None:
    """The unit a label under a column's name states: a units row's cell ("Deg C", "m/s",
    "W/m^2"), or a unit in parentheses or brackets at a label's end ("Median income
    (dollars)", "Orbital Period [days]")."""
    text = label.strip()
    key = text.lower()
    if key in _NOT_LABEL_UNITS:
        return None
    if _LOGARITHM.fullmatch(text):
        # "log10(cm/s**2)", a star's surface gravity: the logarithm of a quantity in that unit,
        # not the unit itself (its values are 4.4, not 25,000).
        return UnitEvidence(text, VALUE_UNIT_CONFIDENCE)
    if key in _LABEL_UNITS:
        return UnitEvidence(_LABEL_UNITS[key], VALUE_UNIT_CONFIDENCE)
    if (spelled := spelled_unit(text)) is not None:
        return UnitEvidence(spelled, VALUE_UNIT_CONFIDENCE)  # EIA's "Thousand Barrels per Day"
    if text in _SPELLED_UNITS:
        return UnitEvidence(_SPELLED_UNITS[text], VALUE_UNIT_CONFIDENCE)
    if text in KNOWN_VALUE_UNITS:
        return UnitEvidence(KNOWN_VALUE_UNITS[text], VALUE_UNIT_CONFIDENCE)
    if (squeezed := _squeezed_unit(text)) is not None:
        return UnitEvidence(squeezed, VALUE_UNIT_CONFIDENCE)
    if _PINT_LABEL.fullmatch(text):
        unit = _pint_label(text)
        if unit is not None:
            return UnitEvidence(unit, VALUE_UNIT_CONFIDENCE)
    inner = re.search(r"\(([^()]+)\)\s*$", text) or re.search(r"\[([^\[\]]+)\]\s*$", text)
    if inner is not None and inner.group(1) != text:
        if (astronomical := _BRACKETED_UNITS.get(inner.group(1).strip().lower())) is not None:
            return UnitEvidence(astronomical, NAME_UNIT_CONFIDENCE)
        if (trade := bracketed_trade_unit(inner.group(1), name_tokens(text))) is not None:
            return UnitEvidence(trade, NAME_UNIT_CONFIDENCE)
        written = inner.group(1).strip()
        found = unit_from_label(written) or _unit_uncapitalised(written)
        return None if found is None else UnitEvidence(found.unit, NAME_UNIT_CONFIDENCE)
    return None


# A word capitalised or in capitals, as SAS labels write a unit in parentheses ("Total
# Treatment Duration (Days)", "Age (Years)"); a statistic's "Min" or "MAX" is none.
_CAPITALISED_WORD = re.compile(r"[A-Z][a-z]{2,}|[A-Z]{3,}")
_STATISTIC_WORDS = frozenset({"min", "max"})


def _unit_uncapitalised(text: str) -> UnitEvidence | None:
    """The unit a capitalised word in parentheses states in lower case, as Pint reads it
    ("Days" as "days"), when as written it states none (a symbol's case tells it apart:
    "MWH", "Pa")."""
    lower = text.lower()
    if not _CAPITALISED_WORD.fullmatch(text) or lower in _STATISTIC_WORDS:
        return None
    return unit_from_label(lower)


_LOGARITHM = re.compile(r"(?i:log(?:10)?|ln)\s*\(.+\)")


# Pint counts angles as dimensionless, as they are; a label naming one still states a unit.
_ANGLES = frozenset({"degree", "radian"})


def _pint_label(text: str) -> str | None:
    import tokenize

    import pint

    try:
        # Powers as Pint writes them: "m^2" and "m3" (as in "ug/m3") are m**2 and m**3.
        text = _PER_ACRE.sub("/acre", text.replace("²", "2").replace("³", "3"))
        unit = unit_registry().parse_units(re.sub(r"([A-Za-z])\^?([0-9])", r"\1**\2", text))
    except (pint.errors.PintError, AssertionError, ValueError, TypeError, tokenize.TokenError):
        return None
    if unit.dimensionless and str(unit) not in _ANGLES:
        return None
    return pint_canonical(format(unit, "~C")) or format(unit, "~C")


# A unit in brackets at a name's end, also before a dash and what a source adds there
# (ENTSO-E's "Actual Total Load [MW] - BZN|DE-LU").
_BRACKETED = re.compile(r"[(\[]([^()\[\]]+)[)\]](?:\s+-\s+[^()\[\]]*)?\s*$")


def _bracketed_price(name: str) -> UnitEvidence | None:
    """The price a name's bracket states, money per a unit ("Day-ahead Price [EUR/MWh]":
    EUR/MWh, a mine's "AISC (US$/oz)": USD/oz), or None. Never the currency alone: it would
    invite summing prices as money."""
    match = _BRACKETED.search(name)
    if match is None or "/" not in match.group(1):
        return None
    money, _, per = match.group(1).partition("/")
    code = currency_code(money.strip())
    if code is None or not per.strip():
        return None
    return UnitEvidence(f"{code}/{_per_unit(per.strip(), name_tokens(name))}", NAME_UNIT_CONFIDENCE)


def _per_unit(written: str, tokens: list[str]) -> str:
    """The unit a price is per, as the unit tables name it ("bbl": oil_bbl, "mmBtu": MMBtu),
    else as written ("kW-mo", as prices in values keep it)."""
    return (
        bracketed_trade_unit(written, tokens) or KNOWN_VALUE_UNITS.get(written)
        or _BRACKETED_UNITS.get(written.lower()) or written
    )


def _bracketed_unit(name: str) -> UnitEvidence | None:
    """The unit a name writes in brackets at its end, as scientific and statistical tables
    head their columns: "Pressure (hPa)", "Flow [m3/s]", "PM2.5 (µg/m³)", "Salary (€)",
    "GDP (current US$)", "Area (sq km)"; without the scale written beside it ("$000")."""
    match = _BRACKETED.search(name)
    if match is None:
        return None
    trade = bracketed_trade_unit(match.group(1), name_tokens(name)) or spelled_unit(match.group(1))
    if trade is not None:
        return UnitEvidence(trade, NAME_UNIT_CONFIDENCE)
    # ("in" first, as GeoNames' "Area(in sq km)" writes it.)
    inner = re.sub(r"^in\s+", "", _split_scale(match.group(1))[0].strip(), flags=re.IGNORECASE)
    inner = re.sub(r"^(?:sq\.?|square)\s+([A-Za-z]+)\.?$", r"\1^2", inner)
    # "$ per capita" is dollars (a bracket that starts with "per" gives no unit at all, see
    # `unit_from_name`).
    inner = re.sub(r"\s+per\s+.*$", "", inner, flags=re.IGNORECASE)
    if not inner:
        return None
    if (astronomical := _BRACKETED_UNITS.get(inner.lower())) is not None:
        return UnitEvidence(astronomical, NAME_UNIT_CONFIDENCE)
    # "$US" (USA Trade Online's "Total Exports Value ($US)"), "$A": the country after the sign.
    inner = re.sub(r"^\$([A-Z]{1,2})$", r"\1$", inner)
    for text in (inner, inner.split()[-1]):  # "current US$": its last word
        code = currency_code(text)
        if code is not None:
            return UnitEvidence(code, NAME_UNIT_CONFIDENCE)
        found = unit_from_label(text)
        if found is not None:
            return UnitEvidence(found.unit, NAME_UNIT_CONFIDENCE)
    return None


# How many of a name's last words may spell its unit ("Thousand Cubic Feet per Day").
_SPELLED_WORDS_MAX = 6


def _spelled_at_end(name: str) -> str | None:
    """The rate a name's last words spell out of brackets, as EIA's series names do
    ("Cushing OK WTI Spot Price FOB  Dollars per Barrel": USD/oil_bbl, never dollars alone), or
    None."""
    if not re.search(r"(?i)\sper\s", name):
        return None
    words = name.split()
    starts = range(max(0, len(words) - _SPELLED_WORDS_MAX), len(words) - 2)
    return next((unit for start in starts if (unit := spelled_unit(" ".join(words[start:]))) is not None), None)


def _unit_said_before(name: str) -> UnitEvidence | None:
    """The unit a name says outright before a bracket of several words ("First reply time in
    minutes (within business hours)", Zendesk's; "Resolution in hours (working days)"): the
    bracket qualifies what is counted, and its last word is no unit of the values."""
    match = _BRACKETED.search(name)
    if match is None or len(match.group(1).split()) < 2:
        return None
    tokens = name_tokens(name[: match.start()])
    stated = next((tokens[i + 1] for i, t in enumerate(tokens[:-1]) if t == "in" and tokens[i + 1] in NAME_UNITS), None)
    return None if stated is None else UnitEvidence(NAME_UNITS[stated], NAME_UNIT_CONFIDENCE)


# A bracket inside a name, and what may follow one that states the unit: brackets qualifying
# the values ("(Adjusted)"), or words joined by a preposition or a dash ("from Natural Gas").
_INNER_BRACKET = re.compile(r"[(\[]([^()\[\]]+)[)\]]")
_QUALIFIERS_AFTER = re.compile(
    r"(?:\s*[(\[][^()\[\]]*[)\]])+\s*|\s+(?i:from|for|of|at|in|on|by|to|with|without|excluding|including|-|–)\s.*"
)


def _head_before_qualifiers(name: str) -> str | None:
    """The name up to a bracket stating its unit (or a price per a unit) before what qualifies
    it: EIA-930's "Demand (MW) (Adjusted)", "Net Generation (MW) from Natural Gas" are MW, as
    "Demand (MW)" is. Not before other words ("Part (A) Score": no amperes), nor a rate's
    "per"; None without such a bracket."""
    for match in reversed(list(_INNER_BRACKET.finditer(name))):
        after = name[match.end():]
        if not after.strip() or not _QUALIFIERS_AFTER.fullmatch(after) or re.search(r"(?i)\bper\b", after):
            continue
        if re.match(r"(?i)per\s", match.group(1).strip()):
            continue
        head = name[: match.end()]
        if _bracketed_price(head) is not None or _bracketed_unit(head) is not None:
            return head
    return None


# Scales that budget books and financial statements state in a header, for every number
# under it: "(Dollars in Millions)" (the US federal budget), "Amount (USD millions)",
# "(KES millions)", "($ in thousands)", "(millions of dollars)"; or short after a currency's
# sign or code, as CAFRs and annual reports write them: "($000)", "($M)", "(£m)", "(USD'000)".
_SCALE_WORDS = {
    "thousand": "thousands", "thousands": "thousands", "million": "millions", "millions": "millions",
    "billion": "billions", "billions": "billions",
}
_SCALE_IN_WORDS = re.compile(r"(?i)(?:\bin\s+)?\b(thousands?|millions?|billions?)\b(?:\s+of\b)?")
_SCALE_LETTERS = {
    "000": "thousands", "000s": "thousands", "k": "thousands", "m": "millions", "mm": "millions",
    "mn": "millions", "b": "billions", "bn": "billions",
}
_SCALE_AFTER_SIGN = re.compile(r"((?:[$€£¥]|[A-Z]{3}(?=[\s']))\s?)'?(000s?|[kKmMbB]|MM|mn|bn|Bn|BN)")
# "('000)", "(000s)": thousands of whatever the name counts.
_THOUSANDS_ALONE = re.compile(r"'?000s?")


def _split_scale(bracketed: str) -> tuple[str, str | None]:
    """A bracket's text without the scale it states, and that scale ("thousands",
    "millions", "billions"), or None."""
    text = bracketed.strip()
    if _THOUSANDS_ALONE.fullmatch(text):
        return "", "thousands"
    if (sign := _SCALE_AFTER_SIGN.fullmatch(text)) is not None:
        return sign.group(1).strip(), _SCALE_LETTERS[sign.group(2).lower()]
    if (words := _SCALE_IN_WORDS.search(text)) is not None:
        rest = (text[: words.start()] + " " + text[words.end() :]).strip()
        return rest, _SCALE_WORDS[words.group(1).lower()]
    return text, None


def name_scale(name: str) -> str | None:
    """The scale a name states for its numbers: in brackets at its end ("Total ($M)",
    "Revenue (in millions)", "Value (EUR thousands)") or as a word of it
    (``gdp_usd_billions``): "thousands", "millions" or "billions"; else None. Not a rate per
    so many (Our World in Data's "total_cases_per_million", "Deaths (per million)")."""
    if "per" in name_tokens(name):
        return None
    match = _BRACKETED.search(name)
    if match is not None and (scale := _split_scale(match.group(1))[1]) is not None:
        return scale
    return next((_SCALE_WORDS[t] for t in name_tokens(name) if t in _SCALE_WORDS), None)


def scaled_unit(unit: UnitEvidence, scale: str) -> UnitEvidence:
    """``unit`` in ``scale`` ("USD" in millions: "USD millions"), once."""
    return unit if unit_scale(unit.unit)[1] is not None else UnitEvidence(f"{unit.unit} {scale}", unit.confidence)


def unit_scale(unit: str) -> tuple[str, str | None]:
    """A unit without its scale ("USD millions": "USD", "millions"), or as it is and None."""
    base, _, scale = unit.rpartition(" ")
    return (base, scale) if base and scale in _SCALE_WORDS.values() else (unit, None)


# The note of a number whose name states a scale but no unit ("Revenue (in millions)").
SCALE_NOTE = " The name states a scale: values are in {scale} (1 is one {one}); no unit is stated."


def scale_note(name: str) -> str | None:
    """What the decision says of a scale the name states without a unit, or None."""
    scale = name_scale(name)
    return None if scale is None else SCALE_NOTE.format(scale=scale, one=scale.removesuffix("s"))


def _after_digit(name: str) -> bool:
    """Whether the name's last letters follow a digit: the census's ``S1901_C01_001M`` (a
    margin of error) and ``B01001_001E`` end in a letter of a code, not in a unit."""
    return re.search(r"[0-9][A-Za-z]+\W*$", name) is not None


# Words before a last "long" that make it an adjective, not a longitude (stay_long, too_long).
_NOT_LONGITUDE = frozenset({"how", "too", "so", "very", "stay", "term", "is", "was", "days", "weeks", "as"})


# A coordinate named with a prefix joined to it (the meteorite landings' reclat and reclong):
# three letters or more before lat, lon, lng or long (not flat, salon, oblong).
_JOINED_COORDINATE = re.compile(r"[a-z]{3,}(?:lat|lon|lng|long)")
_COORDINATE_WORDS = frozenset({"lat", "lon", "lng", "long", "latitude", "longitude"})


# Name words of a measure written with a capital letter glued to its number ("12V", "5A",
# "3L", "60W", "23C"), by the letter: beside one, the letter is a unit; elsewhere, in a
# column of few such values, it more likely ends a code (LDA's amendment types "1A".."4A",
# SAM's entity structure "2L").
_RATING_WORDS = frozenset({"size", "capacity", "rating", "rated", "spec", "specs", "nominal"})
_GLUED_UNIT_WORDS: dict[str, frozenset[str]] = {
    "V": _VOLTAGE_WORDS | {"volts", "voltages", "charger", "adapter"},
    "A": frozenset({"current", "amps", "amp", "amperage", "ampere", "amperes", "fuse", "breaker", "charger", "charging", "adapter"}),
    "W": _POWER_WORDS | {"watts", "watt", "wattage", "bulb", "lamp", "charger", "adapter", "motor"},
    "L": _VOLUME_WORDS | {"bottle", "engine", "litres", "liters", "pack", "container", "bag"},
    "C": _TEMPERATURE_NAME_WORDS, "F": _TEMPERATURE_NAME_WORDS, "K": _TEMPERATURE_NAME_WORDS,
    "B": frozenset({"bytes", "memory", "storage", "disk", "file"}),
}


def names_glued_unit(letter: str, name: str) -> bool:
    """Whether a name says the measure a capital letter glued to numbers stands for
    (``battery`` beside "12V", ``Fuse Rating`` beside "5A", ``engine_size`` beside "3L"), or
    states a unit itself."""
    tokens = set(name_tokens(name))
    return bool(tokens & (_GLUED_UNIT_WORDS.get(letter, frozenset()) | _RATING_WORDS)) or unit_from_name(name) is not None


def is_rare_currency_name(name: str) -> bool:
    """Whether a name is the code of a currency outside `COMMON_CURRENCIES`, alone and in
    capitals (the ECB's "BGN"): `unit_from_name` reads it so, a table's other names decide."""
    code = name.strip()
    return code in ISO_CURRENCIES and code not in COMMON_CURRENCIES


def names_a_coordinate(name: str) -> bool:
    """Whether a name states a latitude or longitude (``pickup_latitude``, ``Long``,
    ``reclat``), not another angle (``wind_dir_degrees``)."""
    tokens = name_tokens(name)
    named = _COORDINATE_WORDS.intersection(tokens) or any(_JOINED_COORDINATE.fullmatch(t) for t in tokens)
    unit = unit_from_name(name)
    return bool(named) and unit is not None and unit.unit == "deg"


def unit_from_name(name: str) -> UnitEvidence | None:
    """The unit a numeric column's name states (``weight_kg``, ``temp_f``, ``price_eur``),
    with the scale it states (``Amount (USD millions)``: "USD millions", see `name_scale`).

    The caller applies this to numeric columns only: on a text column `mi` is a middle initial.
    A percent sign anywhere in the name says percent; else the last unit token wins; short
    ambiguous tokens count only as the last token of a name of two tokens or more, after a
    word (`pH` is no hour) and not right after a digit; `id` and `no` are never units.
    """
    unit = _unit_from_name(name)
    scale = name_scale(name)
    return unit if unit is None or scale is None else scaled_unit(unit, scale)


def _unit_from_name(name: str) -> UnitEvidence | None:
    if "%" in name and not _QUANTILE.search(name):  # "Anteil in %", "growth %": the tokens lose the sign
        return UnitEvidence("%", NAME_UNIT_CONFIDENCE)
    if re.search(r"[(\[]\s*per\s", name, flags=re.IGNORECASE):
        return None  # a rate per something ("Pop. Density (per sq. mi.)"): not that thing's unit
    price = _bracketed_price(name)
    if price is not None:
        return price
    bracketed = _bracketed_unit(name)
    if bracketed is not None:
        return _unit_said_before(name) or bracketed
    head = _head_before_qualifiers(name)
    if head is not None:
        return _bracketed_price(head) or _bracketed_unit(head)
    spelled = _spelled_at_end(name)
    if spelled is not None:
        return UnitEvidence(spelled, NAME_UNIT_CONFIDENCE)
    if re.search(r"[(\[][^()\[\]]*\bper\s", name, flags=re.IGNORECASE):
        return None  # counts per something (the UN's "(persons per square km)"): no unit of the words

    if name.strip() == "cad":
        return None  # a track's cadence, as GPX and Garmin write it (Canadian dollars are "CAD")
    parts = [p for p in re.split(r"[-_\s]+", name.strip()) if p]
    if len(parts) > 1 and _CODE_PART.fullmatch(parts[-1]):
        return None
    if len(parts) > 1 and parts[-1] in _CASED_UNITS:
        return UnitEvidence(_CASED_UNITS[parts[-1]], NAME_UNIT_CONFIDENCE)
    if len(parts) > 1 and parts[-1] == "W" and _POWER_WORDS.intersection(p.lower() for p in parts[:-1]):
        return UnitEvidence("W", NAME_UNIT_CONFIDENCE)
    per = re.search(r"([A-Za-z]+/[A-Za-z]+)\W*$", name)  # "speed_m/s", "Wind (km/h)"
    if per is not None and per.group(1) in KNOWN_VALUE_UNITS:
        return UnitEvidence(KNOWN_VALUE_UNITS[per.group(1)], NAME_UNIT_CONFIDENCE)
    tokens = name_tokens(name)
    if len(tokens) > 1 and tokens[-1] in _CODE_ENDINGS:
        return None  # a code of a thing (NYPD's ADDR_PCT_CD: the precinct's code), no quantity
    if not _PER_LAST_WORD.search(name) and (ticker := crypto_suffix(tokens)) is not None:
        return UnitEvidence(ticker, NAME_UNIT_CONFIDENCE)
    if tokens[-2:] == ["100", "g"] and len(tokens) > 2:
        # A nutrient per 100 g of food (Open Food Facts' fat_100g, energy-kcal_100g): grams,
        # or the unit the name states before.
        stated = _unit_from_name("_".join(tokens[:-2]))
        return stated if stated is not None else UnitEvidence("g", NAME_UNIT_CONFIDENCE)
    if tokens[-1:] == ["long"] and (len(tokens) == 1 or tokens[-2] not in _NOT_LONGITUDE):
        # JHU's Lat and Long, fraudTrain's merch_long; long_term_debt is no longitude
        return UnitEvidence("deg", NAME_UNIT_CONFIDENCE)
    if len(tokens) == 1 and _JOINED_COORDINATE.fullmatch(tokens[0]):
        return UnitEvidence("deg", SHORT_NAME_UNIT_CONFIDENCE)  # reclat, reclong
    area = _area_unit(tokens)
    if area is not None:
        return UnitEvidence(area, NAME_UNIT_CONFIDENCE)
    if any(before == "metric" and after in ("ton", "tons") for before, after in itertools.pairwise(tokens)):
        # NOAA's landings: "Metric Tons" beside "Pounds" (a ton alone is as often a short ton).
        return UnitEvidence("t", NAME_UNIT_CONFIDENCE)
    stated = next((tokens[i + 1] for i, t in enumerate(tokens[:-1]) if t == "in" and tokens[i + 1] in NAME_UNITS), None)
    if stated is not None:
        # "... in minutes within business hours" (Zendesk's metrics): the unit the name says
        # the values are in, whatever words follow.
        return UnitEvidence(NAME_UNITS[stated], NAME_UNIT_CONFIDENCE)
    degrees = _degrees_of_temperature(tokens)
    if degrees is not None:
        return UnitEvidence(degrees, NAME_UNIT_CONFIDENCE)
    if len(tokens) > 1 and tokens[-1] == "k" and looks_like_temperature(name) and not _after_digit(name):
        # ERA5's and CMIP's native unit written after a temperature's name (temp_K,
        # sfc_temp_K, t2m_K); elsewhere a last K is as often thousands (salary_k).
        return UnitEvidence("K", SHORT_NAME_UNIT_CONFIDENCE)
    for position in range(len(tokens) - 1, -1, -1):
        token = tokens[position]
        if position and tokens[position - 1].isdigit() and re.fullmatch(r"[A-Za-z]+[0-9]+[A-Za-z]+", name.strip()):
            return None  # a series' code (FRED's TB3MS: the 3-month bill rate, monthly): no unit in it
        if position and tokens[position - 1].isdigit() and not re.search(rf"[A-Za-z]{tokens[position - 1]}(?![0-9])", name):
            # A unit after a number qualifies what is measured: a window (Lending Club's
            # delinq_2yrs, a count of delinquencies in two years; inq_last_6mths), a height
            # (wind_speed_10m). The value's own unit is not that one. (A number glued to a
            # word names a thing: co2_ppm.)
            continue
        if position and tokens[position - 1] in _NUMBER_WORDS:
            continue  # the same window in words: Redfin's off_market_in_two_weeks is a share of homes
        if token == "kg" and _GRADE_WORDS.intersection(tokens):
            continue  # an enrolment file's Grade KG, GRADE_KG: kindergarten
        if NAME_UNITS.get(token) == "h" and _CREDIT_WORDS.intersection(tokens):
            return None  # a registrar's Credit Hours, CREDIT_HRS: academic credits, not clock hours
        code = token.upper()
        named = code in COMMON_CURRENCIES or (code in ISO_CURRENCIES and name.strip() == code)
        if named and code not in _NOT_NAME_CURRENCIES:
            return UnitEvidence(code, NAME_UNIT_CONFIDENCE)
        in_context = next((unit for words, unit in _IN_CONTEXT.get(token, ()) if words.intersection(tokens)), None)
        if in_context is not None:
            return UnitEvidence(in_context, NAME_UNIT_CONFIDENCE)
        if token == "ms" and position == 0 and len(tokens) > 1:
            continue  # Ames's MSSubClass, MSZoning: an abbreviation, not milliseconds
        if position == 0 and len(tokens) > 2 and _COUNTRY_PREFIX.match(name):
            continue  # Open Power System Data's GB_GBN_price_day_ahead: Great Britain, not gigabytes
        if token == "mi" and not _DISTANCE_WORDS.intersection(tokens):
            continue  # mortgage insurance (Freddie Mac's MI_TYPE, MI_RECOVERIES), a middle initial
        if token in NAME_UNITS:
            return UnitEvidence(NAME_UNITS[token], NAME_UNIT_CONFIDENCE)
        if token in _CURRENCY_WORDS:
            return UnitEvidence(_CURRENCY_WORDS[token], NAME_UNIT_CONFIDENCE)
        is_last = position == len(tokens) - 1
        if is_last and len(tokens) > 1 and len(tokens[-2]) > 1 and token in SHORT_NAME_UNITS and not _after_digit(name):
            needed = _SHORT_UNIT_WORDS.get(token)
            if needed is not None and not needed.intersection(tokens):
                return None
            return UnitEvidence(SHORT_NAME_UNITS[token], SHORT_NAME_UNIT_CONFIDENCE)
    return None


# A temperature's unit written as Pint and CF write it after any name, split by the tokens
# into "deg" and a letter (CMIP6 summaries' tas_1995_2014_degC, t2m_degC; sst_degK, the old
# spelling of the kelvin): a unit of its own, with no measure's word needed before it.
_DEGREES_OF_TEMPERATURE = {"c": "degC", "f": "degF", "k": "K"}


def _degrees_of_temperature(tokens: list[str]) -> str | None:
    """The temperature unit a name writes as "degC", "degF" or "degK", or None."""
    return next(
        (_DEGREES_OF_TEMPERATURE[after] for before, after in itertools.pairwise(tokens)
         if before == "deg" and after in _DEGREES_OF_TEMPERATURE),
        None,
    )


# Name words of a distance, beside which "mi" is miles (distance_mi, Trip Distance mi): alone
# it is as often mortgage insurance (Freddie Mac's and Fannie Mae's MI_TYPE, MI_RECOVERIES,
# mi_cancellation_indicator) or a middle initial.
_DISTANCE_WORDS = _FEET_WORDS | frozenset({
    "trip", "travel", "traveled", "travelled", "route", "drive", "driven", "driving", "commute", "odometer", "odo",
    "mileage", "ride", "walk", "walked", "hike", "leg", "segment", "road", "track", "trail", "away", "flown", "haul",
})


# Numbers written as words, before a unit of a window (in_two_weeks, within_thirty_days).
_NUMBER_WORDS = frozenset({
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "fifteen", "twenty", "thirty", "forty", "fifty", "sixty", "ninety", "hundred",
})
# Words of a school's grade, beside which KG is kindergarten (an enrolment file's Grade KG).
_GRADE_WORDS = frozenset({"grade", "grades", "gr", "grd", "enrollment", "enrolment", "membership", "pupils", "students"})
# Words of an academic credit, beside which hours are credits earned or attempted (Banner's
# and PeopleSoft's Credit Hours, a semester's SCH), not a length of time.
_CREDIT_WORDS = frozenset({"credit", "credits", "cr", "crdt", "semester", "sch"})


# A percentage naming a quantile or a level, not the values' unit: HadCRUT's "Lower confidence
# limit (2.5%)", "Upper confidence limit (97.5%)", a "95% CI", "p90 (90%)".
_QUANTILE = re.compile(r"(?i:confidence|limit|interval|quantile|percentile|\bci\b|bound)|\(\s*[0-9.]+\s*%\s*\)")


# A last word after a slash, a rate per it: Etherscan's "Historical $Price/Eth" is dollars per
# ether, not an amount of ether.
_PER_LAST_WORD = re.compile(r"/\s*[A-Za-z]+\W*$")


_CODE_ENDINGS = frozenset({"id", "cd", "key"})  # (not "code": the Stack Overflow survey's YearsCode counts years)


# A name opening with a country's code in capitals and an underscore, as time series of
# several countries name their columns (DE_load_actual, GB_GBN_price_day_ahead).
_COUNTRY_PREFIX = re.compile(r"[A-Z]{2}_[A-Za-z]")


# The notes of a column whose name states a unit its values deny (`name_unit_note`).
SHARE_NOTE = " Named as a percentage, but every value lies between -1 and 1: shares of one (0.5 is 50%), so no unit is recorded."
BEYOND_PERCENT_NOTE = " Named as a percentage, but values reach {high:,.6g}: not percentages of a whole, so no unit is recorded."
BEYOND_DEGREES_NOTE = (
    " Named as a coordinate or an angle, but values reach {extreme:,.6g}: not degrees (degrees and minutes"
    " written as one number, or a projection's metres), so no unit is recorded."
)
DEGREES_MAX = 360.0
# A percentage rarely passes this (growth of tenfold); the WHO life expectancy data's
# `percentage expenditure` holds health spending per head, up to 19,480.
PERCENT_MAX = 1000.0


CODED_CURRENCY_NOTE = (
    " The name holds the currency code {code}, but every value is a whole number from {low:g} to {high:g}:"
    " the codes of a yes/no or a category, not amounts, so no unit is recorded."
)
# Whole numbers up to this one under a currency's code are a flag's codes: 1 and 2 (yes and
# no, as CMS writes them), 0 and 1.
CODED_CURRENCY_MAX = 2


# Metals and oxides whose grades assays and resource statements write in percent, mostly
# under one (porphyry copper's Cu 0.2 to 1%, its Mo 0.005 to 0.05%): symbols as chemists
# write them, a few base and precious metals in capitals too (acQuire's CU_PCT), formulas of
# oxides in any case (an XRF assay's SiO2, Al2O3; uranium's U3O8).
_GRADE_SYMBOLS = frozenset({
    "Au", "Ag", "Cu", "Mo", "Zn", "Pb", "Ni", "Co", "Fe", "Mn", "Cr", "Ti", "Sn", "Sb", "Bi", "Li", "Zr", "Nb",
    "Ta", "Mg", "Al", "Si",
})
_CAPITAL_GRADE_SYMBOLS = frozenset({"AU", "AG", "CU", "MO", "ZN", "PB", "NI", "FE", "MN", "LI", "SN"})
_OXIDES = frozenset({
    "sio2", "al2o3", "fe2o3", "fe3o4", "feo", "cao", "mgo", "k2o", "na2o", "tio2", "p2o5", "mno", "u3o8",
    "li2o", "cr2o3", "v2o5", "wo3", "zro2", "bao", "so3",
})
# The formulas as a sample's unit reads them, its digits dropped with the number's ("% U3O8": "%UO").
_OXIDES_WITHOUT_COUNTS = frozenset(re.sub(r"[0-9]", "", oxide) for oxide in _OXIDES)
# Words of a percentage small by nature: an assay's, and FracFocus's share of the hydraulic
# fracturing job by mass (PercentHFJob, PercentHighAdditive: every ingredient but the water
# under 1%).
_SMALL_PERCENT_WORDS = frozenset({"assay", "assays", "additive", "additives", "ingredient", "concentration"})


def _names_a_grade(name: str) -> bool:
    """Whether a percentage's name says what it is of where percentages under one are the
    rule: a metal's grade (`Cu_pct`, `Cu (%)`, `SiO2 (%)`), an assay, a frac job's additive."""
    parts = [p for p in re.split(r"[^A-Za-z0-9]+", name) if p]
    if any(p in _GRADE_SYMBOLS or p.lower() in _OXIDES for p in parts):
        return True
    others = [p for p in parts if p.lower() not in ("pct", "percent", "perc", "per", "cent")]
    if len(others) == 1 and others[0] in _CAPITAL_GRADE_SYMBOLS:
        return True  # CU_PCT, "MO %": the whole name is the metal and its percent
    tokens = name_tokens(name)
    return bool(_SMALL_PERCENT_WORDS.intersection(tokens)) or ("hf" in tokens and "job" in tokens)


def name_unit_note(
    unit: UnitEvidence | None, low: float | None, high: float | None, *, whole: bool = False, name: str = "",
) -> str | None:
    """Why a unit that only the name states is none, or None. A percentage: every value
    within -1..1 holds shares of one (basketball's FG% .512 beside USG% 22.4, the College
    Scorecard's rates), unless the ``name`` says a metal's grade or another percentage small
    by nature (`_names_a_grade`: a porphyry's Cu_pct 0.412 is 0.412%, all the deposit under
    1%); values far past a hundred are some other measure. Degrees: no angle
    or coordinate passes 360 (NOAA's LAT2 3426430 packs degrees, minutes and seconds). A
    currency: ``whole`` numbers of 0 to 2 alone are a flag's codes (DE-SynPUF's SP_CHF, 1 or 2,
    is chronic heart failure, not Swiss francs; Elixhauser's chf 0 or 1)."""
    if unit is None or low is None or high is None:
        return None
    if whole and unit.unit in ISO_CURRENCIES and low >= 0 and high <= CODED_CURRENCY_MAX:
        return CODED_CURRENCY_NOTE.format(code=unit.unit, low=low, high=high)
    if unit.unit == "%" and low >= -1.0 and high <= 1.0 and low < high and not _names_a_grade(name):
        return SHARE_NOTE
    if unit.unit == "%" and high > PERCENT_MAX:
        return BEYOND_PERCENT_NOTE.format(high=high)
    if unit.unit == "deg" and max(abs(low), abs(high)) > DEGREES_MAX:
        return BEYOND_DEGREES_NOTE.format(extreme=high if abs(high) >= abs(low) else low)
    return None


def _area_unit(tokens: list[str]) -> str | None:
    """The area a name's tokens state with a length: ``km`` then ``2`` (`area_km2`; ``m2``
    only at the name's end, as `M2_growth` is money), or ``sq`` or ``square`` then a length
    (`square_feet`)."""
    for position, (before, after) in enumerate(itertools.pairwise(tokens)):
        if before in _AREA_BASES and after == "2" and (before != "m" or position == len(tokens) - 2):
            return f"{_AREA_BASES[before]}**2"
        if before in ("sq", "square") and after in _AREA_BASES:
            return f"{_AREA_BASES[after]}**2"
    return None
