"""The pattern registry: every detector, and the one that converts a decided type.

Importing this module registers all detectors (see `detector` for what a detector is).
"""

from __future__ import annotations

from datadossier.inference import date_patterns, number_patterns, text_patterns
from datadossier.inference.detector import DETECTORS, MONEY_SQL_TYPE, Detector, PatternName, shaped
from datadossier.inference.model import DataType

__all__ = ["DETECTORS", "MONEY_SQL_TYPE", "Detector", "PatternName", "detector_for", "shaped"]

# The modules above register their detectors when imported; naming them keeps the imports.
_FAMILIES = (number_patterns, date_patterns, text_patterns)


def detector_for(data_type: DataType, pattern: str | None) -> Detector:
    """The detector converting to ``data_type`` for ``pattern`` (None: the plain conversion).

    DECIMAL without a pattern has no detector: `typed_expression` casts it directly.
    """
    if pattern is None:
        default: dict[DataType, PatternName] = {
            "BIGINT": "integer", "INTEGER": "integer", "DOUBLE": "float", "BOOLEAN": "boolean",
            "DATE": "iso_date", "TIMESTAMP": "iso_datetime", "TIME": "time",
        }
        if data_type not in default:
            raise ValueError(f"No plain conversion to {data_type}.")
        return DETECTORS[default[data_type]]
    detector = next((d for d in DETECTORS.values() if d.name == pattern), None)
    if detector is None:
        raise ValueError(f"Unknown pattern {pattern!r}; known: {', '.join(DETECTORS)}.")
    family = "BIGINT" if data_type == "INTEGER" else data_type
    if family == "DATE" and detector.data_type == "TIMESTAMP":
        return detector  # date-times all at midnight, kept as their dates (see `decide`)
    if detector.data_type != family and not (family in _NUMBERS and detector.data_type in _NUMBERS):
        raise ValueError(f"Pattern {pattern!r} converts to {detector.data_type}, not {data_type}.")
    return detector  # (a number's cleaning serves any numeric type: `typed.typed_expression` casts)


_NUMBERS = frozenset({"BIGINT", "DOUBLE", "DECIMAL"})
