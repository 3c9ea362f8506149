"""The grain of panels and grids through the real pipeline (SQLite and PostgreSQL stores):
a thing's id by the month it reports, a grid's coordinates by time."""

from __future__ import annotations

import random
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from datadossier.pipeline.discovery import RelationshipService
from datadossier.runtime import Runtime, open_runtime
from datadossier.server.tools.relationship_models import EntityOut
from tests.server.helpers import make_settings


@pytest.fixture
async def runtime(tmp_path: Path, store_url: str) -> AsyncIterator[Runtime]:
    async with open_runtime(make_settings(tmp_path, store_url)) as rt:
        yield rt


async def _one_file_entity(runtime: Runtime, path: Path, lines: list[str]) -> Any:
    """What discovery says of a folder's one file, written from ``lines``."""
    path.parent.mkdir(parents=True)
    path.write_text("\n".join(lines) + "\n")
    await runtime.pipeline.profile_path(path.parent)
    _, entities, _ = await RelationshipService(runtime.pipeline).relationships(source=path.parent.name)
    (entity,) = entities
    return entity


def _loan_months(rng: random.Random, loans: int) -> list[tuple[int, int, int, int]]:
    """(loan id, month of 2023, loan age, remaining months) of loans reported monthly from
    their first payment, a few months each: fewer ages than months, as in a file of loans
    of several origination months."""
    rows: list[tuple[int, int, int, int]] = []
    for i in range(loans):
        start, count = rng.randint(1, 6), rng.randint(3, 6)
        rows += [(100002296854 + 7919 * i, start + k, k, 360 - k) for k in range(count)]
    return rows


async def test_a_headerless_loan_panel_starting_with_its_delimiter_is_keyed_by_loan_and_month(
    runtime: Runtime, tmp_path: Path
) -> None:
    # Fannie Mae's single-family performance files: no header, every line starting with "|"
    # (an empty first column), the loan id, the reporting month written mmyyyy ("022023"),
    # then a hundred columns, codes of one width among them, a loan age and the remaining
    # months. Keyed by loan and month; the grain was "unknown, perhaps by chance" (the loan
    # id no longer led the file) or (loan, remaining months, ZIP).
    rng = random.Random(5)
    lines = [
        f"|{loan}|{month:02d}2023|R|6.875|{340000 - 300 * age}.00|{age}|{left}|"
        + "|".join(f"{rng.choice(range(100, 100 + 12 * width, width))}" for width in range(3, 12))
        + f"|{rng.choice(['00', '01'])}"
        for loan, month, age, left in _loan_months(rng, 60)
    ]
    entity = await _one_file_entity(runtime, tmp_path / "data" / "fannie" / "2023Q1.csv", lines)
    assert entity.grain_columns == ["column01", "column02"]


async def test_a_loan_panel_is_keyed_by_its_reporting_period_before_the_loan_age(runtime: Runtime, tmp_path: Path) -> None:
    # Fannie Mae's performance file with its documented names: LOAN_ID by ACT_PERIOD (read as
    # a date), and LOAN_AGE and REM_MONTHS, counts of months unique beside the loan as well;
    # the grain was (LOAN_ID, REM_MONTHS), a measure.
    rng = random.Random(6)
    lines = ["LOAN_ID|ACT_PERIOD|CHANNEL|CURRENT_UPB|LOAN_AGE|REM_MONTHS|DLQ_STATUS"] + [
        f"{loan}|{month:02d}2023|R|{340000 - 300 * age}.00|{age}|{left}|{rng.choice(['00', '01'])}"
        for loan, month, age, left in _loan_months(rng, 40)
    ]
    entity = await _one_file_entity(runtime, tmp_path / "data" / "fannie_hdr" / "performance.psv", lines)
    assert entity.grain_columns == ["LOAN_ID", "ACT_PERIOD"]


