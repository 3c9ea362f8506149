"""Command line: serve, migrate, profile, show, tables, set-type, relationships, join-path,
confirm-relationship, reject-relationship, demo.

Imports of the heavy modules happen inside the commands so that `datadossier serve` starts
fast. Only `serve` speaks MCP on stdout; every other command prints for people.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from datadossier import __version__

if TYPE_CHECKING:
    from datadossier.pipeline.early import EarlyLoad


def _settings(args: argparse.Namespace) -> Any:
    from pydantic import ValidationError

    from datadossier.config import Settings
    from datadossier.errors import ConfigError

    overrides: dict[str, Any] = {}
    if getattr(args, "read_only", False):
        overrides["read_only"] = True
    try:
        return Settings(**overrides)
    except ValidationError as exc:
        problems = "; ".join(
            f"DATADOSSIER_{'_'.join(str(p) for p in err['loc']).upper()}: {err['msg']}" for err in exc.errors()
        )
        raise ConfigError(f"Invalid settings: {problems}.", hint="Fix the environment variables (see the README's settings table).") from exc


def _console() -> Any:
    """The console people read. It prints text as it is: names and values come from the
    data, and rich would read "[/]" in a cell as markup (and fail) or ":thumbs_up:" as an
    emoji."""
    from rich.console import Console

    console = Console(markup=False, emoji=False)
    # Piped output (make demo in CI, a log file) would otherwise be cut at 80 columns.
    return console if console.is_terminal else Console(width=160, markup=False, emoji=False)


def cmd_serve(args: argparse.Namespace) -> int:
    from datadossier.runtime import configure_logging
    from datadossier.server.app import build_server

    settings = _settings(args)
    configure_logging(settings.log_level)
    server = build_server(settings)
    if args.http:
        from datadossier.server.http import serve_http

        asyncio.run(serve_http(server, args.http, settings.http_token, settings.log_level))
    else:
        server.run()
    return 0


def cmd_migrate(args: argparse.Namespace) -> int:
    from datadossier.runtime import open_runtime
    from datadossier.store.migrate import current_revision

    async def run() -> str | None:
        async with open_runtime(_settings(args)) as runtime:
            return await current_revision(runtime.engine)

    revision = asyncio.run(run())
    _console().print(f"Store is at revision {revision}.")
    return 0


async def _profile(
    settings: Any, paths: list[str], source: str | None, force: bool, encoding: str | None, *, quiet: bool = False
) -> list[tuple[Any, Any]]:
    """Profile every path: (run, summary) pairs. Quiet (``--json``): no progress bar and no
    summaries, which only the printed tables use. Of several paths (a shell glob), one that
    fails is reported as a failed run and the others are profiled, as in a folder.

    One file's load starts first, before the imports and the store (see `pipeline.early`)."""
    from datadossier.pipeline.early import EarlyLoad

    early = EarlyLoad.start(settings, paths[0], source=source, encoding=encoding, force=force) if len(paths) == 1 else None
    try:
        return await _profile_paths(settings, paths, source, force, encoding, quiet=quiet, early=early)
    finally:
        if early is not None:
            early.close()


async def _profile_paths(
    settings: Any, paths: list[str], source: str | None, force: bool, encoding: str | None, *, quiet: bool,
    early: EarlyLoad | None,
) -> list[tuple[Any, Any]]:
    from datadossier.errors import DatadossierError
    from datadossier.pipeline.runner import TableRun
    from datadossier.runtime import open_runtime
    from datadossier.sources.files import safe_name, table_name_for

    results: list[Any] = []
    async with open_runtime(settings, early=early) as runtime:

        async def profile_all(progress: Any) -> None:
            for path in paths:
                try:
                    results.extend(
                        await runtime.pipeline.profile_path(
                            path, source_name=source, force=force, encoding=encoding, progress=progress
                        )
                    )
                except DatadossierError as exc:
                    if len(paths) == 1:
                        raise
                    where = Path(path).expanduser()
                    results.append(
                        TableRun(
                            source=safe_name(source or where.parent.name), table=table_name_for(where), path=path,
                            status="failed", error=exc.message, hint=exc.hint,
                        )
                    )

        if quiet:
            await profile_all(None)
            # An unchanged table's row counts are those stored (`_row_counts`).
            kept = {r.qualified_name for r in results if r.status == "unchanged"}
            stored = await _stored_tables(runtime, kept) if kept else {}
            return [(r, (stored[r.qualified_name], []) if r.qualified_name in stored else None) for r in results]

        from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

        with Progress(
            TextColumn("{task.description}", markup=False), BarColumn(), TimeElapsedColumn(), console=_console(), transient=True
        ) as bar:
            task = bar.add_task("profiling", total=None)

            async def progress(done: float, total: float, message: str) -> None:
                bar.update(task, completed=done, total=total, description=message)

            await profile_all(progress)
        found = iter(await _summaries(runtime, [r.qualified_name for r in results if r.status not in _NO_TABLE]))
    # A file that failed, or a table removed with its file, has no table to summarise.
    return [(r, None if r.status in _NO_TABLE else next(found)) for r in results]


