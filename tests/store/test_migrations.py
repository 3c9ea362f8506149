"""The migrations build exactly the models' schema, safely, on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
import sys
import uuid
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Connection, delete, func, inspect, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from datadossier.errors import StoreError
from datadossier.profiling.db_models import ColumnProfileRecord
from datadossier.store.migrate import (
    PACKAGED_HEAD,
    alembic_config,
    current_revision,
    head_revision,
    upgrade,
)
from datadossier.store.models import ColumnRecord, SourceRecord, TableRecord
from datadossier.store.schema import metadata
from datadossier.store.session import create_engine, create_sessionmaker
from datadossier.store.views import VIEW_NAMES

EXPECTED_INDEXES = {
    "column_profiles": {"idx_column_profiles_latest"},
    "llm_cache": {"idx_llm_cache_key", "idx_llm_cache_feature"},
    "columns": {"idx_columns_table"},
    "type_candidates": {"idx_type_candidates_column"},
    "relationships": {"idx_relationships_from", "idx_relationships_to"},
    "quality_rules": {"idx_quality_rules_table", "idx_quality_rules_column"},
    "checkpoints": {"idx_checkpoints_status"},
    "review_queue": {"idx_review_queue_status"},
}
PARTIAL_INDEXES = {
    ("llm_cache", "idx_llm_cache_feature"): "is_valid",
    ("review_queue", "idx_review_queue_status"): "pending",
}

# Run in a separate interpreter: a second server process migrating the same store.
UPGRADE_SCRIPT = """
import asyncio, sys
from datadossier.store.migrate import upgrade
from datadossier.store.session import create_engine

async def main() -> None:
    engine = create_engine(sys.argv[1])
    try:
        await upgrade(engine)
    finally:
        await engine.dispose()

