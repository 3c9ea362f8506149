"""What two tables no join path connects still share: a column named alike in both whose
values meet (a restaurant's Location), and the days both record.

Asked only of the two tables of a path search that found nothing (or only paths through a
table both point at, a chasm trap), on a few columns, each compared on its distinct values
(at most ``MAX_VALUES`` on the side with fewer): cheap whatever the rows.
Questions across such tables (labour cost per location and day against the POS's sales)
are answered by aggregating each side to the shared attributes first, then joining there.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace

import duckdb

from datadossier.engine import quote_ident
from datadossier.enrichment.join_paths import relation_name
from datadossier.enrichment.naming import KEY_WORDS, same_word, words
from datadossier.enrichment.normalized import normalized_key, without_punctuation
from datadossier.enrichment.relationships import NEAR_KEY_REPEATS_MAX, NEAR_KEY_REPEATS_SHARE
from datadossier.inference.names import looks_like_postal

# Columns of this many distinct values at most are compared (a grouping, not a key) on the
# side with fewer; the other side may hold up to ``MAX_OTHER_VALUES``: Dunnhumby's 556
# redeemed coupon codes are among the 1,135 of its coupon table.
MAX_VALUES = 1000
MAX_OTHER_VALUES = 100_000
# Days of a date column compared at most (half a century).
MAX_DAYS = 20_000
# Of each table: this many date columns compared (Toast's orders: Opened, Paid, Closed).
MAX_DAY_COLUMNS = 2
# Pairs of columns named alike kept (of each kind: named alike, sharing a word), and shared
# attributes said, at most.
MAX_NAMED_PAIRS = 4
MAX_SHARED = 5
# Pairs of columns named alike compared, at most: WHO's GHO files name their indicator, year
# and region alike too, and never meet on the indicator, before COUNTRY (CODE).
MAX_COMPARED_PAIRS = 12
# A shared attribute: this share of the fewer values at least meets the other side's...
MIN_SHARE = 0.5
# ...or this share, when this many values at least meet as written: a trade book's nodes
# name three of PJM's nine pnodes, the hubs it trades at, beside CAISO's nodes.
MIN_SHARE_OF_SEVERAL = 0.25
MIN_SEVERAL = 3
# Values this short are not looked for inside the other side's ("a" is in every name).
_MIN_CONTAINED = 3
# A code of one fixed width whose first digits are a code of the other side, of a shorter
# fixed width: a well's API-14 (FracFocus's 42317378860000) and its API-10 (a state's well
# header, 4231737886), a 6-digit CIP (11.0701) and its 4-digit series (the Scorecard's 1107).
# Each value digits, at most split by punctuation (NDC's 0002-1200-01 and its product
# 0002-1200)...
_DIGIT_CODE = r"[0-9]+([-. /][0-9]+)*"
# ...the shorter of this many digits at least, and its values at most this share of all the
# codes of its width, so that a prefix meets one by chance at most a quarter of the time
# (NAICS's 24 sectors among the 100 two-digit codes).
_MIN_PREFIX_DIGITS = 2
_MAX_PREFIX_CHANCE = 0.25
_DAY_TYPES = ("DATE", "TIMESTAMP")


# Words of a name that say how a value is written, not which attribute it is: FedEx's
# "Service Type" and "Zone Code" are the rate card's Service and Zone, Google Play's "Buyer
# Country" and Apple's "Country Code" the players' country.
_KIND_WORDS = KEY_WORDS | {"type", "name", "desc", "description", "label", "text", "value", "values"}
# Of a name said alike only in part, compared when of these types (codes, not measures).
_CODE_TYPES = ("VARCHAR", "BIGINT", "INTEGER", "SMALLINT", "TINYINT", "HUGEINT", "UBIGINT", "UINTEGER")
# Words naming the day a row's subject began (a cohort), not a day of activity: a player's
# install_ts beside the day of a store's revenue; and a device's clock, later than the server's
# for what is logged offline (a game's client_ts beside its server_ts).
_COHORT_WORDS = frozenset({
    "install", "installed", "installation", "signup", "registration", "registered", "joined", "onboarded",
    "acquired", "acquisition", "birth", "dob", "first",
})
_DEVICE_CLOCK_WORDS = frozenset({"client", "device"})
# Words naming a time kept in UTC: its date is not the local day a market or a shop records
# (CAISO's INTERVALSTARTTIME_GMT beside its OPR_DT, PJM's datetime_beginning_utc beside its
# datetime_beginning_ept): a local date or time is compared before it.
_UTC_WORDS = frozenset({"utc", "gmt", "zulu"})
# A range written as text: a rate card's Weight Break "0-1 lb", "10-20 kg".
_RANGE = r"\s*[0-9]+(\.[0-9]+)?\s*-\s*[0-9]+(\.[0-9]+)?\s*[A-Za-z.]*\s*"
# Text columns of a lookup table tried as its range column, at most.
_MAX_RANGE_COLUMNS = 4
# Words starting a period, each with the words that end it: two day columns of a table named
# alike but for them are one period, a trade's delivery_start and delivery_end (a strip of up
# to a week), a price's valid_from and valid_to, a contract's start_date and end_date.
_PERIOD_ENDS: dict[str, frozenset[str]] = {
    "start": frozenset({"end", "stop", "finish"}),
    "begin": frozenset({"end"}),
    "beginning": frozenset({"end", "ending"}),
    "from": frozenset({"to", "until", "thru", "through"}),
    "effective": frozenset({"expiration", "expiry", "end"}),
}
# A period whose rows cover this many seconds at most (an hour's start and end: PJM's
# datetime_beginning_ept, CAISO's INTERVALSTARTTIME_GMT and INTERVALENDTIME_GMT) is a time,
# matched to the day as it is; one row spanning a day or more makes it a period.
_ONE_DAY = 86_400


@dataclass(frozen=True, slots=True)
class Coverage:
    """How much of the side with more values a shared attribute covers: "120 of 120 values in
    common" of a pharmacy's claims and Medicare's Part D prescribers read as every prescriber,
    where 376 of the claims' 496 are not in Part D."""

    side: str  # 'from' or 'to': the side with more values
    values: int  # its distinct values
    found: int  # of those, met on the other side
    rows: int  # its rows
    rows_found: int  # of those, with a value met on the other side


