"""One exception hierarchy for the whole package.

Every error carries a ``hint``: what the caller (a person at the CLI or an agent over MCP)
should do next. The tool boundary turns these into MCP error results; nothing else catches
broadly.
"""

from __future__ import annotations


class DatadossierError(Exception):
    """Base of every error the package raises on purpose."""

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} {self.hint}" if self.hint else self.message


class ConfigError(DatadossierError):
    """A setting is missing or invalid."""


class PathNotAllowedError(DatadossierError):
    """A path lies outside the directories the server may read."""


class SourceError(DatadossierError):
    """A data file cannot be read: missing, empty, binary, malformed."""


class TableNotFoundError(DatadossierError):
    """No known table matches the reference."""


class AmbiguousTableError(DatadossierError):
    """A bare table name matches tables of several sources."""


class ColumnNotFoundError(DatadossierError):
    """The table has no column of that name."""


class BusyError(DatadossierError):
    """Another run is already working on the same table."""


class ReadOnlyError(DatadossierError):
    """A write was asked of a server started read-only."""


class StoreError(DatadossierError):
    """The metadata store cannot be reached or migrated."""


class EngineError(DatadossierError):
    """DuckDB failed or was interrupted while working on data."""
