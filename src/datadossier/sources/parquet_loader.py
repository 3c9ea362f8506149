"""Parquet into the raw layer: types are kept as the file declares them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from datadossier.errors import SourceError
from datadossier.sources.files import DataFile

if TYPE_CHECKING:
    import duckdb


def load_parquet(con: duckdb.DuckDBPyConnection, file: DataFile, relation: str, *, max_columns: int) -> None:
    """Load ``file`` into ``relation`` (replacing it) with its own types, in file order."""
    import duckdb

    try:
        ncols = con.execute(
            "SELECT count(*) FROM parquet_schema($path) WHERE num_children IS NULL OR num_children = 0",
            {"path": str(file.path)},
        ).fetchall()[0][0]
        if ncols > max_columns:
            raise SourceError(
                f"{file.path} has {ncols} columns; the limit is {max_columns}.",
                hint="Raise DATADOSSIER_MAX_COLUMNS, or split the file into narrower tables.",
            )
        con.execute(
            f"CREATE OR REPLACE TABLE {relation} AS SELECT * FROM read_parquet($path)",
            {"path": str(file.path)},
        )
    except duckdb.IOException as exc:
        raise SourceError(
            f"{file.path} could not be read as Parquet: {str(exc).strip().splitlines()[0]}",
            hint="Check that the file exists and is a complete Parquet file.",
        ) from exc
    except duckdb.InvalidInputException as exc:
        raise SourceError(
            f"{file.path} is not a valid Parquet file: {str(exc).strip().splitlines()[0]}",
            hint="Re-export the file, or point at its CSV version.",
        ) from exc
