"""JSON objects kept in a text column: the keys a sample of them holds, and how to read one.

Telemetry and event exports keep an event's parameters as one JSON object per row (a game
SDK's ``params`` ``{"order_id": "GPA.3312-...", "sku": "gems_500"}``, Segment's and Firebase's
properties as CSV). The column stays text (`text_patterns.json_object`); its keys are read
from the sampled values in Python, never from the whole column, and DuckDB's ``->>`` reaches
each of them.

Lists of such objects are kept the same way (`text_patterns.json_object_list`): StatsBomb's
lineups write a player's positions as ``[{"position_id": 1, "position": "Goalkeeper", "from":
"00:00", "to": null}]`` (``[]`` for a player who never came on), and its cards and freeze frames
alike. Their keys are those of the items, and DuckDB unnests the items before reading one.

pandas writes a dict or list cell with ``to_csv`` as Python prints it, not as JSON: The Movies
Dataset's genres ``[{'id': 16, 'name': 'Animation'}]``, ACN-Data's userInputs with
``'paymentRequired': True``. Such values are read as Python literals (never run), named so,
and read in DuckDB once their quotes and constants are made JSON's (`python_json_sql`).
"""

from __future__ import annotations

import ast
import json
import re
from collections import Counter
from dataclasses import dataclass

from datadossier.engine.gateway import quote_literal

# Keys named at most: an object of more keys is a record of its own (named in the reason).
MAX_KEYS = 30

# A key DuckDB reads after ->> as written; others are quoted in a JSON path ($."order id").
_PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


@dataclass(frozen=True, slots=True)
class JsonKey:
    """One key of the sampled objects: its value type ("text", "integer", "number",
    "boolean", "object", "array"; "null" when no sampled value was set) and the share of the
    sampled objects that hold it."""

    name: str
    value_type: str
    share: float


def json_keys(common: list[tuple[str, int]]) -> tuple[tuple[JsonKey, ...], int, bool]:
    """The keys of the sampled values that parse as JSON objects (``common``: values with
    their sampled counts), or as Python dicts, commonest first, the weight of those objects,
    and whether most of them are Python's rather than JSON."""
    objects: list[tuple[dict[str, object], int]] = []
    python = 0
    for value, count in common:
        loaded = _loaded(value)
        parsed = _as_object(loaded[0]) if loaded is not None else None
        if loaded is None or parsed is None:
            continue
        objects.append((parsed, count))
        python += count if loaded[1] else 0
    keys, weight = _keys(objects)
    return keys, weight, 2 * python > weight


def _keys(objects: list[tuple[dict[str, object], int]]) -> tuple[tuple[JsonKey, ...], int]:
    """The keys of weighted objects, commonest first, and the objects' weight."""
    weight = 0
    held: Counter[str] = Counter()
    types: dict[str, Counter[str]] = {}
    for parsed, count in objects:
        weight += count
        for key, item in parsed.items():
            held[key] += count
            types.setdefault(key, Counter())[_value_type(item)] += count
    if not weight:
        return (), 0
    keys = [
        JsonKey(key, _key_type(types[key]), n / weight)
        for key, n in sorted(held.items(), key=lambda item: -item[1])[:MAX_KEYS]
    ]
    return tuple(keys), weight


def json_item_keys(common: list[tuple[str, int]]) -> tuple[tuple[JsonKey, ...], int, int, bool]:
    """The keys of the objects inside the sampled values that parse as JSON lists of objects
    ("[]" among them) or as Python lists of dicts, commonest first, with the weight of those
    lists and of their items (a key's share is of the items), and whether most of the lists
    holding items are Python's rather than JSON."""
    lists = python = filled = 0
    items: list[tuple[dict[str, object], int]] = []
    for value, count in common:
        loaded = _loaded(value)
        parsed = _as_objects(loaded[0]) if loaded is not None else None
        if loaded is None or parsed is None:
            continue
        lists += count
        items.extend((item, count) for item in parsed)
        # ("[]" is written alike by both.)
        filled += count if parsed else 0
        python += count if parsed and loaded[1] else 0
    keys, weight = _keys(items)
    return keys, lists, weight, 2 * python > filled


# Arrays of whole numbers only must hold this many at least: "[1, 2]" is any pair of ids.
MIN_WHOLE_ARRAY = 3


@dataclass(frozen=True, slots=True)
class ArrayPositions:
    """Sampled arrays of numbers, all of one length: the length and each place's least and
    greatest number."""

    length: int
    ranges: tuple[tuple[float, float], ...]


