"""Join paths between two tables over the relationship graph, with their traps.

Tables are nodes; each foreign key (a composite one counts once) is an edge that can be walked
both ways: from child to parent it keeps the row count (n:1), from parent to child it
multiplies rows (1:n, fan-out). Paths are simple (no table twice), at most ``max_hops`` long,
ranked by length, then by the product of the edges' confidences (confirmed edges count as
1). A path that goes n:1 into a table and then 1:n out of it joins two "many" sides through
a shared "one": a chasm trap, where each row of one side pairs with every related row of the
other. A path that goes 1:n out of a table and n:1 back to one the table links to directly
is a detour: it counts far less than the direct link.
"""

from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass, field
from typing import Any

from datadossier.engine import quote_ident
from datadossier.enrichment.normalized import (
    NORMALIZATIONS,
    Normalization,
    describe,
    normalizations_of,
    normalized_key,
    without_punctuation,
)
from datadossier.store.domain import RelationshipInfo

MAX_PATHS_EXPLORED = 20_000
# Walking from a parent to a child that holds fewer than this share of its values, a path
# says the join is optional (Superstore's orders to their returns: 9% of the orders).
_OPTIONAL_COVERAGE = 0.5
# A detour's confidence is multiplied by this: Chargebee's customers reach their
# subscriptions directly, and through their invoices only with each subscription once per
# invoice (MRR summed 6.7 times over) and without those never invoiced.
_DETOUR_PENALTY = 0.5


@dataclass(frozen=True, slots=True)
class ListedItems:
    """How a list column's values split into the references they hold."""

    separator: str
    written_out: bool
    numbers: bool  # items compared as BIGINT
    # The child's values, and how many of them list several items (None: not counted).
    values: int | None = None
    several: int | None = None

    def sql(self, column_sql: str) -> str:
        from datadossier.profiling.lists import items_sql

        items = items_sql(column_sql, self.separator, self.written_out)
        return f"list_transform({items}, lambda x: TRY_CAST(x AS BIGINT))" if self.numbers else items

    @classmethod
    def of(cls, evidence: dict[str, Any]) -> ListedItems | None:
        listed = evidence.get("list_items")
        if not isinstance(listed, dict):
            return None
        shape: dict[str, Any] = listed  # pyright: ignore[reportUnknownVariableType]
        values, several = shape.get("values"), shape.get("several")
        return cls(
            str(shape.get("separator", ",")), bool(shape.get("written_out")), bool(shape.get("numbers")),
            values if isinstance(values, int) else None, several if isinstance(several, int) else None,
        )


@dataclass(frozen=True, slots=True)
class Link:
    """A stored reference and what its evidence says, whichever way a path walks it."""

    child: str
    child_columns: tuple[str, ...]
    parent: str
    parent_columns: tuple[str, ...]
    cardinality: str  # child to parent: 'n:1', '1:n', '1:1', 'n:m'
    confidence: float
    relationship_id: str
    # The share of the child's distinct values found in the parent, as written and once normalized.
    integrity: float | None
    normalized_integrity: float | None = None
    mixed_types: bool = False
    # The share of the parent's values the child holds (None when unknown), and how many it lacks.
    coverage: float | None = None
    unmatched: int = 0
    # Values of the parent's key that stand on more than one of its rows (a key but for a few).
    parent_repeats: int = 0
    # The child's values list several parents: how to split them (see `enrichment.listed`).
    items: ListedItems | None = None
    # Each side's rows without a value in the link's columns (a child's without a reference, a
    # parent's empty on a sparse key), and all its rows: an inner join drops the empty ones.
    child_nulls: int = 0
    child_rows: int = 0
    parent_nulls: int = 0
    parent_rows: int = 0
    # Orphan values that are keys of the parent's rows held in its quarantine layer.
    quarantined: int = 0
    # The child's rows whose reference has no parent (the join's own orphans).
    orphan_rows: int = 0
    # The slips its values show, which a normalizing join undoes (see `normalized`), and the
    # labels written before its values ("Player Id: ") or the prefix one side writes ("N")
    # when it undoes those.
    normalizations: tuple[Normalization, ...] = NORMALIZATIONS
    labels: tuple[str, ...] = ()
    prefix: str = ""
    # A few of the child's values without a parent, as written.
    orphan_examples: tuple[str, ...] = ()
    # Of those, the values and rows that match once punctuation is ignored too, and one of
    # them beside its parent's value ("CALPINE ENERGY SERVICES LP", "Calpine Energy Services, L.P.").
    punctuation_found: int = 0
    punctuation_rows: int = 0
    punctuation_example: tuple[str, ...] = ()
    # Unique long codes both tables hold in part (see `shared_codes`): rows of one thing.
    shared_codes: bool = False


