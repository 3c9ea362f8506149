"""A file's dialect settles a comma that both groups thousands and marks three decimals."""

from __future__ import annotations

from pathlib import Path

from datadossier.engine import layer_relation
from tests.pipeline.helpers import run_file


def test_a_semicolon_separated_file_writes_its_three_decimals_after_a_comma(tmp_path: Path) -> None:
    # A SAP list export for a German user: ';'-separated, every quantity with three decimals
    # and none below 1 ("12,000", "12,018"), which thousands made 12000 and 12018.
    path = tmp_path / "spc.csv"
    lines = ["Part;Nominal;USL;Measured", *(f"P{i % 3};12,000;12,018;{11 + i % 2},{i % 10}05" for i in range(40))]
    path.write_text("\n".join(lines) + "\n")
    typed = layer_relation("typed", "s", "t")
    out, rows = run_file(path, tmp_path, f'SELECT min("USL"), max("Nominal") FROM {typed}')
    assert rows == [(12.018, 12.0)]
    usl = next(i for i in out.inferences if i.column_name == "USL")
    assert "';'-separated" in (usl.reason or "")
