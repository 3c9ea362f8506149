"""Writing one pipeline run of a table: layers, columns, candidates, decisions, profiles."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, time
from typing import Any

from sqlalchemy import delete, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from datadossier.inference.model import ColumnInference
from datadossier.profiling.db_models import (
    ColumnProfileRecord,
    TypeCandidateRecord,
    TypeDecisionRecord,
)
from datadossier.profiling.model import ColumnProfile
from datadossier.store.base import utcnow
from datadossier.store.domain import DecisionWrite, LayerWrite
from datadossier.store.models.core import ColumnRecord, TableRecord


async def _upsert_table(
    session: AsyncSession,
    source_id: uuid.UUID,
    table_name: str,
    layer: str,
    *,
    row_count: int,
    duckdb_path: str,
    profiled_at: datetime | None,
) -> TableRecord:
    row = await session.scalar(
        select(TableRecord).where(
            TableRecord.source_id == source_id,
            TableRecord.table_name == table_name,
            TableRecord.layer == layer,
        )
    )
    if row is None:
        row = TableRecord(source_id=source_id, table_name=table_name, layer=layer)
        session.add(row)
    row.row_count = row_count
    row.duckdb_path = duckdb_path
    if profiled_at is not None:
        row.last_profiled_at = profiled_at
    await session.flush()
    return row


async def _sync_columns(
    session: AsyncSession, table_id: uuid.UUID, columns: list[tuple[str, str | None, str | None]]
) -> dict[str, ColumnRecord]:
    """Make the table's column rows match ``columns``, keeping the ids of surviving columns
    so that their profile history stays attached."""
    existing = {
        c.column_name: c
        for c in (await session.scalars(select(ColumnRecord).where(ColumnRecord.table_id == table_id))).all()
    }
    wanted = {name for name, _, _ in columns}
    gone = [c.column_id for name, c in existing.items() if name not in wanted]
    if gone:
        # Links of a column that left the file go with it (the data model gives them no
        # cascade), and so do the stored join paths of its table.
        from datadossier.enrichment.db_models import RelationshipRecord
        from datadossier.store.repositories.relationships import clear_join_paths

        linked = or_(RelationshipRecord.from_column_id.in_(gone), RelationshipRecord.to_column_id.in_(gone))
        await session.execute(delete(RelationshipRecord).where(linked))
        await clear_join_paths(session, [table_id])
        await session.execute(delete(ColumnRecord).where(ColumnRecord.column_id.in_(gone)))
    result: dict[str, ColumnRecord] = {}
    for position, (name, raw_type, resolved_type) in enumerate(columns, start=1):
        row = existing.get(name)
        if row is None:
            row = ColumnRecord(table_id=table_id, column_name=name, column_position=position)
            session.add(row)
        row.column_position = position
        row.raw_type = raw_type
        row.resolved_type = resolved_type
        result[name] = row
    await session.flush()
    return result


async def save_table_run(
    session: AsyncSession,
    *,
    source_id: uuid.UUID,
    table_name: str,
    duckdb_path: str,
    layers: dict[str, LayerWrite],
    inferences: list[ColumnInference],
    decisions: dict[str, DecisionWrite],
    profiles: list[ColumnProfile],
    profiled_at: datetime,
    names: dict[str, str] | None = None,
) -> None:
    """Store everything one run learnt about a table. Profiles are added (versioned);
    candidates are replaced; a manual decision is never overwritten. ``names``: the human
    names the file gives its columns (a row of labels under the header), kept as their
    semantic annotations unless a person or a model annotated the column."""
    typed_columns: dict[str, ColumnRecord] = {}
    for layer, write in layers.items():
        table = await _upsert_table(
            session,
            source_id,
            table_name,
            layer,
            row_count=write.row_count,
            duckdb_path=duckdb_path,
            profiled_at=profiled_at if layer == "typed" else None,
        )
        cols = await _sync_columns(session, table.table_id, write.columns)
        if layer == "typed":
            typed_columns = cols

    # One statement per kind of row for the whole table, not one per column: a wide table
    # would otherwise pay a round trip per column (16 columns: 0.2 s on SQLite).
    inferred = [(typed_columns[i.column_name], i) for i in inferences if i.column_name in typed_columns]
    if inferred:
        await session.execute(
            delete(TypeCandidateRecord).where(TypeCandidateRecord.column_id.in_([c.column_id for c, _ in inferred]))
        )
    for column, inference in inferred:
        session.add_all(
            TypeCandidateRecord(
                column_id=column.column_id,
                detected_at=profiled_at,
                data_type=c.data_type,
                confidence=c.confidence,
                parse_success_rate=c.parse_success_rate,
                failed_examples=list(c.failed_examples),
                detected_pattern=c.detected_pattern,
                pattern_match_rate=c.pattern_match_rate,
                detected_unit=c.detected_unit,
                unit_confidence=c.unit_confidence,
            )
            for c in inference.candidates
        )

    await _save_file_names(session, typed_columns, names or {}, profiled_at)

    decided = {typed_columns[name].column_id: d for name, d in decisions.items() if name in typed_columns}
    current: dict[uuid.UUID | None, TypeDecisionRecord] = {}
    if decided:
        query = select(TypeDecisionRecord).where(TypeDecisionRecord.column_id.in_(list(decided)))
        current = {row.column_id: row for row in (await session.scalars(query)).all()}
    for column_id, decision in decided.items():
        _apply_decision(session, current.get(column_id), column_id, decision, profiled_at)

    session.add_all(
        ColumnProfileRecord(
            column_id=typed_columns[p.column_name].column_id,
            profiled_at=profiled_at,
            total_count=p.total_count,
            null_count=p.null_count,
            distinct_count=p.distinct_count,
            min_value=p.min_value if p.min_value is not None else _temporal_number(p.min_text, typed_columns[p.column_name].resolved_type),
            max_value=p.max_value if p.max_value is not None else _temporal_number(p.max_text, typed_columns[p.column_name].resolved_type),
            mean_value=p.mean_value,
            stddev_value=p.stddev_value,
            percentiles=p.percentiles,
            min_length=p.min_length,
            max_length=p.max_length,
            avg_length=p.avg_length,
            histogram=p.histogram,
            top_values=p.top_values,
            cardinality_ratio=p.cardinality_ratio,
            null_ratio=p.null_ratio,
        )
        for p in profiles
        if p.column_name in typed_columns
    )
    await session.flush()


# `semantic_annotations.annotation_source` of the names a file gives its columns.
FILE_ANNOTATION = "file"


async def _save_file_names(
    session: AsyncSession, columns: dict[str, ColumnRecord], names: dict[str, str], when: datetime
) -> None:
    """Keep the file's names of its columns as their business names: added, changed with the
    file, removed when it no longer gives one; an annotation from another source stands."""
    from datadossier.enrichment.db_models import SemanticAnnotationRecord

    ids = {column.column_id: name for name, column in columns.items()}
    query = select(SemanticAnnotationRecord).where(SemanticAnnotationRecord.column_id.in_(list(ids)))
    current = {row.column_id: row for row in (await session.scalars(query)).all()}
    for column_id, column_name in ids.items():
        row, name = current.get(column_id), names.get(column_name)
        if row is not None and row.annotation_source != FILE_ANNOTATION:
            continue
        if name is None:
            if row is not None:
                await session.delete(row)
        elif row is None:
            session.add(
                SemanticAnnotationRecord(
                    column_id=column_id, business_name=name, annotation_source=FILE_ANNOTATION,
                    annotated_by="file header", annotated_at=when, confidence=1.0,
                )
            )
        elif row.business_name != name:
            row.business_name, row.annotated_at = name, when


def _apply_decision(
    session: AsyncSession,
    row: TypeDecisionRecord | None,
    column_id: uuid.UUID,
    decision: DecisionWrite,
    when: datetime,
) -> None:
    """Record ``decision`` for a column whose current decision is ``row`` (None: none yet)."""
    if row is None:
        session.add(
            TypeDecisionRecord(
                column_id=column_id,
                decided_type=decision.decided_type,
                decision_source=decision.decision_source,
                decided_at=when,
                decided_by=decision.decided_by,
                decision_reason=decision.decision_reason,
            )
        )
        return
    if row.decision_source == "manual" and decision.decision_source != "manual":
        return  # a person's decision outlives re-runs
    if row.decided_type != decision.decided_type:
        row.previous_type = row.decided_type
    row.decided_type = decision.decided_type
    row.decision_source = decision.decision_source
    row.decision_reason = decision.decision_reason
    row.decided_by = decision.decided_by
    row.decided_at = when


async def set_manual_decision(
    session: AsyncSession,
    column_id: uuid.UUID,
    decided_type: str,
    *,
    decided_by: str,
    reason: str | None,
) -> str | None:
    """Record a person's type for a column; returns the type it replaces."""
    row = await session.scalar(select(TypeDecisionRecord).where(TypeDecisionRecord.column_id == column_id))
    previous = row.decided_type if row else None
    _apply_decision(
        session,
        row,
        column_id,
        DecisionWrite(decided_type, "manual", reason or "set by a person", decided_by),
        utcnow(),
    )
    if row is not None:
        # _apply_decision only notes a previous type when it differs; a manual decision
        # always records what it replaced, even when equal, for the audit trail.
        row.previous_type = previous
    return previous


