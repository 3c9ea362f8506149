"""DuckDB gateway: connections, limits, timeouts and identifier quoting.

The workspace is one DuckDB file. DuckDB lets only one process hold a file open for writing,
and a long-lived server would lock the CLI out, so connections are opened per unit of work
and closed after it; a busy file is retried for a while before giving up with a clear error.

A connection is an in-memory database with the workspace file attached as ``ws`` and made
the default catalog: the layers live in the file, while scratch tables (``CREATE TEMP
TABLE``) stay in memory, where writing costs a third of what compressed on-disk storage does.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Literal, TypeVar

from datadossier.errors import EngineError

if TYPE_CHECKING:
    import duckdb

log = logging.getLogger(__name__)

Layer = Literal["raw", "typed", "quarantine"]
LAYERS: tuple[Layer, ...] = ("raw", "typed", "quarantine")
WORKSPACE_CATALOG = "ws"

T = TypeVar("T")


def quote_ident(name: str) -> str:
    """Quote a DuckDB identifier (any text, including quotes and dots)."""
    return '"' + name.replace('"', '""') + '"'


def quote_literal(value: str) -> str:
    """Quote a string literal for the rare places DuckDB takes no bound parameter (DDL)."""
    return "'" + value.replace("'", "''") + "'"


def create_table(con: duckdb.DuckDBPyConnection, table: str, query: str, *, uncompressed: set[str]) -> None:
    """``CREATE OR REPLACE TABLE table AS query``, with the columns named in ``uncompressed``
    stored without compression (the others as DuckDB chooses). CREATE TABLE AS cannot say
    how a column is stored, so the columns are declared with the types the query gives them
    (DuckDB's type names read back as written) and the rows inserted after."""
    if not uncompressed:
        con.execute(f"CREATE OR REPLACE TABLE {table} AS {query}")
        return
    declared = ", ".join(
        f"{quote_ident(name)} {data_type}" + (" USING COMPRESSION uncompressed" if name in uncompressed else "")
        for name, data_type, *_ in con.execute(f"DESCRIBE {query}").fetchall()
    )
    con.execute(f"CREATE OR REPLACE TABLE {table} ({declared})")
    con.execute(f"INSERT INTO {table} {query}")


# Above this many columns a table's statements are planned without DuckDB's common
# subexpression optimizer, whose cost grows with the square of a projection's expressions:
# the typed layer of Walmart's M5 sales (1,947 columns, 84 rows) took 28 s to plan, 1.3 s
# without it (at 100 columns it costs 0.07 s, and saves the work it is for on long files).
WIDE_PLAN_COLUMNS = 100


@contextlib.contextmanager
def wide_plans(con: duckdb.DuckDBPyConnection, columns: int) -> Iterator[None]:
    """Plan the statements run inside without the common subexpression optimizer when a
    table has more than `WIDE_PLAN_COLUMNS` columns; the setting is restored after."""
    if columns <= WIDE_PLAN_COLUMNS:
        yield
        return
    row = con.execute("SELECT current_setting('disabled_optimizers')").fetchone()
    before = str(row[0]) if row and row[0] else ""
    disabled = ",".join(filter(None, [before, "common_subexpressions"]))
    con.execute(f"SET disabled_optimizers = {quote_literal(disabled)}")
    try:
        yield
    finally:
        con.execute(f"SET disabled_optimizers = {quote_literal(before)}")


def interrupt(connections: list[duckdb.DuckDBPyConnection]) -> None:
    """Stop what these connections are running (from another thread). A connection its
    thread has closed meanwhile has nothing left to stop."""
    import duckdb

    for con in connections:
        with contextlib.suppress(duckdb.ConnectionException):
            con.interrupt()


class BackgroundFlush:
    """Writes the workspace file's changed pages to disk in a thread, while Python goes on.

    A large transaction writes its tables into the file as it goes, but nothing forces those
    pages to disk until the commit, whose fsync then waits for all of them with the CPU idle
    (0.15-0.2 s for the layers of the 1M-row benchmark CSV here). Started once the layers and
    profiles are computed, the flush overlaps with storing the metadata, and the commit finds
    little left to write. (Started earlier, beside profiling, it slowed a 10M-row run down:
    the profile's own reads and spills compete for the disk.) It only hastens what the commit
    would write anyway: DuckDB's fsync at commit still decides durability, and a flush that
    fails is left to it to report.
    """

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        rows = con.execute(
            "SELECT path FROM duckdb_databases() WHERE database_name = ?", [WORKSPACE_CATALOG]
        ).fetchall()
        self._path = Path(rows[0][0]) if rows and rows[0][0] else None
        self._thread = threading.Thread(target=self._flush, name="workspace-flush", daemon=True)
        self._thread.start()

    def _flush(self) -> None:
        if self._path is None:
            return
        try:
            fd = os.open(self._path, os.O_RDONLY)
        except OSError:
            return
        try:
            os.fsync(fd)
        except OSError:
            pass  # the commit's own fsync reports what matters
        finally:
            os.close(fd)

    def join(self) -> None:
        """Wait for the flush (it no longer competes with the commit for the disk)."""
        self._thread.join()


def layer_relation(layer: Layer, source: str, table: str) -> str:
    """The quoted DuckDB relation holding one layer of ``source.table``.

    Layers are DuckDB schemas; the table inside is named ``source.table`` as one identifier,
    which keeps names from different sources apart without any escaping scheme.
    """
    return f"{quote_ident(layer)}.{quote_ident(f'{source}.{table}')}"


class Workspace:
    """Opens connections to the workspace DuckDB file with the configured limits."""

    def __init__(
        self,
        path: Path,
        *,
        threads: int = 2,
        memory_limit: str = "1.5GB",
        timeout_seconds: float = 600.0,
        lock_wait_seconds: float = 30.0,
    ) -> None:
        self.path = path
        self.threads = threads
        self.memory_limit = memory_limit
        self.timeout_seconds = timeout_seconds
        self.lock_wait_seconds = lock_wait_seconds
        # One writer at a time inside this process; other processes are kept out by DuckDB's
        # own file lock, which connect() waits on.
        self._lock = threading.Lock()

    def _open(self, read_only: bool) -> duckdb.DuckDBPyConnection:
        import duckdb

        self.path.parent.mkdir(parents=True, exist_ok=True)
        config = {
            "threads": self.threads,
            "memory_limit": self.memory_limit,
            "autoinstall_known_extensions": False,
            "autoload_known_extensions": False,
            # Where the in-memory stage spills when it outgrows the memory limit; by default
            # DuckDB would pick a folder in the current directory.
            "temp_directory": str(self.path.parent / "tmp"),
        }
        con = duckdb.connect(":memory:", config=config)
        # DuckDB draws its progress bar on stdout, which is the MCP stream in the server.
        con.execute("SET enable_progress_bar = false")
        deadline = time.monotonic() + self.lock_wait_seconds
        delay = 0.05
        mode = " (READ_ONLY)" if read_only else ""
        while True:
            try:
                con.execute(f"ATTACH {quote_literal(str(self.path))} AS {WORKSPACE_CATALOG}{mode}")
                break
            except (duckdb.IOException, duckdb.BinderException) as exc:
                if "lock" not in str(exc).lower() or time.monotonic() > deadline:
                    con.close()
                    raise EngineError(
                        f"Cannot open the workspace data file {self.path}: {exc}",
                        hint=(
                            "Another process holds it: a datadossier run writing to it, or a connection opened to run"
                            " SQL on it (read-only ones too block writes, and a write blocks them); close such"
                            " connections after each query, or retry when the run finishes."
                        ),
                    ) from exc
                time.sleep(delay)
                delay = min(delay * 2, 1.0)
        con.execute(f"USE {WORKSPACE_CATALOG}")
        if not read_only:
            for layer in LAYERS:
                con.execute(f"CREATE SCHEMA IF NOT EXISTS {quote_ident(layer)}")
        return con

    @contextlib.contextmanager
    def connect(self, *, read_only: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
        """A connection for one unit of work; closed (and the file lock released) after it."""
        with self._lock:
            con = self._open(read_only)
            try:
                yield con
            finally:
                con.close()

    def run(
        self,
        con: duckdb.DuckDBPyConnection,
        fn: Callable[[], T],
        *,
        timeout: float | None = None,
    ) -> T:
        """Run ``fn`` (DuckDB work on ``con``), interrupting it after the timeout."""
        limit = self.timeout_seconds if timeout is None else timeout
        timer = threading.Timer(limit, con.interrupt)
        timer.daemon = True
        timer.start()
        try:
            return fn()
        except Exception as exc:
            import duckdb

            if isinstance(exc, duckdb.InterruptException):
                raise EngineError(
                    f"DuckDB work was interrupted after {limit:.0f} s.",
                    hint="Raise DATADOSSIER_QUERY_TIMEOUT_SECONDS or profile a smaller file.",
                ) from exc
            raise
        finally:
            timer.cancel()
