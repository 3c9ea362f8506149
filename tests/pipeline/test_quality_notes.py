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

def test_a_code_column_s_near_variant_formats_are_named(tmp_path: Path) -> None:
    # A 3PL's UPS invoice: Reference 1 holds sales orders `SO-123456`, a few written
    # `SO123456` and a few purchase orders `PO-1234567`; its item master's 12-digit UPCs hold
    # some of 11 digits, their leading zero lost in a spreadsheet. Apple's product types
    # `IA1` beside `1F` are two families of codes, no slip.
    lines = ["Reference 1,UPC,Product Type"]
    for i in range(400):
        reference = f"SO{100000 + i}" if i % 40 == 3 else f"PO-{1000000 + i}" if i % 25 == 4 else f"SO-{100000 + i}"
        upc = f"{17690412000 + i}" if i % 30 == 5 else f"0{10012987000 + i}"
        lines.append(f"{reference},{upc},{'1F' if i % 5 == 0 else 'IA1'}")
    reasons = reasons_of(tmp_path, "ups_invoice.csv", lines)
    assert "Formats (9 a digit, A a letter): `AA-999999` (374, 93.5%, e.g. 'SO-100000')" in reasons["Reference 1"]
    assert "`AA-9999999` (16, 4.0%, e.g. 'PO-1000004'), `AA999999` (10, 2.5%" in reasons["Reference 1"]
    assert "14 values have 11 digits where 386 have 12: leading zeros stripped" in reasons["UPC"]
    assert "Formats" not in reasons["Product Type"]


def test_a_code_joined_from_two_columns_is_named_so_not_as_typing_slips(tmp_path: Path) -> None:
    # Transfermarkt's appearances: appearance_id "2231978_38004" is game_id, "_" and
    # player_id, whose ids have 4 to 6 digits; its formats were called possible typing slips.
    lines = ["appearance_id,game_id,player_id,minutes_played"]
    for i in range(600):
        game, player = 3837036 + i // 20, {8: 12188, 9: 4269}.get(i % 10, 123856) + 7 * (i % 20)
        lines.append(f"{game}_{player},{game},{player},{90 - i % 40}")
    reasons = reasons_of(tmp_path, "appearances.csv", lines)
    assert "Made of game_id and player_id joined by '_' on every row" in reasons["appearance_id"]
    assert "typing slips;" not in reasons["appearance_id"].replace("no typing slips;", "")


def test_a_country_code_outside_iso_3166_is_named(tmp_path: Path) -> None:
    # A game's players table: ISO codes but `UK` for 21 players, which no app store or ad
    # network writes (they say GB), so a join dropped their revenue. A country's name is no code.
    lines = ["player_id,country,country_name"]
    codes = ["US", "GB", "DE", "JP", "BR", "IN", "fr"]
    for i in range(500):
        lines.append(f"p{i},{'UK' if i % 25 == 0 else codes[i % len(codes)]},{'United Kingdom' if i % 2 else 'UK'}")
    reasons = reasons_of(tmp_path, "players.csv", lines)
    assert "ISO 3166-1 alpha-2 country codes, but `UK` (20 values; ISO writes GB) is not one" in reasons["country"]
    assert "ISO 3166" not in reasons["country_name"]


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
