"""Values written as Python bytes literals, b'ALB', as pandas' read_sas without an encoding
leaves SAS's character columns and to_csv writes them: unwrapped when every value of a column
is so, b'' missing, through a table's run."""

from __future__ import annotations

from pathlib import Path

from datadossier.sources.csv_loader import reopen_csv
from tests.pipeline.helpers import run_file


def test_columns_of_bytes_literals_are_read_unwrapped_and_b_empty_is_missing(tmp_path: Path) -> None:
    # An SDTM lab domain (LB) converted from XPT with pandas: LBDTC b'2014-01-02' stayed text,
    # LBNRIND's b'' was a category, and USUBJID b'01-701-1015' matched no subject.
    lines = [",USUBJID,LBSEQ,LBTESTCD,LBNRIND,LBDTC,COMMENT"]
    for i in range(120):
        flag = "b''" if i % 3 == 2 else ("b'NORMAL'" if i % 2 else "b'HIGH'")
        comment = "b'see note'" if i % 10 == 0 else "plain"  # (not every value wrapped: as written)
        lines.append(f"{i},b'01-701-{1015 + i // 3}',{i % 3 + 1}.0,b'ALB',{flag},b'2014-01-{i % 28 + 1:02d}',{comment}")
    path = tmp_path / "lb.csv"
    path.write_text("\n".join(lines) + "\n")
    query = (
        'SELECT min(USUBJID), count(*) FILTER (WHERE LBNRIND IS NULL), min(LBDTC), count(*) FILTER (WHERE COMMENT LIKE \'b%\')'
        ' FROM "typed"."s.t"'
    )
    out, rows = run_file(path, tmp_path, query)
    assert rows[0][:2] == ("01-701-1015", 40)
    assert str(rows[0][2]) == "2014-01-01"
    assert rows[0][3] == 12
    types = {i.column_name: i.decided_type for i in out.inferences}
    assert types["LBDTC"] == "DATE"
    # A later re-typing reads the copy the same way.
    assert out.read_options is not None
    assert out.raw_copy is not None
    assert reopen_csv(out.raw_copy, out.read_options).byte_literals == ("USUBJID", "LBTESTCD", "LBNRIND", "LBDTC")
