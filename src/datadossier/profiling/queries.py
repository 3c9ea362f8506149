"""The SQL of profiling: the main aggregate and the per-column branches.

Identifiers reach SQL through ``quote_ident`` only and numbers from the data (bucket edges)
as bound parameters; the only other text spliced in is our own (column positions, period
names from a fixed list, percentile fractions).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from datadossier.engine.gateway import quote_ident
from datadossier.profiling.buckets import NumericBuckets, Period
from datadossier.profiling.kinds import ColumnKind, column_kind, is_numeric

if TYPE_CHECKING:
    import duckdb

PERCENTILES: tuple[tuple[str, float], ...] = (
    ("p25", 0.25), ("p50", 0.5), ("p75", 0.75), ("p95", 0.95), ("p99", 0.99),
)  # fmt: skip
TOP_VALUES = 10
# approx_top_k candidates checked per high-cardinality column: twice the list length, so a
# value the sketch ranks slightly too low still gets its exact count.
TOP_CANDIDATES = 20

_PERCENTILE_LIST = "[" + ", ".join(str(q) for _, q in PERCENTILES) + "]"

# min_by keeps the ten smallest (-count, value) keys: most frequent first, ties by value.
# Values seen once are filtered out (a unique column has no top values). The cast to text
# applies to the ten winners only; casting inside min_by would first turn every group's value
# into text (measured 15-25 ms per million groups).
_TOP_ITEMS = (
    f"CAST(min_by({{'v': v, 'c': c}}, (-c, v), {TOP_VALUES}) FILTER (WHERE c > 1) "
    "AS STRUCT(v VARCHAR, c BIGINT)[])"
)

# Text columns of at most this many distinct values get their spelling checked (`_spelling`):
# a category, a name kept by hand (a menu sheet's item names) is small; the check reads the
# column's distinct values only, so a column of a million ids costs nothing more.
SPELLING_MAX_VALUES = 10_000

# Spaces inside a value count as one, and none at its ends, before the case is compared.
_SPELLING_KEY = r"lower(regexp_replace(regexp_replace(v, '^\s+|\s+$', '', 'g'), '\s+', ' ', 'g'))"


def _spelling(by: str = "", gate: str = "") -> str:
    """The list of the distinct values ``{v, c}`` in ``g`` written with whitespace before or
    after them, or equal to another but for case and spacing (a menu sheet's "Mac & Cheese "
    and "caesar salad" beside "Caesar Salad"), from ``FROM`` on; ``by`` prefixes the columns
    that group them (``col, ``). The window runs over the distinct values, never over rows."""
    return (
        f"list({{'v': v, 'c': c}}) FROM (SELECT {by}v, c, count(*) OVER (PARTITION BY {by}{_SPELLING_KEY}) AS alike "
        rf"FROM g{gate}) WHERE alike > 1 OR regexp_matches(v, '^\s|\s$')"
    )


Parts = dict[int, dict[str, tuple[Any, list[dict[str, Any]]]]]
"""Branch results: ``{column position: {part: (n, items)}}`` with parts ``groups``/``hist``
and, for text, ``spelling`` (the values `_spelling` picks)."""


@dataclass(frozen=True, slots=True)
class ColumnSpec:
    """One column to profile: its position, statistics family and value expression."""

    index: int
    name: str
    kind: ColumnKind
    value_sql: str  # the quoted column, cast to VARCHAR for kinds profiled as text
    value_type: str  # the DuckDB type of ``value_sql``

    @classmethod
    def of(cls, index: int, name: str, duckdb_type: str) -> ColumnSpec:
        kind = column_kind(duckdb_type)
        ident = quote_ident(name)
        if kind == "other":
            return cls(index, name, kind, f"CAST({ident} AS VARCHAR)", "VARCHAR")
        return cls(index, name, kind, ident, " ".join(duckdb_type.upper().split()))


def alike(specs: list[ColumnSpec]) -> list[list[ColumnSpec]]:
    """The specs grouped by statistics family and value type, the columns one `unpivot` can
    stack (it needs one type)."""
    groups: dict[tuple[str, str], list[ColumnSpec]] = {}
    for spec in specs:
        groups.setdefault((spec.kind, spec.value_type), []).append(spec)
    return list(groups.values())


def unpivot(relation: str, specs: list[ColumnSpec]) -> str:
    """The values of columns of one type stacked into rows ``(col, v)``, ``col`` the column's
    position as text; NULLs are left out (UNPIVOT's default)."""
    cells = ", ".join(f"{spec.value_sql} AS {quote_ident(str(spec.index))}" for spec in specs)
    names = ", ".join(quote_ident(str(spec.index)) for spec in specs)
    return f"(UNPIVOT (SELECT {cells} FROM {relation}) ON {names} INTO NAME col VALUE v)"


def bucket_sql(value_sql: str, lower: str = "?", width: str = "?", last: str = "?") -> str:
    """Bucket index of a numeric value, clamped into the plan; by default the plan's lower
    edge, width and last bucket index are parameters (`bucket_params`)."""
    return f"CAST(least(greatest(floor((CAST({value_sql} AS DOUBLE) - {lower}) / {width}), 0), {last}) AS BIGINT)"


def bucket_params(plan: NumericBuckets) -> list[object]:
    return [plan.lower, plan.sql_width, plan.count - 1]


def main_query(relation: str, specs: list[ColumnSpec], *, exact: bool) -> str:
    """The main aggregate: ``count(*)`` then one STRUCT of statistics per column.

    Percentiles are taken over the values cast to DOUBLE (a DECIMAL quantile would be rounded
    to the column's scale). Exact mode uses ``quantile_cont``: a selection, not a sort, and
    measured faster than ``approx_quantile`` at 1M rows, but it holds every value in memory,
    so approximate mode uses ``approx_quantile`` and adds ``approx_count_distinct``.

    Histograms are not computed here: ``histogram()`` in an ungrouped aggregate updates a map
    row by row and measured slower than a vectorised ``GROUP BY bucket`` branch.
    """
    selects = ["count(*) AS total"]
    for spec in specs:
        fields = _statistics(spec.kind, spec.value_sql, exact=exact)
        selects.append("{" + ", ".join(fields) + f"}} AS c{spec.index}")
    return f"SELECT {', '.join(selects)} FROM {relation}"


def stacked_query(relation: str, specs: list[ColumnSpec]) -> str:
    """The main aggregate's statistics (exact mode) from the columns' values stacked by type
    (`unpivot`): one row holding, per type, the list of ``{col, s}`` with ``s`` the STRUCT
    `main_query` gives the column; a column without a value is not listed. On a short table
    this beats one aggregate per column, whose fixed cost (about 2 ms a column here)
    outweighs the values' (see `profiler.STACKED_MAX_ROWS`)."""
    lists = []
    for group in alike(specs):
        fields = ", ".join(_statistics(group[0].kind, "v", exact=True))
        lists.append(
            "(SELECT list({'col': col, 's': s}) FROM "
            f"(SELECT CAST(col AS INTEGER) AS col, {{{fields}}} AS s FROM {unpivot(relation, group)} GROUP BY col))"
        )
    return "SELECT * FROM " + ", ".join(f"{sql} AS g{k}" for k, sql in enumerate(lists))


def _statistics(kind: ColumnKind, v: str, *, exact: bool) -> list[str]:
    """The STRUCT fields of one column's statistics, for its value expression ``v``."""
    fields = [f"'n': count({v})"]
    if is_numeric(kind):
        quantiles = (
            f"quantile_cont(CAST({v} AS DOUBLE), {_PERCENTILE_LIST})"
            if exact
            else f"approx_quantile(CAST({v} AS DOUBLE), {_PERCENTILE_LIST})"
        )
        fields += [
            f"'lo': CAST(min({v}) AS DOUBLE)",
            f"'hi': CAST(max({v}) AS DOUBLE)",
            # In DOUBLE: a HUGEINT sum can overflow even where every value fits.
            f"'mean': avg(CAST({v} AS DOUBLE))",
            f"'sd': stddev_samp(CAST({v} AS DOUBLE))",
            f"'q': CAST({quantiles} AS DOUBLE[])",
        ]
        if kind == "integer":
            # Exact too: a DOUBLE holds whole numbers exactly only up to 2**53 (`_assemble`).
            fields += [f"'lo_i': min({v})", f"'hi_i': max({v})"]
    elif kind == "boolean":
        fields += [f"'t': count_if({v})", f"'f': count_if(NOT {v})"]
    elif kind in ("temporal", "time"):
        fields += [f"'lo': CAST(min({v}) AS VARCHAR)", f"'hi': CAST(max({v}) AS VARCHAR)"]
    else:
        fields += [
            f"'lo': min({v})",
            f"'hi': max({v})",
            f"'lmin': min(length({v}))",
            f"'lmax': max(length({v}))",
            f"'lavg': avg(length({v}))",
        ]
    if not exact and kind != "boolean":
        fields.append(f"'nd': approx_count_distinct({v})")
    return fields


class Branches:
    """Small per-column aggregates, each reading one column, run together as one UNION ALL.

    Every branch yields ``(col, part, n, items)``, named in each branch since any of them
    can come first, with ``items`` a list of ``{v: text, c}``.
    """

    def __init__(self, relation: str) -> None:
        self.relation = relation
        self.branches: list[str] = []
        self.params: list[object] = []

    def groups(self, spec: ColumnSpec, *, spelling: bool = True) -> None:
        """Exact distinct count and top values from ``GROUP BY value``; for a text column,
        also its ``spelling`` part when it has at most `SPELLING_MAX_VALUES` distinct values,
        unless ``spelling`` is false (a column already known to hold many more)."""
        v, r = spec.value_sql, self.relation
        grouped = f"SELECT {v} AS v, count(*) AS c FROM {r} WHERE {v} IS NOT NULL GROUP BY 1"
        top = f"SELECT {spec.index} AS col, 'groups' AS part, count(*) AS n, {_TOP_ITEMS} AS items"
        if spec.kind != "text" or not spelling:
            self.branches.append(f"{top} FROM ({grouped})")
            return
        # The groups are kept (MATERIALIZED) for the check, which the gate skips (a constant
        # false filter) on a column of many values; keeping a million groups still costs
        # (about 0.15 s for the 1M-row benchmark's uuid and email columns together), which
        # is why a column the sample shows nearly unique comes without the check.
        gate = f" WHERE (SELECT count(*) FROM g) <= {SPELLING_MAX_VALUES}"
        self.branches.append(
            f"SELECT * FROM (WITH g AS MATERIALIZED ({grouped}) {top} FROM g UNION ALL "
            f"SELECT {spec.index} AS col, 'spelling' AS part, CAST(NULL AS BIGINT) AS n, {_spelling(gate=gate)})"
        )

    def stacked_groups(self, specs: list[ColumnSpec]) -> None:
        """`groups` of columns of one type at once, from one ``GROUP BY col, value`` over
        their stacked values (for short tables, as `stacked_query`); text columns get their
        ``spelling`` part (from at most ``STACKED_MAX_ROWS`` values each, so ungated)."""
        grouped = f"SELECT col, v, count(*) AS c FROM {unpivot(self.relation, specs)} GROUP BY col, v"
        top = f"SELECT CAST(col AS INTEGER) AS col, 'groups' AS part, count(*) AS n, {_TOP_ITEMS} AS items"
        if specs[0].kind != "text":
            self.branches.append(f"{top} FROM ({grouped}) GROUP BY col")
            return
        spelling = _spelling(by="col, ")
        self.branches.append(
            f"SELECT * FROM (WITH g AS MATERIALIZED ({grouped}) {top} FROM g GROUP BY col UNION ALL "
            f"SELECT CAST(col AS INTEGER) AS col, 'spelling' AS part, CAST(NULL AS BIGINT) AS n, {spelling} GROUP BY col)"
        )

    def candidates(self, spec: ColumnSpec) -> None:
        """Top values of a high-cardinality column: exact counts of the ``approx_top_k``
        candidates only (no distinct count)."""
        v, r = spec.value_sql, self.relation
        self.branches.append(
            f"SELECT {spec.index} AS col, 'groups' AS part, CAST(NULL AS BIGINT) AS n, "
            f"{_TOP_ITEMS} AS items "
            f"FROM (SELECT {v} AS v, count(*) AS c FROM {r} "
            f"WHERE {v} IN (SELECT unnest(approx_top_k({v}, {TOP_CANDIDATES})) FROM {r}) "
            "GROUP BY 1)"
        )

    def numeric_histogram(self, spec: ColumnSpec, plan: NumericBuckets) -> None:
        """Counts per equal-width bucket (keys are bucket indexes)."""
        self._histogram(spec, bucket_sql(spec.value_sql))
        self.params += bucket_params(plan)

    def stacked_numeric_histograms(self, planned: list[tuple[ColumnSpec, NumericBuckets]]) -> None:
        """`numeric_histogram` of columns of one type at once, their plans joined to their
        stacked values (for short tables, as `stacked_query`)."""
        rows = ", ".join("(?, CAST(? AS DOUBLE), CAST(? AS DOUBLE), CAST(? AS BIGINT))" for _ in planned)
        bucket = bucket_sql("v", "p.lower", "p.width", "p.last")
        stacked = unpivot(self.relation, [spec for spec, _ in planned])
        self.branches.append(
            "SELECT col, 'hist' AS part, CAST(NULL AS BIGINT) AS n, list({'v': CAST(b AS VARCHAR), 'c': c}) AS items "
            f"FROM (SELECT p.col, {bucket} AS b, count(*) AS c FROM {stacked} AS s "
            f"JOIN (VALUES {rows}) AS p(col, lower, width, last) ON CAST(s.col AS INTEGER) = p.col "
            "GROUP BY 1, 2) GROUP BY col"
        )
        for spec, plan in planned:
            self.params += [spec.index, *bucket_params(plan)]

    def hour_histogram(self, spec: ColumnSpec) -> None:
        """Counts per hour of the day (keys 0..23) of a TIME column."""
        self._histogram(spec, f"hour({spec.value_sql})")

    def period_histogram(self, spec: ColumnSpec, period: Period) -> None:
        """Counts per calendar period (keys are ISO start dates; decades and centuries are start years)."""
        v = spec.value_sql
        if period in ("decade", "century"):
            key = f"year({v}) // {10 if period == 'decade' else 100} * {10 if period == 'decade' else 100}"
        else:
            key = f"CAST(date_trunc('{period}', {v}) AS DATE)"
        self._histogram(spec, key)

    def _histogram(self, spec: ColumnSpec, key_sql: str) -> None:
        v, r = spec.value_sql, self.relation
        self.branches.append(
            f"SELECT {spec.index} AS col, 'hist' AS part, CAST(NULL AS BIGINT) AS n, "
            "list({'v': CAST(b AS VARCHAR), 'c': c}) AS items "
            f"FROM (SELECT {key_sql} AS b, count(*) AS c FROM {r} WHERE {v} IS NOT NULL GROUP BY 1)"
        )

    def __bool__(self) -> bool:
        return bool(self.branches)

    def sql(self) -> str:
        """The UNION ALL of all branches, one row per branch."""
        return " UNION ALL ".join(self.branches)

    def run(self, con: duckdb.DuckDBPyConnection) -> Parts:
        """Run the branches on their own; no query when there are none."""
        if not self.branches:
            return {}
        return collect_parts(con.execute(self.sql(), self.params).fetchall())


def collect_parts(rows: list[tuple[Any, ...]]) -> Parts:
    out: Parts = {}
    for col, part, n, items in rows:
        out.setdefault(int(col), {})[str(part)] = (n, items or [])
    return out


def run_main_with(
    con: duckdb.DuckDBPyConnection, main_sql: str, branches: Branches
) -> tuple[tuple[Any, ...], Parts]:
    """The main aggregate and, in the same statement, branches that need nothing from it.

    One statement lets DuckDB overlap the group-bys with the main aggregate's finalisation
    (the quantile selections run on one thread per column): 0.97 s instead of 1.09 s for the
    1M-row benchmark table.
    """
    if not branches:
        row = con.execute(main_sql).fetchone()
        assert row is not None  # an ungrouped aggregate always returns one row
        return tuple(row), {}
    sql = (
        f"SELECT * FROM ({main_sql}) AS m, "
        "(SELECT list({'col': col, 'part': part, 'n': n, 'items': items}) "
        f"FROM ({branches.sql()})) AS b"
    )
    row = con.execute(sql, branches.params).fetchone()
    assert row is not None
    packed: list[dict[str, Any]] = row[-1] or []
    parts = collect_parts([(p["col"], p["part"], p["n"], p["items"]) for p in packed])
    return tuple(row[:-1]), parts
