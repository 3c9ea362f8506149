"""Reading what is known about columns: ``v_column_metadata`` and the rows behind it."""

from __future__ import annotations

import uuid
from collections import defaultdict
from typing import Any

from sqlalchemy import BigInteger, Double, String, Uuid, bindparam, column, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from datadossier.errors import ColumnNotFoundError
from datadossier.profiling.db_models import TypeCandidateRecord, TypeDecisionRecord
from datadossier.store.base import JSONType, UTCDateTime
from datadossier.store.domain import (
    CandidateInfo,
    ColumnDetail,
    DecisionInfo,
    ProfileInfo,
    TableSummary,
)
from datadossier.store.models.core import ColumnRecord

_VIEW_COLUMNS = (
    "column_id, column_name, resolved_type, table_name, source_name, total_count, null_ratio, "
    "cardinality_ratio, detected_pattern, detected_unit, semantic_role, entity_type, "
    "business_name, detected_granularity, quality_score"
)
_PROFILE_COLUMNS = (
    "column_id, profiled_at, total_count, null_count, distinct_count, min_value, max_value, "
    "mean_value, stddev_value, percentiles, min_length, max_length, avg_length, histogram, "
    "top_values, cardinality_ratio, null_ratio"
)

# Result types of the views' columns, so both backends hand back UUIDs, aware datetimes
# and decoded JSON. Every selected column is listed, in order (matched by position).
_TYPES: dict[str, Any] = {
    "column_id": Uuid(),
    "profiled_at": UTCDateTime(),
    "percentiles": JSONType,
    "histogram": JSONType,
    "top_values": JSONType,
    "total_count": BigInteger(),
    "null_count": BigInteger(),
    "distinct_count": BigInteger(),
    "min_length": BigInteger(),
    "max_length": BigInteger(),
}
_DOUBLES = ("_ratio", "_value", "_score", "avg_length")


def _typed_columns(names: str) -> list[Any]:
    """Typed column clauses for a comma-separated list of the views' column names."""
    result = []
    for name in (n.strip() for n in names.split(",")):
        default = Double() if name.endswith(_DOUBLES) else String()
        result.append(column(name, _TYPES.get(name, default)))
    return result


_VIEW_TYPES = _typed_columns(_VIEW_COLUMNS)
_PROFILE_TYPES = _typed_columns(_PROFILE_COLUMNS)


async def column_details(
    session: AsyncSession, table: TableSummary, column: str | None = None
) -> list[ColumnDetail]:
    """Everything known about the columns of ``table`` (its typed layer), in column order."""
    stmt = select(ColumnRecord).where(ColumnRecord.table_id == table.table_id).order_by(ColumnRecord.column_position)
    columns = list((await session.scalars(stmt)).all())
    if column is not None:
        # Exactly, else as a header wrote it: in another case, with spaces around (WHO's
        # "Life expectancy ", whose column is "Life expectancy").
        match = [c for c in columns if c.column_name == column] or [
            c for c in columns if c.column_name.lower() == column.strip().lower()
        ]
        if not match:
            names = ", ".join(c.column_name for c in columns[:50])
            if len(columns) > 50:
                names += f" and {len(columns) - 50} more"
            raise ColumnNotFoundError(
                f"Table {table.qualified_name} has no column '{column}'.",
                hint=f"Its columns: {names}.",
            )
        columns = match[:1]
    if not columns:
        return []
    ids = [c.column_id for c in columns]

    ids_param = bindparam("ids", expanding=True, type_=Uuid())
    view_rows = await session.execute(
        text(f"SELECT {_VIEW_COLUMNS} FROM v_column_metadata WHERE column_id IN :ids")
        .bindparams(ids_param)
        .columns(*_VIEW_TYPES),
        {"ids": ids},
    )
    view = {r.column_id: r for r in view_rows}
    profile_rows = await session.execute(
        text(f"SELECT {_PROFILE_COLUMNS} FROM v_latest_profiles WHERE column_id IN :ids")
        .bindparams(ids_param)
        .columns(*_PROFILE_TYPES),
        {"ids": ids},
    )
    profiles = {r.column_id: _profile(r) for r in profile_rows}

    candidates: dict[uuid.UUID, list[CandidateInfo]] = defaultdict(list)
    for c in (
        await session.scalars(
            select(TypeCandidateRecord)
            .where(TypeCandidateRecord.column_id.in_(ids))
            .order_by(TypeCandidateRecord.confidence.desc())
        )
    ).all():
        if c.column_id is not None:
            candidates[c.column_id].append(
                CandidateInfo(
                    data_type=c.data_type,
                    confidence=c.confidence,
                    parse_success_rate=c.parse_success_rate,
                    failed_examples=list(c.failed_examples or []),
                    detected_pattern=c.detected_pattern,
                    pattern_match_rate=c.pattern_match_rate,
                    detected_unit=c.detected_unit,
                    unit_confidence=c.unit_confidence,
                )
            )
    decisions = {
        d.column_id: DecisionInfo(
            decided_type=d.decided_type,
            decision_source=d.decision_source,
            decided_by=d.decided_by,
            decided_at=d.decided_at,
            previous_type=d.previous_type,
            decision_reason=d.decision_reason,
        )
        for d in (
            await session.scalars(select(TypeDecisionRecord).where(TypeDecisionRecord.column_id.in_(ids)))
        ).all()
    }

    details: list[ColumnDetail] = []
    for col in columns:
        v = view.get(col.column_id)
        details.append(
            ColumnDetail(
                column_id=col.column_id,
                column_name=col.column_name,
                column_position=col.column_position,
                raw_type=col.raw_type,
                resolved_type=col.resolved_type,
                table_name=table.table,
                source_name=table.source,
                total_count=v.total_count if v else None,
                null_ratio=v.null_ratio if v else None,
                cardinality_ratio=v.cardinality_ratio if v else None,
                detected_pattern=v.detected_pattern if v else None,
                detected_unit=v.detected_unit if v else None,
                semantic_role=v.semantic_role if v else None,
                entity_type=v.entity_type if v else None,
                business_name=v.business_name if v else None,
                detected_granularity=v.detected_granularity if v else None,
                quality_score=v.quality_score if v else None,
                candidates=candidates.get(col.column_id, []),
                decision=decisions.get(col.column_id),
                profile=profiles.get(col.column_id),
            )
        )
    return details


def _profile(r: Any) -> ProfileInfo:
    return ProfileInfo(
        profiled_at=r.profiled_at,
        total_count=r.total_count,
        null_count=r.null_count,
        distinct_count=r.distinct_count,
        min_value=r.min_value,
        max_value=r.max_value,
        mean_value=r.mean_value,
        stddev_value=r.stddev_value,
        percentiles=r.percentiles,
        min_length=r.min_length,
        max_length=r.max_length,
        avg_length=r.avg_length,
        histogram=r.histogram,
        top_values=r.top_values,
        cardinality_ratio=r.cardinality_ratio,
        null_ratio=r.null_ratio,
    )
