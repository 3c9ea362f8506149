"""The tool boundary: the one place where errors become MCP error results."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from typing import TYPE_CHECKING, cast

from mcp.server.mcpserver.exceptions import ToolError

from datadossier.errors import DatadossierError

if TYPE_CHECKING:
    from mcp.server.mcpserver import Context

    from datadossier.runtime import LazyRuntime, Runtime

log = logging.getLogger("datadossier.server")


@contextlib.contextmanager
def tool_boundary(tool: str) -> Iterator[None]:
    """Turn a domain error into a tool error that says what to do; log anything else and
    report it without internals, so a crash never reaches the agent as a stack trace."""
    try:
        yield
    except ToolError:
        raise
    except DatadossierError as exc:
        log.info("%s refused: %s", tool, exc)
        message = exc.message if not exc.hint else f"{exc.message} What to do: {exc.hint}"
        raise ToolError(message) from exc
    except Exception as exc:
        log.exception("%s failed", tool)
        raise ToolError(
            f"{tool} failed unexpectedly ({type(exc).__name__}). The stored metadata is unchanged. "
            "What to do: retry once; if it fails again, check the server log (stderr) and report it."
        ) from exc


async def runtime_of(ctx: Context) -> Runtime:
    """The runtime of this server, opened (and the store migrated) on first use."""
    handle = cast("LazyRuntime", ctx.request_context.lifespan_context)
    return await handle.get()
