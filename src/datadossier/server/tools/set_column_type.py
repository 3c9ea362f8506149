"""Tool: set_column_type."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated

from mcp.server.mcpserver import Context, MCPServer
from mcp_types import ToolAnnotations
from pydantic import BaseModel, Field

from datadossier.inference import whole_digits
from datadossier.server.boundary import runtime_of, tool_boundary
from datadossier.server.tools.models import ColumnInfo, TableInfo, column_info


class SetColumnTypeResult(BaseModel):
    table: TableInfo = Field(description="The rebuilt table with its new row counts.")
    previous_type: str | None = Field(description="The type the column had before.")
    column: ColumnInfo = Field(description="The column with its new decision and profile.")
    warning: str | None = Field(
        default=None,
        description="Set when the new type sent rows to quarantine (values that do not fit it): how many, and how to"
        " undo it. Those rows leave the typed layer, so queries on it no longer count them.",
    )


async def set_column_type(
    ctx: Context,
    table: Annotated[str, Field(description="`source.table`, a profiled file path, or a bare table name.")],
    column: Annotated[str, Field(description="The column to change.")],
    data_type: Annotated[
        str,
        Field(
            description="The type the column must have: BIGINT, INTEGER, DOUBLE, DECIMAL (DECIMAL(18,4), money's),"
            " BOOLEAN, DATE, TIMESTAMP, TIME or VARCHAR; or HUGEINT, or DECIMAL(p,s) with a precision p up to 38"
            " (DECIMAL(38,0) for whole amounts in wei or a token's base units)."
        ),
    ],
    reason: Annotated[str | None, Field(description="Why (kept in the decision's audit trail).")] = None,
) -> SetColumnTypeResult:
    """Override the inferred type of a column; the decision is kept across later profiles.

    The typed layer is rebuilt from the raw values and the table re-profiled; values that do
    not fit the new type move to quarantine (check `quarantined_rows` in the result). Use it when
    a column was typed wrongly, e.g. codes read as numbers or a date format guessed wrong.
    """
    with tool_boundary("set_column_type"):
        # Imported here: the server must start without loading DuckDB or SQLAlchemy.
        from datadossier.pipeline.decisions import failed_examples, failure_counts
        from datadossier.pipeline.decisions import set_column_type as set_type
        from datadossier.store.repositories import catalog, metadata

        runtime = await runtime_of(ctx)
        async with runtime.sessions() as session:
            before = (await catalog.resolve_table(session, table)).quarantine_rows or 0
        previous, run = await set_type(runtime.pipeline, table, column, data_type, decided_by="mcp", reason=reason)
        async with runtime.sessions() as session:
            summary = await catalog.resolve_table(session, run.qualified_name)
            detail = (await metadata.column_details(session, summary, column))[0]
        after = summary.quarantine_rows or 0
        moved = after > before
        examples = await failed_examples(runtime.pipeline, run, detail.column_name) if moved else []
        failed, converted = await failure_counts(runtime.pipeline, run, detail.column_name) if moved else (0, 0)
        return SetColumnTypeResult(
            table=TableInfo.of(summary), previous_type=previous, column=column_info(detail, full=False),
            warning=_emptied(
                Counts(summary.raw_rows or 0, before, after, summary.row_count or 0, failed, converted),
                detail.column_name, previous, examples, _overflowed(detail.resolved_type, examples),
            ),
        )


@dataclass(frozen=True, slots=True)
class Counts:
    """Rows of a table a type change moved: all of them, those in quarantine before and after,
    those the typed layer holds now; the rows that failed on the column, and its values that
    converted."""

    rows: int
    before: int
    after: int
    typed: int
    failed: int
    converted: int


def _emptied(counts: Counts, column: str, previous: str | None, examples: list[str], overflow: str = "") -> str | None:
    """A warning when a type sent rows to quarantine: an agent asking for INTEGER invoice
    numbers should learn that the cancellations ("C492703") left the typed layer. It quotes
    values that failed, read from the quarantine: the column's candidates have no failed
    examples for a type none of them proposed. The column's own failures are counted apart
    from the rows moved: Transfermarkt's heights made DOUBLE after its birth dates made DATE
    failed on every value but moved 7 rows of 452, and "7 more rows (1.5%)" hid an empty table."""
    rows, moved = counts.rows, counts.after - counts.before
    if rows == 0 or moved <= 0:
        return None
    undo = f"{overflow} Set it back with data_type {previous} to keep them." if previous else overflow
    now = f" The typed table now holds {counts.typed:,} {_rows(counts.typed)}."
    failing = f" (failing values: {_quoted(examples)})" if examples else ""
    if moved > rows / 2 or counts.failed > counts.converted:
        own = f"{counts.failed:,} of the {rows:,} rows ({counts.failed / rows:.1%}) fail on it"
        if counts.failed > moved:
            own += f", {counts.failed - moved:,} of them in quarantine already"
        return (
            f"{moved:,} more {_rows(moved)} of {rows:,} fail their types now and left the typed layer for quarantine:"
            f" most values of {column!r} do not convert to the new type{failing}; {own}.{now}{undo}"
        )
    return (
        f"{moved:,} more {_rows(moved)} of {rows:,} ({moved / rows:.1%}) left the typed layer for"
        f" quarantine: {'their values' if moved > 1 else 'its value'} of {column!r} do not convert to the new type{failing},"
        f" and queries on the typed layer no longer count {'those rows' if moved > 1 else 'that row'}.{now}{undo}"
    )


# A number as the failing values write it: its sign, its whole digits, its decimals.
_PLAIN_NUMBER = re.compile(r"\s*[-+]?0*([0-9]*)(?:\.[0-9]*)?\s*")


def _overflowed(resolved: str | None, examples: list[str]) -> str:
    """The warning's words when failing values are numbers with more whole digits than the
    new type holds: a raw export's wei values (21 digits) made DECIMAL, which is DECIMAL(18,4)
    and holds 14, were quoted without the reason, as if they were typos."""
    kind = (resolved or "").replace(" ", "").upper()
    holds = whole_digits(kind)
    if holds is None:
        return ""
    widths = [(v, len(m.group(1))) for v in examples if (m := _PLAIN_NUMBER.fullmatch(v)) and len(m.group(1)) > holds]
    if not widths:
        return ""
    value, digits = max(widths, key=lambda pair: pair[1])
    return (
        f" The values overflow the precision of {kind}, which holds {holds} digits before the decimal point"
        f" ({value.strip()!r} has {digits}): ask for a wider type, DECIMAL(38,0) or HUGEINT for whole numbers of"
        " up to 38 digits, DECIMAL(p,s) with p - s digits before the point."
    )


def _rows(n: int) -> str:
    return "row" if n == 1 else "rows"


# A quoted value is cut to this many characters: a free-text column's failing value could be
# a paragraph.
_EXAMPLE_CHARS = 40


def _quoted(values: list[str]) -> str:
    """The values as a short list of quoted strings."""
    return ", ".join(repr(v if len(v) <= _EXAMPLE_CHARS else v[: _EXAMPLE_CHARS - 1] + "…") for v in values)


def register(server: MCPServer) -> None:
    server.tool(
        annotations=ToolAnnotations(read_only_hint=False, destructive_hint=False, idempotent_hint=True, open_world_hint=False)
    )(set_column_type)