async def test_a_headerless_loan_panel_of_yyyymm_months_is_keyed_by_the_month_before_the_loan_age(
    runtime: Runtime, tmp_path: Path
) -> None:
    # Freddie Mac's monthly performance file (historical_data_time_2023Q1.txt): no header,
    # the loan sequence number, the reporting month 202302, the balance, a delinquency
    # status, the loan age and the remaining months; the grain was (loan, loan age).
    rng = random.Random(7)
    lines = [
        f"F23Q1{loan % 10000000:07d}|2023{month:02d}|{340000 - 300 * age}.00|{rng.choice([0, 0, 1])}|{age}|{left}"
        for loan, month, age, left in _loan_months(rng, 50)
    ]
    entity = await _one_file_entity(runtime, tmp_path / "data" / "freddie" / "historical_data_time_2023Q1.txt", lines)
    assert entity.grain_columns == ["column0", "column1"]


def _era5_lines(levels: tuple[int, ...], hours: int) -> list[str]:
    """An ERA5 extract as cfgrib and xarray write it to CSV: each hour, level and point of a
    grid of 0.25 degrees, with the ensemble number (0) and expver, the data's version
    ("0001", then "0005" for the last, preliminary days), then the readings."""
    rng = random.Random(len(levels) * hours)
    level = "pressure_level," if levels else ""
    lines = [f"valid_time,{level}latitude,longitude,number,expver,t,u,v"]
    for hour in range(hours):
        expver = "0001" if hour < hours * 2 // 3 else "0005"
        for value in levels or (0,):
            for latitude in (40.25, 40.0):
                for longitude in (-105.5, -105.25, -105.0):
                    lines.append(
                        f"2024-01-{1 + hour // 24:02d} {hour % 24:02d}:00:00,{f'{value},' if levels else ''}"
                        f"{latitude},{longitude},0,{expver},{rng.uniform(220, 290):.6f},"
                        f"{rng.uniform(-10, 10):.6f},{rng.uniform(-10, 10):.6f}"
                    )
    return lines


async def test_a_grid_read_hourly_is_keyed_by_its_time_and_coordinates(runtime: Runtime, tmp_path: Path) -> None:
    # ERA5 single levels for a few grid points (xarray's to_dataframe().to_csv()): latitude
    # and longitude are decimals, and were never key parts; the grain was unknown, the
    # closest key "valid_time, expver" (expver follows the time).
    entity = await _one_file_entity(runtime, tmp_path / "data" / "era5" / "era5_single_levels.csv", _era5_lines((), 120))
    assert entity.grain_columns == ["valid_time", "latitude", "longitude"]


async def test_a_grid_of_pressure_levels_is_keyed_by_time_level_and_coordinates(runtime: Runtime, tmp_path: Path) -> None:
    # ERA5 on pressure levels: four dimensions, found by growing a key from the time; expver,
    # one value an hour, started the growth and the key stopped at four parts without the
    # longitude.
    lines = _era5_lines((500, 850, 1000), 48)
    entity = await _one_file_entity(runtime, tmp_path / "data" / "era5pl" / "era5_pressure_levels.csv", lines)
    assert entity.grain_columns == ["valid_time", "pressure_level", "latitude", "longitude"]
    assert not any("expver" in key for key in entity.evidence["keys"]["candidate_keys"])


async def test_counts_and_percents_left_text_by_suppression_are_no_key_parts(runtime: Runtime, tmp_path: Path) -> None:
    # A state assessment's results in long format: a school, subject, grade and student group
    # a row, then Number Tested and Percent Level 1 and 2, text because small groups read
    # "<10", "*" and ">95%". The percent told rows apart with the school, grade and group
    # ahead of the Subject, and the grain was unknown.
    rng = random.Random(1)
    lines = ["School Code,Subject,Grade,Student Group,Number Tested,Percent Level 1,Percent Level 2"]
    for school in ("0001", "0002", "0003", "0004", "0101", "0102"):
        for subject in ("ELA", "Math", "Science"):
            for grade in ("03", "04", "05", "06", "07", "08", "11", "All"):
                for group in ("All", "Female", "Male", "Hispanic", "White", "Black", "Asian", "EcoDis", "SWD", "EL"):
                    tested = rng.choice([rng.randint(10, 400)] * 6 + [0])
                    shares = [rng.uniform(0, 60) for _ in range(2)]
                    figures = ",".join("<5%" if p < 5 else f"{p:.1f}%" for p in shares) if tested else "*,*"
                    lines.append(f"{school},{subject},{grade},{group},{tested or '<10'},{figures}")
    entity = await _one_file_entity(runtime, tmp_path / "data" / "assessment" / "assess.csv", lines)
    assert entity.grain_columns == ["School Code", "Subject", "Grade", "Student Group"]


