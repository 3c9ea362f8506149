"""Tools: find_join_path, get_relationships (read); confirm_relationship, reject_relationship (write)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

from mcp.server.mcpserver import Context, MCPServer
from mcp_types import ToolAnnotations
from pydantic import Field

from datadossier.server.boundary import runtime_of, tool_boundary
from datadossier.server.tools.relationship_models import (
    FindJoinPathResult,
    GetRelationshipsResult,
    RelationshipOut,
    ReviewResult,
    discovery_out,
    entities_out,
    find_join_path_result,
    path_tables,
    runs_in,
    stale_tables,
)

if TYPE_CHECKING:
    from datadossier.pipeline.discovery import RelationshipService
    from datadossier.pipeline.runner import Progress
    from datadossier.runtime import Runtime

_TABLE = "`source.table`, a profiled file path, or a bare table name."


def _service(runtime: Runtime) -> RelationshipService:
    # Imported here: the server must start without loading DuckDB or SQLAlchemy.
    from datadossier.pipeline.discovery import RelationshipService

    return RelationshipService(runtime.pipeline)


def _progress(ctx: Context) -> Progress:
    async def report(done: float, total: float, message: str) -> None:
        await ctx.report_progress(done, total, message)

    return report


async def find_join_path(
    ctx: Context,
    from_table: Annotated[str, Field(description="Where the query starts. " + _TABLE)],
    to_table: Annotated[str, Field(description="The table to reach. " + _TABLE)],
    max_hops: Annotated[int, Field(description="Longest path to consider, in joins (1-8).")] = 4,
    k: Annotated[int, Field(description="How many paths to return at most (1-20).")] = 3,
) -> FindJoinPathResult:
    """How to join two tables: the best join paths, with a ready SQL JOIN clause.

    Works right after pointing at a folder: relationships of the source are discovered from
    the data first when missing or stale (new files of the folder are profiled). Tables of two
    different sources are searched across both; links stored between sources (found with
    get_relationships' across_sources) are walked too. Each path
    lists its steps (columns on both sides, composite keys included), cardinality, confidence,
    and warnings for fan-out (rows multiply), chasm traps, detours (round a fan-out and back
    to a table reachable directly: ranked low), orphans and empty joins (sides that share no
    value: such paths come last). When no path exists,
    `disconnected_groups` shows which tables are connected to which.
    """
    with tool_boundary("find_join_path"):
        runtime = await runtime_of(ctx)
        service = _service(runtime)
        answer = await service.join_paths(from_table, to_table, max_hops=max_hops, k=k, progress=_progress(ctx))
        result = find_join_path_result(answer)
        # (Also without a path: the answer then says to aggregate both sides and join there.)
        result.sql_runs_in = runs_in(runtime.settings.duckdb_path)
        result.stale = await stale_tables(runtime, path_tables(result))
        return result


async def get_relationships(
    ctx: Context,
    table: Annotated[str | None, Field(description="Only relationships touching this table. " + _TABLE)] = None,
    source: Annotated[str | None, Field(description="All relationships of this source (when no table is given).")] = None,
    refresh: Annotated[bool, Field(description="Discover again even if no table changed.")] = False,
    include_rejected: Annotated[bool, Field(description="Also list relationships a person rejected.")] = False,
    across_sources: Annotated[
        list[str] | None, Field(description="Other sources to search for links with this one's tables.")
    ] = None,
) -> GetRelationshipsResult:
    """Foreign keys, self-references and n:m bridges found in the data, with their evidence;
    plus each table's entity (customer, order, ...), role (fact, dimension, bridge) and grain.

    Discovery runs first when the source has changed. Confidence weighs the share of child
    values found in the parent (integrity) against how likely the match is by chance (names,
    value ranges). Confirm or reject with `confirm_relationship` / `reject_relationship`.
    """
    with tool_boundary("get_relationships"):
        runtime = await runtime_of(ctx)
        service = _service(runtime)
        found, entities, run = await service.relationships(
            table=table, source=source, refresh=refresh, include_rejected=include_rejected, progress=_progress(ctx),
            across=across_sources,
        )
        limit = runtime.settings.max_result_rows
        listed = [e.table for e in entities[:limit]]
        listed += [t for r in found[:limit] for t in (r.from_table, r.to_table)]
        return GetRelationshipsResult(
            source=run.source,
            relationships=[RelationshipOut.of(r) for r in found[:limit]],
            tables=entities_out(entities[:limit]),
            discovery=discovery_out(run),
            truncated=len(found) > limit or len(entities) > limit,
            # (Every answer: an agent checks a link's evidence, or joins along it, in the typed tables.)
            sql_runs_in=runs_in(runtime.settings.duckdb_path),
            stale=await stale_tables(runtime, listed),
        )


async def _review(ctx: Context, relationship_id: str, confirm: bool, note: str | None) -> ReviewResult:
    runtime = await runtime_of(ctx)
    service = _service(runtime)
    info = await service.review(relationship_id, confirm=confirm, by="mcp", note=note)
    return ReviewResult(relationship=RelationshipOut.of(info))


async def confirm_relationship(
    ctx: Context,
    relationship_id: Annotated[str, Field(description="The `id` of a relationship from get_relationships.")],
    note: Annotated[str | None, Field(description="Why (kept with the review).")] = None,
) -> ReviewResult:
    """Confirm a relationship: it is kept even if later discoveries do not find it, and
    join paths count it as certain."""
    with tool_boundary("confirm_relationship"):
        return await _review(ctx, relationship_id, True, note)


async def reject_relationship(
    ctx: Context,
    relationship_id: Annotated[str, Field(description="The `id` of a relationship from get_relationships.")],
    note: Annotated[str | None, Field(description="Why (kept with the review).")] = None,
) -> ReviewResult:
    """Reject a relationship: it leaves join paths and is never proposed again."""
    with tool_boundary("reject_relationship"):
        return await _review(ctx, relationship_id, False, note)


def register_read(server: MCPServer) -> None:
    # Not read-only in the MCP sense: a call may discover and store relationships first.
    hints = ToolAnnotations(read_only_hint=False, destructive_hint=False, idempotent_hint=True, open_world_hint=False)
    server.tool(annotations=hints)(find_join_path)
    server.tool(annotations=hints)(get_relationships)


def register_write(server: MCPServer) -> None:
    hints = ToolAnnotations(read_only_hint=False, destructive_hint=False, idempotent_hint=True, open_world_hint=False)
    server.tool(annotations=hints)(confirm_relationship)
    server.tool(annotations=hints)(reject_relationship)
