"""What two tables no join path connects still share: a column named alike in both whose
values meet (a restaurant's Location), and the days both record.

Asked only of the two tables of a path search that found nothing, on a few columns, each
compared on its distinct values (at most ``MAX_VALUES`` a side): cheap whatever the rows.
Questions across such tables (labour cost per location and day against the POS's sales)
are answered by aggregating each side to the shared attributes first, then joining there.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from datadossier.engine import quote_ident
from datadossier.enrichment.join_paths import relation_name
from datadossier.enrichment.naming import words

# Columns of this many distinct values at most are compared (a grouping, not a key).
MAX_VALUES = 1000
# Days of a date column compared at most (half a century).
MAX_DAYS = 20_000
# Of each table: this many date columns compared (Toast's orders: Opened, Paid, Closed).
MAX_DAY_COLUMNS = 2
# Pairs of columns named alike compared, and shared attributes said, at most.
MAX_NAMED_PAIRS = 4
MAX_SHARED = 4
# A shared attribute: this share of the fewer values at least meets the other side's.
MIN_SHARE = 0.5
# Values this short are not looked for inside the other side's ("a" is in every name).
_MIN_CONTAINED = 3
_DAY_TYPES = ("DATE", "TIMESTAMP")


@dataclass(frozen=True, slots=True)
class SharedAttribute:
    """A column of each table whose values meet: ``how`` says as written ('same'), once case,
    spaces and punctuation are ignored ('normalized'), one side's inside the other's
    ('contained': Downtown in "Harbor Grill - Downtown"), or as days of dates ('day')."""

    from_column: str
    to_column: str
    how: str
    values: int  # distinct values of the side with fewer
    found: int  # of those, met on the other side

    def note(self, from_table: str, to_table: str) -> str:
        pair = f"{from_table}({self.from_column}) and {to_table}({self.to_column})"
        met = f"{self.found:,} of {self.values:,}"
        if self.how == "day":
            return f"{pair}: {met} days in common; aggregate both sides to the day (CAST(... AS DATE)) first."
        if self.how == "same":
            return f"{pair}: {met} values in common; aggregate both sides to it first."
        spelled = (
            "once case, spaces and punctuation are ignored"
            if self.how == "normalized"
            else "only as a part of the other side's (one names more: a prefix or a note)"
        )
        return (
            f"{pair}: {met} values meet {spelled}: spelled differently, so map one side's values onto"
            " the other's, then aggregate both sides to it first."
        )


def shared_attributes(con: duckdb.DuckDBPyConnection, from_table: str, to_table: str) -> list[SharedAttribute]:
    """The attributes two tables share (see the module doc), best first."""
    left, right = _columns(con, from_table), _columns(con, to_table)
    found: list[SharedAttribute] = []
    named = [
        (a, b) for a, a_type in left for b, b_type in right
        if words(a) == words(b) and not _a_day(a_type) and not _a_day(b_type)
    ][:MAX_NAMED_PAIRS]
    for a, b in named:
        shared = _values_meet(con, from_table, a, to_table, b)
        if shared is not None:
            found.append(shared)
    days = [
        shared
        for a in [c for c, t in left if _a_day(t)][:MAX_DAY_COLUMNS]
        for b in [c for c, t in right if _a_day(t)][:MAX_DAY_COLUMNS]
        if (shared := _days_meet(con, from_table, a, to_table, b)) is not None
    ]
    if days:
        found.append(max(days, key=lambda s: s.found / s.values))  # one day is enough to say
    return found[:MAX_SHARED]


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
    con: duckdb.DuckDBPyConnection, from_table: str, a: str, to_table: str, b: str
) -> SharedAttribute | None:
    nx, ny = (f"regexp_replace(lower({v}.v), '[^a-z0-9]+', '', 'g')" for v in ("x", "y"))
    ways = {
        "same": "x.v = y.v",
        "normalized": f"{nx} = {ny}",
        "contained": f"length({nx}) >= {_MIN_CONTAINED} AND length({ny}) >= {_MIN_CONTAINED}"
        f" AND (contains({nx}, {ny}) OR contains({ny}, {nx}))",
    }
    row = con.execute(
        f"WITH a AS ({_distinct(from_table, a, 'VARCHAR', MAX_VALUES + 1)}),"
        f" b AS ({_distinct(to_table, b, 'VARCHAR', MAX_VALUES + 1)})"
        " SELECT (SELECT count(*) FROM a), (SELECT count(*) FROM b), "
        + ", ".join(_met(near, far, on) for on in ways.values() for near, far in (("a", "b"), ("b", "a")))
    ).fetchone()
    assert row is not None
    count_a, count_b, *met = (int(x) for x in row)
    if not count_a or not count_b or max(count_a, count_b) > MAX_VALUES:
        return None
    # (Counted on the side with fewer values: vendor invoices' three locations in the POS's.)
    fewer = 0 if count_a <= count_b else 1
    values = min(count_a, count_b)
    for index, how in enumerate(ways):
        found = met[2 * index + fewer]
        if found >= MIN_SHARE * values:
            return SharedAttribute(a, b, how, values, found)
    return None


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
    return SharedAttribute(a, b, "day", values, found)