@dataclass(frozen=True, slots=True)
class SharedAttribute:
    """A column of each table whose values meet: ``how`` says as written ('same'), once case,
    spaces and punctuation are ignored ('normalized'), as numbers once leading zeros are
    ignored ('padded': FedEx's Zone 5, the rate card's 005), one side's inside the other's
    ('contained': Downtown in "Harbor Grill - Downtown"), or as days of dates ('day')."""

    from_column: str
    to_column: str
    how: str
    values: int  # distinct values of the side with fewer
    found: int  # of those, met on the other side
    # Of a day: the side whose column names the day its rows began ('from' or 'to'), a cohort.
    cohort: str | None = None
    # Of a day: the side whose column is a time in UTC where the other's is not ('from' or 'to').
    utc: str | None = None
    # Columns of one side holding the same values as its column here, row by row ('from' or
    # 'to' and their names): CAISO's NODE_ID_XML and NODE_ID beside its NODE.
    copies: tuple[str, tuple[str, ...]] | None = None
    # Of values met as written ('same'): the side more of whose values meet only once case,
    # spaces and punctuation are ignored ('from' or 'to'), and how many: a trade book's
    # "Th_Np15_Gen-Apnd" beside CAISO's "TH_NP15_GEN-APND".
    respelled: tuple[str, int] | None = None
    # Of a day: the periods whose start or end the day is, as (side, start column, end column):
    # a trade's delivery_start and delivery_end, every day between them delivered.
    periods: tuple[tuple[str, str, str], ...] = ()
    # Of postal codes: the side writing ZIP+4s (98103-2345) on some rows and how many, compared
    # on their five digits (an MLS's PostalCode beside HUD's crosswalk's ZIP).
    plus_four: tuple[str, int] | None = None
    # Of a code met by its first digits ('prefix'): the side whose codes are the longer
    # ('from' or 'to') and the width of the other's, its first digits compared; ``values``
    # and ``found`` then count the longer side's codes (FracFocus's API-14 beside API-10).
    prefix: tuple[str, int] | None = None
    # Whether a lookup (see `SharedLookup`) joins on it: then not aggregated to alone.
    in_lookup: bool = False
    # Of the side with more values, when most of them have no row on the other side (see
    # `Coverage`): claims' 496 prescribers beside Part D's 120, all of which the claims name.
    coverage: Coverage | None = field(default=None, compare=False)

    def note(self, from_table: str, to_table: str) -> str:
        said = self._said(from_table, to_table)
        if self.plus_four is not None:
            side, count = self.plus_four
            table, column = (from_table, self.from_column) if side == "from" else (to_table, self.to_column)
            said += (
                f" ({count:,} value{'s' if count > 1 else ''} of {table}({column}) {'are' if count > 1 else 'is a'}"
                f" ZIP+4{'s' if count > 1 else ''} (98103-2345), compared on the ZIP, {'their' if count > 1 else 'its'}"
                f" first five digits: join on left({quote_ident(column)}, 5).)"
            )
        if self.copies is not None:
            side, names = self.copies
            table, column = (from_table, self.from_column) if side == "from" else (to_table, self.to_column)
            said += f" ({table}({', '.join(names)}) hold{'s' if len(names) == 1 else ''} the same values as {column} on every row: copies of it.)"
        return said

    def _said(self, from_table: str, to_table: str) -> str:
        pair = f"{from_table}({self.from_column}) and {to_table}({self.to_column})"
        met = f"{self.found:,} of {self.values:,}"
        if self.how == "day":
            said = f"{pair}: {met} days in common; aggregate both sides to the day (CAST(... AS DATE)) first."
            if self.cohort is not None:
                table, column = (from_table, self.from_column) if self.cohort == "from" else (to_table, self.to_column)
                said += (
                    f" But {table}({column}) is the day each of its rows began (a cohort: an install or sign-up date),"
                    " not a day of activity: that pairs each day with the rows that began on it, which is"
                    " rarely what is asked."
                )
            if self.utc is not None:
                table, column = (from_table, self.from_column) if self.utc == "from" else (to_table, self.to_column)
                said += (
                    f" But {table}({column}) is a time in UTC: its date is the day in UTC, not the local day the"
                    " other side records (a market's evening hours fall on the next UTC day); convert it to the"
                    f" local zone first: CAST(({quote_ident(column)} AT TIME ZONE 'UTC') AT TIME ZONE '<zone>' AS DATE)."
                )
            return said + self._periods(from_table, to_table)
        if self.how == "same":
            return f"{pair}: {met} values in common{self._respelled(from_table, to_table)}; {self._advice}{self._covered(from_table, to_table)}"
        if self.how == "padded":
            return (
                f"{pair}: {met} values meet as numbers once leading zeros are ignored (5 and 005): compare"
                f" TRY_CAST(... AS BIGINT) of both sides (or lpad the shorter one), then {self._advice}"
            )
        if self.how == "prefix" and self.prefix is not None:
            return self._prefixed(from_table, to_table, self.prefix)
        spelled = (
            _IGNORED
            if self.how == "normalized"
            else "only as a part of the other side's (one names more: a prefix or a note)"
        )
        return (
            f"{pair}: {met} values meet {spelled}: spelled differently, so map one side's values onto"
            f" the other's, then {self._advice}"
        )

    def _prefixed(self, from_table: str, to_table: str, prefix: tuple[str, int]) -> str:
        side, width = prefix
        (table, column), (other, their) = (
            ((from_table, self.from_column), (to_table, self.to_column)) if side == "from"
            else ((to_table, self.to_column), (from_table, self.from_column))
        )
        return (
            f"{table}({column}) and {other}({their}): {self.found:,} of the {self.values:,} codes of {table}({column})"
            f" begin with a code of {other}({their}), its first {width} digits: a code of a level below the other's"
            f" (a well's API-14 and its API-10, a 6-digit CIP and its 4-digit series), so compare"
            f" left({_digits(quote_ident(column))}, {width}) = {_digits(quote_ident(their))}"
            f" (punctuation left out), then {self._advice}"
        )

    @property
    def _advice(self) -> str:
        return _LOOKED_UP if self.in_lookup else _AGGREGATE

    def _periods(self, from_table: str, to_table: str) -> str:
        if not self.periods:
            return ""
        tables = {"from": from_table, "to": to_table}
        if len(self.periods) == 2:
            (_, a_start, a_end), (_, b_start, b_end) = self.periods
            return (
                f" But both sides are periods of several days, {from_table}({a_start}) to ({a_end}) and"
                f" {to_table}({b_start}) to ({b_end}): join where they overlap (a the first, b the second),"
                f" a.{quote_ident(a_start)} <= b.{quote_ident(b_end)} AND b.{quote_ident(b_start)} <= a.{quote_ident(a_end)},"
                " not on one day of each."
            )
        ((side, start, end),) = self.periods
        table, other = tables[side], tables["to" if side == "from" else "from"]
        day = self.to_column if side == "from" else self.from_column
        return (
            f" But {table}({start}) and {table}({end}) bound a period of several days on some rows (a delivery"
            " window, a validity): a row holds for every day from one to the other, not its first day alone, so"
            f" aggregate {other} alone to the day and join it where its day falls between them: CAST({quote_ident(day)} AS DATE) BETWEEN CAST({quote_ident(start)} AS DATE)"
            f" AND CAST({quote_ident(end)} AS DATE) (with < the end where it is the day after the last)."
        )

    def _covered(self, from_table: str, to_table: str) -> str:
        if self.coverage is None:
            return ""
        c = self.coverage
        (table, column), other = (
            ((from_table, self.from_column), to_table) if c.side == "from" else ((to_table, self.to_column), from_table)
        )
        return (
            f" But only {c.found:,} of the {c.values:,} values of {table}({column}) ({c.rows_found:,} of its"
            f" {c.rows:,} rows) are in {other} as written: an inner join drops its other rows; join from {table}"
            " with a LEFT JOIN to keep them."
        )

    def _respelled(self, from_table: str, to_table: str) -> str:
        if self.respelled is None:
            return ""
        side, count = self.respelled
        table, column = (from_table, self.from_column) if side == "from" else (to_table, self.to_column)
        return (
            f", and {count:,} more value{'s' if count > 1 else ''} of {table}({column}) {'meet' if count > 1 else 'meets'}"
            f" only {_IGNORED} (spelled differently: compare {without_punctuation('...')} of both sides)"
        )


