"""Resolving what the user pointed at into data files, inside the allowed roots."""

from __future__ import annotations

import glob
import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal
from urllib.parse import unquote

from datadossier.errors import PathNotAllowedError, SourceError

FileFormat = Literal["csv", "parquet"]

_EXTENSIONS: dict[str, FileFormat] = {
    ".csv": "csv",
    ".tsv": "csv",
    ".txt": "csv",
    ".psv": "csv",
    ".parquet": "parquet",
    ".pq": "parquet",
}


@dataclass(frozen=True, slots=True)
class DataFile:
    """One file that becomes one table."""

    path: Path
    format: FileFormat
    table_name: str


# A minus sign before a number, where it cannot be a hyphen joining two words or a date's parts:
# at the start or after a separator, as Daymet names its points
# (``11736_lat_40.015_lon_-105.2705.csv``). Dropping it would give a point's west and east
# longitudes one name, so it is kept as an ``m`` (``lon_m105_2705``).
_SIGNED_NUMBER = re.compile(r"(?:^|(?<=[^0-9a-zA-Z-]))-(?=\.?[0-9])")


def safe_name(text: str) -> str:
    """A lower-case identifier-like name: letters, digits and underscores (a minus sign before
    a number is an ``m``, so ``lon_-105`` and ``lon_105`` stay two names)."""
    if "-" in text:
        text = _SIGNED_NUMBER.sub("m", text)
    name = re.sub(r"[^0-9a-zA-Z]+", "_", text).strip("_").lower()
    if not name:
        return "unnamed"
    return f"t_{name}" if name[0].isdigit() else name


# Suffixes a table's name leaves out: the compression, the format, and the codec Spark and
# Arrow name before ".parquet" ("part-0.snappy.parquet").
_NAME_COMPRESSION = (".gz", ".bz2", ".xz", ".zst", ".zstd", ".zip", ".tgz", ".tbz2", ".txz")
_NAME_ARCHIVE = (".tar",)
_NAME_CODECS = (".snappy", ".gzip", ".zstd", ".zst", ".lz4", ".brotli")


# A format's suffix with a part's number after it: Redfin's downloads are
# ``redfin_metro_market_tracker.tsv000.gz``, as Redshift's and Athena's unloads number them.
_NUMBERED_FORMAT = re.compile(r"\.(?:csv|tsv|txt|psv)[0-9]+$", re.IGNORECASE)


def table_name_for(path: Path) -> str:
    """The table a file becomes: its name without its data suffixes; other dots stay part of
    the name ("API_SP.POP.TOTL.csv" is ``api_sp_pop_totl``, "sales.csv.gz" is ``sales``)."""
    name = path.name
    lowered = name.lower()
    for group in (_NAME_COMPRESSION, _NAME_ARCHIVE, (*_EXTENSIONS, *_TEXT_DATA_EXTENSIONS), _NAME_CODECS):
        cut = next((s for s in group if lowered.endswith(s) and len(lowered) > len(s)), None)
        if cut:
            name, lowered = name[: -len(cut)], lowered[: -len(cut)]
    numbered = _NUMBERED_FORMAT.search(name)
    if numbered and numbered.start() > 0:
        name = name[: numbered.start()]
    return safe_name(name)


def ensure_allowed(path: Path, roots: list[Path]) -> Path:
    """Resolve ``path`` (following symlinks and ``..``) and check it lies under a root."""
    resolved = path.expanduser().resolve()
    for root in roots:
        if resolved == root or resolved.is_relative_to(root):
            return resolved
    allowed = ", ".join(str(r) for r in roots)
    raise PathNotAllowedError(
        f"{path} is outside the directories this server may read (resolved to {resolved}).",
        hint=f"Use a path under: {allowed}; or add its directory to DATADOSSIER_ROOTS.",
    )


# Suffixes of delimited text without a standard name (the UCI repository's ".data",
# OpenFlights' ".dat"): taken as CSV when the file starts as text.
_TEXT_DATA_EXTENSIONS = (".dat", ".data")
_PARQUET_MAGIC = b"PAR1"


