"""References written as lists: a column whose values each name several rows of another
table ("6210, 7470" in MoMA's artworks, one id per artist; IMDb's title.crew directors
"nm0005690,nm0374658"; a track's artist ids).

Compared whole, such a value is no key of anything: a plain check finds the values of one item
and counts the others as orphans (the link says n:1 with 43% orphans). Here the column's items
are compared instead, as `relationships` compares a column's values: the share of distinct
items the parent key holds, and the evidence of the names and of the values. A reference found
so replaces a plain link from the same column. It is ``n:m`` (a row names several parents, a
parent is named by several rows) and carries the SQL of its items (`lists.items_sql`), so that
joins test membership (``list_contains``) instead of equality.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from datadossier.engine import quote_ident
from datadossier.enrichment.model import ColumnStats, Link, TableKeys, TableStats
from datadossier.enrichment.relationships import (
    ACCEPT,
    ORPHAN_EXAMPLES,
    Candidate,
    check_integrity,
    json_value,
    keys_but_for,
    link_evidence,
    name_evidence,
    value_specificity,
)
from datadossier.profiling.lists import list_columns

if TYPE_CHECKING:
    import duckdb

# Of a list's distinct items, this share must be in the parent key (a list is split by a
# guess at its separator: the bar is higher than a plain reference's).
MIN_ITEM_INTEGRITY = 0.9
# A list names this many different items at least.
MIN_ITEMS = 3


def listed_references(
    con: duckdb.DuckDBPyConnection, tables: list[TableStats], keys: dict[str, TableKeys], links: list[Link]
) -> list[Link]:
    """``links`` with the references of the source's list columns (``ColumnStats.listed``)
    added, each replacing a plain link from its column (see the module)."""
    lists = [c for t in tables for c in t.columns if c.listed and c.family == "string"]
    if not lists:
        return links
    parents = [
        t.column(k[0]) for t in tables for k in keys[t.name].keys if len(k) == 1 and t.column(k[0]).family in ("integer", "string")
    ] + [c for t in tables for c in keys_but_for(t, keys[t.name])]
    relations = {t.name: t.relation for t in tables}
    found: list[Link] = []
    for child in lists:
        link = _reference(con, relations, child, [p for p in parents if p.table != child.table])
        if link is not None:
            found.append(link)
    replaced = {(k.child_table, k.child_columns) for k in found}
    return [k for k in links if (k.child_table, k.child_columns) not in replaced] + found


def _reference(
    con: duckdb.DuckDBPyConnection, relations: dict[str, str], child: ColumnStats, parents: list[ColumnStats]
) -> Link | None:
    shape = list_columns(con, relations[child.table], [child.name]).get(child.name)
    if shape is None or shape.levels or not parents:
        return None
    from datadossier.profiling.lists import items_sql

    col = quote_ident(child.name)
    items = items_sql(col, shape.separator, shape.written_out)
    unnested = f"(SELECT unnest({items}) AS item FROM {relations[child.table]})"
    row = con.execute(
        "SELECT count(DISTINCT item), count(*), count_if(TRY_CAST(item AS BIGINT) IS NULL), "
        "min(TRY_CAST(item AS BIGINT)), max(TRY_CAST(item AS BIGINT)), avg(length(item)), min(length(item)), "
        f"max(length(item)) FROM {unnested}"
    ).fetchone()
    assert row is not None
    distinct, count, not_numbers, low, high, length, shortest, longest = row
    if not distinct or int(distinct) < MIN_ITEMS:
        return None
    numbers = not not_numbers
    # The items as a column of their own: what `_check` and the evidence of values read.
    item_stats = replace(
        child,
        sql_type="BIGINT" if numbers else "VARCHAR",
        rows=int(count),
        nulls=0,
        distinct=int(distinct),
        min_value=float(low) if numbers else None,
        max_value=float(high) if numbers else None,
        avg_length=float(length or 0.0),
        fixed_length=int(shortest) if shortest == longest else None,
    )
    as_items = f"(SELECT {'CAST(item AS BIGINT)' if numbers else 'item'} AS {col} FROM {unnested})"
    candidates = [
        Candidate(item_stats, parent, name_evidence(child, parent), value_specificity(item_stats, parent))
        for parent in parents
        if parent.family == item_stats.family  # (text items onto numbers, or back, never)
    ]
    if not candidates:
        return None
    check_integrity(con, {**relations, child.table: as_items}, candidates)
    accepted = [c for c in candidates if c.best_integrity >= MIN_ITEM_INTEGRITY and c.confidence >= ACCEPT]
    if not accepted:
        return None
    best = max(accepted, key=lambda c: (c.confidence, c.best_integrity, c.name, c.parent.table, c.parent.name))
    # (How many values name several rows: MoMA's artworks list two artists on some, one on most;
    # a join's warnings say so, not that every value lists several.)
    counted = con.execute(f"SELECT count({col}), count_if(len({items}) > 1) FROM {relations[child.table]}").fetchone()
    assert counted is not None
    listed = {
        "separator": shape.separator,
        "written_out": shape.written_out,
        "numbers": numbers,
        "items_sql": items,
        "values": int(counted[0]),
        "several": int(counted[1] or 0),
        "join": (
            f"each {child.table} row names several {best.parent.table} rows: join ON list_contains(<items>,"
            f" {quote_ident(best.parent.name)}), or unnest the items first"
        ),
    }
    evidence = {**link_evidence(best, unique_child=False), "list_items": listed}
    if best.found < best.child_distinct:
        _orphans(con, relations, child, best.parent, items, numbers, evidence)
    else:
        evidence["orphan_rows"] = 0
    return Link(
        child_table=child.table,
        child_columns=(child.name,),
        parent_table=best.parent.table,
        parent_columns=(best.parent.name,),
        confidence=best.confidence,
        cardinality="n:m",
        kind="foreign_key",
        evidence=evidence,
    )


def _orphans(
    con: duckdb.DuckDBPyConnection,
    relations: dict[str, str],
    child: ColumnStats,
    parent: ColumnStats,
    items: str,
    numbers: bool,
    evidence: dict[str, Any],
) -> None:
    """The child rows naming an item the parent lacks, and a few such items."""
    item = "CAST(item AS BIGINT)" if numbers else "item"
    missing = (
        f"(SELECT r, {item} AS item FROM (SELECT r, unnest(it) AS item FROM (SELECT row_number() OVER () AS r, {items} AS it"
        f" FROM {relations[child.table]})) i ANTI JOIN {relations[parent.table]} p ON {item} = p.{quote_ident(parent.name)})"
    )
    row = con.execute(f"SELECT count(DISTINCT r) FROM {missing}").fetchone()
    evidence["orphan_rows"] = int(row[0]) if row else 0
    examples = con.execute(f"SELECT DISTINCT item FROM {missing} ORDER BY ALL LIMIT {ORPHAN_EXAMPLES}").fetchall()
    evidence["orphan_examples"] = [json_value(r[0]) for r in examples]
