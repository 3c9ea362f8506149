"""What key and relationship discovery reads and produces (plain data, no store or DuckDB)."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field
from typing import Any, Literal

Family = Literal["integer", "string", "float", "temporal", "boolean", "other"]


def bare(table: str) -> str:
    """The table's own name in ``source.table`` (names are read for meaning without the source)."""
    return table.split(".", 1)[-1]


def type_family(sql_type: str) -> Family:
    """The comparable kind of a DuckDB type: keys only ever join within one family."""
    t = sql_type.upper()
    if t in {"TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT", "UHUGEINT"}:
        return "integer"
    if t in {"VARCHAR", "UUID"} or t.startswith("VARCHAR"):
        return "string"
    if t in {"DOUBLE", "FLOAT", "REAL"} or t.startswith("DECIMAL"):
        return "float"
    if t.startswith(("DATE", "TIMESTAMP", "TIME", "INTERVAL")):
        return "temporal"
    if t == "BOOLEAN":
        return "boolean"
    return "other"


# Widths of text that is a digest or an address (see `ColumnStats.digest`): an MD5 of 32 hex
# digits up to a SHA-512 of 128.
DIGEST_WIDTHS = range(32, 129)


@dataclass(frozen=True, slots=True)
class ColumnStats:
    """One column of a typed layer, with what its latest profile says. ``table`` is the
    qualified ``source.table``."""

    table: str
    name: str
    position: int
    sql_type: str
    rows: int
    nulls: int
    distinct: int | None
    min_value: float | None = None
    max_value: float | None = None
    avg_length: float | None = None
    # The length every value has, when they all have one (codes: "01", "001", "AB12").
    fixed_length: int | None = None
    column_id: uuid.UUID | None = None
    table_label: str = ""  # the table's name as read for meaning (see ``with_labels``)
    # Its values are lists of items ("6210, 7470"; see `profiling.lists`).
    listed: bool = False
    # Whole numbers that other parts of its dataset write as codes of this width, with their
    # leading zeros (see `parts.zero_padded_parts`): read as those codes beside them.
    padded_width: int | None = None
    # Whole numbers of one width that another table of the source holds under the same name (see
    # `numbered.codes_named_alike`): numbers naming things both tables speak of, not a measure.
    named_alike: bool = False

    @property
    def family(self) -> Family:
        return type_family(self.sql_type)

    @property
    def non_null(self) -> int:
        return self.rows - self.nulls

    @property
    def digest(self) -> bool:
        """Text of one width, 32 to 128 characters: a hash or an address written in hex
        (Etherscan's Txhash and Dune's block_hash, "0x" and 64 hex digits; a BTC txid of 64; a
        wallet's address of 42), whatever its name. Free text and labels that long are never
        all of one width; these identify what they digest, as a UUID does, where text longer
        than 40 characters is otherwise no key and no reference."""
        return self.family == "string" and self.fixed_length in DIGEST_WIDTHS


@dataclass(frozen=True, slots=True)
class TableStats:
    """A table: ``name`` is ``source.table``, ``relation`` its quoted typed layer."""

    name: str
    relation: str
    rows: int
    columns: tuple[ColumnStats, ...]
    table_id: uuid.UUID | None = None
    label: str = ""  # the name as read for meaning (see ``with_labels``)

    @property
    def meaning(self) -> str:
        return self.label or bare(self.name)

    def column(self, name: str) -> ColumnStats:
        return next(c for c in self.columns if c.name == name)


# A period in a file's name: a year, a quarter or two ("q3q4"), a half, a month, a fiscal year
# (Divvy_Stations_2017_Q3Q4.csv, Divvy_Trips_2019_Q1.csv).
_PERIOD_WORD = re.compile(
    r"(?:1[89]|20)[0-9]{2}(?:q[1-4])?|q[1-4](?:q[1-4])*|h[12]|fy[0-9]{2,4}"
    r"|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec"
)


# Words that say what a file is, not what its rows are: left alone, they name no table
# (Dunnhumby's campaign_desc and campaign_table were read as "desc" and "table").
_FILE_WORDS = frozenset({
    "desc", "descr", "description", "descriptions", "table", "tables", "data", "list", "master", "info", "detail",
    "details", "lookup", "export", "dataset", "file", "extract", "dump", "main", "all", "normalized", "normalised",
})


def _says_what_file(ws: list[str]) -> bool:
    """Whether a name's words name no table: words of a file, or a letter alone (vitamin_d
    and vitamin_c are no "d" and "c")."""
    return all(w in _FILE_WORDS for w in ws) or (len(ws) == 1 and len(ws[0]) == 1)


# Levels a measure is grouped at, geographic or in time: files that differ only by one of them
# before a shared last word hold that word's rows at each level (the MIT Election Lab's
# county_pres and state_pres are presidential returns by county and by state, not counties
# and states).
_LEVEL_WORDS = frozenset({
    "national", "nation", "country", "state", "county", "city", "district", "precinct", "ward", "tract", "zip",
    "region", "regional", "municipal", "local", "daily", "weekly", "monthly", "quarterly", "yearly", "annual", "hourly",
})


