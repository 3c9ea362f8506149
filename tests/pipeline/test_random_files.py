"""Randomly shaped CSV files, every one of them valid CSV: a run profiles each, with every raw
row in the typed or the quarantine layer. A refusal (our error) fails the test as much as any
other exception: valid files refused as "ragged" are how the dialect sniffer's bugs showed.

The files mix what real exports hold: odd column names (blank, repeated, `_row_id`, `rowid`,
SQL words), money, dates in several formats (invalid ones too), numbers past BIGINT, booleans,
units, free text with quotes, delimiters, line breaks and non-ASCII characters, null tokens,
BOMs, CRLF line ends and Latin-1. The seed is fixed, so a failure reproduces.
"""

from __future__ import annotations

import random
import string
from pathlib import Path

import pytest

from datadossier.config import DEFAULT_NULL_TOKENS
from datadossier.engine import Workspace
from datadossier.errors import DatadossierError
from datadossier.pipeline import stages
from datadossier.sources.files import DataFile

FILES = 24
_TEXT = string.ascii_letters + string.digits + string.punctuation + "  äöüß€漢字😀\u00a0\u2028\t\n\r"
_NAMES = ["id", "", "name", "Name", "_row_id", "rowid", "value", "a b", "ä", "select", '"q"', "x" * 70]


def _date(rng: random.Random) -> str:
    year, month, day = rng.randint(1800, 2100), rng.randint(1, 13), rng.randint(0, 31)
    return rng.choice([
        f"{year}-{month:02d}-{day:02d}", f"{month}/{day}/{year}", f"{day:02d}.{month:02d}.{year}",
        f"{year}{month:02d}{day:02d}", f"{rng.choice(['Jan', 'Feb', 'Foo'])} {day} {year}",
        f"{year}-{month:02d}-{day:02d}T{rng.randint(0, 24):02d}:{rng.randint(0, 60):02d}:00Z",
    ])


def _cell(rng: random.Random, kind: str) -> str:
    if rng.random() < 0.05:
        return rng.choice(["", "NA", "?", "-", "null", "\\N", " "])
    if kind == "int":
        return str(rng.randint(-(10 ** rng.randint(1, 20)), 10 ** rng.randint(1, 20)))
    if kind == "float":
        return rng.choice([f"{rng.uniform(-1e6, 1e6):.{rng.randint(0, 6)}f}", f"{rng.uniform(-1, 1):e}", "nan", "inf"])
    if kind == "money":
        return rng.choice(["$", "€", "£", "USD ", ""]) + f"{rng.uniform(0, 1e5):,.2f}" + rng.choice(["", " EUR", "-"])
    if kind == "date":
        return _date(rng)
    if kind == "bool":
        return rng.choice(["yes", "no", "Y", "N", "true", "FALSE", "1", "0", "maybe"])
    if kind == "unit":
        return f"{rng.uniform(0, 100):.1f}" + rng.choice([" kg", "kg", " lb", " mph", " °C", " zz", ""])
    return "".join(rng.choice(_TEXT) for _ in range(rng.randint(0, 30)))


def _csv(rng: random.Random) -> bytes:
    kinds = [rng.choice(["int", "float", "money", "date", "text", "bool", "unit"]) for _ in range(rng.randint(1, 10))]
    delimiter = rng.choice([",", ";", "\t", "|"])

    def field(value: str) -> str:
        if any(ch in value for ch in (delimiter, '"', "\n", "\r")) or rng.random() < 0.1:
            return '"' + value.replace('"', '""') + '"'
        return value

    lines = [delimiter.join(field(rng.choice(_NAMES)) for _ in kinds)] if rng.random() < 0.9 else []
    for _ in range(rng.choice([2, 5, 50, 400, 2500])):
        lines.append(delimiter.join(field(_cell(rng, kind)) for kind in kinds))
    end = rng.choice(["\n", "\r\n"])
    return (end.join(lines) + end).encode(rng.choice(["utf-8", "utf-8-sig", "latin-1"]), errors="replace")


def _run(path: Path, home: Path) -> stages.StageOutput | DatadossierError:
    """The DuckDB half of a run over ``path``, or the error it refused the file with."""
    workspace = Workspace(home / "ws.duckdb", threads=2, memory_limit="1GB", timeout_seconds=120)
    with workspace.connect() as con:
        try:
            return stages.run_table(
                con, source="s", table="t", file=DataFile(path=path, format="csv", table_name="t"),
                manual_types={}, null_tokens=list(DEFAULT_NULL_TOKENS), max_columns=100,
                exact_distinct_max_rows=1_000_000, files_dir=home / "files",
            )
        except DatadossierError as exc:
            return exc


@pytest.mark.parametrize("seed", range(FILES))
def test_a_random_file_is_profiled(tmp_path: Path, seed: int) -> None:
    path = tmp_path / "random.csv"
    path.write_bytes(_csv(random.Random(seed)))
    out = _run(path, tmp_path)
    assert not isinstance(out, DatadossierError), f"a valid file was refused: {out}"
    counts = out.counts
    assert counts.raw_rows == counts.typed_rows + counts.quarantine_rows
    assert [name for name, _ in out.typed_columns] == [name for name, _ in out.raw_columns]
    assert len(out.profiles) == len(out.raw_columns)
