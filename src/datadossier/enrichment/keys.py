"""Candidate keys and grain of one table, checked exactly in DuckDB.

Single columns first: a column qualifies when its profile shows no nulls and (nearly) as many
distinct values as rows; one query then counts the exact distinct values of all of them.
Combinations of 2, then 3 columns are tried only when no single column qualifies, from a short
list of plausible parts (identifiers and codes first, dates last) and, for triples, from the
pairs of identifiers that came nearest to unique with one part more (a triple found is then
checked for a unique pair within it; with none found, one of up to 4 parts is grown from the
table's identifier, `_grown_key`); only sets whose distinct counts multiply to at least the
row count are counted, again one query per batch. One text part of a composite may have empty
values (its NULL counted as one value): a region's rows beside its country's.

What cannot be a key is left out: measures (floating point, decimals, but a grid's coordinates
beside a time; whole numbers named for a year or a date such as POPESTIMATE2020 or "6/29/20",
or as an amount such as a volume or a total; text named as a count or a share), booleans,
free text, descriptive columns (names, titles) unless a name repeats over groups of rows (a
panel's tickers or countries), and timestamps unless nothing else identifies a row (a time
series). Among the keys found, the grain is the one that looks most
like an identifier (a row counter such as ROW_ID after the entity's own key; among
composites, the one whose parts make hardly more pairs than rows); a table with no key gets
no grain ("unknown") rather than a guess.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime, timedelta
from itertools import combinations, pairwise
from typing import TYPE_CHECKING, Any

from datadossier.engine import quote_ident
from datadossier.enrichment.model import ColumnStats, Link, TableKeys, TableStats
from datadossier.enrichment.naming import (
    COUNTER_WORDS,
    core_words,
    entity_words,
    is_amount_like,
    is_descriptive,
    is_key_like,
    is_measure_like,
    is_placeholder,
    names_a_rank,
    names_a_time,
    names_a_unit,
    names_a_year,
)

if TYPE_CHECKING:
    import duckdb

FREE_TEXT_LENGTH = 40.0
# Text named as an identifier may be longer (the FDA's PRODUCTID "0002-0800_ab2a5006-...").
ID_TEXT_LENGTH = 128.0
MAX_PARTS = 8
MAX_COMBINATIONS = 40
_BATCH = 12
# Triples are first sought by adding a part to the pairs nearest to unique: how many pairs,
# and how many parts tried with each (the rest of `MAX_COMBINATIONS` goes to the pool's).
_EXTENDED_PAIRS = 2
_EXTENSIONS = 10
# A set of columns whose distinct counts multiply to more than rows / LOOSE_PAIR, with a part
# that may be unique by chance (`_by_chance`), is no key; nor is a set with two such parts.
# (A triple of parts of few values each stays one: a player, a year and a stint.)
LOOSE_PAIR = 0.05


def _part_ok(column: ColumnStats, rows: int) -> bool:
    """Whether a column may be part of a key at all."""
    if column.nulls or column.family not in ("integer", "string", "temporal"):
        return False
    if column.listed:
        return False  # several things a value (ClinicalTrials.gov's Other IDs "2019-001234-56|CR123456"), no row
    if column.family == "integer" and _names_a_period(column.name) and not is_key_like(column.name):
        return False  # a period's figure (POPESTIMATE2020, "6/29/20"), unique or not
    if column.family == "integer" and is_amount_like(column.name) and not _counts_periods(column.name):
        return False  # a volume, a total (Tot_Benes): unique with others by chance only
    if column.family == "integer" and _insured_figure(column.name):
        return False  # a loss, a premium, a reserve (Schedule P's EarnedPremDIR_B, a triangle's Case Reserves)
    if column.family == "integer" and not is_key_like(column.name) and _tallied(column.name):
        return False  # a count of events or stock (AppLovin's Impressions, a WMS's On Hand)
    if column.family == "integer" and not is_key_like(column.name) and _measured(column.name):
        return False  # a reading in a unit (PJM's AEP_MW, duration_ms): unique by chance only
    if column.sql_type.upper().startswith("TIMESTAMP") and _load_stamp(column.name):
        return False  # when the record was loaded (NASS Quick Stats' LOAD_TIME): no part of what it is
        # (A day stays one: a freight load's Load Date.)
    if column.family == "string" and _opaque_payload(column.name):
        return False  # a message's content, unique as readings are (TTN's frm_payload)
    if column.family == "string" and _text_measure(column.name):
        return False  # a count or a share left text by its suppression markers ("<10", ">95%")
    length = column.avg_length or 0.0
    if column.digest:
        return True  # (a tx hash under Txhash, a BTC txid, a wallet's address: no word of a key in them)
    if column.family == "string" and length > FREE_TEXT_LENGTH and (length > ID_TEXT_LENGTH or not is_key_like(column.name)):
        return length <= ID_TEXT_LENGTH and _long_label(column, rows)
    if is_descriptive(column.name) and not is_key_like(column.name):
        # A name is an attribute, unless it names groups of rows: the tickers under "Name" of
        # a table of daily prices, a country's name in a yearly panel (each value repeats);
        # or its values are codes of one width (Shopify's orders export: "#1001" under Name).
        return column.family == "string" and (
            (column.distinct or rows) <= rows // 2 or (column.fixed_length or 0) in _CODE_WIDTHS
        )
    return True


# Words of a message's opaque content: The Things Network's uplinks carry a sensor's reading
# as frm_payload ("SnVeu6mZ", base64), other brokers as payload_hex or a blob. Unique while
# the readings differ, and repeated as soon as two agree: the message's key is its device and
# counter, or its receive time.
_PAYLOAD_WORDS = frozenset({"payload", "blob", "base64", "b64", "bytes"})


# Names of a grid's coordinates: xarray's and cfgrib's latitude and longitude in an ERA5
# extract, lat and lon in a CMIP6 or Daymet one; x and y of a projected grid, as whole names.
_COORDINATE_WORDS = frozenset({"latitude", "longitude", "lat", "lon", "lng"})
_AXIS_NAMES = frozenset({"x", "y"})


def _grid_coordinate(column: ColumnStats, table: TableStats) -> bool:
    """A decimal named as a coordinate, each value on two rows or more, in a table with a
    time repeated over its rows or a short list of codes (a GRIB dump's variable and level):
    a grid's point, read at each time (ERA5's valid_time, latitude, longitude, written from
    xarray), a dimension of the table and not a measure. (A store's or an incident's
    coordinates, nearly one a row, stay measures.)"""
    if column.family != "float" or column.nulls or (column.distinct or table.rows) * 2 > table.rows:
        return False
    ws = core_words(column.name)
    if not (_COORDINATE_WORDS.intersection(ws) or column.name.strip().lower() in _AXIS_NAMES):
        return False
    return any(
        c is not column and not c.nulls and (c.distinct or 0) >= 2
        and ((c.family == "temporal" and (c.distinct or table.rows) * 2 <= table.rows) or _short_list(c, table.rows))
        for c in table.columns
    )


def _without_followers(con: duckdb.DuckDBPyConnection, table: TableStats, parts: list[ColumnStats]) -> list[ColumnStats]:
    """The parts of a grid read at times but those that follow its time, one value for each
    time: ERA5's expver ("0001" for final data, "0005" for the last days, still preliminary),
    which adds nothing to the time in a key, and started the growth of one (`_grown_key`)
    that never reached the grid's four dimensions."""
    times = [c for c in parts if c.family == "temporal" and (c.distinct or table.rows) * 2 <= table.rows]
    if not times:
        return parts
    time = max(times, key=lambda c: c.distinct or 0)
    few = [
        c for c in parts
        if c.family in ("string", "integer") and not is_key_like(c.name) and 2 <= (c.distinct or table.rows) <= (time.distinct or 0)
    ]
    counts = _distinct_counts(con, table, [(time.name,), *((time.name, c.name) for c in few)])
    followers = {c.name for c in few if counts[(time.name, c.name)] == counts[(time.name,)]}
    return [c for c in parts if c.name not in followers]


# A figure written with its interval or margin: the WHO GHO's Display Value "63.3 [61.5-65.1]"
# (First Tooltip in its web download), NIS-Child's "85.3 (±2.1)", a table's "5.2 (4.1, 6.3)".
_NUMBER_TEXT = r"[<>~]?\s*-?[0-9][0-9,]*(?:\.[0-9]+)?\s*%?"
_ESTIMATE = rf"{_NUMBER_TEXT}\s*[\[(]\s*(?:±|\+/-)?\s*{_NUMBER_TEXT}\s*(?:(?:-|–|to|,|;)\s*{_NUMBER_TEXT}\s*)?[\])]"
# Share of a sample's values so written that makes a text column such a figure (a few "No data").
_ESTIMATE_SHARE = 0.8
# Values of a text column read to tell whether it holds such figures.
_ESTIMATE_SAMPLE = 10_000


def _estimates_with_intervals(con: duckdb.DuckDBPyConnection, table: TableStats) -> frozenset[str]:
    """The text columns whose values are figures written with their interval (see `_ESTIMATE`),
    read on a sample: measures, as a DOUBLE is, never key parts. Nearly every GHO estimate
    differs, so its Display Value was unique by chance and taken as the grain before the
    indicator's year, country and sex."""
    texts = [
        c for c in table.columns
        if c.family == "string" and not c.listed and not is_key_like(c.name) and (c.avg_length or 0.0) <= FREE_TEXT_LENGTH
        and c.nulls < table.rows
    ]
    if not texts:
        return frozenset()
    checks = ", ".join(
        f"count(*) FILTER (WHERE regexp_full_match(trim({quote_ident(c.name)}), $1)) >= $2 * count({quote_ident(c.name)})"
        f" AND count({quote_ident(c.name)}) > 0"
        for c in texts
    )
    sample = f"(SELECT * FROM {table.relation} LIMIT {_ESTIMATE_SAMPLE})"
    row = con.execute(f"SELECT {checks} FROM {sample}", [_ESTIMATE, _ESTIMATE_SHARE]).fetchone()
    assert row is not None
    return frozenset(c.name for c, estimate in zip(texts, row, strict=True) if estimate)


# Words of a time a record was loaded or extracted, a stamp of the pipeline that wrote the
# file: NASS Quick Stats' LOAD_TIME, of a few dozen values over a download, told its rows
# apart in place of their YEAR (an ETL's load_ts, extracted_at, ingestion_time likewise).
_LOAD_WORDS = frozenset({"load", "loaded", "ingest", "ingested", "ingestion", "etl", "extract", "extracted", "extraction"})


def _load_stamp(name: str) -> bool:
    ws = core_words(name)
    return bool(_LOAD_WORDS.intersection(ws)) and (names_a_time(name) or ws[-1] in ("ts", "dttm", "dt"))


def _opaque_payload(name: str) -> bool:
    return bool(_PAYLOAD_WORDS.intersection(core_words(name))) and not is_key_like(name)


# Words of what a report or a stock count tallies, beside the measures' words the names
# share (`naming.MEASURE_WORDS`): an ad network's Impressions, Clicks and Installs by day,
# app, format, network and country; a warehouse's On Hand, Allocated and Available by
# location, item and lot. Numbers of many values, unique with the dimensions by chance.
_TALLY_WORDS = frozenset({
    "impressions", "impr", "clicks", "views", "installs", "downloads", "requests", "conversions",
    "onhand", "hand", "allocated", "available", "reserved", "picked", "shipped", "received",
})


