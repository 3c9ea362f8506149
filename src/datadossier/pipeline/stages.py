"""The DuckDB half of a table's run: load, infer, build layers, profile.

Runs in a worker thread on one DuckDB connection. Its writes to the workspace form one DuckDB
transaction, which ``run_table`` opens and the caller commits only after the metadata store
has the results, so a failure at any step leaves both the data layers and the metadata as
they were.
"""

from __future__ import annotations

import functools
import hashlib
import re
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from datadossier.engine import layer_relation, quote_ident, quote_literal
from datadossier.engine.gateway import WORKSPACE_CATALOG, wide_plans
from datadossier.errors import SourceError
from datadossier.inference import DEFAULT_CONFIG, assignable_type, infer_columns
from datadossier.inference.conversions import (
    NO_READINGS,
    ROW_COLUMN,
    Readings,
    hides_rowid,
    is_reading,
    plan_readings,
)
from datadossier.inference.decide import NUMERIC_TYPES
from datadossier.inference.infer import plan_columns, replan_sparse
from datadossier.inference.model import ColumnInference, DataType
from datadossier.inference.sampling import SampleFindings, marks_missing
from datadossier.inference.scan import ColumnPlan
from datadossier.inference.units import unit_from_label
from datadossier.profiling import profile_columns
from datadossier.profiling.codes import code_notes
from datadossier.profiling.lists import LIST_PATTERN, ListColumn, list_columns, list_note, path_note
from datadossier.profiling.model import ColumnProfile
from datadossier.profiling.profiler import non_finite_notes
from datadossier.profiling.quality import extreme_notes, spelling_notes
from datadossier.profiling.sentinels import missing_codes, missing_words, true_only_notes
from datadossier.sources.csv_loader import (
    NA_TOKEN,
    CsvCopy,
    NullTokensSeen,
    backslash_escaped,
    byte_literal_columns,
    late_encoding,
    load_csv_stage,
    na_code_columns,
    null_tokens_seen,
    open_csv,
    pin_columns,
    reopen_csv,
    sample_csv,
    sign_columns,
    unquoted,
    with_last_column,
    without_ragged,
)
from datadossier.sources.files import (
    DataFile,
    FileFormat,
    dataset_state,
    is_pattern,
)
from datadossier.sources.layers import (
    PLAIN_DISTINCT_SHARE,
    ColumnCast,
    LayerCounts,
    build_layers,
    stored_plain,
    text_needed,
)
from datadossier.sources.parquet_loader import (
    ParquetCopy,
    load_parquet_stage,
    open_parquet,
    reopen_parquet,
    sample_parquet,
)

if TYPE_CHECKING:
    import duckdb

STAGES = ("load", "infer", "layers", "profile", "store")
StageCallback = Callable[[str], None]
_FINGERPRINT_BYTES = 1 << 16


# The code that turns a file into layers and profiles: loading, inference and profiling.
_RULES_PACKAGES = ("sources", "inference", "profiling")


@functools.cache
def rules_digest() -> str:
    """A hash of the source of the loading, inference and profiling code, so that a file
    profiled by another version of it is profiled again rather than reported unchanged (new
    detectors, fixed readers). Read once per process (about 30 small files)."""
    digest = hashlib.sha256()
    root = Path(__file__).resolve().parent.parent
    for package in _RULES_PACKAGES:
        for source in sorted((root / package).glob("*.py")):
            digest.update(source.name.encode())
            digest.update(source.read_bytes())
    return digest.hexdigest()[:16]


def fingerprint(path: Path) -> dict[str, Any]:
    """Size, modification time and a hash of the file's first and last 64 KiB, and the
    version of the rules that read it (`rules_digest`). A partitioned dataset's: its files'
    total size, latest modification, and a hash of their names, sizes and times (also for a
    pattern naming a table's files, see `files.is_pattern`)."""
    if path.is_dir() or is_pattern(path):
        return _dataset_fingerprint(path)
    try:
        stat = path.stat()
        digest = hashlib.sha256()
        with path.open("rb") as fh:
            digest.update(fh.read(_FINGERPRINT_BYTES))
            if stat.st_size > 2 * _FINGERPRINT_BYTES:
                fh.seek(-_FINGERPRINT_BYTES, 2)
            digest.update(fh.read(_FINGERPRINT_BYTES))
    except FileNotFoundError as exc:
        raise SourceError(f"{path} disappeared before it could be read.", hint="Check the path and profile it again.") from exc
    return {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns, "sha256_ends": digest.hexdigest(), "rules": rules_digest()}


# The key of a file's recorded fingerprint that holds the hash of all its bytes.
CONTENT_KEY = "sha256"


def content_hash(path: Path) -> str:
    """SHA-256 of all the file's bytes, read in chunks. Recorded when a file is profiled, so
    that one rewritten with the same bytes (a POS's nightly export, a `touch`) is known
    unchanged (`same_bytes`). SHA-256, not BLAKE2: the processor computes it (about 0.2 s
    for the benchmark's 212 MB CSV, BLAKE2b twice that)."""
    with path.open("rb") as fh:
        return hashlib.file_digest(fh, "sha256").hexdigest()


def same_print(recorded: dict[str, Any] | None, new: dict[str, Any] | None) -> bool:
    """Whether a file's fingerprint now is the one recorded (whose hash of all the bytes,
    `CONTENT_KEY`, the new one does not compute)."""
    return recorded is not None and new is not None and _without(recorded, CONTENT_KEY) == _without(new, CONTENT_KEY)


