"""Alembic migrations of the metadata store, run from code inside a running event loop.

The migration scripts ship inside the package (``store/migrations``), and the Alembic
``Config`` is built here, so an installed server needs no ``alembic.ini``. ``upgrade`` hands
its own connection to ``env.py`` (``config.attributes["connection"]``) and runs Alembic in
that connection's greenlet through ``run_sync``.

Two processes that start at once must not both apply a revision. The whole migration runs in
one transaction that first takes a store-wide lock, before Alembic reads the version table:
on SQLite the ``BEGIN IMMEDIATE`` of our engines (the write lock; the second process waits
in the busy timeout), on PostgreSQL ``pg_advisory_xact_lock``. The second process then sees
the first one's revision and has nothing left to do. Both backends run DDL transactionally,
so a failed migration leaves nothing behind.

Starting a process on a store that is already current is the common case, and importing
Alembic alone costs about 0.35 s there. So ``upgrade`` first reads the version table with
plain SQL and returns when it holds ``PACKAGED_HEAD``; Alembic is imported only to migrate.
"""

from __future__ import annotations

import asyncio
import weakref
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncEngine

from datadossier.errors import StoreError
from datadossier.store.session import PG_SCHEMA, uses_begin_immediate

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
# The newest revision in ``migrations/versions``; a test checks it against Alembic's head.
PACKAGED_HEAD = "0001"

# Any constant shared by every datadossier process; the bytes of "dossier!".
_PG_MIGRATION_LOCK_KEY = 7237130065734365729

# Alembic keeps the running migration's context in module globals (``alembic.context``,
# ``alembic.op``), so two migrations interleaving in one event loop, even of two different
# databases, would overwrite each other's. One lock per loop runs them one after the other.
_IN_PROCESS_LOCKS: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Lock] = (
    weakref.WeakKeyDictionary()
)


def _in_process_lock() -> asyncio.Lock:
    loop = asyncio.get_running_loop()
    lock = _IN_PROCESS_LOCKS.get(loop)
    if lock is None:
        lock = _IN_PROCESS_LOCKS[loop] = asyncio.Lock()
    return lock


def alembic_config(connection: Connection | None = None) -> Config:
    """The Alembic configuration of the packaged migrations, optionally bound to a connection
    (``env.py`` then migrates through it instead of opening its own)."""
    from alembic.config import Config

    config = Config()
    # ConfigParser interpolation would read a "%" in the path as a reference.
    config.set_main_option("script_location", str(MIGRATIONS_DIR).replace("%", "%%"))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    """The newest revision shipped with this version of the package, as Alembic reads it."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:  # pragma: no cover - the package always ships a migration
        raise StoreError("No migrations found in the package.", hint="Reinstall datadossier.")
    return head


async def upgrade(engine: AsyncEngine) -> None:
    """Migrate the store behind ``engine`` to the newest revision (a no-op when it is there).

    Safe to call from several processes at once. ``engine`` must come from
    :func:`datadossier.store.session.create_engine`. Raises StoreError when the database
    cannot be reached or migrated.
    """
    if engine.dialect.name == "sqlite" and not uses_begin_immediate(engine):
        raise StoreError(
            "This SQLite engine does not open transactions with BEGIN IMMEDIATE, so concurrent "
            "migrations could collide.",
            hint="Create the engine with datadossier.store.session.create_engine().",
        )
    if await _is_current(engine):
        return
    from alembic.util.exc import CommandError

    try:
        async with _in_process_lock(), engine.connect() as connection:
            await connection.run_sync(_upgrade_sync)
    except CommandError as exc:
        raise StoreError(
            f"Cannot migrate the metadata store at {_describe(engine)}: {exc}.",
            hint="The database may have been migrated by a newer datadossier; upgrade the "
            "package, or point DATADOSSIER_STORE_URL at another database.",
        ) from exc
    except (SQLAlchemyError, OSError) as exc:
        raise StoreError(
            f"Cannot migrate the metadata store at {_describe(engine)}: {_reason(exc)}.",
            hint=_connection_hint(engine),
        ) from exc


async def current_revision(engine: AsyncEngine) -> str | None:
    """The revision the store is at, or None for a database never migrated."""
    try:
        async with engine.connect() as connection:
            return await connection.run_sync(_current_revision_sync)
    except (SQLAlchemyError, OSError) as exc:
        raise StoreError(
            f"Cannot read the revision of the metadata store at {_describe(engine)}: "
            f"{_reason(exc)}.",
            hint=_connection_hint(engine),
        ) from exc


async def _is_current(engine: AsyncEngine) -> bool:
    """Whether the store's version table already says ``PACKAGED_HEAD``. Any failure (no
    table yet, no schema, no server) answers False: the full path then migrates or reports
    the error properly."""
    try:
        async with engine.connect() as connection:
            rows = (await connection.execute(text("SELECT version_num FROM alembic_version"))).all()
    except (SQLAlchemyError, OSError):
        return False
    return [row[0] for row in rows] == [PACKAGED_HEAD]


def lock_and_prepare(connection: Connection) -> None:
    """Take the migration lock and create what Alembic needs before it reads its version.

    Call inside the migration's transaction. On SQLite the transaction's ``BEGIN IMMEDIATE``
    already is the lock. On PostgreSQL: an advisory lock released at commit or rollback, then
    schema ``metadata`` (created under the lock: ``CREATE SCHEMA IF NOT EXISTS`` itself can
    fail when two sessions race it).
    """
    if connection.dialect.name != "postgresql":
        return
    connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_MIGRATION_LOCK_KEY})
    exists = connection.execute(
        text("SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = :schema"),
        {"schema": PG_SCHEMA},
    ).scalar()
    if not exists:
        connection.execute(text(f'CREATE SCHEMA IF NOT EXISTS "{PG_SCHEMA}"'))


def _upgrade_sync(connection: Connection) -> None:
    from alembic import command

    with connection.begin():
        lock_and_prepare(connection)
        command.upgrade(alembic_config(connection), "head")
    dialect = connection.dialect
    if dialect.name == "postgresql" and dialect.default_schema_name is None:
        # The engine's first connection asked for current_schema() before the schema existed
        # and cached NULL; record what it would say now, as it does for later engines.
        dialect.default_schema_name = PG_SCHEMA


def _current_revision_sync(connection: Connection) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with connection.begin():
        return MigrationContext.configure(connection).get_current_revision()


def _describe(engine: AsyncEngine) -> str:
    return engine.url.render_as_string(hide_password=True)


def _reason(exc: BaseException) -> str:
    # SQLAlchemy's messages carry SQL and a link; the driver's first line says what happened.
    original = getattr(exc, "orig", None) or exc
    return (str(original).strip().splitlines() or [type(original).__name__])[0]


def _connection_hint(engine: AsyncEngine) -> str:
    if engine.dialect.name == "sqlite":
        return (
            "Check that the SQLite file's directory is writable and on a local disk, and that "
            "no other program holds a long write lock on it."
        )
    return (
        "Check that the PostgreSQL server is running and reachable, that the database in "
        "DATADOSSIER_STORE_URL exists, and that its user may create schema "
        f"{PG_SCHEMA!r} (or that the schema exists)."
    )
