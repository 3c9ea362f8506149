"""The profile command starts one file's load before the store is open (`pipeline.early`):
the run must be the one the pipeline makes on its own, and a load nobody takes, or that
fails, must leave nothing behind."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from datadossier import cli
from datadossier.config import Settings
from datadossier.errors import BusyError, SourceError
from datadossier.pipeline import early as early_module
from datadossier.pipeline import locks
from datadossier.pipeline.early import EarlyLoad
from datadossier.runtime import open_runtime
from datadossier.store.repositories import catalog
from tests.server.helpers import make_settings


def _orders(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "orders.csv"
    rows = "".join(f"{i},${i * 3 % 997}.50,{1 + i % 12:02d}/{1 + i % 28:02d}/2021,{'??' if i == 77 else i % 40}\n" for i in range(1, 3001))
    path.write_text("id,amount,day,qty\n" + rows)
    return path


def _spy(monkeypatch: pytest.MonkeyPatch) -> list[EarlyLoad]:
    """Records every early load the command starts."""
    started: list[EarlyLoad] = []
    start = EarlyLoad.start.__func__  # type: ignore[attr-defined]

    def spy(cls: type[EarlyLoad], *args: Any, **kwargs: Any) -> EarlyLoad | None:
        load = start(cls, *args, **kwargs)
        if load is not None:
            started.append(load)
        return load

    monkeypatch.setattr(EarlyLoad, "start", classmethod(spy))
    return started


async def _stored(settings: Settings, source: str) -> dict[str, Any]:
    """What a run of ``source``.orders left in the store and the workspace."""
    async with open_runtime(settings) as runtime:
        async with runtime.sessions() as session:
            columns = sorted(
                (await session.execute(
                    text(
                        "SELECT column_name, resolved_type, total_count, null_ratio, cardinality_ratio, "
                        "detected_pattern, detected_unit FROM v_column_metadata "
                        "WHERE source_name = :source AND table_name = 'orders'"
                    ),
                    {"source": source},
                )).all(),
                key=repr,
            )
        with runtime.pipeline.workspace.connect() as con:
            typed = con.execute(f'SELECT * FROM "typed"."{source}.orders" ORDER BY _row_id').fetchall()
            quarantine = con.execute(f'SELECT * FROM "quarantine"."{source}.orders" ORDER BY _row_id').fetchall()
    return {"columns": columns, "typed": typed, "quarantine": quarantine}


async def test_the_command_s_early_load_gives_the_pipeline_s_run(
    tmp_path: Path, store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _orders(tmp_path / "data" / "shop")
    settings = make_settings(tmp_path, store_url)
    started = _spy(monkeypatch)
    runs = await cli._profile(settings, [str(path)], None, False, None, quiet=True)  # pyright: ignore[reportPrivateUsage]
    assert [(r.qualified_name, r.status, r.quarantine_rows) for r, _ in runs] == [("shop.orders", "profiled", 1)]
    assert len(started) == 1
    # the run's time counts from the early load's start
    assert runs[0][0].seconds["total"] >= runs[0][0].seconds["load"]

    monkeypatch.setattr(EarlyLoad, "start", classmethod(lambda cls, *a, **k: None))
    plain = await cli._profile(settings, [str(path)], "plain", False, None, quiet=True)  # pyright: ignore[reportPrivateUsage]
    assert [r.qualified_name for r, _ in plain] == ["plain.orders"]
    early, pipeline = await _stored(settings, "shop"), await _stored(settings, "plain")
    assert early["columns"]
    assert early == pipeline


async def test_no_early_load_for_an_unforced_profile_of_a_file_already_copied(
    tmp_path: Path, store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _orders(tmp_path / "data" / "shop")
    settings = make_settings(tmp_path, store_url)
    await cli._profile(settings, [str(path)], None, False, None, quiet=True)  # pyright: ignore[reportPrivateUsage]
    started = _spy(monkeypatch)
    again = await cli._profile(settings, [str(path)], None, False, None, quiet=True)  # pyright: ignore[reportPrivateUsage]
    assert [r.status for r, _ in again] == ["unchanged"]
    assert started == []
    forced = await cli._profile(settings, [str(path)], None, True, None, quiet=True)  # pyright: ignore[reportPrivateUsage]
    assert [r.status for r, _ in forced] == ["profiled"]
    assert len(started) == 1
    # the forced run's copy replaced the first one
    assert len(list((settings.home / "files" / "shop").glob("orders-*"))) == 1
    # a path outside the roots starts nothing (the pipeline says why)
    assert EarlyLoad.start(settings, "/etc/hosts", source=None, encoding=None, force=True) is None


async def _statuses(settings: Settings, path: Path) -> list[tuple[str, int | None]]:
    """(status, quarantined rows: None when unchanged) of each table of an unforced profile of
    ``path``."""
    runs = await cli._profile(settings, [str(path)], None, False, None, quiet=True)  # pyright: ignore[reportPrivateUsage]
    return [(r.status, r.quarantine_rows) for r, _ in runs]


async def test_a_file_is_reloaded_when_the_null_tokens_change(tmp_path: Path, store_url: str) -> None:
    path = _orders(tmp_path / "data" / "shop")
    settings = make_settings(tmp_path, store_url)
    assert await _statuses(settings, path) == [("profiled", 1)]
    # "??" in qty was quarantined; read as a null token, the same file loads without it.
    fewer = settings.model_copy(update={"null_tokens": [*settings.null_tokens, "??"]})
    assert await _statuses(fewer, path) == [("profiled", 0)]
    assert [s for s, _ in await _statuses(fewer, path)] == ["unchanged"]


async def test_a_file_is_reloaded_by_another_version_of_the_rules(
    tmp_path: Path, store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from datadossier.pipeline import stages

    path = _orders(tmp_path / "data" / "shop")
    settings = make_settings(tmp_path, store_url)
    assert [s for s, _ in await _statuses(settings, path)] == ["profiled"]
    assert [s for s, _ in await _statuses(settings, path)] == ["unchanged"]
    # An upgrade changes how files are read and inferred: the next run profiles it again.
    monkeypatch.setattr(stages, "rules_digest", lambda: "another-version")
    assert [s for s, _ in await _statuses(settings, path)] == ["profiled"]


async def test_a_folder_s_first_file_is_loaded_early(tmp_path: Path, store_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "data" / "shop"
    _orders(folder)
    (folder / "customers.csv").write_text("cust_id,name\n" + "".join(f"{i},n{i}\n" for i in range(1, 50)))
    settings = make_settings(tmp_path, store_url)
    started = _spy(monkeypatch)
    runs = await cli._profile(settings, [str(folder)], None, False, None, quiet=True)  # pyright: ignore[reportPrivateUsage]
    assert [(r.qualified_name, r.status) for r, _ in runs] == [("shop.customers", "profiled"), ("shop.orders", "profiled")]
    assert [(load.source, load.table) for load in started] == [("shop", "customers")]
    assert sorted(p.name.split("-")[0] for p in (settings.home / "files" / "shop").iterdir()) == ["customers", "orders"]


async def test_a_load_begun_for_another_table_is_undone(tmp_path: Path, store_url: str) -> None:
    # The pipeline reaches a table other than the one loaded early (a folder that changed
    # meanwhile): the load, which holds the workspace, is undone instead of waited for.
    path = _orders(tmp_path / "data" / "shop")
    other = path.with_name("returns.csv")
    other.write_text("id,amount\n1,$2.00\n")
    settings = make_settings(tmp_path, store_url)
    load = EarlyLoad.start(settings, str(path), source=None, encoding=None, force=False)
    assert load is not None
    async with open_runtime(settings, early=load) as runtime:
        runs = await runtime.pipeline.profile_path(other)
    assert [(r.qualified_name, r.status) for r in runs] == [("shop.returns", "profiled")]
    assert [p.name.split("-")[0] for p in (settings.home / "files" / "shop").iterdir()] == ["returns"]
    load.close()


async def test_a_bad_file_s_early_load_fails_like_the_pipeline_and_leaves_nothing(
    tmp_path: Path, store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "data" / "inbox"
    folder.mkdir(parents=True)
    path = folder / "ragged.csv"
    path.write_text("a,b,c\n1,2,3\n4,5\n6,7,8\n")
    settings = make_settings(tmp_path, store_url)
    started = _spy(monkeypatch)
    with pytest.raises(SourceError, match=r"ragged\.csv") as caught:
        await cli._profile(settings, [str(path)], None, False, None, quiet=True)  # pyright: ignore[reportPrivateUsage]
    assert len(started) == 1
    monkeypatch.setattr(EarlyLoad, "start", classmethod(lambda cls, *a, **k: None))
    with pytest.raises(SourceError) as again:
        await cli._profile(settings, [str(path)], None, False, None, quiet=True)  # pyright: ignore[reportPrivateUsage]
    assert (caught.value.message, caught.value.hint) == (again.value.message, again.value.hint)
    assert [p for p in (settings.home / "files").rglob("*") if p.is_file()] == []
    async with open_runtime(settings) as runtime, runtime.sessions() as session:
        assert await catalog.list_tables(session) == []
        assert await catalog.get_source(session, "inbox") is None


def test_a_load_nobody_takes_is_undone(tmp_path: Path, store_url: str) -> None:
    path = _orders(tmp_path / "data" / "shop")
    settings = make_settings(tmp_path, store_url)
    load = EarlyLoad.start(settings, str(path), source=None, encoding=None, force=False)
    assert load is not None
    # The table's lock is held from the start: another run of it is busy at once.
    with pytest.raises(BusyError), locks.table_lock(settings.home, "shop", "orders"):
        pass
    load.close()
    assert [p for p in (settings.home / "files").rglob("*") if p.is_file()] == []
    with locks.table_lock(settings.home, "shop", "orders"), early_module.workspace_for(settings).connect() as con:
        assert con.execute("SELECT count(*) FROM duckdb_tables() WHERE schema_name = 'typed'").fetchall() == [(0,)]
    load.close()  # twice is harmless


async def test_a_table_another_run_holds_gets_no_early_load(tmp_path: Path, store_url: str) -> None:
    path = _orders(tmp_path / "data" / "shop")
    settings = make_settings(tmp_path, store_url)
    with locks.table_lock(settings.home, "shop", "orders"):
        assert EarlyLoad.start(settings, str(path), source=None, encoding=None, force=False) is None
        with pytest.raises(BusyError, match="already being profiled"):
            await cli._profile(settings, [str(path)], None, False, None, quiet=True)  # pyright: ignore[reportPrivateUsage]
