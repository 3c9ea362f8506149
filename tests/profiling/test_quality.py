"""Notes on stray spaces, case variants and extreme values, from a column's profile alone."""

from __future__ import annotations

from typing import Any

from datadossier.profiling import ColumnProfile
from datadossier.profiling.quality import extreme_notes, spelling_notes, variant_sets


def _text(spelling: tuple[tuple[str, int], ...] | None, name: str = "Menu Item name") -> ColumnProfile:
    return ColumnProfile(column_name=name, total_count=40, null_count=0, distinct_count=31,
                         distinct_is_approximate=False, spelling=spelling)  # fmt: skip


def _numbers(name: str = "Duration", **fields: Any) -> ColumnProfile:
    return ColumnProfile(column_name=name, total_count=3423, null_count=70, distinct_count=2232,
                         distinct_is_approximate=False, **fields)  # fmt: skip


def test_a_trailing_space_and_a_case_variant_are_named_with_an_example() -> None:
    # A hand-kept menu-costing sheet: "Mac & Cheese " with a trailing space, "caesar salad"
    # typed beside "Caesar Salad".
    notes = spelling_notes([_text((("Caesar Salad", 28), ("Mac & Cheese ", 4), ("caesar salad", 1)))])
    note = notes["Menu Item name"]
    assert "'Mac & Cheese ' (4 rows) has a trailing space" in note
    assert "'Caesar Salad' (28 rows) and 'caesar salad' (1 row) differ only by case" in note
    assert "lower(trim(" in note


def test_values_apart_by_spacing_are_told_from_values_apart_by_case() -> None:
    # Location names typed three ways in a back-office export.
    notes = spelling_notes([_text((("Harbor Grill  Eastside", 3), ("Harbor Grill Eastside", 9), (" Airport", 2)))])
    note = notes["Menu Item name"]
    assert "' Airport' (2 rows) has a leading space" in note
    assert "'Harbor Grill Eastside' (9 rows) and 'Harbor Grill  Eastside' (3 rows) differ only by spacing" in note


def test_several_stray_values_and_sets_are_counted() -> None:
    spelling = (("A", 5), ("a ", 4), ("b ", 3), ("B", 2), ("c", 1), (" C", 1))
    assert [[v for v, _ in s] for s in variant_sets(spelling)] == [["A", "a "], ["b ", "B"], [" C", "c"]]
    note = spelling_notes([_text(spelling)])["Menu Item name"]
    assert "(3 values of 8 rows have spaces around them)" in note
    assert "(3 such sets of values)" in note
    assert "differ only by case and spacing" in note


def test_clean_or_unchecked_text_gets_no_note() -> None:
    assert spelling_notes([_text(()), _text(None, "email")]) == {}


def test_a_maximum_far_above_the_99th_percentile_is_named() -> None:
    # A POS export's "Duration (Opened to Paid)": checks left open for a day, 99,960 s against
    # a 99th percentile of 5,084 s; the histogram had 3,325 of 3,353 values in its first bucket.
    percentiles = {"p25": 1180.0, "p50": 2668.0, "p75": 3389.0, "p95": 4297.8, "p99": 5084.0}
    notes = extreme_notes([_numbers(min_value=182.0, max_value=99960.0, percentiles=percentiles)])
    assert "the maximum 99,960 lies far above the 99th percentile 5,084 (median 2,668)" in notes["Duration"]
    assert "minimum" not in notes["Duration"]


def test_a_minimum_far_below_the_quartiles_is_named() -> None:
    # Sales amounts of 20 to 80 with a mistyped -25,000.
    percentiles = {"p25": 20.0, "p50": 45.0, "p75": 80.0, "p95": 120.0, "p99": 150.0}
    notes = extreme_notes([_numbers("Amount", min_value=-25000.0, max_value=180.0, percentiles=percentiles)])
    assert "the minimum -25,000 lies far below the 25th percentile 20" in notes["Amount"]


def test_ordinary_tails_spread_columns_and_named_codes_get_no_note() -> None:
    # A normal column's extremes at 1M rows (about 5 standard deviations), a long but steady
    # tail, a column of zeros with a few ones, and a code of nines the decision names already.
    normal = {"p25": 41.9, "p50": 50.0, "p75": 58.1, "p95": 69.7, "p99": 77.9}
    zeros = {"p25": 0.0, "p50": 0.0, "p75": 0.0, "p95": 0.0, "p99": 0.0}
    profiles = [
        _numbers("measurement", min_value=-8.0, max_value=111.0, percentiles=normal),
        _numbers("price", min_value=2.7, max_value=4900.0, percentiles={"p25": 20.0, "p50": 110.0, "p75": 600.0, "p99": 4500.0}),
        _numbers("flag", min_value=0.0, max_value=1.0, percentiles=zeros),
        _numbers("age", min_value=18.0, max_value=999.0, percentiles={"p25": 30.0, "p50": 45.0, "p75": 60.0, "p99": 89.0}),
    ]
    assert extreme_notes(profiles, skip=["age"]) == {}
