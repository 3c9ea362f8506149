"""Histogram bucket arithmetic: equal-width numeric buckets and calendar periods.

Pure functions; the profiler turns a plan into SQL and the counts DuckDB returns into the
``[{"bucket": ..., "count": ...}]`` lists stored with a profile.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

MAX_NUMERIC_BUCKETS = 20
MAX_PERIOD_BUCKETS = 60

Period = Literal["day", "week", "month", "quarter", "year", "decade", "century"]
PERIODS: tuple[Period, ...] = ("day", "week", "month", "quarter", "year", "decade", "century")
# Years a decade or a century starts in a multiple of.
_YEARS_OF = {"decade": 10, "century": 100}


@dataclass(frozen=True, slots=True)
class NumericBuckets:
    """Equal-width buckets over ``[lower, upper]``.

    Bucket ``k`` holds values with ``floor((x - lower) / width) == k``, clamped into
    ``0 .. count - 1`` so the maximum lands in the last bucket. Integer columns get an
    integer width, so every bucket covers whole numbers and ``[lo, hi)`` reads exactly.
    """

    lower: float
    upper: float
    width: float
    count: int
    integer: bool

    @property
    def sql_width(self) -> float:
        """The divisor bound into SQL; a zero-width range puts everything in bucket 0."""
        return self.width if self.width > 0 else 1.0

    def edges(self, k: int) -> tuple[float, float]:
        """Lower and upper edge of bucket ``k``."""
        lo = self.lower + k * self.width
        if not self.integer and k == self.count - 1:
            return lo, self.upper
        return lo, self.lower + (k + 1) * self.width

    def label(self, k: int) -> str:
        """``[lo, hi)``; the last bucket of a float range is closed, ``[lo, hi]``."""
        lo, hi = self.edges(k)
        closing = "]" if not self.integer and k == self.count - 1 else ")"
        return f"[{format_number(lo)}, {format_number(hi)}{closing}"


def plan_numeric_buckets(
    lower: float, upper: float, *, integer: bool, max_buckets: int = MAX_NUMERIC_BUCKETS
) -> NumericBuckets | None:
    """Equal-width buckets for a column whose values lie in ``[lower, upper]``.

    None when the range is not finite (NaN or infinities make equal widths meaningless).
    """
    if not (math.isfinite(lower) and math.isfinite(upper)) or upper < lower:
        return None
    if integer:
        span = upper - lower + 1
        width = float(max(1, math.ceil(span / max_buckets)))
        return NumericBuckets(lower, upper, width, math.ceil(span / width), integer=True)
    if upper == lower:
        return NumericBuckets(lower, upper, 0.0, 1, integer=False)
    return NumericBuckets(lower, upper, (upper - lower) / max_buckets, max_buckets, integer=False)


def numeric_histogram(plan: NumericBuckets, counts: dict[int, int]) -> list[dict[str, object]]:
    """Every bucket of the plan in order, empty ones included, from ``{bucket: count}``."""
    out: list[dict[str, object]] = []
    for k in range(plan.count):
        lo, hi = plan.edges(k)
        out.append({"bucket": plan.label(k), "lower": lo, "upper": hi, "count": counts.get(k, 0)})
    return out


def format_number(value: float) -> str:
    """Short text for a bucket edge: integers without ``.0``, others to 10 significant digits."""
    if value == int(value) and abs(value) < 1e15:
        return str(int(value))
    return format(value, ".10g")


# Calendar periods -----------------------------------------------------------------------


def period_start(day: date, period: Period) -> date:
    """The first day of the period containing ``day`` (as DuckDB's ``date_trunc`` computes it;
    weeks start on Monday; a decade or a century starts in a year divisible by ten or a
    hundred)."""
    if period == "day":
        return day
    if period == "week":
        return day - timedelta(days=day.weekday())
    if period == "month":
        return day.replace(day=1)
    if period == "quarter":
        return date(day.year, (day.month - 1) // 3 * 3 + 1, 1)
    if period == "year":
        return date(day.year, 1, 1)
    years = _YEARS_OF[period]
    return date(max(day.year // years * years, 1), 1, 1)


def next_period(start: date, period: Period) -> date:
    """The start of the period after the one starting on ``start``."""
    if period == "day":
        return start + timedelta(days=1)
    if period == "week":
        return start + timedelta(days=7)
    months = {"month": 1, "quarter": 3, "year": 12, "decade": 120, "century": 1200}[period]
    if start.year == 1 and period in _YEARS_OF:  # (the first decade and century start in year 1, not 0)
        months -= 12
    index = start.year * 12 + start.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def period_count(first: date, last: date, period: Period) -> int:
    """How many periods the range ``first .. last`` touches."""
    a, b = period_start(first, period), period_start(last, period)
    if period == "day":
        return (b - a).days + 1
    if period == "week":
        return (b - a).days // 7 + 1
    months = (b.year - a.year) * 12 + b.month - a.month
    step = {"month": 1, "quarter": 3, "year": 12, "decade": 120, "century": 1200}[period]
    return months // step + 1


def choose_period(first: date, last: date, max_buckets: int = MAX_PERIOD_BUCKETS) -> Period:
    """The finest period that covers ``first .. last`` in at most ``max_buckets`` buckets
    (centuries when nothing finer fits: NASA's meteorite landings span 860 to 2101).

    Weeks only fill the gap between a couple of months and a year: once the range touches
    twelve months, months read better than 53 ISO weeks.
    """
    for period in PERIODS:
        if period == "week" and period_count(first, last, "month") >= 12:
            continue
        if period_count(first, last, period) <= max_buckets:
            return period
    return "century"


def period_label(start: date, period: Period) -> str:
    """Readable bucket name: ``2021-03-05``, ``2021-W09``, ``2021-03``, ``2021-Q1``, ``2021``,
    ``2020s``, ``1800-1899``."""
    if period == "day":
        return start.isoformat()
    if period == "week":
        iso = start.isocalendar()
        return f"{iso.year:04d}-W{iso.week:02d}"
    if period == "month":
        return f"{start.year:04d}-{start.month:02d}"
    if period == "quarter":
        return f"{start.year:04d}-Q{(start.month - 1) // 3 + 1}"
    if period == "year":
        return f"{start.year:04d}"
    if period == "century":
        return f"{start.year:04d}-{start.year // 100 * 100 + 99:04d}"
    return f"{start.year:04d}s"


def period_histogram(
    first: date, last: date, period: Period, counts: dict[date, int]
) -> list[dict[str, object]]:
    """Every period from ``first`` to ``last`` in order, empty ones included."""
    out: list[dict[str, object]] = []
    start, end = period_start(first, period), period_start(last, period)
    while start <= end:
        out.append({"bucket": period_label(start, period), "count": counts.get(start, 0)})
        if start == end:  # stepping past the last period could leave Python's date range
            break
        start = next_period(start, period)
    return out
