"""Dataflow checkpoints (resume after human review) and the human review queue.

Only ``store/schema.py`` and the repositories import this module.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, String, Text, Uuid, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from datadossier.store.base import Base, JSONType, UTCDateTime, new_uuid, utcnow


class CheckpointRecord(Base):
    """A paused or finished dataflow run and the state needed to resume it: ``checkpoints``."""

    __tablename__ = "checkpoints"
    __table_args__ = (Index("idx_checkpoints_status", "status"),)

    checkpoint_id: Mapped[uuid.UUID] = mapped_column(Uuid(), primary_key=True, default=new_uuid)

    dataflow_name: Mapped[str] = mapped_column(String(), nullable=False)
    source_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("sources.source_id"))

    status: Mapped[str] = mapped_column(String(), nullable=False)
    checkpoint_type: Mapped[str] = mapped_column(String(), nullable=False)

    created_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=utcnow)
    resumed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    checkpoint_state: Mapped[Any] = mapped_column(JSONType, nullable=True)

    result_summary: Mapped[Any] = mapped_column(JSONType, nullable=True)
    error_message: Mapped[str | None] = mapped_column(Text())

    # No ON DELETE CASCADE in the data model: a checkpoint with queued reviews cannot be
    # deleted until they are.
    review_items: Mapped[list[ReviewQueueItemRecord]] = relationship(
        back_populates="checkpoint", lazy="raise", passive_deletes="all"
    )


class ReviewQueueItemRecord(Base):
    """One item waiting for (or given) a human review: ``review_queue``."""

    __tablename__ = "review_queue"

    review_id: Mapped[uuid.UUID] = mapped_column(Uuid(), primary_key=True, default=new_uuid)
    checkpoint_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("checkpoints.checkpoint_id"))

    review_type: Mapped[str] = mapped_column(String(), nullable=False)
    # Id of the reviewed row (a decision, a relationship ...); its table depends on review_type.
    item_id: Mapped[uuid.UUID] = mapped_column(Uuid(), nullable=False)

    context_data: Mapped[Any] = mapped_column(JSONType, nullable=True)
    suggested_action: Mapped[Any] = mapped_column(JSONType, nullable=True)

    status: Mapped[str | None] = mapped_column(
        String(), default="pending", server_default="pending"
    )
    reviewed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    reviewed_by: Mapped[str | None] = mapped_column(String())
    review_notes: Mapped[str | None] = mapped_column(Text())

    checkpoint: Mapped[CheckpointRecord | None] = relationship(
        back_populates="review_items", lazy="raise"
    )


# Partial index: the queue is read for pending items only.
Index(
    "idx_review_queue_status",
    ReviewQueueItemRecord.status,
    postgresql_where=text("status = 'pending'"),
    sqlite_where=text("status = 'pending'"),
)