_NO_TABLE = ("failed", "removed", "left_out")


async def _stored_tables(runtime: Any, names: set[str]) -> dict[str, Any]:
    from datadossier.store.repositories import catalog

    async with runtime.sessions() as session:
        return {t.qualified_name: t for t in await catalog.list_tables(session) if t.qualified_name in names}


async def _summaries(runtime: Any, names: list[str]) -> list[Any]:
    from datadossier.store.repositories import catalog, metadata

    out = []
    async with runtime.sessions() as session:
        tables = {t.qualified_name: t for t in await catalog.list_tables(session)}
        for name in names:
            out.append((tables[name], await metadata.column_details(session, tables[name])))
    return out


def _one_line(value: object) -> str:
    """A value on one line of a table: a line break inside it shown as \\n."""
    return str(value).replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")


def _row_counts(run: Any, summary: Any) -> dict[str, int | None]:
    """A run's row counts; for a table left unchanged, those of its stored layers."""
    if run.raw_rows is None and summary is not None:
        table = summary[0]
        return {"raw_rows": table.raw_rows, "typed_rows": table.row_count, "quarantine_rows": table.quarantine_rows}
    return {"raw_rows": run.raw_rows, "typed_rows": run.typed_rows, "quarantine_rows": run.quarantine_rows}


def _print_table(console: Any, run: Any, table: Any, details: list[Any]) -> None:
    from rich.table import Table

    from datadossier.server.tools.models import column_info

    title = (
        f"{table.qualified_name}  ({run.status}; {table.raw_rows} rows loaded, {table.row_count} typed, "
        f"{table.quarantine_rows} quarantined)"
    )
    grid = Table(title=title, title_justify="left", show_lines=False)
    for head in ("column", "type", "pattern", "unit", "nulls", "distinct", "card.", "min", "max", "top values"):
        grid.add_column(head, overflow="fold")
    for d in details:
        info = column_info(d, full=False, max_top=3)
        p = info.profile
        top = ", ".join(f"{_one_line(v.get('value'))} ({v.get('count')})" for v in (p.top_values or [])) if p else ""
        grid.add_row(
            info.name,
            info.data_type or "",
            info.pattern or "",
            info.unit or "",
            _ratio(info.null_ratio or 0.0),
            "" if not p or p.distinct_count is None else str(p.distinct_count),
            "" if info.cardinality_ratio is None else f"{info.cardinality_ratio:.2f}",
            _short(p.min if p else None),
            _short(p.max if p else None),
            top[:60],
        )
    console.print(grid)
    left_out = _left_out(run.dialect)
    if left_out:
        console.print(f"{table.qualified_name}: {left_out}", soft_wrap=True)


def _ratio(share: float) -> str:
    """A share to one decimal, never rounded to 0% or 100% when it is neither (one value in
    8,000 rows is not "100.0%" empty)."""
    if 0 < share < 0.0005:
        return "<0.1%"
    if 0.9995 <= share < 1:
        return ">99.9%"
    return f"{share:.1%}"


def _lines(count: int) -> str:
    return f"{count:,} line{'' if count == 1 else 's'}"


