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