@dataclass(frozen=True, slots=True)
class Step:
    """One join: ``from_table`` (already in the query) to ``to_table`` (joined), a `Link`
    walked from its child to its parent or back. What the link's evidence says of one side
    only (the parent's coverage, the child's orphans) is said by the step that leaves that
    side: zero or None on the other."""

    link: Link
    # Whether ``from_table`` is the link's child (the side whose orphans `integrity` counts).
    from_child: bool
    cardinality: str  # 'n:1', '1:n', '1:1', 'n:m' in walking direction

    @property
    def from_table(self) -> str:
        return self.link.child if self.from_child else self.link.parent

    @property
    def from_columns(self) -> tuple[str, ...]:
        return self.link.child_columns if self.from_child else self.link.parent_columns

    @property
    def to_table(self) -> str:
        return self.link.parent if self.from_child else self.link.child

    @property
    def to_columns(self) -> tuple[str, ...]:
        return self.link.parent_columns if self.from_child else self.link.child_columns

    @property
    def confidence(self) -> float:
        return self.link.confidence

    @property
    def relationship_id(self) -> str:
        return self.link.relationship_id

    @property
    def integrity(self) -> float | None:
        return self.link.integrity

    @property
    def normalized_integrity(self) -> float | None:
        return self.link.normalized_integrity

    @property
    def mixed_types(self) -> bool:
        return self.link.mixed_types

    @property
    def items(self) -> ListedItems | None:
        return self.link.items

    @property
    def normalizations(self) -> tuple[Normalization, ...]:
        return self.link.normalizations

    @property
    def labels(self) -> tuple[str, ...]:
        return self.link.labels

    @property
    def prefix(self) -> str:
        return self.link.prefix

    @property
    def punctuation_found(self) -> int:
        return self.link.punctuation_found

    @property
    def punctuation_rows(self) -> int:
        return self.link.punctuation_rows

    @property
    def punctuation_example(self) -> tuple[str, ...]:
        return self.link.punctuation_example

    @property
    def coverage(self) -> float | None:
        """From the parent's side: the share of its values the child holds."""
        return None if self.from_child else self.link.coverage

    @property
    def unmatched(self) -> int:
        """From the parent's side: how many of its values the child lacks."""
        return 0 if self.from_child else self.link.unmatched

    @property
    def parent_repeats(self) -> int:
        return self.link.parent_repeats if self.from_child else 0

    @property
    def empty_rows(self) -> int:
        """The rows of ``from_table`` without a value in ``from_columns``: an inner join drops them."""
        return self.link.child_nulls if self.from_child else self.link.parent_nulls

    @property
    def rows(self) -> int:
        return self.link.child_rows if self.from_child else self.link.parent_rows

    @property
    def to_empty_rows(self) -> int:
        """Of a step from the parent: the child's rows without a reference, which it never reaches."""
        return 0 if self.from_child else self.link.child_nulls

    @property
    def to_rows(self) -> int:
        return 0 if self.from_child else self.link.child_rows

    @property
    def quarantined(self) -> int:
        return self.link.quarantined if self.from_child else 0

    @property
    def orphan_rows(self) -> int:
        return self.link.orphan_rows if self.from_child else 0

    @property
    def orphan_examples(self) -> tuple[str, ...]:
        return self.link.orphan_examples if self.from_child else ()

    def as_json(self) -> dict[str, Any]:
        return {
            "cardinality": self.cardinality,
            "from_columns": list(self.from_columns),
            "from_table": self.from_table,
            "relationship_id": self.relationship_id,
            "to_columns": list(self.to_columns),
            "to_table": self.to_table,
        }


@dataclass(slots=True)
class JoinPath:
    steps: list[Step]
    confidence: float
    warnings: list[str] = field(default_factory=list[str])
    sql: str = ""
    # The fan-outs the path takes and comes back from to a table its start links to directly
    # (see `detours`): each the step out and the step back.
    detours: list[tuple[Step, Step]] = field(default_factory=list[tuple[Step, Step]])

    @property
    def cardinality(self) -> str:
        kinds = {s.cardinality for s in self.steps}
        if ("1:n" in kinds and "n:1" in kinds) or "n:m" in kinds:
            return "n:m"
        if "1:n" in kinds:
            return "1:n"
        if "n:1" in kinds:
            return "n:1"
        return "1:1"


def _coverage(evidence: dict[str, Any]) -> float | None:
    """The share of the parent's values that the child holds (Superstore's returns hold 60
    of 666 orders), from a link's evidence: of the values found once normalized, where the
    join normalizes."""
    found, parent = evidence.get("found_in_parent_normalized", evidence.get("found_in_parent")), evidence.get("parent_distinct")
    if not isinstance(found, int) or not isinstance(parent, int) or parent <= 0:
        return None
    return min(1.0, found / parent)


def _unmatched(evidence: dict[str, Any]) -> int:
    """The parent's distinct values the child lacks, from a link's evidence (of those found once
    normalized, where the join normalizes): PJM's day-ahead hour whose real-time hour is missing."""
    found, parent = evidence.get("found_in_parent_normalized", evidence.get("found_in_parent")), evidence.get("parent_distinct")
    if not isinstance(found, int) or not isinstance(parent, int):
        return 0
    return max(0, parent - found)


