"""Bucket arithmetic for histograms: equal widths and calendar periods."""

from __future__ import annotations

from datetime import date

import pytest

from datadossier.profiling.buckets import (
    choose_period,
    numeric_histogram,
    period_count,
    period_histogram,
    period_label,
    period_start,
    plan_numeric_buckets,
)


def test_integer_plan_uses_whole_widths_and_covers_the_maximum() -> None:
    plan = plan_numeric_buckets(0, 119, integer=True)
    assert plan is not None
    assert (plan.width, plan.count) == (6.0, 20)
    assert plan.label(19) == "[114, 120)"


def test_integer_plan_with_few_values_has_one_bucket_per_value() -> None:
    plan = plan_numeric_buckets(3, 7, integer=True)
    assert plan is not None
    assert (plan.width, plan.count) == (1.0, 5)
    assert [plan.label(k) for k in range(plan.count)] == [
        "[3, 4)", "[4, 5)", "[5, 6)", "[6, 7)", "[7, 8)",
    ]  # fmt: skip


def test_float_plan_closes_the_last_bucket() -> None:
    plan = plan_numeric_buckets(0.0, 1.0, integer=False)
    assert plan is not None
    assert plan.count == 20
    assert plan.label(0) == "[0, 0.05)"
    assert plan.label(19) == "[0.95, 1]"
    assert plan.edges(19) == (pytest.approx(0.95), 1.0)


@pytest.mark.parametrize(("lower", "upper"), [(0.0, float("inf")), (float("nan"), 1.0), (2.0, 1.0)])
def test_no_plan_for_ranges_without_equal_widths(lower: float, upper: float) -> None:
    assert plan_numeric_buckets(lower, upper, integer=False) is None


def test_numeric_histogram_fills_empty_buckets() -> None:
    plan = plan_numeric_buckets(0, 3, integer=True)
    assert plan is not None
    assert [b["count"] for b in numeric_histogram(plan, {0: 2, 3: 1})] == [2, 0, 0, 1]


@pytest.mark.parametrize(
    ("first", "last", "period"),
    [
        (date(2021, 3, 1), date(2021, 3, 1), "day"),
        (date(2021, 3, 1), date(2021, 4, 29), "day"),  # 60 days
        (date(2021, 3, 1), date(2021, 4, 30), "week"),
        (date(2021, 1, 1), date(2021, 11, 30), "week"),  # 48 weeks, 11 months
        (date(2021, 1, 1), date(2021, 12, 31), "month"),  # a year reads better by month
        (date(2019, 1, 1), date(2023, 12, 31), "month"),  # 60 months
        (date(2019, 1, 1), date(2024, 1, 1), "quarter"),
        (date(2000, 1, 1), date(2014, 12, 31), "quarter"),  # 60 quarters
        (date(1990, 1, 1), date(2021, 6, 1), "year"),
        (date(1500, 1, 1), date(2021, 6, 1), "decade"),
        (date(860, 1, 1), date(2101, 1, 1), "century"),  # NASA's meteorite landings: 125 decades
    ],
)
def test_choose_period(first: date, last: date, period: str) -> None:
    assert choose_period(first, last) == period


def test_period_starts_match_duckdb_date_trunc() -> None:
    day = date(2021, 8, 19)  # a Thursday
    assert period_start(day, "week") == date(2021, 8, 16)
    assert period_start(day, "month") == date(2021, 8, 1)
    assert period_start(day, "quarter") == date(2021, 7, 1)
    assert period_start(day, "year") == date(2021, 1, 1)
    assert period_start(day, "decade") == date(2020, 1, 1)
    assert period_start(day, "century") == date(2000, 1, 1)


def test_period_labels() -> None:
    assert period_label(date(2021, 3, 5), "day") == "2021-03-05"
    assert period_label(date(2021, 3, 1), "week") == "2021-W09"
    assert period_label(date(2021, 3, 1), "month") == "2021-03"
    assert period_label(date(2021, 7, 1), "quarter") == "2021-Q3"
    assert period_label(date(2021, 1, 1), "year") == "2021"
    assert period_label(date(2020, 1, 1), "decade") == "2020s"
    assert period_label(date(1800, 1, 1), "century") == "1800-1899"


def test_decades_and_centuries_from_the_first_year() -> None:
    # (0001-01-01 is a date code of databases; the first decade and century start in year 1.)
    assert [b["bucket"] for b in period_histogram(date(1, 1, 1), date(25, 6, 1), "decade", {})] == ["0001s", "0010s", "0020s"]
    buckets = period_histogram(date(860, 1, 1), date(2101, 1, 1), "century", {date(1800, 1, 1): 3})
    assert (len(buckets), buckets[0]["bucket"], buckets[-1]["bucket"]) == (14, "0800-0899", "2100-2199")
    assert {"bucket": "1800-1899", "count": 3} in buckets


def test_period_count_counts_touched_periods() -> None:
    assert period_count(date(2021, 1, 31), date(2021, 2, 1), "month") == 2
    assert period_count(date(2021, 1, 1), date(2021, 12, 31), "quarter") == 4
    assert period_count(date(2021, 8, 15), date(2021, 8, 16), "week") == 2  # Sunday, Monday


def test_period_histogram_includes_empty_periods_and_stops_at_the_end_of_time() -> None:
    counts = {date(9999, 10, 1): 4, date(9999, 12, 1): 1}
    assert period_histogram(date(9999, 10, 3), date(9999, 12, 31), "month", counts) == [
        {"bucket": "9999-10", "count": 4},
        {"bucket": "9999-11", "count": 0},
        {"bucket": "9999-12", "count": 1},
    ]
