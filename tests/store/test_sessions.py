"""UninterruptedSessions: a cancelled caller does not cut a store session off halfway."""

from __future__ import annotations

import anyio
import anyio.lowlevel
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from datadossier.store.repositories import catalog
from datadossier.store.session import UninterruptedSessions


async def test_a_cancelled_caller_lets_the_transaction_finish(sessionmaker: async_sessionmaker[AsyncSession]) -> None:
    sessions = UninterruptedSessions(sessionmaker)
    reached: list[object] = []
    with anyio.CancelScope() as scope:
        async with sessions.begin() as session:
            scope.cancel()  # as a client giving up in the middle of the write
            await catalog.ensure_source(session, "late", "csv", None)
            reached.append((await session.execute(text("SELECT 1"))).scalar())
        await anyio.lowlevel.checkpoint()  # the cancellation lands here, after the commit
        reached.append("after")
    assert scope.cancelled_caught
    assert reached == [1]
    # The write committed and the write lock is free: another transaction goes through at once.
    with anyio.fail_after(5):
        async with sessionmaker.begin() as session:
            assert await catalog.get_source(session, "late") is not None
