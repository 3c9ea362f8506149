"""Notes on a text code column's formats and on its country codes, for its decision.

* formats: a code column whose values mostly share one shape and partly another. A 3PL's UPS
  invoice wrote `SO-123456` in its Reference 1, with `SO123456` and a purchase order's
  `PO-1234567` among them; an item master's 12-digit UPCs held 11 of 11 digits, their leading
  zero lost in a spreadsheet. Joins on the text miss such values, and nothing else says so.
* country codes: a column of ISO 3166-1 alpha-2 codes that holds a code outside the standard,
  the `UK` a game's players table wrote beside `GB` (and the EU's `EL` for Greece): every
  store and ad network says GB, so UK players got no revenue in a join.

Both only for the columns the profile shortlists (short text with digits in its top value and
values of several lengths; a country's name and codes of two or three characters): one query
over those columns, on at most `SHAPE_ROWS` evenly spaced rows for the formats.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from datadossier.engine import quote_ident
from datadossier.inference.model import ColumnInference
from datadossier.inference.names import name_tokens
from datadossier.profiling.model import ColumnProfile

if TYPE_CHECKING:
    import duckdb

# Formats are read from at most this many rows (evenly spaced by `_row_id`).
SHAPE_ROWS = 100_000
# A code column is this short at most (an order reference, a UPC, a SKU), and its commonest
# format this long at least: `0`, `1` and `-1` are answers, not codes (STATS19's -1).
_CODE_MAX_LENGTH = 24
_CODE_MIN_LENGTH = 4
# The commonest format covers this share of the values at least; a minority format is named
# from this many values; more formats than this (at 1% or more) is free text, not a code.
_MAJORITY_SHARE = 0.5
_MINORITY_MIN_VALUES = 2
_MAX_FORMATS = 5
_SHOWN = 4
_DIGIT = re.compile(r"[0-9]")
_SEPARATORS = re.compile(r"[^9A]+")
_RUNS = re.compile(r"9+|A+|[^9A]+")

# ISO 3166-1 alpha-2 codes, and Kosovo's XK, which the EU, the IMF and most data use.
_ISO_COUNTRY_LIST = (
    "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY"
    " BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK"
    " FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR"
    " IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK"
    " ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM"
    " PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF"
    " TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS XK YE YT ZA ZM ZW"
)
_ISO_COUNTRIES = frozenset(_ISO_COUNTRY_LIST.split())
# Codes written for a country in place of its ISO code: the UK's own, the EU's for Greece.
_ISO_INSTEAD = {"UK": "GB", "EL": "GR"}
_COUNTRY_WORDS = frozenset({"country", "cntry", "ctry", "countrycode"})
# A column of country codes holds ISO codes on this share of its rows at least.
_ISO_SHARE = 0.9
_MAX_COUNTRIES = 400


def code_notes(
    con: duckdb.DuckDBPyConnection,
    relation: str,
    profiles: list[ColumnProfile],
    inferences: list[ColumnInference],
    row_count: int,
) -> dict[str, str]:
    """A note for each shortlisted text column (see the module): its formats when it mixes
    some, its codes outside ISO 3166 when it is a column of country codes."""
    decided = {i.column_name: i for i in inferences}
    countries = [p for p in profiles if _country_shortlisted(p, decided.get(p.column_name))]
    shaped = [p for p in profiles if p not in countries and _code_shortlisted(p, decided.get(p.column_name))]
    if not countries and not shaped:
        return {}
    step = max(1, -(-row_count // SHAPE_ROWS))
    parts: list[str] = []
    for index, p in enumerate([*countries, *shaped]):
        col = f"trim(CAST({quote_ident(p.column_name)} AS VARCHAR))"
        if index < len(countries):
            parts.append(f"SELECT {index} AS i, upper({col}) AS v, {col} AS e FROM {relation} WHERE nullif({col}, '') IS NOT NULL")
        else:
            shape = f"regexp_replace(regexp_replace({col}, '[0-9]', '9', 'g'), '[A-Za-z]', 'A', 'g')"
            sampled = f" AND _row_id % {step} = 0" if step > 1 else ""
            parts.append(
                f"SELECT {index} AS i, {shape} AS v, {col} AS e FROM {relation} WHERE nullif({col}, '') IS NOT NULL{sampled}"
            )
    rows = con.execute(
        f"SELECT i, v, count(*) AS n, min(e) FROM ({' UNION ALL '.join(parts)}) GROUP BY i, v ORDER BY i, n DESC, v"
    ).fetchall()
    counted: dict[int, list[tuple[str, int, str]]] = {}
    for index, value, count, example in rows:
        counted.setdefault(int(index), []).append((str(value), int(count), str(example)))
    notes: dict[str, str] = {}
    for index, p in enumerate([*countries, *shaped]):
        values = counted.get(index, [])
        if index < len(countries):
            note = _country_note(values)
        else:
            inference = decided.get(p.column_name)
            note = _format_note(values, step > 1, inference is not None and "leading zero" in inference.reason)
            others = [o.column_name for o in profiles if o is not p]
            sampled = f"_row_id % {step} = 0" if step > 1 else "true"
            joined = joined_from(con, relation, p.column_name, others, sampled) if note else None
            if joined is not None:
                note = _joined_note(joined, step > 1)
        if note:
            notes[p.column_name] = note
    return notes


def joined_from(
    con: duckdb.DuckDBPyConnection, relation: str, column: str, others: list[str], where: str = "true"
) -> tuple[str, str, str] | None:
    """The two ``others`` and the separator whose text, joined, is ``column``'s on every row
    read (``where``: SQL of the rows read, a sample or all), as (first, separator, last), or
    None: Transfermarkt's appearance_id "2231978_38004", game_id and player_id joined by "_".
    One query for the columns every value starts or ends with, one for the separator."""
    if not others:
        return None
    value = f"CAST({quote_ident(column)} AS VARCHAR)"
    checks: list[str] = []
    for other in others:
        text = f"CAST({quote_ident(other)} AS VARCHAR)"
        for test in ("starts_with", "ends_with"):
            checks.append(f"bool_and(coalesce({test}({value}, {text}) AND length({text}) > 0, false))")
    row = con.execute(
        f"SELECT {', '.join(checks)} FROM {relation} WHERE {quote_ident(column)} IS NOT NULL AND {where}"
    ).fetchone()
    if row is None:
        return None
    firsts = [o for i, o in enumerate(others) if row[2 * i]]
    lasts = [o for i, o in enumerate(others) if row[2 * i + 1]]
    for first in firsts[:_JOINED_TRIES]:
        for last in [o for o in lasts if o != first][:_JOINED_TRIES]:
            a, b = (f"CAST({quote_ident(c)} AS VARCHAR)" for c in (first, last))
            middle = f"substr({value}, length({a}) + 1, length({value}) - length({a}) - length({b}))"
            found = con.execute(
                f"SELECT min({middle}), max({middle}), bool_and({value} = {a} || {middle} || {b})"
                f" FROM {relation} WHERE {quote_ident(column)} IS NOT NULL AND {where}"
            ).fetchone()
            if found is not None and found[0] == found[1] and found[2] and _SEPARATOR.fullmatch(str(found[0] or "")):
                return first, str(found[0]), last
    return None


# Columns tried as the first part, and as the last, of a code joined from two.
_JOINED_TRIES = 3
# What joins two parts of a code: punctuation, up to three characters ("_", "-", " / ", "::").
_SEPARATOR = re.compile(r"[^0-9A-Za-z]{1,3}")


def _joined_note(joined: tuple[str, str, str], sampled: bool) -> str:
    first, separator, last = joined
    rows = "every sampled row" if sampled else "every row"
    return (
        f" Made of {first} and {last} joined by {separator!r} on {rows}: its formats vary as their widths do, no"
        f" typing slips; it says no more than ({first}, {last})."
    )


def _text(inference: ColumnInference | None) -> bool:
    return inference is not None and inference.decided_type == "VARCHAR" and inference.decided_pattern is None


def _country_shortlisted(p: ColumnProfile, inference: ColumnInference | None) -> bool:
    tokens = set(name_tokens(p.column_name))
    return (
        _text(inference) and bool(_COUNTRY_WORDS & tokens) and not p.distinct_is_approximate
        and (p.distinct_count or 0) <= _MAX_COUNTRIES and p.max_length is not None and p.max_length <= 3
    )


def _code_shortlisted(p: ColumnProfile, inference: ColumnInference | None) -> bool:
    # (A column of distinct codes has no top values: its smallest and largest speak for it.)
    seen = [str(t["value"]) for t in p.top_values[:1]] or [p.min_text or "", p.max_text or ""]
    return (
        _text(inference) and p.min_length is not None and p.max_length is not None
        and p.max_length <= _CODE_MAX_LENGTH and p.min_length < p.max_length
        and all(_DIGIT.search(value) is not None and " " not in value.strip() for value in seen)
    )


def _country_note(values: list[tuple[str, int, str]]) -> str | None:
    """The codes outside ISO 3166 of a column of ISO country codes, or None."""
    total = sum(count for _, count, _ in values)
    iso = sum(count for value, count, _ in values if value in _ISO_COUNTRIES)
    others = [(v, count) for v, count, _ in values if v not in _ISO_COUNTRIES and len(v) == 2 and v.isalpha()]
    if not total or not others or iso < _ISO_SHARE * total or iso + sum(c for _, c in others) < total:
        return None
    listed = ", ".join(
        f"`{value}` ({count:,} values" + (f"; ISO writes {_ISO_INSTEAD[value]})" if value in _ISO_INSTEAD else ")")
        for value, count in others[:_SHOWN]
    )
    return (
        f" ISO 3166-1 alpha-2 country codes, but {listed} {'is' if len(others) == 1 else 'are'} not one: joins on"
        " ISO codes (an app store's, an ad network's) miss those rows."
    )


def _format_note(values: list[tuple[str, int, str]], sampled: bool, leading_zeros: bool) -> str | None:
    """The formats of a code column whose commonest one has near variants (see `_near`), or
    None: two families of codes side by side (Apple's `IA1` and `1F`, a gauge's `GA-1234` and
    `CAL-12`) are no slip."""
    total = sum(count for _, count, _ in values)
    if not values or not total:
        return None
    main, main_count, main_example = values[0]
    common = [shape for shape, count, _ in values if count >= 0.01 * total]
    minority = [(s, c, e) for s, c, e in values[1:] if c >= _MINORITY_MIN_VALUES and _near(s, main)]
    if (
        main_count < _MAJORITY_SHARE * total or "9" not in main or len(main) < _CODE_MIN_LENGTH
        or not minority or len(common) > _MAX_FORMATS
    ):
        return None
    listed = ", ".join(
        f"`{shape}` ({count:,}, {count / total:.1%}, e.g. {example!r})"
        for shape, count, example in [(main, main_count, main_example), *minority][:_SHOWN]
    )
    where = " of the sampled rows" if sampled else ""
    note = (
        f" Formats (9 a digit, A a letter){where}: {listed}. The rarer formats may be another kind of code, typing"
        " slips or numbers that outgrew their width; joins and filters on the exact text miss the variants."
    )
    shorter = [(s, c) for s, c, _ in minority if s.isdigit() and main.isdigit() and len(s) < len(main)]
    if leading_zeros and shorter:
        shape, count = shorter[0]
        note += (
            f" {count:,} values have {len(shape)} digits where {main_count:,} have {len(main)}: leading zeros"
            " stripped, likely (as a spreadsheet does)."
        )
    return note


def _near(shape: str, main: str) -> bool:
    """Whether a format is a variant of the commonest: the same but for its separators
    (`SO123456` beside `SO-123456`), or for the length of one run of digits (`PO-1234567`
    beside `SO-123456`, a UPC's 11 digits beside 12)."""
    if _SEPARATORS.sub("", shape) == _SEPARATORS.sub("", main):
        return True
    runs, main_runs = _RUNS.findall(shape), _RUNS.findall(main)
    if len(runs) != len(main_runs):
        return False
    differing = [(a, b) for a, b in zip(runs, main_runs, strict=True) if a != b]
    return len(differing) == 1 and differing[0][0][0] == "9" == differing[0][1][0]
