"""Foreign keys found in the data, chosen for the whole source at once.

1. Candidates: every (child column, parent key) pair of one type family (or a text code and a
   number, when the names agree), where the parent's
   distinct count and value range leave room for containment. A pair whose best possible
   score (all child values found) stays below the bar is dropped before any query: that is
   where small 1..N integer ranges, which contain each other by chance, are cut unless the
   names agree.
2. Exact check of the survivors: the child's distinct values, and how many the parent key
   holds (integrity); for a child of many values, also the share of its rows whose value the
   parent holds (row integrity), the higher of the two counting. One query per pair on the
   distinct values (with their row counts), not on all rows.
3. Score: integrity times the evidence that it is not chance, from the names
   (``naming.refers_to``) and from how specific the values are (long codes and sparse id
   ranges are; 1..N ranges and tiny code lists are not). See ``score``.
4. Choose globally: one parent per child column; between two unique columns only one
   direction (1:1); one link from a child table to a parent table unless names tell the
   roles apart, or another column holds the same specific codes (``role_siblings``);
   composite keys are matched only onto the parents' own unique column sets.
5. Bridges: a table whose grain is two foreign keys links its two parents n:m.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, replace
from itertools import product
from typing import TYPE_CHECKING, Any

from datadossier.engine import layer_relation, quote_ident
from datadossier.enrichment.join_paths import joins_normalized
from datadossier.enrichment.model import Bridge, ColumnStats, Link, TableKeys, TableStats, bare
from datadossier.enrichment.naming import (
    DESCRIPTIVE_WORDS,
    KEY_WORDS,
    core_words,
    entity_words,
    hierarchy_hint,
    is_descriptive,
    is_key_like,
    is_measure_like,
    is_placeholder,
    names_a_mailbox,
    names_a_rank,
    names_a_year,
    refers_back,
    refers_to,
    table_entity_words,
    words,
)
from datadossier.enrichment.normalized import (
    CHECK_DIGIT_CODE,
    DIGIT_GROUPS,
    LABEL,
    NORMALIZATIONS,
    NUMBER_NORMALIZATIONS,
    TEXT_NORMALIZATIONS,
    Normalization,
    describe,
    needed_steps,
    normalizations_of,
    normalized_key,
    one_sided_prefix,
    without_punctuation,
)
from datadossier.enrichment.parts import part_labels
from datadossier.inference.names import looks_like_phone, looks_like_postal, names_a_call_line

if TYPE_CHECKING:
    import duckdb

ACCEPT = 0.45
MIN_INTEGRITY = 0.5
MAX_CHILD_TEXT_LENGTH = 60.0
MAX_ID_TEXT_LENGTH = 128.0
# Children with at least this many distinct values are also judged by the share of their
# rows found in the parent (see `Candidate.best_integrity`); with fewer, one common value
# would decide.
ROW_INTEGRITY_MIN_DISTINCT = 50
# Such a child is checked against a parent holding at least this share of its distinct count.
MIN_ROW_PARENT_SHARE = 0.2
# Below this share of exact matches, normalizing is not tried, unless the columns are named
# alike (a county_fips written 1001 or 1001.0 beside counties' 01001: none matches as written).
MIN_NORMALIZED = 0.3
NAMED_ALIKE = 0.9
MAX_COMPOSITE_COMBINATIONS = 8
# Two tables keyed alike by an id and a row's place in its list share most of their pairs by
# chance: IMDb's akas (titleId, ordering) and principals (tconst, ordering) share 78%, the
# orderings of different lists. Such a composite child, unique in its table, needs (nearly)
# all of its pairs found; another (corrections of a store's day) or a repeated one (purchase
# orders' item and vendor) less.
ONE_TO_ONE_COMPOSITE_INTEGRITY = 0.99
_POSITION_WORDS = frozenset({"ordering", "ordinal", "order", "seq", "sequence", "position", "pos", "rank", "index", "idx", "line", "lineno"})


def _names_a_position(name: str) -> bool:
    """A row's place in a list (IMDb's ordering, a line number)."""
    return any(w in _POSITION_WORDS for w in words(name))
MIXED_SPECIFICITY = 0.5  # codes compared as numbers: text codes are specific, numbers less so
# The keys of tables of two sources (two datasets) are the same things only when their values
# say so: codes, sparse ids. Two stores' tables numbered 1..45 (Rossmann's and Walmart's)
# share nothing; a reference in one source to another's key still may (cust_id -> a CRM's
# customers), and a parent in the child's own source comes first (see `choose`).
CROSS_SOURCE_SPECIFICITY = 0.75
ORPHAN_EXAMPLES = 5


@dataclass(slots=True)
class Candidate:
    child: ColumnStats
    parent: ColumnStats
    name: float
    specificity: float
    integrity: float = 0.0
    normalized_integrity: float | None = None
    # Distinct child values found once normalized (see `_check_normalized`), and the slips
    # undone to find them.
    normalized_found: int = 0
    normalizations: tuple[Normalization, ...] = NORMALIZATIONS
    # The labels undone before the child's values ("Player Id: "), when `normalizations` say so.
    labels: tuple[str, ...] = ()
    # The letters one side writes before every value and the other leaves out ("N"), when
    # `normalizations` say so.
    prefix: str = ""
    # The child's values the join leaves that match once punctuation is ignored too, their
    # rows, and one of them beside its parent's value (see `_check_punctuation`).
    punctuation_found: int = 0
    punctuation_rows: int = 0
    punctuation_example: tuple[str, str] | None = None
    compared_as_numbers: bool = False
    sibling_of: str | None = None
    child_distinct: int = 0
    found: int = 0
    confidence: float = 0.0
    # Share of the child's rows (not values) whose value is in the parent.
    row_integrity: float | None = None
    # How many columns the parent's table has (see `_rank`).
    parent_width: int = 0
    # The parent column is its table's grain (see `_onto_grain_beside`).
    onto_grain: bool = False
    # The parent column groups its table's rows, each group's fields on its first row (see
    # `_grouping_columns`): the parent's rows are the group's lines.
    onto_group: bool = False
    # The parent column is its table's own name column, no key (see `_display_names`).
    onto_name: bool = False

    @property
    def best_integrity(self) -> float:
        """The integrity the score uses: by values, once normalized, or by rows when the
        child has many values (a few hundred ids of another scheme among a column's values,
        on a few percent of its rows, leave the reference standing)."""
        by_rows = self.row_integrity if self.child_distinct >= ROW_INTEGRITY_MIN_DISTINCT else None
        return max(self.integrity, self.normalized_integrity or 0.0, by_rows or 0.0)


def integrity_factor(integrity: float) -> float:
    """1 when (nearly) every child value is in the parent; falling to 0.45 at half of them."""
    if integrity >= 0.99:
        return 1.0
    if integrity < MIN_INTEGRITY:
        return 0.0
    return 0.45 + 0.55 * (integrity - MIN_INTEGRITY) / (0.99 - MIN_INTEGRITY)


def evidence_strength(name: float, specificity: float) -> float:
    """Names and values each make chance less likely; either alone can carry a link."""
    return 1.0 - (1.0 - 0.9 * name) * (1.0 - 0.85 * specificity)


def score(integrity: float, name: float, specificity: float) -> float:
    return round(integrity_factor(integrity) * evidence_strength(name, specificity), 4)


def value_specificity(child: ColumnStats, parent: ColumnStats) -> float:
    """How unlikely it is that the child's values fall inside the parent key by chance, 0..1."""
    distinct = child.distinct if child.distinct is not None else child.non_null
    if distinct <= 2:
        return 0.1
    if child.family == "string":
        if child.digest and child.fixed_length == parent.fixed_length:
            # A few hashes or addresses (a wallet's five counterparties "0x" and 40 hex digits
            # among the labelled addresses) are found in a key by no chance, however few.
            return LONG_CODE_SPECIFICITY
        if _few_prefixed_codes(child, parent):
            return FEW_CODES_SPECIFICITY  # (told apart from other few codes in `check_integrity`)
        if distinct <= 5 or (is_placeholder(child.name) and (distinct < HEADERLESS_TEXT_MIN_DISTINCT or distinct >= child.non_null)):
            return 0.4  # (without a header, a few codes found among another table's say little, nor a table's own ids)
        if is_placeholder(child.name) and distinct < HEADERLESS_MIN_DISTINCT:
            return 0.6  # (GeoNames' cities name a dozen countries and time zones, without a header)
        if child.fixed_length == 1:
            return SINGLE_CHARACTER_SPECIFICITY
        if (child.avg_length or 0.0) <= 2.5:
            return 0.6
        return LONG_CODE_SPECIFICITY if (child.fixed_length or 0) >= LONG_CODE_WIDTH else 0.9
    low, high = parent.min_value, parent.max_value
    parent_distinct = parent.distinct or parent.non_null
    if low is None or high is None or parent_distinct == 0:
        return 0.3
    if _headerless_reference(child, parent):
        return HEADERLESS_SPECIFICITY
    if is_placeholder(child.name) and distinct >= child.non_null:
        return 0.2  # without names, a unique child in another key's range: two tables numbered alike
    if is_placeholder(child.name) and not _spreads_over(child, parent, HEADERLESS_MIN_SPREAD):
        # Without names, ids huddled in a corner of a sparse key's range (OpenFlights' routes
        # name airlines 1..1500 among airports 1..9000) are more likely another table's.
        return 0.3
    density = min(1.0, parent_distinct / (high - low + 1))
    c_low, c_high = child.min_value, child.max_value
    if (
        density < 0.5 and c_low is not None and c_high is not None and c_low <= max(1.0, low + 0.1 * (high - low))
        and (c_high - c_low) < 0.25 * (high - low)
    ):
        # Small numbers at the start of a sparse key (a race's round 1..4 or circuitId 1..7
        # among Ergast's status ids 1..5, 11, 12, 20, ...): keys run densely from their start
        # more often than not, so landing there says little.
        return 0.2 * (0.6 if distinct <= 5 else 1.0)
    if density < 0.5:
        # Random integers inside the range would land on a parent value with p = density.
        spec = 1.0 - density ** min(distinct, 30)
    elif low <= max(1.0, 0.1 * (high - low)):
        spec = 0.2  # 1..N (or 5..604): every id column of every table looks like this
    else:
        spec = 0.75  # a dense range that starts elsewhere (1001..1300) is less common
    return spec * (0.6 if distinct <= 5 else 1.0)


# A few codes of one long width, as the parent key writes them, a prefix then digits: an SPC
# file's three part numbers MAT-6100, MAT-4711, MAT-8800 of a material master, a PRISM file's
# four GHCN stations USC00050848. Inspection and station files hold a few such codes, and a
# prefix and several digits all found in a key are no chance, as a few short codes would be.
FEW_CODES_SPECIFICITY = 0.6
PREFIXED_CODE_MIN_WIDTH = 6
_PREFIXED_CODE = "[A-Za-z]{1,5}[-_./ ]?[0-9]{3,}[A-Za-z]?"


def _few_prefixed_codes(child: ColumnStats, parent: ColumnStats) -> bool:
    """Whether a text child of a few values (3 to 5) is written as wide as every value of the
    parent key, a width that codes have: `FEW_CODES_SPECIFICITY` once its values show the
    shape of `_PREFIXED_CODE` (`check_integrity`)."""
    width = child.fixed_length
    return (
        child.family == parent.family == "string" and 2 < (child.distinct or 0) <= 5
        and width is not None and width >= PREFIXED_CODE_MIN_WIDTH and width == parent.fixed_length
    )


# Codes of one character run through the alphabet as ids run 1..N: any list of them holds
# another's (FedScope's age bands AGELVL A..K and salary bands SALLVL A..P, each with Z).
SINGLE_CHARACTER_SPECIFICITY = 0.2


