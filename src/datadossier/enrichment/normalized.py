"""Text keys as people mistype them, and the SQL that undoes only the slips a link's values show.

A key written one way in one file and another way in the next (a menu item "Burger " beside
"burger", a code "0486" re-saved by a spreadsheet as "486") still names the same thing. Each
slip is one small named step of SQL; `normalized_key` applies them in order. Which of them a
link needs is found once, on the values that match only once normalized (`needed_steps`), and
kept in the link's evidence, so that its join SQL reads ``lower(trim(a)) = lower(trim(b))``
for names and not a page of resolver regexes meant for DOIs.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Literal, get_args

if TYPE_CHECKING:
    import duckdb

Normalization = Literal[
    "as_text",
    "spaces",
    "resolver_prefix",
    "label",
    "prefix",
    "apostrophe",
    "zip_plus_four",
    "check_digit",
    "digit_groups",
    "whole_number",
    "leading_zeros",
    "case",
]
# In the order `normalized_key` applies them.
NORMALIZATIONS: tuple[Normalization, ...] = get_args(Normalization)
# The steps tried on any text key: a ZIP+4 cut to its five digits only under a postal name
# (see `relationships._zip_plus_four`), where other codes of nine digits are no ZIPs; a check
# digit set aside only when one side writes one after every code and the other none (see
# `relationships._check_digit_on_one_side`): a shipment's "100001-1" and "100001-2" are two
# shipments of one order; digit groups read as one number only against numbers
# (`NUMBER_NORMALIZATIONS`): two text codes "1-23" and "12-3" may name two things.
TEXT_NORMALIZATIONS: tuple[Normalization, ...] = tuple(
    n for n in NORMALIZATIONS if n not in ("zip_plus_four", "check_digit", "as_text", "digit_groups")
)
# The steps of a number beside text codes of digit groups (see `DIGIT_GROUPS`): both read as
# text, the groups' punctuation dropped.
NUMBER_NORMALIZATIONS: tuple[Normalization, ...] = ("as_text", "spaces", "digit_groups")

# The resolvers whose URLs wrap scholarly identifiers (DOIs, ORCIDs, OpenAlex and ROR ids),
# and the "doi:" some files write before a DOI.
_RESOLVER_PREFIX = r"^(?:(?:https?://)?(?:dx\.|www\.)?(?:doi\.org|orcid\.org|openalex\.org|ror\.org)/|doi:\s*)"
# A label of a few words and a colon written before the value on some rows: Helpshift's
# "Player Id: 86694955-a331-..." beside bare player ids in the same column.
LABEL = r"^[A-Za-z][A-Za-z ]{0,30}:\s*"
# A prefix one file writes before every value of a code and the other leaves out (see
# `one_sided_prefix`): letters, BTS's TAIL_NUM "N101DQ" beside the FAA registry's N-NUMBER
# "101DQ"; or a Census summary level, seven digits or capitals and "US", before a GEO_ID
# ("1400000US53033000100" for a tract, "860Z200US98103" for a ZCTA) beside TIGER's, HUD's or
# CDC PLACES' bare GEOID "53033000100"; or an org-id.guide scheme, a country and a register
# each followed by a hyphen, before the register's number (OCDS's supplier id
# "GB-COH-01234567" beside Companies House's CompanyNumber "01234567"; "US-EIN-", "GB-CHC-").
PREFIX = "[A-Z]{2}-[A-Z]{2,8}-|[A-Za-z]{1,4}|[0-9]{3}[0-9A-Z]{4}US"
# A digit code with leading zeros, a letter after it too (Chicago's IUCR "041A").
_ZERO_PADDED = "0+[0-9]+[A-Za-z]?"
# Zeros after a code's letters: the USPTO's bulk files pad design and reissue patents to eight
# characters ("D0940000", "RE049001"), PatentsView writes "D940000" and "RE49001".
_LETTERS_ZERO_PADDED = "[A-Za-z]{1,2}0+[1-9][0-9]*"
# A check digit after a hyphen: the CPV 2008 list's "45000000-7" beside TED's CPV "45000000".
# Six digits before it at least, so that short codes ("12-3") are never cut.
CHECK_DIGIT_CODE = "([0-9]{6,})-[0-9]"
# Groups of digits a number is written in, a slash, comma, hyphen or space between them: USPTO
# application numbers "16/101,117" (PatentsView) against "16101117" (PAIR, the maintenance-fee
# events), EINs "12-3456789", API well numbers "42-123-45678".
DIGIT_GROUPS = "[0-9]+([-/, ][0-9]+)+"


def _as_text(sql: str) -> str:
    return f"CAST({sql} AS VARCHAR)"


def _spaces(sql: str) -> str:
    return f"trim({sql})"


def _resolver_prefix(sql: str) -> str:
    # OpenAlex writes https://doi.org/10.1038/nature14539, Crossref the bare DOI.
    return f"regexp_replace({sql}, '{_RESOLVER_PREFIX}', '', 'i')"


def _label(sql: str) -> str:
    return f"regexp_replace({sql}, '{LABEL}', '')"


def _prefix(sql: str, prefix: str) -> str:
    # (Letters and digits alone, see `PREFIX`: nothing to quote or escape.)
    return f"regexp_replace({sql}, '^{prefix}', '')" if prefix else sql


def _apostrophe(sql: str) -> str:
    # Excel's text prefix: FAOSTAT's "'004".
    return f"ltrim({sql}, '''')"


def _zip_plus_four(sql: str) -> str:
    # An MLS's PostalCode writes the ZIP+4 on a third of its rows (98103-2345), a ZIP table the
    # five digits: the ZIP is the first five.
    return f"CASE WHEN regexp_full_match({sql}, '[0-9]{{5}}-?[0-9]{{4}}') THEN left({sql}, 5) ELSE {sql} END"


def _check_digit(sql: str) -> str:
    return f"regexp_replace({sql}, '^{CHECK_DIGIT_CODE}$', '\\1')"


def _digit_groups(sql: str) -> str:
    return f"CASE WHEN regexp_full_match({sql}, '{DIGIT_GROUPS}') THEN regexp_replace({sql}, '[-/, ]', '', 'g') ELSE {sql} END"


def _whole_number(sql: str) -> str:
    # The ".0" pandas writes after a whole number in a column with a missing value (a county
    # FIPS code's "1001.0").
    return f"regexp_replace({sql}, '^([0-9]+)\\.0+$', '\\1')"


def _leading_zeros(sql: str) -> str:
    # A spreadsheet turns "000123" into 123, Chicago's IUCR "041A" into "41A"; the USPTO pads
    # "D940000" to "D0940000".
    return (
        f"CASE WHEN regexp_full_match({sql}, '{_ZERO_PADDED}') THEN ltrim({sql}, '0')"
        f" WHEN regexp_full_match({sql}, '{_LETTERS_ZERO_PADDED}') THEN regexp_replace({sql}, '^([A-Za-z]+)0+', '\\1')"
        f" ELSE {sql} END"
    )


def _case(sql: str) -> str:
    return f"lower({sql})"


_STEPS: dict[Normalization, Callable[[str], str]] = {
    "as_text": _as_text,
    "spaces": _spaces,
    "resolver_prefix": _resolver_prefix,
    "label": _label,
    "apostrophe": _apostrophe,
    "zip_plus_four": _zip_plus_four,
    "check_digit": _check_digit,
    "digit_groups": _digit_groups,
    "whole_number": _whole_number,
    "leading_zeros": _leading_zeros,
    "case": _case,
}

_WORDS: dict[Normalization, str] = {
    "as_text": "the type (a number read as text)",
    "spaces": "spaces around the values",
    "resolver_prefix": "a resolver's prefix (https://doi.org/)",
    "label": "a label written before the values",
    "prefix": "a prefix written before the values on one side",
    "apostrophe": "a leading apostrophe",
    "zip_plus_four": "a ZIP+4's four-digit extension (98103-2345 read as 98103)",
    "check_digit": "a check digit after a hyphen (45000000-7 read as 45000000)",
    "digit_groups": "punctuation between groups of digits (16/101,117 read as 16101117)",
    "whole_number": "a whole number's \".0\"",
    "leading_zeros": "leading zeros of codes (after their letters too: D0940000 read as D940000)",
    "case": "case",
}


def without_punctuation(sql: str) -> str:
    """SQL: a name's letters and digits alone, lower-cased: a register's "Calpine Energy
    Services, L.P." and a trade blotter's "CALPINE ENERGY SERVICES LP" both read
    calpineenergyserviceslp. Offered beside a join, never joined on unasked: two codes
    "A-1" and "A1" may name two things."""
    return f"regexp_replace(lower({sql}), '[^a-z0-9]', '', 'g')"


def normalizations_of(evidence: dict[str, object]) -> tuple[Normalization, ...]:
    """The steps a link's join undoes, from its evidence; every step for a link found before
    the evidence named them (its SQL then stays what it was)."""
    named = evidence.get("normalizations")
    if not isinstance(named, list):
        # (Labels, prefixes, ZIP+4s and check digits came later.)
        return tuple(n for n in TEXT_NORMALIZATIONS if n not in ("label", "prefix", "check_digit"))
    listed: list[object] = named  # pyright: ignore[reportUnknownVariableType]
    return tuple(n for n in NORMALIZATIONS if n in listed)


def _step(name: Normalization, sql: str, prefix: str) -> str:
    # (The prefix step's letters are the link's own, not a pattern of every key's.)
    return _prefix(sql, prefix) if name == "prefix" else _STEPS[name](sql)


def one_sided_prefix(written: tuple[str, str], other: tuple[str, str]) -> str:
    """The letters every value of one side starts with (``written``, its least and greatest
    value: what all values share, they share) that the other side's values do not all start
    with (BTS's "N" of "N101DQ".."N998ZZ" beside the FAA's "100" .. "99ZZ"); "" when none."""
    shared = _shared_start(*written)
    found = re.match(PREFIX, shared)
    if found is None or found.group() == written[0]:
        return ""
    # (In any case: OpenSky's icao24 "a0b1c2" and the FAA's "A0B1C2" both start with an a.)
    return "" if _shared_start(*other).lower().startswith(found.group().lower()) else found.group()


def _shared_start(a: str, b: str) -> str:
    """The characters two strings start with alike."""
    size = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    return a[:size]


def normalized_key(sql: str, steps: Iterable[Normalization] = TEXT_NORMALIZATIONS, prefix: str = "") -> str:
    """SQL: the text key ``sql`` with the given slips undone, in their fixed order (those of
    any text key by default: a link found before its evidence named the ones it needs); ``prefix``,
    letters one side writes before its values, is the prefix step's."""
    wanted = set(steps)
    for name in NORMALIZATIONS:
        if name in wanted:
            sql = _step(name, sql, prefix)
    return sql


