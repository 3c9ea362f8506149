"""Pipeline runs as ``checkpoints`` rows: started, then completed or failed."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from datadossier.review.db_models import CheckpointRecord
from datadossier.store.base import utcnow


async def start_run(
    session: AsyncSession,
    source_id: uuid.UUID,
    *,
    dataflow_name: str,
    checkpoint_type: str,
    state: dict[str, Any],
) -> uuid.UUID:
    row = CheckpointRecord(
        dataflow_name=dataflow_name,
        source_id=source_id,
        status="running",
        checkpoint_type=checkpoint_type,
        checkpoint_state=state,
    )
    session.add(row)
    await session.flush()
    return row.checkpoint_id


async def finish_run(
    session: AsyncSession,
    checkpoint_id: uuid.UUID,
    *,
    status: str,
    state: dict[str, Any] | None = None,
    summary: dict[str, Any] | None = None,
    error: str | None = None,
) -> None:
    row = await session.get_one(CheckpointRecord, checkpoint_id)
    row.status = status
    row.completed_at = utcnow()
    if state is not None:
        row.checkpoint_state = state
    row.result_summary = summary
    row.error_message = error


async def runs_for_source(session: AsyncSession, source_id: uuid.UUID) -> list[dict[str, Any]]:
    rows = await session.scalars(
        select(CheckpointRecord)
        .where(CheckpointRecord.source_id == source_id)
        .order_by(CheckpointRecord.created_at)
    )
    return [
        {
            "checkpoint_id": r.checkpoint_id,
            "dataflow_name": r.dataflow_name,
            "status": r.status,
            "checkpoint_type": r.checkpoint_type,
            "state": r.checkpoint_state,
            "summary": r.result_summary,
            "error": r.error_message,
        }
        for r in rows.all()
    ]
