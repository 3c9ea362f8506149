"""Amounts whose currency or unit is another column's: a billing export's `Amount` beside a
`Currency` of USD, GBP and EUR is in each row's currency, and a sum over the table adds pounds to
dollars (Chargebee's invoices and subscriptions, Stripe's charges, a shop's orders in several
markets); an ERP's quantity beside a unit of measure of PC, KG and M is in each row's unit (SAP's
confirmations: `ISM01` in the `ILE01` of H or MIN, a yield in the `MEINH` of ST or KG), and a sum
adds minutes to hours; an ad platform's count of results beside a `Result indicator` counts the
metric each row names (Meta Ads Manager's purchases, reach and link clicks in one `Results`), and a
sum adds people reached to purchases."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from datadossier.engine.gateway import quote_ident
from datadossier.inference.model import ColumnInference
from datadossier.inference.names import name_tokens
from datadossier.inference.units import ISO_CURRENCIES, VALUE_UNIT_CONFIDENCE, unit_from_label

if TYPE_CHECKING:
    import duckdb

# Words of a name that say it holds money (Amount Paid, Plan Unit Price, Tax, MRR).
_MONEY_WORDS = frozenset({
    "amount", "amt", "price", "cost", "costs", "tax", "taxes", "vat", "fee", "fees", "subtotal", "revenue",
    "revenues", "mrr", "arr", "paid", "due", "balance", "payment", "payments", "charge", "charges", "discount",
    "refund", "refunds", "credit", "debit", "salary", "wage", "wages", "spend", "proceeds", "earnings",
})
# Words that make an amount a quantity used (a cloud bill's `lineItem/UsageAmount` in hours,
# GB-months or requests, GCP's `usage.amount`): an amount of usage is no money.
_USAGE_WORDS = frozenset({"usage", "consumed", "consumption"})
_AMOUNT_WORDS = frozenset({"amount", "amt"})
# Words that make a money word's column something else: a tax rate, a count of payments.
_NOT_MONEY_WORDS = frozenset({
    "rate", "pct", "percent", "percentage", "ratio", "count", "cnt", "number", "num", "qty", "quantity",
    "id", "days", "date", "code", "currency",
})
# Words a column of currencies ends with: Currency, Currency Code, currency_cd, Invoice Currency.
_CURRENCY_WORDS = frozenset({"currency", "ccy", "curr"})
_CURRENCY_ENDINGS = frozenset({*_CURRENCY_WORDS, "code", "cd", "iso"})
# Words two names may share that do not pair them (App Store's `Currency of Proceeds`).
_FILLER_WORDS = frozenset({"of", "in", "the", "for", "per"})
# A column of more distinct values than this is no column of currencies.
_MAX_CURRENCIES = 50
_AMOUNT_TYPES = frozenset({"DOUBLE", "DECIMAL", "INTEGER", "BIGINT"})


def amounts_in_row_currency(
    con: duckdb.DuckDBPyConnection, relation: str, results: list[ColumnInference]
) -> list[ColumnInference]:
    """The decisions with a note on each unitless amount (a number named as money) of a table
    whose column of ISO 4217 codes holds more than one currency: the amounts are in each
    row's currency, which that column names. One small query, for a table that has both."""
    named = [r.column_name for r in results if r.decided_type == "VARCHAR" and _names_currencies(r.column_name)]
    if not named or not any(r.decided_type in _AMOUNT_TYPES and r.unit is None for r in results):
        return results
    codes = {column: _currencies(con, relation, column) for column in named}
    mixed = next((column for column in named if len(codes[column] or ()) > 1), None)
    noted: list[ColumnInference] = []
    for r in results:
        # An amount goes with the currency column named like it (Google Play's `Amount (Buyer
        # Currency)` with `Buyer Currency`, not with `Merchant Currency`; App Store's `Customer
        # Price` with `Customer Currency`, its `Developer Proceeds` with `Currency of Proceeds`),
        # else with the table's column of several currencies.
        column = _currency_named_like(r.column_name, named) or mixed
        shown = codes.get(column) if column is not None else None
        if column is not None and shown is not None and len(shown) > 1 and _unitless_amount(r, column):
            r = _in_row(r, column, shown, "currency", "currencies")
        noted.append(r)
    return noted


def _names_currencies(name: str) -> bool:
    tokens = name_tokens(name)
    return (
        bool(tokens) and bool(_CURRENCY_WORDS & set(tokens))
        and (tokens[-1] in _CURRENCY_ENDINGS or tokens[0] in _CURRENCY_WORDS)
    )