def _links(relationships: list[RelationshipInfo]) -> list[Link]:
    links: list[Link] = []
    for r in relationships:
        if r.status == "rejected" or r.relationship_type == "bridge":
            continue
        links.append(
            Link(
                child=r.from_table,
                child_columns=tuple(r.from_columns),
                parent=r.to_table,
                parent_columns=tuple(r.to_columns),
                cardinality=r.cardinality or "n:1",
                confidence=1.0 if r.status == "confirmed" else r.confidence,
                relationship_id=str(r.relationship_id),
                integrity=r.evidence.get("integrity"),
                normalized_integrity=r.evidence.get("normalized_integrity"),
                mixed_types=bool(r.evidence.get("compared_as_numbers")),
                coverage=_coverage(r.evidence),
                unmatched=_unmatched(r.evidence),
                parent_repeats=int(r.evidence.get("parent_repeats") or 0),
                items=ListedItems.of(r.evidence),
                child_nulls=int(r.evidence.get("child_nulls") or 0),
                child_rows=int(r.evidence.get("child_rows") or 0),
                parent_nulls=int(r.evidence.get("parent_nulls") or 0),
                parent_rows=int(r.evidence.get("parent_rows") or 0),
                quarantined=int(r.evidence.get("orphans_in_quarantine") or 0),
                orphan_rows=int(r.evidence.get("orphan_rows") or 0),
                normalizations=normalizations_of(r.evidence),
                labels=tuple(str(label) for label in r.evidence.get("labels") or ()),
                prefix=str(r.evidence.get("prefix") or ""),
                orphan_examples=tuple(str(v) for v in r.evidence.get("orphan_examples") or () if not isinstance(v, list)),
                punctuation_found=int(r.evidence.get("found_ignoring_punctuation") or 0),
                punctuation_rows=int(r.evidence.get("rows_found_ignoring_punctuation") or 0),
                punctuation_example=tuple(str(v) for v in r.evidence.get("punctuation_example") or ()),
                shared_codes="shared_codes" in r.evidence,
            )
        )
    return links


def _walks(links: list[Link]) -> dict[str, list[Step]]:
    """Each table's possible next steps, in both directions of every link."""
    out: dict[str, list[Step]] = {}
    # Each way's cardinality: a foreign key is n:1 towards its parent; a reference onto a
    # column that repeats (see `relationships.shared_keys`) is 1:n, or n:m when the child
    # repeats too (trips and the points of their shapes): rows multiply either way.
    ways = {"1:1": ("1:1", "1:1"), "1:n": ("1:n", "n:1"), "n:m": ("n:m", "n:m")}
    for link in links:
        forward, backward = ways.get(link.cardinality, ("n:1", "1:n"))
        out.setdefault(link.child, []).append(Step(link, True, forward))
        out.setdefault(link.parent, []).append(Step(link, False, backward))
    return out


def find_paths(
    relationships: list[RelationshipInfo], from_table: str, to_table: str, *, max_hops: int = 4, k: int = 3
) -> list[JoinPath]:
    """Up to ``k`` best simple paths from one table to another (see the module doc)."""
    walks = _walks(_links(relationships))
    found: list[JoinPath] = []
    explored = 0
    if from_table == to_table:
        # A table to itself: its self-references (employee -> manager).
        for step in walks.get(from_table, []):
            if step.to_table == from_table and step.cardinality != "1:n":
                found.append(JoinPath([step], step.confidence))
    else:
        # Breadth first: shorter paths come out first, so the search can stop once k paths
        # are found and only longer ones remain.
        queue: deque[tuple[str, list[Step]]] = deque([(from_table, [])])
        while queue and explored < MAX_PATHS_EXPLORED:
            table, steps = queue.popleft()
            explored += 1
            if len(found) >= k and len(steps) > len(found[k - 1].steps):
                break
            if table == to_table:
                confidence = 1.0
                for s in steps:
                    confidence *= s.confidence
                found.append(JoinPath(list(steps), round(confidence, 4)))
                continue
            if len(steps) >= max_hops:
                continue
            visited = {from_table, *(s.to_table for s in steps)}
            for step in walks.get(table, []):
                if step.to_table not in visited:
                    queue.append((step.to_table, [*steps, step]))
    linked = {(step.from_table, step.to_table) for steps in walks.values() for step in steps}
    for path in found:
        path.detours = detours(path, linked)
        if path.detours:
            path.confidence = round(path.confidence * _DETOUR_PENALTY ** len(path.detours), 4)
    found.sort(key=lambda p: (len(p.steps), -round(p.confidence * kept_share(p), 4), [s.relationship_id for s in p.steps]))
    result = found[:k]
    for path in result:
        path.warnings = warnings(path) + other_ways_in(path, walks)
        path.sql = join_sql(path)
    return result


