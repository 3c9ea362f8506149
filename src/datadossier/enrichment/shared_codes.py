"""Unique long codes two tables share in part: the same things, told by the codes themselves.

The SEC writes a filing's accession number, twenty characters `0000320193-23-000106`, as
`accn` in its XBRL frames and as `adsh` in its Financial Statement Data Sets' sub.txt, each
unique in its file. A frame covers every filer of a period, a quarter's sub.txt the filings
of that quarter only: a third of the frame's accession numbers are in sub.txt, under the half
a foreign key needs (`relationships.MIN_INTEGRITY`), and the names say nothing, so the two
files were joined on the company's `cik` alone, each frame value repeated over every 10-Q and
10-K of its filer. Codes that long and of one width meet by no chance (a hash, a UUID, an
accession number): a few of them found on the other side say that the two rows are of one
thing. The link is 1:1, at a lower confidence, its orphans counted (a LEFT JOIN keeps them).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from datadossier.enrichment.model import ColumnStats, Link, TableKeys, TableStats
from datadossier.enrichment.naming import is_placeholder

if TYPE_CHECKING:
    import duckdb

# Codes this wide at least, every value as wide (`relationships.LONG_CODE_WIDTH`): an accession
# number's 20 characters, a UUID's 36, a hash's 32, 40 or 64.
MIN_WIDTH = 20
# At least this many codes found on both sides, and this share of the fewer codes of the two
# columns: a code or two in common may be a stray row (a test record copied into both files).
MIN_FOUND = 3
MIN_SHARE = 0.1
# The confidence of such a link, below that of a link whose values are (nearly) all found:
# only the codes' shape speaks for it (see `partial_parents.PARTIAL_DISCOUNT`).
DISCOUNT = 0.8


def _long_code(table: TableStats, key: tuple[str, ...]) -> ColumnStats | None:
    """The column of a single-column key of text of one long width (`MIN_WIDTH`)."""
    if len(key) != 1:
        return None
    column = table.column(key[0])
    width = column.fixed_length or 0
    return column if column.family == "string" and width >= MIN_WIDTH and not column.nulls else None


def shared_long_codes(
    con: duckdb.DuckDBPyConnection,
    relations: dict[str, str],
    tables: list[TableStats],
    keys: dict[str, TableKeys],
    links: list[Link],
) -> list[Link]:
    """1:1 links between unique long codes of one width of two tables (not parts of one
    dataset), some of them found on both sides but fewer than a foreign key needs (see the
    module doc). Only between columns not linked already, either way."""
    from datadossier.enrichment.relationships import (  # (it builds on this module's caller)
        MIN_INTEGRITY,
        Candidate,
        check_integrity,
        evidence_strength,
        link_from,
        name_evidence,
        partitions,
        schema_of,
        value_specificity,
    )

    linked = {
        frozenset({(link.child_table, link.child_columns), (link.parent_table, link.parent_columns)}) for link in links
    }
    schemas = {t.name: schema_of(t) for t in tables}
    codes = [c for t in tables for k in keys[t.name].keys if (c := _long_code(t, k)) is not None and not is_placeholder(c.name)]
    found: list[Link] = []
    for i, one in enumerate(codes):
        for other in codes[i + 1 :]:
            if (
                one.table == other.table or one.fixed_length != other.fixed_length
                or frozenset({(one.table, (one.name,)), (other.table, (other.name,))}) in linked
                or partitions(schemas, one.table, other.table)
            ):
                continue
            child, parent = _child_and_parent(one, other, keys)
            cand = Candidate(child, parent, name_evidence(child, parent, own_key=True), value_specificity(child, parent))
            check_integrity(con, relations, [cand])
            fewer = min(cand.child_distinct, parent.distinct or parent.non_null)
            if cand.best_integrity >= MIN_INTEGRITY or cand.found < MIN_FOUND or cand.found < MIN_SHARE * fewer:
                continue  # (half the values or more: chosen with the others, or refused there)
            cand.confidence = round(DISCOUNT * evidence_strength(cand.name, cand.specificity), 4)
            link = link_from(cand)
            link.evidence["shared_codes"] = (
                f"{cand.found:,} of the {cand.child_distinct:,} codes of {child.table}({child.name}) and of the"
                f" {parent.distinct or parent.non_null:,} of {parent.table}({parent.name}) are on both sides: codes of"
                f" {child.fixed_length} characters, unique in both tables, meet by no chance; the rest have no row"
                f" on the other side (join it with a LEFT JOIN from {child.table})"
            )
            found.append(link)
    return found


def _child_and_parent(
    one: ColumnStats, other: ColumnStats, keys: dict[str, TableKeys]
) -> tuple[ColumnStats, ColumnStats]:
    """Which side references the other: the parent's code is its table's grain where the
    child's is not (sub.txt by adsh, a frame by its cik); else the side of fewer codes points
    at the other."""
    one_grain = keys[one.table].grain == (one.name,)
    other_grain = keys[other.table].grain == (other.name,)
    if one_grain != other_grain:
        return (other, one) if one_grain else (one, other)
    return (one, other) if (one.distinct or one.non_null) <= (other.distinct or other.non_null) else (other, one)
