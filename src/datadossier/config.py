"""Settings: one pydantic-settings class, read from ``DATADOSSIER_*`` environment variables.

The README's settings table is kept in step with this class by a test; add a field here and
document it there.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import Annotated

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

# "NaN"/"nan" is how pandas and numpy write a missing float when asked for text, "n/a" how
# many spreadsheets do, "\N" how MySQL and PostgreSQL dumps (and IMDb's files) do, "Null" how
# the London smart meter readings do: all are missing values, not numbers or text.
DEFAULT_NULL_TOKENS = ("", "NA", "N/A", "n/a", "NULL", "null", "Null", "None", "NaN", "nan", "-", "?", "#N/A", "\\N")


def _split_list(value: object) -> object:
    """Accept a comma- or os.pathsep-separated string for list settings."""
    if isinstance(value, str):
        sep = "," if "," in value else ":"
        return [part.strip() for part in value.split(sep) if part.strip()]
    return value


class Settings(BaseSettings):
    """Everything the server and CLI can be configured with."""

    model_config = SettingsConfigDict(env_prefix="DATADOSSIER_", extra="ignore")

    home: Path = Field(
        default_factory=lambda: Path.home() / ".datadossier",
        description="Workspace directory: holds the DuckDB data file and, by default, the SQLite store.",
    )
    store_url: str | None = Field(
        default=None,
        description=(
            "SQLAlchemy URL of the metadata store. Default: a SQLite file `metadata.db` in HOME. "
            "PostgreSQL: `postgresql+asyncpg://user:pass@host/db` (tables go in schema `metadata`)."
        ),
    )
    roots: Annotated[list[Path], NoDecode] = Field(
        default_factory=lambda: [Path.cwd()],
        description="Directories the server may read data files from (comma-separated). Default: the current directory.",
    )
    read_only: bool = Field(
        default=False,
        description="Refuse every tool and command that writes data or metadata.",
    )
    threads: int = Field(default=2, ge=1, description="DuckDB worker threads.")
    memory_limit: str = Field(
        default="1.5GB",
        description="DuckDB memory limit, e.g. `4GB`; work beyond it spills to HOME/tmp. The default keeps a 10M-row profile under 2 GB of RSS.",
    )
    null_tokens: Annotated[list[str], NoDecode] = Field(
        default_factory=lambda: list(DEFAULT_NULL_TOKENS),
        description="CSV cell values read as NULL (comma-separated; an empty cell is always NULL).",
    )
    exact_distinct_max_rows: int = Field(
        default=1_000_000,
        ge=0,
        description="Tables with at most this many rows get exact distinct counts; larger ones use HyperLogLog estimates.",
    )
    max_columns: int = Field(
        default=2000, ge=1, description="Files with more columns than this are refused with a clear error."
    )
    query_timeout_seconds: float = Field(
        default=600.0, gt=0, description="DuckDB work taking longer than this is interrupted."
    )
    max_result_rows: int = Field(
        default=200, ge=1, description="Upper bound on list items a tool returns before it says `truncated`."
    )
    http_token: str | None = Field(
        default=None,
        description="Bearer token required by the HTTP transport; needed to listen on a non-loopback address.",
    )
    log_level: str = Field(default="WARNING", description="Log level of the server's stderr log.")

    @field_validator("roots", "null_tokens", mode="before")
    @classmethod
    def _lists(cls, value: object) -> object:
        return _split_list(value)

    @field_validator("roots")
    @classmethod
    def _resolve_roots(cls, value: list[Path]) -> list[Path]:
        return [Path(p).expanduser().resolve() for p in value]

    @field_validator("home")
    @classmethod
    def _resolve_home(cls, value: Path) -> Path:
        return Path(value).expanduser().resolve()

    @cached_property
    def resolved_store_url(self) -> str:
        """The store URL, defaulting to a SQLite file in the workspace."""
        return self.store_url or f"sqlite+aiosqlite:///{self.home / 'metadata.db'}"

    @cached_property
    def duckdb_path(self) -> Path:
        """The workspace DuckDB file holding the raw, typed and quarantine layers."""
        return self.home / "workspace.duckdb"