def other_ways_in(path: JoinPath, walks: dict[str, list[Step]]) -> list[str]:
    """The other references between a step's two tables, where the step drops orphan rows
    (another from its side may reach them: FedEx's invoice lines reach the orders on a tracking
    id that Excel rounded on 53 of them, and on Reference 1, the order number, as well) or fans
    out where unique codes both tables hold in part match a row to one row (an XBRL frame
    reaches the SEC's sub.txt on the filer's cik, every filing of the company, and on its
    accession number, the one filing). Not any other reference: a department's manager_id
    names one employee, not its staff."""
    notes: list[str] = []
    for step in path.steps:
        fans_out, orphans = step.cardinality == "1:n", step.from_child and step.orphan_rows > 0
        if not (fans_out or orphans):
            continue
        for other in walks.get(step.from_table, []):
            if other.to_table != step.to_table or other.from_columns == step.from_columns:
                continue
            exact = fans_out and other.cardinality in ("1:1", "n:1") and other.link.shared_codes
            if exact or (orphans and other.from_child):
                notes.append(_another_way_in(step, other, exact))
    return notes


def _another_way_in(step: Step, other: Step, exact: bool) -> str:
    matched = f" ({100 * other.integrity:.1f}% of its values match)" if other.integrity is not None else ""
    said = f"Another way in: {step.from_table}({', '.join(other.from_columns)}) also links to {step.to_table}({', '.join(other.to_columns)})"
    if exact:
        return (
            f"{said}, {other.cardinality}{matched}; it matches a row to one row without this join's fan-out (join on it"
            " where it matches)."
        )
    return f"{said}{matched}; it may reach the rows this join drops (join on it as well, or fall back to it where this one finds nothing)."


def kept_share(path: JoinPath) -> float:
    """The share of the rows a path keeps past the empty values it joins on, step by step:
    it ranks paths alike otherwise, so USAspending's contracts reach their recipients on the
    recipient_uei every row holds before the legacy recipient_duns, blank since 2022."""
    share = 1.0
    for step in path.steps:
        if step.rows:
            share *= 1 - step.empty_rows / step.rows
    return share


def detours(path: JoinPath, linked: set[tuple[str, str]]) -> list[tuple[Step, Step]]:
    """The turns of a path that fan out of a table to many rows of another and come back n:1
    to a table the first links to directly (Chargebee's customers to their invoices, and on to
    the invoices' subscriptions, where each customer's subscriptions are one join away): the
    rows are the middle table's, so the last table's rows repeat and those the middle table
    never names are lost."""
    return [
        (out, back) for out, back in zip(path.steps, path.steps[1:], strict=False)
        if out.cardinality == "1:n" and back.cardinality == "n:1" and back.to_table != out.from_table
        and (out.from_table, back.to_table) in linked
    ]


def _detour_note(out: Step, back: Step) -> str:
    start, middle, end = out.from_table, out.to_table, back.to_table
    return (
        f"Detour: {start} links to {end} directly, but this path goes through {middle}: each {end} row"
        f" repeats once per {middle} row that names it (sums of {end}'s measures multiply), and {end} rows"
        f" without a {middle} row are lost; join {start} to {end} directly unless one row per {middle} row"
        " is meant."
    )


