"""The MCP server: lifespan, tools, transports."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator

from mcp.server.mcpserver import MCPServer

from datadossier import __version__
from datadossier.config import Settings
from datadossier.runtime import LazyRuntime
from datadossier.server.instructions import INSTRUCTIONS
from datadossier.server.tools import (
    get_column_metadata,
    list_tables,
    profile_table,
    relationships,
    set_column_type,
)

READ_TOOLS = (list_tables, get_column_metadata)
WRITE_TOOLS = (profile_table, set_column_type)


def build_server(settings: Settings | None = None) -> MCPServer[LazyRuntime]:
    """An MCP server whose first tool call opens (and migrates) the store, and whose shutdown
    closes it. With READ_ONLY set, the tools that write are not offered at all."""
    settings = settings or Settings()

    @contextlib.asynccontextmanager
    async def lifespan(_: MCPServer[LazyRuntime]) -> AsyncIterator[LazyRuntime]:
        handle = LazyRuntime(settings)
        try:
            yield handle
        finally:
            await handle.aclose()

    server: MCPServer[LazyRuntime] = MCPServer(
        name="datadossier",
        version=__version__,
        instructions=INSTRUCTIONS,
        lifespan=lifespan,
        log_level=settings.log_level.upper(),  # type: ignore[arg-type]
    )
    for module in READ_TOOLS if settings.read_only else READ_TOOLS + WRITE_TOOLS:
        module.register(server)
    relationships.register_read(server)
    if not settings.read_only:
        relationships.register_write(server)
    return server