_DECISION_FIELDS = ("decided_type", "decision_source", "decided_at", "decided_by", "previous_type", "decision_reason")


async def decision_state(session: AsyncSession, column_id: uuid.UUID) -> dict[str, Any] | None:
    """A column's decision as it stands (None: it has none), for `restore_decision`."""
    row = await session.scalar(select(TypeDecisionRecord).where(TypeDecisionRecord.column_id == column_id))
    return None if row is None else {name: getattr(row, name) for name in _DECISION_FIELDS}


async def restore_decision(session: AsyncSession, column_id: uuid.UUID, state: dict[str, Any] | None) -> None:
    """Put a column's decision back as `decision_state` read it: a manual type whose rebuild
    failed must not stay recorded over layers built with the old one."""
    row = await session.scalar(select(TypeDecisionRecord).where(TypeDecisionRecord.column_id == column_id))
    if state is None:
        if row is not None:
            await session.delete(row)
        return
    if row is None:
        session.add(TypeDecisionRecord(column_id=column_id, **state))
        return
    for name, value in state.items():
        setattr(row, name, value)


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def _temporal_number(text: str | None, data_type: str | None) -> float | None:
    """The stored number for a date or time bound: ``column_profiles`` keeps min and max as
    DOUBLE, so dates and timestamps are kept as epoch seconds (UTC) and times as seconds of
    the day; readers turn them back into ISO text by the column's type."""
    if text is None or data_type is None:
        return None
    kind = data_type.split("(")[0].upper()
    try:
        if kind == "TIME":
            if text.startswith("24:00:00"):
                return 86400.0  # DuckDB's end of the day (hhmm's 2400), which Python's time lacks
            parsed = time.fromisoformat(text)
            return parsed.hour * 3600 + parsed.minute * 60 + parsed.second + parsed.microsecond / 1e6
        if kind == "DATE" or kind.startswith("TIMESTAMP"):
            moment = datetime.fromisoformat(text)
            if moment.tzinfo is None:
                moment = moment.replace(tzinfo=UTC)
            return (moment - _EPOCH).total_seconds()
    except ValueError:
        return None
    return None
