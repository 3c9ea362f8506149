"""Keys, relationships and entities of a source, discovered on demand and kept fresh.

``Discovery.ensure`` is what the tools call before they answer about relationships: it
profiles the files of the source's folder that are not tables yet, then runs discovery again
when any table changed since the last run (its profile time differs from the one recorded in
the last run's checkpoint), or when asked to. Discovery reads the typed layers in DuckDB (in
a worker thread) and writes its results to the store in one transaction.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import anyio.to_thread

from datadossier.engine import interrupt
from datadossier.enrichment.entities import classify
from datadossier.enrichment.filled import first_row_fields
from datadossier.enrichment.keys import find_keys, grain_links_first, referenced_grain
from datadossier.enrichment.model import Bridge, Entity, Link, TableKeys, TableStats, with_labels
from datadossier.enrichment.numbered import codes_named_alike
from datadossier.enrichment.parts import describe_parts, zero_padded_parts
from datadossier.enrichment.relationships import Pair, discover_links, whole_number_floats
from datadossier.errors import (
    BusyError,
    DatadossierError,
    ReadOnlyError,
    SourceError,
    TableNotFoundError,
)
from datadossier.pipeline.locks import waiting_lock
from datadossier.sources.files import resolve_files
from datadossier.store.domain import SourceInfo
from datadossier.store.repositories import catalog, checkpoints
from datadossier.store.repositories import relationships as rel_repo

if TYPE_CHECKING:
    from datadossier.pipeline.runner import Pipeline, Progress

log = logging.getLogger(__name__)


@dataclass(slots=True)
class DiscoveryRun:
    """What one call of ``ensure`` did."""

    source: str
    ran: bool
    profiled: list[str] = field(default_factory=list[str])
    skipped_files: list[dict[str, str]] = field(default_factory=list[dict[str, str]])
    seconds: float = 0.0
    summary: dict[str, Any] = field(default_factory=dict[str, Any])


@dataclass(slots=True)
class _Found:
    keys: dict[str, TableKeys]
    links: list[Link]
    bridges: list[Bridge]
    entities: list[Entity]
    stats: dict[str, Any]


def discover(con: Any, tables: list[TableStats], rejected: set[Pair] | None = None) -> _Found:
    """The DuckDB half: keys of every table, then links (none of the ``rejected`` ones, see
    `discover_links`), bridges and entities."""
    tables = codes_named_alike(with_labels(zero_padded_parts(con, whole_number_floats(con, tables))))
    keys = {t.name: find_keys(con, t) for t in tables}
    for t in tables:
        if (filled := first_row_fields(con, t)) is not None:
            keys[t.name].evidence["first_row_fields"] = filled
    links, bridges, stats = discover_links(con, tables, keys, rejected)
    # (What other tables cite decides between keys the columns alone could not tell apart.)
    keys = {name: referenced_grain(found, links) for name, found in keys.items()}
    grain_links_first(links, keys)
    entities = classify(tables, keys, links, bridges)
    describe_parts(con, tables, keys, entities)
    return _Found(keys, links, bridges, entities, stats)


class Discovery:
    def __init__(self, pipeline: Pipeline) -> None:
        self.pipeline = pipeline
        self.settings = pipeline.settings
        self.sessions = pipeline.sessions
        self.workspace = pipeline.workspace

    async def ensure(
        self, source: str, *, refresh: bool = False, progress: Progress | None = None, also: list[str] | None = None
    ) -> DiscoveryRun:
        """Bring the source's relationships up to date (see the module doc). With ``also``,
        discover across those sources too: links between tables of different sources."""
        infos: list[SourceInfo] = []
        async with self.sessions() as session:
            for name in [source, *sorted(set(also or ()))]:
                info = await catalog.get_source(session, name)
                if info is None:
                    raise TableNotFoundError(
                        f"No source named '{name}'.",
                        hint="List the known sources (the list_tables tool, or `datadossier tables`), or profile a folder first.",
                    )
                if info.name not in (i.name for i in infos):
                    infos.append(info)
        source, sources = infos[0].name, [i.name for i in infos]
        run = DiscoveryRun(source=source, ran=False)
        if not self.settings.read_only:
            for name, info in zip(sources, infos, strict=True):
                await self._profile_missing(info.config, name, run, progress)
        if self.settings.read_only:
            return run
        # One discovery of these sources at a time; a caller that waited finds the state
        # fresh and returns at once.
        async with waiting_lock(self.settings.home, "discovery." + "+".join(sources)):
            await self._discover(sources, infos[0].source_id, run, refresh=refresh)
        return run

    async def _discover(self, sources: list[str], owner: Any, run: DiscoveryRun, *, refresh: bool) -> None:
        async with self.sessions() as session:
            state = await rel_repo.last_discovery(session, owner, sources)
            versions = await rel_repo.profiled_at(session, sources)
            rejected = await rel_repo.rejected_pairs(session, sources)
        # (A link rejected since the last discovery: its column may have another parent.)
        rejected_state = sorted("|".join(pair) for pair in rejected)
        if (
            not refresh and state is not None and state.get("tables") == versions
            and state.get("rejected", []) == rejected_state
        ):
            return
        started = time.perf_counter()
        async with self.sessions() as session:
            tables = await rel_repo.source_tables(session, sources)
        checked_state = {"tables": versions, "sources": sources, "rejected": rejected_state}
        async with self.sessions.begin() as session:
            checkpoint_id = await checkpoints.start_run(
                session, owner, dataflow_name=rel_repo.DATAFLOW, checkpoint_type="discovery", state=checked_state,
            )
        connections: list[Any] = []
        try:
            try:
                found = await anyio.to_thread.run_sync(
                    self._run, tables, rejected, connections, abandon_on_cancel=True
                )
            except anyio.get_cancelled_exc_class():
                interrupt(connections)  # the abandoned thread must not go on scanning
                raise
            async with self.sessions.begin() as session:
                counts = await rel_repo.save_discovery(
                    session, tables, found.keys, found.links, found.bridges, found.entities
                )
                run.seconds = round(time.perf_counter() - started, 3)
                run.summary = {**found.stats, **counts, "tables": len(tables), "bridges": len(found.bridges), "seconds": run.seconds}
                await checkpoints.finish_run(
                    session, checkpoint_id, status="completed", state=checked_state, summary=run.summary
                )
        except BaseException as exc:
            with anyio.CancelScope(shield=True):
                async with self.sessions.begin() as session:
                    await checkpoints.finish_run(
                        session, checkpoint_id, status="failed",
                        error=str(exc) if isinstance(exc, Exception) else "cancelled",
                    )
            raise
        run.ran = True

    def _run(self, tables: list[TableStats], rejected: set[Pair], connections: list[Any]) -> _Found:
        with self.workspace.connect(read_only=False) as con:
            connections.append(con)
            return self.workspace.run(con, lambda: discover(con, tables, rejected))

    async def _profile_missing(
        self, config: dict[str, Any], source: str, run: DiscoveryRun, progress: Progress | None
    ) -> None:
        """Profile the files of the source's folder that are not tables yet."""
        directory = config.get("directory")
        files_config: dict[str, Any] = config.get("files") or {}
        known = set(files_config)
        if not directory:
            return
        try:
            files = resolve_files(directory, self.settings.roots)
        except DatadossierError as exc:
            log.info("Not looking for new files of %s: %s", source, exc)
            return
        for file in files:
            if file.table_name in known:
                continue
            try:
                await self.pipeline.profile_path(file.path, source_name=source, progress=progress)
                run.profiled.append(f"{source}.{file.table_name}")
            except (SourceError, BusyError) as exc:
                # A bad file must not stop discovery of the rest; a busy one is being
                # profiled by another request right now.
                run.skipped_files.append({"path": str(file.path), "error": exc.message})


