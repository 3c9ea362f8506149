"""Stored quality rules, their execution results and aggregate scores.

Only ``store/schema.py`` and the repositories import this module.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Double,
    ForeignKey,
    Index,
    String,
    Text,
    Uuid,
    true,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from datadossier.store.base import Base, JSONType, UTCDateTime, new_uuid, utcnow


class QualityRuleRecord(Base):
    """A data quality rule on a table or one of its columns: ``quality_rules``."""

    __tablename__ = "quality_rules"
    __table_args__ = (
        Index("idx_quality_rules_table", "table_id"),
        Index("idx_quality_rules_column", "column_id"),
    )

    rule_id: Mapped[uuid.UUID] = mapped_column(Uuid(), primary_key=True, default=new_uuid)

    table_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("tables.table_id"))
    # NULL for a table-level rule.
    column_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("columns.column_id"))

    rule_name: Mapped[str] = mapped_column(String(), nullable=False)
    rule_type: Mapped[str] = mapped_column(String(), nullable=False)
    rule_expression: Mapped[str | None] = mapped_column(Text())
    rule_parameters: Mapped[dict[str, Any] | None] = mapped_column(JSONType)

    severity: Mapped[str | None] = mapped_column(
        String(), default="warning", server_default="warning"
    )
    source: Mapped[str] = mapped_column(String(), nullable=False)
    description: Mapped[str | None] = mapped_column(Text())

    is_active: Mapped[bool | None] = mapped_column(Boolean(), default=True, server_default=true())
    created_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=utcnow)
    created_by: Mapped[str | None] = mapped_column(String())

    # Results go with their rule (ON DELETE CASCADE); the ORM leaves that to the database.
    results: Mapped[list[QualityResultRecord]] = relationship(
        back_populates="rule",
        lazy="raise",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )


class QualityResultRecord(Base):
    """One execution of a rule: ``quality_results``."""

    __tablename__ = "quality_results"

    result_id: Mapped[uuid.UUID] = mapped_column(Uuid(), primary_key=True, default=new_uuid)
    rule_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("quality_rules.rule_id", ondelete="CASCADE")
    )

    executed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=utcnow)

    total_records: Mapped[int | None] = mapped_column(BigInteger())
    passed_records: Mapped[int | None] = mapped_column(BigInteger())
    failed_records: Mapped[int | None] = mapped_column(BigInteger())
    pass_rate: Mapped[float | None] = mapped_column(Double())

    failure_samples: Mapped[list[Any] | None] = mapped_column(JSONType)

    previous_pass_rate: Mapped[float | None] = mapped_column(Double())
    trend_direction: Mapped[str | None] = mapped_column(String())

    rule: Mapped[QualityRuleRecord | None] = relationship(back_populates="results", lazy="raise")


class QualityScoreRecord(Base):
    """Quality scores (0-1) of a table or a column, versioned by ``computed_at``:
    ``quality_scores``. One of ``table_id`` and ``column_id`` is set."""

    __tablename__ = "quality_scores"

    score_id: Mapped[uuid.UUID] = mapped_column(Uuid(), primary_key=True, default=new_uuid)

    table_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("tables.table_id"))
    column_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("columns.column_id"))

    completeness_score: Mapped[float | None] = mapped_column(Double())
    validity_score: Mapped[float | None] = mapped_column(Double())
    consistency_score: Mapped[float | None] = mapped_column(Double())
    uniqueness_score: Mapped[float | None] = mapped_column(Double())
    timeliness_score: Mapped[float | None] = mapped_column(Double())

    overall_score: Mapped[float | None] = mapped_column(Double())

    computed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=utcnow)
