"""The LLM response cache.

Only ``store/schema.py`` and the LLM call path's repository import this module.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Uuid, text, true
from sqlalchemy.orm import Mapped, mapped_column

from datadossier.store.base import Base, JSONType, UTCDateTime, new_uuid, utcnow


class LLMCacheRecord(Base):
    """One cached, validated LLM response: ``llm_cache``."""

    __tablename__ = "llm_cache"

    cache_id: Mapped[uuid.UUID] = mapped_column(Uuid(), primary_key=True, default=new_uuid)

    # Hash of everything that changes the answer (provider, model, prompt, schema, ...).
    cache_key: Mapped[str] = mapped_column(String(), nullable=False, unique=True)
    feature: Mapped[str] = mapped_column(String(), nullable=False)

    source_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("sources.source_id"))
    table_ids: Mapped[list[Any] | None] = mapped_column(JSONType)
    ontology: Mapped[str | None] = mapped_column(String())

    provider: Mapped[str] = mapped_column(String(), nullable=False)
    model: Mapped[str] = mapped_column(String(), nullable=False)
    prompt_hash: Mapped[str | None] = mapped_column(String())

    response_json: Mapped[Any] = mapped_column(JSONType, nullable=False)
    input_tokens: Mapped[int | None] = mapped_column(Integer())
    output_tokens: Mapped[int | None] = mapped_column(Integer())

    created_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=utcnow)
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    is_valid: Mapped[bool | None] = mapped_column(Boolean(), default=True, server_default=true())


# Partial index: only valid entries are looked up by feature. SQLite uses it only for queries
# whose WHERE contains this very term, so filter with ``LLMCacheRecord.is_valid == true()``.
Index(
    "idx_llm_cache_feature",
    LLMCacheRecord.feature,
    LLMCacheRecord.source_id,
    postgresql_where=text("is_valid = TRUE"),
    sqlite_where=text("is_valid = TRUE"),
)
# Redundant with the UNIQUE constraint's own index, but part of the data model.
Index("idx_llm_cache_key", LLMCacheRecord.cache_key)