# Text of one long width (a UUID's 36 characters, a hash's 32 or 40) found in a key is hardly
# found there by chance, where names and words are: a Last.fm scrobble's artist_mbid onto the
# gid of MusicBrainz's headerless artist dump, not its artist name onto the artist's names
# (thousands of them shared by different artists).
LONG_CODE_WIDTH = 20
LONG_CODE_SPECIFICITY = 0.97


# Without a header, a 1..N column of one table that repeats over another's rows and spans its
# range is all there is to tell a reference (TPC-H's and TPC-DS's generated files): such a
# child needs many values (a day of the month, 1..31, sits inside many short lists), a range
# over most of the parent's and a fifth of its values (OpenFlights' routes name 550 of the
# 6,000 airlines).
HEADERLESS_SPECIFICITY = 0.8
HEADERLESS_MIN_DISTINCT = 50
# Text without a header: codes repeated over the rows, this many at least, all found in a key.
HEADERLESS_TEXT_MIN_DISTINCT = 10
HEADERLESS_MIN_SPAN = 0.9
HEADERLESS_MIN_SHARE = 0.2
# ...and a child without a name spreads over this share of its parent's range at least.
HEADERLESS_MIN_SPREAD = 0.5


def _headerless_reference(child: ColumnStats, parent: ColumnStats) -> bool:
    """Whether an integer child without a name's evidence (`naming.is_placeholder`) has the
    shape of a reference to ``parent``: repeated values over most of its range."""
    if child.family != "integer" or not (is_placeholder(child.name) or is_placeholder(parent.name)):
        return False
    c_low, c_high, p_low, p_high = child.min_value, child.max_value, parent.min_value, parent.max_value
    child_distinct, parent_distinct = child.distinct or 0, parent.distinct or parent.non_null
    if None in (c_low, c_high, p_low, p_high) or child_distinct >= child.non_null:
        return False  # a unique child: two tables numbered alike
    span = p_high - p_low  # type: ignore[operator]
    return (
        min(child_distinct, parent_distinct) >= HEADERLESS_MIN_DISTINCT
        and child_distinct >= HEADERLESS_MIN_SHARE * parent_distinct
        and span > 0 and (c_high - c_low) >= HEADERLESS_MIN_SPAN * span  # type: ignore[operator]
    )


def name_evidence(child: ColumnStats, parent: ColumnStats, *, own_key: bool = False) -> float:
    if is_placeholder(child.name) or is_placeholder(parent.name):
        return 0.0  # a file without a header: values alone tell (`_headerless_reference`)
    name = refers_to(child.name, parent.table_label or bare(parent.table), parent.name, own_key=own_key)
    if child.table != parent.table:
        return name * _range_coverage_factor(child, parent)
    # Within one table, sharing the table's words (badge_holder in badge_swipes) says
    # nothing; only words of a hierarchy do (manager_id, parent_category_id, reports_to),
    # onto an identifier when the child is named as one (the UN's "Parent code" is no
    # reference to the row's "Index", whatever numbers they share); or the key's own name
    # after a word of reference (PayPal's "Reference Txn ID" onto its "Transaction ID").
    if refers_back(child.name, parent.name):
        return 0.8
    if not hierarchy_hint(child.name) or (is_key_like(child.name) and not is_key_like(parent.name)):
        return 0.0
    return 0.8 if name >= 0.8 else 0.7


def identifies_own_table(child: ColumnStats) -> bool:
    """Whether a column is named as the identifier of its own table's entity (item.i_item_id,
    orders.order_id): its values name that table's rows, and the same values in another
    table's key (TPC-DS writes the ids of its items and its customers alike) are no reference
    to it unless the names say so."""
    own = entity_words(child.name)
    return bool(own) and is_key_like(child.name) and own == table_entity_words(child.table_label or bare(child.table))


def _range_coverage_factor(child: ColumnStats, parent: ColumnStats) -> float:
    """0.5 when a child without a key word in its name spans a sliver of a dense id range
    (on_order 0..40 inside orders 1..20,000): references spread over their parent's ids,
    small amounts huddle at its start."""
    if child.family != "integer" or is_key_like(child.name):
        return 1.0
    c_low, c_high, p_low, p_high = child.min_value, child.max_value, parent.min_value, parent.max_value
    if c_low is None or c_high is None or p_low is None or p_high is None:
        return 1.0
    p_span = p_high - p_low
    if p_span <= 0:
        return 1.0
    return 0.5 if (c_high - c_low) / p_span < 0.05 else 1.0


def _child_ok(column: ColumnStats) -> bool:
    if column.family not in ("integer", "string") or column.non_null == 0:
        return False
    long_id = is_key_like(column.name) or column.digest  # (a token transfer's Txhash, 66 characters)
    if column.family == "string" and (column.avg_length or 0.0) > (MAX_ID_TEXT_LENGTH if long_id else MAX_CHILD_TEXT_LENGTH):
        return False  # (a SHA-256 in hex, H&M's customer_id, is 64 characters)
    if is_measure_like(column.name):
        return False  # film.length, quantity, sort_order: amounts
    if names_a_year(column.name):
        return False  # House Prices' YearBuilt 1872..2010 inside test.csv's Id 1461..2919: years
    if _holds_phone_numbers(column):
        return False  # Care Compare's Telephone Number: the same facility's, beside its Facility ID
    return not (is_descriptive(column.name) and not is_key_like(column.name))


def _holds_phone_numbers(column: ColumnStats) -> bool:
    """Whether a column is named for phone numbers, which repeat their holder's identifier:
    not a call record's lines (MSISDN, A_NUMBER, the key its subscribers are listed by, see
    `names_a_call_line`), nor a cell that is no phone (`_names_a_cell`)."""
    return looks_like_phone(column.name) and not names_a_call_line(column.name) and not _names_a_cell(column)


# Key words of a number to call: "cell_no" is a phone, "cell_id" is not.
_NUMBER_WORDS = frozenset({"no", "nr", "nbr", "num", "number"})
# Seven digits: the shortest subscriber number with its area code.
_PHONE_MIN = 1_000_000


def _names_a_cell(column: ColumnStats) -> bool:
    """Whether "cell" names a thing rather than a mobile phone: a radio cell of a network (a
    CDR's CELL_ID, an OSS counter export's CellId, the key every call, counter and drive test
    joins its cell inventory by) or a single-cell barcode (scRNA-seq's cell_id
    "AAACCTGAGC012345T"). So when an identifier's word ends the name, or its numbers are
    too short to call (CELL 26953)."""
    ws = words(column.name)
    if "cell" not in ws or looks_like_phone(" ".join(w for w in ws if w != "cell")):
        return False  # (Cell Phone, cell_mobile: a phone whatever else)
    if ws[-1] in KEY_WORDS and ws[-1] not in _NUMBER_WORDS:
        return True
    return column.family == "integer" and column.max_value is not None and column.max_value < _PHONE_MIN


# A descriptive name over values this short holds codes: the S&P 500 prices' `Name` holds
# tickers (AAL, AAPL), a `Country` ISO codes. Such a column may reference another table's grain.
SHORT_CODE_LENGTH = 5.0


def _codes_under_a_name(column: ColumnStats) -> bool:
    """Whether a column named as a description (Name, Country) holds short codes instead, or
    identifiers (`_ids_under_a_name`)."""
    return (
        column.family == "string" and column.non_null > 0 and is_descriptive(column.name)
        and not is_measure_like(column.name)
        and ((column.avg_length or 0.0) <= SHORT_CODE_LENGTH or _ids_under_a_name(column))
    )


def _ids_under_a_name(column: ColumnStats) -> bool:
    """Whether a descriptive name holds values of one long width, which names of places and
    people seldom share: PRISM's multi-location export heads its locations "Name", and users
    write a station's GHCN id there (USC00050848). Such a column may reference an identifier
    of that width only (see `candidate_pairs`)."""
    return (column.fixed_length or 0) >= PREFIXED_CODE_MIN_WIDTH and (column.avg_length or 0.0) > SHORT_CODE_LENGTH


def _names_a_lookup(column: ColumnStats, name_keys: set[tuple[str, ...]]) -> bool:
    """Whether a column that names no identifier is named as a key of another table is: a
    lookup keyed by a name, or a table whose grain is named like a measure (the UK road
    safety data's Accident_Index, the key of its accidents)."""
    return (
        column.family in ("string", "integer") and column.non_null > 0 and words(column.name) in name_keys
        and (column.avg_length or 0.0) <= MAX_CHILD_TEXT_LENGTH
    )


def _names_an_entity_key(column: ColumnStats, entity_keys: set[tuple[str, ...]]) -> bool:
    """Whether a column named as a description of a thing (a historian's TagName) is named,
    but for the description's word, as the key of the table that lists those things (the
    tags file keyed by Tag): its values are those keys (tag paths, point names)."""
    ws = words(column.name)
    kept = tuple(w for w in ws if w not in DESCRIPTIVE_WORDS)
    return (
        column.family in ("string", "integer") and column.non_null > 0 and bool(kept) and len(kept) < len(ws)
        and kept in entity_keys and (column.avg_length or 0.0) <= MAX_CHILD_TEXT_LENGTH
    )


def _names_a_thing(key: ColumnStats) -> bool:
    """Whether a table's grain is named for the thing each row is: its table's entity (the tags
    file's Tag), or a thing named bare, without an identifier's word (PI's pi_points, PIPoint
    or points files keyed by Tag, which a historian's archive names TagName)."""
    own = entity_words(key.name)
    return bool(own) and (own == table_entity_words(key.table_label or bare(key.table)) or not is_key_like(key.name))


def _comparable_as_numbers(child: ColumnStats, parent: ColumnStats) -> bool:
    """An integer on one side, a short code on the other (zip codes, ids with leading zeros)."""
    text = child if child.family == "string" else parent
    return {child.family, parent.family} == {"integer", "string"} and (text.avg_length or 0.0) <= 20


# Codes of one width on the text side, numbers that fit it on the other: as specific as text
# codes are (see `value_specificity`).
WRITTEN_ALIKE_SPECIFICITY = 0.9
WRITTEN_ALIKE_MIN_WIDTH = 4
WRITTEN_NARROWER_MIN_NAME = 0.5


def _written_alike(child: ColumnStats, parent: ColumnStats, name: float) -> bool:
    """Whether numbers pointing at a key of text codes are those codes written as numbers:
    the codes all of one width (four digits or more), the numbers as wide (CMS's Texas CCNs
    450001..., beside the text "010001" of a file with Alabama's too), or narrower under a
    name that partly agrees (SEC's CIK 320193 beside cik_str "0000320193"). Not text pointing
    at numbers: a dense key of numbers holds any code of digits by chance."""
    width = parent.fixed_length
    low, high = child.min_value, child.max_value
    if child.family != "integer" or width is None or width < WRITTEN_ALIKE_MIN_WIDTH or low is None or high is None:
        return False
    return low >= 0 and high < 10**width and (low >= 10 ** (width - 1) or name >= WRITTEN_NARROWER_MIN_NAME)


def _ranges_meet(child: ColumnStats, parent: ColumnStats) -> bool:
    if child.family != "integer":
        return True
    if None in (child.min_value, child.max_value, parent.min_value, parent.max_value):
        return True
    return not (child.max_value < parent.min_value or child.min_value > parent.max_value)  # type: ignore[operator]