_IGNORED = "once case, spaces and punctuation are ignored"


def _digits(sql: str) -> str:
    """SQL: a code's digits alone, as text (CIP's 11.0701 read 110701)."""
    return f"regexp_replace(CAST({sql} AS VARCHAR), '[^0-9]', '', 'g')"

_AGGREGATE = "aggregate both sides to it first."
# (Of an attribute a lookup joins on: aggregating the lookup's side to it would do nothing,
# or merge rows it tells apart only with the others, MATH 101 with CS 101.)
_LOOKED_UP = "join on it in the lookup above, not aggregated to it alone."


@dataclass(frozen=True, slots=True)
class SharedLookup:
    """Shared attributes that together name one row of a table (with a range column, whose
    value of the other side falls in it): a carrier's rate card, one row per Service, Zone and
    Weight Break ("0-1 lb"). Such a table is looked up, not aggregated. So is a table one
    shared identifier alone names a row of: RRC's well header by its API Number."""

    side: str  # 'from' or 'to': the lookup table
    columns: tuple[tuple[str, str], ...]  # (from_column, to_column) of each shared attribute
    range_column: str | None = None  # of the lookup table
    measure: str | None = None  # of the other table: the value that falls in the range
    # Of each pair whose values do not meet as written, the SQL comparing them, each side's
    # column written once (other side's, lookup's), and why: RRC's production writes the API
    # 4225534943 where its well header writes 42-255-34943.
    compared: tuple[tuple[str, str, str], ...] = ()
    # Values of the lookup's columns standing on more than one of its rows (a key but for a
    # few: a course catalog's three (subject, catalog_nbr) written twice).
    repeats: int = 0

    def note(self, from_table: str, to_table: str) -> str:
        lookup, other = (from_table, to_table) if self.side == "from" else (to_table, from_table)
        own = [f if self.side == "from" else t for f, t in self.columns]
        theirs = [t if self.side == "from" else f for f, t in self.columns]
        key = ", ".join(own + ([self.range_column] if self.range_column else []))
        said = (
            f"{lookup} holds one row per ({key}): it is a lookup, so join {other} on"
            f" ({', '.join(theirs)}) = ({', '.join(own)}) together"
        )
        if self.compared:
            said += ", comparing " + " and ".join(
                f"{theirs_sql} = {own_sql} ({why})" for theirs_sql, own_sql, why in self.compared
            )
        if self.range_column is not None:
            value = f"{other}({self.measure})" if self.measure else f"a value of {other}"
            said += (
                f" and on {value} falling into {lookup}({self.range_column})'s range (written 'low-high':"
                " split it at '-')"
            )
        said += f", rather than aggregating both sides to one of them: each {other} row meets one {lookup} row (n:1)."
        if self.repeats:
            several = self.repeats > 1
            said += (
                f" But {self.repeats:,} value{'s' if several else ''} of ({key}) stand{'' if several else 's'} on more"
                f" than one {lookup} row, so {other} rows with {'them' if several else 'it'} are joined to each: keep"
                f" one {lookup} row per value first (or check which is meant)."
            )
        return said


