"""Sources, tables and columns: registering them and finding them by any name agents use."""

from __future__ import annotations

import glob
import uuid
from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from datadossier.errors import AmbiguousTableError, SourceError, TableNotFoundError
from datadossier.sources.files import dataset_state, is_pattern, safe_name, table_name_for
from datadossier.store.domain import FileState, SourceInfo, TableSummary
from datadossier.store.models.core import ColumnRecord, SourceRecord, TableRecord

TYPED = "typed"
_MAX_LISTED = 25


def _source_info(row: SourceRecord) -> SourceInfo:
    return SourceInfo(
        source_id=row.source_id,
        name=row.name,
        source_type=row.source_type,
        config=dict(row.connection_config or {}),
    )


async def get_source(session: AsyncSession, name: str) -> SourceInfo | None:
    """The source called ``name``, or written as a folder's name before it became one
    (``My Data`` for ``my_data``: source names are stored as `safe_name` makes them)."""
    row = await session.scalar(select(SourceRecord).where(SourceRecord.name == name))
    if row is None and safe_name(name) != name:
        row = await session.scalar(select(SourceRecord).where(SourceRecord.name == safe_name(name)))
    return _source_info(row) if row else None


async def ensure_source(
    session: AsyncSession, name: str, source_type: str, directory: Path | None
) -> SourceInfo:
    """The source called ``name``, created if new.

    Files of one folder form one source; a second folder that would get the same name is
    refused rather than silently merged, since relationships are searched within a source.
    """
    row = await session.scalar(select(SourceRecord).where(SourceRecord.name == name))
    if row is None:
        new = SourceRecord(
            name=name,
            source_type=source_type,
            connection_config={"directory": str(directory) if directory else None, "files": {}},
        )
        try:
            # A savepoint: when another run registers the same source at the same moment,
            # its row wins and this transaction goes on with it.
            async with session.begin_nested():
                session.add(new)
        except IntegrityError:
            row = await session.scalar(select(SourceRecord).where(SourceRecord.name == name))
            if row is None:
                raise
        else:
            return _source_info(new)
    known_dir = (row.connection_config or {}).get("directory")
    if directory is not None and known_dir and known_dir != str(directory):
        raise SourceError(
            f"Source '{name}' already holds files from {known_dir}, not {directory}.",
            hint="Give this folder its own source name (source_name=... or --source).",
        )
    return _source_info(row)


async def drop_if_empty(session: AsyncSession, source_id: uuid.UUID) -> bool:
    """Delete a source that holds no table, with its run records: what a failed first run of a
    new folder left behind. A source another run is still filling stays. Returns whether it
    was deleted."""
    from datadossier.review.db_models import CheckpointRecord, ReviewQueueItemRecord

    if await session.scalar(select(func.count()).select_from(TableRecord).where(TableRecord.source_id == source_id)):
        return False
    running = select(func.count()).select_from(CheckpointRecord).where(
        CheckpointRecord.source_id == source_id, CheckpointRecord.status == "running"
    )
    if await session.scalar(running):
        return False
    runs = select(CheckpointRecord.checkpoint_id).where(CheckpointRecord.source_id == source_id)
    await session.execute(delete(ReviewQueueItemRecord).where(ReviewQueueItemRecord.checkpoint_id.in_(runs)))
    await session.execute(delete(CheckpointRecord).where(CheckpointRecord.source_id == source_id))
    await session.execute(delete(SourceRecord).where(SourceRecord.source_id == source_id))
    return True


async def record_file(
    session: AsyncSession, source_id: uuid.UUID, table_name: str, info: dict[str, Any]
) -> None:
    """Remember a table's file (path, format, fingerprint, dialect, the workspace's copy and
    how it is read) in the source's config."""
    row = await session.get_one(SourceRecord, source_id)
    config = dict(row.connection_config or {})
    files = dict(config.get("files") or {})
    files[table_name] = info
    config["files"] = files
    row.connection_config = config  # reassigned: JSON mutation in place is not tracked