def _currency_named_like(amount: str, currencies: list[str]) -> str | None:
    """The currency column sharing a word with the amount's name, other than the words that
    say currency, or None."""
    words = set(name_tokens(amount))
    for column in currencies:
        if (set(name_tokens(column)) - _CURRENCY_ENDINGS - _FILLER_WORDS) & words:
            return column
    return None


def _names_money(tokens: set[str]) -> bool:
    """Whether a name's words say it holds money: a money word, but not an amount of usage
    (CUR's `UsageAmount`, though its `UsageCost` is money)."""
    money = _MONEY_WORDS & tokens
    return bool(money) and not (money <= _AMOUNT_WORDS and _USAGE_WORDS & tokens)


def _unitless_amount(result: ColumnInference, currency: str) -> bool:
    # The currency column's own words in the amount's name (`Amount (Buyer Currency)`) say
    # whose currency it is, not that the column is no amount.
    tokens = set(name_tokens(result.column_name)) - (set(name_tokens(currency)) - _MONEY_WORDS)
    return (
        result.decided_type in _AMOUNT_TYPES and result.unit is None
        and _names_money(tokens) and not _NOT_MONEY_WORDS & tokens
    )


def _distinct_values(con: duckdb.DuckDBPyConnection, relation: str, column: str) -> list[str]:
    """The distinct non-blank values of a column, trimmed: one more than `_MAX_CURRENCIES` at
    most (a column of more is no column of codes)."""
    value = f"trim(CAST({quote_ident(column)} AS VARCHAR))"
    rows = con.execute(
        f"SELECT DISTINCT {value} FROM {relation} WHERE nullif({value}, '') IS NOT NULL LIMIT {_MAX_CURRENCIES + 1}"
    ).fetchall()
    return [str(row[0]) for row in rows]


def _currencies(con: duckdb.DuckDBPyConnection, relation: str, column: str) -> list[str] | None:
    """The currencies a column holds, when all its values are ISO 4217 codes (in any case), or
    None."""
    values = _distinct_values(con, relation, column)
    codes = sorted({value.upper() for value in values})
    if not codes or len(values) > _MAX_CURRENCIES or any(code not in ISO_CURRENCIES for code in codes):
        return None
    return codes


def _in_row(result: ColumnInference, column: str, codes: list[str], kind: str, kinds: str) -> ColumnInference:
    """The note on an amount in the ``kind`` (currency, unit) each row's ``column`` names."""
    shown = ", ".join(codes[:5]) + (", ..." if len(codes) > 5 else "")
    note = (
        f" Amounts in the {kind} of each row's `{column}` ({shown}): do not sum across {kinds};"
        f" group by `{column}` (or convert) first."
    )
    return replace(result, reason=result.reason + note, unit_column=column)


