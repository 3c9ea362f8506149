"""Tool: get_column_metadata."""

from __future__ import annotations

from typing import Annotated

from mcp.server.mcpserver import Context, MCPServer
from mcp_types import ToolAnnotations
from pydantic import BaseModel, Field

from datadossier.server.boundary import runtime_of, tool_boundary
from datadossier.server.tools.models import (
    ColumnInfo,
    TableInfo,
    attach_relationships,
    brief_columns,
    column_info,
    fit_columns,
)
from datadossier.server.tools.relationship_models import EntityOut


class ColumnMetadataResult(BaseModel):
    table: TableInfo = Field(description="The table the columns belong to.")
    columns: list[ColumnInfo] = Field(description="Columns in file order (one when `column` was given).")
    truncated: bool = Field(
        description="True when columns after those in `columns` are left out of it: `other_columns` names"
        " them, `next_offset` pages on, or ask for one `column` at a time (false on the last page)."
    )
    other_columns: list[str] = Field(
        default_factory=lambda: [],
        description="The table's columns not detailed in `columns`, in one line each"
        " (`name: TYPE (pattern, unit, nulls)`; a run numbered and read alike as `first .. last: TYPE (n columns"
        " numbered alike)`, or `dated alike` for columns named by dates), so that every column of a wide table is named; past the room a last line counts the rest.",
    )
    next_offset: int | None = Field(
        default=None, description="Pass as `offset` to detail the columns after those in `columns`; null at the end."
    )
    entity: EntityOut | None = Field(
        default=None, description="What a row is, the table's role and grain, once relationships are discovered."
    )
    stale: str | None = Field(
        default=None,
        description="Set when the table's file changed or is gone since it was profiled: the metadata describes the"
        " old contents (profile the file again to refresh it).",
    )
    relationships_stale: str | None = Field(
        default=None,
        description="Set when the table was profiled again after its keys and relationships were discovered: the"
        " entity, grain, keys and references found then described the previous contents, so they are left out"
        " (but confirmed links); get_relationships or find_join_path finds them again.",
    )


async def get_column_metadata(
    ctx: Context,
    table: Annotated[str, Field(description="`source.table`, the file path it was profiled from, or a bare table name.")],
    column: Annotated[str | None, Field(description="One column name for its full detail (histogram, all candidates); omit for all columns.")] = None,
    offset: Annotated[int, Field(ge=0, description="Without `column`: detail the columns from this 0-based position on (a wide table's next page, see `next_offset`).")] = 0,
) -> ColumnMetadataResult:
    """Everything known about a table's columns: type decision and reason, type candidates
    with parse rates and failed examples, pattern, unit, null and distinct ratios, and the
    latest profile (range, percentiles, top values).

    Without `column` each column comes in a compact form (top 5 values, 3 candidates, no
    histogram), as many as fit a prompt; the others of a wide table are named in
    `other_columns` and paged with `offset`. Ask for one column to get its histogram and every
    candidate. The table must have been profiled (`profile_table`).
    """
    with tool_boundary("get_column_metadata"):
        # Imported here: the server must start without loading DuckDB or SQLAlchemy.
        from datadossier.store.repositories import catalog, metadata
        from datadossier.store.repositories import relationships as rel_repo

        runtime = await runtime_of(ctx)
        async with runtime.sessions() as session:
            summary = await catalog.resolve_table(session, table)
            details = await metadata.column_details(session, summary, column)
            links = await rel_repo.list_relationships(session, table_id=summary.table_id)
            entities = [e for e in await rel_repo.list_entities(session, summary.source) if e.table == summary.qualified_name]
            stale = await catalog.changed_on_disk(session, summary)
        # A grain found before the latest profile may hold no more (an export refreshed with
        # several events per session): an agent would dedupe or join on a key that is none.
        previous = rel_repo.found_before_profile(entities, summary.last_profiled_at)
        if previous:
            entities, links = [], [r for r in links if r.status == "confirmed"]
        limit = runtime.settings.max_result_rows
        full = column is not None
        if not full and details and offset >= len(details):
            from datadossier.errors import ColumnNotFoundError

            raise ColumnNotFoundError(
                f"offset {offset} is past the last of {summary.qualified_name}'s {len(details)} columns.",
                hint=f"Pass an offset from 0 to {len(details) - 1} (or the `next_offset` an answer gave), or name a `column`.",
            )
        start = 0 if full else min(offset, len(details))
        infos = [column_info(d, full=full) for d in details[start : start + limit]]
        attach_relationships(infos, summary.qualified_name, links)
        columns, _, _ = fit_columns(infos)
        end = start + len(columns)
        others, _ = brief_columns(details[:start] + details[end:])
        return ColumnMetadataResult(
            table=TableInfo.of(summary),
            columns=columns,
            # (Columns before `offset` were detailed on the earlier pages: the last page is no cut one.)
            truncated=end < len(details),
            other_columns=others,
            next_offset=end if end < len(details) else None,
            entity=EntityOut.of(entities[0]) if entities else None,
            stale=stale,
            relationships_stale=(
                f"{summary.qualified_name} was profiled again after its keys and relationships were discovered:"
                " they are left out until get_relationships or find_join_path finds them again."
            ) if previous else None,
        )


def register(server: MCPServer) -> None:
    server.tool(
        annotations=ToolAnnotations(read_only_hint=True, destructive_hint=False, idempotent_hint=True, open_world_hint=False)
    )(get_column_metadata)