async def test_a_long_loss_triangle_is_keyed_by_accident_year_and_lag_not_by_a_unique_amount(
    runtime: Runtime, tmp_path: Path
) -> None:
    # A loss development triangle in long form (AY, Dev Lag, Paid, Incurred, Case Reserves),
    # whole dollars: every amount is unique by chance, and the grain was Case Reserves (its
    # "Case" read as a key word), the pair AY, Dev Lag never tried.
    rng = random.Random(7)
    lines = ["AY,Dev Lag,Paid,Incurred,Case Reserves"]
    for ay in range(2019, 2023):
        for lag in range(12, 12 * (2023 - ay) + 1, 12):
            paid = rng.randint(1_000_000, 5_000_000)
            reserves = rng.randint(100_000, 900_000)
            lines.append(f"{ay},{lag},{paid},{paid + reserves},{reserves}")
    entity = await _one_file_entity(runtime, tmp_path / "data" / "tri" / "paid_incurred_long.csv", lines)
    assert entity.grain_columns == ["AY", "Dev Lag"]


async def test_schedule_p_is_keyed_by_company_accident_year_and_lag_whatever_its_measures(
    runtime: Runtime, tmp_path: Path
) -> None:
    # The CAS Schedule P loss reserving database: GRCODE, GRNAME, AccidentYear,
    # DevelopmentYear, DevelopmentLag, then losses and premiums, the premiums constant over a
    # company's accident year. With its measures, premiums made keys with the development year
    # and filled the parts tried, and the grain changed with the number of measure columns.
    rng = random.Random(8)
    lines = [
        "GRCODE,GRNAME,AccidentYear,DevelopmentYear,DevelopmentLag,IncurLoss_B,CumPaidLoss_B,BulkLoss_B,"
        "EarnedPremDIR_B,EarnedPremCeded_B,EarnedPremNet_B,Single,PostedReserve97_B"
    ]
    for company in (86, 337, 620, 1066, 1236):
        reserve = rng.randint(5000, 9000)
        for year in range(1988, 1998):
            direct, ceded = rng.randint(400, 600), rng.randint(0, 80)
            lines += [
                f"{company},Group {company},{year},{year + lag - 1},{lag},{rng.randint(300, 400)},{rng.randint(100, 300)},"
                f"{rng.randint(0, 90)},{direct},{ceded},{direct - ceded},0,{reserve}"
                for lag in range(1, 11)
            ]
    entity = await _one_file_entity(runtime, tmp_path / "data" / "schedp" / "wkcomp_pos.csv", lines)
    assert entity.grain_columns == ["GRCODE", "AccidentYear", "DevelopmentLag"]


async def test_a_grain_without_empty_parts_comes_before_one_with_them(runtime: Runtime, tmp_path: Path) -> None:
    # Shopify's orders export: an order's lines by Name and Lineitem sku, the SKU empty on
    # gift cards, tips and custom items (18% of the lines), or by Name and Lineitem name. The
    # grain was the SKU's pair, and no entry named its empty part: a join on it by `=` lost
    # every gift card's line.
    rng = random.Random(9)
    items = [("Trail Runner 2 - 9", "TR2-9"), ("Trail Runner 2 - 10", "TR2-10"), ("Road Sock 3-Pack", "SOCK-3P")]
    lines = ["Name,Email,Total,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku"]
    for order in range(1001, 1061):
        chosen = rng.sample(items, rng.choice([1, 2]))
        lines += [f"#{order},c{order}@example.com,,1,{name},129.00,{sku}" for name, sku in chosen]
        if order % 4 == 0:
            lines.append(f"#{order},,,1,Gift Card - $50,50.00,")
    entity = await _one_file_entity(runtime, tmp_path / "data" / "shop" / "orders_export.csv", lines)
    assert entity.grain_columns == ["Name", "Lineitem name"]
    assert EntityOut.of(entity).nullable_parts == ["Lineitem sku"]


