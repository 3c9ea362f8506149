"""Stray spaces and case variants are named in the column's decision."""

from __future__ import annotations

from pathlib import Path

from tests.pipeline.helpers import reasons_of


def test_a_menu_sheet_gets_its_stray_spaces_and_case_variants_named(tmp_path: Path) -> None:
    # A restaurant's menu-costing sheet kept by hand: "Mac & Cheese " with a trailing space,
    # "caesar salad" beside "Caesar Salad".
    names = ["Burger", "Caesar Salad", "caesar salad", "Mac & Cheese ", "Fries", "Soda", "Calamari"]
    lines = ["Menu Item name,Price"]
    for i in range(700):
        lines.append(f"{names[i % len(names)]},{8 + i % 9}.50")
    reasons = reasons_of(tmp_path, "menu.csv", lines)
    assert "'Mac & Cheese ' (100 rows) has a trailing space" in reasons["Menu Item name"]
    assert "'Caesar Salad' (100 rows) and 'caesar salad' (100 rows) differ only by case" in reasons["Menu Item name"]
    assert "Spelling" not in reasons["Price"]
