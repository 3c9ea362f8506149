"""Domain objects produced by type inference (no I/O here)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

DataType = Literal[
    "BIGINT", "INTEGER", "DOUBLE", "DECIMAL", "BOOLEAN", "DATE", "TIMESTAMP", "TIME", "VARCHAR"
]
DATA_TYPES: tuple[DataType, ...] = (
    "BIGINT", "INTEGER", "DOUBLE", "DECIMAL", "BOOLEAN", "DATE", "TIMESTAMP", "TIME", "VARCHAR"
)


@dataclass(frozen=True, slots=True)
class TypeCandidate:
    """One possible type for a column, with the evidence for it over the whole column."""

    data_type: DataType
    confidence: float
    parse_success_rate: float
    failed_examples: list[str] = field(default_factory=list)
    detected_pattern: str | None = None
    pattern_match_rate: float | None = None
    detected_unit: str | None = None
    unit_confidence: float | None = None
    # Extra facts the decision or the report can use (e.g. {"ambiguous_day_month": true}).
    details: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ColumnInference:
    """Everything inference learnt about one column: candidates (best first) and the decision."""

    column_name: str
    raw_type: str
    candidates: list[TypeCandidate]
    decided_type: DataType
    decided_pattern: str | None
    reason: str
    non_null_count: int
    # Numeric or temporal range of the decided cast, when inference already computed it;
    # lets the profiler build equal-width histograms without a second pass.
    bounds: tuple[float, float] | None = None
    # What the sample of a text column showed: the share of distinct values among the sampled
    # ones, and the longest sampled value. None for columns the source typed.
    sampled_distinct_share: float | None = None
    sampled_max_length: int | None = None
    # Values that mark a missing value in this column (a statistical office's ".", "(X)"), with
    # their counts over the whole column: NULL in the typed layer unless it keeps the column as
    # text, and never quarantined.
    missing_values: dict[str, int] = field(default_factory=dict)
    # A trace under a precipitation's name (NOAA's "T"), with its count over the whole column:
    # 0 in the typed layer of a numeric decision (see `sampling.trace_values`), not missing.
    trace_values: dict[str, int] = field(default_factory=dict)
    # Of ``missing_values``, those a text decision reads as missing too, NULL in its typed
    # layer: the letter the table writes for a missing value in its other columns (IEM's "M"
    # in wxcodes and in its all-"M" skyc3), not a category of the text.
    missing_in_text: tuple[str, ...] = ()
    # Text padded to a width with spaces (see `decide.PADDED_SHARE`): trimmed in the typed layer.
    padded: bool = False
    # Text whose values are wrapped in single quotes (see `decide.QUOTED_SHARE`): unwrapped in
    # the typed layer.
    quoted: bool = False
    # Text of which the sample held values with spaces around them (a value of spaces alone
    # among them): such a value is NULL in the typed layer.
    spaced: bool = False
    # The column naming each row's currency or unit of measure, when it names several (see
    # `row_currency`): the values mix units, so no sum, mean or extreme over them means much.
    unit_column: str | None = None

    @property
    def unit(self) -> str | None:
        """The unit of the decided candidate (``ppm``, ``mg/l``, ``%``), or None."""
        decided = next(
            (c for c in self.candidates if c.data_type == self.decided_type and c.detected_pattern == self.decided_pattern),
            None,
        )
        return decided.detected_unit if decided is not None else None