def same_bytes(recorded: dict[str, Any] | None, new: dict[str, Any] | None, path: Path) -> bool:
    """Whether a file whose fingerprint differs from the recorded one by its modification time
    alone still holds the bytes it held (the hash of all of them, read only then)."""
    if recorded is None or new is None or CONTENT_KEY not in recorded or path.is_dir() or is_pattern(path):
        return False
    if _without(recorded, CONTENT_KEY, "mtime_ns") != _without(new, CONTENT_KEY, "mtime_ns"):
        return False
    return content_hash(path) == recorded[CONTENT_KEY]


def with_contents(new: dict[str, Any], path: Path, digest: str | None = None) -> dict[str, Any]:
    """The fingerprint to record of a file: ``new`` with the hash of all its bytes (a single
    file's; a dataset's state already names its files' sizes and times)."""
    if path.is_dir() or is_pattern(path):
        return new
    return {**new, CONTENT_KEY: digest if digest is not None else content_hash(path)}


def _without(fingerprint: dict[str, Any], *keys: str) -> dict[str, Any]:
    return {k: v for k, v in fingerprint.items() if k not in keys}


def _dataset_fingerprint(path: Path) -> dict[str, Any]:
    try:
        state = dataset_state(path)
    except FileNotFoundError as exc:
        raise SourceError(f"A file of {path} disappeared before it could be read.", hint="Profile the dataset again.") from exc
    if state is None:
        raise SourceError(f"{path} holds no Parquet file any more.", hint="Check the dataset's folder and profile it again.")
    size, mtime, digest = state
    return {"size": size, "mtime_ns": mtime, "sha256_ends": digest, "rules": rules_digest()}


@dataclass(slots=True)
class StageOutput:
    """Everything the DuckDB stages produced for one table."""

    raw_columns: list[tuple[str, str]]
    inferences: list[ColumnInference]
    casts: list[ColumnCast]
    typed_columns: list[tuple[str, str]]
    quarantine_columns: list[tuple[str, str]]
    counts: LayerCounts
    profiles: list[ColumnProfile]
    dialect: dict[str, Any] | None = None
    raw_copy: Path | None = None
    # How the copy is read (read_csv's options; {} for Parquet), for later re-typings.
    read_options: dict[str, Any] | None = None
    seconds: dict[str, float] = field(default_factory=dict)
    # Typed readings computed while loading (0 when inference sampled the loaded stage).
    readings: int = 0
    # Column names a CSV file gives its columns in a row of labels (see `label_names`).
    names: dict[str, str] = field(default_factory=dict)


def describe(con: duckdb.DuckDBPyConnection, relation: str) -> list[tuple[str, str]]:
    """(name, type) of every column of a relation except ``_row_id`` (and a stage's
    `ROW_COLUMN`)."""
    rows = con.execute(f"SELECT * FROM {relation} LIMIT 0").description or []
    return [(d[0], str(d[1])) for d in rows if d[0] not in ("_row_id", ROW_COLUMN)]


def relation_exists(con: duckdb.DuckDBPyConnection, layer: str, source: str, table: str) -> bool:
    """Whether the workspace holds that layer of the table (a table or a view)."""
    return bool(
        con.execute(
            "SELECT count(*) FROM duckdb_tables() WHERE database_name = ? AND schema_name = ? AND table_name = ?",
            [WORKSPACE_CATALOG, layer, f"{source}.{table}"],
        ).fetchall()[0][0]
        or con.execute(
            "SELECT count(*) FROM duckdb_views() WHERE database_name = ? AND schema_name = ? AND view_name = ?",
            [WORKSPACE_CATALOG, layer, f"{source}.{table}"],
        ).fetchall()[0][0]
    )


def raw_copy_path(files_dir: Path, source: str, table: str, file: DataFile) -> Path:
    """Where this run keeps its copy of the file: a new name each run, so that a failed run
    never overwrites the copy the current raw layer reads."""
    suffix = ".parquet" if file.format == "parquet" else ".csv"
    return files_dir / source / f"{table}-{uuid.uuid4().hex[:12]}{suffix}"


def copies_of(files_dir: Path, source: str, table: str) -> list[Path]:
    """The copies runs of the table made (see `raw_copy_path`) that are still there."""
    named = re.compile(rf"{re.escape(table)}-[0-9a-f]{{12}}\.(?:csv|parquet)")
    return [p for p in (files_dir / source).glob("*") if named.fullmatch(p.name)]


def _noted(inferences: list[ColumnInference], *notes: dict[str, str]) -> list[ColumnInference]:
    """The decisions with each column's notes added to their reasons."""
    return [
        replace(i, reason=i.reason + "".join(n[i.column_name] for n in notes if i.column_name in n))
        if any(i.column_name in n for n in notes) else i
        for i in inferences
    ]


def _written_name_notes(dialect: dict[str, Any] | None, parquet: dict[str, str] | None = None) -> dict[str, str]:
    """Notes for the columns whose header cell reads otherwise than their name (spaces
    around it, a repeated name numbered), or a Parquet file's schema (``parquet``): code that
    reads the file itself (pandas) needs the name as written."""
    written = (dialect or {}).get("written_names") or {}
    notes = {name: f" The file's header writes this column {cell!r}." for name, cell in written.items()}
    notes.update({name: f" The file's schema names this column {cell!r}." for name, cell in (parquet or {}).items()})
    return notes