# Codes an ERP or MES export writes for a row's unit of measure (SAP's ST, PC, KG, H, MIN;
# Opcenter's EA and M; an SPC sheet's mm and Nm), compared in capitals.
_MEASURE_CODES = frozenset({
    "PC", "PCS", "EA", "ST", "STK", "EACH", "PCE", "PR", "PAA", "SET", "DZ", "BOX", "CS", "CTN", "CAR", "PAL",
    "PAK", "PK", "ROL", "BAG", "BT", "CAN", "DR", "KG", "G", "MG", "T", "TO", "TON", "LB", "LBS", "OZ", "M",
    "CM", "MM", "KM", "UM", "IN", "FT", "YD", "MI", "M2", "M3", "CM3", "FT2", "FT3", "L", "ML", "HL", "GAL",
    "H", "HR", "HRS", "HOUR", "MIN", "S", "SEC", "D", "DAY", "WK", "MON", "NM", "N", "KN", "KWH", "WH", "MWH",
    "KW", "W", "V", "A", "BAR", "PA", "KPA", "DEG", "°C", "°F",
    # Units spelled out or abbreviated as a listing writes them: RESO's LotSizeUnits of Acres and
    # Square Feet (AC, SF), a land registry's Hectares and Square Metres, a timesheet's Hours.
    "AC", "ACRE", "ACRES", "SF", "SQFT", "SQ FT", "SQ. FT.", "SQUARE FOOT", "SQUARE FEET", "SQM", "SQ M",
    "SQUARE METER", "SQUARE METERS", "SQUARE METRE", "SQUARE METRES", "HA", "HECTARE", "HECTARES",
    "SQ YD", "SQUARE YARD", "SQUARE YARDS", "FOOT", "FEET", "METER", "METERS", "METRE", "METRES",
    "INCH", "INCHES", "MILE", "MILES", "KILOGRAM", "KILOGRAMS", "POUND", "POUNDS", "GRAM", "GRAMS",
    "LITER", "LITERS", "LITRE", "LITRES", "GALLON", "GALLONS", "PIECE", "PIECES", "HOURS", "MINUTES",
    "SECONDS", "DAYS", "WEEKS",
    # UN/ECE Recommendation 20's codes, which GS1's GDSN writes on product labels (FoodData
    # Central's `serving_size_unit` of GRM and MLT beside g and ml), and vitamins' IU.
    "GRM", "KGM", "MGM", "MCG", "UG", "MLT", "LTR", "CLT", "ONZ", "OZA", "OZI", "FOZ", "LBR", "GLL", "GLI",
    "MTR", "CMT", "MMT", "MTK", "MTQ", "H87", "C62", "HUR", "IU",
    # A statistical office's units: FAOSTAT's An (animals) and No (number) of `1000 An` and
    # `100 g/ha`; NASS Quick Stats' BU, CWT, HEAD and PCT of `BU / ACRE` and `$ / CWT`.
    "AN", "NO", "HEAD", "BU", "CWT", "PCT", "TONS", "TONNES", "TONNE",
    # Energy and oil as EIA writes them (`$/BBL`, `$/MMBTU`, `MMCF`), and XBRL's `pure`, the
    # unit of a ratio in the SEC's financial statements.
    "BBL", "MBBL", "BTU", "MMBTU", "MCF", "MMCF", "BCF", "THERM", "PURE",
})
# Parts of the compound units a cloud bill writes per row, in capitals: AWS CUR's `pricing/unit`
# of Hrs, GB-Mo, vCPU-Hours and Lambda-GB-Second, GCP's `usage.unit` of byte-seconds and
# gibibyte month, Azure's `UnitOfMeasure` of 1 Hour, 10 GB and 1 GB/Month.
_DATA_AND_TIME_UNITS = frozenset({
    "BYTE", "BYTES", "KB", "MB", "GB", "TB", "PB", "KIB", "MIB", "GIB", "TIB", "KILOBYTE", "KILOBYTES",
    "MEGABYTE", "MEGABYTES", "GIGABYTE", "GIGABYTES", "TERABYTE", "TERABYTES", "KIBIBYTE", "KIBIBYTES",
    "MEBIBYTE", "MEBIBYTES", "GIBIBYTE", "GIBIBYTES", "TEBIBYTE", "TEBIBYTES", "KBPS", "MBPS", "GBPS", "IOPS",
    "HR", "HRS", "HOUR", "HOURS", "MIN", "MINS", "MINUTE", "MINUTES", "SEC", "SECOND", "SECONDS",
    "DAY", "DAYS", "WK", "WEEK", "WEEKS", "MO", "MONTH", "MONTHS", "YR", "YEAR", "YEARS",
})
# Counts written as a row's unit: CUR's Requests and Metrics, GCP's count, the Number among CDC
# Chronic Disease Indicators' `DataValueUnit`.
_COUNTED_UNITS = frozenset({
    "COUNT", "NUMBER", "REQUEST", "REQUESTS", "CALLS", "QUERIES", "EVENTS", "MESSAGES", "METRICS", "ALARMS",
    "OBJECTS", "IOS", "INVOCATIONS", "TRANSACTIONS", "CASES",
    # (The SEC's `shares` of a share count and of `USD/shares`, earnings per share.)
    "SHARES",
})
# Signs written as a whole unit (CDC's `DataValueUnit` of % and $).
_SIGN_UNITS = frozenset({"%", "‰", "$", "€", "£", "¥"})
# A rate written out (CDC's `cases per 100,000`, `pack sales per capita`).
_RATE_UNIT = re.compile(r".*\bPER\s+\S.*")
# A counted thing in the plural, which a cloud bill writes as the unit of its long tail (CUR's
# Dashboards, Secrets, Findings), perhaps after a count (Azure's `10000 Transactions`).
# A count alone is one too (Azure's `10K` and `100` transactions), counted as such: a column of
# numbers alone, an apartment's `Unit`, holds no unit.
_COUNTED_NOUN = re.compile(r"(?:\d+[A-Za-z]?\s+)?[A-Za-z]+(?:[- ][A-Za-z]+)*[A-Za-z][sS]|\d+[KM]?")
# A count before a unit (Azure's `10 GB`, `10K`).
_COUNT = re.compile(r"\d+(?:[.,]\d+)*[KM]?")
# Of a unit column's distinct values, one in this many may be none that is known (CUR's
# ConfigurationItemRecorded among its Hrs and GB-Mo); in a column whose name leaves no doubt,
# under half of them.
_UNKNOWN_UNIT_SHARE = 5
# Compact names of a row's unit column: UoM, Unit of Measure, SAP's MEINH, MEINS, ERFME, VRKME.
_UNIT_NAMES = frozenset({"uom", "unit", "units", "unitofmeasure", "unitofmeasurement", "meinh", "meins", "erfme", "vrkme"})
# SAP's activity units ILE01 to ILE06 go with the activities ISM01 to ISM06.
_SAP_ACTIVITY_UNIT = re.compile(r"ile0\d")
# Words of a quantity's name that a unit column serves even when not beside it (Opcenter's
# `Planned Qty` with `UoM`, a lot genealogy's `Qty Consumed`, SPC's `Measured`).
_QUANTITY_WORDS = frozenset({
    "qty", "quantity", "quantities", "yield", "measured", "consumed", "produced", "scrap",
    # A measure's own word, served by a table's one `Units` column (a parcel list's Area, Units).
    "area", "size", "length", "width", "height", "depth", "weight", "volume", "distance", "duration",
    # A cloud bill's usage in its `pricing/unit` (CUR's `lineItem/UsageAmount`).
    *_USAGE_WORDS,
})
# Words of a number's name that make it no quantity: the order number or the line before a unit.
_NOT_QUANTITY_WORDS = _NOT_MONEY_WORDS - {"qty", "quantity"} | {"no", "nr", "line", "item", "key", "year"}


