"""The DuckDB gateway: limits, quoting, no output on stdout, timeouts, flushing early."""

import os
from pathlib import Path

import pytest

from datadossier.engine import BackgroundFlush, Workspace, layer_relation, quote_ident
from datadossier.errors import EngineError


def test_connections_carry_the_limits_and_never_draw_a_progress_bar(tmp_path: Path) -> None:
    ws = Workspace(tmp_path / "w.duckdb", threads=1, memory_limit="512MB")
    with ws.connect() as con:
        settings = dict(
            con.execute(
                "SELECT name, value FROM duckdb_settings() WHERE name IN "
                "('threads', 'memory_limit', 'enable_progress_bar', 'autoinstall_known_extensions')"
            ).fetchall()
        )
    assert settings["threads"] == "1"
    assert settings["enable_progress_bar"] == "false"
    assert settings["autoinstall_known_extensions"] == "false"
    assert settings["memory_limit"].startswith(("488", "512"))


def test_identifiers_are_quoted_whatever_they_hold() -> None:
    assert quote_ident('we"ird. name') == '"we""ird. name"'
    assert layer_relation("typed", "shop", "orders") == '"typed"."shop.orders"'


def test_long_work_is_interrupted_with_a_clear_error(tmp_path: Path) -> None:
    ws = Workspace(tmp_path / "w.duckdb", threads=1)
    with ws.connect() as con, pytest.raises(EngineError, match="interrupted"):
        ws.run(con, lambda: con.execute("SELECT count(*) FROM range(10000000000) a").fetchall(), timeout=0.2)


def test_a_background_flush_writes_the_workspace_file_and_the_commit_still_lands(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    flushed: list[Path] = []
    real_fsync = os.fsync

    def spy(fd: int) -> None:
        flushed.append(Path(os.readlink(f"/proc/self/fd/{fd}")))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", spy)
    ws = Workspace(tmp_path / "w.duckdb", threads=1)
    with ws.connect() as con:
        con.execute("BEGIN TRANSACTION")
        con.execute("CREATE TABLE typed.t AS SELECT range AS n FROM range(100000)")
        flush = BackgroundFlush(con)
        flush.join()
        con.execute("COMMIT")
    assert flushed == [ws.path.resolve()]
    with ws.connect(read_only=True) as con:
        assert con.execute("SELECT count(*), sum(n) FROM typed.t").fetchall() == [(100000, 4999950000)]


def test_a_reader_holding_the_file_is_named_in_the_lock_error(tmp_path: Path) -> None:
    # An agent keeps the read-only connection `sql_runs_in` told it to open: a profile's write
    # then waits and fails, and the error blamed another datadossier process.
    import subprocess
    import sys

    path = tmp_path / "w.duckdb"
    with Workspace(path, threads=1).connect() as con:
        con.execute("CREATE TABLE t AS SELECT 1 AS x")
    reader = subprocess.Popen(
        [sys.executable, "-c", f"import duckdb, time; c = duckdb.connect({str(path)!r}, read_only=True); print('ready', flush=True); time.sleep(60)"],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert reader.stdout is not None
        assert reader.stdout.readline().strip() == "ready"
        with pytest.raises(EngineError) as err, Workspace(path, threads=1, lock_wait_seconds=0.3).connect():
            pass
        assert "read-only ones too block writes" in (err.value.hint or "")
    finally:
        reader.kill()
        reader.wait()
        if reader.stdout is not None:
            reader.stdout.close()


def test_a_wide_table_s_statements_are_planned_without_common_subexpressions() -> None:
    # Walmart's M5 sales (1,947 columns): the typed layer took 28 s to plan, all of it in the
    # common subexpression optimizer, whose cost grows with the square of the columns.
    import duckdb

    from datadossier.engine.gateway import WIDE_PLAN_COLUMNS, wide_plans

    def disabled(con: duckdb.DuckDBPyConnection) -> str:
        row = con.execute("SELECT current_setting('disabled_optimizers')").fetchone()
        return str(row[0]) if row else ""

    with duckdb.connect() as con:
        with wide_plans(con, WIDE_PLAN_COLUMNS):
            assert "common_subexpressions" not in disabled(con)
        con.execute("SET disabled_optimizers = 'join_order'")
        seen: list[str] = []

        def fail_inside() -> None:
            with wide_plans(con, WIDE_PLAN_COLUMNS + 1):
                seen.append(disabled(con))
                raise RuntimeError

        with pytest.raises(RuntimeError):
            fail_inside()
        assert set(seen[0].split(",")) == {"join_order", "common_subexpressions"}
        assert disabled(con) == "join_order"  # restored, a failure or not