def _null_token_notes(seen: NullTokensSeen | None) -> dict[str, str]:
    """Notes naming the null tokens a column held, which the load read as missing: a text
    column's "None" or "-" may have been a value (a GCS answer, a tag)."""
    if seen is None:
        return {}
    where = "" if seen.whole else f" in the first {seen.rows:,} rows"
    return {
        column: " Null tokens read as missing when loaded: "
        # (Quoted as written: MySQL's \N, not Python's '\\N'.)
        + ", ".join(f"'{token}' ({count:,}{where})" for token, count in sorted(tokens.items(), key=lambda t: -t[1]))
        + "."
        for column, tokens in seen.counts.items()
    }


# "NA" as one of a list's codes: "NA;ZA", "KE|NA".
_NA_LISTED = r"(^|[;|,])\s*NA\s*($|[;|,])"


def _na_code_notes(con: duckdb.DuckDBPyConnection, stage: str, columns: list[str]) -> dict[str, str]:
    """Notes for the decisions of the columns read with "NA" as a code (`na_code_columns`)
    that hold it: how often, and that it is a value (values holding it among others too, in
    a list of codes "NA;ZA", as the list's note counts its items)."""
    if not columns:
        return {}
    na = quote_literal(NA_TOKEN)
    listed = quote_literal(_NA_LISTED)
    counts = con.execute(
        "SELECT "
        + ", ".join(
            f"count_if({quote_ident(c)} = {na} OR (contains({quote_ident(c)}, {na}) AND regexp_matches({quote_ident(c)}, {listed})))"
            for c in columns
        )
        + f" FROM {stage}"
    ).fetchall()[0]
    return {
        column: f' "NA" ({count:,} values) is a code in this column of short codes (Namibia, North America),'
        " read as a value, not as a missing one."
        for column, count in zip(columns, counts, strict=True)
        if count
    }


def _noting_lists(inferences: list[ColumnInference], lists: dict[str, ListColumn]) -> list[ColumnInference]:
    """The text columns that hold lists of items (see `profiling.lists`) get that pattern on
    their text candidate, and the decision says how to split them."""
    noted: list[ColumnInference] = []
    for inference in inferences:
        found = lists.get(inference.column_name)
        if found is not None and found.levels:
            inference = replace(inference, reason=inference.reason + path_note(found))  # (paths are no lists)
        elif found is not None:
            candidates = [
                replace(c, detected_pattern=LIST_PATTERN, pattern_match_rate=round(found.share, 4))
                if c.data_type == "VARCHAR" and c.detected_pattern is None else c
                for c in inference.candidates
            ]
            inference = replace(
                inference, candidates=candidates, decided_pattern=LIST_PATTERN,
                reason=inference.reason + list_note(inference.column_name, found),
            )
        noted.append(inference)
    return noted


def _cast_for(inference: ColumnInference, manual_type: str | None) -> ColumnCast:
    """The cast of a column: the inferred decision, or a person's decision when there is one."""
    assigned = assignable_type(manual_type) if manual_type is not None else None
    decided: DataType = inference.decided_type if assigned is None else assigned.family
    plain = stored_plain(decided, inference.sampled_distinct_share, inference.sampled_max_length)
    # (Text keeps its markers as written, but for the table's missing letter: see `missing_in_text`.)
    missing = tuple(inference.missing_values) if decided != "VARCHAR" else inference.missing_in_text
    # (A trace is 0 in a column of numbers, and text in a person's VARCHAR.)
    zero = tuple(inference.trace_values) if decided in NUMERIC_TYPES else ()
    missing += zero
    if assigned is None:
        best = next((c for c in inference.candidates if c.data_type == inference.decided_type), None)
        clean = best is not None and best.parse_success_rate >= 1.0
        native = inference.raw_type.upper() != "VARCHAR"
        return ColumnCast(
            name=inference.column_name,
            raw_type=inference.raw_type,
            decided_type=decided,
            pattern=inference.decided_pattern,
            may_fail=not (clean or native),
            plain=plain,
            missing=missing,
            zero=zero,
            trim=inference.padded,
            blank_null=inference.spaced,
            unquote=inference.quoted,
        )
    # (A DATE read from date-times at midnight is also their TIMESTAMP reading; a person's
    # DATE over date-times is their dates.)
    same_type = [
        c for c in inference.candidates
        if c.data_type == decided or (decided == "TIMESTAMP" and c.details.get("midnight"))
    ] + [c for c in inference.candidates if decided == "DATE" and c.data_type == "TIMESTAMP"]
    # (A number of another type: its cleaning, "$1,200.00" as a DOUBLE, not a cast that fails.)
    same_type += [
        c for c in inference.candidates if decided in NUMERIC_TYPES and c.data_type in NUMERIC_TYPES and c.detected_pattern
    ]
    pattern = same_type[0].detected_pattern if same_type else None
    return ColumnCast(
        name=inference.column_name,
        raw_type=inference.raw_type,
        decided_type=decided,
        pattern=pattern,
        may_fail=True,
        plain=plain,
        missing=missing if decided == "VARCHAR" else _markers_of_a_forced_type(inference, decided, missing),
        zero=zero,
        trim=inference.padded and decided == "VARCHAR",
        blank_null=inference.spaced and decided == "VARCHAR",
        unquote=inference.quoted and decided == "VARCHAR",
        sql_type=assigned.sql,
    )


