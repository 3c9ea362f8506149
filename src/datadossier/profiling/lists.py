"""Text columns whose values are lists of items: "United States, India" (Netflix's country),
"Adventure|Animation|Children" (MovieLens' genres), "windows;mac;linux" (Steam's platforms),
"['Guns N' Roses', 'Slash']" (a Python list written out), "login api churn_risk" (Zendesk's
Tags: spaces separate items only under such a name).

Whole values then say little (top values are combinations), while an agent filtering on
``country = 'India'`` misses "United States, India". Such a column is named a list, with its
separator and its most common items, so that it is split (``string_split``) before counting
or filtering.

A list is told from other text with separators by its items: short, repeated across rows,
and as many or as few in a value as there are (one country, then three; or one and two, where
the single items are those of the pairs), or as many in every value but in any place (three
tags each). An address or a "Last, First" name has its parts in fixed number and place. Items lose the spaces, quotes and stray separators around them. The first rows of the column
decide whether it may be a list (cheap); the whole column then gives the figures. Paths of
levels ("IOWA", "IOWA, NORTHWEST", "IOWA, NORTHWEST, O BRIEN": each longer value a shorter
one and a part more, a part always at its level) are no lists: a part alone means nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from datadossier.engine import quote_ident, quote_literal
from datadossier.inference.names import looks_like_identifier, name_tokens

if TYPE_CHECKING:
    import duckdb

# The pattern a list column's text candidate gets.
LIST_PATTERN = "delimited_list"
# Separators in order of preference: a comma last (", " before ","), since prose has them too.
# (TED's contract awards join their winners with "---", "STRABAG AG---Vinci Construction,
# S.A.": before the comma, which their names hold; the last: Stack Exchange's tags
# "<c#><winforms>".)
SEPARATORS = ("|", ";", "---", ", ", ",", "><")
# A run of dashes at a value's end stands for no value ("---" alone), not between items.
RUN_SEPARATORS = frozenset({"---"})
HEAD_ROWS = 5000
# Of the values, at least this share must hold two items or more.
MIN_LIST_SHARE = 0.1
# Items must be short, and repeat: on average each item of the head seen this many times.
MAX_ITEM_LENGTH = 40.0
MIN_ITEM_REPEATS = 2.0
# Prose and addresses have commas, not pipes or semicolons: items between those may be
# records of their own (ClinicalTrials.gov's Locations, "Mayo Clinic, Rochester, Minnesota,
# 55905, United States|Charité, Berlin, 10117, Germany").
MAX_SEPARATED_ITEM_LENGTH = 100.0
TOP_ITEMS = 5
# A space separates items only under a name that says so, Zendesk's Tags "login api
# churn_risk": elsewhere a space is a word's end.
SPACE = " "
_TAG_WORDS = frozenset({"tag", "tags", "hashtag", "hashtags", "keyword", "keywords", "label", "labels", "topic", "topics"})
# A tag is one word of letters, digits, "_", "-" or ":" (Zendesk's own rule); a value holding
# anything else (a full stop, a comma, an apostrophe) is written as text.
_TAGS_VALUE = r"\s*[\pL\pN_:-]+(\s+[\pL\pN_:-]+)*\s*"
# Words of a sentence no tag is: a share of the values holding one of them, or written as a
# sentence (a capital, then words in lower case), is text ("Customer asked for a refund").
_SENTENCE_WORDS = (
    "a", "an", "the", "and", "or", "but", "to", "of", "in", "on", "at", "for", "with", "from", "by", "is", "are",
    "was", "were", "be", "not", "it", "this", "that", "i", "we", "you", "my", "our", "your", "has", "have", "will",
    "can", "please",
)
_SENTENCE_CASED = r"\s*\p{Lu}\p{Ll}+(\s+\p{Ll}[\pL\pN_:-]*)+\s*"
MAX_SENTENCE_SHARE = 0.05
# A number grouped in thousands ("2,000,000+", the Census Bureau's top code; "$1,250"), or a
# range of two (Steam's owners "20,000 - 50,000"): its commas separate no items.
_GROUPED = r"[0-9](?:,[0-9]{3})+"
_GROUPED_NUMBER = rf"[^,]*{_GROUPED}(?:[^0-9,][^,]*{_GROUPED})*(?:[^0-9,][^,]*)?"
# With this many values of one item (or a quarter of the values, in a short file), most of
# them must be items of the longer lists; half of them, when no comma separates the items or
# the items are codes in capitals, which no "Last, First" name or "City, ST" is written with.
MIN_SINGLES = 10
MIN_SINGLES_SHARE = 0.25
PAIRS_SINGLES_LISTED = 0.8
CODES_SINGLES_LISTED = 0.5
# An item in capitals, digits and underscores: ClinicalTrials.gov's EARLY_PHASE1, Pub 78's LODGE.
_CODE_ITEM = "[A-Z][A-Z0-9_]*"
# A number: IATI's sector-percentage "33.33;33.33;33.34".
_NUMBER_ITEM = "[-+]?([0-9]+[.]?[0-9]*|[.][0-9]+)"


@dataclass(frozen=True, slots=True)
class ListColumn:
    """What makes a column a list, over the whole column."""

    separator: str
    share: float  # of the non-null values, those with two items or more
    distinct_items: int
    top_items: list[tuple[str, int]]
    written_out: bool = False  # a list literal: brackets, items in quotes
    # A path of this many levels, not a list (NASS's "IOWA, NORTHWEST, O BRIEN"), and one of
    # its values beside its parent; no items are counted.
    levels: int = 0
    example: tuple[str, str] = ("", "")


def items_sql(column_sql: str, separator: str, bracketed: bool) -> str:
    """SQL: the trimmed items of a value. A written-out list loses its brackets and quotes,
    and its quoted items are taken whole, separator and all ("HDTV with Netflix, Roku" among
    Airbnb's amenities, "Tyler, The Creator" among Spotify's artists): a JSON array through
    from_json (its escapes decoded), a Python list by its quotes."""
    text = f"trim({column_sql}, '[] ')" if bracketed else column_sql
    trimmed = quote_literal(_TRIMMED + ("<>" if separator == "><" else ""))  # ("<c#><winforms>": the ends too)
    split = (
        f"list_filter(list_transform(string_split({text}, {quote_literal(separator)}), lambda x: trim(x, {trimmed})),"
        " lambda x: x <> '')"
    )
    if not bracketed:
        return split
    quoted = f"list_transform(regexp_extract_all({column_sql}, {quote_literal(_QUOTED_ITEM)}), lambda x: x[2:-2])"
    return (
        f"list_filter(CASE WHEN json_valid({column_sql}) AND starts_with(ltrim({column_sql}), '[')"
        f" THEN from_json({column_sql}, '[\"VARCHAR\"]')"
        f" WHEN contains({column_sql}, '''') OR contains({column_sql}, '\"') THEN {quoted} ELSE {split} END,"
        " lambda x: x IS NOT NULL AND x <> '')"
    )


# What an item loses around it: spaces, quotes and stray separators.
_TRIMMED = " '\",;|"
# An item of a written-out list, in single or double quotes.
_QUOTED_ITEM = "'[^']*'|\"[^\"]*\""


def list_columns(con: duckdb.DuckDBPyConnection, relation: str, columns: list[str]) -> dict[str, ListColumn]:
    """The columns of ``relation`` (text columns named in ``columns``) that hold lists."""
    if not columns:
        return {}
    head = f"(SELECT {', '.join(quote_ident(c) for c in columns)} FROM {relation} LIMIT {HEAD_ROWS})"
    separators = {c: SEPARATORS + ((SPACE,) if _names_tags(c) else ()) for c in columns}
    shares = ", ".join(
        f"count({quote_ident(c)}), count_if(starts_with({quote_ident(c)}, '[') AND ends_with({quote_ident(c)}, ']')), "
        f"count_if(starts_with({quote_ident(c)}, '{{') OR starts_with({quote_ident(c)}, '[{{')), "
        f"count_if(regexp_full_match({quote_ident(c)}, {quote_literal(_GROUPED_NUMBER)})), "
        + ", ".join(_holding(quote_ident(c), s) for s in separators[c])
        for c in columns
    )
    row = con.execute(f"SELECT {shares} FROM {head}").fetchone()
    assert row is not None
    found: dict[str, ListColumn] = {}
    start = 0
    for column in columns:
        # (count_if of no rows is NULL)
        width = 4 + len(separators[column])
        counts = [n or 0 for n in row[start : start + width]]
        start += width
        values, bracketed, objects, grouped = int(counts[0]), int(counts[1]), int(counts[2]), int(counts[3])
        if values == 0 or objects >= 0.5 * values:
            # JSON objects (Yelp's opening hours) are no lists, nor are lists of them, whose keys
            # are no items (The Movies Dataset's genres "[{'id': 16, 'name': 'Animation'}]").
            continue
        separator = next(
            (
                s for s, n in zip(separators[column], counts[4:], strict=True)
                if n >= MIN_LIST_SHARE * values and not (s == "," and 2 * grouped >= n)
            ),
            None,
        )
        if separator is None or (separator == SPACE and not _tags_not_words(con, head, column)):
            continue
        written_out = bracketed >= 0.9 * values
        if not _looks_like_a_list(con, head, column, separator, written_out, values):
            continue
        path = _levels(con, head, column, items_sql(quote_ident(column), separator, written_out))
        found[column] = (
            ListColumn(separator, 0.0, 0, [], written_out, levels=path[0], example=path[1])
            if path is not None else _whole_column(con, relation, column, separator, written_out)
        )
    return found


def _holding(column_sql: str, separator: str) -> str:
    """SQL: how many values of the head hold the separator; a run of dashes only between
    two items, "---" alone (a placeholder) or closing a value being none."""
    holds = f"contains({column_sql}, {quote_literal(separator)})"
    if separator in RUN_SEPARATORS:
        holds += f" AND NOT starts_with({column_sql}, '-') AND NOT ends_with({column_sql}, '-')"
    return f"count_if({holds})"


def _names_tags(column: str) -> bool:
    """Whether a column's name says it holds tags, keywords, labels or topics."""
    return bool(_TAG_WORDS.intersection(name_tokens(column)))