def candidate_pairs(tables: list[TableStats], keys: dict[str, TableKeys]) -> list[Candidate]:
    """Every (child column, single-column parent key) pair worth an exact check."""
    # (A row counter numbers its own file's rows: freMTPL2freq's VehPower, 4..15, fell among
    # the row names R wrote before freMTPL2sev's claims. See `keys.find_keys`.)
    parents = [
        t.column(k[0])
        for t in tables
        for k in keys[t.name].keys
        if len(k) == 1 and t.column(k[0]).family in ("integer", "string") and keys[t.name].evidence.get("row_counter") != k[0]
    ] + [c for t in tables for c in keys_but_for(t, keys[t.name])]
    shown = [c for t in tables for c in _display_names(t) if c not in parents]
    shown_names = {(c.table, c.name) for c in shown}
    parents += shown
    grouping = [c for t in tables for c in _grouping_columns(t, keys[t.name]) if c not in parents]
    grouping_names = {(c.table, c.name) for c in grouping}
    parents += grouping
    grains = {(t.name, g[0]) for t in tables if (g := keys[t.name].grain) is not None and len(g) == 1}
    # A table of one row per day (the bike sharing data's day.csv by dteday, Favorita's oil
    # prices by date) is a lookup for the days of other tables named alike.
    days = [t.column(k[0]) for t in tables for k in keys[t.name].keys if len(k) == 1 and _a_day(t.column(k[0]))]
    # Names that key a lookup table may be referenced under the same name elsewhere.
    name_keys = {
        words(p.name) for p in parents
        if is_descriptive(p.name) or ((p.table, p.name) in grains and is_measure_like(p.name))
    }
    # Keys named for their table's entity (tags.Tag), or a thing's bare name (pi_points.Tag):
    # referenced as the thing's name too.
    entity_keys = {words(p.name) for p in parents if (p.table, p.name) in grains and _names_a_thing(p)}
    schemas = {t.name: schema_of(t) for t in tables}
    widths = {t.name: len(t.columns) for t in tables}
    result: list[Candidate] = []
    for table in tables:
        for child in table.columns:
            if names_a_rank(child.name):
                continue  # a place in its own table's ordering
            if _a_day(child):
                result += _day_candidates(child, days, schemas, widths)
                continue
            codes_only = (
                not _child_ok(child) and not _names_a_lookup(child, name_keys) and not _names_an_entity_key(child, entity_keys)
            )
            if codes_only and not _codes_under_a_name(child):
                continue
            for parent in parents:
                if parent is child or partitions(schemas, child.table, parent.table):
                    continue
                if codes_only and (parent.table, parent.name) not in grains:
                    continue  # short codes under a description's name: only onto a table's grain
                if codes_only and _ids_under_a_name(child) and not (
                    is_key_like(parent.name) and parent.fixed_length == child.fixed_length
                ):
                    continue  # ids under a name: only onto an identifier written as wide
                mixed = parent.family != child.family
                if mixed and not _comparable_as_numbers(child, parent):
                    continue
                child_distinct = child.distinct or child.non_null
                parent_distinct = parent.distinct or parent.non_null
                # Too few parent values to hold half the child's, unless the child has so many
                # that most of its rows may still be found (`Candidate.best_integrity`).
                least = MIN_ROW_PARENT_SHARE if child_distinct >= ROW_INTEGRITY_MIN_DISTINCT else MIN_INTEGRITY * 0.9
                if (parent_distinct < least * child_distinct and not _zip_plus_four(child, parent)) or not _ranges_meet(child, parent):
                    continue
                shown_name = (parent.table, parent.name) in shown_names
                onto_group = (parent.table, parent.name) in grouping_names
                own_key = (parent.table, parent.name) in grains or shown_name or onto_group
                name = name_evidence(child, parent, own_key=own_key)
                if onto_group and (child.table == parent.table or name < DISPLAY_NAME_MIN_NAME):
                    continue  # a group's name is cited by a reference named for its table only
                if shown_name and (child.table == parent.table or name < DISPLAY_NAME_MIN_NAME):
                    continue  # a name is cited by a reference named for its table only
                if name == 0.0 and identifies_own_table(child):
                    continue  # item.i_item_id among customer.c_customer_id: ids written alike
                if child.table == parent.table and name == 0.0:
                    continue  # a self-reference needs a name that says so (manager_id, parent_id)
                if (child.distinct or 0) < 2 and name < 0.9:
                    continue  # one value (every film in language 1): only a clear name makes a link
                alike = mixed and _written_alike(child, parent, name)
                if mixed and name < 0.7 and not alike:
                    continue  # codes typed differently on each side: only when the names agree
                spec = (WRITTEN_ALIKE_SPECIFICITY if alike else MIXED_SPECIFICITY) if mixed else value_specificity(child, parent)
                if score(1.0, name, spec) < ACCEPT:
                    continue
                unique_child = child.distinct is not None and child.distinct >= child.non_null
                if unique_child and spec < CROSS_SOURCE_SPECIFICITY and source_of(child.table) != source_of(parent.table):
                    continue
                onto_grain = (parent.table, parent.name) in grains
                result.append(Candidate(
                    child, parent, name, spec, parent_width=widths[parent.table], onto_grain=onto_grain, onto_group=onto_group,
                    onto_name=shown_name,
                ))
    return result


# A table's name column is a parent only of a reference whose name names the table this
# well (`_display_names`): ServiceNow's incident.cmdb_ci onto cmdb_ci.name.
DISPLAY_NAME_MIN_NAME = 0.6
# ...and only when unique over this many rows: a few names are unique by chance.
DISPLAY_NAME_MIN_ROWS = 20


def _display_names(table: TableStats) -> list[ColumnStats]:
    """A table's own name column (`name`, or its entity's name: `ci_name` of cmdb_ci), filled
    and unique on every row, which no key names, being descriptive: ServiceNow's list exports
    write a reference field as its display value, the CI's name (incident.cmdb_ci holds
    SRV-4392-LON, cmdb_ci.name's), not its sys_id."""
    own = table_entity_words(table.meaning)
    return [
        c for c in table.columns
        if c.family == "string" and not c.nulls and c.non_null >= DISPLAY_NAME_MIN_ROWS and c.distinct == c.non_null == c.rows
        and (core := core_words(c.name)) and core[-1] == "name" and entity_words(" ".join(core[:-1])) in ((), own)
        and (c.avg_length or 0.0) <= MAX_CHILD_TEXT_LENGTH
    ]


def _grouping_columns(table: TableStats, found: TableKeys) -> list[ColumnStats]:
    """The column grouping a table's rows whose fields stand on each group's first row alone
    (`filled.first_row_fields`): Shopify's orders export at line-item grain, Name "#1001" on
    every line of the order, its Email and Total on the first. It names the table's own
    things, as a key would, which Shopify's transactions export (Order) and GA4's
    transaction_id cite: a parent whose rows are the group's lines (n:1 onto the group)."""
    filled: object = found.evidence.get("first_row_fields")
    group = filled.get("group") if isinstance(filled, dict) else None  # pyright: ignore[reportUnknownMemberType, reportUnknownVariableType]
    if not isinstance(group, str):
        return []
    column = table.column(group)
    return [column] if column.family in ("integer", "string") else []


def keys_but_for(table: TableStats, found: TableKeys) -> list[ColumnStats]:
    """Identifiers that would key their table but for empty values (on three rows in four at
    most, or more when many values are written, see `_filled_enough`), a few repeated values
    or copies of rows, which a reference
    may still point at: the police's street crimes by Crime ID (empty for anti-social
    behaviour, which has no outcome), NBA games by GAME_ID (three rows written twice)."""
    keyed = {k[0] for k in found.keys if len(k) == 1}
    columns: list[ColumnStats] = []
    beside: object = found.evidence.get("key_without_duplicates")
    if isinstance(beside, list):
        names = [str(name) for name in beside]  # pyright: ignore[reportUnknownVariableType, reportUnknownArgumentType]
        if len(names) == 1 and names[0] not in keyed:
            columns.append(table.column(names[0]))
    columns += [
        c for c in table.columns
        if c.name not in keyed and c not in columns and c.distinct is not None
        and (
            ((is_key_like(c.name) or _unnamed_code(c)) and ((c.nulls and c.distinct == c.non_null) or _all_but_a_few(c)))
            or ((_specific_values(c) or _names_its_table(c)) and _all_but_a_few(c))
        )
        and _filled_enough(c)
    ]
    return [c for c in columns if c.family in ("integer", "string")]


def _filled_enough(column: ColumnStats) -> bool:
    """Whether an identifier is written on enough rows to key them: a quarter of its table's
    rows, or fewer when it is unique over many values all the same (OurAirports' iata_code,
    empty for the small fields that have none, unique over the 9,000 airports that do, which
    every flight's ORIGIN and DEST cite)."""
    if SPARSE_KEY_SHARE * column.rows <= column.non_null:
        return True
    return column.distinct == column.non_null and column.non_null >= SPARSE_KEY_MIN_VALUES


def _specific_values(column: ColumnStats) -> bool:
    """Values too specific to repeat by chance, whatever the name says of keys: e-mail
    addresses (Chargebee's customers.Email, one address of 600 on two records, which
    Mixpanel's distinct_id and Zendesk's Requester email cite) and UUIDs. Not names of
    people or firms, nor small numbers, which repeat on their own."""
    return column.family == "string" and (column.sql_type.upper() == "UUID" or names_a_mailbox(column.name))


def _names_its_table(column: ColumnStats) -> bool:
    """Whether a column is named, bare, for the thing its table lists: a WMS item master's
    `Item` (Manhattan's and Blue Yonder's exports head it so), which every inventory, receipt
    and order line cites, as they would a SKU. No identifier's word says it is a key; its
    table's name does. Not a description of the thing (`Item Description`)."""
    own = entity_words(column.name)
    table = table_entity_words(column.table_label or bare(column.table))
    return (
        column.family in ("integer", "string") and len(own) == 1 and own[0] in table
        and not is_descriptive(column.name) and not is_measure_like(column.name)
    )


def _unnamed_code(column: ColumnStats) -> bool:
    """A headerless file's column of short text (OpenFlights' airports.dat: IATA codes, unique
    but empty for many airports), which may be an identifier though no name says so."""
    return is_placeholder(column.name) and column.family == "string" and (column.avg_length or 0.0) <= SHORT_CODE_LENGTH


# An identifier empty on most rows may still key those it is written on, a quarter of them at
# least: the Chadwick register's key_retro beside its key_mlbam and key_bbref (Retrosheet's ids
# for 44% of the people), which every game log points at.
SPARSE_KEY_SHARE = 0.25
# ...or on fewer, when it holds this many values at least, each once: a few values unique
# among many empty cells (three cancellation ids) key nothing a reference would cite.
SPARSE_KEY_MIN_VALUES = 20
# An identifier whose values are unique but for this share of them (and this many at most)
# is still what references point at (Shopify's products by Variant SKU, four of 1,862 written
# twice); the links say so (`parent_repeats`).
NEAR_KEY_REPEATS_SHARE = 0.01
NEAR_KEY_REPEATS_MAX = 100


def _all_but_a_few(column: ColumnStats) -> bool:
    repeats = column.non_null - (column.distinct or 0)
    return 0 < repeats <= min(NEAR_KEY_REPEATS_MAX, NEAR_KEY_REPEATS_SHARE * column.non_null)


# Days match days in any two tables of one period: only a name that says so links them.
DAY_SPECIFICITY = 0.3
DAY_MIN_NAME = 0.9


def _a_day(column: ColumnStats) -> bool:
    return column.sql_type.upper() == "DATE" and column.non_null > 0


