"""References into a dataset split over several files, matched against all its parts.

The IRS ships its Business Master File as regional files of one header (eo1.csv ... eo4.csv,
eo_pr.csv), each keyed by EIN; a grants table cites EINs of every region. Matched against
one part at a time, its values held by the other parts would be orphans, and no part alone
might hold enough of them for a link at all. So the parts of one dataset (`partitions`)
keyed by one column, unique over all of them, are read as one parent: a reference's
integrity and orphans are counted against their union, and the reference is linked to
every part that holds some of its values, each link naming the others (``parts_union``:
the tables, and the SQL reading their key whole).

A dataset of one file per period whose key repeats from one period to the next (a county's
assessor roll per tax year, each by PIN, the same parcels in both) is read so too: a listing's
PIN names one row of each year's roll, and linking it to one year alone (the first of a tie)
left the other years "not connected" to it. Its links say that each value may be in several
parts (``repeated_over_parts``): a join onto one part is plain, onto the union by part.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from datadossier.engine import quote_ident
from datadossier.enrichment.model import Link, TableKeys, TableStats

if TYPE_CHECKING:
    import duckdb

    from datadossier.enrichment.relationships import Candidate


@dataclass(frozen=True, slots=True)
class KeyedParts:
    """Parts of one dataset keyed alike: the tables (sorted), their key column and the SQL
    of the union of their rows."""

    tables: tuple[str, ...]
    key: str
    union: str
    # Each part as read beside the others (its numbers written as the others' padded codes,
    # see `parts.as_codes`).
    reads: dict[str, str]
    # The key's values repeat from one part to the next: snapshots of one table per period.
    repeated: bool = False


def keyed_parts(
    con: duckdb.DuckDBPyConnection, tables: list[TableStats], keys: dict[str, TableKeys]
) -> dict[str, KeyedParts]:
    """Each table that is a part of a dataset whose parts share one single-column grain, its
    values unique over all parts or the parts periods (`_periods`), with the group it belongs to."""
    from datadossier.enrichment.parts import as_codes
    from datadossier.enrichment.relationships import partitions, schema_of

    schemas = {t.name: schema_of(t) for t in tables}
    by_name = {t.name: t for t in tables}
    found: dict[str, KeyedParts] = {}
    for table in tables:
        if table.name in found:
            continue
        group = sorted({table.name, *(o.name for o in tables if partitions(schemas, table.name, o.name))})
        grains = {keys[name].grain for name in group}
        if len(group) < 2 or len(grains) != 1:
            continue
        (grain,) = grains
        if grain is None or len(grain) != 1:
            continue
        key = quote_ident(grain[0])
        reads = {name: as_codes(by_name[name]) for name in group}
        union = " UNION ALL ".join(f"SELECT {key} FROM {reads[name]}" for name in group)
        row = con.execute(f"SELECT count(DISTINCT {key}), count(*) FROM ({union})").fetchone()
        repeated = row is None or int(row[0]) != int(row[1])
        if repeated and not _periods(group):
            continue  # (a key repeated over the parts: a file per ticker by date, no one parent)
        parts = KeyedParts(tuple(group), grain[0], f"({union})", reads, repeated)
        found.update(dict.fromkeys(group, parts))
    return found


def _periods(group: list[str]) -> bool:
    """Whether the parts' names differ by periods (digits in each label: roll_2022 and
    roll_2023, a quarter's 2023q1), whose files are snapshots of one table, the same things
    listed in each; not by the ticker or the station a file holds."""
    from datadossier.enrichment.model import bare
    from datadossier.enrichment.parts import part_labels

    names = [bare(name) for name in group]
    labels = part_labels(names)
    return labels != names and all(any(ch.isdigit() for ch in label) for label in labels)


def union_relations(relations: dict[str, str], groups: dict[str, KeyedParts]) -> dict[str, str]:
    """``relations`` with each part keyed alike read as the union of its dataset's keys:
    what a reference into it is checked against."""
    return {name: groups[name].union if name in groups else relation for name, relation in relations.items()}


def onto_parts_key(cand: Candidate, groups: dict[str, KeyedParts]) -> bool:
    """Whether a candidate references the key of a dataset's part, from outside its dataset."""
    parts = groups.get(cand.parent.table)
    return parts is not None and cand.parent.name == parts.key and cand.child.table not in parts.tables


def links_to_every_part(
    con: duckdb.DuckDBPyConnection, relations: dict[str, str], links: list[Link], groups: dict[str, KeyedParts]
) -> list[Link]:
    """``links``, each reference onto a part's key linked to every part of its dataset that
    holds some of its values (the chosen part's link kept first), each with ``parts_union``
    and the values found in its own part (``found_in_part``). A part holding none of them
    gets no link, even the one chosen: every part is as good a parent by the union's integrity,
    and Freddie Mac's Q2 performance file was linked to the Q1 origination file, a join of no
    rows (the first part of a tie wins it, so the Q1 file got no such link onto Q2)."""
    result: list[Link] = []
    for link in links:
        parts = groups.get(link.parent_table)
        if (
            parts is None or link.kind != "foreign_key" or link.parent_columns != (parts.key,)
            or link.child_table in parts.tables
        ):
            result.append(link)
            continue
        noted: dict[str, object] = {"tables": list(parts.tables), "key": parts.key, "union": parts.union[1:-1]}
        if parts.repeated:
            noted["repeated_over_parts"] = (
                f"a value of {parts.key} may be in every part (one row a part): join one part, or the union by its part"
            )
        held = _held_by_part(con, relations, link, parts)
        holding = [name for name in (link.parent_table, *(t for t in parts.tables if t != link.parent_table)) if held[name]]
        for name in holding or [link.parent_table]:
            evidence = {**link.evidence, "parts_union": noted, "found_in_part": held[name]}
            result.append(replace(link, parent_table=name, evidence=evidence))
    return result


def _held_by_part(
    con: duckdb.DuckDBPyConnection, relations: dict[str, str], link: Link, parts: KeyedParts
) -> dict[str, int]:
    """How many distinct values of a reference each part of its parent's dataset holds."""
    column = quote_ident(link.child_columns[0])
    key = quote_ident(parts.key)
    cast = bool(link.evidence.get("compared_as_numbers"))
    on = f"TRY_CAST(c.v AS BIGINT) = TRY_CAST(p.{key} AS BIGINT)" if cast else f"c.v = p.{key}"
    held: dict[str, int] = {}
    for name in parts.tables:
        row = con.execute(
            f"SELECT count(*) FROM (SELECT DISTINCT {column} AS v FROM {relations[link.child_table]}"
            f" WHERE {column} IS NOT NULL) c SEMI JOIN {parts.reads[name]} p ON {on}"
        ).fetchone()
        held[name] = int(row[0]) if row else 0
    return held
