"""A weather download's letters: NOAA's and IEM's "T" (a trace of rain or snow) is 0 in the
typed layer, not a missing value."""

from __future__ import annotations

from pathlib import Path

from tests.pipeline.helpers import run_file


def test_a_trace_is_zero_in_the_typed_layer(tmp_path: Path) -> None:
    # GHCN-Daily as NOAA's Climate Data Online writes it: PRCP and SNOW with "T" for a trace.
    lines = ["STATION,DATE,PRCP,SNOW"]
    for day in range(1, 31):
        prcp = "T" if day % 6 == 0 else f"{(day % 4) * 0.05:.2f}"
        snow = "T" if day % 10 == 0 else "0.0"
        lines.append(f"USW00014933,2023-01-{day:02d},{prcp},{snow}")
    path = tmp_path / "ghcn.csv"
    path.write_text("\n".join(lines) + "\n")
    query = 'SELECT count(*), count(*) FILTER (WHERE PRCP = 0), count(PRCP), count(SNOW) FROM "typed"."s.t"'
    out, rows = run_file(path, tmp_path, query)
    assert rows == [(30, 5 + 5, 30, 30)]  # the five traces, the five days of 0.00
    types = {i.column_name: i.decided_type for i in out.inferences}
    assert (types["PRCP"], types["SNOW"]) == ("DOUBLE", "INTEGER")  # (0.0 and a trace: whole)


def test_the_tables_missing_letter_is_null_in_its_text_columns(tmp_path: Path) -> None:
    # IEM's ASOS download: "M" in every column; skyc3 and snowdepth all "M", wxcodes "M" on
    # most hours, kept as their top category with no null; the pilot's sex code beside them
    # (as a crew roster's M and F) keeps its "M".
    lines = ["station,valid,tmpf,gust,skyc3,snowdepth,wxcodes,sex"]
    for hour in range(40):
        tmpf = "M" if hour == 7 else f"{40 + hour % 9}.0"
        gust = f"{20 + hour % 7}.00" if hour % 5 == 0 else "M"
        wxcodes = ("-RA", "BR", "-RA BR")[hour % 3] if hour % 4 == 0 else "M"
        lines.append(f"DSM,2023-04-01 {hour % 24:02d}:54,{tmpf},{gust},M,M,{wxcodes},{'MF'[hour % 2]}")
    path = tmp_path / "asos.csv"
    path.write_text("\n".join(lines) + "\n")
    query = 'SELECT count(skyc3), count(snowdepth), count(wxcodes), count(sex), count(*) FILTER (WHERE sex = \'M\') FROM "typed"."s.t"'
    out, rows = run_file(path, tmp_path, query)
    assert rows == [(0, 0, 10, 40, 20)]
    assert (out.counts.typed_rows, out.counts.quarantine_rows) == (40, 0)
    nulls = {p.column_name: p.null_count for p in out.profiles}
    assert (nulls["skyc3"], nulls["snowdepth"], nulls["wxcodes"], nulls["sex"]) == (40, 40, 30, 0)
    reasons = {i.column_name: i.reason for i in out.inferences}
    assert "'M' (30 of 40 values, 75.0%)" in reasons["wxcodes"]