asyncio.run(main())
"""


def _schema_report(connection: Connection) -> dict[str, Any]:
    context = MigrationContext.configure(connection, opts={"compare_type": True})
    inspector = inspect(connection)
    indexes = {table: inspector.get_indexes(table) for table in EXPECTED_INDEXES}
    return {
        "diff": compare_metadata(context, metadata),
        "tables": set(inspector.get_table_names()),
        "views": set(inspector.get_view_names()),
        "indexes": indexes,
        "default_schema": inspector.default_schema_name,
    }


async def _applied_revisions(engine: AsyncEngine) -> list[str]:
    async with engine.connect() as connection:
        result = await connection.execute(text("SELECT version_num FROM alembic_version"))
        return list(result.scalars())


async def test_upgrade_builds_exactly_the_models_schema(store_engine: AsyncEngine) -> None:
    async with store_engine.connect() as connection:
        report = await connection.run_sync(_schema_report)

    assert report["diff"] == []
    assert report["tables"] == set(metadata.tables) | {"alembic_version"}
    assert len(metadata.tables) == 19
    assert report["views"] == set(VIEW_NAMES)
    for table, expected in EXPECTED_INDEXES.items():
        assert expected <= {index["name"] for index in report["indexes"][table]}, table
    for (table, name), predicate_word in PARTIAL_INDEXES.items():
        (index,) = [i for i in report["indexes"][table] if i["name"] == name]
        where = index["dialect_options"].get(f"{store_engine.dialect.name}_where")
        assert predicate_word in str(where), (table, name, where)
    assert await current_revision(store_engine) == head_revision()


async def test_postgresql_keeps_everything_in_schema_metadata(pg_database_url: str) -> None:
    engine = create_engine(pg_database_url)
    try:
        await upgrade(engine)
        async with engine.connect() as connection:
            rows = await connection.execute(
                text(
                    "SELECT table_schema, table_name FROM information_schema.tables "
                    "WHERE table_schema NOT IN ('pg_catalog', 'information_schema')"
                )
            )
            located = {tuple(row) for row in rows}
            default_schema = await connection.run_sync(lambda c: inspect(c).default_schema_name)
    finally:
        await engine.dispose()
    expected_names = set(metadata.tables) | set(VIEW_NAMES) | {"alembic_version"}
    assert located == {("metadata", name) for name in expected_names}
    assert default_schema == "metadata"


async def test_upgrading_twice_changes_nothing(store_engine: AsyncEngine) -> None:
    await upgrade(store_engine)

    assert await _applied_revisions(store_engine) == [head_revision()]
    async with store_engine.connect() as connection:
        report = await connection.run_sync(_schema_report)
    assert report["diff"] == []


def test_packaged_head_is_alembics_head() -> None:
    assert head_revision() == PACKAGED_HEAD


# A second start on a current store reads the version table and leaves Alembic unimported.
FAST_START_SCRIPT = UPGRADE_SCRIPT.replace(
    "asyncio.run(main())",
    "asyncio.run(main())\nprint(sorted(n for n in sys.modules if n.split('.')[0] == 'alembic'))",
)


async def test_a_current_store_is_not_migrated_again(store_url: str) -> None:
    engine = create_engine(store_url)
    try:
        await upgrade(engine)
    finally:
        await engine.dispose()
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-c", FAST_START_SCRIPT, store_url,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )
    out, err = await process.communicate()
    assert process.returncode == 0, err.decode()
    assert out.decode().strip() == "[]"


async def test_downgrade_to_base_removes_everything_and_upgrade_restores_it(
    store_engine: AsyncEngine,
) -> None:
    def downgrade_to_base(connection: Connection) -> None:
        with connection.begin():
            command.downgrade(alembic_config(connection), "base")

    async with store_engine.connect() as connection:
        await connection.run_sync(downgrade_to_base)
        left = await connection.run_sync(
            lambda c: set(inspect(c).get_table_names()) | set(inspect(c).get_view_names())
        )
    assert left == {"alembic_version"}
    assert await current_revision(store_engine) is None

    await upgrade(store_engine)
    async with store_engine.connect() as connection:
        report = await connection.run_sync(_schema_report)
    assert report["diff"] == []
    assert report["views"] == set(VIEW_NAMES)


async def test_a_new_database_has_no_revision(store_url: str) -> None:
    engine = create_engine(store_url)
    try:
        assert await current_revision(engine) is None
    finally:
        await engine.dispose()


async def test_concurrent_upgrades_from_two_engines_apply_the_revision_once(
    store_url: str,
) -> None:
    engines = [create_engine(store_url) for _ in range(2)]
    try:
        await asyncio.gather(*(upgrade(engine) for engine in engines))
        assert await _applied_revisions(engines[0]) == [head_revision()]
    finally:
        for engine in engines:
            await engine.dispose()


async def test_concurrent_upgrades_from_two_processes_apply_the_revision_once(
    store_url: str,
) -> None:
    processes = [
        await asyncio.create_subprocess_exec(
            sys.executable,
            "-c",
            UPGRADE_SCRIPT,
            store_url,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        for _ in range(2)
    ]
    outputs = await asyncio.wait_for(
        asyncio.gather(*(process.communicate() for process in processes)), timeout=120
    )

    for process, (_, stderr) in zip(processes, outputs, strict=True):
        assert process.returncode == 0, stderr.decode()
    engine = create_engine(store_url)
    try:
        assert await _applied_revisions(engine) == [head_revision()]
        assert await current_revision(engine) == head_revision()
    finally:
        await engine.dispose()


async def test_an_unreachable_postgresql_server_raises_store_error() -> None:
    # Port 1 on the loopback interface: nothing listens there.
    engine = create_engine("postgresql+asyncpg://postgres@127.0.0.1:1/nothing")
    try:
        with pytest.raises(StoreError) as raised:
            await upgrade(engine)
    finally:
        await engine.dispose()
    assert raised.value.hint is not None
    assert "PostgreSQL server is running" in raised.value.hint


def test_a_sqlite_store_in_an_impossible_directory_raises_store_error(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")

    with pytest.raises(StoreError):
        create_engine(f"sqlite+aiosqlite:///{blocker / 'store' / 'metadata.db'}")


async def test_sqlite_connections_use_wal_foreign_keys_and_a_busy_timeout(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite+aiosqlite:///{tmp_path / 'new-dir' / 'metadata.db'}")
    try:
        async with engine.connect() as connection:
            journal_mode = (await connection.execute(text("PRAGMA journal_mode"))).scalar()
            foreign_keys = (await connection.execute(text("PRAGMA foreign_keys"))).scalar()
            busy_timeout = (await connection.execute(text("PRAGMA busy_timeout"))).scalar()
    finally:
        await engine.dispose()
    assert (journal_mode, foreign_keys, busy_timeout) == ("wal", 1, 30_000)


# Schema behaviour the rest of the product relies on.


async def test_timestamps_round_trip_as_the_same_instant_in_utc(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    plus_two = timezone(timedelta(hours=2))
    written = datetime(2024, 3, 5, 3, 4, 5, 123456, tzinfo=plus_two)
    async with sessionmaker() as session:
        source = SourceRecord(name="shop", source_type="csv", created_at=written)
        naive = SourceRecord(
            name="naive", source_type="csv", created_at=datetime(2024, 3, 5, 1, 4, 5)
        )
        session.add_all([source, naive])
        await session.commit()

    async with sessionmaker() as session:
        read = await session.scalar(select(SourceRecord.created_at).filter_by(name="shop"))
        read_naive = await session.scalar(select(SourceRecord.created_at).filter_by(name="naive"))
        default = await session.scalar(select(SourceRecord.updated_at).filter_by(name="shop"))

    assert read == written
    assert read is not None
    assert read.tzinfo is UTC
    assert (read.hour, read.microsecond) == (1, 123456)
    assert read_naive == datetime(2024, 3, 5, 1, 4, 5, tzinfo=UTC)
    assert default is not None
    assert default.tzinfo is UTC


async def test_unique_rules_are_enforced(sessionmaker: async_sessionmaker[AsyncSession]) -> None:
    async with sessionmaker() as session:
        session.add(SourceRecord(name="shop", source_type="csv"))
        await session.commit()

    async with sessionmaker() as session:
        session.add(SourceRecord(name="shop", source_type="parquet"))
        with pytest.raises(IntegrityError):
            await session.commit()

    async with sessionmaker() as session:
        source = SourceRecord(name="crm", source_type="csv")
        table = TableRecord(source=source, table_name="orders", layer="raw")
        session.add_all([source, table])
        await session.flush()
        session.add(TableRecord(source_id=source.source_id, table_name="orders", layer="typed"))
        session.add(ColumnRecord(table_id=table.table_id, column_name="id", column_position=0))
        await session.commit()
        # A rollback expires every loaded object: keep the ids.
        source_id, table_id = source.source_id, table.table_id

        session.add(ColumnRecord(table_id=table_id, column_name="id", column_position=1))
        with pytest.raises(IntegrityError):
            await session.commit()
        await session.rollback()

        session.add(TableRecord(source_id=source_id, table_name="orders", layer="raw"))
        with pytest.raises(IntegrityError):
            await session.commit()


async def test_deleting_a_table_deletes_its_columns_and_their_profiles(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    async with sessionmaker() as session:
        source = SourceRecord(name="shop", source_type="csv")
        kept = TableRecord(source=source, table_name="customers", layer="raw")
        dropped = TableRecord(source=source, table_name="orders", layer="raw")
        kept_column = ColumnRecord(table=kept, column_name="id", column_position=0)
        columns = [
            ColumnRecord(table=dropped, column_name=name, column_position=position)
            for position, name in enumerate(["id", "amount"])
        ]
        session.add_all([source, kept, dropped, kept_column, *columns])
        await session.flush()
        session.add(
            ColumnProfileRecord(column_id=columns[0].column_id, total_count=3, null_count=0)
        )
        await session.commit()
        dropped_id = dropped.table_id

    async with sessionmaker() as session:
        await session.execute(delete(TableRecord).where(TableRecord.table_id == dropped_id))
        await session.commit()

    async with sessionmaker() as session:
        remaining = (await session.scalars(select(ColumnRecord.table_id))).all()
        profiles = await session.scalar(select(func.count()).select_from(ColumnProfileRecord))
    assert remaining == [kept.table_id]
    assert profiles == 0


async def test_deleting_a_table_through_the_orm_leaves_the_columns_to_the_database(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    table_id = uuid.uuid4()
    async with sessionmaker() as session:
        source = SourceRecord(name="shop", source_type="csv")
        table = TableRecord(table_id=table_id, source=source, table_name="orders", layer="raw")
        session.add_all(
            [source, table, ColumnRecord(table=table, column_name="id", column_position=0)]
        )
        await session.commit()

    async with sessionmaker() as session:
        table = await session.get_one(TableRecord, table_id)
        # Columns are not loaded (lazy="raise"): the delete must not need them.
        await session.delete(table)
        await session.commit()

    async with sessionmaker() as session:
        assert await session.scalar(select(func.count()).select_from(ColumnRecord)) == 0


async def test_a_store_is_usable_through_a_new_engine_after_migration(
    store_engine: AsyncEngine,
) -> None:
    # Another process (a second engine) must find the tables without any schema prefix.
    other = create_engine(store_engine.url)
    try:
        async with create_sessionmaker(other)() as session:
            session.add(SourceRecord(name="shop", source_type="csv"))
            await session.commit()
        async with create_sessionmaker(store_engine)() as session:
            names = (await session.scalars(select(SourceRecord.name))).all()
    finally:
        await other.dispose()
    assert names == ["shop"]
