"""Initial schema: the 19 tables, their indexes and the three views of the data model.

Revision ID: 0001
Revises:
Create Date: 2026-11-25

Generated with autogenerate, then cleaned: column types are written as the plain DDL types
they stand for (``TIMESTAMPTZ`` instead of the UTC TypeDecorator, which only changes Python
values), so this script does not depend on the models, and indexes are created directly.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from datadossier.store.views import create_views_sql, drop_views_sql

revision: str = "0001"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JSON_TYPE = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
STRING_ARRAY = sa.JSON().with_variant(postgresql.ARRAY(sa.String()), "postgresql")
TIMESTAMPTZ = sa.DateTime(timezone=True)

# Dependents first, so each drop succeeds.
_TABLES_IN_DROP_ORDER = (
    "quality_results",
    "type_decisions",
    "type_candidates",
    "temporal_profiles",
    "semantic_annotations",
    "relationships",
    "quality_scores",
    "quality_rules",
    "column_profiles",
    "table_entities",
    "review_queue",
    "ontology_applications",
    "join_paths",
    "columns",
    "tables",
    "llm_cache",
    "checkpoints",
    "sources",
    "ontologies",
)


def upgrade() -> None:
    op.create_table(
        "ontologies",
        sa.Column("ontology_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("version", sa.String(), nullable=True),
        sa.Column("concepts", JSON_TYPE, nullable=True),
        sa.Column("metrics", JSON_TYPE, nullable=True),
        sa.Column("quality_rules", JSON_TYPE, nullable=True),
        sa.Column("semantic_hints", JSON_TYPE, nullable=True),
        sa.Column("is_builtin", sa.Boolean(), server_default=sa.false(), nullable=True),
        sa.Column("created_at", TIMESTAMPTZ, nullable=True),
        sa.Column("updated_at", TIMESTAMPTZ, nullable=True),
        sa.PrimaryKeyConstraint("ontology_id", name=op.f("pk_ontologies")),
        sa.UniqueConstraint("name", name=op.f("uq_ontologies_name")),
    )
    op.create_table(
        "sources",
        sa.Column("source_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("source_type", sa.String(), nullable=False),
        sa.Column("connection_config", JSON_TYPE, nullable=True),
        sa.Column("created_at", TIMESTAMPTZ, nullable=True),
        sa.Column("updated_at", TIMESTAMPTZ, nullable=True),
        sa.PrimaryKeyConstraint("source_id", name=op.f("pk_sources")),
        sa.UniqueConstraint("name", name=op.f("uq_sources_name")),
    )
    op.create_table(
        "checkpoints",
        sa.Column("checkpoint_id", sa.Uuid(), nullable=False),
        sa.Column("dataflow_name", sa.String(), nullable=False),
        sa.Column("source_id", sa.Uuid(), nullable=True),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("checkpoint_type", sa.String(), nullable=False),
        sa.Column("created_at", TIMESTAMPTZ, nullable=True),
        sa.Column("resumed_at", TIMESTAMPTZ, nullable=True),
        sa.Column("completed_at", TIMESTAMPTZ, nullable=True),
        sa.Column("checkpoint_state", JSON_TYPE, nullable=True),
        sa.Column("result_summary", JSON_TYPE, nullable=True),
        sa.Column("error_message", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["source_id"], ["sources.source_id"], name=op.f("fk_checkpoints_source_id_sources")
        ),
        sa.PrimaryKeyConstraint("checkpoint_id", name=op.f("pk_checkpoints")),
    )
    op.create_index("idx_checkpoints_status", "checkpoints", ["status"])

    op.create_table(
        "llm_cache",
        sa.Column("cache_id", sa.Uuid(), nullable=False),
        sa.Column("cache_key", sa.String(), nullable=False),
        sa.Column("feature", sa.String(), nullable=False),
        sa.Column("source_id", sa.Uuid(), nullable=True),
        sa.Column("table_ids", JSON_TYPE, nullable=True),
        sa.Column("ontology", sa.String(), nullable=True),
        sa.Column("provider", sa.String(), nullable=False),
        sa.Column("model", sa.String(), nullable=False),
        sa.Column("prompt_hash", sa.String(), nullable=True),
        sa.Column("response_json", JSON_TYPE, nullable=False),
        sa.Column("input_tokens", sa.Integer(), nullable=True),
        sa.Column("output_tokens", sa.Integer(), nullable=True),
        sa.Column("created_at", TIMESTAMPTZ, nullable=True),
        sa.Column("expires_at", TIMESTAMPTZ, nullable=True),
        sa.Column("is_valid", sa.Boolean(), server_default=sa.true(), nullable=True),
        sa.ForeignKeyConstraint(
            ["source_id"], ["sources.source_id"], name=op.f("fk_llm_cache_source_id_sources")
        ),
        sa.PrimaryKeyConstraint("cache_id", name=op.f("pk_llm_cache")),
        sa.UniqueConstraint("cache_key", name=op.f("uq_llm_cache_cache_key")),
    )
    op.create_index(
        "idx_llm_cache_feature",
        "llm_cache",
        ["feature", "source_id"],
        postgresql_where=sa.text("is_valid = TRUE"),
        sqlite_where=sa.text("is_valid = TRUE"),
    )
    op.create_index("idx_llm_cache_key", "llm_cache", ["cache_key"])

    op.create_table(
        "tables",
        sa.Column("table_id", sa.Uuid(), nullable=False),
        sa.Column("source_id", sa.Uuid(), nullable=True),
        sa.Column("table_name", sa.String(), nullable=False),
        sa.Column("layer", sa.String(), nullable=False),
        sa.Column("duckdb_path", sa.String(), nullable=True),
        sa.Column("row_count", sa.BigInteger(), nullable=True),
        sa.Column("created_at", TIMESTAMPTZ, nullable=True),
        sa.Column("last_profiled_at", TIMESTAMPTZ, nullable=True),
        sa.ForeignKeyConstraint(
            ["source_id"], ["sources.source_id"], name=op.f("fk_tables_source_id_sources")
        ),
        sa.PrimaryKeyConstraint("table_id", name=op.f("pk_tables")),
        sa.UniqueConstraint(
            "source_id", "table_name", "layer", name=op.f("uq_tables_source_id_table_name_layer")
        ),
    )
    op.create_table(
        "columns",
        sa.Column("column_id", sa.Uuid(), nullable=False),
        sa.Column("table_id", sa.Uuid(), nullable=True),
        sa.Column("column_name", sa.String(), nullable=False),
        sa.Column("column_position", sa.Integer(), nullable=False),
        sa.Column("raw_type", sa.String(), nullable=True),
        sa.Column("resolved_type", sa.String(), nullable=True),
        sa.ForeignKeyConstraint(
            ["table_id"],
            ["tables.table_id"],
            name=op.f("fk_columns_table_id_tables"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("column_id", name=op.f("pk_columns")),
        sa.UniqueConstraint(
            "table_id", "column_name", name=op.f("uq_columns_table_id_column_name")
        ),
    )
    op.create_index("idx_columns_table", "columns", ["table_id"])

    op.create_table(
        "join_paths",
        sa.Column("path_id", sa.Uuid(), nullable=False),
        sa.Column("from_table_id", sa.Uuid(), nullable=True),
        sa.Column("to_table_id", sa.Uuid(), nullable=True),
        sa.Column("path_steps", JSON_TYPE, nullable=False),
        sa.Column("path_length", sa.Integer(), nullable=False),
        sa.Column("total_confidence", sa.Double(), nullable=True),
        sa.Column("computed_at", TIMESTAMPTZ, nullable=True),
        sa.ForeignKeyConstraint(
            ["from_table_id"], ["tables.table_id"], name=op.f("fk_join_paths_from_table_id_tables")
        ),
        sa.ForeignKeyConstraint(
            ["to_table_id"], ["tables.table_id"], name=op.f("fk_join_paths_to_table_id_tables")
        ),
        sa.PrimaryKeyConstraint("path_id", name=op.f("pk_join_paths")),
        sa.UniqueConstraint(
            "from_table_id",
            "to_table_id",
            "path_steps",
            name=op.f("uq_join_paths_from_table_id_to_table_id_path_steps"),
        ),
    )
    op.create_table(
        "ontology_applications",
        sa.Column("application_id", sa.Uuid(), nullable=False),
        sa.Column("table_id", sa.Uuid(), nullable=True),
        sa.Column("ontology_id", sa.Uuid(), nullable=True),
        sa.Column("matched_concepts", JSON_TYPE, nullable=True),
        sa.Column("applicable_metrics", JSON_TYPE, nullable=True),
        sa.Column("applied_rules", JSON_TYPE, nullable=True),
        sa.Column("applied_at", TIMESTAMPTZ, nullable=True),
        sa.ForeignKeyConstraint(
            ["ontology_id"],
            ["ontologies.ontology_id"],
            name=op.f("fk_ontology_applications_ontology_id_ontologies"),
        ),
        sa.ForeignKeyConstraint(
            ["table_id"], ["tables.table_id"], name=op.f("fk_ontology_applications_table_id_tables")
        ),
        sa.PrimaryKeyConstraint("application_id", name=op.f("pk_ontology_applications")),
    )
    op.create_table(
        "review_queue",
        sa.Column("review_id", sa.Uuid(), nullable=False),
        sa.Column("checkpoint_id", sa.Uuid(), nullable=True),
        sa.Column("review_type", sa.String(), nullable=False),
        sa.Column("item_id", sa.Uuid(), nullable=False),
        sa.Column("context_data", JSON_TYPE, nullable=True),
        sa.Column("suggested_action", JSON_TYPE, nullable=True),
        sa.Column("status", sa.String(), server_default="pending", nullable=True),
        sa.Column("reviewed_at", TIMESTAMPTZ, nullable=True),
        sa.Column("reviewed_by", sa.String(), nullable=True),
        sa.Column("review_notes", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["checkpoint_id"],
            ["checkpoints.checkpoint_id"],
            name=op.f("fk_review_queue_checkpoint_id_checkpoints"),
        ),
        sa.PrimaryKeyConstraint("review_id", name=op.f("pk_review_queue")),
    )
    op.create_index(
        "idx_review_queue_status",
        "review_queue",
        ["status"],
        postgresql_where=sa.text("status = 'pending'"),
        sqlite_where=sa.text("status = 'pending'"),
    )

    op.create_table(
        "table_entities",
        sa.Column("entity_id", sa.Uuid(), nullable=False),
        sa.Column("table_id", sa.Uuid(), nullable=True),
        sa.Column("detected_entity_type", sa.String(), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("confidence", sa.Double(), nullable=True),
        sa.Column("evidence", JSON_TYPE, nullable=True),
        sa.Column("grain_columns", STRING_ARRAY, nullable=True),
        sa.Column("is_fact_table", sa.Boolean(), nullable=True),
        sa.Column("is_dimension_table", sa.Boolean(), nullable=True),
        sa.Column("detection_source", sa.String(), nullable=True),
        sa.Column("detected_at", TIMESTAMPTZ, nullable=True),
        sa.ForeignKeyConstraint(
            ["table_id"],
            ["tables.table_id"],
            name=op.f("fk_table_entities_table_id_tables"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("entity_id", name=op.f("pk_table_entities")),
    )
    op.create_table(
        "column_profiles",
        sa.Column("profile_id", sa.Uuid(), nullable=False),
        sa.Column("column_id", sa.Uuid(), nullable=True),
        sa.Column("profiled_at", TIMESTAMPTZ, nullable=True),
        sa.Column("total_count", sa.BigInteger(), nullable=False),
        sa.Column("null_count", sa.BigInteger(), nullable=False),
        sa.Column("distinct_count", sa.BigInteger(), nullable=True),
        sa.Column("min_value", sa.Double(), nullable=True),
        sa.Column("max_value", sa.Double(), nullable=True),
        sa.Column("mean_value", sa.Double(), nullable=True),
        sa.Column("stddev_value", sa.Double(), nullable=True),
        sa.Column("percentiles", JSON_TYPE, nullable=True),
        sa.Column("min_length", sa.Integer(), nullable=True),
        sa.Column("max_length", sa.Integer(), nullable=True),
        sa.Column("avg_length", sa.Double(), nullable=True),
        sa.Column("histogram", JSON_TYPE, nullable=True),
        sa.Column("top_values", JSON_TYPE, nullable=True),
        sa.Column("cardinality_ratio", sa.Double(), nullable=True),
        sa.Column("null_ratio", sa.Double(), nullable=True),
        sa.ForeignKeyConstraint(
            ["column_id"],
            ["columns.column_id"],
            name=op.f("fk_column_profiles_column_id_columns"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("profile_id", name=op.f("pk_column_profiles")),
    )
    op.create_index(
        "idx_column_profiles_latest",
        "column_profiles",
        ["column_id", sa.literal_column("profiled_at DESC")],
    )

    op.create_table(
        "quality_rules",
        sa.Column("rule_id", sa.Uuid(), nullable=False),
        sa.Column("table_id", sa.Uuid(), nullable=True),
        sa.Column("column_id", sa.Uuid(), nullable=True),
        sa.Column("rule_name", sa.String(), nullable=False),
        sa.Column("rule_type", sa.String(), nullable=False),
        sa.Column("rule_expression", sa.Text(), nullable=True),
        sa.Column("rule_parameters", JSON_TYPE, nullable=True),
        sa.Column("severity", sa.String(), server_default="warning", nullable=True),
        sa.Column("source", sa.String(), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("is_active", sa.Boolean(), server_default=sa.true(), nullable=True),
        sa.Column("created_at", TIMESTAMPTZ, nullable=True),
        sa.Column("created_by", sa.String(), nullable=True),
        sa.ForeignKeyConstraint(
            ["column_id"], ["columns.column_id"], name=op.f("fk_quality_rules_column_id_columns")
        ),
        sa.ForeignKeyConstraint(
            ["table_id"], ["tables.table_id"], name=op.f("fk_quality_rules_table_id_tables")
        ),
        sa.PrimaryKeyConstraint("rule_id", name=op.f("pk_quality_rules")),
    )
    op.create_index("idx_quality_rules_column", "quality_rules", ["column_id"])
    op.create_index("idx_quality_rules_table", "quality_rules", ["table_id"])

    op.create_table(
        "quality_scores",
        sa.Column("score_id", sa.Uuid(), nullable=False),
        sa.Column("table_id", sa.Uuid(), nullable=True),
        sa.Column("column_id", sa.Uuid(), nullable=True),
        sa.Column("completeness_score", sa.Double(), nullable=True),
        sa.Column("validity_score", sa.Double(), nullable=True),
        sa.Column("consistency_score", sa.Double(), nullable=True),
        sa.Column("uniqueness_score", sa.Double(), nullable=True),
        sa.Column("timeliness_score", sa.Double(), nullable=True),
        sa.Column("overall_score", sa.Double(), nullable=True),
        sa.Column("computed_at", TIMESTAMPTZ, nullable=True),
        sa.ForeignKeyConstraint(
            ["column_id"], ["columns.column_id"], name=op.f("fk_quality_scores_column_id_columns")
        ),
        sa.ForeignKeyConstraint(
            ["table_id"], ["tables.table_id"], name=op.f("fk_quality_scores_table_id_tables")
        ),
        sa.PrimaryKeyConstraint("score_id", name=op.f("pk_quality_scores")),
    )
    op.create_table(
        "relationships",
        sa.Column("relationship_id", sa.Uuid(), nullable=False),
        sa.Column("from_table_id", sa.Uuid(), nullable=True),
        sa.Column("from_column_id", sa.Uuid(), nullable=True),
        sa.Column("to_table_id", sa.Uuid(), nullable=True),
        sa.Column("to_column_id", sa.Uuid(), nullable=True),
        sa.Column("relationship_type", sa.String(), nullable=False),
        sa.Column("cardinality", sa.String(), nullable=True),
        sa.Column("confidence", sa.Double(), nullable=False),
        sa.Column("detection_method", sa.String(), nullable=True),
        sa.Column("evidence", JSON_TYPE, nullable=True),
        sa.Column("is_confirmed", sa.Boolean(), server_default=sa.false(), nullable=True),
        sa.Column("confirmed_at", TIMESTAMPTZ, nullable=True),
        sa.Column("confirmed_by", sa.String(), nullable=True),
        sa.Column("detected_at", TIMESTAMPTZ, nullable=True),
        sa.ForeignKeyConstraint(
            ["from_column_id"],
            ["columns.column_id"],
            name=op.f("fk_relationships_from_column_id_columns"),
        ),
        sa.ForeignKeyConstraint(
            ["from_table_id"],
            ["tables.table_id"],
            name=op.f("fk_relationships_from_table_id_tables"),
        ),
        sa.ForeignKeyConstraint(
            ["to_column_id"],
            ["columns.column_id"],
            name=op.f("fk_relationships_to_column_id_columns"),
        ),
        sa.ForeignKeyConstraint(
            ["to_table_id"], ["tables.table_id"], name=op.f("fk_relationships_to_table_id_tables")
        ),
        sa.PrimaryKeyConstraint("relationship_id", name=op.f("pk_relationships")),
        sa.UniqueConstraint(
            "from_column_id",
            "to_column_id",
            name=op.f("uq_relationships_from_column_id_to_column_id"),
        ),
    )
    op.create_index("idx_relationships_from", "relationships", ["from_table_id"])
    op.create_index("idx_relationships_to", "relationships", ["to_table_id"])

    op.create_table(
        "semantic_annotations",
        sa.Column("annotation_id", sa.Uuid(), nullable=False),
        sa.Column("column_id", sa.Uuid(), nullable=True),
        sa.Column("semantic_role", sa.String(), nullable=True),
        sa.Column("entity_type", sa.String(), nullable=True),
        sa.Column("business_name", sa.String(), nullable=True),
        sa.Column("business_description", sa.Text(), nullable=True),
        sa.Column("business_domain", sa.String(), nullable=True),
        sa.Column("ontology_term", sa.String(), nullable=True),
        sa.Column("ontology_uri", sa.String(), nullable=True),
        sa.Column("annotation_source", sa.String(), nullable=True),
        sa.Column("annotated_at", TIMESTAMPTZ, nullable=True),
        sa.Column("annotated_by", sa.String(), nullable=True),
        sa.Column("confidence", sa.Double(), nullable=True),
        sa.ForeignKeyConstraint(
            ["column_id"],
            ["columns.column_id"],
            name=op.f("fk_semantic_annotations_column_id_columns"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("annotation_id", name=op.f("pk_semantic_annotations")),
        sa.UniqueConstraint("column_id", name=op.f("uq_semantic_annotations_column_id")),
    )
    op.create_table(
        "temporal_profiles",
        sa.Column("temporal_id", sa.Uuid(), nullable=False),
        sa.Column("column_id", sa.Uuid(), nullable=True),
        sa.Column("min_timestamp", TIMESTAMPTZ, nullable=True),
        sa.Column("max_timestamp", TIMESTAMPTZ, nullable=True),
        sa.Column("detected_granularity", sa.String(), nullable=True),
        sa.Column("granularity_confidence", sa.Double(), nullable=True),
        sa.Column("dominant_gap", sa.Interval(), nullable=True),
        sa.Column("expected_periods", sa.Integer(), nullable=True),
        sa.Column("actual_periods", sa.Integer(), nullable=True),
        sa.Column("completeness_ratio", sa.Double(), nullable=True),
        sa.Column("gap_count", sa.Integer(), nullable=True),
        sa.Column("largest_gap", sa.Interval(), nullable=True),
        sa.Column("gap_details", JSON_TYPE, nullable=True),
        sa.Column("has_seasonality", sa.Boolean(), nullable=True),
        sa.Column("seasonality_period", sa.String(), nullable=True),
        sa.Column("trend_direction", sa.String(), nullable=True),
        sa.Column("profiled_at", TIMESTAMPTZ, nullable=True),
        sa.ForeignKeyConstraint(
            ["column_id"],
            ["columns.column_id"],
            name=op.f("fk_temporal_profiles_column_id_columns"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("temporal_id", name=op.f("pk_temporal_profiles")),
        sa.UniqueConstraint("column_id", name=op.f("uq_temporal_profiles_column_id")),
    )
    op.create_table(
        "type_candidates",
        sa.Column("candidate_id", sa.Uuid(), nullable=False),
        sa.Column("column_id", sa.Uuid(), nullable=True),
        sa.Column("detected_at", TIMESTAMPTZ, nullable=True),
        sa.Column("data_type", sa.String(), nullable=False),
        sa.Column("confidence", sa.Double(), nullable=False),
        sa.Column("parse_success_rate", sa.Double(), nullable=True),
        sa.Column("failed_examples", JSON_TYPE, nullable=True),
        sa.Column("detected_pattern", sa.String(), nullable=True),
        sa.Column("pattern_match_rate", sa.Double(), nullable=True),
        sa.Column("detected_unit", sa.String(), nullable=True),
        sa.Column("unit_confidence", sa.Double(), nullable=True),
        sa.ForeignKeyConstraint(
            ["column_id"],
            ["columns.column_id"],
            name=op.f("fk_type_candidates_column_id_columns"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("candidate_id", name=op.f("pk_type_candidates")),
    )
    op.create_index("idx_type_candidates_column", "type_candidates", ["column_id"])

    op.create_table(
        "type_decisions",
        sa.Column("decision_id", sa.Uuid(), nullable=False),
        sa.Column("column_id", sa.Uuid(), nullable=True),
        sa.Column("decided_type", sa.String(), nullable=False),
        sa.Column("decision_source", sa.String(), nullable=False),
        sa.Column("decided_at", TIMESTAMPTZ, nullable=True),
        sa.Column("decided_by", sa.String(), nullable=True),
        sa.Column("previous_type", sa.String(), nullable=True),
        sa.Column("decision_reason", sa.String(), nullable=True),
        sa.ForeignKeyConstraint(
            ["column_id"],
            ["columns.column_id"],
            name=op.f("fk_type_decisions_column_id_columns"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("decision_id", name=op.f("pk_type_decisions")),
        sa.UniqueConstraint("column_id", name=op.f("uq_type_decisions_column_id")),
    )
    op.create_table(
        "quality_results",
        sa.Column("result_id", sa.Uuid(), nullable=False),
        sa.Column("rule_id", sa.Uuid(), nullable=True),
        sa.Column("executed_at", TIMESTAMPTZ, nullable=True),
        sa.Column("total_records", sa.BigInteger(), nullable=True),
        sa.Column("passed_records", sa.BigInteger(), nullable=True),
        sa.Column("failed_records", sa.BigInteger(), nullable=True),
        sa.Column("pass_rate", sa.Double(), nullable=True),
        sa.Column("failure_samples", JSON_TYPE, nullable=True),
        sa.Column("previous_pass_rate", sa.Double(), nullable=True),
        sa.Column("trend_direction", sa.String(), nullable=True),
        sa.ForeignKeyConstraint(
            ["rule_id"],
            ["quality_rules.rule_id"],
            name=op.f("fk_quality_results_rule_id_quality_rules"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("result_id", name=op.f("pk_quality_results")),
    )

    for statement in create_views_sql(op.get_bind().dialect.name):
        op.execute(statement)


def downgrade() -> None:
    for statement in drop_views_sql():
        op.execute(statement)
    # Dropping a table drops its indexes too.
    for table in _TABLES_IN_DROP_ORDER:
        op.drop_table(table)