async def record_fingerprint(
    session: AsyncSession, source_id: uuid.UUID, table_name: str, fingerprint: dict[str, Any]
) -> None:
    """Replace the fingerprint of a table's recorded file, the rest kept (a file rewritten
    with the same bytes: its new time)."""
    row = await session.get_one(SourceRecord, source_id)
    config = dict(row.connection_config or {})
    files = dict(config.get("files") or {})
    files[table_name] = {**(files.get(table_name) or {}), "fingerprint": fingerprint}
    config["files"] = files
    row.connection_config = config  # reassigned: JSON mutation in place is not tracked


async def file_state(session: AsyncSession, source_id: uuid.UUID, table_name: str) -> FileState:
    from datadossier.profiling.db_models import TypeDecisionRecord

    source = await session.get_one(SourceRecord, source_id)
    info = ((source.connection_config or {}).get("files") or {}).get(table_name)
    typed = await _table_row(session, source_id, table_name, TYPED)
    manual: dict[str, str] = {}
    if typed is not None:
        rows = await session.execute(
            select(ColumnRecord.column_name, TypeDecisionRecord.decided_type)
            .join(TypeDecisionRecord, TypeDecisionRecord.column_id == ColumnRecord.column_id)
            .where(ColumnRecord.table_id == typed.table_id)
            .where(TypeDecisionRecord.decision_source == "manual")
        )
        manual = dict(rows.all())
    info = info or {}
    return FileState(
        fingerprint=info.get("fingerprint"),
        manual_types=manual,
        typed_table_exists=typed is not None,
        file_format=info.get("format"),
        raw_copy=info.get("raw_copy"),
        read_options=info.get("read_options"),
        dialect=info.get("dialect"),
    )


async def _table_row(
    session: AsyncSession, source_id: uuid.UUID, table_name: str, layer: str
) -> TableRecord | None:
    return await session.scalar(
        select(TableRecord).where(
            TableRecord.source_id == source_id,
            TableRecord.table_name == table_name,
            TableRecord.layer == layer,
        )
    )


async def list_tables(session: AsyncSession, source: str | None = None) -> list[TableSummary]:
    """Every table (its typed layer), ordered by source and name."""
    ncols = (
        select(func.count(ColumnRecord.column_id))
        .where(ColumnRecord.table_id == TableRecord.table_id)
        .correlate(TableRecord)
        .scalar_subquery()
    )
    stmt = (
        select(TableRecord, SourceRecord, ncols)
        .join(SourceRecord, SourceRecord.source_id == TableRecord.source_id)
        .where(TableRecord.layer == TYPED)
        .order_by(SourceRecord.name, TableRecord.table_name)
    )
    if source is not None:
        stmt = stmt.where(SourceRecord.name == source)
    rows = (await session.execute(stmt)).all()
    other = await _layer_counts(session, [(s.source_id, t.table_name) for t, s, _ in rows])
    result: list[TableSummary] = []
    for table, src, count in rows:
        info = ((src.connection_config or {}).get("files") or {}).get(table.table_name) or {}
        layer_rows = other.get((src.source_id, table.table_name), {})
        result.append(
            TableSummary(
                table_id=table.table_id,
                source=src.name,
                table=table.table_name,
                path=info.get("path"),
                file_format=info.get("format"),
                row_count=table.row_count,
                raw_rows=layer_rows.get("raw"),
                quarantine_rows=layer_rows.get("quarantine"),
                column_count=int(count or 0),
                last_profiled_at=table.last_profiled_at,
            )
        )
    return result


async def _layer_counts(
    session: AsyncSession, keys: list[tuple[uuid.UUID, str]]
) -> dict[tuple[uuid.UUID, str], dict[str, int | None]]:
    """Row counts of the raw and quarantine layers of the given tables."""
    if not keys:
        return {}
    source_ids = {sid for sid, _ in keys}
    rows = await session.execute(
        select(TableRecord.source_id, TableRecord.table_name, TableRecord.layer, TableRecord.row_count)
        .where(TableRecord.source_id.in_(source_ids))
        .where(TableRecord.layer != TYPED)
    )
    counts: dict[tuple[uuid.UUID, str], dict[str, int | None]] = {}
    for sid, name, layer, row_count in rows.all():
        if sid is not None:
            counts.setdefault((sid, name), {})[layer] = row_count
    return counts


