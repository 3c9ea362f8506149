"""The three views return the right rows, on SQLite and PostgreSQL."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from datadossier.enrichment.db_models import (
    RelationshipRecord,
    SemanticAnnotationRecord,
    TemporalProfileRecord,
)
from datadossier.profiling.db_models import (
    ColumnProfileRecord,
    TypeCandidateRecord,
    TypeDecisionRecord,
)
from datadossier.quality.db_models import QualityScoreRecord
from datadossier.store.models import ColumnRecord, SourceRecord, TableRecord
from datadossier.store.schema import metadata

T0 = datetime(2025, 1, 1, 12, 0, tzinfo=UTC)

COLUMN_METADATA_COLUMNS = [
    "column_id",
    "column_name",
    "resolved_type",
    "table_name",
    "source_name",
    "total_count",
    "null_ratio",
    "cardinality_ratio",
    "detected_pattern",
    "detected_unit",
    "semantic_role",
    "entity_type",
    "business_name",
    "detected_granularity",
    "quality_score",
]


async def _rows(session: AsyncSession, sql: str, **params: Any) -> list[dict[str, Any]]:
    result = await session.execute(text(sql), params)
    return [dict(row) for row in result.mappings()]


async def _orders_table(session: AsyncSession, names: list[str]) -> dict[str, uuid.UUID]:
    """A source ``shop`` with a table ``orders`` of the named columns; their ids by name."""
    source = SourceRecord(name="shop", source_type="csv")
    table = TableRecord(source=source, table_name="orders", layer="typed")
    columns = [
        ColumnRecord(table=table, column_name=name, column_position=position)
        for position, name in enumerate(names)
    ]
    session.add_all([source, table, *columns])
    await session.flush()
    return {column.column_name: column.column_id for column in columns}


async def test_latest_profiles_has_the_newest_profile_of_each_column(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    async with sessionmaker() as session:
        ids = await _orders_table(session, ["amount", "city"])
        session.add_all(
            [
                ColumnProfileRecord(
                    column_id=ids["amount"], profiled_at=T0, total_count=10, null_count=1
                ),
                # Newer by one millisecond: precision must survive on both backends.
                ColumnProfileRecord(
                    column_id=ids["amount"],
                    profiled_at=T0 + timedelta(milliseconds=1),
                    total_count=12,
                    null_count=0,
                    percentiles={"p50": 4.5},
                ),
                ColumnProfileRecord(
                    column_id=ids["city"], profiled_at=T0, total_count=7, null_count=2
                ),
            ]
        )
        await session.commit()

        rows = await _rows(session, "SELECT * FROM v_latest_profiles ORDER BY total_count")

    assert [(_as_uuid(row["column_id"]), row["total_count"]) for row in rows] == [
        (ids["city"], 7),
        (ids["amount"], 12),
    ]
    assert list(rows[0]) == list(metadata.tables["column_profiles"].columns.keys())


def _as_uuid(raw: object) -> uuid.UUID:
    # Raw SQL over a view returns UUIDs as the backend stores them: uuid.UUID from asyncpg,
    # 32-character hex text from SQLite.
    return raw if isinstance(raw, uuid.UUID) else uuid.UUID(str(raw))


async def test_column_metadata_has_one_row_per_column_with_the_decided_candidate(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    async with sessionmaker() as session:
        ids = await _orders_table(session, ["weight", "ordered_on", "note"])
        weight, ordered_on = ids["weight"], ids["ordered_on"]
        session.add_all(
            [
                # weight: decided DOUBLE although VARCHAR is the more confident candidate.
                TypeCandidateRecord(
                    column_id=weight, data_type="VARCHAR", confidence=1.0, detected_at=T0
                ),
                TypeCandidateRecord(
                    column_id=weight,
                    data_type="DOUBLE",
                    confidence=0.9,
                    detected_pattern="decimal",
                    detected_unit="kg",
                    detected_at=T0,
                ),
                TypeDecisionRecord(column_id=weight, decided_type="DOUBLE", decision_source="auto"),
                ColumnProfileRecord(
                    column_id=weight, profiled_at=T0, total_count=5, null_count=5, null_ratio=1.0
                ),
                ColumnProfileRecord(
                    column_id=weight,
                    profiled_at=T0 + timedelta(seconds=1),
                    total_count=8,
                    null_count=2,
                    null_ratio=0.25,
                    cardinality_ratio=0.5,
                ),
                QualityScoreRecord(column_id=weight, overall_score=0.5, computed_at=T0),
                QualityScoreRecord(
                    column_id=weight, overall_score=0.8, computed_at=T0 + timedelta(hours=1)
                ),
                SemanticAnnotationRecord(
                    column_id=weight,
                    semantic_role="measure",
                    entity_type="order",
                    business_name="Parcel weight",
                ),
                # ordered_on: no decision; the most confident candidate, then the latest.
                TypeCandidateRecord(
                    column_id=ordered_on,
                    data_type="VARCHAR",
                    confidence=0.6,
                    detected_pattern="text",
                    detected_at=T0 + timedelta(days=1),
                ),
                TypeCandidateRecord(
                    column_id=ordered_on,
                    data_type="DATE",
                    confidence=0.95,
                    detected_pattern="dmy_date",
                    detected_at=T0,
                ),
                TypeCandidateRecord(
                    column_id=ordered_on,
                    data_type="DATE",
                    confidence=0.95,
                    detected_pattern="iso_date",
                    detected_at=T0 + timedelta(minutes=1),
                ),
                TemporalProfileRecord(column_id=ordered_on, detected_granularity="day"),
            ]
        )
        await session.commit()

        rows = await _rows(session, "SELECT * FROM v_column_metadata ORDER BY column_name")

    assert list(rows[0]) == COLUMN_METADATA_COLUMNS
    by_name = {row["column_name"]: row for row in rows}
    assert [row["column_name"] for row in rows] == ["note", "ordered_on", "weight"]

    assert {key: by_name["weight"][key] for key in COLUMN_METADATA_COLUMNS[3:]} == {
        "table_name": "orders",
        "source_name": "shop",
        "total_count": 8,
        "null_ratio": 0.25,
        "cardinality_ratio": 0.5,
        "detected_pattern": "decimal",
        "detected_unit": "kg",
        "semantic_role": "measure",
        "entity_type": "order",
        "business_name": "Parcel weight",
        "detected_granularity": None,
        "quality_score": 0.8,
    }
    assert by_name["ordered_on"]["detected_pattern"] == "iso_date"
    assert by_name["ordered_on"]["detected_granularity"] == "day"
    assert by_name["ordered_on"]["total_count"] is None
    assert all(by_name["note"][key] is None for key in COLUMN_METADATA_COLUMNS[5:])


async def test_relationship_graph_names_the_tables_and_columns(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    async with sessionmaker() as session:
        source = SourceRecord(name="shop", source_type="csv")
        orders = TableRecord(source=source, table_name="orders", layer="typed")
        customers = TableRecord(source=source, table_name="customers", layer="typed")
        customer_ref = ColumnRecord(table=orders, column_name="customer_id", column_position=0)
        customer_key = ColumnRecord(table=customers, column_name="id", column_position=0)
        session.add_all([source, orders, customers, customer_ref, customer_key])
        await session.flush()
        session.add(
            RelationshipRecord(
                from_table_id=orders.table_id,
                from_column_id=customer_ref.column_id,
                to_table_id=customers.table_id,
                to_column_id=customer_key.column_id,
                relationship_type="foreign_key",
                cardinality="n:1",
                confidence=0.97,
            )
        )
        await session.commit()

        rows = await _rows(session, "SELECT * FROM v_relationship_graph")

    assert len(rows) == 1
    row = rows[0]
    del row["relationship_id"]
    assert row == {
        "from_table": "orders",
        "from_column": "customer_id",
        "to_table": "customers",
        "to_column": "id",
        "relationship_type": "foreign_key",
        "cardinality": "n:1",
        "confidence": 0.97,
        # Raw SQL: SQLite hands back its stored integer, PostgreSQL a bool.
        "is_confirmed": False,
    }
