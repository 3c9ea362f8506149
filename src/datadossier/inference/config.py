"""Thresholds of type inference, in one place, each with the reason for its value."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class InferenceConfig:
    """Tunable limits of ``infer_columns``; the defaults are what the pipeline uses."""

    # A type is accepted when at least this share of the non-null values parse; the rest are
    # junk that the typed layer sends to quarantine. 95% lets a few `??` or `#VALUE!` through
    # without letting a half-numeric column become numeric.
    accept_rate: float = 0.95
    # A yes/no reading accepts less: what fails it is more often a third answer (Ames's
    # PavedDrive: Y, N and P for partial, on 2% of the rows) than a typo.
    boolean_accept_rate: float = 0.995
    # Below this many non-null values one bad value is already 5% or more, and the evidence is
    # too thin to call it junk: small columns must parse completely.
    min_values_for_tolerance: int = 20

    # Rows read (once, for all columns) to decide which detectors are worth a full scan.
    # They come from `sample_blocks` evenly spaced rowid ranges: far cheaper than a reservoir
    # sample (which reads every row) and less biased than the first rows alone.
    sample_rows: int = 2000
    sample_blocks: int = 4
    # A column with fewer non-null values than this in the sample (a sparse column) gets up to
    # `sparse_sample_rows` of its non-null values from one extra query shared by all such columns.
    sparse_sample_min: int = 30
    sparse_sample_rows: int = 500
    # Only the most frequent distinct sampled values are tested against the detectors.
    sample_distinct_limit: int = 300
    # A detector is scanned over the whole column when at least this share of the sampled
    # values match it. Low on purpose: the full scan, not the sample, decides.
    shortlist_share: float = 0.5
    # Failed examples are collected only for candidates parsing at least this share of the
    # column: collecting the failures of a candidate that fails on most values costs a lot
    # and shows nothing new.
    examples_share: float = 0.5
    max_failed_examples: int = 5

    # A value shaped like a missing value's marker (".", "(X)", "*****", "n.a.") is read as
    # missing in a column whose other values read as one type, when the sample holds it at
    # least this many times and this share of its values: a code the source uses, not a typo.
    missing_min_count: int = 3
    missing_share: float = 0.01

    # An integer-looking column whose values carry a leading zero this often ("00501", "0042")
    # is a code (zip, account, product code) and stays VARCHAR: a number would lose the zeros.
    leading_zero_share: float = 0.01
    # YYYYMMDD without a date-like column name is read as a date only when every value is a
    # valid date and they span more than this many days: dense 8-digit ids that cross a month
    # boundary always include invalid days (..0132), while real dates spread over months.
    compact_date_min_span_days: int = 31


DEFAULT_CONFIG = InferenceConfig()