def warnings(path: JoinPath) -> list[str]:
    """Fan-out, chasm traps and orphans along a path, said so an agent knows what to do."""
    notes: list[str] = [_detour_note(out, back) for out, back in path.detours]
    traps = {id(step) for step in chasm_exits(path)}
    previous: Step | None = None
    for step in path.steps:
        if step.items is not None and not step.link.parent_repeats:
            notes.append(_listed_fan_out(step))
        elif step.cardinality == "n:m":
            notes.append(
                f"Fan-out: values of {step.from_table}({', '.join(step.from_columns)}) repeat on both sides, so a"
                f" {step.from_table} row meets each {step.to_table} row with its value and rows multiply; aggregate"
                f" {step.to_table} to one row per value first (or count distinct keys) before summing measures of"
                f" {step.from_table}."
            )
        if step.cardinality == "1:n":
            notes.append(
                f"Fan-out: each {step.from_table} row matches many {step.to_table} rows, so rows multiply; "
                f"aggregate {step.to_table} first (or count distinct keys) before summing measures of {step.from_table}."
            )
            if id(step) in traps:
                notes.append(
                    f"Chasm trap at {step.from_table}: both sides are many-to-one onto it, so every related row "
                    "of one side pairs with every related row of the other; aggregate each side to "
                    f"{step.from_table}'s key before joining them."
                )
        if step.items is not None:
            child, column = (step.from_table, step.from_columns[0]) if step.from_child else (step.to_table, step.to_columns[0])
            notes.append(
                f"Lists: each value of {child}({column}) is a list of references{_several(step.items)}, so the join"
                f" tests membership (list_contains) and a {child} row meets each row it names; unnest the items to count by them."
            )
        if step.parent_repeats and step.from_child:
            notes.append(
                f"Repeats: {step.parent_repeats:,} value{'s' if step.parent_repeats > 1 else ''} of"
                f" {step.to_table}({', '.join(step.to_columns)}) stand on more than one of its rows, so a"
                f" {step.from_table} row with one of them is joined to each; keep one {step.to_table} row per"
                " value first (or check which is meant)."
            )
        if step.coverage is not None and step.coverage < _OPTIONAL_COVERAGE:
            notes.append(
                f"Optional: only {100 * step.coverage:.1f}% of the values of {step.from_table}"
                f"({', '.join(step.from_columns)}) appear in {step.to_table}; an inner JOIN keeps only those rows,"
                f" a LEFT JOIN from {step.from_table} keeps them all."
            )
        # (Arrived on more columns than it leaves on: StatsBomb's events reached from the lineups
        # on (match_id, player_id) and left on player_id; none reached lacks a player.)
        passed_through = previous is not None and set(step.from_columns) <= set(previous.to_columns)
        if not _passed_counted(previous, step):
            notes += _unmatched_notes(step)  # (else counted on the rows of the table it came from)
        notes += _empty_notes(step, passed_through=passed_through)
        previous = step
        if step.integrity is not None and (step.integrity < 0.99 or _drops_orphan_rows(step)):
            side, columns = (step.from_table, step.from_columns) if step.from_child else (step.to_table, step.to_columns)
            # (Counted on the values the SQL joins: normalized ones, where it normalizes.)
            joined = step.normalized_integrity if _normalizes(step) and step.normalized_integrity is not None else step.integrity
            if joined < 0.99 or _drops_orphan_rows(step):
                rows = f" ({step.orphan_rows:,} row{'s' if step.orphan_rows > 1 else ''})" if step.from_child and step.orphan_rows else ""
                notes.append(
                    f"Orphans: {_share(1 - joined)} of the distinct values of {side}"
                    f"({', '.join(columns)}) have no match{rows}; an inner JOIN drops those rows, "
                    + (
                        "a LEFT JOIN keeps them." if step.from_child
                        # (The path meets the child from its parent: a LEFT JOIN would keep the
                        # parents without children, not these.)
                        else f"a RIGHT JOIN keeps them (or start from {side})."
                    )
                    + _orphans_cause(step)
                )
            if step.from_child and step.quarantined:
                notes.append(
                    f"Quarantined parents: {step.quarantined:,} of those values are keys of {step.to_table} rows held in"
                    f" its quarantine layer (a value of theirs failed its type), not missing ones: fix those rows or the"
                    f" column's type (set_column_type) to join them."
                )
            if _normalizes(step):
                notes.append(
                    f"{100 * (step.integrity):.1f}% match as written, {100 * (step.normalized_integrity or 0.0):.1f}%"
                    f" once {_ignored(step)}: the SQL joins on the values so normalized (slower than on the values as written)."
                )
            elif step.normalized_integrity is not None and step.normalized_integrity > step.integrity:
                notes.append(
                    f"{100 * step.normalized_integrity:.1f}% match once {_ignored(step)}: join on"
                    f" {normalized_key('...', step.normalizations, step.prefix)} of both sides to keep them."
                )
            notes += _punctuation_notes(step)
    return notes


# A number a spreadsheet wrote in scientific notation: "5.56035E+11", a 12-digit id rounded.
_SCIENTIFIC = re.compile(r"[+-]?[0-9](\.[0-9]+)?[eE][+-]?[0-9]+")


def _orphans_cause(step: Step) -> str:
    """Why a step's orphans have no match, where their examples show it: ids a spreadsheet
    wrote in scientific notation (FedEx's tracking ids saved through Excel as 5.56035E+11)."""
    if step.orphan_examples and all(_SCIENTIFIC.fullmatch(v.strip()) for v in step.orphan_examples):
        return (
            f" They are written in scientific notation ({step.orphan_examples[0]}): a spreadsheet rounded those ids,"
            " and the digits it dropped cannot be joined back; reach those rows through another column."
        )
    return ""


def _counted_in_duckdb(step: Step) -> bool:
    """Whether the rows a step's unmatched values drop, passed through, are counted in DuckDB
    (`passed_unmatched`): of steps joining as written."""
    return step.items is None and not _normalizes(step)


def passed_unmatched(path: JoinPath) -> list[tuple[Step, Step]]:
    """The 1:1 steps out of a table the path passes through on the columns it arrived on whose
    values the next table lacks, each with the step before: the rows dropped are those of the
    table the path came from, not of the one passed through (IPEDS completions reach the
    Scorecard through the institutions, 7% of which it lacks, though none that the
    completions name)."""
    return [
        (before, step) for before, step in zip(path.steps, path.steps[1:], strict=False)
        if _unmatched_notes(step) and _passed_counted(before, step)
    ]


def _passed_counted(before: Step | None, step: Step) -> bool:
    """Whether a step leaves the table it passes through on the columns the path arrived on,
    both steps joining as written, so that the rows its unmatched values drop are counted in
    DuckDB on the table the path came from (`passed_unmatched`); else its own note says them."""
    return (
        before is not None and set(step.from_columns) <= set(before.to_columns)
        and _counted_in_duckdb(step) and _counted_in_duckdb(before)
    )