async def test_a_servicenow_table_is_keyed_by_its_sys_id_before_a_unique_serial_number(
    runtime: Runtime, tmp_path: Path
) -> None:
    # ServiceNow's cmdb_ci_computer export: sys_id (32 hex digits) first, then name,
    # asset_tag and serial_number, unique too in a small extract. The grain was the serial
    # number (sys_id's long values read as an e-mail's), unless another file cited sys_id.
    rng = random.Random(10)
    lines = ["sys_id,name,asset_tag,serial_number,os,ram,install_status,location"]
    for i in range(300):
        sys_id = "".join(rng.choice("0123456789abcdef") for _ in range(32))
        serial = "C02" + "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789") for _ in range(7))
        lines.append(
            f"{sys_id},SRV-{1000 + i},P{rng.randint(100000, 999999)},{serial},"
            f"{rng.choice(['Windows Server 2019', 'RHEL 8'])},{rng.choice([8192, 16384])} MB,{rng.choice([1, 7])},London"
        )
    entity = await _one_file_entity(runtime, tmp_path / "data" / "itops" / "cmdb_ci_computer.csv", lines)
    assert entity.grain_columns == ["sys_id"]


async def test_eia930_is_keyed_without_its_generation_by_fuel_and_by_a_minimal_set(runtime: Runtime, tmp_path: Path) -> None:
    # EIA-930's balance file: Balancing Authority, Data Date, Hour Number, the local and UTC
    # times at the end of the hour, then megawatts named "Net Generation (MW) from Coal",
    # "Demand (MW) (Adjusted)" (the unit within the name), which filled the parts tried: the
    # grain was (Balancing Authority, Hour Number, UTC Time at End of Hour), not minimal.
    import datetime as dt

    rng = random.Random(11)
    fuels = ("Coal", "Natural Gas", "Nuclear", "Hydropower and Pumped Storage", "Solar", "Wind")
    lines = [
        "Balancing Authority,Data Date,Hour Number,Local Time at End of Hour,UTC Time at End of Hour,"
        "Demand (MW) (Adjusted),Net Generation (MW) (Adjusted)," + ",".join(f"Net Generation (MW) from {f}" for f in fuels)
        + ",Region"
    ]
    for ba, offset, region in (("CISO", 8, "CAL"), ("ERCO", 6, "TEX"), ("PJM", 5, "MIDA"), ("MISO", 6, "MIDW")):
        for day in range(10):
            date = dt.date(2023, 1, 2) + dt.timedelta(days=day)
            for hour in range(1, 25):
                local = dt.datetime.combine(date, dt.time()) + dt.timedelta(hours=hour)
                figures = ",".join(f'"{rng.randint(1000, 60000):,}"' for _ in range(2 + len(fuels)))
                lines.append(
                    f"{ba},{date:%m/%d/%Y},{hour},{local:%m/%d/%Y %I:%M:%S %p},"
                    f"{local + dt.timedelta(hours=offset):%m/%d/%Y %I:%M:%S %p},{figures},{region}"
                )
    entity = await _one_file_entity(runtime, tmp_path / "data" / "eia" / "EIA930_BALANCE_2023_Jan_Jun.csv", lines)
    keys = [set(k) for k in entity.evidence["keys"]["candidate_keys"]]
    assert entity.grain_columns is not None
    assert not any(set(k) < set(entity.grain_columns) for k in entity.evidence["keys"]["candidate_keys"])
    assert {"Balancing Authority", "UTC Time at End of Hour"} in keys
    assert not any("(MW)" in c for k in keys for c in k)


