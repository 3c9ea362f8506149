"""Which columns may be parts of a key, read from a column's profile alone."""

from __future__ import annotations

import duckdb

from datadossier.enrichment.keys import (  # pyright: ignore[reportPrivateUsage]
    _grid_coordinate,  # pyright: ignore[reportPrivateUsage]
    _key_score,  # pyright: ignore[reportPrivateUsage]
    _minimal_within,  # pyright: ignore[reportPrivateUsage]
    _part_ok,  # pyright: ignore[reportPrivateUsage]
    referenced_grain,
)
from datadossier.enrichment.model import ColumnStats, Link, TableKeys, TableStats


def _column(name: str, sql_type: str = "INTEGER", distinct: int = 1600) -> ColumnStats:
    return ColumnStats("s.t", name, 1, sql_type, 1900, 0, distinct)


def test_tallies_of_a_report_or_a_stock_count_are_no_key_parts() -> None:
    # AppLovin MAX's report by day, app, format, network and country counts Impressions; a
    # WMS's inventory snapshot by location, item and lot holds On Hand and Available.
    for name in ("Impressions", "Clicks", "Installs", "On Hand", "Available", "qty_allocated"):
        assert not _part_ok(_column(name), 1900), name
    for name in ("Item", "Network ID", "Lot"):
        assert _part_ok(_column(name), 1900), name


def test_coordinates_are_key_parts_of_a_grid_read_at_times_only() -> None:
    # ERA5's latitude and longitude, two values each over 1,440 hourly rows, beside its
    # valid_time; an earthquake catalogue's latitude, nearly one a row, stays a measure, and
    # so do a grid's coordinates without a time or codes beside them.
    time = ColumnStats("s.t", "valid_time", 1, "TIMESTAMP", 1440, 0, 360)
    latitude = ColumnStats("s.t", "latitude", 2, "DOUBLE", 1440, 0, 2)
    scattered = ColumnStats("s.t", "latitude", 2, "DOUBLE", 1440, 0, 1400)
    reading = ColumnStats("s.t", "t2m", 3, "DOUBLE", 1440, 0, 1400)
    grid = TableStats("s.t", '"t"', 1440, (time, latitude, reading))
    assert _grid_coordinate(latitude, grid)
    assert not _grid_coordinate(reading, grid)
    assert not _grid_coordinate(scattered, TableStats("s.t", '"t"', 1440, (time, scattered, reading)))
    assert not _grid_coordinate(latitude, TableStats("s.t", '"t"', 1440, (latitude, reading)))


def test_counts_and_percents_written_as_text_are_no_key_parts() -> None:
    # A state assessment's Number Tested and Percent Level 1, text for their "<10" and ">95%";
    # its Student Group, Grade Level and an Age Group are dimensions, measure words or not.
    for name in ("Number Tested", "Percent Level 1", "% Proficient", "Proficiency Rate", "Tested Count"):
        assert not _part_ok(_column(name, "VARCHAR"), 1900), name
    for name in ("Student Group", "Grade Level", "Age Group", "Subject", "Rate Code"):
        assert _part_ok(_column(name, "VARCHAR"), 1900), name


def test_a_unique_column_scores_higher_as_a_tables_first_column() -> None:
    # A lookup whose first column is its code and whose later column is unique too (a
    # country table's ISO code first, its name further on): the first column's place counts
    # towards the identifier, as it does in most exports; positions count from 1.
    code = ColumnStats("s.t", "code", 1, "VARCHAR", 200, 0, 200)
    label = ColumnStats("s.t", "label", 2, "VARCHAR", 200, 0, 200)
    note = ColumnStats("s.t", "note", 3, "VARCHAR", 200, 0, 150)
    table = TableStats("s.t", '"t"', 200, (code, label, note))
    assert _key_score(table, ("code",)) > _key_score(table, ("label",))


def test_an_insurers_losses_premiums_and_reserves_are_no_key_parts() -> None:
    # The CAS Schedule P database's IncurLoss_B, EarnedPremDIR_B and PostedReserve97_B, a long
    # loss triangle's Paid, Incurred and Case Reserves: whole dollars, unique by chance. Its
    # accident year, a claim's id and a Loss Year stay parts.
    for name in ("IncurLoss_B", "CumPaidLoss_B", "EarnedPremDIR_B", "PostedReserve97_B", "Paid", "Incurred", "Case Reserves"):
        assert not _part_ok(_column(name), 1900), name
    for name in ("AccidentYear", "DevelopmentLag", "Loss ID", "Loss Year", "GRCODE"):
        assert _part_ok(_column(name), 1900), name


def test_megawatts_named_with_the_unit_within_the_name_are_no_key_parts() -> None:
    # EIA-930's "Net Generation (MW) from Coal" and "Demand (MW) (Adjusted)": the unit in
    # brackets before the end of the name.
    for name in ("Net Generation (MW) from Coal", "Demand (MW) (Adjusted)", "Demand (MW)"):
        assert not _part_ok(_column(name), 1900), name
    for name in ("Hour Number", "Region (CAL)"):
        assert _part_ok(_column(name), 1900), name


def test_a_key_grown_past_a_smaller_one_gives_the_smaller_one() -> None:
    # EIA-930's authority and UTC hour: a key grown as (authority, hour number, UTC hour)
    # holds the pair, unique alone.
    con = duckdb.connect()
    con.execute(
        "CREATE TABLE t AS SELECT ba, (i % 24) + 1 AS hour_number, i + lag AS utc_hour"
        " FROM range(240) r(i), (VALUES ('CISO', 8), ('ERCO', 6), ('MISO', 6)) v(ba, lag)"
    )
    columns = (
        ColumnStats("s.t", "ba", 1, "VARCHAR", 720, 0, 3, avg_length=4.0, fixed_length=4),
        ColumnStats("s.t", "hour_number", 2, "INTEGER", 720, 0, 24, 1, 24),
        ColumnStats("s.t", "utc_hour", 3, "BIGINT", 720, 0, 242, 6, 247),
    )
    table = TableStats("s.t", "t", 720, columns)
    found, _ = _minimal_within(con, table, ("ba", "hour_number", "utc_hour"), {})
    assert found == [("ba", "utc_hour")]


def test_a_composite_grain_moves_to_the_composite_key_other_tables_cite() -> None:
    # A registrar's class sections, unique by (term, crn) and, by chance, by (crn,
    # instructor_id): the enrollments cite (term, crn), the key the grain should be. The rule
    # moving a grain to the key other tables reference held for single columns only.
    found = TableKeys("u.class_sections", (("crn", "instructor_id"), ("term", "crn")), ("crn", "instructor_id"))
    link = Link("u.enrollments", ("term", "crn"), "u.class_sections", ("term", "crn"), 0.98, "n:1", "foreign_key")
    moved = referenced_grain(found, [link])
    assert moved.grain == ("term", "crn")
    assert moved.evidence["grain_referenced_by"] == ["u.enrollments"]
    # (A grain that another table cites stays, as a single column does.)
    onto_grain = Link("u.rooms_used", ("crn", "instructor_id"), "u.class_sections", ("crn", "instructor_id"), 0.9, "n:1", "foreign_key")
    assert referenced_grain(found, [onto_grain, link]).grain == ("crn", "instructor_id")