async def resolve_table(session: AsyncSession, ref: str) -> TableSummary:
    """Find a table by ``source.table``, by the file path it was profiled from, or by a bare
    name when only one source has a table of that name."""
    ref = ref.strip()
    tables = await list_tables(session)
    if not tables:
        raise TableNotFoundError(
            f"No table named '{ref}': no table is profiled yet (a file whose profile failed has none).",
            hint="Profile a CSV or Parquet path first: the profile_table tool, or `datadossier profile PATH`.",
        )
    exact = [t for t in tables if t.qualified_name == ref]
    if exact:
        return exact[0]
    if "/" in ref or "\\" in ref or ref.lower().endswith((".csv", ".parquet", ".tsv")):
        try:
            resolved = str(Path(ref).expanduser().resolve())
        except OSError:
            resolved = ref
        by_path = [t for t in tables if t.path in (ref, resolved)]
        if by_path:
            return by_path[0]
    bare = [t for t in tables if t.table == ref or t.table == ref.lower()]
    if not bare:
        # As the file names it: order_products__prior.csv is the table order_products_prior,
        # 2015.csv the table t_2015.
        named, stem = safe_name(ref), table_name_for(Path(ref))
        bare = [t for t in tables if named in (safe_name(t.qualified_name), t.table) or t.table == stem]
    if not bare and "." in ref:
        # A source and a file's name: world_happiness.2015 is world_happiness.t_2015.
        source, rest = ref.split(".", 1)
        bare = [t for t in tables if t.source == source and t.table in (safe_name(rest), table_name_for(Path(rest)))]
    if len(bare) == 1:
        return bare[0]
    if len(bare) > 1:
        names = ", ".join(t.qualified_name for t in bare)
        raise AmbiguousTableError(
            f"'{ref}' names tables in several sources: {names}.",
            hint="Use the qualified name source.table.",
        )
    known = ", ".join(t.qualified_name for t in tables[:_MAX_LISTED])
    more = (
        f" (and {len(tables) - _MAX_LISTED} more; see list_tables, or `datadossier tables`)"
        if len(tables) > _MAX_LISTED else ""
    )
    shown = ref if len(ref) <= _MAX_ECHOED else ref[:_MAX_ECHOED] + "..."
    near = _near_names(ref, tables)
    guess = f"Did you mean {' or '.join(near)}? " if near else ""
    raise TableNotFoundError(
        f"No table matches '{shown}'.",
        hint=f"{guess}Known tables: {known}{more}. Or profile the file first (profile_table, or `datadossier profile`).",
    )


# An unknown name is echoed up to this length.
_MAX_ECHOED = 200


def _near_names(ref: str, tables: list[TableSummary]) -> list[str]:
    """The qualified names of up to three tables whose name is spelled nearly as ``ref``
    (a typo: nyc311.agency_lookp), by the whole name or the table's own."""
    import difflib

    if len(ref) > _MAX_ECHOED:
        return []
    by_name: dict[str, str] = {}
    for t in tables:
        by_name.setdefault(t.qualified_name.lower(), t.qualified_name)
        by_name.setdefault(t.table.lower(), t.qualified_name)
    close = difflib.get_close_matches(ref.lower(), list(by_name), n=3, cutoff=0.8)
    return list(dict.fromkeys(by_name[name] for name in close))


async def vanished_tables(session: AsyncSession, source_id: uuid.UUID) -> list[str]:
    """The source's tables whose file is no longer where it was profiled from (deleted or
    renamed since): their metadata describes data that is gone."""
    source = await session.get_one(SourceRecord, source_id)
    files = (source.connection_config or {}).get("files") or {}
    names = set((await session.scalars(select(TableRecord.table_name).where(TableRecord.source_id == source_id))).all())
    return sorted(
        name for name, info in files.items()
        if name in names and info.get("path") and not _still_there(str(info["path"]))
    )


async def changed_on_disk(session: AsyncSession, summary: TableSummary) -> str | None:
    """What an agent should know when a table's file is no longer as it was profiled: gone,
    or of another size or modification time (its metadata describes the old contents); for a
    dataset's folder or a pattern, a file of it added, removed or rewritten. None when it is
    unchanged."""
    source = await get_source(session, summary.source)
    return None if source is None else _changed(summary, source.config)


