"""Notes on stray spaces and case variants, from a column's profile alone."""

from __future__ import annotations

from datadossier.profiling import ColumnProfile
from datadossier.profiling.quality import spelling_notes, variant_sets


def _text(spelling: tuple[tuple[str, int], ...] | None, name: str = "Menu Item name") -> ColumnProfile:
    return ColumnProfile(column_name=name, total_count=40, null_count=0, distinct_count=31,
                         distinct_is_approximate=False, spelling=spelling)  # fmt: skip


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
