"""Python values DuckDB returns, turned into the floats kept as bounds."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


def as_bound(value: object) -> float | None:
    """A number, or epoch seconds for a date/timestamp (naive ones read as UTC), or seconds
    since midnight for a time; None for anything else (NULL, text, infinite dates)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float | Decimal):
        return float(value)
    if isinstance(value, dt.datetime):
        aware = value if value.tzinfo else value.replace(tzinfo=dt.UTC)
        return (aware - _EPOCH).total_seconds()
    if isinstance(value, dt.date):
        return (dt.datetime(value.year, value.month, value.day, tzinfo=dt.UTC) - _EPOCH).total_seconds()
    if isinstance(value, dt.time):
        return value.hour * 3600 + value.minute * 60 + value.second + value.microsecond / 1e6
    return None