def quantities_in_row_unit(
    con: duckdb.DuckDBPyConnection, relation: str, results: list[ColumnInference]
) -> list[ColumnInference]:
    """The decisions with a note on each unitless quantity served by a column of units of
    measure that names more than one: the quantity is in each row's unit. A quantity goes with
    the unit column named like it (`Activity` with `Activity Unit`, `ISM01` with `ILE01`),
    else the one just after it (`Yield`, `Unit of Measure`), else, when the table has one
    generic unit column (`UoM`, `MEINH`), a quantity by name (`Planned Qty`). One small query per unit column."""
    named = [
        (index, r.column_name) for index, r in enumerate(results)
        if r.decided_type == "VARCHAR" and _names_units(r.column_name)
    ]
    if not named or not any(_unitless_quantity(r) for r in results):
        return results
    numbers = [r.column_name for r in results if r.decided_type in _AMOUNT_TYPES]
    units = {
        column: codes for _, column in named
        if (codes := _measure_codes(con, relation, column, _clearly_units(column, numbers))) is not None
    }
    if not units:
        return results
    noted = list(results)
    for index, r in enumerate(results):
        if not _unitless_quantity(r) or r.unit_column is not None:
            continue
        column = _unit_column_for(index, r.column_name, named, len(results))
        codes = units.get(column) if column is not None else None
        if column is not None and codes is not None and len(codes) > 1:
            noted[index] = _in_row(r, column, codes, "unit", "units")
        elif column is not None and codes is not None and (
            column == _unit_column_named_like(r.column_name, named) or _measured_in_table_unit(r.column_name, column, codes[0])
        ):
            # A unit column named after the measure that writes one unit throughout states the
            # measure's unit (BRFSS's `Data_value_unit` of % on every row); one only beside a
            # quantity or generic may serve other columns, and says nothing, unless it is the
            # table's one generic unit column writing a unit of measure for a measure by name.
            noted[index] = _in_own_unit(r, column, codes[0])
    return noted


# Words after a unit column's own that leave it one: NASS Quick Stats' `UNIT_DESC`, SDMX's
# (OECD's, Eurostat's) `UNIT_MEASURE`.
_UNIT_NAME_AFTER = frozenset({"desc", "description", "measure"})