def shared_attributes(
    con: duckdb.DuckDBPyConnection, from_table: str, to_table: str
) -> list[SharedAttribute | SharedLookup]:
    """The attributes two tables share (see the module doc), best first."""
    left, right = _columns(con, from_table), _columns(con, to_table)
    found: list[SharedAttribute] = []
    kept = {True: 0, False: 0}
    for a, b, exact in _named_pairs(left, right):
        if kept[exact] >= MAX_NAMED_PAIRS:
            continue
        shared = _values_meet(con, from_table, a, to_table, b, postal=_both_postal(a, b))
        # (A value alone is no attribute: Apple's Provider Country, US on every row.)
        if shared is not None and (exact or shared.found > 1):
            found.append(shared)
            kept[exact] += 1
    found = _without_copies(con, from_table, to_table, found)
    lookup = _lookup(con, from_table, to_table, found, left, right)
    if lookup is not None:
        found = [replace(s, in_lookup=(s.from_column, s.to_column) in lookup.columns) for s in found]
    # (Each side's day columns counted once, before the pairs.)
    left_days, right_days = (_day_columns(con, t, c)[:MAX_DAY_COLUMNS] for t, c in ((from_table, left), (to_table, right)))
    days = [
        (_day_rank(a) + _day_rank(b), shared)
        for a in left_days
        for b in right_days
        if (shared := _days_meet(con, from_table, a, to_table, b)) is not None
    ]
    if days:
        # One day is enough to say: of activity before a cohort's, the server's clock before a
        # device's, a local date or time before one in UTC, then the one whose days meet best.
        day = min(days, key=lambda d: (d[0], -d[1].found / d[1].values))[1]
        periods = tuple(
            (side, *period)
            for side, table, column, columns in (
                ("from", from_table, day.from_column, left), ("to", to_table, day.to_column, right),
            )
            if (period := _period(con, table, column, [c for c, t in columns if _a_day(t)])) is not None
        )
        found.append(replace(day, periods=periods))
    return ([lookup] if lookup is not None else []) + found[:MAX_SHARED]


def _without_copies(
    con: duckdb.DuckDBPyConnection, from_table: str, to_table: str, found: list[SharedAttribute]
) -> list[SharedAttribute]:
    """The shared attributes but those met again by a column of one side that copies another's
    values row by row, each named as a copy of the one kept: CAISO's price file writes a node in
    NODE, NODE_ID and NODE_ID_XML alike, one attribute, not three (nor a composite key)."""
    kept: list[SharedAttribute] = []
    for shared in found:
        for index, first in enumerate(kept):
            copy = _copy_of(con, from_table, to_table, first, shared)
            if copy is not None:
                side, column = copy
                names = (first.copies[1] if first.copies else ()) + (column,)
                kept[index] = replace(first, copies=(side, names))
                break
        else:
            kept.append(shared)
    return kept


def _copy_of(
    con: duckdb.DuckDBPyConnection, from_table: str, to_table: str, first: SharedAttribute, other: SharedAttribute
) -> tuple[str, str] | None:
    """The side and column of ``other`` that copies ``first``'s on the same side, when the two
    share their other column."""
    if first.how == "day" or other.how == "day":
        return None
    if first.from_column == other.from_column and first.to_column != other.to_column:
        side, table, a, b = "to", to_table, first.to_column, other.to_column
    elif first.to_column == other.to_column and first.from_column != other.from_column:
        side, table, a, b = "from", from_table, first.from_column, other.from_column
    else:
        return None
    qa, qb = quote_ident(a), quote_ident(b)
    row = con.execute(
        f"SELECT count(*) FROM {relation_name(table)} WHERE CAST({qa} AS VARCHAR) IS DISTINCT FROM CAST({qb} AS VARCHAR)"
    ).fetchone()
    return (side, b) if row is not None and int(row[0]) == 0 else None


def _named_pairs(left: list[tuple[str, str]], right: list[tuple[str, str]]) -> list[tuple[str, str, bool]]:
    """Pairs of columns named alike (the same words), then of names sharing a word that names
    the attribute (Service Type and Service, Buyer Country and country), of codes: whether
    exactly alike with each. A word with a letter marking its kind is the word (`same_word`:
    PJM's pnode_name beside a plant map's "node name" and a trade's node)."""
    exact = [
        (a, b, True) for a, a_type in left for b, b_type in right
        if _named_alike(a, b) and not _a_day(a_type) and not _a_day(b_type)
    ][:MAX_COMPARED_PAIRS]
    partly = [
        (a, b, False) for a, a_type in left for b, b_type in right
        if not _named_alike(a, b) and a_type.startswith(_CODE_TYPES) and b_type.startswith(_CODE_TYPES)
        and _share_a_word(set(words(a)) - _KIND_WORDS, set(words(b)) - _KIND_WORDS)
    ][:MAX_NAMED_PAIRS]
    return exact + partly


