"""Tool: profile_table."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

from mcp.server.mcpserver import Context, MCPServer
from mcp_types import ToolAnnotations
from pydantic import BaseModel, Field

from datadossier.errors import TableNotFoundError
from datadossier.server.boundary import runtime_of, tool_boundary
from datadossier.server.tools.models import (
    BRIEF_CHAR_BUDGET,
    DETAIL_CHAR_BUDGET,
    ColumnInfo,
    TableInfo,
    brief_columns,
    column_info,
    fit_columns,
)
from datadossier.sources.files import named_like_data

_MAX_TABLES = 50


class ProfiledTable(BaseModel):
    table: TableInfo = Field(description="The table and its row counts per layer.")
    status: str = Field(description="`profiled` (loaded and profiled now) or `unchanged` (file unchanged since the last profile; stored results shown).")
    seconds: dict[str, float] = Field(description="Time spent per stage (load, infer, layers, profile, store, total).")
    csv_dialect: dict[str, Any] | None = Field(
        description="Detected encoding, delimiter, quote and header of a CSV, the lines skipped before the"
        " table (skip; skipped_lines: the first of them as text, a report's title and date) and left out after"
        " it (footer), and how many rows under the header label the columns"
        " (label_rows: their names are the columns' business_name, their units the columns' unit);"
        " repeated_headers: lines further down that repeat the header, left out of the layers;"
        " empty_rows: rows whose every field is empty (',,,'), left out of the layers;"
        " ragged_rows: rows of another number of fields, left out of the layers when at most 5% of the"
        " rows (ragged_lines: the first ones' line numbers); written_names: header cells the column names do"
        " not repeat exactly (spaces DuckDB trimmed, a repeated name numbered), by column name."
    )
    columns: list[ColumnInfo] = Field(description="Per-column types, patterns, units and profile (compact).")
    columns_truncated: bool = Field(
        description="True when the table has more columns than `columns` details: `other_columns` names them;"
        " get_column_metadata details them (with `offset`)."
    )
    other_columns: list[str] = Field(
        default_factory=lambda: [],
        description="The columns not detailed in `columns`, in one line each (`name: TYPE (pattern, unit, nulls)`).",
    )


class FailedFile(BaseModel):
    path: str = Field(description="The file that could not be profiled.")
    table: str = Field(description="The table it would have become (`source.table`).")
    error: str = Field(description="What went wrong.")
    hint: str | None = Field(description="What to do about it.")


class ProfileTableResult(BaseModel):
    tables: list[ProfiledTable] = Field(description="One entry per table profiled.")
    truncated: bool = Field(description="True when more tables (or failed files) than are listed; use list_tables.")
    failed: list[FailedFile] = Field(
        default_factory=lambda: [],
        description="Files of a folder or glob that could not be profiled (the others were); a single file that"
        " fails is an error instead.",
    )
    removed: list[str] = Field(
        default_factory=lambda: [],
        description="Tables of the source (`source.table`) whose files are gone since they were profiled:"
        " deleted from the metadata, with their relationships.",
    )
    left_out: list[str] = Field(
        default_factory=lambda: [],
        description="Files of a folder or glob not read as tables: text whose first lines read as no table"
        " (a README, notes). Pass one such path alone to read it as a table whatever its first lines.",
    )


def _dialect_summary(dialect: dict[str, Any] | None) -> dict[str, Any] | None:
    """The dialect as the tool reports it: the label rows counted, not listed (a census table
    labels hundreds of columns; each column's name and unit carry what they say)."""
    if dialect is None or "labels" not in dialect:
        return dialect
    summary = {k: v for k, v in dialect.items() if k != "labels"}
    summary["label_rows"] = len(dialect["labels"])
    return summary


def _looks_like_path(target: str) -> bool:
    return any(ch in target for ch in "/\\*?[") or named_like_data(Path(target))


async def profile_table(
    ctx: Context,
    target: Annotated[str, Field(description="A CSV/Parquet file, a directory (each file one table; a partitioned Parquet dataset's folder is one table) or a glob under the allowed roots; or a known table (`source.table`) to profile again.")],
    source_name: Annotated[str | None, Field(description="Name of the source the files belong to; default: the folder's name.")] = None,
    encoding: Annotated[str | None, Field(description="Force a CSV encoding (`utf-8`, `latin-1`, `cp1252`); default: detected.")] = None,
    force: Annotated[bool, Field(description="Reload even when the file has not changed.")] = False,
) -> ProfileTableResult:
    """Load, type and profile CSV or Parquet data so its columns can be understood and queried.

    Detects the CSV dialect and encoding, infers each column's type over all values (dates in
    many formats, money, percentages, units, codes with leading zeros stay text), keeps rows
    whose values fail their type in a quarantine layer, and profiles every column in one pass.
    Files in one folder form one source, so later tools can relate them. Calling it again on an
    unchanged file is cheap (nothing is reloaded). Paths must lie under the server's allowed
    roots. Reports progress per stage.
    """
    with tool_boundary("profile_table"):
        # Imported here: the server must start without loading DuckDB or SQLAlchemy.
        from datadossier.pipeline.runner import TableRun
        from datadossier.store.repositories import catalog, metadata

        runtime = await runtime_of(ctx)

        async def progress(done: float, total: float, message: str) -> None:
            await ctx.report_progress(done, total, message)

        runs: list[TableRun]
        if _looks_like_path(target) or Path(target).expanduser().exists():
            runs = await runtime.pipeline.profile_path(
                target, source_name=source_name, encoding=encoding, force=force, progress=progress
            )
        else:
            async with runtime.sessions() as session:
                try:
                    known = await catalog.resolve_table(session, target)
                except TableNotFoundError as exc:
                    exc.hint = "Pass a file or directory path under the allowed roots, or one of the known tables. " + (exc.hint or "")
                    raise
            runs = await runtime.pipeline.reprofile(known, force=force, progress=progress)

        limit = runtime.settings.max_result_rows
        failed = [
            FailedFile(path=r.path or "", table=r.qualified_name, error=r.error or "", hint=r.hint)
            for r in runs
            if r.status == "failed"
        ]
        removed = [r.qualified_name for r in runs if r.status == "removed"]
        left_out = [r.path or "" for r in runs if r.status == "left_out"]
        runs = [r for r in runs if r.status not in ("failed", "removed", "left_out")]
        shown = runs[:_MAX_TABLES]
        # The budgets are shared between the tables of one call, so that a folder of wide files
        # stays bounded too: each table details its first columns in its share, and names the
        # others in one line each.
        share = DETAIL_CHAR_BUDGET // max(len(shown), 1)
        brief_share = BRIEF_CHAR_BUDGET // max(len(shown), 1)
        tables: list[ProfiledTable] = []
        async with runtime.sessions() as session:
            known_tables = {t.qualified_name: t for t in await catalog.list_tables(session)}
            for run in shown:
                summary = known_tables[run.qualified_name]
                details = await metadata.column_details(session, summary)
                columns, _, _ = fit_columns(
                    [column_info(d, full=False, max_candidates=1, max_top=3) for d in details[:limit]], share
                )
                others, _ = brief_columns(details[len(columns) :], brief_share)
                tables.append(
                    ProfiledTable(
                        table=TableInfo.of(summary),
                        status=run.status,
                        seconds=run.seconds,
                        csv_dialect=_dialect_summary(run.dialect),
                        columns=columns,
                        columns_truncated=len(columns) < len(details),
                        other_columns=others,
                    )
                )
        return ProfileTableResult(
            tables=tables, truncated=len(runs) > _MAX_TABLES or len(failed) > _MAX_TABLES, failed=failed[:_MAX_TABLES],
            removed=removed[:_MAX_TABLES], left_out=left_out[:_MAX_TABLES],
        )


def register(server: MCPServer) -> None:
    server.tool(
        annotations=ToolAnnotations(read_only_hint=False, destructive_hint=False, idempotent_hint=True, open_world_hint=False)
    )(profile_table)
