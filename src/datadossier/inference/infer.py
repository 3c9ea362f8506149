"""Type inference over a DuckDB relation: the stage's entry point.

Three steps, a handful of queries whatever the number of columns:
1. a sample of all text columns (evenly spaced rowid blocks; one more query shared by the sparse
   columns), matched in Python to shortlist the detectors worth scanning;
2. one aggregate query over the whole table computing every shortlisted candidate of every
   column (see `scan`), then, only when some likely candidate fails on some values, one more
   query collecting up to five failing values of each such candidate;
3. the decision per column, in Python, from those counts (see `decide`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from datadossier.inference.config import DEFAULT_CONFIG, InferenceConfig
from datadossier.inference.decide import decide_text_column
from datadossier.inference.model import ColumnInference
from datadossier.inference.native import decide_native_column, is_text_type, native_data_type
from datadossier.inference.sampling import fetch_samples, shortlist, table_row_count
from datadossier.inference.scan import ColumnPlan, collect_failed_examples, scan_columns

if TYPE_CHECKING:
    import duckdb


def infer_columns(
    con: duckdb.DuckDBPyConnection,
    relation: str,
    columns: list[tuple[str, str]],
    *,
    config: InferenceConfig = DEFAULT_CONFIG,
) -> list[ColumnInference]:
    """Infer a type for every column of ``relation``, in the order given.

    ``relation`` is already quoted (``"raw"."shop.orders"``); ``columns`` are (name, DuckDB
    type) pairs, without ``_row_id``. VARCHAR columns get candidates computed over the whole
    column and a decision; columns the source typed keep their type (one candidate) and get a
    unit from their name when numeric.
    """
    text = [name for name, duckdb_type in columns if is_text_type(duckdb_type)]
    row_count = table_row_count(con, relation) if text else 0
    samples = fetch_samples(con, relation, text, row_count, config)
    plans = [
        ColumnPlan(name, duckdb_type, None, shortlist(samples[name], config))
        if is_text_type(duckdb_type)
        else ColumnPlan(name, duckdb_type, native_data_type(duckdb_type))
        for name, duckdb_type in columns
    ]
    scans = scan_columns(con, relation, plans, config)
    collect_failed_examples(con, relation, plans, scans, config)
    results: list[ColumnInference] = []
    for plan, scan in zip(plans, scans, strict=True):
        if plan.findings is None:
            results.append(decide_native_column(plan.name, plan.raw_type, scan))
        else:
            results.append(
                decide_text_column(plan.name, plan.raw_type, scan, plan.findings, config)
            )
    return results
