"""Streamable HTTP: loopback by default, a bearer token when one is set, refusal otherwise."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

SCRIPT = Path(sys.executable).parent / "datadossier"
INITIALIZE = {
    "jsonrpc": "2.0", "id": 1, "method": "initialize",
    "params": {"protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "t", "version": "1"}},
}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    return {
        **os.environ,
        "DATADOSSIER_HOME": str(tmp_path / "home"),
        "DATADOSSIER_STORE_URL": f"sqlite+aiosqlite:///{tmp_path / 'm.db'}",
        "DATADOSSIER_ROOTS": str(tmp_path),
        **extra,
    }


def _post(port: int, token: str | None) -> tuple[int, str]:
    headers = {"Content-Type": "application/json", "Accept": "application/json, text/event-stream"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/mcp", data=json.dumps(INITIALIZE).encode(), headers=headers, method="POST"
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode()


@pytest.fixture
def http_server(tmp_path: Path):
    port = _free_port()
    proc = subprocess.Popen(
        [str(SCRIPT), "serve", "--http", f"127.0.0.1:{port}"],
        env=_env(tmp_path, DATADOSSIER_HTTP_TOKEN="s3cret"),
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
            time.sleep(0.1)
    yield port
    proc.terminate()
    proc.communicate(timeout=10)


def test_requests_need_the_bearer_token(http_server: int) -> None:
    status, _ = _post(http_server, None)
    assert status == 401
    status, _ = _post(http_server, "wrong")
    assert status == 401
    status, body = _post(http_server, "s3cret")
    assert status == 200
    assert "datadossier" in body


def test_a_non_loopback_address_without_a_token_is_refused(tmp_path: Path) -> None:
    done = subprocess.run(
        [str(SCRIPT), "serve", "--http", f"0.0.0.0:{_free_port()}"],
        env={k: v for k, v in _env(tmp_path).items() if k != "DATADOSSIER_HTTP_TOKEN"},
        capture_output=True, text=True, timeout=60,
    )
    assert done.returncode == 2
    assert "DATADOSSIER_HTTP_TOKEN" in done.stderr