def passed_unmatched_sql(before: Step, step: Step) -> str:
    """How many rows of ``before``'s table reach the table passed through with a value the
    next table lacks (see `passed_unmatched`)."""
    arrived = dict(zip(before.to_columns, before.from_columns, strict=True))
    reached = _step_meets(before, "b", "m")
    met = " AND ".join(
        _equals(f"b.{quote_ident(arrived[c])}", f"t.{quote_ident(d)}", step.mixed_types)
        for c, d in zip(step.from_columns, step.to_columns, strict=True)
    )
    return (
        f"SELECT count(*) FROM {relation_name(before.from_table)} AS b"
        f" WHERE EXISTS (SELECT 1 FROM {relation_name(before.to_table)} AS m WHERE {reached})"
        f" AND NOT EXISTS (SELECT 1 FROM {relation_name(step.to_table)} AS t WHERE {met})"
    )


def note_passed_unmatched(path: JoinPath, before: Step, step: Step, rows: int) -> None:
    """Say of a path how many rows of the table it came from a step passed through drops (none:
    nothing said)."""
    if rows:
        several = rows > 1
        path.warnings.append(
            f"Unmatched: {rows:,} row{'s' if several else ''} of {before.from_table} reach{'' if several else 'es'}"
            f" {step.from_table} with a {', '.join(step.from_columns)} that has no row in {step.to_table}; an inner"
            f" JOIN drops {'them' if several else 'it'}, a LEFT JOIN keeps {'them' if several else 'it'}."
        )


def _listed_fan_out(step: Step) -> str:
    """The fan-out of a list join onto a parent's unique key: rows multiply by the items of a
    list, not by the parent, which has one row per item (MoMA's artworks listing two artists'
    ConstituentIDs meet two Artists rows; aggregating the artists would change nothing)."""
    if step.from_child:
        return (
            f"Fan-out: a {step.from_table} row whose {', '.join(step.from_columns)} lists k references meets k"
            f" {step.to_table} rows (one per item; {step.to_table} has one row per value), so measures of"
            f" {step.from_table} repeat k times: count distinct {step.from_table} keys, or share its measures"
            " among the items, before summing."
        )
    return (
        f"Fan-out: each {step.from_table} row meets every {step.to_table} row whose {', '.join(step.to_columns)}"
        f" lists it, so rows multiply, and a {step.to_table} row listing k references is met k times across"
        f" {step.from_table}: aggregate {step.to_table} by item first (or count distinct keys) before summing measures."
    )


def _several(items: ListedItems) -> str:
    """How many of a list column's values list several references, where counted."""
    if items.values is None or items.several is None:
        return ""
    return f" ({items.several:,} of {items.values:,} list several)"


def _unmatched_notes(step: Step) -> list[str]:
    """The rows a 1:1 step walked from its parent's side drops: values of the parent the child
    lacks, however few (PJM's day-ahead prices joined to the real-time ones, one real-time hour
    missing). Fewer than half held is said as optional instead."""
    if step.from_child or step.cardinality != "1:1" or not step.unmatched or step.coverage is None:
        return []
    if step.coverage < _OPTIONAL_COVERAGE:
        return []
    several = step.unmatched > 1
    return [
        f"Unmatched: {step.unmatched:,} value{'s' if several else ''} of {step.from_table}({', '.join(step.from_columns)})"
        f" ({_share(1 - step.coverage)}) {'have' if several else 'has'} no row in {step.to_table}; an inner JOIN drops"
        f" {'those rows' if several else 'that row'}, a LEFT JOIN from {step.from_table} keeps {'them' if several else 'it'}."
    ]


def _punctuation_notes(step: Step) -> list[str]:
    """The orphans of a step that match once punctuation is ignored too: legal entities'
    names, a blotter's "CALPINE ENERGY SERVICES LP" beside the counterparty register's
    "Calpine Energy Services, L.P.", which a join ignoring case alone leaves out."""
    if not step.punctuation_found:
        return []
    child, columns = (step.from_table, step.from_columns) if step.from_child else (step.to_table, step.to_columns)
    parent_columns = step.to_columns if step.from_child else step.from_columns
    several = step.punctuation_found > 1
    rows = f" ({step.punctuation_rows:,} row{'s' if step.punctuation_rows > 1 else ''})" if step.punctuation_rows else ""
    example = ""
    if len(step.punctuation_example) == 2:
        example = f' ("{step.punctuation_example[0]}" and "{step.punctuation_example[1]}")'
    return [
        f"Punctuation: {step.punctuation_found:,} of those value{'s' if several else ''} of {child}({', '.join(columns)}){rows}"
        f" {'match' if several else 'matches'} once case, spaces and punctuation are ignored{example}: join on"
        f" {without_punctuation(quote_ident(columns[0]))} = {without_punctuation(quote_ident(parent_columns[0]))}"
        " to keep them (only where such names cannot be two things)."
    ]


