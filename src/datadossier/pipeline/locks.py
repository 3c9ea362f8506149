"""One run per table at a time, across threads and processes.

A run holds an exclusive ``flock`` on ``HOME/locks/<source>.<table>.lock``. flock locks belong
to an open file, so a second run of the same table fails fast whether it comes from this
process (another MCP request) or another one (the CLI beside a server).
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import Iterator
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
