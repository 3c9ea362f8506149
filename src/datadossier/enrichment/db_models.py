"""Stored enrichment: semantic annotations, table entities, relationships, join paths, temporal
profiles.

Only ``store/schema.py`` and the repositories import this module.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import (
    Boolean,
    Double,
    ForeignKey,
    Index,
    Integer,
    Interval,
    String,
    Text,
    UniqueConstraint,
    Uuid,
    false,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from datadossier.store.base import Base, JSONType, StringArray, UTCDateTime, new_uuid, utcnow
from datadossier.store.models.core import ColumnRecord, TableRecord


class SemanticAnnotationRecord(Base):
    """Role, entity and business meaning of one column: ``semantic_annotations``."""

    __tablename__ = "semantic_annotations"
    __table_args__ = (UniqueConstraint("column_id"),)

    annotation_id: Mapped[uuid.UUID] = mapped_column(Uuid(), primary_key=True, default=new_uuid)
    column_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("columns.column_id", ondelete="CASCADE")
    )

    semantic_role: Mapped[str | None] = mapped_column(String())
    entity_type: Mapped[str | None] = mapped_column(String())

    business_name: Mapped[str | None] = mapped_column(String())
    business_description: Mapped[str | None] = mapped_column(Text())
    business_domain: Mapped[str | None] = mapped_column(String())

    ontology_term: Mapped[str | None] = mapped_column(String())
    ontology_uri: Mapped[str | None] = mapped_column(String())

    annotation_source: Mapped[str | None] = mapped_column(String())
    annotated_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=utcnow)
    annotated_by: Mapped[str | None] = mapped_column(String())
    confidence: Mapped[float | None] = mapped_column(Double())

    column: Mapped[ColumnRecord | None] = relationship(lazy="raise")


class TableEntityRecord(Base):
    """The entity a table describes, its grain and fact/dimension role: ``table_entities``."""

    __tablename__ = "table_entities"

    entity_id: Mapped[uuid.UUID] = mapped_column(Uuid(), primary_key=True, default=new_uuid)
    table_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("tables.table_id", ondelete="CASCADE")
    )

    detected_entity_type: Mapped[str] = mapped_column(String(), nullable=False)
    description: Mapped[str | None] = mapped_column(Text())
    confidence: Mapped[float | None] = mapped_column(Double())
    evidence: Mapped[Any] = mapped_column(JSONType, nullable=True)

    grain_columns: Mapped[list[str] | None] = mapped_column(StringArray)
    is_fact_table: Mapped[bool | None] = mapped_column(Boolean())
    is_dimension_table: Mapped[bool | None] = mapped_column(Boolean())

    detection_source: Mapped[str | None] = mapped_column(String())
    detected_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=utcnow)

    table: Mapped[TableRecord | None] = relationship(lazy="raise")


class RelationshipRecord(Base):
    """A detected link between two columns (usually of two tables): ``relationships``."""

    __tablename__ = "relationships"
    __table_args__ = (
        UniqueConstraint("from_column_id", "to_column_id"),
        Index("idx_relationships_from", "from_table_id"),
        Index("idx_relationships_to", "to_table_id"),
    )

    relationship_id: Mapped[uuid.UUID] = mapped_column(Uuid(), primary_key=True, default=new_uuid)

    from_table_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("tables.table_id"))
    from_column_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("columns.column_id"))
    to_table_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("tables.table_id"))
    to_column_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("columns.column_id"))

    relationship_type: Mapped[str] = mapped_column(String(), nullable=False)
    cardinality: Mapped[str | None] = mapped_column(String())

    confidence: Mapped[float] = mapped_column(Double(), nullable=False)
    detection_method: Mapped[str | None] = mapped_column(String())
    evidence: Mapped[Any] = mapped_column(JSONType, nullable=True)

    is_confirmed: Mapped[bool | None] = mapped_column(
        Boolean(), default=False, server_default=false()
    )
    confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    confirmed_by: Mapped[str | None] = mapped_column(String())

    detected_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=utcnow)

    from_column: Mapped[ColumnRecord | None] = relationship(
        foreign_keys=[from_column_id], lazy="raise"
    )
    to_column: Mapped[ColumnRecord | None] = relationship(foreign_keys=[to_column_id], lazy="raise")


class JoinPathRecord(Base):
    """A join path between two tables computed from relationships: ``join_paths``."""

    __tablename__ = "join_paths"
    __table_args__ = (UniqueConstraint("from_table_id", "to_table_id", "path_steps"),)

    path_id: Mapped[uuid.UUID] = mapped_column(Uuid(), primary_key=True, default=new_uuid)

    from_table_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("tables.table_id"))
    to_table_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("tables.table_id"))

    # [{from_col, to_table, to_col}, ...]. Part of a UNIQUE key: on SQLite that compares the
    # JSON text, so write the steps with a stable key order.
    path_steps: Mapped[list[Any]] = mapped_column(JSONType, nullable=False)
    path_length: Mapped[int] = mapped_column(Integer(), nullable=False)
    total_confidence: Mapped[float | None] = mapped_column(Double())

    computed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=utcnow)


class TemporalProfileRecord(Base):
    """Range, granularity, gaps and trend of one time column: ``temporal_profiles``."""

    __tablename__ = "temporal_profiles"
    __table_args__ = (UniqueConstraint("column_id"),)

    temporal_id: Mapped[uuid.UUID] = mapped_column(Uuid(), primary_key=True, default=new_uuid)
    column_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("columns.column_id", ondelete="CASCADE")
    )

    min_timestamp: Mapped[datetime | None] = mapped_column(UTCDateTime())
    max_timestamp: Mapped[datetime | None] = mapped_column(UTCDateTime())

    detected_granularity: Mapped[str | None] = mapped_column(String())
    granularity_confidence: Mapped[float | None] = mapped_column(Double())
    dominant_gap: Mapped[timedelta | None] = mapped_column(Interval())

    expected_periods: Mapped[int | None] = mapped_column(Integer())
    actual_periods: Mapped[int | None] = mapped_column(Integer())
    completeness_ratio: Mapped[float | None] = mapped_column(Double())

    gap_count: Mapped[int | None] = mapped_column(Integer())
    largest_gap: Mapped[timedelta | None] = mapped_column(Interval())
    gap_details: Mapped[list[Any] | None] = mapped_column(JSONType)

    has_seasonality: Mapped[bool | None] = mapped_column(Boolean())
    seasonality_period: Mapped[str | None] = mapped_column(String())
    trend_direction: Mapped[str | None] = mapped_column(String())

    profiled_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=utcnow)

    column: Mapped[ColumnRecord | None] = relationship(lazy="raise")
