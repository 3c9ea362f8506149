"""One run per table at a time, across threads and processes.

A run holds an exclusive ``flock`` on ``HOME/locks/<source>.<table>.lock``. flock locks belong
to an open file, so a second run of the same table fails fast whether it comes from this
process (another MCP request) or another one (the CLI beside a server). Discovery of a
source waits for the one running instead (``waiting_lock``): its answer is what the second
caller wants too.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

from datadossier.errors import BusyError


def lock_path(home: Path, source: str, table: str) -> Path:
    return home / "locks" / f"{source}.{table}.lock"


@contextlib.contextmanager
def table_lock(home: Path, source: str, table: str) -> Iterator[None]:
    """Hold the table's run lock, or raise BusyError at once if another run holds it."""
    path = lock_path(home, source, table)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise BusyError(
                f"{source}.{table} is already being profiled.",
                hint="Wait for that run to finish, then ask again.",
            ) from exc
        yield
    finally:
        os.close(fd)  # closing the file releases the lock


@contextlib.asynccontextmanager
async def waiting_lock(home: Path, name: str, *, patience: float = 600.0) -> AsyncIterator[None]:
    """Hold ``HOME/locks/<name>.lock``, waiting (without blocking the event loop) while another
    holder, in this process or another, has it; BusyError after ``patience`` seconds."""
    import anyio

    path = home / "locks" / f"{name}.lock"
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        waited = 0.0
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError as exc:
                if waited >= patience:
                    raise BusyError(
                        f"Another discovery of {name.removeprefix('discovery.')} has been running for over {patience:.0f} s.",
                        hint="Wait for it to finish, then ask again.",
                    ) from exc
                await anyio.sleep(0.1)
                waited += 0.1
        yield
    finally:
        os.close(fd)