def _empty_notes(step: Step, *, passed_through: bool = False) -> list[str]:
    """The rows either side of a step loses to empty values of the columns it joins on, at
    any step of a path: USAspending's assistance awards reach their recipients, and on to
    the contracts through recipient_duns, blank for a quarter of recipients and contracts.
    Not of a table the path passes through on the columns it arrived on (``passed_through``):
    a carrier's tracking events reach the invoices through the orders' Tracking Number, and
    the orders without one were never reached."""
    notes: list[str] = []
    if step.empty_rows and step.rows and not passed_through:
        notes.append(
            f"Empty references: {step.empty_rows:,} rows of {step.from_table} ({_share(step.empty_rows / step.rows)})"
            f" have no {_key_said(step.from_columns)}; an inner JOIN drops them, a LEFT JOIN keeps them."
        )
    if step.to_empty_rows and step.to_rows:
        notes.append(
            f"Empty references: {step.to_empty_rows:,} rows of {step.to_table} ({_share(step.to_empty_rows / step.to_rows)})"
            f" have no {_key_said(step.to_columns)}, so this join never reaches them; start from {step.to_table}"
            " (or join another column) to count them."
        )
    return notes


def _share(part: float) -> str:
    """A share of values or rows lost, as a percentage: never 0.0% of something lost (PJM's
    one real-time hour missing of 3,672 day-ahead hours is "<0.1%")."""
    return "<0.1%" if 0 < part < 0.0005 else f"{100 * part:.1f}%"


def _key_said(columns: tuple[str, ...]) -> str:
    """The columns a join compares, as empty: a composite key loses a row to any part empty."""
    return " or ".join(columns)


def _ignored(step: Step) -> str:
    """What a normalizing step ignores, in words: only the slips its values show (menu names
    differing in case and trailing spaces are told nothing of DOI resolvers)."""
    words = describe(step.normalizations, step.labels, step.prefix)
    return f"{words} {'is' if len(step.normalizations) == 1 else 'are'} ignored"


def _drops_orphan_rows(step: Step) -> bool:
    """Whether the child's rows the join drops are counted, however few: SynPUF's two
    inpatient claims without a beneficiary are 0.4% of the values, but an inner join still
    leaves their cost out of every total."""
    return step.from_child and step.orphan_rows > 0


def chasm_exits(path: JoinPath) -> list[Step]:
    """The one-to-many steps out of a table both sides of a path point at (a chasm trap), also
    past 1:1 steps from where the many-to-one side arrived: StatsBomb's lineups reach the
    Transfermarkt players through a crosswalk of ids (n:1, then 1:1), and the appearances leave
    them 1:n. One trap per turn, however far the fan-out goes."""
    exits: list[Step] = []
    seen_many_to_one = False
    for step in path.steps:
        if step.cardinality == "1:n" and seen_many_to_one:
            exits.append(step)
            seen_many_to_one = False
        if step.cardinality == "n:1":
            seen_many_to_one = True
    return exits


def meeting_sides(path: JoinPath) -> list[tuple[Step, Step]]:
    """The steps on each side of every table both sides of a path point at (a chasm, see
    `warnings`): the many-to-one step into it and the one-to-many step out."""
    return [
        (before, after) for before, after in zip(path.steps, path.steps[1:], strict=False)
        if before.cardinality == "n:1" and after.cardinality == "1:n" and after.items is None  # (lists: not by equality)
    ]


def disjoint_sides_sql(before: Step, after: Step) -> str:
    """How many values the two sides of a meeting point share (zero: the path joins nothing).

    Sides that meet the table on other columns (a settlement's sku and the orders' asin, both
    on the inventory) share no value however many rows they join: the rows of the meeting
    table that both reach are counted then (one is enough)."""
    if before.to_columns == after.from_columns:
        left = ", ".join(quote_ident(c) for c in before.from_columns)
        right = ", ".join(quote_ident(c) for c in after.to_columns)
        return (
            f"SELECT count(*) FROM (SELECT DISTINCT {left} FROM {relation_name(before.from_table)}"
            f" INTERSECT SELECT DISTINCT {right} FROM {relation_name(after.to_table)})"
        )
    reached_by_before = _step_meets(before, "b", "m")
    reached_by_after = _step_meets(after, "m", "a")
    return (
        f"SELECT count(*) FROM (SELECT 1 FROM {relation_name(before.to_table)} AS m"
        f" WHERE EXISTS (SELECT 1 FROM {relation_name(before.from_table)} AS b WHERE {reached_by_before})"
        f" AND EXISTS (SELECT 1 FROM {relation_name(after.to_table)} AS a WHERE {reached_by_after}) LIMIT 1)"
    )