def _markers_of_a_forced_type(inference: ColumnInference, decided: str, missing: tuple[str, ...]) -> tuple[str, ...]:
    """The markers of a missing value a person's type reads as NULL: the decision's, those its
    candidates of that type (or of any number, for a numeric type) read so, and their failures
    that say a value is missing (`sampling.marks_missing`). CDC WONDER's rate kept as text beside
    its "Suppressed" and "Unreliable", forced to DOUBLE, quarantined them both, 45% of the rows,
    though its Deaths read "Suppressed" as missing."""
    related = [
        c for c in inference.candidates
        if c.data_type == decided or (decided in NUMERIC_TYPES and c.data_type in NUMERIC_TYPES)
    ]
    found = dict.fromkeys(missing)
    for candidate in related:
        marked = candidate.details.get("missing_values")
        if isinstance(marked, dict):
            found.update(dict.fromkeys(str(v) for v in marked))
        found.update(dict.fromkeys(v for v in candidate.failed_examples if marks_missing(v)))
    return tuple(found)


STAGE = quote_ident("_stage")
SAMPLE = quote_ident("_file_sample")
# A file whose stage would not fit in memory is staged in a database file of its own,
# attached under this name (see `_stage_plan`).
SCRATCH = quote_ident("_scratch")
SCRATCH_STAGE = f"{SCRATCH}.{STAGE}"

# From these sizes on, the patterns worth scanning are shortlisted from a sample of the file
# before it is loaded, so that their typed readings are computed in the load itself (see
# `inference.conversions`). Below them the whole run takes well under a second, and the
# sample is drawn from the loaded stage instead (the same path a re-typing takes). A CSV file
# needs both: a wide file of few rows (JHU's time series, 289 rows of 1,150 columns in 2 MB)
# gains nothing from readings in the load, and planning that statement took DuckDB 5 s.
SAMPLE_FILE_MIN_BYTES = 1 << 20
SAMPLE_FILE_MIN_ROWS = 20_000
# A stage estimated to outgrow DuckDB's memory goes to a scratch database file instead (see
# `_stage_plan`). Estimated from the file: the all-VARCHAR stage took 1.33 bytes per CSV byte
# on the benchmark file, the Parquet stage 2.2 bytes per byte of uncompressed Parquet data,
# and a reading 4 to 16 bytes a row.
STAGE_BYTES_PER_FILE_BYTE = 1.4
STAGE_BYTES_PER_PARQUET_BYTE = 2.4
STAGE_BYTES_PER_READING = 10
STAGE_MEMORY_SHARE = 0.8


@dataclass(frozen=True, slots=True)
class StagePlan:
    """How a file is staged: the inference plans and readings made from its sample, and, for
    a file too big for memory, the columns its scratch stage stores without compression
    (None: an in-memory stage)."""

    plans: list[ColumnPlan] | None
    readings: Readings
    plain: set[str] | None = None


NARROW = StagePlan(None, NO_READINGS)


@dataclass(frozen=True, slots=True)
class KeptCopy:
    """The workspace's copy of a table's file, as an earlier run made it and recorded it: a
    re-typing loads it like a new file (sampled, with readings computed in the load, in a
    scratch stage when it is too big for memory) rather than reading the raw layer's view."""

    path: Path
    format: FileFormat
    read_options: dict[str, Any] = field(default_factory=lambda: {})  # read_csv's, for a CSV
    labels: list[list[str]] = field(default_factory=lambda: [])  # see `CsvDialect.labels`


def _raw_view_reads(con: duckdb.DuckDBPyConnection, source: str, table: str, path: Path) -> bool:
    """Whether the raw layer is a view over ``path`` (what a kept copy must be to stand in
    for it)."""
    rows = con.execute(
        "SELECT sql FROM duckdb_views() WHERE database_name = ? AND schema_name = 'raw' AND view_name = ?",
        [WORKSPACE_CATALOG, f"{source}.{table}"],
    ).fetchall()
    return bool(rows) and quote_literal(str(path)) in str(rows[0][0])


def _staging(
    con: duckdb.DuckDBPyConnection, copy: CsvCopy | ParquetCopy, *, scratch: bool, thin: bool
) -> StagePlan:
    """How to stage a copy: planned from a sample for files big enough to be worth it, with
    the converted columns held thin when ``thin`` (see `_thin`)."""
    if isinstance(copy, CsvCopy):
        if copy.path.stat().st_size >= SAMPLE_FILE_MIN_BYTES and _estimated_rows(copy.path) >= SAMPLE_FILE_MIN_ROWS:
            staging = _plan_from_csv_sample(con, copy, scratch=scratch)
        else:
            return NARROW
    elif copy.rows >= SAMPLE_FILE_MIN_ROWS:
        staging = _plan_from_parquet_sample(con, copy, scratch=scratch)
    else:
        return NARROW
    if not thin or staging.plans is None or staging.plain is not None:
        # (A scratch stage converts most columns from their text after the load: the rows
        # those conversions send to quarantine would lack the thin columns' text.)
        return staging
    return replace(staging, readings=_thin(staging.plans, staging.readings))


def _estimated_rows(path: Path) -> float:
    """The lines of a file, estimated from its size and the length of its first lines."""
    with path.open("rb") as fh:
        head = fh.read(1 << 16)
    return path.stat().st_size * max(1, head.count(b"\n")) / max(1, len(head))


def _thin(plans: list[ColumnPlan], readings: Readings) -> Readings:
    """The readings with every column held thin that can be (see `conversions`) and that the
    sample says will convert: some shortlisted pattern reads as many of its values as a
    decision needs. A column that ends as text needs its text back, and that costs loading
    the file again (on the held-out files: TPC-H's `l_returnflag`, whose "N" reads as a
    boolean, was the one such column of 23 CSV files before this rule). Also left whole:
    columns whose inference reads the text of every row, those the sample found nearly empty
    (planned again from their first values, `replan_sparse`) and integers written with a
    leading zero (counted from the text)."""
    return readings.thinned({
        plan.name
        for plan in plans
        if plan.findings is not None
        and plan.findings.sampled >= DEFAULT_CONFIG.sparse_sample_min
        and plan.findings.leading_zero_example is None
        and max(plan.findings.shares.values(), default=0.0) >= DEFAULT_CONFIG.accept_rate
    })