def _tags_not_words(con: duckdb.DuckDBPyConnection, head: str, column: str) -> bool:
    """Whether the head's values, split on spaces, are tags rather than words of sentences:
    every value single words of letters, digits, "_", "-" or ":", and few of them written
    as a sentence or holding a word no tag is ("for", "the")."""
    col = quote_ident(column)
    words = "[" + ", ".join(quote_literal(w) for w in _SENTENCE_WORDS) + "]"
    row = con.execute(
        f"SELECT count({col}), count_if(NOT regexp_full_match({col}, {quote_literal(_TAGS_VALUE)})), "
        f"count_if(regexp_full_match({col}, {quote_literal(_SENTENCE_CASED)}) "
        f"OR list_has_any(string_split(lower({col}), ' '), {words})) FROM {head}"
    ).fetchone()
    values, untagged, sentences = (int(row[0] or 0), int(row[1] or 0), int(row[2] or 0)) if row else (0, 0, 0)
    return values > 0 and untagged == 0 and sentences <= MAX_SENTENCE_SHARE * values


def _looks_like_a_list(
    con: duckdb.DuckDBPyConnection, head: str, column: str, separator: str, written_out: bool, values: int
) -> bool:
    items = items_sql(quote_ident(column), separator, written_out)
    row = con.execute(
        f"SELECT count(*), count(DISTINCT item), avg(length(item)), "
        f"(SELECT count(DISTINCT n) FROM (SELECT len({items}) AS n FROM {head} WHERE {quote_ident(column)} IS NOT NULL)), "
        f"count_if(regexp_full_match(item, {quote_literal(_CODE_ITEM)})), "
        f"count_if(regexp_full_match(item, {quote_literal(_NUMBER_ITEM)})) "
        f"FROM (SELECT unnest({items}) AS item FROM {head})"
    ).fetchone()
    assert row is not None
    total, distinct, length, sizes = (row[0] or 0), (row[1] or 0), (row[2] or 0.0), (row[3] or 0)
    codes, numbers = (row[4] or 0), (row[5] or 0)
    commas = separator in (",", ", ")
    # Items repeat, are short, and come in varying numbers (an address has its parts in fixed
    # number), or in a fixed number but in any place (Steam's steamspy_tags, three tags each).
    # Identifiers listed under an identifier's name need not repeat (HubSpot's "Associated
    # Contact IDs", 3804784;65479063, each contact on a deal or two).
    if not (distinct and length <= (MAX_ITEM_LENGTH if commas else MAX_SEPARATED_ITEM_LENGTH)):
        return False
    if numbers == total and sizes >= 2 and separator != ",":
        # Numbers in varying numbers need not repeat (IATI's sector-percentage "50;30;20"
        # beside "100"); a comma without a space is a decimal comma too.
        return True
    if total < MIN_ITEM_REPEATS * distinct:
        return separator != "," and _listed_ids(con, head, column, items)
    if sizes < 2:
        # (Tags between spaces come in varying numbers: as many words each are a record's.)
        return separator != SPACE and _items_move(con, head, items, column)
    # A value of one item is one of the items the longer values list ("India" beside "United
    # States, India"); a short review's summary ("Five stars") is not a part of the others.
    singles: Any = con.execute(
        f"WITH v AS (SELECT {items} AS it FROM {head} WHERE {quote_ident(column)} IS NOT NULL), "
        "listed AS (SELECT DISTINCT unnest(it) AS item FROM v WHERE len(it) >= 2) "
        "SELECT count(*), count(*) FILTER (WHERE it[1] IN (SELECT item FROM listed)) FROM v WHERE len(it) = 1"
    ).fetchone()
    alone, listed = int(singles[0] or 0), int(singles[1] or 0)
    if commas and codes < total and alone and not _later_items_stand_alone(con, head, column, items):
        # A form and its qualifiers (the FDA's "TABLET, FILM COATED" beside "TABLET"), unless
        # a path of levels, named as one by the caller.
        return _levels(con, head, column, items) is not None
    if sizes == 2:
        # Values of one item or two alone (a year's Netflix countries): lists when the values
        # of one item are mostly the items of the pairs; "Last, First" and "City, ST" have none.
        # Codes have few combinations, and some alone are no pair's (ClinicalTrials.gov's
        # PHASE4 beside PHASE2|PHASE3, Pub 78's POF beside PC,LODGE).
        enough = alone >= min(MIN_SINGLES, MIN_SINGLES_SHARE * values)
        share = CODES_SINGLES_LISTED if not commas or codes == total else PAIRS_SINGLES_LISTED
        return enough and alone > 0 and listed >= share * alone
    return alone < MIN_SINGLES or listed >= 0.5 * alone