# Words that lead or end the name of a figure: a state assessment's "Number Tested" and
# "Percent Level 1", text when suppressed cells read "<10", "*" or ">95%" (every long
# results file by school, subject, grade and student group); unique with the dimensions by
# chance, ahead of a Subject of three values. Not when the name ends in a word of groups
# (an "Age Group", a "Rate Class" or "Count Type" name kinds of things).
_FIGURE_WORDS = frozenset({
    "percent", "percentage", "pct", "rate", "ratio", "share", "count", "cnt", "number", "num", "nbr",
    "total", "tot", "amount", "amt", "qty", "quantity", "avg", "average", "mean", "median",
})
_GROUP_TAILS = frozenset({
    "group", "groups", "range", "band", "bucket", "bin", "bracket", "category", "class", "type", "kind", "tier",
    "level", "plan", "name", "label", "desc", "description", "flag", "indicator",
})


def _text_measure(name: str) -> bool:
    """Whether a text column's name says it holds a figure (see `_FIGURE_WORDS`)."""
    if is_key_like(name):
        return False
    if name.strip().startswith(("%", "#")):
        return True  # ("% Proficient", "# Tested")
    ws = core_words(name)
    if not ws or ws[-1] in _GROUP_TAILS:
        return False
    # (A bare "Number", a "Case Number", number things: key words, above.)
    return ws[0] in _FIGURE_WORDS or ws[-1] in _FIGURE_WORDS


# Words of an insurer's figures: the losses paid, incurred and reserved, the premiums earned
# (the CAS Schedule P database's IncurLoss_B, CumPaidLoss_B, EarnedPremDIR_B, PostedReserve97_B;
# a long loss triangle's Paid, Incurred and Case Reserves by AY and Dev Lag). Whole dollars,
# unique by chance: a premium constant over a company's accident year made keys with the
# development year, and a triangle of ten rows was keyed by its Case Reserves, never by AY and
# Dev Lag.
_INSURED_FIGURE_WORDS = frozenset({
    "loss", "losses", "prem", "premium", "premiums", "reserve", "reserves", "incurred", "incur", "paid",
    "ibnr", "recovery", "recoveries", "salvage", "subrogation",
})
_TRAILING_DIGITS = re.compile(r"[0-9]+$")


def _insured_figure(name: str) -> bool:
    """Whether a name holds an insurer's figure (see `_INSURED_FIGURE_WORDS`), not ending as an
    identifier does (a Loss ID) nor naming a period (a Loss Year, an accident year's own name
    in some triangles). A key word leading it does not make it one ("Case Reserves": the
    reserves on open cases)."""
    ws = [_TRAILING_DIGITS.sub("", w) for w in core_words(name)]  # (PostedReserve97_B)
    if not _INSURED_FIGURE_WORDS.intersection(ws):
        return False
    return not is_key_like(ws[-1]) and not names_a_year(name) and not names_a_time(name) and not _counts_periods(name)


def _tallied(name: str) -> bool:
    return bool(_TALLY_WORDS.intersection(core_words(name)))


def _long_label(column: ColumnStats, rows: int) -> bool:
    """Long text that repeats over groups of rows, two rows a value or more: a label of a
    dimension, not free text (USA Trade Online's Commodity, "0101 Horses, Asses, Mules And
    Hinnies, Live", over every country and month; comments and descriptions are nearly all
    different)."""
    return column.distinct is not None and 2 <= column.distinct <= rows // 2


# Widths of the values of a code (every value as wide): "#1001", "SO-1001", "INV-0042".
_CODE_WIDTHS = range(3, 21)


def _measured(name: str) -> bool:
    """Whether a name states a unit of measurement (not a coordinate's degrees, nor a day
    count that numbers a history, see `_counts_periods`)."""
    from datadossier.inference.units import unit_from_name

    # (Also a unit in brackets within the name: EIA-930's "Net Generation (MW) from Coal",
    # "Demand (MW) (Adjusted)", which filled the parts tried for its key.)
    unit = unit_from_name(name)
    return unit is not None and unit.unit not in ("deg", "day", "week", "month", "year") and not _counts_periods(name)


_PERIOD_WORDS = frozenset({"day", "days", "week", "weeks", "month", "months", "quarter", "quarters", "year", "years", "period"})


def _counts_periods(name: str) -> bool:
    """A count of periods first in the name: Home Credit's MONTHS_BALANCE (a month before the
    application, 0, -1, ...) numbers a row of a monthly history, whatever it is of."""
    ws = core_words(name)
    return bool(ws) and ws[0] in _PERIOD_WORDS


