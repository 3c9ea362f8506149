"""Domain objects the repositories return (never ORM rows)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


@dataclass(frozen=True, slots=True)
class SourceInfo:
    source_id: uuid.UUID
    name: str
    source_type: str
    config: dict[str, Any]


@dataclass(frozen=True, slots=True)
class TableSummary:
    """A table as agents know it: its typed layer plus the counts of the other layers."""

    table_id: uuid.UUID
    source: str
    table: str
    path: str | None
    file_format: str | None
    row_count: int | None
    raw_rows: int | None
    quarantine_rows: int | None
    column_count: int
    last_profiled_at: datetime | None

    @property
    def qualified_name(self) -> str:
        return f"{self.source}.{self.table}"


@dataclass(frozen=True, slots=True)
class CandidateInfo:
    data_type: str
    confidence: float
    parse_success_rate: float | None
    failed_examples: list[Any]
    detected_pattern: str | None
    pattern_match_rate: float | None
    detected_unit: str | None
    unit_confidence: float | None


@dataclass(frozen=True, slots=True)
class DecisionInfo:
    decided_type: str
    decision_source: str
    decided_by: str | None
    decided_at: datetime | None
    previous_type: str | None
    decision_reason: str | None


@dataclass(frozen=True, slots=True)
class ProfileInfo:
    profiled_at: datetime | None
    total_count: int
    null_count: int
    distinct_count: int | None
    min_value: float | None
    max_value: float | None
    mean_value: float | None
    stddev_value: float | None
    percentiles: dict[str, Any] | None
    min_length: int | None
    max_length: int | None
    avg_length: float | None
    histogram: list[Any] | None
    top_values: list[Any] | None
    cardinality_ratio: float | None
    null_ratio: float | None


@dataclass(frozen=True, slots=True)
class ColumnDetail:
    """One row of ``v_column_metadata`` plus the candidates, decision and latest profile."""

    column_id: uuid.UUID
    column_name: str
    column_position: int
    raw_type: str | None
    resolved_type: str | None
    table_name: str
    source_name: str
    total_count: int | None
    null_ratio: float | None
    cardinality_ratio: float | None
    detected_pattern: str | None
    detected_unit: str | None
    semantic_role: str | None
    entity_type: str | None
    business_name: str | None
    detected_granularity: str | None
    quality_score: float | None
    candidates: list[CandidateInfo] = field(default_factory=list)
    decision: DecisionInfo | None = None
    profile: ProfileInfo | None = None


@dataclass(frozen=True, slots=True)
class FileState:
    """What the store remembers of a file-backed table: its fingerprint, manual decisions,
    and the workspace's copy of the file with how it is read (None when not recorded)."""

    fingerprint: dict[str, Any] | None
    manual_types: dict[str, str]
    typed_table_exists: bool
    file_format: str | None = None
    raw_copy: str | None = None
    read_options: dict[str, Any] | None = None
    dialect: dict[str, Any] | None = None  # a CSV file's, as detected (`CsvDialect.as_dict`)


@dataclass(frozen=True, slots=True)
class LayerWrite:
    """One layer of a table as the pipeline built it: row count and (name, raw, resolved) columns."""

    row_count: int
    columns: list[tuple[str, str | None, str | None]]


@dataclass(frozen=True, slots=True)
class DecisionWrite:
    decided_type: str
    decision_source: str  # 'auto', 'manual', 'rule'
    decision_reason: str | None
    decided_by: str | None = "system"


@dataclass(frozen=True, slots=True)
class RelationshipInfo:
    """A stored relationship; a composite one (several column pairs) is one object.

    ``status``: 'detected', 'confirmed' (kept whatever later runs find) or 'rejected'
    (never proposed again)."""

    relationship_id: uuid.UUID
    relationship_ids: list[uuid.UUID]
    from_table: str
    from_columns: list[str]
    to_table: str
    to_columns: list[str]
    relationship_type: str
    cardinality: str | None
    confidence: float
    detection_method: str | None
    evidence: dict[str, Any]
    status: str
    reviewed_by: str | None = None
    reviewed_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class EntityInfo:
    table: str
    entity_type: str
    grain_columns: list[str] | None
    is_fact_table: bool | None
    is_dimension_table: bool | None
    confidence: float | None
    evidence: dict[str, Any]
    detected_at: datetime | None

    @property
    def role(self) -> str:
        return str(self.evidence.get("role", "unknown"))