def file_format(path: Path) -> FileFormat | None:
    """The format of a data file, from its suffix (``.csv.gz``, ``.csv.zst``, ``.csv.zip``,
    ``.csv.tar.gz`` and the like count as csv; a compressed Parquet file is not one)."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] in (*_NAME_COMPRESSION, *_NAME_ARCHIVE):
        inner = [s for s in suffixes[:-1] if s not in _NAME_ARCHIVE]
        return "csv" if inner and _EXTENSIONS.get(inner[-1]) == "csv" else None
    return _EXTENSIONS.get(suffixes[-1]) if suffixes else None


def named_like_data(path: Path) -> bool:
    """Whether a name reads as a data file's (a known suffix, ".dat" or ".data" too)."""
    return file_format(path) is not None or path.suffix.lower() in (
        *_TEXT_DATA_EXTENSIONS, *_NAME_COMPRESSION, *_NAME_ARCHIVE
    )


def sniffed_format(path: Path, *, named: bool) -> FileFormat | None:
    """The format of a file whose suffix does not tell (`file_format` is None), from its first
    bytes: Parquet by its magic number, else CSV when the file starts as text. A file in a
    directory is only sniffed with a suffix of delimited text (".dat", ".data"), so that notes
    and other files beside the data do not become tables; a file ``named`` by the user is
    sniffed whatever its name (a binary one is then refused by the CSV loader, with why)."""
    if not named and path.suffix.lower() not in _TEXT_DATA_EXTENSIONS:
        return None
    try:
        with path.open("rb") as fh:
            head = fh.read(1 << 12)
    except OSError:
        return None
    if head.startswith(_PARQUET_MAGIC):
        return "parquet"
    return "csv" if named or (head and b"\x00" not in head) else None


# A folder of a partitioned dataset, as Spark, Hive, pyarrow and DuckDB write them.
_PARTITION = re.compile(r"[^=/]+=[^/]*")


# The files of one table written in parts: Spark's and Hadoop's part-00000-<uuid>-c000.snappy.parquet,
# pyarrow's part-0.parquet, Dask's part.0.parquet, DuckDB's data_0.parquet.
_PART_FILE = re.compile(r"(?:part|data)[-_.][0-9]+(?:[-_.].*)?\.parquet", re.IGNORECASE)

# A split of a dataset written in shards, as Hugging Face's hub stores them:
# train-00000-of-00003.parquet (at times with a hash after it: ...-of-00003-5b2c91e4.parquet).
_SHARD = re.compile(r"(?P<split>.+?)-[0-9]{5}-of-(?P<total>[0-9]{5})(?:-[0-9a-f]+)?\.parquet", re.IGNORECASE)


def is_pattern(path: Path | str) -> bool:
    """Whether a path is a glob pattern: a table read from the Parquet files it matches (the
    shards of a split, the partitions a pattern picks out of a dataset; see `_grouped`)."""
    return glob.has_magic(str(path))


def pattern_base(path: Path) -> Path:
    """The folder a pattern's files lie under: its leading parts without a wildcard."""
    fixed = []
    for part in path.parts:
        if is_pattern(part):
            break
        fixed.append(part)
    return Path(*fixed) if fixed else Path(".")


def table_folder(path: Path) -> Path:
    """The folder a table lies in: a file's or a dataset's parent; a pattern's, the folder
    above the partitioned dataset its files belong to, else the folder they lie under."""
    if not is_pattern(path):
        return path.parent
    files = _pattern_files(path)
    root = _partition_root(files[0]) if files else None
    return root.parent if root is not None else pattern_base(path)


def _pattern_files(pattern: Path) -> list[Path]:
    """The Parquet files a table's pattern matches, or that lie in the folders it matches
    (a dataset's partitions), in path order; none hidden, none whose folder is (Spark's
    _temporary)."""
    base = pattern_base(pattern)
    found = [Path(p) for p in glob.glob(str(pattern), recursive=True)]
    found = [f for p in found for f in (p.rglob("*.parquet") if p.is_dir() else [p])]
    return sorted(
        p for p in found
        if p.is_file() and file_format(p) == "parquet"
        and not any(part.startswith((".", "_")) for part in p.relative_to(base).parts)
    )


def _partition_root(path: Path) -> Path | None:
    """The top folder of the partitioned dataset a file lies in (the folder above its first
    ``key=value`` folder), or None."""
    for index, part in enumerate(path.parts[:-1]):
        if _PARTITION.fullmatch(part):
            return Path(*path.parts[:index]) if index else None
    return None