def _left_out(dialect: dict[str, Any] | None) -> str:
    """What a CSV's copy left out of the layers: rows of another width, repeated headers,
    lines before and after the table."""
    dialect = dialect or {}
    parts = []
    if dialect.get("ragged_rows"):
        lines = ", ".join(map(str, dialect.get("ragged_lines") or []))
        count = int(dialect["ragged_rows"])
        more = ", ..." if count > len(dialect.get("ragged_lines") or []) else ""
        rows = f"{count:,} row{'' if count == 1 else 's'}"
        parts.append(f"{rows} with another number of fields left out (line{'' if count == 1 else 's'} {lines}{more})")
    if dialect.get("rejoined_rows"):
        count = int(dialect["rejoined_rows"])
        parts.append(f"{count:,} row{'' if count == 1 else 's'} with the delimiter inside the last value rejoined")
    if dialect.get("repeated_headers"):
        parts.append(f"{_lines(int(dialect['repeated_headers']))} repeating the header left out")
    if dialect.get("empty_rows"):
        parts.append(f"{_lines(int(dialect['empty_rows']))} of delimiters alone (empty rows) left out")
    if dialect.get("skip"):
        parts.append(f"{_lines(int(dialect['skip']))} before the table (a title, notes) skipped")
    if dialect.get("footer"):
        parts.append(f"{_lines(int(dialect['footer']))} of notes or totals after the table left out")
    if dialect.get("comment_lines"):
        parts.append(f"{_lines(int(dialect['comment_lines']))} of comments (\"#\") among the rows left out")
    if dialect.get("unnamed_column") == "first":
        parts.append("the header names one column fewer than the rows hold: the first, row names as R writes them, is row_names")
    elif dialect.get("unnamed_column") == "last":
        parts.append("the header names one column fewer than the rows hold: the last is named as a blank header's")
    if missing := dialect.get("missing_column"):
        parts.append(
            f"the header names one column more than the rows hold: the last, {missing!r}, is loaded empty"
            " (if a column was dropped elsewhere, the values after it stand under the wrong names)"
        )
    if dialect.get("rule_line"):
        parts.append("a rule of dashes under the header left out")
    if dialect.get("fields_line"):
        parts.append('the columns named by its "#Fields:" (W3C) or "#fields" (Zeek) line')
    if second := dialect.get("second_table"):
        parts.append(f"a second table below it, from line {second['line']} ({second['title']!r}), left out")
    return "; ".join(parts) + ("." if parts else "")


def _integrity(evidence: dict[str, Any]) -> str:
    """The share of the child's values found in the parent, and of its rows when that differs;
    once normalized when the join runs on normalized values (TTN's DEV_EUI upper-case beside a
    registry's lower-case dev_eui: 1 so, 0 as written)."""
    from datadossier.enrichment.join_paths import joins_normalized

    by_values, by_rows = evidence.get("integrity"), evidence.get("row_integrity")
    normalized = evidence.get("normalized_integrity")
    if joins_normalized(by_values, normalized):
        return f"{_short(normalized)} (normalized; {_short(by_values)} as written)"
    if by_rows is None or by_values is None or round(by_rows, 2) == round(by_values, 2):
        return _short(by_values)
    return f"{_short(by_values)} (rows {by_rows:.4g})"


def _short(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))  # an id's 3420937, not 3.42094e+06
    if isinstance(value, float):
        return f"{value:.6g}"
    text = str(value)
    if len(text) == 25 and text.endswith("+00:00") and text[10] == "T":
        return text[:19] + "Z"  # an instant in UTC, whole: 2022-01-01T00:00:00Z
    return text[:24]


def cmd_profile(args: argparse.Namespace) -> int:
    from datadossier.errors import DatadossierError

    settings = _settings(args)
    try:
        results = asyncio.run(_profile(settings, args.paths, args.source, args.force, args.encoding, quiet=args.json))
    except DatadossierError as exc:
        if args.json:
            # A script reading stdout learns of the failure too (the message also goes to stderr).
            failed = {"path": args.paths[0], "status": "failed", "error": exc.message, "hint": exc.hint}
            print(json.dumps([failed], indent=2))
        raise
    # A file of a folder that failed is reported with the others; the exit status says so.
    code = 1 if any(run.status == "failed" for run, _ in results) else 0
    if args.json:
        print(json.dumps([
            {"table": run.qualified_name, "status": run.status, **_row_counts(run, summary), "seconds": run.seconds,
             **{k: v for k, v in (run.dialect or {}).items() if k in ("ragged_rows", "ragged_lines", "repeated_headers")},
             **({"path": run.path, "error": run.error, "hint": run.hint} if run.status in ("failed", "left_out") else {}),
             **({"path": run.path} if run.status == "removed" else {})}
            for run, summary in results
        ], indent=2))
        return code
    console = _console()
    for run, summary in results:
        if run.status == "removed":
            print(f"{run.qualified_name} removed: its file {run.path} is gone.")
            continue
        if run.status == "left_out":
            print(f"note: {run.path} left out: {run.error}. {run.hint}", file=sys.stderr)
            continue
        if summary is None:
            print(f"error: {run.path}: {run.error}", file=sys.stderr)
            if run.hint:
                print(f"what to do: {run.hint}", file=sys.stderr)
            continue
        table, details = summary
        _print_table(console, run, table, details)
    return code


