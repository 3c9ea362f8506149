"""Streamable HTTP transport, with a bearer token check when one is configured."""

from __future__ import annotations

import hmac
import ipaddress
from typing import TYPE_CHECKING, Any

from datadossier.errors import ConfigError

if TYPE_CHECKING:
    from mcp.server.mcpserver import MCPServer


def parse_address(text: str) -> tuple[str, int]:
    """``HOST:PORT`` (``[::1]:8000`` for IPv6) into its parts."""
    host, sep, port = text.rpartition(":")
    if not sep or not port.isdigit():
        raise ConfigError(f"'{text}' is not HOST:PORT.", hint="For example --http 127.0.0.1:8765.")
    return host.strip("[]") or "127.0.0.1", int(port)


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class BearerTokenMiddleware:
    """Plain ASGI middleware: every HTTP request must carry ``Authorization: Bearer <token>``."""

    def __init__(self, app: Any, token: str) -> None:
        self.app = app
        self.expected = f"Bearer {token}".encode()

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http":
            headers = dict(scope.get("headers") or [])
            given = headers.get(b"authorization", b"")
            if not hmac.compare_digest(given, self.expected):
                await send({"type": "http.response.start", "status": 401,
                            "headers": [(b"content-type", b"text/plain"), (b"www-authenticate", b"Bearer")]})
                await send({"type": "http.response.body", "body": b"missing or wrong bearer token\n"})
                return
        await self.app(scope, receive, send)


async def serve_http(server: MCPServer[Any], address: str, token: str | None, log_level: str) -> None:
    """Serve MCP over streamable HTTP; a non-loopback address needs a token."""
    import uvicorn

    host, port = parse_address(address)
    if not is_loopback(host) and not token:
        raise ConfigError(
            f"Refusing to listen on {host}: it is not a loopback address and no token is set.",
            hint="Set DATADOSSIER_HTTP_TOKEN to require a bearer token, or listen on 127.0.0.1.",
        )
    app: Any = server.streamable_http_app(host=host)
    if token:
        app = BearerTokenMiddleware(app, token)
    config = uvicorn.Config(app, host=host, port=port, log_level=log_level.lower())
    await uvicorn.Server(config).serve()