def _measured_in_table_unit(name: str, column: str, written: str) -> bool:
    """Whether a measure by its name (`width`, `height`, `depth`) takes the one unit of
    measure its table's generic unit column writes on every row: Tate's artworks in the `mm`
    of `units`. A count's `EA` or `PC` there states nothing a reader could convert."""
    return _generic_unit_name(column) and _quantity_by_name(name) and unit_from_label(written) is not None


def _names_units(name: str) -> bool:
    compact = re.sub(r"[^a-z0-9]", "", name.lower())
    tokens = name_tokens(name)
    while len(tokens) > 1 and tokens[-1] in _UNIT_NAME_AFTER:
        tokens = tokens[:-1]
    return (
        compact in _UNIT_NAMES or compact.endswith("uom") or _SAP_ACTIVITY_UNIT.fullmatch(compact) is not None
        # (RESO's LotSizeUnits and LivingAreaUnits end in the plural.)
        or (bool(tokens) and tokens[-1] in {"unit", "units", "uom"}) or "unitofmeasure" in compact
    )


def _unitless_quantity(result: ColumnInference) -> bool:
    tokens = set(name_tokens(result.column_name))
    # (A group's prefix names the group, not the number: CUR's `lineItem/UsageAmount` is no
    # line's number.)
    own = set(name_tokens(re.split(r"[/.]", result.column_name)[-1]))
    return (
        result.decided_type in _AMOUNT_TYPES and result.unit is None
        and not _names_money(tokens) and not _NOT_QUANTITY_WORDS & own
    )


def _unit_column_for(index: int, name: str, named: list[tuple[int, str]], width: int) -> str | None:
    if (own := _unit_column_named_like(name, named)) is not None:
        return own
    beside = next((column for position, column in named if position == index + 1), None)
    if beside is not None and width > index + 1:
        return beside
    # (A generic unit column, not an activity's: SAP's ILE01 serves ISM01 alone.)
    generic = [column for _, column in named if _generic_unit_name(column)]
    if len(generic) == 1 and _quantity_by_name(name):
        return generic[0]
    return None


# The words of a long table's one measure (FAOSTAT's `Value`, NASS's `VALUE`, SDMX's `OBS_VALUE`,
# the SEC's `value` of num.txt): alone, they name whatever each row measures.
_VALUE_WORDS = frozenset({"value", "values", "val", "obs"})


def _quantity_by_name(name: str) -> bool:
    """Whether a number's name says a quantity or a measure (`Planned Qty`, `Area`), or a long
    table's value and nothing else, which the table's one generic unit column serves."""
    tokens = set(name_tokens(name))
    return bool(_QUANTITY_WORDS & tokens) or (bool(tokens) and tokens <= _VALUE_WORDS)


def _unit_column_named_like(name: str, named: list[tuple[int, str]]) -> str | None:
    """The unit column sharing most words with a quantity's name (GCP's `usage.amount_in_pricing_units`
    with `usage.pricing_unit`, not `usage.unit`) or its closing number (`ISM01` with `ILE01`), or None."""
    words = set(name_tokens(name)) - _FILLER_WORDS
    digits = re.findall(r"\d+$", name)
    best: tuple[int, str | None] = (0, None)
    for _, column in named:
        if digits and re.findall(r"\d+$", column) == digits:
            return column
        shared = len(_own_unit_words(column) & words)
        if shared > best[0]:
            best = (shared, column)
    return best[1]


def _own_unit_words(column: str) -> set[str]:
    return set(name_tokens(column)) - {"unit", "units", "uom"} - _UNIT_NAME_AFTER - _FILLER_WORDS


# Words before a unit column's own that leave it the table's generic one (CUR's `pricing/unit`).
_GENERIC_UNIT_WORDS = frozenset({"pricing", "billing"})


def _generic_unit_name(column: str) -> bool:
    """Whether a unit column serves the table rather than one quantity: `UoM`, SAP's `MEINH`,
    or one named after the bill's pricing, alone or after a group's prefix (CUR's `pricing/unit`)."""
    compact = re.sub(r"[^a-z0-9]", "", re.split(r"[/.]", column)[-1].lower())
    return compact in _UNIT_NAMES or (
        _names_units(column) and _own_unit_words(column) <= _GENERIC_UNIT_WORDS
    )


