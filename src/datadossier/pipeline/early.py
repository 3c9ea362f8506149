"""A file's load, started before the metadata store is open.

The profile command spends its first second and a half in Python on one core: importing
SQLAlchemy, Alembic and the models, migrating the store, reading the table's state. DuckDB
needs none of that to copy the file and load its stage, so the command starts that load
first, in a thread of its own, and the pipeline takes it over when it reaches the table
(`Pipeline` with ``early=``). What the load cannot know yet is settled there: a person's
types are applied to the loaded stage (a thin stage is loaded again when they need text it
left out, see `stages.finish_table`).

It starts only where it cannot be wasted or get in the way: for one file, or the first file
of a folder or glob, that no earlier run copied into the workspace (an unchanged file would
not be loaded again) unless the run is forced, and whose table no other run holds. Should the
pipeline reach another table first (the folder changed meanwhile), it undoes the load. It holds that table's
run lock and the workspace from the start, as the pipeline would, and gives both up when
closed; a load the pipeline never took is undone then (the copy deleted).
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
import uuid
from pathlib import Path
from typing import TYPE_CHECKING

from datadossier.engine.gateway import Workspace, interrupt
from datadossier.errors import DatadossierError
from datadossier.pipeline.locks import table_lock
from datadossier.pipeline.stages import StagedFile, copies_of, fingerprint, stage_file
from datadossier.sources.files import DataFile, resolve_files, safe_name, table_folder

if TYPE_CHECKING:
    from typing import Any

    import duckdb

    from datadossier.config import Settings


def common_dir(paths: list[Path]) -> Path:
    """The folder a run's files share (a pattern's: the folder its files lie under)."""
    parents = {table_folder(p) for p in paths}
    if len(parents) == 1:
        return parents.pop()
    return Path(os.path.commonpath([str(p) for p in parents]))


def source_for(directory: Path, given: str | None) -> str:
    """The source a run's files belong to: the name given, else their folder's."""
    return safe_name(given) if given else safe_name(directory.name)


def workspace_for(settings: Settings) -> Workspace:
    """The workspace the settings name, with their limits."""
    return Workspace(
        settings.duckdb_path,
        threads=settings.threads,
        memory_limit=settings.memory_limit,
        timeout_seconds=settings.query_timeout_seconds,
    )


class EarlyLoad:
    """The load of one file into its stage, running in a thread from construction until the
    pipeline takes it (`take`) or the command ends (`close`)."""

    def __init__(self, settings: Settings, file: DataFile, source: str, encoding: str | None) -> None:
        self.file = file
        self.source = source
        self.table = file.table_name
        self.workspace = workspace_for(settings)
        self.scratch = self.workspace.path.parent / "tmp" / f"stage-{uuid.uuid4().hex[:12]}.duckdb"
        self.started = time.perf_counter()
        self._settings = settings
        self._encoding = encoding
        self._held = contextlib.ExitStack()
        self._connection: list[duckdb.DuckDBPyConnection] = []
        self._staged: StagedFile | None = None
        self._error: BaseException | None = None
        self._taken = False
        self._closing = threading.Event()
        # Taken here, not in the thread: a run that holds it already makes this load give up
        # before it starts, and the pipeline reports that run as usual.
        self._held.enter_context(table_lock(settings.home, source, self.table))
        try:
            self.fingerprint = fingerprint(file.path)
            self._thread = threading.Thread(target=self._load, name=f"early-load-{self.table}", daemon=True)
            self._thread.start()
        except BaseException:
            self._held.close()
            raise

    @classmethod
    def start(
        cls, settings: Settings, spec: str, *, source: str | None, encoding: str | None, force: bool
    ) -> EarlyLoad | None:
        """An early load of ``spec`` when it is one file worth loading now (see the module),
        else None: then the pipeline runs as usual, and reports any problem with the path."""
        if settings.read_only:
            return None
        try:
            files = resolve_files(spec, settings.roots)
        except DatadossierError:
            return None
        # A folder's (or a glob's) files are profiled in this order: the first one.
        file = files[0]
        name = source_for(common_dir([f.path for f in files]), source)
        if not force and copies_of(settings.home / "files", name, file.table_name):
            return None
        try:
            return cls(settings, file, name, encoding)
        except (DatadossierError, OSError):
            return None

    def _load(self) -> None:
        try:
            con = self._held.enter_context(self.workspace.connect())
            self._connection.append(con)
            if self._closing.is_set():  # closed while connecting: interrupt() found nothing to stop
                return
            settings = self._settings
            self._staged = self.workspace.run(
                con,
                lambda: stage_file(
                    con, source=self.source, table=self.table, file=self.file,
                    null_tokens=settings.null_tokens, max_columns=settings.max_columns,
                    files_dir=settings.home / "files", encoding=self._encoding, scratch=self.scratch,
                ),
            )
        except BaseException as exc:  # handed to whoever takes the load
            self._error = exc

    def matches(self, source: str, table: str, file: DataFile | None) -> bool:
        """Whether this is the load of that table's run."""
        return (
            not self._taken and file is not None and file.path == self.file.path
            and (source, table) == (self.source, self.table)
        )

    def take(self) -> tuple[duckdb.DuckDBPyConnection, StagedFile]:
        """Wait for the load and take it over: its connection (still this object's to close)
        and its stage, or the error that stopped it. From here the copy is the run's."""
        self._thread.join()
        self._taken = True
        if self._error is not None:
            raise self._error
        assert self._staged is not None
        assert self._connection
        return self._connection[0], self._staged

    def close(self) -> None:
        """Stop a load still running, close its connection and give up its locks. A load
        nobody took leaves nothing behind: its copy and scratch stage are deleted."""
        self._closing.set()
        if self._thread.is_alive():
            interrupt(self._connection)
        self._thread.join()
        self._held.close()
        if not self._taken and self._staged is not None and self._staged.raw_copy is not None:
            self._staged.raw_copy.unlink(missing_ok=True)
        for leftover in (self.scratch, self.scratch.with_name(self.scratch.name + ".wal")):
            leftover.unlink(missing_ok=True)

    def __enter__(self) -> EarlyLoad:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()
