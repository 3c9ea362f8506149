"""Whole runs of the pipeline: layers in the workspace, versions, checkpoints."""

from __future__ import annotations

import gzip
from collections.abc import AsyncIterator
from decimal import Decimal
from pathlib import Path

import anyio
import pytest
from sqlalchemy import text

from datadossier.engine import layer_relation
from datadossier.errors import SourceError
from datadossier.runtime import Runtime, open_runtime
from datadossier.sample import write_sample
from datadossier.store.repositories import catalog, checkpoints, metadata
from tests.server.helpers import make_settings
from tests.storage import text_compressions


@pytest.fixture
async def runtime(tmp_path: Path, store_url: str) -> AsyncIterator[Runtime]:
    async with open_runtime(make_settings(tmp_path, store_url)) as rt:
        yield rt


async def test_raw_rows_are_typed_rows_plus_quarantined_rows(runtime: Runtime, tmp_path: Path) -> None:
    shop = tmp_path / "data" / "shop"
    write_sample(shop)
    (run,) = await runtime.pipeline.profile_path(shop / "orders.csv")
    assert run.quarantine_rows == 4
    assert run.raw_rows == run.typed_rows + run.quarantine_rows
    raw, typed, quarantine = (layer_relation(layer, "shop", "orders") for layer in ("raw", "typed", "quarantine"))
    with runtime.pipeline.workspace.connect() as con:
        ids = con.execute(
            f"SELECT (SELECT list(_row_id ORDER BY _row_id) FROM {raw}), "
            f"(SELECT list(_row_id ORDER BY _row_id) FROM (SELECT _row_id FROM {typed} UNION ALL SELECT _row_id FROM {quarantine}))"
        ).fetchall()[0]
        assert ids[0] == ids[1]
        junk = con.execute(
            f"SELECT q.weight_kg, r.weight_kg, q._failed_columns FROM {quarantine} q JOIN {raw} r USING (_row_id) ORDER BY _row_id"
        ).fetchall()
    assert sorted(v for v, _, _ in junk) == sorted(["??", "#VALUE!", "1O", "4.2.1"])
    assert all(q == r and failed == ["weight_kg"] for q, r, failed in junk)


async def test_names_repeated_but_for_case_are_two_columns_when_the_header_is_long(runtime: Runtime, tmp_path: Path) -> None:
    # SDMX-CSV with labels: MEASURE and Measure, and a name past the rows' last field (the
    # header read here, not by DuckDB): the profile failed with a DuckDB binder error.
    path = tmp_path / "data" / "oecd.csv"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("area,MEASURE,Measure,value,note\n" + "".join(f"A{i},LI,Leading indicator,{99 + i * 0.37:.2f}\n" for i in range(10)))
    (run,) = await runtime.pipeline.profile_path(path)
    assert (run.raw_rows, run.quarantine_rows) == (10, 0)
    async with runtime.sessions() as session:
        details = await metadata.column_details(session, await catalog.resolve_table(session, "data.oecd"), None)
    assert [(d.column_name, d.resolved_type) for d in details][:4] == [
        ("area", "VARCHAR"), ("MEASURE", "VARCHAR"), ("Measure_1", "VARCHAR"), ("value", "DOUBLE"),
    ]


async def test_a_file_of_another_code_page_past_its_first_megabyte_is_read_in_it(runtime: Runtime, tmp_path: Path) -> None:
    # FAOSTAT's long files: ASCII for megabytes, then "Côte d'Ivoire" in Latin-1; the load
    # refused the whole file as no UTF-8.
    path = tmp_path / "data" / "fao.csv"
    lines = ["Area Code,Area,Value"] + [f"{i % 200},Country {i % 200},{i}" for i in range(60_000)] + ["107,Côte d'Ivoire,-5"]
    path.write_bytes(("\n".join(lines) + "\n").encode("latin-1"))
    assert path.stat().st_size > 1 << 20
    (run,) = await runtime.pipeline.profile_path(path)
    assert (run.status, run.typed_rows) == ("profiled", 60_001)
    assert run.dialect is not None
    assert run.dialect["encoding"] == "latin-1"
    with runtime.pipeline.workspace.connect() as con:
        assert con.execute(f"SELECT Area FROM {layer_relation('typed', 'data', 'fao')} WHERE Value = -5").fetchall() == [("Côte d'Ivoire",)]
    # UTF-8 text before the bad byte: the file mixes encodings, which is an error still.
    mixed = tmp_path / "data" / "mixed.csv"
    mixed.write_bytes(("\n".join(lines[:40_000]) + "\nNaïve,1,1\n").encode() + ("\n".join(lines[40_000:]) + "\n").encode("latin-1"))
    with pytest.raises(SourceError, match="not valid UTF-8"):
        await runtime.pipeline.profile_path(mixed)


async def test_an_encoding_asked_for_reloads_a_file_read_in_another(runtime: Runtime, tmp_path: Path) -> None:
    # Czech district names in Windows-1250, read as Windows-1252 ("Èechy"): asking for cp1250
    # said "unchanged" and kept the garbled names.
    path = tmp_path / "data" / "district.csv"
    path.write_bytes(("A1;A3\n" + "".join(f"{i};Praha\n" for i in range(20)) + "21;jižní Čechy\n").encode("cp1250"))
    (first,) = await runtime.pipeline.profile_path(path)
    assert first.dialect is not None
    assert first.dialect["encoding"] != "cp1250"
    (fixed,) = await runtime.pipeline.profile_path(path, encoding="cp1250")
    assert fixed.status == "profiled"
    with runtime.pipeline.workspace.connect() as con:
        assert con.execute(f"SELECT A3 FROM {layer_relation('typed', 'data', 'district')} WHERE A1 = 21").fetchall() == [("jižní Čechy",)]
    (again,) = await runtime.pipeline.profile_path(path, encoding="CP1250")
    assert again.status == "unchanged"


