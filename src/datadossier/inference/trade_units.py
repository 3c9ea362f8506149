"""Units that oil and gas, mining, farm and crypto files write their own way, in a column's
name: "Oil (BBL)", "Gas (MCF)", "Contained Au (Moz)", EIA's "(Thousand Barrels per Day)",
"Seeding Rate (seeds/ac)", Etherscan's "TxnFee(ETH)".

Pint reads some of these wrongly or not at all: its `bbl` is a barrel of 31.5 gallons (the
oil barrel is `oil_bbl`, 42), its `kt` a knot, and the M of the oilfield's Mcf and MBbl is a
Roman thousand, not Pint's mega. So the thousands and millions of a unit Pint knows are written
as a scale after it, as budgets' "USD millions" are (`t thousands`, `oil_bbl thousands`); the
trades' own symbols Pint does not know are kept as the trade writes them (`Mcf`, `MMcf`,
`boe`, as EPA's `MMBtu` is).
"""

from __future__ import annotations

import re

# Oilfield and mining units in a name's brackets, by their lower-case spelling (RRC's and
# NDIC's "Oil (BBL)", "Gas (MCF)", rates as scout tickets write them, a mine report's grades
# and contained metal). Only in brackets: a name that is "BBL" alone is New York's
# borough-block-lot.
_BRACKETED_TRADE_UNITS: dict[str, str] = {
    "bbl": "oil_bbl", "bbls": "oil_bbl", "stb": "oil_bbl", "mbbl": "oil_bbl thousands", "mbbls": "oil_bbl thousands",
    "kbbl": "oil_bbl thousands", "mmbbl": "oil_bbl millions", "mmbbls": "oil_bbl millions",
    "mcf": "Mcf", "mmcf": "MMcf", "bcf": "Bcf", "scf": "ft**3",
    "boe": "boe", "mboe": "boe thousands", "mmboe": "boe millions",
    "bopd": "oil_bbl/day", "bpd": "oil_bbl/day", "bbl/d": "oil_bbl/day", "bbl/day": "oil_bbl/day",
    "bwpd": "oil_bbl/day", "mbbl/d": "oil_bbl/day thousands", "kbbl/d": "oil_bbl/day thousands",
    "kb/d": "oil_bbl/day thousands", "boepd": "boe/day", "boe/d": "boe/day",
    "mcfd": "Mcf/day", "mcf/d": "Mcf/day", "mcf/day": "Mcf/day", "mmcfd": "MMcf/day", "mmcf/d": "MMcf/day",
    "mmscfd": "MMcf/day", "mmbtu": "MMBtu",
    # A mine's grades, contained metal and tonnages ("Au (g/t)", "Contained Au (Moz)", "(kt)").
    "g/t": "g/t", "koz": "koz", "moz": "Moz", "kt": "t thousands", "t": "t",
    # A field's area in a farm export ("Area (ac)"), as an acre is written inside "bu/ac".
    "ac": "acre",
}
# Spellings whose case tells them apart: a megatonne (a resource statement's "Tonnes (Mt)")
# and trade statistics' metric tons ("(MT)", "(1000 MT)").
_CASED_TRADE_UNITS: dict[str, str] = {"Mt": "t millions", "MT": "t"}
# Words beside which a bracket's "kt" is knots ("Wind Speed (kt)") and a "t" a time ("Time (t)").
_KNOT_WORDS = frozenset({"wind", "speed", "gust", "velocity", "airspeed", "groundspeed", "current"})
_TIME_WORDS = frozenset({"time", "elapsed", "duration", "step"})


def bracketed_trade_unit(text: str, tokens: list[str]) -> str | None:
    """The unit of a trade that a name writes in brackets ("BBL", "MCF", "Mt", "g/t", "ac",
    "seeds/ac", "ETH"), or None; ``tokens`` are the name's, which tell knots and times from
    kilotonnes and tonnes."""
    text = text.strip()
    if text in _CASED_TRADE_UNITS:
        return _CASED_TRADE_UNITS[text]
    key = text.lower()
    if key == "kt" and _KNOT_WORDS.intersection(tokens):
        return "kn"
    if text == "T" or (text == "t" and _TIME_WORDS.intersection(tokens)):
        return None  # (a capital T is as often a temperature's symbol)
    return _BRACKETED_TRADE_UNITS.get(key) or count_per_area(text) or crypto_unit(text)


# Things counted per an area, as planting records write seeding rates and populations
# (FieldView's and Operations Center's "Seeding Rate (seeds/ac)", "(ksds/ac)", "34,000
# seeds/ac"): a count per acre, in thousands for "ksds".
_COUNTED: dict[str, tuple[str, str | None]] = {
    "seeds": ("seeds", None), "seed": ("seeds", None), "sds": ("seeds", None), "ksds": ("seeds", "thousands"),
    "kseeds": ("seeds", "thousands"), "plants": ("plants", None), "kplants": ("plants", "thousands"),
}
_AREAS = {"ac": "acre", "acre": "acre", "acres": "acre", "ha": "ha", "hectare": "ha"}


