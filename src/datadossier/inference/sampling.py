"""Step 1 of inference: a small sample of every text column, and the detectors worth a scan.

The sample is read once for all columns (plus one shared query for sparse columns) and matched
in Python, so that the full scan computes only the candidates that have a chance.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from datadossier.engine.gateway import quote_ident
from datadossier.inference.config import InferenceConfig
from datadossier.inference.patterns import DETECTORS, Detector, PatternName
from datadossier.inference.units import value_unit

if TYPE_CHECKING:
    import duckdb

_LEADING_ZERO = re.compile(r"\s*[-+]?0[0-9]+\s*")
_NUMBER_CHARS = frozenset("0123456789.,+-\t \u00a0\u202f")


@dataclass(slots=True)
class SampleFindings:
    """What the sample says about one text column."""

    sampled: int
    # Share of sampled values each shortlisted detector accepts (lenient ones: with or
    # without their marks).
    shares: dict[PatternName, float] = field(default_factory=lambda: {})
    # Separator of day/month dates ('/', '.' or '-'), when there are such dates.
    date_separator: str | None = None
    # A sampled whole number written with a leading zero ("00501"), for the decision's reason.
    leading_zero_example: str | None = None
    # Distinct sampled values over sampled values, and the longest sampled value (characters).
    distinct_share: float = 0.0
    max_length: int = 0


def table_row_count(con: duckdb.DuckDBPyConnection, relation: str) -> int:
    """Number of rows of the relation (answered from metadata for a DuckDB table)."""
    row = con.execute(f"SELECT count(*) FROM {relation}").fetchone()
    return int(row[0]) if row else 0


def fetch_samples(
    con: duckdb.DuckDBPyConnection,
    relation: str,
    names: list[str],
    row_count: int,
    config: InferenceConfig,
) -> dict[str, Counter[str]]:
    """Non-null sampled values of each named column, counted."""
    samples: dict[str, Counter[str]] = {name: Counter() for name in names}
    if not names or row_count == 0:
        return samples
    import duckdb

    select = ", ".join(quote_ident(name) for name in names)
    try:
        rows = con.execute(_sample_sql(relation, select, row_count, config)).fetchall()
    except duckdb.BinderException:
        # A view has no rowid: its first rows will do.
        limit = int(config.sample_rows)
        rows = con.execute(f"SELECT {select} FROM {relation} LIMIT {limit}").fetchall()
    for row in rows:
        for name, value in zip(names, row, strict=True):
            if value is not None:
                samples[name][str(value)] += 1
    if row_count > config.sample_rows:
        top_up_sparse(con, relation, samples, config)
    return samples


def top_up_sparse(
    con: duckdb.DuckDBPyConnection,
    relation: str,
    samples: dict[str, Counter[str]],
    config: InferenceConfig,
) -> None:
    """Mostly-null columns (fewer than ``sparse_sample_min`` sampled values): their first
    non-null values in ``relation`` instead, all such columns in one query."""
    few = [n for n, values in samples.items() if values.total() < config.sparse_sample_min]
    if not few:
        return
    parts = [
        f"SELECT {i} AS k, v FROM (SELECT {quote_ident(n)}::VARCHAR AS v FROM {relation}"
        f" WHERE {quote_ident(n)} IS NOT NULL LIMIT {int(config.sparse_sample_rows)})"
        for i, n in enumerate(few)
    ]
    found: dict[str, Counter[str]] = {n: Counter() for n in few}
    for k, value in con.execute(" UNION ALL ".join(parts)).fetchall():
        found[few[int(k)]][str(value)] += 1
    samples.update({n: c for n, c in found.items() if c.total() > samples[n].total()})


def _sample_sql(relation: str, select: str, row_count: int, config: InferenceConfig) -> str:
    if row_count <= config.sample_rows:
        return f"SELECT {select} FROM {relation}"
    blocks = max(1, config.sample_blocks)
    size = max(1, config.sample_rows // blocks)
    ranges = " OR ".join(
        f"(rowid BETWEEN {start} AND {start + size - 1})"
        for start in sorted({(i * row_count) // blocks for i in range(blocks)})
    )
    return f"SELECT {select} FROM {relation} WHERE {ranges}"


def shortlist(values: Counter[str], config: InferenceConfig) -> SampleFindings:
    """Detectors that accept at least ``config.shortlist_share`` of the sampled values."""
    common = values.most_common(config.sample_distinct_limit)
    total = sum(count for _, count in common)
    findings = SampleFindings(sampled=total)
    if total == 0:
        return findings
    findings.distinct_share = len(values) / values.total()
    findings.max_length = max(map(len, values))
    number = DETECTORS["float"]
    plain = {value for value, _ in common if number.matches(value)}
    needed = config.shortlist_share * total
    for detector in DETECTORS.values():
        accepted, marked = _accepted_weight(detector, common, plain, needed, total)
        if accepted < needed or (detector.lenient and marked == 0):
            continue
        if detector.name == "unit_value" and not _has_known_unit(detector, common):
            continue
        findings.shares[detector.name] = accepted / total
    if "integer" in findings.shares:
        # Free in the scan: the integer conversion already computes the DOUBLE reading.
        findings.shares.setdefault("float", findings.shares["integer"])
    if "iso_date" in findings.shares and "iso_datetime" not in findings.shares:
        # Dates with a few date-times among them: the timestamp reading takes both (a date is
        # its midnight), where the date reading would fail on the times.
        stamped = sum(count for value, count in common if DETECTORS["iso_datetime"].matches(value))
        if stamped:
            findings.shares["iso_datetime"] = findings.shares["iso_date"] + stamped / total
    if {"us_date", "eu_date", "us_datetime", "eu_datetime"} & set(findings.shares):
        findings.date_separator = _date_separator(common)
    if "integer" in findings.shares:
        findings.leading_zero_example = next(
            (v for v, _ in common if _LEADING_ZERO.fullmatch(v)), None
        )
    return findings


def _accepted_weight(
    detector: Detector,
    common: list[tuple[str, int]],
    plain: set[str],
    needed: float,
    total: int,
) -> tuple[int, int]:
    """(weight accepted by the detector, weight carrying its marks), stopping early on a miss.

    For a lenient detector a value counts as marked only when it is not a plain number too:
    "50.123" has the shape of "1.234" (thousands) but reads as a number already, and a
    detector that only re-reads plain numbers is not worth scanning.
    """
    accepted = marked = 0
    remaining = total
    for value, count in common:
        remaining -= count
        if detector.matches(value):
            accepted += count
            if not (detector.lenient and value in plain):
                marked += count
        elif detector.lenient and value in plain:
            accepted += count
        elif accepted + remaining < needed:
            break
    return accepted, marked


def _has_known_unit(detector: Detector, common: list[tuple[str, int]]) -> bool:
    tokens: Counter[str] = Counter()
    for value, count in common:
        if detector.matches(value):
            tokens["".join(ch for ch in value if ch not in _NUMBER_CHARS)] += count
    if not tokens:
        return False
    return value_unit(tokens.most_common(1)[0][0]) is not None


def _date_separator(common: list[tuple[str, int]]) -> str | None:
    separators: Counter[str] = Counter()
    for value, count in common:
        stripped = value.strip()
        for ch in stripped:
            if not ch.isdigit():
                if ch in "/.-":
                    separators[ch] += count
                break
    return separators.most_common(1)[0][0] if separators else None