def _day_candidates(
    child: ColumnStats, days: list[ColumnStats], schemas: dict[str, dict[str, str]], widths: dict[str, int],
) -> list[Candidate]:
    """A date column's candidate links to the tables of one row per day, named alike, from a
    column holding its days several times (the bike sharing data's hours): two series of one
    row per day (FRED's downloads by DATE) are aligned in time, neither a lookup of the other,
    and neither is one of several parts of a dataset (a file per ticker)."""
    found: list[Candidate] = []
    if child.distinct is None or child.distinct >= child.non_null:
        return found
    for parent in days:
        if parent.table == child.table or partitions(schemas, child.table, parent.table):
            continue
        if any(partitions(schemas, parent.table, other) for other in schemas):
            # One of several series of the same columns (Yahoo's prices, a file per ticker):
            # which one a day of another table would look up, nothing says.
            continue
        name = name_evidence(child, parent, own_key=True)
        if name >= DAY_MIN_NAME and score(1.0, name, DAY_SPECIFICITY) >= ACCEPT:
            found.append(Candidate(child, parent, name, DAY_SPECIFICITY, parent_width=widths[parent.table]))
    return found


def source_of(table: str) -> str:
    """The source of a table's qualified name (``source.table``)."""
    return table.split(".", 1)[0]


# Type families a column may take in one part of a dataset and another in the next (whole
# prices one month, cents the next), compared as one.
_PART_FAMILIES = {"integer": "number", "float": "number"}


def schema_of(table: TableStats) -> dict[str, str]:
    """A table's column names, as compared between tables (case aside), each with its type
    family ("" for a column without values; text for numbers other parts write as padded
    codes); a placeholder name with the family too (files without headers are alike only if
    typed alike)."""
    return {
        f"{c.name.lower()}:{c.family}" if is_placeholder(c.name) else c.name.lower():
            ("string" if c.padded_width else _PART_FAMILIES.get(c.family, c.family)) if c.non_null else ""
        for c in table.columns
    }