async def test_a_file_rewritten_with_the_same_bytes_is_unchanged(runtime: Runtime, tmp_path: Path) -> None:
    # Toast's nightly export rewrites PaymentDetails.csv byte for byte (a `touch` does as
    # much): its new modification time alone had the file profiled again from scratch.
    import os

    path = tmp_path / "data" / "PaymentDetails.csv"
    path.parent.mkdir(parents=True, exist_ok=True)
    body = "Payment Id,Order Id,Amount,Tip\n" + "".join(f"{400000016000000000 + i},{4000000120 + i // 2},{10 + i % 37}.25,{i % 5}.00\n" for i in range(300))
    path.write_text(body)
    (first,) = await runtime.pipeline.profile_path(path)
    assert first.status == "profiled"
    path.write_text(body)
    later = path.stat().st_mtime_ns + 3_600_000_000_000
    os.utime(path, ns=(later, later))
    (again,) = await runtime.pipeline.profile_path(path)
    assert (again.status, again.raw_rows) == ("unchanged", None)
    async with runtime.sessions() as session:
        source = await catalog.get_source(session, "data")
        assert source is not None
        state = await catalog.file_state(session, source.source_id, first.table)
    assert state.fingerprint is not None
    assert state.fingerprint["mtime_ns"] == later  # (recorded: the next run need not read the bytes)
    # The same size, other bytes (one tip changed): profiled again.
    path.write_text(body.replace(",4.00\n", ",5.00\n", 1))
    os.utime(path, ns=(later, later + 1))
    (changed,) = await runtime.pipeline.profile_path(path)
    assert changed.status == "profiled"


async def test_comment_lines_atop_a_file_of_values_separated_by_spaces_are_skipped(runtime: Runtime, tmp_path: Path) -> None:
    # NOAA's co2_mm_mlo.txt: a "#" preamble, then columns aligned with spaces; the comments
    # were rows (the file was refused, or its columns all text).
    path = tmp_path / "data" / "co2_mm_mlo.txt"
    rows = "".join(f"  {1958 + i // 12}   {1 + i % 12}    {1958 + i / 12:.3f}      {315 + i % 7}.71\n" for i in range(30))
    path.write_text("# USE OF NOAA GML DATA\n# CO2 monthly mean\n" + rows)
    (run,) = await runtime.pipeline.profile_path(path)
    assert (run.status, run.typed_rows) == ("profiled", 30)
    with runtime.pipeline.workspace.connect() as con:
        assert con.execute(f"SELECT typeof(column0), min(column0) FROM {layer_relation('typed', 'data', 'co2_mm_mlo')} GROUP BY ALL").fetchall() == [("INTEGER", 1958)]


async def test_codes_whose_zeros_the_sample_missed_keep_them_also_when_read_while_loading(
    runtime: Runtime, tmp_path: Path
) -> None:
    # The integer readings are computed while loading, the column held thin: its leading zeros
    # are counted then, in every row.
    path = tmp_path / "data" / "filers.csv"
    # (Over a megabyte: a smaller file's columns keep their text.)
    rows = [f"{i},{(i - 59_499 if 60_000 <= i < 65_000 else 10_000 + (i * 7) % 89_000):05d}" for i in range(100_000)]
    path.write_text("cik,zipba\n" + "\n".join(rows) + "\n")
    assert path.stat().st_size > 1 << 20
    await runtime.pipeline.profile_path(path)
    typed = layer_relation("typed", "data", "filers")
    with runtime.pipeline.workspace.connect() as con:
        assert con.execute(f"SELECT typeof(zipba), zipba FROM {typed} WHERE cik = 60_000").fetchone() == ("VARCHAR", "00501")


async def test_a_changed_file_adds_a_profile_version_and_keeps_column_ids(runtime: Runtime, tmp_path: Path) -> None:
    path = tmp_path / "data" / "m.csv"
    path.write_text("id,v\n1,10\n2,20\n")
    await runtime.pipeline.profile_path(path)
    path.write_text("id,v,w\n1,10,a\n2,20,b\n3,30,c\n")
    await runtime.pipeline.profile_path(path)
    async with runtime.sessions() as session:
        table = await catalog.resolve_table(session, "data.m")
        versions = (
            await session.execute(
                text(
                    "SELECT c.column_name, count(*) FROM column_profiles p JOIN columns c ON c.column_id = p.column_id "
                    "WHERE c.table_id = :t GROUP BY c.column_name ORDER BY c.column_name"
                ),
                {"t": table.table_id.hex if runtime.engine.dialect.name == "sqlite" else table.table_id},
            )
        ).all()
        source = await catalog.get_source(session, "data")
        assert source is not None
        history = await checkpoints.runs_for_source(session, source.source_id)
    assert [tuple(v) for v in versions] == [("id", 2), ("v", 2), ("w", 1)]
    assert table.row_count == 3
    assert [h["status"] for h in history] == ["completed", "completed"]
    assert history[-1]["summary"]["tables"][0]["typed_rows"] == 3
    # only the newest copy of the file is kept in the workspace
    assert len(list((runtime.settings.home / "files" / "data").iterdir())) == 1


