"""Profiling: per-column statistics computed in DuckDB (counts, distributions, top values)."""

from datadossier.profiling.model import ColumnProfile
from datadossier.profiling.profiler import profile_columns

__all__ = ["ColumnProfile", "profile_columns"]
