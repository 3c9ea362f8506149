"""Result models of the relationship tools, shared with the CLI's ``--json`` output."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, Field, SerializerFunctionWrapHandler, model_serializer

from datadossier.store.domain import EntityInfo, RelationshipInfo

if TYPE_CHECKING:
    from datadossier.runtime import Runtime

_EVIDENCE_KEYS = (
    "integrity", "row_integrity", "child_distinct", "found_in_parent", "orphan_values", "orphan_rows", "orphan_examples",
    "orphan_values_as_written", "orphan_rows_as_written", "found_in_parent_normalized",
    "name_score", "value_specificity", "parent_distinct", "child_unique", "composite", "bridge_table",
    "via", "review", "found_by_latest_discovery", "normalized_integrity", "normalized_matches", "normalizations", "compared_as_numbers", "same_domain_as",
    "list_items", "orphans_in_quarantine", "child_nulls", "child_rows", "parent_nulls", "parent_rows", "parts_union", "found_in_part",
    "beside_grain_link", "parent_repeats",
    "partial_parent", "parent_found_in_child", "shared_codes",
    "found_ignoring_punctuation", "rows_found_ignoring_punctuation", "punctuation_example",
)


class RelationshipOut(BaseModel):
    id: str = Field(description="Relationship id: pass it to confirm_relationship or reject_relationship.")
    from_table: str = Field(description="The referencing (child) table, `source.table`.")
    from_columns: list[str] = Field(description="Its columns, in order (several for a composite key).")
    to_table: str = Field(description="The referenced (parent) table.")
    to_columns: list[str] = Field(description="The parent's key columns, in the same order.")
    type: str = Field(
        description="`foreign_key`, `hierarchy` (a self-reference), `bridge` (n:m through a bridge table) or `semantic` "
        "(an identifier of the same name onto a column that repeats in its table: returns' order id onto order lines)."
    )
    cardinality: str | None = Field(
        description="From child to parent: `n:1` or `1:1`; `1:n` for a `semantic` link (each child row matches "
        "several parent rows); `n:m` for a bridge, or a list column (each value names several parents: see "
        "`evidence.list_items`)."
    )
    confidence: float = Field(description="0..1: integrity times the name and value evidence that it is not chance.")
    status: str = Field(description="`detected`, `confirmed` (kept whatever later runs find) or `rejected`.")
    detection_method: str | None = Field(description="How it was found (`value_overlap`, `value_overlap+name`, `bridge_table`).")
    evidence: dict[str, Any] = Field(
        description="The numbers: integrity (share of distinct child values found in the parent), "
        "row_integrity (share of child rows; it counts when the child has many values), orphan "
        "rows and examples (found_ignoring_punctuation: of those orphan values, the ones matching once case, spaces and "
        "punctuation are ignored, their rows and an example beside its parent's value), name and value scores; for a bridge, the bridge table; for a reference into a dataset "
        "split over files (parts keyed alike), parts_union (the parts, their key and the SQL of the union the "
        "integrity was counted on) and found_in_part (the values this part holds)."
    )

    @classmethod
    def of(cls, r: RelationshipInfo) -> RelationshipOut:
        return cls(
            id=str(r.relationship_id),
            from_table=r.from_table,
            from_columns=r.from_columns,
            to_table=r.to_table,
            to_columns=r.to_columns,
            type=r.relationship_type,
            cardinality=r.cardinality,
            confidence=round(r.confidence, 4),
            status=r.status,
            detection_method=r.detection_method,
            evidence={k: r.evidence[k] for k in _EVIDENCE_KEYS if k in r.evidence},
        )


class EntityOut(BaseModel):
    """A table's entry; of the fields that may be left empty, those left so are left out of
    the JSON (about 15 of them per table were null or [] in a POS export's listing)."""

    table: str = Field(description="`source.table`.")
    entity_type: str = Field(description="What one row is: customer, order, order line, event, ...")
    role: str = Field(description="`fact`, `dimension`, `bridge` (links two tables n:m) or `unknown`.")
    grain: list[str] | None = Field(description="The columns that identify a row; null when no key was found (unknown grain).")
    confidence: float | None = Field(description="0..1.")
    reason: str | None = Field(description="Why the role was given.")
    candidate_keys: list[list[str]] = Field(description="Every unique, non-null column set found (up to 3 columns; 4 grown from an identifier).")
    nullable_parts: list[str] | None = Field(
        default=None,
        description="Parts of `candidate_keys` (or the grain) with empty values, each NULL counted as one value"
        " (JHU's Province/State beside Country/Region): a join on them needs IS NOT DISTINCT FROM, as `=`"
        " drops those rows.",
    )
    grain_referenced_by: list[str] | None = Field(
        default=None,
        description="When the grain is the key other tables reference rather than the one its columns alone suggested"
        " (CDISC's DM by USUBJID, not SUBJID): those tables.",
    )
    duplicate_rows: int | None = Field(
        default=None,
        description="Of a table without a key, or keyed only by a row counter (`duplicates_beside`): rows that repeat"
        " another row in every column (but the counter; 0: none; null when not counted).",
    )
    duplicates_beside: str | None = Field(
        default=None, description="The row counter that keys the table, beside which `duplicate_rows` rows repeat."
    )
    key_without_duplicates: list[str] | None = Field(
        default=None,
        description="Of a table with duplicate rows: the columns that would identify a row once the copies are removed (SELECT DISTINCT).",
    )
    near_key: list[str] | None = Field(
        default=None,
        description="Of a table with no key: the columns that would be unique but for `near_key_repeats` rows"
        " repeating their values with other values (conflicting records); joins on them fan out there.",
    )
    near_key_repeats: int | None = Field(default=None, description="How many rows break `near_key`.")
    repeated_hour: dict[str, str] | None = Field(
        default=None,
        description="When the rows that break `near_key` all fall in the hour repeated as daylight saving time ends"
        " (15-minute meter reads given twice from 2023-11-05 01:00 to 01:45, local times without a zone): that hour's"
        " `first` and `last` times, and the hour skipped when it starts (`skipped_first`, `skipped_last`) if the"
        " times show it. Not conflicting records: a zone or UTC offset would tell them apart.",
    )
    closest_key: list[str] | None = Field(
        default=None,
        description="Of a table with no key, no `near_key` and no duplicate rows: the column set counted that tells"
        " the most rows apart (`closest_key_values` of them); the key takes more columns than that (Eurostat's"
        " Comext needs 5 or 6: declarant, partner, product, flow, regime, period), or its rows repeat. When it"
        " tells every row apart, it was set aside as unique by chance (its parts say nothing of what a row is).",
    )
    closest_key_values: int | None = Field(default=None, description="How many distinct rows `closest_key` tells apart.")
    closest_key_unique: bool | None = Field(
        default=None,
        description="True when `closest_key` tells every row apart but was set aside as unique by chance: more"
        " columns would not make it a key.",
    )
    first_row_fields: dict[str, Any] | None = Field(
        default=None,
        description="Columns filled only on the first row of each run of `group`'s value (an order's status and"
        " totals on its first line item, a product's title on its first variant): their NULLs below are the"
        " group's value, not a missing one, and a filter or join on them keeps the first rows alone."
        " `columns`, `groups` (how many) and `carry_down`, DuckDB SQL reading the table with each value on"
        " every row of its group. A `group` of null: the whole table is one group, its summary written on the"
        " first row alone (a settlement's dates, total and currency), each column one value for the table,"
        " given in `values`.",
    )
    same_columns_as: list[str] = Field(
        default_factory=lambda: [],
        description="Other tables of the source with the same columns: parts of one dataset (a file per month or"
        " part), read whole by `parts.union`, unless `parts.copies` says they are copies of one table.",
    )
    same_names_as: list[dict[str, Any]] = Field(
        default_factory=lambda: [],
        description="Other tables whose headers name the same columns but type some apart (12 at most): each"
        " `table` and its `columns_typed_apart` (the type family `here` and `there`). They are no parts of one dataset"
        " (`same_columns_as`, `parts.union`): a file of another marketplace or locale whose dates, decimal commas or"
        " currency are written otherwise; fix the types (set_column_type) or cast them to read the files together.",
    )
    same_columns_count: int = Field(
        default=0, description="How many tables `same_columns_as` stands for (it names the first 12 at most)."
    )
    parts: dict[str, Any] | None = Field(
        default=None,
        description="Of a table with `same_columns_as`: the group (`tables`, the first 12, with `count` of them all),"
        " each part's `labels` (what differs in their names: 1880 of yob1880, AAPL of AAPL.csv), `union` (DuckDB SQL"
        " reading them whole with a column `part` naming each; absent above 12 parts), `checked` (a pair's shared key"
        " values and identical rows), and a `warning` when the pair shares key values (the part's name alone tells"
        " those rows apart) or holds the same rows (`copies`: read one table, not the union). Given once per group"
        " in a list of tables: the others say `described_with`, the table whose entry holds it.",
    )
    period_columns: dict[str, Any] | None = Field(
        default=None,
        description="Of a wide table, one column of figures per period (dates or years as column names, or one"
        " stem numbered in a run: M5's d_1...d_1913): their"
        " count, first and last, and `unpivot`, the DuckDB SQL giving one row per period (columns period, value);"
        " for columns of several measures (generation_gwh_2013... beside estimated_generation_gwh_2013...),"
        " `measures` gives each its own count, first, last and `unpivot`. Months by name (JAN ... DEC beside a"
        " YEAR) are periods too; the figures after them summing or averaging them (ANN, J-D, DJF) are"
        " `summary_columns`, left out of the unpivot. Columns adding one suffix to each period's name, its flag or"
        " note (FAOSTAT's Y1961F, Y1961N beside Y1961), are `flags`: each suffix's count, first, last and `unpivot`"
        " (the same rows, its value the flag), left out of the periods' unpivot; join the two on _row_id and period.",
    )

    @classmethod
    def of(cls, e: EntityInfo, described_with: str | None = None) -> EntityOut:
        """``described_with``: another table of the list whose entry holds the parts' group."""
        keys = e.evidence.get("keys") or {}
        alike = list(e.evidence.get("same_columns_as") or [])
        parts = _bounded_parts(e.evidence.get("parts"))
        if parts is not None and described_with is not None:
            parts = {"described_with": described_with, "count": parts.get("count", len(parts.get("tables") or []))}
        return cls(
            table=e.table,
            entity_type=e.entity_type,
            role=e.role,
            grain=e.grain_columns,
            confidence=e.confidence,
            reason=e.evidence.get("reason"),
            candidate_keys=keys.get("candidate_keys") or [],
            nullable_parts=keys.get("nullable_parts"),
            grain_referenced_by=keys.get("grain_referenced_by"),
            duplicate_rows=keys.get("duplicate_rows"),
            duplicates_beside=keys.get("duplicates_beside"),
            key_without_duplicates=keys.get("key_without_duplicates"),
            period_columns=keys.get("period_columns"),
            same_columns_as=alike[:LISTED_PARTS],
            same_columns_count=len(alike),
            same_names_as=list(e.evidence.get("same_names_as") or []),
            parts=parts,
            near_key=keys.get("near_key"),
            near_key_repeats=keys.get("near_key_repeats"),
            repeated_hour=keys.get("repeated_hour"),
            closest_key=keys.get("closest_key"),
            closest_key_values=keys.get("closest_key_values"),
            closest_key_unique=keys.get("closest_key_unique"),
            first_row_fields=keys.get("first_row_fields"),
        )

    @model_serializer(mode="wrap")
    def _without_defaults(self, handler: SerializerFunctionWrapHandler) -> Any:
        # (Only fields with a default: the others are required by the output schema, and a
        # null grain says the grain is unknown.)
        data = handler(self)
        if not isinstance(data, dict):
            return data
        fields = type(self).model_fields
        return {
            k: v for k, v in data.items()  # pyright: ignore[reportUnknownVariableType]
            if k not in fields or fields[k].is_required() or v != fields[k].get_default(call_default_factory=True)
        }


# Parts of one dataset named in one table's entry at most (a folder of 120 daily files would
# otherwise name the 119 others in each of 120 entries).
LISTED_PARTS = 12


def _bounded_parts(parts: dict[str, Any] | None) -> dict[str, Any] | None:
    tables: list[str] = list(parts.get("tables") or []) if parts else []
    if parts is None or len(tables) <= LISTED_PARTS:
        return parts
    shown = tables[:LISTED_PARTS]
    labels: dict[str, Any] = parts.get("labels") or {}
    return {**parts, "tables": shown, "labels": {t: labels[t] for t in shown if t in labels}, "count": len(tables)}


def entities_out(entities: list[EntityInfo]) -> list[EntityOut]:
    """The entries of a list of tables, each group of parts described once (see `EntityOut.parts`)."""
    holder: dict[tuple[str, ...], str] = {}
    out: list[EntityOut] = []
    for e in entities:
        parts = e.evidence.get("parts")
        group = tuple(parts.get("tables") or ()) if isinstance(parts, dict) else ()
        first = holder.setdefault(group, e.table) if group else e.table
        out.append(EntityOut.of(e, described_with=None if first == e.table else first))
    return out


_STALE = (
    "Tables of this answer whose file changed or is gone since it was profiled, one line each: their links and the"
    " typed tables the SQL reads describe the old contents (profile the file again to refresh them)."
)


class DiscoveryOut(BaseModel):
    ran: bool = Field(description="True when relationships were discovered again in this call (a table had changed, or refresh).")
    seconds: float = Field(description="Time the discovery took (0 when it did not run).")
    profiled: list[str] = Field(description="Tables profiled first because their files were new in the source's folder.")
    skipped_files: list[dict[str, str]] = Field(description="Files of the folder that could not be profiled, with the error.")


class GetRelationshipsResult(BaseModel):
    source: str = Field(description="The source searched.")
    relationships: list[RelationshipOut] = Field(description="Confirmed first, then by confidence.")
    tables: list[EntityOut] = Field(description="Entity, role and grain of each table.")
    discovery: DiscoveryOut
    truncated: bool = Field(description="True when more relationships exist than are listed; pass `table` to narrow.")
    sql_runs_in: str | None = Field(
        default=None, description="Where the typed tables live: the SQL of links and of the tables' parts runs there (see `runs_in`)."
    )
    stale: list[str] = Field(default_factory=lambda: [], description=_STALE)


class JoinStepOut(BaseModel):
    from_table: str
    from_columns: list[str]
    to_table: str
    to_columns: list[str]
    cardinality: str = Field(description="In walking direction: `n:1` keeps rows, `1:n` multiplies them (fan-out), `1:1`.")
    confidence: float
    relationship_id: str


class JoinPathOut(BaseModel):
    hops: int = Field(description="Number of joins.")
    confidence: float = Field(description="Product of the steps' confidences (confirmed steps count as 1).")
    cardinality: str = Field(description="Of the whole path: `n:1`, `1:n`, `1:1` or `n:m`.")
    steps: list[JoinStepOut]
    warnings: list[str] = Field(description="Fan-out, chasm traps, orphans, optional and empty joins (sides with no value in common), with what to do about them.")
    sql: str = Field(description="A ready FROM ... JOIN clause over the typed layers, identifiers quoted.")


class FindJoinPathResult(BaseModel):
    from_table: str
    to_table: str
    found: bool = Field(description="False when no path of at most max_hops joins exists.")
    paths: list[JoinPathOut] = Field(description="Best first: fewest joins, then highest confidence.")
    disconnected_groups: list[list[str]] = Field(
        description="When nothing was found: the groups of tables that relationships connect; the two tables lie in"
        " different groups, or in one beyond max_hops joins."
    )
    message: str = Field(description="One sentence that sums up the answer.")
    shared_attributes: list[str] = Field(
        default_factory=lambda: [],
        description="When nothing was found, or every path is a chasm trap: columns of both tables whose values"
        " meet (named alike or sharing the attribute's word, or days of dates), each with how many values meet and"
        " whether they are spelled differently (or padded with zeros), first the lookup they make of a table they"
        " name one row of. Aggregate both sides to them first, then join the aggregates on them; never join the raw"
        " rows on them (rows multiply), unless one side is such a lookup.",
    )
    discovery: DiscoveryOut
    sql_runs_in: str | None = Field(
        default=None, description="Where the typed tables live: the paths' SQL runs there, and the aggregates of shared attributes (see `runs_in`)."
    )
    stale: list[str] = Field(default_factory=lambda: [], description=_STALE)


def path_tables(result: FindJoinPathResult) -> list[str]:
    """The tables an answer of find_join_path names: its two ends and every step's sides."""
    names = [result.from_table, result.to_table]
    names += [t for p in result.paths for s in p.steps for t in (s.from_table, s.to_table)]
    return names


async def stale_tables(runtime: Runtime, tables: list[str]) -> list[str]:
    """The tables among ``tables`` whose file changed or is gone since their profile, one
    line each (`catalog.changed_tables`)."""
    from datadossier.store.repositories import catalog

    async with runtime.sessions() as session:
        return await catalog.changed_tables(session, list(dict.fromkeys(tables)))


def runs_in(database: Path) -> str:
    """Where the SQL a tool gives runs: the workspace's DuckDB file, whose schema ``typed``
    holds a table per ``source.table``."""
    return (
        f"The DuckDB database {database}: its schema `typed` holds each table as typed values (one table per"
        f" `source.table`, with `_row_id`, the row's place in the file). Open it read-only to run the SQL:"
        f" duckdb.connect({str(database)!r}, read_only=True), and close it after the query: while it is open,"
        " profiles and type changes cannot write the file."
    )


class ReviewResult(BaseModel):
    relationship: RelationshipOut


def discovery_out(run: Any) -> DiscoveryOut:
    return DiscoveryOut(ran=run.ran, seconds=run.seconds, profiled=run.profiled, skipped_files=run.skipped_files)


def path_out(path: Any) -> JoinPathOut:
    return JoinPathOut(
        hops=len(path.steps),
        confidence=path.confidence,
        cardinality=path.cardinality,
        steps=[
            JoinStepOut(
                from_table=s.from_table, from_columns=list(s.from_columns), to_table=s.to_table,
                to_columns=list(s.to_columns), cardinality=s.cardinality, confidence=round(s.confidence, 4),
                relationship_id=s.relationship_id,
            )
            for s in path.steps
        ],
        warnings=path.warnings,
        sql=path.sql,
    )


def find_join_path_result(answer: Any) -> FindJoinPathResult:
    from datadossier.enrichment.shared import SharedLookup

    paths = [path_out(p) for p in answer.paths]
    if paths:
        best = paths[0]
        message = (
            f"{len(paths)} path(s) from {answer.from_table} to {answer.to_table}; the best takes "
            f"{best.hops} join(s) with confidence {best.confidence:.2f}"
            + (" and has warnings." if best.warnings else ".")
        )
    elif answer.from_table == answer.to_table:
        message = f"{answer.from_table} is both ends: there is nothing to join; name two different tables."
    elif any(answer.from_table in group and answer.to_table in group for group in answer.groups):
        message = (
            f"No join path from {answer.from_table} to {answer.to_table} within the hop limit, though relationships"
            " connect them through more tables (see disconnected_groups): raise max_hops to see that path, and"
            " check that it means what you need."
        )
    else:
        message = (
            f"No join path from {answer.from_table} to {answer.to_table} within the hop limit: they are not "
            "connected by any relationship found or confirmed. See disconnected_groups."
        )
    shared = [s.note(answer.from_table, answer.to_table) for s in answer.shared]
    if shared and paths:
        message += (
            " Every path meets at a table both sides point at (a chasm trap), but the two tables also share"
            " attributes directly (see shared_attributes): join or aggregate on those instead of through that table."
        )
    elif shared and isinstance(answer.shared[0], SharedLookup):
        # (RRC's well header, one row per API Number: looked up, not aggregated to it.)
        message += " Shared attributes (see shared_attributes): the first names one row of a table, a lookup to join as it says."
    elif shared:
        message += " Shared attributes (see shared_attributes): aggregate both sides to them first, then join there."
    return FindJoinPathResult(
        from_table=answer.from_table, to_table=answer.to_table, found=bool(paths), paths=paths,
        disconnected_groups=answer.groups, message=message, shared_attributes=shared,
        discovery=discovery_out(answer.discovery),
    )