async def test_a_cancelled_run_leaves_nothing_behind_and_the_next_run_works(runtime: Runtime, tmp_path: Path) -> None:
    path = tmp_path / "data" / "big.csv"
    path.write_text("id,v,day\n" + "".join(f"{i},{i * 3},2021-01-{1 + i % 28:02d}\n" for i in range(300_000)))

    with anyio.CancelScope() as scope:

        async def cancel_after_load(done: float, total: float, message: str) -> None:
            if message.endswith("load done"):
                scope.cancel()

        await runtime.pipeline.profile_path(path, progress=cancel_after_load)
    assert scope.cancelled_caught

    async with runtime.sessions() as session:
        assert await catalog.list_tables(session) == []
        # The folder was new: its source and the record of the cancelled run are gone too.
        assert await catalog.get_source(session, "data") is None

    (run,) = await runtime.pipeline.profile_path(path)
    assert (run.status, run.typed_rows) == ("profiled", 300_000)
    assert len(list((runtime.settings.home / "files" / "data").iterdir())) == 1


async def test_a_manual_type_on_a_parquet_column_rebuilds_the_typed_layer(runtime: Runtime, tmp_path: Path) -> None:
    from datadossier.pipeline.decisions import set_column_type
    from datadossier.store.repositories import metadata

    shop = tmp_path / "data" / "shop"
    write_sample(shop)
    await runtime.pipeline.profile_path(shop / "products.parquet")
    previous, run = await set_column_type(runtime.pipeline, "shop.products", "list_price", "DECIMAL", decided_by="test")
    assert previous == "DOUBLE"
    assert (run.status, run.typed_rows, run.quarantine_rows) == ("retyped", 120, 0)
    async with runtime.sessions() as session:
        table = await catalog.resolve_table(session, "shop.products")
        (detail,) = await metadata.column_details(session, table, "list_price")
    assert detail.resolved_type is not None
    assert detail.resolved_type.startswith("DECIMAL")
    assert detail.decision is not None
    assert (detail.decision.decision_source, detail.decision.previous_type) == ("manual", "DOUBLE")


@pytest.mark.parametrize("asked", ["DOUBLE", "INTEGER"])
async def test_a_manual_numeric_type_over_money_keeps_its_cleaning(runtime: Runtime, tmp_path: Path, asked: str) -> None:
    # Airbnb's price "$1,200.00" read as DECIMAL; a person's DOUBLE cast the raw text and sent
    # every row to quarantine (and the source's links went with the typed rows).
    from datadossier.pipeline.decisions import set_column_type

    path = tmp_path / "data" / "listings.csv"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("id,price\n" + "".join(f'{i},"${1000 + i * 25:,}.00"\n' for i in range(1, 41)))
    await runtime.pipeline.profile_path(path)
    _, run = await set_column_type(runtime.pipeline, "data.listings", "price", asked, decided_by="test")
    assert (run.typed_rows, run.quarantine_rows) == (40, 0)
    with runtime.pipeline.workspace.connect() as con:
        rows = con.execute(f"SELECT max(price), typeof(max(price)) FROM {layer_relation('typed', 'data', 'listings')}").fetchall()
    assert rows == [(2000, asked)]


@pytest.mark.parametrize(("asked", "stored"), [("HUGEINT", "HUGEINT"), ("decimal(38, 0)", "DECIMAL(38,0)")])
async def test_a_person_may_assign_hugeint_or_a_wide_decimal_to_whole_numbers_past_bigint(
    runtime: Runtime, tmp_path: Path, asked: str, stored: str
) -> None:
    # Wei values of a raw EVM export under a name that says no amount (kept as text): HUGEINT
    # and DECIMAL(38,0) were "not a type datadossier can assign".
    from datadossier.pipeline.decisions import set_column_type

    path = tmp_path / "data" / "calls.csv"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("id,raw\n" + "".join(f"{i},{10**20 * (i + 1) + i}\n" for i in range(30)))
    await runtime.pipeline.profile_path(path)
    _, run = await set_column_type(runtime.pipeline, "data.calls", "raw", asked, decided_by="test")
    assert (run.typed_rows, run.quarantine_rows) == (30, 0)
    with runtime.pipeline.workspace.connect() as con:
        rows = con.execute(f"SELECT max(raw), typeof(max(raw)) FROM {layer_relation('typed', 'data', 'calls')}").fetchall()
    assert rows == [(3000000000000000000029, stored)]
    async with runtime.sessions() as session:
        table = await catalog.resolve_table(session, "data.calls")
        (detail,) = await metadata.column_details(session, table, "raw")
    assert detail.decision is not None
    assert (detail.decision.decided_type, detail.decision.decision_source) == (stored, "manual")


async def test_a_type_datadossier_cannot_assign_is_refused(runtime: Runtime, tmp_path: Path) -> None:
    from datadossier.errors import DatadossierError
    from datadossier.pipeline.decisions import set_column_type

    shop = tmp_path / "data" / "shop"
    write_sample(shop)
    await runtime.pipeline.profile_path(shop / "products.parquet")
    for asked in ("DECIMAL(39,0)", "DECIMAL(4,6)", "UUID"):
        with pytest.raises(DatadossierError, match="not a type datadossier can assign"):
            await set_column_type(runtime.pipeline, "shop.products", "list_price", asked, decided_by="test")


async def test_money_with_more_decimals_is_stored_exactly(runtime: Runtime, tmp_path: Path) -> None:
    # Crypto fills: "$0.00012345" stayed text; more decimals than the wider type keeps still
    # go to quarantine rather than being rounded.
    path = tmp_path / "data" / "fills.csv"
    path.parent.mkdir(parents=True, exist_ok=True)
    fees = ["$0.00012345", "$2.5", "$0.000000000001"] * 20 + ["$0.0000000000001"]
    path.write_text("id,fee\n" + "".join(f"{i},{fee}\n" for i, fee in enumerate(fees)))
    (run,) = await runtime.pipeline.profile_path(path)
    assert (run.typed_rows, run.quarantine_rows) == (60, 1)
    with runtime.pipeline.workspace.connect() as con:
        typed = con.execute(
            f"SELECT typeof(fee), min(fee), sum(fee) FROM {layer_relation('typed', 'data', 'fills')} GROUP BY ALL"
        ).fetchall()
        kept = con.execute(f"SELECT DISTINCT fee FROM {layer_relation('quarantine', 'data', 'fills')}").fetchall()
    assert typed == [("DECIMAL(38,12)", Decimal("1E-12"), Decimal("50.002469000020"))]
    assert kept == [("$0.0000000000001",)]


