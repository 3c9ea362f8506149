"""Parquet into the raw layer: types are kept as the file declares them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from datadossier.engine.gateway import create_table, quote_ident, quote_literal
from datadossier.errors import SourceError
from datadossier.inference.conversions import NO_READINGS, Readings, hides_rowid
from datadossier.sources.files import (
    DataFile,
    copy_file,
    dataset_files,
    is_pattern,
    out_of_space,
    read_call,
    renamed_row_id,
)

if TYPE_CHECKING:
    import duckdb


@dataclass(frozen=True, slots=True)
class ParquetCopy:
    """A Parquet file copied into the workspace."""

    path: Path
    rows: int
    # Size of its data once decompressed (from the file's metadata).
    data_bytes: int = 0
    # Columns read under another name, (name, new name) (see `files.renamed_row_id`).
    renamed: tuple[tuple[str, str], ...] = ()
    # Text columns whose empty strings are read as missing, as a CSV file's empty cells are.
    blanked: tuple[str, ...] = ()
    # Columns read under another name than the file writes (a repeated name in another case,
    # "ID" beside "Id", is numbered; a "_row_id" too): (name, as written).
    written: tuple[tuple[str, str], ...] = ()

    def columns(self, exclude: str | None = None) -> str:
        """The star of a SELECT over the file, less ``exclude``, with the renamed columns and
        the empty strings of the text columns NULL."""
        star = "*" if exclude is None else f"* EXCLUDE ({exclude})"
        if self.blanked:
            star += " REPLACE (" + ", ".join(f"nullif({quote_ident(c)}, '') AS {quote_ident(c)}" for c in self.blanked) + ")"
        if self.renamed:
            star += " RENAME (" + ", ".join(f"{quote_ident(a)} AS {quote_ident(b)}" for a, b in self.renamed) + ")"
        return star

    def reader(self) -> str:
        call = read_call("read_parquet", self.path, {})
        return f"(SELECT {self.columns()} FROM {call})" if self.renamed or self.blanked else call

    def raw_select(self) -> str:
        """The raw layer's SELECT: file_row_number is the row's position in the file, the
        same number the typed and quarantine layers store (the stage's rowid + 1)."""
        return (
            f"SELECT file_row_number + 1 AS _row_id, {self.columns('file_row_number')} "
            f"FROM {read_call('read_parquet', self.path, {'file_row_number': True})}"
        )


def _unreadable(path: Path, exc: Exception, copy: Path | None = None) -> SourceError:
    """The error of a Parquet file DuckDB cannot read, naming the user's file (not the
    workspace's ``copy`` of it that DuckDB read)."""
    detail = str(exc).strip().splitlines()[0]
    if copy is not None:
        detail = detail.replace(str(copy), str(path))
    return SourceError(f"{path} is not a readable Parquet file: {detail}", hint="Re-export the file, or point at its CSV version.")


def open_parquet(
    con: duckdb.DuckDBPyConnection, file: DataFile, *, raw_copy: Path, max_columns: int
) -> ParquetCopy:
    """Copy ``file`` into the workspace as ``raw_copy`` and check its width. The caller
    deletes ``raw_copy`` if the run fails. A partitioned dataset (a folder, or a pattern naming
    a table's files; see `files.dataset_files`) is copied as one file, its partition keys as
    columns."""
    if file.path.is_dir() or is_pattern(file.path):
        _combine_dataset(con, file.path, raw_copy)
    else:
        copy_file(file.path, raw_copy)
    return _read_footer(con, raw_copy, file.path, max_columns=max_columns)


def _combine_dataset(con: duckdb.DuckDBPyConnection, directory: Path, target: Path) -> None:
    """Write the files of a partitioned dataset, in path order, into one Parquet file: the
    values of the ``key=value`` folders become columns, and files whose columns differ are
    read by name."""
    import duckdb

    files = dataset_files(directory)
    if not files:
        raise SourceError(f"{directory} holds no Parquet file.", hint="Point at a partitioned dataset's top folder.")
    target.parent.mkdir(parents=True, exist_ok=True)
    listed = "[" + ", ".join(quote_literal(str(f)) for f in files) + "]"
    try:
        con.execute(
            f"COPY (SELECT * FROM read_parquet({listed}, hive_partitioning = true, union_by_name = true)) "
            f"TO {quote_literal(str(target))} (FORMAT parquet)"
        )
    except (duckdb.IOException, duckdb.InvalidInputException, duckdb.BinderException) as exc:
        raise _unreadable(directory, exc) from exc


def reopen_parquet(con: duckdb.DuckDBPyConnection, path: Path) -> ParquetCopy:
    """The workspace's copy of a Parquet file, made by an earlier run (a re-typing)."""
    if not path.is_file():
        raise SourceError(f"The workspace's copy {path} is missing.", hint="Profile the table's file again.")
    return _read_footer(con, path, path, max_columns=None)


def _read_footer(con: duckdb.DuckDBPyConnection, path: Path, original: Path, *, max_columns: int | None) -> ParquetCopy:
    """Width, row count and decompressed size of a Parquet file, from its footer; errors name
    ``original``."""
    import duckdb

    try:
        ncols = con.execute(
            "SELECT count(*) FROM parquet_schema($path) WHERE num_children IS NULL OR num_children = 0",
            {"path": str(path)},
        ).fetchall()[0][0]
        rows = con.execute(
            "SELECT coalesce(sum(num_rows), 0) FROM parquet_file_metadata($path)", {"path": str(path)}
        ).fetchall()[0][0]
        data_bytes = con.execute(
            "SELECT coalesce(sum(total_uncompressed_size), 0) FROM parquet_metadata($path)", {"path": str(path)}
        ).fetchall()[0][0]
        described = con.execute(f"DESCRIBE SELECT * FROM {read_call('read_parquet', path, {})}").fetchall()
    except duckdb.Error as exc:  # (a footer's length or magic bytes wrong: an IOException or another)
        raise _unreadable(original, exc, path) from exc
    if max_columns is not None and ncols > max_columns:
        raise SourceError(
            f"{original} has {ncols} columns; the limit is {max_columns}.",
            hint="Raise DATADOSSIER_MAX_COLUMNS, or split the file into narrower tables.",
        )
    names = [str(d[0]) for d in described]
    renamed = renamed_row_id(names)
    text = tuple(str(name) for name, kind, *_ in described if kind == "VARCHAR" and name not in renamed)
    physical = _top_level_names(con, path)
    written = {renamed.get(name, name): as_written for name, as_written in zip(names, physical, strict=False)}
    return ParquetCopy(
        path=path, rows=int(rows), data_bytes=int(data_bytes), renamed=tuple(renamed.items()), blanked=text,
        written=tuple((name, w) for name, w in written.items() if name != w) if len(physical) == len(names) else (),
    )


def _top_level_names(con: duckdb.DuckDBPyConnection, path: Path) -> list[str]:
    """The names the file's schema gives its columns (not their fields'), as written."""
    rows = con.execute("SELECT name, num_children FROM parquet_schema($path)", {"path": str(path)}).fetchall()
    if not rows:
        return []

    def past(index: int) -> int:  # the index after the element at ``index`` and its fields
        following = index + 1
        for _ in range(int(rows[index][1] or 0)):
            following = past(following)
        return following

    names, index = [], 1
    for _ in range(int(rows[0][1] or 0)):
        if index >= len(rows):
            break
        names.append(str(rows[index][0]))
        index = past(index)
    return names


def load_parquet_stage(
    con: duckdb.DuckDBPyConnection,
    copy: ParquetCopy,
    original: Path,
    stage: str,
    readings: Readings = NO_READINGS,
    *,
    plain: set[str] | None = None,
) -> None:
    """Load the copy into the table ``stage`` (its own types, file order), with the
    ``readings`` computed in the same pass (and their thin columns held thin); errors name
    ``original``.
    Without ``plain`` the table is in memory; with it, ``stage`` is in a scratch database file
    and the columns named in ``plain`` are stored without compression (see
    `csv_loader.load_csv_stage`)."""
    import duckdb

    try:
        names = [d[0] for d in con.execute(f"SELECT * FROM {copy.reader()} LIMIT 0").description or []]
        rows = readings.stage_select(copy.reader(), numbered=hides_rowid(names))
        if plain is None:
            con.execute(f"CREATE OR REPLACE TEMP TABLE {stage} AS {rows}")
        else:
            create_table(con, stage, rows, uncompressed=plain)
    except (duckdb.IOException, duckdb.InvalidInputException) as exc:
        raise (out_of_space(original, exc) or _unreadable(original, exc)) from exc


def sample_parquet(copy: ParquetCopy, *, rows: int, blocks: int) -> str:
    """A subquery of about ``rows`` rows of the copy from ``blocks`` evenly spaced row ranges,
    for shortlisting patterns before the copy is loaded."""
    per_block = max(1, rows // max(1, blocks))
    starts = sorted({(i * copy.rows) // max(1, blocks) for i in range(max(1, blocks))})
    ranges = " OR ".join(f"(file_row_number BETWEEN {s} AND {s + per_block - 1})" for s in starts)
    reader = read_call("read_parquet", copy.path, {"file_row_number": True})
    return f"(SELECT {copy.columns('file_row_number')} FROM {reader} WHERE {ranges})"