# Of the items after a value's first (counted as often as they are), the share also seen first
# or alone for a list.
LATER_ITEMS_ALONE = 0.5


def _later_items_stand_alone(con: duckdb.DuckDBPyConnection, head: str, column: str, items: str) -> bool:
    """Whether the items after a value's first are mostly items in their own right, seen
    first or alone in other values ("India" alone beside "United States, India"), not words
    that qualify the first and never stand alone: the FDA NDC's dosage forms "TABLET, FILM
    COATED" and "AEROSOL, METERED" beside "TABLET", one form each."""
    row = con.execute(
        f"WITH v AS (SELECT {items} AS it FROM {head} WHERE {quote_ident(column)} IS NOT NULL), "
        "firsts AS (SELECT DISTINCT it[1] AS item FROM v WHERE len(it) >= 1), "
        "later AS (SELECT unnest(it[2:]) AS item FROM v WHERE len(it) >= 2) "
        "SELECT count(*), count(*) FILTER (WHERE item IN (SELECT item FROM firsts)) FROM later"
    ).fetchone()
    later, standing = (int(row[0] or 0), int(row[1] or 0)) if row else (0, 0)
    return later == 0 or standing >= LATER_ITEMS_ALONE * later


def _listed_ids(con: duckdb.DuckDBPyConnection, head: str, column: str, items: str) -> bool:
    """Whether a column named as identifiers holds whole numbers or codes without spaces as
    its items, a tenth of its values two or more of them."""
    if not looks_like_identifier(column):
        return False
    row = con.execute(
        f"SELECT count(*), count_if(len(it) >= 2), count_if(len(list_filter(it, lambda x: NOT regexp_full_match(x, '[A-Za-z0-9_-]+'))) = 0)"
        f" FROM (SELECT {items} AS it FROM {head} WHERE {quote_ident(column)} IS NOT NULL)"
    ).fetchone()
    values, several, clean = (int(row[0] or 0), int(row[1] or 0), int(row[2] or 0)) if row else (0, 0, 0)
    return values > 0 and clean == values and several >= MIN_LIST_SHARE * values


