"""Shared fixtures: a private PostgreSQL server and fresh, migrated metadata stores.

``store_url`` is parametrized over both backends (ids ``sqlite`` and ``postgresql``), so every
test built on it, or on ``store_engine``/``sessionmaker``, runs on both. The PostgreSQL server
is started once per session, and only when a test needs it. It never skips: a server that
cannot start fails the tests that need it, with its log.

Set ``DATADOSSIER_TEST_PG_URL`` (e.g. ``postgresql://user:pw@host:5432/postgres``) to use an
existing server instead; its user must be allowed to create databases.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import asyncpg
import pytest
from sqlalchemy.engine import URL, make_url
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from datadossier.store.migrate import upgrade
from datadossier.store.session import create_engine, create_sessionmaker

PG_BIN = Path(os.environ.get("DATADOSSIER_TEST_PG_BIN", "/usr/lib/postgresql/15/bin"))
PG_START_ATTEMPTS = 3


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class _PrivateCluster:
    """A throwaway PostgreSQL cluster in a temporary directory, trust auth on 127.0.0.1."""

    def __init__(self) -> None:
        # Not under pytest's tmp_path: its parent is private to root, and the server runs as
        # the postgres user.
        self.base = Path(tempfile.mkdtemp(prefix="datadossier-pg-"))
        self.data = self.base / "data"
        self.log = self.base / "server.log"
        self.port = 0
        self._as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if self._as_postgres:
            shutil.chown(self.base, user="postgres")

    def _run(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*self._as_postgres, *args],
            cwd=self.base,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )

    def _fail(self, step: str, result: subprocess.CompletedProcess[str]) -> None:
        log = self.log.read_text(errors="replace") if self.log.exists() else ""
        pytest.fail(
            f"Cannot start the test PostgreSQL cluster ({step}, exit {result.returncode}).\n"
            f"stdout: {result.stdout}\nstderr: {result.stderr}\nserver log:\n{log}\n"
            f"Set DATADOSSIER_TEST_PG_URL to use a running server instead.",
            pytrace=False,
        )

    def start(self) -> None:
        if not (PG_BIN / "initdb").exists():
            pytest.fail(
                f"No PostgreSQL server binaries in {PG_BIN}. Install PostgreSQL 15, set "
                "DATADOSSIER_TEST_PG_BIN, or set DATADOSSIER_TEST_PG_URL.",
                pytrace=False,
            )
        result = self._run(
            str(PG_BIN / "initdb"),
            "-D", str(self.data),
            "-A", "trust",
            "-U", "postgres",
            "-E", "UTF8",
            "--no-sync",
        )  # fmt: skip
        if result.returncode != 0:
            self._fail("initdb", result)
        # The free port can be taken between the probe and the start: try a few.
        for attempt in range(1, PG_START_ATTEMPTS + 1):
            self.port = _free_port()
            options = (
                f"-p {self.port} -k {self.base} -c listen_addresses=127.0.0.1 "
                "-c fsync=off -c full_page_writes=off"
            )
            result = self._run(
                str(PG_BIN / "pg_ctl"),
                "-D", str(self.data),
                "-l", str(self.log),
                "-o", options,
                "-w", "start",
            )  # fmt: skip
            if result.returncode == 0:
                return
            if attempt == PG_START_ATTEMPTS:
                self._fail("pg_ctl start", result)

    def stop(self) -> None:
        try:
            self._run(str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop")
        finally:
            shutil.rmtree(self.base, ignore_errors=True)

    @property
    def url(self) -> URL:
        return URL.create(
            "postgresql+asyncpg",
            username="postgres",
            host="127.0.0.1",
            port=self.port,
            database="postgres",
        )


@pytest.fixture(scope="session")
def pg_server_url() -> Iterator[str]:
    """SQLAlchemy URL (``postgresql+asyncpg://``) of a PostgreSQL server's maintenance
    database, on which tests may create databases. Started for the session if needed."""
    existing = os.environ.get("DATADOSSIER_TEST_PG_URL")
    if existing:
        yield (
            make_url(existing)
            .set(drivername="postgresql+asyncpg")
            .render_as_string(hide_password=False)
        )
        return
    cluster = _PrivateCluster()
    try:
        cluster.start()
        yield cluster.url.render_as_string(hide_password=False)
    finally:
        cluster.stop()


async def _admin_execute(server_url: str, sql: str) -> None:
    url = make_url(server_url)
    connection = await asyncpg.connect(
        user=url.username,
        password=url.password,
        host=url.host,
        port=url.port,
        database=url.database or "postgres",
    )
    try:
        await connection.execute(sql)
    finally:
        await connection.close()


@pytest.fixture
async def pg_database_url(pg_server_url: str) -> AsyncIterator[str]:
    """A new, empty PostgreSQL database (``postgresql+asyncpg://`` URL), dropped afterwards."""
    name = f"datadossier_test_{uuid.uuid4().hex[:16]}"
    await _admin_execute(pg_server_url, f'CREATE DATABASE "{name}"')
    try:
        yield make_url(pg_server_url).set(database=name).render_as_string(hide_password=False)
    finally:
        await _admin_execute(pg_server_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """URL of a fresh, empty (unmigrated) metadata store, once per backend."""
    if request.param == "sqlite":
        return f"sqlite+aiosqlite:///{tmp_path / 'store' / 'metadata.db'}"
    return str(request.getfixturevalue("pg_database_url"))


@pytest.fixture
async def store_engine(store_url: str) -> AsyncIterator[AsyncEngine]:
    """An engine on ``store_url``, migrated to head; disposed afterwards."""
    engine = create_engine(store_url)
    try:
        await upgrade(engine)
        yield engine
    finally:
        await engine.dispose()


@pytest.fixture
def sessionmaker(store_engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    """Sessions on the migrated ``store_engine`` (``expire_on_commit=False``)."""
    return create_sessionmaker(store_engine)
