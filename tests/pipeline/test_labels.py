"""Rows under a CSV file's header that describe its columns (a data logger's units, a census
table's labels) are not data: the run leaves them out of every layer and reads units from
them, whether the file is sampled before its load (large files) or after it."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from datadossier.engine import Workspace, layer_relation
from datadossier.pipeline import stages
from datadossier.sources.files import DataFile
from tests.pipeline.helpers import run_file

ROWS = 20_000


@pytest.fixture(scope="module")
def logger_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    rng = random.Random(5)
    path = tmp_path_factory.mktemp("data") / "CR1000_Table10min.dat"
    lines = [
        '"TOA5","CR1000_Met","CR1000","12345","CR1000.Std.32","CPU:met.CR1","1234","Table10min"',
        '"TIMESTAMP","RECORD","AirTC_Avg","RH","WS_ms_Avg","BattV_Min","SlrW_Avg","BP_mbar","Station"',
        '"TS","RN","Deg C","%","meters/second","Volts","W/m^2","mbar",""',
        '"","","Avg","Smp","Avg","Min","Avg","Avg","Smp"',
    ]
    for i in range(ROWS):
        minute = i * 10
        stamp = f"2023-{1 + minute // 40320:02d}-{1 + minute // 1440 % 28:02d} {minute // 60 % 24:02d}:{minute % 60:02d}:00"
        lines.append(
            f'"{stamp}",{i},{rng.uniform(-5, 30):.2f},{rng.uniform(20, 99):.1f},{rng.uniform(0, 12):.3f},'
            f'{rng.uniform(12, 13.5):.2f},{rng.uniform(0, 900):.1f},{rng.uniform(990, 1030):.1f},"north field"'
        )
    path.write_text("\n".join(lines) + "\n")
    assert path.stat().st_size > stages.SAMPLE_FILE_MIN_BYTES
    return path


@pytest.mark.parametrize("sample_file", [True, False], ids=["sampled_before_the_load", "sampled_after"])
def test_a_loggers_units_row_gives_units_and_no_quarantine(
    tmp_path: Path, logger_file: Path, monkeypatch: pytest.MonkeyPatch, sample_file: bool
) -> None:
    monkeypatch.setattr(stages, "SAMPLE_FILE_MIN_BYTES", 0 if sample_file else 1 << 62)
    monkeypatch.setattr(stages, "SAMPLE_FILE_MIN_ROWS", 0 if sample_file else 1 << 62)
    workspace = Workspace(tmp_path / "ws.duckdb", threads=2, memory_limit="1GB", timeout_seconds=120)
    with workspace.connect() as con:
        out = stages.run_table(
            con, source="s", table="t", file=DataFile(path=logger_file, format="csv", table_name="t"),
            manual_types={}, null_tokens=["NAN", ""], max_columns=100, exact_distinct_max_rows=1_000_000,
            files_dir=tmp_path / "files",
        )
        con.execute("COMMIT")
        raw_rows = con.execute(f"SELECT count(*) FROM {layer_relation('raw', 's', 't')}").fetchall()[0][0]
    assert (out.counts.raw_rows, out.counts.typed_rows, out.counts.quarantine_rows) == (ROWS, ROWS, 0)
    assert raw_rows == ROWS
    decided = {i.column_name: i.decided_type for i in out.inferences}
    assert decided == {
        "TIMESTAMP": "TIMESTAMP", "RECORD": "INTEGER", "AirTC_Avg": "DOUBLE", "RH": "DOUBLE",
        "WS_ms_Avg": "DOUBLE", "BattV_Min": "DOUBLE", "SlrW_Avg": "DOUBLE", "BP_mbar": "DOUBLE",
        "Station": "VARCHAR",
    }
    units = {i.column_name: i.candidates[0].detected_unit for i in out.inferences}
    assert units == {
        "TIMESTAMP": None, "RECORD": None, "AirTC_Avg": "degC", "RH": "%", "WS_ms_Avg": "m/s",
        "BattV_Min": "V",  # not minutes: the units row says volts
        "SlrW_Avg": "W/m**2", "BP_mbar": "mbar", "Station": None,
    }
    assert out.dialect is not None
    assert out.dialect["labels"][0][:3] == ["TS", "RN", "Deg C"]
    assert out.names == {}  # units and processing steps, not names


async def test_a_retyping_keeps_the_units_of_the_labels(tmp_path: Path, store_url: str, logger_file: Path) -> None:
    from datadossier.pipeline.decisions import set_column_type
    from datadossier.runtime import open_runtime
    from datadossier.store.repositories import catalog, metadata
    from tests.server.helpers import make_settings

    folder = tmp_path / "data" / "met"
    folder.mkdir(parents=True)
    target = folder / "table10min.dat"
    target.write_bytes(logger_file.read_bytes())
    async with open_runtime(make_settings(tmp_path, store_url)) as runtime:
        (first,) = await runtime.pipeline.profile_path(target)
        assert (first.raw_rows, first.quarantine_rows) == (ROWS, 0)
        _, run = await set_column_type(runtime.pipeline, "met.table10min", "RECORD", "BIGINT", decided_by="test")
        assert (run.status, run.raw_rows, run.quarantine_rows) == ("retyped", ROWS, 0)
        async with runtime.sessions() as session:
            table = await catalog.resolve_table(session, "met.table10min")
            details = {d.column_name: d for d in await metadata.column_details(session, table)}
    assert details["RECORD"].resolved_type == "BIGINT"
    assert (details["AirTC_Avg"].detected_unit, details["BattV_Min"].detected_unit) == ("degC", "V")


def _census(labels: bool) -> str:
    header = '"GEO_ID","NAME","S1901_C01_001E","S1901_C01_001M"\n'
    label = '"Geography","Geographic Area Name","Estimate!!Households!!Total","Margin of Error!!Households!!Total"\n'
    rows = "".join(f'"0500000US{i:05d}","County {i}","{1000 + i}","{"*****" if i % 3 else i % 90 + 10}"\n' for i in range(40))
    return header + (label if labels else "") + rows


async def test_a_row_of_labels_names_the_columns_in_the_store(tmp_path: Path, store_url: str) -> None:
    from sqlalchemy import select

    from datadossier.enrichment.db_models import SemanticAnnotationRecord
    from datadossier.runtime import open_runtime
    from datadossier.store.repositories import catalog, metadata
    from tests.server.helpers import make_settings

    folder = tmp_path / "data" / "census"
    folder.mkdir(parents=True)
    target = folder / "s1901.csv"
    target.write_text(_census(labels=True))
    async with open_runtime(make_settings(tmp_path, store_url)) as runtime:

        async def names() -> dict[str, str | None]:
            async with runtime.sessions() as session:
                table = await catalog.resolve_table(session, "census.s1901")
                return {d.column_name: d.business_name for d in await metadata.column_details(session, table)}

        (run,) = await runtime.pipeline.profile_path(target)
        assert (run.raw_rows, run.quarantine_rows) == (40, 0)
        assert await names() == {
            "GEO_ID": "Geography", "NAME": "Geographic Area Name",
            "S1901_C01_001E": "Estimate!!Households!!Total",
            "S1901_C01_001M": "Margin of Error!!Households!!Total",
        }
        # A person's name for a column outlives the file's; the file's go when it drops them.
        async with runtime.sessions.begin() as session:
            row = await session.scalar(
                select(SemanticAnnotationRecord).where(SemanticAnnotationRecord.business_name == "Geographic Area Name")
            )
            assert row is not None
            assert row.annotation_source == "file"
            row.annotation_source, row.business_name = "manual", "County"
        target.write_text(_census(labels=False))
        await runtime.pipeline.profile_path(target)
        assert await names() == {"GEO_ID": None, "NAME": "County", "S1901_C01_001E": None, "S1901_C01_001M": None}


def test_a_header_cell_written_otherwise_than_its_column_is_named_in_the_reason(tmp_path: Path) -> None:
    # The WHO life expectancy data's "Life expectancy ": pandas reads the file under that name.
    path = tmp_path / "who.csv"
    path.write_text("Country,Year,Life expectancy \n" + "".join(f"C{i},{2000 + i % 16},{60 + i % 20}.5\n" for i in range(64)))
    out, _ = run_file(path, tmp_path, None)
    reasons = {i.column_name: i.reason for i in out.inferences}
    assert reasons["Life expectancy"].endswith("The file's header writes this column 'Life expectancy '.")
    assert "header writes" not in reasons["Year"]
    assert out.dialect is not None
    assert out.dialect["written_names"] == {"Life expectancy": "Life expectancy "}


def test_a_bom_before_a_quoted_first_name_is_no_part_of_it(tmp_path: Path) -> None:
    # data.census.gov's tables start with a BOM, then '"GEO_ID"': read past the labels, the
    # name kept both the BOM and the quotes.
    path = tmp_path / "census.csv"
    path.write_bytes(b"\xef\xbb\xbf" + _census(labels=True).encode())
    out, _ = run_file(path, tmp_path, None)
    assert [name for name, _ in out.raw_columns] == ["GEO_ID", "NAME", "S1901_C01_001E", "S1901_C01_001M"]
    assert out.counts.raw_rows == 40


def test_census_labels_over_a_few_rows_are_labels(tmp_path: Path) -> None:
    # One county's extract from data.census.gov: four rows under the labels, too few for
    # the labels to be told from the values' types.
    path = tmp_path / "b19013.csv"
    lines = _census(labels=True).splitlines()[:6]
    path.write_text("\n".join(lines) + "\n")
    out, _ = run_file(path, tmp_path, None)
    assert out.counts.raw_rows == 4
    decided = {i.column_name: i.decided_type for i in out.inferences}
    assert decided["S1901_C01_001E"] == "INTEGER"
    assert out.names["S1901_C01_001E"] == "Estimate!!Households!!Total"


async def test_columns_described_above_the_table_get_their_names_and_units(tmp_path: Path, store_url: str) -> None:
    # The NASA Exoplanet Archive's downloads open with a line per column: its description,
    # the unit in brackets. They were skipped as notes, and every unit lost with them.
    from datadossier.runtime import open_runtime
    from datadossier.store.repositories import catalog, metadata
    from tests.server.helpers import make_settings

    folder = tmp_path / "data" / "exoplanets"
    folder.mkdir(parents=True)
    target = folder / "pscomppars.csv"
    lines = [
        "# This file was produced by the NASA Exoplanet Archive  http://exoplanetarchive.ipac.caltech.edu",
        "#",
        "# COLUMN pl_name:        Planet Name",
        "# COLUMN pl_orbper:      Orbital Period [days]",
        "# COLUMN st_teff:        Stellar Effective Temperature [K]",
        "# COLUMN sy_snum:        Number of Stars",
        "#",
        "pl_name,pl_orbper,st_teff,sy_snum",
        *(f"Planet-{i} b,{1.5 + i * 3.25:.4f},{3000 + i * 7},{1 + i % 2}" for i in range(60)),
    ]
    target.write_text("\n".join(lines) + "\n")
    async with open_runtime(make_settings(tmp_path, store_url)) as runtime:
        (run,) = await runtime.pipeline.profile_path(target)
        assert (run.raw_rows, run.quarantine_rows) == (60, 0)
        async with runtime.sessions() as session:
            table = await catalog.resolve_table(session, "exoplanets.pscomppars")
            details = {d.column_name: d for d in await metadata.column_details(session, table)}
    assert {name: d.business_name for name, d in details.items()} == {
        "pl_name": "Planet Name", "pl_orbper": "Orbital Period [days]",
        "st_teff": "Stellar Effective Temperature [K]", "sy_snum": "Number of Stars",
    }
    assert {name: d.detected_unit for name, d in details.items()} == {
        "pl_name": None, "pl_orbper": "day", "st_teff": "K", "sy_snum": None,
    }


async def test_columns_a_badc_csv_file_describes_get_their_names_and_units(tmp_path: Path, store_url: str) -> None:
    # MIDAS Open's metadata: "long_name,air_temperature,Air temperature,degC" per column,
    # the unit its own field; the block was skipped and the units lost with it.
    from datadossier.runtime import open_runtime
    from datadossier.store.repositories import catalog, metadata
    from tests.server.helpers import make_settings

    folder = tmp_path / "data" / "midas"
    folder.mkdir(parents=True)
    target = folder / "heathrow.csv"
    lines = [
        "Conventions,G,BADC-CSV,1",
        "title,G,uk-hourly-weather-obs",
        "long_name,ob_time,Date and time of observation",
        "type,ob_time,char",
        "long_name,wind_speed,Mean wind speed,knots",
        "type,wind_speed,int",
        "long_name,air_temperature,Air temperature,degC",
        "type,air_temperature,float",
        "data",
        "ob_time,wind_speed,air_temperature",
        *(f"2023-01-01 {h:02d}:00:00,{5 + h % 7},{h / 3:.1f}" for h in range(24)),
        "end data",
    ]
    target.write_text("\n".join(lines) + "\n")
    async with open_runtime(make_settings(tmp_path, store_url)) as runtime:
        (run,) = await runtime.pipeline.profile_path(target)
        assert (run.raw_rows, run.quarantine_rows) == (24, 0)
        async with runtime.sessions() as session:
            table = await catalog.resolve_table(session, "midas.heathrow")
            details = {d.column_name: d for d in await metadata.column_details(session, table)}
    assert details["air_temperature"].business_name == "Air temperature [degC]"
    assert {name: d.detected_unit for name, d in details.items()} == {
        "ob_time": None, "wind_speed": "kn", "air_temperature": "degC",
    }
