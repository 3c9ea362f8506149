"""SQL of the store's views, per dialect.

The initial migration creates these views from here. A later migration that changes a view
must carry the previous definition itself (for its downgrade), since this module always holds
the current one.

Deviation from the data model: its ``v_column_metadata`` LEFT JOINs ``type_candidates`` (many
rows per column) and ``quality_scores`` (versioned, many rows per column) directly, which
repeats a column once per candidate times once per score. Here the view joins one candidate
per column, the one whose ``data_type`` is the column's decided type (``type_decisions``),
else the most confident, then the most recently detected, and only the latest quality score
of the column (by ``computed_at``). The view thus has exactly one row per column; its columns
are those of the data model, in its order.

``v_latest_profiles`` uses ``DISTINCT ON`` on PostgreSQL and a ``ROW_NUMBER()`` window on
SQLite; both list the profile columns explicitly so the view's columns are exactly those of
``column_profiles`` (a window's row number would otherwise leak into it). Everywhere a
"latest" or "best" row is picked, NULL timestamps sort last (the two backends disagree on
where NULLs go by default) and the row id breaks ties, so both backends pick the same row.
"""

from __future__ import annotations

from typing import Literal

Dialect = Literal["sqlite", "postgresql"]

VIEW_NAMES: tuple[str, ...] = ("v_latest_profiles", "v_column_metadata", "v_relationship_graph")
"""In creation order (``v_column_metadata`` reads ``v_latest_profiles``)."""

_PROFILE_COLUMNS = """\
    profile_id,
    column_id,
    profiled_at,
    total_count,
    null_count,
    distinct_count,
    min_value,
    max_value,
    mean_value,
    stddev_value,
    percentiles,
    min_length,
    max_length,
    avg_length,
    histogram,
    top_values,
    cardinality_ratio,
    null_ratio"""

_LATEST_PROFILES_POSTGRESQL = f"""\
CREATE VIEW v_latest_profiles AS
SELECT DISTINCT ON (column_id)
{_PROFILE_COLUMNS}
FROM column_profiles
ORDER BY column_id, profiled_at DESC NULLS LAST, profile_id"""

_LATEST_PROFILES_SQLITE = f"""\
CREATE VIEW v_latest_profiles AS
SELECT
{_PROFILE_COLUMNS}
FROM (
    SELECT
        column_profiles.*,
        ROW_NUMBER() OVER (
            PARTITION BY column_id
            ORDER BY profiled_at DESC NULLS LAST, profile_id
        ) AS profile_rank
    FROM column_profiles
) AS ranked_profiles
WHERE profile_rank = 1"""

# Portable SQL (window functions and NULLS LAST exist in SQLite >= 3.30 and PostgreSQL).
_COLUMN_METADATA = """\
CREATE VIEW v_column_metadata AS
SELECT
    c.column_id,
    c.column_name,
    c.resolved_type,
    t.table_name,
    s.name AS source_name,
    p.total_count,
    p.null_ratio,
    p.cardinality_ratio,
    tc.detected_pattern,
    tc.detected_unit,
    sa.semantic_role,
    sa.entity_type,
    sa.business_name,
    tp.detected_granularity,
    qs.overall_score AS quality_score
FROM columns c
JOIN tables t ON c.table_id = t.table_id
JOIN sources s ON t.source_id = s.source_id
LEFT JOIN v_latest_profiles p ON c.column_id = p.column_id
LEFT JOIN (
    SELECT
        cand.column_id,
        cand.detected_pattern,
        cand.detected_unit,
        ROW_NUMBER() OVER (
            PARTITION BY cand.column_id
            ORDER BY
                CASE WHEN cand.data_type = td.decided_type THEN 0 ELSE 1 END,
                cand.confidence DESC,
                cand.detected_at DESC NULLS LAST,
                cand.candidate_id
        ) AS candidate_rank
    FROM type_candidates cand
    LEFT JOIN type_decisions td ON td.column_id = cand.column_id
) tc ON c.column_id = tc.column_id AND tc.candidate_rank = 1
LEFT JOIN semantic_annotations sa ON c.column_id = sa.column_id
LEFT JOIN temporal_profiles tp ON c.column_id = tp.column_id
LEFT JOIN (
    SELECT
        column_id,
        overall_score,
        ROW_NUMBER() OVER (
            PARTITION BY column_id
            ORDER BY computed_at DESC NULLS LAST, score_id
        ) AS score_rank
    FROM quality_scores
    WHERE column_id IS NOT NULL
) qs ON c.column_id = qs.column_id AND qs.score_rank = 1"""

_RELATIONSHIP_GRAPH = """\
CREATE VIEW v_relationship_graph AS
SELECT
    r.relationship_id,
    ft.table_name AS from_table,
    fc.column_name AS from_column,
    tt.table_name AS to_table,
    tc.column_name AS to_column,
    r.relationship_type,
    r.cardinality,
    r.confidence,
    r.is_confirmed
FROM relationships r
JOIN columns fc ON r.from_column_id = fc.column_id
JOIN tables ft ON fc.table_id = ft.table_id
JOIN columns tc ON r.to_column_id = tc.column_id
JOIN tables tt ON tc.table_id = tt.table_id"""

_VIEWS: dict[str, dict[Dialect, str]] = {
    "v_latest_profiles": {
        "postgresql": _LATEST_PROFILES_POSTGRESQL,
        "sqlite": _LATEST_PROFILES_SQLITE,
    },
    "v_column_metadata": {"postgresql": _COLUMN_METADATA, "sqlite": _COLUMN_METADATA},
    "v_relationship_graph": {"postgresql": _RELATIONSHIP_GRAPH, "sqlite": _RELATIONSHIP_GRAPH},
}


def _check_dialect(dialect: str) -> Dialect:
    if dialect == "sqlite":
        return "sqlite"
    if dialect == "postgresql":
        return "postgresql"
    raise ValueError(f"no view definitions for dialect {dialect!r}")


def create_view_sql(name: str, dialect: str) -> str:
    """The ``CREATE VIEW`` statement of view ``name`` for ``dialect``."""
    return _VIEWS[name][_check_dialect(dialect)]


def create_views_sql(dialect: str) -> list[str]:
    """``CREATE VIEW`` statements of all views, in dependency order."""
    return [create_view_sql(name, dialect) for name in VIEW_NAMES]


def drop_views_sql() -> list[str]:
    """``DROP VIEW`` statements of all views, dependents first (same SQL on both backends)."""
    return [f"DROP VIEW IF EXISTS {name}" for name in reversed(VIEW_NAMES)]