async def test_a_figure_written_with_its_interval_is_a_measure_not_the_grain(runtime: Runtime, tmp_path: Path) -> None:
    # The WHO GHO's export of life expectancy: indicator, year, country and sex, then its
    # Display Value "63.3 [62.0-64.4]" (nearly every one distinct) and the Numeric 63.29.
    # The Display Value was taken as the grain; the indicator's dimensions are.
    lines = ["GHO (CODE),YEAR (DISPLAY),COUNTRY (CODE),SEX (CODE),Display Value,Numeric"]
    for year in (2015, 2019):
        for i, country in enumerate(("AFG", "ALB", "DZA", "AGO", "ARG")):
            for j, sex in enumerate(("MLE", "FMLE", "BTSX")):
                value = 60 + 3 * i + j + (year - 2015) / 4
                lines.append(f"WHOSIS_000001,{year},{country},{sex},{value:.1f} [{value - 1.6:.1f}-{value + 1.4:.1f}],{value:.2f}")
    entity = await _one_file_entity(runtime, tmp_path / "data" / "gho" / "WHOSIS_000001.csv", lines)
    assert entity.grain_columns == ["YEAR (DISPLAY)", "COUNTRY (CODE)", "SEX (CODE)"]
    assert not any("Display Value" in key for key in entity.evidence["keys"]["candidate_keys"])


def _meter_reads(meters: list[str]) -> list[str]:
    """15-minute reads of each meter, local times without a zone, over the nights clocks
    change in 2023: none from 02:00 to 02:45 on March 12, twice from 01:00 to 01:45 on
    November 5; a quality flag "E" (estimated) on a few reads, the repeats' among them."""
    lines = ["meter_id,interval_ending,kwh,read_quality"]
    for m, meter in enumerate(meters):
        for day, skipped, repeated in (("2023-03-12", 2, None), ("2023-11-05", None, 1)):
            for quarter in range(24 * 4):
                hour, minute = divmod(quarter, 4)
                if hour == skipped:
                    continue
                times = 2 if hour == repeated else 1
                for k in range(times):
                    flag = "E" if (quarter + m + k) % 7 == 0 else "A"
                    lines.append(f"{meter},{day} {hour:02d}:{15 * minute:02d},{400 + 3 * quarter + m + k}.{m},{flag}")
    return lines


async def test_a_meters_reads_repeated_in_the_fall_back_hour_say_so_not_a_key_with_their_flag(
    runtime: Runtime, tmp_path: Path
) -> None:
    # A utility's 15-minute interval reads by meter_id and interval_ending in local time: the
    # hour clocks go back is read twice, the hour they go forward not at all. The closest key
    # offered was (meter_id, interval_ending, read_quality), a flag unique with them by chance.
    lines = _meter_reads([f"MTR-{n:05d}-01" for n in (260, 3140, 3145)])
    entity = await _one_file_entity(runtime, tmp_path / "data" / "meters" / "meter_reads_15min.csv", lines)
    keys = entity.evidence["keys"]
    assert entity.grain_columns is None
    assert keys["near_key"] == ["meter_id", "interval_ending"]
    assert keys["near_key_repeats"] == 12
    assert keys["repeated_hour"] == {
        "first": "2023-11-05 01:00", "last": "2023-11-05 01:45",
        "skipped_first": "2023-03-12 02:00", "skipped_last": "2023-03-12 02:45",
    }
    assert "closest_key" not in keys


async def test_an_id_joined_from_two_columns_offers_the_pair_as_a_key_beside_it(runtime: Runtime, tmp_path: Path) -> None:
    # Transfermarkt's appearances: appearance_id "2231978_38004" is game_id, "_" and player_id
    # on every row; the pair, which other tables cite, was never offered beside it.
    lines = ["appearance_id,game_id,player_id,date,minutes_played"]
    for i in range(300):
        game, player = 3837036 + i // 15, (4269, 12188, 123856)[i % 3] + 7 * (i % 15)
        lines.append(f"{game}_{player},{game},{player},2021-08-{13 + i // 150},{90 - i % 40}")
    entity = await _one_file_entity(runtime, tmp_path / "data" / "market" / "appearances.csv", lines)
    assert entity.grain_columns == ["appearance_id"]
    assert ["game_id", "player_id"] in entity.evidence["keys"]["candidate_keys"]
    assert entity.evidence["keys"]["joined_keys"] == {"appearance_id": ["game_id", "player_id"]}


