"""The orchestrator: runs the stages of a source in order and stores every result.

This is the one place where DuckDB work (in worker threads, through the engine gateway) and
the metadata store (async sessions, through the repositories) meet. Per table:
DuckDB transaction -> load, infer, layers, profile -> store transaction commits -> DuckDB
commits. A failure anywhere rolls both back, so a bad file never leaves half a table behind.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
import uuid
from collections.abc import Callable, Coroutine
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import anyio
import anyio.from_thread
import anyio.to_thread

from datadossier.config import Settings
from datadossier.engine import BackgroundFlush, Workspace, interrupt, layer_relation
from datadossier.errors import (
    DatadossierError,
    EngineError,
    ReadOnlyError,
    SourceError,
    TableNotFoundError,
)
from datadossier.pipeline.early import EarlyLoad, common_dir, source_for, workspace_for
from datadossier.pipeline.locks import table_lock
from datadossier.pipeline.stages import (
    CONTENT_KEY,
    STAGES,
    KeptCopy,
    StagedFile,
    StageOutput,
    content_hash,
    fingerprint,
    finish_table,
    relation_exists,
    run_table,
    same_bytes,
    same_print,
    with_contents,
)
from datadossier.sources.csv_loader import reads_nulls_as
from datadossier.sources.files import (
    DataFile,
    FileFormat,
    is_json,
    is_spreadsheet,
    json_to_parquet_hint,
    resolve_files,
    safe_name,
)
from datadossier.store.base import utcnow
from datadossier.store.domain import DecisionWrite, FileState, LayerWrite, TableSummary
from datadossier.store.repositories import catalog, checkpoints, runs

if TYPE_CHECKING:
    from datadossier.store.session import UninterruptedSessions

log = logging.getLogger(__name__)

Progress = Callable[[float, float, str], Coroutine[Any, Any, None]]


@dataclass(frozen=True, slots=True)
class TableRun:
    """What happened to one table in a run."""

    source: str
    table: str
    path: str | None
    # 'profiled', 'unchanged', 'retyped', 'failed', 'removed' (its file is gone), 'left_out'
    # (a file of the folder or pattern not read as a table: `error` says why)
    status: str
    raw_rows: int | None = None
    typed_rows: int | None = None
    quarantine_rows: int | None = None
    seconds: dict[str, float] = field(default_factory=dict)
    dialect: dict[str, Any] | None = None
    # Why a file of a folder or glob failed (the others are profiled all the same).
    error: str | None = None
    hint: str | None = None

    @property
    def qualified_name(self) -> str:
        return f"{self.source}.{self.table}"


def _same_encoding(read: object, asked: str) -> bool:
    """Whether a file read in ``read`` (a CSV dialect's) was read as ``asked``: names compared
    as Python's codecs know them ("latin1" is "latin-1")."""
    import codecs

    try:
        return isinstance(read, str) and codecs.lookup(read).name == codecs.lookup(asked).name
    except LookupError:
        return False


def _left_out(source: str, path: Path, roots: list[Path]) -> TableRun:
    """What a run says of an entry of a folder it did not read (`resolve_files`' left_out)."""
    if path.is_symlink() and not any(path.resolve().is_relative_to(root) for root in roots):
        error = f"a link to {path.resolve()}, outside the directories this server may read"
        hint = "Copy the file into the folder, or add its directory to DATADOSSIER_ROOTS."
    elif path.is_dir():
        error = "a folder: the files of one folder are one source, and its folders are not read"
        hint = (
            f"Profile {path} as a source of its own, or name the files with a glob"
            f" ({path.parent / '**' / '*.csv'}) to read them into this source."
        )
    elif is_spreadsheet(path):
        error = "a spreadsheet workbook: only CSV and Parquet files are read"
        hint = "Save each sheet as CSV (File > Save As > CSV) into the folder and profile it again."
    elif is_json(path):
        error = "JSON (or JSON lines): only CSV and Parquet files are read"
        hint = json_to_parquet_hint(path)
    else:
        error = "its first lines read as no table (prose, or too few rows below a title)"
        hint = "Name the file itself (not its folder or a pattern) to read it as a table whatever its first lines."
    return TableRun(source=source, table=safe_name(path.name), path=str(path), status="left_out", error=error, hint=hint)


class Pipeline:
    """Profiles sources into the workspace and the metadata store."""

    def __init__(
        self,
        settings: Settings,
        sessions: UninterruptedSessions,
        workspace: Workspace | None = None,
        early: EarlyLoad | None = None,
    ) -> None:
        self.settings = settings
        self.sessions = sessions
        # An early load holds the workspace: this pipeline shares its lock.
        self.workspace = workspace or (early.workspace if early is not None else workspace_for(settings))
        self.early = early

    def _check_writable(self) -> None:
        if self.settings.read_only:
            raise ReadOnlyError(
                "This server is read-only: it cannot profile or change metadata.",
                hint="Unset DATADOSSIER_READ_ONLY to allow profiling.",
            )

    async def profile_path(
        self,
        spec: str | Path,
        *,
        source_name: str | None = None,
        encoding: str | None = None,
        force: bool = False,
        progress: Progress | None = None,
    ) -> list[TableRun]:
        """Profile a file, a directory (each file a table) or a glob."""
        self._check_writable()
        left_out: list[Path] = []
        files = resolve_files(spec, self.settings.roots, left_out=left_out)
        directory = common_dir([f.path for f in files])
        name = source_for(directory, source_name)
        skipped = [_left_out(name, path, self.settings.roots) for path in sorted(left_out)]
        source_type = files[0].format if len({f.format for f in files}) == 1 else "files"
        async with self.sessions.begin() as session:
            existed = await catalog.get_source(session, name) is not None
            source = await catalog.ensure_source(session, name, source_type, directory)
        try:
            runs = await self._run_files(source.source_id, name, files, encoding=encoding, force=force, progress=progress)
            return runs + (await self._forget_vanished(source.source_id, name) if existed else []) + skipped
        except BaseException:
            if not existed:
                # A new folder whose first run failed leaves the store as it was: the error
                # went to the caller (and the log).
                with anyio.CancelScope(shield=True):
                    async with self.sessions.begin() as session:
                        await catalog.drop_if_empty(session, source.source_id)
            raise

    async def _forget_vanished(self, source_id: uuid.UUID, source: str) -> list[TableRun]:
        """Delete the tables of the source whose files are gone (deleted or renamed since they
        were profiled): from the store, the workspace and its copies. Reported as runs whose
        status is ``removed``."""
        async with self.sessions() as session:
            names = await catalog.vanished_tables(session, source_id)
        runs: list[TableRun] = []
        for table in names:
            with table_lock(self.settings.home, source, table):
                async with self.sessions.begin() as session:
                    path, copy = await catalog.forget_table(session, source_id, table)
                await anyio.to_thread.run_sync(self._drop_layers, source, table, copy)
            log.info("%s.%s removed: its file %s is gone", source, table, path)
            runs.append(TableRun(source=source, table=table, path=path, status="removed"))
        return runs

    def _drop_layers(self, source: str, table: str, copy: str | None) -> None:
        with self.workspace.connect() as con:
            for layer in ("typed", "quarantine"):
                con.execute(f"DROP TABLE IF EXISTS {layer_relation(layer, source, table)}")
            con.execute(f"DROP VIEW IF EXISTS {layer_relation('raw', source, table)}")
        if copy:
            Path(copy).unlink(missing_ok=True)

    async def reprofile(self, table: TableSummary, *, force: bool = True, progress: Progress | None = None) -> list[TableRun]:
        """Profile a known table again from the file it came from."""
        self._check_writable()
        if not table.path:
            raise SourceError(
                f"{table.qualified_name} has no file to reload.", hint="Profile its file path instead."
            )
        files = resolve_files(table.path, self.settings.roots)
        files = [DataFile(path=f.path, format=f.format, table_name=table.table) for f in files]
        source_id = await self._source_id(table)
        return await self._run_files(source_id, table.source, files, encoding=None, force=force, progress=progress)

    async def retype(self, table: TableSummary, progress: Progress | None = None) -> TableRun:
        """Rebuild the typed and quarantine layers of a table from its raw layer and re-profile
        it: used after a person changes a column's type."""
        self._check_writable()
        source_id = await self._source_id(table)
        runs_ = await self._run_files(source_id, table.source, [None], table_name=table.table, progress=progress, force=True)
        return runs_[0]

    async def _source_id(self, table: TableSummary) -> uuid.UUID:
        async with self.sessions() as session:
            source = await catalog.get_source(session, table.source)
        if source is None:  # deleted since the table was looked up
            raise TableNotFoundError(f"Source '{table.source}' no longer exists.", hint="List what is known: the list_tables tool, or `datadossier tables`.")
        return source.source_id

    async def _run_files(
        self,
        source_id: uuid.UUID,
        source: str,
        files: list[DataFile] | list[None],
        *,
        table_name: str | None = None,
        encoding: str | None = None,
        force: bool,
        progress: Progress | None,
    ) -> list[TableRun]:
        total = float(len(files) * len(STAGES))
        state: dict[str, Any] = {
            "files": [str(f.path) if f else table_name for f in files],
            "stages": list(STAGES),
            "done": [],
            "failed": [],
        }
        async with self.sessions.begin() as session:
            checkpoint_id = await checkpoints.start_run(
                session, source_id, dataflow_name="profile", checkpoint_type="pipeline_run", state=state
            )
        results: list[TableRun] = []
        first_error: DatadossierError | None = None
        try:
            for index, file in enumerate(files):
                name = file.table_name if file else table_name
                assert name is not None
                base = index * len(STAGES)
                try:
                    run = await self._run_one(
                        source_id, source, name, file, encoding=encoding, force=force,
                        progress=progress, progress_base=base, progress_total=total,
                    )
                except DatadossierError as exc:
                    if len(files) == 1:
                        raise
                    # One bad file of a folder does not stop the others; it is reported with them.
                    log.warning("%s.%s failed: %s", source, name, exc)
                    first_error = first_error or exc
                    assert file is not None
                    run = TableRun(
                        source=source, table=name, path=str(file.path), status="failed",
                        error=exc.message, hint=exc.hint,
                    )
                results.append(run)
                state["failed" if run.status == "failed" else "done"].append(name)
            if first_error is not None and all(r.status == "failed" for r in results):
                raise first_error
        except BaseException as exc:
            with anyio.CancelScope(shield=True):
                async with self.sessions.begin() as session:
                    await checkpoints.finish_run(
                        session, checkpoint_id, status="failed", state=state,
                        summary={"tables": [_summary(r) for r in results]},
                        error=str(exc) if isinstance(exc, Exception) else "cancelled",
                    )
            raise
        async with self.sessions.begin() as session:
            await checkpoints.finish_run(
                session, checkpoint_id, status="completed", state=state,
                summary={"tables": [_summary(r) for r in results]},
            )
        if progress is not None:
            await progress(total, total, "done")
        return results

    async def _run_one(
        self,
        source_id: uuid.UUID,
        source: str,
        table: str,
        file: DataFile | None,
        *,
        encoding: str | None,
        force: bool,
        progress: Progress | None,
        progress_base: int,
        progress_total: float,
    ) -> TableRun:
        early = self.early if self.early is not None and self.early.matches(source, table, file) else None
        if early is None and self.early is not None:
            # A load begun for another table (say the folder changed since) holds the workspace
            # this run needs: undo it (nothing, once taken).
            self.early.close()
        # An early load holds the table's lock already (and fingerprinted the file it copied).
        with contextlib.nullcontext() if early is not None else table_lock(self.settings.home, source, table):
            async with self.sessions() as session:
                known = await catalog.file_state(session, source_id, table)
            new_print = early.fingerprint if early is not None else fingerprint(file.path) if file else None
            # Unchanged: the same file, read with the same null tokens (a change of the setting
            # reloads it) and in the encoding asked for (one given now that the last run did not
            # read it in reloads it).
            reusable = (
                file is not None and not force and known.typed_table_exists
                and reads_nulls_as(known.read_options, self.settings.null_tokens)
                and (encoding is None or _same_encoding((known.dialect or {}).get("encoding"), encoding))
            )
            unchanged = reusable and same_print(known.fingerprint, new_print)
            # Rewritten with the same bytes (a POS's nightly export, a `touch`): unchanged all
            # the same, and its new time recorded.
            retouched: dict[str, Any] | None = None
            if (
                reusable and not unchanged and file is not None and known.fingerprint and new_print
                and await anyio.to_thread.run_sync(same_bytes, known.fingerprint, new_print, file.path)
            ):
                unchanged, retouched = True, {**new_print, CONTENT_KEY: known.fingerprint[CONTENT_KEY]}
            return await self._run_in_thread(
                source_id, source, table, file, known.manual_types, new_print,
                unchanged=unchanged, retouched=retouched, encoding=encoding, progress=progress,
                progress_base=progress_base, progress_total=progress_total,
                kept=_kept_copy(known) if file is None else None, early=early, known_dialect=known.dialect,
            )

    async def _run_in_thread(
        self,
        source_id: uuid.UUID,
        source: str,
        table: str,
        file: DataFile | None,
        manual_types: dict[str, str],
        new_print: dict[str, Any] | None,
        *,
        unchanged: bool,
        encoding: str | None,
        progress: Progress | None,
        progress_base: int,
        progress_total: float,
        retouched: dict[str, Any] | None = None,
        kept: KeptCopy | None = None,
        early: EarlyLoad | None = None,
        known_dialect: dict[str, Any] | None = None,
    ) -> TableRun:
        settings = self.settings
        label = f"{source}.{table}"

        cancelled = threading.Event()

        def check_cancelled() -> None:
            # Between queries there is nothing for interrupt() to stop: check here as well.
            if cancelled.is_set():
                raise EngineError(f"Profiling {label} was cancelled.", hint="Ask again to profile it.")

        def report(stage: str) -> None:
            check_cancelled()
            if progress is not None:
                done = progress_base + STAGES.index(stage) + 1
                anyio.from_thread.run(progress, float(done), progress_total, f"{label}: {stage} done")

        open_connection: list[Any] = []
        scratch = self.workspace.path.parent / "tmp" / f"stage-{uuid.uuid4().hex[:12]}.duckdb"

        def run_stages(con: Any, staged: StagedFile | None) -> StageOutput:
            if staged is not None:
                return finish_table(
                    con, staged, manual_types=manual_types,
                    exact_distinct_max_rows=settings.exact_distinct_max_rows, on_stage=report,
                )
            return run_table(
                con, source=source, table=table, file=file, manual_types=manual_types,
                null_tokens=settings.null_tokens, max_columns=settings.max_columns,
                exact_distinct_max_rows=settings.exact_distinct_max_rows,
                files_dir=settings.home / "files", encoding=encoding, on_stage=report,
                scratch=scratch, kept=kept,
            )

        def work() -> TableRun:
            # A run that an early load began started with it.
            started = early.started if early is not None else time.perf_counter()
            try:
                with contextlib.ExitStack() as held:
                    staged: StagedFile | None = None
                    if early is None:
                        con = held.enter_context(self.workspace.connect())
                    else:
                        held.callback(early.close)  # its connection, the workspace and the table lock
                        con, staged = early.take()
                    open_connection.append(con)
                    if unchanged and relation_exists(con, "typed", source, table):
                        if staged is not None and staged.raw_copy is not None:
                            staged.raw_copy.unlink(missing_ok=True)
                        if retouched is not None:
                            anyio.from_thread.run(self._record_fingerprint, source_id, table, retouched)
                        report("store")
                        # (The dialect it was read with still says what was skipped and cut.)
                        return TableRun(
                            source=source, table=table, path=str(file.path) if file else None, status="unchanged",
                            dialect=known_dialect,
                        )
                    output: StageOutput | None = None
                    # (The hash of the file's bytes, for the next run, read beside the stages.)
                    hashing = _hash_beside(file.path) if file is not None and file.path.is_file() else None
                    try:
                        output = self.workspace.run(con, lambda: run_stages(con, staged))
                        held.callback(BackgroundFlush(con).join)
                        if file is not None and fingerprint(file.path) != new_print:
                            raise SourceError(
                                f"{file.path} changed while it was being profiled.",
                                hint="Profile it again once the file is no longer being written.",
                            )
                        check_cancelled()
                        stored = time.perf_counter()
                        recorded = (
                            with_contents(new_print, file.path, hashing.result())
                            if file is not None and new_print is not None and hashing is not None else new_print
                        )
                        anyio.from_thread.run(self._store, source_id, table, file, recorded, output)
                        con.execute("COMMIT")
                        # The metadata written and the workspace's transaction committed.
                        output.seconds["store"] = round(time.perf_counter() - stored, 4)
                    except BaseException:
                        _rollback(con)
                        if output is not None and output.raw_copy is not None:
                            output.raw_copy.unlink(missing_ok=True)
                        raise
            finally:
                # A big file's scratch stage, if the run made one (its connection is closed).
                for leftover in (scratch, scratch.with_name(scratch.name + ".wal")):
                    leftover.unlink(missing_ok=True)
            if output.raw_copy is not None:
                _drop_older_copies(output.raw_copy)
            output.seconds["total"] = round(time.perf_counter() - started, 4)
            report("store")
            return TableRun(
                source=source, table=table, path=str(file.path) if file else None,
                status="profiled" if file else "retyped",
                raw_rows=output.counts.raw_rows, typed_rows=output.counts.typed_rows,
                quarantine_rows=output.counts.quarantine_rows, seconds=output.seconds,
                dialect=output.dialect,
            )

        try:
            # A cancelled request (the client gave up) must not leave DuckDB working: the
            # thread is abandoned and its query interrupted, which rolls its transaction back.
            return await anyio.to_thread.run_sync(work, abandon_on_cancel=True)
        except anyio.get_cancelled_exc_class():
            cancelled.set()
            interrupt(open_connection)
            raise
        except DatadossierError:
            raise
        except OSError as exc:
            raise SourceError(f"Reading data for {label} failed: {exc}", hint="Check the file and profile it again.") from exc
        except Exception as exc:
            import duckdb

            if not isinstance(exc, duckdb.Error):
                raise
            # (A folder's other files are profiled all the same: see `profile_path`.)
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise EngineError(
                f"DuckDB failed while profiling {label}: {first}",
                hint=(
                    "If it ran out of memory, raise DATADOSSIER_MEMORY_LIMIT or lower DATADOSSIER_THREADS and"
                    " profile the file again; otherwise the file may be malformed (check it) or this is a bug."
                ),
            ) from exc

    async def _record_fingerprint(self, source_id: uuid.UUID, table: str, recorded: dict[str, Any]) -> None:
        async with self.sessions.begin() as session:
            await catalog.record_fingerprint(session, source_id, table, recorded)

    async def _store(
        self,
        source_id: uuid.UUID,
        table: str,
        file: DataFile | None,
        new_print: dict[str, Any] | None,
        output: StageOutput,
    ) -> None:
        # Automatic decisions are written for every column; the repository keeps a person's
        # (manual) decision over them, and the casts above already used it.
        decisions = {
            inf.column_name: DecisionWrite(inf.decided_type, "auto", inf.reason) for inf in output.inferences
        }
        resolved = {c.name: c.decided_type for c in output.casts}
        layers = {
            "raw": LayerWrite(
                output.counts.raw_rows,
                [(n, t, resolved.get(n)) for n, t in output.raw_columns],
            ),
            "typed": LayerWrite(
                output.counts.typed_rows,
                [(n, _raw_type(output, n), t) for n, t in output.typed_columns],
            ),
            "quarantine": LayerWrite(
                output.counts.quarantine_rows,
                [(n, t, t) for n, t in output.quarantine_columns],
            ),
        }
        async with self.sessions.begin() as session:
            await runs.save_table_run(
                session,
                source_id=source_id,
                table_name=table,
                duckdb_path=str(self.settings.duckdb_path),
                layers=layers,
                inferences=output.inferences,
                decisions=decisions,
                profiles=output.profiles,
                profiled_at=utcnow(),
                names=output.names,
            )
            if file is not None:
                await catalog.record_file(
                    session, source_id, table,
                    {
                        "path": str(file.path),
                        "format": file.format,
                        "fingerprint": new_print,
                        "dialect": output.dialect,
                        "raw_copy": str(output.raw_copy) if output.raw_copy else None,
                        "read_options": output.read_options,
                    },
                )


def _hash_beside(path: Path) -> Future[str]:
    """`content_hash` of a file in a thread of its own, while the stages read it."""
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="content-hash")
    try:
        return pool.submit(content_hash, path)
    finally:
        pool.shutdown(wait=False)