def _grouped(paths: list[Path], pattern: str | None = None) -> tuple[list[Path], dict[Path, str]]:
    """The tables among a folder's or a pattern's files, where several files are one table,
    and those tables' names. The shards of a split (`_SHARD`) become a pattern naming them all,
    the table named for the split (``train``, ``test``). The files a ``pattern`` picks out of a
    partitioned dataset (``sales/**/*.parquet``) are that dataset: its top folder when they are
    all its files, else the pattern itself (its partition keys read from the folders' names)."""
    shards: dict[tuple[Path, str, str], list[Path]] = {}
    for path in paths:
        found = _SHARD.fullmatch(path.name)
        if found and path.is_file() and file_format(path) == "parquet":
            shards.setdefault((path.parent, found["split"], found["total"]), []).append(path)
    tables = [p for p in paths if not any(p in group for group in shards.values())]
    names: dict[Path, str] = {}
    for (folder, split, total), group in shards.items():
        name = table_name_for(Path(split))
        if name in {table_name_for(p) for p in tables}:
            tables.extend(group)  # a file of the split's own name beside its shards: each its own table
            continue
        shard_pattern = folder / f"{glob.escape(split)}-?????-of-{total}*.parquet"
        tables.append(shard_pattern)
        names[shard_pattern] = name
    if pattern is None or not tables or not all(p.is_dir() or file_format(p) == "parquet" for p in tables):
        return tables, names
    # A pattern's folders are tables when they are a dataset's partitions (sales/*: year=2020/...).
    roots = {_partition_root(p / "_" if p.is_dir() else p) for p in tables}
    root = roots.pop() if len(roots) == 1 else None
    if root is None:
        return tables, names
    files = {f for p in tables for f in (dataset_files(p) if p.is_dir() else [p])}
    if files == set(dataset_files(root)):
        return [root], {root: table_name_for(root)}
    return [Path(pattern)], {Path(pattern): _subset_name(root, files)}


def _subset_name(root: Path, files: set[Path]) -> str:
    """The table a pattern picking some of a partitioned dataset's files becomes: named for
    the dataset and the partitions its files all share (``sales_year_2020``), or ``sales_subset``,
    so that it does not replace the whole dataset's table."""
    shared: dict[str, str] | None = None
    for file in files:
        parts = dict(p.split("=", 1) for p in file.relative_to(root).parts[:-1] if _PARTITION.fullmatch(p))
        shared = parts if shared is None else {k: v for k, v in shared.items() if parts.get(k) == v}
    suffix = "_".join(f"{key}_{value}" for key, value in (shared or {}).items()) or "subset"
    return safe_name(f"{table_name_for(root)}_{suffix}")


def _parts_folder(entries: list[Path]) -> bool:
    """Whether a folder's entries are one table written in parts: Parquet files all named as
    parts (`_PART_FILE`), beside at most a job's markers and checksums (``_SUCCESS``,
    ``.part-00000....crc``) and no folder of its own."""
    if any(e.is_dir() and not e.name.startswith((".", "_")) for e in entries):
        return False
    data = [e for e in entries if e.is_file() and not e.name.startswith((".", "_")) and not e.name.endswith(".crc")]
    return bool(data) and all(_PART_FILE.fullmatch(e.name) and file_format(e) == "parquet" for e in data)


DELTA_LOG = "_delta_log"


def delta_files(directory: Path) -> list[Path]:
    """The live data files of a Delta table: those its log adds and has not removed since.
    The log's last checkpoint (a Parquet file of the actions so far) is read first when there
    is one, then the commits after it, in order (``00000000000000000003.json``, one action a
    line). The other files of the folder are data the table no longer holds (rows since
    updated or deleted): reading them all would count rows twice."""
    import duckdb

    try:
        live = _delta_live(directory / DELTA_LOG)
    except (OSError, ValueError, KeyError, TypeError, duckdb.Error) as exc:
        raise SourceError(
            f"{directory} is a Delta table whose log ({DELTA_LOG}) could not be read: {exc}.",
            hint="Check the table's log (a writer may be committing), or name its Parquet files with a glob to read them all.",
        ) from exc
    base = directory.resolve()
    found = [directory / unquote(path) for path in sorted(live)]
    return [p for p in found if p.is_file() and p.resolve().is_relative_to(base)]


