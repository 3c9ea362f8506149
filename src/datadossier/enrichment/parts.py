"""Tables with the same columns: parts of one dataset, and what reading them whole takes.

A file per month, per ticker, per year of births or per split of a training set: each table
of the group holds the same columns (see `relationships.partitions`). UNION ALL BY NAME reads
them whole, but what told the parts apart may live in the file names alone (Yahoo's AAPL.csv
and MSFT.csv, the SSA's yob1880.txt): the union given here labels each row with its part,
the piece of the table name that differs (``aapl``, ``1880``). One pair of parts is then
checked in DuckDB, the first two of the group by name, at two queries:

* the key of the first (its grain, when the second has the same one) found in the second:
  a key repeated across parts makes the label the only way to tell those rows apart;
* identical rows in both (of the first part's first 200,000 rows): half of the rows
  compared or more, and the parts are copies of one table (a CSV beside its Parquet
  export, a sample of a file beside the file, a stale data file of a Delta table beside
  the live one), which the union counts twice.

A dataset split by region may type an identifier apart: the IRS's BMF for New England
(eo1.csv, EINs 01... to 06...) keeps its EINs' leading zeros as text, where the other regions'
EINs, none starting with 0, are numbers. Those numbers are read as the codes the other part
writes (`zero_padded_parts`, `as_codes`), so that the files stay parts of one dataset.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from datadossier.engine import quote_ident, quote_literal
from datadossier.enrichment.model import ColumnStats, Entity, TableKeys, TableStats, bare
from datadossier.enrichment.naming import is_key_like

if TYPE_CHECKING:
    import duckdb

# Half the smaller part's rows found whole in the other: copies, not parts.
COPY_SHARE = 0.5
# The union's SQL is written out for this many parts at most (a folder of 142 years of
# births gets the label and the warning, not a statement of 142 lines).
UNION_SQL_PARTS = 12
PART_COLUMN = "part"
# Rows of the first part looked for whole in the second (all of the second is read).
COMPARED_ROWS = 200_000


def zero_padded_parts(con: duckdb.DuckDBPyConnection, tables: list[TableStats]) -> list[TableStats]:
    """``tables``, each identifier-named column of whole numbers marked (``padded_width``)
    where a table of the same column names holds, under that name, digits of one width with
    leading zeros, as wide as its widest number: the numbers are those codes with their zeros
    lost, and the two tables parts of one dataset. One query per such text column."""
    by_header: dict[frozenset[str], list[TableStats]] = {}
    for table in tables:
        by_header.setdefault(frozenset(c.name.lower() for c in table.columns), []).append(table)
    widths: dict[tuple[str, str], int] = {}
    checked: dict[tuple[str, str], bool] = {}
    for group in by_header.values():
        for table in group if len(group) > 1 else ():
            for column in table.columns:
                width = _digits(column)
                if width is not None and any(
                    _written_padded(con, other, text, checked)
                    for other in group if other is not table
                    for text in other.columns
                    if text.name.lower() == column.name.lower() and text.family == "string" and text.fixed_length == width
                ):
                    widths[table.name, column.name] = width
    marked = {name for name, _ in widths}
    return [
        replace(t, columns=tuple(replace(c, padded_width=widths.get((t.name, c.name))) for c in t.columns))
        if t.name in marked else t
        for t in tables
    ]


def _digits(column: ColumnStats) -> int | None:
    """How many digits the widest of an identifier's whole numbers has (None for other columns)."""
    if column.family != "integer" or not column.non_null or not is_key_like(column.name):
        return None
    if column.min_value is None or column.max_value is None or column.min_value < 0:
        return None
    return len(str(int(column.max_value)))


def _written_padded(
    con: duckdb.DuckDBPyConnection, table: TableStats, column: ColumnStats, checked: dict[tuple[str, str], bool]
) -> bool:
    """Whether a text column holds digits alone, some with a leading zero."""
    if (table.name, column.name) not in checked:
        col = quote_ident(column.name)
        row = con.execute(
            f"SELECT bool_and(regexp_full_match({col}, '[0-9]+')) AND bool_or(starts_with({col}, '0'))"
            f" FROM {table.relation} WHERE {col} IS NOT NULL"
        ).fetchone()
        checked[table.name, column.name] = bool(row and row[0])
    return checked[table.name, column.name]


def as_codes(table: TableStats) -> str:
    """The table's relation, its numbers that other parts write as padded codes read as those
    codes (``lpad``): what the union of its dataset, or a comparison with another part, reads."""
    padded = [c for c in table.columns if c.padded_width]
    if not padded:
        return table.relation
    codes = ", ".join(
        f"lpad(CAST({quote_ident(c.name)} AS VARCHAR), {c.padded_width}, '0') AS {quote_ident(c.name)}" for c in padded
    )
    return f"(SELECT * REPLACE ({codes}) FROM {table.relation})"


def describe_parts(
    con: duckdb.DuckDBPyConnection, tables: list[TableStats], keys: dict[str, TableKeys], entities: list[Entity]
) -> None:
    """Add ``parts`` to the evidence of every entity whose table has the same columns as
    others (``same_columns_as``), in place: the group, each table's label, the union, and
    what the check of a pair found."""
    by_name = {t.name: t for t in tables}
    seen: set[tuple[str, ...]] = set()
    for entity in entities:
        listed: object = entity.evidence.get("same_columns_as")
        alike = [str(name) for name in listed] if isinstance(listed, list) else []  # pyright: ignore[reportUnknownVariableType, reportUnknownArgumentType]
        group = tuple(sorted({entity.table, *alike}))
        if not alike or group in seen or any(name not in by_name for name in group):
            continue
        seen.add(group)
        members = [by_name[name] for name in group]
        described = _describe(con, members, keys)
        for other in entities:
            if other.table in group:
                other.evidence["parts"] = described