def _plan_from_csv_sample(con: duckdb.DuckDBPyConnection, copy: CsvCopy, *, scratch: bool) -> StagePlan:
    """How to stage the copy, from a sample of it (``scratch``: whether there is a scratch
    file to write)."""
    target = copy.path.with_name(copy.path.stem + "-sample.csv")
    try:
        sample = sample_csv(copy, target, rows=DEFAULT_CONFIG.sample_rows, blocks=DEFAULT_CONFIG.sample_blocks)
        if sample is None:
            return NARROW
        plans, readings = _plan_from_sample(con, copy.reader(), sample)
        sample_bytes = target.read_bytes()
    finally:
        target.unlink(missing_ok=True)
    size = copy.path.stat().st_size
    rows = size * max(1, sample_bytes.count(b"\n")) / max(1, len(sample_bytes))
    stage_bytes = STAGE_BYTES_PER_FILE_BYTE * size + STAGE_BYTES_PER_READING * rows * len(readings.names)
    return _stage_plan(con, plans, readings, stage_bytes, scratch=scratch)


def _plan_from_parquet_sample(con: duckdb.DuckDBPyConnection, copy: ParquetCopy, *, scratch: bool) -> StagePlan:
    """How to stage the copy, from a sample of its rows (``scratch`` as above)."""
    sample = sample_parquet(copy, rows=DEFAULT_CONFIG.sample_rows, blocks=DEFAULT_CONFIG.sample_blocks)
    plans, readings = _plan_from_sample(con, copy.reader(), sample)
    stage_bytes = (
        STAGE_BYTES_PER_PARQUET_BYTE * copy.data_bytes + STAGE_BYTES_PER_READING * copy.rows * len(readings.names)
    )
    return _stage_plan(con, plans, readings, stage_bytes, scratch=scratch)


def _stage_plan(
    con: duckdb.DuckDBPyConnection,
    plans: list[ColumnPlan] | None,
    readings: Readings,
    stage_bytes: float,
    *,
    scratch: bool,
) -> StagePlan:
    limit = _memory_limit_bytes(con)
    if plans is None or limit is None or stage_bytes <= STAGE_MEMORY_SHARE * limit:
        return StagePlan(plans, readings)
    if not scratch:
        # Readings would only widen a stage that spills: load it narrow, infer from it.
        return NARROW
    # The in-memory stage would spill to disk and be read back by every later step (10M-row
    # CSV: inference 21.8 s, the layers 24.0 s). A stage in a database file of its own is
    # written once and read from the OS cache; DuckDB compresses its columns of repeated values
    # with a dictionary, and a conversion over a dictionary runs once per distinct value (a
    # date column: 0.02 s against 0.2 s per million rows). So only the columns of nearly
    # distinct values get their readings computed in the load, and are stored plain.
    shortlists = {
        p.name: list(p.findings.shares)
        for p in plans
        if p.findings is not None and p.findings.distinct_share >= PLAIN_DISTINCT_SHARE
    }
    readings = plan_readings(shortlists)
    return StagePlan(plans, readings, set(shortlists) | set(readings.names.values()))


def _memory_limit_bytes(con: duckdb.DuckDBPyConnection) -> float | None:
    """DuckDB's memory limit in bytes, from its own wording ("1.3 GiB")."""
    text = str(con.execute("SELECT current_setting('memory_limit')").fetchall()[0][0])
    match = re.fullmatch(r"\s*([0-9.]+)\s*([KMGT]i?B|bytes?)\s*", text)
    if match is None:
        return None
    unit = match.group(2)
    power = "KMGT".find(unit[0]) + 1 if unit[0] in "KMGT" else 0
    return float(match.group(1)) * (1024 if "i" in unit else 1000) ** power


def _plan_from_sample(
    con: duckdb.DuckDBPyConnection, reader: str, sample: str
) -> tuple[list[ColumnPlan] | None, Readings]:
    """Shortlists from a sample of the file, and the readings the load should compute. The
    sample is only an optimisation: when it cannot be read, or does not have the file's
    columns, there are no plans and inference samples the loaded stage instead."""
    import duckdb

    try:
        columns = describe(con, reader)
        if any(is_reading(name) for name, _ in columns):
            return None, NO_READINGS
        # Read once: every query of a read_csv call sniffs the file again (40 ms each here).
        con.execute(f"CREATE OR REPLACE TEMP TABLE {SAMPLE} AS SELECT * FROM {sample}")
        if describe(con, SAMPLE) != columns:
            return None, NO_READINGS
        plans = plan_columns(con, SAMPLE, columns)
    except duckdb.Error:
        return None, NO_READINGS
    finally:
        con.execute(f"DROP TABLE IF EXISTS {SAMPLE}")
    shortlists = {p.name: list(p.findings.shares) for p in plans if p.findings is not None}
    missing = {p.name: tuple(p.findings.missing) for p in plans if p.findings is not None}
    return plans, plan_readings(shortlists, missing)


def _load_stage(
    con: duckdb.DuckDBPyConnection,
    copy: CsvCopy | ParquetCopy,
    named: Path,
    stage: str,
    readings: Readings,
    plain: set[str] | None,
) -> None:
    if isinstance(copy, CsvCopy):
        load_csv_stage(con, copy, named, stage, readings, plain=plain)
    else:
        load_parquet_stage(con, copy, named, stage, readings, plain=plain)