def describe(steps: Sequence[Normalization], labels: Sequence[str] = (), prefix: str = "") -> str:
    """The slips undone, in words: "case and spaces around the values"; the ``labels`` found
    before the values named (a label written before the values ("Player Id: ")), and the
    ``prefix`` ("N")."""
    named = ", ".join(f'"{label}"' for label in labels)
    told = {"label": f" ({named})" if named else "", "prefix": f' ("{prefix}")' if prefix else ""}
    words = [_WORDS[s] + told.get(s, "") for s in steps]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def needed_steps(
    con: duckdb.DuckDBPyConnection,
    child_values: str,
    parent_values: str,
    steps: Sequence[Normalization] = NORMALIZATIONS,
    prefix: str = "",
) -> tuple[Normalization, ...]:
    """The steps that make the matches of a child's values (``child_values``, a query of one
    column ``v``, its values not found as written) in the parent's (``parent_values``, one
    column ``v`` too): of each pair of values equal once normalized (by ``steps``; ``prefix``
    the prefix step's letters), the steps that changed either value before the two became
    equal. A step that only rewrites values already equal (lower-casing codes written in
    capitals on both sides) is left out, and so is one the pairs still meet without (see
    `_without_unneeded`)."""
    tried: list[Normalization] = [name for name in NORMALIZATIONS if name in steps]
    stages = ", ".join(f"{_step(name, f's{i}', prefix)} AS s{i + 1}" for i, name in enumerate(tried))
    last = len(tried)
    changed = "".join(f", c.s{i} <> p.s{i} AND (c.s{i + 1} <> c.s{i} OR p.s{i + 1} <> p.s{i}) AS n{i}" for i in range(last))
    # (Values compared as text: a number beside text codes is read as text, see `as_text`.)
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE _dd_pairs AS"
        f" WITH c AS (SELECT DISTINCT CAST(v AS VARCHAR) AS s0, {stages} FROM ({child_values}) WHERE v IS NOT NULL),"
        f" p AS (SELECT DISTINCT CAST(v AS VARCHAR) AS s0, {stages} FROM ({parent_values}) WHERE v IS NOT NULL)"
        f" SELECT c.s0 AS c, p.s0 AS p{changed} FROM c JOIN p ON c.s{last} = p.s{last}"
    )
    row = con.execute(f"SELECT {', '.join(f'bool_or(n{i})' for i in range(last))} FROM _dd_pairs").fetchone()
    found: tuple[Normalization, ...] = tuple(n for n, used in zip(tried, row or (), strict=False) if used)
    found = _without_unneeded(con, found, prefix)
    con.execute("DROP TABLE IF EXISTS _dd_pairs")
    if "as_text" in tried and "as_text" not in found:
        found = ("as_text", *found)  # (a number and text meet only so, whatever else they need)
    return found or tuple(tried)


def _without_unneeded(con: duckdb.DuckDBPyConnection, found: tuple[Normalization, ...], prefix: str) -> tuple[Normalization, ...]:
    """``found`` without the steps whose pairs (``_dd_pairs``, the raw values ``c`` and ``p``
    equal once normalized) still all meet when the step is skipped, one after the other: a
    step changes a pair's values without being what made them meet. Sales' "ab001" beside
    the product list's "AB001" meet by case alone, though the zeros after letters are cut on
    both sides too (see `_leading_zeros`): no "leading zeros" said, no regexes in the join."""
    kept: list[Normalization] = list(found)
    for name in found:
        if len(kept) < 2 or name == "as_text":
            continue
        rest: list[Normalization] = [n for n in kept if n != name]
        row = con.execute(
            f"SELECT coalesce(bool_and({normalized_key('c', rest, prefix)} = {normalized_key('p', rest, prefix)}), true)"
            f" FROM _dd_pairs WHERE {normalized_key('c', kept, prefix)} = {normalized_key('p', kept, prefix)}"
        ).fetchone()
        if row is not None and row[0]:
            kept = rest
    return tuple(kept)