def _short_list(column: ColumnStats, rows: int, longest: float = 12.0) -> bool:
    """Short text (``longest`` characters on average at most) from a small list of values: a
    code or a label of groups of rows."""
    return (
        column.family == "string" and (column.distinct or rows) <= max(50, rows // 100)
        and (column.avg_length or 0.0) <= longest
    )


def _is_name_key_part(column: ColumnStats) -> bool:
    return (
        not column.nulls and not column.listed and column.family == "string" and is_descriptive(column.name)
        and (column.avg_length or 0.0) <= FREE_TEXT_LENGTH
    )


def _could_be_unique(column: ColumnStats, rows: int) -> bool:
    # Profiles above the exact-distinct threshold hold an approximate count (a few % off).
    return column.distinct is None or column.distinct >= 0.95 * rows


def _distinct_counts(
    con: duckdb.DuckDBPyConnection, table: TableStats, sets: list[tuple[str, ...]]
) -> dict[tuple[str, ...], int]:
    """Exact distinct counts of column sets, a batch of sets per query."""
    counts: dict[tuple[str, ...], int] = {}
    for start in range(0, len(sets), _BATCH):
        batch = sets[start : start + _BATCH]
        exprs: list[str] = []
        for cols in batch:
            inner = ", ".join(quote_ident(c) for c in cols)
            exprs.append(f"count(DISTINCT {inner})" if len(cols) == 1 else f"count(DISTINCT ({inner}))")
        row = con.execute(f"SELECT {', '.join(exprs)} FROM {table.relation}").fetchone()
        assert row is not None
        counts.update({cols: int(n) for cols, n in zip(batch, row, strict=True)})
    return counts


def find_keys(con: duckdb.DuckDBPyConnection, table: TableStats) -> TableKeys:
    """The minimal unique non-null column sets of ``table`` (up to 3 columns, or 4 grown from
    an identifier, see `_grown_key`) and its grain."""
    rows = table.rows
    if rows == 0:
        return TableKeys(table.name, (), None, {"reason": "the table has no rows"})
    if rows == 1:
        # Every column of one row is unique: GTFS's agency.txt would be keyed by its time
        # zone. Only a column named as an identifier keys it (agency_id, which routes cite).
        named = tuple((c.name,) for c in table.columns if c.nulls == 0 and is_key_like(c.name))
        evidence = {"rows": 1, "candidate_keys": [list(k) for k in named], "column_sets_checked": 0}
        if not named:
            evidence["reason"] = "the table has one row: any column is unique in it, and none is named as an identifier"
        return TableKeys(table.name, named, named[0] if named else None, evidence)
    estimates = _estimates_with_intervals(con, table)
    parts = [c for c in table.columns if (_part_ok(c, rows) or _grid_coordinate(c, table)) and c.name not in estimates]
    if any(c.family == "float" for c in parts):  # (a grid's coordinates, the only decimals)
        parts = _without_followers(con, table, parts)
    singles = [(c.name,) for c in parts if _could_be_unique(c, rows) and not _spread_measure(c, table)]
    counts = _distinct_counts(con, table, singles)
    keys: list[tuple[str, ...]] = [cols for cols, n in counts.items() if n == rows]
    moments: list[str] = []  # (timestamps of an event log, unique by chance)
    checked = len(singles)
    counted = dict(counts)  # every set's distinct count, for `_duplicates`
    # A row counter numbers rows without telling what they are: the grain may lie beside it.
    identifying = [k for k in keys if table.column(k[0]).family != "temporal" and not _counts_rows(k[0])]
    if any(table.column(k[0]).family in ("integer", "string") for k in identifying):
        # Beside an identifier, a timestamp or a measurement unique in the table is so by
        # chance (MIMIC's ADMITTIME beside HADM_ID, a county's income beside its GEO_ID): no
        # other key. (A date stays one: a calendar's day beside its date_key.)
        keys = [k for k in keys if not _unique_by_chance(table.column(k[0]))]
        identifying = [k for k in identifying if not _unique_by_chance(table.column(k[0]))]
    if not identifying and _logs_events(table):
        # A moment unique among events of repeated actors is so by chance (Mixpanel's export:
        # event, distinct_id, time): de-duplicating on it would merge two users' clicks.
        moments = [k[0] for k in keys if _unique_by_chance(table.column(k[0]))]
        keys = [k for k in keys if k[0] not in moments]
    joined = _joined_keys(con, table, parts, identifying)
    keys += [key for key in joined.values() if key not in keys]
    months: frozenset[str] = frozenset()
    if not identifying:
        months = _panel_months(con, table, parts)
        pairs: dict[tuple[str, ...], int] = {}
        # Text with empty values may complete a composite beside parts without any: JHU's
        # (Province/State, Country/Region), the province empty for a country as a whole. A
        # NULL counts as one value (DuckDB counts distinct tuples so).
        nullable = [
            c for c in table.columns
            if (c.family == "string" or _numbered_period(c)) and 0 < c.nulls < rows
            and _part_ok(replace(c, nulls=0), rows) and c.name not in estimates
        ]
        for size in (2, 3):
            found, tried = _composite_keys(con, table, parts + nullable, keys, size, pairs, months)
            checked += len(tried)
            pairs.update(tried)
            counted.update(tried)
            keys.extend(found)
            if any(all(table.column(c).family != "temporal" for c in k) for k in found):
                break  # (a key with a date in it may be unique by chance: look on for one without)
        if not keys:
            grown = _grown_key(con, table, parts, counted)
            if grown is None and nullable:
                # (A part with empty values last: the co-registrant that completes num.txt's key.)
                grown = _grown_key(con, table, parts, counted, nullable)
            if grown is not None:
                minimal, more = _minimal_within(con, table, grown[0], counted)
                checked += grown[1] + more
                keys.extend(minimal)
    if not identifying:
        # A lookup table keyed by a name (category name -> translation), a Pokémon's name
        # beside its stats: when no identifier keys the table alone, a short descriptive
        # column may (and comes before composites unique by chance, see `_key_score`).
        names = [
            (c.name,) for c in table.columns
            if _is_name_key_part(c) and _could_be_unique(c, rows) and c.name not in estimates
        ]
        counts = _distinct_counts(con, table, names)
        checked += len(names)
        counted.update(counts)
        keys += [cols for cols, n in counts.items() if n == rows]
    grain, scores = _choose_grain(table, keys, months)
    time_series = grain is not None and all(table.column(c).family == "temporal" for c in grain)
    evidence: dict[str, Any] = {
        "rows": rows,
        "candidate_keys": [list(k) for k in keys],
        "column_sets_checked": checked,
        "scores": {",".join(k): round(s, 2) for k, s in scores.items()},
    }
    counters = [k[0] for k in keys if len(k) == 1 and _numbers_rows(table, table.column(k[0]))]
    if counters:
        evidence["row_counter"] = counters[0]
        evidence["row_counter_reason"] = (
            f"{counters[0]} numbers the rows (0 or 1 up to the row count: R's write.csv row names, a pandas"
            " index written out): ranked after the table's own keys, and no reference's target"
        )
    if grain is not None and len(grain) == 1 and _row_counter(table, table.column(grain[0])):
        # A row counter keys any table: copies of rows beside it are counted all the same (a
        # pandas index written with WineEnthusiast's reviews, 8% of them repeated).
        copies = _copies_beside(con, table, grain[0])
        if copies:
            evidence.update(duplicate_rows=copies, duplicates_beside=grain[0])
            beside = _key_beside_counter(con, table, grain[0], parts, counted, table.rows - copies)
            if beside is not None:
                evidence["key_without_duplicates"] = list(beside)
    if joined:
        evidence["joined_keys"] = {column: list(key) for column, key in joined.items()}
    nullable_parts = sorted({c for key in keys for c in key if table.column(c).nulls})
    if nullable_parts:
        evidence["nullable_parts"] = nullable_parts  # (joins on them need IS NOT DISTINCT FROM)
    wide = period_columns(table)
    if wide is not None:
        evidence["period_columns"] = wide
    within = _near_key_within(table, grain, counted)
    if within is not None:
        evidence.update(near_key=list(within[0]), near_key_repeats=within[1])
    if grain is None:
        evidence["reason"] = (
            "no column or combination of up to 3 columns is unique and non-null"
            if not keys
            else "only descriptive or time columns are unique"
        )
        if moments:
            evidence["unique_by_chance"] = moments
            evidence["reason"] += f"; {', '.join(moments)}, unique alone, times events of repeated things: unique by chance"
        if not keys:
            copies, note = _duplicates(con, table, counted)
            evidence.update(copies)
            if note:
                evidence["reason"] += f"; {note}"
            near = None if "key_without_duplicates" in copies else _near_key(table, counted)
            clock = None if near is not None or copies.get("duplicate_rows") else _repeated_hour(con, table, counted)
            if clock is not None:
                near, hour = clock
                evidence["repeated_hour"] = hour
                evidence["reason"] += (
                    f"; {', '.join(near[0])} would be unique but for {near[1]} row{'s' if near[1] > 1 else ''},"
                    f" all from {hour['first']} to {hour['last']}, the hour repeated when daylight saving time ends"
                    " (local times without a zone or UTC offset to tell them apart)"
                )
                if "skipped_first" in hour:
                    evidence["reason"] += (
                        f"; the hour skipped when it starts, {hour['skipped_first']} to {hour['skipped_last']}, has no rows"
                    )
                evidence.update(near_key=list(near[0]), near_key_repeats=near[1])
                near = None  # (said above, as no conflicting records)
            if near is not None:
                cols, repeats = near
                evidence.update(near_key=list(cols), near_key_repeats=repeats)
                evidence["reason"] += (
                    f"; {', '.join(cols)} would be unique but for {repeats} row{'s' if repeats > 1 else ''}"
                    " repeating its values with other values (conflicting records)"
                )
            # (Copies of rows are said above: no set of any size tells them apart.)
            said = near is not None or clock is not None or bool(copies.get("duplicate_rows"))
            closest = None if said else _closest_set(table, counted)
            refused = _unique_refused(counted, rows)
            if refused is not None and not said:
                # (No "more columns needed" then: the columns are there, the key was refused;
                # a moment unique alone is said above.)
                closest = None if len(refused) == 1 and refused[0] in moments else (refused, rows)
            if closest is not None:
                cols, apart = closest
                evidence.update(closest_key=list(cols), closest_key_values=apart)
                if apart >= rows:
                    evidence["closest_key_unique"] = True
                evidence["reason"] += _closest_reason(cols, apart, rows)
    return TableKeys(table.name, tuple(keys), grain, evidence, time_series)


# Rows read to tell whether a unique text column is two others joined (then checked on all).
_JOINED_SAMPLE = 10_000


def _joined_keys(
    con: duckdb.DuckDBPyConnection, table: TableStats, parts: list[ColumnStats], keys: list[tuple[str, ...]]
) -> dict[str, tuple[str, ...]]:
    """The unique text columns that are two other parts joined by a separator on every row, each
    with that pair, itself a key (Transfermarkt's appearance_id "2231978_38004", game_id and
    player_id joined by "_": a table of appearances is keyed by the game and the player too,
    which other tables cite). Read on a sample, checked on every row when found."""
    from datadossier.profiling.codes import joined_from

    found: dict[str, tuple[str, ...]] = {}
    others = [c.name for c in parts if c.family in ("integer", "string")]
    sample = f"(SELECT * FROM {table.relation} LIMIT {_JOINED_SAMPLE})"
    for (name,) in (k for k in keys if len(k) == 1 and table.column(k[0]).family == "string"):
        guess = joined_from(con, sample, name, [o for o in others if o != name])
        if guess is None or joined_from(con, table.relation, name, [guess[0], guess[2]]) is None:
            continue
        found[name] = tuple(c.name for c in parts if c.name in (guess[0], guess[2]))
    return found


def _closest_reason(cols: tuple[str, ...], apart: int, rows: int) -> str:
    """What the closest set counted says of a table without a key. A set that tells every row
    apart was set aside as unique by chance (`_plausible`, a headerless file's day and hour
    beside others): more columns would not make it a key."""
    if apart >= rows:
        return (
            f"; {', '.join(cols)} tells every row apart, but is no key: unique by chance (a measure, a moment,"
            " or no part that identifies what a row is)"
        )
    return (
        f"; the closest set counted, {', '.join(cols)}, tells {apart:,} of the {rows:,} rows apart:"
        " a key of more columns than that (or the rows repeat)"
    )


# A table with this many columns of figures named for periods, a third of its columns or more,
# is laid out wide: one column per date or year (JHU's COVID-19 time series under "1/22/20"...,
# Zillow's home values under "2000-01-31"..., the World Bank's indicators under "1960"...).
WIDE_MIN_PERIODS = 6


def period_columns(table: TableStats) -> dict[str, Any] | None:
    """How a wide table's columns named for periods are turned into rows: their count, the
    first and last, and the SQL that unpivots them (one row per period, beside the other
    columns). Columns of two measures or more, told apart by what their names say beside the
    period (the Global Power Plant Database's generation_gwh_2013... and
    estimated_generation_gwh_2013...), are unpivoted each on its own: ``measures`` lists them,
    and ``unpivot`` is the first's."""
    months = _month_columns(table)
    if months:
        return _months_found(table, months)
    periods = [c for c in table.columns if c.family in ("integer", "float") and _names_a_period(c.name)]
    flags = _period_flags(table, periods)
    flagged = sum(len(names) for names in flags.values())
    if len(periods) < WIDE_MIN_PERIODS or 3 * len(periods) < len(table.columns) - flagged:
        periods, flags, flagged = _numbered_columns(table), {}, 0
    if len(periods) < WIDE_MIN_PERIODS or 3 * len(periods) < len(table.columns) - flagged:
        return None
    named = {c.name for c in periods} | {name for names in flags.values() for name in names}
    groups: dict[str, list[str]] = {}
    for column in periods:
        groups.setdefault(_PERIOD.sub(_PERIOD_MARK, column.name, count=1), []).append(column.name)
    if len(groups) > 1 and any(len(names) < 2 for names in groups.values()):
        groups = {"": [c.name for c in periods]}  # (names that differ anyway: one measure)
    # (The typed layer's _row_id stays a column too.)
    others = [quote_ident(name) for name in ("_row_id", *(c.name for c in table.columns if c.name not in named))]
    measures = [
        {
            "measure": stem.replace(_PERIOD_MARK, " ").strip(" _-.") or "value",
            "count": len(names), "first": names[0], "last": names[-1],
            "unpivot": _unpivot(table, others, [n for n in named if n not in names]),
        }
        for stem, names in groups.items()
    ]
    found: dict[str, Any] = {
        "count": len(periods), "first": periods[0].name, "last": periods[-1].name, "unpivot": measures[0]["unpivot"],
    }
    if len(measures) > 1:
        found["measures"] = measures
    if flags:
        found["flags"] = [
            {
                "suffix": suffix, "count": len(names), "first": names[0], "last": names[-1],
                "unpivot": _unpivot(table, others, [n for n in named if n not in names]),
            }
            for suffix, names in flags.items()
        ]
    return found


# What a column beside each period's adds to its name: FAOSTAT's bulk files write each year's
# flag and note after its value (Y1961, Y1961F, Y1961N); "_flag", " Note" elsewhere.
_FLAG_SUFFIX = re.compile(r"[ _-]?[A-Za-z]{1,5}")


def _period_flags(table: TableStats, periods: list[ColumnStats]) -> dict[str, list[str]]:
    """The columns that add one suffix to the name of each period column (of half of them at
    least), by suffix: flags and notes on each period's figure, not periods of their own."""
    named = {c.name for c in periods}
    found: dict[str, list[str]] = {}
    for column in table.columns:
        for cut in range(1, 7):
            stem, suffix = column.name[:-cut], column.name[-cut:]
            if stem in named and column.name not in named and _FLAG_SUFFIX.fullmatch(suffix):
                found.setdefault(suffix, []).append(column.name)
                break
    return {suffix: group for suffix, group in found.items() if len(group) >= max(WIDE_MIN_PERIODS, len(periods) / 2)}


# Months named in columns, as climate series lay out a year a row (NASA POWER's monthly
# YEAR, JAN ... DEC, ANN; GISTEMP's Year, Jan ... Dec; NOAA's climdiv): each name's number.
_MONTH_NAMES: dict[str, int] = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
            ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"),
            ("nov", "november"), ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
# Figures after the months that sum or average them, no month of their own: NASA POWER's ANN,
# GISTEMP's J-D (January to December), D-N (December to November) and seasons DJF ... SON.
_SUMMARY_NAMES = frozenset({
    "ann", "annual", "annual total", "annual mean", "annual average", "year total", "yearly", "total", "sum",
    "mean", "avg", "average", "j-d", "d-n", "djf", "mam", "jja", "son", "metann", "winter", "spring", "summer",
    "autumn", "fall",
})


def _month_columns(table: TableStats) -> list[ColumnStats]:
    """Columns of figures named for months in the calendar's order (a year's run from any
    month: a fiscal year's JUL ... JUN too), WIDE_MIN_PERIODS of them or more and a third of
    the table's columns; none otherwise."""
    months = [
        (c, _MONTH_NAMES[key]) for c in table.columns
        if c.family in ("integer", "float") and (key := c.name.strip().lower()) in _MONTH_NAMES
    ]
    if len(months) < WIDE_MIN_PERIODS or len(months) > 12 or 3 * len(months) < len(table.columns):
        return []
    numbers = [number for _, number in months]
    if any((later - earlier) % 12 != 1 for earlier, later in pairwise(numbers)):
        return []  # (months out of order, or one twice: no run of a year)
    return [c for c, _ in months]


def _months_found(table: TableStats, months: list[ColumnStats]) -> dict[str, Any]:
    """``period_columns`` of a table of months by name: the figures after them that sum or
    average them (ANN, J-D, DJF) are no periods of their own, and are left out of the unpivot,
    named as ``summary_columns``; the other columns (YEAR) stay beside each month."""
    last = table.columns.index(months[-1])
    summaries = [
        c.name for c in table.columns[last + 1:]
        if c.family in ("integer", "float") and " ".join(c.name.strip().lower().replace("_", " ").split()) in _SUMMARY_NAMES
    ]
    named = {c.name for c in months} | set(summaries)
    others = [quote_ident(name) for name in ("_row_id", *(c.name for c in table.columns if c.name not in named))]
    found: dict[str, Any] = {
        "count": len(months), "first": months[0].name, "last": months[-1].name,
        "unpivot": _unpivot(table, others, summaries),
    }
    if summaries:
        found["summary_columns"] = summaries
    return found


_NUMBERED = re.compile(r"(.*?)([0-9]+)")
# Stems of numbered columns that name a step in time (M5's d_1, a forecast's F1, lag_1);
# others number features (the credit card fraud data's V1...V28, var_0...var_199).
_PERIOD_STEMS = frozenset({
    "d", "day", "days", "w", "wk", "week", "weeks", "m", "mo", "mon", "month", "months", "q", "qtr",
    "quarter", "y", "yr", "year", "years", "h", "hr", "hour", "hours", "hh", "t", "f", "period", "lag", "step",
})


def _numbered_columns(table: TableStats) -> list[ColumnStats]:
    """Columns of figures named one stem that names a step in time and a running number
    (M5's sales by day d_1, d_2, ..., d_1913, whose days calendar.csv's column d names;
    forecasts F1...F28): the most common stem's, when their numbers run without a gap."""
    by_stem: dict[str, list[tuple[int, ColumnStats]]] = {}
    for column in table.columns:
        match = _NUMBERED.fullmatch(column.name)
        # (Not a file without a header, whose columns a reader numbers: column0, column1...)
        if (
            match is not None and column.family in ("integer", "float") and not is_placeholder(column.name)
            and match.group(1).strip(" _-.").lower() in _PERIOD_STEMS
        ):
            by_stem.setdefault(match.group(1), []).append((int(match.group(2)), column))
    if not by_stem:
        return []
    numbered = max(by_stem.values(), key=len)
    numbers = sorted(n for n, _ in numbered)
    if numbers != list(range(numbers[0], numbers[0] + len(numbers))):
        return []
    return [c for _, c in sorted(numbered, key=lambda item: item[0])]


# What stands for the period in a measure's name while columns are grouped by the rest.
_PERIOD_MARK = "\x00"


def _unpivot(table: TableStats, kept: list[str], left_out: list[str]) -> str:
    """DuckDB SQL: one row per period of the period columns that are neither ``kept`` (quoted)
    nor ``left_out`` (another measure's)."""
    relation = table.relation
    if left_out:
        relation = f"(SELECT * EXCLUDE ({', '.join(quote_ident(n) for n in sorted(left_out))}) FROM {table.relation})"
    return f"UNPIVOT {relation} ON COLUMNS(* EXCLUDE ({', '.join(kept)})) INTO NAME period VALUE value"


def _duplicates(
    con: duckdb.DuckDBPyConnection, table: TableStats, counted: dict[tuple[str, ...], int]
) -> tuple[dict[str, Any], str | None]:
    """Of a table no column set keys: how many rows repeat another row in every column, and
    which of the sets counted would key the table without those copies (a file appended to
    twice, an export that repeats its last page), as evidence and a note for the reason.
    Evidence, not a grain: the copies are in the data, and a join on that key would match
    each of them."""
    # Rows compared by a 64-bit hash of all their values: a table of any width then costs
    # 8 bytes a row to count, and two different rows collide with odds of about n**2 / 2**65
    # (3e-8 at a million rows).
    columns = ", ".join(quote_ident(c.name) for c in table.columns)
    row = con.execute(f"SELECT count(DISTINCT hash({columns})) FROM {table.relation}").fetchone()
    assert row is not None
    distinct_rows = int(row[0])
    if distinct_rows == table.rows:
        return {"duplicate_rows": 0}, None
    copies = table.rows - distinct_rows
    found: dict[str, Any] = {"duplicate_rows": copies}
    # Columns as many copies apart from unique as the table (the search above asked for as
    # many values as rows), counted now; `_part_ok` leaves out those with nulls.
    near = [
        (c.name,) for c in table.columns
        if (c.name,) not in counted and _part_ok(c, table.rows) and c.distinct is not None
        and abs(c.distinct - distinct_rows) <= 0.05 * distinct_rows
    ]
    counted = {**counted, **_distinct_counts(con, table, near)}
    unique = [cols for cols, n in counted.items() if n == distinct_rows]
    # (Minimal sets only: an hourly series' time alone, not the time and the rain's type.)
    grain, _ = _choose_grain(table, [k for k in unique if not any(set(o) < set(k) for o in unique)])
    reason = f"{copies} of the {table.rows} rows repeat another row in every column"
    if grain is not None:
        found["key_without_duplicates"] = list(grain)
        reason += f"; without those copies, {', '.join(grain)} would be unique"
    return found, reason


# A set of columns unique but for this share of the rows (at least one) is a key broken by a
# few conflicting records: the video game sales' (Name, Platform) with Madden NFL 13 twice.
NEAR_KEY_SHARE = 0.001


def _near_key(table: TableStats, counted: dict[tuple[str, ...], int]) -> tuple[tuple[str, ...], int] | None:
    """The minimal column set counted that is unique but for a few rows, and how many."""
    most = max(1, int(NEAR_KEY_SHARE * table.rows))
    first = _first_position(table)
    # (Not a set with a measure's whole numbers, which tell rows apart by chance: the DfT's
    # raw counts were "nearly" keyed by the hour and the vehicles counted in it.)
    near = [
        cols for cols, n in counted.items()
        if table.rows - most <= n < table.rows
        and (len(cols) == 1 or not any(_by_chance(table.column(c), table.rows, first) for c in cols))
    ]
    if _logs_events(table):
        # Nor a moment of an event log without an identifier beside it, as it is no key when
        # unique (see `find_keys`): a game's events timed by the device's clock in milliseconds
        # (client_ts) meet a few times by chance, two players' events of one millisecond
        # (with one event name too), not conflicting records. A series' hour given twice by
        # daylight saving time (PJM's hourly load) stays a near key, and so does a player's
        # moment.
        near = [k for k in near if not _timed_by_chance(table, k)]
    near = [k for k in near if not any(set(o) < set(k) for o in near)]
    best, _ = _choose_grain(table, near)
    return None if best is None else (best, table.rows - counted[best])


# A set within a grain of more parts, unique but for this share of the rows (at least one):
# the key other tables cite, broken by a few rows listed twice, which the part added to it
# (a title, a credit count) tells apart.
NEAR_KEY_WITHIN_SHARE = 0.01


def _near_key_within(
    table: TableStats, grain: tuple[str, ...] | None, counted: dict[tuple[str, ...], int]
) -> tuple[tuple[str, ...], int] | None:
    """Of a grain of three parts, the pair counted within it that is unique but for a few rows,
    and how many: a course catalog by subject and catalog_nbr with three courses listed twice
    (BUS 495 with two titles) is keyed by those and its credits, unique together by chance,
    and the sections citing (subject, catalog_nbr) got no link. Not when the part left out is
    named as an identifier (a third part of the key: Lahman's stint beside playerID and
    yearID), nor a pair with a measure's whole numbers in it (see `_near_key`)."""
    if grain is None or len(grain) != 3:
        return None
    most = max(1, int(NEAR_KEY_WITHIN_SHARE * table.rows))
    first = _first_position(table)
    near = [
        cols for cols, n in counted.items()
        if len(cols) == 2 and set(cols) < set(grain) and table.rows - most <= n < table.rows
        and not any(is_key_like(c) for c in set(grain) - set(cols))
        and not any(_by_chance(table.column(c), table.rows, first) for c in cols)
        and _plausible(tuple(table.column(c) for c in cols), table)
    ]
    best, _ = _choose_grain(table, near)
    return None if best is None else (best, table.rows - counted[best])


# Months in which clocks go back or forward an hour (the US's November and March, the EU's
# October and March, Australia's and Chile's April and October), and the latest local hour
# at which they do (01:00-03:00 everywhere).
_DST_MONTHS = (3, 4, 10, 11)
_DST_LATEST_HOUR = 3
# Sets holding a local time checked for rows repeated in one such hour (fewest parts first).
_CLOCK_CHECKS = 3


def _repeated_hour(
    con: duckdb.DuckDBPyConnection, table: TableStats, counted: dict[tuple[str, ...], int]
) -> tuple[tuple[tuple[str, ...], int], dict[str, str]] | None:
    """Of a table no set keys: the set counted with a local time (no zone) that is unique but
    for rows filling one hour of a Sunday night in March, April, October or November, each
    value twice: the hour repeated when daylight saving time ends (a utility's 15-minute meter reads
    by meter_id and interval_ending, 2023-11-05 01:00-01:45 given twice). The set and its
    repeats, and that hour (``first``, ``last``), with the hour skipped when it starts
    (``skipped_first``, ``skipped_last``) where the times' usual step shows one. (The search
    offered the set with a quality flag beside it instead, unique by chance.)"""
    first_position = _first_position(table)
    sets = sorted(
        (
            (cols, n) for cols, n in counted.items()
            if n < table.rows
            and sum(table.column(c).sql_type.upper() == "TIMESTAMP" for c in cols) == 1
            and not any(_by_chance(table.column(c), table.rows, first_position) for c in cols)
        ),
        key=lambda item: (len(item[0]), -item[1]),
    )
    for cols, n in sets[:_CLOCK_CHECKS]:
        time = next(c for c in cols if table.column(c).sql_type.upper() == "TIMESTAMP")
        row = con.execute(
            f"SELECT max(n), min(t), max(t), count(DISTINCT t) FROM (SELECT {quote_ident(time)} AS t, count(*) AS n"
            f" FROM {table.relation} GROUP BY {', '.join(quote_ident(c) for c in cols)} HAVING count(*) > 1)"
        ).fetchone()
        if row is None or row[0] is None:
            continue
        most, low, high, times = row
        if most != 2 or not _night_of_clock_change(low) or not _fills_an_hour(low, high, int(times)):
            continue
        hour = {"first": _clock(low), "last": _clock(high)}
        hour.update(_skipped_hour(con, table, time))
        return (cols, table.rows - n), hour
    return None


def _night_of_clock_change(moment: datetime) -> bool:
    """A Sunday's night hour in a month clocks change in (the US, the EU, Australia, Chile and
    Mexico all change on a Sunday): not two events of a Tuesday's midnight hour."""
    return moment.month in _DST_MONTHS and moment.hour <= _DST_LATEST_HOUR and moment.weekday() == 6


def _fills_an_hour(low: datetime, high: datetime, times: int) -> bool:
    """Whether ``times`` evenly stepped times from ``low`` to ``high`` make one hour: 01:00 to
    01:45 in 15-minute steps, or one time of an hourly series (the repeats are the hour's
    every time, not a few moments that met)."""
    return high - low == timedelta(hours=1) * (times - 1) / times if times > 1 else low == high


def _skipped_hour(con: duckdb.DuckDBPyConnection, table: TableStats, time: str) -> dict[str, str]:
    """The times an hour's gap in a series of local times leaves out, at night in a month of
    clock changes (2023-03-12 02:00-02:45 in 15-minute reads), beside the series' usual step."""
    row = con.execute(
        f"WITH t AS (SELECT DISTINCT {quote_ident(time)} AS t FROM {table.relation} WHERE {quote_ident(time)} IS NOT NULL),"
        " g AS (SELECT t, t - lag(t) OVER (ORDER BY t) AS gap FROM t),"
        " s AS (SELECT mode(gap) AS step FROM g WHERE gap IS NOT NULL)"
        " SELECT g.t - g.gap + s.step, g.t - s.step FROM g, s"
        " WHERE s.step <= INTERVAL 1 HOUR AND g.gap = s.step + INTERVAL 1 HOUR"
        f" AND month(g.t) IN ({', '.join(str(m) for m in _DST_MONTHS)}) AND hour(g.t - g.gap) <= {_DST_LATEST_HOUR}"
        " AND dayofweek(g.t) = 0"
        " ORDER BY g.t LIMIT 1"
    ).fetchone()
    return {} if row is None else {"skipped_first": _clock(row[0]), "skipped_last": _clock(row[1])}


def _clock(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M")


def _timed_by_chance(table: TableStats, cols: tuple[str, ...]) -> bool:
    """A set with a timestamp or a measurement in it and no part named as an identifier."""
    parts = [table.column(c) for c in cols]
    return any(_unique_by_chance(c) for c in parts) and not any(is_key_like(c.name) for c in parts)


def _unique_refused(counted: dict[tuple[str, ...], int], rows: int) -> tuple[str, ...] | None:
    """The smallest column set counted that tells every row apart, of a table left without
    a key (its parts refused as telling rows apart by chance); None when none is."""
    unique = [cols for cols, n in counted.items() if n == rows]
    return min(unique, key=len) if unique else None


def _closest_set(table: TableStats, counted: dict[tuple[str, ...], int]) -> tuple[tuple[str, ...], int] | None:
    """Of a table no set of the searched sizes keys: the set counted that tells the most rows
    apart (the fewest parts among equals), and how many. Eurostat's Comext needs 5 or 6 parts
    (declarant, partner, product, flow, statistical regime, period), past the 4 a key is grown
    to: the set of 4 nearest to it says what the key is made of. None when nothing composite
    was counted, or the nearest set is a measure's (unique by chance, see `_near_key`)."""
    first = _first_position(table)
    sets = [
        (cols, n) for cols, n in counted.items()
        if len(cols) > 1 and not any(_by_chance(table.column(c), table.rows, first) for c in cols)
        and n < table.rows  # (a set unique with a moment unique by chance: no nearer to a key)
    ]
    if not sets:
        return None
    return max(sets, key=lambda item: (item[1], -len(item[0])))


def _composite_keys(
    con: duckdb.DuckDBPyConnection,
    table: TableStats,
    parts: list[ColumnStats],
    known: list[tuple[str, ...]],
    size: int,
    pairs: dict[tuple[str, ...], int],
    months: frozenset[str] = frozenset(),
) -> tuple[list[tuple[str, ...]], dict[tuple[str, ...], int]]:
    """The keys of ``size`` columns, and the distinct counts of every set tried. Triples
    start from the pairs of identifiers that came nearest to unique (``pairs``, with their
    counts), each extended by another part: the third part of a grain is often a small
    number or code (Lahman's stint, a place of service), which the pool of likely parts
    (`MAX_PARTS`, by cardinality) leaves out."""
    single = {k[0] for k in known if len(k) == 1}
    usable = [c for c in parts if c.name not in single and (c.distinct or 0) >= 2]
    pool = sorted(usable, key=lambda c: (-_part_preference(c), -(c.distinct or 0)))
    # A day repeated over the rows comes first: records per day and per something are the
    # commonest grain of a fact table (BTS's flights by FL_DATE, carrier and flight number),
    # and a time ranks last among the parts otherwise. So does a month of a monthly panel,
    # written as text or a number (Fannie Mae's loans by month, "022023", a file without a
    # header of a hundred columns: see `_panel_months`).
    days = [
        c for c in usable
        if (c.sql_type.upper() == "DATE" or c.name in months) and (c.distinct or 0) <= table.rows // 2
    ]
    day = max(days, key=lambda c: c.distinct or 0) if days else None
    if day is not None:
        pool = [day, *(c for c in pool if c is not day)]
    # A file without a header is keyed by its leading field and others (`_plausible`), the
    # first whatever its type: Fannie Mae's loan id, whole numbers, before its hundred
    # columns of codes, which would fill the pool.
    first = _first_position(table)
    leading = [c for c in usable if c.position == first and is_placeholder(c.name)]
    pool = [*pool[: 1 if day is not None else 0], *leading, *(c for c in pool if c not in leading and c is not day)]
    pool = pool[:MAX_PARTS]
    combos: list[tuple[ColumnStats, ...]] = []
    if size == 3:
        def nearness(item: tuple[tuple[str, ...], int]) -> tuple[int, int]:
            cols, n = item
            return sum(is_key_like(c) for c in cols), n  # (playerID, yearID) before (playerID, AB)

        near = sorted((i for i in pairs.items() if len(i[0]) == 2 and i[1] < table.rows), key=nearness, reverse=True)
        extensions = sorted(usable, key=lambda c: (c is day, _part_preference(c)), reverse=True)
        for cols, _n in near[:_EXTENDED_PAIRS]:
            pair = tuple(table.column(c) for c in cols)
            combos += [(*pair, c) for c in extensions if c.name not in cols][:_EXTENSIONS]
    combos += list(combinations(pool, size))
    candidates: list[tuple[str, ...]] = []
    for combo in combos:
        names = {c.name for c in combo}
        key = tuple(c.name for c in sorted(combo, key=lambda c: c.position))
        if key in candidates or any(names.issuperset(k) for k in known):
            continue  # tried already, or not minimal
        if not _plausible(combo, table) or (any(c.nulls for c in combo) and not _nullable_ok(combo, table.rows)):
            continue
        candidates.append(key)
        if len(candidates) >= MAX_COMBINATIONS:
            break
    counts = _distinct_counts(con, table, candidates)
    found = [cols for cols, n in counts.items() if n == table.rows]
    if size == 3 and found:
        # A triple found by extending a pair may hold a pair never tried (the pool of likely
        # parts left one out): the UK road safety data's vehicles are keyed by Accident_Index
        # and Vehicle_Reference, not those and a propulsion code.
        pairs_within = {
            pair for key in found for pair in combinations(key, 2)
            if pair not in counts and pair not in known and _plausible(tuple(table.column(c) for c in pair), table)
        }
        within = _distinct_counts(con, table, sorted(pairs_within))
        counts.update(within)
        minimal = [pair for pair, n in within.items() if n == table.rows]
        found = [key for key in found if not any(set(pair) <= set(key) for pair in minimal)] + minimal
    return found, counts


def _minimal_within(
    con: duckdb.DuckDBPyConnection, table: TableStats, key: tuple[str, ...], counted: dict[tuple[str, ...], int]
) -> tuple[list[tuple[str, ...]], int]:
    """The minimal keys within ``key`` (``key`` itself when no set of one part fewer is
    unique), and how many sets were counted: a key grown a part at a time may hold one of
    fewer parts that the growth stepped past (EIA-930's balancing authority and UTC hour,
    grown as the authority, the hour number and the UTC hour)."""
    subsets = [
        sub for sub in combinations(key, len(key) - 1)
        if len(sub) >= 2 and _plausible(tuple(table.column(c) for c in sub), table)
    ]
    counts = _distinct_counts(con, table, [sub for sub in subsets if sub not in counted])
    counted.update(counts)
    unique = [sub for sub in subsets if counted[sub] == table.rows]
    if not unique:
        return [key], len(counts)
    found: list[tuple[str, ...]] = []
    tried = len(counts)
    for sub in unique:
        within, more = _minimal_within(con, table, sub, counted)
        tried += more
        found += [k for k in within if k not in found]
    return found, tried


GROWN_PARTS = 4
GROWN_OPTIONS = 24


def _grown_key(
    con: duckdb.DuckDBPyConnection,
    table: TableStats,
    parts: list[ColumnStats],
    counted: dict[tuple[str, ...], int],
    nullable: list[ColumnStats] | None = None,
) -> tuple[tuple[str, ...], int] | None:
    """A key grown from the table's identifier a part at a time, each the one that tells the
    most rows apart, up to four parts: the IPL's deliveries by match, then over, then ball,
    then innings (a ball of an over of an innings of a match), whose parts of few values
    each the searches by likely parts of many values leave out. Each step counts the sets of
    one more part of the first `GROWN_OPTIONS` columns in the table's order (``counted``
    gains them). The key and how many sets were counted; None when no set grew unique.
    With ``nullable`` (text with empty values, see `find_keys`), a second growth that may
    take one of them, a part more: SEC's num.txt by adsh, tag, ddate, qtrs and the coreg
    empty for the filer itself, set for a co-registrant (a REIT's operating partnership)."""
    first = _first_position(table)
    ids = [c for c in parts if is_key_like(c.name) and c.family in ("integer", "string")]
    # (Without a name that says so, the file's first column, as identifiers lead their files:
    # SEC's num.txt by adsh, the filing's accession number.)
    ids = ids or [c for c in parts if c.position == first and c.family == "string"]
    # (Never a column of one value, NASS's Program "CENSUS" on every row; else the text of the
    # most values: Eurovision's votes by edition, jury or televote, and the countries from
    # and to, behind a year the same on every row.)
    ids = [c for c in ids if (c.distinct or 0) >= 2]
    # (A grid read at times, from its time: ERA5's pressure levels by valid_time,
    # pressure_level, latitude and longitude.)
    ids = ids or [c for c in parts if c.family == "temporal" and any(p.family == "float" for p in parts)]
    ids = ids or [c for c in parts if c.family == "string" and not is_descriptive(c.name) and (c.distinct or 0) >= 2]
    if not ids:
        return None
    start = max(ids, key=lambda c: c.distinct or 0)
    # (Not a measure: it tells the most rows apart, by chance, and the key it grows is then
    # refused; SEC's num.txt by adsh and its value, not its tag, date and quarters.)
    # (A grid's coordinates are its only decimals among the parts.)
    growable = [
        c for c in parts
        if (c.family != "float" or _grid_coordinate(c, table)) and (c.distinct or 0) >= 2 and not _spread_measure(c, table)
    ]
    # Whole numbers of many values not named as identifiers (`_by_chance`) are left for a
    # second try: the DfT's raw counts grew by count point and the cars counted, not by the
    # direction, the day and the hour that key them.
    first_try = [c for c in growable if not _by_chance(c, table.rows, first)]
    if nullable:
        # (The empty value counts as one: a co-registrant named on a few rows has two values.)
        grown, tried = _grow(con, table, start, first_try + [c for c in nullable if (c.distinct or 0) >= 1], counted, GROWN_PARTS + 1)
        return None if grown is None else (grown, tried)
    grown, tried = _grow(con, table, start, first_try, counted)
    if grown is None and len(first_try) < len(growable):
        grown, more = _grow(con, table, start, growable, counted)
        tried += more
    return None if grown is None else (grown, tried)


def _grow(
    con: duckdb.DuckDBPyConnection,
    table: TableStats,
    start: ColumnStats,
    parts: list[ColumnStats],
    counted: dict[tuple[str, ...], int],
    most: int = GROWN_PARTS,
) -> tuple[tuple[str, ...] | None, int]:
    """The key grown from ``start`` by ``parts`` (see `_grown_key`), ``most`` parts at most, and how many sets were
    counted. When the parts chosen one by one end without a key, the last part is sought once
    more beside the runner-up of the step before: an SAP line-item file's document number and
    item grew by a G/L account of four values, which told a few more rows apart by chance
    than the company code that keys it with the fiscal year."""
    current: tuple[ColumnStats, ...] = (start,)
    tried = 0
    runner_up: tuple[ColumnStats, ...] | None = None
    # (The start too may be swapped, for the parts of most values: NASS Quick Stats grew from
    # BEGIN_CODE, a period's first week or month, where REFERENCE_PERIOD_DESC, "FIRST OF MAR"
    # beside "MAR", keys it with the item, the place and the YEAR.)
    steps: list[tuple[ColumnStats, list[ColumnStats]]] = [  # (the part taken, the next best)
        (start, sorted((c for c in parts if c is not start), key=lambda c: -(c.distinct or 0)))
    ]
    while len(current) < most:
        # (A part past `GROWN_PARTS` is one with empty values, or beside one: no 5-part key
        # otherwise, where Eurostat's Comext gets its closest set.)
        extra = len(current) >= GROWN_PARTS and not any(c.nulls for c in current)
        ranked, more = _growths(con, table, current, [c for c in parts if c.nulls] if extra else parts, counted)
        tried += more
        if not ranked:
            return None, tried
        if counted[_names(ranked[0])] == table.rows:
            return (_names(ranked[0]) if _keys_it(ranked[0], table) else None), tried
        if len(current) == most - 2 and len(ranked) > 1:
            runner_up = ranked[1]
        steps.append(_step(current, ranked, counted))
        current = ranked[0]
    if runner_up is not None:
        ranked, more = _growths(con, table, runner_up, parts, counted)
        tried += more
        if ranked and counted[_names(ranked[0])] == table.rows and _keys_it(ranked[0], table):
            return _names(ranked[0]), tried
    swapped, more = _swapped(con, table, current, steps, counted)
    return swapped, tried + more


# Parts that came next at a step of a key's growth, each tried in place of the part taken.
GROWN_SWAPS = 3


def _step(
    current: tuple[ColumnStats, ...], ranked: list[tuple[ColumnStats, ...]], counted: dict[tuple[str, ...], int]
) -> tuple[ColumnStats, list[ColumnStats]]:
    """The part a step of growth took, and the parts that came next, best first; not those
    telling exactly as many rows apart as the part taken, most likely the same part named
    otherwise (a code's description beside it)."""
    taken = _names(ranked[0])
    others = [option for option in ranked[1:] if counted[_names(option)] < counted[taken]]
    return next(c for c in ranked[0] if c not in current), [next(c for c in o if c not in current) for o in others]


def _swapped(
    con: duckdb.DuckDBPyConnection,
    table: TableStats,
    grown: tuple[ColumnStats, ...],
    steps: list[tuple[ColumnStats, list[ColumnStats]]],
    counted: dict[tuple[str, ...], int],
) -> tuple[tuple[str, ...] | None, int]:
    """A key of the parts grown with one of them swapped for a part that came next at its
    step, and how many sets were counted (at most `GROWN_SWAPS` a step): FAS PSD's
    commodity, country and attribute grew by the calendar year, of 16 values in a market year
    of 15, where the market year keys them."""
    sets: list[tuple[ColumnStats, ...]] = []
    for taken, others in reversed(steps):
        for other in [c for c in others if c not in grown][:GROWN_SWAPS]:
            sets.append(tuple(sorted((*(c for c in grown if c is not taken), other), key=lambda c: c.position)))
    names = [_names(s) for s in sets]
    counts = _distinct_counts(con, table, [n for n in dict.fromkeys(names) if n not in counted])
    counted.update(counts)
    found = next((n for s, n in zip(sets, names, strict=True) if counted[n] == table.rows and _keys_it(s, table)), None)
    return found, len(counts)


def _keys_it(combo: tuple[ColumnStats, ...], table: TableStats) -> bool:
    """Whether a set grown unique may key the table (see `_plausible`, `_nullable_ok`)."""
    return _plausible(combo, table) and (not any(c.nulls for c in combo) or _nullable_ok(combo, table.rows))


def _names(combo: tuple[ColumnStats, ...]) -> tuple[str, ...]:
    return tuple(c.name for c in combo)


def _growths(
    con: duckdb.DuckDBPyConnection,
    table: TableStats,
    current: tuple[ColumnStats, ...],
    parts: list[ColumnStats],
    counted: dict[tuple[str, ...], int],
) -> tuple[list[tuple[ColumnStats, ...]], int]:
    """``current`` with one more of the first `GROWN_OPTIONS` ``parts``, the sets that tell
    the most rows apart first, and how many sets were counted (``counted`` gains them)."""
    added = [c for c in parts if c not in current][:GROWN_OPTIONS]
    options = [tuple(sorted((*current, c), key=lambda x: x.position)) for c in added]
    sets = [_names(o) for o in options]
    counts = _distinct_counts(con, table, [s for s in sets if s not in counted])
    counted.update(counts)
    # (Of parts that tell as many rows apart, a day before a year: the DfT's count_date
    # beside its year, the same for each count, pins the row where a second count in a
    # year would not.)
    order = sorted(range(len(sets)), key=lambda i: (counted[sets[i]], not names_a_year(added[i].name)), reverse=True)
    return [options[i] for i in order], len(counts)


def _nullable_ok(combo: tuple[ColumnStats, ...], rows: int) -> bool:
    """Whether a set with a part that has empty values may key a table: one such part, among
    text parts only (a region beside its country), or codes by day filling their grid (the
    Play Console's ratings by Date and Country, the country blank on a row of some days).
    Beside a moment or a number, a code with empty values is unique by chance (REES46's brand
    beside an event's second)."""
    if sum(1 for c in combo if c.nulls) != 1:
        return False
    if all(c.family == "string" for c in combo):
        return True
    if all(_steady_part(c, rows) for c in combo) and any(c.nulls and c.family == "string" for c in combo):
        # Text empty on a group's "other" row beside a year or other codes: MEDSL's
        # presidential returns by year, state and candidate, the candidate blank on each
        # state's scattered write-ins; SEC's num.txt by adsh, tag, ddate, qtrs and coreg, the
        # co-registrant blank for the filer itself.
        return True
    product = 1
    for c in combo:
        product *= (c.distinct or rows) + (1 if c.nulls else 0)  # (the empty value counts as one)
    if any(c.nulls and _numbered_period(c) for c in combo):
        # A year left empty on a group's total row, codes beside it filling their grid: CDC
        # WONDER's export with "Show Totals", a "Total" row of each state with no Year, keyed
        # by State Code and Year all the same.
        return all(c.family == "string" for c in combo if not c.nulls) and product <= 2 * rows
    return any(c.sql_type.upper() == "DATE" for c in combo) and _codes_by_time(combo, rows, product)


def _steady_part(column: ColumnStats, rows: int) -> bool:
    """Text, a year (see `_numbered_period`), whole numbers named as an identifier or of few
    values (a tenth of the rows at most), or a day repeated over the rows: parts that repeat
    over groups of rows, beside which a text part with empty values is unique by design, not
    by chance as beside a moment or a measure."""
    if column.family == "string" or _numbered_period(column):
        return True
    if column.family == "integer":
        return is_key_like(column.name) or (column.distinct or rows) * 10 <= rows
    return column.sql_type.upper() == "DATE" and (column.distinct or rows) * 2 <= rows


_PERIOD_NAME_WORDS = frozenset({"year", "yr", "quarter", "qtr", "month", "week", "period"})


def _numbered_period(column: ColumnStats) -> bool:
    """Whole numbers named for a period (WONDER's Year and Year Code), which may be empty on a
    total row (see `_nullable_ok`)."""
    return column.family == "integer" and bool(_PERIOD_NAME_WORDS.intersection(core_words(column.name)))


def _plausible(combo: tuple[ColumnStats, ...], table: TableStats) -> bool:
    """Whether a column set could key the table, before counting it: enough value
    combinations, no two parts unique together by chance, one time at most (but a date and
    a time of day written apart), and a part that identifies."""
    product = 1
    for c in combo:
        product *= (c.distinct or table.rows) + (1 if c.nulls else 0)  # (the empty value counts as one)
    if product < table.rows:
        return False
    first = _first_position(table)
    # (Whole numbers whose values fill their grid, at most twice as many pairs as rows, were made
    # to tell rows apart, not unique together by chance: a loss triangle's AY and Dev Lag, 4
    # values each over 10 rows; measures unique by chance make many times more pairs than rows.)
    chance = 0 if product <= 2 * table.rows else sum(_by_chance(c, table.rows, first) for c in combo)
    if chance >= 2 or (chance and table.rows < LOOSE_PAIR * product):
        # A Pokémon's stats (HP, Speed): unique together by chance; so is a trip's duration
        # beside its station and bike (Citi Bike's trips, which no column set keys).
        return False
    if all(is_placeholder(c.name) for c in combo) and first not in {c.position for c in combo}:
        # A file without a header says nothing of its columns but their place: its keys lead
        # it (TPC-H's lineitem.tbl by its first and fourth fields); a blood pressure and a
        # cholesterol further on (UCI's heart disease data) are unique together by chance.
        return False
    if _dated_by_chance(combo, table.rows, product) or any(
        _nearly_unique_time(c, table.rows) or _spread_measure(c, table) for c in combo
    ):
        # A time nearly unique alone makes any set with it unique by chance: the taxi trips'
        # pickup time with a vendor and a zone. (Readings of many sensors at the same times
        # repeat each time, and keep their (sensor, time) key.) So does a measure of nearly
        # as many values as rows: UCI Adult's fnlwgt with an age and a schooling.
        return False
    # A date and a time of day written apart (UCI's AirQuality: Date, Time) are one
    # moment: a time series' key, or with what was read or who punched (a timecard's Person
    # Number, Punch Date and In, two punches a day; hourly counts by station, date and hour
    # 1:00..24:00); two times otherwise are one too many.
    apart = sorted(c.sql_type.upper() for c in combo if c.family == "temporal") == ["DATE", "TIME"]
    if sum(c.family == "temporal" for c in combo) > 1 and not apart:
        return False
    moment = apart and len(combo) == 2
    # (tag, timestamp) unique by chance is no key: one part must be an identifier, or all be
    # codes (an XBRL tag and its taxonomy's version), or codes by a time filling their grid
    return (
        any(_identifies(c, table.rows) for c in combo) or all(c.family == "string" for c in combo) or moment
        or _codes_by_time(combo, table.rows, product) or _grid_by_time(combo, table, product)
    )


def _grid_by_time(combo: tuple[ColumnStats, ...], table: TableStats, product: int) -> bool:
    """A grid's coordinates beside one time, with codes or levels or not (a GRIB variable,
    ERA5's pressure_level 500, 850, 1000), whose value combinations fill half their grid or
    more: each point read at each time (ERA5's valid_time, latitude and longitude; see
    `_codes_by_time`)."""
    times = [c for c in combo if c.family == "temporal"]
    others = [c for c in combo if c not in times]
    few = max(50, table.rows // 100)
    return (
        len(times) == 1 and any(_grid_coordinate(c, table) for c in others)
        and all(
            c.family == "string" or _grid_coordinate(c, table) or (c.family == "integer" and (c.distinct or table.rows) <= few)
            for c in others
        )
        and product <= 2 * table.rows
    )


def _codes_by_time(combo: tuple[ColumnStats, ...], rows: int, product: int) -> bool:
    """Text codes beside one time whose value combinations fill half their grid or more: a
    long panel, each code read at each time (a plate reader's wells A1..H12 by read time, a
    network's sites by day), whatever the codes' width, name or number. A code unique with a
    time by chance combines with it into many more sets than rows (an event's tag beside its
    timestamp)."""
    times = [c for c in combo if c.family == "temporal"]
    return (
        len(times) == 1 and len(combo) > 1 and all(c.family == "string" for c in combo if c not in times)
        and product <= 2 * rows
    )


def alphabetical(table: TableStats) -> bool:
    """Whether a table's columns are in the order of their names, nine pairs in ten of
    neighbours at least (FDIC's exports: ACTIVE, ADDRESS, ASSET, BKCLASS, CERT, ..., a few
    more columns after them): their places then say nothing of what they hold, an identifier
    need not come first."""
    names = [c.name.lower() for c in sorted(table.columns, key=lambda c: c.position)]
    if len(names) < 6 or any(is_placeholder(n) for n in names):
        return False  # (a headerless file's column0, column1, ... are in order, and say nothing)
    ordered = sum(a <= b for a, b in pairwise(names))
    return ordered >= 0.85 * (len(names) - 1)


def _first_position(table: TableStats) -> int:
    """The place of the table's first column (a file's first field), not counting a leading
    column with no value at all: Fannie Mae's performance files start each line with the
    delimiter ("|100002296854|022023|..."), and their loan id comes second."""
    filled = [c.position for c in table.columns if c.nulls < table.rows]
    return min(filled or [c.position for c in table.columns])


def _leading_positions(table: TableStats) -> tuple[int, ...]:
    """The place of the table's first column, and of the one after it when the first is a
    row counter (`_row_counter`): R's write.csv puts its row names before the file's own
    first field (freMTPL2freq's IDpol, policy numbers up to 6 million over 678,013 rows)."""
    first = _first_position(table)
    leading = next((c for c in table.columns if c.position == first), None)
    if leading is None or not _numbers_rows(table, leading):
        return (first,)
    after = [c.position for c in table.columns if c.position > first]
    return (first, min(after)) if after else (first,)


def _nearly_unique_time(column: ColumnStats, rows: int) -> bool:
    """A timestamp or a date with nearly as many values as rows (9 in 10 or more): NYC's
    payroll's Agency Start Date, 95% distinct, was unique by chance with an agency's code and
    a leave status."""
    kind = column.sql_type.upper()
    return (kind.startswith("TIMESTAMP") or kind == "DATE") and (column.distinct or 0) >= 0.9 * rows


def _dated_by_chance(combo: tuple[ColumnStats, ...], rows: int, product: int) -> bool:
    """A day or a time that most rows have alone, beside codes from short lists only, whose
    values combine into 20 times as many sets as rows or more: unique by chance (a
    QuickBooks ledger's Date, Transaction Type and Account, where two invoices of a day post
    to one account). A grid is no such set: days repeated over codes fill most of their
    combinations (a station's readings by day)."""
    times = [c for c in combo if c.family == "temporal" and (c.distinct or 0) * 2 > rows]
    others = [c for c in combo if c not in times]
    return (
        len(times) == 1 and bool(others) and all(_short_list(c, rows, FREE_TEXT_LENGTH) for c in others)
        and rows < LOOSE_PAIR * product
    )


def _spread_measure(column: ColumnStats, table: TableStats) -> bool:
    """Whole numbers with nearly as many values as rows, spread thin over a range twice the
    row count or wider, in a column neither named as an identifier nor first: a measure
    finely graded (UCI Adult's census weight fnlwgt, 20,000 to 1.5 million over 32,561
    people), unique or nearly so by chance. Identifiers come first in their file or say
    so in their name; numbered rows fill their range."""
    if column.family != "integer" or is_key_like(column.name) or column.distinct is None or column.named_alike:
        return False  # (numbers another table writes as wide under the name are codes: a registrar's CRN)
    if column.position in _leading_positions(table) or column.distinct < 0.9 * table.rows or alphabetical(table):
        return False
    low, high = column.min_value, column.max_value
    return low is not None and high is not None and high - low + 1 >= 2 * table.rows


def _by_chance(column: ColumnStats, rows: int, first: int) -> bool:
    """A whole number not named as an identifier, of values spread like a measure's (a tenth
    of the rows or more): beside another part, it tells rows apart by chance. (A reference
    named without "id", a timesheet's emp and proj, repeats far more. A column of a file
    without a header has no name to say either: its place and values only, the ``first``
    column leading the file as identifiers do, TPC-H's orderkey in lineitem.tbl, and numbers
    filling their range numbering things, TPC-DS's tickets; UCI's heart disease data's
    cholesterol further on, 150 values over 126 to 564, is a measure.)"""
    if column.family != "integer" or is_key_like(column.name) or (column.distinct or rows) * 10 < rows:
        return False
    if column.named_alike:
        return False  # (codes another table writes as wide under the name: the enrollments' CRN)
    if not is_placeholder(column.name):
        return True
    # (Without a header, numbers that fill their range are numbered things, a ticket's lines.)
    low, high = column.min_value, column.max_value
    sparse = low is not None and high is not None and (column.distinct or 0) < 0.8 * (high - low + 1)
    return column.position != first and sparse


def _identifies(column: ColumnStats, rows: int) -> bool:
    """An identifier-like column: a key word in its name, whole numbers that are neither a time
    (epoch seconds) nor an amount, or a short code: from a small list (a weather station) or
    written at one width (a census table's STATE "01" and COUNTY "001")."""
    if is_key_like(column.name):
        return True
    if column.family == "string":
        # A label repeated over groups of rows, however long ("Bonaire, Sint Eustatius and
        # Saba" among the WHO's countries by day).
        if is_descriptive(column.name):
            return _short_list(column, rows, FREE_TEXT_LENGTH)
        # A code of nearly as many values as rows (an XBRL tag beside its taxonomy's version).
        near_unique = (column.distinct or 0) >= rows // 2 and (column.avg_length or 0.0) <= FREE_TEXT_LENGTH
        return _short_list(column, rows, FREE_TEXT_LENGTH) or _fixed_code(column) or near_unique
    return column.family == "integer" and not is_measure_like(column.name) and not names_a_time(column.name)


def _fixed_code(column: ColumnStats) -> bool:
    """Text of one width of 2 to 12 characters, with at least 3 values: a code."""
    width = column.fixed_length
    return column.family == "string" and width is not None and 2 <= width <= 12 and (column.distinct or 0) >= 3


# A year or a date in a column's name: wide statistical tables give one column of figures
# per period (POPESTIMATE2020, BIRTHS2021, "1960", JHU's COVID counts under "6/29/20"),
# never an identifier. A year with its month and day when written (Zillow's "2000-01-31":
# the whole date is the period, not a year beside a measure named "-01-31"), a day
# written m/d/yy or m/d/yyyy, or a month written m/yyyy (the NTD's monthly ridership under
# "1/2002" ... "9/2023": the month is the period's, not a measure named "1" beside a year).
_PERIOD = re.compile(
    r"(?:^|[^0-9])(?:(?:1[89]|20)[0-9]{2}(?:[-/._][0-9]{1,2}){0,2}|[0-9]{1,2}[/.-][0-9]{1,2}[/.-](?:[0-9]{4}|[0-9]{2})"
    r"|(?:0?[1-9]|1[0-2])[/-](?:1[89]|20)[0-9]{2})(?:$|[^0-9])"
)


def _names_a_period(name: str) -> bool:
    return _PERIOD.search(name) is not None


def _part_preference(column: ColumnStats) -> float:
    score = 0.0
    if is_key_like(column.name):
        score += 2.0
    if column.family in ("integer", "string"):
        score += 1.0
    if _fixed_code(column):
        score += 0.5
    if (column.avg_length or 0.0) > FREE_TEXT_LENGTH and not is_key_like(column.name):
        score -= 0.5  # (a long label after codes: `_long_label`)
    return score


def _key_score(table: TableStats, key: tuple[str, ...], months: frozenset[str] = frozenset()) -> float:
    """How much a unique column set looks like the table's identifier (``months``: the
    columns of a panel's months, see `_panel_months`)."""
    score = 3.0 if len(key) == 1 else 2.0 - 0.3 * (len(key) - 2)
    if len(key) > 1:
        # Parts whose values combine into hardly more pairs than there are rows were made to
        # tell rows apart ((name, sex) of a names file, (date, ticker) of a price panel); a
        # part of many values (a count beside the name) makes a set unique by chance.
        product = 1.0
        for name in key:
            product *= table.column(name).distinct or table.rows
        score += 0.5 * min(1.0, table.rows / product)
    table_entity = set(entity_words(table.meaning))
    first = _first_position(table)
    per_column = 0.0
    for name in key:
        column = table.column(name)
        bonus = 0.0
        unit = len(key) > 1 and names_a_unit(name)
        if _counts_rows(name) or _numbers_rows(table, column):
            # A row's number (MIMIC's ROW_ID, "Unnamed: 0", R's row names under an empty
            # header): the entity's key comes first.
            bonus -= 1.5
        elif names_a_rank(name):
            bonus -= 1.0  # a place in the ordering (Happiness Rank beside Country): what the row is comes first
        elif unit:
            # A unit of measure, code or not, unique with the row's sample only where each
            # thing measured has its own unit (WQP's MeasureUnitCode "mg/l as N" beside its
            # CharacteristicName "Nitrate"): what was measured comes first.
            bonus -= 1.0
        if (is_key_like(name) or column.digest) and not unit:
            bonus += 1.0
            if is_key_like(name) and not _counts_rows(name) and (table_entity & set(entity_words(name)) or _bare_id(name)):
                bonus += 0.5  # customer_id in customers, or a bare id
        elif len(key) == 1 and _names_the_table(name, table_entity):
            # The table's own thing under its bare name: a work center master's Work Center
            # beside a Machine ID, a material master's Material beside its EAN (a second
            # unique number, of another thing or scheme). Under an identifier's name of its
            # own, the table's entity comes first still (customer_id beside Customer).
            bonus += 1.3
        if column.family == "integer" or column.sql_type.upper() == "UUID" or column.digest:
            bonus += 0.3  # (a hash identifies as a UUID does: a transaction's Txhash before its Blockno)
        if len(key) > 1 and name in months:
            # The month a panel's row reports (Fannie Mae's loan id and ACT_PERIOD) before a
            # count of months that steps with it (its LOAN_AGE, REM_MONTHS), unique beside the
            # loan as well: the month is what a row is of, the count a measure of it, whose
            # fewer values (loans of several months' origination) make fewer pairs.
            bonus += 1.5
        elif column.family == "temporal":
            bonus -= 1.0
        if column.family == "string" and (column.avg_length or 0.0) > 20 and not ((is_key_like(name) and column.fixed_length) or column.digest):
            # E-mail addresses, URLs: alternate keys at best. (Not an identifier of one width,
            # ServiceNow's sys_id of 32 hex digits, a UUID.)
            bonus -= 0.5
        if column.position == first and not alphabetical(table):
            bonus += 0.2
        per_column += bonus
    return score + per_column / len(key)


# Words of the period a panel's rows report: Fannie Mae's ACT_PERIOD, Freddie Mac's
# MONTHLY_REPORTING_PERIOD, a "Reporting Month".
_MONTH_WORDS = frozenset({"period", "month"})
# Months written as six characters, mmyyyy (Fannie Mae's "022023") or yyyymm ("202302").
_MONTH_TEXT = r"(?:0[1-9]|1[0-2])(?:1[89]|20)[0-9]{2}|(?:1[89]|20)[0-9]{2}(?:0[1-9]|1[0-2])"
# Values of a text column read to tell whether it holds months (every value is six characters).
_MONTH_SAMPLE = 10_000


def _panel_months(con: duckdb.DuckDBPyConnection, table: TableStats, parts: list[ColumnStats]) -> frozenset[str]:
    """The parts that hold the months of a monthly panel (loans, accounts, series by month):
    dates named as a period or a month (Fannie Mae's ACT_PERIOD, read as dates), whole numbers
    written yyyymm (Freddie Mac's 202302) with no more values than months between the first
    and the last, and text of six characters, each a month (Fannie's "022023" in its files
    without a header, where no name says so; read on a sample)."""
    found = {c.name for c in parts if _dated_months(c) or _numbered_months(c)}
    texts = [c for c in parts if c.family == "string" and c.fixed_length == 6 and c.name not in found]
    if texts:
        checks = ", ".join(f"bool_and(regexp_full_match({quote_ident(c.name)}, $1))" for c in texts)
        sample = f"(SELECT * FROM {table.relation} LIMIT {_MONTH_SAMPLE})"
        row = con.execute(f"SELECT {checks} FROM {sample}", [_MONTH_TEXT]).fetchone()
        assert row is not None
        found.update(c.name for c, months in zip(texts, row, strict=True) if months)
    return frozenset(found)


def _dated_months(column: ColumnStats) -> bool:
    return column.sql_type.upper() == "DATE" and bool(_MONTH_WORDS.intersection(core_words(column.name)))


def _numbered_months(column: ColumnStats) -> bool:
    low, high = column.min_value, column.max_value
    if column.family != "integer" or low is None or high is None or not (_yyyymm(low) and _yyyymm(high)):
        return False
    span = (int(high) // 100 - int(low) // 100) * 12 + int(high) % 100 - int(low) % 100 + 1
    return (column.distinct or 0) <= span


def _yyyymm(value: float) -> bool:
    return 1800 <= value // 100 <= 2100 and 1 <= value % 100 <= 12


# Words of a record's own identifier, whatever the table: ServiceNow's sys_id on every table
# (cmdb_ci_computer's, before the serial_number unique beside it), a record_id, an object_id.
_RECORD_WORDS = frozenset({"sys", "record", "object"})


def _bare_id(name: str) -> bool:
    """An identifier named for no thing (id, uuid) or for the record itself (sys_id)."""
    return set(entity_words(name)) <= _RECORD_WORDS


def _names_the_table(name: str, table_entity: set[str]) -> bool:
    """Whether a column's name is the table's entity, no more (Material in materials), and not
    a descriptive column's (a name or a title is an attribute)."""
    return bool(table_entity) and set(entity_words(name)) == table_entity and not is_descriptive(name)


def _unique_by_chance(column: ColumnStats) -> bool:
    """A timestamp or a fractional measurement: unique in a table only as finely measured
    values are (see `find_keys`)."""
    return column.family == "float" or column.sql_type.upper().startswith("TIMESTAMP")


# Things an event log names over and over: at least this many, each on two rows on average.
_ACTORS = 10


def _logs_events(table: TableStats) -> bool:
    """Whether a table records events of things named by an identifier that repeats over its
    rows (Mixpanel's distinct_id, a user_id, a device's id): a log, not a time series, whose
    timestamps tell rows apart by chance only. A series' own sensor or station, one value
    for the file, is no such thing."""
    return any(
        is_key_like(c.name) and c.family in ("integer", "string") and c.distinct is not None
        and _ACTORS <= c.distinct <= table.rows // 2
        for c in table.columns
    )


def _counts_rows(name: str) -> bool:
    return bool(set(core_words(name)) & COUNTER_WORDS)


def _row_counter(table: TableStats, column: ColumnStats) -> bool:
    """A column that numbers the rows: named so (ROW_ID, Unnamed: 0), or a file's first column
    without a name holding 0 or 1 up to the row count (pandas' index written with a blank
    header)."""
    if _counts_rows(column.name):
        return True
    low, high = column.min_value, column.max_value
    return (
        column.position == _first_position(table) and column.family == "integer"
        and is_placeholder(column.name)
        and low in (0, 1) and high is not None and high - low + 1 == table.rows
    )


def _numbers_rows(table: TableStats, column: ColumnStats) -> bool:
    """A row counter (`_row_counter`) in a file with a header: named so, or a first column
    whose header alone is empty (R's write.csv row names, a pandas index). A headerless
    file's first column of 1 up to the row count is a dimension's own key (TPC-DS's
    item.dat), which the facts cite."""
    return _row_counter(table, column) and (
        _counts_rows(column.name) or not all(is_placeholder(c.name) for c in table.columns)
    )


def _key_beside_counter(
    con: duckdb.DuckDBPyConnection,
    table: TableStats,
    counter: str,
    parts: list[ColumnStats],
    counted: dict[tuple[str, ...], int],
    distinct_rows: int,
) -> tuple[str, ...] | None:
    """Of a table keyed by a row counter beside copies of rows: the columns that identify a
    row once the copies are gone (the Spotify tracks' pandas index beside (track_id,
    track_genre)), searched as the grain is, for ``distinct_rows`` values instead of rows."""
    tried = {cols: n for cols, n in counted.items() if counter not in cols}
    others = [c for c in parts if c.name != counter]
    singles = [
        (c.name,) for c in others
        if (c.name,) not in tried and _could_be_unique(c, distinct_rows) and not _spread_measure(c, table)
    ]
    tried.update(_distinct_counts(con, table, singles))
    # (Searched as if the table held its distinct rows only: a pair's parts then need as
    # many values between them as there are distinct rows, not rows.)
    distinct = replace(table, rows=distinct_rows)
    for size in (2, 3):
        if any(n == distinct_rows for n in tried.values()):
            break
        _, counts = _composite_keys(con, distinct, others, [], size, tried)
        tried.update(counts)
    unique = [cols for cols, n in tried.items() if n == distinct_rows]
    best, _ = _choose_grain(table, [k for k in unique if not any(set(o) < set(k) for o in unique)])
    return best


def _copies_beside(con: duckdb.DuckDBPyConnection, table: TableStats, counter: str) -> int:
    """Rows that repeat another in every column but ``counter`` (hashed, see `_duplicates`)."""
    others = [quote_ident(c.name) for c in table.columns if c.name != counter]
    if not others:
        return 0
    row = con.execute(f"SELECT count(DISTINCT hash({', '.join(others)})) FROM {table.relation}").fetchone()
    assert row is not None
    return table.rows - int(row[0])


def referenced_grain(found: TableKeys, links: list[Link]) -> TableKeys:
    """``found`` with the grain moved to the unique column other tables reference, when the
    tables that reference the grain chosen from the columns alone (if any) all reference that
    column too, and more do: CDISC's DM is keyed by SUBJID (whole numbers, unique within a
    study only) and by USUBJID (unique over the submission), which every other domain of the
    study cites, and ADaM's ADSL beside it by both. A grain that some table alone cites stays
    (customers by customer_id, which orders cite, beside an e-mail that events cite). So with
    a composite key, cited whole: a registrar's class sections by term and crn, which the
    enrollments cite, not by the crn and an instructor unique together by chance."""
    grain = found.grain
    if grain is None:
        return found
    cited: dict[str, set[str]] = {}
    cited_sets: dict[frozenset[str], set[str]] = {}
    for link in links:
        if link.kind == "foreign_key" and link.parent_table == found.table and link.child_table != found.table:
            for column in link.parent_columns:
                cited.setdefault(column, set()).add(link.child_table)
            cited_sets.setdefault(frozenset(link.parent_columns), set()).add(link.child_table)

    def citing(key: tuple[str, ...]) -> set[str]:
        # (Only a single-column key of its own: a column cited as part of a composite is none.)
        return cited.get(key[0], set()) if len(key) == 1 else cited_sets.get(frozenset(key), set())

    by_grain = citing(grain)
    # (A single column for a single one, a composite for a composite.)
    keyed = [key for key in found.keys if key != grain and (len(key) == 1) == (len(grain) == 1) and by_grain < citing(key)]
    if not keyed:
        return found
    best = max(keyed, key=lambda key: (len(citing(key)), -found.keys.index(key)))
    evidence = {**found.evidence, "grain_referenced_by": sorted(citing(best)), "grain_from_columns": list(grain)}
    return replace(found, grain=best, evidence=evidence)


# How much less sure a link is than its sibling onto the parent's grain (see `grain_links_first`).
BESIDE_GRAIN = 0.01


def grain_links_first(links: list[Link], keys: dict[str, TableKeys]) -> None:
    """Of two tables joined by more than one reference (ADaM's ADSL onto SDTM's DM by
    USUBJID and by SUBJID, both unique in both), mark those onto another key than the
    parent's grain as alternates, a little less sure than the one onto the grain, in place:
    a join path then takes the grain's join first (SUBJID repeats as soon as studies are
    pooled)."""
    by_pair: dict[tuple[str, str], list[Link]] = {}
    for link in links:
        if link.kind == "foreign_key" and link.child_table != link.parent_table:
            by_pair.setdefault((link.child_table, link.parent_table), []).append(link)
    for (_, parent), group in by_pair.items():
        found = keys.get(parent)
        grain = found.grain if found is not None else None
        if grain is None or not any(link.parent_columns == grain for link in group):
            continue
        for link in group:
            if link.parent_columns != grain:
                link.confidence = round(max(0.0, link.confidence - BESIDE_GRAIN), 4)
                link.evidence["beside_grain_link"] = list(grain)


def _choose_grain(
    table: TableStats, keys: list[tuple[str, ...]], months: frozenset[str] = frozenset()
) -> tuple[tuple[str, ...] | None, dict[tuple[str, ...], float]]:
    scores = {k: _key_score(table, k, months) for k in keys}
    if not scores:
        return None, scores
    identifying = {k: s for k, s in scores.items() if any(table.column(c).family != "temporal" for c in k)}
    moments = {k: s for k, s in scores.items() if _a_moment(table, k)}
    if moments and _measured_by_chance(table, list(identifying)):
        # A personal log without an id, keyed by its start time alone (Garmin's Activities.csv
        # by Date), not by a label and a count unique together by chance in a short file
        # (Activity Type and Number of Laps, a lap time beside them).
        identifying = moments
    pool = identifying or scores  # only time columns are unique: a time series
    # A key with empty values in a part loses those rows in a join by `=`: a complete key comes
    # first (Shopify's orders export by Name and Lineitem name, not by its Lineitem sku, empty
    # on gift cards, tips and custom items).
    complete = {k: s for k, s in pool.items() if not any(table.column(c).nulls for c in k)}
    pool = complete or pool
    periods: list[tuple[str, ...]] = [k for k in scores if len(k) == 1 and _reports_a_period(table, table.column(k[0]))]
    if periods and all(len(k) > 1 and not any(is_key_like(c) for c in k) for k in pool):
        # A report of one row a period, keyed by it, before composites of what it reports,
        # unique together by chance in a short table: a mine's monthly production report by
        # Month, not its "Head Grade Au" and "Head Grade Cu" ("2.35 g/t Au"), nor a mill's
        # status and shift lead.
        pool = {k: scores[k] for k in periods}
    best = max(pool, key=lambda k: (pool[k], -len(k)))
    return best, scores


def _a_moment(table: TableStats, key: tuple[str, ...]) -> bool:
    """A timestamp unique alone (a date and time to the second)."""
    return len(key) == 1 and table.column(key[0]).sql_type.upper().startswith("TIMESTAMP")


def _measured_by_chance(table: TableStats, keys: list[tuple[str, ...]]) -> bool:
    """Whether every key is a composite with a part that tells rows apart by chance: whole
    numbers spread like a measure's (see `_by_chance`), or a duration or time of day."""
    first = _first_position(table)
    return bool(keys) and all(
        len(k) > 1 and any(
            _by_chance(table.column(c), table.rows, first) or table.column(c).sql_type.upper() in ("TIME", "INTERVAL")
            for c in k
        )
        for k in keys
    )


def _reports_a_period(table: TableStats, column: ColumnStats) -> bool:
    """Days or months (dates, not moments), leading the table and named as a date or a period:
    the period each row of a report is of."""
    named = names_a_time(column.name) or bool(_PERIOD_WORDS.intersection(core_words(column.name)))
    return column.sql_type.upper() == "DATE" and column.position == _first_position(table) and named