def _named_alike(a: str, b: str) -> bool:
    # (Postal codes under any of their names: an MLS's PostalCode, HUD's ZIP, a voter file's
    # Zip Code.)
    return _alike(words(a), words(b)) or _both_postal(a, b)


def _both_postal(a: str, b: str) -> bool:
    return looks_like_postal(a) and looks_like_postal(b)


def _alike(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    return len(a) == len(b) and all(same_word(x, y) for x, y in zip(a, b, strict=True))


def _share_a_word(a: set[str], b: set[str]) -> bool:
    return any(same_word(x, y) for x in a for y in b)


def _day_rank(name: str) -> int:
    said = set(words(name))
    return 3 if said & _COHORT_WORDS else 2 if said & _DEVICE_CLOCK_WORDS else 1 if said & _UTC_WORDS else 0


def _by_day_rank(names: list[str]) -> list[str]:
    return sorted(names, key=_day_rank)


def _day_columns(con: duckdb.DuckDBPyConnection, table: str, columns: list[tuple[str, str]]) -> list[str]:
    """A table's date and time columns in the order they are compared (`_day_rank`), those
    empty on most rows after the others: NADAC's Corresponding_Generic_Drug_Effective_Date,
    set on the fifth of its rows priced by a generic, after its Effective_Date and As of Date."""
    days = _by_day_rank([c for c, t in columns if _a_day(t)])
    if len(days) <= MAX_DAY_COLUMNS:
        return days
    row = con.execute(
        f"SELECT count(*), {', '.join(f'count({quote_ident(c)})' for c in days)} FROM {relation_name(table)}"
    ).fetchone()
    assert row is not None
    rows, filled = int(row[0]), [int(x) for x in row[1:]]
    # (A stable sort: within each half, in the order of `_day_rank`.)
    return [c for c, _ in sorted(zip(days, filled, strict=True), key=lambda d: d[1] < MIN_SHARE * rows)]


def _columns(con: duckdb.DuckDBPyConnection, table: str) -> list[tuple[str, str]]:
    rows = con.execute(
        "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = 'typed'"
        " AND table_name = ? ORDER BY ordinal_position",
        [table],
    ).fetchall()
    # (Not the layers' own numbering of the rows, the same in any two tables.)
    return [(str(name), str(kind).upper()) for name, kind in rows if str(name) != "_row_id"]


def _a_day(sql_type: str) -> bool:
    return sql_type.startswith(_DAY_TYPES)


def _distinct(table: str, column: str, cast: str, limit: int) -> str:
    col = quote_ident(column)
    return f"SELECT DISTINCT CAST({col} AS {cast}) AS v FROM {relation_name(table)} WHERE {col} IS NOT NULL LIMIT {limit}"


def _met(near: str, far: str, on: str) -> str:
    return f"(SELECT count(*) FROM {near} AS x SEMI JOIN {far} AS y ON {on})"


def _values_meet(
    con: duckdb.DuckDBPyConnection, from_table: str, a: str, to_table: str, b: str, *, postal: bool = False
) -> SharedAttribute | None:
    """How the values of ``a`` and ``b`` meet, if they do (see `SharedAttribute`); of postal
    codes (``postal``), each ZIP+4 compared as its ZIP."""
    written = (
        f"WITH a AS ({_distinct(from_table, a, 'VARCHAR', MAX_OTHER_VALUES + 1)}),"
        f" b AS ({_distinct(to_table, b, 'VARCHAR', MAX_OTHER_VALUES + 1)})"
    )
    plus_four = _plus_four(con, written) if postal else None
    distinct = written if plus_four is None else (
        f"WITH a AS ({_as_zips(from_table, a)}), b AS ({_as_zips(to_table, b)})"
    )
    counted = con.execute(f"{distinct} SELECT (SELECT count(*) FROM a), (SELECT count(*) FROM b)").fetchone()
    assert counted is not None
    count_a, count_b = int(counted[0]), int(counted[1])
    values = min(count_a, count_b)
    if not values or values > MAX_VALUES or max(count_a, count_b) > MAX_OTHER_VALUES:
        return None
    nx, ny = (without_punctuation(f"{v}.v") for v in ("x", "y"))
    # (Contained as whole words: Downtown in "Harbor Grill - Downtown", not WHO's country
    # code ALB in Albania, nor ARG in Argentina.)
    wx, wy = (f"' ' || trim(regexp_replace(lower({v}.v), '[^a-z0-9]+', ' ', 'g')) || ' '" for v in ("x", "y"))
    ways = {
        "same": "x.v = y.v",
        "normalized": f"{nx} = {ny}",
        # (Equal as decimals too: a cast to BIGINT rounds, and 11.07 is no 11.0701 padded.)
        "padded": (
            "TRY_CAST(trim(x.v) AS BIGINT) = TRY_CAST(trim(y.v) AS BIGINT)"
            " AND TRY_CAST(trim(x.v) AS DOUBLE) = TRY_CAST(trim(y.v) AS DOUBLE)"
        ),
    }
    if max(count_a, count_b) <= MAX_VALUES:
        # (Looked for inside each other value by value: only of two short lists.)
        ways["contained"] = (
            f"length({nx}) >= {_MIN_CONTAINED} AND length({ny}) >= {_MIN_CONTAINED}"
            f" AND (contains({wx}, {wy}) OR contains({wy}, {wx}))"
        )
    row = con.execute(
        f"{distinct} SELECT "
        + ", ".join(_met(near, far, on) for on in ways.values() for near, far in (("a", "b"), ("b", "a")))
    ).fetchone()
    assert row is not None
    met = [int(x) for x in row]
    # (Counted on the side with fewer values: vendor invoices' three locations in the POS's.)
    fewer = 0 if count_a <= count_b else 1
    sides = ((from_table, a, count_a), (to_table, b, count_b))
    for index, how in enumerate(ways):
        found = met[2 * index + fewer]
        if found >= MIN_SHARE * values:
            coverage = _coverage(con, distinct, sides, met, fewer, zips=plus_four is not None) if how == "same" else None
            return SharedAttribute(
                a, b, how, values, found, respelled=_respelled(met) if how == "same" else None, plus_four=plus_four,
                coverage=coverage,
            )
    same, respelled = met[fewer], _respelled(met)
    # (Those met only once respelled count too, said apart: a pharmacy's claims write one NDC
    # three ways, 00002120001, 00002-1200-01 and 2-1200-1, a fifth of its values as NADAC
    # writes them and as many more hyphenated.)
    spelled = same + (respelled[1] if respelled is not None and respelled[0] == ("from", "to")[fewer] else 0)
    if same >= MIN_SEVERAL and spelled >= MIN_SHARE_OF_SEVERAL * values:
        coverage = _coverage(con, distinct, sides, met, fewer, zips=plus_four is not None)
        return SharedAttribute(a, b, "same", values, same, respelled=respelled, plus_four=plus_four, coverage=coverage)
    # (Only where no value meets another whole: a code and the code above it.)
    return _prefix_meets(con, distinct, a, b) if plus_four is None else None


def _prefix_meets(con: duckdb.DuckDBPyConnection, distinct: str, a: str, b: str) -> SharedAttribute | None:
    """Columns ``a`` and ``b`` as codes of two fixed widths, most of the longer side's codes
    beginning with one of the shorter side's (see ``_DIGIT_CODE``), or None. ``distinct`` is
    the query of both sides' distinct values (``a`` and ``b``, as text)."""
    shape = " UNION ALL ".join(
        f"SELECT {index}, count(*), count(*) FILTER (WHERE regexp_full_match(v, '{_DIGIT_CODE}')),"
        f" min(length({_digits('v')})), max(length({_digits('v')})) FROM {side}"
        for index, side in enumerate(("a", "b"))
    )
    rows = sorted(con.execute(f"{distinct} {shape}").fetchall())
    (count_a, codes_a, short_a, long_a), (count_b, codes_b, short_b, long_b) = (
        [int(x or 0) for x in row[1:]] for row in rows
    )
    # (Every value a code of one width on each side: a column mixing widths is no level.)
    if codes_a != count_a or codes_b != count_b or short_a != long_a or short_b != long_b or long_a == long_b:
        return None
    side, longer, shorter, width, parents = (
        ("from", "a", "b", long_b, count_b) if long_a > long_b else ("to", "b", "a", long_a, count_a)
    )
    if width < _MIN_PREFIX_DIGITS or parents > _MAX_PREFIX_CHANCE * 10**width:
        return None
    met = con.execute(
        f"{distinct} SELECT count(*), count(*) FILTER (WHERE left({_digits('x.v')}, {width})"
        f" IN (SELECT {_digits('y.v')} FROM {shorter} AS y)) FROM {longer} AS x"
    ).fetchone()
    assert met is not None
    values, found = int(met[0]), int(met[1])
    if found < MIN_SHARE * values:
        return None
    return SharedAttribute(a, b, "prefix", values, found, prefix=(side, width))


def _coverage(
    con: duckdb.DuckDBPyConnection, distinct: str, sides: tuple[tuple[str, str, int], tuple[str, str, int]],
    met: list[int], fewer: int, *, zips: bool,
) -> Coverage | None:
    """Of values met as written, how much of the side with more values the other covers (not
    ``fewer``, 0 or 1, of ``sides``: each table, column and count of values), counted on its
    rows too, when most of its values are not met (`Coverage`). ``distinct`` is the query of
    both sides' values (``a`` and ``b``) as compared: ZIP+4s as their ZIPs (``zips``)."""
    more = 1 - fewer
    table, column, values = sides[more]
    found = met[more]
    if values - found <= MIN_SHARE * values:
        return None
    value = f"CAST({quote_ident(column)} AS VARCHAR)"
    row = con.execute(
        f"{distinct} SELECT count(*), count(*) FILTER (WHERE {_zip(value) if zips else value} IN (SELECT v FROM {'ab'[fewer]}))"
        f" FROM {relation_name(table)}"
    ).fetchone()
    assert row is not None
    return Coverage(("from", "to")[more], values, found, int(row[0]), int(row[1]))


def _zip(sql: str) -> str:
    return normalized_key(sql, ("zip_plus_four",))


def _plus_four(con: duckdb.DuckDBPyConnection, written: str) -> tuple[str, int] | None:
    """Of two postal codes' distinct values (``written``, the queries ``a`` and ``b``), the side
    writing more ZIP+4s and how many: an MLS's PostalCode, 98103-2345 on a third of its rows."""
    row = con.execute(
        f"{written} SELECT (SELECT count(*) FROM a WHERE {_zip('v')} <> v), (SELECT count(*) FROM b WHERE {_zip('v')} <> v)"
    ).fetchone()
    assert row is not None
    count, side = max((int(row[0]), "from"), (int(row[1]), "to"))
    return (side, count) if count > 0 else None


def _as_zips(table: str, column: str) -> str:
    """The distinct postal codes of a column, each ZIP+4 read as its ZIP."""
    return f"SELECT DISTINCT {_zip('v')} AS v FROM ({_distinct(table, column, 'VARCHAR', MAX_OTHER_VALUES + 1)})"


def _respelled(met: list[int]) -> tuple[str, int] | None:
    """Of the counts `_values_meet` took (each way's, from either side), the side more of whose
    values meet only once normalized than as written, and how many (see ``respelled``)."""
    more = [(met[2] - met[0], "from"), (met[3] - met[1], "to")]
    count, side = max(more)
    return (side, count) if count > 0 else None


def _days_meet(
    con: duckdb.DuckDBPyConnection, from_table: str, a: str, to_table: str, b: str
) -> SharedAttribute | None:
    row = con.execute(
        f"WITH a AS ({_distinct(from_table, a, 'DATE', MAX_DAYS + 1)}), b AS ({_distinct(to_table, b, 'DATE', MAX_DAYS + 1)})"
        " SELECT (SELECT count(*) FROM a), (SELECT count(*) FROM b), (SELECT count(*) FROM a SEMI JOIN b ON a.v = b.v)"
    ).fetchone()
    assert row is not None
    count_a, count_b, found = (int(x) for x in row)
    values = min(count_a, count_b)
    if not values or max(count_a, count_b) > MAX_DAYS or found < MIN_SHARE * values:
        return None
    cohort = "from" if _day_rank(a) == 3 else "to" if _day_rank(b) == 3 else None
    utc_a, utc_b = (bool(set(words(n)) & _UTC_WORDS) for n in (a, b))
    utc = "from" if utc_a and not utc_b else "to" if utc_b and not utc_a else None
    return SharedAttribute(a, b, "day", values, found, cohort, utc)


def _period(con: duckdb.DuckDBPyConnection, table: str, column: str, days: list[str]) -> tuple[str, str] | None:
    """The start and end columns of the period of several days a day column starts or ends,
    found among the table's ``days`` by name (see ``_PERIOD_ENDS``): a trade's delivery_start
    and delivery_end. None when no row spans a day (an hour's start and end)."""
    said = words(column)
    for other in days:
        pair = _period_pair(said, words(other))
        if pair is None or other == column:
            continue
        start, end = (column, other) if pair else (other, column)
        qs, qe = quote_ident(start), quote_ident(end)
        row = con.execute(
            f"SELECT max(epoch(CAST({qe} AS TIMESTAMP)) - epoch(CAST({qs} AS TIMESTAMP))) FROM {relation_name(table)}"
        ).fetchone()
        if row is not None and row[0] is not None and float(row[0]) >= _ONE_DAY:
            return start, end
    return None


def _period_pair(a: tuple[str, ...], b: tuple[str, ...]) -> bool | None:
    """Whether names ``a`` and ``b`` are alike but for a word starting a period in one and one
    ending it in the other: True when ``a`` names the start, False when ``b`` does, else None."""
    if len(a) != len(b):
        return None
    differ = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    if len(differ) != 1:
        return None
    (x, y), = differ
    if y in _PERIOD_ENDS.get(x, ()):
        return True
    if x in _PERIOD_ENDS.get(y, ()):
        return False
    return None


def _lookup(
    con: duckdb.DuckDBPyConnection, from_table: str, to_table: str, found: list[SharedAttribute],
    left: list[tuple[str, str]], right: list[tuple[str, str]],
) -> SharedLookup | None:
    """The lookup shared attributes make of one table (see `SharedLookup`), its rows told
    apart by two or more of them, or by one identifier, alone or with a range column. Only of
    attributes an equality joins (not a name met inside another); each compared as its values
    meet."""
    joinable = {(s.from_column, s.to_column): s for s in found if _joinable(s)}
    pairs = _each_column_once(joinable)
    if not pairs:
        return None
    types = {"from": dict(left), "to": dict(right)}
    for side, table, own, other_columns, columns in (
        ("to", to_table, [t for _, t in pairs], left, right),
        ("from", from_table, [f for f, _ in pairs], right, left),
    ):
        index = 1 if side == "to" else 0
        # (A code met by its first digits looks up the code above it, never the one below:
        # FracFocus's disclosures, one per API-14, are no lookup of the API-10's well header.)
        if any(_longer_side(joinable[pair]) == side for pair in pairs):
            continue
        repeats = _repeats(con, table, own)
        # (One code met by its first digits is an identifier whatever its name: the state's
        # well header, one row per API.)
        alone = _names_an_identifier(own[0]) or any(_longer_side(joinable[pair]) is not None for pair in pairs)
        if repeats is not None and (len(pairs) > 1 or alone):
            kept = _fewest(con, table, pairs, index, repeats)
            return SharedLookup(side, kept, compared=_comparisons(joinable, kept, side, types), repeats=repeats)
        if len(pairs) < 2:
            continue
        texts = [c for c, t in columns if t.startswith("VARCHAR") and c not in own][:_MAX_RANGE_COLUMNS]
        for column in texts:
            if _ranges(con, table, column) and _repeats(con, table, [*own, column]) == 0:
                measure = next(
                    (
                        c for c, t in other_columns
                        if not t.startswith(("VARCHAR", "DATE", "TIMESTAMP", "TIME", "BOOLEAN"))
                        and (set(words(c)) - _KIND_WORDS) & (set(words(column)) - _KIND_WORDS)
                    ),
                    None,
                )
                return SharedLookup(side, pairs, column, measure, _comparisons(joinable, pairs, side, types))
    return None


def _joinable(shared: SharedAttribute) -> bool:
    """Whether an equality joins a shared attribute's two columns, once each is written alike:
    not a name met only inside the other side's (Downtown in "Harbor Grill - Downtown")."""
    return shared.how in ("same", "normalized", "padded", "prefix")


def _longer_side(shared: SharedAttribute) -> str | None:
    return shared.prefix[0] if shared.prefix is not None else None


def _names_an_identifier(column: str) -> bool:
    """Whether a column a lookup would join on alone is named an identifier (RRC's API Number,
    PatentsView's application_id): a name or a category alone, unique on a short table, is
    unique by chance (a desk's three plants, each at its own node)."""
    return bool(set(words(column)) & KEY_WORDS)


def _comparisons(
    shared: dict[tuple[str, str], SharedAttribute], pairs: tuple[tuple[str, str], ...], side: str,
    types: dict[str, dict[str, str]],
) -> tuple[tuple[str, str, str], ...]:
    compared = [_compared(shared[pair], side, types) for pair in pairs]
    return tuple(c for c in compared if c is not None)


def _compared(shared: SharedAttribute, side: str, types: dict[str, dict[str, str]]) -> tuple[str, str, str] | None:
    """How a lookup compares a shared attribute's columns when its values do not meet as written
    (the other side's SQL, the lookup's, and why), or None when they do and are of one type. A
    join as written errs or matches nothing: RRC's production API 4225534943 (a number) against
    its well header's 42-255-34943."""
    own, theirs = (shared.from_column, shared.to_column) if side == "from" else (shared.to_column, shared.from_column)
    other = "to" if side == "from" else "from"
    own_sql, theirs_sql = (f"CAST({quote_ident(c)} AS VARCHAR)" for c in (own, theirs))
    if shared.how == "normalized":
        return (
            without_punctuation(theirs_sql), without_punctuation(own_sql),
            f"their values meet only {_IGNORED}: {shared.found:,} of {shared.values:,}",
        )
    if shared.how == "padded":
        return (
            f"TRY_CAST({theirs_sql} AS BIGINT)", f"TRY_CAST({own_sql} AS BIGINT)",
            "their values meet as numbers once leading zeros are ignored (5 and 005)",
        )
    if shared.prefix is not None:
        _, width = shared.prefix
        return (
            f"left({_digits(quote_ident(theirs))}, {width})", _digits(quote_ident(own)),
            f"its codes are the first {width} digits of the other's: {shared.found:,} of {shared.values:,} begin with one",
        )
    if shared.plus_four is not None and shared.plus_four[0] == other:
        return f"left({theirs_sql}, 5)", quote_ident(own), "ZIP+4s compared on their first five digits"
    own_type, theirs_type = types[side].get(own, ""), types[other].get(theirs, "")
    if own_type != theirs_type:
        return theirs_sql, own_sql, f"one is {theirs_type}, the other {own_type}: compared as text"
    return None


def _each_column_once(pairs: Iterable[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    """The pairs of shared columns, each column of either side in the first pair naming it:
    a lookup joins on a column once (WHO's COUNTRY (CODE) met COUNTRY (CODE), not also
    COUNTRY (DISPLAY))."""
    kept: list[tuple[str, str]] = []
    for a, b in pairs:
        if all(a != x and b != y for x, y in kept):
            kept.append((a, b))
    return tuple(kept)


def _fewest(
    con: duckdb.DuckDBPyConnection, table: str, pairs: tuple[tuple[str, str], ...], side: int, repeats: int
) -> tuple[tuple[str, str], ...]:
    """Of the pairs whose columns (those of ``side``, 0 or 1) tell ``table``'s rows apart (but
    for ``repeats``), the fewest that still do as well, the last ones left out first: two WHO
    indicators by YEAR (CODE) and COUNTRY (CODE), not with the COUNTRY (DISPLAY) each code
    names too; two at least, or one identifier, RRC's well header by its API Number alone,
    not with the District every API number lies in."""
    kept = list(pairs)
    for pair in reversed(pairs):
        fewer = [p for p in kept if p != pair]
        if not fewer or (len(fewer) == 1 and not _names_an_identifier(fewer[0][side])):
            continue
        if _repeats(con, table, [p[side] for p in fewer]) == repeats:
            kept = fewer
    return tuple(kept)


def _repeats(con: duckdb.DuckDBPyConnection, table: str, columns: list[str]) -> int | None:
    """How many rows of ``table`` repeat the values of ``columns`` of another: 0 when they tell
    its rows apart, a few when they do but for a few (of rows, at most ``NEAR_KEY_REPEATS_SHARE``
    and ``NEAR_KEY_REPEATS_MAX``: a catalog's three courses of 315 listed twice); None when
    more repeat, or the table has a row at most."""
    listed = ", ".join(quote_ident(c) for c in columns)
    row = con.execute(
        f"SELECT (SELECT count(*) FROM {relation_name(table)}),"
        f" (SELECT count(*) FROM (SELECT DISTINCT {listed} FROM {relation_name(table)}))"
    ).fetchone()
    if row is None or int(row[0]) <= 1:
        return None
    rows, repeats = int(row[0]), int(row[0]) - int(row[1])
    return repeats if repeats <= min(NEAR_KEY_REPEATS_MAX, NEAR_KEY_REPEATS_SHARE * rows) else None


def _ranges(con: duckdb.DuckDBPyConnection, table: str, column: str) -> bool:
    """Whether every value of a text column (of its first ``MAX_VALUES`` distinct) is a range."""
    row = con.execute(
        f"SELECT count(*), count(*) FILTER (WHERE regexp_full_match(v, ?)) FROM ({_distinct(table, column, 'VARCHAR', MAX_VALUES)})",
        [_RANGE],
    ).fetchone()
    return row is not None and int(row[0]) > 1 and int(row[0]) == int(row[1])
