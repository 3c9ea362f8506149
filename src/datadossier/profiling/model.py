"""Domain objects produced by profiling (no I/O here)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class ColumnProfile:
    """Statistics of one column from one profiling pass; maps onto ``column_profiles``."""

    column_name: str
    total_count: int
    null_count: int
    distinct_count: int | None
    distinct_is_approximate: bool
    min_value: float | None = None
    max_value: float | None = None
    mean_value: float | None = None
    stddev_value: float | None = None
    # {"p25": .., "p50": .., "p75": .., "p95": .., "p99": ..}; with "p0" and "p100", the exact
    # min and max, for whole numbers past 2**53 (that a DOUBLE would round).
    percentiles: dict[str, float] | None = None
    min_length: int | None = None
    max_length: int | None = None
    avg_length: float | None = None
    histogram: list[dict[str, object]] | None = None  # [{"bucket": str, "count": int}, ...]
    top_values: list[dict[str, object]] = field(default_factory=list)  # [{"value": str, "count": int}]
    cardinality_ratio: float | None = None
    null_ratio: float | None = None
    # Min and max as text for dates/timestamps/strings (min_value/max_value are numeric only).
    min_text: str | None = None
    max_text: str | None = None
    # Values of a floating-point column that are no finite number, by kind ("+inf", "-inf",
    # "nan"), where it holds any (Prometheus's "+Inf" buckets); mean and stddev are then of
    # the finite values. Not stored: the decision's note names them (`non_finite_notes`).
    non_finite: dict[str, int] | None = None
    # A text column's distinct values written with whitespace before or after them, or equal
    # to another but for case and spacing, with their row counts, where it has at most
    # `queries.SPELLING_MAX_VALUES` distinct values (None above, or for other kinds). Not
    # stored: the decision's note names them (`quality.spelling_notes`).
    spelling: tuple[tuple[str, int], ...] | None = None