def _loads(
    con: duckdb.DuckDBPyConnection,
    copy: CsvCopy,
    named: Path,
    stage: str,
    readings: Readings,
    plain: set[str] | None,
) -> bool:
    """Whether the stage loads from ``copy`` (a second reading of a file the first could not
    load; its error is the one to report when this one fails too)."""
    try:
        _load_stage(con, copy, named, stage, readings, plain)
    except SourceError:
        return False
    return True


@dataclass(slots=True)
class StagedFile:
    """A table's stage, loaded (the first half of a run, see `stage_file`): what the rest of
    the run needs to know about it."""

    source: str
    table: str
    file: DataFile | None
    stage: str
    raw_columns: list[tuple[str, str]]
    raw_rows: int
    plans: list[ColumnPlan] | None
    readings: Readings
    # The copy this run made (None when it reuses the raw layer); the raw view over it.
    raw_copy: Path | None
    raw_select: str | None
    # How to load the stage again (a copy opened, the path its errors name, the scratch
    # stage's plain columns); None when it was staged from the raw view.
    reload: tuple[CsvCopy | ParquetCopy, Path, set[str] | None] | None
    dialect: dict[str, Any] | None
    read_options: dict[str, Any] | None
    load_seconds: float
    # Rows under a CSV file's header describing its columns (see `CsvDialect.labels`).
    labels: list[list[str]] = field(default_factory=lambda: [])
    # The null tokens the load read as missing, per column (a CSV file's; see `null_tokens_seen`).
    null_tokens: NullTokensSeen | None = None
    # A Parquet file's columns read under another name: name -> as the schema writes it.
    written: dict[str, str] = field(default_factory=lambda: {})


def stage_file(
    con: duckdb.DuckDBPyConnection,
    *,
    source: str,
    table: str,
    file: DataFile | None,
    null_tokens: list[str],
    max_columns: int,
    files_dir: Path,
    encoding: str | None = None,
    scratch: Path | None = None,
    kept: KeptCopy | None = None,
    thin: bool = True,
) -> StagedFile:
    """The first half of `run_table`: copy the file and load its stage (``thin``: with the
    converted columns held thin, see `_thin`). It writes nothing to the workspace; a failure
    deletes the copy."""
    raw = layer_relation("raw", source, table)
    started = time.perf_counter()
    dialect: dict[str, Any] | None = None
    read_options: dict[str, Any] | None = None
    copy = raw_copy_path(files_dir, source, table, file) if file is not None else None
    try:
        # The stage is filled outside the transaction: rows written inside one get
        # transaction-local rowids (from 2**55), and rowid + 1 must be the file position.
        raw_select: str | None = None
        plans: list[ColumnPlan] | None = None
        readings = NO_READINGS
        stage = STAGE
        opened: CsvCopy | ParquetCopy | None = None
        named: Path | None = None  # the path errors name
        if file is not None and copy is not None:
            if file.format == "csv":
                opened = pin_columns(
                    con,
                    open_csv(file, raw_copy=copy, null_tokens=null_tokens, max_columns=max_columns, encoding=encoding),
                )
                opened = opened.keeping_na(na_code_columns(con, opened))
                opened = opened.keeping_signs(sign_columns(con, opened))
                opened = opened.unwrapping_bytes(byte_literal_columns(con, opened))
                dialect = opened.dialect.as_dict() if opened.dialect else None
                read_options = opened.recorded_options
            else:
                opened = open_parquet(con, file, raw_copy=copy, max_columns=max_columns)
                read_options = {}
            raw_select, named = opened.raw_select(), file.path
        elif kept is not None and _raw_view_reads(con, source, table, kept.path):
            opened = (
                pin_columns(con, reopen_csv(kept.path, kept.read_options))
                if kept.format == "csv"
                else reopen_parquet(con, kept.path)
            )
            named = kept.path
        reload = None
        seen = null_tokens_seen(con, opened) if isinstance(opened, CsvCopy) else None
        if opened is not None and named is not None:
            staging = _staging(con, opened, scratch=scratch is not None, thin=thin)
            plans, readings = staging.plans, staging.readings
            if staging.plain is not None and scratch is not None:
                scratch.parent.mkdir(parents=True, exist_ok=True)
                con.execute(f"ATTACH {quote_literal(str(scratch))} AS {SCRATCH}")
                stage = SCRATCH_STAGE
            try:
                _load_stage(con, opened, named, stage, readings, staging.plain)
            except SourceError as exc:
                # A CSV read again another way: quotes as text, or with its unnamed last columns.
                if not isinstance(opened, CsvCopy):
                    raise
                late = late_encoding(file.path, exc) if file is not None and encoding is None else None
                if late is not None:
                    # Read as UTF-8 from its first megabyte, another code page further down.
                    if stage == SCRATCH_STAGE:
                        con.execute(f"DETACH {SCRATCH}")
                    return stage_file(
                        con, source=source, table=table, file=file, null_tokens=null_tokens, max_columns=max_columns,
                        files_dir=files_dir, encoding=late, scratch=scratch, kept=kept, thin=thin,
                    )
                again = (
                    backslash_escaped(opened, exc) or unquoted(opened, exc) or with_last_column(opened, exc)
                    or without_ragged(opened, exc, named)
                )
                if again is None or not _loads(con, again, named, stage, readings, staging.plain):
                    raise
                added = (again.columns or ())[len(opened.columns or ()) :]
                if plans is not None and added:
                    # Columns the sample did not have: planned from their first values (`replan_sparse`).
                    plans = [*plans, *(ColumnPlan(name, "VARCHAR", None, SampleFindings(sampled=0)) for name in added)]
                opened = again
                dialect = opened.dialect.as_dict() if opened.dialect else None
                read_options, raw_select = opened.recorded_options, opened.raw_select()
            reload = (opened, named, staging.plain)
        else:
            # The raw view numbers its rows; a column of the data named rowid needs that number.
            kept_row = f", _row_id AS {quote_ident(ROW_COLUMN)}" if hides_rowid(n for n, _ in describe(con, raw)) else ""
            con.execute(f"CREATE OR REPLACE TEMP TABLE {STAGE} AS SELECT * EXCLUDE (_row_id){kept_row} FROM {raw}")
        raw_columns = [c for c in describe(con, stage) if not readings.holds(c[0])]
        raw_rows = con.execute(f"SELECT count(*) FROM {stage}").fetchall()[0][0]
        if file is not None and raw_rows == 0:
            raise SourceError(
                f"{file.path} holds no rows (its {len(raw_columns)} columns are declared, none filled)."
                if raw_columns and file.format == "parquet"
                else f"{file.path} has a header but no data rows." if raw_columns else f"{file.path} holds no data.",
                hint="Profile a file with at least one data row.",
            )
    except BaseException:
        if copy is not None:
            copy.unlink(missing_ok=True)
        raise
    return StagedFile(
        source=source, table=table, file=file, stage=stage, raw_columns=raw_columns, raw_rows=raw_rows,
        plans=plans, readings=readings, raw_copy=copy, raw_select=raw_select, reload=reload,
        dialect=dialect, read_options=read_options, load_seconds=round(time.perf_counter() - started, 4),
        labels=(dialect or {}).get("labels") or _described_labels(dialect, raw_columns)
        or (kept.labels if kept is not None and file is None else []),
        null_tokens=seen,
        written=dict(opened.written) if isinstance(opened, ParquetCopy) else {},
    )


