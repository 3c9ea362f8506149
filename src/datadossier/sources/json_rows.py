"""A table written as a JSON array of arrays, the first array naming the columns.

The Census Bureau's data API answers so (``[["NAME","B25077_001E",...],["Census Tract 1;
King County; Washington","415000",...],...]``, one array a line), and tutorials save that
response as ``acs.csv``. Read as CSV text it failed with "a header but no data rows" or
"ragged rows", neither of which named the cause; it is rewritten as CSV text instead, one
line for each array, so that its lines stay the file's lines.
"""

import csv
import json
import re
from pathlib import Path

from datadossier.errors import SourceError
from datadossier.sources.compressed import open_bytes

# An array whose first element is an array: a header never opens so.
_ARRAY_OF_ARRAYS = re.compile(r"\A\s*\[\s*\[")

# A cell of such a table: a string, a number, true/false or null (an empty cell).
JsonCell = str | int | float | bool | None


def opens_array_of_arrays(head_text: str) -> bool:
    """Whether the start of a file reads as a JSON array of arrays (``[["NAME",...``)."""
    return _ARRAY_OF_ARRAYS.match(head_text) is not None


# A key of an object and its colon, then a comma between its members.
_MEMBER_KEY = re.compile(r'\s*"(?:[^"\\]|\\.)*"\s*:\s*')
_MEMBER_END = re.compile(r"\s*,")


def opens_keyed_records(head_text: str) -> bool:
    """Whether the start of a file reads as a JSON object whose members are records of one
    shape, keyed by an id (EDGAR's company_tickers.json: ``{"0": {"cik_str": 320193,
    "ticker": "AAPL", ...}, "1": {...}}``): its first two members objects with the same
    keys. read_json makes a column of each record of such a file (one row, thousands of
    columns), so the advice to convert it differs."""
    text = head_text.lstrip()
    if not text.startswith("{"):
        return False
    decoder = json.JSONDecoder()
    shapes: list[frozenset[str]] = []
    at = 1
    for _ in range(2):
        key = _MEMBER_KEY.match(text, at)
        if key is None:
            return False
        try:
            value, at = decoder.raw_decode(text, key.end())
        except ValueError:
            return False
        if not isinstance(value, dict) or not value:
            return False
        shapes.append(frozenset(value))  # pyright: ignore[reportUnknownArgumentType]
        comma = _MEMBER_END.match(text, at)
        if comma is None:
            return False
        at = comma.end()
    return shapes[0] == shapes[1]


def json_rows(path: Path, encoding: str) -> list[list[JsonCell]] | None:
    """The rows of a file holding one JSON array of arrays whose first array names the
    columns (strings only) and whose others hold plain values; None when the file is no such
    document (not JSON, an array of objects, nested values), which is then read as it was."""
    try:
        with open_bytes(path) as fh:
            document: object = json.loads(fh.read().decode(encoding))
    except (ValueError, UnicodeDecodeError):
        return None
    if not isinstance(document, list) or not document:
        return None
    rows: list[list[JsonCell]] = []
    for row in document:  # pyright: ignore[reportUnknownVariableType]
        if not isinstance(row, list) or not all(_plain(cell) for cell in row):  # pyright: ignore[reportUnknownArgumentType, reportUnknownVariableType]
            return None
        rows.append(list(row))  # pyright: ignore[reportUnknownArgumentType]
    if not rows[0] or not all(isinstance(name, str) for name in rows[0]):
        return None
    return rows


def _plain(cell: object) -> bool:
    return cell is None or isinstance(cell, str | int | float | bool)


def write_json_rows_as_csv(rows: list[list[JsonCell]], target: Path) -> None:
    """Write the rows as UTF-8 CSV text, a null as an empty field, true/false as JSON spells
    them; every line ends in LF (a value holding a line end is quoted)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        with target.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh, lineterminator="\n")
            writer.writerows([_text(cell) for cell in row] for row in rows)
    except OSError as exc:
        raise SourceError(f"Cannot write {target}: {exc}.", hint="Free space in the workspace and profile again.") from exc


def _text(cell: JsonCell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return "true" if cell else "false"
    return str(cell)


def array_of_arrays_hint(path: Path) -> str:
    """How to profile a .json file holding an array of arrays (read_json makes one list
    column of it, not a table): the same text under a .csv name is read as a table."""
    return (
        "An array of arrays whose first array names the columns (the Census API's response) is "
        f"read as a table under a .csv name: copy it to {path.with_suffix('.csv')} and profile that."
    )