def _levels_only(ws: list[str]) -> bool:
    """Whether a name's words are only the level its rows are grouped at (`_LEVEL_WORDS`)."""
    return all(w in _LEVEL_WORDS for w in ws)


def _without_versions(ws: tuple[str, ...]) -> list[str]:
    """A name's words without the run of versions that ends it, letters alone among them
    included: NCES's ccd_sch_052_2223_l_1a_083023 is ccd_sch, its l (the long layout, w the
    wide) no word of its rows. Only words that start with a digit are versions: Pew's
    atp_w119 and atp_w120 are two waves."""
    kept = list(ws)
    while len(kept) > 1 and (kept[-1][0].isdigit() or (len(kept[-1]) == 1 and len(kept) < len(ws))):
        kept.pop()
    return kept


def with_labels(tables: list[TableStats]) -> list[TableStats]:
    """Tables labelled for name matching: without the periods their names carry, the
    source's own name and a word that every table's name starts or ends with
    (``olist_orders_dataset``, ``olist_customers_dataset`` are read as ``orders`` and
    ``customers``; ``Divvy_Stations_2017_Q3Q4`` and ``Divvy_Trips_2019_Q1`` as ``stations``
    and ``trips``)."""
    from dataclasses import replace

    from datadossier.enrichment.naming import words

    # (Numbers alone are periods or parts too: metrics_2023_01's month, trips_part_3.)
    names = {
        t.name: [w for w in _without_versions(words(bare(t.name))) if not (_PERIOD_WORD.fullmatch(w) or w.isdigit())]
        or list(words(bare(t.name)))
        for t in tables
    }
    # (Several words at an end, each shared: NCES's ccd_sch_029_2223_w_1a_083023 and
    # ccd_lea_..._w_1a_... are read as sch and lea, not sch_w and lea_w.)
    for end in (0, -1):
        before = dict(names)
        while len(tables) >= 2 and all(len(ws) > 1 for ws in names.values()):
            if len({ws[end] for ws in names.values()}) != 1:
                break
            cut: dict[str, list[str]] = {n: ws[1:] if end == 0 else ws[:-1] for n, ws in names.items()}
            kept = {n for n, ws in cut.items() if _says_what_file(ws)}
            if len(kept) == len(cut):
                break  # (the shared word is the entity: Dunnhumby's campaign_desc, campaign_table)
            if end == -1 and all(_levels_only(ws) for ws in cut.values()):
                break  # (the shared last word names the rows, grouped by each level)
            # (A name whose rest is a file's words alone keeps the shared words: FAOSTAT's
            # Production_Crops_Livestock_E_All_Data_(Normalized), the data of its AreaCodes
            # and ItemCodes beside it, is no "all data normalized".)
            names = {n: before[n] if n in kept else ws for n, ws in cut.items()}
            if kept:
                break
    result: list[TableStats] = []
    for t in tables:
        label = "_".join(names[t.name]) or bare(t.name)
        columns = tuple(replace(c, table_label=label) for c in t.columns)
        result.append(replace(t, label=label, columns=columns))
    return result


@dataclass(frozen=True, slots=True)
class TableKeys:
    """The unique, non-null column sets of a table (minimal ones), and the chosen grain."""

    table: str
    keys: tuple[tuple[str, ...], ...]
    grain: tuple[str, ...] | None
    evidence: dict[str, Any] = field(default_factory=dict[str, Any])
    time_series: bool = False


@dataclass(slots=True)
class Link:
    """A foreign key found in the data: child columns -> parent key columns."""

    child_table: str
    child_columns: tuple[str, ...]
    parent_table: str
    parent_columns: tuple[str, ...]
    confidence: float
    cardinality: str  # '1:1' or 'n:1' (child to parent)
    kind: str  # 'foreign_key', 'hierarchy'
    evidence: dict[str, Any] = field(default_factory=dict[str, Any])

    @property
    def signature(self) -> tuple[str, tuple[str, ...], str, tuple[str, ...]]:
        return (self.child_table, self.child_columns, self.parent_table, self.parent_columns)


@dataclass(frozen=True, slots=True)
class Bridge:
    """A table whose grain is two foreign keys: an n:m link between their parents."""

    table: str
    left: Link
    right: Link
    attributes: int = 0  # columns besides the two keys

    @property
    def pure(self) -> bool:
        """Few columns of its own: the table only links (role "bridge" rather than "fact")."""
        return self.attributes <= 4


@dataclass(frozen=True, slots=True)
class Entity:
    """What a table holds, and its part in the schema."""

    table: str
    entity_type: str
    role: Literal["fact", "dimension", "bridge", "unknown"]
    confidence: float
    evidence: dict[str, Any]
