"""The declarative base every metadata model inherits, and the portable column types.

The same models run on SQLite (development) and PostgreSQL (production), so every type here
has one meaning on both:

* UUIDs are ``Uuid`` primary keys filled in Python (``uuid.uuid4``): SQLite has no
  ``gen_random_uuid()``.
* Timestamps are :class:`UTCDateTime`: always timezone-aware UTC in Python. SQLite's
  ``DateTime(timezone=True)`` silently drops the offset, so the conversion happens here.
  Their ``DEFAULT now()`` is the Python-side :func:`utcnow`, never a server default: SQLite's
  ``CURRENT_TIMESTAMP`` has whole-second precision and would reorder versioned rows written in
  the same second.
* ``JSONB`` is :data:`JSONType` (plain JSON text on SQLite) and ``VARCHAR[]`` is
  :data:`StringArray` (a JSON list on SQLite).

Naming: ORM classes end in ``Record`` (``SourceRecord``, ``ColumnProfileRecord`` ...) so they
never clash with the frozen domain dataclasses the pipeline stages return.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, DateTime, Dialect, MetaData, String
from sqlalchemy.dialects.postgresql import ARRAY, JSONB
from sqlalchemy.ext.asyncio import AsyncAttrs
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.types import TypeDecorator, TypeEngine

# Batch migrations on SQLite rebuild tables and can only drop or alter constraints that have
# names; a convention gives every constraint a stable one on both backends.
NAMING_CONVENTION: dict[str, str] = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

JSONType: TypeEngine[Any] = JSON().with_variant(JSONB(), "postgresql")
"""``JSONB`` on PostgreSQL, JSON text on SQLite. Wrap with ``MutableDict``/``MutableList`` or
reassign the attribute: in-place mutation of a JSON value is not tracked."""

StringArray: TypeEngine[Any] = JSON().with_variant(ARRAY(String()), "postgresql")
"""``VARCHAR[]`` on PostgreSQL, a JSON list of strings on SQLite."""


def utcnow() -> datetime:
    """The current time, timezone-aware in UTC (the Python-side ``DEFAULT now()``)."""
    return datetime.now(UTC)


def new_uuid() -> uuid.UUID:
    """A random UUID for a primary key (the Python-side ``DEFAULT gen_random_uuid()``)."""
    return uuid.uuid4()


class UTCDateTime(TypeDecorator[datetime]):
    """``TIMESTAMPTZ`` that always hands back aware UTC datetimes.

    Aware values are converted to UTC before they are stored, so two rows compare and sort
    by instant on both backends. A naive value is taken to be UTC already (DuckDB's
    ``TIMESTAMP`` columns and most data files carry no zone) rather than rejected. On read,
    SQLite's naive text gets UTC attached; PostgreSQL's value is normalised to UTC.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if not isinstance(value, datetime):
            raise TypeError(f"UTCDateTime expects a datetime, got {type(value).__name__}")
        value = value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
        if dialect.name == "sqlite":
            # SQLite would keep the offset text but ignore it when reading back; store the
            # UTC wall time without one so the text also sorts chronologically.
            return value.replace(tzinfo=None)
        return value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


class Base(AsyncAttrs, DeclarativeBase):
    """Base of every metadata model; ``Base.metadata`` carries the naming convention."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)