async def test_a_gzip_csv_is_profiled_like_the_plain_file(runtime: Runtime, tmp_path: Path) -> None:
    path = tmp_path / "data" / "prices.csv.gz"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(gzip.compress(b"sku,price\n" + b"".join(b"A%d,$%d.50\n" % (i, i) for i in range(1, 51))))
    (run,) = await runtime.pipeline.profile_path(path)
    assert (run.table, run.raw_rows, run.typed_rows) == ("prices", 50, 50)
    async with runtime.sessions() as session:
        table = await catalog.resolve_table(session, "data.prices")
    with runtime.pipeline.workspace.connect() as con:
        assert con.execute(f"SELECT sum(price) FROM {layer_relation('typed', 'data', 'prices')}").fetchall() == [
            (Decimal("1300.0000"),)
        ]
    assert table.path == str(path)


async def test_short_nearly_unique_text_is_stored_plain_in_the_typed_layer(runtime: Runtime, tmp_path: Path) -> None:
    # UUIDs and e-mail addresses: DuckDB's string compression finds little to share and cost
    # most of the write (see `sources.layers.PLAIN_DISTINCT_SHARE`); repeated words and long
    # unique text keep it.
    import random
    import uuid

    rng = random.Random(3)
    path = tmp_path / "data" / "visits.csv"
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = ["visit_id,email,channel,comment"]
    for i in range(30_000):
        comment = " ".join(rng.choice(("quick", "slow", "visit", "checkout", "cart", "abandoned")) for _ in range(20))
        lines.append(f"{uuid.UUID(int=rng.getrandbits(128))},user{i}@example.org,{rng.choice(('web', 'app', 'shop'))},{comment} {i}")
    path.write_text("\n".join(lines) + "\n")
    (run,) = await runtime.pipeline.profile_path(path)
    assert run.typed_rows == 30_000
    with runtime.pipeline.workspace.connect(read_only=True) as con:
        storage = text_compressions(con, layer_relation("typed", "data", "visits"))
    assert storage["visit_id"] == {"Uncompressed"}
    assert storage["email"] == {"Uncompressed"}
    assert "Uncompressed" not in storage["channel"]
    assert "Uncompressed" not in storage["comment"]