def _changed(summary: TableSummary, config: dict[str, Any]) -> str | None:
    """`changed_on_disk` given the table's source's config (its files' fingerprints)."""
    if not summary.path:
        return None
    recorded = ((config.get("files") or {}).get(summary.table) or {}).get("fingerprint") or {}
    path = Path(summary.path)
    again = f"call profile_table on {summary.path} (or `datadossier profile`) to read it again"
    if not _still_there(summary.path):
        return f"The file {summary.path} is gone since it was profiled: this metadata describes data no longer there."
    if "size" not in recorded:
        return None
    if is_pattern(summary.path) or path.is_dir():
        try:
            state = dataset_state(path)
        except FileNotFoundError:  # a file going while it is looked at: changed
            state = None
        if state is None:
            return f"The files of {summary.path} are gone since it was profiled: this metadata describes data no longer there."
        if state[2] != recorded.get("sha256_ends"):
            return (
                f"Files of {summary.path} were added, removed or rewritten since it was profiled: this metadata"
                f" describes its old contents; {again}."
            )
        return None
    stat = path.stat()
    if stat.st_size != recorded.get("size") or stat.st_mtime_ns != recorded.get("mtime_ns"):
        return f"The file changed since it was profiled (its size or time differ): this metadata describes its old contents; {again}."
    return None


async def changed_tables(session: AsyncSession, names: list[str]) -> list[str]:
    """For the named tables (``source.table``) whose file changed or is gone since their
    profile, one line each: the table and what `changed_on_disk` says of it."""
    wanted = set(names)
    configs: dict[str, dict[str, Any]] = {}
    lines: list[str] = []
    for summary in await list_tables(session):
        if summary.qualified_name not in wanted:
            continue
        if summary.source not in configs:  # (one query a source, not a table)
            source = await get_source(session, summary.source)
            configs[summary.source] = source.config if source is not None else {}
        if why := _changed(summary, configs[summary.source]):
            lines.append(f"{summary.qualified_name}: {why}")
    return lines


def _still_there(path: str) -> bool:
    """Whether a table's file is where it was profiled from; for a pattern naming a table's
    files (the shards of a split), whether it still matches one."""
    return bool(glob.glob(path, recursive=True)) if is_pattern(path) else Path(path).exists()


async def forget_table(session: AsyncSession, source_id: uuid.UUID, table_name: str) -> tuple[str | None, str | None]:
    """Delete a table of the source from the store: every layer's row and, through them, its
    columns, profiles and decisions; the links, join paths, quality rules, scores and ontology
    applications that name it (the data model gives those no cascade); its file's record.
    Returns the file it came from and the workspace's copy of it (for the caller to delete)."""
    from datadossier.enrichment.db_models import RelationshipRecord
    from datadossier.quality.db_models import QualityRuleRecord, QualityScoreRecord
    from datadossier.store.models.ontology import OntologyApplicationRecord
    from datadossier.store.repositories.relationships import clear_join_paths

    ids = list((await session.scalars(
        select(TableRecord.table_id).where(TableRecord.source_id == source_id, TableRecord.table_name == table_name)
    )).all())
    if ids:
        columns = select(ColumnRecord.column_id).where(ColumnRecord.table_id.in_(ids))
        await session.execute(delete(RelationshipRecord).where(
            RelationshipRecord.from_table_id.in_(ids) | RelationshipRecord.to_table_id.in_(ids)
            | RelationshipRecord.from_column_id.in_(columns) | RelationshipRecord.to_column_id.in_(columns)
        ))
        # Paths through the table are gone too: the source's stored paths are found again.
        source_tables = list((await session.scalars(select(TableRecord.table_id).where(TableRecord.source_id == source_id))).all())
        await clear_join_paths(session, source_tables)
        for record in (QualityRuleRecord, QualityScoreRecord):
            await session.execute(delete(record).where(record.table_id.in_(ids) | record.column_id.in_(columns)))
        await session.execute(delete(OntologyApplicationRecord).where(OntologyApplicationRecord.table_id.in_(ids)))
        await session.execute(delete(TableRecord).where(TableRecord.table_id.in_(ids)))
    row = await session.get_one(SourceRecord, source_id)
    config = dict(row.connection_config or {})
    files = dict(config.get("files") or {})
    info = files.pop(table_name, None) or {}
    config["files"] = files
    row.connection_config = config
    path, copy = info.get("path"), info.get("raw_copy")
    return (str(path) if path else None), (str(copy) if copy else None)
