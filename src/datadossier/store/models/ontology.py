"""Ontologies (domain vocabularies with metrics and default rules) and where they were applied."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, ForeignKey, String, Text, Uuid, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from datadossier.store.base import Base, JSONType, UTCDateTime, new_uuid, utcnow


class OntologyRecord(Base):
    """A named ontology, built in or user-defined: ``ontologies``."""

    __tablename__ = "ontologies"

    ontology_id: Mapped[uuid.UUID] = mapped_column(Uuid(), primary_key=True, default=new_uuid)
    name: Mapped[str] = mapped_column(String(), nullable=False, unique=True)
    description: Mapped[str | None] = mapped_column(Text())
    version: Mapped[str | None] = mapped_column(String())
    concepts: Mapped[list[Any] | None] = mapped_column(JSONType)
    metrics: Mapped[list[Any] | None] = mapped_column(JSONType)
    quality_rules: Mapped[Any] = mapped_column(JSONType, nullable=True)
    semantic_hints: Mapped[Any] = mapped_column(JSONType, nullable=True)
    is_builtin: Mapped[bool | None] = mapped_column(
        Boolean(), default=False, server_default=false()
    )
    created_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime | None] = mapped_column(
        UTCDateTime(), default=utcnow, onupdate=utcnow
    )


class OntologyApplicationRecord(Base):
    """One application of an ontology to a table and what it found: ``ontology_applications``."""

    __tablename__ = "ontology_applications"

    application_id: Mapped[uuid.UUID] = mapped_column(Uuid(), primary_key=True, default=new_uuid)
    table_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("tables.table_id"))
    ontology_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("ontologies.ontology_id"))
    matched_concepts: Mapped[Any] = mapped_column(JSONType, nullable=True)
    applicable_metrics: Mapped[Any] = mapped_column(JSONType, nullable=True)
    applied_rules: Mapped[Any] = mapped_column(JSONType, nullable=True)
    applied_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=utcnow)

    ontology: Mapped[OntologyRecord | None] = relationship(lazy="raise")