async def test_a_wonder_export_with_totals_is_keyed_by_state_and_year_its_totals_without_a_year(
    runtime: Runtime, tmp_path: Path
) -> None:
    # CDC WONDER's export with "Show Totals" on: after each state's years, a "Total" row with
    # no Year. The grain was unknown, its closest key "State, State Code" (a row per state).
    states = ["Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut", "Delaware"]
    lines = ['"Notes"\t"State"\t"State Code"\t"Year"\t"Year Code"\t"Deaths"\t"Population"']
    for i, state in enumerate(states):
        for year in range(2015, 2021):
            lines.append(f'\t"{state}"\t"{i + 1:02d}"\t"{year}"\t"{year}"\t{90 + 17 * i + year % 7}\t{4805121 + 9973 * i + 511 * year}')
        lines.append(f'"Total"\t"{state}"\t"{i + 1:02d}"\t\t\t{600 + 101 * i}\t{29198465 + 59833 * i}')
    entity = await _one_file_entity(runtime, tmp_path / "data" / "wonder" / "ucd_state_year.txt", lines)
    assert entity.grain_columns == ["State Code", "Year Code"]
    assert EntityOut.of(entity).nullable_parts == ["Year", "Year Code"]


async def test_election_returns_are_keyed_by_year_state_and_a_candidate_blank_on_write_ins(
    runtime: Runtime, tmp_path: Path
) -> None:
    # MIT Election Lab's 1976-2020-president.csv: each state's scattered write-ins on a row
    # with an empty candidate and party. A text part with empty values was accepted beside
    # text parts only, not beside the year: the grain was unknown.
    lines = ["year,state_po,state_fips,candidate,party_detailed,writein,candidatevotes,totalvotes"]
    races = {2016: ("CLINTON, HILLARY", "TRUMP, DONALD J."), 2020: ("BIDEN, JOSEPH R. JR", "TRUMP, DONALD J.")}
    for year, (dem, rep) in races.items():
        for fips, state in ((1, "AL"), (2, "AK"), (4, "AZ"), (5, "AR")):
            total = 300000 * fips + year
            lines.append(f'{year},{state},{fips},"{dem}",DEMOCRAT,FALSE,{total // 3 + fips},{total}')
            lines.append(f'{year},{state},{fips},"{rep}",REPUBLICAN,FALSE,{total // 2 + fips},{total}')
            lines.append(f"{year},{state},{fips},,,TRUE,{total // 50 + year % 97},{total}")
    entity = await _one_file_entity(runtime, tmp_path / "data" / "medsl" / "pres.csv", lines)
    assert entity.grain_columns is not None
    assert len(entity.grain_columns) == 3
    assert {"year", "candidate"} <= set(entity.grain_columns)
    assert "candidate" in (EntityOut.of(entity).nullable_parts or [])


async def test_sec_num_txt_is_keyed_with_its_coreg_empty_for_the_filer_itself(runtime: Runtime, tmp_path: Path) -> None:
    # SEC FSDS num.txt: a value per filing, tag, date and quarters, and per co-registrant
    # (coreg, empty for the filer, OperatingPartnershipMember for a REIT's partnership). No key
    # grew without it: "unknown ... more columns needed", with coreg right there.
    lines = ["adsh\ttag\tversion\tcoreg\tddate\tqtrs\tuom\tvalue"]
    tags = ("Revenues", "NetIncomeLoss", "Assets", "Liabilities", "OperatingIncomeLoss")
    for f in range(12):
        adsh = f"0001193125-23-{1000 + 37 * f:06d}"
        for t, tag in enumerate(tags):
            for ddate in ("20231231", "20221231"):
                for qtrs in ((0,) if tag in ("Assets", "Liabilities") else (1, 4)):
                    value = 1000000 * (f + 1) * (t + 3) + int(ddate[:4]) * (qtrs + 1)
                    lines.append(f"{adsh}\t{tag}\tus-gaap/2023\t\t{ddate}\t{qtrs}\tUSD\t{value}.0000")
                    if f % 3 == 0:
                        lines.append(f"{adsh}\t{tag}\tus-gaap/2023\tOperatingPartnershipMember\t{ddate}\t{qtrs}\tUSD\t{value + 7}.0000")
    entity = await _one_file_entity(runtime, tmp_path / "data" / "fsds" / "num.txt", lines)
    assert entity.grain_columns is not None
    assert {"adsh", "tag", "ddate", "qtrs", "coreg"} == set(entity.grain_columns)
    assert EntityOut.of(entity).nullable_parts == ["coreg"]


