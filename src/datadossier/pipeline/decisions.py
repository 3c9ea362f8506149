"""A person's type decision for a column: stored, then the table is rebuilt with it."""

from __future__ import annotations

import anyio

from datadossier.engine import layer_relation
from datadossier.errors import DatadossierError
from datadossier.inference import DATA_TYPES, assignable_type
from datadossier.pipeline.runner import Pipeline, TableRun
from datadossier.sources.layers import column_failures, failed_values
from datadossier.store.repositories import catalog, metadata, runs


async def set_column_type(
    pipeline: Pipeline,
    table_ref: str,
    column: str,
    data_type: str,
    *,
    decided_by: str,
    reason: str | None = None,
) -> tuple[str | None, TableRun]:
    """Record a manual type for ``column`` and rebuild the typed and quarantine layers.

    Returns the type it replaced and the run that rebuilt the table. When the rebuild fails
    (or is cancelled), the column's decision is put back as it was, so that the store keeps
    describing the layers the workspace still holds.
    """
    assigned = assignable_type(data_type)
    if assigned is None:
        raise DatadossierError(
            f"'{data_type}' is not a type datadossier can assign.",
            hint=f"Use one of: {', '.join(DATA_TYPES)}; or HUGEINT, or DECIMAL(p,s) with a precision p up to 38.",
        )
    wanted = assigned.name
    pipeline._check_writable()
    async with pipeline.sessions.begin() as session:
        table = await catalog.resolve_table(session, table_ref)
        detail = (await metadata.column_details(session, table, column))[0]
        before = await runs.decision_state(session, detail.column_id)
        previous = await runs.set_manual_decision(
            session, detail.column_id, wanted, decided_by=decided_by, reason=reason
        )
    try:
        run = await pipeline.retype(table)
    except BaseException:
        with anyio.CancelScope(shield=True):
            async with pipeline.sessions.begin() as session:
                await runs.restore_decision(session, detail.column_id, before)
        raise
    return previous, run


async def failed_examples(pipeline: Pipeline, run: TableRun, column: str, limit: int = 5) -> list[str]:
    """Values of ``column`` that its type sent to quarantine in the table ``run`` rebuilt, to
    quote in a warning: forcing TIME on Google Play's Transaction Date ("Apr 14, 2023")
    quarantined every row, and the candidates, none of them TIME, named none of the values."""
    quarantine = layer_relation("quarantine", run.source, run.table)

    def read() -> list[str]:
        with pipeline.workspace.connect(read_only=True) as con:
            return failed_values(con, quarantine, column, limit)

    return await anyio.to_thread.run_sync(read, abandon_on_cancel=True)


async def failure_counts(pipeline: Pipeline, run: TableRun, column: str) -> tuple[int, int]:
    """The rows the table ``run`` rebuilt quarantined for ``column``'s type, and the values of
    ``column`` its typed layer holds (`layers.column_failures`)."""
    quarantine = layer_relation("quarantine", run.source, run.table)
    typed = layer_relation("typed", run.source, run.table)

    def read() -> tuple[int, int]:
        with pipeline.workspace.connect(read_only=True) as con:
            return column_failures(con, quarantine, typed, column)

    return await anyio.to_thread.run_sync(read, abandon_on_cancel=True)