def _describe(con: duckdb.DuckDBPyConnection, members: list[TableStats], keys: dict[str, TableKeys]) -> dict[str, Any]:
    labels = part_labels([bare(t.name) for t in members])
    found: dict[str, Any] = {
        "tables": [t.name for t in members],
        "labels": {t.name: label for t, label in zip(members, labels, strict=True)},
    }
    first, second = members[0], members[1]
    in_second = {c.name for c in second.columns}
    columns = [c.name for c in first.columns if c.name in in_second]  # (a later part may add some)
    listed = ", ".join(quote_ident(c) for c in columns)
    row = con.execute(
        f"SELECT count(*) FROM ((SELECT {listed} FROM {as_codes(first)} LIMIT {COMPARED_ROWS})"
        f" INTERSECT SELECT {listed} FROM {as_codes(second)})"
    ).fetchone()
    identical = int(row[0]) if row else 0
    smaller = min(first.rows, second.rows, COMPARED_ROWS)
    grain = keys[first.name].grain
    shared = None
    checked: dict[str, Any] = {"tables": [first.name, second.name], "identical_rows": identical}
    found["checked"] = checked
    if grain and keys[second.name].grain == grain:
        on = ", ".join(quote_ident(c) for c in grain)
        row = con.execute(
            f"SELECT count(*) FROM (SELECT DISTINCT {on} FROM {as_codes(first)} INTERSECT SELECT DISTINCT {on} FROM {as_codes(second)})"
        ).fetchone()
        shared = int(row[0]) if row else 0
        checked.update(key=list(grain), shared_keys=shared)
    pair = f"{first.name} and {second.name}"
    if smaller and identical >= COPY_SHARE * smaller:
        found["copies"] = True
        found["warning"] = (
            f"{pair} hold {identical:,} identical rows ({identical / smaller:.0%} of the rows compared): copies of one"
            " table (an export in two formats, a sample beside its file, a stale file beside the live one),"
            " not parts; read one of them, as UNION ALL counts those rows twice."
        )
    elif shared and (apart := _telling_apart(con, first, second, grain or ())) is not None:
        checked["told_apart_by"] = apart
        found["warning"] = (
            f"{shared:,} values of the key ({', '.join(grain or ())}) are in both {pair}; their column {apart} tells"
            f" those rows apart ({', '.join((*(grain or ()), apart))} is unique over the parts): read the parts whole."
        )
    elif shared:
        found["warning"] = (
            f"{shared:,} values of the key ({', '.join(grain or ())}) are in both {pair}: what tells those rows"
            f" apart is in the table names alone; read the parts whole with the column {PART_COLUMN} naming each."
        )
    if len(members) <= UNION_SQL_PARTS:
        found["union"] = " UNION ALL BY NAME ".join(
            f"SELECT {quote_literal(label)} AS {PART_COLUMN}, * EXCLUDE (_row_id) FROM {as_codes(t)}"
            for t, label in zip(members, labels, strict=True)
        )
    return found


# Columns of few values tried as what tells apart the rows two parts share a key with.
_APART_CANDIDATES = 5
_APART_MAX_DISTINCT = 50


def _telling_apart(con: duckdb.DuckDBPyConnection, first: TableStats, second: TableStats, grain: tuple[str, ...]) -> str | None:
    """A column of few values that, beside the key, leaves no row of the two parts alike (a
    Wise statement per currency: a conversion's TransferWise ID in both files, its Currency
    EUR in one and GBP in the other); None when none does, and the part's name alone tells."""
    shared = {c.name for c in second.columns}
    candidates = sorted(
        (c for c in first.columns
         if c.name in shared and c.name not in grain and c.family in ("string", "integer")
         and c.non_null == c.rows and 1 <= (c.distinct or 0) <= _APART_MAX_DISTINCT),
        key=lambda c: (c.distinct or 0, c.position),
    )[:_APART_CANDIDATES]
    for column in candidates:
        on = ", ".join(quote_ident(c) for c in (*grain, column.name))
        row = con.execute(
            f"SELECT count(*) FROM (SELECT DISTINCT {on} FROM {as_codes(first)} INTERSECT SELECT DISTINCT {on} FROM {as_codes(second)})"
        ).fetchone()
        if row is not None and int(row[0]) == 0:
            return column.name
    return None


def part_labels(names: list[str]) -> list[str]:
    """What differs between the names of a dataset's parts: ``yob1880``, ``yob1881`` give
    ``1880``, ``1881``; ``sales_2023_q1`` and ``sales_2023_q2`` give ``q1`` and ``q2``; names
    with nothing in common stay whole (``aapl``, ``msft``)."""
    reversed_names = [n[::-1] for n in names]
    start = _boundary(_common_start(names), names)
    end = _boundary(_common_start(reversed_names), reversed_names)
    labels = [n[start : len(n) - end] for n in names]
    if any(not label for label in labels) or len(set(labels)) < len(labels):
        return names
    return labels


def _common_start(names: list[str]) -> str:
    low, high = min(names), max(names)  # (what the first and last in order share, all share)
    n = 0
    while n < len(low) and low[n] == high[n]:
        n += 1
    return low[:n]


def _boundary(common: str, names: list[str]) -> int:
    """How much of the common start of ``names`` to cut: up to its last separator, else up
    to a letter followed by a digit in every name, or the reverse (yob|1880); else nothing."""
    last = max(common.rfind(sep) for sep in "_-. ")
    if last >= 0:
        return last + 1
    for n in range(len(common), 0, -1):
        after = [name[n] for name in names if len(name) > n]
        if len(after) == len(names) and all(common[n - 1].isalpha() != ch.isalpha() for ch in after):
            return n
    return 0