def _groups_of(tables: list[Any], rels: list[Any], sources: set[str]) -> list[list[str]]:
    """The groups of connected tables that hold a table of ``sources``: the same links as
    the path search, so a table of another source joining two of them is in their group."""
    from datadossier.enrichment.join_paths import components

    named = {t.qualified_name for t in tables if t.source in sources}
    return [g for g in components([t.qualified_name for t in tables], rels) if named.intersection(g)]


@dataclass(slots=True)
class PathAnswer:
    """find_join_path's answer: the paths, or the groups of tables that no path connects."""

    from_table: str
    to_table: str
    paths: list[Any]
    groups: list[list[str]]
    discovery: DiscoveryRun
    # When no path joins them, or each path is a chasm trap: what the two tables share all the
    # same (`enrichment.shared`).
    shared: list[Any] = field(default_factory=list[Any])


class RelationshipService:
    """What the tools and the CLI ask about relationships, on top of ``Discovery``."""

    def __init__(self, pipeline: Pipeline) -> None:
        self.discovery = Discovery(pipeline)
        self.sessions = pipeline.sessions
        self.read_only = pipeline.settings.read_only

    async def _source_of(self, table: str | None, source: str | None) -> tuple[str, Any]:
        from datadossier.store.repositories.catalog import resolve_table

        if table is not None:
            async with self.sessions() as session:
                summary = await resolve_table(session, table)
            return summary.source, summary
        if source is None:
            async with self.sessions() as session:
                sources = sorted({t.source for t in await catalog.list_tables(session)})
            if len(sources) != 1:
                raise TableNotFoundError(
                    "Name a table or a source: " + (f"the known sources are {', '.join(sources)}." if sources else "nothing is profiled yet."),
                    hint="Pass table='source.table' or source='name'; profile a folder first if nothing is known.",
                )
            source = sources[0]
        else:
            async with self.sessions() as session:
                info = await catalog.get_source(session, source)
            source = info.name if info is not None else source  # (unknown: `ensure` says so)
        return source, None

    async def relationships(
        self, *, table: str | None = None, source: str | None = None, refresh: bool = False,
        include_rejected: bool = False, progress: Progress | None = None, across: list[str] | None = None,
    ) -> tuple[list[Any], list[Any], DiscoveryRun]:
        """Relationships (of one table, or of a whole source) and the source's entities.
        ``across``: other sources to search for links with this one."""
        source_name, summary = await self._source_of(table, source)
        run = await self.discovery.ensure(source_name, refresh=refresh, progress=progress, also=across)
        async with self.sessions() as session:
            found = await rel_repo.list_relationships(
                session, source=None if summary else source_name,
                table_id=summary.table_id if summary else None, include_rejected=include_rejected,
                across=across,
            )
            entities = await rel_repo.list_entities(session, source_name)
        if summary is not None:
            entities = [e for e in entities if e.table == summary.qualified_name]
        return found, entities, run

    async def join_paths(
        self, from_table: str, to_table: str, *, max_hops: int = 4, k: int = 3, progress: Progress | None = None
    ) -> PathAnswer:
        from datadossier.enrichment.join_paths import chasm_exits, find_paths

        if not 1 <= max_hops <= 8:
            raise DatadossierError("max_hops must be between 1 and 8.", hint="Ask again with max_hops from 1 to 8 (4 is usual).")
        if not 1 <= k <= 20:
            raise DatadossierError("k must be between 1 and 20.", hint="Ask again with k from 1 to 20.")
        start, end, first = await self._resolve_pair(from_table, to_table, progress)
        # Tables of two sources: discover across both (and keep each source's own links).
        also = [end.source] if end.source != start.source else None
        run = await self.discovery.ensure(start.source, progress=progress, also=also)
        if first is not None:
            # (The table named was found by profiling its folder, which ran the discovery: this
            # one found it fresh. The answer says what both did.)
            run.profiled[:0] = first.profiled
            run.skipped_files[:0] = first.skipped_files
            run.ran = run.ran or first.ran
            run.seconds = round(run.seconds + first.seconds, 3)
            run.summary = run.summary or first.summary
        async with self.sessions() as session:
            # Every stored link, whatever its sources: two tables of one folder may join
            # through a third folder's table (Zendesk's tickets and HubSpot's companies, both
            # linked to Chargebee's customers when asked across).
            rels = await rel_repo.list_relationships(session)
            tables = await catalog.list_tables(session)
        paths = find_paths(rels, start.qualified_name, end.qualified_name, max_hops=max_hops, k=k)
        if paths:
            paths = await anyio.to_thread.run_sync(self._checked_meetings, paths, abandon_on_cancel=True)
        if not self.read_only and start.table_id and end.table_id:
            async with self.sessions.begin() as session:
                await rel_repo.save_join_paths(
                    session, start.table_id, end.table_id,
                    [([s.as_json() for s in p.steps], p.confidence) for p in paths],
                )
        groups = [] if paths else _groups_of(tables, rels, {start.source, end.source})
        shared: list[Any] = []
        if start.qualified_name != end.qualified_name and all(chasm_exits(p) for p in paths):
            # (Also when every path meets at a table both sides point at: Dunnhumby's coupon
            # redemptions reach the coupons only through the campaign, pairing each with every
            # coupon of it, while both name the coupon's COUPON_UPC; StatsBomb's matches reach
            # Transfermarkt's appearances only through the players, both recording the day.)
            shared = await anyio.to_thread.run_sync(
                self._shared, start.qualified_name, end.qualified_name, abandon_on_cancel=True
            )
        return PathAnswer(start.qualified_name, end.qualified_name, paths, groups, run, shared)

    def _shared(self, from_table: str, to_table: str) -> list[Any]:
        from datadossier.enrichment.shared import shared_attributes

        with self.discovery.workspace.connect(read_only=True) as con:
            return list(shared_attributes(con, from_table, to_table))

    def _checked_meetings(self, paths: list[Any]) -> list[Any]:
        """Paths whose two sides meet at a table without sharing a value there (no rows
        joined) are said so and come after the others, each kept in its place otherwise; the
        rows a table passed through drops are counted on the table the path came from."""
        from datadossier.enrichment.join_paths import (
            disjoint_sides_sql,
            meeting_sides,
            note_disjoint,
            note_passed_unmatched,
            passed_unmatched,
            passed_unmatched_sql,
        )

        empty: set[int] = set()
        with self.discovery.workspace.connect(read_only=True) as con:
            for index, path in enumerate(paths):
                for before, step in passed_unmatched(path):
                    row = con.execute(passed_unmatched_sql(before, step)).fetchone()
                    note_passed_unmatched(path, before, step, int(row[0]) if row is not None else 0)
                for before, after in meeting_sides(path):
                    row = con.execute(disjoint_sides_sql(before, after)).fetchone()
                    if row is not None and int(row[0]) == 0:
                        note_disjoint(path, before, after)
                        empty.add(index)
                        break
        return [p for i, p in enumerate(paths) if i not in empty] + [p for i, p in enumerate(paths) if i in empty]

    async def _resolve_pair(
        self, first: str, second: str, progress: Progress | None
    ) -> tuple[Any, Any, DiscoveryRun | None]:
        """Both tables; when one is unknown but the other's source folder may hold its file
        (added after the folder was profiled), that folder's new files are profiled first."""
        from datadossier.store.repositories.catalog import resolve_table

        async def resolve(ref: str) -> Any:
            async with self.sessions() as session:
                return await resolve_table(session, ref)

        found: list[Any] = []
        run: DiscoveryRun | None = None
        missing: list[tuple[int, str, TableNotFoundError]] = []
        for index, ref in enumerate((first, second)):
            try:
                found.append(await resolve(ref))
            except TableNotFoundError as exc:
                found.append(None)
                missing.append((index, ref, exc))
        if missing:
            known = next((t for t in found if t is not None), None)
            if known is None or self.read_only:
                raise missing[0][2]
            run = await self.discovery.ensure(known.source, progress=progress)
            for index, ref, _ in missing:
                found[index] = await resolve(f"{known.source}.{ref}" if "." not in ref else ref)
        return found[0], found[1], run

    async def review(self, relationship_id: str, *, confirm: bool, by: str, note: str | None = None) -> Any:
        import uuid

        if self.read_only:
            raise ReadOnlyError(
                "This server is read-only: relationships cannot be confirmed or rejected.",
                hint="Unset DATADOSSIER_READ_ONLY to review relationships.",
            )
        try:
            rid = uuid.UUID(relationship_id.strip())
        except ValueError as exc:
            raise DatadossierError(
                f"'{relationship_id}' is not a relationship id.",
                hint="Use the id field of a relationship from get_relationships.",
            ) from exc
        async with self.sessions.begin() as session:
            return await rel_repo.review(session, rid, confirm=confirm, by=by, note=note)
