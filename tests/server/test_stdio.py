"""The installed console script over stdio: a real MCP client, and a raw check that every
line the server writes to stdout is JSON-RPC."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from mcp import Client, StdioServerParameters

from tests.server.helpers import structured

SCRIPT = Path(sys.executable).parent / "datadossier"


def _env(tmp_path: Path, store_url: str) -> dict[str, str]:
    data = tmp_path / "data"
    data.mkdir(exist_ok=True)
    return {
        "DATADOSSIER_HOME": str(tmp_path / "home"),
        "DATADOSSIER_STORE_URL": store_url,
        "DATADOSSIER_ROOTS": str(data),
        "DATADOSSIER_LOG_LEVEL": "INFO",
    }


async def test_stdio_client_profiles_and_reads(tmp_path: Path, store_url: str) -> None:
    env = _env(tmp_path, store_url)
    csv = tmp_path / "data" / "people.csv"
    csv.write_text("id,email,joined\n1,a@x.org,2021-01-05\n2,b@y.com,2021-02-13\n")
    params = StdioServerParameters(command=str(SCRIPT), args=["serve"], env=env)
    async with Client(params, cache=None) as client:
        tools = {t.name for t in (await client.list_tools()).tools}
        assert {"profile_table", "get_column_metadata", "list_tables", "set_column_type"} <= tools
        result = structured(await client.call_tool("profile_table", {"target": str(csv)}))
        assert result["tables"][0]["table"]["name"] == "data.people"
        meta = structured(await client.call_tool("get_column_metadata", {"table": "people", "column": "email"}))
        assert meta["columns"][0]["pattern"] == "email"
        # A second file in the folder, never profiled: find_join_path profiles it first.
        (tmp_path / "data" / "visits.csv").write_text("visit_id,person_id\n1,1\n2,1\n3,2\n4,2\n5,1\n6,2\n")
        path = structured(await client.call_tool("find_join_path", {"from_table": "data.visits", "to_table": "data.people"}))
        assert path["found"] is True
        assert path["paths"][0]["steps"][0]["from_columns"] == ["person_id"]


def test_every_stdout_line_is_json_rpc(tmp_path: Path) -> None:
    env = {**os.environ, **_env(tmp_path, f"sqlite+aiosqlite:///{tmp_path / 'm.db'}")}
    csv = tmp_path / "data" / "t.csv"
    csv.write_text("a,b\n1,x\n2,y\n")
    messages = [
        {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
            "protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "t", "version": "1"}}},
        {"jsonrpc": "2.0", "method": "notifications/initialized"},
        {"jsonrpc": "2.0", "id": 2, "method": "tools/list"},
        {"jsonrpc": "2.0", "id": 3, "method": "tools/call", "params": {"name": "profile_table", "arguments": {"target": str(csv)}}},
        {"jsonrpc": "2.0", "id": 4, "method": "tools/call", "params": {"name": "get_column_metadata", "arguments": {"table": "nope"}}},
    ]
    proc = subprocess.Popen(
        [str(SCRIPT), "serve"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
    )
    assert proc.stdin is not None
    assert proc.stdout is not None
    replies: dict[int, dict] = {}
    lines: list[bytes] = []
    for message in messages:
        proc.stdin.write(json.dumps(message).encode() + b"\n")
        proc.stdin.flush()
        if "id" not in message:
            continue
        while message["id"] not in replies:
            line = proc.stdout.readline()
            assert line, proc.stderr.read().decode() if proc.stderr else "server closed stdout"
            lines.append(line)
            parsed = json.loads(line)
            assert parsed["jsonrpc"] == "2.0"
            if "id" in parsed and ("result" in parsed or "error" in parsed):
                replies[parsed["id"]] = parsed
    rest, _ = proc.communicate(timeout=30)  # closes stdin: the server ends on EOF
    lines.extend(ln for ln in rest.splitlines(keepends=True) if ln)
    for line in lines:
        assert json.loads(line)["jsonrpc"] == "2.0"
    assert replies[3]["result"]["isError"] is False
    assert replies[4]["result"]["isError"] is True
