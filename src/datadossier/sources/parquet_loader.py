"""Parquet into the raw layer: types are kept as the file declares them."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from datadossier.errors import SourceError
from datadossier.sources.files import DataFile, copy_file, read_call

if TYPE_CHECKING:
    import duckdb


def load_parquet(
    con: duckdb.DuckDBPyConnection,
    file: DataFile,
    stage: str,
    *,
    raw_copy: Path,
    max_columns: int,
) -> str:
    """Copy ``file`` into the workspace as ``raw_copy`` and load it into the in-memory table
    ``stage`` (its own types, file order). Returns the SELECT that reads the copy as the raw
    layer (with ``_row_id``), for the caller's view."""
    import duckdb

    copy_file(file.path, raw_copy)
    try:
        ncols = con.execute(
            "SELECT count(*) FROM parquet_schema($path) WHERE num_children IS NULL OR num_children = 0",
            {"path": str(raw_copy)},
        ).fetchall()[0][0]
        if ncols > max_columns:
            raise SourceError(
                f"{file.path} has {ncols} columns; the limit is {max_columns}.",
                hint="Raise DATADOSSIER_MAX_COLUMNS, or split the file into narrower tables.",
            )
        con.execute(f"CREATE OR REPLACE TEMP TABLE {stage} AS SELECT * FROM read_parquet($path)", {"path": str(raw_copy)})
    except (duckdb.IOException, duckdb.InvalidInputException) as exc:
        raise SourceError(
            f"{file.path} is not a readable Parquet file: {str(exc).strip().splitlines()[0]}",
            hint="Re-export the file, or point at its CSV version.",
        ) from exc
    # file_row_number is the row's position in the file, the same number the typed and
    # quarantine layers store (the stage's rowid + 1).
    return (
        "SELECT file_row_number + 1 AS _row_id, * EXCLUDE (file_row_number) "
        f"FROM {read_call('read_parquet', raw_copy, {'file_row_number': True})}"
    )