def cmd_tables(args: argparse.Namespace) -> int:
    from rich.table import Table

    from datadossier.runtime import open_runtime
    from datadossier.store.repositories import catalog

    async def run() -> list[Any]:
        async with open_runtime(_settings(args)) as runtime, runtime.sessions() as session:
            return await catalog.list_tables(session, args.source)

    tables = asyncio.run(run())
    grid = Table(title="Profiled tables", title_justify="left")
    for head in ("table", "rows", "quarantined", "columns", "file", "profiled at"):
        grid.add_column(head, overflow="fold")
    for t in tables:
        grid.add_row(t.qualified_name, str(t.row_count), str(t.quarantine_rows), str(t.column_count), t.path or "",
                     t.last_profiled_at.isoformat(timespec="seconds") if t.last_profiled_at else "")
    _console().print(grid if tables else "No table profiled yet: run `datadossier profile PATH`.")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from datadossier.runtime import open_runtime
    from datadossier.server.tools.models import attach_relationships, column_info
    from datadossier.store.repositories import catalog, metadata
    from datadossier.store.repositories import relationships as rel_repo

    previous: list[str] = []

    async def run() -> tuple[Any, list[Any], list[Any], list[Any], dict[str, Any] | None]:
        async with open_runtime(_settings(args)) as runtime, runtime.sessions() as session:
            table = await catalog.resolve_table(session, args.table)
            details = await metadata.column_details(session, table, args.column)
            links = await rel_repo.list_relationships(session, table_id=table.table_id)
            entities = [e for e in await rel_repo.list_entities(session, table.source) if e.table == table.qualified_name]
            # (Keys found before the latest profile described the previous contents.)
            if rel_repo.found_before_profile(entities, table.last_profiled_at):
                entities, links = [], [r for r in links if r.status == "confirmed"]
                previous.append(table.qualified_name)
            # The file's dialect as the run recorded it: the lines its copy left out.
            source = await catalog.get_source(session, table.source)
            dialect = (await catalog.file_state(session, source.source_id, table.table)).dialect if source else None
            return table, details, links, entities, dialect

    table, details, links, entities, dialect = asyncio.run(run())
    console = _console()
    if args.column or args.json:
        infos = [column_info(d, full=True) for d in details]
        attach_relationships(infos, table.qualified_name, links)
        dumped = [info.model_dump(mode="json") for info in infos]
        console.print_json(json.dumps(dumped[0] if args.column else dumped))
    else:
        from datadossier.pipeline.runner import TableRun

        _print_table(console, TableRun(table.source, table.table, table.path, "stored", dialect=dialect), table, details)
        if previous:
            console.print(
                f"Keys and relationships: found before the latest profile, so left out; run"
                f" `datadossier relationships {table.source}` to find them again."
            )
        else:
            _print_links(console, table.qualified_name, links, entities)
    return 0


def _unknown_grain(keys: dict[str, Any]) -> str:
    """A table without a key, and what its duplicate rows or nearly unique columns say (the
    keys evidence, see `enrichment.keys`)."""
    copies, key, near = keys.get("duplicate_rows"), keys.get("key_without_duplicates"), keys.get("near_key")
    if copies:
        return f"unknown ({copies} duplicate rows" + (f"; {', '.join(key)} without them)" if key else ")")
    if near:
        repeats = int(keys.get("near_key_repeats") or 0)
        if hour := keys.get("repeated_hour"):
            return (
                f"unknown ({', '.join(near)} but for {repeats} row{'s' if repeats != 1 else ''} in the hour repeated"
                f" as daylight saving time ends, {hour['first']} to {hour['last']})"
            )
        return f"unknown ({', '.join(near)} but for {repeats} conflicting row{'s' if repeats != 1 else ''})"
    if closest := keys.get("closest_key"):
        apart = int(keys.get("closest_key_values") or 0)
        if keys.get("closest_key_unique"):
            # (Unique, but set aside as unique by chance: no more columns would make it a key.)
            return f"unknown ({', '.join(closest)} tells all {apart:,} rows apart, perhaps by chance)"
        return f"unknown ({', '.join(closest)} tells {apart:,} rows apart; more columns needed)"
    return "unknown"