def partitions(schemas: dict[str, dict[str, str]], a: str, b: str) -> bool:
    """Whether two tables of a source have the same columns, typed alike where both hold
    values: parts of one dataset (a file per year, per indicator), whose shared values are
    no reference from one to the other. BTS's lookups all head their columns "Code",
    "Description", airports' codes numbers and carriers' letters: no parts of one. Periods
    of one dataset whose later files added a column or two (the TLC's trips of 2023-03 with
    `airport_fee`) are parts too, when their names differ by the period alone (see
    `_periods_apart`)."""
    one, other = schemas[a], schemas[b]
    if a == b or len(one) < 2 or len(other) < 2:
        return False
    shared = one.keys() & other.keys()
    if any(one[k] and other[k] and one[k] != other[k] for k in shared):
        return False
    if one.keys() == other.keys():
        # Files without a header are alike by their types alone: parts only when their names
        # differ by a period or a number too (UCI HAR's features.txt and activity_labels.txt,
        # a number and a name each, are two lookups, not one dataset).
        return not all(":" in k for k in one) or _periods_apart(bare(a), bare(b))
    added = abs(len(one) - len(other))
    return (
        shared in (one.keys(), other.keys()) and len(shared) >= 2
        and added <= max(2, len(shared) // 4) and _periods_apart(bare(a), bare(b))
    )


def typed_apart(schemas: dict[str, dict[str, str]], a: str, b: str) -> dict[str, tuple[str, str]]:
    """Of two tables whose headers name the same columns (four or more), those typed apart,
    each with its type family in ``a`` and in ``b``: no parts of one dataset (`partitions`),
    but an agent reading one should know of the other (amazon.de's settlement beside the US
    ones, its dd.mm.yyyy dates read as text). Empty when the names differ or the types agree."""
    one, other = schemas[a], schemas[b]
    if a == b or one.keys() != other.keys() or len(one) < 4 or any(":" in k for k in one):
        return {}
    return {k: (one[k], other[k]) for k in one if one[k] and other[k] and one[k] != other[k]}


def _periods_apart(a: str, b: str) -> bool:
    """Whether two table names differ by a piece holding digits alone, what a file per
    period or per part writes (``metrics_2023_01``, ``metrics_2023_02``)."""
    labels = part_labels([a, b])
    return labels != [a, b] and all(any(ch.isdigit() for ch in label) for label in labels)


def check_integrity(con: duckdb.DuckDBPyConnection, relations: dict[str, str], candidates: list[Candidate]) -> None:
    """Fill integrity (share of the child's distinct values found in the parent) in place."""
    by_child: dict[tuple[str, str], list[Candidate]] = {}
    for cand in candidates:
        by_child.setdefault((cand.child.table, cand.child.name), []).append(cand)
    parents_written: dict[tuple[str, str], _Written] = {}
    for (table, column), group in by_child.items():
        col = quote_ident(column)
        con.execute(
            f"CREATE OR REPLACE TEMP TABLE _dd_values AS SELECT {col} AS v, count(*) AS c "
            f"FROM {relations[table]} WHERE {col} IS NOT NULL GROUP BY 1"
        )
        distinct = con.execute("SELECT count(*), sum(c) FROM _dd_values").fetchone()
        assert distinct is not None
        child_written: _Written | None = None
        for cand in group:
            parent_col = f"p.{quote_ident(cand.parent.name)}"
            on = f"d.v = {parent_col}"
            if cand.child.family != cand.parent.family:
                # One side is text ("00042"), the other a number (42): compared as numbers.
                on = f"TRY_CAST(d.v AS BIGINT) = TRY_CAST({parent_col} AS BIGINT)"
                cand.compared_as_numbers = True
            row = con.execute(
                f"SELECT count(*), sum(c) FROM _dd_values d SEMI JOIN {relations[cand.parent.table]} p ON {on}"
            ).fetchone()
            assert row is not None
            if cand.specificity == FEW_CODES_SPECIFICITY and _few_prefixed_codes(cand.child, cand.parent):
                shaped = con.execute(f"SELECT bool_and(regexp_full_match(v, '{_PREFIXED_CODE}')) FROM _dd_values").fetchone()
                if not (shaped and shaped[0]):
                    cand.specificity = 0.4  # a few codes of another shape (words, dates): as any few codes
            cand.child_distinct = int(distinct[0])
            cand.found = int(row[0])
            cand.integrity = cand.found / cand.child_distinct if cand.child_distinct else 0.0
            cand.row_integrity = int(row[1] or 0) / int(distinct[1]) if distinct[1] else None
            if cand.compared_as_numbers and cand.integrity < 0.99:
                if child_written is None:
                    child_written = _written(con, "_dd_values", "v")
                parent_key = (cand.parent.table, cand.parent.name)
                if parent_key not in parents_written:
                    parents_written[parent_key] = _written(con, relations[cand.parent.table], quote_ident(cand.parent.name))
                if _digit_groups(child_written if cand.child.family == "string" else parents_written[parent_key]):
                    _check_normalized(con, relations, cand, steps=NUMBER_NORMALIZATIONS)
            if cand.child.family == cand.parent.family == "string" and cand.integrity < 0.99:
                if child_written is None:
                    child_written = _written(con, "_dd_values", "v")
                parent_key = (cand.parent.table, cand.parent.name)
                if parent_key not in parents_written:
                    parents_written[parent_key] = _written(con, relations[cand.parent.table], quote_ident(cand.parent.name))
                parent_written = parents_written[parent_key]
                prefix = _apparent_slip(cand, child_written, parent_written)
                if (
                    cand.integrity >= MIN_NORMALIZED or cand.name >= NAMED_ALIKE or prefix is not None
                    or _zip_plus_four(cand.child, cand.parent) or _hex_alike(cand.child, cand.parent)
                ):
                    check_digit = _check_digit_on_one_side(child_written, parent_written) or _check_digit_on_one_side(
                        parent_written, child_written
                    )
                    _check_normalized(con, relations, cand, prefix or "", check_digit=check_digit)
            cand.confidence = score(cand.best_integrity, cand.name, cand.specificity)
    con.execute("DROP TABLE IF EXISTS _dd_values")


def _hex_alike(child: ColumnStats, parent: ColumnStats) -> bool:
    """Digests of one width on both sides (see `ColumnStats.digest`), which may differ in case
    alone: Etherscan writes an address in its EIP-55 checksum case ("0xA4C123B1..."), Dune and
    BigQuery in lower case, so none may match as written."""
    return child.digest and parent.digest and child.fixed_length == parent.fixed_length


@dataclass(frozen=True, slots=True)
class _Written:
    """How a text column's values are written: its least and greatest value (what every
    value starts with, they start with) and whether any has capitals, any small letters."""

    low: str
    high: str
    upper: bool
    lower: bool

    @property
    def one_case(self) -> str:
        """"upper" or "lower" when every letter of the values is of that case, else ""."""
        return "upper" if self.upper and not self.lower else "lower" if self.lower and not self.upper else ""


def _written(con: duckdb.DuckDBPyConnection, relation: str, column: str) -> _Written:
    column = f"CAST({column} AS VARCHAR)"  # (also of a number beside text codes)
    row = con.execute(
        f"SELECT min({column}), max({column}), coalesce(bool_or({column} <> lower({column})), false),"
        f" coalesce(bool_or({column} <> upper({column})), false) FROM {relation} WHERE {column} IS NOT NULL"
    ).fetchone()
    assert row is not None
    return _Written(str(row[0] or ""), str(row[1] or ""), bool(row[2]), bool(row[3]))


# A prefix one side writes is the difference of the two sides' lengths, within this much
# (the tail numbers a month of flights names average a little longer or shorter than the
# registry's), less than a letter: codes as long on both sides carry no prefix.
PREFIX_LENGTH_SLACK = 0.5


def _apparent_slip(cand: Candidate, child: _Written, parent: _Written) -> str | None:
    """Whether the two sides' values, few or none of them equal as written, look like one
    code written two ways, worth matching once normalized whatever the names say: a prefix
    of letters on every value of one side only, returned (BTS's TAIL_NUM "N101DQ" onto the
    FAA registry's N-NUMBER "101DQ", which drops the N), or each side in one case, not the
    same (OpenSky's icao24 "a0b1c2" onto the registry's MODE S CODE HEX "A0B1C2"): "".
    None when neither."""
    child_length, parent_length = cand.child.avg_length, cand.parent.avg_length
    if child_length is not None and parent_length is not None:
        for written, other, longer in ((child, parent, child_length - parent_length), (parent, child, parent_length - child_length)):
            prefix = one_sided_prefix((written.low, written.high), (other.low, other.high))
            if prefix and abs(longer - len(prefix)) <= PREFIX_LENGTH_SLACK:
                return prefix
    if child.one_case and parent.one_case and child.one_case != parent.one_case:
        return ""
    if _check_digit_on_one_side(child, parent) or _check_digit_on_one_side(parent, child):
        return ""
    return None


def _check_digit_on_one_side(written: _Written, other: _Written) -> bool:
    """Whether one side writes a check digit after every code (its least and greatest value
    "03000000-1" and "90910000-9", the CPV 2008 list's) and the other the codes alone, as wide
    (TED's CPV "03000000".."90910000")."""
    sides = (written.low, written.high), (other.low, other.high)
    if not all(re.fullmatch(CHECK_DIGIT_CODE, v) for v in sides[0]) or not all(v.isdigit() for v in sides[1]):
        return False
    return {len(v) - 2 for v in sides[0]} == {len(v) for v in sides[1]}


def _digit_groups(written: _Written) -> bool:
    """Whether a text side writes its codes as groups of digits (its least and greatest value
    "16/101,117" and "29/100,000", PatentsView's application numbers), which the number side
    writes as one."""
    return all(re.fullmatch(DIGIT_GROUPS, v) for v in (written.low, written.high))


def _check_normalized(
    con: duckdb.DuckDBPyConnection,
    relations: dict[str, str],
    cand: Candidate,
    prefix: str = "",
    steps: tuple[Normalization, ...] | None = None,
    *,
    check_digit: bool = False,
) -> None:
    """Integrity once both sides are normalized (by ``steps``, those of text keys unless
    given; ``prefix``, letters one side writes before its values, set aside too; a check digit
    too when ``check_digit``, one side writing one after every code and the other none); kept
    apart from the exact integrity (a JOIN on the raw values still misses those rows). Not
    when the slips the matches need make two of the parent's values one: the join would meet
    both."""
    parent = f"p.{quote_ident(cand.parent.name)}"
    if steps is None:
        extra = {"zip_plus_four"} if _zip_plus_four(cand.child, cand.parent) else set[Normalization]()
        if check_digit:
            extra.add("check_digit")
        steps = tuple(n for n in NORMALIZATIONS if n in TEXT_NORMALIZATIONS or n in extra)
    row = con.execute(
        f"SELECT count(*) FROM _dd_values d SEMI JOIN {relations[cand.parent.table]} p "
        f"ON {normalized_key('d.v', steps, prefix)} = {normalized_key(parent, steps, prefix)}"
    ).fetchone()
    assert row is not None
    found = int(row[0])
    as_written = f"TRY_CAST(d.v AS BIGINT) = TRY_CAST({parent} AS BIGINT)" if cand.compared_as_numbers else f"d.v = {parent}"
    needed: tuple[Normalization, ...] = ()
    if found > cand.found:
        # (Told on the values found only once normalized: those found as written need nothing.)
        needed = needed_steps(
            con,
            f"SELECT d.v FROM _dd_values d ANTI JOIN {relations[cand.parent.table]} p ON {as_written}",
            f"SELECT {parent} AS v FROM {relations[cand.parent.table]} p",
            steps,
            prefix,
        )
    if needed and not _parent_collapses(con, relations[cand.parent.table], parent, needed, prefix):
        cand.normalized_integrity = found / cand.child_distinct
        cand.normalized_found = found
        cand.normalizations = needed
        if "label" in cand.normalizations:
            cand.labels = _labels(con)
        if "prefix" in cand.normalizations:
            cand.prefix = prefix
    if max(found, cand.found) < cand.child_distinct and not cand.compared_as_numbers:
        _check_punctuation(con, relations, cand)


def _parent_collapses(
    con: duckdb.DuckDBPyConnection, relation: str, parent: str, steps: tuple[Normalization, ...], prefix: str
) -> bool:
    """Whether the parent's key (``parent`` of ``relation``) has fewer distinct values once
    normalized by ``steps`` than as written: shipments "100001-1" and "100001-2" read as one
    order, Salesforce's case-sensitive ids "0015g00000AbCdE" and "0015g00000aBcDe" as one once
    lower-cased. A join on them would meet both rows of each, multiplying the child's."""
    written = f"CAST({parent} AS VARCHAR)"
    row = con.execute(
        f"SELECT count(DISTINCT {written}), count(DISTINCT {normalized_key(written, steps, prefix)}) FROM {relation} p"
    ).fetchone()
    return row is not None and int(row[1]) < int(row[0])


def _check_punctuation(con: duckdb.DuckDBPyConnection, relations: dict[str, str], cand: Candidate) -> None:
    """The child's values the link's join leaves that match once punctuation is ignored too:
    a blotter's upper-cased "CALPINE ENERGY SERVICES LP" beside the counterparty register's
    "Calpine Energy Services, L.P.", joined on lower() and still an orphan. Counted and said,
    not joined on (see `without_punctuation`)."""
    relation, parent = relations[cand.parent.table], f"p.{quote_ident(cand.parent.name)}"
    if joins_normalized(cand.integrity, cand.normalized_integrity):
        joined = f"{normalized_key('d.v', cand.normalizations, cand.prefix)} = {normalized_key(parent, cand.normalizations, cand.prefix)}"
    else:
        joined = f"d.v = {parent}"
    bare = without_punctuation("d.v")
    row = con.execute(
        f"SELECT count(*), sum(c), arg_max(v, c) FROM (SELECT d.v, d.c FROM _dd_values d SEMI JOIN {relation} p"
        f" ON {bare} = {without_punctuation(parent)} AND {bare} <> '') d ANTI JOIN {relation} p ON {joined}"
    ).fetchone()
    if row is None or not row[0]:
        return
    cand.punctuation_found, cand.punctuation_rows = int(row[0]), int(row[1] or 0)
    example = con.execute(
        f"SELECT min({parent}) FROM {relation} p WHERE {without_punctuation(parent)} = {without_punctuation('?')}", [row[2]]
    ).fetchone()
    if example is not None and example[0] is not None:
        cand.punctuation_example = (str(row[2]), str(example[0]))


def _zip_plus_four(child: ColumnStats, parent: ColumnStats) -> bool:
    """Whether a column named for postal codes may hold ZIP+4s (98103-2345) beside the five
    digits a ZIP key writes: an MLS's PostalCode, NPPES's and the IRS's ZIPs, with the +4 on
    some rows. Its distinct values, a ZIP's many +4s, are then far more than the ZIPs they name."""
    return (
        child.family == parent.family == "string" and parent.fixed_length == 5 and looks_like_postal(child.name)
        and (child.avg_length or 0.0) > 5
    )


# Labels named in a link's evidence, at most.
MAX_LABELS = 3


def _labels(con: duckdb.DuckDBPyConnection) -> tuple[str, ...]:
    """The labels written before the child's values (`normalized.LABEL`), the most common first:
    Helpshift's "Player Id: " before a quarter of its player ids, which the join undoes."""
    rows = con.execute(
        f"SELECT regexp_extract(v, '{LABEL}') AS label FROM _dd_values WHERE regexp_matches(v, '{LABEL}')"
        f" GROUP BY 1 ORDER BY sum(c) DESC, 1 LIMIT {MAX_LABELS}"
    ).fetchall()
    return tuple(str(r[0]) for r in rows)


def link_evidence(cand: Candidate, *, unique_child: bool) -> dict[str, Any]:
    """The numbers behind a checked candidate's link: its integrity, orphans and scores."""
    evidence: dict[str, Any] = {
        "child_distinct": cand.child_distinct,
        "found_in_parent": cand.found,
        "integrity": round(cand.integrity, 4),
        "orphan_values": cand.child_distinct - cand.found,
        **({"row_integrity": round(cand.row_integrity, 4)} if cand.row_integrity is not None else {}),
        "name_score": round(cand.name, 2),
        "value_specificity": round(cand.specificity, 2),
        "parent_distinct": cand.parent.distinct,
        "child_unique": unique_child,
    }
    if cand.parent.distinct is not None and cand.parent.distinct < cand.parent.non_null:
        evidence["parent_repeats"] = cand.parent.non_null - cand.parent.distinct
    if cand.child.nulls:
        # (Rows without a reference, guest payments without a customer: an inner join drops them.)
        evidence.update(child_nulls=cand.child.nulls, child_rows=cand.child.rows)
    if cand.parent.nulls:
        # (A key empty on some of its rows, USAspending's recipients without a DUNS since 2022:
        # a path walking out of the parent on it drops them.)
        evidence.update(parent_nulls=cand.parent.nulls, parent_rows=cand.parent.rows)
    return evidence


def link_from(cand: Candidate) -> Link:
    """The link of a chosen candidate, its evidence filled."""
    unique_child = cand.child_distinct == cand.child.non_null
    evidence = link_evidence(cand, unique_child=unique_child)
    if cand.sibling_of is not None:
        evidence["same_domain_as"] = cand.sibling_of
    if cand.onto_group:
        evidence["parent_grain"] = (
            f"{cand.parent.table} is at a finer grain: several rows (lines) per {cand.parent.name}, its own"
            f" fields on the first (first_row_fields); keep one row per {cand.parent.name} before joining"
        )
    if cand.compared_as_numbers and "as_text" in cand.normalizations and joins_normalized(cand.integrity, cand.normalized_integrity):
        evidence["compared_as_numbers"] = "one side is text, the other a number: the join compares both as text, normalized"
    elif cand.compared_as_numbers:
        evidence["compared_as_numbers"] = "one side is text, the other a number: joins need TRY_CAST(... AS BIGINT)"
    if cand.normalized_integrity is not None:
        evidence["normalized_integrity"] = round(cand.normalized_integrity, 4)
        evidence["normalizations"] = list(cand.normalizations)
        evidence["normalized_matches"] = f"ignoring {describe(cand.normalizations, cand.labels, cand.prefix)}"
        if cand.labels:
            evidence["labels"] = list(cand.labels)
        if cand.prefix:
            evidence["prefix"] = cand.prefix
        if joins_normalized(cand.integrity, cand.normalized_integrity):
            # (The join SQL normalizes: its orphans are those left then, the e-mails that
            # differ only in case being no orphans of it.)
            evidence["orphan_values_as_written"] = evidence["orphan_values"]
            evidence["orphan_values"] = cand.child_distinct - cand.normalized_found
            evidence["found_in_parent_normalized"] = cand.normalized_found
    if cand.punctuation_found:
        evidence["found_ignoring_punctuation"] = cand.punctuation_found
        evidence["rows_found_ignoring_punctuation"] = cand.punctuation_rows
        if cand.punctuation_example is not None:
            evidence["punctuation_example"] = list(cand.punctuation_example)
    return Link(
        child_table=cand.child.table,
        child_columns=(cand.child.name,),
        parent_table=cand.parent.table,
        parent_columns=(cand.parent.name,),
        confidence=cand.confidence,
        cardinality="1:1" if unique_child else "n:1",
        kind="hierarchy" if cand.child.table == cand.parent.table else "foreign_key",
        evidence=evidence,
    )


def _within_source(cand: Candidate) -> bool:
    return source_of(cand.child.table) == source_of(cand.parent.table)


def _rank(cand: Candidate) -> tuple[float, float, float, bool, int, int]:
    # Among equal candidates: a reference goes to the largest table (the entity itself, not a
    # subset of it); a unique child, a subtype (SalesPerson of Employee of Person), to the
    # smallest one that holds it, its direct supertype. Of tables as large, the wider is the
    # parent: Home Credit's sample_submission (an id and a target) extends application_test,
    # not the other way round.
    unique_child = cand.child_distinct == cand.child.non_null
    size = -cand.parent.rows if unique_child else cand.parent.rows
    return (cand.confidence, cand.name, cand.integrity, _owns_name(cand.parent), size, cand.parent_width)


# Of two columns of one table pointing at one parent, the one whose rows the parent does not
# hold (a tenth or more) counts this much less.
ROW_LOSS_PENALTY = 0.05


def _rank_beside_siblings(cand: Candidate) -> tuple[float, float, float, bool, int, int]:
    """`_rank`, less `ROW_LOSS_PENALTY` for a child a tenth of whose rows find no parent:
    Inside Airbnb's listings name their neighbourhood twice, neighbourhood_cleansed (every
    row found in neighbourhoods.csv) and host_neighbourhood (a third of the rows), and the
    two scored alike; the second is then left out when most of its rows find no parent."""
    confidence, name, integrity, owns, size, width = _rank(cand)
    penalty = ROW_LOSS_PENALTY if _rows_found(cand) < 0.9 else 0.0
    return (confidence - penalty, name, integrity, owns, size, width)


def _rows_found(cand: Candidate) -> float:
    """The share of the child's rows whose value the parent holds (of its values, when the
    rows were not counted)."""
    return cand.row_integrity if cand.row_integrity is not None else cand.integrity


# Between the two directions of one pair of unique columns, a confidence this close is a tie
# that the parent's name breaks.
DIRECTION_TIE = 0.05


def _stronger(cand: Candidate, other: Candidate) -> bool:
    """Whether ``cand`` explains a pair of columns better than ``other``. Of the two
    directions between unique columns, the parent is the table named for the key's entity
    (countries for "Country Code") when the confidences are about equal: a lookup that lacks
    one code (the World Bank's metadata without "INX") is still the parent of the data."""
    reverse = (cand.child.table, cand.child.name) == (other.parent.table, other.parent.name)
    if reverse and abs(cand.confidence - other.confidence) <= DIRECTION_TIE:
        owns, other_owns = _owns_name(cand.parent), _owns_name(other.parent)
        if owns != other_owns:
            return owns
    return _rank(cand) > _rank(other)


def _owns_name(parent: ColumnStats) -> bool:
    """Whether the parent column names its own table's entity (film_id in film, not in
    film_category): between two equal sets of values, that table is the parent."""
    own = entity_words(parent.name)
    table = table_entity_words(parent.table_label or bare(parent.table))
    return bool(own) and bool(table) and own[-1] == table[-1]


def _accidental_one_to_one(cand: Candidate) -> bool:
    """A unique child inside a 1..N key is what two unrelated id columns look like (every
    1..20,000 range sits inside a 1..100,000 one): a 1:1 split needs its name to say so."""
    unique_child = cand.child_distinct == cand.child.non_null
    return unique_child and cand.specificity <= 0.2 and cand.name < 0.8


Pair = tuple[str, str, str, str]  # (child table, child column, parent table, parent column)


def _pair(cand: Candidate) -> Pair:
    return cand.child.table, cand.child.name, cand.parent.table, cand.parent.name


def choose(candidates: list[Candidate], rejected: set[Pair] | None = None) -> list[Candidate]:
    """The set of single-column links that explains the source best (see the module doc).
    A column whose link a person ``rejected`` gets no parent of the same key either (the
    table the rejected parent was split from, or split into: the same rows by another name)."""
    accepted = [
        c for c in candidates
        if c.best_integrity >= MIN_INTEGRITY and c.confidence >= ACCEPT
        and not _accidental_one_to_one(c)
    ]
    # Between two unique columns that contain each other, only the stronger direction.
    pair_best: dict[frozenset[tuple[str, str]], Candidate] = {}
    for cand in accepted:
        pair = frozenset({(cand.child.table, cand.child.name), (cand.parent.table, cand.parent.name)})
        if pair not in pair_best or _stronger(cand, pair_best[pair]):
            pair_best[pair] = cand
    accepted = list(pair_best.values())
    # A parent key that is itself a 1:1 child of another key is a split of that table; when a
    # child fits both about equally, the link goes to the table it was split from.
    one_to_one = {
        (c.child.table, c.child.name): (c.parent.table, c.parent.name)
        for c in accepted
        if c.child_distinct == c.child.non_null and c.integrity >= 0.99 and _within_source(c)
    }
    if rejected:
        said_no = {(c_table, c_name): (p_table, p_name) for c_table, c_name, p_table, p_name in rejected}

        def same_key(a: tuple[str, str], b: tuple[str, str] | None) -> bool:
            return b is not None and (one_to_one.get(a) == b or one_to_one.get(b) == a)

        accepted = [
            c for c in accepted
            if not same_key((c.parent.table, c.parent.name), said_no.get((c.child.table, c.child.name)))
        ]
    best: dict[tuple[str, str], Candidate] = {}
    # A parent in the child's own source first: a link to another source adds to a source's
    # links, it does not replace one.
    for cand in sorted(accepted, key=lambda c: (_within_source(c), _rank(c)), reverse=True):
        key = (cand.child.table, cand.child.name)
        current = best.get(key)
        if current is None:
            best[key] = cand
            continue
        root = one_to_one.get((current.parent.table, current.parent.name))
        if (
            cand.child_distinct != cand.child.non_null
            and root == (cand.parent.table, cand.parent.name)
            and cand.confidence >= current.confidence - 0.1
            and cand.name >= current.name
        ):
            best[key] = cand
    # One link per (child table, parent table) unless each link's name names its parent
    # (billing_customer_id and shipping_customer_id both point at customers), or names the
    # parent's other key as it is named there (the European Soccer Database's team_api_id
    # and team_fifa_api_id, each a key of Team).
    by_tables: dict[tuple[str, str], list[Candidate]] = {}
    for cand in best.values():
        by_tables.setdefault((cand.child.table, cand.parent.table), []).append(cand)
    chosen: list[Candidate] = []
    for group in by_tables.values():
        # (A parent's key before a column of it unique but for a few values: eBird's checklists
        # by SAMPLING EVENT IDENTIFIER, not by OBSERVER ID, three observers of 300 named twice.)
        # (A table's name column only where no key of it is cited: an order line's product_name
        # beside its product_code onto the products is a copy of the name, not a second link.)
        group.sort(key=lambda c: (not c.onto_name, not _parent_repeats(c), *_rank_beside_siblings(c)), reverse=True)
        chosen.append(group[0])
        chosen.extend(
            c for c in group[1:]
            if not c.onto_name and ((c.name >= 0.6 and c.parent.name == group[0].parent.name and _rows_found(c) >= 0.5)
                or (c.name >= 0.9 and c.parent.name != group[0].parent.name and _named_as_parent_key(c))
                or _unnamed_sibling(c, group[0]) or _onto_grain_beside(c, group[0]) or _another_hierarchy(c, group[0])
                or _digest_of_parent(c))
            and (_parent_repeats(group[0]) or not _parent_repeats(c))
        )
    return chosen


def _onto_grain_beside(cand: Candidate, first: Candidate) -> bool:
    """Whether a link onto the parent's grain stands beside the first one chosen, onto another
    key of the parent: a CDR's A_NUMBER onto the subscribers' MSISDN beside its IMEI onto their
    IMEI (the handset's, which changes when a SIM moves to a new phone). Only when every value
    is found and the values are specific (codes, sparse ids), where two columns finding all
    their values in two keys of one table is no chance."""
    return (
        cand.onto_grain and not first.onto_grain and cand.best_integrity >= 0.99
        and cand.specificity >= CROSS_SOURCE_SPECIFICITY and _rows_found(cand) >= 0.99
    )


def _another_hierarchy(cand: Candidate, first: Candidate) -> bool:
    """Whether a second self-reference, onto another key of the table, is a hierarchy of its
    own: Jira's exports link a sub-task to its parent by Parent id (onto Issue id) and a
    story to its epic by Custom field (Epic Link) (onto Issue key). Each column's name says
    it points at another row (`name_evidence`: no self-reference is a candidate otherwise),
    and every value is found."""
    return (
        cand.child.table == cand.parent.table and first.child.table == first.parent.table
        and cand.child.name != first.child.name and cand.best_integrity >= 0.99
    )


def _unnamed_sibling(cand: Candidate, first: Candidate) -> bool:
    """Whether a headerless file's second column onto the parent key the first one found holds
    that key's values as fully (OpenFlights' routes: source and destination airports; the
    FEC's contributions: the committee and the other committee): no name can say so."""
    return (
        is_placeholder(cand.child.name) and is_placeholder(first.child.name)
        and (cand.parent.table, cand.parent.name) == (first.parent.table, first.parent.name)
        and cand.integrity >= 0.9 and _rows_found(cand) >= 0.9
    )


def _parent_repeats(cand: Candidate) -> bool:
    """Whether the parent column repeats a few values (a key but for them, `_all_but_a_few`)."""
    return cand.parent.distinct is not None and cand.parent.distinct < cand.parent.non_null


def _named_as_parent_key(cand: Candidate) -> bool:
    """Whether a child column is named as its parent column is, a key word in it."""
    return words(cand.child.name) == words(cand.parent.name) and is_key_like(cand.child.name)


def _digest_of_parent(cand: Candidate) -> bool:
    """Whether a digest is named as the parent's digest after the parent's entity, and every
    value is found: Dune's transactions.block_hash onto blocks.hash beside their block_number
    onto blocks.number (a block's two keys; "hash" says no key word, so the name is weak)."""
    child, parent = words(cand.child.name), words(cand.parent.name)
    entity = table_entity_words(cand.parent.table_label or bare(cand.parent.table))
    return (
        cand.child.digest and cand.parent.digest and bool(entity) and child == (*entity, *parent)
        and cand.best_integrity >= 0.99
    )


def role_siblings(
    con: duckdb.DuckDBPyConnection,
    relations: dict[str, str],
    tables: list[TableStats],
    chosen: list[Candidate],
) -> list[Candidate]:
    """Other columns of a child table that hold values of the same specific domain as one of
    its links: flights.origin beside flights.dest -> airports.faa, from_account beside
    to_account. Only for domains whose values say something (codes, sparse ids), only when
    every value is found, and only columns that are not linked already."""
    by_name = {t.name: t for t in tables}
    linked = {(c.child.table, c.child.name) for c in chosen}
    found: list[Candidate] = []
    for link in chosen:
        if link.specificity < 0.75 or link.child.table == link.parent.table:
            continue
        parent = link.parent
        for column in by_name[link.child.table].columns:
            if (column.table, column.name) in linked or column.family != link.child.family or not _child_ok(column):
                continue
            if (column.distinct or 0) < 2 or (column.distinct or 0) > (parent.distinct or parent.non_null) * 1.05:
                continue
            if column.family == "string" and abs((column.avg_length or 0) - (link.child.avg_length or 0)) > 0.3 * (
                link.child.avg_length or 1
            ):
                continue  # not the same kind of code
            if not _ranges_meet(column, parent) or not _spreads_over(column, parent):
                continue
            if is_placeholder(column.name) and not _headerless_reference(column, parent):
                continue  # no name to tell a role by: the shape of a reference, at least
            cand = Candidate(column, parent, name=0.6, specificity=link.specificity)
            check_integrity(con, relations, [cand])
            if cand.integrity >= 0.99:
                cand.sibling_of = link.child.name
                linked.add((column.table, column.name))
                found.append(cand)
    return found


def _spreads_over(child: ColumnStats, parent: ColumnStats, share: float = 0.05) -> bool:
    """Whether integer values span ``share`` of the parent's range (line numbers 1..7 inside
    order keys up to 150,000 do not); text codes always may."""
    if child.family != "integer":
        return True
    c_low, c_high, p_low, p_high = child.min_value, child.max_value, parent.min_value, parent.max_value
    if c_low is None or c_high is None or p_low is None or p_high is None or p_high == p_low:
        return True
    return (c_high - c_low) / (p_high - p_low) >= share


def _orphan_rows(con: duckdb.DuckDBPyConnection, relations: dict[str, str], link: Link) -> None:
    """Count the child rows whose value has no parent, with a few example values."""
    if link.evidence.get("orphan_values") == 0 and not link.evidence.get("orphan_values_as_written"):
        link.evidence["orphan_rows"] = 0  # every distinct value was found: no row query needed
        return
    child = relations[link.child_table]
    parent = relations[link.parent_table]
    on = _orphan_join(link, normalized=False)
    not_null = " AND ".join(f"c.{quote_ident(a)} IS NOT NULL" for a in link.child_columns)
    if "found_in_parent_normalized" in link.evidence:
        # Rows as written counted apart; the orphans are those the normalizing join leaves.
        row = con.execute(f"SELECT count(*) FROM {child} c ANTI JOIN {parent} p ON {on} WHERE {not_null}").fetchone()
        link.evidence["orphan_rows_as_written"] = int(row[0]) if row else 0
        on = _orphan_join(link, normalized=True)
    row = con.execute(f"SELECT count(*) FROM {child} c ANTI JOIN {parent} p ON {on} WHERE {not_null}").fetchone()
    assert row is not None
    link.evidence["orphan_rows"] = int(row[0])
    if row[0]:
        cols = ", ".join(f"c.{quote_ident(a)}" for a in link.child_columns)
        examples = con.execute(
            f"SELECT DISTINCT {cols} FROM {child} c ANTI JOIN {parent} p ON {on} WHERE {not_null} "
            f"ORDER BY ALL LIMIT {ORPHAN_EXAMPLES}"
        ).fetchall()
        link.evidence["orphan_examples"] = [
            json_value(r[0]) if len(r) == 1 else [json_value(v) for v in r] for r in examples
        ]
        if len(link.child_columns) == 1:
            _orphans_in_quarantine(con, child, parent, on, not_null, link)


def _orphan_join(link: Link, *, normalized: bool) -> str:
    """The ON clause of a link's child rows (``c``) and parent rows (``p``), on the values as
    the join SQL compares them (`join_paths.join_sql`)."""
    if normalized:
        steps, prefix = normalizations_of(link.evidence), str(link.evidence.get("prefix") or "")
        child, parent = f"c.{quote_ident(link.child_columns[0])}", f"p.{quote_ident(link.parent_columns[0])}"
        return f"{normalized_key(child, steps, prefix)} = {normalized_key(parent, steps, prefix)}"
    mixed = bool(link.evidence.get("compared_as_numbers"))
    return " AND ".join(
        f"TRY_CAST(c.{quote_ident(a)} AS BIGINT) = TRY_CAST(p.{quote_ident(b)} AS BIGINT)"
        if mixed
        else f"c.{quote_ident(a)} = p.{quote_ident(b)}"
        for a, b in zip(link.child_columns, link.parent_columns, strict=True)
    )


def _orphans_in_quarantine(con: duckdb.DuckDBPyConnection, child: str, parent: str, on: str, not_null: str, link: Link) -> None:
    """Orphan values that are keys of parent rows held in the parent's quarantine layer (a
    game whose release date failed its type: its reviews are no orphans, the typed layer
    lacks it): counted apart, as ``orphans_in_quarantine``."""
    import duckdb

    source, table = link.parent_table.split(".", 1)
    quarantine = layer_relation("quarantine", source, table)
    column, key = quote_ident(link.child_columns[0]), quote_ident(link.parent_columns[0])
    try:
        row = con.execute(
            f"SELECT count(DISTINCT c.{column}) FROM (SELECT c.* FROM {child} c ANTI JOIN {parent} p ON {on} WHERE {not_null}) c"
            f" SEMI JOIN {quarantine} q ON CAST(c.{column} AS VARCHAR) = trim(q.{key})"
        ).fetchone()
    except duckdb.Error:
        return  # (no quarantine layer: a database's table)
    if row and row[0]:
        link.evidence["orphans_in_quarantine"] = int(row[0])


def json_value(value: object) -> object:
    """A value as JSON can hold it (dates of a composite key become ISO text)."""
    return value if isinstance(value, int | float | str) or value is None else str(value)


def composite_links(
    con: duckdb.DuckDBPyConnection,
    tables: list[TableStats],
    keys: dict[str, TableKeys],
    singles: list[Link],
) -> list[Link]:
    """Foreign keys of 2-3 columns onto the parents' composite keys.

    A child column can stand for a parent key column when both hold references to the same
    key (``timesheets.emp`` and ``assignments.employee_id`` both point at ``employees``) or
    when the names agree. Only those mappings are checked, at most a few per key."""
    by_name = {t.name: t for t in tables}
    relations = {t.name: t.relation for t in tables}
    target_of = {(link.child_table, link.child_columns[0]): (link.parent_table, link.parent_columns[0]) for link in singles}
    schemas = {t.name: schema_of(t) for t in tables}
    result: list[Link] = []
    for parent in tables:
        for key in [*keys[parent.name].keys, *_near_composite(keys[parent.name])]:
            if len(key) < 2:
                continue
            for child in tables:
                if child.name == parent.name or partitions(schemas, child.name, parent.name):
                    continue
                # A set holding the child's own key is unique because of that key alone: any
                # pairing of it with another reference looks like a 1:1 link by construction.
                own_keys = {k[0] for k in keys[child.name].keys if len(k) == 1}
                options: list[list[tuple[str, float]]] = []
                for part in key:
                    pcol = parent.column(part)
                    matches: list[tuple[str, float]] = []
                    for ccol in child.columns:
                        if ccol.family != pcol.family or ccol.name in own_keys:
                            continue
                        shared = target_of.get((child.name, ccol.name))
                        same_target = shared is not None and shared == target_of.get((parent.name, part))
                        name = 1.0 if words(ccol.name) == words(part) else refers_to(ccol.name, parent.meaning, part, own_key=True)
                        if name < 0.8 and _qualified_alike(ccol.name, part):
                            name = 0.8  # (Amazon's settlement's order-id, its orders report's amazon-order-id)
                        if not same_target and name < 0.7 and _lone_dates(child, ccol, parent, pcol):
                            name = 0.7  # (Fitbit's sleep by Id and SleepDay, its activity by Id and ActivityDate)
                        if same_target or name >= 0.7:
                            matches.append((ccol.name, max(name, 0.8 if same_target else 0.0)))
                    options.append(matches)
                if any(not m for m in options):
                    continue
                combos = [c for c in product(*options) if len({n for n, _ in c}) == len(c)]
                for combo in combos[:MAX_COMPOSITE_COMBINATIONS]:
                    repeats = 0 if key in keys[parent.name].keys else int(keys[parent.name].evidence["near_key_repeats"])
                    link = _check_composite(con, relations, by_name[child.name], parent, key, combo, repeats)
                    if link is not None:
                        result.append(link)
    # One composite link per (child table, parent table): the best, the shorter on a tie (a
    # unique pair of a parent also makes every triple holding it unique).
    best: dict[tuple[str, str], Link] = {}
    for link in result:
        k = (link.child_table, link.parent_table)
        if k not in best or (link.confidence, -len(link.child_columns)) > (best[k].confidence, -len(best[k].child_columns)):
            best[k] = link
    # Between two tables keyed alike, one direction of a 1:1 link where one side holds all of
    # the other's pairs and not the reverse (a meter's days in two files of different spans;
    # PJM's day-ahead and real-time hourly prices, one real-time hour missing of 3,672); both
    # where each holds all of the other's (the General Social Survey's two files of the same
    # respondents: peers).
    chosen = list(best.values())
    return [link for link in chosen if not any(_fuller_reverse(other, link) for other in chosen)]


def _fuller_reverse(other: Link, link: Link) -> bool:
    """Whether ``other`` is ``link`` the other way round, all its child's pairs found where
    ``link``'s are not. Told by the orphans counted, not the rounded integrity: one pair of
    3,672 missing is an integrity of 0.9997, of 100,000 one of 1.0."""
    if (other.child_table, other.parent_table) != (link.parent_table, link.child_table):
        return False
    if set(other.child_columns) != set(link.parent_columns) or set(other.parent_columns) != set(link.child_columns):
        return False
    integrity, its_integrity = (float(x.evidence.get("integrity") or 0.0) for x in (other, link))
    orphans, its_orphans = (int(x.evidence.get("orphan_values") or 0) for x in (other, link))
    return integrity >= 0.99 and (its_integrity < 0.99 or orphans == 0 < its_orphans)


def _qualified_alike(a: str, b: str) -> bool:
    """Whether one name is the other with a word before it, both naming an identifier: a key
    qualified by who issued it (Amazon's orders report heads its order ids amazon-order-id,
    its settlement report order-id; a merchant's own are merchant-order-id there)."""
    wa, wb = words(a), words(b)
    shorter, longer = (wa, wb) if len(wa) < len(wb) else (wb, wa)
    return (
        len(shorter) >= 2 and len(longer) == len(shorter) + 1 and longer[1:] == shorter
        and is_key_like(a) and is_key_like(b)
    )


def _lone_dates(child: TableStats, ccol: ColumnStats, parent: TableStats, pcol: ColumnStats) -> bool:
    """Whether two columns are each their table's only date (or time) column, of one type:
    the day two tables keyed by an id and a day both record, whatever each calls it."""
    if ccol.family != "temporal" or pcol.family != "temporal" or ccol.sql_type != pcol.sql_type:
        return False
    return all(sum(c.family == "temporal" for c in t.columns) == 1 for t in (child, parent))


def _near_composite(found: TableKeys) -> list[tuple[str, ...]]:
    """A parent's composite near key (see `keys._near_key_within`), which references may
    cite as they cite a column unique but for a few values: a course catalog's (subject,
    catalog_nbr) with three courses listed twice, cited by the class sections. The link says
    how many rows repeat (``parent_repeats``), so a join warns of them."""
    near: list[str] = found.evidence.get("near_key") or []
    if len(near) < 2 or not found.evidence.get("near_key_repeats"):
        return []
    key = tuple(near)
    return [] if key in found.keys else [key]


def _check_composite(
    con: duckdb.DuckDBPyConnection,
    relations: dict[str, str],
    child: TableStats,
    parent: TableStats,
    key: tuple[str, ...],
    combo: tuple[tuple[str, float], ...],
    repeats: int = 0,
) -> Link | None:
    child_cols = [n for n, _ in combo]
    select = ", ".join(f"{quote_ident(c)} AS v{i}" for i, c in enumerate(child_cols))
    not_null = " AND ".join(f"{quote_ident(c)} IS NOT NULL" for c in child_cols)
    on = " AND ".join(f"d.v{i} = p.{quote_ident(k)}" for i, k in enumerate(key))
    row = con.execute(
        f"WITH d AS (SELECT DISTINCT {select} FROM {relations[child.name]} WHERE {not_null}) "
        f"SELECT (SELECT count(*) FROM d), (SELECT count(*) FROM d SEMI JOIN {relations[parent.name]} p ON {on})"
    ).fetchone()
    assert row is not None
    distinct, found = int(row[0]), int(row[1])
    if distinct == 0:
        return None
    integrity = found / distinct
    name = sum(s for _, s in combo) / len(combo)
    confidence = score(integrity, name, 0.9 if distinct > 5 else 0.4)
    if integrity < MIN_INTEGRITY or confidence < ACCEPT:
        return None
    non_null_rows = con.execute(f"SELECT count(*) FROM {relations[child.name]} WHERE {not_null}").fetchone()
    assert non_null_rows is not None
    unique_child = distinct == int(non_null_rows[0])
    if unique_child and integrity < ONE_TO_ONE_COMPOSITE_INTEGRITY and any(_names_a_position(c) for c in child_cols):
        return None
    # (Rows with any part of the key empty: StatsBomb's Half Start events name a match but no
    # player, and an inner join onto the lineups drops them beside the orphans.)
    empty = child.rows - int(non_null_rows[0])
    return Link(
        child_table=child.name,
        child_columns=tuple(child_cols),
        parent_table=parent.name,
        parent_columns=key,
        confidence=confidence,
        cardinality="1:1" if unique_child else "n:1",
        kind="foreign_key",
        evidence={
            "child_distinct": distinct,
            "found_in_parent": found,
            "integrity": round(integrity, 4),
            "orphan_values": distinct - found,
            "name_score": round(name, 2),
            "child_unique": unique_child,
            "composite": True,
            # (A key of the parent: as many values as rows. Walking from the parent, the share it
            # holds says the join is optional: Lahman's pitchers among its batters.)
            "parent_distinct": parent.rows - repeats,
            **({"parent_repeats": repeats} if repeats else {}),
            **({"child_nulls": empty, "child_rows": child.rows} if empty > 0 else {}),
        },
    )


def find_bridges(tables: list[TableStats], keys: dict[str, TableKeys], links: list[Link]) -> list[Bridge]:
    """Tables whose grain is exactly two foreign keys onto two other tables: n:m links."""
    bridges: list[Bridge] = []
    for table in tables:
        grain = keys[table.name].grain
        if grain is None or len(grain) != 2 or any(table.column(c).family == "temporal" for c in grain):
            continue  # (a day and a store: Favorita's transactions are a store's days, no n:m link)
        outgoing = {
            link.child_columns[0]: link
            for link in links
            if link.child_table == table.name and len(link.child_columns) == 1 and link.parent_table != table.name
        }
        left, right = outgoing.get(grain[0]), outgoing.get(grain[1])
        if left is None or right is None or left.parent_table == right.parent_table:
            continue
        # With many attributes of its own it is also a fact (product_suppliers with costs and
        # lead times), but it still links its two parents n:m.
        bridges.append(Bridge(table.name, left, right, attributes=len(table.columns) - 2))
    return bridges


def whole_number_floats(con: duckdb.DuckDBPyConnection, tables: list[TableStats]) -> list[TableStats]:
    """Tables with their identifier-named floating point columns that hold only whole numbers
    read as integers: a nullable id column exported through pandas arrives as 1.0, 2.0, ...
    One query per table that has such columns."""
    result: list[TableStats] = []
    for table in tables:
        floats = [
            c for c in table.columns
            if c.family == "float" and is_key_like(c.name) and c.non_null > 0 and not c.sql_type.upper().startswith("DECIMAL")
        ]
        if not floats:
            result.append(table)
            continue
        checks = ", ".join(f"bool_and({quote_ident(c.name)} = trunc({quote_ident(c.name)}))" for c in floats)
        row = con.execute(f"SELECT {checks} FROM {table.relation}").fetchone()
        assert row is not None
        whole = {c.name for c, ok in zip(floats, row, strict=True) if ok}
        result.append(
            replace(
                table,
                columns=tuple(replace(c, sql_type="BIGINT") if c.name in whole else c for c in table.columns),
            )
        )
    return result


def discover_links(
    con: duckdb.DuckDBPyConnection, tables: list[TableStats], keys: dict[str, TableKeys],
    rejected: set[Pair] | None = None,
) -> tuple[list[Link], list[Bridge], dict[str, Any]]:
    """All foreign keys of the source, its bridges, and counts for the evidence report.
    ``rejected`` (child table, child column, parent table, parent column) are links a person
    said no to: they are not candidates, so that the column's next best parent may win."""
    relations = {t.name: t.relation for t in tables}
    candidates = candidate_pairs(tables, keys)
    if rejected:
        candidates = [c for c in candidates if _pair(c) not in rejected]
    from datadossier.enrichment.part_links import (  # (they build on this module)
        keyed_parts,
        links_to_every_part,
        onto_parts_key,
        union_relations,
    )

    # A reference into a dataset split over files keyed alike is checked against all parts.
    groups = keyed_parts(con, tables, keys)
    into_parts = [c for c in candidates if onto_parts_key(c, groups) and c.child.table not in groups]
    check_integrity(con, relations, [c for c in candidates if c not in into_parts])
    check_integrity(con, union_relations(relations, groups), into_parts)
    chosen = choose(candidates, rejected)
    chosen.extend(role_siblings(con, relations, tables, chosen))
    links = [link_from(c) for c in chosen]
    links.extend(composite_links(con, tables, keys, links))
    links = links_to_every_part(con, relations, links, groups)
    from datadossier.enrichment.partial_parents import partial_parents  # (it builds on this module)

    links.extend(partial_parents(con, relations, tables, keys, links))
    from datadossier.enrichment.shared_codes import shared_long_codes  # (it builds on this module)

    links.extend(shared_long_codes(con, relations, tables, keys, links))
    for link in links:
        _orphan_rows(con, union_relations(relations, groups) if "parts_union" in link.evidence else relations, link)
    from datadossier.enrichment.listed import listed_references  # (it builds on this module)

    links = listed_references(con, tables, keys, links)
    bridges = find_bridges(tables, keys, links)
    links.extend(shared_keys(con, tables, keys, links))
    links.sort(key=lambda k: (k.child_table, k.child_columns, k.parent_table))
    stats = {
        "candidate_pairs_checked": len(candidates),
        "pairs_above_bar": sum(1 for c in candidates if c.confidence >= ACCEPT and c.best_integrity >= MIN_INTEGRITY),
        "links": len(links),
    }
    return links, bridges, stats


# A reference onto a column that no table keys (`shared_keys`) needs this share of the
# child's values in the parent, and this many distinct values.
SHARED_MIN_INTEGRITY = 0.9
SHARED_MIN_DISTINCT = 5


def shared_keys(
    con: duckdb.DuckDBPyConnection, tables: list[TableStats], keys: dict[str, TableKeys], links: list[Link]
) -> list[Link]:
    """References onto a column that repeats in its table: an identifier of the same name in
    two tables, the grain of one (the child) and no key of the other, the child's values
    (nearly) all among the other's. Superstore's returns(Order ID) points at the orders
    file, whose rows are order lines: each return matches every line of its order.
    Reported as ``semantic`` links (the columns name the same things), ``1:n``. Two tables
    where the identifier repeats in both (MovieLens' tags and ratings by userId) are left
    out: their join pairs every row of one with every row of the other. But for a parent
    that names its own table's entity and leads its composite grain, the entity described
    over several rows: GTFS's trips(shape_id) point at shapes(shape_id), a shape's points
    by (shape_id, shape_pt_sequence); ``n:m`` when the child repeats."""
    referencing = {(link.child_table, link.child_columns[0]) for link in links if len(link.child_columns) == 1}
    keyed = {(t.name, k[0]) for t in tables for k in keys[t.name].keys if len(k) == 1}
    schemas = {t.name: schema_of(t) for t in tables}
    relations = {t.name: t.relation for t in tables}
    # Identifiers that reference no table, by name and family. The child is its table's
    # grain (the returns of orders, one row an order); the parent no table's key.
    grains = {(t.name, g[0]) for t in tables if (g := keys[t.name].grain) is not None and len(g) == 1}
    leading = {
        (t.name, g[0]) for t in tables
        if (g := keys[t.name].grain) is not None and len(g) > 1 and identifies_own_table(t.column(g[0]))
    }
    loose: dict[tuple[tuple[str, ...], str], list[ColumnStats]] = {}
    for column in (c for t in tables for c in t.columns):
        if (
            column.family in ("integer", "string") and is_key_like(column.name) and (column.table, column.name) not in referencing
            # (A reader's column0 in two headerless files is no shared name: UCI HAR's labels
            # lookup pointed at the file of labels that names its codes.)
            and not is_placeholder(column.name)
        ):
            loose.setdefault((words(column.name), column.family), []).append(column)
    pairs = [
        (child, parent)
        for group in loose.values()
        for child, parent in product(group, repeat=2)
        if ((child.table, child.name) in grains or (parent.table, parent.name) in leading)
        and (parent.table, parent.name) not in keyed and child.table != parent.table and not partitions(schemas, child.table, parent.table)
        and (child.distinct or 0) >= SHARED_MIN_DISTINCT
        and ((child.distinct or 0) < (parent.distinct or 0) or (parent.table, parent.name) in leading)
    ]
    linked = {(link.child_table, link.parent_table) for link in links}
    paired = {(c.table, c.name) for pair in pairs for c in pair}
    pairs += _listed_entities(tables, keys, referencing, schemas, paired, linked)
    candidates = [Candidate(child, parent, 1.0, value_specificity(child, parent)) for child, parent in pairs]
    check_integrity(con, relations, candidates)
    found: list[Link] = []
    for cand in candidates:
        child, parent = cand.child, cand.parent
        if cand.integrity < SHARED_MIN_INTEGRITY or cand.confidence < ACCEPT:
            continue
        unique_child = cand.child_distinct == child.non_null
        found.append(
            Link(
                child_table=child.table,
                child_columns=(child.name,),
                parent_table=parent.table,
                parent_columns=(parent.name,),
                confidence=cand.confidence,
                cardinality="1:n" if unique_child else "n:m",
                kind="semantic",
                evidence={
                    "child_distinct": cand.child_distinct,
                    "found_in_parent": cand.found,
                    "integrity": round(cand.integrity, 4),
                    "orphan_values": cand.child_distinct - cand.found,
                    "child_unique": unique_child,
                    "parent_unique": False,
                    "parent_distinct": parent.distinct,
                    "shared_key": (
                        f"{parent.name} repeats in {parent.table} (no table keys it): each {child.table} row"
                        f" matches every {parent.table} row of its value"
                    ),
                    "parent_repeats": parent.non_null - (parent.distinct or 0),
                },
            )
        )
    return found


# A column with values for this share of its rows or more names the entity its table lists,
# a few listed twice (see `_listed_entities`).
NEARLY_UNIQUE = 0.85


def _listed_entities(
    tables: list[TableStats],
    keys: dict[str, TableKeys],
    referencing: set[tuple[str, str]],
    schemas: dict[str, dict[str, str]],
    paired: set[tuple[str, str]],
    linked: set[tuple[str, str]],
) -> list[tuple[ColumnStats, ColumnStats]]:
    """References by the same name onto a column that names the entity its table lists but
    for a few rows listed twice: Google Play's reviews by App onto the apps file, where an
    app scraped twice repeats with another count of reviews, and no column keys the table.
    Beside a table's own id, an identifier of it repeated so, from a table not linked to it
    already (see `_names_the_listed`). The
    child repeats its values, or names fewer of them; both are text or both numbers."""
    pairs: list[tuple[ColumnStats, ColumnStats]] = []
    keyed = {(t.name, k[0]) for t in tables for k in keys[t.name].keys if len(k) == 1}
    for table in tables:
        own_id = keys[table.name].grain is not None
        # (Rows copied whole do not count: an app scraped twice alike.)
        listed = table.rows - int(keys[table.name].evidence.get("duplicate_rows") or 0)
        for parent in table.columns:
            distinct = parent.distinct or 0
            if (
                parent.family not in ("integer", "string") or parent.nulls or not NEARLY_UNIQUE * listed <= distinct < parent.rows
                or (table.name, parent.name) in paired or not _child_ok(parent) or is_placeholder(parent.name)
                or (own_id and ((table.name, parent.name) in keyed or not is_key_like(parent.name)))
            ):
                continue
            for other in tables:
                if other.name == table.name or partitions(schemas, other.name, table.name):
                    continue
                if own_id and (other.name, table.name) in linked:
                    # (eBird's observations name their checklist, the sampling file's key, and
                    # its observer too, a column of the checklist: one link is the join.)
                    continue
                child = next((c for c in other.columns if _names_the_listed(c, parent, own_id=own_id)), None)
                if (
                    child is not None and (child.table, child.name) not in referencing
                    and SHARED_MIN_DISTINCT <= (child.distinct or 0) <= distinct
                ):
                    pairs.append((child, parent))
    return pairs


def _names_the_listed(child: ColumnStats, parent: ColumnStats, *, own_id: bool) -> bool:
    """Whether a column names what ``parent`` lists: named alike, or, beside a table's own id
    (NIH RePORTER's projects by APPLICATION_ID, their CORE_PROJECT_NUM repeated over years and
    supplements), an identifier named for the table's entity (the publications' PROJECT_NUMBER)."""
    if child.family != parent.family:
        return False
    if words(child.name) == words(parent.name):
        return True
    table = parent.table_label or bare(parent.table)
    return own_id and is_key_like(child.name) and refers_to(child.name, table, parent.name) >= NAMED_ALIKE


def group_id(link: Link) -> str:
    """A stable id for a (possibly composite) link: its rows in the store share it."""
    text = "|".join([link.child_table, *link.child_columns, "->", link.parent_table, *link.parent_columns])
    return hashlib.sha256(text.encode()).hexdigest()[:16]

