"""Type inference: patterns, parse rates, units and one decided type per column."""

from datadossier.inference.config import DEFAULT_CONFIG, InferenceConfig
from datadossier.inference.infer import infer_columns
from datadossier.inference.model import DATA_TYPES, ColumnInference, DataType, TypeCandidate
from datadossier.inference.patterns import DETECTORS, MONEY_SQL_TYPE, Detector, PatternName
from datadossier.inference.typed import (
    assignable_type,
    failed_condition,
    sql_type,
    typed_expression,
    whole_digits,
)

__all__ = [
    "DATA_TYPES",
    "DEFAULT_CONFIG",
    "DETECTORS",
    "MONEY_SQL_TYPE",
    "ColumnInference",
    "DataType",
    "Detector",
    "InferenceConfig",
    "PatternName",
    "TypeCandidate",
    "assignable_type",
    "failed_condition",
    "infer_columns",
    "sql_type",
    "typed_expression",
    "whole_digits",
]