def _delta_live(log: Path) -> set[str]:
    """The paths a Delta log holds live (see `delta_files`)."""
    import duckdb

    from datadossier.engine import quote_literal

    live: set[str] = set()
    after = -1
    checkpoints = sorted(log.glob("[0-9]*.checkpoint*.parquet"))
    if checkpoints:
        after = int(checkpoints[-1].name.split(".", 1)[0])
        parts = sorted(p for p in checkpoints if int(p.name.split(".", 1)[0]) == after)
        with duckdb.connect() as con:
            listed = ", ".join(quote_literal(str(p)) for p in parts)
            rows = con.execute(f"SELECT add.path FROM read_parquet([{listed}], union_by_name = true) WHERE add IS NOT NULL").fetchall()
        live = {str(row[0]) for row in rows}
    for commit in sorted(log.glob("[0-9]*.json"), key=lambda p: int(p.stem)):
        if int(commit.stem) <= after:
            continue
        for line in commit.read_text(encoding="utf-8").splitlines():
            action = json.loads(line) if line.strip() else {}
            if "add" in action:
                live.add(action["add"]["path"])
            elif "remove" in action:
                live.discard(action["remove"]["path"])
    return live


def dataset_files(directory: Path) -> list[Path]:
    """The Parquet files of a partitioned dataset (``sales/year=2020/month=1/part-0.parquet``),
    in path order: ``directory`` holds no data file of its own, only folders named
    ``key=value``, and Parquet files below them; or a table a job wrote in parts
    (``users/part-00000-....snappy.parquet`` beside ``_SUCCESS``). Empty for any other
    directory."""
    if is_pattern(directory):
        return _pattern_files(directory)
    if (directory / DELTA_LOG).is_dir():
        return delta_files(directory)
    try:
        entries = list(directory.iterdir())
    except OSError:
        return []
    folders = [e for e in entries if e.is_dir()]
    if _parts_folder(entries):
        return sorted(e for e in entries if e.is_file() and _PART_FILE.fullmatch(e.name) and not e.name.startswith((".", "_")))
    if not folders or any(file_format(e) for e in entries if e.is_file()):
        return []
    if not all(_PARTITION.fullmatch(f.name) for f in folders if not f.name.startswith((".", "_"))):
        return []
    base = directory.resolve()
    # A link out of the dataset's folder is not part of it (nor inside the allowed roots), and
    # neither are hidden or underscore folders and files (Spark's _temporary, .ipynb_checkpoints).
    found = [
        p for p in directory.rglob("*")
        if p.is_file() and file_format(p) == "parquet" and p.resolve().is_relative_to(base)
        and not any(part.startswith((".", "_")) for part in p.relative_to(directory).parts)
    ]
    return sorted(found, key=lambda p: p.relative_to(directory).parts)