def _described_labels(dialect: dict[str, Any] | None, raw_columns: list[tuple[str, str]]) -> list[list[str]]:
    """A row of labels from what the lines above a file's table say of its columns (see
    `CsvDialect.described`): read as the labels under a header are, for names and units."""
    described = (dialect or {}).get("described") or {}
    row = [str(described.get(name, "")) for name, _ in raw_columns]
    return [row] if any(row) else []


def finish_table(
    con: duckdb.DuckDBPyConnection,
    staged: StagedFile,
    *,
    manual_types: dict[str, str],
    exact_distinct_max_rows: int,
    on_stage: StageCallback | None = None,
) -> StageOutput:
    """The second half of `run_table`: infer, build the layers and profile, from a loaded
    stage (``on_stage`` hears of the load first). Opens the workspace transaction and leaves
    it open; a failure deletes the copy."""
    raw = layer_relation("raw", staged.source, staged.table)
    typed = layer_relation("typed", staged.source, staged.table)
    quarantine = layer_relation("quarantine", staged.source, staged.table)
    stage, readings = staged.stage, staged.readings
    seconds: dict[str, float] = {"load": staged.load_seconds}
    clock = time.perf_counter()

    def step(name: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        seconds[name] = round(now - clock, 4)
        clock = now
        if on_stage is not None:
            on_stage(name)

    try:
        with wide_plans(con, len(staged.raw_columns)):
            if on_stage is not None:
                on_stage("load")
            plans = staged.plans
            if plans is not None:
                plans = replan_sparse(con, stage, plans)
            inferences = _noted(
                infer_columns(
                    con, stage, staged.raw_columns, plans=plans, readings=readings, labels=_column_labels(staged),
                    delimiter=_delimiter(staged),
                ),
                _na_code_notes(con, stage, list((staged.read_options or {}).get("na_codes") or [])),
                _written_name_notes(staged.dialect, staged.written),
                _null_token_notes(staged.null_tokens),
            )
            casts = [_cast_for(inf, manual_types.get(inf.column_name)) for inf in inferences]
            needed = text_needed(casts, readings)
            if needed and staged.reload is not None:
                # The layers need text that the stage holds thin (a VARCHAR decision, say): the
                # copy is loaded again with that text in full. Inference stands: it read the same
                # values either way.
                readings = readings.with_text(needed)
                opened, named, plain = staged.reload
                _load_stage(con, opened, named, stage, readings, plain)
            step("infer")

            con.execute("BEGIN TRANSACTION")
            if staged.raw_select is not None:
                con.execute(f"CREATE OR REPLACE VIEW {raw} AS {staged.raw_select}")

            counts = build_layers(con, stage, typed, quarantine, casts, staged.raw_rows, readings)
            typed_columns = describe(con, typed)
            quarantine_columns = describe(con, quarantine)
            if stage == STAGE:
                # (A scratch stage cannot be dropped here: one transaction writes to one database.
                # It goes with its file.)
                con.execute(f"DROP TABLE {STAGE}")
            step("layers")

            bounds = {
                inf.column_name: inf.bounds
                for inf, cast in zip(inferences, casts, strict=True)
                if inf.bounds is not None and cast.decided_type == inf.decided_type
            }
            profiles = profile_columns(
                con,
                typed,
                typed_columns,
                exact_distinct_max_rows=exact_distinct_max_rows,
                bounds=bounds,
                row_count=counts.typed_rows,
                sampled_distinct={
                    inf.column_name: inf.sampled_distinct_share
                    for inf in inferences
                    if inf.sampled_distinct_share is not None
                },
            )
            types = dict(typed_columns)
            codes = missing_codes(con, typed, profiles, types, {i.column_name: u for i in inferences if (u := i.unit)})
            inferences = _noted(
                inferences,
                codes,
                missing_words(profiles, types),
                true_only_notes(profiles, types),
                non_finite_notes(profiles),
                # (Amounts in each row's currency or unit: JPY prices are no outliers among USD ones.)
                extreme_notes(profiles, skip={*codes, *(i.column_name for i in inferences if i.unit_column)}),
                spelling_notes(profiles),
                code_notes(con, typed, profiles, inferences, counts.typed_rows),
            )
            # (A Parquet file's lists and structs are decided VARCHAR but kept as they are.)
            text = [
                c.name for c, i in zip(casts, inferences, strict=True)
                if c.decided_type == "VARCHAR" and i.decided_pattern is None and types.get(c.name) == "VARCHAR"
            ]
            inferences = _noting_lists(inferences, list_columns(con, typed, text))
            step("profile")
    except BaseException:
        if staged.raw_copy is not None:
            staged.raw_copy.unlink(missing_ok=True)
        raise
    return StageOutput(
        raw_columns=staged.raw_columns,
        inferences=inferences,
        casts=casts,
        typed_columns=typed_columns,
        quarantine_columns=quarantine_columns,
        counts=counts,
        profiles=profiles,
        dialect=staged.dialect,
        raw_copy=staged.raw_copy,
        read_options=staged.read_options,
        seconds=seconds,
        readings=len(readings.names),
        names=label_names(staged.labels, [name for name, _ in staged.raw_columns]),
    )


_ENDS_IN_UNIT = re.compile(r"\S\s*[(\[][^()\[\]]+[)\]]\s*$")


def label_names(labels: list[list[str]], columns: list[str]) -> dict[str, str]:
    """The human names that a row of labels gives the columns (data.census.gov's
    "Estimate!!Households!!Total" under ``S1901_C01_001E``): the first row of labels with a
    cell for most columns, nearly all different, and not a row of units ("Deg C", "m/s") or
    of repeated words (a logger's "Avg", "Smp")."""
    for row in labels:
        cells = [cell.strip() for cell in row[: len(columns)]]
        named = [cell for cell in cells if cell]
        if 2 * len(named) < len(columns) or len(set(named)) < 0.8 * len(named):
            continue
        # (A unit alone, "Deg C", not a name with its unit at its end, "Orbital Period [days]".)
        if sum(1 for cell in named if unit_from_label(cell) is not None and not _ENDS_IN_UNIT.search(cell)) * 2 >= len(named):
            continue
        return {name: cell for name, cell in zip(columns, cells, strict=False) if cell}
    return {}


def _delimiter(staged: StagedFile) -> str | None:
    """A CSV file's delimiter, also for a copy reopened without its dialect; None for Parquet
    and for a raw layer staged from its view."""
    copy = staged.reload[0] if staged.reload is not None else None
    if isinstance(copy, CsvCopy):
        return str(copy.options.get("delim", ""))[:1] or None
    return (staged.dialect or {}).get("delimiter")


def _column_labels(staged: StagedFile) -> dict[str, tuple[str, ...]]:
    """What the rows under a CSV file's header say of each column (see `CsvDialect.labels`)."""
    return {
        name: tuple(row[i] for row in staged.labels if i < len(row) and row[i])
        for i, (name, _type) in enumerate(staged.raw_columns)
    }


def run_table(
    con: duckdb.DuckDBPyConnection,
    *,
    source: str,
    table: str,
    file: DataFile | None,
    manual_types: dict[str, str],
    null_tokens: list[str],
    max_columns: int,
    exact_distinct_max_rows: int,
    files_dir: Path,
    encoding: str | None = None,
    on_stage: StageCallback | None = None,
    scratch: Path | None = None,
    kept: KeptCopy | None = None,
) -> StageOutput:
    """Run every DuckDB stage of one table. With ``file=None`` the raw layer already in the
    workspace is reused (a re-typing after a manual decision): loaded from ``kept``, the copy
    the raw view reads, like a new file; else (no copy recorded, or not the one the view
    reads) from the view itself.

    The file is copied into the workspace (``files_dir``) and the raw layer is a view over
    that copy: writing every value as compressed VARCHAR into the DuckDB file cost more than
    everything else together. The work itself runs on an in-memory stage table (file order,
    so ``rowid + 1`` is the row's number); only the typed and quarantine layers are written.
    Everything written to the workspace happens in one transaction, which this function opens
    and leaves open: the caller commits it once the metadata is stored, or rolls it back.
    A failure here deletes this run's copy; once the output is returned, the caller owns it
    (deletes it if the run fails later, and the previous copies once the run commits).

    A file whose stage would not fit in memory is staged in the database file
    ``scratch`` instead (when given), attached to ``con``; the caller deletes that file once
    ``con`` is closed, whatever happened."""
    # A person's types may need conversions no reading computes: then the stage keeps all
    # its text (see `sources.layers.text_needed`).
    staged = stage_file(
        con, source=source, table=table, file=file, null_tokens=null_tokens, max_columns=max_columns,
        files_dir=files_dir, encoding=encoding, scratch=scratch, kept=kept, thin=not manual_types,
    )
    return finish_table(
        con, staged, manual_types=manual_types, exact_distinct_max_rows=exact_distinct_max_rows, on_stage=on_stage
    )
