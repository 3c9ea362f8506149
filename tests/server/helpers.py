"""Helpers for tests that drive the server: settings on a fresh store, a client, results."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from mcp_types import CallToolResult

from datadossier.config import Settings


def make_settings(tmp_path: Path, store_url: str, **overrides: Any) -> Settings:
    data = tmp_path / "data"
    data.mkdir(exist_ok=True)
    values: dict[str, Any] = {
        "home": tmp_path / "home",
        "store_url": store_url,
        "roots": [data],
        "threads": 2,
        "memory_limit": "1GB",
    }
    values.update(overrides)
    return Settings(**values)


def structured(result: CallToolResult) -> dict[str, Any]:
    """The structured content of a successful tool result."""
    assert not result.is_error, error_text(result)
    assert result.structured_content is not None
    return result.structured_content


def error_text(result: CallToolResult) -> str:
    return " ".join(getattr(c, "text", "") for c in result.content)


def as_json(result: CallToolResult) -> dict[str, Any]:
    return json.loads(error_text(result))