def note_disjoint(path: JoinPath, before: Step, after: Step) -> None:
    """Say of a path whose two sides share no value at a meeting point that it returns no rows
    (Instacart's train and prior order lines both point at its orders, never the same ones)."""
    path.warnings.insert(
        0,
        f"Empty: no value of {before.from_table}({', '.join(before.from_columns)}) is also in"
        f" {after.to_table}({', '.join(after.to_columns)}): both point at {before.to_table} but at"
        " none of the same rows, so this path returns no rows; join through another table, or not at all."
        if before.to_columns == after.from_columns
        else f"Empty: no row of {before.to_table} is reached both by {before.from_table}({', '.join(before.from_columns)})"
        f" and by {after.to_table}({', '.join(after.to_columns)}), so this path returns no rows; join through another"
        " table, or not at all.",
    )


# A join on the values as written keeps this much less than one on normalized values: the
# SQL joins on the normalized ones (`normalized_key`).
_NORMALIZED_GAIN = 0.05


def joins_normalized(integrity: float | None, normalized_integrity: float | None) -> bool:
    """Whether a single-column link's join runs on normalized values (`normalized_key`): its
    orphans are then those left once normalized."""
    return integrity is not None and normalized_integrity is not None and normalized_integrity >= integrity + _NORMALIZED_GAIN


def _normalizes(step: Step) -> bool:
    return (
        step.items is None and len(step.from_columns) == 1 and joins_normalized(step.integrity, step.normalized_integrity)
    )


def _step_meets(step: Step, left: str, right: str) -> str:
    """SQL: a step's columns equal, its ``from_table``'s under the alias ``left``, its
    ``to_table``'s under ``right``."""
    return " AND ".join(
        _equals(f"{left}.{quote_ident(a)}", f"{right}.{quote_ident(b)}", step.mixed_types)
        for a, b in zip(step.from_columns, step.to_columns, strict=True)
    )


def _equals(left: str, right: str, mixed: bool) -> str:
    return f"TRY_CAST({left} AS BIGINT) = TRY_CAST({right} AS BIGINT)" if mixed else f"{left} = {right}"


# DuckDB's keywords of up to four letters that an alias cannot be (DuckDB 2.0's
# duckdb_keywords(), reserved and column-name ones): aqs_sites' initials are "as".
_KEYWORDS = frozenset({
    "all", "and", "anti", "any", "as", "asc", "asof", "at", "bit", "both", "by", "case", "cast", "char", "dec",
    "desc", "do", "else", "end", "for", "from", "full", "glob", "in", "int", "into", "is", "join", "left",
    "like", "map", "none", "not", "null", "on", "only", "or", "out", "real", "row", "semi", "show", "some",
    "then", "time", "to", "trim", "true", "when", "with",
})


def _alias(table: str, used: set[str]) -> str:
    name = table.split(".", 1)[-1]
    base = "".join(w[0] for w in re.split(r"[^A-Za-z0-9]+", name) if w).lower() or "t"
    if not base[0].isalpha() or base in _KEYWORDS:
        base = "t" + base
    alias, n = base, 2
    while alias in used:
        alias, n = f"{base}{n}", n + 1
    used.add(alias)
    return alias


def relation_name(table: str) -> str:
    """The typed layer of ``source.table`` in the workspace, quoted."""
    return f"{quote_ident('typed')}.{quote_ident(table)}"


def join_sql(path: JoinPath) -> str:
    """A FROM ... JOIN clause for the path, identifiers quoted, on the typed layers."""
    if not path.steps:
        return ""
    used: set[str] = set()
    first = path.steps[0].from_table
    aliases = {first: _alias(first, used)}
    lines = [f"FROM {relation_name(first)} AS {aliases[first]}"]
    for step in path.steps:
        left = aliases[step.from_table]
        if step.to_table == step.from_table:
            right = _alias(step.to_table, used)
        else:
            right = aliases.setdefault(step.to_table, _alias(step.to_table, used))
        if step.items is not None:
            # (A list's items hold the references: membership, not equality.)
            child, parent = (left, right) if step.from_child else (right, left)
            listed, key = (step.from_columns, step.to_columns) if step.from_child else (step.to_columns, step.from_columns)
            on = f"list_contains({step.items.sql(f'{child}.{quote_ident(listed[0])}')}, {parent}.{quote_ident(key[0])})"
        elif _normalizes(step):
            on = (
                f"{normalized_key(f'{left}.{quote_ident(step.from_columns[0])}', step.normalizations, step.prefix)}"
                f" = {normalized_key(f'{right}.{quote_ident(step.to_columns[0])}', step.normalizations, step.prefix)}"
            )
        else:
            on = _step_meets(step, left, right)
        lines.append(f"JOIN {relation_name(step.to_table)} AS {right} ON {on}")
    return "\n".join(lines)


def components(tables: list[str], relationships: list[RelationshipInfo]) -> list[list[str]]:
    """Groups of tables connected by relationships (each group sorted, largest first)."""
    parent = {t: t for t in tables}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for link in _links(relationships):
        if link.child in parent and link.parent in parent:
            parent[find(link.child)] = find(link.parent)
    groups: dict[str, list[str]] = {}
    for t in tables:
        groups.setdefault(find(t), []).append(t)
    return sorted((sorted(g) for g in groups.values()), key=lambda g: (-len(g), g))
