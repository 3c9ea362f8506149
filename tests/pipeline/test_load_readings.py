"""Readings computed in the load give the same run as inference sampling the loaded stage.

Files from about a megabyte on are sampled before loading, and the typed readings of the
shortlisted patterns are computed while the file is loaded (`inference.conversions`); smaller
files and re-typings sample the stage and compute the conversions where they are used. Both
paths run here on the same messy file, and must decide the same types, fill the same typed
and quarantine layers and report the same failures. A re-typing loads the workspace's copy of
the file the same way, and must match a re-typing from the raw layer's view.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import duckdb
import pytest

from datadossier.engine import Workspace, layer_relation, quote_ident
from datadossier.errors import SourceError
from datadossier.pipeline import stages
from datadossier.sources.files import DataFile
from tests.storage import text_compressions

ROWS = 24_000
NULLS = ["NA", "N/A", "NULL", "null", "None", "-", "#N/A"]


def _messy_rows(rows: int) -> list[dict[str, str]]:
    rng = random.Random(7)
    out: list[dict[str, str]] = []
    for i in range(rows):
        day, month, year = 1 + rng.randrange(28), 1 + rng.randrange(12), 2015 + rng.randrange(9)
        price = rng.uniform(1, 9000)
        out.append({
            "id": str(i + 1),
            # junk in every part of the file, not only where the sample looks
            "qty": ("??", "#VALUE!", "1O")[i % 3] if i % 4999 == 17 else str(rng.randrange(1, 400)),
            "price": f"${price:,.2f}" if i % 10 else f"{price:.2f}",
            "us_date": f"{month:02d}/{day:02d}/{year}",
            "eu_date": f"{day:02d}.{month:02d}.{year}",
            "seen_at": f"{year}-{month:02d}-{day:02d} {i % 24:02d}:{i % 60:02d}:00" + ("+02:00" if i % 7 == 0 else ""),
            # dates written with a midnight time (Socrata): DATE
            "born": f"{month:02d}/{day:02d}/{year - 40} 12:00:00 AM",
            "weight": f"{rng.uniform(0.1, 90):.1f} kg" if i % 25 else "",
            "discount": f"{rng.randrange(0, 80) / 2}%",
            "member": rng.choice(("yes", "no", "Yes", "N")),
            "email": f"user{rng.randrange(10**6)}@example.org",
            "zip": f"{rng.randrange(0, 99999):05d}",
            # numeric in the first 60% of the file, words after: sampled as numbers, kept as text
            "mostly_numbers": str(rng.randrange(1000)) if i < rows * 0.6 else rng.choice(("alpha", "beta", "gamma")),
            # empty except between the sample's first two blocks: only the stage shows its values
            "sparse": f"{rng.uniform(0, 5):.2f}" if 600 <= i < 700 else "",
            # clean until the last rows, then junk (4% of the column: still a number)
            "late_junk": "n/a?" if i > rows * 0.96 else f"{rng.uniform(-5, 5):.3f}",
            # small plain numbers, then a block of big grouped ones (NASS's production figures
            # after its percentages): read both, none quarantined
            "late_grouped": f"{rng.randrange(10**6, 3 * 10**9):,}" if i > rows * 0.99 else str(rng.randrange(0, 61)),
            # a statistics export's markers of a missing value: NULL, not junk
            "score": "." if i % 16 == 3 else f"{rng.uniform(0, 100):.1f}",
            "moe": "*****" if i % 5 < 2 else str(rng.randrange(10, 900)),
        })
    return out


@pytest.fixture(scope="module")
def messy_csv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    rows = _messy_rows(ROWS)
    path = tmp_path_factory.mktemp("data") / "messy.csv"
    header = list(rows[0])
    lines = [",".join(header)]
    lines += [",".join(f'"{v}"' if "," in v else v for v in (r[h] for h in header)) for r in rows]
    path.write_text("\n".join(lines) + "\n")
    assert path.stat().st_size > stages.SAMPLE_FILE_MIN_BYTES
    return path


@pytest.fixture(scope="module")
def messy_parquet(messy_csv: Path) -> Path:
    path = messy_csv.with_suffix(".parquet")
    with duckdb.connect() as con:
        # Text columns stay VARCHAR (as Parquet from messy sources does); id is a real integer.
        con.execute(
            f"COPY (SELECT * REPLACE (CAST(id AS BIGINT) AS id) FROM read_csv('{messy_csv}', all_varchar = true)) "
            f"TO '{path}' (FORMAT parquet)"
        )
    return path


def _run(
    tmp_path: Path,
    path: Path,
    fmt: str,
    *,
    sample_file: bool,
    monkeypatch: pytest.MonkeyPatch,
    manual_types: dict[str, str] | None = None,
    scratch: Path | None = None,
) -> dict[str, Any]:
    monkeypatch.setattr(stages, "SAMPLE_FILE_MIN_BYTES", 0 if sample_file else 1 << 62)
    monkeypatch.setattr(stages, "SAMPLE_FILE_MIN_ROWS", 0 if sample_file else 1 << 62)
    home = tmp_path / ("sampled-file" if sample_file else "sampled-stage")
    workspace = Workspace(home / "ws.duckdb", threads=2, memory_limit="1GB", timeout_seconds=120)
    with workspace.connect() as con:
        out = stages.run_table(
            con, source="s", table="t", file=DataFile(path=path, format=fmt, table_name="t"),  # type: ignore[arg-type]
            manual_types=manual_types or {}, null_tokens=NULLS, max_columns=100, exact_distinct_max_rows=1_000_000,
            files_dir=home / "files", scratch=scratch,
        )
        con.execute("COMMIT")
        return _outcome(con, out)


def _outcome(con: duckdb.DuckDBPyConnection, out: stages.StageOutput) -> dict[str, Any]:
    """What a run decided and wrote, read back on its connection."""
    typed = con.execute(f"SELECT * FROM {layer_relation('typed', 's', 't')} ORDER BY _row_id").fetchall()
    quarantine = con.execute(f"SELECT * FROM {layer_relation('quarantine', 's', 't')} ORDER BY _row_id").fetchall()
    decided = {}
    for inference in out.inferences:
        best = next((c for c in inference.candidates if c.data_type == inference.decided_type), None)
        decided[inference.column_name] = (
            inference.decided_type,
            inference.decided_pattern,
            None if best is None else best.parse_success_rate,
            None if best is None else sorted(best.failed_examples),
        )
    return {
        "readings": out.readings,
        "decided": decided,
        "missing": {i.column_name: i.missing_values for i in out.inferences if i.missing_values},
        "typed_columns": out.typed_columns,
        "typed": typed,
        "quarantine": quarantine,
        "counts": out.counts,
    }


@pytest.fixture
def both_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    def run(path: Path, fmt: str) -> tuple[dict[str, Any], dict[str, Any]]:
        fast = _run(tmp_path, path, fmt, sample_file=True, monkeypatch=monkeypatch)
        slow = _run(tmp_path, path, fmt, sample_file=False, monkeypatch=monkeypatch)
        return fast, slow

    return run


def test_csv_readings_computed_in_the_load_give_the_same_run(both_paths: Any, messy_csv: Path) -> None:
    fast, slow = both_paths(messy_csv, "csv")
    assert fast["readings"] > 10
    assert slow["readings"] == 0
    assert fast["decided"] == slow["decided"]
    decided = {name: d[:2] for name, d in fast["decided"].items()}
    assert decided == {
        "id": ("INTEGER", None),
        "qty": ("INTEGER", None),
        "price": ("DECIMAL", "currency"),
        "us_date": ("DATE", "us_date"),
        "eu_date": ("DATE", "eu_date"),
        "seen_at": ("TIMESTAMP", "iso_datetime"),
        "born": ("DATE", "us_datetime"),
        "weight": ("DOUBLE", "unit_value"),
        "discount": ("DOUBLE", "percent"),
        "member": ("BOOLEAN", "boolean"),
        "email": ("VARCHAR", "email"),
        "zip": ("VARCHAR", "postal_code"),
        "mostly_numbers": ("VARCHAR", None),
        "sparse": ("DOUBLE", None),
        "late_junk": ("DOUBLE", None),
        "late_grouped": ("BIGINT", "thousands"),
        "score": ("DOUBLE", None),
        "moe": ("INTEGER", None),
    }
    assert fast["decided"]["qty"][3] == ["#VALUE!", "1O", "??"]
    assert fast["decided"]["score"][2:] == (1.0, [])
    assert fast["missing"] == slow["missing"] == {"score": {".": ROWS // 16}, "moe": {"*****": 2 * ROWS // 5}}
    assert fast["typed_columns"] == slow["typed_columns"]
    assert fast["typed"] == slow["typed"]
    assert fast["quarantine"] == slow["quarantine"]
    counts = fast["counts"]
    assert counts.raw_rows == ROWS == counts.typed_rows + counts.quarantine_rows
    assert counts.quarantine_rows == 5 + (ROWS - int(ROWS * 0.96) - 1)


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_a_stage_that_would_spill_is_staged_in_a_scratch_file(
    tmp_path: Path, messy_csv: Path, messy_parquet: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    # A stage that would not fit in DuckDB's memory goes to a database file of its own, with
    # readings only for the columns of nearly distinct values; the run must not change.
    path = messy_csv if fmt == "csv" else messy_parquet
    in_memory = _run(tmp_path, path, fmt, sample_file=False, monkeypatch=monkeypatch)
    every_reading = _run(tmp_path, path, fmt, sample_file=True, monkeypatch=monkeypatch)["readings"]
    monkeypatch.setattr(stages, "STAGE_MEMORY_SHARE", 1e-6)
    scratch = tmp_path / "scratch" / "stage.duckdb"
    staged = _run(tmp_path, path, fmt, sample_file=True, monkeypatch=monkeypatch, scratch=scratch)
    assert scratch.exists()
    con = duckdb.connect(str(scratch), read_only=True)
    try:
        stored = text_compressions(con, "_stage")
    finally:
        con.close()
    assert stored["email"] == {"Uncompressed"}  # nearly distinct: plain, read in the load
    assert "Uncompressed" not in stored["member"]  # four spellings: a dictionary
    assert 0 < staged["readings"] < every_reading
    assert staged["decided"] == in_memory["decided"]
    assert staged["typed_columns"] == in_memory["typed_columns"]
    assert staged["typed"] == in_memory["typed"]
    assert staged["quarantine"] == in_memory["quarantine"]


def test_without_a_scratch_file_a_stage_too_big_for_memory_is_loaded_narrow(
    tmp_path: Path, messy_csv: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(stages, "STAGE_MEMORY_SHARE", 1e-6)
    run = _run(tmp_path, messy_csv, "csv", sample_file=True, monkeypatch=monkeypatch)
    assert run["readings"] == 0
    assert run["decided"]["price"][:2] == ("DECIMAL", "currency")
    assert run["counts"].quarantine_rows == 5 + (ROWS - int(ROWS * 0.96) - 1)


def test_parquet_readings_computed_in_the_load_give_the_same_run(both_paths: Any, messy_parquet: Path) -> None:
    fast, slow = both_paths(messy_parquet, "parquet")
    assert fast["readings"] > 10
    assert slow["readings"] == 0
    assert fast["decided"] == slow["decided"]
    assert fast["decided"]["id"][0] == "BIGINT"
    assert fast["decided"]["price"][:2] == ("DECIMAL", "currency")
    # Parquet's text columns hold markers of a missing value as CSV's do.
    assert (fast["decided"]["score"][0], fast["decided"]["moe"][0]) == ("DOUBLE", "INTEGER")
    assert fast["missing"] == slow["missing"] == {"score": {".": ROWS // 16}, "moe": {"*****": 2 * ROWS // 5}}
    assert fast["typed"] == slow["typed"]
    assert fast["quarantine"] == slow["quarantine"]


@pytest.mark.parametrize("shape", ["crlf_multiline", "no_header", "latin1_semicolon"])
def test_awkward_files_give_the_same_run_on_both_paths(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shape: str
) -> None:
    """The sample cuts the file at byte offsets: quoted values spanning lines, CRLF endings,
    a file without a header and a single-byte encoding must not change the outcome."""
    rng = random.Random(11)
    rows = []
    for i in range(30_000):
        note = f'"line one {i}\nline, two"' if i % 97 == 0 else f"note {rng.randrange(500)}"
        amount = f"{rng.uniform(1, 9000):,.2f}".replace(",", "_").replace(".", ",").replace("_", ".")
        rows.append([str(i + 1), amount + (" EUR" if shape == "latin1_semicolon" else " €"), note, f"{1 + i % 28}.{1 + i % 12}.2020"])
    if shape == "latin1_semicolon":
        text = "id;prix;remarque;datum\n" + "".join(";".join(r).replace("note", "célèbre") + "\n" for r in rows)
        data = text.encode("latin-1")
    else:
        sep, end = ",", "\r\n" if shape == "crlf_multiline" else "\n"
        header = "" if shape == "no_header" else f"id,price,note,day{end}"
        body = "".join(sep.join([r[0], f'"{r[1]}"', r[2], r[3]]) + end for r in rows)
        data = (header + body).encode()
    path = tmp_path / f"{shape}.csv"
    path.write_bytes(data)
    assert path.stat().st_size > stages.SAMPLE_FILE_MIN_BYTES
    fast = _run(tmp_path, path, "csv", sample_file=True, monkeypatch=monkeypatch)
    slow = _run(tmp_path, path, "csv", sample_file=False, monkeypatch=monkeypatch)
    assert fast["readings"] > 0
    assert fast["decided"] == slow["decided"]
    assert fast["typed"] == slow["typed"]
    assert fast["quarantine"] == slow["quarantine"]
    decided = [d[:2] for d in fast["decided"].values()]
    assert decided[0] == ("INTEGER", None)
    assert decided[3] == ("DATE", "eu_date")
    assert decided[1] == ("DECIMAL", "currency_eu")


def test_manual_types_give_the_same_run_on_both_paths(
    tmp_path: Path, messy_csv: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A person's types: one a reading exists for (qty as DOUBLE), ones it does not (zip as
    # INTEGER, price kept as text), and a column that fails on 40% of its rows; markers of a
    # missing value stay NULL under another numeric type (moe) and text under VARCHAR (score).
    manual = {
        "qty": "DOUBLE", "zip": "INTEGER", "price": "VARCHAR", "mostly_numbers": "INTEGER",
        "moe": "DOUBLE", "score": "VARCHAR",
    }
    fast = _run(tmp_path, messy_csv, "csv", sample_file=True, monkeypatch=monkeypatch, manual_types=manual)
    slow = _run(tmp_path, messy_csv, "csv", sample_file=False, monkeypatch=monkeypatch, manual_types=manual)
    assert fast["readings"] > 10
    assert fast["typed_columns"] == slow["typed_columns"]
    assert dict(fast["typed_columns"])["qty"] == "DOUBLE"
    assert fast["typed"] == slow["typed"]
    assert fast["quarantine"] == slow["quarantine"]
    assert 0.55 * ROWS < fast["counts"].typed_rows < 0.6 * ROWS
    names = ["_row_id", *(name for name, _ in fast["typed_columns"])]
    moe, score = names.index("moe"), names.index("score")
    assert {row[moe] for row in fast["typed"] if row[moe] is None or row[moe] < 10} == {None}
    assert sum(1 for row in fast["typed"] if row[score] == ".") > 0
    assert all(row[moe] is not None or row[0] % 5 in (1, 2) for row in fast["typed"])  # the '*****' rows


def test_a_file_with_cr_line_ends_falls_back_to_sampling_the_stage(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Lines end with CR alone: the sample finds no newline within its budget.
    path = tmp_path / "cr.csv"
    path.write_text("id,amount\r" + "".join(f"{i},${i * 7 % 900}.50\r" for i in range(120_000)))
    run = _run(tmp_path, path, "csv", sample_file=True, monkeypatch=monkeypatch)
    slow = _run(tmp_path, path, "csv", sample_file=False, monkeypatch=monkeypatch)
    assert run["readings"] == 0
    assert run["decided"] == slow["decided"]
    assert run["typed"] == slow["typed"]
    assert run["decided"]["amount"][:2] == ("DECIMAL", "currency")


def test_a_row_longer_than_duckdb_reads_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "huge.csv"
    path.write_text("id,blob\n" + "".join(f"{i},{'x' * 3_000_000}\n" for i in range(2)))
    with pytest.raises(SourceError, match="row longer than the 2,000,000 bytes") as caught:
        _run(tmp_path, path, "csv", sample_file=True, monkeypatch=monkeypatch)
    assert "quote that is never closed" in (caught.value.hint or "")


def test_a_column_named_like_a_reading_falls_back_to_sampling_the_stage(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "odd.csv"
    path.write_text("__dd_reading_0,v\n" + "".join(f"{i},{i * 2}.5\n" for i in range(200)))
    run = _run(tmp_path, path, "csv", sample_file=True, monkeypatch=monkeypatch)
    assert run["readings"] == 0
    assert run["decided"]["__dd_reading_0"][0] == "INTEGER"
    assert run["decided"]["v"][0] == "DOUBLE"


def _retype(
    workspace: Workspace, manual_types: dict[str, str], kept: stages.KeptCopy | None, scratch: Path | None = None
) -> dict[str, Any]:
    with workspace.connect() as con:
        out = stages.run_table(
            con, source="s", table="t", file=None, manual_types=manual_types, null_tokens=NULLS,
            max_columns=100, exact_distinct_max_rows=1_000_000, files_dir=workspace.path.parent / "files",
            scratch=scratch, kept=kept,
        )
        outcome = _outcome(con, out)
        con.execute("ROLLBACK")
    return outcome


@pytest.mark.parametrize("scratch_stage", [False, True], ids=["in_memory", "scratch_stage"])
@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_a_retyping_loads_the_kept_copy_like_a_new_file(
    tmp_path: Path,
    messy_csv: Path,
    messy_parquet: Path,
    monkeypatch: pytest.MonkeyPatch,
    fmt: str,
    scratch_stage: bool,
) -> None:
    monkeypatch.setattr(stages, "SAMPLE_FILE_MIN_BYTES", 0)
    monkeypatch.setattr(stages, "SAMPLE_FILE_MIN_ROWS", 0)
    path = messy_csv if fmt == "csv" else messy_parquet
    workspace = Workspace(tmp_path / "ws.duckdb", threads=2, memory_limit="1GB", timeout_seconds=120)
    with workspace.connect() as con:
        first = stages.run_table(
            con, source="s", table="t", file=DataFile(path=path, format=fmt, table_name="t"),  # type: ignore[arg-type]
            manual_types={}, null_tokens=NULLS, max_columns=100, exact_distinct_max_rows=1_000_000,
            files_dir=tmp_path / "files",
        )
        con.execute("COMMIT")
    assert first.raw_copy is not None
    assert first.read_options is not None
    assert (first.read_options.get("all_varchar") is True) == (fmt == "csv")
    copy_bytes = first.raw_copy.read_bytes()
    kept = stages.KeptCopy(first.raw_copy, fmt, first.read_options)  # type: ignore[arg-type]

    # Types a reading exists for (qty as DOUBLE) and ones none does (zip as INTEGER).
    manual = {"qty": "DOUBLE", "zip": "INTEGER"}
    from_view = _retype(workspace, manual, None)
    if scratch_stage:
        monkeypatch.setattr(stages, "STAGE_MEMORY_SHARE", 1e-6)
    scratch = tmp_path / "scratch" / "stage.duckdb"
    from_copy = _retype(workspace, manual, kept, scratch if scratch_stage else None)

    assert from_view["readings"] == 0
    assert from_copy["readings"] > 0
    assert scratch.exists() == scratch_stage
    assert from_copy["decided"] == from_view["decided"]
    assert from_copy["typed_columns"] == from_view["typed_columns"]
    assert dict(from_copy["typed_columns"])["qty"] == "DOUBLE"
    assert from_copy["typed"] == from_view["typed"]
    assert from_copy["quarantine"] == from_view["quarantine"]
    assert from_copy["counts"] == from_view["counts"]
    assert first.raw_copy.read_bytes() == copy_bytes


def test_a_kept_copy_the_raw_view_does_not_read_is_not_used(
    tmp_path: Path, messy_csv: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The store and the workspace disagree (a run that failed between its two commits): the
    # raw view is what the typed layer must agree with, so the re-typing reads it.
    monkeypatch.setattr(stages, "SAMPLE_FILE_MIN_BYTES", 0)
    monkeypatch.setattr(stages, "SAMPLE_FILE_MIN_ROWS", 0)
    workspace = Workspace(tmp_path / "ws.duckdb", threads=2, memory_limit="1GB", timeout_seconds=120)
    with workspace.connect() as con:
        first = stages.run_table(
            con, source="s", table="t", file=DataFile(path=messy_csv, format="csv", table_name="t"),
            manual_types={}, null_tokens=NULLS, max_columns=100, exact_distinct_max_rows=1_000_000,
            files_dir=tmp_path / "files",
        )
        con.execute("COMMIT")
    assert first.raw_copy is not None
    assert first.read_options is not None
    other = first.raw_copy.with_name("other.csv")
    other.write_text("id,qty\n1,2\n")
    run = _retype(workspace, {}, stages.KeptCopy(other, "csv", first.read_options))
    assert run["readings"] == 0
    assert run["counts"].raw_rows == ROWS


def _spy_on_stage(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """Records each load's thin columns, and, before the layers are built, the stage's count
    of text values per column."""
    seen: dict[str, Any] = {"loads": []}
    load, build = stages._load_stage, stages.build_layers  # pyright: ignore[reportPrivateUsage]

    def spy_load(*args: Any) -> None:
        seen["loads"].append(set(args[4].thin))
        load(*args)

    def spy_build(con: duckdb.DuckDBPyConnection, stage: str, *args: Any) -> Any:
        columns = [name for name, _ in stages.describe(con, stage) if not name.startswith("__dd_reading_")]
        counts = con.execute(f"SELECT {', '.join(f'count({quote_ident(c)})' for c in columns)} FROM {stage}").fetchall()[0]
        seen["texts"] = dict(zip(columns, counts, strict=True))
        return build(con, stage, *args)

    monkeypatch.setattr(stages, "_load_stage", spy_load)
    monkeypatch.setattr(stages, "build_layers", spy_build)
    return seen


def test_converted_columns_are_staged_thin(tmp_path: Path, messy_csv: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Columns whose every reading converts are staged without their text except in rows where
    # some conversion failed. The run is the same as the slow path's (above).
    seen = _spy_on_stage(monkeypatch)
    _run(tmp_path, messy_csv, "csv", sample_file=True, monkeypatch=monkeypatch)
    # (late_grouped is loaded again with its text: its grouped numbers need it.)
    first, again = seen["loads"]
    assert again == first - {"late_grouped"}
    assert {"id", "qty", "price", "us_date", "eu_date", "seen_at", "weight", "discount", "member", "late_junk"} <= first
    # a text pattern (read on every row), a leading zero (counted from the text), a sparse
    # sample, and words in a quarter of the sample (no pattern reads enough of it to decide)
    assert not {"email", "zip", "sparse", "mostly_numbers"} & first
    texts = seen["texts"]
    assert texts["email"] == texts["mostly_numbers"] == ROWS
    # Kept in the rows where some reading failed: mostly_numbers' words (the last 40%, which
    # hold late_junk's junk too) and qty's junk (5 rows), so not in the others.
    failed = ROWS - int(ROWS * 0.6)
    assert failed <= texts["price"] == texts["qty"] <= failed + 5


def _amounts_and(path: Path, third: Callable[[int, random.Random], str]) -> Path:
    """A CSV of ROWS rows: an id, a money amount, and a column named after the file whose
    value for row ``i`` is ``third(i, rng)``."""
    rng = random.Random(path.stem)
    lines = [f"id,amount,{path.stem}"]
    lines += [f'{i + 1},"${rng.uniform(1, 9000):,.2f}",{third(i, rng)}' for i in range(ROWS)]
    path.write_text("\n".join(lines) + "\n")
    return path


def test_a_column_sampled_as_numbers_that_ends_as_text_is_loaded_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `hidden` holds words only between the sample's first two blocks: sampled as integers,
    # held thin, decided as text over the whole column. Its text is loaded again in full.
    path = _amounts_and(
        tmp_path / "hidden.csv",
        lambda i, rng: rng.choice(("north", "south")) if 2000 <= i < 5000 else str(rng.randrange(1000)),
    )
    seen = _spy_on_stage(monkeypatch)
    fast = _run(tmp_path, path, "csv", sample_file=True, monkeypatch=monkeypatch)
    assert seen["loads"] == [{"id", "amount", "hidden"}, {"id", "amount"}]
    slow = _run(tmp_path, path, "csv", sample_file=False, monkeypatch=monkeypatch)
    assert fast["decided"]["hidden"][:2] == ("VARCHAR", None)
    assert fast["decided"] == slow["decided"]
    assert fast["typed"] == slow["typed"]
    assert fast["quarantine"] == slow["quarantine"] == []


def test_a_person_s_types_keep_the_stage_s_text(tmp_path: Path, messy_csv: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen = _spy_on_stage(monkeypatch)
    _run(tmp_path, messy_csv, "csv", sample_file=True, monkeypatch=monkeypatch, manual_types={"qty": "DOUBLE"})
    assert seen["loads"] == [set()]
    texts = seen["texts"]
    assert texts["price"] == texts["qty"] == texts["us_date"] == ROWS
    assert texts["weight"] == ROWS - ROWS // 25  # empty in 1 row of 25


def test_a_column_planned_after_the_load_that_fails_brings_the_text_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `rare` has values only where the sample does not look; planned again from the stage, it
    # is an integer column with one junk value, converted from its text after the load. The
    # row that value sends to quarantine must keep the text of the thin columns as well.
    path = _amounts_and(
        tmp_path / "rare.csv",
        lambda i, rng: ("oops" if i == 650 else str(rng.randrange(100))) if 600 <= i < 700 else "",
    )
    seen = _spy_on_stage(monkeypatch)
    fast = _run(tmp_path, path, "csv", sample_file=True, monkeypatch=monkeypatch)
    slow = _run(tmp_path, path, "csv", sample_file=False, monkeypatch=monkeypatch)
    assert seen["loads"][0] == {"id", "amount"}
    assert seen["loads"][1] == set()
    assert fast["decided"]["rare"][:2] == ("INTEGER", None)
    assert fast["quarantine"] == slow["quarantine"]
    assert fast["typed"] == slow["typed"]
    (row,) = fast["quarantine"]
    assert row[:3] == (651, ["rare"], "651")
    assert row[3].startswith("$")


def _export(tmp_path: Path, text: str, fmt: str) -> Path:
    """``text`` as a CSV file, or its rows as a Parquet file of text columns."""
    path = tmp_path / "export.csv"
    path.write_text(text)
    if fmt == "csv":
        return path
    parquet = path.with_suffix(".parquet")
    with duckdb.connect() as con:
        con.execute(f"COPY (SELECT * FROM read_csv('{path}', all_varchar = true)) TO '{parquet}' (FORMAT parquet)")
    return parquet


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
@pytest.mark.parametrize("sample_file", [True, False], ids=["sampled_file", "sampled_stage"])
def test_a_column_named_rowid_keeps_its_values_and_the_rows_their_numbers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str, sample_file: bool
) -> None:
    # A data column named rowid (SQLite exports carry one) hides DuckDB's own rowid, which
    # numbers the stage's rows; the stage then numbers them in a column of its own.
    rows = 6000
    text = "RowID,qty,price\n" + "".join(f"k{i * 7},{'??' if i % 1500 == 9 else i % 50},${i}.50\n" for i in range(rows))
    path = _export(tmp_path, text, fmt)
    outcome = _run(tmp_path, path, fmt, sample_file=sample_file, monkeypatch=monkeypatch)
    assert outcome["counts"].raw_rows == rows
    numbered = sorted([r[0] for r in outcome["typed"]] + [r[0] for r in outcome["quarantine"]])
    assert numbered == list(range(1, rows + 1))
    # Each row keeps its own values: the code of row n is k(7(n - 1)).
    assert all(r[1] == f"k{7 * (r[0] - 1)}" for r in outcome["typed"])
    assert [r[:4] for r in outcome["quarantine"]] == [
        (i + 1, ["qty"], f"k{i * 7}", "??") for i in range(rows) if i % 1500 == 9
    ]


def test_a_retyping_from_the_raw_view_numbers_rows_past_a_column_named_rowid(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text("rowid,qty\n" + "".join(f"r{i},{'x' if i == 3 else i}\n" for i in range(10)))
    workspace = Workspace(tmp_path / "ws.duckdb", threads=2, memory_limit="1GB", timeout_seconds=60)
    common: dict[str, Any] = {
        "source": "s", "table": "t", "null_tokens": NULLS, "max_columns": 10,
        "exact_distinct_max_rows": 1_000_000, "files_dir": tmp_path / "files",
    }
    with workspace.connect() as con:
        stages.run_table(con, file=DataFile(path=path, format="csv", table_name="t"), manual_types={}, **common)
        con.execute("COMMIT")
        # No kept copy: the stage is the raw layer's view, which numbers the rows itself.
        stages.run_table(con, file=None, manual_types={"qty": "VARCHAR"}, **common)
        con.execute("COMMIT")
        typed = con.execute(f"SELECT _row_id, rowid, qty FROM {layer_relation('typed', 's', 't')} ORDER BY 1").fetchall()
    assert typed == [(i + 1, f"r{i}", "x" if i == 3 else str(i)) for i in range(10)]


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_a_column_named_row_id_is_kept_under_another_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str) -> None:
    # The layers number their rows in `_row_id`: a data column of that name (a file exported
    # from such layers) was hidden by it and lost. It is read as `_row_id_1`, as DuckDB names
    # a duplicate.
    rows = 3000
    path = _export(tmp_path, "_row_id,_ROW_ID_1,v\n" + "".join(f"{1000 + i},x{i},{i}\n" for i in range(rows)), fmt)
    outcome = _run(tmp_path, path, fmt, sample_file=True, monkeypatch=monkeypatch)
    assert [name for name, _ in outcome["typed_columns"]] == ["_row_id_2", "_ROW_ID_1", "v"]
    assert outcome["typed"][:2] == [(1, 1000, "x0", 0), (2, 1001, "x1", 1)]
    assert outcome["typed"][-1] == (rows, 1000 + rows - 1, f"x{rows - 1}", rows - 1)
