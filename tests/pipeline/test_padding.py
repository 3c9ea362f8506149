"""Text padded to a fixed width (BLS's flat files, CHAR(n) columns dumped as they are
stored): the typed layer holds the values without their spaces; the raw layer keeps them."""

from __future__ import annotations

from pathlib import Path

from datadossier.config import DEFAULT_NULL_TOKENS
from datadossier.engine import Workspace
from datadossier.pipeline import stages
from datadossier.sources.files import DataFile


def test_values_padded_to_a_width_are_trimmed_in_the_typed_layer(tmp_path: Path) -> None:
    path = tmp_path / "cu.data.0.Current"
    lines = ["series_id        \tyear\tperiod\t       value\tfootnote"]
    for i in range(3000):
        series = f"CUUR{i % 40:04d}SA{i % 7}"
        # A remark that ends with a space now and then is no padding.
        remark = "preliminary " if i % 10 == 0 else "final"
        lines.append(f"{series:<17}\t{1997 + i % 28}\tM{1 + i % 12:02d}\t{100 + i * 0.37:>12.3f}\t{remark}")
    path.write_text("\n".join(lines) + "\n")
    workspace = Workspace(tmp_path / "ws.duckdb", threads=2, memory_limit="1GB", timeout_seconds=120)
    with workspace.connect() as con:
        out = stages.run_table(
            con, source="s", table="t", file=DataFile(path=path, format="csv", table_name="t"),
            manual_types={}, null_tokens=list(DEFAULT_NULL_TOKENS), max_columns=100,
            exact_distinct_max_rows=1_000_000, files_dir=tmp_path / "files",
        )
        typed = con.execute('SELECT series_id, footnote FROM "typed"."s.t" WHERE _row_id = 2').fetchone()
        raw = con.execute('SELECT series_id FROM "raw"."s.t" WHERE _row_id = 2').fetchone()
        widths = con.execute('SELECT min(length(series_id)), max(length(series_id)) FROM "typed"."s.t"').fetchone()
    assert typed == ("CUUR0001SA1", "final")
    assert raw == ("CUUR0001SA1      ",)
    assert widths == (11, 11)
    inferences = {i.column_name: i for i in out.inferences}
    assert inferences["series_id"].padded
    assert "padded to a width" in inferences["series_id"].reason
    assert not inferences["footnote"].padded
    assert dict(out.typed_columns)["value"] == "DOUBLE"
    profile = next(p for p in out.profiles if p.column_name == "series_id")
    assert profile.max_length == 11
