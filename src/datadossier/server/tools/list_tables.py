"""Tool: list_tables."""

from __future__ import annotations

from typing import Annotated

from mcp.server.mcpserver import Context, MCPServer
from mcp_types import ToolAnnotations
from pydantic import BaseModel, Field

from datadossier.server.boundary import runtime_of, tool_boundary
from datadossier.server.tools.models import TableInfo


class ListTablesResult(BaseModel):
    tables: list[TableInfo] = Field(description="Profiled tables, by source and name.")
    total: int = Field(description="How many tables match, before truncation.")
    truncated: bool = Field(description="True when more tables exist than are listed; pass `source` to narrow.")


async def list_tables(
    ctx: Context,
    source: Annotated[str | None, Field(description="Only tables of this source (optional).")] = None,
) -> ListTablesResult:
    """List the tables datadossier has profiled, with row counts and quarantine counts.

    Start here to see what data is known. Names are `source.table`. An empty list means
    nothing is profiled yet: call `profile_table` with a file or folder path.
    """
    with tool_boundary("list_tables"):
        # Imported here: the server must start without loading DuckDB or SQLAlchemy.
        from datadossier.store.repositories import catalog

        runtime = await runtime_of(ctx)
        async with runtime.sessions() as session:
            tables = await catalog.list_tables(session, source)
        limit = runtime.settings.max_result_rows
        return ListTablesResult(
            tables=[TableInfo.of(t) for t in tables[:limit]],
            total=len(tables),
            truncated=len(tables) > limit,
        )


def register(server: MCPServer) -> None:
    server.tool(
        annotations=ToolAnnotations(read_only_hint=True, destructive_hint=False, idempotent_hint=True, open_world_hint=False)
    )(list_tables)
