"""A column's decision put back as it was after a manual type's rebuild failed, on SQLite and
PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from datadossier.profiling.db_models import TypeDecisionRecord
from datadossier.store.models import ColumnRecord, SourceRecord, TableRecord
from datadossier.store.repositories import runs


async def test_a_decision_is_restored_as_it_was(sessionmaker: async_sessionmaker[AsyncSession]) -> None:
    decided_at = datetime(2025, 3, 1, 9, 30, tzinfo=UTC)
    async with sessionmaker.begin() as session:
        source = SourceRecord(name="shop", source_type="csv")
        table = TableRecord(source=source, table_name="orders", layer="typed")
        auto = ColumnRecord(table=table, column_name="qty", column_position=0)
        bare = ColumnRecord(table=table, column_name="note", column_position=1)
        session.add_all([source, table, auto, bare])
        await session.flush()
        session.add(
            TypeDecisionRecord(
                column_id=auto.column_id, decided_type="INTEGER", decision_source="auto",
                decided_at=decided_at, decision_reason="every value parses",
            )
        )
        auto_id, bare_id = auto.column_id, bare.column_id

    async with sessionmaker.begin() as session:
        before = {cid: await runs.decision_state(session, cid) for cid in (auto_id, bare_id)}
        assert await runs.set_manual_decision(session, auto_id, "DOUBLE", decided_by="ann", reason=None) == "INTEGER"
        assert await runs.set_manual_decision(session, bare_id, "DATE", decided_by="ann", reason=None) is None
    assert before[bare_id] is None

    async with sessionmaker.begin() as session:
        for cid, state in before.items():
            await runs.restore_decision(session, cid, state)

    async with sessionmaker() as session:
        rows = {
            r.column_id: r for r in await session.scalars(select(TypeDecisionRecord))
        }
    assert set(rows) == {auto_id}
    restored = rows[auto_id]
    assert (restored.decided_type, restored.decision_source, restored.decided_by) == ("INTEGER", "auto", None)
    assert (restored.previous_type, restored.decision_reason) == (None, "every value parses")
    assert restored.decided_at == decided_at
