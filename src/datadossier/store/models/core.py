"""Core inventory: data sources, their tables (per layer) and the tables' columns.

Relationships load nothing implicitly (``lazy="raise"``): an async session cannot lazy-load,
so a repository states what it needs with ``selectinload``/``joinedload``. Rows of other
domains (profiles, annotations, rules ...) point at these with many-to-one relationships
declared in their own modules; the core models do not name them, so importing this module
alone never needs the other domains' classes.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, ForeignKey, Index, Integer, String, UniqueConstraint, Uuid
from sqlalchemy.orm import Mapped, mapped_column, relationship

from datadossier.store.base import Base, JSONType, UTCDateTime, new_uuid, utcnow


class SourceRecord(Base):
    """A data source (a CSV/Parquet file set, a PostgreSQL database, an API): ``sources``."""

    __tablename__ = "sources"

    source_id: Mapped[uuid.UUID] = mapped_column(Uuid(), primary_key=True, default=new_uuid)
    name: Mapped[str] = mapped_column(String(), nullable=False, unique=True)
    source_type: Mapped[str] = mapped_column(String(), nullable=False)
    # Secrets inside are encrypted by the caller before they get here.
    connection_config: Mapped[dict[str, Any] | None] = mapped_column(JSONType)
    created_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime | None] = mapped_column(
        UTCDateTime(), default=utcnow, onupdate=utcnow
    )

    # No ON DELETE CASCADE from sources to tables in the data model: deleting a source that
    # still has tables fails in the database instead of silently dropping their metadata.
    tables: Mapped[list[TableRecord]] = relationship(
        back_populates="source", lazy="raise", passive_deletes="all"
    )


class TableRecord(Base):
    """One table of a source in one layer (``raw``, ``typed``, ``quarantine``): ``tables``."""

    __tablename__ = "tables"
    __table_args__ = (UniqueConstraint("source_id", "table_name", "layer"),)

    table_id: Mapped[uuid.UUID] = mapped_column(Uuid(), primary_key=True, default=new_uuid)
    source_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("sources.source_id"))
    table_name: Mapped[str] = mapped_column(String(), nullable=False)
    layer: Mapped[str] = mapped_column(String(), nullable=False)
    duckdb_path: Mapped[str | None] = mapped_column(String())
    row_count: Mapped[int | None] = mapped_column(BigInteger())
    created_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=utcnow)
    last_profiled_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    source: Mapped[SourceRecord | None] = relationship(back_populates="tables", lazy="raise")
    # The database deletes the columns (ON DELETE CASCADE); the ORM must not try to load them.
    columns: Mapped[list[ColumnRecord]] = relationship(
        back_populates="table",
        lazy="raise",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="ColumnRecord.column_position",
    )


class ColumnRecord(Base):
    """One column of a table: ``columns``."""

    __tablename__ = "columns"
    __table_args__ = (
        UniqueConstraint("table_id", "column_name"),
        Index("idx_columns_table", "table_id"),
    )

    column_id: Mapped[uuid.UUID] = mapped_column(Uuid(), primary_key=True, default=new_uuid)
    table_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("tables.table_id", ondelete="CASCADE")
    )
    column_name: Mapped[str] = mapped_column(String(), nullable=False)
    column_position: Mapped[int] = mapped_column(Integer(), nullable=False)
    raw_type: Mapped[str | None] = mapped_column(String())
    resolved_type: Mapped[str | None] = mapped_column(String())

    table: Mapped[TableRecord | None] = relationship(back_populates="columns", lazy="raise")