# Of the items of values all of one size, the share seen in two places at least for a list.
MOVING_ITEMS = 0.5


def _items_move(con: duckdb.DuckDBPyConnection, head: str, items: str, column: str) -> bool:
    """Whether values of as many items each hold their items in any place: a list of tags
    ("Action;Indie;Gore", "Indie;Action;2D"), not a record's fields in their places (a city,
    then its state)."""
    row = con.execute(
        f"SELECT count(*) FILTER (WHERE places >= 2), count(*) FROM (SELECT item, count(DISTINCT place) AS places FROM ("
        f"SELECT unnest(it) AS item, unnest(range(len(it))) AS place FROM (SELECT {items} AS it FROM {head}"
        f" WHERE {quote_ident(column)} IS NOT NULL) WHERE len(it) >= 2) GROUP BY item)"
    ).fetchone()
    moving, distinct = (int(row[0] or 0), int(row[1] or 0)) if row else (0, 0)
    return distinct > 0 and moving >= MOVING_ITEMS * distinct


# A path has this many levels at least, most of its longer values' parents are values of the
# column, and few of its items are seen at two levels; a list's items stand anywhere (the
# "India" alone beside "United States, India" stands second there). Two levels alone are
# not told from codes listed in a fixed order (Pub 78's PC,LODGE beside PC).
MIN_LEVELS = 3
PARENTS_PRESENT = 0.5
MAX_ITEMS_MOVING = 0.1