def _rollback(con: Any) -> None:
    import duckdb

    # A run that failed while loading never opened its transaction.
    with contextlib.suppress(duckdb.TransactionException):
        con.execute("ROLLBACK")


def _drop_older_copies(current: Path) -> None:
    """Delete the copies earlier runs kept of this table's file: the raw view now reads
    ``current``."""
    table_prefix = current.name.rsplit("-", 1)[0] + "-"
    for old in current.parent.glob(f"{table_prefix}*"):
        if old != current and old.name.rsplit("-", 1)[0] + "-" == table_prefix:
            old.unlink(missing_ok=True)


def _kept_copy(known: FileState) -> KeptCopy | None:
    """The copy of the file a re-typing can load, when the store recorded it with how it is
    read (runs before read options were recorded re-type from the raw view)."""
    if known.raw_copy is None or known.read_options is None or known.file_format not in ("csv", "parquet"):
        return None
    file_format: FileFormat = "csv" if known.file_format == "csv" else "parquet"
    labels = (known.dialect or {}).get("labels") or []
    return KeptCopy(Path(known.raw_copy), file_format, known.read_options, labels)


def _raw_type(output: StageOutput, name: str) -> str | None:
    return next((t for n, t in output.raw_columns if n == name), None)


def _summary(run: TableRun) -> dict[str, Any]:
    summary = {
        "table": run.qualified_name,
        "status": run.status,
        "raw_rows": run.raw_rows,
        "typed_rows": run.typed_rows,
        "quarantine_rows": run.quarantine_rows,
        "seconds": run.seconds,
    }
    if run.error is not None:
        summary["error"] = run.error
    return summary


