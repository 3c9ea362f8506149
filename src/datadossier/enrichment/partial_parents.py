"""Lookups that describe some of the things a fact table names, and few others.

Dunnhumby's Complete Journey: `hh_demographic`, one row per `household_key`, describes 801 of
the 2,500 households its `transaction_data` names. Two thirds of the transactions' values
have no row there, under the half a foreign key needs (`relationships.MIN_INTEGRITY`), so no
link was made, or the unique side was made the child of a semantic link (`shared_keys`),
reversed: the transactions read as the dimension. Yet every analysis of the dataset joins
them so (a LEFT JOIN from the transactions). Such a table is told by three things together:
a key named exactly as the repeated column of the other table (an identifier of a thing, not
a bare `id`, nor of the other table's own entity), most of its own values among that column's,
and no other link between the two.
It is then the parent, n:1, its low integrity and orphans stated (the join is optional).

The lookup's key may be empty on some of its rows (`relationships.keys_but_for`): a trading
desk's plant_node_map names a PJM pnode_id for its PJM plants only, and PJM's hourly prices
repeat those pnodes among others. But a table naming a few of the child's things only (the
desk's seven plants among the 161 of EIA-860's generator inventory) is a selection of them,
not their description: no parent (`MIN_CHILD_FOUND`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from datadossier.enrichment.model import ColumnStats, Link, TableKeys, TableStats
from datadossier.enrichment.naming import entity_words, is_key_like, is_placeholder, words

if TYPE_CHECKING:
    import duckdb

    from datadossier.enrichment.relationships import Candidate

# The share of the lookup's own values the child must name: a table describing some of the
# child's things describes few others (Dunnhumby's demographics: every household has
# transactions; a sample of them cut from a longer history, three in four).
MIN_PARENT_FOUND = 0.5
# At least this many of the lookup's values found in the child: two or three shared ids of
# tables named alike may be chance.
MIN_FOUND = 3
# The share of the child's values the lookup must hold: Dunnhumby's demographics describe a
# third of the households; the plants a desk trades, a twentieth of an inventory's, are a
# selection of them (see `relationships.shared_keys`), not a table describing them.
MIN_CHILD_FOUND = 0.1
# The confidence of such a link, below that of a link whose values are (nearly) all found:
# only the names and the lookup's side of the values speak for it.
PARTIAL_DISCOUNT = 0.8


def partial_parents(
    con: duckdb.DuckDBPyConnection,
    relations: dict[str, str],
    tables: list[TableStats],
    keys: dict[str, TableKeys],
    links: list[Link],
) -> list[Link]:
    """Links from a repeated identifier onto the single-column key of another table named
    exactly alike, whose values are mostly among the identifier's though most of the
    identifier's are not among them (see the module doc). Only between tables not linked
    already, either way."""
    from datadossier.enrichment.relationships import (  # (it builds on this module's caller)
        ACCEPT,
        MIN_INTEGRITY,
        Candidate,
        check_integrity,
        identifies_own_table,
        keys_but_for,
        link_from,
        name_evidence,
        partitions,
        schema_of,
        score,
        value_specificity,
    )

    referencing = {(link.child_table, link.child_columns[0]) for link in links if len(link.child_columns) == 1}
    linked = {frozenset({link.child_table, link.parent_table}) for link in links}
    schemas = {t.name: schema_of(t) for t in tables}
    parents = [
        c for t in tables
        for c in [*(t.column(k[0]) for k in keys[t.name].keys if len(k) == 1), *keys_but_for(t, keys[t.name])]
        if _names_a_thing_key(c)
    ]
    candidates: list[Candidate] = []
    for table in tables:
        for child in table.columns:
            if (table.name, child.name) in referencing or not _names_a_thing_key(child) or not _repeats(child):
                continue
            if identifies_own_table(child):
                # (Superstore's order lines by Order ID: the returns, one row an order, are
                # theirs, a semantic link, see `shared_keys`.)
                continue
            for parent in parents:
                if (
                    parent.table == table.name or parent.family != child.family or words(parent.name) != words(child.name)
                    or frozenset({table.name, parent.table}) in linked or partitions(schemas, table.name, parent.table)
                ):
                    continue
                name = name_evidence(child, parent, own_key=True)
                candidates.append(Candidate(child, parent, name, value_specificity(child, parent)))
    if not candidates:
        return []
    check_integrity(con, relations, candidates)
    found: list[Link] = []
    for cand in candidates:
        held = cand.found / (cand.parent.distinct or cand.parent.non_null or 1)
        if cand.best_integrity >= MIN_INTEGRITY or cand.found < MIN_FOUND or held < MIN_PARENT_FOUND:
            continue  # (a link of half the values or more is chosen with the others, or refused there)
        if cand.best_integrity < MIN_CHILD_FOUND:
            continue  # (a selection of the child's things)
        cand.confidence = round(PARTIAL_DISCOUNT * score(held, cand.name, cand.specificity), 4)
        if cand.confidence < ACCEPT:
            continue
        link = link_from(cand)
        link.evidence["partial_parent"] = (
            f"{cand.found:,} of the {cand.parent.distinct or cand.parent.non_null:,} values of {cand.parent.table}"
            f"({cand.parent.name}) are among {cand.child.table}'s, which names many more: a table describing some"
            f" of its things (join it with a LEFT JOIN from {cand.child.table})"
        )
        link.evidence["parent_found_in_child"] = round(held, 4)
        found.append(link)
    return _one_per_child(found)


def _names_a_thing_key(column: ColumnStats) -> bool:
    """An identifier named for a thing (`household_key`, `customer_id`), not a bare `id`,
    which every table names its own rows by."""
    return (
        column.family in ("integer", "string") and column.non_null > 0 and is_key_like(column.name)
        and not is_placeholder(column.name) and bool(entity_words(column.name))
    )


def _repeats(column: ColumnStats) -> bool:
    return column.distinct is not None and column.distinct < column.non_null


def _one_per_child(found: list[Link]) -> list[Link]:
    """The most confident parent of each child column."""
    best: dict[tuple[str, tuple[str, ...]], Link] = {}
    for link in found:
        key = (link.child_table, link.child_columns)
        if key not in best or link.confidence > best[key].confidence:
            best[key] = link
    return list(best.values())
