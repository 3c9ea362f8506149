"""Notes on what a column's profile shows of its values' quality, for its decision.

Two kinds, both from statistics the profile already has (no query of their own):

* spelling, in a text column of few distinct values: values written with spaces before or
  after them, and values equal but for case or spacing. A hand-kept menu sheet wrote "Mac &
  Cheese " and "caesar salad" beside "Caesar Salad": a filter or a join on the exact text
  misses them, and a ``GROUP BY`` counts one dish twice.
* extreme values in a numeric column: a maximum far above the 99th percentile (or a minimum
  far below the 25th). A POS export's check durations ran to 99,960 s (checks left open a
  day) against a 99th percentile of 5,084 s: they pulled the mean to 2,793 s against a median
  of 2,668 s, and put 3,325 of 3,353 values in the histogram's first bucket.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from datadossier.profiling.model import ColumnProfile

# Example values are cut to this many characters in a note.
_EXAMPLE_CHARS = 60
# A maximum counts as extreme beyond p99 + this many times (p99 - p50): about 9.3 standard
# deviations above the mean of a normal column, 16 medians' worth of an exponential one.
_HIGH_SPREADS = 3.0
# No first percentile is computed (one more quantile selection per column), so a minimum is
# judged from the quartiles: beyond p25 - this many times (p75 - p25), about 8.8 standard
# deviations below a normal column's mean, as far out as the rule for the maximum.
_LOW_SPREADS = 6.0
_SPACES = re.compile(r"\s+")


def spelling_key(value: str) -> str:
    """What a value reads as once case and spacing are set aside (as `queries._spelling`)."""
    return _SPACES.sub(" ", value.strip()).lower()


def stray_spaces(values: Iterable[tuple[str, int]]) -> list[tuple[str, int]]:
    """The values written with whitespace before or after them, most rows first."""
    return sorted(((v, c) for v, c in values if v != v.strip()), key=lambda pair: (-pair[1], pair[0]))


def variant_sets(values: Iterable[tuple[str, int]]) -> list[list[tuple[str, int]]]:
    """The sets of two or more values equal but for case and spacing, each most rows first,
    the sets by their rows, most first."""
    sets: dict[str, list[tuple[str, int]]] = {}
    for value, count in values:
        sets.setdefault(spelling_key(value), []).append((value, count))
    found = [sorted(members, key=lambda pair: (-pair[1], pair[0])) for members in sets.values() if len(members) > 1]
    return sorted(found, key=lambda members: (-sum(c for _, c in members), members[0][0]))


def spelling_notes(profiles: list[ColumnProfile]) -> dict[str, str]:
    """A note for each text column whose distinct values include stray spaces or variants of
    one value by case or spacing (`ColumnProfile.spelling`): how many, with an example."""
    notes: dict[str, str] = {}
    for p in profiles:
        if not p.spelling:
            continue
        parts: list[str] = []
        stray = stray_spaces(p.spelling)
        if stray:
            value, count = stray[0]
            parts.append(f"{_quoted(value)} ({_rows(count)}) has {_where_spaces(value)}")
            if len(stray) > 1:
                parts[-1] += f" ({len(stray):,} values of {_rows(sum(c for _, c in stray))} have spaces around them)"
        sets = variant_sets(p.spelling)
        if sets:
            shown = next((s for s in sets if all(v != stray[0][0] for v, _ in s)), sets[0]) if stray else sets[0]
            listed = " and ".join(f"{_quoted(v)} ({_rows(c)})" for v, c in shown[:3])
            more = f" and {len(shown) - 3:,} more" if len(shown) > 3 else ""
            parts.append(f"{listed}{more} differ only by {_how_they_differ(shown)}")
            if len(sets) > 1:
                parts[-1] += f" ({len(sets):,} such sets of values)"
        notes[p.column_name] = (
            f" Spelling: {'; '.join(parts)}. Filters and joins on the exact text miss such values and GROUP BY counts"
            " them apart; compare lower(trim(...)) instead."
        )
    return notes


def extreme_notes(profiles: list[ColumnProfile], skip: Iterable[str] = ()) -> dict[str, str]:
    """A note for each numeric column whose maximum lies far above its 99th percentile, or
    whose minimum lies far below its 25th (see the module), from the profile's statistics
    alone. Columns in ``skip`` are left out: their extreme value is a code for a missing one,
    which their note already names (`sentinels.missing_codes`), or they mix currencies or units
    (`row_currency`)."""
    left_out = set(skip)
    notes: dict[str, str] = {}
    for p in profiles:
        q = p.percentiles or {}
        if p.column_name in left_out or p.non_finite or p.min_value is None or p.max_value is None:
            continue
        found: list[str] = []
        p25, p50, p75, p99 = q.get("p25"), q.get("p50"), q.get("p75"), q.get("p99")
        if p50 is not None and p99 is not None and p99 > p50 and p.max_value > p99 + _HIGH_SPREADS * (p99 - p50):
            found.append(f"the maximum {_number(p.max_value)} lies far above the 99th percentile {_number(p99)}")
        if p25 is not None and p75 is not None and p75 > p25 and p.min_value < p25 - _LOW_SPREADS * (p75 - p25):
            found.append(f"the minimum {_number(p.min_value)} lies far below the 25th percentile {_number(p25)}")
        if found:
            median = f" (median {_number(p50)})" if p50 is not None else ""
            notes[p.column_name] = (
                f" Extreme values: {' and '.join(found)}{median}. A few values far from the rest pull the mean and"
                " stretch the histogram, whose buckets then hold nearly everything in one; the percentiles describe"
                " the bulk."
            )
    return notes


def _where_spaces(value: str) -> str:
    before, after = value != value.lstrip(), value != value.rstrip()
    if before and after:
        return "spaces at both ends"
    return "a leading space" if before else "a trailing space"


def _how_they_differ(members: list[tuple[str, int]]) -> str:
    by_case = len({_SPACES.sub(" ", v.strip()) for v, _ in members}) > 1
    by_spacing = len({v.lower() for v, _ in members}) > 1
    if by_case and by_spacing:
        return "case and spacing"
    return "case" if by_case else "spacing"


def _quoted(value: str) -> str:
    if len(value) > _EXAMPLE_CHARS:
        value = value[:_EXAMPLE_CHARS] + "…"
    return repr(value)


def _rows(count: int) -> str:
    return f"{count:,} row" if count == 1 else f"{count:,} rows"


def _number(value: float) -> str:
    return f"{value:,.6g}"