def _print_links(console: Any, table: str, links: list[Any], entities: list[Any]) -> None:
    """The table's grain and the relationships it takes part in, once discovered."""
    if entities and entities[0].grain_columns:
        console.print(f"Grain: {', '.join(entities[0].grain_columns)}")
    elif entities and (keys := entities[0].evidence.get("keys") or {}) and (
        keys.get("duplicate_rows") or keys.get("near_key") or keys.get("closest_key")
    ):
        console.print(f"Grain: {_unknown_grain(keys)}")
    for r in links:
        if r.from_table == table:
            console.print(
                f"References: ({', '.join(r.from_columns)}) -> {r.to_table}({', '.join(r.to_columns)})"
                f" {r.cardinality or ''} {r.confidence:.2f} {r.status}"
            )
        if r.to_table == table and r.from_table != table:
            console.print(
                f"Referenced by: {r.from_table}({', '.join(r.from_columns)}) -> ({', '.join(r.to_columns)})"
                f" {r.cardinality or ''} {r.confidence:.2f} {r.status}"
            )
    if not entities and not links:
        console.print(f"Keys and relationships: run `datadossier relationships {table.split('.')[0]}` to find them.")


def cmd_set_type(args: argparse.Namespace) -> int:
    from datadossier.pipeline.decisions import set_column_type
    from datadossier.runtime import open_runtime

    async def run() -> tuple[str | None, Any]:
        async with open_runtime(_settings(args)) as runtime:
            return await set_column_type(
                runtime.pipeline, args.table, args.column, args.type,
                decided_by=args.by, reason=args.reason,
            )

    previous, result = asyncio.run(run())
    _console().print(
        f"{result.qualified_name}.{args.column}: {previous} -> {args.type.upper()} "
        f"({result.typed_rows} typed rows, {result.quarantine_rows} quarantined)."
    )
    return 0


async def _with_service(args: argparse.Namespace, fn: Any) -> Any:
    from datadossier.pipeline.discovery import RelationshipService
    from datadossier.runtime import open_runtime

    async with open_runtime(_settings(args)) as runtime:
        return await fn(RelationshipService(runtime.pipeline), runtime)