def _clearly_units(column: str, numbers: list[str]) -> bool:
    """Whether a unit column's name leaves no doubt that it holds units of measure: one named
    after a number of its table (FoodData Central's `serving_size_unit` beside `serving_size`)
    or naming nothing but a unit (`UoM`, `UNIT_DESC`); not a bare `Unit`, which may be an
    apartment's or a business's, nor a `Business Unit`."""
    own = _own_unit_words(column)
    if re.sub(r"[^a-z0-9]", "", column.lower()) in {"unit", "units"}:
        return False
    return not own or any(own & set(name_tokens(number)) for number in numbers)


def _measure_codes(
    con: duckdb.DuckDBPyConnection, relation: str, column: str, clearly_units: bool = False
) -> list[str] | None:
    """The units a column holds, when its values are units of measure (in any case), or None:
    a business `Unit` of North and South is no unit of measure. Counted things in the plural
    may stand beside them, no more than the units, and a few values neither (a cloud bill's
    long tail of units); under half of them in a column clearly of units by its name (a
    product feed's codes from labels beside its g and ml)."""
    values = _distinct_values(con, relation, column)
    # (One unit written in two cases, EA and ea, is one unit.)
    codes = sorted({value.upper(): value for value in sorted(values, reverse=True)}.values())
    if not codes or len(values) > _MAX_CURRENCIES:
        return None
    units = [code for code in codes if _names_a_unit(code.upper())]
    counted = [code for code in codes if code not in units and _COUNTED_NOUN.fullmatch(code)]
    unknown = len(codes) - len(units) - len(counted)
    too_many = unknown * 2 >= len(codes) if clearly_units else unknown * _UNKNOWN_UNIT_SHARE > len(codes)
    if not units or len(units) < len(counted) or too_many:
        return None
    return codes


def _names_a_unit(value: str) -> bool:
    """Whether a value in capitals is a unit of measure: a code (PC, KG, Acres), a count or a
    sign written as a unit (Requests, Number, %), a rate (`CASES PER 100,000`), a thing counted
    (`API REQUESTS`), or words that are each a unit, a compound of one or a count (GCP's
    `GIBIBYTE MONTH`, CUR's `GB-MO` and `VCPU-HOURS`, Azure's `1 GB/MONTH`); not a place's
    `KANSAS CITY MO`; a currency (the SEC's USD of a fact's `uom`) or a ratio of units
    (FAOSTAT's `100 g/ha`, NASS's `BU / ACRE`, EIA's `$/MMBTU`, the SEC's `USD/shares`)."""
    if value in _MEASURE_CODES or value in _COUNTED_UNITS or value in _SIGN_UNITS or _RATE_UNIT.fullmatch(value):
        return True
    if value in ISO_CURRENCIES:
        return True
    words = _SLASH.sub("/", value).split()
    if not words or words[-1] in _COUNTED_UNITS:
        return bool(words)
    return all(_unit_word(word) for word in words) and not all(_COUNT.fullmatch(word) for word in words)


# A slash between units, spaced as NASS writes it (`BU / ACRE`).
_SLASH = re.compile(r"\s*/\s*")
# Missing markers that read like a ratio of units (newtons per ampere).
_NOT_UNITS = frozenset({"N/A"})


def _unit_word(word: str) -> bool:
    parts = [part for part in re.split(r"[-/]", word) if part]
    return (
        word in _MEASURE_CODES or word in _DATA_AND_TIME_UNITS or _COUNT.fullmatch(word) is not None
        or (len(parts) > 1 and any(part in _DATA_AND_TIME_UNITS or part in _COUNTED_UNITS for part in parts))
        or (len(parts) > 1 and "/" in word and word not in _NOT_UNITS and all(_unit_part(part) for part in parts))
    )


def _unit_part(part: str) -> bool:
    """Whether one side of a ratio is a unit, a currency or its sign (`G` and `HA` of
    `100 g/ha`, `$` and `BBL` of `$/BBL`, `USD` of `USD/shares`)."""
    return (
        part in _MEASURE_CODES or part in _DATA_AND_TIME_UNITS or part in _COUNTED_UNITS
        or part in _SIGN_UNITS or part in ISO_CURRENCIES
    )


def _in_own_unit(result: ColumnInference, column: str, written: str) -> ColumnInference:
    """The decision with the one unit its own unit column writes on every row (BRFSS's
    `Data_value` in the `%` of `Data_value_unit`)."""
    found = unit_from_label(written)
    unit = found.unit if found is not None else written
    decided = result.decided_type, result.decided_pattern
    candidates = [
        replace(c, detected_unit=unit, unit_confidence=VALUE_UNIT_CONFIDENCE)
        if (c.data_type, c.detected_pattern) == decided else c
        for c in result.candidates
    ]
    note = f" Unit from `{column}`, the same on every row: {unit}."
    return replace(result, candidates=candidates, reason=result.reason + note)