def count_per_area(token: str) -> str | None:
    """The unit of a count per an area ("seeds/ac": "seeds/acre", "ksds/ac": "seeds/acre
    thousands"), or None."""
    counted, slash, area = token.strip().lower().partition("/")
    if not slash or counted not in _COUNTED or area not in _AREAS:
        return None
    what, scale = _COUNTED[counted]
    unit = f"{what}/{_AREAS[area]}"
    return unit if scale is None else f"{unit} {scale}"


# Crypto assets' tickers, read as a unit in a name's brackets (Etherscan's "Value_IN(ETH)",
# "TxnFee(ETH)" beside "TxnFee(USD)") or at its end after a word of an amount (amount_eth,
# fee_btc): elsewhere ETH is as often ethnicity (a survey's RACE_ETH). Not the tickers that are
# also abbreviations in brackets (ADA, DOT, SOL, DAI).
CRYPTO_TICKERS = frozenset({
    "BTC", "ETH", "USDT", "USDC", "BNB", "XRP", "DOGE", "WETH", "WBTC", "MATIC", "LTC", "XMR", "BCH", "AVAX",
    "GWEI", "WEI", "SATS",
})
_AMOUNT_WORDS = frozenset({
    "amount", "amt", "value", "fee", "fees", "txnfee", "balance", "price", "cost", "volume", "reward", "rewards",
    "total", "paid", "received", "sent", "net", "gross", "proceeds", "executed", "quantity", "qty",
})


# Units of gas and of a coin's smallest part, written in lower case as amounts' units are.
SMALLEST_UNITS = frozenset({"GWEI", "WEI", "SATS"})


def crypto_unit(text: str) -> str | None:
    """The ticker a name's bracket holds ("ETH", "btc"), in capitals (gwei, wei and sats in
    lower case), or None."""
    code = text.strip().upper()
    if code not in CRYPTO_TICKERS:
        return None
    return code.lower() if code in SMALLEST_UNITS else code


def crypto_suffix(tokens: list[str]) -> str | None:
    """The ticker ending a name of an amount (``amount_eth``, ``fee_btc``), or None."""
    if len(tokens) < 2 or not _AMOUNT_WORDS.intersection(tokens[:-1]):
        return None
    return crypto_unit(tokens[-1])


# Units spelled in words, as EIA's series names write them ("Dollars per Barrel", "Thousand
# Barrels per Day", "Million Cubic Feet", "Dollars per Million Btu").
_SPELLED_UNITS: dict[str, str] = {
    "barrel": "oil_bbl", "barrels": "oil_bbl", "cubic feet": "ft**3", "cubic foot": "ft**3", "btu": "Btu",
    "gallon": "gal", "gallons": "gal", "short ton": "short_ton", "short tons": "short_ton", "metric ton": "t",
    "metric tons": "t", "tonne": "t", "tonnes": "t", "troy ounce": "toz", "troy ounces": "toz",
    "day": "day", "days": "day", "month": "month", "year": "year", "hour": "h",
    "kilowatthour": "kWh", "kilowatthours": "kWh", "megawatthour": "MWh", "megawatthours": "MWh",
    "dollars": "USD", "dollar": "USD", "euros": "EUR",
}
# A quantity in millions or thousands after "per", written as its trade writes it.
_SPELLED_DIVISORS: dict[str, str] = {
    "million btu": "MMBtu", "thousand cubic feet": "Mcf", "million cubic feet": "MMcf",
}
_SPELLED_SCALE = re.compile(r"(?i)(thousand|million|billion)s?\s+")
_PER = re.compile(r"(?i)\s+per\s+")


def spelled_unit(text: str) -> str | None:
    """The unit that words state, with a scale before the first one and a rate after "per"
    ("Thousand Barrels per Day": "oil_bbl/day thousands", "Dollars per Barrel": "USD/oil_bbl"),
    or None when a word is not a unit's."""
    parts = _PER.split(text.strip())
    if len(parts) > 2:
        return None
    scale = _SPELLED_SCALE.match(parts[0])
    head = parts[0][scale.end():] if scale is not None else parts[0]
    unit = _SPELLED_UNITS.get(head.strip().lower())
    if unit is None:
        return None
    if len(parts) == 2:
        per = parts[1].strip().lower()
        divisor = _SPELLED_DIVISORS.get(per) or _SPELLED_UNITS.get(per)
        if divisor is None or divisor in ("USD", "EUR"):
            return None
        unit = f"{unit}/{divisor}"
    return unit if scale is None else f"{unit} {scale.group(1).lower()}s"