def _print_relationships(console: Any, discovery: Any, rels: list[Any], ents: list[Any]) -> None:
    from rich.table import Table

    grid = Table(title=f"Relationships of {discovery.source}", title_justify="left")
    for head in ("from", "to", "type", "card.", "confidence", "integrity", "status", "id"):
        grid.add_column(head, overflow="fold")
    for r in rels:
        # (A bridge links its two ends through a table of its own: named, or the row reads as
        # a join of the two ends' keys.)
        kind = f"bridge through {r.evidence['bridge_table']}" if r.type == "bridge" and r.evidence.get("bridge_table") else r.type
        grid.add_row(
            f"{r.from_table}({', '.join(r.from_columns)})", f"{r.to_table}({', '.join(r.to_columns)})", kind,
            r.cardinality or "", f"{r.confidence:.2f}", _integrity(r.evidence), r.status, r.id,
        )
    console.print(grid if rels else "No relationship found.")
    tables = Table(title="Tables", title_justify="left")
    for head in ("table", "entity", "role", "grain", "other keys"):
        tables.add_column(head, overflow="fold")
    for e in ents:
        others = [", ".join(k) for k in e.candidate_keys if k != e.grain]
        grain = ", ".join(e.grain) if e.grain else _unknown_grain(e.model_dump())
        if e.grain and e.duplicates_beside and e.duplicate_rows:
            without = f"; {', '.join(e.key_without_duplicates)} without them" if e.key_without_duplicates else ""
            grain += f" (a row counter: {e.duplicate_rows} rows repeat another beside it{without})"
        tables.add_row(e.table, e.entity_type, e.role, grain, "; ".join(others))
    console.print(tables)
    groups: dict[tuple[str, ...], dict[str, Any]] = {}
    for e in ents:
        if e.same_columns_as:
            listed = (e.parts or {}).get("tables")
            groups.setdefault(tuple(listed) if listed else tuple(sorted([e.table, *e.same_columns_as])), e.parts or {})
    for group, parts in sorted(groups.items()):
        more = int(parts.get("count") or len(group)) - len(group)
        named = ", ".join(group) + (f" and {more:,} more" if more > 0 else "")
        if parts.get("copies"):
            console.print(f"Same columns, copies of one table: {named}.\n  {parts['warning']}", soft_wrap=True)
            continue
        console.print(f"Same columns, parts of one dataset: {named}.", soft_wrap=True)
        if parts.get("warning"):
            console.print(f"  {parts['warning']}", soft_wrap=True)
        if parts.get("union") and len(group) <= 4:
            console.print(f"  Read whole: {parts['union']}", soft_wrap=True)
        elif parts.get("labels"):
            console.print(
                f"  Read whole: UNION ALL BY NAME of each with its label as a column 'part'"
                f" ({', '.join(list(parts['labels'].values())[:4])}, ...; the JSON output gives the SQL up to 12 parts).",
                soft_wrap=True,
            )
    said: set[tuple[str, str]] = set()
    for e in ents:
        # Same headers typed apart are no parts (the IRS's eo1.csv keeps its EINs' leading
        # zeros as text, eo2.csv holds numbers): said here, or the union silently leaves one out.
        for other in e.same_names_as:
            there = str(other.get("table"))
            pair = (min(e.table, there), max(e.table, there))
            if pair in said:
                continue
            said.add(pair)
            apart = "; ".join(
                f"{column} {kinds.get('here')} here, {kinds.get('there')} there"
                for column, kinds in (other.get("columns_typed_apart") or {}).items()
            )
            console.print(
                f"Same columns typed apart, not read as parts of one dataset: {e.table} and {there} ({apart});"
                " cast them to one type to read them together.", soft_wrap=True,
            )
    for e in ents:
        if e.period_columns:
            wide = e.period_columns
            for part in wide.get("measures") or [wide]:
                measure = f" of {part['measure']}" if "measure" in part else ""
                console.print(
                    f"{e.table}: {part['count']} columns{measure} named for periods ({part['first']} ... {part['last']});"
                    f" one row per period: {part['unpivot']}", soft_wrap=True,
                )
            for flag in wide.get("flags") or []:
                console.print(
                    f"{e.table}: {flag['count']} columns ({flag['first']} ... {flag['last']}) add '{flag['suffix']}' to a"
                    f" period's name: its flag or note, left out of the unpivot; one row per period: {flag['unpivot']}",
                    soft_wrap=True,
                )
            if wide.get("summary_columns"):
                console.print(
                    f"{e.table}: {', '.join(wide['summary_columns'])} sum or average the periods (a year's or a"
                    " season's figure), left out of the unpivot.", soft_wrap=True,
                )
    if discovery.ran:
        console.print(f"Discovered in {discovery.seconds:.2f} s.")


def cmd_relationships(args: argparse.Namespace) -> int:
    from datadossier.errors import TableNotFoundError
    from datadossier.server.tools.relationship_models import (
        EntityOut,
        RelationshipOut,
        discovery_out,
    )
    from datadossier.store.repositories import catalog

    async def run(service: Any, runtime: Any) -> Any:
        table, source = None, args.target
        if args.target is not None:
            async with runtime.sessions() as session:
                if await catalog.get_source(session, args.target) is None:
                    table, source = args.target, None
                    try:
                        await catalog.resolve_table(session, args.target)
                    except TableNotFoundError as exc:
                        # Neither a source nor a table: say which sources there are.
                        sources = sorted({t.source for t in await catalog.list_tables(session)})
                        raise TableNotFoundError(
                            f"No source or table named '{args.target}'.",
                            hint=f"Known sources: {', '.join(sources) or 'none yet'}; or a table as source.table. "
                            "A folder whose files all failed to load has no tables: profile it again to see why.",
                        ) from exc
        return await service.relationships(
            table=table, source=source, refresh=args.refresh, include_rejected=args.include_rejected,
            across=args.across,
        )

    found, entities, discovery = asyncio.run(_with_service(args, run))
    rels = [RelationshipOut.of(r) for r in found]
    ents = [EntityOut.of(e) for e in entities]
    if args.json:
        print(json.dumps({
            "source": discovery.source,
            "relationships": [r.model_dump(mode="json") for r in rels],
            "tables": [e.model_dump(mode="json") for e in ents],
            "discovery": discovery_out(discovery).model_dump(mode="json"),
        }, indent=2))
        return 0
    _print_relationships(_console(), discovery, rels, ents)
    return 0


