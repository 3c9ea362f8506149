"""Stray spaces, case variants and extreme values are named in the column's decision."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from datadossier.pipeline import stages
from datadossier.profiling import profile_columns
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


def test_a_pos_export_gets_its_extreme_durations_named(tmp_path: Path) -> None:
    # A POS export's check durations in seconds, a few checks left open for a day (99,960 s
    # against a 99th percentile near 5,000 s), and a sentinel of nines the decision names as
    # a code instead.
    lines = ["Duration (Opened to Paid),age"]
    for i in range(700):
        duration = 99960 if i % 150 == 7 else 1200 + (i * 37) % 3800
        age = 999 if i % 40 == 0 else 18 + (i * 7) % 70
        lines.append(f"{duration},{age}")
    reasons = reasons_of(tmp_path, "orders.csv", lines)
    assert "the maximum 99,960 lies far above the 99th percentile" in reasons["Duration (Opened to Paid)"]
    assert "999 (18 values, 2.6%) looks like a code" in reasons["age"]
    assert "Extreme values" not in reasons["age"]


def test_amounts_in_several_currencies_get_no_extreme_values_note(tmp_path: Path) -> None:
    # Google Play's earnings report: `Amount (Buyer Currency)` beside `Buyer Currency`, where
    # a JPY price of 6,665 sits among USD prices of 0.99; no outlier, only another currency.
    lines = ["Buyer Currency,Amount (Buyer Currency)"]
    for i in range(700):
        lines.append("JPY,6665" if i % 150 == 7 else f"{'USD' if i % 2 else 'EUR'},{0.5 + (i % 9) / 10:.2f}")
    reasons = reasons_of(tmp_path, "earnings.csv", lines)
    assert "each row's `Buyer Currency`" in reasons["Amount (Buyer Currency)"]
    assert "Extreme values" not in reasons["Amount (Buyer Currency)"]

def test_the_profile_hears_how_distinct_each_sampled_column_was(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A CRM export's e-mail column, every sampled value distinct, beside a status of two
    # values: the profiler is told so, and checks the spelling of the status only once the
    # table outgrows the check (`profiler.SPELLING_SKIP_SAMPLED_SHARE`).
    heard: list[dict[str, float]] = []

    def spy(*args: Any, **kwargs: Any) -> Any:
        heard.append(kwargs["sampled_distinct"])
        return profile_columns(*args, **kwargs)

    monkeypatch.setattr(stages, "profile_columns", spy)
    lines = ["email,status"] + [f"user{i}@x.org,{'Open' if i % 2 else 'Closed'}" for i in range(700)]
    reasons_of(tmp_path, "contacts.csv", lines)
    assert heard[0]["email"] == 1.0
    assert heard[0]["status"] < 0.01
