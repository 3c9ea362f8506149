"""Stored results of profiling and type inference: profiles (versioned), candidates, decisions.

Only ``store/schema.py`` and the repositories import this module; the profiling stage itself
returns the domain objects of ``profiling/model.py`` and never touches the store.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Double,
    ForeignKey,
    Index,
    Integer,
    String,
    UniqueConstraint,
    Uuid,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from datadossier.store.base import Base, JSONType, UTCDateTime, new_uuid, utcnow
from datadossier.store.models.core import ColumnRecord


class ColumnProfileRecord(Base):
    """Statistics of one column from one profiling pass: ``column_profiles``.

    Versioned: every pass adds a row; ``v_latest_profiles`` picks the newest per column.
    """

    __tablename__ = "column_profiles"

    profile_id: Mapped[uuid.UUID] = mapped_column(Uuid(), primary_key=True, default=new_uuid)
    column_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("columns.column_id", ondelete="CASCADE")
    )
    profiled_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=utcnow)

    total_count: Mapped[int] = mapped_column(BigInteger(), nullable=False)
    null_count: Mapped[int] = mapped_column(BigInteger(), nullable=False)
    distinct_count: Mapped[int | None] = mapped_column(BigInteger())

    min_value: Mapped[float | None] = mapped_column(Double())
    max_value: Mapped[float | None] = mapped_column(Double())
    mean_value: Mapped[float | None] = mapped_column(Double())
    stddev_value: Mapped[float | None] = mapped_column(Double())
    percentiles: Mapped[dict[str, Any] | None] = mapped_column(JSONType)

    min_length: Mapped[int | None] = mapped_column(Integer())
    max_length: Mapped[int | None] = mapped_column(Integer())
    avg_length: Mapped[float | None] = mapped_column(Double())

    histogram: Mapped[list[Any] | None] = mapped_column(JSONType)
    top_values: Mapped[list[Any] | None] = mapped_column(JSONType)

    cardinality_ratio: Mapped[float | None] = mapped_column(Double())
    null_ratio: Mapped[float | None] = mapped_column(Double())

    column: Mapped[ColumnRecord | None] = relationship(lazy="raise")


# Declared outside the class because it orders one column descending.
Index(
    "idx_column_profiles_latest",
    ColumnProfileRecord.column_id,
    ColumnProfileRecord.profiled_at.desc(),
)


class TypeCandidateRecord(Base):
    """One possible type of a column with its evidence: ``type_candidates`` (many per column)."""

    __tablename__ = "type_candidates"
    __table_args__ = (Index("idx_type_candidates_column", "column_id"),)

    candidate_id: Mapped[uuid.UUID] = mapped_column(Uuid(), primary_key=True, default=new_uuid)
    column_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("columns.column_id", ondelete="CASCADE")
    )
    detected_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=utcnow)

    data_type: Mapped[str] = mapped_column(String(), nullable=False)
    confidence: Mapped[float] = mapped_column(Double(), nullable=False)
    parse_success_rate: Mapped[float | None] = mapped_column(Double())
    failed_examples: Mapped[list[Any] | None] = mapped_column(JSONType)

    detected_pattern: Mapped[str | None] = mapped_column(String())
    pattern_match_rate: Mapped[float | None] = mapped_column(Double())

    detected_unit: Mapped[str | None] = mapped_column(String())
    unit_confidence: Mapped[float | None] = mapped_column(Double())

    column: Mapped[ColumnRecord | None] = relationship(lazy="raise")


class TypeDecisionRecord(Base):
    """The one active type decision of a column, human-reviewable: ``type_decisions``."""

    __tablename__ = "type_decisions"
    __table_args__ = (UniqueConstraint("column_id"),)

    decision_id: Mapped[uuid.UUID] = mapped_column(Uuid(), primary_key=True, default=new_uuid)
    column_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("columns.column_id", ondelete="CASCADE")
    )

    decided_type: Mapped[str] = mapped_column(String(), nullable=False)
    decision_source: Mapped[str] = mapped_column(String(), nullable=False)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=utcnow)
    decided_by: Mapped[str | None] = mapped_column(String())

    previous_type: Mapped[str | None] = mapped_column(String())
    decision_reason: Mapped[str | None] = mapped_column(String())

    column: Mapped[ColumnRecord | None] = relationship(lazy="raise")
