"""A table's run over one CSV file, as the pipeline's stages do it, for tests of the layers."""

from __future__ import annotations

from pathlib import Path

from datadossier.config import DEFAULT_NULL_TOKENS
from datadossier.engine import Workspace
from datadossier.pipeline import stages
from datadossier.sources.files import DataFile


def run_file(path: Path, home: Path, query: str | None) -> tuple[stages.StageOutput, list[tuple[object, ...]]]:
    """The run of table ``s.t`` over ``path`` (workspace under ``home``), and the rows
    ``query`` then reads from its layers."""
    workspace = Workspace(home / "ws.duckdb", threads=2, memory_limit="1GB", timeout_seconds=120)
    with workspace.connect() as con:
        out = stages.run_table(
            con, source="s", table="t", file=DataFile(path=path, format="csv", table_name="t"),
            manual_types={}, null_tokens=list(DEFAULT_NULL_TOKENS), max_columns=100,
            exact_distinct_max_rows=1_000_000, files_dir=home / "files",
        )
        rows = con.execute(query).fetchall() if query else []
    return out, rows


def reasons_of(home: Path, name: str, lines: list[str]) -> dict[str, str]:
    """The decisions' reasons, by column, of a run over a file of these lines (written as
    ``name`` under ``home``)."""
    path = home / name
    path.write_text("\n".join(lines) + "\n")
    out, _ = run_file(path, home, None)
    return {i.column_name: i.reason for i in out.inferences}