# Last words of a column naming each row's metric (Meta Ads Manager's `Result indicator`, a long
# table's `Indicator` or `Metric Name` beside its `Value`; FAOSTAT's `Element`, NASS Quick Stats'
# `STATISTICCAT_DESC`, the `tag` of the SEC's num.txt, an XBRL fact's concept).
_METRIC_WORDS = frozenset({"indicator", "metric", "element", "statisticcat", "tag"})
_METRIC_ENDINGS = frozenset({*_METRIC_WORDS, "name", "code", "id", "desc", "description"})
# Words of a number's name around the metric's own: Meta's `Cost per result`, a long table's
# `Value` or SDMX's `OBS_VALUE`.
_MEASURE_AROUND = frozenset({"value", "values", "obs", "total"})
# Values of a yes/no indicator (a loan's Default Indicator), which names no metric.
_FLAG_VALUES = frozenset({"Y", "N", "YES", "NO", "TRUE", "FALSE", "T", "F", "0", "1"})


def measures_of_row_metric(
    con: duckdb.DuckDBPyConnection, relation: str, results: list[ColumnInference]
) -> list[ColumnInference]:
    """The decisions with a note on each number that counts or costs the metric a text column
    names per row (`Results` and `Cost per result` beside Meta's `Result indicator` of purchases,
    reach and link clicks; `Value` beside a long table's `Indicator`): a sum or mean across rows
    mixes metrics. One small query per metric column that some number is named after."""
    named = [r.column_name for r in results if r.decided_type == "VARCHAR" and _metric_stem(r.column_name) is not None]
    pairs = {
        r.column_name: column for r in results for column in named
        if r.decided_type in _AMOUNT_TYPES and _measures(r.column_name, column)
    }
    if not pairs:
        return results
    metrics = {column: _metrics(con, relation, column) for column in set(pairs.values())}
    noted: list[ColumnInference] = []
    for r in results:
        column = pairs.get(r.column_name)
        shown = metrics.get(column) if column is not None else None
        if column is not None and shown is not None:
            listed = ", ".join(shown[:5]) + (", ..." if len(shown) > 5 else "")
            note = (
                f" Values of the metric each row's `{column}` names ({listed}): the column mixes metrics,"
                f" so do not sum or average across them; filter or group by `{column}` first."
            )
            # (A long table's value in each row's unit mixes metrics too, FAOSTAT's `Value` in
            # the `Unit` of its `Element`; the unit column stays the one to group by first.)
            r = replace(r, reason=r.reason + note, unit_column=r.unit_column or column)
        noted.append(r)
    return noted


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def _metric_stem(name: str) -> frozenset[str] | None:
    """The words a metric column names its measure by (`result` of `Result indicator`, none of
    `Indicator Name`), or None for a column that names no metric."""
    tokens = name_tokens(name)
    while tokens and tokens[-1] in _METRIC_ENDINGS - _METRIC_WORDS:
        tokens = tokens[:-1]
    if not tokens or tokens[-1] not in _METRIC_WORDS or _names_units(name):
        return None
    return frozenset(_singular(t) for t in tokens[:-1] if t not in _FILLER_WORDS)


def _measures(number: str, metric: str) -> bool:
    """Whether a number's name is the metric column's stem, in the plural, after `Cost per` or
    with a value's word (`Results`, `Cost per result` for `Result indicator`; `Value` for
    `Indicator`)."""
    stem = _metric_stem(metric)
    tokens = name_tokens(number)
    if tokens[:2] == ["cost", "per"]:
        tokens = tokens[2:]
    words = frozenset(_singular(t) for t in tokens if t not in _FILLER_WORDS and t not in _MEASURE_AROUND)
    return stem is not None and words == stem and (bool(stem) or len(tokens) > 0)


def _metrics(con: duckdb.DuckDBPyConnection, relation: str, column: str) -> list[str] | None:
    """The metrics a column names, when it names several but not too many to be a list of
    metrics, and is no yes/no flag; else None."""
    values = sorted(_distinct_values(con, relation, column))
    if len(values) < 2 or len(values) > _MAX_CURRENCIES or {v.upper() for v in values} <= _FLAG_VALUES:
        return None
    return values
