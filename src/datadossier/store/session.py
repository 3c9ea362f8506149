"""Engines and sessions for the metadata store (SQLite by default, PostgreSQL in production).

SQLite connections are set up for several writers (two server processes, a CLI run beside a
server): write-ahead logging so readers do not block the writer, a 30 s busy timeout, foreign
keys enforced, and every transaction opened with ``BEGIN IMMEDIATE``. A deferred transaction
that reads and then writes fails at once with SQLITE_BUSY when another connection holds the
write lock, busy timeout or not; an immediate one takes the write lock up front and waits for
it. The price: transactions on one SQLite file run one at a time, reads included; WAL keeps
readers outside transactions unaffected.

PostgreSQL keeps the metadata in schema ``metadata``. The models carry no schema; instead every
connection's ``search_path`` is ``metadata``, so the same table names work on both backends.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import anyio
from sqlalchemy import event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker
from sqlalchemy.ext.asyncio import create_async_engine as _create_async_engine

from datadossier.errors import StoreError

PG_SCHEMA = "metadata"
"""PostgreSQL schema holding the metadata tables."""

SQLITE_BUSY_TIMEOUT_SECONDS = 30

_SQLITE_DRIVER = "sqlite+aiosqlite"
_PG_DRIVER = "postgresql+asyncpg"


def parse_url(url: str | URL) -> URL:
    """Parse a store URL and give it the async driver of its backend.

    ``sqlite:///...`` becomes ``sqlite+aiosqlite:///...`` and ``postgresql://...`` (or
    ``postgres://``) becomes ``postgresql+asyncpg://...``. Other backends raise StoreError.
    """
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise StoreError(
            f"The store URL {url!r} is not a valid SQLAlchemy URL.",
            hint="Use sqlite+aiosqlite:///path/to/metadata.db or "
            "postgresql+asyncpg://user@host:5432/dbname.",
        ) from exc
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        return parsed.set(drivername=_SQLITE_DRIVER)
    if backend in ("postgresql", "postgres"):
        return parsed.set(drivername=_PG_DRIVER)
    raise StoreError(
        f"Unsupported metadata store backend {backend!r}.",
        hint="The metadata store runs on SQLite (sqlite+aiosqlite:///...) or PostgreSQL "
        "(postgresql+asyncpg://...).",
    )


def dialect_name(url: str | URL) -> str:
    """``"sqlite"`` or ``"postgresql"`` for a store URL."""
    return parse_url(url).get_backend_name()


def create_engine(url: str | URL, **kwargs: Any) -> AsyncEngine:
    """An async engine on the metadata store, configured for its backend.

    Extra keyword arguments go to ``create_async_engine`` (e.g. ``poolclass``). Call
    ``await engine.dispose()`` when done.
    """
    parsed = parse_url(url)
    if parsed.get_backend_name() == "sqlite":
        return _create_sqlite_engine(parsed, **kwargs)
    return _create_postgresql_engine(parsed, **kwargs)


def create_sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    """Sessions on ``engine`` whose objects stay readable after commit."""
    return async_sessionmaker(engine, expire_on_commit=False)


class UninterruptedSessions:
    """Sessions that a cancelled caller cannot cut off halfway.

    A request cancelled while its session waits on the database (an MCP client gives up,
    a timeout) leaves SQLAlchemy to close that connection in the background; on SQLite, where
    every transaction holds the write lock from ``BEGIN IMMEDIATE``, the next writer could
    wait out the whole busy timeout (seen under load after cancelled discoveries). Here the
    block runs to its end under a shielded cancel scope, and the cancellation takes effect at
    the caller's next await. The runtime hands these to everything (tools, CLI, pipeline), so
    a block must stay short: store work only, never a profile run, a discovery or a wait on
    DuckDB inside it.
    """

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    @contextlib.asynccontextmanager
    async def __call__(self) -> AsyncIterator[AsyncSession]:
        with anyio.CancelScope(shield=True):
            async with self._sessions() as session:
                yield session

    @contextlib.asynccontextmanager
    async def begin(self) -> AsyncIterator[AsyncSession]:
        with anyio.CancelScope(shield=True):
            async with self._sessions.begin() as session:
                yield session


def _create_sqlite_engine(url: URL, **kwargs: Any) -> AsyncEngine:
    database = url.database
    if database and database != ":memory:" and not database.startswith("file:"):
        try:
            Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(
                f"Cannot create the directory of the SQLite store {database!r}: {exc}.",
                hint="Point DATADOSSIER_STORE_URL (or DATADOSSIER_HOME) at a writable place.",
            ) from exc
    connect_args: dict[str, Any] = dict(kwargs.pop("connect_args", {}))
    # sqlite3's own wait for a lock, in seconds; the PRAGMA below says the same in ms.
    connect_args.setdefault("timeout", SQLITE_BUSY_TIMEOUT_SECONDS)
    engine = _create_async_engine(url, connect_args=connect_args, **kwargs)
    event.listen(engine.sync_engine, "connect", _on_sqlite_connect)
    event.listen(engine.sync_engine, "begin", _begin_immediate)
    return engine


def _on_sqlite_connect(dbapi_connection: Any, connection_record: Any) -> None:
    # Take BEGIN away from the sqlite3 driver (it would emit a deferred BEGIN, and only before
    # DML); _begin_immediate emits it instead. COMMIT and ROLLBACK still work as usual.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        # busy_timeout first: switching to WAL needs a lock another process may hold.
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_SECONDS * 1000}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA foreign_keys = ON")
    finally:
        cursor.close()


def _begin_immediate(connection: Any) -> None:
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def uses_begin_immediate(engine: AsyncEngine) -> bool:
    """Whether ``engine`` was made by :func:`create_engine` for SQLite (opens every transaction
    with ``BEGIN IMMEDIATE``)."""
    return event.contains(engine.sync_engine, "begin", _begin_immediate)


def _create_postgresql_engine(url: URL, **kwargs: Any) -> AsyncEngine:
    connect_args: dict[str, Any] = dict(kwargs.pop("connect_args", {}))
    server_settings: dict[str, str] = dict(connect_args.get("server_settings", {}))
    server_settings.setdefault("search_path", PG_SCHEMA)
    server_settings.setdefault("application_name", "datadossier")
    connect_args["server_settings"] = server_settings
    kwargs.setdefault("pool_pre_ping", True)
    return _create_async_engine(url, connect_args=connect_args, **kwargs)