def array_positions(common: list[tuple[str, int]]) -> ArrayPositions | None:
    """The length and ranges by place of the sampled values that parse as arrays of numbers,
    when every one of them holds as many (Food.com's nutrition, seven each); None when their
    lengths differ (a list of items), or when they hold whole numbers only and but two."""
    arrays: list[list[float]] = []
    whole = True
    for value, _ in common:
        loaded = _loaded(value)
        parsed = loaded[0] if loaded is not None else None
        if not isinstance(parsed, list) or not parsed:
            continue
        numbers = [item for item in parsed if isinstance(item, int | float) and not isinstance(item, bool)]  # pyright: ignore[reportUnknownVariableType]
        if len(numbers) != len(parsed):  # pyright: ignore[reportUnknownArgumentType]
            continue
        whole = whole and all(isinstance(item, int) for item in numbers)
        arrays.append([float(item) for item in numbers])
    lengths = {len(array) for array in arrays}
    if len(lengths) != 1 or (whole and min(lengths) < MIN_WHOLE_ARRAY):
        return None
    ranges = tuple((min(place), max(place)) for place in zip(*arrays, strict=True))
    return ArrayPositions(lengths.pop(), ranges)


def json_key_sql(column_sql: str, key: str) -> str:
    """DuckDB SQL reading one key of the objects in the (quoted) column as text."""
    path = key if _PLAIN_KEY.fullmatch(key) else "$." + json.dumps(key)
    return f"{column_sql}->>{quote_literal(path)}"


def json_items_sql(column_sql: str) -> str:
    """DuckDB SQL unnesting the items of the lists of objects in the (quoted) column, a row
    per item, each a JSON value that `json_key_sql` reads a key of."""
    return f"unnest(from_json({column_sql}, '[\"JSON\"]'))"


def python_json_sql(column_sql: str) -> str:
    """DuckDB SQL turning a Python literal's text (pandas' dict and list cells) into JSON: the
    single quotes around keys and strings (those after a bracket, brace, comma or colon, and
    before one) become double ones, and True, False and None in a value's place JSON's
    constants. A quote inside a string ("Guns N' Roses", which Python writes in double quotes)
    is kept. A value the rewrite leaves invalid reads as NULL (`try`), so that one row does not
    fail the whole query: a string holding a double quote (Python writes 'Documentary "Docs"'
    with the inner quotes bare) or Python's escape of an unprintable character ('Caf\\xa0Bar')."""
    text = column_sql
    for pattern, replacement in _PYTHON_TO_JSON:
        text = f"regexp_replace({text}, {quote_literal(pattern)}, {quote_literal(replacement)}, 'g')"
    return f"try(json({text}))"


# (RE2 has no look-behind: the character before is captured and written back.)
_PYTHON_TO_JSON = (
    (r"([\[{,:]\s*)'", r'\1"'),
    (r"'(\s*[\]},:])", r'"\1'),
    (r"([\[,:]\s*)True\b", r"\1true"),
    (r"([\[,:]\s*)False\b", r"\1false"),
    (r"([\[,:]\s*)None\b", r"\1null"),
)


def _loaded(value: str) -> tuple[object, bool] | None:
    """A value parsed as JSON, or else as a Python literal (read, never run), and whether it
    was Python's; None for other text."""
    try:
        return json.loads(value), False
    except ValueError:
        pass
    stripped = value.strip()
    if not stripped.startswith(("{", "[")):
        return None
    try:
        return ast.literal_eval(stripped), True
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return None


def _as_objects(parsed: object) -> list[dict[str, object]] | None:
    """The objects of a list of objects, None for anything else (a list of numbers, of text,
    or of objects beside other items)."""
    if not isinstance(parsed, list):
        return None
    objects = [_as_object(item) for item in parsed]  # pyright: ignore[reportUnknownVariableType]
    return None if any(item is None for item in objects) else [item for item in objects if item is not None]


def _as_object(parsed: object) -> dict[str, object] | None:
    if not isinstance(parsed, dict):
        return None
    return {str(k): v for k, v in parsed.items()}  # pyright: ignore[reportUnknownVariableType]


def _value_type(item: object) -> str:
    # (bool first: True is an int to Python.)
    if item is None:
        return "null"
    if isinstance(item, bool):
        return "boolean"
    if isinstance(item, int):
        return "integer"
    if isinstance(item, float):
        return "number"
    if isinstance(item, str):
        return "text"
    return "object" if isinstance(item, dict) else "array"


def _key_type(seen: Counter[str]) -> str:
    """The type of a key's set values: whole numbers beside decimals are numbers; types
    that differ otherwise are named together ("text or integer")."""
    kinds = {kind for kind in seen if kind != "null"}
    if not kinds:
        return "null"
    if kinds == {"integer", "number"}:
        return "number"
    return " or ".join(sorted(kinds, key=lambda kind: -seen[kind]))