def dataset_state(path: Path) -> tuple[int, int, str] | None:
    """The state of a dataset's files (a partitioned folder, a table written in parts, a
    pattern naming a table's files): their total size, latest modification time, and a hash
    of their names, sizes and times, which changes when a file is added, removed or rewritten.
    None when it holds no Parquet file any more; FileNotFoundError when a file goes while
    it is read."""
    files = dataset_files(path)
    if not files:
        return None
    digest = hashlib.sha256()
    size = mtime = 0
    base = pattern_base(path) if is_pattern(path) else path
    for file in files:
        stat = file.stat()
        size, mtime = size + stat.st_size, max(mtime, stat.st_mtime_ns)
        digest.update(f"{file.relative_to(base)}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return size, mtime, digest.hexdigest()


# Suffixes of files that are something else than a table, whatever their first lines look
# like: documents (UCI's ".names" describe their ".data"), markup, code, configuration,
# images, other data formats.
_NOT_TABLE_SUFFIXES = frozenset({
    ".names", ".info", ".readme", ".license", ".nfo", ".about",
    ".md", ".markdown", ".rst", ".pdf", ".doc", ".docx", ".rtf", ".odt", ".xls", ".xlsx",
    ".xlsm", ".xlsb", ".ods", ".json", ".jsonl", ".ndjson", ".geojson", ".xml", ".html", ".htm",
    ".yaml", ".yml", ".toml", ".ini", ".cfg", ".conf", ".py", ".r", ".rmd", ".sql", ".sh",
    ".bat", ".ps1", ".ipynb", ".js", ".ts", ".css", ".tex", ".bib", ".svg", ".png", ".jpg",
    ".jpeg", ".gif", ".bmp", ".tif", ".tiff", ".webp", ".ico", ".log", ".pkl", ".pickle",
    ".feather", ".arrow", ".avro", ".orc", ".db", ".sqlite", ".sqlite3", ".duckdb", ".sas7bdat",
    ".xpt", ".dta", ".sav", ".rds", ".rdata", ".shp", ".shx", ".dbf", ".prj", ".cpg", ".kml",
    ".kmz", ".gpkg", ".lock", ".exe", ".dll", ".so", ".bin", ".iso", ".7z", ".rar", ".mp3",
    ".mp4", ".wav", ".mov", ".avi", ".h5", ".hdf5", ".nc", ".npy", ".npz", ".mat", ".pt",
    ".onnx",
})


def _without_suffix_of_its_kind(path: Path) -> bool:
    """A name whose suffix names no file type: none (BLS's ``cu.series`` and its
    ``cu.data.0.Current`` have a word after a dot), or not one of `_NOT_TABLE_SUFFIXES`."""
    return not path.name.startswith(".") and path.suffix.lower() not in _NOT_TABLE_SUFFIXES


# Rows a file with lines before its table needs below them to be listed as a table.
_ROWS_AFTER_PREAMBLE = 3


def _listed(path: Path) -> bool:
    """Whether a file found in a folder is one of its tables: a data file by its name or its
    content; a ".txt" file, or one whose name says no type (BLS's ``cu.series``), only when
    its first lines read as a table of two columns or more (the README.txt or LICENSE that
    datasets ship beside their data is prose)."""
    txt = path.suffix.lower() == ".txt"
    if not txt and (file_format(path) or sniffed_format(path, named=False)):
        return True
    if not txt and not _without_suffix_of_its_kind(_decompressed_name(path)):
        return False
    from datadossier.sources.csv_loader import detect_dialect  # that module imports this one

    head = _first_bytes(path)
    if head is None:
        return False
    if head.startswith(_PARQUET_MAGIC) or b"\x00" in head:
        return not txt and head.startswith(_PARQUET_MAGIC)  # a Parquet file saved without its suffix
    text = head.decode("utf-8", errors="replace")
    try:
        dialect = detect_dialect(text, "utf-8", path, whole=len(head) < 1 << 16)
    except SourceError:
        return False
    if dialect.field_count < 2:
        return _numbers_alone(text)
    if dialect.skip == 0:
        return True
    # Lines before the table (GeoNames' countryInfo.txt opens with comments, UCI's adult.test
    # with "|1x3 Cross validator"). Prose can read as a title over lines of one comma each:
    # after such lines, a table beyond doubt only (tabs, or three fields and more, over a few
    # rows).
    rows = sum(1 for line in text.splitlines()[dialect.skip :] if line.strip())
    return (dialect.delimiter == "\t" or dialect.field_count >= 3) and rows >= _ROWS_AFTER_PREAMBLE


def _decompressed_name(path: Path) -> Path:
    """The name a compressed file's text would have (``notes.json.gz`` is ``notes.json``), so
    that its inner suffix says what it holds; other names as they are."""
    return path.with_suffix("") if path.suffix.lower() in _NAME_COMPRESSION else path


def _first_bytes(path: Path) -> bytes | None:
    """The first 64 KiB of a file's text: decompressed when its name ends in a compression's
    suffix (Redfin's downloads are ``zip_code_market_tracker.tsv000.gz``: gzip over a suffix
    that names no format), so that its lines, not its compressed bytes, are judged."""
    from datadossier.sources.compressed import damage_errors, open_bytes  # it imports this module

    try:
        if path.suffix.lower() in _NAME_COMPRESSION:
            with open_bytes(path) as fh:
                return fh.read(1 << 16)
        with path.open("rb") as fh:
            return fh.read(1 << 16)
    except (OSError, SourceError, *damage_errors()):
        return None


# A number as a one-column file writes it: NASA C-MAPSS's RUL_FD001.txt, UCI HAR's y_train.txt.
_NUMBER_LINE = re.compile(r"\s*[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?\s*")


def _numbers_alone(text: str) -> bool:
    """Whether the first lines of a file of one column are numbers (a name may head them): a
    column of labels or targets beside a dataset's other files, which prose never is."""
    lines = [line for line in text.splitlines()[:200] if line.strip()]
    body = lines[1:] if lines and not _NUMBER_LINE.fullmatch(lines[0]) else lines
    return len(body) >= _ROWS_AFTER_PREAMBLE and all(_NUMBER_LINE.fullmatch(line) for line in body)


def _table_in(path: Path) -> bool:
    """Whether a folder's (or a pattern's) entry is a table: a data file (see `_listed`) or a
    partitioned Parquet dataset."""
    return (path.is_file() and _listed(path)) or (path.is_dir() and bool(dataset_files(path)))


def _table_names(paths: list[Path]) -> dict[Path, str]:
    """The table each file becomes (`table_name_for`), except that files of one name but for
    their suffixes (UCI's iris.csv beside iris.data) are named with it (``iris_csv``,
    ``iris_data``), and then numbered if that is not enough (Iris.csv beside iris.csv)."""
    stems: dict[str, list[Path]] = {}
    for path in paths:
        stems.setdefault(table_name_for(path), []).append(path)
    names: dict[Path, str] = {}
    taken = set(stems)
    for stem, group in stems.items():
        if len(group) == 1:
            names[group[0]] = stem
            continue
        for path in sorted(group, key=str):
            name = base = safe_name(path.name)
            number = 2
            while name in taken:
                name, number = f"{base}_{number}", number + 1
            taken.add(name)
            names[path] = name
    return names


def _namesakes(path: Path) -> list[Path]:
    """The tables beside a file that its folder would name like it (see `_table_names`): a
    file profiled on its own is named as it is when its folder is profiled."""
    stem = table_name_for(path)
    try:
        siblings = [p for p in path.parent.iterdir() if p.name != path.name and table_name_for(p) == stem]
    except OSError:
        return []
    return [p for p in siblings if _table_in(p)]


def _tables_among(entries: list[Path], left_out: list[Path] | None) -> list[Path]:
    """The entries of a folder or a pattern that are tables (`_table_in`); the files left out
    whose suffix does not say they are something else (a text whose first lines read as no
    table, as prose does) and the folders (LinkedIn's dump: postings.csv beside companies/
    and jobs/) are added to ``left_out``, so that a run can name them."""
    tables: list[Path] = []
    for entry in entries:
        if _table_in(entry):
            tables.append(entry)
        elif left_out is not None and not entry.name.startswith((".", "~$")) and (
            entry.is_dir() or (entry.is_file() and (_without_suffix_of_its_kind(entry) or is_spreadsheet(entry) or is_json(entry)))
        ):
            left_out.append(entry)
    return tables


# Workbooks a folder of exports often holds beside its CSV files: named as left out (their
# sheets are tables to save as CSV), where other documents are skipped in silence.
SPREADSHEET_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xlsb", ".xls", ".ods", ".numbers"})


def is_spreadsheet(path: Path) -> bool:
    return path.suffix.lower() in SPREADSHEET_SUFFIXES


# JSON documents and JSON lines (Mixpanel's, Segment's and Amplitude's event exports are
# NDJSON): not read, but named as left out with how to make a table of them, where other
# documents are skipped in silence.
JSON_SUFFIXES = frozenset({".json", ".jsonl", ".ndjson"})


def is_json(path: Path) -> bool:
    """A JSON or JSON lines file by its name, compressed or not (``events.ndjson.gz``)."""
    return _decompressed_name(path).suffix.lower() in JSON_SUFFIXES


def json_to_parquet_hint(path: Path) -> str:
    """How to turn a JSON file into a table this server reads: DuckDB's read_json takes both
    a document's array of objects and one object per line."""
    source, target = _hint_literals(path)
    return (
        f"JSON is not read here; convert it to Parquet and profile that file:"
        f""" duckdb -c "COPY (FROM read_json({source})) TO {target}" (or export it as CSV)."""
    )


def keyed_records_hint(path: Path) -> str:
    """How to turn a JSON object of records keyed by an id (`opens_keyed_records`) into a
    table: read_json alone makes one row with a column for each record, so the object is read
    as one map (whatever its size) and unnested into a row for each record, its key first."""
    source, target = _hint_literals(path)
    records = f"read_json({source}, records=false, map_inference_threshold=0)"
    return (
        "JSON is not read here; this object holds a record under each key, so unnest them into rows in Parquet and"
        f""" profile that file: duckdb -c "COPY (SELECT key, record.* FROM (SELECT unnest(map_keys(json)) AS key,"""
        f""" unnest(map_values(json)) AS record FROM {records})) TO {target}" (or export it as CSV)."""
    )


def _hint_literals(path: Path) -> tuple[str, str]:
    """The JSON file and the Parquet file beside it as SQL literals, quoted: a name such as
    o'neil.json broke the hint's command at its apostrophe."""
    from datadossier.engine import quote_literal

    return quote_literal(str(path)), quote_literal(str(_decompressed_name(path).with_suffix(".parquet")))


def resolve_files(spec: str | Path, roots: list[Path], *, left_out: list[Path] | None = None) -> list[DataFile]:
    """Turn a file, a directory or a glob into the data files it names (the files of a
    folder or a pattern not read as tables added to ``left_out``, see `_tables_among`).

    Every file is checked against the roots after resolving symlinks, so a link inside a root
    that points outside it is refused like any other outside path.
    """
    text = str(spec)
    candidate = Path(text).expanduser()
    if any(ch in text for ch in "*?["):
        found = [Path(p) for p in sorted(glob.glob(str(candidate), recursive=True))]
        if not found:
            raise SourceError(f"No file matches the pattern {text}.", hint="Check the pattern and the directory.")
        # As in a folder: the notes and other files a pattern also matches are no tables.
        found = _within_roots(found, roots, left_out)
        matches, grouped = _grouped(_tables_among(found, left_out), text)
        if not matches:
            raise SourceError(
                f"The files matching {text} are no CSV or Parquet files.",
                hint="Supported: .csv, .tsv, .txt, .psv, .parquet and delimited text; name a file to read it whatever its name.",
            )
    elif candidate.is_dir():
        resolved = ensure_allowed(candidate, roots)
        if dataset_files(resolved):
            return [DataFile(path=resolved, format="parquet", table_name=table_name_for(candidate))]
        matches, grouped = _grouped(_tables_among(_within_roots(list(candidate.iterdir()), roots, left_out), left_out))
        matches.sort(key=lambda p: p.name.lower())
        if not matches:
            folders = sorted(p.name for p in candidate.iterdir() if p.is_dir() and not p.name.startswith("."))
            inside = (
                f" Its folders ({', '.join(folders[:5])}{', ...' if len(folders) > 5 else ''}) are not read:"
                " a folder's files are one source."
                if folders else ""
            )
            unread = sorted(p for p in candidate.iterdir() if p.is_file() and _without_suffix_of_its_kind(p))
            if unread:
                # Text whose first lines read as no table (or could not be read as one): named
                # alone, a file is read whatever its first lines, and any error says why.
                inside += (
                    f" Its files ({', '.join(p.name for p in unread[:5])}{', ...' if len(unread) > 5 else ''})"
                    f" do not read as tables from their first lines; profile one alone ({unread[0]}) to read it"
                    " anyway, or to see why it cannot be."
                )
            # (The glob names the files the folders hold: a Hugging Face dataset's data/ is of Parquet.)
            suffix = "*.parquet" if next(candidate.glob("*/*.parquet"), None) is not None else "*.csv"
            raise SourceError(
                f"The directory {candidate} holds no CSV or Parquet file.{inside}",
                hint=(
                    f"Profile each folder as a source ({candidate / folders[0]}), or name its files with a glob"
                    f" ({candidate / '*' / suffix}); "
                    if folders else "Point at a directory with .csv, .tsv or .parquet files, or at one file; "
                ) + "a partitioned Parquet dataset (folders named key=value) is read whole when its top folder is named.",
            )
    else:
        ensure_allowed(candidate, roots)
        if not candidate.exists():
            raise SourceError(f"No such file: {candidate}.", hint="Check the path; relative paths are read from the server's working directory.")
        matches, grouped = [candidate], {}

    names = _table_names(matches if len(matches) > 1 else [*matches, *_namesakes(matches[0])]) | grouped
    files: list[DataFile] = []
    for match in matches:
        resolved = ensure_allowed(match, roots)
        dataset = (resolved.is_dir() or is_pattern(resolved)) and bool(dataset_files(resolved))
        if not resolved.is_file() and not dataset:
            continue
        # A folder's or a pattern's files were listed by their name or content (`_table_in`),
        # a file named on its own is read whatever its name (a binary one is then refused).
        fmt = "parquet" if dataset else file_format(resolved) or sniffed_format(resolved, named=True) or "csv"
        files.append(DataFile(path=resolved, format=fmt, table_name=names[match]))
    if not files:
        raise SourceError(f"No data file found at {text}.", hint="Point at a .csv or .parquet file.")
    return files


def _within_roots(paths: list[Path], roots: list[Path], left_out: list[Path] | None) -> list[Path]:
    """The entries of a folder or a pattern that resolve under the roots; a link out of them
    (a folder's passwd.csv -> /etc/passwd) is left out, the others read. When none is left,
    the first is refused as a path of its own would be."""
    kept: list[Path] = []
    refused: list[Path] = []
    for path in paths:
        try:
            ensure_allowed(path, roots)
        except PathNotAllowedError:
            refused.append(path)
            continue
        kept.append(path)
    if refused and not kept:
        ensure_allowed(refused[0], roots)
    if left_out is not None:
        left_out.extend(refused)
    return kept


def copy_file(source: Path, target: Path) -> None:
    """Copy a data file into the workspace; a file gone meanwhile is a clear error."""
    import shutil

    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        shutil.copyfile(source, target)
    except FileNotFoundError as exc:
        raise SourceError(
            f"{source} disappeared before it could be read.", hint="Check the file still exists and profile it again."
        ) from exc
    except OSError as exc:
        raise SourceError(f"Cannot copy {source} into the workspace: {exc.strerror}.", hint="Check permissions and free disk space.") from exc


def out_of_space(original: Path, exc: Exception) -> SourceError | None:
    """The error to report when loading ``original`` failed for want of disk space (DuckDB
    writes a scratch stage, or spills, under the workspace); None for any other failure."""
    if "no space left" not in str(exc).lower():
        return None
    return SourceError(
        f"Loading {original} ran out of disk space: {str(exc).strip().splitlines()[0]}",
        hint="Free disk space where DATADOSSIER_HOME is: a run keeps a copy of the file and, for a "
        "file too big for memory, a scratch stage about as large.",
    )


def renamed_row_id(names: list[str] | tuple[str, ...]) -> dict[str, str]:
    """New names for the data's columns named ``_row_id`` (in any case, as DuckDB compares
    names): the layers number their rows in a column of that name, which would hide them.
    ``_row_id_1`` (or the first free ``_row_id_N``), as DuckDB itself names a duplicate."""
    taken = {n.lower() for n in names}
    out: dict[str, str] = {}
    for name in names:
        if name.lower() == "_row_id":
            number = 1
            while f"_row_id_{number}" in taken:
                number += 1
            out[name] = f"_row_id_{number}"
            taken.add(out[name])
    return out


def read_call(function: str, path: Path, options: dict[str, object]) -> str:
    """A ``read_csv``/``read_parquet`` call with inline literals, for view definitions, which
    cannot hold bound parameters. Values come from our own detection and settings, each
    quoted as a literal."""
    from datadossier.engine import quote_literal

    def literal(value: object) -> str:
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, int | float):
            return repr(value)
        if isinstance(value, list | tuple):
            return "[" + ", ".join(literal(v) for v in value) + "]"
        if isinstance(value, dict):
            return "{" + ", ".join(f"{quote_literal(str(k))}: {literal(v)}" for k, v in value.items()) + "}"
        return quote_literal(str(value))

    args = "".join(f", {key} = {literal(value)}" for key, value in options.items())
    return f"{function}({quote_literal(str(path))}{args})"