def cmd_join_path(args: argparse.Namespace) -> int:
    from datadossier.server.tools.relationship_models import (
        find_join_path_result,
        path_tables,
        stale_tables,
    )

    async def run(service: Any, runtime: Any) -> Any:
        result = find_join_path_result(
            await service.join_paths(args.from_table, args.to_table, max_hops=args.max_hops, k=args.k)
        )
        result.stale = await stale_tables(runtime, path_tables(result))
        return result

    result = asyncio.run(_with_service(args, run))
    if args.json:
        print(json.dumps(result.model_dump(mode="json"), indent=2))
        return 0
    console = _console()
    console.print(result.message)
    for number, path in enumerate(result.paths, start=1):
        route = " -> ".join([path.steps[0].from_table, *(s.to_table for s in path.steps)])
        console.print(f"\n{number}. {route}  ({path.cardinality}, confidence {path.confidence:.2f})", style="bold")
        console.print(path.sql, highlight=False)
        for warning in path.warnings:
            console.print(f"  ! {warning}")
    for group in result.disconnected_groups:
        console.print("group: " + ", ".join(group))
    for note in result.shared_attributes:
        console.print(f"shared: {note}", soft_wrap=True)
    for line in result.stale:
        console.print(f"! {line}", soft_wrap=True)
    return 0


def cmd_review(args: argparse.Namespace) -> int:
    from datadossier.server.tools.relationship_models import RelationshipOut

    async def run(service: Any, runtime: Any) -> Any:
        return await service.review(args.id, confirm=args.confirm, by=args.by, note=args.note)

    r = RelationshipOut.of(asyncio.run(_with_service(args, run)))
    _console().print(
        f"{r.status}: {r.from_table}({', '.join(r.from_columns)}) -> {r.to_table}({', '.join(r.to_columns)})"
    )
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from datadossier.sample import write_sample

    settings = _settings(args)
    target = Path(args.dir).resolve() if args.dir else settings.home / "sample" / "shop"
    console = _console()
    paths = write_sample(target)
    console.print(f"Wrote the sample dataset ({len(paths)} files) to {target}.")
    settings = settings.model_copy(update={"roots": [*settings.roots, target]})
    results = asyncio.run(_profile(settings, [str(target)], "shop", True, None))
    for run, (table, details) in results:
        _print_table(console, run, table, details)
    _demo_relationships(settings, console)
    console.print(f"Metadata store: {settings.resolved_store_url}")
    console.print(f"Data workspace: {settings.duckdb_path}")
    console.print("\nTo use datadossier from Claude Desktop, add this to claude_desktop_config.json:")
    snippet = {
        "mcpServers": {
            "datadossier": {
                "command": _server_command(),
                "args": ["serve"],
                "env": {"DATADOSSIER_ROOTS": str(target), "DATADOSSIER_HOME": str(settings.home)},
            }
        }
    }
    console.print_json(json.dumps(snippet))
    return 0


def _demo_relationships(settings: Any, console: Any) -> None:
    from datadossier.pipeline.discovery import RelationshipService
    from datadossier.runtime import open_runtime
    from datadossier.server.tools.relationship_models import (
        EntityOut,
        RelationshipOut,
        find_join_path_result,
    )

    async def run() -> Any:
        async with open_runtime(settings) as runtime:
            service = RelationshipService(runtime.pipeline)
            found = await service.relationships(source="shop", refresh=True)
            return found, await service.join_paths("shop.events", "shop.order_items")

    (rels, ents, discovery), path = asyncio.run(run())
    _print_relationships(console, discovery, [RelationshipOut.of(r) for r in rels], [EntityOut.of(e) for e in ents])
    answer = find_join_path_result(path)
    console.print(f"\n{answer.message}")
    if answer.paths:
        console.print(answer.paths[0].sql, highlight=False)
        for warning in answer.paths[0].warnings:
            console.print(f"  ! {warning}")