async def test_a_scratch_stage_is_deleted_after_the_run_whether_it_worked_or_not(
    runtime: Runtime, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from datadossier.errors import SourceError
    from datadossier.pipeline import stages

    # Every stage "too big for memory": a CSV from the sampling size on goes to a scratch file.
    monkeypatch.setattr(stages, "SAMPLE_FILE_MIN_BYTES", 0)
    monkeypatch.setattr(stages, "SAMPLE_FILE_MIN_ROWS", 0)
    monkeypatch.setattr(stages, "STAGE_MEMORY_SHARE", 1e-9)
    scratch_dir = runtime.pipeline.workspace.path.parent / "tmp"
    attached: list[str] = []
    load = stages.load_csv_stage

    def spy(con: object, copy: object, original: object, stage: str, *args: object, **kwargs: object) -> None:
        attached.append(stage)
        load(con, copy, original, stage, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(stages, "load_csv_stage", spy)
    path = tmp_path / "data" / "codes.csv"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("code,amount\n" + "".join(f"C{i:06d},${i % 977}.50\n" for i in range(5000)))
    (run,) = await runtime.pipeline.profile_path(path)
    assert attached == [stages.SCRATCH_STAGE]
    assert run.typed_rows == 5000
    assert list(scratch_dir.glob("stage-*")) == []

    # Ragged only in its last lines, past what dialect detection and the sample read: the load
    # into the scratch stage is what fails, and they are too many to leave out.
    broken = tmp_path / "data" / "broken.csv"
    ragged = "".join(f"C9{i},1,extra\n" for i in range(6_000))
    broken.write_text("code,amount\n" + "".join(f"C{i:06d},{i}\n" for i in range(100_000)) + ragged)
    with pytest.raises(SourceError, match=r"line 100002 has 3 fields where the others have 2 .*6,000 of 106,000 rows"):
        await runtime.pipeline.profile_path(broken)
    assert attached == [stages.SCRATCH_STAGE, stages.SCRATCH_STAGE]
    assert list(scratch_dir.glob("stage-*")) == []


async def test_a_retyping_loads_the_copy_the_raw_layer_reads(
    runtime: Runtime, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from datadossier.errors import SourceError
    from datadossier.pipeline import runner, stages
    from datadossier.pipeline.decisions import set_column_type
    from datadossier.store.repositories import metadata

    shop = tmp_path / "data" / "shop"
    write_sample(shop)
    monkeypatch.setattr(stages, "SAMPLE_FILE_MIN_BYTES", 0)
    monkeypatch.setattr(stages, "SAMPLE_FILE_MIN_ROWS", 0)
    await runtime.pipeline.profile_path(shop / "orders.csv")
    kept: list[stages.KeptCopy | None] = []

    def run_table_seen(*args: object, **kwargs: object) -> stages.StageOutput:
        kept.append(kwargs.get("kept"))  # type: ignore[arg-type]
        return stages.run_table(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(runner, "run_table", run_table_seen)
    _, run = await set_column_type(runtime.pipeline, "shop.orders", "weight_kg", "VARCHAR", decided_by="test")
    assert (run.status, run.quarantine_rows, run.typed_rows) == ("retyped", 0, run.raw_rows)
    (copy,) = kept
    assert copy is not None
    assert copy.format == "csv"
    assert copy.read_options["all_varchar"] is True
    assert list((runtime.settings.home / "files" / "shop").iterdir()) == [copy.path]

    # Without its copy the table cannot be rebuilt; the error says how to recover, and the
    # column keeps the decision its layers were built with.
    copy.path.unlink()
    with pytest.raises(SourceError, match=r"copy .* is missing") as caught:
        await set_column_type(runtime.pipeline, "shop.orders", "weight_kg", "DOUBLE", decided_by="test")
    assert "Profile the table's file again" in (caught.value.hint or "")
    async with runtime.sessions() as session:
        table = await catalog.resolve_table(session, "shop.orders")
        (detail,) = await metadata.column_details(session, table, "weight_kg")
    assert detail.decision is not None
    assert (detail.decision.decided_type, detail.decision.decision_source) == ("VARCHAR", "manual")
    assert detail.decision.previous_type == "DOUBLE"
    (again,) = await runtime.pipeline.profile_path(shop / "orders.csv", force=True)
    assert again.status == "profiled"


def test_a_table_recorded_without_read_options_retypes_from_the_raw_view() -> None:
    from datadossier.pipeline.runner import _kept_copy
    from datadossier.pipeline.stages import KeptCopy
    from datadossier.store.domain import FileState

    # Runs before read options were recorded: the copy's options are unknown.
    old = FileState(fingerprint=None, manual_types={}, typed_table_exists=True, file_format="csv", raw_copy="/w/t.csv")
    assert _kept_copy(old) is None
    parquet = FileState(
        fingerprint=None, manual_types={}, typed_table_exists=True, file_format="parquet",
        raw_copy="/w/t.parquet", read_options={},
    )
    assert _kept_copy(parquet) == KeptCopy(Path("/w/t.parquet"), "parquet", {})


def _write_partition(dataset: Path, year: int, month: int, ids: range) -> None:
    import duckdb

    part = dataset / f"year={year}" / f"month={month}"
    part.mkdir(parents=True, exist_ok=True)
    with duckdb.connect() as con:
        con.execute(
            f"COPY (SELECT i AS id, 'c' || (i % 3) AS cat, i * 1.5 AS amount FROM range({ids.start}, {ids.stop}) t(i)) "
            f"TO '{part / 'part-0.snappy.parquet'}' (FORMAT parquet)"
        )


async def test_a_partitioned_parquet_dataset_is_one_table_with_its_keys_as_columns(runtime: Runtime, tmp_path: Path) -> None:
    dataset = tmp_path / "data" / "lake" / "sales"
    _write_partition(dataset, 2020, 1, range(0, 40))
    _write_partition(dataset, 2020, 2, range(40, 70))
    _write_partition(dataset, 2021, 1, range(70, 100))
    (run,) = await runtime.pipeline.profile_path(dataset)
    assert (run.source, run.table, run.status, run.typed_rows) == ("lake", "sales", "profiled", 100)
    typed = layer_relation("typed", "lake", "sales")
    with runtime.pipeline.workspace.connect() as con:
        rows = con.execute(f"SELECT year, month, count(*), min(id), max(id) FROM {typed} GROUP BY ALL ORDER BY ALL").fetchall()
    assert rows == [(2020, 1, 40, 0, 39), (2020, 2, 30, 40, 69), (2021, 1, 30, 70, 99)]
    # The folder above the dataset lists it as a table; an unchanged dataset is not reloaded.
    (again,) = await runtime.pipeline.profile_path(dataset.parent)
    assert (again.table, again.status) == ("sales", "unchanged")
    # A new partition is a change.
    _write_partition(dataset, 2021, 2, range(100, 110))
    (changed,) = await runtime.pipeline.profile_path(dataset)
    assert (changed.status, changed.typed_rows) == ("profiled", 110)


def _write_parts(folder: Path, ids: list[range], name: str = "part-{n:05d}-6f1d-c000.snappy.parquet") -> list[Path]:
    """A table written in parts as a Spark job writes it: part files, a _SUCCESS marker, checksums."""
    import duckdb

    folder.mkdir(parents=True, exist_ok=True)
    written = []
    with duckdb.connect() as con:
        for n, part in enumerate(ids):
            path = folder / name.format(n=n)
            con.execute(
                f"COPY (SELECT i AS id, 'c' || (i % 3) AS cat, i % 7 AS user_id FROM range({part.start}, {part.stop}) t(i))"
                f" TO '{path}' (FORMAT parquet)"
            )
            (folder / f".{path.name}.crc").write_bytes(b"crc")
            written.append(path)
    (folder / "_SUCCESS").write_bytes(b"")
    return written


async def test_a_table_written_in_parts_is_one_table_named_for_its_folder(runtime: Runtime, tmp_path: Path) -> None:
    # A Spark job's output: users/ and orders/ of part files; the warehouse folder above lists
    # them as tables (each file was a table named by its uuid, and the folder was refused).
    warehouse = tmp_path / "data" / "warehouse"
    _write_parts(warehouse / "orders", [range(0, 40), range(40, 100)])
    _write_parts(warehouse / "users", [range(0, 7)])
    runs = await runtime.pipeline.profile_path(warehouse)
    assert sorted((r.table, r.status, r.typed_rows) for r in runs) == [("orders", "profiled", 100), ("users", "profiled", 7)]


async def test_the_shards_of_a_split_are_one_table_named_for_the_split(runtime: Runtime, tmp_path: Path) -> None:
    # A Hugging Face dataset's Parquet files: each shard was a table (train_00000_of_00003).
    data = tmp_path / "data" / "imdb" / "data"
    shards = _write_parts(data, [range(0, 40), range(40, 70), range(70, 100)], name="train-{n:05d}-of-00003.parquet")
    _write_parts(data, [range(0, 25)], name="test-{n:05d}-of-00001-5b2c91e4.parquet")
    for marker in [data / "_SUCCESS", *data.glob(".*.crc")]:  # Spark's, not the hub's
        marker.unlink()
    runs = await runtime.pipeline.profile_path(data)
    assert sorted((r.source, r.table, r.status, r.typed_rows) for r in runs) == [
        ("data", "test", "profiled", 25), ("data", "train", "profiled", 100),
    ]
    again = await runtime.pipeline.profile_path(data)
    assert sorted((r.table, r.status) for r in again) == [("test", "unchanged"), ("train", "unchanged")]
    # Re-profiled by name, from the pattern the table keeps.
    async with runtime.sessions() as session:
        tables = {t.table: t for t in await catalog.list_tables(session, "data")}
    assert "train-?????-of-00003" in str(tables["train"].path)
    (by_name,) = await runtime.pipeline.reprofile(tables["train"])
    assert (by_name.table, by_name.typed_rows) == ("train", 100)
    # A shard gone is a change; the split gone is the table gone.
    shards[2].unlink()
    changed = {r.table: r for r in await runtime.pipeline.profile_path(data)}
    assert (changed["train"].status, changed["train"].typed_rows) == ("profiled", 70)
    for shard in shards[:2]:
        shard.unlink()
    gone = {r.table: r.status for r in await runtime.pipeline.profile_path(data)}
    assert gone == {"test": "unchanged", "train": "removed"}


async def test_a_pattern_over_a_partitioned_dataset_keeps_its_partition_keys(runtime: Runtime, tmp_path: Path) -> None:
    # Each file a pattern matched was a table named data_0_parquet..., without its year.
    dataset = tmp_path / "data" / "lake" / "sales"
    _write_partition(dataset, 2020, 1, range(0, 40))
    _write_partition(dataset, 2020, 2, range(40, 70))
    _write_partition(dataset, 2021, 1, range(70, 100))
    (whole,) = await runtime.pipeline.profile_path(str(dataset / "**" / "*.parquet"))
    assert (whole.source, whole.table, whole.path, whole.typed_rows) == ("lake", "sales", str(dataset), 100)
    # Some of its partitions are a table of their own, beside the whole dataset's (it was
    # replaced by them).
    (some,) = await runtime.pipeline.profile_path(str(dataset / "year=2020" / "*" / "*.parquet"))
    assert (some.source, some.table, some.typed_rows) == ("lake", "sales_year_2020", 70)
    (odd,) = await runtime.pipeline.profile_path(str(dataset / "*" / "month=1" / "*.parquet"))
    assert (odd.table, odd.typed_rows) == ("sales_month_1", 70)
    async with runtime.sessions() as session:
        kept = {t.table: t.row_count for t in await catalog.list_tables(session, "lake")}
    assert kept == {"sales": 100, "sales_year_2020": 70, "sales_month_1": 70}
    typed = layer_relation("typed", "lake", "sales_year_2020")
    with runtime.pipeline.workspace.connect() as con:
        rows = con.execute(f"SELECT year, month, count(*) FROM {typed} GROUP BY ALL ORDER BY ALL").fetchall()
    assert rows == [(2020, 1, 40), (2020, 2, 30)]
    (folders,) = await runtime.pipeline.profile_path(str(dataset / "year=202[01]"))
    assert (folders.table, folders.status) == ("sales", "unchanged")  # the whole dataset's, as profiled


async def test_a_delta_table_is_read_as_its_log_says(runtime: Runtime, tmp_path: Path) -> None:
    # A Delta table: an update rewrote the first part file; the stale file stays in the folder
    # until a vacuum, and reading every file counted its rows twice.
    import json

    import duckdb

    table = tmp_path / "data" / "lake" / "orders"
    first, second = _write_parts(table, [range(0, 50), range(50, 80)])
    rewritten = table / "part-00002-7a2e-c000.snappy.parquet"
    with duckdb.connect() as con:
        con.execute(f"COPY (SELECT id, 'shipped' AS cat, user_id FROM '{first}') TO '{rewritten}' (FORMAT parquet)")
    log = table / "_delta_log"
    log.mkdir()
    adds = [{"add": {"path": p.name, "partitionValues": {}, "dataChange": True}} for p in (first, second)]
    (log / "00000000000000000000.json").write_text("\n".join(json.dumps(a) for a in adds) + "\n")
    update = [{"remove": {"path": first.name, "dataChange": True}}, {"add": {"path": rewritten.name, "partitionValues": {}, "dataChange": True}}]
    (log / "00000000000000000001.json").write_text("\n".join(json.dumps(a) for a in update) + "\n")
    (run,) = await runtime.pipeline.profile_path(table)
    assert (run.table, run.typed_rows) == ("orders", 80)
    typed = layer_relation("typed", "lake", "orders")
    with runtime.pipeline.workspace.connect() as con:
        assert con.execute(f"SELECT count(*) FROM {typed} WHERE cat = 'shipped'").fetchone() == (50,)
    # A checkpoint holds the actions up to its version; the commits after it follow.
    with duckdb.connect() as con:
        con.execute(
            f"COPY (SELECT {{'path': '{second.name}'}} AS add UNION ALL SELECT {{'path': '{rewritten.name}'}})"
            f" TO '{log / '00000000000000000001.checkpoint.parquet'}' (FORMAT parquet)"
        )
    (log / "00000000000000000000.json").unlink()
    (log / "00000000000000000002.json").write_text(json.dumps({"remove": {"path": second.name}}) + "\n")
    (again,) = await runtime.pipeline.profile_path(table)
    assert (again.status, again.typed_rows) == ("profiled", 50)
    # A log that cannot be read is said so, with what to do.
    (log / "00000000000000000003.json").write_text("{not json\n")
    from datadossier.errors import SourceError

    with pytest.raises(SourceError, match="is a Delta table whose log"):
        await runtime.pipeline.profile_path(table)


@pytest.mark.parametrize("rows", [5, 30_000])
async def test_a_parquet_file_with_lists_structs_and_maps_is_profiled(runtime: Runtime, tmp_path: Path, rows: int) -> None:
    # Nested columns are kept as the file types them; the search for lists among the text
    # columns met them as text and failed the whole file.
    import duckdb

    path = tmp_path / "data" / "events.parquet"
    path.parent.mkdir(parents=True, exist_ok=True)
    with duckdb.connect() as con:
        con.execute(
            "COPY (SELECT i AS id, ['x' || (i % 7), 'y'] AS tags, {'a': i, 'b': 'k' || (i % 3)} AS payload,"
            f" MAP {{'k': i % 5}} AS attrs, 'v' || (i % 11) AS kind FROM range({rows}) t(i)) TO '{path}' (FORMAT parquet)"
        )
    (run,) = await runtime.pipeline.profile_path(path)
    assert (run.status, run.typed_rows, run.quarantine_rows) == ("profiled", rows, 0)
    typed = layer_relation("typed", "data", "events")
    with runtime.pipeline.workspace.connect() as con:
        kinds = dict(con.execute(f"SELECT column_name, column_type FROM (DESCRIBE {typed})").fetchall())
    assert (kinds["tags"], kinds["attrs"]) == ("VARCHAR[]", "MAP(VARCHAR, BIGINT)")


def _parquet_of(tmp_path: Path, name: str, select: str) -> Path:
    """data/NAME.parquet written by DuckDB from ``select``."""
    import duckdb

    path = tmp_path / "data" / f"{name}.parquet"
    path.parent.mkdir(parents=True, exist_ok=True)
    with duckdb.connect() as con:
        con.execute(f"COPY ({select}) TO '{path}' (FORMAT parquet)")
    return path


async def test_a_parquet_floats_nan_is_a_missing_value(runtime: Runtime, tmp_path: Path) -> None:
    # pandas writes a missing float as NaN: it was counted as present, and the column's max,
    # mean and histogram were lost to it.
    path = _parquet_of(
        tmp_path, "scores", "SELECT i AS id, CASE WHEN i % 5 = 0 THEN 'NaN'::DOUBLE ELSE i / 2 END AS score FROM range(1, 101) t(i)"
    )
    (run,) = await runtime.pipeline.profile_path(path)
    assert (run.raw_rows, run.typed_rows, run.quarantine_rows) == (100, 100, 0)
    async with runtime.sessions() as session:
        table = await catalog.resolve_table(session, "data.scores")
        (detail,) = await metadata.column_details(session, table, "score")
    assert detail.profile is not None
    assert (detail.profile.null_count, detail.profile.max_value) == (20, 49.5)
    assert detail.profile.mean_value is not None
    assert detail.profile.histogram
    assert detail.decision is not None
    assert "NaN (20 values) read as missing" in (detail.decision.decision_reason or "")
    typed = layer_relation("typed", "data", "scores")
    with runtime.pipeline.workspace.connect() as con:
        assert con.execute(f"SELECT count(*) FROM {typed} WHERE isnan(score)").fetchone() == (0,)


async def test_a_parquet_number_of_unix_times_under_a_time_name_is_a_timestamp(runtime: Runtime, tmp_path: Path) -> None:
    # GA4's BigQuery export keeps event_timestamp as int64 microseconds, event pipelines write
    # milliseconds and seconds so too: they stayed BIGINT, where the same digits in a CSV are
    # times. A float of seconds keeps its fraction and its NaN is no value; an int64 in range
    # under another name stays a number, TIMESTAMP its runner-up, and a person's TIMESTAMP reads it.
    from datadossier.pipeline.decisions import set_column_type

    path = _parquet_of(
        tmp_path, "events",
        "SELECT i AS id, 1680343200000000 + i * 1500000 AS event_timestamp, 1680343200 + i * 60 AS created_at,"
        " 1680343200000 + i AS updated_ms, CASE WHEN i % 5 = 0 THEN 'NaN'::DOUBLE ELSE 1680343200.25 + i END AS ts,"
        " 1680343200 + i AS account_no FROM range(20) t(i)",
    )
    (run,) = await runtime.pipeline.profile_path(path)
    assert (run.typed_rows, run.quarantine_rows) == (20, 0)
    async with runtime.sessions() as session:
        table = await catalog.resolve_table(session, "data.events")
        details = {d.column_name: d for d in await metadata.column_details(session, table)}
    assert {name: (d.resolved_type, d.detected_pattern) for name, d in details.items()} == {
        "id": ("BIGINT", None), "event_timestamp": ("TIMESTAMP", "epoch_micros"), "created_at": ("TIMESTAMP", "epoch_seconds"),
        "updated_ms": ("TIMESTAMP", "epoch_millis"), "ts": ("TIMESTAMP", "epoch_seconds"), "account_no": ("BIGINT", None),
    }
    kept = details["account_no"].decision
    assert kept is not None
    assert "TIMESTAMP is the runner-up" in (kept.decision_reason or "")
    typed = layer_relation("typed", "data", "events")
    with runtime.pipeline.workspace.connect() as con:
        row = con.execute(
            f"SELECT strftime(event_timestamp, '%Y-%m-%d %H:%M:%S'), strftime(created_at, '%H:%M'),"
            f" epoch_ms(updated_ms), strftime(ts, '%S.%f'), (SELECT count(ts) FROM {typed}) FROM {typed} WHERE id = 2"
        ).fetchone()
    assert row == ("2023-04-01 10:00:03", "10:02", 1680343200002, "02.250000", 16)
    _, retyped = await set_column_type(runtime.pipeline, "data.events", "account_no", "TIMESTAMP", decided_by="test")
    assert (retyped.typed_rows, retyped.quarantine_rows) == (20, 0)
    with runtime.pipeline.workspace.connect() as con:
        assert con.execute(f"SELECT epoch(account_no) FROM {typed} WHERE id = 3").fetchone() == (1680343203.0,)


async def test_a_parquet_column_read_under_another_name_says_how_the_file_names_it(runtime: Runtime, tmp_path: Path) -> None:
    # Flattened JSON with "Id" beside "ID", a tool's own "_row_id": read as ID_1 and _row_id_1,
    # and nothing said so (a CSV's renamed columns name their header).
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = tmp_path / "data" / "names.parquet"
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(pa.table({"Id": [1, 2, 3], "ID": ["a", "b", "c"], "_row_id": [7, 8, 9]}), path)
    await runtime.pipeline.profile_path(path)
    async with runtime.sessions() as session:
        table = await catalog.resolve_table(session, "data.names")
        reasons = {d.column_name: d.decision.decision_reason or "" for d in await metadata.column_details(session, table) if d.decision}
    assert reasons["ID_1"].endswith("The file's schema names this column 'ID'.")
    assert reasons["_row_id_1"].endswith("The file's schema names this column '_row_id'.")
    assert "schema names" not in reasons["Id"]


async def test_a_parquet_text_column_s_empty_strings_are_missing(runtime: Runtime, tmp_path: Path) -> None:
    # A CSV converted to Parquet with every column as text keeps its empty cells as '': the
    # amounts stayed text and a blank date quarantined its row, where the CSV read them as missing.
    path = _parquet_of(
        tmp_path, "converted",
        "SELECT i::VARCHAR AS id, CASE WHEN i % 4 = 0 THEN '' ELSE (i * 1.5)::VARCHAR END AS amount,"
        " CASE WHEN i = 7 THEN '' ELSE strftime(DATE '2024-01-01' + i::INTEGER, '%Y-%m-%d') END AS day,"
        " CASE WHEN i % 5 = 0 THEN '' ELSE 'n' || i END AS note FROM range(1, 41) t(i)",
    )
    (run,) = await runtime.pipeline.profile_path(path)
    assert (run.raw_rows, run.typed_rows, run.quarantine_rows) == (40, 40, 0)
    async with runtime.sessions() as session:
        table = await catalog.resolve_table(session, "data.converted")
        details = {d.column_name: d for d in await metadata.column_details(session, table)}
    assert {name: d.resolved_type for name, d in details.items()} == {
        "id": "INTEGER", "amount": "DOUBLE", "day": "DATE", "note": "VARCHAR",
    }
    assert {name: d.profile.null_count for name, d in details.items() if d.profile} == {"id": 0, "amount": 10, "day": 1, "note": 8}


async def test_tables_and_columns_are_found_as_the_files_name_them(runtime: Runtime, tmp_path: Path) -> None:
    # Instacart's order_products__prior.csv is the table order_products_prior; WHO's header
    # "Life expectancy " (a trailing space) is the column "Life expectancy".
    path = tmp_path / "data" / "order_products__prior.csv"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("order_id,Life expectancy \n1,70.5\n2,71.5\n")
    await runtime.pipeline.profile_path(path)
    async with runtime.sessions() as session:
        for ref in ("data.order_products__prior", "order_products__prior", "Order-Products-Prior"):
            assert (await catalog.resolve_table(session, ref)).qualified_name == "data.order_products_prior"
        table = await catalog.resolve_table(session, "data.order_products_prior")
        (detail,) = await metadata.column_details(session, table, "Life expectancy ")
    assert detail.column_name == "Life expectancy"


async def test_a_manual_type_reads_the_markers_inference_reads_as_missing(runtime: Runtime, tmp_path: Path) -> None:
    # CDC WONDER's county rates with "Suppressed" and a stray word in them, kept as text: a
    # person's DOUBLE quarantined every "Suppressed" row (with its deaths and population),
    # though the table's Deaths read it as missing. Only the stray word is a failure.
    from datadossier.pipeline.decisions import set_column_type

    path = tmp_path / "data" / "wonder.csv"
    path.parent.mkdir(parents=True, exist_ok=True)
    rates = ["Suppressed" if i % 4 == 0 else "pending review" if i % 8 == 1 else f"{10 + i}.5" for i in range(40)]
    path.write_text("County,Deaths,Crude Rate\n" + "".join(f"C{i},{'Suppressed' if i % 4 == 0 else 12 + i},{r}\n" for i, r in enumerate(rates)))
    await runtime.pipeline.profile_path(path)
    _, run = await set_column_type(runtime.pipeline, "data.wonder", "Crude Rate", "DOUBLE", decided_by="test")
    assert (run.typed_rows, run.quarantine_rows) == (35, 5)
    with runtime.pipeline.workspace.connect() as con:
        kept = con.execute(f"SELECT DISTINCT \"Crude Rate\" FROM {layer_relation('quarantine', 'data', 'wonder')}").fetchall()
    assert "Suppressed" not in {v for (v,) in kept}
