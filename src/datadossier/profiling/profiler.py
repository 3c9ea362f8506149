"""Column profiling: every statistic of every column in two statements.

Statement 1 is the main aggregate, one ungrouped pass over the relation producing a STRUCT per
column (counts, min/max, mean and standard deviation, percentiles, string lengths, boolean
counts, approximate distinct counts for large tables), plus, in the same statement, the
per-column ``GROUP BY`` branches that need nothing from it (``queries.Branches``).

Distinct counts and top values come from one small ``GROUP BY value`` per column: the group
count is the exact distinct count, and ``min_by(..., (-count, value), 10)`` over the groups
gives the top values with exact counts. On the 1M-row benchmark table this measured cheaper
than ``count(DISTINCT x)`` plus ``approx_top_k`` in the main pass, and ``histogram(x)`` on a
high-cardinality column is two orders of magnitude slower than either. Histograms are
``GROUP BY bucket`` branches too: a vectorised group-by beat ``histogram()`` in the main
aggregate, which updates a map row by row.

Statement 2 holds what needs the main aggregate's answers: histograms whose bucket edges or
calendar period follow from the min and max (numeric columns whose range the caller passed in
``bounds`` are bucketed in statement 1), and, above ``exact_distinct_max_rows``, the
group-bys of columns whose approximate distinct count is small and, for the others, exact
counts of the ``approx_top_k`` candidates only. It is skipped when nothing needs it.

Before both, ``count(*)`` decides between exact and approximate mode unless the caller passes
``row_count``. No statement is issued per column.

A short table of many columns (at most ``STACKED_MAX_ROWS`` rows, at least
``STACKED_MIN_COLUMNS`` columns) gets the same statistics from its values stacked by column
type instead (``UNPIVOT``): one ``GROUP BY col`` per type for the main aggregate, one ``GROUP
BY col, value`` per type for distinct counts and top values, one per type for the numeric
histograms (their plans joined as a ``VALUES`` list). Same statements, same results.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any, TypeVar

from datadossier.engine.gateway import quote_ident
from datadossier.profiling.buckets import (
    NumericBuckets,
    Period,
    choose_period,
    numeric_histogram,
    period_histogram,
    plan_numeric_buckets,
)
from datadossier.profiling.kinds import is_numeric
from datadossier.profiling.model import ColumnProfile
from datadossier.profiling.queries import (
    PERCENTILES,
    SPELLING_MAX_VALUES,
    TOP_VALUES,
    Branches,
    ColumnSpec,
    alike,
    main_query,
    run_main_with,
    stacked_query,
)

if TYPE_CHECKING:
    import duckdb

# Above exact_distinct_max_rows, a column whose approximate distinct count is at most this
# still gets the exact group-by: its hash table stays small whatever the row count.
APPROX_GROUP_LIMIT = 100_000
# Tables of at most this many rows and at least this many columns are profiled from their
# columns' values stacked by type (`queries.stacked_query`): one aggregate per column costs
# about 2 ms whatever its rows, which a table of 500 columns by 3,200 rows paid 500 times
# (the stacked queries took a quarter of the time there); above ~10,000 rows the per-column
# queries were as quick or quicker (measured on 20 to 500 columns of numbers and text).
STACKED_MAX_ROWS = 8_192
STACKED_MIN_COLUMNS = 16
# A text column whose sampled values were at least this share distinct, in a table of more
# rows than `SPELLING_MAX_VALUES`, skips the spelling check: the check is for the few values
# of a category, and a column of 10,000 evenly spread values shows about 90% of a 2,000-row
# sample distinct, so this share means many more (ids, e-mails, free text).
SPELLING_SKIP_SAMPLED_SHARE = 0.99
# Text values (min/max, top values) are cut to this many characters; free text can hold
# whole documents that do not belong in metadata.
MAX_TEXT_CHARS = 200

K = TypeVar("K")


def _spelling_wanted(spec: ColumnSpec, row_count: int, sampled_distinct: dict[str, float] | None) -> bool:
    """Whether a column's spelling is checked: not when its table has more rows than the check
    takes values and its sample was nearly all distinct (see `SPELLING_SKIP_SAMPLED_SHARE`)."""
    share = (sampled_distinct or {}).get(spec.name)
    return share is None or row_count <= SPELLING_MAX_VALUES or share < SPELLING_SKIP_SAMPLED_SHARE


def profile_columns(
    con: duckdb.DuckDBPyConnection,
    relation: str,
    columns: list[tuple[str, str]],
    *,
    exact_distinct_max_rows: int = 1_000_000,
    bounds: dict[str, tuple[float, float]] | None = None,
    row_count: int | None = None,
    sampled_distinct: dict[str, float] | None = None,
) -> list[ColumnProfile]:
    """Profile ``columns`` of ``relation``; one ``ColumnProfile`` per column, in order.

    ``relation`` is an already-quoted DuckDB relation (``"typed"."shop.orders"``); ``columns``
    are ``(name, duckdb_type)`` pairs. Tables of at most ``exact_distinct_max_rows`` rows get
    exact distinct counts and exact percentiles (``quantile_cont``); larger tables get exact
    distinct counts only for columns with at most 100,000 approximate distinct values, and
    ``approx_count_distinct`` (``distinct_is_approximate``) and ``approx_quantile`` otherwise.
    ``bounds`` are ranges the caller already knows (``{column: (min, max)}``): numeric columns
    whose bounds equal the data's min and max are bucketed in the first statement; other
    bounds (temporal ones too) are ignored and cost one small ``GROUP BY`` in the second.
    ``row_count`` (the relation's row count) saves the initial ``count(*)``. ``relation``
    should be a table: every per-column branch scans it, so a view over a file would read the
    file once per branch.

    What each kind gets:

    * integers, DOUBLE, DECIMAL: min/max/mean/stddev (floats), percentiles p25..p99, and up to
      20 equal-width buckets ``{"bucket": "[lo, hi)", "lower", "upper", "count"}``, empty ones
      included. Integer columns get whole-number widths (a range of at most 20 values gets one
      bucket per value); a float range's last bucket is closed, ``[lo, hi]``. No histogram
      when the range is not finite (NaN, infinities).
    * DATE, TIMESTAMP, TIMESTAMP WITH TIME ZONE: ``min_text``/``max_text`` as DuckDB renders
      them (ISO 8601 with a space between date and time, in the session time zone); numeric
      statistics and percentiles stay None. Histogram per day, week, month, quarter, year or
      decade or century, the finest with at most 60 periods, empty periods included
      (``{"bucket": "2021-03", "count": n}``; weeks are ISO weeks, ``2021-W09``).
    * TIME: min/max text and a histogram by hour (``"08:00"``).
    * BOOLEAN: histogram ``false``/``true`` with their counts.
    * VARCHAR and every other type (cast to VARCHAR): min/max text, min/max/avg length in
      characters. A VARCHAR column of at most ``SPELLING_MAX_VALUES`` exactly counted distinct
      values also gets ``spelling``: its values written with whitespace around them or equal
      to another but for case and spacing, with their counts, most frequent first (from its
      ``GROUP BY value``, no scan of its own). ``sampled_distinct`` (``{column: share of its
      sampled values that were distinct}``, from inference) spares the check on a column of
      a table of more than ``SPELLING_MAX_VALUES`` rows whose sample was nearly all distinct
      (`SPELLING_SKIP_SAMPLED_SHARE`).

    Top values (every kind): up to 10 values seen more than once, as text with their exact
    count, most frequent first, ties broken by value in the column's own order (numbers
    numerically, text bytewise). A value seen once is never a top value, so a unique column
    has none (its distinct count equals its non-null count). Above ``exact_distinct_max_rows``
    the list for a high-cardinality column is built from ``approx_top_k`` candidates: the
    counts are still exact, but a value the sketch missed can be absent. Text is cut to 200
    characters. ``cardinality_ratio`` is distinct/total and ``null_ratio`` null/total, both
    None for an empty table.

    DuckDB errors (missing relation, interrupt) propagate unchanged to the gateway.
    """
    specs = [ColumnSpec.of(i, name, data_type) for i, (name, data_type) in enumerate(columns)]
    if row_count is None:
        row_count = _count_rows(con, relation)
    exact = row_count <= exact_distinct_max_rows
    spelling = {spec.index: _spelling_wanted(spec, row_count, sampled_distinct) for spec in specs}
    stacked = exact and row_count <= STACKED_MAX_ROWS and len(specs) >= STACKED_MIN_COLUMNS

    given_plans: dict[int, NumericBuckets] = {}
    for spec in specs:
        if is_numeric(spec.kind) and bounds and spec.name in bounds:
            lo, hi = bounds[spec.name]
            plan = plan_numeric_buckets(lo, hi, integer=spec.kind == "integer")
            if plan is not None:
                given_plans[spec.index] = plan

    # Branches that need nothing from the main aggregate run in its statement.
    early = Branches(relation)
    if stacked:
        for alike_specs in alike([spec for spec in specs if spec.kind != "boolean"]):
            early.stacked_groups(alike_specs)
    _add_histograms(early, [(spec, given_plans[spec.index]) for spec in specs if spec.index in given_plans], stacked)
    for spec in specs:
        if exact and not stacked and spec.kind != "boolean":
            early.groups(spec, spelling=spelling[spec.index])
        if spec.kind == "time":
            early.hour_histogram(spec)
    if stacked:
        row, parts = run_main_with(con, stacked_query(relation, specs), early)
        total = row_count
        stats = _stacked_statistics(row, specs)
    else:
        row, parts = run_main_with(con, main_query(relation, specs, exact=exact), early)
        total = int(row[0])
        stats = list(row[1:])

    non_finite = _non_finite(con, relation, [spec for spec in specs if _unbounded(spec, stats[spec.index])])
    for index, (_, mean, sd) in non_finite.items():
        stats[index] = {**stats[index], "mean": mean, "sd": sd}

    late = Branches(relation)
    numeric_plans: dict[int, NumericBuckets] = {}
    periods: dict[int, tuple[Period, date, date]] = {}
    replanned: list[tuple[ColumnSpec, NumericBuckets]] = []
    for spec in specs:
        s = stats[spec.index]
        if s["n"] == 0 or spec.kind == "boolean":
            continue
        if not exact:
            if s["nd"] <= APPROX_GROUP_LIMIT:
                late.groups(spec, spelling=spelling[spec.index])
            else:
                late.candidates(spec)
        if is_numeric(spec.kind):
            # Buckets always span the data's own range; the caller's bounds only spare the
            # second statement when they are that range (other bounds are counted again).
            plan = plan_numeric_buckets(s["lo"], s["hi"], integer=spec.kind == "integer")
            if plan is not None:
                numeric_plans[spec.index] = plan
                if plan != given_plans.get(spec.index):
                    replanned.append((spec, plan))
        elif spec.kind == "temporal":
            span = _date_span(s["lo"], s["hi"])
            if span is not None:
                period = choose_period(*span)
                periods[spec.index] = (period, *span)
                late.period_histogram(spec, period)
    _add_histograms(late, replanned, stacked)
    for index, column_parts in late.run(con).items():
        parts.setdefault(index, {}).update(column_parts)

    return [
        _assemble(
            spec,
            total,
            stats[spec.index],
            parts.get(spec.index, {}),
            numeric_plan=numeric_plans.get(spec.index),
            period=periods.get(spec.index),
            non_finite=non_finite[spec.index][0] if spec.index in non_finite else None,
            spelled=spelling[spec.index],
        )
        for spec in specs
    ]


def _unbounded(spec: ColumnSpec, s: dict[str, Any]) -> bool:
    """Whether a numeric column's min or max is no finite number: it holds infinities or
    NaN (DuckDB sorts NaN above every number)."""
    return is_numeric(spec.kind) and s["n"] > 0 and not (math.isfinite(s["lo"]) and math.isfinite(s["hi"]))


_NON_FINITE_KINDS = ("+inf", "-inf", "nan")


def _non_finite(
    con: duckdb.DuckDBPyConnection, relation: str, specs: list[ColumnSpec]
) -> dict[int, tuple[dict[str, int], float | None, float | None]]:
    """For the columns whose range is not finite (rare: one statement for them all, none for
    other tables): their counts of +inf, -inf and NaN, and the mean and stddev of their finite
    values, which the main aggregate gives as inf or NaN (JSON has neither, so an agent saw a
    mean of null and no max)."""
    if not specs:
        return {}
    selects: list[str] = []
    for spec in specs:
        v = f"CAST({quote_ident(spec.name)} AS DOUBLE)"
        selects += [
            f"count_if({v} = 'inf'::DOUBLE)", f"count_if({v} = '-inf'::DOUBLE)", f"count_if(isnan({v}))",
            f"avg({v}) FILTER (WHERE isfinite({v}))", f"stddev_samp({v}) FILTER (WHERE isfinite({v}))",
        ]
    row = con.execute(f"SELECT {', '.join(selects)} FROM {relation}").fetchone()
    assert row is not None
    found: dict[int, tuple[dict[str, int], float | None, float | None]] = {}
    for position, spec in enumerate(specs):
        counts = row[5 * position : 5 * position + 3]
        mean, sd = row[5 * position + 3], row[5 * position + 4]
        found[spec.index] = ({k: int(c) for k, c in zip(_NON_FINITE_KINDS, counts, strict=True) if c}, mean, sd)
    return found


def non_finite_notes(profiles: list[ColumnProfile]) -> dict[str, str]:
    """A note for each column holding infinities or NaN: how many, and that the mean and
    stddev are of the finite values (Prometheus's histogram buckets end in le="+Inf")."""
    words = {"+inf": "+Inf", "-inf": "-Inf", "nan": "NaN"}
    notes: dict[str, str] = {}
    for p in profiles:
        if not p.non_finite:
            continue
        listed = ", ".join(f"{count:,} {words[kind]}" for kind, count in p.non_finite.items())
        notes[p.column_name] = (
            f" The column holds values that are no finite number ({listed}): the minimum or maximum says so"
            " (Infinity, -Infinity, NaN); the mean and standard deviation are of the finite values, and a percentile"
            " that falls on one is left out."
        )
    return notes


def _add_histograms(branches: Branches, planned: list[tuple[ColumnSpec, NumericBuckets]], stacked: bool) -> None:
    """Numeric histogram branches for these columns and plans: one per column, or one per
    type of column when ``stacked``."""
    if not stacked:
        for spec, plan in planned:
            branches.numeric_histogram(spec, plan)
        return
    plans = {spec.index: plan for spec, plan in planned}
    for alike_specs in alike([spec for spec, _ in planned]):
        branches.stacked_numeric_histograms([(spec, plans[spec.index]) for spec in alike_specs])


def _stacked_statistics(row: tuple[Any, ...], specs: list[ColumnSpec]) -> list[dict[str, Any]]:
    """Each column's statistics from `stacked_query`'s lists; a column without a value gets
    what the main aggregate gives it (a count of 0, no bounds)."""
    found = {int(item["col"]): item["s"] for listed in row for item in listed or []}
    empty = {"n": 0, "lo": None, "hi": None, "t": None, "f": None}
    return [found.get(spec.index, empty) for spec in specs]


def _count_rows(con: duckdb.DuckDBPyConnection, relation: str) -> int:
    row = con.execute(f"SELECT count(*) FROM {relation}").fetchone()
    assert row is not None
    return int(row[0])


def _assemble(
    spec: ColumnSpec,
    total: int,
    s: dict[str, Any],
    parts: dict[str, tuple[Any, list[dict[str, Any]]]],
    *,
    numeric_plan: NumericBuckets | None,
    period: tuple[Period, date, date] | None,
    non_finite: dict[str, int] | None = None,
    spelled: bool = True,
) -> ColumnProfile:
    non_null = int(s["n"])
    groups_n, top_items = parts.get("groups", (None, []))
    hist_items = parts.get("hist", (None, []))[1]

    distinct_is_approximate = False
    trues = falses = 0
    if spec.kind == "boolean":
        trues, falses = int(s["t"] or 0), int(s["f"] or 0)  # count_if of no rows is NULL
        distinct = int(trues > 0) + int(falses > 0)
        counted = [("false", falses), ("true", trues)]
        top = [(value, count) for value, count in counted if count > 1]
    else:
        if non_null == 0:
            distinct = 0
        elif groups_n is not None:
            distinct = int(groups_n)
        else:
            distinct = min(int(s["nd"]), non_null)
            distinct_is_approximate = True
        top = [(str(item["v"]), int(item["c"])) for item in top_items]
    # min_by already orders by (-count, value); this stable sort only guards the count order.
    top.sort(key=lambda pair: -pair[1])

    fields: dict[str, Any] = {}
    if is_numeric(spec.kind) and non_null:
        fields.update(
            min_value=s["lo"],
            max_value=s["hi"],
            mean_value=s["mean"],
            stddev_value=s["sd"],
            percentiles=_percentiles(s["q"]),
            non_finite=non_finite or None,
        )
        if spec.kind == "integer" and max(abs(s["lo_i"]), abs(s["hi_i"])) > _EXACT_IN_DOUBLE:
            # 19-digit ids (FEC's SUB_ID, Airbnb's listings): min and max rounded to DOUBLE are
            # none of the values; p0 and p100 keep them exact, as JSON numbers.
            fields["percentiles"] = {"p0": int(s["lo_i"]), **(fields["percentiles"] or {}), "p100": int(s["hi_i"])}
        if numeric_plan is not None:
            fields["histogram"] = numeric_histogram(numeric_plan, _pairs(hist_items, int))
    elif spec.kind == "boolean":
        fields["histogram"] = [
            {"bucket": "false", "count": falses},
            {"bucket": "true", "count": trues},
        ]
    elif spec.kind in ("temporal", "time"):
        fields.update(min_text=s["lo"], max_text=s["hi"])
        if spec.kind == "time" and non_null:
            fields["histogram"] = _hour_histogram(_pairs(hist_items, int))
        elif period is not None:
            unit, first, last = period
            counts_by_start = _pairs(hist_items, _period_key_parser(unit))
            fields["histogram"] = period_histogram(first, last, unit, counts_by_start)
    elif non_null:
        fields.update(
            min_text=_cut(s["lo"]),
            max_text=_cut(s["hi"]),
            min_length=int(s["lmin"]),
            max_length=int(s["lmax"]),
            avg_length=float(s["lavg"]),
        )
        if spelled and spec.kind == "text" and not distinct_is_approximate and distinct <= SPELLING_MAX_VALUES:
            spelling = [(str(item["v"]), int(item["c"])) for item in parts.get("spelling", (None, []))[1]]
            fields["spelling"] = tuple(sorted(spelling, key=lambda pair: (-pair[1], pair[0])))

    return ColumnProfile(
        column_name=spec.name,
        total_count=total,
        null_count=total - non_null,
        distinct_count=distinct,
        distinct_is_approximate=distinct_is_approximate,
        top_values=[{"value": _cut(value), "count": count} for value, count in top[:TOP_VALUES]],
        cardinality_ratio=distinct / total if total else None,
        null_ratio=(total - non_null) / total if total else None,
        **fields,
    )


_EXACT_IN_DOUBLE = 2**53


def _percentiles(values: list[float] | None) -> dict[str, float] | None:
    """Named percentiles; non-finite ones (from NaN or infinite data) are left out, since the
    dict is stored as JSON."""
    if not values:
        return None
    named = {
        name: float(value)
        for (name, _), value in zip(PERCENTILES, values, strict=True)
        if value is not None and math.isfinite(value)
    }
    return named or None


def _pairs(items: list[dict[str, Any]], parse: Callable[[str], K]) -> dict[K, int]:
    return {parse(item["v"]): int(item["c"]) for item in items}


def _period_key_parser(period: Period) -> Callable[[str], date]:
    if period in ("decade", "century"):
        return lambda text: date(max(int(text), 1), 1, 1)
    return date.fromisoformat


def _hour_histogram(counts: dict[int, int]) -> list[dict[str, object]]:
    hours = range(min(counts), max(counts) + 1)
    return [{"bucket": f"{h:02d}:00", "count": counts.get(h, 0)} for h in hours]


def _date_span(lo: str | None, hi: str | None) -> tuple[date, date] | None:
    """Calendar dates of DuckDB's text for the min and max, or None when Python cannot hold
    them (BC dates, years past 9999, infinities): such columns get no histogram."""
    if lo is None or hi is None:
        return None
    try:
        return _calendar_date(lo), _calendar_date(hi)
    except ValueError:
        return None


def _calendar_date(text: str) -> date:
    if "(BC)" in text or (len(text) > 10 and text[10] != " "):
        raise ValueError(text)
    return date.fromisoformat(text[:10])


def _cut(text: str | None) -> str | None:
    if text is None or len(text) <= MAX_TEXT_CHARS:
        return text
    return text[:MAX_TEXT_CHARS] + "…"