async def test_county_returns_by_mode_are_keyed_with_the_fips_empty_on_statewide_rows(runtime: Runtime, tmp_path: Path) -> None:
    # MEDSL's countypres: county names repeat across states, a county's votes by mode (TOTAL,
    # ELECTION DAY, ABSENTEE), and CT's and ME's statewide write-ins with county_fips NA. The
    # grain was unknown, its closest key on the full file without mode, which double counts
    # every vote grouped by it: the empty fips completes a key of year, state, fips,
    # candidate and mode, one part past the four a key is grown to.
    lines = ["year,state_po,county_name,county_fips,candidate,mode,candidatevotes"]
    votes = 100
    for year in (2016, 2020):
        for state, fips in (("GA", 13), ("OH", 39), ("PA", 42)):
            for county, code in (("WASHINGTON", 1), ("JEFFERSON", 3)):
                for cand in ("DEM", "REP"):
                    for mode in ("TOTAL", "ELECTION DAY", "ABSENTEE"):
                        votes += 97
                        lines.append(f"{year},{state},{county},{fips * 1000 + code},{cand},{mode},{votes}")
        for state in ("CT", "ME"):
            for cand in ("DEM", "REP"):
                votes += 13
                lines.append(f"{year},{state},STATEWIDE WRITEIN,NA,{cand},TOTAL,{votes % 90}")
    entity = await _one_file_entity(runtime, tmp_path / "data" / "medsl" / "countypres.csv", lines)
    assert entity.grain_columns is not None
    assert {"year", "county_fips", "candidate", "mode"} <= set(entity.grain_columns)
    assert EntityOut.of(entity).nullable_parts == ["county_fips"]


async def test_a_monthly_report_is_keyed_by_its_month_not_a_chance_pair_of_what_it_reports(
    runtime: Runtime, tmp_path: Path
) -> None:
    # A mine's monthly production report, a row a month: Month first, grades written with
    # their units ("2.35 g/t Au"), a mill's status and its shift lead. The grain was the pair
    # of grades, or of status and lead, unique together by chance in six rows.
    lines = ["Month,Ore Milled (t),Head Grade Au,Head Grade Cu,Mill Status,Shift Lead"]
    grades = [("2.35", "0.85"), ("2.41", "0.81"), ("2.19", "0.88"), ("2.35", "0.79"), ("2.52", "0.85"), ("2.28", "0.83")]
    statuses = [("Running", "Jones"), ("Running", "Smith"), ("Maintenance", "Jones"), ("Running", "Lee"),
                ("Maintenance", "Smith"), ("Maintenance", "Lee")]
    for m, ((au, cu), (status, lead)) in enumerate(zip(grades, statuses, strict=True), start=1):
        lines.append(f'2023-{m:02d}-01,"{400000 + 3137 * m:,}",{au} g/t Au,{cu}% Cu,{status},{lead}')
    entity = await _one_file_entity(runtime, tmp_path / "data" / "mine" / "production_report.csv", lines)
    assert entity.grain_columns == ["Month"]


async def test_an_activity_log_without_an_id_is_keyed_by_its_start_time_not_a_label_and_a_count(
    runtime: Runtime, tmp_path: Path
) -> None:
    # Garmin Connect's Activities.csv: no id column, each activity's start time to the second
    # under Date, its type and a lap count; (Activity Type, Number of Laps) was unique by
    # chance among ten activities and taken as the grain over Date.
    lines = [
        "Activity Type,Date,Number of Laps,Calories",
        'Running,2023-04-01 07:12:33,5,"1,234"',
        "Cycling,2023-04-02 07:30:10,5,812",
        'Running,2023-04-04 18:02:45,10,"1,010"',
        "Walking,2023-04-05 12:10:00,2,214",
        'Running,2023-04-07 06:55:19,13,"1,402"',
        "Cycling,2023-04-08 09:00:00,12,933",
        "Running,2023-04-09 07:05:05,3,345",
        "Walking,2023-04-11 07:15:12,3,198",
        "Cycling,2023-04-12 17:45:00,7,640",
        "Running,2023-04-14 06:40:41,6,655",
    ]
    entity = await _one_file_entity(runtime, tmp_path / "data" / "garmin" / "Activities.csv", lines)
    assert entity.grain_columns == ["Date"]