def _levels(con: duckdb.DuckDBPyConnection, head: str, column: str, items: str) -> tuple[int, tuple[str, str]] | None:
    """The levels of a column of paths, and a value with its parent, when its values are
    paths ("IOWA", "IOWA, NORTHWEST", "IOWA, NORTHWEST, O BRIEN": NASS's LOCATION_DESC)
    rather than lists: each longer value is a shorter value of the column and one part more,
    a part always at its level."""
    row: Any = con.execute(
        f"WITH v AS (SELECT DISTINCT {items} AS it, {quote_ident(column)} AS value FROM {head}"
        f" WHERE {quote_ident(column)} IS NOT NULL AND len({items}) >= 1), "
        "under AS (SELECT v.it, v.value, p.value AS parent FROM v LEFT JOIN v AS p ON p.it = v.it[1:len(v.it) - 1]"
        " WHERE len(v.it) >= 2), "
        "placed AS (SELECT item, count(DISTINCT place) AS places FROM"
        " (SELECT unnest(it) AS item, unnest(range(len(it))) AS place FROM v) GROUP BY item) "
        "SELECT (SELECT max(len(it)) FROM v), (SELECT count(*) FROM under), (SELECT count(parent) FROM under), "
        "(SELECT count_if(places >= 2) FROM placed), (SELECT count(*) FROM placed), "
        "(SELECT min_by([value, parent], value) FROM under WHERE parent IS NOT NULL)"
    ).fetchone()
    levels, longer, parented, moving, distinct = (int(n or 0) for n in row[:5])
    if levels < MIN_LEVELS or parented < PARENTS_PRESENT * longer or moving > MAX_ITEMS_MOVING * distinct:
        return None
    return levels, (str(row[5][0]), str(row[5][1]))


def _whole_column(
    con: duckdb.DuckDBPyConnection, relation: str, column: str, separator: str, written_out: bool
) -> ListColumn:
    col = quote_ident(column)
    items = items_sql(col, separator, written_out)
    # One pass over the column: a value of k items gives k rows, each weighing 1/k, so the
    # weights count values (those with several items apart) beside the items' counts.
    top: Any = con.execute(
        f"SELECT item, n, sum(several) OVER () / sum(values) OVER (), count(*) OVER () FROM ("
        f"SELECT item, count(*) AS n, sum(1.0 / k) FILTER (WHERE k >= 2) AS several, sum(1.0 / k) AS values "
        f"FROM (SELECT unnest(it) AS item, len(it) AS k FROM (SELECT {items} AS it FROM {relation})) GROUP BY item) "
        f"ORDER BY n DESC, item LIMIT {TOP_ITEMS}"
    ).fetchall()
    if not top:
        return ListColumn(separator, 0.0, 0, [], written_out)
    share, distinct = float(top[0][2] or 0.0), int(top[0][3])
    return ListColumn(separator, share, distinct, [(str(v), int(n)) for v, n, _, _ in top], written_out)


def path_note(found: ListColumn) -> str:
    """The decision's words for a column of paths: no list, and no items to count."""
    value, parent = found.example
    return (
        f" A path of up to {found.levels} levels separated by {found.separator!r}, not a list: each longer value"
        f" is a shorter one of the column and a part more ({value!r} under {parent!r}). A part means something"
        " only under the parts before it (one name may stand under two parents): filter or group by whole"
        " values, or by the first parts of a path (its level's prefix), not by a part alone."
    )


def list_note(column: str, found: ListColumn) -> str:
    """The decision's words for a list column, with the SQL of its items as they were counted
    (trimmed, none empty: a bare string_split of "|c#|winforms|" gives "" at both ends, and
    of "TABLET; ORAL" a " ORAL" that no filter on "ORAL" finds)."""
    items = ", ".join(f"{value!r} ({count:,})" for value, count in found.top_items)
    split = items_sql(quote_ident(column), found.separator, found.written_out)
    return (
        f" A list: {found.share:.0%} of the values hold several items separated by {found.separator!r}"
        f" ({found.distinct_items:,} different items; the most common {items}). Its items are"
        f" {split}; unnest them to count or filter by item."
    )
