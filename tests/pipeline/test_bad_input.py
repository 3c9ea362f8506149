"""Bad input ends in a clear error and leaves the store (and the data layers) as they were."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import text

from datadossier.errors import (
    DatadossierError,
    PathNotAllowedError,
    SourceError,
    TableNotFoundError,
)
from datadossier.runtime import Runtime, open_runtime
from datadossier.store.repositories import catalog, checkpoints
from tests.server.helpers import make_settings

STORE_TABLES = ("sources", "tables", "columns", "column_profiles", "type_candidates", "type_decisions")


@pytest.fixture
async def runtime(tmp_path: Path, store_url: str) -> AsyncIterator[Runtime]:
    async with open_runtime(make_settings(tmp_path, store_url)) as rt:
        yield rt


@pytest.fixture
async def folder(tmp_path: Path, runtime: Runtime) -> Path:
    """A source with one good table already profiled."""
    folder = tmp_path / "data" / "inbox"
    folder.mkdir()
    (folder / "good.csv").write_text("id,amount,day\n1,$1.50,2021-01-02\n2,$2.00,2021-01-03\n")
    await runtime.pipeline.profile_path(folder / "good.csv")
    return folder


async def _snapshot(runtime: Runtime) -> dict[str, object]:
    async with runtime.sessions() as session:
        counts = {t: (await session.execute(text(f"SELECT count(*) FROM {t}"))).scalar_one() for t in STORE_TABLES}
        listed = [(t.qualified_name, t.row_count, t.raw_rows, t.quarantine_rows) for t in await catalog.list_tables(session)]
    with runtime.pipeline.workspace.connect() as con:
        duck = sorted(con.execute("SELECT schema_name, table_name FROM duckdb_tables()").fetchall())
        views = sorted(con.execute("SELECT schema_name, view_name FROM duckdb_views() WHERE NOT internal").fetchall())
    files = sorted(p.name for p in (runtime.settings.home / "files").rglob("*") if p.is_file())
    return {"counts": counts, "tables": listed, "duckdb": duck, "views": views, "files": files}


BAD_FILES: dict[str, bytes] = {
    "empty.csv": b"",
    "header_only.csv": b"a,b,c\n",
    "ragged.csv": b"a,b,c\n1,2,3\n4,5\n6,7,8\n",
    "binary.csv": bytes(range(256)) * 40,
    "bad_utf8.csv": b"name\n" + "José\n".encode() * 3 + b"Bad\xff\n",
    "wide.csv": (",".join(f"c{i}" for i in range(10_000)) + "\n" + ",".join("1" for _ in range(10_000)) + "\n").encode(),
    "broken.parquet": b"PAR1 not really parquet",
    "footer.parquet": b"PAR1" + bytes(200) + b"PAR1",  # a writer that died before its footer
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
async def test_bad_file_is_refused_and_the_store_is_unchanged(runtime: Runtime, folder: Path, name: str) -> None:
    (folder / name).write_bytes(BAD_FILES[name])
    before = await _snapshot(runtime)
    with pytest.raises(SourceError) as err:
        await runtime.pipeline.profile_path(folder / name)
    assert err.value.hint  # every refusal says what to do
    assert await _snapshot(runtime) == before


async def test_an_unreadable_or_empty_parquet_file_is_named_as_such(runtime: Runtime, folder: Path) -> None:
    # A footer of zeroes read as a possible lack of memory, naming the workspace's copy; a
    # Parquet file of no rows was said to have "a header".
    import duckdb

    (folder / "footer.parquet").write_bytes(BAD_FILES["footer.parquet"])
    with pytest.raises(SourceError) as err:
        await runtime.pipeline.profile_path(folder / "footer.parquet")
    assert err.value.message.startswith(f"{folder / 'footer.parquet'} is not a readable Parquet file")
    assert str(runtime.settings.home) not in err.value.message
    assert err.value.hint == "Re-export the file, or point at its CSV version."
    with duckdb.connect() as con:
        con.execute(f"COPY (SELECT 1 AS id, 'x' AS name LIMIT 0) TO '{folder / 'empty.parquet'}' (FORMAT parquet)")
    with pytest.raises(SourceError, match=r"empty\.parquet holds no rows \(its 2 columns are declared, none filled\)"):
        await runtime.pipeline.profile_path(folder / "empty.parquet")


async def test_a_workbook_beside_csv_files_is_named_as_left_out(runtime: Runtime, folder: Path) -> None:
    (folder / "report.xlsx").write_bytes(b"PK\x03\x04" + bytes(100))
    (folder / "~$report.xlsx").write_bytes(b"lock")  # Excel's lock file while it is open: not named
    runs = {r.table: r for r in await runtime.pipeline.profile_path(folder)}
    assert runs["report_xlsx"].status == "left_out"
    assert "a spreadsheet workbook" in (runs["report_xlsx"].error or "")
    assert "Save each sheet as CSV" in (runs["report_xlsx"].hint or "")
    assert not any(name.startswith("report_xlsx_") or name.startswith("_") for name in runs)


async def test_a_json_export_is_named_as_left_out_and_refused_alone_with_how_to_convert_it(
    runtime: Runtime, folder: Path
) -> None:
    # Mixpanel's, Segment's and Amplitude's event exports are NDJSON: in a folder it was skipped
    # in silence, and named alone it failed as CSV with "fix the malformed rows".
    events = folder / "mixpanel_events.ndjson"
    events.write_text("".join(f'{{"event": "Signed Up", "properties": {{"distinct_id": "u{i}"}}}}\n' for i in range(20)))
    runs = {r.table: r for r in await runtime.pipeline.profile_path(folder)}
    assert runs["mixpanel_events_ndjson"].status == "left_out"
    assert "JSON" in (runs["mixpanel_events_ndjson"].error or "")
    assert "read_json(" in (runs["mixpanel_events_ndjson"].hint or "")
    for named in (events, folder / "mp_export.json"):
        named.write_text(events.read_text())
        with pytest.raises(SourceError) as err:
            await runtime.pipeline.profile_path(named)
        assert err.value.message == f"{named} holds JSON, not CSV text."
        assert f"read_json('{named}')" in (err.value.hint or "")


async def test_paths_outside_the_roots_are_refused(runtime: Runtime, folder: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.csv"
    secret.write_text("a\n1\n")
    os.symlink(secret, folder / "link.csv")
    before = await _snapshot(runtime)
    for target in (secret, folder / ".." / ".." / "secret.csv", folder / "link.csv"):
        with pytest.raises(PathNotAllowedError):
            await runtime.pipeline.profile_path(target)
    assert await _snapshot(runtime) == before


async def test_a_folder_s_link_out_of_the_roots_is_left_out_and_the_rest_read(
    runtime: Runtime, folder: Path, tmp_path: Path
) -> None:
    # An agent's folder holding a link to /etc/passwd beside its data: the whole folder failed.
    secret = tmp_path / "secret.csv"
    secret.write_text("user,shell\nroot,/bin/bash\n")
    os.symlink(secret, folder / "passwd.csv")
    (folder / "agency.csv").write_text("code,name\nNYPD,Police\nDOT,Transportation\n")
    runs = await runtime.pipeline.profile_path(folder)
    by_table = {r.table: r for r in runs}
    assert by_table["agency"].status == "profiled"
    assert by_table["passwd_csv"].status == "left_out"
    assert "outside the directories this server may read" in (by_table["passwd_csv"].error or "")
    async with runtime.sessions() as session:
        names = {t.qualified_name for t in await catalog.list_tables(session)}
    assert "inbox.passwd" not in names
    # Named alone, or as the only file a pattern finds, it is refused as before.
    with pytest.raises(PathNotAllowedError):
        await runtime.pipeline.profile_path(str(folder / "passwd*.csv"))


async def test_unknown_table_lists_the_known_ones(runtime: Runtime, folder: Path) -> None:
    async with runtime.sessions() as session:
        with pytest.raises(TableNotFoundError) as err:
            await catalog.resolve_table(session, "inbox.missing")
    assert "inbox.good" in str(err.value)


async def test_a_typo_in_a_table_s_name_is_answered_with_the_near_one(runtime: Runtime, folder: Path) -> None:
    (folder / "2015.csv").write_text("Country,Happiness Score\nSwitzerland,7.587\nIceland,7.561\n")
    await runtime.pipeline.profile_path(folder / "2015.csv")
    async with runtime.sessions() as session:
        with pytest.raises(TableNotFoundError) as err:
            await catalog.resolve_table(session, "inbox.godo")
        assert "Did you mean inbox.good?" in str(err.value.hint)
        with pytest.raises(TableNotFoundError) as huge:
            await catalog.resolve_table(session, "x" * 100_000)
        assert len(str(huge.value)) < 400  # (the name cut at 200 characters)
        # A source and its file's name, or the file's name alone: the table t_2015.
        for ref in ("inbox.2015", "2015.csv", "inbox.2015.csv"):
            assert (await catalog.resolve_table(session, ref)).qualified_name == "inbox.t_2015", ref


async def test_a_file_that_vanishes_mid_run_rolls_back_and_records_the_failure(
    runtime: Runtime, folder: Path
) -> None:
    (folder / "going.csv").write_text("id,v\n1,2\n3,4\n")
    before = await _snapshot(runtime)

    async def vanish_after_load(done: float, total: float, message: str) -> None:
        if message.endswith("going: load done"):
            (folder / "going.csv").unlink()

    with pytest.raises(DatadossierError, match=r"disappeared|changed"):
        await runtime.pipeline.profile_path(folder / "going.csv", progress=vanish_after_load)
    assert await _snapshot(runtime) == before
    async with runtime.sessions() as session:
        source = await catalog.get_source(session, "inbox")
        assert source is not None
        history = await checkpoints.runs_for_source(session, source.source_id)
    assert [h["status"] for h in history] == ["completed", "failed"]
    assert "going.csv" in (history[-1]["error"] or "")


async def test_a_run_of_the_same_table_in_another_process_makes_this_one_busy(runtime: Runtime, folder: Path) -> None:
    import subprocess
    import sys

    from datadossier.errors import BusyError
    from datadossier.pipeline.locks import lock_path

    path = lock_path(runtime.settings.home, "inbox", "good")
    # A plain Popen: the test only waits for one short line from it before the run under test.
    holder = subprocess.Popen(  # noqa: ASYNC220
        [sys.executable, "-c",
         "import fcntl, sys; f = open(sys.argv[1], 'a'); fcntl.flock(f, fcntl.LOCK_EX); print('held', flush=True); sys.stdin.read()",
         str(path)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "held"
        before = await _snapshot(runtime)
        with pytest.raises(BusyError, match="already being profiled"):
            await runtime.pipeline.profile_path(folder / "good.csv", force=True)
        assert await _snapshot(runtime) == before
    finally:
        holder.communicate("", timeout=30)
    (run,) = await runtime.pipeline.profile_path(folder / "good.csv", force=True)
    assert run.status == "profiled"


async def test_a_bad_first_file_of_a_new_folder_leaves_no_source(runtime: Runtime, tmp_path: Path) -> None:
    fresh = tmp_path / "data" / "fresh"
    fresh.mkdir()
    (fresh / "broken.csv").write_bytes(BAD_FILES["ragged.csv"])
    async with runtime.sessions() as session:
        before = {t: (await session.execute(text(f"SELECT count(*) FROM {t}"))).scalar_one() for t in (*STORE_TABLES, "checkpoints")}
    with pytest.raises(SourceError):
        await runtime.pipeline.profile_path(fresh)
    async with runtime.sessions() as session:
        after = {t: (await session.execute(text(f"SELECT count(*) FROM {t}"))).scalar_one() for t in (*STORE_TABLES, "checkpoints")}
        assert await catalog.get_source(session, "fresh") is None
    assert after == before


async def test_a_bad_file_of_a_folder_is_reported_and_the_others_are_profiled(runtime: Runtime, tmp_path: Path) -> None:
    mixed = tmp_path / "data" / "mixed"
    mixed.mkdir()
    (mixed / "a_good.csv").write_text("id,v\n1,2\n3,4\n")
    (mixed / "b_broken.csv").write_bytes(BAD_FILES["ragged.csv"])
    (mixed / "c_good.csv").write_text("k,w\nx,1.5\ny,2.5\n")
    runs = await runtime.pipeline.profile_path(mixed)
    assert [(r.table, r.status) for r in runs] == [("a_good", "profiled"), ("b_broken", "failed"), ("c_good", "profiled")]
    broken = runs[1]
    assert broken.path == str(mixed / "b_broken.csv")
    assert broken.error is not None
    assert "different number of fields" in broken.error
    assert broken.hint
    async with runtime.sessions() as session:
        names = [t.qualified_name for t in await catalog.list_tables(session)]
        source = await catalog.get_source(session, "mixed")
        assert source is not None
        (history,) = await checkpoints.runs_for_source(session, source.source_id)
    assert names == ["mixed.a_good", "mixed.c_good"]
    assert history["status"] == "completed"
    assert [t["status"] for t in history["summary"]["tables"]] == ["profiled", "failed", "profiled"]
    assert (history["state"]["done"], history["state"]["failed"]) == (["a_good", "c_good"], ["b_broken"])


async def test_a_folder_of_bad_files_only_is_an_error(runtime: Runtime, tmp_path: Path) -> None:
    bad = tmp_path / "data" / "bad"
    bad.mkdir()
    (bad / "one.csv").write_bytes(BAD_FILES["ragged.csv"])
    (bad / "two.csv").write_bytes(b"")
    with pytest.raises(SourceError, match=r"one\.csv"):
        await runtime.pipeline.profile_path(bad)
    async with runtime.sessions() as session:
        assert await catalog.get_source(session, "bad") is None


async def test_a_file_duckdb_cannot_profile_fails_alone_with_what_to_do(tmp_path: Path, store_url: str) -> None:
    # DuckDB running out of memory on one file of a folder (JHU's wide time series did, with
    # a traceback that named no file and lost the folder's other files).
    import random

    rng = random.Random(1)
    mixed = tmp_path / "data" / "mixed"
    mixed.mkdir(parents=True)
    (mixed / "a_small.csv").write_text("id,v\n1,2\n3,4\n")
    header = ",".join(f"c{i}" for i in range(300))
    rows = [",".join(str(rng.randint(1, 10**6)) for _ in range(300)) for _ in range(3000)]
    (mixed / "b_wide.csv").write_text("\n".join([header, *rows]) + "\n")
    (mixed / "c_small.csv").write_text("k,w\nx,1.5\ny,2.5\n")
    async with open_runtime(make_settings(tmp_path, store_url, memory_limit="30MB")) as runtime:
        runs = await runtime.pipeline.profile_path(mixed)
        assert [(r.table, r.status) for r in runs] == [("a_small", "profiled"), ("b_wide", "failed"), ("c_small", "profiled")]
        failed = runs[1]
        assert failed.error is not None
        assert failed.error.startswith("DuckDB failed while profiling mixed.b_wide: Out of Memory")
        assert failed.hint is not None
        assert "DATADOSSIER_MEMORY_LIMIT" in failed.hint
        async with runtime.sessions() as session:
            assert [t.qualified_name for t in await catalog.list_tables(session)] == ["mixed.a_small", "mixed.c_small"]


async def test_a_wide_file_of_mostly_zeros_profiles(runtime: Runtime, tmp_path: Path) -> None:
    # 250 columns of daily counts, nearly all 0: each read as a yes/no candidate too, whose
    # count of truth values once took a DuckDB hash table per column (out of memory at 1 GB).
    import random

    rng = random.Random(1)
    wide = tmp_path / "data" / "counts"
    wide.mkdir()
    header = ",".join(f"1/{1 + i % 28}/2{i // 28}" for i in range(250))
    rows = [",".join(str(rng.randint(1, 50)) if rng.random() < 0.05 else "0" for _ in range(250)) for _ in range(50)]
    (wide / "daily.csv").write_text("\n".join([header, *rows]) + "\n")
    (run,) = await runtime.pipeline.profile_path(wide / "daily.csv")
    assert (run.status, run.raw_rows, run.typed_rows) == ("profiled", 50, 50)


async def test_a_few_ragged_rows_are_left_out_and_counted(runtime: Runtime, tmp_path: Path) -> None:
    # Goodreads' books.csv: 4 of 11,000 lines hold an unquoted comma in an author's name. A
    # few rows of another width are left out of the layers and counted, wherever they lie:
    # among the lines sniffed, or far down where DuckDB meets them.
    books = tmp_path / "data" / "books"
    books.mkdir(parents=True)
    rows = [f'{i},"Title {i}, vol. {i % 7}",Author {i},{i * 13 % 500}' for i in range(1, 3001)]
    rows[40] = "41,Streetcar Suburbs,Sam Bass Warner, Jr./Sam B. Warner,300"
    rows[2990] = "2991,Other,Anon, Jr.,12"
    (books / "books.csv").write_text("bookID,title,authors,num_pages\n" + "\n".join(rows) + "\n")
    far = "\n".join(f"{i},{i * 3},x{i}" for i in range(1, 60_001))
    (books / "far.csv").write_text("id,v,w\n" + far + "\n60001,1\n60002,2,y,z\n60003,3,z\n")
    runs = {r.table: r for r in await runtime.pipeline.profile_path(books)}
    assert (runs["books"].status, runs["books"].raw_rows, runs["books"].typed_rows) == ("profiled", 2998, 2998)
    assert (runs["books"].dialect or {})["ragged_rows"] == 2
    assert (runs["books"].dialect or {})["ragged_lines"] == [42, 2992]
    assert (runs["far"].status, runs["far"].raw_rows) == ("profiled", 60_001)
    assert (runs["far"].dialect or {})["ragged_lines"] == [60_002, 60_003]
    with runtime.pipeline.workspace.connect() as con:
        raw = con.execute('SELECT count(*), max("bookID") FROM "raw"."books.books"').fetchall()
    assert raw == [(2998, "999")]


async def test_many_ragged_rows_refuse_the_file_with_their_count(runtime: Runtime, tmp_path: Path) -> None:
    folder = tmp_path / "data" / "messy"
    folder.mkdir(parents=True)
    rows = [f"{i},name {i},{i}" if i % 10 else f"{i},name, {i},{i}" for i in range(1, 401)]
    (folder / "t.csv").write_text("id,name,goal\n" + "\n".join(rows) + "\n")
    with pytest.raises(SourceError, match=r"line 11 has 4 fields where the others have 3 .*40 of 400 rows are so"):
        await runtime.pipeline.profile_path(folder / "t.csv")
