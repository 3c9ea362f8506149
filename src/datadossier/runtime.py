"""What the server and the CLI share at run time: settings, the migrated store, the pipeline."""

from __future__ import annotations

import contextlib
import logging
import sys
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack
from dataclasses import dataclass
from typing import TYPE_CHECKING

from datadossier.config import Settings

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncEngine

    from datadossier.pipeline.early import EarlyLoad
    from datadossier.pipeline.runner import Pipeline
    from datadossier.store.session import UninterruptedSessions


@dataclass(slots=True)
class Runtime:
    settings: Settings
    engine: AsyncEngine
    sessions: UninterruptedSessions
    pipeline: Pipeline


def configure_logging(level: str) -> None:
    """Log to stderr only: in the server, stdout is the MCP stream."""
    logging.basicConfig(
        level=level.upper(),
        stream=sys.stderr,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )


@contextlib.asynccontextmanager
async def open_runtime(
    settings: Settings | None = None, *, migrate: bool = True, early: EarlyLoad | None = None
) -> AsyncIterator[Runtime]:
    """Open the store (migrating it to the newest schema) and build the pipeline (which takes
    over ``early``, a file's load begun before the store was open)."""
    from datadossier.pipeline.runner import Pipeline
    from datadossier.store.migrate import upgrade
    from datadossier.store.session import UninterruptedSessions, create_engine, create_sessionmaker

    settings = settings or Settings()
    settings.home.mkdir(parents=True, exist_ok=True)
    engine = create_engine(settings.resolved_store_url)
    try:
        if migrate:
            await upgrade(engine)
        sessions = UninterruptedSessions(create_sessionmaker(engine))
        yield Runtime(
            settings=settings, engine=engine, sessions=sessions, pipeline=Pipeline(settings, sessions, early=early)
        )
    finally:
        await engine.dispose()


class LazyRuntime:
    """Opens the runtime on first use.

    The MCP server must answer ``initialize`` fast, and importing DuckDB, SQLAlchemy and
    Alembic and migrating the store takes a second or more; so the server starts with this
    handle and the first tool call pays that cost once.
    """

    def __init__(self, settings: Settings) -> None:
        import anyio

        self.settings = settings
        self._runtime: Runtime | None = None
        self._lock = anyio.Lock()
        self._stack = AsyncExitStack()

    async def get(self) -> Runtime:
        async with self._lock:
            if self._runtime is None:
                self._runtime = await self._stack.enter_async_context(open_runtime(self.settings))
            return self._runtime

    async def aclose(self) -> None:
        await self._stack.aclose()
        self._runtime = None