def _server_command() -> str:
    """The absolute path of this console script, as Claude Desktop needs it."""
    import shutil

    if Path(sys.argv[0]).name == "datadossier":
        return str(Path(sys.argv[0]).resolve())
    return shutil.which("datadossier") or "datadossier"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="datadossier", description="Data context for AI agents.")
    parser.add_argument("--version", action="version", version=f"datadossier {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("serve", help="Run the MCP server (stdio by default).")
    p.add_argument("--http", metavar="HOST:PORT", help="Serve streamable HTTP instead (loopback unless a token is set).")
    p.add_argument("--read-only", action="store_true", help="Offer only the tools that read.")
    p.set_defaults(fn=cmd_serve)

    p = sub.add_parser("migrate", help="Create or upgrade the metadata store.")
    p.set_defaults(fn=cmd_migrate)

    p = sub.add_parser("profile", help="Load, type and profile CSV/Parquet files, directories or globs.")
    p.add_argument("paths", nargs="+")
    p.add_argument("--source", help="Source name (default: the folder's name).")
    p.add_argument("--encoding", help="Force the CSV encoding.")
    p.add_argument("--force", action="store_true", help="Reload files even when unchanged.")
    p.add_argument("--json", action="store_true", help="Print a JSON summary (row counts, seconds per stage) instead of tables.")
    p.set_defaults(fn=cmd_profile)

    p = sub.add_parser("tables", help="List profiled tables.")
    p.add_argument("--source")
    p.set_defaults(fn=cmd_tables)

    p = sub.add_parser("show", help="Show a table's columns, or one column in full.")
    p.add_argument("table")
    p.add_argument("column", nargs="?")
    p.add_argument("--json", action="store_true", help="Every column in full (decision, reason, candidates, profile) as JSON.")
    p.set_defaults(fn=cmd_show)

    p = sub.add_parser("set-type", help="Set a column's type by hand (kept across re-runs).")
    p.add_argument("table")
    p.add_argument("column")
    p.add_argument("type")
    p.add_argument("--reason")
    p.add_argument("--by", default="cli")
    p.set_defaults(fn=cmd_set_type)

    p = sub.add_parser("relationships", help="Keys, foreign keys and entities of a source (discovered when stale).")
    p.add_argument("target", nargs="?", help="A source name, or a table to see only its relationships.")
    p.add_argument("--refresh", action="store_true", help="Discover again even if nothing changed.")
    p.add_argument("--include-rejected", action="store_true")
    p.add_argument("--across", action="append", metavar="SOURCE", help="Also search for links with this source's tables.")
    p.add_argument("--json", action="store_true", help="Print JSON instead of tables.")
    p.set_defaults(fn=cmd_relationships)

    p = sub.add_parser("join-path", help="How to join two tables: paths, warnings and the SQL JOIN clause.")
    p.add_argument("from_table")
    p.add_argument("to_table")
    p.add_argument("--max-hops", type=int, default=4)
    p.add_argument("-k", type=int, default=3, help="Paths to show at most.")
    p.add_argument("--json", action="store_true")
    p.set_defaults(fn=cmd_join_path)

    for name, confirm in (("confirm-relationship", True), ("reject-relationship", False)):
        verb = "Confirm (keep for good)" if confirm else "Reject (never propose again)"
        p = sub.add_parser(name, help=f"{verb} a relationship, by the id `relationships` shows.")
        p.add_argument("id")
        p.add_argument("--note")
        p.add_argument("--by", default="cli")
        p.set_defaults(fn=cmd_review, confirm=confirm)

    p = sub.add_parser("demo", help="Write the sample dataset, profile it and print what was found.")
    p.add_argument("--dir", help="Where to write the sample (default: HOME/sample/shop).")
    p.set_defaults(fn=cmd_demo)
    return parser


def main(argv: list[str] | None = None) -> int:
    from datadossier.errors import DatadossierError

    args = build_parser().parse_args(argv)
    try:
        return int(args.fn(args))
    except DatadossierError as exc:
        print(f"error: {exc.message}", file=sys.stderr)
        if exc.hint:
            print(f"what to do: {exc.hint}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


def run() -> NoReturn:
    """The console script: ``main``, then leave without tearing the interpreter down.

    Interpreter shutdown frees every module and object one at a time, which took 0.3 to
    0.4 s once SQLAlchemy, pydantic and DuckDB were loaded: a tenth of a small profile. By
    the time ``main`` returns, every command has closed its DuckDB connections and disposed
    of its store engine, and this process registers no exit handlers of its own, so all that
    is left to do is flush what was written (logging's handlers too) and exit.
    """
    code = main()
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe, a closed stream
            stream.flush()
    os._exit(code)


if __name__ == "__main__":
    run()