def _quick_stats_lines() -> list[str]:
    """A NASS Quick Stats download of one state's corn: county yields by year, weekly
    progress, monthly prices and quarterly stocks, each record's period in YEAR and
    REFERENCE_PERIOD_DESC, BEGIN_CODE its first week or month ("00" for a year or a point in
    time), and LOAD_TIME when NASS loaded it."""
    lines = ["SHORT_DESC,LOCATION_DESC,YEAR,FREQ_DESC,BEGIN_CODE,END_CODE,REFERENCE_PERIOD_DESC,LOAD_TIME,VALUE"]
    months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
    for year in range(2015, 2024):
        for county in ("ADAIR", "ADAMS", "ALLAMAKEE", "APPANOOSE", "AUDUBON", "BENTON", "BLACK HAWK", "BOONE"):
            for item in ("CORN, GRAIN - YIELD, MEASURED IN BU / ACRE", "CORN, GRAIN - ACRES HARVESTED",
                         "SOYBEANS - YIELD, MEASURED IN BU / ACRE", "SOYBEANS - ACRES PLANTED"):
                lines.append(
                    f'"{item}","IOWA, NORTHWEST, {county}",{year},ANNUAL,00,00,YEAR,'
                    f"{year + 1}-02-24 12:00:00.000,{150 + (year * 7 + len(county + item)) % 60}.0"
                )
        for item, place in (("YIELD, MEASURED IN BU / ACRE", "IOWA"), ("YIELD, MEASURED IN BU / ACRE", "US TOTAL"),
                            ("PRICE RECEIVED, MEASURED IN $ / BU", "US TOTAL"), ("PRICE RECEIVED, MEASURED IN $ / BU", "IOWA")):
            lines.append(
                f'"CORN, GRAIN - {item}",{place},{year},ANNUAL,00,00,YEAR,{year + 1}-01-12 12:00:00.000,{170 + year % 9}.5'
            )
        for week in range(14, 30):
            lines.append(
                f'"CORN - PROGRESS, MEASURED IN PCT PLANTED",IOWA,{year},WEEKLY,{week},{week},WEEK #{week},'
                f"{year}-{4 + (week - 14) // 4:02d}-{1 + 7 * (week % 4):02d} 15:00:00.000,{min(100, (week - 13) * 7)}"
            )
        for i, month in enumerate(months):
            lines.append(
                f'"CORN, GRAIN - PRICE RECEIVED, MEASURED IN $ / BU",US TOTAL,{year},MONTHLY,{i + 1:02d},{i + 1:02d},'
                f"{month},{year}-{i + 1:02d}-28 15:00:00.000,{4 + (i + year) % 3}.{i}0"
            )
        for month in ("MAR", "JUN", "SEP", "DEC"):
            lines.append(
                f'"CORN, GRAIN, ON FARM, STORAGE - STOCKS, MEASURED IN BU",US TOTAL,{year},POINT IN TIME,00,00,'
                f'FIRST OF {month},{year}-06-30 12:00:00.000,"{len(month) + year % 7},010,000,000"'
            )
    return lines


async def test_a_long_statistical_table_is_keyed_by_item_place_year_and_period_not_its_load_time(
    runtime: Runtime, tmp_path: Path
) -> None:
    # NASS Quick Stats: unique by SHORT_DESC, LOCATION_DESC, YEAR and REFERENCE_PERIOD_DESC
    # ("YEAR", "JAN", "FIRST OF MAR", "WEEK #14"); the key grew from BEGIN_CODE and took the
    # LOAD_TIME stamp in place of the YEAR, then stopped a few rows short ("unknown").
    entity = await _one_file_entity(runtime, tmp_path / "data" / "nass" / "qs_corn_ia.csv", _quick_stats_lines())
    assert entity.grain_columns == ["SHORT_DESC", "LOCATION_DESC", "YEAR", "REFERENCE_PERIOD_DESC"]
