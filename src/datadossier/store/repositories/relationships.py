"""Keys, entities, relationships and join paths of a source: read for discovery, written back.

A relationship row links one column pair. A composite foreign key is several rows that share
``evidence["group"]`` (and list every pair in ``evidence["columns"]``); a review applies to
the whole group. Review state lives in the row itself: ``is_confirmed`` true is confirmed;
``is_confirmed`` false with ``confirmed_at`` set is rejected (reviewed, and said no).
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Double,
    Integer,
    Uuid,
    bindparam,
    column,
    delete,
    or_,
    select,
    text,
)
from sqlalchemy.ext.asyncio import AsyncSession

from datadossier.engine import layer_relation
from datadossier.enrichment.db_models import JoinPathRecord, RelationshipRecord, TableEntityRecord
from datadossier.enrichment.model import Bridge, ColumnStats, Entity, Link, TableKeys, TableStats
from datadossier.enrichment.relationships import group_id
from datadossier.errors import TableNotFoundError
from datadossier.profiling.db_models import TypeCandidateRecord
from datadossier.profiling.lists import LIST_PATTERN
from datadossier.review.db_models import CheckpointRecord
from datadossier.store.base import utcnow
from datadossier.store.domain import EntityInfo, RelationshipInfo
from datadossier.store.models.core import ColumnRecord, SourceRecord, TableRecord
from datadossier.store.repositories.catalog import TYPED

DATAFLOW = "relationships"

_PROFILE_SQL = text(
    "SELECT column_id, total_count, null_count, distinct_count, min_value, max_value, avg_length, "
    "min_length, max_length "
    "FROM v_latest_profiles WHERE column_id IN :ids"
).bindparams(bindparam("ids", expanding=True, type_=Uuid()))
_PROFILE_TYPES = (
    column("column_id", Uuid()),
    column("total_count", BigInteger()),
    column("null_count", BigInteger()),
    column("distinct_count", BigInteger()),
    column("min_value", Double()),
    column("max_value", Double()),
    column("avg_length", Double()),
    column("min_length", Integer()),
    column("max_length", Integer()),
)


async def source_tables(session: AsyncSession, sources: list[str]) -> list[TableStats]:
    """The typed tables of the sources with their columns and latest profiles; tables and
    columns are named ``source.table``."""
    rows = (
        await session.execute(
            select(TableRecord, SourceRecord.name)
            .join(SourceRecord, SourceRecord.source_id == TableRecord.source_id)
            .where(SourceRecord.name.in_(sources), TableRecord.layer == TYPED)
            .order_by(SourceRecord.name, TableRecord.table_name)
        )
    ).all()
    tables = [t for t, _ in rows]
    source_of = {t.table_id: name for t, name in rows}
    if not tables:
        return []
    columns = (
        await session.scalars(
            select(ColumnRecord)
            .where(ColumnRecord.table_id.in_([t.table_id for t in tables]))
            .order_by(ColumnRecord.column_position)
        )
    ).all()
    profiles = {
        r.column_id: r
        for r in await session.execute(
            _PROFILE_SQL.columns(*_PROFILE_TYPES), {"ids": [c.column_id for c in columns]}
        )
    }
    listed = set(
        await session.scalars(
            select(TypeCandidateRecord.column_id).where(
                TypeCandidateRecord.column_id.in_([c.column_id for c in columns]),
                TypeCandidateRecord.detected_pattern == LIST_PATTERN,
            )
        )
    )
    result: list[TableStats] = []
    for table in tables:
        source = source_of[table.table_id]
        qualified = f"{source}.{table.table_name}"
        count = int(table.row_count or 0)
        stats: list[ColumnStats] = []
        for col in (c for c in columns if c.table_id == table.table_id):
            p = profiles.get(col.column_id)
            stats.append(
                ColumnStats(
                    table=qualified,
                    name=col.column_name,
                    position=col.column_position,
                    sql_type=col.resolved_type or col.raw_type or "VARCHAR",
                    rows=count,
                    nulls=int(p.null_count or 0) if p else 0,
                    distinct=int(p.distinct_count) if p and p.distinct_count is not None else None,
                    min_value=p.min_value if p else None,
                    max_value=p.max_value if p else None,
                    avg_length=p.avg_length if p else None,
                    fixed_length=p.min_length if p and p.min_length is not None and p.min_length == p.max_length else None,
                    column_id=col.column_id,
                    listed=col.column_id in listed,
                )
            )
        result.append(
            TableStats(
                name=qualified,
                relation=layer_relation("typed", source, table.table_name),
                rows=count,
                columns=tuple(stats),
                table_id=table.table_id,
            )
        )
    return result


async def profiled_at(session: AsyncSession, sources: list[str]) -> dict[str, str | None]:
    """``source.table`` -> its last profile time (ISO): a new profile means the table changed."""
    rows = await session.execute(
        select(SourceRecord.name, TableRecord.table_name, TableRecord.last_profiled_at)
        .join(SourceRecord, SourceRecord.source_id == TableRecord.source_id)
        .where(SourceRecord.name.in_(sources), TableRecord.layer == TYPED)
    )
    return {f"{src}.{name}": at.isoformat() if at else None for src, name, at in rows.all()}


async def last_discovery(session: AsyncSession, source_id: uuid.UUID, sources: list[str]) -> dict[str, Any] | None:
    """The state of the latest completed discovery over exactly ``sources`` (recorded under
    the first one): the table versions it saw."""
    rows = await session.scalars(
        select(CheckpointRecord)
        .where(
            CheckpointRecord.source_id == source_id,
            CheckpointRecord.dataflow_name == DATAFLOW,
            CheckpointRecord.status == "completed",
        )
        .order_by(CheckpointRecord.created_at.desc())
    )
    for row in rows:
        state = dict(row.checkpoint_state or {})
        if state.get("sources", sources[:1]) == sources:
            return state
    return None


async def rejected_pairs(session: AsyncSession, sources: list[str]) -> set[tuple[str, str, str, str]]:
    """The single-column links a person rejected among ``sources`` (a child's end in them), as
    (child table, child column, parent table, parent column): a discovery picks the next best
    parent of such a column instead."""
    # (Read on every discovery's check: the reviewed rows alone, few, not every link.)
    reviewed = (await session.scalars(select(RelationshipRecord).where(RelationshipRecord.confirmed_at.is_not(None)))).all()
    rejected = [row for row in reviewed if _status(row) == "rejected"]
    groups: dict[str, list[RelationshipRecord]] = {}
    for row in rejected:
        groups.setdefault((row.evidence or {}).get("group") or str(row.relationship_id), []).append(row)
    names = await _names(session, rejected)
    pairs: set[tuple[str, str, str, str]] = set()
    for (row, *others) in groups.values():
        if others or row.from_column_id is None or row.to_column_id is None:
            continue  # (a composite link: its parts are no single column's)
        child, parent = names.get(row.from_column_id), names.get(row.to_column_id)
        if child is not None and parent is not None and child[0].split(".", 1)[0] in sources:
            pairs.add((child[0], child[1], parent[0], parent[1]))
    return pairs


def _status(row: RelationshipRecord) -> str:
    if row.is_confirmed:
        return "confirmed"
    return "rejected" if row.confirmed_at is not None else "detected"


def _pairs(link: Link) -> list[tuple[str, str, str, str]]:
    return [
        (link.child_table, c, link.parent_table, p)
        for c, p in zip(link.child_columns, link.parent_columns, strict=True)
    ]


async def save_discovery(
    session: AsyncSession,
    tables: list[TableStats],
    keys: dict[str, TableKeys],
    links: list[Link],
    bridges: list[Bridge],
    entities: list[Entity],
) -> dict[str, int]:
    """Replace the source's detected relationships and entities with a discovery's results.

    Confirmed relationships stay even when not found again; rejected ones are never written
    back; join paths among these tables are dropped (they are recomputed on demand)."""
    table_ids = {t.name: t.table_id for t in tables}
    column_ids = {(t.name, c.name): c.column_id for t in tables for c in t.columns}
    ids = [i for i in table_ids.values() if i is not None]
    # Only links with both ends among these tables are this discovery's to replace: links to
    # other sources, found when asked across sources, stay.
    existing = {
        (r.from_column_id, r.to_column_id): r
        for r in (
            await session.scalars(
                select(RelationshipRecord).where(
                    RelationshipRecord.from_table_id.in_(ids), RelationshipRecord.to_table_id.in_(ids)
                )
            )
        ).all()
    }
    seen: set[tuple[uuid.UUID | None, uuid.UUID | None]] = set()
    counts = {"inserted": 0, "updated": 0, "kept_confirmed": 0, "kept_rejected": 0, "removed": 0}

    def write(
        child: tuple[str, str], parent: tuple[str, str], *, kind: str, cardinality: str,
        confidence: float, method: str, evidence: dict[str, Any],
    ) -> None:
        key = (column_ids[child], column_ids[parent])
        if key in seen:
            return  # a column pair holds one relationship; the stronger link came first
        seen.add(key)
        row = existing.get(key)
        if row is None:
            session.add(
                RelationshipRecord(
                    from_table_id=table_ids[child[0]], from_column_id=key[0],
                    to_table_id=table_ids[parent[0]], to_column_id=key[1],
                    relationship_type=kind, cardinality=cardinality, confidence=confidence,
                    detection_method=method, evidence=evidence, detected_at=utcnow(),
                )
            )
            counts["inserted"] += 1
            return
        status = _status(row)
        if status == "rejected":
            counts["kept_rejected"] += 1
            return
        row.relationship_type = kind
        row.cardinality = cardinality
        row.confidence = confidence
        row.detection_method = method
        row.evidence = {**evidence, **({"review": row.evidence.get("review")} if row.evidence and row.evidence.get("review") else {})}
        row.detected_at = utcnow()
        counts["updated"] += 1

    for link in sorted(links, key=lambda k: -k.confidence):
        group = group_id(link)
        evidence = {
            **link.evidence,
            "group": group,
            "columns": [[c, p] for c, p in zip(link.child_columns, link.parent_columns, strict=True)],
        }
        method = "value_overlap+name" if link.evidence.get("name_score", 0) > 0 else "value_overlap"
        for child_table, child_col, parent_table, parent_col in _pairs(link):
            write(
                (child_table, child_col), (parent_table, parent_col), kind=link.kind,
                cardinality=link.cardinality, confidence=link.confidence, method=method, evidence=evidence,
            )
    for bridge in bridges:
        left, right = bridge.left, bridge.right
        confidence = round(min(left.confidence, right.confidence), 4)
        evidence = {
            "bridge_table": bridge.table,
            "via": [
                [left.child_columns[0], left.parent_table, left.parent_columns[0]],
                [right.child_columns[0], right.parent_table, right.parent_columns[0]],
            ],
            "columns": [[left.parent_columns[0], right.parent_columns[0]]],
        }
        evidence["group"] = f"bridge:{bridge.table}"
        write(
            (left.parent_table, left.parent_columns[0]), (right.parent_table, right.parent_columns[0]),
            kind="bridge", cardinality="n:m", confidence=confidence, method="bridge_table", evidence=evidence,
        )
    for key, row in existing.items():
        if key in seen:
            continue
        status = _status(row)
        if status == "detected":
            await session.delete(row)
            counts["removed"] += 1
        elif status == "confirmed":
            row.evidence = {**(row.evidence or {}), "found_by_latest_discovery": False}
            counts["kept_confirmed"] += 1
    await session.execute(delete(TableEntityRecord).where(TableEntityRecord.table_id.in_(ids)))
    for entity in entities:
        table_keys = keys[entity.table]
        session.add(
            TableEntityRecord(
                table_id=table_ids[entity.table],
                detected_entity_type=entity.entity_type,
                confidence=entity.confidence,
                evidence={**entity.evidence, "role": entity.role, "keys": table_keys.evidence, "time_series": table_keys.time_series},
                grain_columns=list(table_keys.grain) if table_keys.grain else None,
                is_fact_table=entity.role == "fact",
                is_dimension_table=entity.role == "dimension",
                detection_source="heuristic",
                detected_at=utcnow(),
            )
        )
    await clear_join_paths(session, ids)
    await session.flush()
    return counts


async def clear_join_paths(session: AsyncSession, table_ids: list[uuid.UUID]) -> None:
    await session.execute(
        delete(JoinPathRecord).where(
            or_(JoinPathRecord.from_table_id.in_(table_ids), JoinPathRecord.to_table_id.in_(table_ids))
        )
    )


async def list_relationships(
    session: AsyncSession, *, source: str | None = None, table_id: uuid.UUID | None = None,
    include_rejected: bool = False, sources: list[str] | None = None, across: list[str] | None = None,
) -> list[RelationshipInfo]:
    """Relationships (composites as one), strongest first: of one source (links from its
    tables, to whatever source, and into its tables from the ``across`` sources), among
    ``sources`` (both ends), or touching one table."""
    stmt = select(RelationshipRecord)
    if table_id is not None:
        stmt = stmt.where(or_(RelationshipRecord.from_table_id == table_id, RelationshipRecord.to_table_id == table_id))
    rows = list((await session.scalars(stmt)).all())
    names = await _names(session, rows)
    groups: dict[str, list[RelationshipRecord]] = {}
    for row in rows:
        group = (row.evidence or {}).get("group") or str(row.relationship_id)
        groups.setdefault(group, []).append(row)
    result: list[RelationshipInfo] = []
    for group_rows in groups.values():
        info = _info(group_rows, names)
        if source is not None and not _of_source(info, source, across or []):
            continue
        if sources is not None and not (
            info.from_table.split(".", 1)[0] in sources and info.to_table.split(".", 1)[0] in sources
        ):
            continue
        if info.status == "rejected" and not include_rejected:
            continue
        result.append(info)
    result.sort(key=lambda r: (r.status != "confirmed", -r.confidence, r.from_table, r.from_columns))
    return result


def _of_source(info: RelationshipInfo, source: str, across: list[str]) -> bool:
    """Whether a link is one of the source's: from its tables, or into them from a source it
    is asked across (ADaM's adsl is the parent of SDTM's dm: asked from either folder, the
    link between them is the same)."""
    if info.from_table.startswith(f"{source}."):
        return True
    return info.to_table.startswith(f"{source}.") and any(info.from_table.startswith(f"{other}.") for other in across)


async def _names(
    session: AsyncSession, rows: list[RelationshipRecord]
) -> dict[uuid.UUID, tuple[str, str, int]]:
    """column_id -> (source.table, column name, position) for the rows' columns."""
    ids = {i for r in rows for i in (r.from_column_id, r.to_column_id) if i is not None}
    if not ids:
        return {}
    result = await session.execute(
        select(ColumnRecord.column_id, SourceRecord.name, TableRecord.table_name, ColumnRecord.column_name, ColumnRecord.column_position)
        .join(TableRecord, TableRecord.table_id == ColumnRecord.table_id)
        .join(SourceRecord, SourceRecord.source_id == TableRecord.source_id)
        .where(ColumnRecord.column_id.in_(ids))
    )
    return {cid: (f"{src}.{table}", col, pos) for cid, src, table, col, pos in result.all()}


def _info(rows: list[RelationshipRecord], names: dict[uuid.UUID, tuple[str, str, int]]) -> RelationshipInfo:
    first = rows[0]
    evidence = dict(first.evidence or {})
    order = {tuple(pair): i for i, pair in enumerate(evidence.get("columns") or [])}

    def position(row: RelationshipRecord) -> int:
        pair = (names[row.from_column_id][1], names[row.to_column_id][1])  # type: ignore[index]
        return order.get(pair, len(order))

    rows = sorted(rows, key=position)
    head = rows[0]
    return RelationshipInfo(
        relationship_id=head.relationship_id,
        relationship_ids=[r.relationship_id for r in rows],
        from_table=names[head.from_column_id][0],  # type: ignore[index]
        from_columns=[names[r.from_column_id][1] for r in rows],  # type: ignore[index]
        to_table=names[head.to_column_id][0],  # type: ignore[index]
        to_columns=[names[r.to_column_id][1] for r in rows],  # type: ignore[index]
        relationship_type=head.relationship_type,
        cardinality=head.cardinality,
        confidence=head.confidence,
        detection_method=head.detection_method,
        evidence=evidence,
        status=_status(head),
        reviewed_by=head.confirmed_by,
        reviewed_at=head.confirmed_at,
    )


async def get_relationship(session: AsyncSession, relationship_id: uuid.UUID) -> RelationshipInfo:
    row = await session.get(RelationshipRecord, relationship_id)
    if row is None:
        raise TableNotFoundError(
            f"No relationship with id {relationship_id}.",
            hint="Call get_relationships to see the ids of the known relationships.",
        )
    group = (row.evidence or {}).get("group")
    rows = [row]
    if group:
        candidates = (
            await session.scalars(select(RelationshipRecord).where(RelationshipRecord.from_table_id == row.from_table_id))
        ).all()
        rows = [r for r in candidates if (r.evidence or {}).get("group") == group]
    return _info(rows, await _names(session, rows))


async def review(
    session: AsyncSession, relationship_id: uuid.UUID, *, confirm: bool, by: str, note: str | None = None
) -> RelationshipInfo:
    """Confirm or reject a relationship (all rows of a composite one)."""
    info = await get_relationship(session, relationship_id)
    now = utcnow()
    for rid in info.relationship_ids:
        row = await session.get_one(RelationshipRecord, rid)
        row.is_confirmed = confirm
        row.confirmed_at = now
        row.confirmed_by = by
        row.evidence = {
            **(row.evidence or {}),
            "review": {"status": "confirmed" if confirm else "rejected", "by": by, "at": now.isoformat(), "note": note},
        }
    table_ids = await session.execute(
        select(RelationshipRecord.from_table_id, RelationshipRecord.to_table_id).where(
            RelationshipRecord.relationship_id.in_(info.relationship_ids)
        )
    )
    await clear_join_paths(session, [i for pair in table_ids.all() for i in pair if i is not None])
    await session.flush()
    return await get_relationship(session, relationship_id)


def found_before_profile(entities: list[EntityInfo], profiled_at: datetime | None) -> bool:
    """Whether a table's entity, grain and keys were discovered before its latest profile: they
    describe the file's previous contents until a discovery runs again (a daily GA4 extract
    that gained several events per session is keyed by session no more)."""
    found = [e.detected_at for e in entities if e.detected_at is not None]
    return profiled_at is not None and bool(found) and _utc(min(found)) < _utc(profiled_at)


def _utc(at: datetime) -> datetime:
    # (SQLite gives back naive times, written in UTC.)
    return at.replace(tzinfo=UTC) if at.tzinfo is None else at


async def list_entities(session: AsyncSession, source: str) -> list[EntityInfo]:
    rows = await session.execute(
        select(TableEntityRecord, TableRecord.table_name)
        .join(TableRecord, TableRecord.table_id == TableEntityRecord.table_id)
        .join(SourceRecord, SourceRecord.source_id == TableRecord.source_id)
        .where(SourceRecord.name == source)
        .order_by(TableRecord.table_name)
    )
    return [
        EntityInfo(
            table=f"{source}.{name}",
            entity_type=e.detected_entity_type,
            grain_columns=list(e.grain_columns) if e.grain_columns else None,
            is_fact_table=e.is_fact_table,
            is_dimension_table=e.is_dimension_table,
            confidence=e.confidence,
            evidence=dict(e.evidence or {}),
            detected_at=e.detected_at,
        )
        for e, name in rows.all()
    ]


async def save_join_paths(
    session: AsyncSession, from_table_id: uuid.UUID, to_table_id: uuid.UUID, paths: list[tuple[list[dict[str, Any]], float]]
) -> None:
    """Replace the stored paths between two tables (steps with stable key order)."""
    await session.execute(
        delete(JoinPathRecord).where(
            JoinPathRecord.from_table_id == from_table_id, JoinPathRecord.to_table_id == to_table_id
        )
    )
    for steps, confidence in paths:
        session.add(
            JoinPathRecord(
                from_table_id=from_table_id,
                to_table_id=to_table_id,
                path_steps=[dict(sorted(step.items())) for step in steps],
                path_length=len(steps),
                total_confidence=confidence,
                computed_at=utcnow(),
            )
        )
    await session.flush()
